// The rooms of src/ and who may enter them, read from the import statements
// of every source file (TypeScript's own pre-parser: static imports, re-exports
// and dynamic imports alike).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** Each source file (path from src/) → the source files it imports (paths from src/; packages left out). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((f) => f.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative(src, resolve(dirname(file), name)).replace(/\.js$/, '.ts'));
    graph.set(relative(src, file), targets);
  }
  return graph;
}

/** The room of a path from src/: its first folder (`lexicon/compile.ts` → `lexicon`), or the file at the top. */
const room = (path: string): string => path.split('/')[0] ?? path;

/** [importer, imported] pairs where a file outside `allowed` imports a file of `target`. */
function entering(graph: Map<string, string[]>, target: string, allowed: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const [file, targets] of graph) {
    if (room(file) === target || allowed.includes(room(file))) continue;
    for (const t of targets) if (room(t) === target) out.push([file, t]);
  }
  return out;
}

describe('import graph of src/', () => {
  const graph = importGraph();

  it('sees the source files and their imports', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('index.ts')).toContain('lexicon/index.ts');
  });

  it('lets only the lexicon room read generated data (src/data)', () => {
    expect(entering(graph, 'data', ['lexicon'])).toEqual([]);
  });

  it('keeps the data room to generated files that import no code but types', () => {
    for (const [file, targets] of graph) {
      if (room(file) !== 'data') continue;
      expect(file).toMatch(/\.generated\.ts$/);
      const text = readFileSync(join(src, file), 'utf8');
      for (const t of targets) expect(text, `${file} → ${t}`).toMatch(new RegExp(`import type [^;]+ from '[./]+${t.replace(/\.ts$/, '')}\\.js'`));
    }
  });

  it('keeps the text room free of the rooms above it', () => {
    const above = ['data', 'lexicon', 'analyze', 'report', 'io', 'cli'];
    const found = [...graph].filter(([file]) => room(file) === 'text').flatMap(([file, targets]) => targets.filter((t) => above.includes(room(t))).map((t) => [file, t]));
    expect(found).toEqual([]);
  });
});
