/**
 * Charts of the HTML report: Vega-Lite specs compiled to Vega and rendered to
 * static SVG at render time, so the page needs no script to show them.
 */
import type { LoggerInterface } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
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
} as const;

/** Series colours with enough contrast on white (Tableau 10, darkened yellow and grey). */
const SERIES = ['#4e79a7', '#e15759', '#59a14f', '#b07aa1', '#f28e2b', '#76b7b2', '#9c755f', '#d37295', '#8c8c00', '#6b6b6b'];

const silent: LoggerInterface = {
  level(this: LoggerInterface) {
    return this;
  },
  error(this: LoggerInterface) {
    return this;
  },
  warn(this: LoggerInterface) {
    return this;
  },
  info(this: LoggerInterface) {
    return this;
  },
  debug(this: LoggerInterface) {
    return this;
  },
} as unknown as LoggerInterface;

export interface ChartLocale {
  decimal: string;
  thousands: string;
}

export function chartLocale(locale: string): ChartLocale {
  return locale.startsWith('fr') ? { decimal: ',', thousands: '\u202f' } : { decimal: '.', thousands: ',' };
}

function config(locale: ChartLocale): Record<string, unknown> {
  return {
    // The page gives the chart its accessible name; Vega's own ARIA labels are English.
    aria: false,
    background: 'white',
    font: 'sans-serif',
    padding: 4,
    view: { stroke: null },
    axis: { labelColor: COLORS.text, titleColor: COLORS.text, gridColor: COLORS.grid, domainColor: '#9ca3af', tickColor: '#9ca3af', labelFontSize: 11, titleFontSize: 11, titleFontWeight: 600 },
    legend: { labelColor: COLORS.text, titleColor: COLORS.text, labelFontSize: 11, titleFontSize: 11, labelLimit: 260 },
    range: { category: SERIES },
    locale: {
      number: { decimal: locale.decimal, thousands: locale.thousands, grouping: [3], currency: ['', '\u00a0€'], percent: locale.decimal === ',' ? '\u202f%' : '%', minus: '−' },
    },
  };
}

// ---------------------------------------------------------------- text widths

interface TextItem {
  text?: unknown;
  fontSize?: number;
}
type WidthFn = (item: TextItem, text?: unknown) => number;
interface TextMetrics {
  width: WidthFn;
}

/** Advance widths in em of a sans-serif face, roughly (DejaVu Sans / Helvetica / Segoe UI). */
function charWidth(c: string): number {
  if (c === ' ') return 0.3;
  if ('iljtf.,:;!|\'’()[]/'.includes(c)) return 0.32;
  if ('mwMW%'.includes(c)) return 0.88;
  if (c >= '0' && c <= '9') return 0.6;
  if (c !== c.toLowerCase()) return 0.68;
  return 0.56;
}

/**
 * Without a canvas Vega guesses text width as 0.8 em per character, about 1.4
 * times too wide: long labels get cut and rotated axes leave empty bands. Vega
 * supports a user-defined `textMetrics.width` (vl-convert sets one); ours sums
 * per-character widths and is in place only while this module renders.
 */
const estimateTextWidth: WidthFn = (item, text) => {
  const value = text === undefined ? item.text : text;
  const str = Array.isArray(value) ? String(value[0] ?? '') : value === undefined || value === null ? '' : String(value);
  const size = typeof item.fontSize === 'number' ? item.fontSize : 11;
  let em = 0;
  for (const c of str) em += charWidth(c);
  // A little wide on purpose: a label cut short is worse than a few pixels of margin.
  return Math.ceil(em * size * 1.1);
};

// ---------------------------------------------------------------- engines

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
interface Engines {
  vega: Vega;
  compile: VegaLite['compile'];
  metrics: TextMetrics | undefined;
}
let engines: Promise<Engines> | undefined;

/**
 * Vega and Vega-Lite load on the first HTML render only: other users of the
 * library do not pay for them, and the CommonJS build can still reach these
 * ESM-only packages.
 */
function loadEngines(): Promise<Engines> {
  engines ??= Promise.all([import('vega'), import('vega-lite')]).then(
    ([vega, vegaLite]) => ({ vega, compile: vegaLite.compile, metrics: (vega as unknown as { textMetrics?: TextMetrics }).textMetrics }),
    (error: unknown) => {
      engines = undefined;
      throw error;
    },
  );
  return engines;
}

let rendering = 0;
let savedWidth: WidthFn | undefined;

/** Uses our estimate while at least one chart renders, unless Vega measures with a canvas. */
function enterTextMetrics(metrics: TextMetrics | undefined): void {
  if (metrics === undefined || typeof metrics.width !== 'function') return;
  if (rendering++ === 0) {
    savedWidth = metrics.width;
    const canvasMeasure = (metrics as unknown as { measureWidth?: WidthFn }).measureWidth;
    if (metrics.width !== canvasMeasure) metrics.width = estimateTextWidth;
  }
}

function leaveTextMetrics(metrics: TextMetrics | undefined): void {
  if (metrics === undefined || rendering === 0) return;
  if (--rendering === 0 && savedWidth !== undefined) {
    metrics.width = savedWidth;
    savedWidth = undefined;
  }
}

/** Shortens long decimals in SVG attribute values (coordinates): the file stays small. */
function tidyNumbers(svg: string): string {
  return svg.replace(/="([^"]*)"/g, (_, value: string) => `="${value.replace(/(\d+\.\d\d)\d+/g, '$1')}"`);
}

/**
 * Renames the SVG's internal ids (gradients, clip paths) to `key-1`, `key-2`…:
 * Vega numbers them with a process-wide counter, which would make output differ
 * between renders and ids collide between charts of one page.
 */
function scopeIds(svg: string, key: string): string {
  const renamed = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = m[1] as string;
    if (!renamed.has(id)) renamed.set(id, `${key}-${renamed.size + 1}`);
  }
  if (renamed.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, b: string) => `${a}${renamed.get(id) ?? id}${b}`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (renamed.has(id) ? `url(#${renamed.get(id) as string})` : whole));
}

/**
 * Renders a Vega-Lite spec to an inline SVG element named by `description`
 * (`role="img"`, `aria-label`): the figure's text alternative. `key` scopes the
 * SVG's internal ids and must be unique in the page.
 */
export async function renderChart(spec: TopLevelSpec, key: string, description: string, locale: ChartLocale): Promise<string> {
  const full = { ...spec, description, config: config(locale) } as TopLevelSpec;
  const { vega, compile, metrics } = await loadEngines();
  const vgSpec = compile(full, { logger: silent }).spec;
  enterTextMetrics(metrics);
  try {
    const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logger: silent });
    try {
      const svg = await view.toSVG();
      const open = svg.indexOf('>');
      // Inline SVG in HTML needs no namespace declarations; they would only look like URLs.
      const rootTag = svg
        .slice(0, open)
        .replace(/\s+xmlns(:xlink)?="[^"]*"/g, '')
        .replace('class="marks"', `class="marks chart" role="img" aria-label="${escapeHtml(description)}"`);
      return rootTag + scopeIds(tidyNumbers(svg.slice(open)), `svg-${key}`);
    } finally {
      view.finalize();
    }
  } finally {
    leaveTextMetrics(metrics);
  }
}

// ---------------------------------------------------------------- specs

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

export function comparisonSpec(rows: ComparisonRow[], titles: { words: string; concepts: string; irritant: string }): TopLevelSpec {
  const panel = (field: 'words' | 'concepts' | 'irritant', title: string, color: string, format: string, first: boolean) => ({
    width: 190,
    height: { step: 20 },
    encoding: {
      y: { field: 'channel', type: 'nominal', sort: null, title: null, axis: first ? { labelLimit: 320 } : null },
      x: { field, type: 'quantitative', title, axis: { format: format === '.0%' ? format : ',~f', tickCount: 4 } },
    },
    layer: [
      { mark: { type: 'bar', color, height: { band: 0.75 } } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: COLORS.text }, encoding: { text: { field: `${field}Text`, type: 'nominal' } } },
    ],
  });
  return {
    data: { values: rows },
    hconcat: [
      panel('words', titles.words, COLORS.primary, ',.1f', true),
      panel('concepts', titles.concepts, COLORS.concept, ',.1f', false),
      panel('irritant', titles.irritant, COLORS.irritant, '.0%', false),
    ],
    spacing: 24,
  } as unknown as TopLevelSpec;
}

export interface HeatCell {
  theme: string;
  channel: string;
  share: number;
  label: string;
}

export function heatmapSpec(cells: HeatCell[], themes: string[], channels: string[], legendTitle: string): TopLevelSpec {
  const max = Math.max(0.01, ...cells.map((c) => c.share));
  return {
    data: { values: cells },
    width: { step: 58 },
    height: { step: 24 },
    encoding: {
      x: { field: 'channel', type: 'nominal', sort: channels, title: null, axis: { orient: 'top', labelAngle: -35, labelAlign: 'left', labelLimit: 320, domain: false, ticks: false } },
      y: { field: 'theme', type: 'nominal', sort: themes, title: null, axis: { labelLimit: 360, domain: false, ticks: false } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: { field: 'share', type: 'quantitative', title: legendTitle, scale: { domain: [0, max / 4, max / 2, (3 * max) / 4, max], range: ['#f5f9fe', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] }, legend: { format: '.0%', orient: 'bottom', gradientLength: 220 } },
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'label', type: 'nominal' },
          color: { condition: { test: `datum.share > ${max * 0.68}`, value: 'white' }, value: COLORS.text },
        },
      },
    ],
  } as unknown as TopLevelSpec;
}

export interface IrritantRow {
  irritant: string;
  share: number;
  shareText: string;
  impact: number | null;
  /** Too few scored verbatims: the impact is drawn pale. */
  lowBase: boolean;
}

export function irritantSpec(rows: IrritantRow[], titles: { share: string; impact: string | null }): TopLevelSpec {
  const shares = {
    width: 220,
    height: { step: 20 },
    encoding: {
      y: { field: 'irritant', type: 'nominal', sort: null, title: null, axis: { labelLimit: 360 } },
      x: { field: 'share', type: 'quantitative', title: titles.share, axis: { format: '.0%', tickCount: 4 } },
    },
    layer: [
      { mark: { type: 'bar', color: COLORS.irritant, height: { band: 0.75 } } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: COLORS.text }, encoding: { text: { field: 'shareText', type: 'nominal' } } },
    ],
  };
  if (titles.impact === null) return { data: { values: rows }, ...shares } as unknown as TopLevelSpec;
  const impact = {
    width: 220,
    height: { step: 20 },
    transform: [{ filter: 'isValid(datum.impact)' }],
    encoding: {
      y: { field: 'irritant', type: 'nominal', sort: null, title: null, axis: null },
      x: { field: 'impact', type: 'quantitative', title: titles.impact, axis: { format: ',~f', tickCount: 5 } },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.75 } },
        encoding: {
          color: { condition: { test: 'datum.impact < 0', value: COLORS.harmful }, value: COLORS.helpful },
          opacity: { condition: { test: 'datum.lowBase', value: 0.3 }, value: 1 },
        },
      },
      { mark: { type: 'rule', color: COLORS.muted }, encoding: { x: { datum: 0 }, y: null } },
    ],
  };
  return {
    data: { values: rows },
    hconcat: [shares, impact],
    spacing: 16,
    resolve: { scale: { y: 'shared' } },
  } as unknown as TopLevelSpec;
}

export interface TrendPoint {
  period: string;
  item: string;
  share: number | null;
}

export function trendSpec(points: TrendPoint[], periods: string[], items: string[], titles: { period: string; share: string }): TopLevelSpec {
  return {
    data: { values: points },
    width: 620,
    height: 220,
    transform: [{ filter: 'isValid(datum.share)' }],
    mark: { type: 'line', point: { size: 30, filled: true }, strokeWidth: 2, },
    encoding: {
      x: { field: 'period', type: 'ordinal', sort: periods, title: titles.period, axis: { labelAngle: 0, labelOverlap: 'greedy' } },
      y: { field: 'share', type: 'quantitative', title: titles.share, axis: { format: '.0%', tickCount: 5 } },
      color: { field: 'item', type: 'nominal', sort: items, title: null, legend: { orient: 'bottom', columns: 3, symbolType: 'stroke', symbolStrokeWidth: 3 } },
    },
  } as unknown as TopLevelSpec;
}

export interface JourneyBar {
  family: string;
  stage: string;
  /** Stage position, so stacks keep the journey order. */
  order: number;
  share: number;
}

export function journeySpec(bars: JourneyBar[], stages: string[], title: string): TopLevelSpec {
  return {
    data: { values: bars },
    width: 520,
    height: { step: 28 },
    mark: { type: 'bar', height: { band: 0.7 } },
    encoding: {
      y: { field: 'family', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } },
      x: { field: 'share', type: 'quantitative', stack: 'normalize', title, axis: { format: '.0%' } },
      color: { field: 'stage', type: 'nominal', sort: stages, title: null, scale: { domain: stages, range: ['#9ecae1', '#4292c6', '#08519c', '#bdbdbd'] }, legend: { orient: 'bottom' } },
      order: { field: 'order', type: 'quantitative' },
    },
  } as unknown as TopLevelSpec;
}
