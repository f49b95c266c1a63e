// One language at a time: help, errors, notes on stderr, reject reasons and
// the report, and the human text commands print on stdout follow --lang
// (French by default, VERBATIM_LANG for the help).
// In-process through main(), on small inputs written here.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sink } from './_sink.js';
import { createProgram, EXIT, main } from '../../src/cli/main.js';
import { untranslatedHelp } from '../../src/cli/help.js';
import { chooseLang } from '../../src/cli/lang.js';
import { CLI_MESSAGES } from '../../src/cli/messages.js';
import { REJECT_MESSAGES, type RejectCode, type RejectParams } from '../../src/io/reject-messages.js';

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, { stdout: out.stream, stderr: err.stream, env: { CI: 'true', ...env } });
  return { code, stdout: out.text(), stderr: err.text() };
}

let dir = '';
const at = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-lang-'));
  // One verbatim and one row with an empty text (written for this test).
  writeFileSync(at('one.csv'), 'commentaire;canal\nLe colis est arrivé en retard et abîmé;email\n;email\n');
  writeFileSync(at('two.csv'), 'commentaire\nLivraison rapide, merci\nConseiller très aimable\n');
});

describe('help', () => {
  it.each([
    [[], {}, 'Commandes :', 'analyser des exports de verbatims'],
    [[], { VERBATIM_LANG: 'en' }, 'Commands:', 'analyse exported verbatim files'],
    [['--lang', 'en'], {}, 'Commands:', 'analyse exported verbatim files'],
    [['--lang', 'fr'], { VERBATIM_LANG: 'en' }, 'Commandes :', 'analyser des exports de verbatims'],
  ])('verbatim %j --help with %j', async (lang, env, title, analyze) => {
    const { code, stdout } = await cli([...lang, '--help'], env);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain(title);
    expect(stdout).toContain(analyze);
  });

  it('analyze --help in French: French texts, defaults and choices', async () => {
    const stdout = (await cli(['analyze', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(stdout).toContain('Usage : verbatim analyze');
    expect(stdout).toContain('--corpus-lang <code>');
    expect(stdout).toContain('langue du corpus');
    expect(stdout).toContain('(valeurs : "table", "md", "json", "csv", "html", "state")');
    expect(stdout).toContain('d’après l’extension de --out');
    expect(stdout).toContain('Options globales :');
    expect(stdout).not.toContain('(default:');
  });

  it('every help text of every command has its French text', () => {
    const m = CLI_MESSAGES.fr;
    const program = createProgram({ io: { stdout: sink().stream, stderr: sink().stream, env: {} }, lang: 'fr', m, quiet: false, setExitCode: () => undefined });
    expect(untranslatedHelp(program)).toEqual([]);
  });
});

describe('errors', () => {
  it.each([
    ['fr', ['analyze', '--top', 'x'], 'verbatim: --top attend un nombre entier, pas « x »\n'],
    ['en', ['analyze', '--top', 'x'], 'verbatim: --top expects a whole number, got "x"\n'],
    ['fr', ['analyze', '--lang', 'xx'], 'verbatim: --lang attend fr ou en'],
    ['fr', ['analyze', '--bogus'], "erreur : option inconnue '--bogus'"],
    ['en', ['analyze', '--bogus'], "error: unknown option '--bogus'"],
  ])('%s: %j', async (lang, args, message) => {
    const { code, stderr } = await cli([...args, '--lang', lang]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(message);
  });

  it.each([
    ['fr', "verbatim: impossible de lire l'entrée, 1 problème :\n", 'fichier introuvable', '    conseil : vérifiez le chemin'],
    ['en', 'verbatim: cannot read input, 1 problem:\n', 'file not found', '    hint: check the path'],
  ])('a missing input in %s', async (lang, head, reason, hint) => {
    const { code, stderr } = await cli(['analyze', at('absent.csv'), '--lang', lang]);
    expect(code).toBe(EXIT.input);
    expect(stderr).toContain(head);
    expect(stderr).toContain(reason);
    expect(stderr).toContain(hint);
  });

  it('an output in a missing folder, in French', async () => {
    const { code, stderr } = await cli(['analyze', at('one.csv'), '--out', at('absent/r.txt')]);
    expect(code).toBe(EXIT.output);
    expect(stderr).toContain("verbatim: impossible d'écrire --out");
    expect(stderr).toContain("n'existe pas\n    conseil : créez-le d'abord");
  });
});

describe('analyze in each language', () => {
  it('French by default: report, reject reason with its code, where the files went', async () => {
    const { code, stdout, stderr } = await cli(['analyze', at('one.csv'), '--rejects', at('rejets.csv'), '--format', 'md', '--out', at('rapport.md')]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toBe('');
    const report = readFileSync(at('rapport.md'), 'utf8');
    expect(report).toContain('2 lignes lues');
    expect(report).toContain('1 analysée');
    expect(report).toContain('1 rejetée');
    expect(report).toContain('texte vide');
    const rejects = readFileSync(at('rejets.csv'), 'utf8');
    expect(rejects).toContain('file;sheet_row;row;line;reason;hint;code;id\r\n');
    expect(rejects).toContain(';texte vide;"la cellule ""commentaire"" est vide sur cette ligne";empty_text;one.csv:2\r\n');
    expect(stderr.replace(/\d+ (?:o|Ko)\)/g, 'N)')).toBe(`Rapport écrit dans ${at('rapport.md')} (Markdown, N)\nLignes rejetées écrites dans ${at('rejets.csv')} (CSV, N)\n`);
  });

  it('--lang en: the same run in English, the code unchanged', async () => {
    const { stdout, stderr } = await cli(['analyze', at('one.csv'), '--lang', 'en', '--rejects', at('rejects.csv'), '--format', 'json', '--out', at('report.json')]);
    expect(stdout).toBe('');
    const report = JSON.parse(readFileSync(at('report.json'), 'utf8'));
    expect(report.lang).toBe('en');
    expect(report.summary.rejectsByReason).toEqual([{ reason: 'empty text', code: 'empty_text', count: 1 }]);
    expect(report.summary.firstRejects[0]).toMatchObject({ reason: 'empty text', code: 'empty_text', hint: 'the "commentaire" cell is empty on this row' });
    expect(readFileSync(at('rejects.csv'), 'utf8')).toContain(';empty text;"the ""commentaire"" cell is empty on this row";empty_text;one.csv:2\r\n');
    expect(stderr.replace(/\d+ (?:B|KB)\)/g, 'N)')).toBe(`Report written to ${at('report.json')} (JSON, N)\nRejected rows written to ${at('rejects.csv')} (CSV, N)\n`);
  });

  it('--quiet says nothing of the files written; the report to stdout says nothing either', async () => {
    expect((await cli(['analyze', at('one.csv'), '-q', '--out', at('quiet.txt')])).stderr).toBe('');
    const toStdout = await cli(['analyze', at('one.csv')]);
    expect(toStdout.stderr).toBe('');
    expect(toStdout.stdout).toContain('Rapport verbatim-fr');
  });

  it.each([
    ['fr', 'one.csv', '2 lignes lues · 1 analysée · 1 rejetée'],
    ['fr', 'two.csv', '2 lignes lues · 2 analysées · 0 rejetée'],
    ['en', 'one.csv', '2 input rows · 1 analysed · 1 rejected'],
  ])('number agreement (%s, %s)', async (lang, file, header) => {
    expect((await cli(['analyze', at(file), '--lang', lang])).stdout).toContain(header);
  });

  it('--lang fra still gives the corpus language, with a warning naming --corpus-lang', async () => {
    const { code, stdout, stderr } = await cli(['analyze', at('two.csv'), '--lang', 'fra']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('Rapport verbatim-fr');
    expect(stderr).toContain('--corpus-lang fra');
  });
});

describe('standard output in each language', () => {
  // Small fixtures of other tests: a corpus the discovery tests' own lexicon explains but for lumps in a mix, a gold file for eval.
  const fixture = (path: string): string => join(import.meta.dirname, '../fixtures', path);
  const DISCOVER = [fixture('discover/avis.csv'), '--channel', 'avis_en_ligne', '--no-default-lexicon', '--lexicon', fixture('discover/base.yml')];
  const EVAL = [fixture('lexicon/gold-suggest.jsonl'), '--no-default-lexicon', '--lexicon', fixture('lexicon/mini.yml'), '--suggest'];
  const run = async (args: string[], lang: 'fr' | 'en'): Promise<string> => {
    const { code, stdout, stderr } = await cli(lang === 'fr' ? args : [...args, '--lang', 'en']);
    expect({ code, stderr }).toEqual({ code: EXIT.ok, stderr: '' });
    return stdout;
  };

  it.each([
    ['fr', ['mots : 4  langue : fra  tonalité : ', 'entrées trouvées :', '(aucune)'], /^ {4}0-4 {5}mot {6}"Pain"/m],
    ['en', ['words: 4  language: fra  tonality: ', 'matches:', '(none)'], /^ {4}0-4 {5}word {5}"Pain"/m],
  ] as const)('tokenize in %s', async (lang, words, token) => {
    const stdout = await run(['tokenize', 'Pain de campagne grillé'], lang);
    for (const word of words) expect(stdout).toContain(word);
    expect(stdout).toMatch(token);
  });

  it.each([
    ['fr', 'secteur               part  (sur 500 verbatims au plus)'],
    ['en', 'sector               share  (verbatims of 500 at most)'],
  ] as const)('sectors in %s', async (lang, header) => {
    expect((await run(['sectors', at('two.csv')], lang)).split('\n')[0]).toBe(header);
  });

  it.each([
    ['fr', ['Sur 34 verbatims, 10 ne sont pas expliqués', 'insatisfaits', 'note moyenne', '1,3/5 étoiles', 'Regroupement : ']],
    ['en', ['10 of 34 verbatims unexplained', 'dissatisfied', 'mean score', '1.3/5 stars', 'Grouping: ']],
  ] as const)('discover in %s', async (lang, words) => {
    const stdout = await run(['discover', ...DISCOVER], lang);
    for (const word of words) expect(stdout).toContain(word);
  });

  it.each([
    ['fr', '# Brouillon de couche de lexique écrit par `verbatim discover`', '  # Sujet 1 : 10 verbatims inexpliqués'],
    ['en', '# Draft lexicon layer written by `verbatim discover`', '  # Topic 1: 10 unexplained verbatims'],
  ] as const)('discover --draft in %s: the comments of the layer', async (lang, head, topic) => {
    await run(['discover', ...DISCOVER, '-q', '--draft', at(`brouillon-${lang}.yml`)], lang);
    const draft = readFileSync(at(`brouillon-${lang}.yml`), 'utf8');
    expect(draft.startsWith(head)).toBe(true);
    expect(draft).toContain(topic);
  });

  it('discover --format json: the same in both languages', async () => {
    expect(await run(['discover', ...DISCOVER, '--format', 'json'], 'fr')).toBe(await run(['discover', ...DISCOVER, '--format', 'json'], 'en'));
  });

  it.each([
    ['fr', ['10 occurrences dans 10 verbatims sur 34 pour stem:grumeaux', "entrée remboursement : le terme lui ajouterait 10 verbatims ; 0 des 10 qu'il trouve l'avaient déjà"]],
    ['en', ['10 hits in 10 of 34 verbatims for stem:grumeaux', 'entry remboursement: the term would add 10 verbatims; 0 of the 10 it matches already had it']],
  ] as const)('kwic in %s', async (lang, lines) => {
    const stdout = (await run(['kwic', 'stem:grumeaux', ...DISCOVER, '--entry', 'remboursement'], lang)).split('\n');
    for (const line of lines) expect(stdout).toContain(line);
  });

  it.each([
    ['fr', ['évaluation sur 12 verbatims', 'tonalité         justesse', 'suggestions : ', '  retard_livraison : 4 faux négatifs, 0 faux positif']],
    ['en', ['evaluation on 12 verbatims', 'tonality         accuracy', 'suggestions: ', '  retard_livraison: 4 false negatives, 0 false positives']],
  ] as const)('eval in %s', async (lang, words) => {
    const stdout = await run(['eval', ...EVAL], lang);
    for (const word of words) expect(stdout).toContain(word);
  });

  it.each([
    ['fr', '# Importé de termes.csv (csv) par `verbatim lexicon import`, pour aller par-dessus le lexique par défaut.\n'],
    ['en', '# Imported from termes.csv (csv) by `verbatim lexicon import`, to layer over the default lexicon.\n'],
  ] as const)('lexicon import to standard output in %s: the comment of the layer', async (lang, comment) => {
    const { code, stdout } = await cli(['lexicon', 'import', fixture('dictionaries/termes.csv'), '--theme', 'livraison', '--lang', lang]);
    expect(code).toBe(EXIT.ok);
    expect(stdout.startsWith(comment)).toBe(true);
  });
});

describe('--out FILE without --format: the format its extension names', () => {
  it.each([
    ['r.json', (text: string) => JSON.parse(text).summary.analysed === 1],
    ['r.md', (text: string) => text.startsWith('# ')],
    ['r.htm', (text: string) => text.startsWith('<!doctype html>')],
    ['r.csv', (text: string) => text.startsWith('\uFEFF')],
    ['r.state.json', (text: string) => JSON.parse(text).schemaVersion !== undefined],
    ['r.txt', (text: string) => text.includes('1 analysée') && !text.startsWith('{') && !text.startsWith('#')],
  ])('analyze --out %s', async (name, looksRight) => {
    const { code, stderr } = await cli(['analyze', at('one.csv'), '-q', '--out', at(name)]);
    expect([code, stderr]).toEqual([EXIT.ok, '']);
    expect(looksRight(readFileSync(at(name), 'utf8'))).toBe(true);
  });

  it('an explicit --format wins; one that contradicts the extension is said once, in the CLI language', async () => {
    const fr = await cli(['analyze', at('one.csv'), '-q', '--format', 'md', '--out', at('says-md.json')]);
    expect([fr.code, readFileSync(at('says-md.json'), 'utf8').startsWith('# ')]).toEqual([EXIT.ok, true]);
    expect(fr.stderr).toBe(`verbatim: avertissement : --format md l'emporte, mais l'extension de ${at('says-md.json')} annonce du json : le fichier contiendra du md (changez l'extension, ou ôtez --format pour écrire du json)\n`);
    const en = await cli(['analyze', at('one.csv'), '-q', '--lang', 'en', '--format', 'table', '--out', at('says-table.html')]);
    expect(en.stderr.split('\n').filter((l) => l !== '')).toEqual([expect.stringMatching(/^verbatim: warning: --format table wins, but the extension of .*says-table\.html says html/)]);
    // Agreeing or silent extensions: no warning (a state is JSON).
    for (const [format, name] of [['state', 'ok.state.json'], ['json', 'ok.json'], ['table', 'ok.txt'], ['html', 'ok.html']]) {
      expect((await cli(['analyze', at('one.csv'), '-q', '--format', format!, '--out', at(name!)])).stderr, name).toBe('');
    }
  });

  it('merge infers it too', async () => {
    expect((await cli(['analyze', at('one.csv'), '-q', '--format', 'state', '--out', at('one.state')])).code).toBe(EXIT.ok);
    expect((await cli(['merge', at('one.state'), '-q', '--out', at('merged.json')])).code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(at('merged.json'), 'utf8')).summary.analysed).toBe(1);
    const warned = await cli(['merge', at('one.state'), '-q', '--lang', 'en', '--format', 'csv', '--out', at('merged.md')]);
    expect([warned.code, warned.stderr]).toEqual([EXIT.ok, expect.stringContaining('--format csv wins, but the extension of')]);
    expect(readFileSync(at('merged.md'), 'utf8').startsWith('\uFEFF')).toBe(true);
  });
});

describe('catalogues', () => {
  it.each([
    ['fr', 0, false], ['fr', 1, false], ['fr', 2, true],
    ['en', 0, true], ['en', 1, false], ['en', 2, true],
  ] as const)('plural in %s of %i: %s', (lang, n, plural) => {
    expect(CLI_MESSAGES[lang].plural(n)).toBe(plural);
  });

  it.each([
    [512, '512 o', '512 B'],
    [43_008, '42 Ko', '42 KB'],
    [1_572_864, '1,5 Mo', '1.5 MB'],
  ])('size of %i bytes', (bytes, fr, en) => {
    expect(CLI_MESSAGES.fr.size(bytes)).toBe(fr);
    expect(CLI_MESSAGES.en.size(bytes)).toBe(en);
  });

  const SAMPLES: { [C in RejectCode]: RejectParams[C] } = {
    empty_text: { columns: ['titre', 'avis'] },
    unbalanced_quote: { where: { line: 3, endLine: 9 }, line: 3, resumedAt: 10, description: 'csv, delimiter ";", utf8' },
    record_too_large: { max: 10, where: { line: 4 }, description: 'tsv, delimiter "tab", utf8' },
    wrong_column_count: { count: 5, expected: 3, where: { line: 2 }, delimiter: ';', description: 'csv, delimiter ";", utf8' },
    read_error: { detail: 'EIO' },
    not_json_object: { found: 'array' },
    line_too_large: { max: 10, line: 2 },
    invalid_json: { problem: 'unexpected_character', found: 'x', at: { line: 2, column: 17 }, line: 2 },
    json_array_unclosed: { line: 9 },
    json_text_after: { line: 9, column: 2 },
    json_too_deep: { depth: 65, line: 1, column: 70 },
    file_not_found: {},
    permission_denied: {},
    is_directory: {},
    unsupported_format: { extension: '.xls' },
    unreadable_file: { reason: 'damaged XLSX file', hint: 'save it again' },
    cannot_read_file: { detail: 'EIO' },
  };
  it.each(Object.keys(SAMPLES) as RejectCode[])('reject %s is said in both languages', (code) => {
    const say = (lang: 'fr' | 'en') => (REJECT_MESSAGES[lang][code] as (p: unknown) => { reason: string; hint: string })(SAMPLES[code]);
    const [fr, en] = [say('fr'), say('en')];
    expect(fr.reason).not.toBe('');
    expect(en.hint).not.toBe('');
    // Only a document's own words (English, from the library) are the same in both.
    if (code !== 'unreadable_file') expect(fr.reason).not.toBe(en.reason);
    // The places and descriptions the readers give are said in French too (they once read "cherchez line 2 … delimiter").
    if (code !== 'unreadable_file' && code !== 'read_error' && code !== 'cannot_read_file') expect(`${fr.reason} ${fr.hint}`).not.toMatch(/\b(line|lines|row|column|delimiter|worksheet|array)\b/);
  });

  it.each([
    [['analyze', 'x.csv'], {}, 'fr'],
    [['analyze', '--lang', 'en'], {}, 'en'],
    [['analyze', '--lang=en-GB'], { VERBATIM_LANG: 'fr' }, 'en'],
    [['analyze'], { VERBATIM_LANG: 'en' }, 'en'],
    [['analyze', '--', '--lang', 'en'], {}, 'fr'],
  ])('chooseLang(%j, %j) is %s', (argv, env, lang) => {
    expect(chooseLang(argv, env).lang).toBe(lang);
  });
});
