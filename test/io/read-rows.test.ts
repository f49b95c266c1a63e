// Issue 9, "Rows lost or invented" and "Special names": every case as a test.
// Small cases are committed fixtures (test/fixtures/io/generate.ts); big ones
// are generated here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { prepareCsv } from '../../src/io/csv-reader.js';
import type { ReadItem } from '../../src/io/index.js';
import { rowValues, type RawItem } from '../../src/io/raw.js';
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

describe('recovery from a broken quote', () => {
  const write = (name: string, content: string | Buffer): string => {
    const path = join(tempDir(), name);
    writeFileSync(path, content);
    return path;
  };

  it('a multi-line record broken by a loose quote is lost up to the next line of the header width, as one reject', async () => {
    const path = write('span.csv', 'id;commentaire;canal\nr1;Bien;avis\nr2;"Bonjour,\nil a dit "non"\net a raccroché";tel\nr3;Merci;chat\n');
    const items = await readAll([path]);
    expect(summary(items)).toEqual([[1, 2, 'r1'], [2, 3, 'reject: unbalanced quote'], [3, 6, 'r3']]);
    expect(items[1]).toMatchObject({ hint: expect.stringMatching(/^lines 3-5: .* reading resumed at line 6/) });
  });

  it('with no such line until the end of the file, the span runs to the end', async () => {
    const path = write('to-end.csv', 'id;commentaire;canal\nr1;Bien;avis\nr2;"Bonjour,\nil a dit "non"\nfin\n');
    const items = await readAll([{ path, delimiter: ';' }]);
    expect(summary(items)).toEqual([[1, 2, 'r1'], [2, 3, 'reject: unbalanced quote']]);
    expect(items[1]).toMatchObject({ hint: expect.stringMatching(/^lines 3-5: .*the file ends inside it/) });
  });

  it('with no such line within maxRecordSize, only the line of the quote is lost and the next lines are read as they are', async () => {
    const tail = Array.from({ length: 40 }, (_, k) => `x${k};deux cellules`).join('\n');
    const path = write('far.csv', `id;commentaire;canal\nr1;"Bonjour,\nil a dit "non"\n${tail}\nr2;Merci;chat\n`);
    const items = await readAll([{ path, delimiter: ';' }], { maxRecordSize: 200 });
    expect(items).toHaveLength(1 + 1 + 40 + 1);
    expect(summary(items).slice(0, 3)).toEqual([[1, 2, 'reject: unbalanced quote'], [2, 3, 'reject: wrong column count: 1 instead of 3'], [3, 4, 'reject: wrong column count: 2 instead of 3']]);
    expect(summary(items).at(-1)).toEqual([43, 44, 'r2']);
  });

  // The quote's scan outgrows maxRecordSize, so its text is gone: reading resumes from the byte offset of the next line.
  it.each([
    ['utf8', (text: string) => Buffer.from(text)],
    ['utf16le', (text: string) => iconv.encode(text, 'utf16le', { addBOM: true })],
    ['windows-1252', (text: string) => iconv.encode(text, 'windows-1252')],
  ])('resumes from the byte offset of the line after a long unclosed quote (%s, any chunk size)', async (_encoding, encode) => {
    const eols = ['\n', '\r\n', '\r'];
    const rows = Array.from({ length: 400 }, (_, k) => `r${k};${k === 10 ? '"' : ''}Colis reçu abîmé n°${k}, très déçu;avis${eols[k % 3]}`);
    const path = write('long-stray.csv', encode(`id;commentaire;canal\r\n${rows.join('')}`));
    for (const chunkSize of [64 * 1024, 7, 2]) {
      const prepared = await prepareCsv(path, { maxRecordSize: 1000, chunkSize }, false);
      const items: RawItem[] = [];
      for await (const item of prepared.rows()) items.push(item);
      expect(items).toHaveLength(400);
      expect(items[10]).toMatchObject({ kind: 'reject', line: 12, endLine: 12, code: 'unbalanced_quote' });
      const texts = items.flatMap((i) => (i.kind === 'row' ? [rowValues(i, prepared.headers)['commentaire']] : []));
      expect(texts).toEqual(Array.from({ length: 400 }, (_, k) => `Colis reçu abîmé n°${k}, très déçu`).filter((_, k) => k !== 10));
      expect(items.map((i) => i.line)).toEqual(Array.from({ length: 400 }, (_, k) => k + 2));
    }
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
