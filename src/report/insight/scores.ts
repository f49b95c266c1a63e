// Scores behind the words: NPS / % satisfied per channel and per entry, and the
// impact of each irritant and enchantment on the headline figure.
//
// The state keeps a histogram of score values per cell (whole, channel, entry), so
// that "without entry X" is exactly `whole − with X`, merges are sums, and the
// scale can be detected at the end from all values.
import { ENTRY_KINDS, type VerbatimAnalysis } from '../../types.js';
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
  assertState,
  describe,
  entryItems,
  nonNegativeInteger,
  percent,
  splitEntryKey,
  type InsightEntryKind,
} from './_shared.js';

import { LOW_BASE } from '../base.js';
import { checkDeclaredScale, detectScoreScale, resolveScoreScale, scoreKey, scoreSegment, sortedScores, type DetectedScoreScale, type ScoreScaleKind } from '../scales.js';
import { expectedError } from '../../_utils/describe.js';

export { detectScoreScale };
export type { DetectedScoreScale, ScoreScaleKind };

/** A 95 % confidence interval `[low, high]`. */
export type Interval = [low: number, high: number];

/** Scores seen in one cell: verbatims counted and histogram of score values (key: `String(value)`). */
export interface ScoreCell {
  verbatims: number;
  scores: Counts;
}

export interface ScoresState {
  type: 'scores';
  version: 1;
  kinds: InsightEntryKind[];
  all: ScoreCell;
  channels: Record<string, ScoreCell>;
  /** Key `kind:id`: verbatims carrying the entry. */
  entries: Record<string, ScoreCell>;
}

export interface ScoresOptions {
  /** Scale of the scores; `auto` (default) detects it from the values. */
  scale?: ScoreScaleKind | 'auto';
  /** For CES: true when 5 means "very easy" (default false: 5 means "very high effort"). */
  cesHigherIsEasier?: boolean;
  /** Entries and channels with fewer scored verbatims are flagged `lowBase`; entries are ranked last (default `LOW_BASE`, 10). */
  minScored?: number;
}

/** Figures of a group of verbatims. Percentages are in points (0–100). */
export interface ScoreFigures {
  verbatims: number;
  /** Verbatims with a finite score. */
  scored: number;
  mean: number | null;
  /**
   * Segments of the scale: NPS promoters 9–10 / passives 7–8 / detractors 0–6;
   * stars and 1–5 CSAT 4–5 / 3 / 1–2; other CSAT top-2-box / middle / bottom-2-box
   * (0–100: ≥ 80 / 20–80 / < 20); CES low effort / middle / high effort.
   */
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors (NPS scale only, else null). */
  nps: number | null;
  /** % in the top segment (% promoters for NPS; top-2-box for stars and CSAT). */
  satisfied: number | null;
  /** The figure a reader compares: NPS, % satisfied, or mean (CES, unknown). */
  headline: number | null;
}

export interface EntryScore extends ScoreFigures {
  kind: InsightEntryKind;
  id: string;
  /** The whole without the verbatims carrying this entry. */
  without: ScoreFigures;
  /** (a) headline of the whole − headline of the whole without the entry. */
  impact: number | null;
  /**
   * 95 % interval of `impact`: the impact is the share of scored verbatims
   * carrying the entry times the gap between the headline figure with and
   * without it, and that gap is a difference of two means (of 100 / 0 / −100
   * per NPS promoter / passive / detractor, 100 / 0 per satisfied or not, or
   * the score), whose interval is the normal approximation with Welch's
   * standard error: gap ± 1.96 · √(s²with / nwith + s²without / nwithout).
   * Null when either side has fewer than two scores.
   */
  impactCi: Interval | null;
  /** False when `impactCi` holds 0 (the impact is not significant), null without an interval. */
  significant: boolean | null;
  /** (b) mean score with the entry − mean score without it. */
  meanGap: number | null;
  /** 95 % interval of `meanGap` (normal approximation, Welch's standard error), null when either side has fewer than two scores. */
  meanGapCi: Interval | null;
  /** % of the detractors (bottom segment) who mention the entry. */
  amongDetractors: number | null;
  /** % of the promoters (top segment) who mention the entry. */
  amongPromoters: number | null;
  /** Fewer scored verbatims than `minScored`: shown, ranked last. */
  lowBase: boolean;
}

export interface ChannelScore extends ScoreFigures {
  channel: string;
  scale: DetectedScoreScale;
  /** Fewer scored verbatims than `minScored` (default `LOW_BASE`): shown with its n, not compared. */
  lowBase: boolean;
}

/** The score analysis of the channels that share one scale. */
export interface ScaleScores {
  scale: DetectedScoreScale;
  overall: ScoreFigures;
  channels: ChannelScore[];
  /**
   * Per kind. Irritants: most harmful impact first; enchantments: most helpful
   * first; other kinds: most scored first.
   */
  entries: Record<InsightEntryKind, EntryScore[]>;
}

export interface ScoresResult extends ScaleScores {
  /** True when channels, each read alone, show different scales (e.g. stars and NPS). */
  mixedScales: boolean;
  /**
   * The channels on the other scales, each scale with its own figures and
   * impacts (most scored scale first): the top of the result is the scale
   * with the most scored verbatims. Empty when every channel shares a scale
   * or the scale is declared.
   */
  otherScales: ScaleScores[];
}

function emptyCell(): ScoreCell {
  return { verbatims: 0, scores: dict<number>() };
}

function addToCell(cell: ScoreCell, scoreKey: string | null): void {
  cell.verbatims += 1;
  if (scoreKey !== null) addCount(cell.scores, scoreKey);
}

function mergeCell(a: ScoreCell, b: ScoreCell): ScoreCell {
  return { verbatims: a.verbatims + b.verbatims, scores: sumCounts([a.scores, b.scores]) };
}

function copyCell(a: ScoreCell): ScoreCell {
  return { verbatims: a.verbatims, scores: copyCounts(a.scores) };
}

/** Empty state scoring the given entry kinds (default: all five). */
export function emptyScoresState(kinds: readonly InsightEntryKind[] = ENTRY_KINDS): ScoresState {
  return { type: 'scores', version: 1, kinds: assertKinds(kinds, 'emptyScoresState'), all: emptyCell(), channels: dict(), entries: dict() };
}

/** Adds one analysis's score to the whole, its channel and each entry it carries. */
export function addScores(state: ScoresState, analysis: VerbatimAnalysis): void {
  assertAnalysis(analysis, 'scores.add');
  const score = analysis.score;
  // NaN and ±Infinity are "no score".
  const key = typeof score === 'number' && Number.isFinite(score) ? scoreKey(score) : null;
  addToCell(state.all, key);
  addToCell((state.channels[analysis.channel] ??= emptyCell()), key);
  for (const entry of entryItems(analysis, state.kinds, state)) addToCell((state.entries[entry.key] ??= emptyCell()), key);
}

/** The state with every channel counted in `into` (pure): past the report's channel limit. */
export function mergeScoresChannels(state: ScoresState, into: string): ScoresState {
  return { ...state, channels: mergeRecordInto(state.channels, into, mergeCell, emptyCell) };
}

export function mergeScores(a: ScoresState, b: ScoresState): ScoresState {
  assertState(a, 'scores', 'mergeScores');
  assertState(b, 'scores', 'mergeScores');
  // Union of kinds keeps merge commutative; an entry kind missing on one side just has no verbatims there.
  const kinds = ENTRY_KINDS.filter((k) => a.kinds.includes(k) || b.kinds.includes(k));
  return {
    type: 'scores',
    version: 1,
    kinds,
    all: mergeCell(a.all, b.all),
    channels: mergeRecords(a.channels, b.channels, mergeCell, copyCell),
    entries: mergeRecords(a.entries, b.entries, mergeCell, copyCell),
  };
}

// ---------------------------------------------------------------- scale

function figuresOf(verbatims: number, scores: Counts, scale: DetectedScoreScale): ScoreFigures {
  const { values, counts } = sortedScores(scores);
  let scored = 0;
  let sum = 0;
  let promoters = 0;
  let detractors = 0;
  values.forEach((v, i) => {
    const c = counts[i] as number;
    scored += c;
    sum += v * c;
    const seg = scoreSegment(scale, v);
    if (seg === 1) promoters += c;
    else if (seg === -1) detractors += c;
  });
  const mean = scored > 0 ? sum / scored : null;
  const hasSegments = scale.kind !== 'unknown' && scored > 0;
  const nps = scale.kind === 'nps' && scored > 0 ? (100 * (promoters - detractors)) / scored : null;
  const satisfied = hasSegments ? percent(promoters, scored) : null;
  const headline = scale.kind === 'nps' ? nps : scale.kind === 'stars' || scale.kind === 'csat' ? satisfied : mean;
  return { verbatims, scored, mean, promoters, passives: scored - promoters - detractors, detractors, nps, satisfied, headline };
}

/** The value a verbatim adds to the headline figure's mean: 100 / 0 / −100 (NPS), 100 / 0 (% satisfied), else the score. */
function headlineValue(scale: DetectedScoreScale): (v: number) => number {
  if (scale.kind === 'nps') return (v) => 100 * scoreSegment(scale, v);
  if (scale.kind === 'stars' || scale.kind === 'csat') return (v) => (scoreSegment(scale, v) === 1 ? 100 : 0);
  return (v) => v;
}

interface Moments {
  n: number;
  sum: number;
  squares: number;
}

/** Count, sum and sum of squares of `f(score)` over a histogram (ascending values: the float result never depends on insertion order). */
function momentsOf(scores: Counts, f: (v: number) => number): Moments {
  const { values, counts } = sortedScores(scores);
  let n = 0;
  let sum = 0;
  let squares = 0;
  values.forEach((v, i) => {
    const c = counts[i] as number;
    const y = f(v);
    n += c;
    sum += y * c;
    squares += y * y * c;
  });
  return { n, sum, squares };
}

/** 97.5 % quantile of the standard normal distribution. */
const Z_95 = 1.959963984540054;

/**
 * 95 % interval of mean(a) − mean(b), scaled by `factor`: normal approximation
 * with Welch's (unpooled) standard error. Null when a side has fewer than two values.
 */
function gapInterval(a: Moments, b: Moments, factor = 1): Interval | null {
  if (a.n < 2 || b.n < 2) return null;
  const variance = (m: Moments) => Math.max(0, (m.squares - (m.sum * m.sum) / m.n) / (m.n - 1));
  const gap = a.sum / a.n - b.sum / b.n;
  const half = Z_95 * Math.sqrt(variance(a) / a.n + variance(b) / b.n);
  return [factor * (gap - half), factor * (gap + half)];
}

const without = (all: Moments, part: Moments): Moments => ({ n: all.n - part.n, sum: all.sum - part.sum, squares: all.squares - part.squares });

function subtract(a: Counts, b: Counts): Counts {
  const out = dict<number>();
  for (const [k, n] of Object.entries(a)) {
    const rest = n - countOf(b, k);
    if (rest > 0) out[k] = rest;
  }
  return out;
}

function difference(x: number | null, y: number | null): number | null {
  return x === null || y === null ? null : x - y;
}

function checkScoresOptions(options: ScoresOptions, fn: string): { scaleOption: ScoreScaleKind | 'auto'; cesHigherIsEasier: boolean; minScored: number } {
  const { scale: scaleOption = 'auto', cesHigherIsEasier = false } = options;
  if (!['auto', 'nps', 'stars', 'csat', 'ces'].includes(scaleOption)) {
    throw expectedError('scale to be auto, nps, stars, csat or ces', describe(scaleOption));
  }
  return { scaleOption, cesHigherIsEasier, minScored: nonNegativeInteger(options.minScored, 'minScored', fn, LOW_BASE) };
}

/**
 * The score analysis of a state, every score read on one scale (detected from
 * all of them, or declared). A declared scale that a channel's scores cannot
 * be on throws a `ScoreScaleError`.
 */
export function finalizeScores(state: ScoresState, options: ScoresOptions = {}): ScoresResult {
  assertState(state, 'scores', 'finalizeScores');
  const { scaleOption } = checkScoresOptions(options, 'finalizeScores');
  checkDeclaredScale(scaleOption, Object.fromEntries(Object.entries(state.channels).map(([id, cell]) => [id, cell.scores])));
  const group = scaleScores(state, options);
  let mixedScales = false;
  for (const c of group.channels) if (c.scored > 0 && (c.scale.kind !== group.scale.kind || c.scale.max !== group.scale.max)) mixedScales = true;
  return { ...group, mixedScales, otherScales: [] };
}

/**
 * The score analysis of channels that may score on different scales (a
 * state per channel): with `auto`, channels are grouped by the scale detected
 * from their own scores and each group gets its own figures and impacts (NPS
 * points for the NPS channels, % satisfied and stars for the star channels…);
 * the most scored group is the top of the result, the others are in
 * `otherScales`; channels on no known scale are left out unless no channel
 * has one. A declared scale pools every channel on it (and throws a
 * `ScoreScaleError` when a channel's scores cannot be on it).
 */
export function finalizeScoresByScale(byChannel: Readonly<Record<string, ScoresState>>, options: ScoresOptions = {}): ScoresResult {
  const { scaleOption } = checkScoresOptions(options, 'finalizeScoresByScale');
  const ids = Object.keys(byChannel).sort();
  for (const id of ids) assertState(byChannel[id], 'scores', 'finalizeScoresByScale');
  const states = ids.map((id) => byChannel[id] as ScoresState);
  const pooled = (list: ScoresState[]) => list.reduce((a, b) => mergeScores(a, b), emptyScoresState());
  if (scaleOption !== 'auto') return finalizeScores(pooled(states), options);
  const groups = new Map<string, { scored: number; states: ScoresState[] }>();
  for (const state of states) {
    const scale = detectScoreScale(state.all.scores);
    if (scale.kind === 'unknown') continue;
    const key = `${scale.kind}:${scale.min}-${scale.max}`;
    const group = groups.get(key) ?? { scored: 0, states: [] };
    group.scored += Object.values(state.all.scores).reduce((sum, n) => sum + n, 0);
    group.states.push(state);
    groups.set(key, group);
  }
  const ordered = [...groups.entries()].sort((x, y) => y[1].scored - x[1].scored || compareStrings(x[0], y[0]));
  // Verbatims without a score still count in "verbatims": unscored channels are left out only when a scale group exists.
  const [first, ...others] = ordered.length === 0 ? [states] : ordered.map(([, g]) => g.states);
  const top = finalizeScores(pooled(first as ScoresState[]), options);
  const otherScales = others.map((list) => {
    const { mixedScales: _, otherScales: __, ...group } = finalizeScores(pooled(list), options);
    return group;
  });
  return { ...top, mixedScales: top.mixedScales || otherScales.length > 0, otherScales };
}

/** Figures and impacts of a state read on one scale. */
function scaleScores(state: ScoresState, options: ScoresOptions): ScaleScores {
  const { scaleOption, cesHigherIsEasier, minScored } = checkScoresOptions(options, 'finalizeScores');
  const scale = resolveScoreScale(scaleOption, state.all.scores, cesHigherIsEasier);
  const overall = figuresOf(state.all.verbatims, state.all.scores, scale);

  const channels = sortedKeys(state.channels).map((channel): ChannelScore => {
    const cell = state.channels[channel] as ScoreCell;
    const own = resolveScoreScale(scaleOption, cell.scores, cesHigherIsEasier);
    const figures = figuresOf(cell.verbatims, cell.scores, own);
    return { channel, scale: own, ...figures, lowBase: figures.scored < minScored };
  });
  const toHeadline = headlineValue(scale);
  const identity = (v: number) => v;
  const allHeadline = momentsOf(state.all.scores, toHeadline);
  const allScores = momentsOf(state.all.scores, identity);

  const entries = Object.fromEntries(ENTRY_KINDS.map((kind) => [kind, []])) as unknown as Record<InsightEntryKind, EntryScore[]>;
  for (const key of sortedKeys(state.entries)) {
    const cell = state.entries[key] as ScoreCell;
    const { kind, id } = splitEntryKey(key);
    const withEntry = figuresOf(cell.verbatims, cell.scores, scale);
    const rest = figuresOf(state.all.verbatims - cell.verbatims, subtract(state.all.scores, cell.scores), scale);
    // impact = overall − without = (n with / n) · (with − without): the interval of the gap, scaled.
    const withHeadline = momentsOf(cell.scores, toHeadline);
    const withScores = momentsOf(cell.scores, identity);
    const impactCi = gapInterval(withHeadline, without(allHeadline, withHeadline), allHeadline.n > 0 ? withHeadline.n / allHeadline.n : 0);
    entries[kind].push({
      kind,
      id,
      ...withEntry,
      without: rest,
      impact: difference(overall.headline, rest.headline),
      impactCi,
      significant: impactCi === null ? null : impactCi[0] > 0 || impactCi[1] < 0,
      meanGap: difference(withEntry.mean, rest.mean),
      meanGapCi: gapInterval(withScores, without(allScores, withScores)),
      amongDetractors: percent(withEntry.detractors, overall.detractors),
      amongPromoters: percent(withEntry.promoters, overall.promoters),
      lowBase: withEntry.scored < minScored,
    });
  }
  // Irritants: most harmful first; enchantments: most helpful first (sign follows the scale's direction).
  const direction = scale.higherIsBetter ? 1 : -1;
  const byImpact = (sign: number) => (x: EntryScore, y: EntryScore) =>
    Number(x.lowBase) - Number(y.lowBase) ||
    nullsLast(x.impact, y.impact, (p, q) => sign * direction * (p - q)) ||
    nullsLast(x.meanGap, y.meanGap, (p, q) => sign * direction * (p - q)) ||
    y.scored - x.scored ||
    compareStrings(x.id, y.id);
  entries.irritant.sort(byImpact(1));
  entries.enchantment.sort(byImpact(-1));
  for (const kind of ['theme', 'concept', 'intent'] as const) {
    entries[kind].sort((x, y) => y.scored - x.scored || y.verbatims - x.verbatims || compareStrings(x.id, y.id));
  }
  return { scale, overall, channels, entries };
}

function nullsLast(x: number | null, y: number | null, compare: (p: number, q: number) => number): number {
  if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
  return compare(x, y);
}
