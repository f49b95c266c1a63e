import { describe, expect, it } from 'vitest';
import { only, shapes, texts } from './helpers.js';

describe('emoji are one token each', () => {
  it.each([
    ['👍'],
    ['👍🏽'],
    ['😡'],
    ['❤️'],
    ['❤'],
    ['👨‍👩‍👧‍👦'],
    ['👩🏾‍💻'],
    ['🏳️‍🌈'],
    ['🇫🇷'],
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ['1️⃣'],
    ['#️⃣'],
    ['*️⃣'],
    ['🤷‍♀️'],
    [':)'],
    [':-('],
    [";)"],
    [':D'],
    ["<3"],
    ['^^'],
  ])('%s', (input) => {
    expect(only(input)).toMatchObject({ text: input, kind: 'emoji' });
  });

  it.each([
    ['bravo 👏👏👏', ['bravo', '👏', '👏', '👏']],
    ['nul😡', ['nul', '😡']],
    ['🇫🇷🇧🇪', ['🇫🇷', '🇧🇪']],
    ['super :) merci', ['super', ':)', 'merci']],
    ['note:Dupont', ['note', ':', 'Dupont']],
  ])('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('ignores the variation selector in the norm', () => {
    expect(shapes('❤️')).toEqual(['❤️|emoji|❤']);
  });
});
