// The browser build's store (scripts/browser-data.mjs swaps it for store.ts):
// a page has no file next to the bundle to read, so nothing is stored. Every
// lexicon is compiled and every text keyed as the Node build does without a
// store; only what the library's browser graph imports is here.
import type { CompileOptions, MatcherData } from './compile.js';
import { lemmatizeTerm, type EnglishForms } from '../text/english.js';
import { termKeys, type KeyingOptions } from './keys.js';
import type { Lexicon } from './types.js';

/** No stored trie in a browser. */
export function storedMatcher(_lexicon: Lexicon, _options: CompileOptions): MatcherData | undefined {
  return undefined;
}

/** Nothing to record: the build collects tries in Node only. */
export function recordCompiled(_lexicon: Lexicon, _options: CompileOptions, _data: MatcherData): void {}

/** Texts keyed as they come. */
export function storedTermKeys(keying: KeyingOptions): (text: string) => string[] {
  return (text) => termKeys(text, keying);
}

/** English terms keyed as they come. */
export function storedEnglishTerms(forms: EnglishForms): (term: string) => string {
  return (term) => lemmatizeTerm(term, forms);
}
