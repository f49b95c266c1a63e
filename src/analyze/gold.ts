import { TONALITIES, type Tonality } from '../types.js';
import type { EvalFamily, GoldVerbatim } from './evaluate.js';

/** One problem in a gold file. */
export interface GoldIssue {
  file: string;
  /** 1-based line of the JSONL file. */
  line: number;
  id?: string;
  message: string;
  hint: string;
}

/** A gold file that cannot be read, with every problem found. */
export class GoldError extends Error {
  readonly issues: GoldIssue[];
  constructor(issues: GoldIssue[]) {
    super(
      `verbatim-fr: invalid gold file, ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((i) => `${i.file}:${i.line}${i.id !== undefined ? ` [${i.id}]` : ''}: ${i.message}\n    hint: ${i.hint}`).join('\n'),
    );
    this.name = 'GoldError';
    this.issues = issues;
  }
}

/** The label fields of a gold line (French, as gold files write them) and the `GoldVerbatim` list each fills. */
const LABEL_FIELDS = [
  ['themes', 'themes'],
  ['irritants', 'irritants'],
  ['enchantements', 'enchantments'],
  ['intentions', 'intents'],
] as const satisfies ReadonlyArray<readonly [string, EvalFamily]>;

/**
 * Parses annotated verbatims, one JSON object per line (blank lines skipped):
 * `id`, `text`, `themes`, `irritants`, `enchantements`, `intentions`,
 * `tonalite` (`positif`, `negatif`, `neutre`, `mitige`, the taxonomy's
 * values), optionally `channel`, `sector`, `date`, `score`. Gold files write
 * French field names; each verbatim comes back with the English names of
 * `GoldVerbatim`. Throws `GoldError` with every problem found.
 */
export function parseGoldJsonl(text: string, file = '<gold>'): GoldVerbatim[] {
  if (typeof text !== 'string') throw new TypeError(`verbatim-fr: expected the JSONL text of a gold file, got ${typeof text}`);
  const out: GoldVerbatim[] = [];
  const issues: GoldIssue[] = [];
  const seen = new Map<string, number>();
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      issues.push({ file, line, message: `not valid JSON: ${(err as Error).message}`, hint: 'each line must be one complete JSON object' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ file, line, message: 'a line must hold a JSON object', hint: '{"id": "…", "text": "…", "themes": […], …}' });
      return;
    }
    const o = value as Record<string, unknown>;
    const id = typeof o['id'] === 'string' && o['id'] !== '' ? o['id'] : typeof o['id'] === 'number' ? String(o['id']) : undefined;
    const problems: Array<[string, string]> = [];
    if (id === undefined) problems.push(['missing "id"', 'add a unique "id" string']);
    else if (seen.has(id)) problems.push([`duplicate id "${id}" (first on line ${seen.get(id)})`, 'ids must be unique']);
    else seen.set(id, line);
    if (typeof o['text'] !== 'string') problems.push(['missing "text"', 'add the verbatim as a "text" string']);
    const labels: Partial<Record<EvalFamily, string[]>> = {};
    for (const [f, family] of LABEL_FIELDS) {
      const v = o[f];
      if (v === undefined) problems.push([`missing "${f}"`, `add "${f}": [] when the verbatim has none`]);
      else if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) problems.push([`"${f}" must be a list of label ids`, `e.g. "${f}": ["…"]`]);
      else labels[family] = v as string[];
    }
    const tone = o['tonalite'];
    if (tone === undefined) problems.push(['missing "tonalite"', `add "tonalite": one of ${TONALITIES.join(', ')}`]);
    else if (typeof tone !== 'string' || !TONALITIES.includes(tone as Tonality)) problems.push([`bad "tonalite" ${JSON.stringify(tone)}`, `use one of ${TONALITIES.join(', ')}`]);
    if (problems.length > 0) {
      for (const [message, hint] of problems) issues.push(id !== undefined ? { file, line, id, message, hint } : { file, line, message, hint });
      return;
    }
    const g: GoldVerbatim = {
      id: id as string,
      text: o['text'] as string,
      themes: labels.themes ?? [],
      irritants: labels.irritants ?? [],
      enchantments: labels.enchantments ?? [],
      intents: labels.intents ?? [],
      tonality: tone as Tonality,
    };
    if (typeof o['channel'] === 'string') g.channel = o['channel'];
    if (typeof o['sector'] === 'string' && o['sector'] !== '') g.sector = o['sector'];
    if (typeof o['date'] === 'string') g.date = o['date'];
    if (typeof o['score'] === 'number' || o['score'] === null) g.score = o['score'] as number | null;
    out.push(g);
  });
  if (issues.length > 0) throw new GoldError(issues);
  return out;
}
