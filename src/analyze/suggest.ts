// What `verbatim eval --suggest` proposes per label: the expressions its false
// negatives share and the rest of the gold does not (candidate terms), and the
// lexicon terms behind its false positives (candidate exclusions).
//
// Candidate terms are found as the keyness section finds a channel's words:
// Dunning's log-likelihood on verbatim counts (false negatives of the label
// against every other gold verbatim), over the analysis' content words (stop
// words dropped, negators kept) and their 2–3-word runs, grouped by stem.
import { chiSquarePValue, logLikelihood } from '../_utils/log-likelihood.js';
import { FRENCH_NEGATORS } from '../text/negators.js';
import { stem } from '../text/stem.js';
import type { VerbatimAnalysis } from '../types.js';
import { expectedError } from '../_utils/describe.js';

/** Options of `evaluate(…, { suggest })`. */
export interface SuggestOptions {
  /** Candidate terms and exclusions listed per label (default 5 each). */
  top?: number;
  /** A candidate term must be in at least this many false negatives of the label (default 2). */
  minVerbatims?: number;
  /** Largest p-value of the log-likelihood (1 degree of freedom) for a candidate term (default 0.05). */
  maxP?: number;
  /** Example verbatims per candidate (default 2). */
  examples?: number;
}

/** A verbatim quoted by a suggestion. */
export interface SuggestionExample {
  id: string;
  text: string;
}

/** An expression over-represented in a label's false negatives: a candidate term for its entry. */
export interface SuggestedTerm {
  /** The expression as most of those verbatims write it (content words, space-separated, as `keywords`). */
  term: string;
  /** The other forms grouped with it (same stems), most frequent first. */
  variants: string[];
  /** False negatives of the label holding it. */
  count: number;
  /** Other gold verbatims holding it. */
  otherCount: number;
  /** Log-likelihood G² of `count` of the false negatives against `otherCount` of the rest. */
  g2: number;
  p: number;
  examples: SuggestionExample[];
}

/** A lexicon term that gave a label where the gold has none: a candidate exclusion. */
export interface SuggestedExclusion {
  /** The lexicon entry that matched. */
  entry: string;
  /** The term as written in the lexicon. */
  term: string;
  /** The texts it matched in the false positives, most frequent first. */
  spans: string[];
  /** False positives of the label it gave. */
  falsePositives: number;
  /** Verbatims where it gave the label rightly: what an exclusion must not cancel. */
  truePositives: number;
  /** False positives quoted, the matched span between « ». */
  examples: SuggestionExample[];
}

/** What to add to, and exclude from, the entries behind one label. */
export interface LabelSuggestions {
  label: string;
  falseNegatives: number;
  falsePositives: number;
  terms: SuggestedTerm[];
  exclusions: SuggestedExclusion[];
}

/** A label's errors and rightful finds, as indices into the gold (and its analyses). */
export interface LabelOutcomes {
  label: string;
  truePositives: number[];
  falsePositives: number[];
  falseNegatives: number[];
}

/** The matches of a verbatim that produced a label (the evaluation's reading of ids). */
export type LabelMatches = (analysis: VerbatimAnalysis, label: string) => VerbatimAnalysis['matches'];

/** Negators are kept in expressions but say nothing on their own (as in the report's word tables). */
const LONE_IGNORED: ReadonlySet<string> = new Set([...FRENCH_NEGATORS, 'n']);

interface VerbatimTerms {
  /** Stem key → the form this verbatim writes. */
  forms: Map<string, string>;
}

function nonNegativeInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw expectedError(`options.suggest.${name} to be a non-negative integer`, String(value));
  }
  return value;
}

/** The content words of an analysis and their 2–3-word runs, each once, keyed by their stems. */
function termsOf(analysis: VerbatimAnalysis): VerbatimTerms {
  const words = analysis.keywords;
  const stems = words.map((w) => stem(w));
  const forms = new Map<string, string>();
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      if (n === 1 && LONE_IGNORED.has(words[i] as string)) continue;
      const key = stems.slice(i, i + n).join(' ');
      if (!forms.has(key)) forms.set(key, words.slice(i, i + n).join(' '));
    }
  }
  return { forms };
}

const byCountThenText = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The verbatim with the span marked, for an exclusion's example. */
function marked(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}«${text.slice(start, end)}»${text.slice(end)}`;
}

/**
 * Suggestions for the labels of one family, from the evaluation's outcomes.
 * Deterministic: ties are broken by text, then by gold order.
 */
export function suggestForLabels(
  gold: ReadonlyArray<{ id: string; text: string }>,
  analyses: readonly VerbatimAnalysis[],
  outcomes: readonly LabelOutcomes[],
  matchesFor: LabelMatches,
  options: SuggestOptions = {},
): LabelSuggestions[] {
  const top = nonNegativeInteger(options.top, 'top', 5);
  const minVerbatims = Math.max(1, nonNegativeInteger(options.minVerbatims, 'minVerbatims', 2));
  const keepExamples = nonNegativeInteger(options.examples, 'examples', 2);
  const maxP = options.maxP ?? 0.05;
  if (typeof maxP !== 'number' || !(maxP > 0 && maxP <= 1)) throw expectedError('options.suggest.maxP within (0, 1]', String(maxP));

  // Terms of every gold verbatim, and in how many verbatims each stem key stands.
  const terms: VerbatimTerms[] = analyses.map(termsOf);
  const documentFrequency = new Map<string, number>();
  for (const t of terms) for (const key of t.forms.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  const total = analyses.length;
  const example = (i: number): SuggestionExample => ({ id: (gold[i] as { id: string }).id, text: (gold[i] as { text: string }).text });

  const out: LabelSuggestions[] = [];
  for (const o of outcomes) {
    if (o.falseNegatives.length === 0 && o.falsePositives.length === 0) continue;
    out.push({
      label: o.label,
      falseNegatives: o.falseNegatives.length,
      falsePositives: o.falsePositives.length,
      terms: candidateTerms(o.falseNegatives, terms, documentFrequency, total, { top, minVerbatims, maxP, keepExamples }, example),
      exclusions: candidateExclusions(o, analyses, matchesFor, { top, keepExamples }),
    });
  }
  return out;
}

function candidateTerms(
  falseNegatives: readonly number[],
  terms: readonly VerbatimTerms[],
  documentFrequency: ReadonlyMap<string, number>,
  total: number,
  s: { top: number; minVerbatims: number; maxP: number; keepExamples: number },
  example: (i: number) => SuggestionExample,
): SuggestedTerm[] {
  const c = falseNegatives.length;
  const d = total - c;
  if (c < s.minVerbatims || d === 0 || s.top === 0) return [];
  // Per stem key: the false negatives holding it (gold order) and the forms they write.
  const found = new Map<string, { at: number[]; forms: Map<string, number> }>();
  for (const i of falseNegatives) {
    for (const [key, form] of (terms[i] as VerbatimTerms).forms) {
      let f = found.get(key);
      if (f === undefined) found.set(key, (f = { at: [], forms: new Map() }));
      f.at.push(i);
      f.forms.set(form, (f.forms.get(form) ?? 0) + 1);
    }
  }
  const list: SuggestedTerm[] = [];
  for (const [key, f] of found) {
    const a = f.at.length;
    if (a < s.minVerbatims) continue;
    const b = (documentFrequency.get(key) ?? 0) - a;
    // Over-represented only: more often in the false negatives than in the rest.
    if (!(a / c > b / d)) continue;
    const g2 = logLikelihood(a, b, c, d);
    const p = chiSquarePValue(g2);
    if (!(p < s.maxP)) continue;
    const forms = [...f.forms].sort(byCountThenText).map(([form]) => form);
    list.push({ term: forms[0] as string, variants: forms.slice(1), count: a, otherCount: b, g2, p, examples: f.at.slice(0, s.keepExamples).map(example) });
  }
  // Strongest first; at equal strength the longer expression (more precise as a term), then the text.
  const words = (t: SuggestedTerm): number => t.term.split(' ').length;
  list.sort((x, y) => y.g2 - x.g2 || y.count - x.count || words(y) - words(x) || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  return list.slice(0, s.top);
}

function candidateExclusions(
  o: LabelOutcomes,
  analyses: readonly VerbatimAnalysis[],
  matchesFor: LabelMatches,
  s: { top: number; keepExamples: number },
): SuggestedExclusion[] {
  if (o.falsePositives.length === 0 || s.top === 0) return [];
  const keyOf = (entry: string, term: string): string => `${entry}\u0000${term}`;
  const byTerm = new Map<string, { entry: string; term: string; fp: number[]; spans: Map<string, number>; examples: SuggestionExample[] }>();
  for (const i of o.falsePositives) {
    const analysis = analyses[i] as VerbatimAnalysis;
    const seen = new Set<string>();
    for (const m of matchesFor(analysis, o.label)) {
      const key = keyOf(m.id, m.term);
      let t = byTerm.get(key);
      if (t === undefined) byTerm.set(key, (t = { entry: m.id, term: m.term, fp: [], spans: new Map(), examples: [] }));
      t.spans.set(m.text, (t.spans.get(m.text) ?? 0) + 1);
      if (seen.has(key)) continue;
      seen.add(key);
      t.fp.push(i);
      if (t.examples.length < s.keepExamples) t.examples.push({ id: analysis.id, text: marked(analysis.text, m.start, m.end) });
    }
  }
  // How often the same term gave the label rightly.
  const truePositives = new Map<string, number>();
  for (const i of o.truePositives) {
    const keys = new Set(matchesFor(analyses[i] as VerbatimAnalysis, o.label).map((m) => keyOf(m.id, m.term)));
    for (const key of keys) if (byTerm.has(key)) truePositives.set(key, (truePositives.get(key) ?? 0) + 1);
  }
  return [...byTerm]
    .map(([key, t]): SuggestedExclusion => ({
      entry: t.entry,
      term: t.term,
      spans: [...t.spans].sort(byCountThenText).map(([span]) => span),
      falsePositives: t.fp.length,
      truePositives: truePositives.get(key) ?? 0,
      examples: t.examples,
    }))
    // The terms that err most and are least often right first.
    .sort((x, y) => y.falsePositives - x.falsePositives || x.truePositives - y.truePositives || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0) || (x.entry < y.entry ? -1 : 1))
    .slice(0, s.top);
}
