// The browser build's default-data.ts (swapped in by tsup.config.ts through
// scripts/browser-data.mjs): each part of the default lexicon data is a chunk
// of its own, loaded by `loadDefaultData` (loadDefaultLexicons,
// createAnalyzerAsync) and read synchronously afterwards. Reading a part that
// was not loaded is a misuse of the API: a TypeError that says what to await.
import type { DefaultData, DefaultDataPart } from './default-data.js';

const loaders: { [K in DefaultDataPart]: () => Promise<DefaultData[K]> } = {
  fr: async () => (await import('../data/fr.generated.js')).FR_LEXICON_SOURCES,
  sectors: async () => (await import('../data/fr-sectors.generated.js')).FR_SECTOR_SOURCES,
  en: async () => {
    const [layers, forms] = await Promise.all([import('../data/en.generated.js'), import('../data/en-forms.generated.js')]);
    return { layers: layers.EN_LEXICON_SOURCES, forms: { forms: forms.EN_FORMS, nounForms: forms.EN_NOUN_FORMS } };
  },
  sentiment: async () => (await import('../data/fr-sentiment.generated.js')).FR_SENTIMENT_BASE,
};

/** What each part is (with its verb), and the call that loads it, for the error message. */
const HOW: Record<DefaultDataPart, [what: string, load: string]> = {
  fr: ['the default French lexicons are', 'loadDefaultLexicons()'],
  sectors: ['the sector layers are', "loadDefaultLexicons({ sectors: ['…'] })"],
  en: ['the default English layer is', 'loadDefaultLexicons()'],
  sentiment: ["natural's base sentiment list (includeBaseSentiment) is", 'loadDefaultLexicons({ includeBaseSentiment: true })'],
};

const loaded: Partial<DefaultData> = {};

/** One part of the default data; throws `TypeError` when it was not loaded. */
export function defaultData<K extends DefaultDataPart>(part: K): DefaultData[K] {
  const data = loaded[part];
  if (data === undefined) {
    const [what, load] = HOW[part];
    throw new TypeError(
      `verbatim-fr: ${what} not loaded yet: the browser build loads the default lexicon data on demand; ` +
        `\`await ${load}\` once before this call, or create the analyser with \`await createAnalyzerAsync(options)\``,
    );
  }
  return data as DefaultData[K];
}

async function loadPart<K extends DefaultDataPart>(part: K): Promise<void> {
  loaded[part] ??= await loaders[part]();
}

/** Loads parts of the default data (each one once). */
export async function loadDefaultData(parts: readonly DefaultDataPart[]): Promise<void> {
  await Promise.all(parts.map(loadPart));
}
