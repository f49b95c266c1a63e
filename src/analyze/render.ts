// Renders an evaluation report as text (fits 100 columns) or JSON.
import { TONALITIES } from '../types.js';
import { EVAL_FAMILIES, type EvalReport, type FamilyScore } from './evaluate.js';
import type { LabelSuggestions } from './suggest.js';

const WIDTH = 100;
const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

function familyText(f: FamilyScore, lines: string[]): void {
  lines.push('', `${f.family}  micro P ${pct(f.micro.precision)}  R ${pct(f.micro.recall)}  F1 ${pct(f.micro.f1)}   macro F1 ${pct(f.macro.f1)}`);
  lines.push(`  ${'label'.padEnd(28)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)} ${'supp'.padStart(5)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}`);
  for (const l of f.labels) {
    lines.push(`  ${clip(l.label, 28).padEnd(28)} ${pct(l.precision)} ${pct(l.recall)} ${pct(l.f1)} ${String(l.support).padStart(5)} ${String(l.tp).padStart(4)} ${String(l.fp).padStart(4)} ${String(l.fn).padStart(4)}`);
  }
  if (f.falsePositives.length > 0) {
    lines.push('  false positives (found, not in gold):');
    for (const e of f.falsePositives) {
      lines.push(`    + ${e.label} ${e.id}: ${clip(e.text, WIDTH - 10 - e.label.length - e.id.length)}`);
      if (e.terms !== undefined && e.terms.length > 0) lines.push(`        by ${clip(e.terms.join('; '), WIDTH - 11)}`);
    }
  }
  if (f.falseNegatives.length > 0) {
    lines.push('  false negatives (in gold, missed):');
    for (const e of f.falseNegatives) lines.push(`    - ${e.label} ${e.id}: ${clip(e.text, WIDTH - 10 - e.label.length - e.id.length)}`);
  }
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

function suggestionsText(family: string, list: readonly LabelSuggestions[], lines: string[]): void {
  const shown = list.filter((l) => l.terms.length > 0 || l.exclusions.length > 0);
  if (shown.length === 0) return;
  lines.push('', family);
  for (const l of shown) {
    lines.push(`  ${l.label}: ${plural(l.falseNegatives, 'false negative')}, ${plural(l.falsePositives, 'false positive')}`);
    if (l.terms.length > 0) {
      lines.push('    candidate terms (over-represented in its false negatives):');
      for (const t of l.terms) {
        const also = t.variants.length > 0 ? ` · also ${t.variants.slice(0, 3).join(', ')}` : '';
        lines.push(`      ${clip(`${t.term} · ${t.count} of ${l.falseNegatives} missed, ${t.otherCount} elsewhere, G² ${t.g2.toFixed(1)}${also}`, WIDTH - 6)}`);
        for (const e of t.examples) lines.push(`        e.g. ${clip(`${e.id}: ${e.text}`, WIDTH - 13)}`);
      }
    }
    if (l.exclusions.length > 0) {
      lines.push('    candidate exclusions (terms behind its false positives):');
      for (const x of l.exclusions) {
        lines.push(`      ${clip(`${x.term} → «${x.spans.join('», «')}» (${x.entry}) · ${x.falsePositives} wrong, ${x.truePositives} right`, WIDTH - 6)}`);
        for (const e of x.examples) lines.push(`        e.g. ${clip(`${e.id}: ${e.text}`, WIDTH - 13)}`);
      }
    }
  }
}

/** Text for people (100 columns) or JSON for tools. */
export function renderEvalReport(report: EvalReport, format: 'text' | 'json' = 'text'): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format !== 'text') throw new TypeError(`verbatim-fr: expected format "text" or "json", got ${JSON.stringify(format)}`);
  const lines: string[] = [`evaluation on ${report.count} verbatims`];
  lines.push('', `${'family'.padEnd(16)} ${'micro P'.padStart(8)} ${'micro R'.padStart(8)} ${'micro F1'.padStart(9)} ${'macro F1'.padStart(9)}`);
  for (const name of EVAL_FAMILIES) {
    const f = report.families[name];
    lines.push(`${name.padEnd(16)} ${pct(f.micro.precision).padStart(8)} ${pct(f.micro.recall).padStart(8)} ${pct(f.micro.f1).padStart(9)} ${pct(f.macro.f1).padStart(9)}`);
  }
  lines.push(`${'tonality'.padEnd(16)} accuracy ${pct(report.tonality.accuracy)}`);
  for (const name of EVAL_FAMILIES) familyText(report.families[name], lines);
  lines.push('', 'tonality confusion (rows: gold, columns: predicted)');
  lines.push(`  ${''.padEnd(8)}${TONALITIES.map((t) => t.padStart(9)).join('')}`);
  for (const g of TONALITIES) lines.push(`  ${g.padEnd(8)}${TONALITIES.map((p) => String(report.tonality.confusion[g][p]).padStart(9)).join('')}`);
  if (report.tonality.errors.length > 0) {
    lines.push('  errors:');
    for (const e of report.tonality.errors) lines.push(`    ${e.gold}→${e.predicted} ${e.id}: ${clip(e.text, WIDTH - 8 - e.gold.length - e.predicted.length - e.id.length)}`);
  }
  if (report.suggestions !== undefined) {
    const suggestions = report.suggestions;
    lines.push('', 'suggestions: candidate terms for the missed labels, candidate exclusions for the wrong ones');
    const before = lines.length;
    for (const name of EVAL_FAMILIES) suggestionsText(name, suggestions[name], lines);
    if (lines.length === before) lines.push('  none: no label misses or errs often enough (a candidate term needs 2 false negatives at least)');
  }
  return `${lines.join('\n')}\n`;
}
