// The word budget of a run on files, the same for the API (`analyzeFiles`, the
// queue) and the CLI (`--vocabulary`): a run on files may meet any vocabulary,
// and exact tables grow with it (`verbatim discover`, which kept them exact,
// peaked at 2.4 GB on a 100 MB export whose words keep coming).

/** Words and expressions kept per channel by default: tables of at most twice as many terms. */
export const DEFAULT_VOCABULARY = 10_000;

/** The report option a run's `maxVocabulary` gives: a budget of n terms, none for `'exact'`, the default budget when unset. */
export function vocabularyBudget(value: number | 'exact' | undefined): { maxVocabulary?: number } {
  const budget = value ?? DEFAULT_VOCABULARY;
  return budget === 'exact' ? {} : { maxVocabulary: budget };
}
