// Misspelling correction and accent collisions, decided once per lexicon at
// compile time and once per distinct token key at match time.
//
// Misspellings: a token key that is not a French word and lies one edit
// (insert, delete, substitute, swap two neighbours) from a lexicon word key of
// at least FUZZY_MIN letters is read as that word. The lexicon's word keys go
// into a deletion-neighbourhood index (each key and every key with one letter
// deleted → the keys), so a token is looked up through its own deletions, never
// compared with every word of the lexicon. "Is it a French word" is answered by
// a list built from a French word list at build time (scripts/build-words.ts):
// only the French words one edit away from a default lexicon key are shipped,
// since those are the only ones that could be corrected by mistake; keys added
// by a user lexicon are corrected to only when a word list is given for them.
//
// Accent collisions: a lexicon key whose folded form stands for two or more
// French words (`sale`: sale, salé) matches a token written with accents only
// when its spelling is the lexicon's; a token without any accent still matches.
import { FR_WORDS } from '../data/fr-words.generated.js';
import { foldKey } from '../text/index.js';
import { bucketOf, hashOf, hashPower, HASH_BASE } from '../_utils/hash.js';

/** Least letters of a lexicon word a misspelling may be corrected to, and of the misspelling itself. */
export const FUZZY_MIN = 5;
/** Only plain letters are ever corrected: no digits, apostrophes, hyphens or accents left after folding. */
const PLAIN = /^[a-z]+$/;

/** What the matcher needs to know about French words, for a set of lexicon keys. */
export interface FrenchWordData {
  /** Lexicon keys (folded) whose one-edit neighbours are known: only these are corrected to. */
  covered: ReadonlySet<string>;
  /** Folded French words one edit away from a covered key: never corrected. */
  neighbours: ReadonlySet<string>;
  /** Folded keys that stand for two or more differently accented French words. */
  collisions: ReadonlySet<string>;
}

/** Most letters a front-coded word shares with the previous one (one character '0'..'S'). */
const MAX_SHARED = 35;
const SHARED_BASE = 48;

/**
 * Front coding of a sorted word list: each word is one character telling how
 * many letters it shares with the previous word (`'0'` + n), then the rest.
 * Words hold no character in '0'..'S' (they are folded lowercase words).
 */
export function frontCode(words: Iterable<string>): string {
  let prev = '';
  let out = '';
  for (const word of [...words].sort()) {
    if (/[0-9:-@A-S]/.test(word)) throw new Error(`verbatim-fr: cannot front-code ${JSON.stringify(word)}`);
    let n = 0;
    while (n < MAX_SHARED && n < prev.length && n < word.length && prev[n] === word[n]) n += 1;
    out += String.fromCharCode(SHARED_BASE + n) + word.slice(n);
    prev = word;
  }
  return out;
}

/** The words of a `frontCode` string. */
export function frontDecode(coded: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  let i = 0;
  while (i < coded.length) {
    const shared = coded.charCodeAt(i) - SHARED_BASE;
    let j = i + 1;
    while (j < coded.length) {
      const c = coded.charCodeAt(j);
      if (c >= SHARED_BASE && c <= SHARED_BASE + MAX_SHARED) break;
      j += 1;
    }
    prev = prev.slice(0, shared) + coded.slice(i + 1, j);
    out.add(prev);
    i = j;
  }
  return out;
}

let builtIn: FrenchWordData | undefined;

/** The data shipped for the default French lexicons (generated at build time). */
export function defaultWordData(): FrenchWordData {
  builtIn ??= { covered: frontDecode(FR_WORDS.covered), neighbours: frontDecode(FR_WORDS.neighbours), collisions: frontDecode(FR_WORDS.collisions) };
  return builtIn;
}

/** Word data for `keys` computed from a full French word list (as written, accents kept). */
export function wordDataFrom(words: Iterable<string>, keys: Iterable<string>): FrenchWordData {
  const lexiconKeys = new Set(keys);
  const covered = new Set<string>();
  for (const k of lexiconKeys) if (isFuzzyTarget(k)) covered.add(k);
  const index = new DeletionIndex(covered);
  const forms = new Map<string, string | true>();
  const neighbours = new Set<string>();
  const collisions = new Set<string>();
  for (const word of words) {
    const lower = word.toLowerCase();
    const key = foldKey(lower);
    if (lexiconKeys.has(key)) {
      // Two differently accented spellings of one lexicon key: a collision.
      const seen = forms.get(key);
      if (seen === undefined) forms.set(key, lower);
      else if (seen !== true && seen !== lower) {
        forms.set(key, true);
        collisions.add(key);
      }
    }
    if (key.length >= FUZZY_MIN && PLAIN.test(key) && index.near(key).length > 0) neighbours.add(key);
  }
  return { covered, neighbours, collisions };
}

/** A lexicon key misspellings may be corrected to: plain letters, at least FUZZY_MIN of them. */
export function isFuzzyTarget(key: string): boolean {
  return key.length >= FUZZY_MIN && PLAIN.test(key);
}

/** True when `a` and `b` differ by at most one insertion, deletion, substitution or swap of two neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  if (la === lb) {
    // Substitution at i, or a swap of i and i + 1.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One letter more on one side, at i.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Letters that sound alike in French spelling slips (`reponce`, `recommender`, `analize`). */
const SOUNDALIKE = new Set(['ae', 'ea', 'cs', 'sc', 'sz', 'zs', 'iy', 'yi', 'ck', 'kc', 'qk', 'kq', 'mn', 'nm']);
/** Letters written or dropped at the end of a word without changing its sound (`attent`, `rapid`). */
const SILENT_END = new Set(['e', 's', 't', 'x']);

/**
 * How unlikely the single edit from `a` to `b` is as a slip of a writer who
 * knows the word (`withinOneEdit(a, b)` holds): 0 for a slip of sound or of a
 * double letter (`comande`, `rembourssement`, `reponce`, a silent end
 * letter), 1 for two neighbours swapped (`livrasion`), 2 for any other.
 */
export function editCost(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return SOUNDALIKE.has(`${a[i]}${b[i]}`) ? 0 : 2;
    return 1;
  }
  const long = a.length > b.length ? a : b;
  const extra = long[i];
  if (extra === long[i - 1] || extra === long[i + 1]) return 0;
  if (i === long.length - 1 && extra !== undefined && SILENT_END.has(extra)) return 0;
  return 2;
}

/**
 * Symmetric-delete index: every key and its one-letter deletions, by the
 * hash of the variant → the keys. Only hashes are kept, not the variants:
 * every key a word's variant leads to is checked with `withinOneEdit` anyway,
 * so a hash shared by two variants only costs that check. A variant's hash is
 * computed from the hashes of the key's prefixes, without building it, at
 * build as at lookup. Most words of a corpus are near no lexicon key: their
 * lookups end on an empty bucket or a hash that differs, no string built (a
 * Bloom filter in front of the table answered no faster). (A map of the
 * variants' strings held 5 MB on every heap that met a misspelling, tens of
 * thousands of objects for each full collection to mark: now typed arrays.)
 */
export class DeletionIndex {
  private readonly keys: string[] = [];
  /** Per (variant, key) pair: the variant's hash, the key's id, the next pair of its bucket (+ 1; 0 ends). */
  private readonly hashes: Int32Array;
  private readonly ids: Int32Array;
  private readonly next: Int32Array;
  /** Per bucket: its first pair + 1, 0 when empty. */
  private readonly heads: Int32Array;
  /** A word's deletion hashes, kept from word to word. */
  private readonly scratch: number[] = [];

  constructor(keys: Iterable<string>) {
    const hashes: number[] = [];
    const ids: number[] = [];
    for (const key of new Set(keys)) {
      hashes.push(hashOf(key));
      deletionHashes(key, hashes[ids.length] as number, hashes);
      while (ids.length < hashes.length) ids.push(this.keys.length);
      this.keys.push(key);
    }
    let buckets = 16;
    while (buckets < hashes.length * 2) buckets *= 2;
    this.hashes = Int32Array.from(hashes);
    this.ids = Int32Array.from(ids);
    this.next = new Int32Array(hashes.length);
    this.heads = new Int32Array(buckets);
    for (let p = 0; p < hashes.length; p += 1) {
      const b = bucketOf(hashes[p] as number, buckets - 1);
      this.next[p] = this.heads[b] as number;
      this.heads[b] = p + 1;
    }
  }

  /** Indexed keys one edit away from `word` (not `word` itself). */
  near(word: string): string[] {
    const out: string[] = [];
    const whole = hashOf(word);
    this.visit(word, whole, out);
    const deletions = this.scratch;
    deletions.length = 0;
    deletionHashes(word, whole, deletions);
    for (const h of deletions) this.visit(word, h, out);
    return out;
  }

  /** The keys under hash `h` one edit from `word`, added to `out` once each. */
  private visit(word: string, h: number, out: string[]): void {
    for (let p = this.heads[bucketOf(h, this.heads.length - 1)] as number; p !== 0; p = this.next[p - 1] as number) {
      if (this.hashes[p - 1] !== h) continue;
      const key = this.keys[this.ids[p - 1] as number] as string;
      if (key !== word && !out.includes(key) && withinOneEdit(word, key)) out.push(key);
    }
  }
}

/**
 * Appends the hashes of `word`'s one-letter deletions (a deletion of either
 * letter of a double once), `whole` being `hashOf(word)`: the hash without
 * letter i from the hash of the first i letters (`prefix`), without building
 * the string: whole + (prefix − (prefix·B + cᵢ))·B^(n−1−i), all mod 2³².
 */
function deletionHashes(word: string, whole: number, out: number[]): void {
  for (let i = 0, prefix = 0; i < word.length; i += 1) {
    const next = (Math.imul(prefix, HASH_BASE) + word.charCodeAt(i)) | 0;
    if (i === 0 || word.charCodeAt(i) !== word.charCodeAt(i - 1)) out.push((whole + Math.imul(prefix - next, hashPower(word.length - 1 - i))) | 0);
    prefix = next;
  }
}

/** Misspelling correction of one lexicon: token key → the lexicon key it stands for. */
export class Speller {
  // Built on the first key worth correcting, not with the analyser: a worker
  // or a one-off `verbatim tokenize` that meets no misspelling never pays for it.
  private index: DeletionIndex | undefined;

  constructor(
    private readonly targets: Iterable<string>,
    private readonly known: ReadonlySet<string>,
    private readonly words: FrenchWordData,
  ) {}

  private deletions(): DeletionIndex {
    if (this.index === undefined) {
      const usable: string[] = [];
      for (const k of this.targets) if (isFuzzyTarget(k) && this.words.covered.has(k)) usable.push(k);
      this.index = new DeletionIndex(usable);
    }
    return this.index;
  }

  /**
   * The lexicon key a token key is a misspelling of: one edit away, same
   * first letter (writers rarely miss it, and a proper noun one letter from a
   * word, `France` / `rance`, usually differs there); among several, the one
   * whose edit is the likeliest slip (`editCost`), if only one is.
   * Empty for a lexicon key, a French word, a short or non-plain key.
   */
  correct(key: string): readonly string[] {
    if (key.length < FUZZY_MIN || !PLAIN.test(key) || this.known.has(key) || this.words.neighbours.has(key)) return NO_KEYS;
    let best: string | undefined;
    let bestCost = Infinity;
    let tie = false;
    for (const k of this.deletions().near(key)) {
      if (k[0] !== key[0]) continue;
      const cost = editCost(key, k);
      if (cost < bestCost) {
        best = k;
        bestCost = cost;
        tie = false;
      } else if (cost === bestCost) tie = true;
    }
    return best === undefined || tie ? NO_KEYS : [best];
  }
}

const NO_KEYS: readonly string[] = [];
