// Words and patterns of other tools' dictionaries as terms of ours, and their
// category names as ids: what has an equivalent is converted, what has none
// is reported (the caller turns each report into a warning at its line).
import { MIN_GLOB_LETTERS, parseTerm } from '../term.js';
import { ID_PATTERN } from '../validate.js';
import { lexiconProblem as P, type LexiconIssueProblem, type LexiconProblem } from '../messages.js';

/** A converted term, or why there is none. */
export type ConvertedTerm = { term: string; note?: LexiconProblem } | { term?: undefined; note: LexiconProblem };

/** Signs of a regular expression: quanteda's "regex" valuetype, which a glob dictionary never needs. */
const REGEX_SIGNS = /[\\^$[\]()+]|\.\*|\.\+|\{\d/;

const letters = (word: string): number => [...word].filter((ch) => /[\p{L}\p{N}]/u.test(ch)).length;

/**
 * A glob pattern of quanteda (`*` any characters, `?` one) or LIWC (`*`), one
 * word or several (a phrase), as one of our terms. `?` has no equivalent: it
 * widens to `*`. Patterns our syntax would read otherwise (`|`, `{`, `stem:`),
 * regular expressions and globs under three letters are left out.
 */
export function convertGlob(pattern: string, options: { regex: boolean }): ConvertedTerm {
  const text = pattern.trim().replace(/\s+/g, ' ');
  if (text === '') return { note: P('empty_value', {}) };
  if (options.regex && REGEX_SIGNS.test(text)) {
    return { note: P('regex_left_out', { text }) };
  }
  if (/[|{}]/.test(text) || /^(?:stem|lemma):/.test(text)) {
    return { note: P('term_syntax_left_out', { text }) };
  }
  let note: LexiconProblem | undefined;
  let term = text;
  if (text.includes('?')) {
    term = text.replace(/\?+/g, '*').replace(/\*{2,}/g, '*');
    note = P('question_mark_widened', { text, term });
  }
  const narrow = term.split(' ').find((word) => word.includes('*') && letters(word) < MIN_GLOB_LETTERS);
  if (narrow !== undefined) {
    return { note: P('glob_left_out', { glob: narrow, text, min: MIN_GLOB_LETTERS }) };
  }
  const parsed = parseTerm(term);
  if (!parsed.ok) {
    const problem = parsed.problems[0]!;
    return { note: P('term_left_out', { problem: { code: problem.code, params: problem.params } as LexiconIssueProblem }) };
  }
  return note === undefined ? { term } : { term, note };
}

/** A name as an id: lowercase ascii letters, digits and `_` (`Délai de livraison` → `delai_de_livraison`). */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Whether `name` is already an id segment (no slugifying needed). */
export const isIdSegment = (name: string): boolean => ID_PATTERN.test(name) && !name.includes('.');
