// The readers' room: file readers, output files, lexicon files (node-only).
// The public `verbatim-fr/io` entry is src/node.ts, which adds the corpus run.
export { readVerbatims } from './read.js';
export { authorRole } from './values.js';
export { InputError } from './errors.js';
export { describeInputIssue } from './issue-messages.js';
export type { DocumentCode, DocumentParams, DocumentProblem, InputIssueCode, InputIssueLang, InputIssueParams, InputIssueProblem, InputIssueText, StateDamage, StateMismatch } from './issue-messages.js';
export { readLexiconFile, loadLexiconFiles } from './lexicon-files.js';
export type {
  ColumnOptions,
  ColumnsUsed,
  InputFormat,
  InputIssue,
  InputSpec,
  ReadItem,
  ReadOptions,
  ReadReject,
  ReadVerbatim,
  SourceRef,
} from './types.js';
export type * from './options.js';
export type { RejectCode, RejectLang, RejectParams } from './reject-messages.js';
export type { RecordPlace } from './input-words.js';
export type { JsonSyntax, JsonSyntaxKind } from './json-syntax.js';
