// Pipes: standard input in, one stream on standard output (a report, a state,
// annotations or rejects), states merged into the report of one run; a reader
// that goes away ends the run quietly. In-process through main() with injected
// streams; the pipe contract with real processes (split, several `verbatim
// analyze -`, `verbatim merge`) spawns the built bin, a few times only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main } from '../../src/cli/main.js';
import { trackedTemps } from '../../src/io/temp-files.js';
import { SAMPLE, sampleRecords, splitSample, type SampleRecords } from '../run/_split.js';

const root = resolve(import.meta.dirname, '../..');
const STACK = /^\s+at /m;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
  /** Writes stdout took before it failed (with `stdoutFailsAfter`). */
  writes: number;
}

/** A stdout that takes `after` writes, then fails each with `code` (the reader went away). */
function sink(fail?: { after: number; code: string }): { stream: Writable; text(): string; writes(): number } {
  let text = '';
  let writes = 0;
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      if (fail && writes >= fail.after) return callback(Object.assign(new Error(`${fail.code}: write failed`), { code: fail.code }));
      writes++;
      text += String(chunk);
      callback();
    },
  });
  stream.on('error', () => undefined); // as bin.ts does for process.stdout
  return { stream, text: () => text, writes: () => writes };
}

async function cli(args: string[], options: { stdin?: string | Buffer; stdoutFails?: { after: number; code: string } } = {}): Promise<Result> {
  const out = sink(options.stdoutFails);
  const err = sink();
  const code = await main(args, {
    stdout: out.stream,
    stderr: err.stream,
    env: { CI: 'true', VERBATIM_LANG: 'en' },
    stdin: Readable.from(options.stdin === undefined ? [] : [typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin]),
  });
  const result = { code, stdout: out.text(), stderr: err.text(), writes: out.writes() };
  expect(result.stderr).not.toMatch(STACK);
  return result;
}

let dir = '';
let records: SampleRecords;
let parts: string[] = [];
const at = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-pipes-'));
  records = await sampleRecords();
  // part-0.csv, part-1.csv (the header alone), part-2.csv.
  parts = splitSample(records, [120, 0, 376], dir, 'part');
});

describe('verbatim analyze - --format state, then verbatim merge', () => {
  it('three parts through standard input (one header-only) merge into the report of one run over the parts, from files or from stdin', async () => {
    const states: string[] = [];
    for (const part of parts) {
      const r = await cli(['analyze', '--format', 'state', '--stdin-name', part], { stdin: readFileSync(part) });
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout.split('\n')).toHaveLength(2); // one line, and its line break
      writeFileSync(`${part}.state`, r.stdout);
      states.push(r.stdout);
    }
    const single = await cli(['analyze', ...parts, '--format', 'json']);
    const merged = await cli(['merge', `${parts[2]}.state`, `${parts[0]}.state`, `${parts[1]}.state`, '--format', 'json']);
    expect([merged.code, merged.stderr]).toEqual([0, '']);
    expect(merged.stdout).toBe(single.stdout);
    // The states of every part on standard input, one per line, as an engine collects them.
    const fromStdin = await cli(['merge', '-', '--format', 'md', '--out', '-'], { stdin: states.join('') });
    expect(fromStdin.stdout).toBe((await cli(['analyze', ...parts, '--format', 'md'])).stdout);
    // A merged state merges again.
    const ab = await cli(['merge', `${parts[0]}.state`, `${parts[1]}.state`, '--format', 'state', '--out', at('ab.state')]);
    expect(ab.code).toBe(0);
    expect((await cli(['merge', at('ab.state'), `${parts[2]}.state`, '--format', 'json'])).stdout).toBe(single.stdout);
  });

  it('--max-channels: parts each under the limit but over it together merge into the one-channel report of one run', async () => {
    for (const limit of ['3', '10']) {
      const single = await cli(['analyze', ...parts, '--format', 'json', '--max-channels', limit]);
      const report = JSON.parse(single.stdout) as { summary: { channels: number; channelsMerged?: number } };
      expect(report.summary).toMatchObject({ channels: 1, channelsMerged: Number(limit) });
      // Said on stderr too: a report written to a file or piped away would keep it to itself.
      expect(single.stderr).toBe(`verbatim: more than ${limit} channels: the report counts them as one ("Merged channels"); --channel COLUMN to take another channel column, --max-channels N (or all) to keep them apart\n`);
      expect((await cli(['analyze', ...parts, '--format', 'json', '--max-channels', limit, '--quiet'])).stderr).toBe('');
      for (const part of parts) expect((await cli(['analyze', part, '--format', 'state', '--max-channels', limit, '--out', `${part}.${limit}.state`])).code).toBe(0);
      const merged = await cli(['merge', ...parts.map((p) => `${p}.${limit}.state`).reverse(), '--format', 'json']);
      expect([merged.code, merged.stderr]).toEqual([0, single.stderr]);
      expect(merged.stdout).toBe(single.stdout);
    }
    // States with another limit are not parts of one run.
    const mixed = await cli(['merge', `${parts[0]}.3.state`, `${parts[2]}.10.state`, '--format', 'json']);
    expect(mixed.code).not.toBe(0);
    expect(mixed.stderr).toMatch(/maxChannels|max-channels/);
  });

  it('--max-periods: the last periods of one run, from its parts\' states; 120 is the default, written or not', async () => {
    type Trends = { periods: string[]; earlier: { verbatims: number; maxPeriods: number } | null };
    const trendsOf = (json: string): Trends => (JSON.parse(json) as { sections: { insight: { trends: Trends } } }).sections.insight.trends;
    const single = await cli(['analyze', ...parts, '--format', 'json', '--max-periods', '2']);
    expect(single.code).toBe(0);
    const all = trendsOf((await cli(['analyze', ...parts, '--format', 'json', '--max-periods', 'all'])).stdout);
    const two = trendsOf(single.stdout);
    expect(two.periods).toEqual(all.periods.slice(-2));
    expect(two.earlier).toMatchObject({ maxPeriods: 2 });
    expect(JSON.parse(single.stdout).provenance.options).toMatchObject({ maxPeriods: 2 });
    for (const part of parts) {
      for (const [name, flags] of [['p2', ['--max-periods', '2']], ['p120', ['--max-periods', '120']], ['default', []]] as const) {
        expect((await cli(['analyze', part, '--format', 'state', ...flags, '--out', `${part}.${name}.state`])).code).toBe(0);
      }
    }
    const merged = await cli(['merge', ...parts.map((p) => `${p}.p2.state`), '--format', 'json']);
    expect([merged.code, merged.stdout]).toEqual([0, single.stdout]);
    // --max-periods 120 is the default: its states merge with the others into the default report.
    const byDefault = await cli(['analyze', ...parts, '--format', 'json']);
    const mixed = await cli(['merge', `${parts[0]}.p120.state`, `${parts[1]}.default.state`, `${parts[2]}.p120.state`, '--format', 'json']);
    expect([mixed.code, mixed.stdout]).toEqual([0, byDefault.stdout]);
    // Another limit is another run.
    const refused = await cli(['merge', `${parts[0]}.p2.state`, `${parts[2]}.default.state`, '--format', 'json']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/maxPeriods/);
    for (const bad of ['0', '-3', 'x', '2.5']) {
      const r = await cli(['analyze', parts[0] as string, '--max-periods', bad]);
      expect([r.code, r.stderr]).toEqual([EXIT.usage, `verbatim: --max-periods expects a whole number of 1 or more, or all, got "${bad}"\n`]);
    }
  });

  it('an empty standard input (an empty partition) gives a state with no row; merged alone: exit 3, nothing on stdout', async () => {
    const r = await cli(['analyze', '-', '--format', 'state']);
    expect(r.code).toBe(0);
    writeFileSync(at('empty.state'), r.stdout);
    const merged = await cli(['merge', at('empty.state')]);
    expect([merged.code, merged.stdout]).toEqual([EXIT.input, '']);
    expect(merged.stderr).toMatch(/no verbatim was analysed in these 1 state \(0 rows skipped\)/);
  });

  it.each([
    ['a truncated state', (s: string) => s.slice(0, 4000), /bad\.state:1: truncated or damaged state \(invalid JSON: .*\n\s+hint: the state ends before it should, .*write it again with `verbatim analyze … --format state`/],
    ['a state of a future format', (s: string) => s.replace('"version":1', '"version":2'), /bad\.state: state format version 2 \(written by verbatim-fr [\d.]+\); this verbatim-fr reads version 1\n\s+hint: /],
    ['a report instead of a state', () => '{"schemaVersion":2,"summary":{}}', /bad\.state: not a verbatim-fr state .*\n\s+hint: this is a report/],
    ['another analyser', (s: string) => s.replace(/"id":"sha256:[0-9a-f]+"/, `"id":"sha256:${'1'.repeat(64)}"`).replace(/"parts":\["[^"]+"\]/, '"parts":["other-run"]'), /cannot merge the states, 1 problem:\n.*part-0\.csv\.state and .*bad\.state: made by different analysers \(the lexicons differ/],
    ['the same part twice', (s: string) => s, /cannot merge the states, 1 problem:\n.*part-0\.csv\.state and .*bad\.state: both hold the run .*, whose rows would count twice/],
  ])('%s: exit 3, the file and a hint on stderr, nothing on stdout', async (_, edit, message) => {
    const good = `${at('part-0.csv')}.state`;
    writeFileSync(at('bad.state'), edit(readFileSync(good, 'utf8')));
    const r = await cli(['merge', good, at('bad.state'), '--format', 'json']);
    expect([r.code, r.stdout]).toEqual([EXIT.input, '']);
    expect(r.stderr).toMatch(message);
  });

  it('a missing state file: exit 3 before anything is read', async () => {
    const r = await cli(['merge', at('nowhere.state')]);
    expect([r.code, r.stderr]).toEqual([EXIT.input, expect.stringMatching(/nowhere\.state: file not found/)]);
  });
});

describe('--title and --channel-label name the report (analyze and merge)', () => {
  it('analyze: a title and a label replace the defaults, in JSON too; an unknown channel reads well unlabelled', async () => {
    writeFileSync(at('labels.csv'), 'id;canal;commentaire\na1;App Store FR;Appli qui plante.\na2;Chat;Conseillère très aimable.\n');
    const named = await cli(['analyze', at('labels.csv'), '--format', 'json', '--title', 'Avis T4', '--channel-label', 'chat=Tchat']);
    const report = JSON.parse(named.stdout) as { title: string; channels: Array<{ channel: string; label: string }> };
    expect(report.title).toBe('Avis T4');
    expect(Object.fromEntries(report.channels.map((c) => [c.channel, c.label]))).toEqual({ app_store_fr: 'App store fr', chat: 'Tchat' });
  });

  it('merge: the same options name the merged report', async () => {
    const r = await cli(['merge', `${parts[0]}.state`, '--format', 'html', '--title', 'Avis <T4>', '--channel-label', 'inconnu=Sans canal']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('<title>Avis &lt;T4&gt;</title>');
    expect(r.stdout).toContain('<h1>Avis &lt;T4&gt;</h1>');
    // The label names the channel (tagged "low base" after it when it has few verbatims).
    expect(r.stdout).toMatch(/<th scope="row">Sans canal(?:<\/th>| <span class="tag low-base")/);
  });

  it.each([
    [['--channel-label', 'app_store_fr'], '--channel-label expects SLUG=LABEL'],
    [['--channel-label', '=App'], '--channel-label expects SLUG=LABEL'],
    [['--channel-label', 'chat=A', '--channel-label', 'chat=B'], '--channel-label chat is given twice'],
    [['--title', ' '], '--title expects a text'],
    [['--format', 'state', '--title', 'T'], '--format state writes no report'],
  ])('%j: a usage error before anything is read', async (extra, message) => {
    const r = await cli(['analyze', at('labels.csv'), ...extra]);
    expect([r.code, r.stdout]).toEqual([EXIT.usage, '']);
    expect(r.stderr).toContain(message);
  });
});

describe('standard output carries one stream', () => {
  const part = (): string => at('part-0.csv');

  it.each([
    [['analyze', 'PART', '--annotate', '-'], /standard output can carry one stream, not the report \(no --out\) and --annotate -: write the others to files/],
    [['analyze', 'PART', '--format', 'state', '--rejects', '-'], /not the report \(no --out\) and --rejects -.*--out report\.state\.json/],
    [['analyze', 'PART', '--out', '-', '--annotate', '-', '--rejects', 'r.csv'], /not --out - and --annotate -/],
    [['analyze', '-', '-'], /standard input \(-\) is given twice/],
    [['analyze', 'PART', '--stdin-name', 'x.csv'], /--stdin-name names standard input, which is not read/],
    [['analyze', 'PART', '--encoding', 'klingon'], /--encoding: unknown encoding "klingon"/],
    [['merge', '-', '-'], /standard input \(-\) is given twice/],
  ])('%j: exit 2 before anything is read', async (args, message) => {
    const r = await cli(args.map((a) => (a === 'PART' ? part() : a)));
    expect([r.code, r.stdout]).toEqual([EXIT.usage, '']);
    expect(r.stderr).toMatch(message);
  });

  it('--annotate -: one JSONL row per input row on stdout, in input order; --annotate-format csv and --rejects - too', async () => {
    const input = readFileSync(at('part-2.csv'));
    const rows = 376;
    const jsonl = await cli(['analyze', '-', '--annotate', '-', '--out', at('report.txt')], { stdin: input });
    expect(jsonl.code).toBe(0);
    const lines = jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { status: string; source: { row: number } });
    expect(lines.map((l) => l.source.row)).toEqual(Array.from({ length: rows }, (_, k) => k + 1));
    expect(lines.filter((l) => l.status === 'skipped')).toHaveLength(5);
    expect(readFileSync(at('report.txt'), 'utf8')).toMatch(/verbatim-fr report/);
    const csv = await cli(['analyze', '-', '--annotate', '-', '--annotate-format', 'csv', '--format', 'state', '--out', at('p2.state')], { stdin: input });
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(rows + 1);
    expect(csv.stdout).toMatch(/^\uFEFFid;channel;date;score;/);
    const rejects = await cli(['analyze', '-', '--rejects', '-', '--out', at('report.md'), '--format', 'md'], { stdin: input });
    expect(rejects.stdout.trimEnd().split('\r\n')).toEqual([expect.stringMatching(/^\uFEFFfile;sheet_row;row;line;reason;hint;code;id$/), ...Array(5).fill(expect.stringMatching(/^'-;\d+;\d+;\d+;empty text;/))]); // `-` as a formula-safe cell
  });

  it.each([1, 2])('a live feed (tail -f … | verbatim analyze - --annotate -), %i worker(s): the annotation of a row comes out before the next row is written', async (workers) => {
    // The writer sends each next row only once the last one's annotation is out: a reader that waited for more input would hang.
    const written = ['id;commentaire\nL1;Livraison en retard\n', 'L2;Très bon accueil, merci\n', 'L3;Colis abîmé à la réception\n'];
    let lines = 0;
    let wake = (): void => undefined;
    async function* feed(): AsyncGenerator<Buffer> {
      for (const [k, part] of written.entries()) {
        while (lines < k) await new Promise<void>((resolve) => (wake = resolve));
        yield Buffer.from(part);
      }
    }
    let text = '';
    const stdout = new Writable({
      write(chunk, _encoding, callback) {
        text += String(chunk);
        lines = text.split('\n').length - 1;
        wake();
        callback();
      },
    });
    const err = sink();
    const code = await main(
      ['analyze', '-', '--annotate', '-', '--out', at('live.json'), '--format', 'json', '--workers', String(workers)],
      { stdout, stderr: err.stream, env: { CI: 'true', VERBATIM_LANG: 'en' }, stdin: Readable.from(feed()) },
      { workerScript: join(root, 'dist/cli/bin.js') },
    );
    expect([code, err.text()]).toEqual([0, expect.stringMatching(/^Report written to .*live\.json/)]);
    const annotations = text.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; irritants: string[] });
    expect(annotations.map((a) => a.id)).toEqual(['L1', 'L2', 'L3']);
    expect(JSON.parse(readFileSync(at('live.json'), 'utf8')).summary.analysed).toBe(3);
  });

  it('no file: standard input is read', async () => {
    const r = await cli(['analyze', '--format', 'json'], { stdin: readFileSync(at('part-0.csv')) });
    expect(JSON.parse(r.stdout).summary.inputRows).toBe(120);
  });
});

describe('a reader that goes away (| head -1) ends the run quietly: exit 0, nothing on stderr', () => {
  it.each([
    ['annotations', ['analyze', '-', '--annotate', '-', '--out', 'OUT']],
    ['a state', ['analyze', '-', '--format', 'state']],
    ['a report', ['analyze', '-', '--format', 'json']],
    ['rejects', ['analyze', '-', '--rejects', '-', '--out', 'OUT']],
  ])('%s', async (_, args) => {
    for (const code of ['EPIPE', 'ERR_STREAM_DESTROYED']) {
      const r = await cli(args.map((a) => (a === 'OUT' ? at('ignored.txt') : a)), { stdin: readFileSync(at('part-0.csv')), stdoutFails: { after: 1, code } });
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.writes).toBeLessThanOrEqual(1);
    }
    expect(trackedTemps()).toEqual([]);
  });

  it('a full disk on stdout is not a closed pipe: exit 4', async () => {
    const r = await cli(['analyze', '-', '--annotate', '-', '--out', at('ignored.txt')], { stdin: readFileSync(at('part-2.csv')), stdoutFails: { after: 1, code: 'ENOSPC' } });
    expect(r.code).toBe(EXIT.output);
  });
});

// Spawned: real processes and a real pipe. Few, each costs a process start and a lexicon compile.
describe('the pipe contract with plain processes (built bin)', () => {
  const bin = join(root, 'dist/cli/bin.js');
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('dist/cli/bin.js is missing: run `npm run build` (npm test does it)');
  });
  const env = { ...process.env, CI: 'true', VERBATIM_LANG: 'en' };

  it('split (the header given to every part) | verbatim analyze - --format state, then verbatim merge = one run', async () => {
    // split cuts at line breaks: one record per line (the sample's multi-line chat cells joined with a space).
    const flat = records.header + records.records.map((r) => `${r.replace(/\r?\n$/, '').replace(/\n/g, ' ')}\r\n`).join('');
    const csv = at('flat.csv');
    writeFileSync(csv, flat);
    const work = mkdtempSync(join(dir, 'split-'));
    const analyze = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} analyze - --format state --stdin-name "$FILE.csv"`;
    // Parts of 200, 200 and 96 rows; each gets the header line, is kept as a file (for the single run) and piped into its own run.
    const script = `tail -n +2 flat.csv | split -l 200 --filter='{ head -n 1 flat.csv; cat; } | tee "$FILE.csv" | ${analyze} > "$FILE.state"' - part-`;
    const started = Date.now();
    const splitRun = spawnSync('sh', ['-c', `cp ${JSON.stringify(csv)} flat.csv && ${script}`], { cwd: work, env, encoding: 'utf8' });
    expect([splitRun.status, splitRun.stderr]).toEqual([0, '']);
    const states = readdirSync(work).filter((n) => n.endsWith('.state')).sort();
    expect(states).toEqual(['part-aa.state', 'part-ab.state', 'part-ac.state']);
    const merge = spawnSync(process.execPath, [bin, 'merge', ...states, '--format', 'json'], { cwd: work, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    const seconds = (Date.now() - started) / 1000;
    expect([merge.status, merge.stderr]).toEqual([0, '']);
    // The single runs in-process (the same code): over the part files byte for byte, over the whole file but for the rejects' sources.
    const parts = states.map((s) => join(work, s.replace(/\.state$/, '.csv')));
    const overParts = await cli(['analyze', ...parts, '--format', 'json']);
    expect(merge.stdout).toBe(overParts.stdout.replaceAll(`${work}/`, ''));
    const whole = JSON.parse((await cli(['analyze', csv, '--format', 'json'])).stdout);
    const merged = JSON.parse(merge.stdout);
    expect(merged.summary.firstRejects.map((r: { source: { file: string } }) => r.source.file)).toEqual(Array(5).fill(expect.stringMatching(/^part-a[abc]\.csv$/)));
    // The provenance lists the columns of each part where the whole run lists the whole file's.
    expect(merged.provenance.columns.map((c: { file: string }) => c.file)).toEqual(['part-aa.csv', 'part-ab.csv', 'part-ac.csv']);
    for (const report of [whole, merged]) {
      for (const r of report.summary.firstRejects) delete r.source;
      delete report.provenance.columns;
    }
    expect(merged).toEqual(whole);
    console.info(`pipe contract: split into 3 + 3 × verbatim analyze - + verbatim merge in ${seconds.toFixed(1)} s`);
  }, 120_000);

  it('| head -1 on annotations: verbatim exits 0 with nothing on stderr', () => {
    const big = at('big.csv');
    writeFileSync(big, records.header + Array(8).fill(records.records.join('')).join(''));
    const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} analyze - --annotate - --out /dev/null < ${JSON.stringify(big)} | head -1; echo "exit \${PIPESTATUS[0]}" >&2`], { env, encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'V0001', status: 'analysed' });
    expect(r.stderr).toBe('exit 0\n');
  }, 60_000);
});
