/**
 * State of the core section: analyses added one by one into per-channel
 * figures, and an exact, associative and commutative merge so a corpus can be
 * split, analysed in parallel and combined (only a `maxVocabulary` budget,
 * once reached, makes the word tables approximate: see ./terms.ts).
 */
import { foldAccents } from '../text/fold.js';
import { ENTRY_KINDS, ENTRY_LISTS, type Match, type VerbatimAnalysis } from '../types.js';
import { maskPersonalData, maskQuotedInput, moveSpans, type MaskReplacement, type MaskResult } from './mask.js';
import { addCount, compareStrings, dict, distinct, mergeAll, own, sumCounts } from './counts.js';
import { fnv1a, fnv1aPair } from './stats.js';
import { addKeywords, emptyTermTable, mergeTermTables, termTableOf, type TermTable } from './terms.js';
import type { ChannelState, CoreState, CoverageState, ExampleState, Highlight, ReportMeta, ReportOptions, ReportReject } from './types.js';
import { scoreKey } from './scales.js';
import { expectedError, typeName } from '../_utils/describe.js';

export const DEFAULT_EXAMPLES = 3;
export const DEFAULT_MAX_REJECTS = 10;
/** Characters of a verbatim an example keeps: past it, a window from a little before the entry's first highlight. */
export const EXAMPLE_CHARS = 2_000;
/** Channel of an analysis that carries none. */
export const UNKNOWN_CHANNEL = 'inconnu';

/** An option that counts something (`options.NAME`): a non-negative integer, `fallback` when not given. */
export function nonNegativeInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw expectedError(`options.${name} to be a non-negative integer`, String(value));
  }
  return value;
}

export function normalizeConfig(options: ReportOptions): CoreState['config'] {
  if (typeof options !== 'object' || options === null) {
    throw expectedError('options to be an object', typeName(options));
  }
  const maxVocabulary = options.maxVocabulary === undefined ? null : nonNegativeInteger('maxVocabulary', options.maxVocabulary, 0);
  if (maxVocabulary === 0) throw expectedError('options.maxVocabulary to be at least 1', '0');
  const maxChannels = options.maxChannels === undefined ? null : nonNegativeInteger('maxChannels', options.maxChannels, 0);
  if (maxChannels === 0) throw expectedError('options.maxChannels to be at least 1', '0');
  return {
    examples: nonNegativeInteger('examples', options.examples, DEFAULT_EXAMPLES),
    maskPersonalData: options.maskPersonalData ?? true,
    maxVocabulary,
    maxRejects: nonNegativeInteger('maxRejects', options.maxRejects, DEFAULT_MAX_REJECTS),
    maxChannels,
  };
}

// ---------------------------------------------------------------- too many channels

/**
 * Channel id of all the channels merged into one, once more than
 * `maxChannels` were met. Not a channel name the analyser can give (those
 * are slugs: letters, digits and `_`).
 */
export const OTHER_CHANNELS = '(regroupes)';

/** The channel an analysis counts in: its own, `inconnu` when it has none. */
export function channelKey(analysis: Pick<VerbatimAnalysis, 'channel'>): string {
  return typeof analysis.channel === 'string' && analysis.channel !== '' ? analysis.channel : UNKNOWN_CHANNEL;
}

/** A state's `maxChannels` (states written before it have none). */
export const maxChannelsOf = (state: CoreState): number | null => state.config.maxChannels ?? null;

/**
 * Whether two core states, merged, hold more channels than their limit: then
 * both are merged into one channel first (`mergeChannels`). The channels met
 * by a split's parts are, together, those of the whole: whatever the split,
 * the limit is passed or not, and every part ends in the one channel.
 */
export function channelsOverLimit(a: CoreState, b: CoreState): boolean {
  const max = maxChannelsOf(a);
  if (max === null) return false;
  if (a.channelsMerged === true || b.channelsMerged === true) return true;
  let n = Object.keys(a.channels).length;
  if (n > max) return true;
  for (const id of Object.keys(b.channels)) if (!Object.hasOwn(a.channels, id) && ++n > max) return true;
  return false;
}

/**
 * The core state with all its channels merged into `OTHER_CHANNELS` (pure;
 * the state itself when it already is). Examples keep the channel they came
 * from.
 */
export function mergeChannels(state: CoreState): CoreState {
  if (state.channelsMerged === true) return state;
  const ids = Object.keys(state.channels).sort();
  const one = mergeAll(
    ids.map((id) => state.channels[id] as ChannelState),
    (x, y) => mergeChannelStates(x, y, state.config),
    emptyChannelState(),
  );
  const channels = dict<ChannelState>();
  channels[OTHER_CHANNELS] = one;
  return { ...state, channels, channelsMerged: true };
}

export function emptyChannelState(): ChannelState {
  const entries = dict<Record<string, number>>() as ChannelState['entries'];
  for (const kind of ENTRY_KINDS) entries[kind] = dict();
  return {
    verbatims: 0,
    words: dict(),
    contentWords: 0,
    concepts: dict(),
    themes: dict(),
    withIrritant: 0,
    withEnchantment: 0,
    agentMessages: 0,
    tonality: dict(),
    languages: dict(),
    entries,
    keywords: emptyTermTable(),
    expressions: emptyTermTable(),
    scores: dict(),
    unscored: 0,
    dateFrom: null,
    dateTo: null,
    examples: dict(),
    coverage: emptyCoverageState(),
  };
}

export function emptyCoverageState(): CoverageState {
  return {
    irritantScores: dict(),
    enchantmentScores: dict(),
    negativeWithIrritant: 0,
    positiveWithEnchantment: 0,
    unscoredNegative: 0,
    unscoredNegativeWithIrritant: 0,
    unscoredPositive: 0,
    unscoredPositiveWithEnchantment: 0,
    residual: dict(),
  };
}

export function emptyCoreState(options: ReportOptions = {}): CoreState {
  return { config: normalizeConfig(options), rejects: { count: 0, byReason: dict(), first: [] }, channels: dict() };
}

// ---------------------------------------------------------------- ordering


/** Total order on examples: rank, then every field, so ties never depend on input order. */
export function compareExamples(a: ExampleState, b: ExampleState): number {
  return (
    a.rank - b.rank ||
    compareStrings(a.id, b.id) ||
    compareStrings(a.channel, b.channel) ||
    compareStrings(a.text, b.text) ||
    compareStrings(a.date ?? '', b.date ?? '') ||
    (a.score ?? Number.NEGATIVE_INFINITY) - (b.score ?? Number.NEGATIVE_INFINITY) ||
    compareStrings(JSON.stringify(a.highlights), JSON.stringify(b.highlights))
  );
}

function compareRejects(a: ReportReject, b: ReportReject): number {
  return (
    compareStrings(a.source.file, b.source.file) ||
    a.source.row - b.source.row ||
    (a.source.line ?? 0) - (b.source.line ?? 0) ||
    compareStrings(a.reason, b.reason) ||
    compareStrings(a.hint, b.hint)
  );
}

/** Puts `example` in its place in the sorted `list` of at most `max`; one equal to it in every field is there already (a repeated row). */
function insertExample(list: ExampleState[], example: ExampleState, max: number): void {
  let i = list.length;
  let order = 1;
  while (i > 0 && (order = compareExamples(example, list[i - 1] as ExampleState)) < 0) i--;
  if (order === 0) return;
  list.splice(i, 0, example);
  if (list.length > max) list.length = max;
}

// ---------------------------------------------------------------- adding

/** Throws a TypeError naming the field when `analysis` is not a `VerbatimAnalysis` the report can count. */
export function validateAnalysis(analysis: unknown): asserts analysis is VerbatimAnalysis {
  const a = analysis as Partial<VerbatimAnalysis> | null;
  if (typeof a !== 'object' || a === null || Array.isArray(a)) {
    throw expectedError('a VerbatimAnalysis object', typeName(analysis));
  }
  if (typeof a.id !== 'string') throw expectedError('analysis.id to be a string', typeName(a.id));
  if (typeof a.text !== 'string') {
    throw expectedError('analysis.text to be a string', typeName(a.text));
  }
  for (const field of ['keywords', 'matches', 'themes', 'concepts', 'irritants', 'enchantments', 'intents'] as const) {
    if (!Array.isArray(a[field])) {
      throw expectedError(`analysis.${field} to be an array`, typeName(a[field]));
    }
  }
}

/**
 * Distinct concept-level ids of a verbatim: concepts ∪ irritants ∪
 * enchantments, plus each theme for which none of those was found (a theme
 * mentioned only in general terms is one concept). Intents are signals, not
 * concepts.
 */
export function conceptLevelIds(analysis: VerbatimAnalysis, meta: ReportMeta): Set<string> {
  const ids = new Set<string>(analysis.concepts);
  for (const id of analysis.irritants) ids.add(id);
  for (const id of analysis.enchantments) ids.add(id);
  // The residual label is not a concept the customer spoke of.
  if (analysis.residual !== undefined) ids.delete(analysis.residual);
  const covered = new Set<string>();
  for (const m of analysis.matches) {
    if (m.kind !== 'theme' && m.kind !== 'intent' && m.theme !== undefined && ids.has(m.id)) covered.add(m.theme);
  }
  for (const id of ids) {
    const theme = own(meta.entries, id)?.theme;
    if (theme !== undefined) covered.add(theme);
    const dot = id.indexOf('.');
    if (dot > 0) covered.add(id.slice(0, dot));
  }
  for (const theme of analysis.themes) if (!covered.has(theme)) ids.add(theme);
  return ids;
}

/** A keyword with a digit or an @: alone, only such a keyword can be an email, phone, IBAN, card or reference. */
function mayBePersonalData(keyword: string): boolean {
  // Read by character code: this runs on every keyword of every verbatim (a pattern test each cost more).
  for (let i = 0; i < keyword.length; i++) {
    const c = keyword.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 64) return true;
  }
  return false;
}

/**
 * Keywords minus personal data, so word tables, expressions and keyness never
 * show a name, an address, an email or a reference: keywords that are
 * personal data themselves, and the words of every span the masking finds in
 * the text ("Madame Durand" → durand), become `null` (a gap no expression spans).
 */
export function keywordsWithoutPersonalData(
  analysis: VerbatimAnalysis,
  found: readonly MaskReplacement[] = maskPersonalData(analysis.text).replacements,
): ReadonlyArray<string | null> {
  // Most verbatims: nothing masked in the text, and no keyword that could be personal data alone.
  if (found.length === 0 && !analysis.keywords.some(mayBePersonalData)) return analysis.keywords;
  const pieces = new Set<string>();
  for (const r of found) {
    for (const piece of foldAccents(analysis.text.slice(r.start, r.end)).split(/[^\p{L}\p{N}]+/u)) if (piece !== '') pieces.add(piece);
  }
  return analysis.keywords.map((k) => {
    if (pieces.has(foldAccents(k))) return null;
    return !mayBePersonalData(k) || maskPersonalData(k).replacements.length === 0 ? k : null;
  });
}

/**
 * The id an example shows: the input id when masking is off; otherwise a
 * pseudonym (`#` and 8 hex digits of FNV-1a of the id), the same for the same
 * verbatim in every entry and run, since an id may be an email or a customer
 * number. `--annotate` keeps the input id.
 */
export function exampleId(id: string, masked: boolean): string {
  return masked ? `#${fnv1a(id).toString(16).padStart(8, '0')}` : id;
}

/**
 * The matches of each entry a verbatim carries (by entry id, and by theme for
 * the matches of its entries): an entry's highlights are read from its own
 * list, so a letter naming thousands of entries costs its matches, not
 * entries × matches.
 */
function matchesByEntry(analysis: VerbatimAnalysis): Map<string, Match[]> {
  const out = new Map<string, Match[]>();
  const push = (id: string, m: Match): void => {
    const list = out.get(id);
    if (list === undefined) out.set(id, [m]);
    else list.push(m);
  };
  for (const m of analysis.matches) {
    push(m.id, m);
    if (typeof m.theme === 'string' && m.theme !== m.id) push(m.theme, m);
  }
  return out;
}

function highlightsFor(matches: readonly Match[] | undefined, textLength: number): Highlight[] {
  const out: Highlight[] = [];
  if (matches === undefined) return out;
  const seen = new Set<string>();
  for (const m of matches) {
    if (!(m.start >= 0 && m.end > m.start && m.end <= textLength)) continue;
    const key = `${m.start}:${m.end}:${m.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ start: m.start, end: m.end, id: m.id });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.id, b.id));
}

/** Adds one analysis to the core state; a brand or agent message is only counted apart. */
export function addAnalysis(state: CoreState, analysis: VerbatimAnalysis, meta: ReportMeta): void {
  validateAnalysis(analysis);
  const { config } = state;
  const channel = channelKey(analysis);
  // Past the channel limit every verbatim counts in the merged channel; its examples still say where they came from.
  const ch = (state.channels[state.channelsMerged === true ? OTHER_CHANNELS : channel] ??= emptyChannelState());
  // A brand's or agent's message is counted apart: no customer figure sees it.
  if (analysis.author === 'agent') {
    ch.agentMessages = (ch.agentMessages ?? 0) + 1;
    return;
  }
  ch.verbatims += 1;
  addCount(ch.words, finiteOrZero(analysis.wordCount));
  ch.contentWords += finiteOrZero(analysis.contentWordCount);
  addCount(ch.concepts, conceptLevelIds(analysis, meta).size);
  addCount(ch.themes, distinct(analysis.themes).length);
  // The residual label is listed with the irritants (its own row) but explains nothing: not "with an irritant".
  const withIrritant = analysis.irritants.some((id) => id !== analysis.residual);
  const withEnchantment = analysis.enchantments.length > 0;
  if (withIrritant) ch.withIrritant += 1;
  if (withEnchantment) ch.withEnchantment += 1;
  // The score's histogram key, made once for the channel's scores and its coverage counts (null: no score).
  const score = typeof analysis.score === 'number' && Number.isFinite(analysis.score) ? scoreKey(analysis.score) : null;
  if (ch.coverage !== undefined) addCoverage(ch.coverage, analysis, score, withIrritant, withEnchantment);
  addCount(ch.tonality, analysis.tonality);
  addCount(ch.languages, typeof analysis.language === 'string' && analysis.language !== '' ? analysis.language : 'und');

  for (const kind of ENTRY_KINDS) for (const id of distinct(analysis[ENTRY_LISTS[kind]])) addCount(ch.entries[kind], id);

  // Masked once, for the word tables and the examples.
  const masked = config.maskPersonalData ? maskPersonalData(analysis.text) : undefined;
  const keywords = masked === undefined ? analysis.keywords : keywordsWithoutPersonalData(analysis, masked.replacements);
  addKeywords(ch.keywords, ch.expressions, keywords, config.maxVocabulary);

  if (score !== null) addCount(ch.scores, score);
  else ch.unscored += 1;
  if (typeof analysis.date === 'string' && analysis.date !== '') {
    if (ch.dateFrom === null || analysis.date < ch.dateFrom) ch.dateFrom = analysis.date;
    if (ch.dateTo === null || analysis.date > ch.dateTo) ch.dateTo = analysis.date;
  }

  if (config.examples > 0) addExamples(ch, channel, analysis, config, masked);
}

/** Counts what the lexicons explain, by score value for scored verbatims and by tonality for the others. */
function addCoverage(c: CoverageState, analysis: VerbatimAnalysis, score: string | null, withIrritant: boolean, withEnchantment: boolean): void {
  const negative = analysis.tonality === 'negatif';
  const positive = analysis.tonality === 'positif';
  if (negative && withIrritant) c.negativeWithIrritant += 1;
  if (positive && withEnchantment) c.positiveWithEnchantment += 1;
  if (score !== null) {
    if (withIrritant) addCount(c.irritantScores, score);
    if (withEnchantment) addCount(c.enchantmentScores, score);
  } else if (negative) {
    c.unscoredNegative += 1;
    if (withIrritant) c.unscoredNegativeWithIrritant += 1;
  } else if (positive) {
    c.unscoredPositive += 1;
    if (withEnchantment) c.unscoredPositiveWithEnchantment += 1;
  }
  if (typeof analysis.residual === 'string' && analysis.irritants.includes(analysis.residual)) addCount(c.residual, analysis.residual);
}

const finiteOrZero = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? n : 0);

function addExamples(
  ch: ChannelState,
  channel: string,
  analysis: VerbatimAnalysis,
  config: CoreState['config'],
  masked: MaskResult | undefined,
): void {
  let byEntry: Map<string, Match[]> | undefined;
  for (const kind of ENTRY_KINDS) {
    for (const entryId of distinct(analysis[ENTRY_LISTS[kind]])) {
      const list = (ch.examples[entryId] ??= []);
      const rank = fnv1aPair(entryId, analysis.id);
      const last = list[list.length - 1];
      // On a tie of ranks (an id column that repeats, a hash collision), the order goes on with the id, the channel and
      // the text: an example (highlights, pseudonym) is built only when it may come before the last.
      // (A text past EXAMPLE_CHARS shows a window that depends on the highlights: the example is built to be compared.)
      const shown = masked?.text ?? analysis.text;
      if (
        list.length >= config.examples &&
        last !== undefined &&
        (rank > last.rank ||
          (rank === last.rank &&
            (compareStrings(exampleId(analysis.id, config.maskPersonalData), last.id) || compareStrings(channel, last.channel) || (shown.length > EXAMPLE_CHARS ? -1 : compareStrings(shown, last.text))) > 0))
      ) {
        continue;
      }
      byEntry ??= matchesByEntry(analysis);
      let highlights = highlightsFor(byEntry.get(entryId), analysis.text.length);
      if (masked !== undefined) highlights = moveSpans(masked.replacements, highlights);
      const example: ExampleState = { rank, id: exampleId(analysis.id, config.maskPersonalData), channel, ...exampleWindow(shown, highlights) };
      if (typeof analysis.date === 'string' && analysis.date !== '') example.date = analysis.date;
      if (typeof analysis.score === 'number' && Number.isFinite(analysis.score)) example.score = analysis.score;
      insertExample(list, example, config.examples);
    }
  }
}

/**
 * The text an example shows and its highlights: the whole verbatim, or past
 * EXAMPLE_CHARS a window of that size from a little before the first
 * highlight, marked with … where it is cut (a letter of a megabyte would
 * otherwise be copied into every entry it is an example of).
 */
export function exampleWindow(text: string, highlights: Highlight[]): Pick<ExampleState, 'text' | 'highlights'> {
  const n = text.length;
  if (n <= EXAMPLE_CHARS) return { text, highlights };
  let from = Math.max(0, Math.min((highlights[0]?.start ?? 0) - 200, n - EXAMPLE_CHARS));
  let to = from + EXAMPLE_CHARS;
  // Whole characters: a surrogate pair is never cut in two at either end.
  if ((text.charCodeAt(from) & 0xfc00) === 0xdc00) from++;
  if ((text.charCodeAt(to - 1) & 0xfc00) === 0xd800) to--;
  const shift = (from > 0 ? 1 : 0) - from;
  return {
    text: (from > 0 ? '…' : '') + text.slice(from, to) + (to < n ? '…' : ''),
    highlights: highlights.filter((h) => h.start >= from && h.end <= to).map((h) => ({ ...h, start: h.start + shift, end: h.end + shift })),
  };
}

export function addReject(state: CoreState, reject: ReportReject): void {
  const r = reject as Partial<ReportReject> | null;
  if (typeof r !== 'object' || r === null || typeof r.source !== 'object' || r.source === null) {
    throw expectedError('a reject { source: { file, row }, reason, hint }', typeName(reject));
  }
  if (typeof r.reason !== 'string') {
    throw expectedError('reject.reason to be a string', typeName(r.reason));
  }
  const source: ReportReject['source'] = { file: String(r.source.file ?? ''), row: finiteOrZero(r.source.row) };
  if (typeof r.source.line === 'number') source.line = r.source.line;
  if (typeof r.source.sheetRow === 'number') source.sheetRow = r.source.sheetRow;
  const hint = typeof r.hint === 'string' ? r.hint : '';
  const masked = state.config.maskPersonalData;
  const clean: ReportReject = { source, reason: masked ? maskQuotedInput(r.reason) : r.reason, hint: masked ? maskQuotedInput(hint) : hint };
  if (typeof r.code === 'string' && r.code !== '') {
    clean.code = r.code;
    (state.rejects.codes ??= dict())[clean.reason] = r.code;
  }
  state.rejects.count += 1;
  addCount(state.rejects.byReason, clean.reason);
  const first = state.rejects.first;
  if (first.length < state.config.maxRejects || compareRejects(clean, first[first.length - 1] as ReportReject) < 0) {
    first.push(clean);
    first.sort(compareRejects);
    if (first.length > state.config.maxRejects) first.length = state.config.maxRejects;
  }
}

/** The codes of two states' reasons; a reason with two codes keeps the first in string order (merges stay commutative). */
function mergeCodes(a: Record<string, string> | undefined, b: Record<string, string> | undefined): Record<string, string> {
  const out = dict<string>();
  for (const codes of [a, b]) {
    if (codes === undefined) continue;
    for (const [reason, code] of Object.entries(codes)) {
      const known = own(out, reason);
      out[reason] = known === undefined || code < known ? code : known;
    }
  }
  return out;
}

/** Deep copy that keeps user-keyed dictionaries prototype-free. */
export function cloneState<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneState(v)) as T;
  if (typeof value === 'object' && value !== null) {
    const out = dict<unknown>();
    for (const [k, v] of Object.entries(value)) out[k] = cloneState(v);
    return out as T;
  }
  return value;
}

// ---------------------------------------------------------------- merging

export const minDate = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);
export const maxDate = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);

/** The examples of one entry in two states that one run would keep (the same objects). */
export const keptExamples = (a: readonly ExampleState[], b: readonly ExampleState[], max: number): ExampleState[] =>
  [...a, ...b]
    .sort(compareExamples)
    // The same example from both sides (a row repeated across the parts) is shown once, as in one run.
    .filter((e, k, sorted) => k === 0 || compareExamples(e, sorted[k - 1] as ExampleState) !== 0)
    .slice(0, max);

export function mergeChannelStates(a: ChannelState, b: ChannelState, config: CoreState['config']): ChannelState {
  const entries = dict<Record<string, number>>() as ChannelState['entries'];
  for (const kind of ENTRY_KINDS) entries[kind] = sumCounts([a.entries[kind] ?? {}, b.entries[kind] ?? {}]);
  const examples = dict<ExampleState[]>();
  for (const id of new Set([...Object.keys(a.examples), ...Object.keys(b.examples)])) {
    examples[id] = keptExamples(own(a.examples, id) ?? [], own(b.examples, id) ?? [], config.examples).map((e) => cloneState(e));
  }
  const merged: ChannelState = {
    verbatims: a.verbatims + b.verbatims,
    words: sumCounts([a.words, b.words]),
    contentWords: a.contentWords + b.contentWords,
    concepts: sumCounts([a.concepts, b.concepts]),
    themes: sumCounts([a.themes, b.themes]),
    withIrritant: a.withIrritant + b.withIrritant,
    withEnchantment: a.withEnchantment + b.withEnchantment,
    agentMessages: (a.agentMessages ?? 0) + (b.agentMessages ?? 0),
    tonality: sumCounts([a.tonality, b.tonality]),
    languages: sumCounts([a.languages, b.languages]),
    entries,
    keywords: mergeTermTables(channelTerms(a, 'keywords'), channelTerms(b, 'keywords'), config.maxVocabulary),
    expressions: mergeTermTables(channelTerms(a, 'expressions'), channelTerms(b, 'expressions'), config.maxVocabulary),
    scores: sumCounts([a.scores, b.scores]),
    unscored: a.unscored + b.unscored,
    dateFrom: minDate(a.dateFrom, b.dateFrom),
    dateTo: maxDate(a.dateTo, b.dateTo),
    examples,
  };
  // A state without the coverage counts (written before them) leaves the merge without them: no partial counts.
  if (a.coverage !== undefined && b.coverage !== undefined) merged.coverage = mergeCoverageStates(a.coverage, b.coverage);
  return merged;
}

export function mergeCoverageStates(a: CoverageState, b: CoverageState): CoverageState {
  return {
    irritantScores: sumCounts([a.irritantScores, b.irritantScores]),
    enchantmentScores: sumCounts([a.enchantmentScores, b.enchantmentScores]),
    negativeWithIrritant: a.negativeWithIrritant + b.negativeWithIrritant,
    positiveWithEnchantment: a.positiveWithEnchantment + b.positiveWithEnchantment,
    unscoredNegative: a.unscoredNegative + b.unscoredNegative,
    unscoredNegativeWithIrritant: a.unscoredNegativeWithIrritant + b.unscoredNegativeWithIrritant,
    unscoredPositive: a.unscoredPositive + b.unscoredPositive,
    unscoredPositiveWithEnchantment: a.unscoredPositiveWithEnchantment + b.unscoredPositiveWithEnchantment,
    residual: sumCounts([a.residual, b.residual]),
  };
}

/**
 * The most a word or expression count of the report may fall short of the
 * truth: a channel's counts by its tables' slack, the all-channels sums by the
 * sum of the channels' (0 while every table is exact).
 */
export function maxUndercount(core: CoreState): number {
  let sum = 0;
  for (const ch of Object.values(core.channels)) sum += Math.max(channelTerms(ch, 'keywords').slack, channelTerms(ch, 'expressions').slack);
  return sum;
}

/**
 * A channel's word or expression table. A version-2 state kept them as
 * `{ key: [occurrences, verbatims] }` with their slack beside them: read as a table.
 */
export function channelTerms(ch: ChannelState, field: 'keywords' | 'expressions'): TermTable {
  const legacy = (ch as { slack?: Partial<Record<'keywords' | 'expressions', number>> }).slack;
  return termTableOf(ch[field], legacy?.[field] ?? 0);
}

/** A core state, or a TypeError naming what was given. */
export function checkCoreState(state: unknown, name: string): asserts state is CoreState {
  const s = state as Partial<CoreState> | null;
  if (typeof s !== 'object' || s === null || typeof s.config !== 'object' || typeof s.channels !== 'object' || typeof s.rejects !== 'object') {
    throw expectedError(`${name} to be a core report state`, typeName(state));
  }
}

/**
 * Combines two core states built with the same settings (`examples`,
 * `maskPersonalData`, `maxVocabulary`, `maxRejects`). Pure, associative and
 * commutative: finalizing the merge of any split equals finalizing the whole.
 */
export function mergeCoreStates(a: CoreState, b: CoreState): CoreState {
  checkCoreState(a, 'the first state');
  checkCoreState(b, 'the second state');
  checkSameConfig(a, b);
  if (channelsOverLimit(a, b)) {
    a = mergeChannels(a);
    b = mergeChannels(b);
  }
  const config = { ...a.config, maxChannels: maxChannelsOf(a) };
  const channels = dict<ChannelState>();
  for (const id of new Set([...Object.keys(a.channels), ...Object.keys(b.channels)])) {
    const ca = own(a.channels, id);
    const cb = own(b.channels, id);
    channels[id] = mergeChannelStates(ca ?? emptyChannelState(), cb ?? emptyChannelState(), config);
  }
  const first = [...a.rejects.first, ...b.rejects.first].map((r) => cloneState(r)).sort(compareRejects);
  first.length = Math.min(first.length, config.maxRejects);
  return {
    config,
    rejects: {
      count: a.rejects.count + b.rejects.count,
      byReason: sumCounts([a.rejects.byReason, b.rejects.byReason]),
      first,
      ...(a.rejects.codes !== undefined || b.rejects.codes !== undefined ? { codes: mergeCodes(a.rejects.codes, b.rejects.codes) } : {}),
    },
    channels,
    ...(a.channelsMerged === true || b.channelsMerged === true ? { channelsMerged: true } : {}),
  };
}

/** Two core states' settings are the same, or a TypeError naming the first that differs. */
function checkSameConfig(a: CoreState, b: CoreState): void {
  for (const key of ['examples', 'maskPersonalData', 'maxVocabulary', 'maxRejects'] as const) {
    if (a.config[key] !== b.config[key]) {
      throw expectedError(`states built with the same ${key}`, `${String(a.config[key])} and ${String(b.config[key])}`);
    }
  }
  if (maxChannelsOf(a) !== maxChannelsOf(b)) {
    throw expectedError('states built with the same maxChannels', `${String(maxChannelsOf(a))} and ${String(maxChannelsOf(b))}`);
  }
}
