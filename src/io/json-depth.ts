// A guard against JSON nested too deep to handle: JSON.parse copes with any
// depth, but every recursive walk after it (JSON.stringify of a cell kept in
// meta, structured clone to a worker) overflows the stack. The text is
// scanned once, without recursion, before it is parsed. `stepJson` is that
// scan's step, shared with the JSON reader's (strings and their escapes).

/** Deepest nesting of arrays and objects accepted in a JSON record: real exports use 2 or 3. */
export const MAX_JSON_DEPTH = 64;

/** Where a scan of JSON text stands: outside strings, inside one, or just after a backslash inside one. */
export const OUTSIDE = 0;
const IN_STRING = 1;
const ESCAPED = 2;

/** The state after character `c`; a bracket or comma read OUTSIDE, the state staying OUTSIDE, is structure. */
export function stepJson(state: number, c: number): number {
  if (state === OUTSIDE) return c === 0x22 ? IN_STRING : OUTSIDE;
  if (state === ESCAPED) return IN_STRING;
  return c === 0x5c ? ESCAPED : c === 0x22 ? OUTSIDE : IN_STRING;
}

/** Where JSON text first goes deeper than allowed. */
export interface JsonDepthProblem {
  /** The depth reached (maxDepth + 1). */
  depth: number;
  /** 0-based index in the text of the bracket that went too deep. */
  offset: number;
  /** 1-based line and column of that bracket. */
  line: number;
  column: number;
}

/**
 * The first place where `text` nests arrays or objects deeper than
 * `maxDepth`, or undefined. Brackets inside strings do not count; the text
 * need not be valid JSON (JSON.parse reports the other mistakes).
 */
export function jsonDepthProblem(text: string, maxDepth = MAX_JSON_DEPTH): JsonDepthProblem | undefined {
  let depth = 0;
  let state = OUTSIDE;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const was = state;
    state = stepJson(state, c);
    if (was !== OUTSIDE || state !== OUTSIDE) continue;
    if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return { depth, offset: i, line, column: i - lineStart + 1 };
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}
