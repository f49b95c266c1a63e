// --delimiter: the CSV field separator told instead of detected, for analyze
// (and discover, kwic: the same input flags), queue produce and --sector auto;
// checked before anything is read.
// In-process through main(), on small files written here.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { sink } from './_sink.js';
import { EXIT, main } from '../../src/cli/main.js';

async function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, {
    stdout: out.stream,
    stderr: err.stream,
    env: { CI: 'true', VERBATIM_LANG: 'en' },
    stdin: Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]),
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

interface Provenance {
  provenance: { columns: Array<{ description: string; text?: string; id?: string }> };
  summary: { analysed: number; rejected: number };
}
const reportOf = (stdout: string): Provenance => JSON.parse(stdout) as Provenance;

let dir = '';
const at = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-delimiter-'));
  // Pipes between fields; semicolons and commas inside the texts.
  writeFileSync(at('pipes.csv'), 'id|commentaire\nP1|Livraison lente ; colis abîmé, carton ouvert\nP2|Conseiller aimable, problème réglé ; merci\n');
  writeFileSync(at('semicolons.csv'), 'id;commentaire\nS1;Bon produit, livré vite\nS2;Colis abîmé, remboursé\n');
  writeFileSync(at('tabs.csv'), 'id\tcommentaire\nT1\tAttente au téléphone, 40 minutes ; inadmissible\n');
  writeFileSync(at('avis.json'), JSON.stringify([{ id: 'J1', commentaire: 'Colis abîmé, remboursé vite' }]));
  writeFileSync(at('avis.jsonl'), `${JSON.stringify({ id: 'L1', commentaire: 'Attente trop longue' })}\n`);
  // No extension: sniffed as JSON Lines from its first bytes.
  writeFileSync(at('export'), `${JSON.stringify({ id: 'X1', commentaire: 'Très bon accueil' })}\n`);
});

describe('--delimiter', () => {
  it('reads the fields with the delimiter given, texts with the other separators left whole', async () => {
    const r = await cli(['analyze', at('pipes.csv'), '--delimiter', '|', '--format', 'json', '--annotate', at('pipes.jsonl'), '--annotate-text', '--no-mask']);
    expect(r.code).toBe(0);
    const report = reportOf(r.stdout);
    expect(report.provenance.columns[0]).toMatchObject({ description: 'csv, delimiter "|", utf8', id: 'id', text: 'commentaire' });
    expect(report.summary).toMatchObject({ analysed: 2, rejected: 0 });
    const texts = readFileSync(at('pipes.jsonl'), 'utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts).toEqual(['Livraison lente ; colis abîmé, carton ouvert', 'Conseiller aimable, problème réglé ; merci']);
  });

  it('wins over the detection: a semicolon file read with --delimiter , has one header and rows of two fields', async () => {
    const detected = reportOf((await cli(['analyze', at('semicolons.csv'), '--format', 'json'])).stdout);
    expect(detected.provenance.columns[0]?.description).toBe('csv, delimiter ";", utf8');
    const told = await cli(['analyze', at('semicolons.csv'), '--delimiter', ',', '--text', 'id;commentaire', '--format', 'json']);
    expect([told.code, told.stdout]).toEqual([EXIT.input, '']);
    expect(told.stderr).toContain('no verbatim could be analysed (2 rows skipped — wrong column count: 2;');
  });

  it.each([['tab'], ['\\t'], ['\t']])('%j means a tab', async (value) => {
    const r = await cli(['analyze', at('tabs.csv'), '--delimiter', value, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(reportOf(r.stdout).provenance.columns[0]?.description).toBe('csv, delimiter "tab", utf8');
  });

  it('applies to standard input', async () => {
    const r = await cli(['analyze', '-', '--delimiter', '|', '--format', 'json'], readFileSync(at('pipes.csv'), 'utf8'));
    expect(r.code).toBe(0);
    expect(reportOf(r.stdout).provenance.columns[0]?.description).toBe('csv, delimiter "|", utf8');
  });

  it.each([
    [['analyze', 'FILE', '--delimiter', ';;'], '--delimiter expects one character other than a quote or a line break'],
    [['analyze', 'FILE', '--delimiter', '"'], 'got """'],
    [['analyze', 'FILE', '--delimiter', ''], 'got ""'],
    [['analyze', 'FILE', '--delimiter', ';', '--delimiter', ','], '--delimiter is given twice'],
    [['discover', 'FILE', '--delimiter', 'tabs'], '--delimiter expects one character'],
    [['queue', 'produce', 'FILE', '--delimiter', '\n'], '--delimiter expects one character'],
  ])('%j: a usage error before anything is read', async (args, message) => {
    const r = await cli(args.map((a) => (a === 'FILE' ? at('pipes.csv') : a)));
    expect([r.code, r.stdout]).toEqual([EXIT.usage, '']);
    expect(r.stderr).toContain(message);
  });

  it('with an input read as JSON, JSON Lines or XLSX: a warning naming it, the run goes on', async () => {
    const r = await cli(['analyze', at('semicolons.csv'), at('avis.json'), at('avis.jsonl'), at('export'), '--delimiter', ';', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(reportOf(r.stdout).summary).toMatchObject({ analysed: 5, rejected: 0 });
    const warnings = r.stderr.split('\n').filter((line) => line.includes('--delimiter'));
    expect(warnings).toEqual([
      `verbatim: warning: --delimiter applies to CSV and TSV inputs only: ignored for ${at('avis.json')}, read as JSON`,
      `verbatim: warning: --delimiter applies to CSV and TSV inputs only: ignored for ${at('avis.jsonl')}, read as JSONL`,
      `verbatim: warning: --delimiter applies to CSV and TSV inputs only: ignored for ${at('export')}, read as JSONL`,
    ]);
    // Told for the format it is read as: --input-format csv makes the same bytes a CSV input.
    const asCsv = await cli(['analyze', at('pipes.csv'), '--delimiter', '|', '--input-format', 'csv', '--format', 'json']);
    expect([asCsv.code, asCsv.stderr]).toEqual([0, '']);
    // Without --delimiter: nothing said.
    expect((await cli(['analyze', at('avis.json'), '--format', 'json'])).stderr).toBe('');
  });

  it('the warning in French by default, and from discover too', async () => {
    const out = sink();
    const err = sink();
    const code = await main(['discover', at('avis.json'), '--delimiter', ';', '--format', 'json'], { stdout: out.stream, stderr: err.stream, env: { CI: 'true' }, stdin: Readable.from([]) });
    expect(code).toBe(0);
    expect(err.text()).toBe(`verbatim: avertissement : --delimiter ne vaut que pour les entrées CSV et TSV : ignoré pour ${at('avis.json')}, lu comme JSON\n`);
  });

  it('--sector auto reads the first texts with it too', async () => {
    // Telecom words in a file delimited by #, which no detection tries: read without the delimiter, it has no column "commentaire".
    const rows = Array.from({ length: 30 }, (_, k) => `T${k}#Box internet coupée, fibre en panne ; réseau mobile absent#${k % 10}`);
    writeFileSync(at('telecom.csv'), ['id#commentaire#note', ...rows].join('\n'));
    const r = await cli(['analyze', at('telecom.csv'), '--delimiter', '#', '--text', 'commentaire', '--sector', 'auto', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/--sector auto: telecom/);
  });
});
