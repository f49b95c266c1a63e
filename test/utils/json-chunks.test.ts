// JSON in chunks (what the CLI writes reports and states with): the same text as JSON.stringify,
// whatever the value, the levels walked and where the chunks fall.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/_utils/json-chunks.js';

// Values JSON cannot hold too: undefined (left out of objects, null in arrays), NaN, -0, lone surrogates,
// __proto__ and integer keys (written first), a Date (its toJSON).
const leaf = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant('\ud800'), fc.constant(-0), fc.constant(new Date(0)));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__'), fc.constant('10'), fc.constant('2')), tie('tree'), { maxKeys: 5 }),
}));

describe('jsonChunks', () => {
  it('property: joined, the chunks are JSON.stringify of the value in its own key order, at any depth walked', () => {
    fc.assert(
      fc.property(tree, fc.integer({ min: 0, max: 8 }), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.constant('\t')), (value, levels, indent) => {
        const text = JSON.stringify(value, null, indent);
        // A value JSON.stringify writes nothing for is not one this writes.
        fc.pre(text !== undefined);
        expect([...jsonChunks(value, { levels, indent, end: '\n' })].join('')).toBe(`${text}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('cuts a large value into chunks of about 64 K characters, the end in the last one', () => {
    const state = { sections: { core: { channels: Object.fromEntries(['chat', 'email'].map((ch) => [ch, { keys: Array.from({ length: 20_000 }, (_, i) => `mot${i}`), counts: Array.from({ length: 20_000 }, (_, i) => i) }])) } } };
    const chunks = [...jsonChunks(state, { levels: 5, end: '\n' })];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.slice(0, -1).every((c) => c.length >= 65_536)).toBe(true);
    expect(chunks.at(-1)?.endsWith('\n')).toBe(true);
    expect(chunks.join('')).toBe(`${JSON.stringify(state)}\n`);
  });
});
