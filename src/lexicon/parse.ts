import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type YamlNode, type Pair, type YAMLMap } from './yaml.js';
import { LexiconError } from './errors.js';
import { rememberSource, unplaced, type SourceInfo } from './source.js';
import type { LexiconDocument, LexiconIssue } from './types.js';
import { asDocument, validateLexiconData } from './validate.js';
import { detectDictionary, foreignDictionaryProblem } from './import/detect.js';
import { lexiconProblem as P } from './messages.js';
import { expectedError, typeName } from '../_utils/describe.js';

export interface ParseLexiconOptions {
  /** File name used in issues (default `<inline>`). */
  file?: string;
  /** Source format; default: guessed from the file name, else YAML (which also reads JSON). */
  format?: 'yaml' | 'json';
}

export type SafeParseLexiconResult =
  | { success: true; lexicon: LexiconDocument; issues: [] }
  | { success: false; lexicon?: undefined; issues: LexiconIssue[] };

/** The string a mapping key stands for (scalars; other keys by their source text). */
function keyString(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (key !== null && typeof key === 'object' && 'toString' in key) return String(key);
  return String(key);
}

/**
 * Keys written twice in one mapping, with the offset of the second. The yaml
 * package's own check compares every pair with every other (a 100,000-form
 * SMS table took minutes to load); a set per mapping does it in one pass.
 */
function duplicateKeys(doc: ReturnType<typeof parseDocument>): Array<{ key: string; offset: number }> {
  const found: Array<{ key: string; offset: number }> = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = keyString(pair.key);
        if (seen.has(key)) found.push({ key, offset: (pair.key as YamlNode | null)?.range?.[0] ?? map.range?.[0] ?? 0 });
        seen.add(key);
      }
    },
  });
  return found;
}

function yamlLocator(root: unknown, lines: LineCounter): SourceInfo['locate'] {
  // Pairs by key, per mapping, built on first use: locating every issue of a big file stays linear.
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, seg: string | number): Pair | undefined => {
    let index = indexes.get(map);
    if (index === undefined) {
      index = new Map();
      for (const p of map.items as Pair[]) {
        const k = keyString(p.key);
        if (!index.has(k)) index.set(k, p);
      }
      indexes.set(map, index);
    }
    return index.get(String(seg));
  };
  return (path, atKey) => {
    let node: unknown = root;
    let offset = 0;
    const here = (n: unknown): void => {
      const range = (n as YamlNode | null)?.range;
      if (range !== undefined && range !== null) offset = range[0];
    };
    here(node);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = pairOf(node as YAMLMap, seg);
        if (pair === undefined) break;
        node = pair.value;
        // Unknown fields point at their key, bad values at the value.
        here(atKey === true || pair.value === null ? pair.key : pair.value);
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        node = item;
        here(item);
      } else break;
    }
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

/** Nodes an alias may expand to: a lexicon needs few aliases, a "billion laughs" document needs billions. */
const MAX_ALIAS_COUNT = 100;

/** Deepest nesting of flow lists and mappings (`[`, `{`) read: a lexicon needs three or four levels. */
const MAX_FLOW_DEPTH = 256;

/**
 * The offset of the bracket where `source` first nests flow lists or mappings
 * deeper than MAX_FLOW_DEPTH, brackets inside quoted scalars aside; or -1.
 * Checked before parsing: the YAML parser recurses once per level, and near
 * the end of the stack a regular expression it compiles aborts the whole
 * process (V8's "RegExpCompiler Allocation failed"), which no catch can
 * report. A quote only opens a scalar where YAML lets it (after a blank,
 * `[`, `{`, `,` or `:`), not as the apostrophe of « l'attente »; a comment
 * (`#` after a blank) counts nothing. A quote this scan opens ends at its
 * line's end at the latest: an apostrophe it took for a quote (in a comment,
 * a block scalar's text, a plain scalar) must not hide the brackets of the
 * lines after it. A quoted scalar over several lines is rare in a lexicon;
 * its later lines are counted like the rest. @internal (the large-file
 * route of src/io/plain-yaml.ts asks it first too)
 */
export function flowDepthOverflow(source: string): number {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a) quote = 0;
    else if (quote !== 0) {
      // An escape: \" in a double-quoted scalar, '' in a single-quoted one (never the line's end).
      if (source.charCodeAt(i + 1) !== 0x0a && (quote === 0x22 ? c === 0x5c : c === 0x27 && source.charCodeAt(i + 1) === 0x27)) i++;
      else if (c === quote) quote = 0;
    } else if (c === 0x23 && (i === 0 || /\s/.test(source[i - 1]!))) {
      const end = source.indexOf('\n', i);
      if (end === -1) break;
      i = end - 1;
    } else if ((c === 0x22 || c === 0x27) && (i === 0 || /[\s[{,:]/.test(source[i - 1]!))) quote = c;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return -1;
}

/** The issue for aliases that expand too much, placed at the first alias of the document. */
function aliasIssue(doc: ReturnType<typeof parseDocument>, lines: LineCounter, file: string): LexiconIssue {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  const pos = lines.linePos(offset);
  return {
    file,
    line: pos.line,
    column: pos.col,
    path: '(syntax)',
    ...P('alias_bomb', { max: MAX_ALIAS_COUNT }),
  };
}

/** Line `line` (1-based) of the source, from the line starts the parser counted. */
const lineOf = (source: string, lines: LineCounter, line: number): string => source.slice(lines.lineStarts[line - 1] ?? source.length, lines.lineStarts[line] ?? source.length);

/** A `[` followed by a `{` on the line (a gap {m,n} in a flow list), found in linear time: a line of thousands of brackets stays cheap. */
function flowListWithGap(line: string): boolean {
  const open = line.indexOf('[');
  return open >= 0 && line.indexOf('{', open + 1) > open;
}

/**
 * A file refused as a lexicon that is a dictionary of another tool (LIWC,
 * quanteda, a CSV of terms): one issue saying so and how to convert it,
 * instead of the YAML errors of a format the user never meant to write.
 */
function parseSource(source: string, options: ParseLexiconOptions): { doc?: LexiconDocument; issues: LexiconIssue[] } {
  const result = parseLexiconSource(source, options);
  if (result.doc !== undefined) return result;
  const foreign = foreignDictionaryIssue(source, options.file ?? '<inline>');
  return foreign === undefined ? result : { issues: [foreign] };
}

/**
 * The one issue of a text refused as a lexicon that is another tool's
 * dictionary (`data`: what a reader already took from it), if it is one.
 * @internal
 */
export function foreignDictionaryIssue(source: string, file: string, data?: unknown): LexiconIssue | undefined {
  const format = detectDictionary(source, data);
  return format === undefined ? undefined : { file, line: 1, column: 1, path: '(root)', ...foreignDictionaryProblem(format, file) };
}

function parseLexiconSource(source: string, options: ParseLexiconOptions): { doc?: LexiconDocument; issues: LexiconIssue[] } {
  if (typeof source !== 'string') {
    throw expectedError('lexicon source text (string)', typeName(source));
  }
  const file = options.file ?? '<inline>';
  const format = options.format ?? (file.endsWith('.json') ? 'json' : 'yaml');
  const deep = flowDepthOverflow(source);
  if (deep !== -1) {
    const before = source.slice(0, deep);
    const line = before.split('\n').length;
    const column = deep - before.lastIndexOf('\n');
    return { issues: [{ file, line, column, path: '(syntax)', ...P('syntax_error', { format, advice: 'nesting' }) }] };
  }
  if (format === 'json') {
    const read = readJson(source, file);
    if (read !== undefined) return read;
  }
  const lines = new LineCounter();
  // YAML, and JSON that `readJson` leaves (JSON is YAML 1.2): one parser, positions for both.
  const yamlDoc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const duplicates = yamlDoc.errors.length === 0 ? duplicateKeys(yamlDoc) : [];
  if (duplicates.length > 0) {
    return {
      issues: duplicates.map(({ key, offset }) => {
        const pos = lines.linePos(offset);
        return {
          file,
          line: pos.line,
          column: pos.col,
          path: '(syntax)',
          ...P('duplicate_key', { format, key }),
        };
      }),
    };
  }
  if (yamlDoc.errors.length > 0) {
    // Nesting too deep overflows the parser's stack, reported again at each level it unwinds through (how many
    // depends on the engine): the first report says it.
    let deep = false;
    const errors = yamlDoc.errors.filter((err) => {
      if (err.code !== 'RESOURCE_EXHAUSTION') return true;
      if (deep) return false;
      deep = true;
      return true;
    });
    return {
      issues: errors.map((err) => {
        const pos = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
        const advice = err.code === 'RESOURCE_EXHAUSTION' ? 'nesting' : err.code === 'DUPLICATE_KEY' ? 'duplicate' : flowListWithGap(lineOf(source, lines, pos.line)) ? 'flowGap' : 'general';
        // The parser's own words (English) are kept as the detail, in every language.
        const detail = advice === 'nesting' ? {} : { detail: err.message.split('\n')[0] ?? err.message };
        return { file, line: pos.line, column: pos.col, path: '(syntax)', ...P('syntax_error', { format, ...detail, advice }) };
      }),
    };
  }
  let data: unknown;
  try {
    data = yamlDoc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError without position when aliases expand too much (an "alias bomb").
    if (!(error instanceof ReferenceError)) throw error;
    return { issues: [aliasIssue(yamlDoc, lines, file)] };
  }
  return checkedLexicon(data, source, file, yamlLocator(yamlDoc.contents, lines));
}

/**
 * Lexicon data read from `source` in `file`, checked: `placed` places its
 * problems (the parsed tree, when there is one), else `source` is parsed
 * again for their positions. Once checked, positions are asked only for a
 * problem found while composing layers, of `later` when the reader gives one
 * (src/io/plain-yaml.ts places them from js-yaml's events); otherwise the
 * parsed tree, about twenty times the size of the file (400 MB for a lexicon
 * of 100,000 entries), is let go, and `source` parsed again if ever asked.
 * @internal (also the large-file route's check)
 */
export function checkedLexicon(data: unknown, source: string, file: string, placed?: SourceInfo['locate'], later: SourceInfo['locate'] = laterLocator(source)): { doc?: LexiconDocument; issues: LexiconIssue[] } {
  const issues = validateLexiconData(data, { file, locate: placed ?? later });
  if (issues.length > 0) return { issues };
  const doc = asDocument(data);
  rememberSource(doc, { file, locate: later });
  return { doc, issues: [] };
}

/**
 * A JSON lexicon read by `JSON.parse`, its problems located by the YAML
 * parser only when it has some: for a file of 100,000 entries, a fraction of
 * a second instead of 15–19 s. Undefined (the YAML parser reads it, and
 * reports what is wrong where) when it is not strict JSON (a comment, a
 * trailing comma) or when an object repeats a key, which `JSON.parse`
 * would silently take the last of.
 * @internal exported for its tests
 */
export function readJson(source: string, file: string): { doc?: LexiconDocument; issues: LexiconIssue[] } | undefined {
  const json = strictJson(source);
  return json === undefined ? undefined : checkedLexicon(json.data, source, file);
}

/**
 * What `JSON.parse` reads of `source`, or undefined when it is not strict
 * JSON or an object repeats a key (`JSON.parse` would take the last).
 * @internal
 */
export function strictJson(source: string): { data: unknown } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return undefined;
  }
  return repeatsKey(source) ? undefined : { data };
}

/** Whether an object of this JSON text (valid JSON) names a key twice, escapes decoded (`"id"` and `"\u0069d"`). @internal */
export function repeatsKey(json: string): boolean {
  // Per open bracket, the keys of its object (undefined: an array).
  const open: Array<Set<string> | undefined> = [];
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x7b) open.push(new Set());
    else if (c === 0x5b) open.push(undefined);
    else if (c === 0x7d || c === 0x5d) open.pop();
    else if (c === 0x22) {
      // The string's end: the next quote after an even run of backslashes.
      let end = json.indexOf('"', i + 1);
      for (;;) {
        let slashes = 0;
        while (json.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
        end = json.indexOf('"', end + 1);
      }
      let next = end + 1;
      // Blanks between a key and its colon: the four that JSON allows.
      while (next < json.length && " \t\n\r".includes(json[next] as string)) next++;
      const keys = open[open.length - 1];
      if (json.charCodeAt(next) === 0x3a && keys !== undefined) {
        const raw = json.slice(i, end + 1);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (keys.has(key)) return true;
        keys.add(key);
      }
      i = end;
    }
  }
  return false;
}

/** A locator that parses `source` again on its first use. @internal */
export function laterLocator(source: string): SourceInfo['locate'] {
  let locate: SourceInfo['locate'] | undefined;
  return (path, atKey) => {
    if (locate === undefined) {
      const lines = new LineCounter();
      locate = yamlLocator(parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: false }).contents, lines);
    }
    return locate(path, atKey);
  };
}

/** Parses and validates one lexicon file (YAML or JSON); throws `LexiconError` listing every problem. */
export function parseLexicon(source: string, options: ParseLexiconOptions = {}): LexiconDocument {
  const { doc, issues } = parseSource(source, options);
  if (doc === undefined) throw new LexiconError(issues);
  return doc;
}

/** Like `parseLexicon`, but returns `{ success, lexicon, issues }` instead of throwing. */
export function safeParseLexicon(source: string, options: ParseLexiconOptions = {}): SafeParseLexiconResult {
  const { doc, issues } = parseSource(source, options);
  return doc === undefined ? { success: false, issues } : { success: true, lexicon: doc, issues: [] };
}

/**
 * Typed identity for lexicons written in code; validated like a file
 * (throws `LexiconError`, positions unknown) so mistakes surface at once.
 */
export function defineLexicon<const T extends LexiconDocument>(lexicon: T, options: { file?: string } = {}): T {
  const info = unplaced(options.file ?? '<defineLexicon>');
  const issues = validateLexiconData(lexicon, info);
  if (issues.length > 0) throw new LexiconError(issues);
  rememberSource(lexicon, info);
  return lexicon;
}

/** Validates data already parsed (no positions: issues carry the path instead). */
export function lexiconFromData(data: unknown, file: string): LexiconDocument {
  const info = unplaced(file);
  const issues = validateLexiconData(data, info);
  if (issues.length > 0) throw new LexiconError(issues);
  const doc = asDocument(data);
  rememberSource(doc, info);
  return doc;
}
