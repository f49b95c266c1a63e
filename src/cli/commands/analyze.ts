// verbatim analyze: the per-channel report of exported files.
import { Option, type Command } from 'commander';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ReportFormat } from '../../index.js';
import { escapeForTerminal } from '../../_utils/display.js';
import { positiveInt, usageError } from '../args.js';
import { checkInputs, checkOutputs } from '../checks.js';
import { EXIT, type CommandContext } from '../context.js';
import { addInputOptions, checkInputOptions, inputRun, type InputCliOptions } from '../inputs.js';
import { output, stdoutUsers } from '../output.js';

const FORMATS = ['table', 'md', 'json', 'csv', 'html', 'state'] as const;
/** Words and expressions kept per channel (`maxVocabulary`): tables of at most twice as many terms. */
const DEFAULT_VOCABULARY = 10_000;

/** `--vocabulary`: a number of terms (1 or more), or `exact`. */
function vocabulary(value: string): number | 'exact' {
  if (value === 'exact') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw usageError(`--vocabulary expects a whole number of 1 or more, or exact, got "${value}"`);
  return n;
}

export function analyzeCommand(program: Command, { io, setExitCode, workerScript }: CommandContext): void {
  const command = program
    .command('analyze')
    .description('analyse exported verbatim files (CSV/TSV/JSON/JSONL/XLSX) and print the per-channel report')
    .argument('[files...]', 'input files; - (or none) reads CSV, TSV or JSONL from standard input as it comes', ['-']);
  addInputOptions(command)
    .addOption(new Option('--format <format>', 'report format; state: the mergeable state of the run, for verbatim merge').choices(FORMATS).default('table'))
    .option('--out <file>', 'write the report to a file instead of stdout (- : stdout)')
    .option('--annotate <file>', 'write one row per input row with its coding (.csv or .jsonl; - : stdout, as rows come)')
    .addOption(new Option('--annotate-format <format>', 'format of --annotate (default: from the extension; jsonl for -)').choices(['csv', 'jsonl']))
    .option('--rejects <file>', 'write skipped rows with their reasons (CSV; - : stdout)')
    .option('--examples <n>', 'example verbatims per concept and irritant', positiveInt('--examples'), 3)
    .option('--top <n>', 'top words and expressions listed', positiveInt('--top'), 20)
    .option(
      '--vocabulary <n|exact>',
      'words and expressions kept per channel: exact until a table holds 2n, then approximate counts within a stated bound (summary.maxUndercount); exact keeps them all',
      vocabulary,
      DEFAULT_VOCABULARY,
    )
    .addOption(new Option('--period <period>', 'trend period').choices(['month', 'week']).default('month'))
    .option('--workers <n>', 'worker threads: a number, or auto (one per core for inputs over 20 MB)', 'auto')
    .option('--no-progress', 'never show the progress bar (it only shows on a terminal, on stderr)')
    .action(async (files: string[], opts: AnalyzeCliOptions) => {
      await checkInputOptions(files, opts, io, 'analyze');
      checkStreams(opts);
      // Outputs first, then inputs: a wrong path is found before a long analysis, and nothing is written on a bad run.
      const toFiles = (path: string | undefined): string | undefined => (path === '-' ? undefined : path);
      await checkOutputs([{ option: '--out', path: toFiles(opts.out) }, { option: '--annotate', path: toFiles(opts.annotate) }, { option: '--rejects', path: toFiles(opts.rejects) }], files);
      await checkInputs(files);
      // What the run needs, loaded now (the other commands never load it).
      const [{ analyzeFiles, defaultWorkers }, { stringifyRunState }, { renderReport }, { createProgress }] = await Promise.all([
        import('../../run/analyze-files.js'),
        import('../../run/state-file.js'),
        import('../../report/index.js'),
        import('../progress.js'),
      ]);
      const workers = opts.workers === 'auto' ? defaultWorkers(await totalSize(files)) : Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1) throw usageError(`--workers expects a whole number or auto, got "${opts.workers}"`);
      const progress = createProgress({ stream: io.stderr, enabled: opts.progress && !io.env.CI });
      const { inputs, options } = await inputRun(files, opts, io);
      try {
        const result = await analyzeFiles(inputs, {
          ...options,
          workers,
          // The bin (dist/cli/bin.js) starts the analysis worker when it is run as one, and says where it is.
          workerScript: workerScript ?? fileURLToPath(import.meta.url),
          examples: opts.examples,
          topWords: opts.top,
          ...(opts.vocabulary === 'exact' ? {} : { maxVocabulary: opts.vocabulary }),
          period: opts.period,
          ...(opts.annotate ? { annotate: opts.annotate === '-' ? io.stdout : opts.annotate } : {}),
          ...(opts.annotateFormat ? { annotateFormat: opts.annotateFormat } : {}),
          ...(opts.rejects ? { rejects: opts.rejects === '-' ? io.stdout : opts.rejects } : {}),
          keepState: opts.format === 'state',
          onProgress: (n) => progress.tick(n),
        });
        progress.stop();
        if (result.state) {
          // A part with no row, or with every row rejected, still has its state: the merge counts its rejects.
          await output(io, `${stringifyRunState(result.state)}\n`, opts.out);
          return;
        }
        const { summary } = result.report;
        if (summary.analysed === 0) {
          // A failed run writes no report: stdout stays empty, the reasons go to stderr (the rows to --rejects).
          const reasons = summary.rejectsByReason.slice(0, 3).map((r) => `${r.reason}: ${r.count}`).join(', ');
          io.stderr.write(`verbatim: no verbatim could be analysed (${summary.rejected} rows skipped${reasons === '' ? '' : ` — ${escapeForTerminal(reasons)}`}; see --rejects FILE)\n`);
          setExitCode(EXIT.input);
          return;
        }
        // Every format through renderReport (HTML gives a promise, the text formats a string).
        const text = await renderReport(result.report, opts.format as ReportFormat);
        await output(io, text, opts.out);
      } finally {
        progress.stop();
      }
    });
}

interface AnalyzeCliOptions extends InputCliOptions {
  format: string;
  out?: string;
  annotate?: string;
  annotateFormat?: 'csv' | 'jsonl';
  rejects?: string;
  examples: number;
  top: number;
  vocabulary: number | 'exact';
  period: 'month' | 'week';
  progress: boolean;
  workers: string;
}

/**
 * Standard output carries one stream: two outputs on stdout are refused
 * before anything is read.
 */
function checkStreams(opts: AnalyzeCliOptions): void {
  const users = stdoutUsers([{ option: '--out', path: opts.out, report: true }, { option: '--annotate', path: opts.annotate }, { option: '--rejects', path: opts.rejects }]);
  if (users.length > 1) {
    throw usageError(`standard output can carry one stream, not ${users.join(' and ')}: write the others to files (e.g. --out report.${opts.format === 'state' ? 'state.json' : opts.format === 'table' ? 'txt' : opts.format})`);
  }
}

async function totalSize(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += file === '-' ? 0 : await stat(file).then((s) => s.size, () => 0);
  return total;
}
