import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxProblem } from '../../src/io/json-syntax.js';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** JSON texts with one character deleted, inserted or doubled: mostly invalid, sometimes still valid. */
const damaged = fc
  .tuple(fc.json(), fc.nat(), fc.constantFrom('delete', 'insert'), fc.constantFrom('"', '\\', ',', ':', '}', ']', '{', '[', 'x', '1', '.', 'e', '-', ' ', '\n', '\u0001', 'u', 't', 'n'))
  .map(([json, n, op, c]) => {
    const at = n % (json.length + 1);
    return op === 'delete' ? json.slice(0, at) + json.slice(at + 1) : json.slice(0, at) + c + json.slice(at);
  });
/** Strings of JSON's own characters: numbers, literals and punctuation in any order. */
const jsonish = fc.string({ unit: fc.constantFrom('"', '\\', ',', ':', '}', ']', '{', '[', '0', '1', '.', 'e', 'E', '+', '-', ' ', 't', 'r', 'u', 'f', 'a', 'l', 's', 'n', 'x') });

describe('jsonSyntaxProblem', () => {
  it('finds a problem exactly when JSON.parse refuses the text, within the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged, jsonish), (text) => {
        const problem = jsonSyntaxProblem(text);
        expect(problem === undefined).toBe(parses(text));
        if (problem !== undefined) expect(problem.offset).toBeGreaterThanOrEqual(0);
        if (problem !== undefined) expect(problem.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['{"a": x}', { kind: 'unexpected_character', offset: 6, found: 'x' }],
    ['{"a": 1,}', { kind: 'unexpected_character', offset: 8, found: '}' }],
    ['{"a" 1}', { kind: 'unexpected_character', offset: 5, found: '1' }],
    ['{"a": 01}', { kind: 'unexpected_character', offset: 7, found: '1' }],
    ['{"a": 1.}', { kind: 'unexpected_character', offset: 8, found: '}' }],
    ['{"a": tru}', { kind: 'unexpected_character', offset: 9, found: '}' }],
    ['{"a": "😀" 😀}', { kind: 'unexpected_character', offset: 11, found: '😀' }],
    ['{"a": [1, 2', { kind: 'unexpected_end', offset: 11 }],
    ['{"a": "bonjour}', { kind: 'unclosed_string', offset: 6 }],
    ['{"a": "C:\\dossier"}', { kind: 'bad_escape', offset: 9 }],
    ['{"a": "\\u12G4"}', { kind: 'bad_escape', offset: 7 }],
    ['{"a": "deux\nlignes"}', { kind: 'control_character', offset: 11, found: '\n' }],
    ['{"a": 1} {"b": 2}', { kind: 'unexpected_character', offset: 9, found: '{' }],
    ['', { kind: 'unexpected_end', offset: 0 }],
  ])('%j', (text, problem) => {
    expect(parses(text)).toBe(false);
    expect(jsonSyntaxProblem(text)).toEqual(problem);
  });

  it('reads deep nesting without recursion', () => {
    expect(jsonSyntaxProblem('['.repeat(200_000) + ']'.repeat(200_000))).toBeUndefined();
    expect(jsonSyntaxProblem('['.repeat(200_000))).toEqual({ kind: 'unexpected_end', offset: 200_000 });
  });
});
