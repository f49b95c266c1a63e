/** The sections of the HTML report, each a function from the render context to HTML. */
import type { EntryKind, Tonality } from '../../../types.js';
import type { ChannelReport, RankedEntry, Report, ReportExample, ScoreSummary } from '../../types.js';
import type { EntryScore, KeyItem, KeynessChannel, ScoresResult } from '../../insight/index.js';
import {
  comparisonChart,
  heatmapChart,
  irritantChart,
  journeyChart,
  trendChart,
  type ChartFrame,
  type ChartLocale,
  type HeatCell,
  type IrritantRow,
  type JourneyBar,
  type TrendPoint,
} from './charts.js';
import { anchorId, escapeHtml, highlightText } from './escape.js';
import type { ChatView, InsightView } from './insight.js';
import type { HtmlWording, NumberFormats } from './wording.js';

export interface SectionContext {
  report: Report;
  w: HtmlWording;
  f: NumberFormats;
  insight: InsightView;
  /** Chat exchanges per conversation by channel id (`all` for all channels). */
  chat: ReadonlyMap<string, ChatView>;
  /** True when the report carries any insight result. */
  insightPresent: boolean;
  chartLocale: ChartLocale;
  /** Entry id → label. */
  labels: ReadonlyMap<string, string>;
  /** Channel id → label. */
  channelLabels: ReadonlyMap<string, string>;
  limits: { heatmapThemes: number; chartIrritants: number; trendSeries: number; keyItems: number };
}

export interface Section {
  /** Anchor of the section (stable across languages). */
  id: string;
  title: string;
  html: string;
}

const esc = escapeHtml;
const KINDS: ReadonlyArray<[EntryKind, 'themes' | 'concepts' | 'irritants' | 'enchantments' | 'intents']> = [
  ['theme', 'themes'],
  ['concept', 'concepts'],
  ['irritant', 'irritants'],
  ['enchantment', 'enchantments'],
  ['intent', 'intents'],
];
const TONALITIES: readonly Tonality[] = ['positif', 'negatif', 'neutre', 'mitige'];
/** Channels with fewer verbatims are not named in captions' "highest" findings when larger ones exist. */
const CAPTION_MIN_BASE = 10;

// ---------------------------------------------------------------- helpers

interface Cell {
  html: string;
  num?: boolean;
}

const cell = (html: string, num = false): Cell => (num ? { html, num } : { html });

function table(caption: string | null, head: Cell[], rows: Cell[][], foot?: Cell[], className = ''): string {
  const th = (c: Cell, scope: string) => `<th scope="${scope}"${c.num ? ' class="num"' : ''}>${c.html}</th>`;
  const td = (c: Cell, i: number) => (i === 0 ? th(c, 'row') : `<td${c.num ? ' class="num"' : ''}>${c.html}</td>`);
  return (
    `<div class="table-wrap"><table${className ? ` class="${className}"` : ''}>` +
    (caption !== null ? `<caption>${caption}</caption>` : '') +
    `<thead><tr>${head.map((c) => th(c, 'col')).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</tbody>` +
    (foot ? `<tfoot><tr>${foot.map(td).join('')}</tr></tfoot>` : '') +
    '</table></div>'
  );
}

const absent = (text: string): string => `<p class="absent">${esc(text)}</p>`;

function figure(ctx: SectionContext, id: string, svg: string, caption: string, data?: string): string {
  const details = data !== undefined ? `<details class="data"><summary>${esc(ctx.w.chartData)}</summary>${data}</details>` : '';
  return `<figure id="fig-${id}" aria-labelledby="cap-${id}">${svg}<figcaption id="cap-${id}">${caption}</figcaption>${details}</figure>`;
}

const frame = (ctx: SectionContext, key: string, description: string): ChartFrame => ({ key, description, locale: ctx.chartLocale });

const labelOf = (ctx: SectionContext, id: string): string => ctx.labels.get(id) ?? id;
const channelLabelOf = (ctx: SectionContext, id: string): string => ctx.channelLabels.get(id) ?? id;
const channelAxisLabel = (ctx: SectionContext, ch: ChannelReport): string => `${ch.label} (${ctx.f.num(ch.verbatims, 0)})`;

/** Channels large enough to be named in a finding, or all when none is. */
function solidChannels(channels: ChannelReport[]): ChannelReport[] {
  const solid = channels.filter((c) => c.verbatims >= CAPTION_MIN_BASE);
  return solid.length > 0 ? solid : channels;
}

function maxBy<T>(items: readonly T[], value: (item: T) => number | null): T | undefined {
  let best: T | undefined;
  let bestValue = -Infinity;
  for (const item of items) {
    const v = value(item);
    if (v !== null && v > bestValue) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}

function headlineName(w: HtmlWording, scale: ScoresResult['scale']): string {
  return scale.kind === 'nps' ? w.headline.nps : scale.kind === 'stars' || scale.kind === 'csat' ? w.headline.satisfied : w.headline.mean;
}

/** A channel score as plain text: the value and its base (`n = 97`), or null when nothing was scored. */
function scoreParts(ctx: SectionContext, s: ScoreSummary | null): { value: string; base: string } | null {
  const { w, f } = ctx;
  if (s === null || s.n === 0) return null;
  const base = w.base(f.num(s.n, 0));
  switch (s.scale) {
    case 'nps':
      return { value: w.scoreValue.nps(typeof s.nps === 'number' ? f.signed(s.nps, 0) : '—'), base };
    case 'stars':
      return { value: w.scoreValue.stars(f.num(s.mean, 1)), base };
    case 'mixed':
      return { value: w.scoreValue.mixed, base };
    default:
      return { value: w.scoreValue.mean(f.num(s.mean, 1)), base };
  }
}

function formatScore(ctx: SectionContext, s: ScoreSummary | null): string {
  const parts = scoreParts(ctx, s);
  return parts === null ? '—' : `${esc(parts.value)}<span class="sub">${esc(parts.base)}</span>`;
}

/** Exchanges per conversation of a channel's chat transcripts, or null when it has none. */
function exchangesOf(ctx: SectionContext, ch: ChannelReport): ChatView | null {
  const chat = ctx.chat.get(ch.channel);
  return chat !== undefined && chat.conversations > 0 ? chat : null;
}

// ---------------------------------------------------------------- 1. summary

export function summarySection(ctx: SectionContext): Section {
  const { report, w, f } = ctx;
  const s = report.summary;
  const figures: Array<[label: string, value: string, sub?: string]> = [
    [w.inputRows, f.num(s.inputRows, 0)],
    [w.analysed, f.num(s.analysed, 0)],
    [w.rejected, f.num(s.rejected, 0)],
    [w.channelCount, f.num(s.channels, 0)],
  ];
  if (s.period !== null) figures.push([w.period, w.periodValue(f.date(s.period.from), f.date(s.period.to))]);
  const scores = ctx.insight.scores;
  // With mixed scales the insight headline reads stars as NPS; the core report says "mixed" instead.
  // The insight scores may cover only the channels of the dominant scale: then the core report's "mixed" is the honest global figure.
  const coversAllScored =
    scores !== undefined && scores.channels.filter((c) => c.scored > 0).length >= report.channels.filter((c) => c.score !== null && c.score.n > 0).length;
  if (scores !== undefined && coversAllScored && !scores.mixedScales && scores.overall.scored > 0 && scores.overall.headline !== null) {
    const kind = scores.scale.kind;
    const value = kind === 'nps' ? w.scoreValue.nps(f.signed(scores.overall.headline, 0)) : kind === 'stars' || kind === 'csat' ? `${f.pctPoints(scores.overall.headline)} ${w.headline.satisfied.replace(/^(le|la) /, '').replace(/^% (de )?/, '')}` : w.scoreValue.mean(f.num(scores.overall.headline, 1));
    figures.push([w.overallScore, value, w.base(f.num(scores.overall.scored, 0))]);
  } else if (report.all.score !== null && report.all.score.n > 0) {
    const parts = scoreParts(ctx, report.all.score);
    if (parts !== null) figures.push([w.overallScore, parts.value, parts.base]);
  }
  const dd = (v: string, sub?: string) => `<dd>${esc(v)}${sub !== undefined ? `<span class="sub">${esc(sub)}</span>` : ''}</dd>`;
  let html = `<dl class="figures">${figures.map(([k, v, sub]) => `<div><dt>${esc(k)}</dt>${dd(v, sub)}</div>`).join('')}</dl>`;
  html += s.maskedPersonalData ? `<p class="note">${esc(w.maskedYes)}</p>` : `<p class="warning" role="note">${esc(w.maskedNo)}</p>`;
  if (s.approximate) html += `<p class="note">${esc(w.approximate)}</p>`;
  if (s.rejected > 0) {
    const reasons = table(
      null,
      [cell(esc(w.reason)), cell(esc(w.rejected), true)],
      s.rejectsByReason.map((r) => [cell(esc(r.reason)), cell(f.num(r.count, 0), true)]),
    );
    const first =
      s.firstRejects.length > 0
        ? table(
            esc(w.firstRejects),
            [cell(esc(w.file)), cell(esc(w.row), true), cell(esc(w.line), true), cell(esc(w.reason)), cell(esc(w.hint))],
            s.firstRejects.map((r) => [
              cell(esc(r.source.file)),
              cell(f.num(r.source.row, 0), true),
              cell(r.source.line !== undefined ? f.num(r.source.line, 0) : '—', true),
              cell(esc(r.reason)),
              cell(esc(r.hint)),
            ]),
          )
        : '';
    html += `<details class="more"><summary>${esc(w.rejectReasons)}</summary>${reasons}${first}</details>`;
  }
  return { id: 'synthese', title: w.sections.summary, html };
}

// ---------------------------------------------------------------- 2. channel table

function toneBar(ctx: SectionContext, ch: ChannelReport): string {
  const { w, f } = ctx;
  const parts = TONALITIES.map((t) => [t, ch.tonality[t]?.share ?? null] as const);
  const spoken = parts.map(([t, share]) => `${w.tonalities[t]} ${f.pct(share)}`).join(', ');
  const bar = parts.map(([t, share]) => (share !== null && share > 0 ? `<span class="${t}" style="width:${(share * 100).toFixed(1)}%"></span>` : '')).join('');
  const short = parts.map(([, share]) => f.pct(share)).join(' · ');
  return `<span class="tone-text" aria-hidden="true">${esc(short)}</span><span class="tone" aria-hidden="true">${bar}</span><span class="visually-hidden">${esc(spoken)}</span>`;
}

export function channelTableSection(ctx: SectionContext): Section {
  const { report, w, f } = ctx;
  const withExchanges = [...report.channels, report.all].some((ch) => exchangesOf(ctx, ch) !== null);
  const toneLegend = TONALITIES.map((t) => w.tonalities[t]).join(' · ');
  const head = [
    cell(esc(w.channel)),
    cell(esc(w.verbatims), true),
    cell(`${esc(w.wordsPerVerbatim)}<span class="sub">${esc(`${w.mean} / ${w.median}`)}</span>`, true),
    cell(`${esc(w.conceptsPerVerbatim)}<span class="sub">${esc(`${w.mean} / ${w.median}`)}</span>`, true),
    cell(esc(w.withIrritant), true),
    cell(esc(w.withEnchantment), true),
    cell(`${esc(w.tonality)}<span class="sub">${esc(toneLegend)}</span>`),
    cell(esc(w.score), true),
  ];
  if (withExchanges) head.push(cell(`${esc(w.exchanges)}<span class="sub">${esc(`${w.mean} / ${w.median}`)}</span>`, true));
  const row = (ch: ChannelReport, label: string): Cell[] => {
    const cells = [
      cell(esc(label)),
      cell(f.num(ch.verbatims, 0), true),
      cell(`${f.num(ch.wordsPerVerbatim.mean, 1)}<span class="sub">${f.num(ch.wordsPerVerbatim.median, 0)}</span>`, true),
      cell(`${f.num(ch.conceptsPerVerbatim.mean, 1)}<span class="sub">${f.num(ch.conceptsPerVerbatim.median, 0)}</span>`, true),
      cell(f.pct(ch.withIrritant.share), true),
      cell(f.pct(ch.withEnchantment.share), true),
      cell(toneBar(ctx, ch)),
      cell(formatScore(ctx, ch.score), true),
    ];
    if (withExchanges) {
      const chat = exchangesOf(ctx, ch);
      cells.push(cell(chat === null ? '—' : `${f.num(chat.mean, 1)}<span class="sub">${f.num(chat.median, 0)} · ${esc(w.conversations(f.num(chat.conversations, 0), chat.conversations))}</span>`, true));
    }
    return cells;
  };
  const html =
    report.channels.length === 0
      ? absent(w.absent.noVerbatims)
      : table(null, head, report.channels.map((ch) => row(ch, ch.label)), row(report.all, w.allChannels), 'channels');
  return { id: 'canaux', title: w.sections.channels, html };
}

// ---------------------------------------------------------------- 3. comparison chart

export function comparisonSection(ctx: SectionContext): Section {
  const { report, w, f } = ctx;
  const id = 'comparaison';
  const title = w.sections.comparison;
  const channels = report.channels.filter((c) => c.verbatims > 0);
  if (channels.length === 0) return { id, title, html: absent(w.absent.noVerbatims) };
  const rows = channels.map((ch) => ({
    channel: channelAxisLabel(ctx, ch),
    words: ch.wordsPerVerbatim.mean,
    concepts: ch.conceptsPerVerbatim.mean,
    irritant: ch.withIrritant.share,
    wordsText: f.num(ch.wordsPerVerbatim.mean, 1),
    conceptsText: f.num(ch.conceptsPerVerbatim.mean, 1),
    irritantText: f.pct(ch.withIrritant.share),
  }));
  const solid = solidChannels(channels);
  const longest = maxBy(solid, (c) => c.wordsPerVerbatim.mean);
  const richest = maxBy(solid, (c) => c.conceptsPerVerbatim.mean);
  const finding =
    longest && richest
      ? w.captions.comparison(longest.label, f.num(longest.wordsPerVerbatim.mean, 1), richest.label, f.num(richest.conceptsPerVerbatim.mean, 1))
      : '';
  const svg = comparisonChart(
    rows,
    { words: `${w.wordsPerVerbatim} (${w.mean})`, concepts: `${w.conceptsPerVerbatim} (${w.mean})`, irritant: w.withIrritant },
    frame(ctx, id, `${title}. ${finding}`),
  );
  return { id, title, html: figure(ctx, id, svg, `${esc(finding)} <span class="note">${esc(w.captions.comparisonNote)}</span>`) };
}

// ---------------------------------------------------------------- 4. heat map

export function heatmapSection(ctx: SectionContext): Section {
  const { report, w, f } = ctx;
  const id = 'themes';
  const title = w.sections.heatmap;
  const channels = report.channels.filter((c) => c.verbatims > 0);
  const themes = report.all.themes.filter((t) => t.verbatims > 0).slice(0, ctx.limits.heatmapThemes);
  if (channels.length === 0) return { id, title, html: absent(w.absent.noVerbatims) };
  if (themes.length === 0) return { id, title, html: absent(w.absent.noThemes) };
  const shareIn = (ch: ChannelReport, theme: string): number => {
    const entry = ch.themes.find((t) => t.id === theme);
    return entry?.share ?? (ch.verbatims > 0 ? (entry?.verbatims ?? 0) / ch.verbatims : 0);
  };
  const cells: HeatCell[] = [];
  for (const theme of themes) {
    for (const ch of channels) {
      const share = shareIn(ch, theme.id);
      cells.push({ theme: theme.label, channel: channelAxisLabel(ctx, ch), share, label: f.pct(share) });
    }
  }
  const top = themes[0] as RankedEntry;
  let best: { theme: string; channel: string; share: number } | undefined;
  for (const ch of solidChannels(channels)) {
    for (const theme of themes) {
      const share = shareIn(ch, theme.id);
      if (best === undefined || share > best.share) best = { theme: theme.label, channel: ch.label, share };
    }
  }
  let finding = best ? w.captions.heatmap(top.label, f.pct(top.share), best.theme, best.channel, f.pct(best.share)) : '';
  if (channels.some((c) => c.verbatims < CAPTION_MIN_BASE)) finding += ` ${w.smallBases(f.num(CAPTION_MIN_BASE, 0))}`;
  const svg = heatmapChart(
    cells,
    themes.map((t) => t.label),
    channels.map((c) => channelAxisLabel(ctx, c)),
    w.shareOfVerbatims,
    frame(ctx, id, `${title}. ${finding}`),
  );
  const data = table(
    null,
    [cell(esc(w.theme)), ...channels.map((c) => cell(esc(c.label), true)), cell(esc(w.allChannels), true)],
    themes.map((t) => [cell(esc(t.label)), ...channels.map((c) => cell(f.pct(shareIn(c, t.id)), true)), cell(f.pct(t.share), true)]),
  );
  return { id, title, html: figure(ctx, id, svg, esc(finding), data) };
}

// ---------------------------------------------------------------- 5. irritants

export function irritantSection(ctx: SectionContext): Section {
  const { report, w, f, insight } = ctx;
  const id = 'irritants';
  const title = w.sections.irritants;
  const irritants = report.all.irritants.filter((e) => e.verbatims > 0);
  if (report.summary.analysed === 0) return { id, title, html: absent(w.absent.noVerbatims) };
  if (irritants.length === 0) return { id, title, html: absent(w.absent.noIrritants) };

  const scores = insight.scores !== undefined && insight.scores.overall.scored > 0 ? insight.scores : undefined;
  let note = scores?.mixedScales === true ? `<p class="warning" role="note">${esc(w.mixedScales)}</p>` : '';
  // Score impact covers the channels of one scale only (stars and NPS are never pooled): say which.
  const scoredChannels = (scores?.channels ?? []).filter((c) => c.scored > 0).map((c) => channelLabelOf(ctx, c.channel));
  const allScored = report.channels.filter((c) => c.score !== null && c.score.n > 0).length;
  if (scores !== undefined && scores.mixedScales !== true && scoredChannels.length > 0 && scoredChannels.length < allScored) {
    note += `<p class="note" role="note">${esc(w.scoredChannels(scoredChannels, scores.overall.scored))}</p>`;
  }
  if (scores === undefined) {
    const anyScore = report.all.score !== null && report.all.score.n > 0;
    note = absent(insight.scores === undefined && anyScore ? w.absent.noScoreInsight : w.absent.noScores);
  }
  const byId = new Map<string, EntryScore>((scores?.entries.irritant ?? []).map((e) => [e.id, e]));
  // The scores ranking (most harmful first, low bases last) leads; unscored irritants follow by frequency.
  const rank = new Map<string, number>((scores?.entries.irritant ?? []).map((e, i) => [e.id, i]));
  const ordered = [...irritants].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || b.verbatims - a.verbatims);
  const headline = scores ? headlineName(w, scores.scale) : null;

  const rows: IrritantRow[] = ordered.slice(0, ctx.limits.chartIrritants).map((e) => {
    const s = byId.get(e.id);
    return { irritant: e.label, share: e.share ?? 0, shareText: f.pct(e.share), impact: s?.impact ?? null, lowBase: s?.lowBase === true };
  });
  const topShare = maxBy(irritants, (e) => e.share) as RankedEntry;
  let finding = w.captions.irritants(topShare.label, f.pct(topShare.share));
  const worst = scores ? scores.entries.irritant.find((e) => !e.lowBase && e.impact !== null && e.impact < 0) : undefined;
  if (worst && headline !== null) finding += ` ${w.captions.irritantImpact(labelOf(ctx, worst.id), f.signed(worst.impact, 1), headline)}`;
  const svg = irritantChart(rows, { share: w.shareOfVerbatims, impact: headline !== null ? w.impact(headline) : null }, frame(ctx, id, `${title}. ${finding}`));
  const anyLowBase = ordered.some((e) => byId.get(e.id)?.lowBase === true);
  const caption =
    esc(finding) +
    (headline !== null ? ` <span class="note">${esc(w.captions.impactNote(headline))}${anyLowBase ? ` ${esc(w.lowBaseNote)}` : ''}</span>` : '');

  const head = [cell(esc(w.irritant)), cell(esc(w.theme)), cell(esc(w.verbatims), true), cell(esc(w.share), true)];
  if (headline !== null) head.push(cell(esc(w.impact(headline)), true), cell(esc(w.meanGap), true), cell(esc(w.amongDetractors), true));
  const body = ordered.map((e) => {
    const s = byId.get(e.id);
    const low = s?.lowBase ? ` <span class="tag">${esc(w.lowBase)}</span>` : '';
    const cells = [
      cell(`<a href="#${anchorId('ex', 'irritant', e.id)}">${esc(e.label)}</a>${low}`),
      cell(esc(e.theme !== undefined ? labelOf(ctx, e.theme) : '—')),
      cell(f.num(e.verbatims, 0), true),
      cell(f.pct(e.share), true),
    ];
    if (headline !== null) {
      const impact = s?.impact ?? null;
      const cls = impact === null ? '' : impact < 0 ? ' class="neg"' : impact > 0 ? ' class="pos"' : '';
      cells.push(cell(`<span${cls}>${f.signed(impact, 1)}</span>`, true), cell(f.signed(s?.meanGap ?? null, 1), true), cell(f.pctPoints(s?.amongDetractors ?? null), true));
    }
    return cells;
  });
  return { id, title, html: note + figure(ctx, id, svg, caption) + table(null, head, body) };
}

// ---------------------------------------------------------------- 6. trends

export function trendsSection(ctx: SectionContext): Section {
  const { w, f, insight } = ctx;
  const id = 'evolution';
  const title = w.sections.trends;
  const trends = insight.trends;
  if (trends === undefined) return { id, title, html: absent(w.absent.noInsight) };
  if (trends.periods.length === 0) return { id, title, html: absent(w.absent.noDates) };
  if (trends.periods.length === 1) return { id, title, html: absent(w.absent.onePeriod(f.period(trends.periods[0] as string))) };

  const periods = trends.periods.map((p) => f.period(p));
  const range = `${periods[0] as string} – ${periods[periods.length - 1] as string}`;
  const total = (counts: number[]) => counts.reduce((s, c) => s + c, 0);
  const chart = (kind: 'theme' | 'irritant', heading: string, key: string): string => {
    const series = trends.entries
      .filter((s) => s.kind === kind && total(s.counts) > 0)
      .sort((a, b) => total(b.counts) - total(a.counts) || (a.id < b.id ? -1 : 1))
      .slice(0, ctx.limits.trendSeries);
    if (series.length === 0) return `<h3>${esc(heading)}</h3>${absent(kind === 'theme' ? w.absent.noThemes : w.absent.noIrritants)}`;
    const items = series.map((s) => labelOf(ctx, s.id));
    const points: TrendPoint[] = series.flatMap((s, i) =>
      s.shares.map((share, p) => ({ period: periods[p] as string, item: items[i] as string, share: share === null ? null : share / 100 })),
    );
    const caption = w.captions.trends(heading, range);
    const svg = trendChart(points, periods, items, { period: w.periodAxis, share: w.shareOfVerbatims }, frame(ctx, `${id}-${key}`, caption));
    const data = table(
      null,
      [cell(esc(w.periodAxis)), cell(esc(w.verbatims), true), ...items.map((i) => cell(esc(i), true))],
      periods.map((p, pi) => [cell(esc(p)), cell(f.num(trends.verbatims[pi] ?? 0, 0), true), ...series.map((s) => cell(f.pctPoints(s.shares[pi] ?? null), true))]),
    );
    return `<h3>${esc(heading)}</h3>${figure(ctx, `${id}-${key}`, svg, `${esc(caption)} <span class="note">${esc(w.captions.trendsNote)}</span>`, data)}`;
  };
  let html = chart('theme', w.trendThemes, 'themes') + chart('irritant', w.trendIrritants, 'irritants');
  if (trends.undated > 0) html += `<p class="note">${esc(undatedNote(w, f.num(trends.undated, 0)))}</p>`;
  if (trends.compared !== null && (trends.risers.length > 0 || trends.fallers.length > 0)) {
    const [a, b] = trends.compared;
    const moves = (heading: string, list: typeof trends.risers) =>
      list.length === 0
        ? ''
        : table(
            `${esc(heading)} (${esc(f.period(a))} → ${esc(f.period(b))})`,
            [cell(esc(w.term)), cell(esc(f.period(a)), true), cell(esc(f.period(b)), true), cell(esc(w.change), true)],
            list.map((m) => [cell(`${esc(labelOf(ctx, m.id))} <span class="tag">${esc(w.kindOne[m.kind])}</span>`), cell(f.pctPoints(m.from.share), true), cell(f.pctPoints(m.to.share), true), cell(f.signed(m.change, 1), true)]),
          );
    html += `<div class="columns">${moves(w.risers, trends.risers)}${moves(w.fallers, trends.fallers)}</div>`;
  }
  return { id, title, html };
}

function undatedNote(w: HtmlWording, n: string): string {
  return w.locale.startsWith('fr') ? `${n} verbatim(s) sans date ne figurent pas dans ces courbes.` : `${n} undated verbatim(s) are left out of these lines.`;
}

// ---------------------------------------------------------------- 7. keyness

function keyTable(ctx: SectionContext, caption: string, items: KeyItem[], concept: boolean): string {
  const { w, f } = ctx;
  if (items.length === 0) return '';
  const unit = concept ? w.perHundred : w.perThousand;
  return table(
    esc(caption),
    [cell(esc(w.term)), cell(`${esc(w.inChannel)}<span class="sub">${esc(unit)}</span>`, true), cell(`${esc(w.inOthers)}<span class="sub">${esc(unit)}</span>`, true), cell(esc(w.g2), true)],
    items
      .slice(0, ctx.limits.keyItems)
      .map((item) => [
        cell(concept ? `${esc(labelOf(ctx, item.key))}${item.entryKind ? ` <span class="tag">${esc(w.kindOne[item.entryKind])}</span>` : ''}` : esc(item.key)),
        cell(f.num(item.rate, 1), true),
        cell(f.num(item.otherRate, 1), true),
        cell(f.num(item.g2, 1), true),
      ]),
  );
}

export function keynessSection(ctx: SectionContext): Section {
  const { report, w, f, insight } = ctx;
  const id = 'specificites';
  const title = w.sections.keyness;
  const keyness = insight.keyness;
  if (keyness === undefined) return { id, title, html: absent(w.absent.noInsight) };
  const maxP = f.num(keyness.threshold.maxP, keyness.threshold.maxP < 0.01 ? 3 : 2);
  if (keyness.channels.filter((c) => c.verbatims > 0).length < 2) return { id, title, html: absent(w.absent.oneChannel) };
  const order = new Map(report.channels.map((c, i) => [c.channel, i]));
  const channels = [...keyness.channels].sort((a, b) => (order.get(a.channel) ?? Infinity) - (order.get(b.channel) ?? Infinity) || (a.channel < b.channel ? -1 : 1));
  const count = (c: KeynessChannel) => c.word.over.length + c.word.under.length + c.concept.over.length + c.concept.under.length;
  if (channels.every((c) => count(c) === 0)) return { id, title, html: absent(w.absent.noKeyItems(maxP)) };
  let first = true;
  const blocks = channels
    .filter((c) => count(c) > 0)
    .map((c) => {
      const side = (heading: string, which: 'over' | 'under') => {
        const inner = keyTable(ctx, `${heading} — ${w.concepts}`, c.concept[which], true) + keyTable(ctx, `${heading} — ${w.words}`, c.word[which], false);
        return `<div>${inner || `<p class="note">${esc(heading)} : —</p>`}</div>`;
      };
      const summary = `${esc(channelLabelOf(ctx, c.channel))} <span class="count">— ${esc(w.verbatimCount(f.num(c.verbatims, 0), c.verbatims))}</span>`;
      const open = first ? ' open' : '';
      first = false;
      return `<details class="channel-key" id="${anchorId('key', c.channel)}"${open}><summary>${summary}</summary><div class="columns">${side(w.over, 'over')}${side(w.under, 'under')}</div></details>`;
    })
    .join('');
  return { id, title, html: `<p class="note">${esc(w.captions.keynessNote(maxP))}</p>${blocks}` };
}

// ---------------------------------------------------------------- 8. journey

export function journeySection(ctx: SectionContext): Section {
  const { w, f, insight } = ctx;
  const id = 'parcours';
  const title = w.sections.journey;
  const journey = insight.journey;
  if (journey === undefined) return { id, title, html: absent(w.absent.noInsight) };
  const stages = ['avant', 'pendant', 'apres', 'inconnu'] as const;
  const families = [
    [w.kinds.irritant, journey.overall.irritant],
    [w.kinds.enchantment, journey.overall.enchantment],
  ] as const;
  if (families.every(([, s]) => s.mentions === 0)) return { id, title, html: absent(w.absent.noJourney) };
  const stageLabels = stages.map((s) => w.stages[s]);
  const bars: JourneyBar[] = families.flatMap(([family, shares]) =>
    stages.map((stage, order) => ({ family: `${family} (${f.num(shares.mentions, 0)})`, stage: w.stages[stage], order, share: shares.stages[stage]?.count ?? 0 })),
  );
  const apres = journey.overall.irritant.stages.apres?.share ?? null;
  const finding = journey.overall.irritant.mentions > 0 ? w.captions.journey(f.pctPoints(apres)) : '';
  const svg = journeyChart(bars, stageLabels, w.mentions, frame(ctx, id, `${title}. ${finding}`));
  const data = table(
    null,
    [cell(''), ...stages.map((s) => cell(esc(w.stages[s]), true)), cell(esc(w.mentions), true)],
    families.map(([family, shares]) => [cell(esc(family)), ...stages.map((s) => cell(f.pctPoints(shares.stages[s]?.share ?? null), true)), cell(f.num(shares.mentions, 0), true)]),
  );
  return { id, title, html: figure(ctx, id, svg, esc(finding), data) };
}

// ---------------------------------------------------------------- 9. examples

function exampleItem(ctx: SectionContext, example: ReportExample): string {
  const { w, f } = ctx;
  const meta = [channelLabelOf(ctx, example.channel)];
  if (example.date !== undefined) meta.push(f.date(example.date));
  if (typeof example.score === 'number') meta.push(`${w.exampleMeta.score} ${f.num(example.score, Number.isInteger(example.score) ? 0 : 1)}`);
  return `<li><blockquote>${highlightText(example.text, example.highlights)}</blockquote><span class="meta">${esc(meta.join(' · '))}</span></li>`;
}

export function examplesSection(ctx: SectionContext): Section {
  const { report, w, f } = ctx;
  const id = 'exemples';
  const title = w.sections.examples;
  const groups = KINDS.map(([kind, field]) => [kind, report.all[field].filter((e) => e.verbatims > 0)] as const).filter(([, entries]) => entries.length > 0);
  if (groups.length === 0) return { id, title, html: absent(report.summary.analysed === 0 ? w.absent.noVerbatims : w.absent.noEntries) };
  const note = `${w.captions.examplesNote}${report.summary.maskedPersonalData ? ` ${w.captions.maskedExamples}` : ''}`;
  const html = groups
    .map(([kind, entries]) => {
      const items = entries
        .map((e) => {
          const count = `— ${w.verbatimCount(f.num(e.verbatims, 0), e.verbatims)} · ${f.pct(e.share)}`;
          const list = e.examples.length > 0 ? `<ul class="examples">${e.examples.map((x) => exampleItem(ctx, x)).join('')}</ul>` : `<p class="note">${esc(w.noExamples)}</p>`;
          return `<details class="entry" id="${anchorId('ex', kind, e.id)}"><summary>${esc(e.label)} <span class="count">${esc(count)}</span></summary>${list}</details>`;
        })
        .join('');
      return `<h3 id="${anchorId('ex', kind)}">${esc(w.kinds[kind])} <span class="count">(${entries.length})</span></h3>${items}`;
    })
    .join('');
  return { id, title, html: `<p class="note">${esc(note)}</p>${html}` };
}
