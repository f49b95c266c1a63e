import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReportBuilder, defaultSections, defineSection, finalizeReport, mergeReportStates } from '../../src/report/index.js';
import type { CoreState, ReportOptions, ReportState, TermTable } from '../../src/report/index.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { analysis, MATCH_POOL, meta } from './helpers.js';
import { compareExamples } from '../../src/report/state.js';

const POOL = MATCH_POOL;

const arbAnalysis: fc.Arbitrary<VerbatimAnalysis> = fc
  .record({
    // Few ids, so duplicate ids (two files numbered from 1) are exercised too.
    id: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8'),
    channel: fc.constantFrom('avis_en_ligne', 'enquete', 'chat'),
    words: fc.integer({ min: 0, max: 60 }),
    contentWords: fc.integer({ min: 0, max: 30 }),
    score: fc.option(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(4.5, 0.1, 0.2)), { nil: undefined }),
    date: fc.option(fc.constantFrom('2026-01-01', '2026-02-15', '2026-03-31T10:00:00Z'), { nil: undefined }),
    language: fc.constantFrom('fra', 'eng', 'und'),
    tonality: fc.constantFrom('positif', 'negatif', 'neutre', 'mitige' as const),
    keywords: fc.array(fc.constantFrom('attente', 'colis', 'sav', 'pas', 'recu', 'prix', 'aimable', 'durand'), { maxLength: 8 }),
    matches: fc.subarray(POOL),
    extra: fc.constantFrom('', ' Tel 06 12 34 56 78.', ' Écrire à x.y@exemple.fr', ' Merci Madame Durand.'),
    // Long letters: their examples show a window around the first highlight, which ties and merges must order alike.
    padding: fc.constantFrom('', '', '', 'Suite de mon courrier du mois dernier. '.repeat(60), '😀 '.repeat(1100)),
  })
  .map(({ matches, extra, padding, ...rest }) =>
    analysis({ ...rest, text: `${padding}${matches.map((m) => m[3]).join(', ')}.${extra}${padding}`, matches }),
  );

/** A pluggable section: scored verbatims per tonality, to check sections merge like the core state. */
const tonalityScores = defineSection<Record<string, number>, Record<string, number>>({
  name: 'tonalityScores',
  init: () => ({}),
  add(state, a) {
    state[a.tonality] = (state[a.tonality] ?? 0) + (typeof a.score === 'number' ? 1 : 0);
    return state;
  },
  merge(a, b) {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
    return out;
  },
  finalize: (state, { report }) => ({ ...state, verbatims: report.summary.analysed }),
});

const options: ReportOptions = { meta, examples: 2, topWords: 5, sections: [...defaultSections(), tonalityScores] };
const core = (s: ReportState): CoreState => s.sections.core;

function stateOf(analyses: readonly VerbatimAnalysis[], rejects: number[]): ReportState {
  const b = createReportBuilder(options);
  for (const a of analyses) b.add(a);
  for (const row of rejects) b.reject({ source: { file: 'f.csv', row }, reason: row % 2 ? 'odd' : 'even', hint: '' });
  return b.snapshot();
}

const roundTrip = (s: ReportState): ReportState => JSON.parse(JSON.stringify(s)) as ReportState;

describe('mergeReportStates', () => {
  it('property: any split, merged in any order and tree shape, finalizes like the whole', () => {
    fc.assert(
      fc.property(
        fc.array(arbAnalysis, { maxLength: 25 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 10, maxLength: 10 }),
        (analyses, rejects, cuts, plan) => {
          const whole = finalizeReport(stateOf(analyses, rejects), options);
          const bounds = [...new Set(cuts.map((c) => c % (analyses.length + 1)))].sort((a, b) => a - b);
          const edges = [0, ...bounds, analyses.length];
          let parts = edges.slice(1).map((end, i) => {
            const slice = analyses.slice(edges[i], end);
            // Rejects go to parts by position too.
            const rs = rejects.filter((_, j) => j % edges.length === i);
            return roundTrip(stateOf(slice, rs));
          });
          const leftover = rejects.filter((_, j) => j % edges.length >= edges.length - 1);
          parts.push(roundTrip(stateOf([], leftover)));
          let step = 0;
          while (parts.length > 1) {
            const [pick, swap] = plan[step++ % plan.length]!;
            const i = pick % (parts.length - 1);
            const [a, b] = [parts[i]!, parts[i + 1]!];
            const merged = roundTrip(swap ? mergeReportStates(b, a, options) : mergeReportStates(a, b, options));
            parts = [...parts.slice(0, i), merged, ...parts.slice(i + 2)];
          }
          expect(finalizeReport(parts[0]!, options)).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('property: the examples are the first distinct ones, in whatever order the rows come (ids and rows repeated)', () => {
    fc.assert(
      fc.property(fc.array(arbAnalysis, { maxLength: 25 }), fc.nat(), (analyses, seed) => {
        // Every row twice: a repeated row is one example.
        const rows = [...analyses, ...analyses];
        const shuffled = rows.map((a, k) => [((k + 1) * 2654435761 + seed) % 4294967296, a] as const).sort((x, y) => x[0] - y[0]).map(([, a]) => a);
        const examples = (s: ReportState) => Object.fromEntries(Object.entries(core(s).channels).map(([name, ch]) => [name, ch.examples]));
        const inOrder = examples(stateOf(rows, []));
        expect(examples(stateOf(shuffled, []))).toEqual(inOrder);
        expect(examples(stateOf(analyses, []))).toEqual(inOrder);
        for (const byEntry of Object.values(inOrder)) {
          for (const list of Object.values(byEntry)) {
            for (let k = 1; k < list.length; k++) expect(compareExamples(list[k - 1]!, list[k]!)).toBeLessThan(0);
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('property: the state survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.array(arbAnalysis, { maxLength: 15 }), (analyses) => {
        const s = stateOf(analyses, [3, 1]);
        const back = roundTrip(s);
        expect(back).toEqual(s);
        expect(finalizeReport(back, options)).toEqual(finalizeReport(s, options));
      }),
      { numRuns: 40 },
    );
  });

  it('does not change its inputs', () => {
    const a = stateOf([analysis({ id: '1', text: 'attente interminable.', matches: [POOL[0]!] })], [1]);
    const b = stateOf([analysis({ id: '2', text: 'attente interminable.', matches: [POOL[0]!] })], [2]);
    const [ja, jb] = [JSON.stringify(a), JSON.stringify(b)];
    mergeReportStates(a, b, options);
    expect([JSON.stringify(a), JSON.stringify(b)]).toEqual([ja, jb]);
  });

  it('section results land in report.sections', () => {
    const s = stateOf([analysis({ id: '1', text: 'x', score: 9, tonality: 'positif' }), analysis({ id: '2', text: 'y', score: 2, tonality: 'negatif' })], []);
    expect(finalizeReport(s, options).sections.tonalityScores).toEqual({ positif: 1, negatif: 1, verbatims: 2 });
  });

  it.each([
    [{ examples: 2 }, { examples: 3 }, /same examples/],
    [{ maskPersonalData: true }, { maskPersonalData: false }, /same maskPersonalData/],
    [{ maxVocabulary: 10 }, {}, /same maxVocabulary/],
  ])('refuses states built with different settings (%#)', (oa, ob, message) => {
    const a = createReportBuilder(oa).snapshot();
    const b = createReportBuilder(ob).snapshot();
    expect(() => mergeReportStates(a, b)).toThrow(message);
  });

  it('needs the definition of a section both states hold', () => {
    const a = createReportBuilder(options).snapshot();
    expect(() => mergeReportStates(a, a)).toThrow(/section "tonalityScores"/);
  });

  describe('maxVocabulary keeps the frequent words within a stated error, through any split', () => {
    // Zipf-like vocabulary: a few words in most verbatims, a long tail of rare ones.
    const word = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('attente', 'colis', 'prix') },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 }).map((i) => `mot${i}`) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 5000 }).map((i) => `rare${i}`) },
    );
    const corpus = fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 300 });
    const build = (docs: string[][], opts: ReportOptions) => {
      const b = createReportBuilder(opts);
      docs.forEach((keywords, i) => b.add(analysis({ id: String(i), text: 't', keywords })));
      return b.snapshot();
    };
    const asRecord = (t: TermTable): Record<string, [number, number]> =>
      Object.fromEntries(t.keys.map((k, i) => [k, [t.occurrences[i]!, t.verbatims[i]!]]));

    it.each([3, 10])('max %i: kept counts undercount by at most the slack, the slack is at most 2N/(max+1), frequent words are kept', (max) => {
      fc.assert(
        fc.property(corpus, fc.array(fc.nat(), { maxLength: 5 }), fc.boolean(), (docs, cuts, reverse) => {
          const exactTable = core(build(docs, {})).channels['avis_en_ligne']!.keywords;
          const exact = asRecord(exactTable);
          const n = exactTable.total;
          const bounds = [0, ...cuts.map((c) => c % (docs.length + 1)).sort((a, b) => a - b), docs.length];
          const parts = bounds.slice(1).map((end, i) => build(docs.slice(bounds[i], end), { maxVocabulary: max }));
          if (reverse) parts.reverse();
          const merged = parts.reduce((a, b) => mergeReportStates(a, b));
          const table = core(merged).channels['avis_en_ligne']!.keywords;
          const kept = asRecord(table);
          expect(table.total).toBe(n);
          expect(table.keys.length).toBeLessThanOrEqual(2 * max);
          expect(table.slack).toBeLessThanOrEqual((2 * n) / (max + 1));
          for (const [key, [occurrences, verbatims]] of Object.entries(kept)) {
            const truth = exact[key]!;
            expect(verbatims).toBeLessThanOrEqual(truth[1]);
            expect(occurrences).toBeLessThanOrEqual(truth[0]);
            expect(verbatims).toBeLessThanOrEqual(occurrences);
            expect(truth[1] - verbatims).toBeLessThanOrEqual(table.slack);
            expect(truth[0] - occurrences).toBeLessThanOrEqual(table.slack);
          }
          for (const [key, truth] of Object.entries(exact)) if (truth[0] > table.slack) expect(kept[key], key).toBeDefined();
          const report = finalizeReport(merged);
          const channel = core(merged).channels['avis_en_ligne']!;
          expect(report.summary.approximate).toBe(channel.keywords.slack + channel.expressions.slack > 0);
          // Until a table first holds more than 2·max terms, it is the exact table.
          const exactExpressions = core(build(docs, {})).channels['avis_en_ligne']!.expressions;
          if (exactTable.keys.length <= 2 * max && exactExpressions.keys.length <= 2 * max) expect(report).toEqual(finalizeReport(build(docs, {})));
        }),
        { numRuns: 60 },
      );
    });
  });

  it('maxVocabulary bounds word tables and flags the report as approximate', () => {
    const analyses = Array.from({ length: 30 }, (_, i) =>
      analysis({ id: String(i), text: 't', keywords: [`mot${i % 7 === 0 ? 'commun' : i}`, 'attente'] }),
    );
    const b = createReportBuilder({ maxVocabulary: 3 });
    for (const a of analyses) b.add(a);
    const state = b.snapshot();
    const table = core(state).channels['avis_en_ligne']!.keywords;
    expect(table.keys.length).toBeLessThanOrEqual(6);
    const attente = table.verbatims[table.keys.indexOf('attente')]!;
    expect(attente).toBeLessThanOrEqual(30);
    expect(attente + table.slack).toBeGreaterThanOrEqual(30);
    const r = finalizeReport(state);
    expect(r.summary.approximate).toBe(true);
    expect(r.all.topWords[0]?.key).toBe('attente');
    expect(r.summary.maxUndercount).toBeGreaterThan(0);
    expect(r.all.topWords[0]!.verbatims + r.summary.maxUndercount).toBeGreaterThanOrEqual(30);
    expect(r.all.topWords[0]!.verbatims).toBeLessThanOrEqual(30);
  });
});

/** The analyses added in batches cut at `cuts` give the state of adding them one by one. */
function expectBatchesLikeOneByOne(analyses: readonly VerbatimAnalysis[], cuts: readonly number[], opts: ReportOptions): void {
  const one = createReportBuilder(opts);
  for (const a of analyses) one.add(a);
  const batched = createReportBuilder(opts);
  const at = [...new Set([0, ...cuts.map((c) => Math.min(c, analyses.length)), analyses.length])].sort((x, y) => x - y);
  for (let i = 1; i < at.length; i++) batched.addAll(analyses.slice(at[i - 1], at[i]));
  expect(batched.snapshot()).toEqual(one.snapshot());
}

describe('ReportBuilder.addAll', () => {
  const agent = (id: string): VerbatimAnalysis => ({ ...analysis({ id, text: 'Bonjour, nous revenons vers vous.', matches: [] }), author: 'agent' });

  it('property: adding in batches of any sizes gives the state of add on each, agent messages included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 5, arbitrary: arbAnalysis }, { weight: 1, arbitrary: fc.constant(agent('a1')) }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 6 }),
        (analyses, cuts) => expectBatchesLikeOneByOne(analyses, cuts, options),
      ),
      { numRuns: 60 },
    );
  });

  it('property: with word tables cut to a tiny budget (order matters within a channel), batches still give the state of add on each', () => {
    // The core adds a batch channel by channel: each channel must see its verbatims in their order.
    const cut: ReportOptions = { ...options, maxVocabulary: 2 };
    const words = fc.array(fc.constantFrom('attente', 'colis', 'sav', 'recu', 'prix', 'aimable', 'retard', 'remboursement', 'facture'), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbAnalysis, words), { minLength: 2, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
        (pairs, cuts) =>
          expectBatchesLikeOneByOne(
            pairs.map(([a, keywords]) => ({ ...a, keywords })),
            cuts,
            cut,
          ),
      ),
      { numRuns: 100 },
    );
  });

  it('checks the whole batch first: a bad analysis leaves the state as it was', () => {
    const b = createReportBuilder(options);
    const good = analysis({ id: '1', text: 'attente interminable.', matches: [POOL[0]!] });
    b.add(good);
    const before = b.snapshot();
    const bad = { ...good, keywords: 'attente' } as unknown as VerbatimAnalysis;
    expect(() => b.addAll([good, good, bad])).toThrow('expected analysis.keywords to be an array, got string');
    expect(b.snapshot()).toEqual(before);
    expect(() => b.addAll(good as unknown as VerbatimAnalysis[])).toThrow('expected addAll to be given an array of analyses, got object');
  });
});
