// The English layer: verbatims detected as English (`eng`) are matched
// against the default English lexicons (lexicons/en/*.yml, same ids as the
// French ones) on lemma keys (a table compiled at build time, see
// src/text/english.ts), with English negation, sentiment words and stop
// words. Built on the first English verbatim, so a French-only run never
// compiles it.
import type { Token } from '../types.js';
import { englishPhraseKey, englishWordKeys, nounContext, type EnglishForms } from '../text/english.js';
import { composeLexicons } from '../lexicon/compose.js';
import { compileLexicon, type CompiledLexicon } from '../lexicon/compile.js';
import { termKeys, type KeyingOptions } from '../lexicon/keys.js';
import { defaultEnglishForms, defaultEnglishLexicon } from '../lexicon/defaults.js';
import { storedEnglishTerms } from '../lexicon/store.js';
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
 * English negators that cancel a match from inside its gap: the English
 * lexicon's (lexicons/en/negation.yml) that negate wherever they stand
 * (not `nobody`, `lack`), as the French plain negators are.
 */
const ENGLISH_INNER_NEGATORS: ReadonlySet<string> = new Set(['not', 'never', 'no', 'nothing', 'none', 'without', 'nor', 'neither', 'hardly']);

/**
 * A lazy English layer for an analyser whose composed (French) lexicon is
 * `main`: entries disabled or absent there stay off in English too, so user
 * layers that switch an id off switch it off in both languages. Terms of
 * `extra` layers are keyed by the same build-time table: their words that no
 * default English lexicon uses match as written only (no tagger at run time).
 */
export function lazyEnglishLayer(main: Lexicon, extra: readonly LexiconDocument[] = []): () => EnglishLayer {
  // The default data is taken now, not on the first English verbatim: where it loads on
  // demand (the browser build), a layer not loaded fails createAnalyzer, not analyze.
  const forms = defaultEnglishForms();
  const defaults = defaultEnglishLexicon();
  let layer: EnglishLayer | undefined;
  return () => (layer ??= buildEnglishLayer(main, [...defaults, ...extra], forms));
}

function buildEnglishLayer(main: Lexicon, layers: readonly LexiconDocument[], forms: EnglishForms): EnglishLayer {
  const lexicon = composeLexicons(layers);
  const on = new Map(main.entries.map((e) => [e.id, !e.disabled]));
  // Terms are keyed like the text: "stopped working" matches "stops working" and "has stopped working"
  // (the default layers' terms as the build stored them in key form, in Node).
  const lemmatize = storedEnglishTerms(forms);
  for (const e of lexicon.entries) {
    if (on.get(e.id) !== true) e.disabled = true;
    e.terms = e.terms.map(lemmatize);
    e.exclude = e.exclude.map(lemmatize);
  }
  // Polarity, intensifier and irony words are met in the text in key form too ("satisfied" → satisfy),
  // in both readings (after a determiner or not). An explicit entry wins over a key form.
  const { sentiment } = lexicon;
  const keyed = (w: string): string[] => (w.startsWith('stem:') ? [w] : [englishPhraseKey(w, forms), englishPhraseKey(w, forms, true)]);
  const withKeys = (table: Readonly<Record<string, number>>): Record<string, number> => {
    const out: Record<string, number> = { ...table };
    for (const [w, v] of Object.entries(table)) for (const k of keyed(w)) out[k] ??= v;
    return out;
  };
  sentiment.words = withKeys(sentiment.words);
  sentiment.intensifiers = withKeys(sentiment.intensifiers);
  sentiment.sarcasm = [...new Set([...sentiment.sarcasm, ...sentiment.sarcasm.flatMap(keyed)])];
  // No misspelling correction: its index knows French words only, so in English it "corrected"
  // real words (exports → expert, cells → calls, skipping → shipping).
  const compiled = compileLexicon(lexicon, { ...KEYING, fuzzy: false });

  // "staff were not friendly": a negator inside a match's gap cancels it. Negators and breaks are keyed like the text ("lacks" → lack).
  const negation = createNegationConfig(lexicon.negation, (phrase) => termKeys(englishPhraseKey(phrase, forms), KEYING), ENGLISH_INNER_NEGATORS);
  return {
    lexicon,
    compiled,
    negation,
    sentiment: createSentimentConfig(lexicon, { includeBase: false }),
    stopwords: {
      add: [...main.stopwords.add, ...lexicon.stopwords.add],
      remove: [...main.stopwords.remove, ...lexicon.stopwords.remove],
    },
    units: (text, tokens) => englishUnits(text, tokens, negation, forms),
  };
}

/**
 * Units of an English text: the tokenizer's tokens (offsets, punctuation,
 * sentences, as for French), each word token keyed by its English lemma keys
 * (`didn't` → `do`, `not`; `arrived` → `arrive`; see `englishWordKeys`);
 * other tokens keep their tokenizer key.
 */
export function englishUnits(text: string, tokens: readonly Token[], negation: NegationConfig, forms: EnglishForms): Unit[] {
  const units: Unit[] = [];
  let sentence = 0;
  let prevEnd = 0;
  let nextBreak = text.indexOf('\n');
  tokens.forEach((token, i) => {
    while (nextBreak !== -1 && nextBreak < prevEnd) nextBreak = text.indexOf('\n', nextBreak + 1);
    if (i > 0 && nextBreak !== -1 && nextBreak < token.start) sentence += 1;
    prevEnd = token.end;
    if (token.kind === 'punct') {
      const breaking = [...token.text].find((ch) => negation.breaks.has(ch));
      units.push({ key: breaking ?? token.norm, token: i, kind: token.kind, sentence, text: undefined, facts: undefined });
      if (SENTENCE_END.test(token.text)) sentence += 1;
      return;
    }
    const keys = token.kind === 'word' ? englishWordKeys(token.text, forms, nounContext(tokens[i - 1])) : undefined;
    if (keys !== undefined && keys.length > 0) for (const k of keys) units.push({ key: k.key, token: i, kind: token.kind, sentence, text: undefined, facts: undefined });
    else for (const key of token.norm.split(' ')) if (key !== '') units.push({ key, token: i, kind: token.kind, sentence, text: undefined, facts: undefined });
  });
  return units;
}
