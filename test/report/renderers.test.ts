import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildReport, renderers, renderReport } from '../../src/report/index.js';
import type { Renderer, Report, ReportFormat, ReportMeta, ReportReject } from '../../src/report/index.js';
import { boldHighlights, escapeMarkdown } from '../../src/report/renderers/markdown.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { analysis } from './helpers.js';

const fixture = (name: string) => new URL(`../fixtures/report/${name}`, import.meta.url);
const corpus = JSON.parse(readFileSync(fixture('corpus.json'), 'utf8')) as VerbatimAnalysis[];
const meta = JSON.parse(readFileSync(fixture('meta.json'), 'utf8')) as ReportMeta;
const reject: ReportReject = { source: { file: 'export.csv', row: 12, line: 14 }, reason: 'empty_text', hint: 'La cellule du texte est vide.' };
const sample = (): Promise<Report> => buildReport([...corpus, reject], { meta });

describe('renderers on the sample corpus (golden files)', () => {
  it.each([
    ['table', 'sample.table.txt'],
    ['md', 'sample.md'],
    ['json', 'sample.json'],
    ['csv', 'sample.csv'],
  ] as const)('%s', async (format, file) => {
    await expect(renderReport(await sample(), format)).toMatchFileSnapshot(fixture(file).pathname);
  });

  it('the English table', async () => {
    await expect(renderReport(await sample(), 'table', { lang: 'en' })).toMatchFileSnapshot(fixture('sample.table.en.txt').pathname);
  });
});

describe('table', () => {
  it('fits in 100 columns and uses no color unless asked', async () => {
    const out = renderReport(await sample(), 'table');
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    expect(out).not.toContain('\u001b[');
    expect(renderReport(await sample(), 'table', { color: true })).toContain('\u001b[1m');
  });

  it('puts the per-channel table first', async () => {
    const lines = renderReport(await sample(), 'table').split('\n');
    const header = lines.findIndex((l) => l.startsWith('Canal'));
    expect(lines[header]).toMatch(/^Canal +Verbatims +Mots\/v\. +Concepts\/v\. +% irrit\. +% enchant\. +Tonalité \+\/-\/=\/~ +Score$/);
    expect(header).toBeLessThan(lines.findIndex((l) => l.startsWith('Thèmes')));
    expect(lines.slice(0, header).every((l) => !l.includes('|'))).toBe(true);
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
    const report = await sample();
    const text = renderReport(report, 'json');
    expect(JSON.parse(text)).toEqual(report);
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual([...keys].sort());
    const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(renderReport(await buildReport([]), 'json')))).toBe(true);
  });
});

describe('csv', () => {
  it('starts with a BOM and the header, one figure per CRLF row', async () => {
    const out = renderReport(await sample(), 'csv');
    expect(out.startsWith('\uFEFFsection;channel;key;label;metric;value\r\n')).toBe(true);
    const rows = out.slice(1).trimEnd().split('\r\n');
    expect(rows).toContain('channel;enquete;enquete;Enquête;words_p10;5,2');
    expect(rows).toContain('score;enquete;nps;nps;nps;25');
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
    for (const row of rows) {
      for (const cell of row.split(';')) expect(cell).not.toMatch(/^[=+@]/);
    }
  });

  it('accepts another delimiter, decimal point, no BOM', async () => {
    const out = renderReport(await sample(), 'csv', { delimiter: ',', bom: false, examples: false });
    expect(out.startsWith('section,channel,key,label,metric,value\r\n')).toBe(true);
    expect(out).toContain('channel,enquete,enquete,Enquête,words_p10,5.2\r\n');
    expect(out).not.toContain('example_1');
  });
});

describe('renderReport', () => {
  it('dispatches by name, defaults to table, accepts any Renderer', async () => {
    const report = await sample();
    expect(renderReport(report)).toBe(renderers.table!.render(report));
    const count: Renderer = { name: 'count', extension: 'txt', render: (r) => String(r.summary.analysed) };
    expect(renderReport(report, count)).toBe('8');
    expect(Object.keys(renderers)).toEqual(['table', 'md', 'json', 'csv']);
  });

  it.each([['html'], ['constructor']])('throws on an unknown format %s', async (format) => {
    const report = await sample();
    // Not a ReportFormat: the cast stands for an untyped (JavaScript) caller.
    expect(() => renderReport(report, format as ReportFormat)).toThrow(/expected format to be one of table, md, json, csv or a Renderer/);
  });

  it.each(['table', 'md', 'json', 'csv'] as const)('renders an empty report as %s', async (format) => {
    const out = renderReport(await buildReport([]), format);
    expect(out.length).toBeGreaterThan(0);
    expect(out).not.toMatch(/NaN|undefined/);
  });

  it('throws on something that is not a report', () => {
    expect(() => renderReport({} as Report)).toThrow(TypeError);
  });

  it('is pure: rendering twice gives the same text and leaves the report alone', async () => {
    const report = await sample();
    const before = JSON.stringify(report);
    for (const format of Object.keys(renderers) as ReportFormat[]) expect(renderReport(report, format)).toBe(renderReport(report, format));
    expect(JSON.stringify(report)).toBe(before);
  });
});

describe('public API', () => {
  it('pins the export list of src/report (insight analyses pinned in their own tests)', async () => {
    const insight = new Set(Object.keys(await import('../../src/report/insight/index.js')));
    expect(Object.keys(await import('../../src/report/index.js')).filter((n) => !insight.has(n)).sort()).toEqual([
      'buildReport',
      'chatSection',
      'createCorpusAccumulator',
      'createReportBuilder',
      'finalizeCorpus',
      'finalizeReport',
      'keynessStateFromReport',
      'maskPersonalData',
      'mergeCorpusStates',
      'mergeReportStates',
      'renderHtml',
      'renderReport',
      'renderers',
      'reportMeta',
    ]);
  });
});
