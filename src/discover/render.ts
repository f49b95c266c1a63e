// How a discovery shows: terminal table, Markdown, JSON, and an HTML section
// (with the report renderers' helpers), in French or English.
import { messagesFor, type ReportLang } from '../report/messages.js';
import { anchorId, escapeHtml as esc } from '../report/renderers/html/escape.js';
import { cell, table } from '../report/renderers/html/kit.js';
import { capitalize, formatShare, mdCell, mdTable, oneLine, padEnd, padStart, truncate, widthOf } from '../report/renderers/text.js';
import { discoverMessages, groupingMethod, readGroupingMethod, type DiscoverMessages, type DiscoverRenderOptions } from './messages.js';
import type { DiscoverResult, DiscoverTopic } from './types.js';
import { expectedError } from '../_utils/describe.js';

export type DiscoverFormat = 'table' | 'md' | 'json' | 'html';

/** Mean scores, one per scale (`1.3/5 stars; 4.2/10 nps`, `1,3/5 étoiles ; 4,2/10 NPS`), or a dash. */
export function meanScoresText(t: DiscoverTopic, lang: ReportLang): string {
  const m = discoverMessages(lang);
  return t.meanScores.map((s) => `${m.decimal(s.mean)}/${s.max} ${m.scale(s.scale)}`).join(lang === 'en' ? '; ' : ' ; ') || '—';
}

/** What a renderer needs: the catalogue and the language's number formats. */
interface Words {
  lang: ReportLang;
  m: DiscoverMessages;
}

/** A topic's kind as the report names entry kinds ("thème", "enchantment"). */
const kindName = (w: Words, t: DiscoverTopic): string => messagesFor(w.lang).kindName[t.kind];

const wordsFor = (options: DiscoverRenderOptions): Words => {
  const lang: ReportLang = options.lang === 'en' ? 'en' : 'fr';
  return { lang, m: discoverMessages(lang) };
};

const channels = (t: DiscoverTopic, { lang }: Words): string => t.channels.map((c) => `${c.channel} ${c.verbatims} (${formatShare(c.share, lang)})`).join(', ');

function heading(r: DiscoverResult, { m }: Words): string {
  return m.heading(r, r.scales.map((x) => `${x.channel} ${m.scale(x.kind)}`).join(', ') || m.noScores);
}

/** The grouping sentence in the language: read back from the result's (English) one, else as it is. */
function method(r: DiscoverResult, { lang }: Words): string {
  const p = lang === 'en' ? undefined : readGroupingMethod(r.method);
  return p === undefined ? r.method : groupingMethod(p, lang);
}

/** The table's columns: headers, and which are figures (right-aligned). */
const COLUMNS = ['candidate', 'kind', 'verbatims', 'dissatisfied', 'meanScore'] as const;

function renderTable(r: DiscoverResult, w: Words, width = 100): string {
  const { m } = w;
  const lines = [heading(r, w), ''];
  if (r.topics.length === 0) return [...lines, m.noTopic, ''].join('\n');
  const head = ['#', ...COLUMNS.map((c) => m.table[c]), m.table.topExpressions];
  const rows = r.topics.map((t, i) => [String(i + 1), t.id, kindName(w, t), String(t.verbatims), String(t.dissatisfied), meanScoresText(t, w.lang), t.expressions.map((e) => e.text).join(', ')]);
  const widths = head.map((h, c) => Math.max(widthOf(h), ...rows.map((row) => widthOf(row[c] as string))));
  const last = Math.max(20, width - widths.slice(0, -1).reduce((s, w) => s + w + 2, 0));
  widths[widths.length - 1] = Math.min(widths[widths.length - 1] as number, last);
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? truncate(c, widths[i] as number) : i >= 3 && i <= 5 ? padStart(c, widths[i] as number) : padEnd(truncate(c, widths[i] as number), widths[i] as number))).join('  ').trimEnd();
  lines.push(line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '');
  for (const [i, t] of r.topics.entries()) {
    lines.push(`${i + 1}. ${t.label} — ${m.detail(kindName(w, t), t.verbatims, t.estimated !== t.verbatims ? t.estimated : undefined, channels(t, w))}`);
    for (const e of t.examples) lines.push(`   « ${truncate(oneLine(e.text), width - 6)} »`);
  }
  lines.push('', `${m.grouping}${m.colon}${method(r, w)}.`);
  return `${lines.join('\n')}\n`;
}

/** Markdown and HTML headers. */
const pageHead = ({ m }: Words): string[] => ['#', ...COLUMNS.map((c) => capitalize(m.table[c])), capitalize(m.table.channels), capitalize(m.table.topExpressions)];

function renderMarkdown(r: DiscoverResult, w: Words): string {
  const { m } = w;
  const lines = [`## ${m.title}`, '', heading(r, w), ''];
  if (r.topics.length === 0) return [...lines, m.noTopic, ''].join('\n');
  lines.push(
    ...mdTable(
      pageHead(w),
      [true, false, false, true, true, true, false, false],
      r.topics.map((t, i) => [String(i + 1), t.id, kindName(w, t), String(t.verbatims), String(t.dissatisfied), meanScoresText(t, w.lang), channels(t, w), t.expressions.map((e) => e.text).join(', ')]),
    ),
    '',
  );
  for (const [i, t] of r.topics.entries()) {
    lines.push(`### ${i + 1}. ${mdCell(t.label)}`, '');
    lines.push(`${m.terms}${m.colon}${t.draftTerms.map((term) => `\`${term}\``).join(', ') || '—'}`, '');
    for (const e of t.examples) lines.push(`> ${mdCell(e.text)} (${mdCell(e.channel)}${e.score !== null ? `, ${e.score}` : ''})`, '');
  }
  lines.push(`${m.grouping}${m.colon}${mdCell(method(r, w))}.`, '');
  return lines.join('\n');
}

/** The discovery as an HTML `<section>`, to place in a page (words in `options.lang`, default French). */
export function discoverHtmlSection(r: DiscoverResult, options: DiscoverRenderOptions = {}): string {
  const w = wordsFor(options);
  const { m } = w;
  const parts = [`<section id="${anchorId('discover')}"><h2>${esc(m.title)}</h2>`, `<p>${esc(heading(r, w))}</p>`];
  if (r.topics.length === 0) parts.push(`<p class="absent">${esc(m.noTopic)}</p>`);
  else {
    parts.push(
      table(
        null,
        pageHead(w).map((h, i) => cell(esc(h), i >= 3 && i <= 5)),
        r.topics.map((t, i) => [
          cell(String(i + 1)),
          cell(`<code>${esc(t.id)}</code>`),
          cell(esc(kindName(w, t))),
          cell(String(t.verbatims), true),
          cell(String(t.dissatisfied), true),
          cell(esc(meanScoresText(t, w.lang)), true),
          cell(esc(channels(t, w))),
          cell(esc(t.expressions.map((e) => e.text).join(', '))),
        ]),
      ),
    );
    for (const [i, t] of r.topics.entries()) {
      parts.push(
        `<h3>${i + 1}. ${esc(t.label)}</h3>`,
        `<p>${esc(m.terms)}${esc(m.colon)}${t.draftTerms.map((term) => `<code>${esc(term)}</code>`).join(', ') || '—'}</p>`,
        ...t.examples.map((e) => `<blockquote>${esc(e.text)} <small>(${esc(e.channel)}${e.score !== null ? `, ${e.score}` : ''})</small></blockquote>`),
      );
    }
  }
  parts.push(`<p><small>${esc(m.grouping)}${esc(m.colon)}${esc(method(r, w))}.</small></p></section>`);
  return parts.join('\n');
}

function renderHtmlPage(r: DiscoverResult, options: DiscoverRenderOptions): string {
  const w = wordsFor(options);
  return `<!doctype html>
<html lang="${w.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(w.m.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}th,td{padding:.25rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}.num{text-align:right}blockquote{margin:.5rem 0;padding-left:.75rem;border-left:3px solid #bbb}</style>
</head><body>
${discoverHtmlSection(r, options)}
</body></html>
`;
}

/** Renders a discovery in one format; the words around the figures in `options.lang` (default French), JSON the same in both. */
export function renderDiscover(result: DiscoverResult, format: DiscoverFormat = 'table', options: DiscoverRenderOptions = {}): string {
  switch (format) {
    case 'table':
      return renderTable(result, wordsFor(options));
    case 'md':
      return renderMarkdown(result, wordsFor(options));
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'html':
      return renderHtmlPage(result, options);
    default:
      throw expectedError('a discover format (table, md, json, html)', String(format));
  }
}
