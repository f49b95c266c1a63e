/**
 * Self-contained HTML report: one file, styles inlined, charts drawn as static
 * SVG (./html/charts.ts), no script and no external resource, so it opens
 * offline, prints, and can be mailed as is. Each section gives its parts of
 * the page.
 */
import type { Report } from '../types.js';
import { escapeHtml } from './html/escape.js';
import { loadCharts, numberFormats } from './html/kit.js';
import type { Renderer, RenderOptions } from './types.js';
import { createView, ordered, positiveOption, sectionsOfView, type HtmlBlock } from './view.js';

/** Options of the HTML renderer. */
export interface HtmlRenderOptions extends RenderOptions {
  /** Themes shown in the themes × channels heat map, most cited first (default 20). */
  heatmapThemes?: number;
  /** Irritants drawn in the ranking chart; the table lists them all (default 15). */
  chartIrritants?: number;
  /** Lines per trend chart (default 5). */
  trendSeries?: number;
  /** Words and concepts listed each way per channel in the keyness tables (default 8). */
  keyItems?: number;
}

/**
 * Renders a report as one self-contained HTML page (French labels by default;
 * `lang: 'en'` or a report with `lang: 'en'` gives English labels).
 */
export async function renderHtml(report: Report, options: HtmlRenderOptions = {}): Promise<string> {
  const view = createView(report, options);
  const { m } = view;
  const f = numberFormats(m);
  // Loaded with the first page drawn: a browser page that renders no HTML loads neither.
  const [{ chartLocale }, { STYLES }] = await Promise.all([loadCharts(), import('./html/styles.js')]);
  const extra = {
    f,
    chartLocale: chartLocale(m.locale),
    limits: {
      heatmapThemes: positiveOption('heatmapThemes', options.heatmapThemes, 20),
      chartIrritants: positiveOption('chartIrritants', options.chartIrritants, 15),
      trendSeries: positiveOption('trendSeries', options.trendSeries, 5),
      keyItems: positiveOption('keyItems', options.keyItems, 8),
    },
  };
  const parts = await Promise.all(sectionsOfView(view, extra).map(({ section, result, context }) => section.render?.html?.(result, context) ?? []));
  const sections: HtmlBlock[] = ordered(parts.flat());
  const { title } = view;
  const s = view.report.summary;
  const lede = [m.html.lede.analysed(f.num(s.analysed, 0), s.analysed), m.html.lede.channels(f.num(s.channels, 0), s.channels)];
  if (s.period !== null) lede.push(m.html.periodValue(f.date(s.period.from), f.date(s.period.to)));
  const htmlLang = m.locale.startsWith('fr') ? 'fr' : 'en';
  const toc = sections.map((x) => `<li><a href="#${x.id}">${escapeHtml(x.title)}</a></li>`).join('');
  const body = sections.map((x) => `<section id="${x.id}" aria-labelledby="h-${x.id}"><h2 id="h-${x.id}">${escapeHtml(x.title)}</h2>${x.html}</section>`).join('\n');
  return [
    '<!doctype html>',
    `<html lang="${htmlLang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing is fetched: no script, no font, no image; this also blocks any that a report text could smuggle in.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    `<a class="skip" href="#contenu">${escapeHtml(m.html.skipToContent)}</a>`,
    `<header><h1>${escapeHtml(title)}</h1><p class="lede">${escapeHtml(lede.join(' · '))}</p>`,
    `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(m.html.contents)}</h2><ol>${toc}</ol></nav></header>`,
    `<main id="contenu" tabindex="-1">`,
    body,
    '</main>',
    `<footer><p>${escapeHtml(m.html.footer)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export const htmlRenderer: Renderer<HtmlRenderOptions, Promise<string>> = { name: 'html', extension: 'html', render: renderHtml };
