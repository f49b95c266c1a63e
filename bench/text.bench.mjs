// Text layer throughput on ~100k synthetic French verbatims, three ways in one run:
//   ours    tokenize() + the norm it carries + stem() of every word token
//   bare    lowercase + one Unicode regex match-all (the floor: no French rules at all)
//   natural AggressiveTokenizerFr + PorterStemmerFr on every token
// Ratios are on MB/s (same input for all three). Targets: ours/bare ≥ 0.5, ours/natural ≥ 5.
import AggressiveTokenizerFr from 'natural/lib/natural/tokenizers/aggressive_tokenizer_fr.js';
import PorterStemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import { stem, tokenize } from '../dist/index.js';

const VERBATIMS = 100_000;
const RUNS = 5;

/** Deterministic PRNG (mulberry32), so every run measures the same corpus. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Word lists written for this benchmark: the vocabulary of delivery, support and billing complaints.
const OPENERS = ['Bonjour,', 'Bonsoir', 'Franchement', 'Alors voilà :', 'Madame, Monsieur,', 'slt', 'Re,', ''];
const SUBJECTS = ["l'accueil", 'le conseiller', 'la livraison', 'le colis', "l'application", 'le SAV', 'le service client', 'la conseillère', "l'attente", 'le remboursement', 'la facture', 'le livreur', "l'espace client", 'la hotline', 'le magasin'];
const VERBS = ['était', 'est', 'a été', "n'est pas", 'reste', 'semble', "n'a jamais été", 'devient', 'paraît'];
const ADJECTIVES = ['nul', 'NUUUL', 'parfait', 'très lent', 'désagréable', 'rapide', 'efficace', 'inadmissible', 'top', 'catastrophique', 'correct', 'décevant', 'au top', 'trop long', 'incompétent', 'super sympa'];
const CLAUSES = [
  "j'ai attendu 45 min au téléphone",
  'pk personne ne répond ?',
  'tjrs pas reçu ma commande n°123456',
  "on m'a promis un rappel qui n'est jamais venu",
  'remboursé 12,50 € au lieu de 1 250 €',
  'livré le 12/03/2025 à 10h42 au lieu du 08/03',
  'pouvez-vous me rappeler au 06 12 34 56 78 svp',
  "ça fait 3 semaines que j'attends",
  "c'est-à-dire qu'on doit tout répéter à chaque appel",
  'écrivez-moi à jean.dupont@exemple.fr',
  'voir www.exemple.fr/aide, rien de clair',
  'a-t-il seulement lu mon message ?',
  'bcp trop de frais (15%) pour rien',
  "aujourd'hui encore aucune réponse",
  'jsuis vraiment déçu 😡😡',
  'merci à Léa pour sa gentillesse 👍🏽',
  'colis abîmé, carton ouvert, produit cassé',
  'le rendez-vous a été annulé sans prévenir',
  'dossier CMD-2024-0042 toujours en attente !!!',
  'geste commercial apprécié, bon d’achat de 20€',
  '#arnaque @MarqueOfficielle',
  'bref... plus jamais',
];
const CLOSERS = ['Cordialement.', 'Merci.', 'Bonne journée', 'À fuir !', '', '', 'Je recommande.', '🙂', 'Déçu.'];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

export function corpus() {
  const random = prng(20_241_125);
  const texts = [];
  for (let i = 0; i < VERBATIMS; i++) {
    const parts = [pick(random, OPENERS), `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, ADJECTIVES)},`];
    const clauses = 1 + Math.floor(random() * 4);
    for (let k = 0; k < clauses; k++) parts.push(pick(random, CLAUSES) + (random() < 0.5 ? '.' : ','));
    parts.push(pick(random, CLOSERS));
    texts.push(parts.filter(Boolean).join(' '));
  }
  return texts;
}

const WORD_TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const naturalTokenizer = new AggressiveTokenizerFr();

export const contenders = {
  ours(texts) {
    let tokens = 0;
    let sink = 0;
    for (const text of texts) {
      for (const token of tokenize(text)) {
        tokens++;
        if (token.kind === 'word') sink += stem(token.norm).length;
        else sink += token.norm.length;
      }
    }
    return { tokens, sink };
  },
  bare(texts) {
    let tokens = 0;
    let sink = 0;
    for (const text of texts) {
      const words = text.toLowerCase().match(WORD_TOKEN) ?? [];
      tokens += words.length;
      for (const word of words) sink += word.length;
    }
    return { tokens, sink };
  },
  natural(texts) {
    let tokens = 0;
    let sink = 0;
    for (const text of texts) {
      for (const word of naturalTokenizer.tokenize(text)) {
        tokens++;
        sink += PorterStemmerFr.stem(word).length;
      }
    }
    return { tokens, sink };
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export default async function bench() {
  const texts = corpus();
  const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
  console.log(`${texts.length} verbatims, ${megabytes.toFixed(1)} MB, median of ${RUNS} runs after a warm-up`);
  // Runs are interleaved (ours, bare, natural, ours, …) so that a change of
  // machine load during the benchmark hits the three alike.
  const names = Object.keys(contenders);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const tokens = {};
  for (const name of names) contenders[name](texts); // warm-up: JIT, and our bounded memo of norms and stems
  for (let r = 0; r < RUNS; r++) {
    for (const name of names) {
      const started = performance.now();
      tokens[name] = contenders[name](texts).tokens;
      times[name].push((performance.now() - started) / 1000);
    }
  }
  const results = {};
  for (const name of names) {
    const seconds = median(times[name]);
    results[name] = { seconds, tokens: tokens[name], tokensPerSecond: tokens[name] / seconds, mbPerSecond: megabytes / seconds };
    console.log(
      `${name.padEnd(8)} ${(tokens[name] / seconds / 1e6).toFixed(2).padStart(6)} M tokens/s  ${(megabytes / seconds).toFixed(1).padStart(6)} MB/s  (${tokens[name]} tokens, ${(seconds * 1000).toFixed(0)} ms)`,
    );
  }
  const ratio = (a, b) => results[a].mbPerSecond / results[b].mbPerSecond;
  console.log(`ours/bare    ${ratio('ours', 'bare').toFixed(2)} (target ≥ 0.5)`);
  console.log(`ours/natural ${ratio('ours', 'natural').toFixed(2)} (target ≥ 5)`);
  return results;
}
