// Cost of one long verbatim against its length: each kind of content is
// analysed and added to a report (its examples: highlights moved into the
// masked text) at S and 4·S characters; linear time gives a ratio near 4 (the
// figure printed is the cost per character at 4·S over the cost at S:
// ~1 when linear, ~4 when quadratic). BENCH_LONG_KB sets S (default 128).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cpuMs as cpu } from './_clock.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Written for the benchmark: dense matches, sentiment words, irony, emoji,
// turns, one endless clause, English, line breaks without punctuation.
const KINDS = {
  clause: 'livraison en retard colis abîmé service client répond pas vraiment nul vendeur sympa super génial ',
  sentiment: 'super génial nul horrible top bof lent cher ',
  irony: 'bravo génial super mais encore un retard toujours pas de réponse ',
  emoji: 'super 👏 nul 🙄 ',
  turns: 'génial mais nul mais top mais horrible ',
  negators: 'ne plus jamais plus rien plus de plus personne aucun sans ',
  sentences: 'Livraison en retard. Colis abîmé ! Service nul ? Super vendeur. ',
  lines: 'colis arrivé cassé\nremboursement toujours pas reçu\nconseillère adorable\n',
  english: 'the delivery was late and the support never answered but the product is great ',
  // Matches between personal data: thousands of highlights and of masked spans in one letter.
  personal: 'colis en retard, écrivez à jean.dupont@example.com ou au 06 12 34 56 78, remboursement jamais reçu ',
};

// A product catalogue: a layer of 40,000 concepts, one made-up product name each, and a
// letter naming them one after another, so that the entries it carries grow with its
// length (their pairs and examples once grew with their square).
const CATALOGUE = 40000;
const SYLLABLES = ['ba', 'ko', 'ri', 'mu', 'ta', 've', 'lo', 'ni', 'za', 'pe', 'du', 'fi', 'go', 'ju', 'xa', 'wo'];
function product(i) {
  let name = '';
  for (let x = i + 65536, k = 0; k < 5; k++, x = Math.floor(x / 16)) name += SYLLABLES[x % 16];
  return `${name}x`;
}
function catalogueText(chars) {
  let text = '';
  for (let i = 0; text.length < chars; i++) text += `le ${product(i % CATALOGUE)} est bien, `;
  return text;
}

export default async function bench() {
  const { createAnalyzer, analyzeVerbatim, createReportBuilder, defineLexicon, reportMeta } = await import(pathToFileURL(join(root, 'dist/index.js')).href);
  const analyzer = createAnalyzer();
  const entries = [{ id: 'produits', kind: 'theme', label: 'Produits', terms: ['catalogue'] }];
  for (let i = 0; i < CATALOGUE; i++) entries.push({ id: `produit_${i}`, kind: 'concept', parent: 'produits', label: `Produit ${i}`, terms: [product(i)] });
  const catalogue = createAnalyzer({ lexicons: [defineLexicon({ version: 1, entries })] });
  const size = Number(process.env.BENCH_LONG_KB ?? 128) * 1024;
  // Warm up: compile the English layer and JIT the hot paths.
  analyzeVerbatim({ id: 'w', text: KINDS.english.repeat(40) }, analyzer);
  analyzeVerbatim({ id: 'w', text: KINDS.clause.repeat(40) }, analyzer);
  console.log(`one verbatim of S = ${size / 1024} KB and of 4·S, CPU ms; ratio = cost per character at 4·S / at S (1 linear, 4 quadratic)`);
  const ratios = [];
  const cases = [...Object.entries(KINDS).map(([kind, unit]) => [kind, (chars) => unit.repeat(Math.ceil(chars / unit.length)), analyzer]), ['catalogue', catalogueText, catalogue]];
  for (const [kind, textOf, analyser] of cases) {
    const time = (chars) => {
      const text = textOf(chars);
      const t0 = cpu();
      createReportBuilder({ meta: reportMeta(analyser) }).add(analyzeVerbatim({ id: kind, text }, analyser));
      return cpu() - t0;
    };
    // Best of a few runs: the machine is shared, garbage collection lands where it likes.
    const small = Math.min(time(size), time(size), time(size));
    const large = Math.min(time(4 * size), time(4 * size));
    const ratio = large / 4 / small;
    ratios.push(ratio);
    console.log(`${kind.padEnd(10)} S ${small.toFixed(0).padStart(6)} ms   4·S ${large.toFixed(0).padStart(7)} ms   ratio ${ratio.toFixed(2)}`);
  }
  console.log(`worst ratio ${Math.max(...ratios).toFixed(2)} (target <= 1.5)`);
}
