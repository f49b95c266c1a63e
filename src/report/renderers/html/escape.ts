/** HTML escaping and highlighted example text (internal to the HTML renderer). */
import { neutralizeText } from '../../../_utils/display.js';
import type { Highlight } from '../../types.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double- or single-quoted attribute values; controls and bidi overrides are neutralised. */
export function escapeHtml(text: string): string {
  return neutralizeText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** A value safe for an `id` or a fragment: entry ids are ASCII already, anything else is replaced. */
export function anchorId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]+/g, '_')).join('-');
}

/**
 * Anchor of an entry's examples (`ex-irritant-retard_livraison`), or of its
 * examples in one channel (`…--chat`; entry ids never hold `--`). The
 * anchors are inside the folded entry, so following a link unfolds it.
 */
export const examplesAnchor = (kind: string, id: string, channel?: string): string =>
  channel === undefined ? anchorId('ex', kind, id) : `${anchorId('ex', kind, id)}--${anchorId(channel)}`;

/**
 * The text with each highlighted span wrapped in `<mark>`, every piece escaped
 * separately so a `<` inside or around a span can never open a tag. Spans are
 * clamped to the text; overlapping or touching spans are merged, because
 * `<mark>` elements cannot interleave.
 */
export function highlightText(text: string, highlights: readonly Highlight[] | undefined): string {
  const spans = (highlights ?? [])
    .filter((h) => Number.isInteger(h.start) && Number.isInteger(h.end))
    .map((h) => [Math.max(0, h.start), Math.min(text.length, h.end)] as [number, number])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  let html = '';
  let at = 0;
  for (const [start, end] of merged) {
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}
