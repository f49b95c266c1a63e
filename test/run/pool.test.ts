import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadItem } from '../../src/io/types.js';
import { BATCH } from '../../src/run/batch.js';
import { startWorkers, workerOfVerbatim } from '../../src/run/pool.js';
import fc from 'fast-check';
import { readWorkerStates, writeWorkerStates, type WorkerSetup, type WorkerStates } from '../../src/run/protocol.js';

const script = join(resolve(__dirname, '..'), 'fixtures/run/recording-worker.mjs');
const setup = { kind: 'verbatim-fr-analysis-worker', lexicons: [], includeDefault: true, sectors: [], defaultLanguage: 'fra', allTurns: false, corpus: {}, returnAnalyses: false } as Omit<WorkerSetup, 'describe'>;

/** `n` rows; with `pauses`, the reader waits past the batches' stall time at those rows (a live feed). */
async function* rows(n: number, pauses: readonly number[] = []): AsyncIterable<ReadItem> {
  for (let i = 1; i <= n; i++) {
    if (pauses.includes(i)) await new Promise((resolve) => setTimeout(resolve, 60));
    // A reject now and then: rejects travel with the batch they were read in, never make one.
    if (i % 97 === 0) yield { type: 'reject', source: { file: 'x.csv', row: i }, reason: 'empty text', hint: '' };
    else yield { type: 'verbatim', verbatim: { id: String(i), text: 'un texte', channel: 'avis' }, source: { file: 'x.csv', row: i } };
  }
}

type Recorded = { seqs: number[]; ids: string[]; asked: number; sent: number };

describe('the worker pool', () => {
  it.each([
    [2, []],
    [3, []],
    [2, [5, 300, 301, 700]],
    [3, [1, 255, 256, 257, 1000]],
  ])('on %i workers (reader pausing at rows %j): block k of the verbatims to worker k mod count, however slow a worker is (a budgeted report must not depend on timing)', async (count, pauses) => {
    const pool = startWorkers(count, script, setup);
    await pool.ready;
    const rejects: number[] = [];
    const n = 12 * BATCH;
    const states = (await pool.run(rows(n, pauses), async (r) => void rejects.push(r.source.row), undefined, undefined)).map(({ state }) => state as unknown as Recorded);
    // The verbatims in input order, and the worker each went to.
    const verbatims = Array.from({ length: n }, (_, i) => i + 1).filter((row) => row % 97 !== 0).map(String);
    const workerOf = new Map(states.flatMap((s, w) => s.ids.map((id) => [id, w] as const)));
    expect(workerOf.size).toBe(verbatims.length);
    verbatims.forEach((id, index) => expect([id, workerOf.get(id)]).toEqual([id, workerOfVerbatim(index, count)]));
    // Each worker sees its rows in input order.
    for (const s of states) expect(s.ids).toEqual(verbatims.filter((id) => s.ids.includes(id)));
    // A pause sends the rows read so far: more batches than blocks.
    const batches = states.reduce((sum, s) => sum + s.seqs.length, 0);
    if (pauses.length === 0) expect(batches).toBe(Math.ceil(verbatims.length / BATCH));
    else expect(batches).toBeGreaterThan(Math.ceil(verbatims.length / BATCH));
    expect(rejects).toEqual(Array.from({ length: Math.floor(n / 97) }, (_, i) => 97 * (i + 1)));
  });

  it('asks one worker at a time for its state, the next once the previous has sent its own (two states in flight at once made the run peak)', async () => {
    // Worker 0 answers slowly: asked at once, worker 1 would be asked long before worker 0 has sent its state.
    const pool = startWorkers(3, script, setup);
    await pool.ready;
    const states = (await pool.run(rows(6 * BATCH), async () => undefined, undefined, undefined)).map(({ state }) => state as unknown as Recorded);
    expect(states).toHaveLength(3);
    for (let w = 1; w < states.length; w++) expect((states[w] as Recorded).asked).toBeGreaterThanOrEqual((states[w - 1] as Recorded).sent);
  });

  it('a worker\'s states cross as bytes and read back the same', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.jsonValue(), { nil: undefined }), (state, discover) => {
        const states = (discover === undefined ? { state } : { state, discover }) as unknown as WorkerStates;
        const bytes = writeWorkerStates(states);
        expect(bytes).toBeInstanceOf(ArrayBuffer);
        expect(readWorkerStates(structuredClone(bytes, { transfer: [bytes] }))).toEqual(states);
      }),
    );
  });
});
