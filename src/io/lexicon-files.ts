// Lexicon files on disk: YAML or JSON files, or directories of them.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { LexiconError, safeParseLexicon } from '../lexicon/index.js';
import type { LexiconDocument, LexiconIssue } from '../lexicon/index.js';
import { lexiconProblem } from '../lexicon/messages.js';
import { PLAIN_YAML_FROM, readPlainJsonLexicon, readPlainYamlLexicon } from './plain-yaml.js';
import { expectedError } from '../_utils/describe.js';

const LEXICON_EXTENSIONS = new Set(['.yml', '.yaml', '.json']);

function fileIssue(file: string, error: unknown): LexiconIssue {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const problem =
    code === 'ENOENT' ? lexiconProblem('file_not_found', {}) : code === 'EACCES' || code === 'EPERM' ? lexiconProblem('permission_denied', {}) : lexiconProblem('cannot_read_file', { detail: (error as Error).message });
  return { file, line: 0, column: 0, path: '', ...problem };
}

/** Files behind a path: the file itself, or the *.yml / *.yaml / *.json of a directory, sorted by name. */
async function expand(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((name) => LEXICON_EXTENSIONS.has(extname(name).toLowerCase())).sort();
  return names.map((name) => join(path, name));
}

async function parseFile(file: string): Promise<{ lexicon?: LexiconDocument; issues: LexiconIssue[] }> {
  let source: string;
  try {
    source = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    return { issues: [fileIssue(file, error)] };
  }
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
  // A large YAML file is read as plain data first (src/io/plain-yaml.ts): a tenth of the time, a quarter of the memory.
  // A large JSON one has its problems placed the same way (src/io/plain-yaml.ts).
  const plain = source.length < PLAIN_YAML_FROM ? undefined : format === 'yaml' ? await readPlainYamlLexicon(source, file) : await readPlainJsonLexicon(source, file);
  if (plain !== undefined) return plain;
  const result = safeParseLexicon(source, { file, format });
  return result.success ? { lexicon: result.lexicon, issues: [] } : { issues: result.issues };
}

/** Read and validate one lexicon file; throws `LexiconError` with positioned issues. */
export async function readLexiconFile(path: string): Promise<LexiconDocument> {
  if (typeof path !== 'string') throw expectedError('a lexicon file path', typeof path);
  const { lexicon, issues } = await parseFile(path);
  if (!lexicon) throw new LexiconError(issues);
  return lexicon;
}

/**
 * Read lexicon files and directories in the order given (a directory's files
 * sorted by name), ready for `composeLexicons([...defaultLexicon(), ...docs])`.
 * Throws one `LexiconError` listing the issues of every file.
 */
export async function loadLexiconFiles(paths: ReadonlyArray<string>): Promise<LexiconDocument[]> {
  if (!Array.isArray(paths)) throw expectedError('an array of lexicon paths', typeof paths);
  const lexicons: LexiconDocument[] = [];
  const issues: LexiconIssue[] = [];
  for (const path of paths) {
    let files: string[];
    try {
      files = await expand(path);
    } catch (error) {
      issues.push(fileIssue(path, error));
      continue;
    }
    if (files.length === 0) {
      issues.push({ file: path, line: 0, column: 0, path: '', ...lexiconProblem('empty_directory', {}) });
    }
    for (const file of files) {
      const result = await parseFile(file);
      if (result.lexicon) lexicons.push(result.lexicon);
      issues.push(...result.issues);
    }
  }
  if (issues.length > 0) throw new LexiconError(issues);
  return lexicons;
}
