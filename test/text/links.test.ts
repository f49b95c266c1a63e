import { describe, expect, it } from 'vitest';
import { only, texts } from './helpers.js';

describe('urls, emails, phones, mentions, hashtags', () => {
  it.each([
    ['https://www.exemple.fr/compte?id=42', 'url'],
    ['http://exemple.com', 'url'],
    ['www.exemple.fr', 'url'],
    ['exemple.fr', 'url'],
    ['mon-espace.exemple.com/aide', 'url'],
    ['1001pneus.fr', 'url'],
    ['jean.dupont@mail.fr', 'email'],
    ['jean-dupont@mail.fr', 'email'],
    ['JEAN_DUPONT+sav@exemple.co.uk', 'email'],
    ['06 12 34 56 78', 'phone'],
    ['06.12.34.56.78', 'phone'],
    ['06-12-34-56-78', 'phone'],
    ['0612345678', 'phone'],
    ['+33 6 12 34 56 78', 'phone'],
    ['+33612345678', 'phone'],
    ['+33 (0)6 12 34 56 78', 'phone'],
    ['0 800 00 00 00', 'phone'],
    ['0033 6 12 34 56 78', 'phone'],
    ['@SNCF', 'mention'],
    ['@service_client', 'mention'],
    ['#SAV', 'hashtag'],
    ['#JeSuisFurieux', 'hashtag'],
    ['#arnaque', 'hashtag'],
  ])('%s is one %s token', (input, kind) => {
    expect(only(input)).toMatchObject({ text: input, kind });
  });

  it.each([
    ['voir www.exemple.fr.', ['voir', 'www.exemple.fr', '.']],
    ['(https://exemple.fr/a)', ['(', 'https://exemple.fr/a', ')']],
    ['écrivez à sav@exemple.fr, merci', ['écrivez', 'à', 'sav@exemple.fr', ',', 'merci']],
    ["c'était bien.ca marche", ["c'", 'était', 'bien', '.', 'ca', 'marche']],
    ['le 01.02.2025 10h', ['le', '01.02.2025', '10h']],
    ['appelez le 06 12 34 56 78 svp', ['appelez', 'le', '06 12 34 56 78', 'svp']],
    ['# pas un tag', ['#', 'pas', 'un', 'tag']],
    ['@ toi', ['@', 'toi']],
  ])('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('gives keys for personal data that hide formatting', () => {
    expect(only('06 12 34 56 78').norm).toBe('0612345678');
    expect(only('+33 (0)6 12 34 56 78').norm).toBe('+33612345678');
    expect(only('Jean.Dupont@Mail.fr').norm).toBe('jean.dupont@mail.fr');
    expect(only('#Arnaque').norm).toBe('#arnaque');
  });
});
