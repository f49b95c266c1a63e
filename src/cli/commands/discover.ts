// verbatim discover: what the lexicons leave unexplained, as candidate topics,
// and a draft lexicon layer to edit and layer.
import { Option, type Command } from 'commander';
import { fileURLToPath } from 'node:url';
import type { DiscoverFormat, DiscoverOptions, DiscoverState } from '../../index.js';
import { escapeForTerminal } from '../../_utils/display.js';
import { firstReasons } from '../messages.js';
import { positiveInt, usageError } from '../args.js';
import { checkInputs, checkOutputs } from '../checks.js';
import { EXIT, type CommandContext } from '../context.js';
import { addInputOptions, checkInputOptions, inputRun, workersFor, type InputCliOptions } from '../inputs.js';
import { output } from '../output.js';
import { sayWritten } from '../written.js';

const FORMATS = ['table', 'md', 'json', 'html'] as const;

interface DiscoverCliOptions extends InputCliOptions {
  format: DiscoverFormat;
  out?: string;
  draft?: string;
  topics: number;
  examples: number;
  sample: number;
  workers: string;
  progress: boolean;
}

export function discoverCommand(program: Command, context: CommandContext): void {
  const { io, m, setExitCode, workerScript } = context;
  const command = program
    .command('discover')
    .description('find what the lexicons leave unexplained, grouped into candidate topics; --draft writes them as a lexicon layer')
    .argument('[files...]', 'input files; - (or none) reads CSV, TSV or JSONL from standard input', ['-']);
  addInputOptions(command)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--out <file>', 'write the topics to a file instead of stdout (- : stdout)')
    .option('--draft <file.yml>', 'write a lexicon layer with one commented candidate entry per topic (for --lexicon, after review)')
    .option('--topics <n>', 'candidate topics listed at most', positiveInt('--topics'), 20)
    .option('--examples <n>', 'example verbatims per topic (at most 5)', positiveInt('--examples'), 3)
    .option('--sample <n>', 'verbatims the topics are found in (a sample chosen by hash when the input is larger)', positiveInt('--sample'), 20_000)
    .option('--workers <n>', 'worker threads: a number, or auto (one per core for inputs over 20 MB, at most 8 and one per 512 MB of memory); the topics are the same', 'auto')
    .option('--no-progress', 'never show the progress bar (it only shows on a terminal, on stderr)')
    .action(async (files: string[], opts: DiscoverCliOptions) => {
      await checkInputOptions(files, opts, io, 'discover');
      if (opts.examples > 5) throw usageError('discoverExamples');
      if (opts.draft === '-') throw usageError('draftFile');
      await checkOutputs([{ option: '--out', path: opts.out === '-' ? undefined : opts.out }, { option: '--draft', path: opts.draft }], files);
      await checkInputs(files);
      // Loaded now: the other commands never load them (start-up).
      const [{ draftLexicon, finalizeDiscover, renderDiscover }, { analyzeFiles, defaultWorkers, summaryOnly }, { createProgress }] = await Promise.all([
        import('../../index.js'),
        import('../../run/analyze-files.js'),
        import('../progress.js'),
      ]);
      const workers = await workersFor(files, opts.workers, context, defaultWorkers);
      const { inputs, options } = await inputRun(files, opts, io, m);
      const discoverOptions: DiscoverOptions = {
        sampleSize: opts.sample,
        scale: opts.scale,
        maskPersonalData: opts.mask,
        maxTopics: opts.topics,
        examples: opts.examples,
      };
      const progress = createProgress({ stream: io.stderr, enabled: opts.progress && !io.env.CI, format: m.notes.progress });
      let state: DiscoverState | undefined;
      try {
        // The discovery state is kept where the analyses are made (on the workers too) and merged: the same topics whatever the count.
        const { report, discover } = await analyzeFiles(inputs, {
          ...options,
          ...summaryOnly(),
          discover: discoverOptions,
          workers,
          // The bin (dist/cli/bin.js) starts the analysis worker when it is run as one, and says where it is.
          workerScript: workerScript ?? fileURLToPath(import.meta.url),
          onProgress: (n) => progress.tick(n),
        });
        state = discover;
        progress.stop();
        if (report.summary.analysed === 0) {
          const reasons = firstReasons(m, report.summary.rejectsByReason);
          io.stderr.write(`verbatim: ${escapeForTerminal(m.notes.nothingAnalysed(report.summary.rejected, reasons, false))}\n`);
          setExitCode(EXIT.input);
          return;
        }
      } finally {
        progress.stop();
      }
      const result = finalizeDiscover(state as DiscoverState, discoverOptions);
      if (opts.draft !== undefined) await output(io, draftLexicon(result, { lang: context.lang }), opts.draft);
      await output(io, renderDiscover(result, opts.format, { lang: context.lang }), opts.out);
      await sayWritten(context, [{ kind: 'draft', path: opts.draft, format: 'yml' }, { kind: 'topics', path: opts.out, format: opts.format }]);
    });
}

