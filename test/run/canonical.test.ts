// The canonical JSON that names an analyser (its id in states and provenance):
// written piece by piece and hashed as it comes, it must stay the text it was
// when built whole, or states written before would no longer merge.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, defineLexicon } from '../../src/index.js';
import { analyzerId } from '../../src/run/run-state.js';
import { canonical, writeCanonical } from '../../src/run/state-file.js';

/** The canonical text as it was built whole, before it was written in pieces. */
function wholeCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(wholeCanonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${wholeCanonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

describe('canonical JSON', () => {
  it('is the text it was built whole, for any JSON-like value, holes and undefined included (property)', () => {
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.sparseArray(tie('v'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonical(v)).toBe(wholeCanonical(v));
        const pieces: string[] = [];
        writeCanonical(v, (p) => pieces.push(p));
        expect(pieces.join('')).toBe(wholeCanonical(v));
      }),
      { numRuns: 400 },
    );
  });

  it('names an analyser by the hash of that text, for a lexicon larger than a hashed piece', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => ({ id: `e${i}`, kind: 'theme' as const, label: `Thème « ${i} » 😀`, terms: [`mot${i}`, `mot${i} suivant`] }));
    const analyzer = createAnalyzer({ includeDefault: false, detectLanguage: false, lexicons: [defineLexicon({ version: 1, entries })] });
    const text = wholeCanonical({ lexicon: analyzer.lexicon, options: analyzer.options, allTurns: false });
    expect(text.length).toBeGreaterThan(4 * 65_536);
    expect(analyzerId(analyzer, false)).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
  });
});
