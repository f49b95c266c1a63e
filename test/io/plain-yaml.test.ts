// Large YAML lexicons are read as plain data by js-yaml (src/io/plain-yaml.ts),
// and taken from there only when valid: what that route gives must be what
// the `yaml` package gives for the same text, and every text it might read
// otherwise is left to `yaml`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { loadLexiconFiles } from '../../src/io/index.js';
import { laterEventLocator, PLAIN_YAML_FROM, plainYaml, readPlainJsonLexicon, readPlainYamlLexicon } from '../../src/io/plain-yaml.js';
import { laterLocator } from '../../src/lexicon/parse.js';
import type { PathSegment } from '../../src/lexicon/source.js';
import { composeLexicons, LexiconError, safeParseLexicon, type LexiconDocument } from '../../src/lexicon/index.js';

const dir = mkdtempSync(join(tmpdir(), 'vfr-plain-yaml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `yaml` reads from `text`, as the lexicon parser asks it (undefined: it reports errors). */
const yamlData = (text: string): unknown => {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  return doc.errors.length > 0 ? undefined : doc.toJS();
};

const lexicon = {
  version: 1,
  entries: [
    { id: 'livraison', kind: 'theme', label: 'Livraison', terms: ['livraison', 'colis|paquet', 'stem:livrer'] },
    { id: 'retard', kind: 'irritant', theme: 'livraison', label: 'Retard « annoncé »', terms: ['en retard', 'toujours pas {0,3} reçu'], exclude: ["salle d'attente"] },
  ],
  sentiment: { words: { 'au top': 2, nul: -2 } },
  sms: { slt: 'salut', jsp: 'je sais pas' },
};

/** Pieces of text that YAML gives a meaning to, or that look like other scalars. */
const piece = fc.constantFrom('a', 'é', 'colis', ' ', '"', "'", '#', ':', '-', '\\', '\n', '\t', 'null', '~', 'true', 'Yes', '1', '1e5', '0x1F', '0o7', '.5', '1_000', '<<', '%', '&x', '*x', '!t', '[', ']', '{', '}', ',', '?', '|', '>', '😀', '\u00a0', '{0,2}');
const text = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const entry = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'c.d', 'Bad Id'),
    kind: fc.constantFrom('theme', 'irritant', 'concept', 'enchantment', 'nope'),
    label: text,
    theme: fc.constantFrom('a', 'b'),
    terms: fc.array(fc.oneof(text, scalar), { maxLength: 4 }),
    weight: scalar,
  },
  { requiredKeys: ['id', 'kind'] },
);
const lexiconShaped = fc.record(
  {
    version: fc.oneof(fc.constant(1), scalar),
    entries: fc.array(entry, { maxLength: 4 }),
    sms: fc.dictionary(text, fc.oneof(text, scalar), { maxKeys: 3 }),
    sentiment: fc.record({ words: fc.dictionary(text, fc.oneof(fc.integer({ min: -3, max: 3 }), scalar), { maxKeys: 3 }) }),
  },
  { requiredKeys: ['version'] },
);
const style = fc.record({
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN'>,
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE') as fc.Arbitrary<null>,
  collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any'>,
  lineWidth: fc.constantFrom(0, 20, 80),
  crlf: fc.boolean(),
});

describe('a large YAML lexicon read as plain data', () => {
  it('reads what the yaml package reads, or leaves the text to it (property)', async () => {
    await fc.assert(
      fc.asyncProperty(lexiconShaped, style, async (data, { crlf, ...options }) => {
        let source = stringify(data, options);
        if (crlf) source = source.replace(/\n/g, '\r\n');
        const plain = await plainYaml(source);
        if (plain !== undefined) expect(plain).toEqual(yamlData(source));
        const fast = await readPlainYamlLexicon(source, 'l.yml');
        const full = safeParseLexicon(source, { file: 'l.yml' });
        // Taken from this route, the same lexicon, or the same problems at the same places.
        if (fast !== undefined) expect(full).toEqual(fast.lexicon !== undefined ? { success: true, lexicon: fast.lexicon, issues: [] } : { success: false, issues: fast.issues });
      }),
      { numRuns: 400 },
    );
  });

  it('places problems where the yaml package places them, in every style (property)', async () => {
    let placed = 0;
    let left = 0;
    await fc.assert(
      fc.asyncProperty(lexiconShaped, style, async (data, { crlf, ...options }) => {
        let source = stringify(data, options);
        if (crlf) source = source.replace(/\n/g, '\r\n');
        const fast = await readPlainYamlLexicon(source, 'l.yml');
        if (fast === undefined && (await plainYaml(source)) !== undefined) left += 1;
        if (fast === undefined || fast.lexicon !== undefined) return;
        placed += 1;
        expect(fast.issues.length).toBeGreaterThan(0);
        expect(fast.issues).toEqual(safeParseLexicon(source, { file: 'l.yml' }).issues);
      }),
      { numRuns: 400 },
    );
    // The generator makes mostly invalid lexicons: most of those read here are placed here (block scalars are left).
    expect(placed).toBeGreaterThan(100);
    expect(placed).toBeGreaterThan(left);
  });

  it('reads a valid lexicon, and gives it as the full parser does', async () => {
    for (const source of [stringify(lexicon), `# à la main\n${stringify(lexicon)}`, stringify(lexicon, { collectionStyle: 'flow' }), stringify(lexicon, { defaultStringType: 'QUOTE_DOUBLE' })]) {
      const fast = await readPlainYamlLexicon(source, 'l.yml');
      expect(fast).toEqual({ lexicon, issues: [] });
      expect(safeParseLexicon(source, { file: 'l.yml' })).toEqual({ success: true, lexicon: fast?.lexicon, issues: [] });
    }
  });

  it.each([
    ['a key written twice', 'version: 1\nentries: []\nentries: []\n'],
    ['an alias', 'version: 1\nentries:\n  - &e { id: a, kind: theme, label: A, terms: [x] }\n  - *e\n'],
    ['a merge key', 'version: 1\nbase: &b { kind: theme }\nentries:\n  - { <<: *b, id: a, label: A, terms: [x] }\n'],
    ['a merge key without an alias', 'version: 1\nentries:\n  - { <<: { kind: theme }, id: a, label: A, terms: [x] }\n'],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\nversion: 1\nentries:\n  - { id: a, kind: theme, label: A, terms: [yes] }\n'],
    ['a number past the largest double', 'version: 1\nentries:\n  - { id: a, kind: theme, label: A, terms: [1e400] }\n'],
    ['an integer past the largest double', `version: 1\nentries:\n  - { id: a, kind: theme, label: A, terms: [${'9'.repeat(400)}] }\n`],
    ['a hexadecimal number past the largest double', `version: 1\nsms: { k: 0x${'f'.repeat(300)} }\nentries: []\n`],
    ['a key past the largest double', 'version: 1\nsms: { -1e999: moins }\nentries: []\n'],
    // Quoted, it is a string for both; but the data cannot tell it from a plain one.
    ['a quoted number past the largest double', 'version: 1\nsms: { "1e400": grand }\nentries: []\n'],
    ['a null key', 'version: 1\nsms: { ~: rien }\nentries: []\n'],
    ['two documents', 'version: 1\nentries: []\n---\nversion: 1\n'],
    ['a syntax error', 'version: 1\nentries: [\n'],
    ['nothing', ''],
    ['an unknown tag', 'version: 1\nentries: !liste []\n'],
    ['a standard tag', 'version: 1\nentries:\n  - { id: a, kind: theme, label: A, terms: [!!float 1] }\n'],
  ])('leaves %s to the yaml package', async (_what, source) => {
    expect(await plainYaml(source)).toBeUndefined();
  });

  it('reads numbers within range, and numbers written as strings', async () => {
    const source = 'version: 1\nsms: { "1e5": cent, k: 1e300, h: 0x1F, o: 0o17, big: 123456789012345678901234567890, "-12": moins }\nentries: []\n';
    expect(await plainYaml(source)).toEqual(yamlData(source));
    expect(yamlData(source)).toMatchObject({ sms: { '1e5': 'cent', k: 1e300, h: 31, o: 15 } });
  });

  it('places every path of the data, at its key or not, where the yaml package does (property)', async () => {
    const js = await import('js-yaml');
    /** Every path into `data`, and one past each (a path that goes nowhere stops at its nearest ancestor). */
    const pathsOf = (data: unknown, at: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] => {
      out.push(at, [...at, 'absent'], [...at, 7]);
      if (Array.isArray(data)) data.forEach((v, i) => pathsOf(v, [...at, i], out));
      else if (data !== null && typeof data === 'object') for (const [k, v] of Object.entries(data)) pathsOf(v, [...at, k], out);
      return out;
    };
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(lexiconShaped, style, async (data, { crlf, ...options }) => {
        let source = stringify(data, options);
        if (crlf) source = source.replace(/\n/g, '\r\n');
        const read = await plainYaml(source);
        if (read === undefined) return;
        const events = laterEventLocator(js, source);
        const full = laterLocator(source);
        for (const path of pathsOf(read)) {
          for (const atKey of [false, true]) expect([path, events(path, atKey)]).toEqual([path, full(path, atKey)]);
          compared += 1;
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it('reads and places a JSON lexicon as the full parser does (property)', async () => {
    let placed = 0;
    await fc.assert(
      fc.asyncProperty(lexiconShaped, fc.constantFrom(0, 1, 2), async (data, indent) => {
        const source = JSON.stringify(data, null, indent);
        const fast = await readPlainJsonLexicon(source, 'l.json');
        const full = safeParseLexicon(source, { file: 'l.json' });
        if (fast === undefined) return;
        if (fast.lexicon === undefined) placed += 1;
        expect(full).toEqual(fast.lexicon !== undefined ? { success: true, lexicon: fast.lexicon, issues: [] } : { success: false, issues: fast.issues });
      }),
      { numRuns: 300 },
    );
    expect(placed).toBeGreaterThan(100);
  });

  it('leaves to the full parser a JSON text that repeats a key, or is not strict JSON', async () => {
    expect(await readPlainJsonLexicon('{ "version": 1, "entries": [], "entries": [] }', 'l.json')).toBeUndefined();
    expect(await readPlainJsonLexicon('{ "version": 1, "entries": [], }', 'l.json')).toBeUndefined();
  });

  it('places a lexicon’s problems as the full parser does', async () => {
    const source = stringify({ ...lexicon, entries: [...lexicon.entries, { id: 'x', kind: 'theme', label: 'X', terms: ['a*'] }, { id: 'y', kind: 'irritent', label: 'Y', terms: ['b'] }] });
    const fast = await readPlainYamlLexicon(source, 'l.yml');
    expect(fast?.lexicon).toBeUndefined();
    const lines = source.split('\n');
    expect(fast?.issues.map((i) => [i.entryId, lines[i.line - 1]?.slice(i.column - 1)])).toEqual([
      ['x', 'a*'],
      ['y', 'irritent'],
    ]);
    expect(fast?.issues).toEqual(safeParseLexicon(source, { file: 'l.yml' }).issues);
  });

  it.each([
    ['an anchor', 'version: 1\nentries:\n  - &e { id: a, kind: nope, label: A, terms: [x] }\n'],
    ['a block scalar on the problem’s path', 'version: 1\nentries:\n  - id: a\n    kind: |\n      nope\n    label: A\n    terms: [x]\n'],
    ['a key the core schema reads as a number', 'version: 1\nsms: { 0x1F: 3 }\nentries: []\n'],
    ['a lone carriage return', 'version: 1\rentries:\r  - { id: a, kind: nope, label: A, terms: [x] }\r'],
  ])('leaves the problems of a text with %s to the yaml package', async (_what, source) => {
    expect(await readPlainYamlLexicon(source, 'l.yml')).toBeUndefined();
  });
});

describe('lexicon files from PLAIN_YAML_FROM on', () => {
  /** A lexicon file past the size where this route is taken, with `extra` as its last entry's terms. */
  const bigFile = (name: string, lastTerms: string[]): string => {
    const entries = [];
    for (let i = 0; entries.length === 0 || JSON.stringify(entries).length < PLAIN_YAML_FROM; i++) {
      entries.push({ id: `e${i}`, kind: 'theme', label: `Entrée ${i}`, terms: [`mot${i}`, `mot${i} suivant|autre${i}`, `stem:livrer${i}`] });
    }
    entries.push({ id: 'last', kind: 'theme', label: 'Dernière', terms: lastTerms });
    const file = join(dir, name);
    writeFileSync(file, stringify({ version: 1, entries }));
    return file;
  };

  it('reads a large valid file as the full parser reads it', async () => {
    const file = bigFile('big.yml', ['colis abîmé']);
    const [fast] = await loadLexiconFiles([file]);
    const source = (await import('node:fs')).readFileSync(file, 'utf8');
    expect(source.length).toBeGreaterThanOrEqual(PLAIN_YAML_FROM);
    const full = safeParseLexicon(source, { file });
    expect(full.success && full.lexicon).toEqual(fast);
  });

  it('names the line and column of a problem found while composing, as the full parser does', async () => {
    const file = bigFile('compose.yml', ['colis abîmé']);
    const fs = await import('node:fs');
    // The last entry names a theme no layer has: a problem of the composition, not of the file.
    const source = fs.readFileSync(file, 'utf8').replace(/(id: last\n\s+kind: )theme/, '$1irritant\n    theme: absent');
    fs.writeFileSync(file, source);
    const [fast] = await loadLexiconFiles([file]);
    const full = safeParseLexicon(source, { file });
    const issuesOf = (doc: unknown) => {
      try {
        composeLexicons([doc as LexiconDocument]);
      } catch (error) {
        return (error as LexiconError).issues;
      }
      return [];
    };
    const issues = issuesOf(fast);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file, entryId: 'last' });
    expect(source.split('\n')[(issues[0]?.line ?? 0) - 1]).toContain('theme: absent');
    expect(issues).toEqual(issuesOf(full.success ? full.lexicon : undefined));
  });

  it('says that a large quanteda dictionary is one, as the full parser does', async () => {
    const categories: Record<string, string[]> = {};
    for (let i = 0; JSON.stringify(categories).length < PLAIN_YAML_FROM; i++) categories[`Catégorie ${i}`] = Array.from({ length: 20 }, (_, j) => `mot${i}x${j}*`);
    const file = join(dir, 'quanteda.yml');
    const source = stringify(categories);
    writeFileSync(file, source);
    const error = await loadLexiconFiles([file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as LexiconError).issues).toEqual(safeParseLexicon(source, { file }).issues);
    expect((error as LexiconError).issues).toMatchObject([{ line: 1, column: 1, path: '(root)', code: 'foreign_dictionary' }]);
  });

  it('names the line and column of a problem in a large JSON file', async () => {
    const entries = [];
    for (let i = 0; JSON.stringify(entries).length < PLAIN_YAML_FROM; i++) entries.push({ id: `e${i}`, kind: 'theme', label: `Entrée ${i}`, terms: [`mot${i}`] });
    entries.push({ id: 'last', kind: 'irritent', label: 'Dernière', terms: ['x'] });
    const file = join(dir, 'bad.json');
    const source = JSON.stringify({ version: 1, entries }, null, 1);
    writeFileSync(file, source);
    const error = await loadLexiconFiles([file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LexiconError);
    const issues = (error as LexiconError).issues;
    expect(issues).toMatchObject([{ file, entryId: 'last' }]);
    expect(source.split('\n')[(issues[0]?.line ?? 0) - 1]?.slice((issues[0]?.column ?? 0) - 1)).toBe('"kind": "irritent",'.slice(8));
    expect(issues).toEqual(safeParseLexicon(source, { file }).issues);
  });

  it('names the line and column of a problem in a large file', async () => {
    const file = bigFile('bad.yml', ['a*']);
    const error = await loadLexiconFiles([file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LexiconError);
    const issue = (error as LexiconError).issues[0];
    const lines = (await import('node:fs')).readFileSync(file, 'utf8').split('\n');
    expect(issue).toMatchObject({ file, entryId: 'last' });
    expect(lines[(issue?.line ?? 0) - 1]).toContain('a*');
  });
});
