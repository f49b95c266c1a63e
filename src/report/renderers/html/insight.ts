/**
 * Defensive reading of insight results in `report.sections`. A report may come
 * from JSON written by another version, or be built without insight: every
 * part is checked before use and an unusable part reads as absent.
 */
import type { Report } from '../../types.js';
import type {
  CooccurrenceResult,
  EntryScore,
  JourneyResult,
  KeyItem,
  KeynessChannel,
  KeynessResult,
  ScoresResult,
  TrendMove,
  TrendSeries,
  TrendsResult,
} from '../../insight/index.js';

export interface InsightView {
  scores?: ScoresResult;
  keyness?: KeynessResult;
  trends?: TrendsResult;
  journey?: JourneyResult;
  cooccurrence?: CooccurrenceResult;
}

type Dict = Record<string, unknown>;

const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isArrayOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);

function isEntryScore(v: unknown): v is EntryScore {
  return isDict(v) && isStr(v.id) && isStr(v.kind) && isNum(v.verbatims) && isNum(v.scored) && isNumOrNull(v.impact) && isNumOrNull(v.meanGap) && isNumOrNull(v.amongDetractors) && typeof v.lowBase === 'boolean';
}

export function isScoresResult(v: unknown): v is ScoresResult {
  if (!isDict(v) || !isDict(v.scale) || !isStr(v.scale.kind) || !isDict(v.overall) || !isNum(v.overall.scored)) return false;
  if (!isNumOrNull(v.overall.headline) || !isDict(v.entries)) return false;
  const entries = v.entries;
  return ['theme', 'concept', 'irritant', 'enchantment', 'intent'].every((k) => entries[k] === undefined || isArrayOf(entries[k], isEntryScore));
}

function isKeyItem(v: unknown): v is KeyItem {
  return isDict(v) && isStr(v.key) && isStr(v.kind) && isNum(v.count) && isNum(v.otherCount) && isNum(v.rate) && isNum(v.otherRate) && isNum(v.g2);
}

function isKeyTable(v: unknown): boolean {
  return isDict(v) && isArrayOf(v.over, isKeyItem) && isArrayOf(v.under, isKeyItem);
}

function isKeynessChannel(v: unknown): v is KeynessChannel {
  return isDict(v) && isStr(v.channel) && isNum(v.verbatims) && isKeyTable(v.word) && isKeyTable(v.concept) && (v.expression === undefined || isKeyTable(v.expression));
}

export function isKeynessResult(v: unknown): v is KeynessResult {
  return isDict(v) && isDict(v.threshold) && isNum(v.threshold.maxP) && isArrayOf(v.channels, isKeynessChannel);
}

function isTrendSeries(v: unknown): v is TrendSeries {
  return isDict(v) && isStr(v.id) && isStr(v.kind) && isArrayOf(v.counts, isNum) && isArrayOf(v.shares, isNumOrNull);
}

function isTrendMove(v: unknown): v is TrendMove {
  return isDict(v) && isStr(v.id) && isStr(v.kind) && isNum(v.change) && isDict(v.from) && isDict(v.to);
}

export function isTrendsResult(v: unknown): v is TrendsResult {
  if (!isDict(v) || !isArrayOf(v.periods, isStr) || !isArrayOf(v.verbatims, isNum) || !isArrayOf(v.entries, isTrendSeries)) return false;
  const n = v.periods.length;
  return (
    v.verbatims.length === n &&
    v.entries.every((s) => s.counts.length === n && s.shares.length === n) &&
    isNum(v.undated) &&
    isArrayOf(v.risers, isTrendMove) &&
    isArrayOf(v.fallers, isTrendMove)
  );
}

function isStageShares(v: unknown): boolean {
  return isDict(v) && isNum(v.mentions) && isDict(v.stages);
}

export function isJourneyResult(v: unknown): v is JourneyResult {
  return isDict(v) && isDict(v.overall) && isStageShares(v.overall.irritant) && isStageShares(v.overall.enchantment) && Array.isArray(v.channels);
}

export function isCooccurrenceResult(v: unknown): v is CooccurrenceResult {
  return isDict(v) && isNum(v.verbatims) && Array.isArray(v.pairs);
}

/**
 * Insight results found in the report: `sections.insight` shaped like
 * `finalizeInsight`'s output, or one section per analysis (`sections.scores`…).
 */
export function readInsight(report: Report): InsightView {
  const sections: unknown = report.sections;
  if (!isDict(sections)) return {};
  const insight = isDict(sections.insight) ? sections.insight : {};
  const pick = (name: string): unknown => (insight[name] !== undefined ? insight[name] : sections[name]);
  const view: InsightView = {};
  const scores = pick('scores');
  if (isScoresResult(scores)) view.scores = scores;
  const keyness = pick('keyness');
  if (isKeynessResult(keyness)) view.keyness = keyness;
  const trends = pick('trends');
  if (isTrendsResult(trends)) view.trends = trends;
  const journey = pick('journey');
  if (isJourneyResult(journey)) view.journey = journey;
  const cooccurrence = pick('cooccurrence');
  if (isCooccurrenceResult(cooccurrence)) view.cooccurrence = cooccurrence;
  return view;
}

/** True when the report carries any insight result at all. */
export function hasInsight(view: InsightView): boolean {
  return Object.keys(view).length > 0;
}

/** Chat exchanges of one channel (or `all`), from `sections.chat`. */
export interface ChatView {
  conversations: number;
  mean: number | null;
  median: number | null;
}

/** `sections.chat` (an array of `{ channel, conversations, exchanges: { mean, median } }`) by channel. */
export function readChat(report: Report): Map<string, ChatView> {
  const out = new Map<string, ChatView>();
  const sections: unknown = report.sections;
  const chat = isDict(sections) ? sections.chat : undefined;
  if (!Array.isArray(chat)) return out;
  for (const row of chat) {
    if (!isDict(row) || !isStr(row.channel) || !isNum(row.conversations) || !isDict(row.exchanges)) continue;
    const { mean, median } = row.exchanges;
    out.set(row.channel, { conversations: row.conversations, mean: isNum(mean) ? mean : null, median: isNum(median) ? median : null });
  }
  return out;
}
