// With masking on, nothing derived from the text leaves unmasked, in any
// format: examples, their ids, word tables, expressions, keyness terms,
// reject reasons. With masking off, the same data is there (so the checks
// can fail).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeVerbatim, createAnalyzer } from '../../src/analyze/index.js';
import { createReportBuilder, finalizeReport, renderHtml, renderReport, reportMeta } from '../../src/report/index.js';
import type { Insight, Report } from '../../src/report/index.js';
import { maskPersonalData } from '../../src/report/mask.js';
import { keywordsWithoutPersonalData } from '../../src/report/state.js';

const analyzer = createAnalyzer();

// Personal data repeated across verbatims, so unmasked it would rank in word tables, expressions and keyness.
const SAV = [
  ["je n'ai toujours pas 06 12 34 56 78 reçu, Mme Nguyen Benali du SAV ne rappelle jamais", 'claire.fontaine@exemple.fr'],
  ['aucune réponse de Mme Nguyen Benali du SAV, rappelez-moi au 06 12 34 56 78', 'paul.gauthier@exemple.fr'],
  ['Mme Nguyen Benali du SAV a raccroché, colis CMD2024A881 jamais reçu, IBAN FR76 3000 6000 0112 3456 7890 189', 'R-0048213'],
  ['attente interminable, Mme Nguyen Benali du SAV injoignable, j’habite au 12 bis rue des Lilas, 69003 Lyon', 'jean.dupont@exemple.fr'],
  ['remboursement jamais reçu, carte 4970 1012 3456 7890 débitée, Mme Nguyen Benali du SAV muette', '0612345678'],
  ['Mme Nguyen Benali du SAV m’a demandé mon numéro de sécu 1 85 05 78 006 084 36, toujours pas reçu', 'marc.petit@exemple.fr'],
];
const STORE = [
  ['accueil chaleureux en magasin, vendeur très aimable', 's1'],
  ['magasin propre, conseils utiles, livraison rapide', 's2'],
  ['très bon accueil, produit conforme, livraison rapide', 's3'],
];
const NEEDLES = [
  'nguyen', 'benali', '06 12 34 56 78', '0612345678', 'claire.fontaine', 'paul.gauthier', 'jean.dupont', 'marc.petit', 'R-0048213',
  'CMD2024A881', 'cmd2024a881', 'FR76 3000', 'fr7630006000', 'lilas', '4970 1012', '1 85 05 78', '085057800',
];

function report(maskPersonalData: boolean): Report {
  const corpus = { meta: reportMeta(analyzer), examples: 20, topWords: 60, maskPersonalData };
  const acc = createReportBuilder(corpus);
  for (const [text, id] of SAV) acc.add(analyzeVerbatim({ id: id as string, channel: 'email', text: text as string }, analyzer));
  for (const [text, id] of STORE) acc.add(analyzeVerbatim({ id: id as string, channel: 'avis', text: text as string }, analyzer));
  acc.reject({ source: { file: 'in.jsonl', row: 9 }, reason: 'invalid JSON: Unexpected token, "Mme Nguyen Benali, 06 12 34 56 78" is not valid JSON', hint: 'line 9 must hold one JSON object' });
  return finalizeReport(acc.snapshot(), corpus);
}

const formats = ['table', 'md', 'json', 'csv', 'html'] as const;
const render = async (r: Report, format: (typeof formats)[number]): Promise<string> =>
  format === 'html' ? renderHtml(r) : renderReport(r, format, format === 'table' ? { width: 200 } : {});
const leaks = (out: string): string[] => NEEDLES.filter((n) => out.toLowerCase().includes(n.toLowerCase()));

describe('masking covers every text-derived field of every format', () => {
  it.each(formats)('%s: nothing of the personal data with masking on; some of it with masking off', async (format) => {
    expect(leaks(await render(report(true), format))).toEqual([]);
    expect(leaks(await render(report(false), format)).length).toBeGreaterThan(0);
  });

  it('examples are masked and carry a pseudonym instead of the input id', () => {
    const r = report(true);
    const examples = [...r.all.themes, ...r.all.irritants].flatMap((e) => e.examples);
    expect(examples.length).toBeGreaterThan(0);
    for (const ex of examples) {
      expect(ex.id).toMatch(/^#[0-9a-f]{8}$/);
      for (const h of ex.highlights) expect(ex.text.slice(h.start, h.end)).not.toMatch(/\d{2} \d{2}/);
    }
    // The gap of "toujours pas … reçu" spans a phone number: the example shows the placeholder.
    expect(examples.some((ex) => ex.text.includes('toujours pas [téléphone] reçu'))).toBe(true);
    // Unmasked, the ids are the input ids.
    expect(report(false).all.themes.flatMap((e) => e.examples).some((ex) => ex.id === 'claire.fontaine@exemple.fr')).toBe(true);
  });

  it('word tables, expressions and keyness hold no masked word and no expression across one', () => {
    const r = report(true);
    const terms = [
      ...r.all.topWords.map((t) => t.key),
      ...r.all.topExpressions.map((t) => t.key),
      ...(r.sections['insight'] as Insight).keyness.channels.flatMap((c) => [c.word, c.expression].flatMap((t) => [...t.over, ...t.under]).map((t) => t.key)),
    ];
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.filter((t) => /nguyen|benali|lilas|lyon|cmd2024a881|\d{5,}/u.test(t))).toEqual([]);
    // "mme nguyen benali sav" unmasked; masked, "mme" and "sav" are not neighbours.
    expect(terms.filter((t) => t === 'mme sav')).toEqual([]);
    expect(report(false).all.topWords.some((t) => t.key === 'nguyen')).toBe(true);
  });

  it('reject reasons: what a reader quoted from the input is masked', () => {
    const [first] = report(true).summary.firstRejects;
    expect(first?.reason).toBe('invalid JSON: Unexpected token, "Mme [nom], [téléphone]" is not valid JSON');
    expect(report(false).summary.firstRejects[0]?.reason).toContain('06 12 34 56 78');
  });
});

describe('keywords that are personal data alone', () => {
  // The reference: what keywordsWithoutPersonalData wrote with a pattern before it read character codes.
  const reference = (keywords: readonly string[]): ReadonlyArray<string | null> =>
    keywords.some((k) => /[\d@]/.test(k)) ? keywords.map((k) => (!/[\d@]/.test(k) || maskPersonalData(k).replacements.length === 0 ? k : null)) : keywords;
  const keyword = fc.oneof(
    fc.constantFrom('colis', 'sav', 'jean.dupont@exemple.fr', '0612345678', 'fr7630006000011234567890189', '48h', '12', 'n°123', 'a@b', '٣٣', '１２'),
    fc.string({ unit: fc.constantFrom('a', 'é', '0', '7', '@', '.', '-', '٣'), maxLength: 14 }),
  );
  it('are the ones a digit or an @ and the masking find, whatever else the list holds', () => {
    fc.assert(
      fc.property(fc.array(keyword, { maxLength: 12 }), (keywords) => {
        const analysis = { ...analyzeVerbatim({ id: 'k', text: keywords.join(' ') }, analyzer), keywords };
        expect(keywordsWithoutPersonalData(analysis, [])).toEqual(reference(keywords));
      }),
      { numRuns: 300 },
    );
  });
});
