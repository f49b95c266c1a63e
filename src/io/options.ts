// The options type of each public function of `verbatim-fr/io`, named `<Function>Options`.
import type { ReadOptions } from './types.js';
import type { AnnotationWriterOptions, writeRejects } from './write.js';

/** Options of `readVerbatims` (also exported as `ReadOptions`). */
export type ReadVerbatimsOptions = ReadOptions;
/** Options of `createAnnotationWriter` (also exported as `AnnotationWriterOptions`). */
export type CreateAnnotationWriterOptions = AnnotationWriterOptions;
/** Options of `writeRejects`. */
export type WriteRejectsOptions = NonNullable<Parameters<typeof writeRejects>[2]>;
