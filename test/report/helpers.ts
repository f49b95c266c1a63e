// Hand-built VerbatimAnalysis fixtures (no dependency on the analyser).
import type { EntryKind, Match, Tonality, VerbatimAnalysis } from '../../src/types.js';
import type { ReportMeta } from '../../src/report/index.js';

/** [entry id, kind, theme, matched text (first occurrence in the verbatim)]. */
export type MatchSpec = [id: string, kind: EntryKind, theme: string | undefined, text: string];

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
    tokens: words,
    words,
    contentWords: spec.contentWords ?? keywords.length,
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

/** A small mixed corpus used by renderer and property tests. */
export const corpus: VerbatimAnalysis[] = [
  analysis({
    id: 'a1', channel: 'avis_en_ligne', date: '2026-03-02', score: 2, tonality: 'negatif',
    text: 'Colis toujours pas reçu après trois semaines, contactez-moi au 06 12 34 56 78.',
    keywords: ['colis', 'toujours', 'pas', 'recu', 'trois', 'semaines', 'contactez'],
    matches: [['retard_livraison', 'irritant', 'livraison', 'toujours pas reçu'], ['livraison', 'theme', 'livraison', 'Colis']],
  }),
  analysis({
    id: 'a2', channel: 'avis_en_ligne', date: '2026-03-05', score: 5, tonality: 'positif',
    text: 'Livreur très aimable et livraison rapide.',
    keywords: ['livreur', 'aimable', 'livraison', 'rapide'],
    matches: [['amabilite', 'enchantment', 'accueil', 'très aimable'], ['rapidite', 'enchantment', 'joignabilite', 'livraison rapide'], ['livraison', 'theme', 'livraison', 'Livreur']],
  }),
  analysis({
    id: 'a3', channel: 'avis_en_ligne', date: '2026-02-27', score: 1, tonality: 'negatif',
    text: 'Délai de livraison trop long, commande CMD2024881 toujours pas reçu.',
    keywords: ['delai', 'livraison', 'trop', 'long', 'commande', 'cmd2024881', 'toujours', 'pas', 'recu'],
    matches: [['livraison.delai', 'concept', 'livraison', 'Délai de livraison'], ['retard_livraison', 'irritant', 'livraison', 'toujours pas reçu']],
  }),
  analysis({
    id: 'e1', channel: 'enquete', date: '2026-03-01', score: 9, tonality: 'positif',
    text: "Conseillère aimable, réponse en deux minutes. Merci Madame Durand !",
    keywords: ['conseillere', 'aimable', 'reponse', 'deux', 'minutes', 'merci', 'madame', 'durand'],
    matches: [['amabilite', 'enchantment', 'accueil', 'aimable'], ['rapidite', 'enchantment', 'joignabilite', 'réponse en deux minutes']],
  }),
  analysis({
    id: 'e2', channel: 'enquete', date: '2026-03-03', score: 3, tonality: 'mitige',
    text: "Attente interminable au téléphone mais conseiller aimable. Je vais résilier.",
    keywords: ['attente', 'interminable', 'telephone', 'conseiller', 'aimable', 'vais', 'resilier'],
    matches: [['attente_excessive', 'irritant', 'joignabilite', 'Attente interminable'], ['amabilite', 'enchantment', 'accueil', 'aimable'], ['resiliation', 'intent', undefined, 'résilier']],
  }),
  analysis({
    id: 'e3', channel: 'enquete', score: 10, tonality: 'positif', language: 'eng',
    text: 'Great service, quick answer.',
    keywords: ['great', 'service', 'quick', 'answer'],
  }),
  analysis({
    id: 'e4', channel: 'enquete', score: 7, tonality: 'neutre',
    text: 'Les prix ont augmenté, attente interminable en caisse.',
    keywords: ['prix', 'augmente', 'attente', 'interminable', 'caisse'],
    matches: [['prix', 'theme', 'prix', 'prix'], ['attente_excessive', 'irritant', 'joignabilite', 'attente interminable']],
  }),
  analysis({
    id: 'c1', channel: 'chat', date: '2026-03-04', tonality: 'negatif',
    text: 'Personne ne répond, attente interminable, écrivez à jean.dupont@example.fr',
    keywords: ['personne', 'repond', 'attente', 'interminable', 'ecrivez', 'jean.dupont@example.fr'],
    matches: [['attente_excessive', 'irritant', 'joignabilite', 'attente interminable']],
  }),
];
