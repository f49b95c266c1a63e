// Generated JSON documents, valid or not, with what reading them must give.
//
// A JSON export is read element by element: every element of its array of
// records gives one item (a verbatim, or a reject such as `not a JSON object`,
// `nested deeper`, `record larger than`); damage inside the array costs the
// elements it touches (a cut-short export: the records before it, then `JSON
// array not closed`); damage around the array refuses the file with one
// message (invalid JSON, no array of objects, no text column). Which one, and
// each item, follows from the description alone.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import type { Expected } from './files.js';
import { joinText, longText, textTokens } from './texts.js';

export type JsonRecordKind =
  | 'object'
  /** `"commentaire": ""` or blanks. */
  | 'empty-text'
  | 'null-text'
  | 'missing-text'
  /** A number, a boolean or an object where the text goes: read as its JSON text. */
  | 'number-text'
  | 'object-text'
  /** Array elements that are not objects. */
  | 'null'
  | 'number'
  | 'string'
  | 'array'
  /** Nested values in another field, within the depth allowed. */
  | 'nested-meta'
  /** A value nested thousands deep: that record is a reject. */
  | 'deep'
  /** A long text: past the 1 MiB record limit, a reject. */
  | 'long-text';

export interface JsonRecordSpec {
  kind: JsonRecordKind;
  tokens: string[];
  extra: number;
}

export type JsonDamage = 'none' | 'truncate' | 'trailing-comma' | 'comment' | 'single-quote' | 'nan' | 'garbage-after';

export interface JsonSpec {
  encoding: 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom';
  /** The records as the document, under one key of an object, under two keys (ambiguous), a lone object, a scalar. */
  shape: 'array' | 'wrapped' | 'two-arrays' | 'object' | 'scalar';
  layout: 'compact' | 'indented' | 'one-per-line';
  eol: '\n' | '\r\n';
  idKey: boolean;
  records: JsonRecordSpec[];
  damage: JsonDamage;
  /** Where a truncation cuts, as a fraction of the text. */
  cut: number;
  /** Characters of a long text. */
  longSize: number;
}

/** What the CLI must do with a file: read its records, refuse it with a message, or either (damage that may not matter). */
export type FileOutcome =
  | { kind: 'rows'; records: Expected[] }
  | { kind: 'refused'; message: RegExp }
  | { kind: 'rows-or-refused'; records: Expected[]; message: RegExp }
  /**
   * Damage inside the array of records, whose cost depends on where it falls:
   * the file refused with `message`, or rows numbered in order where each
   * verbatim is one of `records` (in their order), with at least one reject,
   * the last one `last` when given.
   */
  | { kind: 'damaged'; records: Expected[]; message: RegExp; last?: string };

/** The reader's record limit in the CLI (maxRecordSize default), in characters. */
export const MAX_RECORD = 1024 * 1024;

export interface RenderedDocument {
  name: string;
  bytes: Buffer;
  /** What the reader works through, when it is not the file's bytes (an XLSX file inflated). */
  contentBytes?: number;
  outcome: FileOutcome;
  read: { text: string; id?: string };
}

// Long texts are made by the fuzz run for its few large files only (see cases.ts).
const recordKind = fc.oneof(
  { weight: 60, arbitrary: fc.constant<JsonRecordKind>('object') },
  { weight: 10, arbitrary: fc.constantFrom<JsonRecordKind>('empty-text', 'null-text', 'missing-text', 'number-text', 'object-text', 'null', 'number', 'string', 'array', 'nested-meta') },
  { weight: 1, arbitrary: fc.constant<JsonRecordKind>('deep') },
);

export function jsonSpec(options: { maxRecords?: number } = {}): fc.Arbitrary<JsonSpec> {
  return fc.record({
    encoding: fc.constantFrom<JsonSpec['encoding']>('utf8', 'utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom'),
    shape: fc.oneof(
      { weight: 8, arbitrary: fc.constant<JsonSpec['shape']>('array') },
      { weight: 3, arbitrary: fc.constant<JsonSpec['shape']>('wrapped') },
      { weight: 1, arbitrary: fc.constantFrom<JsonSpec['shape']>('two-arrays', 'object', 'scalar') },
    ),
    layout: fc.constantFrom<JsonSpec['layout']>('compact', 'indented', 'one-per-line'),
    eol: fc.constantFrom<JsonSpec['eol']>('\n', '\r\n'),
    idKey: fc.boolean(),
    records: fc.array(fc.record({ kind: recordKind, tokens: textTokens, extra: fc.nat({ max: 999 }) }), { maxLength: options.maxRecords ?? 25 }),
    damage: fc.oneof(
      { weight: 12, arbitrary: fc.constant<JsonDamage>('none') },
      { weight: 3, arbitrary: fc.constantFrom<JsonDamage>('truncate', 'trailing-comma', 'comment', 'single-quote', 'nan', 'garbage-after') },
    ),
    cut: fc.double({ min: 0, max: 0.999, noNaN: true }),
    longSize: fc.integer({ min: 20_000, max: 400_000 }),
  });
}

const CHANNELS = ['avis', 'chat', 'email', 'telephone'];

function nest(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let d = 0; d < depth; d++) value = d % 2 === 0 ? [value] : { niveau: value };
  return value;
}

/** The value written for a record, and what reading it gives (`deep` is handled by the caller). */
function recordValue(spec: JsonSpec, record: JsonRecordSpec, id: string | number): { value: unknown; text?: string; reject?: string } {
  const text = record.kind === 'long-text' ? longText(record.tokens, spec.longSize) : joinText(record.tokens);
  const base = (fields: Record<string, unknown>): Record<string, unknown> => ({
    ...(spec.idKey && { id }),
    ...fields,
    canal: CHANNELS[record.extra % 4],
    ...(record.extra % 5 === 0 && { note: record.extra % 11 }),
    ...(record.extra % 7 === 0 && { ['__proto__']: { pollue: true } }),
  });
  switch (record.kind) {
    case 'object':
    case 'long-text':
      return { value: base({ commentaire: text }), text };
    case 'empty-text':
      return { value: base({ commentaire: ['', '  ', '\t'][record.extra % 3] }), reject: 'empty text' };
    case 'null-text':
      return { value: base({ commentaire: null }), reject: 'empty text' };
    case 'missing-text':
      return { value: base({ texte_libre: text }), reject: 'empty text' };
    case 'number-text': {
      const value = [record.extra, record.extra % 2 === 0, -record.extra / 4][record.extra % 3]!;
      return { value: base({ commentaire: value }), text: String(value) };
    }
    case 'object-text': {
      const value = { avis: text, note: record.extra % 6 };
      return { value: base({ commentaire: value }), text: JSON.stringify(value) };
    }
    case 'nested-meta':
      return { value: base({ commentaire: text, details: nest(2 + (record.extra % 50), text) }), text };
    case 'null':
      return { value: null, reject: 'not a JSON object' };
    case 'number':
      return { value: record.extra, reject: 'not a JSON object' };
    case 'string':
      return { value: text, reject: 'not a JSON object' };
    case 'array':
      return { value: [text, record.extra], reject: 'not a JSON object' };
    case 'deep':
      return { value: base({ commentaire: text, details: nest(1000 + record.extra * 5, 'fond') }) };
  }
}

function encode(text: string, encoding: JsonSpec['encoding']): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return iconv.encode(text, encoding === 'utf16le-bom' ? 'utf16le' : 'utf16be', { addBOM: true });
}

/** JSON with no recursion (the deep values would overflow JSON.stringify): arrays and objects written by hand. */
function stringify(value: unknown, layout: JsonSpec['layout'], eol: string): string {
  if (layout === 'one-per-line' && Array.isArray(value)) return `[${eol}${value.map((v) => flat(v)).join(`,${eol}`)}${eol}]`;
  if (layout === 'indented') return indented(value, '', eol);
  return flat(value);
}

function flat(value: unknown): string {
  const out: string[] = [];
  const stack: Array<{ value: unknown } | { close: string } | { sep: string }> = [{ value }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if ('close' in top) out.push(top.close);
    else if ('sep' in top) out.push(top.sep);
    else if (Array.isArray(top.value)) {
      out.push('[');
      stack.push({ close: ']' });
      for (let i = top.value.length - 1; i >= 0; i--) {
        stack.push({ value: top.value[i] });
        if (i > 0) stack.push({ sep: ',' });
      }
    } else if (typeof top.value === 'object' && top.value !== null) {
      const entries = Object.entries(top.value);
      out.push('{');
      stack.push({ close: '}' });
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push({ value: entries[i]![1] });
        stack.push({ sep: `${JSON.stringify(entries[i]![0])}:` });
        if (i > 0) stack.push({ sep: ',' });
      }
    } else out.push(JSON.stringify(top.value) ?? 'null');
  }
  return out.join('');
}

function indented(value: unknown, pad: string, eol: string): string {
  // Records are shallow except `deep`/`nested-meta` values, written flat inside.
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${eol}${value.map((v) => `${pad}  ${indented(v, `${pad}  `, eol)}`).join(`,${eol}`)}${eol}${pad}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{${eol}${entries.map(([k, v]) => `${pad}  ${JSON.stringify(k)}: ${typeof v === 'object' && v !== null && pad.length < 6 ? indented(v, `${pad}  `, eol) : flat(v)}`).join(`,${eol}`)}${eol}${pad}}`;
  }
  return flat(value);
}

function damage(text: string, spec: JsonSpec): string {
  switch (spec.damage) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, Math.floor(spec.cut * text.trimEnd().length));
    case 'trailing-comma': {
      const last = Math.max(text.lastIndexOf(']'), text.lastIndexOf('}'));
      return last < 0 ? `${text},` : `${text.slice(0, last)},${text.slice(last)}`;
    }
    case 'comment':
      return `// export du 2024-05-01${spec.eol}${text}`;
    case 'single-quote':
      return text.includes('"') ? text.replace('"', "'") : `'${text}`;
    case 'nan':
      return text.includes('[') ? text.replace('[', '[NaN,') : `{"x": NaN, ${text.slice(1)}`;
    case 'garbage-after':
      return `${text}]}x`; // on the last line: never read as JSON Lines
  }
}

/** Bytes of the document and what the CLI must do with it. */
export function renderJson(spec: JsonSpec, jsonName = 'fuzz.json'): RenderedDocument {
  const values: unknown[] = [];
  const read: Array<{ id: string | number; text?: string; reject?: string }> = [];
  spec.records.forEach((record, k) => {
    const id = record.extra % 3 === 0 ? 1000 + k + 1 : `j${k + 1}`;
    const { value, text, reject } = recordValue(spec, record, id);
    values.push(value);
    // The element's size counts its layout too: near the limit, either reading is right.
    const size = record.kind === 'long-text' ? JSON.stringify(value).length : 0;
    const why = record.kind === 'deep' ? 'JSON nested deeper than 64 levels'
      : reject ?? (size > MAX_RECORD * 1.05 ? 'record larger than' : size > MAX_RECORD * 0.95 ? 'either' : undefined);
    read.push(why !== undefined ? { id, reject: why } : { id, text: text! });
  });
  const document =
    spec.shape === 'array' ? values
    : spec.shape === 'wrapped' ? { export: 'avis clients', date: '2024-05-01', verbatims: values }
    : spec.shape === 'two-arrays' ? { avis: values, reponses: values }
    : spec.shape === 'object' ? { commentaire: 'un seul avis', canal: 'avis' }
    : ['un avis', 42, true][spec.records.length % 3];
  const text = damage(stringify(document, spec.layout, spec.eol), spec);
  // An export misnamed .jsonl (drawn from \`cut\`, which only truncation reads, so that seeds keep their cases):
  // a document still reads as JSON, but a lone one-line object is a JSON Lines record and a scalar a line that is no object.
  // Not when its first line is past the 1 MiB the format sniffing reads: it cannot be told from a JSON Lines record.
  const lineEnd = text.search(/[\r\n]/u);
  const firstLine = lineEnd === -1 ? text : text.slice(0, lineEnd);
  const misnamed = spec.damage === 'none' && spec.cut < 0.25 && (spec.encoding === 'utf8' || spec.encoding === 'utf8-bom') && Buffer.byteLength(firstLine) < 1024 * 1024 - 16;
  const name = misnamed ? jsonName.replace(/\.json$/u, '.jsonl') : jsonName;
  const expected: Expected[] = read.map(({ id, text, reject }, k) => {
    const verbatimId = spec.idKey ? String(id) : `${name}:${k + 1}`;
    if (reject === 'either') return { type: 'either', id: verbatimId, reason: 'record larger than' };
    return reject !== undefined ? { type: 'reject', reason: reject } : { type: 'verbatim', id: verbatimId, text: text! };
  });
  const file = { name, bytes: encode(text, spec.encoding), read: { text: 'commentaire', ...(spec.idKey && { id: 'id' }) } };

  const holdsRecords = spec.shape === 'array' || (spec.shape === 'wrapped' && values.some((v) => typeof v === 'object' && v !== null && !Array.isArray(v)));
  const refused = (message: RegExp): RenderedDocument => ({ ...file, outcome: { kind: 'refused', message } });
  let records = expected;
  switch (spec.damage) {
    case 'none':
      break;
    case 'comment':
      return refused(/invalid JSON/);
    case 'truncate': {
      // A number cut short is still a number ("42" → "4"): still no array of objects.
      if (/^\s*-?\d+(?:\.\d+)?\s*$/u.test(text)) return refused(/not an array of objects/);
      if (spec.shape !== 'array') return refused(/invalid JSON/);
      return { ...file, outcome: { kind: 'damaged', records: expected, message: /invalid JSON|no column/, last: 'JSON array not closed' } };
    }
    case 'single-quote':
      // The first quote changed: the strings after it are read out of step, so any element may break.
      if (spec.shape !== 'array' || !text.startsWith('[')) return refused(/invalid JSON/);
      return { ...file, outcome: { kind: 'damaged', records: expected, message: /invalid JSON|no column/ } };
    case 'trailing-comma':
      // A comma before the array's `]` loses nothing; before an object's `}` it is invalid.
      if (spec.shape !== 'array') return refused(/invalid JSON/);
      break;
    case 'nan':
      if (spec.shape === 'object' || spec.shape === 'scalar') return refused(/invalid JSON/);
      if (!holdsRecords) return refused(/not an array of objects/);
      // `[NaN,` opens the array of records: one more element, the records' rows one further on.
      records = [{ type: 'reject', reason: 'invalid JSON' }, ...expected.map((e) => (e.type !== 'reject' && !spec.idKey ? { ...e, id: e.id.replace(/:(\d+)$/u, (_, n: string) => `:${Number(n) + 1}`) } : e))];
      break;
    case 'garbage-after':
      if (spec.shape === 'scalar') return refused(/invalid JSON/);
      if (!holdsRecords) return refused(/not an array of objects/);
      records = [...expected, { type: 'reject', reason: 'text after the end of the JSON document' }];
      break;
  }
  if (misnamed && !/[\r\n]/u.test(text.trim())) {
    if (spec.shape === 'scalar') return { ...file, outcome: { kind: 'refused', message: /no column "commentaire"/ } };
    if (spec.shape === 'object') {
      return { ...file, outcome: spec.idKey ? { kind: 'refused', message: /no column "id"/ } : { kind: 'rows', records: [{ type: 'verbatim', id: `${name}:1`, text: 'un seul avis' }] } };
    }
    // One line holding no array of records, and no array that is empty or holds objects: a record, with no text column.
    const wraps = values.some((v) => typeof v === 'object') || values.length === 0;
    if ((spec.shape === 'wrapped' || spec.shape === 'two-arrays') && !wraps) return { ...file, outcome: { kind: 'refused', message: /no column "commentaire"/ } };
  }
  if (!holdsRecords) return refused(/not an array of objects/);
  // Columns are the keys of the first 100 elements read (one over the record limit is skipped over, not read).
  const sampled = values.filter((_, k) => expected[k]!.type === 'verbatim' || expected[k]!.reason !== 'record larger than').slice(0, 100);
  const objects = sampled.filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v)) as Array<Record<string, unknown>>;
  const missing = ['commentaire', ...(spec.idKey ? ['id'] : [])].find((key) => !objects.some((o) => Object.hasOwn(o, key)));
  if (missing !== undefined) return { ...file, outcome: { kind: 'refused', message: new RegExp(`no column "${missing}"`) } };
  return { ...file, outcome: { kind: 'rows', records } };
}
