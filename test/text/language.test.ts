import { describe, expect, it } from 'vitest';
import { detectLanguage, englishWords } from '../../src/text/index.js';

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

  it('honours only and minLength', () => {
    expect(detectLanguage('ok merci', { minLength: 3, only: ['fra', 'eng'] })).not.toBe('und');
    expect(detectLanguage('The parcel never arrived and nobody answers', { only: ['fra', 'deu'] })).not.toBe('eng');
  });
});

describe('englishWords', () => {
  it.each([
    ["I can't believe they didn't ship it", ['i', 'can', 'not', 'believe', 'they', 'did', 'not', 'ship', 'it'], 7],
    ["We're done, we won't come back!", ['we', 'are', 'done', 'we', 'will', 'not', 'come', 'back'], 6],
    ['', [], 0],
  ])('%s', async (text, words, count) => {
    expect(await englishWords(text)).toEqual({ words, count });
  });
});
