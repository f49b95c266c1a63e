// A large YAML lexicon read as plain data by js-yaml: the `yaml` package,
// which keeps every node with its position for the lexicon's problems, took
// 16–17 s and 1.5 GB for the 19 MB of a lexicon of 100,000 entries; js-yaml
// reads them in about 2 s and 400 MB (bench/README.md). A lexicon with a
// problem (YAML, or JSON read by `JSON.parse`) has it placed from js-yaml's
// event stream, where the `yaml` package would place it; a text this route
// might read or place otherwise than `yaml` does is left to
// `safeParseLexicon` (see `plainYaml` and `walkEvents`).
import type { Event, ScalarEvent } from 'js-yaml';
import type { LexiconDocument, LexiconIssue } from '../lexicon/index.js';
import { checkedLexicon, flowDepthOverflow, foreignDictionaryIssue, laterLocator, strictJson } from '../lexicon/parse.js';
import { LineCounter } from '../lexicon/yaml.js';
import type { PathSegment, SourceInfo } from '../lexicon/source.js';

/** YAML texts from this size on (in UTF-16 code units) are read by js-yaml first: below it, `yaml` takes a fraction of a second. */
export const PLAIN_YAML_FROM = 256 * 1024;

/** A number of YAML 1.2's core schema: decimal, with a fraction or an exponent or neither, hexadecimal or octal. */
const NUMBER_FORM = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/** A number past the largest double (`1e400`, 400 nines): ±Infinity for `yaml`, a string for js-yaml. */
const overflows = (s: string): boolean => NUMBER_FORM.test(s) && !Number.isFinite(Number(s));

/**
 * Whether the two parsers may have read `data` apart: a key or a string
 * that `overflows`, or a key `null` (a null key is `null` for js-yaml, an
 * empty string for `yaml`).
 */
function mayReadApart(data: unknown): boolean {
  if (typeof data === 'string') return overflows(data);
  if (Array.isArray(data)) return data.some(mayReadApart);
  if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) if (key === 'null' || overflows(key) || mayReadApart(value)) return true;
  }
  return false;
}

/**
 * `source` read by js-yaml as `yaml` reads it with YAML 1.2's core schema, or
 * undefined where they could read it apart or js-yaml refuses it: a
 * directive (`%YAML 1.1` changes the schema), a merge key (`<<`), a standard
 * tag (`!!float 1` is a number for js-yaml, a string for `yaml`), an alias
 * (refused: the checks would walk a shared node once per alias), a key
 * written twice, several documents, a syntax error, a number that
 * overflows, or a null key. @internal exported for its tests
 */
export async function plainYaml(source: string): Promise<unknown> {
  if (/^%/m.test(source) || source.includes('<<') || source.includes('!!')) return undefined;
  const { load } = await import('js-yaml');
  let data: unknown;
  try {
    data = load(source, { maxAliases: 0 });
  } catch {
    return undefined;
  }
  return mayReadApart(data) ? undefined : data;
}

type JsYaml = typeof import('js-yaml');

/**
 * A YAML lexicon read by `plainYaml` and checked: the lexicon, or its
 * problems placed as `safeParseLexicon` places them; undefined when the text
 * is left to `safeParseLexicon`. The checks run once with nothing placed,
 * which tells the paths of the problems; one pass over js-yaml's events finds
 * those paths, and the checks run again to place them (the `yaml` package
 * took 40–50 s and 2 GB to place one problem in 19 MB). A problem found
 * later, while composing layers, is placed from the events too
 * (`laterEventLocator`).
 */
export async function readPlainYamlLexicon(source: string, file: string): Promise<{ lexicon?: LexiconDocument; issues: LexiconIssue[] } | undefined> {
  const data = await plainYaml(source);
  return data === undefined ? undefined : placedLexicon(await import('js-yaml'), data, source, file);
}

/**
 * A large JSON lexicon read by `JSON.parse` and checked as
 * `readPlainYamlLexicon` checks a YAML one (JSON is YAML: js-yaml's events
 * place its problems where the `yaml` package would, 38 s and 1.9 GB for
 * one mistake in 24 MB); undefined, for `safeParseLexicon`, when it is not
 * strict JSON, nests past what the parsers read, or repeats a key.
 */
export async function readPlainJsonLexicon(source: string, file: string): Promise<{ lexicon?: LexiconDocument; issues: LexiconIssue[] } | undefined> {
  const json = flowDepthOverflow(source) === -1 ? strictJson(source) : undefined;
  return json === undefined ? undefined : placedLexicon(await import('js-yaml'), json.data, source, file);
}

/** Lexicon data read from `source`, checked: the lexicon, or its problems placed from js-yaml's events; undefined where they might place otherwise. */
function placedLexicon(js: JsYaml, data: unknown, source: string, file: string): { lexicon?: LexiconDocument; issues: LexiconIssue[] } | undefined {
  /** The paths the checks asked to place (at their key or not: both are found). */
  const asked: PathSegment[][] = [];
  const recorder: SourceInfo['locate'] = (path) => {
    asked.push([...path]);
    return { line: 0, column: 0 };
  };
  const first = checkedLexicon(data, source, file, recorder, laterEventLocator(js, source));
  if (first.doc !== undefined) return { lexicon: first.doc, issues: [] };
  // Another tool's dictionary (quanteda's YAML) is said to be one, as `safeParseLexicon` says it.
  const foreign = foreignDictionaryIssue(source, file, data);
  if (foreign !== undefined) return { issues: [foreign] };
  const locate = eventLocator(js, source, asked);
  return locate === undefined ? undefined : { issues: checkedLexicon(data, source, file, locate).issues };
}

/** A node on the paths followed: its children on them, and where it was found. */
interface Step {
  /** Children by key (a mapping's; following paths asked, every segment as a string, as the `yaml` locator looks keys up). */
  byKey?: Map<string, Step>;
  /** Children by index (a sequence's: number segments only). */
  byIndex?: Map<number, Step>;
  found: boolean;
  kind: 'map' | 'seq' | 'scalar';
  keyAt: number;
  /** EMPTY for a value left empty (`kind:` and nothing): the `yaml` locator then points at the key; UNKNOWN for a block scalar. */
  valueAt: number;
}

const EMPTY = -1;
/** A block scalar starts at its indicator, which the events do not give. */
const UNKNOWN = -2;

const step = (): Step => ({ found: false, kind: 'scalar', keyAt: -1, valueAt: EMPTY });

/** A plain key that the core schema reads as another type (`1`, `0x1F`, `true`, `~`): its text is not the key the data holds. */
const TYPED_KEY = /^(?:[-+.0-9~]|(?:true|false|null|True|False|TRUE|FALSE|Null|NULL)$)/;

/** Scalar styles (js-yaml's SCALAR_STYLE). */
const PLAIN = 1;
const SINGLE_QUOTED = 2;
const DOUBLE_QUOTED = 3;

/**
 * One pass over js-yaml's events, recording where each step of `root` is:
 * the steps already there (`grow` false: the paths asked), or a step for
 * every node (`grow` true). Gives the root's offset, or undefined for a text
 * that might place otherwise than the `yaml` package: an anchor, a tag, an
 * alias, a key that is not a plain string or a quoted one, a line break
 * other than LF or CRLF, several documents.
 */
function walkEvents(js: JsYaml, source: string, root: Step, grow: boolean): number | undefined {
  if (/\r(?!\n)|[\u0085\u2028\u2029]/.test(source)) return undefined;
  const { EVENT_ID } = js;
  let events: Event[];
  try {
    events = js.parseEvents(source, {});
  } catch {
    return undefined;
  }
  /** Open collections: the step of each (undefined: off the paths followed), a sequence's next index, a mapping's pending key. */
  const open: Array<{ step: Step | undefined; map: boolean; index: number; key: Step | undefined | null; keyAt: number }> = [];
  let rootAt = 0;
  let seen = false;
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) continue;
    if (e.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (e.type === EVENT_ID.ALIAS || e.anchorStart !== -1 || e.tagStart !== -1) return undefined;
    const scalar = e.type === EVENT_ID.SCALAR ? (e as ScalarEvent) : undefined;
    const at =
      scalar === undefined
        ? (e as { start: number }).start
        : scalar.valueStart < 0
          ? EMPTY
          : scalar.style === SINGLE_QUOTED || scalar.style === DOUBLE_QUOTED
            ? scalar.valueStart - 1
            : scalar.style === PLAIN
              ? scalar.valueStart
              : UNKNOWN;
    const parent = open[open.length - 1];
    let here: Step | undefined;
    if (parent === undefined) {
      if (seen) return undefined;
      seen = true;
      rootAt = at;
      here = root;
    } else if (parent.map && parent.key === null) {
      // A key: a plain or quoted scalar whose text is the key the data holds.
      if (scalar === undefined || (scalar.style !== PLAIN && scalar.style !== SINGLE_QUOTED && scalar.style !== DOUBLE_QUOTED)) return undefined;
      const key = scalar.valueStart < 0 ? '' : js.getScalarValue(source, scalar);
      if (scalar.style === PLAIN && TYPED_KEY.test(key)) return undefined;
      let child = parent.step?.byKey?.get(key);
      if (child === undefined && grow && parent.step !== undefined) (parent.step.byKey ??= new Map()).set(key, (child = step()));
      parent.key = child;
      parent.keyAt = at;
      continue;
    } else if (parent.map) {
      here = parent.key ?? undefined;
      if (here !== undefined) here.keyAt = parent.keyAt;
      parent.key = null;
    } else {
      here = parent.step?.byIndex?.get(parent.index);
      if (here === undefined && grow && parent.step !== undefined) (parent.step.byIndex ??= new Map()).set(parent.index, (here = step()));
      parent.index += 1;
    }
    if (here !== undefined) {
      // Following paths asked, a block scalar on one leaves the text to the `yaml` package.
      if (at === UNKNOWN && !grow) return undefined;
      here.found = true;
      here.valueAt = at;
      here.kind = e.type === EVENT_ID.MAPPING ? 'map' : e.type === EVENT_ID.SEQUENCE ? 'seq' : 'scalar';
    }
    if (scalar === undefined) open.push({ step: here, map: e.type === EVENT_ID.MAPPING, index: 0, key: null, keyAt: -1 });
  }
  return rootAt;
}

/**
 * Places a path in the steps `walkEvents` found, as the `yaml` package's
 * locator does: the start of the node, of its key for `atKey` or an empty
 * value, of the nearest found ancestor for a path that goes nowhere.
 * Undefined where it would be a block scalar's start.
 */
function place(root: Step, rootAt: number, path: readonly PathSegment[], atKey: boolean | undefined): number | undefined {
  let offset = rootAt;
  let at = root;
  for (const seg of path) {
    const next = at.kind === 'map' ? at.byKey?.get(String(seg)) : at.kind === 'seq' && typeof seg === 'number' ? at.byIndex?.get(seg) : undefined;
    if (next === undefined || !next.found) break;
    if (at.kind === 'map') offset = atKey === true || next.valueAt === EMPTY ? next.keyAt : next.valueAt;
    else if (next.valueAt !== EMPTY) offset = next.valueAt;
    if (offset === UNKNOWN) return undefined;
    at = next;
  }
  return offset;
}

/** Line and column (1-based) of an offset of `source`, counted by the `yaml` package's own `LineCounter`, as its locator counts them. */
function positions(source: string): (offset: number) => { line: number; column: number } {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return (offset) => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

/**
 * Places the paths `asked` from js-yaml's events, one pass following only
 * them; undefined (the text is left to the `yaml` package) where it might
 * place otherwise (see `walkEvents`, and a block scalar on a path asked).
 * @internal exported for its tests
 */
export function eventLocator(js: JsYaml, source: string, asked: ReadonlyArray<readonly PathSegment[]>): SourceInfo['locate'] | undefined {
  const root = step();
  for (const path of asked) {
    let at = root;
    for (const seg of path) {
      const byKey = (at.byKey ??= new Map());
      let next = byKey.get(String(seg));
      if (next === undefined) byKey.set(String(seg), (next = step()));
      if (typeof seg === 'number') (at.byIndex ??= new Map()).set(seg, next);
      at = next;
    }
  }
  const rootAt = walkEvents(js, source, root, false);
  if (rootAt === undefined) return undefined;
  const position = positions(source);
  return (path, atKey) => position(place(root, rootAt, path, atKey) ?? rootAt);
}

/**
 * The locator of a lexicon this route read, for the problems found once it
 * is checked (composing layers): on its first use, a step for every node
 * from js-yaml's events (1.2 s for 19 MB, against 15–19 s and 1.5 GB for
 * the `yaml` package), kept until the synchronous work that asked is over;
 * the `yaml` package's locator where the events might place otherwise.
 * @internal exported for its tests
 */
export function laterEventLocator(js: JsYaml, source: string): SourceInfo['locate'] {
  const fallback = laterLocator(source);
  let index: { root: Step; rootAt: number; position: (offset: number) => { line: number; column: number } } | null | undefined;
  return (path, atKey) => {
    if (index === undefined) {
      const root = step();
      const rootAt = walkEvents(js, source, root, true);
      index = rootAt === undefined ? null : { root, rootAt, position: positions(source) };
      // The steps of every node are let go once the work that asked for them is done.
      queueMicrotask(() => (index = undefined));
    }
    const offset = index === null ? undefined : place(index.root, index.rootAt, path, atKey);
    return offset === undefined || index === null ? fallback(path, atKey) : index.position(offset);
  };
}
