// Tonality: sentiment sums over a verbatim's units (lexicon matches by
// weight, sentiment words and phrases outside them), then a tonality from the
// sums and the verbatim's shape (praise and complaint on both sides of a turn).
import type { Match, Tonality } from '../types.js';
import { foldKey, stem } from '../text/index.js';
import { baseSentimentWords } from '../lexicon/defaults.js';
import { storedTermKeys } from '../lexicon/store.js';
import type { Lexicon } from '../lexicon/types.js';
import { frenchNegatorsExcept } from '../text/negators.js';
import { indexClauses, isBreak, isNegated, type ClauseIndex, type NegationConfig, type Unit } from './negation.js';
import { createModalityConfig, modalityOf, type ModalityConfig } from './modality.js';

/** One sentiment key sequence: a word, phrase, fact and/or intensifier (a key may be several: `super`). */
interface Phrase {
  keys: string[];
  /** The keys joined by spaces (how `sarcasm` names it). */
  key: string;
  /** Polarity when it counts as a sentiment word or fact. */
  polarity?: number;
  /** A negative fact ("toujours pas", "# semaines pour"): also turns nearby ironic praise negative. */
  fact: boolean;
  /** Multiplies the next sentiment item (or, below 1, the one right before when none follows). */
  factor?: number;
  /** Written with a negator ("pas mal", "rien à redire"): negation around it is not applied. */
  negated: boolean;
}

/** A node of the phrase trie: the phrase whose keys lead here, and the next keys. */
interface PhraseNode {
  phrase: Phrase | undefined;
  next: Map<string, PhraseNode> | undefined;
}

export interface SentimentConfig {
  /** Phrases by first key, longest first. */
  phrases: Map<string, Phrase[]>;
  /** Phrases as a trie of keys: a unit finds its longest phrase in one walk. */
  trie: Map<string, PhraseNode>;
  stems: Map<string, number>;
  irritantWeight: number;
  /** Keys whose praise turns negative next to a complaint (see SentimentSection.sarcasm). */
  sarcasm: ReadonlySet<string>;
  enchantmentWeight: number;
  /** Turn words (`mais`, `par contre`) as key sequences. */
  turns: string[][];
  /** The lexicon's condition and precaution markers (modality.hypothetical): complaint words under them weigh nothing. */
  hypothetical: ModalityConfig;
  /** Their first keys: most units start none. */
  turnStarts: ReadonlySet<string>;
  /** Keys that go on a phrase (its second key or later): most words after a phrase's first word go on none. */
  inner: ReadonlySet<string>;
}

/** Thresholds turning sentiment sums into a tonality (docs/lexicon-format.md § Sentiment). */
export interface TonalityThresholds {
  /** Both sides below this: `neutre`. */
  neutral: number;
  /** Both sides at least this strong… */
  mixedFloor: number;
  /** …and the weaker side at least this share of the stronger: `mitige`. */
  mixedRatio: number;
  /** Praise and complaint on the two sides of a turn ("…, mais …"): the weaker share needed for `mitige`. */
  turnRatio: number;
}

/** Default thresholds (chosen on a plateau of accuracy on annotated verbatims, not at a peak). */
export const TONALITY_THRESHOLDS: Readonly<TonalityThresholds> = Object.freeze({ neutral: 1, mixedFloor: 1.5, mixedRatio: 0.7, turnRatio: 0.3 });

const DEFAULT_INTENSIFIERS = ['tres', 'trop', 'vraiment', 'super', 'hyper', 'extremement', 'tellement', 'vachement'];
const DEFAULT_TURNS = ['mais', 'par contre', 'en revanche', 'cependant', 'neanmoins', 'toutefois', 'pourtant'];

/** Sentiment vocabulary of a composed lexicon, keyed like the token stream. */
export function createSentimentConfig(lexicon: Lexicon, options: { includeBase: boolean }): SentimentConfig {
  const keying = Object.keys(lexicon.sms).length > 0 ? { sms: lexicon.sms } : {};
  // Some 2,600 words for the default lexicons: their keys are read from the build's store when it has them (store.ts).
  const wordKeys = storedTermKeys(keying);
  const byKey = new Map<string, Phrase>();
  const stems = new Map<string, number>();
  const keysOf = (raw: string): string[] => {
    const keys = wordKeys(raw.trim()).map(sentimentKey);
    // A lone word the tokenizer would drop (symbols) still counts as written.
    return keys.length > 0 ? keys : raw.trim() === '' ? [] : [sentimentKey(foldKey(raw.trim()))];
  };
  const phrase = (raw: string): Phrase | undefined => {
    const keys = keysOf(raw);
    if (keys.length === 0) return undefined;
    const key = keys.join(' ');
    let p = byKey.get(key);
    if (p === undefined) {
      p = { keys, key, fact: false, negated: false };
      byKey.set(key, p);
    }
    return p;
  };
  const putWord = (raw: string, value: number, fact: boolean): void => {
    if (raw.startsWith('stem:')) {
      stems.set(stem(raw.slice(5)), value);
      return;
    }
    const p = phrase(raw);
    if (p === undefined) return;
    p.polarity = value;
    p.fact = fact;
  };
  if (options.includeBase) for (const [w, v] of Object.entries(baseSentimentWords())) putWord(w, v, false);
  for (const [w, v] of Object.entries(lexicon.sentiment.words)) putWord(w, v, false);
  for (const [w, v] of Object.entries(lexicon.sentiment.facts)) putWord(w, v, true);
  const intensifiers = Object.entries(lexicon.sentiment.intensifiers);
  if (intensifiers.length === 0) for (const w of DEFAULT_INTENSIFIERS) intensifiers.push([w, 1.5]);
  for (const [w, v] of intensifiers) {
    const p = phrase(w);
    if (p !== undefined) p.factor = v;
  }
  const phrases = new Map<string, Phrase[]>();
  for (const p of byKey.values()) {
    p.negated = p.keys.some((k) => NEGATORS_IN_PHRASE.has(k));
    const first = p.keys[0] as string;
    const list = phrases.get(first) ?? [];
    list.push(p);
    phrases.set(first, list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  // One phrase per key sequence (`byKey`), so the longest phrase a walk meets is the one to take.
  const trie = new Map<string, PhraseNode>();
  for (const p of byKey.values()) {
    let level = trie;
    let node: PhraseNode | undefined;
    for (const key of p.keys) {
      // A node has next keys only where a longer phrase goes on (a walk stops at a leaf without a lookup).
      if (node !== undefined) level = node.next ??= new Map();
      node = level.get(key);
      if (node === undefined) level.set(key, (node = { phrase: undefined, next: undefined }));
    }
    if (node !== undefined) node.phrase = p;
  }
  const turns = (lexicon.sentiment.turns.length > 0 ? lexicon.sentiment.turns : DEFAULT_TURNS).map((t) => keysOf(t)).filter((k) => k.length > 0);
  return {
    phrases,
    trie,
    stems,
    irritantWeight: lexicon.sentiment.irritantWeight,
    enchantmentWeight: lexicon.sentiment.enchantmentWeight,
    sarcasm: new Set(lexicon.sentiment.sarcasm.map((w) => keysOf(w).join(' '))),
    turns,
    hypothetical: createModalityConfig({ ...lexicon, modality: { ...lexicon.modality, promise: [], unreal: [] } }, wordKeys),
    turnStarts: new Set(turns.map((t) => t[0] as string)),
    inner: new Set([...byKey.values()].flatMap((p) => p.keys.slice(1))),
  };
}

/**
 * Negators that make a phrase self-negated: negation around it is not applied.
 * Not `guère`, which the sentiment lexicon weighs as a word of its own.
 */
const NEGATORS_IN_PHRASE = frenchNegatorsExcept('guere');

/** Most a negated praise weighs (a plain "pas content" weighs 1). */
const NEGATED_PRAISE_CAP = 1.5;
/** Most units between a negated fact and the complaint word it negates ("jamais eu le moindre souci"). */
const ABSORB_GAP = 3;
/** Most units between an ironic praise and the enchantment it names ("Top la réactivité", "Super accueil, merci 🙃"). */
const OWN_ENCHANTMENT_GAP = 3;
/** Most words between an opening and a closing quote for scare quotes (« rapide »). */
const SCARE_QUOTE_WORDS = 3;

/** What the sums and the verbatim's shape give. */
export interface SentimentScore {
  positive: number;
  negative: number;
  /** Praise on one side of a turn word (`mais`, `par contre`), complaint on the other. */
  turn: boolean;
}

/** One sentiment item found in the units: a word, a phrase, a fact, an emoji, or a lexicon match. */
interface Item {
  start: number;
  end: number;
  value: number;
  phrase?: Phrase | undefined;
  /** An irritant match, a negative fact or an irony marker: turns nearby ironic praise negative. */
  cue: boolean;
  /** A positive item that may be ironic (sarcasm key, scare-quoted praise). */
  ironic: boolean;
  /** Scare quotes around it (« rapide »): ironic whatever is around. */
  quoted: boolean;
  match: boolean;
}

/** The key a unit is matched on: numbers read as `#` (`#h`, `#min` when a unit is glued: "48h"), hashtags as their word. */
function unitKey(u: Unit): string {
  if (u.kind === 'word') return u.key;
  if (u.kind === 'number') {
    const suffix = /[a-z]+$/.exec(u.key);
    return suffix !== null && /^\d/.test(u.key) ? `#${suffix[0]}` : '#';
  }
  // A hashtag reads as its word: #arnaque, #galère.
  if (u.kind === 'hashtag') return u.key.slice(1);
  return u.kind === 'emoji' ? sentimentKey(u.key) : u.key;
}

/**
 * The longest phrase starting at unit k: its units in one sentence, none
 * inside a counted match (`covered`, by token).
 */
function phraseAt(units: readonly Unit[], k: number, config: SentimentConfig, covered: Uint8Array): Phrase | undefined {
  const start = units[k] as Unit;
  if (covered[k] === 1) return undefined;
  const f = start.facts;
  let node: PhraseNode | undefined;
  if (start.kind === 'word' && f !== undefined && f.table.sentiment === config) {
    f.phrase ??= config.trie.get(start.key) ?? false;
    node = (f.phrase || undefined) as PhraseNode | undefined;
  } else node = config.trie.get(unitKey(start));
  if (node === undefined) return undefined;
  const single = node.phrase;
  let longest: Phrase | undefined;
  for (let j = k + 1; j < units.length && node.next !== undefined; j += 1) {
    const u = units[j] as Unit;
    if (covered[j] === 1 || u.sentence !== start.sentence) break;
    const g = u.facts;
    if (u.kind === 'word' && g !== undefined && g.table.sentiment === config && !(g.inner ??= config.inner.has(u.key))) break;
    node = node.next.get(unitKey(u));
    if (node === undefined) break;
    if (node.phrase !== undefined) longest = node.phrase;
  }
  return longest ?? single;
}

/** First unit whose token is at or after `token` (units are in token order). */
function firstUnitFrom(units: readonly Unit[], token: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((units[mid] as Unit).token < token) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first unit of a token, if the token has one. */
function unitOfToken(units: readonly Unit[], token: number): number | undefined {
  const k = firstUnitFrom(units, token);
  return units[k]?.token === token ? k : undefined;
}

/** One zeroed flag per unit, reused from verbatim to verbatim (the scoring is synchronous). */
let coveredScratch = new Uint8Array(256);
function coveredUnits(n: number): Uint8Array {
  if (coveredScratch.length < n) coveredScratch = new Uint8Array(n * 2);
  coveredScratch.fill(0, 0, n);
  return coveredScratch;
}

/** Positive and negative sums of a verbatim: lexicon matches by weight, then sentiment words outside them. */
export function scoreSentiment(
  units: readonly Unit[],
  matches: readonly Match[],
  sentiment: SentimentConfig,
  negation: NegationConfig,
  clauses: ClauseIndex = indexClauses(units, negation),
): SentimentScore {
  let positive = 0;
  let negative = 0;
  // Words inside irritant/enchantment matches already count through the weights (by unit: 1 covered).
  const covered = coveredUnits(units.length);
  let irritants = 0;
  let enchantments = 0;
  const items: Item[] = [];
  for (const m of matches) {
    const start = unitOfToken(units, m.tokenStart) ?? 0;
    const end = unitOfToken(units, m.tokenEnd) ?? units.length;
    if (m.kind === 'irritant') {
      items.push({ start, end, value: sentiment.irritantWeight, phrase: undefined, cue: true, ironic: false, quoted: false, match: true });
      irritants += 1;
    } else if (m.kind === 'enchantment') {
      // An enchantment in scare quotes (un service « rapide ») is a complaint.
      const quoted = scareQuoted(units, start, end) || (end - start > 1 && scareQuoted(units, end - 1, end));
      items.push({ start, end, value: sentiment.enchantmentWeight, phrase: undefined, cue: quoted, ironic: quoted, quoted, match: true });
      if (!quoted) enchantments += 1;
    } else continue;
    // Units are in token order: the match's tokens are one run of units.
    for (let k = firstUnitFrom(units, m.tokenStart); k < units.length && (units[k] as Unit).token < m.tokenEnd; k += 1) covered[k] = 1;
  }

  // Phrases, longest first; their units then count once.
  // One shape for every item found (phrase or stem value), so the reads below stay monomorphic.
  const found: Array<{ start: number; end: number; phrase: Phrase | undefined; value: number | undefined }> = [];
  for (let k = 0; k < units.length; ) {
    const u = units[k] as Unit;
    if (covered[k] === 1 || (u.kind !== 'word' && u.kind !== 'emoji' && u.kind !== 'number' && u.kind !== 'hashtag' && u.kind !== 'symbol')) {
      k += 1;
      continue;
    }
    const p = phraseAt(units, k, sentiment, covered);
    if (p !== undefined) {
      found.push({ start: k, end: k + p.keys.length, phrase: p, value: undefined });
      k += p.keys.length;
      continue;
    }
    if (u.kind === 'word' && sentiment.stems.size > 0) {
      const f = u.facts;
      let v: number | false | undefined;
      if (f !== undefined && f.table.sentiment === sentiment) v = f.stemValue ??= sentiment.stems.get(stem(u.key)) ?? false;
      else v = sentiment.stems.get(stem(u.key));
      if (v !== undefined && v !== false) found.push({ start: k, end: k + 1, phrase: undefined, value: v });
    }
    k += 1;
  }

  // Intensifiers multiply the next item; a diminisher with none after softens the one before ("ça pique un peu").
  // Most verbatims have no intensifier: the maps are made on the first one.
  let factors: Map<number, number> | undefined;
  let carry: Map<number, number> | undefined;
  const isPolar = (f: (typeof found)[number] | undefined): boolean => f !== undefined && (f.value !== undefined || f.phrase?.polarity !== undefined);
  for (let i = 0; i < found.length; i += 1) {
    const f = found[i] as (typeof found)[number];
    const own = f.phrase?.factor;
    if (own === undefined) continue;
    const factor = own * (carry?.get(i) ?? 1);
    const next = found[i + 1];
    if (next !== undefined && next.start === f.end && (isPolar(next) || next.phrase?.factor !== undefined)) {
      // Chains multiply ("vraiment très bien"); a word that is also an intensifier ("super sympa")
      // counts through the next word only.
      if (isPolar(next)) (factors ??= new Map()).set(i + 1, (factors.get(i + 1) ?? 1) * factor);
      else (carry ??= new Map()).set(i + 1, factor);
      f.value = 0;
      continue;
    }
    const prev = found[i - 1];
    if (own < 1 && own > 0 && prev !== undefined && prev.end === f.start && isPolar(prev) && !isPolar(f)) {
      (factors ??= new Map()).set(i - 1, (factors.get(i - 1) ?? 1) * own);
    }
  }

  // A negative fact written with a negator right before a complaint word negates that word rather
  // than complaining: "jamais eu de souci", "jamais eu le moindre problème", "jamais été déçu".
  let absorbed: Set<number> | undefined;
  found.forEach((f, i) => {
    if (f.phrase?.fact !== true || f.phrase.negated !== true || (f.phrase.polarity ?? 0) >= 0) return;
    const next = found[i + 1];
    const v = next?.value ?? next?.phrase?.polarity;
    if (next === undefined || v === undefined || v >= 0 || next.phrase?.fact === true) return;
    if (next.start - f.end > ABSORB_GAP || units[next.start]?.sentence !== units[f.start]?.sentence) return;
    for (let k = f.end; k < next.start; k += 1) if (isBreak(units, k, negation)) return;
    (absorbed ??= new Set()).add(i);
  });

  // Praise (or a neutral phrase) written with its own negator closes that negator: "je n'hésiterai
  // pas à recommander", "n'est-ce pas le meilleur ?". Its negators do not reach the words after it.
  let scope: readonly Unit[] = units;
  for (const f of found) {
    if (f.phrase?.negated !== true || f.phrase.polarity === undefined || f.phrase.polarity < 0) continue;
    if (scope === units) scope = units.slice();
    for (let k = f.start; k < f.end; k += 1) (scope as Unit[])[k] = { ...(units[k] as Unit), key: '', facts: undefined };
  }
  const scopeClauses = scope === units ? clauses : indexClauses(scope, negation);

  found.forEach((f, i) => {
    if (absorbed?.has(i) === true) return;
    let p = f.value ?? f.phrase?.polarity;
    if (p === undefined || p === 0) return;
    p *= factors?.get(i) ?? 1;
    const u = units[f.start] as Unit;
    // Negation flips and caps: "pas mauvais" is mildly positive, "pas content" negative, but "rien
    // d'exceptionnel" is no stronger a complaint than "pas content". A phrase written with its own
    // negator ("pas mal", "rien à redire") is read as written. Emoji stand outside the clause's syntax.
    if (u.kind === 'word' && f.phrase?.negated !== true && isNegated(scope, f.start, f.end, negation, scopeClauses)) {
      p = p > 0 ? -Math.min(p, NEGATED_PRAISE_CAP) : -p / 2;
    }
    // "En cas de problème", "pour éviter la casse", "si le produit ne convient pas": no problem happened.
    // The word may end the marker itself ("pour éviter").
    if (p < 0 && modalityOf(units, f.start, f.end, sentiment.hypothetical, negation, clauses, true) === 'hypothetical') return;
    const quoted = p > 0 && u.kind === 'word' && scareQuoted(units, f.start, f.end);
    const ironic = p > 0 && (quoted || (f.phrase !== undefined && sentiment.sarcasm.has(f.phrase.key)));
    items.push({ start: f.start, end: f.end, value: p, phrase: f.phrase, cue: quoted || (f.phrase?.fact === true && p < 0), ironic, quoted, match: false });
  });

  // Irony: praise that may be ironic turns negative next to a complaint — an irritant anywhere in a
  // verbatim with no enchantment ("Bravo pour le SAV 👏 … toujours pas remboursé"), or a negative fact or
  // irony marker in its sentence or the next/previous one, with no turn between ("Génial, 3 semaines
  // pour une réponse"), the enchantment it names then reading as part of the irony ("Top la
  // réactivité, 10 jours sans nouvelles") unless another enchantment stands elsewhere; scare-quoted
  // praise always ("un service « rapide »").
  // Every test below is O(1) or stops at the nearest candidates (see Landmarks), so a long verbatim
  // full of praise and complaints stays linear.
  // Landmarks are built only for a verbatim that needs them (most have no ironic item and no praise-and-complaint turn).
  let marksBuilt: Landmarks | undefined;
  const marksOf = (): Landmarks => (marksBuilt ??= landmarks(units, sentiment));
  if (items.some((it) => it.ironic)) {
    const marks = marksOf();
    const verbatimIrony = irritants > 0 && enchantments === 0;
    const sentenceOf = (it: Item): number => units[it.start]?.sentence ?? 0;
    const lineAt = (k: number): number => marks.lineOf[Math.min(k, units.length - 1)] ?? 0;
    const complaintLines = new Set(items.filter((c) => c.match && c.cue).map((c) => lineAt(c.start)));
    const cues = items.filter((c) => c.cue && (!c.match || c.value < 0)).sort((a, b) => a.start - b.start);
    // A sincere praise word between a fact and the praise answers the fact ("10 jours, délai correct. Merci."): no irony.
    const sincere = praiseIndex(items.filter((e) => !e.match && !e.ironic && e.value > 0));
    const maxSpan = items.reduce((m, it) => Math.max(m, it.end - it.start), 0);
    const enchantmentItems = items.filter((e) => e.match && !e.cue && e.value > 0);
    const enchantmentBounds = { minSentence: Infinity, maxSentence: -Infinity, minEnd: Infinity, maxStart: -Infinity };
    for (const e of enchantmentItems) {
      enchantmentBounds.minSentence = Math.min(enchantmentBounds.minSentence, sentenceOf(e));
      enchantmentBounds.maxSentence = Math.max(enchantmentBounds.maxSentence, sentenceOf(e));
      enchantmentBounds.minEnd = Math.min(enchantmentBounds.minEnd, e.end);
      enchantmentBounds.maxStart = Math.max(enchantmentBounds.maxStart, e.start);
    }
    const flips = new Set<Item>();
    for (const it of items) {
      if (!it.ironic) continue;
      if (it.quoted || (verbatimIrony && !it.match && complaintLines.has(lineAt(it.start)))) {
        flips.add(it);
        continue;
      }
      if (it.match) continue;
      const s = sentenceOf(it);
      // Facts, markers, quoted praise and irritants next to the praise (a fact an irritant or an implied
      // complaint took: "Top la réactivité, 10 jours sans nouvelles"), on the same line: a chat's later "super merci" thanks for the fix, it does not mock the problem.
      if (!hasCueNear(it, cues, s, sentenceOf, marks, maxSpan, units.length, sincere)) continue;
      // The praised object next to the praise ("Top la réactivité", "Bravo la logistique"): with
      // another enchantment elsewhere the praise is sincere.
      const own = (e: Item): boolean => sentenceOf(e) === s && Math.max(e.start - it.end, it.start - e.end) <= OWN_ENCHANTMENT_GAP && !turnBetween(marks, it, e);
      if (enchantmentItems.length > 0) {
        const b = enchantmentBounds;
        if (b.minSentence !== s || b.maxSentence !== s || it.start - b.minEnd > OWN_ENCHANTMENT_GAP || b.maxStart - it.end > OWN_ENCHANTMENT_GAP) continue;
        if (enchantmentItems.some((e) => !own(e))) continue;
      }
      flips.add(it);
      for (const e of enchantmentItems) flips.add(e);
    }
    for (const it of flips) if (it.value > 0) it.value = -it.value;
  }

  for (const it of items) {
    if (it.value > 0) positive += it.value;
    else negative -= it.value;
  }
  return { positive: Math.round(positive * 100) / 100, negative: Math.round(negative * 100) / 100, turn: hasTurn(items, () => marksBuilt?.turnStarts ?? turnStartsOf(units, sentiment), units.length) };
}

/**
 * Per-verbatim positions of turn words and line breaks, so the irony and turn
 * rules test "a turn between" or "a line between" two items in O(1).
 */
interface Landmarks {
  /** Turn words starting before unit k (length units + 1). */
  turnsBefore: Int32Array;
  /** Last unit before k where a turn word starts, or −1 (length units + 1). */
  lastTurnBefore: Int32Array;
  /** Line breaks (a new sentence without sentence-ending punctuation) at or before unit k. */
  lineOf: Int32Array;
  /** Units where a turn word starts. */
  turnStarts: number[];
}

function landmarks(units: readonly Unit[], config: SentimentConfig): Landmarks {
  const n = units.length;
  const turnsBefore = new Int32Array(n + 1);
  const lastTurnBefore = new Int32Array(n + 1).fill(-1);
  const lineOf = new Int32Array(n);
  const turnStarts: number[] = [];
  let lines = 0;
  for (let k = 0; k < n; k += 1) {
    const isTurn = turnAt(units, k, config) > 0;
    if (isTurn) turnStarts.push(k);
    turnsBefore[k + 1] = (turnsBefore[k] ?? 0) + (isTurn ? 1 : 0);
    lastTurnBefore[k + 1] = isTurn ? k : (lastTurnBefore[k] ?? -1);
    if (k > 0) {
      const prev = units[k - 1] as Unit;
      if ((units[k] as Unit).sentence !== prev.sentence && !(prev.kind === 'punct' && /[.!?…]/.test(prev.key))) lines += 1;
    }
    lineOf[k] = lines;
  }
  return { turnsBefore, lastTurnBefore, lineOf, turnStarts };
}

/** A turn word between two items. */
function turnBetween(marks: Landmarks, a: Item, b: Item): boolean {
  const [from, to] = a.start < b.start ? [a.end, b.start] : [b.end, a.start];
  if (from >= to) return false;
  return (marks.turnsBefore[to] ?? 0) - (marks.turnsBefore[from] ?? 0) > 0;
}

/** A line break between two items: the sentence changes without a sentence-ending punctuation. */
function lineBetween(marks: Landmarks, a: Item, b: Item): boolean {
  const last = marks.lineOf.length - 1;
  return (marks.lineOf[Math.min(a.start, last)] ?? 0) !== (marks.lineOf[Math.min(b.start, last)] ?? 0);
}

/**
 * A cue (a complaint, a negative fact, an irony marker) in the sentence of `it`
 * or the next/previous one, with no turn and no line between. `cues` is sorted
 * by start; the scan walks out from `it` and stops where every farther cue is
 * cut off (sentences and lines only grow with distance; a turn before `it`
 * cuts off every cue that ends before it).
 */
function hasCueNear(
  it: Item,
  cues: readonly Item[],
  s: number,
  sentenceOf: (i: Item) => number,
  marks: Landmarks,
  maxSpan: number,
  length: number,
  sincere: PraiseIndex,
): boolean {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cues[mid] as Item).start < it.start) lo = mid + 1;
    else hi = mid;
  }
  const judged = (c: Item): boolean => sincere.within(Math.min(c.end, it.end), Math.max(c.start, it.start));
  for (let j = lo; j < cues.length; j += 1) {
    const c = cues[j] as Item;
    if (sentenceOf(c) - s > 1 || lineBetween(marks, it, c)) break;
    if (c === it) continue;
    const turn = turnBetween(marks, it, c);
    if (!turn && !judged(c)) return true;
    // Past the praise, what lies between only grows: a turn or a sincere praise cuts off every farther cue.
    if (c.start >= it.end) break;
  }
  const lastTurn = marks.lastTurnBefore[Math.min(it.start, length)] ?? -1;
  const lastPraise = sincere.lastStartEndingBy(it.start);
  for (let j = lo - 1; j >= 0; j -= 1) {
    const c = cues[j] as Item;
    if (s - sentenceOf(c) > 1 || lineBetween(marks, it, c)) break;
    // Every earlier cue ends before that turn or that sincere praise: all cut off.
    if (lastTurn >= 0 && c.start + maxSpan <= lastTurn) break;
    if (lastPraise >= 0 && c.start + maxSpan <= lastPraise) break;
    if (c !== it && !turnBetween(marks, it, c) && !judged(c)) return true;
  }
  return false;
}

/** Sincere praise items, for "is there one inside [from, to]?" and "the last one ending by x" in O(log n). */
interface PraiseIndex {
  within(from: number, to: number): boolean;
  /** Greatest start of an item ending at or before x, or −1. */
  lastStartEndingBy(x: number): number;
}

function praiseIndex(items: readonly Item[]): PraiseIndex {
  const byStart = [...items].sort((a, b) => a.start - b.start);
  // Smallest end among the items from i on (by start).
  const minEndFrom = new Array<number>(byStart.length + 1).fill(Infinity);
  for (let i = byStart.length - 1; i >= 0; i -= 1) minEndFrom[i] = Math.min(minEndFrom[i + 1] ?? Infinity, (byStart[i] as Item).end);
  const byEnd = [...items].sort((a, b) => a.end - b.end);
  // Greatest start among the items up to i (by end).
  const maxStartTo = new Array<number>(byEnd.length).fill(-1);
  for (let i = 0; i < byEnd.length; i += 1) maxStartTo[i] = Math.max(i > 0 ? (maxStartTo[i - 1] ?? -1) : -1, (byEnd[i] as Item).start);
  const firstAtLeast = (list: readonly Item[], key: (x: Item) => number, value: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(list[mid] as Item) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    within: (from, to) => (minEndFrom[firstAtLeast(byStart, (x) => x.start, from)] ?? Infinity) <= to,
    lastStartEndingBy: (x) => {
      const i = firstAtLeast(byEnd, (e) => e.end, x + 1) - 1;
      return i >= 0 ? (maxStartTo[i] ?? -1) : -1;
    },
  };
}

/** Length of the turn word starting at unit k (0: none). */
function turnAt(units: readonly Unit[], k: number, config: SentimentConfig): number {
  const u = units[k];
  const f = u?.facts;
  if (!(u !== undefined && f !== undefined && f.table.sentiment === config ? (f.turn ??= config.turnStarts.has(u.key)) : config.turnStarts.has(u?.key as string))) return 0;
  for (const t of config.turns) {
    let ok = true;
    for (let s = 0; s < t.length && ok; s += 1) if (units[k + s]?.key !== t[s]) ok = false;
    if (ok) return t.length;
  }
  return 0;
}

/**
 * Praise before a turn and complaint after it, or the reverse ("Accueil aimable, mais 40 min
 * d'attente"): the sums on each side of every turn word, from running totals (one pass).
 */
/** Units where a turn word starts (what Landmarks.turnStarts holds, without the rest of the landmarks). */
function turnStartsOf(units: readonly Unit[], config: SentimentConfig): number[] {
  const starts: number[] = [];
  for (let k = 0; k < units.length; k += 1) if (turnAt(units, k, config) > 0) starts.push(k);
  return starts;
}

function hasTurn(items: readonly Item[], turnStartsOfUnits: () => readonly number[], n: number): boolean {
  // Praise on one side and complaint on the other need items of both signs.
  if (!items.some((it) => it.value > 0) || !items.some((it) => it.value < 0)) return false;
  const turnStarts = turnStartsOfUnits();
  if (turnStarts.length === 0) return false;
  // endingBy[k]: items ending at or before k; startingAfter[k]: items starting after k.
  const endsAt = new Float64Array(n + 1);
  const startsAt = new Float64Array(n + 1);
  for (const it of items) {
    endsAt[Math.min(it.end, n)] = (endsAt[Math.min(it.end, n)] ?? 0) + it.value;
    startsAt[Math.min(it.start, n)] = (startsAt[Math.min(it.start, n)] ?? 0) + it.value;
  }
  const endingBy = new Float64Array(n + 1);
  let acc = 0;
  for (let k = 0; k <= n; k += 1) {
    acc += endsAt[k] ?? 0;
    endingBy[k] = acc;
  }
  const startingAfter = new Float64Array(n + 1);
  acc = 0;
  for (let k = n; k >= 0; k -= 1) {
    startingAfter[k] = acc;
    acc += startsAt[k] ?? 0;
  }
  // Sums of a few weights: compare with a tolerance so their order does not decide (0.7 + 0.3).
  const EPS = 1e-9;
  for (const k of turnStarts) {
    const before = endingBy[k] ?? 0;
    const after = startingAfter[k] ?? 0;
    if ((before >= 1 - EPS && after <= -1 + EPS) || (before <= -1 + EPS && after >= 1 - EPS)) return true;
  }
  return false;
}

/** A short quoted span around the item: « rapide », "efficace". */
function scareQuoted(units: readonly Unit[], start: number, end: number): boolean {
  const isQuote = (u: Unit | undefined): boolean => u !== undefined && u.kind === 'punct' && u.key === '"';
  let open = -1;
  for (let k = start - 1, words = 0; k >= 0 && words <= SCARE_QUOTE_WORDS; k -= 1) {
    const u = units[k] as Unit;
    if (isQuote(u)) {
      open = k;
      break;
    }
    if (u.kind === 'punct') return false;
    words += 1;
  }
  if (open < 0) return false;
  for (let k = end, words = end - open - 1; k < units.length && words <= SCARE_QUOTE_WORDS; k += 1) {
    const u = units[k] as Unit;
    if (isQuote(u)) return true;
    if (u.kind === 'punct') return false;
    words += 1;
  }
  return false;
}

/** Tonality from the sentiment sums (see TONALITY_THRESHOLDS); `turn`: praise and complaint on both sides of a turn. */
export function toTonality(positive: number, negative: number, thresholds: Readonly<Partial<TonalityThresholds>> = TONALITY_THRESHOLDS, shape: { turn?: boolean } = {}): Tonality {
  const t = { ...TONALITY_THRESHOLDS, ...thresholds };
  if (positive < t.neutral && negative < t.neutral) return 'neutre';
  const strong = Math.max(positive, negative);
  const weak = Math.min(positive, negative);
  const ratio = shape.turn === true ? Math.min(t.mixedRatio, t.turnRatio) : t.mixedRatio;
  const floor = shape.turn === true ? t.neutral : t.mixedFloor;
  if (weak >= floor && weak >= strong * ratio) return 'mitige';
  return positive > negative ? 'positif' : 'negatif';
}

/** Sentiment and tonality of a verbatim's units (what `analyze` reports). */
export function scoreTonality(
  units: readonly Unit[],
  matches: readonly Match[],
  sentiment: SentimentConfig,
  negation: NegationConfig,
  thresholds: Readonly<TonalityThresholds>,
  clauses?: ClauseIndex,
): { sentiment: { positive: number; negative: number }; tonality: Tonality } {
  const { turn, ...sums } = scoreSentiment(units, matches, sentiment, negation, clauses ?? indexClauses(units, negation));
  return { sentiment: sums, tonality: toTonality(sums.positive, sums.negative, thresholds, { turn }) };
}

/** Emoji keys without skin tones, so 👍🏽 reads as 👍. */
function sentimentKey(key: string): string {
  return key.replace(/[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, '');
}
