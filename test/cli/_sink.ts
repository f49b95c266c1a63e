// A writable stream that keeps what is written to it: standard output or error of an in-process CLI run.
import { Writable } from 'node:stream';

export function sink(): { stream: Writable; text(): string } {
  let text = '';
  return {
    stream: new Writable({
      write(chunk, _encoding, callback) {
        text += String(chunk);
        callback();
      },
    }),
    text: () => text,
  };
}
