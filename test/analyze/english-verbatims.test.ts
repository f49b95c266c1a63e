// English verbatims written for this project (test/fixtures/english-verbatims.jsonl):
// the tags the English layer gave when it keyed words with compromise's tagger at run
// time, kept by the compiled keys. A row with `before` changed when the keys became a
// build-time table, reviewed as better (`improved` says why); `review` notes rows whose
// tags are still wrong or missing (lexicon work, not keying). After a lexicon change,
// check the differences one by one, then update the rows that changed for the better.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../src/index.js';

interface Row {
  id: string;
  text: string;
  themes: string[];
  irritants: string[];
  enchantments: string[];
  intents: string[];
  tonality: string;
  before?: Omit<Row, 'id' | 'text' | 'before'>;
  improved?: string;
  review?: string;
}

const rows = readFileSync(join(__dirname, '../fixtures/english-verbatims.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);
const analyzer = createAnalyzer();

describe('English verbatims fixture', () => {
  it('holds at least 60 verbatims, each improvement explained', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    for (const r of rows) if (r.before !== undefined) expect(r.improved, r.id).toMatch(/\w/);
  });

  it.each(rows.map((r) => [r.id, r] as const))('%s', (_id, row) => {
    const a = analyze({ id: row.id, text: row.text }, analyzer);
    expect(a.language).toBe('eng');
    expect({
      themes: [...a.themes].sort(),
      irritants: [...a.irritants].sort(),
      enchantments: [...a.enchantments].sort(),
      intents: [...a.intents].sort(),
      tonality: a.tonality,
    }).toEqual({ themes: row.themes, irritants: row.irritants, enchantments: row.enchantments, intents: row.intents, tonality: row.tonality });
  });
});
