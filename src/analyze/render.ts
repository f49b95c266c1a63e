// Renders an evaluation report as text (fits 100 columns) or JSON; the text
// in French (default) or English, JSON the same in both.
import { formatNumber, plural } from '../_utils/numbers.js';
import { TONALITIES } from '../types.js';
import { EVAL_FAMILIES, type EvalFamily, type EvalReport, type FamilyScore } from './evaluate.js';
import type { LabelSuggestions } from './suggest.js';
import { expectedError } from '../_utils/describe.js';

const WIDTH = 100;

/** Languages of the text: the report's (`ReportLang`), which this room may not import. */
type EvalLang = 'fr' | 'en';

/** Options of `renderEvalReport`. */
export interface RenderEvalOptions {
  /** Language of the text's words and decimal mark (default `fr`); JSON is the same in both. */
  lang?: 'fr' | 'en';
}

interface EvalWords {
  colon: string;
  family: Record<EvalFamily, string>;
  title(count: number): string;
  familyHead: string;
  tonality: string;
  accuracy: string;
  /** Per-label columns: the label, then support and the counts of true positives, false positives, false negatives. */
  labels: { label: string; support: string; tp: string; fp: string; fn: string };
  falsePositives: string;
  by: string;
  falseNegatives: string;
  confusion: string;
  errors: string;
  suggestions: string;
  noSuggestion: string;
  misses(falseNegatives: number, falsePositives: number): string;
  candidateTerms: string;
  /** "4 of 4 missed, 0 elsewhere" */
  termCounts(count: number, missed: number, elsewhere: number): string;
  also: string;
  example: string;
  candidateExclusions: string;
  /** "2 wrong, 1 right" */
  exclusionCounts(wrong: number, right: number): string;
}

const count = (lang: EvalLang, n: number, one: string, many: string): string => `${n} ${plural[lang](n) ? many : one}`;

const WORDS: Record<EvalLang, EvalWords> = {
  fr: {
    colon: ' : ',
    family: { themes: 'thèmes', irritants: 'irritants', enchantments: 'enchantements', intents: 'intentions' },
    title: (n) => `évaluation sur ${count('fr', n, 'verbatim', 'verbatims')}`,
    familyHead: 'famille',
    tonality: 'tonalité',
    accuracy: 'justesse',
    labels: { label: 'étiquette', support: 'supp', tp: 'vp', fp: 'fp', fn: 'fn' },
    falsePositives: 'faux positifs (trouvés, absents de la référence) :',
    by: 'par',
    falseNegatives: 'faux négatifs (dans la référence, manqués) :',
    confusion: 'confusion des tonalités (lignes : référence, colonnes : prédite)',
    errors: 'erreurs :',
    suggestions: 'suggestions : termes candidats des étiquettes manquées, exclusions candidates de celles en trop',
    noSuggestion: "aucune : aucune étiquette n'est assez souvent manquée ou en trop (un terme candidat demande au moins 2 faux négatifs)",
    misses: (fn, fp) => `${count('fr', fn, 'faux négatif', 'faux négatifs')}, ${count('fr', fp, 'faux positif', 'faux positifs')}`,
    candidateTerms: 'termes candidats (sur-représentés dans ses faux négatifs) :',
    termCounts: (n, missed, elsewhere) => `${n} sur ${count('fr', missed, 'manqué', 'manqués')}, ${elsewhere} ailleurs`,
    also: 'aussi',
    example: 'ex.',
    candidateExclusions: 'exclusions candidates (termes derrière ses faux positifs) :',
    exclusionCounts: (wrong, right) => `${wrong} à tort, ${right} à raison`,
  },
  en: {
    colon: ': ',
    family: { themes: 'themes', irritants: 'irritants', enchantments: 'enchantments', intents: 'intents' },
    title: (n) => `evaluation on ${n} verbatims`,
    familyHead: 'family',
    tonality: 'tonality',
    accuracy: 'accuracy',
    labels: { label: 'label', support: 'supp', tp: 'tp', fp: 'fp', fn: 'fn' },
    falsePositives: 'false positives (found, not in gold):',
    by: 'by',
    falseNegatives: 'false negatives (in gold, missed):',
    confusion: 'tonality confusion (rows: gold, columns: predicted)',
    errors: 'errors:',
    suggestions: 'suggestions: candidate terms for the missed labels, candidate exclusions for the wrong ones',
    noSuggestion: 'none: no label misses or errs often enough (a candidate term needs 2 false negatives at least)',
    misses: (fn, fp) => `${count('en', fn, 'false negative', 'false negatives')}, ${count('en', fp, 'false positive', 'false positives')}`,
    candidateTerms: 'candidate terms (over-represented in its false negatives):',
    termCounts: (n, missed, elsewhere) => `${n} of ${missed} missed, ${elsewhere} elsewhere`,
    also: 'also',
    example: 'e.g.',
    candidateExclusions: 'candidate exclusions (terms behind its false positives):',
    exclusionCounts: (wrong, right) => `${wrong} wrong, ${right} right`,
  },
};

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

/** The words and number formats of one language. */
interface Ctx {
  w: EvalWords;
  /** A 0–1 score as a percentage with one decimal, padded to 5. */
  pct(x: number): string;
  lang: EvalLang;
}

function familyText(f: FamilyScore, { w, pct }: Ctx, lines: string[]): void {
  const l = w.labels;
  lines.push('', `${w.family[f.family]}  micro P ${pct(f.micro.precision)}  R ${pct(f.micro.recall)}  F1 ${pct(f.micro.f1)}   macro F1 ${pct(f.macro.f1)}`);
  lines.push(`  ${l.label.padEnd(28)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)} ${l.support.padStart(5)} ${l.tp.padStart(4)} ${l.fp.padStart(4)} ${l.fn.padStart(4)}`);
  for (const x of f.labels) {
    lines.push(`  ${clip(x.label, 28).padEnd(28)} ${pct(x.precision)} ${pct(x.recall)} ${pct(x.f1)} ${String(x.support).padStart(5)} ${String(x.tp).padStart(4)} ${String(x.fp).padStart(4)} ${String(x.fn).padStart(4)}`);
  }
  if (f.falsePositives.length > 0) {
    lines.push(`  ${w.falsePositives}`);
    for (const e of f.falsePositives) {
      lines.push(`    + ${e.label} ${e.id}${w.colon}${clip(e.text, WIDTH - 8 - w.colon.length - e.label.length - e.id.length)}`);
      if (e.terms !== undefined && e.terms.length > 0) lines.push(`        ${w.by} ${clip(e.terms.join('; '), WIDTH - 9 - w.by.length)}`);
    }
  }
  if (f.falseNegatives.length > 0) {
    lines.push(`  ${w.falseNegatives}`);
    for (const e of f.falseNegatives) lines.push(`    - ${e.label} ${e.id}${w.colon}${clip(e.text, WIDTH - 8 - w.colon.length - e.label.length - e.id.length)}`);
  }
}

function suggestionsText(family: EvalFamily, list: readonly LabelSuggestions[], { w, lang }: Ctx, lines: string[]): void {
  const shown = list.filter((l) => l.terms.length > 0 || l.exclusions.length > 0);
  if (shown.length === 0) return;
  const example = (id: string, text: string): string => `        ${w.example} ${clip(`${id}${w.colon}${text}`, WIDTH - 9 - w.example.length)}`;
  lines.push('', w.family[family]);
  for (const l of shown) {
    lines.push(`  ${l.label}${w.colon}${w.misses(l.falseNegatives, l.falsePositives)}`);
    if (l.terms.length > 0) {
      lines.push(`    ${w.candidateTerms}`);
      for (const t of l.terms) {
        const also = t.variants.length > 0 ? ` · ${w.also} ${t.variants.slice(0, 3).join(', ')}` : '';
        lines.push(`      ${clip(`${t.term} · ${w.termCounts(t.count, l.falseNegatives, t.otherCount)}, G² ${formatNumber(t.g2, 1, lang)}${also}`, WIDTH - 6)}`);
        for (const e of t.examples) lines.push(example(e.id, e.text));
      }
    }
    if (l.exclusions.length > 0) {
      lines.push(`    ${w.candidateExclusions}`);
      for (const x of l.exclusions) {
        lines.push(`      ${clip(`${x.term} → «${x.spans.join('», «')}» (${x.entry}) · ${w.exclusionCounts(x.falsePositives, x.truePositives)}`, WIDTH - 6)}`);
        for (const e of x.examples) lines.push(example(e.id, e.text));
      }
    }
  }
}

/** Text for people (100 columns; words in `options.lang`, default French) or JSON for tools. */
export function renderEvalReport(report: EvalReport, format: 'text' | 'json' = 'text', options: RenderEvalOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format !== 'text') throw expectedError('format "text" or "json"', JSON.stringify(format));
  const lang: EvalLang = options.lang === 'en' ? 'en' : 'fr';
  const ctx: Ctx = { w: WORDS[lang], lang, pct: (x) => formatNumber(x * 100, 1, lang).padStart(5) };
  const { w, pct } = ctx;
  const lines: string[] = [w.title(report.count)];
  lines.push('', `${w.familyHead.padEnd(16)} ${'micro P'.padStart(8)} ${'micro R'.padStart(8)} ${'micro F1'.padStart(9)} ${'macro F1'.padStart(9)}`);
  for (const name of EVAL_FAMILIES) {
    const f = report.families[name];
    lines.push(`${w.family[name].padEnd(16)} ${pct(f.micro.precision).padStart(8)} ${pct(f.micro.recall).padStart(8)} ${pct(f.micro.f1).padStart(9)} ${pct(f.macro.f1).padStart(9)}`);
  }
  lines.push(`${w.tonality.padEnd(16)} ${w.accuracy.padStart(8)} ${pct(report.tonality.accuracy)}`);
  for (const name of EVAL_FAMILIES) familyText(report.families[name], ctx, lines);
  lines.push('', w.confusion);
  lines.push(`  ${''.padEnd(8)}${TONALITIES.map((t) => t.padStart(9)).join('')}`);
  for (const g of TONALITIES) lines.push(`  ${g.padEnd(8)}${TONALITIES.map((p) => String(report.tonality.confusion[g][p]).padStart(9)).join('')}`);
  if (report.tonality.errors.length > 0) {
    lines.push(`  ${w.errors}`);
    for (const e of report.tonality.errors) lines.push(`    ${e.gold}→${e.predicted} ${e.id}${w.colon}${clip(e.text, WIDTH - 6 - w.colon.length - e.gold.length - e.predicted.length - e.id.length)}`);
  }
  if (report.suggestions !== undefined) {
    const suggestions = report.suggestions;
    lines.push('', w.suggestions);
    const before = lines.length;
    for (const name of EVAL_FAMILIES) suggestionsText(name, suggestions[name], ctx, lines);
    if (lines.length === before) lines.push(`  ${w.noSuggestion}`);
  }
  return `${lines.join('\n')}\n`;
}
