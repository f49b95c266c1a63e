import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadItem } from '../../src/io/types.js';
import { BATCH } from '../../src/run/batch.js';
import { startWorkers, workerOfBatch } from '../../src/run/pool.js';
import type { WorkerSetup } from '../../src/run/protocol.js';

const script = join(resolve(__dirname, '..'), 'fixtures/run/recording-worker.mjs');
const setup = { kind: 'verbatim-fr-analysis-worker', lexicons: [], includeDefault: true, sectors: [], defaultLanguage: 'fra', allTurns: false, corpus: {}, returnAnalyses: false } as Omit<WorkerSetup, 'describe'>;

async function* rows(n: number): AsyncIterable<ReadItem> {
  for (let i = 1; i <= n; i++) {
    // A reject now and then: rejects travel with the batch they were read in, never make one.
    if (i % 97 === 0) yield { type: 'reject', source: { file: 'x.csv', row: i }, reason: 'empty text', hint: '' };
    else yield { type: 'verbatim', verbatim: { id: String(i), text: 'un texte', channel: 'avis' }, source: { file: 'x.csv', row: i } };
  }
}

describe('the worker pool', () => {
  it.each([2, 3])('gives batch n to worker n mod %i, however slow a worker is (a budgeted report must not depend on timing)', async (count) => {
    const pool = startWorkers(count, script, setup);
    await pool.ready;
    const rejects: number[] = [];
    const states = (await pool.run(rows(12 * BATCH), async (r) => void rejects.push(r.source.row), undefined, undefined)).map(({ state }) => state as unknown as { seqs: number[] });
    const total = states.reduce((n, s) => n + s.seqs.length, 0);
    expect(total).toBeGreaterThan(10);
    states.forEach((s, w) => {
      expect(s.seqs.length).toBeGreaterThan(0);
      for (const seq of s.seqs) expect(workerOfBatch(seq, count)).toBe(w);
    });
    expect(rejects).toEqual(Array.from({ length: Math.floor((12 * BATCH) / 97) }, (_, i) => 97 * (i + 1)));
  });
});
