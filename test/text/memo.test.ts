import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/text/memo.js';

describe('Memo', () => {
  it('holds at most twice its budget, however many keys come', () => {
    const memo = new Memo<number>(100);
    for (let i = 0; i < 10_000; i += 1) memo.set(`k${i}`, i);
    expect(memo.size).toBeLessThanOrEqual(200);
    expect(memo.get('k9999')).toBe(9999);
    expect(memo.get('k0')).toBeUndefined();
  });

  it('keeps a key that recurs while new keys stream past', () => {
    const memo = new Memo<number>(100);
    memo.set('hot', 1);
    for (let i = 0; i < 10_000; i += 1) {
      memo.set(`k${i}`, i);
      if (i % 50 === 0) expect(memo.get('hot')).toBe(1);
    }
    expect(memo.get('hot')).toBe(1);
  });
});

describe('Memo against a plain map (fast-check)', () => {
  it('gives back the last value set for a key, or nothing; never another key’s', async () => {
    const { default: fc } = await import('fast-check');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        // Few distinct keys (many repeats): short, empty, accented, long.
        fc.array(fc.tuple(fc.boolean(), fc.constantFrom('a', 'b', 'Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'BBAa', '', 'é', 'x'.repeat(70)), fc.string({ maxLength: 3 })), { maxLength: 400 }),
        (half, ops) => {
          const memo = new Memo<string>(half);
          const truth = new Map<string, string>();
          const recent: string[] = [];
          for (const [isSet, key, value] of ops) {
            if (isSet) {
              memo.set(key, value);
              truth.set(key, value);
              recent.push(key);
            } else {
              const got = memo.get(key);
              if (got !== undefined) expect(got).toBe(truth.get(key));
              // A key set among the last `half` sets is still there.
              if (recent.slice(-half).includes(key)) expect(got).toBe(truth.get(key));
              if (got !== undefined) recent.push(key);
            }
            expect(memo.size).toBeLessThanOrEqual(2 * half);
          }
        },
      ),
    );
  });

  it('returns falsy values as hits', () => {
    const memo = new Memo<string | number>(4);
    memo.set('empty', '');
    memo.set('zero', 0);
    expect(memo.get('empty')).toBe('');
    expect(memo.get('zero')).toBe(0);
  });
});
