// What is wrong with a JSON text that JSON.parse refused, found by a scan of
// our own. V8's messages are English whatever the reader's language, change
// from one Node version to the next, and quote the record itself; a reject
// says instead what is wrong (a code) and where (an offset). Only refused
// texts are scanned: JSON.parse still reads every record.

/** What stops a text from being JSON. */
export type JsonSyntaxKind = 'unexpected_character' | 'unexpected_end' | 'unclosed_string' | 'bad_escape' | 'control_character';

/** The first thing wrong in a text, at `offset` (UTF-16 units); `found`: the unexpected character. */
export interface JsonSyntaxProblem {
  kind: JsonSyntaxKind;
  offset: number;
  found?: string;
}

const ARRAY = 0;
const OBJECT = 1;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** The escapes JSON allows after a backslash: " \ / b f n r t (u is read apart). */
const ESCAPES = new Set([34, 92, 47, 98, 102, 110, 114, 116]);

/**
 * The first problem of `text` as JSON (RFC 8259, as JSON.parse reads it), or
 * undefined when it is valid JSON. Linear, without recursion (a refused text
 * may nest deeply).
 */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const n = text.length;
  let i = 0;
  const stack: number[] = [];
  const unexpected = (at: number): JsonSyntaxProblem =>
    at >= n ? { kind: 'unexpected_end', offset: n } : { kind: 'unexpected_character', offset: at, found: String.fromCodePoint(text.codePointAt(at) as number) };
  const skipBlanks = (): void => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(i)) i++;
  };
  /** Reads the string opening at `i`. */
  const string = (): JsonSyntaxProblem | undefined => {
    const open = i++;
    for (;;) {
      if (i >= n) return { kind: 'unclosed_string', offset: open };
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c < 0x20) return { kind: 'control_character', offset: i, found: text[i] as string };
      if (c !== 92) {
        i++;
        continue;
      }
      const e = text.charCodeAt(i + 1);
      if (ESCAPES.has(e)) i += 2;
      else if (e === 117 && isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 3)) && isHex(text.charCodeAt(i + 4)) && isHex(text.charCodeAt(i + 5))) i += 6;
      else return i + 1 >= n ? { kind: 'unclosed_string', offset: open } : { kind: 'bad_escape', offset: i };
    }
  };
  /** Reads the number starting at `i` (a minus sign or a digit). */
  const number = (): JsonSyntaxProblem | undefined => {
    if (text.charCodeAt(i) === 45) i++;
    if (text.charCodeAt(i) === 48) i++;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
    else return unexpected(i);
    if (text.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(text.charCodeAt(i))) return unexpected(i);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    if (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69) {
      i++;
      if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) i++;
      if (!isDigit(text.charCodeAt(i))) return unexpected(i);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    return undefined;
  };
  /** Reads `word` (true, false, null) at `i`. */
  const literal = (word: string): JsonSyntaxProblem | undefined => {
    for (let k = 0; k < word.length; k++, i++) if (text.charCodeAt(i) !== word.charCodeAt(k)) return unexpected(i);
    return undefined;
  };

  // 'value': a value is expected; 'key': an object's key (or its end, right after "{"); 'after': a value was read.
  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipBlanks();
    if (expect === 'key') {
      if (text.charCodeAt(i) !== 34) return unexpected(i);
      const problem = string();
      if (problem) return problem;
      skipBlanks();
      if (text.charCodeAt(i) !== 58) return unexpected(i);
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? unexpected(i) : undefined;
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        expect = top === OBJECT ? 'key' : 'value';
      } else if ((top === OBJECT && c === 125) || (top === ARRAY && c === 93)) {
        i++;
        stack.pop();
      } else return unexpected(i);
      continue;
    }
    const c = text.charCodeAt(i);
    let problem: JsonSyntaxProblem | undefined;
    if (c === 123 || c === 91) {
      i++;
      skipBlanks();
      // An empty object or array is a value read; otherwise its first key or value comes.
      if (text.charCodeAt(i) === (c === 123 ? 125 : 93)) {
        i++;
        expect = 'after';
        continue;
      }
      stack.push(c === 123 ? OBJECT : ARRAY);
      expect = c === 123 ? 'key' : 'value';
      continue;
    }
    if (c === 34) problem = string();
    else if (c === 45 || isDigit(c)) problem = number();
    else if (c === 116) problem = literal('true');
    else if (c === 102) problem = literal('false');
    else if (c === 110) problem = literal('null');
    else return unexpected(i);
    if (problem) return problem;
    expect = 'after';
  }
}

/** A refused text's problem as a reject or an issue says it: what, the character found, and its line and column. */
export interface JsonSyntax {
  problem: JsonSyntaxKind;
  found?: string;
  at: { line: number; column: number };
}

/** Where `offset` of `text` is, for a text starting at `line`, `column`. */
function placeIn(text: string, offset: number, line: number, column: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/gu) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return breaks.length === 0 ? { line, column: column + before.length } : { line: line + breaks.length, column: before.length - lastBreak };
}

/** The problem of a text JSON.parse refused: the scan finds one (the fallback only keeps the types whole). */
export const refusedJsonProblem = (text: string): JsonSyntaxProblem =>
  jsonSyntaxProblem(text) ?? { kind: 'unexpected_character', offset: 0, found: text.slice(0, 1) };

/** The problem of a text JSON.parse refused (`text` starting at `line`, `column`), with its place. */
export function jsonSyntaxOf(text: string, line: number, column: number): JsonSyntax {
  const { kind, offset, found } = refusedJsonProblem(text);
  return { problem: kind, ...(found === undefined ? {} : { found }), at: placeIn(text, offset, line, column) };
}
