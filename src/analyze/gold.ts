import { TONALITIES, type Tonality } from '../types.js';
import type { EvalFamily, GoldVerbatim } from './evaluate.js';
import { expectedError } from '../_utils/describe.js';

/** One problem in a gold file. */
export interface GoldIssue {
  file: string;
  /** 1-based line of the JSONL file. */
  line: number;
  id?: string;
  /** Stable code of the problem (`missing_field`, `duplicate_id`…), the same in every language. */
  code?: GoldIssueCode;
  /** The values the message embeds, for `describeGoldIssue` to say it in French. */
  params?: GoldIssueProblem['params'];
  /** What is wrong, in English (`describeGoldIssue(issue, 'fr')` says it in French). */
  message: string;
  hint: string;
}

/** The parameters of each gold issue code. */
export interface GoldIssueParams {
  invalid_json: { detail: string };
  not_object: Record<string, never>;
  missing_field: { field: 'id' | 'text' | 'themes' | 'irritants' | 'enchantements' | 'intentions' | 'tonalite'; allowed?: string[] };
  duplicate_id: { id: string; line: number };
  not_label_list: { field: string };
  bad_tonality: { value: string; allowed: string[] };
}
export type GoldIssueCode = keyof GoldIssueParams;
export type GoldIssueProblem = { [C in GoldIssueCode]: { code: C; params: GoldIssueParams[C] } }[GoldIssueCode];
type GoldCatalogue = { [C in GoldIssueCode]: (p: GoldIssueParams[C]) => { message: string; hint: string } };

const goldEn: GoldCatalogue = {
  invalid_json: ({ detail }) => ({ message: `not valid JSON: ${detail}`, hint: 'each line must be one complete JSON object' }),
  not_object: () => ({ message: 'a line must hold a JSON object', hint: '{"id": "…", "text": "…", "themes": […], …}' }),
  missing_field: ({ field, allowed }) => ({
    message: `missing "${field}"`,
    hint: field === 'id' ? 'add a unique "id" string' : field === 'text' ? 'add the verbatim as a "text" string' : field === 'tonalite' ? `add "tonalite": one of ${(allowed ?? []).join(', ')}` : `add "${field}": [] when the verbatim has none`,
  }),
  duplicate_id: ({ id, line }) => ({ message: `duplicate id "${id}" (first on line ${line})`, hint: 'ids must be unique' }),
  not_label_list: ({ field }) => ({ message: `"${field}" must be a list of label ids`, hint: `e.g. "${field}": ["…"]` }),
  bad_tonality: ({ value, allowed }) => ({ message: `bad "tonalite" ${value}`, hint: `use one of ${allowed.join(', ')}` }),
};

const goldFr: GoldCatalogue = {
  invalid_json: ({ detail }) => ({ message: `JSON invalide : ${detail}`, hint: 'chaque ligne doit contenir un objet JSON complet' }),
  not_object: () => ({ message: 'une ligne doit contenir un objet JSON', hint: '{"id": "…", "text": "…", "themes": […], …}' }),
  missing_field: ({ field, allowed }) => ({
    message: `champ "${field}" absent`,
    hint: field === 'id' ? 'ajoutez un "id" unique (un texte)' : field === 'text' ? 'ajoutez le verbatim dans un champ "text"' : field === 'tonalite' ? `ajoutez "tonalite" : l'une des valeurs ${(allowed ?? []).join(', ')}` : `ajoutez "${field}": [] quand le verbatim n'en a pas`,
  }),
  duplicate_id: ({ id, line }) => ({ message: `identifiant en double "${id}" (déjà à la ligne ${line})`, hint: 'les identifiants doivent être uniques' }),
  not_label_list: ({ field }) => ({ message: `"${field}" doit être une liste d'identifiants d'étiquettes`, hint: `par exemple "${field}": ["…"]` }),
  bad_tonality: ({ value, allowed }) => ({ message: `"tonalite" invalide : ${value}`, hint: `utilisez l'une des valeurs ${allowed.join(', ')}` }),
};

export const GOLD_ISSUE_MESSAGES: Readonly<Record<'fr' | 'en', GoldCatalogue>> = { en: goldEn, fr: goldFr };

function goldProblem<C extends GoldIssueCode>(code: C, params: GoldIssueParams[C]): GoldIssueProblem & { message: string; hint: string } {
  return { code, params, ...goldEn[code](params) } as GoldIssueProblem & { message: string; hint: string };
}

/** What a gold issue says in `lang` (default English); an issue without code keeps its own words. */
export function describeGoldIssue(issue: GoldIssue, lang: 'fr' | 'en' = 'en'): { message: string; hint: string } {
  if (issue.code === undefined) return { message: issue.message, hint: issue.hint };
  return (GOLD_ISSUE_MESSAGES[lang][issue.code] as (p: unknown) => { message: string; hint: string })(issue.params);
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
  if (typeof text !== 'string') throw expectedError('the JSONL text of a gold file', typeof text);
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
      issues.push({ file, line, ...goldProblem('invalid_json', { detail: (err as Error).message }) });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ file, line, ...goldProblem('not_object', {}) });
      return;
    }
    const o = value as Record<string, unknown>;
    const id = typeof o['id'] === 'string' && o['id'] !== '' ? o['id'] : typeof o['id'] === 'number' ? String(o['id']) : undefined;
    const problems: Array<ReturnType<typeof goldProblem>> = [];
    if (id === undefined) problems.push(goldProblem('missing_field', { field: 'id' }));
    else if (seen.has(id)) problems.push(goldProblem('duplicate_id', { id, line: seen.get(id) as number }));
    else seen.set(id, line);
    if (typeof o['text'] !== 'string') problems.push(goldProblem('missing_field', { field: 'text' }));
    const labels: Partial<Record<EvalFamily, string[]>> = {};
    for (const [f, family] of LABEL_FIELDS) {
      const v = o[f];
      if (v === undefined) problems.push(goldProblem('missing_field', { field: f }));
      else if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) problems.push(goldProblem('not_label_list', { field: f }));
      else labels[family] = v as string[];
    }
    const tone = o['tonalite'];
    if (tone === undefined) problems.push(goldProblem('missing_field', { field: 'tonalite', allowed: [...TONALITIES] }));
    else if (typeof tone !== 'string' || !TONALITIES.includes(tone as Tonality)) problems.push(goldProblem('bad_tonality', { value: String(JSON.stringify(tone)), allowed: [...TONALITIES] }));
    if (problems.length > 0) {
      for (const problem of problems) issues.push(id !== undefined ? { file, line, id, ...problem } : { file, line, ...problem });
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
