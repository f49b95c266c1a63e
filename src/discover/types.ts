// Types of the discovery room: what the lexicons leave unexplained, grouped
// into candidate topics.
import type { ScoreScaleKind } from '../report/scales.js';
import type { Tonality } from '../types.js';

/** Why a verbatim is unexplained by the lexicons. */
export type UnexplainedReason = 'no_concept' | 'dissatisfied' | 'satisfied';

/** One verbatim kept in the state's sample (plain JSON). */
export interface DiscoverSampleItem {
  /** Rank in the sample: a 32-bit hash of id and text (the sample keeps the lowest). */
  rank: number;
  id: string;
  channel: string;
  score: number | null;
  tonality: Tonality;
  /** 1: some entry matched; 2: an irritant (not the residual one); 4: an enchantment. */
  flags: number;
  /**
   * Content-word keys in text order (`analysis.keywords`); with masking on,
   * a keyword that is personal data, or a word of a span the masking finds
   * (a name, an address), is `null`: a gap no expression spans.
   */
  keywords: Array<string | null>;
  /** Its irritants (the residual label left out) and enchantments: which entries a candidate term co-occurs with. */
  irritants: string[];
  enchantments: string[];
  /** The text, personal data masked unless `maskPersonalData` is false. */
  text: string;
}

/**
 * The mergeable state of a discovery (plain JSON): exact counts of every
 * verbatim added, and a sample of at most `sampleSize` of them chosen by the
 * hash of their id and text, so that the sample of a merge is the sample of
 * the whole, whatever the split and the order.
 */
export interface DiscoverState {
  discoverStateVersion: 1;
  sampleSize: number;
  /** Customer verbatims added (brand or agent messages are skipped). */
  verbatims: number;
  channels: Record<string, number>;
  /** Score histogram per channel (`{ avis: { "1": 12, "5": 40 } }`), for each channel's scale. */
  scores: Record<string, Record<string, number>>;
  /** Sorted by rank, then id, then text. */
  sample: DiscoverSampleItem[];
}

export interface DiscoverOptions {
  /** Verbatims kept in the sample the topics are found in (default 20,000): memory is bounded by it. */
  sampleSize?: number;
  /** Score scale (default `auto`: detected from the scores, as the report does). */
  scale?: 'auto' | ScoreScaleKind;
  /** Mask personal data in the kept texts (default true). */
  maskPersonalData?: boolean;
  /** Topics listed at most (default 20). */
  maxTopics?: number;
  /** Example verbatims per topic, 3 to 5 (default 3). */
  examples?: number;
  /** Expressions listed per topic (default 5). */
  topExpressions?: number;
  /** Candidate expressions considered at most, best first (default 60). */
  maxCandidates?: number;
  /** Fewest unexplained verbatims (in the sample) a candidate expression must occur in (default 3, or 0.2 % of them if more). */
  minVerbatims?: number;
  /** Largest p-value of a candidate's log-likelihood against the explained verbatims (default 0.05: the lean and specificity checks do the precision). */
  maxP?: number;
  /**
   * A candidate joins a topic when at least this share of the smaller of its
   * verbatims and the topic's first expression's verbatims are shared (overlap
   * coefficient; default 0.5).
   */
  minOverlap?: number;
  /**
   * How far a term must lean to a side to be drafted as an irritant or an
   * enchantment (default 0.2): the lower 95 % confidence bound (Wilson) of
   * the share of its verbatims (those with a side) that are dissatisfied
   * (resp. satisfied) must reach this far from the corpus' own share towards
   * 1 (0: the corpus' share, 1: every one). Other terms are themes.
   */
  minLean?: number;
  /**
   * A term extends an existing entry of its kind instead of starting one when
   * the lower 95 % bound of the share of the explained verbatims holding it
   * that carry that entry reaches this (default 0.5).
   */
  minCooccurrence?: number;
}

/** A candidate kind: irritant and enchantment from the side a term leans to, else theme. */
export type DiscoverKind = 'irritant' | 'enchantment' | 'theme';

/** The mean score of a topic's verbatims on one scale. */
export interface DiscoverMeanScore {
  /** `stars`, `nps`, `csat`, `ces`, or `unknown` with its range. */
  scale: string;
  min: number;
  max: number;
  mean: number;
  /** Scored verbatims of the topic on this scale. */
  verbatims: number;
}

/** One expression of a topic. */
export interface DiscoverExpression {
  /** Stems joined by a space (the grouping key). */
  key: string;
  /** The most frequent form of each stem, joined by a space: what the analyst reads. */
  text: string;
  /** The expression in the lexicon term syntax, as the draft writes it. */
  term: string;
  /** Verbatims of the sample holding it, explained or not. */
  verbatims: number;
  /** Unexplained verbatims (of the topic's group, in the sample) holding it. */
  unexplained: number;
  /** Explained verbatims (in the sample) holding it. */
  explained: number;
  /** Signed log-likelihood G² against the explained verbatims. */
  g2: number;
  /** Of all sample verbatims holding it, the dissatisfied and satisfied ones. */
  dissatisfied: number;
  satisfied: number;
  /** The kind its verbatims lean to (see `minLean`). */
  kind: DiscoverKind;
  /** Lower 95 % bound of the share of its verbatims with a side that are on the side of its kind (0 for a theme). */
  lean: number;
  /**
   * On its side, it stands in the unexplained verbatims more than the
   * corpus' own share (lower 95 % bound): it names something the lexicons
   * miss, not a word of every complaint (always true for a theme).
   */
  specific: boolean;
  /** The existing entry of its kind it co-occurs with in the explained verbatims (see `minCooccurrence`): the draft adds it there. */
  extends?: string;
}

export interface DiscoverExample {
  id: string;
  channel: string;
  score: number | null;
  text: string;
}

export interface DiscoverTopic {
  /** Suggested lexicon id (`candidat_…`). */
  id: string;
  /** Suggested kind: the side its verbatims lean to, as for a term (see `minLean`), else theme. */
  kind: DiscoverKind;
  /** Its first expression the draft writes as a new term, else its first expression, as read. */
  label: string;
  /** Unexplained verbatims of the sample holding one of its expressions. */
  verbatims: number;
  /** `verbatims` scaled to the whole input (equal to it when the sample holds every verbatim). */
  estimated: number;
  /** Of them, dissatisfied ones (low score, or negative tonality without a score): the ranking key. */
  dissatisfied: number;
  satisfied: number;
  /** Mean score of its scored verbatims, per scale (a corpus mixing NPS and stars is not averaged across them). */
  meanScores: DiscoverMeanScore[];
  /** Share of them with a negative tonality. */
  negativeShare: number;
  /** Per channel: its verbatims in the topic and their share of the channel's sampled verbatims. */
  channels: Array<{ channel: string; verbatims: number; share: number }>;
  expressions: DiscoverExpression[];
  examples: DiscoverExample[];
  /** Terms the draft writes for it as a new entry (expressions of its kind that extend no existing entry). */
  draftTerms: string[];
  /** Terms the draft adds to existing entries (`addTerms`), by entry id. */
  extensions: Array<{ id: string; terms: string[] }>;
}

export interface DiscoverResult {
  discoverVersion: 1;
  /** Customer verbatims seen. */
  verbatims: number;
  /** Verbatims the topics were found in (the whole input when it fits the sample). */
  sampled: number;
  /** Score scale of each channel with scores. */
  scales: Array<{ channel: string; kind: ScoreScaleKind | 'unknown' | string; min: number; max: number }>;
  /**
   * In the sample: verbatims unexplained, by reason, each counted once, under
   * the first that applies: dissatisfied with no irritant, satisfied with no
   * enchantment, no concept at all. Topics are found in each group apart.
   */
  unexplained: { total: number; noConcept: number; dissatisfied: number; satisfied: number };
  /** How topics were grouped, in a sentence. */
  method: string;
  topics: DiscoverTopic[];
}
