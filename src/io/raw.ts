// What each format reader produces before column mapping.
import type { RejectProblem } from './reject-messages.js';

export type CellValue = string | number | boolean | Date | null | undefined | object;

export interface RawRow {
  kind: 'row';
  row: number;
  line?: number;
  /** Last physical line of the record, when the format has lines. */
  endLine?: number;
  /** The row a spreadsheet shows it on, header included (CSV, TSV, XLSX). */
  sheetRow?: number;
  values: Record<string, CellValue>;
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

/** Unique, non-empty header names (`note`, `note (2)`, `colonne 3`). */
export function uniqueHeaders(raw: ReadonlyArray<unknown>): string[] {
  const seen = new Map<string, number>();
  return raw.map((value, index) => {
    let name = value === null || value === undefined ? '' : String(value).trim();
    if (name === '') name = `colonne ${index + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
