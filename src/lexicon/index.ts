// Public API of src/lexicon (re-exported by src/index.ts).
export {};
