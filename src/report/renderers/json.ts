/** The versioned Report object as stable JSON (object keys sorted, arrays kept in rank order): every section's result in its place. */
import type { Report } from '../types.js';
import type { Renderer, RenderOptions } from './types.js';
import { checkReport } from './view.js';
import { relabelReport } from '../labels.js';

export interface JsonRenderOptions extends RenderOptions {
  /** Indentation (default 2; 0 for one line). */
  indent?: number;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) Object.defineProperty(out, key, { value: sortKeys(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** Levels walked piece by piece (the report, its lists of channels and sections, their tables); below, each value is one `JSON.stringify`. */
const WALKED_LEVELS = 3;
/** Pieces are gathered into chunks of about this many characters. */
const CHUNK = 65_536;

/** What `JSON.stringify` leaves out of an object (and writes as null in an array). */
const unwritten = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * The text of `value` as `JSON.stringify(sortKeys(value), null, gap)` writes
 * it at `indent`, in pieces: the first levels walked, each value below them
 * written whole.
 */
function* pieces(value: unknown, gap: string, indent: string, level: number): Generator<string> {
  if (level >= WALKED_LEVELS || typeof value !== 'object' || value === null) {
    const text = JSON.stringify(sortKeys(value), null, gap);
    yield gap === '' || indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = indent + gap;
  const open = gap === '' ? '' : `\n${inner}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return void (yield '[]');
    for (let i = 0; i < value.length; i++) {
      yield (i === 0 ? '[' : ',') + open;
      yield* pieces(unwritten(value[i]) ? null : value[i], gap, inner, level + 1);
    }
    yield gap === '' ? ']' : `\n${indent}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  // The order an object with the sorted keys enumerates them in (as `sortKeys` makes it): integer keys first.
  const order: Record<string, true> = {};
  for (const key of Object.keys(record).sort()) {
    if (!unwritten(record[key])) Object.defineProperty(order, key, { value: true, enumerable: true, writable: true, configurable: true });
  }
  const keys = Object.keys(order);
  if (keys.length === 0) return void (yield '{}');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    yield `${i === 0 ? '{' : ','}${open}${JSON.stringify(key)}${gap === '' ? ':' : ': '}`;
    yield* pieces(record[key], gap, inner, level + 1);
  }
  yield gap === '' ? '}' : `\n${indent}}`;
}

/**
 * `JSON.stringify(value, null, indent)` with object keys sorted, and a final
 * newline, in chunks of about 64 K characters: a large value is written
 * without being held as one string, nor as a sorted copy.
 */
export function* stableJsonChunks(value: unknown, indent: number | string = 2): Generator<string> {
  const gap = typeof indent === 'string' ? indent.slice(0, 10) : ' '.repeat(Math.max(0, Math.min(10, Math.trunc(indent) || 0)));
  let chunk: string[] = [];
  let size = 0;
  for (const piece of pieces(value, gap, '', 0)) {
    chunk.push(piece);
    size += piece.length;
    if (size >= CHUNK) {
      yield chunk.join('');
      chunk = [];
      size = 0;
    }
  }
  chunk.push('\n');
  yield chunk.join('');
}

/**
 * The JSON report in chunks of about 64 K characters, which together are
 * `renderReport(report, 'json')`: a report of thousands of entries per
 * channel, each with its examples, is written without being held whole as
 * text.
 */
export function renderJsonChunks(report: Report, options: JsonRenderOptions = {}): Generator<string> {
  checkReport(report);
  return stableJsonChunks(relabelReport(report, options), options.indent ?? 2);
}

function renderJson(report: Report, options: JsonRenderOptions = {}): string {
  return [...renderJsonChunks(report, options)].join('');
}

export const jsonRenderer: Renderer<JsonRenderOptions, string> = { name: 'json', extension: 'json', render: renderJson };
