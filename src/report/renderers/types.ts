import type { Section } from '../section.js';
import type { Report } from '../types.js';

/** Options every renderer understands. */
export interface RenderOptions {
  /** Language of labels (`fr` or `en`); default: the report's `lang`. */
  lang?: string;
  /** The sections shown, in order (default `defaultSections()`; give the list the report was built with). */
  sections?: readonly Section[];
  /** Title shown (and written into JSON's `title`); default: the report's `title`, else "Rapport verbatim-fr" (or the English title). */
  title?: string;
  /** Channel labels by channel id, over the report's (`{ app_store_fr: 'App Store' }`); JSON writes them into `channels[].label`. */
  channelLabels?: Record<string, string>;
}

/** A report renderer: a function from a report to text (async for HTML, which draws charts), with a name. */
export interface Renderer<O extends RenderOptions = RenderOptions, T extends string | Promise<string> = string | Promise<string>> {
  /** Format name, as given to `renderReport` and the CLI's `--format`. */
  name: string;
  /** Usual file extension, without the dot. */
  extension: string;
  render(report: Report, options?: O): T;
}
