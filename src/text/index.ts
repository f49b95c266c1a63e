// Public API of src/text (re-exported by src/index.ts).
export { normalize } from './normalize.js';
export { tokenize } from './tokenize.js';
export type { TokenizeOptions } from './tokenize.js';
export { foldKey } from './fold.js';
export { stem } from './stem.js';
export { isStopword, stopwords, NEGATION_WORDS } from './stopwords.js';
export type { StopwordOptions } from './stopwords.js';
