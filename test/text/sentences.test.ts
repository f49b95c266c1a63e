import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/text/index.js';

const split = (text: string): string[] => sentences(text).map((s) => s.text);

describe('sentences', () => {
  it.each([
    ['Colis reçu. Merci !', ['Colis reçu.', 'Merci !']],
    ['Bonjour M. Dupont, merci.', ['Bonjour M. Dupont, merci.']],
    ['Mme. Martin a été parfaite. Je recommande.', ['Mme. Martin a été parfaite.', 'Je recommande.']],
    ['Vu avec le Dr. Roux hier.', ['Vu avec le Dr. Roux hier.']],
    ['Voir cf. la facture jointe.', ['Voir cf. la facture jointe.']],
    ['Des frais, p.ex. la livraison.', ['Des frais, p.ex. la livraison.']],
    ['Payé 12.50 euros. Remboursé 5.', ['Payé 12.50 euros.', 'Remboursé 5.']],
    ['Commande n°123. Toujours rien.', ['Commande n°123.', 'Toujours rien.']],
    ['bon... mais rien', ['bon... mais rien']],
    ['Bon... Rien depuis.', ['Bon...', 'Rien depuis.']],
    ['Quoi ?! Encore ?', ['Quoi ?!', 'Encore ?']],
    ['nul !!! vraiment nul', ['nul !!!', 'vraiment nul']],
    ['Client : bonjour\nAgent : bonjour', ['Client : bonjour', 'Agent : bonjour']],
    ['ligne 1\r\nligne 2', ['ligne 1', 'ligne 2']],
    ['Il a dit "calmez-vous !" et raccroché.', ['Il a dit "calmez-vous !" et raccroché.']],
    ['Il a dit « non ! » Puis plus rien.', ['Il a dit « non ! »', 'Puis plus rien.']],
    ['(vraiment nul.) Bref', ['(vraiment nul.)', 'Bref']],
    ['« Ce n’est pas mon problème. » Voilà.', ['« Ce n’est pas mon problème. »', 'Voilà.']],
    ['Écrivez à sav@exemple.fr. Merci', ['Écrivez à sav@exemple.fr.', 'Merci']],
    ['Des retards, etc. Bref.', ['Des retards, etc.', 'Bref.']],
    ['Retards, etc. et surtout du mépris.', ['Retards, etc. et surtout du mépris.']],
    ['Signé J. Dupont.', ['Signé J. Dupont.']],
    ['j’ai appelé. ils ont raccroché', ['j’ai appelé.', 'ils ont raccroché']],
    ['   ', []],
    ['', []],
  ])('%s', (input, expected) => {
    expect(split(input)).toEqual(expected);
  });

  it('gives offsets into the original text', () => {
    const text = '  Super accueil.\n\nMerci à Léa 👍  ';
    for (const s of sentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences(text).map((s) => s.start)).toEqual([2, 18]);
  });
});
