import { expectString } from './guard.js';

// Apostrophe look-alikes customers (and word processors) type.
const APOSTROPHES_RE = /[’ʼ‘`´]/g;
const QUOTES_RE = /[«»“”„‟]/g;
const DASHES_RE = /[\u2010-\u2015\u2212]/g;
// \r\n, \r and the Unicode line/paragraph separators are line breaks.
const LINE_BREAKS_RE = /\r\n?|[\u2028\u2029\u0085]/g;
// Every Unicode space except \n and \t, which carry structure (lines, cells).
const SPACES_RE = /[^\S\n\t]/g;
// Control characters (C0 except \t \n \v \f \r, DEL, C1 except NEL) and zero-width / format characters.
const INVISIBLES_RE = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

// A ZWJ/ZWNJ only means something between two pictographs.
const ZWJ_OUTSIDE_EMOJI_RE = /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])[\u200C\u200D]|[\u200C\u200D](?![\p{Extended_Pictographic}])/gu;

/**
 * Canonical form of a text for display and comparison: Unicode NFC,
 * apostrophes → `'`, French and curly quotes → `"`, dashes → `-`, all spaces
 * (NBSP, narrow NBSP…) → ` `, line breaks (\r\n, \r, U+2028) → `\n`, control and zero-width characters removed
 * (`\n` and `\t` kept). Idempotent. Lengths change, so never tokenize the
 * result when offsets matter: `tokenize` works on the original.
 * A zero-width joiner inside an emoji sequence (👨‍👩‍👧) is kept.
 */
export function normalize(text: string): string {
  expectString(text);
  // Removals first, then NFC (a removed character may have kept a letter
  // and its accent apart), then one-for-one replacements NFC cannot undo.
  return text
    .replace(INVISIBLES_RE, '')
    .replace(ZWJ_OUTSIDE_EMOJI_RE, '')
    .normalize('NFC')
    .replace(LINE_BREAKS_RE, '\n')
    .replace(APOSTROPHES_RE, "'")
    .replace(QUOTES_RE, '"')
    .replace(DASHES_RE, '-')
    .replace(SPACES_RE, ' ');
}
