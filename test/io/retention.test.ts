// A cell kept after its row must not keep the rest of the file alive: V8
// keeps a whole decoded window alive for as long as any string sliced from it
// lives, and the analysis keeps words of the rows it saw (memos, word tables,
// examples). Read a file, keep one text of every hundred rows, drop the rest,
// collect: what is left is about the kept texts, not the file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readVerbatims } from '../../src/io/index.js';
import { tempDir } from './_helpers.js';

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

describe('cells read from a CSV file', () => {
  it('hold no reference to the text around them (16 MB read, about 0.2 MB kept)', async () => {
    const file = writeBigCsv();
    const kept: string[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    let n = 0;
    for await (const item of readVerbatims([file])) {
      if (item.type === 'verbatim' && n++ % 100 === 0) kept.push(item.verbatim.text);
    }
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    expect(kept).toHaveLength(400);
    // 400 texts of ~400 characters (two bytes each) are ~0.3 MB; windows kept alive by slices would be the file's 16+ MB.
    expect(retained).toBeLessThan(4 * 1024 * 1024);
  });
});
