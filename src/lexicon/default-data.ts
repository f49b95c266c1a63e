// The default lexicon data that not every run needs all of: the French
// layers, the sector layers, the English layer with its forms table, and
// natural's generic sentiment list. This file imports it all statically: in
// Node (the CLI, workers, `import 'verbatim-fr'`) it is there at once and
// `loadDefaultData` has nothing to do.
//
// The browser build of the package (dist/browser/, the `browser` condition of
// its exports) swaps this file for default-data.browser.ts, which loads each
// part in its own chunk when asked (tsup.config.ts, scripts/browser-data.mjs):
// a page does not download the lexicons before it needs them, nor the sectors,
// the English layer or the base list when it never uses them.
import { EN_LEXICON_SOURCES } from '../data/en.generated.js';
import { EN_FORMS, EN_NOUN_FORMS } from '../data/en-forms.generated.js';
import { FR_LEXICON_SOURCES } from '../data/fr.generated.js';
import { FR_SECTOR_SOURCES } from '../data/fr-sectors.generated.js';
import { FR_SENTIMENT_BASE } from '../data/fr-sentiment.generated.js';
import type { EnglishForms } from '../text/english.js';
import type { LexiconDocument } from './types.js';

/** A default layer as the build wrote it (validated there). */
export interface DefaultLayer {
  file: string;
  data: LexiconDocument;
}

/** The parts of the default data, each loaded as a whole. */
export interface DefaultData {
  /** The default French layers (lexicons/fr/*.yml), in file order. */
  fr: readonly DefaultLayer[];
  /** The optional sector layers (lexicons/fr/sectors/*.yml). */
  sectors: ReadonlyArray<DefaultLayer & { name: string }>;
  /** The English layers (lexicons/en/*.yml) and the table English words are keyed by. */
  en: { layers: readonly DefaultLayer[]; forms: EnglishForms };
  /** natural's generic French sentiment words → polarity (createAnalyzer's `includeBaseSentiment`). */
  sentiment: Readonly<Record<string, number>>;
}

export type DefaultDataPart = keyof DefaultData;

const DATA: DefaultData = {
  fr: FR_LEXICON_SOURCES,
  sectors: FR_SECTOR_SOURCES,
  en: { layers: EN_LEXICON_SOURCES, forms: { forms: EN_FORMS, nounForms: EN_NOUN_FORMS } },
  sentiment: FR_SENTIMENT_BASE,
};

/** One part of the default data (always there in this build). */
export function defaultData<K extends DefaultDataPart>(part: K): DefaultData[K] {
  return DATA[part];
}

/** Loads parts of the default data: nothing to do in this build, where they are all there. */
export async function loadDefaultData(_parts: readonly DefaultDataPart[]): Promise<void> {}
