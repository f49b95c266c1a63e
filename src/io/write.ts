// Output files written whole or not at all: through a temporary file beside the
// target, renamed over it at the end (the run's --annotate and --rejects files,
// the CLI's report).
import { randomBytes } from 'node:crypto';
import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { releaseTemp, trackTemp } from './temp-files.js';

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

interface Output {
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
 */
export function openOutput(path: string): Output {
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
      if (!stream.write(chunk)) {
        // Wait for drain or error, then drop both listeners (a race of once() would leak the loser's).
        await new Promise<void>((resolve) => {
          const done = (): void => {
            stream.off('drain', done);
            stream.off('error', done);
            resolve();
          };
          stream.on('drain', done);
          stream.on('error', done);
        });
      }
      if (failure) throw failure;
    },
    async close() {
      if (settled) return;
      settled = true;
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
      stream.destroy();
      await once(stream, 'close').catch(() => undefined);
      await discard();
    },
  };
}

/** Write a whole text to `path` through a temporary file renamed at the end (or in place for a device). */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const out = openOutput(path);
  try {
    await out.write(text);
  } catch (error) {
    await out.abort();
    throw error;
  }
  await out.close();
}
