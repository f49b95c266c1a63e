/**
 * The French negators as folded keys: the one list in code. The default
 * lexicons carry their own, longer list (lexicons/fr/negation.yml), which is
 * what analyses read; this one is the fallback of a lexicon with no negation
 * section, the words no stop-word list drops, and the base of the narrower
 * lists the negation and sentiment rules derive from it.
 */
export const FRENCH_NEGATORS = ['ne', 'pas', 'plus', 'jamais', 'aucun', 'aucune', 'rien', 'personne', 'sans', 'ni', 'guere'] as const;

/** {@link FRENCH_NEGATORS} less the words given (a narrower list a rule reads). */
export function frenchNegatorsExcept(...words: ReadonlyArray<(typeof FRENCH_NEGATORS)[number]>): ReadonlySet<string> {
  return new Set(FRENCH_NEGATORS.filter((w) => !words.includes(w)));
}
