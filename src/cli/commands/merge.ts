// verbatim merge: the report of the states of several runs (`verbatim analyze
// … --format state` on each part of an input), as one run over all the parts.
import { Option, type Command } from 'commander';
import { createReadStream } from 'node:fs';
import type { ReportFormat } from '../../index.js';
import { escapeForTerminal } from '../../_utils/display.js';
import { firstReasons } from '../messages.js';
import type { RunState } from '../../run/state-file.js';
import { usageError } from '../args.js';
import { checkInputs, checkOutputs } from '../checks.js';
import { EXIT, type CommandContext } from '../context.js';
import { output, stdoutUsers } from '../output.js';
import { REPORT_FORMATS, reportBody, resolveReportFormat, type CliReportFormat } from '../report-format.js';
import { addReportLabelOptions, reportLabelOptions, type ReportLabelCliOptions } from '../report-labels.js';
import { sayChannelsMerged, sayWritten } from '../written.js';
import { parseTableExports } from './analyze.js';

export function mergeCommand(program: Command, context: CommandContext): void {
  const { io, m, setExitCode } = context;
  const command = program
    .command('merge')
    .description('merge the states of runs over parts of an input (verbatim analyze --format state) into the report of one run over all of it')
    .argument('<states...>', 'state files (one state, or one per line); - reads them from standard input')
    .addOption(new Option('--format <format>', 'report format (default: from the --out extension, .json .md .html .csv, else table); state: the merged state, to merge again').choices(REPORT_FORMATS))
    .option('--out <file>', 'write the report to a file instead of stdout (- : stdout)')
    .option(
      '--export <kind> <file>',
      'write a tidy table of the merged report (repeatable): keyness|cooccurrence|trends|drivers FILE.csv, as analyze --export writes them; - : stdout',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    );
  addReportLabelOptions(command)
    .action(async (files: string[], cliOpts: { format?: CliReportFormat; out?: string; export?: string[] } & ReportLabelCliOptions) => {
      const opts = { ...cliOpts, format: resolveReportFormat(context, cliOpts.format, cliOpts.out) };
      const labels = reportLabelOptions(opts, opts.format);
      if (files.filter((f) => f === '-').length > 1) throw usageError('stdinTwice');
      const tables = parseTableExports(opts.export ?? []);
      const users = stdoutUsers([{ option: '--out', path: opts.out, report: true }, ...tables.map(({ kind, path }) => ({ option: `--export ${kind}`, path }))]);
      if (users.length > 1) throw usageError('oneStdoutStream', users, `report.${opts.format === 'state' ? 'state.json' : opts.format === 'table' ? 'txt' : opts.format}`);
      const toFile = (path: string | undefined): string | undefined => (path === '-' ? undefined : path);
      await checkOutputs([{ option: '--out', path: toFile(opts.out) }, ...tables.map(({ kind, path }) => ({ option: `--export ${kind}`, path: toFile(path) }))], files);
      await checkInputs(files);
      const { finalizeRunState, runStateMerger, runStateChunks, runStatesOfStream } = await import('../../run/state-file.js');
      // File by file: the merge holds the state merged so far and one state read (checked as it is read).
      const merger = runStateMerger({}, false);
      let states = 0;
      for (const file of files) {
        const name = file === '-' ? 'standard input' : file;
        // One state of the file at a time, read as it comes (a file of states may be larger than a string
        // can hold); the first is named by its number once a second one comes.
        const pieces = (file === '-' ? (io.stdin ?? process.stdin) : createReadStream(file)) as AsyncIterable<Uint8Array | string>;
        let first: RunState | undefined;
        let k = 0;
        for await (const state of runStatesOfStream(pieces, name)) {
          k += 1;
          if (k === 1) first = state;
          else {
            if (k === 2) merger.add({ name: `${name} (state 1)`, state: first as RunState });
            merger.add({ name: `${name} (state ${k})`, state });
          }
        }
        if (k === 1) merger.add({ name, state: first as RunState });
        states += k;
      }
      const merged = merger.result();
      const report = opts.format === 'state' && tables.length === 0 ? undefined : finalizeRunState(merged, { name: files.join(', '), lang: context.lang });
      if (report !== undefined && opts.format !== 'state' && report.summary.analysed === 0) {
        const { summary } = report;
        const reasons = firstReasons(m, summary.rejectsByReason);
        io.stderr.write(`verbatim: ${escapeForTerminal(m.notes.nothingInStates(states, summary.rejected, reasons))}\n`);
        setExitCode(EXIT.input);
        return;
      }
      // The tables of the merged report: the files analyze --export writes over all the parts at once.
      if (report !== undefined && tables.length > 0) {
        const { writeReportTable } = await import('../../run/exports.js');
        for (const { kind, path } of tables) await writeReportTable(report, kind, path === '-' ? io.stdout : path);
      }
      if (opts.format === 'state' || report === undefined) {
        await output(io, runStateChunks(merged), opts.out);
        await sayWritten(context, [{ kind: 'state', path: opts.out, format: 'state' }]);
        return;
      }
      await output(io, await reportBody(report, opts.format as ReportFormat, labels), opts.out);
      await sayWritten(context, [{ kind: 'report', path: opts.out, format: opts.format }]);
      sayChannelsMerged(context, report.summary);
    });
}
