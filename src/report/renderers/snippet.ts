/**
 * Example snippets: an example verbatim cut to a window around its first
 * highlighted words, with "…" on each side that was cut, so a long complaint
 * shows the words that made it an example rather than its greeting (internal
 * to the renderers).
 */
import type { Highlight } from '../types.js';

/** Longest snippet of the Markdown and HTML examples, in characters (code points). */
export const SNIPPET_MAX = 280;

const ELLIPSIS = '…';
/** How far a cut side may move to fall between two words. */
const SNAP = 12;

export interface Snippet {
  text: string;
  /** The highlights inside the window, offsets into `text`, sorted. */
  highlights: Highlight[];
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/**
 * Collapses every run of white space into one space and trims the ends,
 * moving the highlights with the text (a span reduced to nothing is dropped).
 */
export function collapseSpaces(text: string, highlights: readonly Highlight[]): Snippet {
  // map[i] = offset in the output of input offset i (i from 0 to text.length).
  const map = new Array<number>(text.length + 1);
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    map[i] = out.length + (pendingSpace && out.length > 0 && !/\s/.test(text[i] as string) ? 1 : 0);
    const c = text[i] as string;
    if (/\s/.test(c)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && out.length > 0) out += ' ';
    pendingSpace = false;
    out += c;
  }
  map[text.length] = out.length;
  return { text: out, highlights: moveHighlights(highlights, text.length, (i) => map[i] as number) };
}

function moveHighlights(highlights: readonly Highlight[], length: number, at: (i: number) => number): Highlight[] {
  const out: Highlight[] = [];
  for (const h of highlights) {
    if (!Number.isInteger(h.start) || !Number.isInteger(h.end)) continue;
    const start = at(Math.max(0, Math.min(length, h.start)));
    const end = at(Math.max(0, Math.min(length, h.end)));
    if (end > start) out.push({ start, end, id: h.id });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The text cut to at most `width` characters (code points, the ellipses
 * included) around its first highlight: a little context before it, the rest
 * after, each cut side moved to a space when one is near and marked "…".
 * A text that fits is returned whole; without a highlight the window starts
 * at the beginning. When the first highlight fits in the window it is whole
 * in the snippet. Highlights are moved (and clipped) to the snippet's offsets.
 */
export function snippet(text: string, highlights: readonly Highlight[], width: number): Snippet {
  const chars = [...text];
  const n = chars.length;
  if (n <= width) return { text, highlights: moveHighlights(highlights, text.length, (i) => i) };
  if (width < 1) return { text: '', highlights: [] };
  // UTF-16 offset → code point index, and back.
  const cpAt = new Array<number>(text.length + 1);
  const unitAt = new Array<number>(n + 1);
  let unit = 0;
  for (let k = 0; k < n; k++) {
    unitAt[k] = unit;
    for (let u = 0; u < (chars[k] as string).length; u++) cpAt[unit + u] = k;
    unit += (chars[k] as string).length;
  }
  unitAt[n] = unit;
  cpAt[text.length] = n;

  const valid = highlights
    .filter((h) => Number.isInteger(h.start) && Number.isInteger(h.end))
    .map((h) => ({ start: cpAt[Math.max(0, Math.min(text.length, h.start))] as number, end: cpAt[Math.max(0, Math.min(text.length, h.end))] as number }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const first = valid[0];
  const hs = first?.start ?? 0;
  const he = first?.end ?? 0;

  // Room for the text once both ellipses are in (a window at an end needs one only; refined below).
  let start: number;
  let end: number;
  const room = Math.max(1, width - 2);
  if (first === undefined || he <= room - 1) {
    // The highlight is in the opening words: no cut before it.
    start = 0;
    end = Math.min(n, width - 1);
  } else if (he - hs >= room) {
    // The highlight alone overflows: it starts the window.
    start = hs;
    end = hs + room;
  } else {
    // A third of the free room before the highlight, the rest after it.
    const lead = Math.floor((room - (he - hs)) / 3);
    start = Math.max(0, hs - lead);
    end = start + room;
    if (end >= n) {
      end = n;
      start = Math.max(0, n - (width - 1));
    }
  }
  // Each cut side between two words when a space is near, without losing any of the highlight that fits:
  // the end first, then the start, moved back by the room the end left.
  if (end < n && !isSpace(chars[end])) {
    for (let k = end - 1; k > Math.max(end - SNAP, first === undefined ? start : Math.min(he, start + room) - 1); k--) {
      if (isSpace(chars[k])) {
        end = k;
        break;
      }
    }
  }
  if (start > 0) start = Math.max(0, Math.min(start, end - (end < n ? room : width - 1)));
  if (start > 0 && !isSpace(chars[start - 1])) {
    for (let k = start; k < Math.min(start + SNAP, hs); k++) {
      if (isSpace(chars[k])) {
        start = k + 1;
        break;
      }
    }
  }
  // No space at a cut side, unless it is part of the highlight kept whole.
  const whole = first !== undefined && he - hs <= room;
  while (start < (whole ? Math.min(end, hs) : end) && isSpace(chars[start])) start++;
  while (end > (whole ? Math.max(start, he) : start) && isSpace(chars[end - 1])) end--;
  const before = start > 0 ? ELLIPSIS : '';
  const after = end < n ? ELLIPSIS : '';
  const body = chars.slice(start, end).join('');
  const offset = before.length;
  const lo = unitAt[start] as number;
  const hi = unitAt[end] as number;
  const moved = moveHighlights(highlights, text.length, (i) => Math.max(0, Math.min(hi, i) - lo) + offset).filter((h) => h.end > h.start);
  return { text: before + body + after, highlights: moved };
}
