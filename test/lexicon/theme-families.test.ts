import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../src/index.js';

// Theme wording families of the default lexicons, as customers of any sector
// write them: each row is a sentence written for this test, the themes it must
// produce and the themes it must not produce (the neutral reading of the same
// words: an insurance cover is no product warranty, a line's speed is no bill).
const analyzer = createAnalyzer();

function themes(text: string): Set<string> {
  return new Set(analyze(text, analyzer).themes);
}

describe('theme wording families of the default lexicons', () => {
  it.each([
    // sav: a product's warranty, taken back, sent back, touched up
    ["Le grille-pain a lâché au bout de 8 mois mais la garantie ne couvre pas la résistance.", ['sav'], []],
    ["Ils ont accepté la reprise gratuite du canapé abîmé.", ['sav'], []],
    ["Les chaussures ne me vont pas, je souhaite les retourner.", ['sav'], []],
    ["Bouilloire renvoyée sans frais, l'enseigne a été correcte.", ['sav'], []],
    ["Deux retouches sur mon costume avant qu'il tombe bien.", ['sav'], []],
    ["Toutes mes garanties d'assurance habitation sont reconduites à l'identique.", [], ['sav']],
    ["Le dépôt de garantie de l'appartement m'a été rendu en entier.", [], ['sav']],
    ["Merci au garagiste, accueil de l'atelier vraiment agréable.", [], ['sav']],
    // magasin: queues and opening hours of any point of sale
    ["Une demi-heure à faire la queue au bureau de tabac.", ['magasin'], []],
    ["La pharmacie est fermée le samedi après-midi maintenant.", ['magasin'], []],
    ["Un seul guichet ouvert à la poste un lundi matin.", ['magasin'], []],
    ["Le vendeur du rayon jardinage m'a très bien conseillée.", [], ['magasin']],
    ["J'ai reçu une caisse de champagne pour mon anniversaire.", [], ['magasin']],
    // prix: a price quoted per unit, fees customers weigh
    ["95 € la nuit pour une chambre minuscule.", ['prix'], []],
    ["Franchement 15 balles par mois pour autant de data, rien à dire.", ['prix'], []],
    ["Les dépassements d'honoraires du spécialiste m'ont surpris.", ['prix'], []],
    ["Il me reste à charge plus de 200 € sur mes lunettes.", ['prix'], []],
    ["La pharmacie pratique le tiers payant avec ma mutuelle.", [], ['prix']],
    // reclamation: case files of any trade
    ["Déclaration de sinistre faite en ligne il y a trois semaines, aucune nouvelle.", ['reclamation'], []],
    ["Notre sinistre incendie a été suivi par une gestionnaire attentive.", ['reclamation'], []],
    ["Ma demande d'aide est en cours d'instruction depuis le printemps.", ['reclamation'], []],
    ["Chambre sale, et aucun geste de l'hôtel.", ['reclamation'], []],
    ["Vingt ans chez eux sans aucun sinistre et la prime monte quand même.", [], ['reclamation']],
    // competence: what staff affirmed, who could answer, the work itself
    ["Le commercial m'avait affirmé que l'option était incluse.", ['competence'], []],
    ["On m'a vendu une garantie panne dont je n'avais aucun besoin.", ['competence'], []],
    ["Personne au standard n'a su me dire où en était ma demande.", ['competence'], []],
    ["Pose du parquet : du travail soigné, rien à reprendre.", ['competence'], []],
    ["Le carreleur a fait un travail bâclé, joints de travers.", ['competence'], []],
    ["Le mécanicien a trouvé la panne en cinq minutes.", ['competence'], []],
    // communication: the company telling (or not telling) by any channel
    ["Je reçois un SMS dès que mon linge est prêt au pressing.", ['communication'], []],
    ["Coupure de gaz toute la journée sans préavis.", ['communication'], []],
    ["L'agence immobilière nous a appelés chaque semaine pour faire le point.", ['communication'], []],
    ["Je vous informe de mon changement d'adresse au 1er mars.", [], ['communication']],
    // commande: buying or booking, a ticket bought or moved
    ["Billet de bus acheté en 2 clics sur l'appli.", ['commande'], []],
    ["Je voudrais décaler ma réservation au week-end suivant.", ['commande'], []],
    ["On me facture un abonnement premium que je n'ai jamais commandé.", ['commande'], []],
    ["Le panier garni de Noël contenait un pâté délicieux.", [], ['commande']],
    ["Il faut prendre rendez-vous pour déposer un chèque à l'agence.", [], ['commande']],
    // fidelite: years count as loyalty when they are the customer's years with the company
    ["Cette chaudière tourne depuis 12 ans sans la moindre panne.", [], ['fidelite']],
    ["Le même câble arraché depuis 2 ans devant chez moi.", [], ['fidelite']],
    ["Adhérente chez vous depuis 9 ans et toujours aussi bien reçue.", ['fidelite'], []],
    // facturation: a line's speed, a commitment or a valuation is no bill
    ["Débit pourri tous les soirs sur la fibre.", [], ['facturation']],
    ["Je vous demande d'honorer cet engagement pris par votre conseiller.", [], ['facturation']],
    ["Le concessionnaire m'a fait une estimation de ma voiture pour la reprise.", [], ['facturation']],
  ])('%s', (text, present, absent) => {
    const found = themes(text);
    for (const id of present) expect(found, `${id} expected in «${text}»`).toContain(id);
    for (const id of absent) expect(found, `${id} not expected in «${text}»`).not.toContain(id);
  });
});
