// What an input issue says, one catalogue per language: files whose columns
// cannot be found, damaged documents (JSON, XLSX), state files that cannot be
// read or merged, columns named by --by or --iramuteq-vars. Each issue carries
// a stable `code` and its `params`; its English `message` and `hint` come
// from the English catalogue, the CLI says it again in French. A code missing
// in one catalogue fails the type check.
import { documentText, type DocumentProblem } from './document-messages.js';
import { descriptionText, jsonKindFr, jsonSyntaxText } from './input-words.js';
import type { JsonSyntax } from './json-syntax.js';
import type { RejectCode } from './reject-messages.js';

export { DOCUMENT_MESSAGES, documentText, type DocumentCode, type DocumentParams, type DocumentProblem } from './document-messages.js';

/** The languages input issues are written in. */
export type InputIssueLang = 'fr' | 'en';

/** What an issue says: the problem, what to do, and (for two files) where, in the language. */
export interface InputIssueText {
  message: string;
  hint: string;
  /** The place in the language, when the issue names two files ("a et b"). */
  file?: string;
}

/** Why two states cannot be merged. */
export type StateMismatch =
  | { kind: 'library'; a: string; b: string }
  | { kind: 'analyzer'; differs: Array<[key: string, a: string, b: string]>; a: string; b: string }
  | { kind: 'options'; key: string; a?: string; b?: string };

/** What a state lacks, when a check of its shape fails. */
export type StateDamage = 'library' | 'analyzer' | 'report' | 'meta' | 'parts' | 'state';

/** The parameters of each input issue code. */
export interface InputIssueParams {
  // Columns of a table (columns.ts); `description` is the reader's ("csv, ';' delimiter").
  no_text_part: { part: string; joined: string; headers: string[]; description?: string };
  no_role_column: { wanted: string; role: string; flag: string; headers: string[]; description?: string };
  no_text_column: { headers: string[]; description?: string };
  /** A damaged document met after its check (an XLSX changed meanwhile). */
  damaged_document: { problem: DocumentProblem };
  /** A whole file refused by the reader: its reason and hint, already in the run's language. */
  rejected_file: { reject: RejectCode; reason: string; hint: string };
  // State files (src/run/state-file.ts).
  empty_state: Record<string, never>;
  state_invalid_json: JsonSyntax & { started: boolean; line: number };
  not_a_state: { found: string };
  state_wrong_format: { format?: string; expected: string; report: boolean };
  state_version: { version: string; library?: string; expected: number };
  /** `detail`: the library's own check, in English, when `missing` does not say it. */
  damaged_state: { missing?: StateDamage; detail?: string };
  states_differ: { files: [string, string]; mismatch: StateMismatch };
  run_twice: { files: [string, string]; id: string; same: boolean };
  // Columns named by options of the outputs (src/run/exports.ts).
  iramuteq_unknown_var: { name: string; known: string[] };
  by_is_role: { name: string; role: string };
  by_no_column: { name: string; keys: string[] };
  by_no_field: { name: string; keys: string[] };
}

export type InputIssueCode = keyof InputIssueParams;
export type InputIssueProblem = { [C in InputIssueCode]: { code: C; params: InputIssueParams[C] } }[InputIssueCode];
export type InputIssueCatalogue = { [C in InputIssueCode]: (p: InputIssueParams[C]) => InputIssueText };

const headersList = (headers: readonly string[]): string => headers.map((h) => JSON.stringify(h)).join(', ') || '(none)';
const described = (hint: string, description: string | undefined, lang: InputIssueLang = 'en'): string => (description === undefined ? hint : `${hint} (${descriptionText(description, lang)})`);
const fieldsEn = (keys: readonly string[]): string => (keys.length === 0 ? 'none (every column is read as a role)' : keys.map((k) => JSON.stringify(k)).join(', '));
const fieldsFr = (keys: readonly string[]): string => (keys.length === 0 ? 'aucune (chaque colonne est lue comme un rôle)' : keys.map((k) => JSON.stringify(k)).join(', '));
const ROLE_FR: Record<string, string> = { text: 'le texte', id: "l'identifiant", channel: 'le canal', date: 'la date', score: 'la note', author: "l'auteur" };
const WRITE_AGAIN_EN = 'write it again with `verbatim analyze … --format state` (or analyzeFiles()), from the same part of the input';
const WRITE_AGAIN_FR = 'écrivez-le de nouveau avec `verbatim analyze … --format state` (ou analyzeFiles()), à partir de la même partie de l’entrée';
const GIVE_STATES_EN = 'give files written by `verbatim analyze … --format state`';
const GIVE_STATES_FR = 'donnez des fichiers écrits par `verbatim analyze … --format state`';
const SAME_SETTINGS_EN =
  'analyse every part with the same verbatim-fr version and the same --lexicon, --sector, --no-default-lexicon, --corpus-lang, --all-turns, --examples, --top, --no-mask, --vocabulary, --max-channels, --period, --scale and --by options';
const SAME_SETTINGS_FR =
  'analysez chaque partie avec la même version de verbatim-fr et les mêmes options --lexicon, --sector, --no-default-lexicon, --corpus-lang, --all-turns, --examples, --top, --no-mask, --vocabulary, --max-channels, --period, --scale et --by';
const DAMAGE_EN: Record<StateDamage, string> = { library: 'no library version', analyzer: 'no analyser identity', report: 'no report options', meta: 'no entry labels (meta)', parts: 'no run ids (parts)', state: 'no report state (stateVersion 3, or 2)' };
const DAMAGE_FR: Record<StateDamage, string> = {
  library: 'pas de version de la bibliothèque',
  analyzer: "pas d'identité de l'analyseur",
  report: 'pas d’options de rapport',
  meta: 'pas de libellés des entrées (meta)',
  parts: 'pas d’identifiants de passe (parts)',
  state: "pas d'état du rapport (stateVersion 3, ou 2)",
};
const optionValue = (v: string | undefined, fallback: string): string => v ?? fallback;

function mismatchEn(m: StateMismatch): string {
  if (m.kind === 'library') return `written by verbatim-fr ${m.a} and ${m.b}`;
  if (m.kind === 'analyzer') {
    const what = m.differs.length > 0 ? m.differs.map(([key, a, b]) => `${key} ${a} and ${b}`).join(', ') : 'the lexicons differ';
    return `made by different analysers (${what}; ${m.a}… and ${m.b}…)`;
  }
  return `built with different report options (${m.key} ${optionValue(m.a, '(default)')} and ${optionValue(m.b, '(default)')})`;
}

function mismatchFr(m: StateMismatch): string {
  if (m.kind === 'library') return `écrits par verbatim-fr ${m.a} et ${m.b}`;
  if (m.kind === 'analyzer') {
    const what = m.differs.length > 0 ? m.differs.map(([key, a, b]) => `${key} ${a} et ${b}`).join(', ') : 'les lexiques diffèrent';
    return `produits par des analyseurs différents (${what} ; ${m.a}… et ${m.b}…)`;
  }
  return `construits avec des options de rapport différentes (${m.key} ${optionValue(m.a, '(défaut)')} et ${optionValue(m.b, '(défaut)')})`;
}

const en: InputIssueCatalogue = {
  no_text_part: ({ part, joined, headers, description }) => ({
    message: `no column ${JSON.stringify(part)} for the text (in --text ${JSON.stringify(joined)})`,
    hint: described(`columns found: ${headersList(headers)}; join existing columns with +, e.g. --text title+body`, description),
  }),
  no_role_column: ({ wanted, role, flag, headers, description }) => ({
    message: `no column ${JSON.stringify(wanted)} for the ${role}`,
    hint: described(`columns found: ${headersList(headers)}; pass one of them with ${flag}`, description),
  }),
  no_text_column: ({ headers, description }) => ({
    message: 'no text column found',
    hint: described(
      headers.length === 0
        ? 'the input holds no column: an empty file, or no header line or record in it'
        : `columns found: ${headersList(headers)}; name the column holding the verbatims with --text <column> (option \`text\`)`,
      description,
    ),
  }),
  damaged_document: ({ problem }) => {
    const { reason, hint } = documentText(problem, 'en');
    return { message: reason, hint };
  },
  rejected_file: ({ reason, hint }) => ({ message: `${reason}`, hint: `${hint}` }),
  empty_state: () => ({ message: 'empty state file', hint: `${WRITE_AGAIN_EN} (a run that failed writes no state)` }),
  state_invalid_json: ({ started, problem, found, at }) => ({
    message: `${started ? 'truncated or damaged state' : 'not a verbatim-fr state'} (invalid JSON: ${jsonSyntaxText({ problem, found, at }, 'en')})`,
    hint: started ? `the state ends before it should, or was changed (a run stopped while writing it?); ${WRITE_AGAIN_EN}` : GIVE_STATES_EN,
  }),
  not_a_state: ({ found }) => ({ message: `not a verbatim-fr state (a JSON ${found})`, hint: GIVE_STATES_EN }),
  state_wrong_format: ({ format, expected, report }) => ({
    message: `not a verbatim-fr state (format ${format === undefined ? 'missing' : format}, expected "${expected}")`,
    hint: report ? 'this is a report: give the states (`--format state`), not the reports' : GIVE_STATES_EN,
  }),
  state_version: ({ version, library, expected }) => ({
    message: `state format version ${version} (written by verbatim-fr ${library ?? 'unknown'}); this verbatim-fr reads version ${expected}`,
    hint: 'merge with the verbatim-fr version that wrote the states, or analyse the parts again with this one',
  }),
  damaged_state: ({ missing, detail }) => ({ message: `damaged state: ${missing !== undefined ? DAMAGE_EN[missing] : (detail ?? '')}`, hint: WRITE_AGAIN_EN }),
  states_differ: ({ files, mismatch }) => ({ message: mismatchEn(mismatch), hint: SAME_SETTINGS_EN, file: `${files[0]} and ${files[1]}` }),
  run_twice: ({ files, id, same }) => ({
    message: `both hold the run ${id}, whose rows would count twice`,
    hint: same ? 'give each state file once' : 'give each part once (a merged state already holds its parts)',
    file: `${files[0]} and ${files[1]}`,
  }),
  iramuteq_unknown_var: ({ name, known }) => ({ message: `--iramuteq-vars: no column or field ${JSON.stringify(name)}`, hint: `name input columns or fields among ${known.map((k) => JSON.stringify(k)).join(', ')}` }),
  by_is_role: ({ name, role }) => ({
    message: `--by ${JSON.stringify(name)}: this column is read as the ${role}`,
    hint: role === 'channel' ? 'the report compares channels already (keyness by channel); --by names another column (a brand, a region, a product)' : '--by names a column kept as it is (a brand, a region, a product), not one read as the text, id, channel, date, score or author',
  }),
  by_no_column: ({ name, keys }) => ({ message: `--by: no column ${JSON.stringify(name)}`, hint: `name one of its other columns: ${fieldsEn(keys)} (names are matched exactly)` }),
  by_no_field: ({ name, keys }) => ({ message: `--by: no record has a field ${JSON.stringify(name)}`, hint: `name one of its other fields: ${fieldsEn(keys)} (names are matched exactly)` }),
};

const fr: InputIssueCatalogue = {
  no_text_part: ({ part, joined, headers, description }) => ({
    message: `aucune colonne ${JSON.stringify(part)} pour le texte (dans --text ${JSON.stringify(joined)})`,
    hint: described(`colonnes trouvées : ${headersList(headers).replace(/^\(none\)$/, '(aucune)')} ; joignez des colonnes existantes avec +, par exemple --text titre+corps`, description, 'fr'),
  }),
  no_role_column: ({ wanted, role, flag, headers, description }) => ({
    message: `aucune colonne ${JSON.stringify(wanted)} pour ${ROLE_FR[role] ?? role}`,
    hint: described(`colonnes trouvées : ${headersList(headers).replace(/^\(none\)$/, '(aucune)')} ; donnez l'une d'elles avec ${flag}`, description, 'fr'),
  }),
  no_text_column: ({ headers, description }) => ({
    message: 'aucune colonne de texte trouvée',
    hint: described(
      headers.length === 0
        ? "l'entrée ne contient aucune colonne : un fichier vide, ou sans ligne d'en-tête ni enregistrement"
        : `colonnes trouvées : ${headersList(headers)} ; nommez la colonne qui contient les verbatims avec --text <colonne> (option \`text\`)`,
      description,
      'fr',
    ),
  }),
  damaged_document: ({ problem }) => {
    const { reason, hint } = documentText(problem, 'fr');
    return { message: reason, hint };
  },
  rejected_file: ({ reason, hint }) => ({ message: `${reason}`, hint: `${hint}` }),
  empty_state: () => ({ message: "fichier d'état vide", hint: `${WRITE_AGAIN_FR} (une passe qui a échoué n'écrit pas d'état)` }),
  state_invalid_json: ({ started, problem, found, at }) => ({
    message: `${started ? 'état tronqué ou endommagé' : "ce n'est pas un état verbatim-fr"} (JSON invalide : ${jsonSyntaxText({ problem, found, at }, 'fr')})`,
    hint: started ? `l'état s'arrête avant la fin, ou a été modifié (une passe arrêtée pendant son écriture ?) ; ${WRITE_AGAIN_FR}` : GIVE_STATES_FR,
  }),
  not_a_state: ({ found }) => ({ message: `ce n'est pas un état verbatim-fr (le JSON est ${jsonKindFr(found)})`, hint: GIVE_STATES_FR }),
  state_wrong_format: ({ format, expected, report }) => ({
    message: `ce n'est pas un état verbatim-fr (format ${format === undefined ? 'absent' : format}, attendu "${expected}")`,
    hint: report ? "c'est un rapport : donnez les états (`--format state`), pas les rapports" : GIVE_STATES_FR,
  }),
  state_version: ({ version, library, expected }) => ({
    message: `version ${version} du format d'état (écrite par verbatim-fr ${library ?? 'inconnu'}) ; cette version de verbatim-fr lit la version ${expected}`,
    hint: 'fusionnez avec la version de verbatim-fr qui a écrit les états, ou analysez de nouveau les parties avec celle-ci',
  }),
  damaged_state: ({ missing, detail }) => ({ message: `état endommagé : ${missing !== undefined ? DAMAGE_FR[missing] : (detail ?? '')}`, hint: WRITE_AGAIN_FR }),
  states_differ: ({ files, mismatch }) => ({ message: mismatchFr(mismatch), hint: SAME_SETTINGS_FR, file: `${files[0]} et ${files[1]}` }),
  run_twice: ({ files, id, same }) => ({
    message: `les deux contiennent la passe ${id}, dont les lignes compteraient deux fois`,
    hint: same ? "donnez chaque fichier d'état une seule fois" : 'donnez chaque partie une seule fois (un état fusionné contient déjà ses parties)',
    file: `${files[0]} et ${files[1]}`,
  }),
  iramuteq_unknown_var: ({ name, known }) => ({ message: `--iramuteq-vars : aucune colonne ni aucun champ ${JSON.stringify(name)}`, hint: `nommez des colonnes ou des champs de l'entrée parmi ${known.map((k) => JSON.stringify(k)).join(', ')}` }),
  by_is_role: ({ name, role }) => ({
    message: `--by ${JSON.stringify(name)} : cette colonne est lue comme ${ROLE_FR[role] ?? role}`,
    hint:
      role === 'channel'
        ? '--by nomme une autre colonne (une marque, une région, un produit) : le rapport compare déjà les canaux (mots caractéristiques par canal)'
        : "--by nomme une colonne gardée telle quelle (une marque, une région, un produit), pas une colonne lue comme texte, identifiant, canal, date, note ou auteur",
  }),
  by_no_column: ({ name, keys }) => ({ message: `--by : aucune colonne ${JSON.stringify(name)}`, hint: `nommez l'une de ses autres colonnes : ${fieldsFr(keys)} (les noms doivent correspondre exactement)` }),
  by_no_field: ({ name, keys }) => ({ message: `--by : aucun enregistrement n'a de champ ${JSON.stringify(name)}`, hint: `nommez l'un de ses autres champs : ${fieldsFr(keys)} (les noms doivent correspondre exactement)` }),
};

export const INPUT_ISSUE_MESSAGES: Readonly<Record<InputIssueLang, InputIssueCatalogue>> = { en, fr };

/** An input issue's code, parameters and English words, as the library reports it (with its file and line added). */
export function inputProblem<C extends InputIssueCode>(code: C, params: InputIssueParams[C]): InputIssueProblem & { message: string; hint: string } {
  const { message, hint } = en[code](params);
  return { code, params, message, hint } as InputIssueProblem & { message: string; hint: string };
}

/**
 * What an input issue says in `lang` (default English). An issue without code
 * (made by hand) keeps its own words.
 */
export function describeInputIssue(issue: { code?: InputIssueCode; params?: unknown; file: string; message: string; hint: string }, lang: InputIssueLang = 'en'): InputIssueText {
  if (issue.code === undefined || !(issue.code in en)) return { message: issue.message, hint: issue.hint };
  return (INPUT_ISSUE_MESSAGES[lang][issue.code] as (p: unknown) => InputIssueText)(issue.params);
}
