// Chat transcripts: conversations and exchanges per conversation (`report.sections.chat`).
import type { Section } from '../section.js';
import { dict, own } from '../state.js';
import { addTo, histogramMean, histogramQuantile, mergeCounts } from '../stats.js';
import type { Histogram } from '../types.js';

/** Exchanges per chat conversation, per channel. */
export interface ChatFigures {
  channel: string;
  /** Verbatims recognised as transcripts. */
  conversations: number;
  exchanges: { mean: number | null; median: number | null };
}

export type ChatSectionState = Record<string, Histogram>;

/** Chat transcripts: conversations and exchanges per conversation, per channel and overall (`all`). */
export function chatSection(): Section<ChatSectionState, ChatFigures[]> {
  return {
    name: 'chat',
    // Keys are channel names: no prototype, so `__proto__` is a channel like any other.
    init: () => dict(),
    add(state, analysis) {
      if (analysis.exchanges === undefined) return state;
      for (const key of [analysis.channel, 'all']) {
        const hist = own(state, key) ?? (state[key] = dict());
        addTo(hist, analysis.exchanges);
      }
      return state;
    },
    merge(a, b) {
      const out: ChatSectionState = dict();
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) out[key] = mergeCounts(mergeCounts(dict(), own(a, key) ?? {}), own(b, key) ?? {});
      return out;
    },
    finalize(state) {
      return Object.keys(state)
        .sort((x, y) => (x === 'all' ? 1 : y === 'all' ? -1 : x.localeCompare(y)))
        .map((channel) => {
          const hist = own(state, channel) ?? {};
          const conversations = Object.values(hist).reduce((s, n) => s + n, 0);
          return { channel, conversations, exchanges: { mean: histogramMean(hist), median: histogramQuantile(hist, 0.5) } };
        });
    },
  };
}
