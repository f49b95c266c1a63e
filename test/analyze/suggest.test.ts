// `evaluate(…, { suggest })` / `verbatim eval --suggest`, on a small gold file
// written for it (test/fixtures/lexicon/gold-suggest.jsonl) and the mini
// lexicon: four verbatims say a parcel was lost in words the lexicon lacks
// ("paquet égaré", "paquets égarés"), two use "attente" without complaining.
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { evaluate, parseGoldJsonl, renderEvalReport } from '../../src/index.js';
import { main } from '../../src/cli/main.js';
import { FRENCH_NEGATORS } from '../../src/text/negators.js';
import { fixture, miniAnalyzer } from './helpers.js';

const GOLD = 'gold-suggest.jsonl';
const gold = parseGoldJsonl(fixture(GOLD), GOLD);
const analyzer = miniAnalyzer();
const suggested = evaluate(gold, analyzer, { suggest: true });
const forLabel = (family: 'irritants' | 'themes', label: string) => suggested.suggestions?.[family].find((l) => l.label === label);

describe('evaluate with suggest', () => {
  it('is off by default', () => {
    expect(evaluate(gold, analyzer).suggestions).toBeUndefined();
  });

  it('candidate terms: the expressions of the false negatives, grouped by stem, strongest first', () => {
    const lost = forLabel('irritants', 'retard_livraison')!;
    expect(lost).toMatchObject({ falseNegatives: 4, falsePositives: 0, exclusions: [] });
    // "paquet égaré" in all four missed and nowhere else; "paquet" also once in a happy review (s6), so weaker.
    expect(lost.terms.map((t) => [t.term, t.variants, t.count, t.otherCount])).toEqual([
      ['paquet egare', ['paquets egares'], 4, 0],
      ['egare', ['egares'], 4, 0],
      ['paquet', ['paquets'], 4, 1],
    ]);
    expect(lost.terms[0]!.g2).toBeGreaterThan(lost.terms[2]!.g2);
    expect(lost.terms[0]!.p).toBeLessThan(0.05);
    expect(lost.terms[0]!.examples).toEqual([
      { id: 's1', text: gold[0]!.text },
      { id: 's2', text: gold[1]!.text },
    ]);
  });

  it('candidate exclusions: the term behind the false positives, its spans marked, and how often it was right', () => {
    const wait = forLabel('irritants', 'attente_excessive')!;
    expect(wait.terms).toEqual([]);
    expect(wait.exclusions).toEqual([
      {
        entry: 'attente_excessive',
        term: 'attente',
        spans: ['attente'],
        falsePositives: 2,
        truePositives: 1,
        examples: [
          { id: 's10', text: "Le temps d'«attente» annoncé sur le site était exact." },
          { id: 's11', text: "L'«attente» du résultat valait le coup." },
        ],
      },
    ]);
  });

  it.each([
    ['top 1 keeps the strongest', { top: 1 }, ['paquet egare']],
    ['a term needs minVerbatims false negatives', { minVerbatims: 5 }, []],
    ['a stricter p keeps the terms found only there', { maxP: 0.01 }, ['paquet egare', 'egare']],
  ])('%s', (_, options, terms) => {
    const r = evaluate(gold, analyzer, { suggest: options });
    expect(r.suggestions?.irritants.find((l) => l.label === 'retard_livraison')?.terms.map((t) => t.term)).toEqual(terms);
  });

  it('never proposes a negator alone, though expressions keep them', () => {
    const r = evaluate(gold, analyzer, { suggest: { minVerbatims: 1, maxP: 1, top: 1000 } });
    const terms = Object.values(r.suggestions!).flatMap((list) => list.flatMap((l) => l.terms.map((t) => t.term)));
    expect(terms.length).toBeGreaterThan(10);
    expect(terms.filter((t) => (FRENCH_NEGATORS as readonly string[]).includes(t))).toEqual([]);
    expect(terms.some((t) => t.split(' ').includes('jamais'))).toBe(true);
  });

  it('is deterministic whatever the order of the gold', () => {
    const reversed = evaluate([...gold].reverse(), analyzer, { suggest: true });
    const terms = (r: typeof suggested) => r.suggestions!.irritants.map((l) => [l.label, l.terms.map((t) => [t.term, t.count, t.otherCount]), l.exclusions.map((x) => [x.term, x.falsePositives])]);
    expect(terms(reversed)).toEqual(terms(suggested));
  });

  it('refuses bad options as API misuse', () => {
    expect(() => evaluate(gold, analyzer, { suggest: { top: -1 } })).toThrow(/options\.suggest\.top/);
    expect(() => evaluate(gold, analyzer, { suggest: { maxP: 0 } })).toThrow(/options\.suggest\.maxP/);
  });
});

describe('rendered', () => {
  it('as text: each label with its candidate terms and exclusions, counts and examples', () => {
    const text = renderEvalReport(suggested, 'text', { lang: 'en' }).split('\nsuggestions:')[1]!;
    expect(text).toContain('  retard_livraison: 4 false negatives, 0 false positives');
    expect(text).toContain('      paquet egare · 4 of 4 missed, 0 elsewhere, G² 8.8 · also paquets egares');
    expect(text).toContain('        e.g. s1: Mon paquet a été égaré par le transporteur.');
    expect(text).toContain('      attente → «attente» (attente_excessive) · 2 wrong, 1 right');
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it('as text in French by default: the same figures, French words and decimal commas', () => {
    const text = renderEvalReport(suggested).split('\nsuggestions :')[1]!;
    expect(text).toContain('  retard_livraison : 4 faux négatifs, 0 faux positif');
    expect(text).toContain('      paquet egare · 4 sur 4 manqués, 0 ailleurs, G² 8,8 · aussi paquets egares');
    expect(text).toContain('        ex. s1 : Mon paquet a été égaré par le transporteur.');
    expect(text).toContain('      attente → «attente» (attente_excessive) · 2 à tort, 1 à raison');
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it('as JSON: the suggestions beside the scores', () => {
    const json = JSON.parse(renderEvalReport(suggested, 'json')) as typeof suggested;
    expect(json.suggestions?.irritants.map((l) => l.label)).toEqual(suggested.suggestions?.irritants.map((l) => l.label));
  });

  it('verbatim eval --suggest, in-process', async () => {
    let out = '';
    const stdout = new Writable({ write: (chunk, _e, done) => ((out += String(chunk)), done()) });
    const stderr = new Writable({ write: (_c, _e, done) => done() });
    const path = (name: string) => fileURLToPath(new URL(`../fixtures/lexicon/${name}`, import.meta.url));
    const code = await main(['eval', path(GOLD), '--no-default-lexicon', '--lexicon', path('mini.yml'), '--suggest', '--format', 'json'], { stdout, stderr, env: { CI: 'true', VERBATIM_LANG: 'en' } });
    expect(code).toBe(0);
    const report = JSON.parse(out) as typeof suggested;
    expect(report.suggestions?.irritants.find((l) => l.label === 'retard_livraison')?.terms[0]?.term).toBe('paquet egare');
  });
});
