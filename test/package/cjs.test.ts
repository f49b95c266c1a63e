// The BUILT package from CommonJS: every entry is required, and every exported function
// that loads a module lazily is called. tsup turns a lazy `import()` into `require()` in
// the CJS build, which fails on an ESM-only module with top-level await
// (ERR_REQUIRE_ASYNC_MODULE, as `renderHtml` once did with vega), so each lazy load must be
// exercised from CommonJS, not only `tokenize`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookParts, writeZip } from '../io/_zip.js';

const root = resolve(__dirname, '../..');
let consumer = '';

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.cjs'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  consumer = mkdtempSync(join(tmpdir(), 'verbatim-cjs-'));
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(root, join(consumer, 'node_modules', 'verbatim-fr'), 'dir');
  // Written for this test: two made-up rows.
  writeFileSync(join(consumer, 'avis.csv'), 'id;canal;commentaire\n1;Avis;Colis jamais reçu, personne ne répond.\n2;Chat;The parcel arrived broken and nobody answered my emails.\n');
  // A lexicon file past the size the io entry reads with js-yaml (256 KB): 3,000 made-up themes.
  const themes = Array.from({ length: 3000 }, (_, i) => `  - id: theme${i}\n    kind: theme\n    label: Thème numéro ${i} de la liste générée\n    terms: [mot${i}, "mot${i} suivant|autre mot${i}", "stem:livrer${i}"]\n`);
  writeFileSync(join(consumer, 'big.yml'), `version: 1\nentries:\n${themes.join('')}`);
  writeZip(join(consumer, 'avis.xlsx'), Object.values(workbookParts([['id', 'commentaire'], ['1', 'Livraison rapide, merci'], ['2', 'Toujours pas remboursé']])));
});

afterAll(() => {
  if (consumer !== '') rmSync(consumer, { recursive: true, force: true });
});

/** Modules the CJS build loads lazily (`import()` compiled to a deferred `require`), per file; a chunk of the build without its hash (`./xlsx-reader`). */
function lazyRequires(): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.name.endsWith('.cjs')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/Promise\.resolve\(\)\.then\(\(\) => [\w$]*\(?require\("([^"]+)"\)/g)) {
          found.add((m[1] as string).replace(/^(\.\/.+)-[A-Z0-9]{8}\.cjs$/, '$1'));
        }
      }
    }
  };
  walk(join(root, 'dist'));
  return [...found].sort();
}

/**
 * Exported functions that reach each lazily required module. A new lazy import fails
 * the first test below until its function is added here and called in SCRIPT.
 */
const LAZY: Record<string, string[]> = { './charts': ['renderHtml'], './styles': ['renderHtml'], './xlsx-reader': ['readVerbatims'], bullmq: ['produceQueue'], 'js-yaml': ['loadLexiconFiles'] };

const SCRIPT = `
const m = require('verbatim-fr');
const io = require('verbatim-fr/io');
const out = {};
(async () => {
  const analyzer = m.createAnalyzer();
  // yaml is required when a lexicon is first parsed, not by the import nor by the default analyser.
  const yamlLoaded = () => Object.keys(require.cache).some((k) => k.includes('/node_modules/yaml/'));
  out.yamlBeforeParse = yamlLoaded();
  out.parsed = m.parseLexicon(['version: 1', 'entries:', '  - id: x', '    kind: theme', '    label: X', '    terms: [colis]'].join(String.fromCharCode(10)), { file: 'x.yml' }).entries.length;
  out.yamlAfterParse = yamlLoaded();
  out.entries = [typeof m.tokenize, typeof io.readVerbatims];
  out.englishWords = (await m.englishWords("I can't wait")).words;
  out.englishLemmas = m.englishLemmas('The parcels arrived').map((l) => l.key);
  const en = m.analyze({ id: 'e', text: 'The parcel arrived broken and nobody answered my emails.' }, analyzer);
  out.englishAnalysis = en.language;
  const items = [];
  for await (const item of io.readVerbatims(['avis.csv'])) items.push(item);
  out.read = items.length;
  const report = await m.buildReport(items.filter((i) => i.verbatim).map((i) => m.analyze(i.verbatim, analyzer)), { meta: m.reportMeta(analyzer) });
  const html = await m.renderHtml(report);
  out.renderHtml = html.startsWith('<!doctype html>') && html.includes('<svg');
  out.renderReport = ['table', 'md', 'json', 'csv'].map((f) => m.renderReport(report, f).length > 0);
  out.renderReportHtml = (await m.renderReport(report, 'html')) === html;
  const run = await io.analyzeFiles(['avis.csv'], { workers: 1 });
  out.analyzeFiles = run.report.summary.analysed;
  {
    // The workbook reader is required when a workbook is read.
    const m = require('verbatim-fr/io');
    const texts = [];
    for await (const item of m.readVerbatims(['avis.xlsx'])) texts.push(item.verbatim && item.verbatim.text);
    out.workbook = texts;
  }
  {
    // js-yaml is required when a large YAML lexicon file is read (src/io/plain-yaml.ts).
    const m = require('verbatim-fr/io');
    const jsYamlLoaded = () => Object.keys(require.cache).some((k) => k.includes('/node_modules/js-yaml/'));
    out.jsYamlBefore = jsYamlLoaded();
    out.bigLexicon = (await m.loadLexiconFiles(['big.yml']))[0].entries.length;
    out.jsYamlAfter = jsYamlLoaded();
  }
  {
    // bullmq is required when a queue function runs: here it loads, then finds no Redis on port 9.
    const m = require('verbatim-fr/queue');
    out.queue = await m.produceQueue(['avis.csv'], { redis: 'redis://127.0.0.1:9' }).then(() => 'connected', (e) => e.code);
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => {
  process.stdout.write(JSON.stringify({ error: String(error && error.code) + ' ' + String(error && error.message).slice(0, 300) }));
});
`;

describe('built package from CommonJS', () => {
  it('knows every lazy require of the CJS build', () => {
    expect(lazyRequires()).toEqual(Object.keys(LAZY).sort());
  });

  it('requires every entry and calls each function that loads a module lazily', () => {
    const out = JSON.parse(execFileSync(process.execPath, ['-e', SCRIPT], { cwd: consumer, encoding: 'utf8' })) as Record<string, unknown>;
    expect(out).toEqual({
      yamlBeforeParse: false,
      parsed: 1,
      yamlAfterParse: true,
      entries: ['function', 'function'],
      englishWords: ['i', 'can', 'not', 'wait'],
      englishLemmas: ['the', 'parcel', 'arrive'],
      englishAnalysis: 'eng',
      read: 2,
      renderHtml: true,
      renderReport: [true, true, true, true],
      renderReportHtml: true,
      analyzeFiles: 2,
      workbook: ['Livraison rapide, merci', 'Toujours pas remboursé'],
      jsYamlBefore: false,
      bigLexicon: 3000,
      jsYamlAfter: true,
      queue: 'unreachable',
    });
    for (const fns of Object.values(LAZY)) for (const fn of fns) expect(SCRIPT).toContain(`m.${fn}(`);
  }, 60_000);
});
