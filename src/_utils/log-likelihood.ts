// Statistics used by the insight analyses: Dunning's log-likelihood (G²), the
// chi-square survival function for 1 degree of freedom, and the log ratio.
// Pure arithmetic, below every room: the keyness section, discovery and the
// evaluation's suggestions all read it.
import { describe, expectedError } from './describe.js';

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * Complementary error function, to about 1e-15 relative: a positive-term series
 * for erf below 2.5 (no cancellation), Lentz's continued fraction above (keeps the
 * relative precision of tiny tails).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    // erf(x) = 2/√π · e^{−x²} · Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 500; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
      if (term <= sum * 1e-17) break;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/**
 * P(X ≥ statistic) for X following a chi-square law with 1 degree of freedom:
 * `erfc(√(statistic / 2))`. 3.84 → 0.05, 6.63 → 0.01, 10.83 → 0.001.
 */
export function chiSquarePValue(statistic: number): number {
  if (typeof statistic !== 'number' || Number.isNaN(statistic)) {
    throw expectedError('a chi-square statistic (number)', describe(statistic));
  }
  return statistic <= 0 ? 1 : erfc(Math.sqrt(statistic / 2));
}

/**
 * `rayson`: the two-term form of Rayson & Garside (2000), as in the UCREL
 * log-likelihood calculator; `full`: the four cells of the 2×2 table.
 */
export type LogLikelihoodFormula = 'rayson' | 'full';

function oLogOverE(o: number, e: number): number {
  return o > 0 && e > 0 ? o * Math.log(o / e) : 0;
}

/**
 * Dunning's log-likelihood G² of a word seen `a` times in a corpus of `c` words
 * and `b` times in a corpus of `d` words. The 2×2 table is
 * `[[a, b], [c − a, d − b]]`; expected values `E1 = c(a+b)/(c+d)`,
 * `E2 = d(a+b)/(c+d)`. Unsigned (see `keyness` for the sign).
 */
export function logLikelihood(a: number, b: number, c: number, d: number, formula: LogLikelihoodFormula = 'rayson'): number {
  for (const [name, v] of [['a', a], ['b', b], ['c', c], ['d', d]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw expectedError(`${name} to be a non-negative number in logLikelihood`, describe(v));
    }
  }
  if (a > c || b > d) {
    throw new TypeError(`verbatim-fr: expected frequencies within corpus sizes in logLikelihood, got ${a}/${c} and ${b}/${d}`);
  }
  const n = c + d;
  if (n === 0) return 0;
  const e1 = (c * (a + b)) / n;
  const e2 = (d * (a + b)) / n;
  let sum = oLogOverE(a, e1) + oLogOverE(b, e2);
  if (formula === 'full') {
    const rest = n - a - b;
    sum += oLogOverE(c - a, (c * rest) / n) + oLogOverE(d - b, (d * rest) / n);
  }
  return Math.max(0, 2 * sum);
}

/**
 * Effect size: binary log of the ratio of relative frequencies (Hardie's Log
 * Ratio); a zero frequency counts as 0.5 so the ratio stays finite. Null when a
 * corpus is empty.
 */
export function logRatio(a: number, b: number, c: number, d: number): number | null {
  if (c <= 0 || d <= 0) return null;
  return Math.log2(((a > 0 ? a : 0.5) / c) / ((b > 0 ? b : 0.5) / d));
}
