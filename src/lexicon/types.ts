import type { LexiconIssueCode, LexiconIssueProblem } from './messages.js';
import type { EntryKind, JourneyStage, NegationPolicy } from '../types.js';

/** One entry as written in a lexicon file: a full definition (with `kind`) or a patch (without). */
export interface LexiconEntryInput {
  id: string;
  kind?: EntryKind;
  label?: string;
  description?: string;
  /** Themes only: journey stage. */
  stage?: JourneyStage;
  /** Concepts only: parent theme id. */
  parent?: string;
  /** Irritants, enchantments, intents: theme id. */
  theme?: string;
  terms?: string[];
  exclude?: string[];
  /** Default `cancel` for irritant, enchantment, intent; `keep` for theme, concept. */
  onNegation?: NegationPolicy;
  /** Id of an entry counted instead when a match is negated. */
  negatedAs?: string | null;
  /** Under a promise, a wish, a request or a refusal: default `cancel` for enchantments, `keep` otherwise. */
  onModality?: NegationPolicy;
  /**
   * Id written in analyses, reports and evaluations instead of `id` (default:
   * `id`). Lets entries of different kinds share a public name: the taxonomy's
   * `resiliation` is both a theme and an intent.
   */
  tag?: string;
  /** Patch: terms added to an existing entry. */
  addTerms?: string[];
  /** Patch: terms removed from an existing entry (as written there). */
  removeTerms?: string[];
  /** Patch: exclusions added to an existing entry. */
  addExclude?: string[];
  /** Patch or definition: the entry is dropped from matching. */
  disabled?: boolean;
  /** A definition that replaces an entry of an earlier layer with the same id. */
  replace?: boolean;
  /**
   * Irritants only: the residual label, given to a negative verbatim that no
   * other irritant explains (`insatisfaction_non_classee`); it has no terms.
   */
  residual?: boolean;
}

export interface SentimentSection {
  /**
   * Key: a word, a phrase (`frais cachés`, `pas de souci`; matched on the
   * token keys, longest first, its words then count once), an emoji, or
   * `stem:word`; `#` stands for any number (`#h` for one glued to a unit:
   * "48h"). Value: polarity -3..3.
   */
  words?: Record<string, number>;
  /**
   * Negative facts, keyed like `words` (`toujours pas`, `rien reçu`,
   * `# semaines pour`, `🙃`): they count their polarity like words, and turn
   * `sarcasm` praise in their sentence or the next/previous one negative.
   */
  facts?: Record<string, number>;
  /**
   * Multiplies the next sentiment word or phrase (`tres: 1.5`); below 1 a
   * diminisher (`un peu: 0.6`), which softens the word right before it when
   * no word follows ("ça pique un peu"); negative flips (`peu: -0.7`: "peu
   * aimable" is a complaint, "peu cher" a praise).
   */
  intensifiers?: Record<string, number>;
  /** Polarity of each irritant match (default -2). */
  irritantWeight?: number;
  /** Polarity of each enchantment match (default 2). */
  enchantmentWeight?: number;
  /**
   * Words, phrases and emoji that praise ironically ("Bravo pour le SAV 👏")
   * when the verbatim carries an irritant and no enchantment, or a negative
   * fact (`facts`) stands in their sentence or the next/previous one with no
   * turn between: their positive polarity then counts as negative.
   */
  sarcasm?: string[];
  /**
   * Turn words (`mais`, `par contre`): praise and complaint on both sides of
   * one make a verbatim `mitige` more easily, and irony does not cross them.
   */
  turns?: string[];
}

export interface NegationSection {
  negators?: string[];
  /** Tokens between a negator and the match it negates (default 4). */
  window?: number;
  /** Punctuation and words that end a clause. */
  breaks?: string[];
}

/**
 * Modality scope (docs/lexicon-format.md § Modality): what a customer was
 * promised, asked for, hoped for or refused did not happen. Markers are
 * words or phrases, read in the match's clause like negators.
 */
export interface ModalitySection {
  /** A promise (`on m'avait promis`, `devait`, `censé`): a cancelled match counts `promiseAs` instead. */
  promise?: string[];
  /** A wish, a request, an expectation or a refusal (`j'aurais aimé`, `j'attends toujours`, `refusé`). */
  unreal?: string[];
  /** Phrases that say the promise was kept (`comme promis`): no modality. */
  kept?: string[];
  /**
   * A condition or a precaution (`en cas de`, `si jamais`, `pour éviter`): what it governs did
   * not happen, so irritants under it do not count and complaint words under it weigh nothing.
   */
  hypothetical?: string[];
  /** Entry counted instead of a match cancelled by a promise (`promesse_non_tenue`), or null. */
  promiseAs?: string | null;
  /** Words between a marker and the match it governs (default 6). */
  window?: number;
}

/**
 * An implied complaint (docs/lexicon-format.md § Implied complaints): a
 * duration at least `duration` long, or a price rise of at least `increase`
 * percent, near one of the `near` words (and one of the `cues`, when given),
 * counts as the entry `id`.
 */
export interface ImpliedRule {
  id: string;
  /** "10 jours", "30 minutes", "2 semaines". */
  duration?: string;
  /** `duration` in minutes (set when composed). */
  minutes?: number;
  /** Durations from this long on are something else ("30 minutes" up to "1 jour": a queue, not an age). */
  under?: string;
  /** `under` in minutes (set when composed). */
  underMinutes?: number;
  /** Least price rise, in percent. */
  increase?: number;
  /** Topic words in the same sentence, within 8 words (`livr*` is a prefix). */
  near: string[];
  /** Words one of which must also stand near (`toujours`, `depuis`, `au bout`). */
  cues?: string[];
}

export interface LexiconChannel {
  id: string;
  label: string;
  aliases: string[];
}

export interface StopwordsSection {
  add?: string[];
  remove?: string[];
}

/** A lexicon file, parsed and validated (one layer). */
export interface LexiconDocument {
  version: 1;
  lang?: string;
  entries?: LexiconEntryInput[];
  sentiment?: SentimentSection;
  negation?: NegationSection;
  modality?: ModalitySection;
  implied?: ImpliedRule[];
  channels?: LexiconChannel[];
  /** Written SMS form → normalized key (one or more words). */
  sms?: Record<string, string>;
  stopwords?: StopwordsSection;
}

/** A composed entry: every layer applied, defaults filled in. */
export interface LexiconEntry {
  id: string;
  kind: EntryKind;
  label: string;
  description?: string;
  stage?: JourneyStage;
  parent?: string;
  /** Theme of the entry: itself for a theme, the parent for a concept, `theme` otherwise. */
  theme?: string;
  terms: string[];
  exclude: string[];
  onNegation: NegationPolicy;
  negatedAs?: string;
  /** See LexiconEntryInput.onModality. */
  onModality: NegationPolicy;
  /** Public id in analyses and reports (see LexiconEntryInput.tag). */
  tag?: string;
  disabled: boolean;
  /** The residual label (see LexiconEntryInput.residual). */
  residual?: boolean;
  /** File of the layer that last defined or patched the entry. */
  source: string;
}

/** All layers composed: what the compiler and the analyser read. */
export interface Lexicon {
  lang: string;
  entries: LexiconEntry[];
  sentiment: Required<SentimentSection>;
  negation: Required<NegationSection>;
  modality: { promise: string[]; unreal: string[]; kept: string[]; hypothetical: string[]; promiseAs: string | null; window: number };
  implied: ImpliedRule[];
  channels: LexiconChannel[];
  sms: Record<string, string>;
  stopwords: Required<StopwordsSection>;
}

/** One problem found while loading a lexicon. */
export interface LexiconIssue {
  /** File name given to the loader (`<inline>` when none). */
  file: string;
  /** 1-based line; 0 when the source carries no positions (compiled default data). */
  line: number;
  /** 1-based column; 0 when unknown. */
  column: number;
  /** Id of the entry concerned, when there is one. */
  entryId?: string;
  /** Where in the document (`entries[3].terms[1]`). */
  path: string;
  /** Stable code of the problem (`unknown_field`, `duplicate_id`…), the same in every language: set on every issue the library makes. */
  code?: LexiconIssueCode;
  /** The values the message embeds (a field, an id, a term), for `describeLexiconIssue` to say it in another language. */
  params?: LexiconIssueProblem['params'];
  /** What is wrong, in English (`describeLexiconIssue(issue, 'fr')` says it in French). */
  message: string;
  /** What to do about it. */
  hint: string;
}
