/**
 * The Node-only queue entry (`import … from 'verbatim-fr/queue'`): a corpus
 * run spread over machines with bullmq and Redis (bullmq is an optional peer
 * dependency, imported only when these functions run). Produce chunks of
 * rows, work on them anywhere, merge their results into the report of a
 * single run; empty the queue once merged. Re-exports only; built as dist/queue/index.*.
 * @module verbatim-fr/queue
 */
export { produceQueue, DEFAULT_CHUNK_ROWS } from './produce.js';
export type { ProduceQueueOptions, ProduceQueueResult } from './produce.js';
export { workQueue } from './work.js';
export type { QueueWorker, WorkQueueOptions } from './work.js';
export { mergeQueue } from './merge.js';
export type { MergeQueueOptions, MergeQueueResult } from './merge.js';
export { clearQueue } from './clear.js';
export { queueStatus } from './status.js';
export type { QueueRunStatus, QueueStatus, QueueStatusOptions } from './status.js';
export type { ProducerSeen } from './run.js';
export type { ClearQueueOptions, ClearQueueResult } from './clear.js';
export { QueueError, describeQueueError } from './errors.js';
export type { QueueErrorCode } from './errors.js';
export type { ChunkPlace, QueueErrorParams, QueuePlace, QueueProblem, QueueReason } from './messages.js';
export { DEFAULT_QUEUE, DEFAULT_REDIS_URL } from './connection.js';
export type { QueueAnalysisOptions } from './run.js';
