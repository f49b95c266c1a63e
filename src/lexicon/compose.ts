// Applies layers in order (docs/lexicon-format.md § Layering) and checks the
// references between entries once every layer is known.
import type { EntryKind } from '../types.js';
import { LexiconError } from './errors.js';
import { makeIssue, sourceOf, type PathSegment, type SourceInfo } from './source.js';
import { coreProblem as P } from './messages.js';
import type { LexiconChannel, Lexicon, LexiconDocument, LexiconEntry, LexiconIssue } from './types.js';
import { didYouMean } from './validate.js';
import { durationMinutes } from './duration.js';
import { FRENCH_NEGATORS } from '../text/negators.js';
import { expectedError, typeName } from '../_utils/describe.js';

/** Negators of a lexicon with no negation section (the default lexicons list theirs in negation.yml). */
export const DEFAULT_NEGATORS: readonly string[] = FRENCH_NEGATORS;
export const DEFAULT_BREAKS = [',', '.', ';', '!', '?', ':', 'mais', 'cependant', 'pourtant', 'par contre', 'sauf que'];
export const DEFAULT_WINDOW = 4;
export const DEFAULT_MODALITY_WINDOW = 6;

interface Origin {
  info: SourceInfo;
  path: PathSegment[];
}

interface Working {
  entry: LexiconEntry;
  /** Where each reference-bearing field was last set, for positioned issues. */
  origins: Map<'entry' | 'parent' | 'theme' | 'negatedAs', Origin>;
}

function defaultPolicy(kind: EntryKind): 'cancel' | 'keep' {
  return kind === 'theme' || kind === 'concept' ? 'keep' : 'cancel';
}

function uniq(list: string[]): string[] {
  return [...new Set(list)];
}

/** Composes layers (the default first, then user files) into one lexicon; throws `LexiconError`. */
export function composeLexicons(layers: readonly LexiconDocument[]): Lexicon {
  if (!Array.isArray(layers)) {
    throw expectedError('an array of lexicon documents', typeName(layers));
  }
  const issues: LexiconIssue[] = [];
  const byId = new Map<string, Working>();
  const lexicon: Lexicon = {
    lang: 'fr',
    entries: [],
    sentiment: { words: {}, facts: {}, intensifiers: {}, irritantWeight: -2, enchantmentWeight: 2, sarcasm: [], turns: [] },
    negation: { negators: [...DEFAULT_NEGATORS], window: DEFAULT_WINDOW, breaks: DEFAULT_BREAKS },
    modality: { promise: [], unreal: [], kept: [], hypothetical: [], promiseAs: null, window: DEFAULT_MODALITY_WINDOW },
    implied: [],
    channels: [],
    sms: {},
    stopwords: { add: [], remove: [] },
  };
  const channels = new Map<string, LexiconChannel>();
  let promiseAsOrigin: Origin | undefined;
  let impliedOrigin: SourceInfo | undefined;

  for (const doc of layers as readonly LexiconDocument[]) {
    if (typeof doc !== 'object' || doc === null) {
      throw expectedError('a lexicon document', typeName(doc));
    }
    const info = sourceOf(doc);
    if (doc.lang !== undefined) lexicon.lang = doc.lang;
    (doc.entries ?? []).forEach((input, index) => {
      const path: PathSegment[] = ['entries', index];
      const existing = byId.get(input.id);
      if (input.kind !== undefined) {
        if (existing !== undefined && input.replace !== true) {
          const first = existing.origins.get('entry');
          const at = first?.info.locate(first.path);
          issues.push(
            makeIssue(info, [...path, 'id'], P('duplicate_layer_id', { id: input.id, ...(first !== undefined ? { file: first.info.file } : {}), ...(at !== undefined && at.line > 0 ? { line: at.line } : {}) }), input.id),
          );
          return;
        }
        const entry: LexiconEntry = {
          id: input.id,
          kind: input.kind,
          label: input.label ?? input.id,
          terms: uniq([...(input.terms ?? [])]),
          exclude: uniq([...(input.exclude ?? [])]),
          onNegation: input.onNegation ?? defaultPolicy(input.kind),
          onModality: input.onModality ?? (input.kind === 'enchantment' ? 'cancel' : 'keep'),
          disabled: input.disabled === true,
          source: info.file,
        };
        if (input.description !== undefined) entry.description = input.description;
        if (input.stage !== undefined) entry.stage = input.stage;
        if (input.parent !== undefined) entry.parent = input.parent;
        if (input.theme !== undefined) entry.theme = input.theme;
        if (input.negatedAs !== undefined && input.negatedAs !== null) entry.negatedAs = input.negatedAs;
        if (input.tag !== undefined) entry.tag = input.tag;
        if (input.residual === true) entry.residual = true;
        const origins: Working['origins'] = new Map([['entry', { info, path }]]);
        for (const f of ['parent', 'theme', 'negatedAs'] as const) if (input[f] != null) origins.set(f, { info, path: [...path, f] });
        if (existing !== undefined) {
          const at = lexicon.entries.indexOf(existing.entry);
          lexicon.entries[at] = entry;
        } else lexicon.entries.push(entry);
        byId.set(input.id, { entry, origins });
        return;
      }
      // A patch.
      if (existing === undefined) {
        const guess = didYouMean(input.id, [...byId.keys()]);
        issues.push(
          makeIssue(info, [...path, 'id'], P('patch_of_unknown', { id: input.id, ...(guess !== undefined ? { guess } : {}) }), input.id),
        );
        return;
      }
      const e = existing.entry;
      e.source = info.file;
      if (input.label !== undefined) e.label = input.label;
      if (input.description !== undefined) e.description = input.description;
      if (input.onNegation !== undefined) e.onNegation = input.onNegation;
      if (input.onModality !== undefined) e.onModality = input.onModality;
      if (input.disabled !== undefined) e.disabled = input.disabled;
      if (input.negatedAs === null) delete e.negatedAs;
      else if (input.negatedAs !== undefined) {
        e.negatedAs = input.negatedAs;
        existing.origins.set('negatedAs', { info, path: [...path, 'negatedAs'] });
      }
      (input.removeTerms ?? []).forEach((term, i) => {
        const at = e.terms.indexOf(term);
        if (at === -1) {
          const guess = didYouMean(term, e.terms);
          issues.push(
            makeIssue(info, [...path, 'removeTerms', i], P('remove_unknown_term', { term, id: e.id, ...(guess !== undefined ? { guess } : {}) }), e.id),
          );
        } else e.terms.splice(at, 1);
      });
      e.terms = uniq([...e.terms, ...(input.addTerms ?? [])]);
      e.exclude = uniq([...e.exclude, ...(input.addExclude ?? [])]);
    });

    if (doc.sentiment !== undefined) {
      const s = doc.sentiment;
      if (s.words !== undefined) Object.assign(lexicon.sentiment.words, s.words);
      if (s.facts !== undefined) Object.assign(lexicon.sentiment.facts, s.facts);
      if (s.intensifiers !== undefined) Object.assign(lexicon.sentiment.intensifiers, s.intensifiers);
      if (s.irritantWeight !== undefined) lexicon.sentiment.irritantWeight = s.irritantWeight;
      if (s.enchantmentWeight !== undefined) lexicon.sentiment.enchantmentWeight = s.enchantmentWeight;
      if (s.sarcasm !== undefined) lexicon.sentiment.sarcasm = [...new Set([...lexicon.sentiment.sarcasm, ...s.sarcasm])];
      if (s.turns !== undefined) lexicon.sentiment.turns = [...new Set([...lexicon.sentiment.turns, ...s.turns])];
    }
    if (doc.negation !== undefined) {
      const n = doc.negation;
      if (n.negators !== undefined) lexicon.negation.negators = [...n.negators];
      if (n.breaks !== undefined) lexicon.negation.breaks = [...n.breaks];
      if (n.window !== undefined) lexicon.negation.window = n.window;
    }
    if (doc.modality !== undefined) {
      const m = doc.modality;
      if (m.promise !== undefined) lexicon.modality.promise = [...m.promise];
      if (m.unreal !== undefined) lexicon.modality.unreal = [...m.unreal];
      if (m.kept !== undefined) lexicon.modality.kept = [...m.kept];
      if (m.hypothetical !== undefined) lexicon.modality.hypothetical = [...m.hypothetical];
      if (m.window !== undefined) lexicon.modality.window = m.window;
      if (m.promiseAs !== undefined) {
        lexicon.modality.promiseAs = m.promiseAs;
        promiseAsOrigin = { info, path: ['modality', 'promiseAs'] };
      }
    }
    if (doc.implied !== undefined) {
      // A later layer's rules replace the earlier ones: write `implied: []` to switch them off.
      lexicon.implied = doc.implied.map((rule) => {
        const minutes = rule.duration !== undefined ? durationMinutes(rule.duration) : undefined;
        const underMinutes = rule.under !== undefined ? durationMinutes(rule.under) : undefined;
        return {
          ...rule,
          near: [...rule.near],
          ...(rule.cues ? { cues: [...rule.cues] } : {}),
          ...(minutes !== undefined ? { minutes } : {}),
          ...(underMinutes !== undefined ? { underMinutes } : {}),
        };
      });
      impliedOrigin = info;
    }
    for (const ch of doc.channels ?? []) {
      channels.set(ch.id, { id: ch.id, label: ch.label ?? ch.id, aliases: [...(ch.aliases ?? [])] });
    }
    if (doc.sms !== undefined) Object.assign(lexicon.sms, doc.sms);
    if (doc.stopwords !== undefined) {
      lexicon.stopwords.add = uniq([...lexicon.stopwords.add, ...(doc.stopwords.add ?? [])]);
      lexicon.stopwords.remove = uniq([...lexicon.stopwords.remove, ...(doc.stopwords.remove ?? [])]);
    }
  }
  lexicon.channels = [...channels.values()];

  // References, once every layer is in.
  const ids = [...byId.keys()];
  const themeIds = lexicon.entries.filter((e) => e.kind === 'theme').map((e) => e.id);
  for (const { entry, origins } of byId.values()) {
    const check = (field: 'parent' | 'theme' | 'negatedAs', target: string | undefined, mustBeTheme: boolean): void => {
      if (target === undefined) return;
      const found = byId.get(target)?.entry;
      if (found !== undefined && (!mustBeTheme || found.kind === 'theme')) return;
      const origin = origins.get(field) ?? origins.get('entry');
      if (origin === undefined) return;
      const guess = didYouMean(target, mustBeTheme ? themeIds : ids);
      const known = mustBeTheme ? themeIds : ids;
      const common = { field, target, id: entry.id, ...(guess !== undefined && guess !== target ? { guess } : {}), themes: mustBeTheme, known: known.slice(0, 12), more: known.length > 12 };
      const problem = found === undefined ? P('unknown_reference', common) : P('reference_not_theme', { ...common, kind: found.kind });
      issues.push(makeIssue(origin.info, origin.path, problem, entry.id));
    };
    check('parent', entry.parent, true);
    check('theme', entry.theme, true);
    check('negatedAs', entry.negatedAs, false);
    if (entry.kind === 'theme') entry.theme = entry.id;
    else if (entry.kind === 'concept' && entry.parent !== undefined) entry.theme = entry.parent;
  }
  const promiseAs = lexicon.modality.promiseAs;
  if (promiseAs !== null && promiseAsOrigin !== undefined && !byId.has(promiseAs)) {
    const guess = didYouMean(promiseAs, ids);
    issues.push(makeIssue(promiseAsOrigin.info, promiseAsOrigin.path, P('unknown_promise_as', { target: promiseAs, ...(guess !== undefined ? { guess } : {}) })));
  }
  lexicon.implied.forEach((rule, i) => {
    if (impliedOrigin !== undefined && !byId.has(rule.id)) {
      const guess = didYouMean(rule.id, ids);
      issues.push(makeIssue(impliedOrigin, ['implied', i, 'id'], P('unknown_implied_id', { id: rule.id, ...(guess !== undefined ? { guess } : {}) })));
    }
  });
  if (issues.length > 0) throw new LexiconError(issues);
  return lexicon;
}
