// Scores and drivers: impacts per scale group (NPS channels in NPS points, star
// channels in % satisfied and stars) with 95 % intervals, a declared scale the
// scores cannot be on as a typed error, and low bases marked (issue 13).
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT, reportError } from '../../src/cli/main.js';
import { LOW_BASE, ScoreScaleError, buildReport, renderHtml, renderReport, type Insight } from '../../src/report/index.js';
import { fixtureReport } from '../fixtures/report/report.js';
import { addScores, emptyScoresState, finalizeScores, finalizeScoresByScale, type ScoresState } from '../../src/report/insight/scores.js';
import { addTrends, emptyTrendsState, finalizeTrends } from '../../src/report/insight/trends.js';
import { checkDeclaredScale } from '../../src/report/scales.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { stateOf, verbatim } from '../insight/_helpers.js';

const Z = 1.959963984540054;

/** A survey on NPS and reviews on stars, the same irritant in both. */
const survey = [10, 9, 8, 3, 0].map((score, i) => verbatim({ id: `s${i}`, channel: 'enquete', score, irritants: score <= 3 ? ['attente_excessive'] : [] }));
const reviews = [5, 5, 4, 4, 2, 1, 1].map((score, i) => verbatim({ id: `a${i}`, channel: 'avis', score, irritants: score <= 2 ? ['attente_excessive'] : [] }));

function byChannel(items: VerbatimAnalysis[]): Record<string, ScoresState> {
  const out: Record<string, ScoresState> = {};
  for (const a of items) addScores((out[a.channel] ??= emptyScoresState()), a);
  return out;
}

describe('drivers per scale', () => {
  const result = finalizeScoresByScale(byChannel([...survey, ...reviews]), { minScored: 1 });

  it('groups channels by their own scale, most scored first, each with its own figures', () => {
    expect([result.scale.kind, ...result.otherScales.map((g) => g.scale.kind)]).toEqual(['stars', 'nps']);
    expect(result.channels.map((c) => c.channel)).toEqual(['avis']);
    expect(result.otherScales[0]?.channels.map((c) => c.channel)).toEqual(['enquete']);
    expect(result.mixedScales).toBe(true);
    // Survey: promoters 10, 9; detractors 3, 0 of 5 → NPS 0 (never pooled with the stars).
    expect(result.otherScales[0]?.overall.nps).toBe(0);
    // Reviews: 4 of 7 satisfied (4–5 ★).
    expect(result.overall.satisfied).toBeCloseTo(400 / 7, 10);
  });

  it('computes the impact in NPS points on the survey and its interval by hand (Welch, normal)', () => {
    const e = result.otherScales[0]?.entries.irritant[0];
    // With: 3, 0 (both detractors: −100, −100; mean 1.5); without: 10, 9, 8 (100, 100, 0; mean 9).
    expect(e?.impact).toBeCloseTo(0 - 200 / 3, 10);
    const seHeadline = Math.sqrt(0 / 2 + 10_000 / 3 / 3); // variance without: ((100−66.7)²·2 + 66.7²) / 2 = 3333.3
    const gap = -100 - 200 / 3;
    expect(e?.impactCi?.[0]).toBeCloseTo((2 / 5) * (gap - Z * seHeadline), 8);
    expect(e?.impactCi?.[1]).toBeCloseTo((2 / 5) * (gap + Z * seHeadline), 8);
    expect(e?.significant).toBe(true);
    const seMean = Math.sqrt(4.5 / 2 + 1 / 3);
    expect(e?.meanGap).toBeCloseTo(-7.5, 10);
    expect(e?.meanGapCi?.[0]).toBeCloseTo(-7.5 - Z * seMean, 8);
    expect(e?.meanGapCi?.[1]).toBeCloseTo(-7.5 + Z * seMean, 8);
  });

  it('gives no interval with fewer than two scores on a side, and marks an interval holding 0 not significant', () => {
    const one = finalizeScores(stateOf(emptyScoresState(), addScores, [verbatim({ id: '1', score: 9, irritants: ['x'] }), verbatim({ id: '2', score: 3 }), verbatim({ id: '3', score: 10 })]));
    expect(one.entries.irritant[0]).toMatchObject({ impactCi: null, significant: null, meanGapCi: null });
    const noisy = finalizeScores(stateOf(emptyScoresState(), addScores, [9, 2, 10, 3].map((score, i) => verbatim({ id: String(i), score, irritants: i < 2 ? ['x'] : [] }))));
    const ci = noisy.entries.irritant[0]?.impactCi;
    expect(ci !== null && ci !== undefined && ci[0] < 0 && ci[1] > 0).toBe(true);
    expect(noisy.entries.irritant[0]?.significant).toBe(false);
  });

  it('keeps the impact inside its interval, and a declared scale pools every channel (property)', () => {
    const arb = fc.array(fc.record({ channel: fc.constantFrom('a', 'b'), score: fc.integer({ min: 0, max: 10 }), x: fc.boolean() }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(arb, (rows) => {
        const items = rows.map((r, i) => verbatim({ id: String(i), channel: r.channel, score: r.score, irritants: r.x ? ['x'] : [] }));
        const declared = finalizeScoresByScale(byChannel(items), { scale: 'nps' });
        expect(declared.otherScales).toEqual([]);
        for (const e of declared.entries.irritant) {
          if (e.impactCi === null || e.impact === null) continue;
          expect(e.impactCi[0]).toBeLessThanOrEqual(e.impact + 1e-9);
          expect(e.impactCi[1]).toBeGreaterThanOrEqual(e.impact - 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('shows each scale side by side in Markdown and CSV, and one headline figure per scale', async () => {
    const report = await buildReport([...survey, ...reviews]);
    const md = renderReport(report, 'md');
    expect(md).toContain('- Échelles :');
    expect(md).toMatch(/\| Impact \(pts\) — étoiles \(1–5\) \| .* \| Impact \(pts\) — NPS \(0–10\) \|/);
    const csv = renderReport(report, 'csv');
    expect(csv).toMatch(/score_irritant;scale:nps;attente_excessive;[^;]*;impact_ci_low;/);
    expect(csv).toMatch(/score_irritant;all;attente_excessive;[^;]*;significant;1/);
    const scores = (report.sections.insight as Insight).scores;
    expect(scores.otherScales).toHaveLength(1);
  });

  it('reads a report whose other scales are damaged as a single-scale one, in every format', async () => {
    const report = fixtureReport();
    (report.sections.insight as { scores: { otherScales: unknown[] } }).scores.otherScales = [{ scale: 'nps' }, null];
    expect(renderReport(report, 'md')).toContain('- Échelle : étoiles (1–5)');
    expect(renderReport(report, 'csv')).not.toContain('scale:nps');
    expect(await renderHtml(report)).not.toContain('— NPS (0–10)');
  });
});

describe('a declared scale the scores cannot be on', () => {
  const hist = (values: number[]) => Object.fromEntries([...new Set(values)].map((v) => [String(v), values.filter((x) => x === v).length]));
  const stars12 = Array.from({ length: 12 }, (_, i) => (i % 5) + 1);
  it.each([
    ['nps', 'a 1–5 column of 12 scores', stars12, /all between 1 and 5/],
    ['nps', 'a value above 10', [3, 9, 11], /whole numbers 0–10/],
    ['nps', 'a half point', [7.5, 9], /whole numbers 0–10/],
    ['stars', 'a 0 and a 9', [0, 4, 9], /declared stars \(1–5\)/],
    ['csat', 'a value above 100', [50, 150], /0–100/],
    ['ces', 'a 9 on an effort scale', [1, 3, 9], /1–5 or 1–7/],
  ] as const)('%s over %s is a ScoreScaleError', (scale, _what, values, message) => {
    let error: unknown;
    try {
      checkDeclaredScale(scale, { avis: hist([...values]) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScoreScaleError);
    const issue = (error as ScoreScaleError).issues[0];
    expect(issue).toMatchObject({ channel: 'avis', scale });
    expect(issue?.message).toMatch(message);
    expect(issue?.values).toEqual([...new Set(values)].sort((a, b) => a - b));
    expect(issue?.hint).not.toBe('');
  });

  it.each([
    ['auto', stars12],
    ['nps', [1, 2, 3, 4, 5]], // too few to tell a 1–5 rating from an unhappy NPS sample
    ['nps', [0, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1]], // a 0: NPS
    ['stars', stars12],
    ['csat', [1, 7, 6]],
  ] as const)('%s over %j is fine', (scale, values) => {
    expect(() => checkDeclaredScale(scale, { avis: hist([...values]) })).not.toThrow();
  });

  it('is raised when the report is finalized, not shown as "NPS −100"', async () => {
    const items = Array.from({ length: 12 }, (_, i) => verbatim({ id: String(i), channel: 'avis', score: (i % 5) + 1 }));
    await expect(buildReport(items, { scoreScale: 'nps' })).rejects.toBeInstanceOf(ScoreScaleError);
    await expect(buildReport(items, { scoreScale: 'stars' })).resolves.toBeDefined();
  });

  it('ends the CLI with the usage exit code and the message, no stack trace (the run itself: test/cli/exits.test.ts)', () => {
    let stderr = '';
    const stream = (write?: (s: string) => void) =>
      new Writable({
        write(chunk, _e, cb) {
          write?.(String(chunk));
          cb();
        },
      });
    const error = new ScoreScaleError([{ channel: 'avis', scale: 'nps', scored: 12, values: [1, 2, 3, 4, 5], message: 'all between 1 and 5', hint: 'declare stars' }]).withColumn('note');
    expect(reportError(error, { stdout: stream(), stderr: stream((s) => (stderr += s)), env: {} }, false, 'en')).toBe(EXIT.usage);
    expect(stderr).toBe('verbatim: the declared score scale (nps) does not fit the scores, 1 channel:\nchannel "avis", column "note": all between 1 and 5\n    hint: declare stars\n');
  });
});

describe('low bases', () => {
  it('flags trend periods under LOW_BASE and moves over them', () => {
    const items = [
      ...Array.from({ length: 3 }, (_, i) => verbatim({ id: `j${i}`, date: '2025-01-10', irritants: ['x'] })),
      ...Array.from({ length: LOW_BASE }, (_, i) => verbatim({ id: `f${i}`, date: '2025-02-10', irritants: i < 2 ? ['x'] : [] })),
    ];
    const t = finalizeTrends(stateOf(emptyTrendsState({ kinds: ['irritant'] }), addTrends, items), { minCount: 1 });
    expect(t.minBase).toBe(10);
    expect(t.lowBase).toEqual([true, false]);
    expect(t.fallers[0]).toMatchObject({ id: 'x', lowBase: true });
  });

  it('marks a channel under the threshold wherever its shares show: hatched heat-map cells with their n, tagged in HTML tables, † with a footnote in table and Markdown, low_base in CSV', async () => {
    const theme = (id: string, channel: string, on: boolean) => verbatim({ id, channel, themes: on ? ['livraison'] : [] });
    const report = await buildReport([
      ...Array.from({ length: LOW_BASE + 2 }, (_, i) => theme(`a${i}`, 'avis_en_ligne', i < 3)),
      ...Array.from({ length: 3 }, (_, i) => theme(`e${i}`, 'email', i < 2)),
    ]);
    const [avis, email] = ['avis_en_ligne', 'email'].map((id) => report.channels.find((c) => c.channel === id)!.label);
    const html = await renderHtml(report);
    const heat = html.slice(html.indexOf('id="themes"'), html.indexOf('</section>', html.indexOf('id="themes"')));
    // The e-mail column: hatched, its share (2 of 3) with its n as the tooltip; the reviews column solid.
    expect(heat).toMatch(new RegExp(`<title>livraison — ${email}\\s:\\s67\\s% \\(n = 3, base faible\\)</title>`));
    expect(heat.match(/fill="url\(#svg-themes-hatch\)"/g)).toHaveLength(2); // the cell and the legend's swatch
    expect(heat).toContain('Hachuré : base faible, canal de moins de 10 verbatims (son n suit son nom)');
    expect(heat).toContain(`${email} <span class="tag low-base" title="n = 3">base faible</span>`);
    expect(heat).not.toContain(`${avis} <span class="tag low-base"`);
    const channels = html.slice(html.indexOf('id="canaux"'), html.indexOf('</section>', html.indexOf('id="canaux"')));
    expect(channels).toContain(`<th scope="row">${email} <span class="tag low-base" title="n = 3">base faible</span></th>`);
    expect(channels).toContain(`<th scope="row">${avis}</th>`);
    for (const format of ['table', 'md'] as const) {
      const text = renderReport(report, format) as string;
      expect(text, format).toContain(`${email} †`);
      expect(text, format).not.toContain(`${avis} †`);
      expect(text, format).toContain('† Base faible : canal de moins de 10 verbatims');
    }
    const csv = (renderReport(report, 'csv') as string).split('\r\n').filter((l) => l.startsWith('channel;') && l.includes(';low_base;'));
    expect(csv).toEqual([`channel;avis_en_ligne;avis_en_ligne;${avis};low_base;0`, `channel;email;email;${email};low_base;1`, 'channel;all;all;Tous canaux;low_base;0']);
    // No channel under the threshold: no mark, no footnote.
    const solid = await buildReport(Array.from({ length: LOW_BASE }, (_, i) => theme(`s${i}`, 'email', true)));
    expect(renderReport(solid, 'md')).not.toContain('†');
    expect(await renderHtml(solid)).not.toContain('hatch');
  });

  it('flags channel scores under the threshold, in the score analysis and in the core figures', async () => {
    const report = await buildReport([...survey, ...reviews]);
    expect(report.channels.map((c) => c.score?.lowBase)).toEqual([true, true]);
    const scores = (report.sections.insight as Insight).scores;
    expect([...scores.channels, ...scores.otherScales.flatMap((g) => g.channels)].every((c) => c.lowBase)).toBe(true);
  });
});
