// The library's version, written into state files: set at build from
// package.json (tsup's `define`, vitest's too); `0.0.0-dev` elsewhere.
declare const __VERSION__: string | undefined;

export const LIBRARY_VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
