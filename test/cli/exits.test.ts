// Every bad input or output ends with a clear message and the right exit code:
// never a stack trace, never a destroyed or half-written file. Run in-process
// through main() with injected streams; only what is about the process itself
// (signals, a closed stdout, a full disk as stdout) spawns the built bin.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, createWriteStream, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main, reportError } from '../../src/cli/main.js';
import { trackedTemps } from '../../src/io/temp-files.js';
import { workbookParts, writeZip } from '../io/_zip.js';

const root = resolve(__dirname, '../..');
const mini = join(root, 'test/fixtures/cli/mini.csv');
const STACK = /^\s+at /m;

interface Result {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
}

/** Failing runs, checked at the end for stack traces. */
const failing: Result[] = [];

function sink(fail?: string): { stream: Writable; text(): string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      if (fail) return callback(Object.assign(new Error(`${fail}: write failed`), { code: fail }));
      text += String(chunk);
      callback();
    },
  });
  stream.on('error', () => undefined); // as bin.ts does for process.stdout
  return { stream, text: () => text };
}

async function cli(args: string[], options: { stdin?: string; stdoutFails?: string } = {}): Promise<Result> {
  const out = sink(options.stdoutFails);
  const err = sink();
  const code = await main(args, {
    stdout: out.stream,
    stderr: err.stream,
    env: { CI: 'true', VERBATIM_LANG: 'en' },
    ...(options.stdin !== undefined ? { stdin: Readable.from([options.stdin]) } : {}),
  });
  const result = { args, code, stdout: out.text(), stderr: err.text() };
  if (code !== 0) failing.push(result);
  return result;
}

let dir = '';
const at = (name: string): string => join(dir, name);
const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-exits-'));
  copyFileSync(mini, at('good.csv'));
  writeFileSync(at('deep.json'), `[{"commentaire": ${nested(5000)}}]`);
  writeFileSync(at('deep.jsonl'), `{"commentaire": "Livraison rapide"}\n{"commentaire": ${nested(5000)}}\n`);
  const parts = workbookParts([['id', 'commentaire'], ['a1', 'Colis abîmé']]);
  const good = readFileSync(writeZip(at('good.xlsx'), Object.values(parts)));
  const damaged = Buffer.from(good);
  damaged[good.indexOf('sheet1.xml') + 40]! ^= 0x55; // inside the sheet's deflated data
  writeFileSync(at('damaged.xlsx'), damaged);
  writeZip(at('bomb.xlsx'), [parts.rootRels!, parts.workbook!, parts.workbookRels!, parts.strings!, { ...parts.sheet1!, declaredSize: 600 * 1024 * 1024 }]);
  const levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
  for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h']]) levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
  writeFileSync(at('bomb.yml'), `version: 1\n${levels.join('\n')}\nentries: []\n`);
  writeFileSync(at('deep-lexicon.yml'), `version: 1\nentries: ${nested(100_000)}\n`);
  mkdirSync(at('folder'));
});

afterAll(() => {
  spawnSync('rm', ['-rf', dir]);
});

describe('bad inputs: exit 3, a message naming the file, nothing on stdout', () => {
  it.each([
    // Its one record is a reject (a JSON array is read element by element): nothing left to analyse.
    ['JSON nested 5,000 deep', ['analyze', 'deep.json'], /no verbatim could be analysed \(1 row skipped — JSON nested deeper than 64 levels at line 1, column 81: 1; see --rejects FILE\)/],
    ['damaged XLSX (one byte flipped)', ['analyze', 'damaged.xlsx'], /damaged\.xlsx: damaged XLSX file: xl\/worksheets\/sheet1\.xml .*\n\s+hint: open the file in Excel/],
    ['XLSX inflating to 600 MB', ['analyze', 'bomb.xlsx'], /bomb\.xlsx: XLSX file inflates to 600 MB or more, over the 256 MB allowed.*\n\s+hint: .*--max-xlsx-size/],
    ['YAML alias bomb in a lexicon', ['lexicon', 'check', 'bomb.yml'], /bomb\.yml:3:8: YAML aliases expand to too many nodes/],
    // Found by the fuzz suite: the parser's stack overflow came as "Maximum call stack size exceeded", once per level it
    // unwound through, and the hint searched the 200,000-character line with a quadratic pattern (37 s at 22 KB).
    ['lexicon lists nested 100,000 deep on one line', ['lexicon', 'check', 'deep-lexicon.yml'], /invalid lexicon, 1 problem:\n.*deep-lexicon\.yml:2:\d+: YAML syntax error: lists or mappings nested too deep to read\n\s+hint: a lexicon needs a few levels/],
    ['a missing input alone', ['analyze', 'absent.csv'], /absent\.csv: file not found/],
    ['a missing input next to a good one', ['analyze', 'good.csv', 'absent.csv'], /absent\.csv: file not found/],
    ['a damaged input after a good one', ['analyze', 'good.csv', 'damaged.xlsx'], /damaged\.xlsx: damaged XLSX file/],
    ['a folder as input', ['analyze', 'folder'], /folder: is a directory/],
    ['a missing gold file', ['eval', 'absent.jsonl'], /absent\.jsonl: file not found/],
  ])('%s', async (_, args, message) => {
    const r = await cli(args.map((a) => (a.includes('.') || a === 'folder' ? at(a) : a)));
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  // Found by the fuzz suite: the report of nothing went to stdout (or --out) with exit 3.
  it('every row rejected: exit 3, the reasons on stderr, no report on stdout or in --out, the rejects written', async () => {
    writeFileSync(at('all-rejected.csv'), 'id;commentaire\n1;\n2;  \n3;"jamais fermé\n');
    const toStdout = await cli(['analyze', at('all-rejected.csv'), '--format', 'json']);
    expect([toStdout.code, toStdout.stdout]).toEqual([EXIT.input, '']);
    expect(toStdout.stderr).toMatch(/no verbatim could be analysed \(3 rows skipped — empty text: 2, unbalanced quote: 1; see --rejects FILE\)/);
    const toFile = await cli(['analyze', at('all-rejected.csv'), '--out', at('nothing.md'), '--rejects', at('all-rejects.csv')]);
    expect([toFile.code, toFile.stdout, existsSync(at('nothing.md'))]).toEqual([EXIT.input, '', false]);
    expect(readFileSync(at('all-rejects.csv'), 'utf8').trim().split('\r\n')).toHaveLength(4);
  });

  it('JSONL: the deep line is one reject, the others are analysed', async () => {
    const r = await cli(['analyze', at('deep.jsonl'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ inputRows: 2, analysed: 1, rejected: 1 });
  });
});

describe('a declared --scale the scores cannot be on: exit 2', () => {
  it('names the channel, the column, the values seen and what to declare, writes no report and no stack trace', async () => {
    const r = await cli(['analyze', join(root, 'test/fixtures/drivers/mixed-scales.csv'), '--scale', 'nps', '--out', at('scale.md')]);
    expect([r.code, r.stdout, existsSync(at('scale.md'))]).toEqual([EXIT.usage, '', false]);
    expect(r.stderr).toContain('channel "avis_en_ligne", column "note": 12 scores declared nps (0–10), but all between 1 and 5 (values seen: 1, 2, 3, 4, 5)');
    expect(r.stderr).toContain('hint: declare stars or csat (--scale stars|csat), or auto');
  });
});

describe('bad outputs: exit 4 before any input is read', () => {
  beforeAll(() => {
    symlinkSync(at('good.csv'), at('link-to-input.csv'));
    linkSync(at('good.csv'), at('hard-link-to-input.csv'));
  });

  it.each([
    ['--out in a missing folder (inputs not even checked)', ['--out', 'nowhere/report.md'], /--out .*nowhere\/report\.md: the folder .*nowhere does not exist\n\s+hint: create it first/],
    ['--annotate in a missing folder', ['--annotate', 'nowhere/coding.csv'], /--annotate .*: the folder .*nowhere does not exist/],
    ['--rejects that is a folder', ['--rejects', 'folder'], /--rejects .*folder: is a directory/],
    ['--annotate equal to the input', ['--annotate', 'good.csv'], /--annotate .*good\.csv: is the input file .*good\.csv: writing it would destroy the input/],
    ['--rejects through a symbolic link to the input', ['--rejects', 'link-to-input.csv'], /is the input file/],
    ['--out through a hard link to the input', ['--out', 'hard-link-to-input.csv'], /is the input file/],
    ['two outputs on one file', ['--annotate', 'same.csv', '--rejects', 'same.csv'], /--rejects .*same\.csv: is also given to --annotate/],
  ])('%s', async (_, options, message) => {
    const before = readFileSync(at('good.csv'));
    const inputs = options[0] === '--out' && options[1] === 'nowhere/report.md' ? [at('good.csv'), at('absent.csv')] : [at('good.csv')];
    const r = await cli(['analyze', ...inputs, ...options.map((o) => (o.startsWith('--') ? o : at(o)))]);
    expect(r.code).toBe(EXIT.output);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(readFileSync(at('good.csv'))).toEqual(before);
  });

  it('a full disk: --out /dev/full and a failing stdout say so (exit 4); a closed stdout is a quiet end', async () => {
    const full = await cli(['analyze', at('good.csv'), '--out', '/dev/full']);
    expect([full.code, full.stderr]).toEqual([EXIT.output, expect.stringMatching(/cannot write \/dev\/full: no space left on the device/)]);
    const stdoutFull = await cli(['analyze', at('good.csv')], { stdoutFails: 'ENOSPC' });
    expect([stdoutFull.code, stdoutFull.stderr]).toEqual([EXIT.output, expect.stringMatching(/cannot write standard output: no space left/)]);
    const closed = await cli(['analyze', at('good.csv')], { stdoutFails: 'EPIPE' });
    expect([closed.code, closed.stderr]).toEqual([0, '']);
  });
});

describe('output files are replaced whole, or left as they were', () => {
  it('a run that fails half-way keeps the previous annotations and rejects, and leaves no temporary file', async () => {
    writeFileSync(at('coding.jsonl'), 'previous annotations\n');
    writeFileSync(at('rejects.csv'), 'previous rejects\n');
    // good.csv is analysed and annotated first; then damaged.xlsx stops the run.
    const r = await cli(['analyze', at('good.csv'), at('damaged.xlsx'), '--annotate', at('coding.jsonl'), '--rejects', at('rejects.csv')]);
    expect(r.code).toBe(EXIT.input);
    expect(readFileSync(at('coding.jsonl'), 'utf8')).toBe('previous annotations\n');
    expect(readFileSync(at('rejects.csv'), 'utf8')).toBe('previous rejects\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(trackedTemps()).toEqual([]);
  });

  it('a run that succeeds replaces them', async () => {
    const r = await cli(['analyze', at('good.csv'), '--annotate', at('coding.jsonl'), '--rejects', at('rejects.csv'), '--out', at('report.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(readFileSync(at('coding.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(readFileSync(at('rejects.csv'), 'utf8')).toMatch(/^\uFEFFfile;sheet_row;row;line;reason;hint/);
    expect(JSON.parse(readFileSync(at('report.json'), 'utf8')).summary.inputRows).toBe(3);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('inputs read once: standard input, a FIFO', () => {
  const spools = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('verbatim-fr-input-'));

  it('standard input is read, named "-" in rejects and ids "stdin:N", with no copy on disk', async () => {
    const before = new Set(spools());
    const r = await cli(['analyze', '-', '--format', 'json', '--no-mask'], { stdin: readFileSync(mini, 'utf8') });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ inputRows: 3, analysed: 2, rejected: 1 });
    expect(report.summary.firstRejects[0].source.file).toBe('-');
    expect(spools().filter((name) => !before.has(name))).toEqual([]);
  });

  it('a FIFO given as a path is read whole (the format sniff used to consume it: 0 rows)', async () => {
    const fifo = at('export.csv');
    spawnSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo); // opens once the reader does
    writer.end(readFileSync(mini));
    const r = await cli(['analyze', fifo, '--format', 'json']);
    expect(r.code).toBe(0);
    const { summary } = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ inputRows: 3, analysed: 2 });
    expect(summary.firstRejects[0].source.file).toBe(fifo);
  });
});

describe('internal errors', () => {
  it('a message without a stack trace; the stack only with --debug', () => {
    const err = sink();
    const io = { stdout: sink().stream, stderr: err.stream, env: { VERBATIM_LANG: 'en' } };
    expect(reportError(new RangeError('Maximum call stack size exceeded'), io)).toBe(EXIT.internal);
    expect(err.text()).toMatch(/internal error — please report it .*RangeError: Maximum call stack size exceeded\n.*--debug/);
    expect(err.text()).not.toMatch(STACK);
    const debug = sink();
    reportError(new RangeError('Maximum call stack size exceeded'), { ...io, stderr: debug.stream }, true);
    expect(debug.text()).toMatch(STACK);
  });

  it('a file name holding a terminal escape is shown escaped', async () => {
    const r = await cli(['analyze', at('nom\u001b[31mrouge.csv')]);
    expect(r.stderr).toContain('nom\\x1b[31mrouge.csv: file not found');
    expect(r.stderr).not.toContain('\u001b');
  });
});

// Spawned: what is about the process itself. Batched, in parallel.
describe('the process (built bin)', () => {
  const bin = join(root, 'dist/cli/bin.js');
  const sample = join(root, 'corpora/sample.csv');
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('dist/cli/bin.js is missing: run `npm run build` (npm test does it)');
  });

  async function exited(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: string | null; stderr: string }> {
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += String(d)));
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    return { code, signal, stderr };
  }

  // Found by the fuzz suite (seed 27183): a JSON lexicon nested 221,000 deep aborted the process (SIGABRT, "RegExpCompiler
  // Allocation failed"): the YAML parser, past its stack, compiled a regular expression. In-process the stack differed.
  it('a lexicon nested 221,000 deep: exit 3 and the message, not an abort', async () => {
    const deep = join(dir, 'deep-221k.json');
    writeFileSync(deep, `{"version": 1, "entries": ${'['.repeat(221_000)}${']'.repeat(221_000)}}`);
    const child = spawn(process.execPath, [bin, 'lexicon', 'check', deep, '--no-default-lexicon'], { env: { ...process.env, CI: 'true', VERBATIM_LANG: 'en' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const end = await exited(child);
    expect([end.code, end.signal]).toEqual([EXIT.input, null]);
    expect(end.stderr).toMatch(/deep-221k\.json:1:282: JSON syntax error: lists or mappings nested too deep to read/);
  });

  it('closed stdout: quiet end; stdout on a full disk: exit 4; SIGINT/SIGTERM while reading stdin: the signal ends it, no temporary file', async () => {
    const env = { ...process.env, CI: 'true', VERBATIM_LANG: 'en' };
    // stdout closed before anything is written (`| head -c 0`).
    const closed = spawn(process.execPath, [bin, 'analyze', sample, '--format', 'json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    closed.stdout!.destroy();
    // stdout redirected to /dev/full.
    const full = spawn(process.execPath, [bin, 'analyze', sample], { env, stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'] });
    // Signals while standard input is still open: each run gets its own TMPDIR to watch.
    const rows = readFileSync(mini, 'utf8').split('\n').slice(1).join('\n');
    const interrupted = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
      const tmp = mkdtempSync(join(tmpdir(), `verbatim-signal-${signal}-`));
      const child = spawn(process.execPath, [bin, 'analyze', '-'], { env: { ...env, TMPDIR: tmp }, stdio: ['pipe', 'pipe', 'pipe'] });
      // More than a pipe holds: the write is taken only once the run reads standard input.
      const taken = new Promise<void>((resolve) => child.stdin!.write(readFileSync(mini, 'utf8') + rows.repeat(20_000), () => resolve()));
      return { signal, tmp, child, taken, done: exited(child) };
    });
    const [closedEnd, fullEnd] = await Promise.all([exited(closed), exited(full)]);
    expect(closedEnd).toEqual({ code: 0, signal: null, stderr: '' });
    expect(fullEnd.code).toBe(EXIT.output);
    expect(fullEnd.stderr).toMatch(/cannot write standard output: no space left on the device/);
    expect(fullEnd.stderr).not.toMatch(STACK);
    for (const run of interrupted) {
      await run.taken;
      // Standard input is read as it comes: no copy of it on disk.
      expect(readdirSync(run.tmp)).toEqual([]);
      run.child.kill(run.signal);
      const end = await run.done;
      expect([end.signal, end.stderr]).toEqual([run.signal, '']);
      expect(readdirSync(run.tmp)).toEqual([]);
    }
  }, 120_000);
});

describe('no stack trace', () => {
  it('in the stderr of any failing case above', () => {
    expect(failing.length).toBeGreaterThan(15);
    for (const r of failing) expect({ args: r.args, stderr: r.stderr }).toEqual({ args: r.args, stderr: expect.not.stringMatching(STACK) });
  });
});
