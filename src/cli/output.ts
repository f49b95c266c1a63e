// Where a command's result goes: a file (whole or not at all) or stdout, and
// what a failed write means to the user.
import { dirname } from 'node:path';
import { ClosedStreamError, writeFileAtomic } from '../io/write.js';
import { OutputError } from './checks.js';
import type { CliIo } from './context.js';
import type { StdoutUser } from './messages.js';

/**
 * Writes the result to `out` (through a temporary file renamed at the end) or
 * to stdout (no `out`, or `-`), and waits until it is written. A result in
 * chunks (a JSON report) is written chunk by chunk, and must end its last with
 * a newline.
 */
export async function output(io: CliIo, text: string | Iterable<string>, out: string | undefined): Promise<void> {
  if (out && out !== '-') {
    await writeFileAtomic(out, text).catch((error: unknown) => {
      throw writeProblem(error, out);
    });
    return;
  }
  const write = (chunk: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      io.stdout.write(chunk, (error) => (error ? reject(writeProblem(error, undefined)) : resolve()));
    });
  if (typeof text !== 'string') {
    for (const chunk of text) await write(chunk);
    return;
  }
  await write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Standard output closed by the reader (`| head`): a normal, quiet end. */
export class ClosedOutput extends Error {}

/** Whether an error is standard output (or another output stream) closed by its reader: the run ends quietly. */
export const isClosedOutput = (error: unknown): boolean =>
  // EPIPE alone: an output path that is a pipe (a FIFO, /dev/stdout) whose reader went away.
  error instanceof ClosedOutput || error instanceof ClosedStreamError || (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';

/**
 * Standard output carries one stream: the report (or state) when no `--out`
 * is given, or `-` given to an option. Two of them would interleave.
 */
export function stdoutUsers(outputs: ReadonlyArray<{ option: string; path: string | undefined; report?: boolean }>): StdoutUser[] {
  return outputs.filter(({ path, report }) => path === '-' || (report === true && path === undefined)).map(({ option, path, report }) =>
    ({ option, report: report === true && path === undefined }));
}

/** An error met while writing, as what the user can act on. */
function writeProblem(error: unknown, path: string | undefined): Error {
  const c = (error as NodeJS.ErrnoException | undefined)?.code;
  if (path === undefined && (c === 'EPIPE' || c === 'ERR_STREAM_DESTROYED')) return new ClosedOutput();
  const detail = c ?? (error instanceof Error ? error.message : String(error));
  return new OutputError(path, (m) => ({
    reason:
      c === 'ENOSPC' ? m.outputs.noSpace
      : c === 'EDQUOT' ? m.outputs.quota
      : c === 'EROFS' ? m.outputs.readOnly
      : c === 'EACCES' || c === 'EPERM' ? m.outputs.permission
      : c === 'ENOENT' ? m.outputs.noFolder(dirname(path ?? '.'))
      : m.outputs.cannotWrite(detail),
    hint: m.outputs.writeHint,
  }));
}
