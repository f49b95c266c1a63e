import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReportBuilder, defaultSections, finalizeReport, mergeReportStates } from '../../src/report/index.js';
import type { ReportOptions, ReportState, TermTable } from '../../src/report/index.js';
import { addCooccurrence, emptyCooccurrenceState, finalizeCooccurrence, mergeCooccurrence, type CooccurrenceState } from '../../src/report/insight/cooccurrence.js';
import { addJourney, emptyJourneyState, finalizeJourney, mergeJourney } from '../../src/report/insight/journey.js';
import { addScores, emptyScoresState, finalizeScores, mergeScores } from '../../src/report/insight/scores.js';
import { addTrends, emptyTrendsState, finalizeTrends, mergeTrends } from '../../src/report/insight/trends.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { analysisArb, chunks, stateOf } from './_helpers.js';
import { mergeAll, sumCounts } from '../../src/report/counts.js';

interface Analysis<S> {
  name: string;
  build: (items: VerbatimAnalysis[]) => S;
  merge: (a: S, b: S) => S;
  finalize: (s: S) => unknown;
}

function analysis<S>(
  name: string,
  empty: () => S,
  add: (state: S, a: VerbatimAnalysis) => void,
  merge: (a: S, b: S) => S,
  finalize: (s: S) => unknown,
): Analysis<S> {
  return { name, build: (items) => stateOf(empty(), add, items), merge, finalize };
}

const journeyMeta = {
  entries: {
    joignabilite: { kind: 'theme' as const, stage: 'pendant' as const },
    livraison: { kind: 'theme' as const, stage: 'apres' as const },
  },
};

// The whole report: every default section, keyness included (it reads the core's tables).
const reportOptions: ReportOptions = {
  meta: { entries: { ...journeyMeta.entries } as never },
  sections: defaultSections({ scores: { minScored: 2 }, keyness: { maxP: 0.5, minFrequency: 1 }, cooccurrence: { minSupport: 1 }, trends: { minCount: 1 } }),
};
const report: Analysis<ReportState> = {
  name: 'report (all default sections)',
  build(items) {
    const builder = createReportBuilder(reportOptions);
    for (const item of items) builder.add(item);
    return builder.snapshot();
  },
  merge: (a, b) => mergeReportStates(a, b, reportOptions),
  finalize: (s) => finalizeReport(s, reportOptions),
};

// Low thresholds so that the small random samples produce non-empty rankings.
const analyses = [
  analysis('scores', () => emptyScoresState(), addScores, mergeScores, (s) => finalizeScores(s, { minScored: 2 })),
  analysis('cooccurrence', () => emptyCooccurrenceState(), addCooccurrence, mergeCooccurrence, (s) => finalizeCooccurrence(s, { minSupport: 1 })),
  analysis('trends month', () => emptyTrendsState(), addTrends, mergeTrends, (s) => finalizeTrends(s, { minCount: 1 })),
  analysis('trends week', () => emptyTrendsState(), addTrends, mergeTrends, (s) => finalizeTrends(s, { period: 'week', minCount: 1 })),
  analysis('journey', emptyJourneyState, addJourney, mergeJourney, (s) => finalizeJourney(s, journeyMeta)),
  report,
] as Array<Analysis<unknown>>;

const sample = fc.array(analysisArb, { maxLength: 30 });

/** A word or pair table in key order. */
function sorted(t: TermTable): TermTable {
  const order = t.keys.map((_, i) => i).sort((i, j) => (t.keys[i]! < t.keys[j]! ? -1 : 1));
  return { ...t, keys: order.map((i) => t.keys[i]!), occurrences: order.map((i) => t.occurrences[i]!), verbatims: order.map((i) => t.verbatims[i]!) };
}

/** A co-occurrence state with its pair tables in key order. */
const canonicalPairs = (state: CooccurrenceState): CooccurrenceState => ({
  ...state,
  channels: Object.fromEntries(Object.entries(state.channels).map(([id, ch]) => [id, { ...ch, pairs: sorted(ch.pairs as TermTable) }])),
});

/**
 * A state with its word and pair tables in key order: merging keeps the keys
 * of a table in first-seen order, so `merge(a, b)` and `merge(b, a)` hold the
 * same terms and counts in another order (which no figure depends on).
 */
function canonical(state: unknown): unknown {
  if ((state as Partial<CooccurrenceState>).type === 'cooccurrence') return canonicalPairs(state as CooccurrenceState);
  const sections = (state as Partial<ReportState>).sections;
  const core = sections?.core;
  if (core === undefined) return state;
  const channels = Object.fromEntries(Object.entries(core.channels).map(([id, ch]) => [id, { ...ch, keywords: sorted(ch.keywords), expressions: sorted(ch.expressions) }]));
  const cooccurrence = sections?.cooccurrence as CooccurrenceState | undefined;
  return { ...(state as ReportState), sections: { ...sections, core: { ...core, channels }, ...(cooccurrence ? { cooccurrence: canonicalPairs(cooccurrence) } : {}) } };
}

describe.each(analyses.map((a) => [a.name, a] as const))('%s merge', (_name, a) => {
  it('is associative', () => {
    fc.assert(
      fc.property(sample, sample, sample, (x, y, z) => {
        const [sx, sy, sz] = [a.build(x), a.build(y), a.build(z)];
        const left = a.merge(a.merge(sx, sy), sz);
        const right = a.merge(sx, a.merge(sy, sz));
        expect(left).toEqual(right);
        expect(a.finalize(left)).toEqual(a.finalize(right));
      }),
      { numRuns: 20 },
    );
  });

  it('is commutative', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const [sx, sy] = [a.build(x), a.build(y)];
        expect(canonical(a.merge(sx, sy))).toEqual(canonical(a.merge(sy, sx)));
        expect(a.finalize(a.merge(sx, sy))).toEqual(a.finalize(a.merge(sy, sx)));
      }),
      { numRuns: 20 },
    );
  });

  it('gives the one-pass result whatever the split, order and JSON round trip', () => {
    fc.assert(
      fc.property(sample, fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), (items, cuts, reverse) => {
        const whole = a.finalize(a.build(items));
        const parts = chunks(items, cuts).map((c) => JSON.parse(JSON.stringify(a.build(c))) as unknown);
        if (reverse) parts.reverse();
        const merged = parts.reduce((acc, s) => a.merge(acc, s));
        expect(a.finalize(merged)).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });

  it('merges many parts in a balanced tree as a left fold does', () => {
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 9 }), (groups) => {
        const parts = groups.map((g) => a.build(g));
        const empty = a.build([]);
        expect(mergeAll(parts, a.merge, empty)).toEqual(parts.reduce((acc, s) => a.merge(acc, s), empty));
      }),
      { numRuns: 15 },
    );
  });
});

describe('sums of frequency tables', () => {
  it('adds every table once, whatever its keys (constructor, __proto__)', () => {
    const tables = [{ a: 1, constructor: 2 }, JSON.parse('{"__proto__": 3, "a": 4}') as Record<string, number>, {}];
    expect({ ...sumCounts(tables) }).toEqual(JSON.parse('{"a": 5, "constructor": 2, "__proto__": 3}'));
  });

  it('equals the sum key by key', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat(50)), { maxLength: 12 }), (tables) => {
        const sum = sumCounts(tables);
        for (const key of ['a', 'b', 'c', 'd']) expect(sum[key] ?? 0).toBe(tables.reduce((n, t) => n + (t[key] ?? 0), 0));
      }),
    );
  });
});

describe('builder state', () => {
  it('is a snapshot: later adds do not change a state handed out', () => {
    const builder = createReportBuilder(reportOptions);
    const [first, second] = fc.sample(analysisArb, { numRuns: 2, seed: 7 }) as [VerbatimAnalysis, VerbatimAnalysis];
    builder.add(first);
    const handedOut = builder.snapshot();
    const before = JSON.stringify(handedOut);
    builder.add(second);
    expect(JSON.stringify(handedOut)).toBe(before);
    expect(JSON.stringify(builder.snapshot())).not.toBe(before);
    const again = createReportBuilder(reportOptions);
    again.add(first);
    expect(JSON.stringify(again.snapshot())).toBe(before);
  });
});
