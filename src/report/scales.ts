// Score scales: the one detection of a histogram's scale, read by the core
// figures (NPS or stars per channel) and the score-impact section alike.
import { LOW_BASE } from './base.js';
import type { Counts } from './counts.js';

export type ScoreScaleKind = 'nps' | 'stars' | 'csat' | 'ces';

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
  message: string;
  hint: string;
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

const SCALE_OPTIONS = 'auto (detect each channel\'s scale), nps (0–10), stars (1–5), csat or ces';

/** Why a channel's scores cannot be on a declared scale, or null when they can. */
function misfit(kind: ScoreScaleKind, values: readonly number[], scored: number): { message: string; hint: string } | null {
  const min = values[0];
  const max = values[values.length - 1];
  if (min === undefined || max === undefined) return null;
  const seen = `values seen: ${values.slice(0, 12).join(', ')}${values.length > 12 ? '…' : ''}`;
  const outside = (range: string, hint: string) => ({ message: `${scored} score${scored === 1 ? '' : 's'} declared ${kind} (${range}), but ${seen}`, hint });
  switch (kind) {
    case 'nps':
      if (min < 0 || max > 10 || values.some((v) => !Number.isInteger(v))) {
        return outside('whole numbers 0–10', `NPS is asked on 0–10: declare the scale the scores are on (${SCALE_OPTIONS})`);
      }
      // Nobody above 5 and nobody at 0 on a base this large: a 1–5 rating read as NPS would show "NPS −100".
      if (min >= 1 && max <= 5 && scored >= LOW_BASE) {
        return {
          message: `${scored} scores declared nps (0–10), but all between 1 and 5 (${seen}): a 1–5 rating read as NPS makes every customer a detractor`,
          hint: 'declare stars or csat (--scale stars|csat), or auto to detect each channel\'s scale',
        };
      }
      return null;
    case 'stars':
      return min < 1 || max > 5 ? outside('1–5', `stars are 1–5: declare the scale the scores are on (${SCALE_OPTIONS})`) : null;
    case 'csat':
      return min < 0 || max > 100 ? outside('0–100 at most', `declare the scale the scores are on (${SCALE_OPTIONS})`) : null;
    case 'ces':
      return min < 1 || max > 7 ? outside('1–5 or 1–7', `CES effort is asked on 1–5 or 1–7: declare the scale the scores are on (${SCALE_OPTIONS})`) : null;
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
    const problem = misfit(option, values, scored);
    if (problem !== null) issues.push({ channel, scale: option, scored, values: values.slice(0, 12), ...problem });
  }
  if (issues.length > 0) throw new ScoreScaleError(issues);
}
