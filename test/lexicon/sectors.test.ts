// Optional sector lexicon layers (lexicons/fr/sectors/<name>.yml): each loads through the
// library's file loader, composes with the default lexicons, and tags sector wording that
// the default lexicons alone miss (or stops a default tag that is wrong in that sector).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, composeLexicons, createAnalyzer, defaultLexicon } from '../../src/index.js';
import type { Analyzer, LexiconDocument } from '../../src/index.js';
import { loadLexiconFiles } from '../../src/io/index.js';

const SECTORS = [
  'transport',
  'hotellerie',
  'energie',
  'assurance',
  'banque',
  'telecom',
  'services-publics',
  'automobile',
  'pharmacie-optique',
  'bricolage',
  'alimentaire',
] as const;
type Sector = (typeof SECTORS)[number];

const dir = fileURLToPath(new URL('../../lexicons/fr/sectors/', import.meta.url));
const fileOf = (sector: string): string => `${dir}${sector}.yml`;

type Family = 'themes' | 'irritants' | 'enchantments' | 'intents';
// [sector, verbatim, family, id, 'add': the layer tags it and the default alone does not |
//  'remove': the default alone tags it and the layer stops it]
const CASES: ReadonlyArray<readonly [Sector, string, Family, string, 'add' | 'remove']> = [
  // transport
  ["transport", "Mon TGV a eu deux heures de retard à cause d'un incident de signalisation.", "themes", "produit", "add"],
  ["transport", "Mon TGV a eu deux heures de retard à cause d'un incident de signalisation.", "irritants", "retard_livraison", "remove"],
  ["transport", "La borne en gare ne marchait pas, impossible de retirer mon billet.", "irritants", "bug_digital", "add"],
  ["transport", "On a raté notre correspondance à Lyon, il a fallu dormir à l'hôtel.", "themes", "produit", "add"],
  ["transport", "Trajet fait debout dans le couloir, serrés comme des sardines.", "irritants", "produit_defectueux", "add"],
  ["transport", "Ma demande d'indemnité pour le vol annulé a été rejetée deux fois.", "irritants", "remboursement_bloque", "add"],
  // hotellerie
  ["hotellerie", "Des punaises de lit dans la chambre dès la première nuit.", "irritants", "produit_defectueux", "add"],
  ["hotellerie", "Literie défoncée et salle de bain pas nettoyée à notre arrivée.", "themes", "produit", "add"],
  ["hotellerie", "La caution de 300 € n'a jamais été rendue par le propriétaire.", "irritants", "remboursement_bloque", "add"],
  ["hotellerie", "Le petit-déjeuner apparaît sur la note alors qu'on ne l'a jamais pris.", "irritants", "erreur_facturation", "add"],
  ["hotellerie", "Toilettes sales et moquette tachée, une horreur.", "themes", "magasin", "remove"],
  ["hotellerie", "On a été surclassés dans une suite pour notre voyage de noces.", "enchantments", "personnalisation", "add"],
  // energie
  ["energie", "Ils me facturent sur estimation depuis un an alors que j'envoie mon index tous les mois.", "irritants", "erreur_facturation", "add"],
  ["energie", "Régularisation de 800 € qui tombe en plein mois de janvier, sans explication.", "irritants", "erreur_facturation", "add"],
  ["energie", "Auto-relève impossible, l'index est refusé à chaque envoi.", "irritants", "bug_digital", "add"],
  ["energie", "L'eau du robinet est marron depuis les travaux dans la rue.", "irritants", "produit_defectueux", "add"],
  ["energie", "La mise en service du compteur est repoussée pour la troisième fois.", "irritants", "retard_livraison", "add"],
  ["energie", "Le prix du kWh a encore flambé cet hiver.", "irritants", "prix_excessif", "add"],
  // assurance
  ["assurance", "Quatre mois que j'attends le passage de l'expert pour mon dégât des eaux.", "irritants", "attente_excessive", "add"],
  ["assurance", "Déclaration de sinistre faite en ligne après le dégât des eaux.", "themes", "reclamation", "add"],
  ["assurance", "Vétusté abusive appliquée sur ma toiture, on me propose une misère.", "irritants", "remboursement_bloque", "add"],
  ["assurance", "Encore +12 % sur ma cotisation auto sans aucun accident.", "irritants", "prix_excessif", "add"],
  ["assurance", "J'ai dû renvoyer le constat et les photos encore une fois.", "irritants", "repetition", "add"],
  // banque
  ["banque", "Douze euros d'agios pour un découvert de trois jours, c'est abusé.", "irritants", "prix_excessif", "add"],
  ["banque", "Le distributeur était hors service et l'autre vide, un samedi soir.", "irritants", "bug_digital", "add"],
  ["banque", "Victime d'un hameçonnage, la banque refuse tout en parlant de négligence grave.", "irritants", "remboursement_bloque", "add"],
  ["banque", "Je conteste les frais de rejet appliqués sur mon compte.", "themes", "reclamation", "add"],
  ["banque", "Agence fermée le samedi et uniquement sur rendez-vous la semaine.", "themes", "magasin", "add"],
  ["banque", "Carte perdue en voyage, mise en opposition et carte virtuelle dans l'appli en 2 minutes.", "enchantments", "efficacite", "add"],
  // telecom
  ["telecom", "Le raccordement à la fibre a été repoussé trois fois, toujours rien.", "irritants", "retard_livraison", "add"],
  ["telecom", "Ma box redémarre toute seule plusieurs fois par soir.", "irritants", "produit_defectueux", "add"],
  ["telecom", "La box était bien restituée mais les frais de non-restitution ont quand même été facturés.", "irritants", "erreur_facturation", "add"],
  ["telecom", "Le technicien est venu et a tout réparé en une heure.", "enchantments", "efficacite", "add"],
  ["telecom", "Le débit réel n'a rien à voir avec celui de la pub.", "themes", "facturation", "remove"],
  // services-publics
  ["services-publics", "La caf a redemandé les pièces justificatives déjà envoyées en mars.", "irritants", "repetition", "add"],
  ["services-publics", "Une retenue sur mes allocations pour un indu que je ne comprends pas.", "irritants", "erreur_facturation", "add"],
  ["services-publics", "Délai d'instruction interminable pour ma demande de pension de réversion.", "themes", "reclamation", "add"],
  ["services-publics", "La lettre recommandée pour mon propriétaire est restée en instance au bureau de poste.", "intents", "escalade", "remove"],
  ["services-publics", "Le site de l'ANTS est en maintenance depuis deux jours.", "irritants", "bug_digital", "add"],
  ["services-publics", "Premier créneau disponible en mairie dans trois mois pour une carte d'identité.", "irritants", "attente_excessive", "add"],
  // automobile
  ["automobile", "La pièce est en commande depuis six semaines et la voiture est immobilisée.", "irritants", "rupture_stock", "add"],
  ["automobile", "Facture bien supérieure au devis, avec des travaux jamais demandés.", "irritants", "erreur_facturation", "add"],
  ["automobile", "Ma voiture neuve m'a été livrée avec une rayure sur la portière.", "irritants", "colis_endommage", "add"],
  ["automobile", "Ils m'ont prêté un véhicule de courtoisie pendant toute la réparation.", "enchantments", "geste_commercial", "add"],
  ["automobile", "Le voyant moteur s'est rallumé deux jours après la révision.", "irritants", "produit_defectueux", "add"],
  ["automobile", "Le mécano a localisé la fuite que personne ne trouvait.", "enchantments", "efficacite", "add"],
  // pharmacie-optique
  ["pharmacie-optique", "Mon traitement habituel est en tension, commandé pour demain encore une fois.", "irritants", "rupture_stock", "add"],
  ["pharmacie-optique", "Avec mes nouveaux verres progressifs je vois flou de près.", "irritants", "produit_defectueux", "add"],
  ["pharmacie-optique", "Mes lunettes ne sont toujours pas prêtes, trois semaines après la commande.", "irritants", "retard_livraison", "add"],
  ["pharmacie-optique", "Le tiers payant n'a pas été appliqué, j'ai dû avancer 80 €.", "irritants", "erreur_facturation", "add"],
  ["pharmacie-optique", "La pharmacienne a repéré une interaction médicamenteuse avec mon traitement.", "enchantments", "conseil_expert", "add"],
  // bricolage
  ["bricolage", "Stock affiché en ligne mais rien en rayon une fois sur place.", "irritants", "rupture_stock", "add"],
  ["bricolage", "Pas un vendeur dans les rayons un samedi après-midi.", "irritants", "injoignable", "add"],
  ["bricolage", "Les caisses automatiques étaient en panne, obligé de faire la queue.", "irritants", "bug_digital", "add"],
  ["bricolage", "Les lames de parquet sont arrivées écornées.", "irritants", "colis_endommage", "add"],
  ["bricolage", "La découpe du bois était de travers, les étagères ne rentrent pas.", "irritants", "produit_defectueux", "add"],
  // alimentaire
  ["alimentaire", "Livraison sans sac isotherme, le beurre avait fondu.", "irritants", "produit_defectueux", "add"],
  ["alimentaire", "Deux bouteilles de vin cassées, le carton avait coulé partout.", "irritants", "colis_endommage", "add"],
  ["alimentaire", "Yaourts livrés avec une DLC au lendemain.", "irritants", "produit_defectueux", "add"],
  ["alimentaire", "Un café savoureux, torréfaction parfaite.", "themes", "produit", "add"],
  ["alimentaire", "Le sommelier m'a conseillé un accord mets-vins parfait pour Noël.", "enchantments", "conseil_expert", "add"],
];

describe('sector lexicon layers', () => {
  const docs = new Map<string, LexiconDocument>();
  const analyzers = new Map<string, Analyzer>();
  let base: Analyzer | undefined;
  // compiled on first use: one analyser per sector, shared by its cases
  const analyzerOf = (sector: string): Analyzer => {
    let a = analyzers.get(sector);
    if (a === undefined) {
      a = createAnalyzer({ lexicons: [docs.get(sector)!] });
      analyzers.set(sector, a);
    }
    return a;
  };

  beforeAll(async () => {
    for (const sector of SECTORS) {
      const [doc] = await loadLexiconFiles([fileOf(sector)]);
      docs.set(sector, doc!);
    }
  }, 60_000);

  it('has exactly the expected sector files', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yml')).map((f) => f.replace(/\.yml$/, '')).sort();
    expect(files).toEqual([...SECTORS].sort());
  });

  it.each(SECTORS)('%s loads and composes with the default lexicons', (sector) => {
    const doc = docs.get(sector)!;
    expect(doc.entries?.length ?? 0).toBeGreaterThan(5);
    expect(() => composeLexicons([...defaultLexicon(), doc])).not.toThrow();
  });

  it.each(SECTORS)('%s only patches default ids or adds concepts named under their theme', (sector) => {
    const defaults = new Map(composeLexicons(defaultLexicon()).entries.map((e) => [e.id, e]));
    for (const entry of docs.get(sector)!.entries ?? []) {
      const e = entry as { id: string; kind?: string; parent?: string };
      if (e.kind === undefined) {
        expect(defaults.has(e.id), `${sector}: patch of unknown id ${e.id}`).toBe(true);
      } else {
        expect(e.kind, `${sector}: ${e.id}`).toBe('concept');
        expect(defaults.get(e.parent ?? '')?.kind, `${sector}: parent of ${e.id}`).toBe('theme');
        expect(e.id.startsWith(`${e.parent}.`), `${sector}: ${e.id} under ${e.parent}`).toBe(true);
      }
    }
  });

  it('all layers compose together, in any order', () => {
    const all = SECTORS.map((s) => docs.get(s)!);
    expect(() => composeLexicons([...defaultLexicon(), ...all])).not.toThrow();
    expect(() => composeLexicons([...defaultLexicon(), ...[...all].reverse()])).not.toThrow();
  });

  it('the README lists every sector', () => {
    const readme = readFileSync(`${dir}README.md`, 'utf8');
    for (const sector of SECTORS) expect(readme, sector).toContain(`\`${sector}\``);
  });

  it.each(CASES)('%s: %s → %s %s (%s)', (sector, text, family, id, mode) => {
    base ??= createAnalyzer();
    const withLayer = analyze({ id: 't', text }, analyzerOf(sector))[family] as string[];
    const alone = analyze({ id: 't', text }, base)[family] as string[];
    if (mode === 'add') {
      // The default lexicons' general families may cover it too; the next test checks each layer is needed.
      expect(withLayer).toContain(id);
    } else {
      expect(withLayer).not.toContain(id);
      expect(alone).toContain(id);
    }
  });

  it.each(SECTORS)('%s tags at least one of its cases that the default lexicons alone miss', (sector) => {
    base ??= createAnalyzer();
    const needed = CASES.filter(([s, text, family, id, mode]) => {
      if (s !== sector || mode !== 'add') return false;
      return !(analyze({ id: 't', text }, base!)[family] as string[]).includes(id);
    });
    expect(needed.length, sector).toBeGreaterThan(0);
  });

  it('every sector has 4 to 6 cases', () => {
    for (const sector of SECTORS) {
      const n = CASES.filter((c) => c[0] === sector).length;
      expect(n, sector).toBeGreaterThanOrEqual(4);
      expect(n, sector).toBeLessThanOrEqual(6);
    }
  });
});
