// Where the time of analyze() and of the report goes: CPU profiles of
//   analyze   analyzeVerbatim() over N verbatims (default analyzer: language detection on)
//   report    createReportBuilder().add() of the N analyses computed beforehand, to word tables
//             of the CLI's default budget (10,000 a table, `--vocabulary`)
//   finalize  snapshot() + finalizeReport() of that builder
// each after a warm-up pass, the profiler running only around the measured loop
// (node:inspector, the same profiles as node --cpu-prof, sampled every 250 µs).
// It profiles the built bundle (dist/, what the CLI runs) and names each function
// by its TypeScript module and line through the bundle's source maps:
//
//   npm run build && node bench/profile.mjs [--verbatims 20000] [--kind sample|growing] [--top 25]
//
// Prints, per phase: self time by module and by folder, the top functions by self
// time and by inclusive time (a function counted once per sample, however deep it
// recurses). Writes bench/out/profile/<phase>.cpuprofile (open in Chrome DevTools
// or speedscope). Not part of `npm run bench`: a profile is read, not compared.
//
// Any other profile of the built code, e.g. the whole CLI, is summarised the same way:
//   node --cpu-prof --cpu-prof-dir=bench/out/profile dist/cli/bin.js analyze FILE.csv --workers 1 --format json --out /dev/null
//   node bench/profile.mjs --summarise bench/out/profile/CPU.<…>.cpuprofile
//
// A CPU profile counts the time of V8's builtins (Map.get, Set.has, string
// compares, megamorphic property loads, regular expressions) in the JavaScript
// function that calls them. V8's tick log tells them apart:
//   node --prof --no-short-builtin-calls dist/cli/bin.js analyze FILE.csv --workers 1 --format json --out /dev/null
//   node bench/profile.mjs --ticks isolate-<…>-v8.log
// prints the share of ticks of each piece of code (a function, a builtin, a
// compiled regular expression) and, for the builtins, the function that called
// them. (--no-short-builtin-calls keeps the builtins where the log says they are.)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { SourceMap } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { verbatims } from './throughput.bench.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    verbatims: { type: 'string', default: '20000' },
    kind: { type: 'string', default: 'sample' },
    top: { type: 'string', default: '25' },
    summarise: { type: 'string' },
    ticks: { type: 'string' },
  },
});
const n = Number(values.verbatims);
const top = Number(values.top);

/** The source map next to a bundled file (`FILE.map`, as tsup writes them), or undefined. */
const maps = new Map();
function sourceMapOf(url) {
  if (!maps.has(url)) {
    const path = `${url.startsWith('file://') ? fileURLToPath(url) : url}.map`;
    maps.set(url, existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8'))) : undefined);
  }
  return maps.get(url);
}

/** Where a call frame lives (module and 1-based line): a source file under the repository, a package, or a V8 pseudo-frame. */
const located = new Map();
function locate(frame) {
  const id = `${frame.functionName}@${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
  let at = located.get(id);
  if (at !== undefined) return at;
  const { url, functionName } = frame;
  if (url === '') at = { module: functionName.startsWith('(') ? functionName : '(native)', line: 0 };
  else if (url.startsWith('node:')) at = { module: 'node:internal', line: 0 };
  else {
    const entry = frame.lineNumber >= 0 ? sourceMapOf(url)?.findEntry(frame.lineNumber, frame.columnNumber) : undefined;
    // Map sources are relative to the map's folder (dist/…/x.js.map -> ../src/…).
    const file = url.startsWith('file://') ? fileURLToPath(url) : url;
    const source = entry?.originalSource === undefined ? file : entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : join(dirname(file), entry.originalSource);
    const rel = relative(root, source);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel);
    at = { module: pkg ? `package ${pkg[1]}` : rel, line: entry?.originalLine !== undefined ? entry.originalLine + 1 : frame.lineNumber + 1 };
  }
  located.set(id, at);
  return at;
}
const moduleOf = (frame) => locate(frame).module;
const folderOf = (module) => (module.startsWith('src/') ? module.split('/').slice(0, 2).join('/') + '/' : module);

function summarise(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map(); // node id -> µs
  let total = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const dt = profile.timeDeltas[i + 1] ?? 0; // the delta before the next sample is this sample's time
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
    total += dt;
  }
  const key = (node) => {
    const at = locate(node.callFrame);
    return `${node.callFrame.functionName || '(anonymous)'}  ${at.module}${at.line > 0 ? `:${at.line}` : ''}`;
  };
  const byModule = new Map();
  const byFolder = new Map();
  const byFunctionSelf = new Map();
  const byFunctionTotal = new Map();
  const add = (map, k, v) => map.set(k, (map.get(k) ?? 0) + v);
  for (const [id, us] of self) {
    const node = nodes.get(id);
    const module = moduleOf(node.callFrame);
    add(byModule, module, us);
    add(byFolder, folderOf(module), us);
    add(byFunctionSelf, key(node), us);
    // Inclusive: every distinct function on the stack of this sample.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = key(nodes.get(at));
      if (!seen.has(k)) {
        seen.add(k);
        add(byFunctionTotal, k, us);
      }
    }
  }
  return { total, byModule, byFolder, byFunctionSelf, byFunctionTotal };
}

function print(title, summary, verbatimsCount) {
  const { total } = summary;
  const pct = (us) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
  const ms = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
  const rows = (map, limit) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k, us]) => `  ${pct(us)} ${ms(us)}  ${k}`)
      .join('\n');
  const per = verbatimsCount === undefined ? '' : `, ${(total / verbatimsCount).toFixed(1)} µs per verbatim`;
  console.log(`\n### ${title}: ${(total / 1000).toFixed(0)} ms sampled${per}`);
  console.log(`self time by folder\n${rows(summary.byFolder, 12)}`);
  console.log(`self time by module\n${rows(summary.byModule, top)}`);
  console.log(`top functions by self time\n${rows(summary.byFunctionSelf, top)}`);
  console.log(`top functions by inclusive time\n${rows(summary.byFunctionTotal, top)}`);
}

/** The code objects of a V8 tick log and its ticks: shares by code object, and builtins by the JavaScript function calling them. */
function summariseTicks(log) {
  const code = [];
  const ticks = [];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const fields = line.split(',');
    if (fields[0] === 'code-creation') code.push({ start: Number(fields[4]), size: Number(fields[5]), kind: fields[1], name: fields.slice(6).join(',') });
    else if (fields[0] === 'tick') ticks.push({ pc: Number(fields[1]), stack: fields.slice(6).map(Number) });
  }
  code.sort((a, b) => a.start - b.start);
  const codeAt = (pc) => {
    let lo = 0;
    let hi = code.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (code[mid].start <= pc) lo = mid + 1;
      else hi = mid;
    }
    const c = code[lo - 1];
    return c !== undefined && pc < c.start + c.size ? c : undefined;
  };
  // A JavaScript function as its TypeScript source names it (the log gives `name url:line:column` of the bundle).
  const label = (c) => {
    if (c.kind === 'RegExp') return `RegExp ${c.name.slice(0, 60)}`;
    const m = /^(\S*) (\S+):(\d+):(\d+)/.exec(c.name);
    if (c.kind !== 'JS' || m === null) return `${c.kind} ${c.name.split(',')[0]}`;
    const at = locate({ functionName: m[1], url: m[2], lineNumber: Number(m[3]) - 1, columnNumber: Number(m[4]) - 1 });
    return `${m[1] || '(anonymous)'}  ${at.module}${at.line > 0 ? `:${at.line}` : ''}`;
  };
  const byCode = new Map();
  const byCaller = new Map();
  const add = (map, k) => map.set(k, (map.get(k) ?? 0) + 1);
  for (const { pc, stack } of ticks) {
    const c = codeAt(pc);
    if (c === undefined) {
      add(byCode, '(V8 runtime, garbage collector, libraries)');
      continue;
    }
    const name = label(c);
    add(byCode, name);
    if (c.kind !== 'Builtin') continue;
    const caller = stack.map(codeAt).find((x) => x !== undefined && x.kind === 'JS');
    add(byCaller, `${name.replace(/^Builtin /, '')}  <-  ${caller === undefined ? '?' : label(caller)}`);
  }
  const rows = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, n]) => `  ${((n / ticks.length) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  console.log(`\n### ${log}: ${ticks.length} ticks\nby code object\n${rows(byCode)}\nbuiltins by caller\n${rows(byCaller)}`);
}

if (values.ticks !== undefined) {
  summariseTicks(values.ticks);
  process.exit(0);
}

if (values.summarise !== undefined) {
  // A profile written elsewhere, e.g. node --cpu-prof dist/cli/bin.js analyze …: summarise it and stop.
  const profile = JSON.parse(readFileSync(values.summarise, 'utf8'));
  print(values.summarise, summarise(profile));
  process.exit(0);
}

const api = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 250 });
const outDir = join(root, 'bench', 'out', 'profile');
mkdirSync(outDir, { recursive: true });

async function profiled(name, run) {
  await session.post('Profiler.start');
  const result = run();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(outDir, `${name}.cpuprofile`), JSON.stringify(profile));
  return { profile, result };
}

const docs = verbatims(api, values.kind, n);
console.log(`${n} verbatims (${values.kind}), dist/ mapped to src/; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${new Date().toISOString().slice(0, 10)}`);
const analyzer = api.createAnalyzer();
const warm = docs.slice(0, Math.min(n, 2_000));
for (const d of warm) api.analyzeVerbatim(d, analyzer);

const analyzed = await profiled('analyze', () => docs.map((d) => api.analyzeVerbatim(d, analyzer)));
print('analyze (analyzeVerbatim, language detection on)', summarise(analyzed.profile), n);

const warmBuilder = api.createReportBuilder({ maxVocabulary: 10_000 });
for (const a of analyzed.result.slice(0, 2_000)) warmBuilder.add(a);
api.finalizeReport(warmBuilder.snapshot());
const builder = api.createReportBuilder({ maxVocabulary: 10_000 });
const report = await profiled('report', () => {
  for (const a of analyzed.result) builder.add(a);
});
print('report (createReportBuilder().add)', summarise(report.profile), n);
const finalized = await profiled('finalize', () => api.finalizeReport(builder.snapshot()));
print('finalize (snapshot + finalizeReport)', summarise(finalized.profile), n);
console.log(`\nprofiles written to ${relative(root, outDir)}/{analyze,report,finalize}.cpuprofile`);
session.disconnect();
