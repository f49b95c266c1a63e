// Builds src/data/lemmas.generated.ts: the inflected forms of the lemmas the
// lexicons may name with `lemma:` (every `lemma:` in lexicons/ plus the list in
// scripts/lemmas.txt). Forms come from the Lefff, through two npm packages
// installed as devDependencies and read here only, at build time:
// french-verbs-lefff (verb conjugations) and lefff-helper (noun and adjective
// forms). The run-time library ships only the derived table, kept small: one
// shared suffix list per inflection pattern, and per lemma its common prefix.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'src', 'data', 'lemmas.generated.ts');
const require = createRequire(import.meta.url);

/** Every `lemma:` written in a lexicon file under lexicons/. */
function lexiconLemmas() {
  const out = new Set();
  const walk = (dir) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name.name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/lemma:([^\s|{}"',\]]+)/g)) out.add(m[1].toLowerCase());
      }
    }
  };
  walk(join(root, 'lexicons'));
  return out;
}

function listedLemmas() {
  const out = new Set();
  for (const line of readFileSync(join(root, 'scripts', 'lemmas.txt'), 'utf8').split('\n')) {
    const text = line.replace(/#.*/, '').trim();
    for (const w of text.split(/\s+/)) if (w !== '') out.add(w.toLowerCase());
  }
  return out;
}

function resolve(pkg, file) {
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), file);
  } catch {
    return undefined;
  }
}

export function buildLemmas({ quiet = false } = {}) {
  const wanted = new Set([...lexiconLemmas(), ...listedLemmas()]);
  const verbsFile = resolve('french-verbs-lefff', 'dist/conjugations.json');
  const nounsFile = resolve('lefff-helper', 'resources_pub/nouns.json');
  const adjsFile = resolve('lefff-helper', 'resources_pub/adjectives.json');
  if (verbsFile === undefined || nounsFile === undefined || adjsFile === undefined || !existsSync(verbsFile)) {
    // Without the devDependencies (an install with --omit=dev) keep the committed table.
    if (existsSync(target)) {
      if (!quiet) console.warn('build-lemmas: french-verbs-lefff / lefff-helper not installed; keeping the committed src/data/lemmas.generated.ts');
      return;
    }
    throw new Error('build-lemmas: install the devDependencies french-verbs-lefff and lefff-helper (npm ci)');
  }
  const forms = new Map([...wanted].map((l) => [l, new Set()]));
  const verbs = JSON.parse(readFileSync(verbsFile, 'utf8'));
  for (const lemma of wanted) {
    // The Lefff writes œ as oe (écoeurer).
    const c = verbs[lemma] ?? verbs[lemma.replace(/œ/g, 'oe')];
    if (c === undefined) continue;
    for (const list of Object.values(c)) for (const f of list) if (f !== 'NA' && f !== '') forms.get(lemma).add(f);
  }
  const nouns = JSON.parse(readFileSync(nounsFile, 'utf8'));
  for (const [form, lemma] of Object.entries(nouns)) if (forms.has(lemma)) forms.get(lemma).add(form);
  const adjs = JSON.parse(readFileSync(adjsFile, 'utf8'));
  for (const [form, info] of Object.entries(adjs)) {
    // Past participles used as adjectives come with their verb, whose forms the verb table gives.
    if (Array.isArray(info) && info[1] === false && forms.has(info[0])) forms.get(info[0]).add(form);
  }
  // A listed noun or adjective is its own form even when the Lefff lists it under another lemma only.
  const missing = [];
  for (const [lemma, set] of forms) {
    if (set.size === 0) missing.push(lemma);
    else set.add(lemma);
  }
  const fromLexicons = lexiconLemmas();
  const badInLexicons = missing.filter((l) => fromLexicons.has(l));
  if (badInLexicons.length > 0) {
    // compileLexicon reports these with file and entry id; say it here too.
    console.warn(`build-lemmas: no forms found for lemma(s) used in lexicons/: ${badInLexicons.join(', ')}`);
  }
  if (!quiet && missing.length > 0) console.warn(`build-lemmas: no forms for ${missing.length} listed lemma(s): ${missing.join(', ')}`);

  // Compact: per lemma the longest common prefix of its forms and the id of its suffix list.
  const suffixLists = [];
  const suffixIds = new Map();
  const table = {};
  for (const lemma of [...forms.keys()].sort()) {
    const list = [...forms.get(lemma)].sort();
    if (list.length === 0) continue;
    let prefix = list[0];
    for (const f of list) while (!f.startsWith(prefix)) prefix = prefix.slice(0, -1);
    const suffixes = list.map((f) => f.slice(prefix.length)).join(',');
    let id = suffixIds.get(suffixes);
    if (id === undefined) {
      id = suffixLists.length;
      suffixLists.push(suffixes);
      suffixIds.set(suffixes, id);
    }
    table[lemma] = [lemma.length - prefix.length, id];
  }
  // One number per lemma: the letters its prefix drops from the lemma, and its suffix list
  // (`cut * lists + id`): the prefix is always the lemma's own start (the lemma is one of its forms).
  for (const [lemma, [cut, id]] of Object.entries(table)) table[lemma] = cut * suffixLists.length + id;
  const out =
    '// generated by scripts/build-lemmas.mjs from the Lefff (french-verbs-lefff, lefff-helper) — do not edit; run `npm run build:lexicons`\n' +
    '// Inflected forms of the lemmas `lemma:` may name (lexicons/ and scripts/lemmas.txt).\n' +
    '// Data derived from the Lefff (Lexique des Formes Fléchies du Français, Benoît Sagot), LGPL-LR.\n' +
    '/* eslint-disable */\n' +
    '/** Comma-separated suffix lists shared by the lemmas (an empty suffix is the prefix itself). */\n' +
    `export const LEMMA_SUFFIXES: readonly string[] = ${JSON.stringify(suffixLists)};\n` +
    '/** Lemma -> `cut * LEMMA_SUFFIXES.length + id`: forms = the lemma less its last `cut` letters + each suffix of list `id`. */\n' +
    `export const LEMMA_TABLE: Readonly<Record<string, number>> = ${JSON.stringify(table)};\n`;
  let previous = '';
  try {
    previous = readFileSync(target, 'utf8');
  } catch {}
  if (previous !== out) writeFileSync(target, out);
  if (!quiet) console.log(`build-lemmas: ${Object.keys(table).length} lemmas, ${suffixLists.length} suffix lists, ${out.length} bytes`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildLemmas();
