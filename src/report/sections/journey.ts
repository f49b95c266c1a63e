// Customer journey (`report.sections.insight.journey`): irritant and enchantment
// mentions by stage (before, during, after the purchase), per channel and overall.
import {
  addJourney,
  emptyJourneyState,
  finalizeJourney,
  JOURNEY_STAGES,
  mergeJourney,
  mergeJourneyChannels,
  type JourneyResult,
  type JourneyState,
  type StageShares,
} from '../insight/journey.js';
import type { JourneyBar } from '../renderers/html/charts.js';
import { escapeHtml as esc } from '../renderers/html/escape.js';
import { absent, cell, chartFrame, figure, table, loadCharts, type Charts } from '../renderers/html/kit.js';
import { capitalize, formatPoints, mdTable } from '../renderers/text.js';
import type { CsvRow, HtmlBlock, HtmlContext, MarkdownContext } from '../renderers/view.js';
import type { Section } from '../section.js';

export interface JourneyWording {
  title: string;
  byChannel: string;
  mentions: string;
  family: string;
  notComputed: string;
  noMentions: string;
  html: {
    noMentions: string;
    caption(apres: string): string;
  };
}

const messages: Record<'fr' | 'en', JourneyWording> = {
  fr: {
    title: 'Parcours client',
    byChannel: 'Irritants par étape, par canal',
    mentions: 'Mentions',
    family: 'Famille',
    notComputed: 'L’analyse du parcours client n’a pas été calculée pour ce rapport.',
    noMentions: 'Aucun irritant ni enchantement rattaché à une étape du parcours.',
    html: {
      noMentions: 'Aucun irritant ni enchantement rattaché à une étape du parcours.',
      caption: (a) => `${a} des irritants cités portent sur l’après-achat.`,
    },
  },
  en: {
    title: 'Customer journey',
    byChannel: 'Irritants by stage, per channel',
    mentions: 'Mentions',
    family: 'Family',
    notComputed: 'The customer journey analysis was not computed for this report.',
    noMentions: 'No irritant or enchantment attached to a journey stage.',
    html: {
      noMentions: 'No irritant or enchantment attached to a journey stage.',
      caption: (a) => `${a} of irritant mentions are about after the purchase.`,
    },
  },
};

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStageShares = (v: unknown): v is StageShares => isDict(v) && typeof v.mentions === 'number' && isDict(v.stages);
const isJourneyResult = (v: unknown): v is JourneyResult =>
  isDict(v) && isDict(v.overall) && isStageShares(v.overall.irritant) && isStageShares(v.overall.enchantment) && Array.isArray(v.channels);

const stageCount = (s: StageShares, stage: string): number => {
  const c = (s.stages as Record<string, { count?: unknown } | undefined>)[stage]?.count;
  return typeof c === 'number' ? c : 0;
};
const stageShare = (s: StageShares, stage: string): number | null => {
  const x = (s.stages as Record<string, { share?: unknown } | undefined>)[stage]?.share;
  return typeof x === 'number' ? x : null;
};

export function journeySection(): Section<JourneyState, JourneyResult, JourneyWording> {
  return {
    name: 'journey',
    at: ['insight', 'journey'],
    init: emptyJourneyState,
    add(state, analysis) {
      addJourney(state, analysis);
      return state;
    },
    merge: mergeJourney,
    mergeChannels: mergeJourneyChannels,
    finalize: (state, { meta }) => finalizeJourney(state, { entries: meta.entries ?? {} }),
    read: (value) => (isJourneyResult(value) ? value : undefined),
    messages,
    render: {
      md: (j, ctx) => [{ lines: journeyLines(j, ctx) }],
      html: async (j, ctx) => [journeyBlock(j, ctx, await loadCharts())],
      csv: (j, ctx) => (j === undefined ? [] : journeyRows(j, ctx.m.stages)),
    },
  };
}

function journeyLines(j: JourneyResult | undefined, ctx: MarkdownContext<JourneyWording>): string[] {
  const { w, m, lang } = ctx;
  const out = [`## ${w.title}`, ''];
  if (j === undefined) return [...out, w.notComputed, ''];
  const overall = [
    [capitalize(m.text.lists.irritant), j.overall.irritant],
    [capitalize(m.text.lists.enchantment), j.overall.enchantment],
  ] as const;
  if (overall.every(([, s]) => s.mentions === 0)) return [...out, w.noMentions, ''];
  const stages = JOURNEY_STAGES.filter((stage) => stage !== 'inconnu' || overall.some(([, s]) => stageCount(s, stage) > 0));
  const line = (s: StageShares): string[] => [...stages.map((stage) => `${formatPoints(stageShare(s, stage), lang)} (${stageCount(s, stage)})`), String(s.mentions)];
  const head = (first: string) => [first, ...stages.map((s) => m.stages[s] ?? s), w.mentions];
  const right = [false, ...stages.map(() => true), true];
  out.push(...mdTable(head(w.family), right, overall.map(([family, s]) => [family, ...line(s)])), '');
  const rows: Array<{ channel: string; irritant: StageShares }> = [];
  for (const c of j.channels as unknown[]) {
    if (isDict(c) && typeof c.channel === 'string' && isStageShares(c.irritant) && c.irritant.mentions > 0) rows.push({ channel: c.channel, irritant: c.irritant });
  }
  const channels = ctx.byChannel(rows, (c) => c.channel);
  if (channels.length > 1) {
    out.push(`### ${w.byChannel}`, '', ...mdTable(head(m.channel), right, channels.map((c) => [ctx.channelLabel(c.channel), ...line(c.irritant)])), '');
  }
  return out;
}

function journeyBlock(journey: JourneyResult | undefined, ctx: HtmlContext<JourneyWording>, { journeyChart }: Charts): HtmlBlock {
  const { w, m, f } = ctx;
  const id = 'parcours';
  const title = w.title;
  const block = (html: string): HtmlBlock => ({ order: 530, id, title, html });
  if (journey === undefined) return block(absent(m.html.absent.noInsight));
  const families = [
    [m.html.kinds.irritant, journey.overall.irritant],
    [m.html.kinds.enchantment, journey.overall.enchantment],
  ] as const;
  if (families.every(([, s]) => s.mentions === 0)) return block(absent(w.html.noMentions));
  const stageLabels = JOURNEY_STAGES.map((s) => m.stages[s]);
  const bars: JourneyBar[] = families.flatMap(([family, shares]) =>
    JOURNEY_STAGES.map((stage, order) => ({ family: `${family} (${f.num(shares.mentions, 0)})`, stage: m.stages[stage], order, share: stageCount(shares, stage) })),
  );
  const apres = stageShare(journey.overall.irritant, 'apres');
  const finding = journey.overall.irritant.mentions > 0 ? w.html.caption(f.pctPoints(apres)) : '';
  const svg = journeyChart(bars, stageLabels, w.mentions, chartFrame(ctx, id, `${title}. ${finding}`));
  const data = table(
    null,
    [cell(''), ...JOURNEY_STAGES.map((s) => cell(esc(m.stages[s]), true)), cell(esc(w.mentions), true)],
    families.map(([family, shares]) => [cell(esc(family)), ...JOURNEY_STAGES.map((s) => cell(f.pctPoints(stageShare(shares, s)), true)), cell(f.num(shares.mentions, 0), true)]),
  );
  return block(figure(m, id, svg, esc(finding), data));
}

const round = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : Math.round(x * 100) / 100);

function journeyRows(j: JourneyResult, names: Record<string, string>): CsvRow[] {
  const rows: CsvRow[] = [];
  const breakdown = (channel: string, family: 'irritant' | 'enchantment', s: StageShares): void => {
    if (!isStageShares(s)) return;
    for (const stage of JOURNEY_STAGES) {
      const label = names[stage] ?? stage;
      rows.push({ section: `journey_${family}`, channel, key: stage, label, metric: 'mentions', value: stageCount(s, stage) });
      rows.push({ section: `journey_${family}`, channel, key: stage, label, metric: 'pct', value: round(stageShare(s, stage)) });
    }
  };
  breakdown('all', 'irritant', j.overall.irritant);
  breakdown('all', 'enchantment', j.overall.enchantment);
  for (const c of j.channels as unknown[]) {
    if (!isDict(c) || typeof c.channel !== 'string') continue;
    breakdown(c.channel, 'irritant', c.irritant as StageShares);
    breakdown(c.channel, 'enchantment', c.enchantment as StageShares);
  }
  return rows;
}
