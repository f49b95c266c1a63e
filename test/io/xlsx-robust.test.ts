import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDateFormat } from '../../src/io/xlsx-reader.js';
import { readAll, tempDir } from './_helpers.js';
import { workbookParts, writeZip, type ZipPart } from './_zip.js';

let dir = '';
const ROWS = [['id', 'commentaire'], ['a1', 'Colis arrivé abîmé'], ['a2', 'Service client très réactif'], ['a3', 'Remboursement toujours attendu']];
const EXPECTED = [['a1', 'Colis arrivé abîmé'], ['a2', 'Service client très réactif'], ['a3', 'Remboursement toujours attendu']];

const texts = async (path: string, options?: { maxXlsxSize?: number }) =>
  (await readAll([path], options)).map((item) => (item.type === 'verbatim' ? [item.verbatim.id, item.verbatim.text] : [`reject row ${item.source.row}`, `${item.reason} | ${item.hint}`]));

beforeAll(() => {
  dir = tempDir();
});

describe('XLSX parts in any order', () => {
  const p = workbookParts(ROWS);
  it.each<[string, ZipPart[]]>([
    ['as Excel writes them', [p.types!, p.rootRels!, p.workbook!, p.workbookRels!, p.strings!, p.sheet1!, p.sheet2!]],
    // exceljs's streaming reader threw "Cannot read properties of undefined (reading 'sheets')" here, every time.
    ['shared strings and relationships before the sheets, workbook last', [p.types!, p.rootRels!, p.workbookRels!, p.strings!, p.sheet1!, p.sheet2!, p.workbook!]],
    ['sheets first, workbook last (as exceljs writes)', [p.types!, p.rootRels!, p.workbookRels!, p.sheet1!, p.sheet2!, p.strings!, p.workbook!]],
    ['every part reversed', [p.sheet2!, p.sheet1!, p.strings!, p.workbookRels!, p.workbook!, p.rootRels!, p.types!]],
  ])('%s', async (_, parts) => {
    expect(await texts(writeZip(join(dir, 'order.xlsx'), parts))).toEqual(EXPECTED);
  });

  it('reads tags with a namespace prefix (<x:row>, <x:c>)', async () => {
    const x = workbookParts(ROWS, { prefix: 'x' });
    expect(await texts(writeZip(join(dir, 'prefixed.xlsx'), Object.values(x)))).toEqual(EXPECTED);
  });

  it('reads the first sheet in tab order, not the first part in the zip', async () => {
    const parts = workbookParts(ROWS);
    const swapped = { ...parts.workbook!, data: String(parts.workbook!.data).replace('r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"', 'r:id="rId2"/><sheet name="Notes" sheetId="2" r:id="rId1"') };
    // The Notes sheet holds only a header, "autre": no text column.
    await expect(texts(writeZip(join(dir, 'tabs.xlsx'), [parts.rootRels!, swapped, parts.workbookRels!, parts.strings!, parts.sheet1!, parts.sheet2!]))).rejects.toThrow(/columns found: "autre"/);
  });
});

describe('XLSX reading is deterministic', () => {
  let twoSheets = '';
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Verbatims');
    sheet.addRow(['id', 'commentaire', 'date']);
    for (let i = 1; i <= 200; i++) sheet.addRow([`v${i}`, `Colis reçu en retard, numéro ${i}`, new Date(Date.UTC(2024, 0, 1 + (i % 28)))]);
    book.addWorksheet('Notes').addRow(['autre chose']);
    twoSheets = join(dir, 'two-sheets.xlsx');
    await book.xlsx.writeFile(twoSheets);
  });

  // The old reader failed about 1 run in 150 on this file (unzipper signalled the end of the zip
  // while entries were still buffered, and the workbook part was dropped).
  it('reads every row of a two-sheet workbook, 200 times, 10 at once', async () => {
    const counts = new Map<string, number>();
    for (let round = 0; round < 20; round++) {
      const keys = await Promise.all(
        Array.from({ length: 10 }, () =>
          readAll([twoSheets]).then(
            (items) => `${items.length} ${items.filter((x) => x.type === 'verbatim').length}`,
            (error: unknown) => String(error).slice(0, 80),
          ),
        ),
      );
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ '200 200': 200 });
  });
});

describe('damaged XLSX', () => {
  it('one byte flipped (every 5th offset): the same rows, or one reject saying the file is damaged; never a hang or other rows', async () => {
    const good = writeZip(join(dir, 'good.xlsx'), Object.values(workbookParts(ROWS)));
    const bytes = readFileSync(good);
    const outcomes = new Map<string, number>();
    for (let offset = 0; offset < bytes.length; offset += 5) {
      const copy = Buffer.from(bytes);
      copy[offset]! ^= 0x55;
      const path = join(dir, 'flipped.xlsx');
      writeFileSync(path, copy);
      const items = await texts(path).catch((error: unknown) => [['thrown', String(error)]]);
      const same = JSON.stringify(items) === JSON.stringify(EXPECTED);
      const outcome = same ? 'same rows' : items.length === 1 && /^reject row 0$/.test(items[0]![0]!) && /XLSX|damaged/.test(items[0]![1]!) ? 'damaged' : `other: ${JSON.stringify(items).slice(0, 200)} at ${offset}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect([...outcomes.keys()].sort()).toEqual(['damaged', 'same rows']);
  });

  it('a truncated file is one reject', async () => {
    const good = readFileSync(writeZip(join(dir, 'whole.xlsx'), Object.values(workbookParts(ROWS))));
    const path = join(dir, 'truncated.xlsx');
    writeFileSync(path, good.subarray(0, good.length - 40));
    expect(await texts(path)).toEqual([['reject row 0', expect.stringMatching(/^damaged XLSX file/)]]);
  });
});

describe('XLSX size cap (zip bombs)', () => {
  const parts = workbookParts(ROWS);

  it('refuses a sheet declared at 600 MB before inflating anything, with a hint', async () => {
    const bomb = { ...parts.sheet1!, declaredSize: 600 * 1024 * 1024 };
    const path = writeZip(join(dir, 'declared.xlsx'), [parts.rootRels!, parts.workbook!, parts.workbookRels!, parts.strings!, bomb]);
    const [[where, message]] = (await texts(path)) as [[string, string]];
    expect(where).toBe('reject row 0');
    expect(message).toMatch(/inflates to 600 MB or more, over the 256 MB allowed/);
    expect(message).toMatch(/--max-xlsx-size/);
  });

  it('refuses one shared string larger than the cap (the option sets it)', async () => {
    const huge = `<?xml version="1.0"?><sst><si><t>${'abîmé '.repeat(400_000)}</t></si></sst>`; // 2.8 MB, deflates to a few KB
    const path = writeZip(join(dir, 'string-bomb.xlsx'), [parts.rootRels!, parts.workbook!, parts.workbookRels!, { name: 'xl/sharedStrings.xml', data: huge }, parts.sheet1!]);
    expect((await texts(path, { maxXlsxSize: 1024 * 1024 }))[0]).toEqual(['reject row 0', expect.stringMatching(/over the 1 MB allowed/)]);
  });

  it('a part that inflates beyond its declared size is damaged, whatever the cap', async () => {
    const real = Buffer.from(`<?xml version="1.0"?><sst><si><t>${'x'.repeat(3_000_000)}</t></si></sst>`);
    const lying: ZipPart = { name: 'xl/sharedStrings.xml', data: real, declaredSize: 1000, compressed: deflateRawSync(real) };
    const path = writeZip(join(dir, 'lying.xlsx'), [parts.rootRels!, parts.workbook!, parts.workbookRels!, lying, parts.sheet1!]);
    expect((await texts(path))[0]).toEqual(['reject row 0', expect.stringMatching(/^damaged XLSX file/)]);
  });
});

describe('date formats', () => {
  it.each([
    ['dd/mm/yyyy', true], ['d mmm yy', true], ['[$-40C]dddd d mmmm yyyy', true], ['hh:mm', true], ['yyyy-mm-dd"T"hh:mm:ss', true],
    ['0.00', false], ['# ##0 "€"', false], ['General', false], ['0 "jours"', false], ['[Red]0.0', false], ['@', false],
  ])('%s → %s', (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});
