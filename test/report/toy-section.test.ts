// Adding a section takes one definition registered in the list: this file is the whole of
// a toy section (verbatims asking a question, per channel), and it shows in every format.
import { describe, expect, it } from 'vitest';
import { buildReport, createReportBuilder, defaultSections, defineSection, finalizeReport, mergeReportStates, renderReport } from '../../src/report/index.js';
import { escapeHtml } from '../../src/report/renderers/html/escape.js';
import { analysis } from './helpers.js';

interface Questions {
  channel: string;
  questions: number;
}

const questions = defineSection<Record<string, number>, Questions[], { title: string; line(channel: string, n: number): string }>({
  name: 'questions',
  init: () => ({}),
  add(state, a) {
    if (a.text.includes('?')) state[a.channel] = (state[a.channel] ?? 0) + 1;
    return state;
  },
  merge(a, b) {
    const out = { ...a };
    for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
    return out;
  },
  finalize: (state) => Object.keys(state).sort().map((channel) => ({ channel, questions: state[channel] as number })),
  messages: {
    fr: { title: 'Questions posées', line: (c, n) => `${c} : ${n} question(s)` },
    en: { title: 'Questions asked', line: (c, n) => `${c}: ${n} question(s)` },
  },
  render: {
    table: (r, { w, channelLabel }) => [{ order: 250, lines: ['', w.title, ...(r ?? []).map((q) => `  ${w.line(channelLabel(q.channel), q.questions)}`)] }],
    md: (r, { w, channelLabel }) => [{ lines: [`## ${w.title}`, '', ...(r ?? []).map((q) => `- ${w.line(channelLabel(q.channel), q.questions)}`), ''] }],
    html: (r, { w, channelLabel }) => [{ id: 'questions', title: w.title, html: `<ul>${(r ?? []).map((q) => `<li>${escapeHtml(w.line(channelLabel(q.channel), q.questions))}</li>`).join('')}</ul>` }],
    csv: (r, { channelLabel }) => (r ?? []).map((q) => ({ section: 'questions', channel: q.channel, key: q.channel, label: channelLabel(q.channel), metric: 'verbatims', value: q.questions })),
  },
});

const sections = [...defaultSections(), questions];
const items = [
  analysis({ id: '1', channel: 'chat', text: 'Où est mon colis ?' }),
  analysis({ id: '2', channel: 'chat', text: 'Pourquoi ce délai ? Et ce prix ?' }),
  analysis({ id: '3', channel: 'enquete', text: 'Très bien, merci.' }),
  analysis({ id: '4', channel: 'enquete', text: 'Qui rembourse les frais ?' }),
];
const meta = { channels: { chat: { label: 'Chat' }, enquete: { label: 'Enquête' } } };

describe('a toy section registered in the list', () => {
  it('is counted, merged and placed in the JSON report under its name', async () => {
    const report = await buildReport(items, { meta, sections });
    expect(report.sections.questions).toEqual([{ channel: 'chat', questions: 2 }, { channel: 'enquete', questions: 1 }]);
    const [a, b] = [createReportBuilder({ sections }), createReportBuilder({ sections })];
    items.forEach((x, i) => (i % 2 ? a : b).add(x));
    expect(finalizeReport(mergeReportStates(a.snapshot(), b.snapshot(), { sections }), { meta, sections }).sections.questions).toEqual(report.sections.questions);
    expect(JSON.parse(renderReport(report, 'json')).sections.questions).toEqual(report.sections.questions);
  });

  it.each([
    ['table', 'Chat : 2 question(s)'],
    ['md', '- Chat : 2 question(s)'],
    ['html', '<li>Chat : 2 question(s)</li>'],
    ['csv', 'questions;chat;chat;Chat;verbatims;2'],
  ] as const)('shows in %s, in its own words', async (format, expected) => {
    const report = await buildReport(items, { meta, sections });
    expect(await renderReport(report, format, { sections })).toContain(expected);
    // Without the section in the renderer's list, nothing of it shows.
    expect(await renderReport(report, format)).not.toContain(expected);
  });

  it('speaks the report language and takes its place in the layout', async () => {
    const report = await buildReport(items, { meta, sections, lang: 'en' });
    const table = renderReport(report, 'table', { sections });
    expect(table).toContain('Questions asked');
    // order 250: after the channel table, before the rankings.
    expect(table.indexOf('Questions asked')).toBeLessThan(table.indexOf('Themes (All channels)') >>> 0);
    const html = await renderReport(report, 'html', { sections });
    expect(html).toContain('<li><a href="#questions">Questions asked</a></li>');
    expect(html.indexOf('<section id="questions"')).toBeLessThan(html.indexOf('<section id="exemples"'));
  });
});
