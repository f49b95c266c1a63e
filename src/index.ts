/**
 * The browser-safe entry (`import … from 'verbatim-fr'`): text, lexicons,
 * analysis, evaluation and reports. Re-exports only, in pipeline order.
 * @module verbatim-fr
 */
export type * from './types.js';
export * from './text/index.js';
// The text functions with the default lexicons' tables (SMS forms, stop-word edits, English forms) as defaults.
export { tokenize, stopwords, isStopword, contentKeywords, englishLemmas } from './lexicon/text-tables.js';
export * from './lexicon/index.js';
export * from './analyze/index.js';
export * from './report/index.js';
export type * from './options.js';
export * from './discover/index.js';
