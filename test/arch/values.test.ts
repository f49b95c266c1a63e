// The closed lists of values defined once in src/types.ts are the ones the JSON
// schemas publish.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS, TONALITIES } from '../../src/types.js';

const schema = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** Every value under `key` anywhere in a JSON document. */
function valuesOf(node: unknown, key: string): unknown[] {
  if (Array.isArray(node)) return node.flatMap((n) => valuesOf(n, key));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => (k === key ? [v, ...valuesOf(v, key)] : valuesOf(v, key)));
}

describe('values published by the schemas', () => {
  it('entry kinds: lexicon.schema.json', () => {
    const kinds = valuesOf(schema('lexicon.schema.json'), 'kind').filter((v): v is { enum: string[] } => typeof v === 'object' && v !== null && 'enum' in v);
    expect(kinds.map((k) => k.enum)).toEqual([[...ENTRY_KINDS]]);
  });

  it('tonalities: report.schema.json lists the taxonomy values, in order', () => {
    const tonality = valuesOf(schema('report.schema.json'), 'tonality').find((v): v is { required: string[]; properties: object } => typeof v === 'object' && v !== null && 'required' in v);
    expect(tonality?.required).toEqual([...TONALITIES]);
    expect(Object.keys(tonality?.properties ?? {})).toEqual([...TONALITIES]);
    expect([...TONALITIES]).toEqual(['positif', 'negatif', 'neutre', 'mitige']);
  });
});
