// Scores behind the words (`report.sections.insight.scores`): NPS / % satisfied per
// channel and entry, and the impact of each irritant and enchantment on the headline figure.
import { mergeAll, mergeRecords } from '../insight/_shared.js';
import {
  addScores,
  detectScoreScale,
  emptyScoresState,
  finalizeScores,
  mergeScores,
  type ScoresOptions,
  type ScoresResult,
  type ScoresState,
} from '../insight/scores.js';
import { dict, own } from '../state.js';
import type { Section } from '../section.js';

/** Score figures per channel: channels on different scales (stars, NPS) are not pooled. */
export type ScoresSectionState = Record<string, ScoresState>;

/** Settings of the score analysis (the scale is the report's `scoreScale`). */
export type ScoresSectionOptions = Omit<ScoresOptions, 'scale'>;

export function scoresSection(settings: ScoresSectionOptions = {}): Section<ScoresSectionState, ScoresResult> {
  return {
    name: 'scores',
    at: ['insight', 'scores'],
    init: () => dict(),
    add(state, analysis) {
      const channel = own(state, analysis.channel) ?? (state[analysis.channel] = emptyScoresState());
      addScores(channel, analysis);
      return state;
    },
    merge: (a, b) => mergeRecords(a, b, mergeScores, (x) => mergeScores(x, emptyScoresState(x.kinds))),
    finalize(state, { options }) {
      const scale = options.scoreScale ?? 'auto';
      return finalizeScores(dominantScaleScores(state, scale), { ...settings, scale });
    },
  };
}

/**
 * Impact and NPS mean nothing over pooled stars and NPS scores: unless the
 * scale is declared, the score analysis keeps the channels whose scale is the
 * most used (by scored verbatims); the per-channel report keeps every score.
 */
function dominantScaleScores(byChannel: ScoresSectionState, declared: NonNullable<ScoresOptions['scale']>): ScoresState {
  const states = Object.keys(byChannel).sort().map((channel) => byChannel[channel] as ScoresState);
  const empty = emptyScoresState();
  if (declared !== 'auto') return mergeAll(states, mergeScores, empty);
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
