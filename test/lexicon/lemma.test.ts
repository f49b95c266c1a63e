// `lemma:word` matches every inflected form of a dictionary word, spelled out
// at compile time from the build-time lemma table (src/data/lemmas.generated.ts).
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, defineLexicon, LexiconError, safeParseLexicon } from '../../src/index.js';
import { parseTerm } from '../../src/lexicon/term.js';
import { lemmaForms, lemmaNames } from '../../src/lexicon/lemmas.js';
import { foldKey } from '../../src/text/index.js';

function analyzerFor(terms: string[], exclude: string[] = []) {
  const doc = defineLexicon({
    version: 1,
    entries: [
      { id: 't', kind: 'theme', terms: ['zzzthemezzz'] },
      { id: 'x', kind: 'irritant', theme: 't', onNegation: 'keep', terms, exclude },
    ],
  });
  return createAnalyzer({ includeDefault: false, includeBaseSentiment: false, lexicons: [doc] });
}

const hits = (text: string, terms: string[]): string[] => analyze(text, analyzerFor(terms)).matches.map((m) => m.text);

describe('lemma: grammar', () => {
  it.each([
    ['lemma:attendre', true],
    ['lemma:Attendre', true],
    ['lemma:reponse', true],
    ['lemma:attendre {0,2} lemma:réponse|mail', true],
    ['lemma:après-vente', false], // well formed, but not in the table
    ['lemma:', false],
    ['lemma:attend*', false],
    ['lemma:stem:livrer', false],
    ["lemma:d'attente", false],
    ['lemma:-attendre', false],
    ['lemma:2fois', false],
  ])('%s -> ok %s', (term, ok) => {
    expect(parseTerm(term).ok).toBe(ok);
  });

  it.each([
    ['lemma:', /bad lemma "lemma:"/, /lemma:attendre/],
    ['lemma:attend*', /bad lemma/, /one dictionary word/],
    ['attente|lemma:zorglubber', /unknown lemma "lemma:zorglubber"/, /use stem:zorglubber or list the forms/],
  ])('%s is reported with a hint', (term, message, hint) => {
    const parsed = parseTerm(term);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]?.message).toMatch(message);
    expect(parsed.problems[0]?.hint).toMatch(hint);
  });
});

describe('lemma: unknown lemma is a LexiconError with file, entry id, term and hint', () => {
  it('in a file', () => {
    const r = safeParseLexicon('version: 1\nentries:\n  - id: attente\n    kind: theme\n    terms:\n      - "lemma:poireauterr {0,2} heures"\n', { file: 'mon.yml' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toEqual([
      expect.objectContaining({
        file: 'mon.yml',
        line: 6,
        entryId: 'attente',
        message: expect.stringMatching(/unknown lemma "lemma:poireauterr" in term "lemma:poireauterr \{0,2\} heures"/),
        hint: expect.stringMatching(/use stem:poireauterr or list the forms/),
      }),
    ]);
  });

  it('through defineLexicon', () => {
    expect(() => defineLexicon({ version: 1, entries: [{ id: 'a', kind: 'theme', terms: ['lemma:zorglub'] }] })).toThrow(LexiconError);
  });
});

describe('lemma: expansion', () => {
  it.each([
    ['verb, present', 'lemma:attendre', "j'attends depuis lundi", ['attends']],
    ['verb, present plural', 'lemma:attendre', 'ils attendent encore', ['attendent']],
    ['verb, participle', 'lemma:attendre', 'trop attendu', ['attendu']],
    ['verb, imperfect', 'lemma:attendre', 'nous attendions le livreur', ['attendions']],
    ['verb, imperfect third person', 'lemma:attendre', 'elle attendait', ['attendait']],
    ['verb, future', 'lemma:attendre', "j'attendrai pas", ['attendrai']],
    ['verb, infinitive', 'lemma:attendre', 'il faut attendre', ['attendre']],
    ['verb, accents dropped by the customer', 'lemma:recevoir', 'jamais recu', ['recu']],
    ['verb, irregular stem', 'lemma:recevoir', 'je reçois rien', ['reçois']],
    ['verb, folded lemma', 'lemma:resilier', 'je résilie', ['résilie']],
    ['noun, plural', 'lemma:attente', 'des attentes interminables', ['attentes']],
    ['noun, singular', 'lemma:attente', "une heure d'attente", ['attente']],
    ['noun and verb are different lemmas', 'lemma:attente', "j'ai attendu", []],
    ['stemming would merge attente and attentif; lemmas do not', 'lemma:attente', 'un vendeur attentif', []],
    ['adjective forms', 'lemma:rapide', 'des livraisons rapides', ['rapides']],
    ['unrelated word with the same prefix', 'lemma:attendre', 'une attente', []],
    ['lemma inside a phrase', 'lemma:attendre {0,2} lemma:réponse', "j'attendais toujours une réponse", ['attendais toujours une réponse']],
    ['lemma among alternatives', 'colis|lemma:livrer {0,2} en retard', 'livrées en retard', ['livrées en retard']],
    ['lemma followed by a word in the same phrase', 'lemma:rappeler vite', 'ils rappellent vite', ['rappellent vite']],
  ])('%s: %s in %j', (_name, term, text, expected) => {
    expect(hits(text, [term])).toEqual(expected);
  });

  it.each([
    ["les salles d'attentes", []],
    ['de longues attentes', ['attentes']],
  ])('exclusions may use lemmas too: %j', (text, expected) => {
    const a = analyzerFor(['lemma:attente'], ['salle|salles de lemma:attente']);
    expect(analyze(text, a).matches.map((m) => m.text)).toEqual(expected);
  });

  it('the table gives forms, not a search: the forms of a verb are finite and hold its participles', () => {
    const forms = lemmaForms('rembourser') ?? [];
    expect(forms).toEqual(expect.arrayContaining(['rembourse', 'remboursé', 'remboursées', 'rembourserons']));
    expect(forms).not.toContain('remboursement');
    expect(lemmaForms('zorglub')).toBeUndefined();
  });

  it('every lemma of the table is one of its own forms, and its forms share its start (the table stores the letters each prefix drops)', () => {
    const names = lemmaNames();
    expect(names.length).toBeGreaterThan(500);
    for (const lemma of names) {
      const forms = lemmaForms(lemma) ?? [];
      // Two lemmas folding alike (pêcher / pécher) share their forms: the lemma is among them, as written or folded.
      expect(forms.some((f) => f === lemma || foldKey(f) === foldKey(lemma)), lemma).toBe(true);
      expect(forms.length, lemma).toBeGreaterThan(0);
    }
    // A verb's forms keep its stem and drop its ending: rembourser → rembours-.
    expect((lemmaForms('rembourser') ?? []).every((f) => f.startsWith('rembours'))).toBe(true);
  });
});

describe('lemma: in the default lexicons, forms nobody listed by hand', () => {
  const a = createAnalyzer();
  it.each([
    ['Ils attendaient leur colis depuis trois semaines.', 'irritants', 'retard_livraison'],
    ['Ils attendent depuis des semaines.', 'irritants', 'attente_excessive'],
    ["Ils racontaient n'importe quoi au téléphone.", 'themes', 'competence'],
    ['Nous déconseillons fortement cette enseigne.', 'intents', 'recommandation_negative'],
  ] as const)('%j -> %s %s', (text, field, id) => {
    expect(analyze(text, a)[field]).toContain(id);
  });
});
