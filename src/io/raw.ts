// What each format reader produces before column mapping.
import type { RejectProblem } from './reject-messages.js';

export type CellValue = string | number | boolean | Date | null | undefined | object;

/**
 * A row read: its values by column name (a JSON object, an XLSX row), or its
 * cells in the order of the input's `headers` (a CSV record: no object with
 * a key per column made per row, a dictionary since a column may be named
 * `__proto__`).
 */
export type RawRow = RawRowPlace & ({ values: Record<string, CellValue>; cells?: undefined } | { cells: readonly CellValue[]; values?: undefined });

interface RawRowPlace {
  kind: 'row';
  row: number;
  line?: number;
  /** Last physical line of the record, when the format has lines. */
  endLine?: number;
  /** The row a spreadsheet shows it on, header included (CSV, TSV, XLSX). */
  sheetRow?: number;
}

/** A row the reader cannot give: where, and why (a reject code and its parameters, said in a language by `readVerbatims`). */
export type RawReject = RawRejectPlace & RejectProblem;

interface RawRejectPlace {
  kind: 'reject';
  row: number;
  line?: number;
  /** Last physical line covered, when the format has lines (a lost span can cover several). */
  endLine?: number;
  /** The row a spreadsheet shows it on, header included (CSV, TSV, XLSX). */
  sheetRow?: number;
}

export type RawItem = RawRow | RawReject;

/** A file whose header is known and whose rows can be streamed. */
export interface PreparedInput {
  headers: string[];
  /** Described in reject hints (`csv, ';', windows-1252`). */
  description: string;
  /** Line where the data starts (after the header and the blank lines before it), when the format has lines. */
  dataLine?: number;
  rows(): AsyncIterable<RawItem>;
}

/**
 * Unique, non-empty header names (`note`, `note (2)`, `colonne 3`). A name
 * given more than once keeps it the first time and takes the next free
 * `name (k)` after: never one the header writes itself (`avis`, `avis`,
 * `avis (2)` → `avis`, `avis (3)`, `avis (2)`), so that no column's values
 * overwrite another's.
 */
export function uniqueHeaders(raw: ReadonlyArray<unknown>): string[] {
  const names = raw.map((value, index) => {
    const name = value === null || value === undefined ? '' : String(value).trim();
    return name === '' ? `colonne ${index + 1}` : name;
  });
  const written = new Set(names);
  const taken = new Set<string>();
  /** Per repeated name, the last k its renamings tried. */
  const tried = new Map<string, number>();
  return names.map((name) => {
    let unique = name;
    let k = tried.get(name) ?? 1;
    while (taken.has(unique) || (unique !== name && written.has(unique))) unique = `${name} (${++k})`;
    tried.set(name, k);
    taken.add(unique);
    return unique;
  });
}

/** A row's values by column name, whichever way it was given (`headers`: its input's). */
export function rowValues(row: RawRow, headers: readonly string[]): Record<string, CellValue> {
  if (row.cells === undefined) return row.values;
  // No prototype: a column named "__proto__" or "constructor" is a column like any other.
  const values = Object.create(null) as Record<string, CellValue>;
  for (let k = 0; k < headers.length; k++) values[headers[k] as string] = row.cells[k];
  return values;
}
