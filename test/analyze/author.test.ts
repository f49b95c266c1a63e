import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeVerbatim, buildReport, createAnalyzer, isBrandMessage } from '../../src/index.js';
import { authorRole, readVerbatims } from '../../src/io/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANCHOR_RE, mayHaveAnchor } from '../../src/analyze/author.js';
import { foldText } from '../../src/text/fold.js';

describe('brand and agent messages', () => {
  it.each([
    'Bonjour Marc, nous sommes désolés pour ce désagrément. Envoyez-nous un MP avec votre numéro de commande.',
    'Hello Sandrine ! Nous sommes navrés de lire ceci, écrivez-nous en message privé et nous regardons ça ^JD',
    "Merci pour votre avis ! N'hésitez pas à revenir vers nous si besoin. L'équipe Optique Lumière",
    "Nous vous remercions pour votre retour. Nos équipes ont bien pris note et nous restons à votre disposition.",
    'Bonjour, nous vous invitons à contacter notre service client au 09 00 00 00 00. Belle journée, le service client',
    "Votre satisfaction est notre priorité : nous revenons vers vous très vite.",
    'On regarde ça tout de suite ^Léa',
  ])('%j is the brand speaking', (text) => {
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

// isBrandMessage folds a text only when its raw characters may spell an anchor word once folded: the
// gate must answer true for every text whose fold holds one (a superset), whatever the case, accents,
// stretched letters, invisible characters or ligatures in between.
describe('the raw-text gate of isBrandMessage', () => {
  it.each([
    ['NOUS avons', true],
    ['nouuuuus', true],
    ['no\u00ADus', true],
    ['vo\u200Bus', true],
    ['v\u00F4tre', true],
    ['Vo\u0302tre', true],
    ['belle\u00A0\u200B  journée', true],
    ['ｍerci', true], // fullwidth: foldText reads it by word, the gate cannot tell
    ['MÊRÇÎ', true],
    ['hellœ', true], // œ folds to "oe"
    ['ⓝⓞⓢ', true],
    ['par\tmp', true],
    ['livraison rapide, produit conforme', false],
    ['colis arrivé cassé, 3 semaines de retard', false],
    ['no us', false],
    ['😀 top 😀', false],
  ])('%j → %s', (text, expected) => {
    expect(mayHaveAnchor(text)).toBe(expected);
    if (expected === false) expect(ANCHOR_RE.test(foldText(text))).toBe(false);
  });

  const tricky = [...'nousvtremcihzdalbjpgyNOUSVTREMCIHZ  éèêÉÔôÖöûüÜçÇ'].concat([
    '\u00AD', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u0301', '\u0308', '\u00A0', '\u202F', '\u2003', '\t', '\n',
    'œ', 'Œ', 'ß', 'æ', 'ĳ', 'İ', 'ı', 'Σ', 'ｎ', 'ⓝ', 'Ⓞ', '🄽', 'ⁿ', 'º', '…', '’', '😀', '\uD800', 'ø', 'ſ', 'ǆ', '¨', 'K', 'ﬁ', 'ⅴ',
  ]);
  const anchors = ['nous', 'vous', 'votre', 'notre', 'nos', 'merci', 'hesitez', 'cordialement', 'belle journee', 'bonjour', 'bonsoir', 'hello', 'en mp', 'par message prive'];
  // An anchor word with tricky characters slipped in, among tricky characters.
  const spelled = fc
    .tuple(fc.constantFrom(...anchors), fc.array(fc.constantFrom(...tricky), { maxLength: 3 }), fc.nat())
    .map(([word, inserted, at]) => {
      const chars = [...word];
      chars.splice(at % (chars.length + 1), 0, ...inserted);
      return chars.join('');
    });
  const text = fc.array(fc.oneof(fc.array(fc.constantFrom(...tricky), { maxLength: 12 }).map((a) => a.join('')), spelled), { maxLength: 4 }).map((a) => a.join(''));

  it('answers true for every text whose fold holds an anchor word', () => {
    fc.assert(fc.property(text, (t) => !ANCHOR_RE.test(foldText(t)) || mayHaveAnchor(t)), { numRuns: 5_000 });
  });
});
