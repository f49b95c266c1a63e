import type { InputIssueCode, InputIssueProblem } from './issue-messages.js';
import type { RejectCode, RejectLang } from './reject-messages.js';
import type { ColumnsUsed, Verbatim } from '../types.js';
import type { ChannelDefinition } from '../lexicon/channels.js';

/** File formats the readers understand. */
export type InputFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'xlsx';

/** Column mapping, shared by `InputSpec` (one file) and `ReadOptions` (every file). */
export interface ColumnOptions {
  /** Header of the text column; default: auto-detected (`commentaire`, `verbatim`, `avis`, `comment`…). */
  text?: string;
  /** Header of the id column; default: auto-detected, else `<file name>:<row>`. */
  id?: string;
  /** Header of the date column; default: auto-detected (`date`, `created_at`…). */
  date?: string;
  /** Header of the score column; default: auto-detected (`note`, `nps`, `score`…). */
  score?: string;
  /** Header of the channel column; default: auto-detected (`canal`, `source`, `channel`…). */
  channelColumn?: string;
  /**
   * A header name → the channel column; anything else → a constant channel
   * for the whole file (`avis google`, `chat`…), normalised like the column.
   */
  channel?: string;
  /**
   * Header of the author/role column (`role`, `type auteur`…; default:
   * auto-detected): rows written by the brand or an agent (`marque`, `agent`,
   * `réponse`…, or a name in `agentAuthors`) are counted apart.
   */
  author?: string;
  /** Author values meaning the brand's side, beyond the built-in ones (the brand account's name: `@OptiqueLumiere`). */
  agentAuthors?: string[];
  /** Format; default: from the extension, else sniffed from the content. */
  format?: InputFormat;
  /** Encoding (`utf8`, `windows-1252`, `utf16le`…); default: BOM, UTF-8 validity, then chardet. */
  encoding?: string;
  /** CSV delimiter; default: detected among `;` `,` tab `|`. */
  delimiter?: string;
}

/**
 * One input and how to read it. `path` `-` is standard input; a path that is
 * not a regular file (a FIFO) and a `stream` are read once, as they come,
 * with no copy on disk (XLSX aside: a zip is read by position, so it is
 * copied to a temporary file first).
 */
export interface InputSpec extends ColumnOptions {
  /** The file to read; with `stream`, only the name given to the input in sources and default ids. */
  path: string;
  /**
   * The bytes to read instead of opening `path` (a Node readable stream, or
   * any async iterable of byte or UTF-8 string chunks). Read once; a stream
   * of nothing but white space is an input with no row.
   */
  stream?: AsyncIterable<Uint8Array | string>;
}

export type { ColumnsUsed } from '../types.js';

export interface ReadOptions extends ColumnOptions {
  /** Told, for each input, which columns were mapped to which role, once its header is read and before its first row. */
  onColumns?: (used: ColumnsUsed) => void;
  /** Channel alias table; default: the `channels:` section of the default French lexicons. */
  channels?: ReadonlyArray<ChannelDefinition>;
  /**
   * Largest CSV/TSV record, JSON element, JSONL line or XLSX row (its cells'
   * text together), in characters, that is analysed; a larger one is one
   * reject (`record larger than N characters`), never split into rows, and is
   * read past in constant memory (an XLSX file is bounded by `maxXlsxSize`);
   * default 1 MiB.
   */
  maxRecordSize?: number;
  /**
   * Bytes an XLSX file may inflate to (worksheet, shared strings and styles
   * together) before it is rejected as a zip bomb; default 256 MiB.
   */
  maxXlsxSize?: number;
  /**
   * Bytes of a stream (standard input, a FIFO, `stream`) held in memory while
   * a reader may come back to them (the head, while the format, encoding and
   * header are found; a record whose quote does not close); past this, they
   * wait in a temporary file until reading has passed them; default 64 MiB.
   */
  maxStreamMemory?: number;
  /** Language of the reject reasons and hints: `en` (default) or `fr`; their `code` is the same in both. */
  lang?: RejectLang;
}

/** Where a verbatim or a reject comes from. */
export interface SourceRef {
  /** The path as given. */
  file: string;
  /** 1-based data row (header excluded); 0 when the reject is about the whole file. */
  row: number;
  /** 1-based physical line where the record starts, when the format has lines. */
  line?: number;
  /**
   * The row number a spreadsheet shows for it, the header row included (row 1
   * for a header on the first line): CSV, TSV (a record with line breaks in
   * its cells is one row) and XLSX; absent for JSON and JSON Lines.
   */
  sheetRow?: number;
}

export interface ReadVerbatim {
  type: 'verbatim';
  verbatim: Verbatim;
  source: SourceRef;
}

export interface ReadReject {
  type: 'reject';
  source: SourceRef;
  /**
   * Why, as a stable code (`empty_text`, `wrong_column_count`…) for scripts:
   * the reason's words follow `ReadOptions.lang`. Always set by
   * `readVerbatims`; optional for rejects built by hand (`writeRejects`).
   */
  code?: RejectCode;
  /** What is wrong (`empty text`, `wrong column count: 5 instead of 3`…). */
  reason: string;
  /** What to do about it. */
  hint: string;
  /**
   * What is known of a row whose cells were read (an empty text): the id,
   * channel, date, score, author and other columns its verbatim would have
   * had, so that a skipped row can still be joined on its id. Absent when
   * the row itself could not be read (a broken quote, bad JSON, a whole file).
   */
  fields?: Omit<Verbatim, 'text'>;
}

/** What `readVerbatims` yields: every input row is exactly one item. */
export type ReadItem = ReadVerbatim | ReadReject;

/** One problem with an input file that stops reading it. */
export interface InputIssue {
  file: string;
  line?: number;
  column?: string;
  /** Stable code of the problem (`no_text_column`, `damaged_state`…), the same in every language: set on every issue the library makes. */
  code?: InputIssueCode;
  /** The values the message embeds (columns, files), for `describeInputIssue` to say it in another language. */
  params?: InputIssueProblem['params'];
  /** What is wrong, in English (`describeInputIssue(issue, 'fr')` says it in French). */
  message: string;
  hint: string;
}
