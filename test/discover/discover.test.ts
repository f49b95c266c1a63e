// Discovery: the unexplained verbatims of a small hand-written corpus (10
// complaints about lumps in a pancake mix, a topic no default entry knows,
// among complaints and praise the lexicons explain), their topic, the draft
// layer, the merge of shards, kwic, and the CLI in-process.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyzeVerbatim,
  createAnalyzer,
  createDiscoverBuilder,
  createKwic,
  discover,
  discoverHtmlSection,
  draftLexicon,
  finalizeDiscover,
  kwicLayer,
  mergeDiscoverStates,
  parseLexicon,
  renderDiscover,
  renderKwic,
  type Analyzer,
  type KwicResult,
  type DiscoverResult,
  type VerbatimAnalysis,
} from '../../src/index.js';
import { main } from '../../src/cli/main.js';
import { wilsonLow } from '../../src/discover/discover.js';
import { groupingMethod, readGroupingMethod } from '../../src/discover/messages.js';
import { analyzeFiles } from '../../src/run/analyze-files.js';

const root = resolve(import.meta.dirname, '../..');
const FIXTURE = join(root, 'test/fixtures/discover/avis.csv');
const BASE_FILE = join(root, 'test/fixtures/discover/base.yml');
// The tests' own small lexicon: compiled in milliseconds (the default takes seconds in tests).
const BASE = parseLexicon(readFileSync(BASE_FILE, 'utf8'), { file: 'base.yml' });
const LEXICON = ['--no-default-lexicon', '--lexicon', BASE_FILE];
const rows = parse(readFileSync(FIXTURE), { delimiter: ';', columns: true }) as Array<{ id: string; note: string; commentaire: string }>;

let analyzer: Analyzer;
let analyses: VerbatimAnalysis[];
let result: DiscoverResult;

beforeAll(async () => {
  analyzer = createAnalyzer({ includeDefault: false, lexicons: [BASE] });
  analyses = rows.map((r) => analyzeVerbatim({ id: r.id, text: r.commentaire, channel: 'avis_en_ligne', score: Number(r.note) }, analyzer));
  result = await discover(analyses, { examples: 5 });
});

describe('discover', () => {
  it('finds the unexplained complaints and groups them into one irritant topic', () => {
    expect(result.verbatims).toBe(34);
    expect(result.unexplained).toEqual({ total: 10, noConcept: 0, dissatisfied: 10, satisfied: 0 });
    expect(result.scales).toEqual([{ channel: 'avis_en_ligne', kind: 'stars', min: 1, max: 5 }]);
    const [topic] = result.topics;
    expect(result.topics).toHaveLength(1);
    expect(topic).toMatchObject({ id: 'candidat_grumeaux', kind: 'irritant', verbatims: 10, dissatisfied: 10 });
    expect(topic?.meanScores).toEqual([{ scale: 'stars', min: 1, max: 5, mean: 1.3, verbatims: 10 }]);
    expect(topic?.expressions.map((e) => e.text)).toEqual(expect.arrayContaining(['grumeaux', 'preparation']));
    expect(topic?.channels).toEqual([{ channel: 'avis_en_ligne', verbatims: 10, share: 0.2941 }]);
  });

  it.each([
    [undefined, false],
    [false, true],
  ])('keeps the texts with personal data masked (maskPersonalData %s)', (maskPersonalData, kept) => {
    const b = createDiscoverBuilder(maskPersonalData === undefined ? {} : { maskPersonalData });
    b.add(analyses.find((a) => a.id === 'R003') as VerbatimAnalysis);
    const [item] = b.snapshot().sample;
    expect(item?.text.includes('lea.martin@example.org')).toBe(kept);
    expect(item?.text.startsWith('Des grumeaux partout')).toBe(true);
  });

  it('gives the same topics in the same order whatever the order of the verbatims', async () => {
    const reversed = await discover([...analyses].reverse(), { examples: 5 });
    expect(reversed).toEqual(result);
  });

  it('finds nothing when every verbatim is explained', async () => {
    const explained = analyses.filter((a) => a.irritants.some((i) => i !== a.residual) || a.enchantments.length > 0);
    const none = await discover(explained);
    expect(none.topics).toEqual([]);
    expect(renderDiscover(none, 'table', { lang: 'en' })).toContain('No candidate topic');
    expect(renderDiscover(none)).toContain('Aucun sujet candidat');
  });

  it('property: the merge of two shards is the state of the whole, whatever the split and the sample size', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(analyses.length - 1), { maxLength: 60 }), fc.integer({ min: 1, max: analyses.length }), fc.integer({ min: 1, max: 40 }), (picks, cut, sampleSize) => {
        const items = picks.map((i) => analyses[i] as VerbatimAnalysis);
        const state = (part: VerbatimAnalysis[]) => {
          const b = createDiscoverBuilder({ sampleSize });
          for (const a of part) b.add(a);
          return b.snapshot();
        };
        const at = Math.min(cut, items.length);
        const whole = state(items);
        const [left, right] = [state(items.slice(0, at)), state(items.slice(at))];
        expect(mergeDiscoverStates(left, right)).toEqual(whole);
        expect(mergeDiscoverStates(right, left)).toEqual(whole);
        expect(finalizeDiscover(mergeDiscoverStates(left, right))).toEqual(finalizeDiscover(whole));
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    [{ sampleSize: 0 }, /sampleSize/],
    [null, /options to be an object/],
  ])('refuses bad options %j', (options, message) => {
    expect(() => createDiscoverBuilder(options as never)).toThrow(message);
  });

  it('refuses a state that is not one', () => {
    expect(() => finalizeDiscover({} as never)).toThrow(/DiscoverState/);
  });
});

describe('discover: what the draft may say', () => {
  /** An analysis written by hand: only what discovery reads. */
  const fake = (id: string, score: number, keywords: string[], irritants: string[] = [], enchantments: string[] = []): VerbatimAnalysis => ({
    id,
    channel: 'avis_en_ligne',
    score,
    text: keywords.join(' '),
    language: 'fra',
    tokenCount: keywords.length,
    wordCount: keywords.length,
    contentWordCount: keywords.length,
    keywords,
    matches: irritants.length + enchantments.length > 0 ? [{ id: irritants[0] ?? (enchantments[0] as string), kind: irritants.length > 0 ? 'irritant' : 'enchantment', term: 'x', tokenStart: 0, tokenEnd: 1, start: 0, end: 1, text: 'x', negated: false }] : [],
    themes: [],
    concepts: [],
    irritants,
    enchantments,
    intents: [],
    tonality: score <= 2 ? 'negatif' : 'positif',
    sentiment: { positive: 0, negative: 0 },
  });
  // Refund complaints the lexicon explains say "avoir", delivery ones "retard"; unexplained ones say "avoir" too,
  // or "bloqué" (new); happy customers say "merci", some "pas bloqué" (negated: it must not count for "bloqué").
  const corpus = [
    ...Array.from({ length: 8 }, (_, i) => fake(`E${i}`, 1, ['avoir', 'attente', `mot${i}`], ['remboursement'])),
    ...Array.from({ length: 10 }, (_, i) => fake(`D${i}`, 2, ['colis', 'retard', `z${i}`], ['attente'])),
    ...Array.from({ length: 10 }, (_, i) => fake(`U${i}`, 1, ['avoir', `autre${i}`])),
    ...Array.from({ length: 8 }, (_, i) => fake(`B${i}`, 2, ['bloque', `x${i}`])),
    ...Array.from({ length: 160 }, (_, i) => fake(`S${i}`, 5, i < 6 ? ['merci', 'pas', 'bloque'] : ['merci', 'rapide'], [], ['satisfaction'])),
  ];

  it('drafts a new entry for a term of the unexplained complaints only, and adds a term of explained ones to their entry', async () => {
    const r = await discover(corpus);
    const expressions = r.topics.flatMap((t) => t.expressions);
    expect(expressions.find((e) => e.key === 'avoir')).toMatchObject({ kind: 'irritant', specific: false, extends: 'remboursement' });
    // Negated occurrences are left out: "pas bloqué" in praise does not make "bloqué" a theme.
    expect(expressions.find((e) => e.key === 'bloqu')).toMatchObject({ kind: 'irritant', specific: true, satisfied: 0 });
    expect(expressions.find((e) => e.key === 'bloqu')?.extends).toBeUndefined();
    const layer = parseLexicon(draftLexicon(r), { file: 'draft.yml' });
    expect(layer.entries).toEqual(
      expect.arrayContaining([
        { id: 'remboursement', addTerms: ['stem:avoir'] },
        expect.objectContaining({ kind: 'irritant', terms: ['stem:bloque'] }),
      ]),
    );
    // The layer composes with the lexicon it was drawn from (a patch of an existing id).
    expect(() => createAnalyzer({ includeDefault: false, lexicons: [BASE, layer] })).not.toThrow();
  });

  it('leaves a term as frequent in praise as in complaints out of the irritants', async () => {
    const mixed = [...corpus, ...Array.from({ length: 6 }, (_, i) => fake(`M${i}`, 5, ['bloque', `y${i}`], [], ['satisfaction']))];
    // A loose p-value, so that the term is a candidate at all: the lean check alone keeps it out.
    const r = await discover(mixed, { maxP: 0.5 });
    const bloque = r.topics.flatMap((t) => t.expressions).find((e) => e.key === 'bloqu');
    expect(bloque?.kind).toBe('theme');
    expect(parseLexicon(draftLexicon(r), { file: 'draft.yml' }).entries ?? []).not.toContainEqual(expect.objectContaining({ terms: ['stem:bloque'] }));
  });

  it('gives the mean score per scale: stars and NPS are not averaged together', async () => {
    // The complaints about lumps again, as NPS answers (score × 2 on 0–10) on a survey channel.
    const survey = analyses.map((a) => ({ ...a, id: `N${a.id}`, channel: 'enquete', score: Math.min(10, 2 * (a.score as number)) }));
    const r = await discover([...analyses, ...survey]);
    expect(r.scales.map((x) => [x.channel, x.kind])).toEqual([
      ['avis_en_ligne', 'stars'],
      ['enquete', 'nps'],
    ]);
    expect(r.topics[0]?.meanScores).toEqual([
      { scale: 'nps', min: 0, max: 10, mean: 2.6, verbatims: 10 },
      { scale: 'stars', min: 1, max: 5, mean: 1.3, verbatims: 10 },
    ]);
  });

  it.each([
    [0, 0, 0],
    [10, 10, 0.7225],
    [5, 10, 0.2366],
    [0, 7, 0],
  ])('wilsonLow(%i, %i) = %f', (hits, n, low) => {
    expect(wilsonLow(hits, n)).toBeCloseTo(low, 4);
  });

  it('keeps no personal data in the keywords of the state', () => {
    const a = analyzeVerbatim({ id: 'P1', text: 'Grumeaux encore. Écrivez à Madame Durand, jeanne.durand@example.org, ou au 06 12 34 56 78.', channel: 'avis_en_ligne', score: 1 }, analyzer);
    expect(a.keywords).toEqual(expect.arrayContaining(['durand']));
    const masked = createDiscoverBuilder();
    masked.add(a);
    const [item] = masked.snapshot().sample;
    expect(item?.keywords).toContain('grumeaux');
    expect(item?.keywords).toContain(null);
    expect(JSON.stringify(item?.keywords)).not.toMatch(/durand|example|06|12 34/u);
    const kept = createDiscoverBuilder({ maskPersonalData: false });
    kept.add(a);
    expect(kept.snapshot().sample[0]?.keywords).toEqual(a.keywords);
  });

  it('keeps the same state on 1 and 2 analysis workers (states merged)', async () => {
    // The fixture 20 times over (680 rows: several batches for each worker), with ids of their own.
    const dir = mkdtempSync(join(tmpdir(), 'discover-workers-'));
    const file = join(dir, 'avis.csv');
    const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
    writeFileSync(file, [lines[0], ...Array.from({ length: 20 }, (_, k) => lines.slice(1).map((l) => l.replace(/^R/u, `R${k}-`))).flat()].join('\n'));
    const run = (workers: number) =>
      analyzeFiles([{ path: file, channel: 'avis_en_ligne' }], {
        includeDefault: false,
        lexicons: [BASE_FILE],
        discover: { sampleSize: 500 },
        workers,
        workerScript: join(root, 'dist/cli/bin.js'),
      });
    const [one, two] = [await run(1), await run(2)];
    expect(two.discover?.verbatims).toBe(680);
    expect(two.discover).toEqual(one.discover);
    expect(finalizeDiscover(two.discover as never)).toEqual(finalizeDiscover(one.discover as never));
  }, 30_000);
});

describe('renders', () => {
  it.each([
    ['table', 'candidat_grumeaux'],
    ['md', '| 1 | candidat\\_grumeaux |'],
    ['html', '<code>candidat_grumeaux</code>'],
  ] as const)('%s shows the topic', (format, expected) => {
    expect(renderDiscover(result, format)).toContain(expected);
  });

  it('json is the result', () => {
    expect(JSON.parse(renderDiscover(result, 'json'))).toEqual(result);
  });

  it.each([
    [
      'fr',
      'Sur 34 verbatims, 10 ne sont pas expliqués par les lexiques : 10 insatisfaits sans irritant, 0 satisfait sans enchantement, 0 autre sans aucun concept (échelles : avis_en_ligne étoiles).',
      ['candidat  ', 'insatisfaits', 'note moyenne', '1,3/5 étoiles', '1. grumeaux — irritant, 10 verbatims ; avis_en_ligne 10 (29,4 %)', 'Regroupement : expressions de 1 à 4 racines', 'p < 0,05', 'au moins 0,5 du plus petit'],
    ],
    [
      'en',
      '10 of 34 verbatims unexplained by the lexicons: 10 dissatisfied with no irritant, 0 satisfied with no enchantment, 0 others with no concept at all (scales: avis_en_ligne stars).',
      ['candidate  ', 'dissatisfied', 'mean score', '1.3/5 stars', '1. grumeaux — irritant, 10 verbatims; avis_en_ligne 10 (29.4%)', 'Grouping: expressions of 1 to 4 stems', 'p < 0.05', 'at least 0.5 of the smaller'],
    ],
  ] as const)('the table in %s (French by default)', (lang, heading, words) => {
    const text = lang === 'fr' ? renderDiscover(result) : renderDiscover(result, 'table', { lang });
    expect(text.split('\n')[0]).toBe(heading);
    for (const word of words) expect(text).toContain(word);
  });

  it('md and html in French: headers, kind names, the page language; JSON the same in both', () => {
    const md = renderDiscover(result, 'md');
    expect(md).toContain('## Sujets candidats');
    expect(md).toContain('| # | Candidat | Type | Verbatims | Insatisfaits | Note moyenne | Canaux | Expressions clés |');
    expect(md).toContain('Termes : `stem:grumeaux`');
    const theme = structuredClone(result);
    (theme.topics[0] as { kind: string }).kind = 'theme';
    const html = renderDiscover(theme, 'html');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>Sujets candidats</title>');
    expect(html).toContain('<td>thème</td>');
    expect(renderDiscover(theme, 'html', { lang: 'en' })).toContain('<td>theme</td>');
    expect(renderDiscover(result, 'json')).toBe(renderDiscover(result, 'json', { lang: 'en' }));
  });

  it('the grouping sentence is read back from the result and said in French; an unknown one is shown as it is', () => {
    const params = readGroupingMethod(result.method);
    expect(params).toEqual({ maxWords: 4, maxP: 0.05, minVerbatims: 3, minOverlap: 0.5, minLean: 0.2, minCooccurrence: 0.5 });
    expect(groupingMethod(params!, 'en')).toBe(result.method);
    expect(readGroupingMethod('grouped by hand')).toBeUndefined();
    expect(renderDiscover({ ...result, method: 'grouped by hand' })).toContain('Regroupement : grouped by hand.');
  });

  it('html escapes the texts', () => {
    const tricky = structuredClone(result);
    (tricky.topics[0] as { label: string }).label = '<script>x</script>';
    expect(discoverHtmlSection(tricky)).not.toContain('<script>');
  });
});

describe('draft', () => {
  it('is a valid layer: one commented candidate entry with the terms of the topic', () => {
    const draft = draftLexicon(result, { lang: 'en' });
    expect(draft).toContain('# Topic 1: 10 unexplained verbatims');
    expect(draft).toMatch(/^ {2}# {3}\[avis_en_ligne, [12]\] /m);
    const layer = parseLexicon(draft, { file: 'draft.yml' });
    expect(layer.entries).toEqual([
      { id: 'candidat_grumeaux', kind: 'irritant', label: 'Candidat : grumeaux', terms: ['stem:grumeaux', 'stem:preparation'] },
    ]);
  });

  it('comments in French by default, the same entries', () => {
    const draft = draftLexicon(result);
    expect(draft).toContain('  # Sujet 1 : 10 verbatims inexpliqués, 10 insatisfaits, 0 satisfait, note moyenne 1,3/5 étoiles\n');
    expect(draft).toContain('  # Exemples :\n');
    expect(draft).not.toContain('Topic');
    expect(parseLexicon(draft, { file: 'brouillon.yml' }).entries).toEqual(parseLexicon(draftLexicon(result, { lang: 'en' }), { file: 'draft.yml' }).entries);
  });

  it('keeps the entries key when every candidate is a commented theme: uncommented, it is a valid layer', () => {
    const themes = { ...result, topics: result.topics.map((t) => ({ ...t, kind: 'theme' as const })) };
    const draft = draftLexicon(themes);
    expect(parseLexicon(draft, { file: 'draft.yml' }).entries ?? []).toEqual([]);
    // The entry's own lines (`  #- id:`, `  #  kind:`, `  #    - term`), not the comments about it.
    const uncommented = draft
      .split('\n')
      .map((line) => (/^ {2}#(- id:| {2}[a-z]| {4}- )/u.test(line) ? `  ${line.slice(3)}` : line))
      .join('\n');
    const layer = parseLexicon(uncommented, { file: 'draft.yml' });
    expect(layer.entries).toEqual([expect.objectContaining({ kind: 'theme', terms: ['stem:grumeaux', 'stem:preparation'] })]);
  });

  it('writes a layer without entries when there is no topic', () => {
    const empty = draftLexicon({ ...result, topics: [] });
    expect(parseLexicon(empty, { file: 'empty.yml' }).entries ?? []).toEqual([]);
  });
});

describe('kwic', () => {

  it('lists every hit with its context, channel and score; with an entry, what the term adds to it', () => {
    const entry = createAnalyzer({ includeDefault: false, lexicons: [BASE] }).entries.get('remboursement');
    const probe = createAnalyzer({ includeDefault: false, lexicons: [BASE, kwicLayer('stem:grumeaux|remboursement', entry)] });
    const kwic = createKwic({ width: 12, entry: { id: 'remboursement', kind: 'irritant' } });
    for (const r of rows) kwic.add(analyzeVerbatim({ id: r.id, text: r.commentaire, channel: 'avis_en_ligne', score: Number(r.note) }, probe));
    const k = kwic.result();
    expect(k.hits[0]).toEqual({ id: 'R001', channel: 'avis_en_ligne', score: 2, left: 'es fait des', match: 'grumeaux', right: ', bof.', negated: false });
    expect(k.hits.filter((h) => h.match.toLowerCase() === 'grumeaux')).toHaveLength(10);
    expect(k.channels).toEqual([{ channel: 'avis_en_ligne', verbatims: 34, hits: k.hits.length, matched: k.matched }]);
    // The verbatims about a refund already had the entry; those about lumps would be added.
    expect(k.entry).toEqual({ id: 'remboursement', alreadyHad: k.matched - 10, wouldAdd: 10 });
    expect(k.matched).toBeGreaterThan(10);
  });

  // One negated hit, written by hand: the words around the figures in each language, the columns under their headers.
  const one: KwicResult = {
    verbatims: 3,
    hits: [{ id: 'R1', channel: 'avis_en_ligne', score: 1, left: 'pas de', match: 'grumeaux', right: 'partout', negated: true }],
    matched: 1,
    channels: [{ channel: 'avis_en_ligne', verbatims: 3, hits: 1, matched: 1 }],
    entry: { id: 'attente', alreadyHad: 0, wouldAdd: 1 },
  };
  it.each([
    ['fr', '[grumeaux] (nié) partout', '1 occurrence dans 1 verbatim sur 3 pour grumeaux', 'canal          occurrences  verbatims  sur', "entrée attente : le terme lui ajouterait 1 verbatim ; 0 des 1 qu'il trouve l'avaient déjà"],
    ['en', '[grumeaux] (negated) partout', '1 hits in 1 of 3 verbatims for grumeaux', 'channel        hits  verbatims  of', 'entry attente: the term would add 1 verbatims; 0 of the 1 it matches already had it'],
  ] as const)('renders the hits in %s (French by default)', (lang, hit, total, head, entry) => {
    const lines = (lang === 'fr' ? renderKwic(one, 'table', 'grumeaux') : renderKwic(one, 'table', 'grumeaux', { lang })).split('\n');
    expect(lines[0]).toContain(hit);
    expect(lines).toContain(total);
    expect(lines).toContain(head);
    // The counts end where their headers end.
    const row = lines[lines.indexOf(head) + 1] as string;
    expect(row.length).toBe(head.length - head.split('  ').at(-1)!.length + 1);
    expect(lines).toContain(entry);
  });

  it('says what is wrong with a malformed term', () => {
    expect(() => kwicLayer('colis {9,2} abîmé')).toThrow(/gap/);
  });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) => new Writable({ write(chunk, _e, cb) { add(String(chunk)); cb(); } });
  const code = await main(args, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)), env: { CI: 'true', VERBATIM_LANG: 'en' }, stdin: Readable.from([]) });
  return { code, stdout, stderr };
}

describe('CLI', () => {
  it('discover --draft writes a layer that --lexicon layers as is: the complaints are explained', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'discover-'));
    const draft = join(dir, 'draft.yml');
    const r = await cli(['discover', FIXTURE, '--channel', 'avis_en_ligne', ...LEXICON, '--format', 'json', '--draft', draft]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).topics[0].id).toBe('candidat_grumeaux');
    const layered = await cli(['discover', FIXTURE, '--channel', 'avis_en_ligne', ...LEXICON, '--format', 'json', '--lexicon', draft]);
    expect(JSON.parse(layered.stdout).unexplained.dissatisfied).toBe(0);
  });

  it('kwic prints the hits and the counts per channel', async () => {
    const r = await cli(['kwic', 'stem:grumeaux', FIXTURE, '--channel', 'avis_en_ligne', ...LEXICON, '--entry', 'remboursement']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[grumeaux]');
    expect(r.stdout).toContain('10 hits in 10 of 34 verbatims for stem:grumeaux');
    expect(r.stdout).toContain('entry remboursement: the term would add 10 verbatims; 0 of the 10 it matches already had it');
  });

  it.each([
    [['kwic', 'a {', FIXTURE, ...LEXICON], 3, /bad gap syntax/],
    [['kwic', 'colis', FIXTURE, ...LEXICON, '--entry', 'nope'], 2, /no entry "nope"/],
    [['discover', FIXTURE, '--examples', '9'], 2, /1 to 5/],
  ])('%j fails with a message', async (args, code, message) => {
    const r = await cli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});
