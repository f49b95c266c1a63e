// Structural checks of one lexicon document (one layer). Cross-layer checks
// (unknown parent, patch of an unknown id) happen in compose.ts.
import { ENTRY_KINDS } from '../types.js';
import type { LexiconDocument, LexiconIssue } from './types.js';
import { makeIssue, type PathSegment, type SourceInfo } from './source.js';
import { lexiconProblem as P, type FieldPlace, type FoundValue, type LexiconProblem } from './messages.js';
import { parseTerm } from './term.js';
import { durationMinutes } from './duration.js';

const STAGES = ['avant', 'pendant', 'apres'];
const POLICIES = ['cancel', 'keep'];
export const ID_PATTERN = /^[a-z0-9_.]+$/;

const TOP_FIELDS = ['$schema', 'version', 'lang', 'entries', 'sentiment', 'negation', 'modality', 'implied', 'channels', 'sms', 'stopwords'];
const IMPLIED_FIELDS = ['id', 'duration', 'under', 'increase', 'near', 'cues'];
const ENTRY_FIELDS = [
  'id', 'kind', 'label', 'description', 'stage', 'parent', 'theme', 'terms', 'exclude',
  'onNegation', 'negatedAs', 'tag', 'addTerms', 'removeTerms', 'addExclude', 'disabled', 'replace', 'residual', 'onModality',
];
const PATCH_ONLY = ['addTerms', 'removeTerms', 'addExclude'];
const PATCH_ALLOWED = new Set(['id', 'label', 'description', 'onNegation', 'onModality', 'negatedAs', 'disabled', ...PATCH_ONLY]);
const SENTIMENT_FIELDS = ['words', 'facts', 'intensifiers', 'irritantWeight', 'enchantmentWeight', 'sarcasm', 'turns'];
const NEGATION_FIELDS = ['negators', 'window', 'breaks'];
const MODALITY_FIELDS = ['promise', 'unreal', 'kept', 'hypothetical', 'promiseAs', 'window'];
const CHANNEL_FIELDS = ['id', 'label', 'aliases'];
const STOPWORD_FIELDS = ['add', 'remove'];

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest known name, when it is close enough to be a typo. */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestScore) {
      best = k;
      bestScore = d;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What a value is, for a message to name it ("a list", "number 3") in any language. */
export function found(v: unknown): FoundValue {
  if (v === null) return { type: 'null' };
  if (Array.isArray(v)) return { type: 'list' };
  if (typeof v === 'object') return { type: 'mapping' };
  return { type: typeof v, json: String(JSON.stringify(v)) };
}

class Checker {
  readonly issues: LexiconIssue[] = [];
  constructor(readonly source: SourceInfo) {}

  add(path: PathSegment[], problem: LexiconProblem, entryId?: string, atKey = false): void {
    this.issues.push(makeIssue(this.source, path, problem, entryId, atKey));
  }

  fields(value: Record<string, unknown>, path: PathSegment[], known: readonly string[], place: FieldPlace, entryId?: string): void {
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const guess = didYouMean(key, known);
      this.add([...path, key], P('unknown_field', { key, place, ...(guess !== undefined ? { guess } : {}), known: [...known] }), entryId, true);
    }
  }

  stringList(value: unknown, path: PathSegment[], what: string, entryId?: string): value is string[] {
    if (!Array.isArray(value)) {
      this.add(path, P('not_string_list', { field: what, found: found(value) }), entryId);
      return false;
    }
    let ok = true;
    value.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') {
        ok = false;
        this.add([...path, i], P('bad_list_item', { field: what, found: found(item) }), entryId);
      }
    });
    return ok;
  }

  terms(value: unknown, path: PathSegment[], what: string, entryId: string | undefined): void {
    if (!Array.isArray(value)) {
      this.add(path, P('not_term_list', { field: what, found: found(value) }), entryId);
      return;
    }
    value.forEach((term, i) => {
      const parsed = parseTerm(term);
      if (!parsed.ok) for (const p of parsed.problems) this.add([...path, i], p, entryId);
    });
  }

  enumValue(value: unknown, path: PathSegment[], allowed: readonly string[], what: string, entryId?: string): boolean {
    if (typeof value === 'string' && allowed.includes(value)) return true;
    const guess = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
    const seen = typeof value === 'string' ? { value } : { found: found(value) };
    this.add(path, P('unknown_value', { field: what, ...seen, ...(guess !== undefined ? { guess } : {}), allowed: [...allowed] }), entryId);
    return false;
  }

  idRef(value: unknown, path: PathSegment[], what: string, entryId?: string): void {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      this.add(path, P('not_entry_id', { field: what, found: found(value) }), entryId);
    }
  }
}

function checkEntry(c: Checker, entry: unknown, i: number, seen: Map<string, number>): void {
  const path: PathSegment[] = ['entries', i];
  if (!isRecord(entry)) {
    c.add(path, P('entry_not_mapping', { n: i + 1, found: found(entry) }));
    return;
  }
  const rawId = entry['id'];
  let id: string | undefined;
  if (rawId === undefined) {
    c.add(path, P('entry_without_id', { n: i + 1 }));
  } else if (typeof rawId !== 'string' || !ID_PATTERN.test(rawId)) {
    c.add([...path, 'id'], P('bad_id', { found: found(rawId) }));
  } else {
    id = rawId;
    const first = seen.get(id);
    if (first !== undefined) {
      const at = c.source.locate(['entries', first, 'id']);
      c.add([...path, 'id'], P('duplicate_id', { id, ...(at.line > 0 ? { line: at.line } : {}), index: first }), id);
    } else {
      seen.set(id, i);
    }
  }
  c.fields(entry, path, ENTRY_FIELDS, id !== undefined ? { of: 'entry', id } : { of: 'anEntry' }, id);

  const kind = entry['kind'];
  if (kind === undefined) {
    // A patch of an entry from an earlier layer.
    if (entry['replace'] === true) {
      c.add([...path, 'replace'], P('replace_without_kind', { id: id ?? '?' }), id);
    }
    for (const key of Object.keys(entry)) {
      if (PATCH_ALLOWED.has(key) || !ENTRY_FIELDS.includes(key) || key === 'replace') continue;
      c.add([...path, key], P('field_in_patch', { key, id: id ?? '?' }), id, true);
    }
  } else if (c.enumValue(kind, [...path, 'kind'], ENTRY_KINDS, 'kind', id)) {
    for (const key of PATCH_ONLY) {
      if (key in entry) c.add([...path, key], P('patch_field_in_definition', { key, id: id ?? '?' }), id);
    }
    if (kind === 'concept') {
      if (entry['parent'] === undefined) c.add(path, P('concept_without_parent', { id: id ?? '?' }), id);
      if (entry['theme'] !== undefined) c.add([...path, 'theme'], P('concept_with_theme', { id: id ?? '?' }), id);
    } else if (entry['parent'] !== undefined) {
      c.add([...path, 'parent'], P('unexpected_parent', { kind: String(kind), id: id ?? '?' }), id);
    }
    if (kind === 'theme' && entry['theme'] !== undefined) c.add([...path, 'theme'], P('theme_with_theme', { id: id ?? '?' }), id);
    if (kind !== 'theme' && entry['stage'] !== undefined) c.add([...path, 'stage'], P('stage_not_on_theme', { kind: String(kind), id: id ?? '?' }), id);
  }
  if (entry['label'] !== undefined && (typeof entry['label'] !== 'string' || entry['label'].trim() === '')) {
    c.add([...path, 'label'], P('label_not_text', { id: id ?? '?' }), id);
  }
  if (entry['description'] !== undefined && typeof entry['description'] !== 'string') {
    c.add([...path, 'description'], P('description_not_text', { id: id ?? '?' }), id);
  }
  if (entry['stage'] !== undefined) c.enumValue(entry['stage'], [...path, 'stage'], STAGES, 'stage', id);
  if (entry['onNegation'] !== undefined) c.enumValue(entry['onNegation'], [...path, 'onNegation'], POLICIES, 'onNegation', id);
  if (entry['onModality'] !== undefined) c.enumValue(entry['onModality'], [...path, 'onModality'], POLICIES, 'onModality', id);
  if (entry['parent'] !== undefined) c.idRef(entry['parent'], [...path, 'parent'], 'parent', id);
  if (entry['theme'] !== undefined) c.idRef(entry['theme'], [...path, 'theme'], 'theme', id);
  if (entry['tag'] !== undefined && (typeof entry['tag'] !== 'string' || !ID_PATTERN.test(entry['tag']))) {
    c.add([...path, 'tag'], P('tag_not_id', { id: id ?? '?' }), id);
  }
  if (entry['negatedAs'] !== undefined && entry['negatedAs'] !== null) c.idRef(entry['negatedAs'], [...path, 'negatedAs'], 'negatedAs', id);
  if (entry['residual'] !== undefined) {
    if (typeof entry['residual'] !== 'boolean') c.add([...path, 'residual'], P('residual_not_boolean', {}), id);
    else if (entry['residual'] && kind !== undefined && kind !== 'irritant') {
      c.add([...path, 'residual'], P('residual_not_irritant', { kind: String(kind), id: id ?? '?' }), id);
    }
  }
  for (const key of ['disabled', 'replace']) {
    if (entry[key] !== undefined && typeof entry[key] !== 'boolean') c.add([...path, key], P('flag_not_boolean', { key }), id);
  }
  for (const key of ['terms', 'exclude', 'addTerms', 'addExclude']) {
    if (entry[key] !== undefined) c.terms(entry[key], [...path, key], key, id);
  }
  if (entry['removeTerms'] !== undefined) c.stringList(entry['removeTerms'], [...path, 'removeTerms'], 'removeTerms', id);
}

function checkNumberMap(c: Checker, value: unknown, path: PathSegment[], what: string, range: [number, number]): void {
  if (!isRecord(value)) {
    c.add(path, P('not_number_map', { field: what, found: found(value) }));
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < range[0] || v > range[1]) {
      c.add([...path, key], P('number_out_of_range', { field: what, key, min: range[0], max: range[1], found: found(v) }));
    }
    if (key.startsWith('stem:') && key.length === 5) c.add([...path, key], P('empty_stem', { field: what }));
  }
}

function checkSections(c: Checker, data: Record<string, unknown>): void {
  const s = data['sentiment'];
  if (s !== undefined) {
    if (!isRecord(s)) c.add(['sentiment'], P('section_not_mapping', { section: 'sentiment' }));
    else {
      c.fields(s, ['sentiment'], SENTIMENT_FIELDS, { of: 'section', name: 'sentiment' });
      if (s['words'] !== undefined) checkNumberMap(c, s['words'], ['sentiment', 'words'], 'sentiment.words', [-3, 3]);
      if (s['facts'] !== undefined) checkNumberMap(c, s['facts'], ['sentiment', 'facts'], 'sentiment.facts', [-3, 3]);
      if (s['intensifiers'] !== undefined) checkNumberMap(c, s['intensifiers'], ['sentiment', 'intensifiers'], 'sentiment.intensifiers', [-3, 5]);
      for (const key of ['words', 'facts', 'intensifiers']) {
        const map = s[key];
        if (!isRecord(map)) continue;
        for (const w of Object.keys(map)) {
          if (w.trim() === '') c.add(['sentiment', key, w], P('empty_sentiment_key', { field: `sentiment.${key}` }));
          else if (w.includes('|') || w.includes('{') || w.includes('*')) {
            c.add(['sentiment', key, w], P('sentiment_key_term_syntax', { field: `sentiment.${key}`, key: w }));
          } else if (w.startsWith('stem:') && (key !== 'words' || /\s/.test(w.trim()))) {
            c.add(['sentiment', key, w], P('sentiment_key_stem', { field: `sentiment.${key}`, key: w }));
          }
        }
      }
      for (const key of ['sarcasm', 'turns']) if (s[key] !== undefined) c.stringList(s[key], ['sentiment', key], `sentiment.${key}`);
      for (const key of ['irritantWeight', 'enchantmentWeight']) {
        const v = s[key];
        if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) c.add(['sentiment', key], P('not_number', { field: `sentiment.${key}`, key }));
      }
    }
  }
  const n = data['negation'];
  if (n !== undefined) {
    if (!isRecord(n)) c.add(['negation'], P('section_not_mapping', { section: 'negation' }));
    else {
      c.fields(n, ['negation'], NEGATION_FIELDS, { of: 'section', name: 'negation' });
      if (n['negators'] !== undefined) c.stringList(n['negators'], ['negation', 'negators'], 'negation.negators');
      if (n['breaks'] !== undefined) c.stringList(n['breaks'], ['negation', 'breaks'], 'negation.breaks');
      const w = n['window'];
      if (w !== undefined && (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > 10)) {
        c.add(['negation', 'window'], P('window_out_of_range', { field: 'negation.window', found: found(w), fallback: 4 }));
      }
    }
  }
  const m = data['modality'];
  if (m !== undefined) {
    if (!isRecord(m)) c.add(['modality'], P('section_not_mapping', { section: 'modality' }));
    else {
      c.fields(m, ['modality'], MODALITY_FIELDS, { of: 'section', name: 'modality' });
      for (const key of ['promise', 'unreal', 'kept', 'hypothetical']) if (m[key] !== undefined) c.stringList(m[key], ['modality', key], `modality.${key}`);
      const w = m['window'];
      if (w !== undefined && (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > 10)) {
        c.add(['modality', 'window'], P('window_out_of_range', { field: 'modality.window', found: found(w), fallback: 6 }));
      }
      const as = m['promiseAs'];
      if (as !== undefined && as !== null && (typeof as !== 'string' || !ID_PATTERN.test(as))) {
        c.add(['modality', 'promiseAs'], P('promise_as_not_id', { found: found(as) }));
      }
    }
  }
  const implied = data['implied'];
  if (implied !== undefined) {
    if (!Array.isArray(implied)) c.add(['implied'], P('implied_not_list', {}));
    else {
      implied.forEach((rule, i) => {
        const path: PathSegment[] = ['implied', i];
        if (!isRecord(rule)) {
          c.add(path, P('implied_rule_not_mapping', { n: i + 1 }));
          return;
        }
        c.fields(rule, path, IMPLIED_FIELDS, { of: 'impliedRule', n: i + 1 });
        if (typeof rule['id'] !== 'string' || !ID_PATTERN.test(rule['id'])) c.add([...path, 'id'], P('implied_rule_without_id', { n: i + 1 }));
        const hasDuration = rule['duration'] !== undefined;
        const hasIncrease = rule['increase'] !== undefined;
        if (hasDuration === hasIncrease) c.add(path, P('implied_rule_duration_or_increase', { n: i + 1 }));
        if (hasDuration && (typeof rule['duration'] !== 'string' || durationMinutes(rule['duration']) === undefined)) {
          c.add([...path, 'duration'], P('implied_rule_bad_duration', { n: i + 1, found: found(rule['duration']) }));
        }
        if (rule['under'] !== undefined && (!hasDuration || typeof rule['under'] !== 'string' || durationMinutes(rule['under']) === undefined)) {
          c.add([...path, 'under'], P('implied_rule_bad_under', { n: i + 1 }));
        }
        if (hasIncrease && (typeof rule['increase'] !== 'number' || !Number.isFinite(rule['increase']) || rule['increase'] <= 0)) {
          c.add([...path, 'increase'], P('implied_rule_bad_increase', { n: i + 1, found: found(rule['increase']) }));
        }
        if (rule['near'] === undefined) c.add(path, P('implied_rule_without_near', { n: i + 1 }));
        else c.stringList(rule['near'], [...path, 'near'], 'near');
        if (rule['cues'] !== undefined) c.stringList(rule['cues'], [...path, 'cues'], 'cues');
      });
    }
  }
  const ch = data['channels'];
  if (ch !== undefined) {
    if (!Array.isArray(ch)) c.add(['channels'], P('channels_not_list', {}));
    else {
      const ids = new Map<string, number>();
      ch.forEach((item, i) => {
        const path: PathSegment[] = ['channels', i];
        if (!isRecord(item)) {
          c.add(path, P('channel_not_mapping', { n: i + 1 }));
          return;
        }
        c.fields(item, path, CHANNEL_FIELDS, { of: 'channel' });
        const id = item['id'];
        if (typeof id !== 'string' || !ID_PATTERN.test(id)) c.add([...path, 'id'], P('channel_bad_id', { n: i + 1 }));
        else if (ids.has(id)) c.add([...path, 'id'], P('duplicate_channel', { id }));
        else ids.set(id, i);
        if (item['label'] !== undefined && typeof item['label'] !== 'string') c.add([...path, 'label'], P('channel_label_not_text', {}));
        if (item['aliases'] !== undefined) c.stringList(item['aliases'], [...path, 'aliases'], 'aliases');
      });
    }
  }
  const sms = data['sms'];
  if (sms !== undefined) {
    if (!isRecord(sms)) c.add(['sms'], P('sms_not_mapping', {}));
    else
      for (const [key, v] of Object.entries(sms)) {
        if (typeof v !== 'string' || v.trim() === '') c.add(['sms', key], P('sms_not_text', { key }));
      }
  }
  const sw = data['stopwords'];
  if (sw !== undefined) {
    if (!isRecord(sw)) c.add(['stopwords'], P('stopwords_not_mapping', {}));
    else {
      c.fields(sw, ['stopwords'], STOPWORD_FIELDS, { of: 'section', name: 'stopwords' });
      if (sw['add'] !== undefined) c.stringList(sw['add'], ['stopwords', 'add'], 'stopwords.add');
      if (sw['remove'] !== undefined) c.stringList(sw['remove'], ['stopwords', 'remove'], 'stopwords.remove');
    }
  }
}

/** Checks plain data against the format; returns every issue found. */
export function validateLexiconData(data: unknown, source: SourceInfo): LexiconIssue[] {
  const c = new Checker(source);
  if (!isRecord(data)) {
    c.add([], P('lexicon_not_mapping', { found: found(data) }));
    return c.issues;
  }
  c.fields(data, [], TOP_FIELDS, { of: 'lexicon' });
  if (data['version'] === undefined) c.add([], P('missing_version', {}));
  else if (data['version'] !== 1) c.add(['version'], P('unsupported_version', { found: found(data['version']) }));
  if (data['lang'] !== undefined && typeof data['lang'] !== 'string') c.add(['lang'], P('lang_not_text', {}));
  const entries = data['entries'];
  if (entries !== undefined && entries !== null) {
    if (!Array.isArray(entries)) c.add(['entries'], P('entries_not_list', { found: found(entries) }));
    else {
      const seen = new Map<string, number>();
      entries.forEach((e, i) => checkEntry(c, e, i, seen));
    }
  }
  checkSections(c, data);
  return c.issues;
}

export function asDocument(data: unknown): LexiconDocument {
  const doc = { ...(data as LexiconDocument) };
  if ((doc as { entries?: unknown }).entries === null) delete doc.entries;
  return doc;
}
