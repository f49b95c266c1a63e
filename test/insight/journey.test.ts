import { describe, expect, it } from 'vitest';
import { addJourney, emptyJourneyState, finalizeJourney, type JourneyEntryMeta } from '../../src/report/insight/journey.js';
import { match, stateOf, verbatim } from './_helpers.js';

const entries: Record<string, JourneyEntryMeta> = {
  livraison: { kind: 'theme', stage: 'apres' },
  joignabilite: { kind: 'theme', stage: 'pendant' },
  magasin: { kind: 'theme', stage: 'avant' },
  accueil: { kind: 'theme' },
  retard_livraison: { kind: 'irritant', theme: 'livraison' },
  attente_excessive: { kind: 'irritant', theme: 'joignabilite' },
  rupture_stock: { kind: 'irritant', theme: 'magasin' },
  amabilite: { kind: 'enchantment', theme: 'accueil' },
  rapidite: { kind: 'enchantment', theme: 'joignabilite' },
};

describe('journey', () => {
  const state = stateOf(emptyJourneyState(), addJourney, [
    verbatim({ id: '1', channel: 'chat', irritants: ['retard_livraison', 'attente_excessive'] }),
    verbatim({ id: '2', channel: 'chat', irritants: ['retard_livraison', 'retard_livraison'], enchantments: ['rapidite'] }),
    verbatim({ id: '3', channel: 'email', irritants: ['attente_excessive'], enchantments: ['amabilite'] }),
    // No metadata for colis_endommage: its theme comes from the match, its stage from the theme.
    verbatim({ id: '4', channel: 'email', irritants: ['colis_endommage'], matches: [match('colis_endommage', 'irritant', 'livraison')] }),
    verbatim({ id: '5', channel: 'email', irritants: ['inconnu_ici'] }),
  ]);
  const result = finalizeJourney(state, { entries });

  it('shares irritant mentions by stage overall', () => {
    // 6 irritant mentions: apres 3 (retard ×2, colis), pendant 2 (attente ×2), unknown 1.
    expect(result.overall.irritant).toEqual({
      mentions: 6,
      stages: {
        avant: { count: 0, share: 0 },
        pendant: { count: 2, share: (100 * 2) / 6 },
        apres: { count: 3, share: 50 },
        inconnu: { count: 1, share: (100 * 1) / 6 },
      },
    });
  });

  it('shares per channel, enchantments inheriting their theme stage', () => {
    const chat = result.channels.find((c) => c.channel === 'chat');
    expect(chat?.verbatims).toBe(2);
    expect(chat?.irritant.stages.apres).toEqual({ count: 2, share: (100 * 2) / 3 });
    expect(chat?.enchantment.stages.pendant).toEqual({ count: 1, share: 100 });
    const email = result.channels.find((c) => c.channel === 'email');
    // amabilite: theme accueil has no stage.
    expect(email?.enchantment.stages.inconnu).toEqual({ count: 1, share: 100 });
    expect(result.stageOf).toMatchObject({ colis_endommage: 'apres', rapidite: 'pendant', inconnu_ici: 'inconnu' });
  });

  it('gives null shares without mentions and all-unknown stages without metadata', () => {
    const empty = finalizeJourney(emptyJourneyState());
    expect(empty.overall.irritant.stages.apres).toEqual({ count: 0, share: null });
    expect(finalizeJourney(state).overall.irritant.stages.inconnu.count).toBe(6);
  });
});
