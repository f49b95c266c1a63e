// Assembles corpora/sample.csv from the hand-written verbatims in ./data/*.mjs.
// Output mimics a French Excel export: UTF-8 with BOM, ";" separator, CRLF
// between rows, LF inside quoted multi-line cells (what Excel writes for Alt+Enter).
//
// Each data entry is [date, canal, note, text]:
//   date  'YYYY-MM-DD' or 'DD/MM/YYYY' (kept as written: exports mix both)
//   canal the raw channel label, as the export would show it ('' when missing)
//   note  number or null (NPS 0–10 for surveys, stars 1–5 for reviews/stores)
//   text  a string, or an array of lines joined with '\n' (chats, letters)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

import avis from './data/avis.mjs';
import enquete from './data/enquete.mjs';
import chat from './data/chat.mjs';
import email from './data/email.mjs';
import reclamation from './data/reclamation.mjs';
import reseaux from './data/reseaux.mjs';
import store from './data/store.mjs';
import telephone from './data/telephone.mjs';
import magasin from './data/magasin.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'sample.csv');

// Which score scale each raw channel label carries (null: no score column).
const SCALE = {
  'Avis Google': 'stars', 'Trustpilot': 'stars', 'Avis vérifiés': 'stars', 'Avis client': 'stars',
  'Enquête satisfaction': 'nps', 'NPS': 'nps', 'Questionnaire': 'nps',
  'App Store': 'stars', 'Google Play': 'stars', 'Play Store': 'stars',
};

const all = [avis, enquete, chat, email, reclamation, reseaux, store, telephone, magasin].flat();

function isoKey(date) {
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  if (fr) return `${fr[3]}-${fr[2]}-${fr[1]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  throw new Error(`bad date: ${date}`);
}

const problems = [];
const rows = all.map((entry, index) => {
  if (!Array.isArray(entry) || entry.length !== 4) {
    problems.push(`entry #${index}: expected [date, canal, note, text]`);
    return null;
  }
  const [date, canal, note, raw] = entry;
  const text = Array.isArray(raw) ? raw.join('\n') : raw;
  const key = isoKey(date);
  if (key < '2025-01-01' || key > '2025-12-31' || Number.isNaN(Date.parse(key))) {
    problems.push(`entry #${index}: date out of range ${date}`);
  }
  const scale = SCALE[canal] ?? null;
  if (scale === 'stars' && !(Number.isInteger(note) && note >= 1 && note <= 5)) {
    problems.push(`entry #${index} (${canal}): stars expected, got ${note}`);
  } else if (scale === 'nps' && !(Number.isInteger(note) && note >= 0 && note <= 10)) {
    problems.push(`entry #${index} (${canal}): NPS expected, got ${note}`);
  } else if (scale === null && note !== null) {
    problems.push(`entry #${index} (${canal}): no score expected, got ${note}`);
  }
  return { key, index, date, canal, note, text };
});
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

// Exports come sorted by date; keep authoring order within a day (stable sort).
rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));

function cell(value) {
  const s = value === null || value === undefined ? '' : String(value);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const lines = [['id', 'date', 'canal', 'note', 'commentaire'].join(';')];
rows.forEach((row, i) => {
  const id = `V${String(i + 1).padStart(4, '0')}`;
  lines.push([id, row.date, row.canal, row.note, row.text].map(cell).join(';'));
});

writeFileSync(out, '\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
console.log(`wrote ${rows.length} verbatims to ${out}`);
