/**
 * Shared domain types of verbatim-fr. Each pipeline stage (text → lexicon →
 * analyze → report) reads and writes these; stage-specific types live in the
 * stage's own folder. A closed list of values that code walks (entry kinds,
 * tonalities) is defined here once, and its type derived from it.
 */

// ---------------------------------------------------------------- text layer

/** What a token is. */
export type TokenKind =
  | 'word'
  | 'number'
  | 'punct'
  | 'emoji'
  | 'url'
  | 'email'
  | 'phone'
  | 'mention'
  | 'hashtag'
  | 'symbol';

/**
 * One token. Invariant: `original.slice(start, end) === text`, where
 * `original` is the string given to `tokenize` (not a normalized copy).
 */
export interface Token {
  /** The token as written, sliced from the original string. */
  text: string;
  /** UTF-16 offset of the first code unit in the original string. */
  start: number;
  /** UTF-16 offset just past the last code unit. */
  end: number;
  kind: TokenKind;
  /**
   * Matching key: lowercase, accent-folded, letter-stretching reduced, SMS
   * forms expanded, elisions restored (`l'` → `le`, `qu'` → `que`). A key can
   * hold a space when an SMS form expands to two words (`jsuis` → `je suis`).
   */
  norm: string;
}

// ---------------------------------------------------------------- input

/** One customer verbatim, as read from a file or given by a caller. */
export interface Verbatim {
  /** Stable identifier; readers default it to the row number. */
  id: string;
  /** The customer's words, as written. */
  text: string;
  /** Canonical channel id (`avis_en_ligne`, `chat`…) or a slug; `inconnu` when absent. */
  channel?: string | undefined;
  /** ISO date `YYYY-MM-DD` (or a full ISO timestamp). */
  date?: string | undefined;
  /** Score given with the verbatim (NPS 0–10, stars 1–5, CSAT, CES). */
  score?: number | null | undefined;
  /** Extra input columns kept for annotations (never analysed). */
  meta?: Record<string, string> | undefined;
  /**
   * Who wrote it, from an author/role column: `agent` for the brand's own
   * posts and replies (kept out of customer figures); default: the text decides.
   */
  author?: 'customer' | 'agent' | undefined;
}

// ---------------------------------------------------------------- lexicon

/** Kinds of lexicon entries, in report order. */
export const ENTRY_KINDS = ['theme', 'concept', 'irritant', 'enchantment', 'intent'] as const;
/** Kinds of lexicon entries: `'theme' | 'concept' | 'irritant' | 'enchantment' | 'intent'`. */
export type EntryKind = (typeof ENTRY_KINDS)[number];
/** The list of an analysis (and of a channel report) holding the ids of each kind. */
export const ENTRY_LISTS = {
  theme: 'themes',
  concept: 'concepts',
  irritant: 'irritants',
  enchantment: 'enchantments',
  intent: 'intents',
} as const satisfies Record<EntryKind, string>;

/** Stage of the customer journey a theme belongs to. */
export type JourneyStage = 'avant' | 'pendant' | 'apres';

/** What negation does to a match of an entry. */
export type NegationPolicy =
  /** a negated match does not count (`pas d'attente` is not `attente_excessive`) */
  | 'cancel'
  /** negation is ignored (the term is already negative: `aucune réponse`) */
  | 'keep';

/** Tones of a verbatim, in report order. */
export const TONALITIES = ['positif', 'negatif', 'neutre', 'mitige'] as const;
/** Tone of a verbatim. */
export type Tonality = (typeof TONALITIES)[number];

// ---------------------------------------------------------------- analysis

/** One lexicon match inside one verbatim (irritants found are data, not errors). */
export interface Match {
  /** Entry id (`attente_excessive`, `livraison.delai`…). */
  id: string;
  kind: EntryKind;
  /** Theme the entry belongs to (itself for a theme). */
  theme?: string | undefined;
  /** The term that matched, as written in the lexicon. */
  term: string;
  /** Token span, end exclusive. */
  tokenStart: number;
  tokenEnd: number;
  /** Character offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** The matched text, sliced from the original. */
  text: string;
  /** True when the match stands under a negation in its clause. */
  negated: boolean;
  /** Set when a word of the match was a misspelling read as the lexicon's word (`comande` → `commande`). */
  fuzzy?: true | undefined;
}

/** Everything the analyser says about one verbatim. */
export interface VerbatimAnalysis {
  id: string;
  channel: string;
  date?: string | undefined;
  score?: number | null | undefined;
  meta?: Record<string, string> | undefined;
  /** The text analysed (for chats, possibly only the customer's turns). */
  text: string;
  /** ISO 639-3 code (`fra`, `eng`…) or `und` when too short to tell. */
  language: string;
  /** Number of tokens, punctuation included (`tokenize(text).length`). */
  tokenCount: number;
  /** Number of words: word and number tokens (see README: what counts as a word). */
  wordCount: number;
  /** Number of words that are not stop words (negations are never stop words): `keywords.length`. */
  contentWordCount: number;
  /** Content-word keys in text order, for frequency tables and expressions. */
  keywords: string[];
  /** Matches that count (negation-cancelled ones are dropped here but kept in `allMatches`). */
  matches: Match[];
  /** Every match, including those cancelled by negation or an exclusion. */
  allMatches?: Match[] | undefined;
  themes: string[];
  concepts: string[];
  irritants: string[];
  enchantments: string[];
  intents: string[];
  tonality: Tonality;
  /**
   * The residual label (`insatisfaction_non_classee` in the default
   * lexicons), also listed in `irritants`, when the verbatim is negative and
   * no irritant explains it: the dissatisfaction the lexicons miss.
   */
  residual?: string | undefined;
  /** Sentiment sums behind the tonality. */
  sentiment: { positive: number; negative: number };
  /**
   * `agent`: a brand's or agent's message (its author column says so, or its
   * wording: "nous sommes désolés… envoyez-nous un MP", "^JD"). It carries no
   * labels and is counted apart from the customers' verbatims.
   */
  author?: 'agent' | undefined;
  /**
   * Chat transcripts only: customer↔agent exchanges in the conversation
   * (set by the corpus pipeline when the text is a speaker-prefixed transcript).
   */
  exchanges?: number | undefined;
}

/** The columns an input was read with (what `ReadOptions.onColumns` is told before its first row). */
export interface ColumnsUsed {
  /** The input as given. */
  file: string;
  /** How it was read: `csv, delimiter ";", utf8`, `xlsx, first worksheet`… */
  description: string;
  /** The format it was read as (given, from its extension, or sniffed from its first bytes). */
  format: 'csv' | 'tsv' | 'json' | 'jsonl' | 'xlsx';
  /** Header of the text column (`a+b` for joined columns). */
  text?: string;
  /** `--text a+b`: the joined columns. */
  textColumns?: string[];
  id?: string;
  date?: string;
  score?: string;
  channel?: string;
  /** A channel for the whole input, when no column holds it. */
  constantChannel?: string;
  author?: string;
}
