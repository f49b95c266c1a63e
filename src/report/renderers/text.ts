/** Number formats and text helpers of the terminal table and Markdown (internal). */
import { neutralizeText } from '../../_utils/display.js';
import type { ReportExample } from '../types.js';

// ---------------------------------------------------------------- numbers

// The decimal mark of the language (shared with the evaluation's text, which may not import the report).
import { formatNumber } from '../../_utils/numbers.js';

export { formatNumber };

/** A 0–1 share as a percentage: "62,5 %" (fr) or "62.5%" (en). */
export function formatShare(share: number | null, lang: string, digits = 1): string {
  if (share === null) return '—';
  const pct = formatNumber(share * 100, digits, lang).replace(/[.,]0+$/, '');
  return lang === 'en' ? `${pct}%` : `${pct} %`;
}

/** A signed number: "+4,2" / "-3.0"; zero has no sign. */
export function formatSigned(x: number | null, digits: number, lang: string): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const s = formatNumber(x, digits, lang);
  return x > 0 && Number(x.toFixed(digits)) !== 0 ? `+${s}` : s.replace(/^-(0[.,]?0*)$/, '$1');
}

/** A value already in points (0–100) as a percentage: "12,5 %" (fr) or "12.5%" (en). */
export function formatPoints(x: number | null, lang: string, digits = 1): string {
  return formatShare(x === null || !Number.isFinite(x) ? null : x / 100, lang, digits);
}

/** A p-value: "< 0,001" below a thousandth, else three decimals. */
export function formatP(p: number, lang: string): string {
  return p < 0.001 ? `< ${formatNumber(0.001, 3, lang)}` : formatNumber(p, 3, lang);
}

/** A count, or a dash when the value is not one. */
export const formatCount = (x: unknown): string => (typeof x === 'number' && Number.isFinite(x) ? String(x) : '—');

// ---------------------------------------------------------------- terminal text

/** Examples are one line in tables and lists. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Number of terminal columns (code points; wide emoji count as one). */
export const widthOf = (s: string): number => [...s].length;

export function truncate(text: string, width: number): string {
  // Every text of the terminal table passes here: no escape sequence or bidi override reaches the terminal.
  const s = neutralizeText(text);
  const chars = [...s];
  if (chars.length <= width) return s;
  if (width <= 1) return chars.slice(0, width).join('');
  return `${chars.slice(0, width - 1).join('')}…`;
}

export const padEnd = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - widthOf(s)));
export const padStart = (s: string, width: number): string => ' '.repeat(Math.max(0, width - widthOf(s))) + s;

/** Joins parts with " · ", breaking lines before `width`. */
export function wrapParts(parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const next = line === '' ? part : `${line} · ${part}`;
    if (line !== '' && widthOf(next) > width) {
      lines.push(line);
      line = part;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Running text cut at spaces into lines of at most `width` columns (a longer word stands alone). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && widthOf(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------- Markdown

/** Escapes text so Markdown shows it literally (also safe inside table cells). */
export function escapeMarkdown(text: string): string {
  return neutralizeText(text).replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/** A table cell or a line of text: one line, escaped. */
export const mdCell = (text: string): string => escapeMarkdown(text.replace(/\s+/g, ' ').trim());

/** A Markdown table; every cell is escaped here (`#` headers are kept as they are). */
export function mdTable(head: readonly string[], right: readonly boolean[], rows: readonly string[][]): string[] {
  return [
    `| ${head.map((h) => (h === '#' ? h : mdCell(h))).join(' | ')} |`,
    `|${head.map((_, i) => (right[i] === true ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
}

/** The example text on one line, each highlighted span in bold (overlapping spans joined). */
export function boldHighlights(example: ReportExample): string {
  const spans = [...example.highlights]
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const h of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ start: h.start, end: h.end });
  }
  const text = example.text;
  let out = '';
  let pos = 0;
  for (const m of merged) {
    // Markdown bold must not start or end on a space.
    let start = Math.max(m.start, pos);
    let end = Math.min(m.end, text.length);
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end <= start) continue;
    out += `${escapeMarkdown(text.slice(pos, start))}**${escapeMarkdown(text.slice(start, end))}**`;
    pos = end;
  }
  out += escapeMarkdown(text.slice(pos));
  return out.replace(/\s+/g, ' ').trim();
}
