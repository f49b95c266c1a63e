// What stops a queue command before or while it talks to Redis: bullmq not
// installed, a bad Redis URL, a Redis that cannot be reached, a run that is
// not in the queue, a producer that failed or stopped mid-input, a chunk that
// failed for good, a queue that cannot be emptied while it is at work.

import { queueText, type QueueProblem } from './messages.js';

/** Why a `QueueError` was thrown. */
export type QueueErrorCode = 'missing-dependency' | 'bad-url' | 'unreachable' | 'no-run' | 'producer-failed' | 'chunk-failed' | 'timeout' | 'busy';

/**
 * The queue cannot do its work: the message says what and where (the Redis
 * URL, the queue, the chunk: file and rows), `hint` how to fix it. In the
 * CLI: exit 69 (a service is unavailable).
 */
export class QueueError extends Error {
  readonly code: QueueErrorCode;
  readonly hint: string;
  /** The precise reason (`timeout`, `chunk_failed`…) and its parameters, for `queueText` to say it in French. */
  readonly problem: QueueProblem;

  constructor(code: QueueErrorCode, problem: QueueProblem) {
    const { message, hint } = queueText(problem);
    super(`verbatim-fr: ${message}\n    hint: ${hint}`);
    this.name = 'QueueError';
    this.code = code;
    this.hint = hint;
    this.problem = problem;
  }
}

/** What a `QueueError` says in `lang` (`fr` or `en`): its message and hint. */
export function describeQueueError(error: QueueError, lang: 'fr' | 'en' = 'en'): { message: string; hint: string } {
  return queueText(error.problem, lang);
}
