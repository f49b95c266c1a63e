import { describe, expect, it } from 'vitest';
import { analyze, analyzeVerbatim, createAnalyzer } from '../../src/index.js';
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

// Analyses are read by every section of the report and written out row by row: they keep one set of keys in one
// order whatever they carry (a residual label, a date, a score, a transcript's exchanges, a brand's message).
describe('the shape of an analysis', () => {
  const plain = createAnalyzer();
  const transcript = 'Client : bonjour, ma commande est en retard\nConseiller : je regarde cela\nClient : merci';
  const analyses = [
    analyzeVerbatim({ id: '1', text: 'Très bon accueil, merci' }, plain),
    analyzeVerbatim({ id: '2', text: 'Nul, vraiment décevant', date: '2025-03-01', score: 1 }, plain),
    analyzeVerbatim({ id: '3', text: transcript, channel: 'chat', meta: { agence: 'Lyon' } }, plain),
    analyzeVerbatim({ id: '4', text: 'Nous sommes désolés, envoyez-nous un MP avec votre numéro de commande ^JD' }, plain),
    analyzeVerbatim({ id: '5', text: 'Réponse du service client', author: 'agent' }, plain),
  ];

  it('covers a residual label, a date and score, a transcript and brand messages', () => {
    expect(analyses[1]?.residual).toBeDefined();
    expect(analyses[1]?.score).toBe(1);
    expect(analyses[2]?.exchanges).toBeGreaterThan(0);
    expect(analyses[3]?.author).toBe('agent');
    expect(analyses[4]?.author).toBe('agent');
  });

  it('has the same keys in the same order for every verbatim', () => {
    expect(new Set(analyses.map((a) => Object.keys(a).join(','))).size).toBe(1);
  });

  it('leaves what does not apply out of JSON, the other keys in their order', () => {
    const json = (i: number) => Object.keys(JSON.parse(JSON.stringify(analyses[i])));
    expect(json(0)).not.toContain('residual');
    expect(json(0)).not.toContain('date');
    expect(json(1).slice(-4)).toEqual(['sentiment', 'residual', 'date', 'score']);
    expect(json(2).slice(-3)).toEqual(['sentiment', 'meta', 'exchanges']);
    expect(json(3).slice(-2)).toEqual(['sentiment', 'author']);
  });
});
