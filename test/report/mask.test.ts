import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/report/index.js';

describe('maskPersonalData', () => {
  it.each([
    ['Écrivez-moi à claire.dubois+sav@exemple.fr svp', 'Écrivez-moi à [email] svp', 'email'],
    ['mon mail : Jean_Pierre-42@mail.example.com.', 'mon mail : [email].', 'email'],
    ['Rappelez-moi au 06 12 34 56 78 demain', 'Rappelez-moi au [téléphone] demain', 'phone'],
    ['tel 0612345678', 'tel [téléphone]', 'phone'],
    ['fixe : 01.23.45.67.89', 'fixe : [téléphone]', 'phone'],
    ['depuis l’étranger +33 6 12 34 56 78 !', 'depuis l’étranger [téléphone] !', 'phone'],
    ['ou +33 (0)1 23 45 67 89', 'ou [téléphone]', 'phone'],
    ['ou 0033612345678', 'ou [téléphone]', 'phone'],
    ['IBAN FR76 3000 6000 0112 3456 7890 189 merci', 'IBAN [iban] merci', 'iban'],
    ['iban fr7630006000011234567890189', 'iban [iban]', 'iban'],
    ['carte 4970 1012 3456 7890 débitée deux fois', 'carte [carte] débitée deux fois', 'card'],
    ['carte 4111111111111111 débitée', 'carte [carte] débitée', 'card'],
    ['commande CMD2024A881 jamais reçue', 'commande [référence] jamais reçue', 'reference'],
    ['dossier n° 123456 toujours ouvert', 'dossier n° [référence] toujours ouvert', 'reference'],
    ['contrat n°4512 résilié', 'contrat n°[référence] résilié', 'reference'],
    ['colis XB-778-412-FR perdu', 'colis [référence] perdu', 'reference'],
    ['Bonjour Madame Durand, merci', 'Bonjour Madame [nom], merci', 'name'],
    ['reçu par M. Le Goff ce matin', 'reçu par M. [nom] ce matin', 'name'],
  ])('%s', (input, expected, kind) => {
    const result = maskPersonalData(input);
    expect(result.text).toBe(expected);
    expect(result.replacements.map((r) => r.kind)).toEqual([kind]);
  });

  it.each([
    ['Livré le 12/03/2024 à 14h30 pour 12,50 €'],
    ['Attente de 45 minutes, 3 semaines de retard, 48h promis'],
    ['Code postal 75011, 2 colis sur 3'],
    ['Madame, Monsieur, je vous écris'],
    ['iPhone15 reçu rayé'],
  ])('leaves ordinary text alone: %s', (input) => {
    expect(maskPersonalData(input)).toEqual({ text: input, replacements: [], spans: [] });
  });

  it('a contiguous 16-digit number failing Luhn is a reference, not a card', () => {
    expect(maskPersonalData('n° 4111111111111112').text).toBe('n° [référence]');
  });

  it('masks "Madame Monsieur Durand" as one name after the second title', () => {
    expect(maskPersonalData('Madame Monsieur Durand').text).toBe('Madame Monsieur [nom]');
  });

  it('moves spans so they cover the same words in the masked text', () => {
    const text = 'Mail a.b@exemple.fr, attente interminable, tel 06 12 34 56 78, jamais rappelé.';
    const spans = [
      { start: text.indexOf('attente interminable'), end: text.indexOf('attente interminable') + 20, id: 'attente' },
      { start: text.indexOf('jamais rappelé'), end: text.indexOf('jamais rappelé') + 14, id: 'promesse' },
      { start: text.indexOf('06 12'), end: text.indexOf('06 12') + 5, id: 'inside' },
    ];
    const result = maskPersonalData(text, { spans });
    expect(result.text).toBe('Mail [email], attente interminable, tel [téléphone], jamais rappelé.');
    expect(result.spans.map((s) => [result.text.slice(s.start, s.end), s.id])).toEqual([
      ['attente interminable', 'attente'],
      ['jamais rappelé', 'promesse'],
      ['[téléphone]', 'inside'],
    ]);
    for (const r of result.replacements) {
      expect(result.text.slice(r.maskedStart, r.maskedEnd)).toMatch(/^\[.+\]$/);
    }
  });

  it('property: text outside masked spans is kept and spans around them still slice the same words', () => {
    const word = fc.constantFrom('attente', 'colis', 'très', 'aimable', 'SAV', '!', ',', 'reçu');
    const data = fc.constantFrom(
      'a.b@exemple.fr',
      '06 12 34 56 78',
      'FR76 3000 6000 0112 3456 7890 189',
      'CMD2024881',
      'Madame Durand',
      '+33 (0)6 12 34 56 78',
      '1 85 05 78 006 084 36',
      '12 bis rue des Lilas, 69003 Lyon',
      'lea.dubois arobase gmail point com',
      'Cordialement, Paul Gauthier',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(word, data), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        const spans: Array<{ start: number; end: number; word: string }> = [];
        let pos = 0;
        for (const p of parts) {
          if (/^[a-zà-ü]+$/.test(p)) spans.push({ start: pos, end: pos + p.length, word: p });
          pos += p.length + 1;
        }
        const result = maskPersonalData(text, { spans });
        for (const s of result.spans) expect(result.text.slice(s.start, s.end)).toBe(s.word);
        expect(result.text).not.toMatch(/@|06 12|3000 6000|CMD2024881|Durand|006 084|Lilas|arobase|Gauthier/);
      }),
      { numRuns: 500 },
    );
  });

  it('property: any span, inside, across or between masked data, moves as a scan of the replacements moves it', () => {
    // The reference: the replacements read in order, as remap did before it bisected.
    const reference = (replacements: ReturnType<typeof maskPersonalData>['replacements'], offset: number, side: 'start' | 'end'): number => {
      let delta = 0;
      for (const r of replacements) {
        if (offset <= r.start) break;
        if (offset < r.end) return side === 'start' ? r.maskedStart : r.maskedEnd;
        delta = r.maskedEnd - r.end;
      }
      return offset + delta;
    };
    const part = fc.constantFrom('colis', 'a.b@exemple.fr', '06 12 34 56 78', 'CMD2024881', 'Madame Durand', '!', 'x@y.fr', '01 23 45 67 89');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 20 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }), (parts, pairs) => {
        const text = parts.join(' ');
        const spans = pairs.map(([a, b]) => ({ start: Math.min(a, b) % (text.length + 1), end: Math.max(a, b) % (text.length + 1) }));
        const result = maskPersonalData(text, { spans });
        expect(result.spans).toEqual(spans.map((s) => ({ start: reference(result.replacements, s.start, 'start'), end: reference(result.replacements, s.end, 'end') })));
      }),
      { numRuns: 400 },
    );
  });

  it('property: prices, dates, quantities and durations next to personal data stay as they are', () => {
    const decoy = fc.constantFrom('12,90 €', '1 299 €', '45 balles', '12/03/2024', 'le 3 mars', '14h30', '3 x 2 L', '2x500g', '48 h', '24h/24', '15 %', '2024', 'iPhone 15', '3 semaines', '0,80 €/min', '06/12/2024');
    const word = fc.constantFrom('attente', 'colis', 'reçu', 'au', 'le', 'Madame,', 'merci', '!', ',');
    const data = fc.constantFrom('06 12 34 56 78', 'Mme Nguyen', 'commande 4821937', 'a.b@exemple.fr', '12 rue des Lilas', '1 85 05 78 006 084 36');
    fc.assert(
      fc.property(fc.array(fc.oneof(decoy, word, data), { maxLength: 10 }), (parts) => {
        const text = parts.join(' ');
        const result = maskPersonalData(text);
        let pos = 0;
        for (const p of parts) {
          const touched = result.replacements.some((r) => r.start < pos + p.length && r.end > pos);
          if (/\d/.test(p) && !/06 12|4821937|@|Lilas|006 084/.test(p)) expect({ decoy: p, touched }).toEqual({ decoy: p, touched: false });
          pos += p.length + 1;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finishes on pathological input (no catastrophic backtracking; speed is measured in bench/)', () => {
    // Long runs that almost match: a ReDoS-prone pattern or a quadratic walk would not return at this size.
    const inputs = [
      'a'.repeat(200_000),
      `${'a.'.repeat(50_000)}@`,
      '1 '.repeat(100_000),
      `FR76${' 1234'.repeat(50_000)}`,
      '0'.repeat(200_000),
      `${' '.repeat(200_000)}x`,
      `${'\u00a0'.repeat(200_000)}06`,
      `Madame ${'de '.repeat(60_000)}`,
      'Mme '.repeat(50_000),
      `Cordialement, ${'Abc '.repeat(50_000)}`,
      '12 rue '.repeat(30_000),
      `${'a point '.repeat(25_000)}at gmail point com`,
      'x at '.repeat(40_000),
      '+33 '.repeat(50_000),
      '12/03/'.repeat(30_000),
      'Jean Dupont\n'.repeat(15_000),
      'a[at]'.repeat(40_000),
      'commande '.repeat(20_000),
      '75011 Paris '.repeat(15_000),
      '0 '.repeat(100_000),
    ];
    for (const input of inputs) expect(typeof maskPersonalData(input).text).toBe('string');
  });

  it('rejects non-strings', () => {
    expect(() => maskPersonalData(42 as never)).toThrow(/expected text to be a string, got number/);
  });
});
