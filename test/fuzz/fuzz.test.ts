// The CI slice of `npm run fuzz`: a fixed seed, a few hundred small files of
// every kind, run through the CLI in-process; any violation fails. The full
// run (>= 10,000 files, large ones included, time per MB compared) is
// `npm run fuzz -- --count 10000` (see the README, Robustness).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FUZZ_FORMATS, fuzzCases } from './cases.js';
import { runCase } from './run.js';

const SEED = 20_240_501;
const PER_FORMAT = 50;
const work = mkdtempSync(join(tmpdir(), 'verbatim-fuzz-ci-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('fuzz slice: generated files through the CLI', () => {
  it.each(FUZZ_FORMATS.map((format) => [format]))('%s: a documented exit, a message and no stack trace, every record once', async (format) => {
    const failures: string[] = [];
    const codes = new Set<number | string>();
    for (const c of fuzzCases(SEED, PER_FORMAT, { formats: [format], small: true })) {
      const dir = join(work, `${format}-${c.index}`);
      const result = await runCase(c, dir, { timeoutMs: 60_000 });
      codes.add(result.code);
      if (result.problems.length > 0) failures.push(`#${c.index} ${c.label}: ${result.problems.join('; ')} (replay: npm run fuzz -- --seed ${SEED} --formats ${format} --small --only ${c.index})`);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
    // The slice reaches both sides: files read, and files refused (a JSONL file's first line is always valid).
    expect(codes).toContain(0);
    if (format !== 'jsonl') expect(codes).toContain(3);
  }, 180_000);
});
