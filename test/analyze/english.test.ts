// The English layer: verbatims detected as English are tagged with lexicons/en
// (same ids as the French defaults), on lemma keys compiled at build time, with English negation.
// Every sentence here was written for this test.
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, englishLemmas, type VerbatimAnalysis } from '../../src/index.js';
import { lemmatizeTerm as lemmatizeTermWith } from '../../src/text/english.js';
import { defaultEnglishForms } from '../../src/lexicon/defaults.js';

const lemmatizeTerm = (term: string): string => lemmatizeTermWith(term, defaultEnglishForms());

const analyzer = createAnalyzer();
const run = (text: string): VerbatimAnalysis => analyze({ id: 't', text }, analyzer);
const labels = (r: VerbatimAnalysis): string[] => [...r.themes, ...r.irritants, ...r.enchantments, ...r.intents.map((i) => `intent:${i}`)];

describe('English layer: ids found and ids absent', () => {
  // [sentence, ids that must be found, ids that must be absent]; intents are written `intent:<id>`.
  it.each<[string, string[], string[]]>([
    ['My parcel still has not arrived three weeks after I paid for it, this is ridiculous.', ['livraison', 'retard_livraison'], ['rapidite']],
    ['The courier never delivered the package and the tracking has not moved since Monday.', ['retard_livraison'], []],
    ['The box turned up crushed and two of the glasses inside were smashed.', ['colis_endommage'], ['rapidite']],
    ['I received the wrong colour and a size too small, nothing like what I ordered.', ['colis_endommage'], []],
    ['I have been charged twice for the same subscription this month, please sort it out.', ['facturation', 'erreur_facturation'], []],
    ['There is an unexpected charge on my latest invoice that nobody can explain to me.', ['erreur_facturation'], []],
    ['Three weeks on and they still refuse to refund me for the cancelled stay.', ['remboursement', 'remboursement_bloque'], []],
    ['I spent an hour on hold listening to the same awful music before giving up.', ['joignabilite', 'attente_excessive'], []],
    ['I called five times this week and nobody ever picks up the phone at the branch.', ['injoignable'], []],
    ['I sent four emails to your support team and never got a reply from anyone.', ['absence_reponse'], []],
    ['Every time I call I am transferred to another department and have to explain everything again.', ['repetition'], []],
    ['They promised a technician would come on Tuesday, nobody showed up and nothing since.', ['promesse_non_tenue'], []],
    ['The kettle stopped working after two weeks and the handle was already cracked.', ['produit', 'produit_defectueux'], []],
    ['The banking app keeps crashing and I can not log in to my account since the update.', ['digital', 'bug_digital'], []],
    ['The agent at the counter was incredibly rude and just rolled her eyes at my question.', ['accueil', 'personnel_desagreable'], ['amabilite']],
    ['The manager told me it was not my problem and that I should call back later.', ['mots_qui_tuent'], []],
    ['You keep calling me every single day with offers I never asked for, it is harassment.', ['sollicitation_excessive'], []],
    ['Prices went up again this year and the hidden fees make it far too expensive.', ['prix', 'prix_excessif'], []],
    ['The size I wanted was out of stock in every shop in town.', ['rupture_stock'], []],
    ['The lady at the desk was lovely and so patient with my elderly father.', ['accueil', 'amabilite'], ['personnel_desagreable']],
    ['Customer support answered my message within minutes, brilliant.', ['rapidite'], ['absence_reponse']],
    ['Delivered the next day and perfectly packed, very happy with it.', ['livraison', 'rapidite'], ['retard_livraison']],
    ['The adviser fixed my problem in one call, really efficient service.', ['competence', 'efficacite'], []],
    ['The pharmacist gave me excellent advice and explained everything clearly.', ['conseil_expert'], []],
    ['To make up for the delay they gave us a voucher and waived the delivery fee.', ['geste_commercial'], []],
    ['The barista knew my name and remembered my usual order, such a personal touch.', ['personnalisation'], []],
    ['I would definitely recommend this garage to anyone in the area.', ['intent:recommandation_positive'], ['intent:recommandation_negative']],
    ['I would not recommend this hotel to my worst enemy.', ['intent:recommandation_negative'], ['intent:recommandation_positive']],
    ['A friend recommended this shop to me but I was not impressed at all.', [], ['intent:recommandation_positive']],
    ['I am cancelling my contract today and switching to another provider.', ['resiliation', 'intent:resiliation'], []],
    ['If this is not fixed by Friday I will contact my lawyer and the ombudsman.', ['intent:escalade'], []],
    ['They promised me a voucher on the phone but it never came.', ['promesse_non_tenue'], ['geste_commercial']],
    ['Decent prices, but the shipment took more than three weeks to reach me.', ['retard_livraison'], ['attente_excessive']],
    ['They posted a new one the next day, no fuss at all.', ['rapidite', 'efficacite'], []],
    ['After ten years as a customer I am off, your charges are through the roof.', ['prix_excessif'], []],
  ])('%j', (text, found, absent) => {
    const r = run(text);
    expect(r.language).toBe('eng');
    const got = labels(r);
    for (const id of found) expect(got, `${id} in ${JSON.stringify(got)}`).toContain(id);
    for (const id of absent) expect(got, `${id} not in ${JSON.stringify(got)}`).not.toContain(id);
  });
});

describe('English negation', () => {
  it.each<[string, string[], string[]]>([
    ['The delivery was not late at all, it came exactly when they said.', [], ['retard_livraison']],
    ['No problem with the order, everything arrived as described.', [], ['produit_defectueux', 'colis_endommage']],
    ['The staff were not friendly and did not even say hello.', ['personnel_desagreable'], ['amabilite']],
    ["The engineer didn't solve anything, the line is still down.", ['produit_defectueux'], ['efficacite']],
    ['Nobody answers the phone at the head office, it is impossible to reach anyone.', ['injoignable'], []],
    ['I never received my refund even after three reminders.', ['remboursement_bloque'], []],
  ])('%j', (text, found, absent) => {
    const got = labels(run(text));
    for (const id of found) expect(got, `${id} in ${JSON.stringify(got)}`).toContain(id);
    for (const id of absent) expect(got, `${id} not in ${JSON.stringify(got)}`).not.toContain(id);
  });

  it.each([
    ['No problem at all, the exchange went smoothly and quickly.', 'positif'],
    ['Honestly not impressed, the room was dirty and the staff did not care.', 'negatif'],
    ['Lovely staff and a great breakfast, thank you for a wonderful weekend.', 'positif'],
  ])('tonality of %j is %s', (text, tonality) => {
    expect(run(text).tonality).toBe(tonality);
  });
});

describe('language routing', () => {
  it('keeps a French verbatim with English loanwords on the French lexicons', () => {
    const r = run('Le SAV est top, very nice, mais le colis est arrivé cassé et personne ne répond au téléphone.');
    expect(r.language).toBe('fra');
    expect(r.irritants).toEqual(expect.arrayContaining(['colis_endommage', 'injoignable']));
  });

  it('english: false sends English verbatims through the French lexicons', () => {
    const text = 'The seller was so patient and kind, she sorted out my issue in five minutes.';
    expect(run(text).enchantments).toEqual(expect.arrayContaining(['amabilite', 'efficacite']));
    const off = analyze({ id: 't', text }, createAnalyzer({ english: false }));
    expect(off.language).toBe('eng');
    expect(off.enchantments).not.toContain('efficacite');
  });

  it('short English texts take the corpus language, so stay French by default', () => {
    expect(run('Rude staff').language).toBe('fra');
    expect(analyze('Rude staff', createAnalyzer({ defaultLanguage: 'eng' })).irritants).toContain('personnel_desagreable');
  });

  it('entries switched off by a user layer are off in English too', () => {
    const a = createAnalyzer({ lexicons: [{ version: 1, entries: [{ id: 'personnel_desagreable', disabled: true }] }] });
    const r = analyze('The driver was incredibly rude and shouted at my son for no reason.', a);
    expect(r.language).toBe('eng');
    expect(r.irritants).not.toContain('personnel_desagreable');
  });

  it('keywords of English verbatims leave English stop words out', () => {
    expect(run('The heating in the flat has been broken for a whole month now.').keywords).not.toContain('the');
  });
});

describe('lemmas', () => {
  it.each([
    ["I didn't get it", ['i', 'do', 'not', 'get', 'it']],
    ["We can't log in", ['we', 'can', 'not', 'log', 'in']],
    ['The parcels were delivered', ['the', 'parcel', 'be', 'deliver']],
    ['It stopped working', ['it', 'stop', 'work']],
  ])('%j → %j', (text, keys) => {
    expect(englishLemmas(text).map((l) => l.key)).toEqual(keys);
  });

  it('lexicon terms keep their written form and gain their lemmas; gaps and globs stay', () => {
    expect(lemmatizeTerm('stopped working|broke {0,2} refund*')).toBe('stopped working|stop work|broke|break {0,2} refund*');
    // Out of context "received" reads as an adjective; the verb reading gives `receive` too.
    expect(lemmatizeTerm('received').split('|')).toContain('receive');
  });
});
