// Type-level promises of the package. The `expectTypeOf` and `@ts-expect-error` lines
// are checked by `npm run typecheck` (tsc over test/); the consumer test below runs tsc
// on the BUILT declarations under each module resolution a consumer may use.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  analyzeStream,
  buildReport,
  contentKeywords,
  createAnalyzer,
  createAnalyzerAsync,
  createReportBuilder,
  defaultSections,
  defineLexicon,
  finalizeReport,
  importDictionary,
  isStopword,
  loadDefaultLexicons,
  mergeReportStates,
  renderHtml,
  renderReport,
  safeParseLexicon,
  stringifyLexicon,
  type AnalyzeStreamOptions,
  type BuildReportOptions,
  type ContentKeywordsOptions,
  type CreateAnalyzerOptions,
  type CreateAnalyzerAsyncOptions,
  type CreateReportBuilderOptions,
  type DefaultSectionsOptions,
  type DefineLexiconOptions,
  type FinalizeReportOptions,
  type ImportDictionaryOptions,
  type IsStopwordOptions,
  type LoadDefaultLexiconsOptions,
  type MergeReportStatesOptions,
  type RenderHtmlOptions,
  type RenderReportOptions,
  type Report,
  type SafeParseLexiconOptions,
  type StringifyLexiconOptions,
} from '../../src/index.js';
import {
  createAnnotationWriter,
  createRunState,
  finalizeRunState,
  mergeRunStates,
  readVerbatims,
  writeRejects,
  type CreateAnnotationWriterOptions,
  type CreateRunStateOptions,
  type FinalizeRunStateOptions,
  type MergeRunStatesOptions,
  type ReadVerbatimsOptions,
  type WriteRejectsOptions,
} from '../../src/node.js';

type Opt<F extends (...args: never[]) => unknown, N extends number> = NonNullable<Parameters<F>[N]>;

describe('options types are exported as <Function>Options', () => {
  it('each is the type its function declares', () => {
    expectTypeOf<IsStopwordOptions>().toEqualTypeOf<Opt<typeof isStopword, 1>>();
    expectTypeOf<ContentKeywordsOptions>().toEqualTypeOf<Opt<typeof contentKeywords, 1>>();
    expectTypeOf<SafeParseLexiconOptions>().toEqualTypeOf<Opt<typeof safeParseLexicon, 1>>();
    expectTypeOf<DefineLexiconOptions>().toEqualTypeOf<Opt<typeof defineLexicon, 1>>();
    expectTypeOf<ImportDictionaryOptions>().toEqualTypeOf<Opt<typeof importDictionary, 1>>();
    expectTypeOf<StringifyLexiconOptions>().toEqualTypeOf<Opt<typeof stringifyLexicon, 1>>();
    expectTypeOf<CreateAnalyzerOptions>().toEqualTypeOf<Opt<typeof createAnalyzer, 0>>();
    expectTypeOf<CreateAnalyzerAsyncOptions>().toEqualTypeOf<Opt<typeof createAnalyzerAsync, 0>>();
    expectTypeOf<LoadDefaultLexiconsOptions>().toEqualTypeOf<Opt<typeof loadDefaultLexicons, 0>>();
    // createAnalyzer's options load what they ask for.
    expectTypeOf<CreateAnalyzerOptions>().toExtend<LoadDefaultLexiconsOptions>();
    expectTypeOf<AnalyzeStreamOptions>().toEqualTypeOf<Opt<typeof analyzeStream, 2>>();
    expectTypeOf<BuildReportOptions>().toEqualTypeOf<Opt<typeof buildReport, 1>>();
    expectTypeOf<CreateReportBuilderOptions>().toEqualTypeOf<Opt<typeof createReportBuilder, 0>>();
    expectTypeOf<FinalizeReportOptions>().toEqualTypeOf<Opt<typeof finalizeReport, 1>>();
    expectTypeOf<MergeReportStatesOptions>().toEqualTypeOf<Opt<typeof mergeReportStates, 2>>();
    expectTypeOf<DefaultSectionsOptions>().toEqualTypeOf<Opt<typeof defaultSections, 0>>();
    expectTypeOf<RenderHtmlOptions>().toEqualTypeOf<Opt<typeof renderHtml, 1>>();
    expectTypeOf<ReadVerbatimsOptions>().toEqualTypeOf<Opt<typeof readVerbatims, 1>>();
    expectTypeOf<CreateAnnotationWriterOptions>().toEqualTypeOf<Opt<typeof createAnnotationWriter, 2>>();
    expectTypeOf<WriteRejectsOptions>().toEqualTypeOf<Opt<typeof writeRejects, 2>>();
    expectTypeOf<MergeRunStatesOptions>().toEqualTypeOf<Opt<typeof mergeRunStates, 1>>();
    expectTypeOf<FinalizeRunStateOptions>().toEqualTypeOf<Opt<typeof finalizeRunState, 1>>();
    expectTypeOf<CreateRunStateOptions>().toEqualTypeOf<Opt<typeof createRunState, 2>>();
    // renderReport's options depend on the format; the union covers a format known only at run time.
    expectTypeOf(renderReport).toBeCallableWith({} as Report, 'csv' as 'table' | 'csv', {} as RenderReportOptions);
    expectTypeOf(renderReport).toBeCallableWith({} as Report, 'html' as 'table' | 'html', {} as RenderReportOptions);
  });
});

describe('renderReport formats', () => {
  it('an unknown format name does not type-check, and throws for untyped callers', async () => {
    const report = await buildReport([]);
    // @ts-expect-error -- 'pdf' is not a ReportFormat
    expect(() => renderReport(report, 'pdf')).toThrow(/expected format to be one of table, md, json, csv, html or a Renderer, got pdf/);
    // @ts-expect-error -- the same for a plain string
    expect(() => renderReport(report, String('svg'))).toThrow(TypeError);
    expect(renderReport(report, 'csv', { delimiter: ',' }).length).toBeGreaterThan(0);
  });

  it('text formats give a string, HTML a promise of one', async () => {
    const report = await buildReport([]);
    expectTypeOf(renderReport(report, 'md')).toEqualTypeOf<string>();
    const html = renderReport(report, 'html', { title: 'Avis' });
    expectTypeOf(html).toEqualTypeOf<Promise<string>>();
    expect(await html).toContain('<title>Avis</title>');
  });
});

// ---------------------------------------------------------------- built declarations

const root = resolve(__dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let consumer = '';

/** A consumer file that leans on both entries' declarations. */
const CONSUMER_TS = `import { buildReport, renderReport, tokenize, type CreateAnalyzerOptions } from 'verbatim-fr';
import { readVerbatims, type ReadOptions, type ReadVerbatimsOptions } from 'verbatim-fr/io';

const options: CreateAnalyzerOptions = { detectLanguage: false };
const read: ReadVerbatimsOptions & ReadOptions = {};
export const count: number = tokenize('Colis reçu abîmé').length;
export const reader: typeof readVerbatims = readVerbatims;
export async function render(): Promise<string> {
  const report = await buildReport([]);
  // @ts-expect-error -- not a format
  renderReport(report, 'pdf');
  return renderReport(report, 'md') + JSON.stringify([options, read]);
}
`;

beforeAll(() => {
  if (!existsSync(join(root, 'dist/io/index.d.ts'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  consumer = mkdtempSync(join(tmpdir(), 'verbatim-types-'));
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(root, join(consumer, 'node_modules', 'verbatim-fr'), 'dir');
  writeFileSync(join(consumer, 'consumer.ts'), CONSUMER_TS);
});

afterAll(() => {
  if (consumer !== '') rmSync(consumer, { recursive: true, force: true });
});

describe('built declarations in a TypeScript consumer', () => {
  it.each([
    ['node10', 'commonjs'],
    ['node16', 'node16'],
    ['bundler', 'esnext'],
  ])('moduleResolution %s resolves verbatim-fr and verbatim-fr/io', (resolution, module) => {
    const args = [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--moduleResolution', resolution, '--module', module];
    args.push('--types', 'node', '--typeRoots', join(root, 'node_modules/@types'), 'consumer.ts');
    let out = '';
    try {
      execFileSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' });
    } catch (error) {
      out = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(out).toBe('');
  });
});
