// Keyness by an input column (`report.sections.insight.keynessBy`, `--by COL`):
// which words, expressions and entries a brand, a region or a product uses
// more (or less) than all the others together, as the keyness by channel
// does for channels. Its state keeps word tables per value of the column,
// budgeted like the channel tables; without `groupBy` it keeps nothing (no
// state, nothing in the report).
import { ENTRY_LISTS, type VerbatimAnalysis } from '../../types.js';
import { addCount, compareStrings, dict, own, sumCounts, type Counts } from '../counts.js';
import { entryKey } from '../insight/_shared.js';
import { finalizeTablesKeyness, type KeynessChannel, type KeynessOptions, type KeynessResult, type KeynessTables } from '../insight/keyness.js';
import { escapeHtml as esc } from '../renderers/html/escape.js';
import { absent } from '../renderers/html/kit.js';
import { formatNumber, formatSigned, truncate } from '../renderers/text.js';
import type { HtmlBlock, HtmlContext, MarkdownContext, TableContext } from '../renderers/view.js';
import type { Section, SectionContext } from '../section.js';
import { keywordsWithoutPersonalData } from '../state.js';
import { addKeywords, emptyTermTable, mergeTermTables, termTableOf } from '../terms.js';
import { isKeyTable, keynessRows, keyUnitsHtml, keyUnitsLines, type KeynessWording, type KeyUnits } from './keyness.js';
import { expectedError, typeName } from '../../_utils/describe.js';

/** The group of the verbatims whose cell is empty, or that have no such field. */
export const MISSING_GROUP = '(vide)';
/** Values of the column compared at most, `(vide)` included (`ReportOptions.maxGroups`). */
export const DEFAULT_MAX_GROUPS = 50;

/** The state: the column, and the tables of each of its values. */
export interface KeynessByState {
  column: string;
  maxGroups: number;
  /** The word tables' budget (`maxVocabulary`), null: exact. */
  maxVocabulary: number | null;
  /** Verbatims counted, and those with no value (group `(vide)`). */
  verbatims: number;
  missing: number;
  /** True once more than `maxGroups` values were seen: the tables are dropped, no group is compared. */
  overflow: boolean;
  /** Value → its verbatims, word and expression tables, and entries (`kind:id` → verbatims). */
  groups: Record<string, KeynessTables>;
}

/** One value of the column, compared with all the others together. */
export interface KeynessGroup extends Omit<KeynessChannel, 'channel'> {
  /** The value as written in the column (trimmed), or `(vide)`. */
  group: string;
}

/** `report.sections.insight.keynessBy`. */
export interface KeynessByResult {
  /** The column (`groupBy`). */
  column: string;
  threshold: KeynessResult['threshold'];
  /** One per value, most verbatims first (empty when `overflow`). */
  groups: KeynessGroup[];
  /** Verbatims with no value, counted in the group `(vide)`. */
  missing: number;
  /** Verbatims counted (customers' only, as every figure). */
  verbatims: number;
  maxGroups: number;
  /** More than `maxGroups` values: none compared (a column of ids or free text, not of groups). */
  overflow: boolean;
}

export type KeynessBySectionOptions = KeynessOptions;

export interface KeynessByWording {
  keyness: (column: string) => KeynessWording;
  tooMany(column: string, maxGroups: string): string;
  missing(count: string, group: string): string;
}

const fr = (column: string): KeynessWording => ({
  title: `Spécificités par ${column}`,
  note: (p, f) => `Mots, expressions et concepts sur- ou sous-représentés pour une valeur de ${column} par rapport aux autres (log-vraisemblance G² signé, p < ${p}, fréquence ≥ ${f}). Log ratio : log2 du rapport des fréquences relatives.`,
  over: 'Sur-représentés',
  under: 'Sous-représentés',
  inChannelOthers: 'Valeur / autres',
  logRatio: 'Log ratio',
  notComputed: `L’analyse des spécificités par ${column} n’a pas été calculée pour ce rapport.`,
  oneChannel: `Une seule valeur de ${column} dans les données : les spécificités comparent les valeurs entre elles.`,
  noKeyItems: (p) => `Aucun mot ni concept ne distingue une valeur de ${column} des autres au seuil p < ${p}.`,
  nothing: 'rien au seuil retenu',
  html: {
    title: `Spécificités par ${column}`,
    note: (p) => `Un terme est sur-représenté quand il est nettement plus fréquent pour cette valeur de ${column} que pour les autres (log-vraisemblance G², p < ${p}). Fréquences pour mille mots (mots) ou pour cent verbatims (concepts).`,
    oneChannel: `Une seule valeur de ${column} dans les données : les spécificités se mesurent en comparant les valeurs entre elles.`,
    noKeyItems: (p) => `Aucun mot ni concept ne distingue significativement une valeur de ${column} des autres (p < ${p}).`,
    words: 'Mots',
    concepts: 'Concepts',
    inChannel: 'Cette valeur',
    inOthers: 'Autres valeurs',
    perThousand: '‰ mots',
    perHundred: '% verbatims',
  },
});

const en = (column: string): KeynessWording => ({
  title: `Keyness by ${column}`,
  note: (p, f) => `Words, expressions and concepts over- or under-represented for a value of ${column} compared with the others (signed log-likelihood G², p < ${p}, frequency ≥ ${f}). Log ratio: log2 of the ratio of relative frequencies.`,
  over: 'Over-represented',
  under: 'Under-represented',
  inChannelOthers: 'Value / others',
  logRatio: 'Log ratio',
  notComputed: `The keyness analysis by ${column} was not computed for this report.`,
  oneChannel: `Only one value of ${column} in the data: keyness compares values with each other.`,
  noKeyItems: (p) => `No word or concept sets a value of ${column} apart at p < ${p}.`,
  nothing: 'nothing at this threshold',
  html: {
    title: `What sets each ${column} apart`,
    note: (p) => `A term is over-represented when it is clearly more frequent for this value of ${column} than for the others (log-likelihood G², p < ${p}). Rates per thousand words (words) or per hundred verbatims (concepts).`,
    oneChannel: `Only one value of ${column} in the data: keyness compares values with each other.`,
    noKeyItems: (p) => `No word or concept sets a value of ${column} significantly apart (p < ${p}).`,
    words: 'Words',
    concepts: 'Concepts',
    inChannel: 'This value',
    inOthers: 'Other values',
    perThousand: '‰ words',
    perHundred: '% verbatims',
  },
});

const messages: Record<'fr' | 'en', KeynessByWording> = {
  fr: {
    keyness: fr,
    tooMany: (column, max) => `${column} a plus de ${max} valeurs distinctes : les spécificités par ${column} ne sont pas calculées (regroupez les valeurs, ou relevez maxGroups).`,
    missing: (count, group) => `${count} verbatims sans valeur, comptés dans le groupe « ${group} ».`,
  },
  en: {
    keyness: en,
    tooMany: (column, max) => `${column} has more than ${max} distinct values: no keyness by ${column} (group the values, or raise maxGroups).`,
    missing: (count, group) => `${count} verbatims with no value, counted in the group "${group}".`,
  },
};

/** The column of `groupBy`, or undefined without one. */
function columnOf(context: SectionContext): string | undefined {
  const column = context.options.groupBy;
  if (column === undefined) return undefined;
  if (typeof column !== 'string' || column.trim() === '') throw expectedError('options.groupBy to be a column name', typeName(column));
  return column.trim();
}

function emptyGroup(): KeynessTables {
  return { verbatims: 0, keywords: emptyTermTable(), expressions: emptyTermTable(), entries: dict() };
}

/** The empty state of `groupBy`, or undefined without one. */
export function emptyKeynessByState(context: SectionContext): KeynessByState | undefined {
  const column = columnOf(context);
  if (column === undefined) return undefined;
  const maxGroups = context.options.maxGroups ?? DEFAULT_MAX_GROUPS;
  if (typeof maxGroups !== 'number' || !Number.isInteger(maxGroups) || maxGroups < 2) {
    throw expectedError('options.maxGroups to be a whole number of 2 or more', String(maxGroups));
  }
  return { column, maxGroups, maxVocabulary: context.options.maxVocabulary ?? null, verbatims: 0, missing: 0, overflow: false, groups: dict() };
}

/** The verbatim's value of the column (trimmed), or `(vide)`. */
export function groupOf(analysis: VerbatimAnalysis, column: string): string {
  const value = analysis.meta !== undefined && Object.hasOwn(analysis.meta, column) ? analysis.meta[column] : undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? MISSING_GROUP : text;
}

const KINDS = ['theme', 'concept', 'irritant', 'enchantment'] as const;

export function addKeynessBy(state: KeynessByState, analysis: VerbatimAnalysis, context: SectionContext): void {
  const group = groupOf(analysis, state.column);
  state.verbatims += 1;
  if (group === MISSING_GROUP) state.missing += 1;
  if (state.overflow) return;
  let tables = own(state.groups, group);
  if (tables === undefined) {
    if (Object.keys(state.groups).length >= state.maxGroups) {
      overflow(state);
      return;
    }
    tables = state.groups[group] = emptyGroup();
  }
  tables.verbatims += 1;
  const keywords = context.options.maskPersonalData === false ? analysis.keywords : keywordsWithoutPersonalData(analysis);
  addKeywords(tables.keywords, tables.expressions, keywords, state.maxVocabulary);
  for (const kind of KINDS) for (const id of new Set(analysis[ENTRY_LISTS[kind]])) addCount(tables.entries, entryKey(kind, id));
}

function overflow(state: KeynessByState): void {
  state.overflow = true;
  state.groups = dict();
}

/** Sum of two states of the same column and settings (a new state): more than `maxGroups` values in all overflows. */
export function mergeKeynessBy(a: KeynessByState | undefined, b: KeynessByState | undefined): KeynessByState | undefined {
  if (a === undefined || b === undefined) return a === undefined && b === undefined ? undefined : mergeKeynessBy(a ?? emptyLike(b!), b ?? emptyLike(a!));
  for (const key of ['column', 'maxGroups', 'maxVocabulary'] as const) {
    if (a[key] !== b[key]) throw expectedError(`keyness-by states built with the same ${key}`, `${String(a[key])} and ${String(b[key])}`);
  }
  const out: KeynessByState = { ...emptyLike(a), verbatims: a.verbatims + b.verbatims, missing: a.missing + b.missing, overflow: a.overflow || b.overflow };
  if (out.overflow) return out;
  const names = new Set([...Object.keys(a.groups), ...Object.keys(b.groups)]);
  if (names.size > a.maxGroups) {
    overflow(out);
    return out;
  }
  for (const name of [...names].sort(compareStrings)) {
    const x = own(a.groups, name) ?? emptyGroup();
    const y = own(b.groups, name) ?? emptyGroup();
    out.groups[name] = {
      verbatims: x.verbatims + y.verbatims,
      keywords: mergeTermTables(termTableOf(x.keywords), termTableOf(y.keywords), a.maxVocabulary),
      expressions: mergeTermTables(termTableOf(x.expressions), termTableOf(y.expressions), a.maxVocabulary),
      entries: sumCounts([x.entries, y.entries]),
    };
  }
  return out;
}

const emptyLike = (s: KeynessByState): KeynessByState => ({ column: s.column, maxGroups: s.maxGroups, maxVocabulary: s.maxVocabulary, verbatims: 0, missing: 0, overflow: false, groups: dict() });

export function finalizeKeynessBy(state: KeynessByState | undefined, options: KeynessOptions = {}): KeynessByResult | undefined {
  if (state === undefined || state === null) return undefined;
  const keyness = finalizeTablesKeyness(state.groups, options);
  const groups = keyness.channels
    .map(({ channel, ...rest }): KeynessGroup => ({ group: channel, ...rest }))
    .sort((x, y) => y.verbatims - x.verbatims || compareStrings(x.group, y.group));
  return { column: state.column, threshold: keyness.threshold, groups, missing: state.missing, verbatims: state.verbatims, maxGroups: state.maxGroups, overflow: state.overflow };
}

export function keynessBySection(settings: KeynessBySectionOptions = {}): Section<KeynessByState | undefined, KeynessByResult | undefined, KeynessByWording> {
  return {
    name: 'keynessBy',
    at: ['insight', 'keynessBy'],
    init: (context) => emptyKeynessByState(context),
    add: (state, analysis, context) => {
      if (state !== undefined) addKeynessBy(state, analysis, context);
      return state;
    },
    merge: (a, b) => mergeKeynessBy(a, b),
    finalize: (state) => finalizeKeynessBy(state, settings),
    read: (value) => (isKeynessByResult(value) ? value : undefined),
    messages,
    render: {
      table: (result, ctx) => (result === undefined ? [] : [{ order: 520, lines: keynessByTable(result, ctx) }]),
      md: (result, ctx) => (result === undefined ? [] : [{ lines: keynessByLines(result, ctx) }]),
      html: (result, ctx) => (result === undefined ? [] : [keynessByBlock(result, ctx)]),
      csv: (result, ctx) => {
        if (result === undefined) return [];
        const asResult: KeynessResult = { threshold: result.threshold, channels: result.groups.map(({ group, ...rest }) => ({ channel: group, ...rest })) };
        return [
          { section: 'keyness_by', channel: '', key: 'column', label: result.column, metric: 'verbatims', value: result.verbatims },
          { section: 'keyness_by', channel: '', key: 'missing', label: MISSING_GROUP, metric: 'verbatims', value: result.missing },
          { section: 'keyness_by', channel: '', key: 'overflow', label: String(result.maxGroups), metric: 'max_groups', value: result.overflow },
          ...keynessRows(asResult, ctx.label, (group) => `${result.column}=${group}`, 'keyness_by'),
        ];
      },
    },
  };
}

// ---------------------------------------------------------------- reading back

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isKeynessByResult(v: unknown): v is KeynessByResult {
  return (
    isDict(v) && typeof v.column === 'string' && isDict(v.threshold) && isNum(v.threshold.maxP) && isNum(v.missing) && typeof v.overflow === 'boolean' &&
    Array.isArray(v.groups) && v.groups.every((g) => isDict(g) && typeof g.group === 'string' && isNum(g.verbatims) && isKeyTable(g.word) && isKeyTable(g.concept) && (g.expression === undefined || isKeyTable(g.expression)))
  );
}

// ---------------------------------------------------------------- rendering

function units(result: KeynessByResult): KeyUnits {
  return { threshold: result.threshold, units: result.groups.map((g) => ({ ...g, id: g.group, label: g.group })), heading: result.column, anchor: 'key-by' };
}

const count = (n: number, lang: string): string => (lang === 'fr' ? n.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ') : n.toLocaleString('en-US'));

function notes(result: KeynessByResult, w: KeynessByWording, lang: string): string[] {
  const out: string[] = [];
  if (result.overflow) out.push(w.tooMany(result.column, String(result.maxGroups)));
  if (result.missing > 0) out.push(w.missing(count(result.missing, lang), MISSING_GROUP));
  return out;
}

function keynessByLines(result: KeynessByResult, ctx: MarkdownContext<KeynessByWording>): string[] {
  const w = ctx.w.keyness(result.column);
  if (result.overflow) return [`## ${w.title}`, '', ...notes(result, ctx.w, ctx.lang), ''];
  const lines = keyUnitsLines(units(result), ctx, w);
  const extra = notes(result, ctx.w, ctx.lang);
  return extra.length === 0 ? lines : [...lines.slice(0, 2), ...extra, '', ...lines.slice(2)];
}

function keynessByBlock(result: KeynessByResult, ctx: HtmlContext<KeynessByWording>): HtmlBlock {
  const w = ctx.w.keyness(result.column);
  const extra = notes(result, ctx.w, ctx.lang).map((n) => `<p class="note">${esc(n)}</p>`).join('');
  const body = result.overflow ? absent(ctx.w.tooMany(result.column, String(result.maxGroups))) : `${extra}${keyUnitsHtml(units(result), ctx, w)}`;
  return { order: 521, id: 'specificites-par-groupe', title: w.html.title, html: body };
}

/** Terminal lines: per value, its most over-represented entries and words. */
function keynessByTable(result: KeynessByResult, ctx: TableContext<KeynessByWording>): string[] {
  const w = ctx.w.keyness(result.column);
  const out = ['', ctx.heading(w.title)];
  for (const note of notes(result, ctx.w, ctx.lang)) out.push(truncate(note, ctx.width));
  if (result.overflow) return out;
  if (result.groups.filter((g) => g.verbatims > 0).length < 2) return [...out, truncate(w.oneChannel, ctx.width)];
  let shown = 0;
  for (const g of result.groups) {
    const over = [...g.concept.over.map((i) => ctx.label(i.key)), ...g.word.over.map((i) => i.key)].slice(0, Math.min(ctx.top, 6));
    if (over.length === 0) continue;
    shown += 1;
    const best = g.concept.over[0] ?? g.word.over[0];
    const g2 = best === undefined ? '' : ` (G² ${formatSigned(best.g2, 1, ctx.lang)})`;
    out.push(truncate(`${g.group} (${count(g.verbatims, ctx.lang)})${ctx.m.colon}${over.join(', ')}${g2}`, ctx.width));
  }
  const maxP = result.threshold.maxP;
  if (shown === 0) out.push(truncate(w.noKeyItems(formatNumber(maxP, maxP < 0.01 ? 3 : 2, ctx.lang)), ctx.width));
  return out;
}
