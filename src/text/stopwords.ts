import { FR_STOPWORDS } from './stopwords-fr.generated.js';
import { foldKey } from './fold.js';
import { expectString } from './guard.js';
import { FRENCH_NEGATORS } from './negators.js';

/**
 * Negation words, as folded keys: the French negators and the elided `n'`.
 * They are never stop words: dropping them would turn "aucune réponse" into
 * "réponse" and "pas de souci" into "souci".
 */
export const NEGATION_WORDS: ReadonlySet<string> = new Set([...FRENCH_NEGATORS, "n'"]);

/** Options of {@link isStopword}. */
export interface StopwordOptions {
  /** Extra stop words (any spelling; folded before use). Default: none. */
  add?: readonly string[];
  /** Words that are not stop words here (folded before use). Default: none. */
  remove?: readonly string[];
}

let defaultSet: ReadonlySet<string> | undefined;
const customSets = new WeakMap<StopwordOptions, ReadonlySet<string>>();

function build(base: Iterable<string>, add: readonly string[], remove: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const word of base) set.add(foldKey(word));
  for (const word of add) if (typeof word === 'string') set.add(foldKey(word));
  for (const word of remove) if (typeof word === 'string') set.delete(foldKey(word));
  for (const word of NEGATION_WORDS) set.delete(word);
  return set;
}

/**
 * The French stop words of the text room: the `stopword` package's French
 * list (copied at build, src/text/stopwords-fr.generated.ts), folded,
 * negation words removed. The package's `stopwords()` adds the
 * default lexicons' edits (lexicons/fr/stopwords.yml).
 */
export function stopwords(): ReadonlySet<string> {
  defaultSet ??= build(FR_STOPWORDS, [], []);
  return defaultSet;
}

/**
 * The stop words with these edits applied (additions, then removals); the
 * set is cached per options object.
 */
export function stopwordSet(options?: StopwordOptions): ReadonlySet<string> {
  if (options === undefined) return stopwords();
  let set = customSets.get(options);
  if (set === undefined) {
    set = build(stopwords(), options.add ?? [], options.remove ?? []);
    customSets.set(options, set);
  }
  return set;
}

/**
 * Whether a token key (`token.norm`, already folded) is a stop word. Keys
 * are not folded again here (hot path); pass `norm`, not the raw text.
 * Options edit the list; reuse the same options object across calls (the
 * edited set is cached per object).
 */
export function isStopword(norm: string, options?: StopwordOptions): boolean {
  expectString(norm);
  return stopwordSet(options).has(norm);
}
