import { describe, expect, it } from 'vitest';
import { buildReport, renderReport } from '../../src/index.js';
import { readableChannelLabel } from '../../src/report/labels.js';
import { renderHtml } from '../../src/report/renderers/html.js';
import { fixtureReport } from '../fixtures/report/report.js';
import { analysis } from './helpers.js';

describe('readable labels of channels no lexicon names', () => {
  it.each([
    ['app_store_fr', 'App store fr'],
    ['inconnu', 'Inconnu'],
    ['kiosque__borne_', 'Kiosque borne'],
    ['click-collect', 'Click-collect'],
    ['Boutique Paris', 'Boutique Paris'],
    ['é_commerce', 'É commerce'],
    ['_', '_'],
  ])('%s → %s', (id, label) => {
    expect(readableChannelLabel(id)).toBe(label);
  });

  it('a report labels an unknown channel readably, the lexicon\'s label otherwise, a given label over both', async () => {
    const items = [
      analysis({ id: '1', channel: 'app_store_fr', text: 'Appli lente.' }),
      analysis({ id: '2', channel: 'chat', text: 'Merci.' }),
      analysis({ id: '3', channel: 'kiosque', text: 'Borne en panne.' }),
    ];
    const meta = { channels: { chat: { label: 'Chat' } } };
    const labels = (r: { channels: Array<{ channel: string; label: string }> }) => Object.fromEntries(r.channels.map((c) => [c.channel, c.label]));
    expect(labels(await buildReport(items, { meta }))).toEqual({ app_store_fr: 'App store fr', chat: 'Chat', kiosque: 'Kiosque' });
    const named = await buildReport(items, { meta, channelLabels: { chat: 'Tchat', kiosque: 'Borne' }, title: 'Avis T4' });
    expect(labels(named)).toEqual({ app_store_fr: 'App store fr', chat: 'Tchat', kiosque: 'Borne' });
    expect(named.title).toBe('Avis T4');
    expect((await buildReport(items)).title).toBeUndefined();
  });
});

describe('the title and channel labels of the render options', () => {
  const options = { title: 'Voix du client | T4 <2026>', channelLabels: { chat: 'Tchat en direct', nowhere: 'Ignoré' } };

  it.each([
    ['table', (t: string) => t.startsWith('Voix du client | T4 <2026>\n'), 'Tchat en direct'],
    ['md', (t: string) => t.startsWith('# Voix du client \\| T4 \\<2026\\>\n'), 'Tchat en direct'],
    ['json', (t: string) => (JSON.parse(t) as { title: string }).title === 'Voix du client | T4 <2026>', '"label": "Tchat en direct"'],
    ['csv', () => true, 'Tchat en direct'],
  ] as const)('%s', (format, titled, label) => {
    const text = renderReport(fixtureReport(), format, options) as string;
    expect(titled(text)).toBe(true);
    expect(text).toContain(label);
    expect(text).not.toContain('Ignoré');
  });

  it('html: page title, heading and every channel name', async () => {
    const html = await renderHtml(fixtureReport(), options);
    expect(html).toContain('<title>Voix du client | T4 &lt;2026&gt;</title>');
    expect(html).toContain('<h1>Voix du client | T4 &lt;2026&gt;</h1>');
    expect(html).toContain('<th scope="row">Tchat en direct <span class="tag low-base"');
    expect(html).not.toMatch(/<th scope="row">Chat[ <]/);
  });

  it('a report\'s own title is shown; the option wins over it', async () => {
    const report = { ...fixtureReport(), title: 'Baromètre' };
    expect(renderReport(report, 'md')).toMatch(/^# Baromètre\n/);
    expect(renderReport(report, 'md', { title: 'Autre' })).toMatch(/^# Autre\n/);
  });

  it.each([
    ['an empty title', { title: ' ' }],
    ['a label that is not text', { channelLabels: { chat: 3 } }],
    ['labels as an array', { channelLabels: ['chat'] }],
  ])('%s is a TypeError', (_, bad) => {
    expect(() => renderReport(fixtureReport(), 'md', bad as never)).toThrow(TypeError);
  });
});
