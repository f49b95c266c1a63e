import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

/** A stream that keeps what is written to it, a terminal or not. */
function sink(isTTY: boolean): Writable & { isTTY: boolean; columns: number; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, { isTTY, columns: 80, text: () => chunks.join('') });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the progress bar', () => {
  it('is drawn on a terminal once the delay is over, with the rows counted', async () => {
    const stream = sink(true);
    const progress = createProgress({ stream, delayMs: 0, format: '{value} verbatims' });
    // The bar's library is loaded when the progress is made: ticks before it is there count, and draw nothing.
    progress.tick(5);
    for (let i = 0; i < 200 && !stream.text().includes('verbatims'); i++) {
      await wait(10);
      progress.tick(1);
    }
    progress.stop();
    expect(stream.text()).toMatch(/\d+ verbatims/);
    expect(Number(/(\d+) verbatims/.exec(stream.text())?.[1])).toBeGreaterThanOrEqual(6);
  });

  it('writes nothing where the output is no terminal, or when it is off', async () => {
    for (const [stream, enabled] of [[sink(false), true], [sink(true), false]] as const) {
      const progress = createProgress({ stream, delayMs: 0, enabled });
      progress.tick(10);
      await wait(50);
      progress.tick(10);
      progress.stop();
      expect(stream.text()).toBe('');
    }
  });
});
