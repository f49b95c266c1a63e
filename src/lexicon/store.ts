// The default lexicons compiled at build time. `npm run build` compiles the
// default French lexicons and their English layer once, with the library's
// own compiler, and stores the tries next to the bundle
// (dist/default-matchers.bin, scripts/build-matchers.mjs). In Node,
// compileLexicon looks a lexicon up there before compiling it: the default
// analyser then costs a file read, not a trie compilation, in every process
// and worker thread. The browser entry never reads it (no fs): it compiles as
// before, and its bundle does not carry the tries (1.3 MB for the defaults).
//
// A stored trie is found by the fingerprint of what compiling reads: the
// enabled entries' terms and exclusions, the SMS table keying them, the
// lemma and French word tables, the store's format. Any other lexicon (user
// layers, sectors) is compiled as before.
//
// The store also holds the keys of the words the default analyser keys when
// it starts (sentiment, modality, negation and implied-rule words: some 2,600
// phrases, each tokenized, 40 ms of every cold start), per SMS table keying
// them: `storedTermKeys` reads them there, and keys any other word as before.
// Likewise the terms of the default English layers in key form
// (`lemmatizeTerm`: 287 terms, each alternative tokenized and keyed twice,
// 100 ms of every process that meets an English verbatim): `storedEnglishTerms`.
import { FR_WORDS } from '../data/fr-words.generated.js';
import { LEMMA_SUFFIXES, LEMMA_TABLE } from '../data/lemmas.generated.js';
import type { CompileOptions, MatcherData } from './compile.js';
import { defaultTextTables } from './defaults.js';
import { lemmatizeTerm, type EnglishForms } from '../text/english.js';
import { termKeys, type KeyingOptions } from './keys.js';
import type { Lexicon } from './types.js';

/** The store file's name, in the folder of the bundle that holds the library (dist/). */
export const STORE_FILE = 'default-matchers.bin';
/** Bumped when MatcherData or this file's layout changes. */
const FORMAT = 3;
/** "VFRM", little-endian. */
const MAGIC = 0x4d524656;
/**
 * The Int32Array fields of MatcherData, in the order they are written, with
 * the stride their values are told apart by: each value is written as its
 * difference with the value `stride` places before (the table's rows are five
 * growing offsets, the gaps and the patterns three numbers), zigzag and
 * LEB128 coded, so most take one byte instead of four.
 */
const ARRAYS = [
  ['table', 5],
  ['keys.id', 1],
  ['keys.to', 1],
  ['stems.id', 1],
  ['stems.to', 1],
  ['globs.id', 1],
  ['globs.to', 1],
  ['gaps', 3],
  ['ends', 3],
] as const;

interface StoredHeader {
  fingerprint: string;
  keyList: string[];
  stemList: string[];
  globList: string[];
  known: string[];
  accented: Array<[string, string[]]>;
  /** Per ARRAYS field: its length. */
  arrays: number[];
}

/** What a stored matcher is looked up by and holds. */
export interface StoredMatcher {
  fingerprint: string;
  data: MatcherData;
}

/**
 * Texts and what a function of them gives, under the fingerprint of what else
 * it reads: the keys of written words under one keying (`keyingFingerprint`:
 * `termKeys(texts[i], keying)` is `keys[i]` split on spaces), or English
 * terms in key form (`englishTermsFingerprint`: `lemmatizeTerm(texts[i], forms)`
 * is `keys[i]`).
 */
export interface StoredKeys {
  fingerprint: string;
  texts: string[];
  /** Each text's keys joined by a space (a key holds none; "" for no key), or its term in key form. */
  keys: string[];
}

/** What the store file holds. */
export interface StoreContent {
  matchers: StoredMatcher[];
  keys: StoredKeys[];
}

interface NodeApi {
  readFile(path: string): Uint8Array | undefined;
  fileNear(name: string): string[];
  sha256(parts: readonly string[]): string;
}

let node: NodeApi | null | undefined;

/** fs, path and crypto through process.getBuiltinModule (no static import: the browser entry stays free of them). */
function nodeApi(): NodeApi | undefined {
  if (node !== undefined) return node ?? undefined;
  node = null;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  const fs = proc.getBuiltinModule('node:fs') as { readFileSync(path: string): Uint8Array; existsSync(path: string): boolean } | undefined;
  const path = proc.getBuiltinModule('node:path') as { join(...parts: string[]): string; dirname(p: string): string } | undefined;
  const url = proc.getBuiltinModule('node:url') as { fileURLToPath(u: string): string } | undefined;
  const crypto = proc.getBuiltinModule('node:crypto') as { createHash(algorithm: string): { update(s: string): unknown; digest(encoding: 'hex'): string } } | undefined;
  if (fs === undefined || path === undefined || url === undefined || crypto === undefined) return undefined;
  // Where this module lives once bundled (tsup shims import.meta.url in the CommonJS build).
  const here: unknown = import.meta.url;
  const dir = typeof here === 'string' && here.startsWith('file:') ? path.dirname(url.fileURLToPath(here)) : undefined;
  node = {
    readFile: (p) => (fs.existsSync(p) ? fs.readFileSync(p) : undefined),
    // The library chunk is in dist/; the CLI bundle one folder down (dist/cli/).
    fileNear: (name) => (dir === undefined ? [] : [path.join(dir, name), path.join(dir, '..', name)]),
    sha256: (parts) => {
      const hash = crypto.createHash('sha256');
      for (const part of parts) hash.update(part);
      return hash.digest('hex');
    },
  };
  return node;
}

let tablesDigest: string | undefined;

/**
 * How many enabled entries a lexicon has, and terms and exclusions in them:
 * how a matcher's fingerprint begins, found without hashing anything (most
 * lexicons a store is asked for are not in it, and hashing one of 100,000
 * entries takes a quarter of a second).
 */
function sizeOf(lexicon: Lexicon): string {
  let entries = 0;
  let terms = 0;
  for (const e of lexicon.entries) {
    if (e.disabled) continue;
    entries += 1;
    terms += e.terms.length + e.exclude.length;
  }
  return `${entries}/${terms}`;
}

/** The size part of a matcher's fingerprint (`sizeOf`). */
const sizePart = (fingerprint: string): string => fingerprint.slice(0, fingerprint.indexOf(':'));

/**
 * The fingerprint of what compiling `lexicon` with `options` reads (default
 * French word data assumed: a lexicon compiled with other `words` is never
 * stored nor looked up).
 */
export function matcherFingerprint(lexicon: Lexicon, options: CompileOptions, api: Pick<NodeApi, 'sha256'>): string {
  tablesDigest ??= api.sha256([FR_WORDS.covered, FR_WORDS.neighbours, FR_WORDS.collisions, JSON.stringify(LEMMA_SUFFIXES), JSON.stringify(LEMMA_TABLE)]);
  const entries = lexicon.entries.filter((e) => !e.disabled).map((e) => [e.terms, e.exclude]);
  return `${sizeOf(lexicon)}:${api.sha256([String(FORMAT), tablesDigest, JSON.stringify(options.sms ?? defaultTextTables().sms), JSON.stringify(entries)])}`;
}

/** The fingerprint of what `termKeys(text, keying)` reads besides the text: the SMS table (the default one when absent). */
export function keyingFingerprint(keying: KeyingOptions, api: Pick<NodeApi, 'sha256'>): string {
  return api.sha256([String(FORMAT), 'keys', JSON.stringify(keying.sms ?? defaultTextTables().sms)]);
}

/** The fingerprint of what `lemmatizeTerm(term, forms)` reads besides the term: the forms table. */
export function englishTermsFingerprint(forms: EnglishForms, api: Pick<NodeApi, 'sha256'>): string {
  return api.sha256([String(FORMAT), 'english terms', JSON.stringify(forms)]);
}

function arrayOf(data: MatcherData, field: string): Int32Array {
  const [a, b] = field.split('.') as [keyof MatcherData, string | undefined];
  const value = data[a] as unknown;
  return (b === undefined ? value : (value as Record<string, Int32Array>)[b]) as Int32Array;
}

/** The store file holding these matchers (and these keys). */
export function serializeMatchers(matchers: readonly StoredMatcher[], keys: readonly StoredKeys[] = []): Uint8Array {
  const headers: StoredHeader[] = matchers.map(({ fingerprint, data }) => ({
    fingerprint,
    keyList: data.keyList,
    stemList: data.stemList,
    globList: data.globList,
    known: data.known,
    accented: data.accented,
    arrays: ARRAYS.map(([field]) => arrayOf(data, field).length),
  }));
  const json = new TextEncoder().encode(JSON.stringify({ matchers: headers, keys }));
  const body: number[] = [];
  for (const { data } of matchers) {
    for (const [field, stride] of ARRAYS) {
      const array = arrayOf(data, field);
      for (let k = 0; k < array.length; k += 1) {
        const d = (array[k] as number) - (k >= stride ? (array[k - stride] as number) : 0);
        let v = ((d << 1) ^ (d >> 31)) >>> 0;
        while (v >= 0x80) {
          body.push((v & 0x7f) | 0x80);
          v >>>= 7;
        }
        body.push(v);
      }
    }
  }
  // Magic, format, header length, header, arrays.
  const bytes = new Uint8Array(12 + json.length + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT, true);
  view.setUint32(8, json.length, true);
  bytes.set(json, 12);
  bytes.set(body, 12 + json.length);
  return bytes;
}

/** The matchers of a store file; empty when the file is not one (another format, truncated). */
export function deserializeMatchers(file: Uint8Array): StoredMatcher[] {
  return deserializeStore(file).matchers;
}

/** What a store file holds; nothing when the file is not one (another format, truncated). */
export function deserializeStore(file: Uint8Array): StoreContent {
  const none: StoreContent = { matchers: [], keys: [] };
  if (file.length < 12) return none;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== FORMAT) return none;
  const length = view.getUint32(8, true);
  if (12 + length > file.length) return none;
  const { matchers: headers, keys } = JSON.parse(new TextDecoder().decode(file.subarray(12, 12 + length))) as { matchers: StoredHeader[]; keys: StoredKeys[] };
  let at = 12 + length;
  const int32 = (count: number, stride: number): Int32Array | undefined => {
    const out = new Int32Array(count);
    for (let k = 0; k < count; k += 1) {
      let v = 0;
      let shift = 0;
      let byte: number;
      do {
        if (at >= file.length) return undefined;
        byte = file[at] as number;
        at += 1;
        v |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte >= 0x80);
      out[k] = ((v >>> 1) ^ -(v & 1)) + (k >= stride ? (out[k - stride] as number) : 0);
    }
    return out;
  };
  const out: StoredMatcher[] = [];
  for (const h of headers) {
    const arrays: Int32Array[] = [];
    for (let i = 0; i < ARRAYS.length; i += 1) {
      const array = int32(h.arrays[i] ?? 0, (ARRAYS[i] as (typeof ARRAYS)[number])[1]);
      if (array === undefined) return none;
      arrays.push(array);
    }
    const [table, keysId, keysTo, stemsId, stemsTo, globsId, globsTo, gaps, ends] = arrays as [
      Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array,
    ];
    out.push({
      fingerprint: h.fingerprint,
      data: {
        table,
        keys: { id: keysId, to: keysTo },
        stems: { id: stemsId, to: stemsTo },
        globs: { id: globsId, to: globsTo },
        gaps,
        ends,
        keyList: h.keyList,
        stemList: h.stemList,
        globList: h.globList,
        known: h.known,
        accented: h.accented,
      },
    });
  }
  return { matchers: out, keys };
}

/**
 * The store: undefined until looked for, then the matchers, and the keys of texts (by text), by fingerprint
 * (empty when there is none), and the size parts of the matchers' fingerprints.
 */
let store: { matchers: Map<string, MatcherData>; sizes: Set<string>; keys: Map<string, Map<string, string>> } | undefined;

function storeOf(content: StoreContent): NonNullable<typeof store> {
  return {
    matchers: new Map(content.matchers.map((m) => [m.fingerprint, m.data])),
    sizes: new Set(content.matchers.map((m) => sizePart(m.fingerprint))),
    keys: new Map(content.keys.map((k) => [k.fingerprint, new Map(k.texts.map((text, i) => [text, k.keys[i] ?? '']))])),
  };
}

function loadStore(): NonNullable<typeof store> {
  if (store !== undefined) return store;
  store = storeOf({ matchers: [], keys: [] });
  const api = nodeApi();
  for (const path of api?.fileNear(STORE_FILE) ?? []) {
    const file = api?.readFile(path);
    if (file === undefined) continue;
    store = storeOf(deserializeStore(file));
    break;
  }
  return store;
}

/**
 * Adds tries compiled elsewhere (`collectCompiled` in another thread) to this
 * thread's store: compileLexicon then reads them instead of compiling again.
 * How a run's worker threads get the tries of its lexicon layers from the
 * thread that compiled them (src/run/pool.ts).
 * @internal
 */
export function addStoredMatchers(matchers: readonly StoredMatcher[]): void {
  const found = loadStore();
  for (const { fingerprint, data } of matchers) {
    found.matchers.set(fingerprint, data);
    found.sizes.add(sizePart(fingerprint));
  }
}

/**
 * Uses this store file instead of the one next to the bundle (undefined: look
 * for the file again); for tests.
 * @internal
 */
export function useMatcherStore(file: Uint8Array | undefined): void {
  store = file === undefined ? undefined : storeOf(deserializeStore(file));
}

/** The stored trie of this lexicon and keying, if the build stored one. */
export function storedMatcher(lexicon: Lexicon, options: CompileOptions): MatcherData | undefined {
  const found = loadStore();
  if (!found.sizes.has(sizeOf(lexicon))) return undefined;
  const api = nodeApi();
  return api === undefined ? undefined : found.matchers.get(matcherFingerprint(lexicon, options, api));
}

/** What `collectStored` collects while it runs; per keying fingerprint, the texts recorded so far. */
let recorder: (StoreContent & { seen: Map<string, Set<string>> }) | undefined;

/** Called by compileLexicon with every trie it builds: kept while `collectStored` runs. */
export function recordCompiled(lexicon: Lexicon, options: CompileOptions, data: MatcherData): void {
  const api = nodeApi();
  if (recorder !== undefined && api !== undefined && options.words === undefined) recorder.matchers.push({ fingerprint: matcherFingerprint(lexicon, options, api), data });
}

function record(fingerprint: string, text: string, value: string): void {
  if (recorder === undefined) return;
  let seen = recorder.seen.get(fingerprint);
  let entry = recorder.keys.find((k) => k.fingerprint === fingerprint);
  if (seen === undefined || entry === undefined) {
    seen = new Set();
    entry = { fingerprint, texts: [], keys: [] };
    recorder.seen.set(fingerprint, seen);
    recorder.keys.push(entry);
  }
  if (seen.has(text)) return;
  seen.add(text);
  entry.texts.push(text);
  entry.keys.push(value);
}

/**
 * `compute` as a function of the text, reading what the build stored under
 * the fingerprint (`fingerprintOf`, taken only where there is a store or a
 * build collecting one) and recording every text while `collectStored` runs.
 */
function storedTexts(fingerprintOf: (api: NodeApi) => string, compute: (text: string) => string): (text: string) => string {
  const api = nodeApi();
  const found = api === undefined ? undefined : loadStore();
  // The browser, or no store and no build collecting one: computed as before, no fingerprint to take.
  if (api === undefined || found === undefined || (found.keys.size === 0 && recorder === undefined)) return compute;
  const fingerprint = fingerprintOf(api);
  const stored = found.keys.get(fingerprint);
  return (text) => {
    const value = stored?.get(text) ?? compute(text);
    if (recorder !== undefined) record(fingerprint, text, value);
    return value;
  };
}

/**
 * `termKeys(text, keying)` as a function of the text: it reads the keys the
 * build stored for this keying (the words the default analyser keys when it
 * starts) and keys any other text. While `collectStored` runs, it records
 * every text it keys. Each call returns a new array.
 */
export function storedTermKeys(keying: KeyingOptions): (text: string) => string[] {
  const joined = storedTexts(
    (api) => keyingFingerprint(keying, api),
    (text) => termKeys(text, keying).join(' '),
  );
  // Keys hold no space and are never empty (termKeys splits tokens' keys on spaces): "" is no key.
  return (text) => {
    const keys = joined(text);
    return keys === '' ? [] : keys.split(' ');
  };
}

/**
 * `lemmatizeTerm(term, forms)` as a function of the term: the default English
 * layers' terms in key form as the build stored them, any other term keyed
 * (and recorded while `collectStored` runs).
 */
export function storedEnglishTerms(forms: EnglishForms): (term: string) => string {
  return storedTexts(
    (api) => englishTermsFingerprint(forms, api),
    (term) => lemmatizeTerm(term, forms),
  );
}

/**
 * The tries compileLexicon builds, the texts `storedTermKeys` keys and the
 * terms `storedEnglishTerms` keys while `run` runs, with their fingerprints:
 * how the build collects the default analyser's (scripts/build-matchers.mjs).
 * @internal
 */
export function collectStored(run: () => void): StoreContent {
  recorder = { matchers: [], keys: [], seen: new Map() };
  try {
    run();
    return { matchers: recorder.matchers, keys: recorder.keys };
  } finally {
    recorder = undefined;
  }
}

/**
 * The tries compileLexicon builds while `run` runs, with their fingerprints.
 * @internal
 */
export function collectCompiled(run: () => void): StoredMatcher[] {
  return collectStored(run).matchers;
}
