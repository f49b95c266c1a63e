// analyzeFiles in one thread takes rows by batches (analysed first, then
// added): over several batches, with rejects between verbatims, every row is
// taken in input order, and the report is the one of a row-by-row build.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze/index.js';
import { analyzeVerbatim } from '../../src/analyze/transcript.js';
import { readVerbatims } from '../../src/io/read.js';
import { buildReport, reportMeta } from '../../src/report/index.js';
import type { ReportReject } from '../../src/report/index.js';
import { analyzeRows, BATCH, batches } from '../../src/run/batch.js';
import { analyzeFiles, reportedReject } from '../../src/run/analyze-files.js';
import type { VerbatimAnalysis } from '../../src/types.js';

// Written for these tests: short remarks over three channels, with a score and a date.
const REMARKS = [
  'Livraison en retard de trois jours, aucun message du transporteur.',
  'Conseillère très aimable, problème réglé en un appel.',
  'Application qui plante à chaque mise à jour, impossible de payer.',
  "Prix correct mais l'attente au téléphone est trop longue.",
  'Colis abîmé, remboursement obtenu sans discussion. Merci !',
  'Je recommande, rapide et efficace.',
  'Facture erronée deux mois de suite, personne ne répond aux mails.',
];
const CHANNELS = ['email', 'chat', 'avis_en_ligne'];
/** Rows without text: rejected where the reader finds them. */
const isEmpty = (row: number): boolean => row % 97 === 0 || row === 256 || row === 257;
const ROWS = 2 * BATCH + 89;

let dir = '';
let csv = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-batch-'));
  csv = join(dir, 'rows.csv');
  const lines = ['id;commentaire;canal;note;date'];
  for (let row = 1; row <= ROWS; row++) {
    const text = isEmpty(row) ? '' : `${REMARKS[row % REMARKS.length]} (${row})`;
    lines.push(`r${row};${text};${CHANNELS[row % CHANNELS.length]};${1 + (row % 5)};2026-0${1 + (row % 9)}-1${row % 10}`);
  }
  writeFileSync(csv, lines.join('\n') + '\n');
});

describe('analyzeRows', () => {
  it('gives the analyses analyzeVerbatim gives, in order', () => {
    const analyzer = createAnalyzer({ detectLanguage: false });
    const verbatims = REMARKS.map((text, i) => ({ id: `v${i}`, text, channel: 'email' }));
    expect(analyzeRows(verbatims, (v) => v, analyzer).analyses).toEqual(verbatims.map((v) => analyzeVerbatim(v, analyzer)));
  });

  it('lines the analyses up with the rows, none for a row without a verbatim', () => {
    const analyzer = createAnalyzer({ detectLanguage: false });
    const rows = [{ text: REMARKS[0]! }, { reject: true }, { text: REMARKS[1]! }];
    const { analyses, byRow } = analyzeRows(rows, (r) => ('text' in r ? { id: r.text, text: r.text } : undefined), analyzer);
    expect(analyses.map((a) => a.id)).toEqual([REMARKS[0], REMARKS[1]]);
    expect(byRow.map((a) => a?.id)).toEqual([REMARKS[0], undefined, REMARKS[1]]);
  });
});

describe('analyzeFiles in one thread, over several batches', () => {
  it('annotates every row in input order, rejects in their place', async () => {
    const annotate = join(dir, 'rows.jsonl');
    const seen: string[] = [];
    let progressed = 0;
    await analyzeFiles([csv], { workers: 1, annotate, onAnalysis: (a) => seen.push(a.id), onProgress: (n) => (progressed += n) });
    const lines = readFileSync(annotate, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id?: string; status?: string; source?: { row: number } });
    expect(lines).toHaveLength(ROWS);
    lines.forEach((line, i) => {
      const row = i + 1;
      if (isEmpty(row)) expect([line.status, line.source?.row]).toEqual(['skipped', row]);
      else expect(line.id).toBe(`r${row}`);
    });
    const kept = Array.from({ length: ROWS }, (_, i) => i + 1).filter((row) => !isEmpty(row));
    expect(seen).toEqual(kept.map((row) => `r${row}`));
    expect(progressed).toBe(ROWS);
  });

  it('builds the report a row-by-row build gives', async () => {
    const analyzer = createAnalyzer({ defaultLanguage: 'fra' });
    const items: Array<VerbatimAnalysis | ReportReject> = [];
    for await (const item of readVerbatims([csv], { channels: analyzer.lexicon.channels })) {
      items.push(item.type === 'reject' ? reportedReject(item) : analyzeVerbatim(item.verbatim, analyzer));
    }
    const expected = await buildReport(items, { meta: reportMeta(analyzer) });
    const { report } = await analyzeFiles([csv], { workers: 1 });
    expect(report.summary.rejected).toBe(Array.from({ length: ROWS }, (_, i) => i + 1).filter(isEmpty).length);
    expect({ ...report, provenance: undefined }).toEqual({ ...expected, provenance: undefined });
  });
});

/** An async iterable of `items` that stops after `before` of them until `open()` is called; `closed` once returned. */
function gated<T>(items: readonly T[], before: number): AsyncIterable<T> & { open(): void; closed: boolean } {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const source = {
    closed: false,
    open: () => open(),
    async *[Symbol.asyncIterator]() {
      try {
        for (let i = 0; i < items.length; i++) {
          if (i === before) await gate;
          yield items[i] as T;
        }
      } finally {
        source.closed = true;
      }
    },
  };
  return source;
}

async function collect<T>(it: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const b of it) out.push(b);
  return out;
}

describe('batches', () => {
  it('cuts a source that is always ready into batches of the size asked, in order', async () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    async function* ready() {
      yield* items;
    }
    expect(await collect(batches(ready(), 4))).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(await collect(batches(ready(), 100))).toEqual([items]);
  });

  it('gives the rows read so far when the source stalls, then goes on', async () => {
    const source = gated([1, 2, 3, 4, 5], 2);
    const seen: number[][] = [];
    const done = (async () => {
      for await (const b of batches(source, 100)) seen.push(b);
    })();
    await expect.poll(() => seen, { timeout: 2000 }).toEqual([[1, 2]]);
    source.open();
    await done;
    expect(seen).toEqual([[1, 2], [3, 4, 5]]);
  });

  it('closes its source when the consumer stops early', async () => {
    const source = gated([1, 2, 3, 4, 5, 6], 6);
    for await (const b of batches(source, 2)) {
      expect(b).toEqual([1, 2]);
      break;
    }
    expect(source.closed).toBe(true);
  });
});

describe('analyzeFiles on standard input that comes slowly', () => {
  // About 2 MB before the pause: past what the reader reads ahead before its first row.
  const lines = ['commentaire;canal', ...Array.from({ length: 10_000 }, (_, i) => `${REMARKS[i % REMARKS.length]} Commande ${i}.;${CHANNELS[i % 3]}`)].map((l) => `${l}\n`);
  const paused = lines.length - 1;
  const lineCount = (text: string): number => text.split('\n').filter(Boolean).length;

  it('writes the annotation of every row read before the input pauses, not only of full batches', async () => {
    // What the reader itself gives before the pause.
    const probe = gated(lines, paused);
    let read = 0;
    const reading = (async () => {
      for await (const item of readVerbatims([{ path: '-', stream: probe }], {})) if (item.type === 'verbatim') read += 1;
    })();
    let last = -1;
    await expect.poll(() => (last === read ? read : ((last = read), -1)), { timeout: 10_000, interval: 200 }).toBeGreaterThan(0);
    probe.open();
    await reading;
    expect(read % BATCH).not.toBe(0);

    const stdin = gated(lines, paused);
    let written = '';
    const annotate = new Writable({
      write(chunk, _encoding, callback) {
        written += String(chunk);
        callback();
      },
    });
    const run = analyzeFiles(['-'], { workers: 1, stdin, annotate, annotateFormat: 'jsonl' });
    await expect.poll(() => lineCount(written), { timeout: 10_000 }).toBe(last);
    stdin.open();
    const { report } = await run;
    expect(lineCount(written)).toBe(lines.length - 1);
    expect(report.summary.analysed).toBe(lines.length - 1);
  });
});
