// Public API of src/discover (re-exported by src/index.ts).
export { createDiscoverBuilder, discover, finalizeDiscover, mergeDiscoverStates } from './discover.js';
export type { DiscoverBuilder } from './discover.js';
export { draftLexicon } from './draft.js';
export type { DraftLexiconOptions } from './draft.js';
export { discoverHtmlSection, renderDiscover } from './render.js';
export type { DiscoverFormat } from './render.js';
export type { DiscoverRenderOptions } from './messages.js';
export type * from './types.js';
export { createKwic, KWIC_PROBE, kwicLayer, renderKwic } from './kwic.js';
export type { KwicHit, KwicOptions, KwicResult } from './kwic.js';
