// A run on files budgets its word tables by default, as the CLI does: exact
// tables grow with the input's vocabulary, and a large export filled the heap.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/node.js';
import { DEFAULT_VOCABULARY, vocabularyBudget } from '../../src/run/vocabulary.js';

/** A CSV of one channel whose every row brings words of its own. */
function manyWords(rows: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'vocabulary-'));
  const file = join(dir, 'avis.csv');
  const lines = Array.from({ length: rows }, (_, i) => `R${i};avis;livraison mot${i}a mot${i}b mot${i}c rapide`);
  writeFileSync(file, ['id;canal;commentaire', ...lines].join('\n'));
  return file;
}

describe('the word budget of a run on files', () => {
  it('is the default budget when unset, none for exact, the number given otherwise', () => {
    expect(vocabularyBudget(undefined)).toEqual({ maxVocabulary: DEFAULT_VOCABULARY });
    expect(vocabularyBudget('exact')).toEqual({});
    expect(vocabularyBudget(50)).toEqual({ maxVocabulary: 50 });
  });

  it('analyzeFiles keeps at most twice the budget per table, and says the counts are approximate', async () => {
    const file = manyWords(120);
    const budgeted = await analyzeFiles([file], { maxVocabulary: 20, maskPersonalData: false });
    expect(budgeted.report.summary.approximate).toBe(true);
    expect(budgeted.provenance.options.maxVocabulary).toBe(20);
    const exact = await analyzeFiles([file], { maxVocabulary: 'exact', maskPersonalData: false });
    expect(exact.report.summary.approximate).toBe(false);
    expect(exact.provenance.options.maxVocabulary).toBeNull();
    // A frequent word: exact without a budget, within the stated bound with one.
    const count = (r: typeof exact, word: string) => r.report.all.topWords.find((w) => w.key === word)?.occurrences ?? 0;
    expect(count(exact, 'livraison')).toBe(120);
    expect(count(budgeted, 'livraison')).toBeLessThanOrEqual(120);
    expect(count(budgeted, 'livraison')).toBeGreaterThanOrEqual(120 - budgeted.report.summary.maxUndercount);
  });

  it('analyzeFiles budgets by default, as the CLI', async () => {
    const { provenance, report } = await analyzeFiles([manyWords(10)]);
    expect(provenance.options.maxVocabulary).toBe(DEFAULT_VOCABULARY);
    expect(report.summary.approximate).toBe(false);
  });
});
