// Which optional sector layer a corpus reads like: the share of verbatims in
// which a term that only the layer brings fires.
import { sectorLexicon, sectorNames } from '../lexicon/defaults.js';
import { analyze, createAnalyzer, type AnalyzerOptions } from './analyze.js';
import { expectedError } from '../_utils/describe.js';

export interface SectorSuggestion {
  /** Sector layer name (`banque`…), for `createAnalyzer({ sectors })` or `--sector`. */
  sector: string;
  /** Verbatims of the sample in which one of the layer's own terms fires. */
  verbatims: number;
  /** `verbatims` over the sample size. */
  share: number;
}

export interface SuggestSectorsOptions {
  /** Verbatims read at most (default 500): the first ones given. */
  sample?: number;
  /** Least share for a sector to be suggested (default 0.05). */
  minShare?: number;
  /** Analyser options shared by every layer tried (user lexicons, language). */
  analyzer?: Omit<AnalyzerOptions, 'sectors'>;
  /**
   * The layers to try (default: every one, `sectorNames()`).
   */
  sectors?: readonly string[];
}

/** Terms a sector layer brings: its patches' added terms and its own entries' terms. */
function layerTerms(name: string): Set<string> {
  const terms = new Set<string>();
  for (const e of sectorLexicon(name).entries ?? []) {
    for (const t of e.addTerms ?? []) terms.add(t);
    if (e.kind !== undefined) for (const t of e.terms ?? []) terms.add(t);
  }
  return terms;
}

/**
 * The sector layers a corpus reads like, most likely first: for each layer,
 * the share of the sampled verbatims in which one of its own terms fires.
 * Cheap enough for a first look (one analyser with every layer tried, then
 * the sample analysed once); pick the layer yourself when you know the sector.
 */
export function suggestSectors(texts: Iterable<string>, options: SuggestSectorsOptions = {}): SectorSuggestion[] {
  const sampleSize = options.sample ?? 500;
  const minShare = options.minShare ?? 0.05;
  if (!Number.isInteger(sampleSize) || sampleSize < 1) throw expectedError('options.sample to be a whole number >= 1', String(options.sample));
  const sample: string[] = [];
  for (const text of texts) {
    if (typeof text !== 'string') throw expectedError('texts to be strings', typeof text);
    sample.push(text);
    if (sample.length >= sampleSize) break;
  }
  if (sample.length === 0) return [];
  const known = sectorNames();
  const candidates = options.sectors ?? known;
  for (const sector of candidates) {
    if (!known.includes(sector)) throw new TypeError(`verbatim-fr: unknown sector ${JSON.stringify(sector)} in options.sectors; known: ${known.join(', ')}`);
  }
  // One analyser with every candidate layer, not one per layer: a compile is
  // about a second, and a term a layer brings fires the same beside the others.
  const analyzer = createAnalyzer({ ...options.analyzer, detectLanguage: false, sectors: [...candidates] });
  const own = candidates.map((sector) => layerTerms(sector));
  const counts = new Array<number>(candidates.length).fill(0);
  for (const text of sample) {
    const fired = new Set(analyze(text, analyzer).matches.map((m) => m.term));
    own.forEach((terms, i) => {
      for (const term of fired) {
        if (terms.has(term)) {
          counts[i] = (counts[i] ?? 0) + 1;
          break;
        }
      }
    });
  }
  const out: SectorSuggestion[] = [];
  candidates.forEach((sector, i) => {
    const verbatims = counts[i] ?? 0;
    const share = verbatims / sample.length;
    if (share >= minShare) out.push({ sector, verbatims, share: Math.round(share * 1000) / 1000 });
  });
  return out.sort((a, b) => b.share - a.share || (a.sector < b.sector ? -1 : 1));
}
