// Keyness per channel (`report.sections.insight.keyness`): words, expressions and
// entries a channel uses more or less than the others. It keeps no state of its
// own: it reads the core figures' word and entry tables.
import { finalizeCoreKeyness, type KeyItem, type KeynessChannel, type KeynessOptions, type KeynessResult } from '../insight/keyness.js';
import { anchorId, escapeHtml as esc } from '../renderers/html/escape.js';
import { absent, cell, table } from '../renderers/html/kit.js';
import { formatCount, formatNumber, formatP, formatSigned, mdCell, mdTable } from '../renderers/text.js';
import type { CsvRow, HtmlBlock, HtmlContext, MarkdownContext, SectionRenderContext } from '../renderers/view.js';
import type { Section } from '../section.js';

export type KeynessSectionOptions = KeynessOptions;

export interface KeynessWording {
  title: string;
  note(maxP: string, minFrequency: string): string;
  over: string;
  under: string;
  inChannelOthers: string;
  logRatio: string;
  notComputed: string;
  oneChannel: string;
  noKeyItems(maxP: string): string;
  nothing: string;
  html: {
    title: string;
    note(maxP: string): string;
    oneChannel: string;
    noKeyItems(maxP: string): string;
    words: string;
    concepts: string;
    inChannel: string;
    inOthers: string;
    perThousand: string;
    perHundred: string;
  };
}

const messages: Record<'fr' | 'en', KeynessWording> = {
  fr: {
    title: 'Spécificités par canal',
    note: (p, f) => `Mots, expressions et concepts sur- ou sous-représentés dans un canal par rapport aux autres (log-vraisemblance G² signé, p < ${p}, fréquence ≥ ${f}). Log ratio : log2 du rapport des fréquences relatives.`,
    over: 'Sur-représentés',
    under: 'Sous-représentés',
    inChannelOthers: 'Canal / autres',
    logRatio: 'Log ratio',
    notComputed: 'L’analyse des spécificités n’a pas été calculée pour ce rapport.',
    oneChannel: 'Un seul canal dans les données : les spécificités comparent les canaux entre eux.',
    noKeyItems: (p) => `Aucun mot ni concept ne distingue un canal des autres au seuil p < ${p}.`,
    nothing: 'rien au seuil retenu',
    html: {
      title: 'Spécificités de chaque canal',
      note: (p) =>
        `Un terme est sur-représenté quand il est nettement plus fréquent dans ce canal que dans les autres (log-vraisemblance G², p < ${p}). Fréquences pour mille mots (mots) ou pour cent verbatims (concepts).`,
      oneChannel: 'Un seul canal dans les données : les spécificités se mesurent en comparant les canaux entre eux.',
      noKeyItems: (p) => `Aucun mot ni concept ne distingue significativement un canal des autres (p < ${p}).`,
      words: 'Mots',
      concepts: 'Concepts',
      inChannel: 'Ce canal',
      inOthers: 'Autres canaux',
      perThousand: '‰ mots',
      perHundred: '% verbatims',
    },
  },
  en: {
    title: 'Keyness by channel',
    note: (p, f) => `Words, expressions and concepts over- or under-represented in a channel compared with the others (signed log-likelihood G², p < ${p}, frequency ≥ ${f}). Log ratio: log2 of the ratio of relative frequencies.`,
    over: 'Over-represented',
    under: 'Under-represented',
    inChannelOthers: 'Channel / others',
    logRatio: 'Log ratio',
    notComputed: 'The keyness analysis was not computed for this report.',
    oneChannel: 'Only one channel in the data: keyness compares channels with each other.',
    noKeyItems: (p) => `No word or concept sets a channel apart at p < ${p}.`,
    nothing: 'nothing at this threshold',
    html: {
      title: 'What sets each channel apart',
      note: (p) =>
        `A term is over-represented when it is clearly more frequent in this channel than in the others (log-likelihood G², p < ${p}). Rates per thousand words (words) or per hundred verbatims (concepts).`,
      oneChannel: 'Only one channel in the data: keyness compares channels with each other.',
      noKeyItems: (p) => `No word or concept sets a channel significantly apart (p < ${p}).`,
      words: 'Words',
      concepts: 'Concepts',
      inChannel: 'This channel',
      inOthers: 'Other channels',
      perThousand: '‰ words',
      perHundred: '% verbatims',
    },
  },
};

export function keynessSection(settings: KeynessSectionOptions = {}): Section<null, KeynessResult, KeynessWording> {
  return {
    name: 'keyness',
    at: ['insight', 'keyness'],
    init: () => null,
    add: (state) => state,
    merge: () => null,
    finalize: (_, { core }) => finalizeCoreKeyness(core, settings),
    read: (value) => (isKeynessResult(value) ? value : undefined),
    messages,
    render: {
      md: (result, ctx) => [{ lines: keynessLines(result, ctx) }],
      html: (result, ctx) => [keynessBlock(result, ctx)],
      csv: (result, ctx) => (result === undefined ? [] : keynessRows(result, ctx.label)),
    },
  };
}

// ---------------------------------------------------------------- reading back

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function isKeyItem(v: unknown): v is KeyItem {
  return isDict(v) && typeof v.key === 'string' && typeof v.kind === 'string' && isNum(v.count) && isNum(v.otherCount) && isNum(v.rate) && isNum(v.otherRate) && isNum(v.g2);
}

export const isKeyTable = (v: unknown): boolean => isDict(v) && Array.isArray(v.over) && v.over.every(isKeyItem) && Array.isArray(v.under) && v.under.every(isKeyItem);

function isKeynessChannel(v: unknown): v is KeynessChannel {
  return isDict(v) && typeof v.channel === 'string' && isNum(v.verbatims) && isKeyTable(v.word) && isKeyTable(v.concept) && (v.expression === undefined || isKeyTable(v.expression));
}

function isKeynessResult(v: unknown): v is KeynessResult {
  return isDict(v) && isDict(v.threshold) && isNum(v.threshold.maxP) && Array.isArray(v.channels) && v.channels.every(isKeynessChannel);
}

const maxPText = (maxP: number, num: (x: number, digits: number) => string): string => num(maxP, maxP < 0.01 ? 3 : 2);

// ---------------------------------------------------------------- Markdown

/** The groups keyness compared (channels, or the values of a column), in the order shown, each with its label. */
export interface KeyUnits {
  threshold: KeynessResult['threshold'];
  /** Every group compared, in the order shown. */
  units: Array<Omit<KeynessChannel, 'channel'> & { id: string; label: string }>;
  /** What a group is, heading each one (`Canal`, or the column's name). */
  heading: string;
  /** Prefix of the groups' HTML anchors. */
  anchor: string;
}

/** Channels as key units, in the report's channel order. */
function channelUnits(k: KeynessResult, ctx: SectionRenderContext<unknown>): KeyUnits {
  const units = ctx.byChannel(k.channels, (c) => c.channel).map((c) => ({ ...c, id: c.channel, label: ctx.channelLabel(c.channel) }));
  return { threshold: k.threshold, units, heading: ctx.m.channel, anchor: 'key' };
}

function keynessLines(k: KeynessResult | undefined, ctx: MarkdownContext<KeynessWording>): string[] {
  return keyUnitsLines(k === undefined ? undefined : channelUnits(k, ctx), ctx, ctx.w);
}

/** Markdown of keyness over groups, in the wording given (shared with keyness by a column). */
export function keyUnitsLines(k: KeyUnits | undefined, ctx: MarkdownContext<unknown>, w: KeynessWording): string[] {
  const { m, lang } = ctx;
  const out = [`## ${w.title}`, ''];
  if (k === undefined) return [...out, w.notComputed, ''];
  const maxP = maxPText(k.threshold.maxP, (x, d) => formatNumber(x, d, lang));
  if (k.units.filter((c) => c.verbatims > 0).length < 2) return [...out, w.oneChannel, ''];
  const items = (c: KeyUnits['units'][number], which: 'over' | 'under'): KeyItem[] => [
    ...c.concept[which].slice(0, ctx.keyItems),
    ...c.word[which].slice(0, ctx.keyItems),
    ...(isDict(c.expression) && Array.isArray(c.expression[which]) ? c.expression[which].slice(0, ctx.keyItems) : []),
  ];
  const units = k.units.filter((c) => items(c, 'over').length + items(c, 'under').length > 0);
  if (units.length === 0) return [...out, mdCell(w.noKeyItems(maxP)), ''];
  const minFrequency = typeof k.threshold.minFrequency === 'number' ? String(k.threshold.minFrequency) : '—';
  out.push(mdCell(w.note(maxP, minFrequency)), '');
  const head = ['#', m.term, m.type, w.inChannelOthers, 'G²', 'p', w.logRatio];
  const right = [true, false, false, true, true, true, true];
  const kindName = (kind: string): string => (m.kindName as Record<string, string>)[kind] ?? kind;
  for (const c of units) {
    out.push(`### ${mdCell(k.heading)}${m.colon}${mdCell(c.label)} (${c.verbatims} ${m.verbatims.toLowerCase()})`, '');
    for (const [title, which] of [[w.over, 'over'], [w.under, 'under']] as const) {
      const list = items(c, which);
      if (list.length === 0) {
        out.push(`**${mdCell(title)}**${mdCell(m.colon)}${mdCell(w.nothing)}`, '');
        continue;
      }
      const rows = list.map((item, i) => [
        String(i + 1),
        item.kind === 'concept' ? ctx.label(item.key) : item.key,
        kindName(item.kind === 'concept' ? (item.entryKind ?? 'concept') : item.kind),
        `${formatCount(item.count)} / ${formatCount(item.otherCount)}`,
        formatSigned(item.g2, 1, lang),
        typeof item.p === 'number' ? formatP(item.p, lang) : '—',
        formatSigned(typeof item.logRatio === 'number' ? item.logRatio : null, 2, lang),
      ]);
      out.push(`**${mdCell(title)}**`, '', ...mdTable(head, right, rows), '');
    }
  }
  return out;
}

// ---------------------------------------------------------------- HTML

function keyTable(ctx: HtmlContext<unknown>, w: KeynessWording, caption: string, items: KeyItem[], concept: boolean): string {
  const { m, f } = ctx;
  if (items.length === 0) return '';
  const unit = concept ? w.html.perHundred : w.html.perThousand;
  return table(
    esc(caption),
    [cell(esc(m.term)), cell(`${esc(w.html.inChannel)}<span class="sub">${esc(unit)}</span>`, true), cell(`${esc(w.html.inOthers)}<span class="sub">${esc(unit)}</span>`, true), cell('G²', true)],
    items
      .slice(0, ctx.limits.keyItems)
      .map((item) => [
        cell(concept ? `${esc(ctx.label(item.key))}${item.entryKind ? ` <span class="tag">${esc(m.html.kindOne[item.entryKind])}</span>` : ''}` : esc(item.key)),
        cell(f.num(item.rate, 1), true),
        cell(f.num(item.otherRate, 1), true),
        cell(f.num(item.g2, 1), true),
      ]),
  );
}

function keynessBlock(keyness: KeynessResult | undefined, ctx: HtmlContext<KeynessWording>): HtmlBlock {
  const block = (html: string): HtmlBlock => ({ order: 520, id: 'specificites', title: ctx.w.html.title, html });
  if (keyness === undefined) return block(absent(ctx.m.html.absent.noInsight));
  return block(keyUnitsHtml(channelUnits(keyness, ctx), ctx, ctx.w));
}

/** The HTML of keyness over groups (the block's content), in the wording given (shared with keyness by a column). */
export function keyUnitsHtml(keyness: KeyUnits, ctx: HtmlContext<unknown>, w: KeynessWording): string {
  const { m, f } = ctx;
  const h = w.html;
  const maxP = maxPText(keyness.threshold.maxP, (x, d) => f.num(x, d));
  if (keyness.units.filter((c) => c.verbatims > 0).length < 2) return absent(h.oneChannel);
  const units = keyness.units;
  const count = (c: KeyUnits['units'][number]) => c.word.over.length + c.word.under.length + c.concept.over.length + c.concept.under.length;
  if (units.every((c) => count(c) === 0)) return absent(h.noKeyItems(maxP));
  let first = true;
  const blocks = units
    .filter((c) => count(c) > 0)
    .map((c) => {
      const side = (heading: string, which: 'over' | 'under') => {
        const inner = keyTable(ctx, w, `${heading} — ${h.concepts}`, c.concept[which], true) + keyTable(ctx, w, `${heading} — ${h.words}`, c.word[which], false);
        return `<div>${inner || `<p class="note">${esc(heading)} : —</p>`}</div>`;
      };
      const summary = `${esc(c.label)} <span class="count">— ${esc(m.html.verbatimCount(f.num(c.verbatims, 0), c.verbatims))}</span>`;
      const open = first ? ' open' : '';
      first = false;
      return `<details class="channel-key" id="${anchorId(keyness.anchor, c.id)}"${open}><summary>${summary}</summary><div class="columns">${side(w.over, 'over')}${side(w.under, 'under')}</div></details>`;
    })
    .join('');
  return `<p class="note">${esc(h.note(maxP))}</p>${blocks}`;
}

// ---------------------------------------------------------------- CSV

const round = (x: number | null, digits: number): number | null => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

export function keynessRows(k: KeynessResult, label: (id: string) => string, group: (id: string) => string = (id) => id, prefix = 'keyness'): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const c of k.channels) {
    for (const kind of ['word', 'expression', 'concept'] as const) {
      const t = c[kind];
      if (t === undefined) continue;
      for (const item of [...t.over, ...t.under]) {
        const name = kind === 'concept' ? label(item.key) : item.key;
        const key = kind === 'concept' ? `${item.entryKind ?? 'concept'}:${item.key}` : item.key;
        const row = (metric: string, value: number | null) => rows.push({ section: `${prefix}_${kind}`, channel: group(c.channel), key, label: name, metric, value });
        row('g2', round(item.g2, 2));
        // p-values fall far below 0.001: three significant digits, not three decimals.
        row('p', typeof item.p === 'number' && Number.isFinite(item.p) ? Number(item.p.toPrecision(3)) : null);
        row('log_ratio', round(typeof item.logRatio === 'number' ? item.logRatio : null, 3));
        row('count', item.count);
        row('other_count', item.otherCount);
      }
    }
  }
  return rows;
}
