// Forms of a lemma, from the table scripts/build-lemmas.mjs generates at build
// time (src/data/lemmas.generated.ts). Looked up by folded lemma, so
// `lemma:reponse` and `lemma:réponse` name the same word.
import { LEMMA_SUFFIXES, LEMMA_TABLE } from '../data/lemmas.generated.js';
import { foldKey } from '../text/index.js';

let index: Map<string, string[]> | undefined;

function build(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [lemma, entry] of Object.entries(LEMMA_TABLE)) {
    const prefix = lemma.slice(0, lemma.length - Math.floor(entry / LEMMA_SUFFIXES.length));
    const forms = (LEMMA_SUFFIXES[entry % LEMMA_SUFFIXES.length] ?? '').split(',').map((suffix) => prefix + suffix);
    const key = foldKey(lemma);
    const known = out.get(key);
    // Two lemmas folding alike (pêcher / pécher) share their forms.
    out.set(key, known === undefined ? forms : [...new Set([...known, ...forms])]);
  }
  return out;
}

/** The inflected forms of a lemma (accents as in the dictionary), or undefined when the table does not know it. */
export function lemmaForms(lemma: string): readonly string[] | undefined {
  index ??= build();
  return index.get(foldKey(lemma));
}

/** The lemmas the table knows, as the dictionary writes them. */
export function lemmaNames(): string[] {
  return Object.keys(LEMMA_TABLE);
}

/** Number of lemmas the table knows (for diagnostics). */
export function lemmaCount(): number {
  index ??= build();
  return index.size;
}
