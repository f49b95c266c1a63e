// verbatim-fr — browser-safe entry: re-exports only.
export type * from './types.js';
