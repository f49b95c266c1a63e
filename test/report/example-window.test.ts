// Examples of long verbatims: a window of EXAMPLE_CHARS characters from a
// little before the entry's first highlight, so that a letter of a megabyte
// is not copied into every entry's examples (state, JSON report, merges).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReportBuilder } from '../../src/report/index.js';
import { EXAMPLE_CHARS, exampleWindow } from '../../src/report/state.js';
import type { Highlight } from '../../src/report/types.js';
import { analysis, meta } from './helpers.js';

const spans = (text: string, highlights: readonly Highlight[]): string[] => highlights.map((h) => text.slice(h.start, h.end));

describe('exampleWindow', () => {
  it('keeps a text of EXAMPLE_CHARS characters or fewer whole', () => {
    const text = 'a'.repeat(EXAMPLE_CHARS);
    const highlights = [{ start: 3, end: 7, id: 'x' }];
    expect(exampleWindow(text, highlights)).toEqual({ text, highlights });
  });

  it('cuts a long letter around its first highlight, marked with … at both ends', () => {
    const text = `${'Bonjour, je vous écris encore. '.repeat(100)}Mon colis est toujours pas reçu.${' Cordialement.'.repeat(200)}`;
    const at = text.indexOf('toujours pas reçu');
    const { text: shown, highlights } = exampleWindow(text, [{ start: at, end: at + 17, id: 'retard_livraison' }]);
    expect(shown.length).toBe(EXAMPLE_CHARS + 2);
    expect(shown.startsWith('…') && shown.endsWith('…')).toBe(true);
    expect(spans(shown, highlights)).toEqual(['toujours pas reçu']);
    expect(highlights[0]!.start).toBe(201); // 200 characters of context, after the …
  });

  it('takes the last EXAMPLE_CHARS characters when the highlight is near the end, and the first when there is none', () => {
    const text = `${'x'.repeat(5000)} colis perdu`;
    const end = exampleWindow(text, [{ start: 5001, end: 5012, id: 'perte' }]);
    expect(end.text).toBe(`…${text.slice(-EXAMPLE_CHARS)}`);
    expect(spans(end.text, end.highlights)).toEqual(['colis perdu']);
    expect(exampleWindow(text, []).text).toBe(`${text.slice(0, EXAMPLE_CHARS)}…`);
  });

  it('property: the highlights kept slice the same words out of the window; none is cut; no half of a surrogate pair', () => {
    const unit = fc.constantFrom('a', ' ', 'é', '😀', '\n');
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 0, maxLength: 5000 }).map((u) => u.join('')),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })), { maxLength: 8 }),
        (text, raw) => {
          const highlights = raw
            .map(([s, n]) => ({ start: s % (text.length + 1), end: Math.min(text.length, (s % (text.length + 1)) + n), id: 'e' }))
            .filter((h) => h.end > h.start)
            .sort((a, b) => a.start - b.start || a.end - b.end);
          const window = exampleWindow(text, highlights);
          expect(window.text.length).toBeLessThanOrEqual(EXAMPLE_CHARS + 2);
          if (text.length <= EXAMPLE_CHARS) return void expect(window.text).toBe(text);
          const body = window.text.replace(/^…|…$/gu, '');
          expect(text).toContain(body);
          expect(body).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/u);
          const original = new Map(highlights.map((h) => [text.slice(h.start, h.end), true]));
          for (const s of spans(window.text, window.highlights)) expect(original.has(s)).toBe(true);
          // Every highlight that lies inside the window is kept.
          const offset = text.indexOf(body, Math.max(0, (highlights[0]?.start ?? 0) - 201));
          const inside = highlights.filter((h) => h.start >= offset && h.end <= offset + body.length);
          expect(window.highlights).toHaveLength(inside.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a report on a very long verbatim', () => {
  it('stays small: each entry keeps a window of the text, not the whole text', () => {
    const filler = 'Je reprends ici toute l’histoire de ma commande depuis le début. ';
    const text = `${filler.repeat(8_000)}Attente interminable au téléphone, colis toujours pas reçu et conseiller très aimable.`;
    const builder = createReportBuilder({ meta, maskPersonalData: false });
    builder.add(
      analysis({
        id: 'lettre',
        text,
        matches: [
          ['attente_excessive', 'irritant', 'joignabilite', 'Attente interminable'],
          ['retard_livraison', 'irritant', 'livraison', 'toujours pas reçu'],
          ['amabilite', 'enchantment', 'accueil', 'très aimable'],
        ],
      }),
    );
    const state = builder.snapshot();
    expect(text.length).toBeGreaterThan(500_000);
    expect(JSON.stringify(state).length).toBeLessThan(30_000);
    const examples = Object.values(state.sections.core.channels.avis_en_ligne!.examples).flat();
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const e of examples) {
      expect(e.text.length).toBeLessThanOrEqual(EXAMPLE_CHARS + 2);
      expect(e.highlights.length).toBeGreaterThan(0);
    }
  });
});
