// English lemma keys, compiled at build time: every written form the English
// layer can meet → the lemma key it stands for (`arrived` → arrive, `parcels`
// → parcel, `left` → leave), so that English verbatims are keyed at run time by
// a table lookup instead of compromise's tagger. Written to
// src/data/en-forms.generated.ts by scripts/build-lexicons.mjs.
//
// Which forms: the words of the English lexicons (terms, exclusions, polarity
// words, intensifiers, irony words, negators, clause breaks), the lemmas
// compromise gives them, and every inflection of those lemmas (conjugations,
// plurals), plus every word of compromise's own lexicon whose lemma is one of
// them. Each form is read by compromise's tagger (lexicon and suffix tagger,
// no rule sweep) three ways, as the lexicon terms were before: alone, after
// "i " (verb reading) and after "the " (noun reading); its key is the verb
// reading's lemma when there is one, else the lone reading's, else the noun
// reading's; after a determiner, the noun reading's ("the cleaning fee" keeps
// `cleaning`, "the damaged box" `damaged`). A form whose key is itself is
// left out (the run-time default).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Hooks compromise's `tokenize` already ran, and the post-tagging rule sweep left out (as the run time did before). */
const SKIPPED_HOOKS = new Set(['alias', 'normal', 'machine', 'contractions', 'postTagger']);
const BE = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'been', 'being']);
const GAP_SPLIT = /( \{\d{1,3},\d{1,3}\} )/;
const WORD = /^[a-z]+$/;

/** A stamp of everything the table depends on: when it matches the generated file's, the table is not rebuilt. */
export function formsStamp(sources) {
  const hash = createHash('sha256');
  hash.update(readFileSync(new URL(import.meta.url)));
  hash.update(String(require('compromise').version));
  hash.update(JSON.stringify(sources));
  return hash.digest('hex').slice(0, 16);
}

/** Alternatives of a lexicon term, as written (gaps dropped). */
function phrasesOf(term) {
  return String(term)
    .trim()
    .split(/\s+/)
    .join(' ')
    .split(GAP_SPLIT)
    .filter((s) => !s.startsWith(' {'))
    .flatMap((s) => s.split('|'));
}

/** Plain lowercase words of the English lexicons (parts of contractions and compounds included). */
export function lexiconWords(sources) {
  const phrases = new Set();
  for (const { data } of sources) {
    for (const e of data?.entries ?? []) for (const t of [...(e.terms ?? []), ...(e.exclude ?? [])]) for (const p of phrasesOf(t)) phrases.add(p);
    const s = data?.sentiment ?? {};
    for (const w of [...Object.keys(s.words ?? {}), ...Object.keys(s.facts ?? {}), ...Object.keys(s.intensifiers ?? {}), ...(s.sarcasm ?? []), ...(s.turns ?? [])]) phrases.add(String(w));
    for (const w of [...(data?.negation?.negators ?? []), ...(data?.negation?.breaks ?? [])]) phrases.add(String(w));
  }
  const words = new Set();
  for (const p of phrases) {
    if (p.startsWith('stem:')) continue;
    for (const w of p.toLowerCase().split(/[\s'’-]+/)) if (WORD.test(w)) words.add(w);
  }
  return words;
}

/**
 * The tables, lemma key → the forms that lead to it (sorted, space-separated):
 * `forms`, the key of a form in general, and `nounForms`, the key of a form
 * right after a determiner where it differs (`cleaning`, `damaged`, `left`
 * keep their form there, as compromise reads "the cleaning"). Takes some
 * seconds of CPU (tens of thousands of taggings), hence the stamp.
 */
export function buildEnglishForms(sources) {
  const two = require('compromise/two');
  const three = require('compromise');
  const hooks = two.world().hooks.filter((h) => !SKIPPED_HOOKS.has(h));
  const world = three.world();
  const { verb, noun } = world.methods.two.transform;
  const known = world.model.one.lexicon;

  /** The terms compromise reads in `prefix + word`, after the prefix: lowercase written form, root, tags. */
  const read = (word, prefix) => {
    const doc = two.tokenize(prefix + word);
    doc.compute(hooks);
    doc.compute('root');
    const out = [];
    for (const s of doc.json({ offset: true, terms: { normal: true, implicit: true, offset: true } })) {
      for (const t of s.terms) if (t.offset.start >= prefix.length) out.push({ written: (t.implicit ?? t.normal ?? '').toLowerCase(), root: t.root, tags: t.tags ?? [] });
    }
    return out;
  };
  /** The lemma one reading gives a lone word, or undefined (several terms, no root, not a verb or noun). */
  const lemmaIn = (word, prefix) => {
    const terms = read(word, prefix);
    if (terms.length !== 1) return undefined;
    const [t] = terms;
    if (t.tags.includes('Copula')) return 'be';
    if (typeof t.root !== 'string' || t.root === '' || !(t.tags.includes('Verb') || t.tags.includes('Noun'))) return undefined;
    const root = t.root.toLowerCase();
    return WORD.test(root) ? root : undefined;
  };
  const isWord = (w) => Object.hasOwn(known, w) || targets.has(w);
  /** Verb reading first ("i left" → leave), then alone ("booking" → book), then noun reading ("the glasses" → glass). */
  const keyOf = (form) => {
    if (BE.has(form)) return 'be';
    for (const prefix of ['i ', '', 'the ']) {
      const lemma = lemmaIn(form, prefix);
      if (lemma !== undefined && lemma !== form && (lemma === 'be' || isWord(lemma))) return lemma;
    }
    return undefined;
  };
  /** A form's key after a determiner ("the cleaning", "a damaged box" keep their form), when not its plain key; plurals and -s verbs excluded. */
  const nounKeyOf = (form, key) => {
    if (form.endsWith('s') || BE.has(form)) return undefined;
    const terms = read(form, 'the ');
    if (terms.length !== 1) return undefined;
    const noun = lemmaIn(form, 'the ') ?? form;
    return noun !== key && (noun === form || isWord(noun)) ? noun : undefined;
  };
  const tagged = (word, prefix, tag) => {
    const terms = read(word, prefix);
    return terms.length === 1 && terms[0].tags.includes(tag);
  };

  const words = lexiconWords(sources);
  // Targets: the lexicon words and their keys, the keys a text word must reach to match.
  const targets = new Set(words);
  const lemmas = new Set();
  for (const w of words) {
    const k = keyOf(w);
    if (k !== undefined) targets.add(k);
    lemmas.add(k ?? w);
  }
  const candidates = new Set(words);
  // Conjugated form → its verb, for forms the tagger reads as a verb alone but gives no usable lemma ("gone": root "gine").
  const inflectionOf = new Map();
  for (const w of Object.keys(known)) if (WORD.test(w)) candidates.add(w);
  // Inflections of the lemmas only ("delivered" is not conjugated again), as verbs where they read as verbs, as nouns where they read as nouns.
  for (const t of lemmas) {
    const conjugated = tagged(t, 'i ', 'Verb') ? verb.all(t, world.model) : [];
    for (const f of conjugated) if (WORD.test(f) && f !== t && !inflectionOf.has(f)) inflectionOf.set(f, t);
    for (const f of [...conjugated, ...(tagged(t, 'the ', 'Noun') ? noun.all(t, world.model) : [])]) {
      if (!WORD.test(f)) continue;
      candidates.add(f);
      // British doubling: cancelled, travelling (compromise conjugates the American way).
      const m = /^(.*[aeiou])l(ed|ing)$/.exec(f);
      if (m !== null && !f.endsWith('lled') && !f.endsWith('lling')) candidates.add(`${m[1]}ll${m[2]}`);
    }
  }
  // Text and terms both go through the table once, so a key need not be its own key ("founded" → found → find).
  const byKey = new Map();
  const byNounKey = new Map();
  const add = (map, key, form) => {
    const list = map.get(key) ?? [];
    list.push(form);
    map.set(key, list);
  };
  for (const form of [...candidates].sort()) {
    const key = keyOf(form) ?? (inflectionOf.has(form) && (known[form] === undefined || known[form] === 'Participle' || known[form] === 'PastTense') && tagged(form, '', 'Verb') ? inflectionOf.get(form) : undefined) ?? form;
    const nounKey = nounKeyOf(form, key);
    if (!(targets.has(key) || targets.has(form) || (nounKey !== undefined && targets.has(nounKey)))) continue;
    if (key !== form) add(byKey, key, form);
    if (nounKey !== undefined) add(byNounKey, nounKey, form);
  }
  const pack = (map) => {
    const out = {};
    for (const key of [...map.keys()].sort()) out[key] = map.get(key).sort().join(' ');
    return out;
  };
  return { forms: pack(byKey), nounForms: pack(byNounKey) };
}
