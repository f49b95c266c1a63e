// Trends over time: verbatims per month or ISO week, per channel and per entry,
// and the entries whose share rose or fell most between the last two periods.
import type { VerbatimAnalysis } from '../../types.js';
import {
  addCount,
  compareStrings,
  copyCounts,
  countOf,
  dict,
  mergeRecords,
  mergeRecordInto,
  sortedKeys,
  sumCounts,
  type Counts,
} from '../counts.js';
import {
  assertAnalysis,
  assertKinds,
  assertLimit,
  assertState,
  describe,
  entryItems,
  mergedLimit,
  nonNegativeInteger,
  percent,
  sameList,
  splitEntryKey,
  type InsightEntryKind,
} from './_shared.js';
import { LOW_BASE } from '../base.js';
import { expectedError } from '../../_utils/describe.js';

export type TrendPeriod = 'month' | 'week';

/** Counts of one calendar day (periods are built from days at the end, so either period works). */
export interface TrendDay {
  verbatims: number;
  channels: Counts;
  /** Key `kind:id`. */
  entries: Counts;
}

export interface TrendsState {
  type: 'trends';
  version: 1;
  kinds: InsightEntryKind[];
  /** Verbatims without a usable date. */
  undated: number;
  /** Key `YYYY-MM-DD`. */
  days: Record<string, TrendDay>;
  /** Distinct days kept at most (see the options). `null` (or absent): all. */
  maxDays?: number | null;
  /**
   * The days let go, the oldest: every verbatim dated before `before` (a day
   * key) is counted here, not in `days` (first and last such date). Absent
   * while none is.
   */
  dropped?: DroppedDays;
}

/** Verbatims of the days a trends state let go (see `TrendsState.dropped`). */
export interface DroppedDays {
  verbatims: number;
  from: string;
  to: string;
  before: string;
}

export interface TrendsAccumulatorOptions {
  /** Entry kinds followed (default theme, irritant, enchantment). */
  kinds?: InsightEntryKind[];
  /**
   * Distinct days kept at most (default: none, all; the report section
   * keeps 4,000, all when it lists every period). Past twice as many, the
   * oldest are let go, down to `maxDays`: their verbatims are counted in
   * `dropped`, and in the result's `earlier`. 4,000 days hold the 120 months
   * the report lists; a date column spread over centuries no longer holds a
   * record per day.
   */
  maxDays?: number | null;
}

export interface TrendsOptions {
  /** `month` (default, `YYYY-MM`) or ISO `week` (`YYYY-Www`, Monday first, week-numbering year). */
  period?: TrendPeriod;
  /** An entry moves only when seen this many times in one of the two periods, and both periods hold this many verbatims (default 5). */
  minCount?: number;
  /** Risers and fallers kept (default 10). */
  top?: number;
  /** A period with fewer verbatims is a low base: flagged `lowBase`, its shares greyed, not compared (default `LOW_BASE`, 10). */
  minBase?: number;
  /**
   * Dates more than this many days apart split the dated verbatims into
   * spans; the trends follow the span holding the most verbatims (the latest
   * on a tie), and the others are counted in `outlying` (default 365; 0
   * keeps every date). A placeholder date (1970-01-01, 1900-01-01,
   * 2099-12-31) or a mistyped year would otherwise stretch the periods over
   * decades of empty months.
   */
  maxGapDays?: number;
  /**
   * Periods listed at most: the last ones of the span followed (default 120;
   * 0 lists them all). A date column that is no date of feedback (birth
   * dates, contract starts) can span decades without a gap: the trends
   * listed 12,001 months for dates spread over a thousand years, a 25 MB
   * JSON report. The verbatims dated before are counted in `earlier`.
   */
  maxPeriods?: number;
}

export interface TrendSeries {
  /** `channel` for channel series. */
  kind: InsightEntryKind | 'channel';
  id: string;
  /** One per period, in `periods` order. */
  counts: number[];
  /** % of the period's verbatims (null on an empty period). */
  shares: Array<number | null>;
}

export interface TrendMove {
  kind: InsightEntryKind;
  id: string;
  from: { period: string; count: number; share: number };
  to: { period: string; count: number; share: number };
  /** Share change in points (to − from). */
  change: number;
  /** One of the two periods has fewer verbatims than `minBase`: the change may be noise. */
  lowBase: boolean;
}

export interface TrendsResult {
  period: TrendPeriod;
  /** Every period from the first to the last date, gaps included. */
  periods: string[];
  verbatims: number[];
  /** The low-base threshold used (`minBase`, default `LOW_BASE`). */
  minBase: number;
  /** Per period: fewer verbatims than `minBase`, so its shares are shown greyed with their n, not as a trend. */
  lowBase: boolean[];
  undated: number;
  /**
   * Dated verbatims left out of the periods: their dates lie more than
   * `maxGapDays` away from the span followed (first and last such date).
   * `null` when none is. Absent in reports written before it.
   */
  outlying?: { verbatims: number; from: string; to: string; maxGapDays: number } | null;
  /**
   * Verbatims of the span followed dated before its last `maxPeriods`
   * periods, and those of the oldest days the state let go past `maxDays`
   * distinct days, left out of the periods (first and last such date).
   * `null` when none is. Absent in reports written before it.
   */
  earlier?: { verbatims: number; from: string; to: string; maxPeriods: number } | null;
  channels: TrendSeries[];
  entries: TrendSeries[];
  /** The two periods compared (the last two), or null with fewer than two. */
  compared: [string, string] | null;
  risers: TrendMove[];
  fallers: TrendMove[];
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (`YYYY-MM-DD…`), or null when it is no calendar date. */
function dayNumber(date: unknown): number | null {
  if (typeof date !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(date.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dayKey(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * ISO 8601 week of a date: `{ year, week, key: 'YYYY-Www' }`. The week belongs to
 * the year of its Thursday, so 2024-12-30 is `2025-W01` and 2021-01-03 is `2020-W53`.
 */
export function isoWeek(date: string): { year: number; week: number; key: string } {
  const day = dayNumber(date);
  if (day === null) throw expectedError('an ISO date YYYY-MM-DD in isoWeek', describe(date));
  return isoWeekOfDay(day);
}

function isoWeekOfDay(day: number): { year: number; week: number; key: string } {
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
  const thursday = day - weekday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7);
  return { year, week, key: `${pad(year, 4)}-W${pad(week)}` };
}

function monthKeyOfDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`;
}

/** The Monday of a day's week. */
const mondayOf = (day: number): number => day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);

/** Period keys from the first to the last day, consecutive. */
function periodRange(firstDay: number, lastDay: number, period: TrendPeriod): string[] {
  const keys: string[] = [];
  if (period === 'week') {
    for (let d = mondayOf(firstDay); d <= lastDay; d += 7) keys.push(isoWeekOfDay(d).key);
    return keys;
  }
  const monthIndex = (day: number) => {
    const d = new Date(day * DAY_MS);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  for (let m = monthIndex(firstDay); m <= monthIndex(lastDay); m++) keys.push(`${pad(Math.floor(m / 12), 4)}-${pad((m % 12) + 1)}`);
  return keys;
}

function emptyDay(): TrendDay {
  return { verbatims: 0, channels: dict(), entries: dict() };
}

function mergeDay(a: TrendDay, b: TrendDay): TrendDay {
  return { verbatims: a.verbatims + b.verbatims, channels: sumCounts([a.channels, b.channels]), entries: sumCounts([a.entries, b.entries]) };
}

export function copyDay(a: TrendDay): TrendDay {
  return { verbatims: a.verbatims, channels: copyCounts(a.channels), entries: copyCounts(a.entries) };
}

export function emptyTrendsState(options: TrendsAccumulatorOptions = {}): TrendsState {
  const kinds = assertKinds(options.kinds ?? ['theme', 'irritant', 'enchantment'], 'emptyTrendsState');
  const maxDays = options.maxDays ?? null;
  assertLimit(maxDays, 'maxDays', 'emptyTrendsState');
  return { type: 'trends', version: 1, kinds, undated: 0, days: dict(), maxDays };
}

/** Distinct days of each state written to (never stored): counted as days are added, so that the limit costs no key listing. */
const dayCounts = new WeakMap<TrendsState, number>();

/** Adds `n` verbatims dated `from` to `to`, all before `before`, to the days let go. */
function drop(state: TrendsState, n: number, from: string, to: string, before: string): void {
  const d = state.dropped;
  state.dropped =
    d === undefined
      ? { verbatims: n, from, to, before }
      : { verbatims: d.verbatims + n, from: from < d.from ? from : d.from, to: to > d.to ? to : d.to, before: before > d.before ? before : d.before };
}

/**
 * Lets go of the days before `before` (counted in `dropped`), then, past
 * 2·maxDays days, of the oldest down to maxDays. Every day kept is then
 * later than every day any state merged into it let go: its counts are
 * whole, whatever the order the states were built and merged in.
 */
function settleDays(state: TrendsState, before: string | undefined): void {
  let keys: string[] | undefined;
  if (before !== undefined) {
    keys = sortedKeys(state.days);
    let n = 0;
    while (n < keys.length && (keys[n] as string) < before) n++;
    if (n > 0) letGo(state, keys, n, before);
    keys = keys.slice(n);
  }
  const maxDays = state.maxDays ?? null;
  const count = keys?.length ?? dayCounts.get(state) ?? Object.keys(state.days).length;
  dayCounts.set(state, count);
  if (maxDays === null || count < 2 * maxDays) return;
  keys ??= sortedKeys(state.days);
  const n = keys.length - maxDays;
  letGo(state, keys, n, keys[n] as string);
  dayCounts.set(state, maxDays);
}

/** Moves the first `n` of the days `keys` (in order) into `dropped`, all before `before`. */
function letGo(state: TrendsState, keys: readonly string[], n: number, before: string): void {
  let verbatims = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i] as string;
    verbatims += (state.days[key] as TrendDay).verbatims;
    delete state.days[key];
  }
  drop(state, verbatims, keys[0] as string, keys[n - 1] as string, before);
}

/**
 * The day key of each date written so far, by the state it was added to (never
 * stored): a run meets few distinct dates, each on many rows, and reading one
 * (a pattern, two Date objects, a new string) cost more than counting the row.
 * Emptied past DAY_KEYS_MAX dates (an export of timestamps).
 */
const dayKeyTables = new WeakMap<TrendsState, Map<unknown, string | null>>();
const DAY_KEYS_MAX = 4096;

/** Counts one analysis on its day (or as undated). */
export function addTrends(state: TrendsState, analysis: VerbatimAnalysis): void {
  assertAnalysis(analysis, 'trends.add');
  let keys = dayKeyTables.get(state);
  if (keys === undefined || keys.size >= DAY_KEYS_MAX) dayKeyTables.set(state, (keys = new Map()));
  let key = keys.get(analysis.date);
  if (key === undefined) {
    const day = dayNumber(analysis.date);
    keys.set(analysis.date, (key = day === null ? null : dayKey(day)));
  }
  if (key === null) {
    state.undated += 1;
    return;
  }
  // A day already let go stays let go: the days kept have all their verbatims.
  if (state.dropped !== undefined && key < state.dropped.before) return drop(state, 1, key, key, state.dropped.before);
  let counts = state.days[key];
  if (counts === undefined) {
    counts = state.days[key] = emptyDay();
    if (state.maxDays != null) {
      const count = (dayCounts.get(state) ?? Object.keys(state.days).length - 1) + 1;
      dayCounts.set(state, count);
      if (count >= 2 * state.maxDays) {
        settleDays(state, undefined);
        // The day just added (no verbatim yet) may have been among those let go: its verbatim goes with them.
        if (state.dropped !== undefined && key < state.dropped.before) return drop(state, 1, key, key, state.dropped.before);
        counts = state.days[key] as TrendDay;
      }
    }
  }
  counts.verbatims += 1;
  addCount(counts.channels, analysis.channel);
  for (const { key } of entryItems(analysis, state.kinds, state)) addCount(counts.entries, key);
}

/** The state with every channel counted in `into`, day by day (pure): past the report's channel limit. */
export function mergeTrendsChannels(state: TrendsState, into: string): TrendsState {
  const days = dict<TrendDay>();
  for (const [key, day] of Object.entries(state.days)) {
    // Each verbatim of a day counts in one channel: the merged one holds them all.
    const channels = dict<number>();
    if (day.verbatims > 0) channels[into] = day.verbatims;
    days[key] = { verbatims: day.verbatims, channels, entries: copyCounts(day.entries) };
  }
  return { ...state, days };
}

export function mergeTrends(a: TrendsState, b: TrendsState): TrendsState {
  assertState(a, 'trends', 'mergeTrends');
  assertState(b, 'trends', 'mergeTrends');
  if (!sameList(a.kinds, b.kinds)) {
    throw expectedError('trend states built with the same kinds in mergeTrends', 'different kinds');
  }
  const maxDays = mergedLimit(a.maxDays, b.maxDays);
  if (maxDays === undefined) throw expectedError('trend states built with the same maxDays in mergeTrends', `${String(a.maxDays)} and ${String(b.maxDays)}`);
  const merged: TrendsState = {
    type: 'trends',
    version: 1,
    kinds: [...a.kinds],
    undated: a.undated + b.undated,
    days: mergeRecords(a.days, b.days, mergeDay, copyDay),
    maxDays,
  };
  mergeDropped(merged, a.dropped, b.dropped);
  return merged;
}

/** Counts both sides' days let go in `into`, and lets go of its days before the later of their limits. */
export function mergeDropped(into: TrendsState, a: DroppedDays | undefined, b: DroppedDays | undefined): void {
  for (const d of [a, b]) if (d !== undefined) drop(into, d.verbatims, d.from, d.to, d.before);
  dayCounts.delete(into);
  settleDays(into, into.dropped?.before);
}

/**
 * The days (in order) split where two dates are more than `maxGapDays`
 * apart: the span with the most verbatims (the latest on a tie) is kept,
 * the others left (in order). `maxGapDays` 0 keeps them all.
 */
function mainSpan<D extends { day: number; counts: TrendDay }>(days: readonly D[], maxGapDays: number): { kept: D[]; left: D[] } {
  if (maxGapDays === 0 || days.length === 0) return { kept: [...days], left: [] };
  let best = { from: 0, to: 0, verbatims: -1 };
  let from = 0;
  let verbatims = 0;
  for (let i = 0; i <= days.length; i++) {
    if (i > 0 && (i === days.length || (days[i] as D).day - (days[i - 1] as D).day > maxGapDays)) {
      if (verbatims >= best.verbatims) best = { from, to: i, verbatims };
      from = i;
      verbatims = 0;
    }
    if (i < days.length) verbatims += (days[i] as D).counts.verbatims;
  }
  return { kept: days.slice(best.from, best.to), left: [...days.slice(0, best.from), ...days.slice(best.to)] };
}

/** The first day of the period `back` periods before the period of `day`. */
function periodStart(day: number, back: number, period: TrendPeriod): number {
  if (period === 'week') return mondayOf(day) - 7 * back;
  const d = new Date(day * DAY_MS);
  // setUTCFullYear, not Date.UTC: years below 100 are not read as 19xx.
  const start = new Date(0);
  start.setUTCFullYear(d.getUTCFullYear(), d.getUTCMonth() - back, 1);
  return start.getTime() / DAY_MS;
}

/** Trend periods listed by default (ten years of months). */
export const DEFAULT_MAX_PERIODS = 120;

/** The days (in order) in the last `maxPeriods` periods up to the last day, and the days before them. 0: every day. */
function lastPeriods<D extends { day: number }>(days: readonly D[], maxPeriods: number, period: TrendPeriod): { days: D[]; earlier: D[] } {
  const last = days[days.length - 1];
  if (maxPeriods === 0 || last === undefined) return { days: [...days], earlier: [] };
  const start = periodStart(last.day, maxPeriods - 1, period);
  let from = 0;
  while ((days[from] as D).day < start) from++;
  return { days: days.slice(from), earlier: days.slice(0, from) };
}

/** Verbatims of some days (in order), and the first and last of them. */
const datedRange = (days: ReadonlyArray<{ key: string; counts: TrendDay }>): { verbatims: number; from: string; to: string } => ({
  verbatims: days.reduce((n, d) => n + d.counts.verbatims, 0),
  from: (days[0] as { key: string }).key,
  to: (days[days.length - 1] as { key: string }).key,
});

/** The verbatims before the periods listed: those of the span's earlier days, and the days the state let go (older still). */
function earlierOf(days: ReadonlyArray<{ key: string; counts: TrendDay }>, dropped: DroppedDays | undefined, maxPeriods: number): NonNullable<TrendsResult['earlier']> | null {
  if (dropped === undefined) return days.length === 0 ? null : { ...datedRange(days), maxPeriods };
  if (days.length === 0) return { verbatims: dropped.verbatims, from: dropped.from, to: dropped.to, maxPeriods };
  const range = datedRange(days);
  return { verbatims: dropped.verbatims + range.verbatims, from: dropped.from, to: range.to, maxPeriods };
}

export function finalizeTrends(state: TrendsState, options: TrendsOptions = {}): TrendsResult {
  assertState(state, 'trends', 'finalizeTrends');
  const period = options.period ?? 'month';
  if (period !== 'month' && period !== 'week') {
    throw expectedError('period month or week in finalizeTrends', describe(period));
  }
  const minCount = nonNegativeInteger(options.minCount, 'minCount', 'finalizeTrends', 5);
  const top = nonNegativeInteger(options.top, 'top', 'finalizeTrends', 10);
  const minBase = nonNegativeInteger(options.minBase, 'minBase', 'finalizeTrends', LOW_BASE);
  const maxGapDays = nonNegativeInteger(options.maxGapDays, 'maxGapDays', 'finalizeTrends', 365);
  const maxPeriods = nonNegativeInteger(options.maxPeriods, 'maxPeriods', 'finalizeTrends', DEFAULT_MAX_PERIODS);

  const dated = sortedKeys(state.days)
    .map((key) => ({ key, day: dayNumber(key), counts: state.days[key] as TrendDay }))
    .filter((d): d is { key: string; day: number; counts: TrendDay } => d.day !== null);
  const { kept: spanDays, left } = mainSpan(dated, maxGapDays);
  const { days, earlier } = lastPeriods(spanDays, maxPeriods, period);
  const firstDay = days[0]?.day;
  const lastDay = days[days.length - 1]?.day;
  const periods = firstDay === undefined || lastDay === undefined ? [] : periodRange(firstDay, lastDay, period);
  const index = new Map(periods.map((p, i) => [p, i]));
  const byPeriod = periods.map(emptyDay);
  for (const { day, counts } of days) {
    const i = index.get(period === 'week' ? isoWeekOfDay(day).key : monthKeyOfDay(day)) as number;
    byPeriod[i] = mergeDay(byPeriod[i] as TrendDay, counts);
  }
  const verbatims = byPeriod.map((p) => p.verbatims);
  const series = (kind: TrendSeries['kind'], id: string, key: string, table: 'channels' | 'entries'): TrendSeries => {
    const counts = byPeriod.map((p) => countOf(p[table], key));
    return { kind, id, counts, shares: counts.map((c, i) => percent(c, verbatims[i] as number)) };
  };
  const channelIds = sortedKeys(sumCounts(byPeriod.map((p) => p.channels)));
  const entryIds = sortedKeys(sumCounts(byPeriod.map((p) => p.entries)));
  const channels = channelIds.map((id) => series('channel', id, id, 'channels'));
  const entries = entryIds.map((key) => {
    const { kind, id } = splitEntryKey(key);
    return series(kind, id, key, 'entries');
  });

  const risers: TrendMove[] = [];
  const fallers: TrendMove[] = [];
  let compared: [string, string] | null = null;
  if (periods.length >= 2) {
    const i = periods.length - 2;
    const j = periods.length - 1;
    compared = [periods[i] as string, periods[j] as string];
    const baseFrom = verbatims[i] as number;
    const baseTo = verbatims[j] as number;
    if (baseFrom >= Math.max(1, minCount) && baseTo >= Math.max(1, minCount)) {
      for (const s of entries) {
        const countFrom = s.counts[i] as number;
        const countTo = s.counts[j] as number;
        if (Math.max(countFrom, countTo) < minCount) continue;
        const shareFrom = (100 * countFrom) / baseFrom;
        const shareTo = (100 * countTo) / baseTo;
        const change = shareTo - shareFrom;
        if (change === 0) continue;
        const move: TrendMove = {
          kind: s.kind as InsightEntryKind,
          id: s.id,
          from: { period: compared[0], count: countFrom, share: shareFrom },
          to: { period: compared[1], count: countTo, share: shareTo },
          change,
          lowBase: baseFrom < minBase || baseTo < minBase,
        };
        (change > 0 ? risers : fallers).push(move);
      }
    }
  }
  const tie = (x: TrendMove, y: TrendMove) => compareStrings(x.kind, y.kind) || compareStrings(x.id, y.id);
  risers.sort((x, y) => y.change - x.change || tie(x, y));
  fallers.sort((x, y) => x.change - y.change || tie(x, y));
  return {
    period,
    periods,
    verbatims,
    minBase,
    lowBase: verbatims.map((n) => n < minBase),
    undated: state.undated,
    outlying: left.length === 0 ? null : { ...datedRange(left), maxGapDays },
    earlier: earlierOf(earlier, state.dropped, maxPeriods),
    channels,
    entries,
    compared,
    risers: risers.slice(0, top),
    fallers: fallers.slice(0, top),
  };
}
