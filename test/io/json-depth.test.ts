import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepthProblem, MAX_JSON_DEPTH } from '../../src/io/json-depth.js';
import { readAll, summary, tempDir } from './_helpers.js';

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonDepthProblem', () => {
  it.each([
    ['{"a": 1}', undefined],
    [nested(MAX_JSON_DEPTH), undefined],
    [nested(MAX_JSON_DEPTH + 1), { depth: MAX_JSON_DEPTH + 1, offset: MAX_JSON_DEPTH, line: 1, column: MAX_JSON_DEPTH + 1 }],
    ['{"texte": "[[[[[[ {{{{ \\\\" [[[["}', undefined],
    ['{\n  "a":\n    [[[', { depth: 3, offset: 14, line: 3, column: 6 }],
  ])('%j', (text, expected) => {
    expect(jsonDepthProblem(text, text.includes('\n') ? 2 : MAX_JSON_DEPTH)).toEqual(expected);
  });

  it('agrees with the depth of the parsed value, whatever the strings hold', () => {
    const depthOf = (value: unknown): number =>
      typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 7 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(jsonDepthProblem(text, max) === undefined).toBe(depthOf(value) <= max);
      }),
    );
  });
});

describe('deeply nested JSON input', () => {
  const deep = `{"commentaire": ${nested(5000)}}`;

  // The record's own braces count: `{"commentaire": [[[…` reaches the limit at its 64th bracket.
  it('JSONL: the deep line is one reject with its line; the lines around it are read', async () => {
    const path = join(tempDir(), 'deep.jsonl');
    writeFileSync(path, `{"commentaire": "Livraison rapide"}\n${deep}\n{"commentaire": "Colis perdu"}\n`);
    const items = await readAll([path]);
    expect(summary(items)).toEqual([
      [1, 1, 'deep.jsonl:1'],
      [2, 2, `reject: JSON nested deeper than ${MAX_JSON_DEPTH} levels at line 2, column ${16 + MAX_JSON_DEPTH}`],
      [3, 3, 'deep.jsonl:3'],
    ]);
  });

  it('JSON: the deep element is one reject with its line and column; the elements around it are read', async () => {
    const path = join(tempDir(), 'deep.json');
    writeFileSync(path, `[\n{"commentaire": "Livraison rapide"},\n  ${deep},\n{"commentaire": "Colis perdu"}\n]`);
    const items = await readAll([path]);
    expect(summary(items)).toEqual([
      [1, 2, 'deep.json:1'],
      [2, 3, `reject: JSON nested deeper than ${MAX_JSON_DEPTH} levels at line 3, column ${2 + 16 + MAX_JSON_DEPTH}`],
      [3, 4, 'deep.json:3'],
    ]);
  });

  it('JSON: a deep value outside the array of records is never walked: the records are read', async () => {
    const path = join(tempDir(), 'deep-meta.json');
    writeFileSync(path, `{"meta": ${nested(5000)}, "verbatims": [{"commentaire": "Livraison rapide"}]}`);
    expect(summary(await readAll([path]))).toEqual([[1, 1, 'deep-meta.json:1']]);
  });
});
