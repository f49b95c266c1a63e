import type { Analyzer } from '../analyze/analyze.js';
import type { ReportMeta } from './types.js';
import { expectedError, typeName } from '../_utils/describe.js';

/** Labels, kinds, themes and stages of an analyzer's entries and channels, as reports want them. */
export function reportMeta(analyzer: Analyzer): ReportMeta {
  if (typeof analyzer !== 'object' || analyzer === null || !analyzer.lexicon) {
    throw expectedError('an Analyzer from createAnalyzer()', typeName(analyzer));
  }
  const entries: NonNullable<ReportMeta['entries']> = {};
  for (const e of analyzer.lexicon.entries) {
    const info = { label: e.label, kind: e.kind, ...(e.theme ? { theme: e.theme } : {}), ...(e.stage ? { stage: e.stage } : {}) };
    entries[e.id] = info;
    // Analyses list tagged entries by their tag; a tag shared with another entry keeps that entry's label.
    if (e.tag !== undefined && entries[e.tag] === undefined) entries[e.tag] = info;
  }
  const channels: NonNullable<ReportMeta['channels']> = {};
  for (const c of analyzer.lexicon.channels) channels[c.id] = { label: c.label ?? c.id };
  return { entries, channels };
}
