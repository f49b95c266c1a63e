import { describe, expect, it } from 'vitest';
import { createAnalyzer, sectorLexicon, sectorNames } from '../../src/index.js';

describe('sector layers (plumbing)', () => {
  it('an unknown sector is a TypeError naming the known ones', () => {
    expect(() => createAnalyzer({ sectors: ['boulangerie'] })).toThrow(/unknown sector "boulangerie"; known sectors: /);
    expect(() => sectorLexicon('boulangerie')).toThrow(TypeError);
  });

  it('every shipped sector composes over the default lexicons', () => {
    for (const name of sectorNames()) {
      expect(() => createAnalyzer({ sectors: [name], detectLanguage: false }), name).not.toThrow();
      expect(sectorLexicon(name).version).toBe(1);
    }
  });
});
