import { describe, expect, it } from 'vitest';
import { shapes, texts } from './helpers.js';

describe('hyphenated compounds stay whole', () => {
  it.each([
    ['rendez-vous', 'rendez-vous'],
    ['Rendez-Vous', 'rendez-vous'],
    ['peut-être', 'peut-etre'],
    ['ras-le-bol', 'ras-le-bol'],
    ['après-vente', 'apres-vente'],
    ['service-client', 'service-client'],
    ['celle-là', 'celle-la'],
    ['celle-la', 'celle-la'],
    ['moi-même', 'moi-meme'],
    ['est-ce', 'est-ce'],
    ['rez-de-chaussée', 'rez-de-chaussee'],
    ['porte‑monnaie', 'porte-monnaie'],
    ['sur-le-champ', 'sur-le-champ'],
    ['vis-à-vis', 'vis-a-vis'],
  ])('%s', (input, norm) => {
    expect(shapes(input)).toEqual([`${input}|word|${norm}`]);
  });

  it("c'est-à-dire is one word (a discourse marker, the key of the SMS form cad)", () => {
    expect(shapes("c'est-à-dire")).toEqual(["c'est-à-dire|word|c'est-a-dire"]);
    expect(shapes('cad')).toEqual(["cad|word|c'est-a-dire"]);
  });
});

describe('inverted pronouns split off', () => {
  it.each([
    ['pouvez-vous', ['pouvez|word|pouvez', '-vous|word|vous']],
    ['Pouvez-vous', ['Pouvez|word|pouvez', '-vous|word|vous']],
    ['a-t-il', ['a|word|a', '-t-il|word|il']],
    ['va-t-elle', ['va|word|va', '-t-elle|word|elle']],
    ['a-t-on', ['a|word|a', '-t-on|word|on']],
    ['dis-moi', ['dis|word|dis', '-moi|word|moi']],
    ['excusez-moi', ['excusez|word|excusez', '-moi|word|moi']],
    ['allez-y', ['allez|word|allez', '-y|word|y']],
    ['donnez-en', ['donnez|word|donnez', '-en|word|en']],
    ['donnez-le-moi', ['donnez|word|donnez', '-le|word|le', '-moi|word|moi']],
    ['dites-leur', ['dites|word|dites', '-leur|word|leur']],
    ['puis-je', ['puis|word|puis', '-je|word|je']],
    ['sais-tu', ['sais|word|sais', '-tu|word|tu']],
    ['sont-ils', ['sont|word|sont', '-ils|word|ils']],
    ['peut-on', ['peut|word|peut', '-on|word|on']],
    ['rappelez-nous', ['rappelez|word|rappelez', '-nous|word|nous']],
    ['prenez-les', ['prenez|word|prenez', '-les|word|les']],
    ['calmez-vous', ['calmez|word|calmez', '-vous|word|vous']],
    ['POUVEZ-VOUS', ['POUVEZ|word|pouvez', '-VOUS|word|vous']],
  ])('%s', (input, expected) => {
    expect(shapes(input)).toEqual(expected);
  });

  it.each([
    ["qu'en pensez-vous", ["qu'", 'en', 'pensez', '-vous']],
    ["s'est-il", ["s'", 'est', '-il']],
    ["l'a-t-il", ["l'", 'a', '-t-il']],
    ["y a-t-il quelqu'un", ['y', 'a', '-t-il', "quelqu'un"]],
    ["Qu'est-ce qu'on attend", ["Qu'", 'est-ce', "qu'", 'on', 'attend']],
    ["s'il-vous-plaît", ["s'", 'il-vous-plaît']],
  ])('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});
