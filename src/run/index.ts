// The corpus run's room (node-only): analyse whole files, on worker threads if
// asked, and write the rows' annotations and rejects.
export { analyzeFiles } from './analyze-files.js';
export type { AnalyzeFilesOptions, AnalyzeFilesResult } from './analyze-files.js';
export { writeRejects, createAnnotationWriter } from './outputs.js';
export type { AnnotationFormat, AnnotationWriter, AnnotationWriterOptions } from './outputs.js';
export type * from './options.js';
