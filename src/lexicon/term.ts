// Term syntax (docs/lexicon-format.md § Terms), checked without the tokenizer:
// gaps `{m,n}` split a term into segments; inside a segment `|` separates
// alternatives, which may be several words (`carte bancaire|cb|paypal`, like
// regex alternation: `|` binds loosest); a segment without `|` is a plain
// sequence of positions; `stem:word`, `lemma:word` and globs with `*` are
// single positions.
// No user text ever becomes a RegExp.

import { lemmaForms } from './lemmas.js';
import { coreProblem as P, type LexiconProblem } from './messages.js';

/** The problem of a `lemma:` the build-time lemma table does not know. */
export function unknownLemma(word: string, term: string): TermProblem {
  return P('unknown_lemma', { word, term });
}

/** Most tokens a gap may skip: keeps matching bounded. */
export const MAX_GAP = 8;
/** Least literal letters in a glob: `a*` would match half the dictionary. */
export const MIN_GLOB_LETTERS = 3;

export type TermAlternative =
  | { type: 'word'; text: string }
  | { type: 'stem'; text: string }
  | { type: 'lemma'; text: string }
  | { type: 'glob'; text: string };

/**
 * A position: alternatives, each a sequence of words (`colis`, `point relais`,
 * `stem:livrer`, `lemma:attendre`), or a gap.
 */
export type TermPosition =
  | { type: 'slot'; alternatives: TermAlternative[][] }
  | { type: 'gap'; min: number; max: number };

/** What is wrong with a term: a lexicon issue code, its parameters and its English words. */
export type TermProblem = LexiconProblem;

export type ParsedTerm = { ok: true; positions: TermPosition[] } | { ok: false; problems: TermProblem[] };

const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '`', '\u02bc']);
const LETTER = /\p{L}/u;
const GAP = /^\{(\d{1,3}),(\d{1,3})\}$/;
/** A dictionary word: letters, with inner hyphens (`lemma:après-vente`). */
const LEMMA_WORD = /^\p{L}+(?:-\p{L}+)*$/u;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

function countLetters(s: string): number {
  let n = 0;
  for (const ch of s) if (isLetter(ch) || /\p{N}/u.test(ch)) n += 1;
  return n;
}

/** Any of APOSTROPHES: most words hold none, and are not split into characters. */
const ANY_APOSTROPHE = /['\u2019\u2018`\u02bc]/;

function checkApostrophes(text: string, term: string, problems: TermProblem[]): void {
  if (!ANY_APOSTROPHE.test(text)) return;
  const chars = [...text];
  chars.forEach((ch, i) => {
    if (!APOSTROPHES.has(ch)) return;
    if (!isLetter(chars[i - 1]) || !isLetter(chars[i + 1])) {
      problems.push(P('stray_apostrophe', { term }));
    }
  });
}

function parseAlternative(raw: string, term: string, problems: TermProblem[]): TermAlternative | undefined {
  if (raw === '') {
    problems.push(P('empty_alternative', { term }));
    return undefined;
  }
  if (raw.includes('{') || raw.includes('}')) {
    problems.push(P('gap_in_word', { raw, term }));
    return undefined;
  }
  if (raw.startsWith('stem:')) {
    const word = raw.slice(5);
    if (word === '' || word.includes('*') || word.includes(':')) {
      problems.push(P('bad_stem', { raw, term }));
      return undefined;
    }
    checkApostrophes(word, term, problems);
    return { type: 'stem', text: word };
  }
  if (raw.startsWith('lemma:')) {
    const word = raw.slice(6);
    if (!LEMMA_WORD.test(word)) {
      problems.push(P('bad_lemma', { raw, term }));
      return undefined;
    }
    if (lemmaForms(word) === undefined) {
      problems.push(unknownLemma(word, term));
      return undefined;
    }
    return { type: 'lemma', text: word };
  }
  if (raw.includes('*')) {
    if (countLetters(raw) < MIN_GLOB_LETTERS) {
      problems.push(P('glob_too_broad', { raw, term, min: MIN_GLOB_LETTERS }));
      return undefined;
    }
    checkApostrophes(raw, term, problems);
    return { type: 'glob', text: raw };
  }
  checkApostrophes(raw, term, problems);
  return { type: 'word', text: raw };
}

/** Parses one term; every problem is reported, not only the first. */
export function parseTerm(term: unknown): ParsedTerm {
  if (typeof term !== 'string') {
    return {
      ok: false,
      problems: [P('term_not_string', { type: term === null ? 'null' : typeof term })],
    };
  }
  const trimmed = term.trim();
  // Trimmed, only an empty term splits into an empty part.
  const parts = trimmed === '' ? [] : trimmed.split(/\s+/);
  if (parts.length === 0) {
    return { ok: false, problems: [P('empty_term', {})] };
  }
  const problems: TermProblem[] = [];
  const positions: TermPosition[] = [];
  /** The words of parts[from, to), if any, as one slot. Arrays of their exact size: a lexicon may have half a million terms. */
  const slot = (from: number, to: number): void => {
    if (from === to) return;
    const segment = parts.slice(from, to);
    // Without a `|` the segment is one phrase, its words the parts as split: no join and split again.
    const phrases = segment.some((part) => part.includes('|')) ? segment.join(' ').split('|').map((phrase) => phrase.trim().split(' ').filter((w) => w !== '')) : [segment];
    const alternatives: TermAlternative[][] = [];
    for (const words of phrases) {
      if (words.length === 0) {
        problems.push(P('empty_alternative', { term }));
        continue;
      }
      const atoms = words.map((w) => parseAlternative(w, term, problems));
      if (!atoms.includes(undefined)) alternatives.push(atoms as TermAlternative[]);
    }
    positions.push({ type: 'slot', alternatives });
  };
  let start = 0;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] as string;
    if (!part.startsWith('{')) continue;
    slot(start, i);
    start = i + 1;
    const m = GAP.exec(part);
    if (m === null) {
      problems.push(P('bad_gap', { part, term, max: MAX_GAP }));
      continue;
    }
    const min = Number(m[1]);
    const max = Number(m[2]);
    if (min > max) {
      problems.push(P('gap_reversed', { part, term, min, max }));
    } else if (max > MAX_GAP) {
      problems.push(P('gap_too_wide', { part, term, min, max: MAX_GAP }));
    }
    if (i === 0 || i === parts.length - 1) {
      problems.push(P('gap_at_edge', { part, term, edge: i === 0 ? 'start' : 'end' }));
    } else if (parts[i - 1]?.startsWith('{') === true) {
      problems.push(P('two_gaps', { term }));
    }
    positions.push({ type: 'gap', min, max });
  }
  slot(start, parts.length);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, positions };
}
