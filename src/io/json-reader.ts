// JSON (an array of objects, read whole) and JSONL (streamed line by line).
import { stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { detectEncoding } from './encoding.js';
import { detectFileEncoding, encodingName } from './csv-reader.js';
import { jsonDepthProblem } from './json-depth.js';
import { documentText, type DocumentProblem } from './issue-messages.js';
import type { CellValue, PreparedInput, RawItem } from './raw.js';
import { lineComes, readHead, readWhole, type ByteInput } from './source.js';
import { TextWindow, windowLines } from './text-window.js';

const isRecord = (value: unknown): value is Record<string, CellValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function keysOf(objects: Iterable<unknown>, limit = Infinity): string[] {
  const keys = new Set<string>();
  let n = 0;
  for (const object of objects) {
    if (n++ >= limit) break;
    if (isRecord(object)) for (const key of Object.keys(object)) keys.add(key);
  }
  return [...keys];
}

/** Thrown for a JSON document that cannot be read as verbatims (one reject for the file). */
export class UnreadableDocument extends Error {
  readonly hint: string;
  constructor(readonly problem: DocumentProblem) {
    const { reason, hint } = documentText(problem);
    super(reason);
    this.hint = hint;
  }
}

/** The array of records of a JSON document: the document itself or its one array-of-objects property. */
export function recordsOf(document: unknown): unknown[] | undefined {
  if (Array.isArray(document)) return document;
  if (isRecord(document)) {
    const arrays = Object.values(document).filter((v): v is unknown[] => Array.isArray(v) && v.some(isRecord));
    if (arrays.length === 1) return arrays[0];
  }
  return undefined;
}

const MB = 1024 * 1024;
/** Bytes of a JSON document read by default (`maxJsonSize`): it takes about ten times that in memory once parsed. */
export const DEFAULT_MAX_JSON_SIZE = 256 * MB;
/** The most `maxJsonSize` gives: decoded, a larger document may pass the longest string JavaScript holds (about 512 million characters). */
const MAX_JSON_SIZE = 500 * MB;
const tooLarge = (bytes: number, max: number): UnreadableDocument =>
  new UnreadableDocument({ code: 'json_too_large', params: { mb: Math.floor(bytes / MB), maxMb: Math.round(max / MB) } });

/**
 * JSON is parsed whole (JSON.parse has no streaming mode): fine for exports of
 * a few hundred MB (`maxJsonSize`); use JSONL or CSV beyond that.
 */
export async function prepareJson(input: ByteInput, encodingOption: string | undefined, maxJsonSize = DEFAULT_MAX_JSON_SIZE): Promise<PreparedInput> {
  const maxSize = Math.min(maxJsonSize, MAX_JSON_SIZE);
  // Past the limit, refused at once: not after minutes of parsing and gigabytes of memory (a file by its size, a stream once it has given more).
  if (typeof input === 'string') {
    const { size } = await stat(input);
    if (size > maxSize) throw tooLarge(size, maxSize);
  }
  const bytes = await readWhole(input, maxSize + 1);
  if (bytes.length > maxSize) throw tooLarge(bytes.length, maxSize);
  const encoding = encodingOption ?? detectEncoding(bytes, true).encoding;
  let document: unknown;
  try {
    const text = iconv.decode(bytes, encoding);
    const deep = jsonDepthProblem(text);
    if (deep) {
      throw new UnreadableDocument({ code: 'json_too_deep', params: { depth: deep.depth, line: deep.line, column: deep.column } });
    }
    document = JSON.parse(text);
  } catch (error) {
    if (error instanceof UnreadableDocument) throw error;
    throw new UnreadableDocument({ code: 'json_invalid', params: { detail: (error as Error).message } });
  }
  const records = recordsOf(document);
  if (!records) {
    throw new UnreadableDocument({ code: 'json_not_records', params: {} });
  }
  const headers = keysOf(records);
  // Only the records are kept for rows(): the parsed document goes.
  async function* rows(): AsyncGenerator<RawItem> {
    let row = 0;
    for (const record of records!) {
      row++;
      if (!isRecord(record)) {
        yield { kind: 'reject', row, code: 'not_json_object', params: { found: record === null ? 'null' : Array.isArray(record) ? 'array' : typeof record } };
      } else {
        yield { kind: 'row', row, values: record };
      }
    }
  }
  return { headers, description: `json, ${encoding}`, rows };
}

/** Keys are taken from this many records at the start of a JSONL file. */
const HEADER_RECORDS = 100;

/**
 * JSONL: one JSON object per line, lines ending in LF, CRLF or CR. Keys come
 * from the first records, however long their lines (not from a byte sample).
 */
export async function prepareJsonl(
  input: ByteInput,
  encodingOption: string | undefined,
  maxLineSize = 1024 * 1024,
  chunkSize?: number,
): Promise<PreparedInput> {
  const encoding = encodingOption ?? (await detectFileEncoding(input, await readHead(input, 0, 64 * 1024)));
  const sampled: unknown[] = [];
  const head = await TextWindow.open(input, encoding, undefined, chunkSize);
  try {
    for await (const { line, text } of windowLines(head, maxLineSize)) {
      if (text !== undefined && text.trim() !== '') {
        try {
          sampled.push(JSON.parse(text));
        } catch {
          // reported as a reject while reading
        }
      }
      if (sampled.length >= HEADER_RECORDS) break;
      // A stream's keys come from the records it has given before it goes quiet: a live feed is not held back for 100 records.
      const next = head.lineStart(line + 1);
      if (sampled.length > 0 && (next === undefined || !(await lineComes(input, next.byte)))) break;
    }
  } finally {
    await head.close();
  }
  const headers = keysOf(sampled);

  async function* rows(): AsyncGenerator<RawItem> {
    // The one window that reads the rows: a stream lets go of each line once read.
    const lines = await TextWindow.open(input, encoding, undefined, chunkSize, true);
    let row = 0;
    try {
      for await (const { line, text: content } of windowLines(lines, maxLineSize)) {
        if (content !== undefined && content.trim() === '') continue;
        row++;
        if (content === undefined) {
          yield { kind: 'reject', row, line, code: 'line_too_large', params: { max: maxLineSize, line } };
          continue;
        }
        const deep = jsonDepthProblem(content);
        if (deep) {
          yield { kind: 'reject', row, line, code: 'json_too_deep', params: { depth: deep.depth, line, column: deep.column } };
          continue;
        }
        let value: unknown;
        try {
          value = JSON.parse(content);
        } catch (error) {
          yield { kind: 'reject', row, line, code: 'invalid_json', params: { detail: (error as Error).message, line } };
          continue;
        }
        if (isRecord(value)) yield { kind: 'row', row, line, values: value };
        else yield { kind: 'reject', row, line, code: 'not_json_object', params: { line } };
      }
    } finally {
      await lines.close();
    }
  }
  return {
    headers,
    get description() {
      return `jsonl, ${encodingName(encoding)}`;
    },
    rows,
  };
}
