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
  sortedKeys,
  sumCounts,
  type Counts,
} from '../counts.js';
import {
  assertAnalysis,
  assertKinds,
  assertState,
  describe,
  entryKeys,
  nonNegativeInteger,
  percent,
  splitEntryKey,
  type InsightEntryKind,
} from './_shared.js';

import { detectScoreScale, resolveScoreScale, scoreSegment, sortedScores, type DetectedScoreScale, type ScoreScaleKind } from '../scales.js';

export { detectScoreScale };
export type { DetectedScoreScale, ScoreScaleKind };

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
  /** Entries with fewer scored verbatims are flagged `lowBase` and ranked last (default 10). */
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
  /** (b) mean score with the entry − mean score without it. */
  meanGap: number | null;
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
}

export interface ScoresResult {
  scale: DetectedScoreScale;
  overall: ScoreFigures;
  channels: ChannelScore[];
  /** True when channels, each read alone, show different scales (e.g. stars and NPS). */
  mixedScales: boolean;
  /**
   * Per kind. Irritants: most harmful impact first; enchantments: most helpful
   * first; other kinds: most scored first.
   */
  entries: Record<InsightEntryKind, EntryScore[]>;
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
  // -0 and 0 share the key "0"; NaN and ±Infinity are "no score".
  const key = typeof score === 'number' && Number.isFinite(score) ? String(score === 0 ? 0 : score) : null;
  addToCell(state.all, key);
  addToCell((state.channels[analysis.channel] ??= emptyCell()), key);
  for (const entry of entryKeys(analysis, state.kinds)) addToCell((state.entries[entry] ??= emptyCell()), key);
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

export function finalizeScores(state: ScoresState, options: ScoresOptions = {}): ScoresResult {
  assertState(state, 'scores', 'finalizeScores');
  const { scale: scaleOption = 'auto', cesHigherIsEasier = false } = options;
  if (!['auto', 'nps', 'stars', 'csat', 'ces'].includes(scaleOption)) {
    throw new TypeError(`verbatim-fr: expected scale to be auto, nps, stars, csat or ces, got ${describe(scaleOption)}`);
  }
  const minScored = nonNegativeInteger(options.minScored, 'minScored', 'finalizeScores', 10);
  const scale = resolveScoreScale(scaleOption, state.all.scores, cesHigherIsEasier);
  const overall = figuresOf(state.all.verbatims, state.all.scores, scale);

  let mixedScales = false;
  const channels = sortedKeys(state.channels).map((channel): ChannelScore => {
    const cell = state.channels[channel] as ScoreCell;
    const own = resolveScoreScale(scaleOption, cell.scores, cesHigherIsEasier);
    const figures = figuresOf(cell.verbatims, cell.scores, own);
    if (figures.scored > 0 && (own.kind !== scale.kind || own.max !== scale.max)) mixedScales = true;
    return { channel, scale: own, ...figures };
  });

  const entries = Object.fromEntries(ENTRY_KINDS.map((kind) => [kind, []])) as unknown as Record<InsightEntryKind, EntryScore[]>;
  for (const key of sortedKeys(state.entries)) {
    const cell = state.entries[key] as ScoreCell;
    const { kind, id } = splitEntryKey(key);
    const withEntry = figuresOf(cell.verbatims, cell.scores, scale);
    const without = figuresOf(state.all.verbatims - cell.verbatims, subtract(state.all.scores, cell.scores), scale);
    entries[kind].push({
      kind,
      id,
      ...withEntry,
      without,
      impact: difference(overall.headline, without.headline),
      meanGap: difference(withEntry.mean, without.mean),
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
  return { scale, overall, channels, mixedScales, entries };
}

function nullsLast(x: number | null, y: number | null, compare: (p: number, q: number) => number): number {
  if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
  return compare(x, y);
}
