/**
 * A report is its list of sections, the core figures first: the builder feeds
 * every analysis to each section, `mergeReportStates` merges the states
 * section by section, `finalizeReport` puts each section's result in its place.
 */
import type { VerbatimAnalysis } from '../types.js';
import { maskPersonalData } from './mask.js';
import { checkTitle } from './labels.js';
import type { Section, SectionContext, SectionFinalizeContext } from './section.js';
import { CORE } from './sections/core.js';
import { defaultSections } from './sections/index.js';
import { dict } from './counts.js';
import { channelKey, channelsOverLimit, cloneState, maxChannelsOf, OTHER_CHANNELS, validateAnalysis } from './state.js';
import type { CoreReport, CoreState, Report, ReportOptions, ReportReject, ReportState } from './types.js';
import { expectedError, typeName } from '../_utils/describe.js';

/** The builder returned by `createReportBuilder`. */
export interface ReportBuilder {
  add(analysis: VerbatimAnalysis): void;
  /** Adds each analysis in order: the same state as `add` on each, section by section (faster for a batch). */
  addAll(analyses: readonly VerbatimAnalysis[]): void;
  reject(reject: ReportReject): void;
  /** A copy of the state so far (the builder can keep adding). */
  snapshot(): ReportState;
}

export interface MergeReportStatesOptions {
  /** The sections both states were built with (default `defaultSections()`). */
  sections?: readonly Section[];
}

/** The sections of `options`, checked: names unique, the core first. */
export function sectionsOf(options: { sections?: readonly Section[] | undefined }): readonly Section[] {
  const sections = options.sections ?? defaultSections();
  if (!Array.isArray(sections)) throw expectedError('options.sections to be an array of sections', typeName(sections));
  const names = new Set<string>();
  for (const s of sections as readonly Section[]) {
    if (typeof s !== 'object' || s === null || typeof s.name !== 'string' || typeof s.add !== 'function' || typeof s.merge !== 'function' || typeof s.finalize !== 'function') {
      throw expectedError('each of options.sections to be a section { name, init, add, merge, finalize }', typeName(s));
    }
    if (names.has(s.name)) throw expectedError('section names to be unique in options.sections', `"${s.name}" twice`);
    names.add(s.name);
  }
  if ((sections[0] as Section | undefined)?.name !== CORE) {
    throw new TypeError('verbatim-fr: expected options.sections to start with the core section (coreSection(), as in defaultSections())');
  }
  return sections;
}

function contextOf(options: ReportOptions): SectionContext {
  if (typeof options !== 'object' || options === null) {
    throw expectedError('options to be an object', typeName(options));
  }
  const masked = options.maskPersonalData ?? true;
  return { options, meta: options.meta ?? {}, mask: (text) => (masked ? maskPersonalData(text).text : text) };
}

/** Version of the states written; version 2 (word tables as records) is read too. */
const STATE_VERSION = 3;

function checkState(state: unknown, name: string): asserts state is ReportState {
  const s = state as { stateVersion?: unknown; sections?: unknown } | null;
  if (typeof s !== 'object' || s === null || (s.stateVersion !== STATE_VERSION && s.stateVersion !== 2) || typeof s.sections !== 'object' || s.sections === null) {
    const version = typeof s === 'object' && s !== null && s.stateVersion !== undefined ? ` with stateVersion ${String(s.stateVersion)}` : '';
    throw expectedError(`${name} to be a ReportState (stateVersion ${STATE_VERSION}, or 2)`, typeName(state) + version);
  }
}

/**
 * Creates a report builder: `add` each analysis, `reject` each rejected row,
 * `snapshot` the state to merge or finalize.
 */
export function createReportBuilder(options: ReportOptions = {}): ReportBuilder {
  const context = contextOf(options);
  const sections = sectionsOf(options);
  const states = dict<unknown>();
  for (const s of sections) states[s.name] = s.init(context);
  const addAll = (analyses: readonly VerbatimAnalysis[]): void => {
    if (!Array.isArray(analyses)) throw expectedError('addAll to be given an array of analyses', typeName(analyses));
    // All checked first: a bad analysis leaves the state as it was, not added to some sections only.
    for (const analysis of analyses) validateAnalysis(analysis);
    // Section by section: each keeps its own tables and code in the CPU caches over the whole batch.
    const [core, ...rest] = sections as [Section, ...Section[]];
    // Past the channel limit, before the batch: every section then counts the whole batch in one channel.
    if (overLimit(states[core.name] as CoreState, analyses)) mergeAllChannels(sections, states);
    let state = states[core.name];
    // Channel by channel, unless every verbatim counts in the merged channel (whose order is the input's).
    const ordered = (state as CoreState).channelsMerged === true ? analyses : byChannel(analyses);
    for (const analysis of ordered) state = core.add(state, analysis, context);
    states[core.name] = state;
    // The core counts a merged channel's verbatims in it, keeping their own channel for the examples; the others are told.
    const others = (state as CoreState).channelsMerged === true ? analyses.map((a) => ({ ...a, channel: OTHER_CHANNELS })) : analyses;
    for (const s of rest) {
      let state = states[s.name];
      // A brand's or agent's message is counted apart by the core: no customer figure sees it.
      for (const analysis of others) if (analysis.author !== 'agent') state = s.add(state, analysis, context);
      states[s.name] = state;
    }
  };
  return {
    add: (analysis) => addAll([analysis]),
    addAll,
    reject(reject) {
      for (const s of sections) if (s.reject !== undefined) states[s.name] = s.reject(states[s.name], reject, context);
    },
    snapshot() {
      // Merging with the empty state copies (merges are pure) and leaves each state as a merge would (pruned tables).
      const copy = dict<unknown>();
      for (const s of sections) {
        // A section with nothing to keep (keyness by a column, without one) has no state.
        const state = s.merge(states[s.name], s.init(context));
        if (state !== undefined) copy[s.name] = state;
      }
      return { stateVersion: STATE_VERSION, sections: copy as ReportState['sections'] };
    },
  };
}

/**
 * The analyses of a batch channel by channel, each channel's in their order,
 * the channels in the order they first come. The core keeps everything per
 * channel (counts, word tables, examples), so its state is the same whatever
 * the channels' interleaving; taken channel by channel, one channel's word
 * tables stay in the CPU's caches while its verbatims are added (nine
 * channels' tables do not fit there together).
 */
function byChannel(analyses: readonly VerbatimAnalysis[]): readonly VerbatimAnalysis[] {
  if (analyses.length < 2) return analyses;
  const first = channelKey(analyses[0] as VerbatimAnalysis);
  let mixed = false;
  for (let i = 1; i < analyses.length && !mixed; i++) mixed = channelKey(analyses[i] as VerbatimAnalysis) !== first;
  if (!mixed) return analyses;
  const groups = new Map<string, VerbatimAnalysis[]>();
  for (const analysis of analyses) {
    const key = channelKey(analysis);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [analysis]);
    else group.push(analysis);
  }
  const out: VerbatimAnalysis[] = [];
  for (const group of groups.values()) for (const analysis of group) out.push(analysis);
  return out;
}

/** Whether adding `analyses` takes the core past its channel limit (not when it is past it already). */
function overLimit(core: CoreState, analyses: readonly VerbatimAnalysis[]): boolean {
  const max = maxChannelsOf(core);
  if (max === null || core.channelsMerged === true) return false;
  let n = -1;
  let fresh: Set<string> | undefined;
  for (const analysis of analyses) {
    const channel = channelKey(analysis);
    if (Object.hasOwn(core.channels, channel) || fresh?.has(channel) === true) continue;
    // Counted only when a channel is new: most batches meet none.
    if (n === -1) n = Object.keys(core.channels).length;
    (fresh ??= new Set()).add(channel);
    if (n + fresh.size > max) return true;
  }
  return false;
}

/** Shaped like a core state (its merge checks it in full). */
const isCoreState = (s: unknown): s is CoreState =>
  typeof s === 'object' && s !== null && typeof (s as CoreState).config === 'object' && (s as CoreState).config !== null && typeof (s as CoreState).channels === 'object' && (s as CoreState).channels !== null;

/** Every section's channels merged into `OTHER_CHANNELS`, in place in `states` (a section without the hook keeps its state). */
function mergeAllChannels(sections: readonly Section[], states: Record<string, unknown>): void {
  for (const s of sections) {
    if (s.mergeChannels !== undefined && Object.hasOwn(states, s.name) && states[s.name] !== undefined) states[s.name] = s.mergeChannels(states[s.name], OTHER_CHANNELS);
  }
}

/**
 * Combines two states built with the same settings and sections. Pure,
 * associative and commutative: finalizing the merge of any split equals
 * finalizing the whole.
 */
export function mergeReportStates(a: ReportState, b: ReportState, options: MergeReportStatesOptions = {}): ReportState {
  return mergeSections(a, b, options, (s) => s.merge);
}

/**
 * mergeReportStates, each section merged by `mergeOf(section)`.
 * @internal for src/report/merge-into.ts
 */
export function mergeSections(a: ReportState, b: ReportState, options: MergeReportStatesOptions, mergeOf: (s: Section) => Section['merge']): ReportState {
  checkState(a, 'the first state');
  checkState(b, 'the second state');
  const sections = sectionsOf(options);
  const definitions = new Map(sections.map((s) => [s.name, s]));
  // Together past the channel limit: both sides' channels merged into one before their sections are.
  if (isCoreState(a.sections.core) && isCoreState(b.sections.core) && channelsOverLimit(a.sections.core, b.sections.core)) {
    const [sa, sb] = [{ ...a.sections }, { ...b.sections }];
    mergeAllChannels(sections, sa);
    mergeAllChannels(sections, sb);
    a = { ...a, sections: sa };
    b = { ...b, sections: sb };
  }
  const names = [...new Set([...Object.keys(a.sections), ...Object.keys(b.sections)])].sort();
  const merged = new Map<string, unknown>();
  // The core first: states built with different settings are refused by it, with the settings named and a hint.
  for (const name of names.includes(CORE) ? [CORE, ...names.filter((n) => n !== CORE)] : names) {
    const definition = definitions.get(name);
    if (definition === undefined && Object.hasOwn(a.sections, name) && Object.hasOwn(b.sections, name)) {
      throw expectedError(`options.sections to define section "${name}" to merge it`, 'none');
    }
    const inA = Object.hasOwn(a.sections, name);
    const inB = Object.hasOwn(b.sections, name);
    merged.set(name, definition !== undefined && inA && inB ? mergeOf(definition)(a.sections[name], b.sections[name]) : cloneState(inA ? a.sections[name] : b.sections[name]));
  }
  const out = dict<unknown>();
  for (const name of names) if (merged.get(name) !== undefined) out[name] = merged.get(name);
  return { stateVersion: STATE_VERSION, sections: out as ReportState['sections'] };
}

/**
 * Turns a state into the versioned report (pure: the state is not changed):
 * the core figures at the top, every other section's result in its place
 * under `sections`. A section state without a definition is left out.
 */
export function finalizeReport(state: ReportState, options: ReportOptions = {}): Report {
  checkState(state, 'the state');
  const base = contextOf(options);
  const sections = sectionsOf(options);
  const lang = options.lang ?? 'fr';
  let coreReport: CoreReport | undefined;
  const context: SectionFinalizeContext = {
    ...base,
    lang,
    core: state.sections.core as CoreState,
    get report(): CoreReport {
      if (coreReport === undefined) throw new TypeError('verbatim-fr: the core report is read before the core section is finalized');
      return coreReport;
    },
  };
  if (!Object.hasOwn(state.sections, CORE)) throw expectedError('a state with the core section', 'none');
  const results: Record<string, unknown> = {};
  for (const s of sections) {
    if (!Object.hasOwn(state.sections, s.name)) continue;
    const result = s.finalize(state.sections[s.name], context);
    if (s.name === CORE) coreReport = result as CoreReport;
    // A section with no result (keyness by a column, without one) leaves no key in the report.
    else if (result !== undefined) place(results, s.at ?? [s.name], result);
  }
  const { summary, channels, all } = coreReport as CoreReport;
  const title = checkTitle(options.title, 'options.title');
  return { schemaVersion: 2, lang, ...(title !== undefined ? { title } : {}), summary, channels, all, sections: results };
}

/** Puts `value` at `path` under `target`, creating the objects on the way. */
function place(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  if (path.length === 0) throw expectedError('a section path under report.sections', '[]');
  let at = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    at = (typeof next === 'object' && next !== null ? next : (at[key] = {})) as Record<string, unknown>;
  }
  at[path[path.length - 1] as string] = value;
}

/** Analyses added at once by `buildReport`. */
const REPORT_BATCH = 256;

const isReject = (item: unknown): item is ReportReject =>
  typeof item === 'object' && item !== null && 'reason' in item && 'source' in item && !('text' in item);

/**
 * Builds a report from analyses (sync or async iterable). Rejects
 * `{ source, reason, hint }` may be mixed into the same stream.
 */
export async function buildReport(
  items: Iterable<VerbatimAnalysis | ReportReject> | AsyncIterable<VerbatimAnalysis | ReportReject>,
  options: ReportOptions = {},
): Promise<Report> {
  if (items === null || typeof items !== 'object' || !(Symbol.iterator in items || Symbol.asyncIterator in items)) {
    throw expectedError('an iterable of analyses', typeName(items));
  }
  const builder = createReportBuilder(options);
  // Analyses go in by batches (`addAll`); rejects touch their own part of the state, in any order.
  let batch: VerbatimAnalysis[] = [];
  for await (const item of items) {
    if (isReject(item)) builder.reject(item);
    else if (batch.push(item) === REPORT_BATCH) {
      builder.addAll(batch);
      batch = [];
    }
  }
  builder.addAll(batch);
  return finalizeReport(builder.snapshot(), options);
}
