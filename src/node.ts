/**
 * The Node-only entry (`import … from 'verbatim-fr/io'`): file readers and
 * writers, lexicon files, the corpus run over files with workers. Re-exports
 * only; built as dist/io/index.*.
 * @module verbatim-fr/io
 */
export * from './io/index.js';
export * from './run/index.js';
