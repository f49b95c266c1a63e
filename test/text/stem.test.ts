import { describe, expect, it } from 'vitest';
import { stem } from '../../src/text/index.js';

describe('stem (French Porter, on folded keys)', () => {
  it.each([
    ['livraison', 'livraison'],
    ['livrer', 'livr'],
    ['livré', 'livr'],
    ['remboursement', 'rembours'],
    ['remboursé', 'rembours'],
    ['rembourser', 'rembours'],
    ['décevant', 'decev'],
    ['DÉCEVANT', 'decev'],
    ['decevant', 'decev'],
    ['attente', 'attent'],
    ['nul', 'nul'],
    ['', ''],
    ['je suis', 'je suis'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['rembourser', 'remboursement'],
    ['attends', 'attendait'],
    ['attente', 'attentes'],
    ['réponse', 'réponses'],
    ['répond', 'répondez'],
    ['rappeler', 'rappelé'],
    ['livraisons', 'livraison'],
    ['déçu', 'DECU'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  // Snowball is conservative: an infinitive in -re keeps its r; lexicons list both forms.
  it.each([
    ['attendre', 'attendu'],
    ['répondre', 'répondu'],
  ])('%s and %s do not share a stem', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it('is stable across repeated calls (memoised)', () => {
    const first = stem('conseillère');
    for (let i = 0; i < 3; i++) expect(stem('conseillère')).toBe(first);
  });
});
