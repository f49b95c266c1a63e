// The text functions as the package exports them: with the default lexicons'
// tables (lexicons/fr/sms.yml, lexicons/fr/stopwords.yml) when the caller
// gives none. The text room itself holds no lexicon data; it is handed the
// tables as options, here and by the analyser.
import type { Token } from '../types.js';
import { contentKeywords as contentKeywordsIn } from '../text/counts.js';
import { isStopword as isStopwordIn, stopwordSet, type StopwordOptions } from '../text/stopwords.js';
import { tokenize as tokenizeWith, type TokenizeOptions } from '../text/tokenize.js';
import { englishLemmas as englishLemmasWith, type EnglishForms, type EnglishLemma } from '../text/english.js';
import { defaultEnglishForms, defaultTextTables } from './defaults.js';

/**
 * Splits French text into tokens with offsets, kinds and matching keys
 * (see the text room's `tokenize`); SMS forms expand through `options.sms`,
 * by default the table of lexicons/fr/sms.yml.
 */
export function tokenize(text: string, options?: TokenizeOptions): Token[] {
  return tokenizeWith(text, options?.sms === undefined ? { ...options, sms: defaultTextTables().sms } : options);
}

/**
 * The default French stop words: the `stopword` package's French list,
 * folded, edited by lexicons/fr/stopwords.yml, negation words removed.
 */
export function stopwords(): ReadonlySet<string> {
  return stopwordSet(defaultTextTables().stopwords);
}

const withDefaults = new WeakMap<StopwordOptions, StopwordOptions>();

/** The default edits followed by the caller's (cached per options object). */
function edits(options: StopwordOptions | undefined): StopwordOptions {
  const defaults = defaultTextTables().stopwords;
  if (options === undefined) return defaults;
  let merged = withDefaults.get(options);
  if (merged === undefined) {
    merged = { add: [...defaults.add, ...(options.add ?? [])], remove: [...defaults.remove, ...(options.remove ?? [])] };
    withDefaults.set(options, merged);
  }
  return merged;
}

/**
 * Whether a token key (`token.norm`, already folded) is a stop word of the
 * default list; options add and remove words (removals win, as across
 * lexicon layers). Reuse the same options object across calls (the edited
 * set is cached per object).
 */
export function isStopword(norm: string, options?: StopwordOptions): boolean {
  return isStopwordIn(norm, edits(options));
}

/**
 * Keys of the content words, in text order (see the text room's
 * `contentKeywords`), stop words being the default list edited by `options`.
 */
export function contentKeywords(tokens: readonly Token[], options?: StopwordOptions): string[] {
  return contentKeywordsIn(tokens, edits(options));
}

/**
 * Lemma keys of a text already detected as English (see the text room's
 * `englishLemmas`): verbs in the infinitive, nouns in the singular,
 * contractions expanded; keyed by `forms`, by default the table compiled at
 * build time from the default English lexicons.
 */
export function englishLemmas(text: string, forms: EnglishForms = defaultEnglishForms()): EnglishLemma[] {
  return englishLemmasWith(text, forms);
}
