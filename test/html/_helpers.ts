// The HTML tests render the hand-made fixture report (test/fixtures/report/report.ts).
import type { Report } from '../../src/index.js';

export { fixtureReport, TRICKY_TEXT } from '../fixtures/report/report.js';

/** The first match of `pattern` in the HTML of section `id`, or a failure naming what is missing. */
export function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  if (start < 0) throw new Error(`no section ${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

/** Every example of the all-channels rankings. */
export const allExamples = (report: Report) =>
  [report.all.themes, report.all.concepts, report.all.irritants, report.all.enchantments, report.all.intents].flatMap((list) => list.flatMap((e) => e.examples));
