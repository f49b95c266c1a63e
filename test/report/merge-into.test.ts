// Merging many states into one the merge made (src/report/merge-into.ts, what
// mergeRunStates does from its third state on) gives the pure merge's state,
// key for key and in the same order, and leaves the states it reads as they were.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReportBuilder, defaultSections, mergeReportStates } from '../../src/report/index.js';
import type { ReportState, TermTable } from '../../src/report/index.js';
import { mergeReportStatesInto } from '../../src/report/merge-into.js';
import { mergeTermTableInto, mergeTermTables } from '../../src/report/terms.js';
import { readWorkerStates, writeWorkerStates } from '../../src/run/protocol.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { analysis, MATCH_POOL, meta, type MatchSpec } from './helpers.js';

const POOL = MATCH_POOL;
const WORDS = ['attente', 'colis', 'sav', 'pas', 'recu', 'prix', 'aimable', 'remboursement', 'facture', 'agence', 'conseiller', 'appli'];

const arbAnalysis: fc.Arbitrary<VerbatimAnalysis> = fc
  .record({
    id: fc.integer({ min: 1, max: 40 }).map(String),
    channel: fc.constantFrom('avis_en_ligne', 'enquete', 'chat', '12'),
    score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    date: fc.option(fc.constantFrom('2026-01-01', '2026-02-15', '2026-03-31', '2025-12-24', '2026-01-02', '2026-04-01', '2026-04-02', '2024-06-30'), { nil: undefined }),
    tonality: fc.constantFrom('positif', 'negatif', 'neutre', 'mitige' as const),
    keywords: fc.array(fc.constantFrom(...WORDS), { maxLength: 10 }),
    matches: fc.subarray(POOL),
  })
  .map(({ matches, ...rest }) => analysis({ ...rest, text: `${matches.map((m) => m[3]).join(', ')}.`, matches }));

function stateOf(analyses: readonly VerbatimAnalysis[], maxVocabulary: number | undefined): ReportState {
  // The same small budget for the trends' days: they are let go at almost every merge too.
  const b = createReportBuilder({ meta, examples: 2, ...(maxVocabulary === undefined ? {} : { maxVocabulary, sections: defaultSections({ trends: { maxDays: maxVocabulary } }) }) });
  b.addAll(analyses);
  return b.snapshot();
}

describe('merging into a state the merge made', () => {
  it('property: folding states into the first merge, or into a copy of the first state as a run reads its workers\' back, gives the pure fold, and the states read are unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(arbAnalysis, { maxLength: 12 }), { minLength: 3, maxLength: 6 }),
        // Small budgets cut the word tables at almost every merge.
        fc.constantFrom(undefined, 1, 2, 3, 8),
        (parts, budget) => {
          const states = parts.map((p) => stateOf(p, budget));
          const before = states.map((s) => JSON.stringify(s));
          const pure = states.slice(1).reduce((a, b) => mergeReportStates(a, b), states[0] as ReportState);
          let owned = mergeReportStates(states[0] as ReportState, states[1] as ReportState);
          for (const s of states.slice(2)) owned = mergeReportStatesInto(owned, s);
          expect(JSON.stringify(owned)).toBe(JSON.stringify(pure));
          // A worker's state crosses as bytes: the run owns the copy it reads back, and adds the others into it.
          const first = readWorkerStates(writeWorkerStates({ state: states[0] as ReportState })).state;
          expect(JSON.stringify(states.slice(1).reduce((a, b) => mergeReportStatesInto(a, b), first))).toBe(JSON.stringify(pure));
          expect(states.map((s) => JSON.stringify(s))).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('merges a state whose channels, entries and days the accumulated one has not seen yet, after them, as the pure merge orders them', () => {
    const a = stateOf([analysis({ id: '1', channel: 'enquete', text: 'les prix.', matches: [POOL[4] as MatchSpec], date: '2026-01-01', keywords: ['prix'] })], 2);
    const b = stateOf([analysis({ id: '2', channel: 'chat', text: 'très aimable.', matches: [POOL[3] as MatchSpec], date: '2026-02-15', keywords: ['aimable'] })], 2);
    const c = stateOf([analysis({ id: '3', channel: 'avis_en_ligne', text: 'attente interminable.', matches: [POOL[0] as MatchSpec], date: '2026-03-31', keywords: ['attente'] })], 2);
    const owned = mergeReportStatesInto(mergeReportStates(a, b), c);
    expect(Object.keys(owned.sections.core.channels)).toEqual(['enquete', 'chat', 'avis_en_ligne']);
    expect(JSON.stringify(owned)).toBe(JSON.stringify(mergeReportStates(mergeReportStates(a, b), c)));
  });

  it('drops a channel\'s coverage counts when a state read has none (written before them), as the pure merge does', () => {
    const one = (id: string) => stateOf([analysis({ id, channel: 'enquete', text: 'les prix.', matches: [POOL[4] as MatchSpec] })], undefined);
    const [a, b, c] = [one('1'), one('2'), one('3')];
    delete (c.sections.core.channels['enquete'] as { coverage?: unknown }).coverage;
    const owned = mergeReportStatesInto(mergeReportStates(a, b), c);
    expect(owned.sections.core.channels['enquete']).not.toHaveProperty('coverage');
    expect(JSON.stringify(owned)).toBe(JSON.stringify(mergeReportStates(mergeReportStates(a, b), c)));
  });
});

const arbTable = (keys: readonly string[]): fc.Arbitrary<TermTable> =>
  fc.subarray([...keys]).chain((ks) =>
    fc.tuple(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: ks.length, maxLength: ks.length }), fc.integer({ min: 0, max: 3 })).map(([counts, slack]) => ({
      keys: ks,
      occurrences: counts,
      verbatims: counts.map((n) => Math.max(1, n - 1)),
      total: counts.reduce((x, y) => x + y, 0) + slack,
      slack,
    })),
  );

describe('mergeTermTableInto', () => {
  const keys = ['a', 'b', 'c', 'a b', 'b c', 'a b c', 'délai', 'délai de', 'sav', 'attente'];
  it('property: the sum and cut of mergeTermTables, computed in the first table (same keys, order, counts, total and slack)', () => {
    fc.assert(
      fc.property(fc.array(arbTable(keys), { minLength: 3, maxLength: 6 }), fc.constantFrom(null, 1, 2, 3), (tables, budget) => {
        const pure = tables.slice(1).reduce((x, y) => mergeTermTables(x, y, budget), tables[0] as TermTable);
        const inputs = JSON.stringify(tables);
        // The first merge is pure (a new table), as mergeRunStates' first merge is; the others go into it.
        let owned = mergeTermTables(tables[0] as TermTable, tables[1] as TermTable, budget);
        for (const t of tables.slice(2)) owned = mergeTermTableInto(owned, t, budget);
        expect(owned).toEqual(pure);
        expect(JSON.stringify(tables)).toBe(inputs);
      }),
      { numRuns: 300 },
    );
  });
});
