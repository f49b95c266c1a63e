import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAnnotationWriter } from '../../src/node.js';
import { analyze, createAnalyzer, parseLexicon, type Analyzer, type AnalyzerOptions } from '../../src/index.js';
import { DeletionIndex, editCost, frontCode, frontDecode, withinOneEdit } from '../../src/lexicon/fuzzy.js';
import { accentsWithin } from '../../src/lexicon/keys.js';

// A small lexicon of words the default lexicons also hold (so the built-in
// French word data covers them): misspellings are corrected to these only.
const LEXICON = `version: 1
entries:
  - id: t
    kind: theme
    terms: [zzzthemezzz]
  - id: reponse
    kind: irritant
    theme: t
    onNegation: keep
    terms: ["aucune réponse", "réponse"]
  - id: remboursement
    kind: concept
    parent: t
    terms: ["remboursement"]
  - id: taille
    kind: irritant
    theme: t
    onNegation: keep
    terms: ["ne correspond pas"]
  - id: livraison
    kind: concept
    parent: t
    terms: ["livraison"]
  - id: commande
    kind: concept
    parent: t
    terms: ["commande"]
  - id: attente
    kind: irritant
    theme: t
    onNegation: keep
    terms: ["attente"]
  - id: accueil
    kind: concept
    parent: t
    terms: ["accueil"]
  - id: carton
    kind: concept
    parent: t
    terms: ["carton"]
  - id: rapide
    kind: enchantment
    theme: t
    terms: ["rapide"]
  - id: sale
    kind: irritant
    theme: t
    onNegation: keep
    terms: ["sale"]
  - id: deconnecte
    kind: irritant
    theme: t
    onNegation: keep
    terms: ["déconnecté"]
  - id: b
    kind: concept
    parent: t
    terms: ["bonne", "bonde"]
  - id: ou
    kind: concept
    parent: t
    terms: ["où est mon colis"]
`;

let cached: { on: Analyzer; off: Analyzer } | undefined;
function analyzers(): { on: Analyzer; off: Analyzer } {
  if (cached === undefined) {
    const doc = parseLexicon(LEXICON, { file: 'fuzzy.yml' });
    const base: AnalyzerOptions = { includeDefault: false, includeBaseSentiment: false, detectLanguage: false, lexicons: [doc] };
    cached = { on: createAnalyzer(base), off: createAnalyzer({ ...base, fuzzy: false }) };
  }
  return cached;
}

/** `id:text` of every counted match, `~` after a fuzzy one. */
function hits(text: string, which: 'on' | 'off' = 'on'): string[] {
  return analyze(text, analyzers()[which]).matches.map((m) => `${m.id}:${m.text}${m.fuzzy === true ? '~' : ''}`);
}

describe('misspellings are read as the lexicon word', () => {
  it.each([
    ['c instead of s', 'toujours aucune reponce', ['reponse:aucune reponce~']],
    ['c instead of s, alone', 'sans reponce', ['reponse:reponce~']],
    ['a doubled letter', 'mon rembourssement', ['remboursement:rembourssement~']],
    ['an extra letter', 'la taille ne conrrespond pas', ['taille:ne conrrespond pas~']],
    ['a missing letter', 'la livrason', ['livraison:livrason~']],
    ['a missing double', 'ma comande', ['commande:comande~']],
    ['two letters swapped', 'ma livrasion', ['livraison:livrasion~']],
    ['a swap inside a double', 'un acceuil', ['accueil:acceuil~']],
    ['a missing silent end', 'une livraison rapid', ['livraison:livraison', 'rapide:rapid~']],
    ['capitals and accents around the slip', 'RÉPONCE', ['reponse:RÉPONCE~']],
    ['at the start of a sentence', 'Livrason ok', ['livraison:Livrason~']],
    ['the word itself is not fuzzy', 'aucune réponse', ['reponse:aucune réponse']],
    ['a vowel slip', 'une livraisen', ['livraison:livraisen~']],
  ])('%s: %s', (_label, text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  it.each([
    ['a French word one edit from a lexicon word', 'il est attentif', []],
    ['a French word, other form', 'les attentes', []],
    ['a French word one letter from "carton"', 'un canton', []],
    ['a French word one letter from "rapide"', 'une rapine', []],
    ['a short word', 'une atte', []],
    ['a four-letter slip is too short to correct', 'le sal', []],
    ['a number', '12345', []],
    ['letters and digits', 'livraison2', []],
    ['an apostrophe inside the word', "aujourd'hui", []],
    ['a capitalised name inside a sentence', 'signé Caron', []],
    ['a name after a civil title', 'M. Caron', []],
    ['a different first letter', 'la bivraison', []],
    ['two lexicon words equally near', 'une bonje', []],
  ])('never: %s (%s)', (_label, text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  it('can be turned off', () => {
    expect(hits('ma comande', 'off')).toEqual([]);
  });

  it('keeps the flag in the analysis and says nothing for exact matches', () => {
    const a = analyze('ma comande et ma commande', analyzers().on);
    expect(a.matches.map((m) => [m.text, m.fuzzy])).toEqual([
      ['comande', true],
      ['commande', undefined],
    ]);
  });

  it('says fuzzy in JSONL annotations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-fuzzy-'));
    try {
      const path = join(dir, 'a.jsonl');
      const writer = createAnnotationWriter(path);
      await writer.write(analyze({ id: '1', text: 'ma comande, ma commande' }, analyzers().on));
      await writer.close();
      const line = JSON.parse(readFileSync(path, 'utf8').trim()) as { matches: Array<{ text: string; fuzzy?: boolean }> };
      expect(line.matches.map((m) => [m.text, m.fuzzy])).toEqual([
        ['comande', true],
        ['commande', undefined],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('corrects with the default lexicons too', () => {
    const a = analyze('Aucune reponce du service client', createAnalyzer({ detectLanguage: false }));
    expect(a.matches.some((m) => m.fuzzy === true && m.text.includes('reponce'))).toBe(true);
  });

  // Text made only of the lexicon's own words (dictionary words): fuzzy matching changes nothing.
  const WORDS = ['aucune', 'réponse', 'remboursement', 'ne', 'correspond', 'pas', 'livraison', 'commande', 'attente', 'accueil', 'carton', 'rapide', 'sale', 'déconnecté', 'où', 'est', 'mon', 'colis'];
  it('never changes matches on text made of lexicon words (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS, '.', ','), { maxLength: 30 }), (words) => {
        const text = words.join(' ');
        expect(hits(text)).toEqual(hits(text, 'off'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('accent collisions', () => {
  it.each([
    ['the lexicon word, no accent', 'la chambre est sale', ['sale:sale']],
    ['the lexicon word, "très" without its accent', 'tres sale', ['sale:sale']],
    ['capitals without accents', 'TRES SALE', ['sale:SALE']],
    ['another word written with its accent', 'le plat trop salé', []],
    ['another word in capitals with its accent', 'PLAT SALÉ', []],
    ['the lexicon written with accents, the customer without', 'toujours deconnecte', ['deconnecte:deconnecte']],
    ['the lexicon written with accents, the customer with some', 'toujours déconnecte', ['deconnecte:déconnecte']],
    ['the lexicon written with accents, the customer with all', 'toujours déconnecté', ['deconnecte:déconnecté']],
    ['où as written', 'où est mon colis', ['ou:où est mon colis']],
    ['ou for où (accent dropped)', 'ou est mon colis', ['ou:ou est mon colis']],
    ['decomposed accents count as accents', 'le plat trop sale\u0301', []],
  ])('%s: %s', (_label, text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  it('salé is not dirty with the default lexicons either', () => {
    const def = createAnalyzer({ detectLanguage: false });
    const dirty = analyze('la chambre était très sale', def).matches.map((m) => m.id);
    expect(dirty.length).toBeGreaterThan(0);
    const salted = analyze('le plat était trop salé', def).matches.map((m) => m.id);
    for (const id of dirty) expect(salted).not.toContain(id);
  });

  it('matches a term of many such words, past its eighth spelling by their plain keys', () => {
    // Four words whose keys stand for two French words each: the first three give eight spellings, the fourth is kept plain.
    const doc = parseLexicon(
      'version: 1\nentries:\n  - id: t\n    kind: theme\n    terms: [zzz]\n  - id: x\n    kind: irritant\n    theme: t\n    onNegation: keep\n    terms: ["livré marché payé retiré"]\n',
      { file: 'many.yml' },
    );
    const a = createAnalyzer({ includeDefault: false, includeBaseSentiment: false, detectLanguage: false, lexicons: [doc] });
    for (const text of ['livre marche paye retire', 'livré marché payé retire', 'livre marché paye retire']) {
      expect(analyze(text, a).matches.map((m) => m.id)).toEqual(['x']);
    }
  });
});

describe('building blocks', () => {
  it.each([
    ['reponse', 'reponce', true],
    ['commande', 'comande', true],
    ['livraison', 'livrasion', true],
    ['attente', 'attentif', false],
    ['abc', 'abc', true],
    ['abcd', 'ab', false],
    ['abcd', 'bacd', true],
    ['abcd', 'badc', false],
  ])('withinOneEdit(%s, %s) = %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });

  it.each([
    ['comande', 'commande', 0],
    ['reponce', 'reponse', 0],
    ['recommende', 'recommande', 0],
    ['attent', 'attente', 0],
    ['livrasion', 'livraison', 1],
    ['recommende', 'recommence', 2],
  ])('editCost(%s, %s) = %s', (a, b, expected) => {
    expect(editCost(a, b)).toBe(expected);
  });

  it('the deletion index finds exactly the words one edit away (property)', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'e'), minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(fc.uniqueArray(letters, { maxLength: 20 }), letters, (keys, word) => {
        const found = new DeletionIndex(keys).near(word).sort();
        expect(found).toEqual(keys.filter((k) => k !== word && withinOneEdit(word, k)).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('the deletion index finds them for long words too (property)', () => {
    // Keys one or two edits from the word, so that the filter has variants to let through.
    const letter = fc.constantFrom('a', 'b', 'e', 'é', 'z');
    const edited = (word: string, at: number, ch: string, kind: number): string => {
      const i = at % (word.length + 1);
      return kind === 0 ? word.slice(0, i) + word.slice(i + 1) : kind === 1 ? word.slice(0, i) + ch + word.slice(i) : word.slice(0, i) + ch + word.slice(i + 1);
    };
    fc.assert(
      fc.property(
        fc.string({ unit: letter, minLength: 1, maxLength: 70 }),
        fc.array(fc.tuple(fc.nat(), letter, fc.integer({ min: 0, max: 2 }), fc.boolean()), { maxLength: 12 }),
        (word, edits) => {
          const keys = edits.map(([at, ch, kind, twice]) => {
            const once = edited(word, at, ch, kind);
            return twice ? edited(once, at + 1, ch, (kind + 1) % 3) : once;
          });
          const found = new DeletionIndex(keys).near(word).sort();
          expect(found).toEqual([...new Set(keys)].filter((k) => k !== word && withinOneEdit(word, k)).sort());
        },
      ),
      { numRuns: 400 },
    );
  });

  it('front coding round-trips', () => {
    const words = ['livraison', 'livraisons', 'livre', 'commande', 'a', 'aa', 'aujourd\'hui', 'peut-etre'];
    expect([...frontDecode(frontCode(words))].sort()).toEqual([...words].sort());
  });

  it.each([
    ['déconnecte', 'déconnecté', true],
    ['salé', 'sale', false],
    ['salé', 'salé', true],
    ['sâle', 'salé', false],
  ])('accentsWithin(%s, %s) = %s', (form, word, expected) => {
    expect(accentsWithin(form, word)).toBe(expected);
  });
});
