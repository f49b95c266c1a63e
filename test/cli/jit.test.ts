// VERBATIM_JIT: whether the CLI asks V8 to optimise later, from the size of a
// command's input. In-process through main(), with a stand-in for the setter
// (the real one changes a flag of the whole process; its effect is measured by
// `npm run bench startup`, not here).
import { execFileSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sink } from './_sink.js';
import { EXIT, main } from '../../src/cli/main.js';
import { chooseTierUp, LATE_TIER_UP_MAX_BYTES, lateTierUp, lateTierUpSetting, setLateTierUp } from '../../src/cli/jit.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/cli/${name}`, import.meta.url));
const MINI = fixture('mini.csv');

/** A call of the setter. */
const LATE = 'late';

async function cli(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<{ code: number; stderr: string; asked: string[]; writtenBefore: number[] }> {
  const asked: string[] = [];
  // What the command had written when it asked: nothing, if it asked before its work.
  const writtenBefore: number[] = [];
  const out = sink();
  const err = sink();
  const code = await main(
    args,
    { stdout: out.stream, stderr: err.stream, env: { CI: 'true', ...env }, stdin: Readable.from([Buffer.from(stdin)]) },
    {
      setLateTierUp: () => {
        asked.push(LATE);
        writtenBefore.push(out.text().length);
      },
    },
  );
  return { code, stderr: err.text(), asked, writtenBefore };
}

describe('chooseTierUp', () => {
  it.each([
    [undefined, 'auto'],
    ['', 'auto'],
    ['auto', 'auto'],
    [' LATE ', 'late'],
    ['off', 'off'],
  ])('VERBATIM_JIT=%j gives %j', (value, mode) => {
    expect(chooseTierUp(value === undefined ? {} : { VERBATIM_JIT: value })).toEqual({ mode });
  });

  it.each(['0', 'on', 'tard', '16'])('VERBATIM_JIT=%j is a bad value', (value) => {
    expect(chooseTierUp({ VERBATIM_JIT: value })).toEqual({ badValue: value });
  });
});

describe('lateTierUp', () => {
  it('takes the late budget in auto for an input of known size up to the limit', () => {
    expect(lateTierUp('auto', 0)).toBe(true);
    expect(lateTierUp('auto', LATE_TIER_UP_MAX_BYTES)).toBe(true);
    expect(lateTierUp('auto', LATE_TIER_UP_MAX_BYTES + 1)).toBe(false);
  });

  it('leaves an input of unknown size (standard input) to V8 in auto', () => {
    expect(lateTierUp('auto', undefined)).toBe(false);
  });

  it('takes it always with late, never with off', () => {
    for (const bytes of [undefined, 0, 10 * LATE_TIER_UP_MAX_BYTES]) {
      expect(lateTierUp('late', bytes)).toBe(true);
      expect(lateTierUp('off', bytes)).toBe(false);
    }
  });
});

describe('main', () => {
  it('asks the late budget once for a small file, before it is analysed', async () => {
    const { code, asked, writtenBefore } = await cli(['analyze', MINI, '--format', 'json']);
    expect(code).toBe(EXIT.ok);
    expect(asked).toEqual([LATE]);
    expect(writtenBefore).toEqual([0]);
  });

  it('asks nothing for standard input unless told late', async () => {
    const csv = 'id;commentaire\n1;Livraison rapide, merci\n2;Colis jamais arrivé\n';
    expect((await cli(['analyze', '-', '--format', 'json'], {}, csv)).asked).toEqual([]);
    expect((await cli(['analyze', '-', '--format', 'json'], { VERBATIM_JIT: 'late' }, csv)).asked).toEqual([LATE]);
  });

  it('asks nothing with off', async () => {
    expect((await cli(['analyze', MINI, '--format', 'json'], { VERBATIM_JIT: 'off' })).asked).toEqual([]);
  });

  it('asks it for the other commands that analyse a file: eval, kwic, discover, sectors', async () => {
    for (const args of [['eval', fixture('gold.jsonl')], ['kwic', 'livraison', MINI], ['discover', MINI], ['sectors', MINI]]) {
      const { code, asked, writtenBefore } = await cli(args);
      expect(code, args.join(' ')).toBe(EXIT.ok);
      expect(asked, args.join(' ')).toEqual([LATE]);
      expect(writtenBefore, args.join(' ')).toEqual([0]);
    }
  });

  it('asks nothing for a command that analyses no input', async () => {
    expect((await cli(['tokenize', 'bonjour'])).asked).toEqual([]);
  });

  it.each([
    [{}, 'VERBATIM_JIT attend auto', '« tôt »'],
    [{ VERBATIM_LANG: 'en' }, 'VERBATIM_JIT expects auto', '"tôt"'],
  ])('a bad value is a usage error, before any command (%j)', async (env, says, quoted) => {
    const { code, stderr, asked } = await cli(['analyze', MINI], { ...env, VERBATIM_JIT: 'tôt' });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(says);
    expect(stderr).toContain(quoted);
    expect(asked).toEqual([]);
  });
});

describe('lateTierUpSetting', () => {
  it.each([
    ['11.3.244.8-node.19', 'interrupt-budget', 16 * 67_584],
    ['10.2.154.26-node.26', 'interrupt-budget', 16 * 67_584],
    ['11.8.172.17-node.20', 'invocation-count-for-turbofan', 16 * 3_000],
    ['12.4.254.21-node.57', 'invocation-count-for-turbofan', 16 * 3_000],
    ['13.6.233.17-node.63', 'invocation-count-for-turbofan', 16 * 3_000],
  ])('V8 %s: --%s=%i', (version, name, value) => {
    expect(lateTierUpSetting(version)).toEqual({ name, value });
  });

  it('names a flag the V8 running the tests knows (an unknown one makes V8 write an error on standard error)', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(options).toContain(`  --${lateTierUpSetting().name} `);
  });
});

describe('setLateTierUp', () => {
  it('leaves a flag that Node was given alone', () => {
    const setting = { name: 'interrupt-budget', value: 1_081_344 };
    expect(setLateTierUp(setting, ['--interrupt-budget=1000'], undefined)).toBe(false);
    expect(setLateTierUp(setting, [], '--max-old-space-size=900 --interrupt_budget=5000')).toBe(false);
  });

  it('sets it otherwise', () => {
    // V8's own default, so this test process is left as it was.
    const { name } = lateTierUpSetting();
    const setting = { name, value: name === 'interrupt-budget' ? 67_584 : 3_000 };
    expect(setLateTierUp(setting, ['--enable-source-maps'], '--interrupt-budget-for-feedback-allocation=940')).toBe(true);
  });
});
