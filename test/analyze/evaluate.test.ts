import { describe, expect, it } from 'vitest';
import { analyze, checkThresholds, createAnalyzer, parseThresholds, evaluate, GoldError, parseGoldJsonl, renderEvalReport } from '../../src/index.js';
import { fixture, miniAnalyzer } from './helpers.js';

// Hand computation, mini lexicon on gold-mini.jsonl:
// g1 predicts themes {livraison, joignabilite}, irritants {retard_livraison, absence_reponse}
// g2 predicts themes {accueil}, enchantments {amabilite}, intents {recommandation_positive}
// g3 predicts themes {livraison, joignabilite}: "rapide" is an enchantment of joignabilite → FP joignabilite
// g4 predicts themes {joignabilite}, irritants {attente_excessive}; misses injoignable; "resiliation" missed
const gold = parseGoldJsonl(fixture('gold-mini.jsonl'), 'gold-mini.jsonl');
const report = evaluate(gold, miniAnalyzer());

describe('evaluate', () => {
  it('parses the gold file, skipping blank lines', () => {
    expect(gold.map((g) => g.id)).toEqual(['g1', 'g2', 'g3', 'g4']);
    expect(gold[2]).toMatchObject({ score: null, channel: 'chat', enchantments: ['rapidite'] });
  });

  it('scores themes per label and averages them', () => {
    const themes = report.families.themes;
    const byLabel = Object.fromEntries(themes.labels.map((l) => [l.label, l]));
    // joignabilite: tp g1, g4; fp g3 → P 2/3, R 1
    expect(byLabel['joignabilite']).toMatchObject({ tp: 2, fp: 1, fn: 0, support: 2 });
    expect(byLabel['joignabilite']?.precision).toBeCloseTo(2 / 3);
    expect(byLabel['joignabilite']?.f1).toBeCloseTo(0.8);
    expect(byLabel['livraison']).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
    expect(byLabel['accueil']).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    // micro: tp 5, fp 1, fn 0 → P 5/6, R 1, F1 10/11
    expect(themes.micro).toMatchObject({ tp: 5, fp: 1, fn: 0 });
    expect(themes.micro.f1).toBeCloseTo(10 / 11);
    expect(themes.macro.f1).toBeCloseTo((0.8 + 1 + 1) / 3);
    expect(themes.labels[0]?.label).toBe('joignabilite'); // worst first
  });

  it('scores irritants, enchantments and intents', () => {
    const irr = report.families.irritants;
    // tp: retard_livraison, absence_reponse, attente_excessive; fn: injoignable
    expect(irr.micro).toMatchObject({ tp: 3, fp: 0, fn: 1 });
    expect(irr.micro.precision).toBe(1);
    expect(irr.micro.recall).toBeCloseTo(0.75);
    expect(irr.micro.f1).toBeCloseTo(6 / 7);
    expect(irr.macro.f1).toBeCloseTo(3 / 4);
    expect(irr.falseNegatives).toEqual([{ id: 'g4', label: 'injoignable', text: gold[3]?.text }]);
    expect(report.families.enchantments.micro).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
    const intents = report.families.intents;
    expect(intents.micro).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(intents.micro.f1).toBeCloseTo(2 / 3);
  });

  it('renames predicted ids when the lexicon and the gold file differ', () => {
    const renamed = evaluate(gold, miniAnalyzer(), { rename: { intents: { recommandation_positive: 'resiliation' } } });
    expect(renamed.families.intents.micro).toMatchObject({ tp: 0, fp: 1, fn: 2 });
    expect(renamed.families.intents.falsePositives[0]).toMatchObject({ id: 'g2', label: 'resiliation', terms: ['stem:recommander → «recommande»'] });
  });

  it('lists false positives with the terms behind them', () => {
    expect(report.families.themes.falsePositives).toEqual([
      { id: 'g3', label: 'joignabilite', text: 'Livraison rapide', terms: ['rapide → «rapide»'] },
    ]);
  });

  it('computes tonality accuracy and the confusion matrix', () => {
    expect(report.tonality.total).toBe(4);
    expect(report.tonality.accuracy).toBe(1);
    expect(report.tonality.confusion.negatif.negatif).toBe(2);
    expect(report.tonality.confusion.positif.positif).toBe(2);
    expect(report.tonality.confusion.positif.negatif).toBe(0);
  });

  it('renders text within 100 columns, and JSON', () => {
    const text = renderEvalReport(report, 'text', { lang: 'en' });
    expect(text).toContain('evaluation on 4 verbatims');
    expect(text).toContain('joignabilite');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(JSON.parse(renderEvalReport(report, 'json'))).toEqual(JSON.parse(JSON.stringify(report)));
    expect(() => renderEvalReport(report, 'html' as never)).toThrow(TypeError);
  });

  it.each([
    ['fr', 'évaluation sur 4 verbatims', /^thèmes {15}83,3 {4}100,0 {6}90,9/m, 'tonalité         justesse 100,0'],
    ['en', 'evaluation on 4 verbatims', /^themes {15}83\.3 {4}100\.0 {6}90\.9/m, 'tonality         accuracy 100.0'],
  ] as const)('renders text in %s: words, decimal mark, the same columns', (lang, title, themes, tonality) => {
    // French unless English is asked: the report's own default.
    const text = lang === 'fr' ? renderEvalReport(report) : renderEvalReport(report, 'text', { lang });
    expect(text.startsWith(`${title}\n`)).toBe(true);
    expect(text).toMatch(themes);
    expect(text).toContain(tonality);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
  });
});

describe('parseThresholds', () => {
  it('reads families, averages and values, and names the part that is not a threshold', () => {
    expect(parseThresholds('themes=0.8, irritants.macro=0.6,tonalité=0.75')).toEqual([
      { key: 'themes', family: 'themes', average: 'micro', threshold: 0.8 },
      { key: 'irritants.macro', family: 'irritants', average: 'macro', threshold: 0.6 },
      { key: 'tonalité', family: 'tonality', average: 'micro', threshold: 0.75 },
    ]);
    for (const bad of ['themes=abc', 'thèmes=0.8', 'themes.median=0.8', 'themes=', 'themes']) expect(() => parseThresholds(bad), bad).toThrow(/expected thresholds like/);
  });
});

describe('checkThresholds', () => {
  it.each([
    ['themes=0.9', []],
    ['themes=0.95', ['themes micro F1 0.909 < 0.95']],
    ['irritants=0.9,tonality=0.8', ['irritants micro F1 0.857 < 0.9']],
    ['enchantments=1,intents=0.5', []],
    ['themes.macro=0.95', ['themes macro F1 0.933 < 0.95']],
    ['tonalite=1', []],
  ])('%s', (spec, messages) => {
    expect(checkThresholds(report, spec).map((f) => f.message)).toEqual(messages);
  });

  it('rejects a malformed spec', () => {
    expect(() => checkThresholds(report, 'themes')).toThrow(TypeError);
    expect(() => checkThresholds(report, 'colours=0.5')).toThrow(/verbatim-fr: expected thresholds/);
    expect(() => checkThresholds(report, 'themes.median=0.5')).toThrow(TypeError);
  });
});

describe('parseGoldJsonl reads French gold files into English fields', () => {
  const line = (tonalite: string, extra = ''): string =>
    `{"id": "x", "text": "t", "themes": ["livraison"], "irritants": ["retard_livraison"], "enchantements": ["rapidite"], "intentions": ["resiliation"], "tonalite": "${tonalite}"${extra}}`;

  it.each(['positif', 'negatif', 'neutre', 'mitige'])('tonalite %s → tonality %s (the taxonomy value, unchanged)', (tonalite) => {
    expect(parseGoldJsonl(line(tonalite))[0]?.tonality).toBe(tonalite);
  });

  it('gives each label list under the name of the analysis list it is compared with, and no French field', () => {
    expect(parseGoldJsonl(line('negatif', ', "channel": "chat", "sector": "banque"'))).toEqual([
      { id: 'x', text: 't', channel: 'chat', sector: 'banque', themes: ['livraison'], irritants: ['retard_livraison'], enchantments: ['rapidite'], intents: ['resiliation'], tonality: 'negatif' },
    ]);
  });

  it.each(['négatif', 'Positif', 'positive', 'constructor', 'bof'])('refuses tonalite %s, naming the French values', (tonalite) => {
    expect(() => parseGoldJsonl(line(tonalite), 'g.jsonl')).toThrow(/bad "tonalite"[^\n]*\n {4}hint: use one of positif, negatif, neutre, mitige/);
  });

  it('reads the French field names only (the gold file format)', () => {
    const english = '{"id": "x", "text": "t", "themes": [], "irritants": [], "enchantments": [], "intents": [], "tonality": "neutral"}';
    expect(() => parseGoldJsonl(english)).toThrow(/missing "enchantements"[\s\S]*missing "intentions"[\s\S]*missing "tonalite"/);
  });
});

describe('evaluate options', () => {
  it('refuses a rename under an unknown family (the French names included)', () => {
    expect(() => evaluate(gold, miniAnalyzer(), { rename: { intentions: {} } as never })).toThrow(/expected options.rename keys among themes, irritants, enchantments, intents, got "intentions"/);
  });

  it('names the families in English in the report', () => {
    expect(Object.keys(report.families)).toEqual(['themes', 'irritants', 'enchantments', 'intents']);
    expect(Object.values(report.families).map((f) => f.family)).toEqual(['themes', 'irritants', 'enchantments', 'intents']);
  });
});

describe('parseGoldJsonl errors', () => {
  it('reports each bad line with its number and what is missing', () => {
    const text = [
      '{"id": "a", "text": "ok", "themes": [], "irritants": [], "enchantements": [], "tonalite": "neutre", "intentions": []}',
      '{"id": "b", "themes": [], "irritants": [], "enchantements": [], "tonalite": "neutre"}',
      'not json',
      '{"id": "c", "text": "x", "themes": "livraison", "irritants": [], "enchantements": [], "tonalite": "bof", "intentions": []}',
      '{"id": "a", "text": "dup", "themes": [], "irritants": [], "enchantements": [], "tonalite": "neutre", "intentions": []}',
    ].join('\n');
    try {
      parseGoldJsonl(text, 'g.jsonl');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(GoldError);
      const issues = (err as GoldError).issues.map((i) => `${i.line}:${i.id ?? '-'}:${i.message}`);
      expect(issues).toEqual([
        '2:b:missing "text"',
        '2:b:missing "intentions"',
        '3:-:not valid JSON: ' + issues[2]?.split('not valid JSON: ')[1],
        '4:c:"themes" must be a list of label ids',
        '4:c:bad "tonalite" "bof"',
        '5:a:duplicate id "a" (first on line 1)',
      ]);
      expect((err as Error).message).toContain('g.jsonl:2 [b]: missing "text"');
    }
  });
});

describe('tags', () => {
  it('scores an entry under its public tag and finds its terms for false positives', async () => {
    const { parseLexicon } = await import('../../src/index.js');
    const tagged = parseLexicon(
      'version: 1\nentries:\n  - id: intention_depart\n    tag: resiliation\n    kind: intent\n    terms: [je pars]\n',
    );
    const one = parseGoldJsonl(
      '{"id": "t1", "text": "je pars", "themes": [], "irritants": [], "enchantements": [], "tonalite": "neutre", "intentions": []}',
    );
    const r = evaluate(one, miniAnalyzer({ lexicons: [tagged] }));
    expect(r.families.intents.falsePositives).toEqual([{ id: 't1', label: 'resiliation', text: 'je pars', terms: ['je pars → «je pars»'] }]);
  });
});

describe('evaluate runs the corpus pipeline', () => {
  it('reads chat transcripts on the customer turns, as verbatim analyze does', () => {
    const text = "Client : bonjour, je voudrais changer mon adresse de livraison\nConseiller : ce n'est pas mon problème";
    const analyzer = createAnalyzer();
    expect(analyze({ id: 'c', text }, analyzer).irritants).toContain('mots_qui_tuent');
    const report = evaluate([{ id: 'c', text, themes: ['livraison'], irritants: [], enchantments: [], tonality: 'neutre', intents: [] }], analyzer);
    expect(report.families.irritants.micro).toMatchObject({ fp: 0 });
  });
});
