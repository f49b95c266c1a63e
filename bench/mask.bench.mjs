// Personal-data masking: what it costs the whole run, and its own speed.
//
//   npm run bench mask
//
// The texts of corpora/sample.csv and of test/fixtures/pii/verbatims.jsonl
// (personal data in every spelling), repeated to BENCH_MASK_VERBATIMS (default
// 20,000), are analysed once (analyzeVerbatim); then, alternately, a report
// is built from the analyses with masking on and off (createReportBuilder
// + finalizeReport: examples, word tables, expressions, keyness), and
// analysis + report together, masked and unmasked. Figures are process CPU
// time (user + system). Reported: median ratio masked/unmasked of the whole
// run (target <= 1.15), of the report alone, and maskPersonalData throughput
// in MB/s on the same texts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseSync } from 'csv-parse/sync';
import { analyzeVerbatim, createAnalyzer, createReportBuilder, finalizeReport, maskPersonalData, reportMeta } from '../dist/index.js';
import { cpuMs as cpu } from './_clock.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 2) => x.toFixed(d);

function corpus(size) {
  const sample = parseSync(readFileSync(join(root, 'corpora/sample.csv')), { bom: true, delimiter: ';', columns: true }).map((r) => ({
    text: r.commentaire,
    channel: r.canal,
  }));
  const pii = readFileSync(join(root, 'test/fixtures/pii/verbatims.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .map((r) => ({ text: r.text, channel: r.style }));
  const rows = [...sample, ...pii];
  return Array.from({ length: size }, (_, i) => ({ id: `B${i}`, ...rows[i % rows.length] }));
}

function buildReport(analyzer, analyses, maskPersonalData) {
  const options = { meta: reportMeta(analyzer), maskPersonalData };
  const acc = createReportBuilder(options);
  for (const a of analyses) acc.add(a);
  return finalizeReport(acc.snapshot(), options);
}

export default async function bench() {
  const size = Number(process.env.BENCH_MASK_VERBATIMS ?? 20_000);
  const rounds = Number(process.env.BENCH_MASK_ROUNDS ?? 6);
  const docs = corpus(size);
  const analyzer = createAnalyzer();
  const t0 = cpu();
  const analyses = docs.map((d) => analyzeVerbatim(d, analyzer));
  const analysisMs = cpu() - t0;
  const mb = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0) / 1e6;
  console.log(`${docs.length} verbatims (${fmt(mb)} MB, corpora/sample.csv + test/fixtures/pii repeated), ${rounds} rounds, CPU time`);

  // Warm-up, then alternate masked and unmasked report builds.
  buildReport(analyzer, analyses, true);
  buildReport(analyzer, analyses, false);
  const times = { on: [], off: [] };
  for (let r = 0; r < rounds; r += 1) {
    for (const mask of r % 2 === 0 ? [true, false] : [false, true]) {
      const t = cpu();
      buildReport(analyzer, analyses, mask);
      times[mask ? 'on' : 'off'].push(cpu() - t);
    }
  }
  const on = median(times.on);
  const off = median(times.off);
  const whole = (analysisMs + on) / (analysisMs + off);
  console.log(`analysis ${fmt(analysisMs, 0)} CPU ms; report masked ${fmt(on, 0)} ms, unmasked ${fmt(off, 0)} ms (median)`);
  console.log(
    `ratio masked/unmasked: analysis + report ${fmt(whole)} (${fmt((docs.length / (analysisMs + on)) * 1000, 0)} vs ${fmt((docs.length / (analysisMs + off)) * 1000, 0)} verbatims/CPU s; target <= 1.15), report alone ${fmt(on / off)}`,
  );

  const masks = [];
  for (let r = 0; r < 3; r += 1) {
    const t = cpu();
    for (const d of docs) maskPersonalData(d.text);
    masks.push(cpu() - t);
  }
  const maskMs = median(masks);
  console.log(`maskPersonalData alone: ${fmt(maskMs, 0)} CPU ms, ${fmt(mb / (maskMs / 1000), 1)} MB/s`);
  return { whole, report: on / off, maskMs };
}
