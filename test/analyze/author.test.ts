import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeVerbatim, buildReport, createAnalyzer, isBrandMessage } from '../../src/index.js';
import { authorRole, readVerbatims } from '../../src/io/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANCHOR_RE, brandPhrasesIn, CARET_SIGNATURE_RE, mayHaveAnchor, mayOpenWithGreeting, MEDIUM_PATTERNS, STRONG_PATTERNS } from '../../src/analyze/author.js';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { foldText } from '../../src/text/fold.js';

// The texts of the sample corpus, and rows of the benchmarks' export generator (plain JavaScript, imported by URL).
const sample = (parse(readFileSync(new URL('../../corpora/sample.csv', import.meta.url)), { bom: true, delimiter: ';', columns: true }) as Array<{ commentaire: string }>).map((r) => r.commentaire);
const generator = (await import(String(new URL('../../bench/gen-corpus.mjs', import.meta.url)))) as {
  corpusRows(options: { kind: 'growing'; seed: number }): Iterator<{ commentaire: string }>;
};
const rows = generator.corpusRows({ kind: 'growing', seed: 5 });
const growing = Array.from({ length: 4000 }, () => rows.next().value.commentaire);
// Chats and emails with personal data, in every style.
const pii = readFileSync(new URL('../fixtures/pii/verbatims.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { text: string }).text);
// A brand's replies and posts.
const brandSpeaking = [
  'Bonjour Marc, nous sommes désolés pour ce désagrément. Envoyez-nous un MP avec votre numéro de commande.',
  'Hello Sandrine ! Nous sommes navrés de lire ceci, écrivez-nous en message privé et nous regardons ça ^JD',
  "Merci pour votre avis ! N'hésitez pas à revenir vers nous si besoin. L'équipe Optique Lumière",
  "Nous vous remercions pour votre retour. Nos équipes ont bien pris note et nous restons à votre disposition.",
  'Bonjour, nous vous invitons à contacter notre service client au 09 00 00 00 00. Belle journée, le service client',
  "Votre satisfaction est notre priorité : nous revenons vers vous très vite.",
  'On regarde ça tout de suite ^Léa',
];
describe('brand and agent messages', () => {
  it.each(brandSpeaking)('%j is the brand speaking', (text) => {
    expect(isBrandMessage(text)).toBe(true);
  });

  it.each([
    'Je suis désolée mais votre service client est nul, trois semaines sans réponse.',
    "Merci pour votre aide, la conseillère a été parfaite et nos enfants sont ravis.",
    'Bonjour, je vous écris car ma commande n\'est jamais arrivée. Cordialement, Marc',
    "Votre équipe m'a envoyé un MP pour dire qu'ils étaient désolés, toujours rien depuis",
    'Nous sommes désolés pour nos voisins, la livraison a bloqué la rue',
    'Prix en hausse de 20 % ^^',
  ])('%j is a customer', (text) => {
    expect(isBrandMessage(text)).toBe(false);
  });

  it.each([
    ['Marque', 'agent'],
    ['réponse', 'agent'],
    ['Service client', 'agent'],
    ['community_manager', 'agent'],
    ['@OptiqueLumiere', 'agent'],
    ['Client', 'customer'],
    ['Marc D.', 'customer'],
    ['', 'customer'],
  ])('author cell %j → %s', (value, role) => {
    expect(authorRole(value, ['@optiquelumiere'])).toBe(role);
  });

  const analyzer = createAnalyzer({ detectLanguage: false });

  it('carries no labels, and the author column wins over the wording', () => {
    const reply = analyzeVerbatim({ id: 'r', text: "Nous sommes désolés pour le retard de livraison, n'hésitez pas à nous écrire.", channel: 'reseaux_sociaux' }, analyzer);
    expect(reply.author).toBe('agent');
    expect([reply.themes, reply.irritants, reply.enchantments, reply.intents]).toEqual([[], [], [], []]);
    expect(reply.tonality).toBe('neutre');
    const told = analyzeVerbatim({ id: 't', text: 'Livraison en retard de deux semaines.', author: 'agent' }, analyzer);
    expect(told.author).toBe('agent');
    const customer = analyzeVerbatim(
      { id: 'c', text: "Nous sommes désolés pour le retard de livraison, n'hésitez pas à nous écrire.", author: 'customer' },
      analyzer,
    );
    expect(customer.author).toBeUndefined();
    expect(customer.themes).toContain('livraison');
    const off = analyzeVerbatim({ id: 'o', text: reply.text }, analyzer, { detectAgentMessages: false });
    expect(off.author).toBeUndefined();
  });

  it('is counted apart in reports, out of every customer figure', async () => {
    const texts = [
      'Colis jamais reçu, service client injoignable.',
      "Bonjour Julie, nous sommes désolés. Envoyez-nous un MP avec votre numéro de commande ^AB",
      'Livraison rapide, merci !',
    ];
    const analyses = texts.map((text, i) => analyzeVerbatim({ id: String(i), text, channel: 'reseaux_sociaux' }, analyzer));
    const report = await buildReport(analyses);
    const social = report.channels.find((c) => c.channel === 'reseaux_sociaux');
    expect(social?.verbatims).toBe(2);
    expect(social?.agentMessages).toBe(1);
    expect(report.all.agentMessages).toBe(1);
    expect(report.all.verbatims).toBe(2);
  });

  it('reads an author column (auto-detected or named) and the brand account names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vfr-author-'));
    const file = join(dir, 'social.csv');
    writeFileSync(file, 'commentaire;role;compte\nColis jamais reçu;client;@julie\nOn regarde ça;marque;@OptiqueLumiere\nMerci !;;@OptiqueLumiere\n');
    const read = async (options: Parameters<typeof readVerbatims>[1]) => {
      const out: Array<string | undefined> = [];
      for await (const item of readVerbatims([file], options)) if (item.type === 'verbatim') out.push(item.verbatim.author);
      return out;
    };
    expect(await read({})).toEqual(['customer', 'agent', 'customer']);
    expect(await read({ author: 'compte', agentAuthors: ['@optiquelumiere'] })).toEqual(['customer', 'agent', 'agent']);
  });
});

// isBrandMessage folds a text only when its raw characters may spell an anchor word once folded, or a
// greeting opening it: the gate must answer true for every text whose fold holds one (a superset),
// whatever the case, accents, stretched letters, invisible characters or ligatures in between.
const gate = (text: string): boolean => mayHaveAnchor(text) || mayOpenWithGreeting(text);
const BRAND_PATTERNS = [...STRONG_PATTERNS, ...MEDIUM_PATTERNS];

describe('the raw-text gate of isBrandMessage', () => {
  it.each([
    ['NOUS REGRETTONS', true],
    ['desoooooles', true],
    ['de\u00ADsolés', true],
    ['nos con\u200Bseillers', true],
    ['v\u00F4tre avis', true],
    ['Vo\u0302tre avis', true],
    ['le\u00A0\u200B  nécessaire', true],
    ['ｅquipe', true], // fullwidth: foldText reads it by word, the gate cannot tell
    ['ÉQUIPE', true],
    ['ⓝⓞⓢ ⓒⓞⓝⓢⓔⓘⓛⓛⓔⓡⓢ', true],
    ['ⓝⓞⓢ', false],
    ['par\tmp', true],
    ['Bonjour Marc,', true],
    ['\u200BBONJOUR  Éric', true],
    ['Bonjourrr Marc', true],
    ['Bonjour, je', false],
    ['Bonjour Marc', true],
    ['hellœ', true], // œ folds to "oe": the gate cannot tell
    ['livraison rapide, produit conforme', false],
    ['colis arrivé cassé, 3 semaines de retard', false],
    ['Merci beaucoup, nous sommes ravis de votre produit', false],
    [' Bonjour Marc,', false], // foldText keeps the space: no greeting opens the text
    ['Je dis bonjour', false],
    ['nous regret tons', false],
    ['😀 top 😀', false],
  ])('%j → %s', (text, expected) => {
    expect(gate(text)).toBe(expected);
    if (expected === false) expect(ANCHOR_RE.test(foldText(text))).toBe(false);
  });

  const tricky = [...'nousvtremcihzdalbjpgyNOUSVTREMCIHZ  éèêÉÔôÖöûüÜçÇ'].concat([
    '\u00AD', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u0301', '\u0308', '\u00A0', '\u202F', '\u2003', '\t', '\n',
    'œ', 'Œ', 'ß', 'æ', 'ĳ', 'İ', 'ı', 'Σ', 'ｎ', 'ⓝ', 'Ⓞ', '🄽', 'ⁿ', 'º', '…', '’', '😀', '\uD800', 'ø', 'ſ', 'ǆ', '¨', 'K', 'ﬁ', 'ⅴ', '-', '‐',
  ]);
  const anchors = ['nous regrettons', 'votre avis', 'ce retour', 'equipe', 'ez-nous', 'hesitez pas', 'le necessaire', 'en mp', 'par message prive', 'bonjour marc', 'hello ', 'bonsoir,', 'bonjourr'];
  // An anchor word with tricky characters slipped in, among tricky characters.
  const spelled = fc
    .tuple(fc.constantFrom(...anchors), fc.array(fc.constantFrom(...tricky), { maxLength: 3 }), fc.nat())
    .map(([word, inserted, at]) => {
      const chars = [...word];
      chars.splice(at % (chars.length + 1), 0, ...inserted);
      return chars.join('');
    });
  const text = fc.array(fc.oneof(fc.array(fc.constantFrom(...tricky), { maxLength: 12 }).map((a) => a.join('')), spelled), { maxLength: 4 }).map((a) => a.join(''));

  it('answers true for every text whose fold holds an anchor word or opens with a greeting', () => {
    fc.assert(fc.property(text, (t) => !ANCHOR_RE.test(foldText(t)) || gate(t)), { numRuns: 5_000 });
  });

  // The anchors are read off the patterns by hand: every match of a brand pattern holds one.
  const words = (
    "nous vous notre votre nos equipe equipes sommes vraiment sincerement desoles navres confus prions de excuser excusons regrettons comprenons " +
    "remercions merci pour ce avis retour commentaire message note temoignage partage n'hesitez pas a revenir vers contacter restons disposition " +
    'ecoute au plaisir revoir accueillir service client clients conseillers avons transmis transmettons allons transmettre faisons le necessaire ' +
    'faire souhaitons esperons que bonjour bonsoir hello marc en par mp dm prive envoyez ecrivez adressez un revenons reviendrons invitons ' +
    "ecrire satisfaction est reste priorite cordialement bien belle journee l' la community manager"
  ).split(' ');
  const phrase = fc
    .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', ' ', ' ', '-', ', ', '! ', '')), { minLength: 1, maxLength: 10 })
    .map((parts) => parts.map(([w, g]) => w + g).join(''));

  it('property: every match of a brand pattern holds an anchor', () => {
    fc.assert(
      fc.property(phrase, (t) => {
        const folded = foldText(t);
        return !BRAND_PATTERNS.some((re) => re.test(folded)) || ANCHOR_RE.test(folded);
      }),
      { numRuns: 20_000 },
    );
  });

  // The gates change no answer: on real-looking corpora, isBrandMessage says what reading every text whole says.
  const whole = (t: string): boolean => CARET_SIGNATURE_RE.test(t.trimEnd()) || brandPhrasesIn(foldText(t));
  it.each([
    ['corpora/sample.csv', sample, 0],
    ['4,000 generated export rows', growing, 0],
    ['the personal-data development set', pii, 0],
    ["the brand's replies above", brandSpeaking, brandSpeaking.length],
  ])('answers on %s as reading every text whole', (_name, texts, least) => {
    const brand = texts.filter(whole);
    expect(brand.length).toBeGreaterThanOrEqual(least);
    expect(texts.filter((t) => isBrandMessage(t))).toEqual(brand);
  });

  it.each([
    'nous sommes sincerement navres',
    'merci de ce temoignage',
    'nous vous remercions pour votre partage',
    'adressez-nous un message',
    'bonsoir marc,',
    'cordialement, l\'equipe',
    'nous allons faire le necessaire',
    'nous esperons que',
  ])('the anchors cover %j, a match of a brand pattern', (t) => {
    expect(BRAND_PATTERNS.some((re) => re.test(t))).toBe(true);
    expect(ANCHOR_RE.test(t)).toBe(true);
  });
});
