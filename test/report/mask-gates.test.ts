// The masking's gates (each finder runs only when the text holds what its
// patterns need) change nothing: on every text, the gated search finds what
// running every finder finds.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/report/mask.js';
import { gate, isFirstName, lastLine, mayHoldNames } from '../../src/report/mask-names.js';

const sample = (parse(readFileSync(new URL('../../corpora/sample.csv', import.meta.url)), { bom: true, delimiter: ';', columns: true }) as Array<{ commentaire: string }>).map(
  (r) => r.commentaire,
);
const piiSet = (file: string): string[] =>
  readFileSync(new URL(`../fixtures/pii/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text: string }).text);

// The export generator of the benchmarks (plain JavaScript, imported by URL).
const generator = (await import(String(new URL('../../bench/gen-corpus.mjs', import.meta.url)))) as {
  corpusRows(options: { kind: 'growing'; seed: number }): Iterator<{ commentaire: string }>;
};

function growing(n: number): string[] {
  const rows = generator.corpusRows({ kind: 'growing', seed: 11 });
  return Array.from({ length: n }, () => rows.next().value.commentaire);
}

const same = (text: string): void => {
  expect(findPersonalData(text), text).toEqual(findPersonalData(text, false));
};

describe('masking gates', () => {
  it.each([
    ['corpora/sample.csv', sample],
    ['the personal-data development set', piiSet('verbatims.jsonl')],
    ['the personal-data held-out set', piiSet('holdout.jsonl')],
    ['4,000 generated export rows', growing(4000)],
  ])('find what every finder finds on %s', (_name, texts) => {
    expect(texts.length).toBeGreaterThan(90);
    for (const text of texts) same(text);
  });

  // Pieces that open or nearly open each finder: digits in groups, at signs, street words, markers, name cues.
  const piece = fc.oneof(
    fc.constantFrom(
      '06', '12', '34', '56', '78', '0612345678', '+33', '(0)', '0033', '+262', '692', '4970', '1012', '3456', '7890', '4111111111111111',
      'FR76', 'fr76', '3000', '6000', '0112', '189', '30006', '00001', '12345678901', '89', '1', '85', '05', '2A', '006', '084', '36',
      '12/03/2024', '2024-03-12', '14h30', '48h', '12,50', '€', '75011', '69003', '13001', 'CEDEX', '12', 'bis', 'rue', 'av', 'place', 'des',
      'Lilas', 'Lyon', 'Le', 'Mans', 'lieu-dit', 'ZI', 'BP', '42', 'résidence', 'bât.', '@', 'x.y', 'gmail', 'point', 'com', 'fr', 'at',
      'arobase', '[at]', '(at)', 'dot', 'n°', 'no', 'commande', 'dossier', 'client', 'Client :', 'modèle', 'CMD2024A881', 'XB-778-412-FR',
      'A12B', 'Madame', 'mme', 'M', 'M.', 'Mr', 'Dr', 'nguyen', 'Durand', 'conseillère', 'Agent', 'Cordialement', 'bien', 'à', 'vous',
      'Bonjour', 'Hugo', 'Julie', "m'appelle", 'je', 'me', 'nomme', 'Émilie', 'Dufour', 'Saint', 'colis', 'reçu', 'merci', 'pas', 'le', 'la',
      // Letters beyond the first plane, decomposed accents, run characters.
      '𝐀', '𝐀𝐁', 'e\u0301', '_', '__', '/', 'x_1', "d'Orange", "l'Agence",
      // Email pieces: local parts of every class, at signs in a row, an astral letter before one.
      'jean.dupont', 'x+y', '50%', 'a-b', '@@', 'a@b', '@x.fr', 'é@', '𝐀@', '.fr', '-',
      // Letters that fold alone or not (the gate hashes the first kind), hyphens and apostrophes.
      'Hélène', 'CONSEILLÈRE', 'Jean-Pierre', 'Marc-kerbrat', 'ÉMILIE', 'Chloé', 'l’Agence', 'd’Émilie', 'Ǆ', 'ß', 'İ', 'ﬁ', 'Œ', 'ŒUF', 'a-', "-'", 'ªb', 'm’appelle',
    ),
    fc.stringMatching(/^[a-zA-Zéè0-9]{1,8}$/u),
  );
  const gap = fc.constantFrom(' ', ' ', ' ', '', '', '.', '. ', ', ', '-', '/', '_', ' : ', '\u00a0', '\n', '  ', '(', ')', ' #', '°');
  const text = fc.array(fc.tuple(piece, gap), { maxLength: 24 }).map((parts) => parts.map(([p, g]) => p + g).join(''));

  // An email's shortcut reads the text near each `@` only, and leaves the written-out forms to their
  // own scan unless every `@` is in an email found; an address's scans run only where they may match.
  it.each([
    ['écrivez-moi à jean@gmail[.]com svp', 1],
    ['mon mail : x.y@orange[dot]fr', 1],
    ['jean@gmail (dot) com ou marie@exemple.com', 2],
    ['jean @ free.fr ou marie@exemple.com', 2],
    ['x(at)gmail.com et y@gmail.com', 2],
    ['jean (point) dupont@laposte.net', 1],
    ['écrivez-moi à jean@gmail point com svp', 0],
    ['adresse a@b@c.fr', 1],
    // The scan goes on from the end of an email: the next one starts after it, not inside it.
    ['écrire à a@b.fr@c.xy@d.xy merci', 2],
    ['@@x.fr', 0],
    // A mention is no email, and sends no text to the written-out scan; a written one after it still counts.
    ['@Orange_France ma box ne marche plus', 0],
    ['@Orange merci, écrivez-moi : x(at)gmail.com', 1],
    ['@Orange ou jean@gmail [.] com', 1],
    ['ma commande 123456 livrée au 12 rue des Lilas', 2],
    ['Contact : 06 12 34 56 78, BP 42 13001 Marseille', 2],
    ['colis 4821937, lieu-dit La Ferrière', 2],
    ['ticket 98765 Lyon', 1],
  ])('find what every finder finds on %j (%i spans)', (t, spans) => {
    same(t);
    expect(findPersonalData(t)).toHaveLength(spans);
  });

  it('property: find what every finder finds on texts made of their cues', () => {
    fc.assert(fc.property(text, (t) => same(t)), { numRuns: 3000 });
  });

  it.each([
    ['Livraison rapide, produit conforme.', false],
    ['Très déçu du service client, aucune réponse.', false],
    ['Merci à Julie pour son aide', true],
    ['mme nguyen très aimable', true],
    ['Cordialement', false],
    ['Cordialement, Kerbrat', true],
    ['Bien à vous', false],
    ['Bien à vous, Kerbrat', true],
    ["la conseillère d'Orange", true],
    ['la conseillère orange', false],
    ['ligne un\nligne deux', true],
    ['ligne un\nligne 2', false],
    ['m dupont', false],
    ['M Dupont', true],
    ['mme', true],
    ['Bien à vous, Kerbrat', true],
    ['bien a vous Kerbrat', true],
    ['bien vous Kerbrat', false],
    ["d'Artagnan", false],
    ["l'Agence Julie", true],
    ['CONSEILLÈRE Julie', true],
    ['la conseillère\u00a0Émilie', true],
    ['MADAME', true],
    ['𝐀 Julie', true],
    ['Agent 007', false],
    ['Jean-Pierre a répondu', true],
    ['Hélène a répondu', true],
    ['HÉLÈNE a répondu', true],
    ['Marc-Kerbrat', false],
    ['je m’appelle kerbrat', true],
    ["d’Émilie", false],
  ])('mayHoldNames(%j) is %s', (input, expected) => {
    expect(mayHoldNames(input)).toBe(expected);
  });

  // The gate as it was first written (a WORD regex scan, every word folded and
  // looked up in the same lists): the hashed scan must answer the same on every text.
  const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
  const fold = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/gu, "'");
  const referenceGate = (text: string): boolean => {
    if (text.includes('\n') && lastLine(text) !== undefined) return true;
    const [openers, capitalOpeners] = gate();
    let before = '';
    let last = '';
    let opened = false;
    for (const m of text.matchAll(WORD)) {
      const cap = /^\p{Lu}/u.test(m[0]) || /^[dl]['’]\p{Lu}/u.test(m[0]);
      if (opened && cap) return true;
      const f = fold(m[0]);
      if (openers.has(f) && (f !== 'm' || m[0] === 'M')) return true;
      if (cap && isFirstName(f)) return true;
      opened = capitalOpeners.has(f) || (f === 'vous' && last === 'a' && before === 'bien');
      before = last;
      last = f;
    }
    return false;
  };

  it('property: the hashed gate answers as the word-by-word gate', () => {
    for (const t of [...sample, ...growing(2000)]) expect(mayHoldNames(t), t).toBe(referenceGate(t));
    fc.assert(fc.property(text, (t) => mayHoldNames(t) === referenceGate(t)), { numRuns: 3000 });
  });
});
