// Dictionaries of other tools as lexicon layers (src/lexicon/import): what
// converts, what is warned about (at its line), what is refused (at its line).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import {
  analyze, composeLexicons, createAnalyzer, defaultLexicon, detectDictionary, importDictionary, LexiconError, parseLexicon,
  safeParseLexicon, stringifyLexicon,
} from '../../../src/index.js';
import type { ImportDictionaryOptions, LexiconDocument, LexiconEntryInput, LexiconIssue } from '../../../src/index.js';

const root = resolve(__dirname, '../../..');
const fixture = (name: string): string => readFileSync(join(root, 'test/fixtures/dictionaries', name), 'utf8');
const quanteda = fixture('relation-client.yml');
const liwc = fixture('relation-client.dic');
const csv = fixture('termes.csv');
const overDefault = composeLexicons(defaultLexicon());

const byId = (doc: LexiconDocument): Map<string, LexiconEntryInput> => new Map((doc.entries ?? []).map((e) => [e.id, e]));
/** Each warning as "line: start of the message". */
const lines = (warnings: LexiconIssue[]): string[] => warnings.map((w) => `${w.line}: ${w.message}`);

/** The issues of a refused import. */
function refused(text: string, options: ImportDictionaryOptions): LexiconIssue[] {
  try {
    importDictionary(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(LexiconError);
    return (error as LexiconError).issues;
  }
  throw new Error('the import was not refused');
}

/** The layer as written to a file loads, alone or over the default lexicon. */
function loads(doc: LexiconDocument, over: 'alone' | 'default'): void {
  const layer = parseLexicon(stringifyLexicon(doc, { comment: 'test' }), { file: 'imported.yml' });
  expect(layer).toEqual(doc);
  expect(() => composeLexicons(over === 'alone' ? [layer] : [...defaultLexicon(), layer])).not.toThrow();
}

describe('a quanteda YAML dictionary', () => {
  it('makes top-level keys themes and nested keys their concepts, deeper keys flattened', () => {
    const { lexicon, warnings, from } = importDictionary(quanteda, { file: 'relation-client.yml' });
    expect(from).toBe('quanteda');
    const entries = byId(lexicon);
    expect([...entries.values()].map((e) => [e.id, e.kind, e.parent ?? null])).toEqual([
      ['livraison', 'theme', null],
      ['livraison.delai', 'concept', 'livraison'],
      ['livraison.colis', 'concept', 'livraison'],
      ['livraison.transport.suivi', 'concept', 'livraison'],
      ['prix', 'theme', null],
      ['personnel', 'theme', null],
      ['personnel.accueil', 'concept', 'personnel'],
      ['personnel.attitude', 'concept', 'personnel'],
    ]);
    // Labels keep the names as written; globs, phrases and widened `?` become terms.
    expect(entries.get('livraison')?.label).toBe('Livraison');
    expect(entries.get('livraison.delai')).toMatchObject({ label: 'Délai', terms: ['livr* en retard', 'délai de livraison', 'toujours pas reçu'] });
    expect(entries.get('livraison.colis')?.terms).toEqual(['colis', 'carton*']);
    expect(entries.get('livraison.transport.suivi')?.label).toBe('transport › suivi');
    expect(entries.get('prix')?.terms).toEqual(['trop cher', 'tarif*']);
    expect(entries.get('personnel')?.terms).toBeUndefined();
    expect(lines(warnings)).toEqual([
      '3: category "Livraison" is not an id: written as "livraison"',
      '4: category "Délai" is not an id: written as "delai"',
      '10: "carton?": ? (exactly one character) has no equivalent; widened to * (any letters): "carton*"',
      '11: duplicate term "colis" in "colis" (first at line 9): kept once',
      '13: "Livraison › transport › suivi" is nested 3 levels deep: flattened into a concept of "Livraison"',
      '19: "^promo.*" looks like a regular expression (quanteda\'s valuetype "regex"): terms have no equivalent; left out',
      '28: glob "a*" in "a*" has fewer than 3 letters: too broad for verbatim-fr; left out',
    ]);
    expect(warnings.every((w) => w.file === 'relation-client.yml' && w.column > 0 && w.hint !== '')).toBe(true);
    loads(lexicon, 'alone');
  });

  it('over the default lexicon, extends the entries it already has (addTerms) and keeps the others', () => {
    const { lexicon, warnings } = importDictionary(quanteda, { over: overDefault });
    const entries = byId(lexicon);
    expect(entries.has('livraison')).toBe(false); // a key that only groups: the default theme is used as it is
    expect(entries.get('livraison.delai')).toEqual({ id: 'livraison.delai', addTerms: ['livr* en retard', 'délai de livraison', 'toujours pas reçu'] });
    expect(entries.get('prix')).toEqual({ id: 'prix', addTerms: ['trop cher', 'tarif*'] });
    expect(entries.get('livraison.colis')).toMatchObject({ kind: 'concept', parent: 'livraison' });
    expect(lines(warnings)).toContain('16: theme "prix" exists in the lexicons below (the default): the dictionary\'s words are added to it (addTerms)');
    loads(lexicon, 'default');
  });

  it.each([
    ['irritant', undefined, [['livraison', 'theme', undefined], ['livraison.delai', 'irritant', 'livraison'], ['prix', 'irritant', undefined], ['personnel.accueil', 'irritant', 'personnel']]],
    ['theme', undefined, [['livraison.delai', 'theme', undefined], ['prix', 'theme', undefined], ['personnel.attitude', 'theme', undefined]]],
    [undefined, 'relation', [['relation.livraison.delai', 'concept', 'relation'], ['relation.prix', 'concept', 'relation'], ['relation.personnel.attitude', 'concept', 'relation']]],
    ['enchantment', 'relation', [['livraison.delai', 'enchantment', 'relation'], ['prix', 'enchantment', 'relation']]],
  ] as const)('--kind %s --theme %s', (kind, theme, expected) => {
    const options: ImportDictionaryOptions = { ...(kind !== undefined ? { kind } : {}), ...(theme !== undefined ? { theme } : {}) };
    const { lexicon } = importDictionary(quanteda, options);
    const entries = byId(lexicon);
    for (const [id, k, ref] of expected) {
      const e = entries.get(id);
      expect(e?.kind, id).toBe(k);
      expect(k === 'concept' ? e?.parent : e?.theme, id).toBe(ref);
    }
    const relation: LexiconDocument = { version: 1, entries: [{ id: 'relation', kind: 'theme', label: 'Relation', terms: ['relation'] }] };
    expect(() => composeLexicons([parseLexicon(stringifyLexicon(relation)), parseLexicon(stringifyLexicon(lexicon))])).not.toThrow();
  });
});

describe('a LIWC .dic', () => {
  it('makes each category of the % block a theme; a word may sit in several; * stays a glob', () => {
    const { lexicon, warnings, from } = importDictionary(liwc, { file: 'relation-client.dic' });
    expect(from).toBe('liwc');
    const entries = byId(lexicon);
    expect([...entries.keys()]).toEqual(['livraison', 'prix', 'personnel', 'attente', 'negatif']);
    expect(entries.get('livraison')?.terms).toEqual(['livraison', 'livr*', 'colis']);
    expect(entries.get('prix')?.terms).toEqual(['cher', 'tarif*']);
    expect(entries.get('attente')?.terms).toEqual(['attente', 'des heures', 'attendu']);
    // "negatif (Ressenti négatif)": the name, then its label.
    expect(entries.get('negatif')).toMatchObject({ kind: 'theme', label: 'Ressenti négatif', terms: ['cher', 'attendu', 'déçu'] });
    expect(lines(warnings)).toEqual([
      '19: "déçu" is weighted: weights have no equivalent (a match counts once); the weight is dropped',
      '20: "remboursement": category 9 is not in the category list; ignored for this word',
      '21: "service" has a conditional category (LIWC2007\'s "<word>" or "(category)" forms): no equivalent; the word keeps its plain categories only',
      '22: duplicate term "colis" in "livraison" (first at line 10): kept once',
      '23: glob "a*" in "a*" has fewer than 3 letters: too broad for verbatim-fr; left out',
    ]);
    loads(lexicon, 'alone');
  });

  it('with --theme, its categories are concepts of that theme; over the default, the theme is checked', () => {
    const { lexicon } = importDictionary(liwc, { theme: 'livraison', over: overDefault });
    expect((lexicon.entries ?? []).map((e) => [e.id, e.kind, e.parent])).toEqual([
      ['livraison.livraison', 'concept', 'livraison'], ['livraison.prix', 'concept', 'livraison'], ['livraison.personnel', 'concept', 'livraison'],
      ['livraison.attente', 'concept', 'livraison'], ['livraison.negatif', 'concept', 'livraison'],
    ]);
    loads(lexicon, 'default');
    expect(refused(liwc, { theme: 'livrason', over: overDefault }).map((i) => `${i.message} / ${i.hint}`)).toEqual(['unknown theme "livrason" (--theme) / did you mean "livraison"?']);
  });

  it('reads words and categories separated by spaces, and CRLF line ends', () => {
    const { lexicon } = importDictionary('%\r\n1 livraison\r\n2 prix\r\n%\r\npoint relais 1\r\ntrop cher 2 1\r\n', { from: 'liwc' });
    expect(lexicon.entries).toEqual([
      { id: 'livraison', kind: 'theme', label: 'livraison', terms: ['point relais', 'trop cher'] },
      { id: 'prix', kind: 'theme', label: 'prix', terms: ['trop cher'] },
    ]);
  });
});

describe('a CSV of terms', () => {
  it('reads id;term;kind;theme with its header, one entry per id', () => {
    const { lexicon, warnings, from } = importDictionary(csv);
    expect(from).toBe('csv');
    expect(lexicon.entries).toEqual([
      { id: 'retard_livraison', kind: 'irritant', label: 'retard_livraison', theme: 'livraison', terms: ['livr* en retard', 'toujours pas reçu'] },
      { id: 'vendeur_aimable', kind: 'enchantment', label: 'vendeur_aimable', terms: ['vendeu* {0,3} aimable'] },
      { id: 'livraison_express', kind: 'concept', label: 'Livraison Express', parent: 'livraison', terms: ['livraison express'] },
    ]);
    expect(lines(warnings)).toEqual(['5: category "Livraison Express" is not an id: written as "livraison_express"']);
    expect(() => composeLexicons([...defaultLexicon(), parseLexicon(stringifyLexicon(importDictionary(csv, { over: overDefault }).lexicon))])).not.toThrow();
  });

  it.each([
    ['comma separated, no header', 'prix,trop cher\nprix,"cher, très cher"\n', [{ id: 'prix', kind: 'theme', label: 'prix', terms: ['trop cher', 'cher, très cher'] }]],
    ['header in another order, French names, with a label', 'Terme;Catégorie;Libellé\ncolis;livraison;Livraison\n', [{ id: 'livraison', kind: 'theme', label: 'Livraison', terms: ['colis'] }]],
    ['tab separated, --kind from the options', 'attente\tdes heures\n', [{ id: 'attente', kind: 'irritant', label: 'attente', terms: ['des heures'] }]],
  ])('%s', (_, text, entries) => {
    const kind = text.includes('\t') ? 'irritant' : undefined;
    expect(importDictionary(text, { from: 'csv', ...(kind ? { kind } : {}) }).lexicon.entries).toEqual(entries);
  });
});

describe('refused dictionaries say where and how to fix', () => {
  it.each([
    ['liwc', 'livraison\t1\n', '1:1 a LIWC .dic starts with a line holding only "%"'],
    ['liwc', '\n%\n1\tlivraison\nlivr*\t1\n', '2:1 the category list opened here is never closed'],
    ['liwc', '%\n1\tlivraison\nprix\n%\nlivr*\t1\n', '3:1 category line "prix" is not "number name"'],
    ['liwc', '%\n1\tlivraison\n1\tprix\n%\n', '3:1 category number 1 is listed twice (first at line 2)'],
    ['quanteda', 'livraison:\n  - colis\n  prix: [cher\n', '3:1 YAML syntax error'],
    ['quanteda', '- colis\n- livraison\n', '1:1 a quanteda dictionary is a mapping of keys to lists of words; this file is not one'],
    ['csv', 'id;term\nprix;\n', '2:6 row without a term'],
    ['csv', 'prix;trop cher;irritent\n', '1:16 unknown kind "irritent"'],
    ['csv', 'prix;trop {0,20} cher\n', '1:6 gap "{0,20}" in term "trop {0,20} cher" is too wide (max 8)'],
    ['csv', 'prix;cher\nprix;"trop cher\n', '2:1 a quoted cell opened on this line is never closed'],
    ['csv', 'retard;livré en retard;concept\n', '1:1 concept "retard" has no theme'],
  ] as const)('%s: %j', (from, text, expected) => {
    const issues = refused(text, { from, file: 'dico' });
    expect(issues.map((i) => `${i.line}:${i.column} ${i.message}`).some((s) => s.startsWith(expected)), JSON.stringify(issues)).toBe(true);
    expect(issues.every((i) => i.file === 'dico' && i.hint !== '')).toBe(true);
  });

  it('the error names the format and lists every problem', () => {
    expect(() => importDictionary('id;term\na;\nb;\n', { from: 'csv', file: 'x.csv' })).toThrow(/^verbatim-fr: cannot import the CSV of terms, 2 problems:\nx\.csv:2:3: row without a term/);
  });

  it('a theme named in the CSV is checked against the lexicons below', () => {
    expect(refused('retard;livré en retard;irritant;livrasion\n', { from: 'csv', over: overDefault }).map((i) => `${i.line} ${i.message} / ${i.hint}`))
      .toEqual(['1 unknown theme "livrasion" / did you mean "livraison"?']);
  });
});

describe('lexicon loaders recognise these dictionaries', () => {
  it.each([
    ['relation-client.dic', liwc, 'liwc', 'this looks like a LIWC .dic dictionary, not a verbatim-fr lexicon; convert it with `verbatim lexicon import relation-client.dic --from liwc --out relation-client.yml`'],
    ['dicos/relation-client.yml', quanteda, 'quanteda', 'this looks like a quanteda dictionary, not a verbatim-fr lexicon; convert it with `verbatim lexicon import relation-client.yml --from quanteda --out relation-client.lexicon.yml`'],
    ['termes.csv', csv, 'csv', 'this looks like a CSV of terms (id;term;kind;theme), not a verbatim-fr lexicon; convert it with `verbatim lexicon import termes.csv --from csv --out termes.yml`'],
  ])('%s', (file, text, format, message) => {
    expect(detectDictionary(text)).toBe(format);
    const result = safeParseLexicon(text, { file });
    expect(result.success).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ file, line: 1, column: 1, message })]);
  });

  it.each([
    ['a lexicon with a bad entry', 'version: 1\nentries:\n  - id: Prix\n    kind: theme\n'],
    ['a lexicon without its version', 'entries:\n  - id: prix\n    kind: theme\n    terms: [cher]\n'],
    ['an SMS table without its version', 'sms:\n  pk: pourquoi\n'],
    ['a YAML syntax error', 'version: 1\nentries: [\n'],
  ])('%s keeps its own errors', (_, text) => {
    expect(detectDictionary(text)).toBeUndefined();
    const result = safeParseLexicon(text);
    expect(result.issues?.some((i) => /this looks like/.test(i.message))).toBe(false);
  });
});

describe('imported layers tag the sample corpus', () => {
  // The first 300 verbatims of the sample: enough for every category, a third of the time.
  const rows = (parse(readFileSync(join(root, 'corpora/sample.csv')), { bom: true, delimiter: ';', columns: true }) as Array<{ id: string; commentaire: string }>).slice(0, 300);
  /** How many sample verbatims carry each concept and theme, with the imported layer alone. */
  function tag(doc: LexiconDocument): { concepts: Map<string, number>; themes: Map<string, number>; of: (id: string) => string[] } {
    const analyzer = createAnalyzer({ lexicons: [parseLexicon(stringifyLexicon(doc))], includeDefault: false, detectLanguage: false });
    const concepts = new Map<string, number>();
    const themes = new Map<string, number>();
    const byRow = new Map<string, string[]>();
    for (const row of rows) {
      const a = analyze({ id: row.id, text: row.commentaire }, analyzer);
      for (const c of a.concepts) concepts.set(c, (concepts.get(c) ?? 0) + 1);
      for (const t of a.themes) themes.set(t, (themes.get(t) ?? 0) + 1);
      byRow.set(row.id, [...a.themes, ...a.concepts]);
    }
    return { concepts, themes, of: (id) => byRow.get(id) ?? [] };
  }

  it('the quanteda dictionary: its concepts, and their themes through them', () => {
    const { concepts, themes, of } = tag(importDictionary(quanteda).lexicon);
    for (const id of ['livraison.delai', 'livraison.colis', 'livraison.transport.suivi', 'personnel.accueil', 'personnel.attitude']) expect(concepts.get(id) ?? 0, id).toBeGreaterThan(0);
    expect(themes.get('personnel')).toBeGreaterThanOrEqual(concepts.get('personnel.accueil') ?? Infinity);
    // "la vendeuse a pris le temps de me conseiller"
    expect(of('V0002')).toEqual(expect.arrayContaining(['personnel', 'personnel.accueil']));
  });

  it('the LIWC dictionary: its categories as themes', () => {
    const { themes } = tag(importDictionary(liwc).lexicon);
    for (const id of ['livraison', 'prix', 'personnel', 'attente', 'negatif']) expect(themes.get(id) ?? 0, id).toBeGreaterThan(0);
  });
});

describe('verbatim lexicon import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-import-'));
  const dictionaries = join(root, 'test/fixtures/dictionaries');

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const streams = { stdout: '', stderr: '' };
    const sink = (name: 'stdout' | 'stderr'): Writable => new Writable({ write(chunk, _e, done) { streams[name] += String(chunk); done(); } });
    const code = await main(args, { stdout: sink('stdout'), stderr: sink('stderr'), env: { CI: 'true', VERBATIM_LANG: 'en' } });
    return { code, ...streams };
  }

  it('writes a layer that lexicon check accepts, the warnings on stderr with their lines', async () => {
    const out = join(dir, 'liwc.yml');
    const r = await cli(['lexicon', 'import', join(dictionaries, 'relation-client.dic'), '--from', 'liwc', '--out', out, '--no-default-lexicon']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('relation-client.dic:19:1: "déçu" is weighted: weights have no equivalent');
    expect(r.stderr).toMatch(/imported relation-client\.dic \(liwc\): 5 themes, 14 terms → .*liwc\.yml; 5 warnings\n$/);
    const written = readFileSync(out, 'utf8');
    expect(written).toMatch(/^# Imported from relation-client\.dic \(liwc\) by `verbatim lexicon import`, to use without the default lexicon\.\n# 5 warnings of the import/);
    const check = await cli(['lexicon', 'check', out, '--no-default-lexicon']);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout).toMatch(/^ok: .*liwc\.yml — 5 theme\n$/);
  });

  it('writes to standard output without --out, and guesses the format', async () => {
    const r = await cli(['lexicon', 'import', join(dictionaries, 'termes.csv'), '--theme', 'livraison']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(csv)');
    expect(parseLexicon(r.stdout).entries?.map((e) => e.id)).toEqual(['retard_livraison', 'vendeur_aimable', 'livraison_express']);
  });

  it.each([
    [['lexicon', 'check'], 'relation-client.dic', /this looks like a LIWC \.dic dictionary, not a verbatim-fr lexicon; convert it with `verbatim lexicon import relation-client\.dic --from liwc --out relation-client\.yml`/],
    [['analyze', join(root, 'test/fixtures/cli/mini.csv'), '--no-default-lexicon', '--lexicon'], 'relation-client.yml', /this looks like a quanteda dictionary, not a verbatim-fr lexicon; convert it with `verbatim lexicon import relation-client\.yml --from quanteda/],
  ])('%j refuses a dictionary and says how to convert it', async (args, name, message) => {
    const r = await cli([...args, join(dictionaries, name)]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    ['a dictionary that cannot be read: its problems, exit 3', ['--from', 'liwc'], 'livraison\t1\n', 3, /cannot import the LIWC dictionary, 1 problem:\n.*bad\.dic:1:1: a LIWC \.dic starts with a line holding only "%"/],
    ['--theme with --kind theme: exit 2', ['--kind', 'theme', '--theme', 'livraison'], '%\n1\tprix\n%\ncher\t1\n', 2, /--theme does not apply to --kind theme/],
    ['a concept row whose theme the lexicons below lack', ['--no-default-lexicon'], 'retard;livré en retard;concept;livraison\n', 3, /bad\.dic:1:1: unknown theme "livraison"\n\s+hint: use a theme of the file or of the lexicons below\n/],
    ['an unknown --theme over the default lexicon', ['--theme', 'livrason'], '%\n1\tprix\n%\ncher\t1\n', 3, /bad\.dic \(options\.theme\): unknown theme "livrason" \(--theme\)\n\s+hint: did you mean "livraison"\?/],
  ])('%s', async (_, options, text, code, message) => {
    const file = join(dir, 'bad.dic');
    writeFileSync(file, text);
    const r = await cli(['lexicon', 'import', file, ...options, '--out', join(dir, 'bad.yml')]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});

describe('ids of a CSV', () => {
  it('a dotted id of the default lexicon is extended, whatever the kind it defaults to; a kind asked for keeps apart', () => {
    const text = 'livraison.delai;livré en retard\nprix;hors de prix;irritant\n';
    const { lexicon, warnings } = importDictionary(text, { from: 'csv', over: overDefault });
    expect(lexicon.entries).toEqual([
      { id: 'livraison.delai', addTerms: ['livré en retard'] },
      { id: 'prix_irritant', kind: 'irritant', label: 'prix', terms: ['hors de prix'] },
    ]);
    expect(lines(warnings)).toEqual([
      '1: concept "livraison.delai" exists in the lexicons below (the default): the dictionary\'s words are added to it (addTerms)',
      '2: "prix" is a theme in the lexicons below (the default): the irritant is written as "prix_irritant"',
    ]);
    loads(lexicon, 'default');
  });

  it('a format said wrongly: the hint names the one the file looks like', () => {
    expect(refused(liwc, { from: 'quanteda' })[0]?.hint).toMatch(/the file looks like a LIWC dictionary: try from liwc \(--from liwc\)$/);
  });
});
