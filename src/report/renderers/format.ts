/** Shared wording and number formats of the text renderers (internal). */
import { neutralizeText } from '../../_utils/display.js';
import type { ChannelReport, RankedEntry, Report, ScoreSummary } from '../types.js';

export interface Wording {
  title: string;
  inputRows: string;
  analysed: string;
  rejected: string;
  period: string;
  masked: string;
  yes: string;
  no: string;
  approximate: string;
  channel: string;
  verbatims: string;
  wordsPerVerbatim: string;
  conceptsPerVerbatim: string;
  withIrritant: string;
  withEnchantment: string;
  tonality: string;
  score: string;
  byChannel: string;
  themes: string;
  concepts: string;
  irritants: string;
  enchantments: string;
  intents: string;
  topWords: string;
  topExpressions: string;
  examples: string;
  rejects: string;
  reason: string;
  row: string;
  share: string;
  mixed: string;
  mean: string;
  none: string;
  median: string;
  languages: string;
  /** Label of the all-channels view. */
  allChannels: string;
  /** "N brand or agent messages set aside". */
  agentMessages: string;
  /** Separator after a label: " : " in French, ": " in English. */
  colon: string;
}

const fr: Wording = {
  title: 'Rapport verbatim-fr',
  inputRows: 'lignes lues',
  agentMessages: 'messages de la marque ou d\'un conseiller mis à part',
  analysed: 'analysées',
  rejected: 'rejetées',
  period: 'période',
  masked: 'données personnelles masquées',
  yes: 'oui',
  no: 'non',
  approximate: 'comptes de mots approximatifs (maxVocabulary)',
  channel: 'Canal',
  verbatims: 'Verbatims',
  wordsPerVerbatim: 'Mots/v.',
  conceptsPerVerbatim: 'Concepts/v.',
  withIrritant: '% irrit.',
  withEnchantment: '% enchant.',
  tonality: 'Tonalité +/-/=/~',
  score: 'Score',
  byChannel: 'Par canal',
  themes: 'Thèmes',
  concepts: 'Concepts',
  irritants: 'Irritants',
  enchantments: 'Enchantements',
  intents: 'Intentions',
  topWords: 'Mots fréquents',
  topExpressions: 'Expressions fréquentes',
  examples: 'Exemples',
  rejects: 'Lignes rejetées',
  reason: 'Motif',
  row: 'ligne',
  share: 'Part',
  mixed: 'mixte',
  mean: 'moy.',
  none: '—',
  median: 'médiane',
  languages: 'Langues',
  allChannels: 'Tous canaux',
  colon: ' : ',
};

const en: Wording = {
  title: 'verbatim-fr report',
  inputRows: 'input rows',
  analysed: 'analysed',
  rejected: 'rejected',
  period: 'period',
  masked: 'personal data masked',
  agentMessages: 'brand or agent messages set aside',
  yes: 'yes',
  no: 'no',
  approximate: 'approximate word counts (maxVocabulary)',
  channel: 'Channel',
  verbatims: 'Verbatims',
  wordsPerVerbatim: 'Words/v.',
  conceptsPerVerbatim: 'Concepts/v.',
  withIrritant: '% irrit.',
  withEnchantment: '% delight',
  tonality: 'Tone +/-/=/~',
  score: 'Score',
  byChannel: 'By channel',
  themes: 'Themes',
  concepts: 'Concepts',
  irritants: 'Irritants',
  enchantments: 'Enchantments',
  intents: 'Intents',
  topWords: 'Top words',
  topExpressions: 'Top expressions',
  examples: 'Examples',
  rejects: 'Rejected rows',
  reason: 'Reason',
  row: 'row',
  share: 'Share',
  mixed: 'mixed',
  mean: 'mean',
  none: '—',
  median: 'median',
  languages: 'Languages',
  allChannels: 'All channels',
  colon: ': ',
};

export function wordingFor(lang: string): Wording {
  return lang === 'en' ? en : fr;
}

/** Decimal separator of a label language. */
export const decimalFor = (lang: string): string => (lang === 'en' ? '.' : ',');

export function formatNumber(x: number | null, digits: number, lang: string): string {
  if (x === null) return '—';
  const s = x.toFixed(digits);
  return decimalFor(lang) === ',' ? s.replace('.', ',') : s;
}

/** A 0–1 share as a percentage: "62,5 %" (fr) or "62.5%" (en). */
export function formatShare(share: number | null, lang: string, digits = 1): string {
  if (share === null) return '—';
  const pct = formatNumber(share * 100, digits, lang).replace(/[.,]0+$/, '');
  return lang === 'en' ? `${pct}%` : `${pct} %`;
}

/** Tonality split as whole percentages: "+38 -38 =13 ~13". */
export function formatTonality(ch: ChannelReport): string {
  if (ch.verbatims === 0) return '—';
  const p = (s: number | null) => String(Math.round((s ?? 0) * 100));
  const t = ch.tonality;
  return `+${p(t.positif.share)} -${p(t.negatif.share)} =${p(t.neutre.share)} ~${p(t.mitige.share)}`;
}

export function formatScore(score: ScoreSummary | null, lang: string): string {
  const w = wordingFor(lang);
  if (score === null) return w.none;
  switch (score.scale) {
    case 'nps': {
      const nps = score.nps ?? null;
      const sign = nps !== null && nps > 0 ? '+' : '';
      return `NPS ${nps === null ? w.none : sign + formatNumber(nps, 0, lang)} (n=${score.n})`;
    }
    case 'stars':
      return `${formatNumber(score.mean, 2, lang)}/5 (n=${score.n})`;
    case 'mixed':
      return `${w.mixed} (n=${score.n})`;
    default:
      return `${w.mean} ${formatNumber(score.mean, 2, lang)} (n=${score.n})`;
  }
}

/** Channel label in the renderer's language (the all-channels view is named by the renderer). */
export const channelLabel = (ch: ChannelReport, w: Wording): string => (ch.channel === 'all' ? w.allChannels : ch.label);

/** Examples are one line in tables and lists. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Number of terminal columns (code points; wide emoji count as one). */
export const widthOf = (s: string): number => [...s].length;

export function truncate(text: string, width: number): string {
  // Every text of the terminal table passes here: no escape sequence or bidi override reaches the terminal.
  const s = neutralizeText(text);
  const chars = [...s];
  if (chars.length <= width) return s;
  if (width <= 1) return chars.slice(0, width).join('');
  return `${chars.slice(0, width - 1).join('')}…`;
}

export const padEnd = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - widthOf(s)));
export const padStart = (s: string, width: number): string => ' '.repeat(Math.max(0, width - widthOf(s))) + s;

/** Ranked lists in reading order. */
export function rankedLists(ch: ChannelReport, w: Wording): Array<[title: string, entries: RankedEntry[]]> {
  return [
    [w.themes, ch.themes],
    [w.concepts, ch.concepts],
    [w.irritants, ch.irritants],
    [w.enchantments, ch.enchantments],
    [w.intents, ch.intents],
  ];
}

/** Joins parts with " · ", breaking lines before `width`. */
export function wrapParts(parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const next = line === '' ? part : `${line} · ${part}`;
    if (line !== '' && widthOf(next) > width) {
      lines.push(line);
      line = part;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Header line figures shared by table and Markdown. */
export function summaryParts(report: Report, w: Wording): string[] {
  const s = report.summary;
  const parts = [`${s.inputRows} ${w.inputRows}`, `${s.analysed} ${w.analysed}`, `${s.rejected} ${w.rejected}`];
  if (s.period !== null) parts.push(`${w.period} ${s.period.from} → ${s.period.to}`);
  parts.push(`${w.masked}${w.colon}${s.maskedPersonalData ? w.yes : w.no}`);
  if (report.all.agentMessages > 0) parts.push(`${report.all.agentMessages} ${w.agentMessages}`);
  if (s.approximate) parts.push(w.approximate);
  return parts;
}

// ---------------------------------------------------------------- insight sections

/** Wording of the sections read from `report.sections` (chat, insight). */
export interface InsightWording {
  extra: string;
  noSections: string;
  chat: string;
  conversations: string;
  exchangesMean: string;
  exchangesMedian: string;
  noChat: string;
  chatLine(channel: string, mean: string, median: string, conversations: string): string;
  scoreImpact: string;
  scale: string;
  overallScore: string;
  scaleNames: Record<string, string>;
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
  keyness: string;
  keynessNote(maxP: string, minFrequency: string): string;
  over: string;
  under: string;
  term: string;
  type: string;
  inChannelOthers: string;
  logRatio: string;
  noKeyness: string;
  oneChannel: string;
  noKeyItems(maxP: string): string;
  nothing: string;
  cooccurrence: string;
  cooccurrenceNote: string;
  itemA: string;
  itemB: string;
  together: string;
  lift: string;
  noCooccurrence: string;
  noPairs: string;
  trends: string;
  themesByPeriod: string;
  irritantsByPeriod: string;
  periodCol: string;
  trendsNote: string;
  movesTitle(from: string, to: string): string;
  risers: string;
  fallers: string;
  change: string;
  direction: string;
  up: string;
  down: string;
  noMoves: string;
  undated(n: string): string;
  noTrends: string;
  noDates: string;
  onePeriod(period: string): string;
  noneOfKind: string;
  journey: string;
  journeyChannels: string;
  stages: Record<string, string>;
  mentions: string;
  family: string;
  noJourney: string;
  noJourneyMentions: string;
  kindNames: Record<string, string>;
  notComputed: string;
}

const insightFr: InsightWording = {
  extra: 'Analyses complémentaires',
  noSections: 'Non calculées : ce rapport ne contient ni échanges de chat ni analyses (sections.chat, sections.insight) ; la commande verbatim analyze les produit.',
  chat: 'Échanges de chat',
  conversations: 'Conversations',
  exchangesMean: 'Échanges/conv. (moy.)',
  exchangesMedian: 'Médiane',
  noChat: 'Aucune conversation de chat reconnue : les échanges ne sont pas comptés.',
  chatLine: (c, mean, median, n) => `${c} ${mean} (méd. ${median}, ${n} conv.)`,
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
  keyness: 'Spécificités par canal',
  keynessNote: (p, f) => `Mots, expressions et concepts sur- ou sous-représentés dans un canal par rapport aux autres (log-vraisemblance G² signé, p < ${p}, fréquence ≥ ${f}). Log ratio : log2 du rapport des fréquences relatives.`,
  over: 'Sur-représentés',
  under: 'Sous-représentés',
  term: 'Terme',
  type: 'Type',
  inChannelOthers: 'Canal / autres',
  logRatio: 'Log ratio',
  noKeyness: 'L’analyse des spécificités n’a pas été calculée pour ce rapport.',
  oneChannel: 'Un seul canal dans les données : les spécificités comparent les canaux entre eux.',
  noKeyItems: (p) => `Aucun mot ni concept ne distingue un canal des autres au seuil p < ${p}.`,
  nothing: 'rien au seuil retenu',
  cooccurrence: 'Co-occurrences',
  cooccurrenceNote: 'Paires d’éléments cités dans un même verbatim. Lift : fréquence observée de la paire rapportée à celle attendue par hasard (> 1 : plus souvent ensemble).',
  itemA: 'Élément A',
  itemB: 'Élément B',
  together: 'Ensemble',
  lift: 'Lift',
  noCooccurrence: 'L’analyse des co-occurrences n’a pas été calculée pour ce rapport.',
  noPairs: 'Aucune paire d’éléments n’est citée ensemble assez souvent.',
  trends: 'Évolution dans le temps',
  themesByPeriod: 'Thèmes par période',
  irritantsByPeriod: 'Irritants par période',
  periodCol: 'Période',
  trendsNote: 'Part des verbatims de la période qui citent l’élément (nombre entre parenthèses) ; les éléments les plus cités sur toute la période.',
  movesTitle: (a, b) => `Hausses et baisses (${a} → ${b})`,
  risers: 'Hausses',
  fallers: 'Baisses',
  change: 'Variation (pts)',
  direction: 'Sens',
  up: 'hausse',
  down: 'baisse',
  noMoves: 'Aucune variation notable entre les deux dernières périodes.',
  undated: (n) => `${n} verbatim(s) sans date ne figurent pas dans ces tableaux.`,
  noTrends: 'L’analyse de l’évolution n’a pas été calculée pour ce rapport.',
  noDates: 'Aucune date exploitable dans les données : l’évolution dans le temps ne peut pas être suivie.',
  onePeriod: (p) => `Toutes les dates tombent dans la même période (${p}) : il en faut au moins deux pour suivre une évolution.`,
  noneOfKind: 'Aucun élément de ce type n’est cité.',
  journey: 'Parcours client',
  journeyChannels: 'Irritants par étape, par canal',
  stages: { avant: 'Avant l’achat', pendant: 'Pendant l’achat', apres: 'Après l’achat', inconnu: 'Étape inconnue' },
  mentions: 'Mentions',
  family: 'Famille',
  noJourney: 'L’analyse du parcours client n’a pas été calculée pour ce rapport.',
  noJourneyMentions: 'Aucun irritant ni enchantement rattaché à une étape du parcours.',
  kindNames: { theme: 'thème', concept: 'concept', irritant: 'irritant', enchantment: 'enchantement', intent: 'intention', word: 'mot', expression: 'expression' },
  notComputed: '—',
};

const insightEn: InsightWording = {
  extra: 'Further analyses',
  noSections: 'Not computed: this report holds neither chat exchanges nor analyses (sections.chat, sections.insight); the verbatim analyze command produces them.',
  chat: 'Chat exchanges',
  conversations: 'Conversations',
  exchangesMean: 'Exchanges/conv. (mean)',
  exchangesMedian: 'Median',
  noChat: 'No chat conversation recognised: exchanges are not counted.',
  chatLine: (c, mean, median, n) => `${c} ${mean} (median ${median}, ${n} conv.)`,
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
  keyness: 'Keyness by channel',
  keynessNote: (p, f) => `Words, expressions and concepts over- or under-represented in a channel compared with the others (signed log-likelihood G², p < ${p}, frequency ≥ ${f}). Log ratio: log2 of the ratio of relative frequencies.`,
  over: 'Over-represented',
  under: 'Under-represented',
  term: 'Term',
  type: 'Type',
  inChannelOthers: 'Channel / others',
  logRatio: 'Log ratio',
  noKeyness: 'The keyness analysis was not computed for this report.',
  oneChannel: 'Only one channel in the data: keyness compares channels with each other.',
  noKeyItems: (p) => `No word or concept sets a channel apart at p < ${p}.`,
  nothing: 'nothing at this threshold',
  cooccurrence: 'Co-occurrences',
  cooccurrenceNote: 'Pairs of items cited in the same verbatim. Lift: observed frequency of the pair over the frequency expected by chance (> 1: more often together).',
  itemA: 'Item A',
  itemB: 'Item B',
  together: 'Together',
  lift: 'Lift',
  noCooccurrence: 'The co-occurrence analysis was not computed for this report.',
  noPairs: 'No pair of items is cited together often enough.',
  trends: 'Trends over time',
  themesByPeriod: 'Themes by period',
  irritantsByPeriod: 'Irritants by period',
  periodCol: 'Period',
  trendsNote: 'Share of the period’s verbatims citing the item (count in brackets); the most cited items over the whole time span.',
  movesTitle: (a, b) => `Risers and fallers (${a} → ${b})`,
  risers: 'Risers',
  fallers: 'Fallers',
  change: 'Change (pts)',
  direction: 'Direction',
  up: 'up',
  down: 'down',
  noMoves: 'No notable change between the last two periods.',
  undated: (n) => `${n} undated verbatim(s) are left out of these tables.`,
  noTrends: 'The trend analysis was not computed for this report.',
  noDates: 'No usable date in the data: trends over time cannot be followed.',
  onePeriod: (p) => `All dates fall in the same period (${p}): at least two are needed to follow a trend.`,
  noneOfKind: 'No item of this kind is cited.',
  journey: 'Customer journey',
  journeyChannels: 'Irritants by stage, per channel',
  stages: { avant: 'Before purchase', pendant: 'During purchase', apres: 'After purchase', inconnu: 'Unknown stage' },
  mentions: 'Mentions',
  family: 'Family',
  noJourney: 'The customer journey analysis was not computed for this report.',
  noJourneyMentions: 'No irritant or enchantment attached to a journey stage.',
  kindNames: { theme: 'theme', concept: 'concept', irritant: 'irritant', enchantment: 'enchantment', intent: 'intent', word: 'word', expression: 'expression' },
  notComputed: '—',
};

export function insightWordingFor(lang: string): InsightWording {
  return lang === 'en' ? insightEn : insightFr;
}

/** A signed number: "+4,2" / "-3.0"; zero has no sign. */
export function formatSigned(x: number | null, digits: number, lang: string): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const s = formatNumber(x, digits, lang);
  return x > 0 && Number(x.toFixed(digits)) !== 0 ? `+${s}` : s.replace(/^-(0[.,]?0*)$/, '$1');
}

/** A value already in points (0–100) as a percentage: "12,5 %" (fr) or "12.5%" (en). */
export function formatPoints(x: number | null, lang: string, digits = 1): string {
  return formatShare(x === null || !Number.isFinite(x) ? null : x / 100, lang, digits);
}

/** A p-value: "< 0,001" below a thousandth, else three decimals. */
export function formatP(p: number, lang: string): string {
  return p < 0.001 ? `< ${formatNumber(0.001, 3, lang)}` : formatNumber(p, 3, lang);
}

/** Entry labels from the all-channels view and each channel (an id has one label). */
export function entryLabels(report: Report): Map<string, string> {
  const labels = new Map<string, string>();
  for (const ch of [report.all, ...report.channels]) {
    for (const list of [ch.themes, ch.concepts, ch.irritants, ch.enchantments, ch.intents]) {
      for (const e of list) if (!labels.has(e.id)) labels.set(e.id, e.label);
    }
  }
  return labels;
}

/** Channel labels by id, `all` named in the renderer's language. */
export function channelLabels(report: Report, w: Wording): Map<string, string> {
  return new Map([...report.channels.map((c) => [c.channel, c.label] as const), ['all', w.allChannels]]);
}

/** Name of the headline score figure of a scale. */
export function headlineName(iw: InsightWording, kind: string): string {
  return kind === 'nps' ? iw.headline.nps : kind === 'stars' || kind === 'csat' ? iw.headline.satisfied : iw.headline.mean;
}

/** A headline value: NPS signed, % satisfied in points, else a mean. */
export function formatHeadline(kind: string, x: number | null, lang: string): string {
  if (kind === 'nps') return formatSigned(x, 0, lang);
  if (kind === 'stars' || kind === 'csat') return formatPoints(x, lang);
  return formatNumber(x, 2, lang);
}
