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
