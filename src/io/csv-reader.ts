// CSV/TSV: encoding and delimiter detection on a sample, then csv-parse over
// an iconv-lite decode stream. A malformed record never aborts the file.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError, type Parser } from 'csv-parse';
import iconv from 'iconv-lite';
import { detectEncoding } from './encoding.js';
import { uniqueHeaders, type PreparedInput, type RawItem } from './raw.js';

const SAMPLE_BYTES = 256 * 1024;
const DELIMITERS = [';', ',', '\t', '|'] as const;

export interface CsvInputOptions {
  encoding?: string;
  delimiter?: string;
  maxRecordSize: number;
}

/** Reads the first bytes of a file without consuming a stream. */
export async function readSample(path: string, bytes = SAMPLE_BYTES): Promise<{ sample: Buffer; complete: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return { sample: buffer.subarray(0, bytesRead), complete: bytesRead < bytes };
  } finally {
    await handle.close();
  }
}

/** Field counts of the first records of `text` split with `delimiter` (csv-parse, quote-aware). */
function fieldCounts(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  const parser = parse({
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    to: 50,
    on_record: (record: string[]) => {
      // Blank-looking lines say nothing; trailing empty cells are spreadsheet padding.
      if (record.length === 1 && record[0]!.trim() === '') return record;
      let n = record.length;
      while (n > 1 && counts.length > 0 && n > counts[0]! && record[n - 1]!.trim() === '') n--;
      counts.push(n);
      return record;
    },
  });
  try {
    parser.write(text);
    parser.end();
  } catch {
    // A sample cut inside a quoted cell: the counts gathered so far are enough.
  }
  return counts;
}

/** The delimiter that splits the header into the most columns that the data rows agree with. */
export function detectDelimiter(sampleText: string): string {
  let best: { delimiter: string; score: number } | undefined;
  let fallback: { delimiter: string; fields: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(sampleText, delimiter);
    const header = counts[0] ?? 1;
    const data = counts.slice(1);
    const agreeing = data.length === 0 ? 1 : data.filter((n) => n === header).length / data.length;
    if (header >= 2 && agreeing >= 0.5) {
      const score = agreeing * 100 + Math.min(header, 50) / 100;
      if (!best || score > best.score) best = { delimiter, score };
    }
    const fields = counts.reduce((a, b) => a + b, 0);
    if (!fallback || fields < fallback.fields) fallback = { delimiter, fields };
  }
  // One-column files: the delimiter that splits the least.
  return best?.delimiter ?? fallback?.delimiter ?? ';';
}

const LINE_BREAKS = /\r\n|\r|\n/g;
const countBreaks = (fields: ReadonlyArray<string>): number =>
  fields.reduce((n, field) => n + (field.match(LINE_BREAKS)?.length ?? 0), 0);

/** Drops the first `lines` physical lines of a decoded text stream (recovery after an unclosed quote). */
function skipLines(lines: number): Transform {
  let remaining = lines;
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding, callback) {
      let text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      while (remaining > 0) {
        const at = text.indexOf('\n');
        if (at === -1) return callback();
        text = text.slice(at + 1);
        remaining--;
      }
      callback(null, text);
    },
  });
}

interface Fatal {
  /** Records csv-parse had produced before the one it skipped. */
  afterSeq: number;
  code: string;
}

export async function prepareCsv(path: string, options: CsvInputOptions, tsv: boolean): Promise<PreparedInput> {
  const { sample, complete } = await readSample(path);
  const encoding = options.encoding ?? detectEncoding(sample, complete).encoding;
  if (!iconv.encodingExists(encoding)) {
    throw new TypeError(`verbatim-fr: expected an encoding known to iconv-lite, got ${JSON.stringify(encoding)}`);
  }
  let sampleText = iconv.decode(sample, encoding);
  if (!complete) sampleText = sampleText.slice(0, Math.max(0, sampleText.lastIndexOf('\n')));
  const delimiter = options.delimiter ?? (tsv ? '\t' : detectDelimiter(sampleText));

  let headerFields: string[] = [];
  const headerParser = parse({ delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, to: 1,
    on_record: (record: string[]) => {
      if (headerFields.length === 0) headerFields = record;
      return record;
    } });
  try {
    headerParser.write(sampleText);
    headerParser.end();
  } catch {
    // handled below: no header
  }
  const headers = uniqueHeaders(headerFields);
  const shown = delimiter === '\t' ? 'tab' : delimiter;
  const description = `${tsv ? 'tsv' : 'csv'}, delimiter ${JSON.stringify(shown)}, ${encoding}`;

  async function* rows(): AsyncGenerator<RawItem> {
    let row = 0;
    let skip = 0; // physical lines already handled by a previous pass
    let headerPending = true;
    for (;;) {
      let lastEnd = skip; // physical line where the previous record ends
      let seq = 0; // records received in this pass
      let fatal: Fatal | undefined;
      let restartAt: number | undefined;
      // Blank lines are kept as records (and dropped below) so that line
      // numbers follow from the records alone: csv-parse's own `info.lines`
      // counts a CRLF inside a quoted cell twice, and asking it for per-record
      // info costs a third of the parsing time.
      const parser: Parser = parse({
        delimiter,
        bom: true,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: false,
        skip_records_with_error: true,
        max_record_size: options.maxRecordSize,
        on_skip: (error: CsvError | undefined) => {
          fatal ??= { afterSeq: parser.info.records, code: error?.code ?? 'CSV_ERROR' };
        },
      });
      const file = createReadStream(path, { highWaterMark: 64 * 1024 });
      const decoder = iconv.decodeStream(encoding);
      const flow = (skip > 0 ? pipeline(file, decoder, skipLines(skip), parser) : pipeline(file, decoder, parser)).catch(
        (error: unknown) => error,
      );
      let readError: unknown;
      try {
        for await (const fields of parser as AsyncIterable<string[]>) {
          if (fatal && seq >= fatal.afterSeq) break; // what csv-parse read after a swallowing quote
          seq++;
          const line = lastEnd + 1;
          lastEnd = line + countBreaks(fields);
          if (fields.length === 1 && (fields[0] === '' || (headers.length > 1 && fields[0]!.trim() === ''))) continue; // a blank line
          if (headerPending) {
            headerPending = false;
            continue;
          }
          row++;
          let cells = fields;
          if (cells.length > headers.length && cells.slice(headers.length).every((c) => c.trim() === '')) {
            cells = cells.slice(0, headers.length); // trailing delimiters added by spreadsheets
          }
          if (cells.length !== headers.length && countBreaks(cells) > 0) {
            // A stray quote made this record swallow the next lines: reject it
            // and read again from the line after its start.
            restartAt = line;
            break;
          }
          if (cells.length !== headers.length) {
            yield {
              kind: 'reject', row, line,
              reason: `wrong column count: ${cells.length} instead of ${headers.length}`,
              hint: `check line ${line} for a ${JSON.stringify(shown)} or a line break in an unquoted cell (${description}); pass --delimiter if the detected one is wrong`,
            };
            continue;
          }
          const values: Record<string, string> = {};
          headers.forEach((header, i) => (values[header] = cells[i]!));
          yield { kind: 'row', row, line, values };
        }
      } catch (error) {
        readError = error;
      } finally {
        parser.destroy();
        file.destroy();
      }
      const flowError = await flow;
      readError ??= fatal || restartAt !== undefined ? undefined : flowError;
      if (restartAt !== undefined || fatal) {
        const line = restartAt ?? lastEnd + 1;
        if (restartAt === undefined) row++; // a record csv-parse skipped was not counted yet
        const tooLarge = restartAt === undefined && fatal!.code === 'CSV_MAX_RECORD_SIZE';
        yield {
          kind: 'reject', row, line,
          reason: tooLarge ? `record larger than ${options.maxRecordSize} characters (unbalanced quote?)` : 'unbalanced quote',
          hint: `a cell opening with " at line ${line} is not closed where it should be; the rows after it were read again from line ${line + 1}. Double the quotes inside quoted cells ("") or remove the stray one`,
        };
        headerPending = false;
        skip = line;
        continue;
      }
      if (readError) {
        yield {
          kind: 'reject', row: row + 1, line: lastEnd + 1,
          reason: `read error: ${readError instanceof Error ? readError.message : String(readError)}`,
          hint: 'the rest of the file could not be read; check the file is complete and readable',
        };
      }
      return;
    }
  }

  return { headers, description, rows };
}
