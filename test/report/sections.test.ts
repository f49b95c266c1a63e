// The sections after the core figures (chat, score impact, keyness, co-occurrence, trends,
// journey) in Markdown, on the hand-made fixture report; and the JSON schema of reports
// the builder writes with them.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildReport, coreSection, renderReport } from '../../src/report/index.js';
import type { Insight, Report } from '../../src/report/index.js';
import { analyzeFiles } from '../../src/node.js';
import { fixtureReport } from '../fixtures/report/report.js';
import { reportWithSections, sectionsCorpus, sectionsMeta } from './sections-helpers.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const valid = (report: Report): boolean => validate(JSON.parse(renderReport(report, 'json')));
const insightOf = (r: Report): Insight => r.sections.insight as Insight;

/** The Markdown from the first heading of the extra sections on. */
const extra = (md: string, heading: string): string => md.slice(md.indexOf(`## ${heading}`));

describe('markdown sections', () => {
  it('come after the core figures, in the list order, French by default', () => {
    const md = renderReport(fixtureReport(), 'md');
    const headings = md.split('\n').filter((l) => /^## /.test(l)).map((l) => l.slice(3));
    expect(headings).toEqual([
      'Par canal',
      'Couverture des lexiques',
      'Tous canaux',
      // Every channel of the fixture is a low base: marked † (its n and the mark's footnote under the heading).
      'Canal : Avis en ligne †',
      'Canal : Enquête †',
      'Canal : Chat †',
      'Canal : E-mail †',
      'Lignes rejetées',
      'Échanges de chat',
      'Impact sur le score',
      'Spécificités par canal',
      'Co-occurrences',
      'Évolution dans le temps',
      'Parcours client',
    ]);
  });

  it('puts each scale\'s impacts side by side, with their 95 % interval, n.s. when it holds 0, the base and the low-base flag', () => {
    const md = extra(renderReport(fixtureReport(), 'md'), 'Impact sur le score').split('\n## ')[0]!;
    expect(md).toContain('  - NPS (0–10) : Enquête — NPS +40 (n = 5)');
    expect(md).not.toContain('Attention : les canaux notent');
    expect(md.split('\n').filter((l) => /^\| [12] \| /.test(l))).toEqual([
      '| 1 | Retard \\| colis \\*perdu\\* | -33,3 \\[-52,1 ; -14,5\\] | -3,00 ★ \\[-4,20 ; -1,80\\] | 4 | — | — | 0 |',
      '| 2 | Attente excessive | — | — | 0 | -35,0 | -5,50 | 1 (base faible) |',
      '| 1 | Amabilité | +16,7 | +3,00 ★ | 1 (base faible) | +140,0 \\[-8,5 ; +288,5\\] n.s. | +5,50 \\[+2,10 ; +8,90\\] | 4 (base faible) |',
      '| 1 | Livraison et colis | 100 % | 0 % | +100,0 | 5 |',
      '| 2 | Accueil et relationnel | 0 % | 100 % | -100,0 | 1 (base faible) |',
    ]);
  });

  it('reads a single-scale report as before: one table with the with/without gap, the interval added', () => {
    const report = fixtureReport();
    insightOf(report).scores.otherScales = [];
    insightOf(report).scores.mixedScales = false;
    const md = extra(renderReport(report, 'md'), 'Impact sur le score').split('\n## ')[0]!;
    expect(md).toContain('- Échelle : étoiles (1–5)');
    expect(md.split('\n').filter((l) => l.startsWith('| 1 | '))).toEqual([
      '| 1 | Retard \\| colis \\*perdu\\* | -33,3 \\[-52,1 ; -14,5\\] | 0 % | 50 % | -3,00 ★ \\[-4,20 ; -1,80\\] | 4 |',
      '| 1 | Amabilité | +16,7 | 100 % | 0 % | +3,00 ★ | 1 (base faible) |',
      '| 1 | Livraison et colis | 100 % | 0 % | +100,0 | 5 |',
    ]);
  });

  it('greys low-base trend periods and flags moves over them', () => {
    const md = extra(renderReport(fixtureReport(), 'md'), 'Évolution dans le temps').split('\n## ')[0]!;
    expect(md).toContain('| 2026-01 (base faible) | 7 |');
    expect(md).toContain('| 2026-02 | 9 |');
    expect(md).toContain('Base faible : période de moins de 8 verbatims');
    expect(md).toContain('| hausse (base faible) | Attente excessive |');
  });

  it('escapes labels, keys and periods in every table so no row gains a column', () => {
    const md = renderReport(fixtureReport(), 'md');
    expect(md).toContain('Retard \\| colis \\*perdu\\*');
    expect(md).not.toContain('Retard | colis');
    const tables = md.split('\n\n').filter((b) => b.startsWith('|'));
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) {
      const widths = t.trimEnd().split('\n').map((l) => l.replace(/\\\|/g, '').split('|').length);
      expect(new Set(widths).size, t).toBe(1);
    }
  });

  it('escapes Markdown in keyness keys and chat channel names', () => {
    const report = fixtureReport();
    insightOf(report).keyness.channels[0]!.word.over[0]!.key = 'a|b <x> _y_';
    report.sections.chat = [{ channel: 'ch#1 | x', conversations: 2, exchanges: { mean: 3, median: 3 } }];
    const md = renderReport(report, 'md');
    expect(md).toContain('a\\|b \\<x\\> \\_y\\_');
    expect(md).toContain('| ch\\#1 \\| x | 2 | 3,0 | 3,0 |');
  });

  const absentCases: Array<[string, (r: Report) => void, string, string]> = [
    ['no sections at all', (r) => (r.sections = {}), 'Impact sur le score', 'L’analyse des scores n’a pas été calculée'],
    ['no chat transcripts', (r) => (r.sections.chat = []), 'Échanges de chat', 'Aucune conversation de chat reconnue'],
    ['no scores', (r) => (insightOf(r).scores.overall.scored = 0), 'Impact sur le score', 'Aucune note exploitable'],
    ['no score analysis', (r) => delete (insightOf(r) as Partial<Insight>).scores, 'Impact sur le score', 'L’analyse des scores n’a pas été calculée'],
    ['a single channel', (r) => (insightOf(r).keyness.channels = insightOf(r).keyness.channels.slice(0, 1)), 'Spécificités par canal', 'Un seul canal'],
    ['no co-occurring pair', (r) => (insightOf(r).cooccurrence.pairs = []), 'Co-occurrences', 'Aucune paire'],
    ['no dates', (r) => Object.assign(insightOf(r).trends, { periods: [], verbatims: [], channels: [], entries: [], compared: null, risers: [], fallers: [] }), 'Évolution dans le temps', 'Aucune date exploitable'],
    ['one period', (r) => Object.assign(insightOf(r).trends, { periods: ['2026-03'], verbatims: [8], channels: [], entries: [], compared: null, risers: [], fallers: [] }), 'Évolution dans le temps', 'Toutes les dates tombent dans la même période (2026-03)'],
    ['no journey mention', (r) => { const j = insightOf(r).journey; j.overall.irritant.mentions = 0; j.overall.enchantment.mentions = 0; }, 'Parcours client', 'Aucun irritant ni enchantement'],
    ['a malformed insight part', (r) => ((insightOf(r) as unknown as Record<string, unknown>).journey = { overall: 'oops' }), 'Parcours client', 'n’a pas été calculée'],
  ];

  it.each(absentCases)('says why a section is empty: %s', (_, mutate, heading, sentence) => {
    const report = fixtureReport();
    mutate(report);
    const md = renderReport(report, 'md');
    const block = extra(md, heading).split('\n## ')[0]!;
    expect(block).toContain(sentence);
    expect(block.split('\n').filter((l) => l.startsWith('|'))).toEqual([]);
    expect(md).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('says which analyses were not computed in a report built with the core figures only', async () => {
    const md = renderReport(await buildReport(sectionsCorpus(), { meta: sectionsMeta, sections: [coreSection()] }), 'md');
    expect(md.trimEnd().split('\n').slice(-3)).toEqual(['## Parcours client', '', 'L’analyse du parcours client n’a pas été calculée pour ce rapport.']);
    expect(md).toContain('L’analyse des spécificités n’a pas été calculée pour ce rapport.');
  });

  it('rejects a bad keyItems option', () => {
    expect(() => renderReport(fixtureReport(), 'md', { keyItems: 0 })).toThrow(/expected keyItems to be a positive integer/);
  });
});

describe('schemaVersion', () => {
  it('renderers read version 2 and version 1 reports, and refuse others', () => {
    const report = fixtureReport();
    const v1 = { ...report, schemaVersion: 1 } as unknown as Report;
    expect(renderReport(v1, 'md')).toBe(renderReport(report, 'md'));
    expect(() => renderReport({ ...report, schemaVersion: 3 } as unknown as Report, 'md')).toThrow(/expected a Report \(schemaVersion 2\)/);
  });
});

describe('JSON schema v2 with sections', () => {
  it('the hand-made fixture report validates (it is a report the builder could write)', () => {
    expect(valid(fixtureReport()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('a report built from hand-made analyses with every default section validates', async () => {
    const report = await reportWithSections();
    expect(report.schemaVersion).toBe(2);
    expect(valid(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('a report built by analyzeFiles on a small CSV validates', async () => {
    const { report } = await analyzeFiles([new URL('../fixtures/report/small-corpus.csv', import.meta.url).pathname]);
    expect(Object.keys(report.sections).sort()).toEqual(['chat', 'insight']);
    expect(valid(report), JSON.stringify(validate.errors)).toBe(true);
    // The renderers read what the pipeline wrote.
    expect(renderReport(report, 'md')).toContain('## Impact sur le score');
  }, 30_000);

  it('documents every field of sections.chat and sections.insight (no undocumented extra field)', async () => {
    const json = JSON.parse(renderReport(await reportWithSections(), 'json')) as { sections: { insight: { scores: Record<string, unknown> } } };
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

  it('still lets other sections through under their own name', async () => {
    const report = await reportWithSections();
    report.sections.custom = { anything: [1, 2] };
    expect(valid(report)).toBe(true);
  });
});
