/**
 * Masking of personal data in verbatims shown in reports: emails (also
 * written out: "x arobase gmail point com"), French phone numbers in every
 * spelling, IBANs, social security numbers (NIR), card numbers, postal
 * addresses, order/customer references and person names (after a title, a
 * role, a sign-off, "je m'appelle", or a common first name). Dates, prices,
 * quantities and durations are never masked.
 *
 * Every pattern is linear-time: unbounded repetitions start only at a run
 * boundary (look-behind) and other repetitions are bounded; phones, names and
 * addresses are found by walking tokens once.
 */
import type { Match } from '../types.js';
import { findNames, mayHoldNames } from './mask-names.js';
import { expectedError, typeName } from '../_utils/describe.js';

/** Kinds of personal data that are masked (`social_security`: the French NIR). */
export type PersonalDataKind = 'email' | 'phone' | 'iban' | 'social_security' | 'card' | 'address' | 'reference' | 'name';

/** Placeholder written in place of each kind (French wording, as the verbatims are). */
export const maskPlaceholders: Readonly<Record<PersonalDataKind, string>> = {
  email: '[email]',
  phone: '[téléphone]',
  iban: '[iban]',
  social_security: '[n° sécu]',
  card: '[carte]',
  address: '[adresse]',
  reference: '[référence]',
  name: '[nom]',
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

// ---------------------------------------------------------------- emails

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+[ \u00a0]?@[ \u00a0]?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Top-level domains and mail providers an email written out may end with or use.
const TLD = 'fr|com|net|org|eu|be|ch|lu|ca|de|es|it|uk|io|info|biz|re|mc|ma|tn|dz|sn';
const PROVIDERS = /^(?:gmail|googlemail|hotmail|yahoo|outlook|live|msn|icloud|me|orange|wanadoo|free|sfr|neuf|laposte|bbox|numericable|club-internet|aol|protonmail|proton|gmx|mail|yopmail)$/iu;
const AT_SIGN = String.raw`[ \u00a0]*(?:\[ ?(?:at|@) ?\]|\( ?(?:at|@) ?\)|\{ ?(?:at|@) ?\})[ \u00a0]*|[ \u00a0]+(?:at|arobase|arobas|arrobase|arrobe)[ \u00a0]+|[ \u00a0]?@[ \u00a0]?`;
const DOT_SIGN = String.raw`[ \u00a0]*(?:\[ ?(?:dot|\.|point) ?\]|\( ?(?:dot|\.|point) ?\)|\{ ?(?:dot|\.) ?\})[ \u00a0]*|[ \u00a0]+(?:dot|point)[ \u00a0]+|[ \u00a0]?\.[ \u00a0]?`;
const LABEL = String.raw`[\p{L}\p{N}-]{1,63}`;
// "x arobase hotmail point fr", "x[at]yahoo[.]fr", "x at gmail dot com", "x (at) gmail (dot) com".
// A dot written out inside the local part: "jean (point) dupont (at) …", "jean dot dupont at …".
const LOCAL_DOT = String.raw`[ \u00a0]*(?:\[ ?(?:dot|point) ?\]|\( ?(?:dot|point) ?\))[ \u00a0]*|[ \u00a0]+(?:dot|point)[ \u00a0]+`;
const EMAIL_WRITTEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+(?:(?:${LOCAL_DOT})[\p{L}\p{N}._%+-]+){0,3})(${AT_SIGN})(${LABEL})((?:(?:${DOT_SIGN})${LABEL}){0,2}(?:${DOT_SIGN})(?:${TLD}))(?![\p{L}\p{N}])`,
  'giu',
);

// ---------------------------------------------------------------- numbers

const SEP = String.raw`[ \u00a0\u202f.-]`;
// IBAN: country, check digits, then groups; FR76 3000 6000 0112 3456 7890 189, FR 76 3000…, FR76-3000-…, fr7630006000…
const IBAN_COUNTRIES =
  'AD|AT|BA|BE|BG|CH|CY|CZ|DE|DK|EE|ES|FI|FO|FR|GB|GF|GI|GL|GP|GR|HR|HU|IE|IS|IT|LI|LT|LU|LV|MA|MC|MQ|MT|NC|NL|NO|PF|PL|PM|PT|RE|RO|RS|SE|SI|SK|SM|TN|TR|VA|YT';
const IBAN_GROUPED = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${IBAN_COUNTRIES})[ \u00a0\u202f]?\d{2}(?:${SEP}{1,2}[0-9A-Z]{1,11}){2,10}(?![\p{L}\p{N}])`, 'giu');
const IBAN_PLAIN = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${IBAN_COUNTRIES})\d{2}[0-9A-Z]{10,30}(?![\p{L}\p{N}])`, 'giu');
// IBAN lengths of the countries French customers mostly write.
const IBAN_LENGTHS: Readonly<Record<string, number>> = { FR: 27, MC: 27, BE: 16, DE: 22, CH: 21, LU: 20, ES: 24, IT: 27, PT: 25, NL: 18, GB: 22, IE: 22, AT: 20 };
// Groups after the country code are upper case (a lower-case word after an IBAN is no group of it).
const IBAN_LOWER_GROUP = /[ \u00a0\u202f.-][0-9A-Z]*[a-z]/u;
// NIR: sex, year, month, département (2A/2B), commune, order, optional key: 1 85 05 78 006 084 36.
const NIR = new RegExp(
  String.raw`(?<![\p{L}\p{N}])[1278]${SEP}?\d{2}${SEP}?(?:0[1-9]|1[0-2]|[2-9]\d)${SEP}?(?:\d{2}|2[ABab])${SEP}?\d{3}${SEP}?\d{3}(?:${SEP}?\d{2})?(?![\p{L}\p{N}])`,
  'gu',
);
// A French RIB written without its IBAN: bank, branch, account, key (30006 00001 12345678901 89).
const RIB = /(?<![\p{L}\p{N}])\d{5}[ \u00a0\u202f.-]?\d{5}[ \u00a0\u202f.-]?[0-9A-Z]{11}[ \u00a0\u202f.-]?\d{2}(?![\p{L}\p{N}])/gu;
const CARD_GROUPED = /(?<![\p{L}\p{N}+]|[\p{L}\p{N}][/.,:-])\d{4}(?:[ \u00a0\u202f-]\d{3,6}(?![\p{L}\p{N}]|[/.,]\d)){2,5}/gu;
const CARD_PLAIN = /(?<![\p{N}])\d{13,19}(?![\p{N}])/gu;
// Dates are never masked and never part of a phone: 12/03/2024, 12.03.24, 2024-03-12.
const DATE =
  /(?<![\p{L}\p{N}]|\d[/.-])(?:(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\p{N}]|[/.-]\d)/gu;
const DIGITS = /\d+/gu;
// A "+" that opens a number ("au +33 6…", "(+262)"), not one inside a word ("J+3").
const PLUS_BEFORE = /(?:^|[^\p{L}\p{N}])\+[ \u00a0(]?$/u;
// What may separate the digit groups of a phone number: spaces, a dot, a dash or a slash, parentheses.
const PHONE_GAP = /^(?:[ \u00a0\u202f]{1,3}|[ \u00a0\u202f]{0,2}[./-][ \u00a0\u202f]{0,2}|[ \u00a0\u202f]?[()][ \u00a0\u202f]?)$/u;

// ---------------------------------------------------------------- addresses

const STREET_TYPES =
  'rue|r|avenue|av|bd|boulevard|blvd|allée|allee|impasse|imp|chemin|ch|place|pl|quai|route|rte|cours|square|passage|lotissement|résidence|residence|voie|sentier|faubourg|fbg|montée|montee|rond-point|esplanade|parvis|promenade|traverse|villa|cité|cite|domaine|clos|chaussée|chaussee|ruelle|venelle|hameau|lieu-dit|lieudit';
// "12 bis rue des Lilas", "3 bis av des peupliers", "BP 42", "Lieu-dit La Ferrière". The lookahead (the first
// letter or digit of every alternative) lets the engine skip other positions before the look-behind: twice as fast.
const STREET_START = new RegExp(
  String.raw`(?=[\dlhzbct])(?<![\p{L}\p{N}+]|[\p{L}\p{N}][/.,:-])(?:(\d{1,4})(?:[ \u00a0]?(?:bis|ter|quater|[ABab])(?![\p{L}\p{N}]))?,?[ \u00a0]{1,2}(${STREET_TYPES})\.?(?![\p{L}\p{N}])|(lieu-dit|lieudit|hameau|ZI|ZA|ZAC|ZAE|zone (?:industrielle|artisanale|commerciale|d'activités?))(?![\p{L}\p{N}])|(BP|B\.P\.|CS|TSA)[ \u00a0]?\d{1,5}(?![\p{L}\p{N}]))`,
  'giu',
);
// Types that are also common words ("1 place de parking", "2 cours de yoga") need a capital, a postcode or a cue.
const AMBIGUOUS_TYPES = /^(?:r|place|pl|cours|route|voie|passage|villa|cité|cite|domaine|clos|square|promenade|traverse|ch|parvis|esplanade)$/iu;
const ADDRESS_CUE = /(?:adresse|habite|habitons|domicil|demeur|livr|envoy|au|chez|c'est|est)[ \u00a0:,]*$/iu;
const POSTCODE_TOWN = /(?<![\p{L}\p{N}])(?:0[1-9]|[1-8]\d|9[0-8])\d{3}[ \u00a0]+(?:\p{Lu}|(?<lower>\p{Ll}))[\p{L}\p{M}'’-]*/gu;
const PREFIX_LINE = /(?:(?:résidence|residence|rés\.|bâtiment|batiment|bât\.|bat\.|appartement|appt\.?|apt\.?|escalier|esc\.|étage)[ \u00a0][\p{L}\p{N}'’ .\u00a0-]{1,30}?,[ \u00a0]*){1,3}$/iu;
const ADDRESS_WORD = /\p{L}[\p{L}\p{M}]*(?:['’.-]\p{L}[\p{L}\p{M}]*)*\.?/uy;
// Words that end a street name: "rue des Lilas et le colis", "av des peupliers svp".
const STREET_STOP =
  /^(?:et|ou|mais|donc|car|à|a|au|aux|en|chez|pour|par|depuis|avant|après|apres|quand|svp|stp|merci|pas|pa|tte|tout|toute|le|la|les|un|une|ce|il|elle|je|j|on|nous|vous|qui|que|est|sont|était|etait|mon|ma|mes|sonnez|code|étage|etage|porte|bâtiment|batiment|bât|bat|appartement|apt|appt|escalier|tél|tel|mail|email|cedex)$/iu;
const STREET_PARTICLE = /^(?:de|du|des|d'|d’|la|le|les|l'|l’|saint|sainte|st|ste|aux|en|sur|sous)$/iu;
const TOWN_LEAD = /^(?:le|la|les|saint|sainte|st|ste|l')$/iu;

// ---------------------------------------------------------------- references

const RUN = /[\p{L}\p{N}][\p{L}\p{N}_/-]*/gu;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/u;
// 1000ml, 2x500g, 1920x1080, 15000mAh, 48h, 24h/24, 7j/7, 10h-12h, 2023/2024: measures and periods, never references.
const UNITS = 'ml|cl|dl|l|g|kg|mg|mah|wh|kwh|kw|w|v|go|gb|mo|mb|to|tb|km|m|cm|mm|h|mn|min|s|j|hz|ghz|mhz|p|pcs|cv|ch|ans?|mois|e|è|er|re|ère|ere|eme|ème|nd|nde|d';
const MEASURE_LIKE = new RegExp(String.raw`^\d+(?:[.,]\d+)?(?:(?:x\d+(?:[.,]\d+)?)+(?:${UNITS})?|(?:${UNITS}))$`, 'iu');
const PERIOD_LIKE = /^(?:\d{1,2}(?:h\d{0,2}|[jm])?[/-]\d{1,2}(?:h\d{0,2}|[jm])?|(?:19|20)\d{2}[/-](?:19|20)?\d{2})$/iu;
const YEAR = /^(?:19|20)\d{2}$/u;
const SCORE_LIKE = /^\d{1,3}\/\d{1,3}$/u;
const TIME_LIKE = /^\d{1,2}h\d{2}(?:mn|min)?$/iu;
// The next digit group of a reference written in groups: not a decimal, not followed by a unit or a currency.
const NEXT_GROUP = /^( \d{2,4})(?![\p{L}\p{N}]|[,.]\d|[ \u00a0]?(?:€|%|\$))/u;
// A reference marker just before a run: "n° ", "commande : ", "réf. #"…
const REFERENCE_MARKERS =
  'n°|no|num|numéro|numero|réf|ref|référence|reference|commande|dossier|contrat|client|facture|ticket|colis|suivi|compte|adhérent|adherent|abonné|abonne|réclamation|reclamation|sinistre|police|identifiant|id|matricule|transaction|bordereau';
const REFERENCE_MARKER = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${REFERENCE_MARKERS})[ \u00a0:#°.]{0,4}$`, 'iu');
const SPEAKER_LABEL = /(?:^|\n)[ \t]*(?:\[?[\d:/ -]+\]?[ \t]*)?client(?:e)?[ \u00a0]*:[ \u00a0]*$/iu;
// "modèle KSM175", "réf. produit 4471": a product, not a person's reference.
const PRODUCT_MARKER = /(?<![\p{L}\p{N}])(?:modèle|modele|model|produit|article|taille|pointure|version|série|serie)[ \u00a0:#°.]{0,4}$/iu;

const ALNUM = /[\p{L}\p{N}]/u;
const isAlnum = (ch: string): boolean => ALNUM.test(ch);

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

const LETTER = /\p{L}/u;

/** Letters of `s`, by code point: ASCII ones by their code, the rest by LETTER. */
function countLetters(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x80 ? (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a : LETTER.test(ch)) n++;
  }
  return n;
}

/**
 * The groups of a grouped number that make the card: 13 to 19 digits, the
 * Luhn check passing first, then 16 digits, then the first ("2024 4970 1012
 * 3456 7890" is a year and a card; "4970 1012 3456 7890 2023" a card and a year).
 */
function cardWindow(run: string): [number, number] | undefined {
  const groups = [...run.matchAll(/\d+/gu)].map((g) => ({ start: g.index, end: g.index + g[0].length, digits: g[0] }));
  let best: { start: number; end: number; score: number } | undefined;
  for (let s = 0; s < groups.length; s++) {
    let digits = '';
    for (let e = s; e < groups.length; e++) {
      digits += (groups[e] as (typeof groups)[number]).digits;
      if (digits.length > 19) break;
      if (digits.length < 13) continue;
      const score = (luhn(digits) ? 4 : 0) + (digits.length === 16 ? 2 : 0) + (s === 0 ? 1 : 0);
      if (best === undefined || score > best.score) best = { start: (groups[s] as (typeof groups)[number]).start, end: (groups[e] as (typeof groups)[number]).end, score };
    }
  }
  return best === undefined ? undefined : [best.start, best.end];
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

export interface Found {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

/** Claims spans in priority order; a later kind never overlaps an earlier one. Protected spans (dates) are never masked. */
class Claims {
  readonly found: Found[] = [];
  /** Per character: 1 claimed, 2 protected; made on the first claim (most texts have none). */
  private taken: Uint8Array | undefined;
  constructor(private readonly length: number) {}
  free(start: number, end: number): boolean {
    const taken = this.taken;
    if (taken === undefined) return true;
    for (let i = start; i < end; i++) if (taken[i]) return false;
    return true;
  }
  claim(kind: PersonalDataKind, start: number, end: number): boolean {
    if (end <= start || !this.free(start, end)) return false;
    this.taken ??= new Uint8Array(this.length);
    this.taken.fill(1, start, end);
    this.found.push({ kind, start, end });
    return true;
  }
  protect(start: number, end: number): void {
    this.taken ??= new Uint8Array(this.length);
    this.taken.fill(2, start, end);
  }
}

function scan(text: string, re: RegExp, each: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) each(m);
}

/**
 * What EMAIL_WRITTEN needs after a plain `@` (AT_SIGN's last form): a label
 * (LABEL, any length here), then a dot as DOT_SIGN writes one, bracketed,
 * spelled or plain (sticky, from just after the `@`).
 */
const DOMAIN_AFTER_AT = /[ \u00a0]?[\p{L}\p{N}-]+[ \u00a0]*(?:[.[({]|dot|point)/iuy;
/** EMAIL from a given offset (sticky). */
const EMAIL_AT = new RegExp(EMAIL.source, 'uy');
/** The code point (one or two code units) just before an offset, if it is one of EMAIL's local part. */
const LOCAL_CHAR_BEFORE = /[\p{L}\p{N}._%+-]$/u;

/** The width (1 or 2) of the code point just before `end` when it is one of EMAIL's local part, else 0. */
function localCharBefore(text: string, end: number): number {
  const m = LOCAL_CHAR_BEFORE.exec(text.slice(Math.max(0, end - 2), end));
  return m === null ? 0 : m[0].length;
}

/**
 * EMAIL's matches, as a scan of the whole text finds them, each tried at the
 * one place it can start: the local part takes every character of its class
 * (none of them is a space or `@`), so a match holding the `@` at `a` starts
 * where the run of those characters ending at `a` (or at the space before it)
 * starts. The scan from the text's start tried EMAIL at every position: most
 * of what masking cost a text with an `@`. Linear: each run is read once.
 * Returns whether every `@` of the text is in an email found or cannot be
 * the at sign of a written-out one (a mention, "@Orange").
 */
function findAtSignEmails(text: string, claims: Claims): boolean {
  // Whether every `@` is in an email found, or cannot open a written-out one: a label then a dot, written or not.
  let every = true;
  const bare = (a: number): void => {
    if (!every) return;
    DOMAIN_AFTER_AT.lastIndex = a + 1;
    every = !DOMAIN_AFTER_AT.test(text);
  };
  // `from`: the end of the last match (where the scan would go on), or past the last `@` read.
  let from = 0;
  let lastEnd = 0;
  for (let a = text.indexOf('@'); a >= 0; a = text.indexOf('@', from)) {
    from = a + 1;
    const before = text.charCodeAt(a - 1);
    const end = before === 0x20 || before === 0xa0 ? a - 1 : a;
    let start = end;
    for (let w = start > 0 ? localCharBefore(text, start) : 0; w > 0; w = start > 0 ? localCharBefore(text, start) : 0) start -= w;
    // No local part, or one that began before the last match ended (the look-behind refuses every start inside it).
    if (start === end || start < lastEnd) {
      bare(a);
      continue;
    }
    EMAIL_AT.lastIndex = start;
    const m = EMAIL_AT.exec(text);
    if (m === null) {
      bare(a);
      continue;
    }
    lastEnd = start + m[0].length;
    claims.claim('email', start, lastEnd);
    from = lastEnd;
  }
  return every;
}

/** `at`: the text holds an `@` (EMAIL needs one); `gated`: the shortcuts taken (findPersonalData's `gated`). */
function findEmails(text: string, claims: Claims, at: boolean, gated: boolean): void {
  let written = true;
  if (!gated) {
    // Ungated, the scan of the whole text: what test/report/mask-gates.test.ts compares the shortcut with.
    if (at) scan(text, EMAIL, (m) => claims.claim('email', m.index, m.index + m[0].length));
  } else {
    // With every `@` in an email found (a match on it overlaps that email, and is refused) or followed by
    // no label and dot, EMAIL_WRITTEN could only add one whose at sign is written out (WRITTEN_AT).
    const bare = at && !findAtSignEmails(text, claims);
    written = bare || WRITTEN_AT.test(text);
  }
  if (!written || !/(?:at|arobas|arrob|\[|\()/iu.test(text)) return;
  scan(text, EMAIL_WRITTEN, (m) => {
    const [whole, local = '', at = '', domain = '', rest = ''] = m;
    // A written-out word ("at", "point") needs an address-like local part or a known provider: "rendez-vous at home" is no email.
    const wordAt = /^[ \u00a0]+\p{L}/u.test(at);
    const wordDot = /[ \u00a0]+(?:dot|point)[ \u00a0]+/iu.test(rest);
    if ((wordAt || wordDot) && !/[._\d]|\S[ \u00a0([]+(?:dot|point)\b/iu.test(local) && !PROVIDERS.test(domain)) return;
    claims.claim('email', m.index, m.index + whole.length);
  });
}

function findIbans(text: string, claims: Claims): void {
  let re = IBAN_GROUPED;
  const take = (m: RegExpExecArray): void => {
    let raw = m[0];
    // A space between country and check digits only with a capitalised country: "FR 76 …", not "fr 06 12 34…";
    // and the first group holds 4 characters at least (IBAN and RIB groups), never 2 ("FR 06 12 34 56 78" is a phone).
    const spaced = /^\p{L}{2}[ \u00a0\u202f]/u.test(raw);
    const firstGroup = /^\p{L}{2}[ \u00a0\u202f]?\d{2}(?:[ \u00a0\u202f.-]{1,2}([0-9A-Za-z]+))?/u.exec(raw)?.[1];
    if (firstGroup !== undefined && firstGroup.length < 4) {
      re.lastIndex = m.index + 1;
      return;
    }
    // Stop before a lower-case group: "fr76 3000 … 189 pr le remboursement".
    const lower = IBAN_LOWER_GROUP.exec(raw.slice(4));
    if (lower !== null) raw = raw.slice(0, 4 + lower.index);
    // Cut after the group where the IBAN reaches its country's length (or 34): "… 189 CMD2024881" is an IBAN and a reference.
    const expected = IBAN_LENGTHS[raw.slice(0, 2).toUpperCase()];
    let length = 0;
    let end = -1;
    let fallback = -1;
    for (const g of raw.matchAll(/[\p{L}\p{N}]+/gu)) {
      length += g[0].length;
      if (length > 34) break;
      const at = g.index + g[0].length;
      if (length >= 14) fallback = at;
      if (length === expected) {
        end = at;
        break;
      }
    }
    if (end < 0) end = fallback;
    const ok = end > 0 && !(spaced && raw.slice(0, 2) !== raw.slice(0, 2).toUpperCase()) && countDigits(raw.slice(0, end)) >= 10;
    // A candidate refused, or cut short, may hide another one starting inside it: scan again just after its start.
    if (!(ok && claims.claim('iban', m.index, m.index + end))) re.lastIndex = m.index + 1;
    else if (end < m[0].length) re.lastIndex = m.index + end;
  };
  scan(text, IBAN_GROUPED, take);
  re = IBAN_PLAIN;
  scan(text, IBAN_PLAIN, take);
  scan(text, RIB, (m) => claims.claim('iban', m.index, m.index + m[0].length));
}

/**
 * French phone numbers in every spelling: 06 12 34 56 78, 06.12…, 06-12…,
 * 0612345678, 06 / 12 34 56 78, 06 324 416 84, 0 800 123 456, +33 6 12…,
 * (+33) 6…, +33 (0)6…, 0033 6…, double spaces, no-break spaces. Digit groups
 * joined by small gaps are walked once; a phone is 10 digits from a leading 0,
 * or 9 after +33 / 0033 (10 when a 0 or "(0)" follows the country code).
 */
function findPhones(text: string, claims: Claims): void {
  const groups: Array<{ start: number; end: number; digits: string }> = [];
  scan(text, DIGITS, (m) => groups.push({ start: m.index, end: m.index + m[0].length, digits: m[0] }));
  const linked = (k: number): boolean => {
    const a = groups[k - 1];
    const b = groups[k];
    return a !== undefined && b !== undefined && PHONE_GAP.test(text.slice(a.end, b.start));
  };
  const before = (pos: number): string => text.slice(Math.max(0, pos - 4), pos);
  let i = 0;
  while (i < groups.length) {
    const g = groups[i] as (typeof groups)[number];
    const prev = text[g.start - 1] ?? '';
    let start = -1;
    let need = 0;
    let j = i;
    if ((g.digits === '33' || g.digits === '0033') && (g.digits === '0033' ? !/[\p{L}\p{N}]/u.test(prev) : PLUS_BEFORE.test(before(g.start)))) {
      // Country code, then "(0)" or a 0 that people add, then 9 digits.
      start = g.digits === '33' ? text.lastIndexOf('+', g.start) : g.start;
      if (text[start - 1] === '(') start--;
      j = i + 1;
      if (groups[j]?.digits === '0' && linked(j)) j++;
      need = groups[j]?.digits.startsWith('0') === true ? 10 : 9;
      if (!linked(j)) j = -1;
    } else if (/^(?:\+?33|0033)\d{9,10}$/u.test(g.digits) && (g.digits.startsWith('0') ? !/[\p{L}\p{N}]/u.test(prev) : prev === '+')) {
      // Glued: +33612345678, 0033612345678.
      const s = g.digits.startsWith('0') ? g.start : g.start - 1;
      claims.claim('phone', s, g.end);
      i++;
      continue;
    } else if (PLUS_BEFORE.test(before(g.start)) && !/^33/u.test(g.digits)) {
      // Another country (+262 692 12 34 56, +32 470 12 34 56): 10 to 15 digits with the country code.
      let total = 0;
      let k = i;
      while (k < groups.length && (k === i || linked(k)) && total + (groups[k] as (typeof groups)[number]).digits.length <= 15) {
        total += (groups[k] as (typeof groups)[number]).digits.length;
        k++;
      }
      const last = groups[k - 1];
      if (total >= 10 && last !== undefined && claims.claim('phone', text.lastIndexOf('+', g.start), last.end)) {
        i = k;
        continue;
      }
      i++;
      continue;
    } else if (g.digits.startsWith('0') && !/[\p{L}\p{N}+,]/u.test(prev) && !(prev === '.' && /\d/u.test(text[g.start - 2] ?? ''))) {
      start = g.start;
      need = 10;
    }
    if (start >= 0 && j >= 0) {
      let total = 0;
      let k = j;
      let ok = false;
      while (k < groups.length && (k === j || linked(k))) {
        const d = (groups[k] as (typeof groups)[number]).digits;
        // Groups of 1 to 4 digits, or the whole number in one group.
        if (d.length > 4 && !(k === j && d.length === need)) break;
        total += d.length;
        if (total >= need) {
          ok = total === need;
          break;
        }
        k++;
      }
      const first = groups[j];
      const end = groups[k];
      // National numbers: 0 then 1–9 (never 00); the digit after the country code is 1–9.
      const digits = groups.slice(j, k + 1).map((x) => x.digits).join('');
      const valid = need === 10 ? /^0[1-9]/u.test(digits) : /^[1-9]/u.test(digits);
      if (ok && first !== undefined && end !== undefined && valid && claims.claim('phone', start, end.end)) {
        i = k + 1;
        continue;
      }
    }
    i++;
  }
}

/** Skips one word at `pos` (after spaces); returns its bounds or undefined. */
function wordAt(text: string, pos: number): { start: number; end: number; word: string } | undefined {
  let p = pos;
  while (text[p] === ' ' || text[p] === '\u00a0') p++;
  if (p - pos > 2) return undefined;
  ADDRESS_WORD.lastIndex = p;
  const m = ADDRESS_WORD.exec(text);
  if (m === null) return undefined;
  return { start: p, end: p + m[0].length, word: m[0] };
}

/** A town after a postcode: "Lyon", "Le Mans", "Saint-Denis CEDEX", "Marseille CEDEX 01". */
function townEnd(text: string, pos: number, lower: boolean): number {
  const first = wordAt(text, pos);
  if (first === undefined || (!lower && !/^\p{Lu}/u.test(first.word))) return -1;
  if (STREET_STOP.test(first.word.replace(/\.$/u, '')) && !TOWN_LEAD.test(first.word)) return -1;
  let end = first.end - (first.word.endsWith('.') ? 1 : 0);
  if (TOWN_LEAD.test(first.word)) {
    const second = wordAt(text, end);
    if (second !== undefined) end = second.end;
  }
  const cedex = /^[ \u00a0]+cedex(?:[ \u00a0]+\d{1,2})?(?![\p{L}\p{N}])/iu.exec(text.slice(end, end + 12));
  if (cedex !== null) end += cedex[0].length;
  return end;
}

/** A postcode and town after `pos` (", 69003 Lyon"); returns the new end or -1. */
function postcodeAfter(text: string, pos: number, lower: boolean): number {
  const m = /^,?[ \u00a0]{0,2}(?:(?:0[1-9]|[1-8]\d|9[0-8])\d{3})(?![\p{N}])/u.exec(text.slice(pos, pos + 10));
  if (m === null) return -1;
  return townEnd(text, pos + m[0].length, lower);
}

/**
 * Postal addresses: number (bis/ter) + street type + name, then an optional
 * postcode and town (CEDEX); "BP 42, 13001 Marseille CEDEX 01"; a building
 * line before ("Résidence Les Pins, bât. B, …"); a postcode and town alone.
 * `scans`: the bits of the scans to run (addressScans).
 */
function findAddresses(text: string, claims: Claims, scans: number): void {
  if (scans & STREETS) scan(text, STREET_START, (m) => {
    const numbered = m[1] !== undefined;
    const type = m[2] ?? m[3] ?? '';
    let end = m.index + m[0].length;
    let capital = false;
    let words = 0;
    // The street name: particles and words, spaces between, up to five words.
    for (let guard = 0; guard < 8; guard++) {
      const w = wordAt(text, end);
      // A word already masked, or glued to digits ("FR76"), ends the street name.
      if (w === undefined || m[4] !== undefined || !claims.free(w.start, w.end) || /\d/u.test(text[w.end] ?? '')) break;
      const bare = w.word.replace(/\.$/u, '');
      if (STREET_PARTICLE.test(bare)) {
        // "de la Croix Blanche": particles count only before a word of the name.
        let after = wordAt(text, w.end);
        while (after !== undefined && STREET_PARTICLE.test(after.word)) after = wordAt(text, after.end);
        if (after === undefined || STREET_STOP.test(after.word.replace(/\.$/u, ''))) break;
        end = w.end;
        continue;
      }
      if (STREET_STOP.test(bare) || words >= 5) break;
      // After a capitalised word, a lower-case one ends the name ("rue des Lilas colis…"), as does "iPhone".
      const upper = /^\p{Lu}/u.test(bare);
      if ((capital && !upper) || /^\p{Ll}+\p{Lu}/u.test(bare)) break;
      if (upper) capital = true;
      end = w.end - (w.word.endsWith('.') && words > 0 ? 1 : 0);
      words++;
    }
    if (words === 0 && m[4] === undefined) return;
    const postcode = postcodeAfter(text, end, true);
    const cue = ADDRESS_CUE.test(text.slice(Math.max(0, m.index - 20), m.index));
    if (numbered && !capital && postcode < 0 && !cue) return;
    if (numbered && AMBIGUOUS_TYPES.test(type) && !capital && postcode < 0) return;
    if (!numbered && m[4] === undefined && !capital) return;
    if (postcode >= 0) end = postcode;
    else if (m[4] !== undefined) return;
    let start = m.index;
    const prefix = PREFIX_LINE.exec(text.slice(Math.max(0, start - 80), start));
    if (prefix !== null) start -= prefix[0].length;
    claims.claim('address', start, end);
  });
  if (scans & POSTCODES) scan(text, POSTCODE_TOWN, (m) => {
    const code = /^\d{5}/u.exec(m[0]);
    if (code === null || m.groups?.['lower'] !== undefined) return;
    const end = townEnd(text, m.index + 5, false);
    if (end > 0) claims.claim('address', m.index, end);
  });
}

/**
 * References among the runs of letters, digits and `_/-` (RUN). Given the
 * text's digits (`findPersonalData` gated), only the runs that hold one are
 * read, found from the digits, as the scan of every run would read them (a
 * run without a digit is never a reference).
 */
function findReferences(text: string, claims: Claims, digits?: Digits): void {
  if (digits === undefined) {
    scan(text, RUN, (m) => {
      const end = referenceAt(text, claims, m.index, m[0]);
      if (end >= 0) RUN.lastIndex = Math.max(RUN.lastIndex, end);
    });
    return;
  }
  // Where the scan of every run would be: the end of the last run read, or of the last reference (it may run past it).
  let pos = 0;
  for (const digit of digits.runStarts) {
    if (digit < pos) continue;
    const start = runStart(text, digit, pos);
    RUN_AT.lastIndex = start;
    const run = RUN_AT.exec(text)?.[0] ?? '';
    const end = referenceAt(text, claims, start, run);
    pos = Math.max(start + run.length, end);
  }
}

/** RUN, read from a given position. */
const RUN_AT = new RegExp(RUN.source, 'uy');

/**
 * Where the run holding the digit at `digit` starts, as the scan of runs
 * finds it when it resumes at `floor`: the first letter or digit of the
 * stretch of run characters (`[\p{L}\p{N}_/-]`, read by code point) around
 * it, from `floor` on.
 */
function runStart(text: string, digit: number, floor: number): number {
  let start = digit;
  while (start > floor) {
    const low = text.charCodeAt(start - 1);
    const high = start >= 2 ? text.charCodeAt(start - 2) : 0;
    const width = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff && start - 2 >= floor ? 2 : 1;
    if (!IN_RUN.test(text.slice(start - width, start))) break;
    start -= width;
  }
  // Of the run characters, only _ / - are neither letters nor digits.
  while (text[start] === '_' || text[start] === '/' || text[start] === '-') start++;
  return start;
}

/** The run `run` at `start`, claimed when it is a reference: the claim's end, or -1. */
function referenceAt(text: string, claims: Claims, start: number, run: string): number {
  let token = run;
  while (token.length > 0 && !isAlnum(token[token.length - 1] ?? '')) token = token.slice(0, -1);
  // Shorter than 4, it is neither a marked reference (4 at least) nor an unmarked one (5 digits at least):
  // the small numbers of most texts ("3 jours", "20€") stop here, before any pattern.
  if (token.length < 4) return -1;
  const digits = countDigits(token);
  if (digits === 0 || DATE_LIKE.test(token) || MEASURE_LIKE.test(token) || TIME_LIKE.test(token) || SCORE_LIKE.test(token)) return -1;
  const before = text.slice(Math.max(0, start - 20), start);
  if (PRODUCT_MARKER.test(before)) return -1;
  // "Client : 45872" opens a chat turn: the speaker label marks no reference.
  const marked = REFERENCE_MARKER.test(before) && !SPEAKER_LABEL.test(before);
  const letters = countLetters(token);
  const isReference = marked
    ? token.length >= 4 && !YEAR.test(token) && !PERIOD_LIKE.test(token)
    : !PERIOD_LIKE.test(token) && !SCORE_LIKE.test(token) && (digits >= 6 || (digits >= 5 && letters >= 1 && token.length >= 7));
  if (!isReference) return -1;
  let end = start + token.length;
  // "compte client 7003 448 120": digit groups that follow a marked number belong to it.
  // Only after a short first group, never into a price or a quantity ("commande 4821937 12,90 €").
  if (marked && /^\d{2,4}$/u.test(token)) {
    for (let g = NEXT_GROUP.exec(text.slice(end, end + 12)); g !== null; g = NEXT_GROUP.exec(text.slice(end, end + 12))) end += g[1]?.length ?? 0;
  }
  return claims.claim('reference', start, end) ? end : -1;
}

// ---------------------------------------------------------------- gates

// An at sign as EMAIL_WRITTEN's AT_SIGN writes it: bracketed, or a word between spaces ("@" itself aside).
const WRITTEN_AT = /[[({] ?(?:at|@) ?[\])}]|[ \u00a0](?:at|arobase|arobas|arrobase|arrobe)[ \u00a0]/iu;
// STREET_START's numbered branch from the last digit of the number.
const STREET_AFTER_DIGIT = new RegExp(
  String.raw`\d(?:[ \u00a0]?(?:bis|ter|quater|[ABab])(?![\p{L}\p{N}]))?,?[ \u00a0]{1,2}(?:${STREET_TYPES})(?![\p{L}\p{N}])`,
  'iuy',
);
// STREET_START's place branch, loosened (no look-behind; "zone " whatever follows). Its BP branch needs a postcode.
const PLACE_WORD = /lieu-dit|lieudit|hameau|zone |z(?:i|a|ac|ae)(?![\p{L}\p{N}])/iu;
// STREET_START's postal-box branch, loosened (no look-behind, one digit): it needs a postcode after it.
const POSTAL_BOX = /(?:BP|B\.P\.|CS|TSA)[ \u00a0]?\d/iu;
const IN_RUN = /[\p{L}\p{N}_/-]/u;

/** What the finders of numbers need: how many digits, the longest run of them, where each run starts. */
interface Digits {
  count: number;
  longestRun: number;
  runStarts: number[];
}

function digitsOf(text: string): Digits {
  const runStarts: number[] = [];
  let count = 0;
  let run = 0;
  let longestRun = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (run === 0) runStarts.push(i);
      count++;
      if (++run > longestRun) longestRun = run;
    } else run = 0;
  }
  return { count, longestRun, runStarts };
}

/** findAddresses' scans, as bits: STREET_START's, POSTCODE_TOWN's. */
const STREETS = 1;
const POSTCODES = 2;

/**
 * findAddresses' scans that may find something (bits): a number then a
 * street type, a place word, a postal box before a postcode (STREET_START),
 * a postcode alone (POSTCODE_TOWN: 5 digits in a row). A phone number or a
 * reference has 5 digits in a row too: then only the postcodes are looked
 * for, unless a street may be there as well.
 */
function addressScans(text: string, digits: Digits): number {
  const postcodes = digits.longestRun >= 5;
  return (mayHoldStreet(text, digits, postcodes) ? STREETS : 0) | (postcodes ? POSTCODES : 0);
}

/** STREET_START may match: a number then a street type, a place word, or (`postcode`: 5 digits in a row) a postal box. */
function mayHoldStreet(text: string, digits: Digits, postcode: boolean): boolean {
  if (postcode && POSTAL_BOX.test(text)) return true;
  for (const start of digits.runStarts) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    STREET_AFTER_DIGIT.lastIndex = end - 1;
    if (STREET_AFTER_DIGIT.test(text)) return true;
  }
  return PLACE_WORD.test(text);
}

/**
 * A reference may be here: 5 digits (what one holds unmarked), or a run
 * holding a digit with REFERENCE_MARKER before it, read as findReferences
 * reads it (the 20 characters before the run).
 */
function mayHoldReference(text: string, digits: Digits): boolean {
  if (digits.count >= 5) return true;
  for (const digit of digits.runStarts) {
    const start = runStart(text, digit, 0);
    if (REFERENCE_MARKER.test(text.slice(Math.max(0, start - 20), start))) return true;
  }
  return false;
}

/**
 * The personal data in `text`, sorted. Each finder runs only when the text
 * holds what its patterns cannot match without (an `@`, 10 digits, a
 * postcode or a number before a street type, a reference marker, a word
 * that opens a name…): each gate is a necessary condition read off the
 * finder's own patterns, so skipping a finder whose gate is closed changes
 * nothing. `gated: false` runs every finder on every text, what
 * test/report/mask-gates.test.ts compares with on the corpora, the
 * personal-data sets and random texts. Most verbatims hold no personal data:
 * they pay for a scan of their digits and one of their words.
 */
export function findPersonalData(text: string, gated = true): Found[] {
  const claims = new Claims(text.length);
  const digits = gated ? digitsOf(text) : undefined;
  // Numbers, addresses and references are looked for only in a text with a digit (not a gate: what is masked).
  const hasDigit = digits === undefined ? /\d/u.test(text) : digits.count > 0;
  const at = !gated || text.includes('@');
  findEmails(text, claims, at, gated);
  if (hasDigit) {
    // 10 digits: an IBAN or a RIB, a NIR (12), a card (13) or a phone (10 from a 0, 11 with +33).
    const long = digits === undefined || digits.count >= 10;
    if (long) findIbans(text, claims);
    // 4 digits: a date.
    if (digits === undefined || digits.count >= 4) {
      scan(text, DATE, (m) => {
        if (claims.free(m.index, m.index + m[0].length)) claims.protect(m.index, m.index + m[0].length);
      });
    }
    if (long) {
      scan(text, NIR, (m) => claims.claim('social_security', m.index, m.index + m[0].length));
      scan(text, CARD_GROUPED, (m) => {
        const window = cardWindow(m[0]);
        if (window !== undefined && claims.claim('card', m.index + window[0], m.index + window[1])) CARD_GROUPED.lastIndex = m.index + window[1];
        else if (window !== undefined) CARD_GROUPED.lastIndex = m.index + 1;
      });
      scan(text, CARD_PLAIN, (m) => {
        if (luhn(m[0])) claims.claim('card', m.index, m.index + m[0].length);
      });
      findPhones(text, claims);
    }
    const addresses = digits === undefined ? STREETS | POSTCODES : addressScans(text, digits);
    if (addresses !== 0) findAddresses(text, claims, addresses);
  }
  if (!gated || mayHoldNames(text)) {
    findNames(
      text,
      (s, e) => claims.free(s, e),
      (s, e) => claims.claim('name', s, e),
    );
  }
  if (hasDigit && digits === undefined) findReferences(text, claims);
  else if (hasDigit && digits !== undefined && mayHoldReference(text, digits)) findReferences(text, claims, digits);
  return claims.found.sort((a, b) => a.start - b.start);
}

/**
 * Moves an offset of the original text into the masked text. The
 * replacements are sorted and never overlap: only the last one starting
 * before the offset can hold it or shift it, found by bisection (a long
 * letter has thousands of spans and of replacements: a scan of them per span
 * was quadratic).
 */
function remap(replacements: readonly MaskReplacement[], offset: number, side: 'start' | 'end'): number {
  let lo = 0;
  let hi = replacements.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((replacements[mid] as MaskReplacement).start < offset) lo = mid + 1;
    else hi = mid;
  }
  const r = replacements[lo - 1];
  if (r === undefined) return offset;
  if (offset < r.end) return side === 'start' ? r.maskedStart : r.maskedEnd;
  return offset + r.maskedEnd - r.end;
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
 * `[iban]`, `[n° sécu]`, `[carte]`, `[adresse]`, `[référence]`, `[nom]`) and
 * moves the given spans so they still cover the same words in the masked text.
 */
export function maskPersonalData<S extends { start: number; end: number } = { start: number; end: number }>(
  text: string,
  options: MaskPersonalDataOptions<S> = {},
): MaskResult<S> {
  if (typeof text !== 'string') {
    throw expectedError('text to be a string', typeName(text));
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

/**
 * An analysis as it may leave the program with masking on (`--annotate`): the
 * text and every match's `text` masked. Offsets stay those of the input text,
 * and the id, channel, date, score and meta columns are the user's: they stay.
 */
export function maskAnalysis<A extends { text: string; matches: readonly Match[]; allMatches?: readonly Match[] | undefined }>(analysis: A): A {
  // Not a string: left to the caller's own checks.
  if (typeof analysis.text !== 'string') return analysis;
  const masked = maskPersonalData(analysis.text);
  if (masked.replacements.length === 0) return analysis;
  const maskMatches = (matches: readonly Match[]): Match[] =>
    moveSpans(masked.replacements, matches).map((moved, i) => ({ ...(matches[i] as Match), text: masked.text.slice(moved.start, moved.end) }));
  const out: A = { ...analysis, text: masked.text, matches: maskMatches(analysis.matches) };
  if (analysis.allMatches !== undefined) out.allMatches = maskMatches(analysis.allMatches);
  return out;
}

/** Masks what a reader quotes from the input in a reject reason or hint: `invalid JSON: … "jean@exemple.fr" is not valid JSON`. */
export function maskQuotedInput(s: string): string {
  return s.includes('"') ? s.replace(/"([^"\n]{1,4000})"/gu, (_, inner: string) => `"${maskPersonalData(inner).text}"`) : s;
}
