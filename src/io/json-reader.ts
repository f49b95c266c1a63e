// JSON (an array of objects, streamed element by element) and JSONL (streamed
// line by line): memory holds one record at a time in both.
import { detectFileEncoding, encodingName } from './csv-reader.js';
import { jsonDepthProblem, MAX_JSON_DEPTH, OUTSIDE, stepJson } from './json-depth.js';
import { typeName } from '../_utils/describe.js';
import { jsonSyntaxOf, refusedJsonProblem, type JsonSyntaxKind, type JsonSyntaxProblem } from './json-syntax.js';
import { documentText, type DocumentProblem } from './issue-messages.js';
import type { CellValue, PreparedInput, RawItem } from './raw.js';
import { lineComes, readHead, type ByteInput } from './source.js';
import { TextWindow, windowLines, type LineStart } from './text-window.js';

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

/** Keys are taken from this many records at the start of a JSON array or a JSONL file. */
const HEADER_RECORDS = 100;

const BLANK = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The character code at absolute index `i`, reading on as needed; -1 past the end of the input. */
async function charAt(win: TextWindow, i: number): Promise<number> {
  while (i >= win.end) if (!(await win.more())) return -1;
  return win.text.charCodeAt(i - win.base);
}

/** The index of the first character from `i` on that is not blank (JSON's four), or of the end of the input. */
async function skipBlanks(win: TextWindow, i: number): Promise<number> {
  for (;;) {
    const { text, base, end } = win;
    while (i < end && BLANK(text.charCodeAt(i - base))) i++;
    if (i < end || !(await win.more())) return i;
  }
}

/** Line and 1-based column of absolute index `i` (its line must be held). */
function placeOf(win: TextWindow, i: number): { line: number; column: number } {
  const line = win.lineAt(i);
  return { line, column: i - win.lineStart(line)!.index + 1 };
}

/**
 * Scans one element of an array from `start`: to the `,` or `]` that ends it
 * at its own depth (brackets inside strings do not count), or to the end of
 * the input (`closer` -1). Past `maxSize` characters the text is let go as it
 * is read: the element is only skipped over.
 */
async function scanElement(win: TextWindow, start: number, maxSize: number): Promise<{ end: number; closer: number; oversized: boolean; deepAt: number }> {
  let depth = 0;
  let state = OUTSIDE;
  let oversized = false;
  // The bracket where the element first nests deeper than MAX_JSON_DEPTH (its own bracket counts), or -1.
  let deepAt = -1;
  let i = start;
  for (;;) {
    const { text, base, end } = win;
    for (; i < end; i++) {
      const c = text.charCodeAt(i - base);
      const was = state;
      state = stepJson(state, c);
      if (was !== OUTSIDE || state !== OUTSIDE) continue;
      if (c === 0x7b || c === 0x5b) {
        if (++depth > MAX_JSON_DEPTH && deepAt === -1) deepAt = i;
      } else if (c === 0x7d || c === 0x5d) {
        if (depth > 0) depth--;
        else if (c === 0x5d) return { end: i, closer: c, oversized: oversized || i - start > maxSize, deepAt };
      } else if (c === 0x2c && depth === 0) return { end: i, closer: c, oversized: oversized || i - start > maxSize, deepAt };
    }
    if (i - start > maxSize) oversized = true;
    if (oversized) win.release(i, win.lineAt(i));
    if (!(await win.more())) return { end: i, closer: -1, oversized, deepAt };
  }
}

/** What an array of records is made of, as read: its elements' text, and what went wrong around them. */
type ArrayPart =
  /** `endLine`: the line its `,` or `]` is on; `deep`: where it first nests deeper than MAX_JSON_DEPTH. */
  | { kind: 'element'; text: string; line: number; column: number; endLine: number; deep?: { line: number; column: number } }
  | { kind: 'oversized'; line: number; column: number }
  /** The input ends before the array closes (an export cut short). */
  | { kind: 'unclosed'; line: number }
  /** Something follows the document (only looked for when the array is the document). */
  | { kind: 'after'; line: number; column: number };

/**
 * The elements of the array whose `[` is at absolute index `open`, one at a
 * time: memory holds one element, whatever the size of the document. An empty
 * element (`[1,,2]`, a trailing comma) loses nothing and gives nothing.
 */
async function* arrayParts(win: TextWindow, open: number, maxSize: number, isDocument: boolean): AsyncGenerator<ArrayPart> {
  let i = open + 1;
  for (;;) {
    i = await skipBlanks(win, i);
    const c = await charAt(win, i);
    if (c === -1) {
      yield { kind: 'unclosed', line: win.lastLine() };
      return;
    }
    if (c === 0x5d) {
      i++;
      break;
    }
    if (c === 0x2c) {
      i++;
      continue;
    }
    const place = placeOf(win, i);
    const { end, closer, oversized, deepAt } = await scanElement(win, i, maxSize);
    yield oversized
      ? { kind: 'oversized', ...place }
      : { kind: 'element', text: win.text.slice(i - win.base, end - win.base).trimEnd(), ...place, endLine: win.lineAt(end), ...(deepAt !== -1 && { deep: placeOf(win, deepAt) }) };
    if (closer === -1) {
      yield { kind: 'unclosed', line: win.lastLine() };
      return;
    }
    i = end + 1;
    // Only what is left of the document is held: a stream lets go of what came before.
    win.release(i, win.lineAt(i));
    win.settleAll();
    if (closer === 0x5d) break;
  }
  if (!isDocument) return;
  i = await skipBlanks(win, i);
  if ((await charAt(win, i)) !== -1) yield { kind: 'after', ...placeOf(win, i) };
}

/** Where the array of records of a JSON document opens, and what follows the document. */
interface DocumentPlan {
  /** The line holding the array's `[`, and how many characters into it. */
  at: LineStart;
  offset: number;
  /** The array is the document (not under a key of an object). */
  isDocument: boolean;
  /** Text after the end of an object holding the records. */
  after?: { line: number; column: number };
}

/** What is wrong with a document's text, without its place (the text may be the document's outline). */
const documentSyntax = ({ kind, found }: JsonSyntaxProblem): { problem: JsonSyntaxKind; found?: string } => (found === undefined ? { problem: kind } : { problem: kind, found });

/**
 * Finds the array of records of the document `win` reads from its start: the
 * document itself, or the one array of objects among an object's values. An
 * object is scanned to its end once, its arrays' contents left out: what is
 * left (its other values) must parse as JSON.
 */
async function planDocument(win: TextWindow, maxSize: number): Promise<DocumentPlan> {
  let i = await skipBlanks(win, 0);
  const first = await charAt(win, i);
  const lineStartOf = (index: number): { at: LineStart; offset: number } => {
    const start = win.lineStart(win.lineAt(index))!;
    return { at: { line: start.line, byte: start.byte }, offset: index - start.index };
  };
  if (first === 0x5b) return { ...lineStartOf(i), isDocument: true };
  if (first !== 0x7b) {
    // A number, a string, true, nothing or no JSON at all: what JSON.parse says of its first characters.
    while (!win.eof && win.end - i <= maxSize) await win.more();
    const text = win.text.slice(i - win.base, i - win.base + maxSize);
    try {
      JSON.parse(text);
    } catch {
      throw new UnreadableDocument({ code: 'json_invalid', params: documentSyntax(refusedJsonProblem(text)) });
    }
    throw new UnreadableDocument({ code: 'json_not_records', params: {} });
  }
  const arrays: Array<{ at: LineStart; offset: number; holdsRecords: boolean }> = [];
  let current: (typeof arrays)[number] | undefined;
  // The object with its arrays emptied, up to maxSize + 1 characters (past that, only its start is checked).
  let outline = '';
  const keep = (piece: string): void => {
    if (outline.length <= maxSize) outline += piece.slice(0, maxSize + 1 - outline.length);
  };
  let copyFrom = i;
  let depth = 0;
  let state = OUTSIDE;
  let closed = false;
  for (;;) {
    const { text, base, end } = win;
    for (; i < end && !closed; i++) {
      const c = text.charCodeAt(i - base);
      const was = state;
      state = stepJson(state, c);
      if (was !== OUTSIDE || state !== OUTSIDE) continue;
      if (c === 0x7b || c === 0x5b) {
        if (depth === 1 && c === 0x5b) {
          keep(text.slice(copyFrom - base, i + 1 - base));
          current = { ...lineStartOf(i), holdsRecords: false };
          arrays.push(current);
        } else if (depth === 2 && c === 0x7b && current) current.holdsRecords = true;
        depth++;
      } else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 1 && current) {
          current = undefined;
          copyFrom = i;
        }
        closed = depth === 0;
      }
    }
    if (!current) {
      keep(text.slice(copyFrom - base, i - base));
      copyFrom = i;
    }
    if (closed) break;
    win.release(i, win.lineAt(i));
    if (!(await win.more())) break;
  }
  // The object with its arrays emptied: invalid, or cut short, and it is refused before any row is read. Past
  // maxSize only its start is read: an error before the cut is the document's (a quote out of place puts every
  // bracket after it in a string, so that the whole document is "outline"), an error at the cut says nothing.
  try {
    JSON.parse(outline);
  } catch {
    const problem = refusedJsonProblem(outline);
    if (outline.length <= maxSize || (problem.kind !== 'unexpected_end' && problem.kind !== 'unclosed_string' && problem.offset < outline.length - 1)) {
      throw new UnreadableDocument({ code: 'json_invalid', params: documentSyntax(problem) });
    }
  }
  const records = arrays.filter((a) => a.holdsRecords);
  if (records.length !== 1) throw new UnreadableDocument({ code: 'json_not_records', params: {} });
  i = await skipBlanks(win, i);
  const after = (await charAt(win, i)) === -1 ? undefined : placeOf(win, i);
  return { at: records[0]!.at, offset: records[0]!.offset, isDocument: false, ...(after && { after }) };
}

/**
 * A JSON document: an array of records, or an object holding one under a key
 * (`{"verbatims": […]}`). Streamed element by element, so memory holds one
 * record at a time whatever the document's size; a record larger than
 * `maxRecordSize`, an element that is not valid JSON, or an export cut short
 * is a reject of its own and the rest is read. Keys come from the first records.
 */
export async function prepareJson(input: ByteInput, encodingOption: string | undefined, maxRecordSize = 1024 * 1024, chunkSize?: number): Promise<PreparedInput> {
  const encoding = encodingOption ?? (await detectFileEncoding(input, await readHead(input, 0, 64 * 1024)));
  const sampled: unknown[] = [];
  let plan: DocumentPlan;
  const head = await TextWindow.open(input, encoding, undefined, chunkSize);
  try {
    plan = await planDocument(head, maxRecordSize);
    const open = head.goto(plan.at) + plan.offset;
    for await (const part of arrayParts(head, open, maxRecordSize, false)) {
      if (part.kind !== 'element') continue;
      try {
        sampled.push(JSON.parse(part.text));
      } catch {
        // reported as a reject while reading
      }
      if (sampled.length >= HEADER_RECORDS) break;
      // As in JSON Lines, a stream's keys come from the records it has given before it goes quiet: a live feed is not held back.
      const next = head.lineStart(part.endLine + 1);
      if (sampled.length > 0 && next !== undefined && !(await lineComes(input, next.byte))) break;
    }
  } finally {
    await head.close();
  }
  const description = (): string => `json, ${encodingName(encoding)}`;

  async function* rows(): AsyncGenerator<RawItem> {
    // The one window that reads the rows: a stream lets go of each record once read.
    const win = await TextWindow.open(input, encoding, plan.at, chunkSize, true);
    let row = 0;
    try {
      for await (const part of arrayParts(win, plan.offset, maxRecordSize, plan.isDocument)) {
        row++;
        const { line } = part;
        if (part.kind === 'unclosed') yield { kind: 'reject', row, line, code: 'json_array_unclosed', params: { line } };
        else if (part.kind === 'after') yield { kind: 'reject', row, line, code: 'json_text_after', params: { line, column: part.column } };
        else if (part.kind === 'oversized') yield { kind: 'reject', row, line, code: 'record_too_large', params: { max: maxRecordSize, where: { line, column: part.column }, description: description() } };
        else yield recordItem(part, row);
      }
      if (plan.after) {
        const { line, column } = plan.after;
        yield { kind: 'reject', row: row + 1, line, code: 'json_text_after', params: { line, column } };
      }
    } finally {
      await win.close();
    }
  }
  return {
    headers: keysOf(sampled),
    get description() {
      return description();
    },
    rows,
  };
}

/** One element of an array of records: a row, or why not. */
function recordItem({ text, line, column, deep }: Extract<ArrayPart, { kind: 'element' }>, row: number): RawItem {
  if (deep) return { kind: 'reject', row, line, code: 'json_too_deep', params: { depth: MAX_JSON_DEPTH + 1, ...deep } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'reject', row, line, code: 'invalid_json', params: { ...jsonSyntaxOf(text, line, column), line, column } };
  }
  if (isRecord(value)) return { kind: 'row', row, line, values: value };
  return { kind: 'reject', row, line, code: 'not_json_object', params: { found: typeName(value) } };
}

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
        } catch {
          yield { kind: 'reject', row, line, code: 'invalid_json', params: { ...jsonSyntaxOf(content, line, 1), line } };
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
