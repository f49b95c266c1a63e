// Everything a corpus run accumulates — the report state and the insight
// accumulators — behind one add/merge/finalize, so a corpus can be split over
// workers or machines and merged back exactly.
import { createReportBuilder, finalizeReport, mergeReportStates } from './build.js';
import { defaultSections } from './sections/index.js';
import { createCooccurrenceAccumulator, finalizeCooccurrence, mergeCooccurrence, type CooccurrenceState } from './insight/cooccurrence.js';
import { createJourneyAccumulator, finalizeJourney, mergeJourney, type JourneyState } from './insight/journey.js';
import { finalizeKeyness, type KeynessState } from './insight/keyness.js';
import { createScoresAccumulator, detectScoreScale, finalizeScores, mergeScores, type ScoresAccumulator, type ScoresState } from './insight/scores.js';
import { createTrendsAccumulator, finalizeTrends, mergeTrends, type TrendsState } from './insight/trends.js';
import { mergeAll } from './insight/_shared.js';
import type { Insight } from './insight/index.js';
import type { Section } from './section.js';
import type { CoreState, Report, ReportOptions, ReportReject, ReportState } from './types.js';
import type { VerbatimAnalysis } from '../types.js';

export interface CorpusOptions extends ReportOptions {
  /** Score scale for the insight scores (default `auto`). */
  scale?: 'auto' | 'nps' | 'stars' | 'csat' | 'ces';
  /** Trend period (default `month`). */
  period?: 'month' | 'week';
}

/** JSON state of a corpus run; merge two with `mergeCorpusStates`. */
export interface CorpusState {
  report: ReportState;
  /** Score figures per channel: channels on different scales (stars, NPS) are not pooled. */
  scores: Record<string, ScoresState>;
  cooccurrence: CooccurrenceState;
  trends: TrendsState;
  journey: JourneyState;
}

export interface CorpusAccumulator {
  add(analysis: VerbatimAnalysis): void;
  reject(reject: ReportReject): void;
  state(): CorpusState;
}

function reportOptionsOf(options: CorpusOptions): ReportOptions & { sections: readonly Section[] } {
  const { scale, period, ...rest } = options;
  void period;
  return {
    ...rest,
    scoreScale: scale === 'nps' || scale === 'stars' ? scale : (rest.scoreScale ?? 'auto'),
    sections: options.sections ?? defaultSections(),
  };
}

/** The per-channel report plus the insight analyses (`sections.insight`) and chat figures (`sections.chat`). */
export function createCorpusAccumulator(options: CorpusOptions = {}): CorpusAccumulator {
  const builder = createReportBuilder(reportOptionsOf(options));
  const scores = new Map<string, ScoresAccumulator>();
  const cooccurrence = createCooccurrenceAccumulator();
  const trends = createTrendsAccumulator();
  const journey = createJourneyAccumulator();
  return {
    add(analysis) {
      builder.add(analysis);
      let channelScores = scores.get(analysis.channel);
      if (channelScores === undefined) scores.set(analysis.channel, (channelScores = createScoresAccumulator()));
      channelScores.add(analysis);
      cooccurrence.add(analysis);
      trends.add(analysis);
      journey.add(analysis);
    },
    reject: (r) => builder.reject(r),
    state: () => ({
      report: builder.snapshot(),
      scores: Object.fromEntries([...scores].map(([channel, acc]) => [channel, acc.state()])), cooccurrence: cooccurrence.state(), trends: trends.state(), journey: journey.state() }),
  };
}

/** Associative and commutative, like the states it combines. */
export function mergeCorpusStates(a: CorpusState, b: CorpusState, options: CorpusOptions = {}): CorpusState {
  return {
    report: mergeReportStates(a.report, b.report, { sections: reportOptionsOf(options).sections }),
    scores: mergeRecords(a.scores, b.scores, mergeScores),
    cooccurrence: mergeCooccurrence(a.cooccurrence, b.cooccurrence),
    trends: mergeTrends(a.trends, b.trends),
    journey: mergeJourney(a.journey, b.journey),
  };
}

/** The report, with `sections.insight`; keyness is read off the report's own word tables. */
export function finalizeCorpus(state: CorpusState, options: CorpusOptions = {}): Report {
  const report = finalizeReport(state.report, reportOptionsOf(options));
  const insight: Insight = {
    scores: finalizeScores(dominantScaleScores(state.scores, options.scale ?? 'auto'), { scale: options.scale ?? 'auto' }),
    keyness: finalizeKeyness(keynessStateFromReport(state.report.sections.core)),
    cooccurrence: finalizeCooccurrence(state.cooccurrence),
    trends: finalizeTrends(state.trends, { period: options.period ?? 'month' }),
    journey: finalizeJourney(state.journey, { entries: options.meta?.entries ?? {} }),
  };
  report.sections.insight = insight;
  return report;
}

function mergeRecords<V>(a: Record<string, V>, b: Record<string, V>, merge: (x: V, y: V) => V): Record<string, V> {
  const out: Record<string, V> = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = key in out ? merge(out[key] as V, value) : value;
  return out;
}

/**
 * Impact and NPS mean nothing over pooled stars and NPS scores: unless the
 * scale is declared, the score analysis keeps the channels whose scale is the
 * most used (by scored verbatims); the per-channel report keeps every score.
 */
function dominantScaleScores(byChannel: Record<string, ScoresState>, declared: CorpusOptions['scale']): ScoresState {
  const states = Object.keys(byChannel).sort().map((channel) => byChannel[channel] as ScoresState);
  const empty = createScoresAccumulator().state();
  if (declared !== undefined && declared !== 'auto') return mergeAll(states, mergeScores, empty);
  const groups = new Map<string, { scored: number; states: ScoresState[] }>();
  for (const state of states) {
    const scale = detectScoreScale(state.all.scores);
    if (scale.kind === 'unknown') continue;
    const key = `${scale.kind}:${scale.min}-${scale.max}`;
    const scored = Object.values(state.all.scores).reduce((sum, n) => sum + n, 0);
    const group = groups.get(key) ?? { scored: 0, states: [] };
    group.scored += scored;
    group.states.push(state);
    groups.set(key, group);
  }
  const best = [...groups.entries()].sort((x, y) => y[1].scored - x[1].scored || x[0].localeCompare(y[0]))[0];
  // Verbatims without a score still count in "verbatims": keep unscored channels out only when a scale group exists.
  return mergeAll(best?.[1].states ?? states, mergeScores, empty);
}

/**
 * The keyness state read off a report state: the report already counts words
 * and expressions per channel (personal data left out), so keyness need not
 * count them a second time.
 */
export function keynessStateFromReport(state: CoreState): KeynessState {
  const kinds = ['theme', 'concept', 'irritant', 'enchantment'] as const;
  const channels: KeynessState['channels'] = Object.create(null) as KeynessState['channels'];
  for (const [id, ch] of Object.entries(state.channels)) {
    const words: Record<string, number> = Object.create(null) as Record<string, number>;
    let keywords = 0;
    for (const [key, [occurrences]] of Object.entries(ch.keywords)) {
      words[key] = occurrences;
      keywords += occurrences;
    }
    const expressions: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const [key, [occurrences]] of Object.entries(ch.expressions)) expressions[key] = occurrences;
    const concepts: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const kind of kinds) for (const [entry, n] of Object.entries(ch.entries[kind])) concepts[`${kind}:${entry}`] = n;
    channels[id] = { verbatims: ch.verbatims, keywords, words, expressions, concepts };
  }
  return { type: 'keyness', version: 1, expressionLengths: [2, 3], kinds: [...kinds], channels };
}
