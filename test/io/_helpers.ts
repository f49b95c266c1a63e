import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readVerbatims } from '../../src/io/index.js';
import type { InputSpec, ReadItem, ReadOptions } from '../../src/io/index.js';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'io', 'files');
export const fixture = (name: string): string => join(FIXTURE_DIR, name);
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'verbatim-fr-io-'));

export async function readAll(inputs: Array<string | InputSpec>, options?: ReadOptions): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readVerbatims(inputs, options)) items.push(item);
  return items;
}

/** `[row, line, id | reason]` per item: compact expectations for row accounting. */
export const summary = (items: ReadItem[]) =>
  items.map((item) => [item.source.row, item.source.line, item.type === 'verbatim' ? item.verbatim.id : `reject: ${item.reason}`]);
