import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTrends, emptyTrendsState, finalizeTrends, isoWeek, mergeTrends, type TrendsOptions, type TrendsResult, type TrendsState } from '../../src/report/insight/trends.js';
import { trendsSection } from '../../src/report/sections/trends.js';
import { createReportBuilder, finalizeReport } from '../../src/report/index.js';
import type { ReportOptions } from '../../src/report/types.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { chunks, stateOf, verbatim } from './_helpers.js';

const run = (items: VerbatimAnalysis[], options?: TrendsOptions) => finalizeTrends(stateOf(emptyTrendsState(), addTrends, items), options);

function many(n: number, date: string, irritants: (i: number) => string[], channel = 'enquete') {
  return Array.from({ length: n }, (_, i) => verbatim({ id: `${date}-${i}`, date, channel, irritants: irritants(i) }));
}

describe('isoWeek', () => {
  it.each([
    ['2024-12-29', '2024-W52'], // Sunday
    ['2024-12-30', '2025-W01'], // Monday of the week holding 2 January 2025
    ['2025-01-05', '2025-W01'],
    ['2021-01-03', '2020-W53'], // 2020 has 53 weeks (a leap year starting on Wednesday)
    ['2021-01-04', '2021-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2016-01-03', '2015-W53'],
    ['2025-06-15', '2025-W24'],
    ['2025-06-15T23:59:00+02:00', '2025-W24'],
  ])('%s → %s', (date, key) => {
    expect(isoWeek(date).key).toBe(key);
  });

  it.each([['2025-02-30'], ['15/06/2025'], ['']])('rejects %j', (date) => {
    expect(() => isoWeek(date)).toThrow(TypeError);
  });
});

describe('trends', () => {
  // January: 10 verbatims, retard_livraison in 2 (20 %), prix_excessif in 5 (50 %), rupture_stock in 1.
  // February: 20 verbatims, retard_livraison in 8 (40 %), prix_excessif in 4 (20 %), rupture_stock in 2.
  const items = [
    ...many(10, '2025-01-15', (i) => [...(i < 2 ? ['retard_livraison'] : []), ...(i < 5 ? ['prix_excessif'] : []), ...(i < 1 ? ['rupture_stock'] : [])]),
    ...many(20, '2025-02-03', (i) => [...(i < 8 ? ['retard_livraison'] : []), ...(i >= 16 ? ['prix_excessif'] : []), ...(i < 2 ? ['rupture_stock'] : [])], 'chat'),
    verbatim({ id: 'old', date: '2024-11-30', channel: 'chat' }),
    verbatim({ id: 'undated' }),
    verbatim({ id: 'bad', date: '2025-13-01' }),
  ];

  it('counts per month with gaps filled, shares of the period', () => {
    const result = run(items);
    expect(result.periods).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(result.verbatims).toEqual([1, 0, 10, 20]);
    expect(result.undated).toBe(2);
    const retard = result.entries.find((s) => s.id === 'retard_livraison');
    expect(retard).toEqual({ kind: 'irritant', id: 'retard_livraison', counts: [0, 0, 2, 8], shares: [0, null, 20, 40] });
    expect(result.channels.map((s) => [s.id, s.counts])).toEqual([
      ['chat', [1, 0, 0, 20]],
      ['enquete', [0, 0, 10, 0]],
    ]);
  });

  it('ranks risers and fallers between the last two periods, ignoring tiny counts', () => {
    const result = run(items);
    expect(result.compared).toEqual(['2025-01', '2025-02']);
    expect(result.risers.map((m) => [m.id, m.change, m.from.count, m.to.count])).toEqual([['retard_livraison', 20, 2, 8]]);
    expect(result.fallers.map((m) => [m.id, m.change, m.from.share, m.to.share])).toEqual([['prix_excessif', -30, 50, 20]]);
    // rupture_stock (1 → 2) moves only once the minimum count allows it: 10 % → 10 %, no change.
    expect(run(items, { minCount: 1 }).risers.map((m) => m.id)).toEqual(['retard_livraison']);
    expect(run(items, { minCount: 11 }).risers).toEqual([]);
  });

  it('counts per ISO week across a year boundary', () => {
    const result = run(
      [
        verbatim({ id: '1', date: '2024-12-29', irritants: ['a'] }),
        verbatim({ id: '2', date: '2024-12-30', irritants: ['a'] }),
        verbatim({ id: '3', date: '2025-01-05' }),
        verbatim({ id: '4', date: '2025-01-06' }),
      ],
      { period: 'week', minCount: 1 },
    );
    expect(result.periods).toEqual(['2024-W52', '2025-W01', '2025-W02']);
    expect(result.verbatims).toEqual([1, 2, 1]);
    expect(result.fallers.map((m) => [m.id, m.change])).toEqual([['a', -50]]);
  });

  it('counts each row on its day however many distinct dates and timestamps it meets (the day keys kept per state are emptied past 4,096)', () => {
    const state = emptyTrendsState();
    // 6,000 timestamps over 60 days, then each again: more dates than the kept day keys hold.
    const stamps = Array.from({ length: 6000 }, (_, i) => `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}`);
    const dates = [...stamps, ...stamps, '2025-02-30', 'pas une date', '2025-03-01'];
    for (const [i, date] of dates.entries()) addTrends(state, verbatim({ id: `r${i}`, date, channel: 'avis' }));
    expect(state.undated).toBe(2);
    const byDay = Object.fromEntries(Object.entries(state.days).map(([day, counts]) => [day, counts.verbatims]));
    const expected: Record<string, number> = {};
    for (const date of dates) if (date.startsWith('2025-03-')) expected[date.slice(0, 10)] = (expected[date.slice(0, 10)] ?? 0) + 1;
    expect(byDay).toEqual(expected);
  });

  it('has no comparison with fewer than two periods', () => {
    const result = run([verbatim({ id: '1', date: '2025-03-01' })]);
    expect([result.periods, result.compared, result.risers]).toEqual([['2025-03'], null, []]);
    expect(run([]).periods).toEqual([]);
  });
});

describe('trends: dates far from the others', () => {
  // Twelve verbatims a month from January to April 2025, one on a placeholder date before, one after.
  const year = ['2025-01-15', '2025-02-15', '2025-03-15', '2025-04-15'].flatMap((d) => many(12, d, (i) => (i % 3 === 0 ? ['attente_excessive'] : [])));
  const placeholders = [verbatim({ id: 'p1', date: '1970-01-01', irritants: ['attente_excessive'] }), verbatim({ id: 'p2', date: '2099-12-31' })];

  it('follows the span the dates hold, and counts a placeholder date apart', () => {
    const t = run([...placeholders, ...year]);
    expect(t.periods).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(t.verbatims).toEqual([12, 12, 12, 12]);
    expect(t.entries.find((s) => s.id === 'attente_excessive')?.counts).toEqual([4, 4, 4, 4]);
    expect(t.outlying).toEqual({ verbatims: 2, from: '1970-01-01', to: '2099-12-31', maxGapDays: 365 });
    expect(t.compared).toEqual(['2025-03', '2025-04']);
    // Without one, nothing is said.
    expect(run(year).outlying).toBeNull();
  });

  it('keeps every date with maxGapDays 0, and splits on the gap given', () => {
    const all = run([...placeholders, ...year], { maxGapDays: 0, maxPeriods: 0 });
    expect(all.periods[0]).toBe('1970-01');
    expect(all.periods.at(-1)).toBe('2099-12');
    expect(all.outlying).toBeNull();
    // The 120 periods listed by default reach back ten years from 2099-12, where no other date is: the rest is counted before them.
    const listed = run([...placeholders, ...year], { maxGapDays: 0 });
    expect(listed.periods).toEqual(['2099-12']);
    expect(listed.earlier).toEqual({ verbatims: 49, from: '1970-01-01', to: '2025-04-15', maxPeriods: 120 });
    // With a gap of 20 days, every month stands alone: the latest of the equal spans is followed.
    const tight = run(year, { maxGapDays: 20 });
    expect(tight.periods).toEqual(['2025-04']);
    expect(tight.outlying).toEqual({ verbatims: 36, from: '2025-01-15', to: '2025-03-15', maxGapDays: 20 });
  });

  it('follows the span with the most verbatims, an older one included', () => {
    const old = ['2019-03-01', '2019-04-01', '2019-05-01'].flatMap((d) => many(10, d, () => []));
    const recent = many(5, '2024-06-01', () => []);
    const t = run([...recent, ...old]);
    expect(t.periods).toEqual(['2019-03', '2019-04', '2019-05']);
    expect(t.outlying).toMatchObject({ verbatims: 5, from: '2024-06-01', to: '2024-06-01' });
  });
});

describe('trends: at most maxPeriods periods', () => {
  // A verbatim on the 1st of every month from January 2015 to December 2024: 120 months without a gap.
  const decade = Array.from({ length: 120 }, (_, m) => verbatim({ id: `m${m}`, date: `${2015 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01` }));

  it('lists the last maxPeriods periods of the span, and counts the verbatims before them apart', () => {
    expect(run(decade).periods).toHaveLength(120);
    expect(run(decade).earlier).toBeNull();
    const t = run(decade, { maxPeriods: 24 });
    expect(t.periods[0]).toBe('2023-01');
    expect(t.periods.at(-1)).toBe('2024-12');
    expect(t.verbatims.reduce((a, b) => a + b, 0)).toBe(24);
    expect(t.earlier).toEqual({ verbatims: 96, from: '2015-01-01', to: '2022-12-01', maxPeriods: 24 });
    expect(t.compared).toEqual(['2024-11', '2024-12']);
    // 0 lists them all.
    expect(run([...decade, verbatim({ id: 'x', date: '2025-01-01' })], { maxPeriods: 0 }).periods).toHaveLength(121);
  });

  it('counts empty periods among them, and weeks as periods', () => {
    // Two dates five months apart: with 3 periods, the earlier one is left out.
    const t = run([verbatim({ id: 'a', date: '2024-01-10' }), verbatim({ id: 'b', date: '2024-06-10' })], { maxPeriods: 3 });
    // The periods run from the first date kept: June alone.
    expect(t.periods).toEqual(['2024-06']);
    expect(t.earlier).toMatchObject({ verbatims: 1, from: '2024-01-10', to: '2024-01-10' });
    const weeks = run(
      ['2024-12-30', '2025-01-06', '2025-01-13', '2025-01-20'].map((date, i) => verbatim({ id: String(i), date })),
      { period: 'week', maxPeriods: 2 },
    );
    expect(weeks.periods).toEqual(['2025-W03', '2025-W04']);
    expect(weeks.earlier).toMatchObject({ verbatims: 2, from: '2024-12-30', to: '2025-01-06' });
  });

  it('property: every dated verbatim is in a period listed or counted apart, and at most maxPeriods periods are listed', () => {
    const date = fc.date({ min: new Date('1200-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(date, { maxLength: 40 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom('month' as const, 'week' as const), (dates, maxPeriods, period) => {
        const t = run(dates.map((d, i) => verbatim({ id: String(i), date: d })), { maxPeriods, period });
        if (maxPeriods > 0) expect(t.periods.length).toBeLessThanOrEqual(maxPeriods);
        const listed = t.verbatims.reduce((a, b) => a + b, 0);
        expect(listed + (t.outlying?.verbatims ?? 0) + (t.earlier?.verbatims ?? 0)).toBe(dates.length);
        // What is counted before the periods is before the first of them.
        const key = (d: string) => (period === 'week' ? isoWeek(d).key : d.slice(0, 7));
        if (t.earlier) expect(key(t.earlier.to) < (t.periods[0] as string)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('trends: at most maxDays distinct days kept (state)', () => {
  // One to three verbatims a day over 300 consecutive days from 2020-01-01, in a scrambled order.
  const dayOf = (i: number) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
  const items = Array.from({ length: 300 }, (_, i) => i)
    .flatMap((i) => Array.from({ length: 1 + (i % 3) }, (_, k) => verbatim({ id: `${i}-${k}`, date: dayOf(i), irritants: k === 0 ? ['attente_excessive'] : [] })))
    .sort((a, b) => ((a.id.length * 7919 + Number(a.id.split('-')[0]) * 104729) % 613) - ((b.id.length * 7919 + Number(b.id.split('-')[0]) * 104729) % 613) || a.id.localeCompare(b.id));
  const total = items.length;
  const exact = stateOf(emptyTrendsState(), addTrends, items);
  const keptCheck = (s: TrendsState, maxDays: number) => {
    const keys = Object.keys(s.days).sort();
    expect(keys.length).toBeLessThan(2 * maxDays);
    // Every day kept has all its verbatims, and comes after every day let go.
    for (const k of keys) expect(s.days[k]).toEqual(exact.days[k]);
    if (s.dropped !== undefined) expect(keys.every((k) => k >= (s.dropped as { before: string }).before)).toBe(true);
    expect((s.dropped?.verbatims ?? 0) + keys.reduce((n, k) => n + (s.days[k]?.verbatims ?? 0), 0)).toBe(total);
  };

  it('lets the oldest days go past 2·maxDays, counts their verbatims, and keeps the others whole', () => {
    const s = stateOf(emptyTrendsState({ maxDays: 20 }), addTrends, items);
    keptCheck(s, 20);
    expect(s.dropped).toMatchObject({ from: '2020-01-01' });
    expect(Object.keys(s.days).sort().at(-1)).toBe(dayOf(299));
    // The result counts them before the periods listed.
    const t = finalizeTrends(s);
    expect(t.earlier?.verbatims).toBe(total - t.verbatims.reduce((a, b) => a + b, 0));
    expect(t.earlier?.from).toBe('2020-01-01');
    // Within the limit, the state is the one without it.
    const few = items.filter((v) => (v.date as string) >= dayOf(290));
    const within = stateOf(emptyTrendsState({ maxDays: 20 }), addTrends, few);
    expect(within.dropped).toBeUndefined();
    expect(finalizeTrends(within)).toEqual(finalizeTrends(stateOf(emptyTrendsState(), addTrends, few)));
  });

  it('property: merged in any split and order, every day kept is whole', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 5 }), fc.boolean(), fc.integer({ min: 1, max: 60 }), (cuts, reverse, maxDays) => {
        const parts = chunks(items, cuts).map((c) => JSON.parse(JSON.stringify(stateOf(emptyTrendsState({ maxDays }), addTrends, c))) as TrendsState);
        if (reverse) parts.reverse();
        const merged = parts.reduce((a, b) => mergeTrends(a, b), emptyTrendsState({ maxDays }));
        keptCheck(merged, maxDays);
      }),
      { numRuns: 60 },
    );
  });

  it('takes 4,000 days in a report, every day when every period is listed, and refuses other limits in a merge', () => {
    expect(trendsSection().init({ options: {} } as never).maxDays).toBe(4000);
    expect(trendsSection({ maxPeriods: 0 }).init({ options: {} } as never).maxDays).toBeNull();
    expect(() => mergeTrends(emptyTrendsState({ maxDays: 5 }), emptyTrendsState({ maxDays: 6 }))).toThrow(/maxDays/);
    expect(() => emptyTrendsState({ maxDays: 0 })).toThrow(/maxDays to be an integer of at least 1/);
    // A state written before the limit holds every day: any limit takes it in.
    const before = stateOf(emptyTrendsState(), addTrends, items.slice(0, 50));
    delete before.maxDays;
    expect(mergeTrends(before, emptyTrendsState({ maxDays: 30 })).maxDays).toBe(30);
  });
});

describe('trends: the report option maxPeriods (the CLI\'s --max-periods)', () => {
  // A verbatim on the 10th of every month from January 2021 to June 2024: 42 months.
  const months = Array.from({ length: 42 }, (_, m) => verbatim({ id: `m${m}`, date: `${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-10` }));
  const trendsOf = (options: ReportOptions) => {
    const b = createReportBuilder(options);
    for (const v of months) b.add(v);
    return (finalizeReport(b.snapshot(), options).sections.insight as { trends: TrendsResult }).trends;
  };

  it('lists the last maxPeriods periods of the report, counts the rest apart, and lists them all with 0', () => {
    expect(trendsOf({}).periods).toHaveLength(42);
    const six = trendsOf({ maxPeriods: 6 });
    expect(six.periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(six.earlier).toEqual({ verbatims: 36, from: '2021-01-10', to: '2023-12-10', maxPeriods: 6 });
    expect(trendsOf({ maxPeriods: 0 }).periods).toHaveLength(42);
  });

  it('gives way to a trends section built with its own, keeps every day with 0, and refuses what is not a count', () => {
    expect(trendsSection({ maxPeriods: 3 }).init({ options: { maxPeriods: 10 } } as never).maxDays).toBe(4000);
    expect(trendsSection().init({ options: { maxPeriods: 0 } } as never).maxDays).toBeNull();
    expect(trendsSection({ maxPeriods: 2 }).finalize(stateOf(emptyTrendsState(), addTrends, months), { options: { maxPeriods: 10 } } as never).periods).toHaveLength(2);
    for (const bad of [-1, 1.5, '6']) expect(() => createReportBuilder({ maxPeriods: bad as number })).toThrow(/options\.maxPeriods to be a non-negative integer/);
  });
});
