// Hand-built VerbatimAnalysis fixtures (no dependency on the analyser).
import type { EntryKind, Match, Tonality, VerbatimAnalysis } from '../../src/types.js';
import type { ReportMeta } from '../../src/report/index.js';

/** [entry id, kind, theme, matched text (first occurrence in the verbatim)]. */
export type MatchSpec = [id: string, kind: EntryKind, theme: string | undefined, text: string];

/** Matches of each kind, with and without a theme, for the merge tests. */
export const MATCH_POOL: MatchSpec[] = [
  ['attente_excessive', 'irritant', 'joignabilite', 'attente interminable'],
  ['retard_livraison', 'irritant', 'livraison', 'toujours pas reçu'],
  ['livraison.delai', 'concept', 'livraison', 'délai de livraison'],
  ['amabilite', 'enchantment', 'accueil', 'très aimable'],
  ['prix', 'theme', 'prix', 'les prix'],
  ['resiliation', 'intent', undefined, 'je résilie'],
];

export interface AnalysisSpec {
  id: string;
  channel?: string | undefined;
  text: string;
  date?: string | undefined;
  score?: number | null | undefined;
  language?: string | undefined;
  tonality?: Tonality | undefined;
  /** Defaults to the number of space-separated chunks of the text. */
  words?: number | undefined;
  contentWords?: number | undefined;
  keywords?: string[] | undefined;
  matches?: MatchSpec[] | undefined;
  themes?: string[] | undefined;
  intents?: string[] | undefined;
}

export function analysis(spec: AnalysisSpec): VerbatimAnalysis {
  const matches: Match[] = (spec.matches ?? []).map(([id, kind, theme, text]) => {
    const start = spec.text.indexOf(text);
    if (start < 0) throw new Error(`fixture: "${text}" not in "${spec.text}"`);
    const m: Match = { id, kind, term: text.toLowerCase(), tokenStart: 0, tokenEnd: 1, start, end: start + text.length, text, negated: false };
    if (theme !== undefined) m.theme = theme;
    return m;
  });
  const of = (kind: EntryKind) => [...new Set(matches.filter((m) => m.kind === kind).map((m) => m.id))];
  const themes = spec.themes ?? [...new Set([...of('theme'), ...matches.flatMap((m) => (m.theme !== undefined && m.kind !== 'intent' ? [m.theme] : []))])];
  const words = spec.words ?? spec.text.split(/\s+/).filter(Boolean).length;
  const keywords = spec.keywords ?? [];
  const a: VerbatimAnalysis = {
    id: spec.id,
    channel: spec.channel ?? 'avis_en_ligne',
    text: spec.text,
    language: spec.language ?? 'fra',
    tokenCount: words,
    wordCount: words,
    contentWordCount: spec.contentWords ?? keywords.length,
    keywords,
    matches,
    themes,
    concepts: of('concept'),
    irritants: of('irritant'),
    enchantments: of('enchantment'),
    intents: spec.intents ?? of('intent'),
    tonality: spec.tonality ?? 'neutre',
    sentiment: { positive: 0, negative: 0 },
  };
  if (spec.date !== undefined) a.date = spec.date;
  if (spec.score !== undefined) a.score = spec.score;
  return a;
}

export const meta: ReportMeta = {
  entries: {
    livraison: { label: 'Livraison et colis', kind: 'theme', stage: 'apres' },
    'livraison.delai': { label: 'Délai de livraison', kind: 'concept', theme: 'livraison' },
    retard_livraison: { label: 'Retard ou non-réception', kind: 'irritant', theme: 'livraison' },
    accueil: { label: 'Accueil et relationnel', kind: 'theme', stage: 'pendant' },
    amabilite: { label: 'Amabilité', kind: 'enchantment', theme: 'accueil' },
    personnel_desagreable: { label: 'Personnel désagréable', kind: 'irritant', theme: 'accueil' },
    joignabilite: { label: 'Joignabilité et attente', kind: 'theme', stage: 'apres' },
    attente_excessive: { label: 'Attente excessive', kind: 'irritant', theme: 'joignabilite' },
    rapidite: { label: 'Rapidité', kind: 'enchantment', theme: 'joignabilite' },
    prix: { label: 'Prix et offres', kind: 'theme', stage: 'avant' },
    resiliation: { label: 'Résiliation', kind: 'intent' },
  },
  channels: {
    avis_en_ligne: { label: 'Avis en ligne' },
    enquete: { label: 'Enquête' },
    chat: { label: 'Chat' },
  },
};
