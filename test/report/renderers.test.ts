// The renderers on a hand-made report (test/fixtures/report/report.ts): no analyser
// and no report builder involved, so lexicon or analysis changes never move these files.
// Golden files: regenerate with `npx vitest run test/report/renderers.test.ts -u`, then review the diff.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildReport, coreSection, renderers, renderReport } from '../../src/report/index.js';
import type { Renderer, Report, ReportFormat } from '../../src/report/index.js';
import { boldHighlights, escapeMarkdown } from '../../src/report/renderers/text.js';
import { fixtureReport } from '../fixtures/report/report.js';
import { analysis } from './helpers.js';

const golden = (name: string) => new URL(`../fixtures/report/${name}`, import.meta.url).pathname;
const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

describe('renderers on the fixture report (golden files)', () => {
  it.each([
    ['table', 'fr', 'fixture.table.txt'],
    ['table', 'en', 'fixture.table.en.txt'],
    ['md', 'fr', 'fixture.md'],
    ['md', 'en', 'fixture.en.md'],
    ['csv', 'fr', 'fixture.csv'],
  ] as const)('%s in %s', async (format, lang, file) => {
    await expect(renderReport(fixtureReport(), format, { lang })).toMatchFileSnapshot(golden(file));
  });
});

describe('table', () => {
  it('fits in 100 columns in both languages and uses no color unless asked', () => {
    for (const lang of ['fr', 'en']) {
      for (const line of renderReport(fixtureReport(), 'table', { lang }).split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
    }
    const out = renderReport(fixtureReport(), 'table');
    expect(out).not.toContain('\u001b[');
    expect(renderReport(fixtureReport(), 'table', { color: true })).toContain('\u001b[1m');
  });

  it('lays the sections out: channel table, chat line, rankings, score impact, rejects', () => {
    const lines = renderReport(fixtureReport(), 'table').split('\n');
    const header = lines.findIndex((l) => l.startsWith('Canal'));
    expect(lines[header]).toMatch(/^Canal +Verbatims +Mots\/v\. +Concepts\/v\. +% irrit\. +% enchant\. +Tonalité \+\/-\/=\/~ +Score$/);
    expect(lines.slice(0, header).every((l) => !l.includes('|'))).toBe(true);
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    expect(lines[at('Tous canaux') + 1]).toBe('Échanges de chat : Chat 5,3 (méd. 5,0, 3 conv.)');
    expect([at('Tous canaux'), at('Thèmes'), at('Enchantements'), at('Impact sur le score'), at('Lignes rejetées')]).toEqual(
      [at('Tous canaux'), at('Thèmes'), at('Enchantements'), at('Impact sur le score'), at('Lignes rejetées')].sort((a, b) => a - b),
    );
    // One block per scale: the reviews' stars, then the survey's NPS, each impact with its 95 % interval.
    expect(lines[at('Impact sur le score')]).toBe('Impact sur le score — étoiles (1–5) (% satisfaits 16,7 %, n = 6)');
    expect(lines[at('Impact sur le score') + 1]?.replace(/ +/g, ' ')).toBe(' 1. Retard | colis *perdu* -33,3 pts avec 0 % / sans 50 % n = 4');
    expect(lines[at('Impact sur le score — NPS')]).toBe('Impact sur le score — NPS (0–10) (NPS +40, n = 5)');
    expect(lines[at('Impact sur le score — NPS') + 1]?.replace(/ +/g, ' ')).toBe(' 1. Attente excessive -35,0 pts avec -100 / sans +75 n = 1 (base faible)');
  });

  it('keeps at most five irritants in the impact block', () => {
    const report = fixtureReport();
    const scores = (report.sections.insight as { scores: { entries: { irritant: object[] } } }).scores;
    const first = scores.entries.irritant[0] as object;
    scores.entries.irritant = Array.from({ length: 8 }, (_, i) => ({ ...first, id: `irritant_${i}` }));
    const lines = renderReport(report, 'table').split('\n');
    const impact = lines.findIndex((l) => l.startsWith('Impact sur le score'));
    const nps = lines.findIndex((l) => l.startsWith('Impact sur le score — NPS'));
    expect(lines.slice(impact + 1, nps).filter((l) => /^ +\d+\. /.test(l))).toHaveLength(5);
  });
});

describe('markdown', () => {
  it.each([
    ['Délai trop long', [{ start: 0, end: 5, id: 'x' }], '**Délai** trop long'],
    ['attente interminable, pas de réponse', [{ start: 0, end: 20, id: 'a' }, { start: 8, end: 25, id: 'b' }], '**attente interminable, pas** de réponse'],
    ['un *vrai* _souci_', [{ start: 3, end: 9, id: 'x' }], 'un **\\*vrai\\*** \\_souci\\_'],
    ['  espaces  autour ', [{ start: 0, end: 10, id: 'x' }], '**espaces** autour'],
    ['ligne 1\nligne 2', [], 'ligne 1 ligne 2'],
  ])('bolds highlights of %j', (text, highlights, expected) => {
    expect(boldHighlights({ id: '1', channel: 'c', text, highlights })).toBe(expected);
  });

  it('escapes Markdown and table syntax in labels and text', () => {
    expect(escapeMarkdown('a | b <script> # [lien](x)')).toBe('a \\| b \\<script\\> \\# \\[lien\\](x)');
  });
});

describe('json', () => {
  it('is the report with sorted keys, and validates against schema/report.schema.json', async () => {
    const report = fixtureReport();
    const text = renderReport(report, 'json');
    expect(JSON.parse(text)).toEqual(report);
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual([...keys].sort());
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(renderReport(await buildReport([]), 'json')))).toBe(true);
  });
});

describe('csv', () => {
  it('starts with a BOM and the header, one figure per CRLF row, the core figures then every section', () => {
    const out = renderReport(fixtureReport(), 'csv');
    expect(out.startsWith('\uFEFFsection;channel;key;label;metric;value\r\n')).toBe(true);
    const rows = out.slice(1).trimEnd().split('\r\n');
    expect(rows).toContain('channel;enquete;enquete;Enquête;words_p10;5');
    expect(rows).toContain('score;enquete;nps;nps;nps;40');
    expect(rows).toContain('chat;chat;chat;Chat;exchanges_mean;5,33');
    expect(rows).toContain('score_irritant;all;retard_livraison;Retard | colis *perdu*;impact;-33,33');
    expect(rows).toContain('keyness_concept;avis_en_ligne;irritant:retard_livraison;Retard | colis *perdu*;g2;14,2');
    expect(rows).toContain('cooccurrence;all;irritant:retard_livraison + theme:prix;Retard | colis *perdu* + Prix et offres;lift;4');
    expect(rows).toContain('trend_irritant;all;attente_excessive;Attente excessive;verbatims_2026-02;3');
    expect(rows).toContain('journey_irritant;all;apres;Après l’achat;mentions;4');
    const sections = [...new Set(rows.slice(1).map((r) => r.split(';')[0]))];
    expect(sections.indexOf('chat')).toBeGreaterThan(sections.indexOf('expression'));
  });

  it('neutralises cells Excel would run as formulas, not our negative numbers', async () => {
    const evil = analysis({
      id: 'x1', channel: '=HYPERLINK("http://evil")', score: 0, text: '=1+2 @SUM(A1) -rm',
      matches: [['attente_excessive', 'irritant', 'joignabilite', '=1+2']],
    });
    const out = renderReport(
      await buildReport([evil], { meta: { entries: { attente_excessive: { label: '+Attente', kind: 'irritant' } } } }),
      'csv',
    );
    const rows = out.slice(1).split('\r\n');
    expect(rows).toContain(`channel;"'=HYPERLINK(""http://evil"")";"'=HYPERLINK(""http://evil"")";"'=HYPERLINK(""http://evil"")";verbatims;1`);
    expect(rows).toContain(`irritant;"'=HYPERLINK(""http://evil"")";attente_excessive;'+Attente;verbatims;1`);
    expect(rows).toContain(`example;"'=HYPERLINK(""http://evil"")";attente_excessive;'+Attente;example_1;'=1+2 @SUM(A1) -rm`);
    expect(rows).toContain(`score;"'=HYPERLINK(""http://evil"")";nps;nps;nps;-100`);
    expect(rows).toContain(`score_channel;"'=HYPERLINK(""http://evil"")";nps;"'=HYPERLINK(""http://evil"")";nps;-100`);
    for (const row of rows) {
      for (const cell of row.split(';')) expect(cell).not.toMatch(/^[=+@]/);
    }
  });

  it('accepts another delimiter, decimal point, no BOM', () => {
    const out = renderReport(fixtureReport(), 'csv', { delimiter: ',', bom: false, examples: false });
    expect(out.startsWith('section,channel,key,label,metric,value\r\n')).toBe(true);
    expect(out).toContain('channel,avis_en_ligne,avis_en_ligne,Avis en ligne,words_mean,14.5\r\n');
    expect(out).not.toContain('example_1');
  });
});

describe('renderReport', () => {
  it('dispatches by name, defaults to table, accepts any Renderer', async () => {
    const report = fixtureReport();
    expect(renderReport(report)).toBe(renderers.table!.render(report));
    const count: Renderer<object, string> = { name: 'count', extension: 'txt', render: (r) => String(r.summary.analysed) };
    expect(renderReport(report, count)).toBe('16');
    expect(Object.keys(renderers)).toEqual(['table', 'md', 'json', 'csv', 'html']);
    expect(await renderReport(report, 'html')).toBe(await renderers.html!.render(report));
  });

  it.each([['pdf'], ['constructor']])('throws on an unknown format %s', (format) => {
    expect(() => renderReport(fixtureReport(), format as ReportFormat)).toThrow(/expected format to be one of table, md, json, csv, html or a Renderer/);
  });

  it.each(['table', 'md', 'json', 'csv', 'html'] as const)('renders an empty report as %s', async (format) => {
    const out = await renderReport(await buildReport([]), format);
    expect(out.length).toBeGreaterThan(0);
    expect(out).not.toMatch(/NaN|undefined/);
  });

  it.each(['table', 'md', 'json', 'csv', 'html'] as const)('%s: throws on something that is not a report', async (format) => {
    await expect(async () => renderReport({} as Report, format)).rejects.toThrow(/expected a Report \(schemaVersion 2\)/);
  });

  it('is pure: rendering twice gives the same text and leaves the report alone', async () => {
    const report = fixtureReport();
    const before = JSON.stringify(report);
    for (const format of Object.keys(renderers) as ReportFormat[]) expect(await renderReport(report, format)).toBe(await renderReport(report, format));
    expect(JSON.stringify(report)).toBe(before);
  });

  it('shows only the sections it is given', () => {
    const md = renderReport(fixtureReport(), 'md', { sections: [coreSection()] });
    expect(md).toContain('## Tous canaux');
    expect(md).not.toMatch(/## (Échanges de chat|Impact sur le score|Parcours client)/);
  });
});

describe('public API', () => {
  it('pins the export list of src/report (insight analyses pinned in their own tests)', async () => {
    const insight = new Set(Object.keys(await import('../../src/report/insight/index.js')));
    expect(Object.keys(await import('../../src/report/index.js')).filter((n) => !insight.has(n)).sort()).toEqual([
      'LOW_BASE',
      'ScoreScaleError',
      'buildReport',
      'chatSection',
      'cooccurrenceSection',
      'cooccurrenceTable',
      'coreSection',
      'createReportBuilder',
      'defaultSections',
      'defineSection',
      'describeScoreScaleIssue',
      'driversTable',
      'finalizeReport',
      'journeySection',
      'keynessBySection',
      'keynessSection',
      'keynessTable',
      'maskPersonalData',
      'mergeReportStates',
      'renderHtml',
      'renderJsonChunks',
      'renderReport',
      'renderers',
      'reportMeta',
      'reportTable',
      'scoresSection',
      'tidyCsv',
      'trendsSection',
      'trendsTable',
    ]);
  });
});
