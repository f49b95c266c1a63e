// Small hand-built reports for the HTML renderer tests (no analyser involved).
import { readFileSync } from 'node:fs';
import { buildReport, coreSection, defaultSections } from '../../src/index.js';
import type { Report, ReportMeta } from '../../src/index.js';
import type { Tonality, VerbatimAnalysis } from '../../src/types.js';
import { analysis as baseAnalysis, type MatchSpec } from '../report/helpers.js';

/** The report of corpora/sample.csv with `sections.insight` (see test/fixtures/html/generate.ts). */
export function sampleReport(): Report {
  return JSON.parse(readFileSync(new URL('../fixtures/html/sample-report.json', import.meta.url), 'utf8')) as Report;
}

interface Spec {
  id: string;
  channel: string;
  text: string;
  date?: string;
  score?: number;
  tonality?: Tonality;
  matches?: MatchSpec[];
}

/** The report tests' fixture builder, with keywords read off the text (the HTML shows top words). */
function analysis(spec: Spec): VerbatimAnalysis {
  const keywords = spec.text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase().replace(/[^a-zà-ÿ]/g, ''))
    .filter((w) => w.length > 2);
  return baseAnalysis({ ...spec, keywords });
}

export const meta: ReportMeta = {
  entries: {
    livraison: { label: 'Livraison et colis', kind: 'theme', stage: 'apres' },
    retard_livraison: { label: 'Retard ou non-réception', kind: 'irritant', theme: 'livraison' },
    accueil: { label: 'Accueil et relationnel', kind: 'theme', stage: 'pendant' },
    amabilite: { label: 'Amabilité', kind: 'enchantment', theme: 'accueil' },
    joignabilite: { label: 'Joignabilité et attente', kind: 'theme', stage: 'apres' },
    attente_excessive: { label: 'Attente excessive', kind: 'irritant', theme: 'joignabilite' },
    'livraison.delai': { label: 'Délai <de> livraison', kind: 'concept', theme: 'livraison' },
  },
  channels: { avis_en_ligne: { label: 'Avis en ligne' }, enquete: { label: 'Enquête' }, chat: { label: 'Chat' } },
};

/** Text with markup-like characters around and inside a matched span. */
export const TRICKY_TEXT = 'Livraison <b>"rapide"</b> & colis <jamais> reçu… voir https://exemple.fr/suivi?a=1&b=2';

export const analyses: VerbatimAnalysis[] = [
  analysis({ id: 't1', channel: 'avis_en_ligne', date: '2026-01-05', score: 2, tonality: 'negatif', text: TRICKY_TEXT, matches: [['retard_livraison', 'irritant', 'livraison', 'colis <jamais> reçu'], ['livraison', 'theme', 'livraison', 'Livraison']] }),
  analysis({ id: 't2', channel: 'avis_en_ligne', date: '2026-01-09', score: 9, tonality: 'positif', text: 'Livreur très aimable, livraison rapide.', matches: [['amabilite', 'enchantment', 'accueil', 'très aimable'], ['livraison', 'theme', 'livraison', 'livraison']] }),
  analysis({ id: 't3', channel: 'enquete', date: '2026-02-02', score: 3, tonality: 'negatif', text: 'Attente interminable au téléphone, délai de livraison trop long.', matches: [['attente_excessive', 'irritant', 'joignabilite', 'Attente interminable'], ['livraison.delai', 'concept', 'livraison', 'délai de livraison']] }),
  analysis({ id: 't4', channel: 'enquete', date: '2026-02-11', score: 10, tonality: 'positif', text: 'Conseillère aimable et efficace.', matches: [['amabilite', 'enchantment', 'accueil', 'aimable']] }),
  analysis({ id: 't5', channel: 'chat', date: '2026-02-20', score: 0, tonality: 'negatif', text: 'Attente interminable, colis jamais reçu.', matches: [['attente_excessive', 'irritant', 'joignabilite', 'Attente interminable'], ['retard_livraison', 'irritant', 'livraison', 'colis jamais reçu']] }),
];

/** Options of each part of the small report. */
export interface SmallReportOptions {
  /** Fill `sections.chat` and `sections.insight` (default true). */
  insight?: boolean;
  items?: VerbatimAnalysis[];
}

export async function smallReport(options: SmallReportOptions = {}): Promise<Report> {
  const sections =
    options.insight === false
      ? [coreSection()]
      : defaultSections({ scores: { minScored: 1 }, keyness: { minFrequency: 1, maxP: 0.5 }, trends: { minCount: 1 } });
  return buildReport(options.items ?? analyses, { meta, examples: 3, sections });
}
