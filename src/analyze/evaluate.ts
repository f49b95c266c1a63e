// Scores an analyser against annotated verbatims (gold), per label family,
// as described in the evaluation README: per-label P/R/F1, micro and macro
// averages, tonality accuracy and confusion, and the worst errors with text.
import { TONALITIES, type Tonality, type VerbatimAnalysis } from '../types.js';
import type { Analyzer } from './analyze.js';
import { suggestForLabels, type LabelOutcomes, type LabelSuggestions, type SuggestOptions } from './suggest.js';
import { analyzeVerbatim } from './transcript.js';
import { expectedError, typeName } from '../_utils/describe.js';

/**
 * One annotated verbatim, as `parseGoldJsonl` reads a line of a gold file
 * (which names its fields in French: `enchantements`, `intentions`,
 * `tonalite` with `positif`…). Each list is compared with the analysis' list
 * of the same name.
 */
export interface GoldVerbatim {
  id: string;
  text: string;
  channel?: string;
  score?: number | null;
  date?: string;
  themes: string[];
  irritants: string[];
  enchantments: string[];
  intents: string[];
  tonality: Tonality;
  /** The verbatim's sector, when the gold file says (`banque`, `transport_rail_air`…). */
  sector?: string;
}

/** The label families scored: the lists of an analysis. */
export type EvalFamily = 'themes' | 'irritants' | 'enchantments' | 'intents';
export const EVAL_FAMILIES: readonly EvalFamily[] = ['themes', 'irritants', 'enchantments', 'intents'];

export interface LabelScore {
  label: string;
  tp: number;
  fp: number;
  fn: number;
  /** Gold verbatims carrying the label (tp + fn). */
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ErrorExample {
  id: string;
  label: string;
  text: string;
  /** False positives: the lexicon terms that produced the label. */
  terms?: string[];
}

export interface FamilyScore {
  family: EvalFamily;
  /** Labels seen in gold or predictions, worst F1 first. */
  labels: LabelScore[];
  micro: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
  /** Means over labels of the per-label figures. */
  macro: { precision: number; recall: number; f1: number };
  falsePositives: ErrorExample[];
  falseNegatives: ErrorExample[];
}

export interface TonalityScore {
  accuracy: number;
  total: number;
  /** confusion[gold][predicted] = count */
  confusion: Record<Tonality, Record<Tonality, number>>;
  errors: Array<{ id: string; gold: Tonality; predicted: Tonality; text: string }>;
}

export interface EvalReport {
  count: number;
  families: Record<EvalFamily, FamilyScore>;
  tonality: TonalityScore;
  /**
   * With `options.suggest`: per family, for each label with errors (worst F1
   * first, as `labels`), candidate terms from its false negatives and
   * candidate exclusions from its false positives.
   */
  suggestions?: Record<EvalFamily, LabelSuggestions[]>;
}

export interface EvaluateOptions {
  /** Error examples kept per family and kind (default 10). */
  examples?: number;
  /**
   * Predicted id → gold label, per family, for lexicons whose ids differ from
   * the gold file's (an intent cannot share the id of a theme in one lexicon:
   * `{ intents: { intention_resiliation: 'resiliation' } }`). Default: none.
   */
  rename?: Partial<Record<EvalFamily, Record<string, string>>>;
  /**
   * The analyser for one gold verbatim (default: the one given), e.g. one with
   * the sector layer its `sector` names, as `verbatim eval --gold-sectors` does.
   */
  analyzerFor?: (gold: GoldVerbatim) => Analyzer;
  /**
   * Suggest lexicon edits per label (default false): the expressions
   * over-represented in its false negatives (log-likelihood against the other
   * gold verbatims, content words and 2–3-word expressions grouped by stem)
   * and the lexicon terms behind its false positives. `true` or the options.
   */
  suggest?: boolean | SuggestOptions;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function predicted(analysis: VerbatimAnalysis, family: EvalFamily): string[] {
  // The residual label says "no irritant found": never a taxonomy irritant.
  if (family === 'irritants' && analysis.residual !== undefined) return analysis.irritants.filter((id) => id !== analysis.residual);
  return analysis[family];
}

/** The matches that gave `label` (a theme: every match of the theme; else the entry's, under its public id). */
function matchesFor(analysis: VerbatimAnalysis, family: EvalFamily, label: string, publicId: (id: string) => string): VerbatimAnalysis['matches'] {
  return analysis.matches.filter((m) => (family === 'themes' ? m.theme === label : publicId(m.id) === label));
}

function termsFor(analysis: VerbatimAnalysis, family: EvalFamily, label: string, publicId: (id: string) => string): string[] {
  return [...new Set(matchesFor(analysis, family, label, publicId).map((m) => `${m.term} → «${m.text}»`))];
}

/** The predicted ids read as `label` (itself, and the ids `rename` maps to it). */
const namesOf = (label: string, rename: Record<string, string>): string[] => [label, ...Object.keys(rename).filter((k) => rename[k] === label)];

function scoreFamily(
  family: EvalFamily,
  gold: readonly GoldVerbatim[],
  analyses: readonly VerbatimAnalysis[],
  keep: number,
  rename: Record<string, string>,
  publicId: (id: string) => string,
  outcomes?: Map<string, LabelOutcomes>,
): FamilyScore {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const get = (label: string) => {
    let c = counts.get(label);
    if (c === undefined) {
      c = { tp: 0, fp: 0, fn: 0 };
      counts.set(label, c);
    }
    return c;
  };
  // Every outcome by gold index, when suggestions are asked for.
  const note = (label: string, kind: 'truePositives' | 'falsePositives' | 'falseNegatives', i: number): void => {
    if (outcomes === undefined) return;
    let o = outcomes.get(label);
    if (o === undefined) outcomes.set(label, (o = { label, truePositives: [], falsePositives: [], falseNegatives: [] }));
    o[kind].push(i);
  };
  const fps: ErrorExample[] = [];
  const fns: ErrorExample[] = [];
  gold.forEach((g, i) => {
    const analysis = analyses[i];
    if (analysis === undefined) return;
    const want = new Set(g[family]);
    const got = new Set(predicted(analysis, family).map((id) => rename[id] ?? id));
    for (const label of got) {
      if (want.has(label)) {
        get(label).tp += 1;
        note(label, 'truePositives', i);
      } else {
        get(label).fp += 1;
        note(label, 'falsePositives', i);
        fps.push({ id: g.id, label, text: g.text, terms: namesOf(label, rename).flatMap((l) => termsFor(analysis, family, l, publicId)) });
      }
    }
    for (const label of want) {
      if (!got.has(label)) {
        get(label).fn += 1;
        note(label, 'falseNegatives', i);
        fns.push({ id: g.id, label, text: g.text });
      }
    }
  });
  const labels: LabelScore[] = [...counts.entries()].map(([label, c]) => {
    const precision = ratio(c.tp, c.tp + c.fp);
    const recall = ratio(c.tp, c.tp + c.fn);
    return { label, ...c, support: c.tp + c.fn, precision, recall, f1: f1Of(precision, recall) };
  });
  labels.sort((a, b) => a.f1 - b.f1 || b.support - a.support || (a.label < b.label ? -1 : 1));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const l of labels) {
    tp += l.tp;
    fp += l.fp;
    fn += l.fn;
  }
  const mp = ratio(tp, tp + fp);
  const mr = ratio(tp, tp + fn);
  const mean = (pick: (l: LabelScore) => number): number => ratio(labels.reduce((s, l) => s + pick(l), 0), labels.length);
  // Worst first: errors of the labels that err most often, then by id for stable output.
  const rank = (list: ErrorExample[], by: 'fp' | 'fn'): ErrorExample[] =>
    list
      .sort((a, b) => (counts.get(b.label)?.[by] ?? 0) - (counts.get(a.label)?.[by] ?? 0) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, keep);
  return {
    family,
    labels,
    micro: { precision: mp, recall: mr, f1: f1Of(mp, mr), tp, fp, fn },
    macro: { precision: mean((l) => l.precision), recall: mean((l) => l.recall), f1: mean((l) => l.f1) },
    falsePositives: rank(fps, 'fp'),
    falseNegatives: rank(fns, 'fn'),
  };
}

/** Runs the analyser on every gold verbatim and scores it. Pure and deterministic. */
export function evaluate(goldInput: readonly GoldVerbatim[], analyzer: Analyzer, options: EvaluateOptions = {}): EvalReport {
  const gold = goldInput;
  if (!Array.isArray(goldInput)) throw expectedError('an array of gold verbatims', typeName(goldInput));
  const keep = options.examples ?? 10;
  for (const family of Object.keys(options.rename ?? {})) {
    if (!(EVAL_FAMILIES as readonly string[]).includes(family)) {
      throw expectedError(`options.rename keys among ${EVAL_FAMILIES.join(', ')}`, `"${family}"`);
    }
  }
  // Lists in analyses carry each entry's public id (`tag`); matches carry the entry id.
  const publicId = (id: string): string => analyzer.entries.get(id)?.tag ?? id;
  const analyses = gold.map((g) => {
    const v: { id: string; text: string; channel?: string } = { id: g.id, text: g.text };
    if (g.channel !== undefined) v.channel = g.channel;
    // The same pipeline as `verbatim analyze`: chat transcripts on their customer turns.
    return analyzeVerbatim(v, options.analyzerFor?.(g) ?? analyzer);
  });
  const suggest = options.suggest ?? false;
  if (typeof suggest !== 'boolean' && (typeof suggest !== 'object' || suggest === null)) {
    throw expectedError('options.suggest to be a boolean or an object', typeName(suggest));
  }
  const outcomes = new Map<EvalFamily, Map<string, LabelOutcomes>>();
  const families = Object.fromEntries(
    EVAL_FAMILIES.map((f) => {
      const sink = suggest === false ? undefined : new Map<string, LabelOutcomes>();
      if (sink !== undefined) outcomes.set(f, sink);
      return [f, scoreFamily(f, gold, analyses, keep, options.rename?.[f] ?? {}, publicId, sink)];
    }),
  ) as Record<EvalFamily, FamilyScore>;
  const confusion = Object.fromEntries(TONALITIES.map((t) => [t, Object.fromEntries(TONALITIES.map((u) => [u, 0]))])) as Record<Tonality, Record<Tonality, number>>;
  let right = 0;
  const errors: TonalityScore['errors'] = [];
  gold.forEach((g, i) => {
    const p: Tonality = analyses[i]?.tonality ?? 'neutre';
    confusion[g.tonality][p] += 1;
    if (p === g.tonality) right += 1;
    else errors.push({ id: g.id, gold: g.tonality, predicted: p, text: g.text });
  });
  const report: EvalReport = {
    count: gold.length,
    families,
    tonality: { accuracy: ratio(right, gold.length), total: gold.length, confusion, errors: errors.slice(0, keep) },
  };
  if (suggest !== false) {
    const suggestOptions = suggest === true ? {} : suggest;
    report.suggestions = Object.fromEntries(
      EVAL_FAMILIES.map((f) => {
        const rename = options.rename?.[f] ?? {};
        const byLabel = outcomes.get(f) as Map<string, LabelOutcomes>;
        // In the order of the scores: worst F1 first.
        const ordered = families[f].labels.flatMap((l) => byLabel.get(l.label) ?? []);
        const labelMatches = (analysis: VerbatimAnalysis, label: string) => namesOf(label, rename).flatMap((l) => matchesFor(analysis, f, l, publicId));
        return [f, suggestForLabels(gold, analyses, ordered, labelMatches, suggestOptions)];
      }),
    ) as Record<EvalFamily, LabelSuggestions[]>;
  }
  return report;
}

// ------------------------------------------------------------------ thresholds

export interface ThresholdFailure {
  /** As written in the spec (`themes`, `irritants.macro`, `tonality`). */
  key: string;
  /** What is measured: a family's F1 (micro or macro average), or the tonality accuracy. */
  family: EvalFamily | 'tonality';
  average: 'micro' | 'macro';
  actual: number;
  threshold: number;
  /** In English: `themes micro F1 0.712 < 0.8`. */
  message: string;
}

const FAMILY_ALIASES: Record<string, EvalFamily | 'tonality'> = {
  themes: 'themes', theme: 'themes', themas: 'themes',
  irritants: 'irritants', irritant: 'irritants',
  enchantments: 'enchantments', enchantment: 'enchantments', enchantements: 'enchantments', enchantement: 'enchantments',
  intents: 'intents', intent: 'intents', intentions: 'intents', intention: 'intents',
  tonality: 'tonality', tonalite: 'tonality', tonalité: 'tonality',
};

/** One threshold of a `--fail-under` spec: a family (its micro or macro F1) or tonality accuracy, and the least value. */
export interface Threshold {
  key: string;
  family: EvalFamily | 'tonality';
  average: 'micro' | 'macro';
  threshold: number;
}

/**
 * The thresholds of a spec like "themes=0.8,irritants.macro=0.6,tonality=0.8";
 * throws a TypeError naming the part that is not one (before any evaluation runs).
 */
export function parseThresholds(spec: string): Threshold[] {
  if (typeof spec !== 'string') throw expectedError('a threshold spec like "themes=0.8,tonality=0.8"', typeof spec);
  const out: Threshold[] = [];
  for (const part of spec.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [rawKey = '', rawValue = ''] = part.split('=').map((s) => s.trim());
    const [name = '', average = 'micro'] = rawKey.toLowerCase().split('.');
    const family = FAMILY_ALIASES[name];
    const threshold = Number(rawValue);
    if (family === undefined || !(average === 'micro' || average === 'macro') || rawValue === '' || !Number.isFinite(threshold)) {
      throw expectedError('thresholds like "themes=0.8,irritants.macro=0.6,tonality=0.8" (families: themes, irritants, enchantments, intents, tonality)', `"${part}"`);
    }
    out.push({ key: rawKey, family, average, threshold });
  }
  return out;
}

/**
 * Checks a report against minimum scores: `"themes=0.8,irritants=0.7,tonality=0.8"`.
 * Families are compared on micro F1 (`themes.macro=…` for macro F1), tonality on accuracy.
 * Returns the failures (empty when every threshold is met).
 */
export function checkThresholds(report: EvalReport, spec: string): ThresholdFailure[] {
  const failures: ThresholdFailure[] = [];
  for (const { key, family, average, threshold } of parseThresholds(spec)) {
    const actual = family === 'tonality' ? report.tonality.accuracy : report.families[family][average].f1;
    if (actual < threshold) {
      const what = family === 'tonality' ? 'tonality accuracy' : `${family} ${average} F1`;
      failures.push({ key, family, average, actual, threshold, message: `${what} ${actual.toFixed(3)} < ${threshold}` });
    }
  }
  return failures;
}
