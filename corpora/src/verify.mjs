// Parses corpora/sample.csv back with csv-parse and prints per-channel figures:
// rows, mean words per verbatim (and, for chats, customer words and turns),
// score ranges, date range, blank and English rows. Exits 1 on any malformed row.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';

const here = dirname(fileURLToPath(import.meta.url));
const buf = readFileSync(join(here, '..', 'sample.csv'));
const problems = [];
if (buf[0] !== 0xef || buf[1] !== 0xbb || buf[2] !== 0xbf) problems.push('missing UTF-8 BOM');
const text = buf.toString('utf8');
if (!text.startsWith('\uFEFFid;date;canal;note;commentaire\r\n')) problems.push('bad header line');
if (!text.endsWith('\r\n')) problems.push('file does not end with CRLF');

const rows = parse(text, { delimiter: ';', bom: true, columns: true, relax_column_count: false });

// Same grouping as lexicons/fr/channels.yml, written out here so the check stands alone.
const FAMILY = {
  'avis google': 'avis_en_ligne', trustpilot: 'avis_en_ligne', 'avis vérifiés': 'avis_en_ligne', 'avis client': 'avis_en_ligne',
  'enquête satisfaction': 'enquete', nps: 'enquete', questionnaire: 'enquete',
  tchat: 'chat', 'live chat': 'chat', 'chat en ligne': 'chat',
  'e-mail': 'email', mail: 'email', courriel: 'email', 'formulaire de contact': 'email',
  courrier: 'reclamation', 'réclamation': 'reclamation',
  facebook: 'reseaux_sociaux', twitter: 'reseaux_sociaux', x: 'reseaux_sociaux', instagram: 'reseaux_sociaux', linkedin: 'reseaux_sociaux',
  'app store': 'store', 'google play': 'store', 'play store': 'store',
  'verbatim conseiller': 'telephone', appel: 'telephone', 'téléphone': 'telephone',
  magasin: 'magasin', boutique: 'magasin',
};
const CUSTOMER_TURN = /^(?:\[[\d:]+\]\s*)?(?:Client|Cliente|Vous|Moi)\s*:\s*/;
const ANY_TURN = /^(?:\[[\d:]+\]\s*)?[A-ZÀ-Ü][\p{L} ]{0,20}\s*:\s/u;
const ENGLISH = /\b(the|and|was|is|my|you|your|thanks|thank|please|with|for|to|can|it|in|an|of|no|never|but|we|good|nice)\b/gi;
const FRENCH = /\b(le|la|les|de|des|du|et|je|pas|est|un|une|pour|que|qui|au|mon|ma|vous)\b/gi;
const words = (s) => (s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;

const stats = new Map();
const months = new Map();
let blank = 0, english = 0, minDate = '9999', maxDate = '0000', frDates = 0;
const seenIds = new Set();
rows.forEach((row, i) => {
  const where = `row ${i + 2} (${row.id})`;
  if (!/^V\d{4}$/.test(row.id) || seenIds.has(row.id)) problems.push(`${where}: bad or duplicate id`);
  seenIds.add(row.id);
  let iso = row.date;
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(row.date);
  if (fr) { iso = `${fr[3]}-${fr[2]}-${fr[1]}`; frDates++; }
  if (!/^2025-\d{2}-\d{2}$/.test(iso)) problems.push(`${where}: bad date ${row.date}`);
  if (iso < minDate) minDate = iso;
  if (iso > maxDate) maxDate = iso;
  months.set(iso.slice(0, 7), (months.get(iso.slice(0, 7)) ?? 0) + 1);

  const family = row.canal === '' ? '(vide)' : FAMILY[row.canal.toLowerCase()] ?? `autre:${row.canal}`;
  const note = row.note === '' ? null : Number(row.note);
  if (family === 'enquete' && !(note >= 0 && note <= 10)) problems.push(`${where}: NPS expected`);
  if ((family === 'avis_en_ligne' || family === 'store') && !(note >= 1 && note <= 5)) problems.push(`${where}: stars expected`);
  if (!['enquete', 'avis_en_ligne', 'store'].includes(family) && note !== null) problems.push(`${where}: unexpected score`);

  const s = stats.get(family) ?? { rows: 0, words: 0, raw: new Map(), custWords: 0, turns: 0, nonBlank: 0 };
  s.rows++;
  s.raw.set(row.canal, (s.raw.get(row.canal) ?? 0) + 1);
  if (row.commentaire.trim() === '') { blank++; stats.set(family, s); return; }
  s.nonBlank++;
  s.words += words(row.commentaire);
  const spoken = row.commentaire.split('\n').map((l) => l.replace(ANY_TURN, '')).join('\n');
  if ((spoken.match(ENGLISH) ?? []).length >= 2 && (spoken.match(FRENCH) ?? []).length < 2) english++;
  if (family === 'chat') {
    for (const line of row.commentaire.split('\n')) {
      if (ANY_TURN.test(line)) s.turns++;
      if (CUSTOMER_TURN.test(line)) s.custWords += words(line.replace(CUSTOMER_TURN, ''));
    }
  }
  stats.set(family, s);
});

console.log(`rows: ${rows.length}   dates: ${minDate} → ${maxDate} (${frDates} written DD/MM/YYYY)`);
console.log(`blank/whitespace-only: ${blank}   English (heuristic): ${english}`);
console.log('\nchannel            rows  words/verbatim  raw labels');
for (const [family, s] of [...stats].sort((a, b) => b[1].rows - a[1].rows)) {
  const mean = s.nonBlank ? (s.words / s.nonBlank).toFixed(1) : '-';
  const raw = [...s.raw].map(([k, v]) => `${k || '""'}=${v}`).join(', ');
  console.log(`${family.padEnd(18)} ${String(s.rows).padStart(4)}  ${mean.padStart(14)}  ${raw}`);
  if (family === 'chat') {
    console.log(`${''.padEnd(18)}       customer words/chat ${(s.custWords / s.nonBlank).toFixed(1)}, turns/chat ${(s.turns / s.nonBlank).toFixed(1)}`);
  }
}
console.log('\nper month: ' + [...months].sort().map(([m, n]) => `${m.slice(5)}:${n}`).join(' '));
if (problems.length) {
  console.error('\nPROBLEMS:\n' + problems.join('\n'));
  process.exit(1);
}
console.log('\nOK: every row parsed with 5 columns, ids unique, scores consistent with channels.');
