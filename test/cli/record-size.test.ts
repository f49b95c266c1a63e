// --max-record-size: the largest record read (a CSV row, a JSON element, a
// JSON Lines line, an XLSX row's cells); a larger one is a reject whose hint
// names the flag, and the flag lets a meant one through. In-process through main().
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { sink } from './_sink.js';
import { EXIT, main } from '../../src/cli/main.js';
import { workbookParts, writeZip } from '../io/_zip.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, { stdout: out.stream, stderr: err.stream, env: { CI: 'true', VERBATIM_LANG: 'en' }, stdin: Readable.from([]) });
  return { code, stdout: out.text(), stderr: err.text() };
}

let dir = '';
const at = (name: string): string => join(dir, name);
// A letter of 1.1 million characters (over the 1 MiB default), between two short reviews.
const LETTER = `Madame, Monsieur, ${'je reviens vers vous au sujet de ma commande. '.repeat(23_500)}Cordialement.`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-record-size-'));
  const rows = [{ id: 'A', commentaire: 'Livraison rapide' }, { id: 'B', commentaire: LETTER }, { id: 'C', commentaire: 'Colis abîmé' }];
  writeFileSync(at('lettre.csv'), `id;commentaire\n${rows.map((r) => `${r.id};${r.commentaire}`).join('\n')}\n`);
  writeFileSync(at('lettre.json'), JSON.stringify(rows, null, 2));
  writeFileSync(at('lettre.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeZip(at('lettre.xlsx'), Object.values(workbookParts([['id', 'commentaire'], ...rows.map((r) => [r.id, r.commentaire])])));
  // The same letter cut in two cells of one row: the row's text is its cells' together.
  const half = LETTER.length >> 1;
  writeZip(at('deux-cellules.xlsx'), Object.values(workbookParts([['id', 'debut', 'fin'], ['A', 'Livraison rapide', ''], ['B', LETTER.slice(0, half), LETTER.slice(half)]])));
});

interface Summary {
  summary: { analysed: number; rejected: number };
}

describe('--max-record-size', () => {
  it.each(['lettre.csv', 'lettre.json', 'lettre.jsonl', 'lettre.xlsx'])('%s: the 1.1 MB record is a reject by default, naming the flag; read with --max-record-size 2', async (name) => {
    const rejects = at(`${name}.rejects.csv`);
    const byDefault = await cli(['analyze', at(name), '--format', 'json', '--rejects', rejects]);
    expect(byDefault.code).toBe(0);
    expect((JSON.parse(byDefault.stdout) as Summary).summary).toMatchObject({ analysed: 2, rejected: 1 });
    expect(readFileSync(rejects, 'utf8')).toContain('--max-record-size MB');
    const raised = await cli(['analyze', at(name), '--format', 'json', '--max-record-size', '2']);
    expect(raised.code).toBe(0);
    expect((JSON.parse(raised.stdout) as Summary).summary).toMatchObject({ analysed: 3, rejected: 0 });
  });

  it('an XLSX row: where it is, and no quote to look for; its cells count together', async () => {
    const rejects = at('xlsx.rejects.csv');
    const r = await cli(['analyze', at('deux-cellules.xlsx'), '--text', 'debut+fin', '--format', 'json', '--rejects', rejects]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Summary).summary).toMatchObject({ analysed: 1, rejected: 1 });
    const [, rejected] = readFileSync(rejects, 'utf8').trimEnd().split('\n');
    expect(rejected).toContain('row 3: one record, too large to analyse (xlsx, first worksheet); raise the limit if it is meant (--max-record-size MB, maxRecordSize in the API)');
    expect(rejected).not.toContain('quote');
    // Sheet row 3, the second data row, line 3; no id: the row is not read into columns (as a CSV record over the limit).
    expect(rejected).toMatch(/deux-cellules\.xlsx;3;2;3;.*;record_too_large;$/);
  });

  it.each([
    [['analyze', 'FILE', '--max-record-size', '0']],
    [['analyze', 'FILE', '--max-record-size', '257']],
    [['queue', 'produce', 'FILE', '--max-record-size', '300']],
  ])('%j: a usage error before anything is read', async (args) => {
    const r = await cli(args.map((a) => (a === 'FILE' ? at('lettre.csv') : a)));
    expect([r.code, r.stdout]).toEqual([EXIT.usage, '']);
    expect(r.stderr).toMatch(/--max-record-size (expects a size in MB from 1 to 256|expects a whole number)/);
  });
});
