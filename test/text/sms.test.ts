import { describe, expect, it } from 'vitest';
import { foldKey, tokenize } from '../../src/index.js';
import { only } from './helpers.js';

describe('SMS forms expand through lexicons/fr/sms.yml', () => {
  it.each([
    ['pk', 'pourquoi'],
    ['PK', 'pourquoi'],
    ['pq', 'pourquoi'],
    ['tjrs', 'toujours'],
    ['bcp', 'beaucoup'],
    ['jsuis', 'je suis'],
    ['rdv', 'rendez-vous'],
    ['dsl', 'desole'],
    ['qd', 'quand'],
    ['qnd', 'quand'],
    ['ds', 'dans'],
    ['pr', 'pour'],
    ['tt', 'tout'],
    ['tte', 'toute'],
    ['ts', 'tous'],
    ['mm', 'meme'],
    ['vrmt', 'vraiment'],
    ['jms', 'jamais'],
    ['ac', 'avec'],
    ['avc', 'avec'],
    ['msg', 'message'],
    ['tél', 'telephone'],
    ['qqn', "quelqu'un"],
    ['auj', "aujourd'hui"],
    ['ya', 'il y a'],
    ["y'a", 'il y a'],
    ['c', 'ce est'],
    ['tjrsss', 'toujours'],
  ])('%s → %s', (input, norm) => {
    expect(only(input).norm).toBe(norm);
  });

  it.each([
    ['sav', 'sav'],
    ['SAV', 'sav'],
    ['svp', 'svp'],
    ['stp', 'stp'],
    ['tel', 'tel'],
    ['C', 'c'],
    ['B', 'b'],
    ['vs', 'vs'],
  ])('%s stays %s', (input, norm) => {
    expect(only(input).norm).toBe(norm);
  });

  it.each([
    ['Pk', 'pourquoi'],
    ['TJRS', 'toujours'],
    ['G', 'g'],
    ['g', 'je ai'],
    ['Bcp', 'beaucoup'],
    ['PKKK', 'pourquoi'],
    ['Tél', 'telephone'],
    ['TÉL', 'telephone'],
  ])('case and accents: %s → %s', (input, norm) => {
    expect(only(input).norm).toBe(norm);
  });

  it('expands in context and keeps the written text', () => {
    const tokens = tokenize('pk vous répondez jms ?');
    expect(tokens.map((t) => t.norm)).toEqual(['pourquoi', 'vous', 'repondez', 'jamais', '?']);
    expect(tokens[0]?.text).toBe('pk');
  });

  it('options.sms replaces the default table; {} turns it off', () => {
    expect(tokenize('pk tjrs', { sms: { pk: 'pourquoi donc' } }).map((t) => t.norm)).toEqual(['pourquoi donc', 'tjrs']);
    expect(tokenize('pk tjrs', { sms: {} }).map((t) => t.norm)).toEqual(['pk', 'tjrs']);
    expect(tokenize('POURKOA', { sms: { pourkoa: 'pourquoi' } }).map((t) => t.norm)).toEqual(['pourquoi']);
  });
});

describe('caps, accents and stretching', () => {
  it.each([
    ['NUL', 'nul'],
    ['DÉÇU', 'decu'],
    ['Très', 'tres'],
    ['nuuuul', 'nul'],
    ['NUUUUL', 'nul'],
    ['trooop', 'trop'],
    ['loooongue', 'longue'],
    ['attente', 'attente'],
    ['carrosse', 'carrosse'],
    ['cool', 'cool'],
    ['œuvre', 'oeuvre'],
    ['cœur', 'coeur'],
    ['ex æquo', 'ex aequo'],
    ['ÇA', 'ca'],
    ['garçon', 'garcon'],
    ['naïf', 'naif'],
    ['ser\u00ADvice', 'service'],
    ['e\u0301te\u0301', 'ete'],
    ['ÉÉÉNORME', 'enorme'],
  ])('%s → %s', (input, norm) => {
    expect(tokenize(input).map((t) => t.norm).join(' ')).toBe(norm);
  });

  it.each([
    ['Décevant', 'decevant'],
    ['l’été', "l'ete"],
    ['peut‑être', 'peut-etre'],
    ['sooooo', 'so'],
    ['', ''],
    ['pk', 'pk'],
  ])('foldKey(%s) = %s (no SMS or elision tables)', (input, key) => {
    expect(foldKey(input)).toBe(key);
  });
});
