// Negation scope (docs/lexicon-format.md § Negation), on the unit stream.
import { frenchNegatorsExcept } from '../text/negators.js';
import type { TokenKind } from '../types.js';
import type { UnitFacts } from './facts.js';

/** One unit of the analysed stream: a token, or one word of a multi-word key. */
export interface Unit {
  key: string;
  token: number;
  kind: TokenKind;
  sentence: number;
  /** The token as written, when it is one unit (accent collisions). */
  text?: string | undefined;
  /** What the passes ask of the key, read once (src/analyze/facts.ts); undefined: each pass asks its table. */
  facts?: UnitFacts | undefined;
}

export interface NegationConfig {
  negators: ReadonlySet<string>;
  window: number;
  /** Single-unit clause breaks (`,`, `mais`). */
  breaks: ReadonlySet<string>;
  /** Multi-unit clause breaks (`par contre`), as key sequences. */
  longBreaks: readonly string[][];
  /** Negators that cancel a match from inside its gap (`createNegationConfig`'s default: the French plain negators). */
  innerNegators: ReadonlySet<string>;
}

const DETERMINERS = new Set([
  'un', 'une', 'le', 'la', 'les', 'l', 'cette', 'ce', 'cet', 'chaque', 'des', 'ma', 'ta', 'sa', 'mon', 'votre', 'notre',
  'leur', 'quelle', 'quelque', 'autre', 'seule', 'bonne', 'meme', 'aucune', 'toute', 'troisieme', 'deuxieme', 'premiere',
]);
const SUBJECTS = new Set(['je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'ca', 'ce', 'cela']);
const CLITICS = new Set(['le', 'la', 'les', 'l', 'me', 'te', 'se', 'vous', 'nous', 'lui', 'leur', 'y', 'en']);
const POST_NEGATORS = new Set(['pas', 'jamais', 'plus', 'rien', 'point']);
/** "Rien à dire", "rien à redire", "rien à signaler": satisfaction, closed on itself. */
const NOTHING_TO = new Set(['dire', 'redire', 'ajouter', 'signaler', 'reprocher', 'declarer', 'envier', 'jeter', 'critiquer']);
/** Negators that are determiners: they negate the noun phrase they open. */
const DETERMINER_NEGATORS = new Set(['aucun', 'aucune', 'aucuns', 'aucunes', 'sans']);
/** Most words between a determiner negator and what it negates ("aucun vrai souci", "sans la moindre explication"). */
const DETERMINER_SCOPE = 2;

const isWord = (u: Unit | undefined): boolean => u !== undefined && (u.kind === 'word' || u.kind === 'number');

/** Whether `key` is the last word of a multi-word break. */
function endsLongBreak(config: NegationConfig, key: string): boolean {
  for (const seq of config.longBreaks) if (seq[seq.length - 1] === key) return true;
  return false;
}

/**
 * The key of the unit at `k`, '' outside the units (no word, no list holds
 * it). A read past either end made V8 drop the optimised code of the pass the
 * first time it happened, and an undefined key once more where only strings
 * had been compared: the index is checked, and the answer is always a string.
 */
export function keyAt(units: readonly Unit[], k: number): string {
  return k >= 0 && k < units.length ? (units[k] as Unit).key : '';
}

/** True when unit `k` ends a clause (a break word, a break punctuation, the end of a multi-word break). */
export function isBreak(units: readonly Unit[], k: number, config: NegationConfig): boolean {
  const u = units[k];
  if (u === undefined) return true;
  const f = u.facts;
  if (f !== undefined && f.table.negation === config) {
    if ((f.breaks ??= config.breaks.has(u.key)) === true) return true;
    // Most keys end no multi-word break ("par contre"): the facts say so once.
    if (!(f.endsLongBreak ??= endsLongBreak(config, u.key))) return false;
  } else if (config.breaks.has(u.key)) return true;
  for (const seq of config.longBreaks) {
    if (seq.length === 0 || seq[seq.length - 1] !== u.key) continue;
    let ok = true;
    for (let s = 0; s < seq.length && ok; s += 1) if (keyAt(units, k - s) !== seq[seq.length - 1 - s]) ok = false;
    if (ok) return true;
  }
  return false;
}

/**
 * Where each unit's clause starts, and the last `ne` before each unit: computed
 * once per verbatim so that scope lookups cost O(1) and a long verbatim with
 * many matches stays linear (scanning back to the clause start for every
 * match and sentiment word was quadratic).
 */
export interface ClauseIndex {
  /** First unit of the clause unit k stands in (a break ends a clause; so does a new sentence). */
  clauseStart: Int32Array;
  /** Index of the last `ne` before unit k, or −1. */
  lastNe: Int32Array;
}

export function indexClauses(units: readonly Unit[], config: NegationConfig): ClauseIndex {
  const clauseStart = new Int32Array(units.length);
  const lastNe = new Int32Array(units.length);
  let ne = -1;
  for (let k = 0; k < units.length; k += 1) {
    if (k === 0 || units[k - 1]?.sentence !== units[k]?.sentence || isBreak(units, k - 1, config)) clauseStart[k] = k;
    else clauseStart[k] = clauseStart[k - 1] ?? 0;
    lastNe[k] = ne;
    if (keyAt(units, k) === 'ne') ne = k;
  }
  return { clauseStart, lastNe };
}

/** First unit of the clause that unit `start` stands in. */
export function clauseStartOf(units: readonly Unit[], start: number, config: NegationConfig, clauses?: ClauseIndex): number {
  if (clauses !== undefined && start < clauses.clauseStart.length) return clauses.clauseStart[start] ?? 0;
  for (let k = start - 1; k >= 0; k -= 1) {
    if (isBreak(units, k, config) || units[k]?.sentence !== units[start]?.sentence) return k + 1;
  }
  return 0;
}

/** Words after `personne` that make it a noun: a relative, a degree adverb before an adjective. */
const PERSON_FOLLOWERS = new Set([
  'qui', 'que', 'dont', 'tres', 'trop', 'vraiment', 'super', 'hyper', 'tellement', 'extremement', 'fort', 'assez',
  'plutot', 'particulierement', 'absolument', 'vachement', 'franchement', 'toujours', 'adorable', 'sympa', 'top', 'polie',
  'poli', 'gentille', 'gentil', 'douce', 'serviable', 'charmante', 'souriante', 'patiente', 'competente', 'geniale',
  'formidable', 'extra', 'parfaite', 'odieuse', 'froide', 'seche', 'hautaine', 'impolie', 'malpolie', 'desagreable',
]);
/** Adjective endings (folded): "personne aimable", "personne accueillante", "personne chaleureuse". */
const ADJECTIVE_ENDINGS = ['able', 'ible', 'ante', 'ente', 'euse', 'ive', 'ique', 'elle', 'ale', 'ee'];
/** Adjectives of availability keep the pronoun reading: "personne disponible" is nobody available. */
const PRONOUN_ADJECTIVES = new Set(['disponible', 'joignable', 'capable', 'presente', 'present', 'dispo']);

/**
 * `personne` is a person (a noun) rather than "nobody" (a pronoun) when a
 * determiner comes before it ("la personne", "une personne"), or when what
 * follows qualifies it: a relative, a degree adverb or an adjective
 * ("Personne très sympathique", "personne adorable au téléphone"). `ne`
 * after it is the pronoun ("personne ne répond", "personne n'a rappelé").
 */
export function personneIsPerson(units: readonly Unit[], k: number): boolean {
  const prev = units[k - 1];
  if (prev !== undefined && isWord(prev) && DETERMINERS.has(prev.key)) return true;
  const next = units[k + 1];
  if (next === undefined || next.kind !== 'word' || next.sentence !== units[k]?.sentence) return false;
  if (next.key === 'ne' || PRONOUN_ADJECTIVES.has(next.key)) return false;
  if (PERSON_FOLLOWERS.has(next.key)) return true;
  return next.key.length >= 5 && ADJECTIVE_ENDINGS.some((e) => next.key.endsWith(e));
}

function negatorAt(units: readonly Unit[], k: number, clauseStart: number, matchStart: number, clauses: ClauseIndex | undefined): boolean {
  const key = keyAt(units, k);
  // "non" negates the next word only ("non conforme", not "non autorisée depuis la mise à jour").
  if (key === 'non') {
    for (let b = k + 1; b < matchStart; b += 1) if (isWord(units[b])) return false;
    return true;
  }
  if (key === 'personne') return !personneIsPerson(units, k);
  // "Rien à dire, très bon accueil", "rien à ajouter pour les excellents produits": a closed
  // statement of satisfaction, not a negation of what follows it.
  if (key === 'rien' && keyAt(units, k + 1) === 'a' && NOTHING_TO.has(keyAt(units, k + 2))) return false;
  // "Aucun problème et super produits", "sans souci, rapide": aucun and sans negate the noun
  // phrase they open (a few words), not the rest of the clause.
  // "Sans me sortir le … », "sans avoir reçu …": sans before a verb negates the verb phrase.
  const after = keyAt(units, k + 1);
  const verbal = key === 'sans' && (CLITICS.has(after) || /(?:er|ir|re|oir)$/.test(after));
  if (DETERMINER_NEGATORS.has(key) && !verbal) {
    let between = 0;
    for (let b = k + 1; b < matchStart; b += 1) {
      if (isWord(units[b])) between += 1;
      // "Aucun souci et super accueil": a coordination opens a new noun phrase.
      if (keyAt(units, b) === 'et' || keyAt(units, b) === 'ou') return false;
    }
    if (between > DETERMINER_SCOPE) return false;
  }
  if (key === 'plus') {
    // "plus" negates after "ne" (ne … plus) or opening a clause before "de" ("Plus de nouvelles");
    // elsewhere it compares ("plus rapide", "plus de 2 heures").
    if (clauses !== undefined) {
      if ((clauses.lastNe[k] ?? -1) >= clauseStart) return true;
    } else for (let b = clauseStart; b < k; b += 1) if (keyAt(units, b) === 'ne') return true;
    return k === clauseStart && after === 'de' && k + 2 < units.length && (units[k + 2] as Unit).kind !== 'number';
  }
  if (key === 'ne') {
    // "ne … que" restricts rather than negates ("je n'ai eu que des éloges").
    for (let b = k + 1; b < matchStart; b += 1) {
      const between = keyAt(units, b);
      if (between === 'que') return false;
      if (POST_NEGATORS.has(between)) return true;
    }
    return true;
  }
  return true;
}

/**
 * Whether units [start, end) stand under a negation: a negator among the
 * `window` words before them in the same clause, or a colloquial post-verbal
 * `pas`/`jamais` right after a short match that follows a subject
 * ("je recommande pas").
 */
export function isNegated(units: readonly Unit[], start: number, end: number, config: NegationConfig, clauses?: ClauseIndex): boolean {
  const clauseStart = clauseStartOf(units, start, config, clauses);
  let words = 0;
  for (let k = start - 1; k >= clauseStart; k -= 1) {
    const u = units[k];
    if (!isWord(u)) continue;
    const f = u?.facts;
    if (u !== undefined && (f !== undefined && f.table.negation === config ? (f.negator ??= config.negators.has(u.key)) : config.negators.has(u.key)) && negatorAt(units, k, clauseStart, start, clauses)) return true;
    words += 1;
    if (words > config.window) break;
  }
  if (end - start <= 2) {
    const next = units[end];
    if (next !== undefined && POST_NEGATORS.has(next.key) && !isBreak(units, end, config)) {
      // A subject, possibly followed by object pronouns, just before the match.
      for (let k = start - 1; k >= clauseStart; k -= 1) {
        const key = keyAt(units, k);
        if (SUBJECTS.has(key)) return true;
        if (!CLITICS.has(key)) break;
      }
    }
  }
  return false;
}

/** Negators that negate wherever they stand (not "plus", "personne", "non", which are often something else). */
const PLAIN_NEGATORS = frenchNegatorsExcept('plus', 'personne');

/**
 * Whether a plain negator stands inside the gap of a match whose term has none
 * ("accueil {0,2} exceptionnel" over "accueil rien d'exceptionnel").
 */
export function hasInnerNegator(units: readonly Unit[], start: number, end: number, config: NegationConfig): boolean {
  for (let k = start + 1; k < end - 1; k += 1) {
    const key = keyAt(units, k);
    if (config.innerNegators.has(key) && config.negators.has(key)) return true;
  }
  return false;
}

/**
 * A lexicon's negation section keyed like the token stream: one-word breaks
 * in a set, multi-word ones (`par contre`) as key sequences.
 */
export function createNegationConfig(
  section: { negators: readonly string[]; window: number; breaks: readonly string[] },
  keysOf: (phrase: string) => string[],
  innerNegators?: ReadonlySet<string>,
): NegationConfig {
  const breaks = new Set<string>();
  const longBreaks: string[][] = [];
  for (const b of section.breaks) {
    const keys = keysOf(b);
    if (keys.length === 1 && keys[0] !== undefined) breaks.add(keys[0]);
    else if (keys.length > 1) longBreaks.push(keys);
    else if (b.trim() !== '') breaks.add(b.trim());
  }
  // One shape for the French and the English layers' configs: a verbatim in the other language does not
  // send the optimised code that reads them (the analysis' negation checks) back to the interpreter.
  return { negators: new Set(section.negators.flatMap(keysOf)), window: section.window, breaks, longBreaks, innerNegators: innerNegators ?? PLAIN_NEGATORS };
}
