// `stopword` ships no types; we only read the French list.
declare module 'stopword' {
  export const fra: readonly string[];
}
