// The French negators are written once in code (src/text/negators.ts); every list
// that needs them derives from it, and the default lexicons' list contains it.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { composeLexicons, foldKey, isStopword } from '../../src/index.js';
import { NEGATION_WORDS } from '../../src/text/stopwords.js';
import { DEFAULT_NEGATORS } from '../../src/lexicon/compose.js';
import { DEFAULT_IGNORED_WORDS } from '../../src/report/finalize.js';
import { FRENCH_NEGATORS, frenchNegatorsExcept } from '../../src/text/negators.js';

describe('FRENCH_NEGATORS', () => {
  it('are folded keys', () => {
    for (const word of FRENCH_NEGATORS) expect(foldKey(word)).toBe(word);
  });

  it('are all in the default lexicons’ negation list (lexicons/fr/negation.yml), which may say more', () => {
    const yml = parse(readFileSync(new URL('../../lexicons/fr/negation.yml', import.meta.url), 'utf8')) as { negation: { negators: string[] } };
    const lexicon = new Set(yml.negation.negators.map((w) => foldKey(w)));
    expect(FRENCH_NEGATORS.filter((w) => !lexicon.has(w))).toEqual([]);
  });

  it('are what every other list derives from', () => {
    expect(DEFAULT_NEGATORS).toEqual(FRENCH_NEGATORS);
    expect([...NEGATION_WORDS].sort()).toEqual([...FRENCH_NEGATORS, "n'"].sort());
    expect([...DEFAULT_IGNORED_WORDS].sort()).toEqual([...FRENCH_NEGATORS, 'n'].sort());
  });

  it.each(FRENCH_NEGATORS)('%s is never a stop word', (word) => {
    expect(isStopword(word)).toBe(false);
  });
});

describe('the fallback of a lexicon with no negation section', () => {
  it('is the code list, copied: changing one lexicon’s list changes no other', () => {
    const a = composeLexicons([]);
    expect(a.negation.negators).toEqual([...FRENCH_NEGATORS]);
    a.negation.negators.push('nullement');
    expect(composeLexicons([]).negation.negators).toEqual([...FRENCH_NEGATORS]);
    expect(FRENCH_NEGATORS).not.toContain('nullement');
  });
});

describe('frenchNegatorsExcept', () => {
  it.each([
    [[], FRENCH_NEGATORS],
    [['plus', 'personne'], ['ne', 'pas', 'jamais', 'aucun', 'aucune', 'rien', 'sans', 'ni', 'guere']],
    [['guere'], ['ne', 'pas', 'plus', 'jamais', 'aucun', 'aucune', 'rien', 'personne', 'sans', 'ni']],
  ] as const)('less %j', (left, expected) => {
    expect([...frenchNegatorsExcept(...left)]).toEqual([...expected]);
  });
});
