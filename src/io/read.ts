// readVerbatims: files in, one item per input row out (a verbatim or a reject).
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { ColumnsUsed, Verbatim } from '../types.js';
import { normalizeChannel, type ChannelDefinition } from '../lexicon/channels.js';
import { defaultChannelTable } from '../lexicon/defaults.js';
import { mapColumns, type ColumnMapping } from './columns.js';
import { prepareCsv } from './csv-reader.js';
import { InputError } from './errors.js';
import { prepareJson, prepareJsonl, recordsOf, UnreadableDocument } from './json-reader.js';
import type { CellValue, PreparedInput, RawItem, RawRow } from './raw.js';
import { readHead, StreamBytes, type ByteInput } from './source.js';
import { releaseTemp, trackTemp } from './temp-files.js';
import type { InputFormat, InputIssue, InputSpec, ReadItem, ReadOptions, ReadReject, SourceRef } from './types.js';
import { inputProblem } from './issue-messages.js';
import { rejectText, type RejectLang, type RejectProblem } from './reject-messages.js';
import { authorRole, parseDate, parseScore } from './values.js';
import { expectedError, typeName } from '../_utils/describe.js';

const DEFAULT_MAX_RECORD_SIZE = 1024 * 1024;

const EXTENSIONS: Record<string, InputFormat> = {
  '.csv': 'csv', '.txt': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.xlsx': 'xlsx', '.xlsm': 'xlsx',
};

/** The first line of a JSON input is looked for this far (JSON Lines whose first record is long). */
const FIRST_LINE_LIMIT = 1024 * 1024;

/**
 * The format from the first bytes: a zip is XLSX; `{` on the first line is
 * JSON Lines when more lines follow, or, with no `.json` name, when that one
 * object is a record (a partition of one record) rather than a wrapper of
 * records (`wrapsRecords`); otherwise the extension, else CSV. A minified
 * JSON document is one line: under a `.json` name it is read as the same
 * document pretty-printed would be. A JSON array, and a first line that is
 * only `{` or `[` (a pretty-printed document), is JSON even under a `.jsonl`
 * name, unless each line holds a whole value (JSON Lines, a reject each).
 * With no name, a first line opening with a bracket and a word is a CSV header.
 */
async function sniffFormat(input: ByteInput, fromExtension: InputFormat | undefined): Promise<InputFormat> {
  let head = (await readHead(input, 0, 4096)).bytes;
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  let text = headText(head);
  const first = text.trimStart()[0];
  if (first === '{' || (first === '[' && (fromExtension === undefined || fromExtension === 'jsonl'))) {
    if (!/[\r\n]/.test(text.trimStart()) && head.length === 4096) {
      head = (await readHead(input, 0, FIRST_LINE_LIMIT)).bytes;
      text = headText(head);
    }
    const firstLine = (text.trimStart().split(/\r\n|\r|\n/)[0] ?? '').trim();
    // With no name to go by, a CSV header that opens with a bracket (`[ID];avis`, `{ref},texte`): a word after it starts no JSON.
    if (fromExtension === undefined && /^[[{]\s*[\p{L}_]/u.test(firstLine) && !/^\[\s*(?:true|false|null)\b/u.test(firstLine)) return 'csv';
    const moreLines = text.trim().length > firstLine.length;
    /** What a JSON document is read as: JSON, or the extension's format when that is not JSON Lines. */
    const documentFormat = fromExtension === undefined || fromExtension === 'jsonl' ? 'json' : fromExtension;
    // Only the bracket on the first line: a pretty-printed document, never a JSON Lines record.
    if (firstLine === '{' || firstLine === '[') return documentFormat;
    let value: unknown;
    try {
      value = JSON.parse(firstLine);
    } catch {
      // A document over several lines, or a JSON Lines file whose first line is damaged (a reject of its own).
      return fromExtension ?? 'json';
    }
    // One object per line (JSON Lines), even under a .json name.
    if (first === '{') return moreLines || (fromExtension !== 'json' && !wrapsRecords(value)) ? 'jsonl' : documentFormat;
    // An array: a JSON document, unless more lines follow it under a .jsonl name.
    return fromExtension === 'jsonl' && moreLines ? 'jsonl' : 'json';
  }
  return fromExtension ?? 'csv';
}

/**
 * The first bytes as text, to tell the format by: UTF-16 by its byte order mark
 * (Windows PowerShell writes JSON so), else UTF-8 (a mark dropped).
 */
function headText(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return head.subarray(2, head.length - (head.length % 2)).toString('utf16le');
  if (head[0] === 0xfe && head[1] === 0xff) return Buffer.from(head.subarray(2, head.length - (head.length % 2))).swap16().toString('utf16le');
  return head.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * A JSON object that holds records rather than being one: an array of records
 * (`{"verbatims": [{…}]}`), or an array that is empty or holds `null`, arrays or
 * objects (`{"verbatims": []}`, `{"avis": [null]}`). An array of plain values
 * (`"tags": ["a", "b"]`) is a field of a record.
 */
function wrapsRecords(value: unknown): boolean {
  if (recordsOf(value) !== undefined) return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).some((v) => Array.isArray(v) && (v.length === 0 || v.some((item) => typeof item === 'object')));
}

function fileProblem(error: unknown): RejectProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { code: 'file_not_found', params: {} };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'permission_denied', params: {} };
  if (code === 'EISDIR') return { code: 'is_directory', params: {} };
  if (error instanceof UnreadableDocument) return { code: 'unreadable_file', params: { reason: error.message, hint: error.hint, problem: error.problem } };
  return { code: 'cannot_read_file', params: { detail: error instanceof Error ? error.message : String(error) } };
}

/**
 * The bytes of an input read once: its `stream`, standard input for `-`, or a
 * path that is not a regular file (a FIFO, `/dev/stdin`, a process
 * substitution). Regular files are read by position.
 */
async function streamOf(spec: InputSpec): Promise<AsyncIterable<Uint8Array | string> | undefined> {
  if (spec.stream !== undefined) return spec.stream;
  if (spec.path === '-') return process.stdin;
  try {
    const info = await stat(spec.path);
    return info.isFile() || info.isDirectory() ? undefined : createReadStream(spec.path);
  } catch {
    return undefined; // the reader reports missing and unreadable files
  }
}

/** An input with no row: a stream of nothing but white space (an empty partition). */
const NOTHING: PreparedInput = {
  headers: [],
  description: 'empty input',
  async *rows() {
    // no row
  },
};

/**
 * XLSX is a zip, read by position: a stream is copied to a private temporary
 * file first (removed at the end, and on signals by the CLI).
 */
async function spoolXlsx(bytes: StreamBytes): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'verbatim-fr-input-'));
  trackTemp(dir);
  const remove = async (): Promise<void> => {
    await rm(dir, { recursive: true, force: true });
    releaseTemp(dir);
  };
  try {
    const path = join(dir, 'input.xlsx');
    await bytes.toFile(path);
    return { path, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

interface Planned {
  file: string;
  cleanup?: () => Promise<void>;
  prepared?: PreparedInput;
  mapping?: ColumnMapping;
  format?: InputFormat;
  reject?: ReadReject;
  /** Author values meaning the brand, for this file. */
  agentAuthors?: readonly string[];
}

async function plan(spec: InputSpec, options: ReadOptions, issues: InputIssue[]): Promise<Planned> {
  const file = spec.path;
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async (): Promise<void> => {
    for (const step of cleanups.splice(0).reverse()) await step();
  };
  const fileReject = (problem: RejectProblem): Planned => ({
    file,
    cleanup,
    reject: { type: 'reject', source: { file, row: 0 }, code: problem.code, ...rejectText(problem, options.lang) },
  });
  const extension = extname(file).toLowerCase();
  if (extension === '.xls' || extension === '.ods') {
    return fileReject({ code: 'unsupported_format', params: { extension } });
  }
  try {
    let input: ByteInput = file;
    const stream = await streamOf(spec);
    if (stream !== undefined) {
      const bytes = new StreamBytes(stream, options.maxStreamMemory);
      cleanups.push(() => bytes.close());
      input = bytes;
      if (await bytes.blank()) return { file, cleanup, prepared: NOTHING };
    }
    const format = spec.format ?? (await sniffFormat(input, EXTENSIONS[extension]));
    if (format === 'xlsx' && input instanceof StreamBytes) {
      const copy = await spoolXlsx(input);
      cleanups.push(copy.remove);
      input = copy.path;
    }
    const encoding = spec.encoding;
    const maxRecordSize = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
    const prepared =
      format === 'json' ? await prepareJson(input, encoding, maxRecordSize)
      : format === 'jsonl' ? await prepareJsonl(input, encoding, maxRecordSize)
      // The workbook reader (a zip and an XML parser) is loaded for a workbook only: 60–100 ms of every run's start.
      : format === 'xlsx' ? await (await import('./xlsx-reader.js')).prepareXlsx(input as string, { maxRecordSize, ...(options.maxXlsxSize !== undefined && { maxSize: options.maxXlsxSize }) })
      : await prepareCsv(input, { maxRecordSize, ...(encoding !== undefined && { encoding }), ...(spec.delimiter !== undefined && { delimiter: spec.delimiter }) }, format === 'tsv');
    const { mapping, problems } = mapColumns(prepared.headers, spec);
    for (const problem of problems) {
      issues.push({ file, line: 1, ...inputProblem(problem.code, { ...problem.params, description: prepared.description } as never) });
    }
    return { file, prepared, mapping, format, agentAuthors: spec.agentAuthors ?? [], cleanup };
  } catch (error) {
    if (error instanceof TypeError) {
      await cleanup();
      throw error;
    }
    return fileReject(fileProblem(error));
  }
}

/** A cell as the string kept in a Verbatim (text, id, meta). */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Where a raw row comes from: its record number, line and spreadsheet row when the reader knows them. */
function sourceOf(file: string, raw: RawItem): SourceRef {
  const source: SourceRef = { file, row: raw.row };
  if (raw.line !== undefined) source.line = raw.line;
  if (raw.sheetRow !== undefined) source.sheetRow = raw.sheetRow;
  return source;
}

/**
 * What turns a raw row of `file` into an item: the columns the mapping reads
 * are resolved once per file, not once per row.
 */
function itemMaker(
  file: string,
  mapping: ColumnMapping,
  channelOf: (value: string | undefined) => string,
  agentAuthors: readonly string[],
  lang: RejectLang | undefined,
  headers: readonly string[],
): (raw: RawRow) => ReadItem {
  const mapped = new Set([mapping.text, ...(mapping.textColumns ?? []), mapping.id, mapping.date, mapping.score, mapping.channel, mapping.author]);
  const rowId = `${file === '-' ? 'stdin' : basename(file)}:`;
  const constantChannel = mapping.channel === undefined ? channelOf(mapping.constantChannel) : undefined;
  // A row given as cells (CSV): each column's place in the header, found once per file.
  const place = new Map(headers.map((name, i) => [name, i]));
  return (raw) => {
    const source = sourceOf(file, raw);
    const { values, cells } = raw;
    // Only the record's own fields: never `constructor` or `__proto__` from Object.prototype.
    const field = (name: string): CellValue => {
      if (cells === undefined) return Object.hasOwn(values, name) ? values[name] : undefined;
      const i = place.get(name);
      return i === undefined ? undefined : cells[i];
    };
    // `--text title+body`: the non-empty cells, one line each (a title with no body is a verbatim).
    const text = mapping.textColumns === undefined
      ? cellText(field(mapping.text!))
      : mapping.textColumns.map((c) => cellText(field(c)).trim()).filter((t) => t !== '').join('\n');
    const id = mapping.id !== undefined ? cellText(field(mapping.id)).trim() : '';
    // The order of a verbatim's keys: id, text, channel, date, score, author, meta.
    // Every key present (undefined when the input has no such column or cell): one hidden class for every row.
    const verbatim: Verbatim = {
      id: id !== '' ? id : rowId + raw.row,
      text,
      channel: constantChannel ?? channelOf(cellText(field(mapping.channel!))),
      date: mapping.date !== undefined ? parseDate(field(mapping.date)) : undefined,
      score: mapping.score !== undefined ? parseScore(field(mapping.score)) : undefined,
      author: mapping.author !== undefined ? authorRole(cellText(field(mapping.author)), agentAuthors) : undefined,
      meta: undefined,
    };
    let meta: Record<string, string> | undefined;
    if (cells !== undefined) {
      for (let i = 0; i < headers.length; i++) {
        const key = headers[i] as string;
        if (mapped.has(key)) continue;
        meta ??= Object.create(null) as Record<string, string>;
        meta[key] = cellText(cells[i]);
      }
    } else {
      for (const key in values) {
        if (!Object.hasOwn(values, key) || mapped.has(key)) continue;
        meta ??= Object.create(null) as Record<string, string>;
        meta[key] = cellText(values[key]);
      }
    }
    if (meta !== undefined) verbatim.meta = meta;
    if (text.trim() === '') {
      // The row was read: a skipped line in --annotate keeps its id and columns, so that it can be joined back.
      const problem: RejectProblem = { code: 'empty_text', params: { columns: mapping.textColumns ?? [mapping.text!] } };
      const { text: _, ...fields } = verbatim;
      return { type: 'reject', source, code: problem.code, ...rejectText(problem, lang), fields };
    }
    return { type: 'verbatim', verbatim, source };
  };
}

function checkInputs(inputs: unknown): InputSpec[] {
  if (!Array.isArray(inputs)) {
    throw expectedError('an array of paths or input specs', typeName(inputs));
  }
  return inputs.map((input: unknown) => {
    if (typeof input === 'string') return { path: input };
    if (typeof input === 'object' && input !== null && typeof (input as InputSpec).path === 'string') return input as InputSpec;
    throw expectedError('a path or { path }', JSON.stringify(input));
  });
}

/**
 * Read verbatims from CSV, TSV, JSON, JSONL and XLSX files. Every data row of
 * every input gives exactly one item: a verbatim, or a reject with its file,
 * row, line and a hint. A file that cannot be opened gives one reject (row 0)
 * and the other inputs are still read. Headers are checked for every input
 * before the first item: missing text columns throw one `InputError` listing
 * them all. Rows are streamed (CSV, TSV, JSONL, XLSX); JSON documents are
 * parsed whole.
 */
export async function* readVerbatims(inputs: ReadonlyArray<string | InputSpec>, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const specs = checkInputs(inputs);
  const channels = options.channels ?? defaultChannelTable();
  const { channels: _channels, maxRecordSize: _max, maxXlsxSize: _xlsx, maxStreamMemory: _held, onColumns: _onColumns, lang: _lang, ...shared } = options;
  const issues: InputIssue[] = [];
  const planned: Planned[] = [];
  try {
    for (const spec of specs) planned.push(await plan({ ...shared, ...spec }, options, issues));
    if (issues.length > 0) throw new InputError(issues);
    if (options.onColumns) {
      for (const { file, prepared, mapping, format } of planned) {
        if (prepared === undefined || mapping === undefined || format === undefined || prepared === NOTHING) continue;
        // A stream's encoding may be told only at its first accent, while its rows are read: the
        // description says what is known when it is read (the report's provenance, at the end).
        const used: ColumnsUsed = {
          file,
          get description() {
            return prepared.description;
          },
          format,
          ...mapping,
        };
        options.onColumns(used);
      }
    }
    yield* readPlanned(planned, channels, options.lang);
  } finally {
    for (const { cleanup } of planned) await cleanup?.();
  }
}

async function* readPlanned(planned: Planned[], channels: ReadonlyArray<ChannelDefinition>, lang: RejectLang | undefined): AsyncGenerator<ReadItem> {
  // Exports repeat a handful of channel spellings: normalise each once.
  const cache = new Map<string, string>();
  const channelOf = (value: string | undefined): string => {
    const key = value ?? '';
    let id = cache.get(key);
    if (id === undefined) {
      id = normalizeChannel(value, channels);
      if (cache.size < 10_000) cache.set(key, id);
    }
    return id;
  };

  for (const { file, prepared, mapping, reject, agentAuthors } of planned) {
    if (reject) {
      yield reject;
      continue;
    }
    // Made at the first row: an input with none (an empty partition) may have no mapping.
    let toItem: ((raw: RawRow) => ReadItem) | undefined;
    for await (const raw of prepared!.rows()) {
      if (raw.kind === 'reject') {
        const source = sourceOf(file, raw);
        yield { type: 'reject', source, code: raw.code, ...rejectText(raw, lang) };
      } else {
        toItem ??= itemMaker(file, mapping!, channelOf, agentAuthors ?? [], lang, prepared!.headers);
        yield toItem(raw);
      }
    }
  }
}
