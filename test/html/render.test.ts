import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/index.js';
import { renderHtml } from '../../src/report/renderers/html.js';
import { renderReport } from '../../src/report/renderers/index.js';
import { anchorId, escapeHtml, examplesAnchor, highlightText } from '../../src/report/renderers/html/escape.js';
import type { Insight, Report } from '../../src/index.js';
import { TRICKY_TEXT, allExamples, fixtureReport, sectionOf } from './_helpers.js';

const SECTION_IDS = ['synthese', 'canaux', 'comparaison', 'themes', 'irritants', 'evolution', 'specificites', 'cooccurrences', 'parcours', 'exemples'];

/** Text content of an HTML string, roughly (tags dropped, the few entities we write decoded). */
function unescape(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('highlightText', () => {
  it.each([
    ['no highlight', 'a < b & c', [], 'a &lt; b &amp; c'],
    ['markup inside the span', 'x <b>y</b> z', [[2, 10]], 'x <mark>&lt;b&gt;y&lt;/b&gt;</mark> z'],
    ['quotes around', '"abc"', [[1, 4]], '&quot;<mark>abc</mark>&quot;'],
    ['span at both ends', 'abcdef', [[0, 2], [4, 6]], '<mark>ab</mark>cd<mark>ef</mark>'],
    ['overlapping spans merge', 'abcdef', [[1, 4], [2, 5]], 'a<mark>bcde</mark>f'],
    ['touching spans merge', 'abcdef', [[1, 3], [3, 5]], 'a<mark>bcde</mark>f'],
    ['unsorted spans', 'abcdef', [[4, 5], [0, 1]], '<mark>a</mark>bcd<mark>e</mark>f'],
    ['out of range is clamped', 'abc', [[-2, 1], [2, 99]], '<mark>a</mark>b<mark>c</mark>'],
    ['empty and inverted spans are ignored', 'abc', [[1, 1], [2, 1]], 'abc'],
  ] as Array<[string, string, Array<[number, number]>, string]>)('%s', (_, text, spans, expected) => {
    expect(highlightText(text, spans.map(([start, end]) => ({ start, end, id: 'x' })))).toBe(expected);
  });

  it('keeps the text intact and marks exactly the spans (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'é', '<', '>', '&', '"', "'", ' ', 'm', '/') , maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(45), fc.nat(45)), { maxLength: 5 }),
        (text, raw) => {
          const html = highlightText(text, raw.map(([start, end]) => ({ start, end, id: 'x' })));
          expect(html).not.toMatch(/<(?!\/?mark>)/);
          expect(unescape(html.replace(/<\/?mark>/g, ''))).toBe(text);
          const covered = new Set<number>();
          for (const [start, end] of raw) for (let i = Math.max(0, start); i < Math.min(text.length, end); i++) covered.add(i);
          const marked = [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => unescape(m[1] as string)).join('');
          expect(marked).toBe([...text].filter((_, i) => covered.has(i)).join(''));
        },
      ),
    );
  });
});

const insightOf = (report: Report): Insight => report.sections.insight as Insight;

describe('renderHtml on the fixture report', () => {
  let html = '';
  let report: Report;
  beforeAll(async () => {
    report = fixtureReport();
    html = await renderHtml(report);
  });

  it('is one HTML document in French', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Rapport verbatim-fr</title>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it.each(SECTION_IDS)('has section %s, listed in the table of contents', (id) => {
    expect(html).toContain(`<section id="${id}" aria-labelledby="h-${id}"><h2 id="h-${id}">`);
    expect(html).toContain(`<li><a href="#${id}">`);
  });

  it('draws every chart as inline SVG named for assistive technology', () => {
    const svgs = [...html.matchAll(/<svg [^>]*>/g)].map((m) => m[0]);
    // comparison, heat map, irritants, two trend charts, journey
    expect(svgs).toHaveLength(6);
    for (const svg of svgs) {
      expect(svg).toMatch(/role="img"/);
      expect(svg).toMatch(/aria-label="[^"]{20,}"/);
    }
    const figures = html.match(/<figure /g) ?? [];
    const captions = html.match(/<figcaption id="cap-[^"]+">[^<]{10,}/g) ?? [];
    expect(figures).toHaveLength(6);
    expect(captions).toHaveLength(6);
  });

  it('loads nothing: no script, no stylesheet link, no remote URL outside text', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio|source)\b/i);
    expect(html).not.toMatch(/@import|url\((?!#svg-)/i);
    expect(html).not.toMatch(/\b(src|href|xlink:href|action|srcset|poster)\s*=\s*["']?\s*(https?:)?\/\//i);
    for (const m of html.matchAll(/https?:\/\//g)) {
      const before = html.slice(0, m.index);
      expect(before.lastIndexOf('<') < before.lastIndexOf('>'), `URL inside a tag at ${m.index}`).toBe(true);
    }
    for (const href of html.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^#[\w-]+$/);
  });

  it('links only to anchors that exist', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(ids.has(m[1]), m[1]).toBe(true);
    expect(ids.size).toBe([...html.matchAll(/\sid="([^"]+)"/g)].length);
  });

  it('shows the per-channel table with every channel and the all-channels row', () => {
    const table = sectionOf(html, 'canaux');
    // Every channel of the fixture has fewer than 10 verbatims: each is tagged a low base, its n in the tag's title.
    for (const ch of report.channels) expect(table).toContain(`<th scope="row">${escapeHtml(ch.label)} <span class="tag low-base" title="n = ${ch.verbatims}">base faible</span></th>`);
    expect(table).toContain('<tfoot><tr><th scope="row">Tous canaux</th>');
    expect(table).toContain('% avec irritant');
    expect(table).toMatch(/NPS [−+]\d+/);
  });

  it('shows chat exchanges per conversation from sections.chat, only where there are transcripts', () => {
    const chat = (report.sections.chat as Array<{ channel: string; conversations: number; exchanges: { mean: number } }>).find((c) => c.channel === 'chat');
    if (chat === undefined) throw new Error('fixture: no chat figures');
    const table = sectionOf(html, 'canaux');
    expect(table).toContain('Échanges par conversation');
    const row = table.slice(table.indexOf('<th scope="row">Chat '), table.indexOf('</tr>', table.indexOf('<th scope="row">Chat ')));
    expect(row).toContain(`${chat.exchanges.mean.toFixed(1).replace('.', ',')}<span class="sub">`);
    expect(row).toContain(`${chat.conversations} conversations`);
    const email = table.slice(table.indexOf('<th scope="row">E-mail '), table.indexOf('</tr>', table.indexOf('<th scope="row">E-mail ')));
    expect(email.endsWith('<td class="num">—</td>')).toBe(true);
  });

  it('ranks irritants with their score impact and links them to their verbatims', () => {
    const section = sectionOf(html, 'irritants');
    expect(section).toContain('Impact sur le % de satisfaits (points)');
    for (const e of report.all.irritants) expect(section).toContain(`<a href="#${anchorId('ex', 'irritant', e.id)}">`);
    const scores = insightOf(report).scores;
    const worst = scores.entries.irritant.find((e) => !e.lowBase && e.impact !== null && e.impact < 0);
    if (worst === undefined) throw new Error('fixture: no harmful irritant');
    const label = report.all.irritants.find((e) => e.id === worst.id)?.label as string;
    const impact = (worst.impact as number).toFixed(1).replace('.', ',').replace('-', '−');
    expect(section).toContain(`Le plus pénalisant pour le % de satisfaits : ${escapeHtml(label)} (${impact} points)`);
  });

  it('gives each scale its impacts side by side, with intervals, and one headline figure per scale', () => {
    const section = sectionOf(html, 'irritants');
    expect(section).toContain('<p class="note" role="note">Les canaux notent sur des échelles différentes (étoiles, NPS…)');
    // One impact column and one chart panel per scale; the interval under each impact, n.s. when it holds 0.
    expect(section).toContain('Impact sur le % de satisfaits (points) — étoiles (1–5)');
    expect(section).toContain('Impact sur le NPS (points) — NPS (0–10)');
    expect(section.match(/<g class="ci">/g)).toHaveLength(1);
    expect(section).toContain('<span class="sub">[−52,1 ; −14,5]</span>');
    const summary = sectionOf(html, 'synthese');
    expect(summary).toContain('<dt>Score global</dt><dd>2,5/5 (Avis en ligne) · NPS +40 (Enquête)<span class="sub">n = 6 · n = 5</span></dd>');
    expect(summary).not.toContain('échelles mixtes');
  });

  it('marks low bases: a trend period under the threshold is not drawn, its n in grey; a small channel score is tagged', () => {
    const trends = sectionOf(html, 'evolution');
    expect(trends).toContain('class="low-base"');
    expect(trends).toContain('>n = 7</text>');
    expect(trends).toContain('janv. 2026 <span class="tag">base faible</span>');
    expect(trends).not.toMatch(/<circle class="point" cx="216"/);
    expect(sectionOf(html, 'canaux')).toContain('NPS +40<span class="sub">n = 5 <span class="tag">base faible</span></span>');
  });

  it('lists an expandable entry with examples for every theme, concept, irritant and enchantment', () => {
    const section = sectionOf(html, 'exemples');
    for (const [kind, list] of [['theme', report.all.themes], ['concept', report.all.concepts], ['irritant', report.all.irritants], ['enchantment', report.all.enchantments]] as const) {
      // The anchor is inside the folded entry, so a link to it unfolds the entry.
      for (const e of list) expect(section).toMatch(new RegExp(`<details class="entry"><summary>${escapeRegExp(escapeHtml(e.label))} <span class="count">[^<]*</span></summary><(ul|p) class="(examples|note)" id="${anchorId('ex', kind, e.id)}">`));
    }
    // One highlight per example in the fixture: each overall example is shown, marked.
    const overall = [...section.matchAll(/<ul class="examples" id="ex-[\w]+-[\w]+">(.*?)<\/ul>/g)].map((m) => m[1]).join('');
    expect(overall.match(/<mark>/g)).toHaveLength(allExamples(report).length);
  });

  it('lists the examples of each theme, irritant and enchantment channel by channel, folded under the channel', () => {
    const section = sectionOf(html, 'exemples');
    let lists = 0;
    for (const [kind, key] of [['theme', 'themes'], ['irritant', 'irritants'], ['enchantment', 'enchantments']] as const) {
      for (const ch of report.channels) {
        for (const e of ch[key].filter((x) => x.verbatims > 0)) {
          const id = examplesAnchor(kind, e.id, ch.channel);
          const start = section.indexOf(` id="${id}"`);
          expect(start, id).toBeGreaterThan(0);
          // Under the channel's own summary, with the entry's count in that channel.
          expect(section.slice(section.lastIndexOf('<details class="channel-examples">', start), start)).toContain(`<summary>${escapeHtml(ch.label)} <span class="tag low-base" title="n = ${ch.verbatims}">base faible</span> <span class="count">— ${e.verbatims} verbatim`);
          const list = section.slice(start, section.indexOf('</details>', start));
          expect(list.match(/<li>/g) ?? [], id).toHaveLength(e.examples.length);
          for (const x of e.examples) expect(list).toContain(highlightText(x.text, x.highlights));
          lists++;
        }
      }
    }
    expect(lists).toBeGreaterThan(5);
    // Concepts and intents keep their overall examples only.
    expect(section).not.toMatch(/id="ex-(concept|intent)-\w+--/);
  });

  it('links each heat map cell with verbatims to that theme\'s examples in that channel', () => {
    const figure = sectionOf(html, 'themes');
    const svg = figure.slice(figure.indexOf('<svg'), figure.indexOf('</svg>'));
    const expected: string[] = [];
    for (const t of report.all.themes.filter((x) => x.verbatims > 0)) {
      for (const ch of report.channels.filter((c) => c.verbatims > 0)) {
        if ((ch.themes.find((x) => x.id === t.id)?.verbatims ?? 0) > 0) expected.push(`#${examplesAnchor('theme', t.id, ch.channel)}`);
      }
    }
    const links = [...svg.matchAll(/<a href="([^"]+)"><rect class="cell"/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(expected.sort());
    expect(svg.match(/<rect class="cell"/g)?.length).toBeGreaterThan(links.length); // empty cells are not links
    // The data table under the chart links the same cells.
    const data = figure.slice(figure.indexOf('<details class="data">'));
    for (const href of expected) expect(data).toContain(`<a href="${href}">`);
  });

  it('lists co-occurring pairs with links to their examples', () => {
    const section = sectionOf(html, 'cooccurrences');
    expect(section).toContain(`<a href="#${examplesAnchor('irritant', 'retard_livraison')}">`);
    expect(section).toContain(`<a href="#${examplesAnchor('theme', 'prix')}">`);
    expect(section).toContain('<td class="num">4,00</td>');
  });

  it('renders keyness with G² per channel', () => {
    const section = sectionOf(html, 'specificites');
    expect(section).toContain('Sur-représentés');
    expect(section).toContain('G²');
    // Two channels have key items (reviews, chat); the survey and e-mails have none.
    expect(section.match(/<details class="channel-key"/g)).toHaveLength(2);
    expect(section).toContain('<details class="channel-key" id="key-avis_en_ligne" open>');
  });

  it('stays small and is deterministic', async () => {
    const size = Buffer.byteLength(html);
    expect(size).toBeLessThan(200 * 1024);
    expect(await renderHtml(fixtureReport())).toBe(html);
  });

  it('speaks English when asked', async () => {
    const en = await renderHtml(report, { lang: 'en', title: 'VoC <Q1>' });
    expect(en.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(en).toContain('<title>VoC &lt;Q1&gt;</title>');
    expect(en).toContain('Irritants and score impact');
  });
});

describe('renderHtml on tricky text', () => {
  it('escapes example text and marks the matched words at the report offsets', async () => {
    const report = fixtureReport();
    report.sections.chat = [];
    const html = await renderHtml(report);
    const example = report.all.irritants.find((e) => e.id === 'retard_livraison')?.examples.find((x) => x.text === TRICKY_TEXT);
    const [h] = example?.highlights ?? [];
    expect(h).toBeDefined();
    const { start, end } = h as { start: number; end: number };
    expect(TRICKY_TEXT.slice(start, end)).toBe('colis <jamais> reçu');
    const expected = `<blockquote>${escapeHtml(TRICKY_TEXT.slice(0, start))}<mark>${escapeHtml(TRICKY_TEXT.slice(start, end))}</mark>${escapeHtml(TRICKY_TEXT.slice(end))}</blockquote>`;
    expect(html).toContain(expected);
    expect(expected).toContain('Livraison &lt;b&gt;&quot;rapide&quot;&lt;/b&gt; &amp; <mark>colis &lt;jamais&gt; reçu</mark>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<jamais>');
    // A URL in a verbatim stays text, never a link.
    expect(html).toContain('https://exemple.fr/suivi?a=1&amp;b=2');
    expect(html).not.toContain('href="https://');
    // Labels are escaped too.
    expect(html).toContain('Délai &lt;de&gt; livraison');
    // No chat transcripts: no exchanges column.
    expect(html).not.toContain('Échanges par conversation');
  });

  it('handles a script-like verbatim as plain text', async () => {
    const report = fixtureReport();
    const example = report.all.themes[0]?.examples[0];
    if (example === undefined) throw new Error('fixture has no theme example');
    example.text = '</blockquote><script>alert(1)</script>';
    example.highlights = [{ start: 13, end: 21, id: 'x' }];
    const html = await renderHtml(report);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;/blockquote&gt;<mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt;');
  });
});

describe('long examples show a window around the matched words', () => {
  // A complaint whose matched words come late: the first characters alone would miss them.
  const text =
    'Madame, Monsieur, je vous écris au sujet de ma commande passée le 3 mars sur votre site internet, réglée par carte le jour même, ' +
    'avec une livraison annoncée sous trois jours ouvrés à domicile et un suivi promis par courriel à chaque étape, ce qui ne fut pas le cas. ' +
    "Le colis ne m'a jamais été livré et le suivi ne bouge plus depuis dix jours. Je vous prie de bien vouloir me rembourser. Cordialement.";
  const words = 'jamais été livré';
  const withLongExample = (): Report => {
    const report = fixtureReport();
    const entry = report.all.irritants.find((e) => e.id === 'retard_livraison');
    const example = entry?.examples[0];
    if (example === undefined) throw new Error('fixture: no retard_livraison example');
    example.text = text;
    example.highlights = [{ start: text.indexOf(words), end: text.indexOf(words) + words.length, id: 'retard_livraison' }];
    return report;
  };

  it.each([
    ['html', `<blockquote>…`, `<mark>${escapeHtml(words)}</mark>`],
    ['md', '> …', `**${words}**`],
    ['table', '« …', words],
  ] as const)('%s', async (format, start, marked) => {
    const out = format === 'html' ? sectionOf(await renderHtml(withLongExample()), 'exemples') : renderReport(withLongExample(), format, { width: 120 } as never);
    expect(out).toContain(marked);
    expect(out).toContain(start);
    expect(out).not.toContain(text.slice(0, 40));
  });
});

describe('sections whose data is absent say why', () => {
  it('without insight: trends, keyness and journey explain, irritants fall back to frequency', async () => {
    const report = fixtureReport();
    report.sections = {};
    const html = await renderHtml(report);
    expect(sectionOf(html, 'evolution')).toContain('<p class="absent">Les analyses complémentaires');
    expect(sectionOf(html, 'specificites')).toContain('<p class="absent">Les analyses complémentaires');
    expect(sectionOf(html, 'parcours')).toContain('<p class="absent">Les analyses complémentaires');
    const irritants = sectionOf(html, 'irritants');
    expect(irritants).toContain('<p class="absent">L’analyse des scores ne figure pas dans ce rapport');
    expect(irritants).not.toContain('Impact sur');
    expect(irritants).toContain('<svg');
    expect(html.match(/<svg /g)).toHaveLength(3);
  });

  it('no dates, no scores', async () => {
    const report = fixtureReport();
    const insight = insightOf(report);
    Object.assign(insight.trends, { periods: [], verbatims: [], channels: [], entries: [], compared: null, risers: [], fallers: [] });
    insight.scores.overall.scored = 0;
    for (const ch of [...report.channels, report.all]) ch.score = null;
    const html = await renderHtml(report);
    expect(sectionOf(html, 'evolution')).toContain('<p class="absent">Aucune date exploitable');
    expect(sectionOf(html, 'irritants')).toContain('<p class="absent">Aucune note exploitable');
    expect(sectionOf(html, 'evolution')).not.toContain('<svg');
  });

  it('one period only', async () => {
    const report = fixtureReport();
    Object.assign(insightOf(report).trends, { periods: ['2026-03'], verbatims: [16], compared: null, risers: [], fallers: [] });
    insightOf(report).trends.entries = insightOf(report).trends.entries.map((e) => ({ ...e, counts: [1], shares: [6.25] }));
    const html = await renderHtml(report);
    expect(sectionOf(html, 'evolution')).toContain('<p class="absent">Toutes les dates tombent dans la même période (mars 2026)');
  });

  it('one channel only', async () => {
    const report = fixtureReport();
    insightOf(report).keyness.channels = insightOf(report).keyness.channels.slice(0, 1);
    const html = await renderHtml(report);
    expect(sectionOf(html, 'specificites')).toContain('<p class="absent">Un seul canal');
  });

  it('no verbatim at all', async () => {
    const html = await renderHtml(await buildReport([]));
    expect(html).not.toContain('<svg');
    for (const id of ['canaux', 'comparaison', 'themes', 'irritants']) expect(sectionOf(html, id)).toContain('<p class="absent">Aucun verbatim n’a été analysé');
    expect(sectionOf(html, 'evolution')).toContain('<p class="absent">Aucune date exploitable');
  });

  it('malformed insight reads as absent instead of failing', async () => {
    const report = fixtureReport();
    report.sections = { insight: { scores: 'n/a', trends: { periods: 3 }, keyness: { channels: [{ channel: 1 }] }, journey: null } };
    const html = await renderHtml(report);
    expect(sectionOf(html, 'evolution')).toContain('class="absent"');
    expect(sectionOf(html, 'specificites')).toContain('class="absent"');
    expect(html.match(/<svg /g)).toHaveLength(3);
  });

  it('mentions unmasked personal data as a warning', async () => {
    const report = clone(fixtureReport());
    report.summary.maskedPersonalData = false;
    expect(sectionOf(await renderHtml(report), 'synthese')).toContain('<p class="warning" role="note">Attention : les données personnelles ne sont pas masquées');
  });
});

describe('API misuse', () => {
  it.each([
    ['null report', null, undefined],
    ['not a report', { schemaVersion: 3 }, undefined],
    ['bad option', 'sample', { heatmapThemes: 0 }],
  ])('%s throws a TypeError', async (_, report, options) => {
    const input = report === 'sample' ? fixtureReport() : report;
    await expect(renderHtml(input as Report, options as never)).rejects.toThrow(TypeError);
  });
});
