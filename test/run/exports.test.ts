// Tidy data out and exports read as they are: --export dfm|spans|iramuteq,
// --annotate-text, provenance, the columns said on stderr, --text a+b, and
// rejects numbered as a spreadsheet shows them. In-process runs of the CLI.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze/index.js';
import { main } from '../../src/cli/main.js';
import { renderReport } from '../../src/report/index.js';
import { analyzeFiles } from '../../src/run/analyze-files.js';
import { stringifyRunState } from '../../src/run/state-file.js';
import { mapColumns } from '../../src/io/columns.js';
import { checkGroupColumn, dfmFeatures, iramuteqText, iramuteqToken, lemmaOfKeyword } from '../../src/run/exports.js';
import { LIBRARY_VERSION } from '../../src/run/version.js';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(tty = false): { stream: Writable & { isTTY?: boolean }; text(): string } {
  let text = '';
  const stream: Writable & { isTTY?: boolean } = new Writable({
    write(chunk, _encoding, callback) {
      text += String(chunk);
      callback();
    },
  });
  if (tty) stream.isTTY = true;
  return { stream, text: () => text };
}

async function cli(args: string[], options: { tty?: boolean } = {}): Promise<Result> {
  const out = sink();
  const err = sink(options.tty === true);
  const code = await main(args, { stdout: out.stream, stderr: err.stream, env: options.tty === true ? { VERBATIM_LANG: 'en' } : { CI: 'true', VERBATIM_LANG: 'en' } });
  return { code, stdout: out.text(), stderr: err.text() };
}

let dir = '';
const at = (name: string): string => join(dir, name);
const rows = (path: string): string[][] => parse(readFileSync(path), { bom: true, delimiter: ';', relax_column_count: true }) as string[][];

// Written for these tests. Row 4 has a title and no body; row 5 neither (rejected);
// row 6 is a record over two lines (one spreadsheet row); row 7 has no word at all.
const REVIEWS = [
  'id;title_review;content_review;canal;note;Région',
  'a1;Déçu;"Colis abîmés, personne ne répond";email;1;Île-de-France',
  'a2;;Pas de souci, livreur très aimable;avis google;4.5;Bretagne',
  'a3;Top;Livraison rapide ! contact: jeanne.martin@exemple.fr;chat;;Hauts de France',
  'a4;Service client injoignable;;telephone;2;Bretagne',
  'a5;;;email;3;Bretagne',
  'a6;Bof;"Commande reçue\ncolis *abîmé*";email;2;Occitanie',
  'a7;;👍;chat;5;Occitanie',
].join('\r\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-exports-'));
  writeFileSync(at('reviews.csv'), `${REVIEWS}\r\n`);
});

describe('--export dfm, spans, iramuteq and --annotate-text, in one run', () => {
  let run: Result;
  beforeAll(async () => {
    run = await cli([
      'analyze', at('reviews.csv'), '--text', 'title_review+content_review', '--format', 'json', '--out', at('report.json'),
      '--export', 'dfm', at('dfm.csv'), '--export', 'spans', at('spans.csv'), '--export', 'iramuteq', at('corpus.txt'),
      '--iramuteq-vars', 'canal,note,Région,tonalite', '--annotate', at('coding.jsonl'), '--annotate-text', '--rejects', at('rejects.csv'),
    ]);
  });

  it('runs, and a title with no body is a verbatim (joined with the body on its own line otherwise)', () => {
    // stderr only says where each output went.
    expect([run.code, run.stderr.split('\n').filter((l) => l !== '' && !/ written to /.test(l))]).toEqual([0, []]);
    const report = JSON.parse(readFileSync(at('report.json'), 'utf8'));
    expect([report.summary.analysed, report.summary.rejected]).toEqual([6, 1]);
    const coding = readFileSync(at('coding.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(coding.find((c) => c.id === 'a4').text).toBe('Service client injoignable');
    expect(coding.find((c) => c.id === 'a1').text).toBe('Déçu\nColis abîmés, personne ne répond');
  });

  it('--annotate-text writes the text, masked', () => {
    const coding = readFileSync(at('coding.jsonl'), 'utf8');
    expect(coding).toContain('Livraison rapide');
    expect(coding).not.toContain('jeanne.martin@exemple.fr');
  });

  it('dfm: doc_id;feature;count, every analysed row listed (one with no word has one line: empty feature, 0), no skipped row', () => {
    const table = rows(at('dfm.csv'));
    expect(table[0]).toEqual(['doc_id', 'feature', 'count']);
    const docs = [...new Set(table.slice(1).map((r) => r[0]))];
    expect(docs).toEqual(['a1', 'a2', 'a3', 'a4', 'a6', 'a7']);
    expect(table.filter((r) => r[0] === 'a7')).toEqual([['a7', '', '0']]);
    expect(table.filter((r) => r[0] === 'a6').map((r) => [r[1], r[2]])).toEqual([['bof', '1'], ['commande', '1'], ['recue', '1'], ['colis', '1'], ['abime', '1']]);
    // The email is personal data: it is no feature.
    expect(table.some((r) => r[1]?.includes('exemple'))).toBe(false);
  });

  it('spans: doc_id;kind;id;theme;start;end;text;negated, offsets into the text the annotation carries', () => {
    const table = rows(at('spans.csv'));
    expect(table[0]).toEqual(['doc_id', 'kind', 'id', 'theme', 'start', 'end', 'text', 'negated']);
    const texts = new Map<string, string>(readFileSync(at('coding.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((c) => c.id).map((c) => [c.id, c.text]));
    expect(table.length).toBeGreaterThan(5);
    for (const [doc, , , , start, end, text, negated] of table.slice(1)) {
      expect(texts.get(doc!)!.slice(Number(start), Number(end))).toBe(text);
      expect(['0', '1']).toContain(negated);
    }
    expect(table.slice(1).map((r) => `${r[0]} ${r[1]} ${r[2]}`)).toContain('a4 irritant injoignable');
  });

  it('iramuteq: **** and the starred variables, sanitised, then the text on one line with no star', () => {
    const text = readFileSync(at('corpus.txt'), 'utf8');
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('****'))).toEqual([
      '**** *canal_email *note_1 *region_iledefrance *tonalite_negatif',
      '**** *canal_avisenligne *note_4p5 *region_bretagne *tonalite_positif',
      '**** *canal_chat *note_na *region_hautsdefrance *tonalite_positif',
      '**** *canal_telephone *note_2 *region_bretagne *tonalite_negatif',
      '**** *canal_email *note_2 *region_occitanie *tonalite_negatif',
      '**** *canal_chat *note_5 *region_occitanie *tonalite_positif',
    ]);
    expect(lines[lines.indexOf('**** *canal_email *note_2 *region_occitanie *tonalite_negatif') + 1]).toBe('Bof Commande reçue colis abîmé');
    expect(text).not.toContain('jeanne.martin');
  });

  it('rejects: sheet_row is the row a spreadsheet shows (header = 1), past a record over two lines', async () => {
    expect(rows(at('rejects.csv'))).toEqual([
      ['file', 'sheet_row', 'row', 'line', 'reason', 'hint', 'code', 'id'],
      [at('reviews.csv'), '6', '5', '6', 'empty text', 'the "title_review" and "content_review" cells are empty on this row', 'empty_text', 'a5'],
    ]);
    // The table on the terminal names it so, whole.
    const table = await cli(['analyze', at('reviews.csv'), '--text', 'title_review+content_review', '--lang', 'fr']);
    expect(table.stdout).toContain(`${at('reviews.csv')} ligne 6 : texte vide`);
  });

  it('provenance in the JSON report: version, layers with their hashes, options, columns', () => {
    const { provenance } = JSON.parse(readFileSync(at('report.json'), 'utf8'));
    expect(provenance.library).toEqual({ name: 'verbatim-fr', version: LIBRARY_VERSION });
    expect(provenance.analyzer).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(provenance.lexicons).toEqual([{ layer: 'default:fr', hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }]);
    expect(provenance.options).toMatchObject({ examples: 3, maskPersonalData: true, scoreScale: 'auto', period: 'month', allTurns: false });
    expect(provenance.columns).toEqual([{
      file: at('reviews.csv'), description: 'csv, delimiter ";", utf8', text: 'title_review+content_review',
      textColumns: ['title_review', 'content_review'], id: 'id', channel: 'canal', score: 'note',
    }]);
  });
});

describe('Matrix Market', () => {
  it('the size line, every analysed row in .rows.csv (one with no feature too), the same cells as the long CSV', async () => {
    const r = await cli(['analyze', at('reviews.csv'), '--text', 'title_review+content_review', '--out', at('r.txt'), '--export', 'dfm', at('m.mtx')]);
    expect(r.code).toBe(0);
    const [banner, comment, size, ...entries] = readFileSync(at('m.mtx'), 'utf8').trimEnd().split('\n');
    expect(banner).toBe('%%MatrixMarket matrix coordinate integer general');
    expect(comment).toBe('% verbatim-fr document-feature matrix (words): rows in m.rows.csv, columns in m.cols.csv');
    const docs = rows(at('m.rows.csv'));
    const cols = rows(at('m.cols.csv'));
    expect(docs[0]).toEqual(['doc_id', 'channel', 'author', 'file', 'row']);
    expect(docs.slice(1).map((d) => d[0])).toEqual(['a1', 'a2', 'a3', 'a4', 'a6', 'a7']);
    expect(size).toBe(`${docs.length - 1} ${cols.length - 1} ${entries.length}`);
    const cells = entries.map((e) => {
      const [i, j, n] = e.split(' ').map(Number);
      return [docs[i!]![0], cols[j!]![0], String(n)];
    });
    // The long CSV of the run above (words too), but for the line of the verbatim with no feature.
    expect(cells).toEqual(rows(at('dfm.csv')).slice(1).filter((row) => row[2] !== '0'));
  });
});

describe('features, values and text for the exports', () => {
  const analysis = (keywords: string[]) => ({
    id: 'x', channel: 'chat', text: keywords.join(' '), language: 'fra', tokenCount: 0, wordCount: 0, contentWordCount: keywords.length, keywords,
    matches: [], themes: [], concepts: [], irritants: ['insatisfaction_non_classee'], enchantments: [], intents: [], tonality: 'negatif' as const,
    sentiment: { positive: 0, negative: 1 },
  });

  it.each([
    ['abimes', 'abîmer'],
    ['repond', 'répondre'],
    ['livraison', 'livraison'],
    ['zzz', 'zzz'],
  ])('lemma of %s: %s', (keyword, lemma) => {
    expect(lemmaOfKeyword(keyword)).toBe(lemma);
  });

  it('counts repeated words and lemmas; concepts count a label with no match once', () => {
    expect([...dfmFeatures(analysis(['colis', 'colis', 'casse']), 'words')]).toEqual([['colis', 2], ['casse', 1]]);
    expect([...dfmFeatures(analysis(['colis']), 'concepts')]).toEqual([['insatisfaction_non_classee', 1]]);
    expect([...dfmFeatures(analysis(['repond', 'repondu', 'colis']), 'lemmas')]).toEqual([['répondre', 2], ['colis', 1]]);
  });

  it.each([
    ['Avis Google', 'avisgoogle'],
    ['Île-de-France', 'iledefrance'],
    ['cœur_de_cible', 'coeurdecible'],
    ['***', 'na'],
  ])('IRaMuTeQ token of %j: %s', (value, token) => {
    expect(iramuteqToken(value)).toBe(token);
  });

  it('IRaMuTeQ text: one line, no star', () => {
    expect(iramuteqText('**** *faux_1\n-*var\tfin')).toBe('faux_1 - var fin');
  });
});

describe('reading exports as they are', () => {
  it.each([
    [['id', 'title_review', 'content_review', 'note'], 'content_review'],
    [['review_title', 'review_text', 'rating'], 'review_text'],
    [['titre_avis', 'text_review'], 'text_review'],
    [['id', 'content'], 'content'],
    [['id', 'body'], 'body'],
    [['id', 'commentaire_client'], 'commentaire_client'],
  ])('%j: the text is %s', (headers, text) => {
    expect(mapColumns(headers, {}).mapping.text).toBe(text);
  });

  it('a repeated --text is a usage error, as is an unknown --export kind or a dfm file of another extension', async () => {
    for (const [args, message] of [
      [['--text', 'a', '--text', 'b'], /--text is given twice \("a" and "b"\).*--text title\+body/],
      [['--export', 'cube', at('x.csv')], /--export: unknown kind "cube"/],
      [['--export', 'dfm', at('x.json')], /name the file \.csv .* or \.mtx/],
      [['--iramuteq-vars', 'canal'], /--iramuteq-vars names the variables of --export iramuteq/],
    ] as const) {
      const r = await cli(['analyze', at('reviews.csv'), ...args]);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(message);
    }
  });

  it('--text a+b naming a column that is not there: exit 3, the columns listed', async () => {
    const r = await cli(['analyze', at('reviews.csv'), '--text', 'title_review+corps']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no column "corps" for the text .*columns found: "id", "title_review"/s);
  });

  it('an IRaMuTeQ variable that names nothing: exit 3, nothing written', async () => {
    const r = await cli(['analyze', at('reviews.csv'), '--out', at('v.txt'), '--export', 'iramuteq', at('v-corpus.txt'), '--iramuteq-vars', 'magasin']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/--iramuteq-vars: no column or field "magasin"/);
    expect(() => readFileSync(at('v-corpus.txt'))).toThrow();
  });

  it('the columns are said on stderr on a terminal, once per input; not with --no-progress', async () => {
    const tty = await cli(['analyze', at('reviews.csv'), '--out', at('t.txt')], { tty: true });
    expect(tty.stderr.split('\n').filter((l) => l.startsWith('verbatim: columns'))).toEqual([
      `verbatim: columns of ${at('reviews.csv')} (csv, delimiter ";", utf8): text "content_review", id "id", channel "canal", score "note"; other columns kept as meta`,
    ]);
    expect((await cli(['analyze', at('reviews.csv'), '--out', at('t.txt'), '--no-progress'], { tty: true })).stderr).not.toContain('columns');
    const fr = await cli(['analyze', at('reviews.csv'), '--out', at('t.txt'), '--lang', 'fr'], { tty: true });
    expect(fr.stderr).toContain(`verbatim: colonnes de ${at('reviews.csv')} (csv, séparateur ";", utf8) : texte "content_review"`);
    // Not a terminal (CI): the run above of every export said nothing on stderr.
  });

  it('provenance: a --lexicon layer is named by its path with the hash of its bytes; the state carries it too', async () => {
    const lexicon = 'version: 1\nentries:\n  - id: retard_test\n    kind: irritant\n    terms: [lenteur extrême]\n';
    writeFileSync(at('extra.yml'), lexicon);
    const r = await cli(['analyze', at('reviews.csv'), '--lexicon', at('extra.yml'), '--format', 'state']);
    expect(r.code).toBe(0);
    const state = JSON.parse(r.stdout);
    expect(state.provenance.lexicons).toEqual([
      { layer: 'default:fr', hash: expect.any(String) },
      { layer: at('extra.yml'), hash: `sha256:${createHash('sha256').update(lexicon).digest('hex')}` },
    ]);
  });
});

describe('--export keyness|cooccurrence|trends|drivers and --by', () => {
  const head = (path: string): string => readFileSync(path, 'utf8').split('\r\n')[0]!;
  const args = ['--text', 'title_review+content_review', '--by', 'Région'];
  let whole: Result;
  beforeAll(async () => {
    const lines = REVIEWS.split('\r\n');
    writeFileSync(at('part1.csv'), [lines[0], ...lines.slice(1, 4)].join('\r\n'));
    writeFileSync(at('part2.csv'), [lines[0], ...lines.slice(4)].join('\r\n'));
    whole = await cli([
      'analyze', at('part1.csv'), at('part2.csv'), ...args, '--format', 'json',
      '--export', 'keyness', at('keyness.csv'), '--export', 'cooccurrence', at('cooc.csv'), '--export', 'trends', at('trends.csv'), '--export', 'drivers', at('drivers.csv'),
    ]);
  });

  it('writes each table as CSV (BOM, ";", CRLF, one row per item)', () => {
    expect([whole.code, whole.stderr]).toEqual([0, '']);
    expect(head(at('keyness.csv'))).toBe('\uFEFFby;group;kind;term;label;count;count_rest;share;share_rest;g2;p_value;log_ratio;direction');
    expect(head(at('cooc.csv'))).toMatch(/^\uFEFFchannel;a_kind;a;a_label;b_kind;b;b_label;verbatims;/);
    expect(head(at('trends.csv'))).toBe('\uFEFFperiod;kind;id;label;verbatims;share;n;low_base');
    expect(head(at('drivers.csv'))).toBe('\uFEFFscale;kind;id;label;with_n;without_n;mean_with;mean_without;impact;impact_low;impact_high;significant;mean_gap;mean_gap_low;mean_gap_high;low_base');
    // Scored entries: one row each, stars, counts read back as numbers.
    const drivers = rows(at('drivers.csv'));
    expect(drivers.length).toBeGreaterThan(1);
    expect(drivers.slice(1).every((row) => row[0] === 'stars' && Number.isInteger(Number(row[4])))).toBe(true);
    const groups = JSON.parse(whole.stdout).sections.insight.keynessBy.groups.map((g: { group: string; verbatims: number }) => [g.group, g.verbatims]);
    expect(groups).toEqual([['Bretagne', 2], ['Occitanie', 2], ['Hauts de France', 1], ['Île-de-France', 1]]);
  });

  it('states of two parts, merged: the report of one run over both, keyness by the column in it', async () => {
    // One analyser for the three runs (the lexicons compiled once); the CLI's merge reads the states.
    const analyzer = createAnalyzer();
    const run = (files: string[], keepState: boolean) => analyzeFiles(files, { analyzer, columns: { text: 'title_review+content_review' }, groupBy: 'Région', keepState });
    for (const part of ['part1', 'part2']) writeFileSync(at(`${part}.state`), stringifyRunState((await run([at(`${part}.csv`)], true)).state!));
    // The library's reports are French by default; this file's CLI runs are in English unless asked.
    const merged = await cli(['merge', at('part1.state'), at('part2.state'), '--format', 'json', '--lang', 'fr']);
    expect(merged.code).toBe(0);
    const { provenance: _p, ...fromParts } = JSON.parse(merged.stdout);
    const { provenance: _q, ...fromWhole } = JSON.parse(renderReport((await run([at('part1.csv'), at('part2.csv')], false)).report, 'json') as string);
    expect(fromParts).toEqual(fromWhole);
    expect(fromParts.sections.insight.keynessBy).toEqual(JSON.parse(whole.stdout).sections.insight.keynessBy);
    expect((await cli(['merge', at('part1.state'), at('part2.state'), '--format', 'md', '--lang', 'fr'])).stdout).toContain('## Spécificités par Région');
  });

  it('merge --export: the tables of the merged states are the files analyze --export wrote over both parts, byte for byte', async () => {
    for (const part of ['part1', 'part2']) {
      const r = await cli(['analyze', at(`${part}.csv`), ...args, '--format', 'state', '--out', at(`${part}.cli.state`)]);
      expect(r.code).toBe(0);
    }
    const kinds = [['keyness', 'keyness.csv'], ['cooccurrence', 'cooc.csv'], ['trends', 'trends.csv'], ['drivers', 'drivers.csv']] as const;
    const merged = await cli(['merge', at('part1.cli.state'), at('part2.cli.state'), '--format', 'json', '--out', at('merged.json'), ...kinds.flatMap(([kind, file]) => ['--export', kind, at(`merged-${file}`)])]);
    expect(merged.code).toBe(0);
    for (const [kind, file] of kinds) expect(readFileSync(at(`merged-${file}`), 'utf8'), kind).toBe(readFileSync(at(file), 'utf8'));
    // Not only headers: the drivers have rows (the few rows of these parts make no key term).
    expect(rows(at('merged-drivers.csv')).length).toBeGreaterThan(1);
    // One table to stdout, the report to a file; two users of stdout, or a kind with rows, are usage errors.
    const piped = await cli(['merge', at('part1.cli.state'), at('part2.cli.state'), '--out', at('merged.md'), '--export', 'trends', '-']);
    expect([piped.code, piped.stdout]).toEqual([0, readFileSync(at('trends.csv'), 'utf8')]);
    expect((await cli(['merge', at('part1.cli.state'), '--export', 'trends', '-'])).code).toBe(2);
    const dfm = await cli(['merge', at('part1.cli.state'), '--export', 'dfm', at('dfm-merged.csv')]);
    expect([dfm.code, dfm.stderr]).toEqual([2, expect.stringContaining('keyness, cooccurrence, trends, drivers')]);
  });

  it('--by naming no column of a table: refused at its first row, its other columns listed; a JSON input, when no record has it', async () => {
    const row = (file: string, meta: Record<string, string>) => ({ type: 'verbatim' as const, source: { file, row: 1 }, verbatim: { id: '1', text: 'ok', meta } });
    const used = [{ file: 'f.csv', description: 'csv, delimiter ";", utf8', format: 'csv' as const, text: 'avis' }, { file: 'g.jsonl', description: 'jsonl, utf8', format: 'jsonl' as const, text: 'avis' }];
    const csv = checkGroupColumn((async function* () { yield row('f.csv', { Région: 'Bretagne', magasin: 'Lyon' }); })(), 'Region', used);
    await expect(csv.next()).rejects.toThrow(/--by: no column "Region"[\s\S]*"Région", "magasin"/);
    const json = checkGroupColumn((async function* () { yield row('g.jsonl', { magasin: 'Lyon' }); yield row('g.jsonl', {}); })(), 'Région', used);
    await expect(json.next()).resolves.toMatchObject({ done: false });
    await expect(json.next()).resolves.toMatchObject({ done: false });
    await expect(json.next()).rejects.toThrow(/no record has a field "Région"/);
  });

  it.each([
    ['canal', 'channel', /this column is read as the channel/],
    ['note', 'score', /this column is read as the score/],
  ])('--by %s, the %s column: refused at the first row', async (column, role, message) => {
    const item = { type: 'verbatim' as const, source: { file: 'f.csv', row: 1 }, verbatim: { id: '1', text: 'ok', meta: { Région: 'Bretagne' } } };
    const used = [{ file: 'f.csv', description: 'csv, delimiter ";", utf8', format: 'csv' as const, text: 'avis', [role]: column }];
    const read = checkGroupColumn((async function* () { yield item; })(), column, used);
    await expect(read.next()).rejects.toThrow(message);
    // A column kept as meta passes, row by row.
    const ok = checkGroupColumn((async function* () { yield item; })(), 'Région', used);
    expect((await ok.next()).value).toBe(item);
  });
});
