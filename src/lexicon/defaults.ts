// The default lexicons and tables compiled into the package (src/data, written
// by `npm run build:lexicons`). src/lexicon is the only room that reads
// src/data: the other rooms ask for the defaults here, and the text room is
// handed its tables (SMS forms, stop-word edits) as options. The lexicons
// themselves come through default-data.ts: all there in Node, loaded on
// demand in the browser build (`loadDefaultLexicons`).
import { FR_SECTOR_NAMES, FR_TABLE_LAYERS } from '../data/fr-tables.generated.js';
import type { EnglishForms } from '../text/english.js';
import { slugify, type ChannelDefinition } from './channels.js';
import { defaultData, loadDefaultData, type DefaultDataPart } from './default-data.js';
import { rememberSource, unplaced } from './source.js';
import type { LexiconDocument } from './types.js';
import { expectedError, typeName } from '../_utils/describe.js';

let defaults: LexiconDocument[] | undefined;
let englishDefaults: LexiconDocument[] | undefined;

/**
 * The layers as the build wrote them, validated there (scripts/build-lexicons.mjs
 * fails on any issue): not validated again, only remembered by file so that
 * problems found while composing them with other layers name it.
 */
function layers(sources: ReadonlyArray<{ file: string; data: LexiconDocument }>): LexiconDocument[] {
  return sources.map(({ file, data }) => {
    rememberSource(data, unplaced(file));
    return data;
  });
}

/** The default French layers (lexicons/fr/*.yml, validated at build and compiled into the package). */
export function defaultLexicon(): LexiconDocument[] {
  defaults ??= layers(defaultData('fr'));
  return [...defaults];
}

let sectors: Map<string, LexiconDocument> | undefined;

/**
 * The sector layer a sector value names (a gold file's `sector`, a column):
 * the same slug, or a layer name that is one of its parts
 * (`transport_rail_air` → `transport`, `ecommerce_alimentaire` →
 * `alimentaire`); undefined when none does.
 */
export function findSector(value: string): string | undefined {
  const slug = slugify(value);
  const names = sectorNames();
  const exact = names.find((n) => slugify(n) === slug);
  if (exact !== undefined) return exact;
  return names.find((n) => {
    const s = slugify(n);
    return slug.startsWith(`${s}_`) || slug.endsWith(`_${s}`) || slug.includes(`_${s}_`);
  });
}

/** Names of the optional sector layers shipped with the package (`lexicons/fr/sectors/`). */
export function sectorNames(): string[] {
  return [...FR_SECTOR_NAMES];
}

/** Throws `TypeError` for a name that is no sector layer of the package. */
function checkSector(name: string): void {
  if (!FR_SECTOR_NAMES.includes(name)) {
    throw new TypeError(`verbatim-fr: unknown sector ${JSON.stringify(name)}; known sectors: ${sectorNames().join(', ') || '(none)'}`);
  }
}

/**
 * One optional sector layer (`banque`, `telecom`…), validated at build, to apply over
 * the default lexicons; throws `TypeError` for an unknown name.
 */
export function sectorLexicon(name: string): LexiconDocument {
  checkSector(name);
  if (sectors === undefined) {
    const sources = defaultData('sectors');
    const docs = layers(sources);
    sectors = new Map(sources.map((source, i) => [source.name, docs[i] as LexiconDocument]));
  }
  return sectors.get(name) as LexiconDocument;
}

/**
 * The default English layers (lexicons/en/*.yml, validated at build and
 * compiled into the package): the same ids as the French ones, keyed on English lemmas; the
 * analyser uses them for verbatims detected as English.
 */
export function defaultEnglishLexicon(): LexiconDocument[] {
  englishDefaults ??= layers(defaultData('en').layers);
  return [...englishDefaults];
}

/** The table English words are keyed by (written form → lemma key), compiled at build time by scripts/build-en-forms.mjs. */
export function defaultEnglishForms(): EnglishForms {
  return defaultData('en').forms;
}

/** natural's generic French sentiment words → polarity -3..3 (createAnalyzer's `includeBaseSentiment`). */
export function baseSentimentWords(): Readonly<Record<string, number>> {
  return defaultData('sentiment');
}

/** The `channels:` table of the default French lexicons (empty when none ships). */
export function defaultChannelTable(): ReadonlyArray<ChannelDefinition> {
  return FR_TABLE_LAYERS.find((layer) => layer.channels !== undefined)?.channels ?? [];
}

/** The text room's tables from the default lexicons (lexicons/fr/sms.yml, lexicons/fr/stopwords.yml). */
export interface TextTables {
  /** SMS form → key, for `tokenize`'s `sms` option. */
  sms: Readonly<Record<string, string>>;
  /** Stop-word edits, for `isStopword`'s options. */
  stopwords: { readonly add: readonly string[]; readonly remove: readonly string[] };
}

let textTables: TextTables | undefined;

/** The default lexicons' SMS table and stop-word edits, every layer's in file order. */
export function defaultTextTables(): TextTables {
  if (textTables === undefined) {
    const sms: Record<string, string> = {};
    const add: string[] = [];
    const remove: string[] = [];
    for (const data of FR_TABLE_LAYERS) {
      Object.assign(sms, data.sms);
      add.push(...(data.stopwords?.add ?? []));
      remove.push(...(data.stopwords?.remove ?? []));
    }
    textTables = { sms, stopwords: { add, remove } };
  }
  return textTables;
}

/** What `createAnalyzer` options ask of the default data (see `loadDefaultLexicons`). */
export interface LoadDefaultLexiconsOptions {
  /** The default French lexicons and English layer (default true). */
  includeDefault?: boolean;
  /** Sector layers (default none). */
  sectors?: readonly string[];
  /** The English layer (default true, with the default lexicons). */
  english?: boolean;
  /** natural's generic French sentiment list (default false). */
  includeBaseSentiment?: boolean;
}

/**
 * Loads the default lexicon data that `createAnalyzer(options)` needs (pass
 * the same options): the French lexicons and English layer unless
 * `includeDefault: false` (and the English one unless `english: false`), the
 * sector layers when `sectors` names any, the base sentiment list with
 * `includeBaseSentiment`. Needed once, before the synchronous functions that
 * read that data, in the browser build only, which loads it on demand; in
 * Node it is all there and this resolves at once. Rejects with `TypeError`
 * for an unknown sector.
 */
export async function loadDefaultLexicons(options: LoadDefaultLexiconsOptions = {}): Promise<void> {
  if (typeof options !== 'object' || options === null) {
    throw expectedError('analyser options (object)', typeName(options));
  }
  const sectorList = options.sectors ?? [];
  for (const name of sectorList) checkSector(name);
  const parts: DefaultDataPart[] = [];
  if (options.includeDefault !== false) parts.push('fr');
  if (sectorList.length > 0) parts.push('sectors');
  if (options.includeDefault !== false && options.english !== false) parts.push('en');
  if (options.includeBaseSentiment === true) parts.push('sentiment');
  await loadDefaultData(parts);
}
