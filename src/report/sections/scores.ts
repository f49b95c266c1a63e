// Scores behind the words (`report.sections.insight.scores`): NPS / % satisfied per
// channel and entry, and the impact of each irritant and enchantment on the headline figure.
import { ENTRY_KINDS } from '../../types.js';
import {
  addScores,
  detectScoreScale,
  emptyScoresState,
  finalizeScores,
  mergeScores,
  type EntryScore,
  type ScoreFigures,
  type ScoresOptions,
  type ScoresResult,
  type ScoresState,
} from '../insight/scores.js';
import { irritantChart, type IrritantRow } from '../renderers/html/charts.js';
import { anchorId, escapeHtml as esc } from '../renderers/html/escape.js';
import { absent, cell, chartFrame, figure, maxBy, table } from '../renderers/html/kit.js';
import { capitalize, formatNumber, formatPoints, formatSigned, mdCell, mdTable, padEnd, padStart, truncate } from '../renderers/text.js';
import type { CsvRow, HtmlContext, MarkdownContext } from '../renderers/view.js';
import { dict, mergeAll, mergeRecords, own } from '../counts.js';
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
    },
  },
  en: {
    scoreImpact: 'Score impact',
    scale: 'Scale',
    overallScore: 'Overall score',
    scaleNames: { nps: 'NPS (0–10)', stars: 'stars (1–5)', csat: 'CSAT', ces: 'CES (effort)', unknown: 'unknown' },
    headline: { nps: 'NPS', satisfied: '% satisfied', mean: 'mean' },
    mixedScales: 'Warning: channels score on different scales; compare impacts with each other rather than as absolute values.',
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
    finalize(state, { options }) {
      const scale = options.scoreScale ?? 'auto';
      return finalizeScores(dominantScaleScores(state, scale), { ...settings, scale });
    },
    read: (value) => (isScoresResult(value) ? value : undefined),
    messages,
    render: {
      // The five irritants that weigh most on the score, after the rankings.
      table(scores, ctx) {
        const { w, lang, width } = ctx;
        if (scores === undefined || scores.overall.scored === 0) return [];
        const irritants = (scores.entries.irritant ?? []).filter((e) => e.scored > 0).slice(0, 5);
        if (irritants.length === 0) return [];
        const kind = scores.scale.kind;
        const out = ['', ctx.heading(`${w.scoreImpact} (${headlineName(w.headline, kind)} ${formatHeadline(kind, scores.overall.headline, lang)}, n = ${scores.overall.scored})`)];
        irritants.forEach((e, i) => {
          const impact = padStart(`${formatSigned(e.impact, 1, lang)} pts`, 11);
          const gap = `${w.withEntry.toLowerCase()} ${formatHeadline(kind, e.headline ?? null, lang)} / ${w.withoutEntry.toLowerCase()} ${formatHeadline(kind, e.without?.headline ?? null, lang)}`;
          const base = `n = ${e.scored}${e.lowBase ? ` (${w.lowBase})` : ''}`;
          out.push(truncate(`${padStart(`${i + 1}.`, 4)} ${padEnd(truncate(ctx.label(e.id), 28), 28)} ${impact}  ${padEnd(gap, 26)} ${base}`, width));
        });
        return [{ order: 400, lines: out }];
      },
      md: (scores, ctx) => [{ lines: scoreLines(scores, ctx) }],
      html: (scores, ctx) => [irritantsBlock(scores, ctx)],
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

function isScoresResult(v: unknown): v is ScoresResult {
  if (!isDict(v) || !isDict(v.scale) || typeof v.scale.kind !== 'string' || !isDict(v.overall) || !isNum(v.overall.scored)) return false;
  if (!isNumOrNull(v.overall.headline) || !isDict(v.entries)) return false;
  const entries = v.entries;
  return ENTRY_KINDS.every((k) => entries[k] === undefined || (Array.isArray(entries[k]) && (entries[k] as unknown[]).every(isEntryScore)));
}

// ---------------------------------------------------------------- Markdown

function impactTable(ctx: MarkdownContext<ScoresWording>, title: string, kindLabel: string, list: readonly EntryScore[], scaleKind: string): string[] {
  const { w, lang } = ctx;
  const scored = list.filter((e) => e.scored > 0).slice(0, ctx.top);
  if (scored.length === 0) return [`### ${title}`, '', w.noScoredEntries, ''];
  const rows = scored.map((e, i) => [
    String(i + 1),
    ctx.label(e.id),
    formatSigned(e.impact, 1, lang),
    formatHeadline(scaleKind, e.headline ?? null, lang),
    formatHeadline(scaleKind, isDict(e.without) ? (e.without.headline ?? null) : null, lang),
    formatSigned(e.meanGap, 2, lang),
    e.lowBase ? `${e.scored} (${w.lowBase})` : String(e.scored),
  ]);
  const head = ['#', kindLabel, w.impactPts, w.withEntry, w.withoutEntry, w.meanGap, w.base];
  return [`### ${title}`, '', ...mdTable(head, [true, false, true, true, true, true, true], rows), ''];
}

function scoreLines(s: ScoresResult | undefined, ctx: MarkdownContext<ScoresWording>): string[] {
  const { w, m, lang, report } = ctx;
  const out = [`## ${w.scoreImpact}`, ''];
  if (s === undefined) {
    const anyScore = report.all.score !== null && report.all.score.n > 0;
    return [...out, anyScore ? w.noScoreInsight : w.noScores, ''];
  }
  if (s.overall.scored === 0) return [...out, w.noScores, ''];
  const kind = s.scale.kind;
  const headline = headlineName(w.headline, kind);
  out.push(
    `- ${mdCell(`${w.scale}${m.colon}${w.scaleNames[kind] ?? kind}`)}`,
    `- ${mdCell(`${w.overallScore}${m.colon}${headline} ${formatHeadline(kind, s.overall.headline, lang)} (n = ${s.overall.scored})`)}`,
    '',
  );
  if (s.mixedScales) out.push(mdCell(w.mixedScales), '');
  out.push(mdCell(w.impactNote(headline)), '');
  out.push(...impactTable(ctx, w.irritantsByImpact, capitalize(m.kindName.irritant), s.entries.irritant ?? [], kind));
  out.push(...impactTable(ctx, w.enchantmentsByImpact, capitalize(m.kindName.enchantment), s.entries.enchantment ?? [], kind));

  out.push(`### ${w.segments}`, '');
  if (kind === 'unknown' || s.overall.detractors + s.overall.promoters === 0) return [...out, w.noSegments, ''];
  const themes = (s.entries.theme ?? [])
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
      e.lowBase ? `${e.scored} (${w.lowBase})` : String(e.scored),
    ]),
  );
  return [...out, mdCell(w.segmentNote(kind)), '', ...table, ''];
}

// ---------------------------------------------------------------- HTML

function irritantsBlock(result: ScoresResult | undefined, ctx: HtmlContext<ScoresWording>) {
  const { report, m, w, f } = ctx;
  const h = w.html;
  const id = 'irritants';
  const title = h.title;
  const block = (html: string) => ({ order: 500, id, title, html });
  const irritants = report.all.irritants.filter((e) => e.verbatims > 0);
  if (report.summary.analysed === 0) return block(absent(m.html.absent.noVerbatims));
  if (irritants.length === 0) return block(absent(m.html.absent.noIrritants));

  const scores = result !== undefined && result.overall.scored > 0 ? result : undefined;
  let note = scores?.mixedScales === true ? `<p class="warning" role="note">${esc(h.mixedScales)}</p>` : '';
  // Score impact covers the channels of one scale only (stars and NPS are never pooled): say which.
  const scoredChannels = (scores?.channels ?? []).filter((c) => c.scored > 0).map((c) => ctx.channelLabel(c.channel));
  const allScored = report.channels.filter((c) => c.score !== null && c.score.n > 0).length;
  if (scores !== undefined && scores.mixedScales !== true && scoredChannels.length > 0 && scoredChannels.length < allScored) {
    note += `<p class="note" role="note">${esc(h.scoredChannels(scoredChannels, scores.overall.scored))}</p>`;
  }
  if (scores === undefined) {
    const anyScore = report.all.score !== null && report.all.score.n > 0;
    note = absent(result === undefined && anyScore ? h.noScoreInsight : h.noScores);
  }
  const byId = new Map<string, EntryScore>((scores?.entries.irritant ?? []).map((e) => [e.id, e]));
  // The scores ranking (most harmful first, low bases last) leads; unscored irritants follow by frequency.
  const rank = new Map<string, number>((scores?.entries.irritant ?? []).map((e, i) => [e.id, i]));
  const ordered = [...irritants].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || b.verbatims - a.verbatims);
  const headline = scores ? headlineName(m.html.headline, scores.scale.kind) : null;

  const rows: IrritantRow[] = ordered.slice(0, ctx.limits.chartIrritants).map((e) => {
    const s = byId.get(e.id);
    return { irritant: e.label, share: e.share ?? 0, shareText: f.pct(e.share), impact: s?.impact ?? null, lowBase: s?.lowBase === true };
  });
  const topShare = maxBy(irritants, (e) => e.share) as RankedEntry;
  let finding = h.caption(topShare.label, f.pct(topShare.share));
  const worst = scores ? scores.entries.irritant.find((e) => !e.lowBase && e.impact !== null && e.impact < 0) : undefined;
  if (worst && headline !== null) finding += ` ${h.worst(ctx.label(worst.id), f.signed(worst.impact, 1), headline)}`;
  const svg = irritantChart(
    rows,
    { share: m.html.shareOfVerbatims, impact: headline !== null ? h.impact(headline) : null },
    chartFrame(ctx, id, `${title}. ${finding}`),
  );
  const anyLowBase = ordered.some((e) => byId.get(e.id)?.lowBase === true);
  const caption =
    esc(finding) + (headline !== null ? ` <span class="note">${esc(h.impactNote(headline))}${anyLowBase ? ` ${esc(h.lowBaseNote)}` : ''}</span>` : '');

  const head = [cell(esc(h.irritant)), cell(esc(m.html.theme)), cell(esc(m.verbatims), true), cell(esc(m.share), true)];
  if (headline !== null) head.push(cell(esc(h.impact(headline)), true), cell(esc(h.meanGap), true), cell(esc(h.amongDetractors), true));
  const body = ordered.map((e) => {
    const s = byId.get(e.id);
    const low = s?.lowBase ? ` <span class="tag">${esc(w.lowBase)}</span>` : '';
    const cells = [
      cell(`<a href="#${anchorId('ex', 'irritant', e.id)}">${esc(e.label)}</a>${low}`),
      cell(esc(e.theme !== undefined ? ctx.label(e.theme) : '—')),
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
  return block(note + figure(m, id, svg, caption) + table(null, head, body));
}

// ---------------------------------------------------------------- CSV

const round = (x: number | null | undefined, digits = 2): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

function scoreRows(s: ScoresResult, label: (id: string) => string, channelLabel: (id: string) => string, w: ScoresWording): CsvRow[] {
  const rows: CsvRow[] = [];
  const figures = (section: string, channel: string, key: string, name: string, x: ScoreFigures): void => {
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
  };
  const kind = s.scale.kind;
  figures('score_overall', 'all', kind, w.scaleNames[kind] ?? kind, s.overall);
  for (const c of s.channels) figures('score_channel', c.channel, c.scale.kind, channelLabel(c.channel), c);
  for (const list of Object.values(s.entries)) {
    for (const e of list) {
      const row = (metric: string, value: number | null) => rows.push({ section: `score_${e.kind}`, channel: 'all', key: e.id, label: label(e.id), metric, value });
      row('scored', e.scored);
      row('headline', round(e.headline));
      row('headline_without', round(e.without.headline));
      row('impact', round(e.impact));
      row('mean_gap', round(e.meanGap));
      row('among_detractors_pct', round(e.amongDetractors));
      row('among_promoters_pct', round(e.amongPromoters));
      row('low_base', e.lowBase ? 1 : 0);
    }
  }
  return rows;
}

// ---------------------------------------------------------------- scales

/**
 * Impact and NPS mean nothing over pooled stars and NPS scores: unless the
 * scale is declared, the score analysis keeps the channels whose scale is the
 * most used (by scored verbatims); the per-channel report keeps every score.
 */
function dominantScaleScores(byChannel: ScoresSectionState, declared: NonNullable<ScoresOptions['scale']>): ScoresState {
  const states = Object.keys(byChannel).sort().map((channel) => byChannel[channel] as ScoresState);
  const empty = emptyScoresState();
  if (declared !== 'auto') return mergeAll(states, mergeScores, empty);
  const groups = new Map<string, { scored: number; states: ScoresState[] }>();
  for (const state of states) {
    const scale = detectScoreScale(state.all.scores);
    if (scale.kind === 'unknown') continue;
    const key = `${scale.kind}:${scale.min}-${scale.max}`;
    const scored = Object.values(state.all.scores).reduce((sum, n) => sum + n, 0);
    const group = groups.get(key) ?? { scored: 0, states: [] };
    group.scored += scored;
    group.states.push(state);
    groups.set(key, group);
  }
  const best = [...groups.entries()].sort((x, y) => y[1].scored - x[1].scored || x[0].localeCompare(y[0]))[0];
  // Verbatims without a score still count in "verbatims": keep unscored channels out only when a scale group exists.
  return mergeAll(best?.[1].states ?? states, mergeScores, empty);
}
