import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/text/memo.js';

/** Sets `key` twice: a key enters the memo on its second set. */
const setTwice = <V>(memo: Memo<V>, key: string, value: V): void => {
  memo.set(key, value);
  memo.set(key, value);
};

/** Fills a fresh memo of `half` until it turns over (its doorkeeper then on), with keys no test asks for. */
const turnOver = <V>(memo: Memo<V>, half: number, value: V): void => {
  for (let i = 0; i <= half; i += 1) memo.set(`fill${i}`, value);
};

describe('Memo', () => {
  it('holds at most twice its budget, however many keys come', () => {
    const memo = new Memo<number>(100);
    for (let i = 0; i < 10_000; i += 1) setTwice(memo, `k${i}`, i);
    expect(memo.size).toBeLessThanOrEqual(200);
    expect(memo.get('k9999')).toBe(9999);
    expect(memo.get('k0')).toBeUndefined();
  });

  it('keeps a key that recurs while new keys stream past', () => {
    const memo = new Memo<number>(100);
    setTwice(memo, 'hot', 1);
    for (let i = 0; i < 10_000; i += 1) {
      setTwice(memo, `k${i}`, i);
      if (i % 50 === 0) expect(memo.get('hot')).toBe(1);
    }
    expect(memo.get('hot')).toBe(1);
  });

  it('lets every key in until it first turns over (a short run computes nothing twice)', () => {
    const memo = new Memo<number>(1000);
    for (let i = 0; i < 1000; i += 1) memo.set(`once${i}`, i);
    expect(memo.size).toBe(1000);
    expect(memo.get('once0')).toBe(0);
  });

  it('then keeps out keys set once (a long tail of words seen once)', () => {
    const memo = new Memo<number>(1000);
    turnOver(memo, 1000, -1);
    for (let i = 0; i < 1000; i += 1) {
      expect(memo.get(`once${i}`)).toBeUndefined();
      memo.set(`once${i}`, i);
    }
    // Only the doorkeeper's false positives get in (a few per cent).
    let kept = 0;
    for (let i = 0; i < 1000; i += 1) if (memo.get(`once${i}`) !== undefined) kept += 1;
    expect(kept).toBeLessThan(60);
  });

  it('lets a key in when it is set again before `half` other keys were turned away', () => {
    const memo = new Memo<number>(100);
    turnOver(memo, 100, -1);
    for (let round = 0; round < 50; round += 1) {
      memo.set(`again${round}`, round);
      for (let i = 0; i < 99; i += 1) memo.set(`r${round}:${i}`, i);
      memo.set(`again${round}`, round);
      expect(memo.get(`again${round}`)).toBe(round);
    }
  });

  it('replaces the value of a stored key even when the doorkeeper has forgotten it', () => {
    const memo = new Memo<string>(4);
    turnOver(memo, 4, '');
    setTwice(memo, 'k', 'old');
    // Enough other keys turned away for both filters to be emptied, too few sets to turn the memo over.
    for (let i = 0; i < 20; i += 1) memo.set(`x${i}`, '');
    memo.set('k', 'new');
    expect(memo.get('k')).toBe('new');
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
          // Every set and every hit, in order (each may store its key: a put); and the sets alone.
          const events: string[] = [];
          const sets: string[] = [];
          for (const [isSet, key, value] of ops) {
            if (isSet) {
              memo.set(key, value);
              truth.set(key, value);
              events.push(key);
              sets.push(key);
            } else {
              const got = memo.get(key);
              if (got !== undefined) expect(got).toBe(truth.get(key));
              // A key set again before `half` other sets (so before `half` keys were turned away) got in then,
              // and a key stored among the last `half` puts is still there.
              const last = sets.lastIndexOf(key);
              const before = last > 0 ? sets.lastIndexOf(key, last - 1) : -1;
              const setsSince = sets.length - 1 - last;
              if (before >= 0 && last - before <= half && events.length - 1 - events.lastIndexOf(key) < half && setsSince < half) {
                expect(got).toBe(truth.get(key));
              }
              if (got !== undefined) events.push(key);
            }
            expect(memo.size).toBeLessThanOrEqual(2 * half);
          }
        },
      ),
    );
  });

  it('returns falsy values as hits', () => {
    const memo = new Memo<string | number>(4);
    setTwice(memo, 'empty', '');
    setTwice(memo, 'zero', 0);
    expect(memo.get('empty')).toBe('');
    expect(memo.get('zero')).toBe(0);
  });
});
