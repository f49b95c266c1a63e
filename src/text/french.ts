/**
 * French spelling tables the tokenizer consults. Keys are folded
 * (lowercase, no accents, straight apostrophe and hyphen).
 */

/** Elided forms (the part before the apostrophe) → the full word used as `norm`. */
export const ELISIONS: ReadonlyMap<string, string> = new Map([
  ['l', 'le'],
  ['d', 'de'],
  ['j', 'je'],
  ['n', 'ne'],
  ['qu', 'que'],
  ['s', 'se'],
  ['c', 'ce'],
  ['m', 'me'],
  ['t', 'te'],
  ['jusqu', 'jusque'],
  ['lorsqu', 'lorsque'],
  ['puisqu', 'puisque'],
  ['quoiqu', 'quoique'],
]);

/** `s'` before `il`/`ils` is the conjunction `si` ("s'il vous plaît"), not the pronoun `se`. */
export const SI_BEFORE: ReadonlySet<string> = new Set(['il', 'ils']);

/**
 * Words written with an apostrophe that are one word, not an elision.
 * `c'est-à-dire` is kept whole: it is one discourse marker ("that is"),
 * and the SMS form `cad` maps onto it.
 */
export const APOSTROPHE_WORDS: ReadonlySet<string> = new Set([
  "aujourd'hui",
  "prud'homme",
  "prud'hommes",
  "prud'homal",
  "prud'homale",
  "presqu'ile",
  "presqu'iles",
  "quelqu'un",
  "quelqu'une",
  "c'est-a-dire",
  "entr'acte",
  "entr'ouvert",
  "entr'ouverte",
]);

/** Pronouns that attach to a verb with a hyphen in questions and imperatives (`pouvez-vous`, `dis-moi`). */
export const INVERTED_PRONOUNS: ReadonlySet<string> = new Set([
  'je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles',
  'moi', 'toi', 'le', 'la', 'les', 'lui', 'leur', 'y', 'en',
]);

/** Pronouns that take the euphonic `-t-` (`a-t-il`, `va-t-on`). */
export const EUPHONIC_T_PRONOUNS: ReadonlySet<string> = new Set(['il', 'elle', 'on', 'ils', 'elles']);

/**
 * Hyphenated words whose last part looks like a pronoun but which are one
 * word (compared folded, so accentless spellings like `celle-la` are covered).
 */
export const PRONOUN_LIKE_COMPOUNDS: ReadonlySet<string> = new Set([
  'rendez-vous',
  'celui-la',
  'celle-la',
  'ceux-la',
  'celles-la',
  'jusque-la',
  'par-la',
  'de-la',
  'ca-et-la',
  'chez-nous',
  'chez-vous',
  'chez-moi',
  'chez-toi',
  'entre-nous',
]);

/**
 * Top-level domains accepted for bare domains (`site.fr`) without `http` or
 * `www`. Short TLDs that are also French words (ca, de, es, me, re, lu, co)
 * are left out: "c'était bien.ca marche" is a missing space, not a site.
 */
export const BARE_DOMAIN_TLDS = [
  'fr', 'com', 'net', 'org', 'eu', 'be', 'ch', 'io', 'info', 'biz', 'uk', 'app', 'shop',
  'store', 'gouv', 'tv', 'online', 'site', 'xyz', 'ai', 'dev', 'bzh', 'paris', 'corsica',
];

/** Abbreviations whose final period does not end a sentence (folded, without the period). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'm', 'mm', 'mme', 'mmes', 'mlle', 'mlles', 'mr', 'mrs', 'dr', 'pr', 'me', 'st', 'ste',
  'cf', 'ex', 'p', 'pp', 'env', 'tel', 'vol', 'av', 'bd', 'fig', 'ref', 'cie', 'ets', 'sq',
  'no', 'nb', 'ps', 'art', 'chap', 'apr', 'jc', 'hab', 'dept',
]);
