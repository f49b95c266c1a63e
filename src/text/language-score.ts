import { foldKey } from './fold.js';
import { PROFILES } from './language-profiles.js';

/** Latin-script languages of PROFILES, in the order of their index in the score arrays. */
export const LATIN_CODES: readonly string[] = Object.keys(PROFILES);

// Weights of one piece of evidence, shared among the languages that list it (see addShare).
const WORD = 1;
const ELISION = 1;
const SUFFIX = 0.5;
const CLUSTER = 0.2;
const LETTER = 0.6;

/** Elided forms before an apostrophe (`l'`, `dell'`) and English endings after one (`'s`, `'ve`). */
const ELIDED: Readonly<Record<string, string>> = {
  fra: 'l d j qu n s c m t jusqu lorsqu puisqu',
  cat: 'l d m n s t',
  ita: 'l dell all nell dall sull un c quest',
};
const CONTRACTED: Readonly<Record<string, string>> = { eng: 's t m re ve ll d' };

/** Feature → indexes (into LATIN_CODES) of the languages that list it. */
type Table = Map<string, number[]>;

function table(pick: (code: string) => string | undefined): Table {
  const out: Table = new Map();
  LATIN_CODES.forEach((code, index) => {
    for (const feature of (pick(code) ?? '').split(/\s+/)) {
      if (feature === '') continue;
      const langs = out.get(feature);
      if (langs === undefined) out.set(feature, [index]);
      else if (!langs.includes(index)) langs.push(index);
    }
  });
  return out;
}

const WORDS = table((code) => PROFILES[code]?.words);
const SUFFIXES = table((code) => PROFILES[code]?.suffixes);
const CLUSTERS = table((code) => PROFILES[code]?.clusters);
const LETTERS = table((code) => [...(PROFILES[code]?.letters ?? '')].join(' '));
const ELISIONS = table((code) => ELIDED[code]);
const CONTRACTIONS = table((code) => CONTRACTED[code]);
const LONGEST_SUFFIX = Math.max(...[...SUFFIXES.keys()].map((s) => s.length));

/** Adds `weight` to the languages of `langs`, split evenly: a feature of k languages gives each 1/k. */
function addShare(scores: Float64Array, langs: readonly number[] | undefined, weight: number): boolean {
  if (langs === undefined) return false;
  const share = weight / langs.length;
  for (const index of langs) scores[index] = (scores[index] as number) + share;
  return true;
}

// Words, with their inner apostrophes and Catalan's middle dot (`l'adreça`, `excel·lent`).
const WORD_RE = /\p{L}+(?:['’·]\p{L}+)*/gu;
const APOSTROPHE_RE = /['’]/;

/**
 * Evidence for each Latin-script language of PROFILES in a lowercase text: known words, elisions,
 * endings and letter clusters of unknown words, and accented letters. Indexes as in LATIN_CODES.
 */
export function scoreLatin(lower: string): Float64Array {
  const scores = new Float64Array(LATIN_CODES.length);
  WORD_RE.lastIndex = 0;
  for (let match = WORD_RE.exec(lower); match !== null; match = WORD_RE.exec(lower)) {
    const word = match[0];
    if (!APOSTROPHE_RE.test(word)) {
      scoreWord(scores, foldKey(word));
      continue;
    }
    const parts = word.split(APOSTROPHE_RE).map((part) => foldKey(part));
    const last = parts.length - 1;
    parts.forEach((part, i) => {
      if (i < last && addShare(scores, ELISIONS.get(part), ELISION)) return;
      if (i > 0 && addShare(scores, CONTRACTIONS.get(part), ELISION)) return;
      scoreWord(scores, part);
    });
  }
  WORD_RE.lastIndex = 0;
  for (let i = 0; i < lower.length; i += 1) {
    if (lower.charCodeAt(i) >= 0x80) addShare(scores, LETTERS.get(lower[i] as string), LETTER);
  }
  return scores;
}

function scoreWord(scores: Float64Array, key: string): void {
  if (addShare(scores, WORDS.get(key), WORD)) return;
  // An unknown word: its longest listed ending (leaving two letters of stem), then its clusters.
  for (let length = Math.min(LONGEST_SUFFIX, key.length - 2); length >= 2; length -= 1) {
    if (addShare(scores, SUFFIXES.get(key.slice(-length)), SUFFIX)) break;
  }
  for (let i = 0; i + 1 < key.length; i += 1) {
    addShare(scores, CLUSTERS.get(key.slice(i, i + 2)), CLUSTER);
    if (i + 2 < key.length) addShare(scores, CLUSTERS.get(key.slice(i, i + 3)), CLUSTER);
  }
}
