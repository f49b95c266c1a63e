// A fuzz case is reproducible: the same seed gives the same files, whatever
// the count, and `--only INDEX` replays the very case a run reported.
import { describe, expect, it } from 'vitest';
import { fuzzCases, mutate, type FuzzCase, type Mutation } from './cases.js';

const digest = (c: FuzzCase): string => JSON.stringify({ label: c.label, argv: c.argv, files: c.files.map((f) => [f.name, f.bytes.toString('base64')]) });

describe('fuzzCases', () => {
  it.each([['csv'], ['xlsx'], ['lexicon']] as const)('%s: case i is the same in a run of 40, of 25, and replayed alone', (format) => {
    const all = [...fuzzCases(7, 40, { formats: [format] })];
    const fewer = [...fuzzCases(7, 25, { formats: [format] })];
    expect(fewer.map(digest)).toEqual(all.slice(0, 25).map(digest));
    for (const index of [0, 13, 39]) expect(digest([...fuzzCases(7, 40, { formats: [format], only: index })][0]!)).toBe(digest(all[index]!));
  });

  it('another seed gives other files; --small keeps the draw and only shrinks the large cases', () => {
    const full = [...fuzzCases(7, 30)];
    expect([...fuzzCases(8, 30)].map(digest)).not.toEqual(full.map(digest));
    const small = [...fuzzCases(7, 30, { small: true })];
    expect(small.every((c) => c.size === 'small')).toBe(true);
    const keptSmall = (cases: FuzzCase[]): string[] => cases.filter((_, k) => full[k]!.size === 'small').map(digest);
    expect(keptSmall(small)).toEqual(keptSmall(full));
    expect(full.some((c) => c.size !== 'small')).toBe(true);
  });
});

describe('mutate', () => {
  const bytes = Buffer.from('id;commentaire\n1;Colis reçu\n'); // 29 bytes: at 0.5 is byte 14, the first line break
  it.each<[string, Mutation['edits'][number], string]>([
    ['flips one bit', { op: 'flip', at: 0, bit: 0, length: 1, bytes: [] }, 'hd;commentaire\n1;Colis reçu\n'],
    ['deletes bytes', { op: 'delete', at: 0.5, bit: 0, length: 3, bytes: [] }, 'id;commentaireColis reçu\n'],
    ['inserts bytes', { op: 'insert', at: 0.5, bit: 0, length: 1, bytes: [0x22, 0x0d] }, 'id;commentaire"\r\n1;Colis reçu\n'],
    ['cuts the file short', { op: 'truncate', at: 0.5, bit: 0, length: 1, bytes: [] }, 'id;commentaire'],
  ])('%s', (_, edit, expected) => {
    expect(mutate(bytes, { edits: [edit] }).toString('latin1')).toBe(Buffer.from(expected).toString('latin1'));
    expect(bytes.toString()).toBe('id;commentaire\n1;Colis reçu\n'); // the input is left as it was
  });
});
