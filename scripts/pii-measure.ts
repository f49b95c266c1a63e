// Measures personal-data masking on test/fixtures/pii: recall per kind (an
// item counts as masked when every letter and digit of it lies inside a
// masked span) and false masks (a decoy — price, date, quantity… — with any
// letter or digit inside a masked span).
// Two sets: verbatims (the development set the masker was tuned on) and
// holdout (written afterwards, to see how the rules carry over).
// Run: npx tsx scripts/pii-measure.ts [--misses] [--json] [--set verbatims|holdout]
// Rebuild the JSONL files from the authored markup: npx tsx scripts/pii-measure.ts --build
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { maskPersonalData, type MaskReplacement } from '../src/report/mask.js';

const here = dirname(fileURLToPath(import.meta.url));
export const PII_DIR = join(here, '..', 'test', 'fixtures', 'pii');
export const PII_SETS = ['verbatims', 'holdout'] as const;
export type PiiSetName = (typeof PII_SETS)[number];

export interface PiiSpan {
  kind: string;
  start: number;
  end: number;
  text: string;
}

export interface PiiRow {
  id: string;
  style: string;
  text: string;
  /** Personal data to mask. */
  items: PiiSpan[];
  /** Text that must never be masked. */
  decoys: PiiSpan[];
}

const MARK = /\[\[([a-z_]+)\|((?:[^\]]|\](?!\]))*)\]\]|\{\{([a-z_]+)\|([^}]*)\}\}/gu;

const unescape = (s: string): string =>
  s.replace(/\\n/gu, '\n').replace(/\\u([0-9a-fA-F]{4})/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** Parses the authored markup (`STYLE<TAB>TEXT` with `[[kind|item]]` and `{{kind|decoy}}`). */
export function parseMarkup(source: string): PiiRow[] {
  const rows: PiiRow[] = [];
  source.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    if (tab < 0) throw new Error(`line ${index + 1}: expected STYLE<TAB>TEXT`);
    const style = line.slice(0, tab);
    const marked = unescape(line.slice(tab + 1));
    const row: PiiRow = { id: `pii-${String(rows.length + 1).padStart(3, '0')}`, style, text: '', items: [], decoys: [] };
    let last = 0;
    for (const m of marked.matchAll(MARK)) {
      row.text += marked.slice(last, m.index);
      const isItem = m[1] !== undefined;
      const kind = (isItem ? m[1] : m[3]) as string;
      const inner = (isItem ? m[2] : m[4]) as string;
      const start = row.text.length;
      row.text += inner;
      (isItem ? row.items : row.decoys).push({ kind, start, end: row.text.length, text: inner });
      last = m.index + m[0].length;
    }
    row.text += marked.slice(last);
    if (/\[\[|\{\{|\}\}/u.test(row.text)) throw new Error(`line ${index + 1}: unbalanced markup`);
    rows.push(row);
  });
  return rows;
}

export function loadPiiSet(name: PiiSetName = 'verbatims'): PiiRow[] {
  return readFileSync(join(PII_DIR, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as PiiRow);
}

const ALNUM = /[\p{L}\p{N}]/u;

function coveredChars(text: string, span: PiiSpan, found: readonly MaskReplacement[]): { alnum: number; covered: number } {
  let alnum = 0;
  let covered = 0;
  for (let i = span.start; i < span.end; i++) {
    if (!ALNUM.test(text[i] as string)) continue;
    alnum++;
    if (found.some((r) => r.start <= i && i < r.end)) covered++;
  }
  return { alnum, covered };
}

export interface PiiScore {
  /** kind → [masked, total]. */
  recall: Record<string, [number, number]>;
  overall: [number, number];
  /** Items not fully masked. */
  misses: Array<{ id: string; kind: string; text: string; masked: string }>;
  /** Decoys touched by a mask. */
  falseMasks: Array<{ id: string; kind: string; text: string; masked: string }>;
  decoys: number;
  /** Items masked under another kind's placeholder (still masked). */
  otherKind: Array<{ id: string; kind: string; text: string; as: string }>;
  /** Masked spans that touch no item (text masked for nothing, decoy or not). */
  spurious: Array<{ id: string; kind: string; text: string; masked: string }>;
}

export function scorePii(rows: readonly PiiRow[], mask: (text: string) => { text: string; replacements: readonly MaskReplacement[] } = maskPersonalData): PiiScore {
  const score: PiiScore = { recall: {}, overall: [0, 0], misses: [], falseMasks: [], decoys: 0, otherKind: [], spurious: [] };
  for (const row of rows) {
    const result = mask(row.text);
    for (const item of row.items) {
      const tally = (score.recall[item.kind] ??= [0, 0]);
      tally[1]++;
      score.overall[1]++;
      const { alnum, covered } = coveredChars(row.text, item, result.replacements);
      if (covered === alnum) {
        tally[0]++;
        score.overall[0]++;
        const kinds = result.replacements.filter((r) => r.start < item.end && r.end > item.start).map((r) => r.kind as string);
        if (!kinds.includes(item.kind)) score.otherKind.push({ id: row.id, kind: item.kind, text: item.text, as: kinds.join('+') });
      } else {
        score.misses.push({ id: row.id, kind: item.kind, text: item.text, masked: result.text });
      }
    }
    for (const r of result.replacements) {
      if (!row.items.some((item) => r.start < item.end && r.end > item.start)) {
        score.spurious.push({ id: row.id, kind: r.kind, text: row.text.slice(r.start, r.end), masked: result.text });
      }
    }
    for (const decoy of row.decoys) {
      score.decoys++;
      if (coveredChars(row.text, decoy, result.replacements).covered > 0) {
        score.falseMasks.push({ id: row.id, kind: decoy.kind, text: decoy.text, masked: result.text });
      }
    }
  }
  return score;
}

const pct = ([n, d]: [number, number]): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

function report(name: PiiSetName, argv: readonly string[]): void {
  const rows = loadPiiSet(name);
  const score = scorePii(rows);
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ set: name, recall: score.recall, overall: score.overall, falseMasks: score.falseMasks.length, decoys: score.decoys, spurious: score.spurious.length }));
    return;
  }
  console.log(`\n${name}: ${rows.length} verbatims, ${score.overall[1]} items, ${score.decoys} decoys`);
  for (const [kind, tally] of Object.entries(score.recall).sort()) {
    console.log(`${kind.padEnd(12)} ${String(tally[0]).padStart(4)}/${String(tally[1]).padEnd(4)} ${pct(tally)}`);
  }
  console.log(`${'overall'.padEnd(12)} ${String(score.overall[0]).padStart(4)}/${String(score.overall[1]).padEnd(4)} ${pct(score.overall)}`);
  console.log(`false masks  ${score.falseMasks.length}/${score.decoys}`);
  console.log(`masked under another kind: ${score.otherKind.length}`);
  console.log(`masked spans touching no item: ${score.spurious.length}`);
  for (const f of score.falseMasks) console.log(`  FALSE ${f.id} ${f.kind} «${f.text}» → ${JSON.stringify(f.masked)}`);
  for (const f of score.spurious) console.log(`  SPURIOUS ${f.id} ${f.kind} «${f.text}» → ${JSON.stringify(f.masked)}`);
  if (argv.includes('--misses')) {
    for (const m of score.misses) console.log(`  MISS ${m.id} ${m.kind} «${m.text}» → ${JSON.stringify(m.masked)}`);
    for (const o of score.otherKind) console.log(`  KIND ${o.id} ${o.kind} «${o.text}» as ${o.as}`);
  }
}

function main(argv: readonly string[]): void {
  if (argv.includes('--build')) {
    for (const name of PII_SETS) {
      const rows = parseMarkup(readFileSync(join(PII_DIR, `${name}.txt`), 'utf8'));
      const target = join(PII_DIR, `${name}.jsonl`);
      writeFileSync(target, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const items = rows.reduce((s, r) => s + r.items.length, 0);
      const decoys = rows.reduce((s, r) => s + r.decoys.length, 0);
      console.log(`${rows.length} verbatims, ${items} items, ${decoys} decoys → ${target}`);
    }
    return;
  }
  const only = argv.indexOf('--set');
  const names = only >= 0 ? [argv[only + 1] as PiiSetName] : [...PII_SETS];
  for (const name of names) report(name, argv);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
