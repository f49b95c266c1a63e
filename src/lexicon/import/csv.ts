// A CSV of terms, one per row: `id;term[;kind;theme]`, `;`, `,` or tab
// separated, with an optional header row (recognised by its column names,
// which may then come in any order and add a `label` column). Terms are
// written in verbatim-fr's own syntax (docs/lexicon-format.md § Terms).
import { ENTRY_KINDS, type EntryKind } from '../../types.js';
import { parseTerm } from '../term.js';
import type { LexiconIssue } from '../types.js';
import { didYouMean } from '../validate.js';
import { issueAt, type Category, type ReadResult } from './model.js';
import { lexiconProblem as P } from '../messages.js';

type Column = 'id' | 'term' | 'kind' | 'theme' | 'label';

/** Header names (lowercase, accents dropped) and the column each stands for. */
const HEADER_NAMES: Record<string, Column> = {
  id: 'id', category: 'id', categorie: 'id', concept: 'id', key: 'id', cle: 'id',
  term: 'term', terms: 'term', terme: 'term', termes: 'term', word: 'term', words: 'term', mot: 'term', mots: 'term', pattern: 'term', expression: 'term',
  kind: 'kind', type: 'kind', nature: 'kind',
  theme: 'theme', parent: 'theme',
  label: 'label', libelle: 'label', name: 'label', nom: 'label',
};
const POSITIONAL: Column[] = ['id', 'term', 'kind', 'theme'];
/** Kinds as French analysts may write them. */
const KIND_NAMES: Record<string, EntryKind> = { theme: 'theme', concept: 'concept', irritant: 'irritant', enchantment: 'enchantment', enchantement: 'enchantment', intent: 'intent', intention: 'intent' };

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

interface Record_ {
  cells: string[];
  line: number;
}

/**
 * Records of a small CSV text: quoted cells (`""` inside them is a quote) may
 * hold delimiters and line breaks; each record keeps the line it starts on.
 * A quote left open runs to the end of the text and is reported.
 */
export function csvRecords(text: string, delimiter: string): { records: Record_[]; unclosed?: number } {
  const records: Record_[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let atCellStart = true;
  let quoteLine = 0;
  const endRecord = (): void => {
    cells.push(cell);
    records.push({ cells, line: start });
    cells = [];
    cell = '';
    atCellStart = true;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      quoteLine = line;
      atCellStart = false;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) endRecord();
  return quoted ? { records, unclosed: quoteLine } : { records };
}

/** `;` when the first line has one (French Excel), else a tab, else `,`. */
export function csvDelimiter(text: string): string {
  const first = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  return first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',';
}

export function readCsv(text: string, file: string): ReadResult {
  const warnings: LexiconIssue[] = [];
  const errors: LexiconIssue[] = [];
  const delimiter = csvDelimiter(text);
  const { records, unclosed } = csvRecords(text, delimiter);
  if (unclosed !== undefined) {
    errors.push(issueAt(file, unclosed, 1, P('csv_unclosed_quote', {})));
  }
  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  let columns = POSITIONAL;
  const head = rows[0];
  if (head !== undefined) {
    const named = head.cells.map((c) => HEADER_NAMES[fold(c)]);
    if (named[0] !== undefined && named[1] !== undefined && named.includes('id') && named.includes('term')) {
      rows.shift();
      head.cells.forEach((c, i) => {
        if (named[i] === undefined && c.trim() !== '') {
          warnings.push(issueAt(file, head.line, 1, P('csv_column_ignored', { column: c.trim() })));
        }
      });
      columns = named.map((n, i) => n ?? (`ignored${i}` as Column));
    }
  }
  if (rows.length === 0) {
    errors.push(issueAt(file, 1, 1, P('csv_no_rows', { delimiter })));
    return { categories: [], warnings, errors };
  }
  const categories: Category[] = [];
  for (const row of rows) {
    const value = (column: Column): string | undefined => {
      const at = columns.indexOf(column);
      const cell = at >= 0 ? row.cells[at]?.trim() : undefined;
      return cell === undefined || cell === '' ? undefined : cell;
    };
    const columnOf = (column: Column): number => {
      const at = columns.indexOf(column);
      // Column number: the lengths of the cells before, with their delimiters (quotes aside).
      return row.cells.slice(0, Math.max(at, 0)).reduce((n, c) => n + c.length + 1, 1);
    };
    if (columns === POSITIONAL && row.cells.length > POSITIONAL.length && row.cells.slice(POSITIONAL.length).some((c) => c.trim() !== '')) {
      warnings.push(issueAt(file, row.line, columnOf('theme') + (row.cells[3]?.length ?? 0) + 1, P('csv_extra_columns', { count: row.cells.length })));
    }
    const id = value('id');
    const term = value('term');
    if (id === undefined || term === undefined) {
      errors.push(issueAt(file, row.line, id === undefined ? 1 : columnOf('term'), P('csv_row_without', { missing: id === undefined ? 'id' : 'term', delimiter })));
      continue;
    }
    const parsed = parseTerm(term);
    if (!parsed.ok) {
      for (const p of parsed.problems) errors.push(issueAt(file, row.line, columnOf('term'), p));
      continue;
    }
    const category: Category = { names: [id], line: row.line, column: 1, terms: [{ term, line: row.line, column: columnOf('term') }], flat: true };
    const kind = value('kind');
    if (kind !== undefined) {
      const known = KIND_NAMES[fold(kind)];
      if (known === undefined) {
        const guess = didYouMean(fold(kind), Object.keys(KIND_NAMES));
        errors.push(issueAt(file, row.line, columnOf('kind'), P('csv_unknown_kind', { kind, ...(guess !== undefined ? { guess } : {}), allowed: [...ENTRY_KINDS] })));
        continue;
      }
      category.kind = known;
    }
    const theme = value('theme');
    if (theme !== undefined) category.theme = theme;
    const label = value('label');
    if (label !== undefined) category.label = label;
    categories.push(category);
  }
  return { categories, warnings, errors };
}
