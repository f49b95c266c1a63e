// What a lexicon issue says, one catalogue per language. Each issue carries a
// stable `code` and its `params` (the values it embeds: a field, an id, a
// term); its English `message` and `hint` are made from the English
// catalogue, the CLI says it again in French. Both catalogues have the type
// `LexiconCatalogue`: a code missing in one of them fails the type check.

/** The languages lexicon issues are written in. */
export type IssueLang = 'fr' | 'en';

/** A value found where another was expected, as a message names it ("a list", "number 3"). */
export interface FoundValue {
  /** `null`, `list`, `mapping`, or the `typeof` of the value. */
  type: string;
  /** The value as JSON, for a plain value. */
  json?: string;
}

/** The part of a lexicon an unknown field was found in. */
export type FieldPlace =
  | { of: 'entry'; id: string }
  | { of: 'anEntry' }
  | { of: 'section'; name: string }
  | { of: 'impliedRule'; n: number }
  | { of: 'channel' }
  | { of: 'lexicon' };

/** What a nested key of an imported dictionary became. */
export type Flattened =
  | { into: 'conceptOf'; theme: string }
  | { into: 'one'; kind: string }
  | { into: 'ownTheme' }
  | { into: 'kindOf'; kind?: string; theme: string };

/** A code with its parameters, before it is said in a language. */
export type LexiconIssueProblem = { [C in LexiconIssueCode]: { code: C; params: LexiconIssueParams[C] } }[LexiconIssueCode];

/** The parameters of each lexicon issue code. */
export interface LexiconIssueParams {
  // The document and its entries (validate.ts).
  unknown_field: { key: string; place: FieldPlace; guess?: string; known: string[] };
  not_string_list: { field: string; found: FoundValue };
  bad_list_item: { field: string; found: FoundValue };
  not_term_list: { field: string; found: FoundValue };
  unknown_value: { field: string; value?: string; found?: FoundValue; guess?: string; allowed: string[] };
  not_entry_id: { field: string; found: FoundValue };
  entry_not_mapping: { n: number; found: FoundValue };
  entry_without_id: { n: number };
  bad_id: { found: FoundValue };
  /** `line` of the first definition, else its index in `entries`. */
  duplicate_id: { id: string; line?: number; index: number };
  replace_without_kind: { id: string };
  field_in_patch: { key: string; id: string };
  patch_field_in_definition: { key: string; id: string };
  concept_without_parent: { id: string };
  concept_with_theme: { id: string };
  unexpected_parent: { kind: string; id: string };
  theme_with_theme: { id: string };
  stage_not_on_theme: { kind: string; id: string };
  label_not_text: { id: string };
  description_not_text: { id: string };
  tag_not_id: { id: string };
  residual_not_boolean: Record<string, never>;
  residual_not_irritant: { kind: string; id: string };
  flag_not_boolean: { key: string };
  not_number_map: { field: string; found: FoundValue };
  number_out_of_range: { field: string; key: string; min: number; max: number; found: FoundValue };
  empty_stem: { field: string };
  section_not_mapping: { section: 'sentiment' | 'negation' | 'modality' };
  empty_sentiment_key: { field: string };
  sentiment_key_term_syntax: { field: string; key: string };
  sentiment_key_stem: { field: string; key: string };
  not_number: { field: string; key: string };
  window_out_of_range: { field: string; found: FoundValue; fallback: number };
  promise_as_not_id: { found: FoundValue };
  implied_not_list: Record<string, never>;
  implied_rule_not_mapping: { n: number };
  implied_rule_without_id: { n: number };
  implied_rule_duration_or_increase: { n: number };
  implied_rule_bad_duration: { n: number; found: FoundValue };
  implied_rule_bad_under: { n: number };
  implied_rule_bad_increase: { n: number; found: FoundValue };
  implied_rule_without_near: { n: number };
  channels_not_list: Record<string, never>;
  channel_not_mapping: { n: number };
  channel_bad_id: { n: number };
  duplicate_channel: { id: string };
  channel_label_not_text: Record<string, never>;
  sms_not_mapping: Record<string, never>;
  sms_not_text: { key: string };
  stopwords_not_mapping: Record<string, never>;
  lexicon_not_mapping: { found: FoundValue };
  missing_version: Record<string, never>;
  unsupported_version: { found: FoundValue };
  lang_not_text: Record<string, never>;
  entries_not_list: { found: FoundValue };
  // Terms (term.ts, compile.ts).
  unknown_lemma: { word: string; term: string };
  stray_apostrophe: { term: string };
  empty_alternative: { term: string };
  gap_in_word: { raw: string; term: string };
  bad_stem: { raw: string; term: string };
  bad_lemma: { raw: string; term: string };
  glob_too_broad: { raw: string; term: string; min: number };
  term_not_string: { type: string };
  empty_term: Record<string, never>;
  bad_gap: { part: string; term: string; max: number };
  gap_reversed: { part: string; term: string; min: number; max: number };
  gap_too_wide: { part: string; term: string; min: number; max: number };
  gap_at_edge: { part: string; term: string; edge: 'start' | 'end' };
  two_gaps: { term: string };
  too_many_spellings: { term: string; max: number };
  no_word: { term: string };
  position_without_word: { term: string };
  // Syntax (parse.ts).
  alias_bomb: { max: number };
  duplicate_key: { format: 'json' | 'yaml'; key: string };
  /** `detail` is the parser's own words (English); `advice` picks the hint. */
  syntax_error: { format: 'json' | 'yaml'; detail?: string; advice: 'nesting' | 'duplicate' | 'flowGap' | 'general' };
  foreign_dictionary: { kind: 'liwc' | 'quanteda' | 'csv'; base: string; out: string };
  // Layers (compose.ts).
  duplicate_layer_id: { id: string; file?: string; line?: number };
  patch_of_unknown: { id: string; guess?: string };
  remove_unknown_term: { term: string; id: string; guess?: string };
  unknown_reference: { field: string; target: string; id: string; guess?: string; themes: boolean; known: string[]; more: boolean };
  reference_not_theme: { field: string; target: string; id: string; kind: string; guess?: string; themes: boolean; known: string[]; more: boolean };
  unknown_promise_as: { target: string; guess?: string };
  unknown_implied_id: { id: string; guess?: string };
  // Lexicon files (src/io).
  file_not_found: Record<string, never>;
  permission_denied: Record<string, never>;
  cannot_read_file: { detail: string };
  empty_directory: Record<string, never>;
  // Dictionary import (import/*).
  unknown_dictionary_format: Record<string, never>;
  also_looks_like: { problem: LexiconIssueProblem; name: string; other: string };
  import_syntax_error: { detail: string };
  alias_not_followed: Record<string, never>;
  value_not_word: { name: string };
  liwc_empty: Record<string, never>;
  liwc_no_open: Record<string, never>;
  liwc_bad_category_line: { raw: string };
  liwc_category_twice: { number: string; line: number };
  liwc_not_closed: Record<string, never>;
  liwc_no_category: Record<string, never>;
  liwc_unknown_category: { word: string; number: string };
  liwc_weighted: { word: string };
  liwc_conditional: { word: string };
  liwc_word_without_category: { word: string };
  csv_unclosed_quote: Record<string, never>;
  csv_column_ignored: { column: string };
  csv_extra_columns: { count: number };
  quanteda_not_mapping: Record<string, never>;
  empty_key: Record<string, never>;
  no_keys: Record<string, never>;
  csv_no_rows: { delimiter: string };
  csv_row_without: { missing: 'id' | 'term'; delimiter: string };
  csv_unknown_kind: { kind: string; guess?: string; allowed: string[] };
  empty_value: Record<string, never>;
  regex_left_out: { text: string };
  term_syntax_left_out: { text: string };
  question_mark_widened: { text: string; term: string };
  glob_left_out: { glob: string; text: string; min: number };
  term_left_out: { problem: LexiconIssueProblem };
  category_not_id: { name: string; slug: string };
  nested_too_deep: { names: string; depth: number; flattened: Flattened };
  theme_with_theme_column: { id: string; theme: string };
  concept_without_theme_column: { id: string };
  concept_without_theme_key: { name: string };
  kind_differs: { id: string; kind: string; firstKind: string; line: number };
  theme_differs: { id: string; theme: string; firstTheme: string; line: number };
  id_taken: { id: string; line: number; written: string };
  added_to_default: { kind: string; id: string };
  kind_in_default: { id: string; below: string; kind: string; written: string };
  nothing_to_match: { label: string };
  unknown_import_theme: { theme: string; option: boolean; guess?: string; below: string[] };
  duplicate_import_term: { term: string; label: string; line: number };
}

export type LexiconIssueCode = keyof LexiconIssueParams;

/** What an issue says: the problem and what to do about it. */
export interface IssueText {
  message: string;
  hint: string;
}

export type LexiconCatalogue = { [C in LexiconIssueCode]: (p: LexiconIssueParams[C]) => IssueText };

/** Codes a compiled analyser may report (terms, layers): their catalogue is apart from the others'. */
type CoreCode = 'unknown_lemma' | 'stray_apostrophe' | 'empty_alternative' | 'gap_in_word' | 'bad_stem' | 'bad_lemma' | 'glob_too_broad' | 'term_not_string' | 'empty_term' | 'bad_gap' | 'gap_reversed' | 'gap_too_wide' | 'gap_at_edge' | 'two_gaps' | 'too_many_spellings' | 'no_word' | 'position_without_word' | 'duplicate_layer_id' | 'patch_of_unknown' | 'remove_unknown_term' | 'unknown_reference' | 'reference_not_theme' | 'unknown_promise_as' | 'unknown_implied_id';
type CoreCatalogue = { [C in CoreCode]: (p: LexiconIssueParams[C]) => IssueText };
type RestCatalogue = { [C in Exclude<LexiconIssueCode, CoreCode>]: (p: LexiconIssueParams[C]) => IssueText };

const q = (s: string): string => `"${s}"`;
const g = (s: string): string => `« ${s} »`;

const foundEn = (v: FoundValue): string =>
  v.type === 'null' ? 'null' : v.type === 'list' ? 'a list' : v.type === 'mapping' ? 'a mapping' : `${v.type} ${v.json ?? ''}`.trimEnd();
const TYPE_FR: Record<string, string> = { string: 'le texte', number: 'le nombre', boolean: 'la valeur', bigint: 'le nombre' };
const foundFr = (v: FoundValue): string =>
  v.type === 'null' ? 'null' : v.type === 'list' ? 'une liste' : v.type === 'mapping' ? 'un dictionnaire (clé : valeur)' : v.type === 'undefined' ? 'rien' : `${TYPE_FR[v.type] ?? v.type} ${v.json ?? ''}`.trimEnd();

const placeEn = (p: FieldPlace): string =>
  p.of === 'entry' ? `entry "${p.id}"` : p.of === 'anEntry' ? 'an entry' : p.of === 'section' ? p.name : p.of === 'impliedRule' ? `implied rule #${p.n}` : p.of === 'channel' ? 'a channel' : 'the lexicon';
const placeFr = (p: FieldPlace): string =>
  p.of === 'entry' ? `l'entrée ${g(p.id)}` : p.of === 'anEntry' ? 'une entrée' : p.of === 'section' ? `la section ${p.name}` : p.of === 'impliedRule' ? `la règle implied n° ${p.n}` : p.of === 'channel' ? 'un canal' : 'le lexique';

const KIND_FR: Record<string, string> = { theme: 'thème', concept: 'concept', irritant: 'irritant', enchantment: 'enchantement', intent: 'intention', patch: 'correctif' };
/** "un irritant", "une intention": the kind with its article. */
const aKindFr = (kind: string): string => `${kind === 'intent' ? 'une' : 'un'} ${KIND_FR[kind] ?? kind}`;
const FORMAT_EN = { json: 'JSON', yaml: 'YAML' } as const;
const DICTIONARY_EN = { liwc: 'a LIWC .dic dictionary', quanteda: 'a quanteda dictionary', csv: 'a CSV of terms (id;term;kind;theme)' } as const;
const DICTIONARY_FR = { liwc: 'un dictionnaire LIWC (.dic)', quanteda: 'un dictionnaire quanteda', csv: 'un CSV de termes (id;terme;type;thème)' } as const;
const SECTION_DOC = { sentiment: 'Sentiment', negation: 'Negation', modality: 'Modality' } as const;

const didYouMeanEn = (guess: string): string => `did you mean "${guess}"?`;
const didYouMeanFr = (guess: string): string => `vouliez-vous dire ${g(guess)} ?`;
const knownList = (known: readonly string[], more: boolean): string => `${known.join(', ')}${more ? '…' : ''}`;

/** English: the terms and the layers (what a compiled analyser may report, kept apart so that browsers load only these). */
const enCore: CoreCatalogue = {
  unknown_lemma: ({ word, term }) => ({
    message: `unknown lemma "lemma:${word}" in term "${term}": the lemma table has no forms for it`,
    hint: `use stem:${word} or list the forms (a|b|c); lemma: knows verbs in the infinitive and nouns or adjectives in the masculine singular (scripts/lemmas.txt and every lemma: of lexicons/)`,
  }),
  stray_apostrophe: ({ term }) => ({ message: `stray apostrophe in term "${term}"`, hint: "an apostrophe must sit between two letters, as in d'attente or aujourd'hui; remove the space around it" }),
  empty_alternative: ({ term }) => ({ message: `empty alternative in term "${term}"`, hint: 'write alternatives as a|b|c with no empty part' }),
  gap_in_word: ({ raw, term }) => ({ message: `bad gap syntax "${raw}" in term "${term}"`, hint: 'write a gap as its own position between two words, with spaces: "toujours pas {0,3} reçu"' }),
  bad_stem: ({ raw, term }) => ({ message: `bad stem "${raw}" in term "${term}"`, hint: 'write stem: followed by one plain word, e.g. stem:livrer' }),
  bad_lemma: ({ raw, term }) => ({ message: `bad lemma "${raw}" in term "${term}"`, hint: 'write lemma: followed by one dictionary word (a verb in the infinitive, a noun or adjective in the singular), e.g. lemma:attendre' }),
  glob_too_broad: ({ raw, term, min }) => ({ message: `glob "${raw}" is too broad in term "${term}"`, hint: `a glob needs at least ${min} literal letters (livr*, *rembours*)` }),
  term_not_string: ({ type }) => ({ message: `a term must be a string, got ${type}`, hint: 'quote the term' }),
  empty_term: () => ({ message: 'empty term', hint: 'remove the empty item or write a word' }),
  bad_gap: ({ part, term, max }) => ({ message: `bad gap syntax "${part}" in term "${term}"`, hint: `write a gap as {min,max} with 0 <= min <= max <= ${max}, e.g. {0,3}` }),
  gap_reversed: ({ part, term, min, max }) => ({ message: `bad gap "${part}" in term "${term}": min ${min} is greater than max ${max}`, hint: `swap the bounds: {${max},${min}}` }),
  gap_too_wide: ({ part, term, min, max }) => ({ message: `gap "${part}" in term "${term}" is too wide (max ${max})`, hint: `use at most {${Math.min(min, max)},${max}}; wider spans match unrelated words` }),
  gap_at_edge: ({ part, term, edge }) => ({ message: `gap "${part}" at the ${edge} of term "${term}"`, hint: 'a gap goes between two words; remove it' }),
  two_gaps: ({ term }) => ({ message: `two gaps in a row in term "${term}"`, hint: 'merge them into one gap {min,max}' }),
  too_many_spellings: ({ term, max }) => ({ message: `term "${term}" spells out more than ${max} phrases through its lemmas`, hint: 'split the phrase into several terms, or use a gap between the lemmas' }),
  no_word: ({ term }) => ({ message: `term "${term}" has no word to match`, hint: 'write at least one word' }),
  position_without_word: ({ term }) => ({ message: `a position of term "${term}" has no word to match`, hint: 'write a word there' }),
  duplicate_layer_id: ({ id, file, line }) => ({
    message: `duplicate id "${id}"`,
    hint: `already defined in ${file ?? 'an earlier layer'}${line !== undefined ? `:${line}` : ''}; to redefine it add "replace: true", to extend it drop "kind" and use addTerms`,
  }),
  patch_of_unknown: ({ id, guess }) => ({
    message: `patch for unknown id "${id}"`,
    hint: guess !== undefined ? `${didYouMeanEn(guess)} an entry without kind patches an entry of an earlier layer` : 'to define a new entry, give it a kind, a label and terms',
  }),
  remove_unknown_term: ({ term, id, guess }) => ({
    message: `removeTerms: "${term}" is not a term of "${id}"`,
    hint: guess !== undefined ? `${didYouMeanEn(guess)} write the term exactly as in the earlier layer` : 'write the term exactly as in the earlier layer',
  }),
  unknown_reference: ({ field, target, id, guess, themes, known, more }) => ({
    message: `unknown ${field} "${target}" in "${id}"`,
    hint: guess !== undefined ? didYouMeanEn(guess) : `${themes ? 'known themes' : 'known ids'}: ${knownList(known, more)}`,
  }),
  reference_not_theme: ({ field, target, id, kind, guess, themes, known, more }) => ({
    message: `${field} "${target}" of "${id}" is a ${kind}, not a theme`,
    hint: guess !== undefined ? didYouMeanEn(guess) : `${themes ? 'known themes' : 'known ids'}: ${knownList(known, more)}`,
  }),
  unknown_promise_as: ({ target, guess }) => ({ message: `unknown modality.promiseAs "${target}"`, hint: guess !== undefined ? didYouMeanEn(guess) : 'name an irritant of the lexicon (promesse_non_tenue) or write null' }),
  unknown_implied_id: ({ id, guess }) => ({ message: `unknown implied rule id "${id}"`, hint: guess !== undefined ? didYouMeanEn(guess) : 'name an entry of the lexicon (retard_livraison, prix_excessif…)' }),
};

const enRest: RestCatalogue = {
  unknown_field: ({ key, place, guess, known }) => ({ message: `unknown field "${key}" in ${placeEn(place)}`, hint: guess !== undefined ? didYouMeanEn(guess) : `known fields: ${known.join(', ')}` }),
  not_string_list: ({ field, found }) => ({ message: `${field} must be a list of strings, got ${foundEn(found)}`, hint: `write ${field}: [a, b]` }),
  bad_list_item: ({ field, found }) => ({ message: `${field} item must be a non-empty string, got ${foundEn(found)}`, hint: 'quote the value, or remove the empty item' }),
  not_term_list: ({ field, found }) => ({ message: `${field} must be a list of terms, got ${foundEn(found)}`, hint: `write ${field}: [mot, autre mot]` }),
  unknown_value: ({ field, value, found, guess, allowed }) => ({
    message: `unknown ${field} ${value !== undefined ? q(value) : foundEn(found ?? { type: 'undefined' })}`,
    hint: `${guess !== undefined ? `${didYouMeanEn(guess)} ` : ''}use one of: ${allowed.join(', ')}`,
  }),
  not_entry_id: ({ field, found }) => ({ message: `${field} must be an entry id, got ${foundEn(found)}`, hint: 'ids use lowercase ascii letters, digits, _ and .' }),
  entry_not_mapping: ({ n, found }) => ({ message: `entry #${n} must be a mapping, got ${foundEn(found)}`, hint: 'write each entry as "- id: …" followed by its fields' }),
  entry_without_id: ({ n }) => ({ message: `entry #${n} has no id`, hint: 'add "id: some_id" (lowercase ascii, digits, _ and .)' }),
  bad_id: ({ found }) => ({ message: `bad id ${foundEn(found)}`, hint: 'ids use lowercase ascii letters, digits, _ and . (e.g. livraison.delai)' }),
  duplicate_id: ({ id, line, index }) => ({ message: `duplicate id "${id}"`, hint: `"${id}" is already defined${line !== undefined ? ` at line ${line}` : ` in entries[${index}]`}; rename one or merge them` }),
  replace_without_kind: ({ id }) => ({ message: `entry "${id}" says replace: true but has no kind`, hint: 'a replacement is a full definition: add its kind, label and terms' }),
  field_in_patch: ({ key, id }) => ({
    message: `field "${key}" in a patch of "${id}" (an entry without kind)`,
    hint:
      key === 'terms' || key === 'exclude'
        ? `use add${key === 'terms' ? 'Terms' : 'Exclude'} to extend the entry, or give kind and replace: true to redefine it`
        : 'a patch may change label, description, onNegation, negatedAs, disabled, addTerms, removeTerms, addExclude; to change more, give kind and replace: true',
  }),
  patch_field_in_definition: ({ key, id }) => ({ message: `"${key}" in a full definition of "${id}"`, hint: `put these in ${key === 'addExclude' ? 'exclude' : 'terms'}; ${key} is for patches (entries without kind)` }),
  concept_without_parent: ({ id }) => ({ message: `concept "${id}" has no parent`, hint: 'add "parent: <theme id>"' }),
  concept_with_theme: ({ id }) => ({ message: `concept "${id}" has a theme field`, hint: 'a concept names its theme with "parent:"' }),
  unexpected_parent: ({ kind, id }) => ({ message: `${kind} "${id}" has a parent`, hint: kind === 'theme' ? 'themes have no parent; remove it' : 'use "theme:" to attach it to a theme' }),
  theme_with_theme: ({ id }) => ({ message: `theme "${id}" has a theme field`, hint: 'a theme is its own theme; remove it' }),
  stage_not_on_theme: ({ kind, id }) => ({ message: `stage on ${kind} "${id}"`, hint: 'only themes have a journey stage' }),
  label_not_text: ({ id }) => ({ message: `label of "${id}" must be a non-empty string`, hint: 'write the French label shown in reports' }),
  description_not_text: ({ id }) => ({ message: `description of "${id}" must be a string`, hint: 'quote it' }),
  tag_not_id: ({ id }) => ({ message: `tag of "${id}" must look like an id`, hint: 'lowercase ascii letters, digits, _ and . (e.g. resiliation)' }),
  residual_not_boolean: () => ({ message: 'residual must be true or false', hint: 'write residual: true' }),
  residual_not_irritant: ({ kind, id }) => ({ message: `residual on ${kind} "${id}"`, hint: 'only an irritant can be the residual label (a negative verbatim no irritant explains)' }),
  flag_not_boolean: ({ key }) => ({ message: `${key} must be true or false`, hint: `write ${key}: true` }),
  not_number_map: ({ field, found }) => ({ message: `${field} must be a mapping of word: number, got ${foundEn(found)}`, hint: `write ${field}:\n  bien: 1` }),
  number_out_of_range: ({ field, key, min, max, found }) => ({ message: `${field}.${key} must be a number from ${min} to ${max}, got ${foundEn(found)}`, hint: `e.g. ${key}: ${max > 3 ? 1.5 : 1}` }),
  empty_stem: ({ field }) => ({ message: `empty stem in ${field}`, hint: 'write stem:word' }),
  section_not_mapping: ({ section }) => ({ message: `${section} must be a mapping`, hint: `see docs/lexicon-format.md § ${SECTION_DOC[section]}` }),
  empty_sentiment_key: ({ field }) => ({ message: `empty key in ${field}`, hint: 'write a word, a phrase (frais cachés) or an emoji' }),
  sentiment_key_term_syntax: ({ field, key }) => ({ message: `${field} key "${key}" uses term syntax`, hint: 'sentiment keys are plain words or phrases (one key per line; # stands for a number)' }),
  sentiment_key_stem: ({ field, key }) => ({ message: `stem: in ${field} key "${key}"`, hint: 'stem:word is for single words of sentiment.words' }),
  not_number: ({ field, key }) => ({ message: `${field} must be a number`, hint: `e.g. ${key}: 2` }),
  window_out_of_range: ({ field, found, fallback }) => ({ message: `${field} must be a whole number from 1 to 10, got ${foundEn(found)}`, hint: `the default is ${fallback}` }),
  promise_as_not_id: ({ found }) => ({ message: `modality.promiseAs must be an entry id or null, got ${foundEn(found)}`, hint: 'e.g. promiseAs: promesse_non_tenue' }),
  implied_not_list: () => ({ message: 'implied must be a list of rules', hint: 'write implied:\n  - id: retard_livraison\n    duration: 10 jours\n    near: [livr*, colis]' }),
  implied_rule_not_mapping: ({ n }) => ({ message: `implied rule #${n} must be a mapping`, hint: 'write - id: …, duration: … (or increase: …), near: […]' }),
  implied_rule_without_id: ({ n }) => ({ message: `implied rule #${n} needs an entry id`, hint: 'e.g. id: retard_livraison' }),
  implied_rule_duration_or_increase: ({ n }) => ({ message: `implied rule #${n} needs exactly one of duration and increase`, hint: 'duration: 10 jours, or increase: 10 (percent)' }),
  implied_rule_bad_duration: ({ n, found }) => ({ message: `implied rule #${n}: duration must read like "10 jours", got ${foundEn(found)}`, hint: 'a number and one of minutes, heures, jours, semaines, mois' }),
  implied_rule_bad_under: ({ n }) => ({ message: `implied rule #${n}: under must read like "1 jour" and go with a duration`, hint: 'e.g. duration: 30 minutes, under: 1 jour' }),
  implied_rule_bad_increase: ({ n, found }) => ({ message: `implied rule #${n}: increase must be a positive number of percent, got ${foundEn(found)}`, hint: 'e.g. increase: 10' }),
  implied_rule_without_near: ({ n }) => ({ message: `implied rule #${n} has no near words`, hint: 'write near: [livr*, colis, commande]' }),
  channels_not_list: () => ({ message: 'channels must be a list', hint: 'write channels:\n  - id: chat\n    label: Chat\n    aliases: [tchat]' }),
  channel_not_mapping: ({ n }) => ({ message: `channel #${n} must be a mapping`, hint: 'write - id: …, label: …, aliases: […]' }),
  channel_bad_id: ({ n }) => ({ message: `channel #${n} has a bad or missing id`, hint: 'ids use lowercase ascii letters, digits, _ and .' }),
  duplicate_channel: ({ id }) => ({ message: `duplicate channel id "${id}"`, hint: 'merge the aliases into one channel' }),
  channel_label_not_text: () => ({ message: 'channel label must be a string', hint: 'quote it' }),
  sms_not_mapping: () => ({ message: 'sms must be a mapping of written form: normalized words', hint: 'e.g. pk: pourquoi' }),
  sms_not_text: ({ key }) => ({ message: `sms.${key} must be a non-empty string`, hint: 'e.g. pk: pourquoi' }),
  stopwords_not_mapping: () => ({ message: 'stopwords must be a mapping with add and remove', hint: 'e.g. stopwords: { add: [svp] }' }),
  lexicon_not_mapping: ({ found }) => ({ message: `a lexicon must be a mapping, got ${foundEn(found)}`, hint: 'start the file with "version: 1"' }),
  missing_version: () => ({ message: 'missing version', hint: 'add "version: 1" at the top' }),
  unsupported_version: ({ found }) => ({ message: `unsupported version ${foundEn(found)}`, hint: 'this library reads version: 1' }),
  lang_not_text: () => ({ message: 'lang must be a string', hint: 'e.g. lang: fr' }),
  entries_not_list: ({ found }) => ({ message: `entries must be a list, got ${foundEn(found)}`, hint: 'write entries:\n  - id: …' }),
  alias_bomb: ({ max }) => ({ message: `YAML aliases expand to too many nodes (more than ${max} per alias)`, hint: 'write the terms out instead of repeating them through &anchors and *aliases nested in each other' }),
  duplicate_key: ({ format, key }) => ({ message: `${FORMAT_EN[format]} syntax error: "${key}" appears twice in the same mapping`, hint: 'a field appears twice in the same mapping; keep one' }),
  syntax_error: ({ format, detail, advice }) => ({
    message: `${FORMAT_EN[format]} syntax error: ${advice === 'nesting' ? 'lists or mappings nested too deep to read' : (detail ?? '')}`,
    hint:
      advice === 'nesting'
        ? 'a lexicon needs a few levels (entries, their fields, lists of terms): remove the extra brackets'
        : advice === 'duplicate'
          ? 'a field appears twice in the same mapping; keep one'
          : advice === 'flowGap'
            ? 'inside [ … ] lists, quote a term holding a gap {m,n} or a comma, or write one "- term" per line'
            : 'check indentation, quotes and brackets around this position',
  }),
  foreign_dictionary: ({ kind, base, out }) => ({
    message: `this looks like ${DICTIONARY_EN[kind]}, not a verbatim-fr lexicon; convert it with \`verbatim lexicon import ${base} --from ${kind} --out ${out}\``,
    hint: `then give ${out} to --lexicon (verbatim lexicon check ${out} checks it); the import says what it could not convert`,
  }),
  file_not_found: () => ({ message: 'file not found', hint: 'give a .yml, .yaml or .json lexicon file, or a directory holding some' }),
  permission_denied: () => ({ message: 'permission denied', hint: 'give a .yml, .yaml or .json lexicon file, or a directory holding some' }),
  cannot_read_file: ({ detail }) => ({ message: `cannot read file: ${detail}`, hint: 'give a .yml, .yaml or .json lexicon file, or a directory holding some' }),
  empty_directory: () => ({ message: 'no lexicon file in directory', hint: 'put .yml, .yaml or .json lexicon files in it' }),
  unknown_dictionary_format: () => ({ message: 'cannot tell the dictionary format', hint: 'say it: from quanteda, liwc or csv (--from)' }),
  also_looks_like: ({ problem, name, other }) => {
    const inner = en[problem.code](problem.params as never);
    return { message: inner.message, hint: `${inner.hint}; the file looks like a ${name}: try from ${other} (--from ${other})` };
  },
  import_syntax_error: ({ detail }) => ({ message: `YAML syntax error: ${detail}`, hint: 'check indentation, quotes and brackets around this position' }),
  alias_not_followed: () => ({ message: 'YAML alias (*name): not followed; left out', hint: 'write the words out' }),
  value_not_word: ({ name }) => ({ message: `a value of "${name}" is not a word: left out`, hint: 'write one word or pattern per "- " line' }),
  liwc_empty: () => ({ message: 'the file is empty', hint: 'a LIWC .dic starts with its category list between two "%" lines' }),
  liwc_no_open: () => ({ message: 'a LIWC .dic starts with a line holding only "%"', hint: 'open the category list with "%", list "number<TAB>name" lines, and close it with "%"' }),
  liwc_bad_category_line: ({ raw }) => ({ message: `category line "${raw}" is not "number name"`, hint: 'write each category as its number, a tab and its name (1<TAB>livraison); close the list with "%"' }),
  liwc_category_twice: ({ number, line }) => ({ message: `category number ${number} is listed twice (first at line ${line})`, hint: 'give each category its own number' }),
  liwc_not_closed: () => ({ message: 'the category list opened here is never closed', hint: 'end the category list with a line holding only "%"' }),
  liwc_no_category: () => ({ message: 'the category list is empty', hint: 'list the categories as "number<TAB>name" lines between the two "%" lines' }),
  liwc_unknown_category: ({ word, number }) => ({ message: `"${word}": category ${number} is not in the category list; ignored for this word`, hint: `add "${number}<TAB>name" to the list between the "%" lines, or fix the number` }),
  liwc_weighted: ({ word }) => ({ message: `"${word}" is weighted: weights have no equivalent (a match counts once); the weight is dropped`, hint: 'split the category by weight if the weights matter (a strong and a mild category)' }),
  liwc_conditional: ({ word }) => ({
    message: `"${word}" has a conditional category (LIWC2007's "<word>" or "(category)" forms): no equivalent; the word keeps its plain categories only`,
    hint: 'write the phrases the condition stands for as words of the category (kind of, like to)',
  }),
  liwc_word_without_category: ({ word }) => ({ message: `"${word}" has no category: left out`, hint: 'add the numbers of its categories after a tab' }),
  csv_column_ignored: ({ column }) => ({ message: `column "${column}" is not one the import reads; ignored`, hint: 'known columns: id, term, kind, theme, label' }),
  csv_extra_columns: ({ count }) => ({ message: `${count} columns: only id, term, kind and theme are read; the rest is ignored`, hint: 'add a header row (id;term;kind;theme;label) to say what each column holds' }),
  quanteda_not_mapping: () => ({ message: 'a quanteda dictionary is a mapping of keys to lists of words; this file is not one', hint: 'write each category as "key:" followed by its words ("- word" lines), or nested keys' }),
  empty_key: () => ({ message: 'empty key', hint: 'give the category a name' }),
  no_keys: () => ({ message: 'the dictionary has no keys', hint: 'write each category as "key:" followed by its words' }),
  csv_unclosed_quote: () => ({ message: 'a quoted cell opened on this line is never closed', hint: 'close the quote, or double the quotes inside the cell ("")' }),
  csv_no_rows: ({ delimiter: d }) => ({ message: 'no term rows', hint: `write one term per row: id${d}term (${d}kind${d}theme optional)` }),
  csv_row_without: ({ missing, delimiter: d }) => ({ message: `row without ${missing === 'id' ? 'an id' : 'a term'}`, hint: `write id${d}term on every row${d === ',' ? ' (quote a term holding a comma)' : ''}` }),
  csv_unknown_kind: ({ kind, guess, allowed }) => ({ message: `unknown kind "${kind}"`, hint: `${guess !== undefined ? `${didYouMeanEn(guess)} ` : ''}use one of: ${allowed.join(', ')}` }),
  empty_value: () => ({ message: 'empty value', hint: 'remove the empty value' }),
  regex_left_out: ({ text }) => ({
    message: `"${text}" looks like a regular expression (quanteda's valuetype "regex"): terms have no equivalent; left out`,
    hint: 'write it as words and globs (livr* for ^livr), or as alternatives a|b in the converted file',
  }),
  term_syntax_left_out: ({ text }) => ({
    message: `"${text}" holds characters that mean something else in a verbatim-fr term (| { } stem: lemma:); left out`,
    hint: 'add it by hand to the converted file, written in the term syntax (docs/lexicon-format.md § Terms)',
  }),
  question_mark_widened: ({ text, term }) => ({ message: `"${text}": ? (exactly one character) has no equivalent; widened to * (any letters): "${term}"`, hint: 'check what the wider glob reaches, or list the forms as alternatives (a|b)' }),
  glob_left_out: ({ glob, text, min }) => ({ message: `glob "${glob}" in "${text}" has fewer than ${min} letters: too broad for verbatim-fr; left out`, hint: 'list the words it stands for instead' }),
  term_left_out: ({ problem }) => {
    const inner = en[problem.code](problem.params as never);
    return { message: `${inner.message}; left out`, hint: inner.hint };
  },
  category_not_id: ({ name, slug }) => ({ message: `category "${name}" is not an id: written as "${slug}"`, hint: 'ids are lowercase ascii letters, digits and _; the name stays the label shown in reports' }),
  nested_too_deep: ({ names, depth, flattened: f }) => ({
    message: `"${names}" is nested ${depth} levels deep: ${
      f.into === 'conceptOf'
        ? `flattened into a concept of "${f.theme}"`
        : f.into === 'one'
          ? `flattened into one ${f.kind}`
          : f.into === 'ownTheme'
            ? 'made a theme of its own'
            : `flattened into ${f.kind === undefined || f.kind === 'concept' ? 'a concept' : `an ${f.kind}`} of "${f.theme}"`
    }`,
    hint: 'verbatim-fr has themes and their concepts (two levels): deeper keys are flattened',
  }),
  theme_with_theme_column: ({ id, theme }) => ({ message: `theme "${id}" is given the theme "${theme}": a theme has no theme; left out`, hint: 'leave the theme column empty on theme rows, or give the row another kind' }),
  concept_without_theme_column: ({ id }) => ({ message: `concept "${id}" has no theme`, hint: 'fill the theme column (an existing theme id such as livraison, or one defined in the file), or give --theme ID' }),
  concept_without_theme_key: ({ name }) => ({ message: `concept "${name}" has no theme`, hint: 'give --theme ID (an existing theme such as livraison), or nest the key under a theme key' }),
  kind_differs: ({ id, kind, firstKind, line }) => ({ message: `"${id}" is a ${kind} here but a ${firstKind} at line ${line}; the first is kept`, hint: 'give every row of an id the same kind and theme' }),
  theme_differs: ({ id, theme, firstTheme, line }) => ({ message: `"${id}" has the theme "${theme}" here but "${firstTheme}" at line ${line}; the first is kept`, hint: 'give every row of an id the same kind and theme' }),
  id_taken: ({ id, line, written }) => ({ message: `"${id}" is already an id of this dictionary (line ${line}): written as "${written}"`, hint: 'rename one of the two categories if they differ' }),
  added_to_default: ({ kind, id }) => ({ message: `${kind} "${id}" exists in the lexicons below (the default): the dictionary's words are added to it (addTerms)`, hint: 'rename the category to keep it apart, or import with --no-default-lexicon' }),
  kind_in_default: ({ id, below, kind, written }) => ({ message: `"${id}" is a ${below} in the lexicons below (the default): the ${kind} is written as "${written}"`, hint: 'rename the category if you prefer another id' }),
  nothing_to_match: ({ label }) => ({ message: `"${label}" has no words that verbatim-fr can match: left out`, hint: 'see the warnings above for its words, or add terms by hand to the converted file' }),
  unknown_import_theme: ({ theme, option, guess, below }) => ({
    message: `unknown theme "${theme}"${option ? ' (--theme)' : ''}`,
    hint: guess !== undefined ? didYouMeanEn(guess) : `use a theme of the file or of the lexicons below${below.length > 0 ? ` (${below.slice(0, 8).join(', ')}${below.length > 8 ? '…' : ''})` : ''}`,
  }),
  duplicate_import_term: ({ term, label, line }) => ({ message: `duplicate term "${term}" in "${label}" (first at line ${line}): kept once`, hint: 'remove the repeated word' }),
};

/** Both halves as one catalogue; marked pure so that a bundle that never says a whole catalogue drops it. */
const merge = (core: CoreCatalogue, rest: RestCatalogue): LexiconCatalogue => ({ ...core, ...rest });
const en: LexiconCatalogue = /* @__PURE__ */ merge(enCore, enRest);

const LEXICON_FILE_HINT_FR = 'donnez un fichier de lexique .yml, .yaml ou .json, ou un dossier qui en contient';

const frCore: CoreCatalogue = {
  unknown_lemma: ({ word, term }) => ({
    message: `lemme inconnu « lemma:${word} » dans le terme ${g(term)} : la table des lemmes n'en connaît aucune forme`,
    hint: `utilisez stem:${word} ou énumérez les formes (a|b|c) ; lemma: connaît les verbes à l'infinitif et les noms ou adjectifs au masculin singulier (scripts/lemmas.txt et tous les lemma: de lexicons/)`,
  }),
  stray_apostrophe: ({ term }) => ({ message: `apostrophe isolée dans le terme ${g(term)}`, hint: "une apostrophe se place entre deux lettres, comme dans d'attente ou aujourd'hui ; retirez l'espace autour" }),
  empty_alternative: ({ term }) => ({ message: `alternative vide dans le terme ${g(term)}`, hint: 'écrivez les alternatives sous la forme a|b|c, sans partie vide' }),
  gap_in_word: ({ raw, term }) => ({ message: `écart mal écrit ${g(raw)} dans le terme ${g(term)}`, hint: 'un écart occupe sa propre position entre deux mots, avec des espaces : « toujours pas {0,3} reçu »' }),
  bad_stem: ({ raw, term }) => ({ message: `racine invalide ${g(raw)} dans le terme ${g(term)}`, hint: 'écrivez stem: suivi d’un seul mot simple, par exemple stem:livrer' }),
  bad_lemma: ({ raw, term }) => ({ message: `lemme invalide ${g(raw)} dans le terme ${g(term)}`, hint: 'écrivez lemma: suivi d’un seul mot du dictionnaire (un verbe à l’infinitif, un nom ou un adjectif au singulier), par exemple lemma:attendre' }),
  glob_too_broad: ({ raw, term, min }) => ({ message: `le motif ${g(raw)} est trop large dans le terme ${g(term)}`, hint: `un motif avec * doit garder au moins ${min} lettres (livr*, *rembours*)` }),
  term_not_string: ({ type }) => ({ message: `un terme doit être un texte, pas ${type === 'null' ? 'null' : foundFr({ type }).replace(/^le texte$/, 'un texte')}`, hint: 'mettez le terme entre guillemets' }),
  empty_term: () => ({ message: 'terme vide', hint: "retirez l'élément vide ou écrivez un mot" }),
  bad_gap: ({ part, term, max }) => ({ message: `écart mal écrit ${g(part)} dans le terme ${g(term)}`, hint: `écrivez un écart sous la forme {min,max} avec 0 <= min <= max <= ${max}, par exemple {0,3}` }),
  gap_reversed: ({ part, term, min, max }) => ({ message: `écart ${g(part)} invalide dans le terme ${g(term)} : le minimum ${min} dépasse le maximum ${max}`, hint: `inversez les bornes : {${max},${min}}` }),
  gap_too_wide: ({ part, term, min, max }) => ({ message: `l'écart ${g(part)} du terme ${g(term)} est trop large (${max} au plus)`, hint: `utilisez au plus {${Math.min(min, max)},${max}} ; un écart plus large attrape des mots sans rapport` }),
  gap_at_edge: ({ part, term, edge }) => ({ message: `écart ${g(part)} ${edge === 'start' ? 'au début' : 'à la fin'} du terme ${g(term)}`, hint: 'un écart se place entre deux mots : retirez-le' }),
  two_gaps: ({ term }) => ({ message: `deux écarts de suite dans le terme ${g(term)}`, hint: 'réunissez-les en un seul écart {min,max}' }),
  too_many_spellings: ({ term, max }) => ({ message: `le terme ${g(term)} donne plus de ${max} expressions à travers ses lemmes`, hint: 'découpez l’expression en plusieurs termes, ou mettez un écart entre les lemmes' }),
  no_word: ({ term }) => ({ message: `le terme ${g(term)} n'a aucun mot à reconnaître`, hint: 'écrivez au moins un mot' }),
  position_without_word: ({ term }) => ({ message: `une position du terme ${g(term)} n'a aucun mot à reconnaître`, hint: 'écrivez-y un mot' }),
  duplicate_layer_id: ({ id, file, line }) => ({
    message: `identifiant en double ${g(id)}`,
    hint: `déjà défini dans ${file ?? 'une couche précédente'}${line !== undefined ? `:${line}` : ''} ; pour le redéfinir, ajoutez « replace: true » ; pour le compléter, retirez « kind » et utilisez addTerms`,
  }),
  patch_of_unknown: ({ id, guess }) => ({
    message: `correctif d'un identifiant inconnu ${g(id)}`,
    hint: guess !== undefined ? `${didYouMeanFr(guess)} une entrée sans kind corrige une entrée d'une couche précédente` : 'pour définir une nouvelle entrée, donnez-lui un kind, un label et des termes',
  }),
  remove_unknown_term: ({ term, id, guess }) => ({
    message: `removeTerms : ${g(term)} n'est pas un terme de ${g(id)}`,
    hint: guess !== undefined ? `${didYouMeanFr(guess)} écrivez le terme exactement comme dans la couche précédente` : 'écrivez le terme exactement comme dans la couche précédente',
  }),
  unknown_reference: ({ field, target, id, guess, themes, known, more }) => ({
    message: `${field} inconnu ${g(target)} dans ${g(id)}`,
    hint: guess !== undefined ? didYouMeanFr(guess) : `${themes ? 'thèmes connus' : 'identifiants connus'} : ${knownList(known, more)}`,
  }),
  reference_not_theme: ({ field, target, id, kind, guess, themes, known, more }) => ({
    message: `${field} ${g(target)} de ${g(id)} est ${aKindFr(kind)}, pas un thème`,
    hint: guess !== undefined ? didYouMeanFr(guess) : `${themes ? 'thèmes connus' : 'identifiants connus'} : ${knownList(known, more)}`,
  }),
  unknown_promise_as: ({ target, guess }) => ({ message: `modality.promiseAs inconnu ${g(target)}`, hint: guess !== undefined ? didYouMeanFr(guess) : 'nommez un irritant du lexique (promesse_non_tenue) ou écrivez null' }),
  unknown_implied_id: ({ id, guess }) => ({ message: `identifiant inconnu ${g(id)} dans une règle implied`, hint: guess !== undefined ? didYouMeanFr(guess) : 'nommez une entrée du lexique (retard_livraison, prix_excessif…)' }),
};

const frRest: RestCatalogue = {
  unknown_field: ({ key, place, guess, known }) => ({ message: `champ inconnu ${g(key)} dans ${placeFr(place)}`, hint: guess !== undefined ? didYouMeanFr(guess) : `champs connus : ${known.join(', ')}` }),
  not_string_list: ({ field, found }) => ({ message: `${field} doit être une liste de textes, pas ${foundFr(found)}`, hint: `écrivez ${field}: [a, b]` }),
  bad_list_item: ({ field, found }) => ({ message: `un élément de ${field} doit être un texte non vide, pas ${foundFr(found)}`, hint: "mettez la valeur entre guillemets, ou retirez l'élément vide" }),
  not_term_list: ({ field, found }) => ({ message: `${field} doit être une liste de termes, pas ${foundFr(found)}`, hint: `écrivez ${field}: [mot, autre mot]` }),
  unknown_value: ({ field, value, found, guess, allowed }) => ({
    message: `valeur inconnue pour ${field} : ${value !== undefined ? g(value) : foundFr(found ?? { type: 'undefined' })}`,
    hint: `${guess !== undefined ? `${didYouMeanFr(guess)} ` : ''}valeurs possibles : ${allowed.join(', ')}`,
  }),
  not_entry_id: ({ field, found }) => ({ message: `${field} doit être un identifiant d'entrée, pas ${foundFr(found)}`, hint: 'un identifiant s’écrit en lettres ascii minuscules, chiffres, _ et .' }),
  entry_not_mapping: ({ n, found }) => ({ message: `l'entrée n° ${n} doit être un dictionnaire (clé : valeur), pas ${foundFr(found)}`, hint: 'écrivez chaque entrée sous la forme « - id: … » suivie de ses champs' }),
  entry_without_id: ({ n }) => ({ message: `l'entrée n° ${n} n'a pas d'identifiant`, hint: 'ajoutez « id: un_id » (ascii minuscule, chiffres, _ et .)' }),
  bad_id: ({ found }) => ({ message: `identifiant invalide : ${foundFr(found)}`, hint: 'un identifiant s’écrit en lettres ascii minuscules, chiffres, _ et . (par exemple livraison.delai)' }),
  duplicate_id: ({ id, line, index }) => ({ message: `identifiant en double ${g(id)}`, hint: `${g(id)} est déjà défini ${line !== undefined ? `à la ligne ${line}` : `dans entries[${index}]`} ; renommez l'une des deux entrées ou fusionnez-les` }),
  replace_without_kind: ({ id }) => ({ message: `l'entrée ${g(id)} indique replace: true mais n'a pas de kind`, hint: 'un remplacement est une définition complète : donnez son kind, son label et ses termes' }),
  field_in_patch: ({ key, id }) => ({
    message: `champ ${g(key)} dans un correctif de ${g(id)} (une entrée sans kind)`,
    hint:
      key === 'terms' || key === 'exclude'
        ? `utilisez add${key === 'terms' ? 'Terms' : 'Exclude'} pour compléter l'entrée, ou donnez kind et replace: true pour la redéfinir`
        : 'un correctif peut changer label, description, onNegation, negatedAs, disabled, addTerms, removeTerms, addExclude ; pour changer davantage, donnez kind et replace: true',
  }),
  patch_field_in_definition: ({ key, id }) => ({ message: `${g(key)} dans une définition complète de ${g(id)}`, hint: `mettez-les dans ${key === 'addExclude' ? 'exclude' : 'terms'} ; ${key} est réservé aux correctifs (entrées sans kind)` }),
  concept_without_parent: ({ id }) => ({ message: `le concept ${g(id)} n'a pas de parent`, hint: 'ajoutez « parent: <id du thème> »' }),
  concept_with_theme: ({ id }) => ({ message: `le concept ${g(id)} a un champ theme`, hint: 'un concept nomme son thème avec « parent: »' }),
  unexpected_parent: ({ kind, id }) => ({ message: `${aKindFr(kind)} ${g(id)} a un parent`, hint: kind === 'theme' ? "un thème n'a pas de parent : retirez-le" : 'utilisez « theme: » pour le rattacher à un thème' }),
  theme_with_theme: ({ id }) => ({ message: `le thème ${g(id)} a un champ theme`, hint: 'un thème est son propre thème : retirez ce champ' }),
  stage_not_on_theme: ({ kind, id }) => ({ message: `stage sur ${aKindFr(kind)} ${g(id)}`, hint: "seuls les thèmes ont une étape du parcours" }),
  label_not_text: ({ id }) => ({ message: `le label de ${g(id)} doit être un texte non vide`, hint: 'écrivez le libellé français affiché dans les rapports' }),
  description_not_text: ({ id }) => ({ message: `la description de ${g(id)} doit être un texte`, hint: 'mettez-la entre guillemets' }),
  tag_not_id: ({ id }) => ({ message: `le tag de ${g(id)} doit avoir la forme d'un identifiant`, hint: 'lettres ascii minuscules, chiffres, _ et . (par exemple resiliation)' }),
  residual_not_boolean: () => ({ message: 'residual doit valoir true ou false', hint: 'écrivez residual: true' }),
  residual_not_irritant: ({ kind, id }) => ({ message: `residual sur ${aKindFr(kind)} ${g(id)}`, hint: "seul un irritant peut servir d'étiquette résiduelle (un verbatim négatif qu'aucun irritant n'explique)" }),
  flag_not_boolean: ({ key }) => ({ message: `${key} doit valoir true ou false`, hint: `écrivez ${key}: true` }),
  not_number_map: ({ field, found }) => ({ message: `${field} doit associer des mots à des nombres (mot: nombre), pas ${foundFr(found)}`, hint: `écrivez ${field}:\n  bien: 1` }),
  number_out_of_range: ({ field, key, min, max, found }) => ({ message: `${field}.${key} doit être un nombre de ${min} à ${max}, pas ${foundFr(found)}`, hint: `par exemple ${key}: ${max > 3 ? 1.5 : 1}` }),
  empty_stem: ({ field }) => ({ message: `racine vide dans ${field}`, hint: 'écrivez stem:mot' }),
  section_not_mapping: ({ section }) => ({ message: `${section} doit être un dictionnaire (clé : valeur)`, hint: `voyez docs/lexicon-format.md § ${SECTION_DOC[section]}` }),
  empty_sentiment_key: ({ field }) => ({ message: `clé vide dans ${field}`, hint: 'écrivez un mot, une expression (frais cachés) ou un emoji' }),
  sentiment_key_term_syntax: ({ field, key }) => ({ message: `la clé ${g(key)} de ${field} utilise la syntaxe des termes`, hint: 'les clés de sentiment sont des mots ou des expressions simples (une clé par ligne ; # remplace un nombre)' }),
  sentiment_key_stem: ({ field, key }) => ({ message: `stem: dans la clé ${g(key)} de ${field}`, hint: 'stem:mot ne sert qu’aux mots seuls de sentiment.words' }),
  not_number: ({ field, key }) => ({ message: `${field} doit être un nombre`, hint: `par exemple ${key}: 2` }),
  window_out_of_range: ({ field, found, fallback }) => ({ message: `${field} doit être un nombre entier de 1 à 10, pas ${foundFr(found)}`, hint: `la valeur par défaut est ${fallback}` }),
  promise_as_not_id: ({ found }) => ({ message: `modality.promiseAs doit être un identifiant d'entrée ou null, pas ${foundFr(found)}`, hint: 'par exemple promiseAs: promesse_non_tenue' }),
  implied_not_list: () => ({ message: 'implied doit être une liste de règles', hint: 'écrivez implied:\n  - id: retard_livraison\n    duration: 10 jours\n    near: [livr*, colis]' }),
  implied_rule_not_mapping: ({ n }) => ({ message: `la règle implied n° ${n} doit être un dictionnaire (clé : valeur)`, hint: 'écrivez - id: …, duration: … (ou increase: …), near: […]' }),
  implied_rule_without_id: ({ n }) => ({ message: `la règle implied n° ${n} doit avoir un identifiant d'entrée`, hint: 'par exemple id: retard_livraison' }),
  implied_rule_duration_or_increase: ({ n }) => ({ message: `la règle implied n° ${n} doit avoir soit duration, soit increase (un seul des deux)`, hint: 'duration: 10 jours, ou increase: 10 (en pourcentage)' }),
  implied_rule_bad_duration: ({ n, found }) => ({ message: `règle implied n° ${n} : duration doit s'écrire comme « 10 jours », pas ${foundFr(found)}`, hint: 'un nombre suivi de minutes, heures, jours, semaines ou mois' }),
  implied_rule_bad_under: ({ n }) => ({ message: `règle implied n° ${n} : under doit s'écrire comme « 1 jour » et accompagner une duration`, hint: 'par exemple duration: 30 minutes, under: 1 jour' }),
  implied_rule_bad_increase: ({ n, found }) => ({ message: `règle implied n° ${n} : increase doit être un pourcentage positif, pas ${foundFr(found)}`, hint: 'par exemple increase: 10' }),
  implied_rule_without_near: ({ n }) => ({ message: `la règle implied n° ${n} n'a pas de mots near`, hint: 'écrivez near: [livr*, colis, commande]' }),
  channels_not_list: () => ({ message: 'channels doit être une liste', hint: 'écrivez channels:\n  - id: chat\n    label: Chat\n    aliases: [tchat]' }),
  channel_not_mapping: ({ n }) => ({ message: `le canal n° ${n} doit être un dictionnaire (clé : valeur)`, hint: 'écrivez - id: …, label: …, aliases: […]' }),
  channel_bad_id: ({ n }) => ({ message: `le canal n° ${n} a un identifiant absent ou invalide`, hint: 'un identifiant s’écrit en lettres ascii minuscules, chiffres, _ et .' }),
  duplicate_channel: ({ id }) => ({ message: `identifiant de canal en double ${g(id)}`, hint: 'réunissez les alias dans un seul canal' }),
  channel_label_not_text: () => ({ message: 'le label d’un canal doit être un texte', hint: 'mettez-le entre guillemets' }),
  sms_not_mapping: () => ({ message: 'sms doit associer une forme écrite à des mots normalisés', hint: 'par exemple pk: pourquoi' }),
  sms_not_text: ({ key }) => ({ message: `sms.${key} doit être un texte non vide`, hint: 'par exemple pk: pourquoi' }),
  stopwords_not_mapping: () => ({ message: 'stopwords doit être un dictionnaire avec add et remove', hint: 'par exemple stopwords: { add: [svp] }' }),
  lexicon_not_mapping: ({ found }) => ({ message: `un lexique doit être un dictionnaire (clé : valeur), pas ${foundFr(found)}`, hint: 'commencez le fichier par « version: 1 »' }),
  missing_version: () => ({ message: 'version absente', hint: 'ajoutez « version: 1 » en tête du fichier' }),
  unsupported_version: ({ found }) => ({ message: `version non prise en charge : ${foundFr(found)}`, hint: 'cette bibliothèque lit version: 1' }),
  lang_not_text: () => ({ message: 'lang doit être un texte', hint: 'par exemple lang: fr' }),
  entries_not_list: ({ found }) => ({ message: `entries doit être une liste, pas ${foundFr(found)}`, hint: 'écrivez entries:\n  - id: …' }),
  alias_bomb: ({ max }) => ({ message: `les alias YAML se déploient en trop de nœuds (plus de ${max} par alias)`, hint: 'écrivez les termes en entier au lieu de les répéter par des &ancres et des *alias imbriqués' }),
  duplicate_key: ({ format, key }) => ({ message: `erreur de syntaxe ${FORMAT_EN[format]} : ${g(key)} apparaît deux fois dans le même dictionnaire`, hint: 'un champ apparaît deux fois au même niveau : gardez-en un' }),
  syntax_error: ({ format, detail, advice }) => ({
    message: `erreur de syntaxe ${FORMAT_EN[format]} : ${advice === 'nesting' ? 'listes ou dictionnaires imbriqués trop profondément pour être lus' : (detail ?? '')}`,
    hint:
      advice === 'nesting'
        ? 'un lexique a besoin de peu de niveaux (les entrées, leurs champs, les listes de termes) : retirez les crochets en trop'
        : advice === 'duplicate'
          ? 'un champ apparaît deux fois au même niveau : gardez-en un'
          : advice === 'flowGap'
            ? 'dans une liste [ … ], mettez entre guillemets un terme qui contient un écart {m,n} ou une virgule, ou écrivez un « - terme » par ligne'
            : "vérifiez l'indentation, les guillemets et les crochets autour de cette position",
  }),
  foreign_dictionary: ({ kind, base, out }) => ({
    message: `ce fichier ressemble à ${DICTIONARY_FR[kind]}, pas à un lexique verbatim-fr ; convertissez-le avec \`verbatim lexicon import ${base} --from ${kind} --out ${out}\``,
    hint: `puis donnez ${out} à --lexicon (verbatim lexicon check ${out} le vérifie) ; l'import dit ce qu'il n'a pas pu convertir`,
  }),
  file_not_found: () => ({ message: 'fichier introuvable', hint: LEXICON_FILE_HINT_FR }),
  permission_denied: () => ({ message: 'permission refusée', hint: LEXICON_FILE_HINT_FR }),
  cannot_read_file: ({ detail }) => ({ message: `fichier illisible : ${detail}`, hint: LEXICON_FILE_HINT_FR }),
  empty_directory: () => ({ message: 'aucun fichier de lexique dans le dossier', hint: 'mettez-y des fichiers de lexique .yml, .yaml ou .json' }),
  unknown_dictionary_format: () => ({ message: 'impossible de reconnaître le format du dictionnaire', hint: 'précisez-le : --from quanteda, liwc ou csv' }),
  also_looks_like: ({ problem, other }) => {
    const inner = fr[problem.code](problem.params as never);
    return { message: inner.message, hint: `${inner.hint} ; le fichier ressemble à ${DICTIONARY_FR[other as keyof typeof DICTIONARY_FR] ?? other} : essayez --from ${other}` };
  },
  import_syntax_error: ({ detail }) => ({ message: `erreur de syntaxe YAML : ${detail}`, hint: "vérifiez l'indentation, les guillemets et les crochets autour de cette position" }),
  alias_not_followed: () => ({ message: 'alias YAML (*nom) : non suivi ; laissé de côté', hint: 'écrivez les mots en entier' }),
  value_not_word: ({ name }) => ({ message: `une valeur de ${g(name)} n'est pas un mot : laissée de côté`, hint: 'écrivez un mot ou un motif par ligne « - »' }),
  liwc_empty: () => ({ message: 'le fichier est vide', hint: 'un .dic LIWC commence par la liste de ses catégories entre deux lignes « % »' }),
  liwc_no_open: () => ({ message: 'un .dic LIWC commence par une ligne qui ne contient que « % »', hint: 'ouvrez la liste des catégories par « % », écrivez des lignes « numéro<TAB>nom », puis fermez-la par « % »' }),
  liwc_bad_category_line: ({ raw }) => ({ message: `la ligne de catégorie ${g(raw)} n'a pas la forme « numéro nom »`, hint: 'écrivez chaque catégorie avec son numéro, une tabulation et son nom (1<TAB>livraison) ; fermez la liste par « % »' }),
  liwc_category_twice: ({ number, line }) => ({ message: `le numéro de catégorie ${number} apparaît deux fois (la première à la ligne ${line})`, hint: 'donnez à chaque catégorie son propre numéro' }),
  liwc_not_closed: () => ({ message: "la liste des catégories ouverte ici n'est jamais fermée", hint: 'terminez la liste des catégories par une ligne qui ne contient que « % »' }),
  liwc_no_category: () => ({ message: 'la liste des catégories est vide', hint: 'écrivez les catégories en lignes « numéro<TAB>nom » entre les deux lignes « % »' }),
  liwc_unknown_category: ({ word, number }) => ({ message: `${g(word)} : la catégorie ${number} n'est pas dans la liste des catégories ; ignorée pour ce mot`, hint: `ajoutez « ${number}<TAB>nom » à la liste entre les lignes « % », ou corrigez le numéro` }),
  liwc_weighted: ({ word }) => ({ message: `${g(word)} est pondéré : les poids n'ont pas d'équivalent (une occurrence compte une fois) ; le poids est ignoré`, hint: 'si les poids comptent, scindez la catégorie par poids (une catégorie forte et une faible)' }),
  liwc_conditional: ({ word }) => ({
    message: `${g(word)} a une catégorie conditionnelle (formes « <mot> » ou « (catégorie) » de LIWC2007) : pas d'équivalent ; le mot ne garde que ses catégories simples`,
    hint: 'écrivez les expressions que la condition recouvre comme mots de la catégorie (kind of, like to)',
  }),
  liwc_word_without_category: ({ word }) => ({ message: `${g(word)} n'a pas de catégorie : laissé de côté`, hint: 'ajoutez les numéros de ses catégories après une tabulation' }),
  csv_column_ignored: ({ column }) => ({ message: `la colonne ${g(column)} n'est pas lue par l'import ; ignorée`, hint: 'colonnes connues : id, term, kind, theme, label' }),
  csv_extra_columns: ({ count }) => ({ message: `${count} colonnes : seules id, term, kind et theme sont lues ; les autres sont ignorées`, hint: "ajoutez une ligne d'en-tête (id;term;kind;theme;label) pour dire ce que contient chaque colonne" }),
  quanteda_not_mapping: () => ({ message: "un dictionnaire quanteda associe des clés à des listes de mots ; ce fichier n'en est pas un", hint: 'écrivez chaque catégorie sous la forme « clé: » suivie de ses mots (lignes « - mot »), ou de clés imbriquées' }),
  empty_key: () => ({ message: 'clé vide', hint: 'donnez un nom à la catégorie' }),
  no_keys: () => ({ message: "le dictionnaire n'a aucune clé", hint: 'écrivez chaque catégorie sous la forme « clé: » suivie de ses mots' }),
  csv_unclosed_quote: () => ({ message: "une cellule entre guillemets ouverte sur cette ligne n'est jamais fermée", hint: 'fermez le guillemet, ou doublez les guillemets dans la cellule ("")' }),
  csv_no_rows: ({ delimiter: d }) => ({ message: 'aucune ligne de terme', hint: `écrivez un terme par ligne : id${d}terme (${d}type${d}thème facultatifs)` }),
  csv_row_without: ({ missing, delimiter: d }) => ({ message: `ligne sans ${missing === 'id' ? 'identifiant' : 'terme'}`, hint: `écrivez id${d}terme sur chaque ligne${d === ',' ? ' (mettez entre guillemets un terme qui contient une virgule)' : ''}` }),
  csv_unknown_kind: ({ kind, guess, allowed }) => ({ message: `type inconnu ${g(kind)}`, hint: `${guess !== undefined ? `${didYouMeanFr(guess)} ` : ''}types possibles : ${allowed.join(', ')}` }),
  empty_value: () => ({ message: 'valeur vide', hint: 'retirez la valeur vide' }),
  regex_left_out: ({ text }) => ({
    message: `${g(text)} ressemble à une expression régulière (valuetype « regex » de quanteda) : les termes n'ont pas d'équivalent ; laissé de côté`,
    hint: 'écrivez-le en mots et en motifs (livr* pour ^livr), ou en alternatives a|b dans le fichier converti',
  }),
  term_syntax_left_out: ({ text }) => ({
    message: `${g(text)} contient des caractères qui ont un autre sens dans un terme verbatim-fr (| { } stem: lemma:) ; laissé de côté`,
    hint: 'ajoutez-le à la main dans le fichier converti, dans la syntaxe des termes (docs/lexicon-format.md § Terms)',
  }),
  question_mark_widened: ({ text, term }) => ({ message: `${g(text)} : ? (exactement un caractère) n'a pas d'équivalent ; élargi en * (des lettres quelconques) : ${g(term)}`, hint: 'vérifiez ce que le motif élargi attrape, ou énumérez les formes en alternatives (a|b)' }),
  glob_left_out: ({ glob, text, min }) => ({ message: `le motif ${g(glob)} de ${g(text)} a moins de ${min} lettres : trop large pour verbatim-fr ; laissé de côté`, hint: 'énumérez plutôt les mots qu’il recouvre' }),
  term_left_out: ({ problem }) => {
    const inner = fr[problem.code](problem.params as never);
    return { message: `${inner.message} ; laissé de côté`, hint: inner.hint };
  },
  category_not_id: ({ name, slug }) => ({ message: `la catégorie ${g(name)} n'est pas un identifiant : écrite ${g(slug)}`, hint: 'un identifiant s’écrit en lettres ascii minuscules, chiffres et _ ; le nom reste le libellé affiché dans les rapports' }),
  nested_too_deep: ({ names, depth, flattened: f }) => ({
    message: `${g(names)} est imbriqué sur ${depth} niveaux : ${
      f.into === 'conceptOf'
        ? `ramené à un concept de ${g(f.theme)}`
        : f.into === 'one'
          ? `ramené à ${aKindFr(f.kind)}`
          : f.into === 'ownTheme'
            ? 'devient un thème à part entière'
            : `ramené à ${aKindFr(f.kind ?? 'concept')} de ${g(f.theme)}`
    }`,
    hint: 'verbatim-fr a des thèmes et leurs concepts (deux niveaux) : les clés plus profondes sont aplaties',
  }),
  theme_with_theme_column: ({ id, theme }) => ({ message: `le thème ${g(id)} reçoit le thème ${g(theme)} : un thème n'a pas de thème ; ignoré`, hint: 'laissez la colonne theme vide sur les lignes de thème, ou donnez un autre type à la ligne' }),
  concept_without_theme_column: ({ id }) => ({ message: `le concept ${g(id)} n'a pas de thème`, hint: 'remplissez la colonne theme (un thème existant comme livraison, ou un thème défini dans le fichier), ou donnez --theme ID' }),
  concept_without_theme_key: ({ name }) => ({ message: `le concept ${g(name)} n'a pas de thème`, hint: 'donnez --theme ID (un thème existant comme livraison), ou placez la clé sous une clé de thème' }),
  kind_differs: ({ id, kind, firstKind, line }) => ({ message: `${g(id)} est ${aKindFr(kind)} ici mais ${aKindFr(firstKind)} à la ligne ${line} ; le premier est gardé`, hint: "donnez à toutes les lignes d'un identifiant le même type et le même thème" }),
  theme_differs: ({ id, theme, firstTheme, line }) => ({ message: `${g(id)} a le thème ${g(theme)} ici mais ${g(firstTheme)} à la ligne ${line} ; le premier est gardé`, hint: "donnez à toutes les lignes d'un identifiant le même type et le même thème" }),
  id_taken: ({ id, line, written }) => ({ message: `${g(id)} est déjà un identifiant de ce dictionnaire (ligne ${line}) : écrit ${g(written)}`, hint: "renommez l'une des deux catégories si elles diffèrent" }),
  added_to_default: ({ kind, id }) => ({ message: `${aKindFr(kind)} ${g(id)} existe dans les lexiques en dessous (celui par défaut) : les mots du dictionnaire lui sont ajoutés (addTerms)`, hint: 'renommez la catégorie pour la garder à part, ou importez avec --no-default-lexicon' }),
  kind_in_default: ({ id, below, kind, written }) => ({ message: `${g(id)} est ${aKindFr(below)} dans les lexiques en dessous (celui par défaut)  : la catégorie (${KIND_FR[kind] ?? kind}) est écrite ${g(written)}`, hint: 'renommez la catégorie si vous préférez un autre identifiant' }),
  nothing_to_match: ({ label }) => ({ message: `${g(label)} n'a aucun mot que verbatim-fr sache reconnaître : laissé de côté`, hint: 'voyez les avertissements ci-dessus pour ses mots, ou ajoutez des termes à la main dans le fichier converti' }),
  unknown_import_theme: ({ theme, option, guess, below }) => ({
    message: `thème inconnu ${g(theme)}${option ? ' (--theme)' : ''}`,
    hint: guess !== undefined ? didYouMeanFr(guess) : `utilisez un thème du fichier ou des lexiques en dessous${below.length > 0 ? ` (${below.slice(0, 8).join(', ')}${below.length > 8 ? '…' : ''})` : ''}`,
  }),
  duplicate_import_term: ({ term, label, line }) => ({ message: `terme en double ${g(term)} dans ${g(label)} (déjà à la ligne ${line}) : gardé une fois`, hint: 'retirez le mot répété' }),
};

const fr: LexiconCatalogue = /* @__PURE__ */ merge(frCore, frRest);

/** The catalogues, by language. */
export const LEXICON_ISSUE_MESSAGES: Readonly<Record<IssueLang, LexiconCatalogue>> = { en, fr };

/** A problem with its English message and hint, as the library reports it. */
export type LexiconProblem = LexiconIssueProblem & IssueText;

/** A problem of a term or a layer with its code, its parameters and its English words (only their catalogue: what a browser loads). */
export function coreProblem<C extends CoreCode>(code: C, params: LexiconIssueParams[C]): LexiconProblem {
  return { code, params, ...enCore[code](params) } as LexiconProblem;
}

/** A problem with its code, its parameters and its English words. */
export function lexiconProblem<C extends LexiconIssueCode>(code: C, params: LexiconIssueParams[C]): LexiconProblem {
  return { code, params, ...en[code](params) } as LexiconProblem;
}

/**
 * What a lexicon issue says in `lang` (default English): its message and
 * hint. An issue without code (made by hand) keeps its own words.
 */
export function describeLexiconIssue(issue: { code?: LexiconIssueCode; params?: unknown; message: string; hint: string }, lang: IssueLang = 'en'): IssueText {
  if (issue.code === undefined || !(issue.code in en)) return { message: issue.message, hint: issue.hint };
  const say = LEXICON_ISSUE_MESSAGES[lang][issue.code] as (p: unknown) => IssueText;
  return say(issue.params);
}
