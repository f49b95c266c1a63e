import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, type Verbatim } from '../../src/index.js';
import { toTonality } from '../../src/analyze/sentiment.js';
import { miniAnalyzer } from './helpers.js';

const analyzer = miniAnalyzer();

describe('tonality', () => {
  it.each([
    ['Livraison rapide, vendeur très aimable', 'positif'],
    ['Super service, je recommande', 'positif'],
    ['Colis jamais reçu, aucune réponse', 'negatif'],
    ['JE SUIS TRES DECU', 'negatif'],
    ['pas content du tout', 'negatif'],
    ['Commande passée mardi, reçue jeudi', 'neutre'],
    ['pas de souci', 'neutre'],
    ['Conseiller aimable et rapide mais colis jamais reçu et aucune réponse depuis', 'mitige'],
  ])('%j → %s', (text, expected) => {
    expect(analyze(text, analyzer).tonality).toBe(expected);
  });

  it('intensifiers multiply and negation flips the sentiment words', () => {
    expect(analyze('content', analyzer).sentiment).toEqual({ positive: 1, negative: 0 });
    expect(analyze('très content', analyzer).sentiment).toEqual({ positive: 1.5, negative: 0 });
    expect(analyze('pas content', analyzer).sentiment).toEqual({ positive: 0, negative: 1 });
    // A negated negative is only mildly positive.
    expect(analyze('pas nul', analyzer).sentiment).toEqual({ positive: 1, negative: 0 });
  });

  it('irritant and enchantment matches weigh, their words are not counted twice', () => {
    expect(analyze('aucune réponse', analyzer).sentiment).toEqual({ positive: 0, negative: 2 });
    expect(analyze('vendeuse souriante', analyzer).sentiment).toEqual({ positive: 2, negative: 0 });
  });

  it.each([
    [0, 0, 'neutre'],
    [0.5, 0.5, 'neutre'],
    [2, 0, 'positif'],
    [0, 2, 'negatif'],
    [3, 1, 'positif'],
    [2, 2, 'mitige'],
    [4, 2, 'positif'],
    [4, 3, 'mitige'],
    [0.9, 0.9, 'neutre'],
    [5, 2, 'positif'],
  ] as const)('toTonality(%d, %d) = %s', (pos, neg, expected) => {
    expect(toTonality(pos, neg)).toBe(expected);
  });
});

describe('analysis record', () => {
  it('gives short texts the corpus language (defaultLanguage)', () => {
    expect(analyze('Attente trop longue', analyzer).language).toBe('fra');
    expect(analyze('Attente trop longue', createAnalyzer({ defaultLanguage: 'eng' })).language).toBe('eng');
  });

  it('copies the verbatim fields and counts words', () => {
    const v: Verbatim = { id: 'v1', text: "Attente d'1h au standard !", channel: 'Tchat', date: '2025-01-02', score: 3, meta: { store: 'Lyon' } };
    const r = analyze(v, analyzer);
    expect(r).toMatchObject({ id: 'v1', date: '2025-01-02', score: 3, meta: { store: 'Lyon' }, language: 'fra', irritants: ['attente_excessive'] });
    expect(r.tokenCount).toBe(6); // Attente · d' · 1h · au · standard · !
    expect(r.wordCount).toBe(5);
    expect(r.keywords).toContain('attente');
    expect(r.keywords).not.toContain('au');
    expect(r.contentWordCount).toBe(r.keywords.length);
  });

  it('detects the language, matches whatever it is, and can be told not to detect', () => {
    const english = 'The attente was way too long and nobody answered my emails, really disappointing';
    expect(analyze(english, analyzer)).toMatchObject({ language: 'eng', irritants: ['attente_excessive'] });
    const french = "Je n'ai eu aucune réponse à mes trois mails depuis le mois dernier";
    expect(analyze(french, analyzer).language).toBe('fra');
    expect(analyze(english, miniAnalyzer({ detectLanguage: false, defaultLanguage: 'fra' })).language).toBe('fra');
  });

  it('accepts a bare string', () => {
    expect(analyze('attente', analyzer)).toMatchObject({ id: '', channel: 'inconnu', irritants: ['attente_excessive'] });
  });

  it('rejects misuse with a TypeError', () => {
    expect(() => analyze(42 as never, analyzer)).toThrow(TypeError);
    expect(() => analyze('x', {} as never)).toThrow(/verbatim-fr: expected an analyser/);
    expect(() => createAnalyzer(null as never)).toThrow(TypeError);
  });

  it('exposes the composed entries and channels for other stages', () => {
    expect(analyzer.entries.get('livraison.delai')).toMatchObject({ kind: 'concept', parent: 'livraison', theme: 'livraison', label: 'Délai de livraison' });
    expect(analyzer.entries.get('livraison')?.stage).toBe('apres');
    expect(Array.isArray(analyzer.lexicon.channels)).toBe(true);
  });
});

const SAMPLES = [
  "Pas d'attente, livraison rapide",
  "Colis toujours pas reçu ! Aucune réponse du SAV… personne ne répond.",
  "Je ne recommande pas : vendeur pas aimable 😡",
  'jsuis tjrs en attente du remboursement pk ???',
  "L'accueil était super, très bon conseil, remboursement en 48h",
];

describe('invariants', () => {
  it('match offsets slice back to the matched text (property)', () => {
    const words = ['attente', 'colis', 'pas', 'de', "d'", 'jamais', 'reçu', 'aimable', 'livraison', ',', '.', 'personne', 'ne', 'répond', 'remboursé', 'é', '😀', '  ', '\n', "l'", 'Point', 'relais', 'toujours'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), fc.string({ maxLength: 8 }), (parts, noise) => {
        const text = parts.join(' ') + noise;
        const r = analyze(text, miniAnalyzer({ keepCancelled: true }));
        for (const m of r.allMatches ?? []) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.tokenEnd).toBeGreaterThan(m.tokenStart);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: same input, same output, whatever came before', () => {
    const first = SAMPLES.map((t) => JSON.stringify(analyze(t, analyzer)));
    const other = miniAnalyzer();
    for (const t of [...SAMPLES].reverse()) analyze(t, other);
    expect(SAMPLES.map((t) => JSON.stringify(analyze(t, other)))).toEqual(first);
  });
});

describe('tonality: irony, emoji and damped negation', () => {
  const analyzer = createAnalyzer();
  it.each([
    ['Bravo pour le SAV 👏👏 toujours pas remboursé', 'negatif'],
    ['Bravo à la conseillère, très aimable', 'positif'],
    ['Livraison au top 😍', 'positif'],
    ['Colis jamais arrivé 🤬', 'negatif'],
    ['Service correct 👍🏽', 'positif'],
  ])('%s → %s', (text, tonality) => {
    expect(analyze(text, analyzer).tonality).toBe(tonality);
  });

  it('a negated strong praise is a mild complaint, not a strong one', () => {
    const plain = analyze('Le repas était exceptionnel', analyzer).sentiment.positive;
    const negated = analyze("Le repas n'était pas exceptionnel", analyzer).sentiment;
    expect(negated.negative).toBeGreaterThan(0);
    expect(negated.negative).toBeLessThan(plain);
  });

  it('a negator inside the gap of a match negates it', () => {
    const words = analyze("Accueil rien d'exceptionnel", analyzer);
    expect(words.enchantments).not.toContain('amabilite');
  });

  it('an emoji with a skin tone reads as the plain emoji', () => {
    expect(analyze('ok 👍🏽', analyzer).sentiment).toEqual(analyze('ok 👍', analyzer).sentiment);
  });
});

describe('the lists of an analysis', () => {
  const full = createAnalyzer();
  const listsOf = (text: string) => {
    const a = analyze(text, full);
    return { irritants: a.irritants, themes: a.themes, concepts: a.concepts, matches: a.matches.length };
  };

  it('name each entry once, in order of first match, however often it is met', () => {
    const once = listsOf('Livraison en retard, colis abîmé et SAV injoignable.');
    for (const times of [2, 3, 12]) {
      // 12 sentences: past 32 matches, where the lists are made through a set.
      const many = listsOf('Livraison en retard, colis abîmé et SAV injoignable. '.repeat(times));
      expect(many.matches).toBeGreaterThan(once.matches);
      expect({ ...many, matches: 0 }).toEqual({ ...once, matches: 0 });
    }
    expect(once.irritants.length).toBeGreaterThan(1);
    expect(new Set(once.themes).size).toBe(once.themes.length);
  });
});
