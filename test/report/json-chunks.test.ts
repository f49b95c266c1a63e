// The JSON report in chunks (what the CLI writes): the same text as JSON.stringify of the value with its
// object keys sorted, whatever the value, the indentation and where the chunks fall.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderJsonChunks, renderReport } from '../../src/report/index.js';
import { stableJsonChunks } from '../../src/report/renderers/json.js';
import { reportWithSections } from './sections-helpers.js';

/** The oracle: every object's keys sorted, then JSON.stringify. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) Object.defineProperty(out, key, { value: sorted(v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
const oracle = (value: unknown, indent: number | string): string => `${JSON.stringify(sorted(value), null, indent)}\n`;

// Values JSON cannot hold too: undefined (left out of objects, null in arrays), NaN, -0, lone surrogates, __proto__.
const leaf = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant('\ud800'), fc.constant(-0));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__'), fc.constant('constructor')), tie('tree'), { maxKeys: 5 }),
}));

describe('stableJsonChunks', () => {
  it('property: joined, the chunks are the sorted value as JSON.stringify writes it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(tree, { maxLength: 6 }), fc.dictionary(fc.string(), tree, { maxKeys: 6 })), fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom('\t', '--', '')), (value, indent) => {
        expect([...stableJsonChunks(value, indent)].join('')).toBe(oracle(value, indent));
      }),
      { numRuns: 400 },
    );
  });

  it('cuts a large value into chunks of about 64 K characters', () => {
    const big = { rows: Array.from({ length: 5000 }, (_, i) => ({ id: i, text: `verbatim ${i} `.repeat(5), tags: ['a', 'b'] })) };
    const chunks = [...stableJsonChunks(big)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.slice(0, -1).every((c) => c.length >= 65_536 && c.length < 65_536 + 1_000)).toBe(true);
    expect(chunks.join('')).toBe(oracle(big, 2));
  });
});

describe('renderJsonChunks', () => {
  it('is the report as JSON.stringify writes it with its keys sorted, and what renderReport gives', async () => {
    const report = await reportWithSections();
    for (const indent of [2, 0, 4]) {
      const text = [...renderJsonChunks(report, { indent })].join('');
      expect(text).toBe(oracle(report, indent));
      expect(renderReport(report, 'json', { indent })).toBe(text);
    }
    // A title and channel labels given at render time are in it.
    const relabelled = JSON.parse([...renderJsonChunks(report, { title: 'Bilan', channelLabels: { chat: 'Tchat' } })].join('')) as { title: string; channels: Array<{ channel: string; label: string }> };
    expect(relabelled.title).toBe('Bilan');
    expect(relabelled.channels.find((c) => c.channel === 'chat')?.label).toBe('Tchat');
  });
});
