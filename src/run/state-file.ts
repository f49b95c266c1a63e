// The state of a run as a file: the mergeable report state with what made it
// (library version, analyser identity, report options, entry labels), so that
// states written on other machines merge into the report one run over all the
// inputs would give, and states that cannot (another lexicon, other options,
// a damaged or foreign file) are refused with a message naming the files.
// Pure data in, data out: no file system, no stream, no Node module.
import { jsonChunks } from '../_utils/json-chunks.js';
import { InputError } from '../io/errors.js';
import type { InputIssue } from '../io/types.js';
import { inputProblem, type StateDamage, type StateMismatch } from '../io/issue-messages.js';
import { jsonSyntaxOf } from '../io/json-syntax.js';
import { finalizeReport, mergeReportStates } from '../report/build.js';
import { mergeReportStatesInto } from '../report/merge-into.js';
import { checkCoreState, cloneState } from '../report/state.js';
import type { Section } from '../report/section.js';
import type { ProvenanceColumns, Report, ReportMeta, ReportOptions, ReportProvenance, ReportState } from '../report/types.js';
import { expectedError, typeName } from '../_utils/describe.js';

/** The `format` of a state file. */
export const STATE_FORMAT = 'verbatim-fr/state';
/** The version of the state file format this library writes and reads. */
export const STATE_VERSION = 1;

/** How the analyser of a run was built: `id` decides, the rest says what differs. */
export interface RunStateAnalyzer {
  /**
   * `sha256:` and the hash of the composed lexicon (every layer: default,
   * sectors, `--lexicon` files, as composed), the analyser's options and
   * `allTurns`: two states merge only when it is the same.
   */
  id: string;
  /** Lexicon files or folders layered over the default, as given (their content is in `id`). */
  lexicons: string[];
  includeDefault: boolean;
  sectors: string[];
  defaultLanguage: string;
  allTurns: boolean;
}

/**
 * The state of a run (`verbatim analyze --format state`, `analyzeFiles`'s
 * `state`): versioned JSON that `mergeRunStates` combines and
 * `finalizeRunState` turns into the report.
 */
export interface RunState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  /** The verbatim-fr version that analysed the rows (states of two versions do not merge). */
  library: string;
  analyzer: RunStateAnalyzer;
  /** Report options the state was built with and the report is rendered with (JSON values only). */
  report: Omit<ReportOptions, 'meta'>;
  /** Labels of the entries and channels, so that rendering needs no lexicon. */
  meta: ReportMeta;
  /**
   * Ids of the runs merged into this state (one for a run): a run given twice,
   * or a merged state given with one of its parts, is refused (its rows would
   * count twice).
   */
  parts: string[];
  /** The mergeable report state (`createReportBuilder().snapshot()`). */
  state: ReportState;
  /** What made it: version, lexicon layers with their hashes, options, and the columns of each input (a merge lists every part's). */
  provenance?: ReportProvenance;
}

/** Options of `mergeRunStates` and `finalizeRunState`. */
export interface RunStateOptions {
  /** The sections the states were built with (default `defaultSections()`). */
  sections?: readonly Section[];
}

/** A state and the name it is known by in messages (its file, a job id). */
export interface NamedRunState {
  name: string;
  state: RunState;
}

/** States that cannot be merged: an `InputError` (a bad input file, exit 3 in the CLI) whose message says so. */
export class StateMergeError extends InputError {
  constructor(issues: InputIssue[]) {
    super(issues);
    this.name = 'StateMergeError';
    this.message = this.message.replace(/^verbatim-fr: cannot read input/, 'verbatim-fr: cannot merge the states');
  }
}

/** What is wrong with a value read as a state: an input issue with its code. */
type StateProblem = ReturnType<typeof inputProblem>;

/** JSON with sorted keys: equal values give equal text, whatever the order their keys were set in. */
export function canonical(value: unknown): string {
  let text = '';
  writeCanonical(value, (piece) => {
    text += piece;
  });
  return text;
}

/**
 * `canonical(value)` piece by piece, each piece whole JSON tokens: hashed as
 * it comes, a lexicon of 100,000 entries is never one string of 30 MB built
 * from the strings of each of its objects (2.8 s, most of it collecting them).
 */
export function writeCanonical(value: unknown, put: (piece: string) => void): void {
  if (Array.isArray(value)) {
    put('[');
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) put(',');
      // A hole is nothing between its commas, as `join` wrote it.
      if (i in value) writeCanonical(value[i] as unknown, put);
    }
    put(']');
  } else if (typeof value === 'object' && value !== null) {
    let sep = '{';
    for (const k of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[k];
      if (item === undefined) continue;
      put(`${sep}${JSON.stringify(k)}:`);
      sep = ',';
      writeCanonical(item, put);
    }
    put(sep === '{' ? '{}' : '}');
  } else put(JSON.stringify(value) ?? 'null');
}

/** The text of a state file: one line of JSON (one element of a line-based engine's output), without its line break. */
export function stringifyRunState(state: RunState): string {
  checkRunState(state, 'the state');
  return JSON.stringify(state);
}

/**
 * `stringifyRunState(state)` and its line break, in chunks of about 64 K
 * characters: a state of tens of megabytes (a lexicon of thousands of
 * entries) is written without being held as one string.
 */
export function runStateChunks(state: RunState): Generator<string> {
  checkRunState(state, 'the state');
  // Walked down to a channel's tables (state → sections → section → channels → channel → table): each is one piece.
  return jsonChunks(state, { levels: 7, end: '\n' });
}

/** What is wrong with a value read as a state, or undefined when it is one this library reads. */
function stateProblem(value: unknown): StateProblem | undefined {
  const s = value as Partial<RunState> | null;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return inputProblem('not_a_state', { found: typeName(value) });
  if (s.format !== STATE_FORMAT) {
    return inputProblem('state_wrong_format', { ...(s.format === undefined ? {} : { format: JSON.stringify(s.format) }), expected: STATE_FORMAT, report: s.format === undefined && 'schemaVersion' in s });
  }
  if (s.version !== STATE_VERSION) {
    return inputProblem('state_version', { version: String(JSON.stringify(s.version)), ...(typeof s.library === 'string' ? { library: s.library } : {}), expected: STATE_VERSION });
  }
  const damaged = (missing: StateDamage) => inputProblem('damaged_state', { missing });
  if (typeof s.library !== 'string') return damaged('library');
  const a = s.analyzer as Partial<RunStateAnalyzer> | undefined;
  if (typeof a !== 'object' || a === null || typeof a.id !== 'string' || !Array.isArray(a.lexicons) || !Array.isArray(a.sectors) || typeof a.includeDefault !== 'boolean' || typeof a.defaultLanguage !== 'string' || typeof a.allTurns !== 'boolean') {
    return damaged('analyzer');
  }
  if (typeof s.report !== 'object' || s.report === null || Array.isArray(s.report)) return damaged('report');
  if (typeof s.meta !== 'object' || s.meta === null || Array.isArray(s.meta)) return damaged('meta');
  if (!Array.isArray(s.parts) || s.parts.length === 0 || !s.parts.every((p) => typeof p === 'string')) return damaged('parts');
  const r = s.state as Partial<ReportState> | undefined;
  if (typeof r !== 'object' || r === null || (r.stateVersion !== 3 && (r.stateVersion as unknown) !== 2) || typeof r.sections !== 'object' || r.sections === null) return damaged('state');
  try {
    checkCoreState(r.sections.core, 'the core state');
    checkCoreShape(r.sections.core);
  } catch (error) {
    return inputProblem('damaged_state', { detail: error instanceof Error ? error.message.replace(/^verbatim-fr: /, '') : String(error) });
  }
  return undefined;
}

/** The core figures' shape: what the merge reads from every channel. */
function checkCoreShape(core: unknown): void {
  const c = core as ReportState['sections']['core'];
  const counts = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((n) => typeof n === 'number');
  const { config, rejects } = c;
  if (typeof config.examples !== 'number' || typeof config.maskPersonalData !== 'boolean' || typeof config.maxRejects !== 'number' || !(config.maxVocabulary === null || typeof config.maxVocabulary === 'number')) {
    throw new TypeError('the core settings are incomplete');
  }
  if (!(config.maxChannels === undefined || config.maxChannels === null || (Number.isInteger(config.maxChannels) && config.maxChannels > 0))) throw new TypeError('the channel limit is damaged');
  if (c.channelsMerged !== undefined && typeof c.channelsMerged !== 'boolean') throw new TypeError('the merged channels flag is damaged');
  if (typeof rejects.count !== 'number' || !counts(rejects.byReason) || !Array.isArray(rejects.first)) throw new TypeError('the rejects are incomplete');
  const codes = rejects.codes as unknown;
  if (codes !== undefined && (typeof codes !== 'object' || codes === null || Array.isArray(codes) || !Object.values(codes).every((v) => typeof v === 'string'))) throw new TypeError('the codes of the rejects are damaged');
  for (const [id, ch] of Object.entries(c.channels)) {
    const ok =
      typeof ch === 'object' && ch !== null &&
      ['verbatims', 'contentWords', 'withIrritant', 'withEnchantment', 'unscored'].every((k) => typeof (ch as unknown as Record<string, unknown>)[k] === 'number') &&
      ['words', 'concepts', 'themes', 'tonality', 'languages', 'scores'].every((k) => counts((ch as unknown as Record<string, unknown>)[k])) &&
      typeof ch.entries === 'object' && ch.entries !== null && typeof ch.keywords === 'object' && ch.keywords !== null &&
      typeof ch.expressions === 'object' && ch.expressions !== null && typeof ch.examples === 'object' && ch.examples !== null;
    if (!ok) throw new TypeError(`the figures of channel ${JSON.stringify(id)} are incomplete`);
    // The coverage counts are absent from states written before them (read as "not counted"), whole when present.
    const cov = (ch as { coverage?: unknown }).coverage;
    if (cov !== undefined) {
      const c = cov as Record<string, unknown> | null;
      const whole =
        typeof c === 'object' && c !== null &&
        ['negativeWithIrritant', 'positiveWithEnchantment', 'unscoredNegative', 'unscoredNegativeWithIrritant', 'unscoredPositive', 'unscoredPositiveWithEnchantment'].every((k) => typeof c[k] === 'number') &&
        ['irritantScores', 'enchantmentScores', 'residual'].every((k) => counts(c[k]));
      if (!whole) throw new TypeError(`the coverage counts of channel ${JSON.stringify(id)} are incomplete`);
    }
  }
}

function checkRunState(state: unknown, name: string): asserts state is RunState {
  const problem = stateProblem(state);
  if (problem) throw new TypeError(`verbatim-fr: expected ${name} to be a run state, got one that is ${problem.message}`);
}

/**
 * The states in the text of a state file: one JSON document, or one per line
 * (JSON Lines: what a line-based engine collects from its partitions). Throws
 * an `InputError` naming `name` and the line for a truncated, damaged or
 * foreign file.
 */
export function parseRunStates(text: string, name: string): RunState[] {
  return [...runStatesOf(text, name)];
}

/**
 * `parseRunStates`, one state at a time: a line is read when the state
 * before it has been taken, so a merge of a file of many states holds one of
 * them at once (its errors come as their line is reached).
 */
export function* runStatesOf(text: string, name: string): Generator<RunState> {
  if (typeof text !== 'string') throw expectedError('the text of a state file', typeName(text));
  const read = stateReader(name);
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') read.fail(inputProblem('empty_state', {}));
  let whole: unknown;
  try {
    whole = JSON.parse(body);
  } catch {
    // Not one document: JSON Lines, each line a state (cut as it is read: a file of states may be large).
    const lines = function* (): Generator<{ line: string; n: number }> {
      const breaks = /\r\n|\n|\r/g;
      let from = 0;
      for (let n = 1; from <= body.length; n++) {
        const m = breaks.exec(body);
        const line = body.slice(from, m === null ? body.length : m.index);
        from = m === null ? body.length + 1 : m.index + m[0].length;
        if (line.trim() !== '') yield { line, n };
      }
    };
    let seen = 0;
    for (const _ of lines()) if (++seen === 2) break;
    if (seen < 2) read.unreadable(body, 1);
    for (const { line, n } of lines()) yield read.line(line, n);
    return;
  }
  yield read.state(whole, undefined);
}

/**
 * `runStatesOf` on text that comes in pieces (a file, standard input: bytes
 * or strings, UTF-8), reading JSON Lines line by line, so that a file of
 * states may be larger than a string can hold. A first line that is no state
 * on its own (one document over several lines, a damaged file) has the whole
 * text read, as `runStatesOf` reads it. The same states and errors.
 */
export async function* runStatesOfStream(pieces: AsyncIterable<Uint8Array | string>, name: string): AsyncGenerator<RunState> {
  const read = stateReader(name);
  const decoder = new TextDecoder('utf-8');
  const decode = (piece: Uint8Array | string): string => (typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true }));
  const it = pieces[Symbol.asyncIterator]();
  /** The text read until the first line that holds something: read whole if that line is no state on its own. */
  let head: string[] | undefined = [];
  /** The line being read, in pieces; after a '\r' that ended a piece, a '\n' starting the next is part of its break. */
  const parts: string[] = [];
  let afterCr = false;
  const linesIn = function* (text: string): Generator<string> {
    let from = 0;
    if (afterCr && text.length > 0) {
      if (text.charCodeAt(0) === 10) from = 1;
      afterCr = false;
    }
    const breaks = /\r\n|\n|\r/g;
    breaks.lastIndex = from;
    for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
      parts.push(text.slice(from, m.index));
      yield parts.join('');
      parts.length = 0;
      from = m.index + m[0].length;
      if (m[0] === '\r' && from === text.length) afterCr = true;
    }
    if (from < text.length) parts.push(text.slice(from));
  };
  let n = 0;
  let lines = 0;
  /** The first state and its line, held until another line says whether the file is JSON Lines. */
  let first: { value: unknown; n: number } | undefined;
  const onLine = function* (line: string): Generator<RunState | 'whole'> {
    n += 1;
    const text = n === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (text.trim() === '') return;
    lines += 1;
    if (lines === 1) {
      try {
        first = { value: JSON.parse(text), n };
      } catch {
        yield 'whole';
        return;
      }
      head = undefined;
      return;
    }
    if (lines === 2 && first !== undefined) yield read.state(first.value, first.n);
    yield read.line(text, n);
  };
  const whole = async function* (): AsyncGenerator<RunState> {
    let text = (head ?? []).join('');
    for (let more = await it.next(); more.done !== true; more = await it.next()) text += decode(more.value);
    yield* runStatesOf(text + decoder.decode(), name);
  };
  for (let next = await it.next(); next.done !== true; next = await it.next()) {
    const text = decode(next.value);
    head?.push(text);
    for (const line of linesIn(text)) {
      for (const out of onLine(line)) {
        if (out === 'whole') return yield* whole();
        yield out;
      }
    }
  }
  const tail = decoder.decode();
  head?.push(tail);
  // The lines of the last bytes, then the last line, which no break ends.
  for (const line of [...linesIn(tail), parts.join('')]) {
    for (const out of onLine(line)) {
      if (out === 'whole') return yield* whole();
      yield out;
    }
  }
  if (first === undefined) return read.fail(inputProblem('empty_state', {}));
  // One state alone: a document, whose errors name no line.
  if (lines === 1) yield read.state(first.value, undefined);
}

/** Reading the states of a file named `name`: its errors, and a state checked and copied. */
function stateReader(name: string) {
  const fail = (issue: Omit<InputIssue, 'file'>): never => {
    throw new InputError([{ file: name, ...issue }]);
  };
  /** A state starts with its format: text that does not parse after it was cut short (or changed); other text is no state. */
  const unreadable = (piece: string, line: number): never => {
    const started = piece.trimStart().slice(0, 200).includes(`"format":"${STATE_FORMAT}"`);
    return fail({ line, ...inputProblem('state_invalid_json', { started, line, ...jsonSyntaxOf(piece, line, 1) }) });
  };
  const state = (value: unknown, line: number | undefined): RunState => {
    const problem = stateProblem(value);
    if (problem) fail({ ...(line !== undefined ? { line } : {}), ...problem });
    // Dictionaries keyed by user text (words, ids) stay free of a prototype.
    return cloneState(value as RunState);
  };
  const line = (text: string, n: number): RunState => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      unreadable(text, n);
    }
    return state(value, n);
  };
  return { fail, unreadable, state, line };
}

/** Columns sorted by file, then by how it was read (no Node module here: plain comparisons). */
export function sortColumns(columns: ProvenanceColumns[]): ProvenanceColumns[] {
  const key = (c: ProvenanceColumns): string => `${c.file}\u0000${c.description}`;
  return columns.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The first report option that differs, or undefined. */
function differentOption(a: RunState, b: RunState): StateMismatch | undefined {
  for (const key of [...new Set([...Object.keys(a.report), ...Object.keys(b.report)])].sort()) {
    const x = (a.report as Record<string, unknown>)[key];
    const y = (b.report as Record<string, unknown>)[key];
    if (canonical(x) !== canonical(y)) return { kind: 'options', key, ...(x === undefined ? {} : { a: canonical(x) }), ...(y === undefined ? {} : { b: canonical(y) }) };
  }
  return undefined;
}

/** Why two states cannot merge (other version, analyser or options), or undefined. */
function mismatch(x: RunState, y: RunState): StateMismatch | undefined {
  if (x.library !== y.library) return { kind: 'library', a: x.library, b: y.library };
  if (x.analyzer.id !== y.analyzer.id) {
    const differs: Array<[string, string, string]> = [];
    for (const key of ['sectors', 'includeDefault', 'defaultLanguage', 'allTurns'] as const) {
      if (canonical(x.analyzer[key]) !== canonical(y.analyzer[key])) differs.push([key, canonical(x.analyzer[key]), canonical(y.analyzer[key])]);
    }
    return { kind: 'analyzer', differs, a: x.analyzer.id.slice(0, 19), b: y.analyzer.id.slice(0, 19) };
  }
  return differentOption(x, y);
}

/** A TypeError of the library's own checks (`verbatim-fr: expected …`): a damaged state, not a bug. */
const isCheck = (error: unknown): error is TypeError => error instanceof TypeError && error.message.startsWith('verbatim-fr: ');

/**
 * Merges states of parts of one input into the state of the whole: its
 * report equals, byte for byte, the report of one run over all the parts
 * (rejects name each part's file and row within it). Refuses, with an
 * `InputError` naming both, states from another library version, another
 * analyser or other report options, and a run given twice. Pure; the order
 * of the states does not matter.
 */
export function mergeRunStates(states: readonly NamedRunState[], options: RunStateOptions = {}): RunState {
  if (!Array.isArray(states) || states.length === 0) throw new TypeError('verbatim-fr: expected at least one { name, state } to merge, got none');
  // Every state checked before any is merged: a damaged one is named whatever comes before it.
  for (const s of states) checkNamed(s);
  const merger = runStateMerger(options, false);
  for (const s of states) merger.add(s);
  return merger.result();
}

/** Merges run states given one at a time: what `mergeRunStates` does with a list. */
export interface RunStateMerger {
  /**
   * Merges one more state. Throws as `mergeRunStates` does: a state from
   * another run's settings, or given twice, leaves the merger as it was; a
   * damaged one that fails halfway ends it (every later call throws that error).
   */
  add(state: NamedRunState): void;
  /** The state of all the parts added (at least one). Ends the merger: it takes no more. */
  result(): RunState;
}

function checkNamed(s: NamedRunState): void {
  if (typeof s !== 'object' || s === null || typeof s.name !== 'string') throw expectedError('{ name, state } items', typeName(s));
  checkRunState(s.state, `the state ${JSON.stringify(s.name)}`);
}

/**
 * Merges run states as they come (a queue's chunks, an engine's partitions),
 * holding only the state merged so far, which it changes in place from the
 * second merge on: merging N states costs what they hold, not N copies of the
 * whole. The result is `mergeRunStates` of the states in the order added. A
 * state added is read, never changed, and may be dropped once added.
 */
export function createRunStateMerger(options: RunStateOptions = {}): RunStateMerger {
  return runStateMerger(options, true);
}

/** The merger, checking each state added unless its caller has (`mergeRunStates`, a state file's reader). */
export function runStateMerger(options: RunStateOptions, check: boolean): RunStateMerger {
  const sections = options.sections ? { sections: options.sections } : {};
  let first: NamedRunState | undefined;
  /** Run id → the state that brought it. */
  const owner = new Map<string, string>();
  let merged: ReportState | undefined;
  let added = 0;
  // The columns of every part; a part with no provenance (a queue worker's chunk) leaves the merge without any.
  let columns: ProvenanceColumns[] | undefined = [];
  let ended: Error | undefined;
  return {
    add(next) {
      if (ended) throw ended;
      if (check) checkNamed(next);
      const problem = first === undefined ? undefined : mismatch(first.state, next.state);
      if (problem && first) throw new StateMergeError([{ file: `${first.name} and ${next.name}`, ...inputProblem('states_differ', { files: [first.name, next.name], mismatch: problem }) }]);
      for (const id of next.state.parts) {
        const before = owner.get(id);
        if (before !== undefined) {
          throw new StateMergeError([{ file: `${before} and ${next.name}`, ...inputProblem('run_twice', { files: [before, next.name], id, same: before === next.name }) }]);
        }
      }
      try {
        // The first is kept as given (copied by the first merge, or by result() when alone); the first merge is
        // pure, and its result is this merger's own: each next state is added into it.
        merged = merged === undefined ? next.state.state : added === 1 ? mergeReportStates(merged, next.state.state, sections) : mergeReportStatesInto(merged, next.state.state, sections);
      } catch (error) {
        // The state merged so far may be half changed: nothing more is merged into it.
        ended = isCheck(error) ? new StateMergeError([{ file: next.name, ...inputProblem('damaged_state', { detail: error.message.replace(/^verbatim-fr: /, '') }) }]) : (error as Error);
        throw ended;
      }
      first ??= next;
      added += 1;
      for (const id of next.state.parts) owner.set(id, next.name);
      if (next.state.provenance === undefined) columns = undefined;
      else columns?.push(...next.state.provenance.columns.map((c) => cloneState(c)));
    },
    result() {
      if (ended) throw ended;
      if (first === undefined || merged === undefined) throw new TypeError('verbatim-fr: expected at least one { name, state } to merge, got none');
      ended = new TypeError('verbatim-fr: expected no state after the merger gave its result (create another merger)');
      const { analyzer, report, meta, provenance } = first.state;
      const state = added === 1 ? cloneState(merged) : merged;
      const out: RunState = { ...first.state, analyzer: cloneState(analyzer), report: cloneState(report), meta: cloneState(meta), parts: [...owner.keys()].sort(), state };
      // Sorted by file, as one run over the parts lists them.
      if (columns === undefined) delete out.provenance;
      else if (provenance !== undefined) out.provenance = { ...cloneState(provenance), columns: sortColumns(columns) };
      return out;
    },
  };
}

/**
 * The report of a state, rendered with the options it was built with. A
 * state whose figures are damaged past what `parseRunStates` checks throws an
 * `InputError` naming `name`.
 */
export function finalizeRunState(state: RunState, options: RunStateOptions & { /** The state's name in messages (its file). */ name?: string; /** Language of the report's labels (`fr` default, `en`). */ lang?: string } = {}): Report {
  checkRunState(state, 'the state');
  try {
    const report = finalizeReport(state.state, { ...state.report, meta: state.meta, ...(options.lang !== undefined ? { lang: options.lang } : {}), ...(options.sections ? { sections: options.sections } : {}) });
    if (state.provenance !== undefined) report.provenance = cloneState(state.provenance);
    return report;
  } catch (error) {
    if (!isCheck(error)) throw error;
    throw new InputError([{ file: options.name ?? 'the state', ...inputProblem('damaged_state', { detail: error.message.replace(/^verbatim-fr: /, '') }) }]);
  }
}
