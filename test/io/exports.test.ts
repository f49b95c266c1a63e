import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAll } from './_helpers.js';

describe('verbatim-fr/io', () => {
  it('exports exactly the node-only API', async () => {
    const io = await import('../../src/node.js');
    expect(Object.keys(io).sort()).toEqual([
      'InputError', 'STATE_FORMAT', 'STATE_VERSION', 'StateMergeError', 'analyzeFiles', 'authorRole', 'createAnnotationWriter', 'createRunState', 'createRunStateMerger', 'describeInputIssue', 'finalizeRunState',
      'loadLexiconFiles', 'mergeRunStates', 'parseRunStates', 'readLexiconFile', 'readVerbatims', 'runStateChunks', 'stringifyRunState', 'writeRejects',
    ]);
  });

  it('reads standard input when the path is "-"', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(process, 'stdin')!;
    Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from('commentaire;canal\nRapide et efficace;chat\n')]), configurable: true });
    try {
      const items = await readAll(['-']);
      expect(items).toEqual([
        { type: 'verbatim', source: { file: '-', row: 1, line: 2, sheetRow: 2 }, verbatim: { id: 'stdin:1', text: 'Rapide et efficace', channel: 'chat' } },
      ]);
    } finally {
      Object.defineProperty(process, 'stdin', descriptor);
    }
  });
});
