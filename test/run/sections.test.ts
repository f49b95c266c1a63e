// Which sections run where: worker threads build the core section alone when
// the run asks for it (`verbatim discover`), and any other section keeps the
// run in this thread (a section is code, a worker only has the default ones).
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/node.js';
import { coreSection, type Section } from '../../src/index.js';

const root = resolve(import.meta.dirname, '../..');
const sample = join(root, 'corpora/sample.csv');
const workerScript = join(root, 'dist/cli/bin.js');

/** A section of the user's own: the customer verbatims it saw. */
const counted: Section<{ n: number }, number> = {
  name: 'counted',
  init: () => ({ n: 0 }),
  add: (state) => ({ n: state.n + 1 }),
  merge: (a, b) => ({ n: a.n + b.n }),
  finalize: (state) => state.n,
};

describe('sections on worker threads', () => {
  it('keeps the core section alone on the workers when the run asks for the core only', async () => {
    const run = (workers: number) => analyzeFiles([sample], { sections: [coreSection()], keepState: true, workers, workerScript });
    const [one, two] = [await run(1), await run(2)];
    expect(Object.keys(two.state?.state.sections ?? {})).toEqual(['core']);
    expect(two.state?.state).toEqual(one.state?.state);
    expect(two.report.channels).toEqual(one.report.channels);
  }, 60_000);

  it('runs a section of the user in this thread, whatever the workers asked for', async () => {
    const run = (workers: number) => analyzeFiles([sample], { sections: [coreSection(), counted], workers, workerScript });
    const [one, two] = [await run(1), await run(2)];
    const customers = one.report.all.verbatims;
    expect(customers).toBeGreaterThan(400);
    expect((one.report.sections as Record<string, unknown>)['counted']).toBe(customers);
    expect((two.report.sections as Record<string, unknown>)['counted']).toBe(customers);
  }, 60_000);
});
