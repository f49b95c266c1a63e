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
  assertState,
  entryItems,
  nonNegativeInteger,
  sameList,
  splitEntryKey,
  type EntryItem,
  type InsightEntryKind,
} from './_shared.js';
import { expectedError } from '../../_utils/describe.js';
import { sortUnlessSorted } from '../../_utils/sort.js';

/** Pair keys join two `kind:id` keys, in code-unit order, with a tab. */
const PAIR_SEPARATOR = '\t';

export interface CooccurrenceChannelCounts {
  verbatims: number;
  /** Key `kind:id`: verbatims carrying the entry. */
  items: Counts;
  /** Key `kind:id\tkind:id`: verbatims carrying both. */
  pairs: Counts;
}

export interface CooccurrenceState {
  type: 'cooccurrence';
  version: 1;
  kinds: InsightEntryKind[];
  keepOwnTheme: boolean;
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
}

export interface CooccurrenceResult extends CooccurrenceTable {
  channels: Array<CooccurrenceTable & { channel: string }>;
}

function emptyChannel(): CooccurrenceChannelCounts {
  return { verbatims: 0, items: dict(), pairs: dict() };
}

function mergeChannel(a: CooccurrenceChannelCounts, b: CooccurrenceChannelCounts): CooccurrenceChannelCounts {
  return { verbatims: a.verbatims + b.verbatims, items: sumCounts([a.items, b.items]), pairs: sumCounts([a.pairs, b.pairs]) };
}

export function copyChannel(a: CooccurrenceChannelCounts): CooccurrenceChannelCounts {
  return { verbatims: a.verbatims, items: copyCounts(a.items), pairs: copyCounts(a.pairs) };
}

export function emptyCooccurrenceState(options: CooccurrenceAccumulatorOptions = {}): CooccurrenceState {
  const kinds = assertKinds(options.kinds ?? ['theme', 'concept', 'irritant', 'enchantment'], 'emptyCooccurrenceState');
  return { type: 'cooccurrence', version: 1, kinds, keepOwnTheme: options.keepOwnTheme ?? false, channels: dict(), themes: dict() };
}

/** Pair keys made by the adds to a state (never stored): counting a pair builds no string (see `entryItems`). */
const pairKeyTables = new WeakMap<CooccurrenceState, Map<string, Map<string, string>>>();

function pairKeyOf(pairs: Map<string, Map<string, string>>, x: string, y: string): string {
  let withX = pairs.get(x);
  if (withX === undefined) pairs.set(x, (withX = new Map()));
  let key = withX.get(y);
  if (key === undefined) withX.set(y, (key = x + PAIR_SEPARATOR + y));
  return key;
}

const byKey = (p: EntryItem, q: EntryItem): number => compareStrings(p.key, q.key);

/** Counts the entries of one analysis and each pair of them. */
export function addCooccurrence(state: CooccurrenceState, analysis: VerbatimAnalysis): void {
  assertAnalysis(analysis, 'cooccurrence.add');
  const { kinds, keepOwnTheme } = state;
  const counts = (state.channels[analysis.channel] ??= emptyChannel());
  counts.verbatims += 1;
  const items = sortUnlessSorted(entryItems(analysis, kinds, state), byKey);
  let pairKeys = pairKeyTables.get(state);
  if (pairKeys === undefined) pairKeyTables.set(state, (pairKeys = new Map()));
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
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const x = items[i] as EntryItem;
      const y = items[j] as EntryItem;
      if (!keepOwnTheme && ownTheme(x, y)) continue;
      addCount(counts.pairs, pairKeyOf(pairKeys, x.key, y.key));
    }
  }
}

/** The state with every channel counted in `into` (pure): past the report's channel limit. */
export function mergeCooccurrenceChannels(state: CooccurrenceState, into: string): CooccurrenceState {
  return { ...state, channels: mergeRecordInto(state.channels, into, mergeChannel, emptyChannel) };
}

export function mergeCooccurrence(a: CooccurrenceState, b: CooccurrenceState): CooccurrenceState {
  assertState(a, 'cooccurrence', 'mergeCooccurrence');
  assertState(b, 'cooccurrence', 'mergeCooccurrence');
  if (!sameList(a.kinds, b.kinds) || a.keepOwnTheme !== b.keepOwnTheme) {
    throw expectedError('co-occurrence states built with the same options in mergeCooccurrence', 'different kinds or keepOwnTheme');
  }
  return {
    type: 'cooccurrence',
    version: 1,
    kinds: [...a.kinds],
    keepOwnTheme: a.keepOwnTheme,
    channels: mergeRecords(a.channels, b.channels, mergeChannel, copyChannel),
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
  const pairs: CooccurrencePair[] = [];
  for (const key of sortedKeys(counts.pairs)) {
    const count = countOf(counts.pairs, key);
    if (count < Math.max(1, minSupport)) continue;
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
  pairs.sort((p, q) => q.lift - p.lift || q.count - p.count || compareStrings(p.a.id, q.a.id) || compareStrings(p.b.id, q.b.id));
  return { verbatims: n, pairs: pairs.slice(0, top) };
}

export function finalizeCooccurrence(state: CooccurrenceState, options: CooccurrenceOptions = {}): CooccurrenceResult {
  assertState(state, 'cooccurrence', 'finalizeCooccurrence');
  const minSupport = nonNegativeInteger(options.minSupport, 'minSupport', 'finalizeCooccurrence', 3);
  const top = nonNegativeInteger(options.top, 'top', 'finalizeCooccurrence', 20);
  const names = sortedKeys(state.channels);
  const all = names.reduce((t, name) => mergeChannel(t, state.channels[name] as CooccurrenceChannelCounts), emptyChannel());
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
