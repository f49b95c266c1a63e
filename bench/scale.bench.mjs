// Costs that must grow linearly with the size of what the user brings: an
// SMS table of N forms (parse + createAnalyzer), and a corpus of N distinct
// channels (finalizeReport). Each is measured at N and 4·N; the figure is the
// cost per item at 4·N over the cost at N (~1 linear, ~4 quadratic).
// BENCH_SCALE_SMS (default 25,000) and BENCH_SCALE_CHANNELS (default 500) set N.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cpuMs as cpu } from './_clock.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export default async function bench() {
  const api = await import(pathToFileURL(join(root, 'dist/index.js')).href);
  const analyzer = api.createAnalyzer();
  const rows = [];

  const smsN = Number(process.env.BENCH_SCALE_SMS ?? 25_000);
  const smsCost = (n) => {
    const lines = ['version: 1', 'sms:'];
    for (let i = 0; i < n; i += 1) lines.push(`  abr${i.toString(36)}x: "forme longue ${i.toString(36)}"`);
    const source = lines.join('\n');
    const t0 = cpu();
    api.createAnalyzer({ lexicons: [api.parseLexicon(source, { file: 'sms.yml' })] });
    return cpu() - t0;
  };
  rows.push(['SMS table (forms)', smsN, smsCost(smsN), smsCost(4 * smsN)]);

  const channelN = Number(process.env.BENCH_SCALE_CHANNELS ?? 500);
  const texts = ['Livraison en retard, colis abîmé.', 'Conseillère très aimable, merci !', 'Personne ne répond au téléphone.', 'Prix trop cher pour la qualité.'];
  const analyses = texts.map((text, i) => api.analyzeVerbatim({ id: `t${i}`, text }, analyzer));
  const channelCost = (n) => {
    const acc = api.createReportBuilder();
    for (let c = 0; c < n; c += 1) {
      for (let i = 0; i < 4; i += 1) acc.add({ ...analyses[(c + i) % 4], id: `${c}-${i}`, channel: `canal_${c}`, score: (c % 5) + 1 });
    }
    const state = acc.snapshot();
    const t0 = cpu();
    api.finalizeReport(state);
    return cpu() - t0;
  };
  rows.push(['channels (finalize)', channelN, channelCost(channelN), channelCost(4 * channelN)]);

  console.log('cost at N and 4·N, CPU ms; ratio = cost per item at 4·N / at N (1 linear, 4 quadratic)');
  for (const [name, n, small, large] of rows) {
    console.log(`${name.padEnd(20)} N ${String(n).padStart(6)}  ${small.toFixed(0).padStart(7)} ms   4·N ${large.toFixed(0).padStart(7)} ms   ratio ${(large / 4 / small).toFixed(2)}`);
  }
}
