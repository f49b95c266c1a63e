import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeChannel, slugify, type ChannelDefinition } from '../src/lexicon/channels.js';
import { FR_LEXICON_SOURCES } from '../src/data/fr.generated.js';

const table: ChannelDefinition[] = [
  { id: 'avis_en_ligne', label: 'Avis en ligne', aliases: ['avis', 'avis google', 'avis vérifiés'] },
  { id: 'chat', label: 'Chat', aliases: ['tchat', 'live chat'] },
  { id: 'email', label: 'E-mail', aliases: ['mail', 'courriel', 'formulaire de contact'] },
];

describe('slugify', () => {
  it.each([
    ['Réseaux sociaux', 'reseaux_sociaux'],
    ['  E-MAIL  ', 'e_mail'],
    ['Avis vérifiés !', 'avis_verifies'],
    ['cœur', 'coeur'],
    ['___', ''],
    ['App-Store (iOS)', 'app_store_ios'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('is idempotent and yields only [a-z0-9_] without edge underscores', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const slug = slugify(s);
        expect(slugify(slug)).toBe(slug);
        expect(slug).toMatch(/^(?:[a-z0-9]+(?:_[a-z0-9]+)*)?$/);
      }),
    );
  });

  it('rejects non-strings', () => {
    expect(() => slugify(3 as unknown as string)).toThrow(TypeError);
  });
});

describe('normalizeChannel', () => {
  it.each([
    ['avis_en_ligne', 'avis_en_ligne'],
    ['AVIS EN LIGNE', 'avis_en_ligne'],
    ['Avis Google', 'avis_en_ligne'],
    ['avis-google', 'avis_en_ligne'],
    ['Avis verifies', 'avis_en_ligne'],
    ['Tchat', 'chat'],
    ['Live-Chat', 'chat'],
    ['E-mail', 'email'],
    ['email', 'email'],
    ['Formulaire de contact', 'email'],
    ['Courrier recommandé', 'courrier_recommande'],
    ['', 'inconnu'],
    ['  ', 'inconnu'],
    [undefined, 'inconnu'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeChannel(input, table)).toBe(expected);
  });

  it('keeps unknown channels as their slug (never dropped)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const id = normalizeChannel(s, table);
        expect(id.length).toBeGreaterThan(0);
        const slug = slugify(s);
        if (slug !== '' && !['avis_en_ligne', 'chat', 'email'].includes(id)) expect(id).toBe(slug);
      }),
    );
  });

  it('rejects a missing table', () => {
    expect(() => normalizeChannel('chat', undefined as unknown as ChannelDefinition[])).toThrow(TypeError);
  });
});

describe('default channel table (lexicons/fr/channels.yml)', () => {
  const source = FR_LEXICON_SOURCES.find((s) => typeof s.data === 'object' && s.data !== null && 'channels' in s.data);
  const channels = (source?.data as { channels: ChannelDefinition[] }).channels;

  it('holds the taxonomy ids', () => {
    expect(channels.map((c) => c.id).sort()).toEqual(
      ['avis_en_ligne', 'chat', 'email', 'enquete', 'magasin', 'reclamation', 'reseaux_sociaux', 'store', 'telephone'].sort(),
    );
  });

  it('has no alias claimed by two channels', () => {
    const seen = new Map<string, string>();
    for (const c of channels) {
      for (const key of [c.id, c.label ?? '', ...(c.aliases ?? [])].map(slugify)) {
        if (key === '') continue;
        const owner = seen.get(key);
        expect(owner === undefined || owner === c.id, `${key} in ${owner} and ${c.id}`).toBe(true);
        seen.set(key, c.id);
      }
    }
  });

  it.each([
    ['Trustpilot', 'avis_en_ligne'],
    ['Avis Google', 'avis_en_ligne'],
    ['Enquête NPS', 'enquete'],
    ['Baromètre', 'enquete'],
    ['tchat', 'chat'],
    ['Live chat', 'chat'],
    ['Formulaire de contact', 'email'],
    ['Courriel', 'email'],
    ['Réclamation', 'reclamation'],
    ['Lettre', 'reclamation'],
    ['Facebook', 'reseaux_sociaux'],
    ['X', 'reseaux_sociaux'],
    ['App Store', 'store'],
    ['Google Play', 'store'],
    ['Verbatim conseiller', 'telephone'],
    ['Téléphone', 'telephone'],
    ['Point de vente', 'magasin'],
    ['Salon professionnel', 'salon_professionnel'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeChannel(input, channels)).toBe(expected);
  });
});
