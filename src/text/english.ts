import { countWords, WORD_KINDS } from './counts.js';
import { foldKey } from './fold.js';
import { expectString } from './guard.js';
import { Memo } from './memo.js';
import { tokenize } from './tokenize.js';

/** Words of an English verbatim, from {@link englishWords}. */
export interface EnglishWords {
  /** Lowercase words, contractions expanded (`can't` → `can`, `not`), punctuation dropped. */
  words: string[];
  /** Words as written (`can't` counts once), comparable to `countWords` for French. */
  count: number;
}

/** No lemma table: words keyed as written (lowercase, contractions expanded). */
const NO_FORMS: EnglishForms = { forms: {}, nounForms: {} };

/**
 * Words of a verbatim already detected as English (`detectLanguage` → `eng`),
 * from `tokenize`: lowercase, `n't`, `'re`, `'ll`, `'m`, `'ve`, `'d` (would) and `let's`
 * expanded (`can't` → `can`, `not`), spelled-out contractions too (`dont` →
 * `do`, `not`), a possessive or `it's` read as its first word (`customer's`
 * → `customer`, `it's` → `it`, `be`), accents folded; numbers, URLs, e-mails,
 * `@mentions` and `#hashtags` count as words, as in `countWords`. No lemmas (see
 * `englishLemmas` for those). Async for compatibility with earlier versions,
 * which loaded a tagger.
 */
export async function englishWords(text: string): Promise<EnglishWords> {
  expectString(text);
  const tokens = tokenize(text, { sms: {} });
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'word') for (const k of englishWordKeys(token.text, NO_FORMS)) words.push(k.key);
    else if (WORD_KINDS.has(token.kind)) words.push(token.text.toLowerCase());
  }
  return { words, count: countWords(tokens) };
}

// ---------------------------------------------------------------- lemma keys
//
// English words are keyed by a table compiled at build time
// (src/data/en-forms.generated.ts, from compromise's tagger and conjugations:
// scripts/build-en-forms.mjs): written form → lemma key, for every form whose
// lemma the English lexicons can match. Contractions and compounds are split
// here first. Text and lexicon terms go through the same keying, so they meet
// whatever the table says; a form not in the table is its own key.

/** One word of an English text as the English layer keys it (see {@link englishLemmas}). */
export interface EnglishLemma {
  /** Lowercase key: infinitive for verbs (`arrived` → `arrive`), singular for nouns, `be` for every form of "to be", `not` for `n't`. */
  key: string;
  /** Offset of the word in the text; an expanded contraction's second word (`not` of `didn't`) sits at the end of the written word, with length 0. */
  start: number;
  length: number;
}

/**
 * The build-time table English words are keyed by (src/data/en-forms.generated.ts,
 * handed in by the lexicon room): lemma key → its written forms, space-separated.
 */
export interface EnglishForms {
  /** Key → the forms keyed to it; a form not listed is its own key. */
  readonly forms: Readonly<Record<string, string>>;
  /** Key → the forms keyed to it right after a determiner instead ("the cleaning" keeps `cleaning`). */
  readonly nounForms: Readonly<Record<string, string>>;
}

/** A table unpacked for lookups, with the memos of the words keyed by it. */
interface Keyer {
  readonly forms: ReadonlyMap<string, string>;
  readonly nounForms: ReadonlyMap<string, string>;
  readonly memo: Memo<readonly WordKey[]>;
  readonly nounMemo: Memo<readonly WordKey[]>;
}

// Per table object, so two analysers with the same table share the unpacking and no table is global.
const keyers = new WeakMap<EnglishForms, Keyer>();

function unpack(table: Readonly<Record<string, string>>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, list] of Object.entries(table)) for (const form of list.split(' ')) map.set(form, key);
  return map;
}

function keyerOf(table: EnglishForms): Keyer {
  let keyer = keyers.get(table);
  if (keyer === undefined) {
    keyer = { forms: unpack(table.forms), nounForms: unpack(table.nounForms), memo: new Memo(10_000), nounMemo: new Memo(2_000) };
    keyers.set(table, keyer);
  }
  return keyer;
}

/** Words after which a form reads as a noun or adjective ("my booking", "a damaged box"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'my', 'your', 'his', 'her', 'its', 'our', 'their', 'no', 'any', 'some', 'every', 'each', 'another', 'whose', 'such']);

/** Whether a word written after `previous` (a token's text, or undefined at a start) reads as a noun: after a determiner, a number or a symbol ("120 € cleaning fee"). */
export function nounContext(previous: { kind: string; text: string } | undefined): boolean {
  if (previous === undefined) return false;
  if (previous.kind === 'number' || previous.kind === 'symbol') return true;
  return previous.kind === 'word' && DETERMINERS.has(previous.text.length <= 7 ? previous.text.toLowerCase() : '');
}

/** Contractions and run-together forms written without an apostrophe, as the words they stand for. */
const SPELLED: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    cannot: 'can not',
    cant: 'can not',
    dont: 'do not',
    doesnt: 'does not',
    didnt: 'did not',
    isnt: 'is not',
    arent: 'are not',
    wasnt: 'was not',
    werent: 'were not',
    havent: 'have not',
    hasnt: 'has not',
    hadnt: 'had not',
    couldnt: 'could not',
    wouldnt: 'would not',
    shouldnt: 'should not',
    mustnt: 'must not',
    wont: 'will not',
    aint: 'is not',
    im: 'i am',
    ive: 'i have',
    youre: 'you are',
    theyre: 'they are',
    thats: 'that is',
    whats: 'what is',
    theres: 'there is',
    gonna: 'going to',
    wanna: 'want to',
    gotta: 'got to',
    dunno: 'do not know',
    gimme: 'give me',
    outta: 'out of',
    alot: 'a lot',
  }).map(([form, words]) => [form, words.split(' ')]),
);

/** The verb before `n't` where it is not written whole. */
const NOT_BASE: ReadonlyMap<string, string> = new Map([
  ['ca', 'can'],
  ['wo', 'will'],
  ['sha', 'shall'],
  ['ai', 'is'],
]);
/** `'s` after these is "is"; after other words it marks a possessive (`customer's` → customer). */
const S_IS = new Set(['it', 'he', 'she', 'that', 'this', 'there', 'here', 'what', 'where', 'who', 'how', 'when', 'why', 'everything', 'everyone', 'everybody', 'something', 'someone', 'somebody', 'nothing', 'anything', 'anyone']);
const SUFFIX_WORDS: Readonly<Record<string, string>> = { re: 'are', ll: 'will', ve: 'have', m: 'am', d: 'would' };
/** Compounds kept whole ("e-mails" → email, "re-delivered", "multi-word"): a one-letter or prefix first part, or a suffix-like last part. */
const HYPHEN_PREFIXES = new Set(['anti', 'bi', 'co', 'counter', 'de', 'dis', 'ex', 'extra', 'inter', 'intra', 'macro', 'micro', 'mis', 'mono', 'multi', 'out', 'over', 'post', 'pre', 'pro', 'pseudo', 're', 'semi', 'sub', 'super', 'trans', 'tri', 'un', 'under']);
const HYPHEN_SUFFIXES = new Set(['able', 'ish', 'less', 'like', 'type']);

const CONTRACTION = /^(.+?)(?:(n['’ʼ‘`´]t)|['’ʼ‘`´](re|ll|ve|m|d|s))$/iu;
const TRAILING_APOSTROPHE = /['’ʼ‘`´]+$/u;
const HYPHEN = /[-\u2010\u2011]/u;
const PLAIN = /^[a-z]+$/;

/** A key with its offset in the written word (relative), before it is placed in a text. */
interface WordKey {
  key: string;
  start: number;
  length: number;
}

/**
 * Lemma keys of one written word (a `word` token): `arrived` → arrive,
 * `didn't` → do + not, `customer's` → customer, `follow-up` → follow + up;
 * with `noun` (after a determiner, see {@link nounContext}) a form that then
 * reads as a noun or adjective keeps it (`cleaning`, `damaged`).
 * Offsets relative to the word; see {@link EnglishLemma}.
 */
export function englishWordKeys(word: string, table: EnglishForms, noun = false): readonly WordKey[] {
  const keyer = keyerOf(table);
  const memo = noun ? keyer.nounMemo : keyer.memo;
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const out: WordKey[] = [];
  keyWord(word, 0, out, keyer, noun);
  if (word.length <= 64) memo.set(word, out);
  return out;
}

function keyWord(word: string, at: number, out: WordKey[], keyer: Keyer, noun = false): void {
  const c = CONTRACTION.exec(word);
  if (c !== null) {
    const base = c[1] as string;
    const lower = foldKey(base);
    const end = at + word.length;
    if (c[2] !== undefined) {
      const whole = NOT_BASE.get(lower);
      keyWord(whole ?? base, at, out, keyer);
      if (whole !== undefined) (out[out.length - 1] as WordKey).length = base.length;
      out.push({ key: 'not', start: end, length: 0 });
      return;
    }
    const suffix = (c[3] as string).toLowerCase();
    if (suffix === 's') {
      if (lower === 'let') {
        out.push({ key: 'let', start: at, length: base.length }, { key: 'us', start: end, length: 0 });
        return;
      }
      keyWord(base, at, out, keyer);
      if (S_IS.has(lower)) out.push({ key: 'be', start: end, length: 0 });
      return;
    }
    keyWord(base, at, out, keyer);
    out.push({ key: keyOfPlain(SUFFIX_WORDS[suffix] as string, keyer), start: end, length: 0 });
    return;
  }
  const bare = word.replace(TRAILING_APOSTROPHE, '');
  const key = foldKey(bare);
  if (key === '') return;
  if (PLAIN.test(key)) {
    const spelled = SPELLED.get(key);
    if (spelled === undefined) out.push({ key: (noun ? keyer.nounForms.get(key) : undefined) ?? keyOfPlain(key, keyer), start: at, length: bare.length });
    else spelled.forEach((w, i) => out.push({ key: keyOfPlain(w, keyer), start: i === 0 ? at : at + bare.length, length: i === 0 ? bare.length : 0 }));
    return;
  }
  if (HYPHEN.test(bare)) {
    const parts = key.split('-');
    const first = parts[0] as string;
    const last = parts[parts.length - 1] as string;
    if (parts.every((p) => p !== '') && !(first.length === 1 || HYPHEN_PREFIXES.has(first) || HYPHEN_SUFFIXES.has(last))) {
      let from = at;
      for (const written of bare.split(HYPHEN)) {
        keyWord(written, from, out, keyer);
        from += written.length + 1;
      }
      return;
    }
    // Kept whole: the joined word's key when it has one ("e-mails" → email), else as written.
    const joined = keyer.forms.get(parts.join(''));
    out.push({ key: joined ?? key, start: at, length: bare.length });
    return;
  }
  out.push({ key: keyOfPlain(key, keyer), start: at, length: bare.length });
}

function keyOfPlain(word: string, keyer: Keyer): string {
  return keyer.forms.get(word) ?? word;
}

/**
 * Lemmas of a text already detected as English (`detectLanguage` → `eng`), as
 * the English layer keys its words: verbs in the infinitive, nouns in the
 * singular, every form of "to be" as `be`, contractions expanded (`didn't` →
 * `do`, `not`; `can't` → `can`, `not`). Words come from `tokenize`; keys from
 * a table compiled at build time, so this is synchronous and needs nothing
 * loaded. A word the table does not list is its own key (lowercase, folded).
 */
export function englishLemmas(text: string, table: EnglishForms): EnglishLemma[] {
  expectString(text);
  const out: EnglishLemma[] = [];
  const tokens = tokenize(text, { sms: {} });
  tokens.forEach((token, i) => {
    if (token.kind !== 'word') return;
    for (const k of englishWordKeys(token.text, table, nounContext(tokens[i - 1]))) out.push({ key: k.key, start: token.start + k.start, length: k.length });
  });
  return out;
}

const GAP_SPLIT = /( \{\d{1,3},\d{1,3}\} )/;
const SPECIAL_WORD = /[*:{}]/u;
const HAS_LETTER = /\p{L}/u;

/**
 * A phrase keyed as an English text is (see {@link englishLemmas}), words
 * joined by spaces: `stopped working` → `stop work`, `didn't` → `do not`.
 * Globs (`refund*`), `stem:` words and gaps are kept as written. `noun`: the
 * phrase starts right after a determiner (see {@link nounContext}).
 */
export function englishPhraseKey(phrase: string, table: EnglishForms, noun = false): string {
  const out: string[] = [];
  let previous: { kind: string; text: string } | undefined = noun ? { kind: 'word', text: 'the' } : undefined;
  for (const word of phrase.trim().split(/\s+/)) {
    if (word === '') continue;
    if (SPECIAL_WORD.test(word) || !HAS_LETTER.test(word)) {
      out.push(word);
      previous = { kind: 'word', text: word };
      continue;
    }
    for (const token of tokenize(word, { sms: {} })) {
      if (token.kind === 'word') for (const k of englishWordKeys(token.text, table, nounContext(previous))) out.push(k.key);
      else out.push(token.text);
      previous = token;
    }
  }
  return out.join(' ');
}

/**
 * A lexicon term whose alternatives also stand in key form
 * (`stopped working` → `stopped working|stop work`), so that English lexicons
 * may be written in the forms customers use and still match the keys of the
 * text ("stops working", "has stopped working"). Gaps are kept.
 */
export function lemmatizeTerm(term: string, table: EnglishForms): string {
  return term
    .trim()
    .split(/\s+/)
    .join(' ')
    .split(GAP_SPLIT)
    .map((segment) => {
      if (segment.startsWith(' {')) return segment;
      const alternatives = new Set<string>();
      // A segment may follow a determiner in the text or not: both readings of its first word.
      for (const p of segment.split('|')) {
        alternatives.add(p);
        for (const keyed of [englishPhraseKey(p, table), englishPhraseKey(p, table, true)]) if (keyed !== '') alternatives.add(keyed);
      }
      return [...alternatives].join('|');
    })
    .join('');
}
