// Header names: unique, non-empty, a name written twice renamed to the next
// `name (k)` the header does not write itself, so that no column's values
// overwrite another's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueHeaders } from '../../src/io/raw.js';
import { readAll, tempDir } from './_helpers.js';
import { workbookParts, writeZip } from './_zip.js';

describe('uniqueHeaders', () => {
  it.each([
    [['note', 'note', 'note'], ['note', 'note (2)', 'note (3)']],
    [['avis', 'avis', 'avis (2)'], ['avis', 'avis (3)', 'avis (2)']],
    [['', 'colonne 1', ' '], ['colonne 1', 'colonne 1 (2)', 'colonne 3']],
    [['a (2)', 'a', 'a', 'a'], ['a (2)', 'a', 'a (3)', 'a (4)']],
  ])('%j → %j', (raw, expected) => {
    expect(uniqueHeaders(raw)).toEqual(expected);
  });

  it('property: as many names, all different; each name written keeps it where it first comes', () => {
    const cell = fc.constantFrom('a', 'a (2)', 'a (3)', 'b', '', ' ', 'colonne 1', 'colonne 2', null, 'a (2) (2)');
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), (raw) => {
        const names = uniqueHeaders(raw);
        expect(names).toHaveLength(raw.length);
        expect(new Set(names).size).toBe(names.length);
        const written = raw.map((v, i) => (v === null || v.trim() === '' ? `colonne ${i + 1}` : v.trim()));
        written.forEach((name, i) => {
          if (written.indexOf(name) === i) expect(names[i]).toBe(name);
          else expect(names[i]).toMatch(new RegExp(`^${name.replace(/[()]/g, '\\$&')} \\(\\d+\\)$`));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('a CSV whose header writes a name twice and its renaming: every column read', async () => {
    const path = join(tempDir(), 'doublons.csv');
    writeFileSync(path, 'avis;avis;avis (2)\nLivraison rapide;Colis abîmé;Conseiller aimable\n');
    const [item] = await readAll([{ path, text: 'avis (3)' }]);
    expect(item).toMatchObject({ type: 'verbatim', verbatim: { text: 'Colis abîmé', meta: { avis: 'Livraison rapide', 'avis (2)': 'Conseiller aimable' } } });
  });

  it('an XLSX cell right of the last header, named by its position, takes another name when a header has that one', async () => {
    const path = writeZip(join(tempDir(), 'hors-tableau.xlsx'), Object.values(workbookParts([['avis', 'colonne 3'], ['Colis abîmé', 'Lyon', 'hors tableau']])));
    const [item] = await readAll([{ path, text: 'avis' }]);
    expect(item).toMatchObject({ type: 'verbatim', verbatim: { text: 'Colis abîmé', meta: { 'colonne 3': 'Lyon', 'colonne 3 (2)': 'hors tableau' } } });
  });
});
