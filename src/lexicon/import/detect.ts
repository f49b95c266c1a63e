// What a file that is not a verbatim-fr lexicon looks like, so that the
// loaders can say "this is a LIWC .dic, convert it" instead of listing
// YAML errors about a format the user never meant to write.
import { parseDocument } from '../yaml.js';
import type { DictionaryFormat } from './model.js';
import { lexiconProblem, type LexiconProblem } from '../messages.js';

/** Top-level fields of a lexicon: a mapping holding one of them is ours, however broken. */
const LEXICON_FIELDS = new Set(['$schema', 'version', 'lang', 'entries', 'sentiment', 'negation', 'modality', 'implied', 'channels', 'sms', 'stopwords']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A tree of keys over lists of words (or single words): quanteda's shape. */
function wordTree(value: unknown, depth: number): boolean {
  if (depth > 8) return false;
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string' || typeof v === 'number' || (isRecord(v) && wordTree(v, depth + 1)));
  if (isRecord(value)) return Object.values(value).every((v) => v === null || wordTree(v, depth + 1));
  return false;
}

/** The first lines that are not blank. */
function headLines(text: string, n: number): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/, 200)) {
    if (line.trim() === '') continue;
    out.push(line);
    if (out.length === n) break;
  }
  return out;
}

/**
 * The dictionary format a text looks like: a LIWC `.dic` (a `%` line, then
 * numbered categories), a quanteda YAML dictionary (keys over lists of
 * words, none of a lexicon's fields; `data`: the text already parsed), a CSV of terms
 * (every first line cut by `;`, `,` or tabs into 2 to 5 cells), or undefined.
 */
export function detectDictionary(text: string, data?: unknown): DictionaryFormat | undefined {
  const lines = headLines(text.replace(/^\uFEFF/, ''), 10);
  if (lines[0]?.trim() === '%' && lines.length > 1 && /^\d+\s+\S/.test(lines[1]?.trim() ?? '')) return 'liwc';
  if (data === undefined && lines.length > 0) {
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length === 0) {
      try {
        data = doc.toJS({ maxAliasCount: 100 });
      } catch {
        data = undefined;
      }
    }
  }
  if (isRecord(data) && Object.keys(data).length > 0 && !Object.keys(data).some((k) => LEXICON_FIELDS.has(k)) && wordTree(data, 0)
    && Object.values(data).some((v) => Array.isArray(v) || isRecord(v))) return 'quanteda';
  if (lines.length > 0 && !/^\s*[-#{[]/.test(lines[0] ?? '') && !/^[\w$"' ]+:(\s|$)/.test(lines[0] ?? '')) {
    for (const delimiter of [';', '\t', ',']) {
      const widths = lines.map((l) => l.split(delimiter).length);
      if (widths.every((w) => w >= 2 && w <= 5)) return 'csv';
    }
  }
  return undefined;
}

/** The problem that says what a refused file is and how to convert it. */
export function foreignDictionaryProblem(format: DictionaryFormat, file: string): LexiconProblem {
  const base = file.replace(/^.*[\\/]/, '') || 'dictionary';
  const stem = base.replace(/\.[^.]+$/, '') || base;
  return lexiconProblem('foreign_dictionary', { kind: format, base, out: `${stem}${format === 'quanteda' ? '.lexicon' : ''}.yml` });
}
