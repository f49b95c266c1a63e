/**
 * One long Excel-friendly table, one row per figure:
 * section;channel;key;label;metric;value — `;`-separated, UTF-8 with BOM,
 * CRLF line ends, decimal comma by default (what French Excel reads as
 * numbers), text cells that Excel would run as formulas neutralised.
 */
import { csvCell } from '../../_utils/csv.js';
import type { ChannelReport, Report } from '../types.js';
import type { Renderer, RenderOptions } from './types.js';

export interface CsvRenderOptions extends RenderOptions {
  /** Field delimiter (default `;`). */
  delimiter?: string;
  /** Decimal separator of numbers (default `,` with the `;` delimiter, else `.`). */
  decimal?: ',' | '.';
  /** Start with a UTF-8 byte-order mark so Excel detects the encoding (default true). */
  bom?: boolean;
  /** Add example verbatims as rows (`section` `example`, default true). */
  examples?: boolean;
}

export const CSV_COLUMNS = ['section', 'channel', 'key', 'label', 'metric', 'value'] as const;

type Value = string | number | boolean | null;

function renderCsv(report: Report, options: CsvRenderOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const decimal = options.decimal ?? (delimiter === ';' ? ',' : '.');
  const text = (v: string): string => csvCell(v, { delimiter });
  const value = (v: Value): string => {
    if (v === null) return '';
    if (typeof v === 'number') {
      // Our own numbers are data: written as the decimal separator says, never neutralised (-25 stays a number).
      const s = String(v);
      return csvCell(decimal === ',' ? s.replace('.', ',') : s, { delimiter, neutralizeFormulas: false });
    }
    return text(String(v));
  };
  const lines: string[] = [CSV_COLUMNS.join(delimiter)];
  const row = (section: string, channel: string, key: string, label: string, metric: string, v: Value): void => {
    lines.push([text(section), text(channel), text(key), text(label), text(metric), value(v)].join(delimiter));
  };
  const pct = (share: number | null): number | null => (share === null ? null : Math.round(share * 10000) / 100);

  const s = report.summary;
  row('summary', '', '', '', 'input_rows', s.inputRows);
  row('summary', '', '', '', 'analysed', s.analysed);
  row('summary', '', '', '', 'rejected', s.rejected);
  row('summary', '', '', '', 'channels', s.channels);
  if (s.period !== null) {
    row('summary', '', '', '', 'period_from', s.period.from);
    row('summary', '', '', '', 'period_to', s.period.to);
  }
  row('summary', '', '', '', 'masked_personal_data', s.maskedPersonalData ? 1 : 0);
  row('summary', '', '', '', 'approximate', s.approximate ? 1 : 0);
  for (const r of s.rejectsByReason) row('reject_reason', '', r.reason, r.reason, 'count', r.count);
  for (const r of s.firstRejects) {
    row('reject', '', `${r.source.file}:${r.source.row}`, r.reason, 'hint', r.hint);
  }

  const channel = (c: ChannelReport): void => {
    const id = c.channel;
    const fig = (metric: string, v: Value) => row('channel', id, id, c.label, metric, v);
    fig('verbatims', c.verbatims);
    fig('words_mean', c.wordsPerVerbatim.mean);
    fig('words_median', c.wordsPerVerbatim.median);
    fig('words_p10', c.wordsPerVerbatim.p10);
    fig('words_p90', c.wordsPerVerbatim.p90);
    fig('content_words_mean', c.contentWordsPerVerbatim.mean);
    fig('concepts_mean', c.conceptsPerVerbatim.mean);
    fig('concepts_median', c.conceptsPerVerbatim.median);
    fig('themes_mean', c.themesPerVerbatim.mean);
    fig('themes_median', c.themesPerVerbatim.median);
    fig('with_irritant', c.withIrritant.count);
    fig('with_irritant_pct', pct(c.withIrritant.share));
    fig('with_enchantment', c.withEnchantment.count);
    fig('with_enchantment_pct', pct(c.withEnchantment.share));
    if (c.period !== null) {
      fig('period_from', c.period.from);
      fig('period_to', c.period.to);
    }
    for (const [t, cs] of Object.entries(c.tonality)) {
      row('tonality', id, t, t, 'verbatims', cs.count);
      row('tonality', id, t, t, 'pct', pct(cs.share));
    }
    for (const l of c.languages) {
      row('language', id, l.id, l.id, 'verbatims', l.count);
      row('language', id, l.id, l.id, 'pct', pct(l.share));
    }
    if (c.score !== null) {
      const sc = c.score;
      row('score', id, sc.scale, sc.scale, 'n', sc.n);
      row('score', id, sc.scale, sc.scale, 'ignored', sc.ignored);
      row('score', id, sc.scale, sc.scale, 'mean', sc.mean);
      if (sc.scale === 'nps') {
        row('score', id, sc.scale, sc.scale, 'nps', sc.nps ?? null);
        row('score', id, sc.scale, sc.scale, 'promoters', sc.promoters ?? 0);
        row('score', id, sc.scale, sc.scale, 'passives', sc.passives ?? 0);
        row('score', id, sc.scale, sc.scale, 'detractors', sc.detractors ?? 0);
      }
    }
    for (const list of [c.themes, c.concepts, c.irritants, c.enchantments, c.intents]) {
      for (const e of list) {
        row(e.kind, id, e.id, e.label, 'verbatims', e.verbatims);
        row(e.kind, id, e.id, e.label, 'pct', pct(e.share));
        if (options.examples ?? true) {
          e.examples.forEach((ex, i) => row('example', id, e.id, e.label, `example_${i + 1}`, ex.text.replace(/\s+/g, ' ').trim()));
        }
      }
    }
    for (const [section, terms] of [['word', c.topWords], ['expression', c.topExpressions]] as const) {
      for (const t of terms) {
        row(section, id, t.key, t.key, 'verbatims', t.verbatims);
        row(section, id, t.key, t.key, 'occurrences', t.occurrences);
        row(section, id, t.key, t.key, 'pct', pct(t.share));
      }
    }
  };
  for (const c of report.channels) channel(c);
  channel(report.all);

  return `${options.bom ?? true ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

export const csvRenderer: Renderer<CsvRenderOptions> = { name: 'csv', extension: 'csv', render: renderCsv };
