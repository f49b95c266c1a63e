import type { Plugin } from 'esbuild';

/** Swaps src/lexicon/default-data.ts for default-data.browser.ts (see browser-data.mjs). */
export declare const browserData: Plugin;
