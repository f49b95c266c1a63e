import { expectString } from './guard.js';
import { LATIN_CODES, scoreLatin } from './language-score.js';

/** Options of {@link detectLanguage}. */
export interface DetectLanguageOptions {
  /**
   * ISO 639-3 codes to choose from. Default: {@link DEFAULT_LANGUAGES}. Only the languages of
   * DEFAULT_LANGUAGES can be recognised: other codes are never returned.
   */
  only?: readonly string[];
  /** Fewer letters than this gives `und`. Default: 20. */
  minLength?: number;
}

/** Languages met in French customer exports, in ISO 639-3: the languages detectLanguage knows. */
export const DEFAULT_LANGUAGES: readonly string[] = [
  'fra', 'eng', 'spa', 'deu', 'ita', 'por', 'nld', 'arb', 'cat', 'ron', 'pol', 'tur',
];

// Function words frequent in French and rare in the neighbouring languages
// (no `la`, `de`, `que`, `il`, `mais`: Spanish, Italian, Portuguese have them).
const FRENCH_MARKERS: ReadonlySet<string> = new Set([
  'je', 'est', 'pas', 'une', 'et', 'les', 'des', 'du', 'au', 'aux', 'nous', 'vous', 'pour', 'avec',
  'dans', 'tres', 'très', 'sont', 'été', 'ai', 'suis', 'mes', 'votre', 'vos', 'cette', 'ce', 'ils',
  'elle', 'rien', 'jamais', 'toujours', 'aussi', 'fait', 'leur', 'était', 'avez', 'avons', 'ont',
  'mon', 'ça', 'sur', 'chez', 'depuis', 'encore', 'même', 'après', 'où', 'ma', 'mais', 'ne', 'qui',
  'avoir', 'été', 'trop', 'bien', 'merci', 'bonjour', 'aucun', 'aucune', 'plus', 'moi', 'commande',
  'livraison', 'colis', 'remboursement', 'conseiller', 'conseillère', 'réponse', 'appel', 'magasin',
  // Customer-relation words written only in French among DEFAULT_LANGUAGES: notes and short reviews
  // ("Paiement refusé, client débité 2 fois") hold few function words.
  // (Not `client`, `suite`, `retour`, `conforme`: English, Romanian, Dutch or Italian write them too.)
  'produit', 'produits', 'appli', 'paiement', 'demande', 'vendeur', 'vendeuse', 'sans', 'toute', 'tous',
  'déjà', 'rien', 'caisse', 'panier', 'emballé',
]);
/** Letters French never writes: with one of them, participle endings prove nothing (`después`, `francés`). */
const NOT_FRENCH_LETTERS_RE = /[áíóúñãõ¿¡]/i;
/**
 * Letters of the other languages of DEFAULT_LANGUAGES that French never writes: with one of them, French
 * markers shared with those languages (`ne`, `au`, `mai` in Romanian) do not make a text plainly French.
 */
const FOREIGN_LETTERS_RE = /[áíóúñãõìòăâșțşţąćęłńśźżßäöığ·¿¡]/i;
const ENGLISH_MARKERS: ReadonlySet<string> = new Set([
  'the', 'and', 'is', 'was', 'you', 'i', 'my', 'it', 'to', 'of', 'with', 'not', 'this', 'that', 'have',
  'for', 'are', 'but', 'very', 'they', 'we', 'be', 'at', 'in', 'your', 'our', 'would', 'could', 'no',
  "don't", "can't", "i'm", "it's", 'what', 'when', 'will', 'from',
]);
/** English markers no other language of DEFAULT_LANGUAGES writes as words (not `is`, `was`, `we`, `in`, `i`, `no`, `to`, `will`, `of`). */
const ENGLISH_ONLY: ReadonlySet<string> = new Set([
  'the', 'and', 'you', 'my', 'it', 'with', 'not', 'this', 'that', 'have', 'for', 'are', 'but', 'very', 'they',
  'be', 'your', 'our', 'would', 'could', "don't", "can't", "i'm", "it's", 'what', 'when', 'from',
]);
/** English words of customer reviews that count toward plainly English (looksEnglish only: the French test is unchanged by them). */
const ENGLISH_CONTENT: ReadonlySet<string> = new Set([
  'can’t', 'don’t', 'i’m', 'it’s', 'didn’t', "didn't", 'delivery', 'customer', 'shipping', 'refund', 'thanks', 'thank',
  'never', 'arrived', 'staff', 'store', 'please', 'received', 'since', 'great', 'good', 'nice', 'helpful',
]);
const WORD_RE = /\p{L}+(?:['’]\p{L}+)*/gu;
const FRENCH_ELISION_RE = /^(?:[ldjnmtsc]|qu|jusqu|lorsqu|puisqu)['’]\p{L}/u;
/** The fast paths and the profiles read this many characters at most. */
const SAMPLE = 2_000;

/**
 * ISO 639-3 code of the language of a verbatim (`fra`, `eng`…), or `und`
 * when it has fewer than `minLength` letters, is written in a script other
 * than Latin and Arabic, or has too little evidence for any candidate.
 * Plainly French and plainly English texts (marker words, see looksFrench and
 * looksEnglish) are recognised at once; the others are scored against the
 * hand-written profiles of language-profiles.ts (see language-score.ts).
 */
export function detectLanguage(text: string, options?: DetectLanguageOptions): string {
  expectString(text);
  const minLength = options?.minLength ?? 20;
  const only = options?.only ?? DEFAULT_LANGUAGES;
  if (countLetters(text, minLength) < minLength) return 'und';
  const markers = countMarkers(text);
  if (only.includes('fra') && !markers.foreignLetters && looksFrench(markers)) return 'fra';
  if (only.includes('eng') && looksEnglish(markers)) return 'eng';
  return detectByProfiles(text.length > SAMPLE ? text.slice(0, SAMPLE) : text, only);
}

/** Letters that count toward the script of a text. */
const ARABIC_LETTER_RE = /\p{Script=Arabic}/u;
const LATIN_LETTER_RE = /\p{Script=Latin}/u;
const LETTER_RE = /\p{L}/u;
/** A lowercase letter then a capital: two words glued (a title and its review, `serviceMerci`). */
const GLUED_RE = /(\p{Ll})(\p{Lu})/gu;
const ALL_LATIN = new Uint8Array(LATIN_CODES.length).fill(1);
/** Below this score (one function word of one language), the evidence is too thin to name a language. */
const MIN_SCORE = 1;

function detectByProfiles(sample: string, only: readonly string[]): string {
  const script = dominantScript(sample);
  if (script === 'arabic') return only.includes('arb') ? 'arb' : 'und';
  if (script !== 'latin') return 'und';
  const candidates = only === DEFAULT_LANGUAGES ? ALL_LATIN : new Uint8Array(LATIN_CODES.map((code) => (only.includes(code) ? 1 : 0)));
  const scores = scoreLatin(sample.replace(GLUED_RE, '$1 $2').toLowerCase(), candidates);
  // Ties go to the language listed first in LATIN_CODES (French, then English).
  let best = 'und';
  let bestScore = MIN_SCORE - Number.EPSILON;
  LATIN_CODES.forEach((code, index) => {
    const score = scores[index] as number;
    if (score > bestScore && candidates[index] === 1) {
      best = code;
      bestScore = score;
    }
  });
  return best;
}

/** The script most letters of the sample are written in: Latin, Arabic or another one. */
function dominantScript(sample: string): 'latin' | 'arabic' | 'other' {
  let latin = 0;
  let arabic = 0;
  let other = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    const lower = c | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) latin += 1;
    else if (c < 0xc0) continue;
    else if (c < 0x250) latin += 1; // Latin-1 letters and Latin Extended-A/B (× and ÷ count: harmless)
    else {
      // A surrogate pair is one character: test it whole.
      const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < sample.length;
      const ch = wide ? sample.slice(i, i + 2) : (sample[i] as string);
      if (wide) i += 1;
      if (LATIN_LETTER_RE.test(ch)) latin += 1;
      else if (ARABIC_LETTER_RE.test(ch)) arabic += 1;
      else if (LETTER_RE.test(ch)) other += 1;
    }
  }
  if (latin >= arabic && latin >= other) return 'latin';
  return arabic >= other ? 'arabic' : 'other';
}

const ONE_LETTER_RE = /\p{L}/u;

/** Letters of the text, counted up to `enough`: ASCII by char code, the rest by one regex test each. */
function countLetters(text: string, enough: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < enough; i += 1) {
    const c = text.charCodeAt(i);
    const lower = c | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) count += 1;
    else if (c >= 0x80) {
      // A surrogate pair is one character: test it whole.
      const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
      if (ONE_LETTER_RE.test(wide ? text.slice(i, i + 2) : (text[i] as string))) count += 1;
      if (wide) i += 1;
    }
  }
  return count;
}

function hasApostrophe(word: string): boolean {
  return word.includes("'") || word.includes('’');
}

const LETTER_ONLY_RE = /^\p{L}$/u;

/**
 * A past participle ending, two letters then `é`, `ée`, `és` or `ées` (`refusé`, `arrivée`, `débités`):
 * French among DEFAULT_LANGUAGES once Spanish and Portuguese letters are ruled out (see looksFrench).
 * Read from the end by character: this runs on every word of every verbatim.
 */
function isParticiple(word: string): boolean {
  let end = word.length;
  if (word[end - 1] === 's') end -= 1;
  if (word[end - 1] === 'e' && word[end - 2] === 'é') end -= 1;
  if (end < 3 || word[end - 1] !== 'é') return false;
  return LETTER_ONLY_RE.test(word[end - 2] as string) && LETTER_ONLY_RE.test(word[end - 3] as string);
}

/** @internal */
export interface MarkerCounts {
  words: number;
  french: number;
  english: number;
  /** English markers of ENGLISH_ONLY, and words of ENGLISH_CONTENT. */
  englishOnly: number;
  /** The text has a letter of FOREIGN_LETTERS_RE. */
  foreignLetters: boolean;
}

/**
 * Words of the text's head, and how many are French or English markers (see FRENCH_MARKERS,
 * ENGLISH_MARKERS): {@link countMarkersByRegex}'s counts in one pass over the characters, with no
 * lowercase copy, no regex per word and no word string (the words are hashed as they are read and
 * looked up in {@link MARKER_TABLE}). A character whose lowercase is not one character of its own
 * (`İ`, `Σ`) sends the text to countMarkersByRegex: the counts are the same for every text.
 * @internal exported for the tests
 */
export function countMarkers(text: string): MarkerCounts {
  return scanMarkers(text) ?? countMarkersByRegex(text);
}

/** Words of the text's head, and how many are French or English markers: the reference of {@link countMarkers}. @internal */
export function countMarkersByRegex(text: string): MarkerCounts {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let words = 0;
  let french = 0;
  let english = 0;
  let englishOnly = 0;
  const lower = sample.toLowerCase();
  // One scan in the usual case: NOT_FRENCH_LETTERS_RE is a part of FOREIGN_LETTERS_RE.
  const foreignLetters = FOREIGN_LETTERS_RE.test(lower);
  const participles = !foreignLetters || !NOT_FRENCH_LETTERS_RE.test(lower);
  WORD_RE.lastIndex = 0;
  for (let match = WORD_RE.exec(lower); match !== null; match = WORD_RE.exec(lower)) {
    const word = match[0];
    words++;
    if (FRENCH_MARKERS.has(word) || (hasApostrophe(word) && FRENCH_ELISION_RE.test(word)) || (participles && isParticiple(word))) french++;
    else if (ENGLISH_MARKERS.has(word)) {
      english++;
      if (ENGLISH_ONLY.has(word)) englishOnly++;
    } else if (ENGLISH_CONTENT.has(word)) englishOnly++;
  }
  WORD_RE.lastIndex = 0;
  return { words, french, english, englishOnly, foreignLetters };
}

// ---------------------------------------------------------------- markers by character

// What a code unit of the text is once lowercased, as WORD_RE, FOREIGN_LETTERS_RE and
// NOT_FRENCH_LETTERS_RE read the lowercased sample: built per code unit on first sight.
const UNSEEN = 0;
const LETTER = 1;
const OTHER = 2;
/** A character whose lowercase is longer, or depends on its neighbours: read by regex. */
const ODD = 3;
const FOREIGN = 4;
const NOT_FRENCH = 8;
const APOSTROPHE = 16;
let unitKinds: Uint8Array | undefined;
let unitLowers: Uint16Array | undefined;
/** Astral code points (surrogate pairs): kind as above, built on first sight. */
const astralKinds = new Map<number, number>();

function kindOfUnit(c: number): number {
  if (unitKinds === undefined || unitLowers === undefined) {
    unitKinds = new Uint8Array(0x10000);
    unitLowers = new Uint16Array(0x10000);
  }
  let kind = unitKinds[c] as number;
  if (kind !== UNSEEN) return kind;
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  if (c >= 0xd800 && c <= 0xdfff) kind = OTHER; // surrogates: read in pairs by scanMarkers; a lone one is no letter
  else if (lower.length !== 1 || c === 0x3a3) kind = ODD; // İ lowercases to two units, Σ by context
  else {
    kind = ONE_LETTER_RE.test(lower) ? LETTER : OTHER;
    if (FOREIGN_LETTERS_RE.test(lower)) kind |= FOREIGN;
    if (NOT_FRENCH_LETTERS_RE.test(lower)) kind |= NOT_FRENCH;
    if (lower === "'" || lower === '’') kind |= APOSTROPHE;
    unitLowers[c] = lower.charCodeAt(0);
  }
  unitKinds[c] = kind;
  return kind;
}

function kindOfAstral(point: number): number {
  let kind = astralKinds.get(point);
  if (kind === undefined) {
    const ch = String.fromCodePoint(point);
    const lower = ch.toLowerCase();
    // The sets and the letter classes above hold no astral character: only letter or not matters.
    kind = lower.length !== ch.length ? ODD : ONE_LETTER_RE.test(lower) ? LETTER : OTHER;
    if (astralKinds.size < 10_000) astralKinds.set(point, kind);
  }
  return kind;
}

const MARKER_FRENCH = 1;
const MARKER_ENGLISH = 2;
const MARKER_ENGLISH_ONLY = 4;
const MARKER_CONTENT = 8;
/** Every marker word with its sets, and an open-addressing table of their hashes (see wordHash). */
const MARKER_WORDS: string[] = [];
const MARKER_FLAGS: number[] = [];
const MARKER_TABLE_SIZE = 1024;
const MARKER_TABLE = new Int16Array(MARKER_TABLE_SIZE).fill(-1);
/** Longer words are no marker: not hashed. */
let longestMarker = 0;
{
  const flags = new Map<string, number>();
  const add = (set: ReadonlySet<string>, flag: number): void => {
    for (const word of set) flags.set(word, (flags.get(word) ?? 0) | flag);
  };
  add(FRENCH_MARKERS, MARKER_FRENCH);
  add(ENGLISH_MARKERS, MARKER_ENGLISH);
  add(ENGLISH_ONLY, MARKER_ENGLISH_ONLY);
  add(ENGLISH_CONTENT, MARKER_CONTENT);
  for (const [word, flag] of flags) {
    let h = 0;
    for (let i = 0; i < word.length; i += 1) h = wordHash(h, word.charCodeAt(i));
    let slot = h & (MARKER_TABLE_SIZE - 1);
    while (MARKER_TABLE[slot] !== -1) slot = (slot + 1) & (MARKER_TABLE_SIZE - 1);
    MARKER_TABLE[slot] = MARKER_WORDS.length;
    MARKER_WORDS.push(word);
    MARKER_FLAGS.push(flag);
    longestMarker = Math.max(longestMarker, word.length);
  }
}

function wordHash(h: number, code: number): number {
  return (Math.imul(h, 31) + code) | 0;
}

/** The sets holding the lowercased word text[start, end) (MARKER_* flags), 0 for none. */
function markerFlags(text: string, start: number, end: number, hash: number): number {
  const lowers = unitLowers as Uint16Array;
  for (let slot = hash & (MARKER_TABLE_SIZE - 1); ; slot = (slot + 1) & (MARKER_TABLE_SIZE - 1)) {
    const index = MARKER_TABLE[slot] as number;
    if (index === -1) return 0;
    const word = MARKER_WORDS[index] as string;
    if (word.length !== end - start) continue;
    let same = true;
    for (let i = 0; i < word.length && same; i += 1) same = lowers[text.charCodeAt(start + i)] === word.charCodeAt(i);
    if (same) return MARKER_FLAGS[index] as number;
  }
}

/** FRENCH_ELISION_RE on a word read by WORD_RE: its part before the first apostrophe is an elided form. */
function isElided(text: string, start: number, apostrophe: number): boolean {
  const lowers = unitLowers as Uint16Array;
  const length = apostrophe - start;
  if (length === 1) return ELIDED_LETTERS.includes(lowers[text.charCodeAt(start)] as number);
  for (const form of LONG_ELISIONS) {
    if (form.length !== length) continue;
    let same = true;
    for (let i = 0; i < length && same; i += 1) same = lowers[text.charCodeAt(start + i)] === form.charCodeAt(i);
    if (same) return true;
  }
  return false;
}
const ELIDED_LETTERS: readonly number[] = [...'ldjnmtsc'].map((ch) => ch.charCodeAt(0));
const LONG_ELISIONS: readonly string[] = ['qu', 'jusqu', 'lorsqu', 'puisqu'];

/** isParticiple on the lowercased word text[start, end), read by code unit as isParticiple reads its string. */
function isParticipleAt(text: string, start: number, end: number): boolean {
  const lowers = unitLowers as Uint16Array;
  let e = end;
  if (lowers[text.charCodeAt(e - 1)] === 0x73) e -= 1; // s
  if (e - start >= 2 && lowers[text.charCodeAt(e - 1)] === 0x65 && lowers[text.charCodeAt(e - 2)] === 0xe9) e -= 1; // ée
  if (e - start < 3 || lowers[text.charCodeAt(e - 1)] !== 0xe9) return false; // é
  // LETTER_ONLY_RE reads one code unit: a surrogate half or an apostrophe is no letter.
  const kinds = unitKinds as Uint8Array;
  return ((kinds[text.charCodeAt(e - 2)] as number) & 3) === LETTER && ((kinds[text.charCodeAt(e - 3)] as number) & 3) === LETTER;
}

/** countMarkersByRegex's counts in one pass, or undefined for a text with an ODD character in its head. */
function scanMarkers(text: string): MarkerCounts | undefined {
  const n = Math.min(text.length, SAMPLE);
  const kinds = unitKinds ?? latinKinds();
  const lowers = unitLowers as Uint16Array;
  let words = 0;
  let french = 0;
  let english = 0;
  let englishOnly = 0;
  // Words French only by their participle ending: they count only when no Spanish or Portuguese
  // letter is in the head (known at its end; such a word is in no English set either).
  let participleOnly = 0;
  let letterKinds = 0;
  let start = -1; // start of the word being read, −1 between words
  let apostrophe = -1; // its first apostrophe
  let hash = 0;
  let plain = true; // every unit of the word may be in a marker (below U+0250 or an apostrophe)
  for (let i = 0; i <= n; i += 1) {
    let kind = OTHER;
    let width = 1;
    let c = 0x20;
    if (i < n) {
      c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          kind = kindOfAstral((c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000);
          width = 2;
        } else kind = OTHER;
      } else {
        kind = kinds[c] as number;
        if (kind === UNSEEN) kind = kindOfUnit(c);
      }
      if ((kind & 3) === ODD) return undefined;
      letterKinds |= kind;
      if ((kind & 3) === LETTER) {
        if (start < 0) {
          start = i;
          apostrophe = -1;
          hash = 0;
          plain = true;
        }
        if (width === 2) {
          plain = false;
          i += 1;
        } else if (c >= 0x250) plain = false;
        else hash = (Math.imul(hash, 31) + (lowers[c] as number)) | 0;
        continue;
      }
      if (start < 0) continue;
      // An apostrophe between two letters stays in the word (`l'accueil`, `don't`).
      if ((kind & APOSTROPHE) !== 0 && i + 1 < n && nextIsLetter(text, i + 1, n, kinds)) {
        if (apostrophe < 0) apostrophe = i;
        hash = (Math.imul(hash, 31) + c) | 0;
        continue;
      }
    }
    if (start < 0) continue;
    // The word text[start, i) ends here.
    words++;
    const flags = plain && i - start <= longestMarker ? markerFlags(text, start, i, hash) : 0;
    if ((flags & MARKER_FRENCH) !== 0 || (apostrophe >= 0 && isElided(text, start, apostrophe))) french++;
    else if (isParticipleAt(text, start, i)) participleOnly++;
    else if ((flags & MARKER_ENGLISH) !== 0) {
      english++;
      if ((flags & MARKER_ENGLISH_ONLY) !== 0) englishOnly++;
    } else if ((flags & MARKER_CONTENT) !== 0) englishOnly++;
    start = -1;
  }
  const foreignLetters = (letterKinds & FOREIGN) !== 0;
  const participles = !foreignLetters || (letterKinds & NOT_FRENCH) === 0;
  if (participles) french += participleOnly;
  return { words, french, english, englishOnly, foreignLetters };
}

/** The kind tables, with the code units below U+0250 filled in. */
function latinKinds(): Uint8Array {
  for (let c = 0; c < 0x250; c += 1) kindOfUnit(c);
  return unitKinds as Uint8Array;
}

/** Whether the code unit at i (a pair read whole) is a letter once lowercased. */
function nextIsLetter(text: string, i: number, n: number, kinds: Uint8Array): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return (kindOfAstral((c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000) & 3) === LETTER;
  }
  return (((kinds[c] as number) === UNSEEN ? kindOfUnit(c) : (kinds[c] as number)) & 3) === LETTER;
}

function looksFrench({ words, french, english }: MarkerCounts): boolean {
  // Two markers suffice in short texts; English markers must stay rare.
  return french >= Math.min(3, Math.max(2, Math.ceil(words / 8))) && french * 6 >= words && english * 4 <= french;
}

/**
 * Plainly English: English function words dense (one word in four), three of
 * them English only, and no French marker. Such texts skip the profiles, as
 * plainly French ones do.
 */
function looksEnglish({ words, french, english, englishOnly }: MarkerCounts): boolean {
  return french === 0 && englishOnly >= 3 && Math.max(english, englishOnly) * 4 >= words;
}
