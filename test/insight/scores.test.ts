import { describe, expect, it } from 'vitest';
import { addScores, detectScoreScale, emptyScoresState, finalizeScores, type ScoresOptions } from '../../src/report/insight/scores.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { stateOf, verbatim } from './_helpers.js';

const run = (items: VerbatimAnalysis[], options: ScoresOptions = {}) => finalizeScores(stateOf(emptyScoresState(), addScores, items), options);

// Nine scored verbatims (10, 9, 9, 8, 7, 6, 3, 0, 10) and one without a score.
// Promoters (9–10): 4, detractors (0–6): 3 → NPS = (4 − 3) / 9 = 11.11 points.
const survey = [
  verbatim({ id: '1', score: 10, themes: ['accueil'], enchantments: ['amabilite'] }),
  verbatim({ id: '2', score: 9, themes: ['accueil'], enchantments: ['amabilite'] }),
  verbatim({ id: '3', score: 9 }),
  verbatim({ id: '4', score: 8 }),
  verbatim({ id: '5', score: 7 }),
  verbatim({ id: '6', score: 6, themes: ['joignabilite'], irritants: ['attente_excessive'] }),
  verbatim({ id: '7', score: 3, themes: ['joignabilite'], irritants: ['attente_excessive'] }),
  verbatim({ id: '8', score: 0, themes: ['joignabilite', 'accueil'], irritants: ['attente_excessive', 'personnel_desagreable'] }),
  verbatim({ id: '9', score: 10, channel: 'avis_en_ligne' }),
  verbatim({ id: '10', score: null, irritants: ['attente_excessive'] }),
];

describe('scores', () => {
  const result = run(survey, { minScored: 1 });

  it('detects NPS and computes it by hand', () => {
    expect(result.scale.kind).toBe('nps');
    expect(result.overall).toMatchObject({ verbatims: 10, scored: 9, promoters: 4, passives: 2, detractors: 3 });
    expect(result.overall.nps).toBeCloseTo(100 / 9, 10);
    expect(result.overall.headline).toBeCloseTo(100 / 9, 10);
    expect(result.overall.mean).toBeCloseTo(62 / 9, 10);
  });

  it('gives figures per channel', () => {
    expect(result.channels.map((c) => [c.channel, c.verbatims, c.scored, c.nps])).toEqual([
      ['avis_en_ligne', 1, 1, 100],
      ['enquete', 9, 8, 0], // 3 promoters, 3 detractors of 8
    ]);
    expect(result.mixedScales).toBe(false);
  });

  it('computes impact (a) and (b) of each irritant, most harmful first', () => {
    // attente_excessive: with = 6, 3, 0 (NPS −100, mean 3); without = 10, 9, 9, 8, 7, 10
    // (4 promoters, 0 detractors of 6: NPS 66.67, mean 53/6).
    // (a) 11.11 − 66.67 = −55.56; (b) 3 − 8.833 = −5.833.
    // personnel_desagreable: with = 0; without = 10, 9, 9, 8, 7, 6, 3, 10 (NPS 25, mean 7.75).
    // (a) 11.11 − 25 = −13.89; (b) 0 − 7.75 = −7.75.
    const [first, second] = result.entries.irritant;
    expect(first).toMatchObject({ id: 'attente_excessive', verbatims: 4, scored: 3, nps: -100, mean: 3 });
    expect(first?.without.nps).toBeCloseTo(200 / 3, 10);
    expect(first?.impact).toBeCloseTo(100 / 9 - 200 / 3, 10);
    expect(first?.meanGap).toBeCloseTo(3 - 53 / 6, 10);
    expect(first?.amongDetractors).toBe(100);
    expect(first?.amongPromoters).toBe(0);
    expect(second).toMatchObject({ id: 'personnel_desagreable', nps: -100, mean: 0 });
    expect(second?.impact).toBeCloseTo(100 / 9 - 25, 10);
    expect(second?.meanGap).toBeCloseTo(-7.75, 10);
    expect(second?.amongDetractors).toBeCloseTo(100 / 3, 10);
  });

  it('computes the impact of an enchantment', () => {
    // amabilite: with = 10, 9 (NPS 100); without = 9, 8, 7, 6, 3, 0, 10 (2 − 3 of 7: NPS −14.29, mean 43/7).
    const [amabilite] = result.entries.enchantment;
    expect(amabilite?.impact).toBeCloseTo(100 / 9 + 100 / 7, 10);
    expect(amabilite?.meanGap).toBeCloseTo(9.5 - 43 / 7, 10);
    expect(amabilite?.amongPromoters).toBe(50);
  });

  it('gives the share of detractors and promoters mentioning each theme', () => {
    const accueil = result.entries.theme.find((t) => t.id === 'accueil');
    expect([accueil?.amongPromoters, accueil?.amongDetractors]).toEqual([50, 100 / 3]);
  });

  it('flags and ranks low bases last', () => {
    const ranked = run(survey, { minScored: 2 }).entries.irritant;
    expect(ranked.map((e) => [e.id, e.lowBase])).toEqual([
      ['attente_excessive', false],
      ['personnel_desagreable', true],
    ]);
  });

  it('reads stars as % satisfied (4–5)', () => {
    const stars = run([5, 4, 3, 2, 1, 5].map((score, i) => verbatim({ id: String(i), score })));
    expect(stars.scale.kind).toBe('stars');
    expect(stars.overall).toMatchObject({ promoters: 3, passives: 1, detractors: 2, satisfied: 50, headline: 50, nps: null });
  });

  it('reads a declared CES as mean effort, where a high score hurts', () => {
    // Scores 1, 2, 5, 4: mean 3. Irritant "a" on the 5: without = 1, 2, 4 (mean 7/3): impact +2/3.
    // Irritant "b" on the 4: without = 1, 2, 5 (mean 8/3): impact +1/3. Most harmful: a.
    const items = [
      verbatim({ id: '1', score: 1 }),
      verbatim({ id: '2', score: 2 }),
      verbatim({ id: '3', score: 5, irritants: ['a'] }),
      verbatim({ id: '4', score: 4, irritants: ['b'] }),
    ];
    const ces = run(items, { scale: 'ces', minScored: 1 });
    expect(ces.scale).toMatchObject({ kind: 'ces', min: 1, max: 5, higherIsBetter: false, detected: false });
    expect(ces.overall).toMatchObject({ headline: 3, promoters: 2, detractors: 2 });
    expect(ces.entries.irritant.map((e) => e.id)).toEqual(['a', 'b']);
    expect(ces.entries.irritant[0]?.impact).toBeCloseTo(2 / 3, 10);
    expect(run(items, { scale: 'auto' }).scale.kind).toBe('stars');
  });

  it('lets the caller override the detected scale', () => {
    const items = [1, 2, 3, 4, 5].map((score, i) => verbatim({ id: String(i), score }));
    expect(run(items, { scale: 'nps' }).overall.nps).toBe(-100);
    expect(run(items, { scale: 'csat' }).scale).toMatchObject({ kind: 'csat', min: 1, max: 5 });
  });

  it('flags channels on different scales', () => {
    const items = [
      verbatim({ id: '1', channel: 'store', score: 4 }),
      verbatim({ id: '2', channel: 'store', score: 5 }),
      verbatim({ id: '3', channel: 'enquete', score: 0 }),
      verbatim({ id: '4', channel: 'enquete', score: 9 }),
    ];
    const result = run(items);
    expect(result.mixedScales).toBe(true);
    expect(result.channels.map((c) => [c.channel, c.scale.kind])).toEqual([
      ['enquete', 'nps'],
      ['store', 'stars'],
    ]);
  });

  it('ignores NaN and infinite scores and survives no scores at all', () => {
    const none = run([verbatim({ id: '1', score: Number.NaN }), verbatim({ id: '2', score: Number.POSITIVE_INFINITY })]);
    expect(none.scale.kind).toBe('unknown');
    expect(none.overall).toMatchObject({ verbatims: 2, scored: 0, mean: null, nps: null, headline: null });
  });

  it('throws a TypeError on misuse', () => {
    expect(() => addScores(emptyScoresState(), null as unknown as VerbatimAnalysis)).toThrow(/verbatim-fr: expected a VerbatimAnalysis/);
    expect(() => finalizeScores(emptyScoresState(), { scale: 'percent' as 'nps' })).toThrow(TypeError);
  });
});

describe('detectScoreScale', () => {
  const hist = (values: number[], times = 1) => Object.fromEntries(values.map((v) => [String(v), times]));
  it.each([
    [hist([1, 2, 3, 4, 5]), 'stars', 1, 5],
    [hist([4.5, 3]), 'stars', 1, 5],
    [hist([0, 3]), 'nps', 0, 10],
    [hist([2, 8]), 'nps', 0, 10],
    [hist([1, 2, 3, 6]), 'nps', 0, 10],
    [hist([1, 2, 3, 4, 5, 6, 7], 5), 'csat', 1, 7],
    [hist([55, 80.5]), 'csat', 0, 100],
    [hist([7.5, 3]), 'csat', 0, 100],
    [hist([-1, 3]), 'unknown', -1, 3],
    [{}, 'unknown', 0, 0],
  ])('%j → %s %d–%d', (scores, kind, min, max) => {
    expect(detectScoreScale(scores)).toMatchObject({ kind, min, max, detected: true });
  });
});
