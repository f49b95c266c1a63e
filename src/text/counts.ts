import type { Token, TokenKind } from '../types.js';
import { describe } from './guard.js';
import { stopwordSet, type StopwordOptions } from './stopwords.js';
import { expectedError } from '../_utils/describe.js';

/**
 * Token kinds that count as one word each. What the customer wrote counts:
 * an elided `l'` or `j'` is a word (French counts "l'accueil" as two words),
 * an inverted pronoun `-vous` is a word, an SMS form `jsuis` is ONE word
 * (what was written, not its expansion), a number, URL, email, phone,
 * @mention or #hashtag is one word. Punctuation, emoji and symbols (€, %)
 * are not words.
 */
export const WORD_KINDS: ReadonlySet<TokenKind> = new Set(['word', 'number', 'url', 'email', 'phone', 'mention', 'hashtag']);

/** Number of words among `tokens` (see WORD_KINDS above for what counts). */
export function countWords(tokens: readonly Token[]): number {
  expectTokens(tokens);
  let count = 0;
  // Kinds compared, not looked up: this runs on every token of every verbatim.
  for (const { kind } of tokens) if (kind === 'word' || kind === 'number' || kind === 'url' || kind === 'email' || kind === 'phone' || kind === 'mention' || kind === 'hashtag') count++;
  return count;
}

/**
 * Keys of the content words, in text order: norms of `word` tokens that are
 * not stop words. Negation words are always kept. An SMS expansion holding
 * several words (`jsuis` → `je suis`) contributes its non-stop-word parts.
 */
export function contentKeywords(tokens: readonly Token[], options?: StopwordOptions): string[] {
  expectTokens(tokens);
  const keywords: string[] = [];
  // The edited set once per call, not per word (isStopword looks it up on every call).
  const stop = stopwordSet(options);
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    const norm = token.norm;
    if (!norm.includes(' ')) {
      if (norm !== '' && !stop.has(norm)) keywords.push(norm);
      continue;
    }
    for (const part of norm.split(' ')) if (part !== '' && !stop.has(part)) keywords.push(part);
  }
  return keywords;
}

function expectTokens(tokens: unknown): asserts tokens is readonly Token[] {
  if (!Array.isArray(tokens)) throw expectedError('an array of tokens', describe(tokens));
}
