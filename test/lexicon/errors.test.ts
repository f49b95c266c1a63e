import { describe, expect, it } from 'vitest';
import { composeLexicons, LexiconError, parseLexicon, safeParseLexicon, type LexiconIssue } from '../../src/lexicon/index.js';

function issuesOf(source: string, file = 'test.yml'): LexiconIssue[] {
  const result = safeParseLexicon(source, { file });
  if (result.success) throw new Error('expected the lexicon to be rejected');
  return result.issues;
}

const entry = (lines: string): string => `version: 1\nentries:\n${lines}`;

describe('lexicon errors carry file, line, column, entry id and hint', () => {
  it.each([
    [
      'unknown kind',
      entry('  - id: attente\n    kind: irritent\n    terms: [attente]\n'),
      { line: 4, column: 11, entryId: 'attente', message: /unknown kind "irritent"/, hint: /did you mean "irritant"/ },
    ],
    [
      'unknown field',
      entry('  - id: attente\n    kind: irritant\n    term: [attente]\n'),
      { line: 5, column: 5, entryId: 'attente', message: /unknown field "term"/, hint: /did you mean "terms"/ },
    ],
    [
      'missing id',
      entry('  - kind: theme\n    terms: [livraison]\n'),
      { line: 3, column: 5, entryId: undefined, message: /has no id/, hint: /add "id:/ },
    ],
    [
      'bad id',
      entry('  - id: Livraison Rapide\n    kind: theme\n'),
      { line: 3, column: 9, entryId: undefined, message: /bad id/, hint: /lowercase ascii/ },
    ],
    [
      'duplicate id',
      entry('  - id: livraison\n    kind: theme\n  - id: livraison\n    kind: theme\n'),
      { line: 5, column: 9, entryId: 'livraison', message: /duplicate id "livraison"/, hint: /line 3/ },
    ],
    [
      'concept without parent',
      entry('  - id: livraison.delai\n    kind: concept\n    terms: [délai]\n'),
      { line: 3, column: 5, entryId: 'livraison.delai', message: /has no parent/, hint: /parent:/ },
    ],
    [
      'empty term',
      entry('  - id: attente\n    kind: irritant\n    terms: ["attente", "  "]\n'),
      { line: 5, column: 24, entryId: 'attente', message: /non-empty|empty term/, hint: /./ },
    ],
    [
      'gap min > max',
      entry('  - id: attente\n    kind: irritant\n    terms:\n      - attendu {3,1} heure\n'),
      { line: 6, column: 9, entryId: 'attente', message: /min 3 is greater than max 1/, hint: /\{1,3\}/ },
    ],
    [
      'gap too wide',
      entry('  - id: attente\n    kind: irritant\n    terms:\n      - attendu {0,20} heure\n'),
      { line: 6, column: 9, entryId: 'attente', message: /too wide/, hint: /\{0,8\}/ },
    ],
    [
      'gap at start',
      entry('  - id: attente\n    kind: irritant\n    terms:\n      - "{0,2} attente"\n'),
      { line: 6, column: 9, entryId: 'attente', message: /at the start/, hint: /between two words/ },
    ],
    [
      'gap at end',
      entry('  - id: attente\n    kind: irritant\n    terms:\n      - attente {0,2}\n'),
      { line: 6, column: 9, entryId: 'attente', message: /at the end/, hint: /between two words/ },
    ],
    [
      'two gaps in a row',
      entry('  - id: attente\n    kind: irritant\n    terms:\n      - attente {0,2} {1,3} heure\n'),
      { line: 6, column: 9, entryId: 'attente', message: /two gaps in a row/, hint: /merge/ },
    ],
    [
      'gap glued to a word',
      entry('  - id: attente\n    kind: irritant\n    terms:\n      - attente{0,2} heure\n'),
      { line: 6, column: 9, entryId: 'attente', message: /bad gap syntax/, hint: /own position/ },
    ],
    [
      'glob too broad (*)',
      entry('  - id: attente\n    kind: irritant\n    terms: ["*"]\n'),
      { line: 5, column: 13, entryId: 'attente', message: /too broad/, hint: /at least 3 literal letters/ },
    ],
    [
      'glob too broad (a*)',
      entry('  - id: attente\n    kind: irritant\n    terms: [attente, a*]\n'),
      { line: 5, column: 22, entryId: 'attente', message: /glob "a\*" is too broad/, hint: /livr\*/ },
    ],
    [
      'stray apostrophe',
      entry("  - id: attente\n    kind: irritant\n    terms:\n      - pas d' attente\n"),
      { line: 6, column: 9, entryId: 'attente', message: /stray apostrophe/, hint: /between two letters/ },
    ],
    [
      'bad stage',
      entry('  - id: livraison\n    kind: theme\n    stage: après\n'),
      { line: 5, column: 12, entryId: 'livraison', message: /unknown stage "après"/, hint: /did you mean "apres"/ },
    ],
    [
      'terms in a patch',
      entry('  - id: livraison\n    terms: [colis]\n'),
      { line: 4, column: 5, entryId: 'livraison', message: /in a patch/, hint: /addTerms/ },
    ],
  ])('%s', (_name, source, expected) => {
    const issues = issuesOf(source);
    const issue = issues.find((i) => expected.message.test(i.message));
    expect(issue, JSON.stringify(issues, null, 1)).toBeDefined();
    expect(issue).toMatchObject({ file: 'test.yml', line: expected.line, column: expected.column });
    expect(issue?.entryId).toBe(expected.entryId);
    expect(issue?.hint).toMatch(expected.hint);
  });

  it('reports YAML syntax errors with their position', () => {
    const issues = issuesOf('version: 1\nentries:\n  - id: a\n   kind: theme\n  bad: [\n');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.message).toMatch(/YAML syntax error/);
    expect(issues[0]?.line).toBeGreaterThan(0);
  });

  it.each([
    ['a field of an entry', entry('  - id: a\n    kind: theme\n    kind: irritant\n'), 5, 5, 'kind'],
    ['an SMS form', 'version: 1\nsms:\n  bcp: beaucoup\n  stp: s il te plait\n  bcp: beaucoup trop\n', 5, 3, 'bcp'],
    ['a JSON key', '{\n  "version": 1,\n  "version": 2\n}\n', 3, 3, 'version'],
  ])('reports a key written twice (%s) at its second place', (_name, source, line, column, key) => {
    const issues = issuesOf(source);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'test.yml', line, column, path: '(syntax)' });
    expect(issues[0]?.message).toContain(`"${key}" appears twice`);
    expect(issues[0]?.hint).toMatch(/keep one/);
  });

  it('locates every problem of a big file', () => {
    const n = 3000;
    const lines = ['version: 1', 'entries:'];
    for (let i = 0; i < n; i += 1) lines.push(`  - id: e${i}`, '    kind: themee');
    const issues = issuesOf(lines.join('\n'));
    expect(issues).toHaveLength(n);
    expect(issues[n - 1]).toMatchObject({ line: 2 + 2 * n, column: 11 });
  });

  it('refuses an alias bomb with a LexiconError at the first alias, not a ReferenceError', () => {
    const levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h']] as const) {
      levels.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${prev}`).join(', ')}]`);
    }
    const source = `version: 1\n${levels.join('\n')}\nentries: []\n`;
    expect(() => parseLexicon(source, { file: 'bomb.yml' })).toThrow(LexiconError);
    expect(issuesOf(source, 'bomb.yml')).toEqual([
      expect.objectContaining({ file: 'bomb.yml', line: 3, column: 8, message: expect.stringMatching(/aliases expand to too many nodes/), hint: expect.stringMatching(/anchors/) }),
    ]);
  });

  // Checked before parsing: near the stack's end the parser's regular expressions abort the process (see test/cli/exits).
  it('refuses flow lists nested over 256 deep at the bracket that goes too deep, before parsing', () => {
    const deep = `version: 1\nentries: [${'['.repeat(300)}${']'.repeat(300)}]\n`;
    const [issue, ...more] = issuesOf(deep);
    expect(more).toEqual([]);
    expect(issue).toMatchObject({ line: 2, column: 10 + 256, path: '(syntax)', message: 'YAML syntax error: lists or mappings nested too deep to read' });
    const json = issuesOf(JSON.stringify({ version: 1, entries: [JSON.parse('['.repeat(400) + ']'.repeat(400))] }), 'deep.json');
    expect(json[0]).toMatchObject({ line: 1, column: '{"version":1,"entries":['.length + 255, message: 'JSON syntax error: lists or mappings nested too deep to read' });
  });

  it('counts no bracket inside a quoted scalar, and an apostrophe in a word opens no quote', () => {
    const brackets = '['.repeat(300);
    const source = entry(`  - id: attente\n    kind: irritant\n    label: "Délai ${brackets}"\n    terms: ['l''attente ${brackets}', l'attente, "x\\" ${brackets}"]\n`);
    const parsed = safeParseLexicon(source, { file: 'quotes.yml' });
    expect(parsed.success && parsed.lexicon.entries?.[0]?.terms).toEqual([`l'attente ${brackets}`, "l'attente", `x" ${brackets}`]);
  });

  it('counts no bracket inside a comment', () => {
    const source = entry(`  # ${'['.repeat(300)} old terms, kept for reference\n  - id: attente\n    kind: irritant\n    terms: [attente] # ${'{'.repeat(300)}\n`);
    const parsed = safeParseLexicon(source, { file: 'comments.yml' });
    expect(parsed.success && parsed.lexicon.entries?.[0]?.terms).toEqual(['attente']);
  });

  it.each([
    ['a comment', `# l'avis 'du client\nentries: [`],
    ['a block scalar', `notes: |\n  'open\n  "x\\\nentries: [`],
    ['a plain scalar', `notes: c'est 'bien\nentries: [`],
  ])('an apostrophe taken for a quote in %s hides no bracket of the lines after it', (_what, head) => {
    const [issue] = issuesOf(`version: 1\n${head}${'['.repeat(300)}${']'.repeat(301)}\n`);
    expect(issue).toMatchObject({ path: '(syntax)', message: 'YAML syntax error: lists or mappings nested too deep to read' });
  });

  it('locates problems in JSON sources too', () => {
    const json = '{\n  "version": 1,\n  "entries": [\n    { "id": "a", "kind": "theme", "terms": ["*"] }\n  ]\n}\n';
    const result = safeParseLexicon(json, { file: 'my.json', format: 'json' });
    expect(result.success).toBe(false);
    expect(result.issues[0]).toMatchObject({ file: 'my.json', line: 4, column: 45, entryId: 'a' });
  });

  it('collects every problem instead of stopping at the first', () => {
    const issues = issuesOf(
      entry('  - id: a\n    kind: themee\n  - id: b\n    kind: irritant\n    terms: ["x*", "{0,1} y"]\n  - kind: theme\n'),
    );
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/unknown kind/),
      expect.stringMatching(/too broad/),
      expect.stringMatching(/at the start/),
      expect.stringMatching(/has no id/),
    ]);
  });

  it('throws a LexiconError whose message lists every issue readably', () => {
    const run = () => parseLexicon(entry('  - id: a\n    kind: themee\n  - id: b\n    kind: theme\n    labell: B\n'), { file: 'x.yml' });
    expect(run).toThrow(LexiconError);
    try {
      run();
    } catch (err) {
      const e = err as LexiconError;
      expect(e.issues).toHaveLength(2);
      expect(e.message).toContain('x.yml:4:11 [a]: unknown kind "themee"');
      expect(e.message).toContain('x.yml:7:5 [b]: unknown field "labell"');
      expect(e.message).toContain('hint: did you mean "label"?');
    }
  });

  it('requires version 1', () => {
    expect(issuesOf('entries: []\n')[0]?.message).toMatch(/missing version/);
    expect(issuesOf('version: 2\n')[0]).toMatchObject({ line: 1, column: 10, message: expect.stringMatching(/unsupported version/) });
  });

  it('rejects API misuse with a TypeError', () => {
    expect(() => parseLexicon(42 as unknown as string)).toThrow(TypeError);
    expect(() => parseLexicon(42 as unknown as string)).toThrow(/verbatim-fr: expected/);
  });
});

describe('cross-layer errors point at the later layer', () => {
  const base = parseLexicon(
    entry('  - id: livraison\n    kind: theme\n    terms: [livraison]\n  - id: attente_excessive\n    kind: irritant\n    theme: livraison\n    terms: [attente]\n'),
    { file: 'base.yml' },
  );

  function composeIssues(source: string): LexiconIssue[] {
    const layer = parseLexicon(source, { file: 'user.yml' });
    try {
      composeLexicons([base, layer]);
    } catch (err) {
      if (err instanceof LexiconError) return err.issues;
      throw err;
    }
    throw new Error('expected composition to fail');
  }

  it.each([
    [
      'unknown parent',
      entry('  - id: livraison.delai\n    kind: concept\n    parent: livraisn\n    terms: [délai]\n'),
      { line: 5, column: 13, entryId: 'livraison.delai', message: /unknown parent "livraisn"/, hint: /did you mean "livraison"/ },
    ],
    [
      'unknown theme',
      entry('  - id: colis_abime\n    kind: irritant\n    theme: colis\n    terms: [abîmé]\n'),
      { line: 5, column: 12, entryId: 'colis_abime', message: /unknown theme "colis"/, hint: /known themes: livraison/ },
    ],
    [
      'theme that is not a theme',
      entry('  - id: colis_abime\n    kind: irritant\n    theme: attente_excessive\n    terms: [abîmé]\n'),
      { line: 5, column: 12, entryId: 'colis_abime', message: /is a irritant, not a theme/, hint: /./ },
    ],
    [
      'patch for an unknown id',
      entry('  - id: attente_excesive\n    addTerms: [poireauter]\n'),
      { line: 3, column: 9, entryId: 'attente_excesive', message: /patch for unknown id/, hint: /did you mean "attente_excessive"/ },
    ],
    [
      'negatedAs to an unknown id',
      entry('  - id: attente_excessive\n    negatedAs: rapidite\n'),
      { line: 4, column: 16, entryId: 'attente_excessive', message: /unknown negatedAs "rapidite"/, hint: /known ids/ },
    ],
    [
      'duplicate id across layers',
      entry('  - id: livraison\n    kind: theme\n    terms: [colis]\n'),
      { line: 3, column: 9, entryId: 'livraison', message: /duplicate id "livraison"/, hint: /base\.yml:3.*replace: true/ },
    ],
    [
      'removeTerms of a term that is not there',
      entry('  - id: attente_excessive\n    removeTerms: [atente]\n'),
      { line: 4, column: 19, entryId: 'attente_excessive', message: /not a term/, hint: /did you mean "attente"/ },
    ],
  ])('%s', (_name, source, expected) => {
    const issues = composeIssues(source);
    const issue = issues.find((i) => expected.message.test(i.message));
    expect(issue, JSON.stringify(issues, null, 1)).toBeDefined();
    expect(issue).toMatchObject({ file: 'user.yml', line: expected.line, column: expected.column, entryId: expected.entryId });
    expect(issue?.hint).toMatch(expected.hint);
  });
});
