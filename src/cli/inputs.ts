// The input flags `analyze`, `discover` and `kwic` share: which columns, which
// lexicons, how to read. One definition, one reading path (`analyzeFiles`).
import { stat } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { sectorNames } from '../lexicon/defaults.js';
import type { ColumnOptions, ColumnsUsed, InputFormat, InputSpec } from '../io/index.js';
import type { AnalyzeFilesOptions } from '../run/analyze-files.js';
import { escapeForTerminal } from '../_utils/display.js';
import { checkSectors, collect, corpusLang, delimiter, positiveInt, usageError } from './args.js';
import type { CliIo, CommandContext } from './context.js';
import type { CliMessages } from './messages.js';
import { firstTexts } from './read.js';

const INPUT_FORMATS = ['csv', 'tsv', 'json', 'jsonl', 'xlsx'] as const;

/** What the input flags give. */
export interface InputCliOptions {
  text?: string;
  channel?: string;
  id?: string;
  date?: string;
  score?: string;
  author?: string;
  agentAuthor: string[];
  lexicon: string[];
  sector: string[];
  defaultLexicon: boolean;
  inputFormat?: InputFormat;
  encoding?: string;
  delimiter?: string;
  stdinName?: string;
  corpusLang: string;
  mask: boolean;
  allTurns?: boolean;
  scale: 'auto' | 'nps' | 'stars' | 'csat' | 'ces';
  maxXlsxSize: number;
  maxRecordSize: number;
}

/** A single-valued option given twice is a mistake, not a choice of the last one. */
function once(flag: string) {
  return (value: string, previous: string | undefined): string => {
    if (previous !== undefined) throw usageError('givenTwice', flag, previous, value);
    return value;
  };
}

/** Adds the input flags (columns, lexicons, reading) to a command. */
export function addInputOptions(command: Command): Command {
  return command
    .option('--text <column>', 'column holding the verbatim, or columns joined with + (title+body) (default: auto-detected)', once('--text'))
    .option('--channel <column|name>', 'channel column, or a channel name for the whole input', once('--channel'))
    .option('--id <column>', 'id column (default: auto-detected, else file:row)', once('--id'))
    .option('--date <column>', 'date column (default: auto-detected)', once('--date'))
    .option('--score <column>', 'score column: NPS 0-10, stars 1-5 (default: auto-detected)', once('--score'))
    .option('--author <column>', 'author/role column: rows by the brand or an agent are counted apart (default: auto-detected: role, type auteur…)', once('--author'))
    .option('--agent-author <value>', 'an author value meaning the brand (its account name), beyond marque/agent/réponse… (repeatable)', collect, [] as string[])
    .option('--lexicon <path>', 'extra lexicon file or folder, layered over the default (repeatable)', collect, [] as string[])
    .option('--sector <name>', `sector layer over the default lexicons (repeatable), or auto: ${sectorNames().join(', ')}`, collect, [] as string[])
    .option('--no-default-lexicon', 'use only the --lexicon files')
    .addOption(new Option('--input-format <format>', 'format of the inputs (default: from the extension, else sniffed from the first bytes)').choices(INPUT_FORMATS))
    .option('--encoding <name>', 'encoding of the inputs: utf8, windows-1252, utf16le… (default: detected)')
    .option('--delimiter <char>', 'CSV field separator: one character, or tab (default: detected among ; , tab |)', delimiter)
    .option('--stdin-name <name>', 'name of standard input in rejects, annotations and default ids (default: -, ids stdin:ROW)')
    .option('--corpus-lang <code>', "corpus' language, given to texts too short to tell (ISO 639-3)", corpusLang, 'fra')
    .option('--no-mask', 'keep personal data (emails, phones, IBANs, addresses, names…) in the output')
    .option('--all-turns', 'in chat transcripts, analyse the agent turns too (default: customer turns only)')
    .addOption(new Option('--scale <scale>', 'score scale').choices(['auto', 'nps', 'stars', 'csat', 'ces']).default('auto'))
    .option('--max-xlsx-size <MB>', 'largest size an XLSX file may inflate to, in MB (zip bomb guard)', positiveInt('--max-xlsx-size'), 256)
    .option('--max-record-size <MB>', 'largest record read, in MB of text (a CSV row, a JSON element, a JSON Lines line, an XLSX row), up to 256; a larger one is a reject', positiveInt('--max-record-size'), 1);
}

/** `--max-xlsx-size` (1 MB or more) and `--max-record-size` (1 to 256 MB of text: a record is held as one string while it is read). */
export function checkReadLimits(opts: Pick<InputCliOptions, 'maxXlsxSize' | 'maxRecordSize'>): void {
  if (opts.maxXlsxSize < 1) throw usageError('sizeFromOne', '--max-xlsx-size');
  if (opts.maxRecordSize < 1 || opts.maxRecordSize > 256) throw usageError('recordSizeRange');
}

/** Checks the input flags that need no file (before anything is read). */
export async function checkInputOptions(files: string[], opts: InputCliOptions, io: CliIo, command: string): Promise<void> {
  checkReadLimits(opts);
  if (files.length === 1 && files[0] === '-' && (io.stdin as { isTTY?: boolean } | undefined)?.isTTY === true) {
    throw usageError('noInput', command);
  }
  if (files.filter((f) => f === '-').length > 1) throw usageError('stdinTwice');
  if (opts.stdinName !== undefined && !files.includes('-')) throw usageError('stdinNameUnused');
  if (opts.encoding !== undefined && !(await import('iconv-lite')).default.encodingExists(opts.encoding)) {
    throw usageError('unknownEncoding', opts.encoding);
  }
}

/** The inputs and the `analyzeFiles` options the input flags give. */
export async function inputRun(
  files: string[],
  opts: InputCliOptions,
  io: CliIo,
  m: CliMessages,
): Promise<{ inputs: Array<string | InputSpec>; options: AnalyzeFilesOptions }> {
  const stdin = io.stdin ?? process.stdin;
  const inputs: Array<string | InputSpec> = files.map((f) => (f === '-' && opts.stdinName !== undefined ? { path: opts.stdinName, stream: stdin } : f));
  return {
    inputs,
    options: {
      lexicons: opts.lexicon,
      includeDefault: opts.defaultLexicon,
      sectors: opts.sector.includes('auto') ? await autoSectors(io, m, files, opts) : checkSectors(opts.sector),
      defaultLanguage: opts.corpusLang,
      columns: pickColumns(opts),
      maskPersonalData: opts.mask,
      allTurns: opts.allTurns === true,
      scale: opts.scale,
      allowFileRejects: false,
      maxXlsxSize: opts.maxXlsxSize * 1024 * 1024,
      maxRecordSize: opts.maxRecordSize * 1024 * 1024,
      stdin,
      ...(opts.delimiter !== undefined ? { onColumns: delimiterWarning(io, m) } : {}),
    },
  };
}

/**
 * `--delimiter` with an input read as JSON, JSON Lines or XLSX: said once per
 * such input, as it opens (a mixed run applies it to its CSV inputs).
 */
export function delimiterWarning(io: CliIo, m: CliMessages): (used: ColumnsUsed) => void {
  return (used) => {
    if (used.format === 'csv' || used.format === 'tsv') return;
    io.stderr.write(`verbatim: ${m.notes.warning}${m.colon}${escapeForTerminal(m.notes.delimiterIgnored(used.file, used.format), true)}\n`);
  };
}

/**
 * `--sector auto`: the layer the first 500 verbatims read like most, when a
 * fifth of them at least use its words; said on stderr, as it was asked for.
 */
async function autoSectors(io: CliIo, m: CliMessages, files: string[], opts: InputCliOptions): Promise<string[]> {
  const named = checkSectors(opts.sector.filter((s) => s !== 'auto'));
  if (files.includes('-')) throw usageError('sectorAutoStdin');
  const { suggestSectors } = await import('../analyze/sectors.js');
  // Read as the run will read them: the same columns, format, encoding and delimiter.
  const [best] = suggestSectors(await firstTexts(files, pickColumns(opts), 500), { minShare: AUTO_SECTOR_SHARE });
  io.stderr.write(`verbatim: ${best === undefined ? m.notes.sectorAutoNone(AUTO_SECTOR_SHARE * 100) : m.notes.sectorAuto(best.sector, Math.round(best.share * 100))}\n`);
  return best === undefined || named.includes(best.sector) ? named : [...named, best.sector];
}
const AUTO_SECTOR_SHARE = 0.2;

/** The columns and reading flags as `InputSpec` fields (`analyze`, `discover`, `kwic`, `queue produce`). */
export function pickColumns(
  opts: Pick<InputCliOptions, 'text' | 'channel' | 'id' | 'date' | 'score' | 'author' | 'agentAuthor' | 'inputFormat' | 'encoding' | 'delimiter'>,
): ColumnOptions {
  const columns: Record<string, string | string[]> = {};
  for (const key of ['text', 'channel', 'id', 'date', 'score', 'author'] as const) {
    const value = opts[key];
    if (value !== undefined) columns[key] = value;
  }
  if (opts.agentAuthor.length > 0) columns['agentAuthors'] = opts.agentAuthor;
  if (opts.inputFormat !== undefined) columns['format'] = opts.inputFormat;
  if (opts.encoding !== undefined) columns['encoding'] = opts.encoding;
  if (opts.delimiter !== undefined) columns['delimiter'] = opts.delimiter;
  return columns;
}

/** The input files' size together, and whether one of them is standard input (`-`, whose size is not known). */
export interface InputSize {
  bytes: number;
  stdin: boolean;
}

/** Sizes the inputs; a file that cannot be read counts 0 (the input checks say what is wrong with it). */
async function inputSize(files: readonly string[]): Promise<InputSize> {
  let bytes = 0;
  let stdin = false;
  for (const file of files) {
    if (file === '-') stdin = true;
    else bytes += await stat(file).then((s) => s.size, () => 0);
  }
  return { bytes, stdin };
}

/**
 * Sizes a command's inputs and tells the context, before the command
 * analyses them (a short run optimises later; standard input's size is not
 * known). Returns the size.
 */
export async function tuneForInputs(files: readonly string[], context: Pick<CommandContext, 'tuneForInput'>): Promise<InputSize> {
  const size = await inputSize(files);
  context.tuneForInput?.(size.stdin ? undefined : size.bytes);
  return size;
}

/**
 * For a command that analyses `files` on worker threads: tunes for them
 * (`tuneForInputs`) and gives the count `--workers` asks, `auto` by the
 * inputs' size (`defaultWorkers`, from the run's module, which the command
 * loads when it runs).
 */
export async function workersFor(files: readonly string[], workers: string, context: Pick<CommandContext, 'tuneForInput' | 'tuneForWorkers'>, defaultWorkers: (bytes: number) => number): Promise<number> {
  const size = await tuneForInputs(files, context);
  const count = workers === 'auto' ? defaultWorkers(size.bytes) : Number(workers);
  if (!Number.isInteger(count) || count < 1) throw usageError('workers', workers);
  context.tuneForWorkers?.(count);
  return count;
}
