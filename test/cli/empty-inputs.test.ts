// Inputs with no row say so: a header with no row, an empty standard input
// (no row to analyse, exit 3), an empty file (no column to read, exit 3).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sink } from './_sink.js';
import { EXIT, main } from '../../src/cli/main.js';

async function run(args: string[], lang: 'en' | 'fr', stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, { stdout: out.stream, stderr: err.stream, env: { CI: 'true', VERBATIM_LANG: lang }, stdin: Readable.from([Buffer.from(stdin)]) });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('inputs with no row', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-empty-'));
  const at = (name: string, content: string): string => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };

  it.each([
    ['a header only', (): string[] => ['analyze', at('header.csv', 'id;commentaire\n')], ''],
    ['an empty standard input', (): string[] => ['analyze', '-'], ''],
    ['standard input of blank lines', (): string[] => ['analyze', '-'], '\n\n  \n'],
  ])('%s: exit 3, saying the input holds no row', async (_name, args, stdin) => {
    const en = await run(args(), 'en', stdin);
    expect([en.code, en.stdout]).toEqual([EXIT.input, '']);
    expect(en.stderr).toBe('verbatim: no verbatim to analyse: the input holds no row (empty, or a header only)\n');
    const fr = await run(args(), 'fr', stdin);
    expect(fr.stderr).toBe("verbatim: aucun verbatim à analyser : l'entrée ne contient aucune ligne (vide, ou un en-tête seul)\n");
  });

  it('an empty file: exit 3, no column, said as such rather than "columns found: (none)"', async () => {
    const r = await run(['analyze', at('empty.csv', '')], 'en');
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toContain('no text column found');
    expect(r.stderr).toContain('the input holds no column: an empty file, or no header line or record in it');
    expect(r.stderr).not.toContain('(none)');
  });

  it('rows that are all rejected still say how many and why', async () => {
    const r = await run(['analyze', at('blank-texts.csv', 'id;commentaire\n1;\n2; \n')], 'en');
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toMatch(/no verbatim could be analysed \(2 rows skipped — empty text: 2; see --rejects FILE\)/);
  });

  it('said in French with French punctuation', async () => {
    const r = await run(['analyze', at('blank-texts-fr.csv', 'id;commentaire\n1;\n2; \n')], 'fr');
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toContain("aucun verbatim n'a pu être analysé (2 lignes écartées — texte vide : 2 ; voir --rejects FICHIER)");
  });
});
