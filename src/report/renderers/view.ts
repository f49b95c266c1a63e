/**
 * One view of a report that every renderer and section reads: the report's
 * language and wording, labels of entries and channels, channel order, and
 * each section's result read back from the report. Also the blocks sections
 * render into, and what each format gives them (internal).
 */
import { readableChannelLabel, relabelReport } from '../labels.js';
import { messagesFor, reportLang, type Messages, type ReportLang } from '../messages.js';
import type { Section } from '../section.js';
import { defaultSections } from '../sections/index.js';
import type { Report } from '../types.js';
import type { ChartLocale } from './html/charts.js';
import type { NumberFormats } from './html/kit.js';
import type { RenderOptions } from './types.js';
import { expectedError, typeName } from '../../_utils/describe.js';

export interface ReportView {
  /** The report, with the title and channel labels of the render options. */
  report: Report;
  /** The title shown: the render option's, else the report's, else the default title of `lang`. */
  title: string;
  lang: ReportLang;
  /** The shared catalogue of `lang`. */
  m: Messages;
  /** The sections rendered, in order. */
  sections: readonly Section[];
  /** A section's result read from the report (`undefined` when absent or unusable); `core` is the report. */
  result<R>(name: string): R | undefined;
  /** Label of an entry id (the id when unknown). */
  label(id: string): string;
  /** Label of a channel id; `all` is named in the view's language. */
  channelLabel(id: string): string;
  /** Items in the report's channel order (most verbatims first), unknown channels after by id, `all` last. */
  byChannel<T>(items: readonly T[], channelOf: (item: T) => string): T[];
}

/** What a section's renderer is given: the view and the section's own wording. */
export interface SectionRenderContext<M> extends ReportView {
  /** The section's own wording in the view's language. */
  w: M;
}

export interface TableContext<M = unknown> extends SectionRenderContext<M> {
  /** Line width. */
  width: number;
  /** Entries listed per ranking. */
  top: number;
  /** A heading, bold when colours are on. */
  heading(text: string): string;
}

export interface MarkdownContext<M = unknown> extends SectionRenderContext<M> {
  top: number;
  perChannel: boolean;
  keyItems: number;
  trendSeries: number;
}

export interface HtmlContext<M = unknown> extends SectionRenderContext<M> {
  f: NumberFormats;
  chartLocale: ChartLocale;
  limits: { heatmapThemes: number; chartIrritants: number; trendSeries: number; keyItems: number };
}

export interface CsvContext<M = unknown> extends SectionRenderContext<M> {
  /** Example verbatims as rows. */
  examples: boolean;
}

/** Lines of the terminal table or of Markdown. Blocks are laid out by `order` (default 500), then in list order. */
export interface TextBlock {
  order?: number;
  lines: string[];
}

/** A section of the HTML page, listed in its table of contents. */
export interface HtmlBlock {
  order?: number;
  /** Anchor (stable across languages). */
  id: string;
  title: string;
  html: string;
}

export type CsvValue = string | number | boolean | null;

/** One figure of the CSV table. */
export interface CsvRow {
  section: string;
  channel: string;
  key: string;
  label: string;
  metric: string;
  value: CsvValue;
}

/** A report of a version renderers read (2, or 1: the same fields before sections were documented). */
export function checkReport(report: unknown): asserts report is Report {
  const version = typeof report === 'object' && report !== null ? (report as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version !== 2 && version !== 1) {
    throw expectedError('a Report (schemaVersion 2)', typeName(report));
  }
}

function valueAt(report: Report, path: readonly string[]): unknown {
  let at: unknown = report.sections;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

export function createView(given: Report, options: RenderOptions = {}): ReportView {
  checkReport(given);
  if (typeof options !== 'object' || options === null) {
    throw expectedError('render options (object)', typeName(options));
  }
  const report = relabelReport(given, options);
  const lang = reportLang(options.lang ?? report.lang);
  const m = messagesFor(lang);
  const sections = options.sections ?? defaultSections();
  const results = new Map<string, unknown>();
  for (const s of sections) {
    if (s.name === 'core') continue;
    const value = valueAt(report, s.at ?? [s.name]);
    results.set(s.name, value === undefined ? undefined : s.read ? s.read(value) : value);
  }
  const labels = new Map<string, string>();
  for (const ch of [report.all, ...report.channels]) {
    for (const list of [ch.themes, ch.concepts, ch.irritants, ch.enchantments, ch.intents]) {
      for (const e of list) if (!labels.has(e.id)) labels.set(e.id, e.label);
    }
  }
  const channels = new Map<string, string>([...report.channels.map((c) => [c.channel, c.label] as const), ['all', m.allChannels]]);
  const order = new Map(report.channels.map((c, i) => [c.channel, i]));
  const rank = (id: string): number => (id === 'all' ? Infinity : (order.get(id) ?? order.size));
  return {
    report,
    title: report.title ?? m.title,
    lang,
    m,
    sections,
    result: <R>(name: string): R | undefined => (name === 'core' ? (report as R) : (results.get(name) as R | undefined)),
    label: (id) => labels.get(id) ?? id,
    channelLabel: (id) => channels.get(id) ?? readableChannelLabel(id),
    byChannel: (items, channelOf) =>
      [...items].sort((a, b) => {
        const [x, y] = [channelOf(a), channelOf(b)];
        return rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0);
      }),
  };
}

/** Each section's result and render context, in list order. */
export function sectionsOfView<E extends object>(view: ReportView, extra: E): Array<{ section: Section; result: unknown; context: SectionRenderContext<unknown> & E }> {
  return view.sections.map((section) => ({
    section,
    result: view.result(section.name),
    context: { ...view, w: section.messages?.[view.lang], ...extra },
  }));
}

/** Blocks by `order` (default 500), ties in list order. */
export function ordered<B extends { order?: number }>(blocks: readonly B[]): B[] {
  return blocks
    .map((block, i) => ({ block, i }))
    .sort((a, b) => (a.block.order ?? 500) - (b.block.order ?? 500) || a.i - b.i)
    .map((x) => x.block);
}

/** A positive integer option, or a TypeError naming it. */
export function positiveOption(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw expectedError(`${name} to be a positive integer`, String(value));
  }
  return value;
}
