// Public API of src/text (re-exported by src/index.ts).
export { normalize } from './normalize.js';
export { tokenize } from './tokenize.js';
export type { TokenizeOptions } from './tokenize.js';
export { foldKey } from './fold.js';
export { sentences } from './sentences.js';
export type { Sentence } from './sentences.js';
export { stem } from './stem.js';
export { isStopword, stopwords } from './stopwords.js';
export type { StopwordOptions } from './stopwords.js';
export { detectLanguage, DEFAULT_LANGUAGES } from './language.js';
export type { DetectLanguageOptions } from './language.js';
export { countWords, contentKeywords } from './counts.js';
export { englishWords } from './english.js';
export type { EnglishWords, EnglishLemma, EnglishForms } from './english.js';
export { countExchanges, customerText, parseChatTranscript } from './chat.js';
export type { ChatSpeaker, ChatTranscript, ChatTurn, CustomerText } from './chat.js';
