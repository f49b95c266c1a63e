import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpaces, snippet } from '../../src/report/renderers/snippet.js';
import type { Highlight } from '../../src/report/types.js';

const hl = (start: number, end: number): Highlight => ({ start, end, id: 'x' });
/** The text of a span of the snippet. */
const marked = (s: { text: string; highlights: Highlight[] }): string[] => s.highlights.map((h) => s.text.slice(h.start, h.end));

describe('snippet', () => {
  const letter =
    'Bonjour, je vous écris au sujet de ma commande passée le mois dernier. Après trois relances, mon colis est toujours pas reçu et personne ne répond au service client.';
  const at = (words: string): Highlight => hl(letter.indexOf(words), letter.indexOf(words) + words.length);

  it.each([
    ['a text that fits is whole', 'Colis jamais reçu.', [hl(6, 17)], 40, 'Colis jamais reçu.'],
    ['no highlight: the opening words', letter, [], 30, 'Bonjour, je vous écris au…'],
    ['a highlight in the opening words: no cut before', letter, [at('je vous')], 30, 'Bonjour, je vous écris au…'],
    ['a highlight far in: a window around it, cut between words', letter, [at('toujours pas reçu')], 50, '…mon colis est toujours pas reçu et personne ne…'],
    ['a highlight near the end: the window ends with the text', letter, [at('service client')], 40, '…personne ne répond au service client.'],
    ['a highlight longer than the window starts it', letter, [at('mon colis est toujours pas reçu et personne')], 20, '…mon colis est touj…'],
  ] as Array<[string, string, Highlight[], number, string]>)('%s', (_, text, highlights, width, expected) => {
    const s = snippet(text, highlights, width);
    expect(s.text).toBe(expected);
    expect([...s.text].length).toBeLessThanOrEqual(width);
  });

  it('moves the highlights with the window, and drops those outside it', () => {
    const s = snippet(letter, [at('service client'), at('toujours pas reçu'), at('colis'), at('Après')], 50);
    // The first highlight (by position) leads the window; the others are kept where it reaches them.
    expect(s.text).toBe('…le mois dernier. Après trois relances, mon colis…');
    expect(marked(s)).toEqual(['Après', 'colis']);
  });

  it('counts characters as code points: an emoji is one, never split', () => {
    const text = `${'😡'.repeat(30)} colis perdu ${'😡'.repeat(30)}`;
    const s = snippet(text, [hl(text.indexOf('colis'), text.indexOf('colis') + 11)], 21);
    expect([...s.text].length).toBeLessThanOrEqual(21);
    expect(marked(s)).toEqual(['colis perdu']);
    expect(s.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('always keeps the first highlight when it fits, within the width (property)', () => {
    const unit = fc.constantFrom('a', 'é', ' ', ' ', 'b', '\n', '😀', '.', 'z');
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 0, maxLength: 300 }),
        fc.array(fc.tuple(fc.nat(320), fc.nat(40)), { maxLength: 4 }),
        fc.integer({ min: 3, max: 120 }),
        (text, raw, width) => {
          // Spans on code point boundaries, as the analyser's offsets are.
          const bounds = [0];
          for (const c of text) bounds.push((bounds[bounds.length - 1] as number) + c.length);
          const spans = raw.map(([a, len]) => {
            const start = bounds[Math.min(a, bounds.length - 1)] as number;
            const end = bounds[Math.min(bounds.indexOf(start) + len, bounds.length - 1)] as number;
            return hl(start, end);
          });
          const s = snippet(text, spans, width);
          expect([...s.text].length).toBeLessThanOrEqual(Math.max(width, [...text].length <= width ? [...text].length : 0));
          const first = spans.filter((h) => h.end > h.start).sort((x, y) => x.start - y.start || x.end - y.end)[0];
          if (first !== undefined && [...text.slice(first.start, first.end)].length <= width - 2) {
            const words = text.slice(first.start, first.end);
            expect(s.text).toContain(words);
            expect(marked(s)).toContain(words);
          }
          for (const h of s.highlights) expect(h.start >= 0 && h.end <= s.text.length && h.end > h.start).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('collapseSpaces', () => {
  it.each([
    ['  Colis\n\n  jamais   reçu ', [hl(11, 25)], 'Colis jamais reçu', ['jamais reçu']],
    ['a\tb', [hl(0, 3)], 'a b', ['a b']],
    ['   ', [hl(0, 3)], '', []],
  ] as Array<[string, Highlight[], string, string[]]>)('%j', (text, highlights, expected, spans) => {
    const s = collapseSpaces(text, highlights);
    expect(s.text).toBe(expected);
    expect(marked(s)).toEqual(spans);
  });
});
