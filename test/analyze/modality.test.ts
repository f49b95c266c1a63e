import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, parseLexicon, safeParseLexicon } from '../../src/index.js';

const defaults = createAnalyzer({ keepCancelled: true, detectLanguage: false });

describe('modality: an enchantment promised, asked for, hoped for or refused did not happen', () => {
  it.each([
    ["On m'avait promis un geste commercial, rien vu venir", 'geste_commercial', ['promesse_non_tenue']],
    ['Le vendeur devait me faire un geste commercial', 'geste_commercial', ['promesse_non_tenue']],
    ["J'aurais aimé un geste commercial après trois semaines de retard", 'geste_commercial', []],
    ["j'attends toujours un geste commercial", 'geste_commercial', []],
    ['ils ont refusé tout geste commercial', 'geste_commercial', []],
    ["Un bon d'achat m'avait été promis", 'geste_commercial', ['promesse_non_tenue']],
    ["j'espère une réponse rapide cette fois", 'rapidite', []],
  ])('%j is no %s (counted instead: %j)', (text, id, instead) => {
    const r = analyze(text, defaults);
    expect(r.enchantments).not.toContain(id);
    for (const other of instead) expect(r.irritants).toContain(other);
    expect((r.allMatches ?? []).some((m) => m.id === id && (m as { cancelled?: string }).cancelled === 'modal')).toBe(true);
  });

  it.each([
    ['Geste commercial accordé tout de suite, merci', 'geste_commercial'],
    ["Comme promis, on m'a fait un geste commercial", 'geste_commercial'],
    ['Vendeur très aimable, je demande rien de plus', 'amabilite'],
  ])('%j keeps %s', (text, id) => {
    expect(analyze(text, defaults).enchantments).toContain(id);
  });

  it('follows onModality per entry and promiseAs from the lexicon', () => {
    const doc = parseLexicon(
      `version: 1
modality:
  promise: [promis]
  unreal: [espère]
  promiseAs: oubli
entries:
  - id: accueil
    kind: theme
    label: Accueil
    terms: [ "accueil" ]
  - id: sourire
    kind: enchantment
    theme: accueil
    label: Sourire
    terms: [ "sourire" ]
  - id: cafe
    kind: enchantment
    theme: accueil
    label: Café
    onModality: keep
    terms: [ "café" ]
  - id: oubli
    kind: irritant
    theme: accueil
    label: Oubli
    terms: [ "oublié" ]
`,
      { file: 'modal.yml' },
    );
    const a = createAnalyzer({ includeDefault: false, includeBaseSentiment: false, lexicons: [doc] });
    expect(analyze('on m\'avait promis un sourire', a).enchantments).toEqual([]);
    expect(analyze('on m\'avait promis un sourire', a).irritants).toEqual(['oubli']);
    expect(analyze("j'espère un sourire", a).irritants).toEqual([]);
    expect(analyze("j'espère un sourire", a).enchantments).toEqual([]);
    expect(analyze('on m\'avait promis un café', a).enchantments).toEqual(['cafe']);
    expect(analyze('un sourire, promis', a).enchantments).toEqual(['sourire']);
  });

  it('a condition or a precaution cancels irritants, not enchantments; "même si" concedes a fact', () => {
    const doc = parseLexicon(
      `version: 1
negation:
  breaks: [",", "."]
modality:
  hypothetical: [en cas de, si le, pour éviter]
  kept: [même si le]
sentiment:
  words:
    casse: -2
    soigné: 2
entries:
  - id: colis
    kind: theme
    label: Colis
    terms: [ "colis" ]
  - id: casse
    kind: irritant
    theme: colis
    label: Casse
    terms: [ "casse", "colis {0,2} cassé" ]
  - id: soin
    kind: enchantment
    theme: colis
    label: Soin
    terms: [ "emballage soigné" ]
`,
      { file: 'hypothetical.yml' },
    );
    const a = createAnalyzer({ includeDefault: false, includeBaseSentiment: false, keepCancelled: true, lexicons: [doc] });
    const hypothetical = analyze('emballage soigné pour éviter la casse', a);
    expect(hypothetical.irritants).toEqual([]);
    expect(hypothetical.enchantments).toEqual(['soin']);
    expect((hypothetical.allMatches ?? []).some((m) => m.id === 'casse' && (m as { cancelled?: string }).cancelled === 'modal')).toBe(true);
    expect(analyze('en cas de casse, un mail suffit', a).irritants).toEqual([]);
    expect(analyze('si le colis est cassé, ils le remplacent', a).irritants).toEqual([]);
    expect(analyze('même si le colis est cassé, je reste cliente', a).irritants).toEqual(['casse']);
    expect(analyze('colis cassé, en cas de doute appelez', a).irritants).toEqual(['casse']);
    // A marker after the problem does not govern it.
    expect(analyze('la casse en cas de choc', a).irritants).toEqual(['casse']);
    expect(analyze('en cas de casse', a).sentiment).toEqual({ positive: 0, negative: 0 });
    expect(analyze('il y a eu de la casse', a).sentiment).toEqual({ positive: 0, negative: 2 });
  });

  it.each([
    'En cas de retard, un mail vous prévient aussitôt.',
    'Si jamais un produit manque, le service client le renvoie.',
    'Remboursement immédiat si le produit n\'est plus en stock.',
    'Bouteilles calées pour éviter toute casse pendant le transport.',
    'Au moindre souci ils répondent dans la journée.',
  ])('default lexicons: %j raises no irritant and is not negative', (text) => {
    const r = analyze(text, defaults);
    expect(r.irritants).toEqual([]);
    expect(r.tonality).not.toBe('negatif');
  });

  it('rejects an unknown promiseAs and a bad window with positions', () => {
    const bad = safeParseLexicon('version: 1\nmodality:\n  window: 40\n  promiseAs: 3\n', { file: 'bad.yml' });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.issues.map((i) => i.message)).toEqual([
        'modality.window must be a whole number from 1 to 10, got number 40',
        'modality.promiseAs must be an entry id or null, got number 3',
      ]);
      expect(bad.issues[0]?.line).toBe(3);
    }
    const unknown = parseLexicon('version: 1\nmodality:\n  promiseAs: promesse_non_tenu\n', { file: 'typo.yml' });
    expect(() => createAnalyzer({ lexicons: [unknown] })).toThrow(/unknown modality.promiseAs "promesse_non_tenu"/);
  });
});
