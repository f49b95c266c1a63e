// Generated spreadsheets: valid workbooks written with the small zip writer
// of test/io/_zip.ts (shared or inline strings, numbers, dates, blank rows,
// namespace prefixes, parts in any order, stored or deflated), then damaged:
// bytes flipped, truncated, parts missing, sizes that lie, bombs whose
// declared or real inflated size is over the cap while the file stays small.
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { zipBuffer, type ZipPart } from '../io/_zip.js';
import type { Expected } from './files.js';
import { MAX_RECORD, type RenderedDocument } from './json-files.js';
import { joinText, longText, textTokens } from './texts.js';

export type XlsxRecordKind =
  | 'text'
  /** The text cell is empty or blank, other cells are not: `empty text`. */
  | 'empty-text'
  /** A row with no cell, or blank cells only: not a record. */
  | 'blank-row'
  /** A number where the text goes: read as its digits. */
  | 'number-text'
  /** A cell right of the last header: kept as `colonne N`. */
  | 'stray-cell'
  | 'long-text';

export interface XlsxRecordSpec {
  kind: XlsxRecordKind;
  tokens: string[];
  extra: number;
  /** Row numbers skipped before this row (`r` jumps). */
  gap: number;
}

export type XlsxPart = 'types' | 'rootRels' | 'workbook' | 'workbookRels' | 'strings' | 'styles' | 'sheet1' | 'sheet2';

export type XlsxDamage =
  | 'none'
  /** Bytes XOR-ed at fractions of the file: the same rows, or refused as damaged. */
  | 'flip'
  | 'truncate'
  | 'missing-part'
  /** The sheet says it inflates to 600 MB: refused before inflating. */
  | 'declared-bomb'
  /** Shared strings really inflating past a 1 MB cap (`--max-xlsx-size 1`), a few KB on disk. */
  | 'real-bomb'
  /** A part inflating to more than its headers say. */
  | 'lying-size'
  | 'not-zip'
  /** The sheet's XML breaks after its rows. */
  | 'bad-xml'
  /** A cell pointing past the shared string table. */
  | 'bad-string-index';

export interface XlsxSpec {
  idColumn: boolean;
  extraColumns: number;
  textPosition: number;
  dateColumn: boolean;
  strings: 'shared' | 'inline' | 'mixed';
  prefix: boolean;
  order: 'excel' | 'reversed' | 'strings-last' | 'workbook-last';
  method: 'deflate' | 'store' | 'mixed';
  blankRowsBefore: number;
  secondSheet: boolean;
  records: XlsxRecordSpec[];
  damage: XlsxDamage;
  flips: Array<{ at: number; xor: number }>;
  missing: XlsxPart;
  cut: number;
  longSize: number;
}

export function xlsxSpec(options: { maxRecords?: number } = {}): fc.Arbitrary<XlsxSpec> {
  return fc.record({
    idColumn: fc.boolean(),
    extraColumns: fc.nat({ max: 2 }),
    textPosition: fc.nat({ max: 3 }),
    dateColumn: fc.boolean(),
    strings: fc.constantFrom<XlsxSpec['strings']>('shared', 'shared', 'inline', 'mixed'),
    prefix: fc.boolean(),
    order: fc.constantFrom<XlsxSpec['order']>('excel', 'reversed', 'strings-last', 'workbook-last'),
    method: fc.constantFrom<XlsxSpec['method']>('deflate', 'deflate', 'store', 'mixed'),
    blankRowsBefore: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
    secondSheet: fc.boolean(),
    records: fc.array(
      fc.record({
        kind: fc.oneof(
          { weight: 12, arbitrary: fc.constant<XlsxRecordKind>('text') },
          { weight: 3, arbitrary: fc.constantFrom<XlsxRecordKind>('empty-text', 'blank-row', 'number-text', 'stray-cell') },
        ),
        tokens: textTokens,
        extra: fc.nat({ max: 999 }),
        gap: fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) }),
      }),
      { maxLength: options.maxRecords ?? 25 },
    ),
    damage: fc.oneof(
      { weight: 10, arbitrary: fc.constant<XlsxDamage>('none') },
      { weight: 4, arbitrary: fc.constant<XlsxDamage>('flip') },
      { weight: 4, arbitrary: fc.constantFrom<XlsxDamage>('truncate', 'missing-part', 'declared-bomb', 'real-bomb', 'lying-size', 'not-zip', 'bad-xml', 'bad-string-index') },
    ),
    flips: fc.array(fc.record({ at: fc.double({ min: 0, max: 0.9999, noNaN: true }), xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 3 }),
    missing: fc.constantFrom<XlsxPart>('types', 'rootRels', 'workbook', 'workbookRels', 'strings', 'styles', 'sheet1', 'sheet2'),
    cut: fc.double({ min: 0, max: 0.999, noNaN: true }),
    longSize: fc.integer({ min: 20_000, max: 400_000 }),
  });
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHANNELS = ['avis', 'chat', 'email', 'telephone'];

/**
 * Text as Excel writes it in XML: markup escaped, characters XML cannot hold
 * (controls, CR, lone surrogates, U+FFFE/FFFF) as `_xHHHH_`, and a literal
 * `_xHHHH_` protected by escaping its underscore.
 */
export function xmlText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      out += ch + text[++i]!;
    } else if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      out += `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
    } else if (ch === '_' && /^_x[0-9A-Fa-f]{4}_/.test(text.slice(i))) out += '_x005F_';
    else if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else out += ch;
  }
  return out;
}

const columnName = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : columnName(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26)));

interface Cell {
  value: string | number;
  /** Shared string, inline string, number, or a date serial with the date style. */
  as: 's' | 'inline' | 'n' | 'date';
}

/** The parts of the workbook, and the records it holds. */
function build(spec: XlsxSpec, name: string): { parts: Record<XlsxPart, ZipPart>; expected: Expected[]; sharedCells: boolean } {
  const p = spec.prefix ? 'x:' : '';
  const ns = spec.prefix ? NS.replace('xmlns=', 'xmlns:x=') : NS;
  const columns: string[] = [];
  for (let k = 0; k < spec.extraColumns; k++) columns.push(['canal', 'note'][k]!);
  columns.splice(Math.min(spec.textPosition, columns.length), 0, 'commentaire');
  if (spec.idColumn) columns.unshift('id');
  if (spec.dateColumn) columns.push('date');
  const width = columns.length;

  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  let sharedCells = false;
  const stringCell = (text: string, k: number): Cell => {
    const shared = spec.strings === 'shared' || (spec.strings === 'mixed' && k % 2 === 0);
    return { value: text, as: shared ? 's' : 'inline' };
  };
  const cellXml = (cell: Cell, ref: string): string => {
    if (cell.as === 's') {
      sharedCells = true;
      const text = String(cell.value);
      let index = stringIndex.get(text);
      if (index === undefined) {
        index = strings.push(text) - 1;
        stringIndex.set(text, index);
      }
      return `<${p}c r="${ref}" t="s"><${p}v>${index}</${p}v></${p}c>`;
    }
    if (cell.as === 'inline') return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${xmlText(String(cell.value))}</${p}t></${p}is></${p}c>`;
    return `<${p}c r="${ref}"${cell.as === 'date' ? ' s="1"' : ''}><${p}v>${cell.value}</${p}v></${p}c>`;
  };
  const rowXml = (r: number, cells: Array<Cell | undefined>): string =>
    `<${p}row r="${r}">${cells.map((cell, c) => (cell === undefined ? '' : cellXml(cell, `${columnName(c)}${r}`))).join('')}</${p}row>`;

  const rows: string[] = [];
  let r = 1 + spec.blankRowsBefore;
  rows.push(rowXml(r, columns.map((h, k) => stringCell(h, k))));
  const expected: Expected[] = [];
  let row = 0;
  for (const record of spec.records) {
    r += 1 + record.gap;
    const text = record.kind === 'long-text' ? longText(record.tokens, spec.longSize) : joinText(record.tokens);
    // An empty text in a one-column sheet leaves nothing on the row: it is a blank row.
    const kind = record.kind === 'empty-text' && width === 1 ? 'blank-row' : record.kind;
    if (kind === 'blank-row') {
      rows.push(record.extra % 2 === 0 ? `<${p}row r="${r}"/>` : rowXml(r, columns.map(() => ({ value: ' ', as: 'inline' }))));
      continue;
    }
    row++;
    const id = `x${row}`;
    const cells: Array<Cell | undefined> = columns.map((column, k) => {
      if (column === 'commentaire') {
        if (kind === 'empty-text') return record.extra % 2 === 0 ? undefined : { value: '   ', as: 'inline' };
        if (kind === 'number-text') return { value: record.extra, as: 'n' };
        return stringCell(text, k + row);
      }
      if (column === 'id') return record.extra % 3 === 0 ? { value: 5000 + row, as: 'n' } : stringCell(id, k + row);
      if (column === 'canal') return stringCell(CHANNELS[record.extra % 4]!, k);
      if (column === 'note') return { value: record.extra % 11, as: 'n' };
      return { value: 45_000 + (record.extra % 400), as: 'date' };
    });
    if (kind === 'stray-cell') cells[width + (record.extra % 3)] = stringCell('hors tableau', row);
    rows.push(rowXml(r, cells));
    const idText = record.extra % 3 === 0 ? String(5000 + row) : id;
    const verbatimId = spec.idColumn ? idText : `${name}:${row}`;
    // A row holds as many characters as its string cells (the text, the id, the channel, a stray cell): over the
    // record limit it is a reject, near it either reading is right.
    const size = kind === 'text' || kind === 'long-text' || kind === 'stray-cell' ? text.length : 0;
    expected.push(
      kind === 'empty-text' ? { type: 'reject', reason: 'empty text' }
      : size > MAX_RECORD * 1.01 ? { type: 'reject', reason: 'record larger than' }
      : size > MAX_RECORD * 0.99 ? { type: 'either', id: verbatimId, reason: 'record larger than' }
      : { type: 'verbatim', id: verbatimId, text: kind === 'number-text' ? String(record.extra) : text },
    );
  }

  const part = (partName: string, data: string, k: number): ZipPart => ({
    name: partName,
    data,
    method: spec.method === 'store' || (spec.method === 'mixed' && k % 2 === 1) ? 0 : 8,
  });
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${ns}><${p}sheetData>${rows.join('')}</${p}sheetData></${p}worksheet>`;
  const parts: Record<XlsxPart, ZipPart> = {
    types: part('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 0),
    rootRels: part('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`, 1),
    workbook: part('xl/workbook.xml', `<?xml version="1.0"?><${p}workbook ${ns}><${p}sheets><${p}sheet name="Verbatims" sheetId="1" r:id="rId1"/>${spec.secondSheet ? `<${p}sheet name="Notes" sheetId="2" r:id="rId2"/>` : ''}</${p}sheets></${p}workbook>`, 2),
    workbookRels: part('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`, 3),
    styles: part('xl/styles.xml', `<?xml version="1.0"?><${p}styleSheet ${ns}><${p}cellXfs count="2"><${p}xf numFmtId="0"/><${p}xf numFmtId="14"/></${p}cellXfs></${p}styleSheet>`, 4),
    sheet1: part('xl/worksheets/sheet1.xml', sheet, 5),
    sheet2: part('xl/worksheets/sheet2.xml', `<?xml version="1.0"?><${p}worksheet ${ns}><${p}sheetData><${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}t>autre</${p}t></${p}is></${p}c></${p}row></${p}sheetData></${p}worksheet>`, 6),
    strings: part('xl/sharedStrings.xml', `<?xml version="1.0"?><${p}sst ${ns} count="${strings.length}">${strings.map((s) => `<${p}si><${p}t xml:space="preserve">${xmlText(s)}</${p}t></${p}si>`).join('')}</${p}sst>`, 7),
  };
  return { parts, expected, sharedCells };
}

const ORDERS: Record<XlsxSpec['order'], XlsxPart[]> = {
  excel: ['types', 'rootRels', 'workbook', 'workbookRels', 'styles', 'strings', 'sheet1', 'sheet2'],
  reversed: ['sheet2', 'sheet1', 'strings', 'styles', 'workbookRels', 'workbook', 'rootRels', 'types'],
  'strings-last': ['types', 'rootRels', 'workbook', 'workbookRels', 'sheet1', 'sheet2', 'styles', 'strings'],
  'workbook-last': ['types', 'rootRels', 'workbookRels', 'strings', 'styles', 'sheet1', 'sheet2', 'workbook'],
};

const DAMAGED = /damaged XLSX file|XLSX file holds no worksheet/;

/** Bytes of the workbook and what the CLI must do with it (read with `--max-xlsx-size 1` for `real-bomb`). */
export function renderXlsx(spec: XlsxSpec, name = 'fuzz.xlsx'): RenderedDocument {
  const { parts, expected, sharedCells } = build(spec, name);
  const read = { text: 'commentaire', ...(spec.idColumn && { id: 'id' }) };
  let order = ORDERS[spec.order].filter((k) => k !== 'sheet2' || spec.secondSheet);
  const rows = { kind: 'rows' as const, records: expected };
  let outcome: RenderedDocument['outcome'] = rows;

  if (spec.damage === 'missing-part') {
    order = order.filter((k) => k !== spec.missing);
    // Without the workbook part, the lowest-numbered sheet is read: sheet1, as with it.
    const harmless = ['types', 'rootRels', 'workbook', 'styles', 'sheet2'].includes(spec.missing) || (spec.missing === 'strings' && !sharedCells);
    // Without styles, date cells read as numbers: the same records.
    outcome = harmless ? rows : { kind: 'refused', message: spec.missing === 'strings' ? /refers to shared string/ : DAMAGED };
  } else if (spec.damage === 'declared-bomb') {
    parts.sheet1 = { ...parts.sheet1, declaredSize: 600 * 1024 * 1024 };
    // yauzl refuses a stored part whose sizes differ before the cap is checked: damaged, also right.
    outcome = { kind: 'refused', message: /inflates to 60\d MB or more, over the 256 MB allowed|size mismatch for stored file/ }; // 600 MB and the parts inflated before it
  } else if (spec.damage === 'real-bomb') {
    const big = 'abîmé jamais reçu '.repeat(Math.ceil((1.2 + (spec.cut % 1)) * 1024 * 1024 / 18));
    const data = String(parts.strings.data).replace(/<\/([a-z]+:)?sst>$/, (end) => `<${spec.prefix ? 'x:' : ''}si><${spec.prefix ? 'x:' : ''}t>${big}</${spec.prefix ? 'x:' : ''}t></${spec.prefix ? 'x:' : ''}si>${end}`);
    parts.strings = { ...parts.strings, data, method: 8 };
    outcome = { kind: 'refused', message: /over the 1 MB allowed/ };
  } else if (spec.damage === 'lying-size') {
    const target = spec.cut < 0.5 ? 'sheet1' : 'strings';
    const data = Buffer.from(String(parts[target].data), 'utf8');
    parts[target] = { ...parts[target], method: 8, declaredSize: Math.max(0, data.length - 1 - Math.floor(spec.cut * data.length)), compressed: deflateRawSync(data) };
    outcome = { kind: 'refused', message: DAMAGED };
  } else if (spec.damage === 'bad-xml') {
    parts.sheet1 = { ...parts.sheet1, data: String(parts.sheet1.data).replace(/<\/([a-z]+:)?sheetData>.*$/, '<row r="99999"><c r="A99999" t="inlineStr"><is><t>fin</is></row>') };
    outcome = { kind: 'refused', message: /is not valid XML/ };
  } else if (spec.damage === 'bad-string-index') {
    const p = spec.prefix ? 'x:' : '';
    parts.sheet1 = { ...parts.sheet1, data: String(parts.sheet1.data).replace(new RegExp(`</${p}sheetData>`), `<${p}row r="99999"><${p}c r="A99999" t="s"><${p}v>99999</${p}v></${p}c></${p}row></${p}sheetData>`) };
    outcome = { kind: 'refused', message: /refers to shared string 99999/ };
  }

  let bytes = zipBuffer(order.map((k) => parts[k]));
  if (spec.damage === 'flip') {
    bytes = Buffer.from(bytes);
    for (const { at, xor } of spec.flips) bytes[Math.floor(at * bytes.length)]! ^= xor;
    outcome = { kind: 'rows-or-refused', records: expected, message: /XLSX|no column|no text column/ };
  } else if (spec.damage === 'truncate') {
    bytes = bytes.subarray(0, Math.floor(spec.cut * (bytes.length - 1)));
    outcome = { kind: 'refused', message: DAMAGED };
  } else if (spec.damage === 'not-zip') {
    bytes = [Buffer.alloc(0), Buffer.from('id;commentaire\n1;pas un classeur\n'), Buffer.from(String(parts.sheet1.data))][Math.floor(spec.cut * 3)]!;
    outcome = { kind: 'refused', message: DAMAGED };
  }
  const contentBytes = order.reduce((sum, k) => sum + Buffer.byteLength(parts[k].data), 0);
  return { name, bytes, contentBytes, outcome, read };
}
