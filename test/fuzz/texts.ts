// Texts for the JSON and XLSX generators: the words of files.ts, plus what
// real exports carry and readers or the analysis may trip on (control and
// bidi characters, lone surrogates, emoji, markup, formulas, personal data).
import fc from 'fast-check';
import { WORDS } from './files.js';

const ODD = [
  '\u202eesrever', 'e\u0301', '\u00a0', '\u0007', '\t', '\u2028', '\ufb01n', '😀👍🏽', '\ud83d', '\udc00', '<b>&amp;</b>', ']]>',
  '=SOMME(A1)', '@commande', 'jean.dupont@exemple.fr', '06 12 34 56 78', '_x0041_', '\u0000', '\ufeff', 'ﾟ', 'ŀ', '»',
];

/** The words of one text: mostly French words, some odd characters, now and then any code units. */
export const textTokens: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
  ),
  { minLength: 1, maxLength: 16 },
);

/** A text that is not blank (a blank one is its own case). */
export function joinText(tokens: readonly string[]): string {
  const text = tokens.join(' ');
  return text.trim() === '' ? `vide${text}` : text;
}

/** About `chars` characters of text built from `tokens`, for long verbatims. */
export function longText(tokens: readonly string[], chars: number): string {
  const unit = `${joinText(tokens)} `;
  return unit.repeat(Math.max(1, Math.ceil(chars / unit.length)));
}
