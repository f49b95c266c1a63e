/** From the core state to the top of the report: summary, channels, all (pure). */
import { TONALITIES, type EntryKind } from '../types.js';
import { FRENCH_NEGATORS } from '../text/negators.js';
import { compareStrings, countOf, mergeAll, own } from './counts.js';
import { channelLabelOf, checkChannelLabels } from './labels.js';
import { channelTerms, checkCoreState, emptyChannelState, maxChannelsOf, maxUndercount, mergeChannelStates, nonNegativeInteger, OTHER_CHANNELS } from './state.js';
import { emptyTermTable, sumTermTables, topTerms, type TermTable } from './terms.js';
import { LOW_BASE } from './base.js';
import { checkDeclaredScale, detectScoreScale, resolveScoreScale, scoreSegment, sortedScores } from './scales.js';
import { histogramMean, histogramQuantile, round, roundOrNull, shareOf } from './stats.js';
import type {
  ChannelCoverage,
  ChannelReport,
  ChannelState,
  CoverageFigure,
  CoreReport,
  CoreState,
  Histogram,
  RankedEntry,
  RankedTerm,
  ReportExample,
  ReportMeta,
  ReportOptions,
  ReportReject,
  ScoreScale,
  ScoreSummary,
} from './types.js';
import { expectedError } from '../_utils/describe.js';

export const DEFAULT_TOP_WORDS = 20;
export const DEFAULT_MIN_EXPRESSION_VERBATIMS = 2;
/** Negators (and `n` of the elided `n'`) are never stop words (they flip meanings), but as single words they say nothing on their own. */
export const DEFAULT_IGNORED_WORDS: readonly string[] = [...FRENCH_NEGATORS, 'n'];
/** Channel id of the all-channels view. */
export const ALL_CHANNELS = 'all';

const ALL_LABELS: Record<string, string> = { fr: 'Tous canaux', en: 'All channels' };
/** Label of the one channel all channels were merged into, past the limit `n`. */
const OTHER_LABELS: Record<string, (n: number) => string> = {
  fr: (n) => `Canaux regroupés (plus de ${n})`,
  en: (n) => `Merged channels (over ${n})`,
};


interface FinalizeSettings {
  meta: ReportMeta;
  topWords: number;
  topExpressions: number;
  minExpressionVerbatims: number;
  ignoreWords: ReadonlySet<string>;
  examples: number;
  /** The core reads NPS and stars; any other declared scale is guessed per channel, as with `auto`. */
  scoreScale: 'auto' | 'nps' | 'stars';
}

const SCORE_SCALES: readonly unknown[] = ['auto', 'nps', 'stars', 'csat', 'ces'];

// ---------------------------------------------------------------- scores

/** The scales the core summarises: NPS and stars; any other scale shows as a mean. */
type DetectedScale = 'nps' | 'stars' | 'unknown';

/**
 * The core's reading of `detectScoreScale`: NPS and stars as detected, any
 * other scale (CSAT 1–7 or 0–100, none) as `unknown`; null without scores.
 */
function coreScale(hist: Histogram): DetectedScale | null {
  if (sortedScores(hist).values.length === 0) return null;
  const { kind } = detectScoreScale(hist);
  return kind === 'nps' || kind === 'stars' ? kind : 'unknown';
}

const onScale = (scale: DetectedScale, v: number): boolean =>
  scale === 'nps' ? Number.isInteger(v) && v >= 0 && v <= 10 : scale === 'stars' ? v >= 1 && v <= 5 : true;

export function summarizeScores(hist: Histogram, scale: DetectedScale | 'mixed'): ScoreSummary {
  const valid: Histogram = {};
  let ignored = 0;
  for (const [k, c] of Object.entries(hist)) {
    if (scale !== 'mixed' && onScale(scale, Number(k))) valid[k] = c;
    else ignored += c;
  }
  const n = Object.values(valid).reduce((a, b) => a + b, 0);
  const summary: ScoreSummary = { scale, n, ignored, mean: scale === 'mixed' ? null : roundOrNull(histogramMean(valid), 2) };
  if (scale === 'mixed') {
    summary.n = ignored;
    summary.ignored = 0;
  }
  summary.lowBase = summary.n < LOW_BASE;
  if (scale === 'nps') {
    let promoters = 0;
    let passives = 0;
    let detractors = 0;
    for (const [k, c] of Object.entries(valid)) {
      const v = Number(k);
      if (v >= 9) promoters += c;
      else if (v >= 7) passives += c;
      else detractors += c;
    }
    Object.assign(summary, {
      nps: n === 0 ? null : round(((promoters - detractors) / n) * 100, 1),
      promoters,
      passives,
      detractors,
    });
  }
  return summary;
}

// ---------------------------------------------------------------- coverage

/** The dissatisfied and satisfied verbatims of a channel and how many the lexicons explain. */
interface CoverageCounts {
  basis: CoverageFigure['basis'];
  dissatisfied: number;
  dissatisfiedExplained: number;
  satisfied: number;
  satisfiedExplained: number;
}

/**
 * A channel's coverage counts, read on its own scale: a scored verbatim is
 * dissatisfied in the bottom segment of the scale and satisfied in the top
 * one (scoreSegment); an unscored one by its tonality; without a known scale,
 * every verbatim by its tonality. Null for a state without the counts.
 */
function coverageCounts(ch: ChannelState, scaleOption: ScoreScale): CoverageCounts | null {
  const c = ch.coverage;
  if (c === undefined) return null;
  const scale = sortedScores(ch.scores).values.length === 0 ? null : resolveScoreScale(scaleOption, ch.scores, false);
  if (scale === null || scale.kind === 'unknown') {
    return {
      basis: 'tonality',
      dissatisfied: own(ch.tonality, 'negatif') ?? 0,
      dissatisfiedExplained: c.negativeWithIrritant,
      satisfied: own(ch.tonality, 'positif') ?? 0,
      satisfiedExplained: c.positiveWithEnchantment,
    };
  }
  const out: CoverageCounts = {
    basis: 'score',
    dissatisfied: c.unscoredNegative,
    dissatisfiedExplained: c.unscoredNegativeWithIrritant,
    satisfied: c.unscoredPositive,
    satisfiedExplained: c.unscoredPositiveWithEnchantment,
  };
  for (const [key, n] of Object.entries(ch.scores)) {
    const segment = scoreSegment(scale, Number(key));
    if (segment < 0) {
      out.dissatisfied += n;
      out.dissatisfiedExplained += countOf(c.irritantScores, key);
    } else if (segment > 0) {
      out.satisfied += n;
      out.satisfiedExplained += countOf(c.enchantmentScores, key);
    }
  }
  return out;
}

/** The all-channels counts: each channel counted on its own scale, then summed. */
function sumCoverageCounts(list: ReadonlyArray<CoverageCounts | null>): CoverageCounts | null {
  if (list.some((c) => c === null)) return null;
  const counts = list as CoverageCounts[];
  const bases = new Set(counts.map((c) => c.basis));
  const sum = (key: Exclude<keyof CoverageCounts, 'basis'>): number => counts.reduce((s, c) => s + c[key], 0);
  return {
    basis: bases.size === 1 ? (counts[0] as CoverageCounts).basis : bases.size === 0 ? 'tonality' : 'mixed',
    dissatisfied: sum('dissatisfied'),
    dissatisfiedExplained: sum('dissatisfiedExplained'),
    satisfied: sum('satisfied'),
    satisfiedExplained: sum('satisfiedExplained'),
  };
}

function channelCoverage(ch: ChannelState, counts: CoverageCounts | null, s: FinalizeSettings): ChannelCoverage {
  const n = ch.verbatims;
  const figure = (verbatims: number, explained: number): CoverageFigure | null =>
    counts === null ? null : { basis: counts.basis, verbatims, explained, share: shareOf(explained, verbatims) };
  const withConcept = n - countOf(ch.concepts, '0');
  // The most frequent residual label (one in practice; several only when shards used different lexicons).
  const residual = Object.entries(ch.coverage?.residual ?? {})
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0];
  return {
    withConcept: { count: withConcept, share: shareOf(withConcept, n) },
    dissatisfied: counts === null ? null : figure(counts.dissatisfied, counts.dissatisfiedExplained),
    satisfied: counts === null ? null : figure(counts.satisfied, counts.satisfiedExplained),
    residual: residual === undefined ? null : { id: residual[0], label: own(s.meta.entries, residual[0])?.label ?? residual[0], count: residual[1], share: shareOf(residual[1], n) },
  };
}

// ---------------------------------------------------------------- channels

function rankEntries(ch: ChannelState, kind: EntryKind, s: FinalizeSettings): RankedEntry[] {
  return Object.entries(ch.entries[kind] ?? {})
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
    .map(([id, verbatims]) => {
      const meta = own(s.meta.entries, id);
      const entry: RankedEntry = {
        id,
        label: meta?.label ?? id,
        kind,
        verbatims,
        share: shareOf(verbatims, ch.verbatims),
        examples: (own(ch.examples, id) ?? []).slice(0, s.examples).map(toReportExample),
      };
      const theme = meta?.theme ?? (kind === 'concept' && id.includes('.') ? id.slice(0, id.indexOf('.')) : undefined);
      if (theme !== undefined && kind !== 'theme') entry.theme = theme;
      return entry;
    });
}

function toReportExample(e: ReportExample): ReportExample {
  const out: ReportExample = { id: e.id, channel: e.channel, text: e.text, highlights: e.highlights.map((h) => ({ start: h.start, end: h.end, id: h.id })) };
  if (e.date !== undefined) out.date = e.date;
  if (e.score !== undefined) out.score = e.score;
  return out;
}

/** The first `max` terms by verbatims, then occurrences, then key (a selection: the table is not sorted). */
function rankTerms(table: TermTable, total: number, max: number, keep: (key: string, verbatims: number) => boolean): RankedTerm[] {
  return topTerms(table, max, keep).map((i) => {
    const verbatims = table.verbatims[i] as number;
    return { key: table.keys[i] as string, verbatims, occurrences: table.occurrences[i] as number, share: shareOf(verbatims, total) };
  });
}

function channelReport(
  channel: string,
  label: string,
  ch: ChannelState,
  score: ScoreSummary | null,
  coverage: CoverageCounts | null,
  s: FinalizeSettings,
): ChannelReport {
  const n = ch.verbatims;
  const countShare = (c: number) => ({ count: c, share: shareOf(c, n) });
  const tonality = {} as ChannelReport['tonality'];
  for (const t of TONALITIES) tonality[t] = countShare(own(ch.tonality, t) ?? 0);
  return {
    channel,
    label,
    verbatims: n,
    wordsPerVerbatim: {
      mean: roundOrNull(histogramMean(ch.words), 2),
      median: roundOrNull(histogramQuantile(ch.words, 0.5), 2),
      p10: roundOrNull(histogramQuantile(ch.words, 0.1), 2),
      p90: roundOrNull(histogramQuantile(ch.words, 0.9), 2),
    },
    contentWordsPerVerbatim: { mean: n === 0 ? null : round(ch.contentWords / n, 2) },
    conceptsPerVerbatim: {
      mean: roundOrNull(histogramMean(ch.concepts), 2),
      median: roundOrNull(histogramQuantile(ch.concepts, 0.5), 2),
    },
    themesPerVerbatim: {
      mean: roundOrNull(histogramMean(ch.themes), 2),
      median: roundOrNull(histogramQuantile(ch.themes, 0.5), 2),
    },
    withIrritant: countShare(ch.withIrritant),
    withEnchantment: countShare(ch.withEnchantment),
    agentMessages: ch.agentMessages ?? 0,
    tonality,
    languages: Object.entries(ch.languages)
      .filter(([, c]) => c > 0)
      .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
      .map(([id, c]) => ({ id, ...countShare(c) })),
    themes: rankEntries(ch, 'theme', s),
    concepts: rankEntries(ch, 'concept', s),
    irritants: rankEntries(ch, 'irritant', s),
    enchantments: rankEntries(ch, 'enchantment', s),
    intents: rankEntries(ch, 'intent', s),
    topWords: rankTerms(channelTerms(ch, 'keywords'), n, s.topWords, (k) => !s.ignoreWords.has(k)),
    topExpressions: rankTerms(channelTerms(ch, 'expressions'), n, s.topExpressions, (_, verbatims) => verbatims >= s.minExpressionVerbatims),
    score,
    period: ch.dateFrom !== null && ch.dateTo !== null ? { from: ch.dateFrom, to: ch.dateTo } : null,
    coverage: channelCoverage(ch, coverage, s),
  };
}

// ---------------------------------------------------------------- report

/**
 * Turns a core state into the top of the report (pure: the state is not
 * changed). Per-channel figures come first; `all` merges every channel
 * (transverse view).
 */
export function finalizeCore(state: CoreState, options: ReportOptions = {}): CoreReport {
  checkCoreState(state, 'the core state');
  const topWords = nonNegativeInteger('topWords', options.topWords, DEFAULT_TOP_WORDS);
  const scoreScale = options.scoreScale ?? 'auto';
  if (!SCORE_SCALES.includes(scoreScale)) {
    throw expectedError(`options.scoreScale to be 'auto', 'nps', 'stars', 'csat' or 'ces'`, String(scoreScale));
  }
  // A declared scale the scores cannot be on (NPS over 1–5 ratings) is an error, not "NPS −100".
  checkDeclaredScale(scoreScale, Object.fromEntries(Object.entries(state.channels).map(([id, ch]) => [id, ch.scores])));
  const s: FinalizeSettings = {
    meta: options.meta ?? {},
    topWords,
    topExpressions: nonNegativeInteger('topExpressions', options.topExpressions, topWords),
    minExpressionVerbatims: nonNegativeInteger('minExpressionVerbatims', options.minExpressionVerbatims, DEFAULT_MIN_EXPRESSION_VERBATIMS),
    ignoreWords: new Set(options.ignoreWords ?? DEFAULT_IGNORED_WORDS),
    examples: Math.min(nonNegativeInteger('examples', options.examples, state.config.examples), state.config.examples),
    scoreScale: scoreScale === 'nps' || scoreScale === 'stars' ? scoreScale : 'auto',
  };
  const lang = options.lang ?? 'fr';
  const channelLabels = checkChannelLabels(options.channelLabels, 'options.channelLabels');
  const ids = Object.keys(state.channels).sort();

  // Merged in a balanced tree, not a left fold that copies the growing total once per channel; the word
  // tables apart, summed in one pass and never cut (each channel's is within its budget already).
  const allConfig = { ...state.config, maxVocabulary: null };
  const all = mergeAll(
    ids.map((id) => ({ ...(state.channels[id] as ChannelState), keywords: emptyTermTable(), expressions: emptyTermTable() })),
    (a, b) => mergeChannelStates(a, b, allConfig),
    emptyChannelState(),
  );
  const tables = (field: 'keywords' | 'expressions'): TermTable[] => ids.map((id) => channelTerms(state.channels[id] as ChannelState, field));
  all.keywords = sumTermTables(tables('keywords'));
  all.expressions = sumTermTables(tables('expressions'));
  const channelScales = new Set<DetectedScale>();
  const channels: ChannelReport[] = [];
  const coverages: Array<CoverageCounts | null> = [];
  for (const id of ids) {
    const ch = state.channels[id] as ChannelState;
    const scale = s.scoreScale === 'auto' ? coreScale(ch.scores) : s.scoreScale;
    if (scale !== null) channelScales.add(scale);
    const score = scale === null ? null : summarizeScores(ch.scores, scale);
    const coverage = coverageCounts(ch, scoreScale);
    coverages.push(coverage);
    // The merged channel's label is the report's own; a label given for it (channelLabels) still wins.
    const merged = id === OTHER_CHANNELS && state.channelsMerged === true ? (OTHER_LABELS[lang] ?? OTHER_LABELS.fr!)(maxChannelsOf(state) ?? 0) : undefined;
    channels.push(channelReport(id, channelLabelOf(id, channelLabels, merged ?? own(s.meta.channels, id)?.label), ch, score, coverage, s));
  }
  channels.sort((a, b) => b.verbatims - a.verbatims || compareStrings(a.channel, b.channel));

  const allScale = channelScales.size === 0 ? null : channelScales.size === 1 ? [...channelScales][0]! : 'mixed';
  const allScore = allScale === null ? null : summarizeScores(all.scores, allScale);
  const allReport = channelReport(ALL_CHANNELS, ALL_LABELS[lang] ?? ALL_LABELS.fr!, all, allScore, sumCoverageCounts(coverages), s);

  const analysed = all.verbatims;
  const rejected = state.rejects.count;
  return {
    summary: {
      inputRows: analysed + rejected,
      analysed,
      rejected,
      rejectsByReason: Object.entries(state.rejects.byReason)
        .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
        .map(([reason, c]) => {
          const code = state.rejects.codes === undefined ? undefined : own(state.rejects.codes, reason);
          return code === undefined ? { reason, count: c } : { reason, code, count: c };
        }),
      firstRejects: state.rejects.first.map((r) => {
        const source: ReportReject['source'] = { file: r.source.file, row: r.source.row };
        if (r.source.line !== undefined) source.line = r.source.line;
        if (r.source.sheetRow !== undefined) source.sheetRow = r.source.sheetRow;
        return r.code === undefined ? { source, reason: r.reason, hint: r.hint } : { source, reason: r.reason, hint: r.hint, code: r.code };
      }),
      channels: ids.length,
      period: allReport.period,
      approximate: all.keywords.slack > 0 || all.expressions.slack > 0,
      maxUndercount: maxUndercount(state),
      maskedPersonalData: state.config.maskPersonalData,
      ...(state.channelsMerged === true ? { channelsMerged: maxChannelsOf(state) ?? 0 } : {}),
    },
    channels,
    all: allReport,
  };
}
