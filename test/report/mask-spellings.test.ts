// Personal data in every spelling a French customer writes it, and text that
// must never be masked; then the measurement sets of test/fixtures/pii
// (recall per kind, zero false masks). See scripts/pii-measure.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/report/index.js';
import { loadPiiSet, parseMarkup, PII_DIR, PII_SETS, scorePii } from '../../scripts/pii-measure.js';

const masked = (text: string): string => maskPersonalData(text).text;

describe('phone numbers, every French spelling', () => {
  it.each([
    ['au 06 12 34 56 78 svp', 'au [téléphone] svp'],
    ['au 06.12.34.56.78.', 'au [téléphone].'],
    ['au 06-12-34-56-78', 'au [téléphone]'],
    ['au 0612345678', 'au [téléphone]'],
    ['au 06  12  34  56  78', 'au [téléphone]'],
    ['au 06 / 12 34 56 78', 'au [téléphone]'],
    ['au 06/12/34/56/78', 'au [téléphone]'],
    ['au 06 324 416 84', 'au [téléphone]'],
    ['au 0612 345 678', 'au [téléphone]'],
    ['au 06 12 34 5678', 'au [téléphone]'],
    ['au 06 - 12 - 34 - 56 - 78', 'au [téléphone]'],
    ['au 06\u00a012\u00a034\u00a056\u00a078', 'au [téléphone]'],
    ['au +33 6 12 34 56 78', 'au [téléphone]'],
    ['au +33\u202f6\u202f12\u202f34\u202f56\u202f78', 'au [téléphone]'],
    ['au +33612345678', 'au [téléphone]'],
    ['au (+33) 6 12 34 56 78', 'au [téléphone]'],
    ['au (+33)6 12 34 56 78', 'au [téléphone]'],
    ['au +33 (0)6 12 34 56 78', 'au [téléphone]'],
    ['au +33(0)612345678', 'au [téléphone]'],
    ['au + 33 6 12 34 56 78', 'au [téléphone]'],
    ['au +33 6-12-34-56-78', 'au [téléphone]'],
    ['au 0033 6 12 34 56 78', 'au [téléphone]'],
    ['au 0033612345678', 'au [téléphone]'],
    ['au 0033 (0)6 12 34 56 78', 'au [téléphone]'],
    ['fixe 01 45 67 89 10', 'fixe [téléphone]'],
    ['box 09 70 80 12 34', 'box [téléphone]'],
    ['numéro vert 0 800 123 456', 'numéro vert [téléphone]'],
    ['appelez le 0800 12 34 56', 'appelez le [téléphone]'],
    ['surtaxé 08 92 68 00 00', 'surtaxé [téléphone]'],
    ['Guadeloupe 0590 12 34 56', 'Guadeloupe [téléphone]'],
    ['Réunion +262 692 12 34 56', 'Réunion [téléphone]'],
    ['Tél.06 12 34 56 78', 'Tél.[téléphone]'],
    ['tel:0612345678', 'tel:[téléphone]'],
    ['06 12 34 56 78 / 01 42 00 00 01', '[téléphone] / [téléphone]'],
  ])('%s', (input, expected) => {
    expect(masked(input)).toBe(expected);
  });
});

describe('emails, IBANs, social security and card numbers', () => {
  it.each([
    ['à claire.dubois+sav@exemple.fr', 'à [email]'],
    ['à AMELIE.GUERIN@SFR.FR', 'à [email]'],
    ['à corinne.meyer @ orange.fr', 'à [email]'],
    ['à benjamin.morel arobase hotmail point fr', 'à [email]'],
    ['à lea.dubois[at]yahoo[.]fr', 'à [email]'],
    ['à emma.colin[at]hotmail[dot]fr', 'à [email]'],
    ['à marc.petit at gmail dot com', 'à [email]'],
    ['à jeanne.aubin AT yahoo DOT fr', 'à [email]'],
    ['à nicolas.duval (at) gmail (dot) com', 'à [email]'],
    ['à simon.barbier arobase gmail.com', 'à [email]'],
    ['à jean (point) dupont (at) gmail (point) com', 'à [email]'],
    ['IBAN FR76 3000 6000 0112 3456 7890 189 merci', 'IBAN [iban] merci'],
    ['IBAN FR76\u00a03000\u00a06000\u00a00112\u00a03456\u00a07890\u00a0189', 'IBAN [iban]'],
    ['IBAN FR 76 3000 6000 0112 3456 7890 189', 'IBAN [iban]'],
    ['IBAN FR76-3000-6000-0112-3456-7890-189', 'IBAN [iban]'],
    ['IBAN FR76 30006 00001 12345678901 89', 'IBAN [iban]'],
    ['iban fr7630006000011234567890189', 'iban [iban]'],
    ['iban fr76 3000 6000 0112 3456 7890 189 pr le remboursement', 'iban [iban] pr le remboursement'],
    ['IBAN BE68 5390 0754 7034', 'IBAN [iban]'],
    ['RIB : 30006 00001 12345678901 89', 'RIB : [iban]'],
    ['sécu 1 85 05 78 006 084 36', 'sécu [n° sécu]'],
    ['sécu 185057800608436', 'sécu [n° sécu]'],
    ['sécu 1-85-05-78-006-084-36', 'sécu [n° sécu]'],
    ['sécu 2.91.12.75.114.231.58', 'sécu [n° sécu]'],
    ['sécu 1 78 09 2A 004 123 17', 'sécu [n° sécu]'],
    ['sécu 1 85 05 78 006 084 (sans la clé)', 'sécu [n° sécu] (sans la clé)'],
    ['carte 4970 1012 3456 7890 débitée', 'carte [carte] débitée'],
    ['carte 4970-1012-3456-7890', 'carte [carte]'],
    ['carte 4970\u00a01012\u00a03456\u00a07890', 'carte [carte]'],
    ['carte 3782 822463 10005', 'carte [carte]'],
    ['carte 4111111111111111 débitée', 'carte [carte] débitée'],
  ])('%s', (input, expected) => {
    expect(masked(input)).toBe(expected);
  });
});

describe('names', () => {
  it.each([
    ['merci à mme nguyen', 'merci à mme [nom]'],
    ['reçu par M Benali', 'reçu par M [nom]'],
    ['reçu par M. Le Goff', 'reçu par M. [nom]'],
    ['le Dr Le Goff', 'le Dr [nom]'],
    ['Madame de La Tour a appelé', 'Madame [nom] a appelé'],
    ['Mlle Roche, Melle Tran, Mr Chen, MR LEROUX', 'Mlle [nom], Melle [nom], Mr [nom], MR [nom]'],
    ['Mme Le Gall-Tanguy', 'Mme [nom]'],
    ['M. Jean-Pierre Morel', 'M. [nom]'],
    ['Bonjour monsieur benali,', 'Bonjour monsieur [nom],'],
    ['Maître Perrin vous contactera', 'Maître [nom] vous contactera'],
    ["je m'appelle Ahmed Bouzid, client", "je m'appelle [nom], client"],
    ["bonjour je m'appelle julie moreau et", "bonjour je m'appelle [nom] et"],
    ['Cordialement, Claire Fontaine', 'Cordialement, [nom]'],
    ['Cordialement,\nJacques Roussel', 'Cordialement,\n[nom]'],
    ['Bien à vous, Céline', 'Bien à vous, [nom]'],
    ['Salutations,\nA. Lemoine', 'Salutations,\n[nom]'],
    ['votre conseillère Sandrine Lebrun a promis', 'votre conseillère [nom] a promis'],
    ["l'agent Karim m'a dit", "l'agent [nom] m'a dit"],
    ['Conseillère Sophie : bonjour', 'Conseillère [nom] : bonjour'],
    ['Julie (conseillère) : bonjour', '[nom] (conseillère) : bonjour'],
    ['Vous êtes en relation avec Nadia.', 'Vous êtes en relation avec [nom].'],
    ['Client : Bonjour Hugo, ma facture', 'Client : Bonjour [nom], ma facture'],
    ['merci à Léa pour sa gentillesse', 'merci à [nom] pour sa gentillesse'],
    ['Bonjour,\nrien reçu.\nPaul Gauthier', 'Bonjour,\nrien reçu.\n[nom]'],
    ['Madame Monsieur Durand', 'Madame Monsieur [nom]'],
    ['M. et Mme Collet', 'M. et Mme [nom]'],
    ['Je suis Mme Pereira. Bonjour Madame Pereira, Pereira est noté.', 'Je suis Mme [nom]. Bonjour Madame [nom], [nom] est noté.'],
  ])('%s', (input, expected) => {
    expect(masked(input)).toBe(expected);
  });
});

describe('postal addresses and references', () => {
  it.each([
    ["J'habite au 12 bis rue des Lilas, 69003 Lyon et", "J'habite au [adresse] et"],
    ['au 41 ter avenue de la Libération, 54000 Nancy', 'au [adresse]'],
    ['Mon adresse : 6 bd Haussmann, 75009 Paris.', 'Mon adresse : [adresse].'],
    ['au 120 av. des Champs-Élysées, 75008 Paris', 'au [adresse]'],
    ['au 3 chemin de la Croix Blanche, 44300 Nantes', 'au [adresse]'],
    ['adresse 12 rue de la gare 38000 grenoble', 'adresse [adresse]'],
    ['livré au 3 bis av des peupliers svp', 'livré au [adresse] svp'],
    ['au 10 rue de Rivoli à Paris', 'au [adresse] à Paris'],
    ['BP 42, 13001 Marseille CEDEX 01', '[adresse]'],
    ['Résidence Les Pins, bât. B, 30 avenue du Maréchal Foch, 83000 Toulon', '[adresse]'],
    ['Lieu-dit La Ferrière, 24200 Sarlat-la-Canéda', '[adresse]'],
    ['écrire au 75011 Paris', 'écrire au [adresse]'],
    ['commande n° 4821937 perdue', 'commande n° [référence] perdue'],
    ['commande CMD2024A881 jamais reçue', 'commande [référence] jamais reçue'],
    ['contrat n°4512 résilié', 'contrat n°[référence] résilié'],
    ['dossier n° 2024/1187 en souffrance', 'dossier n° [référence] en souffrance'],
    ['le ticket #48213 est ouvert', 'le ticket #[référence] est ouvert'],
    ['compte client 7003 448 120 à jour', 'compte client [référence] à jour'],
    ['colis 1Z999AA10123456784', 'colis [référence]'],
  ])('%s', (input, expected) => {
    expect(masked(input)).toBe(expected);
  });
});

describe('never masked: prices, dates, times, quantities and words that look like data', () => {
  it.each([
    ['Livré le 12/03/2024 à 14h30 pour 12,50 €'],
    ['acheté le 06/12/2024, rendu le 06.12.2024 ou le 2024-12-06'],
    ['Prix 1 299 €, 1299€, € 49.99, 45 balles, 0,80 €/min'],
    ['Commande de 3 x 2 L, 12 x 1,5 L, 2x500g, 1000ml, 6 bouteilles'],
    ['Attente de 45 minutes, 3 semaines de retard, 48h promis, livraison en 24 h'],
    ['Service 24h/24 et 7j/7, de 10h-12h, saison 2023/2024, note 100/100'],
    ['Batterie 5000 mAh, écran 1920x1080, modèle KSM175, iPhone 15, Galaxy S24, RTX 4070'],
    ['La facture 2023 était juste, celle de 2024 non, -30 % puis +12,5 %'],
    ['Code postal 75011, 2 colis sur 3, dans le 93, appelé le 3631'],
    ['Madame, Monsieur, je vous écris'],
    ['Madame la directrice et Monsieur le Médiateur'],
    ['Mme la conseillère, M. le responsable, Monsieur tout-le-monde'],
    ['Monsieur a été servi, Madame est partie, merci madame pour votre accueil'],
    ['Le Mr Propre, le Monsieur Cuisine, Mr Bricolage, les Dr Martens'],
    ['Je regarde M6, chiffre de 5 M€'],
    ['Le livreur Chronopost, la conseillère Orange, le livreur DPD'],
    ['On avait 3 places de cinéma, 1 place de parking, 2 cours de yoga'],
    ['Merci Darty pour rien. Bonjour Orange !'],
    ['Commande annulée.\nDéçu.'],
    ['iPhone15 reçu rayé'],
    ["1ère commande, coup de maître. Impec, le maître mot"],
  ])('%s', (input) => {
    expect(maskPersonalData(input)).toEqual({ text: input, replacements: [], spans: [] });
  });
});

describe('measurement sets (test/fixtures/pii)', () => {
  it.each(PII_SETS)('%s.jsonl is the build of %s.txt (npx tsx scripts/pii-measure.ts --build)', (name) => {
    const built = parseMarkup(readFileSync(join(PII_DIR, `${name}.txt`), 'utf8'));
    expect(loadPiiSet(name)).toEqual(built);
  });

  it('development set: ≥ 95 % of each kind masked, no decoy touched', () => {
    const score = scorePii(loadPiiSet('verbatims'));
    expect(score.overall[1]).toBeGreaterThanOrEqual(400);
    for (const [kind, [hit, total]] of Object.entries(score.recall)) expect({ kind, recall: hit / total >= 0.95 }).toEqual({ kind, recall: true });
    expect(score.falseMasks).toEqual([]);
  });

  it('held-out set: ≥ 95 % masked overall, no decoy touched', () => {
    const score = scorePii(loadPiiSet('holdout'));
    expect(score.overall[0] / score.overall[1]).toBeGreaterThanOrEqual(0.95);
    expect(score.falseMasks).toEqual([]);
  });

  it('the scorer counts an item half masked as missed, and a touched decoy as a false mask', () => {
    const [row] = parseMarkup('mail\tappelez le [[phone|06 12 34 56 78]] pour {{prix|12 €}}\n');
    const half = scorePii([row!], (text) => ({ text, replacements: [{ kind: 'phone', start: 11, end: 16, maskedStart: 11, maskedEnd: 16 }] }));
    expect(half.misses).toHaveLength(1);
    const decoy = scorePii([row!], (text) => ({ text, replacements: [{ kind: 'reference', start: 30, end: 32, maskedStart: 30, maskedEnd: 32 }] }));
    expect(decoy.falseMasks).toHaveLength(1);
  });
});
