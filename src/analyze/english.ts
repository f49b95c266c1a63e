// The English layer: verbatims detected as English (`eng`) are matched
// against the default English lexicons (lexicons/en/*.yml, same ids as the
// French ones) on lemma keys from compromise, with English negation,
// sentiment words and stop words. Built on the first English verbatim, so a
// French-only run never compiles it nor loads compromise.
import type { Token } from '../types.js';
import { englishLemmas, lemmatizePhrase, lemmatizeTerm } from '../text/english.js';
import { foldKey } from '../text/fold.js';
import { composeLexicons } from '../lexicon/compose.js';
import { compileLexicon, type CompiledLexicon } from '../lexicon/compile.js';
import { termKeys, type KeyingOptions } from '../lexicon/keys.js';
import { defaultEnglishLexicon, englishTermLemmas } from '../lexicon/defaults.js';
import type { Lexicon, LexiconDocument } from '../lexicon/types.js';
import { createNegationConfig, type NegationConfig, type Unit } from './negation.js';
import { createSentimentConfig, type SentimentConfig } from './sentiment.js';

/** What `analyze` swaps in for an English verbatim. */
export interface EnglishLayer {
  readonly lexicon: Lexicon;
  readonly compiled: CompiledLexicon;
  readonly negation: NegationConfig;
  readonly sentiment: SentimentConfig;
  readonly stopwords: { add: readonly string[]; remove: readonly string[] };
  /** The unit stream of an English text: the French tokens' offsets, English lemma keys. */
  units(text: string, tokens: readonly Token[]): Unit[];
}

/** No SMS table: the French one would rewrite English words. */
const KEYING: KeyingOptions = { sms: {} };
const SENTENCE_END = /[.!?…]/;

/**
 * A lazy English layer for an analyser whose composed (French) lexicon is
 * `main`: entries disabled or absent there stay off in English too, so user
 * layers that switch an id off switch it off in both languages.
 */
export function lazyEnglishLayer(main: Lexicon, extra: readonly LexiconDocument[] = []): () => EnglishLayer {
  let layer: EnglishLayer | undefined;
  return () => (layer ??= buildEnglishLayer(main, extra));
}

function buildEnglishLayer(main: Lexicon, extra: readonly LexiconDocument[]): EnglishLayer {
  const termLemmas = englishTermLemmas();
  const lexicon = composeLexicons([...defaultEnglishLexicon(), ...extra]);
  const on = new Map(main.entries.map((e) => [e.id, !e.disabled]));
  for (const e of lexicon.entries) {
    if (on.get(e.id) !== true) e.disabled = true;
    // Terms are keyed like the text: "stopped working" matches "stops working" and "has stopped working".
    e.terms = e.terms.map((t) => lemmatizeTerm(t, termLemmas));
    e.exclude = e.exclude.map((t) => lemmatizeTerm(t, termLemmas));
  }
  const words: Record<string, number> = {};
  for (const [w, v] of Object.entries(lexicon.sentiment.words)) {
    words[w] = v;
    if (!w.startsWith('stem:')) for (const form of (termLemmas[w] ?? lemmatizePhrase(w)).split('|')) words[form] ??= v;
  }
  lexicon.sentiment.words = words;
  const compiled = compileLexicon(lexicon, KEYING);

  // "staff were not friendly": a negator inside a match's gap cancels it.
  const negation = createNegationConfig(lexicon.negation, (phrase) => termKeys(phrase, KEYING), new Set(['not', 'never', 'no', 'nothing', 'none', 'without', 'nor', 'neither', 'hardly']));
  return {
    lexicon,
    compiled,
    negation,
    sentiment: createSentimentConfig(lexicon, { includeBase: false }),
    stopwords: {
      add: [...main.stopwords.add, ...lexicon.stopwords.add],
      remove: [...main.stopwords.remove, ...lexicon.stopwords.remove],
    },
    units: (text, tokens) => englishUnits(text, tokens, negation),
  };
}

/**
 * Units of an English text: the tokenizer's tokens (offsets, punctuation,
 * sentences, as for French), each word token keyed by the lemmas compromise
 * gives for it (`didn't` → `do`, `not`; `arrived` → `arrive`). A word
 * compromise does not cover keeps its French-tokenizer key.
 */
export function englishUnits(text: string, tokens: readonly Token[], negation: NegationConfig): Unit[] {
  const lemmas = englishLemmas(text);
  const units: Unit[] = [];
  let sentence = 0;
  let prevEnd = 0;
  let nextBreak = text.indexOf('\n');
  let l = 0;
  tokens.forEach((token, i) => {
    while (nextBreak !== -1 && nextBreak < prevEnd) nextBreak = text.indexOf('\n', nextBreak + 1);
    if (i > 0 && nextBreak !== -1 && nextBreak < token.start) sentence += 1;
    prevEnd = token.end;
    if (token.kind === 'punct') {
      const breaking = [...token.text].find((ch) => negation.breaks.has(ch));
      units.push({ key: breaking ?? token.norm, token: i, kind: token.kind, sentence });
      if (SENTENCE_END.test(token.text)) sentence += 1;
      return;
    }
    // Lemmas before this token belong to tokens that are not words (emoticons, symbols).
    while (l < lemmas.length && (lemmas[l]?.start ?? 0) < token.start) l += 1;
    const keys: string[] = [];
    if (token.kind === 'word') {
      for (; l < lemmas.length; l += 1) {
        const lemma = lemmas[l];
        if (lemma === undefined) break;
        const inside = lemma.start < token.end || (lemma.length === 0 && lemma.start === token.end);
        if (!inside) break;
        for (const key of foldKey(lemma.key).split(/\s+/)) if (key !== '') keys.push(key);
      }
    }
    if (keys.length === 0) for (const key of token.norm.split(' ')) if (key !== '') keys.push(key);
    for (const key of keys) units.push({ key, token: i, kind: token.kind, sentence });
  });
  return units;
}
