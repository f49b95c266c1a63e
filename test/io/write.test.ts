import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { trackedTemps } from '../../src/io/temp-files.js';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { VerbatimAnalysis } from '../../src/types.js';
import { createAnnotationWriter, loadLexiconFiles, readLexiconFile, readVerbatims, writeRejects } from '../../src/node.js';
import type { ReadReject } from '../../src/node.js';
import { LexiconError } from '../../src/lexicon/index.js';
import { analyzeVerbatim, createAnalyzer } from '../../src/analyze/index.js';
import { csvCell, csvRow } from '../../src/_utils/csv.js';
import { fixture, tempDir } from './_helpers.js';

const readCsv = (path: string): string[][] => parse(readFileSync(path), { bom: true, delimiter: ';', relax_column_count: true });

function analysis(overrides: { [K in keyof VerbatimAnalysis]?: VerbatimAnalysis[K] | undefined } = {}): VerbatimAnalysis {
  const text = "Aucune réponse du SAV, j'attends depuis 3 semaines";
  return {
    id: 'a1', channel: 'email', date: '2024-03-05', score: 2, meta: { agence: 'Lyon', produit: 'Box' }, text,
    language: 'fra', tokenCount: 12, wordCount: 9, contentWordCount: 6, keywords: ['reponse', 'sav'],
    matches: [
      { id: 'absence_reponse', kind: 'irritant', theme: 'joignabilite', term: 'aucune réponse', tokenStart: 0, tokenEnd: 2, start: 0, end: 14, text: 'Aucune réponse', negated: false },
      { id: 'sav', kind: 'theme', theme: 'sav', term: 'sav', tokenStart: 3, tokenEnd: 4, start: 18, end: 21, text: 'SAV', negated: false },
    ],
    themes: ['joignabilite', 'sav'], concepts: [], irritants: ['absence_reponse'], enchantments: [], intents: ['escalade', 'resiliation'],
    tonality: 'negatif', sentiment: { positive: 0, negative: 2 },
    ...overrides,
  } as VerbatimAnalysis;
}

describe('csvCell / csvRow', () => {
  it.each([
    ['simple', 'simple'],
    ['a;b', '"a;b"'],
    ['il a dit "non"', '"il a dit ""non"""'],
    ['deux\nlignes', '"deux\nlignes"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['-moins', "'-moins"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcaché', "'\tcaché"],
    ['\rretour', '"\'\rretour"'],
    [-2, '-2'],
    [4.5, '4.5'],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
  ])('csvCell(%j) → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('csvRow joins with the delimiter and can keep formulas when asked', () => {
    expect(csvRow(['a', 'b,c', 1], { delimiter: ',' })).toBe('a,"b,c",1');
    expect(csvRow(['=1+1'], { neutralizeFormulas: false })).toBe('=1+1');
  });
});

describe('writeRejects', () => {
  it('writes an Excel CSV (BOM, ;, CRLF) that reads back to the same rejects', async () => {
    const path = join(tempDir(), 'rejets.csv');
    const rejects: ReadReject[] = [
      { type: 'reject', source: { file: 'a.csv', row: 3, line: 4, sheetRow: 4 }, code: 'empty_text', reason: 'empty text', hint: 'the "commentaire" cell is empty' },
      { type: 'reject', source: { file: 'b.csv', row: 0 }, reason: 'file not found', hint: 'check the path; then retry' },
    ];
    expect(await writeRejects(rejects, path)).toBe(2);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    expect(readCsv(path)).toEqual([
      ['file', 'sheet_row', 'row', 'line', 'reason', 'hint', 'code', 'id'],
      ['a.csv', '4', '3', '4', 'empty text', 'the "commentaire" cell is empty', 'empty_text', ''],
      ['b.csv', '', '0', '', 'file not found', 'check the path; then retry', '', ''],
    ]);
  });

  it('accepts the rejects of readVerbatims as an async iterable', async () => {
    async function* rejectsOf() {
      for await (const item of readVerbatims([fixture('malformed.csv')])) if (item.type === 'reject') yield item;
    }
    const path = join(tempDir(), 'rejets.csv');
    expect(await writeRejects(rejectsOf(), path)).toBe(4);
    // sheet_row: the header is row 1, as a spreadsheet numbers it.
    expect(readCsv(path).slice(1).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['3', '2', '3', 'wrong column count: 5 instead of 3'],
      ['4', '3', '4', 'empty text'],
      ['5', '4', '5', 'unbalanced quote'],
      ['7', '6', '7', 'wrong column count: 2 instead of 3'],
    ]);
  });
});

describe('createAnnotationWriter', () => {
  it('CSV: one row per verbatim, lists with |, spans as id@start-end, meta columns', async () => {
    const path = join(tempDir(), 'annotations.csv');
    const writer = createAnnotationWriter(path);
    await writer.write(analysis(), { file: 'in.csv', row: 1, line: 2 });
    await writer.write(analysis({ id: 'a2', score: null, date: undefined, meta: { agence: 'Nantes' }, matches: [], themes: [], irritants: [], intents: [], tonality: 'neutre' }));
    await writer.close();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')).toHaveLength(4);
    expect(readCsv(path)).toEqual([
      ['id', 'channel', 'date', 'score', 'agence', 'produit', 'words', 'themes', 'concepts', 'irritants', 'enchantments', 'intents', 'tonality', 'language', 'author', 'matches', 'file', 'row', 'line', 'status', 'reason', 'reason_code'],
      ['a1', 'email', '2024-03-05', '2', 'Lyon', 'Box', '9', 'joignabilite|sav', '', 'absence_reponse', '', 'escalade|resiliation', 'negatif', 'fra', 'customer', 'absence_reponse@0-14|sav@18-21', 'in.csv', '1', '2', 'analysed', '', ''],
      ['a2', 'email', '', '', 'Nantes', '', '9', '', '', '', '', '', 'neutre', 'fra', 'customer', '', '', '', '', 'analysed', '', ''],
    ]);
  });

  it('CSV neutralises formula injection in ids, meta and text', async () => {
    const path = join(tempDir(), 'annotations.csv');
    const writer = createAnnotationWriter(path, 'csv', { keepText: true });
    await writer.write(analysis({ id: '=cmd|"/c calc"!A1', meta: { agence: '+33612345678', produit: '@SUM(1)' }, text: '-2 étoiles, nul' }));
    await writer.close();
    const [header, row] = readCsv(path);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('id')).toBe('\'=cmd|"/c calc"!A1');
    expect(cell('agence')).toBe("'+33612345678");
    expect(cell('produit')).toBe("'@SUM(1)");
    expect(cell('text')).toBe("'-2 étoiles, nul");
    expect(cell('score')).toBe('2');
  });

  it('JSONL (from the extension): arrays and match objects', async () => {
    const path = join(tempDir(), 'annotations.jsonl');
    const writer = createAnnotationWriter(path);
    // Not awaited on purpose: rows still come out in call order.
    void writer.write(analysis(), { file: 'in.csv', row: 1, line: 2 });
    void writer.write(analysis({ id: 'a2' }));
    await writer.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a1', 'a2']);
    expect(lines[0]).toEqual({
      id: 'a1', channel: 'email', date: '2024-03-05', score: 2, meta: { agence: 'Lyon', produit: 'Box' },
      words: 9, themes: ['joignabilite', 'sav'], concepts: [], irritants: ['absence_reponse'], enchantments: [], intents: ['escalade', 'resiliation'],
      tonality: 'negatif', language: 'fra', author: 'customer',
      matches: [
        { id: 'absence_reponse', start: 0, end: 14, text: 'Aucune réponse', negated: false },
        { id: 'sav', start: 18, end: 21, text: 'SAV', negated: false },
      ],
      source: { file: 'in.csv', row: 1, line: 2 },
      status: 'analysed',
    });
  });

  it('skip() writes a skipped row with its reason and source, so every input row has a line', async () => {
    const dir = tempDir();
    const csv = createAnnotationWriter(join(dir, 'a.csv'));
    const jsonl = createAnnotationWriter(join(dir, 'a.jsonl'));
    const reject: ReadReject = { type: 'reject', source: { file: 'in.csv', row: 2, line: 3 }, reason: 'empty text', hint: 'fill the cell' };
    for (const w of [csv, jsonl]) {
      await w.write(analysis(), { file: 'in.csv', row: 1, line: 2 });
      await w.skip(reject);
      await w.close();
    }
    const [header, , skipped] = readCsv(join(dir, 'a.csv'));
    expect(skipped!.slice(header!.indexOf('file'))).toEqual(['in.csv', '2', '3', 'skipped', 'empty text', '']);
    expect(skipped![header!.indexOf('id')]).toBe('');
    const lines = readFileSync(join(dir, 'a.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[1]).toEqual({ status: 'skipped', reason: 'empty text', hint: 'fill the cell', source: { file: 'in.csv', row: 2, line: 3 } });
  });

  it('a skipped row that was read keeps its id, channel, date, score and columns, with its reason_code; an unreadable one stays empty', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.csv');
    // Row 2: empty text, but read; row 3: a broken quote, unreadable (written for this test).
    writeFileSync(input, 'id;canal;date;note;agence;commentaire\n1;email;2024-03-05;2;Lyon;bon\n2;Avis Google;2024-03-06;4;Nantes;\n3;email;2024-03-07;1;Lille;"pas fermé\n');
    const csv = createAnnotationWriter(join(dir, 'a.csv'));
    const jsonl = createAnnotationWriter(join(dir, 'a.jsonl'));
    const rejects: ReadReject[] = [];
    for await (const item of readVerbatims([input])) {
      for (const w of [csv, jsonl]) {
        if (item.type === 'verbatim') await w.write(analyzeVerbatim(item.verbatim, createAnalyzer()), item.source);
        else await w.skip(item);
      }
      if (item.type === 'reject') rejects.push(item);
    }
    for (const w of [csv, jsonl]) await w.close();
    const [header, , read, unreadable] = readCsv(join(dir, 'a.csv'));
    const cells = (row: string[] | undefined, names: string[]) => names.map((n) => row?.[header!.indexOf(n)]);
    const names = ['id', 'channel', 'date', 'score', 'agence', 'status', 'reason', 'reason_code'];
    expect(cells(read, names)).toEqual(['2', 'avis_en_ligne', '2024-03-06', '4', 'Nantes', 'skipped', 'empty text', 'empty_text']);
    expect(cells(unreadable, names)).toEqual(['', '', '', '', '', 'skipped', 'unbalanced quote', 'unbalanced_quote']);
    const lines = readFileSync(join(dir, 'a.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[1]).toMatchObject({ id: '2', channel: 'avis_en_ligne', date: '2024-03-06', score: 4, meta: { agence: 'Nantes' }, status: 'skipped', reason: 'empty text', reason_code: 'empty_text' });
    expect(lines[2]).toMatchObject({ status: 'skipped', reason_code: 'unbalanced_quote' });
    expect(lines[2]).not.toHaveProperty('id');
    // The --rejects file names the id of the row that was read.
    await writeRejects(rejects, join(dir, 'rejects.csv'));
    expect(readCsv(join(dir, 'rejects.csv')).map((r) => [r[6], r[7]])).toEqual([['code', 'id'], ['empty_text', '2'], ['unbalanced_quote', '']]);
  });

  it('writes one row per read verbatim and rejects the rest: rows in = rows out', async () => {
    const dir = tempDir();
    const annotations = join(dir, 'a.csv');
    const writer = createAnnotationWriter(annotations);
    const rejects: ReadReject[] = [];
    let total = 0;
    for await (const item of readVerbatims([fixture('malformed.csv'), fixture('semicolon.csv')])) {
      total++;
      if (item.type === 'reject') rejects.push(item);
      else await writer.write(analysis({ id: item.verbatim.id, channel: item.verbatim.channel ?? 'inconnu', meta: item.verbatim.meta ?? {} }), item.source);
    }
    await writer.close();
    expect(total).toBe(8 + 3);
    expect(readCsv(annotations).length - 1 + rejects.length).toBe(total);
  });

  it('an empty CSV still has its header; misuse throws TypeError', async () => {
    const path = join(tempDir(), 'vide.csv');
    const writer = createAnnotationWriter(path);
    await writer.close();
    expect(readCsv(path)[0]![0]).toBe('id');
    await expect(writer.write(analysis())).rejects.toThrow(TypeError);
    expect(() => createAnnotationWriter(path, 'xml' as never)).toThrow(TypeError);
  });
});

describe('outputs are replaced whole or not at all', () => {
  const leftovers = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));
  const reject: ReadReject = { type: 'reject', source: { file: 'a.csv', row: 2 }, reason: 'empty text', hint: 'fill the cell' };

  it('annotations: nothing shows at the target before close(); close() renames; abort() keeps the previous file', async () => {
    const dir = tempDir();
    const path = join(dir, 'coding.jsonl');
    writeFileSync(path, 'previous run\n');
    const first = createAnnotationWriter(path);
    await first.write(analysis());
    expect(readFileSync(path, 'utf8')).toBe('previous run\n');
    await first.abort();
    expect(readFileSync(path, 'utf8')).toBe('previous run\n');
    expect(leftovers(dir)).toEqual([]);
    const second = createAnnotationWriter(path);
    await second.write(analysis());
    await second.close();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ id: 'a1', status: 'analysed' });
    expect(leftovers(dir)).toEqual([]);
  });

  it('rejects: a source that fails half-way leaves the previous file and no temporary file', async () => {
    const dir = tempDir();
    const path = join(dir, 'rejects.csv');
    writeFileSync(path, 'previous run\r\n');
    async function* failing(): AsyncGenerator<ReadReject> {
      yield reject;
      throw new Error('input vanished');
    }
    await expect(writeRejects(failing(), path)).rejects.toThrow('input vanished');
    expect(readFileSync(path, 'utf8')).toBe('previous run\r\n');
    expect(leftovers(dir)).toEqual([]);
    expect(trackedTemps()).toEqual([]);
  });

  it('a device is written in place, never replaced', async () => {
    expect(await writeRejects([reject], '/dev/null')).toBe(1);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('lexicon files', () => {
  const theme = 'version: 1\nentries:\n  - id: test_livraison\n    kind: theme\n    label: Livraison\n    stage: apres\n    terms: [colis]\n';

  it('reads a directory in name order (yml, yaml, json) and single files', async () => {
    const dir = join(tempDir(), 'lex');
    mkdirSync(dir);
    writeFileSync(join(dir, 'b.yaml'), 'version: 1\nsms:\n  pk: pourquoi\n');
    writeFileSync(join(dir, 'a.yml'), theme);
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ version: 1, channels: [{ id: 'web', label: 'Web', aliases: ['site'] }] }));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const docs = await loadLexiconFiles([dir]);
    expect(docs.map((d) => Object.keys(d).filter((k) => k !== 'version'))).toEqual([['entries'], ['sms'], ['channels']]);
    expect((await readLexiconFile(join(dir, 'a.yml'))).entries?.[0]?.id).toBe('test_livraison');
  });

  it('reads the default French lexicons from disk', async () => {
    const docs = await loadLexiconFiles(['lexicons/fr']);
    expect(docs.some((d) => d.channels?.some((c) => c.id === 'avis_en_ligne'))).toBe(true);
  });

  it('collects the issues of every file into one LexiconError', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yml'), 'version: 1\nentries:\n  - id: x\n    kind: nimporte\n');
    const error = await loadLexiconFiles([join(dir, 'bad.yml'), join(dir, 'absent.yml')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LexiconError);
    const issues = (error as LexiconError).issues;
    expect(issues.some((i) => i.file === join(dir, 'bad.yml') && i.line > 0)).toBe(true);
    expect(issues).toContainEqual(expect.objectContaining({ file: join(dir, 'absent.yml'), message: 'file not found' }));
  });
});
