// Which optional sector layer a corpus reads like: the share of verbatims in
// which a term that only the layer brings fires.
import { sectorLexicon, sectorNames } from '../lexicon/defaults.js';
import { analyze, createAnalyzer, type AnalyzerOptions } from './analyze.js';

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
 * Cheap enough for a first look (layers × sample analyses); pick the layer
 * yourself when you know the sector.
 */
export function suggestSectors(texts: Iterable<string>, options: SuggestSectorsOptions = {}): SectorSuggestion[] {
  const sampleSize = options.sample ?? 500;
  const minShare = options.minShare ?? 0.05;
  if (!Number.isInteger(sampleSize) || sampleSize < 1) throw new TypeError(`verbatim-fr: expected options.sample to be a whole number >= 1, got ${String(options.sample)}`);
  const sample: string[] = [];
  for (const text of texts) {
    if (typeof text !== 'string') throw new TypeError(`verbatim-fr: expected texts to be strings, got ${typeof text}`);
    sample.push(text);
    if (sample.length >= sampleSize) break;
  }
  if (sample.length === 0) return [];
  const out: SectorSuggestion[] = [];
  for (const sector of sectorNames()) {
    const own = layerTerms(sector);
    const analyzer = createAnalyzer({ ...options.analyzer, detectLanguage: false, sectors: [sector] });
    let verbatims = 0;
    for (const text of sample) if (analyze(text, analyzer).matches.some((m) => own.has(m.term))) verbatims += 1;
    const share = verbatims / sample.length;
    if (share >= minShare) out.push({ sector, verbatims, share: Math.round(share * 1000) / 1000 });
  }
  return out.sort((a, b) => b.share - a.share || (a.sector < b.sector ? -1 : 1));
}
