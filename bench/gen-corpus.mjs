// Generates a customer-verbatim export of a given size for the benchmarks, streamed
// to disk (a 1 GB file is written in bounded memory), deterministic from its seed.
//
//   node bench/gen-corpus.mjs --rows N | --mb M --kind growing|sample --out FILE.csv|FILE.jsonl [--seed S]
//       [--zipf 1.1] [--heaps-k 20] [--heaps-beta 0.6] [--stores N] [--no-stats]
// --stores N: the `canal` column holds N store codes (`Magasin 0000`…) instead of the channels.
//
// Columns (as corpora/sample.csv): id;date;canal;note;commentaire (CSV: `;`, BOM, CRLF).
//
// kind=sample   the 496 texts of corpora/sample.csv repeated in order, re-numbered and
//               re-dated (what the older benchmarks do): a vocabulary that stops growing.
// kind=growing  French-looking verbatims written from sentence templates (per channel:
//               short reviews, survey answers, chat transcripts, complaint letters,
//               social posts) whose words keep coming as in real exports:
//   - every free word slot draws a word rank from a Zipf law (P(r) ∝ 1/r^s, s = --zipf)
//     over the vocabulary known so far;
//   - the vocabulary grows with Heaps' law: after n drawn words it holds
//     V(n) = max(V0, K·n^β) words (K = --heaps-k, β = --heaps-beta); whenever V(n)
//     passes the current size, the next word is a new one;
//   - ranks are, in order: common French words (written below), the single words of
//     the default lexicons' terms (lexicons/fr), then an endless tail computed from the
//     rank alone (so nothing is stored): pseudo-words built from French syllables
//     and endings, misspellings of lexicon words, numbers and references;
//   - besides the free words, every sentence carries whole lexicon phrases (chosen
//     by the star score: irritants for 1-2 stars, enchantments for 4-5) so that tags
//     still fire, and amounts, durations, order references, names, e-mails, phones.
//
// It prints the rows, bytes and the vocabulary: words the generator introduced, and
// HyperLogLog estimates (±1 %) of the distinct words, 2-grams and 3-grams of the texts
// as a one-regex tokenizer sees them (lowercased, within one verbatim).
//
// As a module: generateCorpus(options) writes a file and returns the same figures;
// corpusRows({ kind, seed }) yields the rows without end (for in-memory benchmarks).
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import YAML from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULTS = Object.freeze({ seed: 11, zipf: 1.1, heapsK: 20, heapsBeta: 0.6 });

// ---------------------------------------------------------------- randomness

/** Deterministic generator: a Weyl sequence through a 32-bit avalanche mix; returns [0, 1). */
function randomFrom(seed) {
  let state = (seed >>> 0) ^ 0x5bd1e995;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return mix32(state) / 4294967296;
  };
}

/** 32-bit avalanche (xor-shift / multiply), used for hashing and for values derived from a rank. */
function mix32(x) {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

const pickFrom = (random, list) => list[Math.floor(random() * list.length)];
const intBetween = (random, lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

// ---------------------------------------------------------------- vocabulary

// The most frequent words of French customer comments, most frequent first (written for this generator).
const COMMON = `de la le et à les pas je un une en est des que pour du il on ne a j'ai c'est mais
  très au plus vous avec me ce qui sur mon ma mes tout bien sans y fait se rien ça sont été par
  encore toujours jamais même aussi alors donc car si vraiment trop bon bonne aucun aucune personne
  depuis après avant ils elle nous leur leurs cette ces son sa dans moi déjà non oui merci bonjour
  jour jours fois heure heures semaine semaines mois an temps chose rien faire dit dire avoir être
  peu beaucoup moins quand comme où votre vos notre nos service client produit commande prix
  problème demande réponse appel message mail site magasin conseiller conseillère dossier
  numéro compte carte attente délai retour envoi reçu reste enfin ensuite puis là ici tard vite
  simple rapide long lent cher gratuit nouveau nouvelle premier première dernier dernière autre`
  .split(/\s+/)
  .filter(Boolean);

// Syllables and endings for the pseudo-words of the vocabulary's tail.
const ONSETS = 'b c d f g j l m n p r s t v ch br cr dr fr gr pl pr tr bl cl fl gl vr qu'.split(' ');
const NUCLEI = 'a e i o u é è ou on an in ai au eu oi'.split(' ');
const SYLLABLES = ONSETS.flatMap((o) => NUCLEI.map((n) => o + n));
const ENDINGS = ['', 'ment', 'tion', 'age', 'eur', 'euse', 'ette', 'ique', 'able', 'é', 'ée', 'er', 'ir', 'iste', 'ance', 'ard'];

/** Parsed lexicon terms by entry kind, and the distinct single words of every term. */
function lexiconMaterial() {
  const dir = join(root, 'lexicons', 'fr');
  const byKind = { theme: [], concept: [], irritant: [], enchantment: [], intent: [] };
  const words = new Set();
  const clean = (alt) => alt.trim().replace(/^(?:lemma|stem):/, '').replace(/ (?:lemma|stem):/g, ' ').replace(/\*/g, '');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml')).sort()) {
    const doc = YAML.parse(readFileSync(join(dir, file), 'utf8'));
    for (const entry of doc?.entries ?? []) {
      if (!(entry.kind in byKind) || !Array.isArray(entry.terms)) continue;
      for (const term of entry.terms) {
        if (typeof term !== 'string') continue;
        // A term: segments separated by gaps {m,n}; a segment: alternatives separated by |.
        const segments = term.split(/\s*\{\d+,\d+\}\s*/).map((segment) => {
          const alts = segment.split('|');
          // Globs become their literal letters ("livr*" -> "livr"), used only when the segment has nothing else.
          const plain = alts.filter((a) => !a.includes('*'));
          return (plain.length > 0 ? plain : alts).map(clean).filter(Boolean);
        });
        if (segments.some((s) => s.length === 0)) continue;
        byKind[entry.kind].push(segments);
        for (const alt of segments.flat()) for (const w of alt.split(/\s+/)) if (/^\p{L}[\p{L}'’-]+$/u.test(w)) words.add(w.toLowerCase());
      }
    }
  }
  return { byKind, words: [...words].sort() };
}

/** In-place deterministic shuffle (Fisher-Yates). */
function shuffle(list, random) {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

const ACCENTS = { é: 'e', è: 'e', ê: 'e', à: 'a', â: 'a', ç: 'c', ô: 'o', î: 'i', ù: 'u', û: 'u' };

/**
 * The word of a vocabulary rank: the common words, then the lexicon words, then a
 * tail computed from the rank alone (no table grows with the vocabulary).
 */
function vocabulary(lexiconWords) {
  const head = [...COMMON, ...lexiconWords.filter((w) => !COMMON.includes(w))];
  const base = head.length;
  // Pseudo-word blocks: k syllables then an ending; block k holds SYLLABLES^k · ENDINGS words,
  // and a rank's index inside its block goes through an affine bijection so that neighbours differ.
  const S = SYLLABLES.length;
  const E = ENDINGS.length;
  function pseudo(index) {
    let k = 1;
    let size = S * E;
    while (index >= size) {
      index -= size;
      k += 1;
      size *= S;
    }
    // 1_000_003 is prime, larger than S and E, so it is coprime with the block size: a bijection.
    let q = (index * 1_000_003 + 12_345) % size;
    const ending = ENDINGS[q % E];
    q = Math.floor(q / E);
    let word = '';
    for (let i = 0; i < k; i += 1) {
      word += SYLLABLES[q % S];
      q = Math.floor(q / S);
    }
    return word + ending;
  }
  function typo(index, h) {
    const word = head[COMMON.length + (h % (base - COMMON.length))];
    const chars = [...word];
    const at = (h >>> 8) % chars.length;
    switch ((h >>> 4) % 4) {
      case 0: // accent dropped, or a letter doubled
        return ACCENTS[chars[at]] ? word.replace(/[éèêàâçôîùû]/gu, (c) => ACCENTS[c]) : [...chars.slice(0, at), chars[at], ...chars.slice(at)].join('');
      case 1: // two letters swapped
        return at + 1 < chars.length ? [...chars.slice(0, at), chars[at + 1], chars[at], ...chars.slice(at + 2)].join('') : `${word}s`;
      case 2: // a letter dropped
        return chars.length > 3 ? [...chars.slice(0, at), ...chars.slice(at + 1)].join('') : `${word}e`;
      default: // glued to the next word of the list, as on a phone keyboard
        return word + head[COMMON.length + ((h >>> 12) % (base - COMMON.length))].split(/['’-]/)[0] + (index % 7 === 0 ? 'x' : '');
    }
  }
  return {
    base,
    word(rank) {
      if (rank < base) return head[rank];
      const index = rank - base;
      const h = mix32(index ^ 0x2545f491);
      const kind = h % 20;
      if (kind === 0) return String(10 + index); // numbers: amounts, quantities, codes
      if (kind === 1) return `REF${(index * 7919 + 104_729).toString(36).toUpperCase()}`; // references
      if (kind <= 4) return typo(index, h);
      return pseudo(index);
    },
  };
}

/**
 * Word ranks drawn from a Zipf law over a vocabulary that grows with Heaps' law.
 * Only three numbers are kept, whatever the length of the stream.
 */
function zipfHeaps(random, { zipf, heapsK, heapsBeta }, base) {
  let size = base; // words introduced so far
  let drawn = 0;
  const oneMinusS = 1 - zipf;
  return {
    get size() {
      return size;
    },
    next() {
      drawn += 1;
      if (heapsK * drawn ** heapsBeta > size) return size++; // a new word
      // Inverse of the continuous Zipf CDF on [1, size + 1).
      const u = random();
      const r = zipf === 1 ? (size + 1) ** u : ((((size + 1) ** oneMinusS - 1) * u + 1) ** (1 / oneMinusS));
      return Math.min(size - 1, Math.floor(r) - 1);
    },
  };
}

// ---------------------------------------------------------------- texts

// Channels as exports name them, with weights, their kind of text and whether a score comes with it.
const CHANNELS = [
  ['Avis Google', 14, 'review', 1],
  ['Trustpilot', 8, 'review', 1],
  ['Avis vérifiés', 5, 'review', 1],
  ['Enquête satisfaction', 14, 'survey', 1],
  ['NPS', 8, 'survey', 1],
  ['App Store', 5, 'review', 1],
  ['Google Play', 5, 'review', 1],
  ['Tchat', 8, 'chat', 0.3],
  ['E-mail', 7, 'complaint', 0],
  ['Réclamation', 7, 'complaint', 0],
  ['Courrier', 3, 'complaint', 0],
  ['Twitter', 5, 'social', 0],
  ['Facebook', 4, 'social', 0],
  ['Magasin', 4, 'review', 0.7],
  ['Verbatim conseiller', 3, 'survey', 0.5],
];
const CHANNEL_WEIGHT = CHANNELS.reduce((n, c) => n + c[1], 0);

const NAMES = ['Léa', 'Karim', 'Mme Fontaine', 'M. Garnier', 'Sophie', 'Thomas', 'Inès', 'Julien', 'Nadia', 'Marc', 'Chloé', 'Yanis'];
const DURATIONS = ['48h', '2 jours', '3 semaines', '45 min', 'une heure', '10 jours', '1 mois', 'deux semaines', '20 minutes', '6 mois'];

// Sentence templates, written for this generator. Slots: {T} a lexicon phrase (by score),
// {W} a word of the growing vocabulary, {N} a number, {D} a duration, {P} an amount,
// {R} an order reference, {X} a first name, {E} an e-mail, {F} a phone number.
const SENTENCES = [
  '{T}, {W} {W} {W}.',
  'Franchement {T} et {W} {W}.',
  '{W} {W} {T} depuis {D}.',
  'Commande {R} : {T}, {W} {W} {W} {W}.',
  "J'ai attendu {D} pour {W} {W}, {T}.",
  'Le {W} {W} était {T}.',
  'Merci à {X} pour {W} {W} {W}, {T}.',
  'Payé {P} pour {W} {W} {W} {W}.',
  '{T} !!!',
  'Pourquoi {W} {W} {W} {W} ?',
  'Rien à dire sur {W} {W}, {T}.',
  '{W} {W} {W} {W} {W} {W}.',
  'Au final {T} mais {W} {W} {W}.',
  'Ça fait {D} que {W} {W} {T}.',
  'Pas de {W} {W}, {T}.',
  'Je ne {W} pas {W} {W} {W} {W}.',
  'Deuxième fois que {T} avec {W} {W}.',
  '{W} {T} {W} {W} {W} {W} {W}.',
  'Bref, {T}.',
  'On m’a dit {W} {W} {W} puis {T}.',
  '{N} {W} {W} et toujours {T}.',
  'Avec {W} {W} {W} {W} {W}, {T} quand même.',
];
const COMPLAINT_SENTENCES = [
  ...SENTENCES,
  'Vous pouvez me joindre au {F} ou à {E}.',
  'Je vous ai écrit le {N} {W} au sujet de la commande {R} et {T}.',
  'Malgré {N} appels et {W} {W} {W}, {T}.',
  'Je demande {W} {W} {W} {W} sous {D}, à défaut {T}.',
  'Le montant de {P} a été {W} {W} {W} {W}.',
];
const GREETINGS = ['Bonjour,', 'Madame, Monsieur,', 'Bonsoir,', 'Objet : commande {R}', 'Bonjour à vous,'];
const CLOSINGS = ['Cordialement,', 'Bien à vous,', 'Dans l’attente de votre réponse,', 'Merci d’avance,'];
const CUSTOMER_TURNS = ['bonjour, {T} {W} {W}', '{R} toujours {W} {W}', 'ok merci', '{W} {W} {W} ?', 'ça fait {D} que {T}', 'non {W} {W} {W} {W}', 'et {T} aussi', 'mon numéro c’est le {F}'];
const AGENT_TURNS = ['Bonjour, je regarde cela tout de suite.', 'Pouvez-vous me confirmer votre numéro de commande ?', 'Je transmets au service concerné.', 'Je comprends votre mécontentement.', 'Je vous envoie un e-mail de confirmation.', 'Puis-je vous aider pour autre chose ?'];
const SOCIAL = ['@{W}{W} {T} #{W} #sav', '{T} 😡 @{W}', '{W} {W} {T}, merci {X} 👍', '#{W} {T} {W} {W} ?', '{T}… {W} {W} {W} @service_client'];

/** Star scores, J-shaped as in real review exports. */
function stars(random) {
  const u = random();
  return u < 0.28 ? 1 : u < 0.4 ? 2 : u < 0.52 ? 3 : u < 0.7 ? 4 : 5;
}

function makeWriter(random, material, words, sizes) {
  const { byKind } = material;
  const pools = {
    low: [...byKind.irritant, ...byKind.irritant, ...byKind.intent],
    high: byKind.enchantment,
    any: [...byKind.theme, ...byKind.concept],
  };
  function phrase(score) {
    const u = random();
    const pool = score === '' ? (u < 0.5 ? pools.any : u < 0.8 ? pools.low : pools.high)
      : score <= 2 ? (u < 0.7 ? pools.low : pools.any)
      : score >= 4 ? (u < 0.6 ? pools.high : pools.any)
      : (u < 0.3 ? pools.low : u < 0.5 ? pools.high : pools.any);
    const segments = pickFrom(random, pool);
    // A gap in the term is sometimes filled with one free word, as customers write.
    return segments.map((alts) => pickFrom(random, alts)).join(random() < 0.2 ? ` ${words.word(sizes.next())} ` : ' ');
  }
  function fill(template, score) {
    return template.replace(/\{([TWNDPRXEF])\}/g, (_, slot) => {
      switch (slot) {
        case 'T':
          return phrase(score);
        case 'W':
          return words.word(sizes.next());
        case 'N':
          return String(intBetween(random, 2, 30));
        case 'D':
          return pickFrom(random, DURATIONS);
        case 'P':
          return `${intBetween(random, 5, 900)},${String(intBetween(random, 0, 99)).padStart(2, '0')} €`;
        case 'R':
          return `CMD-2025-${String(intBetween(random, 0, 999_999)).padStart(6, '0')}`;
        case 'X':
          return pickFrom(random, NAMES);
        case 'E':
          return `${words.word(sizes.next()).replace(/[^a-z]/g, '') || 'client'}.${intBetween(random, 1, 99)}@exemple.fr`;
        default:
          return `06 ${Array.from({ length: 4 }, () => String(intBetween(random, 0, 99)).padStart(2, '0')).join(' ')}`;
      }
    });
  }
  const sentences = (list, n, score) => Array.from({ length: n }, () => fill(pickFrom(random, list), score)).join(' ');
  return function text(kind, score) {
    switch (kind) {
      case 'review':
        return sentences(SENTENCES, intBetween(random, 1, 3), score);
      case 'survey':
        return sentences(SENTENCES, intBetween(random, 1, 4), score);
      case 'social':
        return fill(pickFrom(random, SOCIAL), score);
      case 'chat': {
        const lines = [];
        let minute = intBetween(random, 0, 600);
        const clock = () => `[${String(Math.floor(minute / 60) + 8).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}]`;
        for (let turn = intBetween(random, 2, 5); turn > 0; turn -= 1) {
          lines.push(`${clock()} Client : ${fill(pickFrom(random, CUSTOMER_TURNS), score)}`);
          minute += intBetween(random, 0, 3);
          lines.push(`${clock()} Conseiller : ${pickFrom(random, AGENT_TURNS)}`);
          minute += intBetween(random, 0, 4);
        }
        return lines.join('\n');
      }
      default: {
        // Complaints: from one line to a letter with greeting, paragraphs and signature.
        if (random() < 0.3) return sentences(COMPLAINT_SENTENCES, intBetween(random, 1, 2), score);
        const paragraphs = Array.from({ length: intBetween(random, 1, 4) }, () => sentences(COMPLAINT_SENTENCES, intBetween(random, 1, 4), score));
        return [fill(pickFrom(random, GREETINGS), score), '', ...paragraphs.flatMap((p) => [p, '']), pickFrom(random, CLOSINGS), pickFrom(random, NAMES)].join('\n');
      }
    }
  };
}

function isoDate(dayIndex) {
  return new Date(Date.UTC(2024, 0, 1) + dayIndex * 86_400_000).toISOString().slice(0, 10);
}

/** Rows of corpora/sample.csv, parsed once. */
let sampleCache;
export function sampleRows() {
  sampleCache ??= parseCsv(readFileSync(join(root, 'corpora/sample.csv')), { bom: true, delimiter: ';', columns: true });
  return sampleCache;
}

/**
 * Endless rows { id, date, canal, note, commentaire } of the given kind; `note` is a
 * number or ''. `vocabularySize()` on the iterator tells the words introduced so far.
 */
export function corpusRows(options = {}) {
  const rows = kindRows(options);
  const { stores } = options;
  if (stores === undefined) return rows;
  // --stores N: the channel column holds N store codes, as an export by store does (or a wrong --channel).
  let i = 0;
  return {
    vocabularySize: () => rows.vocabularySize(),
    next() {
      const { value } = rows.next();
      value.canal = `Magasin ${String((i * 7919) % stores).padStart(4, '0')}`;
      i += 1;
      return { value, done: false };
    },
    [Symbol.iterator]() {
      return this;
    },
  };
}

function kindRows(options) {
  const { kind = 'growing', seed = DEFAULTS.seed } = options;
  if (kind === 'sample') {
    const rows = sampleRows();
    let i = 0;
    const iterator = {
      vocabularySize: () => undefined,
      next() {
        const r = rows[i % rows.length];
        const row = { id: `S${i}`, date: isoDate(i % 731), canal: r.canal, note: r.note === '' ? '' : Number(r.note), commentaire: r.commentaire };
        i += 1;
        return { value: row, done: false };
      },
      [Symbol.iterator]() {
        return this;
      },
    };
    return iterator;
  }
  if (kind !== 'growing') throw new TypeError(`gen-corpus: expected kind "growing" or "sample", got "${kind}"`);
  const random = randomFrom(seed);
  const material = lexiconMaterial();
  const words = vocabulary(shuffle([...material.words], randomFrom(seed + 1)));
  const sizes = zipfHeaps(randomFrom(seed + 2), { ...DEFAULTS, ...definedOnly(options) }, words.base);
  const text = makeWriter(random, material, words, sizes);
  let i = 0;
  return {
    vocabularySize: () => sizes.size,
    next() {
      let u = random() * CHANNEL_WEIGHT;
      let channel = CHANNELS[0];
      for (const c of CHANNELS) {
        u -= c[1];
        if (u < 0) {
          channel = c;
          break;
        }
      }
      const note = random() < channel[3] ? stars(random) : '';
      const row = { id: `G${i}`, date: isoDate(Math.floor(random() * 731)), canal: channel[0], note, commentaire: text(channel[2], note) };
      i += 1;
      return { value: row, done: false };
    },
    [Symbol.iterator]() {
      return this;
    },
  };
}

function definedOnly(options) {
  const out = {};
  for (const key of ['zipf', 'heapsK', 'heapsBeta']) if (options[key] !== undefined) out[key] = options[key];
  return out;
}

// ---------------------------------------------------------------- distinct n-grams (HyperLogLog)

const HLL_BITS = 14;
const HLL_M = 1 << HLL_BITS;

/** A HyperLogLog counter over pairs of 32-bit hashes (register from one, rank from the other): 16 KB, ±0.8 %. */
function hyperLogLog() {
  const registers = new Uint8Array(HLL_M);
  return {
    add(h1, h2) {
      const j = h2 & (HLL_M - 1);
      const rank = Math.clz32(h1) + 1;
      if (rank > registers[j]) registers[j] = rank;
    },
    estimate() {
      let sum = 0;
      let zeros = 0;
      for (const r of registers) {
        sum += 2 ** -r;
        if (r === 0) zeros += 1;
      }
      const raw = ((0.7213 / (1 + 1.079 / HLL_M)) * HLL_M * HLL_M) / sum;
      return raw <= 2.5 * HLL_M && zeros > 0 ? HLL_M * Math.log(HLL_M / zeros) : raw;
    },
  };
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Distinct words, 2-grams and 3-grams of the texts given to `add`, in 48 KB. */
function ngramCounter() {
  const counters = [hyperLogLog(), hyperLogLog(), hyperLogLog()];
  return {
    add(text) {
      let a1 = 0;
      let a2 = 0;
      let b1 = 0;
      let b2 = 0;
      let n = 0;
      for (const [token] of text.toLowerCase().matchAll(WORD)) {
        // Two independent 32-bit hashes of the token (FNV-1a style, then mixed).
        let h = 0x811c9dc5;
        for (let i = 0; i < token.length; i += 1) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
        const t1 = mix32(h);
        const t2 = mix32(h ^ 0x68e31da4);
        counters[0].add(t1, t2);
        if (n >= 1) counters[1].add(mix32(Math.imul(a1, 0x9e3779b1) ^ t1), mix32(Math.imul(a2, 0x85ebca77) ^ t2));
        if (n >= 2) counters[2].add(mix32(Math.imul(b1, 0x9e3779b1) ^ t1), mix32(Math.imul(b2, 0x85ebca77) ^ t2));
        // b = hash of the 2-gram ending here, a = this token.
        b1 = mix32(Math.imul(a1, 0x9e3779b1) ^ t1);
        b2 = mix32(Math.imul(a2, 0x85ebca77) ^ t2);
        a1 = t1;
        a2 = t2;
        n += 1;
      }
    },
    estimates: () => ({ words: counters[0].estimate(), bigrams: counters[1].estimate(), trigrams: counters[2].estimate() }),
  };
}

// ---------------------------------------------------------------- writing

const quote = (s) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes `rows` rows, or rows until the file holds `mb` megabytes, to `out` (.csv or .jsonl).
 * Returns { rows, bytes, seconds, vocabulary, distinct: { words, bigrams, trigrams } | undefined }.
 */
export async function generateCorpus(options) {
  const { out, rows, mb, kind = 'growing', stats = true } = options;
  if (typeof out !== 'string' || !/\.(csv|jsonl)$/i.test(out)) throw new TypeError(`gen-corpus: expected --out FILE.csv or FILE.jsonl, got ${out}`);
  if ((rows === undefined) === (mb === undefined)) throw new TypeError('gen-corpus: expected exactly one of --rows N or --mb M');
  const jsonl = /\.jsonl$/i.test(out);
  const started = performance.now();
  const source = corpusRows(options);
  const counter = stats ? ngramCounter() : undefined;
  const limitBytes = mb === undefined ? Infinity : mb * 1e6;
  const limitRows = rows === undefined ? Infinity : rows;
  const stream = createWriteStream(out);
  const failed = new Promise((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  const flush = (chunk) => (stream.write(chunk) ? undefined : Promise.race([new Promise((r) => stream.once('drain', r)), failed]));
  let chunk = jsonl ? '' : '\uFEFFid;date;canal;note;commentaire\r\n';
  let bytes = Buffer.byteLength(chunk);
  let written = 0;
  while (written < limitRows && bytes < limitBytes) {
    const r = source.next().value;
    counter?.add(r.commentaire);
    const line = jsonl
      ? `${JSON.stringify(r.note === '' ? { id: r.id, date: r.date, canal: r.canal, commentaire: r.commentaire } : r)}\n`
      : `${r.id};${r.date};${quote(r.canal)};${r.note};${quote(r.commentaire)}\r\n`;
    bytes += Buffer.byteLength(line);
    chunk += line;
    written += 1;
    if (chunk.length > 1 << 20) {
      await flush(chunk);
      chunk = '';
    }
  }
  await flush(chunk);
  await Promise.race([new Promise((r) => stream.end(r)), failed]);
  return {
    rows: written,
    bytes,
    seconds: (performance.now() - started) / 1000,
    vocabulary: source.vocabularySize(),
    distinct: counter?.estimates(),
  };
}

/** One line describing what generateCorpus returned. */
export function describeCorpus(result) {
  const k = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e4 ? `${(x / 1e3).toFixed(0)} k` : String(Math.round(x)));
  const parts = [`${result.rows} rows`, `${(result.bytes / 1e6).toFixed(1)} MB`, `${result.seconds.toFixed(1)} s`];
  if (result.vocabulary !== undefined) parts.push(`vocabulary introduced ${k(result.vocabulary)} words`);
  if (result.distinct) parts.push(`distinct (HLL ±1 %): words ${k(result.distinct.words)}, 2-grams ${k(result.distinct.bigrams)}, 3-grams ${k(result.distinct.trigrams)}`);
  return parts.join(', ');
}

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      mb: { type: 'string' },
      kind: { type: 'string', default: 'growing' },
      out: { type: 'string' },
      seed: { type: 'string' },
      zipf: { type: 'string' },
      'heaps-k': { type: 'string' },
      'heaps-beta': { type: 'string' },
      stores: { type: 'string' },
      'no-stats': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('node bench/gen-corpus.mjs --rows N | --mb M --kind growing|sample --out FILE.csv|FILE.jsonl [--seed S] [--zipf 1.1] [--heaps-k 20] [--heaps-beta 0.6] [--stores N] [--no-stats]');
    return;
  }
  const number = (name) => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new TypeError(`gen-corpus: expected --${name} to be a positive number, got "${raw}"`);
    return n;
  };
  const result = await generateCorpus({
    out: values.out,
    rows: number('rows'),
    mb: number('mb'),
    kind: values.kind,
    seed: number('seed') ?? DEFAULTS.seed,
    zipf: number('zipf'),
    heapsK: number('heaps-k'),
    heapsBeta: number('heaps-beta'),
    stores: number('stores'),
    stats: !values['no-stats'],
  });
  console.log(`${values.out}: ${values.kind}, ${describeCorpus(result)}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof TypeError ? error.message : error);
    process.exitCode = 1;
  });
}
