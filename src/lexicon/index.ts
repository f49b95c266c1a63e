// Public API of src/lexicon (re-exported by src/index.ts).
export { LexiconError } from './errors.js';
export { describeLexiconIssue } from './messages.js';
export type { FieldPlace, Flattened, FoundValue, IssueLang, IssueText, LexiconIssueCode, LexiconIssueParams, LexiconIssueProblem } from './messages.js';
export { parseLexicon, safeParseLexicon, defineLexicon } from './parse.js';
export { defaultLexicon, defaultEnglishLexicon, findSector, loadDefaultLexicons, sectorLexicon, sectorNames } from './defaults.js';
export type { LoadDefaultLexiconsOptions } from './defaults.js';
export type { ParseLexiconOptions, SafeParseLexiconResult } from './parse.js';
export { composeLexicons } from './compose.js';
export { detectDictionary, importDictionary, stringifyLexicon } from './import/index.js';
export type { DictionaryFormat, ImportDictionaryOptions, ImportDictionaryResult, StringifyLexiconOptions } from './import/index.js';
export { compileLexicon } from './compile.js';
export type { CompiledLexicon, CompiledPattern, CompileOptions, MatchUnit, RawMatch } from './compile.js';
export type { FrenchWordData } from './fuzzy.js';
export type { KeyingOptions } from './keys.js';
export type {
  LexiconDocument,
  LexiconEntryInput,
  Lexicon,
  LexiconEntry,
  LexiconIssue,
  SentimentSection,
  NegationSection,
  StopwordsSection,
  ImpliedRule,
  ModalitySection,
} from './types.js';
export type { LexiconChannel } from './types.js';
export { normalizeChannel } from './channels.js';
export type { ChannelDefinition, ChannelTable } from './channels.js';
