// Streams (standard input, a FIFO, a pipe) are read as they come, with no copy
// on disk, and give the same rows as the same bytes read from a file: every
// record, stray quotes and records over the limit included, whatever the
// chunks the stream comes in and however little memory it may hold.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUIET_MS, readBytes, readHead, StreamBytes } from '../../src/io/source.js';
import { trackedTemps } from '../../src/io/temp-files.js';
import { readVerbatims, type ColumnsUsed, type InputSpec, type ReadItem, type ReadOptions } from '../../src/io/index.js';
import { fileSpec, HUGE_LIMIT, renderFile } from '../fuzz/files.js';
import { jsonSpec, renderJson } from '../fuzz/json-files.js';
import { workbookParts, zipBuffer } from './_zip.js';
import { readAll, summary, tempDir } from './_helpers.js';

const dir = tempDir();

/** The bytes as a stream of chunks cut at the given sizes (cycled). */
function chunked(bytes: Buffer, sizes: readonly number[] = [65_536]): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length]!);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(chunks);
}

/** A CSV of `n` rows, about 60 bytes each. */
const csvRows = (n: number, first = ''): string =>
  `id;canal;commentaire\n${first}${Array.from({ length: n }, (_, k) => `r${k};avis;Livraison rapide, colis bien emballé, merci n°${k}\n`).join('')}`;

describe('a stream reads as the same bytes in a file', () => {
  it('generated CSV/TSV/JSONL: the same items, whatever the chunks and the memory held (spilled to disk past it)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fileSpec(),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(64, 1024, 64 * 1024 * 1024),
        async (spec, sizes, maxStreamMemory) => {
          const file = renderFile(spec);
          const path = join(dir, file.name);
          writeFileSync(path, file.bytes);
          const fromFile = await readAll([{ path, ...file.read }], { maxRecordSize: HUGE_LIMIT });
          // The same name: the same ids (`fuzz.csv:3`) and sources.
          const fromStream = await readAll([{ path, stream: chunked(file.bytes, sizes), ...file.read }], { maxRecordSize: HUGE_LIMIT, maxStreamMemory });
          expect(fromStream).toEqual(fromFile);
          expect(trackedTemps()).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('standard input (-): named "-", ids stdin:ROW, the format sniffed', async () => {
    const items = await readAll([{ path: '-', stream: chunked(Buffer.from(csvRows(3)), [7]) }]);
    expect(summary(items)).toEqual([[1, 2, 'r0'], [2, 3, 'r1'], [3, 4, 'r2']]);
    expect(items[0]!.source.file).toBe('-');
    const jsonl = await readAll([{ path: '-', stream: Readable.from(['{"commentaire":"Très bon accueil"}\n{"commentaire":""}\n']) }]);
    expect(summary(jsonl)).toEqual([[1, 1, 'stdin:1'], [2, 2, 'reject: empty text']]);
  });

  it.each([
    ['one JSON Lines record (a partition of one row)', '{"commentaire":"Colis arrivé cassé"}\n', [[1, 1, 'stdin:1']]],
    ['one long JSON Lines record, past the first 4 KB', `{"commentaire":"${'très long avis '.repeat(600)}"}`, [[1, 1, 'stdin:1']]],
    ['a JSON document with its records under a key', '{"verbatims":[{"commentaire":"Conseillère aimable"}]}', [[1, 1, 'stdin:1']]],
  ])('sniffed: %s', async (_, text, expected) => {
    expect(summary(await readAll([{ path: '-', stream: Readable.from([text]) }]))).toEqual(expected);
  });

  it.each([
    ['nothing', ''],
    ['blank lines', '\n\r\n  \n'],
    ['a byte-order mark', '\uFEFF'],
  ])('a stream of %s is an input with no row (an empty partition), not an error', async (_, text) => {
    expect(await readAll([{ path: '-', stream: Readable.from([Buffer.from(text)]) }])).toEqual([]);
  });

  it('holds only the record being read: a 2 MB stream under a 1 MiB budget never touches the disk', async () => {
    const bytes = Buffer.from(csvRows(40_000));
    expect(bytes.length).toBeGreaterThan(2e6);
    let rows = 0;
    for await (const item of readVerbatims([{ path: '-', stream: chunked(bytes) }], { maxStreamMemory: 1 << 20 })) {
      if (item.type === 'verbatim') rows++;
      if (rows % 5000 === 0) expect(trackedTemps()).toEqual([]);
    }
    expect(rows).toBe(40_000);
  });

  it('a quote that never closes: the rest is held on disk while the reader comes back, every row accounted for, the copy removed', async () => {
    const text = csvRows(20_000, 'r-1;avis;"Colis jamais reçu\n');
    const bytes = Buffer.from(text);
    const path = join(dir, 'stray.csv');
    writeFileSync(path, bytes);
    const seen = new Set<string>();
    const items: ReadItem[] = [];
    for await (const item of readVerbatims([{ path, stream: chunked(bytes) }], { maxStreamMemory: 256 * 1024 })) {
      items.push(item);
      for (const temp of trackedTemps()) seen.add(temp);
    }
    expect([...seen].some((p) => p.includes('verbatim-fr-held-'))).toBe(true);
    expect(trackedTemps()).toEqual([]);
    expect(items).toEqual(await readAll([path]));
    expect(items.filter((i) => i.type === 'verbatim')).toHaveLength(20_000);
    expect(summary(items)[0]).toEqual([1, 2, 'reject: unbalanced quote']);
  });

  it('an XLSX file on standard input is copied to a temporary file (a zip is read by position), removed after', async () => {
    const xlsx = zipBuffer(Object.values(workbookParts([['id', 'commentaire'], ['a1', 'Colis abîmé'], ['a2', 'Très bon accueil']])));
    const items = await readAll([{ path: '-', stream: chunked(xlsx, [100]) }]);
    expect(summary(items)).toEqual([[1, 2, 'a1'], [2, 3, 'a2']]);
    expect(trackedTemps()).toEqual([]);
  });
});

/**
 * A live writer (`tail -f`): it sends its first part, then each next part only
 * once the test calls `next()`, i.e. once the reader has given what came
 * before. A reader that waits for more bytes than were written never gives
 * it: the test times out.
 */
function liveFeed(parts: ReadonlyArray<string | Buffer>): { stream: Readable; next: () => void } {
  const waiting: Array<() => void> = [];
  const gates = parts.map((_, k) => (k === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))));
  async function* feed(): AsyncGenerator<Buffer> {
    for (const [k, part] of parts.entries()) {
      await gates[k];
      yield Buffer.from(part);
    }
  }
  return { stream: Readable.from(feed()), next: () => waiting.shift()?.() };
}

/** The items read from a live feed, letting the writer go on after each one. */
async function readLive(parts: ReadonlyArray<string | Buffer>, options: ReadOptions = {}): Promise<ReadItem[]> {
  const { stream, next } = liveFeed(parts);
  const items: ReadItem[] = [];
  for await (const item of readVerbatims([{ path: '-', stream }], options)) {
    items.push(item);
    next();
  }
  return items;
}

const texts = (items: ReadItem[]): string[] => items.map((i) => (i.type === 'verbatim' ? i.verbatim.text : `reject: ${i.reason}`));

describe('a live stream (a slow writer) is read as it is written', () => {
  // Each case would hang before: the head was 256 KiB (CSV) or 100 records (JSONL), and every read waited for 64 KiB.
  it.each(['windows-1252', 'utf8'] as const)('CSV: each row as it comes; the encoding (%s) told at the first accent, after rows of ASCII', async (encoding) => {
    const used: ColumnsUsed[] = [];
    const items = await readLive(
      ['id;commentaire\nr1;Livraison en retard\n', Buffer.from('r2;Très déçu, conseillère injoignable\n', encoding === 'utf8' ? 'utf8' : 'latin1'), 'r3;Colis perdu\n'],
      { onColumns: (u) => used.push(u) },
    );
    expect(texts(items)).toEqual(['Livraison en retard', 'Très déçu, conseillère injoignable', 'Colis perdu']);
    // Said before the first accent came; what a report's provenance reads at the end is the encoding told.
    expect(JSON.parse(JSON.stringify(used))).toEqual([expect.objectContaining({ file: '-', description: `csv, delimiter ";", ${encoding}` })]);
  });

  it('JSON Lines: the columns from the records written so far, then each record as it comes', async () => {
    const items = await readLive(['{"id":"a","commentaire":"Bon accueil"}\n', '{"id":"b","commentaire":"Remboursement jamais reçu"}\n', '{"id":"c","commentaire":"Rapide"}\n']);
    expect(summary(items)).toEqual([[1, 1, 'a'], [2, 2, 'b'], [3, 3, 'c']]);
    expect(texts(items)[1]).toBe('Remboursement jamais reçu');
  });

  it('a JSON array: the columns from the records written so far, then each record as it comes', async () => {
    const items = await readLive(['[\n{"id":"a","commentaire":"Bon accueil"},\n', '{"id":"b","commentaire":"Remboursement jamais reçu"},\n', '{"id":"c","commentaire":"Rapide"}\n]\n']);
    expect(summary(items)).toEqual([[1, 2, 'a'], [2, 3, 'b'], [3, 4, 'c']]);
  });

  it('generated CSV/TSV/JSONL written with pauses anywhere (inside a character, a line break, before the first accent): the same items as the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fileSpec({ maxRecords: 12 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 2 }),
        async (spec, sizes, pauseAt) => {
          const file = renderFile(spec);
          const path = join(dir, file.name);
          writeFileSync(path, file.bytes);
          const fromFile = await readAll([{ path, ...file.read }], { maxRecordSize: HUGE_LIMIT });
          // The bytes cut at the chunk sizes and at the pauses; the writer waits past the quiet time before each pause.
          const pauses = new Set(pauseAt.map((f) => Math.floor(f * file.bytes.length)));
          const chunks: Array<{ bytes: Buffer; pause: boolean }> = [];
          for (let at = 0, k = 0; at < file.bytes.length; k++) {
            let end = Math.min(file.bytes.length, at + Math.max(1, sizes[k % sizes.length]!));
            for (const p of pauses) if (p > at && p < end) end = p;
            chunks.push({ bytes: file.bytes.subarray(at, end), pause: pauses.has(at) });
            at = end;
          }
          async function* writer(): AsyncGenerator<Buffer> {
            for (const c of chunks) {
              if (c.pause) await new Promise((resolve) => setTimeout(resolve, QUIET_MS + 20));
              yield c.bytes;
            }
          }
          expect(await readAll([{ path, stream: Readable.from(writer()), ...file.read }], { maxRecordSize: HUGE_LIMIT })).toEqual(fromFile);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  // Found by the property below (seed -603203439): the description of a stream of plain ASCII so far said `ascii`, a file's `utf8`.
  it('an empty JSON array refused for its missing column, written with a pause: described as the file is', async () => {
    const bytes = Buffer.from('[\n\n]');
    const path = join(dir, 'pause.json');
    writeFileSync(path, bytes);
    const outcome = (input: InputSpec): Promise<ReadItem[] | string> => readAll([input]).catch((error: unknown) => String(error));
    async function* writer(): AsyncGenerator<Buffer> {
      yield bytes.subarray(0, 2);
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS + 20));
      yield bytes.subarray(2);
    }
    const fromFile = await outcome({ path, format: 'json' });
    expect(fromFile).toContain('(json, utf8)');
    expect(await outcome({ path, stream: Readable.from(writer()), format: 'json' })).toEqual(fromFile);
  });

  it('generated JSON documents, damaged or not, written in pieces with pauses: the same items as the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonSpec({ maxRecords: 10 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 4 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        async (spec, sizes, pauseAt) => {
          const doc = renderJson(spec, 'live.json');
          // A stream of nothing (a document cut to nothing) is an empty partition, not an error: tested above.
          if (doc.bytes.toString('latin1').replace(/^(?:\xEF\xBB\xBF|\xFF\xFE|\xFE\xFF)/u, '').replace(/[\0\s]/gu, '') === '') return;
          const path = join(dir, doc.name);
          writeFileSync(path, doc.bytes);
          const read = { format: 'json' as const, ...doc.read };
          // The items, or what refused the input (no column, for one).
          const outcome = (input: InputSpec): Promise<ReadItem[] | string> => readAll([input]).catch((error: unknown) => String(error));
          const fromFile = await outcome({ path, ...read });
          const pause = pauseAt === undefined ? -1 : Math.floor(pauseAt * doc.bytes.length);
          async function* writer(): AsyncGenerator<Buffer> {
            for (let at = 0, k = 0; at < doc.bytes.length; k++) {
              let end = Math.min(doc.bytes.length, at + sizes[k % sizes.length]!);
              if (pause > at && pause < end) end = pause;
              if (at === pause) await new Promise((resolve) => setTimeout(resolve, QUIET_MS + 20));
              yield doc.bytes.subarray(at, end);
              at = end;
            }
          }
          expect(await outcome({ path, stream: Readable.from(writer()), ...read })).toEqual(fromFile);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  it('JSON Lines that come at once: the columns from the first 100 records, as from a file, however long they are', async () => {
    // 150 records of 1.2 KB: the 64 KiB head holds 53 of them; a key that first shows in record 90 is still a column.
    const lines = Array.from({ length: 150 }, (_, k) => JSON.stringify({ id: `j${k}`, commentaire: `Avis ${k} ${'très long '.repeat(120)}`, ...(k >= 89 ? { canal: 'Avis Google' } : {}) }));
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const path = join(dir, 'long.jsonl');
    writeFileSync(path, bytes);
    const fromFile = await readAll([path]);
    expect(fromFile[120]?.type === 'verbatim' && fromFile[120].verbatim.channel).toBe('avis_en_ligne');
    expect(await readAll([{ path, stream: chunked(bytes, [4096]) }])).toEqual(fromFile);
  });

  it('a header, then a pause longer than the quiet time, then rows: the delimiter and columns from the header alone', async () => {
    const { stream, next } = liveFeed(['id,canal,commentaire\n', 'r1,Google,"Produit conforme, merci"\nr2,Google,Service client absent\n']);
    setTimeout(next, 3 * QUIET_MS);
    const items = await readAll([{ path: '-', stream }]);
    expect(summary(items)).toEqual([[1, 2, 'r1'], [2, 3, 'r2']]);
    expect(texts(items)[0]).toBe('Produit conforme, merci');
    expect(items[0]?.type === 'verbatim' && items[0].verbatim.channel).toBe('avis_en_ligne');
  });
});

describe('StreamBytes', () => {
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, k) => k % 251));
  const read = (s: StreamBytes, position: number, length: number): Promise<Buffer> => readBytes(s, position, length);

  it('reads any position not forgotten, spills past its budget and comes back to memory once reading has caught up', async () => {
    const s = new StreamBytes(chunked(bytes, [33]), 100);
    expect(await read(s, 0, 50)).toEqual(bytes.subarray(0, 50));
    expect(await read(s, 900, 200)).toEqual(bytes.subarray(900)); // everything held: over the budget, on disk
    expect(s.spilledBytes).toBeGreaterThan(0);
    expect(trackedTemps()).toHaveLength(1);
    expect(await read(s, 10, 20)).toEqual(bytes.subarray(10, 30));
    s.forget(960);
    expect(await read(s, 960, 40)).toEqual(bytes.subarray(960)); // 40 bytes left to read: back in memory
    expect(trackedTemps()).toEqual([]);
    await expect(read(s, 959, 1)).rejects.toThrow(/read again at byte 959, before byte 960/);
    expect(s.complete).toBe(true);
    await s.close();
  });

  it('lets go of what is forgotten, and close stops the stream and removes its copy', async () => {
    const s = new StreamBytes(chunked(bytes, [10]), 200);
    for (let at = 0; at < 1000; at += 50) {
      expect(await read(s, at, 50)).toEqual(bytes.subarray(at, at + 50));
      s.forget(at + 50);
    }
    expect(s.spilledBytes).toBe(0);
    const t = new StreamBytes(chunked(bytes, [10]), 100);
    await read(t, 0, 500);
    expect(trackedTemps()).toHaveLength(1);
    await t.close();
    expect(trackedTemps()).toEqual([]);
  });

  it('read gives what the stream has given so far, waiting only when it has given nothing past the position', async () => {
    const { stream, next } = liveFeed(['abc', 'defgh']);
    const s = new StreamBytes(stream);
    const buffer = Buffer.alloc(100);
    expect(await s.read(buffer, 0, 100, 0)).toBe(3);
    expect(buffer.subarray(0, 3).toString()).toBe('abc');
    const later = s.read(buffer, 0, 100, 3);
    next();
    expect(await later).toBe(5);
    expect(await s.read(buffer, 0, 100, 8)).toBe(0);
    expect(s.complete).toBe(true);
  });

  it('readHead: the head a quiet writer has given (a whole line at least), or the whole of an ended stream', async () => {
    const { stream, next } = liveFeed(['id;comm', 'entaire\nr1;Bien\n', 'r2;Mal\n']);
    const s = new StreamBytes(stream);
    // The first part holds no whole line: the head waits for the second, then takes what is there when the writer pauses.
    const head = readHead(s, 0, 4096);
    next();
    expect(await head).toEqual({ bytes: Buffer.from('id;commentaire\nr1;Bien\n'), complete: false });
    next();
    expect(await readHead(s, 0, 4096)).toEqual({ bytes: Buffer.from('id;commentaire\nr1;Bien\nr2;Mal\n'), complete: true });
    expect(await readHead(s, 3, 5)).toEqual({ bytes: Buffer.from('comme'), complete: false });
  });

  it('refuses what is not a stream', () => {
    expect(() => new StreamBytes(42 as never)).toThrow(/expected a readable stream/);
  });
});
