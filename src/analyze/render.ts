// Renders an evaluation report as text (fits 100 columns) or JSON.
import { TONALITIES } from '../types.js';
import { EVAL_FAMILIES, type EvalReport, type FamilyScore } from './evaluate.js';

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
  return `${lines.join('\n')}\n`;
}
