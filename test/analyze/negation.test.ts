import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../src/index.js';
import { miniAnalyzer } from './helpers.js';

const analyzer = miniAnalyzer({ keepCancelled: true });
const counted = (text: string) => analyze(text, analyzer).matches.map((m) => `${m.id}${m.negated ? '(neg)' : ''}`);
const cancelled = (text: string) =>
  (analyze(text, analyzer).allMatches ?? []).filter((m) => 'cancelled' in m).map((m) => `${m.id}:${(m as { cancelled?: string }).cancelled}`);

describe('negation', () => {
  it.each([
    ["pas d'attente au guichet", [], ['attente_excessive:negated']],
    ['Pas de souci, merci', [], ['probleme:negated']],
    ['sans aucun souci', [], ['probleme:negated']],
    ["je n'ai jamais eu de problème", [], ['probleme:negated']],
    ['aucune réponse à mes mails', ['absence_reponse'], []],
    ['colis jamais reçu', ['livraison', 'retard_livraison'], []],
    ['personne ne répond au standard', ['absence_reponse', 'joignabilite(neg)'], []],
    ["la personne m'a répondu tout de suite", [], ['absence_reponse:ambiguous']],
    ["Une personne au standard m'a répondu", ['joignabilite'], []],
    ['vendeur pas aimable', ['accueil', 'personnel_desagreable(neg)'], ['amabilite:negated']],
    ['je ne recommande pas', ['recommandation_negative(neg)'], ['recommandation_positive:negated']],
    ['je recommande pas cette enseigne', ['recommandation_negative(neg)'], ['recommandation_positive:negated']],
    ['je vous la recommande', ['recommandation_positive'], []],
    ["je ne peux que recommander", ['recommandation_positive'], []],
    ['pas rapide mais aimable', ['amabilite'], ['rapidite:negated']],
    ['pas rapide, par contre aimable', ['amabilite'], ['rapidite:negated']],
    ['Pas rapide. Aimable', ['amabilite'], ['rapidite:negated']],
    ["ce n'est vraiment pas du tout une attente", [], ['attente_excessive:negated']],
    ["pas de problème de mon côté et la conseillère a été d'une grande patience, attente", ['accueil', 'attente_excessive'], ['probleme:negated']],
    ['plus rapide que prévu', ['rapidite'], []],
    ['plus de 2 heures d’attente', ['attente_excessive'], []],
    ['Plus de souci depuis', [], ['probleme:negated']],
    ['un vendeur non aimable', ['accueil', 'personnel_desagreable(neg)'], ['amabilite:negated']],
    ['réponse non reçue, vendeur aimable', ['accueil', 'amabilite'], []],
    ['non, vraiment, souci', ['probleme'], []],
    ['non merci souci', ['probleme'], []],
  ])('%j', (text, expectedCounted, expectedCancelled) => {
    expect(counted(text).sort()).toEqual([...expectedCounted].sort().filter((x) => x !== ''));
    expect(cancelled(text)).toEqual(expectedCancelled);
  });

  it('themes and concepts keep negated matches (onNegation: keep) and flag them', () => {
    const r = analyze('pas de livraison', analyzer);
    expect(r.matches.map((m) => [m.id, m.negated])).toEqual([['livraison', true]]);
    expect(r.themes).toEqual(['livraison']);
  });

  it('a concept implies its parent theme, an irritant its theme', () => {
    const r = analyze('Délai de livraison trop long, colis jamais reçu', analyzer);
    expect(r.concepts).toEqual(['livraison.delai']);
    expect(r.irritants).toEqual(['retard_livraison']);
    expect(r.themes).toEqual(['livraison']);
  });
});

describe('terms holding a negation word the negator list leaves out', () => {
  it('are still matched as written, and "la personne" is still a person', async () => {
    const { parseLexicon } = await import('../../src/index.js');
    const narrow = parseLexicon('version: 1\nnegation:\n  negators: [ne, pas, jamais]\n');
    const a = miniAnalyzer({ lexicons: [narrow], keepCancelled: true });
    expect(analyze('personne ne répond', a).irritants).toEqual(['absence_reponse']);
    expect(analyze("la personne m'a répondu", a).irritants).toEqual([]);
  });
});

describe('"personne": the noun (a person) or the pronoun (nobody)', () => {
  const defaults = createAnalyzer();
  it.each([
    ['Personne très sympathique au guichet', 'amabilite', 'personnel_desagreable'],
    ['une personne adorable au téléphone', 'amabilite', 'personnel_desagreable'],
    ["Personne charmante qui m'a bien conseillé", 'amabilite', 'personnel_desagreable'],
    ['personne aimable et patiente à la caisse', 'amabilite', 'personnel_desagreable'],
    ['Personne qui a été très gentille avec ma mère', 'amabilite', 'personnel_desagreable'],
  ])('%j is a person: %s, not %s', (text, present, absent) => {
    const r = analyze(text, defaults);
    expect(r.enchantments).toContain(present);
    expect(r.irritants).not.toContain(absent);
  });

  it.each([
    ['Personne ne répond au standard', 'injoignable'],
    ["personne n'a rappelé, aucune réponse", 'absence_reponse'],
    ['Personne au bout du fil', 'injoignable'],
  ])('%j is nobody: %s', (text, present) => {
    expect(analyze(text, defaults).irritants).toContain(present);
  });
});
