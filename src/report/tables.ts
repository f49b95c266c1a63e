/**
 * Tidy tables of a finished report: one row per item, one typed column per
 * figure, for R, pandas and spreadsheets (`--export keyness|cooccurrence|
 * trends|drivers FILE`). Pure and browser-safe: each function reads the
 * report's own results (as the renderers read them) and computes nothing
 * again. Shares are proportions (0–1), written with a decimal point.
 */
import { csvRow } from '../_utils/csv.js';
import type { CooccurrenceResult } from './insight/cooccurrence.js';
import type { KeyItem, KeynessChannel, KeynessResult } from './insight/keyness.js';
import type { ScoresResult } from './insight/scores.js';
import type { TrendsResult } from './insight/trends.js';
import type { KeynessByResult } from './sections/keyness-by.js';
import { createView, type ReportView } from './renderers/view.js';
import type { Report } from './types.js';
import { expectedError } from '../_utils/describe.js';

/** A cell of a tidy table: text, a number, or empty (null). */
export type TidyCell = string | number | null;

/** Column names, and one row per item (cells in column order). */
export interface TidyTable {
  columns: string[];
  rows: TidyCell[][];
}

/** The tables `reportTable` gives: `--export KIND FILE`. */
export type ReportTableKind = 'keyness' | 'cooccurrence' | 'trends' | 'drivers';

export const REPORT_TABLE_KINDS: readonly ReportTableKind[] = ['keyness', 'cooccurrence', 'trends', 'drivers'];

/** Six significant digits: shares and rates without the float noise of a division. */
const sig = (x: number | null | undefined, digits = 6): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? Number(x.toPrecision(digits)) : null;

const KEYNESS_COLUMNS = ['by', 'group', 'kind', 'term', 'label', 'count', 'count_rest', 'share', 'share_rest', 'g2', 'p_value', 'log_ratio', 'direction'];

function keynessRows(by: string, groups: ReadonlyArray<{ name: string; keyness: Omit<KeynessChannel, 'channel'> }>, view: ReportView): TidyCell[][] {
  const rows: TidyCell[][] = [];
  for (const { name, keyness } of groups) {
    for (const kind of ['word', 'expression', 'concept'] as const) {
      const table = keyness[kind];
      // A report written before expressions were compared has none.
      if (table === undefined) continue;
      for (const [direction, items] of [['over', table.over], ['under', table.under]] as const) {
        for (const item of items as KeyItem[]) {
          const concept = kind === 'concept';
          // Rates are per 1,000 keywords (words, expressions) or per 100 verbatims (entries): shares of the same base.
          const unit = concept ? 100 : 1000;
          rows.push([
            by,
            name,
            concept ? (item.entryKind ?? 'concept') : kind,
            item.key,
            concept ? view.label(item.key) : item.key,
            item.count,
            item.otherCount,
            sig(item.rate / unit),
            sig(item.otherRate / unit),
            sig(item.g2),
            typeof item.p === 'number' ? sig(item.p, 3) : null,
            sig(item.logRatio),
            direction,
          ]);
        }
      }
    }
  }
  return rows;
}

/**
 * Keyness, one row per key item: `by` (`channel`, or the column of
 * `groupBy`), the group (a channel id, or the column's value), its kind
 * (`word`, `expression`, or the entry kind), term and label, its count in the
 * group and in the rest, the shares of the group's and the rest's keywords
 * (verbatims for entries), signed G², p-value, log ratio, and `over` or `under`.
 */
export function keynessTable(report: Report): TidyTable {
  const view = createView(report);
  const rows: TidyCell[][] = [];
  const byChannel = view.result<KeynessResult>('keyness');
  if (byChannel !== undefined) rows.push(...keynessRows('channel', byChannel.channels.map((c) => ({ name: c.channel, keyness: c })), view));
  const byColumn = view.result<KeynessByResult>('keynessBy');
  if (byColumn !== undefined) rows.push(...keynessRows(byColumn.column, byColumn.groups.map((g) => ({ name: g.group, keyness: g })), view));
  return { columns: [...KEYNESS_COLUMNS], rows };
}

/**
 * Co-occurrence, one row per pair: the channel (`all` for all channels
 * together), each entry's kind, id, label and verbatims, the verbatims with
 * both, support, lift and both confidences.
 */
export function cooccurrenceTable(report: Report): TidyTable {
  const view = createView(report);
  const result = view.result<CooccurrenceResult>('cooccurrence');
  const columns = ['channel', 'a_kind', 'a', 'a_label', 'b_kind', 'b', 'b_label', 'verbatims', 'count_a', 'count_b', 'support', 'lift', 'confidence_ab', 'confidence_ba'];
  if (result === undefined) return { columns, rows: [] };
  const rows: TidyCell[][] = [];
  const tables = [{ channel: 'all', pairs: result.pairs }, ...(Array.isArray(result.channels) ? result.channels : [])];
  for (const { channel, pairs } of tables) {
    for (const p of pairs) {
      rows.push([channel, p.a.kind, p.a.id, view.label(p.a.id), p.b.kind, p.b.id, view.label(p.b.id), p.count, p.a.count, p.b.count, sig(p.support), sig(p.lift), sig(p.confidenceAB), sig(p.confidenceBA)]);
    }
  }
  return { columns, rows };
}

/**
 * Trends, one row per period and series: the period, the series' kind
 * (`channel`, or the entry kind) and id, its verbatims in the period, their
 * share of the period's verbatims, and that base (`n`: a small n is a small
 * base). Every period is listed, empty ones too (share empty).
 */
export function trendsTable(report: Report): TidyTable {
  const view = createView(report);
  const result = view.result<TrendsResult>('trends');
  const columns = ['period', 'kind', 'id', 'label', 'verbatims', 'share', 'n', 'low_base'];
  if (result === undefined) return { columns, rows: [] };
  const rows: TidyCell[][] = [];
  result.periods.forEach((period, i) => {
    const n = result.verbatims[i] ?? 0;
    // States of reports written before low bases were marked have no lowBase: leave the cell empty.
    const lowBase = result.lowBase === undefined ? null : result.lowBase[i] ? 1 : 0;
    for (const series of [...result.channels, ...result.entries]) {
      const count = series.counts[i] ?? 0;
      const label = series.kind === 'channel' ? view.channelLabel(series.id) : view.label(series.id);
      rows.push([period, series.kind, series.id, label, count, n === 0 ? null : sig(count / n), n, lowBase]);
    }
  });
  return { columns, rows };
}

/**
 * Score drivers, one row per entry and scale (the top scale first, then each
 * of `otherScales`): the scale, the entry's kind, id and label, the scored
 * verbatims with and without it, their mean scores, the impact on the
 * headline figure (NPS points, % satisfied or mean) and the gap of the means,
 * each with its 95 % interval (`significant` 0 when the impact's holds 0),
 * and `low_base` 1 when too few verbatims are scored to trust it.
 */
export function driversTable(report: Report): TidyTable {
  const view = createView(report);
  const result = view.result<ScoresResult>('scores');
  const columns = [
    'scale',
    'kind',
    'id',
    'label',
    'with_n',
    'without_n',
    'mean_with',
    'mean_without',
    'impact',
    'impact_low',
    'impact_high',
    'significant',
    'mean_gap',
    'mean_gap_low',
    'mean_gap_high',
    'low_base',
  ];
  if (result === undefined) return { columns, rows: [] };
  const rows: TidyCell[][] = [];
  // Every scale's drivers, the top scale first: NPS channels in NPS points, star channels in stars, side by side.
  for (const scale of [result, ...result.otherScales]) {
    for (const list of Object.values(scale.entries)) {
      for (const e of list) {
        rows.push([
          scale.scale.kind,
          e.kind,
          e.id,
          view.label(e.id),
          e.scored,
          e.without.scored,
          sig(e.mean),
          sig(e.without.mean),
          sig(e.impact),
          sig(e.impactCi?.[0] ?? null),
          sig(e.impactCi?.[1] ?? null),
          e.significant === null ? null : e.significant ? 1 : 0,
          sig(e.meanGap),
          sig(e.meanGapCi?.[0] ?? null),
          sig(e.meanGapCi?.[1] ?? null),
          e.lowBase ? 1 : 0,
        ]);
      }
    }
  }
  return { columns, rows };
}

/** The table of that kind. */
export function reportTable(report: Report, kind: ReportTableKind): TidyTable {
  switch (kind) {
    case 'keyness':
      return keynessTable(report);
    case 'cooccurrence':
      return cooccurrenceTable(report);
    case 'trends':
      return trendsTable(report);
    case 'drivers':
      return driversTable(report);
    default:
      throw expectedError(`a table kind (${REPORT_TABLE_KINDS.join(', ')})`, JSON.stringify(kind));
  }
}

/**
 * A tidy table as the exports write CSV: `;`-separated, UTF-8 BOM, CRLF,
 * numbers with a decimal point (pandas `read_csv(sep=';')`, R
 * `read.delim(sep=';')`), empty cells for missing values, text cells that a
 * spreadsheet would run as formulas neutralised.
 */
export function tidyCsv(table: TidyTable): string {
  let out = `\uFEFF${csvRow(table.columns)}\r\n`;
  for (const row of table.rows) out += `${csvRow(row)}\r\n`;
  return out;
}
