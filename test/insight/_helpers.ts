// Hand-built VerbatimAnalysis records for the insight tests.
import fc from 'fast-check';
import type { Match, VerbatimAnalysis } from '../../src/types.js';

export type AnalysisFields = Partial<VerbatimAnalysis> & { id: string };

export function verbatim(p: AnalysisFields): VerbatimAnalysis {
  return {
    channel: 'enquete',
    text: '',
    language: 'fra',
    tokenCount: 0,
    wordCount: p.keywords?.length ?? 0,
    contentWordCount: p.keywords?.length ?? 0,
    keywords: [],
    matches: [],
    themes: [],
    concepts: [],
    irritants: [],
    enchantments: [],
    intents: [],
    tonality: 'neutre',
    sentiment: { positive: 0, negative: 0 },
    ...p,
  };
}

export function match(id: string, kind: Match['kind'], theme: string): Match {
  return { id, kind, theme, term: id, tokenStart: 0, tokenEnd: 1, start: 0, end: 1, text: id, negated: false };
}

const THEMES = ['accueil', 'joignabilite', 'livraison', 'prix'];
const IRRITANTS = ['attente_excessive', 'retard_livraison', 'prix_excessif'];
const THEME_OF: Record<string, string> = {
  attente_excessive: 'joignabilite',
  retard_livraison: 'livraison',
  prix_excessif: 'prix',
  amabilite: 'accueil',
  rapidite: 'joignabilite',
};

/** Random analyses over a small vocabulary, so that merges collide on keys. */
export const analysisArb: fc.Arbitrary<VerbatimAnalysis> = fc
  .record({
    channel: fc.constantFrom('chat', 'email', 'enquete', 'constructor'),
    date: fc.option(
      fc.date({ min: new Date('2024-11-20T00:00:00Z'), max: new Date('2025-02-10T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      { nil: undefined },
    ),
    score: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    keywords: fc.array(fc.constantFrom('attente', 'colis', 'conseiller', 'prix', 'toString', 'rapide'), { maxLength: 8 }),
    themes: fc.subarray(THEMES),
    concepts: fc.subarray(['livraison.delai', 'prix.frais']),
    irritants: fc.subarray(IRRITANTS),
    enchantments: fc.subarray(['amabilite', 'rapidite']),
    intents: fc.subarray(['resiliation']),
  })
  .map((r) => {
    const { date, ...rest } = r;
    const matches = [...r.irritants, ...r.enchantments].map((id) =>
      match(id, IRRITANTS.includes(id) ? 'irritant' : 'enchantment', THEME_OF[id] as string),
    );
    return verbatim({ id: 'x', ...rest, matches, ...(date === undefined ? {} : { date }) });
  });

/** The state of `items` added one by one to `empty` with `add`. */
export function stateOf<S>(empty: S, add: (state: S, analysis: VerbatimAnalysis) => void, items: readonly VerbatimAnalysis[]): S {
  for (const item of items) add(empty, item);
  return empty;
}

/** Splits `items` at the given cut points into consecutive chunks (some possibly empty). */
export function chunks<T>(items: T[], cuts: number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let from = 0;
  for (const p of points) {
    out.push(items.slice(from, p));
    from = p;
  }
  out.push(items.slice(from));
  return out;
}
