// `--workers auto`: how many analysis threads a run takes by default, from the
// input's size, the cores and the memory the process may use.
import { describe, expect, it } from 'vitest';
import { defaultWorkers } from '../../src/run/analyze-files.js';

const GB = 1024 ** 3;

describe('defaultWorkers', () => {
  it.each([
    ['an input of 20 MB or less: in-process, whatever the machine', 20e6, { cores: 16, memory: 64 * GB }, 1],
    ['one per core', 100e6, { cores: 4, memory: 16 * GB }, 4],
    ['at most 8', 100e6, { cores: 32, memory: 64 * GB }, 8],
    ['a container of 2 GB on a host of 16 cores: one per 512 MB', 100e6, { cores: 16, memory: 2 * GB }, 4],
    ['less than 1 GB: one', 1e9, { cores: 8, memory: 0.75 * GB }, 1],
    ['no memory known: still one', 1e9, { cores: 8, memory: 0 }, 1],
  ])('%s', (_what, bytes, machine, expected) => {
    expect(defaultWorkers(bytes, machine)).toBe(expected);
  });

  it('on this machine: between 1 and its cores, at most 8', () => {
    const workers = defaultWorkers(100e6);
    expect(workers).toBeGreaterThanOrEqual(1);
    expect(workers).toBeLessThanOrEqual(8);
  });
});
