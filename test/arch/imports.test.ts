// The rooms of src/ and who may enter them, read from the import statements
// of every source file (TypeScript's own pre-parser: static imports, re-exports
// and dynamic imports alike), and the cycles among the files.
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

/**
 * The module specifiers a file imports for types only (`import type`,
 * `export type … from`, or named imports that are all `type`): the build
 * drops them, so they bind no code at run time.
 */
function typeOnlySpecifiers(file: string, text: string): Set<string> {
  const typeOnly = new Set<string>();
  const value = new Set<string>();
  for (const statement of ts.createSourceFile(file, text, ts.ScriptTarget.Latest).statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const types = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)));
      (types ? typeOnly : value).add(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const names = statement.exportClause;
      const types = statement.isTypeOnly || (names !== undefined && ts.isNamedExports(names) && names.elements.length > 0 && names.elements.every((e) => e.isTypeOnly));
      (types ? typeOnly : value).add(statement.moduleSpecifier.text);
    }
  }
  for (const specifier of value) typeOnly.delete(specifier);
  return typeOnly;
}

/**
 * Each source file (path from src/) → the source files it imports (paths from
 * src/; packages left out). `types: false` leaves out the imports of types
 * only, to see what loads what at run time.
 */
function importGraph(options: { types?: boolean } = {}): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const skip = options.types === false ? typeOnlySpecifiers(file, text) : new Set<string>();
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets = importedFiles
      .map((f) => f.fileName)
      .filter((name) => name.startsWith('.') && !skip.has(name))
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

/** The rooms that run in a browser: the "." entry and everything it reaches. */
const BROWSER_SAFE = ['index.ts', 'types.ts', 'options.ts', 'text', 'lexicon', 'analyze', 'report', 'discover', 'data', '_utils'];
/** The node-only rooms and entries: readers and writers, the corpus run, the run over a queue ("./queue"), the CLI, the "./io" entry. */
const NODE_ONLY = ['io', 'run', 'queue', 'cli', 'node.ts'];

/**
 * Rooms whose files import each other's types in a circle today (issue 10):
 * lexicon/compile.ts ↔ lexicon/store.ts, and most of report/ through
 * report/types.ts and the renderers' types. They bind no code at run time.
 */
const TYPE_CYCLE_ROOMS = ['lexicon', 'report'];

/** [importer, imported] pairs where a file of room `from` imports a file of one of the rooms `to`. */
function crossing(graph: Map<string, string[]>, from: string, to: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const [file, targets] of graph) {
    if (room(file) !== from) continue;
    for (const t of targets) if (to.includes(room(t))) out.push([file, t]);
  }
  return out;
}

/**
 * The import cycles of the graph, one per strongly connected component of more
 * than one file (or a file importing itself), each as its files sorted (Tarjan's
 * algorithm, iterative so a deep chain of imports cannot overflow the stack).
 */
function importCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    // Each frame: a file and how many of its imports have been visited.
    const frames: Array<[string, number]> = [[start, 0]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const [file, i] = frame;
      const targets = graph.get(file) ?? [];
      if (i < targets.length) {
        frame[1] = i + 1;
        const t = targets[i]!;
        if (!graph.has(t)) continue;
        if (!index.has(t)) {
          index.set(t, next);
          low.set(t, next++);
          stack.push(t);
          onStack.add(t);
          frames.push([t, 0]);
        } else if (onStack.has(t)) low.set(file, Math.min(low.get(file)!, index.get(t)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(file)!));
      if (low.get(file) !== index.get(file)) continue;
      const component: string[] = [];
      for (let f = stack.pop()!; ; f = stack.pop()!) {
        onStack.delete(f);
        component.push(f);
        if (f === file) break;
      }
      if (component.length > 1 || targets.includes(file)) cycles.push(component.sort());
    }
  }
  return cycles;
}

describe('imports of types only', () => {
  it.each([
    [`import type { A } from './a.js';`, ['./a.js']],
    [`import { type A, type B } from './a.js';`, ['./a.js']],
    [`export type * from './a.js';`, ['./a.js']],
    [`export type { A } from './a.js';`, ['./a.js']],
    [`import { type A, b } from './a.js';`, []],
    [`import { a } from './a.js';`, []],
    [`import './a.js';`, []],
    [`export * from './a.js';`, []],
    [`import type { A } from './a.js';\nimport { b } from './a.js';`, []],
    [`import type { A } from './a.js';\nconst m = import('./b.js');`, ['./a.js']],
  ])('%s', (text, expected) => {
    expect([...typeOnlySpecifiers('x.ts', text)]).toEqual(expected);
  });
});

describe('the cycle finder', () => {
  it.each([
    ['no cycle', { a: ['b'], b: ['c'], c: [] }, []],
    ['a file importing itself', { a: ['a'] }, [['a']]],
    ['two files', { a: ['b'], b: ['a'], c: ['a'] }, [['a', 'b']]],
    ['a long loop and a separate pair', { a: ['b'], b: ['c'], c: ['d'], d: ['a'], e: ['f'], f: ['e'] }, [['a', 'b', 'c', 'd'], ['e', 'f']]],
    ['imports of files outside the graph', { a: ['x'], b: ['a'] }, []],
  ])('%s', (_, edges, expected) => {
    const cycles = importCycles(new Map(Object.entries(edges)));
    expect(cycles.sort((x, y) => x.join().localeCompare(y.join()))).toEqual(expected);
  });
});

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

  it('knows every room of src/ as browser-safe or node-only', () => {
    const rooms = new Set([...graph.keys()].map(room));
    expect([...rooms].filter((r) => !BROWSER_SAFE.includes(r) && !NODE_ONLY.includes(r))).toEqual([]);
    // A rule over a room that was renamed away would pass without checking anything.
    expect([...BROWSER_SAFE, ...NODE_ONLY].filter((r) => !rooms.has(r))).toEqual([]);
  });

  it("keeps the readers' room (io) out of the analysis, the report, the run and the CLI", () => {
    expect(crossing(graph, 'io', ['analyze', 'report', 'run', 'cli', 'node.ts'])).toEqual([]);
  });

  it('keeps the run out of the CLI', () => {
    expect(crossing(graph, 'run', ['cli', 'node.ts'])).toEqual([]);
  });

  it.each(BROWSER_SAFE)('keeps the browser-safe room %s free of node-only code', (from) => {
    expect(crossing(graph, from, NODE_ONLY)).toEqual([]);
  });

  it('has no import cycle among source files at run time', () => {
    expect(importCycles(importGraph({ types: false }))).toEqual([]);
  });

  it('has no import cycle through imports of types, but inside the rooms known to have some', () => {
    const cycles = importCycles(graph);
    expect(cycles.filter((files) => !TYPE_CYCLE_ROOMS.some((r) => files.every((f) => room(f) === r)))).toEqual([]);
    // Once a room's last cycle is broken, it leaves the list, so that no new one comes back unseen.
    for (const r of TYPE_CYCLE_ROOMS) expect(cycles.some((files) => files.every((f) => room(f) === r)), `no type cycle left in ${r}/: remove it from TYPE_CYCLE_ROOMS`).toBe(true);
  });
});
