// States of runs over parts of an input merge into the report of one run over
// all the parts, byte for byte in every format, whatever the split and the
// order; states that cannot merge are refused with a message naming them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeVerbatim, createAnalyzer, createReportBuilder, renderReport, reportMeta, type Analyzer, type Report } from '../../src/index.js';
import {
  analyzeFiles,
  createRunState,
  createRunStateMerger,
  finalizeRunState,
  InputError,
  mergeRunStates,
  parseRunStates,
  readVerbatims,
  runStateChunks,
  StateMergeError,
  stringifyRunState,
  type RunState,
} from '../../src/node.js';
import { SAMPLE, sampleRecords, splitSample, type SampleRecords } from './_split.js';
import { DEFAULT_MAX_CHANNELS, DEFAULT_VOCABULARY } from '../../src/run/vocabulary.js';
import { runStatesOf, runStatesOfStream } from '../../src/run/state-file.js';
import { describeInputIssue } from '../../src/io/issue-messages.js';

const root = join(import.meta.dirname, '..', '..');
const sample = SAMPLE;
const FORMATS = ['table', 'md', 'json', 'csv', 'html'] as const;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(root, 'schema', 'state.schema.json'), 'utf8')) as object);

let analyzer: Analyzer;
let dir = '';
let records: SampleRecords;
const split = (sizes: readonly number[], name: string): string[] => splitSample(records, sizes, dir, name);

/** The state of a part read as a stream (what `verbatim analyze - --format state` does), named as its file. */
async function stateOf(path: string): Promise<RunState> {
  const { state } = await analyzeFiles([{ path, stream: Readable.from([readFileSync(path)]) }], { analyzer, keepState: true });
  return state!;
}

const reportOf = async (paths: string[]): Promise<Report> => (await analyzeFiles(paths, { analyzer })).report;

beforeAll(async () => {
  analyzer = createAnalyzer();
  dir = mkdtempSync(join(tmpdir(), 'verbatim-state-'));
  records = await sampleRecords();
  expect(records.records).toHaveLength(496);
});

describe('split, analysed part by part, merged = one run over all the parts', () => {
  it.each([
    ['uneven, a header-only part in the middle', [100, 0, 396]],
    ['three near-equal parts', [165, 165, 166]],
    ['one row, the rest, one row', [1, 494, 1]],
  ])('%s: every format byte for byte, and every order', async (_, sizes) => {
    const paths = split(sizes, sizes.join('-'));
    const states = await Promise.all(paths.map(stateOf));
    for (const state of states) expect(validate(state), JSON.stringify(validate.errors)).toBe(true);
    const single = await reportOf(paths);
    const named = states.map((state, k) => ({ name: paths[k]!, state }));
    const merged = finalizeRunState(mergeRunStates(named));
    for (const format of FORMATS) expect(await renderReport(merged, format), format).toBe(await renderReport(single, format));
    // Any order, and through the text of the state files.
    fc.assert(
      fc.property(fc.shuffledSubarray(named, { minLength: 3, maxLength: 3 }), (order) => {
        const reread = order.map(({ name, state }) => ({ name, state: parseRunStates(stringifyRunState(state), name)[0]! }));
        // What the CLI writes: the same text in chunks.
        for (const { state } of order) expect([...runStateChunks(state)].join('')).toBe(`${stringifyRunState(state)}\n`);
        expect(finalizeRunState(mergeRunStates(reread))).toEqual(single);
      }),
      { numRuns: 6 },
    );
  });

  it('createRunStateMerger, given the states one at a time, gives mergeRunStates of them, and leaves them as they were', async () => {
    const paths = split([60, 120, 1, 200, 115], 'merger');
    const named = (await Promise.all(paths.map(stateOf))).map((state, k) => ({ name: paths[k]!, state }));
    const before = named.map(({ state }) => stringifyRunState(state));
    const merger = createRunStateMerger();
    for (const s of named) merger.add(s);
    const merged = merger.result();
    expect(stringifyRunState(merged)).toBe(stringifyRunState(mergeRunStates(named)));
    expect(finalizeRunState(merged)).toEqual(await reportOf(paths));
    expect(named.map(({ state }) => stringifyRunState(state))).toEqual(before);
    // The result ends it: nothing more is merged into a state already given.
    expect(() => merger.add(named[0]!)).toThrow(/no state after the merger gave its result/);
    // A state given twice is refused, and the merger goes on without it.
    const again = createRunStateMerger();
    again.add(named[0]!);
    expect(() => again.add(named[0]!)).toThrow(StateMergeError);
    again.add(named[1]!);
    expect(stringifyRunState(again.result())).toBe(stringifyRunState(mergeRunStates(named.slice(0, 2))));
    expect(() => createRunStateMerger().result()).toThrow(/at least one/);
  });

  it('merged states merge again (a tree of merges), and a 0-byte part (an empty partition) adds nothing', async () => {
    const paths = split([200, 296], 'tree');
    const [a, b] = await Promise.all(paths.map(stateOf));
    const empty = (await analyzeFiles([{ path: 'empty', stream: Readable.from([]) }], { analyzer, keepState: true })).state!;
    expect(empty.state.sections.core.rejects.count).toBe(0);
    const left = mergeRunStates([{ name: 'a', state: a! }, { name: 'empty', state: empty }]);
    const tree = mergeRunStates([{ name: 'a+empty', state: left }, { name: 'b', state: b! }]);
    expect(tree.parts).toEqual([...a!.parts, ...b!.parts, ...empty.parts].sort());
    expect(validate(tree), JSON.stringify(validate.errors)).toBe(true);
    expect(finalizeRunState(tree)).toEqual(await reportOf(paths));
  });

  it('a state built without analyzeFiles (a queue worker analysing a chunk of rows) merges with the others', async () => {
    const paths = split([300, 196], 'chunk');
    // With the word budget of every run on files (a queue worker takes it from the producer's settings).
    const builder = createReportBuilder({ meta: reportMeta(analyzer), maxVocabulary: DEFAULT_VOCABULARY, maxChannels: DEFAULT_MAX_CHANNELS });
    for await (const item of readVerbatims([paths[1]!])) {
      if (item.type === 'verbatim') builder.add(analyzeVerbatim(item.verbatim, analyzer));
      else builder.reject({ source: item.source, reason: item.reason.replace(/: .*/, ''), hint: item.hint, ...(item.code !== undefined ? { code: item.code } : {}) });
    }
    const chunk = createRunState(builder.snapshot(), analyzer, { report: { maxVocabulary: DEFAULT_VOCABULARY, maxChannels: DEFAULT_MAX_CHANNELS } });
    expect(chunk.parts).toHaveLength(1);
    const merged = mergeRunStates([{ name: 'file', state: await stateOf(paths[0]!) }, { name: 'chunk', state: chunk }]);
    // The chunk has no provenance (no column mapping was recorded for it): the merge has none rather than a partial one.
    expect(merged.provenance).toBeUndefined();
    const { provenance: _provenance, ...single } = await reportOf(paths);
    expect(finalizeRunState(merged)).toEqual(single);
  });


  it('a state file written before the word tables became columns (report stateVersion 2) still validates, parses and merges', async () => {
    const paths = split([250, 246], 'v2');
    const [a, b] = await Promise.all(paths.map(stateOf));
    // What the previous release wrote: word tables as { key: [occurrences, verbatims] } (nothing cut: exact).
    const old = JSON.parse(stringifyRunState(a!)) as { state: { stateVersion: number; sections: { core: { channels: Record<string, Record<string, unknown>> } } } };
    old.state.stateVersion = 2;
    for (const ch of Object.values(old.state.sections.core.channels)) {
      for (const field of ['keywords', 'expressions']) {
        const t = ch[field] as { keys: string[]; occurrences: number[]; verbatims: number[] };
        ch[field] = Object.fromEntries(t.keys.map((k, i) => [k, [t.occurrences[i], t.verbatims[i]]]));
      }
      ch.pruned = false;
    }
    expect(validate(old), JSON.stringify(validate.errors)).toBe(true);
    const [parsed] = parseRunStates(JSON.stringify(old), 'old.state.json');
    const merged = mergeRunStates([{ name: 'old', state: parsed! }, { name: 'new', state: b! }]);
    expect(merged.state.stateVersion).toBe(3);
    expect(finalizeRunState(merged)).toEqual(await reportOf(paths));
  });
  it('against the run over the whole file, only the rejects differ: they name each part and its row', async () => {
    const paths = split([100, 0, 396], 'whole');
    const states = await Promise.all(paths.map(stateOf));
    const merged = finalizeRunState(mergeRunStates(states.map((state, k) => ({ name: paths[k]!, state }))));
    const whole = await reportOf([sample]);
    const sources = (r: Report) => r.summary.firstRejects.map((x) => x.source);
    expect(sources(whole).map((s) => s.row)).toEqual([234, 263, 358, 377, 489]);
    expect(sources(merged)).toEqual(sources(whole).map(({ row }) => ({ file: paths[2], row: row - 100, line: expect.any(Number), sheetRow: row - 100 + 1 })));
    // The provenance names each part's file where the whole run names the whole file; the rest is the same.
    expect(merged.provenance!.columns.map((c) => c.file)).toEqual([...paths].sort());
    expect(whole.provenance!.columns.map((c) => c.file)).toEqual([sample]);
    const withoutSources = (r: Report) => ({
      ...r,
      summary: { ...r.summary, firstRejects: r.summary.firstRejects.map(({ reason, hint }) => ({ reason, hint })) },
      provenance: { ...r.provenance, columns: r.provenance!.columns.map(({ file: _file, ...c }) => c).slice(0, 1) },
    });
    expect(withoutSources(merged)).toEqual(withoutSources(whole));
  });
});

describe('state files', () => {
  let state: RunState;
  let text = '';
  /** A cut just after a comma near the 300th character: the text ends between two values, not inside a string. */
  const cutAfterComma = (): number => text.lastIndexOf(',', 300) + 1;
  beforeAll(async () => {
    state = await stateOf(split([20], 'file')[0]!);
    text = stringifyRunState(state);
  });

  it('are one line of JSON, one state per line in a file of several, and say what made them', () => {
    expect(text).not.toMatch(/\n/);
    expect(state).toMatchObject({
      format: 'verbatim-fr/state',
      version: 1,
      library: expect.stringMatching(/^\d+\.\d+\.\d+/),
      analyzer: { id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), includeDefault: true, sectors: [], defaultLanguage: 'fra', allTurns: false },
      parts: [expect.any(String)],
    });
    expect(parseRunStates(`${text}\n${text}\n`, 'two.jsonl')).toHaveLength(2);
    // Engines that pipe may add a tab after each line (Hadoop streaming's key/value separator).
    expect(parseRunStates(`${text}\t\n`, 'tab.jsonl')).toHaveLength(1);
  });

  it('of a file of many are read one at a time (a merge holds one), the error of a damaged line when it is reached, with its line', () => {
    const states = runStatesOf(`${text}\r\n\n${text}\n{"format":"verbatim-fr/state", cut short\n${text}\n`, 'many.jsonl');
    expect(states.next().value).toEqual(state);
    expect(states.next().value).toEqual(state);
    expect(() => states.next()).toThrow(/^many\.jsonl:4: truncated or damaged state/m);
    expect(() => parseRunStates(`${text}\n{"format":"verbatim-fr/state", cut short\n`, 'p.jsonl')).toThrow(/^p\.jsonl:2: /m);
  });

  it('property: read from pieces (a file, standard input), the states and errors of the whole text, however it is cut', async () => {
    const outcome = async (read: () => AsyncIterable<RunState> | Iterable<RunState>): Promise<string[]> => {
      const out: string[] = [];
      try {
        for await (const s of read()) out.push(stringifyRunState(s));
      } catch (error) {
        out.push(`error: ${(error as Error).message}`);
      }
      return out;
    };
    const pretty = JSON.stringify(JSON.parse(text), null, 1);
    const piece = fc.constantFrom(text, text, '', '  ', '{"format":"verbatim-fr/state", cut short', '123', pretty, `${text}\t`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 5 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        async (parts, eol, bom, last, cuts, betweenCrLf) => {
          const whole = (bom ? '\uFEFF' : '') + parts.join(eol) + (last ? eol : '');
          const bytes = Buffer.from(whole, 'utf8');
          // Cuts anywhere (inside a character too), and maybe between each '\r' and the '\n' after it.
          const crs = betweenCrLf ? [...whole.matchAll(/\r/g)].map((m) => Buffer.byteLength(whole.slice(0, (m.index ?? 0) + 1))) : [];
          const at = [...new Set([...cuts.map((c) => c % (bytes.length + 1)), ...crs])].sort((x, y) => x - y);
          const pieces = [0, ...at].map((from, k) => bytes.subarray(from, k < at.length ? at[k] : bytes.length));
          async function* stream(): AsyncGenerator<Uint8Array> {
            yield* pieces;
          }
          expect(await outcome(() => runStatesOfStream(stream(), 'x.jsonl'))).toEqual(await outcome(() => runStatesOf(whole, 'x.jsonl')));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keep dictionaries keyed by user text free of a prototype', () => {
    const [parsed] = parseRunStates(text, 'x');
    expect(Object.getPrototypeOf(parsed!.state.sections.core.channels)).toBeNull();
  });

  const damaged = (edit: (s: Record<string, unknown>) => void): string => {
    const s = JSON.parse(text) as Record<string, unknown>;
    edit(s);
    return JSON.stringify(s);
  };

  it.each([
    ['truncated', () => text.slice(0, 5000), /^p\.json:1: truncated or damaged state \(invalid JSON: .*\)\n\s+hint: the state ends before it should/],
    ['not JSON at all', () => 'id;commentaire\n1;Super\n', /^p\.json:1: not a verbatim-fr state \(invalid JSON: .*\n\s+hint: give files written by/],
    ['empty', () => '', /^p\.json: empty state file\n\s+hint: write it again/],
    ['a report, not a state', () => JSON.stringify({ schemaVersion: 2, summary: {} }), /^p\.json: not a verbatim-fr state \(format missing.*\n\s+hint: this is a report/],
    ['another format', () => damaged((s) => (s['format'] = 'other/state')), /^p\.json: not a verbatim-fr state \(format "other\/state", expected "verbatim-fr\/state"\)/],
    ['a version from the future', () => damaged((s) => (s['version'] = 9)), /^p\.json: state format version 9 \(written by verbatim-fr [\d.]+\); this verbatim-fr reads version 1\n\s+hint: merge with the verbatim-fr version that wrote/],
    ['no analyser identity', () => damaged((s) => delete s['analyzer']), /^p\.json: damaged state: no analyser identity\n\s+hint: write it again/],
    ['a channel figure that is not a number', () => damaged((s) => {
      const channels = ((s['state'] as { sections: { core: { channels: Record<string, Record<string, unknown>> } } }).sections.core.channels);
      Object.values(channels)[0]!['verbatims'] = 'many';
    }), /^p\.json: damaged state: the figures of channel "\w+" are incomplete/],
    ['coverage counts that are not counts', () => damaged((s) => {
      const channels = ((s['state'] as { sections: { core: { channels: Record<string, Record<string, unknown>> } } }).sections.core.channels);
      Object.values(channels)[0]!['coverage'] = { residual: 'x' };
    }), /^p\.json: damaged state: the coverage counts of channel "\w+" are incomplete/],
    ['a state cut short after another', () => `${text}\n${text.slice(0, cutAfterComma())}\n`, /^p\.json:2: truncated or damaged state \(invalid JSON: .* at line 2, column \d+\)\n\s+hint: the state ends before it should/],
    ['a JSON array', () => '[1]', /^p\.json: not a verbatim-fr state \(a JSON array\)/],
  ])('%s: an InputError naming the file, with a hint', (_, make, message) => {
    try {
      parseRunStates(make(), 'p.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message.replace(/^verbatim-fr: cannot read input, 1 problem:\n/, '')).toMatch(message);
    }
  });

  it('a state cut short is said in French too, by its place, not by JSON.parse', () => {
    try {
      parseRunStates(`${text}\n${text.slice(0, cutAfterComma())}\n`, 'p.json');
      expect.unreachable();
    } catch (error) {
      const [issue] = (error as InputError).issues;
      expect(describeInputIssue(issue!, 'fr').message).toBe(`état tronqué ou endommagé (JSON invalide : le texte s'arrête avant la fin de sa valeur, à la ligne 2, colonne ${cutAfterComma() + 1})`);
    }
  });

  it('written before the coverage counts, read and merged: the report has no explained shares', () => {
    const s = JSON.parse(text) as RunState;
    for (const ch of Object.values(s.state.sections.core.channels)) delete ch.coverage;
    const [parsed] = parseRunStates(JSON.stringify(s), 'old.json');
    expect(validate(parsed)).toBe(true);
    const merged = finalizeRunState(mergeRunStates([{ name: 'old', state: parsed! }, { name: 'new', state: { ...state, parts: [crypto.randomUUID()] } }]));
    expect(merged.all.coverage.dissatisfied).toBeNull();
    expect(finalizeRunState(state).all.coverage.dissatisfied).not.toBeNull();
  });

  const another = (s: RunState): RunState => ({ ...s, parts: [crypto.randomUUID()] });
  it.each([
    ['another library version', (s: RunState) => ({ ...another(s), library: '9.9.9' }), /a\.json and b\.json: written by verbatim-fr [\d.]+ and 9\.9\.9/],
    ['another analyser', (s: RunState) => ({ ...another(s), analyzer: { ...s.analyzer, id: `sha256:${'0'.repeat(64)}`, sectors: ['banque'] } }), /a\.json and b\.json: made by different analysers \(sectors \[\] and \["banque"\]; sha256:/],
    ['another lexicon', (s: RunState) => ({ ...another(s), analyzer: { ...s.analyzer, id: `sha256:${'0'.repeat(64)}` } }), /made by different analysers \(the lexicons differ; sha256:[0-9a-f]{12}… and sha256:000000000000…\)/],
    ['other report options', (s: RunState) => ({ ...another(s), report: { ...s.report, examples: 5 } }), /a\.json and b\.json: built with different report options \(examples 3 and 5\)/],
    ['the same run again', (s: RunState) => s, /a\.json and b\.json: both hold the run [0-9a-f-]{36}, whose rows would count twice\n\s+hint: give each part once/],
  ])('%s: refused, naming both files', (_, make, message) => {
    try {
      mergeRunStates([{ name: 'a.json', state }, { name: 'b.json', state: make(state) }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StateMergeError);
      expect((error as Error).message).toMatch(/^verbatim-fr: cannot merge the states, 1 problem:\n/);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('a run given with another that differs only by its id merges', () => {
    expect(finalizeRunState(mergeRunStates([{ name: 'a', state }, { name: 'b', state: another(state) }])).summary.analysed).toBe(2 * finalizeRunState(state).summary.analysed);
  });

  it('refuses what is not a state as API misuse', () => {
    expect(() => mergeRunStates([])).toThrow(/expected at least one/);
    expect(() => mergeRunStates([{ name: 'x', state: {} as RunState }])).toThrow(/expected the state "x" to be a run state, got one that is not a verbatim-fr state/);
    expect(() => stringifyRunState({} as RunState)).toThrow(TypeError);
  });
});
