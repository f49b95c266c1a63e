// Channel normalisation: map the many spellings found in exports ("Avis Google",
// "Tchat", "E-mail") to canonical channel ids. Browser-safe and pure.
import { foldAccents } from '../text/fold.js';
import { expectedError } from '../_utils/describe.js';

/** One channel of the channel table (`channels:` section of a lexicon). */
export interface ChannelDefinition {
  /** Canonical id, lowercase ascii with `_` (`avis_en_ligne`). */
  id: string;
  /** French label shown in reports. */
  label?: string;
  /** Other spellings seen in exports. */
  aliases?: string[];
}

/** Channel id given to verbatims without a channel. */
const UNKNOWN_CHANNEL = 'inconnu';

/**
 * Slug of a value: lowercase, accents folded, every run of other characters
 * than ascii letters and digits turned into one `_`, trimmed of `_`.
 * `slugify('Réseaux sociaux !')` → `reseaux_sociaux`.
 */
export function slugify(value: string): string {
  if (typeof value !== 'string') {
    throw expectedError('a string to slugify', typeof value);
  }
  return foldAccents(value)
    // Ligatures customers and spreadsheets use ("œ" in "cœur").
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export type ChannelTable = ReadonlyArray<ChannelDefinition>;

// One lookup map per table, built on first use: readers call this per row.
const lookups = new WeakMap<ChannelTable, Map<string, string>>();
/** Channel ids already resolved, by table and raw value. */
const resolved = new WeakMap<ChannelTable, Map<string, string>>();

function lookupFor(channels: ChannelTable): Map<string, string> {
  let lookup = lookups.get(channels);
  if (lookup) return lookup;
  lookup = new Map();
  // Ids win over labels, labels over aliases, earlier channels over later ones.
  for (const pass of ['id', 'label', 'aliases'] as const) {
    for (const channel of channels) {
      const keys = pass === 'id' ? [channel.id] : pass === 'label' ? [channel.label] : (channel.aliases ?? []);
      for (const key of keys) {
        if (typeof key !== 'string') continue;
        const slug = slugify(key);
        if (slug !== '' && !lookup.has(slug)) lookup.set(slug, channel.id);
      }
    }
  }
  lookups.set(channels, lookup);
  return lookup;
}

/**
 * Canonical channel id of a raw channel value. Matches ids, labels and
 * aliases case-, accent- and punctuation-insensitively; an unknown value is
 * kept as its own slug (never dropped); an empty or missing value gives
 * `inconnu`.
 */
export function normalizeChannel(value: string | undefined, channels: ChannelTable): string {
  if (!Array.isArray(channels)) {
    throw expectedError('an array of channel definitions', typeof channels);
  }
  if (value === undefined || value === null) return UNKNOWN_CHANNEL;
  const raw = String(value);
  // A file has a handful of channel spellings, repeated on every row.
  let known = resolved.get(channels);
  if (known === undefined) {
    known = new Map();
    resolved.set(channels, known);
  }
  const hit = known.get(raw);
  if (hit !== undefined) return hit;
  const slug = slugify(raw);
  const id = slug === '' ? UNKNOWN_CHANNEL : (lookupFor(channels).get(slug) ?? slug);
  if (known.size >= 10_000) known.clear();
  known.set(raw, id);
  return id;
}
