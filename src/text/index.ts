// Public API of src/text (re-exported by src/index.ts).
export {};
