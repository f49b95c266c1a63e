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
import { foldKey, NEGATION_WORDS, stem as stemWord } from '../text/index.js';
import type { Lexicon, LexiconEntry } from './types.js';
import { parseTerm, unknownLemma, type TermAlternative } from './term.js';
import { LexiconError } from './errors.js';
import { termKeys, type KeyingOptions } from './keys.js';
import { lemmaForms } from './lemmas.js';

type Atom = { t: 'key'; key: string } | { t: 'stem'; stem: string } | { t: 'glob'; id: number } | { t: 'gap'; min: number; max: number };

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

interface TrieNode {
  keys: Map<string, TrieNode[]> | undefined;
  stems: Map<string, TrieNode[]> | undefined;
  globs: Map<number, TrieNode[]> | undefined;
  gaps: Array<{ min: number; max: number; node: TrieNode }> | undefined;
  ends: CompiledPattern[] | undefined;
  /** Reached by exactly one path of shared prefixes: other terms may extend it. */
  shared: boolean;
}

/** Every node has the same fields in the same order: one hidden class, monomorphic lookups. */
function makeNode(shared: boolean): TrieNode {
  return { keys: undefined, stems: undefined, globs: undefined, gaps: undefined, ends: undefined, shared };
}

/** One matchable unit of the token stream (a token, or one word of a multi-word SMS key). */
export interface MatchUnit {
  key: string;
  /** Sentence number: gaps never cross sentences. */
  sentence: number;
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
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  /** Enabled entries, in lexicon order (patterns point into this array). */
  entries: LexiconEntry[];
  /** Every hit of every term and exclusion, ordered by start then end. */
  match(units: readonly MatchUnit[]): RawMatch[];
  /** Distinct glob patterns in the lexicon (for diagnostics and benchmarks). */
  readonly globCount: number;
}

interface Glob {
  pattern: string;
}

const NONE: readonly TrieNode[] = [];
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

function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i += 1) out.add(s.slice(i, i + 3));
  return out;
}

class GlobIndex {
  readonly globs: Glob[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byTrigram = new Map<string, number[]>();
  private readonly scan: number[] = [];
  private memo = new Map<string, readonly number[]>();

  add(pattern: string): number {
    const known = this.ids.get(pattern);
    if (known !== undefined) return known;
    const id = this.globs.length;
    this.globs.push({ pattern });
    this.ids.set(pattern, id);
    const longest = pattern.split('*').reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length >= 3) {
      const tri = longest.slice(0, 3);
      const list = this.byTrigram.get(tri);
      if (list === undefined) this.byTrigram.set(tri, [id]);
      else list.push(id);
    } else this.scan.push(id);
    return id;
  }

  /** Ids of the globs a key satisfies; each distinct key is tested once (memoised). */
  matching(key: string): readonly number[] {
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const found: number[] = [];
    if (this.globs.length > 0) {
      const seen = new Set<number>();
      const test = (id: number): void => {
        if (seen.has(id)) return;
        seen.add(id);
        const g = this.globs[id];
        if (g !== undefined && wildcard(g.pattern, key)) found.push(id);
      };
      for (const tri of trigrams(key)) for (const id of this.byTrigram.get(tri) ?? []) test(id);
      for (const id of this.scan) test(id);
      found.sort((a, b) => a - b);
    }
    // Bounded memory on huge corpora: start over rather than grow forever.
    if (this.memo.size >= 100_000) this.memo = new Map();
    this.memo.set(key, found);
    return found;
  }
}

function edgeList<K>(node: TrieNode, field: 'keys' | 'stems' | 'globs', key: K): TrieNode[] {
  let map = node[field] as Map<K, TrieNode[]> | undefined;
  if (map === undefined) {
    map = new Map();
    if (field === 'keys') node.keys = map as unknown as Map<string, TrieNode[]>;
    else if (field === 'stems') node.stems = map as unknown as Map<string, TrieNode[]>;
    else node.globs = map as unknown as Map<number, TrieNode[]>;
  }
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}

function edgeOf(node: TrieNode, atom: Atom): TrieNode[] | undefined {
  if (atom.t === 'key') return edgeList(node, 'keys', atom.key);
  if (atom.t === 'stem') return edgeList(node, 'stems', atom.stem);
  if (atom.t === 'glob') return edgeList(node, 'globs', atom.id);
  return undefined;
}

/** Compiles a composed lexicon; throws `LexiconError` if a term cannot be compiled. */
export function compileLexicon(lexicon: Lexicon, options: KeyingOptions = {}): CompiledLexicon {
  if (typeof lexicon !== 'object' || lexicon === null || !Array.isArray(lexicon.entries)) {
    throw new TypeError(`verbatim-fr: expected a composed Lexicon (from composeLexicons), got ${lexicon === null ? 'null' : typeof lexicon}`);
  }
  const root: TrieNode = makeNode(true);
  const globs = new GlobIndex();
  const entries = lexicon.entries.filter((e) => !e.disabled);
  // A term holding any negation word is matched as written, even when the
  // lexicon's negator list leaves that word out (`personne`, `plus`).
  const negators = new Set([...lexicon.negation.negators.map((w) => foldKey(w)), ...NEGATION_WORDS]);
  const stemCache = new Map<string, string>();
  const stemOf = (key: string): string => {
    let s = stemCache.get(key);
    if (s === undefined) {
      s = stemWord(key);
      stemCache.set(key, s);
    }
    return s;
  };
  const issues: LexiconError['issues'] = [];

  const alternativeAtoms = (alt: TermAlternative): Atom[] => {
    if (alt.type === 'lemma') return []; // expanded per form by expandPhrase
    if (alt.type === 'stem') return [{ t: 'stem', stem: stemOf(foldKey(alt.text)) }];
    if (alt.type === 'glob') {
      const pattern = alt.text.split('*').map((part) => foldKey(part)).join('*');
      return [{ t: 'glob', id: globs.add(pattern) }];
    }
    return termKeys(alt.text, options).map((key): Atom => ({ t: 'key', key }));
  };

  // Keys of every form of a lemma, deduplicated after folding (attendîmes / attendimes).
  const lemmaCache = new Map<string, string[][] | undefined>();
  const lemmaFormKeys = (lemma: string): string[][] | undefined => {
    if (lemmaCache.has(lemma)) return lemmaCache.get(lemma);
    const forms = lemmaForms(lemma);
    let keys: string[][] | undefined;
    if (forms !== undefined) {
      const seen = new Map<string, string[]>();
      for (const form of forms) {
        const k = termKeys(form, options);
        if (k.length > 0) seen.set(k.join(' '), k);
      }
      keys = [...seen.values()];
    }
    lemmaCache.set(lemma, keys);
    return keys;
  };

  const addTerm = (entryIndex: number, entry: LexiconEntry, term: string, exclude: boolean): void => {
    const parsed = parseTerm(term);
    const fail = (message: string, hint: string): void => {
      issues.push({ file: entry.source, line: 0, column: 0, entryId: entry.id, path: `${exclude ? 'exclude' : 'terms'}: ${term}`, message, hint });
    };
    if (!parsed.ok) {
      for (const p of parsed.problems) fail(p.message, p.hint);
      return;
    }
    // A phrase gives one spelling, or one per form of each `lemma:` in it
    // (the forms are words of the trie: matching stays one walk).
    const expandPhrase = (phrase: TermAlternative[]): Atom[][] | undefined => {
      let out: Atom[][] = [[]];
      for (const alt of phrase) {
        if (alt.type !== 'lemma') {
          const atoms = alternativeAtoms(alt);
          out = out.map((prefix) => [...prefix, ...atoms]);
          continue;
        }
        const forms = lemmaFormKeys(alt.text);
        if (forms === undefined) {
          const problem = unknownLemma(alt.text, term);
          fail(problem.message, problem.hint);
          return undefined;
        }
        if (out.length * forms.length > MAX_LEMMA_SPELLINGS) {
          fail(`term "${term}" spells out more than ${MAX_LEMMA_SPELLINGS} phrases through its lemmas`, 'split the phrase into several terms, or use a gap between the lemmas');
          return undefined;
        }
        out = out.flatMap((prefix) => forms.map((keys) => [...prefix, ...keys.map((key): Atom => ({ t: 'key', key }))]));
      }
      return out;
    };
    const words = parsed.positions.some((p) => p.type === 'slot');
    if (!words) {
      fail(`term "${term}" has no word to match`, 'write at least one word');
      return;
    }
    const gapped = parsed.positions.some((p) => p.type === 'gap');
    let frontier: TrieNode[] = [root];
    for (const pos of parsed.positions) {
      const allShared = frontier.every((n) => n.shared);
      if (pos.type === 'gap') {
        if (allShared) {
          // Shared prefixes share their gap nodes too: terms `colis {0,4} …` explore the gap once.
          frontier = frontier.map((from) => {
            let gap = from.gaps?.find((g) => g.min === pos.min && g.max === pos.max && g.node.shared);
            if (gap === undefined) {
              gap = { min: pos.min, max: pos.max, node: makeNode(true) };
              (from.gaps ??= []).push(gap);
            }
            return gap.node;
          });
          continue;
        }
        const next: TrieNode = makeNode(false);
        for (const node of frontier) (node.gaps ??= []).push({ min: pos.min, max: pos.max, node: next });
        frontier = [next];
        continue;
      }
      const spellings: Atom[][] = [];
      for (const phrase of pos.alternatives) {
        const expanded = expandPhrase(phrase);
        if (expanded === undefined) return;
        for (const atoms of expanded) if (atoms.length > 0) spellings.push(atoms);
      }
      if (spellings.length === 0) {
        fail(`a position of term "${term}" has no word to match`, 'write a word there');
        return;
      }
      if (allShared && frontier.length * spellings.length <= SHARE_BUDGET) {
        // Walk or grow the trie for every spelling: prefixes stay shared with other terms.
        const next = new Set<TrieNode>();
        for (const from of frontier) {
          for (const atoms of spellings) {
            let node = from;
            for (const atom of atoms) {
              const list = edgeOf(node, atom) ?? [];
              let child = list.find((n) => n.shared);
              if (child === undefined) {
                child = makeNode(true);
                list.push(child);
              }
              node = child;
            }
            next.add(node);
          }
        }
        frontier = [...next];
        continue;
      }
      // Too many combinations: every spelling from every frontier node joins one fresh node of this term.
      const join: TrieNode = makeNode(false);
      for (const node of frontier) {
        for (const atoms of spellings) {
          let at = node;
          atoms.forEach((atom, k) => {
            const target: TrieNode = k === atoms.length - 1 ? join : makeNode(false);
            edgeOf(at, atom)?.push(target);
            at = target;
          });
        }
      }
      frontier = [join];
    }
    for (const node of frontier) {
      node.ends ??= [];
      if (!node.ends.some((p) => p.entry === entryIndex && p.exclude === exclude)) node.ends.push({ entry: entryIndex, term, exclude, gapped });
    }
  };

  entries.forEach((entry, i) => {
    for (const term of entry.terms) addTerm(i, entry, term, false);
    for (const term of entry.exclude) addTerm(i, entry, term, true);
  });
  if (issues.length > 0) throw new LexiconError(issues);

  // Everything the matcher needs about one distinct token key, looked up once
  // per key: its stem, the globs it satisfies, and the first-position edges it
  // takes. One lookup per token in a table sized by the corpus vocabulary, so
  // the per-token cost does not grow with the number of entries.
  interface KeyInfo {
    stem: string;
    /** A negation word: a term word matched on this key makes the match hold its own negation. */
    negator: boolean;
    globs: readonly number[];
    /** First-position edges taken on the key itself. */
    firstByKey: readonly TrieNode[];
    /** First-position edges taken on the key's stem or globs. */
    first: readonly TrieNode[];
  }
  let infos = new Map<string, KeyInfo>();
  const infoOf = (key: string): KeyInfo => {
    let info = infos.get(key);
    if (info !== undefined) return info;
    const stem = stemOf(key);
    const ids = globs.matching(key);
    const firstByKey = root.keys?.get(key) ?? NONE;
    const first: TrieNode[] = [...(root.stems?.get(stem) ?? NONE)];
    for (const id of ids) first.push(...(root.globs?.get(id) ?? NONE));
    info = { stem, negator: negators.has(key), globs: ids, firstByKey, first };
    if (infos.size >= 200_000) infos = new Map();
    infos.set(key, info);
    return info;
  };

  const match = (units: readonly MatchUnit[]): RawMatch[] => {
    const out: RawMatch[] = [];
    const info: KeyInfo[] = units.map((u) => infoOf(u.key));
    // `negated`: a key edge taken on the way was a negation word. Key edges are
    // the term's own words (gaps skip, they take no edge), so the flag is the
    // matched alternative's, whatever other alternatives of the term hold.
    const step = (node: TrieNode, j: number, start: number, sentence: number, negated: boolean): void => {
      if (node.ends !== undefined) for (const pattern of node.ends) out.push({ pattern, start, end: j, negated });
      const unit = units[j];
      const ki = info[j];
      if (unit !== undefined && ki !== undefined && unit.sentence === sentence) {
        const byKey = node.keys?.get(unit.key);
        if (byKey !== undefined) for (const next of byKey) step(next, j + 1, start, sentence, negated || ki.negator);
        const byStem = node.stems?.get(ki.stem);
        if (byStem !== undefined) for (const next of byStem) step(next, j + 1, start, sentence, negated);
        if (node.globs !== undefined) for (const id of ki.globs) for (const next of node.globs.get(id) ?? NONE) step(next, j + 1, start, sentence, negated);
      }
      if (node.gaps !== undefined) {
        for (const gap of node.gaps) {
          for (let skip = gap.min; skip <= gap.max; skip += 1) {
            const at = j + skip;
            if (at >= units.length || units[at]?.sentence !== sentence) break;
            step(gap.node, at, start, sentence, negated);
          }
        }
      }
    };
    for (let i = 0; i < units.length; i += 1) {
      const ki = info[i];
      if (ki === undefined) continue;
      const sentence = units[i]?.sentence ?? 0;
      for (const next of ki.firstByKey) step(next, i + 1, i, sentence, ki.negator);
      for (const next of ki.first) step(next, i + 1, i, sentence, false);
    }
    out.sort((a, b) => a.start - b.start || a.end - b.end || a.pattern.entry - b.pattern.entry);
    return out;
  };

  return { lexicon, entries, match, globCount: globs.globs.length };
}
