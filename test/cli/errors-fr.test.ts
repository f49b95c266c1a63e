// The details of library errors follow --lang: French by default, English
// with --lang en. One run per family and language, in-process through
// main(), on small files written here; then every code of every catalogue
// said in both languages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sink } from './_sink.js';
import { EXIT, main } from '../../src/cli/main.js';
import { LEXICON_ISSUE_MESSAGES } from '../../src/lexicon/messages.js';
import { DOCUMENT_MESSAGES, INPUT_ISSUE_MESSAGES } from '../../src/io/issue-messages.js';
import { QUEUE_MESSAGES } from '../../src/queue/messages.js';
import { GOLD_ISSUE_MESSAGES } from '../../src/analyze/gold.js';
import { describeScoreScaleIssue, type ScoreScaleIssue } from '../../src/report/scales.js';

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, { stdout: out.stream, stderr: err.stream, env: { CI: 'true' } });
  return { code, stderr: err.text() };
}

let dir = '';
const at = (name: string): string => join(dir, name);
const root = join(__dirname, '../..');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-errors-fr-'));
  // Two states of one input that cannot merge: written with different --top.
  writeFileSync(at('two.csv'), 'commentaire\nLivraison rapide, merci\nColis en retard\n');
  await cli(['analyze', at('two.csv'), '--format', 'state', '--out', at('a.state.json'), '-q']);
  await cli(['analyze', at('two.csv'), '--format', 'state', '--top', '3', '--out', at('b.state.json'), '-q']);
  // Small inputs written for these tests.
  writeFileSync(at('no-text.csv'), 'id;ville\n1;Lyon\n');
  writeFileSync(at('bad.yml'), 'version: 1\nentries:\n  - id: retard\n    kind: irritent\n    label: Retard\n    terms: [retard]\n');
  // 25 concepts without a parent, as a generated catalogue would have them.
  writeFileSync(at('many.yml'), `version: 1\nentries:\n${Array.from({ length: 25 }, (_, k) => `  - id: produit_${k}\n    kind: concept\n    label: Produit ${k}\n    terms: [produit${k}]\n`).join('')}`);
  writeFileSync(at('broken.state.json'), 'ceci n’est pas un état');
  writeFileSync(at('damaged.xlsx'), 'PK\u0003\u0004 pas vraiment un classeur');
  writeFileSync(at('number.json'), '42');
  writeFileSync(at('bad.dic'), 'livraison 1\n');
  writeFileSync(at('warned.dic'), '%\n1\tlivraison\n%\ncolis 1 2\n');
  writeFileSync(at('stars.csv'), 'commentaire;note\nTrès bien;9\nCorrect;8\nDécevant;7\n');
  writeFileSync(at('bad-gold.jsonl'), '{"id": "a", "text": "Colis en retard"}\n');
});

/** A French run and an English run of the same command line: their codes, and what each stderr must say. */
describe.each([
  ['input (a missing text column)', () => ['analyze', at('no-text.csv')], EXIT.input,
    ["impossible de lire l'entrée, 1 problème", 'aucune colonne de texte trouvée', 'conseil : colonnes trouvées : "id", "ville" ; nommez la colonne'],
    ['cannot read input, 1 problem', 'no text column found', 'hint: columns found: "id", "ville"; name the column']],
  ['lexicon (an unknown kind)', () => ['lexicon', 'check', at('bad.yml')], EXIT.input,
    ['lexique invalide, 1 problème', 'valeur inconnue pour kind : « irritent »', 'conseil : vouliez-vous dire « irritant » ? valeurs possibles : '],
    ['invalid lexicon, 1 problem', 'unknown kind "irritent"', 'hint: did you mean "irritant"? use one of: ']],
  ['lexicon (25 times the same mistake): the first 20, then their count', () => ['lexicon', 'check', at('many.yml')], EXIT.input,
    ['lexique invalide, 25 problèmes', '[produit_19]', '… et 5 autres problèmes, non affichés (corrigez les premiers : ils se répètent souvent)'],
    ['invalid lexicon, 25 problems', '[produit_19]', '… and 5 more problems, not shown (fix the first ones: they often repeat)']],
  ['state merge (not a state)', () => ['merge', at('broken.state.json')], EXIT.input,
    ["impossible de lire l'entrée, 1 problème", "ce n'est pas un état verbatim-fr (JSON invalide : ", 'conseil : donnez des fichiers écrits par `verbatim analyze … --format state`'],
    ['cannot read input, 1 problem', 'not a verbatim-fr state (invalid JSON: ', 'hint: give files written by `verbatim analyze … --format state`']],
  ['state merge (other report options)', () => ['merge', at('a.state.json'), at('b.state.json')], EXIT.input,
    ['impossible de fusionner les états, 1 problème', 'a.state.json et ', 'b.state.json : construits avec des options de rapport différentes (topWords 20 et 3)', 'conseil : analysez chaque partie avec la même version'],
    ['cannot merge the states, 1 problem', 'a.state.json and ', 'b.state.json: built with different report options (topWords 20 and 3)', 'hint: analyse every part with the same verbatim-fr version']],
  ['damaged xlsx', () => ['analyze', at('damaged.xlsx')], EXIT.input,
    ['fichier XLSX endommagé (', 'conseil : ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le de nouveau en .xlsx'],
    ['damaged XLSX file (', 'hint: open the file in Excel or LibreOffice and save it again as .xlsx']],
  ['json that is no array of records', () => ['analyze', at('number.json')], EXIT.input,
    ["le document JSON n'est pas un tableau d'objets", 'conseil : attendu : [{"id": …'],
    ['JSON document is not an array of objects', 'hint: expected [{"id": …']],
  ['dictionary import (no category list)', () => ['lexicon', 'import', at('bad.dic'), '--from', 'liwc'], EXIT.input,
    ["impossible d'importer le dictionnaire LIWC, 1 problème", 'un .dic LIWC commence par une ligne qui ne contient que « % »', 'conseil : ouvrez la liste des catégories par « % »'],
    ['cannot import the LIWC dictionary, 1 problem', 'a LIWC .dic starts with a line holding only "%"', 'hint: open the category list with "%"']],
  ['dictionary import warnings', () => ['lexicon', 'import', at('warned.dic'), '--from', 'liwc'], EXIT.ok,
    ["avertissement : ", "« colis » : la catégorie 2 n'est pas dans la liste des catégories ; ignorée pour ce mot", 'conseil : ajoutez « 2<TAB>nom » à la liste'],
    ['warning: ', '"colis": category 2 is not in the category list; ignored for this word', 'hint: add "2<TAB>name" to the list']],
  ['queue (a URL that is not Redis)', () => ['queue', 'merge', '--redis', 'http://localhost:6379'], EXIT.unavailable,
    ["ce n'est pas une URL Redis (http://) : \"http://localhost:6379\"", 'conseil : écrivez-la redis://HÔTE:PORT'],
    ['not a Redis URL (http://): "http://localhost:6379"', 'hint: give it as redis://HOST:PORT']],
  ['eval --fail-under', () => ['eval', join(root, 'test/fixtures/cli/gold.jsonl'), '--fail-under', 'themes=1.01,tonality=1.01'], EXIT.failed,
    ['verbatim eval: sous le seuil : F1 micro des thèmes ', ' < 1,01', 'sous le seuil : exactitude de la tonalité '],
    ['verbatim eval: themes micro F1 ', ' < 1.01', 'verbatim eval: tonality accuracy ']],
  ['eval --fail-under with a typo: a usage error before the evaluation runs', () => ['eval', join(root, 'test/fixtures/cli/gold.jsonl'), '--fail-under', 'themes=abc'], EXIT.usage,
    ['--fail-under attend des seuils comme themes=0.8', 'pas « themes=abc »'],
    ['--fail-under expects thresholds like themes=0.8', 'got "themes=abc"']],
  ['gold file', () => ['eval', at('bad-gold.jsonl')], EXIT.input,
    ['fichier de référence invalide, 5 problèmes', ':1 [a] : champ "themes" absent', `conseil : ajoutez "themes": [] quand le verbatim n'en a pas`],
    ['invalid gold file, 5 problems', ':1 [a]: missing "themes"', 'hint: add "themes": [] when the verbatim has none']],
  ['score scale', () => ['analyze', at('stars.csv'), '--score', 'note', '--scale', 'stars', '--out', at('stars.md')], EXIT.usage,
    ["l'échelle de notes déclarée (stars) ne convient pas aux notes, 1 canal", 'colonne « note » : 3 notes déclarées stars (1 à 5), mais valeurs vues : 7, 8, 9', 'conseil : les étoiles vont de 1 à 5'],
    ['the declared score scale (stars) does not fit the scores, 1 channel', ', column "note": 3 scores declared stars (1–5), but values seen: 7, 8, 9', 'hint: stars are 1–5']],
] as const)('%s', (_family, args, exit, french, english) => {
  it('is said in French by default', async () => {
    const { code, stderr } = await cli([...args()]);
    expect(code).toBe(exit);
    for (const text of french) expect(stderr).toContain(text);
    expect(stderr).not.toMatch(/\bhint: /);
  });

  it('is said in English with --lang en', async () => {
    const { code, stderr } = await cli(['--lang', 'en', ...args()]);
    expect(code).toBe(exit);
    for (const text of english) expect(stderr).toContain(text);
    expect(stderr).not.toContain('conseil');
  });
});

/**
 * A value that stands for any parameter: a text, a number, a list or an
 * object, as a catalogue reads it. Its `code` is `nested`, for the codes
 * whose parameter is another problem.
 */
function anything(nested: string): unknown {
  const target = function () {
    return undefined;
  };
  return new Proxy(target, {
    get(_t, key) {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : 'x');
      if (key === 'code') return nested;
      if (key === Symbol.iterator) return function* () {
        yield anything(nested);
      };
      return anything(nested);
    },
    apply: () => anything(nested),
  });
}

describe('every code is said in both languages', () => {
  const catalogues: Array<[string, Record<'fr' | 'en', Record<string, (p: never) => object>>, string]> = [
    ['lexicon', LEXICON_ISSUE_MESSAGES, 'empty_term'],
    ['input', INPUT_ISSUE_MESSAGES, 'json_not_records'],
    ['document', DOCUMENT_MESSAGES, 'json_not_records'],
    ['gold', GOLD_ISSUE_MESSAGES, ''],
    ['queue', QUEUE_MESSAGES, ''],
  ];

  it.each(catalogues)('%s: the same codes in fr and en, each with a non-empty text and hint in both', (_name, catalogue, nested) => {
    expect(Object.keys(catalogue.fr).sort()).toEqual(Object.keys(catalogue.en).sort());
    for (const code of Object.keys(catalogue.en)) {
      for (const lang of ['fr', 'en'] as const) {
        const said = catalogue[lang][code]!(anything(nested) as never) as Record<string, unknown>;
        const words = [said['message'] ?? said['reason'], said['hint']];
        for (const w of words) expect(typeof w === 'string' && w.trim() !== '', `${code} (${lang})`).toBe(true);
      }
    }
  });

  it('score scales: both codes in both languages', () => {
    const base: ScoreScaleIssue = { channel: 'avis', scale: 'nps', scored: 12, values: [1, 2, 3], message: '', hint: '' };
    for (const code of ['outside_scale', 'nps_on_five'] as const) {
      const fr = describeScoreScaleIssue({ ...base, code }, 'fr');
      const en = describeScoreScaleIssue({ ...base, code }, 'en');
      expect([fr.message, fr.hint, en.message, en.hint].every((w) => w !== '')).toBe(true);
      expect(fr.message).not.toBe(en.message);
    }
  });
});

describe('a long list of problems', () => {
  it('shows the first 20 and counts the others', async () => {
    const { code, stderr } = await cli(['lexicon', 'check', at('many.yml')]);
    expect(code).toBe(EXIT.input);
    expect(stderr).toContain('[produit_19]');
    expect(stderr).not.toContain('[produit_20]');
    expect(stderr.match(/conseil : /g)).toHaveLength(20);
  });
});
