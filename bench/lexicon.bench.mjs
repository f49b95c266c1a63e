// Matching throughput with the default lexicons and with generated lexicons of
// 100 and 10,000 entries on the same generated corpus. The compiled matcher
// should cost about the same per verbatim whatever the number of entries.
// Run: npx tsup && node bench/run.mjs lexicon
import { analyze, compileLexicon, composeLexicons, createAnalyzer, defineLexicon, tokenize } from '../dist/index.js';

/** Small deterministic PRNG (mulberry32), so every run measures the same corpus. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ba', 'co', 'di', 'fu', 'ga', 'lo', 'mi', 'nu', 'pa', 're', 'si', 'tu', 'va', 'zo', 'ché', 'tré', 'pli', 'gra', 'vou', 'ran'];
const COMMON = ["j'ai", 'le', 'la', 'de', 'pas', 'très', 'colis', 'attente', 'service', 'client', 'livraison', 'conseiller', 'rapide', 'aucune', 'réponse', 'depuis', 'semaines', 'merci', 'mais', 'toujours', 'rien', 'reçu', 'remboursement', 'aimable', 'magasin', 'commande', 'ne', 'jamais', 'personne', 'répond'];

// Syllables never found in the corpus: entries built from them cost lookups but never match.
const NOISE = ['kex', 'wop', 'yuk', 'qix', 'zeb', 'hov', 'jax', 'fyn', 'xul', 'wek', 'dro', 'sny'];

function word(r, syllables = SYLLABLES) {
  const n = 2 + Math.floor(r() * 3);
  let w = '';
  for (let i = 0; i < n; i += 1) w += syllables[Math.floor(r() * syllables.length)];
  return w;
}

function corpus(size) {
  const r = rng(42);
  const out = [];
  for (let i = 0; i < size; i += 1) {
    const len = 15 + Math.floor(r() * 30);
    const words = [];
    for (let k = 0; k < len; k += 1) words.push(r() < 0.6 ? COMMON[Math.floor(r() * COMMON.length)] : word(r));
    out.push({ id: String(i), text: `${words.join(' ')}.` });
  }
  return out;
}

/**
 * `entries` generated entries: the same 100 "planted" entries (words that do
 * occur in the corpus) plus entries made of words that never occur, so both
 * sizes find the same matches and any slowdown is the matcher's own cost.
 */
function generatedLexicon(entries) {
  const planted = rng(7);
  const noise = rng(11);
  const list = [{ id: 'theme0', kind: 'theme', label: 'Thème', terms: ['zzzthemezzz'] }];
  for (let i = 0; i < entries; i += 1) {
    const r = i < 100 ? planted : noise;
    const syl = i < 100 ? SYLLABLES : NOISE;
    const w = () => word(r, syl);
    const terms = [w(), `${w()} ${i < 100 ? COMMON[i % COMMON.length] : w()}`, `${w()} {0,3} ${w()}`, `stem:${w()}`, `${COMMON[i % COMMON.length]} ${w()}`];
    if (i % 4 === 0) terms.push(`${w()}*`);
    if (i % 16 === 0) terms.push(`*${w()}*`);
    list.push({ id: `e${i}`, kind: i % 3 === 0 ? 'irritant' : i % 3 === 1 ? 'concept' : 'enchantment', label: `E${i}`, theme: i % 3 === 1 ? undefined : 'theme0', parent: i % 3 === 1 ? 'theme0' : undefined, terms });
  }
  for (const e of list) for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k];
  return defineLexicon({ version: 1, entries: list });
}

function timeAnalyze(analyzer, docs) {
  const t0 = performance.now();
  for (const v of docs) analyze(v, analyzer);
  return performance.now() - t0;
}

/** Five passes per timing: one pass is too short to measure on a busy machine. */
const PASSES = 5;

function timeMatch(compiled, unitsList) {
  const t0 = performance.now();
  for (let p = 0; p < PASSES; p += 1) for (const units of unitsList) compiled.match(units);
  return (performance.now() - t0) / PASSES;
}

/** Matching alone: the compiled lexicon on pre-tokenized verbatims. */
function measureMatch(label, compiled, unitsList) {
  for (const units of unitsList.slice(0, 200)) compiled.match(units);
  let best = Infinity;
  for (let run = 0; run < 3; run += 1) best = Math.min(best, timeMatch(compiled, unitsList));
  const rate = (unitsList.length / best) * 1000;
  console.log(`${label.padEnd(34)} ${rate.toFixed(0).padStart(8)} verbatims/s  (${best.toFixed(0)} ms)`);
  return best;
}

function measure(label, analyzer, docs) {
  for (const v of docs.slice(0, 200)) analyze(v, analyzer); // warm-up
  let best = Infinity;
  let matches = 0;
  for (let run = 0; run < 3; run += 1) {
    const t0 = performance.now();
    matches = 0;
    for (const v of docs) matches += analyze(v, analyzer).matches.length;
    best = Math.min(best, performance.now() - t0);
  }
  const rate = (docs.length / best) * 1000;
  console.log(`${label.padEnd(34)} ${rate.toFixed(0).padStart(8)} verbatims/s  (${best.toFixed(0)} ms, ${matches} matches)`);
  return best;
}

/**
 * `lemma:` is spelled out at compile time into the forms of each lemma: the
 * default lexicons as shipped against the same lexicons with every `lemma:x`
 * written as the bare word `x` (one form), interleaved in the same run.
 */
function lemmaCost(def, docs) {
  const patches = [];
  for (const e of def.lexicon.entries) {
    const withLemma = (e.terms ?? []).filter((t) => t.includes('lemma:'));
    if (withLemma.length === 0) continue;
    patches.push({ id: e.id, removeTerms: withLemma, addTerms: withLemma.map((t) => t.replace(/lemma:/g, '')) });
  }
  const bare = createAnalyzer({ detectLanguage: false, lexicons: [defineLexicon({ version: 1, entries: patches })] });
  const lemmaTerms = patches.reduce((n, p) => n + p.removeTerms.length, 0);
  let withLemmas = Infinity;
  let without = Infinity;
  for (let round = 0; round < 4; round += 1) {
    withLemmas = Math.min(withLemmas, timeAnalyze(def, docs));
    without = Math.min(without, timeAnalyze(bare, docs));
  }
  console.log(
    `lemma: ${lemmaTerms} default terms use lemma:; whole analysis ${((docs.length / withLemmas) * 1000).toFixed(0)} verbatims/s spelled out, ` +
      `${((docs.length / without) * 1000).toFixed(0)} with bare words; ratio ${(withLemmas / without).toFixed(2)} (target <= 1.05)`,
  );
}

export default async function bench() {
  const docs = corpus(3000);
  console.log(`corpus: ${docs.length} generated verbatims, ${docs.reduce((n, d) => n + d.text.split(' ').length, 0)} words`);
  let t = performance.now();
  // Language detection is off: the generated text is not French, and franc's slow path would dominate.
  const def = createAnalyzer({ detectLanguage: false });
  // In Node the default trie is read from the build's store (npm run bench startup compares with compiling it).
  console.log(`createAnalyzer(), default lexicons: ${(performance.now() - t).toFixed(0)} ms (${def.lexicon.entries.length} entries, trie ${def.compiled.stored ? 'stored at build' : 'compiled'})`);
  const fuzzyOn = measure('default lexicons', def, docs);
  // Misspelling correction's own cost, measured in this run: the same lexicons with it turned off.
  const fuzzyOff = measure('default lexicons, fuzzy off', createAnalyzer({ detectLanguage: false, fuzzy: false }), docs);
  console.log(`ratio time(fuzzy on) / time(fuzzy off), whole analysis: ${(fuzzyOn / fuzzyOff).toFixed(2)} (target <= 1.1)`);
  // Units as the analyser builds them: one per token key (SMS expansions split), sentence numbers.
  const unitsList = docs.map((d) => {
    let sentence = 0;
    return tokenize(d.text).flatMap((tok) => {
      const units = tok.norm.split(' ').map((key) => ({ key, sentence }));
      if (/[.!?]/.test(tok.text) && tok.kind === 'punct') sentence += 1;
      return units;
    });
  });
  measureMatch('matching only, default lexicons', def.compiled, unitsList);
  lemmaCost(def, docs);
  const sizes = [100, 10_000];
  const analyzers = {};
  const compiled = {};
  for (const n of sizes) {
    const lex = generatedLexicon(n);
    t = performance.now();
    analyzers[n] = createAnalyzer({ includeDefault: false, detectLanguage: false, lexicons: [lex] });
    console.log(`compile ${n} generated entries: ${(performance.now() - t).toFixed(0)} ms`);
    compiled[n] = compileLexicon(composeLexicons([lex]));
  }
  // Interleaved rounds, best of each: a busy machine slows both sizes alike.
  const full = {};
  const matching = {};
  for (let round = 0; round < 4; round += 1) {
    for (const n of sizes) {
      const quiet = round < 3;
      const f = quiet ? timeAnalyze(analyzers[n], docs) : measure(`analyze, ${n} generated entries`, analyzers[n], docs);
      const m = quiet ? timeMatch(compiled[n], unitsList) : measureMatch(`matching only, ${n} generated entries`, compiled[n], unitsList);
      full[n] = Math.min(full[n] ?? Infinity, f);
      matching[n] = Math.min(matching[n] ?? Infinity, m);
    }
  }
  console.log(
    `ratio time(10,000 entries) / time(100 entries): matching ${(matching[10_000] / matching[100]).toFixed(2)}, ` +
      `whole analysis ${(full[10_000] / full[100]).toFixed(2)} (target <= 1.2)`,
  );
}
