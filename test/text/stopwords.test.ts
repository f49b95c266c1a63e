import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contentKeywords, countWords, isStopword, stopwords, tokenize } from '../../src/index.js';
import { WORD_KINDS } from '../../src/text/counts.js';
import type { TokenKind } from '../../src/types.js';
import { FR_STOPWORDS } from '../../src/text/stopwords-fr.generated.js';
import { NEGATION_WORDS } from '../../src/text/stopwords.js';

describe('stop words', () => {
  it.each([['le'], ['la'], ['de'], ['je'], ['et'], ['etre'], ['ete'], ['etait'], ['ca'], ['bonjour'], ['cordialement'], ['svp'], ['a']])(
    '%s is a stop word',
    (norm) => {
      expect(isStopword(norm)).toBe(true);
    },
  );

  it.each([['ne'], ['pas'], ['plus'], ['aucun'], ['aucune'], ['jamais'], ['rien'], ['personne'], ['sans'], ['ni'], ['guere']])(
    'negation %s is never a stop word',
    (norm) => {
      expect(isStopword(norm)).toBe(false);
      expect(NEGATION_WORDS.has(norm)).toBe(true);
      expect(stopwords().has(norm)).toBe(false);
    },
  );

  it.each([['attente'], ['livraison'], ['remboursement'], ['sav'], ['nul']])('%s is a content word', (norm) => {
    expect(isStopword(norm)).toBe(false);
  });

  it('the generated list is the stopword package French list, in its order (npm run build:lexicons)', () => {
    const { fra } = createRequire(import.meta.url)('stopword') as { fra: string[] };
    expect(FR_STOPWORDS).toEqual(fra);
  });

  it('holds folded keys only', () => {
    for (const word of stopwords()) expect(word).toMatch(/^[a-z'-]+$/);
  });

  it('options add and remove words (folded), negations stay out', () => {
    const options = { add: ['Franchement'], remove: ['bonjour'], };
    expect(isStopword('franchement', options)).toBe(true);
    expect(isStopword('bonjour', options)).toBe(false);
    expect(isStopword('pas', { add: ['pas'] })).toBe(false);
  });
});

describe('counts', () => {
  it.each([
    ["L'accueil était nul.", 4],
    ['Pouvez-vous me rappeler ?', 4],
    ['jsuis déçu 😡 !!!', 2],
    ['Remboursé 12,50 € le 12/03', 4],
    ['écrire à sav@exemple.fr ou au 06 12 34 56 78 #SAV @Marque', 8],
    ['', 0],
    ['!!! 👍', 0],
  ])('countWords(%s) = %i', (input, count) => {
    expect(countWords(tokenize(input))).toBe(count);
  });

  it('counts a token as a word exactly when its kind is one of WORD_KINDS, for every kind', () => {
    // Every kind (the type check fails when a kind is added and not listed here).
    const kinds: Record<TokenKind, true> = { word: true, number: true, punct: true, emoji: true, url: true, email: true, phone: true, mention: true, hashtag: true, symbol: true };
    for (const kind of Object.keys(kinds) as TokenKind[]) {
      expect(countWords([{ text: 'x', start: 0, end: 1, kind, norm: 'x' }]), kind).toBe(WORD_KINDS.has(kind) ? 1 : 0);
    }
  });

  it.each([
    ["Je n'ai jamais reçu l'accueil que j'attendais", ['ne', 'jamais', 'recu', 'accueil', 'attendais']],
    ['Aucune réponse du SAV, pas de souci pour le reste', ['aucune', 'reponse', 'sav', 'pas', 'souci', 'reste']],
    ['jsuis trop déçu', ['trop', 'decu']],
    ['Bonjour, colis 12 reçu', ['colis', 'recu']],
  ])('contentKeywords(%s)', (input, keywords) => {
    expect(contentKeywords(tokenize(input))).toEqual(keywords);
  });
});
