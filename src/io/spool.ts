// Inputs that can be read only once (standard input, a FIFO, /dev/stdin) are
// copied to a temporary file first: format and encoding detection read a
// sample, and the reader reads from the start again. The copy holds personal
// data: it is removed when the run ends, and on SIGINT/SIGTERM by the CLI.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { releaseTemp, trackTemp } from './temp-files.js';
import type { InputSpec } from './types.js';

export interface SpooledInputs {
  /** The inputs, with one-shot ones replaced by their copy. */
  specs: InputSpec[];
  /** Path of each copy → the path as given (`-`, `/dev/stdin`…), to name it in rejects and messages. */
  names: Map<string, string>;
  /** Remove the copies. */
  cleanup(): Promise<void>;
}

/** Whether a path is read once only: `-`, or anything that is not a regular file (FIFO, character device, socket). */
async function readOnce(path: string): Promise<boolean> {
  if (path === '-') return true;
  try {
    const info = await stat(path);
    return !info.isFile() && !info.isDirectory();
  } catch {
    return false; // the reader reports missing and unreadable files
  }
}

/**
 * Copy `-` (from `stdin`) and one-shot paths to a private temporary folder.
 * Regular files are left as they are.
 */
export async function spoolInputs(specs: InputSpec[], stdin: NodeJS.ReadableStream = process.stdin): Promise<SpooledInputs> {
  const names = new Map<string, string>();
  const dirs: string[] = [];
  const cleanup = async (): Promise<void> => {
    for (const dir of dirs.splice(0)) {
      await rm(dir, { recursive: true, force: true });
      releaseTemp(dir);
    }
  };
  const out: InputSpec[] = [];
  try {
    for (const spec of specs) {
      if (!(await readOnce(spec.path))) {
        out.push(spec);
        continue;
      }
      const dir = await mkdtemp(join(tmpdir(), 'verbatim-fr-input-'));
      dirs.push(dir);
      trackTemp(dir);
      // The copy keeps the name (and so the extension and the default ids) of what was given.
      const copy = join(dir, spec.path === '-' ? 'stdin' : basename(spec.path) || 'input');
      await pipeline(spec.path === '-' ? stdin : createReadStream(spec.path), createWriteStream(copy, { mode: 0o600 }));
      names.set(copy, spec.path);
      out.push({ ...spec, path: copy });
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { specs: out, names, cleanup };
}
