/**
 * Masking of personal data in verbatims shown in reports: emails, French
 * phone numbers, IBANs, card numbers, order/contract references and names
 * after a civility title. Every pattern is linear-time: unbounded repetitions
 * start only at a run boundary (look-behind) and other repetitions are bounded.
 */

/** Kinds of personal data that are masked. */
export type PersonalDataKind = 'email' | 'telephone' | 'iban' | 'carte' | 'reference' | 'nom';

/** Placeholder written in place of each kind. */
export const maskPlaceholders: Readonly<Record<PersonalDataKind, string>> = {
  email: '[email]',
  telephone: '[téléphone]',
  iban: '[iban]',
  carte: '[carte]',
  reference: '[référence]',
  nom: '[nom]',
};

/** One masked span. */
export interface MaskReplacement {
  kind: PersonalDataKind;
  /** Offsets in the original text, end exclusive. */
  start: number;
  end: number;
  /** Offsets of the placeholder in the masked text. */
  maskedStart: number;
  maskedEnd: number;
}

export interface MaskResult<S extends { start: number; end: number } = { start: number; end: number }> {
  text: string;
  /** Sorted by offset. */
  replacements: MaskReplacement[];
  /** The `spans` option, with offsets moved into the masked text. */
  spans: S[];
}

export interface MaskPersonalDataOptions<S extends { start: number; end: number }> {
  /**
   * Spans (highlights) with offsets into `text`, to move into the masked text.
   * A bound that falls inside a masked span moves to that placeholder's edge.
   */
  spans?: readonly S[];
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// 2 letters, 2 check digits, then groups of 4 (optionally spaced), e.g. FR76 3000 6000 0112 3456 7890 189.
const IBAN = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![\p{L}\p{N}])/gu;
const CARD_GROUPED = /(?<![\p{N}])\d{4}(?:[ -]\d{3,6}){2,4}(?![\p{N}])/gu;
const CARD_PLAIN = /(?<![\p{N}])\d{13,19}(?![\p{N}])/gu;
// 0X XX XX XX XX, 0X.XX…, +33 X XX…, +33 (0)X…, 0033 X…
const PHONE =
  /(?<![\p{N}+])(?:(?:\+|00) ?33 ?(?:\(0\) ?)?[1-9]|0[1-9])(?:[ .\u00a0-]?\d{2}){4}(?![\p{N}])/gu;
const CIVILITY_NAME =
  /(?<![\p{L}])(?:M\.|Mr\.?|Mme\.?|Mlle\.?|Monsieur|Madame|Mademoiselle)[ \u00a0]+(\p{Lu}[\p{L}'’-]*(?![\p{L}\p{N}'’-])(?:[ \u00a0]\p{Lu}[\p{L}'’-]*(?![\p{L}\p{N}'’-]))?)/gu;
const CIVILITY_WORD = /^(?:M|Mr|Mme|Mlle|Monsieur|Madame|Mademoiselle|Messieurs|Mesdames)$/u;
const RUN = /[\p{L}\p{N}][\p{L}\p{N}_/-]*/gu;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/u;
// A reference marker just before a run: "n° ", "commande : ", "réf. #"…
const REFERENCE_MARKER =
  /(?<![\p{L}\p{N}])(?:n°|no|num|numéro|numero|réf|ref|référence|reference|commande|dossier|contrat|client|facture|ticket|colis|suivi|compte|adhérent|adherent)[ \u00a0:#°.]{0,4}$/iu;

const isAlnum = (ch: string): boolean => /[\p{L}\p{N}]/u.test(ch);

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

interface Found {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

/** Claims spans in priority order; a later kind never overlaps an earlier one. */
class Claims {
  readonly found: Found[] = [];
  private readonly taken: Uint8Array;
  constructor(length: number) {
    this.taken = new Uint8Array(length);
  }
  free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return false;
    return true;
  }
  claim(kind: PersonalDataKind, start: number, end: number): void {
    if (end <= start || !this.free(start, end)) return;
    this.taken.fill(1, start, end);
    this.found.push({ kind, start, end });
  }
}

function scan(text: string, re: RegExp, each: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) each(m);
}

function findPersonalData(text: string): Found[] {
  const claims = new Claims(text.length);
  scan(text, EMAIL, (m) => claims.claim('email', m.index, m.index + m[0].length));
  scan(text, IBAN, (m) => {
    const compact = m[0].replace(/ /g, '');
    if (compact.length >= 15 && countDigits(compact) >= 10) claims.claim('iban', m.index, m.index + m[0].length);
  });
  scan(text, CARD_GROUPED, (m) => {
    const digits = countDigits(m[0]);
    if (digits >= 13 && digits <= 19) claims.claim('carte', m.index, m.index + m[0].length);
  });
  scan(text, CARD_PLAIN, (m) => {
    if (luhn(m[0])) claims.claim('carte', m.index, m.index + m[0].length);
  });
  scan(text, PHONE, (m) => claims.claim('telephone', m.index, m.index + m[0].length));
  scan(text, CIVILITY_NAME, (m) => {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    const words = name.split(/[ \u00a0]/u);
    const first = words[0] ?? '';
    if (CIVILITY_WORD.test(first.replace(/\.$/u, ''))) {
      // "Madame Monsieur Durand": retry from the second title.
      CIVILITY_NAME.lastIndex = start;
      return;
    }
    // "Durand Madame Martin": the name stops before the next title, which is matched again.
    const kept = words.length > 1 && CIVILITY_WORD.test(words[1] ?? '') ? first : name;
    claims.claim('nom', start, start + kept.length);
    CIVILITY_NAME.lastIndex = start + kept.length;
  });
  scan(text, RUN, (m) => {
    let token = m[0];
    while (token.length > 0 && !isAlnum(token[token.length - 1] ?? '')) token = token.slice(0, -1);
    const start = m.index;
    const digits = countDigits(token);
    if (digits === 0 || DATE_LIKE.test(token)) return;
    const marked = REFERENCE_MARKER.test(text.slice(Math.max(0, start - 20), start));
    if ((token.length >= 6 && digits >= 3) || (marked && token.length >= 4)) {
      claims.claim('reference', start, start + token.length);
    }
  });
  return claims.found.sort((a, b) => a.start - b.start);
}

/** Moves an offset of the original text into the masked text. */
function remap(replacements: readonly MaskReplacement[], offset: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const r of replacements) {
    if (offset <= r.start) break;
    if (offset < r.end) return side === 'start' ? r.maskedStart : r.maskedEnd;
    delta = r.maskedEnd - r.end;
  }
  return offset + delta;
}

/** Moves spans of the original text into the masked text (see `MaskPersonalDataOptions.spans`). */
export function moveSpans<S extends { start: number; end: number }>(
  replacements: readonly MaskReplacement[],
  spans: readonly S[],
): S[] {
  return spans.map((s) => ({ ...s, start: remap(replacements, s.start, 'start'), end: remap(replacements, s.end, 'end') }));
}

/**
 * Replaces personal data with placeholders (`[email]`, `[téléphone]`,
 * `[iban]`, `[carte]`, `[référence]`, `[nom]`) and moves the given spans so
 * they still cover the same words in the masked text.
 */
export function maskPersonalData<S extends { start: number; end: number } = { start: number; end: number }>(
  text: string,
  options: MaskPersonalDataOptions<S> = {},
): MaskResult<S> {
  if (typeof text !== 'string') {
    throw new TypeError(`verbatim-fr: expected text to be a string, got ${text === null ? 'null' : typeof text}`);
  }
  const found = findPersonalData(text);
  const replacements: MaskReplacement[] = [];
  let out = '';
  let last = 0;
  for (const f of found) {
    out += text.slice(last, f.start);
    const placeholder = maskPlaceholders[f.kind];
    replacements.push({ kind: f.kind, start: f.start, end: f.end, maskedStart: out.length, maskedEnd: out.length + placeholder.length });
    out += placeholder;
    last = f.end;
  }
  out += text.slice(last);
  return { text: out, replacements, spans: moveSpans(replacements, options.spans ?? []) };
}
