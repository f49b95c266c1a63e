// Keyness per channel: which words, expressions and entries a channel uses more
// (or less) than all the other channels together, by log-likelihood G². The
// counts are the core figures' own word, expression and entry tables (personal
// data left out), so nothing is counted twice.
import type { CoreState, TermTable } from '../types.js';
import { channelTerms } from '../state.js';
import {
  compareStrings,
  countOf,
  dict,
  sortedKeys,
  type Counts,
} from '../counts.js';
import {
  describe,
  nonNegativeInteger,
  splitEntryKey,
  type InsightEntryKind,
} from './_shared.js';
import { chiSquarePValue, logLikelihood, logRatio, type LogLikelihoodFormula } from '../../_utils/log-likelihood.js';
import { expectedError } from '../../_utils/describe.js';

export type KeynessItemKind = 'word' | 'expression' | 'concept';

/** Frequency tables of one channel. */
export interface KeynessChannelCounts {
  verbatims: number;
  /** Keywords seen (the corpus size for words and expressions). */
  keywords: number;
  words: Counts;
  /** Runs of 2–3 consecutive keywords, joined by a space. */
  expressions: Counts;
  /** Key `kind:id`: verbatims carrying the entry (the corpus size is `verbatims`). */
  concepts: Counts;
}

/** Frequency tables of every channel, read off the core state. */
export interface KeynessState {
  channels: Record<string, KeynessChannelCounts>;
}

export interface KeynessOptions {
  /** Keep items with p below this (default 0.001, i.e. G² ≥ 10.83). */
  maxP?: number;
  /** Ignore items seen fewer times than this over all channels (default 5). */
  minFrequency?: number;
  /** Items kept each way per channel and kind (default 20). */
  top?: number;
  /** Default `rayson` (two terms, as the UCREL calculator); `full` uses the four cells. */
  formula?: LogLikelihoodFormula;
}

export interface KeyItem {
  kind: KeynessItemKind;
  /** The word key, the expression, or the entry id. */
  key: string;
  /** For concepts: the entry kind. */
  entryKind?: InsightEntryKind;
  /** Occurrences in the channel (verbatims for concepts). */
  count: number;
  /** Occurrences in all the other channels together. */
  otherCount: number;
  /** Per 1,000 keywords (per 100 verbatims for concepts) in the channel. */
  rate: number;
  otherRate: number;
  /** Signed log-likelihood: + over-represented in the channel, − under-represented. */
  g2: number;
  /** Chi-square (1 df) p-value of |g2|. */
  p: number;
  /** log2 of the ratio of relative frequencies (0.5 stands in for a zero). */
  logRatio: number | null;
}

export interface KeynessTable {
  over: KeyItem[];
  under: KeyItem[];
}

export interface KeynessChannel {
  channel: string;
  verbatims: number;
  keywords: number;
  word: KeynessTable;
  expression: KeynessTable;
  concept: KeynessTable;
}

export interface KeynessResult {
  /** The G² a p-value of `maxP` needs. */
  threshold: { maxP: number; minFrequency: number; formula: LogLikelihoodFormula };
  channels: KeynessChannel[];
}

const KINDS = ['theme', 'concept', 'irritant', 'enchantment'] as const;

/**
 * The keyness counts of a core state: occurrences of each word and 2–3-word
 * expression (personal data left out), and verbatims per entry (`kind:id`).
 */
export function keynessState(core: CoreState): KeynessState {
  const channels = dict<KeynessChannelCounts>();
  for (const [id, columns] of Object.entries(coreColumns(core))) {
    const counts = (c: Column): Counts => {
      const out = dict<number>();
      for (let i = 0; i < c.keys.length; i++) out[c.keys[i] as string] = c.counts[i] as number;
      return out;
    };
    channels[id] = { verbatims: columns.verbatims, keywords: columns.keywords, words: counts(columns.word), expressions: counts(columns.expression), concepts: counts(columns.concept) };
  }
  return { channels };
}

/**
 * Keyness of the core state's channels, read straight off its word tables.
 * When a table was cut to its budget (`maxVocabulary`), its counts may fall
 * short by its slack: a word or expression is then listed only when it is key
 * whatever its true counts within the slacks.
 */
export function finalizeCoreKeyness(core: CoreState, options: KeynessOptions = {}): KeynessResult {
  return keynessOf(coreColumns(core), options);
}

export function finalizeKeyness(state: KeynessState, options: KeynessOptions = {}): KeynessResult {
  const columns = dict<ChannelColumns>();
  const column = (counts: Counts): Column => {
    const keys = Object.keys(counts);
    return { keys, counts: keys.map((k) => countOf(counts, k)) };
  };
  for (const [id, c] of Object.entries(state.channels)) {
    columns[id] = { verbatims: c.verbatims, keywords: c.keywords, word: column(c.words), expression: column(c.expressions), concept: column(c.concepts) };
  }
  return keynessOf(columns, options);
}

/** The tables of one group of verbatims, as keyness compares them. */
export interface KeynessTables {
  verbatims: number;
  /** Keywords (personal data left out): occurrences; `total` is the corpus size. */
  keywords: TermTable;
  /** 2–3-keyword expressions. */
  expressions: TermTable;
  /** Key `kind:id` (theme, concept, irritant, enchantment): verbatims carrying the entry. */
  entries: Counts;
}

/**
 * Keyness of groups of verbatims other than channels (the values of an input
 * column), from each group's tables: each group against all the others
 * together, as channels are (`KeynessResult.channels` holds the groups).
 */
export function finalizeTablesKeyness(groups: Record<string, KeynessTables>, options: KeynessOptions = {}): KeynessResult {
  const columns = dict<ChannelColumns>();
  for (const [id, g] of Object.entries(groups)) {
    const keys = Object.keys(g.entries);
    columns[id] = {
      verbatims: g.verbatims,
      keywords: g.keywords.total,
      word: { keys: g.keywords.keys, counts: g.keywords.occurrences, slack: g.keywords.slack },
      expression: { keys: g.expressions.keys, counts: g.expressions.occurrences, slack: g.expressions.slack },
      concept: { keys, counts: keys.map((k) => countOf(g.entries, k)) },
    };
  }
  return keynessOf(columns, options);
}

/** Keys and their counts, in two columns; `slack`: the most a count may fall short (0: exact). */
interface Column {
  keys: readonly string[];
  counts: readonly number[];
  slack?: number;
}

interface ChannelColumns {
  verbatims: number;
  keywords: number;
  word: Column;
  expression: Column;
  concept: Column;
}

function coreColumns(core: CoreState): Record<string, ChannelColumns> {
  const channels = dict<ChannelColumns>();
  for (const [id, ch] of Object.entries(core.channels)) {
    const words = channelTerms(ch, 'keywords');
    const expressions = channelTerms(ch, 'expressions');
    const concepts: Column = { keys: [], counts: [] };
    for (const kind of KINDS) {
      for (const [entry, n] of Object.entries(ch.entries[kind])) {
        (concepts.keys as string[]).push(`${kind}:${entry}`);
        (concepts.counts as number[]).push(n);
      }
    }
    channels[id] = {
      verbatims: ch.verbatims,
      // Every keyword counted, kept in the table or not: the corpus size stays exact when a table is cut.
      keywords: words.total,
      word: { keys: words.keys, counts: words.occurrences, slack: words.slack },
      expression: { keys: expressions.keys, counts: expressions.occurrences, slack: expressions.slack },
      concept: concepts,
    };
  }
  return channels;
}

const ITEM_KINDS: readonly KeynessItemKind[] = ['word', 'expression', 'concept'];

function keynessOf(state: Record<string, ChannelColumns>, options: KeynessOptions): KeynessResult {
  const maxP = options.maxP ?? 0.001;
  if (typeof maxP !== 'number' || !(maxP > 0 && maxP <= 1)) {
    throw expectedError('maxP in (0, 1] in finalizeKeyness', describe(maxP));
  }
  const minFrequency = nonNegativeInteger(options.minFrequency, 'minFrequency', 'finalizeKeyness', 5);
  const top = nonNegativeInteger(options.top, 'top', 'finalizeKeyness', 20);
  const formula = options.formula ?? 'rayson';
  if (formula !== 'rayson' && formula !== 'full') {
    throw expectedError('formula rayson or full in finalizeKeyness', describe(formula));
  }
  const names = sortedKeys(state);
  const channels = names.map((name) => state[name] as ChannelColumns);
  const totalVerbatims = channels.reduce((s, c) => s + c.verbatims, 0);
  const totalKeywords = channels.reduce((s, c) => s + c.keywords, 0);

  // Per kind: the items frequent enough over all channels (sorted: the order ties are listed in), their
  // totals, and each channel's counts of them. Rarer items are never compared, so never sorted nor copied.
  const tables = {} as Record<KeynessItemKind, { candidates: string[]; totals: Float64Array; own: Float64Array[] }>;
  for (const kind of ITEM_KINDS) {
    const sums = new Map<string, number>();
    for (const c of channels) {
      const { keys, counts } = c[kind];
      for (let i = 0; i < keys.length; i++) sums.set(keys[i] as string, (sums.get(keys[i] as string) ?? 0) + (counts[i] as number));
    }
    const candidates: string[] = [];
    for (const [key, n] of sums) if (n >= minFrequency) candidates.push(key);
    candidates.sort(compareStrings);
    const at = new Map(candidates.map((key, i) => [key, i]));
    const own = channels.map((c) => {
      const counts = new Float64Array(candidates.length);
      const column = c[kind];
      for (let i = 0; i < column.keys.length; i++) {
        const j = at.get(column.keys[i] as string);
        if (j !== undefined) counts[j] = (counts[j] as number) + (column.counts[i] as number);
      }
      return counts;
    });
    tables[kind] = { candidates, totals: Float64Array.from(candidates, (key) => sums.get(key) as number), own };
  }

  return {
    threshold: { maxP, minFrequency, formula },
    channels: names.map((channel, i): KeynessChannel => {
      const counts = channels[i] as ChannelColumns;
      const table = (kind: KeynessItemKind): KeynessTable => {
        const perVerbatim = kind === 'concept';
        const c = perVerbatim ? counts.verbatims : counts.keywords;
        const d = (perVerbatim ? totalVerbatims : totalKeywords) - c;
        const unit = perVerbatim ? 100 : 1000;
        const { candidates, totals, own } = tables[kind];
        const mine = own[i] as Float64Array;
        // Counts cut down to a budget may fall short: by the channel's slack here, by the others' together there.
        const slackHere = counts[kind].slack ?? 0;
        const slackThere = channels.reduce((sum, ch) => sum + (ch[kind].slack ?? 0), 0) - slackHere;
        const over: KeyItem[] = [];
        const under: KeyItem[] = [];
        for (let j = 0; j < candidates.length; j++) {
          const key = candidates[j] as string;
          const a = mine[j] as number;
          const b = (totals[j] as number) - a;
          if (c === 0 || d === 0) continue;
          const g2 = logLikelihood(a, b, c, d, formula);
          const p = chiSquarePValue(g2);
          if (!(p < maxP)) continue;
          const isOver = a / c > b / d;
          if (slackHere + slackThere > 0) {
            // Kept only when key whatever the true counts within the slacks: least over with the others' counts at
            // their most, least under with this channel's at its most.
            const [a2, b2] = isOver ? [a, b + slackThere] : [a + slackHere, b];
            if (a2 / c > b2 / d !== isOver || !(chiSquarePValue(logLikelihood(a2, b2, c, d, formula)) < maxP)) continue;
          }
          const item: KeyItem = {
            kind,
            key,
            count: a,
            otherCount: b,
            rate: (unit * a) / c,
            otherRate: (unit * b) / d,
            g2: isOver ? g2 : -g2,
            p,
            logRatio: logRatio(a, b, c, d),
          };
          if (perVerbatim) {
            const { kind: entryKind, id } = splitEntryKey(key);
            item.key = id;
            item.entryKind = entryKind;
          }
          (isOver ? over : under).push(item);
        }
        over.sort((x, y) => y.g2 - x.g2 || compareStrings(x.key, y.key));
        under.sort((x, y) => x.g2 - y.g2 || compareStrings(x.key, y.key));
        return { over: over.slice(0, top), under: under.slice(0, top) };
      };
      return {
        channel,
        verbatims: counts.verbatims,
        keywords: counts.keywords,
        word: table('word'),
        expression: table('expression'),
        concept: table('concept'),
      };
    }),
  };
}
