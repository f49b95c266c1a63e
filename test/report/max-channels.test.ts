// maxChannels: a channel column with too many values (store codes, agents, ids) merges every channel into
// one, so memory no longer grows with the channels, and the same way whatever the split into states.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReportBuilder, defaultSections, finalizeReport, mergeReportStates, renderReport } from '../../src/report/index.js';
import type { Report, ReportOptions, ReportState } from '../../src/report/index.js';
import { OTHER_CHANNELS } from '../../src/report/state.js';
import { mergeReportStatesInto } from '../../src/report/merge-into.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { analysis, MATCH_POOL, meta } from './helpers.js';

const CHANNELS = ['magasin_01', 'magasin_02', 'magasin_03', 'magasin_04', 'magasin_05', 'magasin_06'];

const arbAnalysis: fc.Arbitrary<VerbatimAnalysis> = fc
  .record({
    id: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '9'),
    channel: fc.constantFrom(...CHANNELS),
    // One scale for all: the merged channel reads its scores as the channels did.
    score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    date: fc.option(fc.constantFrom('2026-01-01', '2026-02-15', '2026-03-31'), { nil: undefined }),
    tonality: fc.constantFrom('positif', 'negatif', 'neutre', 'mitige' as const),
    keywords: fc.array(fc.constantFrom('attente', 'colis', 'sav', 'prix', 'aimable'), { maxLength: 6 }),
    matches: fc.subarray(MATCH_POOL),
    exchanges: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  })
  .map(({ matches, exchanges, ...rest }) => {
    const a = analysis({ ...rest, text: `${matches.map((m) => m[3]).join(', ')}.`, matches });
    return exchanges === undefined ? a : { ...a, exchanges };
  });

const schema = (name: string): object => JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8')) as object;
const validReport = new Ajv2020({ allErrors: true, strict: true }).compile(schema('report.schema.json'));
const stateSchema = schema('state.schema.json') as { $schema: string; $defs: object };
const validCore = new Ajv2020({ allErrors: true, strict: true }).compile({ $schema: stateSchema.$schema, $defs: stateSchema.$defs, $ref: '#/$defs/core' });

const base: ReportOptions = { meta, examples: 2, topWords: 5, sections: defaultSections() };
const limited: ReportOptions = { ...base, maxChannels: 3 };

function stateOf(analyses: readonly VerbatimAnalysis[], options: ReportOptions, batch = 1): ReportState {
  const b = createReportBuilder(options);
  for (let i = 0; i < analyses.length; i += batch) b.addAll(analyses.slice(i, i + batch));
  return b.snapshot();
}

const roundTrip = (s: ReportState): ReportState => JSON.parse(JSON.stringify(s)) as ReportState;
const distinctChannels = (analyses: readonly VerbatimAnalysis[]): number => new Set(analyses.map((a) => a.channel)).size;

/** The figures of `all` that do not depend on how channels are told apart. */
function allCounts(report: Report): unknown {
  const { verbatims, words, irritants, enchantments, concepts, topWords, topExpressions, tonality } = report.all as unknown as Record<string, unknown>;
  return { verbatims, words, irritants, enchantments, concepts, topWords, topExpressions, tonality };
}

describe('maxChannels', () => {
  it('changes nothing while the channels stay within the limit', () => {
    const rows = CHANNELS.slice(0, 3).map((channel, i) => analysis({ id: String(i), channel, text: 'attente interminable.', matches: [MATCH_POOL[0]!] }));
    const report = finalizeReport(stateOf(rows, limited), limited);
    expect(report).toEqual(finalizeReport(stateOf(rows, base), base));
    expect(report.summary.channelsMerged).toBeUndefined();
  });

  it('past the limit, counts every channel as one and says so, the figures of all unchanged', () => {
    const rows = CHANNELS.map((channel, i) =>
      analysis({ id: String(i), channel, text: 'attente interminable, très aimable.', keywords: ['attente', 'aimable'], score: 1 + (i % 5), matches: [MATCH_POOL[0]!, MATCH_POOL[3]!] }),
    );
    const state = stateOf(rows, limited);
    expect(Object.keys(state.sections.core.channels)).toEqual([OTHER_CHANNELS]);
    const report = finalizeReport(state, limited);
    expect(report.summary.channelsMerged).toBe(3);
    expect(report.summary.channels).toBe(1);
    expect(report.channels.map((c) => [c.channel, c.label, c.verbatims])).toEqual([[OTHER_CHANNELS, 'Canaux regroupés (plus de 3)', 6]]);
    expect(finalizeReport(state, { ...limited, lang: 'en' }).channels[0]!.label).toBe('Merged channels (over 3)');
    expect(finalizeReport(state, { ...limited, channelLabels: { [OTHER_CHANNELS]: 'Tous les magasins' } }).channels[0]!.label).toBe('Tous les magasins');
    expect(allCounts(report)).toEqual(allCounts(finalizeReport(stateOf(rows, base), base)));
    // Examples still say which channel they came from.
    const example = report.all.irritants[0]!.examples[0]!;
    expect(CHANNELS).toContain(example.channel);
  });

  it('every section keeps one channel once past the limit, also for the rows added afterwards', () => {
    const rows = [...CHANNELS, ...CHANNELS].map((channel, i) =>
      ({ ...analysis({ id: String(i), channel, text: 'attente interminable.', score: 3, date: '2026-01-02', matches: [MATCH_POOL[0]!] }), exchanges: 2 }),
    );
    const s = stateOf(rows, limited).sections as Record<string, Record<string, unknown>>;
    const ids = (o: unknown) => Object.keys(o as object);
    expect(ids(s.core!.channels)).toEqual([OTHER_CHANNELS]);
    expect(ids(s.cooccurrence!.channels)).toEqual([OTHER_CHANNELS]);
    expect(ids(s.journey!.channels)).toEqual([OTHER_CHANNELS]);
    expect(ids(s.scores)).toEqual([OTHER_CHANNELS]);
    expect(ids((s.scores![OTHER_CHANNELS] as { channels: object }).channels)).toEqual([OTHER_CHANNELS]);
    expect(ids(s.chat).sort()).toEqual([OTHER_CHANNELS, 'all'].sort());
    const day = (s.trends!.days as Record<string, { channels: Record<string, number> }>)['2026-01-02']!;
    expect(day.channels).toEqual({ [OTHER_CHANNELS]: 12 });
  });

  it('property: any split, merged in any order (also in place), finalizes like one pass over the whole', () => {
    fc.assert(
      fc.property(
        fc.array(arbAnalysis, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean()), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 1, max: 8 }),
        (analyses, cuts, plan, batch) => {
          const whole = finalizeReport(stateOf(analyses, limited, batch), limited);
          expect(whole.summary.channelsMerged !== undefined).toBe(distinctChannels(analyses) > 3);
          const bounds = [...new Set(cuts.map((c) => c % (analyses.length + 1)))].sort((a, b) => a - b);
          const edges = [0, ...bounds, analyses.length];
          let parts = edges.slice(1).map((end, i) => roundTrip(stateOf(analyses.slice(edges[i], end), limited, batch)));
          let step = 0;
          while (parts.length > 1) {
            const [pick, swap, inPlace] = plan[step++ % plan.length]!;
            const i = pick % (parts.length - 1);
            const [a, b] = swap ? [parts[i + 1]!, parts[i]!] : [parts[i]!, parts[i + 1]!];
            const merged = roundTrip(inPlace ? mergeReportStatesInto(roundTrip(a), b, limited) : mergeReportStates(a, b, limited));
            parts = [...parts.slice(0, i), merged, ...parts.slice(i + 2)];
          }
          expect(finalizeReport(parts[0]!, limited)).toEqual(whole);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('property: a state never holds more than maxChannels channels', () => {
    fc.assert(
      fc.property(fc.array(arbAnalysis, { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), (analyses, max) => {
        const b = createReportBuilder({ ...base, maxChannels: max });
        for (const a of analyses) {
          b.add(a);
          const n = Object.keys(b.snapshot().sections.core.channels).length;
          expect(n).toBeLessThanOrEqual(max);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses to merge states built with different limits, and a limit under 1', () => {
    const a = stateOf([], limited);
    const b = stateOf([], base);
    expect(() => mergeReportStates(a, b, limited)).toThrow(/same maxChannels.*3 and null/);
    expect(() => createReportBuilder({ maxChannels: 0 })).toThrow(/maxChannels to be at least 1/);
    expect(() => createReportBuilder({ maxChannels: 2.5 })).toThrow(/maxChannels to be a non-negative integer/);
  });

  it('renders the merge in every format', async () => {
    const rows = CHANNELS.map((channel, i) => analysis({ id: String(i), channel, text: 'attente interminable.', matches: [MATCH_POOL[0]!] }));
    const report = finalizeReport(stateOf(rows, limited), limited);
    expect(await renderReport(report, 'table')).toContain('plus de 3 canaux');
    expect(await renderReport(report, 'md')).toContain('plus de 3 canaux');
    expect(await renderReport(report, 'html')).toMatch(/Plus de 3 canaux/);
    expect(await renderReport(report, 'csv')).toMatch(/summary;;;;channels_merged;3/);
    expect(validReport(JSON.parse(await renderReport(report, 'json'))), JSON.stringify(validReport.errors)).toBe(true);
    const core = JSON.parse(JSON.stringify(stateOf(rows, limited).sections.core)) as unknown;
    expect(validCore(core), JSON.stringify(validCore.errors)).toBe(true);
    const en = finalizeReport(stateOf(rows, limited), { ...limited, lang: 'en' });
    expect(await renderReport(en, 'md')).toContain('more than 3 channels');
  });
});
