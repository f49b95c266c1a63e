/** Building blocks of the HTML page (internal): number formats, tables, figures. */
import type { Messages } from '../../messages.js';
import type { ChartFrame, ChartLocale } from './charts.js';
import { escapeHtml } from './escape.js';
import { LOW_BASE } from '../../base.js';

/** The chart functions (charts.ts). */
export type Charts = typeof import('./charts.js');

/** The charts, loaded when a page is first drawn: a browser page that renders no HTML does not load them. */
export const loadCharts = (): Promise<Charts> => import('./charts.js');

/** Number formatters bound to the page's locale. */
export interface NumberFormats {
  /** Fixed decimals (`1 234,5`). */
  num(value: number | null | undefined, decimals?: number): string;
  /** A 0–1 share as a percentage (`27 %`). */
  pct(share: number | null | undefined, decimals?: number): string;
  /** Points already in 0–100 as a percentage. */
  pctPoints(value: number | null | undefined, decimals?: number): string;
  /** Signed with a true minus sign (`−3,2`, `+1,0`). */
  signed(value: number | null | undefined, decimals?: number): string;
  /** ISO date `YYYY-MM-DD` as `3 janv. 2025`. */
  date(iso: string): string;
  /** Trend period `YYYY-MM` or `YYYY-Www` as `janv. 2025` / `S03 2025`. */
  period(key: string): string;
}

export function numberFormats(m: Messages): NumberFormats {
  const cache = new Map<number, Intl.NumberFormat>();
  const fmt = (decimals: number): Intl.NumberFormat => {
    let f = cache.get(decimals);
    if (f === undefined) {
      f = new Intl.NumberFormat(m.locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      cache.set(decimals, f);
    }
    return f;
  };
  const dash = '—';
  const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
  const percentSign = m.locale.startsWith('fr') ? '\u202f%' : '%';
  const num = (v: number | null | undefined, d = 1): string => (ok(v) ? fmt(d).format(v).replace('-', '−') : dash);
  const { months, week } = m.html;
  return {
    num,
    // Below 1 % a rounded 0 would read as "none": one decimal then, unless decimals are given.
    pct: (v, d) => (ok(v) ? `${num(v * 100, d ?? (v !== 0 && Math.abs(v) < 0.01 ? 1 : 0))}${percentSign}` : dash),
    pctPoints: (v, d) => (ok(v) ? `${num(v, d ?? (v !== 0 && Math.abs(v) < 1 ? 1 : 0))}${percentSign}` : dash),
    signed: (v, d = 1) => (ok(v) ? `${v > 0 ? '+' : ''}${num(v, d)}` : dash),
    date(iso) {
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
      const month = match ? months[Number(match[2]) - 1] : undefined;
      return match && month !== undefined ? `${Number(match[3])} ${month} ${match[1]}` : iso;
    },
    period(key) {
      const month = /^(\d{4})-(\d{2})$/.exec(key);
      const name = month ? months[Number(month[2]) - 1] : undefined;
      if (month && name !== undefined) return `${name} ${month[1]}`;
      const w = /^(\d{4})-W(\d{2})$/.exec(key);
      if (w) return week(w[2] as string, w[1] as string);
      return key;
    },
  };
}

export interface Cell {
  html: string;
  num?: boolean;
}

/** A table cell (`num`: right-aligned figure). */
export const cell = (html: string, num = false): Cell => (num ? { html, num } : { html });

/** A table; the first cell of each row is its header. */
export function table(caption: string | null, head: Cell[], rows: Cell[][], foot?: Cell[], className = ''): string {
  const th = (c: Cell, scope: string) => `<th scope="${scope}"${c.num ? ' class="num"' : ''}>${c.html}</th>`;
  const td = (c: Cell, i: number) => (i === 0 ? th(c, 'row') : `<td${c.num ? ' class="num"' : ''}>${c.html}</td>`);
  return (
    `<div class="table-wrap"><table${className ? ` class="${className}"` : ''}>` +
    (caption !== null ? `<caption>${caption}</caption>` : '') +
    `<thead><tr>${head.map((c) => th(c, 'col')).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody>` +
    (foot ? `<tfoot><tr>${foot.map(td).join('')}</tr></tfoot>` : '') +
    '</table></div>'
  );
}

/** The sentence shown instead of a chart or table whose data is absent. */
export const absent = (text: string): string => `<p class="absent">${escapeHtml(text)}</p>`;

/** A chart with its caption and, folded, its data table. */
export function figure(m: Messages, id: string, svg: string, caption: string, data?: string): string {
  const details = data !== undefined ? `<details class="data"><summary>${escapeHtml(m.html.chartData)}</summary>${data}</details>` : '';
  return `<figure id="fig-${id}" aria-labelledby="cap-${id}">${svg}<figcaption id="cap-${id}">${caption}</figcaption>${details}</figure>`;
}

/** What a chart needs besides its data: its id (`key`), its description for screen readers, the page's locale. */
export const chartFrame = (ctx: { chartLocale: ChartLocale }, key: string, description: string): ChartFrame => ({ key, description, locale: ctx.chartLocale });

/** Channels with fewer verbatims are not named in captions' "highest" findings when larger ones exist: the report's one low-base threshold. */
export const CAPTION_MIN_BASE = LOW_BASE;

/** The item with the largest value (the first on ties), ignoring nulls. */
export function maxBy<T>(items: readonly T[], value: (item: T) => number | null): T | undefined {
  let best: T | undefined;
  let bestValue = -Infinity;
  for (const item of items) {
    const v = value(item);
    if (v !== null && v > bestValue) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}
