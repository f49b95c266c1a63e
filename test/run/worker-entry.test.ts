import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLexiconFile } from '../../src/io/lexicon-files.js';
import type { ReadItem } from '../../src/io/types.js';
import { parseLexicon } from '../../src/lexicon/index.js';
import { startWorkers } from '../../src/run/pool.js';
import type { WorkerSetup } from '../../src/run/protocol.js';

// The worker script the CLI starts (dist/cli/worker.js, tsup.config.ts): one
// file, so that a cold worker thread reads one file, and the same analyses as
// the bin, which also serves as a worker script. Built output: `npx tsup` first.
const root = resolve(__dirname, '../..');
const worker = join(root, 'dist/cli/worker.js');
const bin = join(root, 'dist/cli/bin.js');

beforeAll(() => {
  if (!existsSync(worker)) throw new Error('dist/cli/worker.js is missing: run `npm run build` (npm test does it)');
});

const texts = [
  'Colis arrivé en retard, personne pour répondre au standard.',
  'Livraison rapide, vendeuse très aimable, je recommande.',
  'Toujours pas remboursé après trois relances, service client injoignable.',
  'Le livreur a laissé le paquet devant la porte sous la pluie.',
];

async function* rows(n: number): AsyncIterable<ReadItem> {
  for (let i = 1; i <= n; i++) {
    yield { type: 'verbatim', verbatim: { id: String(i), text: texts[i % texts.length] as string, channel: i % 2 === 0 ? 'avis' : 'email' }, source: { file: 'x.csv', row: i } };
  }
}

const setup: Omit<WorkerSetup, 'describe'> = {
  kind: 'verbatim-fr-analysis-worker',
  // A lexicon file (alone: its ids are the default's) and a discovery state: the modules a worker imports
  // only when its setup asks for them.
  lexicons: [{ file: join(root, 'test/fixtures/lexicon/mini.yml'), data: await readLexiconFile(join(root, 'test/fixtures/lexicon/mini.yml')) }],
  includeDefault: false,
  sectors: [],
  defaultLanguage: 'fra',
  allTurns: false,
  corpus: {},
  returnAnalyses: false,
  discover: {},
};

async function runOn(script: string, with_: Omit<WorkerSetup, 'describe'> = setup) {
  const pool = startWorkers(2, script, with_);
  const summary = await pool.ready;
  const states = await pool.run(rows(40), async () => undefined, undefined, undefined);
  return { summary, states };
}

describe('the CLI worker entry (dist/cli/worker.js)', () => {
  it('is one file: it imports Node built-ins and packages, no chunk', () => {
    const source = readFileSync(worker, 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm)].map((m) => m[1] ?? m[2]);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => s?.startsWith('.'))).toEqual([]);
  });

  it('describes the analyser and gives the report and discovery states the bin gives as a worker', async () => {
    const [fromWorker, fromBin] = await Promise.all([runOn(worker), runOn(bin)]);
    expect(fromWorker.summary.id).toBe(fromBin.summary.id);
    expect(fromWorker.summary.meta).toEqual(fromBin.summary.meta);
    expect(fromWorker.states).toHaveLength(2);
    expect(fromWorker.states.every((s) => s.discover !== undefined)).toBe(true);
    expect(JSON.stringify(fromWorker.states)).toBe(JSON.stringify(fromBin.states));
  });

  it("reads no lexicon file: a layer comes as the run's thread read and checked it", async () => {
    // A file that is not on disk: only its data, as the run's thread parsed and checked it, reaches the workers.
    const file = join(root, 'no-such-folder/layer.yml');
    const data = parseLexicon('version: 1\nentries:\n  - id: pluie\n    kind: theme\n    label: Pluie\n    terms: [pluie]\n', { file });
    const { discover: _, ...plain } = setup;
    const { summary, states } = await runOn(worker, { ...plain, includeDefault: true, lexicons: [{ file, data }] });
    expect(summary.meta.entries?.['pluie']).toMatchObject({ label: 'Pluie', kind: 'theme' });
    // "sous la pluie" is one of the four texts: the layer's theme is counted.
    expect(states.some((s) => JSON.stringify(s.state).includes('"pluie"'))).toBe(true);
  });
});
