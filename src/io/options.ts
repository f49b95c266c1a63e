// The options type of each public function of the readers' room, named `<Function>Options`.
import type { ReadOptions } from './types.js';

/** Options of `readVerbatims` (also exported as `ReadOptions`). */
export type ReadVerbatimsOptions = ReadOptions;
