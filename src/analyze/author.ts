// Brand and agent messages in review and social exports: the brand's own
// posts and replies ("Bonjour Marc, nous sommes désolés… envoyez-nous un MP",
// auto-replies, "^JD" signatures) are not the voice of the customer.
import { charFold, foldText } from '../text/fold.js';

/** A Twitter-style agent signature closing the text: "^JD", "^Marc". */
const CARET_SIGNATURE = /(?:^|\s)\^[\p{Lu}][\p{L}]{0,11}\s*$/u;

/** Phrases only a brand writes: one is enough ("envoyez-nous un MP"). */
const STRONG = [
  /\b(envoyez|ecrivez|adressez)[- ]nous (un |en |par )?(mp|dm|message prive|message)\b/,
  /\b(nous|notre equipe) (revenons|reviendrons) vers vous\b/,
  /\bnous vous invitons a (nous contacter|contacter notre|nous ecrire|nous envoyer|vous rapprocher)\b/,
  /\bvotre satisfaction (est|reste) notre priorite\b/,
  /\b(cordialement|bien a vous|belle journee)[ ,.!]+(l'|le |la )?(equipe|service client|service clients|community manager)\b/,
];

/** Phrases a brand's reply is made of: two are needed (a customer may write one). */
const MEDIUM = [
  /\bnous (sommes|sommes vraiment|sommes sincerement) (desoles|navres|confus)\b/,
  /\bnous (vous prions de nous excuser|nous excusons|regrettons|comprenons votre)\b/,
  /\b(nous vous remercions|merci) (pour|de) (votre|ce) (avis|retour|commentaire|message|note|temoignage|partage)\b/,
  /\bn'hesitez pas a (nous|revenir vers nous|contacter notre|vous rapprocher)\b/,
  /\bnous restons a votre (disposition|ecoute)\b/,
  /\bau plaisir de vous (revoir|accueillir|retrouver|servir)\b/,
  /\b(nos equipes|notre service client|notre service clients|nos conseillers|notre equipe)\b/,
  /\bnous (avons transmis|transmettons|allons transmettre|faisons le necessaire|allons faire le necessaire)\b/,
  /\bnous (vous souhaitons|esperons vous revoir|esperons que)\b/,
  /^(bonjour|bonsoir|hello) [a-z][a-z-]+ ?[,!]/,
  /\b(en|par) (mp|dm|message prive)\b/,
];

/**
 * Words that each STRONG and MEDIUM pattern contains once folded, the
 * rarest its matches allow ("vers vous" would do for the second STRONG one,
 * "revenons vers" is rarer); keep in step with them. MEDIUM's greeting
 * opens the text: GREETINGS, read at its start only. Words common in
 * customers' own texts ("vous", "merci", "bonjour") opened the gate of one
 * text in three, and each was folded for nothing.
 */
const ANCHOR_WORDS = (
  // STRONG
  'ez-nous|ez nous|revenons vers|reviendrons vers|vous invitons|notre priorite|equipe|service client|community manager|' +
  // MEDIUM
  'desoles|navres|confus|vous prions|nous excusons|nous regrettons|nous comprenons|' +
  'votre avis|votre retour|votre commentaire|votre message|votre note|votre temoignage|votre partage|' +
  'ce avis|ce retour|ce commentaire|ce message|ce note|ce temoignage|ce partage|' +
  'hesitez pas|restons a votre|plaisir de vous|nos conseillers|nous avons transmis|nous transmettons|allons transmettre|le necessaire|' +
  'vous souhaitons|nous esperons|en mp|en dm|en message prive|par mp|par dm|par message prive'
).split('|');

/** The words MEDIUM's greeting opens a text with. */
const GREETINGS = ['bonjour', 'bonsoir', 'hello'];

/** Any ANCHOR_WORDS word, or a greeting opening the text and a word after it: a necessary condition of every STRONG and MEDIUM match. */
const ANCHOR = new RegExp(`${ANCHOR_WORDS.join('|')}|^(?:${GREETINGS.join('|')}) [a-z]`);

// The gate reads the raw text as foldText writes it, a stream of symbols: a-z (1-26), a space for any
// run of whitespace, OTHER for any other character; invisible characters and combining accents fold
// to nothing, a character folding to several (`œ` → o e) gives several symbols, and a symbol
// repeating the one before is read once.
const SKIP = 0;
const SPACE = 27;
const OTHER = 28;
const SYMBOLS = 29;
/** A character foldText does not read alone (other scripts, compatibility letters): the gate says maybe. */
const UNSURE = 30;
/** A character folding to several symbols, listed in `sequences`. */
const SEVERAL = 31;
let latinSymbols: Int8Array | undefined;
const otherSymbols = new Map<number, number>();
const sequences = new Map<number, readonly number[]>();

function symbolOfChar(ch: string): number {
  if (ch === ' ') return SPACE;
  const c = ch.charCodeAt(0);
  return c >= 0x61 && c <= 0x7a ? c - 0x60 : OTHER;
}

/** The symbol of a code point, given its fold (charFold); SEVERAL after listing its symbols. */
function symbolOf(point: number, fold: string | undefined): number {
  if (fold === undefined) return UNSURE;
  const chars = [...fold];
  if (chars.length === 0) return SKIP;
  if (chars.length === 1) return symbolOfChar(fold);
  sequences.set(point, chars.map(symbolOfChar));
  return SEVERAL;
}

/** The anchor words as an Aho–Corasick automaton over the symbols: next state by state × symbol, and accepting states. */
interface Automaton {
  next: Int16Array;
  accepts: Uint8Array;
}
let automaton: Automaton | undefined;

/** A word as the stream reads it: its symbols, a letter repeating the one before read once ("hello" → h e l o). */
function symbolsOf(word: string): number[] {
  return [...word].map(symbolOfChar).filter((s, i, all) => s !== all[i - 1]);
}

function anchorAutomaton(): Automaton {
  if (automaton !== undefined) return automaton;
  const words = ANCHOR_WORDS.map(symbolsOf);
  const goto: number[][] = [new Array<number>(SYMBOLS).fill(-1)];
  const accepts: number[] = [0];
  for (const word of words) {
    let state = 0;
    for (const symbol of word) {
      let to = goto[state]?.[symbol] ?? -1;
      if (to < 0) {
        to = goto.length;
        goto.push(new Array<number>(SYMBOLS).fill(-1));
        accepts.push(0);
        (goto[state] as number[])[symbol] = to;
      }
      state = to;
    }
    accepts[state] = 1;
  }
  // Breadth first: each state's missing moves are its failure state's.
  const next = new Int16Array(goto.length * SYMBOLS);
  const fail = new Array<number>(goto.length).fill(0);
  const queue: number[] = [];
  for (let symbol = 0; symbol < SYMBOLS; symbol += 1) {
    const to = goto[0]?.[symbol] ?? -1;
    next[symbol] = to < 0 ? 0 : to;
    if (to > 0) queue.push(to);
  }
  while (queue.length > 0) {
    const state = queue.shift() as number;
    if (accepts[fail[state] as number] === 1) accepts[state] = 1;
    for (let symbol = 0; symbol < SYMBOLS; symbol += 1) {
      const to = goto[state]?.[symbol] ?? -1;
      if (to < 0) next[state * SYMBOLS + symbol] = next[(fail[state] as number) * SYMBOLS + symbol] as number;
      else {
        fail[to] = next[(fail[state] as number) * SYMBOLS + symbol] as number;
        next[state * SYMBOLS + symbol] = to;
        queue.push(to);
      }
    }
  }
  automaton = { next, accepts: Uint8Array.from(accepts) };
  return automaton;
}

/**
 * Whether ANCHOR may match the folded text, read on the raw text without
 * folding it: false only when it cannot. The stream of symbols above is the
 * folded text with every run of one letter read once, and an anchor word in
 * the folded text is, with its runs read once, in that stream; a character
 * foldText does not read alone, or that folds to several letters (`œ`),
 * answers true. Property-tested against ANCHOR on foldText (test/analyze/author.test.ts).
 * @internal exported for the tests
 */
export function mayHaveAnchor(text: string): boolean {
  const { next, accepts } = anchorAutomaton();
  const latin = latinTable();
  let state = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    let point = c;
    let symbol: number;
    if (c < 0x250) symbol = latin[c] as number;
    else {
      point = pointAt(text, i);
      if (point < 0) return true; // a lone surrogate: foldText reads the text by word
      if (point > 0xffff) i += 1;
      symbol = otherSymbol(point);
    }
    if (symbol === SKIP || symbol === previous) continue;
    if (symbol === UNSURE) return true;
    if (symbol === SEVERAL) {
      for (const s of sequences.get(point) as readonly number[]) {
        if (s === previous) continue;
        previous = s;
        state = next[state * SYMBOLS + s] as number;
        if (accepts[state] === 1) return true;
      }
      continue;
    }
    previous = symbol;
    state = next[state * SYMBOLS + symbol] as number;
    if (accepts[state] === 1) return true;
  }
  return false;
}

/** The code point at `i`, a surrogate pair read whole; -1 for a high surrogate alone. */
function pointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return c;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000 : -1;
}

/** The symbols of the code points below U+0250, made on first use. */
function latinTable(): Int8Array {
  if (latinSymbols === undefined) {
    latinSymbols = new Int8Array(0x250);
    for (let c = 0; c < 0x250; c += 1) latinSymbols[c] = symbolOf(c, charFold(c));
  }
  return latinSymbols;
}

/** The symbol of a code point from U+0250 on. */
function otherSymbol(point: number): number {
  let known = otherSymbols.get(point);
  if (known === undefined) {
    known = symbolOf(point, charFold(point));
    // Sequences are kept whatever the size: only the few thousand code points foldText reads alone have one.
    if (otherSymbols.size < 10_000) otherSymbols.set(point, known);
  }
  return known;
}

/** GREETINGS as the stream reads them (doubled letters once). */
let greetingSymbols: ReadonlyArray<readonly number[]> | undefined;

/**
 * Whether the folded text may open with a greeting of GREETINGS and a space
 * then a letter (MEDIUM's greeting, "bonjour marc,"), read on the raw text as
 * mayHaveAnchor reads it: its first symbols (what folds to nothing skipped; a
 * space first is no greeting, foldText keeps one) spell one, or a character
 * it cannot tell comes first. Property-tested with
 * mayHaveAnchor against ANCHOR on foldText.
 * @internal exported for the tests
 */
export function mayOpenWithGreeting(text: string): boolean {
  greetingSymbols ??= GREETINGS.map(symbolsOf);
  const latin = latinTable();
  let read = 0;
  let previous = -1;
  let candidates = greetingSymbols;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    let symbol: number;
    if (c < 0x250) symbol = latin[c] as number;
    else {
      const point = pointAt(text, i);
      if (point < 0) return true; // a lone surrogate, as mayHaveAnchor reads it
      if (point > 0xffff) i += 1;
      symbol = otherSymbol(point);
    }
    if (symbol === SKIP || symbol === previous) continue;
    if (symbol === UNSURE || symbol === SEVERAL) return true;
    previous = symbol;
    candidates = candidates.filter((word) => word[read] === symbol);
    read += 1;
    if (candidates.length === 0) return false;
    if (candidates.some((word) => word.length === read)) return spaceThenLetter(text, i + 1, latin, symbol);
  }
  return false;
}

/** After the greeting, what MEDIUM's greeting needs next once folded, a space then a letter: read as the stream reads it, from `from`. */
function spaceThenLetter(text: string, from: number, latin: Int8Array, last: number): boolean {
  let spaced = false;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // Beyond the latin table (other scripts, surrogates): not told here.
    if (c >= 0x250) return true;
    const symbol = latin[c] as number;
    if (symbol === SKIP || (!spaced && symbol === last)) continue;
    if (symbol === UNSURE || symbol === SEVERAL) return true;
    if (symbol === SPACE) spaced = true;
    // A letter repeating the greeting's last one is read with it ("bonjourr"), a space once ("bonjour   marc").
    else if (symbol !== OTHER) return spaced;
    else return false;
  }
  return false;
}

/** @internal ANCHOR, the patterns and the caret signature, for the tests */
export { ANCHOR as ANCHOR_RE, STRONG as STRONG_PATTERNS, MEDIUM as MEDIUM_PATTERNS, CARET_SIGNATURE as CARET_SIGNATURE_RE };

/**
 * Whether a text reads as a brand's or an agent's message rather than a
 * customer's: a caret signature or a brand-only phrase, or two reply phrases.
 */
export function isBrandMessage(text: string): boolean {
  if (text.includes('^') && CARET_SIGNATURE.test(text.trimEnd())) return true;
  // Every STRONG and MEDIUM match holds an ANCHOR word or opens with a greeting: most customer texts stop here, unfolded.
  if (!mayHaveAnchor(text) && !mayOpenWithGreeting(text)) return false;
  // foldKey unifies ’ ‘ ` as ' too.
  const folded = foldText(text);
  return ANCHOR.test(folded) && brandPhrasesIn(folded);
}

/**
 * A brand-only phrase, or two reply phrases, in the folded text: what
 * isBrandMessage decides once its gates are passed.
 * @internal exported for the tests
 */
export function brandPhrasesIn(folded: string): boolean {
  if (STRONG.some((re) => re.test(folded))) return true;
  let found = 0;
  for (const re of MEDIUM) if (re.test(folded) && ++found >= 2) return true;
  return false;
}
