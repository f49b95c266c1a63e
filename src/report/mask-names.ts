// Person names in French customer text, found by their cues: a civility title
// ("Mme Nguyen", "M Benali", "Dr Le Goff", "mme nguyen"), "je m'appelle X Y",
// a sign-off ("Cordialement, X Y"), a staff role ("votre conseillère X Y",
// "Julie (conseillère) :"), a greeting ("Bonjour Hugo,"), a first name from a
// list of common ones, or a name alone on the last line. Words lists are
// folded (lowercase, no accents). Linear: one pass over the word tokens.
import { foldAccents } from '../text/fold.js';
import { Memo } from '../text/memo.js';
import { HASH_BASE, hashOf } from '../_utils/hash.js';
import { stopwords } from '../lexicon/text-tables.js';

// The lists' lines start at the margin: a template string keeps its indentation, which the browser bundle would carry.
const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/u).filter((w) => w !== ''));

/** Civility titles (folded, without the dot). `m` counts only as a capital `M`. */
// Not the plurals: "Messieurs Du Petit Vapoteur" addresses a shop.
const TITLES = set('m mr mme mlle melle mademoiselle madame monsieur dr docteur docteure maitre pr professeur');
/** Abbreviated titles, the only ones a dot may follow ("M. Dupont"; "coup de maître. Impec" is no title). */
const ABBREVIATED = set('m mr mme mlle melle dr pr');
/** Titles after which a lower-case word may be a name ("mme nguyen"); "le maître mot" is no name. */
const LOWER_AFTER = set('m mr mme mlle melle madame monsieur mademoiselle');

/** Staff roles a name may follow: "la conseillère Sophie", "Agent Thomas". */
const ROLES = set(`conseiller conseillere conseilleres conseillers agent agente technicien technicienne livreur livreuse
vendeur vendeuse collegue collaborateur collaboratrice interlocuteur interlocutrice gestionnaire operateur operatrice
hotesse caissier caissiere expert experte gerant gerante commercial commerciale standardiste responsable manager
coursier chauffeur installateur plombier electricien depanneur assistante assistant`);

/** Words that close a letter or a message; a name may follow on the same or the next line. */
const SIGN_OFFS = set('cordialement cdlt cdt salutations respectueusement amicalement bises distinguees sinceres regards thanks cheers sincerely');

/** Greetings a first name may follow: "Bonjour Hugo,". */
// Not "merci": "Merci Alcoool !" thanks a shop far more often than a person (first names are found anyway).
const GREETINGS = set('bonjour bonsoir salut hello coucou');

/** Name particles, kept inside a name when a capitalised word follows ("de La Tour", "Le Goff", "Ben Ali"). */
const PARTICLES = set('de du des d da dos das di del della van von der den le la les ben bin el al ibn mac mc st saint sainte');

/**
 * Words that are never a name, on top of the stop words: negations, pronouns,
 * common verbs and nouns met after a title or a role ("Madame la directrice",
 * "Monsieur est servi", "le conseiller client", "Monsieur tout-le-monde").
 */
const NOT_NAMES = set(`ne pas plus aucun aucune jamais rien personne sans ni guere non oui tres trop bien mal aussi encore deja
toujours souvent parfois peut-etre tout toute tous toutes tout-le-monde quelqu quelque quelques chaque autre autres
cher chere chers cheres bonnes bons belle beau nouveau nouvelle ancien ancienne
fait faisait dit disait doit devait devrait peut pouvait pourrait
veut voulait voudrait va vont allait vient venait venu venue sait savait voit voyait prend prenait part partie parti reste restait
semble semblait arrive arrivait passe passait appelle appelait repond repondait explique expliquait
d'accord beaucoup mademoiselle client cliente clients clientes
service services clientele direction directeur directrice responsable equipe equipes agence magasin boutique societe entreprise
banque mairie maire president presidente gerant gerante conseiller conseillere agent technicien livreur vendeur vendeuse
elles quoi dont donc or car
sous chez vers entre depuis pendant avant apres contre selon malgre comme quand lorsque puisque
la-bas voici voila hier aujourd'hui demain maintenant alors ensuite enfin puis
propre bricolage cuisine martens figaro patate jardin
sav mp dm rdv pj ps nb cc re tel mail email adresse numero objet date maison
rappelle relance signale souhaite demande indique precise conteste reclame refuse accepte confirme informe attend
revient rappellera rappelera appellera viendra passera ecrit pense trouve estime affirme declare menace exige
sollicite regrette remercie aimerait
lui-meme elle-meme egalement`);

/** Functions a title may announce with an article: "Monsieur le Directeur", "Madame la gérante". */
const FUNCTIONS = set(`directeur directrice gerant gerante responsable mediateur mediatrice maire president presidente juge ministre
prefet prefete procureur commissaire docteur professeur conseiller conseillere technicien technicienne livreur livreuse
vendeur vendeuse chef cheffe patron patronne proprietaire gardien gardienne facteur factrice notaire avocat avocate
delegue deleguee secretaire comptable agent agente gestionnaire manager superviseur superviseuse medecin pharmacien
pharmacienne depute deputee senateur senatrice conciliateur conciliatrice defenseur representant representante`);

/** Adjectives that are also common surnames: not a name alone after a cue, but a surname after a first name ("Romain Petit"). */
const SURNAME_ADJECTIVES = set('petit petite grand grande blanc brun roux bon bonne noir vieux jeune gros');

/** Words before a first name that make it a place or a feast: "la Saint Valentin", "l'île Maurice", "avenue Louise". */
const NOT_BEFORE_NAME = set('saint sainte st ste ile rue avenue boulevard place allee quai chemin route impasse lycee college ecole hopital clinique stade');

/**
 * Brands and organisations met after a role or a greeting ("le livreur
 * Chronopost", "la conseillère Orange"): never taken for a name there.
 */
const BRANDS = set(`orange free sfr bouygues sosh red numericable chronopost colissimo dpd ups dhl gls fedex tnt relais mondial poste
amazon fnac darty boulanger cdiscount leroy merlin castorama brico ikea decathlon carrefour auchan leclerc lidl aldi intermarche
casino monoprix franprix engie edf total totalenergies veolia suez uber deliveroo netflix canal samsung apple sony dyson bosch
whirlpool renault peugeot citroen sncf ouigo ratp air france banque credit agricole societe generale lcl bnp caisse epargne
boursorama macif maif axa allianz groupama matmut ameli caf pole emploi cpam urssaf impots google facebook instagram twitter
paypal visa mastercard vinted leboncoin ebay zalando shein temu aliexpress`);

/**
 * Common French first names (folded). Left out: first names that are also
 * common words or places (Rose, Pierre is kept; France, Florence, Nancy,
 * Marine, Victoire, Noël, Max, Jade… are not).
 */
const FIRST_NAMES = set(`aaron abdel abdelkader abdallah abdou adam adele adelaide adrien agathe agnes ahmed aicha aida aime alain alban albert
alexandra alexandre alexis alfred ali alice aline alix amandine amaury amel amelie amine amir anais anatole andre andrea angele
angelique anne annick annie anthony antoine antonin apolline arnaud arthur astrid audrey
augustin aurelie aurelien axel aya aymeric baptiste barbara bastien beatrice benedicte benjamin benoit bernadette bernard
bertrand blandine boris brice brigitte bruno camille capucine carine carla carole caroline catherine cecile celia celine
chantal charlene charles charlotte chloe christelle christian christiane christine christophe claire clara claude claudine
clemence clement coline colette corentin corinne cyril cyrille damien daniel daniele danielle david delphine denis denise
didier dominique dorian dylan edith edouard elisa elisabeth elise eliane elodie eloise elsa emeline emilie emilien emma
emmanuel emmanuelle enzo eric erwan estelle ethan etienne eugenie eva eve evelyne fabien fabienne fabrice farid fatima fatou
faustine felix fernand fernande florian francine franck francois francoise frederic frederique gabriel gabrielle gael gaelle
gaetan gautier genevieve georges gerald geraldine gerard gilbert gilles ginette gisele gregoire gregory guillaume guy guylaine
hakim hamid hannah hassan helene henri herve hugo hugues ibrahim ines irene isabelle jacqueline jacques jamel jean
jeanne jeremie jeremy jerome
joel joelle johan jonathan jordan jose josette josiane joseph josephine julie julien juliette justine karim karima katia kelly
kevin khadija killian laetitia lamia laura laure laurence laurent lea leila leo leon leonie lina lionel lisa lise loic
lola louis louise luc luca lucas lucie lucien lucile ludivine ludovic maeva magali malik manon marc marceau marcel
marcelle margaux margot marguerite maria marianne marie marie-france
marielle marine-laure marion marius marjorie marlene martin martine mathias mathieu mathilde matteo matthieu maud maurice maxime
medhi mehdi melanie melissa michael michel micheline mickael mireille mohamed monique morgane mounir myriam nadege nadia nadine
nathalie nathan nicolas nicole nina noemie norbert oceane odette odile olivia olivier omar oscar pascal pascale patrice
patricia patrick paul paule pauline perrine philippe pierre quentin rachel rachid raphael raphaelle raymond regine
remi renaud rene rita robert rodolphe roger romain romane roland sabine sabrina samia samir samuel sandra sandrine sarah
sebastien serge severine simon simone sofia sofiane solange solene sonia sophie stephane stephanie suzanne sylvain sylvie
tatiana theo therese thibault thibaut thierry thomas timothee tom tristan valentin valentine valerie vanessa veronique
victor vincent virginie vivien xavier yacine yanis yann yannick yasmine yassine yves yvette yvonne zoe
abdelaziz abderrahmane adama alexia alicia amadou amina anissa arnold aurore-anne bilal brahim cedric clarisse
coralie dalila djamel driss elias eliott elliot emilienne evan ewan fanny fatiha gabin guilhem hadrien hamza hicham ilyes
imane ismael jade-marie jason jessica joachim jocelyne johanna jordane kader kamel kenza kylian kilian lahcen lena lenny
leonard louna lucille mael maelle maelys mamadou manel marwa mathis mathys maxence melvin mickaelle mohammed moussa mustapha
nabil naima nassim nolan noah noam nora ophelie oumar rayan ryan salim salome sami samy sandro souad steven sylvia
theophile tiphaine valery walid wassim william yoann yoan yohan yohann youssef yasmina zakaria zineb`);

// Words are folded as the rules read them (cues and the words around them: the gate and `words` tell the
// others apart by hash), memoised: the same cues come back verbatim after verbatim, and normalising is slow.
const foldings = new Memo<string>(8_192);
function fold(s: string): string {
  let f = foldings.get(s);
  if (f === undefined) foldings.set(s, (f = foldAccents(s)));
  return f;
}

/**
 * A common first name, or a compound of them ("Marc-Antoine", "Marie-Jean-Pierre"), whose last part may be
 * a listed compound ("Emma-Marine-Laure"). The whole is looked up only while it is short (no first name is
 * 32 letters long), so a long run of hyphens costs its length once.
 */
export function isFirstName(folded: string): boolean {
  for (let start = 0; ; ) {
    if (folded.length - start < 32 && FIRST_NAMES.has(folded.slice(start))) return true;
    const dash = folded.indexOf('-', start);
    if (dash <= start || !FIRST_NAMES.has(folded.slice(start, dash))) return false;
    start = dash + 1;
  }
}

let notNames: ReadonlySet<string> | undefined;
function isNotName(folded: string): boolean {
  notNames ??= new Set([...stopwords(), ...NOT_NAMES]);
  if (notNames.has(folded)) return true;
  // "tout-le-monde", "peut-être": a hyphenated word made of common words.
  if (folded.includes('-')) return folded.split('-').some((part) => notNames?.has(part) === true);
  return false;
}

interface Word {
  text: string;
  /** Its folding, built the first time a rule reads it (`folded`): most words are told apart by their hash alone. */
  folding: string | undefined;
  start: number;
  end: number;
  /** A rule may open on it: a capital, or a word the gate looks for (by the hash of its folding, see `wordEnd`). */
  cue: boolean;
  /** Starts with a capital (or "d'" + capital). */
  cap: boolean;
  /** Followed directly by a dot ("M.", "J."). */
  dot: boolean;
  /** Inside text already masked as something else, or glued to a digit ("FR76"): never part of a name. */
  blocked: boolean;
}

/** The folding of a word ('' for none: before the first word, after the last). */
const folded = (w: Word | undefined): string => (w === undefined ? '' : (w.folding ??= fold(w.text)));
/** The word at `i`, undefined outside the list (read so, not past its ends: V8 dropped its optimised code there once). */
const wordAt = (ws: readonly Word[], i: number): Word | undefined => (i >= 0 && i < ws.length ? ws[i] : undefined);

// A word, a capital: read from a given offset (sticky).
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/uy;
const UPPER_AT = /\p{Lu}/uy;
const at = (re: RegExp, text: string, i: number): boolean => {
  re.lastIndex = i;
  return re.test(text);
};

/** The word at `i` starts with a capital, or "d'"/"l'" + capital: ASCII letters by code, the rest by a regex (this runs on every word). */
function isCapAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c <= 0x5a || ((c === 0x64 || c === 0x6c) && i + 1 < text.length && (text.charCodeAt(i + 1) === 0x27 || text.charCodeAt(i + 1) === 0x2019) && at(UPPER_AT, text, i + 2));
  return at(UPPER_AT, text, i);
}

/** An ASCII digit, what `\d` matches (NaN, outside the text, is none). */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Where the word (as WORD cuts them) at `i` ends, `i` when none starts
 * there; `scanned.hash` is then the hash of its folding, read as its letters
 * come when they fold one by one (`letters`, an apostrophe between two of
 * them too), else -1: past those letters (a hyphen, a mark, a letter past
 * U+0250…) WORD tells where the word ends.
 */
function wordEnd(text: string, i: number, letters: Uint8Array, scanned: { hash: number }): number {
  let h = 0;
  let end = i;
  let d = text.charCodeAt(i);
  // Past the text a code reads as 0, no letter (charCodeAt's NaN there made V8 drop the optimised code once).
  const n = text.length;
  for (let l = letters[d]; l || ((d === 0x27 || d === 0x2019) && end > i && end + 1 < n && letters[text.charCodeAt(end + 1)] && (l = 0x27)); l = letters[(d = ++end < n ? text.charCodeAt(end) : 0)]) {
    h = (Math.imul(h, HASH_BASE) + l) | 0;
  }
  if ((d >= 0x80 || d === 0x2d || d === 0x27) && at(WORD, text, i) && WORD.lastIndex > end) {
    h = -1;
    end = WORD.lastIndex;
  }
  scanned.hash = h;
  return end;
}

function words(text: string, free: (start: number, end: number) => boolean): Word[] {
  const out: Word[] = [];
  const scanned = { hash: 0 };
  const [, , hashes, letters] = gate();
  for (let i = 0; i < text.length; ) {
    const end = wordEnd(text, i, letters, scanned);
    if (end === i) i++;
    else {
      const cap = isCapAt(text, i);
      out.push({
        text: text.slice(i, end),
        folding: undefined,
        start: i,
        end,
        cue: cap || scanned.hash === -1 || hashes.has(scanned.hash),
        cap,
        dot: end < text.length && text.charCodeAt(end) === 46,
        blocked: !free(i, end) || (end < text.length && isDigit(text.charCodeAt(end))) || (i > 0 && isDigit(text.charCodeAt(i - 1))),
      });
      i = end;
    }
  }
  return out;
}

/** Only spaces (no line break, no punctuation) between two words. */
const SPACES = /^[ \u00a0\u202f]{1,3}$/u;
/** What may separate a title from the name: "M. Dupont", "M.Dupont", "Mme  Durand". */
const AFTER_TITLE = /^\.?[ \u00a0\u202f]{0,3}$/u;

const isTitle = (w: Word): boolean => TITLES.has(folded(w)) && (folded(w) !== 'm' || w.text === 'M');
const isInitial = (w: Word): boolean => w.text.length === 1 && at(UPPER_AT, w.text, 0) && w.dot && !w.blocked;
/** A capitalised name word; `surname`: after another name word, where "Petit" or "Leclerc" are surnames. */
const isCapName = (w: Word, brands: boolean, surname = false): boolean =>
  w.cap &&
  !w.blocked &&
  w.text.length >= 2 &&
  !isTitle(w) &&
  !isNotName(folded(w)) &&
  (surname || !(brands && (SURNAME_ADJECTIVES.has(folded(w)) || BRANDS.has(folded(w)))));
// "iPhone" is no lower-case name.
const isLowerName = (w: Word): boolean => !w.cap && !w.blocked && !/\p{Lu}/u.test(w.text) && w.text.length >= 3 && !isNotName(folded(w)) && !BRANDS.has(folded(w)) && !TITLES.has(folded(w));

interface TakeOptions {
  /** Lowercase words may be names (after a title or "je m'appelle"): up to this many. */
  lower: number;
  /** Refuse brand names (after a role or a greeting). */
  brands: boolean;
  /** Most name words (particles not counted). */
  max: number;
}

/**
 * The name starting at word `i`: name words and particles separated by
 * spaces only. Returns [start, end, last word index] or undefined.
 */
function takeName(ws: readonly Word[], text: string, i: number, o: TakeOptions): [number, number, number] | undefined {
  let first = -1;
  let last = -1;
  let names = 0;
  let lowers = 0;
  let k = i;
  while (k < ws.length && names < o.max) {
    const w = ws[k] as Word;
    if (k > i) {
      const prev = ws[k - 1] as Word;
      const gap = text.slice(prev.end, w.start);
      // An initial keeps its dot: "A. Lemoine", "J.-P. Morel".
      if (!(SPACES.test(gap) || (isInitial(prev) && /^\.[ \u00a0\u202f-]{0,2}$/u.test(gap)))) break;
    }
    // "Monsieur le Médiateur", "Madame la directrice": an article before a function opens no name ("M. Le Goff", "mr le goff" do).
    if (first < 0 && (folded(w) === 'le' || folded(w) === 'la' || folded(w) === 'les')) {
      const after = ws[k + 1];
      if (after === undefined || FUNCTIONS.has(folded(after)) || ROLES.has(folded(after))) break;
    }
    if (PARTICLES.has(folded(w)) && !w.dot) {
      // A particle belongs to the name only when a capitalised name word follows it.
      let j = k + 1;
      while (j < ws.length && j - k < 4 && PARTICLES.has(folded(ws[j])) && SPACES.test(text.slice((ws[j - 1] as Word).end, (ws[j] as Word).start))) j++;
      const next = wordAt(ws, j);
      if (next !== undefined && SPACES.test(text.slice((ws[j - 1] as Word).end, next.start)) && isCapName(next, o.brands) && (w.cap || first >= 0 || o.lower > 0)) {
        if (first < 0) first = k;
        k = j;
        continue;
      }
      break;
    }
    if (isInitial(w)) {
      // "A. Lemoine", or a surname's initial after a first name: "Julie R.".
      if (first < 0) first = k;
      last = k;
      k++;
      if (names > 0) break;
      continue;
    }
    if (isCapName(w, o.brands, names > 0)) {
      if (first < 0) first = k;
      last = k;
      names++;
      k++;
      continue;
    }
    // Lowercase names only at the start, or after other lowercase names: "mme nguyen", "je m'appelle julie moreau".
    if (lowers < o.lower && (names === lowers) && isLowerName(w)) {
      if (first < 0) first = k;
      last = k;
      names++;
      lowers++;
      k++;
      continue;
    }
    break;
  }
  if (last < 0 || names === 0) return undefined;
  return [(ws[first] as Word).start, (ws[last] as Word).end, last];
}

/** The last line, [start, end) trimmed, when it is short and made of letters only: where a signature may be. */
export function lastLine(text: string): [number, number] | undefined {
  // Trimmed by hand: /[\s.!]+$/ is quadratic on long runs of spaces.
  let end = text.length;
  while (end > 0 && /[\s.!]/u.test(text[end - 1] as string)) end--;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  if (lineStart === 0 || end - lineStart > 60) return undefined;
  return /^[\p{L}\p{M}'’ .\u00a0-]{2,60}$/u.test(text.slice(lineStart, end)) ? [lineStart, end] : undefined;
}

/** Last line holding only one to three capitalised name words: a signature. */
function signatureLine(ws: readonly Word[], text: string): [number, number] | undefined {
  const line = lastLine(text);
  if (line === undefined) return undefined;
  const [lineStart, end] = line;
  const inLine = ws.filter((w) => w.start >= lineStart && w.end <= end);
  // Two words at least: a last line "Déçu." or "Lamentable" is no signature.
  if (inLine.length < 2 || inLine.length > 4 || !inLine.every((w) => isCapName(w, true) || isInitial(w) || PARTICLES.has(folded(w)))) return undefined;
  const first = inLine[0] as Word;
  const last = inLine[inLine.length - 1] as Word;
  return [first.start, last.end];
}

/**
 * What the gate and `words` look for, by the hash of a word's folding: the
 * words that open a name (titles, "m'appelle", "nomme", roles, sign-offs,
 * greetings, the "vous" of "bien à vous") and the first names; a word whose
 * letters fold one by one and whose hash is none of these is none of them, and
 * is not built. `letters`: per UTF-16 code (64 KB, so the scan indexes it
 * without a range check), the code of the letter's folding when it is one
 * ASCII letter (`É` → `e`; filled below U+0250), else 0. A tuple, not an
 * object: the browser's first load has no bytes to spare for the keys.
 */
type GateWords = readonly [openers: ReadonlySet<string>, capitalOpeners: ReadonlySet<string>, hashes: ReadonlySet<number>, letters: Uint8Array];
let gateWords: GateWords | undefined;
export function gate(): GateWords {
  if (gateWords !== undefined) return gateWords;
  const openers = new Set([...TITLES, "m'appelle", 'nomme']);
  const capitalOpeners = new Set([...ROLES, ...SIGN_OFFS, ...GREETINGS]);
  const letters = new Uint8Array(0x10000);
  // Only letters fold to one: marks, symbols and ligatures (ª, ß, æ) fold to themselves.
  for (let c = 0; c < 0x250; c++) {
    const f = foldAccents(String.fromCharCode(c));
    if (/^[a-z]$/u.test(f)) letters[c] = f.charCodeAt(0);
  }
  return (gateWords = [openers, capitalOpeners, new Set([...openers, ...capitalOpeners, 'vous', ...FIRST_NAMES].map(hashOf)), letters]);
}

/**
 * False when `findNames` cannot find a name in `text`: no last line that
 * may be a signature, and no word that opens a name — a title, "m'appelle",
 * "nomme", or a role, a sign-off ("bien à vous" too) or a greeting followed by
 * a capitalised word, or a capitalised common first name. One pass over the
 * words as WORD cuts them, with the same folding; a word of letters that fold
 * one by one is told from the words looked for by its hash, without building
 * it: most verbatims stop here, having built hardly a word.
 */
export function mayHoldNames(text: string): boolean {
  if (text.includes('\n') && lastLine(text) !== undefined) return true;
  const [openers, capitalOpeners, hashes, letters] = gate();
  // The hashes of the two words before.
  let before = 0;
  let last = 0;
  let opened = false;
  const scanned = { hash: 0 };
  for (let i = 0; i < text.length; ) {
    const end = wordEnd(text, i, letters, scanned);
    let h = scanned.hash;
    if (end === i) {
      i++;
      continue;
    }
    const cap = isCapAt(text, i);
    if (opened && cap) return true;
    if (h === -1 || hashes.has(h)) {
      const word = text.slice(i, end);
      const f = fold(word);
      // A word cut by WORD has no hash yet: the words before "vous" are compared by it.
      if (h === -1) h = hashOf(f);
      // A lone `m` is a title only as a capital M.
      if (openers.has(f) && (f !== 'm' || word === 'M')) return true;
      if (cap && isFirstName(f)) return true;
      opened = capitalOpeners.has(f) || (f === 'vous' && last === hashOf('a') && before === hashOf('bien'));
    } else opened = false;
    before = last;
    last = h;
    i = end;
  }
  return false;
}

/**
 * Person names in `text` and their other mentions, each offered to `claim`
 * (true when it takes the span): the names in order, then every other word
 * spelled as a capitalised word of a name taken ("Nguyen a dit…"). `free`
 * tells whether a span is still free (not masked as an email, a phone…).
 * One list of words serves the names and their mentions.
 */
export function findNames(text: string, free: (start: number, end: number) => boolean, claim: (start: number, end: number) => boolean): void {
  const ws = words(text, free);
  const names = namesIn(ws, text).filter(([s, e]) => claim(s, e));
  if (names.length === 0) return;
  // The words of the names taken, folded: "je m'appelle julie nguyen" masks a later "Nguyen" too.
  const spelled = new Set<string>();
  for (const w of ws) {
    if (w.end - w.start >= 3 && names.some(([s, e]) => w.start >= s && w.end <= e) && !PARTICLES.has(folded(w)) && !isNotName(folded(w))) spelled.add(folded(w));
  }
  // A mention is a capitalised word (a lower-case "rose" is no mention of "Rose Dufour").
  for (const w of ws) if (w.cap && spelled.has(folded(w))) claim(w.start, w.end);
}

/** Spans of person names among the words `ws` of `text`, sorted, not overlapping. */
function namesIn(ws: readonly Word[], text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let taken = -1;
  const push = (span: [number, number, number] | undefined): boolean => {
    if (span === undefined) return false;
    found.push([span[0], span[1]]);
    taken = span[2];
    return true;
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as Word;
    // Every rule below opens on a cue.
    if (i <= taken || !w.cue) continue;
    const next = ws[i + 1];
    const gap = next === undefined ? '' : text.slice(w.end, next.start);
    // 1. A title: "Mme Nguyen", "mme nguyen", "M. Le Goff", "Madame de La Tour".
    if (isTitle(w) && next !== undefined && AFTER_TITLE.test(gap) && (!w.dot || ABBREVIATED.has(folded(w)))) {
      if (push(takeName(ws, text, i + 1, { lower: LOWER_AFTER.has(folded(w)) ? 1 : 0, brands: false, max: 3 }))) continue;
    }
    // 2. "je m'appelle X Y", "je me nomme X".
    if ((folded(w) === "m'appelle" || (folded(w) === 'nomme' && folded(wordAt(ws, i - 1)) === 'me')) && next !== undefined && SPACES.test(gap)) {
      if (push(takeName(ws, text, i + 1, { lower: 2, brands: true, max: 3 }))) continue;
    }
    // 3. A staff role: "votre conseillère Émilie Dufour", "Agent Thomas :".
    if (ROLES.has(folded(w)) && next !== undefined && SPACES.test(gap) && next.cap) {
      if (push(takeName(ws, text, i + 1, { lower: 0, brands: true, max: 2 }))) continue;
    }
    // 4. A sign-off: "Cordialement, Paul Gauthier", "Bien à vous,\nCéline".
    const signOff = SIGN_OFFS.has(folded(w)) || (folded(w) === 'vous' && folded(wordAt(ws, i - 1)) === 'a' && folded(wordAt(ws, i - 2)) === 'bien');
    if (signOff && next !== undefined && /^[ \u00a0\u202f]*[,.!]?[ \u00a0\u202f]*(?:\r?\n[ \u00a0\u202f]*)*$/u.test(gap) && (next.cap || isInitial(next))) {
      if (push(takeName(ws, text, i + 1, { lower: 0, brands: true, max: 3 }))) continue;
    }
    // 5. A greeting: "Bonjour Hugo,", "merci Sophie".
    if (GREETINGS.has(folded(w)) && next !== undefined && SPACES.test(gap) && next.cap && !isTitle(next)) {
      const after = ws[i + 2];
      const end = after === undefined ? text.slice(next.end) : text.slice(next.end, after.start);
      // "Merci Sophie !" or "Bonjour Hugo, …": the name stands alone before punctuation.
      if (/^[ \u00a0\u202f]*[,.!?:;)]/u.test(end) || (after === undefined && end.trim() === '')) {
        if (push(takeName(ws, text, i + 1, { lower: 0, brands: true, max: 1 }))) continue;
      }
    }
    // 6. A common first name, with the surname that follows: "Julie (conseillère)", "Émilie Dufour".
    if (w.cap && isFirstName(folded(w)) && !NOT_BEFORE_NAME.has(folded(wordAt(ws, i - 1)))) {
      if (push(takeName(ws, text, i, { lower: 0, brands: false, max: 3 }))) continue;
    }
  }
  const signature = signatureLine(ws, text);
  if (signature !== undefined && !found.some(([s, e]) => s < signature[1] && e > signature[0])) found.push(signature);
  return found.sort((a, b) => a[0] - b[0]);
}
