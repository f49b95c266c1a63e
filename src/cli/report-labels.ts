// --title and --channel-label, shared by analyze and merge: what the report is
// called and how its channels are named, applied when the report is written.
import type { Command } from 'commander';
import { usageError } from './args.js';

export interface ReportLabelCliOptions {
  title?: string;
  channelLabel?: string[];
}

/** Adds `--title TEXT` and `--channel-label SLUG=LABEL` (repeatable) to a command. */
export function addReportLabelOptions(command: Command): Command {
  return command
    .option('--title <text>', 'title of the report (HTML page and heading, Markdown and table heading, JSON "title")')
    .option(
      '--channel-label <slug=label>',
      'label of a channel in the report, over the lexicon\'s (repeatable): --channel-label app_store_fr="App Store"',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    );
}

/**
 * The render options of `--title` and `--channel-label`: `{}` when neither is
 * given. A label without `=`, with an empty side, or a channel named twice is
 * a usage error; with `--format state` (no report written) so are both.
 */
export function reportLabelOptions(opts: ReportLabelCliOptions, format: string): { title?: string; channelLabels?: Record<string, string> } {
  const out: { title?: string; channelLabels?: Record<string, string> } = {};
  if (format === 'state' && (opts.title !== undefined || opts.channelLabel !== undefined)) {
    throw usageError('labelWithState', opts.title !== undefined ? '--title' : '--channel-label');
  }
  if (opts.title !== undefined) {
    if (opts.title.trim() === '') throw usageError('titleEmpty');
    out.title = opts.title;
  }
  for (const value of opts.channelLabel ?? []) {
    const eq = value.indexOf('=');
    const slug = eq < 0 ? '' : value.slice(0, eq).trim();
    const label = eq < 0 ? '' : value.slice(eq + 1).trim();
    if (slug === '' || label === '') throw usageError('channelLabelForm', value);
    const labels = (out.channelLabels ??= Object.create(null) as Record<string, string>);
    if (Object.hasOwn(labels, slug)) throw usageError('channelLabelTwice', slug);
    labels[slug] = label;
  }
  return out;
}
