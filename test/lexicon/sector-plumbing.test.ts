import { describe, expect, it } from 'vitest';
import { composeLexicons, createAnalyzer, evaluate, findSector, parseGoldJsonl, sectorLexicon, sectorNames, suggestSectors } from '../../src/index.js';
import { defaultLexicon } from '../../src/lexicon/defaults.js';

describe('sector layers (plumbing)', () => {
  it('an unknown sector is a TypeError naming the known ones', () => {
    expect(() => createAnalyzer({ sectors: ['boulangerie'] })).toThrow(/unknown sector "boulangerie"; known sectors: /);
    expect(() => sectorLexicon('boulangerie')).toThrow(TypeError);
  });

  it('every shipped sector composes over the default lexicons, and all of them compile', () => {
    // Composing checks each layer against the default (ids, references, conflicts) in milliseconds;
    // one analyser with every layer compiles every sector term (an analyser per layer took 11 compiles).
    for (const name of sectorNames()) {
      expect(() => composeLexicons([...defaultLexicon(), sectorLexicon(name)]), name).not.toThrow();
      expect(sectorLexicon(name).version).toBe(1);
    }
    const all = createAnalyzer({ sectors: sectorNames(), detectLanguage: false });
    const terms = new Set(all.lexicon.entries.flatMap((e) => e.terms));
    for (const name of sectorNames()) {
      const own = (sectorLexicon(name).entries ?? []).flatMap((e) => [...(e.addTerms ?? []), ...(e.kind !== undefined ? (e.terms ?? []) : [])]);
      expect(own.length, name).toBeGreaterThan(0);
      expect(own.every((t) => terms.has(t)), name).toBe(true);
    }
  });
});

describe('findSector and evaluation per sector', () => {
  it.each([
    ['banque', 'banque'],
    ['Banque', 'banque'],
    ['transport_rail_air', 'transport'],
    ['ecommerce_alimentaire', 'alimentaire'],
    ['services_publics', 'services-publics'],
    ['pharmacie_optique', 'pharmacie-optique'],
    ['boulangerie', undefined],
    ['', undefined],
  ])('%j → %j', (value, sector) => {
    expect(findSector(value)).toBe(sector);
  });

  it('evaluate analyses each gold verbatim with the analyser analyzerFor gives it', () => {
    const plain = createAnalyzer({ detectLanguage: false });
    const withLayer = createAnalyzer({ detectLanguage: false, sectors: ['telecom'] });
    const gold = parseGoldJsonl(
      [
        JSON.stringify({ id: 'a', sector: 'telecom', text: 'La box redémarre toute seule dix fois par jour depuis la mise à jour.', themes: ['produit'], irritants: ['produit_defectueux'], enchantements: [], intentions: [], tonalite: 'negatif' }),
        JSON.stringify({ id: 'b', text: 'Colis jamais reçu.', themes: ['livraison'], irritants: ['retard_livraison'], enchantements: [], intentions: [], tonalite: 'negatif' }),
      ].join('\n'),
      'gold.jsonl',
    );
    expect(gold[0]?.sector).toBe('telecom');
    const seen: string[] = [];
    evaluate(gold, plain, {
      analyzerFor: (g) => {
        seen.push(`${g.id}:${g.sector ?? '-'}`);
        return g.sector !== undefined ? withLayer : plain;
      },
    });
    expect(seen).toEqual(['a:telecom', 'b:-']);
  });
});

describe('suggestSectors', () => {
  it('names the sector whose own terms a corpus uses, and none for plain retail', () => {
    const bank = [
      'Encore des agios alors que mon découvert autorisé couvrait le prélèvement.',
      'Commission d\'intervention de 8 € facturée trois fois le même mois.',
      'Ma carte bancaire a été avalée par le distributeur de l\'agence.',
      'Le virement vers mon livret est bloqué depuis lundi.',
      'Frais de tenue de compte en hausse sans prévenir.',
    ];
    const [first] = suggestSectors(bank);
    expect(first?.sector).toBe('banque');
    expect(first?.share).toBeGreaterThanOrEqual(0.4);
    const retail = ['Colis reçu en deux jours, merci.', 'Vendeuse très aimable en magasin.', 'Produit conforme à la description.'];
    expect(suggestSectors(retail, { minShare: 0.2, sectors: ['assurance', 'banque', 'telecom'] })).toEqual([]);
    expect(suggestSectors([])).toEqual([]);
    expect(() => suggestSectors(bank, { sample: 0 })).toThrow(TypeError);
    expect(() => suggestSectors(bank, { sectors: ['boulangerie'] })).toThrow(/unknown sector "boulangerie".*banque/);
  });
});
