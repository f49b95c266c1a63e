// Tidy tables of a finished report (--export keyness|cooccurrence|trends|drivers):
// one row per item of the report's own results, typed columns, the exports' CSV.
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  coreSection,
  cooccurrenceTable,
  defaultSections,
  driversTable,
  keynessTable,
  reportTable,
  tidyCsv,
  trendsTable,
  type CooccurrenceResult,
  type KeynessResult,
  type Report,
  type ReportTableKind,
  type ScoresResult,
  type TrendsResult,
} from '../../src/report/index.js';
import { fixtureReport } from '../fixtures/report/report.js';
import { reportWithSections, sectionsCorpus, sectionsMeta } from './sections-helpers.js';

const insight = (r: Report) => r.sections.insight as { keyness: KeynessResult; cooccurrence: CooccurrenceResult; trends: TrendsResult; scores: ScoresResult };
/** A table's rows as records, by column name. */
const records = (t: { columns: string[]; rows: unknown[][] }) => t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [c, row[i]])));

describe('tidy tables of a report', () => {
  it('keyness: one row per key item, shares of the group and of the rest', async () => {
    const report = await reportWithSections();
    const table = keynessTable(report);
    expect(table.columns).toEqual(['by', 'group', 'kind', 'term', 'label', 'count', 'count_rest', 'share', 'share_rest', 'g2', 'p_value', 'log_ratio', 'direction']);
    const items = insight(report).keyness.channels.flatMap((c) =>
      (['word', 'expression', 'concept'] as const).flatMap((k) => [...c[k].over.map((i) => ({ c, i, d: 'over' })), ...c[k].under.map((i) => ({ c, i, d: 'under' }))]),
    );
    expect(items.length).toBeGreaterThan(0);
    expect(table.rows).toHaveLength(items.length);
    const rows = records(table);
    for (const { c, i, d } of items) {
      const row = rows.find((r) => r['group'] === c.channel && r['term'] === i.key && r['direction'] === d)!;
      expect(row).toMatchObject({ by: 'channel', count: i.count, count_rest: i.otherCount });
      expect(row['share'] as number).toBeCloseTo(i.rate / (i.kind === 'concept' ? 100 : 1000), 6);
      expect(row['g2'] as number).toBeCloseTo(i.g2, 3);
      expect(Math.sign(row['g2'] as number)).toBe(d === 'over' ? 1 : -1);
      if (i.kind === 'concept') expect(row['kind']).toBe(i.entryKind);
    }
  });

  it('keyness by a column: rows by the column beside the rows by channel', async () => {
    // The chat verbatims (all about waiting) come from one shop: its words are key.
    const corpus = sectionsCorpus().map((a) => ({ ...a, meta: { magasin: a.channel === 'chat' ? 'Lyon' : 'Lille' } }));
    const sections = defaultSections({ keyness: { maxP: 0.05, minFrequency: 3 } });
    const report = await buildReport(corpus, { meta: sectionsMeta, groupBy: 'magasin', sections });
    const byColumn = records(keynessTable(report)).filter((r) => r['by'] === 'magasin');
    const groups = (report.sections.insight as { keynessBy: { groups: Array<{ group: string; word: { over: unknown[]; under: unknown[] } }> } }).keynessBy.groups;
    expect(groups.map((g) => g.group).sort()).toEqual(['Lille', 'Lyon']);
    expect(byColumn.find((r) => r['group'] === 'Lyon' && r['term'] === 'attente')).toMatchObject({ kind: 'word', direction: 'over' });
    expect(byColumn.every((r) => r['group'] === 'Lyon' || r['group'] === 'Lille')).toBe(true);
  });

  it('co-occurrence: one row per pair, all channels first', async () => {
    const report = await reportWithSections();
    const result = insight(report).cooccurrence;
    const rows = records(cooccurrenceTable(report));
    expect(rows).toHaveLength(result.pairs.length + result.channels.reduce((s, c) => s + c.pairs.length, 0));
    const p = result.pairs[0]!;
    expect(rows[0]).toMatchObject({ channel: 'all', a_kind: p.a.kind, a: p.a.id, b: p.b.id, verbatims: p.count, count_a: p.a.count, count_b: p.b.count });
    expect(rows[0]!['lift'] as number).toBeCloseTo(p.lift, 4);
  });

  it('trends: one row per period and series, the share of the period and its base', async () => {
    const report = await reportWithSections();
    const t = insight(report).trends;
    const rows = records(trendsTable(report));
    expect(rows).toHaveLength(t.periods.length * (t.channels.length + t.entries.length));
    for (const row of rows) {
      const i = t.periods.indexOf(row['period'] as string);
      expect(row['n']).toBe(t.verbatims[i]);
      expect(row['share']).toBe(row['n'] === 0 ? null : Number(((row['verbatims'] as number) / (row['n'] as number)).toPrecision(6)));
      expect(row['low_base']).toBe(t.lowBase[i] ? 1 : 0);
    }
  });

  it('drivers: one row per scored entry and scale, with and without it, with the intervals', async () => {
    const report = await reportWithSections();
    const s = insight(report).scores;
    const scales = [s, ...s.otherScales];
    const rows = records(driversTable(report));
    expect(rows).toHaveLength(scales.reduce((n, x) => n + Object.values(x.entries).flat().length, 0));
    for (const scale of scales) {
      const e = Object.values(scale.entries).flat().find((x) => x.impact !== null);
      if (e === undefined) continue;
      const row = rows.find((r) => r['scale'] === scale.scale.kind && r['id'] === e.id && r['kind'] === e.kind)!;
      expect(row).toMatchObject({ with_n: e.scored, without_n: e.without.scored, low_base: e.lowBase ? 1 : 0 });
      expect(row['impact'] as number).toBeCloseTo(e.impact!, 4);
      if (e.impactCi !== null) {
        // Six significant digits, as every number of the tables.
        expect(row['impact_low']).toBe(Number(e.impactCi[0].toPrecision(6)));
        expect(row['impact_high']).toBe(Number(e.impactCi[1].toPrecision(6)));
        expect(row['significant']).toBe(e.significant ? 1 : 0);
      }
    }
  });

  it('drivers: the scales side by side (stars, then the NPS survey of the fixture), intervals as given', () => {
    const rows = records(driversTable(fixtureReport()));
    expect([...new Set(rows.map((r) => r['scale']))]).toEqual(['stars', 'nps']);
    expect(rows.find((r) => r['scale'] === 'stars' && r['id'] === 'retard_livraison')).toMatchObject({ impact_low: -52.1, impact_high: -14.5, mean_gap_low: -4.2, mean_gap_high: -1.8 });
  });

  it.each(['keyness', 'cooccurrence', 'trends', 'drivers'] as const)('%s: a report without the analysis gives the header alone', async (kind: ReportTableKind) => {
    const report = await buildReport(sectionsCorpus(), { meta: sectionsMeta, sections: [coreSection()] });
    const table = reportTable(report, kind);
    expect(table.columns.length).toBeGreaterThan(3);
    expect(table.rows).toEqual([]);
  });

  it('refuses an unknown kind', async () => {
    const report = await reportWithSections();
    expect(() => reportTable(report, 'heatmap' as ReportTableKind)).toThrow(/expected a table kind/);
  });

  it('CSV as the exports write it: BOM, ";", CRLF, decimal point, empty for null, formulas neutralised', () => {
    const text = tidyCsv({ columns: ['term', 'share', 'p_value', 'note'], rows: [['=SOMME(A1)', 0.125, null, 'a;b'], ['-x', -2.5, 6.5e-7, '']] });
    expect(text).toBe("\uFEFFterm;share;p_value;note\r\n'=SOMME(A1);0.125;;\"a;b\"\r\n'-x;-2.5;6.5e-7;\r\n");
  });
});
