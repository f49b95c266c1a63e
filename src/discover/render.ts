// How a discovery shows: terminal table, Markdown, JSON, and an HTML section
// (with the report renderers' helpers).
import { anchorId, escapeHtml as esc } from '../report/renderers/html/escape.js';
import { cell, table } from '../report/renderers/html/kit.js';
import { formatShare, mdCell, mdTable, oneLine, padEnd, padStart, truncate, widthOf } from '../report/renderers/text.js';
import type { DiscoverResult, DiscoverTopic } from './types.js';

export type DiscoverFormat = 'table' | 'md' | 'json' | 'html';

const pct = (x: number): string => formatShare(x, 'en');
/** Mean scores, one per scale (`1.3/5 stars; 4.2/10 nps`), or a dash. */
export const meanScoresText = (t: DiscoverTopic): string => t.meanScores.map((m) => `${m.mean}/${m.max} ${m.scale}`).join('; ') || '—';
const score = meanScoresText;
const channels = (t: DiscoverTopic): string => t.channels.map((c) => `${c.channel} ${c.verbatims} (${pct(c.share)})`).join(', ');

function heading(r: DiscoverResult): string {
  const u = r.unexplained;
  const sampled = r.sampled < r.verbatims ? ` (a sample of ${r.sampled} of ${r.verbatims})` : '';
  return `${u.total} of ${r.sampled} verbatims unexplained by the lexicons${sampled}: ${u.dissatisfied} dissatisfied with no irritant, ${u.satisfied} satisfied with no enchantment, ${u.noConcept} others with no concept at all (scales: ${r.scales.map((x) => `${x.channel} ${x.kind}`).join(', ') || 'no scores'}).`;
}

function renderTable(r: DiscoverResult, width = 100): string {
  const lines = [heading(r), ''];
  if (r.topics.length === 0) return [...lines, 'No candidate topic: nothing stands out among the unexplained verbatims.', ''].join('\n');
  const head = ['#', 'candidate', 'kind', 'verbatims', 'dissatisfied', 'mean score', 'top expressions'];
  const rows = r.topics.map((t, i) => [String(i + 1), t.id, t.kind, String(t.verbatims), String(t.dissatisfied), score(t), t.expressions.map((e) => e.text).join(', ')]);
  const widths = head.map((h, c) => Math.max(widthOf(h), ...rows.map((row) => widthOf(row[c] as string))));
  const last = Math.max(20, width - widths.slice(0, -1).reduce((s, w) => s + w + 2, 0));
  widths[widths.length - 1] = Math.min(widths[widths.length - 1] as number, last);
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? truncate(c, widths[i] as number) : i >= 3 && i <= 5 ? padStart(c, widths[i] as number) : padEnd(truncate(c, widths[i] as number), widths[i] as number))).join('  ').trimEnd();
  lines.push(line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '');
  for (const [i, t] of r.topics.entries()) {
    lines.push(`${i + 1}. ${t.label} — ${t.kind}, ${t.verbatims} verbatims${t.estimated !== t.verbatims ? ` (about ${t.estimated})` : ''}; ${channels(t)}`);
    for (const e of t.examples) lines.push(`   « ${truncate(oneLine(e.text), width - 6)} »`);
  }
  lines.push('', `Grouping: ${r.method}.`);
  return `${lines.join('\n')}\n`;
}

function renderMarkdown(r: DiscoverResult): string {
  const lines = ['## Candidate topics', '', heading(r), ''];
  if (r.topics.length === 0) return [...lines, 'No candidate topic: nothing stands out among the unexplained verbatims.', ''].join('\n');
  lines.push(
    ...mdTable(
      ['#', 'Candidate', 'Kind', 'Verbatims', 'Dissatisfied', 'Mean score', 'Channels', 'Top expressions'],
      [true, false, false, true, true, true, false, false],
      r.topics.map((t, i) => [String(i + 1), t.id, t.kind, String(t.verbatims), String(t.dissatisfied), score(t), channels(t), t.expressions.map((e) => e.text).join(', ')]),
    ),
    '',
  );
  for (const [i, t] of r.topics.entries()) {
    lines.push(`### ${i + 1}. ${mdCell(t.label)}`, '');
    lines.push(`Terms: ${t.draftTerms.map((term) => `\`${term}\``).join(', ') || '—'}`, '');
    for (const e of t.examples) lines.push(`> ${mdCell(e.text)} (${mdCell(e.channel)}${e.score !== null ? `, ${e.score}` : ''})`, '');
  }
  lines.push(`Grouping: ${mdCell(r.method)}.`, '');
  return lines.join('\n');
}

/** The discovery as an HTML `<section>`, to place in a page. */
export function discoverHtmlSection(r: DiscoverResult): string {
  const parts = [`<section id="${anchorId('discover')}"><h2>Candidate topics</h2>`, `<p>${esc(heading(r))}</p>`];
  if (r.topics.length === 0) parts.push('<p class="absent">No candidate topic: nothing stands out among the unexplained verbatims.</p>');
  else {
    parts.push(
      table(
        null,
        ['#', 'Candidate', 'Kind', 'Verbatims', 'Dissatisfied', 'Mean score', 'Channels', 'Top expressions'].map((h, i) => cell(esc(h), i >= 3 && i <= 5)),
        r.topics.map((t, i) => [
          cell(String(i + 1)),
          cell(`<code>${esc(t.id)}</code>`),
          cell(esc(t.kind)),
          cell(String(t.verbatims), true),
          cell(String(t.dissatisfied), true),
          cell(esc(score(t)), true),
          cell(esc(channels(t))),
          cell(esc(t.expressions.map((e) => e.text).join(', '))),
        ]),
      ),
    );
    for (const [i, t] of r.topics.entries()) {
      parts.push(
        `<h3>${i + 1}. ${esc(t.label)}</h3>`,
        `<p>Terms: ${t.draftTerms.map((term) => `<code>${esc(term)}</code>`).join(', ') || '—'}</p>`,
        ...t.examples.map((e) => `<blockquote>${esc(e.text)} <small>(${esc(e.channel)}${e.score !== null ? `, ${e.score}` : ''})</small></blockquote>`),
      );
    }
  }
  parts.push(`<p><small>Grouping: ${esc(r.method)}.</small></p></section>`);
  return parts.join('\n');
}

function renderHtmlPage(r: DiscoverResult): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Candidate topics</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}th,td{padding:.25rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}.num{text-align:right}blockquote{margin:.5rem 0;padding-left:.75rem;border-left:3px solid #bbb}</style>
</head><body>
${discoverHtmlSection(r)}
</body></html>
`;
}

/** Renders a discovery in one format. */
export function renderDiscover(result: DiscoverResult, format: DiscoverFormat = 'table'): string {
  switch (format) {
    case 'table':
      return renderTable(result);
    case 'md':
      return renderMarkdown(result);
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'html':
      return renderHtmlPage(result);
    default:
      throw new TypeError(`verbatim-fr: expected a discover format (table, md, json, html), got ${String(format)}`);
  }
}
