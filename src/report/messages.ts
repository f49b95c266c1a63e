/**
 * The report's wording, one catalogue per language: labels and sentences the
 * core figures and several sections share, in every format. A section's own
 * wording lives with the section (`Section.messages`). Where the narrow
 * terminal table needs a shorter label than a page, both are here (`text`
 * for table and Markdown, `html` for the page).
 */
import { plural } from '../_utils/numbers.js';
import type { EntryKind, Tonality } from '../types.js';

/** Report languages: `fr` (default) and `en`. */
export type ReportLang = 'fr' | 'en';

/** The language of a `lang` option: English for `en…`, else French. */
export const reportLang = (lang: string | undefined): ReportLang => (lang?.toLowerCase().startsWith('en') ? 'en' : 'fr');

// Whether a count takes the plural, in each language (shared with the discovery and the evaluation).
export { plural };

export type Kinds<T> = Record<EntryKind, T>;

export interface Messages {
  /** Locale of numbers and dates on the HTML page. */
  locale: string;
  title: string;
  /** Separator after a label: " : " in French, ": " in English. */
  colon: string;
  yes: string;
  no: string;
  channel: string;
  verbatims: string;
  share: string;
  mean: string;
  score: string;
  term: string;
  type: string;
  /** Label of the all-channels view. */
  allChannels: string;
  /** Entry kinds (and item kinds of keyness) in running text. */
  kindName: Kinds<string> & { word: string; expression: string };
  /** Stages of the customer journey. */
  stages: { avant: string; pendant: string; apres: string; inconnu: string };
  /** The lexicons' coverage (`ChannelReport.coverage`), in every format. */
  coverage: {
    title: string;
    /** Column headers on the page and in Markdown, and their short forms for the terminal. */
    withConcept: string;
    dissatisfied: string;
    satisfied: string;
    residual: string;
    basis: string;
    short: { withConcept: string; dissatisfied: string; satisfied: string; residual: string; basis: string };
    bases: { score: string; tonality: string; mixed: string };
    /** How the figures read. */
    note: string;
    /** When the state predates the counts. */
    missing: string;
  };
  /** Terminal table and Markdown. */
  text: {
    /** "N lignes lues", agreeing with N (as the two below). */
    inputRows(n: number): string;
    analysed(n: number): string;
    rejected(n: number): string;
    period: string;
    masked: string;
    /** "N brand or agent messages set aside". */
    agentMessages: string;
    /** Word counts cut to a budget, with the most they fall short. */
    approximate: (maxUndercount: string) => string;
    /** More than `max` channels: all counted as one. */
    channelsMerged: (max: string) => string;
    byChannel: string;
    /** Column headers of the channel table (narrow in the terminal). */
    wordsPerVerbatim: string;
    conceptsPerVerbatim: string;
    withIrritant: string;
    withEnchantment: string;
    tonality: string;
    median: string;
    mixed: string;
    /** Titles of the ranked lists. */
    lists: Kinds<string>;
    topWords: string;
    topExpressions: string;
    rejects: string;
    reason: string;
    row: string;
    /** Footnote of the `†` that marks a channel of fewer than `min` verbatims (a low base) in the channel tables. */
    lowBaseNote(mark: string, min: string): string;
  };
  /** The HTML page. */
  html: {
    skipToContent: string;
    contents: string;
    footer: string;
    sections: { summary: string; channels: string; comparison: string; heatmap: string; examples: string };
    inputRows: string;
    analysed: string;
    rejected: string;
    channelCount: string;
    /** The page's lede: "N verbatims analysés", "N canaux", agreeing with N. */
    lede: { analysed(n: string, count: number): string; channels(n: string, count: number): string };
    period: string;
    periodValue(from: string, to: string): string;
    overallScore: string;
    maskedYes: string;
    maskedNo: string;
    approximate: (maxUndercount: string) => string;
    channelsMerged: (max: string) => string;
    rejectReasons: string;
    firstRejects: string;
    file: string;
    row: string;
    line: string;
    reason: string;
    hint: string;
    wordsPerVerbatim: string;
    conceptsPerVerbatim: string;
    median: string;
    withIrritant: string;
    withEnchantment: string;
    tonality: string;
    tonalities: { positif: string; negatif: string; neutre: string; mitige: string };
    exchanges: string;
    conversations(n: string, count: number): string;
    scoreValue: { nps(value: string): string; stars(value: string): string; mean(value: string): string; mixed: string };
    base(n: string): string;
    headline: { nps: string; satisfied: string; mean: string };
    chartData: string;
    shareOfVerbatims: string;
    theme: string;
    /** Headings of entry kinds (plural). */
    kinds: Kinds<string>;
    /** Tags of entry kinds (singular). */
    kindOne: Kinds<string>;
    verbatimCount(n: string, count: number): string;
    smallBases(min: string): string;
    /** Legend of the heat map's hatched cells: channels of fewer than `min` verbatims. */
    heatmapLowBase(min: string): string;
    /** A figure on fewer verbatims than `LOW_BASE`. */
    lowBase: string;
    exampleScore: string;
    noExamples: string;
    /** Heading of an entry's examples grouped by channel. */
    examplesByChannel: string;
    /** Explanations shown instead of a chart or table whose data is absent. */
    absent: { noVerbatims: string; noInsight: string; noThemes: string; noIrritants: string; noEntries: string };
    captions: {
      comparison(longest: string, words: string, richest: string, concepts: string): string;
      comparisonNote: string;
      heatmap(theme: string, share: string, cellTheme: string, cellChannel: string, cellShare: string): string;
      examplesNote: string;
      maskedExamples: string;
      heatmapLinks: string;
    };
    months: readonly string[];
    week(week: string, year: string): string;
  };
}

const fr: Messages = {
  locale: 'fr-FR',
  title: 'Rapport verbatim-fr',
  colon: ' : ',
  yes: 'oui',
  no: 'non',
  channel: 'Canal',
  verbatims: 'Verbatims',
  share: 'Part',
  mean: 'moy.',
  score: 'Score',
  term: 'Terme',
  type: 'Type',
  allChannels: 'Tous canaux',
  kindName: { theme: 'thème', concept: 'concept', irritant: 'irritant', enchantment: 'enchantement', intent: 'intention', word: 'mot', expression: 'expression' },
  stages: { avant: 'Avant l’achat', pendant: 'Pendant l’achat', apres: 'Après l’achat', inconnu: 'Étape inconnue' },
  coverage: {
    title: 'Couverture des lexiques',
    withConcept: 'Avec au moins un concept',
    dissatisfied: 'Insatisfaits expliqués par un irritant',
    satisfied: 'Satisfaits expliqués par un enchantement',
    residual: 'Insatisfaction résiduelle',
    basis: 'Lecture',
    short: { withConcept: 'Avec concept', dissatisfied: 'Insatisf. expliqués', satisfied: 'Satisf. expliqués', residual: 'Résiduel', basis: 'Lecture' },
    bases: { score: 'note', tonality: 'tonalité', mixed: 'mixte' },
    note:
      'Insatisfaits : verbatims du bas de l’échelle de note du canal (1–2 ★, NPS 0–6…) ou, sans note, de tonalité négative ; satisfaits : du haut de l’échelle (4–5 ★, NPS 9–10…) ou, sans note, de tonalité positive. Un verbatim est expliqué quand les lexiques y trouvent au moins un irritant (insatisfaits) ou un enchantement (satisfaits) ; entre parenthèses, expliqués / total. L’insatisfaction résiduelle compte les verbatims négatifs qu’aucun irritant n’explique.',
    missing: 'Parts expliquées absentes : le rapport vient d’un état enregistré avant leur comptage.',
  },
  text: {
    inputRows: (n) => (plural.fr(n) ? 'lignes lues' : 'ligne lue'),
    analysed: (n) => (plural.fr(n) ? 'analysées' : 'analysée'),
    rejected: (n) => (plural.fr(n) ? 'rejetées' : 'rejetée'),
    period: 'période',
    masked: 'données personnelles masquées',
    agentMessages: 'messages de la marque ou d\'un conseiller mis à part',
    approximate: (n) => `comptes de mots approchés (au plus ${n} de moins)`,
    channelsMerged: (n) => `plus de ${n} canaux : comptés comme un seul (--max-channels)`,
    byChannel: 'Par canal',
    wordsPerVerbatim: 'Mots/v.',
    conceptsPerVerbatim: 'Concepts/v.',
    withIrritant: '% irrit.',
    withEnchantment: '% enchant.',
    tonality: 'Tonalité +/-/=/~',
    median: 'médiane',
    mixed: 'mixte',
    lists: { theme: 'Thèmes', concept: 'Concepts', irritant: 'Irritants', enchantment: 'Enchantements', intent: 'Intentions' },
    topWords: 'Mots fréquents',
    topExpressions: 'Expressions fréquentes',
    rejects: 'Lignes rejetées',
    reason: 'Motif',
    row: 'ligne',
    lowBaseNote: (mark, min) => `${mark} Base faible : canal de moins de ${min} verbatims ; ses parts reposent sur trop peu de verbatims pour se comparer aux autres.`,
  },
  html: {
    skipToContent: 'Aller au contenu',
    contents: 'Sommaire',
    footer: 'Généré par verbatim-fr. Graphiques statiques (SVG) : la page ne charge aucune ressource externe.',
    sections: {
      summary: 'Synthèse',
      channels: 'Indicateurs par canal',
      comparison: 'Comparaison des canaux',
      heatmap: 'Thèmes par canal',
      examples: 'Verbatims d’exemple',
    },
    inputRows: 'Lignes lues',
    analysed: 'Verbatims analysés',
    rejected: 'Lignes rejetées',
    channelCount: 'Canaux',
    lede: {
      analysed: (n, count) => `${n} ${plural.fr(count) ? 'verbatims analysés' : 'verbatim analysé'}`,
      channels: (n, count) => `${n} ${plural.fr(count) ? 'canaux' : 'canal'}`,
    },
    period: 'Période',
    periodValue: (from, to) => `du ${from} au ${to}`,
    overallScore: 'Score global',
    maskedYes:
      'Les données personnelles (e-mails, téléphones, IBAN, n° de sécurité sociale, cartes, adresses, références, noms) sont masquées dans les verbatims cités, les mots et les identifiants.',
    maskedNo: 'Attention : les données personnelles ne sont pas masquées dans les verbatims cités. Ne diffusez pas ce rapport tel quel.',
    approximate: (n) =>
      `Les comptes de mots et d’expressions sont approchés : le vocabulaire gardé par canal est limité (--vocabulary) ; chaque compte est au plus ${n} en dessous du vrai.`,
    channelsMerged: (n) =>
      `Plus de ${n} canaux dans les données (une colonne de magasins, de conseillers ou d’identifiants ?) : ils sont comptés comme un seul. Relevez la limite (--max-channels) pour les voir séparément.`,
    rejectReasons: 'Motifs des lignes rejetées',
    firstRejects: 'Premières lignes rejetées',
    file: 'Fichier',
    row: 'Ligne de données',
    line: 'Ligne du fichier',
    reason: 'Motif',
    hint: 'Que faire',
    wordsPerVerbatim: 'Mots par verbatim',
    conceptsPerVerbatim: 'Concepts par verbatim',
    median: 'méd.',
    withIrritant: '% avec irritant',
    withEnchantment: '% avec enchantement',
    tonality: 'Tonalité',
    tonalities: { positif: 'positif', negatif: 'négatif', neutre: 'neutre', mitige: 'mitigé' },
    exchanges: 'Échanges par conversation',
    conversations: (n, count) => `${n} conversation${count > 1 ? 's' : ''}`,
    scoreValue: { nps: (v) => `NPS ${v}`, stars: (v) => `${v}/5`, mean: (v) => `moy. ${v}`, mixed: 'échelles mixtes' },
    base: (n) => `n = ${n}`,
    headline: { nps: 'le NPS', satisfied: 'le % de satisfaits', mean: 'la note moyenne' },
    chartData: 'Données du graphique',
    shareOfVerbatims: 'Part des verbatims',
    theme: 'Thème',
    kinds: { theme: 'Thèmes', concept: 'Concepts', irritant: 'Irritants', enchantment: 'Enchantements', intent: 'Intentions' },
    kindOne: { theme: 'thème', concept: 'concept', irritant: 'irritant', enchantment: 'enchantement', intent: 'intention' },
    verbatimCount: (n, count) => `${n} verbatim${count > 1 ? 's' : ''}`,
    smallBases: (min) => `Les parts des canaux de moins de ${min} verbatims sont à lire avec prudence.`,
    heatmapLowBase: (min) => `Hachuré : base faible, canal de moins de ${min} verbatims (son n suit son nom)`,
    lowBase: 'base faible',
    exampleScore: 'note',
    noExamples: 'Aucun verbatim d’exemple conservé.',
    examplesByChannel: 'Par canal',
    absent: {
      noVerbatims: 'Aucun verbatim n’a été analysé : il n’y a rien à représenter.',
      noInsight:
        'Les analyses complémentaires (impact sur le score, évolution, spécificités) ne figurent pas dans ce rapport : elles n’ont pas été calculées.',
      noThemes: 'Aucun thème détecté dans les verbatims analysés.',
      noIrritants: 'Aucun irritant détecté dans les verbatims analysés.',
      noEntries: 'Aucun élément détecté.',
    },
    captions: {
      comparison: (l, w, r, c) =>
        `Les verbatims les plus longs viennent du canal ${l} (${w} mots en moyenne) ; les plus riches en concepts du canal ${r} (${c} concepts en moyenne).`,
      comparisonNote: 'Moyennes par verbatim ; l’effectif de chaque canal est entre parenthèses. Les valeurs exactes figurent dans le tableau par canal.',
      heatmap: (t, s, ct, cc, cs) =>
        `Thème le plus cité tous canaux confondus : ${t} (${s} des verbatims). Plus forte concentration : ${ct} sur le canal ${cc} (${cs}).`,
      examplesNote: 'Ouvrez un élément (Entrée ou Espace) pour lire les verbatims qui le citent ; les mots reconnus sont surlignés.',
      maskedExamples: 'Données personnelles masquées.',
      heatmapLinks: 'Chaque case mène aux verbatims du thème sur ce canal.',
    },
    months: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    week: (w, y) => `S${w} ${y}`,
  },
};

const en: Messages = {
  locale: 'en-GB',
  title: 'verbatim-fr report',
  colon: ': ',
  yes: 'yes',
  no: 'no',
  channel: 'Channel',
  verbatims: 'Verbatims',
  share: 'Share',
  mean: 'mean',
  score: 'Score',
  term: 'Term',
  type: 'Type',
  allChannels: 'All channels',
  kindName: { theme: 'theme', concept: 'concept', irritant: 'irritant', enchantment: 'enchantment', intent: 'intent', word: 'word', expression: 'expression' },
  stages: { avant: 'Before purchase', pendant: 'During purchase', apres: 'After purchase', inconnu: 'Unknown stage' },
  coverage: {
    title: 'Lexicon coverage',
    withConcept: 'With at least one concept',
    dissatisfied: 'Dissatisfied explained by an irritant',
    satisfied: 'Satisfied explained by an enchantment',
    residual: 'Residual dissatisfaction',
    basis: 'Read from',
    short: { withConcept: 'With concept', dissatisfied: 'Dissat. explained', satisfied: 'Satisf. explained', residual: 'Residual', basis: 'Read from' },
    bases: { score: 'score', tonality: 'tone', mixed: 'mixed' },
    note:
      'Dissatisfied: verbatims at the bottom of the channel’s score scale (1–2 ★, NPS 0–6…) or, without a score, of negative tone; satisfied: at the top of the scale (4–5 ★, NPS 9–10…) or, without a score, of positive tone. A verbatim is explained when the lexicons find at least one irritant (dissatisfied) or enchantment (satisfied) in it; in brackets, explained / total. Residual dissatisfaction counts the negative verbatims no irritant explains.',
    missing: 'Explained shares missing: the report comes from a state saved before they were counted.',
  },
  text: {
    inputRows: (n) => (plural.en(n) ? 'input rows' : 'input row'),
    analysed: () => 'analysed',
    rejected: () => 'rejected',
    period: 'period',
    masked: 'personal data masked',
    agentMessages: 'brand or agent messages set aside',
    approximate: (n) => `approximate word counts (at most ${n} short)`,
    channelsMerged: (n) => `more than ${n} channels: counted as one (--max-channels)`,
    byChannel: 'By channel',
    wordsPerVerbatim: 'Words/v.',
    conceptsPerVerbatim: 'Concepts/v.',
    withIrritant: '% irrit.',
    withEnchantment: '% enchant.',
    tonality: 'Tone +/-/=/~',
    median: 'median',
    mixed: 'mixed',
    lists: { theme: 'Themes', concept: 'Concepts', irritant: 'Irritants', enchantment: 'Enchantments', intent: 'Intents' },
    topWords: 'Top words',
    topExpressions: 'Top expressions',
    rejects: 'Rejected rows',
    reason: 'Reason',
    row: 'row',
    lowBaseNote: (mark, min) => `${mark} Low base: a channel with fewer than ${min} verbatims; its shares rest on too few verbatims to compare with the others.`,
  },
  html: {
    skipToContent: 'Skip to content',
    contents: 'Contents',
    footer: 'Generated by verbatim-fr. Static charts (SVG): the page loads no external resource.',
    sections: {
      summary: 'Summary',
      channels: 'Figures by channel',
      comparison: 'Channel comparison',
      heatmap: 'Themes by channel',
      examples: 'Example verbatims',
    },
    inputRows: 'Input rows',
    analysed: 'Verbatims analysed',
    rejected: 'Rows rejected',
    channelCount: 'Channels',
    lede: {
      analysed: (n, count) => `${n} ${plural.en(count) ? 'verbatims analysed' : 'verbatim analysed'}`,
      channels: (n, count) => `${n} ${plural.en(count) ? 'channels' : 'channel'}`,
    },
    period: 'Period',
    periodValue: (from, to) => `${from} to ${to}`,
    overallScore: 'Overall score',
    maskedYes:
      'Personal data (emails, phones, IBANs, social security and card numbers, addresses, references, names) is masked in quoted verbatims, words and ids.',
    maskedNo: 'Warning: personal data is not masked in quoted verbatims. Do not share this report as is.',
    approximate: (n) => `Word and expression counts are approximate: the vocabulary kept per channel is limited (--vocabulary); each count falls short of the truth by at most ${n}.`,
    channelsMerged: (n) =>
      `There are more than ${n} channels in the data (a column of stores, agents or ids?): they are counted as one. Raise the limit (--max-channels) to see them apart.`,
    rejectReasons: 'Why rows were rejected',
    firstRejects: 'First rejected rows',
    file: 'File',
    row: 'Data row',
    line: 'File line',
    reason: 'Reason',
    hint: 'What to do',
    wordsPerVerbatim: 'Words per verbatim',
    conceptsPerVerbatim: 'Concepts per verbatim',
    median: 'med.',
    withIrritant: '% with irritant',
    withEnchantment: '% with enchantment',
    tonality: 'Tone',
    tonalities: { positif: 'positive', negatif: 'negative', neutre: 'neutral', mitige: 'mixed' },
    exchanges: 'Exchanges per conversation',
    conversations: (n, count) => `${n} conversation${count === 1 ? '' : 's'}`,
    scoreValue: { nps: (v) => `NPS ${v}`, stars: (v) => `${v}/5`, mean: (v) => `mean ${v}`, mixed: 'mixed scales' },
    base: (n) => `n = ${n}`,
    headline: { nps: 'NPS', satisfied: '% satisfied', mean: 'mean score' },
    chartData: 'Chart data',
    shareOfVerbatims: 'Share of verbatims',
    theme: 'Theme',
    kinds: { theme: 'Themes', concept: 'Concepts', irritant: 'Irritants', enchantment: 'Enchantments', intent: 'Intents' },
    kindOne: { theme: 'theme', concept: 'concept', irritant: 'irritant', enchantment: 'enchantment', intent: 'intent' },
    verbatimCount: (n, count) => `${n} verbatim${count === 1 ? '' : 's'}`,
    smallBases: (min) => `Shares of channels with fewer than ${min} verbatims are to be read with care.`,
    heatmapLowBase: (min) => `Hatched: low base, a channel with fewer than ${min} verbatims (its n follows its name)`,
    lowBase: 'low base',
    exampleScore: 'score',
    noExamples: 'No example verbatim kept.',
    examplesByChannel: 'By channel',
    absent: {
      noVerbatims: 'No verbatim was analysed: there is nothing to chart.',
      noInsight: 'The extra analyses (score impact, trends, channel keyness) are not part of this report: they were not computed.',
      noThemes: 'No theme found in the analysed verbatims.',
      noIrritants: 'No irritant found in the analysed verbatims.',
      noEntries: 'Nothing found.',
    },
    captions: {
      comparison: (l, w, r, c) => `Longest verbatims: ${l} (${w} words on average); richest in concepts: ${r} (${c} concepts on average).`,
      comparisonNote: 'Means per verbatim; each channel’s base is in brackets. Exact values are in the table by channel.',
      heatmap: (t, s, ct, cc, cs) => `Most cited theme across channels: ${t} (${s} of verbatims). Highest concentration: ${ct} in ${cc} (${cs}).`,
      examplesNote: 'Open an item (Enter or Space) to read the verbatims that cite it; matched words are highlighted.',
      maskedExamples: 'Personal data masked.',
      heatmapLinks: 'Each cell leads to the theme’s verbatims in that channel.',
    },
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    week: (w, y) => `W${w} ${y}`,
  },
};

const CATALOGUES: Record<ReportLang, Messages> = { fr, en };

/** The catalogue of a language (French unless `en…`). */
export function messagesFor(lang: string | undefined): Messages {
  return CATALOGUES[reportLang(lang)];
}
