// One temporary folder for the whole run, removed at its end: every test (and
// every CLI the tests start, which inherit TMPDIR) writes its temporary files
// under it, so a run leaves nothing in the machine's /tmp, whether or not a
// test cleans up after itself or is cut short by a failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'verbatim-fr-tests-'));
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
