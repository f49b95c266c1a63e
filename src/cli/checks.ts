// Checks made before anything is read or written: every input can be opened,
// every output can be written, and no output is one of the inputs.
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../io/errors.js';
import type { InputIssue } from '../io/index.js';
import { cliMessages, type CliMessages } from './messages.js';

/** What is wrong with an output, and what to do, in a language of the catalogue. */
export type OutputProblem = (m: CliMessages) => { reason: string; hint: string };

/** An output the run cannot write (missing folder, no permission, one of the inputs, a full disk); said in the run's language (`problem`). */
export class OutputError extends Error {
  readonly reason: string;
  readonly hint: string;

  constructor(
    /** The file; undefined for standard output. */
    readonly path: string | undefined,
    readonly problem: OutputProblem,
    readonly option?: string,
  ) {
    const { reason, hint } = problem(cliMessages('en'));
    super(`${option === undefined ? '' : `${option} `}${path ?? 'standard output'}: ${reason}\n    hint: ${hint}`);
    this.name = 'OutputError';
    this.reason = reason;
    this.hint = hint;
  }
}

/** Inputs that cannot be opened, said in the run's language (`localIssues`); `issues` are the English ones. */
export class InputsError extends InputError {
  constructor(readonly localIssues: (m: CliMessages) => InputIssue[]) {
    super(localIssues(cliMessages('en')));
  }
}

const code = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** Inputs that cannot be opened, all listed in one `InputError` (exit 3) before any is read. */
export async function checkInputs(files: readonly string[]): Promise<void> {
  const issues: Array<(m: CliMessages) => InputIssue> = [];
  for (const file of files) {
    if (file === '-') continue;
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        issues.push((m) => ({ file, message: m.inputs.isDirectory, hint: m.inputs.isDirectoryHint }));
        continue;
      }
      await access(file, constants.R_OK);
    } catch (error) {
      const c = code(error);
      issues.push(
        c === 'ENOENT' || c === 'ENOTDIR' ? (m) => ({ file, message: m.inputs.notFound, hint: m.inputs.notFoundHint })
        : c === 'EACCES' || c === 'EPERM' ? (m) => ({ file, message: m.inputs.permission, hint: m.inputs.permissionHint })
        : (m) => ({ file, message: m.inputs.cannotOpen(c ?? String(error)), hint: m.inputs.cannotOpenHint }),
      );
    }
  }
  if (issues.length > 0) throw new InputsError((m) => issues.map((issue) => issue(m)));
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
    const fail = (problem: OutputProblem): never => {
      throw new OutputError(path, problem, option);
    };
    let id = await identity(path);
    let device = false;
    if (id) {
      const info = await stat(path);
      device = !info.isFile() && !info.isDirectory();
      if (info.isDirectory()) fail((m) => ({ reason: m.outputs.isDirectory, hint: m.outputs.isDirectoryHint(join(path, option === '--rejects' ? 'rejects.csv' : option === '--annotate' ? 'coding.jsonl' : 'report.txt')) }));
      await access(path, constants.W_OK).catch(() => fail((m) => ({ reason: m.outputs.permission, hint: m.outputs.permissionHint })));
      // A regular file is replaced through a temporary file beside it: the folder must be writable too.
      if (info.isFile()) await access(dirname(id.real), constants.W_OK).catch(() => fail((m) => ({ reason: m.outputs.folderNotWritable(dirname(id!.real)), hint: m.outputs.folderNotWritableHint })));
    } else {
      const folder = dirname(resolve(path));
      const info = await stat(folder).catch((error: unknown) => (code(error) === 'ENOENT' ? undefined : fail((m) => ({ reason: m.outputs.cannotOpenFolder(folder, code(error)), hint: m.outputs.checkPath }))));
      if (info === undefined) fail((m) => ({ reason: m.outputs.noFolder(dirname(path)), hint: m.outputs.noFolderHint(dirname(path)) }));
      else if (!info.isDirectory()) fail((m) => ({ reason: m.outputs.notAFolder(dirname(path)), hint: m.outputs.checkPath }));
      await access(folder, constants.W_OK).catch(() => fail((m) => ({ reason: `${m.outputs.folderNotWritable(dirname(path))} (${m.outputs.permission})`, hint: m.outputs.folderNotWritableHint })));
      id = { real: join(await realpath(folder), basename(path)) };
    }
    // /dev/null, /dev/stdout, a FIFO: written in place, any number of times.
    if (device) continue;
    const input = inputIds.find((x) => same(x.id, id!));
    if (input) fail((m) => ({ reason: m.outputs.isInput(input.path), hint: m.outputs.isInputHint(option) }));
    const twin = seen.find((x) => same(x.id, id!));
    if (twin) fail((m) => ({ reason: m.outputs.sameAs(twin.option), hint: m.outputs.sameAsHint }));
    seen.push({ option, id });
  }
}
