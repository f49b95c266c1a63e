// The core figures per channel (summary, channels, all): the first section of every report.
import { addAnalysis, addReject, emptyCoreState, mergeChannels, mergeCoreStates } from '../state.js';
import { finalizeCore } from '../finalize.js';
import type { Section } from '../section.js';
import type { CoreReport, CoreState } from '../types.js';
import { coreRender } from './core-render.js';

/** Name of the core section: every list of sections starts with it. */
export const CORE = 'core';

/** Verbatims, words, concepts, tonality, entries with examples, words and expressions, scores and rejects, per channel and for all. */
export function coreSection(): Section<CoreState, CoreReport> {
  return {
    name: CORE,
    at: [],
    init: ({ options }) => emptyCoreState(options),
    add(state, analysis, { meta }) {
      addAnalysis(state, analysis, meta);
      return state;
    },
    reject(state, reject) {
      addReject(state, reject);
      return state;
    },
    merge: mergeCoreStates,
    // Its merged channel is always OTHER_CHANNELS, the id the builder gives.
    mergeChannels: (state) => mergeChannels(state),
    finalize: (state, { options }) => finalizeCore(state, options),
    // Its wording is the shared catalogue (src/report/messages.ts).
    render: coreRender,
  };
}
