// Categories read from a foreign dictionary → one lexicon layer. How names
// nest decides the kinds (docs in README § Dictionaries from other tools):
// - by default, a top-level key is a theme and a key under it a concept of
//   that theme; deeper keys are flattened into concepts of the top theme;
// - `theme` (an id) makes every category a concept of that theme (or of the
//   kind given), `kind` gives the kind of every category that holds words.
// Ids already defined by the lexicons below (`over`) are extended (same kind:
// a patch with addTerms) or renamed (another kind).
import type { EntryKind } from '../../types.js';
import type { Lexicon, LexiconDocument, LexiconEntryInput, LexiconIssue } from '../types.js';
import { didYouMean, ID_PATTERN } from '../validate.js';
import { issueAt, type Category, type DictionaryFormat, type SourceTerm } from './model.js';
import { isIdSegment, slugify } from './terms.js';
import { lexiconProblem as P, type Flattened, type LexiconProblem } from '../messages.js';

export interface BuildOptions {
  file: string;
  format: DictionaryFormat;
  kind?: EntryKind;
  theme?: string;
  over?: Lexicon;
}

interface Planned {
  id: string;
  kind: EntryKind;
  label: string;
  /** Parent (concept) or theme (irritant, enchantment, intent), as a key into `themeIds` or a final id. */
  themeRef?: { path: string } | { id: string; line: number; column: number };
  terms: SourceTerm[];
  line: number;
  column: number;
  /** A group (a key holding keys): kept without words. */
  group: boolean;
  pathKey: string;
  /** The kind was asked for (a CSV column, `kind`): an id of another kind below is avoided, not extended. */
  kindGiven?: boolean;
}

const pathKeyOf = (names: readonly string[]): string => names.join('\u0000');
const fold = (term: string): string => term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function buildLayer(categories: readonly Category[], options: BuildOptions): { lexicon: LexiconDocument; warnings: LexiconIssue[]; errors: LexiconIssue[] } {
  const { file } = options;
  const warnings: LexiconIssue[] = [];
  const errors: LexiconIssue[] = [];
  const warn = (line: number, column: number, problem: LexiconProblem, path = ''): void => {
    warnings.push(issueAt(file, line, column, problem, path));
  };

  // Keys holding keys.
  const parents = new Set<string>();
  for (const c of categories) for (let d = 1; d < c.names.length; d += 1) parents.add(pathKeyOf(c.names.slice(0, d)));

  // Each name as an id segment, warned once per category whose own name is not one.
  const segment = (name: string, c: Category, own: boolean): string => {
    const trimmed = name.trim();
    // A CSV id may be dotted (livraison.delai); a key of a nested dictionary is one segment.
    if (c.flat === true ? ID_PATTERN.test(trimmed) : isIdSegment(trimmed)) return trimmed;
    const slug = slugify(trimmed) || `categorie_${c.line}`;
    if (own) {
      warn(c.line, c.column, P('category_not_id', { name: trimmed, slug }), trimmed);
    }
    return slug;
  };
  const joined = (c: Category, names: readonly string[]): string => names.map((n, i) => segment(n, c, i === c.names.length - 1)).join('.');

  const planned: Planned[] = [];
  for (const c of categories) {
    const depth = c.names.length;
    const group = parents.has(pathKeyOf(c.names));
    const name = (c.names[depth - 1] ?? '').trim();
    const title = c.label ?? name;
    const base = { terms: c.terms, line: c.line, column: c.column, group, pathKey: pathKeyOf(c.names) };
    const flatten = (flattened: Flattened): void => {
      warn(c.line, c.column, P('nested_too_deep', { names: c.names.join(' › '), depth, flattened }), c.names.join(' › '));
    };
    if (c.flat === true) {
      // A CSV row: its own kind and theme, else the options'.
      const id = segment(name, c, true);
      const themeName = c.theme ?? options.theme;
      const kind = c.kind ?? options.kind ?? (themeName !== undefined ? 'concept' : 'theme');
      const entry: Planned = { ...base, id, kind, label: c.label ?? name, kindGiven: (c.kind ?? options.kind) !== undefined };
      if (themeName !== undefined) {
        if (kind === 'theme') {
          warn(c.line, c.column, P('theme_with_theme_column', { id, theme: themeName }));
        } else entry.themeRef = { id: slugify(themeName) || themeName, line: c.line, column: c.column };
      } else if (kind === 'concept') {
        errors.push(issueAt(file, c.line, c.column, P('concept_without_theme_column', { id })));
        continue;
      }
      planned.push(entry);
      continue;
    }
    const { kind, theme } = options;
    if (theme !== undefined) {
      // Every category that holds words joins the theme given.
      if (c.terms.length === 0 && group) continue;
      const k = kind ?? 'concept';
      if (k === 'theme') throw new TypeError('verbatim-fr: options.theme does not apply to kind "theme" (a theme has no theme)');
      if (depth > 1) flatten(k === 'concept' ? { into: 'conceptOf', theme } : { into: 'one', kind: k });
      const path = joined(c, c.names);
      planned.push({ ...base, id: k === 'concept' ? `${theme}.${path}` : path, kind: k, label: depth === 1 ? title : c.names.map((n) => n.trim()).join(' › '), themeRef: { id: theme, line: 0, column: 0 } });
      continue;
    }
    if (kind === 'theme') {
      if (c.terms.length === 0 && group) continue;
      if (depth > 1) flatten({ into: 'ownTheme' });
      planned.push({ ...base, id: joined(c, c.names), kind: 'theme', label: depth === 1 ? title : c.names.map((n) => n.trim()).join(' › ') });
      continue;
    }
    const top = c.names.slice(0, 1);
    if (depth === 1) {
      if (kind === undefined || group) {
        // A top-level key: a theme (its words, if any, count for it; its keys' words count for it too).
        planned.push({ ...base, id: segment(name, c, true), kind: 'theme', label: title, terms: kind === undefined ? c.terms : [] });
        if (kind !== undefined && c.terms.length > 0) {
          // Words of its own, beside its keys: an entry of the kind asked for, in the theme.
          planned.push({ ...base, group: false, id: `${segment(name, c, false)}.${kind}`, kind, label: title, themeRef: { path: pathKeyOf(top) } });
        }
        continue;
      }
      if (kind === 'concept') {
        errors.push(issueAt(file, c.line, c.column, P('concept_without_theme_key', { name }), name));
        continue;
      }
      planned.push({ ...base, id: segment(name, c, true), kind, label: title });
      continue;
    }
    if (depth > 2) flatten({ into: 'kindOf', ...(kind !== undefined ? { kind } : {}), theme: top[0]?.trim() ?? '' });
    if (c.terms.length === 0 && group) continue;
    planned.push({
      ...base,
      id: joined(c, c.names),
      kind: kind ?? 'concept',
      label: c.names.slice(1).map((n) => n.trim()).join(' › '),
      themeRef: { path: pathKeyOf(top) },
    });
  }

  // Final ids: unique in the layer, and clear of the lower layers' ids of another kind.
  const below = new Map<string, EntryKind>();
  for (const e of options.over?.entries ?? []) below.set(e.id, e.kind);
  const taken = new Map<string, Planned>();
  const themeIds = new Map<string, string>();
  const entries: Array<{ plan: Planned; patch: boolean }> = [];
  const rows = categories.some((c) => c.flat === true);
  const unique = (id: string): string => {
    if (!taken.has(id) && !below.has(id)) return id;
    for (let n = 2; ; n += 1) if (!taken.has(`${id}_${n}`) && !below.has(`${id}_${n}`)) return `${id}_${n}`;
  };
  for (const plan of planned) {
    const first = taken.get(plan.id);
    if (first !== undefined && rows) {
      // CSV rows of one id make one entry.
      if (first.kind !== plan.kind) {
        warn(plan.line, plan.column, P('kind_differs', { id: plan.id, kind: plan.kind, firstKind: first.kind, line: first.line }));
      } else if (JSON.stringify(first.themeRef) !== JSON.stringify(plan.themeRef) && plan.themeRef !== undefined && first.themeRef !== undefined
        && 'id' in plan.themeRef && 'id' in first.themeRef && plan.themeRef.id !== first.themeRef.id) {
        warn(plan.line, plan.column, P('theme_differs', { id: plan.id, theme: plan.themeRef.id, firstTheme: first.themeRef.id, line: first.line }));
      }
      first.terms = [...first.terms, ...plan.terms];
      continue;
    }
    let id = plan.id;
    const lower = below.get(id);
    let patch = false;
    if (first !== undefined) {
      id = unique(id);
      warn(plan.line, plan.column, P('id_taken', { id: plan.id, line: first.line, written: id }));
    } else if (lower !== undefined && (lower === plan.kind || !(plan.kindGiven ?? options.kind !== undefined))) {
      patch = true;
      plan.kind = lower;
      if (plan.terms.length > 0) {
        warn(plan.line, plan.column, P('added_to_default', { kind: plan.kind, id }));
      }
    } else if (lower !== undefined) {
      id = unique(`${id}_${plan.kind}`);
      warn(plan.line, plan.column, P('kind_in_default', { id: plan.id, below: lower, kind: plan.kind, written: id }));
    }
    plan.id = id;
    taken.set(plan.id, plan);
    if (plan.kind === 'theme') themeIds.set(plan.pathKey, id);
    entries.push({ plan, patch });
  }

  // Theme references: to a theme of this layer or of the lower ones.
  const themesHere = new Set([...taken.values()].filter((p) => p.kind === 'theme').map((p) => p.id));
  const themesBelow = [...below].filter(([, kind]) => kind === 'theme').map(([id]) => id);
  const reported = new Set<string>();
  const out: LexiconEntryInput[] = [];
  for (const { plan, patch } of entries) {
    const terms = dedupe(plan, warn);
    if (terms.length === 0 && !plan.group) {
      warn(plan.line, plan.column, P('nothing_to_match', { label: plan.label }), plan.label);
      continue;
    }
    if (patch) {
      if (terms.length > 0) out.push({ id: plan.id, addTerms: terms });
      continue;
    }
    const entry: LexiconEntryInput = { id: plan.id, kind: plan.kind, label: plan.label || plan.id };
    const ref = plan.themeRef;
    if (ref !== undefined) {
      const themeId = 'path' in ref ? themeIds.get(ref.path) : ref.id;
      if (themeId !== undefined) {
        const known = themesHere.has(themeId) || themesBelow.includes(themeId) || options.over === undefined;
        if (!known && !reported.has(`${themeId}:${'line' in ref ? ref.line : 0}`)) {
          reported.add(`${themeId}:${'line' in ref ? ref.line : 0}`);
          const guess = didYouMean(themeId, [...themesHere, ...themesBelow]);
          const line = 'line' in ref ? ref.line : 0;
          errors.push(issueAt(file, line, 'column' in ref ? ref.column : 0, P('unknown_import_theme', { theme: themeId, option: line === 0, ...(guess !== undefined ? { guess } : {}), below: themesBelow.slice(0, 9) }),
            line === 0 ? 'options.theme' : ''));
        }
        if (plan.kind === 'concept') entry.parent = themeId;
        else entry.theme = themeId;
      }
    }
    if (terms.length > 0) entry.terms = terms;
    out.push(entry);
  }
  return { lexicon: { version: 1, entries: out }, warnings, errors };
}

/** The entry's terms once each (as the matcher folds them: case and accents aside), the repeats warned. */
function dedupe(plan: Planned, warn: (line: number, column: number, problem: LexiconProblem, path?: string) => void): string[] {
  const seen = new Map<string, SourceTerm>();
  const terms: string[] = [];
  for (const t of plan.terms) {
    const key = fold(t.term);
    const first = seen.get(key);
    if (first !== undefined) {
      warn(t.line, t.column, P('duplicate_import_term', { term: t.term, label: plan.label, line: first.line }), plan.label);
      continue;
    }
    seen.set(key, t);
    terms.push(t.term);
  }
  return terms;
}
