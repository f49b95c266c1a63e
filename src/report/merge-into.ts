// Merging many report states into one, as `verbatim merge` and the queue's
// merge do: the pure merges copy the whole accumulated state at each step
// (its word tables at their budget, every co-occurring pair, every day), so
// a thousand small states cost a thousand copies of a large one. Here the
// accumulated state is one the merge made itself, and each state is added
// into it: the same result, key for key and in the same order, as the pure
// merge. Only the node entries use it (the browser bundle never merges many).
import { mergeSections, type MergeReportStatesOptions } from './build.js';
import { addCount, dict, own } from './counts.js';
import { cappedOf, copyChannel, mergeCooccurrence, pairTable, type CooccurrenceChannelCounts, type CooccurrenceState } from './insight/cooccurrence.js';
import { copyDay, mergeDropped, mergeTrends, type TrendDay, type TrendsState } from './insight/trends.js';
import type { Section } from './section.js';
import { channelsOverLimit, channelTerms, cloneState, emptyChannelState, maxDate, mergeChannels, mergeChannelStates, mergeCoreStates, keptExamples, mergeCoverageStates, minDate } from './state.js';
import { mergeTermTableInto } from './terms.js';
import { ENTRY_KINDS } from '../types.js';
import type { ChannelState, CoreState, ReportState } from './types.js';

type Counts = Record<string, number>;

/** Adds the counts of `b` to `into`, in place (the keys `sumCounts([into, b])` would have, in its order). */
function addCounts(into: Counts, b: Readonly<Counts>): Counts {
  for (const [k, v] of Object.entries(b)) addCount(into, k, v);
  return into;
}

/** `mergeRecords(into, b, …)` in place: a key of both merged by `mergeInto`, a key of `b` alone copied after the others. */
function mergeRecordsInto<T>(into: Record<string, T>, b: Readonly<Record<string, T>>, mergeInto: (x: T, y: T) => T, copy: (y: T) => T): void {
  for (const [k, v] of Object.entries(b)) into[k] = Object.hasOwn(into, k) ? mergeInto(into[k] as T, v) : copy(v);
}

function mergeChannelInto(a: ChannelState, b: ChannelState, config: CoreState['config']): ChannelState {
  a.verbatims += b.verbatims;
  addCounts(a.words, b.words);
  a.contentWords += b.contentWords;
  addCounts(a.concepts, b.concepts);
  addCounts(a.themes, b.themes);
  a.withIrritant += b.withIrritant;
  a.withEnchantment += b.withEnchantment;
  a.agentMessages = (a.agentMessages ?? 0) + (b.agentMessages ?? 0);
  addCounts(a.tonality, b.tonality);
  addCounts(a.languages, b.languages);
  for (const kind of ENTRY_KINDS) a.entries[kind] = addCounts(a.entries[kind] ?? dict(), b.entries[kind] ?? {});
  a.keywords = mergeTermTableInto(channelTerms(a, 'keywords'), channelTerms(b, 'keywords'), config.maxVocabulary);
  a.expressions = mergeTermTableInto(channelTerms(a, 'expressions'), channelTerms(b, 'expressions'), config.maxVocabulary);
  addCounts(a.scores, b.scores);
  a.unscored += b.unscored;
  a.dateFrom = minDate(a.dateFrom, b.dateFrom);
  a.dateTo = maxDate(a.dateTo, b.dateTo);
  for (const [id, list] of Object.entries(b.examples)) {
    const mine = own(a.examples, id);
    // Only the examples of `b` that are kept are copied (most are not).
    a.examples[id] = keptExamples(mine ?? [], list, config.examples).map((e) => (mine?.includes(e) ? e : cloneState(e)));
  }
  if (a.coverage !== undefined && b.coverage !== undefined) a.coverage = mergeCoverageStates(a.coverage, b.coverage);
  else delete a.coverage;
  return a;
}

/** `mergeCoreStates(owned, b)` into `owned`. */
function mergeCoreInto(owned: CoreState, b: CoreState): CoreState {
  // The checks, the settings and the rejects as the pure merge makes them (small); the channels here.
  const { config, rejects } = mergeCoreStates({ config: owned.config, rejects: owned.rejects, channels: dict() }, { config: b.config, rejects: b.rejects, channels: dict() });
  if (channelsOverLimit(owned, b)) {
    owned = mergeChannels(owned);
    b = mergeChannels(b);
  }
  owned.rejects = rejects;
  for (const [id, channel] of Object.entries(b.channels)) {
    const mine = own(owned.channels, id);
    owned.channels[id] = mine === undefined ? mergeChannelStates(emptyChannelState(), channel, config) : mergeChannelInto(mine, channel, config);
  }
  return owned;
}

/** Adds `y`'s verbatims and its count tables `fields` into `x`. */
const sumInto =
  <T extends { verbatims: number }>(...fields: ReadonlyArray<{ [K in keyof T]: T[K] extends Counts ? K : never }[keyof T]>) =>
  (x: T, y: T): T => {
    x.verbatims += y.verbatims;
    for (const f of fields) addCounts(x[f] as Counts, y[f] as Counts);
    return x;
  };

const addChannelItems = sumInto<CooccurrenceChannelCounts>('items');

function mergeCooccurrenceInto(owned: CooccurrenceState, b: CooccurrenceState): CooccurrenceState {
  const { themes, maxPairs = null, maxEntries = null } = mergeCooccurrence({ ...owned, channels: dict() }, { ...b, channels: dict() });
  if (themes !== undefined) owned.themes = themes;
  owned.maxPairs = maxPairs;
  owned.maxEntries = maxEntries;
  mergeRecordsInto(
    owned.channels,
    b.channels,
    (x, y) => {
      addChannelItems(x, y);
      // `x` is the merge's own copy (`copyChannel` reads a version-1 record as a new table).
      x.pairs = mergeTermTableInto(pairTable(x), pairTable(y), maxPairs);
      if (cappedOf(y) > 0) x.capped = cappedOf(x) + cappedOf(y);
      return x;
    },
    copyChannel,
  );
  return owned;
}

function mergeTrendsInto(owned: TrendsState, b: TrendsState): TrendsState {
  const { maxDays = null } = mergeTrends({ ...owned, days: dict() }, { ...b, days: dict() });
  owned.maxDays = maxDays;
  owned.undated += b.undated;
  mergeRecordsInto(owned.days, b.days, sumInto<TrendDay>('channels', 'entries'), copyDay);
  // The days either side let go, and the days kept here that the other let go of.
  mergeDropped(owned, undefined, b.dropped);
  return owned;
}

/** The in-place twin of each pure merge that has one; the others merge as they do. */
const IN_PLACE = new Map<Section['merge'], Section['merge']>([
  [mergeCoreStates as Section['merge'], mergeCoreInto as Section['merge']],
  [mergeCooccurrence as Section['merge'], mergeCooccurrenceInto as Section['merge']],
  [mergeTrends as Section['merge'], mergeTrendsInto as Section['merge']],
]);

/**
 * `mergeReportStates(owned, b, options)`, computed in `owned` where a section
 * can be: `owned` must be a state the caller owns (a pure merge's result, this
 * function's, or a current state it read back from a worker's bytes), never
 * one it was given, since it is changed. `b` is left as it was.
 */
export function mergeReportStatesInto(owned: ReportState, b: ReportState, options: MergeReportStatesOptions = {}): ReportState {
  return mergeSections(owned, b, options, (s) => IN_PLACE.get(s.merge) ?? s.merge);
}
