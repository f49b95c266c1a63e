// The sections of a report, in the order they are shown: the one list to add a section to.
import type { Section } from '../section.js';
import { chatSection } from './chat.js';
import { coreSection } from './core.js';

export { coreSection } from './core.js';
export { chatSection, type ChatFigures, type ChatSectionState } from './chat.js';

/** Every section of the default report, the core figures first (a new list each call). */
export function defaultSections(): Section[] {
  return [coreSection(), chatSection()];
}
