import { Memo } from './memo.js';

// Letters that Unicode decomposition does not fold: ligatures and a few
// barred/slashed letters customers paste from other languages.
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
};
const UNDECOMPOSABLE_RE = /[œæßøłđı]/g;
const APOSTROPHES_RE = /[’ʼ‘`´]/g;
const HYPHENS_RE = /[\u2010\u2011]/g;
// Invisible characters that may sit inside a pasted word (soft hyphen, ZWJ…).
const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const MARKS_RE = /\p{M}/gu;
// Three or more of the same letter: "nuuuul", "trooop". Doubles are legit French.
const STRETCH_RE = /(\p{L})\1{2,}/gu;
const PLAIN_RE = /^[a-z]*$/;
const FOLDED_RE = /^[a-z\d' -]*$/;
const TRIPLE_ASCII_RE = /([a-z])\1\1/;

// 10,000 per generation (≤ 20,000 words): on a growing vocabulary (bench/gen-corpus.mjs --kind growing,
// 40,000 rows) 30 % of the lookups hit, against 32 % with 25,000 (45,000 words kept); 85 % on the
// sample texts whatever the size (bench/README.md § h-textan).
const memo = new Memo<string>(10_000);

/**
 * Matching key of one word: lowercase, accents folded (é→e, ç→c, œ→oe),
 * apostrophes and hyphens unified (' and -), invisible characters removed,
 * runs of 3+ identical letters reduced to one (`nuuuul` → `nul`; `attente`
 * keeps its doubles). No table lookups: SMS forms and elisions are the
 * tokenizer's business (`tokenize(...)[i].norm`).
 */
export function foldKey(word: string): string {
  // Its own key: lowercase a–z, digits, `'`, `-` and spaces (no step of folding changes them), no letter three
  // times in a row (stretching would). Folded keys such as `pre-autorisation`, `48h` or `aujourd'hui` come back
  // here from the callers that stem them: folded again, they would take places in the memo meant for words.
  if (FOLDED_RE.test(word) && !TRIPLE_ASCII_RE.test(word)) return word;
  if (word.length > 64) return computeFold(word); // not memoised: never pin long strings
  const cached = memo.get(word);
  if (cached !== undefined) return cached;
  const folded = computeFold(word);
  memo.set(word, folded);
  return folded;
}

/** @internal The fold without its shortcuts (the reference the tests compare {@link foldKey} with). */
export function computeFold(word: string): string {
  let key = word.toLowerCase();
  if (!PLAIN_RE.test(key)) {
    key = key
      // Before NFKD, which writes ´ as a space and a mark.
      .replace(APOSTROPHES_RE, "'")
      .replace(HYPHENS_RE, '-')
      .replace(INVISIBLE_RE, '')
      .normalize('NFKD')
      .replace(MARKS_RE, '')
      // NFKD can write what the steps before fold: uppercase (℡ → TEL, ᴭ → Æ) and apostrophes (ŉ → ʼn, ｀ → `).
      // Folded again here, a key is its own key.
      .toLowerCase()
      .replace(APOSTROPHES_RE, "'")
      .replace(UNDECOMPOSABLE_RE, (ch) => UNDECOMPOSABLE[ch] ?? ch);
  }
  return key.replace(STRETCH_RE, '$1');
}

/** Whitespace as `\s` has it, less U+FEFF, which folding removes inside a word. */
const SPACES_RE = /[\t-\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const SPACE_RE = /\s/;
const SPACE_RUN_RE = /\s+/g;

/**
 * A whole text folded like {@link foldKey}, each run of whitespace written as
 * one space: `foldKey(text).replace(/\s+/g, ' ')`, computed word by word so
 * that common words hit the memo instead of folding (NFKD) the whole text.
 * The same string: no step of folding reaches across whitespace (lowercase Σ
 * looks at its neighbours, never across a space); a word that folds to nothing
 * or to a space (`\u00A8`) is collapsed after.
 */
export function foldText(text: string): string {
  return foldTextByChar(text) ?? foldTextByWord(text);
}

/** Word by word: any text (the reference of {@link foldTextByChar}). */
function foldTextByWord(text: string): string {
  const parts = text.split(SPACES_RE);
  let collapse = false;
  for (let i = 0; i < parts.length; i += 1) {
    const folded = foldKey(parts[i] as string);
    parts[i] = folded;
    if (folded === '' || SPACE_RE.test(folded)) collapse = true;
  }
  const joined = parts.join(' ');
  return collapse ? joined.replace(SPACE_RUN_RE, ' ') : joined;
}

const PRINTABLE_ASCII_RE = /^[\x20-\x7e]*$/;
/** Printable ASCII only: `foldAccents` then only lowercases it. */
export const isPrintableAscii = (text: string): boolean => PRINTABLE_ASCII_RE.test(text);
const CURLY_APOSTROPHE_RE = /’/g;

/**
 * Accents and case only: lowercase, the marks of canonical decomposition
 * (NFD) dropped, the curly apostrophe ’ written '. Lighter than
 * {@link foldKey}: no compatibility forms, ligatures, invisible characters or
 * stretched letters; for labels, cell values and names compared as written
 * (`Réseaux sociaux` → `reseaux sociaux`, `Conseillère` → `conseillere`).
 */
export function foldAccents(text: string): string {
  if (isPrintableAscii(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS_RE, '').toLowerCase().replace(CURLY_APOSTROPHE_RE, "'");
}

/** Lowercase only, apostrophes unified and stretching reduced (accents kept): the first SMS lookup key. */
export function lowerKey(word: string): string {
  return word.toLowerCase().replace(APOSTROPHES_RE, "'").replace(STRETCH_RE, '$1');
}

// ---------------------------------------------------------------- by character

/** Folds of U+0000–U+024F, whitespace as ' ': built on first use. */
let latinFolds: string[] | undefined;
const SPACE_CHAR_RE = /^[\t-\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
const LETTER_RE = /\p{L}/u;
/** Folds of the other characters read by character (punctuation, symbols, emoji), memoised. */
const otherFolds = new Map<string, string>();

function latinFold(code: number): string {
  latinFolds ??= Array.from({ length: 0x250 }, (_, c) => {
    const ch = String.fromCharCode(c);
    return SPACE_CHAR_RE.test(ch) ? ' ' : computeFold(ch);
  });
  return latinFolds[code] as string;
}

/**
 * Characters whose fold never depends on their neighbours (no letter that
 * lowercases by context, as Σ does, nor folds to one): general punctuation,
 * currency, arrows and dingbats, variation selectors, emoji.
 */
function readsAlone(code: number): boolean {
  return (
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0x20a0 && code <= 0x20cf) ||
    (code >= 0x2190 && code <= 0x2bff) ||
    code === 0xfe0e ||
    code === 0xfe0f ||
    (code >= 0x1f000 && code <= 0x1faff)
  );
}
/**
 * What {@link foldText} writes for one code point when it reads it alone
 * (whitespace as ' ', combining accents as ''), or undefined for a code point
 * it does not read alone (other scripts, compatibility letters, surrogate
 * halves): a text of code points with a fold here folds to the concatenation
 * of their folds, with runs of 3+ identical letters reduced to one and runs of
 * spaces to one space. What a gate on the raw text (src/analyze/author.ts)
 * may rely on.
 * @internal
 */
export function charFold(point: number): string | undefined {
  if (point < 0x250) return latinFold(point);
  if (point >= 0x300 && point <= 0x36f) return '';
  if (!readsAlone(point)) return undefined;
  const ch = String.fromCodePoint(point);
  return SPACE_CHAR_RE.test(ch) ? ' ' : computeFold(ch);
}

/** Code points below U+0250 that are letters (the stretch rule reduces runs of letters only): built on first use. */
let latinLetters: Uint8Array | undefined;

function isLetter(point: number): boolean {
  if (point < 0x250) {
    latinLetters ??= Uint8Array.from({ length: 0x250 }, (_, c) => (LETTER_RE.test(String.fromCharCode(c)) ? 1 : 0));
    return latinLetters[point] === 1;
  }
  return LETTER_RE.test(String.fromCodePoint(point));
}

/**
 * The folded text as it is written: code units in a buffer kept from text to
 * text (folding is synchronous and never re-entered), the run of one
 * character still open (the stretch rule decides how many of it to write when
 * it ends), and whether a space was just written. Appending to a string
 * character by character made a string object per character (a tenth of the
 * analysis' allocations). Passed to each step, not read from module
 * variables: those cost a check on every read.
 */
interface FoldOutput {
  units: Uint16Array;
  length: number;
  run: number;
  runLength: number;
  space: boolean;
}

/**
 * The buffer's code units as a string, read in the machine's byte order (a
 * Uint16Array holds them so). A leading U+FEFF would be taken for a byte-order
 * mark, but folding never writes one (it removes it).
 */
const utf16 = new TextDecoder(new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be');
const output: FoldOutput = { units: new Uint16Array(1024), length: 0, run: -1, runLength: 0, space: false };

/** One code point of the folded text (whitespace already as 32). */
function put(o: FoldOutput, point: number): void {
  if (point === 32) {
    flushRun(o);
    if (!o.space) write(o, 32, 1);
    o.space = true;
    return;
  }
  if (point === o.run && o.runLength > 0) o.runLength += 1;
  else {
    flushRun(o);
    o.run = point;
    o.runLength = 1;
  }
  o.space = false;
}

/** Every code point of a fold (whose only whitespace is ' ': `charFold` writes no other, tested for every code point). */
function putFolded(o: FoldOutput, folded: string): void {
  for (let i = 0; i < folded.length; i += 1) {
    const point = folded.codePointAt(i) as number;
    if (point > 0xffff) i += 1;
    put(o, point);
  }
}

function flushRun(o: FoldOutput): void {
  if (o.runLength === 0) return;
  write(o, o.run, o.runLength >= 3 && isLetter(o.run) ? 1 : o.runLength);
  o.runLength = 0;
}

function write(o: FoldOutput, point: number, times: number): void {
  const size = point > 0xffff ? 2 : 1;
  while (o.length + size * times > o.units.length) {
    const grown = new Uint16Array(o.units.length * 2);
    grown.set(o.units);
    o.units = grown;
  }
  const { units } = o;
  for (let t = 0; t < times; t += 1) {
    if (size === 1) units[o.length++] = point;
    else {
      units[o.length++] = 0xd800 + ((point - 0x10000) >> 10);
      units[o.length++] = 0xdc00 + ((point - 0x10000) & 0x3ff);
    }
  }
}

/** The text written (decoded natively: `String.fromCharCode` on the units cost more). */
function writtenText(o: FoldOutput): string {
  flushRun(o);
  return utf16.decode(o.units.subarray(0, o.length));
}

/**
 * foldText in one pass over the characters, with no split, memo lookup per
 * word or NFKD of a whole word: Latin letters by table, combining accents
 * dropped, the stretch rule and whitespace runs applied as characters come.
 * `undefined` for a text holding a character outside what {@link readsAlone}
 * and the Latin table cover (other scripts, compatibility letters, lone
 * surrogates): the word-by-word path reads those.
 */
function foldTextByChar(text: string): string | undefined {
  const o = output;
  o.length = 0;
  o.runLength = 0;
  o.space = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x250) {
      // ASCII lowercase letters fold to themselves: the common case, inline.
      if (code >= 0x61 && code <= 0x7a) put(o, code);
      else putFolded(o, latinFold(code));
      continue;
    }
    if (code >= 0x300 && code <= 0x36f) continue; // combining accents: folding drops them
    let ch: string;
    let point = code;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return undefined;
      point = (code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
      ch = text.slice(i, i + 2);
      i += 1;
    } else ch = text[i] as string;
    if (!readsAlone(point)) return undefined;
    let folded = otherFolds.get(ch);
    if (folded === undefined) {
      folded = SPACE_CHAR_RE.test(ch) ? ' ' : computeFold(ch);
      if (otherFolds.size < 10_000) otherFolds.set(ch, folded);
    }
    putFolded(o, folded);
  }
  return writtenText(o);
}
