// Chat figures as a pluggable, mergeable report section (see ReportSection in ./types.ts).
import type { KeynessState } from './insight/keyness.js';
import type { ReportSection, ReportState } from './types.js';
import { addTo, histogramMean, histogramQuantile, mergeCounts } from './stats.js';
import type { Histogram } from './types.js';

/** Exchanges per chat conversation, per channel. */
export interface ChatFigures {
  channel: string;
  /** Verbatims recognised as transcripts. */
  conversations: number;
  exchanges: { mean: number | null; median: number | null };
}

export type ChatSectionState = Record<string, Histogram>;

/** Chat transcripts: conversations and exchanges per conversation, per channel and overall (`all`). */
export function chatSection(): ReportSection<ChatSectionState, ChatFigures[]> {
  return {
    name: 'chat',
    init: () => ({}),
    add(state, analysis) {
      if (analysis.exchanges === undefined) return state;
      for (const key of [analysis.channel, 'all']) {
        const hist = state[key] ?? (state[key] = {});
        addTo(hist, analysis.exchanges);
      }
      return state;
    },
    merge(a, b) {
      const out: ChatSectionState = {};
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) out[key] = mergeCounts({ ...(a[key] ?? {}) }, b[key] ?? {});
      return out;
    },
    finalize(state) {
      return Object.keys(state)
        .sort((x, y) => (x === 'all' ? 1 : y === 'all' ? -1 : x.localeCompare(y)))
        .map((channel) => {
          const hist = state[channel] ?? {};
          const conversations = Object.values(hist).reduce((s, n) => s + n, 0);
          return { channel, conversations, exchanges: { mean: histogramMean(hist), median: histogramQuantile(hist, 0.5) } };
        });
    },
  };
}

/**
 * The keyness state read off a report state: the report already counts words
 * and expressions per channel (personal data left out), so keyness need not
 * count them a second time.
 */
export function keynessStateFromReport(state: ReportState): KeynessState {
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
