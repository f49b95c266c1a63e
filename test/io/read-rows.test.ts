// Issue 9, "Rows lost or invented" and "Special names": every case as a test.
// Small cases are committed fixtures (test/fixtures/io/generate.ts); big ones
// are generated here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadItem } from '../../src/io/index.js';
import { fixture, readAll, summary, tempDir } from './_helpers.js';

const texts = (items: ReadItem[]) => items.map((i) => (i.type === 'verbatim' ? i.verbatim.text : `reject: ${i.reason}`));
const ids = (items: ReadItem[]) => items.flatMap((i) => (i.type === 'verbatim' ? [i.verbatim.id] : []));

describe('no record lost, merged or invented', () => {
  it.each([
    // One stray quote in a CR-only file: its line alone is lost, not every line after it.
    ['cr-stray-quote.csv', [[1, 2, 'c1'], [2, 3, 'reject: unbalanced quote'], [3, 4, 'c3'], [4, 5, 'c4']]],
    // Two unclosed quotes: each loses its own line, the row between them stays a row.
    ['two-open-quotes.csv', [[1, 2, 't1'], [2, 3, 'reject: unbalanced quote'], [3, 4, 't3'], [4, 5, 'reject: unbalanced quote'], [5, 6, 't5']]],
    // LF, CRLF and CR mixed: one record per line, the quoted CRLF stays inside its cell.
    ['mixed-eol.csv', [[1, 2, 'm1'], [2, 3, 'm2'], [3, 4, 'm3'], [4, 5, 'm4'], [5, 7, 'm5']]],
    // Blank lines before the header.
    ['blank-before-header.csv', [[1, 4, 'b1']]],
    // JSONL with CR line ends.
    ['cr.jsonl', [[1, 1, 'j1'], [2, 2, 'j2'], [3, 4, 'j3']]],
  ])('%s', async (name, expected) => {
    expect(summary(await readAll([fixture(name)]))).toEqual(expected);
  });

  it('keeps the texts of the rows around the lost lines, and says which lines were lost', async () => {
    const items = await readAll([fixture('two-open-quotes.csv')]);
    expect(texts(items)).toEqual(['Très bon accueil', 'reject: unbalanced quote', 'Conseiller aimable', 'reject: unbalanced quote', 'Rien à redire']);
    expect(items[1]).toMatchObject({ hint: expect.stringMatching(/^line 3: a cell opening with " at line 3 .*reading resumed at line 4/) });
    const mixed = await readAll([fixture('mixed-eol.csv')]);
    expect(texts(mixed)).toEqual(['Un', 'Deux', 'Trois', 'Quatre\r\nsur deux lignes', 'Cinq']);
  });

  it('5,000 rows with a stray quote every 20th comment: 4,750 verbatims and 250 rejects, at the right lines', async () => {
    const rows = ['id;commentaire;canal'];
    for (let i = 1; i <= 5000; i++) rows.push(`r${i};${i % 20 === 0 ? '"' : ''}Commentaire numéro ${i}, livraison en retard;avis`);
    const path = join(tempDir(), 'stray-every-20.csv');
    writeFileSync(path, rows.join('\r\n') + '\r\n');
    const items = await readAll([path]);
    expect(items).toHaveLength(5000);
    const rejects = items.filter((i) => i.type === 'reject');
    expect(rejects).toHaveLength(250);
    expect(rejects.map((r) => r.source.line)).toEqual(Array.from({ length: 250 }, (_, k) => (k + 1) * 20 + 1));
    expect(new Set(ids(items)).size).toBe(4750);
    expect(items.map((i) => i.source.row)).toEqual(Array.from({ length: 5000 }, (_, k) => k + 1));
  });

  describe('one quoted 10 MB cell holding 1.3 million line breaks is one record', () => {
    const cell = 'ligne n\n'.repeat(1_300_000);
    it.each([
      ['two columns', 'id;commentaire\n', (body: string) => `a;avant\nb;"${body}"\nc;après\n`],
      ['one column', 'commentaire\n', (body: string) => `avant\n"${body}"\naprès\n`],
    ])('%s', async (_name, header, rows) => {
      const path = join(tempDir(), 'huge-cell.csv');
      writeFileSync(path, header + rows(cell));
      const last = 3 + 1_300_000 + 1;
      const byDefault = await readAll([path]);
      expect(summary(byDefault).map(([row, line, what]) => [row, line, typeof what === 'string' && what.startsWith('reject') ? what : 'verbatim'])).toEqual([
        [1, 2, 'verbatim'],
        [2, 3, 'reject: record larger than 1048576 characters'],
        [3, last, 'verbatim'],
      ]);
      expect(byDefault[1]).toMatchObject({ hint: expect.stringMatching(new RegExp(`^lines 3-${last - 1}: one record`)) });
      const raised = await readAll([path], { maxRecordSize: 16 * 1024 * 1024 });
      expect(raised.map((i) => i.type)).toEqual(['verbatim', 'verbatim', 'verbatim']);
      expect(raised[1]!.type === 'verbatim' && raised[1]!.verbatim.text).toBe(cell);
      expect(raised[2]!.source.line).toBe(last);
    });
  });

  it('JSONL whose first line is over 64 KB (one long letter)', async () => {
    const letter = 'Madame, Monsieur, je vous écris au sujet de ma commande. '.repeat(1300);
    expect(letter.length).toBeGreaterThan(64 * 1024);
    const path = join(tempDir(), 'letter.jsonl');
    writeFileSync(path, `${JSON.stringify({ id: 'lettre', message: letter })}\n{"id":"court","message":"Merci"}\n`);
    const items = await readAll([path]);
    expect(summary(items)).toEqual([[1, 1, 'lettre'], [2, 2, 'court']]);
    expect(items[0]!.type === 'verbatim' && items[0]!.verbatim.text).toBe(letter);
  });

  it('CSV whose header is over 256 KB (a survey export with 20,000 columns)', async () => {
    const columns = Array.from({ length: 20_000 }, (_, k) => `question_${String(k).padStart(5, '0')}`);
    const header = ['id', 'commentaire', ...columns].join(';');
    expect(header.length).toBeGreaterThan(256 * 1024);
    const path = join(tempDir(), 'wide.csv');
    writeFileSync(path, `${header}\nw1;Questionnaire trop long;${columns.map(() => '3').join(';')}\n`);
    const items = await readAll([path]);
    expect(summary(items)).toEqual([[1, 2, 'w1']]);
    expect(items[0]!.type === 'verbatim' && items[0]!.verbatim.text).toBe('Questionnaire trop long');
  });
});

describe('special column names: only the record own fields', () => {
  it.each([
    ['special-names.csv', { text: '__proto__' }, ['Texte du proto']],
    ['special-names.csv', { text: 'constructor' }, ['Texte du constructeur']],
    ['special-names.csv', { text: 'toString' }, ['x']],
    ['special-names.jsonl', { text: '__proto__' }, ['Texte du proto', 'reject: empty text']],
    ['special-names.jsonl', { text: 'constructor' }, ['k1', 'reject: empty text']],
  ])('%s --text %j', async (name, columns, expected) => {
    expect(texts(await readAll([{ path: fixture(name), ...columns }]))).toEqual(expected);
  });

  it('--id constructor: a record without that field gets the default id', async () => {
    const items = await readAll([{ path: fixture('special-names.jsonl'), id: 'constructor', text: 'texte' }]);
    expect(ids(items)).toEqual(['k1', 'special-names.jsonl:2']);
  });

  it('a column named __proto__ is kept in meta like any other', async () => {
    const [item] = await readAll([{ path: fixture('special-names.csv'), text: 'constructor' }]);
    expect(item!.type === 'verbatim' && Object.entries(item!.verbatim.meta ?? {})).toEqual([['__proto__', 'Texte du proto'], ['toString', 'x']]);
  });
});
