// Reader throughput: readVerbatims on a generated ~50 MB CSV (quoted cells,
// doubled quotes, a multi-line cell every 50 rows), clean (CRLF) and messy (a
// stray quote every 10,000 rows, LF and CRLF mixed), against csv-parse
// streaming the clean file and doing nothing else (the floor: csv-parse
// cannot read the messy one right). Then the same records as JSON Lines and as
// one JSON array (read element by element), against reading the JSON Lines
// file line by line and JSON.parse on each line (the floor). Size:
// BENCH_READ_MB (default 50).
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { readVerbatims } from '../dist/io/index.js';

const TEXTS = [
  'Colis reçu abîmé, carton ouvert ; le SAV ne répond pas',
  'Conseillère très aimable, problème réglé dès le premier appel',
  'Il a dit "c\'est la procédure" et a raccroché',
  'Livraison rapide, rien à redire',
  'Remboursé 12,50 € au lieu de 125 €, trois semaines d\'attente',
];

async function generate(path, mb, messy) {
  const out = createWriteStream(path);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write('id;date;canal;note;commentaire\r\n');
  let bytes = 0;
  let rows = 0;
  while (bytes < mb * 1e6) {
    const text = TEXTS[rows % TEXTS.length] + (rows % 50 === 0 ? '\r\nCordialement' : '');
    const cell = messy && rows % 10_000 === 9_999 ? `"${text.replace(/"/g, '')}` : `"${text.replace(/"/g, '""')}"`;
    const line = `B${rows};2025-03-${String((rows % 28) + 1).padStart(2, '0')};avis;${rows % 11};${cell}${messy && rows % 2 ? '\n' : '\r\n'}`;
    bytes += Buffer.byteLength(line);
    rows++;
    await write(line);
  }
  await new Promise((r) => out.end(r));
  return rows;
}

async function timed(fn) {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { ...result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** The same records as JSON Lines and as a JSON array with one record per line. */
async function generateJson(jsonl, json, mb) {
  const lines = createWriteStream(jsonl);
  const array = createWriteStream(json);
  const write = (out, s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write(array, '[\n');
  let bytes = 0;
  let rows = 0;
  while (bytes < mb * 1e6) {
    const record = JSON.stringify({ id: `B${rows}`, date: `2025-03-${String((rows % 28) + 1).padStart(2, '0')}`, canal: 'avis', note: rows % 11, commentaire: TEXTS[rows % TEXTS.length] });
    bytes += Buffer.byteLength(record) + 1;
    await write(lines, `${record}\n`);
    await write(array, `${rows > 0 ? ',\n' : ''}${record}`);
    rows++;
  }
  await write(array, '\n]\n');
  await Promise.all([lines, array].map((out) => new Promise((r) => out.end(r))));
  return rows;
}

async function ours(path) {
  const heap = process.memoryUsage().heapUsed;
  let peak = 0;
  const result = await timed(async () => {
    let items = 0;
    let rejects = 0;
    for await (const item of readVerbatims([path.endsWith('.csv') ? { path, delimiter: ';' } : path])) {
      items++;
      if (item.type === 'reject') rejects++;
      if (items % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - heap);
    }
    return { items, rejects };
  });
  return { ...result, peak };
}

export default async function bench() {
  const mb = Number(process.env.BENCH_READ_MB ?? 50);
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-bench-read-'));
  try {
    console.log('file | size MB | rows | readVerbatims rows/s | MB/s | rejects | heap growth MB | csv-parse alone rows/s | ratio');
    let floor;
    for (const messy of [false, true]) {
      const path = join(dir, messy ? 'messy.csv' : 'clean.csv');
      const rows = await generate(path, mb, messy);
      const size = statSync(path).size / 1e6;
      floor ??= await timed(
        () =>
          new Promise((resolve, reject) => {
            let n = 0;
            createReadStream(path)
              .pipe(parse({ delimiter: ';', relax_quotes: true, relax_column_count: true }))
              .on('data', () => n++)
              .on('end', () => resolve({ items: n }))
              .on('error', reject);
          }),
      );
      const read = await ours(path);
      if (read.items !== rows) throw new Error(`read ${read.items} items for ${rows} rows`);
      const rate = read.items / read.seconds;
      const floorRate = floor.items / floor.seconds;
      console.log(
        [messy ? 'messy' : 'clean', size.toFixed(1), rows, Math.round(rate), (size / read.seconds).toFixed(1), read.rejects, (read.peak / 1e6).toFixed(0),
          Math.round(floorRate), (rate / floorRate).toFixed(2)].join(' | '),
      );
    }

    console.log('\nfile | size MB | rows | readVerbatims rows/s | MB/s | rejects | heap growth MB | lines + JSON.parse alone rows/s | ratio');
    const jsonl = join(dir, 'export.jsonl');
    const json = join(dir, 'export.json');
    const rows = await generateJson(jsonl, json, mb);
    const parsed = await timed(async () => {
      let items = 0;
      for await (const line of createInterface({ input: createReadStream(jsonl), crlfDelay: Infinity })) if (JSON.parse(line)) items++;
      return { items };
    });
    const floorRate = parsed.items / parsed.seconds;
    for (const path of [jsonl, json]) {
      const read = await ours(path);
      if (read.items !== rows) throw new Error(`read ${read.items} items for ${rows} rows`);
      const size = statSync(path).size / 1e6;
      const rate = read.items / read.seconds;
      console.log([path.endsWith('.json') ? 'json array' : 'jsonl', size.toFixed(1), rows, Math.round(rate), (size / read.seconds).toFixed(1), read.rejects, (read.peak / 1e6).toFixed(0), Math.round(floorRate), (rate / floorRate).toFixed(2)].join(' | '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
