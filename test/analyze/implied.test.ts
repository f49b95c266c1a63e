import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, parseLexicon, safeParseLexicon } from '../../src/index.js';

const defaults = createAnalyzer({ detectLanguage: false, keepCancelled: true });
// allMatches: an implied hit over a span the lexicon already tagged the same way counts once (as a duplicate).
const implied = (text: string) => (analyze(text, defaults).allMatches ?? []).filter((m) => m.term.startsWith('implied')).map((m) => `${m.id}:${m.text}`);

describe('implied complaints: numbers that say too late or too dear', () => {
  it.each([
    ['Commande passée il y a 3 semaines, toujours en préparation', ['retard_livraison:3 semaines']],
    ['Le colis a mis quinze jours à arriver', ['retard_livraison:quinze jours']],
    ["1h30 d'attente au guichet ce matin", ['attente_excessive:1h30']],
    ['Il a fallu 45 minutes de queue en caisse', ['attente_excessive:45 minutes']],
    ['Trois semaines pour répondre à un simple mail', ['attente_excessive:Trois semaines']],
    ['Deux mois que j\'attends mon remboursement', ['remboursement_bloque:Deux mois']],
    ['Dix jours sans aucune réponse à mon courrier', ['absence_reponse:Dix jours']],
    ['+25 % sur mon abonnement cette année', ['prix_excessif:25 %']],
    ['Ma cotisation est passée de 40 à 52 € par mois', ['prix_excessif:40 à 52']],
  ])('%j → %j', (text, expected) => {
    expect(implied(text)).toEqual(expected);
  });

  it.each([
    'Livré en moins de 3 jours, parfait',
    'Commande reçue sous 48h',
    'Client depuis 5 ans, toujours livré à temps',
    "Ouvert jusqu'à 21h, personne au guichet à 7h",
    '10 % de réduction sur ma commande avec le code',
    "Colis reçu en 2 jours, rien à redire",
    'Remboursé en 4 jours',
    'Ma mère, 86 ans, fait la queue au guichet',
  ])('%j is no implied complaint', (text) => {
    expect(implied(text)).toEqual([]);
  });

  it('reads rules from the lexicon, first rule wins, implied: [] switches them off', () => {
    const doc = parseLexicon(
      `version: 1
implied:
  - id: lent
    duration: 2 heures
    under: 1 jour
    near: [file*]
  - id: lent2
    duration: 1 heure
    near: [file*]
entries:
  - id: magasin
    kind: theme
    label: Magasin
    terms: [ "magasin" ]
  - id: lent
    kind: irritant
    theme: magasin
    label: Lent
    terms: [ "interminable" ]
  - id: lent2
    kind: irritant
    theme: magasin
    label: Lent 2
    terms: [ "trop long" ]
`,
      { file: 'implied.yml' },
    );
    const a = createAnalyzer({ includeDefault: false, includeBaseSentiment: false, lexicons: [doc] });
    expect(analyze('3 heures de file au magasin', a).irritants).toEqual(['lent']);
    expect(analyze('90 minutes de file', a).irritants).toEqual(['lent2']);
    expect(analyze('2 jours de file', a).irritants).toEqual(['lent2']);
    expect(analyze('3 heures de route', a).irritants).toEqual([]);
    const off = createAnalyzer({ detectLanguage: false, lexicons: [parseLexicon('version: 1\nimplied: []\n', { file: 'off.yml' })] });
    expect(analyze("1h30 d'attente au guichet", off).matches.filter((m) => m.term.startsWith('implied'))).toEqual([]);
  });

  it('says what is wrong with a rule, where', () => {
    const bad = safeParseLexicon('version: 1\nimplied:\n  - id: x\n    duration: trois jours\n    near: [colis]\n  - id: y\n    increase: 5\n    duration: 2 jours\n', { file: 'bad.yml' });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.issues.map((i) => [i.line, i.message])).toEqual([
        [4, 'implied rule #1: duration must read like "10 jours", got string "trois jours"'],
        [6, 'implied rule #2 needs exactly one of duration and increase'],
        [6, 'implied rule #2 has no near words'],
      ]);
    }
    const unknown = parseLexicon('version: 1\nimplied:\n  - id: retard_livraisn\n    duration: 10 jours\n    near: [colis]\n', { file: 'typo.yml' });
    expect(() => createAnalyzer({ lexicons: [unknown] })).toThrow(/unknown implied rule id "retard_livraisn"[\s\S]*did you mean "retard_livraison"/);
  });
});
