// Tidy exports of a run, one analysed row at a time (never the whole corpus in
// memory): a document-feature matrix (long CSV, or Matrix Market with its rows
// and columns files), a table of the matched spans, and an IRaMuTeQ corpus.
// Each writer has the annotation writer's shape, so the run (and its worker
// pool) feeds them the same way, in input order.
import { inputProblem } from '../io/issue-messages.js';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lemmaForms, lemmaNames } from '../lexicon/lemmas.js';
import { InputError } from '../io/errors.js';
import type { ReadReject, SourceRef } from '../io/types.js';
import { openOutput, writeFileAtomic, type Output } from '../io/write.js';
import { releaseTemp, trackTemp } from '../io/temp-files.js';
import { maskAnalysis } from '../report/mask.js';
import { keywordsWithoutPersonalData } from '../report/state.js';
import { foldAccents, foldKey } from '../text/fold.js';
import { reportTable, tidyCsv, type ReportTableKind } from '../report/tables.js';
import type { Report } from '../report/types.js';
import type { ColumnsUsed, VerbatimAnalysis } from '../types.js';
import type { ReadItem } from '../io/types.js';
import { csvRow } from '../_utils/csv.js';
import { queuedRowWriter, type AnnotationWriter } from './outputs.js';
import { expectedError } from '../_utils/describe.js';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** What the columns of a document-feature matrix count: content words, their lemmas, or the lexicon entries coded. */
export type DfmFeatures = 'words' | 'lemmas' | 'concepts';

/** A writer fed one analysed (or skipped) row at a time, in input order: the annotation writer's shape. */
export type RowWriter = AnnotationWriter;

export interface DfmWriterOptions {
  /** Columns: `words` (content words, the report's word keys; default), `lemmas` or `concepts`. */
  features?: DfmFeatures;
  /** Leave personal data out of the word features (names, emails, references), as the report's word tables do; default true. */
  maskPersonalData?: boolean;
}

/** Where a Matrix Market file's companions go: `dfm.mtx` → `dfm.rows.csv` and `dfm.cols.csv`. */
export function matrixCompanions(path: string): { rows: string; cols: string } {
  const base = path.replace(/\.mtx$/i, '');
  return { rows: `${base}.rows.csv`, cols: `${base}.cols.csv` };
}

let lemmaIndex: Map<string, string> | undefined;

/** Folded form → its lemma (accents as in the dictionary): a form that is a lemma itself is its own; else the first lemma, in alphabetical order, that lists it. */
function lemmaIndexOf(): Map<string, string> {
  if (lemmaIndex) return lemmaIndex;
  const index = new Map<string, string>();
  const lemmas = lemmaNames().sort();
  for (const lemma of lemmas) index.set(foldKey(lemma), lemma);
  for (const lemma of lemmas) {
    for (const form of lemmaForms(lemma) ?? []) {
      const key = foldKey(form.toLowerCase());
      if (!index.has(key)) index.set(key, lemma);
    }
  }
  lemmaIndex = index;
  return index;
}

/** The lemma of a content-word key when the lemma table knows the form, else the key itself. */
export function lemmaOfKeyword(keyword: string): string {
  return lemmaIndexOf().get(keyword) ?? lemmaIndexOf().get(foldAccents(keyword)) ?? keyword;
}

/**
 * The features of one verbatim, with their counts, in first-seen order.
 * `words`: the content words (`analysis.keywords`, stop words out, negations
 * in); `lemmas`: the same through the lemma table; `concepts`: the lexicon
 * entries the verbatim is coded with (themes, concepts, irritants,
 * enchantments, intents), counted per counting match, once for a label with
 * no match of its own (the residual irritant).
 */
export function dfmFeatures(analysis: VerbatimAnalysis, features: DfmFeatures, maskPersonalData = true): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string, n = 1): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + n);
  };
  if (features === 'concepts') {
    for (const m of analysis.matches) add(m.id);
    for (const list of [analysis.themes, analysis.concepts, analysis.irritants, analysis.enchantments, analysis.intents]) {
      for (const id of list) if (!counts.has(id)) add(id);
    }
    return counts;
  }
  const keywords = maskPersonalData ? keywordsWithoutPersonalData(analysis) : analysis.keywords;
  for (const k of keywords) if (k !== null) add(features === 'lemmas' ? lemmaOfKeyword(k) : k);
  return counts;
}

function checkFeatures(features: unknown): DfmFeatures {
  if (features === undefined) return 'words';
  if (features !== 'words' && features !== 'lemmas' && features !== 'concepts') {
    throw expectedError(`features 'words', 'lemmas' or 'concepts'`, JSON.stringify(features));
  }
  return features;
}

/**
 * A document-feature matrix of the analysed rows, written as they come.
 * A path ending in `.mtx` gets Matrix Market (coordinate, integer, general:
 * `Matrix::readMM`, `scipy.io.mmread`) with `NAME.rows.csv` (one line per
 * matrix row: doc_id;channel;author;file;row, every analysed row, those with
 * no feature too) and `NAME.cols.csv` (one line per column: feature); any
 * other path or a stream gets the long CSV `doc_id;feature;count` (`;`, UTF-8
 * BOM, CRLF), one line per non-zero cell, and one line with an empty feature
 * and count 0 for a verbatim with no feature, so that every analysed row is
 * listed. Skipped rows have no line. The counts stream to disk; only the
 * feature index (one entry per distinct feature) is held.
 */
export function createDfmWriter(path: string | NodeJS.WritableStream, options: DfmWriterOptions = {}): RowWriter {
  const features = checkFeatures(options.features);
  const mask = options.maskPersonalData !== false;
  if (typeof path === 'string' && /\.mtx$/i.test(path)) return matrixMarketWriter(path, features, mask);
  const out = openOutput(path);
  let header = false;
  const writeHeader = async (): Promise<void> => {
    header = true;
    await out.write(BOM + csvRow(['doc_id', 'feature', 'count']) + CRLF);
  };
  return queuedRowWriter('export', 
    async (analysis) => {
      if (!header) await writeHeader();
      const counts = dfmFeatures(analysis, features, mask);
      if (counts.size === 0) {
        await out.write(csvRow([analysis.id, '', 0]) + CRLF);
        return;
      }
      let chunk = '';
      for (const [feature, count] of counts) chunk += csvRow([analysis.id, feature, count]) + CRLF;
      await out.write(chunk);
    },
    async () => {
      if (!header) await writeHeader();
      await out.close();
    },
    () => out.abort(),
  );
}

/** A write stream on a private temporary file, whose writes wait for the disk. */
async function spool(): Promise<{ path: string; write(chunk: string): Promise<void>; end(): Promise<void>; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'verbatim-fr-dfm-'));
  trackTemp(dir);
  const path = join(dir, 'entries.txt');
  const stream: WriteStream = createWriteStream(path, { encoding: 'utf8' });
  let failure: Error | undefined;
  stream.on('error', (error) => (failure ??= error));
  return {
    path,
    async write(chunk) {
      if (failure) throw failure;
      if (!stream.write(chunk) && !failure) await Promise.race([once(stream, 'drain'), once(stream, 'error')]).catch(() => undefined);
      if (failure) throw failure;
    },
    async end() {
      stream.end();
      await once(stream, 'finish').catch(() => undefined);
      if (failure) throw failure;
    },
    async remove() {
      if (!stream.closed) {
        const closing = once(stream, 'close').catch(() => undefined);
        stream.destroy();
        await closing;
      }
      await rm(dir, { recursive: true, force: true });
      releaseTemp(dir);
    },
  };
}

/** Copies a file into an output, chunk by chunk. */
async function copyInto(out: Output, path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) await out.write(chunk as string);
}

function matrixMarketWriter(path: string, features: DfmFeatures, mask: boolean): RowWriter {
  const companions = matrixCompanions(path);
  const rowsOut = openOutput(companions.rows);
  const columns = new Map<string, number>();
  let entries: Awaited<ReturnType<typeof spool>> | undefined;
  let rows = 0;
  let nonZero = 0;
  let started = false;
  const start = async (): Promise<void> => {
    started = true;
    entries = await spool();
    await rowsOut.write(BOM + csvRow(['doc_id', 'channel', 'author', 'file', 'row']) + CRLF);
  };
  const drop = async (): Promise<void> => {
    await rowsOut.abort();
    await entries?.remove();
  };
  return queuedRowWriter('export', 
    async (analysis, source) => {
      if (!started) await start();
      rows += 1;
      await rowsOut.write(csvRow([analysis.id, analysis.channel, analysis.author ?? 'customer', source?.file, source?.row]) + CRLF);
      let chunk = '';
      for (const [feature, count] of dfmFeatures(analysis, features, mask)) {
        let column = columns.get(feature);
        if (column === undefined) {
          column = columns.size + 1;
          columns.set(feature, column);
        }
        chunk += `${rows} ${column} ${count}\n`;
        nonZero += 1;
      }
      if (chunk !== '') await entries!.write(chunk);
    },
    async () => {
      if (!started) await start();
      await entries!.end();
      // The size line comes first, known only now: the entries wait in a temporary file and are copied after it.
      const matrix = openOutput(path);
      const cols = openOutput(companions.cols);
      try {
        await matrix.write(`%%MatrixMarket matrix coordinate integer general\n% verbatim-fr document-feature matrix (${features}): rows in ${basenameOf(companions.rows)}, columns in ${basenameOf(companions.cols)}\n${rows} ${columns.size} ${nonZero}\n`);
        await copyInto(matrix, entries!.path);
        await cols.write(BOM + csvRow(['feature']) + CRLF);
        for (const feature of columns.keys()) await cols.write(csvRow([feature]) + CRLF);
      } catch (error) {
        await matrix.abort();
        await cols.abort();
        throw error;
      }
      await rowsOut.close();
      await matrix.close();
      await cols.close();
      await entries!.remove();
    },
    drop,
  );
}

const basenameOf = (path: string): string => path.replace(/^.*[\\/]/, '');

export interface SpansWriterOptions {
  /** Mask personal data in the matched text; default true. */
  maskPersonalData?: boolean;
}

/**
 * The matched spans, one line each: `doc_id;kind;id;theme;start;end;text;negated`
 * (`;`, UTF-8 BOM, CRLF), start and end character offsets into the verbatim's
 * text (end exclusive; in the masked text when masking is on), negated 1 or 0.
 * Only the matches that count (`analysis.matches`); a verbatim with none has no line.
 */
export function createSpansWriter(path: string | NodeJS.WritableStream, options: SpansWriterOptions = {}): RowWriter {
  const out = openOutput(path);
  let header = false;
  const writeHeader = async (): Promise<void> => {
    header = true;
    await out.write(BOM + csvRow(['doc_id', 'kind', 'id', 'theme', 'start', 'end', 'text', 'negated']) + CRLF);
  };
  return queuedRowWriter('export', 
    async (analysis) => {
      if (!header) await writeHeader();
      const a = options.maskPersonalData === false ? analysis : maskAnalysis(analysis);
      let chunk = '';
      for (const m of a.matches) chunk += csvRow([a.id, m.kind, m.id, m.theme ?? '', m.start, m.end, m.text, m.negated ? 1 : 0]) + CRLF;
      if (chunk !== '') await out.write(chunk);
    },
    async () => {
      if (!header) await writeHeader();
      await out.close();
    },
    () => out.abort(),
  );
}

export interface IramuteqWriterOptions {
  /**
   * Starred variables, by name: an input column (its header), or `channel`
   * (`canal`), `score` (`note`), `date`, `id`, `tonality` (`tonalite`),
   * `language` (`langue`), `author` (`auteur`: customer or agent); default
   * none (`****` alone).
   */
  variables?: string[];
  /** The headers of the columns the reader mapped to roles (`--channel Canal` → `{ channel: 'Canal' }`), so that a variable may name them. */
  columns?: Partial<Record<'channel' | 'score' | 'date' | 'id', string>>;
  /** Mask personal data in the texts; default true. */
  maskPersonalData?: boolean;
}

/** A variable name or value as IRaMuTeQ reads it: lowercase ASCII letters and digits only (`Avis Google` → `avisgoogle`), `na` when nothing is left. */
export function iramuteqToken(value: string): string {
  const folded = foldAccents(value.normalize('NFC')).toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae');
  const kept = folded.replace(/[^a-z0-9]+/g, '');
  return kept === '' ? 'na' : kept;
}

/** A verbatim's text as one IRaMuTeQ text line: no line break, no star (a line starting with `*` or `-*` would be read as variables). */
export function iramuteqText(text: string): string {
  return text.replace(/\*/g, ' ').replace(/\s+/gu, ' ').trim();
}

const ROLE_NAMES: Record<string, 'channel' | 'score' | 'date' | 'id' | 'tonality' | 'language' | 'author'> = {
  channel: 'channel', canal: 'channel', score: 'score', note: 'score', date: 'date', id: 'id',
  tonality: 'tonality', tonalite: 'tonality', language: 'language', langue: 'language', author: 'author', auteur: 'author',
};

/**
 * An IRaMuTeQ (Alceste-format) corpus: for each analysed row, a line
 * `**** *canal_email *note_3 …` with the variables asked for, then its text
 * on one line (masked when masking is on). Variable names and values keep
 * lowercase ASCII letters and digits only; a missing value is `na`; a score
 * 4.5 is `4p5`. Skipped rows have no text. UTF-8 without BOM, LF.
 */
export function createIramuteqWriter(path: string | NodeJS.WritableStream, options: IramuteqWriterOptions = {}): RowWriter {
  const names = options.variables ?? [];
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string' || n.trim() === '')) {
    throw expectedError('variables as an array of names', JSON.stringify(names));
  }
  const out = openOutput(path);
  type Read = (a: VerbatimAnalysis) => string | number | null | undefined;
  let readers: Array<{ name: string; read: Read }> | undefined;
  const resolve = (a: VerbatimAnalysis, source?: SourceRef): Array<{ name: string; read: Read }> =>
    names.map((name) => {
      const trimmed = name.trim();
      const key = foldAccents(trimmed).toLowerCase();
      const label = iramuteqToken(trimmed);
      if (a.meta !== undefined && Object.hasOwn(a.meta, trimmed)) return { name: label, read: (v) => v.meta?.[trimmed] };
      const column = (Object.entries(options.columns ?? {}) as Array<[keyof NonNullable<IramuteqWriterOptions['columns']>, string]>).find(([, header]) => foldAccents(header).toLowerCase() === key);
      const role = column?.[0] ?? ROLE_NAMES[key];
      if (role === 'channel') return { name: label, read: (v) => v.channel };
      if (role === 'score') return { name: label, read: (v) => v.score };
      if (role === 'date') return { name: label, read: (v) => v.date };
      if (role === 'id') return { name: label, read: (v) => v.id };
      if (role === 'tonality') return { name: label, read: (v) => v.tonality };
      if (role === 'language') return { name: label, read: (v) => v.language };
      if (role === 'author') return { name: label, read: (v) => v.author ?? 'customer' };
      const known = [...Object.keys(a.meta ?? {}), ...Object.values(options.columns ?? {}), 'canal', 'note', 'date', 'id', 'tonalite', 'langue'];
      throw new InputError([{ file: source?.file ?? '-', ...inputProblem('iramuteq_unknown_var', { name: trimmed, known: [...new Set(known)] }) }]);
    });
  const value = (v: string | number | null | undefined): string =>
    v === null || v === undefined || v === '' ? 'na' : typeof v === 'number' ? String(v).replace('-', 'm').replace('.', 'p') : iramuteqToken(v);
  return queuedRowWriter('export', 
    async (analysis, source) => {
      readers ??= resolve(analysis, source);
      const a = options.maskPersonalData === false ? analysis : maskAnalysis(analysis);
      const stars = readers.map((r) => ` *${r.name}_${value(r.read(a))}`).join('');
      await out.write(`****${stars}\n${iramuteqText(a.text)}\n\n`);
    },
    () => out.close(),
    () => out.abort(),
  );
}

/** Several row writers fed as one: each row goes to each, in order; closing closes them all, a failure aborts them all. */
export function fanOut(writers: ReadonlyArray<RowWriter>): RowWriter {
  const all = async (f: (w: RowWriter) => Promise<void>): Promise<void> => {
    for (const w of writers) await f(w);
  };
  return {
    write: (analysis, source) => all((w) => w.write(analysis, source)),
    skip: (reject) => all((w) => w.skip(reject)),
    async close() {
      try {
        await all((w) => w.close());
      } catch (error) {
        await all((w) => w.abort());
        throw error;
      }
    },
    abort: () => all((w) => w.abort()),
  };
}

/**
 * A tidy table of the report (`reportTable`) as CSV (`;`, UTF-8 BOM, CRLF,
 * decimal point): to a file, written whole or not at all, or a stream.
 */
export async function writeReportTable(report: Report, kind: ReportTableKind, target: string | NodeJS.WritableStream): Promise<void> {
  await writeFileAtomic(target, tidyCsv(reportTable(report, kind)));
}

const ROLES = ['text', 'id', 'channel', 'date', 'score', 'author'] as const;

/**
 * The items of a read, checked for the column that groups them (`--by`): a
 * column read as a role (text, id, channel, date, score, author) is refused at
 * the input's first row; so is a tabular input (CSV, TSV, XLSX) whose first
 * row has no such column; a JSON input (whose records may differ) only when
 * none of its records has it, at the end. `used` fills as the inputs open.
 */
export async function* checkGroupColumn(items: AsyncIterable<ReadItem>, column: string, used: readonly ColumnsUsed[]): AsyncGenerator<ReadItem> {
  const name = column.trim();
  /** File → the first row's other columns; files where a row had the column. */
  const first = new Map<string, string[]>();
  const found = new Set<string>();
  const problem = (file: string, issue: ReturnType<typeof inputProblem>): InputError => new InputError([{ file, ...issue }]);
  for await (const item of items) {
    if (item.type === 'verbatim') {
      const file = item.source.file;
      const has = item.verbatim.meta !== undefined && Object.hasOwn(item.verbatim.meta, name);
      if (!first.has(file)) {
        const columns = [...used].reverse().find((u) => u.file === file);
        const role = columns === undefined ? undefined : ROLES.find((r) => (r === 'text' && columns.textColumns?.includes(name)) || columns[r] === name);
        if (role !== undefined) {
          throw problem(file, inputProblem('by_is_role', { name, role }));
        }
        const keys = Object.keys(item.verbatim.meta ?? {});
        first.set(file, keys);
        if (!has && columns !== undefined && columns.format !== 'json' && columns.format !== 'jsonl') {
          throw problem(file, inputProblem('by_no_column', { name, keys }));
        }
      }
      if (has) found.add(file);
    }
    yield item;
  }
  for (const [file, keys] of first) {
    if (!found.has(file)) throw problem(file, inputProblem('by_no_field', { name, keys }));
  }
}
