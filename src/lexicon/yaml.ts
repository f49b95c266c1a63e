// The `yaml` package as parse.ts uses it, loaded on first use in Node: its Node
// build is 72 CommonJS files, which every import of the library (and every
// analysis worker) would otherwise resolve, read and compile before the first
// verbatim, though the default lexicons are compiled at build and need no
// parsing. The browser build imports it statically instead (yaml.browser.ts,
// swapped in by scripts/browser-data.mjs).
import type * as Yaml from 'yaml';

export type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
export type LineCounter = Yaml.LineCounter;
export type Document = Yaml.Document;

let loaded: typeof Yaml | undefined;

function yaml(): typeof Yaml {
  if (loaded === undefined) {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const nodeModule = proc?.getBuiltinModule?.('node:module') as { createRequire(from: string): (id: string) => unknown } | undefined;
    if (nodeModule === undefined) throw new Error('verbatim-fr: cannot load the yaml package here (no process.getBuiltinModule): use the browser build, or Node 20.16 or later');
    loaded = nodeModule.createRequire(import.meta.url)('yaml') as typeof Yaml;
  }
  return loaded;
}

export const isAlias = ((node: unknown) => yaml().isAlias(node)) as typeof Yaml.isAlias;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
// `visit.BREAK` and its kin are the package's own symbols: read from it.
export const visit = Object.defineProperties(((...args: Parameters<typeof Yaml.visit>) => yaml().visit(...args)) as typeof Yaml.visit, {
  BREAK: { get: () => yaml().visit.BREAK },
  SKIP: { get: () => yaml().visit.SKIP },
  REMOVE: { get: () => yaml().visit.REMOVE },
});
// `new LineCounter()` and `new Document(…)` give the package's own instances (a constructor returning an object yields it).
export const LineCounter = function LineCounter() {
  return new (yaml().LineCounter)();
} as unknown as typeof Yaml.LineCounter;
export const Document = function Document(...args: unknown[]) {
  return new (yaml().Document)(...(args as ConstructorParameters<typeof Yaml.Document>));
} as unknown as typeof Yaml.Document;
