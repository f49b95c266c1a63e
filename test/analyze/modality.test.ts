import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, parseLexicon, safeParseLexicon } from '../../src/index.js';

const defaults = createAnalyzer({ keepCancelled: true, detectLanguage: false });

describe('modality: a delight promised, asked for, hoped for or refused did not happen', () => {
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
