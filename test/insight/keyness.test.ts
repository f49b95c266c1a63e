import { describe, expect, it } from 'vitest';
import { coreSection, createReportBuilder } from '../../src/report/index.js';
import { chiSquarePValue, logLikelihood, logRatio } from '../../src/_utils/log-likelihood.js';
import { finalizeKeyness, keynessState } from '../../src/report/insight/keyness.js';
import { erfc } from '../../src/_utils/log-likelihood.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { verbatim } from './_helpers.js';

/** Keyness counts as the report keeps them: the core figures' word, expression and entry tables. */
function counts(items: readonly VerbatimAnalysis[]) {
  const builder = createReportBuilder({ sections: [coreSection()], maskPersonalData: false });
  for (const item of items) builder.add({ ...item, text: item.keywords.join(' ') });
  return keynessState(builder.snapshot().sections.core);
}

describe('logLikelihood', () => {
  // "attente" 10 times in 100 words (chat) against 20 times in 1,000 (elsewhere).
  // E1 = 100·30/1100 = 2.72727, E2 = 1000·30/1100 = 27.2727.
  // Rayson & Garside: G² = 2·(10·ln(10/2.72727) + 20·ln(20/27.2727))
  //                      = 2·(10·1.299283 − 20·0.310155) = 2·(12.99283 − 6.20310) = 13.5795.
  // Four cells add 2·(90·ln(90/97.2727) + 980·ln(980/972.7273)) = 2·(−6.99372 + 7.29983) = 0.6122 → 14.1917.
  it.each([
    [10, 20, 100, 1000, 'rayson', 13.5795],
    [10, 20, 100, 1000, 'full', 14.1915],
    [5, 50, 100, 1000, 'rayson', 0], // same rate
    [0, 0, 100, 1000, 'rayson', 0],
    [0, 0, 0, 0, 'rayson', 0],
  ] as const)('G²(%d, %d, %d, %d, %s) = %d', (a, b, c, d, formula, expected) => {
    expect(logLikelihood(a, b, c, d, formula)).toBeCloseTo(expected, 3);
  });

  it('rejects frequencies larger than the corpus', () => {
    expect(() => logLikelihood(11, 0, 10, 10)).toThrow(/verbatim-fr: expected frequencies within corpus sizes/);
    expect(() => logLikelihood(-1, 0, 10, 10)).toThrow(TypeError);
  });

  it('log ratio: log2 of the ratio of relative frequencies', () => {
    expect(logRatio(10, 20, 100, 1000)).toBeCloseTo(Math.log2(5), 12);
    expect(logRatio(0, 20, 100, 1000)).toBeCloseTo(Math.log2(0.005 / 0.02), 12);
    expect(logRatio(1, 1, 0, 10)).toBeNull();
  });
});

describe('chiSquarePValue (1 df)', () => {
  it.each([
    [3.84, 0.05, 3],
    [6.63, 0.01, 3],
    [10.83, 0.001, 4],
    [3.841458820694124, 0.05, 13],
    [6.634896601021214, 0.01, 14],
    [10.827566170662733, 0.001, 15],
    [0, 1, 15],
    [-2, 1, 15],
    [1, 0.31731050786291415, 14],
  ])('p(%d) ≈ %d', (statistic, p, digits) => {
    expect(chiSquarePValue(statistic)).toBeCloseTo(p, digits);
  });

  it('keeps relative precision in the far tail', () => {
    // chi2.sf(100, 1) = 1.5239706048320995e-23 (scipy).
    expect(chiSquarePValue(100) / 1.5239706048320995e-23).toBeCloseTo(1, 10);
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 15);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 12);
    expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 14);
  });
});

describe('keyness per channel', () => {
  const filler = (n: number) => Array.from({ length: n }, () => 'mot');
  // chat: 100 keywords, "attente" 10 times; enquete: 1,000 keywords, "attente" 20 times.
  const build = () =>
    counts([
      verbatim({ id: 'c1', channel: 'chat', keywords: ['attente', 'interminable', ...filler(8)], irritants: ['attente_excessive'] }),
      verbatim({ id: 'c2', channel: 'chat', keywords: [...Array.from({ length: 9 }, () => 'attente'), ...filler(81)], irritants: ['attente_excessive'] }),
      ...Array.from({ length: 10 }, (_, i) =>
        verbatim({ id: `e${i}`, channel: 'enquete', keywords: [...(i < 2 ? Array.from({ length: 10 }, () => 'attente') : []), ...filler(i < 2 ? 90 : 100)] }),
      ),
    ]);

  it('finds an over-represented word, with the signed hand-computed G²', () => {
    const result = finalizeKeyness(build());
    const [chat, enquete] = result.channels;
    const attente = chat?.word.over.find((i) => i.key === 'attente');
    expect(attente).toMatchObject({ kind: 'word', count: 10, otherCount: 20, rate: 100, otherRate: 20 });
    expect(attente?.g2).toBeCloseTo(13.5795, 3);
    expect(attente?.p).toBeCloseTo(chiSquarePValue(13.5795), 6);
    expect(attente?.logRatio).toBeCloseTo(Math.log2(5), 12);
    const under = enquete?.word.under.find((i) => i.key === 'attente');
    expect(under?.g2).toBeCloseTo(-13.5795, 3);
    expect(result.threshold).toEqual({ maxP: 0.001, minFrequency: 5, formula: 'rayson' });
  });

  it('keeps only items below the p threshold', () => {
    // "mot": 89 of 100 in chat vs 980 of 1,000 elsewhere: G² ≈ 0.78, p ≈ 0.38: listed only with maxP = 1.
    const result = finalizeKeyness(build());
    for (const channel of result.channels) {
      for (const item of [...channel.word.over, ...channel.word.under]) expect(item.p).toBeLessThan(0.001);
    }
    const loose = finalizeKeyness(build(), { maxP: 1 });
    expect(loose.channels[0]?.word.under.map((i) => i.key)).toContain('mot');
  });

  it('applies the minimum frequency (over all channels) and top N', () => {
    const result = finalizeKeyness(build(), { maxP: 1, minFrequency: 2 });
    expect(result.channels[0]?.word.over.map((i) => i.key)).not.toContain('interminable');
    expect(finalizeKeyness(build(), { maxP: 1, minFrequency: 1 }).channels[0]?.word.over.map((i) => i.key)).toContain('interminable');
    expect(finalizeKeyness(build(), { maxP: 1, top: 1 }).channels[0]?.word.over).toHaveLength(1);
  });

  it('compares expressions and concepts (per verbatim) too', () => {
    const result = finalizeKeyness(build(), { maxP: 1, minFrequency: 1 });
    const chat = result.channels[0];
    // Expressions of one repeated word say nothing a word does not: "attente attente" is not counted.
    expect(chat?.expression.over.map((i) => i.key)).toContain('attente interminable');
    expect(chat?.expression.over.map((i) => i.key)).not.toContain('attente attente');
    // attente_excessive in 2 of 2 chat verbatims vs 0 of 10 elsewhere.
    const concept = chat?.concept.over[0];
    expect(concept).toMatchObject({ kind: 'concept', key: 'attente_excessive', entryKind: 'irritant', count: 2, otherCount: 0, rate: 100 });
    expect(concept?.g2).toBeCloseTo(logLikelihood(2, 0, 2, 10), 12);
  });

  it('says nothing with a single channel', () => {
    const single = counts([verbatim({ id: '1', keywords: filler(20) })]);
    expect(finalizeKeyness(single, { maxP: 1, minFrequency: 1 }).channels[0]?.word).toEqual({ over: [], under: [] });
  });
});
