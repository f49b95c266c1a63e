// The identity of an analyser: a hash of what decides its analyses (the
// composed lexicon, its options, and whether agent turns are analysed), so
// that states of different analysers are never merged.
import { createHash } from 'node:crypto';
import type { Analyzer } from '../analyze/index.js';
import { canonical } from './state-file.js';

/** `sha256:` and the hex hash of the composed lexicon, the analyser's options and `allTurns`. */
export function analyzerId(analyzer: Analyzer, allTurns: boolean): string {
  const hash = createHash('sha256');
  hash.update(canonical({ lexicon: analyzer.lexicon, options: analyzer.options, allTurns }));
  return `sha256:${hash.digest('hex')}`;
}
