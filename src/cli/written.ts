// The line that says where an output went ("Rapport écrit dans rapport.html
// (HTML, 42 Ko)"), on stderr once the run has written it; none with --quiet,
// none for standard output.
import { stat } from 'node:fs/promises';
import { escapeForTerminal } from '../_utils/display.js';
import type { CommandContext } from './context.js';
import type { WrittenKind } from './messages.js';

/** One output of a command: what it is, its path (`-` or none: standard output), its format if known. */
export interface Written {
  kind: WrittenKind;
  path: string | undefined;
  format?: string;
}

const FORMAT_NAMES: Record<string, string> = { md: 'Markdown', json: 'JSON', jsonl: 'JSONL', csv: 'CSV', tsv: 'TSV', html: 'HTML', state: 'JSON', yml: 'YAML', yaml: 'YAML', mtx: 'Matrix Market' };

/** The format's name as shown: the given one, else the extension's. */
function formatName(written: Written, path: string, lang: CommandContext['lang']): string | undefined {
  const format = written.format ?? /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (format === undefined) return undefined;
  if (format === 'table' || format === 'txt' || format === 'text') return lang === 'fr' ? 'texte' : 'text';
  return FORMAT_NAMES[format] ?? format.toUpperCase();
}

/** Says on stderr where each output to a file went, with its size (`--quiet`: nothing). */
export async function sayWritten({ io, m, lang, quiet }: CommandContext, outputs: readonly Written[]): Promise<void> {
  if (quiet) return;
  for (const written of outputs) {
    const { path } = written;
    if (path === undefined || path === '-') continue;
    const size = await stat(path).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
    // A device (/dev/null) or a file gone since: nothing to say of it.
    if (size === undefined) continue;
    io.stderr.write(`${escapeForTerminal(m.notes.written(written.kind, path, formatName(written, path, lang), m.size(size)), true)}\n`);
  }
}

/** Says on stderr that the report counted its channels as one, past `--max-channels` (`--quiet`: nothing). */
export function sayChannelsMerged({ io, m, quiet }: CommandContext, summary: { channelsMerged?: number }): void {
  if (quiet || summary.channelsMerged === undefined) return;
  io.stderr.write(`verbatim: ${m.notes.channelsMerged(summary.channelsMerged)}\n`);
}
