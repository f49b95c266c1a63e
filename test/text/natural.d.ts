// natural is a devDependency: its French stemmer is the oracle for src/text/stem-fr.ts
// (test/text/stem-fr.oracle.test.ts). It ships no types for its deep modules.
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr.js' {
  const PorterStemmerFr: { stem(word: string): string };
  export default PorterStemmerFr;
}
