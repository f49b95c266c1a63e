// CSV cell and row escaping for files opened in Excel (internal: shared by the
// annotation writer and the CSV report renderer, never re-exported).

export interface CsvOptions {
  /** Field delimiter; default `;` (what French Excel expects). */
  delimiter?: string;
  /** Prefix cells that Excel would run as formulas with `'`; default true. */
  neutralizeFormulas?: boolean;
}

// Excel and LibreOffice evaluate cells starting with these (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One escaped cell: null/undefined → empty, quoted when needed, formulas neutralised. */
export function csvCell(value: unknown, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Numbers are data, not formulas: `-2` stays a number in Excel.
  if ((options.neutralizeFormulas ?? true) && typeof value !== 'number' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  if (text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r')) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** One row, without the line terminator. */
export function csvRow(values: ReadonlyArray<unknown>, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  return values.map((value) => csvCell(value, options)).join(delimiter);
}
