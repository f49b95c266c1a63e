// The corpus run's room (node-only): analyse whole files, on worker threads if
// asked, and write the rows' annotations and rejects; the run's state as a
// file, merged with the states of the other parts of an input.
export { analyzeFiles } from './analyze-files.js';
export type { AnalyzeFilesOptions, AnalyzeFilesResult } from './analyze-files.js';
export { writeRejects, createAnnotationWriter } from './outputs.js';
export type { AnnotationFormat, AnnotationWriter, AnnotationWriterOptions } from './outputs.js';
export type { DfmFeatures } from './exports.js';
export { STATE_FORMAT, STATE_VERSION, StateMergeError, createRunStateMerger, finalizeRunState, mergeRunStates, parseRunStates, runStateChunks, stringifyRunState } from './state-file.js';
export type { NamedRunState, RunState, RunStateAnalyzer, RunStateMerger, RunStateOptions } from './state-file.js';
export { createRunState } from './run-state.js';
export type { CreateRunStateOptions } from './run-state.js';
export type * from './options.js';
