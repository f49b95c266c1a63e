import { expectString } from './guard.js';

/** Words of an English verbatim, from {@link englishWords}. */
export interface EnglishWords {
  /** Lowercase words, contractions expanded (`can't` → `can`, `not`), punctuation dropped. */
  words: string[];
  /** Words as written (`can't` counts once), comparable to `countWords` for French. */
  count: number;
}

interface CompromiseTerm {
  normal?: string;
  implicit?: string;
}
type CompromiseOne = (text: string) => {
  json(options: object): Array<{ terms: CompromiseTerm[] }>;
  wordCount(): number;
};

let loading: Promise<CompromiseOne> | undefined;

/**
 * Words of a verbatim already detected as English (`detectLanguage` → `eng`),
 * using compromise's tokenizer. Async because compromise is loaded on first
 * use only (it costs ~100 ms to load, and most verbatims are French).
 * `it's`-style ambiguous contractions are left as written by compromise's
 * tokenizer level; `n't`, `'re`, `'ll`, `'m`, `'ve` are expanded.
 */
export async function englishWords(text: string): Promise<EnglishWords> {
  expectString(text);
  loading ??= import('compromise/one').then((mod) => mod.default as unknown as CompromiseOne);
  const nlp = await loading;
  const doc = nlp(text);
  const words: string[] = [];
  for (const sentence of doc.json({ terms: { normal: true, implicit: true } })) {
    for (const term of sentence.terms) {
      const word = term.implicit ?? term.normal ?? '';
      if (word !== '') words.push(word.toLowerCase());
    }
  }
  return { words, count: doc.wordCount() };
}
