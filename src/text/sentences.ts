import type { Token } from '../types.js';
import { ABBREVIATIONS } from './french.js';
import { expectString } from './guard.js';
import { tokenize } from './tokenize.js';

/** One sentence, with offsets into the original text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// Titles are followed by a capitalised name, so their period never ends a sentence.
const TITLES: ReadonlySet<string> = new Set(['m', 'mm', 'mme', 'mmes', 'mlle', 'mlles', 'mr', 'mrs', 'dr', 'pr', 'me', 'st', 'ste']);
// Marks that close a quote or bracket: these whatever the spacing (French
// typography puts a space before »), straight quotes only when glued.
const CLOSERS: ReadonlySet<string> = new Set(['»', '”', '›', ')', ']', '}']);
const GLUED_CLOSERS: ReadonlySet<string> = new Set(['"', "'", '’']);
const LOWER_START_RE = /^\p{Ll}/u;
const UPPER_START_RE = /^\p{Lu}/u;
const SINGLE_UPPER_RE = /^\p{Lu}$/u;
const NO_SMS = Object.freeze({});

/**
 * Splits a verbatim into sentences. Boundaries: `.`, `!`, `?` (and runs like
 * `?!`, `!!!`), an ellipsis followed by a capital letter or the end (`bon...
 * mais` stays one sentence), and every line break (chat turns, letter lines).
 * Not boundaries: the period of an abbreviation (`M.`, `Mme.`, `Dr.`, `cf.`,
 * `p.ex.`, `etc.` unless a capital follows), of an initial (`J. Dupont`),
 * decimal points (`12.50`), dots inside emails, URLs and references.
 * Closing quotes and brackets after the final mark stay in the sentence; a
 * quoted sentence followed by lowercase (`il a dit « non ! » et…`) does not end one.
 */
export function sentences(text: string): Sentence[] {
  expectString(text);
  const tokens = tokenize(text, { sms: NO_SMS });
  const out: Sentence[] = [];
  let first = -1;
  const close = (last: number): void => {
    const a = tokens[first] as Token;
    const b = tokens[last] as Token;
    out.push({ text: text.slice(a.start, b.end), start: a.start, end: b.end });
    first = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (first >= 0 && hasLineBreak(text, (tokens[i - 1] as Token).end, token.start)) close(i - 1);
    if (first < 0) first = i;
    if (token.kind !== 'punct' || !endsSentence(tokens, i)) continue;
    let last = i;
    while (last + 1 < tokens.length) {
      const next = tokens[last + 1] as Token;
      const previousEnd = (tokens[last] as Token).end;
      if (next.kind !== 'punct' || hasLineBreak(text, previousEnd, next.start)) break;
      if (!CLOSERS.has(next.text) && !(GLUED_CLOSERS.has(next.text) && next.start === previousEnd)) break;
      last++;
    }
    // A quoted exclamation inside a sentence: `il a dit "calmez-vous !" et raccroché`.
    const following = tokens[last + 1];
    if (last > i && following !== undefined && LOWER_START_RE.test(following.text) && !hasLineBreak(text, (tokens[last] as Token).end, following.start)) {
      i = last;
      continue;
    }
    close(last);
    i = last;
  }
  if (first >= 0) close(tokens.length - 1);
  return out;
}

function endsSentence(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i] as Token;
  const next = tokens[i + 1];
  const norm = token.norm;
  if (norm.includes('!') || norm.includes('?')) return true;
  const capitalFollows = next === undefined || UPPER_START_RE.test(next.text);
  if (norm === '.') {
    const previous = tokens[i - 1];
    if (previous === undefined || previous.end !== token.start || previous.kind !== 'word') return true;
    if (TITLES.has(previous.norm)) return next === undefined;
    if (ABBREVIATIONS.has(previous.norm) || previous.norm === 'etc') return capitalFollows;
    if (SINGLE_UPPER_RE.test(previous.text)) return next === undefined || !UPPER_START_RE.test(next.text);
    return true;
  }
  // An ellipsis ends a sentence only before a capital or at the end.
  if (/^\.{2,}$/.test(norm)) return capitalFollows;
  return false;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85) return true;
  }
  return false;
}
