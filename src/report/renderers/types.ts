import type { Section } from '../section.js';
import type { Report } from '../types.js';

/** Options every renderer understands. */
export interface RenderOptions {
  /** Language of labels (`fr` or `en`); default: the report's `lang`. */
  lang?: string;
  /** The sections shown, in order (default `defaultSections()`; give the list the report was built with). */
  sections?: readonly Section[];
}

/** A report renderer: a function from a report to text (async for HTML, which draws charts), with a name. */
export interface Renderer<O extends RenderOptions = RenderOptions, T extends string | Promise<string> = string | Promise<string>> {
  /** Format name, as given to `renderReport` and the CLI's `--format`. */
  name: string;
  /** Usual file extension, without the dot. */
  extension: string;
  render(report: Report, options?: O): T;
}
