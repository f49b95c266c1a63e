// bullmq, loaded only when a queue command or function runs (it is an
// optional peer dependency: a default install of verbatim-fr goes without
// it), and the Redis it talks to, checked at once so that a wrong URL is one
// clear error instead of endless reconnection attempts.
import type * as BullMQ from 'bullmq';
import { QueueError } from './errors.js';
import { expectedError } from '../_utils/describe.js';

/** The bullmq module, as `import('bullmq')` gives it. */
export type BullMQModule = typeof BullMQ;

/** Where Redis is when no URL is given. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** The queue used when no name is given. */
export const DEFAULT_QUEUE = 'verbatim';
/** Input rows per chunk by default (`produceQueue`'s `chunkRows`, `--chunk-rows`). */
export const DEFAULT_CHUNK_ROWS = 1000;
/**
 * Events bullmq keeps in the queue's event stream (its default: 10,000).
 * Each "completed" event carries the job's result: with the default, Redis
 * held every chunk's result twice (12.5 of 28.2 MB on a 5 MB export). Live
 * listeners (QueueEvents, dashboards) read events as they come: a short
 * stream serves them. Written to the queue's meta by every queue opened here.
 */
const EVENTS_KEPT = 10;
/** How long to wait for Redis to answer before giving up (ms). */
const CONNECT_TIMEOUT = 10_000;

/** The package a module-not-found error is about (`'bullmq'`, `'ioredis'`…), or undefined for another error. */
function missingPackage(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' && e?.code !== 'MODULE_NOT_FOUND') return undefined;
  return /Cannot find (?:package|module) '([^'/]+(?:\/[^'/]+)?)/.exec(e.message)?.[1];
}

/**
 * Imports bullmq; when it (or the ioredis it uses) is not installed, throws a
 * `QueueError` saying to install it. `load` is the import (replaced in tests).
 * @internal
 */
export async function loadBullmq(load: () => Promise<unknown> = () => import('bullmq')): Promise<BullMQModule> {
  try {
    return (await load()) as BullMQModule;
  } catch (error) {
    const missing = missingPackage(error);
    if (missing === 'bullmq' || missing === 'ioredis') {
      throw new QueueError('missing-dependency', { reason: 'missing_dependency', params: { missing } });
    }
    throw error;
  }
}

/** A Redis URL without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/**
 * ioredis connection options of a `redis://[user:password@]host[:port][/db]`
 * URL (`rediss://`: TLS). Until `connected()` is called, a failed connection
 * is not tried again (the first error is the answer); after, it is, every
 * half second up to every 5 s (Redis restarted under running workers).
 */
export function redisOptions(url: string): Record<string, unknown> & { connected(): void } {
  const bad = (why: 'notUrl' | 'protocol' | 'database', protocol?: string): never => {
    throw new QueueError('bad-url', { reason: 'bad_url', params: { url: shownUrl(url), why, ...(protocol !== undefined ? { protocol } : {}) } });
  };
  if (typeof url !== 'string') throw expectedError('a Redis URL string', typeof url);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return bad('notUrl');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') bad('protocol', u.protocol.replace(/:$/, ''));
  const db = u.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) bad('database');
  let connected = false;
  return {
    connected: () => void (connected = true),
    retryStrategy: (times: number): number | null => (connected ? Math.min(times * 500, 5000) : null),
    host: u.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: u.port === '' ? 6379 : Number(u.port),
    ...(u.username !== '' ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password !== '' ? { password: decodeURIComponent(u.password) } : {}),
    ...(db !== '' ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** What `QueueError` says when Redis does not answer. */
export function unreachable(url: string, error: unknown): QueueError {
  const e = error as NodeJS.ErrnoException | undefined;
  const why = e?.code ?? (e instanceof Error ? e.message : String(error));
  return new QueueError('unreachable', { reason: 'unreachable', params: { url: shownUrl(url), why } });
}

/**
 * A bullmq `Queue` on `url`, once Redis has answered; the first connection
 * error (refused, unknown host, bad password) or no answer within 10 s
 * throws a `QueueError` instead, and closes what was opened. `readOnly`:
 * bullmq writes nothing (not even its meta key).
 */
export async function openQueue(bullmq: BullMQModule, url: string, name: string, onError: (error: Error) => void = () => undefined, readOnly = false): Promise<BullMQ.Queue> {
  // bullmq's keys are `bull:<name>:…`: it refuses an empty name and a colon, with an untyped error.
  if (typeof name !== 'string' || name === '' || name.includes(':')) throw expectedError('a queue name, not empty and without a colon (:)', JSON.stringify(name));
  const { connected, ...connection } = redisOptions(url);
  // Read-only (status): bullmq writes nothing, not even its meta key (a queue name mistyped leaves no trace).
  const queue = new bullmq.Queue(name, { connection: connection as BullMQ.ConnectionOptions, streams: { events: { maxLen: EVENTS_KEPT } }, skipMetasUpdate: readOnly });
  // Errors after the connection was made (Redis restarted: ioredis reconnects) are said, never thrown from an emitter;
  // the ones before are the QueueError below.
  let open = false;
  queue.on('error', (error) => {
    if (open) onError(error);
  });
  try {
    await ready(queue, url);
  } catch (error) {
    // Not tried again (see redisOptions): the connection has ended, closing takes no time.
    await queue.close().catch(() => undefined);
    throw error;
  }
  connected();
  open = true;
  return queue;
}

/** Resolves once `thing` is connected; rejects with a `QueueError` once its connection failed (saying the first error), or after 10 s. */
export async function ready(thing: { waitUntilReady(): Promise<unknown>; on(event: 'error', fn: (error: Error) => void): unknown; off(event: 'error', fn: (error: Error) => void): unknown }, url: string): Promise<void> {
  let onError: ((error: Error) => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      // The connection is not tried again (redisOptions): its first error ends it, and waitUntilReady rejects.
      let first: Error | undefined;
      onError = (error) => void (first ??= error);
      thing.on('error', onError);
      timer = setTimeout(() => reject(unreachable(url, first ?? new Error(`no answer in ${CONNECT_TIMEOUT / 1000} s`))), CONNECT_TIMEOUT);
      thing.waitUntilReady().then(() => resolve(), (error: unknown) => reject(unreachable(url, first ?? error)));
    });
  } finally {
    clearTimeout(timer);
    if (onError) thing.off('error', onError);
  }
}
