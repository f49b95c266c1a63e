// A channel's "concepts per verbatim": concepts ∪ irritants ∪ enchantments (the residual label
// aside), plus each theme none of them covers. The reference below is the definition, written
// apart from the report's code.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeVerbatim, createAnalyzer, reportMeta } from '../../src/index.js';
import { conceptLevelIds } from '../../src/report/state.js';

const conceptLevelCount = (analysis: VerbatimAnalysis, meta: ReportMeta): number => conceptLevelIds(analysis, meta).size;
import type { ReportMeta } from '../../src/report/types.js';
import type { Match, VerbatimAnalysis } from '../../src/types.js';

function reference(analysis: VerbatimAnalysis, meta: ReportMeta): number {
  const ids = new Set<string>([...analysis.concepts, ...analysis.irritants, ...analysis.enchantments]);
  if (analysis.residual !== undefined) ids.delete(analysis.residual);
  const covered = new Set<string>();
  for (const m of analysis.matches) if (m.kind !== 'theme' && m.kind !== 'intent' && m.theme !== undefined && ids.has(m.id)) covered.add(m.theme);
  for (const id of ids) {
    const theme = meta.entries !== undefined && Object.hasOwn(meta.entries, id) ? meta.entries[id]?.theme : undefined;
    if (theme !== undefined) covered.add(theme);
    if (id.indexOf('.') > 0) covered.add(id.slice(0, id.indexOf('.')));
  }
  for (const theme of analysis.themes) if (!covered.has(theme)) ids.add(theme);
  return ids.size;
}

const analyzer = createAnalyzer();
const meta = reportMeta(analyzer);

describe('concept-level count', () => {
  it('counts as the definition does on the sample corpus', () => {
    const rows = parse(readFileSync(new URL('../../corpora/sample.csv', import.meta.url)), { bom: true, delimiter: ';', columns: true }) as Array<{ commentaire: string }>;
    let some = 0;
    for (const [i, r] of rows.entries()) {
      const a = analyzeVerbatim({ id: String(i), text: r.commentaire }, analyzer);
      expect(conceptLevelCount(a, meta), r.commentaire).toBe(reference(a, meta));
      if (conceptLevelCount(a, meta) > 1) some++;
    }
    expect(some).toBeGreaterThan(50);
  });

  // Small alphabets, so that ids repeat across lists, themes are covered or not, the residual is among them.
  const id = fc.constantFrom('livraison', 'livraison.retard', 'prix', 'prix.eleve', 'sav', 'sav.attente', 'accueil', 'autre');
  const theme = fc.constantFrom('livraison', 'prix', 'sav', 'accueil', 'produit');
  const match = fc.record({ id, theme: fc.option(theme, { nil: undefined }), kind: fc.constantFrom('theme', 'concept', 'irritant', 'enchantment', 'intent') });
  const analysis = fc.record({
    concepts: fc.array(id, { maxLength: 4 }),
    irritants: fc.array(id, { maxLength: 4 }),
    enchantments: fc.array(id, { maxLength: 3 }),
    themes: fc.array(theme, { maxLength: 4 }),
    residual: fc.option(id, { nil: undefined }),
    matches: fc.array(match, { maxLength: 6 }),
  });
  const fakeMeta = { ...meta, entries: { 'sav.attente': { ...Object.values(meta.entries ?? {})[0], theme: 'accueil' }, prix: { ...Object.values(meta.entries ?? {})[0], theme: 'produit' } } } as unknown as ReportMeta;

  // Many ids: a letter naming dozens of entries.
  it('property: counts as the definition does with many ids', () => {
    const many = fc.constantFrom(...Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `t${i % 7}.e${i}` : `e${i}`)));
    const themeMany = fc.constantFrom(...Array.from({ length: 8 }, (_, i) => `t${i}`));
    const big = fc.record({
      concepts: fc.array(many, { minLength: 10, maxLength: 30 }),
      irritants: fc.array(many, { maxLength: 20 }),
      enchantments: fc.array(many, { maxLength: 10 }),
      themes: fc.array(themeMany, { maxLength: 8 }),
      residual: fc.option(many, { nil: undefined }),
      matches: fc.array(fc.record({ id: many, theme: fc.option(themeMany, { nil: undefined }), kind: fc.constantFrom('concept', 'irritant', 'intent') }), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(big, (a) => {
        const full = a as unknown as VerbatimAnalysis;
        return conceptLevelCount(full, fakeMeta) === reference(full, fakeMeta);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: counts as the definition does', () => {
    fc.assert(
      fc.property(analysis, (a) => {
        const full = { ...a, matches: a.matches as unknown as Match[] } as unknown as VerbatimAnalysis;
        return conceptLevelCount(full, fakeMeta) === reference(full, fakeMeta);
      }),
      { numRuns: 5000 },
    );
  });
});
