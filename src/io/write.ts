// Output files written whole or not at all: through a temporary file beside the
// target, renamed over it at the end (the run's --annotate and --rejects files,
// the CLI's report); or rows written as they come to a stream (standard output).
import { randomBytes } from 'node:crypto';
import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { releaseTemp, trackTemp } from './temp-files.js';
import { expectedError, typeName } from '../_utils/describe.js';

/** Where an output goes: a temporary file beside a regular target, renamed over it on success. */
function outputPlan(path: string): { writeTo: string; replace: boolean } {
  let special = false;
  try {
    // /dev/null, /dev/stdout, a FIFO: written in place (renaming over them would replace the device).
    special = !statSync(path).isFile();
  } catch {
    // not there yet: a new regular file
  }
  if (special) return { writeTo: path, replace: false };
  const dir = dirname(path);
  return { writeTo: join(dir, `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`), replace: true };
}

/**
 * The reader of an output stream went away (`| head -1` has what it wanted):
 * the end of the run, not a failure of it.
 */
/**
 * Resolves once the stream drained, failed or closed, then drops its three
 * listeners (a race of `once()` would leak the losers').
 */
function drainedOrOver(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise<void>((resolve) => {
    const over = (): void => {
      stream.off('drain', over);
      stream.off('error', over);
      stream.off('close', over);
      resolve();
    };
    stream.on('drain', over);
    stream.on('error', over);
    stream.on('close', over);
  });
}

export class ClosedStreamError extends Error {
  constructor(readonly code: string) {
    super(`verbatim-fr: the output stream was closed by its reader (${code})`);
    this.name = 'ClosedStreamError';
  }
}

/** A write error as the run sees it: a closed pipe, or the error itself. */
function streamProblem(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ECONNRESET') return new ClosedStreamError(code);
  return error instanceof Error ? error : new Error(String(error));
}

export interface Output {
  write(chunk: string): Promise<void>;
  /** Flush, then rename the temporary file over the target. */
  close(): Promise<void>;
  /** Drop what was written: the previous file, if any, stays as it was. */
  abort(): Promise<void>;
}

/**
 * A write stream whose writes wait for the disk (memory stays flat on big
 * inputs), written to a temporary file beside the target and renamed at the
 * end: a failed or killed run never leaves a partial file that looks complete.
 * A stream (standard output) is written as rows come, and left open at the
 * end; what was written cannot be taken back. A reader that closes the stream
 * makes the next write throw a `ClosedStreamError`.
 */
export function openOutput(target: string | NodeJS.WritableStream): Output {
  if (typeof target !== 'string') return streamOutput(target);
  const path = target;
  const { writeTo, replace } = outputPlan(path);
  if (replace) trackTemp(writeTo);
  const stream: WriteStream = createWriteStream(writeTo, { encoding: 'utf8' });
  let failure: Error | undefined;
  let settled = false;
  stream.on('error', (error) => (failure ??= error));
  const discard = async (): Promise<void> => {
    if (!replace) return;
    await rm(writeTo, { force: true }).catch(() => undefined);
    releaseTemp(writeTo);
  };
  return {
    async write(chunk) {
      if (failure) throw failure;
      // A device or a pipe may fail at once (EPIPE): its error came before any listener below, so never wait then.
      if (!stream.write(chunk) && !failure && !stream.destroyed) {
        await drainedOrOver(stream);
      }
      if (failure) throw failure;
    },
    async close() {
      if (settled) return;
      settled = true;
      if (!failure && stream.destroyed) failure = new ClosedStreamError('ERR_STREAM_DESTROYED');
      if (!failure) {
        stream.end();
        await once(stream, 'finish').catch(() => undefined);
      }
      if (failure) {
        stream.destroy();
        await discard();
        throw failure;
      }
      if (replace) {
        try {
          await rename(writeTo, path);
        } catch (error) {
          await discard();
          throw error;
        }
        releaseTemp(writeTo);
      }
    },
    async abort() {
      if (settled) return;
      settled = true;
      // A stream that failed (EPIPE on a pipe) has closed already: waiting for 'close' would wait forever.
      if (!stream.closed) {
        const closing = once(stream, 'close').catch(() => undefined);
        stream.destroy();
        await closing;
      }
      await discard();
    },
  };
}

/**
 * Write a whole text to `target`: a path through a temporary file renamed at
 * the end (or in place for a device), or a stream.
 */
export async function writeFileAtomic(target: string | NodeJS.WritableStream, text: string | Iterable<string>): Promise<void> {
  const out = openOutput(target);
  try {
    // A text in chunks (a large JSON report) is written chunk by chunk, each waiting for the one before.
    if (typeof text === 'string') await out.write(text);
    else for (const chunk of text) await out.write(chunk);
  } catch (error) {
    await out.abort();
    throw error;
  }
  await out.close();
}

/** Rows written to a stream as they come; writes wait when the reader is slower (memory stays flat). */
function streamOutput(stream: NodeJS.WritableStream): Output {
  if (stream === null || typeof stream !== 'object' || typeof stream.write !== 'function') {
    throw expectedError('an output path or a writable stream', typeName(stream));
  }
  let failure: Error | undefined;
  let settled = false;
  const onError = (error: unknown): void => {
    failure ??= streamProblem(error);
  };
  stream.on('error', onError);
  const done = (): void => {
    settled = true;
    stream.off('error', onError);
  };
  return {
    async write(chunk) {
      if (failure) throw failure;
      const writable = stream as NodeJS.WritableStream & { destroyed?: boolean };
      if (writable.destroyed) throw (failure ??= new ClosedStreamError('ERR_STREAM_DESTROYED'));
      const ok = stream.write(chunk, (error?: Error | null) => {
        if (error) onError(error);
      });
      if (!ok && !failure && !writable.destroyed) await drainedOrOver(stream);
      if (failure) throw failure;
    },
    async close() {
      if (settled) return;
      try {
        if (failure) throw failure;
        // Every row handed to the stream: wait for its last write to be taken.
        await new Promise<void>((resolve) => stream.write('', () => resolve()));
        if (failure) throw failure;
      } finally {
        done();
      }
    },
    async abort() {
      if (!settled) done();
    },
  };
}
