// Co-occurrence (`report.sections.insight.cooccurrence`): entries cited in the same
// verbatim, and how much more often than chance (lift).
import {
  addCooccurrence,
  emptyCooccurrenceState,
  finalizeCooccurrence,
  mergeCooccurrence,
  mergeCooccurrenceChannels,
  type CooccurrenceAccumulatorOptions,
  type CooccurrenceOptions,
  type CooccurrencePair,
  type CooccurrenceResult,
  type CooccurrenceState,
  type CooccurrenceTable,
} from '../insight/cooccurrence.js';
import { escapeHtml as esc, examplesAnchor } from '../renderers/html/escape.js';
import { absent, cell, table } from '../renderers/html/kit.js';
import { formatCount, formatNumber, mdCell, mdTable } from '../renderers/text.js';
import type { CsvRow, HtmlBlock, HtmlContext } from '../renderers/view.js';
import { ENTRY_LISTS, type EntryKind } from '../../types.js';
import type { Section } from '../section.js';

export type CooccurrenceSectionOptions = CooccurrenceAccumulatorOptions & CooccurrenceOptions;

export interface CooccurrenceWording {
  title: string;
  note: string;
  itemA: string;
  itemB: string;
  together: string;
  lift: string;
  notComputed: string;
  noPairs: string;
  /** Said when the pair tables reached their budget or verbatims were capped: `n` is the most a count may fall short. */
  approximate: (n: string) => string;
}

const messages: Record<'fr' | 'en', CooccurrenceWording> = {
  fr: {
    title: 'Co-occurrences',
    note: 'Paires d’éléments cités dans un même verbatim. Lift : fréquence observée de la paire rapportée à celle attendue par hasard (> 1 : plus souvent ensemble). Un concept n’est pas apparié à un irritant ou un enchantement de son propre thème.',
    itemA: 'Élément A',
    itemB: 'Élément B',
    together: 'Ensemble',
    lift: 'Lift',
    notComputed: 'L’analyse des co-occurrences n’a pas été calculée pour ce rapport.',
    noPairs: 'Aucune paire d’éléments n’est citée ensemble assez souvent.',
    approximate: (n) => `Comptes approchés : trop de paires différentes pour les garder toutes (--vocabulary), ou des verbatims qui citent trop d’éléments pour les apparier tous ; chaque compte de paire peut être inférieur à la réalité de ${n} verbatims au plus.`,
  },
  en: {
    title: 'Co-occurrences',
    note: 'Pairs of items cited in the same verbatim. Lift: observed frequency of the pair over the frequency expected by chance (> 1: more often together). A concept is not paired with an irritant or enchantment of its own theme.',
    itemA: 'Item A',
    itemB: 'Item B',
    together: 'Together',
    lift: 'Lift',
    notComputed: 'The co-occurrence analysis was not computed for this report.',
    noPairs: 'No pair of items is cited together often enough.',
    approximate: (n) => `Approximate counts: too many different pairs to keep them all (--vocabulary), or verbatims citing too many items to pair them all; each pair count may fall short of the truth by at most ${n} verbatims.`,
  },
};

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

function isPair(p: unknown): p is CooccurrencePair {
  const side = (x: unknown) => isDict(x) && typeof x.id === 'string' && typeof x.kind === 'string';
  return isDict(p) && side(p.a) && side(p.b) && typeof p.count === 'number' && typeof p.lift === 'number';
}

/**
 * Entries a verbatim pairs at most in a report: a verbatim's pairs grow with
 * the square of its entries. The default French lexicons have 101 entries
 * that pair (themes, concepts, irritants, enchantments): their reports are
 * never capped.
 */
export const DEFAULT_MAX_ENTRIES = 128;

/** Pairs listed in the HTML report. */
const HTML_PAIRS = 15;

/** The pairs as a table, each item linked to its example verbatims when the page lists them. */
function cooccurrenceHtml(c: CooccurrenceResult | undefined, ctx: HtmlContext<CooccurrenceWording>): HtmlBlock {
  const { w, m, f, report } = ctx;
  const block = (html: string): HtmlBlock => ({ order: 525, id: 'cooccurrences', title: w.title, html });
  if (c === undefined) return block(absent(w.notComputed));
  const pairs = c.pairs.filter(isPair).slice(0, HTML_PAIRS);
  if (pairs.length === 0) return block(absent(w.noPairs));
  const listed = (kind: string, id: string): boolean =>
    Object.hasOwn(ENTRY_LISTS, kind) && report.all[ENTRY_LISTS[kind as EntryKind]].some((e) => e.id === id && e.verbatims > 0);
  const item = (side: CooccurrencePair['a']): string => {
    const name = esc(ctx.label(side.id));
    const tag = (m.html.kindOne as Record<string, string>)[side.kind];
    const label = listed(side.kind, side.id) ? `<a href="#${examplesAnchor(side.kind, side.id)}">${name}</a>` : name;
    return tag === undefined ? label : `${label} <span class="tag">${esc(tag)}</span>`;
  };
  const rows = pairs.map((p) => [cell(item(p.a)), cell(item(p.b)), cell(f.num(p.count, 0), true), cell(f.num(p.lift, 2), true)]);
  const approximate = undercount(c) > 0 ? `<p class="note">${esc(w.approximate(f.num(undercount(c), 0)))}</p>` : '';
  return block(`<p class="note">${esc(w.note)}</p>${approximate}${table(null, [cell(esc(w.itemA)), cell(esc(w.itemB)), cell(esc(w.together), true), cell(esc(w.lift), true)], rows)}`);
}

/** The result's undercount bound (0 when exact, or in a report written before it). */
const undercount = (c: CooccurrenceResult): number => (typeof c.maxUndercount === 'number' && c.maxUndercount > 0 ? c.maxUndercount : 0);

const round = (x: unknown, digits: number): number | null => (typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

export function cooccurrenceSection(settings: CooccurrenceSectionOptions = {}): Section<CooccurrenceState, CooccurrenceResult, CooccurrenceWording> {
  const { kinds, keepOwnTheme, maxPairs, maxEntries = DEFAULT_MAX_ENTRIES, ...finalize } = settings;
  const accumulate: CooccurrenceAccumulatorOptions = { ...(kinds ? { kinds } : {}), ...(keepOwnTheme !== undefined ? { keepOwnTheme } : {}) };
  return {
    name: 'cooccurrence',
    at: ['insight', 'cooccurrence'],
    // The pairs' budget is the word tables' unless given: one knob bounds what grows with the input.
    init: ({ options }) => emptyCooccurrenceState({ ...accumulate, maxPairs: maxPairs === undefined ? (options.maxVocabulary ?? null) : maxPairs, maxEntries }),
    add(state, analysis) {
      addCooccurrence(state, analysis);
      return state;
    },
    merge: mergeCooccurrence,
    mergeChannels: mergeCooccurrenceChannels,
    finalize: (state) => finalizeCooccurrence(state, finalize),
    read: (v) => (isDict(v) && typeof v.verbatims === 'number' && Array.isArray(v.pairs) ? (v as unknown as CooccurrenceResult) : undefined),
    messages,
    render: {
      md(c, ctx) {
        const { w, m, lang } = ctx;
        const out = [`## ${w.title}`, ''];
        if (c === undefined) return [{ lines: [...out, w.notComputed, ''] }];
        const pairs = c.pairs.filter(isPair).slice(0, ctx.top);
        if (pairs.length === 0) return [{ lines: [...out, w.noPairs, ''] }];
        const name = (id: string, kind: string) => `${ctx.label(id)} (${(m.kindName as Record<string, string>)[kind] ?? kind})`;
        const table = mdTable(
          ['#', w.itemA, w.itemB, w.together, 'A', 'B', w.lift],
          [true, false, false, true, true, true, true],
          pairs.map((p, i) => [String(i + 1), name(p.a.id, p.a.kind), name(p.b.id, p.b.kind), String(p.count), formatCount(p.a.count), formatCount(p.b.count), formatNumber(p.lift, 2, lang)]),
        );
        const approximate = undercount(c) > 0 ? [mdCell(w.approximate(String(undercount(c)))), ''] : [];
        return [{ lines: [...out, mdCell(w.note), '', ...approximate, ...table, ''] }];
      },
      html: (c, ctx) => [cooccurrenceHtml(c, ctx)],
      csv(c, ctx) {
        if (c === undefined) return [];
        const rows: CsvRow[] = [];
        const tables: Array<Partial<CooccurrenceTable> & { channel: string }> = [{ channel: 'all', pairs: c.pairs, ...(c.maxUndercount !== undefined ? { maxUndercount: c.maxUndercount } : {}) }, ...(Array.isArray(c.channels) ? c.channels : [])];
        for (const t of tables) {
          const short = typeof t.maxUndercount === 'number' && t.maxUndercount > 0 ? t.maxUndercount : 0;
          if (short > 0) rows.push({ section: 'cooccurrence', channel: t.channel, key: '', label: '', metric: 'max_undercount', value: short });
          for (const p of (Array.isArray(t.pairs) ? t.pairs : []).filter(isPair)) {
            const key = `${p.a.kind}:${p.a.id} + ${p.b.kind}:${p.b.id}`;
            const label = `${ctx.label(p.a.id)} + ${ctx.label(p.b.id)}`;
            const row = (metric: string, value: number | null) => rows.push({ section: 'cooccurrence', channel: t.channel, key, label, metric, value });
            row('verbatims', p.count);
            row('lift', round(p.lift, 3));
            row('support', round(p.support, 4));
            row('confidence_ab', round(p.confidenceAB, 4));
            row('confidence_ba', round(p.confidenceBA, 4));
          }
        }
        return rows;
      },
    },
  };
}
