// The run's files of rows: rejects (CSV for Excel) and per-verbatim annotations
// (CSV or JSONL), with personal data masked by the report's rules. Written
// through io/'s outputs: whole or not at all.
import type { ReadReject, SourceRef } from '../io/types.js';
import { openOutput } from '../io/write.js';
import { maskAnalysis, maskQuotedInput } from '../report/mask.js';
import type { VerbatimAnalysis } from '../types.js';
import { csvRow } from '../_utils/csv.js';
import { expectedError, typeName } from '../_utils/describe.js';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** An output path, or a writable stream (standard output). */
function checkTarget(target: unknown): asserts target is string | NodeJS.WritableStream {
  const stream = typeof target === 'object' && target !== null && typeof (target as NodeJS.WritableStream).write === 'function';
  if (typeof target !== 'string' && !stream) throw expectedError('an output path or a writable stream', typeName(target));
}

/**
 * Write rejected rows as a CSV for Excel (`;`, UTF-8 BOM, CRLF) with columns
 * file;sheet_row;row;line;reason;hint;code;id, to a file (whole or not at all) or a
 * stream: `sheet_row` is the row a spreadsheet shows (header row included, so
 * the first data row under a header is 2; empty for JSON), `row` the data
 * row (header excluded, the N of the default ids `file:N`), `line` the
 * physical line where the record starts, `code` the reason's stable code
 * (`empty_text`…: the words of `reason` and `hint` follow the run's language),
 * `id` the row's id when its cells were read (`ReadReject.fields`; empty for a
 * row that could not be read). Returns the number of rejects written.
 */
export async function writeRejects(
  rejects: Iterable<ReadReject> | AsyncIterable<ReadReject>,
  path: string | NodeJS.WritableStream,
  options: { maskPersonalData?: boolean } = {},
): Promise<number> {
  checkTarget(path);
  // What a reader quotes from the input (a JSON parse error) is masked like the report's copy of it.
  const mask = options.maskPersonalData !== false ? maskQuotedInput : (s: string) => s;
  const out = openOutput(path);
  let count = 0;
  try {
    await out.write(BOM + csvRow(['file', 'sheet_row', 'row', 'line', 'reason', 'hint', 'code', 'id']) + CRLF);
    for await (const reject of rejects) {
      const { file, row, line, sheetRow } = reject.source;
      await out.write(csvRow([file, sheetRow, row, line, mask(reject.reason), mask(reject.hint), reject.code, reject.fields?.id]) + CRLF);
      count++;
    }
  } catch (error) {
    // The rejects could not all be read or written: the previous file stays.
    await out.abort();
    throw error;
  }
  await out.close();
  return count;
}

export type AnnotationFormat = 'csv' | 'jsonl';

export interface AnnotationWriterOptions {
  /** Meta columns of the CSV; default: the meta keys of the first analysis written (others are left out of the CSV). */
  metaColumns?: string[];
  /** Write the verbatim text too; default false. */
  keepText?: boolean;
  /** Mask personal data in what comes from the text (the text, `matches[].text`); default true. Ids and columns stay. */
  maskPersonalData?: boolean;
}

export interface AnnotationWriter {
  /** Write one row for one verbatim; resolves once the row is buffered by the disk stream. */
  write(analysis: VerbatimAnalysis, source?: SourceRef): Promise<void>;
  /**
   * Write one row for a skipped input row (`status` skipped, with the reason
   * and its stable `reason_code`), so every input row has its line: with the
   * id, channel, date, score and columns of a row that was read (`fields`).
   */
  skip(reject: ReadReject): Promise<void>;
  /** Flush and close the file (written to a temporary file beside it, renamed now); a stream is left open. */
  close(): Promise<void>;
  /** Drop the rows written: the file, if it existed, stays as it was before (rows written to a stream stay written). */
  abort(): Promise<void>;
}

const LIST_COLUMNS = ['words', 'themes', 'concepts', 'irritants', 'enchantments', 'intents', 'tonality', 'language', 'author', 'matches'] as const;
const TRAILING_COLUMNS = ['file', 'row', 'line', 'status', 'reason', 'reason_code'] as const;
const FIXED_COLUMNS = new Set<string>(['id', 'channel', 'date', 'score', 'text', ...LIST_COLUMNS, ...TRAILING_COLUMNS]);

/**
 * Per-verbatim annotations, one row per input row, to a file (whole or not at
 * all) or a stream (rows as they come). CSV (default for a path not ending in
 * .jsonl/.ndjson): `;`, UTF-8 BOM, CRLF, lists `|`-separated, spans as
 * `id@start-end`, formulas neutralised. JSONL (default for a stream): one
 * object per line with arrays and `matches: [{ id, start, end, text, negated }]`.
 */
export function createAnnotationWriter(path: string | NodeJS.WritableStream, format?: AnnotationFormat, options: AnnotationWriterOptions = {}): AnnotationWriter {
  checkTarget(path);
  if (format !== undefined && format !== 'csv' && format !== 'jsonl') {
    throw expectedError(`format 'csv' or 'jsonl'`, JSON.stringify(format));
  }
  const resolved: AnnotationFormat = format ?? (typeof path !== 'string' || /\.(?:jsonl|ndjson)$/i.test(path) ? 'jsonl' : 'csv');
  const out = openOutput(path);
  let metaColumns: string[] | undefined = options.metaColumns;
  let headerWritten = false;

  const spans = (a: VerbatimAnalysis) =>
    a.matches.map((m) => ({ id: m.id, start: m.start, end: m.end, text: m.text, negated: m.negated, ...(m.fuzzy === true ? { fuzzy: true } : {}) }));

  async function writeCsv(a: VerbatimAnalysis, source?: SourceRef): Promise<void> {
    if (!headerWritten) {
      metaColumns ??= Object.keys(a.meta ?? {});
      // A meta column named like a fixed one ("score" kept as meta) is prefixed.
      await writeCsvHeader(metaColumns.map((c) => (FIXED_COLUMNS.has(c) ? `meta.${c}` : c)));
    }
    const row = [
      a.id, a.channel, a.date, a.score,
      ...metaColumns!.map((c) => a.meta?.[c]),
      ...(options.keepText ? [a.text] : []),
      a.wordCount, a.themes.join('|'), a.concepts.join('|'), a.irritants.join('|'), a.enchantments.join('|'), a.intents.join('|'),
      a.tonality, a.language, a.author ?? 'customer', a.matches.map((m) => `${m.id}@${m.start}-${m.end}`).join('|'),
      source?.file, source?.row, source?.line, 'analysed', '', '',
    ];
    await out.write(csvRow(row) + CRLF);
  }

  async function writeCsvHeader(metaHeaders: string[]): Promise<void> {
    const header = ['id', 'channel', 'date', 'score', ...metaHeaders, ...(options.keepText ? ['text'] : []), ...LIST_COLUMNS, ...TRAILING_COLUMNS];
    await out.write(BOM + csvRow(header) + CRLF);
    headerWritten = true;
  }

  async function writeSkipped(r: ReadReject): Promise<void> {
    // What is known of the row (read, with an empty text): its id and columns, as an analysed row has them.
    const f = r.fields;
    if (resolved === 'jsonl') {
      const known = f === undefined ? {} : { id: f.id, channel: f.channel, date: f.date, score: f.score, meta: f.meta };
      await out.write(JSON.stringify({ ...known, status: 'skipped', reason: r.reason, ...(r.code !== undefined ? { reason_code: r.code } : {}), hint: r.hint, source: r.source }) + '\n');
      return;
    }
    if (!headerWritten) {
      metaColumns ??= Object.keys(f?.meta ?? {});
      await writeCsvHeader(metaColumns.map((c) => (FIXED_COLUMNS.has(c) ? `meta.${c}` : c)));
    }
    const empty = new Array<string>((options.keepText ? 1 : 0) + LIST_COLUMNS.length).fill('');
    await out.write(csvRow([f?.id, f?.channel, f?.date, f?.score, ...metaColumns!.map((c) => f?.meta?.[c]), ...empty, r.source.file, r.source.row, r.source.line, 'skipped', r.reason, r.code]) + CRLF);
  }

  async function writeJsonl(a: VerbatimAnalysis, source?: SourceRef): Promise<void> {
    const record = {
      id: a.id, channel: a.channel, date: a.date, score: a.score, meta: a.meta,
      ...(options.keepText ? { text: a.text } : {}),
      words: a.wordCount, themes: a.themes, concepts: a.concepts, irritants: a.irritants, enchantments: a.enchantments,
      intents: a.intents, tonality: a.tonality, language: a.language, author: a.author ?? 'customer', matches: spans(a), source, status: 'analysed',
    };
    await out.write(JSON.stringify(record) + '\n');
  }

  return queuedRowWriter(
    'annotation',
    (analysis, source) => {
      const a = options.maskPersonalData === false ? analysis : maskAnalysis(analysis);
      return resolved === 'csv' ? writeCsv(a, source) : writeJsonl(a, source);
    },
    async () => {
      // An empty CSV still gets its fixed header, so Excel opens it.
      if (resolved === 'csv' && !headerWritten) await writeCsvHeader(metaColumns ?? []);
      await out.close();
    },
    () => out.abort(),
    writeSkipped,
  );
}

/**
 * A row writer from its parts, shared by the annotations and the exports:
 * rows go out in call order even when callers do not await each write, the
 * first failure stops the others, `close` finishes (or drops, on a failure),
 * and a closed writer refuses rows.
 */
export function queuedRowWriter(
  what: string,
  write: (analysis: VerbatimAnalysis, source?: SourceRef) => Promise<void>,
  finish: () => Promise<void>,
  drop: () => Promise<void>,
  skip: (reject: ReadReject) => Promise<void> = async () => undefined,
): AnnotationWriter {
  let queue: Promise<void> = Promise.resolve();
  let closed = false;
  const closedError = () => Promise.reject(new TypeError(`verbatim-fr: expected an open ${what} writer, got a closed one`));
  return {
    write(analysis, source) {
      if (closed) return closedError();
      if (typeof analysis !== 'object' || analysis === null || !Array.isArray(analysis.matches)) {
        return Promise.reject(expectedError('a VerbatimAnalysis', typeName(analysis)));
      }
      queue = queue.then(() => write(analysis, source));
      return queue;
    },
    skip(reject) {
      if (closed) return closedError();
      queue = queue.then(() => skip(reject));
      return queue;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await queue;
        await finish();
      } catch (error) {
        await drop();
        throw error;
      }
    },
    async abort() {
      closed = true;
      await queue.catch(() => undefined);
      await drop();
    },
  };
}
