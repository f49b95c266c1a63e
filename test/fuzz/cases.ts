// Fuzz cases for the CLI: one generated input file (CSV, TSV, JSONL, JSON,
// XLSX or a lexicon), the command line to run on it, and what the run must
// give. `fuzzCases(seed, count)` is deterministic: case i is the same for a
// given seed and format list whatever the count, so one case can be replayed.
import fc from 'fast-check';
import { fileSpec, renderFile, type Expected, type FileSpec } from './files.js';
import { jsonSpec, MAX_RECORD, renderJson, type FileOutcome, type JsonSpec } from './json-files.js';
import { lexiconSpec, renderLexicon, type LexiconOutcome, type LexiconSpec } from './lexicon-files.js';
import { renderXlsx, xlsxSpec, type XlsxSpec } from './xlsx-files.js';

export const FUZZ_FORMATS = ['csv', 'tsv', 'jsonl', 'json', 'xlsx', 'lexicon'] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

/**
 * Most files are small; a few are large for the time check: `many` records
 * (or a large SMS table), one `long` verbatim (or many lexicon entries), or a
 * `giant` record over the CLI's 1 MiB record limit.
 */
export type CaseSize = 'small' | 'many' | 'long' | 'giant';

/**
 * Bytes changed in the rendered input, blindly: a bit flipped, bytes deleted,
 * bytes that matter to some format inserted (quotes, line ends, delimiters,
 * brackets, NUL, BOM and UTF-8 lead bytes), or the file cut short. What the
 * file holds is then unknown; the run must still end cleanly and agree with
 * itself (see the `consistent` outcome).
 */
export interface Mutation {
  edits: Array<{ op: 'flip' | 'delete' | 'insert' | 'truncate'; at: number; bit: number; length: number; bytes: number[] }>;
}

export type CaseSpec = { size: CaseSize; scale: number; report: ReportChoice; mask: boolean; defaultLexicon: boolean; mutation: Mutation | null } & (
  | { format: 'csv' | 'tsv' | 'jsonl'; spec: FileSpec }
  | { format: 'json'; spec: JsonSpec }
  | { format: 'xlsx'; spec: XlsxSpec }
  | { format: 'lexicon'; spec: LexiconSpec }
);

type ReportChoice = 'json' | 'md' | 'csv' | 'table' | 'html';

/**
 * A file whose records are unknown (its bytes mutated): whatever the run
 * does, it ends cleanly, and when it reads the file, the annotations, the
 * rejects and the report agree on the rows (each once, in order).
 */
export interface ConsistentOutcome {
  kind: 'consistent';
}

/** What the run must give. `rows` outcomes list each record as the CLI reads it (1 MiB record limit). */
export type Outcome = FileOutcome | LexiconOutcome | ConsistentOutcome;

/** A path inside the case's folder. */
export interface CaseFile {
  file: string;
}

export interface FuzzCase {
  index: number;
  format: FuzzFormat;
  size: CaseSize;
  /** One line saying what the file is. */
  label: string;
  files: Array<{ name: string; bytes: Buffer }>;
  argv: Array<string | CaseFile>;
  outcome: Outcome;
  /** The input, for the size and for the reader-level check. */
  input: string;
  /** Bytes the reader works through when they are not the input's (an XLSX file inflated): the size the time is compared to. */
  contentBytes?: number;
  /** Exact reading through `readVerbatims` (texts included), beside the CLI's. */
  reader?: ReaderCheck;
}

export interface ReaderCheck {
  format: 'csv' | 'tsv' | 'jsonl' | 'json' | 'xlsx';
  read: { text: string; id?: string; delimiter?: string };
  outcome: FileOutcome | ConsistentOutcome;
  maxRecordSize?: number;
  maxXlsxSize?: number;
  /** CSV/TSV/JSONL: the spec, to check each line belongs to one item. */
  lines?: FileSpec;
}

/** The CLI's record limit (maxRecordSize default). */
export const CLI_MAX_RECORD = MAX_RECORD;

/** The lexicon the data cases are analysed with (the default lexicons take ~0.3 s to compile per run). */
export const FUZZ_LEXICON = `version: 1
entries:
  - id: livraison
    kind: theme
    label: Livraison
    terms: [livraison, colis, stem:livrer]
  - id: retard
    kind: irritant
    theme: livraison
    label: Retard
    terms: [retard, délai, jamais reçu, "colis {0,3} reçu"]
  - id: accueil
    kind: enchantment
    label: Accueil
    terms: [aimable, rapide, merci, "à l'écoute", conseillère]
  - id: remboursement
    kind: theme
    label: Remboursement
    terms: [remboursé, rembours*]
sentiment:
  words: { bien: 1, nul: -2, déçu: -2, rapide: 1, merci: 1, retard: -1 }
  intensifiers: { très: 1.5 }
negation:
  negators: [ne, pas, jamais, plus, rien]
  window: 4
  breaks: [",", ".", "!", "?", mais]
`;

/** A small data file for lexicon cases run through `analyze`, and how it reads. */
const LEXICON_DATA = 'id;canal;commentaire\na1;chat;Colis jamais reçu, très déçu\na2;avis;Livraison rapide, conseillère aimable\na3;email;\na4;avis;pas de retard, merci\n';
const LEXICON_DATA_ROWS: Expected[] = [
  { type: 'verbatim', id: 'a1', text: 'Colis jamais reçu, très déçu' },
  { type: 'verbatim', id: 'a2', text: 'Livraison rapide, conseillère aimable' },
  { type: 'reject', reason: 'empty text' },
  { type: 'verbatim', id: 'a4', text: 'pas de retard, merci' },
];

/** Bytes that mean something to one format or another. */
const TELLING_BYTES = [0x22, 0x27, 0x0d, 0x0a, 0x3b, 0x2c, 0x09, 0x7c, 0x00, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0x80, 0xe2, 0x7b, 0x7d, 0x5b, 0x5d, 0x5c, 0x3a, 0x20, 0x2d, 0x26, 0x2a, 0x23, 0x3c];

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  edits: fc.array(
    fc.record({
      op: fc.oneof({ weight: 3, arbitrary: fc.constantFrom<'flip' | 'delete' | 'insert'>('flip', 'delete', 'insert') }, { weight: 1, arbitrary: fc.constant<'truncate'>('truncate') }),
      at: fc.nat({ max: 999_999 }).map((n) => n / 1_000_000),
      bit: fc.nat({ max: 7 }),
      length: fc.integer({ min: 1, max: 8 }),
      bytes: fc.array(fc.constantFrom(...TELLING_BYTES), { minLength: 1, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

/** The bytes with the mutation's edits applied in order (positions as fractions of the current length). */
export function mutate(bytes: Buffer, m: Mutation): Buffer {
  let out = Buffer.from(bytes);
  for (const e of m.edits) {
    const at = Math.floor(e.at * out.length);
    if (e.op === 'flip' && at < out.length) out[at]! ^= 1 << e.bit;
    else if (e.op === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + e.length)]);
    else if (e.op === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.from(e.bytes), out.subarray(at)]);
    else if (e.op === 'truncate') out = out.subarray(0, at);
  }
  return out;
}

const mutationLabel = (m: Mutation): string => m.edits.map((e) => `${e.op}@${e.at.toFixed(3)}${e.op === 'insert' ? `[${e.bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ')}]` : ''}`).join(' ');

const sizeArb = fc.oneof(
  { weight: 120, arbitrary: fc.constant<CaseSize>('small') },
  { weight: 3, arbitrary: fc.constant<CaseSize>('many') },
  { weight: 3, arbitrary: fc.constant<CaseSize>('long') },
  { weight: 1, arbitrary: fc.constant<CaseSize>('giant') },
);

function specArb(format: FuzzFormat): fc.Arbitrary<CaseSpec['spec']> {
  switch (format) {
    case 'csv':
    case 'tsv':
    case 'jsonl':
      return fileSpec({ format });
    case 'json':
      return jsonSpec();
    case 'xlsx':
      return xlsxSpec();
    case 'lexicon':
      return lexiconSpec();
  }
}

export function caseSpec(formats: readonly FuzzFormat[] = FUZZ_FORMATS): fc.Arbitrary<CaseSpec> {
  return fc.constantFrom(...formats).chain((format) =>
    fc.record({
      format: fc.constant(format),
      spec: specArb(format),
      size: sizeArb,
      scale: fc.integer({ min: 200, max: 3000 }),
      report: fc.oneof({ weight: 24, arbitrary: fc.constant<ReportChoice>('json') }, { weight: 6, arbitrary: fc.constantFrom<ReportChoice>('md', 'csv', 'table') }, { weight: 1, arbitrary: fc.constant<ReportChoice>('html') }),
      mask: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      defaultLexicon: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      mutation: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: mutationArb }),
    }) as fc.Arbitrary<CaseSpec>,
  );
}

/** The descriptions of cases 0..count-1 for a seed. */
export function sampleCases(seed: number, count: number, formats: readonly FuzzFormat[] = FUZZ_FORMATS): CaseSpec[] {
  return count <= 0 ? [] : fc.sample(caseSpec(formats), { seed, numRuns: count });
}

/** Records repeated up to `n` (their ids and rows follow their new places). */
const repeat = <T>(items: readonly T[], n: number): T[] => (items.length === 0 ? [] : Array.from({ length: n }, (_, k) => items[k % items.length]!));

/** The spec with its size applied: many records, one long verbatim, or one record over 1 MiB. */
function sized(c: CaseSpec): CaseSpec {
  const { size, scale } = c;
  if (size === 'small') return c;
  const long = size === 'giant' ? 1_100_000 + scale * 100 : scale * 200; // 40 KB to 600 KB, or 1.1 to 1.4 M characters
  switch (c.format) {
    case 'csv':
    case 'tsv':
    case 'jsonl': {
      const records = c.spec.records.length > 0 ? c.spec.records : [{ damage: 'none' as const, tokens: ['colis', 'retard'], eol: '\n' as const, blankBefore: [], extra: 1 }];
      if (size === 'many') return { ...c, spec: { ...c.spec, records: repeat(records, scale) } };
      const at = c.format === 'jsonl' ? Math.min(1, records.length - 1) : 0; // a JSONL file's first line stays valid
      return { ...c, spec: { ...c.spec, records: records.map((r, k) => (k === at ? { ...r, damage: 'huge' as const, size: long } : r)) } };
    }
    case 'json':
      if (size === 'many') return { ...c, spec: { ...c.spec, records: repeat(c.spec.records, scale) } };
      return { ...c, spec: { ...c.spec, longSize: long, records: c.spec.records.map((r, k) => (k === 0 && r.kind === 'object' ? { ...r, kind: 'long-text' as const } : r)) } };
    case 'xlsx':
      if (size === 'many') return { ...c, spec: { ...c.spec, records: repeat(c.spec.records, scale) } };
      return { ...c, spec: { ...c.spec, longSize: long, records: c.spec.records.map((r, k) => (k === 0 && r.kind === 'text' ? { ...r, kind: 'long-text' as const } : r)) } };
    case 'lexicon':
      // A large SMS table (up to 100,000 forms).
      if (size === 'many' || size === 'giant') return { ...c, spec: { ...c.spec, sms: scale * (size === 'giant' ? 33 : 10) } };
      // Or thousands of entries, a huge term of up to 27,000 words, brackets up to 300,000 deep.
      return { ...c, spec: { ...c.spec, hugeWords: scale * 9, depth: scale * 100, entries: repeat(c.spec.entries.length > 0 ? c.spec.entries : [{ kind: 'irritant', terms: [1, 2], theme: 0 }], scale) } };
  }
}

/**
 * A record as the CLI reads it: a record over the reader's small test limit
 * is a verbatim under 1 MiB; in a one-column CSV the CLI detects the
 * delimiter, so a line with one cell too many may read as one cell.
 */
export function cliRecord(e: Expected, oneColumnCsv = false): Expected {
  if (e.type === 'reject' && e.id !== undefined && e.size !== undefined && e.size < CLI_MAX_RECORD - 1024) return { type: 'verbatim', id: e.id, text: '' };
  if (e.type === 'reject' && e.id !== undefined && oneColumnCsv && e.reason === 'wrong column count') return { type: 'either', id: e.id, reason: e.reason };
  return e;
}

function cliOutcome(outcome: FileOutcome, oneColumnCsv = false): FileOutcome {
  return outcome.kind === 'refused' ? outcome : { ...outcome, records: outcome.records.map((e) => cliRecord(e, oneColumnCsv)) };
}

const file = (name: string): CaseFile => ({ file: name });

/**
 * The CLI detects the delimiter of a .csv file: a delimiter wins when at
 * least half of the first records have the header's width. When fewer of
 * them do (a short file of broken records), another delimiter may win and
 * the text column is not found: the file may then be refused.
 */
function delimiterUncertain(spec: FileSpec): boolean {
  const width = (spec.idColumn ? 1 : 0) + spec.extraColumns + 1;
  const first = spec.records.slice(0, 50);
  const agreeing = first.filter((r) => !['wrong-width', 'stray-open', 'stray-open-lines'].includes(r.damage)).length;
  return spec.format === 'csv' && width > 1 && first.length > 0 && agreeing < first.length * 0.6;
}

/** What the CLI must do with a generated CSV/TSV/JSONL file. */
function csvOutcome(spec: FileSpec, expected: Expected[]): FileOutcome {
  const oneColumnCsv = spec.format === 'csv' && !spec.idColumn && spec.extraColumns === 0;
  const records = expected.map((e) => cliRecord(e, oneColumnCsv));
  return delimiterUncertain(spec) ? { kind: 'rows-or-refused', records, message: /no column "(commentaire|id)"/ } : { kind: 'rows', records };
}

/** The files, command line and expected outcome of a case (its input mutated if the spec says so). */
export function renderCase(raw: CaseSpec, index: number): FuzzCase {
  const plain = renderPlain(raw, index);
  const m = raw.mutation;
  if (m === null) return plain;
  const files = plain.files.map((f) => (f.name === plain.input ? { ...f, bytes: mutate(f.bytes, m) } : f));
  const label = `${plain.label}, mutated: ${mutationLabel(m)}`;
  if (plain.format === 'lexicon') {
    // A lexicon is accepted or refused; the data file beside it is read as written.
    const check = plain.argv[0] === 'lexicon';
    const outcome: Outcome = check ? { kind: 'lexicon-any' } : { kind: 'rows-or-refused', records: LEXICON_DATA_ROWS, message: /invalid lexicon/ };
    return { ...plain, label, files, outcome };
  }
  const consistent: ConsistentOutcome = { kind: 'consistent' };
  const { lines: _lines, ...reader } = plain.reader!;
  return { ...plain, label, files, outcome: consistent, reader: { ...reader, outcome: consistent } };
}

function renderPlain(raw: CaseSpec, index: number): FuzzCase {
  const c = sized(raw);
  const base = `cas-${index}`;
  const lexiconArgs = c.defaultLexicon ? [] : ['--no-default-lexicon', '--lexicon', file('fuzz-lexique.yml')];
  const lexiconFile = { name: 'fuzz-lexique.yml', bytes: Buffer.from(FUZZ_LEXICON) };
  const outputs = (): Array<string | CaseFile> => {
    const ext = c.report === 'table' ? 'txt' : c.report;
    const out = c.report === 'html' || (c.report !== 'json' && index % 2 === 1) ? ['--out', file(`rapport.${ext}`)] : [];
    return ['--format', c.report, ...out, '--annotate', file('codage.jsonl'), '--rejects', file('rejets.csv'), ...(c.mask ? [] : ['--no-mask']), '--no-progress'];
  };
  const common = { index, format: c.format, size: c.size };

  if (c.format === 'lexicon') {
    const lexicon = renderLexicon(c.spec, base);
    const s = c.spec;
    const label = `lexicon ${s.syntax} ${s.damage}${s.damage !== 'none' ? `#${s.variant}` : ''}, ${s.entries.length + s.themes} entries, sms ${s.sms}, ${s.command}${c.defaultLexicon ? ', over the default' : ''}`;
    const layer = c.defaultLexicon ? [] : ['--no-default-lexicon'];
    if (s.command === 'check') {
      return { ...common, label, files: [lexicon], argv: ['lexicon', 'check', file(lexicon.name), ...layer], outcome: lexicon.outcome, input: lexicon.name };
    }
    const rows: FileOutcome = { kind: 'rows', records: LEXICON_DATA_ROWS };
    const outcome: Outcome =
      lexicon.outcome.kind === 'lexicon-ok' ? rows
      : lexicon.outcome.kind === 'lexicon-any' ? { kind: 'rows-or-refused', records: LEXICON_DATA_ROWS, message: /invalid lexicon/ }
      : lexicon.outcome;
    return {
      ...common,
      label,
      files: [lexicon, { name: 'avis.csv', bytes: Buffer.from(LEXICON_DATA) }],
      argv: ['analyze', file('avis.csv'), ...layer, '--lexicon', file(lexicon.name), ...outputs()],
      outcome,
      input: lexicon.name,
    };
  }

  if (c.format === 'json' || c.format === 'xlsx') {
    const doc = c.format === 'json' ? renderJson(c.spec, `${base}.json`) : renderXlsx(c.spec, `${base}.xlsx`);
    const s = c.spec;
    const label = c.format === 'json'
      ? `json ${c.spec.shape} ${c.spec.layout} ${c.spec.encoding} ${c.spec.damage}, ${c.spec.records.length} records [${[...new Set(c.spec.records.map((r) => r.kind))].join(' ')}]`
      : `xlsx ${c.spec.strings} ${c.spec.order} ${c.spec.method}${c.spec.prefix ? ' prefixed' : ''} ${c.spec.damage}${c.spec.damage === 'missing-part' ? ` ${c.spec.missing}` : ''}, ${c.spec.records.length} rows`;
    const bomb = c.format === 'xlsx' && c.spec.damage === 'real-bomb' ? ['--max-xlsx-size', '1'] : [];
    const id = 'idKey' in s ? s.idKey : s.idColumn;
    return {
      ...common,
      label: `${label}${c.size !== 'small' ? ` (${c.size})` : ''}`,
      files: [{ name: doc.name, bytes: doc.bytes }, lexiconFile],
      argv: ['analyze', file(doc.name), '--text', 'commentaire', ...(id ? ['--id', 'id'] : []), ...lexiconArgs, ...bomb, ...outputs()],
      outcome: cliOutcome(doc.outcome),
      input: doc.name,
      ...(doc.contentBytes !== undefined && { contentBytes: doc.contentBytes }),
      reader: { format: c.format, read: doc.read, outcome: doc.outcome, maxRecordSize: CLI_MAX_RECORD, ...(bomb.length > 0 && { maxXlsxSize: 1024 * 1024 }) },
    };
  }

  const rendered = renderFile(c.spec, `${base}.${c.format}`);
  const s = c.spec;
  const damages = [...new Set(s.records.map((r) => r.damage))].join(' ');
  const label = `${c.format} ${JSON.stringify(s.delimiter)} ${s.encoding} eol ${JSON.stringify(s.eol)}, ${s.records.length} records [${damages}]${c.size !== 'small' ? ` (${c.size})` : ''}`;
  const rows: FileOutcome = { kind: 'rows', records: rendered.expected };
  return {
    ...common,
    label,
    files: [{ name: rendered.name, bytes: rendered.bytes }, lexiconFile],
    argv: ['analyze', file(rendered.name), '--text', 'commentaire', ...(s.idColumn ? ['--id', 'id'] : []), ...lexiconArgs, ...outputs()],
    outcome: csvOutcome(s, rendered.expected),
    input: rendered.name,
    reader: { format: c.format, read: rendered.read, outcome: rows, lines: s },
  };
}

export interface FuzzCasesOptions {
  formats?: readonly FuzzFormat[];
  /** Only case `only` (the others are drawn, not rendered). */
  only?: number;
  /** Every case at its small size (the CI slice: no large file). */
  small?: boolean;
}

/** Cases 0..count-1 of a seed, rendered one at a time. */
export function* fuzzCases(seed: number, count: number, options: FuzzCasesOptions = {}): Generator<FuzzCase> {
  const { only } = options;
  const specs = sampleCases(seed, only !== undefined ? only + 1 : count, options.formats);
  for (let i = only ?? 0; i < (only !== undefined ? only + 1 : count); i++) {
    yield renderCase(options.small ? { ...specs[i]!, size: 'small' } : specs[i]!, i);
  }
}
