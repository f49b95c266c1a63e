// Customer journey: share of irritant and enchantment mentions by stage (before,
// during, after the purchase), per channel and overall. The stage belongs to the
// theme; irritants and enchantments inherit it through their theme.
import type { EntryKind, JourneyStage, VerbatimAnalysis } from '../../types.js';
import {
  addCount,
  compareStrings,
  copyCounts,
  countOf,
  dict,
  mergeRecords,
  mergeRecordInto,
  sortedKeys,
  sumCounts,
  type Counts,
} from '../counts.js';
import {
  assertAnalysis,
  assertState,
  describe,
  percent,
  uniqueStrings,
} from './_shared.js';
import { expectedError } from '../../_utils/describe.js';

/** What the journey needs to know about a lexicon entry. */
export interface JourneyEntryMeta {
  kind: EntryKind;
  theme?: string;
  /** Themes only. */
  stage?: JourneyStage;
}

/** `inconnu`: no stage known for the entry's theme. */
export type JourneyStageOrUnknown = JourneyStage | 'inconnu';

export const JOURNEY_STAGES: readonly JourneyStageOrUnknown[] = ['avant', 'pendant', 'apres', 'inconnu'];

export interface JourneyChannelCounts {
  verbatims: number;
  /** Verbatims carrying each irritant / enchantment id. */
  irritant: Counts;
  enchantment: Counts;
}

export interface JourneyState {
  type: 'journey';
  version: 1;
  channels: Record<string, JourneyChannelCounts>;
  /** Theme of each irritant / enchantment as seen in `matches[].theme`: a fallback for missing metadata. */
  themeOf: Record<string, string>;
}

export interface JourneyOptions {
  /** Entry metadata by id, e.g. from the compiled lexicon. */
  entries?: Record<string, JourneyEntryMeta>;
}

export interface StageShares {
  /** Irritant (or enchantment) mentions: one per verbatim and entry. */
  mentions: number;
  stages: Record<JourneyStageOrUnknown, { count: number; share: number | null }>;
}

export interface JourneyBreakdown {
  verbatims: number;
  irritant: StageShares;
  enchantment: StageShares;
}

export interface JourneyResult {
  overall: JourneyBreakdown;
  channels: Array<JourneyBreakdown & { channel: string }>;
  /** Stage given to each irritant / enchantment seen (for drill-down). */
  stageOf: Record<string, JourneyStageOrUnknown>;
}

function emptyChannel(): JourneyChannelCounts {
  return { verbatims: 0, irritant: dict(), enchantment: dict() };
}

function mergeChannel(a: JourneyChannelCounts, b: JourneyChannelCounts): JourneyChannelCounts {
  return {
    verbatims: a.verbatims + b.verbatims,
    irritant: sumCounts([a.irritant, b.irritant]),
    enchantment: sumCounts([a.enchantment, b.enchantment]),
  };
}

function copyChannel(a: JourneyChannelCounts): JourneyChannelCounts {
  return { verbatims: a.verbatims, irritant: copyCounts(a.irritant), enchantment: copyCounts(a.enchantment) };
}

/** On conflicting themes keep the smaller id: any order of merges gives the same state. */
function mergeThemeOf(a: Record<string, string>, b: Record<string, string>): Record<string, string> {
  return mergeRecords(a, b, (x, y) => (compareStrings(x, y) <= 0 ? x : y), (x) => x);
}

export function emptyJourneyState(): JourneyState {
  return { type: 'journey', version: 1, channels: dict(), themeOf: dict() };
}

/** Counts the irritants and enchantments of one analysis, and notes their themes. */
export function addJourney(state: JourneyState, analysis: VerbatimAnalysis): void {
  assertAnalysis(analysis, 'journey.add');
  const counts = (state.channels[analysis.channel] ??= emptyChannel());
  counts.verbatims += 1;
  for (const id of uniqueStrings(analysis.irritants)) addCount(counts.irritant, id);
  for (const id of uniqueStrings(analysis.enchantments)) addCount(counts.enchantment, id);
  if (Array.isArray(analysis.matches)) {
    for (const m of analysis.matches) {
      if (m && (m.kind === 'irritant' || m.kind === 'enchantment') && typeof m.theme === 'string' && typeof m.id === 'string') {
        const known = Object.hasOwn(state.themeOf, m.id) ? state.themeOf[m.id] : undefined;
        if (known === undefined || compareStrings(m.theme, known) < 0) state.themeOf[m.id] = m.theme;
      }
    }
  }
}

/** The state with every channel counted in `into` (pure): past the report's channel limit. */
export function mergeJourneyChannels(state: JourneyState, into: string): JourneyState {
  return { ...state, channels: mergeRecordInto(state.channels, into, mergeChannel, emptyChannel) };
}

export function mergeJourney(a: JourneyState, b: JourneyState): JourneyState {
  assertState(a, 'journey', 'mergeJourney');
  assertState(b, 'journey', 'mergeJourney');
  return {
    type: 'journey',
    version: 1,
    channels: mergeRecords(a.channels, b.channels, mergeChannel, copyChannel),
    themeOf: mergeThemeOf(a.themeOf, b.themeOf),
  };
}

export function finalizeJourney(state: JourneyState, options: JourneyOptions = {}): JourneyResult {
  assertState(state, 'journey', 'finalizeJourney');
  const meta = options.entries ?? {};
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw expectedError('entries to be a record of entry metadata in finalizeJourney', describe(meta));
  }
  const metaOf = (id: string): JourneyEntryMeta | undefined => (Object.hasOwn(meta, id) ? meta[id] : undefined);
  const stageOfEntry = (id: string): JourneyStageOrUnknown => {
    const own = metaOf(id);
    if (own?.stage) return own.stage;
    const theme = own?.theme ?? (Object.hasOwn(state.themeOf, id) ? state.themeOf[id] : undefined);
    const stage = theme === undefined ? undefined : metaOf(theme)?.stage;
    return stage ?? 'inconnu';
  };

  const names = sortedKeys(state.channels);
  const stageOf = dict<JourneyStageOrUnknown>();
  for (const name of names) {
    const c = state.channels[name] as JourneyChannelCounts;
    for (const id of [...Object.keys(c.irritant), ...Object.keys(c.enchantment)]) stageOf[id] ??= stageOfEntry(id);
  }
  const shares = (counts: Counts): StageShares => {
    const byStage = dict<number>();
    let mentions = 0;
    for (const [id, n] of Object.entries(counts)) {
      addCount(byStage, stageOf[id] as string, n);
      mentions += n;
    }
    const stages = {} as StageShares['stages'];
    for (const stage of JOURNEY_STAGES) {
      const count = countOf(byStage, stage);
      stages[stage] = { count, share: percent(count, mentions) };
    }
    return { mentions, stages };
  };
  const breakdown = (c: JourneyChannelCounts): JourneyBreakdown => ({
    verbatims: c.verbatims,
    irritant: shares(c.irritant),
    enchantment: shares(c.enchantment),
  });
  const all = names.reduce((t, name) => mergeChannel(t, state.channels[name] as JourneyChannelCounts), emptyChannel());
  const sortedStageOf = dict<JourneyStageOrUnknown>();
  for (const id of sortedKeys(stageOf)) sortedStageOf[id] = stageOf[id] as JourneyStageOrUnknown;
  return {
    overall: breakdown(all),
    channels: names.map((channel) => ({ channel, ...breakdown(state.channels[channel] as JourneyChannelCounts) })),
    stageOf: sortedStageOf,
  };
}
