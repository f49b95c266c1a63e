// The default tries compiled at build (src/lexicon/store.ts): what the build
// stores reads back the same, an analyser built on a stored trie analyses
// exactly like one that compiled it, and only the lexicon it was built from
// finds it. The same for the keys of the words the analyser keys when it starts,
// and for the English layers' terms in key form.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze, composeLexicons, createAnalyzer, defineLexicon, type Analyzer } from '../../src/index.js';
import { compileMatcherData, type MatcherData } from '../../src/lexicon/compile.js';
import { termKeys } from '../../src/lexicon/keys.js';
import { defaultEnglishForms, defaultEnglishLexicon } from '../../src/lexicon/defaults.js';
import {
  addStoredMatchers,
  collectCompiled,
  collectStored,
  deserializeMatchers,
  deserializeStore,
  englishTermsFingerprint,
  keyingFingerprint,
  serializeMatchers,
  storedEnglishTerms,
  storedTermKeys,
  useMatcherStore,
  type StoredKeys,
} from '../../src/lexicon/store.js';
import { lemmatizeTerm } from '../../src/text/english.js';

const sha256 = (parts: readonly string[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

/** The stored texts under one fingerprint. */
function storedUnder(keys: readonly StoredKeys[], fingerprint: string): StoredKeys {
  const entry = keys.find((k) => k.fingerprint === fingerprint);
  if (entry === undefined) throw new Error(`nothing stored under ${fingerprint}`);
  return entry;
}

afterEach(() => useMatcherStore(undefined));

const rows = parse(readFileSync(new URL('../../corpora/sample.csv', import.meta.url)), { bom: true, delimiter: ';', columns: true }) as Array<{ id: string; commentaire: string }>;
const texts = [
  ...rows.map((r) => r.commentaire),
  // English verbatims take the English layer; misspellings, accents and SMS forms take the other paths of the matcher.
  'The delivery was late again and nobody answered my emails, really disappointed with the customer service.',
  'Staff were friendly and the refund arrived quickly, thank you!',
  "Comande jamais reçu, remboursment toujours pas fait, pk personne répond ??",
  'Plat trop salé et service lent, mais le serveur était aimable.',
];

/** Every analysis of the texts, as JSON (ids, matches, offsets, tonality, everything). */
const analyses = (analyzer: Analyzer): string => JSON.stringify(texts.map((text, i) => analyze({ id: String(i), text }, analyzer)));

// Compiling the default lexicons (with no store) is the slow part of these tests: done once, on first use.
let defaultCompiled: { analyzer: Analyzer; stored: ReturnType<typeof collectStored> } | undefined;
function compileDefault(): { analyzer: Analyzer; stored: ReturnType<typeof collectStored> } {
  if (defaultCompiled === undefined) {
    let analyzer: Analyzer | undefined;
    const stored = collectStored(() => {
      analyzer = createAnalyzer();
      analyzer.english?.();
    });
    defaultCompiled = { analyzer: analyzer as Analyzer, stored };
  }
  return defaultCompiled;
}

describe('stored default tries', () => {
  it('the default analyser compiles two tries (French, English layer); a store of them is used and analyses identically', () => {
    const { analyzer: compiled, stored } = compileDefault();
    expect(stored.matchers).toHaveLength(2);
    expect(compiled?.compiled.stored).toBe(false);
    useMatcherStore(serializeMatchers(stored.matchers, stored.keys));
    const read = createAnalyzer();
    expect(read.compiled.stored).toBe(true);
    expect(read.english?.().compiled.stored).toBe(true);
    expect(analyses(read)).toBe(analyses(compiled as Analyzer));
  }, 60_000);

  it('is not used for another lexicon: a user layer, a sector, another SMS table', () => {
    useMatcherStore(serializeMatchers(compileDefault().stored.matchers));
    expect(createAnalyzer({ fuzzy: false }).compiled.stored).toBe(true);
    const patch = defineLexicon({ version: 1, entries: [{ id: 'attente_excessive', addTerms: ['poireauter'] }] });
    expect(createAnalyzer({ lexicons: [patch] }).compiled.stored).toBe(false);
    expect(createAnalyzer({ sectors: ['banque'] }).compiled.stored).toBe(false);
    expect(createAnalyzer({ lexicons: [defineLexicon({ version: 1, sms: { pk: 'pourquoi donc' } })] }).compiled.stored).toBe(false);
  }, 60_000);

  it('reads the tries another thread compiled for a user layer (what a run gives its workers)', () => {
    useMatcherStore(new Uint8Array(0));
    const layer = defineLexicon({ version: 1, entries: [{ id: 'attente_excessive', addTerms: ['poireauter'] }] });
    let there: Analyzer | undefined;
    const compiled = collectCompiled(() => {
      there = createAnalyzer({ lexicons: [layer] });
    });
    expect(compiled.length).toBeGreaterThan(0);
    expect(createAnalyzer({ lexicons: [layer] }).compiled.stored).toBe(false);
    // Across threads they are structured-cloned (workerData).
    addStoredMatchers(structuredClone(compiled));
    const here = createAnalyzer({ lexicons: [layer] });
    expect(here.compiled.stored).toBe(true);
    expect(analyses(here)).toBe(analyses(there as Analyzer));
    // Another layer still compiles.
    expect(createAnalyzer({ lexicons: [defineLexicon({ version: 1, entries: [{ id: 'attente_excessive', addTerms: ['poireauter longtemps'] }] })] }).compiled.stored).toBe(false);
  }, 60_000);

  it('holds the keys of the words the default analyser keys, read back as termKeys gives them; other texts and SMS tables are keyed as before', () => {
    const { stored } = compileDefault();
    // One keying: the default SMS table (the French analyser's, its sentiment's, the English layer's sentiment's); and the English terms.
    expect(stored.keys).toHaveLength(2);
    const entry = storedUnder(stored.keys, keyingFingerprint({}, { sha256 }));
    expect(entry.texts.length).toBeGreaterThan(2000);
    expect(new Set(entry.texts).size).toBe(entry.texts.length);
    entry.texts.forEach((text, i) => expect(entry.keys[i]).toBe(termKeys(text).join(' ')));
    expect(deserializeStore(serializeMatchers(stored.matchers, stored.keys)).keys).toEqual(stored.keys);
    // A store whose first word has other keys: they are the ones read (the store is used, not recomputed).
    const first = entry.texts[0] as string;
    useMatcherStore(serializeMatchers([], [{ ...entry, keys: entry.keys.map((k, i) => (i === 0 ? 'lu dans le store' : k)) }]));
    expect(storedTermKeys({})(first)).toEqual(['lu', 'dans', 'le', 'store']);
    expect(storedTermKeys({})('une phrase que nul lexique ne porte')).toEqual(termKeys('une phrase que nul lexique ne porte'));
    expect(storedTermKeys({ sms: { pk: 'pourquoi' } })(first)).toEqual(termKeys(first, { sms: { pk: 'pourquoi' } }));
  }, 60_000);

  it('holds the English layers\' terms in key form, read back as lemmatizeTerm gives them; other terms and forms tables are keyed as before', () => {
    const { stored } = compileDefault();
    const forms = defaultEnglishForms();
    const entry = storedUnder(stored.keys, englishTermsFingerprint(forms, { sha256 }));
    // Every term and exclusion of the default English layers, once each.
    const terms = composeLexicons(defaultEnglishLexicon()).entries.flatMap((e) => [...e.terms, ...e.exclude]);
    expect(new Set(entry.texts)).toEqual(new Set(terms));
    expect(new Set(entry.texts).size).toBe(entry.texts.length);
    entry.texts.forEach((term, i) => expect(entry.keys[i]).toBe(lemmatizeTerm(term, forms)));
    // Most are written as customers write, so the key form adds alternatives.
    expect(entry.texts.filter((term, i) => entry.keys[i] !== term).length).toBeGreaterThan(entry.texts.length / 2);
    // A store whose first term has another key form: it is the one read.
    const first = entry.texts[0] as string;
    useMatcherStore(serializeMatchers([], [{ ...entry, keys: entry.keys.map((k, i) => (i === 0 ? 'read|from the store' : k)) }]));
    expect(storedEnglishTerms(forms)(first)).toBe('read|from the store');
    expect(storedEnglishTerms(forms)('parcels stopped arriving')).toBe(lemmatizeTerm('parcels stopped arriving', forms));
    const other = { forms: { ...forms.forms, arrive: 'arriving' }, nounForms: forms.nounForms };
    expect(storedEnglishTerms(other)(first)).toBe(lemmatizeTerm(first, other));
  }, 60_000);

  it('a file that is not a store (another format, truncated) holds no trie', () => {
    const file = serializeMatchers(collectCompiled(() => createAnalyzer({ includeDefault: false, lexicons: [defineLexicon({ version: 1, entries: [{ id: 'a', kind: 'theme', label: 'A', terms: ['colis'] }] })] })));
    expect(deserializeMatchers(file)).toHaveLength(1);
    expect(deserializeMatchers(file.subarray(0, file.length - 1))).toEqual([]);
    expect(deserializeMatchers(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toEqual([]);
    const other = file.slice();
    other[4] = 99;
    expect(deserializeMatchers(other)).toEqual([]);
  });

  it('stores any compiled trie as it is (property: generated lexicons)', () => {
    const word = fc.constantFrom('colis', 'livraison', 'retard', 'remboursement', 'salé', 'réponse', 'attente', 'pas', "l'accueil", 'sav');
    const term = fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      fc.tuple(word, word).map(([a, b]) => `${a} {0,3} ${b}`),
      fc.tuple(word, word).map(([a, b]) => `${a}|${b}`),
      word.map((w) => `stem:${w}`),
      word.map((w) => `${w.slice(0, 4)}*`),
    );
    fc.assert(
      fc.property(fc.array(fc.array(term, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (entries) => {
        const lexicon = composeLexicons([
          defineLexicon({ version: 1, entries: entries.map((terms, i) => ({ id: `e${i}`, kind: 'theme' as const, label: `E${i}`, terms, exclude: i % 2 === 0 ? [] : terms.slice(0, 1) })) }),
        ]);
        const data = compileMatcherData(lexicon);
        const [back] = deserializeMatchers(serializeMatchers([{ fingerprint: 'x', data }]));
        expect(back?.fingerprint).toBe('x');
        expect(plain(back?.data)).toEqual(plain(data));
      }),
      { numRuns: 60 },
    );
  });
});

/** MatcherData with its typed arrays as arrays, for comparison. */
function plain(data: MatcherData | undefined): unknown {
  return JSON.parse(JSON.stringify(data ?? null, (_k, v: unknown) => (v instanceof Int32Array ? [...v] : v)));
}
