// The report format of analyze, merge and queue merge: --format when given,
// else the one the --out file's extension names (r.json → json), else table.
import { escapeForTerminal } from '../_utils/display.js';
import type { CommandContext } from './context.js';
import type { Report, ReportFormat } from '../report/index.js';

export const REPORT_FORMATS = ['table', 'md', 'json', 'csv', 'html', 'state'] as const;
export type CliReportFormat = (typeof REPORT_FORMATS)[number];

const BY_EXTENSION: Record<string, CliReportFormat> = { json: 'json', md: 'md', markdown: 'md', html: 'html', htm: 'html', csv: 'csv' };

/**
 * The report format an output path's extension names, if any. A state file
 * (`.state.json`) is JSON too: a state is only written on `--format state`.
 */
export function formatOfPath(path: string | undefined): CliReportFormat | undefined {
  if (path === undefined || path === '-') return undefined;
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : BY_EXTENSION[ext];
}

/** Whether a format writes what an extension announces (a state is JSON). */
const agrees = (format: CliReportFormat, byPath: CliReportFormat): boolean => format === byPath || (format === 'state' && byPath === 'json');

/**
 * The format to write: the one given, else the extension's, else table. A
 * given format that contradicts the extension wins, with one warning on
 * stderr in the CLI's language.
 */
export function resolveReportFormat(context: Pick<CommandContext, 'io' | 'm'>, format: CliReportFormat | undefined, out: string | undefined): CliReportFormat {
  const byPath = formatOfPath(out);
  if (format === undefined) return byPath ?? 'table';
  if (byPath !== undefined && !agrees(format, byPath)) {
    const { io, m } = context;
    io.stderr.write(`verbatim: ${m.notes.warning}${m.colon}${escapeForTerminal(m.desk.formatVsExtension(format, out as string, byPath))}\n`);
  }
  return format;
}

/**
 * The report as the CLI writes it: JSON in chunks (a report of thousands of
 * entries is never held as one string), the other formats whole.
 */
export async function reportBody(report: Report, format: ReportFormat, labels: { title?: string; channelLabels?: Record<string, string> }): Promise<string | Iterable<string>> {
  const { renderJsonChunks, renderReport } = await import('../report/index.js');
  return format === 'json' ? renderJsonChunks(report, labels) : renderReport(report, format, labels);
}
