/**
 * Types of the corpus report: the mergeable state built from analyses and
 * the finalized `Report` (schema/report.schema.json).
 */
import type { ColumnsUsed, EntryKind, JourneyStage, Tonality } from '../types.js';
import type { Section } from './section.js';
import type { TermTable } from './terms.js';

export type { TermTable };

// ---------------------------------------------------------------- inputs

/** Where a rejected input row came from. */
export interface RejectSource {
  file: string;
  /** 1-based data row number. */
  row: number;
  /** 1-based physical line in the file, when the reader knows it. */
  line?: number;
  /** The row a spreadsheet shows, header row included (CSV, TSV, XLSX). */
  sheetRow?: number;
}

/** An input row that could not be analysed (empty text, bad encoding…). */
export interface ReportReject {
  source: RejectSource;
  /** Short reason in the run's language (`texte vide`, `empty text`…): counts are grouped by it. */
  reason: string;
  /** What the user can do about it. */
  hint: string;
  /** The reason's stable code (`empty_text`, `wrong_column_count`…), the same in every language, for scripts. */
  code?: string;
}

/** Label and position of one lexicon entry, as the lexicon engine describes it. */
export interface ReportEntryMeta {
  label: string;
  kind: EntryKind;
  /** Theme of a concept / irritant / enchantment / intent. */
  theme?: string;
  /** Journey stage (themes). */
  stage?: JourneyStage;
}

/** Labels for ids met in analyses. Plain data: the lexicon engine provides it. */
export interface ReportMeta {
  entries?: Record<string, ReportEntryMeta>;
  channels?: Record<string, { label: string }>;
}

/**
 * How scores are read: guessed from the values seen (`auto`), or declared.
 * The core figures read NPS (0–10) and stars (1–5) and guess for the others;
 * the score analysis also knows CSAT and CES (effort).
 */
export type ScoreScale = 'auto' | 'nps' | 'stars' | 'csat' | 'ces';

/** Options of `createReportBuilder`, `finalizeReport` and `buildReport`. */
export interface ReportOptions {
  /** Example verbatims kept per entry and channel (default 3). Fixed when the state is built. */
  examples?: number;
  /** Mask emails, phones, IBANs, cards, references and names in examples (default true). Fixed when the state is built. */
  maskPersonalData?: boolean;
  /** Words listed per channel (default 20). */
  topWords?: number;
  /** 2–3-word expressions listed per channel (default: `topWords`). */
  topExpressions?: number;
  /** An expression is listed only when found in at least this many verbatims (default 2). */
  minExpressionVerbatims?: number;
  /**
   * Word and expression tables of at most 2·k terms per channel (default:
   * none, exact; the CLI sets 10,000: `--vocabulary`). Until a table holds
   * more than 2·k distinct terms nothing changes; from then on it is a
   * Misra–Gries summary: counts are lower bounds that fall short by at most
   * `summary.maxUndercount` (≤ N / (k + 1) for N occurrences), through any
   * merge, and every term with more than N / (k + 1) occurrences is kept
   * (README § Reports). The co-occurrence section bounds its pairs of
   * entries the same way (its result's `maxUndercount`) unless its own
   * `maxPairs` is given. Fixed when the state is built.
   */
  maxVocabulary?: number;
  /**
   * Channels kept apart at most (default: none, every channel; the CLI sets
   * 100: `--max-channels`). Every channel keeps its own word tables,
   * examples, co-occurrences and scores, so a channel column holding store
   * codes, agents or ids would make memory grow with its values: once more
   * than `maxChannels` distinct channels are met, all of them are merged
   * into one (`OTHER_CHANNELS`, counted as one channel) and
   * `summary.channelsMerged` says so. Which channels were met is the same
   * whatever the split into states, so the report is too. Fixed when the
   * state is built.
   */
  maxChannels?: number;
  /** Single words left out of `topWords` (default: French negators, which are never stop words). */
  ignoreWords?: readonly string[];
  /** Labels of entries and channels. */
  meta?: ReportMeta;
  /**
   * Channel labels by channel id, over the lexicon's (`{ app_store_fr: 'App Store' }`).
   * A channel named by neither shows its id made readable (`app_store_fr` → "App store fr").
   */
  channelLabels?: Record<string, string>;
  /** Title of the report (`report.title`), shown by every renderer instead of its default title. */
  title?: string;
  /** Language of the labels written by renderers (`fr` default, or `en`). */
  lang?: string;
  /** How to read scores (default `auto`: stars when every score is within 1–5, NPS when within 0–10). */
  scoreScale?: ScoreScale;
  /** Period of the trends: `month` (default) or ISO `week`. */
  period?: 'month' | 'week';
  /**
   * Trend periods listed at most, the last of the span followed (default
   * 120; 0 lists them all; the CLI's `--max-periods`). The verbatims dated
   * before them are counted in the trends' `earlier`. With 0 the trends
   * state keeps every day, else at most 8,000 (down to 4,000). A trends
   * section given its own `maxPeriods` keeps it. Fixed when the state is built.
   */
  maxPeriods?: number;
  /**
   * An input column (a `meta` field of the analyses: a brand, a region, a
   * product) whose values group the verbatims for a keyness analysis by
   * value, as by channel (`report.sections.insight.keynessBy`; the CLI's
   * `--by`). An empty cell or a missing field counts in the group `(vide)`.
   * Default: none. Fixed when the state is built.
   */
  groupBy?: string;
  /**
   * Values of `groupBy` compared at most, `(vide)` included (default 50):
   * beyond it the column is not one of groups (ids, free text) and no value
   * is compared; the report says so. Fixed when the state is built.
   */
  maxGroups?: number;
  /** Rejects listed with their file and row (default 10; counts cover all). Fixed when the state is built. */
  maxRejects?: number;
  /**
   * The sections of the report, the core figures first (default:
   * `defaultSections()`: core, chat, scores, keyness, co-occurrence, trends,
   * journey). Give the same list to the builder, `mergeReportStates`,
   * `finalizeReport` and the renderers; add one with
   * `[...defaultSections(), mySection]`.
   */
  sections?: readonly Section[];
}

// ---------------------------------------------------------------- state

/** Number of verbatims per integer value (key: the value as a decimal string). */
export type Histogram = Record<string, number>;

/** A highlighted span: offsets into the example text (masked when masking is on). */
export interface Highlight {
  start: number;
  end: number;
  /** Entry id of the match. */
  id: string;
}

/** An example verbatim as kept in the state. */
export interface ExampleState extends ReportExample {
  /** Deterministic rank (FNV-1a of entry id + verbatim id): the smallest are kept. */
  rank: number;
}

/**
 * What the lexicons explain in a channel, mergeable by addition: the counts
 * behind `ChannelReport.coverage`. Scored verbatims are kept by score value,
 * since the scale (and so which scores are low or high) is known only when
 * the report is finalized.
 */
export interface CoverageState {
  /** Score value → scored verbatims with an irritant (the residual label is not one). */
  irritantScores: Histogram;
  /** Score value → scored verbatims with an enchantment. */
  enchantmentScores: Histogram;
  /** Negative verbatims (tonality) with an irritant, scored or not. */
  negativeWithIrritant: number;
  /** Positive verbatims (tonality) with an enchantment, scored or not. */
  positiveWithEnchantment: number;
  /** Unscored negative verbatims, and those of them with an irritant. */
  unscoredNegative: number;
  unscoredNegativeWithIrritant: number;
  /** Unscored positive verbatims, and those of them with an enchantment. */
  unscoredPositive: number;
  unscoredPositiveWithEnchantment: number;
  /** Residual label id → verbatims that got it (negative, no irritant found). */
  residual: Record<string, number>;
}

/** Figures of one channel, mergeable by addition. */
export interface ChannelState {
  verbatims: number;
  /** Words per verbatim → verbatims. */
  words: Histogram;
  /** Sum of content words. */
  contentWords: number;
  /** Distinct concept-level ids per verbatim → verbatims. */
  concepts: Histogram;
  /** Themes per verbatim → verbatims. */
  themes: Histogram;
  withIrritant: number;
  withEnchantment: number;
  /** Brand or agent messages seen in the channel, kept out of every other figure (absent in older states: 0). */
  agentMessages?: number;
  tonality: Record<string, number>;
  languages: Record<string, number>;
  /** Verbatims mentioning each entry, by kind. */
  entries: Record<EntryKind, Record<string, number>>;
  /** Keywords (personal data left out), with their occurrences and verbatims. */
  keywords: TermTable;
  /** 2- and 3-keyword expressions (never across a masked word). */
  expressions: TermTable;
  /** Score value → verbatims. */
  scores: Histogram;
  /** Verbatims whose score was absent or not a finite number. */
  unscored: number;
  /** Earliest and latest `date` seen (ISO strings compare as text). */
  dateFrom: string | null;
  dateTo: string | null;
  /** Entry id → up to `examples` examples, smallest rank first. */
  examples: Record<string, ExampleState[]>;
  /**
   * The lexicons' coverage counts. Absent in states written before them (a
   * merge with such a state has none either): the report then shows no
   * explained shares rather than wrong ones.
   */
  coverage?: CoverageState;
}

/** State of the core section: the per-channel figures and the rejects. */
export interface CoreState {
  /** `maxChannels` is absent in states written before it (none). */
  config: { examples: number; maskPersonalData: boolean; maxVocabulary: number | null; maxRejects: number; maxChannels?: number | null };
  /** `codes`: the stable code of each reason (absent when no reject had one). */
  rejects: { count: number; byReason: Record<string, number>; first: ReportReject[]; codes?: Record<string, string> };
  channels: Record<string, ChannelState>;
  /**
   * True once more than `config.maxChannels` channels were met: `channels`
   * then holds one, `OTHER_CHANNELS`, the sum of them all. Absent: false.
   */
  channelsMerged?: boolean;
}

/**
 * Everything needed to finalize a report; plain JSON: the state of each
 * section by name. Two states built with the same settings and sections
 * merge exactly with `mergeReportStates`.
 */
export interface ReportState {
  /** 3 since the word tables are columns (`TermTable`); states of version 2 are still read and merged. */
  stateVersion: 3;
  sections: { core: CoreState } & Record<string, unknown>;
}

// ---------------------------------------------------------------- report

export interface ReportExample {
  id: string;
  channel: string;
  date?: string;
  score?: number;
  /** The verbatim text, masked when `maskPersonalData` is on. */
  text: string;
  /** Matched spans of the entry, offsets into `text`, sorted. */
  highlights: Highlight[];
}

/** A count with its share of the channel's verbatims (0–1). */
export interface CountShare {
  count: number;
  share: number | null;
}

export interface RankedEntry {
  id: string;
  label: string;
  kind: EntryKind;
  theme?: string;
  /** Verbatims mentioning the entry. */
  verbatims: number;
  share: number | null;
  examples: ReportExample[];
}

export interface RankedTerm {
  /** Normalized keyword(s), space-separated. */
  key: string;
  verbatims: number;
  occurrences: number;
  share: number | null;
}

export interface ScoreSummary {
  /** `mixed` on the all-channels view when channels use different scales. */
  scale: 'nps' | 'stars' | 'mixed' | 'unknown';
  /** Scores read on the scale. */
  n: number;
  /** Scores present but off the scale. */
  ignored: number;
  /** Fewer scores than `LOW_BASE` (10): a figure to read with its n, not to compare. */
  lowBase?: boolean;
  mean: number | null;
  /** NPS scale: % promoters (9–10) − % detractors (0–6), −100…100. */
  nps?: number | null;
  promoters?: number;
  passives?: number;
  detractors?: number;
}

/** A group of verbatims (the dissatisfied or the satisfied) and how many of them the lexicons explain. */
export interface CoverageFigure {
  /**
   * How the group is found: `score`, the bottom (or top) segment of the
   * channel's score scale, and the negative (or positive) tonality for the
   * verbatims without a score; `tonality` when the channel has no known
   * scale; `mixed` on the all-channels view when channels differ (each
   * channel counted its own way).
   */
  basis: 'score' | 'tonality' | 'mixed';
  /** Verbatims in the group. */
  verbatims: number;
  /** Of those, verbatims with at least one irritant (dissatisfied) or enchantment (satisfied). */
  explained: number;
  /** `explained / verbatims` (0–1), null for an empty group. */
  share: number | null;
}

/** What the lexicons explain in a channel. */
export interface ChannelCoverage {
  /** Verbatims with at least one concept (concept, irritant, enchantment or a theme named in general terms; intents aside). */
  withConcept: CountShare;
  /** Dissatisfied verbatims (low score, or negative) with at least one irritant; null for a state without the counts. */
  dissatisfied: CoverageFigure | null;
  /** Satisfied verbatims (high score, or positive) with at least one enchantment; null for a state without the counts. */
  satisfied: CoverageFigure | null;
  /**
   * Negative verbatims no irritant explains, given the residual label (share
   * of all verbatims); null when no verbatim got one (no residual entry in
   * the lexicons, or none needed).
   */
  residual: ({ id: string; label: string } & CountShare) | null;
}

/** Figures of one channel, or of all channels together (`channel: "all"`). */
export interface ChannelReport {
  channel: string;
  label: string;
  verbatims: number;
  wordsPerVerbatim: { mean: number | null; median: number | null; p10: number | null; p90: number | null };
  contentWordsPerVerbatim: { mean: number | null };
  conceptsPerVerbatim: { mean: number | null; median: number | null };
  themesPerVerbatim: { mean: number | null; median: number | null };
  withIrritant: CountShare;
  withEnchantment: CountShare;
  /** Brand or agent messages found in the channel (author column or reply wording), not counted in `verbatims`. */
  agentMessages: number;
  tonality: Record<Tonality, CountShare>;
  languages: Array<{ id: string } & CountShare>;
  themes: RankedEntry[];
  concepts: RankedEntry[];
  irritants: RankedEntry[];
  enchantments: RankedEntry[];
  intents: RankedEntry[];
  topWords: RankedTerm[];
  topExpressions: RankedTerm[];
  score: ScoreSummary | null;
  period: { from: string; to: string } | null;
  /** What the lexicons explain: verbatims with a concept, dissatisfied with an irritant, satisfied with an enchantment, the residual. */
  coverage: ChannelCoverage;
}

export interface ReportSummary {
  /** Analysed + rejected. */
  inputRows: number;
  analysed: number;
  rejected: number;
  /** Counts by reason, with the reason's stable `code` when it has one. */
  rejectsByReason: Array<{ reason: string; code?: string; count: number }>;
  /** The first rejects by file, row and line. */
  firstRejects: ReportReject[];
  channels: number;
  period: { from: string; to: string } | null;
  /** True when a word or expression table reached its budget (`maxVocabulary`): their counts are approximate. */
  approximate: boolean;
  /**
   * With `approximate`: the most any word or expression count of the report
   * (occurrences or verbatims, in any channel or all) may fall short of the
   * truth; counts shown are lower bounds (see `maxVocabulary`). 0 otherwise.
   */
  maxUndercount: number;
  maskedPersonalData: boolean;
  /**
   * Present when more than `maxChannels` channels were met: that limit. The
   * channels were then merged into one, `OTHER_CHANNELS` (`channels` is 1);
   * every figure of `all` is as without the limit.
   */
  channelsMerged?: number;
}

/** The core section's result: the top of the report. */
export interface CoreReport {
  summary: ReportSummary;
  /** One per channel, most verbatims first. */
  channels: ChannelReport[];
  /** All channels together (transverse view). */
  all: ChannelReport;
}

/** The finalized corpus report (schema/report.schema.json). */
export interface Report extends CoreReport {
  schemaVersion: 2;
  /** Language of labels written by renderers. */
  lang: string;
  /** Title of the report, when one was given (`title` option, `--title`); renderers show it instead of their default title. */
  title?: string;
  /** Results of the other sections: `chat`, `insight` (scores, keyness…), then any added section under its name. */
  sections: Record<string, unknown>;
  /** What made the report, when a corpus run built it (`analyzeFiles`, `verbatim analyze`, `verbatim merge`). */
  provenance?: ReportProvenance;
}

/** The columns one input was read with. */
export type ProvenanceColumns = Omit<ColumnsUsed, 'format'>;

/** What made a report: enough to tell two runs apart and to run one again. */
export interface ReportProvenance {
  /** The package that analysed the rows: `{ name: 'verbatim-fr', version }`. */
  library: { name: string; version: string };
  /** `sha256:` hash of the composed lexicon and the analyser's options (a state's `analyzer.id`). */
  analyzer: string;
  /** The lexicon layers in the order they were composed, each with the `sha256:` hash of its content. */
  lexicons: Array<{ layer: string; hash: string }>;
  /** The options of the run (report options, language, agent turns, masking…). */
  options: Record<string, string | number | boolean | string[] | null>;
  /** The column mapping of each input, by file. */
  columns: ProvenanceColumns[];
}
