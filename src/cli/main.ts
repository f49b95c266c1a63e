import { Command, CommanderError, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import {
  analyze,
  checkThresholds,
  createAnalyzer,
  evaluate,
  LexiconError,
  parseGoldJsonl,
  renderEvalReport,
  renderReport,
  findSector,
  suggestSectors,
  sectorNames,
  tokenize,
} from '../index.js';
import type { Analyzer, EvaluateOptions, Match, ReportFormat } from '../index.js';
import { loadLexiconFiles, InputError, readVerbatims } from '../io/index.js';
import { analyzeFiles, defaultWorkers } from '../run/analyze-files.js';
import { spoolInputs } from '../io/spool.js';
import { writeFileAtomic } from '../io/write.js';
import { escapeForTerminal } from '../_utils/display.js';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { checkInputs, checkOutputs, OutputError } from './checks.js';
import { createProgress } from './progress.js';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  stdin?: NodeJS.ReadableStream;
}

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** eval below --fail-under, lexicon check found problems */
  failed: 1,
  /** bad command line */
  usage: 2,
  /** an input is missing, unreadable or invalid (or no row could be analysed), or a lexicon is invalid */
  input: 3,
  /** an output cannot be written: missing folder, no permission, one of the inputs, disk full */
  output: 4,
  /** a bug: please report it */
  internal: 70,
} as const;

const FORMATS = ['table', 'md', 'json', 'csv', 'html'] as const;

const EXAMPLES = `
Examples:
  $ verbatim analyze corpora/sample.csv
  $ verbatim analyze export.csv --text Commentaire --channel Canal --format md --out rapport.md
  $ verbatim analyze avis.csv chats.jsonl --channel "avis google" --format html --out rapport.html
  $ verbatim analyze export.xlsx --annotate codage.csv --rejects rejets.csv --format json --out rapport.json
  $ cat export.csv | verbatim analyze - --format json
  $ verbatim eval gold.jsonl --fail-under themes=0.8,irritants=0.7
  $ verbatim tokenize "J'ai attendu 3 semaines, pk ?"
  $ verbatim lexicon check mon-lexique.yml
`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new CommanderError(EXIT.usage, 'verbatim.usage', `${name} expects a whole number, got "${value}"`);
    return n;
  };
}

async function buildAnalyzer(lexiconPaths: string[], includeDefault: boolean, language: string, sectors: string[] = []): Promise<Analyzer> {
  const layers = lexiconPaths.length > 0 ? await loadLexiconFiles(lexiconPaths) : [];
  return createAnalyzer({ lexicons: layers, includeDefault, defaultLanguage: language, sectors: checkSectors(sectors) });
}

/**
 * `--sector auto`: the layer the first 500 verbatims read like most, when a
 * fifth of them at least use its words; said on stderr, as it was asked for.
 */
async function autoSectors(io: CliIo, files: string[], opts: AnalyzeCliOptions): Promise<string[]> {
  const named = checkSectors(opts.sector.filter((s) => s !== 'auto'));
  if (files.includes('-')) throw new CommanderError(EXIT.usage, 'verbatim.usage', '--sector auto reads the input twice: give a file, not standard input');
  const [best] = suggestSectors(await firstTexts(files, opts.text, 500), { minShare: AUTO_SECTOR_SHARE });
  io.stderr.write(best === undefined
    ? `verbatim: --sector auto: no sector layer fits (none is used by ${AUTO_SECTOR_SHARE * 100} % of the first verbatims)\n`
    : `verbatim: --sector auto: ${best.sector} (its terms fire in ${Math.round(best.share * 100)} % of the first verbatims)\n`);
  return best === undefined || named.includes(best.sector) ? named : [...named, best.sector];
}
const AUTO_SECTOR_SHARE = 0.2;

/** The first `n` texts of the inputs (rejected rows skipped), for a quick look before the analysis. */
async function firstTexts(files: string[], text: string | undefined, n: number, stdin?: NodeJS.ReadableStream): Promise<string[]> {
  const texts: string[] = [];
  const spooled = await spoolInputs(files.map((path) => (text !== undefined ? { path, text } : { path })), stdin);
  try {
    for await (const item of readVerbatims(spooled.specs)) {
      if (item.type === 'verbatim') texts.push(item.verbatim.text);
      if (texts.length >= n) break;
    }
  } finally {
    await spooled.cleanup();
  }
  return texts;
}

/** Sector names as given, or a usage error naming the known ones. */
function checkSectors(names: string[]): string[] {
  const known = sectorNames();
  for (const name of names) {
    if (!known.includes(name)) throw new CommanderError(EXIT.usage, 'verbatim.usage', `unknown sector "${name}"; known sectors: ${known.join(', ')}`);
  }
  return names;
}

/** Writes the result to `out` (through a temporary file renamed at the end) or to stdout, and waits until it is written. */
async function output(io: CliIo, text: string, out: string | undefined): Promise<void> {
  if (out) {
    await writeFileAtomic(out, text).catch((error: unknown) => {
      throw writeProblem(error, out);
    });
    return;
  }
  await new Promise<void>((resolve, reject) => {
    io.stdout.write(text.endsWith('\n') ? text : `${text}\n`, (error) => (error ? reject(writeProblem(error, undefined)) : resolve()));
  });
}

/** Standard output closed by the reader (`| head`): a normal, quiet end. */
class ClosedOutput extends Error {}

/** An error met while writing, as what the user can act on. */
function writeProblem(error: unknown, path: string | undefined): Error {
  const c = (error as NodeJS.ErrnoException | undefined)?.code;
  if (path === undefined && (c === 'EPIPE' || c === 'ERR_STREAM_DESTROYED')) return new ClosedOutput();
  const where = path ?? 'standard output';
  const reason =
    c === 'ENOSPC' ? 'no space left on the device'
    : c === 'EDQUOT' ? 'disk quota exceeded'
    : c === 'EROFS' ? 'read-only file system'
    : c === 'EACCES' || c === 'EPERM' ? 'permission denied'
    : c === 'ENOENT' ? 'the folder does not exist'
    : `cannot write (${c ?? (error instanceof Error ? error.message : String(error))})`;
  return new OutputError(where, reason, 'free some space or write elsewhere; nothing was left half-written');
}

/**
 * Runs the CLI with `argv` (without `node` and the script). Resolves to the
 * exit code; never calls `process.exit`, so it is testable in-process.
 */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let code: number = EXIT.ok;
  // Read before commander so that it works anywhere on the line, even on a bad one.
  const debug = argv.includes('--debug');
  argv = argv.filter((arg) => arg !== '--debug');
  const program = new Command('verbatim')
    .description('Analyse French customer verbatims per channel: concepts, irritants, enchantments, with example verbatims.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXAMPLES)
    .option('--debug', 'show the stack trace of internal errors')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(escapeForTerminal(s)),
    })
    .exitOverride();

  program
    .command('analyze')
    .description('analyse exported verbatim files (CSV/TSV/JSON/JSONL/XLSX) and print the per-channel report')
    .argument('<files...>', 'input files; - reads CSV or JSONL from standard input')
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
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('table'))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--annotate <file>', 'write one row per input row with its coding (.csv or .jsonl)')
    .option('--rejects <file>', 'write skipped rows with their reasons (CSV)')
    .option('--examples <n>', 'example verbatims per concept and irritant', positiveInt('--examples'), 3)
    .option('--top <n>', 'top words and expressions listed', positiveInt('--top'), 20)
    .option('--lang <code>', "corpus' default language for short texts (ISO 639-3)", 'fra')
    .option('--no-mask', 'keep personal data (emails, phones, IBANs, addresses, names…) in the report and --annotate')
    .option('--all-turns', 'in chat transcripts, analyse the agent turns too (default: customer turns only)')
    .addOption(new Option('--period <period>', 'trend period').choices(['month', 'week']).default('month'))
    .addOption(new Option('--scale <scale>', 'score scale').choices(['auto', 'nps', 'stars', 'csat', 'ces']).default('auto'))
    .option('--max-xlsx-size <MB>', 'largest size an XLSX file may inflate to, in MB (zip bomb guard)', positiveInt('--max-xlsx-size'), 256)
    .option('--workers <n>', 'worker threads: a number, or auto (one per core for inputs over 20 MB)', 'auto')
    .option('--no-progress', 'never show the progress bar (it only shows on a terminal, on stderr)')
    .action(async (files: string[], opts: AnalyzeCliOptions) => {
      if (opts.maxXlsxSize < 1) throw new CommanderError(EXIT.usage, 'verbatim.usage', '--max-xlsx-size expects a size in MB of 1 or more');
      // Outputs first, then inputs: a wrong path is found before a long analysis, and nothing is written on a bad run.
      await checkOutputs([{ option: '--out', path: opts.out }, { option: '--annotate', path: opts.annotate }, { option: '--rejects', path: opts.rejects }], files);
      await checkInputs(files);
      const workers = opts.workers === 'auto' ? defaultWorkers(await totalSize(files)) : Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1) throw new CommanderError(EXIT.usage, 'verbatim.usage', `--workers expects a whole number or auto, got "${opts.workers}"`);
      const progress = createProgress({ stream: io.stderr, enabled: opts.progress && !io.env.CI });
      try {
        const result = await analyzeFiles(files, {
          lexicons: opts.lexicon,
          includeDefault: opts.defaultLexicon,
          sectors: opts.sector.includes('auto') ? await autoSectors(io, files, opts) : checkSectors(opts.sector),
          defaultLanguage: opts.lang,
          workers,
          workerScript: fileURLToPath(import.meta.url),
          columns: pickColumns(opts),
          examples: opts.examples,
          topWords: opts.top,
          maskPersonalData: opts.mask,
          allTurns: opts.allTurns === true,
          period: opts.period,
          scale: opts.scale,
          ...(opts.annotate ? { annotate: opts.annotate } : {}),
          ...(opts.rejects ? { rejects: opts.rejects } : {}),
          allowFileRejects: false,
          maxXlsxSize: opts.maxXlsxSize * 1024 * 1024,
          ...(io.stdin ? { stdin: io.stdin } : {}),
          onProgress: (n) => progress.tick(n),
        });
        progress.stop();
        const { summary } = result.report;
        if (summary.analysed === 0) {
          // A failed run writes no report: stdout stays empty, the reasons go to stderr (the rows to --rejects).
          const reasons = summary.rejectsByReason.slice(0, 3).map((r) => `${r.reason}: ${r.count}`).join(', ');
          io.stderr.write(`verbatim: no verbatim could be analysed (${summary.rejected} rows skipped${reasons === '' ? '' : ` — ${escapeForTerminal(reasons)}`}; see --rejects FILE)\n`);
          code = EXIT.input;
          return;
        }
        // Every format through renderReport (HTML gives a promise, the text formats a string).
        const text = await renderReport(result.report, opts.format as ReportFormat);
        await output(io, text, opts.out);
      } finally {
        progress.stop();
      }
    });

  program
    .command('eval')
    .description('score the lexicons against an annotated gold file (JSONL: text, themes, irritants, enchantements, tonalite, intentions)')
    .argument('<gold>', 'gold JSONL file')
    .option('--lexicon <path>', 'extra lexicon file or folder (repeatable)', collect, [] as string[])
    .option('--sector <name>', `sector layer over the default lexicons (repeatable): ${sectorNames().join(', ')}`, collect, [] as string[])
    .option('--gold-sectors', "apply to each gold line the sector layer its \"sector\" field names (banque, transport_rail_air → transport…)")
    .option('--no-default-lexicon', 'use only the --lexicon files')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--fail-under <spec>', 'exit 1 when a micro-F1 (or tonality accuracy) is below, e.g. themes=0.8,irritants=0.7,tonality=0.8')
    .option('--worst <n>', 'worst false positives / negatives listed per family', positiveInt('--worst'), 5)
    .option('--out <file>', 'write the evaluation to a file instead of stdout')
    .action(async (gold: string, opts: EvalCliOptions) => {
      await checkOutputs([{ option: '--out', path: opts.out }], [gold]);
      await checkInputs([gold]);
      const analyzer = await buildAnalyzer(opts.lexicon, opts.defaultLexicon, 'fra', opts.sector);
      const records = parseGoldJsonl(await readFile(gold, 'utf8'), gold);
      const options: EvaluateOptions = { examples: opts.worst };
      if (opts.goldSectors === true) {
        const layers = opts.lexicon.length > 0 ? await loadLexiconFiles(opts.lexicon) : [];
        const bySector = new Map<string, Analyzer>();
        options.analyzerFor = (g) => {
          const sector = g.sector === undefined ? undefined : findSector(g.sector);
          if (sector === undefined) return analyzer;
          let a = bySector.get(sector);
          if (a === undefined) {
            a = createAnalyzer({ lexicons: layers, includeDefault: opts.defaultLexicon, sectors: [...opts.sector, sector] });
            bySector.set(sector, a);
          }
          return a;
        };
      }
      const report = evaluate(records, analyzer, options);
      await output(io, renderEvalReport(report, opts.format), opts.out);
      if (opts.failUnder) {
        const failures = checkThresholds(report, opts.failUnder);
        for (const failure of failures) io.stderr.write(`verbatim eval: ${failure.message}\n`);
        if (failures.length > 0) code = EXIT.failed;
      }
    });

  program
    .command('sectors')
    .description('which sector layers a corpus reads like: share of its first verbatims where a term of the layer fires')
    .argument('<files...>', 'input files (as for analyze); - reads standard input')
    .option('--text <column>', 'column holding the verbatim (default: auto-detected)')
    .option('--sample <n>', 'verbatims read at most', positiveInt('--sample'), 500)
    .action(async (files: string[], opts: { text?: string; sample: number }) => {
      await checkInputs(files);
      const suggestions = suggestSectors(await firstTexts(files, opts.text, opts.sample, io.stdin), { sample: opts.sample, minShare: 0 });
      const lines = suggestions.map((s) => `${s.sector.padEnd(20)} ${String(Math.round(s.share * 100)).padStart(3)} %  (${s.verbatims})`);
      await output(io, [`sector               share  (verbatims of ${opts.sample} at most)`, ...lines].join('\n'), undefined);
    });

  program
    .command('tokenize')
    .description('show the tokens of a text (quick check of the French text layer)')
    .argument('[text...]', 'text to tokenize (default: standard input)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--lexicon <path>', 'also show lexicon matches with these layers over the default (repeatable)', collect, [] as string[])
    .action(async (words: string[], opts: { format: string; lexicon: string[] }) => {
      const text = words.length > 0 ? words.join(' ') : await readAll(io.stdin);
      const tokens = tokenize(text);
      const analyzer = await buildAnalyzer(opts.lexicon, true, 'fra');
      const analysis = analyze({ id: 'cli', text }, analyzer);
      if (opts.format === 'json') {
        await output(io, JSON.stringify({ tokens, matches: analysis.matches, tonality: analysis.tonality, language: analysis.language }, null, 2), undefined);
        return;
      }
      const rows = tokens.map((t) => `${String(t.start).padStart(5)}-${String(t.end).padEnd(5)} ${t.kind.padEnd(8)} ${JSON.stringify(t.text).padEnd(24)} ${t.norm}`);
      const matches = analysis.matches.map((m: Match) => `  ${m.kind.padEnd(11)} ${m.id.padEnd(28)} ${JSON.stringify(m.text)}${m.negated ? ' (negated)' : ''}`);
      await output(io, [...rows, '', `words: ${analysis.words}  language: ${analysis.language}  tonality: ${analysis.tonality}`, 'matches:', ...(matches.length ? matches : ['  (none)'])].join('\n'), undefined);
    });

  const lexicon = program.command('lexicon').description('lexicon tools');
  lexicon
    .command('check')
    .description('validate lexicon files or folders (YAML/JSON); prints every problem with file, line and column')
    .argument('<paths...>', 'lexicon files or folders')
    .option('--no-default-lexicon', 'check the files alone, not layered over the default')
    .action(async (paths: string[], opts: { defaultLexicon: boolean }) => {
      const layers = await loadLexiconFiles(paths);
      const analyzer = createAnalyzer({ lexicons: layers, includeDefault: opts.defaultLexicon });
      const counts = new Map<string, number>();
      for (const entry of analyzer.lexicon.entries) counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1);
      const summary = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
      io.stdout.write(`ok: ${paths.join(', ')} — ${summary}\n`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, io, debug);
  }
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
  rejects?: string;
  examples: number;
  top: number;
  lang: string;
  mask: boolean;
  allTurns?: boolean;
  period: 'month' | 'week';
  scale: 'auto' | 'nps' | 'stars' | 'csat' | 'ces';
  progress: boolean;
  workers: string;
  maxXlsxSize: number;
}

interface EvalCliOptions {
  lexicon: string[];
  sector: string[];
  goldSectors?: boolean;
  defaultLexicon: boolean;
  format: 'text' | 'json';
  failUnder?: string;
  worst: number;
  out?: string;
}

function pickColumns(opts: AnalyzeCliOptions) {
  const columns: Record<string, string | string[]> = {};
  for (const key of ['text', 'channel', 'id', 'date', 'score', 'author'] as const) {
    const value = opts[key];
    if (value !== undefined) columns[key] = value;
  }
  if (opts.agentAuthor.length > 0) columns['agentAuthors'] = opts.agentAuthor;
  return columns;
}

async function totalSize(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += file === '-' ? 0 : await stat(file).then((s) => s.size, () => 0);
  return total;
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One clear message on stderr and an exit code. A stack trace only for a bug,
 * and only with --debug. Everything echoed is escaped for the terminal.
 */
export function reportError(error: unknown, io: CliIo, debug = false): number {
  const say = (message: string): void => {
    io.stderr.write(`verbatim: ${escapeForTerminal(message.replace(/^verbatim-fr: /, ''))}\n`);
  };
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    if (error.code === 'verbatim.usage') say(error.message);
    return EXIT.usage;
  }
  if (error instanceof ClosedOutput) return EXIT.ok;
  if (error instanceof LexiconError || error instanceof InputError) {
    say(error.message);
    return EXIT.input;
  }
  if (error instanceof OutputError) {
    say(`cannot write ${error.message}`);
    return EXIT.output;
  }
  const e = error as NodeJS.ErrnoException | undefined;
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EISDIR' || e.code === 'ENOTDIR') {
      say(`cannot open ${e.path ?? 'a file'} (${e.code})\n    hint: check the path and the permissions`);
      return EXIT.input;
    }
    if (e.code === 'ENOSPC' || e.code === 'EDQUOT' || e.code === 'EROFS' || e.code === 'EPIPE') {
      say(`cannot write ${e.path ?? 'an output'} (${e.code})\n    hint: free some space or write elsewhere`);
      return EXIT.output;
    }
  }
  const summary = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  say(`internal error — please report it with the command you ran: ${summary}`);
  if (debug) io.stderr.write(`${escapeForTerminal(error instanceof Error ? (error.stack ?? summary) : summary)}\n`);
  else io.stderr.write('    (run again with --debug to see where it happened)\n');
  return EXIT.internal;
}

function defaultIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin };
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
