/**
 * Discovery: the verbatims the lexicons leave unexplained, their salient
 * expressions against the explained ones, grouped into candidate topics.
 *
 * The state keeps exact counts and a bottom-k sample: the `sampleSize`
 * verbatims with the lowest hash of their id and text. The sample of a merge
 * is the sample of the whole (the lowest k of a union are the lowest k of the
 * lowest k of each part), so shards merged give exactly the state, hence the
 * topics, of one pass. Memory is bounded by `sampleSize`; every figure is
 * exact when the input fits the sample, else read on a uniform sample.
 *
 * Why a sample rather than the report's word tables: whether a verbatim is
 * unexplained depends on the score scale, known only once every score is
 * seen, and the grouping needs which expressions share verbatims; both need
 * the verbatims, not only counts.
 */
import { compareStrings } from '../report/counts.js';
import { chiSquarePValue, logLikelihood } from '../_utils/log-likelihood.js';
import { maskPersonalData } from '../report/mask.js';
import { keywordsWithoutPersonalData } from '../report/state.js';
import { detectScoreScale } from '../report/scales.js';
import { hashOf } from '../_utils/hash.js';
import { FRENCH_NEGATORS } from '../text/negators.js';
import { stem } from '../text/stem.js';
import type { VerbatimAnalysis } from '../types.js';
import type { DiscoverExpression, DiscoverKind, DiscoverMeanScore, DiscoverOptions, DiscoverResult, DiscoverSampleItem, DiscoverState, DiscoverTopic } from './types.js';
import { groupingMethod } from './messages.js';
import { expectedError, typeName } from '../_utils/describe.js';

const DEFAULT_SAMPLE = 20_000;
const MIN_VERBATIMS = 3;
const MAX_WORDS = 4;
/** Largest share of the explained verbatims (of the sample) an expression the draft writes may occur in. */
const MAX_COMMON = 0.05;
const NEGATORS: ReadonlySet<string> = new Set(FRENCH_NEGATORS);

function checkOptions(options: DiscoverOptions): void {
  if (typeof options !== 'object' || options === null) throw expectedError('options to be an object', typeName(options));
  const size = options.sampleSize;
  if (size !== undefined && (!Number.isInteger(size) || size < 1)) throw expectedError('options.sampleSize to be a whole number of 1 or more', String(size));
}

/** The builder returned by `createDiscoverBuilder`. */
export interface DiscoverBuilder {
  add(analysis: VerbatimAnalysis): void;
  /** A copy of the state so far (the builder can keep adding). */
  snapshot(): DiscoverState;
}

export function emptyDiscoverState(options: DiscoverOptions = {}): DiscoverState {
  checkOptions(options);
  return { discoverStateVersion: 1, sampleSize: options.sampleSize ?? DEFAULT_SAMPLE, verbatims: 0, channels: {}, scores: {}, sample: [] };
}

/** Spreads the bits of a hash (murmur3's finaliser), as an unsigned 32-bit rank. */
function rankOf(id: string, text: string): number {
  let h = hashOf(id) ^ Math.imul(hashOf(text), 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Sample order: rank, then id, then text, then the rest of the item (a total order on distinct items). */
function compareItems(a: DiscoverSampleItem, b: DiscoverSampleItem): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  return compareStrings(a.id, b.id) || compareStrings(a.text, b.text) || compareStrings(a.channel, b.channel) || compareStrings(JSON.stringify(a), JSON.stringify(b));
}

const bump = (record: Record<string, number>, key: string, n = 1): void => {
  record[key] = (Object.hasOwn(record, key) ? (record[key] as number) : 0) + n;
};

/**
 * Creates a discovery builder: `add` each analysis, `snapshot` the state to
 * merge (`mergeDiscoverStates`) or finalize (`finalizeDiscover`).
 */
export function createDiscoverBuilder(options: DiscoverOptions = {}): DiscoverBuilder {
  const state = emptyDiscoverState(options);
  const mask = options.maskPersonalData !== false;
  const k = state.sampleSize;
  // Items beyond the k lowest wait in the buffer until it holds 2k: then it is sorted and cut back to k.
  let buffer: DiscoverSampleItem[] = [];
  let threshold = Number.POSITIVE_INFINITY; // the k-th lowest rank once cut: higher ranks cannot enter
  const cut = (): void => {
    buffer.sort(compareItems);
    if (buffer.length > k) buffer.length = k;
    if (buffer.length === k) threshold = (buffer[k - 1] as DiscoverSampleItem).rank;
  };
  return {
    add(analysis) {
      if (analysis.author === 'agent') return;
      state.verbatims += 1;
      bump(state.channels, analysis.channel);
      const score = typeof analysis.score === 'number' && Number.isFinite(analysis.score) ? analysis.score : null;
      if (score !== null) bump((state.scores[analysis.channel] ??= {}), String(score));
      const rank = rankOf(analysis.id, analysis.text);
      if (rank > threshold) return;
      const residual = analysis.residual;
      const irritants = [...new Set(analysis.irritants.filter((i) => i !== residual))].sort(compareStrings);
      const enchantments = [...new Set(analysis.enchantments)].sort(compareStrings);
      const flags = (analysis.matches.length > 0 ? 1 : 0) | (irritants.length > 0 ? 2 : 0) | (enchantments.length > 0 ? 4 : 0);
      // Masked once: the text, and the keywords (as the report's word tables are), so no name or reference reaches an expression.
      const masked = mask ? maskPersonalData(analysis.text) : undefined;
      buffer.push({
        rank,
        id: analysis.id,
        channel: analysis.channel,
        score,
        tonality: analysis.tonality,
        flags,
        keywords: masked === undefined ? analysis.keywords.slice() : keywordsWithoutPersonalData(analysis, masked.replacements).slice(),
        irritants,
        enchantments,
        text: masked === undefined ? analysis.text : masked.text,
      });
      if (buffer.length >= 2 * k) cut();
    },
    snapshot() {
      cut();
      return { ...state, channels: sortKeys(state.channels), scores: sortScores(state.scores), sample: buffer.map(copyItem) };
    },
  };
}

const copyItem = (item: DiscoverSampleItem): DiscoverSampleItem => ({
  ...item,
  keywords: item.keywords.slice(),
  irritants: item.irritants.slice(),
  enchantments: item.enchantments.slice(),
});

function checkState(state: unknown, name: string): asserts state is DiscoverState {
  const s = state as Partial<DiscoverState> | null;
  if (typeof s !== 'object' || s === null || s.discoverStateVersion !== 1 || !Array.isArray(s.sample) || typeof s.sampleSize !== 'number') {
    throw expectedError(`${name} to be a DiscoverState (discoverStateVersion 1)`, typeName(state));
  }
}

/**
 * Combines two states (pure, associative and commutative): the counts added,
 * the samples merged and cut to the smaller sample size. Merging the states
 * of any split of the verbatims gives the state of one pass over all of them.
 */
export function mergeDiscoverStates(a: DiscoverState, b: DiscoverState): DiscoverState {
  checkState(a, 'the first state');
  checkState(b, 'the second state');
  const channels = { ...a.channels };
  for (const [key, n] of Object.entries(b.channels)) bump(channels, key, n);
  const scores: Record<string, Record<string, number>> = {};
  for (const side of [a.scores, b.scores]) {
    for (const [channel, histogram] of Object.entries(side)) {
      const into = (scores[channel] ??= {});
      for (const [key, n] of Object.entries(histogram)) bump(into, key, n);
    }
  }
  const sampleSize = Math.min(a.sampleSize, b.sampleSize);
  const sample: DiscoverSampleItem[] = [];
  let i = 0;
  let j = 0;
  while (sample.length < sampleSize && (i < a.sample.length || j < b.sample.length)) {
    const x = a.sample[i];
    const y = b.sample[j];
    if (y === undefined || (x !== undefined && compareItems(x, y) <= 0)) {
      sample.push(copyItem(x as DiscoverSampleItem));
      i++;
    } else {
      sample.push(copyItem(y));
      j++;
    }
  }
  return { discoverStateVersion: 1, sampleSize, verbatims: a.verbatims + b.verbatims, channels: sortKeys(channels), scores: sortScores(scores), sample };
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(record).sort(compareStrings)) out[key] = record[key] as number;
  return out;
}

function sortScores(record: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const key of Object.keys(record).sort(compareStrings)) out[key] = sortKeys(record[key] as Record<string, number>);
  return out;
}

/**
 * Finds the candidate topics of a set of analyses (sync or async iterable):
 * builder, then `finalizeDiscover`.
 */
export async function discover(
  analyses: Iterable<VerbatimAnalysis> | AsyncIterable<VerbatimAnalysis>,
  options: DiscoverOptions = {},
): Promise<DiscoverResult> {
  if (analyses === null || typeof analyses !== 'object' || !(Symbol.iterator in analyses || Symbol.asyncIterator in analyses)) {
    throw expectedError('an iterable of analyses', typeName(analyses));
  }
  const builder = createDiscoverBuilder(options);
  for await (const analysis of analyses) builder.add(analysis);
  return finalizeDiscover(builder.snapshot(), options);
}

// ---------------------------------------------------------------- finalizing

type Side = 'low' | 'mid' | 'high';
type ScaleOf = { kind: string; min: number; max: number };

/** Where a score stands on its scale: NPS detractors and promoters, stars 1–2 and 4–5, CSAT thirds, CES reversed. */
function bandOf(score: number, kind: string, min: number, max: number): Side {
  switch (kind) {
    case 'nps':
      return score <= 6 ? 'low' : score >= 9 ? 'high' : 'mid';
    case 'stars':
      return score <= 2 ? 'low' : score >= 4 ? 'high' : 'mid';
    case 'ces':
      return score >= 4 ? 'low' : score <= 2 ? 'high' : 'mid';
    default: {
      if (max <= min) return 'mid';
      const x = (score - min) / (max - min);
      return x <= 1 / 3 ? 'low' : x >= 2 / 3 ? 'high' : 'mid';
    }
  }
}

/** What a verbatim of the sample is: dissatisfied, satisfied, and why it is unexplained (if it is). */
interface Reading {
  dissatisfied: boolean;
  satisfied: boolean;
  reason: 'no_concept' | 'dissatisfied' | 'satisfied' | null;
}

function readItem(item: DiscoverSampleItem, scale: { kind: string; min: number; max: number }): Reading {
  // The score speaks first; the tonality when there is none, or when the score is in the middle.
  const band = item.score === null || scale.kind === 'unknown' ? 'mid' : bandOf(item.score, scale.kind, scale.min, scale.max);
  const dissatisfied = band === 'low' || (band === 'mid' && item.tonality === 'negatif');
  const satisfied = band === 'high' || (band === 'mid' && item.tonality === 'positif');
  const reason = dissatisfied && (item.flags & 2) === 0 ? 'dissatisfied' : satisfied && (item.flags & 4) === 0 ? 'satisfied' : (item.flags & 1) === 0 ? 'no_concept' : null;
  return { dissatisfied, satisfied, reason };
}

/** Stems of a verbatim's keywords; `null` for a word that never enters an expression (numbers, emails, one letter). */
function stemsOf(keywords: ReadonlyArray<string | null>): Array<string | null> {
  return keywords.map((w) => (w === null || w.length < 2 || /[\d@]/u.test(w) ? null : stem(w)));
}

/** Negation words as stems (`jamais` → `jam`): how they stand in a verbatim's stems. */
const NEGATOR_STEMS: ReadonlySet<string> = new Set([...FRENCH_NEGATORS, ...FRENCH_NEGATORS.map((w) => stem(w))]);
/** Keywords before an expression a negation may stand in and cancel it (stop words are already out). */
const NEGATION_REACH = 2;

/**
 * The distinct expressions (1 to 4 stems in a row) of a verbatim; `only`
 * restricts them to known keys. `affirmed`, when given, receives those with
 * an occurrence no negation word stands just before: where a term written
 * from it would match (a negated match of an irritant or enchantment is
 * cancelled), so "pas déçu" does not count for "déçu".
 */
function expressionsOf(stems: ReadonlyArray<string | null>, only?: ReadonlyMap<string, unknown>, affirmed?: Set<string>): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < stems.length; i++) {
    let key = '';
    let negated = false;
    for (let back = Math.max(0, i - NEGATION_REACH); back < i; back++) if (NEGATOR_STEMS.has(stems[back] as string)) negated = true;
    for (let n = 0; n < MAX_WORDS && i + n < stems.length; n++) {
      const s = stems[i + n];
      if (s == null) break;
      key = n === 0 ? s : `${key} ${s}`;
      // A lone negation says nothing; a word repeated says no more than the word.
      if (n === 0 && NEGATOR_STEMS.has(s)) {
        negated = false; // an expression starting with its negation is matched as written
        continue;
      }
      if (n > 0 && s === stems[i + n - 1]) break;
      if (only === undefined || only.has(key)) {
        out.add(key);
        if (!negated) affirmed?.add(key);
      }
    }
  }
  return out;
}

interface WholeCounts {
  all: number;
  explained: number;
  dissatisfied: number;
  satisfied: number;
  /** Dissatisfied verbatims with an irritant, and how many carry each. */
  withIrritant: number;
  irritants: Map<string, number>;
  /** Satisfied verbatims with an enchantment, and how many carry each. */
  withEnchantment: number;
  enchantments: Map<string, number>;
}

interface Candidate {
  key: string;
  all: number;
  unexplained: number;
  explained: number;
  dissatisfied: number;
  satisfied: number;
  g2: number;
  /** Indices of the unexplained verbatims holding it. */
  members: number[];
  counts: WholeCounts;
}

/**
 * Turns a state into the ranked candidate topics (pure: the state is not
 * changed). Grouping: candidates are taken by decreasing G²; each joins the
 * existing topic whose first expression shares the largest overlap
 * coefficient with it, when at least `minOverlap`, else starts a topic
 * (leader clustering: no chains, one pass, deterministic).
 */
export function finalizeDiscover(state: DiscoverState, options: DiscoverOptions = {}): DiscoverResult {
  checkState(state, 'the state');
  checkOptions(options);
  const declared = options.scale ?? 'auto';
  // Each channel its scale, as the report reads them: stars on reviews and NPS on surveys may share an input.
  const scales = new Map<string, ScaleOf>();
  for (const [channel, histogram] of Object.entries(state.scores)) {
    const detected = detectScoreScale(histogram);
    scales.set(
      channel,
      declared === 'auto'
        ? { kind: detected.kind, min: detected.min, max: detected.max }
        : declared === 'nps'
          ? { kind: declared, min: 0, max: 10 }
          : declared === 'stars' || declared === 'ces'
            ? { kind: declared, min: 1, max: 5 }
            : { kind: declared, min: detected.min, max: detected.max },
    );
  }
  const none: ScaleOf = { kind: 'unknown', min: 0, max: 0 };
  const maxP = options.maxP ?? 0.05;
  const minOverlap = options.minOverlap ?? 0.5;
  const minLean = options.minLean ?? 0.2;
  const minCooccurrence = options.minCooccurrence ?? 0.5;
  const maxTopics = options.maxTopics ?? 20;
  const examples = Math.min(5, Math.max(1, options.examples ?? 3));
  const topExpressions = options.topExpressions ?? 5;

  const sample = state.sample;
  const readings = sample.map((item) => readItem(item, scales.get(item.channel) ?? none));
  const counts = { total: 0, noConcept: 0, dissatisfied: 0, satisfied: 0 };
  const pools: Record<'dissatisfied' | 'satisfied' | 'no_concept', number[]> = { dissatisfied: [], satisfied: [], no_concept: [] };
  let sampleDissatisfied = 0;
  let sampleSatisfied = 0;
  readings.forEach((r, i) => {
    if (r.dissatisfied) sampleDissatisfied++;
    if (r.satisfied) sampleSatisfied++;
    if (r.reason === null) return;
    pools[r.reason].push(i);
    counts.total++;
    if (r.reason === 'no_concept') counts.noConcept++;
    else if (r.reason === 'dissatisfied') counts.dissatisfied++;
    else counts.satisfied++;
  });
  const explainedCount = sample.length - counts.total;
  const stems = sample.map((item) => stemsOf(item.keywords));
  const maxCommon = Math.max(MIN_VERBATIMS, MAX_COMMON * (sample.length - counts.total));
  const factor = sample.length > 0 && state.verbatims > sample.length ? state.verbatims / sample.length : 1;
  const sampledPerChannel = new Map<string, number>();
  for (const item of sample) sampledPerChannel.set(item.channel, (sampledPerChannel.get(item.channel) ?? 0) + 1);
  let minSeen = Number.POSITIVE_INFINITY;

  // The side a term leans to: clearly more dissatisfied (or satisfied) than the corpus, at 95 % confidence.
  const polar = sampleDissatisfied + sampleSatisfied;
  const baseDissatisfied = polar > 0 ? sampleDissatisfied / polar : 0.5;
  const needIrritant = baseDissatisfied + minLean * (1 - baseDissatisfied);
  const needEnchantment = 1 - baseDissatisfied + minLean * baseDissatisfied;
  // A new entry names what the lexicons miss: on its side, the term must stand in unexplained verbatims more than the corpus' own share.
  const unexplainedDissatisfied = sampleDissatisfied > 0 ? counts.dissatisfied / sampleDissatisfied : 0;
  const unexplainedSatisfied = sampleSatisfied > 0 ? counts.satisfied / sampleSatisfied : 0;
  const isSpecific = (unexplainedHolders: number, holders: number, base: number): boolean => wilsonLow(unexplainedHolders, holders) >= base;
  const leanOf = (dissatisfied: number, satisfied: number): { kind: DiscoverKind; lean: number } => {
    const toIrritant = wilsonLow(dissatisfied, dissatisfied + satisfied);
    if (toIrritant >= needIrritant) return { kind: 'irritant', lean: toIrritant };
    const toEnchantment = wilsonLow(satisfied, dissatisfied + satisfied);
    if (toEnchantment >= needEnchantment) return { kind: 'enchantment', lean: toEnchantment };
    return { kind: 'theme', lean: 0 };
  };

  /** The topics of one pool of unexplained verbatims, against the explained ones. */
  const topicsOf = (unexplained: number[]): DiscoverTopic[] => {
    // Expressions of the unexplained verbatims, with the verbatims holding them.
    const members = new Map<string, number[]>();
    for (const i of unexplained) {
      for (const key of expressionsOf(stems[i] as Array<string | null>)) {
        const list = members.get(key);
        if (list === undefined) members.set(key, [i]);
        else list.push(i);
      }
    }
    const minVerbatims = options.minVerbatims ?? Math.max(MIN_VERBATIMS, Math.ceil(0.002 * unexplained.length));
    minSeen = Math.min(minSeen, minVerbatims);
    for (const [key, list] of members) if (list.length < minVerbatims) members.delete(key);
    // Their counts in the whole sample: explained verbatims, dissatisfied and satisfied ones, and the entries
    // of the side's verbatims that carry one (irritants of the dissatisfied, enchantments of the satisfied).
    const whole = new Map<string, WholeCounts>();
    for (const key of members.keys()) whole.set(key, { all: 0, explained: 0, dissatisfied: 0, satisfied: 0, withIrritant: 0, withEnchantment: 0, irritants: new Map(), enchantments: new Map() });
    const affirmed = new Set<string>();
    sample.forEach((item, i) => {
      const r = readings[i] as Reading;
      affirmed.clear();
      for (const key of expressionsOf(stems[i] as Array<string | null>, whole, affirmed)) {
        const c = whole.get(key) as WholeCounts;
        c.all++;
        if (r.reason === null) c.explained++;
        // The sides as a term written from it would see them: negated occurrences do not match.
        if (!affirmed.has(key)) continue;
        if (r.dissatisfied) {
          c.dissatisfied++;
          if (item.irritants.length > 0) c.withIrritant++;
          for (const id of item.irritants) c.irritants.set(id, (c.irritants.get(id) ?? 0) + 1);
        }
        if (r.satisfied) {
          c.satisfied++;
          if (item.enchantments.length > 0) c.withEnchantment++;
          for (const id of item.enchantments) c.enchantments.set(id, (c.enchantments.get(id) ?? 0) + 1);
        }
      }
    });

    let candidates: Candidate[] = [];
    for (const [key, list] of members) {
      const c = whole.get(key) as WholeCounts;
      const a = list.length;
      const b = c.explained;
      if (explainedCount > 0 && a / unexplained.length <= b / explainedCount) continue;
      const g2 = explainedCount > 0 ? logLikelihood(a, b, unexplained.length, explainedCount) : a;
      if (explainedCount > 0 && !(chiSquarePValue(g2) < maxP)) continue;
      candidates.push({ key, all: c.all, unexplained: a, explained: b, dissatisfied: c.dissatisfied, satisfied: c.satisfied, g2, members: list, counts: c });
    }
    const byG2 = (x: Candidate, y: Candidate): number => y.g2 - x.g2 || y.unexplained - x.unexplained || compareStrings(x.key, y.key);
    candidates.sort(byG2);
    // An expression inside a longer candidate that holds most of its verbatims says less than it: the longer one stays.
    const longer = candidates.filter((c) => c.key.includes(' '));
    candidates = candidates.filter((c) => !longer.some((l) => l !== c && ` ${l.key} `.includes(` ${c.key} `) && l.unexplained >= 0.8 * c.unexplained));
    candidates = candidates.slice(0, options.maxCandidates ?? 60);

    // Leader clustering on the overlap coefficient with each topic's first expression.
    const groups: Array<{ seed: Set<number>; members: Candidate[] }> = [];
    for (const c of candidates) {
      let best = -1;
      let bestOverlap = 0;
      groups.forEach((g, gi) => {
        let shared = 0;
        for (const m of c.members) if (g.seed.has(m)) shared++;
        const overlap = shared / Math.min(c.members.length, g.seed.size);
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          best = gi;
        }
      });
      if (best >= 0 && bestOverlap >= minOverlap) (groups[best] as { members: Candidate[] }).members.push(c);
      else groups.push({ seed: new Set(c.members), members: [c] });
    }

    // The form customers write for each stem: the most frequent among the unexplained verbatims.
    const forms = new Map<string, Map<string, number>>();
    const wanted = new Set(candidates.flatMap((c) => c.key.split(' ')));
    for (const i of unexplained) {
      const item = sample[i] as DiscoverSampleItem;
      (stems[i] as Array<string | null>).forEach((s, w) => {
        if (s == null || !wanted.has(s)) return;
        let m = forms.get(s);
        if (m === undefined) forms.set(s, (m = new Map()));
        const word = item.keywords[w] as string;
        m.set(word, (m.get(word) ?? 0) + 1);
      });
    }
    const formOf = (s: string): string => {
      let best = s;
      let n = -1;
      for (const [word, count] of forms.get(s) ?? []) if (count > n || (count === n && compareStrings(word, best) < 0)) [best, n] = [word, count];
      return best;
    };

    return groups.map((g) => {
      const inTopic = new Map<number, number>(); // verbatim → expressions of the topic it holds
      for (const c of g.members) for (const m of c.members) inTopic.set(m, (inTopic.get(m) ?? 0) + 1);
      let dissatisfied = 0;
      let satisfied = 0;
      let negative = 0;
      const perScale = new Map<string, DiscoverMeanScore>();
      const perChannel = new Map<string, number>();
      for (const i of inTopic.keys()) {
        const item = sample[i] as DiscoverSampleItem;
        const r = readings[i] as Reading;
        if (r.dissatisfied) dissatisfied++;
        if (r.satisfied) satisfied++;
        if (item.tonality === 'negatif') negative++;
        if (item.score !== null) {
          // Scores are averaged within a scale only: 0–10 and 1–5 do not add up.
          const sc = scales.get(item.channel) ?? none;
          const key = `${sc.kind} ${sc.min} ${sc.max}`;
          const m = perScale.get(key);
          if (m === undefined) perScale.set(key, { scale: sc.kind, min: sc.min, max: sc.max, mean: item.score, verbatims: 1 });
          else {
            m.mean += item.score;
            m.verbatims++;
          }
        }
        perChannel.set(item.channel, (perChannel.get(item.channel) ?? 0) + 1);
      }
      const volume = inTopic.size;
      const expressions: DiscoverExpression[] = g.members.map((c) => {
        const words = c.key.split(' ');
        const { kind, lean } = leanOf(c.dissatisfied, c.satisfied);
        const extended = kind === 'theme' ? undefined : cooccurring(kind === 'irritant' ? c.counts.irritants : c.counts.enchantments, kind === 'irritant' ? c.counts.withIrritant : c.counts.withEnchantment, minCooccurrence);
        const specific = kind === 'theme' || isSpecific(kind === 'irritant' ? c.dissatisfied - c.counts.withIrritant : c.satisfied - c.counts.withEnchantment, kind === 'irritant' ? c.dissatisfied : c.satisfied, kind === 'irritant' ? unexplainedDissatisfied : unexplainedSatisfied);
        return {
          key: c.key,
          text: words.map(formOf).join(' '),
          term: termOf(words.map(formOf)),
          verbatims: c.all,
          unexplained: c.unexplained,
          explained: c.explained,
          g2: round(c.g2, 2),
          dissatisfied: c.dissatisfied,
          satisfied: c.satisfied,
          kind,
          lean: round(lean, 4),
          specific,
          ...(extended !== undefined ? { extends: extended } : {}),
        };
      });
      // The topic's kind: its first expression's, or else the first that leans (its own verbatims are all on one side).
      const kind = (expressions[0]?.kind !== 'theme' ? expressions[0]?.kind : expressions.find((e) => e.kind !== 'theme')?.kind) ?? 'theme';
      // New terms: the expressions that lean as the topic does and extend no entry; the others extend theirs.
      // A word in a large share of the explained verbatims ("très", "bien") is one of the corpus' function words, not a term.
      const rare = (e: DiscoverExpression): boolean => e.explained <= maxCommon;
      const fresh = withoutLonger(expressions.filter((e) => e.kind === kind && e.extends === undefined && e.specific && rare(e))).map((e) => e.term);
      const extensions = new Map<string, string[]>();
      for (const e of withoutLonger(expressions.filter((x) => x.extends !== undefined && rare(x)))) {
        const list = extensions.get(e.extends as string);
        if (list === undefined) extensions.set(e.extends as string, [e.term]);
        else list.push(e.term);
      }
      const chosen = [...inTopic.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, examples);
      return {
        id: '',
        kind,
        // Named after what the draft writes for it, when it writes a new entry.
        label: (expressions.find((e) => fresh.includes(e.term)) ?? expressions[0])?.text ?? '',
        verbatims: volume,
        estimated: Math.round(volume * factor),
        dissatisfied,
        satisfied,
        meanScores: [...perScale.values()]
          .map((m) => ({ ...m, mean: round(m.mean / m.verbatims, 2) }))
          .sort((x, y) => y.verbatims - x.verbatims || compareStrings(x.scale, y.scale) || x.max - y.max),
        negativeShare: volume > 0 ? round(negative / volume, 4) : 0,
        channels: [...perChannel.entries()]
          .sort((x, y) => y[1] - x[1] || compareStrings(x[0], y[0]))
          .map(([channel, n]) => ({ channel, verbatims: n, share: round(n / (sampledPerChannel.get(channel) ?? n), 4) })),
        expressions: expressions.slice(0, topExpressions),
        examples: chosen.map(([i]) => {
          const item = sample[i] as DiscoverSampleItem;
          return { id: item.id, channel: item.channel, score: item.score, text: item.text };
        }),
        draftTerms: fresh,
        extensions: [...extensions.entries()].map(([id, terms]) => ({ id, terms })),
      };
    });
  };
  const topics = [...topicsOf(pools.dissatisfied), ...topicsOf(pools.satisfied), ...topicsOf(pools.no_concept)];
  const minVerbatims = Number.isFinite(minSeen) ? minSeen : (options.minVerbatims ?? MIN_VERBATIMS);
  topics.sort((x, y) => y.dissatisfied - x.dissatisfied || y.verbatims - x.verbatims || compareStrings(x.label, y.label));
  const kept = topics.slice(0, maxTopics);
  const ids = new Set<string>();
  for (const t of kept) {
    const base = `candidat_${t.label.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').toLowerCase().replace(/[^a-z0-9]+/gu, '_').replace(/^_+|_+$/gu, '') || 'sujet'}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}_${n}`;
    ids.add(id);
    t.id = id;
  }
  return {
    discoverVersion: 1,
    verbatims: state.verbatims,
    sampled: sample.length,
    scales: [...scales.entries()].sort((x, y) => compareStrings(x[0], y[0])).map(([channel, sc]) => ({ channel, ...sc })),
    unexplained: counts,
    method: groupingMethod({ maxWords: MAX_WORDS, maxP, minVerbatims, minOverlap, minLean, minCooccurrence }, 'en'),
    topics: kept,
  };
}

/** z of a two-sided 95 % interval. */
const Z = 1.959964;

/** Lower bound of the Wilson score interval (95 %) of the share `hits / n`; 0 when n is 0. */
export function wilsonLow(hits: number, n: number): number {
  if (n <= 0) return 0;
  const p = hits / n;
  const z2 = Z * Z;
  return Math.max(0, (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n));
}

/**
 * The entry most of the side's explained verbatims holding a term carry,
 * when the lower bound of that share reaches `min` (ties: the first id).
 */
function cooccurring(ids: ReadonlyMap<string, number>, withAny: number, min: number): string | undefined {
  let best: string | undefined;
  let n = 0;
  for (const [id, count] of ids) if (count > n || (count === n && best !== undefined && compareStrings(id, best) < 0)) [best, n] = [id, count];
  return best !== undefined && wilsonLow(n, withAny) >= min ? best : undefined;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/**
 * The expressions none of the others is inside of: a longer one matches
 * nothing its shorter part does not. One with a negation word stays: it is
 * matched as written, where its part may be cancelled by that negation.
 */
function withoutLonger<E extends { key: string }>(expressions: readonly E[]): E[] {
  return expressions.filter(
    (e) => e.key.split(' ').some((w) => NEGATOR_STEMS.has(w)) || !expressions.some((o) => o !== e && o.key !== e.key && ` ${e.key} `.includes(` ${o.key} `)),
  );
}

/**
 * An expression in the lexicon term syntax: each word as `stem:` (its family)
 * when it has 5 letters or more and is no negation, else as written; up to 3
 * tokens between two words, where the stop words were.
 */
export function termOf(words: readonly string[]): string {
  return words.map((w) => ([...w].length >= 5 && !NEGATORS.has(w) && /^[\p{L}'-]+$/u.test(w) ? `stem:${w}` : w)).join(' {0,3} ');
}
