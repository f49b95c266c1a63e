import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyze, composeLexicons, createAnalyzer, defaultLexicon } from '../../src/index.js';
import { FR_LEXICON_SOURCES } from '../../src/data/fr.generated.js';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../schema/lexicon.schema.json', import.meta.url)), 'utf8'));

describe('default lexicons', () => {
  it('validate, compose and compile', () => {
    const layers = defaultLexicon();
    expect(layers.length).toBe(FR_LEXICON_SOURCES.length);
    expect(() => composeLexicons(layers)).not.toThrow();
    expect(() => createAnalyzer()).not.toThrow();
  });

  it('each entry has a label and a kind; concepts and irritants point at themes', () => {
    const lex = composeLexicons(defaultLexicon());
    const themes = new Set(lex.entries.filter((e) => e.kind === 'theme').map((e) => e.id));
    for (const e of lex.entries) {
      if (e.kind !== 'theme' && e.kind !== 'intent' && e.residual !== true) expect(themes.has(e.theme ?? ''), e.id).toBe(true);
    }
  });

  it('returns a fresh array each time', () => {
    const a = defaultLexicon();
    a.pop();
    expect(defaultLexicon().length).toBe(FR_LEXICON_SOURCES.length);
  });

  it('analyses a French verbatim end to end', () => {
    const r = analyze({ id: '1', text: "Pas d'attente, conseillère très aimable, je recommande !", channel: 'Avis Google' }, createAnalyzer());
    expect(r.channel).toBe('avis_en_ligne');
    expect(r.irritants).not.toContain('attente_excessive');
    expect(r.tonality).toBe('positif');
  });
});

describe('JSON Schema', () => {
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

  it('accepts the fixtures and the default lexicons', () => {
    const mini = parse(readFileSync(fileURLToPath(new URL('../fixtures/lexicon/mini.yml', import.meta.url)), 'utf8'));
    expect(validate(mini), JSON.stringify(validate.errors)).toBe(true);
    for (const { file, data } of FR_LEXICON_SOURCES) expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it.each([
    [{ version: 1, entries: [{ id: 'a', kind: 'irritent' }] }],
    [{ version: 1, entries: [{ id: 'a.b', kind: 'concept' }] }],
    [{ version: 1, entries: [{ id: 'a', kind: 'theme', term: ['x'] }] }],
    [{ version: 2 }],
    [{ version: 1, negation: { window: 20 } }],
  ])('rejects what the loader rejects: %j', (doc) => {
    expect(validate(doc)).toBe(false);
  });
});
