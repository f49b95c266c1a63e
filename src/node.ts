// verbatim-fr/io — node-only entry: re-exports only (file readers and writers,
// lexicon files, the corpus run). Built as dist/io/index.*.
export * from './io/index.js';
export * from './run/index.js';
