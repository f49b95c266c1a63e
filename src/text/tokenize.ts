import type { Token, TokenKind } from '../types.js';
import {
  APOSTROPHE_WORDS,
  BARE_DOMAIN_TLDS,
  ELISIONS,
  EUPHONIC_T_PRONOUNS,
  INVERTED_PRONOUNS,
  PRONOUN_LIKE_COMPOUNDS,
  SI_BEFORE,
} from './french.js';
import { foldKey, lowerKey } from './fold.js';
import { expectString } from './guard.js';
import { Memo } from './memo.js';
import { normalize } from './normalize.js';
import { expectedError, typeName } from '../_utils/describe.js';

/** Options of {@link tokenize}. */
export interface TokenizeOptions {
  /**
   * SMS table (written form → key, e.g. `{ pk: 'pourquoi' }`). The text room
   * has no table of its own: without one, no SMS form is expanded. The
   * package's `tokenize` passes the default lexicons' table
   * (lexicons/fr/sms.yml) when none is given; `{}` turns SMS expansion off.
   */
  sms?: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------- patterns
// Every pattern is sticky (`y`) and tried at one position only; repeated
// groups always start with a character their body cannot match, so no
// pattern backtracks more than linearly.

const WORD_CHAR = String.raw`\p{L}\p{M}\p{N}\u00AD\u200C\u200D`;
const APOSTROPHE_CHARS = String.raw`'\u2019\u02BC\u2018\u0060\u00B4`;
const CONNECTOR = String.raw`\-\u2010\u2011${APOSTROPHE_CHARS}`;
/** A letter-led run with inner apostrophes and hyphens: `l'accueil`, `rendez-vous`, `CMD-2024-0042`. */
const WORD_Y = new RegExp(String.raw`\p{L}[${WORD_CHAR}]*(?:[${CONNECTOR}][\p{L}\p{N}][${WORD_CHAR}]*)*`, 'uy');
/** `n°123456`, `N° 12345`, `nº 42-B`. */
const ORDER_NO_Y = /[nN][°º][ \u00A0\u202F]?\d[\p{L}\p{N}]*(?:[-/][\p{L}\p{N}]+)*/uy;
const URL_Y = /(?:(?:https?|ftp):\/\/|www\.)[^\s<>"«»“”]+/iuy;
// Lengths are bounded (RFC: labels ≤ 63, local parts ≤ 64) so that a failed
// attempt costs a constant, even on "a.a.a.a…" megabytes long.
const DOMAIN_Y = new RegExp(
  String.raw`[\p{L}\p{N}_\-]{1,63}(?:\.[\p{L}\p{N}_\-]{1,63}){0,8}\.(?:${BARE_DOMAIN_TLDS.join('|')})(?![\p{L}\p{N}_\-])(?:\/[^\s<>"«»“”]*)?`,
  'iuy',
);
const EMAIL_Y = /[\p{L}\p{N}._%+\-]{1,64}@[\p{L}\p{N}\-]{1,63}(?:\.[\p{L}\p{N}\-]{1,63}){1,8}/uy;
const MENTION_Y = /@[\p{L}\p{N}_]{1,64}(?:\.[\p{L}\p{N}_]{1,64}){0,4}/uy;
const HASH_Y = /#[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/uy;
const SEP = String.raw`[ .\u00A0\u202F\-]`;
/** French numbers: 06 12 34 56 78, 06.12.34.56.78, 0612345678 (one separator throughout), 0 800 00 00 00, 0033 6…. */
const PHONE_FR_Y = new RegExp(
  String.raw`(?:0[1-9](${SEP}?)\d{2}(?:\1\d{2}){3}|0[ \u00A0\u202F]?[89]\d{2}(?:[ .\u00A0\u202F]?\d{2}){3}|00\d{2,3}[ \u00A0\u202F]?[1-9](${SEP}?)\d{2}(?:\2\d{2}){3})(?!\p{N})`,
  'uy',
);
/** +33 6 12 34 56 78, +33 (0)6 12 34 56 78, +32…. */
const PHONE_INTL_Y = new RegExp(
  String.raw`\+\d{2,3}${SEP}?(?:\(0\)[ \u00A0\u202F]?)?[1-9](${SEP}?)\d{2}(?:\1\d{2}){3}(?!\p{N})`,
  'uy',
);
/** Thousands grouped by a (narrow) space, only in groups of three: `1 250`, `12 000,50`. */
const THOUSANDS_Y = /\d{1,3}(?:[ \u00A0\u202F]\d{3}(?!\p{N}))+(?:,\d+)?(?![\p{L}\p{N}])/uy;
/** Decimals, dates, times, ordinals, units glued to digits: `12,50`, `12/03/2025`, `10h42`, `10:42`, `2ème`, `48h`. */
const NUMBER_Y = /\d[\p{L}\p{N}]*(?:[.,:/\-]\d[\p{L}\p{N}]*)*/uy;
const OTHER_DIGITS_Y = /\p{N}+/uy;
const EMOJI_PART = String.raw`(?:\p{Extended_Pictographic}|\p{Emoji_Modifier})(?:\uFE0F|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}])*`;
/** One emoji: flags, keycaps, ZWJ sequences with skin tones and tag sequences. */
const EMOJI_Y = new RegExp(
  String.raw`\p{Regional_Indicator}{1,2}|[#*0-9]\uFE0F?\u20E3|${EMOJI_PART}(?:\u200D${EMOJI_PART})*`,
  'uy',
);
const EMOTICON_Y = /(?:[:;=][-']?[()[\]DPpOo3/\\|*]|:'\(|<3|\^\^|\^_\^)(?![\p{L}\p{N}])/uy;
const SKIP_Y = /[\s\p{Cc}\p{Cf}]/uy;
const LETTER_Y = /\p{L}/uy;
const LINK_CHAR_Y = /^[\p{L}\p{N}]/u;
const WORD_CHAR_Y = /^[\p{L}\p{N}\-]/u;
const LEADING_LETTER_RE = /^\p{L}/u;
const DIGIT_Y = /\p{N}/uy;
const PUNCT_Y = /\p{P}/uy;
/** Anything else: one code point (a lone surrogate is one unit) and the marks on it. */
const SYMBOL_Y = /[^]\p{M}*/uy;
const WORD_START_Y = /[\p{L}\p{N}]/uy;
/** Words that begin like an elision but are one word (`c'est-à-dire`). */
const ELIDED_LOOKALIKES = [...APOSTROPHE_WORDS].filter((word) => ELISIONS.has(word.slice(0, word.indexOf("'"))));
const LOOKALIKE_PREFIXES: ReadonlySet<string> = new Set(ELIDED_LOOKALIKES.map((word) => word.slice(0, word.indexOf("'"))));
const FOLLOWING_IL_Y = /ils?(?![\p{L}\p{N}])/iuy;

const APOSTROPHE = new Set([0x27, 0x2019, 0x2bc, 0x2018, 0x60, 0xb4]);
const HYPHEN = new Set([0x2d, 0x2010, 0x2011]);
/** ASCII punctuation; the rest of printable ASCII (#$%&*+<=>@\^`|~) are symbols. */
const ASCII_PUNCT = new Set([...`!"'(),-./:;?[\\]_{}`].map((ch) => ch.charCodeAt(0)));
/** Marks that end a plain word on the fast path (no link, elision or number can follow). */
const PLAIN_STOP = new Set([...`!"(),;?[]{}`].map((ch) => ch.charCodeAt(0)).concat([0xa0, 0xab, 0xbb, 0x2026, 0x202f]));
const EXCLAIM = new Set([0x21, 0x3f, 0x203c, 0x2049]); // ! ? ‼ ⁉
const DOTS = new Set([0x2e, 0x2026]); // . …
/** The sets above as bits of one table (every code in them is below 0x2050): a typed-array read per character, not a hash lookup. */
const [IS_APOSTROPHE, IS_HYPHEN, IS_ASCII_PUNCT, IS_PLAIN_STOP, IS_EXCLAIM, IS_DOT] = [1, 2, 4, 8, 16, 32];
const CHAR_CLASS = new Uint8Array(0x2050);
[APOSTROPHE, HYPHEN, ASCII_PUNCT, PLAIN_STOP, EXCLAIM, DOTS].forEach((set, bit) => {
  for (const c of set) CHAR_CLASS[c] = (CHAR_CLASS[c] as number) | (1 << bit);
});
const charIs = (c: number, flag: number): boolean => c < 0x2050 && ((CHAR_CLASS[c] as number) & flag) !== 0;

// ---------------------------------------------------------------- SMS tables

interface SmsTable {
  forms: Map<string, string>;
  /** {@link shapeOf} each plain a-z form: most words are ruled out without hashing them. */
  shapes: Set<number>;
  /** token text → norm, for word tokens (the hot path). */
  norms: Memo<string>;
}

/** Longer tokens are not memoised: the memo must not pin megabytes of text. */
const MAX_MEMO_LENGTH = 64;
/**
 * Norms memoised per SMS table, per generation (≤ 20,000 words): 90 % of the lookups hit on a growing
 * vocabulary (91 % with 25,000), 97.5 % on the sample texts (bench/README.md § h-textan).
 */
const NORMS_MEMO = 10_000;
const compiledTables = new WeakMap<object, SmsTable>();
const NO_SMS: SmsTable = { forms: new Map(), shapes: new Set(), norms: new Memo(NORMS_MEMO) };

function compileSms(table: Readonly<Record<string, string>>): SmsTable {
  const forms = new Map<string, string>();
  for (const [form, expansion] of Object.entries(table)) {
    if (typeof expansion !== 'string') continue;
    const key = lowerKey(form.trim());
    const value = expansion.trim().split(/\s+/).filter(Boolean).map(foldKey).join(' ');
    if (key !== '' && value !== '') forms.set(key, value);
  }
  const shapes = new Set<number>();
  for (const key of forms.keys()) {
    if (/^[a-z]+$/.test(key)) shapes.add(shapeOf(key.length, key.charCodeAt(0), key.charCodeAt(key.length - 1)));
  }
  return { forms, shapes, norms: new Memo(NORMS_MEMO) };
}

/** Length, first and last letter of an a-z word, as one small integer. */
function shapeOf(length: number, first: number, last: number): number {
  return (Math.min(length, 255) << 16) | (first << 8) | last;
}

function smsTable(options: TokenizeOptions | undefined): SmsTable {
  const sms = options?.sms;
  if (sms === undefined) return NO_SMS;
  if (typeof sms !== 'object' || sms === null) {
    throw expectedError('options.sms to be an object', typeName(sms));
  }
  let table = compiledTables.get(sms);
  if (table === undefined) {
    table = compileSms(sms);
    compiledTables.set(sms, table);
  }
  return table;
}

/** Norm of a word token: SMS form if any (looked up as written, then folded), else the folded key. */
function wordNorm(word: string, sms: SmsTable): string {
  if (word.length > MAX_MEMO_LENGTH) return foldKey(word);
  const cached = sms.norms.get(word);
  if (cached !== undefined) return cached;
  const folded = foldKey(word);
  let norm = folded;
  if (sms.forms.size > 0) {
    const lower = lowerKey(word);
    const expansion = sms.forms.get(lower) ?? sms.forms.get(folded);
    // One-letter forms (c, g) only in lowercase: "vitamine C", "plan B" stay letters.
    if (expansion !== undefined && (lower.length > 1 || word === lower)) norm = expansion;
  }
  sms.norms.set(word, norm);
  return norm;
}

// ---------------------------------------------------------------- tokenizer

/**
 * Splits a French verbatim into tokens with offsets into `text` itself
 * (`text.slice(t.start, t.end) === t.text`, always).
 *
 * Choices worth knowing:
 * - elisions are their own token, apostrophe included (`l'` norm `le`,
 *   `s'` norm `si` before `il`/`ils`); `aujourd'hui`, `quelqu'un`,
 *   `c'est-à-dire` stay whole;
 * - hyphenated compounds stay whole; inverted pronouns split off with their
 *   hyphen (`pouvez` `-vous`, `a` `-t-il`; norms `vous`, `il`);
 * - currency and percent signs are `symbol` tokens of their own (`12,50` `€`,
 *   `15` `%`); units glued to digits stay in the number (`48h`, `10h42`);
 * - letter-led references with three digits or more, or an all-digit part
 *   (`CMD-2024-0042`, `#A-123`), are `number` tokens; `n°123`/`N° 123` too;
 * - whitespace, control and invisible format characters are skipped; any
 *   other character ends up in some token (unknown ones as `symbol`).
 *
 * Never throws for a string; throws a TypeError for anything else.
 */
export function tokenize(text: string, options?: TokenizeOptions): Token[] {
  expectString(text);
  const sms = smsTable(options);
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || (c >= 0x7f && c <= 0xa0)) {
      i++;
    } else if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) i = scanWord(text, i, tokens, sms);
      else if (c >= 0x30 && c <= 0x39) i = scanDigits(text, i, tokens);
      else i = scanAsciiSign(text, i, c, tokens);
    } else {
      i = scanNonAscii(text, i, c, tokens, sms);
    }
  }
  return tokens;
}

function push(tokens: Token[], source: string, start: number, end: number, kind: TokenKind, norm: string): number {
  tokens.push({ text: source.slice(start, end), start, end, kind, norm });
  return end;
}

function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

function scanWord(text: string, s: number, tokens: Token[], sms: SmsTable): number {
  const c = text.charCodeAt(s);
  if (c === 0x6e || c === 0x4e) {
    const next = text.charCodeAt(s + 1);
    if (next === 0xb0 || next === 0xba) {
      const end = matchAt(ORDER_NO_Y, text, s);
      if (end > 0) return push(tokens, text, s, end, 'number', numberNorm(text.slice(s, end)));
    }
  }
  // Fast path for the bulk of French words: Latin letters up to a space or a
  // plain punctuation mark. Anything else (apostrophe, hyphen, digit, dot,
  // @, marks, other scripts) takes the full path below.
  // ASCII words without stretching are their lowercase self unless the SMS
  // table has them: no memo lookup (no string hashing) on the hot path.
  let k = s;
  const n = text.length;
  let ascii = true;
  let lowercase = true;
  let stretched = false;
  let previous = -1;
  let repeats = 0;
  while (k < n) {
    let ch = text.charCodeAt(k);
    if (ch >= 0x61 && ch <= 0x7a) {
      // lowercase ASCII
    } else if (ch >= 0x41 && ch <= 0x5a) {
      lowercase = false;
      ch |= 0x20;
    } else if (isLatinLetter(ch)) {
      ascii = false;
      if (ch < 0xdf || ch === 0x152) lowercase = false;
    } else {
      break;
    }
    if (ch === previous) {
      if (++repeats >= 2) stretched = true;
    } else {
      previous = ch;
      repeats = 0;
    }
    k++;
  }
  const stop = k < n ? text.charCodeAt(k) : 0x20;
  if (!lowercase && k - s >= 6) {
    // Two words glued by a missing space ("déçuTout", "rapideJe"): the first word ends where a
    // capitalised one starts, so a negation or a praise does not run into the next sentence.
    const glue = glueAt(text, s, k);
    if (glue > 0) {
      const word = text.slice(s, glue);
      tokens.push({ text: word, start: s, end: glue, kind: 'word', norm: wordNorm(word, sms) });
      return glue;
    }
  }
  if (k > s && (stop <= 0x20 || charIs(stop, IS_PLAIN_STOP))) {
    const word = text.slice(s, k);
    let norm: string;
    if (ascii && !stretched) {
      norm = lowercase ? word : word.toLowerCase();
      // One-letter SMS forms (c, g) only in lowercase: "vitamine C" stays a letter.
      if ((lowercase || k - s > 1) && sms.shapes.has(shapeOf(k - s, text.charCodeAt(s) | 0x20, previous))) {
        norm = sms.forms.get(norm) ?? norm;
      }
    } else {
      norm = wordNorm(word, sms);
    }
    tokens.push({ text: word, start: s, end: k, kind: 'word', norm });
    return k;
  }

  // Elision, in constant time: `l'l'l'…` must not rescan the rest of the word each time.
  if (charIs(stop, IS_APOSTROPHE) && k - s <= 6 && matchAt(WORD_START_Y, text, k + 1) > 0) {
    const prefix = text.slice(s, k).toLowerCase();
    const full = ELISIONS.get(prefix) ?? (prefix === 'ç' ? 'ce' : undefined);
    if (full !== undefined && !(LOOKALIKE_PREFIXES.has(prefix) && startsWithLookalike(text, s))) {
      const norm = full === 'se' && matchAt(FOLLOWING_IL_Y, text, k + 1) > 0 ? 'si' : full;
      return push(tokens, text, s, k + 1, 'word', norm);
    }
  }

  const e = matchAt(WORD_Y, text, s);
  if (e < 0) return push(tokens, text, s, s + 1, 'symbol', text[s] ?? ''); // unreachable: s is a letter

  const after = e < text.length ? text.charCodeAt(e) : 0;
  if (after === 0x40 || after === 0x2e || after === 0x5f || after === 0x2b || after === 0x25 || after === 0x3a) {
    const linked = scanLinked(text, s, e, tokens);
    if (linked > 0) return linked;
  }

  // One pass over the span: first apostrophe, hyphens, digits.
  let apostrophe = -1;
  let hyphens: number[] | undefined;
  let digits = 0;
  let digitOnlyPart = false;
  let partHasLetter = false;
  let partHasDigit = false;
  for (let k = s; k < e; k++) {
    const ch = text.charCodeAt(k);
    if (ch >= 0x30 && ch <= 0x39) {
      digits++;
      partHasDigit = true;
    } else if (charIs(ch, IS_HYPHEN)) {
      if (partHasDigit && !partHasLetter) digitOnlyPart = true;
      partHasLetter = partHasDigit = false;
      (hyphens ??= []).push(k);
    } else if (charIs(ch, IS_APOSTROPHE)) {
      if (apostrophe < 0) apostrophe = k;
      partHasLetter = partHasDigit = false;
    } else {
      partHasLetter = true;
    }
  }
  if (partHasDigit && !partHasLetter && hyphens !== undefined) digitOnlyPart = true;

  if (apostrophe < 0 && charIs(after, IS_APOSTROPHE) && e - s <= 6) {
    // `l' accueil`: an elision followed by a space keeps its apostrophe.
    const full = ELISIONS.get(foldKey(text.slice(s, e)));
    if (full !== undefined) return push(tokens, text, s, e + 1, 'word', full);
  }

  if (digits >= 3 || digitOnlyPart) return push(tokens, text, s, e, 'number', numberNorm(text.slice(s, e)));

  if (hyphens !== undefined && apostrophe < 0) return splitInvertedPronouns(text, s, e, hyphens, tokens, sms);
  const word = text.slice(s, e);
  tokens.push({ text: word, start: s, end: e, kind: 'word', norm: wordNorm(word, sms) });
  return e;
}

/** a-z, A-Z, Latin-1 letters (é, ç, à…) and œ/Œ: enough for the fast path. */
function isLowerLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7) || c === 0x153;
}

function isUpperLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || c === 0x152;
}

/**
 * Where a second word starts inside the Latin letters [s, k), for words glued
 * without a space: three or more lowercase letters, then a capital followed by
 * a lowercase letter (`déçuTout` → 4, `rapideJe` → 6). Names written in camel case start
 * with a capital (`PayPal`, `McDonald`, `LeBonCoin`) or with one or two
 * lowercase letters (`iPhone`, `eBay`, `myCanal`, `laPoste`) and stay whole.
 * −1 when there is none.
 */
function glueAt(text: string, s: number, k: number): number {
  let i = s;
  while (i < k && isLowerLetter(text.charCodeAt(i))) i += 1;
  if (i - s < 3 || i + 1 >= k || !isUpperLetter(text.charCodeAt(i))) return -1;
  return isLowerLetter(text.charCodeAt(i + 1)) ? i : -1;
}

function isLatinLetter(c: number): boolean {
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x7a) return true;
  return c >= 0xc0 ? (c <= 0xff && c !== 0xd7 && c !== 0xf7) || c === 0x152 || c === 0x153 : false;
}

function startsWithLookalike(text: string, s: number): boolean {
  for (const word of ELIDED_LOOKALIKES) {
    const end = s + word.length;
    if (foldKey(text.slice(s, end)) === word && !WORD_CHAR_Y.test(text[end] ?? '')) return true;
  }
  return false;
}

/** `pouvez-vous` → `pouvez` `-vous`; `a-t-il` → `a` `-t-il`; `donnez-le-moi` → `donnez` `-le` `-moi`. */
function splitInvertedPronouns(
  text: string,
  s: number,
  e: number,
  hyphens: number[],
  tokens: Token[],
  sms: SmsTable,
): number {
  const word = text.slice(s, e);
  if (PRONOUN_LIKE_COMPOUNDS.has(foldKey(word))) return push(tokens, text, s, e, 'word', wordNorm(word, sms));
  let cut = e;
  const pronouns: Array<{ from: number; to: number; norm: string }> = [];
  for (let k = hyphens.length - 1; k >= 0; k--) {
    const h = hyphens[k] as number;
    // Accents kept on purpose: `celle-là` ends in an adverb, not the pronoun `la`.
    const part = text.slice(h + 1, cut).toLowerCase();
    if (!INVERTED_PRONOUNS.has(part)) break;
    let from = h;
    if (k >= 1 && EUPHONIC_T_PRONOUNS.has(part) && hyphens[k - 1] === h - 2 && (text.charCodeAt(h - 1) | 0x20) === 0x74) {
      from = h - 2;
      k--;
    }
    pronouns.push({ from, to: cut, norm: foldKey(part) });
    cut = from;
  }
  if (pronouns.length === 0) return push(tokens, text, s, e, 'word', wordNorm(word, sms));
  push(tokens, text, s, cut, 'word', wordNorm(text.slice(s, cut), sms));
  for (let k = pronouns.length - 1; k >= 0; k--) {
    const p = pronouns[k] as { from: number; to: number; norm: string };
    push(tokens, text, p.from, p.to, 'word', p.norm);
  }
  return e;
}

/** Emails, URLs and bare domains that start like a word (`jean.dupont@…`, `www.…`, `site.fr`). */
function scanLinked(text: string, s: number, e: number, tokens: Token[]): number {
  const after = text.charCodeAt(e);
  // Cheap refusals first: most words before a dot or colon end a sentence or a label.
  if (after === 0x2e && !LINK_CHAR_Y.test(text[e + 1] ?? '')) return -1;
  if (after === 0x3a && !text.startsWith('//', e + 1)) return -1;
  if (after === 0x3a) {
    const end = matchAt(URL_Y, text, s);
    return end > 0 ? pushUrl(text, s, end, tokens) : -1;
  }
  let end = matchAt(EMAIL_Y, text, s);
  if (end > 0) return push(tokens, text, s, end, 'email', text.slice(s, end).toLowerCase());
  if (after !== 0x2e) return -1;
  end = matchAt(URL_Y, text, s);
  if (end < 0) end = matchAt(DOMAIN_Y, text, s);
  return end > 0 ? pushUrl(text, s, end, tokens) : -1;
}

/** Trailing punctuation belongs to the sentence, not the URL ("voir www.site.fr."). */
function pushUrl(text: string, s: number, end: number, tokens: Token[]): number {
  let e = end;
  while (e > s + 1 && `.,;:!?)]}'’»"`.includes(text[e - 1] as string)) {
    if (text[e - 1] === ')' && text.lastIndexOf('(', e - 1) >= s) break;
    e--;
  }
  return push(tokens, text, s, e, 'url', text.slice(s, e).toLowerCase());
}

function scanDigits(text: string, s: number, tokens: Token[]): number {
  const next = s + 1 < text.length ? text.charCodeAt(s + 1) : 0;
  if (next === 0xfe0f || next === 0x20e3) {
    const end = matchAt(EMOJI_Y, text, s);
    if (end > 0) return push(tokens, text, s, end, 'emoji', emojiNorm(text.slice(s, end)));
  }
  if (text.charCodeAt(s) === 0x30) {
    const end = matchAt(PHONE_FR_Y, text, s);
    if (end > 0) return push(tokens, text, s, end, 'phone', phoneNorm(text.slice(s, end)));
  }
  let end = matchAt(THOUSANDS_Y, text, s);
  if (end < 0) end = matchAt(NUMBER_Y, text, s);
  const after = end < text.length ? text.charCodeAt(end) : 0;
  if (after === 0x40 || after === 0x2e || after === 0x5f || after === 0x2d) {
    const linked = scanLinked(text, s, end, tokens);
    if (linked > 0) return linked;
  }
  return push(tokens, text, s, end, 'number', numberNorm(text.slice(s, end)));
}

function scanAsciiSign(text: string, s: number, c: number, tokens: Token[]): number {
  switch (c) {
    case 0x40: {
      const end = matchAt(MENTION_Y, text, s); // @
      if (end > 0) return push(tokens, text, s, end, 'mention', foldKey(text.slice(s, end)));
      break;
    }
    case 0x23: // #
    case 0x2a: {
      // *
      const next = text.charCodeAt(s + 1);
      if (next === 0xfe0f || next === 0x20e3) {
        const end = matchAt(EMOJI_Y, text, s);
        if (end > 0) return push(tokens, text, s, end, 'emoji', emojiNorm(text.slice(s, end)));
      }
      if (c === 0x2a) break;
      const end = matchAt(HASH_Y, text, s);
      if (end > 0) {
        const tag = text.slice(s, end);
        // A hashtag starts with a letter and has no hyphen; `#123`, `#A-123` are references.
        const isTag = LEADING_LETTER_RE.test(tag.slice(1)) && !tag.includes('-');
        return push(tokens, text, s, end, isTag ? 'hashtag' : 'number', foldKey(tag));
      }
      break;
    }
    case 0x2b: {
      const end = matchAt(PHONE_INTL_Y, text, s); // +
      if (end > 0) return push(tokens, text, s, end, 'phone', phoneNorm(text.slice(s, end)));
      break;
    }
    case 0x3a: // :
    case 0x3b: // ;
    case 0x3d: // =
    case 0x3c: // <
    case 0x5e: {
      // ^
      const end = matchAt(EMOTICON_Y, text, s);
      if (end > 0) return push(tokens, text, s, end, 'emoji', text.slice(s, end));
      break;
    }
  }
  if (charIs(c, IS_ASCII_PUNCT)) return punctRun(text, s, c, tokens);
  return push(tokens, text, s, s + 1, 'symbol', text[s] as string);
}

function scanNonAscii(text: string, s: number, c: number, tokens: Token[], sms: SmsTable): number {
  const skipped = matchAt(SKIP_Y, text, s);
  if (skipped > 0) return skipped;
  if (matchAt(LETTER_Y, text, s) > 0) return scanWord(text, s, tokens, sms);
  if (!charIs(c, IS_EXCLAIM)) {
    const end = matchAt(EMOJI_Y, text, s);
    if (end > 0) return push(tokens, text, s, end, 'emoji', emojiNorm(text.slice(s, end)));
  }
  if (matchAt(DIGIT_Y, text, s) > 0) {
    const end = matchAt(OTHER_DIGITS_Y, text, s);
    return push(tokens, text, s, end, 'number', foldKey(text.slice(s, end)));
  }
  if (matchAt(PUNCT_Y, text, s) > 0) return punctRun(text, s, c, tokens);
  const end = matchAt(SYMBOL_Y, text, s);
  return push(tokens, text, s, end > s ? end : s + 1, 'symbol', text.slice(s, end > s ? end : s + 1));
}

/** `!!!`, `?!`, `...`, `…` and runs of one punctuation mark are one token. */
function punctRun(text: string, s: number, c: number, tokens: Token[]): number {
  let e = s + 1;
  const n = text.length;
  if (c >= 0xd800 && c <= 0xdbff) {
    if (e < n) e++;
  } else if (charIs(c, IS_EXCLAIM)) {
    while (e < n && charIs(text.charCodeAt(e), IS_EXCLAIM)) e++;
  } else if (charIs(c, IS_DOT)) {
    while (e < n && charIs(text.charCodeAt(e), IS_DOT)) e++;
  } else {
    while (e < n && text.charCodeAt(e) === c) e++;
  }
  const mark = text.slice(s, e);
  // ASCII marks are their own key except the backtick; `…` and `...` share a key.
  const norm = c < 0x80 && c !== 0x60 ? mark : normalize(mark).replace(/…/g, '...');
  tokens.push({ text: mark, start: s, end: e, kind: 'punct', norm });
  return e;
}

const PLAIN_NUMBER_RE = /^[0-9.,:/-]*$/;

function numberNorm(raw: string): string {
  if (PLAIN_NUMBER_RE.test(raw)) return raw;
  return foldKey(raw.replace(/[\s\u00A0\u202F]/g, '').replace(/º/g, '°'));
}

function phoneNorm(raw: string): string {
  return raw.replace(/\(0\)/, '').replace(/[^\d+]/g, '');
}

function emojiNorm(raw: string): string {
  return raw.replace(/\uFE0F/g, '');
}
