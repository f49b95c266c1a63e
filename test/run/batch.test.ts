// analyzeFiles in one thread takes rows by batches (analysed first, then
// added): over several batches, with rejects between verbatims, every row is
// taken in input order, and the report is the one of a row-by-row build.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze/index.js';
import { analyzeVerbatim } from '../../src/analyze/transcript.js';
import { readVerbatims } from '../../src/io/read.js';
import { buildReport, reportMeta } from '../../src/report/index.js';
import type { ReportReject } from '../../src/report/index.js';
import { analyzeBatch, BATCH } from '../../src/run/batch.js';
import { analyzeFiles, reportedReject } from '../../src/run/analyze-files.js';
import type { VerbatimAnalysis } from '../../src/types.js';

// Written for these tests: short remarks over three channels, with a score and a date.
const REMARKS = [
  'Livraison en retard de trois jours, aucun message du transporteur.',
  'Conseillère très aimable, problème réglé en un appel.',
  'Application qui plante à chaque mise à jour, impossible de payer.',
  "Prix correct mais l'attente au téléphone est trop longue.",
  'Colis abîmé, remboursement obtenu sans discussion. Merci !',
  'Je recommande, rapide et efficace.',
  'Facture erronée deux mois de suite, personne ne répond aux mails.',
];
const CHANNELS = ['email', 'chat', 'avis_en_ligne'];
/** Rows without text: rejected where the reader finds them. */
const isEmpty = (row: number): boolean => row % 97 === 0 || row === 256 || row === 257;
const ROWS = 2 * BATCH + 89;

let dir = '';
let csv = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-batch-'));
  csv = join(dir, 'rows.csv');
  const lines = ['id;commentaire;canal;note;date'];
  for (let row = 1; row <= ROWS; row++) {
    const text = isEmpty(row) ? '' : `${REMARKS[row % REMARKS.length]} (${row})`;
    lines.push(`r${row};${text};${CHANNELS[row % CHANNELS.length]};${1 + (row % 5)};2026-0${1 + (row % 9)}-1${row % 10}`);
  }
  writeFileSync(csv, lines.join('\n') + '\n');
});

describe('analyzeBatch', () => {
  it('gives the analyses analyzeVerbatim gives, in order', () => {
    const analyzer = createAnalyzer({ detectLanguage: false });
    const verbatims = REMARKS.map((text, i) => ({ id: `v${i}`, text, channel: 'email' }));
    expect(analyzeBatch(verbatims, analyzer)).toEqual(verbatims.map((v) => analyzeVerbatim(v, analyzer)));
  });
});

describe('analyzeFiles in one thread, over several batches', () => {
  it('annotates every row in input order, rejects in their place', async () => {
    const annotate = join(dir, 'rows.jsonl');
    const seen: string[] = [];
    let progressed = 0;
    await analyzeFiles([csv], { workers: 1, annotate, onAnalysis: (a) => seen.push(a.id), onProgress: (n) => (progressed += n) });
    const lines = readFileSync(annotate, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id?: string; status?: string; source?: { row: number } });
    expect(lines).toHaveLength(ROWS);
    lines.forEach((line, i) => {
      const row = i + 1;
      if (isEmpty(row)) expect([line.status, line.source?.row]).toEqual(['skipped', row]);
      else expect(line.id).toBe(`r${row}`);
    });
    const kept = Array.from({ length: ROWS }, (_, i) => i + 1).filter((row) => !isEmpty(row));
    expect(seen).toEqual(kept.map((row) => `r${row}`));
    expect(progressed).toBe(ROWS);
  });

  it('builds the report a row-by-row build gives', async () => {
    const analyzer = createAnalyzer({ defaultLanguage: 'fra' });
    const items: Array<VerbatimAnalysis | ReportReject> = [];
    for await (const item of readVerbatims([csv], { channels: analyzer.lexicon.channels })) {
      items.push(item.type === 'reject' ? reportedReject(item) : analyzeVerbatim(item.verbatim, analyzer));
    }
    const expected = await buildReport(items, { meta: reportMeta(analyzer) });
    const { report } = await analyzeFiles([csv], { workers: 1 });
    expect(report.summary.rejected).toBe(Array.from({ length: ROWS }, (_, i) => i + 1).filter(isEmpty).length);
    expect({ ...report, provenance: undefined }).toEqual({ ...expected, provenance: undefined });
  });
});
