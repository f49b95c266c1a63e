// The browser build's differences with the Node build: src/lexicon/default-data.ts (the
// default lexicon data imported statically) is swapped for default-data.browser.ts (each part
// loaded on demand, in its own chunk), src/lexicon/yaml.ts (the `yaml` package loaded on
// first use through Node's require) for yaml.browser.ts (imported statically), and
// src/lexicon/store.ts (the tries stored next to the Node bundle) for store.browser.ts (none). An esbuild plugin, used by tsup.config.ts for
// dist/browser/ and by scripts/measure-install.mjs to size the browser core from src/.
import { join, sep } from 'node:path';

/** @type {import('esbuild').Plugin} */
export const browserData = {
  name: 'verbatim-browser-data',
  setup(build) {
    build.onResolve({ filter: /^\.\/default-data\.js$/ }, (args) =>
      args.resolveDir.endsWith(`${sep}src${sep}lexicon`) ? { path: join(args.resolveDir, 'default-data.browser.ts') } : undefined,
    );
    // src/lexicon/yaml.ts loads `yaml` on first use in Node; the browser imports it statically.
    build.onResolve({ filter: /^(\.\.?\/)+yaml\.js$/ }, (args) => {
      const path = join(args.resolveDir, args.path);
      return path.endsWith(`${sep}src${sep}lexicon${sep}yaml.js`) ? { path: path.replace(/\.js$/, '.browser.ts') } : undefined;
    });
    // src/lexicon/store.ts reads the tries and keys stored next to the Node bundle; a page has none.
    build.onResolve({ filter: /^(\.\.?\/)+(lexicon\/)?store\.js$/ }, (args) => {
      const path = join(args.resolveDir, args.path);
      return path.endsWith(`${sep}src${sep}lexicon${sep}store.js`) ? { path: path.replace(/\.js$/, '.browser.ts') } : undefined;
    });
  },
};
