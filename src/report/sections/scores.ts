// Scores behind the words (`report.sections.insight.scores`): NPS / % satisfied per
// channel and entry, and the impact of each irritant and enchantment on the headline figure.
import { ENTRY_KINDS } from '../../types.js';
import {
  addScores,
  emptyScoresState,
  finalizeScoresByScale,
  mergeScores,
  mergeScoresChannels,
  type EntryScore,
  type Interval,
  type ScaleScores,
  type ScoreFigures,
  type ScoresOptions,
  type ScoresResult,
  type ScoresState,
} from '../insight/scores.js';
import type { IrritantRow } from '../renderers/html/charts.js';
import { anchorId, escapeHtml as esc } from '../renderers/html/escape.js';
import { absent, cell, chartFrame, figure, maxBy, table, loadCharts, type Charts } from '../renderers/html/kit.js';
import { capitalize, formatNumber, formatPoints, formatSigned, mdCell, mdTable, padEnd, padStart, truncate } from '../renderers/text.js';
import type { CsvRow, HtmlContext, MarkdownContext } from '../renderers/view.js';
import { dict, mergeRecordInto, mergeRecords, own } from '../counts.js';
import type { Section } from '../section.js';
import type { RankedEntry } from '../types.js';

/** Score figures per channel: channels on different scales (stars, NPS) are not pooled. */
export type ScoresSectionState = Record<string, ScoresState>;

/** Settings of the score analysis (the scale is the report's `scoreScale`). */
export type ScoresSectionOptions = Omit<ScoresOptions, 'scale'>;

export interface ScoresWording {
  scoreImpact: string;
  scale: string;
  overallScore: string;
  scaleNames: Record<string, string>;
  /** Name of the headline figure in tables. */
  headline: { nps: string; satisfied: string; mean: string };
  mixedScales: string;
  /** Several scales: each has its own impacts, side by side. */
  byScale: string;
  scales: string;
  /** `NPS (0–10) : Enquête, NPS` */
  scaleChannels(scale: string, channels: string[]): string;
  /** An interval's bounds: `[−1,1 ; −0,5]`. */
  interval(low: string, high: string): string;
  /** Marks an impact whose interval holds 0. */
  notSignificant: string;
  ciNote: string;
  irritantsByImpact: string;
  enchantmentsByImpact: string;
  impactPts: string;
  withEntry: string;
  withoutEntry: string;
  meanGap: string;
  base: string;
  lowBase: string;
  impactNote(headline: string): string;
  noScoreInsight: string;
  noScores: string;
  noScoredEntries: string;
  segments: string;
  segmentNote(kind: string): string;
  amongDetractors: string;
  amongPromoters: string;
  amongDissatisfied: string;
  amongSatisfied: string;
  gapPts: string;
  noSegments: string;
  /** The HTML page's irritants section. */
  html: {
    title: string;
    irritant: string;
    impact(headline: string): string;
    meanGap: string;
    amongDetractors: string;
    mixedScales: string;
    scoredChannels(channels: string[], scored: number): string;
    lowBaseNote: string;
    noScores: string;
    noScoreInsight: string;
    caption(top: string, share: string): string;
    worst(worst: string, impact: string, headline: string): string;
    impactNote(headline: string): string;
    byScale: string;
    /** Column of a scale's impacts: `Impact sur NPS (points) — NPS (0–10)`. */
    scaleColumn(impact: string, scale: string): string;
  };
}

const messages: Record<'fr' | 'en', ScoresWording> = {
  fr: {
    scoreImpact: 'Impact sur le score',
    scale: 'Échelle',
    overallScore: 'Score global',
    scaleNames: { nps: 'NPS (0–10)', stars: 'étoiles (1–5)', csat: 'CSAT', ces: 'CES (effort)', unknown: 'inconnue' },
    headline: { nps: 'NPS', satisfied: '% satisfaits', mean: 'moyenne' },
    mixedScales: 'Attention : les canaux notent sur des échelles différentes ; comparez les impacts entre eux plutôt qu’en valeur absolue.',
    byScale:
      'Les canaux notent sur des échelles différentes : chaque échelle a ses propres impacts, calculés sur ses seuls canaux et présentés côte à côte (NPS en points de NPS, étoiles en points de % satisfaits et en étoiles). Comparez les impacts dans une colonne, pas d’une colonne à l’autre.',
    scales: 'Échelles',
    scaleChannels: (scale, channels) => `${scale} : ${channels.join(', ')}`,
    interval: (lo, hi) => `[${lo} ; ${hi}]`,
    notSignificant: 'n.s.',
    ciNote: 'Entre crochets, l’intervalle de confiance à 95 % (approximation normale, erreur type de Welch) ; « n.s. » : l’intervalle contient 0, l’impact n’est pas significatif.',
    irritantsByImpact: 'Irritants classés par impact sur le score',
    enchantmentsByImpact: 'Enchantements classés par impact sur le score',
    impactPts: 'Impact (pts)',
    withEntry: 'Avec',
    withoutEntry: 'Sans',
    meanGap: 'Écart de moyenne',
    base: 'Base (n)',
    lowBase: 'base faible',
    impactNote: (h) => `Impact : ${h} de l’ensemble moins ${h} des verbatims qui ne citent pas l’élément (en points). « Avec » et « Sans » : ${h} des verbatims qui le citent ou non. Base : verbatims notés qui le citent.`,
    noScoreInsight: 'L’analyse des scores n’a pas été calculée pour ce rapport.',
    noScores: 'Aucune note exploitable dans les données : l’impact sur le score ne peut pas être calculé.',
    noScoredEntries: 'Aucun élément de ce type n’est cité dans un verbatim noté.',
    segments: 'Détracteurs et promoteurs',
    segmentNote: (k) =>
      k === 'nps'
        ? 'Part des détracteurs (0–6) et des promoteurs (9–10) qui citent chaque thème.'
        : 'Part des insatisfaits (segment bas de l’échelle) et des satisfaits (segment haut) qui citent chaque thème.',
    amongDetractors: '% des détracteurs',
    amongPromoters: '% des promoteurs',
    amongDissatisfied: '% des insatisfaits',
    amongSatisfied: '% des satisfaits',
    gapPts: 'Écart (pts)',
    noSegments: 'Aucun détracteur ni promoteur : l’échelle des notes ne permet pas de segmenter.',
    html: {
      title: 'Irritants et impact sur le score',
      irritant: 'Irritant',
      impact: (h) => `Impact sur ${h} (points)`,
      meanGap: 'Écart de note moyenne',
      amongDetractors: '% des détracteurs qui le citent',
      mixedScales:
        'Attention : les canaux notent sur des échelles différentes (étoiles, NPS…). Les impacts ci-dessous lisent toutes les notes sur une seule échelle ; comparez-les entre eux plutôt qu’en valeur absolue.',
      scoredChannels: (channels, scored) =>
        `Impacts calculés sur les ${scored} verbatims notés des canaux qui partagent l’échelle la plus utilisée (${channels.join(', ')}) : les autres canaux notent sur une autre échelle, que l’on ne mélange pas.`,
      lowBaseNote: 'Base faible : trop peu de verbatims notés pour un impact fiable ; leur impact est tracé en clair.',
      noScores: 'Aucune note exploitable dans les données : l’impact des irritants sur le score ne peut pas être calculé.',
      noScoreInsight: 'L’analyse des scores ne figure pas dans ce rapport : le classement ci-dessous suit la fréquence des irritants.',
      caption: (t, s) => `Irritant le plus cité : ${t} (${s} des verbatims).`,
      worst: (w, i, h) => `Le plus pénalisant pour ${h} : ${w} (${i} points).`,
      impactNote: (h) =>
        `Impact : ${h} de l’ensemble moins ${h} des verbatims qui ne citent pas l’irritant. Un impact négatif signifie que l’irritant fait baisser ${h}.`,
      byScale:
        'Les canaux notent sur des échelles différentes (étoiles, NPS…) : chaque échelle a ses propres impacts, calculés sur ses seuls canaux, côte à côte dans le graphique (un panneau par échelle) et dans le tableau. Comparez les impacts d’une même échelle, pas d’une échelle à l’autre.',
      scaleColumn: (impact, scale) => `${impact} — ${scale}`,
    },
  },
  en: {
    scoreImpact: 'Score impact',
    scale: 'Scale',
    overallScore: 'Overall score',
    scaleNames: { nps: 'NPS (0–10)', stars: 'stars (1–5)', csat: 'CSAT', ces: 'CES (effort)', unknown: 'unknown' },
    headline: { nps: 'NPS', satisfied: '% satisfied', mean: 'mean' },
    mixedScales: 'Warning: channels score on different scales; compare impacts with each other rather than as absolute values.',
    byScale:
      'Channels score on different scales: each scale has its own impacts, computed on its own channels and shown side by side (NPS in NPS points, stars in points of % satisfied and in stars). Compare impacts within a column, not across columns.',
    scales: 'Scales',
    scaleChannels: (scale, channels) => `${scale}: ${channels.join(', ')}`,
    interval: (lo, hi) => `[${lo}; ${hi}]`,
    notSignificant: 'n.s.',
    ciNote: 'In brackets, the 95% confidence interval (normal approximation, Welch standard error); "n.s.": the interval holds 0, the impact is not significant.',
    irritantsByImpact: 'Irritants ranked by score impact',
    enchantmentsByImpact: 'Enchantments ranked by score impact',
    impactPts: 'Impact (pts)',
    withEntry: 'With',
    withoutEntry: 'Without',
    meanGap: 'Mean gap',
    base: 'Base (n)',
    lowBase: 'low base',
    impactNote: (h) => `Impact: ${h} of all verbatims minus ${h} of those not citing the item (points). "With" and "Without": ${h} of the verbatims citing it or not. Base: scored verbatims citing it.`,
    noScoreInsight: 'The score analysis was not computed for this report.',
    noScores: 'No usable score in the data: the impact on the score cannot be computed.',
    noScoredEntries: 'No item of this kind is cited in a scored verbatim.',
    segments: 'Detractors and promoters',
    segmentNote: (k) =>
      k === 'nps'
        ? 'Share of detractors (0–6) and promoters (9–10) citing each theme.'
        : 'Share of dissatisfied (bottom of the scale) and satisfied (top of the scale) customers citing each theme.',
    amongDetractors: '% of detractors',
    amongPromoters: '% of promoters',
    amongDissatisfied: '% of dissatisfied',
    amongSatisfied: '% of satisfied',
    gapPts: 'Gap (pts)',
    noSegments: 'No detractor nor promoter: the score scale cannot be segmented.',
    html: {
      title: 'Irritants and score impact',
      irritant: 'Irritant',
      impact: (h) => `Impact on ${h} (points)`,
      meanGap: 'Mean score gap',
      amongDetractors: '% of detractors citing it',
      mixedScales:
        'Warning: channels score on different scales (stars, NPS…). The impacts below read all scores on one scale; compare them with each other rather than as absolute values.',
      scoredChannels: (channels, scored) =>
        `Impacts computed on the ${scored} scored verbatims of the channels sharing the most used scale (${channels.join(', ')}): other channels score on another scale, which is not mixed in.`,
      lowBaseNote: 'Low base: too few scored verbatims for a reliable impact; their impact is drawn pale.',
      noScores: 'No usable score in the data: the impact of irritants on the score cannot be computed.',
      noScoreInsight: 'The score analysis is not part of this report: irritants below are ranked by frequency.',
      caption: (t, s) => `Most cited irritant: ${t} (${s} of verbatims).`,
      worst: (w, i, h) => `Most harmful to ${h}: ${w} (${i} points).`,
      impactNote: (h) => `Impact: ${h} of all verbatims minus ${h} of those not citing the irritant. A negative impact means the irritant pulls ${h} down.`,
      byScale: 'Channels score on different scales (stars, NPS…): each scale has its own impacts, computed on its own channels, side by side in the chart (one panel per scale) and in the table. Compare impacts on one scale, not across scales.',
      scaleColumn: (impact, scale) => `${impact} — ${scale}`,
    },
  },
};

/** Name of the headline score figure of a scale. */
const headlineName = (names: { nps: string; satisfied: string; mean: string }, kind: string): string =>
  kind === 'nps' ? names.nps : kind === 'stars' || kind === 'csat' ? names.satisfied : names.mean;

/** A headline value: NPS signed, % satisfied in points, else a mean. */
function formatHeadline(kind: string, x: number | null, lang: string): string {
  if (kind === 'nps') return formatSigned(x, 0, lang);
  if (kind === 'stars' || kind === 'csat') return formatPoints(x, lang);
  return formatNumber(x, 2, lang);
}

/** Every scale's analysis, the most scored first (a report written before `otherScales` has the top one only). */
function scaleGroups(s: ScoresResult): ScaleScores[] {
  const others = Array.isArray(s.otherScales) ? s.otherScales.filter(isScaleScores) : [];
  return [s, ...others];
}

/** A `[low, high]` interval read back from a report, or null. */
const intervalOf = (v: unknown): Interval | null => (Array.isArray(v) && v.length === 2 && isNum(v[0]) && isNum(v[1]) ? [v[0], v[1]] : null);

/** Whether an interval leaves 0 out (a significant gap), null without one. */
const excludesZero = (ci: Interval | null): boolean | null => (ci === null ? null : ci[0] > 0 || ci[1] < 0);

/** A figure and its interval: `-6,8 [-9,1 ; -4,5]`, `n.s.` appended when the interval holds 0. */
function withInterval(value: string, ci: Interval | null, format: (x: number) => string, w: Pick<ScoresWording, 'interval' | 'notSignificant'>): string {
  if (ci === null) return value;
  return `${value} ${w.interval(format(ci[0]), format(ci[1]))}${excludesZero(ci) === false ? ` ${w.notSignificant}` : ''}`;
}

/** Unit of a mean gap: stars for stars, none otherwise. */
const gapUnit = (kind: string): string => (kind === 'stars' ? ' ★' : '');

/** The channels that scored on a scale, by label. */
const scoredChannelLabels = (g: ScaleScores, label: (id: string) => string): string[] =>
  (Array.isArray(g.channels) ? g.channels : []).filter((c) => c.scored > 0).map((c) => label(c.channel));

export function scoresSection(settings: ScoresSectionOptions = {}): Section<ScoresSectionState, ScoresResult, ScoresWording> {
  return {
    name: 'scores',
    at: ['insight', 'scores'],
    init: () => dict(),
    add(state, analysis) {
      const channel = own(state, analysis.channel) ?? (state[analysis.channel] = emptyScoresState());
      addScores(channel, analysis);
      return state;
    },
    merge: (a, b) => mergeRecords(a, b, mergeScores, (x) => mergeScores(x, emptyScoresState(x.kinds))),
    mergeChannels(state, into) {
      // One state per channel, each naming its channel inside: both merged into `into`.
      const out = mergeRecordInto(state, into, mergeScores, () => emptyScoresState());
      const merged = own(out, into);
      if (merged !== undefined) out[into] = mergeScoresChannels(merged, into);
      return out;
    },
    finalize: (state, { options }) => finalizeScoresByScale(state, { ...settings, scale: options.scoreScale ?? 'auto' }),
    read: (value) => (isScoresResult(value) ? value : undefined),
    messages,
    render: {
      // The five irritants that weigh most on the score, after the rankings.
      table(scores, ctx) {
        const { w, lang, width } = ctx;
        if (scores === undefined || scores.overall.scored === 0) return [];
        const groups = scaleGroups(scores);
        const out: string[] = [];
        for (const g of groups) {
          const irritants = (g.entries.irritant ?? []).filter((e) => e.scored > 0).slice(0, 5);
          if (irritants.length === 0 || g.overall.scored === 0) continue;
          const kind = g.scale.kind;
          // With several scales, each heading names its scale.
          const scale = groups.length > 1 ? ` — ${w.scaleNames[kind] ?? kind}` : '';
          out.push('', ctx.heading(`${w.scoreImpact}${scale} (${headlineName(w.headline, kind)} ${formatHeadline(kind, g.overall.headline, lang)}, n = ${g.overall.scored})`));
          irritants.forEach((e, i) => {
            // The terminal keeps its width: no interval (Markdown, HTML, CSV and JSON give it), only "n.s." when it holds 0.
            const impact = padStart(`${formatSigned(e.impact, 1, lang)} pts`, 11);
            const interval = excludesZero(intervalOf(e.impactCi)) === false ? ` ${w.notSignificant}` : '     ';
            const gap = `${w.withEntry.toLowerCase()} ${formatHeadline(kind, e.headline ?? null, lang)} / ${w.withoutEntry.toLowerCase()} ${formatHeadline(kind, e.without?.headline ?? null, lang)}`;
            const base = `n = ${e.scored}${e.lowBase ? ` (${w.lowBase})` : ''}`;
            out.push(truncate(`${padStart(`${i + 1}.`, 4)} ${padEnd(truncate(ctx.label(e.id), 28), 28)} ${impact}${interval}  ${padEnd(gap, 26)} ${base}`, width));
          });
        }
        return out.length === 0 ? [] : [{ order: 400, lines: out }];
      },
      md: (scores, ctx) => [{ lines: scoreLines(scores, ctx) }],
      html: async (scores, ctx) => [irritantsBlock(scores, ctx, await loadCharts())],
      csv: (scores, ctx) => (scores === undefined ? [] : scoreRows(scores, ctx.label, ctx.channelLabel, ctx.w)),
    },
  };
}

// ---------------------------------------------------------------- reading back

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);

function isEntryScore(v: unknown): v is EntryScore {
  return isDict(v) && typeof v.id === 'string' && typeof v.kind === 'string' && isNum(v.verbatims) && isNum(v.scored) && isNumOrNull(v.impact) && isNumOrNull(v.meanGap) && isNumOrNull(v.amongDetractors) && typeof v.lowBase === 'boolean';
}

function isScaleScores(v: unknown): v is ScaleScores {
  if (!isDict(v) || !isDict(v.scale) || typeof v.scale.kind !== 'string' || !isDict(v.overall) || !isNum(v.overall.scored)) return false;
  if (!isNumOrNull(v.overall.headline) || !isDict(v.entries) || (v.channels !== undefined && !Array.isArray(v.channels))) return false;
  const entries = v.entries;
  return ENTRY_KINDS.every((k) => entries[k] === undefined || (Array.isArray(entries[k]) && (entries[k] as unknown[]).every(isEntryScore)));
}

/** The top of the result is one scale's analysis; `otherScales` (absent before they existed) is checked where read. */
const isScoresResult = (v: unknown): v is ScoresResult => isScaleScores(v);

// ---------------------------------------------------------------- Markdown

function impactCell(e: EntryScore, lang: string, w: ScoresWording): string {
  return withInterval(formatSigned(e.impact, 1, lang), intervalOf(e.impactCi), (x) => formatSigned(x, 1, lang), w);
}

function meanGapCell(e: EntryScore, kind: string, lang: string, w: ScoresWording): string {
  const gap = e.meanGap === null || e.meanGap === undefined ? formatSigned(null, 2, lang) : `${formatSigned(e.meanGap, 2, lang)}${gapUnit(kind)}`;
  return withInterval(gap, intervalOf(e.meanGapCi), (x) => formatSigned(x, 2, lang), w);
}

const baseCell = (e: EntryScore, w: ScoresWording): string => (e.lowBase ? `${e.scored} (${w.lowBase})` : String(e.scored));

function impactTable(ctx: MarkdownContext<ScoresWording>, title: string, kindLabel: string, list: readonly EntryScore[], scaleKind: string): string[] {
  const { w, lang } = ctx;
  const scored = list.filter((e) => e.scored > 0).slice(0, ctx.top);
  if (scored.length === 0) return [`### ${title}`, '', w.noScoredEntries, ''];
  const rows = scored.map((e, i) => [
    String(i + 1),
    ctx.label(e.id),
    impactCell(e, lang, w),
    formatHeadline(scaleKind, e.headline ?? null, lang),
    formatHeadline(scaleKind, isDict(e.without) ? (e.without.headline ?? null) : null, lang),
    meanGapCell(e, scaleKind, lang, w),
    baseCell(e, w),
  ]);
  const head = ['#', kindLabel, w.impactPts, w.withEntry, w.withoutEntry, w.meanGap, w.base];
  return [`### ${title}`, '', ...mdTable(head, [true, false, true, true, true, true, true], rows), ''];
}

/**
 * The entries of a kind across scales, side by side: one row per entry (the
 * most used scale's ranking first, then entries scored on other scales only),
 * impact, mean gap and base per scale.
 */
function sideBySide(ctx: MarkdownContext<ScoresWording>, title: string, kindLabel: string, groups: readonly ScaleScores[], kind: 'irritant' | 'enchantment'): string[] {
  const { w, lang } = ctx;
  const byId = groups.map((g) => new Map((g.entries[kind] ?? []).filter((e) => e.scored > 0).map((e) => [e.id, e] as const)));
  const ids: string[] = [];
  for (const map of byId) for (const id of map.keys()) if (!ids.includes(id)) ids.push(id);
  if (ids.length === 0) return [`### ${title}`, '', w.noScoredEntries, ''];
  const head = ['#', kindLabel];
  const align = [true, false];
  for (const g of groups) {
    const scale = w.scaleNames[g.scale.kind] ?? g.scale.kind;
    head.push(`${w.impactPts} — ${scale}`, `${w.meanGap} — ${scale}`, `${w.base} — ${scale}`);
    align.push(true, true, true);
  }
  const rows = ids.slice(0, ctx.top).map((id, i) => [
    String(i + 1),
    ctx.label(id),
    ...groups.flatMap((g, k) => {
      const e = byId[k]?.get(id);
      return e === undefined ? ['—', '—', '0'] : [impactCell(e, lang, w), meanGapCell(e, g.scale.kind, lang, w), baseCell(e, w)];
    }),
  ]);
  return [`### ${title}`, '', ...mdTable(head, align, rows), ''];
}

function segmentLines(ctx: MarkdownContext<ScoresWording>, g: ScaleScores, heading: string): string[] {
  const { w, m, lang } = ctx;
  const out = [`### ${heading}`, ''];
  const kind = g.scale.kind;
  if (kind === 'unknown' || g.overall.detractors + g.overall.promoters === 0) return [...out, w.noSegments, ''];
  const themes = (g.entries.theme ?? [])
    .filter((e) => (e.amongDetractors ?? 0) > 0 || (e.amongPromoters ?? 0) > 0)
    .sort((a, b) => (b.amongDetractors ?? 0) - (a.amongDetractors ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, ctx.top);
  if (themes.length === 0) return [...out, w.noScoredEntries, ''];
  const nps = kind === 'nps';
  const gap = (e: EntryScore): number | null =>
    e.amongDetractors === null || e.amongPromoters === null || e.amongPromoters === undefined ? null : e.amongDetractors - e.amongPromoters;
  const table = mdTable(
    ['#', capitalize(m.kindName.theme), nps ? w.amongDetractors : w.amongDissatisfied, nps ? w.amongPromoters : w.amongSatisfied, w.gapPts, w.base],
    [true, false, true, true, true, true],
    themes.map((e, i) => [
      String(i + 1),
      ctx.label(e.id),
      formatPoints(e.amongDetractors, lang),
      formatPoints(e.amongPromoters ?? null, lang),
      formatSigned(gap(e), 1, lang),
      baseCell(e, w),
    ]),
  );
  return [...out, mdCell(w.segmentNote(kind)), '', ...table, ''];
}

function scoreLines(s: ScoresResult | undefined, ctx: MarkdownContext<ScoresWording>): string[] {
  const { w, m, lang, report } = ctx;
  const out = [`## ${w.scoreImpact}`, ''];
  if (s === undefined) {
    const anyScore = report.all.score !== null && report.all.score.n > 0;
    return [...out, anyScore ? w.noScoreInsight : w.noScores, ''];
  }
  if (s.overall.scored === 0) return [...out, w.noScores, ''];
  const groups = scaleGroups(s);
  const overallOf = (g: ScaleScores) => `${headlineName(w.headline, g.scale.kind)} ${formatHeadline(g.scale.kind, g.overall.headline, lang)} (n = ${g.overall.scored})`;
  const irritantLabel = capitalize(m.kindName.irritant);
  const enchantmentLabel = capitalize(m.kindName.enchantment);
  if (groups.length > 1) {
    out.push(`- ${w.scales}${m.colon.trimEnd()}`);
    for (const g of groups) out.push(`  - ${mdCell(`${w.scaleChannels(w.scaleNames[g.scale.kind] ?? g.scale.kind, scoredChannelLabels(g, ctx.channelLabel))} — ${overallOf(g)}`)}`);
    const headlines = [...new Set(groups.map((g) => headlineName(w.headline, g.scale.kind)))].join(' / ');
    out.push('', mdCell(w.byScale), '', mdCell(w.impactNote(headlines)), '', mdCell(w.ciNote), '');
    out.push(...sideBySide(ctx, w.irritantsByImpact, irritantLabel, groups, 'irritant'));
    out.push(...sideBySide(ctx, w.enchantmentsByImpact, enchantmentLabel, groups, 'enchantment'));
    for (const g of groups) out.push(...segmentLines(ctx, g, `${w.segments} — ${w.scaleNames[g.scale.kind] ?? g.scale.kind}`));
    return out;
  }
  const kind = s.scale.kind;
  const headline = headlineName(w.headline, kind);
  out.push(`- ${mdCell(`${w.scale}${m.colon}${w.scaleNames[kind] ?? kind}`)}`, `- ${mdCell(`${w.overallScore}${m.colon}${overallOf(s)}`)}`, '');
  if (s.mixedScales) out.push(mdCell(w.mixedScales), '');
  out.push(mdCell(w.impactNote(headline)), '');
  if (s.entries.irritant?.some((e) => intervalOf(e.impactCi) !== null) || s.entries.enchantment?.some((e) => intervalOf(e.impactCi) !== null)) out.push(mdCell(w.ciNote), '');
  out.push(...impactTable(ctx, w.irritantsByImpact, irritantLabel, s.entries.irritant ?? [], kind));
  out.push(...impactTable(ctx, w.enchantmentsByImpact, enchantmentLabel, s.entries.enchantment ?? [], kind));
  out.push(...segmentLines(ctx, s, w.segments));
  return out;
}

// ---------------------------------------------------------------- HTML

function irritantsBlock(result: ScoresResult | undefined, ctx: HtmlContext<ScoresWording>, { irritantChart }: Charts) {
  const { report, m, w, f } = ctx;
  const h = w.html;
  const id = 'irritants';
  const title = h.title;
  const block = (html: string) => ({ order: 500, id, title, html });
  const irritants = report.all.irritants.filter((e) => e.verbatims > 0);
  if (report.summary.analysed === 0) return block(absent(m.html.absent.noVerbatims));
  if (irritants.length === 0) return block(absent(m.html.absent.noIrritants));

  const scores = result !== undefined && result.overall.scored > 0 ? result : undefined;
  const groups = scores === undefined ? [] : scaleGroups(scores).filter((g) => g.overall.scored > 0);
  const several = groups.length > 1;
  let note = several
    ? `<p class="note" role="note">${esc(h.byScale)}</p>`
    : scores?.mixedScales === true
      ? `<p class="warning" role="note">${esc(h.mixedScales)}</p>`
      : '';
  // Channels on no known scale are left out of the impacts: say which channels are in.
  const scoredChannels = groups.flatMap((g) => scoredChannelLabels(g, ctx.channelLabel));
  const allScored = report.channels.filter((c) => c.score !== null && c.score.n > 0).length;
  if (scores !== undefined && scores.mixedScales !== true && scoredChannels.length > 0 && scoredChannels.length < allScored) {
    note += `<p class="note" role="note">${esc(h.scoredChannels(scoredChannels, scores.overall.scored))}</p>`;
  }
  if (scores === undefined) {
    const anyScore = report.all.score !== null && report.all.score.n > 0;
    note = absent(result === undefined && anyScore ? h.noScoreInsight : h.noScores);
  }
  const maps = groups.map((g) => new Map<string, EntryScore>((g.entries.irritant ?? []).map((e) => [e.id, e])));
  const byId = maps[0] ?? new Map<string, EntryScore>();
  // The most used scale's ranking (most harmful first, low bases last) leads; unscored irritants follow by frequency.
  const rank = new Map<string, number>((scores?.entries.irritant ?? []).map((e, i) => [e.id, i]));
  const ordered = [...irritants].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || b.verbatims - a.verbatims);
  const headline = scores ? headlineName(m.html.headline, scores.scale.kind) : null;
  const scaleName = (g: ScaleScores) => w.scaleNames[g.scale.kind] ?? g.scale.kind;
  const impactTitle = (g: ScaleScores) => {
    const t = h.impact(headlineName(m.html.headline, g.scale.kind));
    return several ? h.scaleColumn(t, scaleName(g)) : t;
  };

  const rows: IrritantRow[] = ordered.slice(0, ctx.limits.chartIrritants).map((e) => {
    const s = byId.get(e.id);
    const others = maps.slice(1).map((map) => {
      const o = map.get(e.id);
      return { impact: o?.impact ?? null, ci: intervalOf(o?.impactCi), lowBase: o?.lowBase === true };
    });
    return { irritant: e.label, share: e.share ?? 0, shareText: f.pct(e.share), impact: s?.impact ?? null, ci: intervalOf(s?.impactCi), lowBase: s?.lowBase === true, ...(several ? { others } : {}) };
  });
  const topShare = maxBy(irritants, (e) => e.share) as RankedEntry;
  let finding = h.caption(topShare.label, f.pct(topShare.share));
  const worst = scores ? scores.entries.irritant.find((e) => !e.lowBase && e.impact !== null && e.impact < 0) : undefined;
  if (worst && headline !== null) finding += ` ${h.worst(ctx.label(worst.id), f.signed(worst.impact, 1), headline)}`;
  const svg = irritantChart(
    rows,
    { share: m.html.shareOfVerbatims, impact: groups[0] !== undefined ? impactTitle(groups[0]) : null, ...(several ? { others: groups.slice(1).map(impactTitle) } : {}) },
    chartFrame(ctx, id, `${title}. ${finding}`),
  );
  const anyLowBase = ordered.some((e) => maps.some((map) => map.get(e.id)?.lowBase === true));
  const anyInterval = ordered.some((e) => maps.some((map) => intervalOf(map.get(e.id)?.impactCi) !== null));
  const caption =
    esc(finding) +
    (headline !== null
      ? ` <span class="note">${esc(h.impactNote(headline))}${anyInterval ? ` ${esc(w.ciNote)}` : ''}${anyLowBase ? ` ${esc(h.lowBaseNote)}` : ''}</span>`
      : '');

  const head = [cell(esc(h.irritant)), cell(esc(m.html.theme)), cell(esc(m.verbatims), true), cell(esc(m.share), true)];
  for (const g of groups) head.push(cell(esc(impactTitle(g)), true), cell(esc(several ? h.scaleColumn(h.meanGap, scaleName(g)) : h.meanGap), true));
  if (groups.length === 1) head.push(cell(esc(h.amongDetractors), true));
  const interval = (ci: Interval | null, digits: number): string => {
    if (ci === null) return '';
    const ns = excludesZero(ci) === false ? ` <span class="tag">${esc(w.notSignificant)}</span>` : '';
    return `<span class="sub">${esc(w.interval(f.signed(ci[0], digits), f.signed(ci[1], digits)))}${ns}</span>`;
  };
  const body = ordered.map((e) => {
    const low = maps.some((map) => map.get(e.id)?.lowBase === true) ? ` <span class="tag">${esc(w.lowBase)}</span>` : '';
    const cells = [
      cell(`<a href="#${anchorId('ex', 'irritant', e.id)}">${esc(e.label)}</a>${low}`),
      cell(esc(e.theme !== undefined ? ctx.label(e.theme) : '—')),
      cell(f.num(e.verbatims, 0), true),
      cell(f.pct(e.share), true),
    ];
    groups.forEach((g, k) => {
      const s = maps[k]?.get(e.id);
      const impact = s?.impact ?? null;
      const cls = impact === null ? '' : impact < 0 ? ' class="neg"' : impact > 0 ? ' class="pos"' : '';
      const gap = s?.meanGap ?? null;
      cells.push(
        cell(`<span${cls}>${f.signed(impact, 1)}</span>${interval(intervalOf(s?.impactCi), 1)}`, true),
        cell(`${f.signed(gap, 1)}${gap === null ? '' : esc(gapUnit(g.scale.kind))}${interval(intervalOf(s?.meanGapCi), 1)}`, true),
      );
    });
    if (groups.length === 1) cells.push(cell(f.pctPoints(byId.get(e.id)?.amongDetractors ?? null), true));
    return cells;
  });
  return block(note + figure(m, id, svg, caption) + table(null, head, body));
}

// ---------------------------------------------------------------- CSV

const round = (x: number | null | undefined, digits = 2): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

function scoreRows(s: ScoresResult, label: (id: string) => string, channelLabel: (id: string) => string, w: ScoresWording): CsvRow[] {
  const rows: CsvRow[] = [];
  const figures = (section: string, channel: string, key: string, name: string, x: ScoreFigures, lowBase?: boolean): void => {
    const row = (metric: string, value: number | null) => rows.push({ section, channel, key, label: name, metric, value });
    row('verbatims', x.verbatims);
    row('scored', x.scored);
    row('mean', round(x.mean));
    row('promoters', x.promoters);
    row('passives', x.passives);
    row('detractors', x.detractors);
    row('nps', round(x.nps));
    row('satisfied_pct', round(x.satisfied));
    row('headline', round(x.headline));
    if (lowBase !== undefined) row('low_base', lowBase ? 1 : 0);
  };
  const groups = scaleGroups(s);
  groups.forEach((g, k) => {
    const kind = g.scale.kind;
    figures('score_overall', 'all', kind, w.scaleNames[kind] ?? kind, g.overall);
    for (const c of g.channels) figures('score_channel', c.channel, c.scale.kind, channelLabel(c.channel), c, typeof c.lowBase === 'boolean' ? c.lowBase : undefined);
    // The most used scale's entries read `all`; the other scales' `scale:<kind>` (NPS, stars… side by side).
    const channel = k === 0 ? 'all' : `scale:${kind}`;
    for (const list of Object.values(g.entries)) {
      for (const e of list) {
        const row = (metric: string, value: number | null) => rows.push({ section: `score_${e.kind}`, channel, key: e.id, label: label(e.id), metric, value });
        const impactCi = intervalOf(e.impactCi);
        const gapCi = intervalOf(e.meanGapCi);
        row('scored', e.scored);
        row('headline', round(e.headline));
        row('headline_without', round(e.without.headline));
        row('impact', round(e.impact));
        row('impact_ci_low', round(impactCi?.[0]));
        row('impact_ci_high', round(impactCi?.[1]));
        row('significant', impactCi === null ? null : excludesZero(impactCi) ? 1 : 0);
        row('mean_gap', round(e.meanGap));
        row('mean_gap_ci_low', round(gapCi?.[0], 3));
        row('mean_gap_ci_high', round(gapCi?.[1], 3));
        row('among_detractors_pct', round(e.amongDetractors));
        row('among_promoters_pct', round(e.amongPromoters));
        row('low_base', e.lowBase ? 1 : 0);
      }
    }
  });
  return rows;
}
