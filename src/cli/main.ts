// The `verbatim` command line: the program, its commands (one file each in
// commands/), and how every error ends (a message, an exit code).
import { Command, CommanderError } from 'commander';
import { InputError } from '../io/errors.js';
import { LexiconError } from '../lexicon/errors.js';
import { escapeForTerminal } from '../_utils/display.js';
import { InputsError, OutputError } from './checks.js';
import { UsageError, usageError } from './args.js';
import { configureHelpLanguage, translateCommanderError, translateHelp } from './help.js';
import { chooseLang } from './lang.js';
import { chooseHeapGrowth } from './heap.js';
import { chooseTierUp, lateTierUp } from './jit.js';
import { cliMessages, type CliLang, type CliMessages } from './messages.js';
import { analyzeCommand, joinExportArgs } from './commands/analyze.js';
import { discoverCommand } from './commands/discover.js';
import { kwicCommand } from './commands/kwic.js';
import { evalCommand } from './commands/eval.js';
import { lexiconCommand } from './commands/lexicon.js';
import { mergeCommand } from './commands/merge.js';
import { queueCommand } from './commands/queue.js';
import { sectorsCommand } from './commands/sectors.js';
import { tokenizeCommand } from './commands/tokenize.js';
import { EXIT, type CliIo, type CommandContext } from './context.js';
import { isClosedOutput } from './output.js';
import { LIBRARY_VERSION as VERSION } from '../run/version.js';
import { QueueError } from '../queue/errors.js';
import { describeScoreScaleIssue, ScoreScaleError } from '../report/scales.js';
import { queueText } from '../queue/messages.js';
import { describeLexiconIssue } from '../lexicon/messages.js';
import { describeInputIssue } from '../io/issue-messages.js';
import { describeGoldIssue, GoldError } from '../analyze/gold.js';

export { EXIT, type CliIo } from './context.js';

/** The commands, in the order `--help` lists them. */
const COMMANDS = [analyzeCommand, discoverCommand, kwicCommand, mergeCommand, queueCommand, evalCommand, sectorsCommand, tokenizeCommand, lexiconCommand];

const EXAMPLES = `
  $ verbatim analyze corpora/sample.csv
  $ verbatim analyze export.csv --text Commentaire --channel Canal --format md --out rapport.md
  $ verbatim analyze avis.csv chats.jsonl --channel "avis google" --format html --out rapport.html
  $ verbatim analyze export.xlsx --annotate codage.csv --rejects rejets.csv --format json --out rapport.json
  $ cat export.csv | verbatim analyze - --format json
  $ verbatim analyze part-1.csv --format state --out part-1.state.json
  $ verbatim merge part-*.state.json --format html --out rapport.html
  $ cat avis.jsonl | verbatim analyze - --annotate - --out rapport.md | head -1
  $ verbatim discover avis.csv --draft candidats.yml
  $ verbatim kwic "stem:rembourser {0,3} jamais" avis.csv --entry remboursement
  $ verbatim eval gold.jsonl --fail-under themes=0.8,irritants=0.7
  $ verbatim tokenize "J'ai attendu 3 semaines, pk ?"
  $ verbatim lexicon check mon-lexique.yml
  $ verbatim --lang en analyze avis.csv --out report.html --format html
`;

/** The commands that may analyse in worker threads (`--workers`): they tell `main` how many do, through `workersFor`. */
const THREADED_COMMANDS = new Set(['analyze', 'discover']);

/** Options of `main`. */
export interface MainOptions {
  /** The script that starts an analysis worker (the `verbatim` bin, which is one): needed for `--workers` above 1. */
  workerScript?: string;
  /**
   * Sets the V8 heap's growth between full collections, in percent, for the
   * whole process (the bin passes `setHeapGrowth`; in-process callers, such
   * as the tests, leave their own heap alone). Called with what
   * `VERBATIM_HEAP_GROWTH` asks (see chooseHeapGrowth), before any command runs.
   */
  setHeapGrowth?: (percent: number) => void;
  /**
   * Delays V8's optimising compiler for the whole process (the bin passes
   * `setLateTierUp`; in-process callers leave their engine alone). Called
   * when `VERBATIM_JIT` and the size of a command's input ask for it (see
   * lateTierUp), before the command analyses.
   */
  setLateTierUp?: () => void;
  /**
   * Caps the main thread's young generation while worker threads analyse
   * (`true`; see capMainYoungGeneration), or lets V8 grow them all (`false`).
   * The bin keeps them at their size from its start, so that loading grows
   * none; `main` caps them when a command analyses in two worker threads or
   * more (the main thread then only reads), and lets them grow otherwise,
   * before the analysis or the command runs, unless `VERBATIM_HEAP_GROWTH`
   * is `off`. In-process callers leave their engine alone.
   */
  capYoungGenerations?: (cap: boolean) => void;
  /**
   * Told how many threads a command keeps busy when it analyses in two
   * worker threads or more (the workers and the reading thread), before the
   * analysis runs, unless `VERBATIM_HEAP_GROWTH` is `off`: the bin then
   * scavenges each heap on its own thread when they outnumber the cores (see
   * scavengeAlone). In-process callers leave their engine alone.
   */
  tuneScavenges?: (threads: number) => void;
}

/**
 * Runs the CLI with `argv` (without `node` and the script). Resolves to the
 * exit code; never calls `process.exit`, so it is testable in-process.
 */
export async function main(argv: string[], io: CliIo = defaultIo(), options: MainOptions = {}): Promise<number> {
  let code: number = EXIT.ok;
  // Read before commander so that they work anywhere on the line, even on a bad one, and so that help and errors are in the chosen language.
  const debug = argv.includes('--debug');
  const quiet = argv.includes('--quiet') || argv.includes('-q');
  const choice = chooseLang(argv.filter((arg) => arg !== '--debug' && arg !== '--quiet' && arg !== '-q'), io.env);
  const { lang } = choice;
  const m = cliMessages(lang);
  if (choice.badValue !== undefined) return reportError(usageError('lang', choice.badValue), io, debug, lang);
  const growth = chooseHeapGrowth(io.env);
  if ('badValue' in growth) return reportError(usageError('heapGrowth', growth.badValue), io, debug, lang);
  if (growth.percent !== undefined) options.setHeapGrowth?.(growth.percent);
  const tierUp = chooseTierUp(io.env);
  if ('badValue' in tierUp) return reportError(usageError('jit', tierUp.badValue), io, debug, lang);
  const tuneForInput = (bytes: number | undefined): void => {
    if (lateTierUp(tierUp.mode, bytes)) options.setLateTierUp?.();
  };
  if (choice.movedCorpusLang !== undefined) io.stderr.write(`verbatim: ${m.notes.warning}${m.colon}${m.notes.langMoved(choice.movedCorpusLang)}\n`);
  argv = joinExportArgs(choice.argv);
  // The bin kept the young generations small while it loaded. With two worker threads or more the main thread only reads, and
  // its young generation is capped; a command that runs here lets it grow (`workersFor` says how many threads analyse).
  const capYoung = (cap: boolean): void => {
    if (growth.percent !== undefined) options.capYoungGenerations?.(cap);
  };
  if (!THREADED_COMMANDS.has(choice.argv.find((arg) => !arg.startsWith('-')) ?? '')) capYoung(false);
  const tuneForWorkers = (count: number): void => {
    capYoung(count >= 2);
    if (count >= 2 && growth.percent !== undefined) options.tuneScavenges?.(count + 1);
  };
  const context: CommandContext = { io, lang, m, quiet, setExitCode: (next) => (code = next), tuneForInput, tuneForWorkers, ...(options.workerScript !== undefined ? { workerScript: options.workerScript } : {}) };
  const program = createProgram(context);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, io, debug, lang);
  }
}

/** The `verbatim` program and its commands, with help and errors in the context's language. */
export function createProgram(context: CommandContext): Command {
  const { io, m } = context;
  const program = new Command('verbatim')
    .description('Analyse French customer verbatims per channel: concepts, irritants, enchantments, with example verbatims.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError(m.errors.seeHelp)
    .addHelpText('after', `\n${m.examples}${EXAMPLES}`)
    // Read by main() before commander (so that a bad line is said in the chosen language): here for the help.
    .option('--lang <fr|en>', 'language of messages, help and reports (default: $VERBATIM_LANG, else fr)')
    .option('-q, --quiet', 'do not say where the outputs were written')
    .option('--debug', 'show the stack trace of internal errors')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(escapeForTerminal(s)),
      outputError: (s, write) => write(translateCommanderError(s, m)),
    })
    .exitOverride();
  configureHelpLanguage(program, m);
  for (const add of COMMANDS) add(program, context);
  translateHelp(program, m);
  return program;
}

/**
 * One clear message on stderr and an exit code. A stack trace only for a bug,
 * and only with --debug. Everything echoed is escaped for the terminal.
 */
export function reportError(error: unknown, io: CliIo, debug = false, lang: CliLang = chooseLang([], io.env).lang): number {
  const m = cliMessages(lang);
  const say = (message: string): void => {
    io.stderr.write(`verbatim: ${escapeForTerminal(message.replace(/^verbatim-fr: /, ''))}\n`);
  };
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    if (error.code === 'verbatim.usage') say(error instanceof UsageError ? error.render(m) : error.message);
    return EXIT.usage;
  }
  // The reader of standard output went away (`| head -1`): a quiet end, whatever was being written.
  if (isClosedOutput(error)) return EXIT.ok;
  if (error instanceof InputError) {
    // StateMergeError (src/run) by name: importing it would load the state files' module at every start.
    const head = error.name === 'StateMergeError' ? m.errors.merge : m.errors.input;
    const issues = (error instanceof InputsError ? error.localIssues(m) : error.issues).map((i) => {
      const text = describeInputIssue(i, lang);
      return { ...text, file: text.file ?? i.file, ...(i.line !== undefined ? { line: i.line } : {}) };
    });
    say(describeIssues(m, head, issues, (i) => (i.line !== undefined ? `${i.file}:${i.line}` : i.file)));
    return EXIT.input;
  }
  if (error instanceof LexiconError) {
    const { importing } = error;
    const head = importing === undefined ? m.errors.lexicon : (n: number) => m.details.importFailed(importing, n);
    const issues = error.issues.map((i) => ({ ...i, ...describeLexiconIssue(i, lang) }));
    say(describeIssues(m, head, issues, (i) => `${i.line > 0 ? `${i.file}:${i.line}:${i.column}` : `${i.file} (${i.path})`}${i.entryId !== undefined ? ` [${i.entryId}]` : ''}`));
    return EXIT.input;
  }
  if (error instanceof GoldError) {
    const issues = error.issues.map((i) => ({ ...i, ...describeGoldIssue(i, lang) }));
    say(describeIssues(m, m.details.gold, issues, (i) => `${i.file}:${i.line}${i.id !== undefined ? ` [${i.id}]` : ''}`));
    return EXIT.input;
  }
  // A declared --scale the scores cannot be on: a usage error, as a bad option is.
  if (error instanceof ScoreScaleError) {
    const scales = [...new Set(error.issues.map((i) => i.scale))].join(', ');
    const issues = error.issues.map((i) => ({ ...i, ...describeScoreScaleIssue(i, lang) }));
    say(describeIssues(m, (n) => m.details.scale(scales, n), issues, (i) => m.details.scaleChannel(i.channel, i.column)));
    return EXIT.usage;
  }
  if (error instanceof QueueError) {
    const { message, hint } = queueText(error.problem, lang);
    say(`${message}\n    ${m.hint}${m.colon}${hint}`);
    return EXIT.unavailable;
  }
  if (error instanceof OutputError) {
    const { reason, hint } = error.problem(m);
    say(m.errors.output(`${error.option === undefined ? '' : `${error.option} `}${error.path ?? m.outputs.standardOutput}`, reason, hint));
    return EXIT.output;
  }
  const e = error as NodeJS.ErrnoException | undefined;
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EISDIR' || e.code === 'ENOTDIR') {
      say(`${m.errors.cannotOpen(e.path, e.code)}\n    ${m.hint}${m.colon}${m.errors.cannotOpenHint}`);
      return EXIT.input;
    }
    if (e.code === 'ENOSPC' || e.code === 'EDQUOT' || e.code === 'EROFS') {
      say(`${m.errors.cannotWriteDevice(e.path, e.code)}\n    ${m.hint}${m.colon}${m.errors.cannotWriteDeviceHint}`);
      return EXIT.output;
    }
  }
  const summary = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  say(m.errors.internal(summary));
  if (debug) io.stderr.write(`${escapeForTerminal(error instanceof Error ? (error.stack ?? summary) : summary)}\n`);
  else io.stderr.write(`${m.errors.runWithDebug}\n`);
  return EXIT.internal;
}

/** An error with its issues: a head line ("cannot read input, 2 problems:"), then each issue with its place and hint, already said in the CLI's language. */
function describeIssues<I extends { message: string; hint: string }>(m: CliMessages, head: (n: number) => string, issues: readonly I[], where: (issue: I) => string): string {
  // A generated file can hold thousands of the same mistake: the first ones say it, the count says the rest.
  const shown = issues.length > MAX_ISSUES_SHOWN ? issues.slice(0, MAX_ISSUES_SHOWN) : issues;
  const lines = [`${head(issues.length)}${m.colon.trimEnd()}`, ...shown.map((i) => `${where(i)}${m.colon}${i.message}\n    ${m.hint}${m.colon}${i.hint}`)];
  if (shown.length < issues.length) lines.push(m.errors.moreIssues(issues.length - shown.length));
  return lines.join('\n');
}

/** Problems listed at most in one error; the head line gives their number. */
const MAX_ISSUES_SHOWN = 20;

function defaultIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin };
}
