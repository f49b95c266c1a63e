// The `verbatim` command line: the program, its commands (one file each in
// commands/), and how every error ends (a message, an exit code).
import { Command, CommanderError } from 'commander';
import { InputError } from '../io/errors.js';
import { LexiconError } from '../lexicon/errors.js';
import { escapeForTerminal } from '../_utils/display.js';
import { OutputError } from './checks.js';
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
import { ScoreScaleError } from '../report/scales.js';

export { EXIT, type CliIo } from './context.js';

/** The commands, in the order `--help` lists them. */
const COMMANDS = [analyzeCommand, discoverCommand, kwicCommand, mergeCommand, queueCommand, evalCommand, sectorsCommand, tokenizeCommand, lexiconCommand];

const EXAMPLES = `
Examples:
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
`;

/** Options of `main`. */
export interface MainOptions {
  /** The script that starts an analysis worker (the `verbatim` bin, which is one): needed for `--workers` above 1. */
  workerScript?: string;
}

/**
 * Runs the CLI with `argv` (without `node` and the script). Resolves to the
 * exit code; never calls `process.exit`, so it is testable in-process.
 */
export async function main(argv: string[], io: CliIo = defaultIo(), options: MainOptions = {}): Promise<number> {
  let code: number = EXIT.ok;
  // Read before commander so that it works anywhere on the line, even on a bad one.
  const debug = argv.includes('--debug');
  argv = joinExportArgs(argv.filter((arg) => arg !== '--debug'));
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

  const context: CommandContext = { io, setExitCode: (next) => (code = next), ...(options.workerScript !== undefined ? { workerScript: options.workerScript } : {}) };
  for (const add of COMMANDS) add(program, context);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, io, debug);
  }
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
  // The reader of standard output went away (`| head -1`): a quiet end, whatever was being written.
  if (isClosedOutput(error)) return EXIT.ok;
  if (error instanceof LexiconError || error instanceof InputError) {
    say(error.message);
    return EXIT.input;
  }
  // A declared --scale the scores cannot be on: a usage error, as a bad option is.
  if (error instanceof ScoreScaleError) {
    say(error.message);
    return EXIT.usage;
  }
  if (error instanceof QueueError) {
    say(error.message);
    return EXIT.unavailable;
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
    if (e.code === 'ENOSPC' || e.code === 'EDQUOT' || e.code === 'EROFS') {
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
