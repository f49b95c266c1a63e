// Term syntax (docs/lexicon-format.md § Terms), checked without the tokenizer:
// gaps `{m,n}` split a term into segments; inside a segment `|` separates
// alternatives, which may be several words (`carte bancaire|cb|paypal`, like
// regex alternation: `|` binds loosest); a segment without `|` is a plain
// sequence of positions; `stem:word`, `lemma:word` and globs with `*` are
// single positions.
// No user text ever becomes a RegExp.

import { lemmaForms } from './lemmas.js';

/** The problem of a `lemma:` the build-time lemma table does not know. */
export function unknownLemma(word: string, term: string): TermProblem {
  return {
    message: `unknown lemma "lemma:${word}" in term "${term}": the lemma table has no forms for it`,
    hint: `use stem:${word} or list the forms (a|b|c); lemma: knows verbs in the infinitive and nouns or adjectives in the masculine singular (scripts/lemmas.txt and every lemma: of lexicons/)`,
  };
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

export interface TermProblem {
  message: string;
  hint: string;
}

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

function checkApostrophes(text: string, term: string, problems: TermProblem[]): void {
  const chars = [...text];
  chars.forEach((ch, i) => {
    if (!APOSTROPHES.has(ch)) return;
    if (!isLetter(chars[i - 1]) || !isLetter(chars[i + 1])) {
      problems.push({
        message: `stray apostrophe in term "${term}"`,
        hint: "an apostrophe must sit between two letters, as in d'attente or aujourd'hui; remove the space around it",
      });
    }
  });
}

function parseAlternative(raw: string, term: string, problems: TermProblem[]): TermAlternative | undefined {
  if (raw === '') {
    problems.push({ message: `empty alternative in term "${term}"`, hint: 'write alternatives as a|b|c with no empty part' });
    return undefined;
  }
  if (raw.includes('{') || raw.includes('}')) {
    problems.push({
      message: `bad gap syntax "${raw}" in term "${term}"`,
      hint: 'write a gap as its own position between two words, with spaces: "toujours pas {0,3} reçu"',
    });
    return undefined;
  }
  if (raw.startsWith('stem:')) {
    const word = raw.slice(5);
    if (word === '' || word.includes('*') || word.includes(':')) {
      problems.push({
        message: `bad stem "${raw}" in term "${term}"`,
        hint: 'write stem: followed by one plain word, e.g. stem:livrer',
      });
      return undefined;
    }
    checkApostrophes(word, term, problems);
    return { type: 'stem', text: word };
  }
  if (raw.startsWith('lemma:')) {
    const word = raw.slice(6);
    if (!LEMMA_WORD.test(word)) {
      problems.push({
        message: `bad lemma "${raw}" in term "${term}"`,
        hint: 'write lemma: followed by one dictionary word (a verb in the infinitive, a noun or adjective in the singular), e.g. lemma:attendre',
      });
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
      problems.push({
        message: `glob "${raw}" is too broad in term "${term}"`,
        hint: `a glob needs at least ${MIN_GLOB_LETTERS} literal letters (livr*, *rembours*)`,
      });
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
      problems: [{ message: `a term must be a string, got ${term === null ? 'null' : typeof term}`, hint: 'quote the term' }],
    };
  }
  const parts = term.trim().split(/\s+/).filter((p) => p !== '');
  if (parts.length === 0) {
    return { ok: false, problems: [{ message: 'empty term', hint: 'remove the empty item or write a word' }] };
  }
  const problems: TermProblem[] = [];
  const positions: TermPosition[] = [];
  let segment: string[] = [];
  const flush = (): void => {
    if (segment.length === 0) return;
    const alternatives: TermAlternative[][] = [];
    for (const phrase of segment.join(' ').split('|')) {
      const words = phrase.trim().split(' ').filter((w) => w !== '');
      if (words.length === 0) {
        problems.push({ message: `empty alternative in term "${term}"`, hint: 'write alternatives as a|b|c with no empty part' });
        continue;
      }
      const atoms: TermAlternative[] = [];
      for (const w of words) {
        const atom = parseAlternative(w, term, problems);
        if (atom !== undefined) atoms.push(atom);
      }
      if (atoms.length === words.length) alternatives.push(atoms);
    }
    positions.push({ type: 'slot', alternatives });
    segment = [];
  };
  parts.forEach((part, i) => {
    if (!part.startsWith('{')) {
      segment.push(part);
      return;
    }
    flush();
    const m = GAP.exec(part);
    if (m === null) {
      problems.push({
        message: `bad gap syntax "${part}" in term "${term}"`,
        hint: `write a gap as {min,max} with 0 <= min <= max <= ${MAX_GAP}, e.g. {0,3}`,
      });
      return;
    }
    const min = Number(m[1]);
    const max = Number(m[2]);
    if (min > max) {
      problems.push({
        message: `bad gap "${part}" in term "${term}": min ${min} is greater than max ${max}`,
        hint: `swap the bounds: {${max},${min}}`,
      });
    } else if (max > MAX_GAP) {
      problems.push({
        message: `gap "${part}" in term "${term}" is too wide (max ${MAX_GAP})`,
        hint: `use at most {${Math.min(min, MAX_GAP)},${MAX_GAP}}; wider spans match unrelated words`,
      });
    }
    if (i === 0 || i === parts.length - 1) {
      problems.push({
        message: `gap "${part}" at the ${i === 0 ? 'start' : 'end'} of term "${term}"`,
        hint: 'a gap goes between two words; remove it',
      });
    } else if (parts[i - 1]?.startsWith('{') === true) {
      problems.push({ message: `two gaps in a row in term "${term}"`, hint: 'merge them into one gap {min,max}' });
    }
    positions.push({ type: 'gap', min, max });
  });
  flush();
  return problems.length > 0 ? { ok: false, problems } : { ok: true, positions };
}
