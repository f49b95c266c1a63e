import { describe, expect, it } from 'vitest';
import { only, shapes } from './helpers.js';

describe('numbers, dates, times, ordinals', () => {
  it.each([
    ['12', '12'],
    ['12,50', '12,50'],
    ['12.50', '12.50'],
    ['1 250', '1250'],
    ['1\u00A0250', '1250'],
    ['1\u202F250', '1250'],
    ['12 000,50', '12000,50'],
    ['1 250 000', '1250000'],
    ['48h', '48h'],
    ['3e', '3e'],
    ['1er', '1er'],
    ['2ème', '2eme'],
    ['2EME', '2eme'],
    ['12/03', '12/03'],
    ['12/03/2025', '12/03/2025'],
    ['12.03.2025', '12.03.2025'],
    ['2025-03-12', '2025-03-12'],
    ['10h42', '10h42'],
    ['10:42', '10:42'],
    ['3-4', '3-4'],
    ['1,5kg', '1,5kg'],
    ['n°123456', 'n°123456'],
    ['N° 12345', 'n°12345'],
    ['nº42', 'n°42'],
    ['#A-123', '#a-123'],
    ['#123', '#123'],
    ['CMD-2024-0042', 'cmd-2024-0042'],
    ['FR7630001007941234567890185', 'fr7630001007941234567890185'],
    ['A-12', 'a-12'],
  ])('%s is one number', (input, norm) => {
    expect(only(input)).toEqual({ text: input, kind: 'number', norm });
  });

  it.each([
    ['12,50 €', ['12,50|number|12,50', '€|symbol|€']],
    ['12€', ['12|number|12', '€|symbol|€']],
    ['€12', ['€|symbol|€', '12|number|12']],
    ['12 euros', ['12|number|12', 'euros|word|euros']],
    ['15%', ['15|number|15', '%|symbol|%']],
    ['1 250,00 €', ['1 250,00|number|1250,00', '€|symbol|€']],
    ['$20', ['$|symbol|$', '20|number|20']],
  ])('price or percentage %s: the sign is its own symbol', (input, expected) => {
    expect(shapes(input)).toEqual(expected);
  });

  it.each([
    // groups of three digits only: "12 3" is two numbers
    ['12 3', ['12', '3']],
    ['en 2025 150 clients', ['en', '2025', '150', 'clients']],
    ['3 fois', ['3', 'fois']],
    ['attendu 45 min.', ['attendu', '45', 'min', '.']],
    ['payé 12.', ['payé', '12', '.']],
    ['le 12/03.', ['le', '12/03', '.']],
    ['mp3', ['mp3']],
    ['covid19', ['covid19']],
    ['4G', ['4G']],
    ['N°', ['N', '°']],
  ])('%s', (input, expected) => {
    expect(shapes(input).map((s) => s.split('|')[0])).toEqual(expected);
  });

  it('letter-led words with fewer than three digits stay words', () => {
    expect(only('mp3').kind).toBe('word');
    expect(only('A4').kind).toBe('word');
    expect(only('CMD123').kind).toBe('number');
  });
});
