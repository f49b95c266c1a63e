import { expectString } from './guard.js';

/** Words of an English verbatim, from {@link englishWords}. */
export interface EnglishWords {
  /** Lowercase words, contractions expanded (`can't` → `can`, `not`), punctuation dropped. */
  words: string[];
  /** Words as written (`can't` counts once), comparable to `countWords` for French. */
  count: number;
}

interface CompromiseTerm {
  normal?: string;
  implicit?: string;
}
type CompromiseOne = (text: string) => {
  json(options: object): Array<{ terms: CompromiseTerm[] }>;
  wordCount(): number;
};

let loading: Promise<CompromiseOne> | undefined;

/**
 * Words of a verbatim already detected as English (`detectLanguage` → `eng`),
 * using compromise's tokenizer. Async because compromise is loaded on first
 * use only (it costs ~100 ms to load, and most verbatims are French).
 * `it's`-style ambiguous contractions are left as written by compromise's
 * tokenizer level; `n't`, `'re`, `'ll`, `'m`, `'ve` are expanded.
 */
export async function englishWords(text: string): Promise<EnglishWords> {
  expectString(text);
  loading ??= import('compromise/one').then((mod) => mod.default as unknown as CompromiseOne);
  const nlp = await loading;
  const doc = nlp(text);
  const words: string[] = [];
  for (const sentence of doc.json({ terms: { normal: true, implicit: true } })) {
    for (const term of sentence.terms) {
      const word = term.implicit ?? term.normal ?? '';
      if (word !== '') words.push(word.toLowerCase());
    }
  }
  return { words, count: doc.wordCount() };
}

// ---------------------------------------------------------------- lemmas

/** One word of an English text as the English layer keys it (see {@link englishLemmas}). */
export interface EnglishLemma {
  /** Lowercase key: infinitive for verbs (`arrived` → `arrive`), singular for nouns, `be` for every form of "to be", `not` for `n't`. */
  key: string;
  /** Offset of the word in the text; an expanded contraction's second word (`not` of `didn't`) sits at the end of the written word, with length 0. */
  start: number;
  length: number;
}

interface CompromiseTwoTerm {
  normal?: string;
  implicit?: string;
  root?: string;
  tags?: string[];
  offset?: { start: number; length: number };
}
interface CompromiseTwoDoc {
  compute(method: string | string[]): unknown;
  json(options: object): Array<{ terms: CompromiseTwoTerm[] }>;
}
type CompromiseTwo = ((text: string) => CompromiseTwoDoc) & {
  tokenize?: (text: string) => CompromiseTwoDoc;
  world?: () => { hooks?: string[] };
};

/** Hooks `tokenize` already runs, and the rule sweep we leave out (see {@link tagWithoutSweep}). */
const SKIPPED_HOOKS = new Set(['alias', 'normal', 'machine', 'contractions', 'postTagger']);
const tagHooks = new WeakMap<CompromiseTwo, string[] | null>();

/**
 * A document tagged by compromise's lexicon and suffix tagger, without its
 * post-tagging rule sweep: the sweep checks some 700 patterns per chunk and
 * took most of the time of an English verbatim, for lemma keys that were the
 * same on 99 % of words (it mostly refines adjectives and proper nouns, which
 * the keys do not use). Term lemmas are built through the same path, so text
 * and lexicon stay keyed alike. Falls back to the full tagger on a compromise
 * without `tokenize`/`world`.
 */
function tagWithoutSweep(nlp: CompromiseTwo, text: string): CompromiseTwoDoc {
  let hooks = tagHooks.get(nlp);
  if (hooks === undefined) {
    const all = typeof nlp.world === 'function' ? nlp.world().hooks : undefined;
    hooks = Array.isArray(all) && typeof nlp.tokenize === 'function' ? all.filter((h) => !SKIPPED_HOOKS.has(h)) : null;
    tagHooks.set(nlp, hooks);
  }
  if (hooks === null || nlp.tokenize === undefined) return nlp(text);
  const doc = nlp.tokenize(text);
  doc.compute(hooks);
  return doc;
}

let two: CompromiseTwo | undefined;
let twoTried = false;
let twoLoading: Promise<CompromiseTwo | undefined> | undefined;

function asTwo(mod: unknown): CompromiseTwo | undefined {
  const fn = typeof mod === 'function' ? mod : (mod as { default?: unknown } | null)?.default;
  return typeof fn === 'function' ? (fn as CompromiseTwo) : undefined;
}

/** Where this module lives, for a CommonJS `require` next to it (the CJS build gets import.meta.url from tsup's shim). */
function here(): string | undefined {
  const url: unknown = import.meta.url;
  return typeof url === 'string' && url !== '' ? url : undefined;
}

/**
 * compromise's tagger, loaded synchronously on first use under Node (through
 * `process.getBuiltinModule('node:module').createRequire`, no static import:
 * French-only runs never load it). Elsewhere (browsers) only
 * {@link loadEnglish} loads it.
 */
function tagger(): CompromiseTwo | undefined {
  if (two !== undefined || twoTried) return two;
  twoTried = true;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = typeof proc?.getBuiltinModule === 'function' ? (proc.getBuiltinModule('node:module') as { createRequire?: (from: string) => (id: string) => unknown } | undefined) : undefined;
  const from = here();
  if (mod?.createRequire === undefined || from === undefined) return undefined;
  try {
    two = asTwo(mod.createRequire(from)('compromise/two'));
  } catch {
    two = undefined;
  }
  return two;
}

/**
 * Loads the English lemmatiser ahead of time. Under Node it loads by itself on
 * the first English verbatim; in a browser, await this once before analysing,
 * otherwise English verbatims are keyed on their written words (contractions
 * still expanded) rather than on lemmas. Resolves to whether it is available.
 */
export async function loadEnglish(): Promise<boolean> {
  if (tagger() !== undefined) return true;
  twoLoading ??= import('compromise/two').then(asTwo, () => undefined);
  two = await twoLoading;
  return two !== undefined;
}

const CONTRACTION = /^(.*?)(n't|n’t|'re|’re|'ll|’ll|'ve|’ve|'m|’m|'d|’d)$/;
const EXPANDED: Record<string, string> = { "n't": 'not', "'re": 'be', "'ll": 'will', "'ve": 'have', "'m": 'be', "'d": 'would' };
const IRREGULAR_NOT: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };
const BE = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'been', 'being', "'s", 'ai']);

/** Without the tagger: lowercase written words, contractions expanded, "to be" keyed `be`. */
function fallbackLemmas(text: string): EnglishLemma[] {
  const out: EnglishLemma[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    const word = m[0].toLowerCase();
    const start = m.index ?? 0;
    const c = CONTRACTION.exec(word);
    if (c !== null && c[1] !== undefined && c[1] !== '' && c[2] !== undefined) {
      const base = IRREGULAR_NOT[c[1]] ?? c[1];
      out.push({ key: BE.has(base) ? 'be' : base, start, length: c[1].length });
      out.push({ key: EXPANDED[c[2].replace('’', "'")] ?? c[2], start: start + word.length, length: 0 });
    } else out.push({ key: BE.has(word) ? 'be' : word, start, length: word.length });
  }
  return out;
}

/**
 * Lemmas of a text already detected as English (`detectLanguage` → `eng`):
 * compromise's tagger gives verbs their infinitive and nouns their singular;
 * contractions are expanded (`didn't` → `did`, `not`; `can't` → `can`, `not`).
 * Synchronous: under Node, compromise loads on the first call (~0.3 s);
 * without it (browser, no {@link loadEnglish}) see `loadEnglish`.
 * Never run it on French text: it tags every word as English.
 */
export function englishLemmas(text: string): EnglishLemma[] {
  expectString(text);
  const nlp = tagger();
  if (nlp === undefined) return fallbackLemmas(text);
  const out: EnglishLemma[] = [];
  for (const [from, to] of taggerChunks(text)) lemmasOfChunk(nlp, text.slice(from, to), from, out);
  return out;
}

/**
 * Longest span given to compromise at once. Its matcher slows down
 * sharply with the length of a sentence (a 128 KB text with no full stop
 * took minutes), so a long text is tagged in pieces cut at a sentence end,
 * else a line break, else a space: each verbatim costs time linear in its
 * length, and ordinary sentences are never cut.
 */
export const TAGGER_CHUNK = 2000;

/** [start, end) spans of at most `max` characters covering `text`, cut after a sentence end, a line break or a space when there is one. */
export function taggerChunks(text: string, max = TAGGER_CHUNK): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  while (text.length - from > max) {
    const window = text.slice(from, from + max);
    let cut = -1;
    for (const re of [/[.!?…]\s/g, /\n/g, /\s/g]) {
      let m: RegExpExecArray | null;
      re.lastIndex = 0;
      while ((m = re.exec(window)) !== null) cut = m.index + m[0].length;
      if (cut > max / 4) break;
      cut = -1;
    }
    if (cut <= 0) {
      cut = max;
      // Never split a surrogate pair.
      const code = text.charCodeAt(from + cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    spans.push([from, from + cut]);
    from += cut;
  }
  if (from < text.length || spans.length === 0) spans.push([from, text.length]);
  return spans;
}

function lemmasOfChunk(nlp: CompromiseTwo, text: string, base: number, out: EnglishLemma[]): void {
  const doc = tagWithoutSweep(nlp, text);
  doc.compute('root');
  for (const sentence of doc.json({ offset: true, terms: { normal: true, implicit: true, offset: true } })) {
    for (const term of sentence.terms) {
      const written = (term.implicit ?? term.normal ?? '').toLowerCase();
      if (written === '') continue;
      const tags = term.tags ?? [];
      let key = written;
      if (tags.includes('Copula') || BE.has(written)) key = 'be';
      else if (written === "n't" || written === 'nt') key = 'not';
      else if (term.root !== undefined && term.root !== '' && (tags.includes('Verb') || tags.includes('Noun'))) key = term.root.toLowerCase();
      const offset = term.offset ?? { start: 0, length: 0 };
      // Words compromise keeps whole but our keys split ("e-mail" stays one key).
      out.push({ key, start: base + offset.start, length: offset.length });
    }
  }
}

const PLAIN_WORD = /^[^*:{}]+$/u;
const HAS_LETTER = /\p{L}/u;
const GAP_SPLIT = /( \{\d{1,3},\d{1,3}\} )/;

/**
 * A lexicon term whose alternatives also stand in lemma form
 * (`stopped working` → `stopped working|stop work`), so that English lexicons may be written
 * in the forms customers use and still match the lemma keys of the text.
 * Gaps, globs (`refund*`) and `stem:` words are kept as written; each
 * alternative is lemmatised as a whole, so its words tag each other.
 * `known` maps alternatives to their lemmas, computed at build time for the
 * default English lexicons (compromise is then not needed for them).
 */
export function lemmatizeTerm(term: string, known: Readonly<Record<string, string>> = {}): string {
  return term
    .trim()
    .split(/\s+/)
    .join(' ')
    .split(GAP_SPLIT)
    .map((segment) => {
      if (segment.startsWith(' {')) return segment;
      // Written form and lemmas both: out of context "booking" lemmatises to `book`, in "my booking" it stays.
      const alternatives = new Set<string>();
      for (const p of segment.split('|')) {
        alternatives.add(p);
        for (const form of (known[p] ?? lemmatizePhrase(p)).split('|')) alternatives.add(form);
      }
      return [...alternatives].join('|');
    })
    .join('');
}

/** The alternatives of a term (what {@link lemmatizeTerm} looks up in `known`). */
export function termPhrases(term: string): string[] {
  return term
    .trim()
    .split(/\s+/)
    .join(' ')
    .split(GAP_SPLIT)
    .filter((segment) => !segment.startsWith(' {'))
    .flatMap((segment) => segment.split('|'));
}

/** Contexts an alternative is also read in: as written, after a subject (verb reading), after an article (noun reading). */
const READINGS = ['', 'i ', 'the '];

/**
 * Lemma forms of one alternative of a term (see {@link lemmatizeTerm}),
 * joined by `|`: out of context "received" reads as an adjective, after
 * "i " as the verb `receive`; each reading gives its form.
 */
export function lemmatizePhrase(phrase: string): string {
  const forms = new Set<string>();
  for (const prefix of READINGS) forms.add(lemmatizeReading(phrase, prefix));
  return [...forms].join('|');
}

function lemmatizeReading(phrase: string, prefix: string): string {
  const words = phrase.trim().split(' ');
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const keys = englishLemmas(prefix + run.join(' '))
      .filter((l) => l.start >= prefix.length)
      .map((l) => l.key)
      .filter((k) => k !== '');
    out.push(...(keys.length > 0 && HAS_LETTER.test(keys.join('')) ? keys : run));
    run = [];
  };
  for (const w of words) {
    if (PLAIN_WORD.test(w) && HAS_LETTER.test(w)) run.push(w);
    else {
      flush();
      out.push(w);
    }
  }
  flush();
  return out.join(' ');
}
