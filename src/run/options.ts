// The options type of each public function of the run's room, named `<Function>Options`.
import type { AnnotationWriterOptions, writeRejects } from './outputs.js';
import type { RunStateOptions } from './state-file.js';

/** Options of `createAnnotationWriter` (also exported as `AnnotationWriterOptions`). */
export type CreateAnnotationWriterOptions = AnnotationWriterOptions;
/** Options of `writeRejects`. */
export type WriteRejectsOptions = NonNullable<Parameters<typeof writeRejects>[2]>;

/** Options of `mergeRunStates`. */
export type MergeRunStatesOptions = RunStateOptions;
/** Options of `finalizeRunState`. */
export type FinalizeRunStateOptions = RunStateOptions & { name?: string; lang?: string };
