// Compiles a composed lexicon into one matcher whose cost per token does not
// grow with the number of entries: an automaton whose edges are looked up by
// token key (Map), stem (Map) or glob id (Map); globs are found per distinct
// token key through a trigram index and memoised. Plain terms share prefixes
// (a trie); a position with alternatives joins them into one fresh node
// private to its term, so `a|b|c d|e|f` costs 6 edges, not 9 paths. Gaps are
// bounded skips. `lemma:word` is spelled out at compile time into the keys of
// every form the build-time lemma table gives (src/data/lemmas.generated.ts),
// so it costs trie edges, not a search per token. No user text ever becomes a
// RegExp.
import { foldKey, stem as stemWord } from '../text/index.js';
import { stemUncached } from '../text/stem.js';
import { NEGATION_WORDS } from '../text/stopwords.js';
import type { Lexicon, LexiconEntry } from './types.js';
import { parseTerm, unknownLemma, type TermAlternative, type TermPosition } from './term.js';
import { coreProblem as lexiconProblem, type LexiconProblem } from './messages.js';
import { LexiconError } from './errors.js';
import { accentForm, accentsWithin, termKeyForms, termKeys, type KeyForm, type KeyingOptions } from './keys.js';
import { lemmaForms } from './lemmas.js';
import { defaultWordData, Speller, type FrenchWordData } from './fuzzy.js';
import { recordCompiled, storedMatcher } from './store.js';
import { Memo } from '../text/memo.js';
import { sortUnlessSorted } from '../_utils/sort.js';
import { expectedError, typeName } from '../_utils/describe.js';

const byStartEndEntry = (a: RawMatch, b: RawMatch): number => a.start - b.start || a.end - b.end || a.pattern.entry - b.pattern.entry;

/**
 * A word of a term as the trie's edges take it, a number: `kind * ID_SPAN + id`
 * for a key, a stem or a glob (the builder's edge key), or `COLLIDING *
 * ID_SPAN + index` for a key that stands for several French words with its
 * accented spelling (`salé`), spelled both ways. Numbers, not objects: the
 * compile reads half a million of them.
 */
type Atom = number;

/** What ends at a trie node: one term (or exclusion) of one entry. */
export interface CompiledPattern {
  /** Index into `CompiledLexicon.entries`. */
  entry: number;
  /** The term as written in the lexicon. */
  term: string;
  /** An exclusion term: its matches cancel overlapping matches of the same entry. */
  exclude: boolean;
  /** The term has a gap `{m,n}`: its matches may span words the term does not name. */
  gapped: boolean;
}

/** One matchable unit of the token stream (a token, or one word of a multi-word SMS key). */
export interface MatchUnit {
  key: string;
  /** Sentence number: gaps never cross sentences. */
  sentence: number;
  /** The token as written, for a token that is one unit: its accents decide accent collisions (`salé` is not `sale`). */
  text?: string | undefined;
  /** @internal what the analysis read of the key once for every pass (src/analyze/facts.ts): the matcher's record among it */
  facts?: { readonly table: { readonly compiled: unknown }; readonly match: unknown } | undefined;
}

/** A raw hit, in unit positions (end exclusive). */
export interface RawMatch {
  pattern: CompiledPattern;
  start: number;
  end: number;
  /**
   * The words this match took (not the tokens a gap skipped) hold a negation
   * word (`aucune réponse`): negation around it is not applied. Decided per
   * matched alternative: `fuite|pas de retour` is negated on "pas de retour"
   * only, so "pas de fuite" is still a negated `fuite`.
   */
  negated: boolean;
  /** Some word of the match was a misspelling of the lexicon's word (`comande` → `commande`). */
  fuzzy: boolean;
}

/** How a lexicon is compiled. */
export interface CompileOptions extends KeyingOptions {
  /**
   * Read a token that is not a French word and is one edit away from a
   * lexicon word of 5+ letters as that word (`reponce` → `réponse`); default true.
   */
  fuzzy?: boolean;
  /**
   * What is known of French words for this lexicon's keys (`wordDataFrom`);
   * default: the data built for the default lexicons, so keys that only a
   * user lexicon adds are not corrected to and have no accent collisions.
   */
  words?: FrenchWordData;
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  /** Enabled entries, in lexicon order (patterns point into this array). */
  entries: LexiconEntry[];
  /** Every hit of every term and exclusion, ordered by start then end. */
  match(units: readonly MatchUnit[]): RawMatch[];
  /** @internal the matcher's record of a token key (what `match` looks up per unit), computed and not remembered: src/analyze/facts.ts keeps it */
  keyInfo(key: string): unknown;
  /** Distinct glob patterns in the lexicon (for diagnostics and benchmarks). */
  readonly globCount: number;
  /** @internal read from the build's store of compiled default lexicons, not compiled here */
  readonly stored: boolean;
}

const NO_NODES: readonly number[] = [];
/** Most token keys open no term: one shared empty list of first steps. */
const NO_STEPS = new Int32Array(0);
const NONE_KEYS: readonly string[] = [];

/** `Caron`, not `CARON` nor `caron`. */
function isCapitalised(text: string): boolean {
  const first = text.charAt(0);
  return first !== first.toLowerCase() && text !== text.toUpperCase();
}

/** Civil titles before a name: `M. Caron`, `Mme Colas`. */
const TITLES = new Set(['m', 'mme', 'mmes', 'mlle', 'mr', 'mrs', 'dr', 'me', 'pr']);

/** A capitalised word at `i` is a name, not a misspelling: inside its sentence, or after a civil title. */
function isNameAt(units: readonly MatchUnit[], i: number): boolean {
  const prev = units[i - 1];
  if (prev === undefined) return false;
  if (prev.sentence === units[i]?.sentence) return true;
  const title = prev.key === '.' ? units[i - 2] : undefined;
  return title !== undefined && TITLES.has(title.key);
}
/**
 * Memo budgets, per generation (`Memo` holds up to twice as
 * many): what the matcher knows of a token key (its stem and globs are
 * computed only when this memo misses, each with no memo of its own), the
 * accented spelling of a token on a colliding key. Measured on a growing
 * export of 106k rows (3.2M token keys, 112k distinct): a key memo of 32,768
 * keeps 95.7 % of lookups as hits against 96.5 % unbounded; on the sample
 * texts every budget keeps 99.7 %.
 */
const KEY_MEMO_BUDGET = 32_768;
const FORM_MEMO_BUDGET = 8_192;

/** Most trie nodes one position of a term may spread to before its alternatives join one private node. */
const SHARE_BUDGET = 64;
/** Most phrases one alternative may spell out through its `lemma:` atoms (`lemma:a lemma:b` multiplies). */
const MAX_LEMMA_SPELLINGS = 4096;

function wildcard(p: string, s: string): boolean {
  // Iterative `*` matching with a single backtrack point: O(|p|·|s|) worst case, never exponential.
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < s.length) {
    if (i < p.length && p[i] !== '*' && p[i] === s[j]) {
      i += 1;
      j += 1;
    } else if (i < p.length && p[i] === '*') {
      star = i;
      i += 1;
      mark = j;
    } else if (star !== -1) {
      i = star + 1;
      mark += 1;
      j = mark;
    } else return false;
  }
  while (i < p.length && p[i] === '*') i += 1;
  return i === p.length;
}

class GlobIndex {
  /** The patterns, by id. */
  readonly globs: string[] = [];
  private readonly ids = new KeyIds();
  private readonly byTrigram = new Map<string, number[]>();
  private readonly scan: number[] = [];

  add(pattern: string): number {
    const id = this.ids.add(pattern);
    if (id < this.globs.length) return id;
    this.globs.push(pattern);
    const longest = pattern.split('*').reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length >= 3) {
      const tri = longest.slice(0, 3);
      const list = this.byTrigram.get(tri);
      if (list === undefined) this.byTrigram.set(tri, [id]);
      else list.push(id);
    } else this.scan.push(id);
    return id;
  }

  /**
   * Ids of the globs a key satisfies. Not memoised: the matcher asks once per
   * key its own memo lost, which a smaller memo here would have lost too.
   */
  matching(key: string): readonly number[] {
    let found: number[] | undefined;
    if (this.globs.length > 0) {
      const test = (id: number): void => {
        if (wildcard(this.globs[id] as string, key)) (found ??= []).push(id);
      };
      // Each glob is in one trigram's list or in `scan`: a glob is tested once, unless its trigram comes
      // back later in the key, whose list is then skipped.
      let lists: number[][] | undefined;
      for (let i = 0; i + 3 <= key.length; i += 1) {
        const list = this.byTrigram.get(key.slice(i, i + 3));
        if (list === undefined || lists?.includes(list) === true) continue;
        (lists ??= []).push(list);
        for (const id of list) test(id);
      }
      for (const id of this.scan) test(id);
      found?.sort((a, b) => a - b);
    }
    // Most keys satisfy no glob: one shared empty list, not an array per key kept in the matcher's memo.
    return found ?? NO_NODES;
  }
}

/** Numbers for the keys (or stems) of trie edges; a key no edge has has none (-1). */
class KeyIds {
  private readonly ids = new Map<string, number>();
  add(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
  of(key: string): number {
    return this.ids.get(key) ?? -1;
  }
  /** The keys in id order. */
  list(): string[] {
    return [...this.ids.keys()];
  }
  static from(keys: readonly string[]): KeyIds {
    const ids = new KeyIds();
    for (const key of keys) ids.add(key);
    return ids;
  }
}

/**
 * Edges of the flattened trie, one kind (key, stem or glob): a node's edges
 * are one run (see `FlatTrie.table`), sorted by id, each id's children in the
 * order they were added.
 */
interface FlatEdges {
  id: Int32Array;
  to: Int32Array;
}
/** Fields of a node's row in `FlatTrie.table`: where its runs of edges, gaps and patterns start. */
const KEY = 0;
const STEM = 1;
const GLOB = 2;
const GAP = 3;
const END = 4;
const ROW = 5;
/** The kind of an atom that is a colliding key and its accented spelling (see `Atom`). */
const COLLIDING = 3;
/**
 * The trie once built, nodes numbered as made (the root is 0). Typed arrays
 * instead of a Map per node: node `n`'s row is `table[n * ROW + field]` and
 * its run ends where node `n + 1`'s starts, so a step reads one or two cache
 * lines of the table, not hash tables.
 */
interface FlatTrie {
  table: Int32Array;
  keys: FlatEdges;
  stems: FlatEdges;
  globs: FlatEdges;
  /** The gaps of each node, in runs (`GAP`), three numbers a gap: skip min..max units, then go on at node `to`. */
  gaps: Int32Array;
  /**
   * What ends at each node, in runs (`END`), three numbers a pattern: the
   * entry's index, its term's index (`~index` for an exclusion), 1 when gapped.
   */
  ends: Int32Array;
}

/**
 * A compiled lexicon as plain data: the flat trie and the words the matcher
 * looks its tokens up by. Built by `compileLexicon`, stored by the build for
 * the default lexicons (src/lexicon/store.ts); meaningful only with the
 * composed lexicon and keying it was built from.
 * @internal
 */
export interface MatcherData extends FlatTrie {
  /** Edge ids → word keys, stems and glob patterns. */
  keyList: string[];
  stemList: string[];
  globList: string[];
  /** Every word key of the lexicon's terms, exclusions and stem words: never corrected. */
  known: string[];
  /** Keys that stand for several accented French words → the lexicon's spellings (`sale` → `salé`). */
  accented: Array<[string, string[]]>;
}

/** An edge list's key, `kind * ID_SPAN + id`: a small integer, its kind in the bits above ID_BITS. */
const ID_BITS = 24;
const ID_SPAN = 1 << ID_BITS;

/** `a` with `v` written at `i`, grown (doubled) first when too short. */
function put(a: Int32Array<ArrayBuffer>, i: number, v: number): Int32Array<ArrayBuffer> {
  if (i >= a.length) {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    a = b;
  }
  a[i] = v;
  return a;
}

/**
 * Lists of three numbers per node, in one column rather than an array per
 * node (half a million small arrays were most of what the young collections
 * copied): per node where its newest item starts (0: none, past the end of
 * `head` too), per item where the one before it starts and its three numbers.
 */
class NodeLists {
  head = new Int32Array(1024);
  items = new Int32Array(1024);
  size = 0;

  add(node: number, a: number, b: number, c: number): void {
    // Item k starts at 4·(k + 1): a start of 0 is none.
    const at = 4 * ++this.size;
    const items = (this.items = put(this.items, at + 3, c));
    items[at] = this.head[node] ?? 0;
    items[at + 1] = a;
    items[at + 2] = b;
    this.head = put(this.head, node, at);
  }

  /** Writes the node's items in the order added to `out`, three numbers each, from item `k` on; returns the next `k`. */
  copy(node: number, k: number, out: Int32Array): number {
    const items = this.items;
    for (let at = this.head[node] ?? 0; at > 0; at = items[at] as number) k += 1;
    for (let at = this.head[node] ?? 0, i = 3 * k - 3; at > 0; at = items[at] as number, i -= 3) {
      out[i] = items[at + 1] as number;
      out[i + 1] = items[at + 2] as number;
      out[i + 2] = items[at + 3] as number;
    }
    return k;
  }
}

/**
 * Builds the trie in columns of numbers rather than objects: nodes numbered
 * as they are made (the root is 0), an edge list per (node, kind, id) found
 * through one open-addressing table, its first child in a column (the others,
 * rare, in a Map). The 100,000 generated entries of `npm run bench lexicon`
 * make 330,000 nodes and 530,000 ends: as objects (a node, its edge lists,
 * their arrays) they took 400 MB, and a quarter of the compile went to
 * collecting them.
 */
class TrieBuilder {
  readonly keyIds = new KeyIds();
  readonly stemIds = new KeyIds();
  /** Per node, 1 when shared: reached by exactly one path of shared prefixes, so that other terms may extend it. */
  readonly shared: number[] = [];
  /** Per node, its gaps (skip min..max units, then go on at node `to`) and its ends (entry, term or `~index` of an exclusion, gapped 0/1). */
  readonly gaps = new NodeLists();
  private readonly ends = new NodeLists();
  /** Per edge list: its node, `kind * ID_SPAN + id` and first child (-1: none); its other children. */
  private lists = 0;
  private listNode = new Int32Array(1024);
  private listKey = new Int32Array(1024);
  private listChild = new Int32Array(1024);
  private readonly more = new Map<number, number[]>();
  /** (node, key) → edge list + 1, open addressing, three numbers a slot, at most half full. */
  private slots: Int32Array<ArrayBuffer>;

  /** `terms`: how many terms the lexicon has, the table's first size (an edge list a term, about): each doubling places every list again. */
  constructor(terms: number) {
    let size = 1024;
    while (size < terms) size *= 2;
    this.slots = new Int32Array(3 * size);
  }

  node(shared: boolean): number {
    return this.shared.push(shared ? 1 : 0) - 1;
  }

  /** The edge list of `node` along a key, stem or glob (`kind * ID_SPAN + id`), made empty if new. */
  edge(node: number, key: number): number {
    const mask = this.slots.length / 3 - 1;
    for (let h = hashPair(node, key) & mask, s; (s = this.slots[h * 3 + 2] as number) !== 0; h = (h + 1) & mask) {
      if (this.slots[h * 3] === node && this.slots[h * 3 + 1] === key) return s - 1;
    }
    const list = this.lists++;
    this.listNode = put(this.listNode, list, node);
    this.listKey = put(this.listKey, list, key);
    this.listChild = put(this.listChild, list, -1);
    if (this.lists * 2 > mask + 1) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let l = 0; l < this.lists; l += 1) this.place(l);
    } else this.place(list);
    return list;
  }

  private place(list: number): void {
    const mask = this.slots.length / 3 - 1;
    const node = this.listNode[list] as number;
    const key = this.listKey[list] as number;
    let h = hashPair(node, key) & mask;
    while (this.slots[h * 3 + 2] !== 0) h = (h + 1) & mask;
    this.slots[h * 3] = node;
    this.slots[h * 3 + 1] = key;
    this.slots[h * 3 + 2] = list + 1;
  }

  hasChild(list: number, node: number): boolean {
    return this.listChild[list] === node || this.more.get(list)?.includes(node) === true;
  }

  /** The first shared child of an edge list, or -1. */
  sharedChild(list: number): number {
    const first = this.listChild[list] as number;
    return first >= 0 && this.shared[first] === 1 ? first : (this.more.get(list)?.find((n) => this.shared[n] === 1) ?? -1);
  }

  addChild(list: number, node: number): void {
    if ((this.listChild[list] as number) < 0) this.listChild[list] = node;
    else {
      const others = this.more.get(list);
      if (others === undefined) this.more.set(list, [node]);
      else others.push(node);
    }
  }

  /** The node a gap of `node` skipping min..max units leads to, when that node is shared; -1 otherwise. */
  sharedGap(node: number, min: number, max: number): number {
    // At most one: a shared gap is made only when none is found.
    const items = this.gaps.items;
    for (let at = this.gaps.head[node] ?? 0; at > 0; at = items[at] as number) {
      if (items[at + 1] === min && items[at + 2] === max && this.shared[items[at + 3] as number] === 1) return items[at + 3] as number;
    }
    return -1;
  }

  /**
   * Ends a term of entry `entry` at `node` (`term`: `~index` for an
   * exclusion), unless the node already ends one of that entry and kind.
   * Entries are added in order: an entry's ends are the node's last ones,
   * read back from the last (a word thousands of entries share stays linear).
   */
  addEnd(node: number, entry: number, term: number, gapped: number): void {
    const items = this.ends.items;
    let at = this.ends.head[node] ?? 0;
    while (at > 0 && items[at + 1] === entry && (items[at + 2] as number) < 0 !== term < 0) at = items[at] as number;
    if (at === 0 || items[at + 1] !== entry) this.ends.add(node, entry, term, gapped);
  }

  flatten(): FlatTrie {
    const n = this.shared.length;
    const table = new Int32Array((n + 1) * ROW);
    const keys = this.listKey;
    // Edge lists by node (a counting sort, in the order made), then by key within a node (unique there: one order).
    const perNode = new Int32Array(n + 1);
    const sizes = [0, 0, 0];
    for (let l = 0; l < this.lists; l += 1) {
      const at = (this.listNode[l] as number) + 1;
      perNode[at] = (perNode[at] as number) + 1;
      const kind = (keys[l] as number) >>> ID_BITS;
      sizes[kind] = (sizes[kind] as number) + ((this.listChild[l] as number) < 0 ? 0 : 1 + (this.more.get(l)?.length ?? 0));
    }
    for (let k = 1; k <= n; k += 1) perNode[k] = (perNode[k] as number) + (perNode[k - 1] as number);
    const order = new Int32Array(this.lists);
    const fill = perNode.slice();
    for (let l = 0; l < this.lists; l += 1) {
      const node = this.listNode[l] as number;
      order[fill[node] as number] = l;
      fill[node] = (fill[node] as number) + 1;
    }
    const edges = sizes.map((size) => ({ id: new Int32Array(size), to: new Int32Array(size) }));
    const next = [0, 0, 0];
    const gaps = new Int32Array(this.gaps.size * 3);
    const ends = new Int32Array(this.ends.size * 3);
    let gapsAt = 0;
    let endsAt = 0;
    for (let node = 0; node < n; node += 1) {
      const a = perNode[node] as number;
      const b = perNode[node + 1] as number;
      if (b - a > 1) order.subarray(a, b).sort((x, y) => (keys[x] as number) - (keys[y] as number));
      for (let kind = KEY; kind <= GLOB; kind += 1) {
        table[node * ROW + kind] = next[kind] as number;
        const { id, to } = edges[kind] as FlatEdges;
        for (let r = a; r < b; r += 1) {
          const l = order[r] as number;
          const key = keys[l] as number;
          if (key >>> ID_BITS !== kind) continue;
          let e = next[kind] as number;
          for (let c = this.listChild[l] as number, m = 0, others = this.more.get(l); c >= 0; c = others?.[m++] ?? -1) {
            id[e] = key & (ID_SPAN - 1);
            to[e++] = c;
          }
          next[kind] = e;
        }
      }
      table[node * ROW + GAP] = gapsAt;
      gapsAt = this.gaps.copy(node, gapsAt, gaps);
      table[node * ROW + END] = endsAt;
      endsAt = this.ends.copy(node, endsAt, ends);
    }
    for (let kind = KEY; kind <= GLOB; kind += 1) table[n * ROW + kind] = next[kind] as number;
    table[n * ROW + GAP] = gapsAt;
    table[n * ROW + END] = endsAt;
    const [keyEdges, stemEdges, globEdges] = edges as [FlatEdges, FlatEdges, FlatEdges];
    return { table, keys: keyEdges, stems: stemEdges, globs: globEdges, gaps, ends };
  }
}

/** Index of the first edge with this id in the run [lo, end), or -1: a scan for a few edges, a binary search beyond. */
function firstEdge(edges: FlatEdges, lo: number, end: number, id: number): number {
  if (end - lo <= 8) {
    for (; lo < end; lo += 1) {
      const k = edges.id[lo] as number;
      if (k >= id) return k === id ? lo : -1;
    }
    return -1;
  }
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges.id[mid] as number) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && edges.id[lo] === id ? lo : -1;
}

/** Runs of edges longer than this are looked up in an `EdgeIndex`, shorter ones scanned. */
const SCANNED_RUN = 8;

/**
 * Where the edges of one id start in the long runs of one kind (nodes with
 * more than `SCANNED_RUN` edges of that kind): an open-addressing hash table
 * on (node, id), so a node with thousands of children costs one probe or two,
 * not a binary search.
 */
class EdgeIndex {
  /** Slots of four numbers (node, id, first edge, unused): a probe reads one cache line. */
  private readonly slots: Int32Array;
  /** A Bloom filter of the (node, id) pairs, 16 bits a pair: most lookups miss, and it answers them from a small array. */
  private readonly bloom: Int32Array;
  private readonly shift: number;
  private readonly bloomShift: number;

  constructor(table: Int32Array, edges: FlatEdges, kind: number) {
    const n = table.length / ROW - 1;
    let count = 0;
    for (let node = 0; node < n; node += 1) {
      const lo = table[node * ROW + kind] as number;
      const hi = table[node * ROW + ROW + kind] as number;
      if (hi - lo > SCANNED_RUN) for (let e = lo; e < hi; e += 1) if (e === lo || edges.id[e] !== edges.id[e - 1]) count += 1;
    }
    let bits = 4;
    while (1 << bits < count * 3) bits += 1;
    this.shift = 32 - bits;
    this.slots = new Int32Array(4 << bits).fill(-1);
    let bloomBits = 5;
    while (1 << bloomBits < count * 16) bloomBits += 1;
    this.bloomShift = 32 - bloomBits;
    this.bloom = new Int32Array(1 << (bloomBits - 5));
    const mask = (1 << bits) - 1;
    for (let node = 0; node < n; node += 1) {
      const lo = table[node * ROW + kind] as number;
      const hi = table[node * ROW + ROW + kind] as number;
      if (hi - lo <= SCANNED_RUN) continue;
      for (let e = lo; e < hi; e += 1) {
        const id = edges.id[e] as number;
        if (e !== lo && edges.id[e - 1] === id) continue;
        let h = hashPair(node, id) >>> this.shift;
        while (this.slots[h * 4] !== -1) h = (h + 1) & mask;
        this.slots[h * 4] = node;
        this.slots[h * 4 + 1] = id;
        this.slots[h * 4 + 2] = e;
        const b = bloomHash(node, id) >>> this.bloomShift;
        this.bloom[b >>> 5] = (this.bloom[b >>> 5] as number) | (1 << (b & 31));
      }
    }
  }

  /** Index of the first edge with this id of this node's long run, or -1. */
  first(node: number, id: number): number {
    const b = bloomHash(node, id) >>> this.bloomShift;
    if (((this.bloom[b >>> 5] as number) & (1 << (b & 31))) === 0) return -1;
    const mask = (this.slots.length >>> 2) - 1;
    for (let h = hashPair(node, id) >>> this.shift; ; h = (h + 1) & mask) {
      const k = this.slots[h * 4] as number;
      if (k === -1) return -1;
      if (k === node && this.slots[h * 4 + 1] === id) return this.slots[h * 4 + 2] as number;
    }
  }
}

function hashPair(node: number, id: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b);
}

function bloomHash(node: number, id: number): number {
  return Math.imul(Math.imul(node, 0x27d4eb2f) + id, 0x165667b1);
}

/** One of 32 bits for an edge of one kind and id (a hash: edges of different ids may share a bit). */
function edgeBit(kind: number, id: number): number {
  return 1 << (Math.imul(id * 3 + kind, 0x9e3779b1) >>> 27);
}

/**
 * Per node, the bits (`edgeBit`) of its key, stem and glob edges, or -1 when
 * it has ends or gaps (a step there always does something): a step whose
 * token shares no bit with the node's mask is skipped without a lookup, which
 * is what most steps after a gap or a first word are. A node whose edges set
 * all 32 bits (a word hundreds of terms go on from) has 0 when each of its
 * runs is empty or long: the `EdgeIndex` filters tell instead (`may`).
 */
function nodeMasks(trie: FlatTrie): Int32Array {
  const { table } = trie;
  const ids = [trie.keys.id, trie.stems.id, trie.globs.id];
  const n = table.length / ROW - 1;
  const masks = new Int32Array(n);
  for (let node = 0; node < n; node += 1) {
    const row = node * ROW;
    if (table[row + END] !== table[row + ROW + END] || table[row + GAP] !== table[row + ROW + GAP]) {
      masks[node] = -1;
      continue;
    }
    // Plain loops, no array per node: this runs once per node of the trie when an analyser starts.
    let mask = 0;
    let indexed = true;
    for (let kind = KEY; kind <= GLOB; kind += 1) {
      const lo = table[row + kind] as number;
      const hi = table[row + ROW + kind] as number;
      if (hi > lo && hi - lo <= SCANNED_RUN) indexed = false;
      for (let e = lo; e < hi; e += 1) mask |= edgeBit(kind, (ids[kind] as Int32Array)[e] as number);
    }
    masks[node] = mask === -1 && indexed ? 0 : mask;
  }
  return masks;
}

/** Children of the root along edges of one kind with this id, in order (first edges, built once per key). */
function rootTargets(trie: FlatTrie, kind: 0 | 1 | 2, id: number): number[] {
  const out: number[] = [];
  if (id < 0) return out;
  const edges = kind === KEY ? trie.keys : kind === STEM ? trie.stems : trie.globs;
  const end = trie.table[ROW + kind] as number;
  for (let e = firstEdge(edges, trie.table[kind] as number, end, id); e >= 0 && e < end && edges.id[e] === id; e += 1) out.push(edges.to[e] as number);
  return out;
}

/** Compiles a composed lexicon; throws `LexiconError` if a term cannot be compiled. */
export function compileLexicon(lexicon: Lexicon, options: CompileOptions = {}): CompiledLexicon {
  if (typeof lexicon !== 'object' || lexicon === null || !Array.isArray(lexicon.entries)) {
    throw expectedError('a composed Lexicon (from composeLexicons)', typeName(lexicon));
  }
  // The build stores the default lexicons' tries (src/lexicon/store.ts): found there, nothing is compiled.
  const stored = options.words === undefined ? storedMatcher(lexicon, options) : undefined;
  if (stored !== undefined) return matcherFrom(lexicon, stored, options, true);
  const data = compileMatcherData(lexicon, options);
  recordCompiled(lexicon, options, data);
  return matcherFrom(lexicon, data, options, false);
}

/** A memoised stemmer for compiling: a lexicon's own words, unbounded (the matcher's keys go through `infoOf`'s memo). */
function stemmer(): (key: string) => string {
  const stemCache = new Map<string, string>();
  return (key) => {
    let s = stemCache.get(key);
    if (s === undefined) {
      s = stemWord(key);
      stemCache.set(key, s);
    }
    return s;
  };
}

/**
 * Builds the trie of a composed lexicon as plain data (see `MatcherData`);
 * throws `LexiconError` if a term cannot be compiled.
 * @internal
 */
export function compileMatcherData(lexicon: Lexicon, options: CompileOptions = {}): MatcherData {
  const entries = lexicon.entries.filter((e) => !e.disabled);
  const builder = new TrieBuilder(entries.reduce((n, e) => n + e.terms.length + e.exclude.length, 0));
  const root = builder.node(true);
  const globs = new GlobIndex();
  const stemOf = stemmer();
  const issues: LexiconError['issues'] = [];
  const keying: KeyingOptions = options.sms !== undefined ? { sms: options.sms } : {};
  const words = options.words ?? defaultWordData();
  /** Every word key of the lexicon (terms, exclusions, stem words): never corrected. */
  const known = new Set<string>();
  /** Colliding keys → their accented spellings in the lexicon (`sale` → `salé`). */
  const accented = new Map<string, string[]>();

  /** An atom of a key, a stem or a glob: its kind and the id the builder gives it. */
  const atomOf = (kind: number, id: number): Atom => {
    if (id >= ID_SPAN) throw new RangeError('verbatim-fr: too many distinct words in the lexicon');
    return kind * ID_SPAN + id;
  };
  const keyAtom = (key: string): Atom => atomOf(KEY, builder.keyIds.add(key));
  /** A colliding key's two atoms, plain and accented, by the index of its COLLIDING atom. */
  const collisions: Array<[Atom, Atom]> = [];
  /** A word of the lexicon; on a colliding key it keeps its accented spelling (`salé`). */
  const wordAtom = ({ key, form }: KeyForm): Atom => {
    known.add(key);
    if (form === key || !words.collisions.has(key)) return keyAtom(key);
    const list = accented.get(key);
    if (list === undefined) accented.set(key, [form]);
    else if (!list.includes(form)) list.push(form);
    return atomOf(COLLIDING, collisions.push([keyAtom(key), keyAtom(form)]) - 1);
  };


  // The same words recur across terms ("livraison", "colis"): their atoms are built once (read only).
  // One map per kind of alternative: no key string to build and hash per lookup.
  const atomCache = { word: new Map<string, Atom[]>(), stem: new Map<string, Atom[]>(), glob: new Map<string, Atom[]>() };
  const alternativeAtoms = (alt: TermAlternative): Atom[] => {
    if (alt.type === 'lemma') return []; // expanded per form by expandPhrase
    const cache = atomCache[alt.type];
    let atoms = cache.get(alt.text);
    if (atoms === undefined) {
      atoms = computeAtoms(alt);
      cache.set(alt.text, atoms);
    }
    return atoms;
  };
  const computeAtoms = (alt: TermAlternative): Atom[] => {
    if (alt.type === 'stem') {
      for (const { key } of termKeyForms(alt.text, keying)) known.add(key);
      return [atomOf(STEM, builder.stemIds.add(stemOf(foldKey(alt.text))))];
    }
    if (alt.type === 'glob') {
      const pattern = alt.text.split('*').map((part) => foldKey(part)).join('*');
      return [atomOf(GLOB, globs.add(pattern))];
    }
    return termKeyForms(alt.text, keying).map(wordAtom);
  };

  /**
   * A spelling whose words have accented forms that collide (`salé`) is
   * reachable two ways: by the folded key (a token written without any
   * accent) and by the accented form (a token written with these accents).
   * Adds the spellings of these atoms to `out`.
   */
  const addAccentVariants = (atoms: Atom[], out: Atom[][]): void => {
    // Most spellings have no colliding word: the atoms as they are (nothing below changes them).
    if (!atoms.some((atom) => atom >= COLLIDING * ID_SPAN)) {
      out.push(atoms);
      return;
    }
    let variants: Atom[][] = [[]];
    for (const atom of atoms) {
      if (atom < COLLIDING * ID_SPAN) {
        variants = variants.map((v) => [...v, atom]);
        continue;
      }
      const [plain, accented] = collisions[atom - COLLIDING * ID_SPAN] as [Atom, Atom];
      // Past eight spellings, the plain key alone.
      variants = variants.length < 8 ? variants.flatMap((v) => [[...v, plain], [...v, accented]]) : variants.map((v) => [...v, plain]);
    }
    out.push(...variants);
  };

  // Keys of every form of a lemma, deduplicated after folding (attendîmes / attendimes).
  const lemmaCache = new Map<string, KeyForm[][] | undefined>();
  const lemmaFormKeys = (lemma: string): KeyForm[][] | undefined => {
    if (lemmaCache.has(lemma)) return lemmaCache.get(lemma);
    const forms = lemmaForms(lemma);
    let keys: KeyForm[][] | undefined;
    if (forms !== undefined) {
      // Distinct spellings, accents kept: résilie and résilié fold alike but are two forms of a colliding key.
      const seen = new Map<string, KeyForm[]>();
      for (const form of forms) {
        const k = termKeyForms(form, keying);
        if (k.length > 0) seen.set(k.map((x) => x.form).join(' '), k);
      }
      keys = [...seen.values()];
    }
    lemmaCache.set(lemma, keys);
    return keys;
  };
  const lemmaAtomCache = new Map<string, Atom[][]>();
  const lemmaAtoms = (lemma: string, forms: KeyForm[][]): Atom[][] => {
    let atoms = lemmaAtomCache.get(lemma);
    if (atoms === undefined) {
      atoms = forms.map((keys) => keys.map(wordAtom));
      lemmaAtomCache.set(lemma, atoms);
    }
    return atoms;
  };
  const fail = (entry: LexiconEntry, term: string, exclude: boolean, problem: LexiconProblem): void => {
    issues.push({ file: entry.source, line: 0, column: 0, entryId: entry.id, path: `${exclude ? 'exclude' : 'terms'}: ${term}`, ...problem });
  };
  // A phrase gives one spelling, or one per form of each `lemma:` in it
  // (the forms are words of the trie: matching stays one walk).
  const expandPhrase = (phrase: TermAlternative[], entry: LexiconEntry, term: string, exclude: boolean): Atom[][] | undefined => {
    let out: Atom[][] = [[]];
    for (const alt of phrase) {
      if (alt.type !== 'lemma') {
        const atoms = alternativeAtoms(alt);
        // The atoms are read only: a phrase's first alternative is them, not a copy.
        out = out.map((prefix) => (prefix.length === 0 ? atoms : [...prefix, ...atoms]));
        continue;
      }
      const forms = lemmaFormKeys(alt.text);
      if (forms === undefined) {
        fail(entry, term, exclude, unknownLemma(alt.text, term));
        return undefined;
      }
      if (out.length * forms.length > MAX_LEMMA_SPELLINGS) {
        fail(entry, term, exclude, lexiconProblem('too_many_spellings', { term, max: MAX_LEMMA_SPELLINGS }));
        return undefined;
      }
      const formAtoms = lemmaAtoms(alt.text, forms);
      out = out.flatMap((prefix) => (prefix.length === 0 ? formAtoms : formAtoms.map((atoms) => [...prefix, ...atoms])));
    }
    return out;
  };
  // Closures are made once, not per term: a lexicon of 100,000 entries has half a million terms.
  const addTerm = (entryIndex: number, entry: LexiconEntry, termIndex: number, exclude: boolean): void => {
    const term = (exclude ? entry.exclude[termIndex] : entry.terms[termIndex]) as string;
    const parsed = parseTerm(term);
    if (!parsed.ok) {
      for (const p of parsed.problems) fail(entry, term, exclude, p);
      return;
    }
    let words = false;
    let gapped = 0;
    // Every position's spellings first: a gap decides how to grow by what follows it.
    const slots: Array<Atom[][] | undefined> = [];
    for (const pos of parsed.positions) {
      if (pos.type === 'gap') {
        gapped = 1;
        slots.push(undefined);
        continue;
      }
      words = true;
      const spellings: Atom[][] = [];
      for (const phrase of pos.alternatives) {
        const expanded = expandPhrase(phrase, entry, term, exclude);
        if (expanded === undefined) return;
        for (const atoms of expanded) if (atoms.length > 0) addAccentVariants(atoms, spellings);
      }
      if (spellings.length === 0) {
        fail(entry, term, exclude, lexiconProblem('position_without_word', { term }));
        return;
      }
      slots.push(spellings);
    }
    if (!words) {
      fail(entry, term, exclude, lexiconProblem('no_word', { term }));
      return;
    }
    let frontier: number[] = [root];
    for (let k = 0; k < parsed.positions.length; k += 1) {
      const pos = parsed.positions[k] as TermPosition;
      let allShared = true;
      for (const n of frontier) if (builder.shared[n] !== 1) allShared = false;
      if (pos.type === 'gap') {
        // Several shared nodes whose next words cannot all be shared: one gap node of this term for all of
        // them, so the words after it are spelled once, not once per node (`cher|chère|… {0,3} qui vaut le prix|…`).
        const after = (slots[k + 1] as Atom[][]).length;
        if (allShared && (frontier.length === 1 || frontier.length * after <= SHARE_BUDGET)) {
          // Shared prefixes share their gap nodes too: terms `colis {0,4} …` explore the gap once.
          frontier = frontier.map((from) => {
            let to = builder.sharedGap(from, pos.min, pos.max);
            if (to < 0) {
              to = builder.node(true);
              builder.gaps.add(from, pos.min, pos.max, to);
            }
            return to;
          });
          continue;
        }
        const next = builder.node(false);
        for (const node of frontier) builder.gaps.add(node, pos.min, pos.max, next);
        frontier = [next];
        continue;
      }
      const spellings = slots[k] as Atom[][];
      if (allShared && frontier.length * spellings.length <= SHARE_BUDGET) {
        // Walk or grow the trie for every spelling: prefixes stay shared with other terms.
        // At most SHARE_BUDGET nodes, most often one: an array, not a Set.
        const next: number[] = [];
        for (const from of frontier) {
          for (const atoms of spellings) {
            let node = from;
            for (const atom of atoms) {
              const list = builder.edge(node, atom);
              let child = builder.sharedChild(list);
              if (child < 0) {
                child = builder.node(true);
                builder.addChild(list, child);
              }
              node = child;
            }
            if (!next.includes(node)) next.push(node);
          }
        }
        frontier = next;
        continue;
      }
      // Too many combinations: every spelling from every frontier node joins one fresh node of this
      // term, through nodes of this term that the spellings' common beginnings share
      // (`rapport qualité prix est bon|rapport qualité prix est correct`).
      const join = builder.node(false);
      /** The node of this term each edge list leads to (an edge list belongs to one node). */
      const made = new Map<number, number>();
      for (const node of frontier) {
        for (const atoms of spellings) {
          let at = node;
          for (let a = 0; a < atoms.length; a += 1) {
            const list = builder.edge(at, atoms[a] as number);
            if (a === atoms.length - 1) {
              if (!builder.hasChild(list, join)) builder.addChild(list, join);
              break;
            }
            let child = made.get(list);
            if (child === undefined) {
              child = builder.node(false);
              made.set(list, child);
              builder.addChild(list, child);
            }
            at = child;
          }
        }
      }
      frontier = [join];
    }
    const ref = exclude ? ~termIndex : termIndex;
    for (const node of frontier) builder.addEnd(node, entryIndex, ref, gapped);
  };

  entries.forEach((entry, i) => {
    for (let t = 0; t < entry.terms.length; t += 1) addTerm(i, entry, t, false);
    for (let t = 0; t < entry.exclude.length; t += 1) addTerm(i, entry, t, true);
  });
  if (issues.length > 0) throw new LexiconError(issues);
  return {
    ...builder.flatten(),
    keyList: builder.keyIds.list(),
    stemList: builder.stemIds.list(),
    globList: globs.globs,
    known: [...known],
    accented: [...accented],
  };
}

/** A misspelling's correction: the edges a token takes through it. */
interface Fix {
  keyId: number;
  /** The corrected key is a negation word. */
  negator: boolean;
  /** -1 when the corrected key has the token's own stem (or a stem no edge has). */
  stemId: number;
  /** Globs the corrected key satisfies and the token does not. */
  globs: readonly number[];
}
/**
 * Everything the matcher needs about one distinct token key, looked up once
 * per key: its stem, the globs it satisfies, the first-position edges it
 * takes, and the lexicon words it is a misspelling of. One lookup per token
 * in a table sized by the corpus vocabulary, so the per-token cost does not
 * grow with the number of entries.
 */
interface KeyInfo {
  /** The key edges are looked up by: the token key, or an accented spelling for an accent collision. */
  key: string;
  /** Its id (-1: no edge has it). */
  keyId: number;
  /** Ids of more accented spellings whose edges a token takes (accent collisions). */
  more: readonly number[] | undefined;
  stem: string;
  /** Its id (-1: no edge has it). */
  stemId: number;
  /** A negation word: a term word matched on this key makes the match hold its own negation. */
  negator: boolean;
  globs: readonly number[];
  first: readonly number[];
  /** Misspelling corrections (undefined: none). */
  fixes: readonly Fix[] | undefined;
  /** First-position edges taken through a correction. */
  firstFixed: readonly number[];
  /** The key stands for several accented French words: a token's accents matter. */
  collides: boolean;
  /** The same key without its corrections (a capitalised word inside a sentence: a name, not a misspelling). */
  exact: KeyInfo | undefined;
  /** The edge bits (`edgeBit`) of every edge id above, corrections included: a node whose mask shares none has no edge for this token. */
  mask: number;
  /** `first` and `firstFixed` as pairs (node, its mask), read together by the matcher's first steps. */
  firstSteps: Int32Array;
  fixedSteps: Int32Array;
}

/**
 * The walk of one compiled lexicon's trie over a verbatim's units: one object
 * of one class for every lexicon (the French, the English, a layer's), its
 * methods shared, rather than closures made per call of `match`, which the
 * optimised code met as new call targets (and dropped) from one lexicon to
 * the next. A verbatim's units, their key records and the matches found go
 * from call to call as arguments: as fields, each new kind of array stored
 * there made V8 drop the code that read them.
 */
class TrieWalk {
  private readonly table: Int32Array;
  private readonly keys: FlatEdges;
  private readonly stems: FlatEdges;
  private readonly globs: FlatEdges;
  private readonly gaps: Int32Array;
  private readonly keyIndex: EdgeIndex;
  private readonly stemIndex: EdgeIndex;
  private readonly globIndex: EdgeIndex;
  /** Per pattern (an end of the trie): its entry, its term (`~index`: an exclusion's), gapped 0/1. */
  private readonly ends: Int32Array;
  /** Each pattern made the first time it matches: a lexicon of 100,000 entries has half a million, most never met. */
  private readonly patterns: Array<CompiledPattern | undefined> = [];

  constructor(
    trie: FlatTrie,
    private readonly masks: Int32Array,
    private readonly entries: readonly LexiconEntry[],
  ) {
    this.table = trie.table;
    this.keys = trie.keys;
    this.stems = trie.stems;
    this.globs = trie.globs;
    this.gaps = trie.gaps;
    this.keyIndex = new EdgeIndex(trie.table, trie.keys, KEY);
    this.stemIndex = new EdgeIndex(trie.table, trie.stems, STEM);
    this.globIndex = new EdgeIndex(trie.table, trie.globs, GLOB);
    // A slot for each, filled in order: an array written far past its end turns into a slow dictionary.
    for (let p = 0; p < trie.ends.length; p += 3) this.patterns.push(undefined);
    this.ends = trie.ends;
  }

  private patternAt(p: number): CompiledPattern {
    const entry = this.entries[this.ends[p * 3] as number] as LexiconEntry;
    const term = this.ends[p * 3 + 1] as number;
    return (this.patterns[p] = { entry: this.ends[p * 3] as number, term: (term < 0 ? entry.exclude[~term] : entry.terms[term]) as string, exclude: term < 0, gapped: this.ends[p * 3 + 2] === 1 });
  }

  /**
   * Whether a step at `node`, of mask 0 (see `nodeMasks`), may take an edge on this token (undefined:
   * past the last unit): the edge indexes tell, their filters answering most. A token with more edges
   * to take (accented spellings, globs, corrections) always may.
   */
  private may(node: number, ki: KeyInfo | undefined): boolean {
    return ki !== undefined && (ki.more !== undefined || ki.globs.length > 0 || ki.fixes !== undefined || this.keyIndex.first(node, ki.keyId) >= 0 || this.stemIndex.first(node, ki.stemId) >= 0);
  }

  /**
   * Children along the edges with this id in the run [lo, end) of one kind,
   * each walked on from position j when it can do something there (its
   * mask: most children have an edge the next token does not take).
   */
  private along(units: readonly MatchUnit[], info: readonly KeyInfo[], out: RawMatch[], edges: FlatEdges, index: EdgeIndex, node: number, lo: number, end: number, id: number, j: number, start: number, sentence: number, negated: boolean, fuzzy: boolean): void {
    const ki = info[j];
    const bits = ki === undefined ? 0 : ki.mask;
    const masks = this.masks;
    for (let e = end - lo <= SCANNED_RUN ? firstEdge(edges, lo, end, id) : index.first(node, id); e >= 0 && e < end && edges.id[e] === id; e += 1) {
      const to = edges.to[e] as number;
      const m = masks[to] as number;
      if (m === -1 || (m & bits) !== 0 || (m === 0 && this.may(to, ki))) this.step(units, info, out, to, j, start, sentence, negated, fuzzy);
    }
  }

  // `negated`: a key edge taken on the way was a negation word. Key edges are
  // the term's own words (gaps skip, they take no edge), so the flag is the
  // matched alternative's, whatever other alternatives of the term hold.
  private step(units: readonly MatchUnit[], info: readonly KeyInfo[], out: RawMatch[], node: number, j: number, start: number, sentence: number, negated: boolean, fuzzy: boolean): void {
    const table = this.table;
    const row = node * ROW;
    const endsEnd = table[row + ROW + END] as number;
    for (let p = table[row + END] as number; p < endsEnd; p += 1) {
      const pattern = this.patterns[p] ?? this.patternAt(p);
      out.push({ pattern, start, end: j, negated, fuzzy });
    }
    // Read within the units only: past the last, an array read V8 had not seen made it drop the optimised walk once.
    const unit = j < units.length ? units[j] : undefined;
    const ki = j < units.length ? info[j] : undefined;
    if (unit !== undefined && ki !== undefined && unit.sentence === sentence) {
      const k0 = table[row + KEY] as number;
      const k1 = table[row + ROW + KEY] as number;
      if (k0 !== k1) {
        const keyNegated = negated || ki.negator;
        if (ki.keyId >= 0) this.along(units, info, out, this.keys, this.keyIndex, node, k0, k1, ki.keyId, j + 1, start, sentence, keyNegated, fuzzy);
        if (ki.more !== undefined) for (const k of ki.more) this.along(units, info, out, this.keys, this.keyIndex, node, k0, k1, k, j + 1, start, sentence, keyNegated, fuzzy);
      }
      const s0 = table[row + STEM] as number;
      const s1 = table[row + ROW + STEM] as number;
      if (ki.stemId >= 0 && s0 !== s1) this.along(units, info, out, this.stems, this.stemIndex, node, s0, s1, ki.stemId, j + 1, start, sentence, negated, fuzzy);
      const g0 = table[row + GLOB] as number;
      const g1 = table[row + ROW + GLOB] as number;
      if (g0 !== g1) for (const id of ki.globs) this.along(units, info, out, this.globs, this.globIndex, node, g0, g1, id, j + 1, start, sentence, negated, fuzzy);
      if (ki.fixes !== undefined) {
        for (const fix of ki.fixes) {
          if (fix.keyId >= 0) this.along(units, info, out, this.keys, this.keyIndex, node, k0, k1, fix.keyId, j + 1, start, sentence, negated || fix.negator, true);
          if (fix.stemId >= 0) this.along(units, info, out, this.stems, this.stemIndex, node, s0, s1, fix.stemId, j + 1, start, sentence, negated, true);
          for (const id of fix.globs) this.along(units, info, out, this.globs, this.globIndex, node, g0, g1, id, j + 1, start, sentence, negated, true);
        }
      }
    }
    const gaps = this.gaps;
    const gapEnd = table[row + ROW + GAP] as number;
    for (let g = table[row + GAP] as number; g < gapEnd; g += 1) {
      const max = gaps[g * 3 + 1] as number;
      const next = gaps[g * 3 + 2] as number;
      const m = this.masks[next] as number;
      // A gap's node is followed by words: each skipped position costs a mask test, a lookup only where the token may go on.
      for (let skip = gaps[g * 3] as number; skip <= max; skip += 1) {
        const at = j + skip;
        if (at >= units.length) break;
        const u = units[at] as MatchUnit;
        if (u.sentence !== sentence) break;
        if (m === -1 || (m & (info[at] as KeyInfo).mask) !== 0 || (m === 0 && this.may(next, info[at]))) this.step(units, info, out, next, at, start, sentence, negated, fuzzy);
      }
    }
  }

  /** The raw matches of `units`, whose key records are `info`, in the order the walk finds them. */
  walk(units: readonly MatchUnit[], info: readonly KeyInfo[]): RawMatch[] {
    const out: RawMatch[] = [];
    for (let i = 0; i < units.length; i += 1) {
      const ki = info[i];
      if (ki === undefined) continue;
      const sentence = units[i]?.sentence ?? 0;
      // First edges mix key, stem and glob edges: a negation word opening a match is taken as written.
      const bits = info[i + 1]?.mask ?? 0;
      const first = ki.firstSteps;
      for (let k = 0; k < first.length; k += 2) {
        const m = first[k + 1] as number;
        if (m === -1 || (m & bits) !== 0 || (m === 0 && this.may(first[k] as number, info[i + 1]))) this.step(units, info, out, first[k] as number, i + 1, i, sentence, ki.negator, false);
      }
      const fixed = ki.fixedSteps;
      for (let k = 0; k < fixed.length; k += 2) {
        const m = fixed[k + 1] as number;
        if (m === -1 || (m & bits) !== 0 || (m === 0 && this.may(fixed[k] as number, info[i + 1]))) this.step(units, info, out, fixed[k] as number, i + 1, i, sentence, false, true);
      }
    }
    return out;
  }
}

/** The matcher over a trie `compileMatcherData` built for this lexicon and keying (`stored`: read from the build's store). */
function matcherFrom(lexicon: Lexicon, data: MatcherData, options: CompileOptions, stored: boolean): CompiledLexicon {
  const entries = lexicon.entries.filter((e) => !e.disabled);
  // A term holding any negation word is matched as written, even when the
  // lexicon's negator list leaves that word out (`personne`, `plus`).
  const negators = new Set([...lexicon.negation.negators.map((w) => foldKey(w)), ...NEGATION_WORDS]);
  // No memo of its own, nor the text layer's: `infoOf` is its only caller, on keys its own memo lost, which a
  // stem memo of the same size would have lost too (and would push the common words out of the text layer's).
  const stemOf = stemUncached;
  const words = options.words ?? defaultWordData();
  const keyIds = KeyIds.from(data.keyList);
  const stemIds = KeyIds.from(data.stemList);
  const globs = new GlobIndex();
  for (const pattern of data.globList) globs.add(pattern);
  const accented = new Map(data.accented);
  const known = new Set(data.known);
  // Misspellings are corrected to the lexicon's word keys through an index built here, once.
  const speller = options.fuzzy === false ? undefined : new Speller(known, known, words);
  const trie: FlatTrie = data;
  const masks = nodeMasks(trie);
  const walker = new TrieWalk(trie, masks, entries);

  const withMasks = (nodes: readonly number[]): Int32Array => {
    if (nodes.length === 0) return NO_STEPS;
    const pairs = new Int32Array(nodes.length * 2);
    nodes.forEach((node, k) => {
      pairs[k * 2] = node;
      pairs[k * 2 + 1] = masks[node] as number;
    });
    return pairs;
  };
  /** Every KeyInfo built here, fields in one order: one hidden class for the matcher's lookups. */
  const keyInfo = (
    key: string,
    more: readonly number[] | undefined,
    stem: string,
    negator: boolean,
    ids: readonly number[],
    first: readonly number[],
    fixes: readonly Fix[] | undefined,
    firstFixed: readonly number[],
    collides: boolean,
  ): KeyInfo => {
    const keyId = keyIds.of(key);
    const stemId = stemIds.of(stem);
    let mask = keyId >= 0 ? edgeBit(KEY, keyId) : 0;
    if (more !== undefined) for (const k of more) if (k >= 0) mask |= edgeBit(KEY, k);
    if (stemId >= 0) mask |= edgeBit(STEM, stemId);
    for (const g of ids) mask |= edgeBit(GLOB, g);
    if (fixes !== undefined) {
      for (const fix of fixes) {
        if (fix.keyId >= 0) mask |= edgeBit(KEY, fix.keyId);
        if (fix.stemId >= 0) mask |= edgeBit(STEM, fix.stemId);
        for (const g of fix.globs) mask |= edgeBit(GLOB, g);
      }
    }
    return { key, keyId, more, stem, stemId, negator, globs: ids, first, fixes, firstFixed, collides, exact: undefined, mask, firstSteps: withMasks(first), fixedSteps: withMasks(firstFixed) };
  };
  /** What a key with no edge, no correction and no accent collision is to the matcher (its key and stem are never read). */
  const noEdge: KeyInfo = keyInfo('', undefined, '', false, NO_NODES, NO_NODES, undefined, NO_NODES, false);
  const firstEdges = (key: string, stem: string, ids: readonly number[]): number[] => {
    const first = [...rootTargets(trie, KEY, keyIds.of(key)), ...rootTargets(trie, STEM, stemIds.of(stem))];
    for (const id of ids) first.push(...rootTargets(trie, GLOB, id));
    return first;
  };
  // The key records of units the analysis did not annotate (src/analyze/facts.ts keeps its own with each key's facts).
  const infos = new Memo<KeyInfo>(KEY_MEMO_BUDGET);
  const remember = (key: string, info: KeyInfo): KeyInfo => {
    infos.set(key, info);
    return info;
  };
  const infoOf = (key: string): KeyInfo => infos.get(key) ?? remember(key, computeInfo(key));
  /** A key's record, not remembered (src/analyze/facts.ts keeps it with what the analysis reads of the key). */
  const computeInfo = (key: string): KeyInfo => {
    const stem = stemOf(key);
    const ids = globs.matching(key);
    let fixes: Fix[] | undefined;
    let firstFixed: readonly number[] = NO_NODES;
    const corrected = speller?.correct(key) ?? NONE_KEYS;
    if (corrected.length > 0) {
      fixes = [];
      const fixedEdges: number[] = [];
      for (const k of corrected) {
        const s = stemOf(k);
        const more = globs.matching(k).filter((id) => !ids.includes(id));
        const fix: Fix = { keyId: keyIds.of(k), negator: negators.has(k), stemId: s === stem ? -1 : stemIds.of(s), globs: more };
        fixes.push(fix);
        fixedEdges.push(...firstEdges(k, s === stem ? '' : s, more));
      }
      firstFixed = fixedEdges;
    }
    const keyId = keyIds.of(key);
    const stemId = stemIds.of(stem);
    // A word the lexicon has no edge for, no correction and no accent collision (most words of a corpus): the
    // matcher reads nothing of it but "no edge", so every such key shares one record instead of one each.
    if (keyId < 0 && stemId < 0 && ids.length === 0 && fixes === undefined && !words.collisions.has(key)) return noEdge;
    return keyInfo(key, undefined, stem, negators.has(key), ids, firstEdges(key, stem, ids), fixes, firstFixed, words.collisions.has(key));
  };
  /**
   * A token written with accents on a colliding key takes the edges of the
   * lexicon's accented spellings it could stand for (`accentsWithin`) only:
   * `salé` is not the lexicon's `sale`, `déconnecte` is its `déconnecté`.
   */
  const accentedInfoOf = (form: string, plain: KeyInfo): KeyInfo => {
    const info = infos.get(form);
    if (info !== undefined) return info;
    const spellings = (accented.get(plain.key) ?? NONE_KEYS).filter((w) => accentsWithin(form, w));
    const first = firstEdges(spellings[0] ?? form, plain.stem, plain.globs);
    for (const w of spellings.slice(1)) first.push(...rootTargets(trie, KEY, keyIds.of(w)));
    // Pushed, not mapped: one elements kind for every record's `more`, which the walk iterates.
    let more: number[] | undefined;
    for (let k = 1; k < spellings.length; k += 1) (more ??= []).push(keyIds.of(spellings[k] as string));
    return remember(form, keyInfo(spellings[0] ?? form, more, plain.stem, plain.negator, plain.globs, first, plain.fixes, plain.firstFixed, false));
  };

  /** Accented spellings of the tokens on colliding keys, by token text. */
  const forms = new Memo<string>(FORM_MEMO_BUDGET);

  const match = (units: readonly MatchUnit[]): RawMatch[] => {
    // Pushed, not mapped: `map` gives arrays of one elements kind or another (none for no units, interpreted or
    // optimised), and the optimised walk dropped its code each time it met a new one.
    const info: KeyInfo[] = [];
    for (let i = 0; i < units.length; i += 1) {
      const u = units[i] as MatchUnit;
      const f = u.facts;
      let ki = f !== undefined && f.table.compiled === self ? (f.match as KeyInfo) : infoOf(u.key);
      if (ki.fixes !== undefined && u.text !== undefined && isCapitalised(u.text) && isNameAt(units, i)) {
        ki = ki.exact ??= keyInfo(ki.key, ki.more, ki.stem, ki.negator, ki.globs, ki.first, undefined, NO_NODES, ki.collides);
      }
      if (ki.collides && u.text !== undefined && u.text !== u.key) {
        let form = forms.get(u.text);
        if (form === undefined) {
          form = accentForm(u.text, u.key);
          forms.set(u.text, form);
        }
        if (form !== u.key) ki = accentedInfoOf(form, ki);
      }
      info.push(ki);
    }
    return sortUnlessSorted(walker.walk(units, info), byStartEndEntry);
  };

  const self: CompiledLexicon = { lexicon, entries, match, keyInfo: computeInfo, globCount: globs.globs.length, stored };
  return self;
}

/** Every word key of a lexicon's terms and exclusions (words and stem words, disabled entries too), with its accented spelling. */
export function lexiconKeyForms(lexicon: Lexicon, options: KeyingOptions = {}): KeyForm[] {
  const out: KeyForm[] = [];
  for (const entry of lexicon.entries) {
    for (const term of [...entry.terms, ...entry.exclude]) {
      const parsed = parseTerm(term);
      if (!parsed.ok) continue;
      for (const pos of parsed.positions) {
        if (pos.type !== 'slot') continue;
        for (const phrase of pos.alternatives) for (const alt of phrase) if (alt.type !== 'glob') out.push(...termKeyForms(alt.text, options));
      }
    }
  }
  return out;
}
