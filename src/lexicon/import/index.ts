// Dictionaries of other tools as lexicon layers: quanteda YAML, LIWC .dic and
// CSV term lists. Pure functions over the file's text (browser-safe); the CLI
// (`verbatim lexicon import`) reads the file and writes the result.
import { ENTRY_KINDS, type EntryKind } from '../../types.js';
import { LexiconError } from '../errors.js';
import { lexiconProblem, type LexiconIssueProblem } from '../messages.js';
import type { Lexicon, LexiconDocument, LexiconIssue } from '../types.js';
import { ID_PATTERN } from '../validate.js';
import { Document } from '../yaml.js';
import { buildLayer } from './build.js';
import { readCsv } from './csv.js';
import { detectDictionary } from './detect.js';
import { readLiwc } from './liwc.js';
import type { DictionaryFormat, ReadResult } from './model.js';
import { readQuanteda } from './quanteda.js';
import { expectedError, typeName } from '../../_utils/describe.js';

export type { DictionaryFormat } from './model.js';
export { detectDictionary } from './detect.js';

const FORMATS: readonly DictionaryFormat[] = ['quanteda', 'liwc', 'csv'];
const FORMAT_NAMES: Record<DictionaryFormat, string> = { quanteda: 'quanteda dictionary', liwc: 'LIWC dictionary', csv: 'CSV of terms' };

export interface ImportDictionaryOptions {
  /** The dictionary's format; default: guessed from the text (`detectDictionary`). */
  from?: DictionaryFormat;
  /**
   * Kind of every category that holds words. Default: a top-level key is a
   * theme and a nested key a concept of it (quanteda); LIWC categories are
   * themes; CSV rows say their kind (else theme, or concept when they name a theme).
   */
  kind?: EntryKind;
  /** Id of the theme every category joins (as concepts unless `kind` says otherwise). */
  theme?: string;
  /** File name used in warnings and errors (default `<inline>`). */
  file?: string;
  /**
   * The lexicons the layer will be applied over (`composeLexicons(defaultLexicon())`):
   * their ids are extended (same kind) or avoided (another kind), themes are checked. Default: none.
   */
  over?: Lexicon;
}

export interface ImportDictionaryResult {
  /** The layer: valid, ready for `--lexicon` or `createAnalyzer({ lexicons: [lexicon] })`. */
  lexicon: LexiconDocument;
  /** One per construct with no equivalent (weights, regular expressions, `?`, duplicates, renamed ids…), in line order. */
  warnings: LexiconIssue[];
  /** The format read. */
  from: DictionaryFormat;
}

/** A dictionary that cannot be converted, with every problem found. */
class DictionaryError extends LexiconError {
  constructor(issues: LexiconIssue[], format: DictionaryFormat | undefined) {
    super(issues, { importing: format ?? 'unknown' });
    this.name = 'LexiconError';
    this.message = this.message.replace(/^verbatim-fr: invalid lexicon/, `verbatim-fr: cannot import the ${format === undefined ? 'dictionary' : FORMAT_NAMES[format]}`);
  }
}

/**
 * Converts a dictionary of another tool (quanteda YAML, LIWC `.dic`, CSV of
 * `id;term[;kind;theme]`) into a lexicon layer, with one warning per
 * construct that has no equivalent. Throws `LexiconError` (file, line,
 * column, hint) when the text cannot be read as that format.
 */
export function importDictionary(text: string, options: ImportDictionaryOptions = {}): ImportDictionaryResult {
  if (typeof text !== 'string') throw expectedError(`the dictionary's text (string)`, typeName(text));
  const { kind, theme } = options;
  if (options.from !== undefined && !FORMATS.includes(options.from)) {
    throw expectedError(`options.from to be one of ${FORMATS.join(', ')}`, String(options.from));
  }
  if (kind !== undefined && !ENTRY_KINDS.includes(kind)) throw expectedError(`options.kind to be one of ${ENTRY_KINDS.join(', ')}`, String(kind));
  if (theme !== undefined && (typeof theme !== 'string' || !ID_PATTERN.test(theme))) {
    throw expectedError('options.theme to be an entry id (lowercase ascii, digits, _ and .)', JSON.stringify(theme));
  }
  if (theme !== undefined && kind === 'theme') throw new TypeError('verbatim-fr: options.theme does not apply to kind "theme" (a theme has no theme)');
  const file = options.file ?? '<inline>';
  const source = text.replace(/^\uFEFF/, '');
  const from = options.from ?? detectDictionary(source);
  if (from === undefined) {
    throw new DictionaryError([{ file, line: 1, column: 1, path: '', ...lexiconProblem('unknown_dictionary_format', {}) }], undefined);
  }
  const read: ReadResult = from === 'quanteda' ? readQuanteda(source, file) : from === 'liwc' ? readLiwc(source, file) : readCsv(source, file);
  if (read.errors.length > 0) {
    // The format was said, and the text looks like another one: say so on the first problem.
    const other = options.from !== undefined ? detectDictionary(source) : undefined;
    const first = read.errors[0];
    if (other !== undefined && other !== from && first !== undefined) {
      const problem = { code: first.code, params: first.params } as LexiconIssueProblem;
      Object.assign(first, lexiconProblem('also_looks_like', { problem, name: FORMAT_NAMES[other], other }));
    }
    throw new DictionaryError(read.errors, from);
  }
  const built = buildLayer(read.categories, { file, format: from, ...(kind !== undefined ? { kind } : {}), ...(theme !== undefined ? { theme } : {}), ...(options.over !== undefined ? { over: options.over } : {}) });
  if (built.errors.length > 0) throw new DictionaryError(built.errors, from);
  const warnings = [...read.warnings, ...built.warnings].sort((a, b) => a.line - b.line || a.column - b.column);
  return { lexicon: built.lexicon, warnings, from };
}

export interface StringifyLexiconOptions {
  /** Comment lines written at the top of the file (without `#`). */
  comment?: string;
}

/** A lexicon layer as YAML text, the way `verbatim lexicon import` writes it. */
export function stringifyLexicon(lexicon: LexiconDocument, options: StringifyLexiconOptions = {}): string {
  if (typeof lexicon !== 'object' || lexicon === null) throw expectedError('a lexicon document', typeName(lexicon));
  const doc = new Document(lexicon);
  if (options.comment !== undefined && options.comment !== '') doc.commentBefore = options.comment.split('\n').map((l) => ` ${l}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
