// The words a reader's messages embed — where a record is in its file, what
// the file was read as, what is wrong with a JSON text — said in the
// message's language. A French hint read "cherchez line 2 … (csv, delimiter
// ";", utf8)": the reader wrote the place and the description in English,
// before any language was chosen.
import type { JsonSyntax, JsonSyntaxKind } from './json-syntax.js';

/** Where a rejected record is: its line (and last line, or column), or a spreadsheet's row. */
export type RecordPlace = { line: number; endLine?: number; column?: number } | { row: number };

/** The place in `lang`: `line 4`, `lines 3-9`, `line 2, column 7`, `row 5` (French: `ligne 4`, `lignes 3 à 9`…). */
export function placeText(place: RecordPlace, lang: 'fr' | 'en'): string {
  const fr = lang === 'fr';
  if ('row' in place) return `${fr ? 'ligne' : 'row'} ${place.row}`;
  const { line, endLine, column } = place;
  if (endLine !== undefined && endLine > line) return fr ? `lignes ${line} à ${endLine}` : `lines ${line}-${endLine}`;
  if (column !== undefined) return fr ? `ligne ${line}, colonne ${column}` : `line ${line}, column ${column}`;
  return `${fr ? 'ligne' : 'line'} ${line}`;
}

/** The place in French after a verb: `à la ligne 4`, `aux lignes 3 à 9`. */
export function atPlaceFr(place: RecordPlace): string {
  const span = !('row' in place) && place.endLine !== undefined && place.endLine > place.line;
  return `${span ? 'aux' : 'à la'} ${placeText(place, 'fr')}`;
}

/**
 * The readers' words in an input's description (`csv, delimiter ";", utf8`,
 * `xlsx, first worksheet`, `empty input`): a closed set, written by this
 * library's readers. The description stays in English where it is data (a
 * report's provenance); messages say it in their language.
 */
const FRENCH_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bdelimiter "tab"/, 'séparateur tabulation'],
  [/\bdelimiter\b/, 'séparateur'],
  [/\bfirst worksheet\b/, 'première feuille'],
  [/^empty input$/, 'entrée vide'],
];

/** An input's description (a reader's, in English) in `lang`. */
export function descriptionText(description: string, lang: 'fr' | 'en'): string {
  if (lang === 'en') return description;
  let out = description;
  for (const [words, french] of FRENCH_WORDS) out = out.replace(words, french);
  return out;
}

/** A JSON value's kind (`typeName`: `array`, `string`, `null`…) in French, as a message says what was found. */
export const jsonKindFr = (kind: string): string => JSON_KINDS_FR[kind] ?? kind;
const JSON_KINDS_FR: Readonly<Record<string, string>> = { null: 'null', array: 'un tableau', string: 'un texte', number: 'un nombre', boolean: 'un booléen' };

/** What is wrong with a JSON text, and where when it is known (`where`: "line 2, column 7", "à la ligne 2, colonne 7"). */
type JsonProblemText = (found: string | undefined, where: string | undefined) => string;

const JSON_PROBLEMS_EN: Readonly<Record<JsonSyntaxKind, JsonProblemText>> = {
  unexpected_character: (found, where) => `unexpected character ${JSON.stringify(found ?? '')}${where ? ` at ${where}` : ''}`,
  unexpected_end: (_, where) => `the text ends before its value does${where ? `, at ${where}` : ''}`,
  unclosed_string: (_, where) => (where ? `a string opened at ${where} is not closed` : 'a string is not closed'),
  bad_escape: (_, where) => `an escape that JSON does not have${where ? ` at ${where}` : ''} (a backslash is written \\\\)`,
  control_character: (_, where) => `a line break or control character inside a string${where ? ` at ${where}` : ''} (write it \\n, \\t…)`,
};

const JSON_PROBLEMS_FR: Readonly<Record<JsonSyntaxKind, JsonProblemText>> = {
  unexpected_character: (found, where) => `caractère inattendu ${JSON.stringify(found ?? '')}${where ? ` ${where}` : ''}`,
  unexpected_end: (_, where) => `le texte s'arrête avant la fin de sa valeur${where ? `, ${where}` : ''}`,
  unclosed_string: (_, where) => (where ? `une chaîne ouverte ${where} n'est pas fermée` : "une chaîne n'est pas fermée"),
  bad_escape: (_, where) => `un échappement que JSON n'a pas${where ? `, ${where}` : ''} (une barre oblique inverse s'écrit \\\\)`,
  control_character: (_, where) => `un retour à la ligne ou un caractère de contrôle dans une chaîne${where ? `, ${where}` : ''} (écrivez-le \\n, \\t…)`,
};

/** What is wrong with a refused JSON text, and where when `at` is given: "unexpected character "x" at line 2, column 17". */
export function jsonSyntaxText({ problem, found, at }: { problem: JsonSyntaxKind; found?: string | undefined; at?: JsonSyntax['at'] | undefined }, lang: 'fr' | 'en'): string {
  const where = at === undefined ? undefined : lang === 'fr' ? `à la ligne ${at.line}, colonne ${at.column}` : `line ${at.line}, column ${at.column}`;
  const say = ((lang === 'fr' ? JSON_PROBLEMS_FR : JSON_PROBLEMS_EN) as Partial<Record<string, JsonProblemText>>)[problem];
  if (say !== undefined) return say(found, where);
  // A problem this version does not know (parameters built by hand, or by a later version): a syntax error.
  if (lang === 'fr') return `erreur de syntaxe${where ? ` ${where}` : ''}`;
  return `syntax error${where ? ` at ${where}` : ''}`;
}
