import { foldKey } from './fold.js';
import { expectString } from './guard.js';
import { Memo } from './memo.js';
import { stemFrench } from './stem-fr.js';

// Pure memoisation: verbatims repeat the same few thousand words, and the
// Snowball rules are the slowest step per token. Bounded (≤ 10k entries): the
// matcher stems a token key only when its own memo of keys misses, and then
// without this memo (`stemUncached`), so this one serves the other callers
// (sentiment stems, discovery, suggestions); the sample texts' 2,700 words fit.
const memo = new Memo<string>(5_000);

/**
 * French Porter (Snowball) stem of a word, computed on its folded key so
 * that "décevant", "decevant" and "DÉCEVANT" share a stem (`decev`).
 * Keys with a space (SMS expansions like "je suis") are stemmed word by word.
 */
export function stem(word: string): string {
  expectString(word);
  const cached = memo.get(word);
  if (cached !== undefined) return cached;
  const result = stemUncached(word);
  if (word.length <= 64) memo.set(word, result);
  return result;
}

/**
 * `stem(word)` without the memo, for a caller with a memo of its own in
 * front (the matcher's, by token key): the rare words it misses would only
 * push the common ones out of this one.
 */
export function stemUncached(word: string): string {
  const key = foldKey(word);
  return key.includes(' ') ? key.split(' ').map(stemKey).join(' ') : stemKey(key);
}

function stemKey(key: string): string {
  if (key === '') return '';
  const stemmed = stemFrench(key);
  return stemmed !== '' ? stemmed : key;
}
