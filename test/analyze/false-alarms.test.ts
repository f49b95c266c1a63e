import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../src/index.js';

// Happy customers' wordings that used to raise an irritant or a negative tonality: praise of the
// price, loyalty, eagerness, negated complaints, closed statements of satisfaction. Sentences
// written for this test.
const analyzer = createAnalyzer();

describe('false alarms on happy customers: no irritant', () => {
  it.each([
    ['Ce sont les moins chère du net pour ces capsules, bravo.', 'prix_excessif'],
    ['Des thés souvent peu chers et toujours délicieux.', 'prix_excessif'],
    ['Avec la cagnotte on paie encore moins cher, génial.', 'prix_excessif'],
    ['Moins cher qu en grande surface et mieux conseillé.', 'prix_excessif'],
    ['Adieu les caves hors de prix, je commande ici désormais.', 'prix_excessif'],
    ['C\'est la quatrième fois que je commande chez eux et toujours ravi.', 'repetition'],
    ['Troisième fois que j\'offre cette box à un ami, succès garanti.', 'repetition'],
    ['À chaque fois un nouveau thé à découvrir dans le colis, j\'adore.', 'repetition'],
    ['Fidèle depuis le début de l\'aventure, que du bonheur.', 'repetition'],
    ['Encore commandé cher vous, toujours parfait.', 'prix_excessif'],
    ['Hausse de l\'activité avant les fêtes mais colis parti le jour même.', 'prix_excessif'],
    ['J\'attends toujours avec impatience la box du mois suivant.', 'attente_excessive'],
    ['J\'attends toujours avec impatience mon prochain colis.', 'attente_excessive'],
    ['Commande arrivée nickel deux jours plus tard, parfait.', 'retard_livraison'],
    ['Des bouteilles introuvables en grande surface, enfin un site qui les a.', 'rupture_stock'],
    ['Rarement en rupture, et la livraison est rapide.', 'rupture_stock'],
    ['J\'aime beaucoup leur démarche autour du vrac et du local.', 'sollicitation_excessive'],
    ['Une belle démarche écologique, emballages recyclés.', 'sollicitation_excessive'],
    ['Aucun souci et super accueil en boutique.', 'personnel_desagreable'],
  ])('%s (no %s)', (text, irritant) => {
    expect(analyze(text, analyzer).irritants).not.toContain(irritant);
  });
});

describe('false alarms on happy customers: not negative', () => {
  it.each([
    'Jamais eu de soucis avec mes commandes, merci.',
    'Je commande souvent et je n\'ai jamais eu le moindre problème.',
    'Comme d\'habitude aucun problème et super produits.',
    'Encore parfait, comme à chaque fois.',
    'Parfait et rien à redire encore une fois.',
    'Une fois de plus, un accueil parfait.',
    'Une adresse incontournable pour les amateurs de thé.',
    'Rarement déçue, je renouvelle mon abonnement.',
    'Impossible de se passer de leur café maintenant.',
    'Colis conforme à notre attente.',
    'Pressée de goûter les nouvelles tisanes.',
    'Une boisson issue de l\'agriculture bio.',
    'Super café, j\'en commande plusieurs fois par an.',
    'Rien à ajouter pour ces excellents chocolats.',
    'Nous avons découvert cette épicerie grâce à une amie.',
  ])('%s', (text) => {
    const a = analyze(text, analyzer);
    expect(a.tonality).not.toBe('negatif');
    expect(a.irritants).toEqual([]);
  });
});

describe('complaints the fixes keep', () => {
  it.each([
    ['Bon produit mais un peu cher pour ce que c\'est.', 'prix_excessif'],
    ['Le même flacon est moins cher ailleurs, dommage.', 'prix_excessif'],
    ['J\'ai trouvé moins cher sur internet le lendemain.', 'prix_excessif'],
    ['Commande passée il y a dix jours et colis toujours pas envoyé.', 'retard_livraison'],
    ['C\'est la troisième fois que je vous appelle pour ce dossier.', 'repetition'],
  ])('%s (%s)', (text, irritant) => {
    expect(analyze(text, analyzer).irritants).toContain(irritant);
  });
});
