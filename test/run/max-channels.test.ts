// A run on files keeps at most 100 channels apart by default (maxChannels), whatever the
// number of workers: a channel column of store codes counts as one channel past that.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/index.js';
import { analyzeFiles } from '../../src/node.js';
import { DEFAULT_MAX_CHANNELS } from '../../src/run/vocabulary.js';

const analyzer = createAnalyzer();

/** A CSV of `stores` store codes as channels, two rows each. */
function csv(stores: number): string {
  const rows = ['id;canal;commentaire'];
  for (let k = 0; k < 2 * stores; k++) rows.push(`${k};Magasin ${String(k % stores).padStart(4, '0')};Attente interminable en caisse, vendeuse très aimable.`);
  return `${rows.join('\n')}\n`;
}

const input = (stores: number) => [{ path: 'magasins.csv', stream: Readable.from([Buffer.from(csv(stores))]) }];

describe('maxChannels in a run on files', () => {
  it('counts the channels apart up to the default limit, as one past it', async () => {
    const within = (await analyzeFiles(input(DEFAULT_MAX_CHANNELS), { analyzer })).report;
    expect([within.summary.channels, within.summary.channelsMerged]).toEqual([DEFAULT_MAX_CHANNELS, undefined]);
    const over = (await analyzeFiles(input(DEFAULT_MAX_CHANNELS + 1), { analyzer })).report;
    expect([over.summary.channels, over.summary.channelsMerged, over.all.verbatims]).toEqual([1, DEFAULT_MAX_CHANNELS, 2 * (DEFAULT_MAX_CHANNELS + 1)]);
    expect(over.channels[0]!.verbatims).toBe(over.all.verbatims);
  });

  it("'all' keeps every channel apart; a number sets the limit", async () => {
    const all = (await analyzeFiles(input(DEFAULT_MAX_CHANNELS + 1), { analyzer, maxChannels: 'all' })).report;
    expect([all.summary.channels, all.summary.channelsMerged]).toEqual([DEFAULT_MAX_CHANNELS + 1, undefined]);
    const five = (await analyzeFiles(input(6), { analyzer, maxChannels: 5 })).report;
    expect([five.summary.channels, five.summary.channelsMerged]).toEqual([1, 5]);
  });
});
