// One verbatim → annotations. Pure and deterministic: the same verbatim and
// analyser always give the same result.
import type { EntryKind, Match, Tonality, Token, Verbatim, VerbatimAnalysis } from '../types.js';
import { contentKeywords, countWords, detectLanguage, tokenize } from '../text/index.js';
import { composeLexicons } from '../lexicon/compose.js';
import { compileLexicon, type CompiledLexicon, type RawMatch } from '../lexicon/compile.js';
import { termKeys } from '../lexicon/keys.js';
import { storedTermKeys } from '../lexicon/store.js';
import { defaultLexicon, defaultTextTables, loadDefaultLexicons, sectorLexicon } from '../lexicon/defaults.js';
import { normalizeChannel } from '../lexicon/channels.js';
import type { Lexicon, LexiconDocument, LexiconEntry } from '../lexicon/types.js';
import { createNegationConfig, hasInnerNegator, indexClauses, isBreak, isNegated, personneIsPerson, type NegationConfig, type Unit } from './negation.js';
import { createModalityConfig, modalityOf, type ModalityConfig } from './modality.js';
import { compileImpliedRules, findImplied, type CompiledImpliedRule } from './implied.js';
import { createSentimentConfig, scoreTonality, TONALITY_THRESHOLDS, type SentimentConfig, type TonalityThresholds } from './sentiment.js';
import { lazyEnglishLayer, type EnglishLayer } from './english.js';
import { distinct } from '../_utils/distinct.js';
import { sortUnlessSorted } from '../_utils/sort.js';
import { UnitFactsTable, type FactsLayer } from './facts.js';
import { expectedError, typeName } from '../_utils/describe.js';

export interface AnalyzerOptions {
  /** Lexicon layers applied after the default ones (user overrides), in order. */
  lexicons?: LexiconDocument[];
  /** Start from the default French lexicons (default true). */
  includeDefault?: boolean;
  /**
   * Optional sector layers applied over the default lexicons, before
   * `lexicons` (`['banque']`, `['transport', 'hotellerie']`; see `sectorNames()`).
   */
  sectors?: string[];
  /** The corpus' language: reported for texts too short to tell (< ~20 letters), and for all when detection is off (default `fra`). */
  defaultLanguage?: string;
  /**
   * Detect each verbatim's language (default true; `und` when too short to
   * tell). Matching runs whatever the language: the lexicons are French, so
   * a verbatim in English mostly matches nothing, but French words in it
   * (brand names, quoted phrases) still count; filter on `language` if needed.
   */
  detectLanguage?: boolean;
  /** Tonality thresholds (defaults: TONALITY_THRESHOLDS). */
  tonality?: Partial<TonalityThresholds>;
  /** Keep every match, including cancelled ones, in `allMatches` (default false). */
  keepCancelled?: boolean;
  /** Also start the sentiment vocabulary from natural's generic French word list (default false: the lexicons' customer-relation vocabulary only). */
  includeBaseSentiment?: boolean;
  /** Read a misspelled word one edit away from a lexicon word of 5+ letters as that word (default true); matches say `fuzzy`. */
  fuzzy?: boolean;
  /**
   * Tag verbatims detected as English (`language: 'eng'`) with the default
   * English layer (lexicons/en/*.yml: same ids, English lemmas, negation and
   * sentiment words) instead of the French lexicons (default true; off
   * without the default lexicons). `false`: English verbatims go through the
   * French lexicons like any other text.
   */
  english?: boolean;
}

/** Why a match does not count. */
export type CancelReason = 'negated' | 'modal' | 'excluded' | 'ambiguous' | 'duplicate';

/** A match in `allMatches`: cancelled ones say why. */
export interface AnalyzedMatch extends Match {
  cancelled?: CancelReason;
}


/** A compiled analyser: build once with `createAnalyzer`, use for every verbatim. */
export interface Analyzer {
  /** The composed lexicon: entries (labels, kinds, themes, stages), channels, sentiment, negation. */
  readonly lexicon: Lexicon;
  /** Entries by id (disabled ones included). */
  readonly entries: ReadonlyMap<string, LexiconEntry>;
  readonly options: Readonly<Required<Pick<AnalyzerOptions, 'defaultLanguage' | 'detectLanguage' | 'keepCancelled'>>> & {
    readonly tonality: Readonly<TonalityThresholds>;
  };
  /** Public id of the residual irritant (the lexicon entry with `residual: true`), if any. */
  readonly residual: string | undefined;
  /** @internal */
  readonly compiled: CompiledLexicon;
  /** @internal */
  readonly negation: NegationConfig;
  /** @internal */
  readonly modality: ModalityConfig;
  /** @internal */
  readonly implied: readonly CompiledImpliedRule[];
  /** @internal */
  readonly sentiment: SentimentConfig;
  /** @internal tokenizer SMS table: the composed lexicon's, else the default lexicons' */
  readonly sms: Readonly<Record<string, string>>;
  /** @internal one object for the analyser's life: the text layer caches stop-word sets per options object */
  readonly stopwords: { add: readonly string[]; remove: readonly string[] };
  /** @internal the English layer, built on the first English verbatim (undefined: off) */
  readonly english: (() => EnglishLayer) | undefined;
}

const SENTENCE_END = /[.!?…]/;

/** Builds an analyser from the default lexicons and/or the given layers; throws `LexiconError`. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  if (typeof options !== 'object' || options === null) {
    throw expectedError('analyser options (object)', typeName(options));
  }
  const layers = [
    ...(options.includeDefault === false ? [] : defaultLexicon()),
    ...(options.sectors ?? []).map((name) => sectorLexicon(name)),
    ...(options.lexicons ?? []),
  ];
  const lexicon = composeLexicons(layers);
  // The text tables are the composed lexicon's; without default layers, the
  // defaults' still apply (SMS forms when the layers give none, stop-word edits).
  const tables = defaultTextTables();
  const sms = Object.keys(lexicon.sms).length > 0 ? lexicon.sms : tables.sms;
  const keying = { sms };
  const compiled = compileLexicon(lexicon, options.fuzzy === false ? { ...keying, fuzzy: false } : keying);

  // The words the rules below key: the default lexicons' are read from the keys the build stored (store.ts).
  const keysOf = storedTermKeys(keying);
  const negation = createNegationConfig(lexicon.negation, keysOf);


  const residual = lexicon.entries.find((e) => e.residual === true && e.kind === 'irritant' && !e.disabled);
  return {
    lexicon,
    entries: new Map(lexicon.entries.map((e) => [e.id, e])),
    residual: residual === undefined ? undefined : (residual.tag ?? residual.id),
    options: {
      defaultLanguage: options.defaultLanguage ?? 'fra',
      detectLanguage: options.detectLanguage ?? true,
      keepCancelled: options.keepCancelled ?? false,
      tonality: { ...TONALITY_THRESHOLDS, ...options.tonality },
    },
    compiled,
    negation,
    modality: createModalityConfig(lexicon, keysOf),
    implied: compileImpliedRules(lexicon.implied, (word) => keysOf(word)[0] ?? word),
    sentiment: createSentimentConfig(lexicon, { includeBase: options.includeBaseSentiment === true }),
    sms,
    stopwords: {
      add: [...new Set([...tables.stopwords.add, ...lexicon.stopwords.add])],
      remove: [...new Set([...tables.stopwords.remove, ...lexicon.stopwords.remove])],
    },
    english: options.english === false || options.includeDefault === false ? undefined : lazyEnglishLayer(lexicon),
  };
}

/**
 * `createAnalyzer(options)` once the default lexicon data its options need is
 * loaded (`loadDefaultLexicons(options)`): how to build an analyser in the
 * browser build, which loads that data on demand. In Node it is all there,
 * and this is `createAnalyzer` in a promise. Rejects with `LexiconError` or
 * `TypeError` where `createAnalyzer` throws them.
 */
export async function createAnalyzerAsync(options: AnalyzerOptions = {}): Promise<Analyzer> {
  await loadDefaultLexicons(options);
  return createAnalyzer(options);
}

const LOWER_END_RE = /\p{Ll}$/u;
const UPPER_START_RE = /^\p{Lu}\p{Ll}/u;

/**
 * A capitalised word glued to the lowercase word before it ("déçuTout", which
 * the tokenizer splits): the writer's missing ". " — a new sentence, so that a
 * negation or a clause does not run on into it.
 */
function gluedSentenceStart(previous: Token, token: Token): boolean {
  return previous.end === token.start && previous.kind === 'word' && token.kind === 'word' && LOWER_END_RE.test(previous.text) && UPPER_START_RE.test(token.text);
}

/** @internal exported for the tests */
export function toUnits(text: string, tokens: readonly Token[], negation: NegationConfig): Unit[] {
  const units: Unit[] = [];
  let sentence = 0;
  let prevEnd = 0;
  let nextBreak = text.indexOf('\n');
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    // A line break between tokens ends the sentence; the next break is tracked, not searched per token.
    while (nextBreak !== -1 && nextBreak < prevEnd) nextBreak = text.indexOf('\n', nextBreak + 1);
    if (i > 0 && nextBreak !== -1 && nextBreak < token.start) sentence += 1;
    else if (i > 0 && gluedSentenceStart(tokens[i - 1] as Token, token)) sentence += 1;
    prevEnd = token.end;
    if (token.kind === 'punct') {
      // "!!", "?!" and "..." are one token: it breaks a clause if one of its characters does.
      units.push({ key: breakingChar(token.text, negation) ?? token.norm, token: i, kind: token.kind, sentence, text: undefined, facts: undefined });
      if (SENTENCE_END.test(token.text)) sentence += 1;
      continue;
    }
    if (!token.norm.includes(' ')) {
      if (token.norm !== '') units.push({ key: token.norm, token: i, kind: token.kind, sentence, text: token.text, facts: undefined });
    } else for (const key of token.norm.split(' ')) if (key !== '') units.push({ key, token: i, kind: token.kind, sentence, text: undefined, facts: undefined });
  }
  return units;
}

/** The first character of a punctuation token that breaks a clause. */
function breakingChar(mark: string, negation: NegationConfig): string | undefined {
  // One character (most marks): no iteration.
  if (mark.length === 1) return negation.breaks.has(mark) ? mark : undefined;
  for (const ch of mark) if (negation.breaks.has(ch)) return ch;
  return undefined;
}

/**
 * Punctuation that sets off a detail or a list item of the same statement:
 * "remboursement (toujours pas reçu)", "devis 300 €, facture 300 €, identique".
 */
const SOFT_BREAKS = new Set(['(', ')', ':', '-', ',']);

/**
 * An exclusion with a gap speaks for one clause: "reçu {0,3} code" over
 * "non reçu car pas de code" crosses "car" and says nothing about "commande
 * non reçu". Terms written without a gap keep what they wrote ("objet :
 * réclamation"), and so does a break word the term writes itself ("cher
 * {0,3} mais {0,4} de qualité").
 */
function withinClause(units: readonly Unit[], r: RawMatch, negation: NegationConfig): boolean {
  if (!r.pattern.gapped) return true;
  for (let k = r.start + 1; k < r.end - 1; k += 1) {
    const key = units[k]?.key ?? '';
    if (isBreak(units, k, negation) && !SOFT_BREAKS.has(key) && !writes(r.pattern.term, key)) return false;
  }
  return true;
}

/**
 * Whether an exclusion of the same entry overlaps a match: exclusions grouped
 * by entry and sorted by start, so a long verbatim with many of them stays
 * linear (a lookup walks back from the match's end over the few that can
 * still reach it).
 */
function exclusionsOf(excludes: readonly RawMatch[]): (r: RawMatch) => boolean {
  if (excludes.length === 0) return none;
  const byEntry = new Map<number, { starts: RawMatch[]; span: number }>();
  for (const x of excludes) {
    const group = byEntry.get(x.pattern.entry) ?? { starts: [], span: 0 };
    group.starts.push(x);
    group.span = Math.max(group.span, x.end - x.start);
    byEntry.set(x.pattern.entry, group);
  }
  for (const group of byEntry.values()) group.starts.sort((a, b) => a.start - b.start);
  return (r) => {
    const group = byEntry.get(r.pattern.entry);
    if (group === undefined) return false;
    const xs = group.starts;
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[mid] as RawMatch).start < r.end) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0; j -= 1) {
      const x = xs[j] as RawMatch;
      if (x.start + group.span <= r.start) break;
      if (r.start < x.end) return true;
    }
    return false;
  };
}

const none = (): boolean => false;
/** Matches by start, the longest first, then by id. */
const earliestLongest = (a: Match, b: Match): number => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether a term writes the word `key` (folded) as one of its positions. */
function writes(term: string, key: string): boolean {
  let words = termWords.get(term);
  if (words === undefined) {
    words = new Set(term.split(/[\s|]+/).flatMap((w) => termKeys(w)));
    termWords.set(term, words);
  }
  return words.has(key);
}
const termWords = new Map<string, Set<string>>();
/** Each layer's facts about the keys it met (an analyser's French layer, its English one). */
const factsTables = new WeakMap<FactsLayer, UnitFactsTable>();

/** Analyses one verbatim (or a bare string) with a compiled analyser. */
export function analyze(verbatim: Verbatim | string, analyzer: Analyzer): VerbatimAnalysis {
  const v: Verbatim = typeof verbatim === 'string' ? { id: '', text: verbatim } : verbatim;
  if (typeof v !== 'object' || v === null || typeof v.text !== 'string') {
    throw expectedError('a verbatim ({ id, text }) or a string', typeName(v));
  }
  if (analyzer === null || typeof analyzer !== 'object' || analyzer.compiled === undefined) {
    throw expectedError('an analyser from createAnalyzer()', typeName(analyzer));
  }
  const text = v.text;
  const tokens = tokenize(text, { sms: analyzer.sms });
  // English verbatims: the English layer's lexicon, lemma keys, negation and sentiment words.
  const language = languageOf(text, analyzer);
  const english = language === 'eng' ? analyzer.english?.() : undefined;
  const layer = english ?? analyzer;
  const units = english !== undefined ? english.units(text, tokens) : toUnits(text, tokens, analyzer.negation);
  const { compiled, negation } = layer;
  // Each unit's key looked up once for the matcher and every pass below.
  let facts = factsTables.get(layer);
  if (facts === undefined) factsTables.set(layer, (facts = new UnitFactsTable(layer, analyzer.modality)));
  facts.annotate(units);
  const raw = compiled.match(units);

  const clauses = indexClauses(units, negation);
  const excludes: RawMatch[] = [];
  for (const r of raw) if (r.pattern.exclude && withinClause(units, r, negation)) excludes.push(r);
  const excluded = exclusionsOf(excludes);
  const all: AnalyzedMatch[] = [];
  const counted: AnalyzedMatch[] = [];
  const makeMatch = (entry: LexiconEntry, r: RawMatch, negated: boolean): AnalyzedMatch => {
    const tokenStart = units[r.start]?.token ?? 0;
    const lastToken = units[r.end - 1]?.token ?? 0;
    const start = tokens[tokenStart]?.start ?? 0;
    const end = tokens[lastToken]?.end ?? 0;
    // One shape for every counted match, `theme` and `fuzzy` present even when undefined (JSON leaves them
    // out, in the same order): the code that reads matches, here and in the report, sees one hidden class,
    // and V8 does not drop its optimised code each time a match with a theme or a misspelling first comes by.
    return { id: entry.id, kind: entry.kind, term: r.pattern.term, tokenStart, tokenEnd: lastToken + 1, start, end, text: text.slice(start, end), negated, theme: entry.theme, fuzzy: r.fuzzy ? true : undefined };
  };

  for (const r of raw) {
    if (r.pattern.exclude) continue;
    const entry = compiled.entries[r.pattern.entry];
    if (entry === undefined) continue;
    let reason: AnalyzedMatch['cancelled'];
    if (excluded(r)) reason = 'excluded';
    // A term written with "personne" means "nobody": not when "la personne …" is a person.
    if (reason === undefined && r.negated) {
      for (let k = r.start; k < r.end; k += 1) if (units[k]?.key === 'personne' && personneIsPerson(units, k)) reason = 'ambiguous';
    }
    const negated = !r.negated && (isNegated(units, r.start, r.end, negation, clauses) || hasInnerNegator(units, r.start, r.end, negation));
    const m = makeMatch(entry, r, negated);
    if (reason === undefined && negated && entry.onNegation === 'cancel') {
      reason = 'negated';
      const other = entry.negatedAs !== undefined ? analyzer.entries.get(entry.negatedAs) : undefined;
      if (other !== undefined && !other.disabled) {
        const instead = makeMatch(other, r, true);
        counted.push(instead);
        all.push(instead);
      }
    }
    // "On m'avait promis un geste", "j'aurais aimé un geste": an enchantment that did not happen. Read
    // before exclusions, which lexicons also use for these senses, so a promise still counts promiseAs.
    // "En cas de retard", "pour éviter la casse": a problem under a condition or a precaution did not
    // happen, whatever the entry's onModality; it says nothing about an enchantment.
    if ((reason === undefined || reason === 'excluded') && !(negated && entry.onNegation === 'cancel') && (entry.onModality === 'cancel' || entry.kind === 'irritant')) {
      const found = modalityOf(units, r.start, r.end, analyzer.modality, negation, clauses);
      const modality = found === 'hypothetical' ? (entry.kind === 'irritant' ? found : undefined) : entry.onModality === 'cancel' ? found : undefined;
      if (modality !== undefined) {
        reason = 'modal';
        const other = modality === 'promise' && analyzer.modality.promiseAs !== undefined ? analyzer.entries.get(analyzer.modality.promiseAs) : undefined;
        if (other !== undefined && !other.disabled) {
          const instead = makeMatch(other, r, false);
          counted.push(instead);
          all.push(instead);
        }
      }
    }
    if (reason !== undefined) m.cancelled = reason;
    else counted.push(m);
    all.push(m);
  }

  // "Livré au bout de 3 semaines", "passé de 30 à 45 €": complaints said with numbers.
  for (const hit of findImplied(units, analyzer.implied)) {
    const entry = analyzer.entries.get(hit.rule.id);
    if (entry === undefined || entry.disabled) continue;
    const what = hit.rule.duration !== undefined ? `≥ ${hit.rule.duration}` : `+${hit.rule.increase} %`;
    const pattern = { entry: -1, term: `implied: ${what}`, exclude: false, gapped: false };
    const m = makeMatch(entry, { pattern, start: hit.start, end: hit.end, negated: false, fuzzy: false }, false);
    counted.push(m);
    all.push(m);
  }

  // Overlapping matches of one entry count once: keep the earliest, longest.
  sortUnlessSorted(counted, earliestLongest);
  const matches: Match[] = [];
  const lastEnd = new Map<string, number>();
  for (const m of counted) {
    const end = lastEnd.get(m.id);
    if (end !== undefined && m.start < end) {
      m.cancelled = 'duplicate';
      continue;
    }
    lastEnd.set(m.id, m.end);
    // A counted match has no `cancelled`: a copy only when allMatches keeps the same objects.
    matches.push(analyzer.options.keepCancelled ? { ...m } : m);
  }

  // Lists carry the public id (`tag`), so two kinds can share a name (theme and intent `resiliation`).
  const ofKind = (kind: EntryKind): string[] => {
    const ids: string[] = [];
    for (const m of matches) if (m.kind === kind) ids.push(analyzer.entries.get(m.id)?.tag ?? m.id);
    return distinct(ids);
  };
  const themeList: string[] = [];
  for (const m of matches) if (m.theme !== undefined) themeList.push(m.theme);
  const themes = distinct(themeList);
  const irritants = ofKind('irritant');
  const enchantments = ofKind('enchantment');

  const { sentiment, tonality } = scoreTonality(units, matches, layer.sentiment, negation, analyzer.options.tonality, clauses);

  const words = countWords(tokens);
  // The French layer's units are its tokens' norms: their facts say which are stop words.
  const keywords = english === undefined ? facts.keywords(units) : contentKeywords(tokens, layer.stopwords);

  const result: VerbatimAnalysis = {
    id: v.id,
    channel: normalizeChannel(v.channel, analyzer.lexicon.channels),
    text,
    language,
    tokenCount: tokens.length,
    wordCount: words,
    contentWordCount: keywords.length,
    keywords,
    matches,
    themes,
    concepts: ofKind('concept'),
    irritants,
    enchantments,
    intents: ofKind('intent'),
    tonality,
    sentiment,
    // Every field present, undefined when it does not apply (JSON leaves it out): every analysis has one
    // hidden class, and the code that reads analyses (the report's adds) is not optimised again for each.
    residual: undefined,
    date: v.date,
    score: v.score,
    meta: v.meta,
    allMatches: undefined,
    author: undefined,
    exchanges: undefined,
  };
  // Dissatisfaction no irritant explains gets the residual label, so reports say how much the lexicons miss.
  if (analyzer.residual !== undefined && tonality === 'negatif' && irritants.length === 0) {
    irritants.push(analyzer.residual);
    result.residual = analyzer.residual;
  }
  if (analyzer.options.keepCancelled) {
    sortUnlessSorted(all, earliestLongest);
    result.allMatches = all;
  }
  return result;
}

/** Short texts cannot be told apart reliably: they take the corpus' language. */
function languageOf(text: string, analyzer: Analyzer): string {
  if (!analyzer.options.detectLanguage) return analyzer.options.defaultLanguage;
  const detected = detectLanguage(text);
  return detected === 'und' ? analyzer.options.defaultLanguage : detected;
}
