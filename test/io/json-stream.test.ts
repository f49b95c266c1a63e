// JSON documents read element by element: what a damaged or cut-short
// export gives (the records that can be read, a reject with the line and
// column for the rest), a wrapper object around the records, and the same
// rows whatever the layout, the encoding or the size of the chunks read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { prepareJson } from '../../src/io/json-reader.js';
import type { RawItem } from '../../src/io/raw.js';
import { readAll, summary, tempDir } from './_helpers.js';

async function readJson(content: string | Buffer, name = 'export.json') {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return { path, items: await readAll([path]) };
}

async function rawRows(path: string, chunkSize: number, maxRecordSize = 1024 * 1024): Promise<RawItem[]> {
  const prepared = await prepareJson(path, undefined, maxRecordSize, chunkSize);
  const rows: RawItem[] = [];
  for await (const row of prepared.rows()) rows.push(row);
  return rows;
}

const reviews = [
  { avis: 'Livraison rapide, colis intact' },
  { avis: 'Conseiller injoignable depuis [trois] semaines' },
  { avis: 'Remboursement {enfin} reçu, merci' },
];

describe('a damaged JSON array: the records around the damage are read', () => {
  it('an export cut short: the records before, the cut one as invalid, then the array not closed', async () => {
    const whole = JSON.stringify(reviews, null, 2);
    const cut = whole.slice(0, whole.indexOf('reçu'));
    const { items } = await readJson(cut);
    expect(summary(items)).toEqual([
      [1, 2, 'export.json:1'],
      [2, 5, 'export.json:2'],
      [3, 8, expect.stringMatching(/^reject: invalid JSON: /)],
      [4, 9, 'reject: JSON array not closed'],
    ]);
    expect(items[3]).toMatchObject({ code: 'json_array_unclosed', hint: expect.stringContaining('ends at line 9') });
  });

  it('cut just after a comma: every record read, and the array not closed', async () => {
    const { items } = await readJson(`${JSON.stringify(reviews).slice(0, -1)},`);
    expect(summary(items).map((s) => s[2])).toEqual(['export.json:1', 'export.json:2', 'export.json:3', 'reject: JSON array not closed']);
  });

  it('an element that is not JSON is one reject, placed by line and column in the file', async () => {
    const content = `[\n  {"avis": "Bon accueil"},\n  {"avis": "Attente" "trop longue"},\n  NaN,\n  {"avis": "Prix correct"}\n]\n`;
    const { items } = await readJson(content);
    expect(summary(items)).toEqual([
      [1, 2, 'export.json:1'],
      [2, 3, expect.stringMatching(/^reject: invalid JSON: .* at line 3, column 22$/)],
      [3, 4, expect.stringMatching(/^reject: invalid JSON: /)],
      [4, 5, 'export.json:4'],
    ]);
    expect(items[1]).toMatchObject({ code: 'invalid_json', hint: 'the element of the array at line 3, column 3 is not valid JSON; the elements around it were read' });
  });

  it('text after the array: every record read, and one reject that says where', async () => {
    const { items } = await readJson(`${JSON.stringify(reviews)}\n]}x\n`);
    expect(summary(items)).toEqual([
      [1, 1, 'export.json:1'],
      [2, 1, 'export.json:2'],
      [3, 1, 'export.json:3'],
      [4, 2, 'reject: text after the end of the JSON document'],
    ]);
    expect(items[3]).toMatchObject({ code: 'json_text_after', hint: expect.stringMatching(/^line 2, column 1: /) });
  });

  it('a trailing or doubled comma loses nothing and gives no reject', async () => {
    const { items } = await readJson('[{"avis": "Un"},, {"avis": "Deux"},\n]');
    expect(summary(items)).toEqual([
      [1, 1, 'export.json:1'],
      [2, 1, 'export.json:2'],
    ]);
  });

  it('a record over maxRecordSize is skipped over as one reject; the next ones are read', async () => {
    const big = { avis: `trop long ${'x'.repeat(5_000)}` };
    const path = join(tempDir(), 'big.json');
    writeFileSync(path, JSON.stringify([reviews[0], big, reviews[1]], null, 1));
    for (const chunk of [64, 100_000]) {
      const rows = await rawRows(path, chunk, 1_000);
      expect(rows.map((r) => (r.kind === 'row' ? r.values?.avis : r.code))).toEqual([reviews[0]!.avis, 'record_too_large', reviews[1]!.avis]);
      expect(rows[1]).toMatchObject({ row: 2, line: 5, params: { max: 1_000, where: { line: 5, column: 2 } } });
    }
  });
});

describe('a JSON object holding the records', () => {
  it('is read under its key, whatever its other values hold ([, {, commas and quotes in strings)', async () => {
    const document = { export: 'avis [clients], "mai"', filtres: { canaux: ['email', 'appli'] }, verbatims: reviews, total: 3 };
    const { items } = await readJson(JSON.stringify(document, null, 2));
    expect(items.map((i) => i.type === 'verbatim' && i.verbatim.text)).toEqual(reviews.map((r) => r.avis));
  });

  it('text after it is one reject after the records', async () => {
    const { items } = await readJson(`${JSON.stringify({ verbatims: reviews })} fin`);
    expect(summary(items).map((s) => s[2])).toEqual(['export.json:1', 'export.json:2', 'export.json:3', 'reject: text after the end of the JSON document']);
  });

  it.each([
    ['invalid outside the records', `{"meta": NaN, "verbatims": ${JSON.stringify(reviews)}}`, /^invalid JSON: /],
    ['cut short', JSON.stringify({ verbatims: reviews, total: 3 }).slice(0, -3), /^invalid JSON: /],
    ['two arrays of records', JSON.stringify({ avis: reviews, reponses: reviews }), /not an array of objects/],
    ['no array of records', JSON.stringify({ avis: 'un seul', tags: ['a', 'b'] }), /not an array of objects/],
    ['a scalar', '"un avis"', /not an array of objects/],
    ['no JSON at all', 'avis;canal\nBien;email\n', /^invalid JSON: unexpected character "a"$/],
    ['nothing but blanks', ' \n ', /^invalid JSON: the text ends before its value does$/],
    // Every bracket after the stray quote is inside a string: the whole document is the object's outline, over the
    // 1 MiB held to check it; the quote is still found in its start.
    ['a stray quote before a long record', `{'avis": [${JSON.stringify({ avis: 'retard '.repeat(200_000) })}]}`, /^invalid JSON: unexpected character "'"$/],
  ])('%s: the file is refused before any row is read', async (_name, content, reason) => {
    const { path, items } = await readJson(content);
    expect(items).toEqual([expect.objectContaining({ type: 'reject', source: { file: path, row: 0 }, reason: expect.stringMatching(reason) })]);
    // A place in the text read would point into the object with its records left out: none is said.
    expect(items[0]!.type === 'reject' && items[0]!.reason).not.toMatch(/position|line|column/);
  });
});

describe('the same rows whatever the layout, encoding and chunks', () => {
  const record = fc.record(
    {
      avis: fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '[', ']', '{', '}', '"', '\\', '\n', '😀', 'x') }),
      note: fc.integer({ min: 0, max: 10 }),
      tags: fc.array(fc.constantFrom('retard', '[prix]', '{accueil}'), { maxLength: 3 }),
    },
    { requiredKeys: ['avis'] },
  );
  const element = fc.oneof({ weight: 6, arbitrary: record }, { weight: 1, arbitrary: fc.constantFrom(null, 42, 'texte', [1, { a: 2 }]) });

  it('elements as JSON.parse gives them, with the line each starts on', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(
        fc.array(element, { maxLength: 12 }),
        fc.constantFrom(undefined, 1, 2, '\t'),
        fc.constantFrom('utf8', 'utf16le', 'utf16be'),
        fc.boolean(),
        fc.integer({ min: 1, max: 200 }),
        async (elements, indent, encoding, wrapped, chunk) => {
          const text = JSON.stringify(wrapped ? { export: 'mai', verbatims: elements } : elements, null, indent);
          const bytes = encoding === 'utf8' ? Buffer.from(text) : iconv.encode(text, encoding, { addBOM: true });
          const path = join(dir, 'p.json');
          writeFileSync(path, bytes);
          const holdsRecord = elements.some((e) => typeof e === 'object' && e !== null && !Array.isArray(e));
          if (wrapped && !holdsRecord) return; // no array of records: refused, as checked above
          const rows = await rawRows(path, chunk);
          expect(rows.map((r) => (r.kind === 'row' ? r.values : r.code))).toEqual(
            elements.map((e) => (typeof e === 'object' && e !== null && !Array.isArray(e) ? e : 'not_json_object')),
          );
          const lines = text.split('\n');
          for (const row of rows) {
            // The line a row gives starts its element: the text from there reads as that element's JSON.
            const from = lines.slice(row.line! - 1).join('\n').trimStart();
            const value = elements[row.row - 1];
            const start = indent === undefined ? from.indexOf(JSON.stringify(value)) : 0;
            expect(from.slice(start).startsWith(JSON.stringify(value, null, indent).split('\n')[0]!)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a stream in small pieces reads as the file does', async () => {
    const text = JSON.stringify({ verbatims: reviews }, null, 2);
    const pieces = Array.from({ length: Math.ceil(text.length / 7) }, (_, k) => Buffer.from(text.slice(k * 7, k * 7 + 7)));
    const fromStream = await readAll([{ path: '-', format: 'json', stream: Readable.from(pieces) }]);
    const { items } = await readJson(text, 'stdin.json');
    expect(summary(fromStream)).toEqual(summary(items).map(([row, line, id]) => [row, line, String(id).replace('stdin.json', 'stdin')]));
  });

  it('keys come from the first records: a column seen only later is still read as meta', async () => {
    const records = [...Array.from({ length: 150 }, (_, k) => ({ avis: `avis ${k}` })), { avis: 'dernier', magasin: 'Lyon' }];
    const { items } = await readJson(JSON.stringify(records));
    expect(items).toHaveLength(151);
    expect(items[150]).toMatchObject({ type: 'verbatim', verbatim: { text: 'dernier', meta: { magasin: 'Lyon' } } });
  });
});
