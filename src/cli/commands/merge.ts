// verbatim merge: the report of the states of several runs (`verbatim analyze
// … --format state` on each part of an input), as one run over all the parts.
import { Option, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import type { ReportFormat } from '../../index.js';
import { escapeForTerminal } from '../../_utils/display.js';
import type { NamedRunState } from '../../run/state-file.js';
import { usageError } from '../args.js';
import { checkInputs, checkOutputs } from '../checks.js';
import { EXIT, type CommandContext } from '../context.js';
import { output } from '../output.js';
import { addReportLabelOptions, reportLabelOptions, type ReportLabelCliOptions } from '../report-labels.js';
import { readAll } from '../read.js';
import { sayWritten } from '../written.js';

const FORMATS = ['table', 'md', 'json', 'csv', 'html', 'state'] as const;

export function mergeCommand(program: Command, context: CommandContext): void {
  const { io, m, setExitCode } = context;
  const command = program
    .command('merge')
    .description('merge the states of runs over parts of an input (verbatim analyze --format state) into the report of one run over all of it')
    .argument('<states...>', 'state files (one state, or one per line); - reads them from standard input')
    .addOption(new Option('--format <format>', 'report format; state: the merged state, to merge again').choices(FORMATS).default('table'))
    .option('--out <file>', 'write the report to a file instead of stdout (- : stdout)');
  addReportLabelOptions(command)
    .action(async (files: string[], opts: { format: (typeof FORMATS)[number]; out?: string } & ReportLabelCliOptions) => {
      const labels = reportLabelOptions(opts, opts.format);
      if (files.filter((f) => f === '-').length > 1) throw usageError('stdinTwice');
      await checkOutputs([{ option: '--out', path: opts.out === '-' ? undefined : opts.out }], files);
      await checkInputs(files);
      const [{ finalizeRunState, mergeRunStates, parseRunStates, stringifyRunState }, { renderReport }] = await Promise.all([import('../../run/state-file.js'), import('../../report/index.js')]);
      const states: NamedRunState[] = [];
      for (const file of files) {
        const text = file === '-' ? await readAll(io.stdin ?? process.stdin) : await readFile(file, 'utf8');
        const name = file === '-' ? 'standard input' : file;
        const parsed = parseRunStates(text, name);
        parsed.forEach((state, k) => states.push({ name: parsed.length > 1 ? `${name} (state ${k + 1})` : name, state }));
      }
      const merged = mergeRunStates(states);
      if (opts.format === 'state') {
        await output(io, `${stringifyRunState(merged)}\n`, opts.out);
        await sayWritten(context, [{ kind: 'state', path: opts.out, format: 'state' }]);
        return;
      }
      const report = finalizeRunState(merged, { name: files.join(', '), lang: context.lang });
      const { summary } = report;
      if (summary.analysed === 0) {
        const reasons = summary.rejectsByReason.slice(0, 3).map((r) => `${r.reason}${m.colon}${r.count}`).join(', ');
        io.stderr.write(`verbatim: ${escapeForTerminal(m.notes.nothingInStates(states.length, summary.rejected, reasons))}\n`);
        setExitCode(EXIT.input);
        return;
      }
      await output(io, await renderReport(report, opts.format as ReportFormat, labels), opts.out);
      await sayWritten(context, [{ kind: 'report', path: opts.out, format: opts.format }]);
    });
}
