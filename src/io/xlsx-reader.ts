// XLSX: the first worksheet (in tab order), its first non-empty row as
// headers, rows streamed. yauzl reads the zip through its central directory
// (each part found by name, inflated sizes checked against the directory) and
// saxes parses the XML as it is inflated. Before any row is given out, every
// part read is inflated once and checked (size cap, checksum), so a damaged
// file or a zip bomb fails at once with a message instead of half-way.
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { InputError } from './errors.js';
import { UnreadableDocument } from './json-reader.js';
import { inputProblem } from './issue-messages.js';
import { uniqueHeaders, type CellValue, type PreparedInput, type RawItem } from './raw.js';
import { ownText } from './values.js';

/** What the parts of a spreadsheet read (sheet, shared strings, styles, workbook) may inflate to, in bytes, by default: 256 MiB. */
export const DEFAULT_MAX_XLSX_SIZE = 256 * 1024 * 1024;

export interface XlsxReadOptions {
  /** Bytes the parts read may inflate to, together; default `DEFAULT_MAX_XLSX_SIZE`. */
  maxSize?: number;
  /**
   * Characters of text a row may hold, its cells together (default: no
   * limit); a longer row is a `record_too_large` reject, as a CSV record is.
   */
  maxRecordSize?: number;
}

const MB = 1024 * 1024;

type Entry = yauzl.Entry;

const openZip = promisify(yauzl.open) as (path: string, options: yauzl.Options) => Promise<yauzl.ZipFile>;

/** A zip open on a file, with its entries by lower-cased name. */
interface Zip {
  file: yauzl.ZipFile;
  entries: Map<string, Entry>;
}

async function open(path: string): Promise<Zip> {
  let file: yauzl.ZipFile;
  try {
    file = await openZip(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw new UnreadableDocument({ code: 'xlsx_damaged', params: { detail: (error as Error).message } });
  }
  try {
    const entries = await new Promise<Map<string, Entry>>((resolve, reject) => {
      const found = new Map<string, Entry>();
      file.on('entry', (entry: Entry) => {
        found.set(entry.fileName.replace(/^\/+/, '').toLowerCase(), entry);
        file.readEntry();
      });
      file.once('end', () => resolve(found));
      file.once('error', reject);
      file.readEntry();
    });
    return { file, entries };
  } catch (error) {
    file.close();
    throw new UnreadableDocument({ code: 'xlsx_damaged', params: { detail: (error as Error).message } });
  }
}

/** Inflated bytes counted against the cap, over every part read. */
interface Budget {
  used: number;
  max: number;
}

function tooLarge(bytes: number, max: number): UnreadableDocument {
  return new UnreadableDocument({ code: 'xlsx_too_large', params: { mb: Math.floor(bytes / MB), maxMb: Math.round(max / MB) } });
}

/**
 * The text of one part, chunk by chunk, as inflated, counted against the
 * budget when there is one; the checksum is checked once the whole part is
 * read. Stops early without harm when the caller breaks out.
 */
async function* partText(zip: Zip, entry: Entry, budget: Budget | undefined): AsyncGenerator<string> {
  let stream: Readable;
  try {
    stream = await promisify(zip.file.openReadStream.bind(zip.file))(entry);
  } catch (error) {
    throw new UnreadableDocument({ code: 'xlsx_damaged', params: { part: entry.fileName, detail: (error as Error).message } });
  }
  const decoder = new TextDecoder('utf-8');
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (budget) {
        budget.used += chunk.length;
        if (budget.used > budget.max) throw tooLarge(budget.used, budget.max);
      }
      crc = crc32(chunk, crc);
      yield decoder.decode(chunk, { stream: true });
    }
  } catch (error) {
    if (error instanceof UnreadableDocument) throw error;
    throw new UnreadableDocument({ code: 'xlsx_damaged', params: { part: entry.fileName, detail: (error as Error).message } });
  } finally {
    stream.destroy();
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new UnreadableDocument({ code: 'xlsx_checksum', params: { part: entry.fileName } });
  const tail = decoder.decode();
  if (tail !== '') yield tail;
}

/** Reads a part through to check its size and checksum, keeping nothing. */
async function verify(zip: Zip, entry: Entry, budget: Budget): Promise<void> {
  for await (const _ of partText(zip, entry, budget));
}

/** The local name of an XML tag or attribute (`x:row` → `row`): some writers prefix the spreadsheet namespace. */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  for (const [key, value] of Object.entries(tag.attributes)) if (local(key) === name) return value;
  return undefined;
}

interface XmlHandlers {
  open?(name: string, tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** A SAX parser over local names; errors surface as a damaged-file error naming the part. */
function xmlParser(part: string, handlers: XmlHandlers): { write(text: string): void; close(): void } {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (error) => (failure ??= error));
  if (handlers.open) parser.on('opentag', (tag) => handlers.open!(local(tag.name), tag));
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(local(tag.name)));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const check = (): void => {
    if (failure) throw new UnreadableDocument({ code: 'xlsx_bad_xml', params: { part, detail: failure.message.split('\n')[0] ?? '' } });
  };
  return {
    write(text) {
      parser.write(text);
      check();
    },
    close() {
      parser.close();
      check();
    },
  };
}

async function parsePart(zip: Zip, entry: Entry | undefined, budget: Budget, handlers: XmlHandlers): Promise<void> {
  if (!entry) return;
  const parser = xmlParser(entry.fileName, handlers);
  for await (const text of partText(zip, entry, budget)) parser.write(text);
  parser.close();
}

/** `_x000D_` and the like: characters XML cannot hold, as Excel escapes them in strings. */
const unescapeOoxml = (text: string): string => (text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

/** Relationship targets of a part, by id (`rId1` → `xl/worksheets/sheet1.xml`) and by type. */
async function relationships(zip: Zip, partPath: string, budget: Budget): Promise<Array<{ id: string; type: string; target: string }>> {
  const slash = partPath.lastIndexOf('/');
  const dir = slash >= 0 ? partPath.slice(0, slash + 1) : '';
  const rels: Array<{ id: string; type: string; target: string }> = [];
  await parsePart(zip, zip.entries.get(`${dir}_rels/${partPath.slice(slash + 1)}.rels`), budget, {
    open(name, tag) {
      if (name !== 'Relationship') return;
      const target = tag.attributes['Target'] ?? '';
      rels.push({
        id: tag.attributes['Id'] ?? '',
        type: (tag.attributes['Type'] ?? '').replace(/.*\//, ''),
        target: resolvePart(dir, target),
      });
    },
  });
  return rels;
}

/** A relationship target as an entry name: relative to the part's folder, or absolute from the root. */
function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/').toLowerCase();
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30 and the usual locale ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code that shows a date: d, m, y, h or s outside quoted text, escapes and [colour] brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Cell style indexes (the `s` attribute) whose number format is a date. */
async function dateStyles(zip: Zip, entry: Entry | undefined, budget: Budget): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await parsePart(zip, entry, budget, {
    open(name, tag) {
      if (name === 'numFmt') custom.set(Number(tag.attributes['numFmtId']), tag.attributes['formatCode'] ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(tag.attributes['numFmtId'] ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const dates = new Set<number>();
  formats.forEach((id, index) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) dates.add(index);
  });
  return dates;
}

/** The texts of the shared string table, rich text runs joined, phonetic runs left out. */
async function sharedStrings(zip: Zip, entry: Entry | undefined, budget: Budget): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let inPhonetic = false;
  await parsePart(zip, entry, budget, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 't') inText = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(ownText(unescapeOoxml((current ?? []).join(''))));
        current = undefined;
      } else if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
    },
    text(text) {
      if (inText && !inPhonetic && current) current.push(text);
    },
  });
  return strings;
}

/** Column number of a cell reference (`AB12` → 28), 0 when there is none. */
function columnOf(ref: string | undefined): number {
  if (!ref) return 0;
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    n = n * 26 + (c - 0x60);
  }
  return n;
}

/** An Excel serial day as a UTC date (1900 system, or 1904 for old Mac workbooks). */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86_400_000));
}

interface SheetContext {
  strings: string[];
  dates: Set<number>;
  date1904: boolean;
}

interface SheetRow {
  line: number;
  cells: CellValue[];
}

/** Rows of a worksheet part as they are inflated: 1-based row number and cells by column. */
async function* sheetRows(zip: Zip, entry: Entry, context: SheetContext): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  let row: SheetRow | undefined;
  let lastLine = 0;
  let column = 0;
  let type = 'n';
  let style = 0;
  let text: string[] | undefined;
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;

  const value = (): CellValue => {
    const raw = (text ?? []).join('');
    switch (type) {
      case 's': {
        const string = context.strings[Number(raw)];
        if (string === undefined) {
          throw new UnreadableDocument({ code: 'xlsx_shared_string', params: { row: lastLine, index: raw, count: context.strings.length } });
        }
        return string;
      }
      case 'str':
      case 'inlineStr':
        return ownText(unescapeOoxml(raw));
      case 'b':
        return raw === '1' || raw === 'true';
      case 'e':
        return undefined;
      case 'd': {
        const date = new Date(raw);
        return Number.isNaN(date.getTime()) ? raw : date;
      }
      default: {
        if (raw.trim() === '') return undefined;
        const n = Number(raw);
        if (Number.isNaN(n)) return ownText(raw);
        return context.dates.has(style) ? excelDate(n, context.date1904) : n;
      }
    }
  };

  const parser = xmlParser(entry.fileName, {
    open(name, tag) {
      if (name === 'row') {
        const r = Number(attribute(tag, 'r'));
        lastLine = Number.isInteger(r) && r > 0 ? r : lastLine + 1;
        row = { line: lastLine, cells: [] };
        column = 0;
      } else if (name === 'c' && row) {
        column = columnOf(attribute(tag, 'r')) || column + 1;
        type = attribute(tag, 't') ?? 'n';
        style = Number(attribute(tag, 's') ?? 0);
        text = undefined;
      } else if (name === 'v') {
        inValue = true;
        text = [];
      } else if (name === 'is') {
        inInline = true;
        text = [];
      } else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c' && row) {
        if (text !== undefined) row.cells[column - 1] = value();
        text = undefined;
      } else if (name === 'row' && row) {
        ready.push(row);
        row = undefined;
      }
    },
    text(chunk) {
      if (text && (inValue || (inInline && !inPhonetic))) text.push(chunk);
    },
  });
  for await (const chunk of partText(zip, entry, undefined)) {
    parser.write(chunk);
    if (ready.length > 0) yield* ready.splice(0);
  }
  parser.close();
  yield* ready.splice(0);
}

const isBlank = (c: CellValue): boolean => c === undefined || c === null || (typeof c === 'string' && c.trim() === '');

/** Where the parts of the first worksheet are, and what is needed to read its cells. */
interface Workbook {
  sheet: Entry;
  context: SheetContext;
}

async function readWorkbook(zip: Zip, budget: Budget): Promise<Workbook> {
  const root = await relationships(zip, '', budget);
  const bookPath = root.find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const rels = await relationships(zip, bookPath, budget);
  const sheets: Array<{ id: string; hidden: boolean }> = [];
  let date1904 = false;
  await parsePart(zip, zip.entries.get(bookPath), budget, {
    open(name, tag) {
      if (name === 'workbookPr') date1904 = /^(?:1|true)$/.test(tag.attributes['date1904'] ?? '');
      else if (name === 'sheet') sheets.push({ id: attribute(tag, 'id') ?? '', hidden: /hidden/i.test(tag.attributes['state'] ?? '') });
    },
  });
  const byId = new Map(rels.map((r) => [r.id, r.target]));
  const first = sheets.find((s) => !s.hidden) ?? sheets[0];
  let sheet: Entry | undefined;
  if (first !== undefined) {
    const target = byId.get(first.id);
    sheet = target === undefined ? undefined : zip.entries.get(target);
    // Never another sheet in its place: that would read the wrong table without a word.
    if (!sheet) throw new UnreadableDocument({ code: 'xlsx_sheet_missing', params: { sheet: target ?? first.id } });
  } else {
    // No workbook part listing the sheets (some generators): the lowest-numbered worksheet.
    const names = [...zip.entries.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    names.sort((a, b) => Number(a.match(/\d+/g)!.at(-1)) - Number(b.match(/\d+/g)!.at(-1)));
    sheet = names[0] === undefined ? undefined : zip.entries.get(names[0]);
  }
  if (!sheet) throw new UnreadableDocument({ code: 'xlsx_no_sheet', params: {} });
  const stringsPart = rels.find((r) => r.type === 'sharedStrings')?.target ?? 'xl/sharedstrings.xml';
  const stylesPart = rels.find((r) => r.type === 'styles')?.target ?? 'xl/styles.xml';
  const stringsEntry = zip.entries.get(stringsPart);
  const stylesEntry = zip.entries.get(stylesPart);
  // Declared sizes first: a bomb is refused before anything is inflated (yauzl checks them while inflating).
  const declared = [sheet, stringsEntry, stylesEntry].reduce((sum, e) => sum + (e?.uncompressedSize ?? 0), budget.used);
  if (declared > budget.max) throw tooLarge(declared, budget.max);
  const dates = await dateStyles(zip, stylesEntry, budget);
  const strings = await sharedStrings(zip, stringsEntry, budget);
  await verify(zip, sheet, budget);
  return { sheet, context: { strings, dates, date1904 } };
}

const DESCRIPTION = 'xlsx, first worksheet';

export async function prepareXlsx(path: string, options: XlsxReadOptions = {}): Promise<PreparedInput> {
  const budget: Budget = { used: 0, max: options.maxSize ?? DEFAULT_MAX_XLSX_SIZE };
  const maxRecordSize = options.maxRecordSize ?? Infinity;
  const zip = await open(path);
  let book: Workbook;
  let header: SheetRow | undefined;
  try {
    book = await readWorkbook(zip, budget);
    for await (const row of sheetRows(zip, book.sheet, book.context)) {
      if (row.cells.some((c) => !isBlank(c))) {
        header = row;
        break;
      }
    }
  } finally {
    zip.file.close();
  }
  const headers = uniqueHeaders(header?.cells ?? []);
  const headerLine = header?.line ?? 0;
  const { context } = book;
  const sheetName = book.sheet.fileName;

  async function* rows(): AsyncGenerator<RawItem> {
    const again = await open(path);
    const sheet = again.entries.get(sheetName.replace(/^\/+/, '').toLowerCase());
    let row = 0;
    let line = headerLine;
    try {
      if (!sheet) throw new UnreadableDocument({ code: 'xlsx_changed', params: { sheet: sheetName } });
      for await (const excelRow of sheetRows(again, sheet, context)) {
        if (excelRow.line <= headerLine) continue;
        line = excelRow.line;
        const cells = excelRow.cells;
        if (cells.every(isBlank)) continue;
        row++;
        // A cell may hold up to the file's whole budget (256 MiB): a row of more text than a record may hold is a
        // reject, as in the other formats, not an analysis of tens of millions of characters (gigabytes of memory).
        let chars = 0;
        for (const cell of cells) if (typeof cell === 'string') chars += cell.length;
        if (chars > maxRecordSize) {
          yield { kind: 'reject', row, line, sheetRow: line, code: 'record_too_large', params: { max: maxRecordSize, where: { row: line }, description: DESCRIPTION, cells: true } };
          continue;
        }
        const values = Object.create(null) as Record<string, CellValue>; // a column may be named __proto__
        headers.forEach((header, i) => (values[header] = cells[i]));
        // Stray cells right of the last header are kept, named by position (renamed if a header has that name).
        for (let i = headers.length; i < cells.length; i++) {
          if (cells[i] === undefined || cells[i] === null || cells[i] === '') continue;
          const name = `colonne ${i + 1}`;
          values[Object.hasOwn(values, name) ? (uniqueHeaders([...Object.keys(values), name]).at(-1) as string) : name] = cells[i];
        }
        yield { kind: 'row', row, line: excelRow.line, sheetRow: excelRow.line, values };
      }
    } catch (error) {
      // Checked whole before the first row: only a file changed meanwhile gets here.
      if (error instanceof UnreadableDocument) throw new InputError([{ file: path, line, ...inputProblem('damaged_document', { problem: error.problem }) }]);
      throw error;
    } finally {
      again.file.close();
    }
  }
  return { headers, description: DESCRIPTION, rows };
}
