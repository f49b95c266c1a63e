// An analyser's caches are bounded: a corpus whose vocabulary keeps growing
// (real exports: new words, names, typos, references on every batch) must
// not grow its heap. Analyse texts made of words never seen before, twice as
// many as the memos hold, then as many again: the heap after the second half
// is what it was after the first (the memos turned over), whatever the
// number of words. One table keyed per distinct word and never emptied grows
// by about 60 bytes a word: 8 MB here (1 MB with the memos). The same for
// the analysis and its report under a word budget (exact tables: 41 MB).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, createReportBuilder, finalizeReport, type ReportBuilder } from '../../src/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const LETTERS = 'bcdfghjklmnpqrstvwxz';

/** The n-th made-up word: consonants only, seven letters or more, never a French word or a lexicon key. */
function madeUpWord(n: number): string {
  let w = 'zq';
  for (let k = n; ; k = Math.floor(k / LETTERS.length)) {
    w += LETTERS[k % LETTERS.length];
    if (k < LETTERS.length) break;
  }
  return w.padEnd(7, 'x');
}

/** Analyses texts of 50 words each, holding words `from` to `to` - 1 (and the usual French around them); adds them to `report` if given. */
function analyseWords(analyzer: ReturnType<typeof createAnalyzer>, from: number, to: number, report?: ReportBuilder): void {
  for (let i = from; i < to; i += 50) {
    const words: string[] = [];
    for (let k = i; k < Math.min(to, i + 50); k += 1) words.push(madeUpWord(k));
    const analysis = analyze({ id: String(i), text: `Le colis ${words.join(' ')} est arrivé en retard.`, channel: i % 100 < 50 ? 'email' : 'chat' }, analyzer);
    report?.add(analysis);
  }
}

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('an analyser on a vocabulary that keeps growing', () => {
  it('holds a bounded heap: 131,072 more new words leave it where it was', () => {
    const analyzer = createAnalyzer();
    // A multiple of every memo's generation (32,768 keys and its halves): each memo is as full at both points.
    const half = 131_072;
    analyseWords(analyzer, 0, half);
    const first = heapAfterCollection();
    analyseWords(analyzer, half, 2 * half);
    const second = heapAfterCollection();
    expect(second - first).toBeLessThan(4 * 1024 * 1024);
  }, 60_000);

  it('and its report with a word budget: the same', () => {
    const analyzer = createAnalyzer();
    // Words, 2- and 3-word expressions all new: the tables are cut again and again, at most 2,000 terms each.
    const report = createReportBuilder({ maxVocabulary: 1_000 });
    const half = 131_072;
    analyseWords(analyzer, 0, half, report);
    const first = heapAfterCollection();
    analyseWords(analyzer, half, 2 * half, report);
    const second = heapAfterCollection();
    expect(second - first).toBeLessThan(4 * 1024 * 1024);
    expect(finalizeReport(report.snapshot()).summary.analysed).toBe(2 * Math.ceil(half / 50));
  }, 60_000);
});
