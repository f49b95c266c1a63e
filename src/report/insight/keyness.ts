// Keyness per channel: which words, expressions and entries a channel uses more
// (or less) than all the other channels together, by log-likelihood G². The
// counts are the core figures' own word, expression and entry tables (personal
// data left out), so nothing is counted twice.
import type { CoreState } from '../types.js';
import { channelTerms } from '../state.js';
import {
  compareStrings,
  countOf,
  dict,
  sortedKeys,
  sumCounts,
  type Counts,
} from '../counts.js';
import {
  describe,
  nonNegativeInteger,
  splitEntryKey,
  type InsightEntryKind,
} from './_shared.js';
import { chiSquarePValue, logLikelihood, logRatio, type LogLikelihoodFormula } from './stats.js';

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
  for (const [id, ch] of Object.entries(core.channels)) {
    const wordTable = channelTerms(ch, 'keywords');
    const expressionTable = channelTerms(ch, 'expressions');
    const words = dict<number>();
    for (let i = 0; i < wordTable.keys.length; i++) words[wordTable.keys[i] as string] = wordTable.occurrences[i] as number;
    const expressions = dict<number>();
    for (let i = 0; i < expressionTable.keys.length; i++) expressions[expressionTable.keys[i] as string] = expressionTable.occurrences[i] as number;
    // Every keyword counted, kept in the table or not: the corpus size stays exact when the table is cut.
    const keywords = wordTable.total;
    const concepts = dict<number>();
    for (const kind of KINDS) for (const [entry, n] of Object.entries(ch.entries[kind])) concepts[`${kind}:${entry}`] = n;
    channels[id] = { verbatims: ch.verbatims, keywords, words, expressions, concepts };
  }
  return { channels };
}

const TABLES = { word: 'words', expression: 'expressions', concept: 'concepts' } as const;

export function finalizeKeyness(state: KeynessState, options: KeynessOptions = {}): KeynessResult {
  const maxP = options.maxP ?? 0.001;
  if (typeof maxP !== 'number' || !(maxP > 0 && maxP <= 1)) {
    throw new TypeError(`verbatim-fr: expected maxP in (0, 1] in finalizeKeyness, got ${describe(maxP)}`);
  }
  const minFrequency = nonNegativeInteger(options.minFrequency, 'minFrequency', 'finalizeKeyness', 5);
  const top = nonNegativeInteger(options.top, 'top', 'finalizeKeyness', 20);
  const formula = options.formula ?? 'rayson';
  if (formula !== 'rayson' && formula !== 'full') {
    throw new TypeError(`verbatim-fr: expected formula rayson or full in finalizeKeyness, got ${describe(formula)}`);
  }
  const names = sortedKeys(state.channels);
  const channels = names.map((name) => state.channels[name] as KeynessChannelCounts);
  const totalVerbatims = channels.reduce((s, c) => s + c.verbatims, 0);
  const totalKeywords = channels.reduce((s, c) => s + c.keywords, 0);
  const totals = {
    word: sumCounts(channels.map((c) => c.words)),
    expression: sumCounts(channels.map((c) => c.expressions)),
    concept: sumCounts(channels.map((c) => c.concepts)),
  };
  // Only the frequent enough are sorted (the order ties are listed in), not every word.
  const frequent = (counts: Counts): string[] => Object.keys(counts).filter((k) => countOf(counts, k) >= minFrequency).sort(compareStrings);
  const candidates = { word: frequent(totals.word), expression: frequent(totals.expression), concept: frequent(totals.concept) };

  return {
    threshold: { maxP, minFrequency, formula },
    channels: names.map((channel, i): KeynessChannel => {
      const counts = channels[i] as KeynessChannelCounts;
      const table = (kind: KeynessItemKind): KeynessTable => {
        const perVerbatim = kind === 'concept';
        const c = perVerbatim ? counts.verbatims : counts.keywords;
        const d = (perVerbatim ? totalVerbatims : totalKeywords) - c;
        const unit = perVerbatim ? 100 : 1000;
        const own = counts[TABLES[kind]];
        const over: KeyItem[] = [];
        const under: KeyItem[] = [];
        for (const key of candidates[kind]) {
          const a = countOf(own, key);
          const b = countOf(totals[kind], key) - a;
          if (c === 0 || d === 0) continue;
          const g2 = logLikelihood(a, b, c, d, formula);
          const p = chiSquarePValue(g2);
          if (!(p < maxP)) continue;
          const isOver = a / c > b / d;
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
