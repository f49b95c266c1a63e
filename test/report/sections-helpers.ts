// A small hand-made report WITH sections.chat and sections.insight, for the
// Markdown / table golden files and the schema test (no analyser involved).
import { buildReport, defaultSections } from '../../src/report/index.js';
import type { Report, ReportMeta } from '../../src/report/index.js';
import type { VerbatimAnalysis } from '../../src/types.js';
import { analysis, type MatchSpec } from './helpers.js';

/** Labels, one with Markdown syntax in it (escaping is part of the golden files). */
export const sectionsMeta: ReportMeta = {
  entries: {
    livraison: { label: 'Livraison et colis', kind: 'theme', stage: 'apres' },
    retard_livraison: { label: 'Retard | colis *perdu*', kind: 'irritant', theme: 'livraison' },
    accueil: { label: 'Accueil et relationnel', kind: 'theme', stage: 'pendant' },
    amabilite: { label: 'Amabilité', kind: 'enchantment', theme: 'accueil' },
    joignabilite: { label: 'Joignabilité et attente', kind: 'theme', stage: 'pendant' },
    attente_excessive: { label: 'Attente excessive', kind: 'irritant', theme: 'joignabilite' },
    rapidite: { label: 'Rapidité', kind: 'enchantment', theme: 'joignabilite' },
    prix: { label: 'Prix et offres', kind: 'theme', stage: 'avant' },
    prix_excessif: { label: 'Prix excessif', kind: 'irritant', theme: 'prix' },
  },
  channels: { avis_en_ligne: { label: 'Avis en ligne' }, enquete: { label: 'Enquête' }, chat: { label: 'Chat' } },
};

const LATE: MatchSpec = ['retard_livraison', 'irritant', 'livraison', 'jamais reçu'];
const WAIT: MatchSpec = ['attente_excessive', 'irritant', 'joignabilite', 'attente'];
const KIND: MatchSpec = ['amabilite', 'enchantment', 'accueil', 'aimable'];
const FAST: MatchSpec = ['rapidite', 'enchantment', 'joignabilite', 'rapide'];
const PRICE: MatchSpec = ['prix_excessif', 'irritant', 'prix', 'trop cher'];

interface Row {
  channel: string;
  date?: string;
  score?: number;
  text: string;
  keywords: string[];
  matches: MatchSpec[];
  exchanges?: number;
}

// Reviews talk about late parcels, the survey about kind and fast staff, the chat about waiting.
const rows: Row[] = [
  { channel: 'avis_en_ligne', date: '2026-02-03', score: 1, text: 'Colis jamais reçu, colis perdu.', keywords: ['colis', 'jamais', 'recu', 'colis', 'perdu'], matches: [LATE] },
  { channel: 'avis_en_ligne', date: '2026-02-10', score: 2, text: 'Colis jamais reçu et trop cher.', keywords: ['colis', 'jamais', 'recu', 'trop', 'cher'], matches: [LATE, PRICE] },
  { channel: 'avis_en_ligne', date: '2026-02-21', score: 0, text: 'Toujours rien, colis jamais reçu.', keywords: ['toujours', 'rien', 'colis', 'jamais', 'recu'], matches: [LATE] },
  { channel: 'avis_en_ligne', date: '2026-03-02', score: 3, text: 'Colis jamais reçu, livreur absent.', keywords: ['colis', 'jamais', 'recu', 'livreur', 'absent'], matches: [LATE] },
  { channel: 'avis_en_ligne', date: '2026-03-09', score: 8, text: 'Livreur aimable, colis intact.', keywords: ['livreur', 'aimable', 'colis', 'intact'], matches: [KIND] },
  { channel: 'avis_en_ligne', date: '2026-03-15', score: 4, text: 'Colis jamais reçu, trop cher.', keywords: ['colis', 'jamais', 'recu', 'trop', 'cher'], matches: [LATE, PRICE] },
  { channel: 'enquete', date: '2026-02-05', score: 10, text: 'Conseillère aimable et rapide.', keywords: ['conseillere', 'aimable', 'rapide'], matches: [KIND, FAST] },
  { channel: 'enquete', date: '2026-02-12', score: 9, text: 'Réponse rapide, conseiller aimable.', keywords: ['reponse', 'rapide', 'conseiller', 'aimable'], matches: [KIND, FAST] },
  { channel: 'enquete', date: '2026-02-26', score: 9, text: 'Service rapide et aimable.', keywords: ['service', 'rapide', 'aimable'], matches: [KIND, FAST] },
  { channel: 'enquete', date: '2026-03-04', score: 10, text: 'Très aimable, merci.', keywords: ['tres', 'aimable', 'merci'], matches: [KIND] },
  { channel: 'enquete', date: '2026-03-11', score: 6, text: 'Longue attente mais conseiller aimable.', keywords: ['longue', 'attente', 'conseiller', 'aimable'], matches: [WAIT, KIND] },
  { channel: 'enquete', date: '2026-03-20', score: 9, text: 'Traitement rapide, conseiller aimable.', keywords: ['traitement', 'rapide', 'conseiller', 'aimable'], matches: [KIND, FAST] },
  { channel: 'chat', date: '2026-02-07', text: 'Client : attente sans fin. Agent : désolé.', keywords: ['attente', 'fin'], matches: [WAIT], exchanges: 4 },
  { channel: 'chat', date: '2026-03-03', text: 'Client : encore une attente. Agent : un instant.', keywords: ['encore', 'attente'], matches: [WAIT], exchanges: 7 },
  { channel: 'chat', date: '2026-03-18', text: 'Client : attente trop longue. Agent : je transmets.', keywords: ['attente', 'longue'], matches: [WAIT], exchanges: 6 },
  { channel: 'chat', text: 'Client : toujours en attente. Agent : je regarde.', keywords: ['toujours', 'attente'], matches: [WAIT], exchanges: 9 },
];

export function sectionsCorpus(): VerbatimAnalysis[] {
  return rows.map((r, i) => {
    const a = analysis({
      id: `s${i + 1}`,
      channel: r.channel,
      date: r.date,
      score: r.score,
      text: r.text,
      keywords: r.keywords,
      matches: r.matches,
      tonality: r.matches.some((m) => m[1] === 'irritant') ? 'negatif' : 'positif',
    });
    if (r.exchanges !== undefined) a.exchanges = r.exchanges;
    return a;
  });
}

/** The report of `sectionsCorpus()` with `sections.chat` and `sections.insight` (thresholds lowered for 16 verbatims). */
export function reportWithSections(): Promise<Report> {
  const sections = defaultSections({
    scores: { minScored: 3 },
    keyness: { maxP: 0.05, minFrequency: 3, top: 5 },
    cooccurrence: { minSupport: 2 },
    trends: { minCount: 2 },
  });
  return buildReport(sectionsCorpus(), { meta: sectionsMeta, sections });
}
