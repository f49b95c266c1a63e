// verbatim analyze: the per-channel report of exported files.
import { Option, type Command } from 'commander';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ReportFormat } from '../../index.js';
import type { InputFormat, InputSpec } from '../../io/index.js';
import { sectorNames } from '../../lexicon/defaults.js';
import { escapeForTerminal } from '../../_utils/display.js';
import { checkSectors, collect, positiveInt, usageError } from '../args.js';
import { checkInputs, checkOutputs } from '../checks.js';
import { EXIT, type CliIo, type CommandContext } from '../context.js';
import { output, stdoutUsers } from '../output.js';
import { firstTexts } from '../read.js';

const FORMATS = ['table', 'md', 'json', 'csv', 'html', 'state'] as const;
const INPUT_FORMATS = ['csv', 'tsv', 'json', 'jsonl', 'xlsx'] as const;
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
  program
    .command('analyze')
    .description('analyse exported verbatim files (CSV/TSV/JSON/JSONL/XLSX) and print the per-channel report')
    .argument('[files...]', 'input files; - (or none) reads CSV, TSV or JSONL from standard input as it comes', ['-'])
    .option('--text <column>', 'column holding the verbatim (default: auto-detected)')
    .option('--channel <column|name>', 'channel column, or a channel name for the whole input')
    .option('--id <column>', 'id column (default: auto-detected, else file:row)')
    .option('--date <column>', 'date column (default: auto-detected)')
    .option('--score <column>', 'score column: NPS 0-10, stars 1-5 (default: auto-detected)')
    .option('--author <column>', 'author/role column: rows by the brand or an agent are counted apart (default: auto-detected: role, type auteur…)')
    .option('--agent-author <value>', 'an author value meaning the brand (its account name), beyond marque/agent/réponse… (repeatable)', collect, [] as string[])
    .option('--lexicon <path>', 'extra lexicon file or folder, layered over the default (repeatable)', collect, [] as string[])
    .option('--sector <name>', `sector layer over the default lexicons (repeatable), or auto: ${sectorNames().join(', ')}`, collect, [] as string[])
    .option('--no-default-lexicon', 'use only the --lexicon files')
    .addOption(new Option('--format <format>', 'report format; state: the mergeable state of the run, for verbatim merge').choices(FORMATS).default('table'))
    .option('--out <file>', 'write the report to a file instead of stdout (- : stdout)')
    .option('--annotate <file>', 'write one row per input row with its coding (.csv or .jsonl; - : stdout, as rows come)')
    .addOption(new Option('--annotate-format <format>', 'format of --annotate (default: from the extension; jsonl for -)').choices(['csv', 'jsonl']))
    .option('--rejects <file>', 'write skipped rows with their reasons (CSV; - : stdout)')
    .addOption(new Option('--input-format <format>', 'format of the inputs (default: from the extension, else sniffed from the first bytes)').choices(INPUT_FORMATS))
    .option('--encoding <name>', 'encoding of the inputs: utf8, windows-1252, utf16le… (default: detected)')
    .option('--stdin-name <name>', 'name of standard input in rejects, annotations and default ids (default: -, ids stdin:ROW)')
    .option('--examples <n>', 'example verbatims per concept and irritant', positiveInt('--examples'), 3)
    .option('--top <n>', 'top words and expressions listed', positiveInt('--top'), 20)
    .option(
      '--vocabulary <n|exact>',
      'words and expressions kept per channel: exact until a table holds 2n, then approximate counts within a stated bound (summary.maxUndercount); exact keeps them all',
      vocabulary,
      DEFAULT_VOCABULARY,
    )
    .option('--lang <code>', "corpus' default language for short texts (ISO 639-3)", 'fra')
    .option('--no-mask', 'keep personal data (emails, phones, IBANs, addresses, names…) in the report and --annotate')
    .option('--all-turns', 'in chat transcripts, analyse the agent turns too (default: customer turns only)')
    .addOption(new Option('--period <period>', 'trend period').choices(['month', 'week']).default('month'))
    .addOption(new Option('--scale <scale>', 'score scale').choices(['auto', 'nps', 'stars', 'csat', 'ces']).default('auto'))
    .option('--max-xlsx-size <MB>', 'largest size an XLSX file may inflate to, in MB (zip bomb guard)', positiveInt('--max-xlsx-size'), 256)
    .option('--workers <n>', 'worker threads: a number, or auto (one per core for inputs over 20 MB)', 'auto')
    .option('--no-progress', 'never show the progress bar (it only shows on a terminal, on stderr)')
    .action(async (files: string[], opts: AnalyzeCliOptions) => {
      if (opts.maxXlsxSize < 1) throw usageError('--max-xlsx-size expects a size in MB of 1 or more');
      if (files.length === 1 && files[0] === '-' && (io.stdin as { isTTY?: boolean } | undefined)?.isTTY === true) {
        throw usageError('no input: give files to analyse, or pipe CSV or JSONL into standard input (cat export.csv | verbatim analyze -)');
      }
      await checkStreams(files, opts);
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
      const stdin = io.stdin ?? process.stdin;
      const inputs: Array<string | InputSpec> = files.map((f) => (f === '-' && opts.stdinName !== undefined ? { path: opts.stdinName, stream: stdin } : f));
      try {
        const result = await analyzeFiles(inputs, {
          lexicons: opts.lexicon,
          includeDefault: opts.defaultLexicon,
          sectors: opts.sector.includes('auto') ? await autoSectors(io, files, opts) : checkSectors(opts.sector),
          defaultLanguage: opts.lang,
          workers,
          // The bin (dist/cli/bin.js) starts the analysis worker when it is run as one, and says where it is.
          workerScript: workerScript ?? fileURLToPath(import.meta.url),
          columns: pickColumns(opts),
          examples: opts.examples,
          topWords: opts.top,
          ...(opts.vocabulary === 'exact' ? {} : { maxVocabulary: opts.vocabulary }),
          maskPersonalData: opts.mask,
          allTurns: opts.allTurns === true,
          period: opts.period,
          scale: opts.scale,
          ...(opts.annotate ? { annotate: opts.annotate === '-' ? io.stdout : opts.annotate } : {}),
          ...(opts.annotateFormat ? { annotateFormat: opts.annotateFormat } : {}),
          ...(opts.rejects ? { rejects: opts.rejects === '-' ? io.stdout : opts.rejects } : {}),
          allowFileRejects: false,
          maxXlsxSize: opts.maxXlsxSize * 1024 * 1024,
          stdin,
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

interface AnalyzeCliOptions {
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
  format: string;
  out?: string;
  annotate?: string;
  annotateFormat?: 'csv' | 'jsonl';
  rejects?: string;
  inputFormat?: InputFormat;
  encoding?: string;
  stdinName?: string;
  examples: number;
  top: number;
  vocabulary: number | 'exact';
  lang: string;
  mask: boolean;
  allTurns?: boolean;
  period: 'month' | 'week';
  scale: 'auto' | 'nps' | 'stars' | 'csat' | 'ces';
  progress: boolean;
  workers: string;
  maxXlsxSize: number;
}

/**
 * `--sector auto`: the layer the first 500 verbatims read like most, when a
 * fifth of them at least use its words; said on stderr, as it was asked for.
 */
async function autoSectors(io: CliIo, files: string[], opts: AnalyzeCliOptions): Promise<string[]> {
  const named = checkSectors(opts.sector.filter((s) => s !== 'auto'));
  if (files.includes('-')) throw usageError('--sector auto reads the input twice: give a file, not standard input');
  const { suggestSectors } = await import('../../analyze/sectors.js');
  const [best] = suggestSectors(await firstTexts(files, opts.text, 500), { minShare: AUTO_SECTOR_SHARE });
  io.stderr.write(best === undefined
    ? `verbatim: --sector auto: no sector layer fits (none is used by ${AUTO_SECTOR_SHARE * 100} % of the first verbatims)\n`
    : `verbatim: --sector auto: ${best.sector} (its terms fire in ${Math.round(best.share * 100)} % of the first verbatims)\n`);
  return best === undefined || named.includes(best.sector) ? named : [...named, best.sector];
}
const AUTO_SECTOR_SHARE = 0.2;

/**
 * Standard input is read once and standard output carries one stream: `-`
 * given twice as input, or two outputs on stdout, are refused before anything
 * is read.
 */
async function checkStreams(files: string[], opts: AnalyzeCliOptions): Promise<void> {
  if (files.filter((f) => f === '-').length > 1) throw usageError('standard input (-) is given twice: it can be read once');
  if (opts.stdinName !== undefined && !files.includes('-')) throw usageError('--stdin-name names standard input, which is not read: give - as an input');
  const users = stdoutUsers([{ option: '--out', path: opts.out, report: true }, { option: '--annotate', path: opts.annotate }, { option: '--rejects', path: opts.rejects }]);
  if (users.length > 1) {
    throw usageError(`standard output can carry one stream, not ${users.join(' and ')}: write the others to files (e.g. --out report.${opts.format === 'state' ? 'state.json' : opts.format === 'table' ? 'txt' : opts.format})`);
  }
  if (opts.encoding !== undefined && !(await import('iconv-lite')).default.encodingExists(opts.encoding)) {
    throw usageError(`--encoding: unknown encoding "${opts.encoding}" (utf8, windows-1252, iso-8859-15, utf16le… are known)`);
  }
}

function pickColumns(opts: AnalyzeCliOptions) {
  const columns: Record<string, string | string[]> = {};
  for (const key of ['text', 'channel', 'id', 'date', 'score', 'author'] as const) {
    const value = opts[key];
    if (value !== undefined) columns[key] = value;
  }
  if (opts.agentAuthor.length > 0) columns['agentAuthors'] = opts.agentAuthor;
  if (opts.inputFormat !== undefined) columns['format'] = opts.inputFormat;
  if (opts.encoding !== undefined) columns['encoding'] = opts.encoding;
  return columns;
}

async function totalSize(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += file === '-' ? 0 : await stat(file).then((s) => s.size, () => 0);
  return total;
}
