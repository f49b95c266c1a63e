// The SHA-256 of a value's canonical JSON (`writeCanonical`): the analyser's
// id, the built-in lexicon layers' provenance, the queue's settings and chunk
// ids. Node-only, beside state-file.ts, which stays free of Node modules.
import { createHash } from 'node:crypto';
import { writeCanonical } from './state-file.js';

/** Hex SHA-256 of `canonical(value)`, fed to the hash in pieces of about 64 KB, each cut between two JSON tokens (never inside a character). */
export function canonicalSha256(value: unknown): string {
  const hash = createHash('sha256');
  let pending = '';
  writeCanonical(value, (piece) => {
    pending += piece;
    if (pending.length >= 65_536) {
      hash.update(pending);
      pending = '';
    }
  });
  hash.update(pending);
  return hash.digest('hex');
}
