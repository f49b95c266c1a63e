// `natural` ships no types for its deep modules; we only use these two.
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr.js' {
  const PorterStemmerFr: { stem(word: string): string };
  export default PorterStemmerFr;
}
declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer_fr.js' {
  class AggressiveTokenizerFr {
    tokenize(text: string): string[];
  }
  export default AggressiveTokenizerFr;
}
// `stopword` ships no types; we only read the French list.
declare module 'stopword' {
  export const fra: readonly string[];
}
