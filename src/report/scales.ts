// Score scales: the one detection of a histogram's scale, read by the core
// figures (NPS or stars per channel) and the score-impact section alike.
import { LOW_BASE } from './base.js';
import type { Counts } from './counts.js';

export type ScoreScaleKind = 'nps' | 'stars' | 'csat' | 'ces';

/**
 * A score's key in the report's histograms: the score to 3 significant
 * digits. Every rating is its own key (integers to 999, halves and tenths
 * under 100); a column written with more digits (a CSAT of 87.35, a model's
 * 0.8734, an amount) is counted to 0.5 % of each value at worst, and its
 * histograms hold at most 900 keys a power of ten instead of one per value
 * (a score column of 100,000 distinct decimals made a 100 MB run 3.2 times
 * slower and 3 times larger). -0 is 0.
 */
export function scoreKey(score: number): string {
  // Integer ratings, nearly every score, are their own key without the rounding's string round trip.
  if (Number.isInteger(score) && score > -1000 && score < 1000) return String(score + 0);
  return String(Number(score.toPrecision(3)) + 0);
}

/** How a score scale reads. */
export interface DetectedScoreScale {
  /** `unknown` when no scale fits (only means are given). */
  kind: ScoreScaleKind | 'unknown';
  min: number;
  max: number;
  /** False for CES effort scores, where a low score is good (unless `cesHigherIsEasier`). */
  higherIsBetter: boolean;
  /** True when found from the values, false when declared. */
  detected: boolean;
  /** Why this scale, in a sentence, for reports. */
  reason: string;
}

/** Score values seen (ascending) and their counts, from a histogram. */
export interface SortedScores {
  values: number[];
  counts: number[];
}

/** The finite score values of a histogram with a positive count, ascending. */
export function sortedScores(scores: Counts): SortedScores {
  const pairs = Object.entries(scores)
    .map(([k, n]) => [Number(k), n] as const)
    .filter(([v, n]) => Number.isFinite(v) && n > 0)
    .sort((x, y) => x[0] - y[0]);
  return { values: pairs.map((p) => p[0]), counts: pairs.map((p) => p[1]) };
}

/** A 1–7 scale is told from NPS only on a base this large with nothing above 7. */
const SEVEN_POINT_MIN_BASE = 30;

/**
 * Detects the scale from a histogram of score values (`{ "9": 12, "10": 30 }`):
 * 1–5 → stars; integers 0–10 with a 0 or a value ≥ 8 → NPS; integers 1–7 with at
 * least 30 scores and a 6 or 7 → CSAT 1–7 (fewer: NPS); within 0–100 otherwise →
 * CSAT 0–100. CES is never detected: declare it.
 */
export function detectScoreScale(scores: Counts): DetectedScoreScale {
  const { values, counts } = sortedScores(scores);
  const n = counts.reduce((s, c) => s + c, 0);
  const min = values[0];
  const max = values[values.length - 1];
  if (min === undefined || max === undefined) {
    return { kind: 'unknown', min: 0, max: 0, higherIsBetter: true, detected: true, reason: 'no scores' };
  }
  const integers = values.every((v) => Number.isInteger(v));
  const scale = (kind: ScoreScaleKind, lo: number, hi: number, reason: string): DetectedScoreScale => ({
    kind,
    min: lo,
    max: hi,
    higherIsBetter: true,
    detected: true,
    reason,
  });
  if (min >= 1 && max <= 5) return scale('stars', 1, 5, 'all scores between 1 and 5');
  if (integers && min >= 0 && max <= 10) {
    if (min >= 1 && max <= 7 && n >= SEVEN_POINT_MIN_BASE) {
      return scale('csat', 1, 7, `no score outside 1–7 among ${n}`);
    }
    return scale('nps', 0, 10, min === 0 ? 'integer scores from 0 to 10, with zeros' : 'integer scores from 0 to 10 above 5');
  }
  if (min >= 0 && max <= 100) return scale('csat', 0, 100, 'scores between 0 and 100');
  return { kind: 'unknown', min, max, higherIsBetter: true, detected: true, reason: `scores from ${min} to ${max} fit no known scale` };
}

/** A declared scale, its bounds read from the values where the kind allows several (CSAT 1–5, 1–7, 0–10, 0–100; CES 1–5 or 1–7). */
export function declaredScoreScale(kind: ScoreScaleKind, scores: Counts, cesHigherIsEasier: boolean): DetectedScoreScale {
  const { values } = sortedScores(scores);
  const max = values[values.length - 1] ?? 0;
  const declared = (min: number, hi: number, higherIsBetter = true): DetectedScoreScale => ({
    kind,
    min,
    max: hi,
    higherIsBetter,
    detected: false,
    reason: `declared ${kind}`,
  });
  switch (kind) {
    case 'nps':
      return declared(0, 10);
    case 'stars':
      return declared(1, 5);
    case 'csat':
      return max <= 5 ? declared(1, 5) : max <= 7 ? declared(1, 7) : max <= 10 ? declared(0, 10) : declared(0, 100);
    case 'ces':
      return declared(1, max <= 5 ? 5 : 7, cesHigherIsEasier);
  }
}

/** The scale of a histogram: detected (`auto`, the default) or declared. */
export function resolveScoreScale(option: ScoreScaleKind | 'auto' | undefined, scores: Counts, cesHigherIsEasier: boolean): DetectedScoreScale {
  return option === undefined || option === 'auto' ? detectScoreScale(scores) : declaredScoreScale(option, scores, cesHigherIsEasier);
}

/**
 * Where a score falls: -1 bottom segment (dissatisfied), 0 middle, 1 top
 * segment (satisfied). NPS detractors 0–6 / promoters 9–10; stars and 1–5
 * CSAT 1–2 / 4–5; other CSAT bottom-2 / top-2 boxes (0–100: < 20 / ≥ 80);
 * CES high / low effort; an unknown scale has no segments (always 0).
 */
export function scoreSegment(scale: DetectedScoreScale, v: number): -1 | 0 | 1 {
  switch (scale.kind) {
    case 'unknown':
      return 0;
    case 'nps':
      return v >= 9 ? 1 : v <= 6 ? -1 : 0;
    case 'ces': {
      const easy = scale.higherIsBetter ? v >= scale.max - 1 : v <= scale.min + 1;
      const hard = scale.higherIsBetter ? v <= scale.min + 1 : v >= scale.max - 1;
      return easy ? 1 : hard ? -1 : 0;
    }
    default:
      if (scale.max === 100) return v >= 80 ? 1 : v < 20 ? -1 : 0;
      return v >= scale.max - 1 ? 1 : v <= scale.min + 1 ? -1 : 0;
  }
}

// ---------------------------------------------------------------- declared scales that cannot be

/** A declared scale that the scores of a channel cannot be on. */
export interface ScoreScaleIssue {
  /** The channel whose scores do not fit. */
  channel: string;
  /** The input column the scores were read from, when known (`note`, `stars`…). */
  column?: string;
  /** The scale declared (`scoreScale`, `--scale`). */
  scale: ScoreScaleKind;
  /** Scores of the channel. */
  scored: number;
  /** Distinct values seen, ascending (at most 12). */
  values: number[];
  /** Stable code: `outside_scale` (values the scale cannot hold) or `nps_on_five` (a 1–5 rating declared NPS). */
  code?: ScoreScaleIssueCode;
  /** Whether more distinct values were seen than `values` holds. */
  more?: boolean;
  /** What is wrong, in English (`describeScoreScaleIssue(issue, 'fr')` says it in French). */
  message: string;
  hint: string;
}

/** Why a channel's scores cannot be on the declared scale. */
export type ScoreScaleIssueCode = 'outside_scale' | 'nps_on_five';

type ScaleFacts = Pick<ScoreScaleIssue, 'scale' | 'scored' | 'values' | 'more'> & { code: ScoreScaleIssueCode };
type ScaleCatalogue = (facts: ScaleFacts) => { message: string; hint: string };

const SCALE_RANGE_EN: Record<ScoreScaleKind, string> = { nps: 'whole numbers 0–10', stars: '1–5', csat: '0–100 at most', ces: '1–5 or 1–7' };
const SCALE_RANGE_FR: Record<ScoreScaleKind, string> = { nps: 'nombres entiers de 0 à 10', stars: '1 à 5', csat: '0 à 100 au plus', ces: '1 à 5 ou 1 à 7' };
const SCALE_OPTIONS_EN = 'auto (detect each channel\'s scale), nps (0–10), stars (1–5), csat or ces';
const SCALE_OPTIONS_FR = "auto (détecter l'échelle de chaque canal), nps (0–10), stars (1–5), csat ou ces";
const SCALE_HINT_EN: Record<ScoreScaleKind, string> = {
  nps: `NPS is asked on 0–10: declare the scale the scores are on (${SCALE_OPTIONS_EN})`,
  stars: `stars are 1–5: declare the scale the scores are on (${SCALE_OPTIONS_EN})`,
  csat: `declare the scale the scores are on (${SCALE_OPTIONS_EN})`,
  ces: `CES effort is asked on 1–5 or 1–7: declare the scale the scores are on (${SCALE_OPTIONS_EN})`,
};
const SCALE_HINT_FR: Record<ScoreScaleKind, string> = {
  nps: `le NPS se demande de 0 à 10 : déclarez l'échelle des notes (${SCALE_OPTIONS_FR})`,
  stars: `les étoiles vont de 1 à 5 : déclarez l'échelle des notes (${SCALE_OPTIONS_FR})`,
  csat: `déclarez l'échelle des notes (${SCALE_OPTIONS_FR})`,
  ces: `l'effort CES se demande de 1 à 5 ou de 1 à 7 : déclarez l'échelle des notes (${SCALE_OPTIONS_FR})`,
};
const seenValues = (f: ScaleFacts, decimal: string): string => `${f.values.map((v) => String(v).replace('.', decimal)).join(', ')}${f.more === true ? '…' : ''}`;

const scaleEn: ScaleCatalogue = (f) =>
  f.code === 'nps_on_five'
    ? {
        message: `${f.scored} scores declared nps (0–10), but all between 1 and 5 (values seen: ${seenValues(f, '.')}): a 1–5 rating read as NPS makes every customer a detractor`,
        hint: 'declare stars or csat (--scale stars|csat), or auto to detect each channel\'s scale',
      }
    : { message: `${f.scored} score${f.scored === 1 ? '' : 's'} declared ${f.scale} (${SCALE_RANGE_EN[f.scale]}), but values seen: ${seenValues(f, '.')}`, hint: SCALE_HINT_EN[f.scale] };

const scaleFr: ScaleCatalogue = (f) =>
  f.code === 'nps_on_five'
    ? {
        message: `${f.scored} notes déclarées nps (0–10), mais toutes entre 1 et 5 (valeurs vues : ${seenValues(f, ',')}) : une note de 1 à 5 lue comme un NPS fait de chaque client un détracteur`,
        hint: "déclarez stars ou csat (--scale stars|csat), ou auto pour détecter l'échelle de chaque canal",
      }
    : { message: `${f.scored} ${f.scored >= 2 ? 'notes déclarées' : 'note déclarée'} ${f.scale} (${SCALE_RANGE_FR[f.scale]}), mais valeurs vues : ${seenValues(f, ',')}`, hint: SCALE_HINT_FR[f.scale] };

/** What a score scale issue says in `lang` (default English); an issue without code keeps its own words. */
export function describeScoreScaleIssue(issue: ScoreScaleIssue, lang: 'fr' | 'en' = 'en'): { message: string; hint: string } {
  if (issue.code === undefined) return { message: issue.message, hint: issue.hint };
  return (lang === 'fr' ? scaleFr : scaleEn)({ code: issue.code, scale: issue.scale, scored: issue.scored, values: issue.values, ...(issue.more !== undefined ? { more: issue.more } : {}) });
}

function formatScaleIssue(issue: ScoreScaleIssue): string {
  const column = issue.column !== undefined ? `, column "${issue.column}"` : '';
  return `channel "${issue.channel}"${column}: ${issue.message}\n    hint: ${issue.hint}`;
}

/**
 * Scores that cannot be on the declared scale (`scoreScale: 'nps'` over a
 * channel rated 1–5, stars of 7 or 10…), with every channel concerned. Thrown
 * when the report is finalized: a wrong scale would give figures such as
 * "NPS −100" that look like findings.
 */
export class ScoreScaleError extends Error {
  readonly issues: ScoreScaleIssue[];

  constructor(issues: ScoreScaleIssue[]) {
    const scales = [...new Set(issues.map((i) => i.scale))].join(', ');
    super(
      `verbatim-fr: the declared score scale (${scales}) does not fit the scores, ${issues.length} channel${issues.length === 1 ? '' : 's'}:\n` +
        issues.map(formatScaleIssue).join('\n'),
    );
    this.name = 'ScoreScaleError';
    this.issues = issues;
  }

  /** The same error, each issue naming the column the scores were read from. */
  withColumn(column: string | undefined): ScoreScaleError {
    return column === undefined ? this : new ScoreScaleError(this.issues.map((i) => ({ ...i, column })));
  }
}

/** Why a channel's scores cannot be on a declared scale, or null when they can. */
function misfit(kind: ScoreScaleKind, values: readonly number[], scored: number): ScoreScaleIssueCode | null {
  const min = values[0];
  const max = values[values.length - 1];
  if (min === undefined || max === undefined) return null;
  switch (kind) {
    case 'nps':
      if (min < 0 || max > 10 || values.some((v) => !Number.isInteger(v))) return 'outside_scale';
      // Nobody above 5 and nobody at 0 on a base this large: a 1–5 rating read as NPS would show "NPS −100".
      return min >= 1 && max <= 5 && scored >= LOW_BASE ? 'nps_on_five' : null;
    case 'stars':
      return min < 1 || max > 5 ? 'outside_scale' : null;
    case 'csat':
      return min < 0 || max > 100 ? 'outside_scale' : null;
    case 'ces':
      return min < 1 || max > 7 ? 'outside_scale' : null;
  }
}

/**
 * Checks that the scores of each channel can be on the declared scale (none
 * to check with `auto`); throws a `ScoreScaleError` listing every channel
 * that cannot, with the values seen. `byChannel`: score histogram per channel.
 */
export function checkDeclaredScale(option: ScoreScaleKind | 'auto' | undefined, byChannel: Readonly<Record<string, Counts>>): void {
  if (option === undefined || option === 'auto') return;
  const issues: ScoreScaleIssue[] = [];
  for (const channel of Object.keys(byChannel).sort()) {
    const { values, counts } = sortedScores(byChannel[channel] as Counts);
    const scored = counts.reduce((s, c) => s + c, 0);
    const code = misfit(option, values, scored);
    if (code === null) continue;
    const facts: ScaleFacts = { code, scale: option, scored, values: values.slice(0, 12), more: values.length > 12 };
    issues.push({ channel, ...facts, ...scaleEn(facts) });
  }
  if (issues.length > 0) throw new ScoreScaleError(issues);
}
