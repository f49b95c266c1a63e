// Keyness per channel (`report.sections.insight.keyness`): words, expressions and
// entries a channel uses more or less than the others. It keeps no state of its
// own: it reads the core figures' word and entry tables.
import { finalizeKeyness, keynessState, type KeynessOptions, type KeynessResult } from '../insight/keyness.js';
import type { Section } from '../section.js';

export type KeynessSectionOptions = KeynessOptions;

export function keynessSection(settings: KeynessSectionOptions = {}): Section<null, KeynessResult> {
  return {
    name: 'keyness',
    at: ['insight', 'keyness'],
    init: () => null,
    add: (state) => state,
    merge: () => null,
    finalize: (_, { core }) => finalizeKeyness(keynessState(core), settings),
  };
}
