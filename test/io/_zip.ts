// A minimal zip writer for tests: entries in the order given, stored or
// deflated, with sizes that may lie, to build spreadsheets that no office
// suite writes (parts out of order, damaged, bombs).
import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: string | Buffer;
  /** 8 deflate (default), 0 stored. */
  method?: 0 | 8;
  /** Uncompressed size written in the headers (default: the real one). */
  declaredSize?: number;
  /** Compressed bytes to write instead of compressing `data` (a pre-built bomb). */
  compressed?: Buffer;
}

export function zipBuffer(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8');
    const method = part.method ?? 8;
    const body = part.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const name = Buffer.from(part.name, 'utf8');
    const crc = crc32(data) >>> 0;
    const size = part.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function writeZip(path: string, parts: ZipPart[]): string {
  writeFileSync(path, zipBuffer(parts));
  return path;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The parts of a small workbook: one sheet of shared-string cells (first row the header), a second sheet, by name. */
export function workbookParts(rows: string[][], options: { prefix?: string } = {}): Record<string, ZipPart> {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = options.prefix ? NS.replace('xmlns=', `xmlns:${options.prefix}=`) : NS;
  const strings: string[] = [];
  const index = (s: string): number => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const sheetRows = rows
    .map((row, r) => `<${p}row r="${r + 1}">${row.map((cell, c) => `<${p}c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><${p}v>${index(cell)}</${p}v></${p}c>`).join('')}</${p}row>`)
    .join('');
  const part = (name: string, data: string): ZipPart => ({ name, data });
  return {
    types: part('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    rootRels: part('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    workbook: part('xl/workbook.xml', `<?xml version="1.0"?><${p}workbook ${ns}><${p}sheets><${p}sheet name="Verbatims" sheetId="1" r:id="rId1"/><${p}sheet name="Notes" sheetId="2" r:id="rId2"/></${p}sheets></${p}workbook>`),
    workbookRels: part('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    sheet1: part('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><${p}worksheet ${ns}><${p}sheetData>${sheetRows}</${p}sheetData></${p}worksheet>`),
    sheet2: part('xl/worksheets/sheet2.xml', `<?xml version="1.0"?><${p}worksheet ${ns}><${p}sheetData><${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}t>autre</${p}t></${p}is></${p}c></${p}row></${p}sheetData></${p}worksheet>`),
    strings: part('xl/sharedStrings.xml', `<?xml version="1.0"?><${p}sst ${ns}>${strings.map((s) => `<${p}si><${p}t xml:space="preserve">${escape(s)}</${p}t></${p}si>`).join('')}</${p}sst>`),
  };
}
