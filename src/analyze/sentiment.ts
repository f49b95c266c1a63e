// Tonality: sentiment sums over a verbatim's units (lexicon matches by
// weight, sentiment words outside them), then a tonality from the sums.
import type { Match, Tonality } from '../types.js';
import { foldKey, stem } from '../text/index.js';
import type { Lexicon } from '../lexicon/types.js';
import { isNegated, type NegationConfig, type Unit } from './negation.js';
import { FR_SENTIMENT_BASE } from './sentiment-fr.generated.js';

export interface SentimentConfig {
  words: Map<string, number>;
  stems: Map<string, number>;
  intensifiers: Map<string, number>;
  irritantWeight: number;
  /** Keys whose praise turns negative next to an irritant (see SentimentSection.sarcasm). */
  sarcasm: ReadonlySet<string>;
  enchantmentWeight: number;
}

/** Thresholds turning sentiment sums into a tonality (docs/lexicon-format.md § Sentiment). */
export interface TonalityThresholds {
  /** Both sides below this: `neutre`. */
  neutral: number;
  /** Both sides at least this strong… */
  mixedFloor: number;
  /** …and the weaker side at least this share of the stronger: `mitige`. */
  mixedRatio: number;
}

/** Default thresholds (chosen on a plateau of accuracy on annotated verbatims, not at a peak). */
export const TONALITY_THRESHOLDS: Readonly<TonalityThresholds> = Object.freeze({ neutral: 1, mixedFloor: 1.5, mixedRatio: 0.7 });

/** Sentiment vocabulary of a composed lexicon, keyed like the token stream. */
export function createSentimentConfig(lexicon: Lexicon, options: { includeBase: boolean }): SentimentConfig {
  const words = new Map<string, number>();
  const stems = new Map<string, number>();
  const put = (raw: string, value: number): void => {
    if (raw.startsWith('stem:')) stems.set(stem(raw.slice(5)), value);
    else words.set(sentimentKey(foldKey(raw)), value);
  };
  if (options.includeBase) for (const [w, v] of Object.entries(FR_SENTIMENT_BASE)) put(w, v);
  for (const [w, v] of Object.entries(lexicon.sentiment.words)) put(w, v);
  const intensifiers = new Map(Object.entries(lexicon.sentiment.intensifiers).map(([w, v]) => [foldKey(w), v]));
  if (intensifiers.size === 0) for (const w of ['tres', 'trop', 'vraiment', 'super', 'hyper', 'extremement', 'tellement', 'vachement']) intensifiers.set(w, 1.5);
  return {
    words,
    stems,
    intensifiers,
    irritantWeight: lexicon.sentiment.irritantWeight,
    enchantmentWeight: lexicon.sentiment.enchantmentWeight,
    sarcasm: new Set(lexicon.sentiment.sarcasm.map((w) => sentimentKey(foldKey(w)))),
  };
}

/** Most a negated praise weighs (a plain "pas content" weighs 1). */
const NEGATED_PRAISE_CAP = 1.5;

/** Positive and negative sums of a verbatim: lexicon matches by weight, then sentiment words outside them. */
export function scoreSentiment(
  units: readonly Unit[],
  matches: readonly Match[],
  sentiment: SentimentConfig,
  negation: NegationConfig,
): { positive: number; negative: number } {
  let positive = 0;
  let negative = 0;
  const add = (p: number): void => {
    if (p > 0) positive += p;
    else negative -= p;
  };
  // Words inside irritant/enchantment matches already count through the weights.
  const covered = new Set<number>();
  let irritants = 0;
  let enchantments = 0;
  for (const m of matches) {
    if (m.kind === 'irritant') {
      add(sentiment.irritantWeight);
      irritants += 1;
    } else if (m.kind === 'enchantment') {
      add(sentiment.enchantmentWeight);
      enchantments += 1;
    } else continue;
    for (let t = m.tokenStart; t < m.tokenEnd; t += 1) covered.add(t);
  }
  // "Bravo pour le SAV 👏, toujours pas remboursé": praise next to a complaint, and no delight, is irony.
  const ironic = irritants > 0 && enchantments === 0;
  units.forEach((u, k) => {
    if ((u.kind !== 'word' && u.kind !== 'emoji') || covered.has(u.token)) return;
    const key = u.kind === 'emoji' ? sentimentKey(u.key) : u.key;
    let p = sentiment.words.get(key);
    if (p === undefined && sentiment.stems.size > 0 && u.kind === 'word') p = sentiment.stems.get(stem(u.key));
    if (p === undefined || p === 0) return;
    if (p > 0 && ironic && sentiment.sarcasm.has(key)) p = -p;
    const prev = units[k - 1];
    const factor = prev !== undefined && prev.kind === 'word' ? sentiment.intensifiers.get(prev.key) : undefined;
    if (factor !== undefined) p *= factor;
    // Negation flips and caps: "pas mauvais" is mildly positive, "pas content" negative, but "rien
    // d'exceptionnel" is no stronger a complaint than "pas content".
    // Emoji stand outside the clause's syntax: "jamais arrivé 🤬" is not a negated anger.
    if (u.kind === 'word' && isNegated(units as Unit[], k, k + 1, negation)) p = p > 0 ? -Math.min(p, NEGATED_PRAISE_CAP) : -p / 2;
    add(p);
  });
  return { positive: Math.round(positive * 100) / 100, negative: Math.round(negative * 100) / 100 };
}

/** Tonality from the sentiment sums (see TONALITY_THRESHOLDS). */
export function toTonality(positive: number, negative: number, thresholds: Readonly<TonalityThresholds> = TONALITY_THRESHOLDS): Tonality {
  const t = thresholds;
  if (positive < t.neutral && negative < t.neutral) return 'neutre';
  const strong = Math.max(positive, negative);
  const weak = Math.min(positive, negative);
  if (weak >= t.mixedFloor && weak >= strong * t.mixedRatio) return 'mitige';
  return positive > negative ? 'positif' : 'negatif';
}

/** Emoji keys without skin tones, so 👍🏽 reads as 👍. */
function sentimentKey(key: string): string {
  return key.replace(/[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, '');
}
