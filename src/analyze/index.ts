// Public API of src/analyze (re-exported by src/index.ts).
export {};
