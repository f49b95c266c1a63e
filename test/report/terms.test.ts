// Word and expression tables: exact counting, the budget's guarantees, reading
// the top terms without sorting, and version-2 states.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReportBuilder, finalizeReport, mergeReportStates, renderReport } from '../../src/report/index.js';
import type { ReportState } from '../../src/report/index.js';
import { compareStrings } from '../../src/report/counts.js';
import { addKeywords, addPairs, emptyTermTable, mergeTermTables, nthLargest, topTerms, type TermTable } from '../../src/report/terms.js';
import { hashOf, secondHashOf } from '../../src/_utils/hash.js';
import { analysis, meta } from './helpers.js';

type Doc = ReadonlyArray<string | null>;

/** The tables counted the plain way: a string key per term, a set per verbatim. */
function reference(docs: readonly Doc[]): { words: Map<string, [number, number]>; expressions: Map<string, [number, number]> } {
  const words = new Map<string, [number, number]>();
  const expressions = new Map<string, [number, number]>();
  const add = (table: Map<string, [number, number]>, key: string, seen: Set<string>) => {
    const t = table.get(key) ?? [0, 0];
    t[0] += 1;
    if (!seen.has(key)) t[1] += 1;
    seen.add(key);
    table.set(key, t);
  };
  for (const doc of docs) {
    const seenWords = new Set<string>();
    const seenExpressions = new Set<string>();
    doc.forEach((w, i) => {
      if (w !== null) add(words, w, seenWords);
      const [b, c] = [doc[i + 1], doc[i + 2]];
      if (w !== null && b != null && w !== b) add(expressions, `${w} ${b}`, seenExpressions);
      if (w !== null && b != null && c != null && (w !== b || b !== c)) add(expressions, `${w} ${b} ${c}`, seenExpressions);
    });
  }
  return { words, expressions };
}

const asMap = (t: TermTable): Map<string, [number, number]> => new Map(t.keys.map((k, i) => [k, [t.occurrences[i]!, t.verbatims[i]!]]));

function build(docs: readonly Doc[], budget: number | null): { words: TermTable; expressions: TermTable } {
  const words = emptyTermTable();
  const expressions = emptyTermTable();
  for (const doc of docs) addKeywords(words, expressions, doc, budget);
  return { words, expressions };
}

// A Zipf-like vocabulary: a few words in most verbatims, a long tail; masked words (null) now and then.
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('attente', 'colis', 'prix', 'nul') },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 }).map((i) => `mot${i}`) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 3000 }).map((i) => `rare${i}`) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const docs = fc.array(fc.array(word, { maxLength: 8 }), { maxLength: 200 });

describe('term tables', () => {
  it.each([
    [[['attente', 'colis', 'attente']], 'attente', [2, 1]],
    [[['attente'], ['attente', 'attente']], 'attente', [3, 2]],
    [[['colis', null, 'perdu']], 'colis perdu', undefined],
    [[['nul', 'nul', 'nul']], 'nul nul', undefined],
    [[['nul', 'nul', 'nul']], 'nul nul nul', undefined],
    [[['tres', 'tres', 'bien']], 'tres tres bien', [1, 1]],
    [[['pas', 'recu', 'pas', 'recu']], 'pas recu', [2, 1]],
    // Two words with the same hash are two words.
    [[['c䪴角', 'a一一', 'a一一']], 'c䪴角', [1, 1]],
    [[['c䪴角', 'a一一', 'a一一']], 'a一一', [2, 1]],
  ] as Array<[Doc[], string, [number, number] | undefined]>)('%j: %s counted %j', (input, key, expected) => {
    const { words, expressions } = build(input, null);
    expect(asMap(key.includes(' ') ? expressions : words).get(key)).toEqual(expected);
  });

  it('the colliding words of the table above do share a hash, not the second one', () => {
    expect(hashOf('c䪴角')).toBe(hashOf('a一一'));
    expect(secondHashOf('c䪴角')).not.toBe(secondHashOf('a一一'));
  });

  // With a budget a term is told apart by its two hashes, the key never read (see `count`).
  it.each([
    ['c䪴角', [2, 2]],
    ['a一一', [3, 2]],
    ['c䪴角 a一一', [1, 1]],
    ['a一一 a一一', undefined],
    ['a一一 prix', [1, 1]],
    ['c䪴角 prix', [1, 1]],
  ] as Array<[string, [number, number] | undefined]>)('with a budget, terms sharing a hash are still two terms: %s counted %j', (key, expected) => {
    const { words, expressions } = build([['c䪴角', 'a一一', 'a一一'], ['a一一', 'prix'], ['c䪴角', 'prix']], 1000);
    expect(asMap(key.includes(' ') ? expressions : words).get(key)).toEqual(expected);
  });

  it('property: with a budget never reached, count as a string key per term does', () => {
    fc.assert(
      fc.property(docs, (input) => {
        const { words, expressions } = build(input, 100_000);
        const expected = reference(input);
        expect(asMap(words)).toEqual(expected.words);
        expect(asMap(expressions)).toEqual(expected.expressions);
      }),
      { numRuns: 100 },
    );
  });

  it.each([null, 40_000])('a table of more than 65,535 terms finds each of them, counted and read back from JSON (budget %s)', (budget) => {
    const words = emptyTermTable();
    const expressions = emptyTermTable();
    for (let i = 0; i < 70_000; i++) addKeywords(words, expressions, [`mot${i}`], budget);
    const again = JSON.parse(JSON.stringify(words)) as TermTable;
    for (const table of [words, again]) {
      for (const i of [0, 65_534, 65_535, 65_536, 69_999]) addKeywords(table, emptyTermTable(), [`mot${i}`], budget);
      const counts = asMap(table);
      expect(counts.size).toBe(70_000);
      expect([0, 65_534, 65_535, 65_536, 69_999, 1, 65_537].map((i) => counts.get(`mot${i}`))).toEqual([[2, 2], [2, 2], [2, 2], [2, 2], [2, 2], [1, 1], [1, 1]]);
    }
  });

  it.each([null, 1000])('a pair table read back from JSON goes on counting its pairs where they are (budget %s)', (budget) => {
    const table = emptyTermTable();
    addPairs(table, ['theme:livraison', 'irritant:retard', 'theme:prix'], null, budget);
    const again = JSON.parse(JSON.stringify(table)) as TermTable;
    addPairs(again, ['theme:livraison', 'irritant:retard'], null, budget);
    expect(asMap(again)).toEqual(
      new Map([
        ['theme:livraison\tirritant:retard', [2, 2]],
        ['theme:livraison\ttheme:prix', [1, 1]],
        ['irritant:retard\ttheme:prix', [1, 1]],
      ]),
    );
  });

  it('property: a table read back from JSON goes on counting its terms where they are', () => {
    fc.assert(
      fc.property(docs, docs, (first, second) => {
        const once = build(first, 100_000);
        const words = JSON.parse(JSON.stringify(once.words)) as TermTable;
        const expressions = JSON.parse(JSON.stringify(once.expressions)) as TermTable;
        for (const doc of second) addKeywords(words, expressions, doc, 100_000);
        const expected = reference([...first, ...second]);
        expect(asMap(words)).toEqual(expected.words);
        expect(asMap(expressions)).toEqual(expected.expressions);
        expect(words.keys.length).toBe(expected.words.size);
      }),
      { numRuns: 60 },
    );
  });

  it('property: without a budget, count as a string key per term does', () => {
    fc.assert(
      fc.property(docs, (input) => {
        const { words, expressions } = build(input, null);
        const expected = reference(input);
        expect(asMap(words)).toEqual(expected.words);
        expect(asMap(expressions)).toEqual(expected.expressions);
        expect(words.total).toBe([...expected.words.values()].reduce((n, t) => n + t[0], 0));
        expect(words.slack + expressions.slack).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it.each([2, 5, 20])('property: with a budget of %i, every count is within the slack of the truth and the slack within 2N/(k+1)', (k) => {
    fc.assert(
      fc.property(docs, (input) => {
        const exact = reference(input);
        const built = build(input, k);
        for (const [table, truth] of [
          [built.words, exact.words],
          [built.expressions, exact.expressions],
        ] as const) {
          const n = [...truth.values()].reduce((s, t) => s + t[0], 0);
          expect(table.total).toBe(n);
          expect(table.keys.length).toBeLessThanOrEqual(2 * k);
          expect(table.slack).toBeLessThanOrEqual((2 * n) / (k + 1));
          const kept = asMap(table);
          for (const [key, [occurrences, verbatims]] of kept) {
            const [o, v] = truth.get(key)!;
            expect(occurrences).toBeLessThanOrEqual(o);
            expect(verbatims).toBeLessThanOrEqual(Math.min(v, occurrences));
            expect(o - occurrences).toBeLessThanOrEqual(table.slack);
            expect(v - verbatims).toBeLessThanOrEqual(table.slack);
            expect(verbatims).toBeGreaterThan(0);
          }
          // A term missing from the table was seen at most `slack` times.
          for (const [key, [o]] of truth) if (!kept.has(key)) expect(o, key).toBeLessThanOrEqual(table.slack);
          // Until a table first holds more than 2k terms, it is the exact table.
          if (truth.size <= 2 * k) expect(kept).toEqual(truth);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('once cut, a table counts a new term from its second occurrence, and its slack says so', () => {
    const words = emptyTermTable();
    const expressions = emptyTermTable();
    const k = 2;
    // Five distinct words fill the table past 2k: it is cut.
    for (const w of ['a', 'b', 'c', 'd', 'e']) addKeywords(words, expressions, [w], k);
    const slack = words.slack;
    expect(slack).toBeGreaterThan(0);
    addKeywords(words, expressions, ['nouveau'], k);
    expect(words.keys).not.toContain('nouveau');
    addKeywords(words, expressions, ['nouveau'], k);
    const i = words.keys.indexOf('nouveau');
    expect([words.occurrences[i], words.verbatims[i]]).toEqual([1, 1]);
    // The first occurrence went uncounted: the slack covers it.
    expect(2 - words.occurrences[i]!).toBeLessThanOrEqual(words.slack);
    expect(words.total).toBe(7);
  });

  it('property: merging is commutative (same terms and counts) and gives the exact sum under the budget', () => {
    fc.assert(
      fc.property(docs, docs, fc.constantFrom(null, 3, 50), (x, y, k) => {
        const [a, b] = [build(x, k).words, build(y, k).words];
        const ab = mergeTermTables(a, b, k);
        expect(asMap(ab)).toEqual(asMap(mergeTermTables(b, a, k)));
        expect(ab.total).toBe(a.total + b.total);
        if (k === null || ab.keys.length <= 2 * k) {
          if (ab.slack === 0) expect(asMap(ab)).toEqual(reference([...x, ...y]).words);
        }
        expect(ab.keys.length).toBeLessThanOrEqual(k === null ? Infinity : 2 * k);
      }),
      { numRuns: 100 },
    );
  });

  it('property: topTerms gives what sorting the whole table gives', () => {
    fc.assert(
      fc.property(docs, fc.nat(12), fc.nat(3), (input, max, minVerbatims) => {
        const { expressions } = build(input, null);
        const keep = (_: string, verbatims: number) => verbatims >= minVerbatims;
        const sorted = expressions.keys
          .map((_, i) => i)
          .filter((i) => keep(expressions.keys[i]!, expressions.verbatims[i]!))
          .sort(
            (i, j) =>
              expressions.verbatims[j]! - expressions.verbatims[i]! ||
              expressions.occurrences[j]! - expressions.occurrences[i]! ||
              compareStrings(expressions.keys[i]!, expressions.keys[j]!),
          )
          .slice(0, max);
        expect(topTerms(expressions, max, keep)).toEqual(sorted);
      }),
      { numRuns: 200 },
    );
  });

  it('property: nthLargest is the n-th of the counts sorted down', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(5), fc.nat(10_000)), { minLength: 1, maxLength: 60 }), fc.nat(70), (values, n) => {
        const sorted = [...values].sort((x, y) => y - x);
        expect(nthLargest(values, n + 1)).toBe(sorted[n] ?? 0);
      }),
    );
  });
});

describe('report states of version 2', () => {
  /** A state as version 2 wrote it: word tables as `{ key: [occurrences, verbatims] }`, slack beside them. */
  function asVersion2(state: ReportState): unknown {
    const copy = JSON.parse(JSON.stringify(state)) as { stateVersion: number; sections: { core: { channels: Record<string, Record<string, unknown>> } } };
    copy.stateVersion = 2;
    for (const ch of Object.values(copy.sections.core.channels)) {
      const slack = { keywords: 0, expressions: 0 };
      for (const field of ['keywords', 'expressions'] as const) {
        const t = ch[field] as TermTable;
        ch[field] = Object.fromEntries(t.keys.map((k, i) => [k, [t.occurrences[i], t.verbatims[i]]]));
        slack[field] = t.slack;
      }
      ch.pruned = slack.keywords + slack.expressions > 0;
      if (ch.pruned) ch.slack = slack;
    }
    return copy;
  }

  const analyses = Array.from({ length: 40 }, (_, i) =>
    analysis({ id: String(i), channel: i % 3 ? 'avis_en_ligne' : 'enquete', text: 't', keywords: ['attente', `mot${i % 7}`, `rare${i}`, 'colis'] }),
  );
  const stateOf = (items: typeof analyses, maxVocabulary?: number): ReportState => {
    const b = createReportBuilder({ meta, ...(maxVocabulary === undefined ? {} : { maxVocabulary }) });
    for (const a of items) b.add(a);
    return b.snapshot();
  };

  it.each([undefined, 4])('are finalized and merged as the same state of version 3 (maxVocabulary %s)', (k) => {
    const [left, right] = [stateOf(analyses.slice(0, 25), k), stateOf(analyses.slice(25), k)];
    const old = [asVersion2(left), asVersion2(right)] as ReportState[];
    const options = { meta };
    // Keyness reads a table's true total, which version 2 did not keep: a cut table there counts what it kept.
    const comparable = (r: ReturnType<typeof finalizeReport>) => (k === undefined ? r : { ...r, sections: { ...r.sections, insight: undefined } });
    const finalize = (s: ReportState) => comparable(finalizeReport(s, options));
    expect(finalize(old[0]!)).toEqual(finalize(left));
    const merged = mergeReportStates(old[0]!, old[1]!);
    expect(merged.stateVersion).toBe(3);
    expect(finalize(merged)).toEqual(finalize(mergeReportStates(left, right)));
    expect(finalize(mergeReportStates(old[0]!, right))).toEqual(finalize(mergeReportStates(left, right)));
  });

  it.each([1, 4, '3', undefined])('refuses a state of version %j, saying which versions it reads', (version) => {
    const state = { ...stateOf(analyses), stateVersion: version } as unknown as ReportState;
    expect(() => finalizeReport(state)).toThrow(/stateVersion 3, or 2/);
    expect(() => mergeReportStates(state, stateOf([]))).toThrow(/stateVersion 3, or 2/);
  });
});

describe('a report whose word tables were cut', () => {
  const b = createReportBuilder({ meta, maxVocabulary: 3 });
  for (let i = 0; i < 30; i++) b.add(analysis({ id: String(i), text: 't', keywords: ['attente', `mot${i}`, `autre${i}`] }));
  const report = finalizeReport(b.snapshot(), { meta });

  it.each([
    ['table', 'fr', /comptes de mots approchés \(au plus (\d+) de moins\)/],
    ['md', 'en', /approximate word counts \(at most (\d+) short\)/],
    ['html', 'fr', /chaque compte est au plus (\d+) en dessous du vrai/],
    ['csv', 'fr', /summary;;;;max_undercount;(\d+)/],
  ] as const)('says so with the bound in %s (%s)', async (format, lang, pattern) => {
    expect(report.summary.approximate).toBe(true);
    const text = await renderReport({ ...report, lang }, format);
    expect(Number(pattern.exec(text)?.[1])).toBe(report.summary.maxUndercount);
  });
});
