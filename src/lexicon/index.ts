// Public API of src/lexicon (re-exported by src/index.ts).
export { LexiconError } from './errors.js';
export { parseLexicon, safeParseLexicon, defineLexicon, defaultLexicon } from './parse.js';
export type { ParseLexiconOptions, SafeParseLexiconResult } from './parse.js';
export { composeLexicons } from './compose.js';
export type {
  LexiconDocument,
  LexiconEntryInput,
  Lexicon,
  LexiconEntry,
  LexiconIssue,
  SentimentSection,
  NegationSection,
  StopwordsSection,
} from './types.js';
