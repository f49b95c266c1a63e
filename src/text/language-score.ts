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

/**
 * Adds `weight` to the candidate languages of `langs` (candidates[index] === 1), split evenly: a
 * feature listed by k candidates gives each 1/k. Returns whether the feature is listed at all.
 */
function addShare(scores: Float64Array, candidates: Uint8Array, langs: readonly number[] | undefined, weight: number): boolean {
  if (langs === undefined) return false;
  let count = 0;
  for (const index of langs) count += candidates[index] as number;
  if (count === 0) return true;
  const share = weight / count;
  for (const index of langs) if (candidates[index] === 1) scores[index] = (scores[index] as number) + share;
  return true;
}

// Words, with their inner apostrophes and Catalan's middle dot (`l'adreça`, `excel·lent`).
const WORD_RE = /\p{L}+(?:['’·]\p{L}+)*/gu;
const APOSTROPHE_RE = /['’]/;

/**
 * Evidence for each Latin-script language of PROFILES in a lowercase text: known words, elisions,
 * endings and letter clusters of unknown words, and accented letters. Indexes as in LATIN_CODES;
 * `candidates[index]` is 1 for the languages to choose from (evidence is shared among them only),
 * 0 for the others (their score stays 0).
 */
export function scoreLatin(lower: string, candidates: Uint8Array): Float64Array {
  const scores = new Float64Array(LATIN_CODES.length);
  WORD_RE.lastIndex = 0;
  for (let match = WORD_RE.exec(lower); match !== null; match = WORD_RE.exec(lower)) {
    const word = match[0];
    if (!APOSTROPHE_RE.test(word)) {
      scoreWord(scores, candidates, foldKey(word));
      continue;
    }
    const parts = word.split(APOSTROPHE_RE).map((part) => foldKey(part));
    const last = parts.length - 1;
    parts.forEach((part, i) => {
      if (i < last && addShare(scores, candidates, ELISIONS.get(part), ELISION)) return;
      if (i > 0 && addShare(scores, candidates, CONTRACTIONS.get(part), ELISION)) return;
      scoreWord(scores, candidates, part);
    });
  }
  WORD_RE.lastIndex = 0;
  for (let i = 0; i < lower.length; i += 1) {
    if (lower.charCodeAt(i) >= 0x80) addShare(scores, candidates, LETTERS.get(lower[i] as string), LETTER);
  }
  return scores;
}

function scoreWord(scores: Float64Array, candidates: Uint8Array, key: string): void {
  if (addShare(scores, candidates, WORDS.get(key), WORD)) return;
  // An unknown word: its longest listed ending (leaving two letters of stem), then its clusters.
  for (let length = Math.min(LONGEST_SUFFIX, key.length - 2); length >= 2; length -= 1) {
    if (addShare(scores, candidates, SUFFIXES.get(key.slice(-length)), SUFFIX)) break;
  }
  // Clusters by the char codes of their first two letters: no substring for most positions.
  for (let i = 0; i + 1 < key.length; i += 1) {
    const pair = pairIndex(key.charCodeAt(i), key.charCodeAt(i + 1));
    if (pair < 0) continue;
    addShare(scores, candidates, PAIRS[pair], CLUSTER);
    if (i + 2 < key.length && TRIPLE_STARTS[pair] === 1) addShare(scores, candidates, CLUSTERS.get(key.slice(i, i + 3)), CLUSTER);
  }
}

/** Index of two lowercase ASCII letters in PAIRS, or -1. */
function pairIndex(first: number, second: number): number {
  const a = first - 0x61;
  const b = second - 0x61;
  return a >= 0 && a < 26 && b >= 0 && b < 26 ? a * 26 + b : -1;
}

/** Two-letter clusters by pairIndex, and which pairs begin a three-letter cluster. */
const PAIRS: (number[] | undefined)[] = new Array<number[] | undefined>(26 * 26);
const TRIPLE_STARTS = new Uint8Array(26 * 26);
for (const [cluster, langs] of CLUSTERS) {
  const pair = pairIndex(cluster.charCodeAt(0), cluster.charCodeAt(1));
  if (pair < 0 || cluster.length > 3) throw new Error(`language profiles: cluster "${cluster}" is not 2 or 3 letters a-z`);
  if (cluster.length === 2) PAIRS[pair] = langs;
  else TRIPLE_STARTS[pair] = 1;
}
