// The `yaml` package as parse.ts uses it, for the browser build (swapped in for
// yaml.ts by scripts/browser-data.mjs): imported statically, and made a chunk of
// its own (tsup.config.ts), so that a page that never parses a lexicon drops it,
// and `yaml` with it, from its bundle (a package import inside a shared chunk
// would keep `yaml` whole, its package not being side-effect free).
export { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
export type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
export { Document } from 'yaml';
