import { fra } from 'stopword';
import { foldKey } from './fold.js';
import { expectString } from './guard.js';
import { defaultStopwordEdits } from './tables.js';

/**
 * Negation words, as folded keys. They are never stop words: dropping them
 * would turn "aucune réponse" into "réponse" and "pas de souci" into "souci".
 */
export const NEGATION_WORDS: ReadonlySet<string> = new Set([
  'ne', "n'", 'pas', 'plus', 'aucun', 'aucune', 'jamais', 'rien', 'personne', 'sans', 'ni', 'guere',
]);

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
 * The default French stop words: the `stopword` package's French list,
 * folded, edited by lexicons/fr/stopwords.yml, negation words removed.
 */
export function stopwords(): ReadonlySet<string> {
  if (defaultSet === undefined) {
    const edits = defaultStopwordEdits();
    defaultSet = build(fra, edits.add, edits.remove);
  }
  return defaultSet;
}

/**
 * Whether a token key (`token.norm`, already folded) is a stop word. Keys
 * are not folded again here (hot path); pass `norm`, not the raw text.
 * Options edit the default list; reuse the same options object across calls
 * (the edited set is cached per object).
 */
export function isStopword(norm: string, options?: StopwordOptions): boolean {
  expectString(norm);
  if (options === undefined) return stopwords().has(norm);
  let set = customSets.get(options);
  if (set === undefined) {
    set = build(stopwords(), options.add ?? [], options.remove ?? []);
    customSets.set(options, set);
  }
  return set.has(norm);
}
