import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../src/index.js';
import { createNegationConfig } from '../../src/analyze/negation.js';
import { miniAnalyzer } from './helpers.js';

// Matches are read in the analysis' and the report's hot loops: they keep one
// set of keys in one order whatever they hold (a theme or not, a misspelling or
// not, a match implied by numbers), so that V8 keeps its optimised code for them.
const analyzer = createAnalyzer({ keepCancelled: true });
const texts = [
  'Livré au bout de 3 semaines, colis abîmé',
  "J'ai passé ma comande il y a dix jours, toujours rien",
  'Conseillère très aimable, merci pour le geste commercial',
  'The parcel arrived late and nobody answered my emails',
  "pas d'attente au guichet, rien à redire",
  'Prix passé de 30 à 45 € sans prévenir',
];

describe('the shape of a match', () => {
  const all = texts.flatMap((text) => analyze(text, analyzer).matches);

  it('covers themed, theme-less, misspelt and implied matches in both languages', () => {
    expect(all.some((m) => m.theme !== undefined)).toBe(true);
    expect(all.some((m) => m.fuzzy === true)).toBe(true);
    expect(all.some((m) => m.term.startsWith('implied:'))).toBe(true);
    expect(analyze(texts[3] as string, analyzer).language).toBe('eng');
  });

  it('has the same keys in the same order for every counted match', () => {
    const keys = new Set(all.map((m) => Object.keys(m).join(',')));
    expect([...keys]).toEqual(['id,kind,term,tokenStart,tokenEnd,start,end,text,negated,theme,fuzzy']);
  });

  it('leaves an absent theme or misspelling out of JSON, the other keys in order', () => {
    const plain = all.find((m) => m.fuzzy === undefined) as object;
    expect(Object.keys(JSON.parse(JSON.stringify(plain)))).not.toContain('fuzzy');
    const fuzzy = all.find((m) => m.fuzzy === true);
    expect(JSON.stringify(fuzzy)).toMatch(/"negated":(true|false),("theme":"[^"]+",)?"fuzzy":true\}$/);
  });

  it('marks only a cancelled match with `cancelled`', () => {
    const { matches, allMatches = [] } = analyze('Pas de souci, merci, mais une attente interminable', miniAnalyzer({ keepCancelled: true }));
    expect(matches.length).toBeGreaterThan(0);
    expect(allMatches.some((m) => 'cancelled' in m)).toBe(true);
    expect(matches.every((m) => !('cancelled' in m))).toBe(true);
  });
});

describe('the shape of a negation config', () => {
  it('is the same with or without inner negators of its own', () => {
    const section = { negators: ['pas'], window: 3, breaks: [',', 'par contre'] };
    const keysOf = (phrase: string) => phrase.split(' ');
    const french = createNegationConfig(section, keysOf);
    const other = createNegationConfig(section, keysOf, new Set(['not']));
    expect(Object.keys(french)).toEqual(Object.keys(other));
    expect(french.innerNegators?.has('pas')).toBe(true);
    expect(other.innerNegators?.has('not')).toBe(true);
  });
});
