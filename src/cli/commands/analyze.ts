// verbatim analyze: the per-channel report of exported files.
import { Option, type Command } from 'commander';
import { fileURLToPath } from 'node:url';
import type { ReportFormat } from '../../index.js';
import type { ColumnsUsed } from '../../io/index.js';
import { escapeForTerminal } from '../../_utils/display.js';
import { firstReasons } from '../messages.js';
import { positiveInt, usageError } from '../args.js';
import { checkInputs, checkOutputs } from '../checks.js';
import { EXIT, type CommandContext } from '../context.js';
import { addInputOptions, checkInputOptions, inputRun, workersFor, type InputCliOptions } from '../inputs.js';
import { output, stdoutUsers } from '../output.js';
import { REPORT_FORMATS, reportBody, resolveReportFormat, type CliReportFormat } from '../report-format.js';
import { addReportLabelOptions, reportLabelOptions, type ReportLabelCliOptions } from '../report-labels.js';
import { sayChannelsMerged, sayWritten, type Written } from '../written.js';
import { DEFAULT_MAX_CHANNELS, DEFAULT_VOCABULARY } from '../../run/vocabulary.js';

const EXPORT_KINDS = ['dfm', 'spans', 'iramuteq', 'keyness', 'cooccurrence', 'trends', 'drivers'] as const;
/** The exports that are tables of the report, written at the end of the run (merge writes them too). */
export const TABLE_KINDS = ['keyness', 'cooccurrence', 'trends', 'drivers'] as const;
type ExportKind = (typeof EXPORT_KINDS)[number];
const DFM_FEATURES = ['words', 'lemmas', 'concepts'] as const;

/**
 * `--export KIND FILE` takes two values, which commander options cannot:
 * joined here into `--export KIND=FILE` before parsing (`main` calls it).
 */
export function joinExportArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] as string;
    const kind = argv[k + 1];
    const file = argv[k + 2];
    if (arg === '--export' && kind !== undefined && (EXPORT_KINDS as readonly string[]).includes(kind) && file !== undefined && (file === '-' || !file.startsWith('-'))) {
      out.push(arg, `${kind}=${file}`);
      k += 2;
    } else out.push(arg);
  }
  return out;
}

/** `--export` values (`dfm=FILE`) by kind; a kind given twice, or without its file, is a usage error. */
export function parseExports(values: readonly string[]): Partial<Record<ExportKind, string>> {
  const out: Partial<Record<ExportKind, string>> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    const kind = (eq < 0 ? value : value.slice(0, eq)) as ExportKind;
    const file = eq < 0 ? '' : value.slice(eq + 1);
    if (!EXPORT_KINDS.includes(kind)) throw usageError('exportUnknownKind', eq < 0 ? value : kind, EXPORT_KINDS);
    if (file === '') throw usageError('exportNeedsFile', kind, kind === 'iramuteq' ? 'corpus.txt' : `${kind}.csv`);
    if (out[kind] !== undefined) throw usageError('exportTwice', kind);
    if (kind === 'dfm' && !/\.(?:csv|mtx)$/i.test(file) && file !== '-') throw usageError('dfmExtension', file);
    out[kind] = file;
  }
  return out;
}
/** A report table to export and where (`--export keyness=FILE`). */
export interface TableExport {
  kind: (typeof TABLE_KINDS)[number];
  path: string;
}

/**
 * `--export` of a merge (`verbatim merge`, `queue merge`): states hold no rows,
 * so only the report's tables can be exported; any other kind is a usage error.
 */
export function parseTableExports(values: readonly string[]): TableExport[] {
  const exports = parseExports(values);
  for (const kind of Object.keys(exports)) if (!(TABLE_KINDS as readonly string[]).includes(kind)) throw usageError('exportUnknownKind', kind, TABLE_KINDS);
  return TABLE_KINDS.filter((kind) => exports[kind] !== undefined).map((kind) => ({ kind, path: exports[kind] as string }));
}

/** `--by COLUMN` (analyze, queue produce): once, and not empty. */
export function byColumn(value: string, previous: string | undefined): string {
  if (previous !== undefined) throw usageError('givenTwice', '--by', previous, value);
  if (value.trim() === '') throw usageError('byColumnMissing');
  return value.trim();
}

/** A budget option's parser: a whole number of 1 or more, or the word that lifts the budget. */
const countOr =
  <W extends string>(word: W, usage: 'vocabulary' | 'maxChannels' | 'maxPeriods') =>
  (value: string): number | W => {
    if (value === word) return word;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw usageError(usage, value);
    return n;
  };

/** `--vocabulary`: a number of terms (1 or more), or `exact`. */
export const vocabulary = countOr('exact', 'vocabulary');

/** `--max-channels`: a number of channels (1 or more), or `all`. */
export const maxChannels = countOr('all', 'maxChannels');

/** `--max-periods`: a number of trend periods (1 or more), or `all`. */
export const maxPeriods = countOr('all', 'maxPeriods');

/** The help of `--max-periods` (analyze, queue produce). */
export const MAX_PERIODS_HELP =
  'trend periods listed, the last ones of the dates followed (default 120); the verbatims dated before them are counted apart (earlier); all lists every period';

export function analyzeCommand(program: Command, context: CommandContext): void {
  const { io, m, setExitCode, workerScript } = context;
  const command = program
    .command('analyze')
    .description('analyse exported verbatim files (CSV/TSV/JSON/JSONL/XLSX) and print the per-channel report')
    .argument('[files...]', 'input files; - (or none) reads CSV, TSV or JSONL from standard input as it comes', ['-']);
  addInputOptions(command)
    .addOption(new Option('--format <format>', 'report format (default: from the --out extension, .json .md .html .csv, else table); state: the mergeable state of the run, for verbatim merge').choices(REPORT_FORMATS))
    .option('--out <file>', 'write the report to a file instead of stdout (- : stdout)')
    .option('--annotate <file>', 'write one row per input row with its coding (.csv or .jsonl; - : stdout, as rows come)')
    .addOption(new Option('--annotate-format <format>', 'format of --annotate (default: from the extension; jsonl for -)').choices(['csv', 'jsonl']))
    .option('--annotate-text', 'write the verbatim text into --annotate too (masked unless --no-mask)')
    .option('--rejects <file>', 'write skipped rows with their reasons (CSV, rows numbered as a spreadsheet shows them; - : stdout)')
    .option(
      '--export <kind> <file>',
      'write a tidy export (repeatable): dfm FILE.csv|FILE.mtx (document-feature matrix), spans FILE.csv (matched spans), iramuteq FILE.txt (IRaMuTeQ corpus), keyness|cooccurrence|trends|drivers FILE.csv (tables of the report); - : stdout',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .addOption(new Option('--dfm-features <features>', 'what the dfm counts: content words, their lemmas, or the lexicon entries coded').choices(DFM_FEATURES).default('words'))
    .option('--iramuteq-vars <names>', 'starred variables of --export iramuteq, comma-separated: input columns, or canal, note, date, id, tonalite, langue, auteur', (v: string) => v.split(',').map((n) => n.trim()).filter((n) => n !== ''))
    .option('--by <column>', 'keyness by the values of this input column too (a brand, a region, a product), beside keyness by channel', byColumn)
    .option('--examples <n>', 'example verbatims per concept and irritant', positiveInt('--examples'), 3)
    .option('--top <n>', 'top words and expressions listed', positiveInt('--top'), 20)
    .option(
      '--vocabulary <n|exact>',
      'words, expressions and co-occurring pairs kept per channel: exact until a table holds 2n, then approximate counts within a stated bound (summary.maxUndercount); exact keeps them all',
      vocabulary,
      DEFAULT_VOCABULARY,
    )
    .option(
      '--max-channels <n|all>',
      'channels kept apart: past n, every channel is counted in one and the report says so (a channel column of stores, agents or ids); all keeps every channel apart',
      maxChannels,
      DEFAULT_MAX_CHANNELS,
    )
    .addOption(new Option('--period <period>', 'trend period').choices(['month', 'week']).default('month'))
    .option('--max-periods <n|all>', MAX_PERIODS_HELP, maxPeriods)
    .option('--workers <n>', 'worker threads: a number, or auto (one per core for inputs over 20 MB, at most 8 and one per 512 MB of memory)', 'auto')
    .option('--no-progress', 'never show the progress bar (it only shows on a terminal, on stderr)');
  addReportLabelOptions(command)
    .action(async (files: string[], cliOpts: AnalyzeCliOptions & { format?: CliReportFormat }) => {
      const opts: AnalyzeCliOptions = { ...cliOpts, format: resolveReportFormat(context, cliOpts.format, cliOpts.out) };
      await checkInputOptions(files, opts, io, 'analyze');
      const labels = reportLabelOptions(opts, opts.format);
      const exports = parseExports(opts.export ?? []);
      if (opts.iramuteqVars !== undefined && exports.iramuteq === undefined) throw usageError('iramuteqVarsAlone');
      if (opts.annotateText === true && opts.annotate === undefined) throw usageError('annotateTextAlone');
      checkStreams(opts, exports);
      // Outputs first, then inputs: a wrong path is found before a long analysis, and nothing is written on a bad run.
      const toFiles = (path: string | undefined): string | undefined => (path === '-' ? undefined : path);
      const matrix = exports.dfm !== undefined && /\.mtx$/i.test(exports.dfm) ? (await import('../../run/exports.js')).matrixCompanions(exports.dfm) : undefined;
      await checkOutputs(
        [
          { option: '--out', path: toFiles(opts.out) },
          { option: '--annotate', path: toFiles(opts.annotate) },
          { option: '--rejects', path: toFiles(opts.rejects) },
          { option: '--export dfm', path: toFiles(exports.dfm) },
          ...(matrix ? [{ option: '--export dfm (rows)', path: matrix.rows }, { option: '--export dfm (columns)', path: matrix.cols }] : []),
          { option: '--export spans', path: toFiles(exports.spans) },
          { option: '--export iramuteq', path: toFiles(exports.iramuteq) },
          ...TABLE_KINDS.map((kind) => ({ option: `--export ${kind}`, path: toFiles(exports[kind]) })),
        ],
        files,
      );
      await checkInputs(files);
      // What the run needs, loaded now (the other commands never load it).
      const [{ analyzeFiles, defaultWorkers }, { runStateChunks }, { createProgress }] = await Promise.all([
        import('../../run/analyze-files.js'),
        import('../../run/state-file.js'),
        import('../progress.js'),
      ]);
      const workers = await workersFor(files, opts.workers, context, defaultWorkers);
      const progress = createProgress({ stream: io.stderr, enabled: opts.progress && !io.env.CI, format: m.notes.progress });
      // Like the progress bar: on a terminal, unless --no-progress; scripts and pipes keep a quiet stderr.
      const showColumns = opts.progress && !io.env.CI && io.stderr.isTTY === true;
      const { inputs, options } = await inputRun(files, opts, io, m);
      try {
        const result = await analyzeFiles(inputs, {
          ...options,
          lang: context.lang,
          workers,
          // The bin (dist/cli/bin.js) starts the analysis worker when it is run as one, and says where it is.
          workerScript: workerScript ?? fileURLToPath(import.meta.url),
          examples: opts.examples,
          topWords: opts.top,
          maxVocabulary: opts.vocabulary,
          maxChannels: opts.maxChannels,
          period: opts.period,
          ...(opts.maxPeriods !== undefined ? { maxPeriods: opts.maxPeriods } : {}),
          ...(opts.annotate ? { annotate: opts.annotate === '-' ? io.stdout : opts.annotate } : {}),
          ...(opts.annotateFormat ? { annotateFormat: opts.annotateFormat } : {}),
          ...(opts.annotateText === true ? { annotateText: true } : {}),
          ...(opts.rejects ? { rejects: opts.rejects === '-' ? io.stdout : opts.rejects } : {}),
          ...(exports.dfm !== undefined ? { dfm: exports.dfm === '-' ? io.stdout : exports.dfm, dfmFeatures: opts.dfmFeatures } : {}),
          ...(exports.spans !== undefined ? { spans: exports.spans === '-' ? io.stdout : exports.spans } : {}),
          ...(exports.iramuteq !== undefined ? { iramuteq: exports.iramuteq === '-' ? io.stdout : exports.iramuteq, iramuteqVariables: opts.iramuteqVars ?? [] } : {}),
          tables: Object.fromEntries(TABLE_KINDS.filter((kind) => exports[kind] !== undefined).map((kind) => [kind, exports[kind] === '-' ? io.stdout : (exports[kind] as string)])),
          ...(opts.by !== undefined ? { groupBy: opts.by } : {}),
          // The columns each input is read with, said before the first row (where the progress bar would be).
          ...(showColumns || options.onColumns !== undefined
            ? {
                onColumns: (used: ColumnsUsed) => {
                  if (showColumns) io.stderr.write(`verbatim: ${escapeForTerminal(m.notes.columns(used), true)}\n`);
                  options.onColumns?.(used);
                },
              }
            : {}),
          keepState: opts.format === 'state',
          onProgress: (n) => progress.tick(n),
        });
        progress.stop();
        const written: Written[] = [
          { kind: 'annotations', path: opts.annotate, ...(opts.annotateFormat !== undefined ? { format: opts.annotateFormat } : {}) },
          { kind: 'rejects', path: opts.rejects, format: 'csv' },
          { kind: 'dfm', path: exports.dfm },
          ...(matrix ? [{ kind: 'dfm', path: matrix.rows } as const, { kind: 'dfm', path: matrix.cols } as const] : []),
          { kind: 'spans', path: exports.spans },
          { kind: 'iramuteq', path: exports.iramuteq },
        ];
        if (result.state) {
          // A part with no row, or with every row rejected, still has its state: the merge counts its rejects.
          await output(io, runStateChunks(result.state), opts.out);
          await sayWritten(context, [{ kind: 'state', path: opts.out, format: 'state' }, ...written]);
          return;
        }
        const { summary } = result.report;
        if (summary.analysed === 0) {
          // A failed run writes no report: stdout stays empty, the reasons go to stderr (the rows to --rejects).
          const reasons = firstReasons(m, summary.rejectsByReason);
          io.stderr.write(`verbatim: ${escapeForTerminal(m.notes.nothingAnalysed(summary.rejected, reasons, opts.rejects === undefined))}\n`);
          await sayWritten(context, written);
          setExitCode(EXIT.input);
          return;
        }
        await output(io, await reportBody(result.report, opts.format as ReportFormat, labels), opts.out);
        await sayWritten(context, [{ kind: 'report', path: opts.out, format: opts.format }, ...written]);
        sayChannelsMerged(context, summary);
      } finally {
        progress.stop();
      }
    });
}

interface AnalyzeCliOptions extends InputCliOptions, ReportLabelCliOptions {
  format: CliReportFormat;
  out?: string;
  annotate?: string;
  annotateFormat?: 'csv' | 'jsonl';
  annotateText?: boolean;
  rejects?: string;
  export?: string[];
  dfmFeatures: 'words' | 'lemmas' | 'concepts';
  iramuteqVars?: string[];
  by?: string;
  examples: number;
  top: number;
  vocabulary: number | 'exact';
  maxChannels: number | 'all';
  period: 'month' | 'week';
  maxPeriods?: number | 'all';
  progress: boolean;
  workers: string;
}

/**
 * Standard output carries one stream: two outputs on stdout are refused
 * before anything is read.
 */
function checkStreams(opts: AnalyzeCliOptions, exports: Partial<Record<ExportKind, string>>): void {
  const users = stdoutUsers([
    { option: '--out', path: opts.out, report: true },
    { option: '--annotate', path: opts.annotate },
    { option: '--rejects', path: opts.rejects },
    ...EXPORT_KINDS.map((kind) => ({ option: `--export ${kind}`, path: exports[kind] })),
  ]);
  if (users.length > 1) {
    throw usageError('oneStdoutStream', users, `report.${opts.format === 'state' ? 'state.json' : opts.format === 'table' ? 'txt' : opts.format}`);
  }
}

