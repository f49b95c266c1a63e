// CSV/TSV records with their line ranges, and recovery from broken quotes.
//
// A record starts at a line start and ends at the first line break outside
// quotes (LF, CRLF or CR, mixed freely). A quote opens a quoted cell only at
// the start of a cell; inside it `""` is a quote, and a quote followed by the
// delimiter, a line break or the end of the file closes it. A quote followed
// by anything else is "loose": on one line, the cell is kept as written
// (`"Nul" de chez nul`), as spreadsheets and csv-parse's relax_quotes read it.
//
// A record is broken when a quoted cell never closes (end of file) or holds a
// loose quote after one of its line breaks: the quote that opened it was a
// stray one, and the lines it swallowed belong to other records. Recovery is
// done on lines, never on guesses about cells:
// - if the first line of the broken record, read without quotes, has the
//   header's width, that line was the whole record: it is lost alone;
// - otherwise the lost span runs to the next line that reads as a well-formed
//   record of the header's width (a multi-line record that lost its way).
// Each lost span is one item with its line range, and reading goes on after
// it, so every line of the file ends in exactly one record, one lost span, the
// header or a blank line: nothing is counted twice and nothing disappears.
import type { HeldText, LineStart, TextWindow } from './text-window.js';
import { ownText } from './values.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvDialect {
  delimiter: string;
  /** Largest record, in characters, whose cells are kept; larger ones are reported whole. */
  maxRecordSize: number;
}

/** A record read at a line start. */
interface Scan {
  /** Absolute index and line where the record starts. */
  start: number;
  line: number;
  fields: string[];
  width: number;
  pos: number;
  atFieldStart: boolean;
  fieldStart: number;
  inQuote: boolean;
  /** The cell's quotes closed cleanly: its value is the unescaped inside. */
  closed: boolean;
  /** A loose quote turned the cell into plain text, kept as written. */
  relaxed: boolean;
  firstQuoted: boolean;
  loose: boolean;
  /** A line break inside quotes. */
  multi: boolean;
  broken: boolean;
  unterminated: boolean;
  /** Cells are no longer kept: the record outgrew maxRecordSize. */
  oversized: boolean;
  done: boolean;
  /** Absolute index just after the record (after its line break). */
  end: number;
  endLine: number;
  /** First line of the record without its line break, when it was held. */
  firstLine?: string;
  /** Where the line after the record's first line starts (`index`: while the window is not moved). */
  next?: (LineStart & { index: number }) | undefined;
}


function newScan(start: number, line: number): Scan {
  return {
    start, line, fields: [], width: 0, pos: start, atFieldStart: true, fieldStart: start, inQuote: false, closed: false,
    relaxed: false, firstQuoted: false, loose: false, multi: false, broken: false, unterminated: false, oversized: false,
    done: false, end: start, endLine: line,
  };
}

/**
 * Advances `s` over the text held by `win`; stops when the record is complete
 * (`s.done`) or when more text is needed. Resumable: all state is in `s`.
 */
function scan(s: Scan, win: HeldText, delimiter: number): void {
  const text = win.text;
  const base = win.base;
  const n = text.length;
  const eof = win.eof;
  let i = s.pos - base;
  for (;;) {
    if (s.atFieldStart) {
      if (i >= n && !eof) break;
      s.atFieldStart = false;
      s.fieldStart = base + i;
      s.closed = false;
      s.relaxed = false;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        s.inQuote = true;
        if (s.width === 0) s.firstQuoted = true;
        i++;
      }
    }
    if (s.inQuote) {
      let c = 0;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c === QUOTE) break;
        if (c === LF || c === CR) {
          s.multi = true;
          if (s.loose) {
            s.broken = true;
            return finish(s, win, base + i);
          }
        }
        i++;
      }
      if (i >= n) {
        if (!eof) break;
        s.unterminated = true;
        s.broken = true;
        return finish(s, win, base + i);
      }
      if (i + 1 >= n && !eof) break; // the character after the quote decides
      const after = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      if (after === QUOTE) {
        i += 2;
        continue;
      }
      s.inQuote = false;
      if (after === delimiter || after === LF || after === CR || after === -1) {
        s.closed = true;
        i++;
      } else {
        s.loose = true;
        if (s.multi) {
          s.broken = true;
          return finish(s, win, base + i);
        }
        s.relaxed = true;
        i++;
      }
    }
    // Plain text up to the delimiter or the line break.
    if (!s.closed) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delimiter || c === LF || c === CR) break;
        i++;
      }
      if (i >= n && !eof) break;
    }
    if (!s.oversized) {
      const from = s.fieldStart - base;
      s.fields.push(ownText(s.closed ? unescape(text.slice(from + 1, i - 1)) : text.slice(from, i)));
    }
    s.width++;
    if (i >= n) return finish(s, win, base + i);
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      i++;
      s.atFieldStart = true;
      continue;
    }
    if (c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF) i++;
    return finish(s, win, base + i + 1);
  }
  s.pos = base + i;
}

const unescape = (inside: string): string => (inside.includes('""') ? inside.replaceAll('""', '"') : inside);

function finish(s: Scan, win: HeldText, end: number): void {
  s.done = true;
  s.end = end;
  s.pos = end;
  s.endLine = end > s.start ? win.lineAt(end - 1) : s.line;
  s.next ??= win.lineStart(s.line + 1);
  // The first line as written is only read to recover from a broken quote.
  if (s.broken && s.firstLine === undefined && !s.oversized) {
    const stop = s.next && s.next.index <= end ? s.next.index : end;
    s.firstLine = win.text.slice(s.start - win.base, stop - win.base).replace(/\r?\n$|\r$/, '');
  }
}

/**
 * Reads one record at absolute index `start` (a line start), reading more of
 * the file as needed: a record within the text held comes back at once, not
 * as a promise (most records: one promise per record would cost a tenth of
 * the reading time).
 */
function readRecord(win: TextWindow, start: number, maxRecordSize: number, delimiter: number): Scan | Promise<Scan> {
  const s = newScan(start, win.lineAt(start));
  scan(s, win, delimiter);
  return s.done ? complete(s, maxRecordSize) : readMore(s, win, maxRecordSize, delimiter);
}

function complete(s: Scan, maxRecordSize: number): Scan {
  if (!s.oversized && s.end - s.start > maxRecordSize) {
    s.oversized = true;
    s.fields = [];
  }
  return s;
}

async function readMore(s: Scan, win: TextWindow, maxRecordSize: number, delimiter: number): Promise<Scan> {
  for (;;) {
    s.next ??= win.lineStart(s.line + 1);
    if (!s.oversized && s.pos - s.start > maxRecordSize) {
      s.oversized = true;
      s.fields = [];
      if (s.next && s.next.index - win.base >= 0) {
        s.firstLine = win.text.slice(s.start - win.base, s.next.index - win.base).replace(/\r?\n$|\r$/, '');
      }
    }
    // Keep the record's text while its cells are kept; past that, only what is left to scan.
    if (s.oversized) win.release(s.pos, win.lineAt(s.pos));
    else win.release(s.start, s.line);
    await win.more();
    scan(s, win, delimiter);
    if (s.done) return complete(s, maxRecordSize);
  }
}

const settled = async (record: Scan | Promise<Scan>): Promise<Scan> => record;

/** A blank line: one unquoted cell of spaces (or nothing). */
const isBlank = (s: Scan): boolean => s.width === 1 && !s.firstQuoted && !s.oversized && s.fields[0]!.trim() === '';

/** Cells past `width` that are all blank are spreadsheet padding. */
function trimPadding(fields: string[], width: number): string[] {
  if (fields.length <= width) return fields;
  for (let k = width; k < fields.length; k++) if (fields[k]!.trim() !== '') return fields;
  return fields.slice(0, width);
}

/** Width of a line read as plain text (quotes as written), padding trimmed. */
const literalWidth = (line: string, delimiter: string, width: number): number => trimPadding(line.split(delimiter), width).length;

export type CsvEvent =
  /** A well-formed record, of any width. */
  | { kind: 'record'; line: number; endLine: number; fields: string[] }
  /** A well-formed record larger than maxRecordSize: its cells are not kept. */
  | { kind: 'too-large'; line: number; endLine: number }
  /** Lines lost to a broken quote, from the line of the quote. */
  | { kind: 'lost'; line: number; endLine: number; resumedAt?: number };

/** The first record that is not blank (nor a row of empty cells): the header, and where the data starts. */
export async function readHeaderRecord(
  win: TextWindow,
  dialect: CsvDialect,
): Promise<{ fields: string[]; line: number; dataStart?: LineStart } | undefined> {
  const delimiter = dialect.delimiter.charCodeAt(0);
  let at = 0;
  for (;;) {
    const s = await settled(readRecord(win, at, dialect.maxRecordSize, delimiter));
    if (s.end === s.start) return undefined; // the end of the file
    const empty = !s.firstQuoted && !s.oversized && s.fields.every((f) => f.trim() === '');
    if (!empty) {
      if (s.broken) {
        // A stray quote in the header: its first line, as written, is the header.
        return { fields: (s.firstLine ?? '').split(dialect.delimiter), line: s.line, ...(s.next && { dataStart: s.next }) };
      }
      const after = win.lineStart(s.endLine + 1);
      return { fields: s.fields, line: s.line, ...(after && { dataStart: after }) };
    }
    if (s.end >= win.end && win.eof) return undefined;
    at = s.end;
    win.release(at, win.lineAt(at));
  }
}

/**
 * Every record after the header, as events that cover each line once:
 * records (rows, or rows of the wrong width), too-large records, and lost
 * spans. `width` is the header's. Blank lines give no event.
 */
export async function* csvRecords(win: TextWindow, dialect: CsvDialect, width: number): AsyncGenerator<CsvEvent> {
  const delimiter = dialect.delimiter.charCodeAt(0);
  const { maxRecordSize } = dialect;
  /** Lines before this one are known not to start a record of the header's width (from an earlier search). */
  let noStartBefore: LineStart | undefined;
  let at = 0;

  const event = (s: Scan): CsvEvent =>
    s.oversized ? { kind: 'too-large', line: s.line, endLine: s.endLine } : { kind: 'record', line: s.line, endLine: s.endLine, fields: trimPadding(s.fields, width) };
  // Only the end of the file gives a record of no characters (any other ends with a line break).
  const isEnd = (s: Scan): boolean => s.end === s.start;

  for (;;) {
    const pending = readRecord(win, at, maxRecordSize, delimiter);
    const s = pending instanceof Promise ? await pending : pending;
    if (isEnd(s)) return;
    at = s.end;
    if (!s.broken) {
      if (!isBlank(s)) yield event(s);
      win.release(at, win.lineAt(at));
      win.settle();
      continue;
    }
    // A broken quote at line a.
    const a = s.line;
    const next = s.next;
    if (!next || (s.firstLine !== undefined && literalWidth(s.firstLine, dialect.delimiter, width) === width)) {
      yield { kind: 'lost', line: a, endLine: a, ...(next && { resumedAt: next.line }) };
      if (!next) return;
      at = win.goto(next);
      continue;
    }
    // Search the next line that reads as a well-formed record of the header's width.
    let candidate: LineStart = noStartBefore && noStartBefore.line > next.line ? noStartBefore : next;
    for (;;) {
      if (candidate.byte - next.byte > maxRecordSize) {
        // No such line nearby: lose line a alone and read on from the next line.
        noStartBefore = candidate;
        yield { kind: 'lost', line: a, endLine: a, resumedAt: next.line };
        at = win.goto(next);
        break;
      }
      const k = await settled(readRecord(win, win.goto(candidate), maxRecordSize, delimiter));
      if (isEnd(k)) {
        yield { kind: 'lost', line: a, endLine: win.lastLine() };
        return;
      }
      if (!k.broken && !isBlank(k) && (k.oversized ? k.width : trimPadding(k.fields, width).length) === width) {
        yield { kind: 'lost', line: a, endLine: k.line - 1, resumedAt: k.line };
        yield event(k);
        at = k.end;
        win.release(at, win.lineAt(at));
        win.settle();
        break;
      }
      if (!k.next) {
        yield { kind: 'lost', line: a, endLine: win.lastLine() };
        return;
      }
      candidate = k.next;
    }
  }
}

/** Widths of the first records of a sample (quote-aware), for delimiter detection; blank lines skipped. */
export function sampleWidths(win: HeldText, delimiter: string, limit: number): number[] {
  const code = delimiter.charCodeAt(0);
  const widths: number[] = [];
  let at = 0;
  let lost = false;
  while (widths.length < limit) {
    const s = newScan(at, win.lineAt(at));
    scan(s, win, code);
    if (!s.done || s.end === s.start) break;
    if (s.broken) {
      // A stray quote: go on from the next line, and, as the reader does, count the lines it swallowed as one lost
      // span up to the next record of the header's width (not as records of their own).
      if (!s.next) break;
      at = s.next.index;
      lost = widths.length > 0;
      continue;
    }
    at = s.end;
    if (isBlank(s)) continue;
    let w = s.width;
    // Trailing empty cells are spreadsheet padding.
    while (w > 1 && widths.length > 0 && w > widths[0]! && s.fields[w - 1]!.trim() === '') w--;
    if (lost && w !== widths[0]) continue;
    lost = false;
    widths.push(w);
  }
  return widths;
}
