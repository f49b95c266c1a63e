// The time check of `npm run fuzz` on made-up timings: what it calls slow.
import { describe, expect, it } from 'vitest';
import { slowRuns, type TimedRun } from './timing.js';

const MB = 1024 * 1024;
const argv = ['analyze', 'x.csv', '--no-default-lexicon'];
let next = 0;
const run = (size: number, records: number | undefined, ms: number, code: TimedRun['code'] = 0): TimedRun => ({
  index: next++,
  format: 'csv',
  argv,
  sizeClass: size < 65_536 ? 'small' : (records ?? 0) >= 1000 ? 'many' : 'long',
  size,
  records,
  ms,
  code,
});

/**
 * The rest of the fuzz run: small files at 100 ms, files of 1 MB at 1,000 ms
 * per MB beyond that (0.1 ms per record when they hold 10,000 records).
 */
const reference = (): TimedRun[] => [
  ...Array.from({ length: 30 }, () => run(2000, 5, 100)),
  ...Array.from({ length: 10 }, () => run(MB, 10_000, 1100)),
  ...Array.from({ length: 10 }, () => run(MB, 3, 1100)),
];

describe('slowRuns', () => {
  it.each<[string, TimedRun, false | 'bytes' | 'bytes and records']>([
    ['4 MB in 4 s (linear)', run(4 * MB, 40_000, 4100), false],
    ['4 MB of one long verbatim in 64 s (quadratic)', run(4 * MB, 3, 64_100), 'bytes'],
    ['0.5 MB of 50,000 short records in 9 s (dear per byte, cheap per record)', run(MB / 2, 50_000, 9000), false],
    ['8 MB of 1,000 long records in 20 s (dear per record, cheap per byte)', run(8 * MB, 1000, 20_000), false],
    ['2 MB of 20,000 records in 40 s (quadratic in records)', run(2 * MB, 20_000, 40_100), 'bytes and records'],
    ['a 2 KB file in 5 s', run(2000, 5, 5000), 'bytes'],
    ['a run that timed out', run(2000, 5, 300_000, 'timeout'), false],
  ])('%s', (_, candidate, expected) => {
    const slow = slowRuns([...reference(), candidate], 10);
    expect(slow.map((s) => s.result)).toEqual(expected === false ? [] : [candidate]);
    if (expected !== false) expect(slow[0]!.by).toBe(expected);
  });

  it('compares a run with its own group: the default lexicons cost more per run', () => {
    const withDefaults = (ms: number): TimedRun => ({ ...run(2000, 5, ms), argv: ['analyze', 'x.csv'] });
    const runs = [...reference(), ...Array.from({ length: 30 }, () => withDefaults(1500))];
    expect(slowRuns([...runs, withDefaults(3000)], 10)).toEqual([]);
    expect(slowRuns([...runs, run(2000, 5, 3000)], 10).map((s) => s.result.ms)).toEqual([3000]);
  });

  it('compares a long text with long texts: markup of many records costs less per byte than analysed text', () => {
    // Many records at 1 s per MB; long texts at 20 s per MB, linear.
    const many = Array.from({ length: 20 }, (_, k) => run((k + 1) * MB, (k + 1) * 10_000, 100 + (k + 1) * 1000));
    const long = Array.from({ length: 5 }, (_, k) => run(((k + 1) * MB) / 4, 3, 100 + (k + 1) * 5000));
    const candidate = run(1.5 * MB, 4, 100 + 30_000);
    const small = Array.from({ length: 30 }, () => run(2000, 5, 100));
    expect(slowRuns([...small, ...many, ...long, candidate], 10)).toEqual([]);
    // Against the many-record files alone it would have been slow.
    expect(slowRuns([...small, ...many, candidate], 10).map((s) => s.result)).toEqual([candidate]);
  });
});
