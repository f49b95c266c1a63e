// XLSX: first worksheet, first row as headers, streamed with exceljs's WorkbookReader.
import type ExcelJS from 'exceljs';
import { uniqueHeaders, type CellValue, type PreparedInput, type RawItem } from './raw.js';

/** A plain value for an exceljs cell (rich text, formulas, hyperlinks, errors). */
export function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || value instanceof Date) return value as CellValue;
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell['richText'])) return (cell['richText'] as Array<{ text?: string }>).map((part) => part.text ?? '').join('');
  if ('result' in cell) return cellValue(cell['result']);
  if ('formula' in cell || 'sharedFormula' in cell) return undefined;
  if (typeof cell['text'] === 'string') return cell['text'];
  if ('error' in cell) return undefined;
  return JSON.stringify(value);
}

// exceljs is loaded on first use: it is heavy, and most runs read CSV.
async function reader(path: string): Promise<ExcelJS.stream.xlsx.WorkbookReader> {
  const { default: excel } = await import('exceljs');
  return new excel.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
}

type Cells = ReadonlyArray<unknown>;

export async function prepareXlsx(path: string): Promise<PreparedInput> {
  let headerCells: Cells | undefined;
  let headerLine = 1;
  // Only the header is read here; rows() opens the workbook again.
  outer: for await (const sheet of await reader(path)) {
    for await (const row of sheet) {
      headerCells = (row.values as Cells).slice(1).map(cellValue);
      headerLine = row.number;
      break outer;
    }
    break;
  }
  const headers = uniqueHeaders(headerCells ?? []);

  async function* rows(): AsyncGenerator<RawItem> {
    let row = 0;
    for await (const sheet of await reader(path)) {
      for await (const excelRow of sheet) {
        if (excelRow.number <= headerLine) continue;
        const cells = (excelRow.values as Cells).slice(1).map(cellValue);
        if (cells.every((c) => c === undefined || c === null || (typeof c === 'string' && c.trim() === ''))) continue;
        row++;
        const values: Record<string, CellValue> = {};
        headers.forEach((header, i) => (values[header] = cells[i]));
        // Stray cells right of the last header are kept, named by position.
        for (let i = headers.length; i < cells.length; i++) {
          if (cells[i] !== undefined && cells[i] !== null && cells[i] !== '') values[`colonne ${i + 1}`] = cells[i];
        }
        yield { kind: 'row', row, line: excelRow.number, values };
      }
      break; // first worksheet only
    }
  }
  return { headers, description: 'xlsx, first worksheet', rows };
}
