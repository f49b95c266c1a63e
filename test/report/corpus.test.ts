import { describe, expect, it } from 'vitest';
import { createCorpusAccumulator, finalizeCorpus, mergeCorpusStates } from '../../src/index.js';
import type { VerbatimAnalysis } from '../../src/index.js';

function analysis(id: string, channel: string, score: number, irritants: string[] = []): VerbatimAnalysis {
  return {
    id, channel, score, text: 'x', language: 'fra', tokens: 1, words: 1, contentWords: 1, keywords: ['x'], matches: [],
    themes: [], concepts: [], irritants, enchantments: [], intents: [], tonality: 'neutre', sentiment: { positive: 0, negative: 0 },
  };
}

// Stars on reviews, NPS on the survey: pooling them would read 3 stars as an NPS detractor.
const reviews = [5, 4, 4, 1, 2].map((s, i) => analysis(`r${i}`, 'avis_en_ligne', s, s <= 2 ? ['retard_livraison'] : []));
const survey = [10, 9, 3].map((s, i) => analysis(`s${i}`, 'enquete', s));

describe('corpus accumulator', () => {
  it('scores the channels of the dominant scale only, unless a scale is declared', () => {
    const acc = createCorpusAccumulator();
    for (const a of [...reviews, ...survey]) acc.add(a);
    const scores = finalizeCorpus(acc.state()).sections.insight as { scores: { scale: { kind: string }; overall: { scored: number } } };
    expect(scores.scores.scale.kind).toBe('stars');
    expect(scores.scores.overall.scored).toBe(5);
  });

  it('gives the same report however the verbatims are split and merged', () => {
    const all = [...reviews, ...survey];
    const whole = createCorpusAccumulator();
    for (const a of all) whole.add(a);
    const parts = [createCorpusAccumulator(), createCorpusAccumulator(), createCorpusAccumulator()];
    all.forEach((a, i) => parts[i % 3]!.add(a));
    const [p0, p1, p2] = parts.map((p) => JSON.parse(JSON.stringify(p.state())));
    const leftFirst = mergeCorpusStates(mergeCorpusStates(p0, p1), p2);
    const rightFirst = mergeCorpusStates(p2, mergeCorpusStates(p1, p0));
    expect(finalizeCorpus(leftFirst)).toEqual(finalizeCorpus(whole.state()));
    expect(finalizeCorpus(rightFirst)).toEqual(finalizeCorpus(whole.state()));
  });
});
