// CSV/TSV: encoding and delimiter detection on a sample, then records read by
// csv-records.ts over the decoded file, each with its line range. A malformed
// record never aborts the file, and never takes other records with it.
//
// csv-parse is not used for the records: it cannot go back after a stray quote
// has swallowed the lines that follow (it is a push parser; what it consumed is
// gone, and the byte counts it reports are of its decoded input, not of the
// file), it settles on one kind of line break per file (a mix of LF, CRLF and
// CR reads as cells holding line breaks), and relax_quotes closes a quoted cell
// at a loose quote without saying so, which is how two stray quotes silently
// merge the rows between them.
import iconv from 'iconv-lite';
import { csvRecords, readHeaderRecord, sampleWidths, type CsvDialect } from './csv-records.js';
import { detectEncoding } from './encoding.js';
import { uniqueHeaders, type PreparedInput, type RawItem } from './raw.js';
import { readBytes, readHead, StreamBytes, type ByteInput, type InputHead } from './source.js';
import { heldString, TextWindow, type DeferredEncoding } from './text-window.js';
import { expectedError } from '../_utils/describe.js';

const SAMPLE_BYTES = 256 * 1024;
const DELIMITERS = [';', ',', '\t', '|'] as const;

export interface CsvInputOptions {
  encoding?: string;
  delimiter?: string;
  maxRecordSize: number;
  /** Bytes read at a time (default 64 KiB; tests use tiny ones to cut everywhere). */
  chunkSize?: number;
}

/** Every byte is ASCII and none is NUL (UTF-16 without a BOM shows NULs): any ASCII-compatible encoding reads it alike. */
function plainAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! === 0 || bytes[i]! >= 0x80) return false;
  return true;
}

/** Bytes from the first byte beyond ASCII that its encoding is detected on. */
const ENCODING_SAMPLE = 64 * 1024;

/**
 * The bytes to detect the encoding on: the head of the file, or, when the
 * head is plain ASCII and the file goes on, a sample from the first byte that
 * is not (a Windows-1252 export whose first accent comes after the head
 * would otherwise be read as UTF-8, each accent a U+FFFD).
 */
async function readEncodingSample(input: string, head: InputHead): Promise<InputHead> {
  if (head.complete || !plainAscii(head.bytes)) return head;
  for (let position = head.bytes.length; ; ) {
    const buffer = await readBytes(input, position, 1 << 20);
    if (buffer.length === 0) return head;
    let k = 0;
    while (k < buffer.length && buffer[k]! < 0x80) k++;
    if (k < buffer.length) return readHead(input, position + k, ENCODING_SAMPLE);
    position += buffer.length;
  }
}

/**
 * The encoding told from the first byte beyond ASCII of a stream whose head
 * is plain ASCII. A byte-order mark or NULs there tell no encoding of the
 * whole (ASCII came before): not UTF-8, it reads as Windows-1252, as other
 * French exports.
 */
function deferEncoding(input: StreamBytes): DeferredEncoding {
  let told: Promise<string> | undefined;
  let known: string | undefined;
  return {
    get known() {
      return known;
    },
    at(position) {
      told ??= readHead(input, position, ENCODING_SAMPLE).then(({ bytes, complete }) => {
        const detected = detectEncoding(bytes, complete).encoding;
        known = /^utf-?(?:16|32)/i.test(detected) ? 'windows-1252' : detected;
        return known;
      });
      return told;
    },
  };
}

/**
 * The encoding of a file or a stream, detected on its head (`readHead`), or
 * further on when the head is plain ASCII: a file is searched for its first
 * other byte; a stream (read once, maybe live) is read as ASCII until that
 * byte comes, and its encoding told there (`DeferredEncoding`).
 */
export async function detectFileEncoding(input: ByteInput, head: InputHead): Promise<string | DeferredEncoding> {
  if (input instanceof StreamBytes) return !head.complete && plainAscii(head.bytes) ? deferEncoding(input) : detectEncoding(head.bytes, head.complete).encoding;
  const probe = await readEncodingSample(input, head);
  return detectEncoding(probe.bytes, probe.complete).encoding;
}

/**
 * An encoding's name, for descriptions. A deferred one not yet told (a stream
 * of plain ASCII so far) reads as `utf8`, as a file of plain ASCII does: a
 * header refused before any other byte came is described as from the file.
 */
export const encodingName = (encoding: string | DeferredEncoding): string => (typeof encoding === 'string' ? encoding : encoding.known ?? 'utf8');

/** The delimiter that splits the header into the most columns that the data rows agree with. */
export function detectDelimiter(sampleText: string, complete = true): string {
  let best: { delimiter: string; score: number } | undefined;
  let fallback: { delimiter: string; fields: number } | undefined;
  const held = heldString(sampleText, complete);
  for (const delimiter of DELIMITERS) {
    let counts = sampleWidths(held, delimiter, 50);
    // A sample that ends inside its first record (a header longer than the sample): count what it has.
    if (counts.length === 0 && !complete) counts = sampleWidths(heldString(sampleText, true), delimiter, 1);
    const header = counts[0] ?? 1;
    const data = counts.slice(1);
    const agreeing = data.length === 0 ? 1 : data.filter((n) => n === header).length / data.length;
    if (header >= 2 && agreeing >= 0.5) {
      const score = agreeing * 100 + Math.min(header, 50) / 100;
      if (!best || score > best.score) best = { delimiter, score };
    }
    // Per record: a delimiter under which a stray quote's lines are one lost span counts fewer records, not fewer fields.
    const fields = counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length);
    if (!fallback || fields < fallback.fields) fallback = { delimiter, fields };
  }
  // One-column files: the delimiter that splits the least.
  return best?.delimiter ?? fallback?.delimiter ?? ';';
}

export async function prepareCsv(input: ByteInput, options: CsvInputOptions, tsv: boolean): Promise<PreparedInput> {
  const head = await readHead(input, 0, SAMPLE_BYTES);
  const encoding = options.encoding ?? (await detectFileEncoding(input, head));
  if (typeof encoding === 'string' && !iconv.encodingExists(encoding)) {
    throw expectedError('an encoding known to iconv-lite', JSON.stringify(encoding));
  }
  const sampleText = typeof encoding === 'string' ? iconv.decode(head.bytes, encoding) : head.bytes.toString('latin1');
  const delimiter = options.delimiter ?? (tsv ? '\t' : detectDelimiter(sampleText, head.complete));
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw expectedError('a one-character delimiter other than a quote or a line break', JSON.stringify(delimiter));
  }
  const dialect: CsvDialect = { delimiter, maxRecordSize: options.maxRecordSize };

  // The header is the first record that is not blank, however long (not a sample's first line).
  const window = await TextWindow.open(input, encoding, undefined, options.chunkSize);
  let header: Awaited<ReturnType<typeof readHeaderRecord>>;
  try {
    header = await readHeaderRecord(window, { delimiter, maxRecordSize: Math.max(options.maxRecordSize, 1 << 20) });
  } finally {
    await window.close();
  }
  const headers = uniqueHeaders(header?.fields ?? []);
  const shown = delimiter === '\t' ? 'tab' : delimiter;
  // A deferred encoding is told while the rows are read: each description says what is known then.
  const describe = (): string => `${tsv ? 'tsv' : 'csv'}, delimiter ${JSON.stringify(shown)}, ${encodingName(encoding)}`;

  async function* rows(): AsyncGenerator<RawItem> {
    if (!header?.dataStart) return;
    // The one window that reads the rows: a stream lets go of each record once read.
    const records = await TextWindow.open(input, encoding, header.dataStart, options.chunkSize, true);
    let row = 0;
    let line = header.dataStart.line;
    /** Line breaks inside the records read so far. */
    let folded = 0;
    try {
      for await (const event of csvRecords(records, dialect, headers.length)) {
        row++;
        line = event.line;
        const endLine = event.endLine;
        // A spreadsheet shows a record with line breaks in its cells as one row.
        const sheetRow = line - folded;
        folded += Math.max(0, (endLine ?? line) - line);
        if (event.kind === 'lost') {
          yield {
            kind: 'reject', row, line, endLine, sheetRow,
            code: 'unbalanced_quote',
            params: { where: { line, endLine }, line, ...(event.resumedAt === undefined ? {} : { resumedAt: event.resumedAt }), description: describe() },
          };
        } else if (event.kind === 'too-large') {
          yield {
            kind: 'reject', row, line, endLine, sheetRow,
            code: 'record_too_large',
            params: { max: options.maxRecordSize, where: { line, endLine }, description: describe() },
          };
        } else if (event.fields.length !== headers.length) {
          yield {
            kind: 'reject', row, line, endLine, sheetRow,
            code: 'wrong_column_count',
            params: { count: event.fields.length, expected: headers.length, where: { line, endLine }, delimiter: shown, description: describe() },
          };
        } else {
          yield { kind: 'row', row, line, endLine, sheetRow, cells: event.fields };
        }
      }
    } catch (error) {
      yield {
        kind: 'reject', row: row + 1, line,
        code: 'read_error',
        params: { detail: error instanceof Error ? error.message : String(error) },
      };
    } finally {
      await records.close();
    }
  }

  return {
    headers,
    get description() {
      return describe();
    },
    rows,
    ...(header?.dataStart && { dataLine: header.dataStart.line }),
  };
}
