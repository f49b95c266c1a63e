// Trends over time (`report.sections.insight.trends`): verbatims per month or ISO week,
// per channel and entry, and the entries that rose or fell most between the last two periods.
import {
  addTrends,
  DEFAULT_MAX_PERIODS,
  emptyTrendsState,
  finalizeTrends,
  mergeTrends,
  mergeTrendsChannels,
  type TrendMove,
  type TrendSeries,
  type TrendsAccumulatorOptions,
  type TrendsOptions,
  type TrendsResult,
  type TrendsState,
} from '../insight/trends.js';
import type { TrendPoint } from '../renderers/html/charts.js';
import { escapeHtml as esc } from '../renderers/html/escape.js';
import { absent, cell, chartFrame, figure, table, loadCharts, type Charts } from '../renderers/html/kit.js';
import { formatCount, formatPoints, formatSigned, mdCell, mdTable } from '../renderers/text.js';
import type { CsvRow, HtmlBlock, HtmlContext, MarkdownContext } from '../renderers/view.js';
import type { Section } from '../section.js';
import type { ReportOptions } from '../types.js';
import { LOW_BASE } from '../base.js';
import { nonNegativeInteger } from '../state.js';

/** Settings of the trends (the period is the report's `period`). */
export type TrendsSectionOptions = TrendsAccumulatorOptions & Omit<TrendsOptions, 'period'>;

export interface TrendsWording {
  title: string;
  themesByPeriod: string;
  irritantsByPeriod: string;
  period: string;
  note: string;
  movesTitle(from: string, to: string): string;
  up: string;
  down: string;
  change: string;
  direction: string;
  noMoves: string;
  undated(n: string): string;
  /** Dated verbatims left out, dated `from` to `to` (the same day: one date), `gap` the days that set them apart. */
  outlying(n: string, from: string, to: string, gap: string): string;
  /** Verbatims of the span followed dated before its last `k` periods, dated `from` to `to`. */
  earlier(n: string, from: string, to: string, k: string): string;
  notComputed: string;
  noDates: string;
  onePeriod(period: string): string;
  noneOfKind: string;
  lowBase: string;
  lowBaseNote(n: string): string;
  html: {
    /** Under a low-base period's label in the chart. */
    base(n: string): string;
    risers: string;
    fallers: string;
    change: string;
    noDates: string;
    onePeriod(period: string): string;
    caption(kind: string, periods: string): string;
    note: string;
    undated(n: string): string;
    outlying(n: string, from: string, to: string, gap: string): string;
    earlier(n: string, from: string, to: string, k: string): string;
  };
}

const messages: Record<'fr' | 'en', TrendsWording> = {
  fr: {
    title: 'Évolution dans le temps',
    themesByPeriod: 'Thèmes par période',
    irritantsByPeriod: 'Irritants par période',
    period: 'Période',
    note: 'Part des verbatims de la période qui citent l’élément (nombre entre parenthèses) ; les éléments les plus cités sur toute la période.',
    movesTitle: (a, b) => `Hausses et baisses (${a} → ${b})`,
    up: 'hausse',
    down: 'baisse',
    change: 'Variation (pts)',
    direction: 'Sens',
    noMoves: 'Aucune variation notable entre les deux dernières périodes.',
    undated: (n) => `${n} verbatim(s) sans date ne figurent pas dans ces tableaux.`,
    outlying: (n, a, b, g) => `${n} verbatim(s) daté(s) ${a === b ? `du ${a}` : `du ${a} au ${b}`}, à plus de ${g} jours des autres dates (une date par défaut comme 1970-01-01, une année mal saisie ?), ne figurent pas dans ces tableaux.`,
    earlier: (n, a, b, k) => `${n} verbatim(s) daté(s) ${a === b ? `du ${a}` : `du ${a} au ${b}`}, avant les ${k} dernières périodes, ne figurent pas dans ces tableaux.`,
    notComputed: 'L’analyse de l’évolution n’a pas été calculée pour ce rapport.',
    noDates: 'Aucune date exploitable dans les données : l’évolution dans le temps ne peut pas être suivie.',
    onePeriod: (p) => `Toutes les dates tombent dans la même période (${p}) : il en faut au moins deux pour suivre une évolution.`,
    noneOfKind: 'Aucun élément de ce type n’est cité.',
    lowBase: 'base faible',
    lowBaseNote: (n) => `Base faible : période de moins de ${n} verbatims ; ses parts reposent sur trop peu de verbatims pour se comparer aux autres.`,
    html: {
      base: (n) => `n = ${n}`,
      risers: 'En hausse',
      fallers: 'En baisse',
      change: 'Évolution (points)',
      noDates: 'Aucune date exploitable dans les données : l’évolution dans le temps ne peut pas être tracée.',
      onePeriod: (p) => `Toutes les dates tombent dans la même période (${p}) : il faut au moins deux périodes pour tracer une évolution.`,
      caption: (k, p) => `${k} les plus cités, part des verbatims par période (${p}).`,
      note: 'Les cinq éléments les plus fréquents sur toute la période sont tracés ; les périodes à base faible ne le sont pas (leur n est écrit en gris).',
      undated: (n) => `${n} verbatim(s) sans date ne figurent pas dans ces courbes.`,
      outlying: (n, a, b, g) => `${n} verbatim(s) daté(s) ${a === b ? `du ${a}` : `du ${a} au ${b}`}, à plus de ${g} jours des autres dates (une date par défaut comme 1970-01-01, une année mal saisie ?), ne figurent pas dans ces courbes.`,
      earlier: (n, a, b, k) => `${n} verbatim(s) daté(s) ${a === b ? `du ${a}` : `du ${a} au ${b}`}, avant les ${k} dernières périodes, ne figurent pas dans ces courbes.`,
    },
  },
  en: {
    title: 'Trends over time',
    themesByPeriod: 'Themes by period',
    irritantsByPeriod: 'Irritants by period',
    period: 'Period',
    note: 'Share of the period’s verbatims citing the item (count in brackets); the most cited items over the whole time span.',
    movesTitle: (a, b) => `Risers and fallers (${a} → ${b})`,
    up: 'up',
    down: 'down',
    change: 'Change (pts)',
    direction: 'Direction',
    noMoves: 'No notable change between the last two periods.',
    undated: (n) => `${n} undated verbatim(s) are left out of these tables.`,
    outlying: (n, a, b, g) => `${n} verbatim(s) dated ${a === b ? a : `${a} to ${b}`}, over ${g} days away from the other dates (a default date such as 1970-01-01, or a mistyped year?), are left out of these tables.`,
    earlier: (n, a, b, k) => `${n} verbatim(s) dated ${a === b ? a : `${a} to ${b}`}, before the last ${k} periods, are left out of these tables.`,
    notComputed: 'The trend analysis was not computed for this report.',
    noDates: 'No usable date in the data: trends over time cannot be followed.',
    onePeriod: (p) => `All dates fall in the same period (${p}): at least two are needed to follow a trend.`,
    noneOfKind: 'No item of this kind is cited.',
    lowBase: 'low base',
    lowBaseNote: (n) => `Low base: a period with fewer than ${n} verbatims; its shares rest on too few verbatims to compare with the others.`,
    html: {
      base: (n) => `n = ${n}`,
      risers: 'Rising',
      fallers: 'Falling',
      change: 'Change (points)',
      noDates: 'No usable date in the data: trends over time cannot be drawn.',
      onePeriod: (p) => `All dates fall in the same period (${p}): at least two periods are needed to draw a trend.`,
      caption: (k, p) => `Most cited ${k.toLowerCase()}, share of verbatims per period (${p}).`,
      note: 'The five most frequent items over the whole period are drawn; low-base periods are not (their n is written in grey).',
      undated: (n) => `${n} undated verbatim(s) are left out of these lines.`,
      outlying: (n, a, b, g) => `${n} verbatim(s) dated ${a === b ? a : `${a} to ${b}`}, over ${g} days away from the other dates (a default date such as 1970-01-01, or a mistyped year?), are left out of these lines.`,
      earlier: (n, a, b, k) => `${n} verbatim(s) dated ${a === b ? a : `${a} to ${b}`}, before the last ${k} periods, are left out of these lines.`,
    },
  },
};

/** Distinct days a report's trends keep (the 120 months listed by default hold at most 3,653). */
export const DEFAULT_MAX_DAYS = 4_000;

export function trendsSection(settings: TrendsSectionOptions = {}): Section<TrendsState, TrendsResult, TrendsWording> {
  const { kinds, maxDays, ...finalize } = settings;
  // The section's own maxPeriods, else the report's (`--max-periods`), checked as the state is made.
  const maxPeriodsOf = (options: ReportOptions): number => finalize.maxPeriods ?? nonNegativeInteger('maxPeriods', options.maxPeriods, DEFAULT_MAX_PERIODS);
  return {
    name: 'trends',
    at: ['insight', 'trends'],
    // The days kept hold the periods listed; listing them all keeps every day.
    init: ({ options }) => emptyTrendsState({ ...(kinds ? { kinds } : {}), maxDays: maxDays !== undefined ? maxDays : maxPeriodsOf(options) === 0 ? null : DEFAULT_MAX_DAYS }),
    add(state, analysis) {
      addTrends(state, analysis);
      return state;
    },
    merge: mergeTrends,
    mergeChannels: mergeTrendsChannels,
    finalize: (state, { options }) => finalizeTrends(state, { ...finalize, period: options.period ?? 'month', maxPeriods: maxPeriodsOf(options) }),
    read: (value) => (isTrendsResult(value) ? value : undefined),
    messages,
    render: {
      md: (t, ctx) => [{ lines: trendLines(t, ctx) }],
      html: async (t, ctx) => [trendsBlock(t, ctx, await loadCharts())],
      csv: (t, ctx) => (t === undefined ? [] : trendRows(t, ctx.label)),
    },
  };
}

// ---------------------------------------------------------------- reading back

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isArrayOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);

const isTrendSeries = (v: unknown): v is TrendSeries =>
  isDict(v) && typeof v.id === 'string' && typeof v.kind === 'string' && isArrayOf(v.counts, isNum) && isArrayOf(v.shares, (x): x is number | null => x === null || isNum(x));

const isTrendMove = (v: unknown): v is TrendMove => isDict(v) && typeof v.id === 'string' && typeof v.kind === 'string' && isNum(v.change) && isDict(v.from) && isDict(v.to);

function isTrendsResult(v: unknown): v is TrendsResult {
  if (!isDict(v) || !isArrayOf(v.periods, (x): x is string => typeof x === 'string') || !isArrayOf(v.verbatims, isNum) || !isArrayOf(v.entries, isTrendSeries)) return false;
  const n = v.periods.length;
  return (
    v.verbatims.length === n &&
    v.entries.every((s) => s.counts.length === n && s.shares.length === n) &&
    isNum(v.undated) &&
    isArrayOf(v.risers, isTrendMove) &&
    isArrayOf(v.fallers, isTrendMove)
  );
}

/** Whether period i is a low base (a report written before `lowBase` has none). */
const lowAt = (t: TrendsResult, i: number): boolean => Array.isArray(t.lowBase) && t.lowBase[i] === true;
const minBaseOf = (t: TrendsResult): number => (isNum(t.minBase) ? t.minBase : LOW_BASE);

/** The verbatims left out of the periods, read from a report that may predate them. */
const outlyingOf = (t: TrendsResult): { verbatims: number; from: string; to: string; maxGapDays: number } | null => {
  const o = t.outlying;
  return isDict(o) && isNum(o.verbatims) && o.verbatims > 0 && typeof o.from === 'string' && typeof o.to === 'string' && isNum(o.maxGapDays) ? o : null;
};

/** The verbatims dated before the periods listed, read from a report that may predate them. */
const earlierOf = (t: TrendsResult): { verbatims: number; from: string; to: string; maxPeriods: number } | null => {
  const e = t.earlier;
  return isDict(e) && isNum(e.verbatims) && e.verbatims > 0 && typeof e.from === 'string' && typeof e.to === 'string' && isNum(e.maxPeriods) ? e : null;
};

/** The sentences on the dated verbatims left out: outlying dates, then dates before the periods listed (none: empty). */
function leftOutNotes(t: TrendsResult, w: Pick<TrendsWording, 'outlying' | 'earlier'>, num: (n: number) => string): string[] {
  const o = outlyingOf(t);
  const e = earlierOf(t);
  return [
    ...(o === null ? [] : [w.outlying(num(o.verbatims), o.from, o.to, num(o.maxGapDays))]),
    ...(e === null ? [] : [w.earlier(num(e.verbatims), e.from, e.to, num(e.maxPeriods))]),
  ];
}

const total = (s: TrendSeries): number => s.counts.reduce((a, b) => a + b, 0);

/** The most cited entries of a kind over the whole time span. */
const mostCited = (t: TrendsResult, kind: 'theme' | 'irritant', n: number): TrendSeries[] =>
  t.entries
    .filter((s) => s.kind === kind && total(s) > 0)
    .sort((a, b) => total(b) - total(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, n);

// ---------------------------------------------------------------- Markdown

function trendLines(t: TrendsResult | undefined, ctx: MarkdownContext<TrendsWording>): string[] {
  const { w, m, lang } = ctx;
  const out = [`## ${w.title}`, ''];
  if (t === undefined) return [...out, w.notComputed, ''];
  const leftOutLines = leftOutNotes(t, w, String).flatMap((note) => [mdCell(note), '']);
  if (t.periods.length === 0) return [...out, w.noDates, '', ...leftOutLines];
  if (t.periods.length === 1) return [...out, mdCell(w.onePeriod(t.periods[0] as string)), '', ...leftOutLines];
  out.push(mdCell(w.note), '');
  for (const [kind, title] of [['theme', w.themesByPeriod], ['irritant', w.irritantsByPeriod]] as const) {
    const series = mostCited(t, kind, ctx.trendSeries);
    out.push(`### ${title}`, '');
    if (series.length === 0) {
      out.push(w.noneOfKind, '');
      continue;
    }
    const rows = t.periods.map((p, i) => [
      lowAt(t, i) ? `${p} (${w.lowBase})` : p,
      formatCount(t.verbatims[i]),
      ...series.map((s) => `${formatPoints(s.shares[i] ?? null, lang)} (${formatCount(s.counts[i])})`),
    ]);
    out.push(...mdTable([w.period, m.verbatims, ...series.map((s) => ctx.label(s.id))], [false, true, ...series.map(() => true)], rows), '');
  }
  if (t.periods.some((_, i) => lowAt(t, i))) out.push(mdCell(w.lowBaseNote(String(minBaseOf(t)))), '');
  if (t.undated > 0) out.push(mdCell(w.undated(String(t.undated))), '');
  out.push(...leftOutLines);
  if (t.compared !== null && Array.isArray(t.compared) && t.compared.length === 2) {
    const [a, b] = t.compared;
    out.push(`### ${mdCell(w.movesTitle(a, b))}`, '');
    const moves: Array<[string, TrendMove]> = [...t.risers.map((x) => [w.up, x] as [string, TrendMove]), ...t.fallers.map((x) => [w.down, x] as [string, TrendMove])];
    if (moves.length === 0) out.push(w.noMoves, '');
    else {
      const kindName = (kind: string): string => (m.kindName as Record<string, string>)[kind] ?? kind;
      const table = mdTable(
        [w.direction, m.term, m.type, a, b, w.change],
        [false, false, false, true, true, true],
        moves.map(([dir, x]) => [
          x.lowBase === true ? `${dir} (${w.lowBase})` : dir,
          ctx.label(x.id),
          kindName(x.kind),
          `${formatPoints(x.from.share, lang)} (${formatCount(x.from.count)})`,
          `${formatPoints(x.to.share, lang)} (${formatCount(x.to.count)})`,
          formatSigned(x.change, 1, lang),
        ]),
      );
      out.push(...table, '');
    }
  }
  return out;
}

// ---------------------------------------------------------------- HTML

function trendsBlock(trends: TrendsResult | undefined, ctx: HtmlContext<TrendsWording>, { trendChart }: Charts): HtmlBlock {
  const { w, m, f } = ctx;
  const h = w.html;
  const id = 'evolution';
  const block = (html: string): HtmlBlock => ({ order: 510, id, title: w.title, html });
  if (trends === undefined) return block(absent(m.html.absent.noInsight));
  const leftOutHtml = leftOutNotes(trends, h, (n) => f.num(n, 0))
    .map((note) => `<p class="note">${esc(note)}</p>`)
    .join('');
  if (trends.periods.length === 0) return block(absent(h.noDates) + leftOutHtml);
  if (trends.periods.length === 1) return block(absent(h.onePeriod(f.period(trends.periods[0] as string))) + leftOutHtml);

  const periods = trends.periods.map((p) => f.period(p));
  const range = `${periods[0] as string} – ${periods[periods.length - 1] as string}`;
  const chart = (kind: 'theme' | 'irritant', key: string): string => {
    const heading = m.html.kinds[kind];
    const series = mostCited(trends, kind, ctx.limits.trendSeries);
    if (series.length === 0) return `<h3>${esc(heading)}</h3>${absent(kind === 'theme' ? m.html.absent.noThemes : m.html.absent.noIrritants)}`;
    const items = series.map((s) => ctx.label(s.id));
    const points: TrendPoint[] = series.flatMap((s, i) =>
      s.shares.map((share, p) => ({ period: periods[p] as string, item: items[i] as string, share: share === null ? null : share / 100 })),
    );
    const caption = h.caption(heading, range);
    const lowBases = periods.map((_, pi) => (lowAt(trends, pi) ? h.base(f.num(trends.verbatims[pi] ?? 0, 0)) : null));
    const svg = trendChart(points, periods, items, { period: w.period, share: m.html.shareOfVerbatims }, chartFrame(ctx, `${id}-${key}`, caption), lowBases);
    const lowTag = ` <span class="tag">${esc(w.lowBase)}</span>`;
    const data = table(
      null,
      [cell(esc(w.period)), cell(esc(m.verbatims), true), ...items.map((i) => cell(esc(i), true))],
      periods.map((p, pi) => [
        cell(`${esc(p)}${lowAt(trends, pi) ? lowTag : ''}`),
        cell(f.num(trends.verbatims[pi] ?? 0, 0), true),
        ...series.map((s) => cell(f.pctPoints(s.shares[pi] ?? null), true)),
      ]),
    );
    const lowNote = lowBases.some((n) => n !== null) ? ` ${esc(w.lowBaseNote(f.num(minBaseOf(trends), 0)))}` : '';
    return `<h3>${esc(heading)}</h3>${figure(m, `${id}-${key}`, svg, `${esc(caption)} <span class="note">${esc(h.note)}${lowNote}</span>`, data)}`;
  };
  let html = chart('theme', 'themes') + chart('irritant', 'irritants');
  if (trends.undated > 0) html += `<p class="note">${esc(h.undated(f.num(trends.undated, 0)))}</p>`;
  html += leftOutHtml;
  if (trends.compared !== null && (trends.risers.length > 0 || trends.fallers.length > 0)) {
    const [a, b] = trends.compared;
    const moves = (heading: string, list: TrendMove[]) =>
      list.length === 0
        ? ''
        : table(
            `${esc(heading)} (${esc(f.period(a))} → ${esc(f.period(b))})`,
            [cell(esc(m.term)), cell(esc(f.period(a)), true), cell(esc(f.period(b)), true), cell(esc(h.change), true)],
            list.map((x) => [
              cell(`${esc(ctx.label(x.id))} <span class="tag">${esc(m.html.kindOne[x.kind])}</span>${x.lowBase === true ? ` <span class="tag">${esc(w.lowBase)}</span>` : ''}`),
              cell(f.pctPoints(x.from.share), true),
              cell(f.pctPoints(x.to.share), true),
              cell(f.signed(x.change, 1), true),
            ]),
          );
    html += `<div class="columns">${moves(h.risers, trends.risers)}${moves(h.fallers, trends.fallers)}</div>`;
  }
  return block(html);
}

// ---------------------------------------------------------------- CSV

const round = (x: number | null, digits = 2): number | null => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

function trendRows(t: TrendsResult, label: (id: string) => string): CsvRow[] {
  const rows: CsvRow[] = [];
  t.periods.forEach((p, i) => {
    rows.push({ section: 'trend_period', channel: 'all', key: p, label: p, metric: 'verbatims', value: t.verbatims[i] ?? null });
    if (Array.isArray(t.lowBase)) rows.push({ section: 'trend_period', channel: 'all', key: p, label: p, metric: 'low_base', value: lowAt(t, i) ? 1 : 0 });
  });
  if (t.undated > 0) rows.push({ section: 'trend_period', channel: 'all', key: 'undated', label: 'undated', metric: 'verbatims', value: t.undated });
  const outlying = outlyingOf(t);
  if (outlying !== null) rows.push({ section: 'trend_period', channel: 'all', key: 'outlying', label: `${outlying.from}/${outlying.to}`, metric: 'verbatims', value: outlying.verbatims });
  const earlier = earlierOf(t);
  if (earlier !== null) rows.push({ section: 'trend_period', channel: 'all', key: 'earlier', label: `${earlier.from}/${earlier.to}`, metric: 'verbatims', value: earlier.verbatims });
  for (const s of [...(Array.isArray(t.channels) ? t.channels : []), ...t.entries]) {
    const section = s.kind === 'channel' ? 'trend_channel' : `trend_${s.kind}`;
    const channel = s.kind === 'channel' ? s.id : 'all';
    t.periods.forEach((p, i) => {
      rows.push({ section, channel, key: s.id, label: s.kind === 'channel' ? s.id : label(s.id), metric: `verbatims_${p}`, value: s.counts[i] ?? null });
      rows.push({ section, channel, key: s.id, label: s.kind === 'channel' ? s.id : label(s.id), metric: `pct_${p}`, value: round(s.shares[i] ?? null) });
    });
  }
  for (const [direction, list] of [['rise', t.risers], ['fall', t.fallers]] as const) {
    for (const x of list) {
      rows.push({ section: `trend_${direction}`, channel: 'all', key: `${x.kind}:${x.id}`, label: label(x.id), metric: 'change_pts', value: round(x.change) });
      if (typeof x.lowBase === 'boolean') rows.push({ section: `trend_${direction}`, channel: 'all', key: `${x.kind}:${x.id}`, label: label(x.id), metric: 'low_base', value: x.lowBase ? 1 : 0 });
    }
  }
  return rows;
}
