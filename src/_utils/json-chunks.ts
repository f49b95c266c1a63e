// JSON written in chunks: a large value (a report, a run's state) goes to a
// file without being held whole as one string.

export interface JsonChunksOptions {
  /** Indentation as `JSON.stringify` takes it (default 0: one line). */
  indent?: number | string;
  /** Write every object's keys sorted (equal values give equal text). Default false: `JSON.stringify`'s order. */
  sortKeys?: boolean;
  /** Levels walked piece by piece; below them each value is one `JSON.stringify` (default 3). */
  levels?: number;
  /** Written after the value, in its last chunk (default none; a newline for a file). */
  end?: string;
}

/** Pieces are gathered into chunks of about this many characters. */
const CHUNK = 65_536;

/** What `JSON.stringify` leaves out of an object (and writes as null in an array). */
const unwritten = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** A copy of `value` with every object's keys sorted (what is written below the walked levels). */
function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) Object.defineProperty(out, key, { value: withSortedKeys(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** The keys of `record` written, in the order `JSON.stringify` writes them (sorted: as an object built with sorted keys enumerates them, integer keys first). */
function writtenKeys(record: Record<string, unknown>, sort: boolean): string[] {
  if (!sort) return Object.keys(record).filter((key) => !unwritten(record[key]));
  const order: Record<string, true> = {};
  for (const key of Object.keys(record).sort()) {
    if (!unwritten(record[key])) Object.defineProperty(order, key, { value: true, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(order);
}

/** The text of `value` as `JSON.stringify` writes it at `indent`, in pieces: the first levels walked, each value below them written whole. */
function* pieces(value: unknown, gap: string, indent: string, level: number, sort: boolean, levels: number): Generator<string> {
  // A value with its own toJSON (a Date) is written as JSON.stringify writes it.
  if (level >= levels || typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const text = JSON.stringify(sort ? withSortedKeys(value) : value, null, gap);
    yield gap === '' || indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = indent + gap;
  const open = gap === '' ? '' : `\n${inner}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return void (yield '[]');
    for (let i = 0; i < value.length; i++) {
      yield (i === 0 ? '[' : ',') + open;
      yield* pieces(unwritten(value[i]) ? null : value[i], gap, inner, level + 1, sort, levels);
    }
    yield gap === '' ? ']' : `\n${indent}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = writtenKeys(record, sort);
  if (keys.length === 0) return void (yield '{}');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    yield `${i === 0 ? '{' : ','}${open}${JSON.stringify(key)}${gap === '' ? ':' : ': '}`;
    yield* pieces(record[key], gap, inner, level + 1, sort, levels);
  }
  yield gap === '' ? '}' : `\n${indent}}`;
}

/**
 * `JSON.stringify(value, null, indent)` (keys sorted when asked) in chunks of
 * about 64 K characters, then `end`.
 */
export function* jsonChunks(value: unknown, options: JsonChunksOptions = {}): Generator<string> {
  const { indent = 0, sortKeys = false, levels = 3, end = '' } = options;
  const gap = typeof indent === 'string' ? indent.slice(0, 10) : ' '.repeat(Math.max(0, Math.min(10, Math.trunc(indent) || 0)));
  let chunk: string[] = [];
  let size = 0;
  for (const piece of pieces(value, gap, '', 0, sortKeys, levels)) {
    chunk.push(piece);
    size += piece.length;
    if (size >= CHUNK) {
      yield chunk.join('');
      chunk = [];
      size = 0;
    }
  }
  chunk.push(end);
  yield chunk.join('');
}
