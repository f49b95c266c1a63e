// Whole-CLI benchmark: `verbatim analyze` on generated corpora of growing size,
// throughput and peak RSS, against a baseline measured in the same run (csv-parse
// streaming the same file, doing nothing else). Peak RSS that stays flat while the
// file grows is what shows that memory does not grow with the input.
//
// Sizes: BENCH_CLI_MB (default "20,80"); a 1 GB-class run: BENCH_CLI_MB=1000 npm run bench cli
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseSync } from 'csv-parse/sync';
import { parse } from 'csv-parse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'dist/cli/bin.js');

/** Rows of the sample corpus, re-dated and re-numbered until the file reaches `mb` megabytes. */
async function generate(path, mb) {
  const rows = parseSync(readFileSync(join(root, 'corpora/sample.csv')), { bom: true, delimiter: ';', columns: true });
  const quote = (s) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const out = createWriteStream(path);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write('\uFEFFid;date;canal;note;commentaire\r\n');
  let bytes = 0;
  let i = 0;
  while (bytes < mb * 1e6) {
    const r = rows[i % rows.length];
    const month = String((i % 12) + 1).padStart(2, '0');
    const line = `G${i};2025-${month}-${String((i % 28) + 1).padStart(2, '0')};${quote(r.canal)};${r.note};${quote(r.commentaire)}\r\n`;
    bytes += Buffer.byteLength(line);
    await write(line);
    i++;
  }
  await new Promise((r) => out.end(r));
  return i;
}

/** Runs a node script, returns wall seconds and the child's peak RSS (MB) read from its own resourceUsage. */
function runNode(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nMAXRSS "+process.resourceUsage().maxRSS+"\\n"))', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: 'true' },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = Number(/MAXRSS (\d+)/.exec(err)?.[1] ?? 0) / 1024;
      if (code !== 0) reject(new Error(`exit ${code}: ${err.slice(0, 500)}`));
      else resolve({ seconds, rss });
    });
  });
}

async function baselineParse(path) {
  const started = process.hrtime.bigint();
  let n = 0;
  await new Promise((resolve, reject) => {
    createReadStream(path)
      .pipe(parse({ bom: true, delimiter: ';', columns: true, relax_column_count: true }))
      .on('data', () => n++)
      .on('end', resolve)
      .on('error', reject);
  });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rows: n };
}

export default async function bench() {
  const sizes = (process.env.BENCH_CLI_MB ?? '20,80').split(',').map(Number).filter((n) => n > 0);
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-bench-cli-'));
  console.log('size MB | rows | parse-only rows/s | CLI rows/s | CLI MB/s | ratio CLI/parse | peak RSS MB');
  try {
    for (const mb of sizes) {
      const path = join(dir, `corpus-${mb}.csv`);
      const rows = await generate(path, mb);
      const size = statSync(path).size / 1e6;
      const base = await baselineParse(path);
      const cli = await runNode([bin, 'analyze', path, '--format', 'json', '--out', join(dir, 'report.json'), '--no-progress']);
      console.log(
        [
          size.toFixed(0),
          rows,
          Math.round(rows / base.seconds),
          Math.round(rows / cli.seconds),
          (size / cli.seconds).toFixed(2),
          (base.seconds / cli.seconds).toFixed(3),
          cli.rss.toFixed(0),
        ].join(' | '),
      );
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
