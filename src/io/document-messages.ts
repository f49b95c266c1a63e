// Why a JSON or XLSX document cannot be read at all, said in English or
// French: a stable code and its parameters (the file's one reject carries
// them). Apart from the other input issues (issue-messages.ts) because the
// reject catalogue (reject-messages.ts) says them too.
import { jsonSyntaxText } from './input-words.js';
import type { JsonSyntaxKind } from './json-syntax.js';

/** Why a JSON or XLSX document cannot be read at all (one reject for the file). */
export interface DocumentParams {
  /** What is wrong (no place: the text read may be the document with its arrays left out, not what the user wrote). */
  json_invalid: { problem: JsonSyntaxKind; found?: string };
  json_not_records: Record<string, never>;
  json_too_deep: { depth: number; line: number; column: number };
  /** The zip or one of its parts is damaged; `detail` is the unzipper's own words. */
  xlsx_damaged: { part?: string; detail: string };
  xlsx_checksum: { part: string };
  xlsx_bad_xml: { part: string; detail: string };
  xlsx_shared_string: { row: number; index: string; count: number };
  xlsx_sheet_missing: { sheet: string };
  xlsx_no_sheet: Record<string, never>;
  xlsx_changed: { sheet: string };
  xlsx_too_large: { mb: number; maxMb: number };
}

export type DocumentCode = keyof DocumentParams;
export type DocumentProblem = { [C in DocumentCode]: { code: C; params: DocumentParams[C] } }[DocumentCode];
type DocumentCatalogue = { [C in DocumentCode]: (p: DocumentParams[C]) => { reason: string; hint: string } };

const XLSX_DAMAGED_EN = 'open the file in Excel or LibreOffice and save it again as .xlsx, or export the sheet as CSV UTF-8';
const XLSX_DAMAGED_FR = "ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le de nouveau en .xlsx, ou exportez la feuille en CSV UTF-8";
const DEEP_EN = 'a record holds plain values (text, numbers, dates) or shallow objects; flatten the export or remove the nested value';
const DEEP_FR = "un enregistrement contient des valeurs simples (texte, nombres, dates) ou des objets peu profonds ; aplatissez l'export ou retirez la valeur imbriquée";

const documentEn: DocumentCatalogue = {
  json_invalid: ({ problem, found }) => ({ reason: `invalid JSON: ${jsonSyntaxText({ problem, found }, 'en')}`, hint: 'expected an array of objects, one per verbatim (or JSON Lines with a .jsonl extension)' }),
  json_not_records: () => ({ reason: 'JSON document is not an array of objects', hint: 'expected [{"id": …, "commentaire": …}, …] or {"verbatims": [ … ]}; one object per line is JSON Lines (a .jsonl name, or --input-format jsonl)' }),
  json_too_deep: ({ depth, line, column }) => ({ reason: `JSON nested deeper than ${depth - 1} levels at line ${line}, column ${column}`, hint: DEEP_EN }),
  xlsx_damaged: ({ part, detail }) => ({ reason: part === undefined ? `damaged XLSX file (${detail})` : `damaged XLSX file: ${part} (${detail})`, hint: XLSX_DAMAGED_EN }),
  xlsx_checksum: ({ part }) => ({ reason: `damaged XLSX file: ${part} (checksum mismatch)`, hint: XLSX_DAMAGED_EN }),
  xlsx_bad_xml: ({ part, detail }) => ({ reason: `damaged XLSX file: ${part} is not valid XML (${detail})`, hint: XLSX_DAMAGED_EN }),
  xlsx_shared_string: ({ row, index, count }) => ({ reason: `damaged XLSX file: row ${row} refers to shared string ${index}, the file has ${count}`, hint: XLSX_DAMAGED_EN }),
  xlsx_sheet_missing: ({ sheet }) => ({ reason: `damaged XLSX file: the first worksheet (${sheet}) is missing`, hint: XLSX_DAMAGED_EN }),
  xlsx_no_sheet: () => ({ reason: 'XLSX file holds no worksheet', hint: 'check it is an Excel workbook saved as .xlsx' }),
  xlsx_changed: ({ sheet }) => ({ reason: `XLSX file changed while being read: ${sheet} is gone`, hint: 'read the file again once it is no longer being written' }),
  xlsx_too_large: ({ mb, maxMb }) => ({
    reason: `XLSX file inflates to ${mb} MB or more, over the ${maxMb} MB allowed (a damaged file or a zip bomb, or a very large export)`,
    hint: 'export the sheet as CSV UTF-8 (read as a stream, without limit), or raise the limit with --max-xlsx-size MB (maxXlsxSize in the API) if the file is trusted',
  }),
};

const documentFr: DocumentCatalogue = {
  json_invalid: ({ problem, found }) => ({ reason: `JSON invalide : ${jsonSyntaxText({ problem, found }, 'fr')}`, hint: 'un tableau d’objets est attendu, un par verbatim (ou du JSON Lines avec l’extension .jsonl)' }),
  json_not_records: () => ({ reason: "le document JSON n'est pas un tableau d'objets", hint: 'attendu : [{"id": …, "commentaire": …}, …] ou {"verbatims": [ … ]} ; un objet par ligne, c’est du JSON Lines (extension .jsonl, ou --input-format jsonl)' }),
  json_too_deep: ({ depth, line, column }) => ({ reason: `JSON imbriqué sur plus de ${depth - 1} niveaux à la ligne ${line}, colonne ${column}`, hint: DEEP_FR }),
  xlsx_damaged: ({ part, detail }) => ({ reason: part === undefined ? `fichier XLSX endommagé (${detail})` : `fichier XLSX endommagé : ${part} (${detail})`, hint: XLSX_DAMAGED_FR }),
  xlsx_checksum: ({ part }) => ({ reason: `fichier XLSX endommagé : ${part} (somme de contrôle incorrecte)`, hint: XLSX_DAMAGED_FR }),
  xlsx_bad_xml: ({ part, detail }) => ({ reason: `fichier XLSX endommagé : ${part} n'est pas du XML valide (${detail})`, hint: XLSX_DAMAGED_FR }),
  xlsx_shared_string: ({ row, index, count }) => ({ reason: `fichier XLSX endommagé : la ligne ${row} renvoie au texte partagé n° ${index}, le fichier n'en a que ${count}`, hint: XLSX_DAMAGED_FR }),
  xlsx_sheet_missing: ({ sheet }) => ({ reason: `fichier XLSX endommagé : la première feuille (${sheet}) est absente`, hint: XLSX_DAMAGED_FR }),
  xlsx_no_sheet: () => ({ reason: 'le fichier XLSX ne contient aucune feuille', hint: 'vérifiez que c’est un classeur Excel enregistré en .xlsx' }),
  xlsx_changed: ({ sheet }) => ({ reason: `le fichier XLSX a changé pendant sa lecture : ${sheet} a disparu`, hint: "relisez le fichier une fois qu'il n'est plus en cours d'écriture" }),
  xlsx_too_large: ({ mb, maxMb }) => ({
    reason: `le fichier XLSX se décompresse en ${mb} Mo ou plus, au-delà des ${maxMb} Mo permis (un fichier endommagé, une bombe zip, ou un très gros export)`,
    hint: 'exportez la feuille en CSV UTF-8 (lu en flux, sans limite), ou relevez la limite avec --max-xlsx-size Mo (maxXlsxSize dans l’API) si le fichier est sûr',
  }),
};

export const DOCUMENT_MESSAGES: Readonly<Record<'fr' | 'en', DocumentCatalogue>> = { en: documentEn, fr: documentFr };

/** What a damaged document's reject says in `lang`. */
export function documentText(problem: DocumentProblem, lang: 'fr' | 'en' = 'en'): { reason: string; hint: string } {
  return (DOCUMENT_MESSAGES[lang][problem.code] as (p: unknown) => { reason: string; hint: string })(problem.params);
}
