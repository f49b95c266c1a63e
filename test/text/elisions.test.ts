import { describe, expect, it } from 'vitest';
import { shapes, texts } from './helpers.js';

describe('elisions', () => {
  it.each([
    ["l'accueil", ["l'|word|le", 'accueil|word|accueil']],
    ['l’accueil', ['l’|word|le', 'accueil|word|accueil']],
    ['lʼattente', ['lʼ|word|le', 'attente|word|attente']],
    ["L'ACCUEIL", ["L'|word|le", 'ACCUEIL|word|accueil']],
    ["d'attente", ["d'|word|de", 'attente|word|attente']],
    ["j'ai", ["j'|word|je", 'ai|word|ai']],
    ["J’AI", ["J’|word|je", 'AI|word|ai']],
    ["n'est", ["n'|word|ne", 'est|word|est']],
    ["qu'on", ["qu'|word|que", 'on|word|on']],
    ["Qu’en", ["Qu’|word|que", 'en|word|en']],
    ["s'est", ["s'|word|se", 'est|word|est']],
    ["s'il", ["s'|word|si", 'il|word|il']],
    ["s'ils", ["s'|word|si", 'ils|word|ils']],
    ["s'inquiète", ["s'|word|se", 'inquiète|word|inquiete']],
    ["c'était", ["c'|word|ce", 'était|word|etait']],
    ["c'etait", ["c'|word|ce", 'etait|word|etait']],
    ["m'a", ["m'|word|me", 'a|word|a']],
    ["t'as", ["t'|word|te", 'as|word|as']],
    ["jusqu'à", ["jusqu'|word|jusque", 'à|word|a']],
    ["lorsqu'il", ["lorsqu'|word|lorsque", 'il|word|il']],
    ["puisqu'elle", ["puisqu'|word|puisque", 'elle|word|elle']],
    ["quoiqu'on", ["quoiqu'|word|quoique", 'on|word|on']],
    ["l'après-vente", ["l'|word|le", 'après-vente|word|apres-vente']],
    ["d'aujourd'hui", ["d'|word|de", "aujourd'hui|word|aujourd'hui"]],
    ["qu'aujourd'hui", ["qu'|word|que", "aujourd'hui|word|aujourd'hui"]],
    ["l' accueil", ["l'|word|le", 'accueil|word|accueil']],
    ["l`accueil", ['l`|word|le', 'accueil|word|accueil']],
    ["l'A380", ["l'|word|le", 'A380|number|a380']],
  ])('%s', (input, expected) => {
    expect(shapes(input)).toEqual(expected);
  });

  it.each([
    ["aujourd'hui"],
    ['aujourd’hui'],
    ["prud'hommes"],
    ["presqu'île"],
    ["quelqu'un"],
    ["quelqu’une"],
    ["entr'ouvert"],
  ])('%s stays one word', (input) => {
    expect(texts(input)).toEqual([input]);
  });

  it('restores elisions from the table, never by stripping apostrophes', () => {
    expect(shapes("l'attente")).not.toContain('lattente|word|lattente');
    expect(shapes("o'neill")).toEqual(["o'neill|word|o'neill"]);
  });

  it('jai without apostrophe is one word (the SMS table expands it)', () => {
    expect(shapes('jai attendu')).toEqual(['jai|word|je ai', 'attendu|word|attendu']);
  });

  it('keeps offsets into the original with curly apostrophes', () => {
    const input = 'Franchement l’attente d’une heure…';
    expect(texts(input)).toEqual(['Franchement', 'l’', 'attente', 'd’', 'une', 'heure', '…']);
  });
});
