// JSON lexicons are read by JSON.parse, and located by the YAML parser only
// when they have a problem (src/lexicon/parse.ts): what they give must be
// what the YAML parser gives for the same text (JSON is YAML 1.2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeLexicons, safeParseLexicon } from '../../src/lexicon/index.js';
import { readJson, repeatsKey } from '../../src/lexicon/parse.js';

/**
 * The same JSON read by JSON.parse first, and by the YAML parser alone: a comment after it (YAML, not JSON) leaves the
 * text's lines and columns as they are, and sends it to the YAML parser.
 */
const bothWays = (text: string) => [safeParseLexicon(text, { file: 'l.json', format: 'json' }), safeParseLexicon(`${text}\n# not JSON`, { file: 'l.json', format: 'json' })] as const;

const lexicon = {
  version: 1,
  entries: [
    { id: 'livraison', kind: 'theme', label: 'Livraison', terms: ['livraison', 'colis|paquet', 'stem:livrer'] },
    { id: 'retard', kind: 'irritant', theme: 'livraison', label: 'Retard « annoncé »', terms: ['en retard', 'toujours pas {0,3} reçu'], exclude: ["salle d'attente"] },
  ],
};

describe('a JSON lexicon', () => {
  it('reads as the YAML parser reads the same text, and composes the same', () => {
    for (const text of [JSON.stringify(lexicon), JSON.stringify(lexicon, null, 2)]) {
      const [json, yaml] = bothWays(text);
      expect(json.success && yaml.success).toBe(true);
      expect(json).toEqual(yaml);
      if (json.success && yaml.success) expect(composeLexicons([json.lexicon])).toEqual(composeLexicons([yaml.lexicon]));
    }
  });

  it('names a problem at its line and column', () => {
    const text = JSON.stringify({ ...lexicon, entries: [...lexicon.entries, { id: 'x', kind: 'theme', label: 'X', terms: ['a*'] }] }, null, 2);
    const [json, yaml] = bothWays(text);
    expect(json.success).toBe(false);
    expect(json.issues).toEqual(yaml.issues);
    expect(json.issues[0]).toMatchObject({ file: 'l.json', entryId: 'x', message: expect.stringMatching(/too broad/) });
    expect(json.issues[0]?.line).toBe(text.split('\n').findIndex((l) => l.includes('"a*"')) + 1);
  });

  it.each([
    ['a key twice', '{"version": 1, "entries": [], "entries": []}'],
    ['a key twice in an entry', '{"version": 1, "entries": [{"id": "a", "kind": "theme", "terms": ["x"], "terms" : ["y"]}]}'],
    ['a key twice, once with an escape', '{"version": 1, "entries": [{"id": "a", "kind": "theme", "terms": ["x"], "\\u0074erms": ["y"]}]}'],
  ])('refuses %s, as the YAML parser does', (_what, text) => {
    const [json, yaml] = bothWays(text);
    expect(json.success).toBe(false);
    expect(json.issues).toEqual(yaml.issues);
    expect(json.issues[0]?.message).toMatch(/duplicate|twice|dupli/i);
  });

  it('takes keys in strings, escaped quotes and brackets for text, not for keys', () => {
    const text = JSON.stringify({ version: 1, entries: [{ id: 'a', kind: 'theme', label: 'terms: "{[x]}" \\" terms', terms: ['terms', 'x {0,2} y'] }] });
    const [json, yaml] = bothWays(text);
    expect(json.success).toBe(true);
    expect(json).toEqual(yaml);
  });

  it('that is not strict JSON (a comment) is still read, by the YAML parser', () => {
    const text = `# made by hand\n${JSON.stringify(lexicon, null, 2)}\n`;
    const [json, yaml] = bothWays(text);
    expect(json.success).toBe(true);
    expect(json).toEqual(yaml);
  });

  it('reads any lexicon-shaped data as the YAML parser does (property)', () => {
    const word = fc.constantFrom('colis', 'livraison', 'retard', 'a*', '{0,2}', "l'attente", 'x"y', '', 'é\\u00e9', 'stem:livrer');
    const entryOf = fc.record(
      {
        id: fc.constantFrom('a', 'b', 'c.d', 'Bad Id'),
        kind: fc.constantFrom('theme', 'irritant', 'concept', 'nope'),
        label: fc.string({ maxLength: 6 }),
        terms: fc.array(fc.oneof(word, fc.array(word, { maxLength: 3 }).map((w) => w.join(' '))), { maxLength: 4 }),
        extra: fc.string({ maxLength: 3 }),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(fc.array(entryOf, { maxLength: 4 }), fc.boolean(), (entries, pretty) => {
        const text = JSON.stringify({ version: 1, entries }, null, pretty ? 2 : undefined);
        const [json, yaml] = bothWays(text);
        expect(json).toEqual(yaml);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the JSON route', () => {
  it('reads strict JSON itself, and leaves the rest to the YAML parser', () => {
    expect(readJson(JSON.stringify(lexicon), 'l.json')?.doc).toEqual(lexicon);
    expect(readJson(`# hand made\n${JSON.stringify(lexicon)}`, 'l.json')).toBeUndefined();
    expect(readJson('{"version": 1, "entries": [], "entries": []}', 'l.json')).toBeUndefined();
  });

  it('finds a repeated key in any object, whatever the strings hold (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ':', ',', ' ', 'é') , maxLength: 6 });
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(text, tie('v'), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(value, fc.boolean(), (v, pretty) => {
        const json = JSON.stringify({ k: v }, null, pretty ? 1 : undefined);
        // JSON.stringify writes each key once: no repeat.
        expect(repeatsKey(json)).toBe(false);
        // The same object with its first key written twice.
        expect(repeatsKey(json.replace('{', pretty ? '{\n "k": 0,' : '{"k":0,'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
