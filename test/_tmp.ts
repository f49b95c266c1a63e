// One temporary folder for the whole run, removed at its end: every test (and
// every CLI the tests start, which inherit TMPDIR) writes its temporary files
// under it, so a run leaves nothing in the machine's /tmp, whether or not a
// test cleans up after itself or is cut short by a failure. Set once: each
// vitest project runs the setup again, and folders nested in folders made
// Chromium's socket path too long.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MARK = 'VERBATIM_FR_TEST_TMPDIR';

export default function setup(): () => void {
  if (process.env[MARK] !== undefined) return () => undefined;
  const root = mkdtempSync(join(tmpdir(), 'vfr-tests-'));
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  process.env[MARK] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    delete process.env[MARK];
    rmSync(root, { recursive: true, force: true });
  };
}
