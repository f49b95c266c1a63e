/**
 * Self-contained HTML report: one file, styles inlined, charts drawn here as
 * static SVG (./html/charts.ts), no script and no external resource, so it
 * opens offline, prints, and can be mailed as is.
 */
import type { Report } from '../types.js';
import { chartLocale } from './html/charts.js';
import { escapeHtml } from './html/escape.js';
import { hasInsight, readChat, readInsight } from './html/insight.js';
import {
  channelTableSection,
  comparisonSection,
  examplesSection,
  heatmapSection,
  irritantSection,
  journeySection,
  keynessSection,
  summarySection,
  trendsSection,
  type Section,
  type SectionContext,
} from './html/sections.js';
import { STYLES } from './html/styles.js';
import { htmlWordingFor, numberFormats } from './html/wording.js';
import type { RenderOptions } from './types.js';

/** Options of `renderHtml`. */
export interface HtmlRenderOptions extends RenderOptions {
  /** Page title and heading (default: "Rapport verbatim-fr", or the English title for `lang: 'en'`). */
  title?: string;
  /** Themes shown in the themes × channels heat map, most cited first (default 20). */
  heatmapThemes?: number;
  /** Irritants drawn in the ranking chart; the table lists them all (default 15). */
  chartIrritants?: number;
  /** Lines per trend chart (default 5). */
  trendSeries?: number;
  /** Words and concepts listed each way per channel in the keyness tables (default 8). */
  keyItems?: number;
}

function positive(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`verbatim-fr: expected ${name} to be a positive integer, got ${String(value)}`);
  }
  return value;
}

/** Entry labels from the all-channels view and each channel (the same id has one label). */
function entryLabels(report: Report): Map<string, string> {
  const labels = new Map<string, string>();
  for (const ch of [report.all, ...report.channels]) {
    for (const list of [ch.themes, ch.concepts, ch.irritants, ch.enchantments, ch.intents]) {
      for (const e of list) if (!labels.has(e.id)) labels.set(e.id, e.label);
    }
  }
  return labels;
}

/**
 * Renders a report as one self-contained HTML page (French labels by default;
 * `lang: 'en'` or a report with `lang: 'en'` gives English labels).
 */
export async function renderHtml(report: Report, options: HtmlRenderOptions = {}): Promise<string> {
  if (typeof report !== 'object' || report === null || !(report.schemaVersion === 2 || (report.schemaVersion as number) === 1)) {
    // v1 reports (before sections were documented) read the same: renderers accept both.
    throw new TypeError(`verbatim-fr: expected a Report (schemaVersion 2), got ${report === null ? 'null' : typeof report}`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`verbatim-fr: expected HTML render options (object), got ${options === null ? 'null' : typeof options}`);
  }
  const lang = options.lang ?? report.lang ?? 'fr';
  const w = htmlWordingFor(lang);
  const f = numberFormats(w);
  const insight = readInsight(report);
  const ctx: SectionContext = {
    report,
    w,
    f,
    insight,
    chat: readChat(report),
    insightPresent: hasInsight(insight),
    chartLocale: chartLocale(w.locale),
    labels: entryLabels(report),
    channelLabels: new Map([...report.channels.map((c) => [c.channel, c.label] as const), ['all', w.allChannels]]),
    limits: {
      heatmapThemes: positive('heatmapThemes', options.heatmapThemes, 20),
      chartIrritants: positive('chartIrritants', options.chartIrritants, 15),
      trendSeries: positive('trendSeries', options.trendSeries, 5),
      keyItems: positive('keyItems', options.keyItems, 8),
    },
  };
  const sections: Section[] = [
    summarySection(ctx),
    channelTableSection(ctx),
    comparisonSection(ctx),
    heatmapSection(ctx),
    irritantSection(ctx),
    trendsSection(ctx),
    keynessSection(ctx),
    journeySection(ctx),
    examplesSection(ctx),
  ];
  const title = options.title ?? w.title;
  const s = report.summary;
  const lede = [`${f.num(s.analysed, 0)} ${w.analysed.toLowerCase()}`, `${f.num(s.channels, 0)} ${w.channelCount.toLowerCase()}`];
  if (s.period !== null) lede.push(w.periodValue(f.date(s.period.from), f.date(s.period.to)));
  const htmlLang = w.locale.startsWith('fr') ? 'fr' : 'en';
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
    `<a class="skip" href="#contenu">${escapeHtml(w.skipToContent)}</a>`,
    `<header><h1>${escapeHtml(title)}</h1><p class="lede">${escapeHtml(lede.join(' · '))}</p>`,
    `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(w.contents)}</h2><ol>${toc}</ol></nav></header>`,
    `<main id="contenu" tabindex="-1">`,
    body,
    '</main>',
    `<footer><p>${escapeHtml(htmlLang === 'fr' ? 'Généré par verbatim-fr. Graphiques statiques (SVG) : la page ne charge aucune ressource externe.' : 'Generated by verbatim-fr. Static charts (SVG): the page loads no external resource.')}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Format name and file extension of the HTML report, for `renderReport`-style dispatch. */
export const htmlFormat = Object.freeze({ name: 'html', extension: 'html' } as const);
