import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCooccurrence,
  emptyCooccurrenceState,
  finalizeCooccurrence,
  mergeCooccurrence,
  type CooccurrenceAccumulatorOptions,
} from '../../src/report/insight/cooccurrence.js';
import type { TermTable } from '../../src/report/terms.js';
import type { Match, VerbatimAnalysis } from '../../src/types.js';
import { chunks, match, stateOf, verbatim } from './_helpers.js';

const state = (items: VerbatimAnalysis[], options?: CooccurrenceAccumulatorOptions) => stateOf(emptyCooccurrenceState(options), addCooccurrence, items);

// Ten verbatims: retard_livraison in 4, prix_excessif in 5, both in 2 → lift = 2·10 / (4·5) = 1 (independent).
// amabilite and efficacite in the same 2 → lift = 2·10 / (2·2) = 5.
const items = [
  verbatim({ id: '1', channel: 'chat', irritants: ['retard_livraison', 'prix_excessif'] }),
  verbatim({ id: '2', channel: 'chat', irritants: ['retard_livraison', 'prix_excessif'] }),
  verbatim({ id: '3', channel: 'chat', irritants: ['retard_livraison'] }),
  verbatim({ id: '4', channel: 'email', irritants: ['retard_livraison'] }),
  verbatim({ id: '5', channel: 'email', irritants: ['prix_excessif'] }),
  verbatim({ id: '6', channel: 'email', irritants: ['prix_excessif'] }),
  verbatim({ id: '7', channel: 'email', irritants: ['prix_excessif'] }),
  verbatim({ id: '8', channel: 'email', enchantments: ['amabilite', 'efficacite'] }),
  verbatim({ id: '9', channel: 'email', enchantments: ['amabilite', 'efficacite', 'amabilite'] }),
  verbatim({ id: '10', channel: 'email' }),
];

describe('co-occurrence', () => {
  it('computes counts, support, confidence and lift by hand, ranked by lift', () => {
    const result = finalizeCooccurrence(state(items), { minSupport: 2 });
    expect(result.verbatims).toBe(10);
    expect(result.pairs.map((p) => [p.a.id, p.b.id, p.count, p.lift])).toEqual([
      ['amabilite', 'efficacite', 2, 5],
      ['prix_excessif', 'retard_livraison', 2, 1],
    ]);
    const [, prixRetard] = result.pairs;
    expect(prixRetard).toMatchObject({ support: 0.2, confidenceAB: 2 / 5, confidenceBA: 2 / 4 });
    expect(prixRetard?.a).toEqual({ kind: 'irritant', id: 'prix_excessif', count: 5 });
  });

  it('applies the minimum support and ranks per channel', () => {
    expect(finalizeCooccurrence(state(items), { minSupport: 3 }).pairs).toEqual([]);
    const result = finalizeCooccurrence(state(items), { minSupport: 1 });
    const chat = result.channels.find((c) => c.channel === 'chat');
    // In chat: retard in 3 of 3, prix in 2 of 3, both in 2 → lift = 2·3 / (3·2) = 1.
    expect(chat?.pairs.map((p) => [p.a.id, p.b.id, p.lift])).toEqual([['prix_excessif', 'retard_livraison', 1]]);
    expect(finalizeCooccurrence(state(items), { perChannel: false }).channels).toEqual([]);
  });

  it('skips pairs of an entry with its own theme unless asked', () => {
    const carrying = [1, 2, 3].map((i) =>
      verbatim({ id: String(i), themes: ['livraison'], irritants: ['retard_livraison'], matches: [match('retard_livraison', 'irritant', 'livraison')] }),
    );
    expect(finalizeCooccurrence(state(carrying)).pairs).toEqual([]);
    expect(finalizeCooccurrence(state(carrying, { keepOwnTheme: true })).pairs.map((p) => [p.a.id, p.b.id, p.lift])).toEqual([
      ['retard_livraison', 'livraison', 1], // pairs are ordered by `kind:id`
    ]);
  });

  // Three verbatims: a delivery-delay concept with the delivery irritant of the same theme (trivial: the same
  // words find both), a price irritant (another theme), and an enchantment of the delivery theme.
  const delivery = [1, 2, 3].map((i) =>
    verbatim({
      id: String(i),
      concepts: ['livraison.delai'],
      irritants: ['retard_livraison', 'prix_excessif'],
      enchantments: ['livraison_soignee'],
      matches: [
        match('livraison.delai', 'concept', 'livraison'),
        match('retard_livraison', 'irritant', 'livraison'),
        match('prix_excessif', 'irritant', 'prix'),
        match('livraison_soignee', 'enchantment', 'livraison'),
      ],
    }),
  );
  const pairsOf = (result: ReturnType<typeof finalizeCooccurrence>) => result.pairs.map((p) => `${p.a.id} + ${p.b.id}`).sort();

  it('leaves out a concept paired with an irritant or enchantment of its own theme, overall and per channel', () => {
    const kept = ['livraison.delai + prix_excessif', 'livraison_soignee + prix_excessif', 'livraison_soignee + retard_livraison', 'prix_excessif + retard_livraison'];
    const result = finalizeCooccurrence(state(delivery));
    expect(pairsOf(result)).toEqual(kept);
    expect(pairsOf({ ...result, pairs: result.channels[0]?.pairs ?? [] })).toEqual(kept);
    // Asked for, they are there.
    expect(pairsOf(finalizeCooccurrence(state(delivery), { keepSameTheme: true }))).toEqual(
      [...kept, 'livraison.delai + livraison_soignee', 'livraison.delai + retard_livraison'].sort(),
    );
  });

  it('reads a concept\'s theme from its id when no match gave it, and keeps the themes through a merge', () => {
    const noConceptMatch = delivery.map((v) => ({ ...v, matches: v.matches.filter((m) => m.kind !== 'concept') }));
    const [first, ...rest] = noConceptMatch;
    const merged = mergeCooccurrence(state([first as VerbatimAnalysis]), state(rest));
    expect(pairsOf(finalizeCooccurrence(merged, { minSupport: 1 }))).not.toContain('livraison.delai + retard_livraison');
    // A state written before the themes were kept: every pair is ranked, as then.
    const old = state(delivery);
    delete old.themes;
    expect(pairsOf(finalizeCooccurrence(old))).toContain('livraison.delai + retard_livraison');
  });
});

describe('co-occurrence with a pair budget (maxPairs)', () => {
  // One channel; every verbatim carries the two frequent irritants and two concepts of its own
  // (`c<i>`, `d<i>`): five new pairs a verbatim, one pair that comes back every time.
  const many = Array.from({ length: 60 }, (_, i) =>
    verbatim({ id: String(i), concepts: [`c${i}`, `d${i}`], irritants: ['attente_excessive', 'prix_excessif'] }),
  );
  const key = (p: { a: { kind: string; id: string }; b: { kind: string; id: string } }) => `${p.a.kind}:${p.a.id} + ${p.b.kind}:${p.b.id}`;
  const pairCount = (s: ReturnType<typeof state>, k: string): number => {
    const t = s.channels.enquete?.pairs as TermTable;
    const i = t.keys.indexOf(k);
    return i < 0 ? 0 : (t.verbatims[i] as number);
  };

  it('is exact, and the same as without a budget, until a channel holds more than 2·maxPairs pairs', () => {
    const few = many.slice(0, 3); // 1 + 3·5 = 16 pairs
    const exact = finalizeCooccurrence(state(few), { minSupport: 1, top: 100 });
    expect(finalizeCooccurrence(state(few, { maxPairs: 8 }), { minSupport: 1, top: 100 })).toEqual(exact);
    expect(exact.maxUndercount).toBe(0);
  });

  it('keeps at most 2·maxPairs pairs a channel, every count a lower bound within the undercount it reports', () => {
    const exact = state(many);
    const bounded = state(many, { maxPairs: 5 });
    const table = bounded.channels.enquete?.pairs as TermTable;
    expect(table.keys.length).toBeLessThanOrEqual(10);
    const { maxUndercount = 0, pairs } = finalizeCooccurrence(bounded, { minSupport: 1, top: 1000 });
    expect(maxUndercount).toBeGreaterThan(0);
    // The bound of a Misra–Gries summary: at most 2·N / (k + 1) for N pairs counted.
    expect(maxUndercount).toBeLessThanOrEqual((2 * 60 * 6) / 6);
    for (const k of table.keys) {
      const truth = pairCount(exact, k);
      expect(pairCount(bounded, k)).toBeLessThanOrEqual(truth);
      expect(pairCount(bounded, k)).toBeGreaterThanOrEqual(truth - maxUndercount);
    }
    // The pair of every verbatim is kept, and counted within the bound.
    const frequent = pairs.find((p) => key(p) === 'irritant:attente_excessive + irritant:prix_excessif');
    expect(frequent?.count).toBeGreaterThanOrEqual(60 - maxUndercount);
    expect(frequent?.a.count).toBe(60); // entries are counted exactly
  });

  it('holds its bounds whatever the split and order of merges', () => {
    const exact = state(many);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 5 }), fc.boolean(), fc.integer({ min: 1, max: 8 }), (cuts, reverse, k) => {
        const parts = chunks(many, cuts).map((c) => JSON.parse(JSON.stringify(state(c, { maxPairs: k }))) as ReturnType<typeof state>);
        if (reverse) parts.reverse();
        const merged = parts.reduce((a, b) => mergeCooccurrence(a, b));
        const table = merged.channels.enquete?.pairs as TermTable | undefined;
        if (table === undefined) return;
        expect(table.keys.length).toBeLessThanOrEqual(2 * k);
        expect(table.total).toBe(60 * 6);
        for (const pair of table.keys) {
          const truth = pairCount(exact, pair);
          expect(pairCount(merged, pair)).toBeLessThanOrEqual(truth);
          expect(pairCount(merged, pair)).toBeGreaterThanOrEqual(truth - table.slack);
        }
        expect(table.slack).toBeLessThanOrEqual((2 * 60 * 6) / (k + 1));
      }),
      { numRuns: 40 },
    );
  });

  it('refuses to merge states with different budgets', () => {
    expect(() => mergeCooccurrence(state(many, { maxPairs: 5 }), state(many))).toThrow(/maxPairs/);
    expect(() => emptyCooccurrenceState({ maxPairs: 0 })).toThrow(/maxPairs to be an integer of at least 1/);
  });

  it('reads a version-1 state, whose pairs were a record, as exact', () => {
    const now = state(items);
    const v1 = JSON.parse(JSON.stringify(now)) as ReturnType<typeof state> & { version: number };
    v1.version = 1;
    delete v1.maxPairs;
    for (const ch of Object.values(v1.channels)) {
      const t = ch.pairs as TermTable;
      ch.pairs = Object.fromEntries(t.keys.map((k, i) => [k, t.verbatims[i] as number]));
    }
    expect(finalizeCooccurrence(v1, { minSupport: 1 })).toEqual(finalizeCooccurrence(now, { minSupport: 1 }));
    const merged = mergeCooccurrence(v1, state([]));
    expect(merged.version).toBe(2);
    expect(finalizeCooccurrence(merged, { minSupport: 1 })).toEqual(finalizeCooccurrence(now, { minSupport: 1 }));
    // Its exact tables go into a state with a budget, which keeps its budget, either way round.
    const budgeted = state(items, { maxPairs: 50 });
    expect(mergeCooccurrence(v1, budgeted).maxPairs).toBe(50);
    expect(mergeCooccurrence(budgeted, v1)).toEqual(mergeCooccurrence(v1, budgeted));
  });
});

describe('co-occurrence with the entries a verbatim pairs capped (maxEntries)', () => {
  const at = (id: string, kind: Match['kind'], start: number): Match => ({ ...match(id, kind, 'produits'), start, end: start + 1 });
  // A letter citing six concepts: c3 three times, c1 and c5 twice, c0, c2 and c4 once (c4 first of those).
  const letter = verbatim({
    id: 'lettre',
    concepts: ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'],
    matches: [at('c4', 'concept', 1), at('c3', 'concept', 2), at('c1', 'concept', 3), at('c5', 'concept', 4), at('c3', 'concept', 5), at('c1', 'concept', 6), at('c5', 'concept', 7), at('c3', 'concept', 8), at('c0', 'concept', 9), at('c2', 'concept', 10)],
  });
  const pairKeys = (s: ReturnType<typeof state>, channel = 'enquete') => [...((s.channels[channel]?.pairs as TermTable).keys)].sort();

  it('pairs only the entries the verbatim mentions most, ties to the first mentioned, and still counts them all', () => {
    const capped = state([letter], { maxEntries: 4 });
    expect(pairKeys(capped)).toEqual(['concept:c1\tconcept:c3', 'concept:c1\tconcept:c4', 'concept:c1\tconcept:c5', 'concept:c3\tconcept:c4', 'concept:c3\tconcept:c5', 'concept:c4\tconcept:c5']);
    expect(Object.keys(capped.channels.enquete?.items ?? {}).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5'].map((c) => `concept:${c}`));
    expect(capped.channels.enquete?.capped).toBe(1);
    // The capped verbatim may leave any pair one short: said in the result.
    expect(finalizeCooccurrence(capped, { minSupport: 1 }).maxUndercount).toBe(1);
  });

  it('is the same as without a cap for verbatims within it, and writes no count then', () => {
    const within = state([letter], { maxEntries: 6 });
    expect(finalizeCooccurrence(within, { minSupport: 1, top: 100 })).toEqual(finalizeCooccurrence(state([letter]), { minSupport: 1, top: 100 }));
    expect(within.channels.enquete).not.toHaveProperty('capped');
  });

  it('counts at most maxEntries·(maxEntries − 1)/2 pairs a verbatim: a long letter costs its length', () => {
    const many = Array.from({ length: 400 }, (_, i) => `c${i}`);
    const long = verbatim({ id: 'long', concepts: many, matches: many.map((id, i) => at(id, 'concept', i)) });
    const table = state([long], { maxEntries: 10 }).channels.enquete?.pairs as TermTable;
    expect(table.total).toBe(45);
    // The first ten mentioned, each mentioned once.
    expect(table.keys.every((k) => k.split('\t').every((e) => Number(e.slice('concept:c'.length)) < 10))).toBe(true);
  });

  it('keeps every pair count within maxUndercount of the truth, whatever the split and order of merges', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const analysisOf = fc.record({ channel: fc.constantFrom('chat', 'email'), concepts: fc.subarray(ids), order: fc.array(fc.constantFrom(...ids), { maxLength: 12 }) }).map((r) =>
      verbatim({ id: 'v', channel: r.channel, concepts: r.concepts, matches: r.order.filter((id) => r.concepts.includes(id)).map((id, n) => at(id, 'concept', n)) }),
    );
    fc.assert(
      fc.property(fc.array(analysisOf, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 4 }), fc.integer({ min: 1, max: 6 }), (analyses, cuts, k) => {
        const exact = finalizeCooccurrence(state(analyses), { minSupport: 1, top: 1000 });
        const parts = chunks(analyses, cuts).map((c) => JSON.parse(JSON.stringify(state(c, { maxEntries: k }))) as ReturnType<typeof state>);
        const merged = parts.reduce((a, b) => mergeCooccurrence(a, b), state([], { maxEntries: k }));
        const capped = finalizeCooccurrence(merged, { minSupport: 1, top: 1000 });
        const over = analyses.filter((a) => a.concepts.length > k).length;
        expect(capped.maxUndercount).toBe(over);
        const countOf = (r: typeof exact, p: (typeof exact.pairs)[number]) => r.pairs.find((q) => q.a.id === p.a.id && q.b.id === p.b.id)?.count ?? 0;
        for (const p of exact.pairs) {
          expect(countOf(capped, p)).toBeLessThanOrEqual(p.count);
          expect(countOf(capped, p)).toBeGreaterThanOrEqual(p.count - over);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses to merge states with different caps, and takes in a state written before the cap', () => {
    expect(() => mergeCooccurrence(state([letter], { maxEntries: 4 }), state([letter], { maxEntries: 5 }))).toThrow(/maxEntries/);
    expect(() => emptyCooccurrenceState({ maxEntries: 0 })).toThrow(/maxEntries to be an integer of at least 1/);
    const before = state([letter]);
    delete before.maxEntries;
    const merged = mergeCooccurrence(before, state([letter], { maxEntries: 4 }));
    expect(merged.maxEntries).toBe(4);
    expect(merged.channels.enquete?.capped).toBe(1);
  });
});
