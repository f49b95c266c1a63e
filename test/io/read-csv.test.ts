import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ACCENTED } from '../fixtures/io/generate.js';
import { InputError } from '../../src/io/index.js';
import { detectDelimiter } from '../../src/io/csv-reader.js';
import { detectEncoding } from '../../src/io/encoding.js';
import { FIXTURE_DIR, fixture, readAll, summary, tempDir } from './_helpers.js';

const EXPECTED = ACCENTED.map((v, i) => ({
  id: v.id,
  text: v.text,
  channel: ['avis_en_ligne', 'telephone', 'chat'][i],
  date: ['2024-03-05', '2024-03-06', '2024-03-07'][i],
  score: [2, 9, 4.5][i],
}));

describe('committed fixtures', () => {
  it.each(Object.keys(FIXTURES))('%s matches test/fixtures/io/generate.ts (npx tsx test/fixtures/io/generate.ts)', (name) => {
    expect(readFileSync(fixture(name)).equals(FIXTURES[name]!())).toBe(true);
  });
});

describe('CSV encodings and delimiters', () => {
  it.each([
    'semicolon.csv', 'comma.csv', 'tab.tsv', 'tab-as.csv', 'pipe.csv', 'utf8-bom.csv', 'utf8-lf.csv',
    'utf16le-bom.csv', 'utf16be-bom.csv', 'windows-1252.csv',
  ])('%s reads back the accented verbatims exactly', async (name) => {
    const items = await readAll([fixture(name)]);
    expect(items.map((i) => (i.type === 'verbatim' ? i.verbatim : i))).toEqual(EXPECTED);
    expect(summary(items)).toEqual([[1, 2, 'v1'], [2, 3, 'v2'], [3, 4, 'v3']]);
  });

  it.each([
    [FIXTURES['semicolon.csv']!(), 'utf8'],
    [FIXTURES['utf8-bom.csv']!(), 'utf8'],
    [FIXTURES['utf16le-bom.csv']!(), 'utf16le'],
    [FIXTURES['utf16be-bom.csv']!(), 'utf16be'],
    [FIXTURES['windows-1252.csv']!(), 'windows-1252'],
    [FIXTURES['utf16le-bom.csv']!().subarray(2), 'utf16le'],
    [FIXTURES['utf16be-bom.csv']!().subarray(2), 'utf16be'],
  ])('detectEncoding %#', (bytes, expected) => {
    expect(detectEncoding(bytes, true).encoding).toBe(expected);
  });

  it('keeps Windows-1252 for French text with few accents that chardet reads as Lithuanian (found by the fuzz generator)', () => {
    const text = 'id\tcommentaire\r' + 'r1\tjamais\r'.repeat(120) + 'r2\tretard août ! août reçu très déçu … rapide\r';
    expect(detectEncoding(iconv.encode(text, 'windows-1252'), true).encoding).toBe('windows-1252');
  });

  it('still tells Central European text (Windows-1250) from French', () => {
    const text = 'id;komentarz\n' + Array.from({ length: 30 }, (_, i) => `${i};Zażółć gęślą jaźń. Przesyłka dotarła uszkodzona, żadnej odpowiedzi. Źle zapakowane, brak kontaktu, nigdy więcej.`).join('\n');
    expect(detectEncoding(iconv.encode(text, 'windows-1250'), true).encoding).toBe('windows-1250');
  });

  it('does not mistake a UTF-8 sample cut inside a character for Windows-1252', () => {
    const bytes = Buffer.from('id;texte\n1;déçu\n');
    const cut = bytes.subarray(0, bytes.indexOf(0xa7) /* inside "ç" */);
    expect(detectEncoding(cut, false).encoding).toBe('utf8');
  });

  it.each([
    ['a;b;c\n1;2,5;3\n4;5;6\n', ';'],
    ['a,b,c\n1,"2;5",3\n4,5,6\n', ','],
    ['a\tb\n1\t2, 3; 4\n', '\t'],
    ['a|b\n"x|y"|z\n', '|'],
    ['id;texte;canal\n1;"Bonjour, vous; là\n2, 3, 4";x\n', ';'],
    ['id;texte;canal\r\n1;a;chat;;\r\n   \r\n2;b;mail\r\n', ';'],
    ['commentaire\nBien, rapide; efficace\nNul, vraiment\n', '\t'],
    // A stray quote swallowing three lines of a small file: they are one lost span, not three records of other widths (fuzz seed 16180).
    ['id,commentaire,canal,note\nr1,"livraison très \n… déçu reçu \nreçu aimable \nça,telephone,0\nr2,délai retard,avis,7\nr3,colis perdu,telephone,10\n', ','],
    // A one-column file with stray quotes: the delimiter that splits the least per record, whatever the records each one counts.
    ["commentaire\r\"œuvre ça ! rapide œuvre\"\" ça\"\r \r\n   \r\n\"délai colis déçu livraison déçu ça 😀 août\r\n\"12,50 œuvre\n😀 12,50 œuvre retard rapide remboursé\r\n\"l\'écoute; SAV SAV reçu colis nul\"\n\r\r\"vide\r\"délai aimable € jamais remboursé déçu à\n\"\nreçu remboursé délai\r", ';'],
  ])('detectDelimiter(%j) → %j (quote-aware)', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('honours an explicit delimiter and encoding', async () => {
    const items = await readAll([{ path: fixture('windows-1252.csv'), delimiter: ';', encoding: 'windows-1252' }]);
    expect(items.map((i) => i.type === 'verbatim' && i.verbatim.text)).toEqual(ACCENTED.map((v) => v.text));
  });

  it('reads a Windows-1252 file whose first accent lies far into the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'late-accent.csv');
    const filler = Array.from({ length: 3000 }, (_, i) => `${i};texte sans accent numero ${i}`).join('\r\n');
    writeFileSync(path, Buffer.concat([Buffer.from(`id;texte\r\n${filler}\r\n`), Buffer.from([0x39, 0x39, 0x39, 0x39, 0x3b, 0x64, 0xe9, 0xe7, 0x75, 0x0d, 0x0a])]));
    const items = await readAll([path]);
    expect(items).toHaveLength(3001);
    const last = items.at(-1)!;
    expect(last.type === 'verbatim' && last.verbatim.text).toBe('déçu');
  });

  // Found by the fuzz suite: past the 256 KB (CSV) or 64 KB (JSONL) sample, the file was read as UTF-8, each accent a U+FFFD.
  it.each([
    ['Windows-1252 CSV, first accent after 256 KB', 'windows-1252', 'late.csv', 'id;texte\r\n', (i: number) => `${i};texte sans accent numero ${i}\r\n`, '9999;déçu\r\n'],
    ['Windows-1252 JSONL, first accent after 64 KB', 'windows-1252', 'late.jsonl', '', (i: number) => `{"id": "${i}", "texte": "texte sans accent numero ${i}"}\n`, '{"id": "9999", "texte": "déçu"}\n'],
    ['UTF-8 CSV, first accent after 256 KB', 'utf8', 'late-utf8.csv', 'id;texte\r\n', (i: number) => `${i};texte sans accent numero ${i}\r\n`, '9999;déçu\r\n'],
  ])('reads a file whose head is plain ASCII: %s', async (_, encoding, name, header, line, last) => {
    const path = join(tempDir(), name);
    const filler = Array.from({ length: 10_000 }, (_, i) => line(i)).join('');
    writeFileSync(path, Buffer.concat([Buffer.from(header + filler), iconv.encode(last, encoding)]));
    const items = await readAll([path]);
    expect(items).toHaveLength(10_001);
    expect(items.at(-1)).toMatchObject({ type: 'verbatim', verbatim: { id: '9999', text: 'déçu' } });
  });
});

describe('multiline cells and line numbers', () => {
  it('keeps line breaks inside quoted cells and reports the start line of each record', async () => {
    const items = await readAll([fixture('multiline.csv')]);
    expect(summary(items)).toEqual([[1, 2, 'm1'], [2, 6, 'm2'], [3, 7, 'm3']]);
    const texts = items.map((i) => i.type === 'verbatim' && i.verbatim.text);
    expect(texts).toEqual([
      "Bonjour,\r\nj'attends mon colis depuis 3 semaines.\r\nCordialement",
      'Il a dit "c\'est la procédure" et a raccroché',
      'Deux lignes\nen LF dans un fichier CRLF',
    ]);
  });
});

describe('no row is lost', () => {
  it('malformed.csv: verbatims + rejects = 8 data rows, with their rows and lines', async () => {
    const items = await readAll([fixture('malformed.csv')]);
    expect(summary(items)).toEqual([
      [1, 2, 'r1'],
      [2, 3, 'reject: wrong column count: 5 instead of 3'],
      [3, 4, 'reject: empty text'],
      [4, 5, 'reject: unbalanced quote'],
      [5, 6, 'r5'],
      [6, 7, 'reject: wrong column count: 2 instead of 3'],
      [7, 8, 'r7'],
      [8, 10, 'r8'],
    ]);
    for (const item of items) if (item.type === 'reject') expect(item.hint.length).toBeGreaterThan(10);
  });

  it('an unclosed quote at the end of the file rejects one row and keeps the rest', async () => {
    const dir = tempDir();
    const path = join(dir, 'unclosed.csv');
    writeFileSync(path, 'id;texte\n1;ok\n2;"jamais fermé\n3;suite\n4;fin\n');
    expect(summary(await readAll([path]))).toEqual([
      [1, 2, '1'],
      [2, 3, 'reject: unbalanced quote'],
      [3, 4, '3'],
      [4, 5, '4'],
    ]);
  });

  it('a record larger than maxRecordSize is one reject, and reading goes on after it', async () => {
    const dir = tempDir();
    const path = join(dir, 'huge.csv');
    writeFileSync(path, `id;texte\n1;ok\n2;"${'x\n'.repeat(3000)}"\n3;suite\n`);
    const items = await readAll([path], { maxRecordSize: 1000 });
    expect(summary(items)).toEqual([[1, 2, '1'], [2, 3, 'reject: record larger than 1000 characters'], [3, 3004, '3']]);
    expect(items[1]).toMatchObject({ hint: expect.stringMatching(/^lines 3-3003: one record/) });
  });

  it('an unclosed quote longer than maxRecordSize loses its line only', async () => {
    const dir = tempDir();
    const path = join(dir, 'huge-unclosed.csv');
    writeFileSync(path, `id;texte\n1;ok\n2;"${'x'.repeat(5000)}\n3;suite\n`);
    const items = await readAll([path], { maxRecordSize: 1000 });
    expect(summary(items)).toEqual([[1, 2, '1'], [2, 3, 'reject: unbalanced quote'], [3, 4, '3']]);
  });

  it('ignores blank lines and trailing empty cells added by spreadsheets', async () => {
    const dir = tempDir();
    const path = join(dir, 'trailing.csv');
    writeFileSync(path, 'id;texte;canal\r\n\r\n1;a;chat;;\r\n   \r\n2;b;mail\r\n\r\n');
    expect(summary(await readAll([path]))).toEqual([[1, 3, '1'], [2, 5, '2']]);
  });
});

describe('files that cannot be read', () => {
  it('a missing file is one reject and the other inputs are read', async () => {
    const items = await readAll([fixture('does-not-exist.csv'), fixture('semicolon.csv')]);
    expect(items[0]).toEqual({
      type: 'reject',
      source: { file: fixture('does-not-exist.csv'), row: 0 },
      code: 'file_not_found',
      reason: 'file not found',
      hint: expect.any(String),
    });
    expect(items.slice(1).map((i) => i.type)).toEqual(['verbatim', 'verbatim', 'verbatim']);
  });

  it.each([
    [FIXTURE_DIR, 'is a directory'],
    [join(FIXTURE_DIR, 'old.xls'), '.xls files are not supported'],
  ])('%s → %s', async (path, reason) => {
    const [item] = await readAll([path]);
    expect(item).toMatchObject({ type: 'reject', reason });
  });

  it('no text column → InputError listing the headers and the --text flag, before any item', async () => {
    const seen: unknown[] = [];
    const error = await (async () => {
      try {
        for await (const item of (await import('../../src/io/index.js')).readVerbatims([fixture('semicolon.csv'), fixture('no-text.csv')])) seen.push(item);
      } catch (e) {
        return e;
      }
    })();
    expect(seen).toEqual([]);
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as InputError).issues;
    expect(issues).toEqual([{
      file: fixture('no-text.csv'),
      line: 1,
      code: 'no_text_column',
      params: { headers: ['id', 'nom', 'ville'], description: expect.any(String) },
      message: 'no text column found',
      hint: expect.stringContaining('"id", "nom", "ville"'),
    }]);
    expect(issues[0]!.hint).toContain('--text');
  });

  it('an explicit column that does not exist is an InputError', async () => {
    await expect(readAll([{ path: fixture('semicolon.csv'), text: 'Verbatim client' }])).rejects.toThrow(/no column "Verbatim client"/);
  });

  it.each([[null], ['a.csv'], [[42]]])('misuse %j → TypeError', async (inputs) => {
    await expect(readAll(inputs as never)).rejects.toThrow(TypeError);
  });
});

// Verbatims go through the analysis' hot paths: one set of keys in one order for every row, whatever cells are empty.
describe('the shape of a verbatim', () => {
  it('is the same for every row, a date, score, author or extra column present or not', async () => {
    const file = join(tempDir(), 'sparse.csv');
    writeFileSync(file, 'id;date;note;auteur;agence;commentaire\n1;2025-03-01;4;client;Lyon;Très bien\n2;;;;;Trop cher\n3;pas une date;9;marque;;Merci de votre retour\n');
    const items = await readAll([{ path: file, date: 'date', score: 'note', author: 'auteur' }]);
    const verbatims = items.flatMap((i) => (i.type === 'verbatim' ? [i.verbatim] : []));
    expect(verbatims.map((v) => v.text)).toEqual(['Très bien', 'Trop cher', 'Merci de votre retour']);
    expect(verbatims[0]).toMatchObject({ date: '2025-03-01', score: 4, meta: { agence: 'Lyon' } });
    expect(verbatims[1]?.date).toBeUndefined();
    expect(new Set(verbatims.map((v) => Object.keys(v).join(',')))).toEqual(new Set(['id,text,channel,date,score,author,meta']));
  });
});
