import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/index.js';

describe('normalize', () => {
  it.each([
    ['l’accueil', "l'accueil"],
    ['lʼaccueil', "l'accueil"],
    ['l`accueil', "l'accueil"],
    ['l´accueil', "l'accueil"],
    ['« super »', '" super "'],
    ['“nul”', '"nul"'],
    ['bon – mais — non ‑ oui', 'bon - mais - non - oui'],
    ['12\u00A0€', '12 €'],
    ['1\u202F250', '1 250'],
    ['a\u2003b', 'a b'],
    ['a\u200Bb', 'ab'],
    ['ser\u00ADvice', 'service'],
    ['\uFEFFbonjour', 'bonjour'],
    ['a\u0007b', 'ab'],
    ['ligne 1\nligne 2\tcol', 'ligne 1\nligne 2\tcol'],
    ['ligne 1\r\nligne 2\rligne 3', 'ligne 1\nligne 2\nligne 3'],
    ['e\u0301te\u0301', 'été'],
    ['e\u200B\u0301', 'é'],
    ['👨‍👩‍👧', '👨‍👩‍👧'],
    ['a\u200Db', 'ab'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});
