// verbatim queue produce|work|merge|status|clear: a run spread over machines with bullmq
// and Redis (src/queue). bullmq is an optional dependency, imported only when
// one of these commands runs.
import { QueueError } from '../../queue/errors.js';
import { queueText } from '../../queue/messages.js';
import { Option, type Command } from 'commander';
import type { ReportFormat } from '../../index.js';
import { sectorNames } from '../../lexicon/defaults.js';
import { DEFAULT_CHUNK_ROWS, DEFAULT_QUEUE, DEFAULT_REDIS_URL } from '../../queue/connection.js';
import { escapeForTerminal } from '../../_utils/display.js';
import { checkSectors, collect, corpusLang, delimiter, positiveInt, usageError } from '../args.js';
import { checkInputs, checkOutputs } from '../checks.js';
import { checkReadLimits, delimiterWarning, pickColumns, type InputCliOptions } from '../inputs.js';
import { EXIT, type CommandContext } from '../context.js';
import { output, stdoutUsers } from '../output.js';
import { onStopSignal } from '../process.js';
import { REPORT_FORMATS, reportBody, resolveReportFormat, type CliReportFormat } from '../report-format.js';
import { sayChannelsMerged, sayWritten } from '../written.js';
import { DEFAULT_MAX_CHANNELS, DEFAULT_VOCABULARY } from '../../run/vocabulary.js';
import { byColumn, maxChannels, maxPeriods, MAX_PERIODS_HELP, parseTableExports, vocabulary } from './analyze.js';
import { addReportLabelOptions, reportLabelOptions, type ReportLabelCliOptions } from '../report-labels.js';

const INPUT_FORMATS = ['csv', 'tsv', 'json', 'jsonl', 'xlsx'] as const;

/** `--queue`: a name bullmq takes (not empty, no colon: its keys are `bull:<name>:…`). */
function queueName(value: string): string {
  if (value === '' || value.includes(':')) throw usageError('queueName', value);
  return value;
}

/** `--redis` and `--queue`, on each subcommand. */
function where(command: Command, env: Record<string, string | undefined>): Command {
  return command
    .option('--redis <url>', `Redis URL (default: $REDIS_URL, else ${DEFAULT_REDIS_URL})`, env['REDIS_URL'] ?? DEFAULT_REDIS_URL)
    .option('--queue <name>', 'queue name: one run per queue at a time', queueName, DEFAULT_QUEUE);
}

export function queueCommand(program: Command, context: CommandContext): void {
  const { io, m, setExitCode } = context;
  const say = (line: string): void => void io.stderr.write(`verbatim: ${escapeForTerminal(line)}\n`);
  const queue = program
    .command('queue')
    .description('analyse on many machines with bullmq and Redis: produce chunks of rows, work on them anywhere, merge the report of one run');

  where(queue.command('produce'), io.env)
    .description('split the inputs into chunks of rows and enqueue them (again: nothing added twice, failed chunks retried)')
    .argument('<files...>', 'input files (CSV/TSV/JSON/JSONL/XLSX); - reads standard input')
    .option('--chunk-rows <n>', 'input rows per chunk', positiveInt('--chunk-rows'), DEFAULT_CHUNK_ROWS)
    .option('--keep-annotations', 'have the workers keep each row\'s coding, for queue merge --annotate')
    .option('--text <column>', 'column holding the verbatim (default: auto-detected)')
    .option('--channel <column|name>', 'channel column, or a channel name for the whole input')
    .option('--id <column>', 'id column (default: auto-detected, else file:row)')
    .option('--date <column>', 'date column (default: auto-detected)')
    .option('--score <column>', 'score column (default: auto-detected)')
    .option('--author <column>', 'author/role column (default: auto-detected)')
    .option('--agent-author <value>', 'an author value meaning the brand (repeatable)', collect, [] as string[])
    .option('--lexicon <path>', 'extra lexicon file or folder, layered over the default (repeatable; read here, sent to the workers)', collect, [] as string[])
    .option('--sector <name>', `sector layer over the default lexicons (repeatable): ${sectorNames().join(', ')}`, collect, [] as string[])
    .option('--no-default-lexicon', 'use only the --lexicon files')
    .addOption(new Option('--input-format <format>', 'format of the inputs (default: from the extension, else sniffed)').choices(INPUT_FORMATS))
    .option('--encoding <name>', 'encoding of the inputs (default: detected)')
    .option('--delimiter <char>', 'CSV field separator: one character, or tab (default: detected)', delimiter)
    .option('--examples <n>', 'example verbatims per concept and irritant', positiveInt('--examples'), 3)
    .option('--top <n>', 'top words and expressions listed', positiveInt('--top'), 20)
    .option(
      '--vocabulary <n|exact>',
      'words, expressions and co-occurring pairs kept per channel, in each chunk and in the merge: exact until a table holds 2n, then approximate counts within a stated bound; exact keeps them all (the merge then grows with the corpus)',
      vocabulary,
      DEFAULT_VOCABULARY,
    )
    .option(
      '--max-channels <n|all>',
      'channels kept apart: past n in all the chunks, every channel is counted in one, in the merge as in a single run; all keeps every channel apart',
      maxChannels,
      DEFAULT_MAX_CHANNELS,
    )
    .option('--by <column>', 'keyness by the values of this input column too (a brand, a region, a product), reported by queue merge', byColumn)
    .option('--corpus-lang <code>', "corpus' language, given to texts too short to tell (ISO 639-3)", corpusLang, 'fra')
    .option('--no-mask', 'keep personal data in the report and the annotations')
    .option('--all-turns', 'in chat transcripts, analyse the agent turns too')
    .addOption(new Option('--period <period>', 'trend period').choices(['month', 'week']).default('month'))
    .option('--max-periods <n|all>', MAX_PERIODS_HELP, maxPeriods)
    .addOption(new Option('--scale <scale>', 'score scale').choices(['auto', 'nps', 'stars', 'csat', 'ces']).default('auto'))
    .option('--max-xlsx-size <MB>', 'largest size an XLSX file may inflate to, in MB', positiveInt('--max-xlsx-size'), 256)
    .option('--max-record-size <MB>', 'largest record read, in MB of text, up to 256; a larger one is a reject', positiveInt('--max-record-size'), 1)
    .action(async (files: string[], opts: ProduceCliOptions) => {
      if (opts.chunkRows < 1) throw usageError('wholeNumberFromOne', '--chunk-rows');
      checkReadLimits(opts);
      if (files.filter((f) => f === '-').length > 1) throw usageError('stdinTwice');
      if (opts.sector.includes('auto')) throw usageError('sectorAutoQueue');
      await checkInputs(files);
      const columns = pickColumns(opts);
      const { produceQueue } = await import('../../queue/produce.js');
      const result = await produceQueue(files, {
        redis: opts.redis,
        queue: opts.queue,
        chunkRows: opts.chunkRows,
        keepAnnotations: opts.keepAnnotations === true,
        columns,
        lexicons: opts.lexicon,
        includeDefault: opts.defaultLexicon,
        sectors: checkSectors(opts.sector),
        defaultLanguage: opts.corpusLang,
        lang: context.lang,
        allTurns: opts.allTurns === true,
        examples: opts.examples,
        topWords: opts.top,
        maskPersonalData: opts.mask,
        period: opts.period,
        scale: opts.scale,
        ...(opts.by !== undefined ? { groupBy: opts.by } : {}),
        maxVocabulary: opts.vocabulary,
        maxChannels: opts.maxChannels,
        ...(opts.maxPeriods !== undefined ? { maxPeriods: opts.maxPeriods } : {}),
        allowFileRejects: false,
        maxXlsxSize: opts.maxXlsxSize * 1024 * 1024,
        maxRecordSize: opts.maxRecordSize * 1024 * 1024,
        ...(io.stdin ? { stdin: io.stdin as AsyncIterable<Uint8Array> } : {}),
        ...(opts.delimiter !== undefined ? { onColumns: delimiterWarning(io, m) } : {}),
      });
      say(m.notes.queueProduced(result.queue, result.rows, result.chunks, result.retried));
    });

  where(queue.command('work'), io.env)
    .description('analyse chunks of the queue until stopped (or until it is empty, with --until-empty); run as many as you like, anywhere')
    .option('--concurrency <n>', 'chunks taken at once (the analysis uses one core: start one worker per core)', positiveInt('--concurrency'), 1)
    .option('--until-empty', 'stop once no chunk is waiting or being analysed anywhere')
    .option('--lock-duration <ms>', 'how long a chunk stays with a worker that stopped answering before another takes it', positiveInt('--lock-duration'), 30_000)
    .action(async (opts: { redis: string; queue: string; concurrency: number; untilEmpty?: boolean; lockDuration: number }) => {
      if (opts.concurrency < 1) throw usageError('wholeNumberFromOne', '--concurrency');
      if (opts.lockDuration < 100) throw usageError('durationFrom100', '--lock-duration');
      const { workQueue } = await import('../../queue/work.js');
      const worker = await workQueue({
        redis: opts.redis,
        queue: opts.queue,
        concurrency: opts.concurrency,
        untilEmpty: opts.untilEmpty === true,
        lockDuration: opts.lockDuration,
        // A QueueError is said in the CLI's language; others (Redis, bullmq) in their own words.
        onError: (error) => say(m.notes.queueWorkError(error instanceof QueueError ? queueText(error.problem, context.lang).message : error.message.replace(/^verbatim-fr: /, ''))),
      });
      // Stopped (Ctrl-C, SIGTERM from a supervisor): no new chunk, the ones in hand finished and returned, then a clean exit;
      // killed instead, a chunk would wait for its lock to expire (--lock-duration) before another worker takes it.
      const undo = onStopSignal((signal) => {
        say(m.notes.queueStopping(opts.queue, signal));
        void worker.close();
      });
      say(m.notes.queueWaiting(opts.queue, opts.untilEmpty === true));
      const { chunks, rows } = await worker.done.finally(undo);
      say(m.notes.queueWorked(opts.queue, chunks, rows));
    });

  const merge = where(queue.command('merge'), io.env)
    .description('wait for every chunk of the run, then write the report of one run over all the inputs (and the annotations, in input order)')
    .addOption(new Option('--format <format>', 'report format (default: from the --out extension, .json .md .html .csv, else table); state: the merged state, for verbatim merge').choices(REPORT_FORMATS))
    .option('--out <file>', 'write the report to a file instead of stdout (- : stdout)')
    .option('--annotate <file>', 'write one row per input row, in input order (.csv or .jsonl; - : stdout); needs produce --keep-annotations')
    .addOption(new Option('--annotate-format <format>', 'format of --annotate (default: from the extension; jsonl for -)').choices(['csv', 'jsonl']))
    .option(
      '--export <kind> <file>',
      'write a tidy table of the report (repeatable): keyness|cooccurrence|trends|drivers FILE.csv, as analyze --export writes them; - : stdout',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--timeout <seconds>', 'give up when the run is not done after this long (default: wait)', positiveInt('--timeout'))
    .option('--clear', 'once the report and the annotations are written, empty the queue (as queue clear does; left as is when another run was produced since)');
  addReportLabelOptions(merge).action(async (cliOpts: QueueMergeCliOptions) => {
    const opts = { ...cliOpts, format: resolveReportFormat(context, cliOpts.format, cliOpts.out) };
    const labels = reportLabelOptions(opts, opts.format);
    const tables = parseTableExports(opts.export ?? []);
    const users = stdoutUsers([{ option: '--out', path: opts.out, report: true }, { option: '--annotate', path: opts.annotate }, ...tables.map(({ kind, path }) => ({ option: `--export ${kind}`, path }))]);
    if (users.length > 1) throw usageError('oneStdoutStream', users);
    const toFile = (path: string | undefined): string | undefined => (path === '-' ? undefined : path);
    await checkOutputs(
      [{ option: '--out', path: toFile(opts.out) }, { option: '--annotate', path: toFile(opts.annotate) }, ...tables.map(({ kind, path }) => ({ option: `--export ${kind}`, path: toFile(path) }))],
      [],
    );
    const [{ mergeQueue }, { runStateChunks }] = await Promise.all([import('../../queue/merge.js'), import('../../run/state-file.js')]);
    const result = await mergeQueue({
      redis: opts.redis,
      queue: opts.queue,
      lang: context.lang,
      ...(opts.timeout !== undefined ? { timeout: opts.timeout * 1000 } : {}),
      ...(opts.annotate !== undefined ? { annotate: opts.annotate === '-' ? io.stdout : opts.annotate } : {}),
      ...(opts.annotateFormat !== undefined ? { annotateFormat: opts.annotateFormat } : {}),
    });
    if (tables.length > 0) {
      const { writeReportTable } = await import('../../run/exports.js');
      for (const { kind, path } of tables) await writeReportTable(result.report, kind, path === '-' ? io.stdout : path);
    }
    // Emptied only once everything is written: a report that cannot be written leaves the run to merge again.
    const clear = async (): Promise<void> => {
      if (opts.clear !== true) return;
      const { clearQueue } = await import('../../queue/clear.js');
      const cleared = await clearQueue({ redis: opts.redis, queue: opts.queue, run: result.runId });
      say(m.notes.queueCleared(cleared.queue, cleared.chunks));
    };
    if (opts.format === 'state') {
      await output(io, runStateChunks(result.state), opts.out);
      await sayWritten(context, [{ kind: 'state', path: opts.out, format: 'state' }, { kind: 'annotations', path: opts.annotate }]);
      await clear();
      return;
    }
    const { summary } = result.report;
    if (summary.analysed === 0) {
      say(m.notes.nothingAnalysed(summary.rejected, '', false));
      setExitCode(EXIT.input);
      return;
    }
    await output(io, await reportBody(result.report, opts.format as ReportFormat, labels), opts.out);
    await sayWritten(context, [{ kind: 'report', path: opts.out, format: opts.format }, { kind: 'annotations', path: opts.annotate }]);
    sayChannelsMerged(context, result.report.summary);
    await clear();
  });

  where(queue.command('status'), io.env)
    .description('where the run stands without merging it: its chunks done, being analysed, waiting and failed, its producer, and the jobs of the queue')
    .option('--json', 'print it as JSON (for scripts)')
    .action(async (opts: { redis: string; queue: string; json?: boolean }) => {
      const { queueStatus } = await import('../../queue/status.js');
      const status = await queueStatus({ redis: opts.redis, queue: opts.queue });
      await output(io, opts.json === true ? JSON.stringify(status, null, 2) : m.stdout.queueStatus(status), undefined);
    });

  where(queue.command('clear'), io.env)
    .description('empty the queue: every chunk whatever its state, their results, the run (Redis keeps them until then); refused while workers hold chunks or a producer is at work')
    .option('--force', 'empty it even while workers hold chunks or a producer is at work (their chunks are lost)')
    .action(async (opts: { redis: string; queue: string; force?: boolean }) => {
      const { clearQueue } = await import('../../queue/clear.js');
      const cleared = await clearQueue({ redis: opts.redis, queue: opts.queue, force: opts.force === true });
      say(m.notes.queueCleared(cleared.queue, cleared.chunks));
    });
}

/** `verbatim queue merge`'s options. */
interface QueueMergeCliOptions extends ReportLabelCliOptions {
  redis: string;
  queue: string;
  format?: CliReportFormat;
  out?: string;
  annotate?: string;
  annotateFormat?: 'csv' | 'jsonl';
  export?: string[];
  timeout?: number;
  clear?: boolean;
}

/** The input flags produce shares with analyze (no stdin name: the producer reads files), and its own. */
interface ProduceCliOptions
  extends Pick<
    InputCliOptions,
    'text' | 'channel' | 'id' | 'date' | 'score' | 'author' | 'agentAuthor' | 'lexicon' | 'sector' | 'defaultLexicon' | 'inputFormat' | 'encoding' | 'delimiter' | 'corpusLang' | 'mask' | 'allTurns' | 'scale' | 'maxXlsxSize' | 'maxRecordSize'
  > {
  redis: string;
  queue: string;
  chunkRows: number;
  keepAnnotations?: boolean;
  examples: number;
  top: number;
  period: 'month' | 'week';
  by?: string;
  vocabulary: number | 'exact';
  maxChannels: number | 'all';
  maxPeriods?: number | 'all';
}
