// Structural checks of one lexicon document (one layer). Cross-layer checks
// (unknown parent, patch of an unknown id) happen in compose.ts.
import { ENTRY_KINDS } from '../types.js';
import type { LexiconDocument, LexiconIssue } from './types.js';
import { makeIssue, type PathSegment, type SourceInfo } from './source.js';
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

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}

class Checker {
  readonly issues: LexiconIssue[] = [];
  constructor(readonly source: SourceInfo) {}

  add(path: PathSegment[], message: string, hint: string, entryId?: string, atKey = false): void {
    this.issues.push(makeIssue(this.source, path, message, hint, entryId, atKey));
  }

  fields(value: Record<string, unknown>, path: PathSegment[], known: readonly string[], what: string, entryId?: string): void {
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const guess = didYouMean(key, known);
      this.add(
        [...path, key],
        `unknown field "${key}" in ${what}`,
        guess !== undefined ? `did you mean "${guess}"?` : `known fields: ${known.join(', ')}`,
        entryId,
        true,
      );
    }
  }

  stringList(value: unknown, path: PathSegment[], what: string, entryId?: string): value is string[] {
    if (!Array.isArray(value)) {
      this.add(path, `${what} must be a list of strings, got ${typeName(value)}`, `write ${what}: [a, b]`, entryId);
      return false;
    }
    let ok = true;
    value.forEach((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') {
        ok = false;
        this.add([...path, i], `${what} item must be a non-empty string, got ${typeName(item)}`, 'quote the value, or remove the empty item', entryId);
      }
    });
    return ok;
  }

  terms(value: unknown, path: PathSegment[], what: string, entryId: string | undefined): void {
    if (!Array.isArray(value)) {
      this.add(path, `${what} must be a list of terms, got ${typeName(value)}`, `write ${what}: [mot, autre mot]`, entryId);
      return;
    }
    value.forEach((term, i) => {
      const parsed = parseTerm(term);
      if (!parsed.ok) for (const p of parsed.problems) this.add([...path, i], p.message, p.hint, entryId);
    });
  }

  enumValue(value: unknown, path: PathSegment[], allowed: readonly string[], what: string, entryId?: string): boolean {
    if (typeof value === 'string' && allowed.includes(value)) return true;
    const guess = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
    this.add(
      path,
      `unknown ${what} ${typeof value === 'string' ? `"${value}"` : typeName(value)}`,
      `${guess !== undefined ? `did you mean "${guess}"? ` : ''}use one of: ${allowed.join(', ')}`,
      entryId,
    );
    return false;
  }

  idRef(value: unknown, path: PathSegment[], what: string, entryId?: string): void {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      this.add(path, `${what} must be an entry id, got ${typeName(value)}`, 'ids use lowercase ascii letters, digits, _ and .', entryId);
    }
  }
}

function checkEntry(c: Checker, entry: unknown, i: number, seen: Map<string, number>): void {
  const path: PathSegment[] = ['entries', i];
  if (!isRecord(entry)) {
    c.add(path, `entry #${i + 1} must be a mapping, got ${typeName(entry)}`, 'write each entry as "- id: …" followed by its fields');
    return;
  }
  const rawId = entry['id'];
  let id: string | undefined;
  if (rawId === undefined) {
    c.add(path, `entry #${i + 1} has no id`, 'add "id: some_id" (lowercase ascii, digits, _ and .)');
  } else if (typeof rawId !== 'string' || !ID_PATTERN.test(rawId)) {
    c.add([...path, 'id'], `bad id ${typeName(rawId)}`, 'ids use lowercase ascii letters, digits, _ and . (e.g. livraison.delai)');
  } else {
    id = rawId;
    const first = seen.get(id);
    if (first !== undefined) {
      const at = c.source.locate(['entries', first, 'id']);
      c.add([...path, 'id'], `duplicate id "${id}"`, `"${id}" is already defined${at.line > 0 ? ` at line ${at.line}` : ` in entries[${first}]`}; rename one or merge them`, id);
    } else {
      seen.set(id, i);
    }
  }
  c.fields(entry, path, ENTRY_FIELDS, id !== undefined ? `entry "${id}"` : 'an entry', id);

  const kind = entry['kind'];
  if (kind === undefined) {
    // A patch of an entry from an earlier layer.
    if (entry['replace'] === true) {
      c.add([...path, 'replace'], `entry "${id ?? '?'}" says replace: true but has no kind`, 'a replacement is a full definition: add its kind, label and terms', id);
    }
    for (const key of Object.keys(entry)) {
      if (PATCH_ALLOWED.has(key) || !ENTRY_FIELDS.includes(key) || key === 'replace') continue;
      c.add(
        [...path, key],
        `field "${key}" in a patch of "${id ?? '?'}" (an entry without kind)`,
        key === 'terms' || key === 'exclude'
          ? `use add${key === 'terms' ? 'Terms' : 'Exclude'} to extend the entry, or give kind and replace: true to redefine it`
          : 'a patch may change label, description, onNegation, negatedAs, disabled, addTerms, removeTerms, addExclude; to change more, give kind and replace: true',
        id,
        true,
      );
    }
  } else if (c.enumValue(kind, [...path, 'kind'], ENTRY_KINDS, 'kind', id)) {
    for (const key of PATCH_ONLY) {
      if (key in entry) c.add([...path, key], `"${key}" in a full definition of "${id ?? '?'}"`, `put these in ${key === 'addExclude' ? 'exclude' : 'terms'}; ${key} is for patches (entries without kind)`, id);
    }
    if (kind === 'concept') {
      if (entry['parent'] === undefined) c.add(path, `concept "${id ?? '?'}" has no parent`, 'add "parent: <theme id>"', id);
      if (entry['theme'] !== undefined) c.add([...path, 'theme'], `concept "${id ?? '?'}" has a theme field`, 'a concept names its theme with "parent:"', id);
    } else if (entry['parent'] !== undefined) {
      c.add([...path, 'parent'], `${kind} "${id ?? '?'}" has a parent`, kind === 'theme' ? 'themes have no parent; remove it' : 'use "theme:" to attach it to a theme', id);
    }
    if (kind === 'theme' && entry['theme'] !== undefined) c.add([...path, 'theme'], `theme "${id ?? '?'}" has a theme field`, 'a theme is its own theme; remove it', id);
    if (kind !== 'theme' && entry['stage'] !== undefined) c.add([...path, 'stage'], `stage on ${kind} "${id ?? '?'}"`, 'only themes have a journey stage', id);
  }
  if (entry['label'] !== undefined && (typeof entry['label'] !== 'string' || entry['label'].trim() === '')) {
    c.add([...path, 'label'], `label of "${id ?? '?'}" must be a non-empty string`, 'write the French label shown in reports', id);
  }
  if (entry['description'] !== undefined && typeof entry['description'] !== 'string') {
    c.add([...path, 'description'], `description of "${id ?? '?'}" must be a string`, 'quote it', id);
  }
  if (entry['stage'] !== undefined) c.enumValue(entry['stage'], [...path, 'stage'], STAGES, 'stage', id);
  if (entry['onNegation'] !== undefined) c.enumValue(entry['onNegation'], [...path, 'onNegation'], POLICIES, 'onNegation', id);
  if (entry['onModality'] !== undefined) c.enumValue(entry['onModality'], [...path, 'onModality'], POLICIES, 'onModality', id);
  if (entry['parent'] !== undefined) c.idRef(entry['parent'], [...path, 'parent'], 'parent', id);
  if (entry['theme'] !== undefined) c.idRef(entry['theme'], [...path, 'theme'], 'theme', id);
  if (entry['tag'] !== undefined && (typeof entry['tag'] !== 'string' || !ID_PATTERN.test(entry['tag']))) {
    c.add([...path, 'tag'], `tag of "${id ?? '?'}" must look like an id`, 'lowercase ascii letters, digits, _ and . (e.g. resiliation)', id);
  }
  if (entry['negatedAs'] !== undefined && entry['negatedAs'] !== null) c.idRef(entry['negatedAs'], [...path, 'negatedAs'], 'negatedAs', id);
  if (entry['residual'] !== undefined) {
    if (typeof entry['residual'] !== 'boolean') c.add([...path, 'residual'], 'residual must be true or false', 'write residual: true', id);
    else if (entry['residual'] && kind !== undefined && kind !== 'irritant') {
      c.add([...path, 'residual'], `residual on ${String(kind)} "${id ?? '?'}"`, 'only an irritant can be the residual label (a negative verbatim no irritant explains)', id);
    }
  }
  for (const key of ['disabled', 'replace']) {
    if (entry[key] !== undefined && typeof entry[key] !== 'boolean') c.add([...path, key], `${key} must be true or false`, `write ${key}: true`, id);
  }
  for (const key of ['terms', 'exclude', 'addTerms', 'addExclude']) {
    if (entry[key] !== undefined) c.terms(entry[key], [...path, key], key, id);
  }
  if (entry['removeTerms'] !== undefined) c.stringList(entry['removeTerms'], [...path, 'removeTerms'], 'removeTerms', id);
}

function checkNumberMap(c: Checker, value: unknown, path: PathSegment[], what: string, range: [number, number]): void {
  if (!isRecord(value)) {
    c.add(path, `${what} must be a mapping of word: number, got ${typeName(value)}`, `write ${what}:\n  bien: 1`);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < range[0] || v > range[1]) {
      c.add([...path, key], `${what}.${key} must be a number from ${range[0]} to ${range[1]}, got ${typeName(v)}`, `e.g. ${key}: ${range[1] > 3 ? 1.5 : 1}`);
    }
    if (key.startsWith('stem:') && key.length === 5) c.add([...path, key], `empty stem in ${what}`, 'write stem:word');
  }
}

function checkSections(c: Checker, data: Record<string, unknown>): void {
  const s = data['sentiment'];
  if (s !== undefined) {
    if (!isRecord(s)) c.add(['sentiment'], 'sentiment must be a mapping', 'see docs/lexicon-format.md § Sentiment');
    else {
      c.fields(s, ['sentiment'], SENTIMENT_FIELDS, 'sentiment');
      if (s['words'] !== undefined) checkNumberMap(c, s['words'], ['sentiment', 'words'], 'sentiment.words', [-3, 3]);
      if (s['facts'] !== undefined) checkNumberMap(c, s['facts'], ['sentiment', 'facts'], 'sentiment.facts', [-3, 3]);
      if (s['intensifiers'] !== undefined) checkNumberMap(c, s['intensifiers'], ['sentiment', 'intensifiers'], 'sentiment.intensifiers', [-3, 5]);
      for (const key of ['words', 'facts', 'intensifiers']) {
        const map = s[key];
        if (!isRecord(map)) continue;
        for (const w of Object.keys(map)) {
          if (w.trim() === '') c.add(['sentiment', key, w], `empty key in sentiment.${key}`, 'write a word, a phrase (frais cachés) or an emoji');
          else if (w.includes('|') || w.includes('{') || w.includes('*')) {
            c.add(['sentiment', key, w], `sentiment.${key} key "${w}" uses term syntax`, 'sentiment keys are plain words or phrases (one key per line; # stands for a number)');
          } else if (w.startsWith('stem:') && (key !== 'words' || /\s/.test(w.trim()))) {
            c.add(['sentiment', key, w], `stem: in sentiment.${key} key "${w}"`, 'stem:word is for single words of sentiment.words');
          }
        }
      }
      for (const key of ['sarcasm', 'turns']) if (s[key] !== undefined) c.stringList(s[key], ['sentiment', key], `sentiment.${key}`);
      for (const key of ['irritantWeight', 'enchantmentWeight']) {
        const v = s[key];
        if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) c.add(['sentiment', key], `sentiment.${key} must be a number`, `e.g. ${key}: 2`);
      }
    }
  }
  const n = data['negation'];
  if (n !== undefined) {
    if (!isRecord(n)) c.add(['negation'], 'negation must be a mapping', 'see docs/lexicon-format.md § Negation');
    else {
      c.fields(n, ['negation'], NEGATION_FIELDS, 'negation');
      if (n['negators'] !== undefined) c.stringList(n['negators'], ['negation', 'negators'], 'negation.negators');
      if (n['breaks'] !== undefined) c.stringList(n['breaks'], ['negation', 'breaks'], 'negation.breaks');
      const w = n['window'];
      if (w !== undefined && (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > 10)) {
        c.add(['negation', 'window'], `negation.window must be a whole number from 1 to 10, got ${typeName(w)}`, 'the default is 4');
      }
    }
  }
  const m = data['modality'];
  if (m !== undefined) {
    if (!isRecord(m)) c.add(['modality'], 'modality must be a mapping', 'see docs/lexicon-format.md § Modality');
    else {
      c.fields(m, ['modality'], MODALITY_FIELDS, 'modality');
      for (const key of ['promise', 'unreal', 'kept', 'hypothetical']) if (m[key] !== undefined) c.stringList(m[key], ['modality', key], `modality.${key}`);
      const w = m['window'];
      if (w !== undefined && (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > 10)) {
        c.add(['modality', 'window'], `modality.window must be a whole number from 1 to 10, got ${typeName(w)}`, 'the default is 6');
      }
      const as = m['promiseAs'];
      if (as !== undefined && as !== null && (typeof as !== 'string' || !ID_PATTERN.test(as))) {
        c.add(['modality', 'promiseAs'], `modality.promiseAs must be an entry id or null, got ${typeName(as)}`, 'e.g. promiseAs: promesse_non_tenue');
      }
    }
  }
  const implied = data['implied'];
  if (implied !== undefined) {
    if (!Array.isArray(implied)) c.add(['implied'], 'implied must be a list of rules', 'write implied:\n  - id: retard_livraison\n    duration: 10 jours\n    near: [livr*, colis]');
    else {
      implied.forEach((rule, i) => {
        const path: PathSegment[] = ['implied', i];
        if (!isRecord(rule)) {
          c.add(path, `implied rule #${i + 1} must be a mapping`, 'write - id: …, duration: … (or increase: …), near: […]');
          return;
        }
        c.fields(rule, path, IMPLIED_FIELDS, `implied rule #${i + 1}`);
        if (typeof rule['id'] !== 'string' || !ID_PATTERN.test(rule['id'])) c.add([...path, 'id'], `implied rule #${i + 1} needs an entry id`, 'e.g. id: retard_livraison');
        const hasDuration = rule['duration'] !== undefined;
        const hasIncrease = rule['increase'] !== undefined;
        if (hasDuration === hasIncrease) c.add(path, `implied rule #${i + 1} needs exactly one of duration and increase`, 'duration: 10 jours, or increase: 10 (percent)');
        if (hasDuration && (typeof rule['duration'] !== 'string' || durationMinutes(rule['duration']) === undefined)) {
          c.add([...path, 'duration'], `implied rule #${i + 1}: duration must read like "10 jours", got ${typeName(rule['duration'])}`, 'a number and one of minutes, heures, jours, semaines, mois');
        }
        if (rule['under'] !== undefined && (!hasDuration || typeof rule['under'] !== 'string' || durationMinutes(rule['under']) === undefined)) {
          c.add([...path, 'under'], `implied rule #${i + 1}: under must read like "1 jour" and go with a duration`, 'e.g. duration: 30 minutes, under: 1 jour');
        }
        if (hasIncrease && (typeof rule['increase'] !== 'number' || !Number.isFinite(rule['increase']) || rule['increase'] <= 0)) {
          c.add([...path, 'increase'], `implied rule #${i + 1}: increase must be a positive number of percent, got ${typeName(rule['increase'])}`, 'e.g. increase: 10');
        }
        if (rule['near'] === undefined) c.add(path, `implied rule #${i + 1} has no near words`, 'write near: [livr*, colis, commande]');
        else c.stringList(rule['near'], [...path, 'near'], 'near');
        if (rule['cues'] !== undefined) c.stringList(rule['cues'], [...path, 'cues'], 'cues');
      });
    }
  }
  const ch = data['channels'];
  if (ch !== undefined) {
    if (!Array.isArray(ch)) c.add(['channels'], 'channels must be a list', 'write channels:\n  - id: chat\n    label: Chat\n    aliases: [tchat]');
    else {
      const ids = new Map<string, number>();
      ch.forEach((item, i) => {
        const path: PathSegment[] = ['channels', i];
        if (!isRecord(item)) {
          c.add(path, `channel #${i + 1} must be a mapping`, 'write - id: …, label: …, aliases: […]');
          return;
        }
        c.fields(item, path, CHANNEL_FIELDS, 'a channel');
        const id = item['id'];
        if (typeof id !== 'string' || !ID_PATTERN.test(id)) c.add([...path, 'id'], `channel #${i + 1} has a bad or missing id`, 'ids use lowercase ascii letters, digits, _ and .');
        else if (ids.has(id)) c.add([...path, 'id'], `duplicate channel id "${id}"`, 'merge the aliases into one channel');
        else ids.set(id, i);
        if (item['label'] !== undefined && typeof item['label'] !== 'string') c.add([...path, 'label'], 'channel label must be a string', 'quote it');
        if (item['aliases'] !== undefined) c.stringList(item['aliases'], [...path, 'aliases'], 'aliases');
      });
    }
  }
  const sms = data['sms'];
  if (sms !== undefined) {
    if (!isRecord(sms)) c.add(['sms'], 'sms must be a mapping of written form: normalized words', 'e.g. pk: pourquoi');
    else
      for (const [key, v] of Object.entries(sms)) {
        if (typeof v !== 'string' || v.trim() === '') c.add(['sms', key], `sms.${key} must be a non-empty string`, 'e.g. pk: pourquoi');
      }
  }
  const sw = data['stopwords'];
  if (sw !== undefined) {
    if (!isRecord(sw)) c.add(['stopwords'], 'stopwords must be a mapping with add and remove', 'e.g. stopwords: { add: [svp] }');
    else {
      c.fields(sw, ['stopwords'], STOPWORD_FIELDS, 'stopwords');
      if (sw['add'] !== undefined) c.stringList(sw['add'], ['stopwords', 'add'], 'stopwords.add');
      if (sw['remove'] !== undefined) c.stringList(sw['remove'], ['stopwords', 'remove'], 'stopwords.remove');
    }
  }
}

/** Checks plain data against the format; returns every issue found. */
export function validateLexiconData(data: unknown, source: SourceInfo): LexiconIssue[] {
  const c = new Checker(source);
  if (!isRecord(data)) {
    c.add([], `a lexicon must be a mapping, got ${typeName(data)}`, 'start the file with "version: 1"');
    return c.issues;
  }
  c.fields(data, [], TOP_FIELDS, 'the lexicon');
  if (data['version'] === undefined) c.add([], 'missing version', 'add "version: 1" at the top');
  else if (data['version'] !== 1) c.add(['version'], `unsupported version ${typeName(data['version'])}`, 'this library reads version: 1');
  if (data['lang'] !== undefined && typeof data['lang'] !== 'string') c.add(['lang'], 'lang must be a string', 'e.g. lang: fr');
  const entries = data['entries'];
  if (entries !== undefined && entries !== null) {
    if (!Array.isArray(entries)) c.add(['entries'], `entries must be a list, got ${typeName(entries)}`, 'write entries:\n  - id: …');
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
