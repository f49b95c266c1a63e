// The default lexicons and tables compiled into the package (src/data, written
// by `npm run build:lexicons`). src/lexicon is the only room that reads
// src/data: the other rooms ask for the defaults here, and the text room is
// handed its tables (SMS forms, stop-word edits) as options.
import { EN_LEXICON_SOURCES, EN_TERM_LEMMAS } from '../data/en.generated.js';
import { FR_LEXICON_SOURCES } from '../data/fr.generated.js';
import { FR_SECTOR_SOURCES } from '../data/fr-sectors.generated.js';
import { FR_SENTIMENT_BASE } from '../data/fr-sentiment.generated.js';
import { slugify, type ChannelDefinition } from './channels.js';
import { LexiconError } from './errors.js';
import { rememberSource, type SourceInfo } from './source.js';
import type { LexiconDocument, LexiconIssue } from './types.js';
import { asDocument, validateLexiconData } from './validate.js';

let defaults: LexiconDocument[] | undefined;
let englishDefaults: LexiconDocument[] | undefined;

function validateSources(sources: ReadonlyArray<{ file: string; data: unknown }>): LexiconDocument[] {
  const issues: LexiconIssue[] = [];
  const docs: LexiconDocument[] = [];
  for (const { file, data } of sources) {
    const info: SourceInfo = { file, locate: () => ({ line: 0, column: 0 }) };
    const found = validateLexiconData(data, info);
    if (found.length > 0) issues.push(...found);
    else {
      const doc = asDocument(data);
      rememberSource(doc, info);
      docs.push(doc);
    }
  }
  if (issues.length > 0) throw new LexiconError(issues);
  return docs;
}

/** The default French layers (lexicons/fr/*.yml, compiled into the package), validated. */
export function defaultLexicon(): LexiconDocument[] {
  defaults ??= validateSources(FR_LEXICON_SOURCES);
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
 * One optional sector layer (`banque`, `telecom`…), validated, to apply over
 * the default lexicons; throws `TypeError` for an unknown name.
 */
export function sectorLexicon(name: string): LexiconDocument {
  if (sectors === undefined) {
    // Validated together, once: any issue in any layer throws one LexiconError.
    const docs = validateSources(FR_SECTOR_SOURCES);
    sectors = new Map(FR_SECTOR_SOURCES.map((source, i) => [source.name, docs[i] as LexiconDocument]));
  }
  const doc = sectors.get(name);
  if (doc === undefined) {
    throw new TypeError(`verbatim-fr: unknown sector ${JSON.stringify(name)}; known sectors: ${sectorNames().join(', ') || '(none)'}`);
  }
  return doc;
}

/**
 * The default English layers (lexicons/en/*.yml, compiled into the package),
 * validated: the same ids as the French ones, keyed on English lemmas; the
 * analyser uses them for verbatims detected as English.
 */
export function defaultEnglishLexicon(): LexiconDocument[] {
  englishDefaults ??= validateSources(EN_LEXICON_SOURCES);
  return [...englishDefaults];
}

/** Alternatives of the default English terms → their lemma keys, computed at build time (see lemmatizeTerm). */
export function englishTermLemmas(): Readonly<Record<string, string>> {
  return EN_TERM_LEMMAS;
}

/** natural's generic French sentiment words → polarity -3..3 (createAnalyzer's `includeBaseSentiment`). */
export function baseSentimentWords(): Readonly<Record<string, number>> {
  return FR_SENTIMENT_BASE;
}

let defaultChannels: ReadonlyArray<ChannelDefinition> | undefined;

/** The `channels:` table of the default French lexicons (empty when none ships). */
export function defaultChannelTable(): ReadonlyArray<ChannelDefinition> {
  if (!defaultChannels) {
    const source = FR_LEXICON_SOURCES.find(
      (s) => typeof s.data === 'object' && s.data !== null && Array.isArray((s.data as { channels?: unknown }).channels),
    );
    defaultChannels = source ? (source.data as { channels: ChannelDefinition[] }).channels : [];
  }
  return defaultChannels;
}

/** The text room's tables from the default lexicons (lexicons/fr/sms.yml, lexicons/fr/stopwords.yml). */
export interface TextTables {
  /** SMS form → key, for `tokenize`'s `sms` option. */
  sms: Readonly<Record<string, string>>;
  /** Stop-word edits, for `isStopword`'s options. */
  stopwords: { readonly add: readonly string[]; readonly remove: readonly string[] };
}

let textTables: TextTables | undefined;

/**
 * The default lexicons' SMS table and stop-word edits. A malformed item is
 * skipped rather than thrown: the build validates the YAML, and the text
 * functions must keep working with an empty table.
 */
export function defaultTextTables(): TextTables {
  if (textTables === undefined) {
    const sms: Record<string, string> = {};
    const add: string[] = [];
    const remove: string[] = [];
    for (const source of FR_LEXICON_SOURCES) {
      const data = isRecord(source.data) ? source.data : {};
      if (isRecord(data['sms'])) {
        for (const [form, expansion] of Object.entries(data['sms'])) {
          if (typeof expansion === 'string' && expansion.trim() !== '') sms[form] = expansion;
        }
      }
      const section = data['stopwords'];
      if (isRecord(section)) {
        add.push(...strings(section['add']));
        remove.push(...strings(section['remove']));
      }
    }
    textTables = { sms, stopwords: { add, remove } };
  }
  return textTables;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
