/** Shared wording and number formats of the text renderers (internal). */
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
  /** Separator after a label: " : " in French, ": " in English. */
  colon: string;
}

const fr: Wording = {
  title: 'Rapport verbatim-fr',
  inputRows: 'lignes lues',
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

export function truncate(s: string, width: number): string {
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
  if (s.approximate) parts.push(w.approximate);
  return parts;
}
