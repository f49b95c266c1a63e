// Co-occurrence: which entries (concepts, irritants, enchantments, themes) come
// up together in the same verbatim, and how much more than chance (lift).
import type { VerbatimAnalysis } from '../../types.js';
import {
  addCount,
  compareStrings,
  copyCounts,
  countOf,
  dict,
  mergeRecords,
  mergeRecordInto,
  own,
  sortedKeys,
  sumCounts,
  type Counts,
} from '../counts.js';
import {
  assertAnalysis,
  assertKinds,
  assertLimit,
  assertState,
  entryItems,
  entryKey,
  mergedLimit,
  nonNegativeInteger,
  sameList,
  splitEntryKey,
  type EntryItem,
  type InsightEntryKind,
} from './_shared.js';
import { addPairs, emptyTermTable, mergeTermTables, PAIR_SEPARATOR, sumTermTables, type TermTable } from '../terms.js';
import { expectedError } from '../../_utils/describe.js';
import { sortUnlessSorted } from '../../_utils/sort.js';

export interface CooccurrenceChannelCounts {
  verbatims: number;
  /** Key `kind:id`: verbatims carrying the entry. */
  items: Counts;
  /**
   * Keys `kind:id\tkind:id`: verbatims carrying both, in a word table's
   * columns (its occurrences are its verbatims), cut to the state's `maxPairs`
   * as word tables are to `maxVocabulary`. A version-1 state held a record
   * `{ key: verbatims }`, read as such.
   */
  pairs: TermTable | Counts;
  /**
   * Verbatims carrying more than the state's `maxEntries` entries, whose pairs
   * were counted among those entries only: each may leave any pair's count one
   * short. Absent (0) in states written before it.
   */
  capped?: number;
}

export interface CooccurrenceState {
  type: 'cooccurrence';
  /** 2: pairs in tables cut to `maxPairs`; 1 (read): pairs in records, exact. */
  version: 1 | 2;
  kinds: InsightEntryKind[];
  keepOwnTheme: boolean;
  /**
   * Pairs kept per channel: a channel's table is exact until it holds more
   * than 2·maxPairs pairs, then a Misra–Gries summary whose counts fall short
   * by at most its `slack` (see `TermTable`). `null` (or absent): exact.
   */
  maxPairs?: number | null;
  /** Entries a verbatim pairs at most (see the options). `null` (or absent): all. */
  maxEntries?: number | null;
  channels: Record<string, CooccurrenceChannelCounts>;
  /**
   * Entry id → its theme, read from `matches[].theme`, so the ranking can tell
   * a concept from an irritant or enchantment of the same theme. Absent in
   * states written before it (their pairs are then all kept).
   */
  themes?: Record<string, string>;
}

export interface CooccurrenceAccumulatorOptions {
  /** Entry kinds paired (default theme, concept, irritant, enchantment). */
  kinds?: InsightEntryKind[];
  /**
   * Pairs kept per channel (default: none, exact; the report section takes
   * the report's `maxVocabulary`). A lexicon of thousands of entries that
   * match often makes the distinct pairs grow with the square of the entries
   * a verbatim carries: past 2·maxPairs in a channel, its pairs are counted
   * as the word tables are (lower bounds, `maxUndercount` in the result).
   */
  maxPairs?: number | null;
  /**
   * Entries a verbatim pairs at most (default: none, all; the report section
   * takes 128). A verbatim carrying n entries has n·(n − 1)/2 pairs: a long
   * letter read with a lexicon of thousands of entries would cost the square
   * of what it cites. Past the limit, its pairs are counted among the entries
   * it mentions most (ties: the first mentioned), and each such verbatim adds
   * 1 to the result's `maxUndercount`. Its entries are all still counted.
   */
  maxEntries?: number | null;
  /**
   * Keep pairs of an entry with its own theme (`attente_excessive` + `joignabilite`),
   * which always co-occur. Default false. The theme is read from `matches[].theme`.
   */
  keepOwnTheme?: boolean;
}

export interface CooccurrenceOptions {
  /** Pairs seen in fewer verbatims are left out (default 3). */
  minSupport?: number;
  /** Pairs kept overall and per channel (default 20). */
  top?: number;
  /** Also rank pairs inside each channel (default true). */
  perChannel?: boolean;
  /**
   * Keep pairs of a concept with an irritant or enchantment of its own theme
   * (`livraison.delai` + `retard_livraison`), which the same words often
   * find together. Default false.
   */
  keepSameTheme?: boolean;
}

export interface CooccurrencePair {
  a: { kind: InsightEntryKind; id: string; count: number };
  b: { kind: InsightEntryKind; id: string; count: number };
  /** Verbatims carrying both. */
  count: number;
  /** count / verbatims. */
  support: number;
  /** P(a∧b) / (P(a)·P(b)) = count·N / (count(a)·count(b)); 1 = independent. */
  lift: number;
  /** P(b | a) and P(a | b). */
  confidenceAB: number;
  confidenceBA: number;
}

export interface CooccurrenceTable {
  verbatims: number;
  pairs: CooccurrencePair[];
  /**
   * The most a pair's `count` may fall short of the truth once the pair
   * tables reached their budget (`maxPairs`), or verbatims carried more than
   * `maxEntries` entries: counts shown, and so lifts and confidences, are then
   * lower bounds. 0: exact. Absent in reports written before it.
   */
  maxUndercount?: number;
}

export interface CooccurrenceResult extends CooccurrenceTable {
  channels: Array<CooccurrenceTable & { channel: string }>;
}

function emptyChannel(): CooccurrenceChannelCounts {
  return { verbatims: 0, items: dict(), pairs: emptyTermTable() };
}

/**
 * A channel's pair table. A version-1 state kept `{ key: verbatims }`: read
 * as an exact table (its occurrences are its verbatims).
 */
export function pairTable(ch: CooccurrenceChannelCounts): TermTable {
  const pairs = ch.pairs;
  if (Array.isArray((pairs as Partial<TermTable>).keys)) return pairs as TermTable;
  const out = emptyTermTable();
  for (const [key, n] of Object.entries(pairs as Counts)) {
    if (typeof n !== 'number') continue;
    out.keys.push(key);
    out.occurrences.push(n);
    out.verbatims.push(n);
    out.total += n;
  }
  return out;
}

const mergeChannelWith =
  (maxPairs: number | null) =>
  (a: CooccurrenceChannelCounts, b: CooccurrenceChannelCounts): CooccurrenceChannelCounts => ({
    verbatims: a.verbatims + b.verbatims,
    items: sumCounts([a.items, b.items]),
    pairs: mergeTermTables(pairTable(a), pairTable(b), maxPairs),
    ...cappedField(cappedOf(a) + cappedOf(b)),
  });

export function copyChannel(a: CooccurrenceChannelCounts): CooccurrenceChannelCounts {
  return { verbatims: a.verbatims, items: copyCounts(a.items), pairs: sumTermTables([pairTable(a)]), ...cappedField(cappedOf(a)) };
}

/** A channel's verbatims whose pairs were capped (0 in states written before the cap). */
export const cappedOf = (ch: CooccurrenceChannelCounts): number => ch.capped ?? 0;

/** The `capped` field, written only when some verbatim was capped: states of ordinary runs keep their shape. */
const cappedField = (n: number): { capped?: number } => (n > 0 ? { capped: n } : {});

/** The state's pair budget (`null`: exact; a version-1 state has none). */
export const maxPairsOf = (state: CooccurrenceState): number | null => state.maxPairs ?? null;


export function emptyCooccurrenceState(options: CooccurrenceAccumulatorOptions = {}): CooccurrenceState {
  const kinds = assertKinds(options.kinds ?? ['theme', 'concept', 'irritant', 'enchantment'], 'emptyCooccurrenceState');
  const maxPairs = options.maxPairs ?? null;
  const maxEntries = options.maxEntries ?? null;
  assertLimit(maxPairs, 'maxPairs', 'emptyCooccurrenceState');
  assertLimit(maxEntries, 'maxEntries', 'emptyCooccurrenceState');
  return { type: 'cooccurrence', version: 2, kinds, keepOwnTheme: options.keepOwnTheme ?? false, maxPairs, maxEntries, channels: dict(), themes: dict() };
}

const byKey = (p: EntryItem, q: EntryItem): number => compareStrings(p.key, q.key);

/** Counts the entries of one analysis and each pair of them. */
export function addCooccurrence(state: CooccurrenceState, analysis: VerbatimAnalysis): void {
  assertAnalysis(analysis, 'cooccurrence.add');
  const { kinds, keepOwnTheme } = state;
  const counts = (state.channels[analysis.channel] ??= emptyChannel());
  counts.verbatims += 1;
  const items = sortUnlessSorted(entryItems(analysis, kinds, state), byKey);
  const themeOf = new Map<string, string>();
  if (Array.isArray(analysis.matches)) {
    for (const m of analysis.matches) {
      if (m && typeof m.id === 'string' && typeof m.theme === 'string' && m.theme !== m.id) themeOf.set(m.id, m.theme);
    }
  }
  // Themes of the entries paired, for the ranking (a lexicon gives each entry one theme; the smallest wins otherwise).
  const themes = (state.themes ??= dict());
  for (const [id, theme] of themeOf) {
    const known = themes[id];
    if (known === undefined || compareStrings(theme, known) < 0) themes[id] = theme;
  }
  const ownTheme = (p: EntryItem, q: EntryItem): boolean => (q.kind === 'theme' && themeOf.get(p.id) === q.id) || (p.kind === 'theme' && themeOf.get(q.id) === p.id);
  for (const item of items) addCount(counts.items, item.key);
  if (items.length < 2) return;
  const maxEntries = state.maxEntries ?? null;
  let paired = items;
  if (maxEntries !== null && items.length > maxEntries) {
    paired = mostMentioned(items, analysis, maxEntries);
    counts.capped = cappedOf(counts) + 1;
  }
  const pairs = (counts.pairs = pairTable(counts));
  const skip = keepOwnTheme || themeOf.size === 0 ? null : (i: number, j: number) => ownTheme(paired[i] as EntryItem, paired[j] as EntryItem);
  // Items in code-unit order: a pair's key is `a\tb` with a before b.
  addPairs(pairs, paired.map((item) => item.key), skip, maxPairsOf(state));
}

/**
 * The `n` entries of `items` the verbatim mentions most (its matches naming
 * them, or, for a theme, naming it as their theme), ties broken by the first
 * mention, then the key; returned in the order of `items`.
 */
function mostMentioned(items: readonly EntryItem[], analysis: VerbatimAnalysis, n: number): EntryItem[] {
  const mentions = new Map<string, { count: number; first: number }>();
  const mention = (key: string, start: number): void => {
    const m = mentions.get(key);
    if (m === undefined) mentions.set(key, { count: 1, first: start });
    else {
      m.count += 1;
      if (start < m.first) m.first = start;
    }
  };
  for (const m of Array.isArray(analysis.matches) ? analysis.matches : []) {
    if (!m || typeof m.id !== 'string') continue;
    const start = typeof m.start === 'number' ? m.start : Number.POSITIVE_INFINITY;
    mention(entryKey(m.kind, m.id), start);
    if (typeof m.theme === 'string' && m.theme !== m.id) mention(entryKey('theme', m.theme), start);
  }
  const none = { count: 0, first: Number.POSITIVE_INFINITY };
  const ranked = items
    .map((item) => ({ item, ...(mentions.get(item.key) ?? none) }))
    .sort((p, q) => q.count - p.count || p.first - q.first || compareStrings(p.item.key, q.item.key));
  const kept = new Set(ranked.slice(0, n).map((r) => r.item));
  return items.filter((item) => kept.has(item));
}

/** The state with every channel counted in `into` (pure): past the report's channel limit. */
export function mergeCooccurrenceChannels(state: CooccurrenceState, into: string): CooccurrenceState {
  return { ...state, channels: mergeRecordInto(state.channels, into, mergeChannelWith(maxPairsOf(state)), emptyChannel) };
}

export function mergeCooccurrence(a: CooccurrenceState, b: CooccurrenceState): CooccurrenceState {
  assertState(a, 'cooccurrence', 'mergeCooccurrence');
  assertState(b, 'cooccurrence', 'mergeCooccurrence');
  const maxPairs = mergedLimit(a.maxPairs, b.maxPairs);
  const maxEntries = mergedLimit(a.maxEntries, b.maxEntries);
  if (!sameList(a.kinds, b.kinds) || a.keepOwnTheme !== b.keepOwnTheme || maxPairs === undefined || maxEntries === undefined) {
    throw expectedError('co-occurrence states built with the same options in mergeCooccurrence', 'different kinds, keepOwnTheme, maxPairs or maxEntries');
  }
  return {
    type: 'cooccurrence',
    version: 2,
    kinds: [...a.kinds],
    keepOwnTheme: a.keepOwnTheme,
    maxPairs,
    maxEntries,
    channels: mergeRecords(a.channels, b.channels, mergeChannelWith(maxPairs), copyChannel),
    themes: mergeThemes(a.themes ?? {}, b.themes ?? {}),
  };
}

function mergeThemes(a: Record<string, string>, b: Record<string, string>): Record<string, string> {
  const out = dict<string>();
  for (const id of [...Object.keys(a), ...Object.keys(b)].sort(compareStrings)) {
    const x = Object.hasOwn(a, id) ? a[id] : undefined;
    const y = Object.hasOwn(b, id) ? b[id] : undefined;
    out[id] = (x === undefined ? y : y === undefined ? x : compareStrings(x, y) <= 0 ? x : y) as string;
  }
  return out;
}

/**
 * True for a concept paired with an irritant or enchantment of the same
 * theme: both say the same thing (a concept's theme is its parent, or the
 * part of its id before the dot).
 */
function sameTheme(a: { kind: InsightEntryKind; id: string }, b: { kind: InsightEntryKind; id: string }, themes: Record<string, string>): boolean {
  const [concept, other] = a.kind === 'concept' ? [a, b] : [b, a];
  if (concept.kind !== 'concept' || (other.kind !== 'irritant' && other.kind !== 'enchantment')) return false;
  const dot = concept.id.indexOf('.');
  const conceptTheme = own(themes, concept.id) ?? (dot > 0 ? concept.id.slice(0, dot) : undefined);
  const otherTheme = own(themes, other.id);
  return conceptTheme !== undefined && conceptTheme === otherTheme;
}

function rank(counts: CooccurrenceChannelCounts, minSupport: number, top: number, skip: (a: { kind: InsightEntryKind; id: string }, b: { kind: InsightEntryKind; id: string }) => boolean): CooccurrenceTable {
  const n = counts.verbatims;
  const table = pairTable(counts);
  const pairs: CooccurrencePair[] = [];
  for (let slot = 0; slot < table.keys.length; slot++) {
    const count = table.verbatims[slot] as number;
    if (count < Math.max(1, minSupport)) continue;
    const key = table.keys[slot] as string;
    const [x = '', y = ''] = key.split(PAIR_SEPARATOR);
    if (skip(splitEntryKey(x), splitEntryKey(y))) continue;
    const na = countOf(counts.items, x);
    const nb = countOf(counts.items, y);
    pairs.push({
      a: { ...splitEntryKey(x), count: na },
      b: { ...splitEntryKey(y), count: nb },
      count,
      support: count / n,
      lift: (count * n) / (na * nb),
      confidenceAB: count / na,
      confidenceBA: count / nb,
    });
  }
  // Kinds too: two pairs may join the same ids under different kinds.
  pairs.sort((p, q) => q.lift - p.lift || q.count - p.count || compareStrings(p.a.id, q.a.id) || compareStrings(p.b.id, q.b.id) || compareStrings(p.a.kind, q.a.kind) || compareStrings(p.b.kind, q.b.kind));
  // A capped verbatim may leave any pair one short, as a count the table dropped.
  return { verbatims: n, pairs: pairs.slice(0, top), maxUndercount: table.slack + cappedOf(counts) };
}

export function finalizeCooccurrence(state: CooccurrenceState, options: CooccurrenceOptions = {}): CooccurrenceResult {
  assertState(state, 'cooccurrence', 'finalizeCooccurrence');
  const minSupport = nonNegativeInteger(options.minSupport, 'minSupport', 'finalizeCooccurrence', 3);
  const top = nonNegativeInteger(options.top, 'top', 'finalizeCooccurrence', 20);
  const names = sortedKeys(state.channels);
  const channels = names.map((name) => state.channels[name] as CooccurrenceChannelCounts);
  // Summed in one pass, uncut: every channel's pairs count in all (its undercount is the sum of theirs).
  const all: CooccurrenceChannelCounts = {
    verbatims: channels.reduce((n, ch) => n + ch.verbatims, 0),
    items: sumCounts(channels.map((ch) => ch.items)),
    pairs: sumTermTables(channels.map(pairTable)),
    ...cappedField(channels.reduce((n, ch) => n + cappedOf(ch), 0)),
  };
  const themes = state.themes ?? {};
  const skip = options.keepSameTheme === true ? () => false : (a: { kind: InsightEntryKind; id: string }, b: { kind: InsightEntryKind; id: string }) => sameTheme(a, b, themes);
  return {
    ...rank(all, minSupport, top, skip),
    channels:
      options.perChannel === false
        ? []
        : names.map((channel) => ({ channel, ...rank(state.channels[channel] as CooccurrenceChannelCounts, minSupport, top, skip) })),
  };
}
