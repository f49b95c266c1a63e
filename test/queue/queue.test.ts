// The run over a queue (verbatim queue produce|work|merge, verbatim-fr/queue)
// against a real Redis on localhost: two worker processes give the report and
// the annotations of a single run, byte for byte; a worker killed mid-chunk
// leaves its chunk to another, and no row counts twice; a Redis that cannot be
// reached is one clear error. Skipped, with a message, without redis-server.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/index.js';
import { EXIT, main } from '../../src/cli/main.js';
import { analyzeFiles } from '../../src/run/analyze-files.js';
import { clearQueue, mergeQueue, produceQueue, QueueError, queueStatus, workQueue } from '../../src/queue/index.js';
import { loadBullmq, redisOptions } from '../../src/queue/connection.js';
import { packChunk, packChunkData, unpackChunk, unpackChunkData } from '../../src/queue/run.js';
import { sampleRecords } from '../run/_split.js';
import { freePort, HAS_REDIS, startRedis, type TestRedis } from './_redis.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'dist/cli/bin.js');
const SAMPLE = join(root, 'corpora/sample.csv');
const STACK = /^\s+at /m;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) => new Writable({ write(chunk, _e, cb) { add(String(chunk)); cb(); } });
  const code = await main(args, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)), env: { CI: 'true', VERBATIM_LANG: 'en' }, stdin: Readable.from([]) });
  expect(stderr).not.toMatch(STACK);
  return { code, stdout, stderr };
}

/** A `verbatim queue work` process; resolves `ready` once it waits for chunks. */
function workerProcess(args: string[]): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [bin, 'queue', 'work', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true', VERBATIM_LANG: 'en' } });
  let err = '';
  const ready = new Promise<void>((resolveReady, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      err += String(d);
      if (err.includes('waiting for chunks')) resolveReady();
    });
    child.once('exit', () => reject(new Error(`worker exited before it was ready: ${err}`)));
  });
  ready.catch(() => undefined);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, ready, exited, stderr: () => err };
}

describe('Redis URLs and the optional bullmq (no Redis needed)', () => {
  it.each([
    ['redis://127.0.0.1:6380', { host: '127.0.0.1', port: 6380 }],
    ['redis://cache.internal', { host: 'cache.internal', port: 6379 }],
    ['redis://:s3cret@10.0.0.5:7000/2', { host: '10.0.0.5', port: 7000, password: 's3cret', db: 2 }],
    ['rediss://worker:p%40ss@[::1]:6390', { host: '::1', port: 6390, username: 'worker', password: 'p@ss', tls: {} }],
  ])('%s', (url, expected) => {
    const { connected: _c, retryStrategy: _r, ...options } = redisOptions(url);
    expect(options).toEqual(expected);
  });

  it('a chunk\'s result is kept gzipped: the same content back, a fraction of its JSON, and nothing from what is not one', async () => {
    const { state } = await analyzeFiles([SAMPLE], { keepState: true });
    const content = { state: state! };
    const packed = packChunk(content);
    expect(Object.keys(packed)).toEqual(['packed']);
    expect(packed.packed.length).toBeLessThan(JSON.stringify(content).length * 0.35);
    expect(unpackChunk(packed)).toEqual(JSON.parse(JSON.stringify(content)));
    for (const bad of [undefined, null, 'text', { state: state! }, { packed: 'not base64 gzip' }, packChunk({} as never)]) expect(unpackChunk(bad)).toBeUndefined();
  });

  it('a chunk\'s rows are kept gzipped too: the same chunk back, and nothing from what is not one', () => {
    const items = Array.from({ length: 50 }, (_, k) => ({ v: { id: `r${k}`, text: `Colis reçu en retard, ${k} jours d'attente`, channel: 'avis_en_ligne' }, s: { file: 'x.csv', row: k + 2 } }));
    const data = { settings: 'abc', index: 3, file: 'x.csv', firstRow: 2, items };
    const job = packChunkData(data);
    expect(Object.keys(job).sort()).toEqual(['file', 'firstRow', 'index', 'packed', 'settings']);
    expect(job.packed.length).toBeLessThan(JSON.stringify(items).length * 0.5);
    expect(unpackChunkData(job)).toEqual(data);
    for (const bad of [undefined, null, { ...data }, { ...job, packed: 'not base64 gzip' }, packChunkData({ ...data, items: {} as never })]) expect(unpackChunkData(bad)).toBeUndefined();
  });

  it.each(['localhost:6379', 'http://127.0.0.1:6379', 'redis://127.0.0.1:6379/cache'])('refuses %s with a hint', (url) => {
    expect(() => redisOptions(url)).toThrow(QueueError);
    expect(() => redisOptions(url)).toThrow(/hint: give it as redis:\/\/HOST:PORT/);
  });

  it('refuses a queue name bullmq cannot take (empty, or with a colon) before reaching Redis: a usage error in the CLI, a TypeError in the API', async () => {
    for (const name of ['', 'runs:2026']) {
      const r = await cli(['queue', 'status', '--redis', 'redis://127.0.0.1:1', '--queue', name]);
      expect(r.code).toBe(EXIT.usage);
      expect(r.stderr).toContain(`--queue expects a queue name, not empty and without a colon (:), got "${name}"`);
      const api = await clearQueue({ redis: 'redis://127.0.0.1:1', queue: name }).catch((e: unknown) => e);
      expect(api).toBeInstanceOf(TypeError);
      expect((api as Error).message).toContain(`a queue name, not empty and without a colon (:)`);
    }
  });

  it('says to install bullmq when it is missing (and only then)', async () => {
    const missing = Object.assign(new Error("Cannot find package 'bullmq' imported from /app/node_modules/verbatim-fr/dist/queue/index.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await loadBullmq(() => Promise.reject(missing)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueError);
    expect((error as QueueError).code).toBe('missing-dependency');
    expect((error as QueueError).message).toMatch(/install bullmq to use verbatim queue/);
    expect((error as QueueError).hint).toMatch(/npm install bullmq@5/);
    const other = new Error('boom');
    await expect(loadBullmq(() => Promise.reject(other))).rejects.toBe(other);
    expect(typeof (await loadBullmq()).Queue).toBe('function');
  });

  it.each([
    [['queue', 'produce', SAMPLE]],
    [['queue', 'work']],
    [['queue', 'merge']],
  ])('an unreachable Redis is one clear error, exit 69: %j', async (args) => {
    const port = await freePort();
    const r = await cli([...args, '--redis', `redis://127.0.0.1:${port}`]);
    expect(r.code).toBe(EXIT.unavailable);
    expect(r.stderr).toBe(
      `verbatim: cannot reach Redis at redis://127.0.0.1:${port} (ECONNREFUSED)\n    hint: start Redis (redis-server) or give its URL with --redis redis://HOST:PORT (the redis option of the API); the producer, the workers and the merge must use the same Redis and queue\n`,
    );
    expect(r.stdout).toBe('');
  });
});

if (!HAS_REDIS) {
  // eslint-disable-next-line no-console
  console.warn('test/queue: redis-server is not installed, the tests against Redis are skipped (apt-get install redis-server; .ci/run installs it as root)');
}

describe.skipIf(!HAS_REDIS)('against a real Redis on localhost', () => {
  let redis: TestRedis;
  let dir = '';
  const at = (name: string): string => join(dir, name);

  beforeAll(async () => {
    if (!existsSync(bin)) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), 'verbatim-queue-'));
    // The single run the queue must match.
    for (const format of ['json', 'table']) {
      const r = await cli(['analyze', SAMPLE, '--format', format, '--out', at(`single.${format}`), ...(format === 'json' ? ['--annotate', at('single.jsonl')] : [])]);
      expect(r.code).toBe(0);
    }
  }, 60_000);

  afterAll(async () => {
    await redis?.stop();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('one producer, two worker processes: the merge is the single run, report and annotations, byte for byte', async () => {
    const where = ['--redis', redis.url, '--queue', 'two'];
    const workers = [workerProcess(where), workerProcess(where)];
    try {
      await Promise.all(workers.map((w) => w.ready));
      // The merge is started first: it waits for the run to be recorded, then for its chunks.
      const merged = cli(['queue', 'merge', ...where, '--format', 'json', '--out', at('queue.json'), '--annotate', at('queue.jsonl'), '--timeout', '60']);
      const produced = await produceQueue([SAMPLE], { redis: redis.url, queue: 'two', chunkRows: 20, keepAnnotations: true });
      expect(produced).toEqual({ queue: 'two', chunks: 25, rows: 496, retried: 0 });
      expect((await merged).code).toBe(0);
      // The API's produceQueue keeps the CLI's word budget by default: the merge is the single run, provenance too.
      expect(readFileSync(at('queue.json'), 'utf8')).toBe(readFileSync(at('single.json'), 'utf8'));
      expect(readFileSync(at('queue.jsonl'), 'utf8')).toBe(readFileSync(at('single.jsonl'), 'utf8'));
      const table = await cli(['queue', 'merge', ...where, '--format', 'table']);
      expect(table.stdout).toBe(readFileSync(at('single.table'), 'utf8'));

      // Both processes took chunks; producing the same input again adds none.
      const queue = new Queue('two', { connection: redisOptionsOf(redis.url) });
      try {
        const jobs = await queue.getJobs(['completed']);
        expect(jobs).toHaveLength(25);
        // bullmq's event stream keeps few events: each "completed" one carries the chunk's result (it held them all, twice the memory).
        expect(await eventsOf(redis.url, 'two')).toBeLessThan(25);
        expect(new Set(jobs.map((j) => j.processedBy)).size).toBe(2);
        await produceQueue([SAMPLE], { redis: redis.url, queue: 'two', chunkRows: 20, keepAnnotations: true });
        const counts = await queue.getJobCounts();
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(25);
      } finally {
        await queue.close();
      }
    } finally {
      for (const w of workers) w.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));
    }
  }, 60_000);

  it('a worker killed mid-chunk: its chunk is taken by another worker, the merge is the single run and no row counts twice', async () => {
    const produced = await produceQueue([SAMPLE], { redis: redis.url, queue: 'kill', chunkRows: 100, keepAnnotations: true });
    expect(produced.chunks).toBe(5);
    const queue = new Queue('kill', { connection: redisOptionsOf(redis.url) });
    const killed = workerProcess(['--redis', redis.url, '--queue', 'kill', '--lock-duration', '1000']);
    let victim: string | undefined;
    try {
      await killed.ready;
      // Caught with a chunk in hand: stopped first, so that it cannot finish the chunk between the look and the kill.
      while (victim === undefined) {
        const [active] = await queue.getActive();
        if (active?.id !== undefined) {
          killed.child.kill('SIGSTOP');
          if ((await queue.getJobState(active.id)) === 'active') {
            victim = active.id;
            killed.child.kill('SIGKILL');
          } else killed.child.kill('SIGCONT');
        } else {
          expect(killed.child.exitCode).toBeNull();
          await new Promise((r) => setTimeout(r, 5));
        }
      }
      await killed.exited;
      const worker = await workQueue({ redis: redis.url, queue: 'kill', lockDuration: 1000, untilEmpty: true });
      const { chunks } = await worker.done;
      expect(chunks).toBeGreaterThanOrEqual(1);
      const job = await queue.getJob(victim);
      expect(job?.stalledCounter).toBe(1);
      expect(await job?.getState()).toBe('completed');

      const annotations = at('kill.jsonl');
      const result = await mergeQueue({ redis: redis.url, queue: 'kill', annotate: annotations, timeout: 30_000 });
      expect(result.state.parts).toHaveLength(5);
      expect(result.report.summary.analysed + result.report.summary.rejected).toBe(496);
      const single = await analyzeFiles([SAMPLE], { annotate: at('kill-single.jsonl') });
      expect(renderReport(result.report, 'json')).toBe(renderReport(single.report, 'json'));
      const rows = readFileSync(annotations, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { source: { row: number } });
      expect(rows.map((r) => r.source.row)).toEqual(Array.from({ length: 496 }, (_, k) => k + 1));
      expect(readFileSync(annotations, 'utf8')).toBe(readFileSync(at('kill-single.jsonl'), 'utf8'));
    } finally {
      if (killed.child.exitCode === null && killed.child.signalCode === null) killed.child.kill('SIGKILL');
      await queue.close();
    }
  }, 60_000);

  it('merge says which chunk failed for good, and produce retries it', async () => {
    // A chunk whose settings are gone from Redis fails on every attempt.
    await produceQueue([SAMPLE], { redis: redis.url, queue: 'fail', chunkRows: 400 });
    const queue = new Queue('fail', { connection: redisOptionsOf(redis.url) });
    try {
      const client = await queue.client;
      const run = JSON.parse((await client.get(queue.toKey('verbatim-run'))) ?? '{}') as { settings: string };
      expect(await client.del(queue.toKey(`verbatim-settings:${run.settings}`))).toBe(1);
      const worker = await workQueue({ redis: redis.url, queue: 'fail', untilEmpty: true });
      await worker.done;
      const failed = await mergeQueue({ redis: redis.url, queue: 'fail', timeout: 10_000 }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(QueueError);
      expect((failed as Error).message).toMatch(/chunk 1 of 2 \(.*sample\.csv, rows 1-400\) failed after 3 attempts: the settings of this chunk .* are not in the queue any more/);
      expect((await queueStatus({ redis: redis.url, queue: 'fail' })).run).toMatchObject({ chunks: 2, done: 0, failed: 2, waiting: 0, active: 0, gone: 0 });
      const again = await produceQueue([SAMPLE], { redis: redis.url, queue: 'fail', chunkRows: 400 });
      expect(again.retried).toBe(2);
      await (await workQueue({ redis: redis.url, queue: 'fail', untilEmpty: true })).done;
      const result = await mergeQueue({ redis: redis.url, queue: 'fail', timeout: 10_000 });
      expect(result.report.summary.analysed + result.report.summary.rejected).toBe(496);
    } finally {
      await queue.close();
    }
  }, 60_000);

  it('a merge that meets a chunk gone after merging the ones before it leaves no annotation file', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 41).join('\n');
    writeFileSync(at('forty.csv'), `${lines}\n`);
    await produceQueue([at('forty.csv')], { redis: redis.url, queue: 'gone-late', chunkRows: 8, keepAnnotations: true });
    await (await workQueue({ redis: redis.url, queue: 'gone-late', untilEmpty: true })).done;
    const queue = new Queue('gone-late', { connection: redisOptionsOf(redis.url) });
    try {
      const client = await queue.client;
      const run = JSON.parse((await client.get(queue.toKey('verbatim-run'))) ?? '{}') as { chunks: Array<{ id: string }> };
      expect(run.chunks.length).toBeGreaterThanOrEqual(2);
      // The chunks before the last are merged (their rows written to the annotations' temporary file), then the last is not there.
      await (await queue.getJob(run.chunks.at(-1)!.id))!.remove();
      const path = at('gone-late.jsonl');
      const failed = await mergeQueue({ redis: redis.url, queue: 'gone-late', timeout: 10_000, annotate: path }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(QueueError);
      expect((failed as Error).message).toMatch(new RegExp(`chunk ${run.chunks.length} of ${run.chunks.length}`));
      expect(existsSync(path)).toBe(false);
      // Nor the temporary file beside it that held the rows merged before.
      expect(readdirSync(dirname(path)).filter((f) => f.includes('gone-late'))).toEqual([]);
    } finally {
      await queue.close();
    }
  }, 60_000);

  it('a worker stopped by SIGTERM mid-chunk finishes that chunk and exits cleanly, without waiting for its lock', async () => {
    await produceQueue([SAMPLE], { redis: redis.url, queue: 'term', chunkRows: 100 });
    const queue = new Queue('term', { connection: redisOptionsOf(redis.url) });
    // The default lock (30 s): a chunk left behind would still be active at the end of this test.
    const stopped = workerProcess(['--redis', redis.url, '--queue', 'term']);
    let inHand: string | undefined;
    try {
      await stopped.ready;
      while (inHand === undefined) {
        const [active] = await queue.getActive();
        if (active?.id !== undefined) {
          // Stopped first, so that the signal comes while the chunk is still in hand.
          stopped.child.kill('SIGSTOP');
          if ((await queue.getJobState(active.id)) === 'active') {
            inHand = active.id;
            stopped.child.kill('SIGTERM');
          }
          stopped.child.kill('SIGCONT');
        } else await new Promise((r) => setTimeout(r, 5));
      }
      expect(await stopped.exited).toBe(0);
      expect(stopped.stderr()).toMatch(/queue "term": SIGTERM: finishing the chunks in hand, then stopping/);
      const job = await queue.getJob(inHand);
      expect(await job?.getState()).toBe('completed');
      expect(job?.processedBy).toMatch(new RegExp(`:${stopped.child.pid}$`));
      expect(job?.stalledCounter).toBe(0);
      // It took no other chunk once stopped: the rest wait for another worker.
      expect(await queue.getActiveCount()).toBe(0);
    } finally {
      if (stopped.child.exitCode === null && stopped.child.signalCode === null) stopped.child.kill('SIGKILL');
      await queue.close();
    }
  }, 60_000);

  it('produce --by COL: queue merge reports keyness by the column as analyze --by does; a column the input lacks is refused before anything is enqueued', async () => {
    // The first 120 records of sample.csv, with a store column added (written for this test).
    const { header, records } = await sampleRecords();
    const stores = ['Lyon', 'Lille', 'Nantes'];
    const withColumn = (line: string, value: string): string => line.replace(/(\r?\n)?$/, `;${value}$1`);
    writeFileSync(at('stores.csv'), withColumn(header, 'magasin') + records.slice(0, 120).map((r, k) => withColumn(r, stores[k % 3]!)).join(''));
    const single = await cli(['analyze', at('stores.csv'), '--by', 'magasin', '--out', at('stores-single.json')]);
    expect(single.code).toBe(0);
    const where = ['--redis', redis.url, '--queue', 'by'];
    expect((await cli(['queue', 'produce', at('stores.csv'), '--by', 'magasin', '--chunk-rows', '40', ...where])).code).toBe(0);
    await (await workQueue({ redis: redis.url, queue: 'by', untilEmpty: true })).done;
    // No --format: the .json of --out says it.
    expect((await cli(['queue', 'merge', ...where, '--out', at('stores-queue.json'), '--timeout', '30'])).code).toBe(0);
    const fromQueue = JSON.parse(readFileSync(at('stores-queue.json'), 'utf8'));
    const fromSingle = JSON.parse(readFileSync(at('stores-single.json'), 'utf8'));
    expect(fromQueue.sections.insight.keynessBy.groups.map((g: { group: string }) => g.group).sort()).toEqual(['Lille', 'Lyon', 'Nantes']);
    expect(fromQueue.sections.insight.keynessBy).toEqual(fromSingle.sections.insight.keynessBy);
    expect(fromQueue.provenance.options.groupBy).toBe('magasin');
    const missing = await cli(['queue', 'produce', at('stores.csv'), '--by', 'boutique', ...where.slice(0, 2), '--queue', 'by-missing']);
    expect(missing.code).toBe(EXIT.input);
    expect(missing.stderr).toMatch(/--by: no column "boutique"[\s\S]*"magasin"/);
    const queue = new Queue('by-missing', { connection: redisOptionsOf(redis.url) });
    try {
      expect(Object.values(await queue.getJobCounts()).reduce((a, b) => a + b, 0)).toBe(0);
    } finally {
      await queue.close();
    }
  }, 60_000);

  it('produce --delimiter with a JSON Lines input: the warning analyze gives, and the rows enqueued', async () => {
    writeFileSync(at('feed.jsonl'), ['Colis abîmé', 'Livré vite, merci', 'Attente trop longue'].map((t, k) => JSON.stringify({ id: `F${k}`, commentaire: t })).join('\n'));
    const r = await cli(['queue', 'produce', at('feed.jsonl'), '--delimiter', ';', '--redis', redis.url, '--queue', 'delimiter-jsonl']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`verbatim: warning: --delimiter applies to CSV and TSV inputs only: ignored for ${at('feed.jsonl')}, read as JSONL\n`);
    const queue = new Queue('delimiter-jsonl', { connection: redisOptionsOf(redis.url) });
    try {
      expect((await queue.getJobs(['waiting'])).reduce((n, job) => n + unpackChunkData(job.data)!.items.length, 0)).toBe(3);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('the CLI producer keeps the word budget analyze keeps (--vocabulary), and queue merge writes the tables and labels merge writes', async () => {
    const { header, records } = await sampleRecords();
    writeFileSync(at('part.csv'), header + records.slice(0, 90).join(''));
    const single = await cli(['analyze', at('part.csv'), '--out', at('part-single.json'), '--export', 'keyness', at('part-single-keyness.csv'), '--export', 'drivers', at('part-single-drivers.csv')]);
    expect(single.code).toBe(0);
    const where = ['--redis', redis.url, '--queue', 'labels'];
    expect((await cli(['queue', 'produce', at('part.csv'), '--chunk-rows', '30', ...where])).code).toBe(0);
    await (await workQueue({ redis: redis.url, queue: 'labels', untilEmpty: true })).done;
    const merged = await cli(['queue', 'merge', ...where, '--out', at('part-queue.json'), '--export', 'keyness', at('part-queue-keyness.csv'), '--export', 'drivers', at('part-queue-drivers.csv'), '--timeout', '30']);
    expect(merged.code).toBe(0);
    // The same budget as analyze's default (10,000 terms a channel), so the same report; the same tables.
    const fromQueue = JSON.parse(readFileSync(at('part-queue.json'), 'utf8'));
    expect(fromQueue.provenance.options.maxVocabulary).toBe(10000);
    expect(readFileSync(at('part-queue.json'), 'utf8')).toBe(readFileSync(at('part-single.json'), 'utf8'));
    expect(readFileSync(at('part-queue-keyness.csv'), 'utf8')).toBe(readFileSync(at('part-single-keyness.csv'), 'utf8'));
    expect(readFileSync(at('part-queue-drivers.csv'), 'utf8')).toBe(readFileSync(at('part-single-drivers.csv'), 'utf8'));
    const html = await cli(['queue', 'merge', ...where, '--format', 'html', '--title', 'Voix du client, file labels', '--timeout', '30']);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<title>Voix du client, file labels</title>');
    // A merge has no rows: the row exports are refused, as verbatim merge refuses them.
    expect((await cli(['queue', 'merge', ...where, '--export', 'dfm', at('x.csv')])).code).toBe(EXIT.usage);
    expect((await cli(['queue', 'produce', at('part.csv'), '--vocabulary', '0', ...where])).code).toBe(EXIT.usage);
  }, 60_000);

  it('a live feed: the rows read go out as a chunk when the writer pauses, not after a full chunk', async () => {
    const rows = (from: number): string => Array.from({ length: 30 }, (_, k) => `L${from + k};Colis reçu en retard, conseiller aimable n°${from + k}\n`).join('');
    let resume: () => void = () => undefined;
    const paused = new Promise<void>((r) => (resume = r));
    async function* feed(): AsyncGenerator<Buffer> {
      yield Buffer.from(`id;commentaire\n${rows(1)}`);
      await paused;
      yield Buffer.from(rows(31));
    }
    const queue = new Queue('live', { connection: redisOptionsOf(redis.url) });
    try {
      const produced = produceQueue([{ path: 'flux.csv', stream: feed() }], { redis: redis.url, queue: 'live', chunkRows: 100 });
      // While the writer pauses, its 30 rows are in the queue already (they waited for 100 rows before).
      let waiting = 0;
      for (let k = 0; k < 60 && waiting === 0; k++) {
        await new Promise((r) => setTimeout(r, 50));
        waiting = (await queue.getJobCounts('waiting', 'prioritized', 'active', 'completed')).waiting ?? 0;
      }
      resume();
      expect(waiting).toBe(1);
      expect(await produced).toMatchObject({ chunks: 2, rows: 60 });
      // However the chunks were cut, the merge is the single run over the same rows.
      await (await workQueue({ redis: redis.url, queue: 'live', untilEmpty: true })).done;
      writeFileSync(at('flux.csv'), `id;commentaire\n${rows(1)}${rows(31)}`);
      expect((await cli(['analyze', at('flux.csv'), '--format', 'json', '--out', at('flux-single.json')])).code).toBe(0);
      const merged = await cli(['queue', 'merge', '--redis', redis.url, '--queue', 'live', '--format', 'json', '--timeout', '30']);
      const strip = (json: string): unknown => ({ ...JSON.parse(json), provenance: undefined });
      expect(strip(merged.stdout)).toEqual(strip(readFileSync(at('flux-single.json'), 'utf8')));
    } finally {
      resume();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  }, 30_000);

  it('merge (without --timeout) ends with the error of a producer that failed mid-input', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 60).join('\n');
    async function* breaksOff(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${lines}\n`);
      throw new Error('the network share went away');
    }
    const produced = await produceQueue([{ path: 'export.csv', stream: breaksOff() }], { redis: redis.url, queue: 'broken', chunkRows: 10, allowFileRejects: false }).catch((e: unknown) => e);
    expect(produced).toBeInstanceOf(Error);
    const merged = await cli(['queue', 'merge', '--redis', redis.url, '--queue', 'broken']);
    expect(merged.code).toBe(EXIT.unavailable);
    expect(merged.stderr).toMatch(/verbatim: the producer of queue "broken" at redis:\/\/127\.0\.0\.1:\d+ \(.+:\d+, started .+\) failed before the end of its input: .*the network share went away/);
    expect(merged.stderr).toMatch(/hint: fix the cause, then run verbatim queue produce again/);
  }, 30_000);

  it('merge ends with an error when the producer stopped saying it is alive (killed mid-input)', async () => {
    const queue = new Queue('dead', { connection: redisOptionsOf(redis.url) });
    try {
      // What a producer killed mid-input leaves: its status, and no heartbeat any more.
      const client = await queue.client;
      await client.set(queue.toKey('verbatim-producer'), JSON.stringify({ state: 'producing', started: '2026-12-04T10:00:00.000Z', by: 'host-7:4242' }));
      const error = await mergeQueue({ redis: redis.url, queue: 'dead' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueueError);
      expect((error as QueueError).code).toBe('producer-failed');
      expect((error as Error).message).toMatch(/the producer of queue "dead" .* \(host-7:4242, started 2026-12-04T10:00:00.000Z\) stopped before the end of its input: no sign of life for 10 s/);
    } finally {
      await queue.close();
    }
  });

  it('queue merge --clear writes the report, then empties the queue: every key of the run gone, and a run produced again merges as before', async () => {
    const where = ['--redis', redis.url, '--queue', 'cleared'];
    await produceQueue([SAMPLE], { redis: redis.url, queue: 'cleared', chunkRows: 100, keepAnnotations: true });
    await (await workQueue({ redis: redis.url, queue: 'cleared', untilEmpty: true })).done;
    expect(await keysOf(redis.url, 'cleared')).not.toEqual([]);
    const merged = await cli(['queue', 'merge', ...where, '--format', 'json', '--out', at('cleared.json'), '--annotate', at('cleared.jsonl'), '--clear']);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toMatch(/queue "cleared" emptied: 5 chunks removed, with their results and the run/);
    expect(readFileSync(at('cleared.json'), 'utf8')).toBe(readFileSync(at('single.json'), 'utf8'));
    expect(readFileSync(at('cleared.jsonl'), 'utf8')).toBe(readFileSync(at('single.jsonl'), 'utf8'));
    // Nothing of the run is left: chunks, results, the run's record and settings, bullmq's own keys.
    expect(await keysOf(redis.url, 'cleared')).toEqual([]);
    // A queue whose name reads as a pattern empties itself only: "clear*" leaves "cleared-too" (and "cleared") alone.
    await produceQueue([SAMPLE], { redis: redis.url, queue: 'cleared-too', chunkRows: 250 });
    await produceQueue([SAMPLE], { redis: redis.url, queue: 'clear*', chunkRows: 250 });
    const others = await keysOf(redis.url, 'cleared-too');
    expect(await clearQueue({ redis: redis.url, queue: 'clear*' })).toEqual({ queue: 'clear*', chunks: 2 });
    expect(await keysOf(redis.url, 'clear\\*')).toEqual([]);
    expect(await keysOf(redis.url, 'cleared-too')).toEqual(others);
    expect(others).toContain('bull:cleared-too:verbatim-run');
    // A merge now has no run to read; the same input produced again is enqueued and merged whole.
    const none = await mergeQueue({ redis: redis.url, queue: 'cleared', timeout: 300 }).catch((e: unknown) => e);
    expect((none as QueueError).problem.reason).toBe('no_run');
    expect(await produceQueue([SAMPLE], { redis: redis.url, queue: 'cleared', chunkRows: 100 })).toMatchObject({ chunks: 5, rows: 496 });
    await (await workQueue({ redis: redis.url, queue: 'cleared', untilEmpty: true })).done;
    expect((await mergeQueue({ redis: redis.url, queue: 'cleared', timeout: 10_000 })).report.summary.analysed).toBe(JSON.parse(readFileSync(at('single.json'), 'utf8')).summary.analysed);
  }, 60_000);

  it('clearing leaves alone a run produced after the one merged, and a queue whose producer or worker is at work (unless forced)', async () => {
    const first = at('first.csv');
    writeFileSync(first, `${readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 31).join('\n')}\n`);
    const before = await produceQueue([first], { redis: redis.url, queue: 'busy', chunkRows: 10 });
    await (await workQueue({ redis: redis.url, queue: 'busy', untilEmpty: true })).done;
    const merged = await mergeQueue({ redis: redis.url, queue: 'busy', timeout: 10_000 });
    // Another input produced since: the merged run is not the queue's any more.
    await produceQueue([SAMPLE], { redis: redis.url, queue: 'busy', chunkRows: 100 });
    const replaced = await clearQueue({ redis: redis.url, queue: 'busy', run: merged.runId }).catch((e: unknown) => e);
    expect(replaced).toBeInstanceOf(QueueError);
    expect((replaced as QueueError).code).toBe('busy');
    expect((replaced as Error).message).toMatch(/another run was produced in queue "busy" at redis:\/\/127\.0\.0\.1:\d+ after the one merged: the queue was not emptied/);
    const queue = new Queue('busy', { connection: redisOptionsOf(redis.url) });
    try {
      expect(await queue.getJobCounts('waiting')).toMatchObject({ waiting: 5 });
      // A producer at work (its status and its heartbeat): refused, nothing removed.
      const client = await queue.client;
      await client.set(queue.toKey('verbatim-producer'), JSON.stringify({ state: 'producing', started: '2026-12-05T10:00:00.000Z', by: 'host-7:4242' }));
      await client.set(queue.toKey('verbatim-producer-alive'), 'host-7:4242');
      const producing = await cli(['queue', 'clear', '--redis', redis.url, '--queue', 'busy']);
      expect(producing.code).toBe(EXIT.unavailable);
      expect(producing.stderr).toMatch(/queue "busy" at .* is at work \(a producer enqueuing chunks\): nothing removed/);
      expect(producing.stderr).toMatch(/hint: wait for the workers and the producer to finish, or stop them/);
      await client.del(queue.toKey('verbatim-producer'), queue.toKey('verbatim-producer-alive'));
      // A worker holding a chunk: refused too, then --force empties it all the same.
      let release = (): void => undefined;
      const held = new Promise<void>((r) => (release = r));
      let taken = (): void => undefined;
      const active = new Promise<void>((r) => (taken = r));
      const worker = new Worker('busy', async () => { taken(); await held; }, { connection: redisOptionsOf(redis.url), autorun: true });
      try {
        await active;
        const holding = await clearQueue({ redis: redis.url, queue: 'busy' }).catch((e: unknown) => e);
        expect((holding as QueueError).problem).toMatchObject({ reason: 'queue_busy', params: { active: 1, producing: false } });
        expect(await queue.getJobCounts('waiting', 'active')).toMatchObject({ waiting: 4, active: 1 });
        const forced = await cli(['queue', 'clear', '--redis', redis.url, '--queue', 'busy', '--force']);
        expect(forced.code).toBe(0);
        // Every chunk whatever its state: the merged run's, done, and the new one's, waiting or held.
        expect(forced.stderr).toContain(`queue "busy" emptied: ${before.chunks + 5} chunks removed`);
      } finally {
        release();
        await worker.close();
      }
      expect(await queue.getJobCounts('waiting', 'active', 'completed', 'failed')).toMatchObject({ waiting: 0, active: 0, completed: 0, failed: 0 });
    } finally {
      await queue.close();
    }
  }, 60_000);
  it('queue status says where the run stands (chunks waiting, done, gone; the producer) and writes nothing to Redis', async () => {
    const where = ['--redis', redis.url, '--queue', 'status'];
    const empty = await cli(['queue', 'status', ...where]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe(`queue "status" at ${redis.url}\nrun: none recorded (verbatim queue produce enqueues one)\nproducer: none at work\njobs in the queue: 0 completed, 0 active, 0 waiting, 0 delayed, 0 failed\n`);
    // Reading a queue (a name mistyped, say) leaves no key behind.
    expect(await keysOf(redis.url, 'status')).toEqual([]);

    await produceQueue([SAMPLE], { redis: redis.url, queue: 'status', chunkRows: 100 });
    const before = await queueStatus({ redis: redis.url, queue: 'status' });
    expect(before.run).toMatchObject({ files: [SAMPLE], rows: 496, chunks: 5, done: 0, waiting: 5, active: 0, failed: 0, gone: 0, keepAnnotations: false });
    expect(before.jobs).toEqual({ waiting: 5, active: 0, completed: 0, failed: 0, delayed: 0 });
    expect(before.producer).toBeUndefined();
    await (await workQueue({ redis: redis.url, queue: 'status', untilEmpty: true })).done;
    const merged = await mergeQueue({ redis: redis.url, queue: 'status', timeout: 10_000 });
    const after = await cli(['queue', 'status', ...where]);
    expect(after.stdout).toContain(`run ${merged.runId}: 496 rows of ${SAMPLE} in 5 chunks: 5 done, 0 being analysed, 0 waiting, 0 failed\n`);
    expect(after.stdout).toContain('jobs in the queue: 5 completed, 0 active, 0 waiting, 0 delayed, 0 failed');
    const json = JSON.parse((await cli(['queue', 'status', ...where, '--json'])).stdout) as Awaited<ReturnType<typeof queueStatus>>;
    expect(json.run).toMatchObject({ id: merged.runId, done: 5 });

    const queue = new Queue('status', { connection: redisOptionsOf(redis.url) });
    try {
      const client = await queue.client;
      const run = JSON.parse((await client.get(queue.toKey('verbatim-run'))) ?? '{}') as { chunks: Array<{ id: string }> };
      await (await queue.getJob(run.chunks[2]!.id))!.remove();
      expect((await cli(['queue', 'status', ...where])).stdout).toContain('4 done, 0 being analysed, 0 waiting, 0 failed, 1 gone');
      // A producer at work, then one that stopped saying so.
      await client.set(queue.toKey('verbatim-producer'), JSON.stringify({ state: 'producing', started: '2026-12-05T10:00:00.000Z', by: 'host-7:4242' }));
      await client.set(queue.toKey('verbatim-producer-alive'), 'host-7:4242');
      expect((await cli(['queue', 'status', ...where])).stdout).toContain('producer: at work since 2026-12-05T10:00:00.000Z (host-7:4242)');
      await client.del(queue.toKey('verbatim-producer-alive'));
      expect((await cli(['queue', 'status', ...where])).stdout).toContain('producer: no sign of life (started 2026-12-05T10:00:00.000Z, host-7:4242): its run will not come');
      expect((await queueStatus({ redis: redis.url, queue: 'status' })).producer).toEqual({ state: 'silent', by: 'host-7:4242', started: '2026-12-05T10:00:00.000Z' });
    } finally {
      await queue.close();
    }
  }, 60_000);
});

/** Events in a queue's bullmq event stream. */
async function eventsOf(url: string, name: string): Promise<number> {
  const client = new Redis(redisOptionsOf(url));
  try {
    return await client.xlen(`bull:${name}:events`);
  } finally {
    client.disconnect();
  }
}

/** Every key of a queue in Redis (read without bullmq, which writes its meta key when it connects). */
async function keysOf(url: string, name: string): Promise<string[]> {
  const client = new Redis(redisOptionsOf(url));
  try {
    return (await client.keys(`bull:${name}:*`)).sort();
  } finally {
    client.disconnect();
  }
}

/** Connection options for the test's own bullmq Queue. */
function redisOptionsOf(url: string) {
  const { connected: _c, ...options } = redisOptions(url);
  return options;
}
