// The BUILT browser build (dist/browser/, the `browser` condition of "."), run the way a
// page gets it: its first load measured as scripts/measure-install.mjs measures it
// (esbuild, ESM, minified, gzip 9), and its behaviour run in Node with
// `--conditions=browser`, against the Node build. `npm test` builds first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, createAnalyzerAsync, loadDefaultLexicons, analyze } from '../../src/index.js';

const root = resolve(__dirname, '../..');
let consumer = '';

/** The budget for what a page loads first for the core below (KB of 1,000 bytes, gzip). */
const BUDGET_GZIP = 150_000;
/** What a browser page that analyses and reports imports (scripts/measure-install.mjs's CORE). */
const CORE = ['createAnalyzer', 'analyze', 'buildReport', 'renderReport', 'renderHtml'];

beforeAll(() => {
  if (!existsSync(join(root, 'dist/browser/index.js'))) throw new Error('dist/browser/ is missing: run `npm run build` (npm test does it)');
  consumer = mkdtempSync(join(tmpdir(), 'verbatim-browser-'));
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(root, join(consumer, 'node_modules', 'verbatim-fr'), 'dir');
});

afterAll(() => {
  if (consumer !== '') rmSync(consumer, { recursive: true, force: true });
});

/** Bundles `names` from 'verbatim-fr' for the browser; the first load (entry and its static imports) and the lazy chunks. */
async function browserBundle(names: readonly string[]): Promise<{ inputs: string[]; gzip: number; lazy: string[] }> {
  writeFileSync(join(consumer, 'entry.mjs'), `export { ${names.join(', ')} } from 'verbatim-fr';\n`);
  const outdir = join(consumer, 'out');
  const result = await build({
    entryPoints: [join(consumer, 'entry.mjs')],
    absWorkingDir: consumer,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    outdir,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const main = Object.keys(outputs).find((k) => outputs[k]?.entryPoint !== undefined) as string;
  const initial = new Set<string>();
  const visit = (file: string): void => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imp of outputs[file]?.imports ?? []) if (imp.kind === 'import-statement' && outputs[imp.path] !== undefined) visit(imp.path);
  };
  visit(main);
  const code = Buffer.concat([...initial].map((f) => readFileSync(join(consumer, f))));
  return {
    inputs: [...initial].flatMap((f) => Object.keys(outputs[f]?.inputs ?? {})),
    gzip: gzipSync(code, { level: 9 }).length,
    lazy: Object.keys(outputs).filter((f) => !initial.has(f) && f.endsWith('.js')),
  };
}

describe('browser core first load', () => {
  it(`stays within ${BUDGET_GZIP / 1000} KB gzip, the lexicon data in lazy chunks`, async () => {
    const core = await browserBundle(CORE);
    expect(core.inputs.some((i) => i.endsWith('dist/browser/index.js'))).toBe(true);
    expect(core.inputs.filter((i) => /node_modules\/yaml\//.test(i))).toEqual([]);
    expect(core.lazy.length).toBeGreaterThanOrEqual(4);
    expect(core.gzip).toBeLessThanOrEqual(BUDGET_GZIP);
  });
});

/** Runs an ES module script in Node with the `browser` condition (a fresh module state); its JSON output. */
function runBrowserBuild(script: string): unknown {
  const out = execFileSync(process.execPath, ['--conditions=browser', '--input-type=module', '-e', script], { cwd: consumer, encoding: 'utf8' });
  return JSON.parse(out);
}

/** Made-up verbatims: French, English, a bank, a word only natural's base list scores. */
const TEXTS = [
  "Colis jamais reçu, j'ai attendu 40 min au téléphone et personne ne m'a rappelé.",
  'The parcel arrived broken and nobody answered my emails, very disappointed.',
  'Mon conseiller bancaire a bloqué ma carte sans prévenir, frais de tenue de compte injustifiés.',
  'Séjour agréable, personnel charmant, rien à redire.',
];

/** A script's prologue: the message of what a call throws, or 'ok'. */
const THROWS = `const throws = (f) => { try { f(); return 'ok'; } catch (e) { return e.constructor.name + ': ' + e.message; } };\n`;

describe('browser build', () => {
  it('reads the default lexicons only once loaded, and says what to await', () => {
    const out = runBrowserBuild(`${THROWS}
      const m = await import('verbatim-fr');
      const before = {
        createAnalyzer: throws(() => m.createAnalyzer()),
        defaultLexicon: throws(() => m.defaultLexicon()),
        englishLemmas: throws(() => m.englishLemmas('The parcels arrived')),
      };
      await m.loadDefaultLexicons();
      const after = {
        createAnalyzer: throws(() => m.createAnalyzer()),
        sectors: throws(() => m.createAnalyzer({ sectors: ['banque'] })),
        baseSentiment: throws(() => m.createAnalyzer({ includeBaseSentiment: true })),
      };
      await m.loadDefaultLexicons({ sectors: ['banque'], includeBaseSentiment: true });
      const unknown = await m.loadDefaultLexicons({ sectors: ['pas-un-secteur'] }).then(() => 'ok', (e) => e.constructor.name);
      process.stdout.write(JSON.stringify({ before, after, sectorLexicon: throws(() => m.sectorLexicon('banque')), unknown }));`);
    expect(out).toEqual({
      before: {
        createAnalyzer: expect.stringMatching(/^TypeError: verbatim-fr: the default French lexicons are not loaded yet: .*`await loadDefaultLexicons\(\)`.*createAnalyzerAsync/),
        defaultLexicon: expect.stringMatching(/^TypeError: .*French lexicons are not loaded yet/),
        englishLemmas: expect.stringMatching(/^TypeError: .*English layer is not loaded yet/),
      },
      after: {
        createAnalyzer: 'ok',
        sectors: expect.stringMatching(/^TypeError: .*sector layers are not loaded yet: .*loadDefaultLexicons\(\{ sectors: /),
        baseSentiment: expect.stringMatching(/^TypeError: .*base sentiment list .* is not loaded yet: .*includeBaseSentiment: true/),
      },
      sectorLexicon: 'ok',
      unknown: 'TypeError',
    });
  });

  it('needs nothing loaded for the text functions, lexicon parsing and an analyser of its own layers', () => {
    const out = runBrowserBuild(`
      const m = await import('verbatim-fr');
      const doc = m.parseLexicon('version: 1\\nentries:\\n  - id: attente\\n    kind: irritant\\n    label: Attente\\n    terms: ["lemma:patienter", "file d\\'attente"]\\n');
      const analyzer = m.createAnalyzer({ includeDefault: false, lexicons: [doc] });
      process.stdout.write(JSON.stringify({
        tokens: m.tokenize('jsp pk c nul').map((t) => t.norm),
        stopword: m.isStopword('le'),
        sectors: m.sectorNames().length,
        sector: m.findSector('Banque'),
        irritants: m.analyze("On a patienté une heure dans la file d'attente.", analyzer).irritants,
      }));`);
    expect(out).toEqual({ tokens: ['je sais pas', 'pourquoi', 'ce est', 'nul'], stopword: true, sectors: 11, sector: 'banque', irritants: ['attente'] });
  });

  it.each([
    ['the default analyser', {}],
    ['sectors and the base sentiment list', { sectors: ['banque', 'hotellerie'], includeBaseSentiment: true }],
    ['no English layer, no fuzzy matching', { english: false, fuzzy: false }],
  ])('analyses as the Node build does, once loaded: %s', (_name, options) => {
    const out = runBrowserBuild(`
      const lean = await import('verbatim-fr');
      const node = await import(${JSON.stringify(join(root, 'dist/index.js'))});
      const options = ${JSON.stringify(options)};
      const a = await lean.createAnalyzerAsync(options);
      const b = node.createAnalyzer(options);
      const texts = ${JSON.stringify(TEXTS)};
      process.stdout.write(JSON.stringify({
        distinct: lean.createAnalyzer !== node.createAnalyzer,
        same: texts.map((t) => JSON.stringify(lean.analyze(t, a)) === JSON.stringify(node.analyze(t, b))),
        irritants: texts.map((t) => lean.analyze(t, a).irritants.length),
      }));`) as { distinct: boolean; same: boolean[]; irritants: number[] };
    expect(out.distinct).toBe(true);
    expect(out.same).toEqual(TEXTS.map(() => true));
    expect(out.irritants.reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
  });
});

describe('Node build', () => {
  it('has the default data at once: loadDefaultLexicons resolves, createAnalyzerAsync is createAnalyzer', async () => {
    const options = { sectors: ['banque'], includeBaseSentiment: true };
    await expect(loadDefaultLexicons(options)).resolves.toBeUndefined();
    const a = await createAnalyzerAsync(options);
    const b = createAnalyzer(options);
    for (const text of TEXTS) expect(analyze(text, a)).toEqual(analyze(text, b));
    await expect(loadDefaultLexicons({ sectors: ['pas-un-secteur'] })).rejects.toThrow(/unknown sector "pas-un-secteur"; known sectors: .*banque/);
  });
});
