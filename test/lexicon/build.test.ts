// The build validates, composes and compiles the default lexicons with the
// library's own code and fails on any issue, naming file, line, column and
// hint (scripts/build-lexicons.mjs --check DIR: the same checks, nothing written).
// The shipped lexicons pass: `npm run build` runs these checks before the tests.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of lexicons/ with some files edited, checked by the build script: exit code and stderr. */
function check(edit: (dir: string) => void): { status: number | null; stderr: string; stdout: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'verbatim-build-'));
  dirs.push(tmp);
  const dir = join(tmp, 'lexicons');
  cpSync(join(root, 'lexicons'), dir, { recursive: true });
  edit(dir);
  const run = spawnSync(process.execPath, [join(root, 'scripts/build-lexicons.mjs'), '--check', dir], { encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

describe('build-lexicons fails on any lexicon issue', () => {
  it('names file, line and column of syntax, schema and term problems, in every layer', () => {
    const run = check((dir) => {
      // A YAML error on line 3 of a French layer, an unknown field in a sector layer.
      writeFileSync(join(dir, 'fr', 'zz-broken.yml'), 'version: 1\nentries:\n  - id: [oops\n');
      const sector = join(dir, 'fr', 'sectors', 'banque.yml');
      writeFileSync(sector, readFileSync(sector, 'utf8').replace('  - id: prix\n', '  - id: prix\n    colour: blue\n'));
      appendFileSync(join(dir, 'en', 'themes.yml'), '  - id: zz_extra\n    kind: theme\n    label: Extra\n    terms: ["lemma:xyzzyq"]\n');
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/lexicons\/fr\/zz-broken\.yml:\d+:\d+: YAML syntax error/);
    expect(run.stderr).toMatch(/lexicons\/fr\/sectors\/banque\.yml:10:5 \[prix\]: .*colour/);
    expect(run.stderr).toMatch(/lexicons\/en\/themes\.yml:\d+:\d+ \[zz_extra\]: unknown lemma "lemma:xyzzyq"/);
    expect(run.stderr).toMatch(/hint: /);
    expect(run.stderr).toContain('nothing written to src/data');
  }, 120_000);

  it('reports composition problems, once every layer is valid: an unknown theme, a patch of an unknown id', () => {
    const run = check((dir) => {
      appendFileSync(join(dir, 'fr', 'sectors', 'banque.yml'), '  - id: frais_caches_banque\n    kind: irritant\n    label: Frais cachés\n    theme: banquz\n    terms: ["frais cachés"]\n');
      appendFileSync(join(dir, 'en', 'themes.yml'), '  - id: acceuil\n    addTerms: ["greeter"]\n');
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/lexicons\/fr\/sectors\/banque\.yml:\d+:\d+ \[frais_caches_banque\]: unknown theme "banquz"/);
    expect(run.stderr).toMatch(/lexicons\/en\/themes\.yml:\d+:\d+ \[acceuil\]: patch for unknown id "acceuil"\n +hint: did you mean "accueil"/);
  }, 120_000);
});
