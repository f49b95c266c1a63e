// Implied complaints: durations and price rises that say "too late" or "too
// dear" without a complaint word ("livré au bout de 3 semaines", "passé de 30
// à 45 €", "+20 % cette année"). Rules are lexicon data (docs/lexicon-format.md
// § Implied complaints); this module only reads numbers on the unit stream.
import type { ImpliedRule } from '../lexicon/types.js';
import { keyAt, type Unit } from './negation.js';

/** Minutes in one of each duration unit, by key (folded, as the tokenizer writes it). */
const UNIT_MINUTES: ReadonlyMap<string, number> = new Map([
  ['min', 1], ['mn', 1], ['mins', 1], ['minute', 1], ['minutes', 1],
  ['h', 60], ['heure', 60], ['heures', 60], ['hr', 60], ['hrs', 60],
  ['j', 1440], ['jour', 1440], ['jours', 1440], ['journee', 1440], ['journees', 1440],
  ['sem', 10080], ['semaine', 10080], ['semaines', 10080],
  ['mois', 43200], ['an', 525600], ['ans', 525600], ['annee', 525600], ['annees', 525600],
]);
/** Numbers written out, as customers write durations ("trois semaines", "quinze jours"). */
const WORD_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['un', 1], ['une', 1], ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['six', 6], ['sept', 7], ['huit', 8],
  ['neuf', 9], ['dix', 10], ['onze', 11], ['douze', 12], ['quinze', 15], ['vingt', 20], ['trente', 30], ['quarante', 40],
  ['cinquante', 50], ['plusieurs', 3], ['quelques', 2],
]);
/**
 * Words before a duration that make it short ("en moins de 3 jours", "sous
 * 48h", "seulement 2 jours") or a time of day ("à 7h", "jusqu'à 3 h", "dès 8h").
 */
const SHORTENERS = new Set(['sous', 'seulement', 'que', 'juste', 'rapidement', 'dans', 'a', 'vers', 'jusque', 'des', 'avant']);
/** Two words before: "en moins de 3 jours", "à peine 2 jours". */
const SHORTENERS_2 = new Set(['moins', 'peine']);
const DISCOUNT = new Set(['reduction', 'remise', 'promo', 'promotion', 'rabais', 'moins', 'offert', 'offerts', 'code', 'soldes', 'ristourne', 'economie', 'economies']);
/** "3 bonnes semaines", "2 longues heures": the adjective between the number and its unit. */
const DURATION_ADJECTIVES: ReadonlySet<string> = new Set(['bonnes', 'longues', 'grosses']);
/** "de 30 € à 45 €": the currency after the first price. */
const CURRENCY: ReadonlySet<string> = new Set(['€', 'euros', 'eur']);
/** Glued forms: "48h", "3j", "1h30", "20min", "2sem". */
const GLUED = /^(\d+(?:[.,]\d+)?)(min|mn|mins|h|j|sem|jrs?)(\d{1,2})?$/;

export interface ImpliedHit {
  rule: ImpliedRule;
  /** Unit span of the number (and its unit word), end exclusive. */
  start: number;
  end: number;
}

function numberAt(units: readonly Unit[], k: number): number | undefined {
  const u = units[k];
  if (u === undefined) return undefined;
  if (u.kind === 'number' && /^\d+(?:[.,]\d+)?$/.test(u.key)) return Number(u.key.replace(',', '.'));
  if (u.kind === 'word') return WORD_NUMBERS.get(u.key);
  return undefined;
}

/** Duration starting at unit k, in minutes, with the units it spans. */
function durationAt(units: readonly Unit[], k: number): { minutes: number; end: number } | undefined {
  const u = units[k];
  if (u === undefined) return undefined;
  const glued = u.kind === 'number' ? GLUED.exec(u.key) : null;
  if (glued !== null) {
    const unit = glued[2] === 'jr' || glued[2] === 'jrs' ? 'j' : (glued[2] ?? '');
    const per = UNIT_MINUTES.get(unit);
    if (per === undefined) return undefined;
    return { minutes: Number((glued[1] ?? '0').replace(',', '.')) * per + Number(glued[3] ?? 0), end: k + 1 };
  }
  const n = numberAt(units, k);
  if (n === undefined) return undefined;
  let j = k + 1;
  if (DURATION_ADJECTIVES.has(keyAt(units, j))) j += 1;
  const per = UNIT_MINUTES.get(keyAt(units, j));
  if (per === undefined) return undefined;
  return { minutes: n * per, end: j + 1 };
}

/** Percentage or ratio of a price rise starting at unit k: "+20 %", "20 % de plus", "de 30 à 45 €". */
function increaseAt(units: readonly Unit[], k: number): { percent: number; end: number } | undefined {
  const n = numberAt(units, k);
  if (n === undefined || units[k]?.kind !== 'number') return undefined;
  // "de 30 (€) à 45 (€)"
  const before = keyAt(units, k - 1);
  if (before === 'de') {
    let j = k + 1;
    if (CURRENCY.has(keyAt(units, j))) j += 1;
    if (keyAt(units, j) === 'a') {
      const to = numberAt(units, j + 1);
      if (to !== undefined && n > 0 && units[j + 1]?.kind === 'number') return { percent: ((to - n) / n) * 100, end: j + 2 };
    }
  }
  if (keyAt(units, k + 1) === '%' && (before === '+' || before === 'de' || keyAt(units, k + 2) === 'de')) {
    // "10 % de réduction", "-20 % avec le code": a discount, not a rise.
    for (let j = k + 2; j < k + 5; j += 1) if (DISCOUNT.has(keyAt(units, j))) return undefined;
    if (before === '-' || DISCOUNT.has(keyAt(units, k - 2))) return undefined;
    return { percent: n, end: k + 2 };
  }
  return undefined;
}

function near(units: readonly Unit[], from: number, to: number, words: ReadonlySet<string>, prefixes: readonly string[]): boolean {
  const sentence = units[from]?.sentence;
  for (let k = Math.max(0, from - 8); k < Math.min(units.length, to + 8); k += 1) {
    const u = units[k];
    if (u === undefined || u.sentence !== sentence || u.kind !== 'word') continue;
    if (words.has(u.key)) return true;
    for (const p of prefixes) if (u.key.startsWith(p)) return true;
  }
  return false;
}

/** A compiled rule: its words split into exact keys and prefixes (`livr*`). */
export interface CompiledImpliedRule {
  rule: ImpliedRule;
  nearWords: ReadonlySet<string>;
  nearPrefixes: readonly string[];
  cueWords: ReadonlySet<string>;
  cuePrefixes: readonly string[];
}

export function compileImpliedRules(rules: readonly ImpliedRule[], keyOf: (word: string) => string): CompiledImpliedRule[] {
  const split = (list: readonly string[]) => {
    const words = new Set<string>();
    const prefixes: string[] = [];
    for (const w of list) {
      if (w.endsWith('*')) prefixes.push(keyOf(w.slice(0, -1)));
      else words.add(keyOf(w));
    }
    return { words, prefixes };
  };
  return rules.map((rule) => {
    const n = split(rule.near);
    const c = split(rule.cues ?? []);
    return { rule, nearWords: n.words, nearPrefixes: n.prefixes, cueWords: c.words, cuePrefixes: c.prefixes };
  });
}

/** Every implied complaint in a verbatim: a long enough duration or a steep enough rise, near its topic words (and cues). */
export function findImplied(units: readonly Unit[], rules: readonly CompiledImpliedRule[]): ImpliedHit[] {
  if (rules.length === 0) return [];
  const hits: ImpliedHit[] = [];
  for (let k = 0; k < units.length; k += 1) {
    const u = units[k];
    if (u === undefined || (u.kind !== 'number' && u.kind !== 'word')) continue;
    // A word starts a duration or a rise only as a number written out ("trois semaines").
    if (u.kind === 'word' && !(u.facts !== undefined ? (u.facts.numberWord ??= WORD_NUMBERS.has(u.key)) : WORD_NUMBERS.has(u.key))) continue;
    const duration = durationAt(units, k);
    const increase = duration === undefined ? increaseAt(units, k) : undefined;
    if (duration === undefined && increase === undefined) continue;
    const prev = keyAt(units, k - 1);
    const prev2 = keyAt(units, k - 2);
    // "il y a 3 semaines" is a date in the past, not "à 3 h".
    const short = SHORTENERS.has(prev) && !(prev === 'a' && prev2 === 'y');
    if (duration !== undefined && (short || SHORTENERS_2.has(prev2) || SHORTENERS_2.has(prev))) continue;
    const end = duration?.end ?? increase?.end ?? k + 1;
    // Rules in lexicon order; the first that holds names the complaint ("3 semaines que j'attends qu'on me rembourse").
    for (const r of rules) {
      const ok = duration !== undefined
        ? r.rule.minutes !== undefined && duration.minutes >= r.rule.minutes && (r.rule.underMinutes === undefined || duration.minutes < r.rule.underMinutes)
        : r.rule.increase !== undefined && (increase?.percent ?? 0) >= r.rule.increase;
      if (!ok || !near(units, k, end, r.nearWords, r.nearPrefixes)) continue;
      if ((r.cueWords.size > 0 || r.cuePrefixes.length > 0) && !near(units, k, end, r.cueWords, r.cuePrefixes)) continue;
      hits.push({ rule: r.rule, start: k, end });
      break;
    }
  }
  return hits;
}
