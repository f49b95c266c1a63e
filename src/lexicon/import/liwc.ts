// A LIWC dictionary (.dic): a category list between two `%` lines
// (`1<TAB>livraison`), then one word per line with the numbers of its
// categories (`livr*<TAB>1<TAB>4`). `*` ends a word stem; a word may belong
// to several categories. Weights and LIWC2007's conditional categories have
// no equivalent: they are reported, and the word keeps its plain categories.
import type { LexiconIssue } from '../types.js';
import { issueAt, type Category, type ReadResult } from './model.js';
import { convertGlob } from './terms.js';
import { lexiconProblem as P, type LexiconProblem } from '../messages.js';

const HEADER_LINE = /^(\d+)\s+(\S.*)$/;
/** A weight alone (`0.5`) or glued to a category (`12/0.5`, `12:0.5`). */
const WEIGHT = /^-?\d*[.,]\d+$/;
const WEIGHTED = /^(\d+)[/:](-?\d*[.,]?\d+)$/;

/** Whether a field of a word line is about categories (a number, a weight, a conditional form). */
const isReference = (field: string): boolean => /^\d/.test(field) || WEIGHT.test(field) || /^[<(]/.test(field);

export function readLiwc(text: string, file: string): ReadResult {
  const lines = text.split(/\r\n|\r|\n/);
  const warnings: LexiconIssue[] = [];
  const errors: LexiconIssue[] = [];
  const fail = (line: number, problem: LexiconProblem): ReadResult => {
    errors.push(issueAt(file, line, 1, problem));
    return { categories: [], warnings, errors };
  };
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i += 1;
  if (i === lines.length) return fail(1, P('liwc_empty', {}));
  if ((lines[i] ?? '').trim() !== '%') {
    return fail(i + 1, P('liwc_no_open', {}));
  }
  const open = i + 1;
  const byNumber = new Map<string, Category>();
  const categories: Category[] = [];
  for (i += 1; i < lines.length && (lines[i] ?? '').trim() !== '%'; i += 1) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '') continue;
    const m = HEADER_LINE.exec(raw);
    if (m === null) {
      errors.push(issueAt(file, i + 1, 1, P('liwc_bad_category_line', { raw })));
      continue;
    }
    const number = String(Number(m[1]));
    const rest = (m[2] ?? '').trim();
    // "posemo (Positive emotion)": the name, then a label in brackets.
    const labelled = /^(\S+)\s+\((.+)\)$/.exec(rest);
    const name = labelled?.[1] ?? rest;
    const previous = byNumber.get(number);
    if (previous !== undefined) {
      errors.push(issueAt(file, i + 1, 1, P('liwc_category_twice', { number, line: previous.line })));
      continue;
    }
    const category: Category = { names: [name], line: i + 1, column: 1, terms: [] };
    if (labelled?.[2] !== undefined) category.label = labelled[2].trim();
    byNumber.set(number, category);
    categories.push(category);
  }
  if (i >= lines.length) return fail(open, P('liwc_not_closed', {}));
  if (categories.length === 0 && errors.length === 0) return fail(open, P('liwc_no_category', {}));

  for (i += 1; i < lines.length; i += 1) {
    const line = i + 1;
    const raw = (lines[i] ?? '').trim();
    if (raw === '') continue;
    // Tabs separate the word from its categories; without tabs, the trailing numbers are the categories.
    let word: string;
    let refs: string[];
    if (raw.includes('\t')) {
      const [first = '', ...others] = raw.split('\t');
      word = first.trim();
      refs = others.join(' ').split(/\s+/).filter((f) => f !== '');
    } else {
      const fields = raw.split(/\s+/);
      let cut = fields.length;
      while (cut > 1 && isReference(fields[cut - 1] ?? '')) cut -= 1;
      word = fields.slice(0, cut).join(' ');
      refs = fields.slice(cut);
    }
    const targets: Category[] = [];
    let weighted = false;
    let conditional = false;
    for (const ref of refs) {
      const w = WEIGHTED.exec(ref);
      const number = /^\d+$/.test(ref) ? String(Number(ref)) : w !== null ? String(Number(w[1])) : undefined;
      if (w !== null || WEIGHT.test(ref)) weighted = true;
      if (number === undefined) {
        if (!WEIGHT.test(ref)) conditional = true;
        continue;
      }
      const category = byNumber.get(number);
      if (category === undefined) {
        warnings.push(issueAt(file, line, 1, P('liwc_unknown_category', { word, number })));
      } else if (!targets.includes(category)) targets.push(category);
    }
    if (weighted) {
      warnings.push(issueAt(file, line, 1, P('liwc_weighted', { word })));
    }
    if (conditional) {
      warnings.push(issueAt(file, line, 1, P('liwc_conditional', { word })));
    }
    if (targets.length === 0) {
      if (!conditional && refs.length === 0) warnings.push(issueAt(file, line, 1, P('liwc_word_without_category', { word })));
      continue;
    }
    const converted = convertGlob(word, { regex: false });
    if (converted.note !== undefined) warnings.push(issueAt(file, line, 1, converted.note));
    if (converted.term === undefined) continue;
    for (const category of targets) category.terms.push({ term: converted.term, line, column: 1 });
  }
  return { categories, warnings, errors };
}
