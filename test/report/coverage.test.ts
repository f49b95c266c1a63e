// The lexicons' coverage (`ChannelReport.coverage`): hand-computed on a few
// analyses, read on each channel's scale, merged by addition, and absent (not
// wrong) for a state written before the counts.
import { describe, expect, it } from 'vitest';
import { buildReport, createReportBuilder, finalizeReport, mergeReportStates, renderReport } from '../../src/report/index.js';
import type { ChannelReport, Report, ReportState } from '../../src/report/index.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { analysis, meta, type AnalysisSpec } from './helpers.js';

const RESIDUAL = 'insatisfaction_non_classee';
const IRRITANT: AnalysisSpec['matches'] = [['retard_livraison', 'irritant', 'livraison', 'colis']];
const ENCHANTMENT: AnalysisSpec['matches'] = [['amabilite', 'enchantment', 'accueil', 'aimable']];

/** An analysis; `residual` marks it as the analyser does: negative, no irritant, the residual label listed with the irritants. */
function verbatim(spec: AnalysisSpec & { residual?: boolean }): VerbatimAnalysis {
  const a = analysis(spec);
  if (spec.residual === true) {
    a.irritants.push(RESIDUAL);
    a.residual = RESIDUAL;
  }
  return a;
}

// Reviews on stars (1–2 dissatisfied, 4–5 satisfied) and unscored chats (read by tonality).
const reviews = [
  verbatim({ id: 'r1', score: 1, tonality: 'negatif', text: 'colis abîmé', matches: IRRITANT }),
  verbatim({ id: 'r2', score: 2, tonality: 'negatif', text: 'pas terrible', residual: true }),
  // Low score, positive tonality: the score decides.
  verbatim({ id: 'r3', score: 2, tonality: 'positif', text: 'vendeur aimable mais bof', matches: ENCHANTMENT }),
  verbatim({ id: 'r4', score: 3, tonality: 'negatif', text: 'colis en retard', matches: IRRITANT }),
  verbatim({ id: 'r5', score: 5, tonality: 'positif', text: 'accueil aimable', matches: ENCHANTMENT }),
  verbatim({ id: 'r6', score: 4, tonality: 'neutre', text: 'correct' }),
  // No score on a scored channel: its tonality decides.
  verbatim({ id: 'r7', tonality: 'negatif', text: 'colis perdu', matches: IRRITANT }),
];
const chats = [
  verbatim({ id: 'c1', channel: 'chat', tonality: 'negatif', text: 'colis jamais arrivé', matches: IRRITANT }),
  verbatim({ id: 'c2', channel: 'chat', tonality: 'negatif', text: 'personne ne répond', residual: true }),
  verbatim({ id: 'c3', channel: 'chat', tonality: 'positif', text: 'merci beaucoup' }),
  verbatim({ id: 'c4', channel: 'chat', tonality: 'neutre', text: 'une question sur le prix', matches: [['prix', 'theme', 'prix', 'prix']] }),
];

const channel = (r: Report, id: string): ChannelReport => r.channels.find((c) => c.channel === id)!;
const report = (items: VerbatimAnalysis[], options = {}): Promise<Report> => buildReport(items, { meta, ...options });

describe('coverage (hand-computed)', () => {
  it('reviews: dissatisfied r1 r2 r3 (scores 1–2) + r7 (unscored, negative), explained by an irritant: r1, r7', async () => {
    const c = channel(await report([...reviews, ...chats]), 'avis_en_ligne').coverage;
    expect(c.withConcept).toEqual({ count: 5, share: 0.7143 });
    expect(c.dissatisfied).toEqual({ basis: 'score', verbatims: 4, explained: 2, share: 0.5 });
    expect(c.satisfied).toEqual({ basis: 'score', verbatims: 2, explained: 1, share: 0.5 });
    expect(c.residual).toEqual({ id: RESIDUAL, label: RESIDUAL, count: 1, share: 0.1429 });
  });

  it('chats, without scores: read by tonality; the residual label explains nothing', async () => {
    const c = channel(await report([...reviews, ...chats]), 'chat').coverage;
    expect(c.withConcept).toEqual({ count: 2, share: 0.5 });
    expect(c.dissatisfied).toEqual({ basis: 'tonality', verbatims: 2, explained: 1, share: 0.5 });
    expect(c.satisfied).toEqual({ basis: 'tonality', verbatims: 1, explained: 0, share: 0 });
    expect(c.residual).toEqual({ id: RESIDUAL, label: RESIDUAL, count: 1, share: 0.25 });
  });

  it('all channels: each channel read its own way, then summed', async () => {
    const c = (await report([...reviews, ...chats])).all.coverage;
    expect(c.withConcept).toEqual({ count: 7, share: 0.6364 });
    expect(c.dissatisfied).toEqual({ basis: 'mixed', verbatims: 6, explained: 3, share: 0.5 });
    expect(c.satisfied).toEqual({ basis: 'mixed', verbatims: 3, explained: 1, share: 0.3333 });
    expect(c.residual).toMatchObject({ count: 2 });
  });

  it('no residual label given: residual null; nothing dissatisfied: share null', async () => {
    const c = (await report([verbatim({ id: 'x', score: 5, tonality: 'positif', text: 'accueil aimable', matches: ENCHANTMENT })])).all.coverage;
    expect(c.residual).toBeNull();
    expect(c.dissatisfied).toEqual({ basis: 'score', verbatims: 0, explained: 0, share: null });
  });

  // One verbatim with an irritant at `score`, beside others without one that fix the scale.
  it.each([
    ['stars (1–5): 3 is the middle', [1, 5], undefined, 3, [1, 0]],
    ['NPS (a 0 seen): 3 is a detractor', [0, 10], undefined, 3, [2, 1]],
    ['NPS: 7 is passive', [0, 10], undefined, 7, [1, 0]],
    ['NPS declared on 1–5 values: 5 is a detractor', [1, 4], 'nps', 5, [3, 1]],
    ['CSAT 0–100: 15 is in the bottom box', [50, 90], undefined, 15, [1, 1]],
  ] as const)('%s', async (_, others, scoreScale, score, [verbatims, explained]) => {
    const items = [
      ...others.map((s, i) => verbatim({ id: `o${i}`, score: s, tonality: 'neutre', text: 'rien' })),
      verbatim({ id: 'x', score, tonality: 'neutre', text: 'colis', matches: IRRITANT }),
    ];
    const c = (await report(items, scoreScale === undefined ? {} : { scoreScale })).all.coverage.dissatisfied;
    expect(c).toMatchObject({ basis: 'score', verbatims, explained });
  });

  it('a scored channel on no known scale is read by tonality', async () => {
    const items = [verbatim({ id: 'a', score: 250, tonality: 'negatif', text: 'colis', matches: IRRITANT }), verbatim({ id: 'b', score: 900, tonality: 'negatif', text: 'bof' })];
    expect((await report(items)).all.coverage.dissatisfied).toEqual({ basis: 'tonality', verbatims: 2, explained: 1, share: 0.5 });
  });

  it('brand or agent messages count nowhere', async () => {
    const agent = verbatim({ id: 'g', tonality: 'negatif', text: 'colis', matches: IRRITANT });
    agent.author = 'agent';
    expect((await report([agent])).all.coverage.dissatisfied).toEqual({ basis: 'tonality', verbatims: 0, explained: 0, share: null });
  });
});

describe('coverage rendered', () => {
  it('has its block in the HTML page, with the counts under each share', async () => {
    const html = await renderReport(await report([...reviews, ...chats]), 'html');
    expect(html).toMatch(/<section id="couverture"[^>]*><h2[^>]*>Couverture des lexiques<\/h2>/);
    expect(html).toMatch(/<th scope="row">Avis en ligne(?: <span class="tag low-base"[^>]*>base faible<\/span>)?<\/th><td class="num">71\s%<\/td><td class="num">50\s%<span class="sub">2 \/ 4<\/span>/);
  });
});

describe('coverage through states', () => {
  const stateOf = (items: VerbatimAnalysis[]): ReportState => {
    const b = createReportBuilder({ meta });
    for (const a of items) b.add(a);
    return b.snapshot();
  };
  /** A state as written before the coverage counts: the channels without `coverage`. */
  const older = (state: ReportState): ReportState => {
    const copy = JSON.parse(JSON.stringify(state)) as ReportState;
    for (const ch of Object.values(copy.sections.core.channels)) delete ch.coverage;
    return copy;
  };

  it('merge by addition: two halves give the figures of the whole', async () => {
    const whole = await report([...reviews, ...chats]);
    const merged = finalizeReport(mergeReportStates(stateOf([...reviews.slice(0, 3), ...chats.slice(2)]), stateOf([...reviews.slice(3), ...chats.slice(0, 2)])), { meta });
    expect(merged.channels.map((c) => c.coverage)).toEqual(whole.channels.map((c) => c.coverage));
    expect(merged.all.coverage).toEqual(whole.all.coverage);
  });

  it('a state without the counts (version 3 before them, or 2) reads: no explained shares, no residual, concepts still counted', () => {
    for (const version of [3, 2] as const) {
      const state = { ...older(stateOf([...reviews, ...chats])), stateVersion: version } as unknown as ReportState;
      const r = finalizeReport(state, { meta });
      expect(r.all.coverage).toEqual({ withConcept: { count: 7, share: 0.6364 }, dissatisfied: null, satisfied: null, residual: null });
    }
  });

  it('merged with a newer state, the shares stay absent rather than counting half the verbatims', () => {
    const r = finalizeReport(mergeReportStates(older(stateOf(reviews)), stateOf(chats)), { meta });
    expect(channel(r, 'avis_en_ligne').coverage.dissatisfied).toBeNull();
    // A channel only the newer state holds keeps its own figures; all channels together do not.
    expect(channel(r, 'chat').coverage.dissatisfied).toMatchObject({ verbatims: 2, explained: 1 });
    expect(r.all.coverage.dissatisfied).toBeNull();
    expect(renderReport(r, 'md')).toContain('Parts expliquées absentes');
  });
});
