// A placeholder date (1970-01-01) among a few months of dates: the trends follow the months, and every
// format says which verbatims were left out and why.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createReportBuilder, finalizeReport, renderReport } from '../../src/report/index.js';
import { analysis, meta } from './helpers.js';

const months = ['2025-01-10', '2025-02-10', '2025-03-10'];
const analyses = [
  ...months.flatMap((date, m) => Array.from({ length: 10 }, (_, i) => analysis({ id: `${m}-${i}`, date, text: 'attente interminable', matches: [['attente_excessive', 'irritant', 'joignabilite', 'attente interminable']] }))),
  analysis({ id: 'epoch', date: '1970-01-01', text: 'toujours pas reçu', matches: [['retard_livraison', 'irritant', 'livraison', 'toujours pas reçu']] }),
];

function report(lang: 'fr' | 'en') {
  const builder = createReportBuilder({ meta, lang });
  builder.addAll(analyses);
  return finalizeReport(builder.snapshot(), { meta, lang });
}

describe('trends with a placeholder date', () => {
  it('lists three months, not 663, and says why one verbatim is left out, in every format', async () => {
    const fr = report('fr');
    const trends = (fr.sections.insight as { trends: { periods: string[] } }).trends;
    expect(trends.periods).toEqual(['2025-01', '2025-02', '2025-03']);
    // The report's own period still gives every date read.
    expect(fr.summary.period).toEqual({ from: '1970-01-01', to: '2025-03-10' });
    const said = '1 verbatim(s) daté(s) du 1970-01-01, à plus de 365 jours des autres dates';
    expect(renderReport(fr, 'md')).toContain(said);
    expect(await renderReport(fr, 'html')).toContain(said);
    expect(renderReport(fr, 'csv')).toContain('trend_period;all;outlying;1970-01-01/1970-01-01;verbatims;1');
    expect(renderReport(report('en'), 'md')).toContain('1 verbatim(s) dated 1970-01-01, over 365 days away from the other dates');
  });
});

describe('trends with placeholder dates on both sides', () => {
  it('names the first and last of them', () => {
    const builder = createReportBuilder({ meta, lang: 'en' });
    builder.addAll([...analyses, analysis({ id: 'far', date: '2099-12-31', text: 'attente interminable' })]);
    const en = finalizeReport(builder.snapshot(), { meta, lang: 'en' });
    expect(renderReport(en, 'md')).toContain('2 verbatim(s) dated 1970-01-01 to 2099-12-31, over 365 days away');
    expect(renderReport({ ...en, lang: 'fr' }, 'md')).toContain('2 verbatim(s) daté(s) du 1970-01-01 au 2099-12-31, à plus de 365 jours');
  });
});

describe('trends over more periods than listed', () => {
  // One verbatim a month for twelve years, without a gap: 144 months.
  const years = Array.from({ length: 144 }, (_, m) =>
    analysis({ id: `m${m}`, date: `${2013 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-05`, text: 'attente interminable', matches: [['attente_excessive', 'irritant', 'joignabilite', 'attente interminable']] }),
  );

  it('lists the last 120 months and says how many verbatims come before them, in every format', async () => {
    const builder = createReportBuilder({ meta, lang: 'fr' });
    builder.addAll(years);
    const fr = finalizeReport(builder.snapshot(), { meta, lang: 'fr' });
    const trends = (fr.sections.insight as { trends: { periods: string[] } }).trends;
    expect(trends.periods).toHaveLength(120);
    expect(trends.periods[0]).toBe('2015-01');
    const said = '24 verbatim(s) daté(s) du 2013-01-05 au 2014-12-05, avant les 120 dernières périodes';
    expect(renderReport(fr, 'md')).toContain(said);
    expect(await renderReport(fr, 'html')).toContain(said);
    expect(renderReport(fr, 'csv')).toContain('trend_period;all;earlier;2013-01-05/2014-12-05;verbatims;24');
    expect(renderReport({ ...fr, lang: 'en' }, 'md')).toContain('24 verbatim(s) dated 2013-01-05 to 2014-12-05, before the last 120 periods');
    const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(fr))), JSON.stringify(validate.errors)).toBe(true);
  });
});
