// Why an input row (or a whole file) is not analysed: a stable machine code
// with its parameters, said in English or French. Both catalogues have the
// type `RejectCatalogue`: a code missing in one of them fails the type check.

import { documentText, type DocumentProblem } from './document-messages.js';
import { atPlaceFr, descriptionText, jsonKindFr, jsonSyntaxText, placeText, type RecordPlace } from './input-words.js';
import type { JsonSyntax } from './json-syntax.js';

/** The parameters of each reject code. */
export interface RejectParams {
  /** The text cell(s) of the row are empty. */
  empty_text: { columns: string[] };
  /** A quoted CSV cell is not closed: `where` are the lines lost. */
  unbalanced_quote: { where: RecordPlace; line: number; resumedAt?: number; description: string };
  /** `cells`: a spreadsheet's row, whose text is its cells' (no quote to look for). */
  record_too_large: { max: number; where: RecordPlace; description: string; cells?: boolean };
  wrong_column_count: { count: number; expected: number; where: RecordPlace; delimiter: string; description: string };
  /** The reading stopped (the rest of the file is lost). */
  read_error: { detail: string };
  /** An element of a JSON array, or a JSON Lines line, that is not an object. */
  not_json_object: { found?: string; line?: number };
  line_too_large: { max: number; line: number };
  /**
   * What is wrong (`problem`, `found`: the unexpected character) and where
   * (`at`); `line`, and `column` for an element of a JSON array (a JSON Lines
   * line has none), where the record starts.
   */
  invalid_json: JsonSyntax & { line: number; column?: number };
  /** A JSON document ends before its array of records closes. */
  json_array_unclosed: { line: number };
  /** Text after the end of a JSON document. */
  json_text_after: { line: number; column: number };
  json_too_deep: { depth: number; line: number; column: number };
  /** Whole-file problems (row 0). */
  file_not_found: Record<string, never>;
  permission_denied: Record<string, never>;
  is_directory: Record<string, never>;
  unsupported_format: { extension: string };
  /** A damaged or unexpected document (XLSX, JSON): its English reason and hint, and what they say as a code (said in either language). */
  unreadable_file: { reason: string; hint: string; problem?: DocumentProblem };
  cannot_read_file: { detail: string };
}

/** Stable reject codes (`empty_text`, `wrong_column_count`…): what scripts read, whatever the language. */
export type RejectCode = keyof RejectParams;

/** The languages reject reasons are written in. */
export type RejectLang = 'fr' | 'en';

/** What a reject says: `reason` ("wrong column count: 5 instead of 3") and what to do. */
export interface RejectText {
  reason: string;
  hint: string;
}

export type RejectCatalogue = { [C in RejectCode]: (p: RejectParams[C]) => RejectText };

const quoted = (names: readonly string[], and: string): string => names.map((n) => JSON.stringify(n)).join(` ${and} `);

const en: RejectCatalogue = {
  empty_text: ({ columns }) => ({ reason: 'empty text', hint: `${columns.length === 1 ? `the ${quoted(columns, 'and')} cell is` : `the ${quoted(columns, 'and')} cells are`} empty on this row` }),
  unbalanced_quote: ({ where, line, resumedAt, description }) => ({
    reason: 'unbalanced quote',
    hint: `${placeText(where, 'en')}: a cell opening with " at line ${line} is not closed where it should be, so these lines are one lost record; ${resumedAt === undefined ? 'the file ends inside it' : `reading resumed at line ${resumedAt}`} (${description}). Double the quotes inside quoted cells ("") or remove the stray one`,
  }),
  record_too_large: ({ max, where, description, cells }) => ({
    reason: `record larger than ${max} characters`,
    hint: `${placeText(where, 'en')}: one record, too large to analyse (${description}); raise the limit if it is meant (--max-record-size MB, maxRecordSize in the API)${cells === true ? '' : ', else look for an unclosed quote'}`,
  }),
  wrong_column_count: ({ count, expected, where, delimiter, description }) => ({
    reason: `wrong column count: ${count} instead of ${expected}`,
    hint: `check ${placeText(where, 'en')} for a ${JSON.stringify(delimiter)} or a line break in an unquoted cell (${description}); set the delimiter if the detected one is wrong`,
  }),
  read_error: ({ detail }) => ({ reason: `read error: ${detail}`, hint: 'the rest of the file could not be read; check the file is complete and readable' }),
  not_json_object: ({ found, line }) =>
    line === undefined
      ? { reason: `not a JSON object${found === undefined ? '' : ` (${found})`}`, hint: 'each array element must be an object such as {"commentaire": "…"}' }
      : { reason: 'not a JSON object', hint: `line ${line} must hold one JSON object, e.g. {"commentaire": "…"}` },
  line_too_large: ({ max, line }) => ({ reason: `line larger than ${max} characters`, hint: `line ${line} is one record, too large to analyse; raise the limit if it is meant (--max-record-size MB, maxRecordSize in the API)` }),
  invalid_json: ({ problem, found, at, line, column }) => ({
    reason: `invalid JSON: ${jsonSyntaxText({ problem, found, at }, 'en')}`,
    hint: column === undefined ? `line ${line} must hold one JSON object, e.g. {"commentaire": "…"}` : `the element of the array at line ${line}, column ${column} is not valid JSON; the elements around it were read`,
  }),
  json_array_unclosed: ({ line }) => ({
    reason: 'JSON array not closed',
    hint: `the document ends at line ${line} before its array of records closes with ]: the export looks cut short; the records before were read`,
  }),
  json_text_after: ({ line, column }) => ({
    reason: 'text after the end of the JSON document',
    hint: `line ${line}, column ${column}: the document ends before it, so what follows was not read; remove it, or write several documents as JSON Lines (one record per line)`,
  }),
  json_too_deep: ({ depth, line, column }) => ({
    reason: `JSON nested deeper than ${depth - 1} levels at line ${line}, column ${column}`,
    hint: 'a record holds plain values (text, numbers, dates) or shallow objects; flatten the export or remove the nested value',
  }),
  file_not_found: () => ({ reason: 'file not found', hint: 'check the path (relative paths start from the current directory)' }),
  permission_denied: () => ({ reason: 'permission denied', hint: 'make the file readable by the current user' }),
  is_directory: () => ({ reason: 'is a directory', hint: 'give the files inside the directory, e.g. dir/*.csv' }),
  unsupported_format: ({ extension }) => ({ reason: `${extension} files are not supported`, hint: 'save the sheet as .xlsx or as CSV UTF-8 from the spreadsheet' }),
  unreadable_file: ({ reason, hint, problem }) => (problem === undefined ? { reason, hint } : documentText(problem, 'en')),
  cannot_read_file: ({ detail }) => ({ reason: `cannot read file: ${detail}`, hint: 'check the file is complete and in a supported format (csv, tsv, json, jsonl, xlsx)' }),
};

const fr: RejectCatalogue = {
  empty_text: ({ columns }) => ({ reason: 'texte vide', hint: `${columns.length === 1 ? `la cellule ${quoted(columns, 'et')} est vide` : `les cellules ${quoted(columns, 'et')} sont vides`} sur cette ligne` }),
  unbalanced_quote: ({ where, line, resumedAt, description }) => ({
    reason: 'guillemet non fermé',
    hint: `${placeText(where, 'fr')} : une cellule ouverte par " à la ligne ${line} n'est pas fermée là où elle devrait l'être, ces lignes forment donc un seul enregistrement perdu ; ${resumedAt === undefined ? 'le fichier se termine dedans' : `la lecture reprend à la ligne ${resumedAt}`} (${descriptionText(description, 'fr')}). Doublez les guillemets dans les cellules entre guillemets ("") ou retirez celui qui est en trop`,
  }),
  record_too_large: ({ max, where, description, cells }) => ({
    reason: `enregistrement de plus de ${max} caractères`,
    hint: `${placeText(where, 'fr')} : un seul enregistrement, trop grand pour être analysé (${descriptionText(description, 'fr')}) ; relevez la limite si c'est voulu (--max-record-size Mo, maxRecordSize dans l'API)${cells === true ? '' : ', sinon cherchez un guillemet non fermé'}`,
  }),
  wrong_column_count: ({ count, expected, where, delimiter, description }) => ({
    reason: `nombre de colonnes incorrect : ${count} au lieu de ${expected}`,
    hint: `cherchez ${atPlaceFr(where)} un ${delimiter === 'tab' ? 'caractère de tabulation' : JSON.stringify(delimiter)} ou un retour à la ligne dans une cellule sans guillemets (${descriptionText(description, 'fr')}) ; donnez le séparateur si celui qui a été détecté est faux`,
  }),
  read_error: ({ detail }) => ({ reason: `erreur de lecture : ${detail}`, hint: "la suite du fichier n'a pas pu être lue ; vérifiez que le fichier est complet et lisible" }),
  not_json_object: ({ found, line }) =>
    line === undefined
      ? { reason: `pas un objet JSON${found === undefined ? '' : ` (${jsonKindFr(found)})`}`, hint: 'chaque élément du tableau doit être un objet comme {"commentaire": "…"}' }
      : { reason: 'pas un objet JSON', hint: `la ligne ${line} doit contenir un objet JSON, par exemple {"commentaire": "…"}` },
  line_too_large: ({ max, line }) => ({ reason: `ligne de plus de ${max} caractères`, hint: `la ligne ${line} est un seul enregistrement, trop grand pour être analysé ; relevez la limite si c'est voulu (--max-record-size Mo, maxRecordSize dans l'API)` }),
  invalid_json: ({ problem, found, at, line, column }) => ({
    reason: `JSON invalide : ${jsonSyntaxText({ problem, found, at }, 'fr')}`,
    hint: column === undefined ? `la ligne ${line} doit contenir un objet JSON, par exemple {"commentaire": "…"}` : `l'élément du tableau à la ligne ${line}, colonne ${column} n'est pas du JSON valide ; les éléments autour ont été lus`,
  }),
  json_array_unclosed: ({ line }) => ({
    reason: 'tableau JSON non fermé',
    hint: `le document se termine à la ligne ${line} avant que son tableau d'enregistrements ne soit fermé par ] : l'export semble coupé ; les enregistrements d'avant ont été lus`,
  }),
  json_text_after: ({ line, column }) => ({
    reason: 'texte après la fin du document JSON',
    hint: `ligne ${line}, colonne ${column} : le document se termine avant, ce qui suit n'a donc pas été lu ; retirez-le, ou écrivez plusieurs documents en JSON Lines (un enregistrement par ligne)`,
  }),
  json_too_deep: ({ depth, line, column }) => ({
    reason: `JSON imbriqué sur plus de ${depth - 1} niveaux à la ligne ${line}, colonne ${column}`,
    hint: "un enregistrement contient des valeurs simples (texte, nombres, dates) ou des objets peu profonds ; aplatissez l'export ou retirez la valeur imbriquée",
  }),
  file_not_found: () => ({ reason: 'fichier introuvable', hint: 'vérifiez le chemin (un chemin relatif part du dossier courant)' }),
  permission_denied: () => ({ reason: 'permission refusée', hint: "rendez le fichier lisible par l'utilisateur courant" }),
  is_directory: () => ({ reason: 'est un dossier', hint: 'donnez les fichiers du dossier, par exemple dossier/*.csv' }),
  unsupported_format: ({ extension }) => ({ reason: `les fichiers ${extension} ne sont pas pris en charge`, hint: 'enregistrez la feuille en .xlsx ou en CSV UTF-8 depuis le tableur' }),
  unreadable_file: ({ reason, hint, problem }) => (problem === undefined ? { reason, hint } : documentText(problem, 'fr')),
  cannot_read_file: ({ detail }) => ({ reason: `fichier illisible : ${detail}`, hint: 'vérifiez que le fichier est complet et dans un format pris en charge (csv, tsv, json, jsonl, xlsx)' }),
};

export const REJECT_MESSAGES: Readonly<Record<RejectLang, RejectCatalogue>> = { en, fr };

/** The language of reject reasons for a report language (`fr`, `en`, `en-GB`…): English for `en…`, else French. */
export const rejectLang = (lang: string): RejectLang => (lang.toLowerCase().startsWith('en') ? 'en' : 'fr');

/** A reject code with its parameters, as the readers give it before it is said in a language. */
export type RejectProblem = { [C in RejectCode]: { code: C; params: RejectParams[C] } }[RejectCode];

/** What a reject says in `lang` (default English). */
export function rejectText(problem: RejectProblem, lang: RejectLang = 'en'): RejectText {
  const say = REJECT_MESSAGES[lang][problem.code] as (p: RejectParams[RejectCode]) => RejectText;
  return say(problem.params);
}
