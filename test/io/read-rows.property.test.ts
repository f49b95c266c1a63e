// No record lost, merged, invented or counted twice, on generated files
// (test/fuzz/files.ts) and on arbitrary text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { prepareCsv } from '../../src/io/csv-reader.js';
import { prepareJsonl } from '../../src/io/json-reader.js';
import type { RawItem } from '../../src/io/raw.js';
import { checkItems, checkLineCover, physicalLines } from '../fuzz/check.js';
import { fileSpec, HUGE_LIMIT, renderFile, sampleFiles, type FileSpec } from '../fuzz/files.js';
import { readAll, tempDir } from './_helpers.js';

const dir = tempDir();

async function rawItems(path: string, spec: FileSpec, chunkSize?: number): Promise<{ items: RawItem[]; dataLine: number | undefined }> {
  const prepared = spec.format === 'jsonl'
    ? await prepareJsonl(path, undefined, HUGE_LIMIT, chunkSize)
    : await prepareCsv(path, { maxRecordSize: HUGE_LIMIT, delimiter: spec.delimiter, ...(chunkSize !== undefined && { chunkSize }) }, spec.format === 'tsv');
  const items: RawItem[] = [];
  for await (const item of prepared.rows()) items.push(item);
  return { items, dataLine: prepared.dataLine };
}

const decoded = (bytes: Buffer, spec: FileSpec): string =>
  spec.encoding === 'windows-1252' ? iconv.decode(bytes, 'windows-1252') : spec.encoding === 'utf16le-bom' ? iconv.decode(bytes, 'utf16le') : iconv.decode(bytes, 'utf8');

async function problemsOf(spec: FileSpec): Promise<string[]> {
  const file = renderFile(spec);
  const path = join(dir, file.name);
  writeFileSync(path, file.bytes);
  const items = await readAll([{ path, ...file.read }], { maxRecordSize: HUGE_LIMIT });
  const lines = physicalLines(decoded(file.bytes, spec));
  const raw = await rawItems(path, spec);
  // The generated header is line 1: the data starts at line 2 (when the file has a line 2).
  const header = spec.format === 'jsonl' || lines.length < 2 || raw.dataLine === 2 ? [] : [`data read from line ${raw.dataLine}, not 2`];
  return [...checkItems(file.expected, items), ...header, ...checkLineCover(raw.items, lines, spec.format === 'jsonl' ? 1 : 2)];
}

describe('generated CSV/TSV/JSONL files', () => {
  it('analysed + rejected = records written, no id twice, texts kept, each line in one item', async () => {
    await fc.assert(
      fc.asyncProperty(fileSpec(), async (spec) => {
        expect(await problemsOf(spec)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same records whatever the chunk size (characters, CRLF and UTF-16 units cut anywhere)', async () => {
    await fc.assert(
      fc.asyncProperty(fileSpec(), fc.integer({ min: 1, max: 40 }), async (spec, chunkSize) => {
        const file = renderFile(spec);
        const path = join(dir, file.name);
        writeFileSync(path, file.bytes);
        expect(await rawItems(path, spec, chunkSize)).toEqual(await rawItems(path, spec));
      }),
      { numRuns: 150 },
    );
  });

  it('the seeded generator gives the same files for the same seed', () => {
    const a = sampleFiles(42, 5).map((spec) => renderFile(spec).bytes.toString('base64'));
    const b = sampleFiles(42, 5).map((spec) => renderFile(spec).bytes.toString('base64'));
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(1);
  });
});

describe('arbitrary text read as CSV', () => {
  // Cells, delimiters, quotes and every kind of line break, in any order, under a header or not.
  const garbage = fc
    .tuple(fc.constantFrom('id;texte\n', 'texte\n', '"a";"b"\r', ''), fc.array(fc.constantFrom('a', 'bc', ' ', ';', ',', '\t', '"', '""', '\n', '\r', '\r\n'), { maxLength: 200 }))
    .map(([header, parts]) => header + parts.join(''));

  it('never counts a line twice and leaves out only blank lines and the header', async () => {
    await fc.assert(
      fc.asyncProperty(garbage, fc.constantFrom(8, 64, 4096), fc.constantFrom(';', ','), async (text, maxRecordSize, delimiter) => {
        const path = join(dir, 'garbage.csv');
        writeFileSync(path, text);
        const prepared = await prepareCsv(path, { maxRecordSize, delimiter }, false);
        const items: RawItem[] = [];
        for await (const item of prepared.rows()) items.push(item);
        expect(checkLineCover(items, physicalLines(text), prepared.dataLine ?? Infinity)).toEqual([]);
        expect(items.map((i) => i.row)).toEqual(items.map((_, k) => k + 1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('a table written as CSV and as JSON Lines', () => {
  // Column names a plain object would mishandle, or order apart: a CSV row is its cells in the header's order,
  // a JSON Lines row an object; both must give the same verbatims, their other columns in the same order.
  const names = fc.uniqueArray(fc.constantFrom('__proto__', 'constructor', 'toString', '2024', '10', 'id', 'canal', 'note', 'date', 'ville', 'a;b', 'dit "oui"', 'é'), { maxLength: 8 });
  const cell = fc.oneof(fc.constantFrom('', '4', '2025-03-02', '12/05/2024', 'Paris', 'web', 'Très déçu', 'a;b', 'dit "oui"', 'deux\nlignes', ' espace '), fc.string({ maxLength: 6 }));
  const table = names.chain((columns) =>
    fc.record({
      columns: fc.constant(['commentaire', ...columns]),
      rows: fc.array(fc.tuple(fc.constantFrom('Colis reçu abîmé', 'Conseiller aimable', ''), fc.array(cell, { minLength: columns.length, maxLength: columns.length })), { minLength: 1, maxLength: 12 }),
    }),
  );
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

  it('reads the same verbatims and rejects from both', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ columns, rows }) => {
        const csv = join(dir, 'table.csv');
        const jsonl = join(dir, 'table.jsonl');
        writeFileSync(csv, [columns.map(quote).join(';'), ...rows.map(([text, cells]) => [text, ...cells].map(quote).join(';'))].join('\n') + '\n');
        const objects = rows.map(([text, cells]) => {
          const o = Object.create(null) as Record<string, string>;
          [text, ...cells].forEach((value, k) => (o[columns[k] as string] = value));
          return JSON.stringify(o);
        });
        writeFileSync(jsonl, objects.join('\n') + '\n');
        const read = async (path: string) =>
          (await readAll([{ path, text: 'commentaire' }])).map((item) => {
            if (item.type === 'reject') return { reject: item.code, row: item.source.row };
            const { id, ...verbatim } = item.verbatim;
            // Ids made from the row number name the file: only their row part is compared.
            return { ...verbatim, id: id.replace(/^table\.(?:csv|jsonl):/, ':'), meta: verbatim.meta === undefined ? undefined : Object.entries(verbatim.meta) };
          });
        expect(await read(csv)).toEqual(await read(jsonl));
      }),
      { numRuns: 200 },
    );
  });
});
