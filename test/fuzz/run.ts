// Runs one fuzz case: the CLI in-process through main() with injected
// streams, then the checks every run must pass whatever the file.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { EXIT, main } from '../../src/cli/main.js';
import { prepareCsv } from '../../src/io/csv-reader.js';
import { prepareJsonl } from '../../src/io/json-reader.js';
import { readVerbatims, type ReadItem } from '../../src/io/index.js';
import type { RawItem } from '../../src/io/raw.js';
import { trackedTemps } from '../../src/io/temp-files.js';
import type { CaseFile, FuzzCase, Outcome, ReaderCheck } from './cases.js';
import { checkDamaged, checkItems, checkLineCover, checkRowsNumbered, physicalLines } from './check.js';
import { HUGE_LIMIT, type Expected } from './files.js';

/** What the CLI says when no row was analysed: every row rejected, or none in the input. */
/** The built CLI, when there is one: worker threads (inputs over 20 MB) cannot load the TypeScript sources in-process. */
const BUILT_BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'bin.js');

const NOTHING_ANALYSED = /no verbatim (could be analysed|to analyse: the input holds no row)/;

export const STACK = /^\s+at /m;
const DOCUMENTED = new Set<number>(Object.values(EXIT));

export interface CaseResult {
  index: number;
  format: FuzzCase['format'];
  sizeClass: FuzzCase['size'];
  label: string;
  /** Bytes of the input file. */
  bytes: number;
  /** Bytes the time is compared to: the file's, or what an XLSX file inflates to. */
  size: number;
  /** Records written in a data file (CSV/TSV/JSONL/JSON/XLSX read into rows); undefined for lexicons and refused files. */
  records: number | undefined;
  /** Time of the CLI run, in ms (the checks excluded). */
  ms: number;
  code: number | 'timeout';
  stderr: string;
  problems: string[];
  /** The command line, with paths relative to the case folder. */
  argv: string[];
}

function sink(): { stream: Writable; text(): string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      if (text.length < 1_000_000) text += String(chunk);
      callback();
    },
  });
  return { stream, text: () => text };
}

export const argvIn = (c: FuzzCase, dir: string): string[] => c.argv.map((a) => (typeof a === 'string' ? a : join(dir, a.file)));
export const argvShown = (c: FuzzCase): string[] => c.argv.map((a) => (typeof a === 'string' ? a : a.file));
const outputsOf = (c: FuzzCase): string[] => {
  const names: string[] = [];
  c.argv.forEach((a, k) => {
    const option = c.argv[k - 1];
    if (typeof a !== 'string' && (option === '--annotate' || option === '--rejects' || option === '--out')) names.push(a.file);
  });
  return names;
};
const optionFile = (c: FuzzCase, option: string): string | undefined => {
  const k = c.argv.indexOf(option);
  const a = k >= 0 ? c.argv[k + 1] : undefined;
  return a !== undefined && typeof a !== 'string' ? (a as CaseFile).file : undefined;
};

/** Writes the case's files into `dir` (created). */
export function writeCase(c: FuzzCase, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of c.files) writeFileSync(join(dir, f.name), f.bytes);
}

/**
 * Runs the case in `dir` and checks it. Resolves with the problems found
 * (empty when the run is right); a run that does not settle within
 * `timeoutMs` is a problem too (it is left behind, it cannot be stopped).
 */
export async function runCase(c: FuzzCase, dir: string, options: { timeoutMs?: number; reader?: boolean } = {}): Promise<CaseResult> {
  writeCase(c, dir);
  const out = sink();
  const err = sink();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    main(argvIn(c, dir), { stdout: out.stream, stderr: err.stream, env: { CI: 'true', VERBATIM_LANG: 'en' } }, existsSync(BUILT_BIN) ? { workerScript: BUILT_BIN } : {}).catch((error: unknown) => {
      err.stream.write(`main() rejected: ${String(error)}`);
      return -1;
    }),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs ?? 300_000))),
  ]);
  clearTimeout(timer);
  const ms = performance.now() - started;
  const stdout = out.text();
  const stderr = err.text();
  const problems = code === 'timeout' ? [`no exit after ${Math.round(ms / 1000)} s`] : checkRun(c, dir, code, stdout, stderr);
  if (options.reader !== false && c.reader) problems.push(...(await checkReader(c.reader, join(dir, c.input))).map((p) => `reader: ${p}`));
  const input = c.files.find((f) => f.name === c.input)!;
  const records = c.format !== 'lexicon' && (c.outcome.kind === 'rows' || c.outcome.kind === 'rows-or-refused') ? c.outcome.records.length : undefined;
  // The annotations written count with the input: a text dense in matches writes up to ten times its own size.
  const annotated = optionFile(c, '--annotate');
  const written = annotated !== undefined && existsSync(join(dir, annotated)) ? statSync(join(dir, annotated)).size : 0;
  const size = (c.contentBytes ?? input.bytes.length) + written;
  return { index: c.index, format: c.format, sizeClass: c.size, label: c.label, bytes: input.bytes.length, records, size, ms, code, stderr: stderr.slice(0, 4000), problems, argv: argvShown(c) };
}

/** Annotation rows: one JSON object per line. */
interface Annotation {
  id?: string;
  status: 'analysed' | 'skipped';
  reason?: string;
  source: { file: string; row: number; line?: number };
}

/** Records of a CSV text (quotes may hold line breaks), without the header. */
function csvRecordCount(text: string): number {
  let records = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n'))) {
      if (content) records++;
      content = false;
    } else if (ch !== '\r') content = true;
  }
  if (content) records++;
  return Math.max(0, records - 1);
}

/** The checks of one CLI run. */
export function checkRun(c: FuzzCase, dir: string, code: number, stdout: string, stderr: string): string[] {
  const problems: string[] = [];
  if (!DOCUMENTED.has(code)) problems.push(`exit ${code}: not a documented exit code`);
  if (code === EXIT.internal) problems.push(`exit 70 (internal error): ${firstLine(stderr)}`);
  if (STACK.test(stderr)) problems.push(`stack trace on stderr: ${stderr.match(/^.*\n\s+at .*/m)?.[0] ?? ''}`);
  if (code !== 0) {
    if (stderr.trim() === '') problems.push(`exit ${code} with nothing on stderr`);
    if (stdout !== '') problems.push(`exit ${code} with ${stdout.length} characters on stdout`);
  }
  const leftovers = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
  if (leftovers.length > 0) problems.push(`temporary files left: ${leftovers.join(', ')}`);
  if (trackedTemps().length > 0) problems.push(`temporary paths still tracked: ${trackedTemps().length}`);
  problems.push(...checkOutcome(c, c.outcome, dir, code, stdout, stderr));
  return problems;
}

const firstLine = (text: string): string => text.split('\n').find((l) => l.trim() !== '')?.slice(0, 200) ?? '';

function checkOutcome(c: FuzzCase, outcome: Outcome, dir: string, code: number, stdout: string, stderr: string): string[] {
  switch (outcome.kind) {
    case 'rows':
      return checkRows(c, outcome.records, dir, code, stdout, stderr);
    case 'refused':
      return checkRefused(c, outcome.message, dir, code, stderr);
    case 'rows-or-refused':
      return code === EXIT.input && !NOTHING_ANALYSED.test(stderr) ? checkRefused(c, outcome.message, dir, code, stderr) : checkRows(c, outcome.records, dir, code, stdout, stderr);
    case 'lexicon-ok':
      return code === 0 && /^ok: /.test(stdout) ? [] : [`valid lexicon: exit ${code}, expected 0 and "ok:" (${firstLine(stderr || stdout)})`];
    case 'lexicon-refused':
      return checkLexiconRefused(c, outcome.message, outcome.positioned, code, stderr);
    case 'lexicon-any':
      return code === 0 ? [] : checkLexiconRefused(c, /./, false, code, stderr);
    case 'consistent':
      return checkConsistent(c, dir, code, stdout, stderr);
    case 'damaged':
      return code === EXIT.input && !NOTHING_ANALYSED.test(stderr) ? checkRefused(c, outcome.message, dir, code, stderr) : checkConsistent(c, dir, code, stdout, stderr);
  }
}

/** Reads the `--annotate` file, if the case asks for one and it was written. */
function annotations(c: FuzzCase, dir: string): Annotation[] | undefined {
  const name = optionFile(c, '--annotate');
  if (name === undefined || !existsSync(join(dir, name))) return undefined;
  return readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Annotation);
}

/**
 * A file whose records are unknown: refused with a message naming it, or
 * read with every row once, in order, and the annotations, the rejects file
 * and the JSON summary agreeing on how many were analysed and rejected.
 */
function checkConsistent(c: FuzzCase, dir: string, code: number, stdout: string, stderr: string): string[] {
  const nothingRead = code === EXIT.input && NOTHING_ANALYSED.test(stderr);
  if (code === EXIT.input && !nothingRead) return checkRefused(c, /./, dir, code, stderr);
  if (code !== 0 && !nothingRead) return [`exit ${code}: ${firstLine(stderr)}`];
  const problems: string[] = [];
  const rows = annotations(c, dir);
  if (rows === undefined) return ['--annotate file not written'];
  let misplaced = 0;
  rows.forEach((row, k) => {
    if (row.source.row !== k + 1 && misplaced++ < 5) problems.push(`--annotate row ${k + 1}: source row ${row.source.row}`);
  });
  const analysed = rows.filter((row) => row.status === 'analysed').length;
  const rejected = rows.length - analysed;
  if (nothingRead && analysed > 0) problems.push(`exit 3 saying no verbatim could be analysed, yet ${analysed} annotated as analysed`);
  if (code === 0 && analysed === 0) problems.push('exit 0 with no row analysed');
  checkRejectsFile(c, dir, rejected, 'rows skipped in --annotate', problems);
  if (code === 0 && optionFile(c, '--out') === undefined && c.argv[c.argv.indexOf('--format') + 1] === 'json') {
    try {
      const { summary } = JSON.parse(stdout) as { summary: { inputRows: number; analysed: number; rejected: number } };
      if (summary.inputRows !== rows.length || summary.analysed !== analysed || summary.rejected !== rejected) {
        problems.push(`report summary: ${summary.analysed} analysed + ${summary.rejected} rejected of ${summary.inputRows}, --annotate: ${analysed} + ${rejected} of ${rows.length}`);
      }
    } catch (error) {
      problems.push(`report on stdout is not JSON: ${String(error).slice(0, 100)}`);
    }
  }
  return problems;
}

function checkLexiconRefused(c: FuzzCase, message: RegExp, positioned: boolean, code: number, stderr: string): string[] {
  const problems: string[] = [];
  if (code !== EXIT.input) problems.push(`invalid lexicon: exit ${code}, expected 3 (${firstLine(stderr)})`);
  else {
    if (!/invalid lexicon/.test(stderr) || !stderr.includes(c.input)) problems.push(`invalid lexicon: the message does not name the file: ${firstLine(stderr)}`);
    if (!message.test(stderr)) problems.push(`invalid lexicon: message ${message} expected, got: ${stderr.slice(0, 300)}`);
    if (positioned && !new RegExp(`${c.input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`).test(stderr)) problems.push(`invalid lexicon: no line and column in: ${stderr.slice(0, 300)}`);
  }
  return problems;
}

function checkRefused(c: FuzzCase, message: RegExp, dir: string, code: number, stderr: string): string[] {
  const problems: string[] = [];
  if (code !== EXIT.input) return [`unreadable input: exit ${code}, expected 3 (${firstLine(stderr)})`];
  if (!message.test(stderr)) problems.push(`unreadable input: message ${message} expected, got: ${stderr.slice(0, 300)}`);
  if (!stderr.includes(c.input)) problems.push(`unreadable input: the message does not name the file: ${firstLine(stderr)}`);
  const written = outputsOf(c).filter((name) => existsSync(join(dir, name)));
  if (written.length > 0) problems.push(`unreadable input: outputs written anyway: ${written.join(', ')}`);
  return problems;
}

function checkRows(c: FuzzCase, records: readonly Expected[], dir: string, code: number, stdout: string, stderr: string): string[] {
  const problems: string[] = [];
  const sure = records.filter((r) => r.type === 'verbatim').length;
  const either = records.filter((r) => r.type === 'either').length;
  if (sure > 0 && code !== 0) return [`${sure} of ${records.length} records readable, yet exit ${code}: ${firstLine(stderr)}`];
  if (sure + either === 0 && !(code === EXIT.input && NOTHING_ANALYSED.test(stderr))) {
    return [`no readable record: exit ${code}, expected 3 saying no verbatim could be analysed (${firstLine(stderr)})`];
  }
  if (code !== 0 && !(code === EXIT.input && NOTHING_ANALYSED.test(stderr))) return [`exit ${code}: ${firstLine(stderr)}`];
  // Records read either way are counted as the annotations say.
  let analysed = sure;
  // Every record: one annotation row, in order, analysed or skipped as expected, no id and no row twice.
  const annotate = optionFile(c, '--annotate');
  if (annotate !== undefined) {
    const path = join(dir, annotate);
    if (!existsSync(path)) problems.push('--annotate file not written');
    else {
      const rows = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Annotation);
      if (either > 0) analysed = rows.filter((row, k) => row.status === 'analysed' && records[k]?.type !== 'reject').length;
      if (rows.length !== records.length) problems.push(`--annotate: ${rows.length} rows for ${records.length} records written`);
      const ids = new Set<string>();
      let mismatches = 0;
      rows.forEach((row, k) => {
        if (row.source.row !== k + 1 && mismatches++ < 5) problems.push(`--annotate row ${k + 1}: source row ${row.source.row}`);
        if (row.status === 'analysed') {
          if (ids.has(row.id!)) problems.push(`--annotate: id ${JSON.stringify(row.id)} twice`);
          ids.add(row.id!);
        }
        const want = records[k];
        if (want === undefined || mismatches >= 5) return;
        const asVerbatim = row.status === 'analysed' && row.id === want.id;
        const asReject = want.type !== 'verbatim' && row.status === 'skipped' && (row.reason ?? '').startsWith(want.reason);
        const ok = want.type === 'verbatim' ? asVerbatim : want.type === 'reject' ? asReject : asVerbatim || asReject;
        if (!ok) {
          mismatches++;
          const wanted = want.type === 'verbatim' ? `verbatim ${JSON.stringify(want.id)}` : `reject "${want.reason}"${want.type === 'either' ? ` or verbatim ${JSON.stringify(want.id)}` : ''}`;
          problems.push(`record ${k + 1} (line ${row.source.line}): expected ${wanted}, got ${row.status === 'analysed' ? `verbatim ${JSON.stringify(row.id)}` : `reject "${row.reason}"`}`);
        }
      });
    }
  }
  const rejected = records.length - analysed;
  checkRejectsFile(c, dir, rejected, 'records rejected', problems);
  const out = optionFile(c, '--out');
  if (code === 0 && out !== undefined && !(existsSync(join(dir, out)) && readFileSync(join(dir, out)).length > 0)) problems.push('--out file not written');
  if (code !== 0 && out !== undefined && existsSync(join(dir, out))) problems.push(`exit ${code}, yet the report was written to --out`);
  if (code === 0 && out === undefined && c.argv[c.argv.indexOf('--format') + 1] === 'json') {
    try {
      const { summary } = JSON.parse(stdout) as { summary: { inputRows: number; analysed: number; rejected: number } };
      if (summary.inputRows !== records.length || summary.analysed !== analysed || summary.rejected !== rejected) {
        problems.push(`report summary: ${summary.analysed} analysed + ${summary.rejected} rejected of ${summary.inputRows}, expected ${analysed} + ${rejected} of ${records.length}`);
      }
    } catch (error) {
      problems.push(`report on stdout is not JSON: ${String(error).slice(0, 100)}`);
    }
  }
  return problems;
}

const decoded = (bytes: Buffer, encoding: string): string =>
  encoding === 'windows-1252' ? iconv.decode(bytes, 'windows-1252') : encoding === 'utf16le-bom' ? iconv.decode(bytes, 'utf16le') : iconv.decode(bytes, 'utf8');

/** Reading through the library with the dialect given: exact texts, and each line of the file in one item. */
export async function checkReader(check: ReaderCheck, path: string): Promise<string[]> {
  const items: ReadItem[] = [];
  let thrown: unknown;
  try {
    const spec = { path, ...check.read };
    for await (const item of readVerbatims([spec], { maxRecordSize: check.maxRecordSize ?? HUGE_LIMIT, ...(check.maxXlsxSize !== undefined && { maxXlsxSize: check.maxXlsxSize }) })) items.push(item);
  } catch (error) {
    thrown = error;
  }
  const refusedWell = (): boolean =>
    (thrown !== undefined && (thrown as Error).name === 'InputError') || (thrown === undefined && items.length === 1 && items[0]!.type === 'reject' && items[0]!.source.row === 0);
  const outcome = check.outcome;
  if (thrown !== undefined && (thrown as Error).name !== 'InputError') return [`threw ${String(thrown).slice(0, 200)}`];
  if (outcome.kind === 'refused') return refusedWell() ? [] : [`expected the file refused, got ${thrown ? String(thrown).slice(0, 100) : `${items.length} items`}`];
  if (outcome.kind === 'consistent') return refusedWell() ? [] : checkRowsNumbered(items);
  if (outcome.kind === 'rows-or-refused' && refusedWell()) return [];
  if (outcome.kind === 'damaged') return refusedWell() ? [] : thrown !== undefined ? [`threw ${String(thrown).slice(0, 200)}`] : checkDamaged(outcome.records, items, outcome.last);
  if (thrown !== undefined) return [`threw ${String(thrown).slice(0, 200)}`];
  const problems = checkItems(outcome.records, items);
  const spec = check.lines;
  if (spec && problems.length === 0) {
    const prepared = spec.format === 'jsonl'
      ? await prepareJsonl(path, undefined, HUGE_LIMIT)
      : await prepareCsv(path, { maxRecordSize: HUGE_LIMIT, delimiter: spec.delimiter }, spec.format === 'tsv');
    const raw: RawItem[] = [];
    for await (const item of prepared.rows()) raw.push(item);
    const lines = physicalLines(decoded(readFileSync(path), spec.encoding));
    if (spec.format !== 'jsonl' && lines.length >= 2 && prepared.dataLine !== 2) problems.push(`data read from line ${prepared.dataLine}, not 2`);
    problems.push(...checkLineCover(raw, lines, spec.format === 'jsonl' ? 1 : 2));
  }
  return problems;
}

/** Removes a case's folder. */
export function removeCase(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The --rejects file, when the case asks for one: written, with one CSV record per rejected row. */
function checkRejectsFile(c: FuzzCase, dir: string, rejected: number, what: string, problems: string[]): void {
  const rejects = optionFile(c, '--rejects');
  if (rejects === undefined) return;
  const path = join(dir, rejects);
  if (!existsSync(path)) problems.push('--rejects file not written');
  else {
    const n = csvRecordCount(readFileSync(path, 'utf8'));
    if (n !== rejected) problems.push(`--rejects: ${n} rows for ${rejected} ${what}`);
  }
}
