// What every reader of a foreign dictionary gives the builder: categories
// (with the path of their names, for nested dictionaries) holding terms
// already in our syntax, each with the line it came from.
import type { EntryKind } from '../../types.js';
import type { LexiconIssue } from '../types.js';
import type { LexiconProblem } from '../messages.js';

/** The formats `importDictionary` reads. */
export type DictionaryFormat = 'quanteda' | 'liwc' | 'csv';

export interface SourceTerm {
  term: string;
  line: number;
  column: number;
}

export interface Category {
  /** Names from the top (`['Livraison', 'Délai']`), or a CSV id as written. */
  names: string[];
  line: number;
  column: number;
  terms: SourceTerm[];
  /** Per-category kind and theme (CSV columns). */
  kind?: EntryKind;
  theme?: string;
  label?: string;
  /** Whether `names` already holds an id (CSV): no nesting to join. */
  flat?: boolean;
}

/** What a reader found: categories, warnings, and problems that stop the import. */
export interface ReadResult {
  categories: Category[];
  warnings: LexiconIssue[];
  errors: LexiconIssue[];
}

/** An issue at a line of the dictionary (path: the category, when there is one). */
export function issueAt(file: string, line: number, column: number, problem: LexiconProblem, path = ''): LexiconIssue {
  return { file, line, column, path, ...problem };
}
