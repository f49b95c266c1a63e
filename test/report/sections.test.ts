// Markdown, table and JSON renderings of a report WITH sections (chat, insight).
// Golden files: regenerate with `npx vitest run test/report/sections.test.ts -u`, then review the diff.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildReport, chatSection, renderReport } from '../../src/report/index.js';
import type { Report } from '../../src/report/index.js';
import { analyzeFiles } from '../../src/io/index.js';
import { reportWithSections, sectionsCorpus, sectionsMeta } from './sections-helpers.js';

const fixture = (name: string) => new URL(`../fixtures/report/${name}`, import.meta.url);
const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const valid = (report: Report): boolean => validate(JSON.parse(renderReport(report, 'json')));

/** The Markdown from the first heading of the extra sections on. */
const extra = (md: string, heading: string): string => md.slice(md.indexOf(`## ${heading}`));

describe('a report with sections (golden files)', () => {
  it.each([
    ['md', 'fr', 'sections.md'],
    ['md', 'en', 'sections.en.md'],
    ['table', 'fr', 'sections.table.txt'],
    ['table', 'en', 'sections.table.en.txt'],
  ] as const)('%s in %s', async (format, lang, file) => {
    await expect(renderReport(await reportWithSections(), format, { lang })).toMatchFileSnapshot(fixture(file).pathname);
  });
});

describe('markdown sections', () => {
  it('come after the existing content, in a fixed order, French by default', async () => {
    const md = renderReport(await reportWithSections(), 'md');
    const headings = md.split('\n').filter((l) => /^## /.test(l)).map((l) => l.slice(3));
    expect(headings).toEqual([
      'Par canal',
      'Tous canaux',
      'Canal : Avis en ligne',
      'Canal : Enquête',
      'Canal : Chat',
      'Échanges de chat',
      'Impact sur le score',
      'Spécificités par canal',
      'Co-occurrences',
      'Évolution dans le temps',
      'Parcours client',
    ]);
  });

  it('ranks irritants by impact, with the with/without gap, the base and the low-base flag', async () => {
    const md = extra(renderReport(await reportWithSections(), 'md'), 'Impact sur le score');
    const rows = md.split('\n').filter((l) => l.startsWith('| 1 | ') || l.startsWith('| 2 | ') || l.startsWith('| 3 | '));
    expect(rows.slice(0, 3)).toEqual([
      '| 1 | Retard \\| colis \\*perdu\\* | -65,5 | -100 | +57 | -6,71 | 5 |',
      '| 2 | Prix excessif | -18,3 | -100 | +10 | -3,50 | 2 (base faible) |',
      '| 3 | Attente excessive | -8,3 | -100 | 0 | +0,09 | 1 (base faible) |',
    ]);
  });

  it('escapes labels, keys and periods in every table so no row gains a column', async () => {
    const report = await reportWithSections();
    const md = renderReport(report, 'md');
    expect(md).toContain('Retard \\| colis \\*perdu\\*');
    expect(md).not.toContain('Retard | colis');
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) {
      const columns = line.replace(/\\\|/g, '').split('|').length;
      expect(columns, line).toBeGreaterThan(2);
    }
    // Every table keeps its header's column count on every row.
    const tables = md.split('\n\n').filter((b) => b.startsWith('|'));
    for (const t of tables) {
      const widths = t.trimEnd().split('\n').map((l) => l.replace(/\\\|/g, '').split('|').length);
      expect(new Set(widths).size, t).toBe(1);
    }
  });

  it('escapes Markdown in keyness keys and chat channel names', async () => {
    const report = await reportWithSections();
    const insight = report.sections.insight as { keyness: { channels: Array<{ word: { over: Array<{ key: string }> } }> } };
    const first = insight.keyness.channels[0]!.word.over[0]!;
    first.key = 'a|b <x> _y_';
    report.sections.chat = [{ channel: 'ch#1 | x', conversations: 2, exchanges: { mean: 3, median: 3 } }];
    const md = renderReport(report, 'md');
    expect(md).toContain('a\\|b \\<x\\> \\_y\\_');
    expect(md).toContain('| ch\\#1 \\| x | 2 | 3,0 | 3,0 |');
  });

  const absentCases: Array<[string, (r: Report) => void, string, string]> = [
    ['no sections at all', (r) => (r.sections = {}), 'Analyses complémentaires', 'Non calculées'],
    ['no chat transcripts', (r) => (r.sections.chat = []), 'Échanges de chat', 'Aucune conversation de chat reconnue'],
    ['no scores', (r) => (insightOf(r).scores.overall.scored = 0), 'Impact sur le score', 'Aucune note exploitable'],
    ['no score analysis', (r) => delete (insightOf(r) as Partial<Insightish>).scores, 'Impact sur le score', 'L’analyse des scores n’a pas été calculée'],
    ['a single channel', (r) => (insightOf(r).keyness.channels = insightOf(r).keyness.channels.slice(0, 1)), 'Spécificités par canal', 'Un seul canal'],
    ['no co-occurring pair', (r) => (insightOf(r).cooccurrence.pairs = []), 'Co-occurrences', 'Aucune paire'],
    ['no dates', (r) => Object.assign(insightOf(r).trends, { periods: [], verbatims: [], channels: [], entries: [], compared: null, risers: [], fallers: [] }), 'Évolution dans le temps', 'Aucune date exploitable'],
    ['one period', (r) => Object.assign(insightOf(r).trends, { periods: ['2026-03'], verbatims: [8], channels: [], entries: [], compared: null, risers: [], fallers: [] }), 'Évolution dans le temps', 'Toutes les dates tombent dans la même période (2026-03)'],
    ['no journey mention', (r) => { const j = insightOf(r).journey; j.overall.irritant.mentions = 0; j.overall.enchantment.mentions = 0; }, 'Parcours client', 'Aucun irritant ni enchantement'],
    ['a malformed insight part', (r) => ((insightOf(r) as unknown as Record<string, unknown>).journey = { overall: 'oops' }), 'Parcours client', 'n’a pas été calculée'],
  ];

  it.each(absentCases)('says why a section is empty: %s', async (_, mutate, heading, sentence) => {
    const report = await reportWithSections();
    mutate(report);
    const md = renderReport(report, 'md');
    const block = extra(md, heading).split('\n## ')[0]!;
    expect(block).toContain(sentence);
    expect(block.split('\n').filter((l) => l.startsWith('|'))).toEqual([]);
    expect(md).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('says the analyses were not computed on a plain buildReport report', async () => {
    const md = renderReport(await buildReport(sectionsCorpus(), { meta: sectionsMeta }), 'md');
    expect(md.trimEnd().split('\n').slice(-3)).toEqual([
      '## Analyses complémentaires',
      '',
      'Non calculées : ce rapport ne contient ni échanges de chat ni analyses (sections.chat, sections.insight) ; la commande verbatim analyze les produit.',
    ]);
  });

  it('rejects a bad keyItems option', async () => {
    const report = await reportWithSections();
    expect(() => renderReport(report, 'md', { keyItems: 0 })).toThrow(/expected keyItems to be a positive integer/);
  });
});

interface Insightish {
  scores: { overall: { scored: number } };
  keyness: { channels: unknown[] };
  cooccurrence: { pairs: unknown[] };
  trends: object;
  journey: { overall: { irritant: { mentions: number }; enchantment: { mentions: number } } };
}
const insightOf = (r: Report): Insightish => r.sections.insight as Insightish;

describe('table sections', () => {
  it('stay within 100 columns, in both languages', async () => {
    for (const lang of ['fr', 'en']) {
      for (const line of renderReport(await reportWithSections(), 'table', { lang }).split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
    }
  });

  it('add the chat line under the channel table and the top-5 impact block', async () => {
    const lines = renderReport(await reportWithSections(), 'table').split('\n');
    const all = lines.findIndex((l) => l.startsWith('Tous canaux'));
    expect(lines[all + 1]).toBe('Échanges de chat : Chat 6,5 (méd. 6,5, 4 conv.)');
    const impact = lines.findIndex((l) => l.startsWith('Impact sur le score'));
    expect(lines[impact]).toBe('Impact sur le score (NPS -8, n = 12)');
    expect(lines.slice(impact + 1, impact + 4).map((l) => l.replace(/ +/g, ' '))).toEqual([
      ' 1. Retard | colis *perdu* -65,5 pts avec -100 / sans +57 n = 5',
      ' 2. Prix excessif -18,3 pts avec -100 / sans +10 n = 2 (base faible)',
      ' 3. Attente excessive -8,3 pts avec -100 / sans 0 n = 1 (base faible)',
    ]);
  });

  it('keeps at most five irritants in the impact block', async () => {
    const report = await reportWithSections();
    const scores = (report.sections.insight as { scores: { entries: { irritant: unknown[] } } }).scores;
    const first = scores.entries.irritant[0] as object;
    scores.entries.irritant = Array.from({ length: 8 }, (_, i) => ({ ...first, id: `irritant_${i}` }));
    const lines = renderReport(report, 'table').split('\n');
    const impact = lines.findIndex((l) => l.startsWith('Impact sur le score'));
    expect(lines.slice(impact + 1).filter((l) => /^ +\d+\. /.test(l))).toHaveLength(5);
  });

  it('adds nothing without sections', async () => {
    const out = renderReport(await buildReport(sectionsCorpus(), { meta: sectionsMeta, sections: [chatSection()] }), 'table');
    expect(out).toContain('Échanges de chat : Chat');
    expect(out).not.toContain('Impact sur le score');
    const plain = renderReport(await buildReport(sectionsCorpus(), { meta: sectionsMeta }), 'table');
    expect(plain).not.toMatch(/Échanges de chat|Impact sur le score/);
  });
});

describe('schemaVersion', () => {
  it('renderers read version 2 and version 1 reports, and refuse others', async () => {
    const report = await reportWithSections();
    const v1 = { ...report, schemaVersion: 1 } as unknown as Report;
    expect(renderReport(v1, 'md')).toBe(renderReport(report, 'md'));
    expect(() => renderReport({ ...report, schemaVersion: 3 } as unknown as Report, 'md')).toThrow(/expected a Report \(schemaVersion 2\)/);
  });
});

describe('JSON schema v2 with sections', () => {
  it('the hand-made report with sections.chat and sections.insight validates', async () => {
    const report = await reportWithSections();
    expect(report.schemaVersion).toBe(2);
    expect(valid(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('a report built by analyzeFiles on a small CSV validates', async () => {
    const { report } = await analyzeFiles([fixture('small-corpus.csv').pathname]);
    expect(Object.keys(report.sections).sort()).toEqual(['chat', 'insight']);
    expect(valid(report), JSON.stringify(validate.errors)).toBe(true);
    // The renderers read what the pipeline wrote.
    expect(renderReport(report, 'md')).toContain('## Impact sur le score');
  }, 30_000);

  it('documents every field of sections.chat and sections.insight (no undocumented extra field)', async () => {
    const report = await reportWithSections();
    const json = JSON.parse(renderReport(report, 'json')) as { sections: { insight: { scores: Record<string, unknown> } } };
    json.sections.insight.scores.surprise = 1;
    expect(validate(json)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('surprise');
  });

  it('rejects a version 1 report, and a wrong shape under sections.insight', async () => {
    const report = JSON.parse(renderReport(await reportWithSections(), 'json')) as Record<string, unknown> & { sections: { insight: { trends: { compared: unknown } } } };
    expect(validate({ ...report, schemaVersion: 1 })).toBe(false);
    report.sections.insight.trends.compared = ['2026-03'];
    expect(validate(report)).toBe(false);
  });

  it('the HTML sample report (the full sample corpus, written as version 1) validates once marked version 2', () => {
    const report = JSON.parse(readFileSync(new URL('../fixtures/html/sample-report.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(validate({ ...report, schemaVersion: 2 }), JSON.stringify(validate.errors)).toBe(true);
  });

  it('still lets other sections through under their own name', async () => {
    const report = await reportWithSections();
    report.sections.custom = { anything: [1, 2] };
    expect(valid(report)).toBe(true);
  });
});
