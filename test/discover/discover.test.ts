// Discovery: the unexplained verbatims of a small hand-written corpus (10
// complaints about lumps in a pancake mix, a topic no default entry knows,
// among complaints and praise the lexicons explain), their topic, the draft
// layer, the merge of shards, kwic, and the CLI in-process.
import { mkdtempSync, readFileSync } from 'node:fs';
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
  type Analyzer,
  type DiscoverResult,
  type VerbatimAnalysis,
} from '../../src/index.js';
import { main } from '../../src/cli/main.js';

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
    expect(topic).toMatchObject({ id: 'candidat_grumeaux', kind: 'irritant', verbatims: 10, dissatisfied: 10, meanScore: 1.3 });
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
    expect(renderDiscover(none)).toContain('No candidate topic');
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

  it('html escapes the texts', () => {
    const tricky = structuredClone(result);
    (tricky.topics[0] as { label: string }).label = '<script>x</script>';
    expect(discoverHtmlSection(tricky)).not.toContain('<script>');
  });
});

describe('draft', () => {
  it('is a valid layer: one commented candidate entry with the terms of the topic', () => {
    const draft = draftLexicon(result);
    expect(draft).toContain('# Topic 1: 10 unexplained verbatims');
    expect(draft).toMatch(/^ {2}# {3}\[avis_en_ligne, [12]\] /m);
    const layer = parseLexicon(draft, { file: 'draft.yml' });
    expect(layer.entries).toEqual([
      { id: 'candidat_grumeaux', kind: 'irritant', label: 'Candidat : grumeaux', terms: ['stem:grumeaux', 'stem:preparation'] },
    ]);
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
