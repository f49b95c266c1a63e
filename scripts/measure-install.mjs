#!/usr/bin/env node
// Measures what a consumer gets from `npm install verbatim-fr`, from a packed tarball:
// packages installed, size of node_modules, install time, whether the CLI analyses a
// CSV and a JSON file, and the size of the browser bundle of the main entry.
//
//   node scripts/measure-install.mjs                    packs the project (prepack builds dist/)
//   node scripts/measure-install.mjs --tarball F.tgz    measures a tarball packed before
//   node scripts/measure-install.mjs --without natural  also measures a copy of the tarball
//                                                       whose package.json drops `natural`
//   node scripts/measure-install.mjs --json             prints the figures as JSON
//   node scripts/measure-install.mjs --keep             keeps the temporary folders
//   node scripts/measure-install.mjs --bundle-only DIR  only the browser figures, from a consumer
//                                                       folder kept by an earlier --keep run
//
// Needs the npm registry (the consumer install is a real one). Sizes are apparent
// sizes (sum of file lengths), in MB of 1,000,000 bytes; gzip at level 9.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, lstatSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { browserData } from './browser-data.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const values = (name) => args.flatMap((a, i) => (a === name && args[i + 1] !== undefined ? [args[i + 1]] : []));
const asJson = flag('--json');
const keep = flag('--keep');
const work = mkdtempSync(join(tmpdir(), 'verbatim-measure-'));
const log = (line) => {
  if (!asJson) process.stderr.write(`${line}\n`);
};

function run(cmd, cmdArgs, cwd, { allowFail = false } = {}) {
  const started = performance.now();
  const res = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 0 && !allowFail) {
    throw new Error(`${cmd} ${cmdArgs.join(' ')} failed in ${cwd} (exit ${res.status}):\n${res.stderr}`);
  }
  return { ...res, seconds };
}

// ---------------------------------------------------------------- the tarball

function pack() {
  const given = values('--tarball')[0];
  if (given !== undefined) return resolve(given);
  log('npm pack…');
  const res = run('npm', ['pack', '--json', '--pack-destination', work], root);
  return join(work, packedName(res.stdout));
}

/** The tarball's name from `npm pack --json`, whose output follows the build's (prepack) on stdout. */
function packedName(stdout) {
  const start = stdout.startsWith('[') ? 0 : stdout.indexOf('\n[\n') + 1;
  return JSON.parse(stdout.slice(start))[0].filename;
}

function tarballFiles(tarball) {
  return run('tar', ['-tzf', tarball], work).stdout.split('\n').filter(Boolean);
}

/** A copy of the tarball whose package.json lists none of `drop` in its dependencies. */
function repackWithout(tarball, drop) {
  const dir = join(work, `without-${drop.join('-')}`);
  mkdirSync(dir);
  run('tar', ['-xzf', tarball, '-C', dir], work);
  const pkgPath = join(dir, 'package', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  for (const name of drop) delete pkg.dependencies?.[name];
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  const res = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], join(dir, 'package'));
  return join(dir, packedName(res.stdout));
}

// ---------------------------------------------------------------- the consumer

function dirSize(dir) {
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    bytes += st.isDirectory() ? dirSize(path) : st.size;
  }
  return bytes;
}

/** Sizes of the top-level packages of node_modules (scoped ones by full name), largest first. */
function packageSizes(modules) {
  const sizes = [];
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    const path = join(modules, name);
    if (name.startsWith('@')) {
      for (const sub of readdirSync(path)) sizes.push([`${name}/${sub}`, dirSize(join(path, sub))]);
    } else if (lstatSync(path).isDirectory()) sizes.push([name, dirSize(path)]);
  }
  return sizes.sort((a, b) => b[1] - a[1]);
}

// Examples written for this script (no real customer text).
const CSV = [
  'id;canal;note;commentaire',
  "1;Avis Google;2;Livraison en retard de deux semaines et personne ne répond au téléphone.",
  "2;Enquête satisfaction;9;Conseillère très aimable, mon problème a été réglé dès le premier appel.",
  "3;Email;;Je n'ai toujours pas reçu mon remboursement, c'est la troisième fois que je relance.",
  '',
].join('\n');
const JSON_ROWS = [
  { id: 'a', canal: 'Tchat', commentaire: "Colis reçu abîmé, le service client m'a renvoyé un article sous 48h, merci." },
  { id: 'b', canal: 'Avis en ligne', note: 1, commentaire: 'Facturé deux fois pour la même commande, aucune réponse à mes mails.' },
];

function cli(consumer, file, format) {
  const res = run('npx', ['--no-install', 'verbatim', 'analyze', file, '--format', format, '--no-progress'], consumer, { allowFail: true });
  let ok = res.status === 0;
  let detail = ok ? '' : (res.stderr || res.stdout).trim().split('\n').slice(0, 3).join(' | ');
  if (ok && format === 'json') {
    const analysed = JSON.parse(res.stdout).summary?.analysed;
    ok = typeof analysed === 'number' && analysed > 0;
    detail = `${analysed} analysed`;
  } else if (ok && format === 'html') {
    ok = res.stdout.includes('<svg');
    detail = ok ? `${res.stdout.length} bytes, ${res.stdout.split('<svg').length - 1} charts` : 'no chart in the page';
  }
  return { file, format, ok, detail };
}

function consumerInstall(tarball, label) {
  const consumer = join(work, `consumer-${label}`);
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' })}\n`);
  log(`npm install ${basename(tarball)} (${label})…`);
  const res = run('npm', ['install', tarball, '--no-audit', '--no-fund', '--loglevel=error'], consumer);
  const modules = join(consumer, 'node_modules');
  const lock = JSON.parse(readFileSync(join(modules, '.package-lock.json'), 'utf8'));
  const packages = Object.keys(lock.packages).filter((k) => k.startsWith('node_modules/') && !lock.packages[k].link).length;
  writeFileSync(join(consumer, 'avis.csv'), CSV);
  writeFileSync(join(consumer, 'avis.json'), `${JSON.stringify(JSON_ROWS, null, 2)}\n`);
  log('CLI…');
  const checks = [cli(consumer, 'avis.csv', 'table'), cli(consumer, 'avis.json', 'json'), cli(consumer, 'avis.csv', 'html')];
  return {
    label,
    consumer,
    packages,
    bytes: dirSize(modules),
    seconds: Math.round(res.seconds),
    largest: packageSizes(modules).slice(0, 8),
    cli: checks,
  };
}

// ---------------------------------------------------------------- the browser bundle

const stubFranc = {
  name: 'stub-franc',
  setup(b) {
    b.onResolve({ filter: /^franc$/ }, () => ({ path: 'franc', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: "export function franc() { return 'und'; }", loader: 'js' }));
  },
};

/** What a browser page that analyses and reports imports. */
const CORE = ['createAnalyzer', 'analyze', 'buildReport', 'renderReport', 'renderHtml'];

/** Package a bundled input file comes from ("verbatim-fr" for the library's own dist). */
function packageOf(input) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input) ?? /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return m ? m[1] : input.startsWith('stub:') ? '(stub)' : 'verbatim-fr';
}

/**
 * Bundles `export * from 'verbatim-fr'` for the browser (ESM, minified, code splitting so
 * that lazy `import()`s land in their own chunks) and sizes what a page loads first.
 */
let bundles = 0;
async function bundle(consumer, names, plugins = [], source = 'verbatim-fr') {
  const outdir = join(consumer, `bundle-${++bundles}`);
  const entry = join(consumer, `entry-${bundles}.mjs`);
  writeFileSync(entry, names === '*' ? `export * from '${source}';\n` : `export { ${names.join(', ')} } from '${source}';\n`);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: consumer,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    outdir,
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
  const outputs = result.metafile.outputs;
  const main = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined);
  // What loads with the entry: the entry and its static imports, transitively.
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imp of outputs[file].imports) if (imp.kind === 'import-statement' && outputs[imp.path]) visit(imp.path);
  };
  visit(main);
  const size = (files) => {
    const code = Buffer.concat([...files].map((f) => readFileSync(join(consumer, f))));
    return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  };
  const lazy = Object.keys(outputs).filter((f) => !initial.has(f) && f.endsWith('.js'));
  // Each lazy chunk by the first source it holds (the browser build's data parts: fr.generated…).
  const lazyChunks = lazy.map((f) => [basename(Object.keys(outputs[f].inputs)[0] ?? f).replace(/-[A-Z0-9]{8}\.js$/, '.js'), size([f])]);
  const byPackage = new Map();
  const byFile = new Map();
  for (const file of initial) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file].inputs)) {
      const pkg = packageOf(input);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
      byFile.set(input, (byFile.get(input) ?? 0) + bytesInOutput);
    }
  }
  return {
    initial: size(initial),
    lazy: lazy.length === 0 ? null : size(lazy),
    lazyChunks,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]),
    byFile,
  };
}

// ---------------------------------------------------------------- report

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

async function browserFigures(consumer) {
  log('esbuild…');
  const whole = await bundle(consumer, '*');
  const core = await bundle(consumer, CORE);
  const coreNoFranc = await bundle(consumer, CORE, [stubFranc]);
  // The library's own share, by source file: the same core bundled from src/ as the browser build
  // bundles it (the dist is one chunk).
  const fromSrc = await bundle(consumer, CORE, [browserData], join(root, 'src/index.ts'));
  let generated = 0;
  for (const [input, bytes] of fromSrc.byFile) if (/\.generated\.ts$/.test(input)) generated += bytes;
  return {
    whole: whole.initial,
    wholeLazy: whole.lazy,
    core: core.initial,
    coreLazy: core.lazyChunks,
    coreWithoutFranc: coreNoFranc.initial,
    coreByPackage: core.byPackage,
    generatedData: generated,
  };
}

async function main() {
  const only = values('--bundle-only')[0];
  if (only !== undefined) {
    report({ installs: [], browser: await browserFigures(resolve(only)) });
    rmSync(work, { recursive: true, force: true });
    return;
  }
  const tarball = pack();
  const files = tarballFiles(tarball);
  const hasDist = files.includes('package/dist/index.js') && files.includes('package/dist/cli/bin.js');
  const results = { tarball: basename(tarball), tarballBytes: lstatSync(tarball).size, files: files.length, hasDist, installs: [] };
  if (!hasDist) log('warning: the tarball has no dist/ (build before packing, or add a prepack script)');
  const full = consumerInstall(tarball, 'full');
  results.installs.push(full);
  const drop = values('--without');
  if (drop.length > 0) results.installs.push(consumerInstall(repackWithout(tarball, drop), `without ${drop.join(', ')}`));
  if (hasDist) results.browser = await browserFigures(full.consumer);
  report(results);
  if (keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

function report(results) {
  if (asJson) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    const out = [];
    if (results.tarball) out.push(`tarball ${results.tarball}: ${kb(results.tarballBytes)}, ${results.files} files, dist ${results.hasDist ? 'included' : 'MISSING'}`);
    for (const i of results.installs) {
      out.push(`consumer install (${i.label}): ${i.packages} packages, node_modules ${mb(i.bytes)}, ${i.seconds} s`);
      out.push(`  largest: ${i.largest.map(([n, b]) => `${n} ${mb(b)}`).join(', ')}`);
      for (const c of i.cli) out.push(`  verbatim analyze ${c.file} --format ${c.format}: ${c.ok ? 'ok' : 'FAILS'}${c.detail ? ` (${c.detail})` : ''}`);
    }
    if (results.browser) {
      const b = results.browser;
      const sz = (x) => `${kb(x.min)} min, ${kb(x.gzip)} gzip`;
      out.push(`browser core { ${CORE.join(', ')} } (esm, minified): first load ${sz(b.core)}`);
      out.push(`  with franc stubbed: ${sz(b.coreWithoutFranc)}; franc's part: ${kb(b.core.gzip - b.coreWithoutFranc.gzip)} gzip`);
      out.push(`  by package (minified): ${b.coreByPackage.map(([n, bytes]) => `${n} ${kb(bytes)}`).join(', ')}`);
      out.push(`  of which generated lexicon data (src/**/*.generated.ts): ${kb(b.generatedData)} minified`);
      if (b.coreLazy.length > 0) out.push(`  loaded later (loadDefaultLexicons): ${b.coreLazy.map(([name, x]) => `${name} ${kb(x.gzip)}`).join(', ')} gzip`);
      out.push(`whole "." entry (export *): first load ${sz(b.whole)}` + (b.wholeLazy ? `; lazy chunks ${sz(b.wholeLazy)}` : ''));
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exitCode = 1;
});
