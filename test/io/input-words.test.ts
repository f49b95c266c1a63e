import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { atPlaceFr, descriptionText, placeText } from '../../src/io/input-words.js';
import { readAll, tempDir } from './_helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

describe('placeText', () => {
  it.each([
    [{ line: 4 }, 'line 4', 'ligne 4'],
    [{ line: 4, endLine: 4 }, 'line 4', 'ligne 4'],
    [{ line: 3, endLine: 9 }, 'lines 3-9', 'lignes 3 à 9'],
    [{ line: 2, column: 7 }, 'line 2, column 7', 'ligne 2, colonne 7'],
    [{ row: 5 }, 'row 5', 'ligne 5'],
  ])('%j', (place, en, fr) => {
    expect(placeText(place, 'en')).toBe(en);
    expect(placeText(place, 'fr')).toBe(fr);
  });

  it.each([
    [{ line: 4 }, 'à la ligne 4'],
    [{ line: 3, endLine: 9 }, 'aux lignes 3 à 9'],
    [{ row: 5 }, 'à la ligne 5'],
  ])('%j after a French verb', (place, fr) => {
    expect(atPlaceFr(place)).toBe(fr);
  });

  it('names every line of a span, in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e3 }), (line, extra) => {
        const place = { line, endLine: line + extra };
        for (const lang of ['en', 'fr'] as const) {
          const numbers = (placeText(place, lang).match(/\d+/g) ?? []).map(Number);
          expect(numbers).toEqual(extra === 0 ? [line] : [line, line + extra]);
        }
      }),
    );
  });
});

describe('descriptionText', () => {
  it.each([
    ['csv, delimiter ";", utf8', 'csv, séparateur ";", utf8'],
    ['csv, delimiter ",", windows-1252', 'csv, séparateur ",", windows-1252'],
    ['tsv, delimiter "tab", utf16le', 'tsv, séparateur tabulation, utf16le'],
    ['json, utf8', 'json, utf8'],
    ['jsonl, utf8', 'jsonl, utf8'],
    ['xlsx, first worksheet', 'xlsx, première feuille'],
    ['empty input', 'entrée vide'],
  ])('%s', (description, fr) => {
    expect(descriptionText(description, 'en')).toBe(description);
    expect(descriptionText(description, 'fr')).toBe(fr);
  });
});

describe('rejects read in French', () => {
  const write = (name: string, content: string): string => {
    const path = join(tempDir(), name);
    writeFileSync(path, content);
    return path;
  };

  it('say where in French: a wrong column count and a broken quote spanning lines', async () => {
    const path = write('fr.csv', 'id;commentaire;canal\nr1;Bien;avis;en trop\nr2;"Bonjour,\nil a dit "non"\net a raccroché";tel\nr3;Merci;chat\n');
    const items = await readAll([path], { lang: 'fr' });
    const hints = items.flatMap((i) => (i.type === 'reject' ? [i.hint] : []));
    expect(hints).toHaveLength(2);
    expect(hints[0]).toMatch(/^cherchez à la ligne 2 un ";" .*\(csv, séparateur ";", utf8\)/);
    expect(hints[1]).toMatch(/^lignes 3 à 5 : .*la lecture reprend à la ligne 6/);
    for (const hint of hints) expect(hint).not.toMatch(/\b(line|lines|delimiter)\b/);
  });

  it('say the same places in English', async () => {
    const path = write('en.csv', 'id;commentaire;canal\nr1;Bien;avis;en trop\nr2;Merci;chat\n');
    const items = await readAll([path], { lang: 'en' });
    expect(items[0]).toMatchObject({ type: 'reject', hint: expect.stringMatching(/^check line 2 for a ";" .*\(csv, delimiter ";", utf8\)/) });
  });

  it('say what is wrong with a JSON record and where, in either language, not in JSON.parse\'s words', async () => {
    const jsonl = write('bad.jsonl', '{"commentaire": "Bien"}\n{"commentaire": x}\n{"commentaire": "C:\\dossier"}\n');
    const reasons = async (path: string, lang: 'fr' | 'en') => (await readAll([path], { lang })).flatMap((i) => (i.type === 'reject' ? [i.reason] : []));
    expect(await reasons(jsonl, 'fr')).toEqual([
      'JSON invalide : caractère inattendu "x" à la ligne 2, colonne 17',
      "JSON invalide : un échappement que JSON n'a pas, à la ligne 3, colonne 20 (une barre oblique inverse s'écrit \\\\)",
    ]);
    expect(await reasons(jsonl, 'en')).toEqual([
      'invalid JSON: unexpected character "x" at line 2, column 17',
      'invalid JSON: an escape that JSON does not have at line 3, column 20 (a backslash is written \\\\)',
    ]);
    // An element of an array over several lines: the place is the problem's, the hint the element's.
    const array = write('bad.json', '[\n  {"commentaire": "Bien"},\n  {"commentaire":\n     "Bof",, "x": 1}\n]');
    const items = await readAll([array], { lang: 'fr' });
    expect(items[1]).toMatchObject({ type: 'reject', reason: 'JSON invalide : caractère inattendu "," à la ligne 4, colonne 12', hint: expect.stringContaining('ligne 3, colonne 3') });
  });

  it('say what a JSON array holds instead of an object in French', async () => {
    const path = write('fr.json', '[{"commentaire": "Bien"}, [1, 2], "texte"]');
    const items = await readAll([path], { lang: 'fr' });
    const reasons = items.flatMap((i) => (i.type === 'reject' ? [i.reason] : []));
    expect(reasons).toEqual(['pas un objet JSON (un tableau)', 'pas un objet JSON (un texte)']);
  });
});
