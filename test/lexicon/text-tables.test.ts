// The text room holds no lexicon data: its functions take the SMS table and
// the stop-word edits as options. The package's functions and the analyser
// hand over the default lexicons' tables (lexicons/fr/sms.yml, stopwords.yml).
import { describe, expect, it } from 'vitest';
import * as pkg from '../../src/index.js';
import { defaultTextTables } from '../../src/lexicon/defaults.js';
import * as text from '../../src/text/index.js';

const norms = (tokens: readonly { norm: string }[]): string[] => tokens.map((t) => t.norm);

describe('text tables passed in as options', () => {
  it.each([
    ['pk tjrs', ['pk', 'tjrs'], ['pourquoi', 'toujours']],
    ['jsuis dsl', ['jsuis', 'dsl'], ['je suis', 'desole']],
  ])('the text room expands no SMS form of its own, the package does (%s)', (input, bare, expanded) => {
    expect(norms(text.tokenize(input))).toEqual(bare);
    expect(norms(pkg.tokenize(input))).toEqual(expanded);
    expect(norms(text.tokenize(input, { sms: defaultTextTables().sms }))).toEqual(expanded);
  });

  it.each([['bonjour'], ['cordialement'], ['svp'], ['ca']])('%s is a stop word of the default lexicons, not of the text room alone', (word) => {
    expect(text.isStopword(word)).toBe(false);
    expect(text.isStopword(word, defaultTextTables().stopwords)).toBe(true);
    expect(pkg.isStopword(word)).toBe(true);
    expect(pkg.stopwords().has(word)).toBe(true);
  });

  it('package options edit the default list; removals win', () => {
    expect(pkg.isStopword('franchement', { add: ['Franchement'] })).toBe(true);
    expect(pkg.isStopword('bonjour', { remove: ['bonjour'] })).toBe(false);
    expect(pkg.isStopword('bonjour', { add: ['bonjour'], remove: ['bonjour'] })).toBe(false);
    expect(pkg.contentKeywords(pkg.tokenize('Bonjour, colis reçu'))).toEqual(['colis', 'recu']);
    expect(text.contentKeywords(text.tokenize('Bonjour, colis reçu'))).toEqual(['bonjour', 'colis', 'recu']);
  });

  it('an analyser without the default layers keeps the default SMS forms and stop-word edits', () => {
    const lexicon = pkg.defineLexicon({ version: 1, entries: [{ id: 'retard', kind: 'theme', label: 'Retard', terms: ['pourquoi {0,3} toujours'] }] });
    const r = pkg.analyze({ id: '1', text: 'Bonjour pk tjrs rien' }, pkg.createAnalyzer({ includeDefault: false, detectLanguage: false, lexicons: [lexicon] }));
    expect(r.themes).toEqual(['retard']);
    expect(r.keywords).not.toContain('bonjour');
  });
});
