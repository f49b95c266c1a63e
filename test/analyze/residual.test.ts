import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, evaluate, parseLexicon, safeParseLexicon } from '../../src/index.js';

// A negative verbatim that no irritant explains gets the residual label.
const lexicon = parseLexicon(
  `version: 1
sentiment:
  words: { nul: -2, horrible: -3, super: 2 }
entries:
  - id: livraison
    kind: theme
    label: Livraison
    terms: [ "livraison" ]
  - id: retard
    kind: irritant
    theme: livraison
    label: Retard
    terms: [ "en retard" ]
  - id: inexplique
    kind: irritant
    residual: true
    label: Insatisfaction non classée
`,
  { file: 'residual.yml' },
);
const analyzer = createAnalyzer({ includeDefault: false, includeBaseSentiment: false, lexicons: [lexicon] });

describe('residual dissatisfaction', () => {
  it.each([
    ['livraison nulle, horrible', ['inexplique'], 'inexplique'],
    ['livraison en retard, horrible', ['retard'], undefined],
    ['livraison super', [], undefined],
    ['livraison', [], undefined],
  ])('%j → irritants %j, residual %j', (text, irritants, residual) => {
    const r = analyze(text, analyzer);
    expect(r.irritants).toEqual(irritants);
    expect(r.residual).toBe(residual);
  });

  it('is off when no entry says residual: true', () => {
    const plain = parseLexicon('version: 1\nsentiment:\n  words: { horrible: -3 }\n', { file: 'plain.yml' });
    const a = createAnalyzer({ includeDefault: false, includeBaseSentiment: false, lexicons: [plain] });
    const r = analyze('horrible', a);
    expect(r.tonality).toBe('negatif');
    expect(r.irritants).toEqual([]);
    expect(r.residual).toBeUndefined();
  });

  it('the default lexicons name it insatisfaction_non_classee', () => {
    const a = createAnalyzer({ detectLanguage: false });
    expect(a.residual).toBe('insatisfaction_non_classee');
    expect(a.entries.get('insatisfaction_non_classee')?.label).toBe('Insatisfaction non classée');
  });

  it('never counts as a predicted irritant in an evaluation', () => {
    const report = evaluate(
      [{ id: '1', text: 'livraison nulle, horrible', themes: ['livraison'], irritants: [], enchantments: [], intents: [], tonality: 'negatif' }],
      analyzer,
    );
    expect(report.families.irritants.micro.fp).toBe(0);
    expect(report.families.irritants.labels.map((l) => l.label)).not.toContain('inexplique');
  });

  it('only an irritant may be residual', () => {
    const bad = safeParseLexicon('version: 1\nentries:\n  - id: x\n    kind: theme\n    label: X\n    residual: true\n', { file: 'bad.yml' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues[0]?.message).toMatch(/residual on theme "x"/);
  });
});
