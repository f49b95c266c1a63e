// Chat figures as a pluggable, mergeable report section (see ReportSection in ./types.ts).
import type { ReportSection } from './types.js';
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
