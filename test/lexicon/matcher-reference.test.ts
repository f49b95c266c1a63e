// The compiled matcher against a naive reference: on random token streams and
// random small lexicons (words, alternatives, gaps, globs, stems, exclusions,
// many terms sharing prefixes), it finds exactly the spans the reference finds
// by trying every term at every position.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLexicon, composeLexicons, defineLexicon, stem, type MatchUnit } from '../../src/index.js';
import { parseTerm, type TermPosition } from '../../src/lexicon/term.js';
import { termKeys } from '../../src/lexicon/keys.js';

const WORDS = ['colis', 'retard', 'livraison', 'attente', 'client', 'service', 'magasin', 'livreur', 'livrer', 'remboursement', 'rembourse', 'facture'];
const GLOBS = ['livr*', '*bours*', 'attent*', '*ure'];
const STEMS = ['stem:livrer', 'stem:rembourser'];

const word = fc.constantFrom(...WORDS);
const atom = fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom(...GLOBS) }, { weight: 1, arbitrary: fc.constantFrom(...STEMS) });
/** A position: one or more alternatives, each one or two atoms. */
const slot = fc.array(fc.array(atom, { minLength: 1, maxLength: 2 }).map((a) => a.join(' ')), { minLength: 1, maxLength: 3 }).map((alts) => alts.join('|'));
const gap = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })).map(([a, b]) => `{${a},${a + b}}`);
/** A term: slots, with a gap between two of them now and then. */
const term = fc
  .array(fc.tuple(slot, fc.option(gap, { freq: 3 })), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([s, g], i) => (g !== null && i < parts.length - 1 ? `${s} ${g}` : s)).join(' '));
/**
 * Wide positions (up to 20 alternatives of up to three atoms): a term with two
 * of them spells more combinations than the trie shares with other terms, so it
 * is built through nodes of its own, shared within the term (and one gap node
 * for all the nodes before a gap).
 */
const wideSlot = fc.array(fc.array(atom, { minLength: 1, maxLength: 3 }).map((a) => a.join(' ')), { minLength: 6, maxLength: 20 }).map((alts) => [...new Set(alts)].join('|'));
const wideTerm = fc
  .array(fc.tuple(fc.oneof(wideSlot, slot), fc.option(gap, { freq: 2 })), { minLength: 2, maxLength: 3 })
  .map((parts) => parts.map(([s, g], i) => (g !== null && i < parts.length - 1 ? `${s} ${g}` : s)).join(' '));
const wideEntry = fc.record({ terms: fc.array(fc.oneof(wideTerm, term), { minLength: 1, maxLength: 3 }), exclude: fc.array(term, { maxLength: 1 }) });
const entry = fc.record({ terms: fc.array(term, { minLength: 1, maxLength: 3 }), exclude: fc.array(term, { maxLength: 1 }) });
/** Units: up to `max` words, `weight` to one sentence break (gaps and terms never cross them). */
const streamOf = (words: fc.Arbitrary<string>, weight: number, max: number): fc.Arbitrary<MatchUnit[]> =>
  fc.array(fc.oneof({ weight, arbitrary: words }, { weight: 1, arbitrary: fc.constant('.') }), { maxLength: max }).map((keys) => {
    let sentence = 0;
    const units: MatchUnit[] = [];
    for (const key of keys) {
      if (key === '.') sentence += 1;
      else units.push({ key, sentence });
    }
    return units;
  });
const stream = streamOf(word, 8, 30);

/** Up to 400 words of two syllables (`bobo`, `boco`…), each its own key. */
const SYLLABLE_WORDS = (() => {
  const syllables = 'bcdfghjklmnpqrstvwxz'.split('').map((c) => `${c}o`);
  return syllables.flatMap((a) => syllables.map((b) => `${a}${b}`)).filter((w) => termKeys(w).join(' ') === w);
})();

function globMatches(pattern: string, key: string): boolean {
  const parts = pattern.split('*');
  if (!key.startsWith(parts[0] as string) || !key.endsWith(parts.at(-1) as string) || key.length < (parts[0] as string).length + (parts.at(-1) as string).length) return false;
  let at = (parts[0] as string).length;
  for (const part of parts.slice(1, -1)) {
    const found = key.indexOf(part, at);
    if (found < 0 || found + part.length > key.length - (parts.at(-1) as string).length) return false;
    at = found + part.length;
  }
  return true;
}

/** Ends of every way `positions[p…]` matches from unit `j` inside `sentence`. */
function ends(positions: readonly TermPosition[], p: number, units: readonly MatchUnit[], j: number, sentence: number, out: Set<number>): void {
  const pos = positions[p];
  if (pos === undefined) {
    out.add(j);
    return;
  }
  if (pos.type === 'gap') {
    for (let skip = pos.min; skip <= pos.max; skip += 1) if (units[j + skip]?.sentence === sentence) ends(positions, p + 1, units, j + skip, sentence, out);
    return;
  }
  for (const phrase of pos.alternatives) {
    let k = j;
    const ok = phrase.every((alt) => {
      const unit = units[k];
      if (unit === undefined || unit.sentence !== sentence) return false;
      k += 1;
      if (alt.type === 'word') return unit.key === alt.text;
      if (alt.type === 'glob') return globMatches(alt.text, unit.key);
      return stem(unit.key) === stem(alt.text);
    });
    if (ok) ends(positions, p + 1, units, k, sentence, out);
  }
}

function reference(entries: Array<{ terms: string[]; exclude: string[] }>, units: readonly MatchUnit[]): string[] {
  const spans = new Set<string>();
  entries.forEach((e, index) => {
    for (const [list, exclude] of [[e.terms, false], [e.exclude, true]] as const) {
      for (const t of list) {
        const parsed = parseTerm(t);
        if (!parsed.ok) throw new Error(t);
        for (let start = 0; start < units.length; start += 1) {
          const found = new Set<number>();
          ends(parsed.positions, 0, units, start, (units[start] as MatchUnit).sentence, found);
          for (const end of found) spans.add(`${index + 1} ${exclude} ${start}-${end}`);
        }
      }
    }
  });
  return [...spans].sort();
}

function compiled(entries: Array<{ terms: string[]; exclude: string[] }>) {
  const list = [{ id: 't', kind: 'theme' as const, label: 'T', terms: ['zzzthemezzz'] }, ...entries.map((e, i) => ({ id: `e${i}`, kind: 'theme' as const, label: `E${i}`, terms: e.terms, exclude: e.exclude }))];
  return compileLexicon(composeLexicons([defineLexicon({ version: 1, entries: list })]), { fuzzy: false });
}

type GenEntry = { terms: string[]; exclude: string[] };

/** Duplicate terms within an entry are refused by the lexicon's validation: keep the first (and no term as its own exclusion). */
const cleaned = (entries: readonly GenEntry[]): GenEntry[] =>
  entries.map((e) => ({ terms: [...new Set(e.terms)], exclude: [...new Set(e.exclude)].filter((t) => !e.terms.includes(t)) }));

/** The compiled matcher finds the reference's spans on every stream. */
function expectReferenceSpans(entries: readonly GenEntry[], streams: readonly MatchUnit[][]): void {
  const clean = cleaned(entries);
  const matcher = compiled(clean);
  for (const units of streams) {
    // Spans per entry: two terms of one entry ending at one trie node report the first term only.
    const got = [...new Set(matcher.match(units).map((r) => `${r.pattern.entry} ${r.pattern.exclude} ${r.start}-${r.end}`))].sort();
    expect(got).toEqual(reference(clean, units));
  }
}

describe('the matcher against a naive reference', () => {
  it('finds exactly the reference spans, terms and exclusions', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.array(stream, { minLength: 1, maxLength: 4 }), expectReferenceSpans),
      { numRuns: 150 },
    );
  });

  it('finds exactly the reference spans with wide positions', () => {
    fc.assert(
      fc.property(fc.array(wideEntry, { minLength: 1, maxLength: 4 }), fc.array(stream, { minLength: 1, maxLength: 4 }), expectReferenceSpans),
      { numRuns: 80 },
    );
  });

  it('matches in order of start then end', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), stream, (entries, units) => {
        const clean = cleaned(entries);
        const raw = compiled(clean).match(units);
        for (let k = 1; k < raw.length; k += 1) {
          const a = raw[k - 1]!;
          const b = raw[k]!;
          expect(a.start < b.start || (a.start === b.start && (a.end < b.end || (a.end === b.end && a.pattern.entry <= b.pattern.entry)))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('finds exactly the reference spans in a lexicon of hundreds of entries over hundreds of words (the builder\'s tables grown many times)', () => {
    // Thousands of edge lists, nodes and ends, past every table's first size.
    const bigWord = fc.constantFrom(...SYLLABLE_WORDS);
    const bigTerm = fc
      .tuple(fc.array(bigWord, { minLength: 1, maxLength: 2 }), fc.option(gap, { freq: 3 }), fc.array(bigWord, { maxLength: 2 }))
      .map(([head, g, tail]) => [...head, ...(g !== null && tail.length > 0 ? [g] : []), ...tail].join(' '));
    const bigEntry = fc.record({ terms: fc.array(bigTerm, { minLength: 1, maxLength: 4 }), exclude: fc.array(bigTerm, { maxLength: 1 }) });
    // Streams made of the entries' own words (most would match nothing otherwise), with sentence breaks.
    const withStreams = fc.array(bigEntry, { minLength: 300, maxLength: 400 }).chain((entries) => {
      const own = [...new Set(entries.flatMap((e) => [...e.terms, ...e.exclude]).flatMap((t) => t.split(' ')).filter((w) => !w.startsWith('{')))];
      return fc.tuple(fc.constant(entries), fc.array(streamOf(fc.constantFrom(...own), 10, 60), { minLength: 3, maxLength: 6 }));
    });
    fc.assert(
      fc.property(withStreams, ([entries, streams]) => expectReferenceSpans(entries, streams)),
      { numRuns: 4 },
    );
  });

  it('finds exactly the reference spans after words that hundreds of terms go on from (their masks saturated)', () => {
    const words = SYLLABLE_WORDS;
    // Verbs and forms of theirs that share their stem without being the verb: a token takes the stem edge only.
    const verbs = ['rembourser', 'livrer', 'appeler', 'envoyer', 'changer', 'casser', 'bloquer', 'annuler', 'reparer', 'fermer', 'oublier', 'tomber'];
    const forms = verbs.flatMap((v) => [v.slice(0, -2) + 'e', v.slice(0, -1) + 'z']).filter((f) => verbs.some((v) => stem(v) === stem(f)));
    const globs = ['gara*', 'factur*', 'tarif*', 'carte*', 'messag*', 'abonn*', 'compt*', 'horair*', 'adress*', 'command*'];
    const globbed = ['garage', 'factures', 'tarifs', 'cartes', 'message', 'abonnement', 'compte', 'horaires', 'adresse', 'commande'];
    const terms = [
      // After `colis` and a gap, and after `dossier` (the first word: no gap, no end), long runs of words, stems and globs.
      ...words.slice(0, 300).map((w) => `colis {0,2} ${w}`),
      ...verbs.map((v) => `colis {0,2} stem:${v}`),
      ...globs.map((g) => `colis {0,2} ${g}`),
      ...words.slice(50, 350).map((w) => `dossier ${w}`),
      ...verbs.map((v) => `dossier stem:${v}`),
      ...globs.map((g) => `dossier ${g}`),
      // After `retard` and a gap: words enough to set every bit of a mask, and a short run of one stem.
      ...words.slice(100, 400).map((w) => `retard {0,1} ${w}`),
      'retard {0,1} stem:rembourser',
    ];
    const entries = terms.map((t) => ({ terms: [t], exclude: [] as string[] }));
    const token = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('colis', 'retard', 'dossier') },
      { weight: 3, arbitrary: fc.constantFrom(...words) },
      { weight: 2, arbitrary: fc.constantFrom(...forms, ...globbed) },
      { weight: 1, arbitrary: fc.constantFrom('rembourse', 'remboursez') },
    );
    fc.assert(
      fc.property(fc.array(streamOf(token, 12, 40), { minLength: 1, maxLength: 3 }), (streams) => expectReferenceSpans(entries, streams)),
      { numRuns: 30 },
    );
  });

  it('ends every entry of a word that tens of thousands of entries share (one node, 60,000 ends)', () => {
    const n = 60_000;
    const entries = Array.from({ length: n }, () => ({ terms: ['colis'], exclude: [] as string[] }));
    const hits = compiled(entries).match([{ key: 'colis', sentence: 0 }]);
    expect(hits).toHaveLength(n);
    expect(new Set(hits.map((r) => r.pattern.entry)).size).toBe(n);
  });
});
