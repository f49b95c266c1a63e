// verbatim-fr/io — node-only entry (file readers, writers, lexicon files).
export { readVerbatims } from './read.js';
export { authorRole } from './values.js';
export { InputError } from './errors.js';
export { writeRejects, createAnnotationWriter } from './write.js';
export type { AnnotationFormat, AnnotationWriter, AnnotationWriterOptions } from './write.js';
export { readLexiconFile, loadLexiconFiles } from './lexicon-files.js';
export type {
  ColumnOptions,
  InputFormat,
  InputIssue,
  InputSpec,
  ReadItem,
  ReadOptions,
  ReadReject,
  ReadVerbatim,
  SourceRef,
} from './types.js';
export { analyzeFiles } from './analyze-files.js';
export type { AnalyzeFilesOptions, AnalyzeFilesResult } from './analyze-files.js';
export type * from './options.js';
