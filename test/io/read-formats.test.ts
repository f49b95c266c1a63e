import fc from 'fast-check';
import { createWriteStream, writeFileSync, appendFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readVerbatims, type ReadItem } from '../../src/io/index.js';
import { mapColumns } from '../../src/io/columns.js';
import { parseDate, parseScore, readDate } from '../../src/io/values.js';
import { fixture, readAll, summary, tempDir } from './_helpers.js';

describe('header auto-detection', () => {
  it.each([
    [['ID', 'Commentaire', 'Canal', 'Date', 'Note'], { id: 'ID', text: 'Commentaire', channel: 'Canal', date: 'Date', score: 'Note' }],
    [['Numéro', 'HORODATAGE', 'Étoiles', 'Origine', 'Réponse'], { id: 'Numéro', date: 'HORODATAGE', score: 'Étoiles', channel: 'Origine', text: 'Réponse' }],
    [['Review ID', 'Created_At', 'Rating', 'Source', 'Feedback'], { id: 'Review ID', date: 'Created_At', score: 'Rating', channel: 'Source', text: 'Feedback' }],
    [['Identifiant', 'Votre commentaire', 'Note NPS', 'Date de réponse'], { id: 'Identifiant', text: 'Votre commentaire', score: 'Note NPS', date: 'Date de réponse' }],
    [['body', 'media', 'stars'], { text: 'body', channel: 'media', score: 'stars' }],
    [['Texte', 'Avis'], { text: 'Texte' }],
    [['REMARQUES', 'csat', 'ref'], { text: 'REMARQUES', score: 'csat', id: 'ref' }],
  ])('%j', (headers, expected) => {
    const { mapping, problems } = mapColumns(headers, {});
    expect(problems).toEqual([]);
    expect(mapping).toEqual(expected);
  });

  it('explicit names win and are matched case- and accent-insensitively', () => {
    const { mapping } = mapColumns(['Ref', 'Avis', 'Texte libre', 'Canal'], { text: 'texte LIBRE', id: 'ref', channel: 'canal' });
    expect(mapping).toEqual({ text: 'Texte libre', id: 'Ref', channel: 'Canal' });
  });

  it('a channel that is not a header is a constant channel', () => {
    const { mapping } = mapColumns(['commentaire', 'canal'], { channel: 'Avis Google' });
    expect(mapping).toEqual({ text: 'commentaire', constantChannel: 'Avis Google' });
  });

  it('reports unknown explicit columns and missing text with the headers found', () => {
    const { problems } = mapColumns(['id', 'nom'], { score: 'note' });
    expect(problems.map((p) => p.message)).toEqual(['no column "note" for the score', 'no text column found']);
    expect(problems[1]!.hint).toMatch(/"id", "nom".*--text/);
  });
});

describe('columns, channels and meta', () => {
  it('maps French headers with accents and capitals, keeps other columns in meta', async () => {
    const [item] = await readAll([fixture('french-headers.csv')]);
    expect(item).toEqual({
      type: 'verbatim',
      source: { file: fixture('french-headers.csv'), row: 1, line: 2, sheetRow: 2 },
      verbatim: { id: 'f1', text: 'Appli qui plante', channel: 'store', date: '2024-01-31', score: 4, meta: { Magasin: 'Lyon' } },
    });
  });

  it('maps English headers', async () => {
    const [item] = await readAll([fixture('english.csv')]);
    expect(item).toMatchObject({ verbatim: { id: 'e1', text: 'Fast delivery', channel: 'avis_en_ligne', date: '2024-01-31', score: 4 } });
  });

  it('defaults ids to <file>:<row> and the channel to inconnu', async () => {
    const items = await readAll([fixture('one-column.csv')]);
    expect(items.map((i) => i.type === 'verbatim' && [i.verbatim.id, i.verbatim.channel, i.verbatim.text])).toEqual([
      ['one-column.csv:1', 'inconnu', 'Bien, rapide; efficace'],
      ['one-column.csv:2', 'inconnu', 'Nul, vraiment nul'],
    ]);
  });

  it('a constant channel per file; several files keep their own channel', async () => {
    const items = await readAll(
      [{ path: fixture('one-column.csv'), channel: 'Enquête NPS' }, { path: fixture('multiline.csv'), channel: 'tchat' }, fixture('lines.jsonl')],
    );
    const channels = items.flatMap((i) => (i.type === 'verbatim' ? [`${i.source.file.split('/').at(-1)} ${i.verbatim.channel}`] : []));
    expect(channels).toEqual([
      'one-column.csv enquete', 'one-column.csv enquete',
      'multiline.csv chat', 'multiline.csv chat', 'multiline.csv chat',
      'lines.jsonl chat', 'lines.jsonl reseaux_sociaux',
    ]);
  });

  it('channel naming a header uses that column; a custom channel table is honoured', async () => {
    const items = await readAll([{ path: fixture('semicolon.csv'), channel: 'CANAL' }], {
      channels: [{ id: 'web', aliases: ['avis google', 'tchat'] }],
    });
    expect(items.map((i) => i.type === 'verbatim' && i.verbatim.channel)).toEqual(['web', 'telephone', 'web']);
  });
});

describe('JSON and JSONL', () => {
  it('JSON array: objects become verbatims, other elements and empty texts are rejects', async () => {
    const items = await readAll([fixture('array.json')]);
    expect(summary(items)).toEqual([
      [1, 2, 'j1'],
      [2, 12, 'reject: empty text'],
      [3, 17, 'reject: not a JSON object (string)'],
      [4, 18, 'j4'],
    ]);
    expect(items[0]).toMatchObject({ verbatim: { text: 'Colis arrivé en avance', channel: 'email', score: 5, date: '2024-02-01', meta: { extra: '{"a":1}' } } });
    expect(items[3]).toMatchObject({ verbatim: { channel: 'email', score: 2 } });
  });

  it.each([
    ['{"verbatims": [{"avis": "Bien"}], "total": 1}', ['wrapped.json:1']],
    ['[{"avis": "Bien"}, {"avis": "Mal"}]', ['wrapped.json:1', 'wrapped.json:2']],
  ])('JSON %s', async (content, ids) => {
    const path = join(tempDir(), 'wrapped.json');
    writeFileSync(path, content);
    expect((await readAll([path])).map((i) => i.type === 'verbatim' && i.verbatim.id)).toEqual(ids);
  });

  it.each([
    ['{"avis": ', 'invalid JSON'],
    ['"juste une chaîne"', 'JSON document is not an array of objects'],
  ])('broken JSON %j is one reject for the file', async (content, reason) => {
    const path = join(tempDir(), 'broken.json');
    writeFileSync(path, content);
    const items = await readAll([path]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'reject', source: { row: 0 }, reason: expect.stringContaining(reason) });
  });

  it('JSONL: a bad line is a reject with its line number and the JSON error', async () => {
    const items = await readAll([fixture('lines.jsonl')]);
    expect(summary(items)).toEqual([
      [1, 1, 'l1'],
      [2, 2, expect.stringMatching(/^reject: invalid JSON: .+/)],
      [3, 4, 'reject: not a JSON object'],
      [4, 5, 'l5'],
    ]);
  });

  it('JSONL under a .json name is sniffed as JSONL', async () => {
    const path = join(tempDir(), 'lines.json');
    writeFileSync(path, '{"texte": "un"}\n{"texte": "deux"}\n');
    expect((await readAll([path])).map((i) => i.type === 'verbatim' && i.verbatim.text)).toEqual(['un', 'deux']);
  });

  // A minified JSON document is one line: it reads as the same document pretty-printed, not as one JSON Lines record
  // whose arrays become text ("[null]").
  it.each([
    ['{"export":"avis","verbatims":[null]}', 'not an array of objects'],
    ['{"export":"avis","verbatims":[]}', 'not an array of objects'],
    ['{"avis":[{"texte":"un"}],"reponses":[{"texte":"deux"}]}', 'not an array of objects'],
    ['{"texte":"un seul avis","canal":"avis"}', 'one object per line is JSON Lines'],
  ])('minified %s under a .json name: one reject for the file, as pretty-printed', async (content, reason) => {
    const dir = tempDir();
    const pretty = JSON.stringify(JSON.parse(content), null, 2);
    for (const [name, text] of [['min.json', content], ['pretty.json', pretty]] as const) {
      writeFileSync(join(dir, name), `${text}\n`);
      const items = await readAll([join(dir, name)]);
      expect(items).toEqual([expect.objectContaining({ type: 'reject', source: expect.objectContaining({ row: 0 }), reason: expect.stringContaining('JSON document is not an array of objects') })]);
      expect(items[0]).toMatchObject({ hint: expect.stringContaining(reason === 'not an array of objects' ? '{"verbatims": [ … ]}' : reason) });
    }
  });

  it('minified wrapped records under a .json name, and on standard input, are read as the records', async () => {
    const content = '{"export":"avis","verbatims":[{"texte":"un"},{"texte":"deux"}]}';
    const path = join(tempDir(), 'min.json');
    writeFileSync(path, content);
    const texts = (items: ReadItem[]): unknown[] => items.map((i) => i.type === 'verbatim' && i.verbatim.text);
    expect(texts(await readAll([path]))).toEqual(['un', 'deux']);
    expect(texts(await readAll([{ path: '-', stream: Readable.from([Buffer.from(content)]) }]))).toEqual(['un', 'deux']);
  });

  it.each([
    ['{"texte":"Colis cassé","tags":["livraison","colis"]}', ['Colis cassé']],
    ['{"export":"avis","verbatims":[null]}', []],
  ])('one line on standard input %s: a record (a partition of one row) unless it wraps records', async (content, texts) => {
    const items = await readAll([{ path: '-', stream: Readable.from([Buffer.from(`${content}\n`)]) }]);
    expect(items.filter((i) => i.type === 'verbatim').map((i) => i.type === 'verbatim' && i.verbatim.text)).toEqual(texts);
    if (texts.length === 0) expect(items).toEqual([expect.objectContaining({ type: 'reject', reason: expect.stringContaining('not an array of objects') })]);
  });

  it.each([
    ['a minified array', '[{"texte":"un"},{"texte":"deux"}]'],
    ['a pretty-printed array', '[\n  {"texte": "un"},\n  {"texte": "deux"}\n]'],
    ['a pretty-printed wrapper', '{\n  "verbatims": [\n    {"texte": "un"},\n    {"texte": "deux"}\n  ]\n}'],
    ['a minified wrapper', '{"verbatims":[{"texte":"un"},{"texte":"deux"}]}'],
  ])('%s under a .jsonl name is a JSON document: its records, not a reject a line', async (_name, content) => {
    const path = join(tempDir(), 'misnamed.jsonl');
    writeFileSync(path, `${content}\n`);
    const items = await readAll([path]);
    expect(items.map((i) => (i.type === 'verbatim' ? i.verbatim.text : `reject: ${i.reason}`))).toEqual(['un', 'deux']);
  });

  it.each([
    ['a first line that is an array', '["pas","un objet"]\n{"texte":"un"}\n{"texte":"deux"}\n', 'not a JSON object'],
    ['a damaged first line', '{"texte": "un\n{"texte":"un"}\n{"texte":"deux"}\n', 'invalid JSON'],
  ])('JSON Lines under a .jsonl name with %s: that line is a reject, the others are read', async (_name, content, reason) => {
    const path = join(tempDir(), 'lines.jsonl');
    writeFileSync(path, content);
    const items = await readAll([path]);
    expect(items.map((i) => (i.type === 'verbatim' ? i.verbatim.text : `reject: ${i.reason}`))).toEqual([expect.stringContaining(`reject: ${reason}`), 'un', 'deux']);
  });

  it.each([
    ['[ID];Commentaire\nA1;Colis abîmé\nA2;Livraison rapide\n', ['A1', 'A2']],
    ['{ref},avis\nR1,Attente trop longue\n', ['R1']],
  ])('standard input whose CSV header opens with a bracket and a word is CSV: %j', async (content, ids) => {
    const items = await readAll([{ path: '-', stream: Readable.from([Buffer.from(content)]), ...(content.startsWith('[') ? { id: '[ID]' } : { id: '{ref}' }) }]);
    expect(items.map((i) => (i.type === 'verbatim' ? i.verbatim.id : `reject: ${i.reason}`))).toEqual(ids);
  });

  it.each([
    ['[\n {"avis": "Bien"}\n]\n', 1],
    ['[{"avis": "Bien"}, {"avis": "Mal"}]', 2],
    ['[true, {"avis": "Bien"}]', 2],
  ])('standard input opening with [ and a JSON value is still JSON: %j', async (content, count) => {
    const items = await readAll([{ path: '-', stream: Readable.from([Buffer.from(content)]) }]);
    expect(items).toHaveLength(count);
  });

  // Windows PowerShell writes JSON in UTF-16 with a byte order mark: the format is told from the decoded head.
  const utf16 = (text: string, order: 'le' | 'be'): Buffer => {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    return order === 'le' ? le : Buffer.from(le).swap16();
  };
  it.each([
    ['JSON Lines', '{"texte":"un"}\r\n{"texte":"deux"}\r\n'],
    ['a JSON array', '[{"texte":"un"},{"texte":"deux"}]'],
    ['a pretty-printed JSON array', '[\r\n  {"texte": "un"},\r\n  {"texte": "deux"}\r\n]'],
    ['tab-separated text (Excel\'s Unicode text)', 'texte\tcanal\r\nun\temail\r\ndeux\temail\r\n'],
  ])('%s in UTF-16 (both byte orders) on standard input is read as such', async (_name, content) => {
    for (const order of ['le', 'be'] as const) {
      const items = await readAll([{ path: '-', stream: Readable.from([utf16(content, order)]) }]);
      expect(items.map((i) => (i.type === 'verbatim' ? i.verbatim.text : `reject: ${i.reason}`)), order).toEqual(['un', 'deux']);
    }
  });

  it('a one-line object under a .jsonl name, or with format jsonl, is one record', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.jsonl'), '{"texte":"un seul avis"}\n');
    writeFileSync(join(dir, 'one.json'), '{"texte":"un seul avis"}\n');
    for (const input of [join(dir, 'one.jsonl'), { path: join(dir, 'one.json'), format: 'jsonl' as const }]) {
      expect((await readAll([input])).map((i) => i.type === 'verbatim' && i.verbatim.text)).toEqual(['un seul avis']);
    }
  });
});

describe('XLSX', () => {
  it('reads the first worksheet with the first row as headers, streaming', async () => {
    const path = join(tempDir(), 'export.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Verbatims');
    sheet.addRow(['Identifiant', 'Verbatim', 'Date', 'Note', 'Canal', 'Agence']);
    sheet.addRow(['x1', 'Très bien reçu', new Date(Date.UTC(2024, 2, 5)), 9, 'Avis Google', 'Nantes']);
    sheet.addRow(['x2', { richText: [{ text: 'Conseiller ' }, { text: 'injoignable' }] }, 45352, '4,5', 'tchat', 'Lille']);
    sheet.addRow([]);
    sheet.addRow(['x4', '   ', '05/03/2024', null, 'mail', 'Lyon']);
    sheet.addRow(['x5', { formula: '"Colis " & "abîmé"', result: 'Colis abîmé' }, null, null, null, null, 'hors tableau']);
    workbook.addWorksheet('Autre').addRow(['Commentaire']).commit?.();
    await workbook.xlsx.writeFile(path);

    const items = await readAll([path]);
    expect(summary(items)).toEqual([[1, 2, 'x1'], [2, 3, 'x2'], [3, 5, 'reject: empty text'], [4, 6, 'x5']]);
    expect(items[0]).toMatchObject({ verbatim: { text: 'Très bien reçu', date: '2024-03-05', score: 9, channel: 'avis_en_ligne', meta: { Agence: 'Nantes' } } });
    expect(items[1]).toMatchObject({ verbatim: { text: 'Conseiller injoignable', date: '2024-03-01', score: 4.5, channel: 'chat' } });
    expect(items[3]).toMatchObject({ verbatim: { text: 'Colis abîmé', channel: 'inconnu', meta: { Agence: '', 'colonne 7': 'hors tableau' } } });
  });
});

describe('values', () => {
  it.each([
    [9, 9], ['9', 9], ['4,5', 4.5], ['4.5', 4.5], ['8/10', 8], ['4 / 5', 4], ['4 étoiles', 4], ['1 etoile', 1], ['5 stars', 5],
    ['★★★☆☆', 3], ['10 - Extrêmement probable', 10], ['0 (pas du tout)', 0], ['', null], ['N/A', null], ['bof', null],
    ['4-5', null], [null, null], [Number.NaN, null], ['75 %', 75],
  ])('parseScore(%j) → %j', (input, expected) => {
    expect(parseScore(input)).toBe(expected);
  });

  it.each([
    ['2024-03-05', '2024-03-05'], ['2024-03-05T23:10:00+02:00', '2024-03-05'], ['2024/3/5', '2024-03-05'],
    ['05/03/2024', '2024-03-05'], ['5/3/2024 14:05', '2024-03-05'], ['05-03-2024', '2024-03-05'], ['05.03.2024', '2024-03-05'],
    ['05/03/24', '2024-03-05'], ['05/03/98', '1998-03-05'], ['12 mars 2024', '2024-03-12'], ['1er août 2023', '2023-08-01'],
    ['lundi 4 déc. 2023', '2023-12-04'], [45356, '2024-03-05'], ['45356', '2024-03-05'], [new Date(Date.UTC(2024, 1, 29)), '2024-02-29'],
    ['31/02/2024', undefined], ['2024-13-01', undefined], ['hier', undefined], ['', undefined], [12, undefined], [null, undefined],
  ])('parseDate(%j) → %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  // ISO days are read by character code; every other cell as before: both readings agree on every cell.
  it.each([
    ['2024-02-29', '2024-02-29'], ['2023-02-29', undefined], ['1900-02-29', undefined], ['2000-02-29', '2000-02-29'], ['0999-01-01', undefined],
    ['2024-00-10', undefined], ['2024-04-31', undefined], ['2024-12-31T23:59:59Z', '2024-12-31'], ['2024-12-31t08:00', '2024-12-31'],
    ['2024-12-31 08:00', '2024-12-31'], ['2024-12-31x', undefined], [' 2024-12-31', '2024-12-31'], ['2024-1-31', '2024-01-31'],
  ])('parseDate(%j) → %j, as the general reading', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
    expect(readDate(input)).toBe(expected);
  });

  it('property: a score cell of digits is read as SCORE reads it', () => {
    const cell = fc.array(fc.constantFrom(...'0123456789', ',', '.', ' ', '/', '-', '+', '★', 'é'), { minLength: 0, maxLength: 9 }).map((a) => a.join(''));
    // SCORE's reading, without the shortcut: the same cell with a space after it (trimmed away).
    fc.assert(fc.property(cell, (c) => Object.is(parseScore(c), parseScore(`${c} `))), { numRuns: 20_000 });
    expect(parseScore('007')).toBe(7);
    expect(parseScore('1234567')).toBe(null);
    expect(parseScore('123456')).toBe(123456);
  });

  it('property: an ISO-shaped cell is read as the general reading reads it', () => {
    const digit = fc.constantFrom(...'0123456789');
    const piece = fc.oneof(
      fc.tuple(digit, digit, digit, digit).map((d) => d.join('')),
      fc.tuple(digit, digit).map((d) => d.join('')),
      fc.constantFrom('-', '-', '/', '.', 'T', 't', ' ', '\t', 'Z', ':', '2024', '02', '29', '1900', '0000', '12', '31', '00', '١'),
    );
    const cell = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    fc.assert(fc.property(cell, (c) => parseDate(c) === readDate(c)), { numRuns: 20_000 });
    // Well-formed days of every month and year shape.
    const day = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('', 'T10:00', 't10:00', ' 09:12:00', '\t09:12', 'x', '/', '.', ',', 'Z', '\u00a0', '-01'));
    fc.assert(
      fc.property(day, ([y, m, d, rest]) => {
        const c = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${rest}`;
        return parseDate(c) === readDate(c);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('streaming', () => {
  it('yields rows of a ~50 MB CSV before the file is fully read, with bounded memory', async () => {
    const path = join(tempDir(), 'big.csv');
    const out = createWriteStream(path);
    out.write('id;commentaire;canal\n');
    const block = Array.from({ length: 5000 }, (_, i) => `${i};"Livraison en retard, colis abîmé et service client injoignable depuis des jours (${i})";avis`).join('\n') + '\n';
    const blocks = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(block));
    for (let i = 0; i < blocks; i++) if (!out.write(block)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const rows = blocks * 5000;
    expect(statSync(path).size).toBeGreaterThan(45 * 1024 * 1024);

    const before = process.memoryUsage().heapUsed;
    let count = 0;
    let peak = 0;
    let last = '';
    for await (const item of readVerbatims([path])) {
      count++;
      // A reader that had loaded the file would not see rows appended after the first one is yielded.
      if (count === 1) appendFileSync(path, 'fin;Ligne ajoutée après le premier verbatim;chat\n');
      if (count % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      if (item.type === 'verbatim') last = item.verbatim.id;
      else throw new Error(`unexpected reject ${item.reason}`);
    }
    expect(count).toBe(rows + 1);
    expect(last).toBe('fin');
    // Generous bound for garbage between collections (about 80 MB seen); loading the
    // file would hold its decoded text plus ~500 000 verbatim objects, several times more.
    expect(peak).toBeLessThan(150 * 1024 * 1024);
  });
});
