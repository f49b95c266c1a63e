// Tonality for customer relations: the polarity lexicon (lexicons/fr/sentiment.yml),
// multi-word entries, diminishers, negative facts and irony without an irritant.
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, LexiconError, parseLexicon } from '../../src/index.js';
import { toTonality } from '../../src/analyze/sentiment.js';
import { miniAnalyzer } from './helpers.js';

const analyzer = createAnalyzer();
const tone = (text: string): string => analyze(text, analyzer).tonality;

describe('general-purpose sentiment words are no praise in customer relations', () => {
  it.each([
    ['Frais de port, frais de dossier, frais de gestion', 'neutre'],
    ['Première commande et déjà un souci', 'negatif'],
    ["J'ai réglé la facture le 3 du mois", 'neutre'],
    ['Un accueil classique, sans plus', 'neutre'],
    ['Le colis égaré, un grand classique chez eux', 'negatif'],
    ["Dossier soi-disant réglé, rien n'a bougé", 'negatif'],
  ])('%s → %s', (text, expected) => {
    expect(tone(text)).toBe(expected);
  });

  it.each(['frais', 'caché', 'première', 'classique', 'réglé', 'frais de livraison', 'premier contact'])('"%s" carries no praise', (text) => {
    expect(analyze(text, analyzer).sentiment.positive).toBe(0);
  });

  it("natural's generic list is only used on request", () => {
    expect(analyze('lumineux', createAnalyzer({ includeBaseSentiment: true })).sentiment.positive).toBeGreaterThan(0);
    expect(analyze('lumineux', analyzer).sentiment.positive).toBe(0);
  });
});

describe('multi-word entries of the default lexicon', () => {
  it.each([
    ['Rien à redire', 'positif'],
    ['Pas de souci, livré comme prévu', 'positif'],
    ['Aucun problème avec ma commande', 'positif'],
    ['Franchement pas mal', 'positif'],
    ['Le tarif, ça pique', 'negatif'],
    ['Service client pas terrible', 'negatif'],
    ['Limite limite niveau hygiène', 'negatif'],
    ['Moyennement satisfait', 'negatif'],
    ['Merci pour rien', 'negatif'],
    ["Merci d'avance pour votre retour", 'neutre'],
    ['Merci de corriger et de me rappeler, merci', 'neutre'],
    ['Great service, highly recommend', 'positif'],
    ['Je recommande', 'positif'],
  ])('%s → %s', (text, expected) => {
    expect(tone(text)).toBe(expected);
  });

  it('diminishers soften, before or after the word', () => {
    // (not "ça pique": an irritant of the lexicons, whose weight no diminisher changes)
    const full = analyze('c\'est décevant', analyzer).sentiment.negative;
    expect(full).toBeGreaterThan(0);
    expect(analyze('c\'est décevant un peu', analyzer).sentiment.negative).toBeLessThan(full);
    expect(analyze('légèrement décevant', analyzer).sentiment.negative).toBeLessThan(analyze('décevant', analyzer).sentiment.negative);
    expect(analyze('un peu lent', analyzer).sentiment.negative).toBeLessThan(analyze('lent', analyzer).sentiment.negative);
  });
});

describe('irony without an irritant', () => {
  it.each([
    ['Bravo, encore un retard'],
    ['Commande annulée sans prévenir 👏'],
    ['Encore une panne, bravo 🙄'],
    ['Un service « rapide » : quinze jours pour un devis'],
    ['Des conseillers « compétents »'],
    ['Top la réactivité, depuis 10 jours sans nouvelles'],
  ])('%s → negatif', (text) => {
    expect(tone(text)).toBe('negatif');
  });

  // The same praise, sincere then ironic: the negative fact, not the praise word, decides.
  it.each([
    ['Merci beaucoup pour votre aide 👏', 'Merci beaucoup, encore raté 👏'],
    ['Bravo, livré en avance', 'Bravo, encore en retard'],
    ['Génial, reçu le lendemain', 'Génial, et toujours rien'],
    ['Super accueil, merci 🙂', 'Super accueil, merci 🙃'],
    ['Parfait, remboursé en 48h', 'Parfait, ça fait 2 mois'],
    ['Merci bien, tout est réglé', "Merci bien, rien n'a bougé"],
    ['Félicitations à toute l’équipe', 'Félicitations, ça fait 3 semaines'],
  ])('sincere "%s" stays positive, "%s" is negative', (sincere, ironic) => {
    expect(tone(sincere)).toBe('positif');
    expect(tone(ironic)).toBe('negatif');
  });
});

describe('irony stays on its line', () => {
  it('thanks on a later chat line are for the fix, not ironic', () => {
    expect(tone('Bonjour, mon colis est toujours pas arrivé\nok il est là, génial merci')).not.toBe('negatif');
  });
});

describe('turns: praise and complaint on both sides of « mais »', () => {
  it.each([
    ['Personnel souriant, par contre le ménage laisse à désirer', 'mitige'],
    ['Produit correct, par contre la notice est incompréhensible', 'mitige'],
  ])('%s → %s', (text, expected) => {
    expect(tone(text)).toBe(expected);
  });

  it('toTonality: a turn lowers the share the weaker side needs', () => {
    expect(toTonality(1.2, 3)).toBe('negatif');
    expect(toTonality(1.2, 3, {}, { turn: true })).toBe('mitige');
    expect(toTonality(0.5, 3, {}, { turn: true })).toBe('negatif');
  });
});

// The engine, on a small lexicon layer.
const layer = (yaml: string) => miniAnalyzer({ lexicons: [parseLexicon(`version: 1\nsentiment:\n${yaml}`, { file: 'tone.yml' })] });
const sums = (a: ReturnType<typeof layer>, text: string) => analyze(text, a).sentiment;

describe('sentiment engine', () => {
  // Built on first use, so a lexicon error fails the tests, not the file's collection.
  let built: ReturnType<typeof layer> | undefined;
  const a = () =>
    (built ??= layer(
      [
        '  words:',
        '    frais cachés: -2',
        '    cachés: -1',
        '    pas de souci: 1',
        '    au top: 2.5',
        '    top: 2',
        '    serviable: 2',
        '    cher: -1',
        '    bravo: 2',
        '    génial: 2',
        '    "👏": 1',
        '  facts:',
        '    toujours rien: -1.5',
        '    "# semaines pour": -1',
        '    "#h de queue": -1',
        '    "🙃": -1.5',
        '  intensifiers:',
        '    un peu: 0.5',
        '    peu: -0.5',
        '  sarcasm: [bravo, génial, "👏"]',
        '  turns: [mais]',
      ].join('\n'),
    ));

  it.each([
    ['frais cachés', { positive: 0, negative: 2 }],
    ['cachés', { positive: 0, negative: 1 }],
    ['au top', { positive: 2.5, negative: 0 }],
    ['pas au top', { positive: 0, negative: 1.5 }],
    ['pas de souci', { positive: 1, negative: 0 }],
    ['un peu cher', { positive: 0, negative: 0.5 }],
    ['cher un peu', { positive: 0, negative: 0.5 }],
    ['peu serviable', { positive: 0, negative: 1 }],
    ['peu cher', { positive: 0.5, negative: 0 }],
    ['3 semaines pour répondre', { positive: 0, negative: 1 }],
    ['2h de queue', { positive: 0, negative: 1 }],
    ['génial, toujours rien', { positive: 0, negative: 3.5 }],
    ['génial, vraiment', { positive: 2, negative: 0 }],
    ['génial 🙃', { positive: 0, negative: 3.5 }],
    ['bravo 👏', { positive: 3, negative: 0 }],
    ['bravo mais toujours rien', { positive: 2, negative: 1.5 }],
  ])('%s → %j', (text, expected) => {
    expect(sums(a(), text)).toEqual(expected);
  });

  it('praise written with its own negator closes it: the words after are not negated', () => {
    const b = layer(['  words:', "    n'hésitez pas: 1", '    recommander: 2', '    pas terrible: -2', '    bon: 1'].join('\n'));
    expect(sums(b, "n'hésitez pas à recommander")).toEqual({ positive: 3, negative: 0 });
    // A complaint written with its negator does not close it.
    expect(sums(b, 'pas terrible, pas bon')).toEqual({ positive: 0, negative: 3 });
    expect(sums(b, 'je ne peux pas recommander')).toEqual({ positive: 0, negative: 1.5 });
  });

  it('a sincere praise word between a negative fact and a sarcasm word keeps the thanks sincere', () => {
    const b = layer(['  words:', '    correct: 1', '    génial: 2', '  facts:', '    "# semaines pour": -1', '  sarcasm: [génial]'].join('\n'));
    expect(sums(b, '3 semaines pour livrer, délai correct. Génial')).toEqual({ positive: 3, negative: 1 });
    expect(sums(b, '3 semaines pour livrer. Génial')).toEqual({ positive: 0, negative: 3 });
    expect(sums(b, 'Génial, 3 semaines pour livrer, correct')).toEqual({ positive: 1, negative: 3 });
  });

  it('a phrase counts once, longest first, and only on its own units', () => {
    // "frais cachés" wins over "cachés"; punctuation splits the phrase.
    expect(sums(a(), 'frais cachés')).toEqual({ positive: 0, negative: 2 });
    expect(sums(a(), 'frais, cachés')).toEqual({ positive: 0, negative: 1 });
  });

  it('new sentiment fields are validated', () => {
    expect(() => parseLexicon('version: 1\nsentiment:\n  facts:\n    toujours rien: -5\n')).toThrow(LexiconError);
    expect(() => parseLexicon('version: 1\nsentiment:\n  words:\n    "frais|coûts cachés": -2\n')).toThrow(/term syntax/);
    expect(() => parseLexicon('version: 1\nsentiment:\n  turns: [mais, 3]\n')).toThrow(LexiconError);
  });
});

describe('unhappy wordings with no praise or complaint word', () => {
  it.each([
    ['Ma commande de graines est non parvenue', 'negatif'],
    ['Payer plus ne sert à rien', 'negatif'],
    ['Cette crème pour les mains : aucun effet', 'negatif'],
    ['Appli sans effet sur mon humeur', 'negatif'],
    ['Le sachet de farine est arrivé percé', 'negatif'],
    ['Les bocaux sont arrivés écrasés', 'negatif'],
    ['Une bouteille de vin cabossée', 'negatif'],
    ['Flacon fuyard, tout a coulé dans le sac', 'negatif'],
    ['Bougie fuyarde', 'negatif'],
    ['Bouchon mal collé', 'negatif'],
    ['Trois jours pour un express, une blague', 'negatif'],
    ['Je regrette cet achat', 'negatif'],
    ['Le suivi du paquet a pas bougé de la semaine', 'negatif'],
    ['Colis en attente, annoncé lundi, ce ne fut pas le cas', 'negatif'],
    ['Livraison jamais parvenue chez ma mère', 'negatif'],
    ['Le modèle reçu a rien avoir avec la photo', 'negatif'],
    ['Aucune certitude sur l\'origine du miel', 'negatif'],
    ['Commande retirée au magasin : pas prête à l\'heure dite', 'negatif'],
  ])('%s → %s', (text, expected) => {
    expect(tone(text)).toBe(expected);
  });
});
