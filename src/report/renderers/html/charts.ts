/**
 * Charts of the HTML report, drawn here as static inline SVG: horizontal bars,
 * diverging bars, a heat map, stacked bars and lines. The page needs no script
 * to show them and the package no charting library. Every chart is a pure
 * function of its rows: the same report gives the same bytes.
 */
import { escapeHtml } from './escape.js';

/** Colours (light theme, readable in greyscale print as darker = more). */
export const COLORS = {
  primary: '#2563eb',
  concept: '#7c3aed',
  irritant: '#c2410c',
  harmful: '#b91c1c',
  helpful: '#15803d',
  text: '#1f2937',
  muted: '#4b5563',
  grid: '#e5e7eb',
  axis: '#9ca3af',
} as const;

/** Series colours with enough contrast on white (Tableau 10, darkened yellow and grey). */
const SERIES = ['#4e79a7', '#e15759', '#59a14f', '#b07aa1', '#f28e2b', '#76b7b2', '#9c755f', '#d37295', '#8c8c00', '#6b6b6b'];
/** Heat map colour stops, from none to the highest share. */
const HEAT = ['#f5f9fe', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
/** Journey stages: before, during, after the purchase, unknown. */
const STAGE_COLORS = ['#9ecae1', '#4292c6', '#08519c', '#bdbdbd'];

export interface ChartLocale {
  decimal: string;
  thousands: string;
  /** What follows a percentage (a narrow no-break space before `%` in French). */
  percent: string;
}

export function chartLocale(locale: string): ChartLocale {
  return locale.startsWith('fr') ? { decimal: ',', thousands: '\u202f', percent: '\u202f%' } : { decimal: '.', thousands: ',', percent: '%' };
}

/** What every chart needs besides its rows. */
export interface ChartFrame {
  /** Unique in the page: scopes the SVG's internal ids. */
  key: string;
  /** The chart's text alternative (`aria-label`). */
  description: string;
  locale: ChartLocale;
}

// ---------------------------------------------------------------- text

const FONT = 11;
const SMALL = 10;
const PAD = 4;

/** Advance widths in em of a sans-serif face, roughly (DejaVu Sans / Helvetica / Segoe UI). */
function charWidth(c: string): number {
  if (c === ' ') return 0.3;
  if ('iljtf.,:;!|\'’()[]/'.includes(c)) return 0.32;
  if ('mwMW%'.includes(c)) return 0.88;
  if (c >= '0' && c <= '9') return 0.6;
  if (c !== c.toLowerCase()) return 0.68;
  return 0.56;
}

/** Width of a text in pixels, a little wide on purpose: a label cut short is worse than a few pixels of margin. */
export function textWidth(text: string, size = FONT): number {
  let em = 0;
  for (const c of text) em += charWidth(c);
  return Math.ceil(em * size * 1.05);
}

/** The text, cut with an ellipsis to fit `limit` pixels. */
function fit(text: string, limit: number, size = FONT): string {
  if (textWidth(text, size) <= limit) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size) > limit) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

// ---------------------------------------------------------------- numbers

/** A coordinate with at most two decimals. */
const px = (value: number): string => String(Math.round(value * 100) / 100);

function formatNumber(value: number, decimals: number, locale: ChartLocale, trim = false): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '0', rawFrac] = fixed.split('.');
  const frac = trim ? rawFrac?.replace(/0+$/, '') || undefined : rawFrac;
  const sign = value < 0 && Number(fixed) !== 0 ? '−' : '';
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, locale.thousands) + (frac !== undefined ? locale.decimal + frac : '');
}

/** Decimals needed to tell ticks `step` apart. */
const decimalsOf = (step: number): number => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

interface Scale {
  lo: number;
  hi: number;
  ticks: number[];
  /** Formats a tick value. */
  label(value: number): string;
}

/** A round step (1, 2 or 5 times a power of ten) cutting [lo, hi] into about `count` parts. */
function roundStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / magnitude;
  return (ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.sqrt(2) ? 2 : 1) * magnitude;
}

/**
 * A linear scale over [lo, hi], its ends widened to a round step (a fine one, so
 * the bars keep most of the width), with about `count` round ticks inside.
 * `percent` reads values as shares (0.2 → "20 %").
 */
function niceScale(lo: number, hi: number, count: number, locale: ChartLocale, percent: boolean): Scale {
  // An empty or vanishing range (no value, or all zero) still gets an axis.
  if (!(hi - lo > 1e-9)) hi = lo + (percent ? 0.01 : 1);
  const fine = roundStep(lo, hi, 10);
  const from = Math.floor(lo / fine + 1e-9) * fine;
  const to = Math.ceil(hi / fine - 1e-9) * fine;
  const step = roundStep(from, to, count);
  const ticks: number[] = [];
  for (let i = Math.ceil(from / step - 1e-9); i * step <= to + step * 1e-9; i++) ticks.push(Number((i * step).toFixed(12)));
  const decimals = decimalsOf(percent ? step * 100 : step);
  return {
    lo: Number(from.toFixed(12)),
    hi: Number(to.toFixed(12)),
    ticks,
    // Trailing zeros dropped (0, 0,5, 1, 1,5), as the tables write counts.
    label: (value) => formatNumber(Number((percent ? value * 100 : value).toFixed(decimals)), decimals, locale, true) + (percent ? locale.percent : ''),
  };
}

// ---------------------------------------------------------------- SVG pieces

type Attrs = Record<string, string | number | undefined>;

function el(tag: string, attrs: Attrs, content?: string): string {
  let out = `<${tag}`;
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) out += ` ${name}="${typeof value === 'number' ? px(value) : escapeHtml(value)}"`;
  }
  return content === undefined ? `${out}/>` : `${out}>${content}</${tag}>`;
}

const text = (x: number, y: number, content: string, attrs: Attrs = {}): string => el('text', { x, y, ...attrs }, escapeHtml(content));
const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, attrs: Attrs = {}): string => el('line', { x1, y1, x2, y2, stroke, ...attrs });

function svgRoot(frame: ChartFrame, width: number, height: number, body: string): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(frame.description)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"` +
    ` font-family="sans-serif" font-size="${FONT}" fill="${COLORS.text}">${body}</svg>`
  );
}

/** Left axis of a band of rows: a label centred on each row, right-aligned before `x`. */
function bandAxis(x: number, top: number, step: number, labels: readonly string[]): string {
  let out = line(x, top, x, top + step * labels.length, COLORS.axis);
  labels.forEach((label, i) => {
    const y = top + step * (i + 0.5);
    out += line(x - 5, y, x, y, COLORS.axis) + text(x - 7, y, label, { 'text-anchor': 'end', dy: '0.35em' });
  });
  return `<g class="axis">${out}</g>`;
}

/** Bottom axis of a quantitative scale drawn from `x0` over `width`, with grid lines up to `top`. */
function bottomAxis(x0: number, width: number, top: number, bottom: number, scale: Scale, title: string): string {
  const x = (v: number): number => x0 + ((v - scale.lo) / (scale.hi - scale.lo)) * width;
  let grid = '';
  let ticks = line(x0, bottom, x0 + width, bottom, COLORS.axis);
  for (const t of scale.ticks) {
    grid += line(x(t), top, x(t), bottom, COLORS.grid);
    ticks += line(x(t), bottom, x(t), bottom + 5, COLORS.axis) + text(x(t), bottom + 17, scale.label(t), { 'text-anchor': 'middle' });
  }
  ticks += text(x0 + width / 2, bottom + 33, title, { 'text-anchor': 'middle', 'font-weight': 600 });
  return `<g class="grid">${grid}</g><g class="axis">${ticks}</g>`;
}
/** Room a bottom axis takes under the plot. */
const BOTTOM_AXIS = 38;

/** A legend of coloured symbols and labels laid out in rows of `columns` (or as many as fit `width`). */
function legend(x0: number, y0: number, entries: ReadonlyArray<{ label: string; color: string }>, symbol: 'stroke' | 'square', columns: number, width: number): { svg: string; height: number; width: number } {
  const sizes = entries.map((e) => 16 + textWidth(e.label));
  const column = Math.max(...sizes, 0) + 16;
  const perRow = Math.max(1, Math.min(columns, Math.floor(width / column) || 1));
  let svg = '';
  entries.forEach((e, i) => {
    const x = x0 + (i % perRow) * column;
    const y = y0 + Math.floor(i / perRow) * 16 + 8;
    svg +=
      symbol === 'stroke'
        ? line(x, y, x + 12, y, e.color, { 'stroke-width': 3 })
        : el('rect', { x, y: y - 5, width: 10, height: 10, fill: e.color });
    svg += text(x + 16, y, e.label, { dy: '0.35em' });
  });
  return { svg: `<g class="legend">${svg}</g>`, height: Math.ceil(entries.length / perRow) * 16, width: Math.min(entries.length, perRow) * column };
}

interface BarPanel {
  /** Left edge and width of the plot. */
  x0: number;
  width: number;
  scale: Scale;
  svg: string;
  /** Width the value labels take beyond the plot's right edge. */
  overflow: number;
}

/** Horizontal bars from zero, one per row (null draws nothing), with an optional value label after each. */
function barPanel(
  x0: number,
  top: number,
  step: number,
  width: number,
  values: ReadonlyArray<number | null>,
  options: { color: (i: number) => string; opacity?: (i: number) => number; labels?: readonly string[]; scale: Scale; title: string },
): BarPanel {
  const { scale } = options;
  const x = (v: number): number => x0 + ((v - scale.lo) / (scale.hi - scale.lo)) * width;
  const band = step * 0.75;
  const bottom = top + step * values.length;
  let bars = '';
  let labels = '';
  let overflow = 0;
  values.forEach((v, i) => {
    if (v === null) return;
    const a = x(Math.min(0, v));
    const b = x(Math.max(0, v));
    const y = top + step * i + (step - band) / 2;
    const opacity = options.opacity?.(i) ?? 1;
    bars += el('rect', { class: 'bar', x: a, y, width: Math.max(0, b - a), height: band, fill: options.color(i), 'fill-opacity': opacity === 1 ? undefined : opacity });
    const label = options.labels?.[i];
    if (label !== undefined && label !== '') {
      labels += text(b + 3, y + band / 2, label, { 'font-size': SMALL, dy: '0.35em' });
      overflow = Math.max(overflow, b + 3 + textWidth(label, SMALL) - (x0 + width));
    }
  });
  // The last tick's label is centred on the plot's right edge: half of it sticks out.
  const lastTick = scale.ticks[scale.ticks.length - 1];
  if (lastTick !== undefined) overflow = Math.max(overflow, x(lastTick) + textWidth(scale.label(lastTick)) / 2 - (x0 + width));
  const zero = scale.lo < 0 ? line(x(0), top, x(0), bottom, COLORS.muted) : '';
  const svg = bottomAxis(x0, width, top, bottom, scale, options.title) + `<g class="marks">${bars}${zero}${labels}</g>`;
  return { x0, width, scale, svg, overflow };
}

const max = (values: ReadonlyArray<number | null>): number => Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
const min = (values: ReadonlyArray<number | null>): number => Math.min(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));

// ---------------------------------------------------------------- channel comparison

export interface ComparisonRow {
  channel: string;
  words: number | null;
  concepts: number | null;
  irritant: number | null;
  /** Bar labels, formatted by the page so they read exactly as its tables. */
  wordsText: string;
  conceptsText: string;
  irritantText: string;
}

/** Three bar panels side by side (words, concepts per verbatim, share with an irritant), one row per channel. */
export function comparisonChart(rows: ComparisonRow[], titles: { words: string; concepts: string; irritant: string }, frame: ChartFrame): string {
  const step = 20;
  const labels = rows.map((r) => fit(r.channel, 320));
  const left = PAD + Math.max(...labels.map((l) => textWidth(l)), 0) + 8;
  const panels: Array<['words' | 'concepts' | 'irritant', string, string, boolean]> = [
    ['words', titles.words, COLORS.primary, false],
    ['concepts', titles.concepts, COLORS.concept, false],
    ['irritant', titles.irritant, COLORS.irritant, true],
  ];
  const width = 190;
  let x0 = left;
  let right = left;
  let body = bandAxis(left, PAD, step, labels);
  for (const [field, title, color, percent] of panels) {
    const values = rows.map((r) => r[field]);
    const scale = niceScale(0, max(values), 4, frame.locale, percent);
    const panel = barPanel(x0, PAD, step, width, values, { color: () => color, labels: rows.map((r) => r[`${field}Text`]), scale, title });
    body += panel.svg;
    // What sticks out on the right: value labels, or an axis title wider than the panel.
    const beyond = Math.max(0, panel.overflow, textWidth(title) / 2 - width / 2);
    right = x0 + width + beyond;
    x0 = right + 24;
  }
  return svgRoot(frame, right + PAD, PAD + step * rows.length + BOTTOM_AXIS + PAD, body);
}

// ---------------------------------------------------------------- heat map

export interface HeatCell {
  theme: string;
  channel: string;
  share: number;
  label: string;
  /** In-page link (`#…`) to the verbatims behind the cell: the cell is then a link. */
  href?: string;
  /**
   * Set when the cell's share rests on a low base (a channel of a handful of
   * verbatims): the cell is hatched and greyed, kept out of the colour scale,
   * and this text (the share with its n) is its tooltip.
   */
  lowBase?: string;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Colour of a share on the heat scale: linear between the stops, placed evenly over [0, top]. */
function heatColor(share: number, top: number): string {
  const t = Math.min(1, Math.max(0, share / top)) * (HEAT.length - 1);
  const i = Math.min(HEAT.length - 2, Math.floor(t));
  const a = hexToRgb(HEAT[i] as string);
  const b = hexToRgb(HEAT[i + 1] as string);
  const mix = a.map((c, k) => Math.round(c + (t - i) * ((b[k] as number) - c)));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Themes (rows) × channels (columns), each cell shaded and labelled with its share; a colour legend below. */
export function heatmapChart(cells: HeatCell[], themes: string[], channels: string[], legendTitle: string, frame: ChartFrame, lowBaseLegend?: string): string {
  const cellW = 58;
  const cellH = 24;
  // The colour scale spans the solid cells: a share of 2 verbatims out of 2 would flatten every other colour.
  const solid = cells.filter((c) => c.lowBase === undefined);
  const top = Math.max(0.01, ...(solid.length > 0 ? solid : cells).map((c) => c.share));
  const hatch = `svg-${frame.key}-hatch`;
  const lowColumns = new Set(cells.filter((c) => c.lowBase !== undefined).map((c) => c.channel));
  const byKey = new Map(cells.map((c) => [`${c.theme}\u0000${c.channel}`, c]));
  const rowLabels = themes.map((t) => fit(t, 360));
  const colLabels = channels.map((c) => fit(c, 320));
  const left = PAD + Math.max(...rowLabels.map((l) => textWidth(l)), 0) + 8;
  const sin = Math.sin((35 * Math.PI) / 180);
  const cos = Math.cos((35 * Math.PI) / 180);
  const gridTop = PAD + Math.max(...colLabels.map((l) => textWidth(l) * sin), 0) + FONT + 4;
  let right = left + cellW * channels.length;
  let head = '';
  colLabels.forEach((label, j) => {
    const x = left + cellW * (j + 0.5);
    const y = gridTop - 6;
    right = Math.max(right, x + textWidth(label) * cos);
    const low = lowColumns.has(channels[j] as string);
    head += text(x, y, label, { transform: `rotate(-35 ${px(x)} ${px(y)})`, ...(low ? { fill: COLORS.muted } : {}) });
  });
  let rows = '';
  rowLabels.forEach((label, i) => {
    rows += text(left - 6, gridTop + cellH * (i + 0.5), label, { 'text-anchor': 'end', dy: '0.35em' });
  });
  let marks = '';
  themes.forEach((theme, i) => {
    channels.forEach((channel, j) => {
      const cell = byKey.get(`${theme}\u0000${channel}`);
      const share = cell?.share ?? 0;
      const x = left + cellW * j;
      const y = gridTop + cellH * i;
      const low = cell?.lowBase !== undefined;
      // A low-base cell: hatched, its text grey, and its share with its n as the cell's tooltip.
      let mark = low
        ? el('rect', { class: 'cell', x, y, width: cellW, height: cellH, fill: `url(#${hatch})`, stroke: 'white' }, el('title', {}, escapeHtml(cell!.lowBase as string)))
        : el('rect', { class: 'cell', x, y, width: cellW, height: cellH, fill: heatColor(share, top), stroke: 'white' });
      if (cell !== undefined) {
        mark += text(x + cellW / 2, y + cellH / 2, cell.label, { 'text-anchor': 'middle', dy: '0.35em', 'font-size': SMALL, fill: low ? COLORS.muted : share > top * 0.68 ? 'white' : undefined });
      }
      marks += cell?.href !== undefined && /^#[\w-]+$/.test(cell.href) ? el('a', { href: cell.href }, mark) : mark;
    });
  });
  // Legend: the colour ramp over [0, top], with round ticks under it.
  const gridBottom = gridTop + cellH * themes.length;
  const ramp = 220;
  const id = `svg-${frame.key}-1`;
  const stops = HEAT.map((color, k) => el('stop', { offset: k / (HEAT.length - 1), 'stop-color': color })).join('');
  const scale = niceScale(0, top, 4, frame.locale, true);
  let key = text(left, gridBottom + 28, legendTitle, { 'font-weight': 600 });
  key += el('rect', { x: left, y: gridBottom + 36, width: ramp, height: 14, fill: `url(#${id})` });
  for (const t of scale.ticks.filter((v) => v <= top + 1e-9)) {
    key += text(left + (t / top) * ramp, gridBottom + 64, scale.label(t), { 'text-anchor': 'middle' });
  }
  // One more legend line when cells are hatched: what the hatching means.
  const lowLine = lowColumns.size > 0 && lowBaseLegend !== undefined ? 24 : 0;
  let legendRight = left + ramp + 20;
  if (lowLine > 0) {
    key += el('rect', { x: left, y: gridBottom + 76, width: 14, height: 14, fill: `url(#${hatch})`, stroke: COLORS.axis });
    key += text(left + 20, gridBottom + 83, lowBaseLegend as string, { dy: '0.35em', fill: COLORS.muted });
    legendRight = Math.max(legendRight, left + 20 + textWidth(lowBaseLegend as string));
  }
  const pattern = el(
    'pattern',
    { id: hatch, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    el('rect', { width: 6, height: 6, fill: '#f3f4f6' }) + line(0, 0, 0, 6, '#c4c9d1', { 'stroke-width': 2 }),
  );
  const defs = `<defs>${el('linearGradient', { id, x1: 0, x2: 1, y1: 0, y2: 0 }, stops)}${lowColumns.size > 0 ? pattern : ''}</defs>`;
  const body = `${defs}<g class="axis">${head}${rows}</g><g class="marks">${marks}</g><g class="legend">${key}</g>`;
  return svgRoot(frame, Math.max(right, legendRight) + PAD, gridBottom + 68 + lowLine + PAD, body);
}

// ---------------------------------------------------------------- irritants

/** An irritant's impact on one scale's score, with its 95 % interval. */
export interface ImpactBar {
  impact: number | null;
  /** 95 % interval, drawn as a whisker; an interval holding 0 (not significant) draws the bar hollow. */
  ci?: [number, number] | null;
  /** Too few scored verbatims: the bar is drawn pale. */
  lowBase: boolean;
}

export interface IrritantRow extends ImpactBar {
  irritant: string;
  share: number;
  shareText: string;
  /** Impacts on the other scales' scores, one per `titles.others`. */
  others?: ImpactBar[];
}

/** Bars either side of zero for one scale's impacts, each with its interval's whisker. */
function impactPanel(x0: number, step: number, bars: ReadonlyArray<ImpactBar | undefined>, title: string, frame: ChartFrame): BarPanel {
  const impacts = bars.map((b) => b?.impact ?? null);
  const bounds = bars.flatMap((b) => (b?.ci ? [b.ci[0], b.ci[1]] : []));
  const notSignificant = (b: ImpactBar | undefined) => b?.ci !== undefined && b.ci !== null && b.ci[0] <= 0 && b.ci[1] >= 0;
  const panel = barPanel(x0, PAD, step, 220, impacts, {
    color: (i) => ((bars[i]?.impact ?? 0) < 0 ? COLORS.harmful : COLORS.helpful),
    opacity: (i) => (bars[i]?.lowBase === true ? 0.3 : notSignificant(bars[i]) ? 0.55 : 1),
    scale: niceScale(min([...impacts, ...bounds]), max([...impacts, ...bounds]), 5, frame.locale, false),
    title,
  });
  const { scale } = panel;
  const x = (v: number): number => x0 + ((v - scale.lo) / (scale.hi - scale.lo)) * 220;
  let whiskers = '';
  bars.forEach((b, i) => {
    if (!b?.ci || b.impact === null) return;
    const y = PAD + step * (i + 0.5);
    const [lo, hi] = [x(b.ci[0]), x(b.ci[1])];
    whiskers += line(lo, y, hi, y, COLORS.text, { class: 'ci' }) + line(lo, y - 4, lo, y + 4, COLORS.text) + line(hi, y - 4, hi, y + 4, COLORS.text);
  });
  return whiskers === '' ? panel : { ...panel, svg: `${panel.svg}<g class="ci">${whiskers}</g>` };
}

/**
 * Share of verbatims per irritant; beside it, when scores exist, the score
 * impact as bars either side of zero with their 95 % interval (one panel per
 * scale when channels score on several).
 */
export function irritantChart(rows: IrritantRow[], titles: { share: string; impact: string | null; others?: string[] }, frame: ChartFrame): string {
  const step = 20;
  const labels = rows.map((r) => fit(r.irritant, 360));
  const left = PAD + Math.max(...labels.map((l) => textWidth(l)), 0) + 8;
  let body = bandAxis(left, PAD, step, labels);
  const shares = rows.map((r) => r.share);
  const sharePanel = barPanel(left, PAD, step, 220, shares, {
    color: () => COLORS.irritant,
    labels: rows.map((r) => r.shareText),
    scale: niceScale(0, max(shares), 4, frame.locale, true),
    title: titles.share,
  });
  body += sharePanel.svg;
  let right = left + 220 + sharePanel.overflow;
  if (titles.impact !== null) {
    const panels: Array<[string, ReadonlyArray<ImpactBar | undefined>]> = [
      [titles.impact, rows],
      ...(titles.others ?? []).map((title, k): [string, Array<ImpactBar | undefined>] => [title, rows.map((r) => r.others?.[k])]),
    ];
    let x0 = left + 220 + Math.max(16, sharePanel.overflow + 10);
    for (const [title, bars] of panels) {
      const panel = impactPanel(x0, step, bars, title, frame);
      body += panel.svg;
      // Axis titles are bold: a tenth wider than the estimate.
      right = x0 + 220 + Math.max(0, panel.overflow, (textWidth(title) * 1.1) / 2 - 110);
      x0 = right + 24;
    }
  }
  return svgRoot(frame, right + PAD, PAD + step * rows.length + BOTTOM_AXIS + PAD, body);
}

// ---------------------------------------------------------------- trends

export interface TrendPoint {
  period: string;
  item: string;
  share: number | null;
}

/**
 * One line per item over the periods (a period without a share is skipped, the
 * line joins its neighbours); a legend below. `lowBases[i]`, when set, marks
 * period i as a low base: its shares are not drawn (a handful of verbatims
 * would draw a spike) and the note (`n = 3`) is written in grey under its label.
 */
export function trendChart(
  points: TrendPoint[],
  periods: string[],
  items: string[],
  titles: { period: string; share: string },
  frame: ChartFrame,
  lowBases: ReadonlyArray<string | null> = [],
): string {
  const width = 620;
  const height = 220;
  const low = new Set(periods.filter((_, i) => typeof lowBases[i] === 'string'));
  points = points.filter((p) => !low.has(p.period));
  const scale = niceScale(0, max(points.map((p) => p.share)), 5, frame.locale, true);
  const tickWidth = Math.max(...scale.ticks.map((t) => textWidth(scale.label(t))));
  const left = PAD + FONT + 8 + tickWidth + 7;
  const top = PAD + 6;
  const bottom = top + height;
  const y = (v: number): number => bottom - ((v - scale.lo) / (scale.hi - scale.lo)) * height;
  const step = width / Math.max(1, periods.length);
  const x = (i: number): number => left + step * (i + 0.5);

  let grid = '';
  let axis = line(left, top, left, bottom, COLORS.axis) + line(left, bottom, left + width, bottom, COLORS.axis);
  for (const t of scale.ticks) {
    grid += line(left, y(t), left + width, y(t), COLORS.grid);
    axis += line(left - 5, y(t), left, y(t), COLORS.axis) + text(left - 7, y(t), scale.label(t), { 'text-anchor': 'end', dy: '0.35em' });
  }
  // Period labels left to right, each shown only if it clears the last one shown.
  let lastRight = -Infinity;
  periods.forEach((period, i) => {
    const w = textWidth(period);
    axis += line(x(i), bottom, x(i), bottom + 5, COLORS.axis);
    if (x(i) - w / 2 < lastRight + 4) return;
    lastRight = x(i) + w / 2;
    const note = lowBases[i];
    axis += text(x(i), bottom + 17, period, typeof note === 'string' ? { 'text-anchor': 'middle', fill: COLORS.axis } : { 'text-anchor': 'middle' });
    if (typeof note === 'string') axis += text(x(i), bottom + 29, note, { 'text-anchor': 'middle', 'font-size': SMALL, fill: COLORS.axis, class: 'low-base' });
  });
  // Room for the low-base notes under the period labels.
  const notes = lowBases.some((n) => typeof n === 'string') ? 12 : 0;
  axis += text(left + width / 2, bottom + 33 + notes, titles.period, { 'text-anchor': 'middle', 'font-weight': 600 });
  const midY = (top + bottom) / 2;
  axis += text(PAD + FONT, midY, titles.share, { 'text-anchor': 'middle', 'font-weight': 600, transform: `rotate(-90 ${px(PAD + FONT)} ${px(midY)})` });

  const index = new Map(periods.map((p, i) => [p, i]));
  let marks = '';
  items.forEach((item, j) => {
    const color = SERIES[j % SERIES.length] as string;
    const at = points
      .filter((p) => p.item === item && p.share !== null && Number.isFinite(p.share) && index.has(p.period))
      .map((p) => [x(index.get(p.period) as number), y(p.share as number)] as const)
      .sort((a, b) => a[0] - b[0]);
    if (at.length === 0) return;
    const d = at.map(([px_, py], k) => `${k === 0 ? 'M' : 'L'}${px(px_)},${px(py)}`).join('');
    marks += el('path', { class: 'line', d, fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-linejoin': 'round' });
    for (const [cx, cy] of at) marks += el('circle', { class: 'point', cx, cy, r: 3, fill: color });
  });
  const key = legend(left, bottom + BOTTOM_AXIS + notes + 8, items.map((label, j) => ({ label, color: SERIES[j % SERIES.length] as string })), 'stroke', 3, width);
  const body = `<g class="grid">${grid}</g><g class="axis">${axis}</g><g class="marks">${marks}</g>${key.svg}`;
  return svgRoot(frame, left + width + PAD + 8, bottom + BOTTOM_AXIS + notes + 8 + key.height + PAD, body);
}

// ---------------------------------------------------------------- journey

export interface JourneyBar {
  family: string;
  stage: string;
  /** Stage position, so stacks keep the journey order. */
  order: number;
  share: number;
}

/** One bar per family (irritants, enchantments) split by journey stage, each stage's part of the family's mentions. */
export function journeyChart(bars: JourneyBar[], stages: string[], title: string, frame: ChartFrame): string {
  const width = 520;
  const step = 28;
  const band = step * 0.7;
  const families = [...new Set(bars.map((b) => b.family))];
  const labels = families.map((f) => fit(f, 320));
  const left = PAD + Math.max(...labels.map((l) => textWidth(l)), 0) + 8;
  const bottom = PAD + step * families.length;
  const scale = niceScale(0, 1, 5, frame.locale, true);
  let marks = '';
  families.forEach((family, i) => {
    const parts = bars.filter((b) => b.family === family && b.share > 0).sort((a, b) => a.order - b.order);
    const total = parts.reduce((s, b) => s + b.share, 0);
    if (total <= 0) return;
    let x = left;
    for (const part of parts) {
      const w = (part.share / total) * width;
      const stageIndex = stages.indexOf(part.stage);
      const color = STAGE_COLORS[(stageIndex < 0 ? part.order : stageIndex) % STAGE_COLORS.length] as string;
      marks += el('rect', { class: 'bar', x, y: PAD + step * i + (step - band) / 2, width: w, height: band, fill: color });
      x += w;
    }
  });
  const key = legend(left, bottom + BOTTOM_AXIS + 8, stages.map((label, k) => ({ label, color: STAGE_COLORS[k % STAGE_COLORS.length] as string })), 'square', stages.length, width);
  const body = bandAxis(left, PAD, step, labels) + bottomAxis(left, width, PAD, bottom, scale, title) + `<g class="marks">${marks}</g>${key.svg}`;
  const beyond = Math.max(0, textWidth(scale.label(1)) / 2);
  return svgRoot(frame, Math.max(left + width + beyond, left + key.width) + PAD, bottom + BOTTOM_AXIS + 8 + key.height + PAD, body);
}
