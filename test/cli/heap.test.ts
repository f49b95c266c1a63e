// VERBATIM_HEAP_GROWTH: what the CLI asks of V8's heap growth, read before any
// command runs; a bad value is a usage error in the CLI's language.
// In-process through main(), with a stand-in for the setters (the real ones
// change flags of the whole process; their effect is measured by the memory
// bench, not here).
import { describe, expect, it } from 'vitest';
import { sink } from './_sink.js';
import { EXIT, main } from '../../src/cli/main.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capMainYoungGeneration, chooseHeapGrowth, DEFAULT_HEAP_GROWTH, scavengeAlone, setHeapGrowth, setYoungGenerationGrowth, stopParallelScavenges, stopPretenuring } from '../../src/cli/heap.js';

async function cli(env: Record<string, string>): Promise<{ code: number; stderr: string; asked: number[] }> {
  const asked: number[] = [];
  const err = sink();
  const code = await main(['tokenize', 'bonjour'], { stdout: sink().stream, stderr: err.stream, env: { CI: 'true', ...env } }, { setHeapGrowth: (percent) => asked.push(percent) });
  return { code, stderr: err.text(), asked };
}

describe('chooseHeapGrowth', () => {
  it.each([
    [undefined, DEFAULT_HEAP_GROWTH],
    ['', DEFAULT_HEAP_GROWTH],
    ['30', 30],
    [' 120 ', 120],
    ['10', 10],
    ['400', 400],
  ])('VERBATIM_HEAP_GROWTH=%j gives %j %%', (value, percent) => {
    expect(chooseHeapGrowth(value === undefined ? {} : { VERBATIM_HEAP_GROWTH: value })).toEqual({ percent });
  });

  it.each(['off', 'OFF', '0'])('VERBATIM_HEAP_GROWTH=%j leaves V8 its own policy', (value) => {
    expect(chooseHeapGrowth({ VERBATIM_HEAP_GROWTH: value })).toEqual({ percent: undefined });
  });

  it.each(['9', '401', '50%', '1.5', 'low', '-20'])('VERBATIM_HEAP_GROWTH=%j is a bad value', (value) => {
    expect(chooseHeapGrowth({ VERBATIM_HEAP_GROWTH: value })).toEqual({ badValue: value });
  });
});

describe('main', () => {
  it('asks the default growth once, before the command runs', async () => {
    const { code, asked } = await cli({});
    expect(code).toBe(EXIT.ok);
    expect(asked).toEqual([DEFAULT_HEAP_GROWTH]);
  });

  it('asks what the variable says, and nothing with off', async () => {
    expect((await cli({ VERBATIM_HEAP_GROWTH: '25' })).asked).toEqual([25]);
    expect((await cli({ VERBATIM_HEAP_GROWTH: 'off' })).asked).toEqual([]);
  });

  it.each([
    [{}, 'VERBATIM_HEAP_GROWTH attend un pourcentage de 10 à 400', '« beaucoup »'],
    [{ VERBATIM_LANG: 'en' }, 'VERBATIM_HEAP_GROWTH expects a percentage from 10 to 400', '"beaucoup"'],
  ])('a bad value is a usage error, before any command (%j)', async (env, says, quoted) => {
    const { code, stderr, asked } = await cli({ ...env, VERBATIM_HEAP_GROWTH: 'beaucoup' });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(says);
    expect(stderr).toContain(quoted);
    expect(asked).toEqual([]);
  });
});

describe('setHeapGrowth', () => {
  it('leaves a growth that Node was given alone', () => {
    expect(setHeapGrowth(50, ['--heap-growing-percent=20'], undefined)).toBe(false);
    expect(setHeapGrowth(50, [], '--max-old-space-size=900 --heap_growing_percent=30')).toBe(false);
  });

  it('sets it otherwise', () => {
    // The flag V8 reads at each sizing of a heap; 100 % is near its own factor for a small heap.
    expect(setHeapGrowth(100, ['--enable-source-maps'], '--max-old-space-size=900')).toBe(true);
  });
});

describe('stopPretenuring', () => {
  it('leaves V8 its own policy with VERBATIM_HEAP_GROWTH=off, or a bad value', () => {
    expect(stopPretenuring({ VERBATIM_HEAP_GROWTH: 'off' }, [], undefined)).toBe(false);
    expect(stopPretenuring({ VERBATIM_HEAP_GROWTH: 'beaucoup' }, [], undefined)).toBe(false);
  });

  it.each([
    [['--allocation-site-pretenuring'], undefined],
    [['--no-allocation-site-pretenuring'], undefined],
    [[], '--max-old-space-size=900 --noallocation_site_pretenuring'],
    [[], '--allocation_site_pretenuring'],
  ])('leaves the choice Node was given alone: %j / NODE_OPTIONS %j', (execArgv, nodeOptions) => {
    expect(stopPretenuring({}, execArgv, nodeOptions)).toBe(false);
  });

  it('sets it otherwise, with the default growth or a chosen one', () => {
    expect(stopPretenuring({}, ['--enable-source-maps'], '--max-old-space-size=900')).toBe(true);
    expect(stopPretenuring({ VERBATIM_HEAP_GROWTH: '30' }, [], undefined)).toBe(true);
  });
});

const sample = fileURLToPath(new URL('../../corpora/sample.csv', import.meta.url));
const workerScript = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

/** A command run in-process, with what it asked of the young generations' setter and told the scavenges' one. */
async function tuned(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; cap: boolean[]; threads: number[] }> {
  const cap: boolean[] = [];
  const threads: number[] = [];
  const code = await main(argv, { stdout: sink().stream, stderr: sink().stream, env: { CI: 'true', ...env } }, { workerScript, capYoungGenerations: (c) => cap.push(c), tuneScavenges: (n) => threads.push(n) });
  return { code, cap, threads };
}

describe('young generations', () => {
  const asked = async (argv: string[], env: Record<string, string> = {}): Promise<{ code: number; cap: boolean[] }> => {
    const { code, cap } = await tuned(argv, env);
    return { code, cap };
  };

  it('lets them grow again for a command that runs in this thread', async () => {
    expect(await asked(['tokenize', 'bonjour'])).toEqual({ code: EXIT.ok, cap: [false] });
    expect(await asked(['--lang', 'en', 'tokenize', 'bonjour'])).toEqual({ code: EXIT.ok, cap: [false] });
  });

  it('caps them while two worker threads analyse, and lets them grow when this thread does', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'verbatim-young-')), 'r.json');
    expect(await asked(['analyze', sample, '--format', 'json', '--out', out, '--quiet', '--workers', '2'])).toEqual({ code: EXIT.ok, cap: [true] });
    expect(await asked(['analyze', sample, '--format', 'json', '--out', out, '--quiet', '--workers', '1'])).toEqual({ code: EXIT.ok, cap: [false] });
  });

  it('leaves V8 its own policy with VERBATIM_HEAP_GROWTH=off', async () => {
    expect((await asked(['tokenize', 'bonjour'], { VERBATIM_HEAP_GROWTH: 'off' })).cap).toEqual([]);
  });

  it('leaves a young generation size or growth that Node was given alone', () => {
    expect(setYoungGenerationGrowth(1, ['--max-semi-space-size=2'], undefined)).toBe(false);
    expect(setYoungGenerationGrowth(1, [], '--semi_space_growth_factor=4')).toBe(false);
  });

  it('caps nothing when Node was given its own young generation', () => {
    // No check is started: the stop function has nothing to stop, and no flag of this process changed.
    expect(capMainYoungGeneration(1, ['--max-semi-space-size=4'], undefined)()).toBeUndefined();
    expect(capMainYoungGeneration(1, [], '--semi-space-growth-factor=3')()).toBeUndefined();
  });
});

describe('scavenges', () => {
  const told = async (argv: string[], env: Record<string, string> = {}): Promise<{ code: number; threads: number[] }> => {
    const { code, threads } = await tuned(argv, env);
    return { code, threads };
  };

  it('stay on helper threads unless the busy threads outnumber the cores', () => {
    expect(scavengeAlone(3, 2)).toBe(true);
    expect(scavengeAlone(2, 2)).toBe(false);
    expect(scavengeAlone(3, 4)).toBe(false);
    expect(scavengeAlone(5, 4)).toBe(true);
  });

  it('are told the workers and the reading thread when two worker threads analyse, and nothing otherwise', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'verbatim-scavenge-')), 'r.json');
    expect(await told(['analyze', sample, '--format', 'json', '--out', out, '--quiet', '--workers', '2'])).toEqual({ code: EXIT.ok, threads: [3] });
    expect(await told(['analyze', sample, '--format', 'json', '--out', out, '--quiet', '--workers', '1'])).toEqual({ code: EXIT.ok, threads: [] });
    expect(await told(['tokenize', 'bonjour'])).toEqual({ code: EXIT.ok, threads: [] });
  });

  it('are left to V8 with VERBATIM_HEAP_GROWTH=off, or when Node was given the flag either way', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'verbatim-scavenge-')), 'r.json');
    expect((await told(['analyze', sample, '--format', 'json', '--out', out, '--quiet', '--workers', '2'], { VERBATIM_HEAP_GROWTH: 'off' })).threads).toEqual([]);
    expect(stopParallelScavenges(['--parallel-scavenge'], undefined)).toBe(false);
    expect(stopParallelScavenges([], '--no-parallel-scavenge')).toBe(false);
    expect(stopParallelScavenges([], '--parallel_scavenge')).toBe(false);
  });
});
