import { describe, expect, it } from 'vitest';
import { buildReport, createReportBuilder, finalizeReport } from '../../src/report/index.js';
import type { ChannelReport, Report } from '../../src/report/index.js';
import { analysis, meta } from './helpers.js';
import { exampleId } from '../../src/report/state.js';

// Four survey answers and three reviews, every figure computed by hand below.
const survey = [
  analysis({
    id: 's1', channel: 'enquete', words: 4, contentWords: 3, score: 10, tonality: 'negatif', date: '2026-01-10',
    text: 'Délai de livraison énorme, toujours pas reçu.',
    keywords: ['colis', 'jamais', 'arrive', 'colis'],
    matches: [['livraison.delai', 'concept', 'livraison', 'Délai de livraison'], ['retard_livraison', 'irritant', 'livraison', 'toujours pas reçu']],
  }),
  analysis({
    id: 's2', channel: 'enquete', words: 10, contentWords: 5, score: 6, tonality: 'negatif', date: '2026-01-03',
    text: 'Les prix sont trop élevés.',
    keywords: ['prix', 'eleves', 'colis', 'jamais', 'arrive'],
    matches: [['prix', 'theme', 'prix', 'prix']],
  }),
  analysis({ id: 's3', channel: 'enquete', words: 6, contentWords: 2, score: 8, language: 'und', text: 'Rien à dire.', keywords: ['dire'] }),
  analysis({
    id: 's4', channel: 'enquete', words: 20, contentWords: 10, score: 9, tonality: 'positif', date: '2026-02-01',
    text: 'Conseillère aimable, mais la hotline est saturée.',
    keywords: ['conseillere', 'aimable', 'hotline', 'saturee'],
    matches: [['amabilite', 'enchantment', 'accueil', 'aimable'], ['joignabilite', 'theme', 'joignabilite', 'hotline']],
    intents: ['resiliation'],
  }),
];
const reviews = [
  analysis({ id: 'r1', channel: 'avis_en_ligne', words: 3, score: 5, text: 'Parfait.' }),
  analysis({ id: 'r2', channel: 'avis_en_ligne', words: 3, score: 4, text: 'Bien.' }),
  analysis({ id: 'r3', channel: 'avis_en_ligne', words: 3, score: 4.5, text: 'Très bien.' }),
];

async function report(): Promise<Report> {
  return buildReport([...survey, ...reviews], { meta, topWords: 3 });
}
const channel = (r: Report, id: string): ChannelReport => r.channels.find((c) => c.channel === id)!;

describe('figures per channel (hand-computed)', () => {
  it('words per verbatim: mean, median, p10, p90 over 4, 6, 10, 20', async () => {
    expect(channel(await report(), 'enquete').wordsPerVerbatim).toEqual({ mean: 10, median: 8, p10: 4.6, p90: 17 });
  });

  it('content words mean: (3 + 5 + 2 + 10) / 4', async () => {
    expect(channel(await report(), 'enquete').contentWordsPerVerbatim).toEqual({ mean: 5 });
  });

  it('concepts per verbatim: {delai, retard}=2, {prix}=1, {}=0, {amabilite, joignabilite}=2', async () => {
    const r = await report();
    expect(channel(r, 'enquete').conceptsPerVerbatim).toEqual({ mean: 1.25, median: 1.5 });
    expect(channel(r, 'enquete').themesPerVerbatim).toEqual({ mean: 1, median: 1 });
  });

  it('shares with an irritant, an enchantment; tonality and language splits', async () => {
    const c = channel(await report(), 'enquete');
    expect(c.withIrritant).toEqual({ count: 1, share: 0.25 });
    expect(c.withEnchantment).toEqual({ count: 1, share: 0.25 });
    expect(c.tonality).toEqual({
      positif: { count: 1, share: 0.25 },
      negatif: { count: 2, share: 0.5 },
      neutre: { count: 1, share: 0.25 },
      mitige: { count: 0, share: 0 },
    });
    expect(c.languages).toEqual([
      { id: 'fra', count: 3, share: 0.75 },
      { id: 'und', count: 1, share: 0.25 },
    ]);
    expect(c.period).toEqual({ from: '2026-01-03', to: '2026-02-01' });
  });

  it('ranked entries with labels, themes and shares', async () => {
    const c = channel(await report(), 'enquete');
    expect(c.themes.map((e) => [e.id, e.label, e.verbatims, e.share])).toEqual([
      ['accueil', 'Accueil et relationnel', 1, 0.25],
      ['joignabilite', 'Joignabilité et attente', 1, 0.25],
      ['livraison', 'Livraison et colis', 1, 0.25],
      ['prix', 'Prix et offres', 1, 0.25],
    ]);
    expect(c.irritants.map((e) => [e.id, e.theme, e.verbatims])).toEqual([['retard_livraison', 'livraison', 1]]);
    expect(c.concepts.map((e) => [e.id, e.theme])).toEqual([['livraison.delai', 'livraison']]);
    expect(c.intents.map((e) => [e.id, e.label])).toEqual([['resiliation', 'Résiliation']]);
  });

  it('top words by verbatims then occurrences, negators left out; expressions in ≥ 2 verbatims', async () => {
    const c = channel(await report(), 'enquete');
    expect(c.topWords).toEqual([
      { key: 'colis', verbatims: 2, occurrences: 3, share: 0.5 },
      { key: 'arrive', verbatims: 2, occurrences: 2, share: 0.5 },
      { key: 'aimable', verbatims: 1, occurrences: 1, share: 0.25 },
    ]);
    expect(c.topExpressions).toEqual([
      { key: 'colis jamais', verbatims: 2, occurrences: 2, share: 0.5 },
      { key: 'colis jamais arrive', verbatims: 2, occurrences: 2, share: 0.5 },
      { key: 'jamais arrive', verbatims: 2, occurrences: 2, share: 0.5 },
    ]);
  });

  it('NPS from 10, 6, 8, 9: (2 promoters − 1 detractor) / 4 = +25', async () => {
    expect(channel(await report(), 'enquete').score).toEqual({
      scale: 'nps', n: 4, ignored: 0, lowBase: true, mean: 8.25, nps: 25, promoters: 2, passives: 1, detractors: 1,
    });
  });

  it('mean stars from 5, 4, 4.5; mixed scales on all channels', async () => {
    const r = await report();
    expect(channel(r, 'avis_en_ligne').score).toEqual({ scale: 'stars', n: 3, ignored: 0, lowBase: true, mean: 4.5 });
    expect(r.all.score).toEqual({ scale: 'mixed', n: 7, ignored: 0, lowBase: true, mean: null });
  });

  it('scoreScale forces the scale, and refuses scores off it (a half star read as NPS, NPS 6–10 read as stars)', async () => {
    await expect(buildReport(reviews, { scoreScale: 'nps' })).rejects.toThrow(/declared nps \(whole numbers 0–10\), but values seen: 4, 4\.5, 5/);
    await expect(buildReport(survey, { scoreScale: 'stars' })).rejects.toThrow(/declared stars \(1–5\), but values seen: 6, 8, 9, 10/);
    const nps = await buildReport(survey, { scoreScale: 'nps' });
    expect(nps.all.score).toMatchObject({ scale: 'nps', n: 4, ignored: 0, nps: 25 });
  });

  it('the all-channels view adds every channel up', async () => {
    const r = await report();
    expect(r.all.channel).toBe('all');
    expect(r.all.label).toBe('Tous canaux');
    expect(r.all.verbatims).toBe(7);
    // words 3, 3, 3, 4, 6, 10, 20 → mean 49/7, median 4, p90: h = 5.4 → 10 + 0.4·10
    expect(r.all.wordsPerVerbatim).toEqual({ mean: 7, median: 4, p10: 3, p90: 14 });
    expect(r.channels.map((c) => [c.channel, c.label])).toEqual([
      ['enquete', 'Enquête'],
      ['avis_en_ligne', 'Avis en ligne'],
    ]);
  });
});

describe('summary and rejects', () => {
  it('counts rejects by reason and keeps the first by file and row', () => {
    const builder = createReportBuilder({ maxRejects: 2 });
    builder.add(reviews[0]!);
    builder.reject({ source: { file: 'b.csv', row: 1 }, reason: 'empty_text', hint: 'fill the text' });
    builder.reject({ source: { file: 'a.csv', row: 9, line: 10 }, reason: 'empty_text', hint: 'fill the text' });
    builder.reject({ source: { file: 'a.csv', row: 3 }, reason: 'bad_row', hint: 'check quotes' });
    const { summary } = finalizeReport(builder.snapshot());
    expect(summary).toMatchObject({ inputRows: 4, analysed: 1, rejected: 3, channels: 1 });
    expect(summary.rejectsByReason).toEqual([
      { reason: 'empty_text', count: 2 },
      { reason: 'bad_row', count: 1 },
    ]);
    expect(summary.firstRejects).toEqual([
      { source: { file: 'a.csv', row: 3 }, reason: 'bad_row', hint: 'check quotes' },
      { source: { file: 'a.csv', row: 9, line: 10 }, reason: 'empty_text', hint: 'fill the text' },
    ]);
  });

  it('an empty corpus gives nulls, not NaN', async () => {
    const r = await buildReport([]);
    expect(r.summary.inputRows).toBe(0);
    expect(r.all.wordsPerVerbatim).toEqual({ mean: null, median: null, p10: null, p90: null });
    expect(r.all.withIrritant).toEqual({ count: 0, share: null });
    expect(r.all.score).toBeNull();
    expect(JSON.stringify(r)).not.toContain('NaN');
  });
});

describe('examples', () => {
  it('keeps N per entry, with highlights on the entry and on entries under a theme', async () => {
    const r = await buildReport(survey, { meta, examples: 1 });
    const livraison = r.all.themes.find((e) => e.id === 'livraison')!;
    expect(livraison.examples).toHaveLength(1);
    const ex = livraison.examples[0]!;
    expect(ex).toMatchObject({ id: exampleId('s1', true), channel: 'enquete', date: '2026-01-10', score: 10 });
    expect(ex.highlights.map((h) => [ex.text.slice(h.start, h.end), h.id])).toEqual([
      ['Délai de livraison', 'livraison.delai'],
      ['toujours pas reçu', 'retard_livraison'],
    ]);
  });

  it('finalize can show fewer examples than the state keeps, never more', () => {
    const b = createReportBuilder({ examples: 2 });
    for (const a of survey) b.add(a);
    const state = b.snapshot();
    const count = (n?: number) =>
      finalizeReport(state, n === undefined ? {} : { examples: n }).all.themes.map((e) => e.examples.length);
    expect(count()).toEqual([1, 1, 1, 1]);
    expect(count(0)).toEqual([0, 0, 0, 0]);
    expect(count(5)).toEqual([1, 1, 1, 1]);
    expect(finalizeReport(state, { lang: 'en' }).all.label).toBe('All channels');
  });

  it('chooses the same examples whatever the input order', async () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      analysis({ id: `v${i}`, text: `Attente interminable numéro ${i}.`, matches: [['attente_excessive', 'irritant', 'joignabilite', 'Attente interminable']] }),
    );
    const a = await buildReport(many, { examples: 3 });
    const b = await buildReport([...many].reverse(), { examples: 3 });
    expect(a.all.irritants[0]!.examples.map((e) => e.id)).toEqual(b.all.irritants[0]!.examples.map((e) => e.id));
    expect(a.all.irritants[0]!.examples).toHaveLength(3);
  });

  it('masks personal data in examples and keeps highlights on the same words', async () => {
    const v = analysis({
      id: 'm1',
      text: 'Écrivez à jean.martin@example.fr : attente interminable, rappel au 06 12 34 56 78 jamais fait.',
      matches: [['attente_excessive', 'irritant', 'joignabilite', 'attente interminable'], ['promesse_non_tenue', 'irritant', 'reclamation', 'jamais fait']],
      keywords: ['ecrivez', 'jean.martin@example.fr', 'attente', 'interminable'],
    });
    const r = await buildReport([v]);
    const ex = r.all.irritants.find((e) => e.id === 'promesse_non_tenue')!.examples[0]!;
    expect(ex.text).toBe('Écrivez à [email] : attente interminable, rappel au [téléphone] jamais fait.');
    expect(ex.highlights.map((h) => ex.text.slice(h.start, h.end))).toEqual(['jamais fait']);
    expect(r.all.topWords.map((w) => w.key)).not.toContain('jean.martin@example.fr');
    const raw = await buildReport([v], { maskPersonalData: false });
    expect(raw.all.irritants[0]!.examples[0]!.text).toBe(v.text);
    expect(raw.summary.maskedPersonalData).toBe(false);
  });
});

describe('API misuse', () => {
  it.each([
    [() => createReportBuilder({ examples: -1 }), /options.examples/],
    [() => createReportBuilder({ maxVocabulary: 0 }), /maxVocabulary/],
    [() => createReportBuilder().add(null as never), /expected a VerbatimAnalysis object, got null/],
    [() => createReportBuilder().add({ id: 1 } as never), /analysis.id/],
    [() => createReportBuilder().reject({ reason: 'x' } as never), /expected a reject/],
    [() => finalizeReport({} as never), /ReportState/],
    [() => finalizeReport(createReportBuilder().snapshot(), { scoreScale: 'percent' as never }), /scoreScale/],
  ])('throws a TypeError (%#)', (fn, message) => {
    expect(fn).toThrow(TypeError);
    expect(fn).toThrow(message);
  });

  it('buildReport rejects a non-iterable', async () => {
    await expect(buildReport(42 as never)).rejects.toThrow(/expected an iterable/);
  });

  it('accepts async iterables and rejects mixed into the stream', async () => {
    async function* items() {
      yield reviews[0]!;
      yield { type: 'reject', source: { file: 'x.csv', row: 2 }, reason: 'empty text', hint: '' } as never;
    }
    const r = await buildReport(items());
    expect(r.summary).toMatchObject({ analysed: 1, rejected: 1, inputRows: 2 });
  });

  it('user text keys such as __proto__ and constructor are counted like any word', async () => {
    const v = analysis({ id: 'p', text: 'x', keywords: ['__proto__', 'constructor', '__proto__'] });
    const r = await buildReport([v]);
    expect(r.all.topWords).toEqual([
      { key: '__proto__', verbatims: 1, occurrences: 2, share: 1 },
      { key: 'constructor', verbatims: 1, occurrences: 1, share: 1 },
    ]);
  });
});
