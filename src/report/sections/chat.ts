// Chat transcripts (`report.sections.chat`): conversations and exchanges per conversation.
import { formatNumber, mdTable, wrapParts } from '../renderers/text.js';
import type { Section } from '../section.js';
import { addCount, dict, mergeRecordInto, own, sumCounts } from '../counts.js';
import { histogramMean, histogramQuantile } from '../stats.js';
import type { Histogram } from '../types.js';

/** Exchanges per chat conversation, per channel. */
export interface ChatFigures {
  channel: string;
  /** Verbatims recognised as transcripts. */
  conversations: number;
  exchanges: { mean: number | null; median: number | null };
}

export type ChatSectionState = Record<string, Histogram>;

export interface ChatWording {
  chat: string;
  conversations: string;
  exchangesMean: string;
  exchangesMedian: string;
  noChat: string;
  line(channel: string, mean: string, median: string, conversations: string): string;
}

const messages: Record<'fr' | 'en', ChatWording> = {
  fr: {
    chat: 'Échanges de chat',
    conversations: 'Conversations',
    exchangesMean: 'Échanges/conv. (moy.)',
    exchangesMedian: 'Médiane',
    noChat: 'Aucune conversation de chat reconnue : les échanges ne sont pas comptés.',
    line: (c, mean, median, n) => `${c} ${mean} (méd. ${median}, ${n} conv.)`,
  },
  en: {
    chat: 'Chat exchanges',
    conversations: 'Conversations',
    exchangesMean: 'Exchanges/conv. (mean)',
    exchangesMedian: 'Median',
    noChat: 'No chat conversation recognised: exchanges are not counted.',
    line: (c, mean, median, n) => `${c} ${mean} (median ${median}, ${n} conv.)`,
  },
};

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Chat transcripts: conversations and exchanges per conversation, per channel and overall (`all`). */
export function chatSection(): Section<ChatSectionState, ChatFigures[], ChatWording> {
  return {
    name: 'chat',
    // Keys are channel names: no prototype, so `__proto__` is a channel like any other.
    init: () => dict(),
    add(state, analysis) {
      if (analysis.exchanges === undefined) return state;
      for (const key of [analysis.channel, 'all']) {
        const hist = own(state, key) ?? (state[key] = dict());
        addCount(hist, analysis.exchanges);
      }
      return state;
    },
    // The overall row stays; the channels' are summed into one.
    mergeChannels: (state, into) => mergeRecordInto(state, into, (x, y) => sumCounts([x, y]), () => dict(), (key) => key === 'all'),
    merge(a, b) {
      const out: ChatSectionState = dict();
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) out[key] = sumCounts([own(a, key) ?? {}, own(b, key) ?? {}]);
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
    read(value) {
      if (!Array.isArray(value)) return undefined;
      const rows: ChatFigures[] = [];
      for (const row of value as unknown[]) {
        if (!isDict(row) || typeof row.channel !== 'string' || !isNum(row.conversations) || !isDict(row.exchanges)) continue;
        const { mean, median } = row.exchanges;
        rows.push({ channel: row.channel, conversations: row.conversations, exchanges: { mean: isNum(mean) ? mean : null, median: isNum(median) ? median : null } });
      }
      return rows;
    },
    messages,
    render: {
      // One line under the channel table (wrapped at the width), or nothing without chats.
      table(result, ctx) {
        const { w, lang } = ctx;
        const rows = shown(result ?? [], ctx.byChannel);
        if (rows.length === 0) return [];
        const parts = rows.map((c) =>
          w.line(ctx.channelLabel(c.channel), formatNumber(c.exchanges.mean, 1, lang), formatNumber(c.exchanges.median, 1, lang), String(c.conversations)),
        );
        parts[0] = `${w.chat}${ctx.m.colon}${parts[0] as string}`;
        return [{ order: 200, lines: wrapParts(parts, ctx.width) }];
      },
      md(result, ctx) {
        const { w, lang } = ctx;
        const rows = shown(result ?? [], ctx.byChannel);
        if (rows.length === 0) return [{ lines: [`## ${w.chat}`, '', w.noChat, ''] }];
        const table = mdTable(
          [ctx.m.channel, w.conversations, w.exchangesMean, w.exchangesMedian],
          [false, true, true, true],
          rows.map((c) => [ctx.channelLabel(c.channel), String(c.conversations), formatNumber(c.exchanges.mean, 1, lang), formatNumber(c.exchanges.median, 1, lang)]),
        );
        return [{ lines: [`## ${w.chat}`, '', ...table, ''] }];
      },
      csv: (result, ctx) =>
        (result ?? []).flatMap((c) => {
          const label = ctx.channelLabel(c.channel);
          const row = (metric: string, value: number | null) => ({ section: 'chat', channel: c.channel, key: c.channel, label, metric, value });
          const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
          return [row('conversations', c.conversations), row('exchanges_mean', round(c.exchanges.mean)), row('exchanges_median', round(c.exchanges.median))];
        }),
    },
  };
}

/** Channels with transcripts in report order; the all-channels row only when chats come from several channels. */
function shown(rows: readonly ChatFigures[], byChannel: <T>(items: readonly T[], channelOf: (item: T) => string) => T[]): ChatFigures[] {
  const listed = byChannel(rows.filter((c) => c.conversations > 0), (c) => c.channel);
  return listed.length === 2 ? listed.filter((c) => c.channel !== 'all') : listed;
}
