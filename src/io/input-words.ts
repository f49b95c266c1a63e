// The words a reader's messages embed — where a record is in its file, and
// what the file was read as — said in the message's language. A French hint
// read "cherchez line 2 … (csv, delimiter ";", utf8)": the place and the
// description were written in English by the reader, before any language.

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
  const text = placeText(place, 'fr');
  return text.startsWith('lignes') ? `aux ${text}` : `à la ${text}`;
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
