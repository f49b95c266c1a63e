// --annotate with masking on: what comes from the text (matches[].text, the
// text itself) is masked; the id and the columns the user keeps stay as they
// are, while the report never shows the id.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { analyzeVerbatim, createAnalyzer } from '../../src/analyze/index.js';
import { analyzeFiles, createAnnotationWriter } from '../../src/node.js';
import { tempDir } from './_helpers.js';

const analyzer = createAnalyzer();
const TEXT = "je n'ai toujours pas 06 12 34 56 78 reçu, écrivez à claire.fontaine@exemple.fr";
const verbatim = () =>
  analyzeVerbatim({ id: 'claire.fontaine@exemple.fr', channel: 'email', text: TEXT, meta: { telephone: '06 12 34 56 78' } }, analyzer);

async function jsonl(options: { maskPersonalData?: boolean } = {}): Promise<Record<string, unknown>> {
  const path = join(tempDir(), 'a.jsonl');
  const writer = createAnnotationWriter(path, undefined, { keepText: true, ...options });
  await writer.write(verbatim());
  await writer.close();
  return JSON.parse(readFileSync(path, 'utf8').trim()) as Record<string, unknown>;
}

describe('annotation writer', () => {
  it('masks matches[].text (a gap spanning a phone number) and the text; offsets, id and meta stay', async () => {
    const row = await jsonl();
    const start = TEXT.indexOf('toujours');
    expect(row['matches']).toContainEqual({ id: 'retard_livraison', start, end: TEXT.indexOf(' reçu') + 5, text: 'toujours pas [téléphone] reçu', negated: false });
    expect(row['text']).toBe("je n'ai toujours pas [téléphone] reçu, écrivez à [email]");
    expect(row['id']).toBe('claire.fontaine@exemple.fr');
    expect(row['meta']).toEqual({ telephone: '06 12 34 56 78' });
  });

  it('maskPersonalData: false writes them as they are', async () => {
    const row = await jsonl({ maskPersonalData: false });
    expect(row['matches']).toContainEqual(expect.objectContaining({ text: 'toujours pas 06 12 34 56 78 reçu' }));
    expect(row['text']).toBe(TEXT);
  });

  it('CSV: the kept text is masked, the id column is not', async () => {
    const path = join(tempDir(), 'a.csv');
    const writer = createAnnotationWriter(path, undefined, { keepText: true });
    await writer.write(verbatim());
    await writer.close();
    const [header, row] = parse(readFileSync(path), { bom: true, delimiter: ';' }) as string[][];
    const cell = (name: string): string | undefined => row?.[header?.indexOf(name) ?? -1];
    expect(cell('text')).toBe("je n'ai toujours pas [téléphone] reçu, écrivez à [email]");
    expect(cell('id')).toBe('claire.fontaine@exemple.fr');
    expect(cell('telephone')).toBe('06 12 34 56 78');
  });
});

describe('analyzeFiles: ids stay in --annotate, never in the report', () => {
  async function run(maskPersonalData: boolean): Promise<{ annotation: string; report: string }> {
    const dir = tempDir();
    const input = join(dir, 'in.csv');
    writeFileSync(input, `id;canal;commentaire\nclaire.fontaine@exemple.fr;email;${TEXT}\n`);
    const annotate = join(dir, 'a.jsonl');
    const { report } = await analyzeFiles([input], { annotate, maskPersonalData });
    return { annotation: readFileSync(annotate, 'utf8'), report: JSON.stringify(report) };
  }

  it('masking on: the annotation keeps the id and masks the match text; the report has neither', async () => {
    const { annotation, report } = await run(true);
    expect(annotation).toContain('"id":"claire.fontaine@exemple.fr"');
    expect(annotation).toContain('toujours pas [téléphone] reçu');
    expect(annotation).not.toContain('06 12 34 56 78');
    expect(report).not.toMatch(/claire\.fontaine|06 12 34 56 78/u);
    expect(report).toMatch(/"id":"#[0-9a-f]{8}"/u);
  });

  it('masking off (--no-mask): both as they are', async () => {
    const { annotation, report } = await run(false);
    expect(annotation).toContain('toujours pas 06 12 34 56 78 reçu');
    expect(report).toContain('"id":"claire.fontaine@exemple.fr"');
  });
});

describe('rejects file', () => {
  it.each([
    [true, 'invalid JSON: [email] is not valid', /claire\.fontaine/],
    [false, 'invalid JSON: "claire.fontaine@exemple.fr" is not valid', null],
  ] as const)('masks what a reason quotes from the input when masking is %s', async (maskPersonalData, _expected, absent) => {
    const path = join(tempDir(), 'rejects.csv');
    const { writeRejects } = await import('../../src/run/outputs.js');
    const reject = { type: 'reject' as const, source: { file: 'in.jsonl', row: 3, line: 3 }, reason: 'invalid JSON: "claire.fontaine@exemple.fr" is not valid', hint: 'line 3 must hold one JSON object' };
    await writeRejects([reject], path, { maskPersonalData });
    const written = readFileSync(path, 'utf8');
    expect(written).toContain('in.jsonl');
    if (absent !== null) {
      expect(written).not.toMatch(absent);
      expect(written).toContain('[email]');
    } else expect(written).toContain('claire.fontaine@exemple.fr');
  });
});
