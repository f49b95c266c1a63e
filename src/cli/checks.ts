// Checks made before anything is read or written: every input can be opened,
// every output can be written, and no output is one of the inputs.
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../io/errors.js';
import type { InputIssue } from '../io/index.js';

/** An output the run cannot write (missing folder, no permission, one of the inputs, a full disk). */
export class OutputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly hint: string,
    readonly option?: string,
  ) {
    super(`${option === undefined ? '' : `${option} `}${path}: ${reason}\n    hint: ${hint}`);
    this.name = 'OutputError';
  }
}

const code = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** Inputs that cannot be opened, all listed in one `InputError` (exit 3) before any is read. */
export async function checkInputs(files: readonly string[]): Promise<void> {
  const issues: InputIssue[] = [];
  for (const file of files) {
    if (file === '-') continue;
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        issues.push({ file, message: 'is a directory', hint: 'give the files inside it, e.g. dir/*.csv' });
        continue;
      }
      await access(file, constants.R_OK);
    } catch (error) {
      const c = code(error);
      issues.push(
        c === 'ENOENT' || c === 'ENOTDIR' ? { file, message: 'file not found', hint: 'check the path (relative paths start from the current directory)' }
        : c === 'EACCES' || c === 'EPERM' ? { file, message: 'permission denied', hint: 'make the file readable by the current user' }
        : { file, message: `cannot open the file (${c ?? String(error)})`, hint: 'check the path and the permissions' },
      );
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

interface Identity {
  real: string;
  dev?: number;
  ino?: number;
}

/** The real path of an existing file, with its device and inode (to see hard links too). */
async function identity(path: string): Promise<Identity | undefined> {
  try {
    const info = await stat(path);
    return { real: await realpath(path), dev: info.dev, ino: info.ino };
  } catch {
    return undefined;
  }
}

const same = (a: Identity, b: Identity): boolean => a.real === b.real || (a.ino !== undefined && a.ino === b.ino && a.dev === b.dev);

/**
 * Outputs that cannot be written, found before any input is read: the folder
 * is missing or read-only, the path is a folder, the path is one of the
 * inputs (even through a symbolic or hard link), or two outputs are the same file.
 */
export async function checkOutputs(outputs: ReadonlyArray<{ option: string; path: string | undefined }>, inputs: readonly string[]): Promise<void> {
  const inputIds: Array<{ path: string; id: Identity }> = [];
  for (const input of inputs) {
    if (input === '-') continue;
    const id = await identity(input);
    if (id) inputIds.push({ path: input, id });
  }
  const seen: Array<{ option: string; id: Identity }> = [];
  for (const { option, path } of outputs) {
    if (path === undefined) continue;
    const fail = (reason: string, hint: string): never => {
      throw new OutputError(path, reason, hint, option);
    };
    let id = await identity(path);
    let device = false;
    if (id) {
      const info = await stat(path);
      device = !info.isFile() && !info.isDirectory();
      if (info.isDirectory()) fail('is a directory', `give a file name, e.g. ${join(path, option === '--rejects' ? 'rejects.csv' : option === '--annotate' ? 'coding.jsonl' : 'report.txt')}`);
      await access(path, constants.W_OK).catch(() => fail('permission denied', 'make the file writable, or write elsewhere'));
      // A regular file is replaced through a temporary file beside it: the folder must be writable too.
      if (info.isFile()) await access(dirname(id.real), constants.W_OK).catch(() => fail(`cannot write in the folder ${dirname(id!.real)}`, 'write the output in a folder you can write to'));
    } else {
      const folder = dirname(resolve(path));
      const info = await stat(folder).catch((error: unknown) => (code(error) === 'ENOENT' ? undefined : fail(`cannot open the folder ${folder} (${code(error)})`, 'check the path')));
      if (info === undefined) fail(`the folder ${dirname(path)} does not exist`, `create it first (mkdir -p ${dirname(path)}), or write elsewhere`);
      else if (!info.isDirectory()) fail(`${dirname(path)} is not a folder`, 'check the path');
      await access(folder, constants.W_OK).catch(() => fail(`cannot write in the folder ${dirname(path)} (permission denied)`, 'write the output in a folder you can write to'));
      id = { real: join(await realpath(folder), basename(path)) };
    }
    // /dev/null, /dev/stdout, a FIFO: written in place, any number of times.
    if (device) continue;
    const input = inputIds.find((x) => same(x.id, id!));
    if (input) fail(`is the input file ${input.path}: writing it would destroy the input`, `write ${option} to another file`);
    const twin = seen.find((x) => same(x.id, id!));
    if (twin) fail(`is also given to ${twin.option}`, 'give each output its own file');
    seen.push({ option, id });
  }
}
