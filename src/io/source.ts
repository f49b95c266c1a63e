// Where a reader's bytes come from: a file, read at any position, or a stream
// (standard input, a FIFO, a pipe from another process), read once. A stream's
// bytes are held from the oldest position a reader may still come back to (the
// start, while the format, the encoding and the header are found; then the
// record being read), so the readers read a stream as they read a file, with
// no copy on disk. Past `maxHeld` bytes held (a quote that never closes makes
// a reader scan to the end and come back), what is held moves to a temporary
// file until reading has passed it: memory stays bounded and no row is lost.
import { open, mkdtemp, rm, type FileHandle } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { releaseTemp, trackTemp } from './temp-files.js';
import { expectedError, typeName } from '../_utils/describe.js';

/** What a reader reads: a path, or the held bytes of a stream. */
export type ByteInput = string | StreamBytes;

/** Bytes read by position. */
export interface ByteSource {
  /** Reads up to `length` bytes at `position` into `buffer` at `offset`; 0 at the end. */
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<number>;
  /** The reader never reads before `position` again (a stream lets those bytes go). */
  forget(position: number): void;
  close(): Promise<void>;
}

/** Bytes held in memory before they move to a temporary file (default 64 MiB). */
export const DEFAULT_MAX_HELD = 64 * 1024 * 1024;

/** Chunks and an optional spill file covering the bytes held of a stream. */
export class StreamBytes {
  /** Bytes in memory: `chunks` cover [chunkStart, end) when nothing is spilled. */
  private chunks: Buffer[] = [];
  private chunkStart = 0;
  /** Absolute position just past the bytes pulled from the stream. */
  private end = 0;
  private ended = false;
  /** The reader may still come back to this position, never before. */
  private keepFrom = 0;
  /** Bytes [spill.start, end) are in a file; memory holds none then. */
  private spill: { dir: string; handle: FileHandle; start: number } | undefined;
  private readonly iterator: AsyncIterator<Uint8Array | string>;
  private pulling: Promise<boolean> | undefined;
  /** Bytes moved to a temporary file so far (for tests and figures). */
  spilledBytes = 0;

  constructor(
    stream: AsyncIterable<Uint8Array | string>,
    private readonly maxHeld = DEFAULT_MAX_HELD,
  ) {
    if (stream === null || typeof stream !== 'object' || typeof (stream as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') {
      throw expectedError('a readable stream (an async iterable of bytes)', typeName(stream));
    }
    this.iterator = stream[Symbol.asyncIterator]();
  }

  /** Whether the stream has ended and every byte of it is known. */
  get complete(): boolean {
    return this.ended;
  }

  /** Bytes pulled from the stream so far. */
  get length(): number {
    return this.end;
  }

  /** Pulls one more chunk; false at the end of the stream. One pull at a time. */
  private pull(): Promise<boolean> {
    this.pulling ??= this.pullOnce().finally(() => (this.pulling = undefined));
    return this.pulling;
  }

  private async pullOnce(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    const value = next.value;
    const chunk = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    if (chunk.length === 0) return true;
    if (this.spill) {
      await this.spill.handle.write(chunk, 0, chunk.length, this.end - this.spill.start);
      this.spilledBytes += chunk.length;
    } else {
      // A copy: a stream may reuse the memory of the chunks it gives.
      this.chunks.push(Buffer.from(chunk));
    }
    this.end += chunk.length;
    if (!this.spill && this.end - this.chunkStart > this.maxHeld) await this.spillToFile();
    return true;
  }

  /** Moves the bytes held to a private temporary file (it holds personal data: removed at the end, on signals too). */
  private async spillToFile(): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'verbatim-fr-held-'));
    trackTemp(dir);
    const handle = await open(join(dir, 'held'), 'w+', 0o600);
    const start = this.chunkStart;
    let at = 0;
    for (const chunk of this.chunks) {
      await handle.write(chunk, 0, chunk.length, at);
      at += chunk.length;
    }
    this.spilledBytes += at;
    this.chunks = [];
    this.spill = { dir, handle, start };
  }

  /** Back to memory once what is still needed is small again. */
  private async unspill(): Promise<void> {
    const spill = this.spill!;
    const from = Math.max(this.keepFrom, spill.start);
    const bytes = Buffer.alloc(this.end - from);
    let got = 0;
    while (got < bytes.length) {
      const { bytesRead } = await spill.handle.read(bytes, got, bytes.length - got, from - spill.start + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.spill = undefined;
    this.chunks = [bytes];
    this.chunkStart = from;
    await spill.handle.close();
    await rm(spill.dir, { recursive: true, force: true });
    releaseTemp(spill.dir);
  }

  /** Pulls until `position` is held or the stream ends. */
  async fill(position: number): Promise<void> {
    while (this.end < position && (await this.pull()));
  }

  /**
   * Pulls one more chunk, or gives up waiting after `quietMs` when the stream
   * gives nothing ('quiet': the pull goes on, the next read takes its chunk).
   * False at the end of the stream.
   */
  async pullWithin(quietMs: number): Promise<boolean | 'quiet'> {
    const pull = this.pull();
    if (!Number.isFinite(quietMs)) return pull;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const quiet = new Promise<'quiet'>((resolve) => (timer = setTimeout(resolve, quietMs, 'quiet')));
    try {
      return await Promise.race([pull, quiet]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Reads bytes at `position` (which must not have been forgotten): up to
   * `length`, as many as the stream has given so far, waiting only when it
   * has given none past `position` (a slow writer's rows are read as they
   * come, as `read(2)` reads a pipe). 0 at the end of the stream.
   */
  async read(buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
    if (position < this.keepFrom) {
      throw new Error(`verbatim-fr: a stream was read again at byte ${position}, before byte ${this.keepFrom} that it no longer holds`);
    }
    if (this.spill && this.end - this.keepFrom <= this.maxHeld / 2) await this.unspill();
    await this.fill(position + 1);
    const n = Math.max(0, Math.min(length, this.end - position));
    if (n === 0) return 0;
    if (this.spill) {
      let got = 0;
      while (got < n) {
        const { bytesRead } = await this.spill.handle.read(buffer, offset + got, n - got, position - this.spill.start + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got;
    }
    let at = this.chunkStart;
    let copied = 0;
    for (const chunk of this.chunks) {
      const chunkEnd = at + chunk.length;
      if (chunkEnd > position + copied && copied < n) {
        const from = position + copied - at;
        const take = Math.min(chunk.length - from, n - copied);
        chunk.copy(buffer, offset + copied, from, from + take);
        copied += take;
      }
      at = chunkEnd;
      if (copied >= n) break;
    }
    return copied;
  }

  /** Lets the bytes before `position` go. */
  forget(position: number): void {
    if (position <= this.keepFrom) return;
    this.keepFrom = position;
    if (this.spill) return; // the file is dropped whole once reading has caught up (unspill)
    while (this.chunks.length > 0 && this.chunkStart + this.chunks[0]!.length <= position) {
      this.chunkStart += this.chunks[0]!.length;
      this.chunks.shift();
    }
  }

  /** Whether the stream, read to its end, holds nothing but white space (an empty partition). */
  async blank(): Promise<boolean> {
    const probe = Buffer.alloc(64 * 1024);
    for (let position = 0; ; ) {
      const n = await this.read(probe, 0, probe.length, position);
      if (n === 0) return true;
      position += n;
      for (let i = 0; i < n; i++) {
        const b = probe[i]!;
        // Space, tab, CR, LF and the bytes of a UTF-8 byte-order mark.
        if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a && b !== 0xef && b !== 0xbb && b !== 0xbf) return false;
      }
    }
  }

  /** Writes the whole stream (from byte 0, which must still be held) to `path`. */
  async toFile(path: string): Promise<void> {
    const out = createWriteStream(path, { mode: 0o600 });
    const buffer = Buffer.alloc(1 << 20);
    try {
      for (let position = 0; ; ) {
        const n = await this.read(buffer, 0, buffer.length, position);
        if (n === 0) break;
        if (!out.write(Buffer.from(buffer.subarray(0, n)))) await once(out, 'drain');
        position += n;
        this.forget(position);
      }
      out.end();
      await once(out, 'finish');
    } catch (error) {
      out.destroy();
      throw error;
    }
  }

  /** Stops reading the stream and removes the temporary file, if any. */
  async close(): Promise<void> {
    this.chunks = [];
    if (this.spill) {
      const { dir, handle } = this.spill;
      this.spill = undefined;
      await handle.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
      releaseTemp(dir);
    }
    if (!this.ended) {
      this.ended = true;
      await this.iterator.return?.().catch(() => undefined);
    }
  }
}

/** Opens a byte source on a path or a stream (a stream's source is a view: closing it keeps the stream). */
export async function openBytes(input: ByteInput): Promise<ByteSource> {
  if (input instanceof StreamBytes) {
    return {
      read: (buffer, offset, length, position) => input.read(buffer, offset, length, position),
      forget: (position) => input.forget(position),
      close: async () => undefined,
    };
  }
  const handle = await open(input, 'r');
  return {
    read: async (buffer, offset, length, position) => (await handle.read(buffer, offset, length, position)).bytesRead,
    forget: () => undefined,
    close: () => handle.close(),
  };
}

/**
 * How long a stream may give nothing before the bytes it has given are taken
 * as its head: a live feed (`tail -f … | verbatim analyze -`) starts being
 * read after its first rows, not after its first 256 KiB.
 */
export const QUIET_MS = 100;

/** Bytes of an input from a position; `complete`: they run to its end. */
export interface InputHead {
  bytes: Buffer;
  complete: boolean;
}

/**
 * The head of an input, to detect its format, encoding and delimiter on: up to
 * `length` bytes from `position`. A file gives them at once. A stream gives
 * what it has when it goes quiet for `QUIET_MS`, once it has given at least
 * one whole line (or `length` bytes, or its end): the head of a slow writer
 * is what it has written so far. `complete`: the head is the whole input.
 */
export async function readHead(input: ByteInput, position: number, length: number): Promise<InputHead> {
  if (!(input instanceof StreamBytes)) {
    const bytes = await readBytes(input, position, length);
    return { bytes, complete: bytes.length < length };
  }
  const lines = lineBreaks(input, position);
  while (input.length < position + length && !input.complete) {
    const line = await lines.held();
    if ((await input.pullWithin(line ? QUIET_MS : Infinity)) === 'quiet') break;
  }
  const bytes = await readBytes(input, position, Math.max(0, Math.min(length, input.length - position)));
  return { bytes, complete: input.complete && position + bytes.length >= input.length };
}

/**
 * Whether a whole line from `position` comes before the writer goes quiet for
 * `QUIET_MS` (or the stream ends): at once for a file, or for a stream that
 * holds it already.
 */
export async function lineComes(input: ByteInput, position: number): Promise<boolean> {
  if (!(input instanceof StreamBytes)) return true;
  const lines = lineBreaks(input, position);
  for (;;) {
    if (input.complete || (await lines.held())) return true;
    if ((await input.pullWithin(QUIET_MS)) === 'quiet') return false;
  }
}

/** Whether the bytes a stream holds from `position` have a line break (LF or CR; UTF-16 too): each byte looked at once. */
function lineBreaks(input: StreamBytes, position: number): { held(): Promise<boolean> } {
  let scanned = position;
  let found = false;
  return {
    async held() {
      if (!found && input.length > scanned) {
        const fresh = await readBytes(input, scanned, input.length - scanned);
        found = fresh.includes(0x0a) || fresh.includes(0x0d);
        scanned += fresh.length;
      }
      return found;
    },
  };
}

/** Up to `length` bytes from `position` (fewer only at the end). */
export async function readBytes(input: ByteInput, position: number, length: number): Promise<Buffer> {
  const source = await openBytes(input);
  try {
    const buffer = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = await source.read(buffer, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    return buffer.subarray(0, got);
  } finally {
    await source.close();
  }
}

