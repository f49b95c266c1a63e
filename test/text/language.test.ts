import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGES, detectLanguage, englishWords } from '../../src/text/index.js';
import { countMarkers, countMarkersByRegex } from '../../src/text/language.js';

describe('detectLanguage', () => {
  it.each([
    ["Le colis n'est jamais arrivé et le service client ne répond pas", 'fra'],
    ['Livraison rapide, produit conforme, emballage soigné et vendeur réactif', 'fra'],
    ["j'ai attendu 45 min au tel pour rien c'est nul", 'fra'],
    ['The parcel never arrived and nobody answers my emails', 'eng'],
    ['El paquete nunca llegó y nadie responde a mis correos', 'spa'],
    ['Das Paket ist nie angekommen und niemand antwortet auf meine Mails', 'deu'],
    ['Il pacco non è mai arrivato e nessuno risponde alle mie email', 'ita'],
    ['O pacote nunca chegou e ninguém responde aos meus emails', 'por'],
    ['ok', 'und'],
    ['Super 👍👍', 'und'],
    ['', 'und'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  // Telegraphic French (few function words, many participles and -té nouns): franc alone read these
  // as Dutch, English or Catalan; the fast path now recognises them.
  it.each([
    'Vendeur sérieux, envoi soigné. Je recommande',
    'Emballé avec soin, livré en avance',
    'Simplicité, efficacité et amabilité',
    'Paiement refusé deux fois, panier vidé',
  ])('telegraphic French %s → fra', (text) => {
    expect(detectLanguage(text)).toBe('fra');
  });

  // Spanish and Portuguese write -és/-é words too; their own letters keep them away from the French fast path.
  it.each([
    ['Después de dos semanas el pedido llegó roto y nadie me contesta, no lo recomiendo', 'spa'],
    ['O café chegou frio e o atendimento foi péssimo, não recomendo', 'por'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  // Short English reviews franc alone read as Romanian or German; Dutch sharing `we`, `is`, `was`, `in` stays Dutch.
  it.each([
    ['Helpful staff, nice store. Bit pricey but good quality.', 'eng'],
    ['Great staff and a nice store, but a bit expensive.', 'eng'],
    ['We hebben het pakket in de winkel opgehaald, het was in orde en ik ben blij', 'nld'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  // One short, one long and one unaccented or misspelt text per language (not in the fixture).
  it.each([
    ['Toujours pas de nouvelles de mon colis', 'fra'],
    ["Bonjour, je vous écris car la machine à laver livrée hier fuit déjà ; le technicien ne peut passer qu'en mai.", 'fra'],
    ['tres decu par la qualite, ca se decoud deja', 'fra'],
    ['Nobody picks up the phone at this shop', 'eng'],
    ['We booked two nights in advance and when we arrived the room had been given to someone else, no apology at all.', 'eng'],
    ['realy bad servise, wont come back', 'eng'],
    ['Nadie coge el teléfono en esta tienda', 'spa'],
    ['Reservamos dos noches con antelación y al llegar la habitación se la habían dado a otra persona, sin disculpas.', 'spa'],
    ['pesimo trato, no vuelvo mas a esta tienda', 'spa'],
    ['In diesem Laden geht keiner ans Telefon', 'deu'],
    ['Wir hatten zwei Nächte im Voraus gebucht, und bei der Ankunft war das Zimmer an jemand anderen vergeben, ohne Entschuldigung.', 'deu'],
    ['ganz schlechter service, nie wieder hier', 'deu'],
    ['In questo negozio nessuno risponde al telefono', 'ita'],
    ["Avevamo prenotato due notti in anticipo e all'arrivo la camera era stata data a un altro, senza scuse.", 'ita'],
    ['servizio pessimo, non ci torno piu', 'ita'],
    ['Nesta loja ninguém atende o telefone', 'por'],
    ['Reservámos duas noites com antecedência e quando chegámos o quarto tinha sido dado a outra pessoa, sem desculpas.', 'por'],
    ['pessimo atendimento, nao volto mais nessa loja', 'por'],
    ['In deze winkel neemt niemand de telefoon op', 'nld'],
    ['We hadden twee nachten vooruit geboekt en bij aankomst was de kamer aan iemand anders gegeven, zonder excuses.', 'nld'],
    ['slechte service, kom hier nooit meer', 'nld'],
    ['En aquesta botiga ningú no agafa el telèfon', 'cat'],
    ["Vam reservar dues nits amb antelació i quan vam arribar l'habitació l'havien donat a una altra persona, sense disculpes.", 'cat'],
    ['servei pessim, no hi tornare mai mes', 'cat'],
    ['La magazinul ăsta nu răspunde nimeni la telefon', 'ron'],
    ['Am rezervat două nopți din timp și când am ajuns camera fusese dată altcuiva, fără nicio scuză.', 'ron'],
    ['servicii proaste, nu mai vin niciodata aici', 'ron'],
    ['W tym sklepie nikt nie odbiera telefonu', 'pol'],
    ['Zarezerwowaliśmy dwie noce z wyprzedzeniem, a po przyjeździe pokój był oddany komuś innemu, bez przeprosin.', 'pol'],
    ['obsluga fatalna, nigdy wiecej tu nie przyjde', 'pol'],
    ['Bu mağazada kimse telefona bakmıyor', 'tur'],
    ['İki geceyi önceden ayırtmıştık, vardığımızda oda başkasına verilmişti, bir özür bile yok.', 'tur'],
    ['berbat hizmet, bir daha asla gelmem buraya', 'tur'],
    ['لا أحد يرد على الهاتف في هذا المتجر', 'arb'],
    ['حجزنا ليلتين مسبقا وعندما وصلنا وجدنا أن الغرفة أعطيت لشخص آخر دون أي اعتذار.', 'arb'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  // Reviews of French exports that franc read as Dutch, Portuguese or Romanian: review words, not
  // function words, carry them (written for this test in the style of real short reviews).
  it.each([
    'Envoi rapide, produits nickel, merci',
    'Parfait, je recommande vivement',
    'Qualité top, service impeccable',
    'Excellent accueil et grand choix',
  ])('short French review %s → fra', (text) => {
    expect(detectLanguage(text)).toBe('fra');
  });

  it('splits words glued by a missing space at a capital (title and review)', () => {
    expect(detectLanguage('Excellent serviceMerci beaucoup')).toBe('fra');
  });

  // French markers shared with Romanian (`ne`, `au`, `mai`) no longer take Romanian to French.
  it('leaves texts with letters French never writes to the profiles', () => {
    expect(detectLanguage('Niciodată nu mai comand de aici, ne-au mințit')).toBe('ron');
  });

  it('gives und to other scripts and to texts with too little evidence', () => {
    expect(detectLanguage('Посылка так и не пришла, никто не отвечает')).toBe('und');
    expect(detectLanguage('荷物が届きません。誰も電話に出ません。')).toBe('und');
    expect(detectLanguage('xkcd qwrtz plmkj bvcxw hjklm')).toBe('und');
    expect(detectLanguage('لا أحد يرد على الهاتف في هذا المتجر', { only: ['fra', 'eng'] })).toBe('und');
  });

  it('honours only and minLength', () => {
    expect(detectLanguage('ok merci', { minLength: 3, only: ['fra', 'eng'] })).not.toBe('und');
    expect(detectLanguage('The parcel never arrived and nobody answers', { only: ['fra', 'deu'] })).not.toBe('eng');
    // Catalan among Spanish and Catalan, Spanish when Catalan is not a candidate.
    expect(detectLanguage('Vam esperar molt i ningú ens va atendre', { only: ['spa', 'cat'] })).toBe('cat');
    expect(detectLanguage('Esperamos mucho y nadie nos atendió', { only: ['spa', 'cat'] })).toBe('spa');
    expect(detectLanguage('Esperamos mucho y nadie nos atendió', { only: ['cat', 'ita'] })).not.toBe('spa');
    expect(detectLanguage('Esperamos mucho y nadie nos atendió', { only: [] })).toBe('und');
    expect(detectLanguage('Esperamos mucho y nadie nos atendió', { only: ['jpn'] })).toBe('und');
  });
});

describe('detectLanguage properties', () => {
  // Pieces of every language and script, odd characters included, so random texts mix them.
  const PIECES = [
    'le colis', "n'est pas", 'the order', "don't", 'el pedido', 'no llegó', 'das Paket', 'ist nicht', 'il pacco',
    'non è', 'a encomenda', 'não', 'het pakket', 'is niet', 'la comanda', 'no ha', 'coletul', 'nu a', 'paczka',
    'nie', 'kargo', 'gelmedi', 'الطرد', 'لم يصل', 'посылка', '荷物', 'l·l', 'ß', 'İ', 'ı', '👍', '\u0301', '\uD800',
    '\uDC00', '\u200D', '\n', ' ', '', '12,50 €', "'", '’', '-', '...', 'Xx', 'AAAA', 'qwrtz',
  ];
  const text = fc.oneof(
    fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(' ')),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
  );
  const only = fc.option(fc.subarray([...DEFAULT_LANGUAGES, 'jpn', 'rus', '']), { nil: undefined });

  it('never throws and returns a code of `only` (DEFAULT_LANGUAGES by default) or und', () => {
    fc.assert(
      fc.property(text, only, fc.integer({ min: 0, max: 40 }), (t, o, minLength) => {
        const lang = detectLanguage(t, o === undefined ? { minLength } : { only: o, minLength });
        expect(lang === 'und' || (o ?? DEFAULT_LANGUAGES).includes(lang)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic: the same answer again, whatever was detected in between', () => {
    fc.assert(
      fc.property(text, text, only, (t, other, o) => {
        const options = o === undefined ? {} : { only: o };
        const first = detectLanguage(t, options);
        detectLanguage(other, options);
        expect(detectLanguage(t, options)).toBe(first);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a long text by its head, in bounded time', () => {
    const long = 'Le colis est arrivé cassé et personne ne répond. '.repeat(20_000);
    expect(detectLanguage(long)).toBe('fra');
    expect(detectLanguage(`${'Das Paket kam kaputt an und niemand antwortet. '.repeat(20_000)}`)).toBe('deu');
  });
});

describe('englishWords', () => {
  it.each([
    ["I can't believe they didn't ship it", ['i', 'can', 'not', 'believe', 'they', 'did', 'not', 'ship', 'it'], 7],
    ["We're done, we won't come back!", ['we', 'are', 'done', 'we', 'will', 'not', 'come', 'back'], 6],
    ["It's late, I'd say: let's go back 2 times to www.shop.com", ['it', 'be', 'late', 'i', 'would', 'say', 'let', 'us', 'go', 'back', '2', 'times', 'to', 'www.shop.com'], 11],
    ["dont cant ain't", ['do', 'not', 'can', 'not', 'is', 'not'], 3],
    ["the customer's e-mail, a follow-up 👍", ['the', 'customer', 'e-mail', 'a', 'follow', 'up'], 5],
    ['', [], 0],
  ])('%s', async (text, words, count) => {
    expect(await englishWords(text)).toEqual({ words, count });
  });
});

// detectLanguage's marker counts are read in one pass over the characters; the regex reading
// (lowercase copy, one WORD_RE match per word, set lookups) is their reference.
describe('marker counts by character', () => {
  const chars = [...'jetsuneaoilrpdcvmqhkbwyxzJETSUNEAOIL  ,.!?-éèêàçôùÉÈÀÇáíóúñãõäößğłș'].concat([
    "'", '’', '‘', 'İ', 'Σ', 'ς', 'ı', 'K', 'ﬁ', 'œ', '\u0301', '\u00A0', '😀', '𝐋', '𐐀', '\uD800', '\uDC00', '·', '1', 'Ω', 'Д',
  ]);
  const words = ['je', 'est', 'très', 'été', "l'accueil", 'jusqu’à', "don't", 'can’t', 'the', 'and', 'refusé', 'arrivées', 'Débités', 'después'];
  const text = fc.array(fc.oneof(fc.constantFrom(...chars), fc.constantFrom(...words)), { maxLength: 40 }).map((a) => a.join(''));

  it('counts as the regexes do', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(countMarkers(t)).toEqual(countMarkersByRegex(t));
      }),
      { numRuns: 3_000 },
    );
  });

  it.each([
    "L'accueil est TRÈS bien, je suis ravi",
    'Paiement refusé, panier vidé',
    'El café llegó frío, pedido rechazado',
    "The staff don't care and it's slow",
    'İstanbul: très bien, été parfait',
    '€'.repeat(1_999) + '😀 est',
    'x'.repeat(1_998) + ' très',
  ])('%j', (t) => {
    expect(countMarkers(t)).toEqual(countMarkersByRegex(t));
  });
});
