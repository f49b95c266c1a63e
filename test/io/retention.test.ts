// A cell kept after its row must not keep the rest of the file alive: V8
// keeps a whole decoded window alive for as long as any string sliced from it
// lives, and the analysis keeps words of the rows it saw (memos, word tables,
// examples). Read a file, keep one text in ten or a hundred, drop the rest,
// collect: what is left is about the kept texts, not the file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readVerbatims } from '../../src/io/index.js';
import { tempDir } from './_helpers.js';
import { workbookParts, writeZip } from './_zip.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** 40,000 rows of about 400 characters, each different (accented: two-byte strings, as French exports are); built apart so that none of it is reachable once written. */
function writeBigCsv(): string {
  const file = join(tempDir(), 'big.csv');
  const rows = ['id;commentaire'];
  for (let i = 0; i < 40_000; i += 1) rows.push(`${i};Commande n°${i} reçue en retard, le colis était abîmé et personne n'a répondu à mes relances ${'é'.repeat(i % 7)} ${'x'.repeat(300)}`);
  writeFileSync(file, rows.join('\n'));
  return file;
}

/** The same kind of rows in an XLSX workbook (6,000 rows of about 1,000 characters, shared strings). */
function writeBigXlsx(): string {
  const rows = [['id', 'commentaire']];
  for (let i = 0; i < 6_000; i += 1) rows.push([String(i), `Commande n°${i} reçue en retard, le colis était abîmé ${'é'.repeat(i % 7)} ${'x'.repeat(900)}`]);
  return writeZip(join(tempDir(), 'big.xlsx'), Object.values(workbookParts(rows)));
}

/** Heap left after reading `file` and keeping one text in `every`. */
async function retainedAfterReading(file: string, keep: string[], every = 100): Promise<number> {
  gc();
  const before = process.memoryUsage().heapUsed;
  let n = 0;
  for await (const item of readVerbatims([file])) {
    if (item.type === 'verbatim' && n++ % every === 0) keep.push(item.verbatim.text);
  }
  gc();
  return process.memoryUsage().heapUsed - before;
}

describe('cells read from an XLSX file', () => {
  it('hold no reference to the XML around them (6,000 rows of 1,000 characters, one in ten kept: 1.2 MB)', async () => {
    const kept: string[] = [];
    const retained = await retainedAfterReading(writeBigXlsx(), kept, 10);
    expect(kept).toHaveLength(600);
    expect(retained).toBeLessThan(3 * 1024 * 1024);
  });
});

describe('cells read from a CSV file', () => {
  it('hold no reference to the text around them (16 MB read, about 0.2 MB kept)', async () => {
    const kept: string[] = [];
    const retained = await retainedAfterReading(writeBigCsv(), kept);
    expect(kept).toHaveLength(400);
    // 400 texts of ~400 characters (two bytes each) are ~0.3 MB; windows kept alive by slices would be the file's 16+ MB.
    expect(retained).toBeLessThan(4 * 1024 * 1024);
  });
});
