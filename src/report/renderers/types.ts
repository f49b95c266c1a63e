import type { Report } from '../types.js';

/** Options every renderer understands. */
export interface RenderOptions {
  /** Language of labels (`fr` or `en`); default: the report's `lang`. */
  lang?: string;
}

/** A report renderer: a pure function from a report to text, with a name. */
export interface Renderer<O extends RenderOptions = RenderOptions> {
  /** Format name, as given to `renderReport` and the CLI's `--format`. */
  name: string;
  /** Usual file extension, without the dot. */
  extension: string;
  render(report: Report, options?: O): string;
}
