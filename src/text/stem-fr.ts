// French Snowball ("Porter") stemmer, written for this project from the
// published description of the algorithm (snowball.tartarus.org, French
// stemming algorithm, the 2006 revision: par/col/tap exception, `ë` after
// `gu`), no code taken from any implementation.
//
// Until this file, stems came from natural's PorterStemmerFr, and the lexicons,
// the compiled matchers and every report were built on its output. This file
// keeps that output byte for byte (test/text/stem-fr.oracle.test.ts checks it
// on 336k words), so where natural reads the description differently its
// reading is reproduced on purpose. Each such place is marked "Deviation Dn"
// below and listed in the oracle test:
//
//   D1  marking: a letter's neighbours are read in the word as it was, not as
//       marked so far (`croyiez` → croYIez; the description's reference
//       implementation gives croYiez).
//   D2  RV of a three-letter word opening with two vowels starts after the
//       second letter, not the third (`aïe`: RV is `e`, which step 4 removes).
//   D3  step 1 tries its rules in a fixed order, each on the region its
//       condition names, and the first match wins; the description takes the
//       longest suffix of the whole word and then tests its condition. Seen
//       where `issement` lies outside R1: `ement` is removed instead.
//   D4  `ic` before `ation`…, `ic` and `abil` before `ité` become `iqU` and
//       `abl` even when `ation` or `ité` lies outside R2.
//   D5  `iv` before `ité` is kept (`absorptivité` → absorptiv).
//   D6  `icatif`… outside R2 is left alone unless `atif`… lies in R2 (the
//       description would still remove `if` in R2).
//   D7  step 2a also removes `Ie`, step 2b also removes `Iez` (endings whose
//       `i` was marked, D1).
//   D8  step 2b tries its three groups in order (`é`…`iez`, then `ions` in R2,
//       then `a`…`assions`): `assiez` loses `iez` only, `assions` loses `ions`
//       only when `ions` lies in R2.
//   D9  step 3 (not step 4) follows whenever steps 1–2 changed the word, so
//       after `amment`→`ant`, `emment`→`ent` or `ment` removal.
//   D10 step 4 applies `ion`, `ier`…, `e` and `ë` one after the other rather
//       than the longest one; the `gu` before `ë` need not lie in RV.
//   D11 step 6 never un-accents the first letter (`ès` stays `ès`).
//   D12 one-letter words come back lower-cased without going through the
//       steps (no rule can change them anyway), and '' gives '' (natural
//       returns the string "undefined").
//
// The word is worked on as a string. Vowels that act as consonants are marked
// in upper case (I, U, Y) first; regions are offsets into the marked word,
// computed once: rules only cut or rewrite the end, so offsets stay valid.

// The vowels of the description, by UTF-16 code (all below 256).
const VOWEL_CODES = new Uint8Array(256);
for (const ch of 'aeiouyâàëéêèïîôûù') VOWEL_CODES[ch.charCodeAt(0)] = 1;

/** Whether `word[i]` is a vowel (marked I, U, Y are not; nor is a position outside the word). */
function vowelAt(word: string, i: number): boolean {
  // Outside the word, no vowel (read as such, not as charCodeAt's NaN: V8 would drop the optimised code once).
  if (i < 0 || i >= word.length) return false;
  const code = word.charCodeAt(i);
  return code < 256 && VOWEL_CODES[code] === 1;
}

const [I, Q, U, Y] = [...'iquy'].map((ch) => ch.charCodeAt(0)) as [number, number, number, number];

/** Where RV, R1 and R2 start in the marked word (its length when empty). */
export interface Regions {
  readonly rv: number;
  readonly r1: number;
  readonly r2: number;
}

/**
 * Marks in upper case the `u` and `i` between two vowels, the `y` next to a
 * vowel and the `u` after `q` (`jouer` → joUer, `yeux` → Yeux, `quand` →
 * qUand). Deviation D1: neighbours are read in the unmarked word.
 */
export function markVowels(word: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code !== U && code !== I && code !== Y) continue;
    const before = vowelAt(word, i - 1);
    const after = vowelAt(word, i + 1);
    const marked =
      code === Y ? before || after : (before && after) || (code === U && i > 0 && word.charCodeAt(i - 1) === Q);
    if (marked) {
      out += word.slice(copied, i) + String.fromCharCode(code - 32); // upper case
      copied = i + 1;
    }
  }
  return copied === 0 ? word : out + word.slice(copied);
}

/** RV, R1 and R2 of a marked word (deviation D2 for RV). */
export function regions(word: string): Regions {
  const n = word.length;
  let rv = n;
  if (vowelAt(word, 0) && vowelAt(word, 1) && n > 3) rv = 3;
  else if (word.startsWith('par') || word.startsWith('col') || word.startsWith('tap')) rv = 3;
  else {
    for (let i = 1; i < n; i++) {
      if (vowelAt(word, i)) {
        rv = i + 1;
        break;
      }
    }
  }
  const r1 = afterVowelThenOther(word, 0);
  return { rv, r1, r2: afterVowelThenOther(word, r1) };
}

/** Offset just after the first non-vowel that follows a vowel lying at or after `from`. */
function afterVowelThenOther(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    if (vowelAt(word, i - 1) && !vowelAt(word, i)) return i + 1;
  }
  return word.length;
}

/** Suffixes by the code of their last letter, longest first: the first hit is the longest. */
type Suffixes = ReadonlyMap<number, readonly string[]>;

function suffixes(list: string): Suffixes {
  const byLast = new Map<number, string[]>();
  for (const suffix of list.split(' ').sort((a, b) => b.length - a.length)) {
    const last = suffix.charCodeAt(suffix.length - 1);
    byLast.set(last, [...(byLast.get(last) ?? []), suffix]);
  }
  return byLast;
}

/** Length of the longest suffix of `word` in `list` that starts at or after `from` (0 when none). */
function longest(word: string, list: Suffixes, from = 0): number {
  const candidates = list.get(word.charCodeAt(word.length - 1));
  if (candidates === undefined) return 0;
  for (const suffix of candidates) {
    if (word.length - suffix.length >= from && word.endsWith(suffix)) return suffix.length;
  }
  return 0;
}

/** Whether the `length` last letters of `word` start at or after `from`. */
function endsWithin(word: string, length: number, from: number): boolean {
  return word.length - length >= from;
}

type Region = 'word' | 'rv' | 'r1' | 'r2';

function start(region: Region, r: Regions): number {
  return region === 'word' ? 0 : r[region];
}

/** One rule of step 1: the first whose suffix lies in `within` wins (deviation D3). */
interface Step1Rule {
  readonly list: Suffixes;
  readonly within: Region;
  /** The word after the rule; `word` minus the suffix is `word.slice(0, -length)`. */
  apply(word: string, length: number, r: Regions): string;
  /** Step 2a still runs after this rule (`amment`, `emment`, `ment`). */
  readonly verbsAfter?: true;
}

const cut = (word: string, length: number): string => word.slice(0, word.length - length);
const rewrite =
  (to: string) =>
  (word: string, length: number): string =>
    cut(word, length) + to;
/** In R2 the suffix goes, elsewhere it becomes `to` (`icité` → iqU, `abilité` → abl; D4). */
const r2Else =
  (to: string) =>
  (word: string, length: number, r: Regions): string =>
    endsWithin(word, length, r.r2) ? cut(word, length) : cut(word, length) + to;

const STEP1: readonly Step1Rule[] = [
  { list: suffixes('ance iqUe isme able iste eux ances iqUes ismes ables istes'), within: 'r2', apply: cut },
  { list: suffixes('icatrice icateur ication icatrices icateurs ications'), within: 'word', apply: r2Else('iqU') },
  { list: suffixes('atrice ateur ation atrices ateurs ations'), within: 'r2', apply: cut },
  { list: suffixes('logie logies'), within: 'r2', apply: rewrite('log') },
  { list: suffixes('usion ution usions utions'), within: 'r2', apply: rewrite('u') },
  { list: suffixes('ence ences'), within: 'r2', apply: rewrite('ent') },
  {
    list: suffixes('issement issements'),
    within: 'r1',
    apply: (word, length) => (vowelAt(word, word.length - length - 1) ? word : cut(word, length)),
  },
  { list: suffixes('ativement ativements ivement ivements'), within: 'r2', apply: cut },
  {
    list: suffixes('eusement eusements'),
    within: 'word',
    // Same as the description's `ement` then `eus` (`eusement` in R1 has its `ement` in RV).
    apply: (word, length, r) => {
      if (endsWithin(word, length, r.r2)) return cut(word, length);
      if (endsWithin(word, length, r.r1)) return cut(word, length) + 'eux';
      return endsWithin(word, length - 3, r.rv) ? cut(word, length - 3) : word;
    },
  },
  { list: suffixes('ablement ablements iqUement iqUements'), within: 'r2', apply: cut },
  { list: suffixes('ièrement ièrements Ièrement Ièrements'), within: 'rv', apply: rewrite('i') },
  { list: suffixes('ement ements'), within: 'rv', apply: cut },
  { list: suffixes('icité icités'), within: 'word', apply: r2Else('iqU') },
  { list: suffixes('abilité abilités'), within: 'word', apply: r2Else('abl') },
  { list: suffixes('ité ités'), within: 'r2', apply: cut }, // D5: a preceding `iv` stays
  { list: suffixes('icatif icative icatifs icatives'), within: 'word', apply: icatif },
  { list: suffixes('atif ative atifs atives if ive ifs ives'), within: 'r2', apply: cut },
  { list: suffixes('eaux'), within: 'word', apply: rewrite('eau') },
  { list: suffixes('aux'), within: 'r1', apply: rewrite('al') },
  { list: suffixes('euse euses'), within: 'r2', apply: cut },
  { list: suffixes('euse euses'), within: 'r1', apply: rewrite('eux') },
  { list: suffixes('amment'), within: 'rv', apply: rewrite('ant'), verbsAfter: true },
  { list: suffixes('emment'), within: 'rv', apply: rewrite('ent'), verbsAfter: true },
  {
    list: suffixes('ment ments'),
    within: 'rv',
    // Only after a vowel that lies in RV too.
    apply: (word, length, r) =>
      vowelAt(word, word.length - length - 1) && endsWithin(word, length + 1, r.rv) ? cut(word, length) : word,
    verbsAfter: true,
  },
];

const ATIF = suffixes('atif ative atifs atives');

/** `icatif`…: gone in R2; else `ic`+`atif` → `iqU` when `atif` is in R2; else kept (D6). */
function icatif(word: string, length: number, r: Regions): string {
  let w = word;
  if (endsWithin(w, length, r.r2)) w = cut(w, length);
  const atif = longest(w, ATIF, r.r2);
  return atif === 0 ? w : cut(w, atif + 2) + 'iqU';
}

// The rules that can apply to a word, by the code of its last letter (in order).
const STEP1_BY_LAST = new Map<number, Step1Rule[]>();
for (const rule of STEP1) {
  for (const last of rule.list.keys()) STEP1_BY_LAST.set(last, [...(STEP1_BY_LAST.get(last) ?? []), rule]);
}

/** Step 1, standard suffixes: the word after it, and whether step 2a runs next. */
function step1(word: string, r: Regions): { readonly word: string; readonly verbs: boolean } {
  for (const rule of STEP1_BY_LAST.get(word.charCodeAt(word.length - 1)) ?? []) {
    const length = longest(word, rule.list, start(rule.within, r));
    if (length === 0) continue;
    const result = rule.apply(word, length, r);
    return { word: result, verbs: result === word || rule.verbsAfter === true };
  }
  return { word, verbs: true };
}

const STEP2A = suffixes(
  'îmes ît îtes i ie Ie ies ir ira irai iraIent irais irait iras irent irez iriez irions irons iront is ' +
    'issaIent issais issait issant issante issantes issants isse issent isses issez issiez issions issons it',
);

/** Step 2a, verb endings in `i`, in RV and after a non-vowel in RV (`Ie`: D7). */
function step2a(word: string, rv: number): string {
  const length = longest(word, STEP2A, rv);
  if (length === 0) return word;
  const before = word.length - length - 1;
  return before >= rv && !vowelAt(word, before) ? cut(word, length) : word;
}

const STEP2B_E = suffixes(
  'é ée ées és èrent er era erai eraIent erais erait eras erez eriez erions erons eront ez iez Iez',
);
const STEP2B_A = suffixes('âmes ât âtes a ai aIent ais ait ant ante antes ants as asse assent asses assiez assions');

/** Step 2b, other verb endings, in RV; the three groups in order (D8; `Iez`: D7). */
function step2b(word: string, { rv, r2 }: Regions): string {
  let length = longest(word, STEP2B_E, rv);
  if (length > 0) return cut(word, length);
  if (word.endsWith('ions') && endsWithin(word, 4, Math.max(rv, r2))) return cut(word, 4);
  length = longest(word, STEP2B_A, rv);
  if (length === 0) return word;
  // An `e` just before goes too, when it lies in RV.
  const e = word[word.length - length - 1] === 'e' && endsWithin(word, length + 1, rv) ? 1 : 0;
  return cut(word, length + e);
}

const KEEP_S: ReadonlySet<string> = new Set('aiouès');
const IER = suffixes('ier ière Ier Ière');

/** Step 4, residual suffixes, one after the other (D10). */
function step4(word: string, { rv, r2 }: Regions): string {
  let w = word;
  if (w.length >= 2 && w.endsWith('s') && !KEEP_S.has(w[w.length - 2] as string)) w = cut(w, 1);
  if (w.endsWith('ion') && endsWithin(w, 3, r2)) {
    const before = w[w.length - 4];
    if (before === 's' || before === 't') w = cut(w, 3);
  }
  const ier = longest(w, IER, rv);
  if (ier > 0) w = cut(w, ier) + 'i';
  if (w.endsWith('e') && endsWithin(w, 1, rv)) w = cut(w, 1);
  if (w.endsWith('guë') && endsWithin(w, 1, rv)) w = cut(w, 1);
  return w;
}

const DOUBLES = ['enn', 'onn', 'ett', 'ell', 'eill'];

/** Step 5: `enn`, `onn`, `ett`, `ell`, `eill` lose their last letter. */
function undouble(word: string): string {
  return DOUBLES.some((d) => word.endsWith(d)) ? cut(word, 1) : word;
}

/** Step 6: a last vowel `é` or `è` followed by non-vowels becomes `e` (never the first letter: D11). */
function unaccent(word: string): string {
  let i = word.length - 1;
  while (i > 0 && !vowelAt(word, i)) i--;
  if (i === 0 || i === word.length - 1) return word;
  const ch = word[i];
  return ch === 'é' || ch === 'è' ? word.slice(0, i) + 'e' + word.slice(i + 1) : word;
}

/**
 * French Snowball stem of one word, lower-cased; accents are kept (fold them
 * first when keys must ignore them). Same output as natural's
 * PorterStemmerFr on every non-empty word (see the deviations above).
 */
export function stemFrench(input: string): string {
  const word = markVowels(input.toLowerCase());
  if (word.length <= 1) return word.toLowerCase(); // D12
  const r = regions(word);
  const one = step1(word, r);
  let w = one.word;
  if (one.verbs) {
    const two = step2a(w, r.rv);
    if (two === w) w = step2b(w, r);
    else w = two;
  }
  if (w !== word) {
    // Step 3 (D9: after any change by steps 1–2).
    const last = w[w.length - 1];
    if (last === 'Y') w = cut(w, 1) + 'i';
    else if (last === 'ç') w = cut(w, 1) + 'c';
  } else w = step4(w, r);
  return unaccent(undouble(w)).toLowerCase();
}
