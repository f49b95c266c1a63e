// The wording of a discovery and of a concordance (kwic) as people read them,
// one catalogue per language, like the report's (src/report/messages.ts).
// JSON keeps its keys and values whatever the language.
import { plural, type ReportLang } from '../report/messages.js';
import type { DiscoverKind, DiscoverResult } from './types.js';

/** Options of the discovery and concordance renderers. */
export interface DiscoverRenderOptions {
  /** Language of the words around the figures (default `fr`); JSON is the same in both. */
  lang?: ReportLang;
}

/** The figures a grouping sentence is made of (`DiscoverResult.method`). */
export interface GroupingParams {
  maxWords: number;
  maxP: number;
  minVerbatims: number;
  minOverlap: number;
  minLean: number;
  minCooccurrence: number;
}

type Slots = Record<keyof GroupingParams, string>;

export interface DiscoverMessages {
  /** Separator after a label: " : " in French, ": " in English. */
  colon: string;
  /** A number with the language's decimal mark ("0,05" / "0.05"). */
  decimal(x: number): string;
  /** The first sentence: how many verbatims the lexicons leave unexplained, and why. */
  heading(r: DiscoverResult, scales: string): string;
  /** A scale kind as read ("étoiles", "stars", "NPS"…). */
  scale(kind: string): string;
  noScores: string;
  noTopic: string;
  /** Column headers: terminal table (lower case) and Markdown / HTML. */
  table: { candidate: string; kind: string; verbatims: string; dissatisfied: string; meanScore: string; channels: string; topExpressions: string };
  /** "— theme, 8 verbatims (about 12); channels…" */
  detail(kind: string, verbatims: number, estimated: number | undefined, channels: string): string;
  title: string;
  terms: string;
  grouping: string;
  /** The grouping sentence from its figures. */
  method(p: Slots): string;
  /** The comments of the draft lexicon layer (`draftLexicon`). */
  draft: {
    head(sampled: number, verbatims: number): string[];
    topic(n: number, verbatims: number, estimated: number | undefined, dissatisfied: number, satisfied: number, meanScore: string | undefined): string;
    expressions: string;
    extending: string;
    examples: string;
    /** Why a topic has no new entry: its terms extend existing ones, or none leans clearly enough (to the side of its kind). */
    noEntry(extends_: boolean, kind: DiscoverKind): string;
    theme: string;
    patches: string[];
    fromTopics(topics: number[]): string;
    noCandidate: string;
    noActiveCandidate: string;
  };
  kwic: {
    negated: string;
    total(hits: number, matched: number, verbatims: number, term: string): string;
    head: { channel: string; hits: string; verbatims: string; of: string };
    entry(id: string, wouldAdd: number, alreadyHad: number, matched: number): string;
  };
}

const n = (lang: ReportLang, x: number, one: string, many: string): string => `${x} ${plural[lang](x) ? many : one}`;

const fr: DiscoverMessages = {
  colon: ' : ',
  decimal: (x) => String(x).replace('.', ','),
  heading: (r, scales) => {
    const u = r.unexplained;
    const sampled = r.sampled < r.verbatims ? ` (un échantillon de ${r.sampled} sur ${r.verbatims})` : '';
    const are = plural.fr(u.total) ? 'ne sont pas expliqués' : "n'est pas expliqué";
    return `Sur ${n('fr', r.sampled, 'verbatim', 'verbatims')}${sampled}, ${u.total} ${are} par les lexiques : ${n('fr', u.dissatisfied, 'insatisfait', 'insatisfaits')} sans irritant, ${n('fr', u.satisfied, 'satisfait', 'satisfaits')} sans enchantement, ${n('fr', u.noConcept, 'autre', 'autres')} sans aucun concept (échelles : ${scales}).`;
  },
  scale: (kind) => ({ stars: 'étoiles', nps: 'NPS', csat: 'CSAT', ces: 'CES', unknown: 'inconnue' })[kind] ?? kind,
  noScores: 'aucune note',
  noTopic: 'Aucun sujet candidat : rien ne ressort des verbatims inexpliqués.',
  table: {
    candidate: 'candidat',
    kind: 'type',
    verbatims: 'verbatims',
    dissatisfied: 'insatisfaits',
    meanScore: 'note moyenne',
    channels: 'canaux',
    topExpressions: 'expressions clés',
  },
  detail: (kind, verbatims, estimated, channels) =>
    `${kind}, ${n('fr', verbatims, 'verbatim', 'verbatims')}${estimated !== undefined ? ` (environ ${estimated})` : ''} ; ${channels}`,
  title: 'Sujets candidats',
  terms: 'Termes',
  grouping: 'Regroupement',
  method: (p) =>
    `expressions de 1 à ${p.maxWords} racines sur-représentées dans les verbatims inexpliqués (log-vraisemblance G², p < ${p.maxP}, dans ${p.minVerbatims} d'entre eux au moins), regroupées autour d'un meneur (leader clustering) : chacune rejoint le sujet dont la première expression partage au moins ${p.minOverlap} du plus petit des deux ensembles de verbatims (coefficient de recouvrement), sinon en commence un ; un terme est un irritant (un enchantement) quand la borne basse à 95 % de sa part d'insatisfaits (de satisfaits) parcourt ${p.minLean} du chemin de la part du corpus à 1, occurrences niées exclues ; il commence une nouvelle entrée quand il pèse plus dans les verbatims inexpliqués de son côté que dans le corpus (borne basse), et complète une entrée existante que portent la plupart des verbatims expliqués de son côté qui le contiennent (borne basse ≥ ${p.minCooccurrence})`,
  draft: {
    head: (sampled, verbatims) => [
      '# Brouillon de couche de lexique écrit par `verbatim discover` : une entrée candidate par sujet ;',
      `# les sujets viennent de ${sampled} verbatims sur ${verbatims} et sont rangés selon l'insatisfaction inexpliquée qu'ils portent.`,
      '# Relisez chaque entrée : renommez son id et son libellé, gardez les termes qui disent ce que dit le libellé,',
      '# rangez-la sous un thème (theme: / parent:), puis ajoutez la couche : verbatim analyze … --lexicon ce-fichier.yml',
      '# Testez d\'abord un terme : verbatim kwic "TERME" FICHIER… --entry ID',
    ],
    topic: (k, verbatims, estimated, dissatisfied, satisfied, meanScore) =>
      `Sujet ${k} : ${n('fr', verbatims, 'verbatim inexpliqué', 'verbatims inexpliqués')}${estimated !== undefined ? ` (environ ${estimated} sur l'ensemble des données)` : ''}, ${n('fr', dissatisfied, 'insatisfait', 'insatisfaits')}, ${n('fr', satisfied, 'satisfait', 'satisfaits')}${meanScore !== undefined ? `, note moyenne ${meanScore}` : ''}`,
    expressions: 'Expressions',
    extending: 'Ajouté aux entrées existantes plus bas',
    examples: 'Exemples :',
    noEntry: (extends_, kind) =>
      `(pas de nouvelle entrée : ${extends_ ? 'ses termes complètent des entrées existantes' : `aucun nouveau terme ne penche assez nettement ${kind === 'enchantment' ? 'vers la satisfaction' : kind === 'irritant' ? "vers l'insatisfaction" : "d'un côté ou n'est nouveau"}`})`,
    theme: "Un thème candidat (ses termes ne penchent d'aucun côté) : ôtez le # des lignes ci-dessous pour le garder.",
    patches: [
      'Termes pour des entrées existantes : dans les plaintes (ou les éloges) que les lexiques expliquent, la plupart de celles',
      'qui contiennent chaque terme portent cette entrée.',
    ],
    fromTopics: (topics) => `${topics.length > 1 ? 'Des sujets' : 'Du sujet'} ${topics.join(', ')}`,
    noCandidate: 'Aucune entrée candidate : rien ne ressort des verbatims inexpliqués.',
    noActiveCandidate: 'Aucune entrée candidate active : celles commentées plus bas demandent une lecture d\'abord.',
  },
  kwic: {
    negated: '(nié)',
    total: (hits, matched, verbatims, term) =>
      `${n('fr', hits, 'occurrence', 'occurrences')} dans ${n('fr', matched, 'verbatim', 'verbatims')} sur ${verbatims}${term !== '' ? ` pour ${term}` : ''}`,
    head: { channel: 'canal', hits: 'occurrences', verbatims: 'verbatims', of: 'sur' },
    entry: (id, wouldAdd, alreadyHad, matched) =>
      `entrée ${id} : le terme lui ajouterait ${n('fr', wouldAdd, 'verbatim', 'verbatims')} ; ${alreadyHad} des ${matched} qu'il trouve l'avaient déjà`,
  },
};

const en: DiscoverMessages = {
  colon: ': ',
  decimal: (x) => String(x),
  heading: (r, scales) => {
    const u = r.unexplained;
    const sampled = r.sampled < r.verbatims ? ` (a sample of ${r.sampled} of ${r.verbatims})` : '';
    return `${u.total} of ${r.sampled} verbatims unexplained by the lexicons${sampled}: ${u.dissatisfied} dissatisfied with no irritant, ${u.satisfied} satisfied with no enchantment, ${u.noConcept} others with no concept at all (scales: ${scales}).`;
  },
  scale: (kind) => kind,
  noScores: 'no scores',
  noTopic: 'No candidate topic: nothing stands out among the unexplained verbatims.',
  table: {
    candidate: 'candidate',
    kind: 'kind',
    verbatims: 'verbatims',
    dissatisfied: 'dissatisfied',
    meanScore: 'mean score',
    channels: 'channels',
    topExpressions: 'top expressions',
  },
  detail: (kind, verbatims, estimated, channels) => `${kind}, ${verbatims} verbatims${estimated !== undefined ? ` (about ${estimated})` : ''}; ${channels}`,
  title: 'Candidate topics',
  terms: 'Terms',
  grouping: 'Grouping',
  method: (p) =>
    `expressions of 1 to ${p.maxWords} stems over-represented in the unexplained verbatims (log-likelihood G², p < ${p.maxP}, in ${p.minVerbatims} of them at least), grouped by leader clustering: each joins the topic whose first expression shares at least ${p.minOverlap} of the smaller set of verbatims (overlap coefficient), else starts one; a term is an irritant (enchantment) when the lower 95 % bound of its dissatisfied (satisfied) share reaches ${p.minLean} of the way from the corpus' share to 1, negated occurrences left out; it starts a new entry when it stands in unexplained verbatims of its side more than the corpus does (lower bound), and extends an existing entry most of its side's explained verbatims carry (lower bound ≥ ${p.minCooccurrence})`,
  draft: {
    head: (sampled, verbatims) => [
      '# Draft lexicon layer written by `verbatim discover`: one candidate entry per topic',
      `# found in ${sampled} of ${verbatims} verbatims, ranked by the unexplained dissatisfaction they carry.`,
      '# Review each entry: rename its id and label, keep the terms that mean what the label says,',
      '# move it under a theme (theme: / parent:), then layer it: verbatim analyze … --lexicon this-file.yml',
      '# Test a term first: verbatim kwic "TERM" FILE… --entry ID',
    ],
    topic: (k, verbatims, estimated, dissatisfied, satisfied, meanScore) =>
      `Topic ${k}: ${verbatims} unexplained verbatims${estimated !== undefined ? ` (about ${estimated} in the whole input)` : ''}, ${dissatisfied} dissatisfied, ${satisfied} satisfied${meanScore !== undefined ? `, mean score ${meanScore}` : ''}`,
    expressions: 'Expressions',
    extending: 'Added to existing entries below',
    examples: 'Examples:',
    noEntry: (extends_, kind) =>
      `(no new entry: ${extends_ ? 'its terms extend existing entries' : `no new term leans clearly enough to ${kind === 'enchantment' ? 'satisfaction' : kind === 'irritant' ? 'dissatisfaction' : 'a side or is new'}`})`,
    theme: 'A theme candidate (its terms lean to no side): remove the # of the lines below to keep it.',
    patches: ['Terms for existing entries: in the complaints (or praise) the lexicons explain, most of those holding', 'each term carry that entry.'],
    fromTopics: (topics) => `From topic${topics.length > 1 ? 's' : ''} ${topics.join(', ')}`,
    noCandidate: 'No candidate entry: nothing stands out among the unexplained verbatims.',
    noActiveCandidate: 'No active candidate entry: the commented ones below need a reading first.',
  },
  kwic: {
    negated: '(negated)',
    total: (hits, matched, verbatims, term) => `${hits} hits in ${matched} of ${verbatims} verbatims${term !== '' ? ` for ${term}` : ''}`,
    head: { channel: 'channel', hits: 'hits', verbatims: 'verbatims', of: 'of' },
    entry: (id, wouldAdd, alreadyHad, matched) => `entry ${id}: the term would add ${wouldAdd} verbatims; ${alreadyHad} of the ${matched} it matches already had it`,
  },
};

const CATALOGUES: Record<ReportLang, DiscoverMessages> = { fr, en };

/** The catalogue of a language (French unless `en`). */
export const discoverMessages = (lang: ReportLang | undefined): DiscoverMessages => CATALOGUES[lang === 'en' ? 'en' : 'fr'];

const KEYS: ReadonlyArray<keyof GroupingParams> = ['maxWords', 'maxP', 'minVerbatims', 'minOverlap', 'minLean', 'minCooccurrence'];

/** The grouping sentence of `DiscoverResult.method`, in a language (numbers with its decimal mark). */
export function groupingMethod(p: GroupingParams, lang: ReportLang): string {
  const m = discoverMessages(lang);
  return m.method(Object.fromEntries(KEYS.map((k) => [k, m.decimal(p[k])])) as Slots);
}

// The English sentence with a named group in place of each figure: a result's `method` read back.
// Made on first use: a statement run at load would keep both catalogues in every bundle of the library.
let methodEn: RegExp | undefined;
const methodPattern = (): RegExp =>
  (methodEn ??= new RegExp(
    `^${en
      .method(Object.fromEntries(KEYS.map((k) => [k, `\u0000${k}\u0000`])) as Slots)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\u0000(\w+)\u0000/g, '(?<$1>[0-9][0-9.e+-]*)')}$`,
    'u',
  ));

/**
 * The figures of an English grouping sentence (`DiscoverResult.method`), or
 * undefined when it is not one this version writes (then it is shown as it is).
 */
export function readGroupingMethod(sentence: string): GroupingParams | undefined {
  const groups = methodPattern().exec(sentence)?.groups;
  if (groups === undefined) return undefined;
  const p = Object.fromEntries(KEYS.map((k) => [k, Number(groups[k])])) as unknown as GroupingParams;
  return KEYS.every((k) => Number.isFinite(p[k])) ? p : undefined;
}
