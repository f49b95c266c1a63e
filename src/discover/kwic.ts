// Keyword in context: every hit of a term written in the lexicon term syntax,
// matched by the analyser exactly as an entry's term would be.
import type { LexiconDocument, LexiconEntry } from '../lexicon/types.js';
import { lexiconFromData } from '../lexicon/parse.js';
import { compareStrings } from '../report/counts.js';
import { maskPersonalData } from '../report/mask.js';
import { oneLine, padEnd, padStart, truncate, widthOf } from '../report/renderers/text.js';
import type { EntryKind, VerbatimAnalysis } from '../types.js';
import { discoverMessages, type DiscoverRenderOptions } from './messages.js';
import { expectedError, typeName } from '../_utils/describe.js';

/** Id of the entry that carries the term in the analyser (`kwicLayer`). */
export const KWIC_PROBE = 'kwic_probe';

/**
 * The one-entry lexicon layer that tests `term`: layer it over the lexicons
 * (`createAnalyzer({ lexicons: [...layers, kwicLayer(term)] })`) and read
 * the analyses with `createKwic`. With `entry`, the term is matched as that
 * entry would match it (its kind, negation and modality policies, its
 * exclusions); without, as a theme's term (negated hits kept, and flagged).
 * Throws a `LexiconError` saying what is wrong with a malformed term.
 */
export function kwicLayer(term: string, entry?: LexiconEntry): LexiconDocument {
  if (typeof term !== 'string' || term.trim() === '') throw expectedError('a term (non-empty string)', typeName(term));
  const probe: Record<string, unknown> = { id: KWIC_PROBE, kind: entry?.kind ?? 'theme', label: 'kwic', terms: [term] };
  if (entry !== undefined) {
    if (entry.kind === 'concept') probe['parent'] = entry.parent;
    if (entry.exclude.length > 0) probe['exclude'] = entry.exclude;
    probe['onNegation'] = entry.onNegation;
    probe['onModality'] = entry.onModality;
  }
  return lexiconFromData({ version: 1, entries: [probe] }, '<kwic term>');
}

export interface KwicOptions {
  /** Characters of context on each side (default 40). */
  width?: number;
  /** Mask personal data in the contexts (default true). */
  maskPersonalData?: boolean;
  /** The entry the term is meant for: its id in the lexicons, and its public id and kind (`analyzer.entries.get(id)`). */
  entry?: { id: string; kind: EntryKind; tag?: string };
}

export interface KwicHit {
  id: string;
  channel: string;
  score: number | null;
  left: string;
  match: string;
  right: string;
  /** Under a negation (kept: a theme's or a `keep` entry's hit). */
  negated: boolean;
}

export interface KwicResult {
  /** Analyses read (brand and agent messages skipped). */
  verbatims: number;
  hits: KwicHit[];
  /** Verbatims with at least one hit. */
  matched: number;
  channels: Array<{ channel: string; verbatims: number; hits: number; matched: number }>;
  /** With an entry: of the matched verbatims, those the entry already had, and those the term would add to it. */
  entry?: { id: string; alreadyHad: number; wouldAdd: number };
}

const KIND_LIST: Partial<Record<EntryKind, 'themes' | 'concepts' | 'irritants' | 'enchantments' | 'intents'>> = {
  theme: 'themes',
  concept: 'concepts',
  irritant: 'irritants',
  enchantment: 'enchantments',
  intent: 'intents',
};

/** Collects the hits of the probe entry (`kwicLayer`) in analyses: `add` each, then `result()`. */
export function createKwic(options: KwicOptions = {}): { add(analysis: VerbatimAnalysis): void; result(): KwicResult } {
  const width = options.width ?? 40;
  const mask = options.maskPersonalData !== false;
  const entry = options.entry;
  const hits: KwicHit[] = [];
  const channels = new Map<string, { verbatims: number; hits: number; matched: number }>();
  let verbatims = 0;
  let matched = 0;
  let alreadyHad = 0;
  return {
    add(analysis) {
      if (analysis.author === 'agent') return;
      verbatims++;
      let c = channels.get(analysis.channel);
      if (c === undefined) channels.set(analysis.channel, (c = { verbatims: 0, hits: 0, matched: 0 }));
      c.verbatims++;
      const found = analysis.matches.filter((m) => m.id === KWIC_PROBE);
      if (found.length === 0) return;
      matched++;
      c.matched++;
      c.hits += found.length;
      if (entry !== undefined) {
        const list = KIND_LIST[entry.kind];
        const tag = entry.tag ?? entry.id;
        if (analysis.matches.some((m) => m.id === entry.id) || (list !== undefined && analysis[list].includes(tag))) alreadyHad++;
      }
      const spans = found.map((m) => ({ start: m.start, end: m.end }));
      const { text, spans: moved } = mask ? maskPersonalData(analysis.text, { spans }) : { text: analysis.text, spans };
      moved.forEach((span, i) => {
        hits.push({
          id: analysis.id,
          channel: analysis.channel,
          score: typeof analysis.score === 'number' ? analysis.score : null,
          left: oneLine(text.slice(Math.max(0, span.start - width), span.start)),
          match: oneLine(text.slice(span.start, span.end)),
          right: oneLine(text.slice(span.end, span.end + width)),
          negated: (found[i] as { negated: boolean }).negated,
        });
      });
    },
    result() {
      return {
        verbatims,
        hits: hits.slice(),
        matched,
        channels: [...channels.entries()].sort((x, y) => y[1].hits - x[1].hits || compareStrings(x[0], y[0])).map(([channel, n]) => ({ channel, ...n })),
        ...(entry !== undefined ? { entry: { id: entry.id, alreadyHad, wouldAdd: matched - alreadyHad } } : {}),
      };
    },
  };
}

/**
 * The hits as aligned lines, then the counts per channel (and the entry's
 * gain); the words in `options.lang` (default French), JSON the same in both.
 */
export function renderKwic(result: KwicResult, format: 'table' | 'json' = 'table', term = '', options: DiscoverRenderOptions = {}): string {
  if (format === 'json') return `${JSON.stringify({ term, ...result }, null, 2)}\n`;
  const { kwic: m } = discoverMessages(options.lang);
  const width = Math.max(10, ...result.hits.map((h) => widthOf(h.left)));
  const lines = result.hits.map((h) =>
    `${padStart(truncate(h.left, width), width)} [${truncate(h.match, 60)}]${h.negated ? ` ${m.negated}` : ''} ${truncate(h.right, 60)}  — ${h.channel}${h.score !== null ? `, ${h.score}` : ''}, ${h.id}`);
  lines.push('', m.total(result.hits.length, result.matched, result.verbatims, term));
  const { channel, hits, verbatims, of } = m.head;
  const cw = Math.max(widthOf(channel), ...result.channels.map((c) => widthOf(c.channel)));
  lines.push(`${padEnd(channel, cw)}  ${hits}  ${verbatims}  ${of}`);
  for (const c of result.channels) lines.push(`${padEnd(c.channel, cw)}  ${padStart(String(c.hits), widthOf(hits))}  ${padStart(String(c.matched), widthOf(verbatims))}  ${c.verbatims}`);
  if (result.entry !== undefined) lines.push('', m.entry(result.entry.id, result.entry.wouldAdd, result.entry.alreadyHad, result.matched));
  return `${lines.join('\n')}\n`;
}
