// A file read forward as decoded text, knowing where every line starts: its
// line number, its character index in the text and its byte offset in the file.
// Lines end at LF, CRLF or a lone CR, one line break each, whatever the mix.
// A reader can come back to any line start it noted, in memory when the text
// is still held, else by reading the file again from that byte offset; so
// recovering from a broken record never needs the whole file in memory. The
// bytes come from a file or a stream (source.ts): a window that `forgets`
// lets a stream drop what lies before the record being read (`settle`).
import iconv from 'iconv-lite';
import { openBytes, type ByteInput, type ByteSource } from './source.js';
import { expectedError } from '../_utils/describe.js';

const CHUNK = 64 * 1024;
const MAX_CHUNK = 16 * 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The encoding of a stream whose head is plain ASCII, told at its first byte
 * beyond ASCII: the bytes before it read alike in any encoding it may turn
 * out to be (ASCII-compatible, one byte a unit), so a window reads them as
 * ASCII meanwhile (a live feed's first rows are not held back for it).
 */
export interface DeferredEncoding {
  /** The encoding, once told. */
  readonly known: string | undefined;
  /** Tells it from the bytes at `position`, the input's first byte beyond ASCII: once for every window of the input. */
  at(position: number): Promise<string>;
}

/** Index of the first byte beyond ASCII, or -1. */
function firstHighByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

/** A line start: its 1-based line number and the byte offset where it begins. */
export interface LineStart {
  line: number;
  byte: number;
}

type Unit = 'byte' | 'le16' | 'be16';

function unitOf(encoding: string): Unit {
  const lf = iconv.encode('\n', encoding, { addBOM: false });
  if (lf.length === 1 && lf[0] === LF) return 'byte';
  if (lf.length === 2 && lf[0] === LF && lf[1] === 0) return 'le16';
  if (lf.length === 2 && lf[0] === 0 && lf[1] === LF) return 'be16';
  throw expectedError('an encoding whose line breaks are one or two bytes (utf8, utf16le, windows-1252…)', JSON.stringify(encoding));
}

/** Offsets just after each line break of `bytes` (which never ends inside a CRLF). */
function byteBreaks(bytes: Buffer, unit: Unit, origin: number, out: number[]): void {
  if (unit === 'byte') {
    let lf = bytes.indexOf(LF);
    let cr = bytes.indexOf(CR);
    while (lf !== -1 || cr !== -1) {
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        if (cr + 1 === lf) {
          out.push(origin + lf + 1);
          lf = bytes.indexOf(LF, lf + 1);
        } else out.push(origin + cr + 1);
        cr = bytes.indexOf(CR, cr + 1);
      } else {
        out.push(origin + lf + 1);
        lf = bytes.indexOf(LF, lf + 1);
      }
    }
    return;
  }
  const lo = unit === 'le16' ? 0 : 1;
  const hi = 1 - lo;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i + hi] !== 0) continue;
    const b = bytes[i + lo];
    if (b === LF) out.push(origin + i + 2);
    else if (b === CR) {
      if (i + 3 < bytes.length && bytes[i + 2 + hi] === 0 && bytes[i + 2 + lo] === LF) i += 2;
      out.push(origin + i + 2);
    }
  }
}

/** Character indices just after each line break of `text` (which never ends inside a CRLF). */
function textBreaks(text: string, origin: number, out: number[]): void {
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      if (cr + 1 === lf) {
        out.push(origin + lf + 1);
        lf = text.indexOf('\n', lf + 1);
      } else out.push(origin + cr + 1);
      cr = text.indexOf('\r', cr + 1);
    } else {
      out.push(origin + lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
}

/** Decoded text held in memory with its line starts (what a record scanner reads). */
export interface HeldText {
  /** The characters from absolute index `base`. */
  readonly text: string;
  readonly base: number;
  /** `text` ends where the input ends. */
  readonly eof: boolean;
  /** The line holding absolute index `index`. */
  lineAt(index: number): number;
  /** The start of `line`, when it is held. */
  lineStart(line: number): (LineStart & { index: number }) | undefined;
}

/** A string as held text (a sample of a file; `complete` when it is the whole file). Byte offsets are not known: 0. */
export function heldString(text: string, complete: boolean): HeldText {
  const starts = [0];
  textBreaks(text, 0, starts);
  return {
    text,
    base: 0,
    eof: complete,
    lineAt(index) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= index) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
    lineStart(line) {
      const index = starts[line - 1];
      return index === undefined ? undefined : { line, byte: 0, index };
    },
  };
}

/**
 * Decoded text of a file from a line start on. `text` holds the characters
 * from absolute index `base`; absolute indices restart at 0 after a `seek`.
 */
export class TextWindow implements HeldText {
  text = '';
  base = 0;
  /** Nothing more to read: `text` ends where the file ends. */
  eof = false;
  /** Line starts held: line `first + k` starts at character `starts[k]` and byte `bytes[k]`. */
  private first = 1;
  private starts: number[] = [];
  private bytes: number[] = [];
  private head = 0;
  private filePos = 0;
  private carry: Buffer = Buffer.alloc(0);
  /** Undefined while a deferred encoding is not told: the bytes so far are ASCII. */
  private decoder: ReturnType<typeof iconv.getDecoder> | undefined;
  private readonly unit: Unit;

  private constructor(
    private readonly source: ByteSource,
    private readonly encoding: string | DeferredEncoding,
    private readonly chunkSize: number,
    private readonly forgets: boolean,
  ) {
    this.unit = typeof encoding === 'string' ? unitOf(encoding) : 'byte';
  }

  /**
   * Opens a file or a stream at a line start (default: the start);
   * `chunkSize` in bytes (tests use tiny ones). A window that `forgets` lets
   * a stream drop the bytes before the line it `settle`s on: only the window
   * that reads the rows, once, does.
   */
  static async open(input: ByteInput, encoding: string | DeferredEncoding, at: LineStart = { line: 1, byte: 0 }, chunkSize = CHUNK, forgets = false): Promise<TextWindow> {
    if (typeof encoding === 'string' && !iconv.encodingExists(encoding)) {
      throw expectedError('an encoding known to iconv-lite', JSON.stringify(encoding));
    }
    const source = await openBytes(input);
    try {
      const window = new TextWindow(source, encoding, Math.max(1, Math.floor(chunkSize)), forgets);
      window.restart(at);
      return window;
    } catch (error) {
      await source.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.source.close();
  }

  /**
   * The reader will never come back before the first line still held (after
   * `release`): a stream may let those bytes go. Called between records only,
   * never while a record that may turn out broken is read.
   */
  settle(): void {
    if (this.forgets) this.source.forget(this.bytes[this.head]!);
  }

  /** Like `settle`, up to every byte read so far: for a reader that never comes back at all (lines skipped over). */
  settleAll(): void {
    if (this.forgets) this.source.forget(this.filePos);
  }

  private restart(at: LineStart): void {
    this.text = '';
    this.base = 0;
    this.eof = false;
    this.first = at.line;
    this.starts = [0];
    this.bytes = [at.byte];
    this.head = 0;
    this.filePos = at.byte;
    this.carry = Buffer.alloc(0);
    // A byte-order mark is only stripped at the very start of the file (a deferred encoding's input has none).
    const encoding = typeof this.encoding === 'string' ? this.encoding : this.encoding.known;
    this.decoder = encoding === undefined ? undefined : iconv.getDecoder(encoding, { stripBOM: at.byte === 0 && encoding === this.encoding });
  }

  /** Absolute index just past the text held. */
  get end(): number {
    return this.base + this.text.length;
  }

  /** Reads one more chunk; false once the file is exhausted. */
  async more(): Promise<boolean> {
    if (this.eof) return false;
    // Read as much as is held: a record growing over many chunks would otherwise
    // cost a copy of all its text per chunk (appending flattens the string).
    const size = Math.min(Math.max(this.chunkSize, this.text.length), MAX_CHUNK);
    const chunk = Buffer.allocUnsafe(size);
    const bytesRead = await this.source.read(chunk, 0, size, this.filePos);
    const origin = this.filePos - this.carry.length;
    this.filePos += bytesRead;
    const last = bytesRead === 0;
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    let cut = data.length;
    if (!last) {
      const width = this.unit === 'byte' ? 1 : 2;
      cut -= cut % width;
      // Never stop after a CR: the LF of its CRLF may come with the next chunk.
      const lastUnitIsCr =
        cut >= width &&
        (this.unit === 'byte' ? data[cut - 1] === CR
          : this.unit === 'le16' ? data[cut - 2] === CR && data[cut - 1] === 0
          : data[cut - 2] === 0 && data[cut - 1] === CR);
      if (lastUnitIsCr) cut -= width;
    }
    const piece = data.subarray(0, cut);
    this.carry = Buffer.from(data.subarray(cut));
    let decoded = this.decoder !== undefined ? this.decoder.write(piece) : await this.decodeDeferred(piece, origin);
    if (last) {
      decoded += this.decoder?.end() ?? '';
      this.eof = true;
    }
    const rawStarts: number[] = [];
    const textStarts: number[] = [];
    byteBreaks(piece, this.unit, origin, rawStarts);
    textBreaks(decoded, this.end, textStarts);
    if (rawStarts.length !== textStarts.length) {
      throw new Error(`line breaks differ between the bytes and the ${typeof this.encoding === 'string' ? this.encoding : (this.encoding.known ?? 'ascii')} text near byte ${origin}`);
    }
    this.text += decoded;
    for (let k = 0; k < rawStarts.length; k++) {
      this.starts.push(textStarts[k]!);
      this.bytes.push(rawStarts[k]!);
    }
    return !last || decoded.length > 0 || piece.length > 0;
  }

  /** ASCII as it is; at the first byte beyond it, the encoding is told and decodes the rest. */
  private async decodeDeferred(piece: Buffer, origin: number): Promise<string> {
    const high = firstHighByte(piece);
    if (high === -1) return piece.toString('latin1');
    const encoding = await (this.encoding as DeferredEncoding).at(origin + high);
    this.decoder = iconv.getDecoder(encoding, { stripBOM: false });
    return piece.toString('latin1', 0, high) + this.decoder.write(piece.subarray(high));
  }

  /** Forgets the text before absolute index `index` and the line starts before line `line`. */
  release(index: number, line: number): void {
    if (index > this.base) {
      this.text = this.text.slice(index - this.base);
      this.base = index;
    }
    const drop = Math.min(line - this.first, this.starts.length - 1) - this.head;
    if (drop > 0) this.head += drop;
    if (this.head > 4096 && this.head * 2 > this.starts.length) {
      this.starts = this.starts.slice(this.head);
      this.bytes = this.bytes.slice(this.head);
      this.first += this.head;
      this.head = 0;
    }
  }

  /** The start of `line`, when it is held. */
  lineStart(line: number): (LineStart & { index: number }) | undefined {
    const k = line - this.first;
    if (k < this.head || k >= this.starts.length) return undefined;
    return { line, byte: this.bytes[k]!, index: this.starts[k]! };
  }

  /** The line holding absolute index `index` (which must be held). */
  lineAt(index: number): number {
    let lo = this.head;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.first + lo;
  }

  /** The last line held that has characters (at the end of the file: the file's last line). */
  lastLine(): number {
    const k = this.starts.length - 1;
    return this.starts[k] === this.end ? this.first + k - 1 : this.first + k;
  }

  /**
   * Moves to a line start and returns its absolute index: in memory when its
   * text is still held, else by reading the file again from its byte offset.
   */
  goto(at: LineStart): number {
    const held = this.lineStart(at.line);
    if (held && held.byte === at.byte && held.index >= this.base) return held.index;
    this.restart(at);
    return 0;
  }
}

/** One physical line: its number and text without the line break (`undefined` when longer than the limit). */
export interface WindowLine {
  line: number;
  text: string | undefined;
}

/**
 * The lines of a window from where it stands, in constant memory: a line
 * longer than `maxSize` characters is skipped over and given without its text.
 */
export async function* windowLines(win: TextWindow, maxSize: number): AsyncGenerator<WindowLine> {
  let line = win.lineAt(win.base);
  for (;;) {
    const start = win.lineStart(line)!.index;
    let next = win.lineStart(line + 1);
    let oversized = false;
    while (!next && !win.eof) {
      if (!oversized && win.end - start > maxSize) oversized = true;
      if (oversized) {
        win.release(win.end, line);
        win.settleAll();
      }
      await win.more();
      next = win.lineStart(line + 1);
    }
    const stop = next ? next.index : win.end;
    if (!next && !oversized && stop === start) return; // after the last line break
    if (!oversized && stop - start > maxSize) oversized = true;
    const text = oversized ? undefined : win.text.slice(start - win.base, stop - win.base).replace(/\r?\n$|\r$/, '');
    yield { line, text };
    if (!next) return;
    win.release(stop, line + 1);
    win.settle();
    line++;
  }
}
