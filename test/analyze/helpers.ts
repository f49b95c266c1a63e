import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, parseLexicon, type Analyzer, type AnalyzerOptions } from '../../src/index.js';

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/lexicon/${name}`, import.meta.url)), 'utf8');
}

export function miniAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const mini = parseLexicon(fixture('mini.yml'), { file: 'mini.yml' });
  return createAnalyzer({ includeDefault: false, includeBaseSentiment: false, ...options, lexicons: [mini, ...(options.lexicons ?? [])] });
}
