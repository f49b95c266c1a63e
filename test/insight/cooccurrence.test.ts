import { describe, expect, it } from 'vitest';
import {
  addCooccurrence,
  emptyCooccurrenceState,
  finalizeCooccurrence,
  mergeCooccurrence,
  type CooccurrenceAccumulatorOptions,
} from '../../src/report/insight/cooccurrence.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { match, stateOf, verbatim } from './_helpers.js';

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
