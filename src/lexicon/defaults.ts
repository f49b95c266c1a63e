// The default lexicons and tables compiled into the package (src/data, written
// by `npm run build:lexicons`). src/lexicon is the only room that reads
// src/data: the other rooms ask for the defaults here, and the text room is
// handed its tables (SMS forms, stop-word edits) as options.
import { EN_LEXICON_SOURCES } from '../data/en.generated.js';
import { EN_FORMS, EN_NOUN_FORMS } from '../data/en-forms.generated.js';
import type { EnglishForms } from '../text/english.js';
import { FR_LEXICON_SOURCES } from '../data/fr.generated.js';
import { FR_SECTOR_SOURCES } from '../data/fr-sectors.generated.js';
import { FR_SENTIMENT_BASE } from '../data/fr-sentiment.generated.js';
import { slugify, type ChannelDefinition } from './channels.js';
import { rememberSource } from './source.js';
import type { LexiconDocument } from './types.js';

let defaults: LexiconDocument[] | undefined;
let englishDefaults: LexiconDocument[] | undefined;

/**
 * The layers as the build wrote them, validated there (scripts/build-lexicons.mjs
 * fails on any issue): not validated again, only remembered by file so that
 * problems found while composing them with other layers name it.
 */
function layers(sources: ReadonlyArray<{ file: string; data: LexiconDocument }>): LexiconDocument[] {
  return sources.map(({ file, data }) => {
    rememberSource(data, { file, locate: () => ({ line: 0, column: 0 }) });
    return data;
  });
}

/** The default French layers (lexicons/fr/*.yml, validated at build and compiled into the package). */
export function defaultLexicon(): LexiconDocument[] {
  defaults ??= layers(FR_LEXICON_SOURCES);
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
  return FR_SECTOR_SOURCES.map((s) => s.name);
}

/**
 * One optional sector layer (`banque`, `telecom`…), validated at build, to apply over
 * the default lexicons; throws `TypeError` for an unknown name.
 */
export function sectorLexicon(name: string): LexiconDocument {
  if (sectors === undefined) {
    const docs = layers(FR_SECTOR_SOURCES);
    sectors = new Map(FR_SECTOR_SOURCES.map((source, i) => [source.name, docs[i] as LexiconDocument]));
  }
  const doc = sectors.get(name);
  if (doc === undefined) {
    throw new TypeError(`verbatim-fr: unknown sector ${JSON.stringify(name)}; known sectors: ${sectorNames().join(', ') || '(none)'}`);
  }
  return doc;
}

/**
 * The default English layers (lexicons/en/*.yml, validated at build and
 * compiled into the package): the same ids as the French ones, keyed on English lemmas; the
 * analyser uses them for verbatims detected as English.
 */
export function defaultEnglishLexicon(): LexiconDocument[] {
  englishDefaults ??= layers(EN_LEXICON_SOURCES);
  return [...englishDefaults];
}

const englishForms: EnglishForms = { forms: EN_FORMS, nounForms: EN_NOUN_FORMS };

/** The table English words are keyed by (written form → lemma key), compiled at build time by scripts/build-en-forms.mjs. */
export function defaultEnglishForms(): EnglishForms {
  return englishForms;
}

/** natural's generic French sentiment words → polarity -3..3 (createAnalyzer's `includeBaseSentiment`). */
export function baseSentimentWords(): Readonly<Record<string, number>> {
  return FR_SENTIMENT_BASE;
}

/** The `channels:` table of the default French lexicons (empty when none ships). */
export function defaultChannelTable(): ReadonlyArray<ChannelDefinition> {
  return FR_LEXICON_SOURCES.find((s) => s.data.channels !== undefined)?.data.channels ?? [];
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
    for (const { data } of FR_LEXICON_SOURCES) {
      Object.assign(sms, data.sms);
      add.push(...(data.stopwords?.add ?? []));
      remove.push(...(data.stopwords?.remove ?? []));
    }
    textTables = { sms, stopwords: { add, remove } };
  }
  return textTables;
}
