// verbatim-fr — browser-safe entry: re-exports only, in pipeline order.
export type * from './types.js';
export * from './text/index.js';
export * from './lexicon/index.js';
export * from './analyze/index.js';
export * from './report/index.js';
export type * from './options.js';
