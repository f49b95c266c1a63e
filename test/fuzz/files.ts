// Generated input files for the readers, with what reading them must give.
//
// `fileSpec()` is a fast-check arbitrary of file descriptions; `renderFile`
// turns one into bytes plus the expected item for every record written. The
// property tests use the arbitrary directly (with shrinking); a seeded run
// (the future `npm run fuzz`) draws the same descriptions with
// `sampleFiles(seed, count)`, so both exercise one generator.
//
// The damage a file can carry is the damage a reader can undo without
// guessing: a stray opening quote on a record of plain cells, loose quotes
// inside one line, a wrong number of cells, an empty text, a record larger
// than the limit, blank and whitespace lines, any mix of LF/CRLF/CR. Two
// things are left out because no reader can tell them from valid files: a
// stray opening quote closed by a stray closing quote in the same column of a
// later row (it reads as one multi-line cell), and a quoted cell whose text
// starts with the delimiter, a quote or a line break right after a stray quote.
import fc from 'fast-check';
import iconv from 'iconv-lite';

export type Format = 'csv' | 'tsv' | 'jsonl';
export type Eol = '\n' | '\r\n' | '\r';
export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'windows-1252';
export type Damage =
  | 'none'
  /** CSV/TSV: the text opens a quote it never closes, written unquoted. */
  | 'stray-open'
  /**
   * CSV/TSV: a stray opening quote on a text that runs over several lines, in
   * a middle column, followed by a well-formed record: no line of it has the
   * header's width, so its lines are lost as one record up to the next
   * well-formed one (written as `stray-open` where that would be ambiguous).
   */
  | 'stray-open-lines'
  /** CSV/TSV: `"Nul" de chez nul`, written unquoted: read as written. */
  | 'loose-quotes'
  /** CSV/TSV: a quote inside an unquoted text: read as written. */
  | 'inner-quote'
  /** CSV/TSV: one cell too many or too few. */
  | 'wrong-width'
  | 'empty-text'
  /** Larger than the reader's maxRecordSize. */
  | 'huge'
  /** JSONL: a line that is not JSON. */
  | 'invalid-json'
  /** JSONL: a JSON value that is not an object. */
  | 'not-object';

/** One piece of a text: a word, or a character that needs care in CSV. */
export type Token = string | { special: 'delimiter' | 'quote' | 'break' | 'emoji' };

export interface RecordSpec {
  damage: Damage;
  tokens: Token[];
  /** Line break after this record, and inside its text. */
  eol: Eol;
  /** Lines written before this record that are not records: empty or spaces. */
  blankBefore: readonly string[];
  /** Values of the other cells. */
  extra: number;
  /** `huge`: characters to reach (default just over HUGE_LIMIT); the fuzz run uses it for long verbatims. */
  size?: number;
}

export interface FileSpec {
  format: Format;
  delimiter: ';' | ',' | '|' | '\t';
  encoding: Encoding;
  /** One line break for the whole file, or each record's own. */
  eol: Eol | 'mixed';
  finalEol: boolean;
  /** Has an id column (else ids default to `file:row`). */
  idColumn: boolean;
  /** Columns besides id and text. */
  extraColumns: number;
  /** Position of the text column among the columns. */
  textPosition: number;
  /** Quote every cell, not only the cells that need it. */
  quoteAll: boolean;
  records: RecordSpec[];
}

/**
 * What reading a record must give. A record rejected as too large says the id
 * it gets and its size, for a reader whose limit is larger (the CLI's 1 MiB).
 */
export type Expected =
  | { type: 'verbatim'; id: string; text: string }
  | { type: 'reject'; reason: string; id?: string; size?: number }
  /** Either reading is right: a record that only the delimiter, which no reader can know, decides (a one-column CSV). */
  | { type: 'either'; id: string; reason: string };

export interface RenderedFile {
  name: string;
  bytes: Buffer;
  /** One entry per record written, in order. */
  expected: Expected[];
  /** Options to read it with. */
  read: { text: string; id?: string; delimiter?: string };
}

/** Records larger than this (characters) are written by `huge`; read with `maxRecordSize: HUGE_LIMIT`. */
export const HUGE_LIMIT = 2048;

export const WORDS = [
  'colis', 'livraison', 'retard', 'très', 'déçu', 'conseillère', 'aimable', 'remboursé', 'jamais', 'reçu', 'SAV', 'à',
  "l'écoute", 'délai', 'œuvre', '12,50', '€', 'merci', 'nul', 'bien', 'rapide', '!', '?', '…', 'ça', 'août', 'Noël',
];
const CHANNELS = ['avis', 'chat', 'email', 'telephone'];

const token: fc.Arbitrary<Token> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constant({ special: 'delimiter' } as const) },
  { weight: 1, arbitrary: fc.constant({ special: 'quote' } as const) },
  { weight: 1, arbitrary: fc.constant({ special: 'break' } as const) },
  { weight: 1, arbitrary: fc.constant({ special: 'emoji' } as const) },
);

const eol = fc.constantFrom<Eol>('\n', '\r\n', '\r');

const recordSpec = (format: Format): fc.Arbitrary<RecordSpec> =>
  fc.record({
    damage: format === 'jsonl'
      ? fc.oneof(
          { weight: 12, arbitrary: fc.constant<Damage>('none') },
          { weight: 1, arbitrary: fc.constantFrom<Damage>('invalid-json', 'not-object', 'empty-text', 'huge') },
        )
      : fc.oneof(
          { weight: 10, arbitrary: fc.constant<Damage>('none') },
          { weight: 3, arbitrary: fc.constant<Damage>('stray-open') },
          { weight: 1, arbitrary: fc.constant<Damage>('stray-open-lines') },
          { weight: 2, arbitrary: fc.constantFrom<Damage>('loose-quotes', 'inner-quote', 'wrong-width', 'empty-text', 'huge') },
        ),
    tokens: fc.array(token, { minLength: 1, maxLength: 14 }),
    eol,
    blankBefore: fc.oneof({ weight: 6, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.array(fc.constantFrom('', ' ', '   '), { minLength: 1, maxLength: 2 }) }),
    extra: fc.nat({ max: 999 }),
  });

/** A description of one input file: format, dialect, encoding, line ends and records. */
export function fileSpec(options: { maxRecords?: number; format?: Format } = {}): fc.Arbitrary<FileSpec> {
  return (options.format ? fc.constant(options.format) : fc.constantFrom<Format>('csv', 'csv', 'tsv', 'jsonl')).chain((format) =>
    fc.record({
      format: fc.constant(format),
      delimiter: format === 'tsv' ? fc.constant<'\t'>('\t') : fc.constantFrom<FileSpec['delimiter']>(';', ',', '|', '\t'),
      encoding: fc.constantFrom<Encoding>('utf8', 'utf8-bom', 'utf16le-bom', 'windows-1252'),
      eol: fc.oneof(eol, fc.constant<'mixed'>('mixed')),
      finalEol: fc.boolean(),
      idColumn: fc.boolean(),
      extraColumns: fc.nat({ max: 2 }),
      textPosition: fc.nat({ max: 3 }),
      quoteAll: fc.boolean(),
      records: fc.array(recordSpec(format), { minLength: format === 'jsonl' ? 1 : 0, maxLength: options.maxRecords ?? 30 }),
    }),
  );
}

/** `count` file descriptions drawn from `seed`: the same seed gives the same files. */
export function sampleFiles(seed: number, count: number, options?: { maxRecords?: number }): FileSpec[] {
  return fc.sample(fileSpec(options), { seed, numRuns: count });
}

/** The text a record carries, as the writer means it. */
function textOf(spec: FileSpec, record: RecordSpec): string {
  const plainOnly = record.damage !== 'none' && record.damage !== 'huge';
  let out = '';
  for (const t of record.tokens) {
    if (typeof t === 'string') out += (out === '' ? '' : ' ') + t;
    else if (t.special === 'emoji') out += spec.encoding === 'windows-1252' ? ' é' : ' 😀';
    else if (plainOnly) continue;
    else if (t.special === 'delimiter') out += spec.delimiter;
    else if (t.special === 'quote') out += '"';
    else out += record.eol;
  }
  // Damaged records hold plain cells only (words such as "12,50" hold a comma).
  if (plainOnly) out = out.replaceAll(spec.delimiter, ' ');
  // A text never starts with what would make its quoted cell ambiguous after a stray quote, nor with blanks.
  out = out.replace(/^[\s"';,|\t]+/, '');
  return out === '' ? 'vide' : out;
}

const needsQuotes = (cell: string, delimiter: string): boolean => /["\r\n]/.test(cell) || cell.includes(delimiter);
const quoted = (cell: string): string => `"${cell.replaceAll('"', '""')}"`;

function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf16le-bom') return iconv.encode(text, 'utf16le', { addBOM: true });
  return iconv.encode(text, 'windows-1252');
}

/** Bytes of the file and the expected item of each record. */
export function renderFile(spec: FileSpec, name = `fuzz.${spec.format}`): RenderedFile {
  const eolOf = (record: RecordSpec | undefined): Eol => (spec.eol === 'mixed' ? (record?.eol ?? '\n') : spec.eol);
  const expected: Expected[] = [];
  const lines: string[] = []; // each entry ends with its line break, except maybe the last
  let row = 0;
  const idOf = (n: number): string => (spec.idColumn ? `r${n}` : `${name}:${n}`);

  if (spec.format === 'jsonl') {
    spec.records.forEach((record, k) => {
      const damage = k === 0 ? 'none' : record.damage; // keys are read from the first records
      for (const blank of record.blankBefore) lines.push(blank + eolOf(record));
      row++;
      const text = damage === 'huge' ? `${textOf(spec, record)} `.repeat(Math.ceil((record.size ?? HUGE_LIMIT) / (textOf(spec, record).length + 1)) + 1) : textOf(spec, record);
      const object: Record<string, unknown> = { commentaire: damage === 'empty-text' ? '' : text, canal: CHANNELS[record.extra % 4] };
      if (spec.idColumn) object['id'] = idOf(row);
      let line = JSON.stringify(object);
      if (damage === 'invalid-json') line = line.slice(0, -1);
      if (damage === 'not-object') line = JSON.stringify([text]);
      lines.push(line + eolOf(record));
      expected.push(
        damage === 'none' ? { type: 'verbatim', id: idOf(row), text }
        : damage === 'huge' ? { type: 'reject', reason: 'line larger than', id: idOf(row), size: line.length }
        : damage === 'empty-text' ? { type: 'reject', reason: 'empty text' }
        : damage === 'invalid-json' ? { type: 'reject', reason: 'invalid JSON' }
        : { type: 'reject', reason: 'not a JSON object' },
      );
    });
  } else {
    const d = spec.delimiter;
    const columns: string[] = [];
    for (let k = 0; k < spec.extraColumns; k++) columns.push(['canal', 'note'][k]!);
    columns.splice(Math.min(spec.textPosition, columns.length), 0, 'commentaire');
    if (spec.idColumn) columns.unshift('id');
    const width = columns.length;
    lines.push(columns.join(d) + eolOf(spec.records[0]));
    const textIndex = columns.indexOf('commentaire');
    spec.records.forEach((record, k) => {
      for (const blank of record.blankBefore) lines.push(blank + eolOf(record));
      row++;
      // Over lines only where no line of the text reads as a record, and the next record is well formed.
      const nextDamage = spec.records[k + 1]?.damage ?? 'none';
      const overLines = record.damage === 'stray-open-lines' && textIndex > 0 && textIndex < width - 1 && (nextDamage === 'none' || nextDamage === 'empty-text');
      const damage = record.damage === 'stray-open-lines' && !overLines ? 'stray-open' : record.damage;
      const text = textOf(spec, record);
      let textCell: string;
      let expect: Expected;
      if (damage === 'stray-open-lines') {
        const words = text.split(' ');
        textCell = `"${words.map((w, i) => (i > 0 && i % 3 === 0 ? `${record.eol}${w}` : w)).join(' ')}${words.length <= 3 ? `${record.eol}suite` : ''}`;
        expect = { type: 'reject', reason: 'unbalanced quote' };
      } else if (damage === 'stray-open') {
        textCell = `"${text}`;
        expect = { type: 'reject', reason: 'unbalanced quote' };
      } else if (damage === 'loose-quotes') {
        const [first = 'nul', ...rest] = text.split(' ');
        textCell = `"${first}" ${rest.join(' ') || 'vraiment'}`;
        expect = { type: 'verbatim', id: idOf(row), text: textCell };
      } else if (damage === 'inner-quote') {
        // Never a quote ending a cell: after a stray opening quote it would close it.
        const [first = 'nul', ...rest] = text.split(' ');
        textCell = `${first} "${rest.join(' ') || 'oui'}`;
        expect = { type: 'verbatim', id: idOf(row), text: textCell };
      } else if (damage === 'empty-text') {
        textCell = width === 1 || spec.quoteAll ? '""' : ['', ' '][record.extra % 2]!;
        expect = { type: 'reject', reason: 'empty text' };
      } else if (damage === 'huge') {
        const unit = `${text}${record.eol}`;
        const big = unit.repeat(Math.floor((record.size ?? HUGE_LIMIT) / unit.length) + 1);
        textCell = quoted(big);
        expect = { type: 'reject', reason: 'record larger than', id: idOf(row), size: big.length + 2 * width };
      } else {
        textCell = spec.quoteAll || needsQuotes(text, d) ? quoted(text) : text;
        expect = damage === 'wrong-width' ? { type: 'reject', reason: 'wrong column count', id: idOf(row) } : { type: 'verbatim', id: idOf(row), text };
      }
      // Plain cells beside a damaged text, so that its line read as written has the header's width.
      const plain = (cell: string): string => (spec.quoteAll && damage === 'none' ? quoted(cell) : cell);
      const cells = columns.map((column) =>
        column === 'commentaire' ? textCell : column === 'id' ? plain(`r${row}`) : column === 'canal' ? plain(CHANNELS[record.extra % 4]!) : plain(String(record.extra % 11)),
      );
      if (damage === 'wrong-width') {
        if (width > 1 && record.extra % 2 === 0) cells.pop();
        else cells.push('de trop');
      }
      lines.push(cells.join(d) + eolOf(record));
      expected.push(expect);
    });
  }
  if (!spec.finalEol && lines.length > 0) lines[lines.length - 1] = lines.at(-1)!.replace(/(\r\n|\r|\n)$/, '');
  const text = lines.join('');
  const read = spec.format === 'jsonl'
    ? { text: 'commentaire', ...(spec.idColumn && { id: 'id' }) }
    : { text: 'commentaire', delimiter: spec.delimiter, ...(spec.idColumn && { id: 'id' }) };
  return { name, bytes: encode(text, spec.encoding), expected, read };
}
