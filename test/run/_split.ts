// sample.csv cut at record boundaries (its chat cells run over several lines):
// parts of given sizes, each with the header, for the state and pipe tests.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readVerbatims } from '../../src/io/index.js';

export const SAMPLE = join(import.meta.dirname, '..', '..', 'corpora', 'sample.csv');

export interface SampleRecords {
  /** The header line, as written (with its BOM). */
  header: string;
  /** Each record's lines, as written, line breaks included. */
  records: string[];
}

/** The header and records of sample.csv, bounded by the reader's own line numbers. */
export async function sampleRecords(): Promise<SampleRecords> {
  const text = readFileSync(SAMPLE, 'utf8');
  const lines = text.split(/(?<=\n)/);
  const starts: number[] = [];
  for await (const item of readVerbatims([SAMPLE])) starts.push(item.source.line! - 1);
  const header = lines.slice(0, starts[0]).join('');
  const records = starts.map((start, k) => lines.slice(start, starts[k + 1] ?? lines.length).join(''));
  if (header + records.join('') !== text) throw new Error('sample.csv: records do not cover the file');
  return { header, records };
}

/** Writes one part per size into `dir` (`name-0.csv`…), each with the header; returns their paths. */
export function splitSample({ header, records }: SampleRecords, sizes: readonly number[], dir: string, name: string): string[] {
  let at = 0;
  return sizes.map((size, k) => {
    const path = join(dir, `${name}-${k}.csv`);
    writeFileSync(path, header + records.slice(at, at + size).join(''));
    at += size;
    return path;
  });
}
