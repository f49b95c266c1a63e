// English lemma keys from the build-time table (src/data/en-forms.generated.ts):
// the keyer of one word, its contexts, and the promise that lexicon terms and
// text are keyed alike. Every phrase here was written for this test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EN_FORMS, EN_NOUN_FORMS } from '../../src/data/en-forms.generated.js';
import { defaultEnglishForms, defaultEnglishLexicon } from '../../src/lexicon/defaults.js';
import { englishLemmas as lemmasWith, englishPhraseKey as phraseKeyWith, englishWordKeys as wordKeysWith, lemmatizeTerm as lemmatizeTermWith } from '../../src/text/english.js';

// The keyer with the default table, as the analyser uses it.
const forms = defaultEnglishForms();
const englishLemmas = (text: string) => lemmasWith(text, forms);
const englishPhraseKey = (phrase: string, noun = false) => phraseKeyWith(phrase, forms, noun);
const englishWordKeys = (word: string, noun = false) => wordKeysWith(word, forms, noun);
const lemmatizeTerm = (term: string) => lemmatizeTermWith(term, forms);

const keys = (text: string): string[] => englishLemmas(text).map((l) => l.key);

describe('englishLemmas', () => {
  it.each([
    // inflections from the table
    ['The parcels arrived', ['the', 'parcel', 'arrive']],
    ['It stopped working', ['it', 'stop', 'work']],
    ['they refunded us', ['they', 'refund', 'us']],
    ['I left a message', ['i', 'leave', 'a', 'message']],
    ['they cancelled, we were cancelling', ['they', 'cancel', 'we', 'be', 'cancel']],
    ['It is, it was, it has been', ['it', 'be', 'it', 'be', 'it', 'have', 'be']],
    // contractions with an apostrophe (straight or curly)
    ["I didn't get it", ['i', 'do', 'not', 'get', 'it']],
    ['We can’t log in', ['we', 'can', 'not', 'log', 'in']],
    ["won't, shan't, ain't", ['will', 'not', 'shall', 'not', 'be', 'not']],
    ["we're here, I'm off, you'll see, they've gone, I'd say", ['we', 'be', 'here', 'i', 'be', 'off', 'you', 'will', 'see', 'they', 'have', 'go', 'i', 'would', 'say']],
    ["it's late, let's go", ['it', 'be', 'late', 'let', 'us', 'go']],
    // possessives
    ["the customer's parcels, the drivers' van", ['the', 'customer', 'parcel', 'the', 'driver', 'van']],
    // without an apostrophe
    ['i cant, dont, didnt', ['i', 'can', 'not', 'do', 'not', 'do', 'not']],
    ['cannot', ['can', 'not']],
    ['gonna wait', ['go', 'to', 'wait']],
    // compounds: split, unless a prefix or a one-letter part holds them together
    ['a follow-up call', ['a', 'follow', 'up', 'call']],
    ['e-mails re-delivered', ['email', 're-delivered']],
    // after a determiner a form may read as a noun or adjective
    ['the cleaning fee', ['the', 'cleaning', 'fee']],
    ['they were cleaning', ['they', 'be', 'clean']],
    ['a damaged box', ['a', 'damaged', 'box']],
    ['it was damaged', ['it', 'be', 'damage']],
    ['120 € cleaning fee', ['cleaning', 'fee']],
    // case, accents and stretched letters are folded first
    ['SOOO Disappointed', ['so', 'disappoint']],
    ['Café', ['cafe']],
    // words that are names of object properties are plain words
    ["constructor valueOf toString'sn't constructorn't", ['constructor', 'value', 'of', 'tostring', 'not', 'constructor', 'not']],
  ])('%j → %j', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it('places an expanded word at the end of the written word, with length 0', () => {
    expect(englishLemmas("We didn't")).toEqual([
      { key: 'we', start: 0, length: 2 },
      { key: 'do', start: 3, length: 3 },
      { key: 'not', start: 9, length: 0 },
    ]);
    expect(englishLemmas('a follow-up')).toEqual([
      { key: 'a', start: 0, length: 1 },
      { key: 'follow', start: 2, length: 6 },
      { key: 'up', start: 9, length: 2 },
    ]);
  });

  it('keeps offsets inside the text, in order', () => {
    const word = fc.constantFrom('the', 'parcel', "didn't", 'cleaning', 'follow-up', "customer's", 'cannot', 'Left', 'e-mails', 'gonna', 'café', '42', '!', ':)');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.constantFrom(' ', ', ', '  \n'), (words, sep) => {
        const text = words.join(sep);
        let last = 0;
        for (const l of englishLemmas(text)) {
          expect(l.start).toBeGreaterThanOrEqual(last);
          expect(l.start + l.length).toBeLessThanOrEqual(text.length);
          expect(l.key).toMatch(/^\S+$/);
          last = l.start;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a non-string', () => {
    expect(() => englishLemmas(3 as never)).toThrow(TypeError);
  });
});

describe('the forms table', () => {
  const table = (t: Readonly<Record<string, string>>): Array<[string, string]> => Object.entries(t).flatMap(([key, forms]) => forms.split(' ').map((f): [string, string] => [f, key]));

  it('keys every form it lists to its lemma, and every lemma to itself', () => {
    const all = table(EN_FORMS);
    expect(all.length).toBeGreaterThan(1500);
    for (const [form, key] of all) {
      expect(englishWordKeys(form).map((k) => k.key), form).toEqual([key]);
      expect(form).not.toBe(key);
    }
  });

  it('lists each form once', () => {
    for (const t of [EN_FORMS, EN_NOUN_FORMS]) {
      const forms = table(t).map(([f]) => f);
      expect(new Set(forms).size).toBe(forms.length);
    }
  });

  it('is handed in: another table keys by its own forms, and leaves the default one untouched', () => {
    const own = { forms: { go: 'went goes', parcel: 'parcels' }, nounForms: { went: 'went' } };
    expect(lemmasWith('It went, parcels left', own).map((l) => l.key)).toEqual(['it', 'go', 'parcel', 'left']);
    expect(wordKeysWith('went', own, true).map((k) => k.key)).toEqual(['went']);
    expect(englishWordKeys('left').map((k) => k.key)).toEqual(['leave']);
  });

  it('keys the after-determiner forms as it says there', () => {
    for (const [form, key] of table(EN_NOUN_FORMS)) expect(englishWordKeys(form, true).map((k) => k.key), form).toEqual([key]);
  });
});

describe('terms and text keyed alike', () => {
  // Every plain alternative of the default English lexicons, written in a text, gives the keys its term has.
  const plain = /^[\p{L}' -]+$/u;
  const phrases = new Set<string>();
  for (const doc of defaultEnglishLexicon()) {
    for (const e of doc.entries ?? []) {
      for (const t of [...(e.terms ?? []), ...(e.exclude ?? [])]) {
        for (const segment of t.split(/ \{\d+,\d+\} /)) for (const p of segment.split('|')) if (plain.test(p.trim())) phrases.add(p.trim());
      }
    }
  }

  it('has the lexicons’ phrases', () => {
    expect(phrases.size).toBeGreaterThan(1000);
  });

  it('an alternative as written in a text has the keys of its keyed form, at a start and after a determiner', () => {
    for (const p of phrases) {
      expect(keys(p).join(' '), p).toBe(englishPhraseKey(p));
      expect(keys(`the ${p}`).slice(1).join(' '), p).toBe(englishPhraseKey(p, true));
    }
  });

  it('lexicon terms keep their written form and gain their key forms; gaps and globs stay', () => {
    expect(lemmatizeTerm('stopped working|broke {0,2} refund*')).toBe('stopped working|stop work|broke|break {0,2} refund*');
    expect(lemmatizeTerm('cleaning fee').split('|')).toEqual(['cleaning fee', 'clean fee']);
    expect(lemmatizeTerm("didn't arrive")).toBe("didn't arrive|do not arrive");
  });
});
