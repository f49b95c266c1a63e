/** Labels and number formats of the HTML report, in French (default) or English. */

export interface HtmlWording {
  locale: string;
  title: string;
  skipToContent: string;
  contents: string;
  /** Section headings. */
  sections: {
    summary: string;
    channels: string;
    comparison: string;
    heatmap: string;
    irritants: string;
    trends: string;
    keyness: string;
    journey: string;
    examples: string;
  };
  inputRows: string;
  analysed: string;
  rejected: string;
  channelCount: string;
  period: string;
  periodValue(from: string, to: string): string;
  overallScore: string;
  maskedYes: string;
  maskedNo: string;
  approximate: string;
  rejectReasons: string;
  firstRejects: string;
  file: string;
  row: string;
  line: string;
  reason: string;
  hint: string;
  channel: string;
  allChannels: string;
  verbatims: string;
  wordsPerVerbatim: string;
  conceptsPerVerbatim: string;
  mean: string;
  median: string;
  withIrritant: string;
  withEnchantment: string;
  tonality: string;
  tonalities: { positif: string; negatif: string; neutre: string; mitige: string };
  score: string;
  exchanges: string;
  conversations(n: string, count: number): string;
  scoreValue: { nps(value: string): string; stars(value: string): string; mean(value: string): string; mixed: string };
  base(n: string): string;
  chartData: string;
  share: string;
  shareOfVerbatims: string;
  theme: string;
  irritant: string;
  impact(headline: string): string;
  meanGap: string;
  amongDetractors: string;
  lowBase: string;
  headline: { nps: string; satisfied: string; mean: string };
  seeExamples: string;
  over: string;
  under: string;
  words: string;
  expressions: string;
  concepts: string;
  term: string;
  inChannel: string;
  inOthers: string;
  perThousand: string;
  perHundred: string;
  g2: string;
  risers: string;
  fallers: string;
  change: string;
  kinds: { theme: string; concept: string; irritant: string; enchantment: string; intent: string };
  kindOne: { theme: string; concept: string; irritant: string; enchantment: string; intent: string };
  verbatimCount(n: string, count: number): string;
  lowBaseNote: string;
  smallBases(min: string): string;
  mixedScales: string;
  scoredChannels: (channels: string[], scored: number) => string;
  stages: { avant: string; pendant: string; apres: string; inconnu: string };
  enchantment: string;
  mentions: string;
  exampleMeta: { score: string };
  noExamples: string;
  /** Explanations shown instead of a chart or table whose data is absent. */
  absent: {
    noVerbatims: string;
    noInsight: string;
    noScores: string;
    noScoreInsight: string;
    noDates: string;
    onePeriod(period: string): string;
    oneChannel: string;
    noKeyItems(maxP: string): string;
    noThemes: string;
    noIrritants: string;
    noEntries: string;
    noJourney: string;
  };
  captions: {
    comparison(longest: string, words: string, richest: string, concepts: string): string;
    comparisonNote: string;
    heatmap(theme: string, share: string, cellTheme: string, cellChannel: string, cellShare: string): string;
    irritants(top: string, share: string): string;
    irritantImpact(worst: string, impact: string, headline: string): string;
    impactNote(headline: string): string;
    trends(kind: string, periods: string): string;
    trendsNote: string;
    keynessNote(maxP: string): string;
    journey(apres: string): string;
    examplesNote: string;
    maskedExamples: string;
  };
  trendThemes: string;
  trendIrritants: string;
  periodAxis: string;
  months: readonly string[];
  week(week: string, year: string): string;
}

const fr: HtmlWording = {
  locale: 'fr-FR',
  title: 'Rapport verbatim-fr',
  skipToContent: 'Aller au contenu',
  contents: 'Sommaire',
  sections: {
    summary: 'Synthèse',
    channels: 'Indicateurs par canal',
    comparison: 'Comparaison des canaux',
    heatmap: 'Thèmes par canal',
    irritants: 'Irritants et impact sur le score',
    trends: 'Évolution dans le temps',
    keyness: 'Spécificités de chaque canal',
    journey: 'Parcours client',
    examples: 'Verbatims d’exemple',
  },
  inputRows: 'Lignes lues',
  analysed: 'Verbatims analysés',
  rejected: 'Lignes ignorées',
  channelCount: 'Canaux',
  period: 'Période',
  periodValue: (from, to) => `du ${from} au ${to}`,
  overallScore: 'Score global',
  maskedYes:
    'Les données personnelles (e-mails, téléphones, IBAN, n° de sécurité sociale, cartes, adresses, références, noms) sont masquées dans les verbatims cités, les mots et les identifiants.',
  maskedNo: 'Attention : les données personnelles ne sont pas masquées dans les verbatims cités. Ne diffusez pas ce rapport tel quel.',
  approximate: 'Les comptes de mots sont approximatifs (vocabulaire élagué par maxVocabulary).',
  rejectReasons: 'Motifs des lignes ignorées',
  firstRejects: 'Premières lignes ignorées',
  file: 'Fichier',
  row: 'Ligne de données',
  line: 'Ligne du fichier',
  reason: 'Motif',
  hint: 'Que faire',
  channel: 'Canal',
  allChannels: 'Tous canaux',
  verbatims: 'Verbatims',
  wordsPerVerbatim: 'Mots par verbatim',
  conceptsPerVerbatim: 'Concepts par verbatim',
  mean: 'moy.',
  median: 'méd.',
  withIrritant: '% avec irritant',
  withEnchantment: '% avec enchantement',
  tonality: 'Tonalité',
  tonalities: { positif: 'positif', negatif: 'négatif', neutre: 'neutre', mitige: 'mitigé' },
  score: 'Score',
  exchanges: 'Échanges par conversation',
  conversations: (n, count) => `${n} conversation${count > 1 ? 's' : ''}`,
  scoreValue: { nps: (v) => `NPS ${v}`, stars: (v) => `${v}/5`, mean: (v) => `moy. ${v}`, mixed: 'échelles mixtes' },
  base: (n) => `n = ${n}`,
  chartData: 'Données du graphique',
  share: 'Part',
  shareOfVerbatims: 'Part des verbatims',
  theme: 'Thème',
  irritant: 'Irritant',
  impact: (h) => `Impact sur ${h} (points)`,
  meanGap: 'Écart de note moyenne',
  amongDetractors: '% des détracteurs qui le citent',
  lowBase: 'base faible',
  headline: { nps: 'le NPS', satisfied: 'le % de satisfaits', mean: 'la note moyenne' },
  seeExamples: 'voir les verbatims',
  over: 'Sur-représentés',
  under: 'Sous-représentés',
  words: 'Mots',
  expressions: 'Expressions',
  concepts: 'Concepts',
  term: 'Terme',
  inChannel: 'Ce canal',
  inOthers: 'Autres canaux',
  perThousand: '‰ mots',
  perHundred: '% verbatims',
  g2: 'G²',
  risers: 'En hausse',
  fallers: 'En baisse',
  change: 'Évolution (points)',
  kinds: { theme: 'Thèmes', concept: 'Concepts', irritant: 'Irritants', enchantment: 'Enchantements', intent: 'Intentions' },
  kindOne: { theme: 'thème', concept: 'concept', irritant: 'irritant', enchantment: 'enchantement', intent: 'intention' },
  verbatimCount: (n, count) => `${n} verbatim${count > 1 ? 's' : ''}`,
  lowBaseNote: 'Base faible : trop peu de verbatims notés pour un impact fiable ; leur impact est tracé en clair.',
  smallBases: (min) => `Les parts des canaux de moins de ${min} verbatims sont à lire avec prudence.`,
  scoredChannels: (channels, scored) =>
    `Impacts calculés sur les ${scored} verbatims notés des canaux qui partagent l’échelle la plus utilisée (${channels.join(', ')}) : les autres canaux notent sur une autre échelle, que l’on ne mélange pas.`,
  mixedScales:
    'Attention : les canaux notent sur des échelles différentes (étoiles, NPS…). Les impacts ci-dessous lisent toutes les notes sur une seule échelle ; comparez-les entre eux plutôt qu’en valeur absolue.',
  stages: { avant: 'Avant l’achat', pendant: 'Pendant l’achat', apres: 'Après l’achat', inconnu: 'Étape inconnue' },
  enchantment: 'Enchantement',
  mentions: 'Mentions',
  exampleMeta: { score: 'note' },
  noExamples: 'Aucun verbatim d’exemple conservé.',
  absent: {
    noVerbatims: 'Aucun verbatim n’a été analysé : il n’y a rien à représenter.',
    noInsight:
      'Les analyses complémentaires (impact sur le score, évolution, spécificités) ne figurent pas dans ce rapport : elles n’ont pas été calculées.',
    noScores: 'Aucune note exploitable dans les données : l’impact des irritants sur le score ne peut pas être calculé.',
    noScoreInsight: 'L’analyse des scores ne figure pas dans ce rapport : le classement ci-dessous suit la fréquence des irritants.',
    noDates: 'Aucune date exploitable dans les données : l’évolution dans le temps ne peut pas être tracée.',
    onePeriod: (p) => `Toutes les dates tombent dans la même période (${p}) : il faut au moins deux périodes pour tracer une évolution.`,
    oneChannel: 'Un seul canal dans les données : les spécificités se mesurent en comparant les canaux entre eux.',
    noKeyItems: (p) => `Aucun mot ni concept ne distingue significativement un canal des autres (p < ${p}).`,
    noThemes: 'Aucun thème détecté dans les verbatims analysés.',
    noIrritants: 'Aucun irritant détecté dans les verbatims analysés.',
    noEntries: 'Aucun élément détecté.',
    noJourney: 'Aucun irritant ni enchantement rattaché à une étape du parcours.',
  },
  captions: {
    comparison: (l, w, r, c) =>
      `Les verbatims les plus longs viennent du canal ${l} (${w} mots en moyenne) ; les plus riches en concepts du canal ${r} (${c} concepts en moyenne).`,
    comparisonNote: 'Moyennes par verbatim ; l’effectif de chaque canal est entre parenthèses. Les valeurs exactes figurent dans le tableau par canal.',
    heatmap: (t, s, ct, cc, cs) =>
      `Thème le plus cité tous canaux confondus : ${t} (${s} des verbatims). Plus forte concentration : ${ct} sur le canal ${cc} (${cs}).`,
    irritants: (t, s) => `Irritant le plus cité : ${t} (${s} des verbatims).`,
    irritantImpact: (w, i, h) => `Le plus pénalisant pour ${h} : ${w} (${i} points).`,
    impactNote: (h) =>
      `Impact : ${h} de l’ensemble moins ${h} des verbatims qui ne citent pas l’irritant. Un impact négatif signifie que l’irritant fait baisser ${h}.`,
    trends: (k, p) => `${k} les plus cités, part des verbatims par période (${p}).`,
    trendsNote: 'Les cinq éléments les plus fréquents sur toute la période sont tracés.',
    keynessNote: (p) =>
      `Un terme est sur-représenté quand il est nettement plus fréquent dans ce canal que dans les autres (log-vraisemblance G², p < ${p}). Fréquences pour mille mots (mots) ou pour cent verbatims (concepts).`,
    journey: (a) => `${a} des irritants cités portent sur l’après-achat.`,
    examplesNote: 'Ouvrez un élément (Entrée ou Espace) pour lire les verbatims qui le citent ; les mots reconnus sont surlignés.',
    maskedExamples: 'Données personnelles masquées.',
  },
  trendThemes: 'Thèmes',
  trendIrritants: 'Irritants',
  periodAxis: 'Période',
  months: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  week: (w, y) => `S${w} ${y}`,
};

const en: HtmlWording = {
  ...fr,
  locale: 'en-GB',
  title: 'verbatim-fr report',
  skipToContent: 'Skip to content',
  contents: 'Contents',
  sections: {
    summary: 'Summary',
    channels: 'Figures by channel',
    comparison: 'Channel comparison',
    heatmap: 'Themes by channel',
    irritants: 'Irritants and score impact',
    trends: 'Trends over time',
    keyness: 'What sets each channel apart',
    journey: 'Customer journey',
    examples: 'Example verbatims',
  },
  inputRows: 'Input rows',
  analysed: 'Verbatims analysed',
  rejected: 'Rows skipped',
  channelCount: 'Channels',
  period: 'Period',
  periodValue: (from, to) => `${from} to ${to}`,
  overallScore: 'Overall score',
  maskedYes: 'Personal data (emails, phones, IBANs, social security and card numbers, addresses, references, names) is masked in quoted verbatims, words and ids.',
  maskedNo: 'Warning: personal data is not masked in quoted verbatims. Do not share this report as is.',
  approximate: 'Word counts are approximate (vocabulary pruned by maxVocabulary).',
  rejectReasons: 'Why rows were skipped',
  firstRejects: 'First skipped rows',
  file: 'File',
  row: 'Data row',
  line: 'File line',
  reason: 'Reason',
  hint: 'What to do',
  channel: 'Channel',
  allChannels: 'All channels',
  wordsPerVerbatim: 'Words per verbatim',
  conceptsPerVerbatim: 'Concepts per verbatim',
  mean: 'mean',
  median: 'med.',
  withIrritant: '% with irritant',
  withEnchantment: '% with delight',
  tonality: 'Tone',
  tonalities: { positif: 'positive', negatif: 'negative', neutre: 'neutral', mitige: 'mixed' },
  exchanges: 'Exchanges per conversation',
  conversations: (n, count) => `${n} conversation${count === 1 ? '' : 's'}`,
  scoreValue: { nps: (v) => `NPS ${v}`, stars: (v) => `${v}/5`, mean: (v) => `mean ${v}`, mixed: 'mixed scales' },
  chartData: 'Chart data',
  share: 'Share',
  shareOfVerbatims: 'Share of verbatims',
  theme: 'Theme',
  impact: (h) => `Impact on ${h} (points)`,
  meanGap: 'Mean score gap',
  amongDetractors: '% of detractors citing it',
  lowBase: 'low base',
  headline: { nps: 'NPS', satisfied: '% satisfied', mean: 'mean score' },
  seeExamples: 'see verbatims',
  over: 'Over-represented',
  under: 'Under-represented',
  words: 'Words',
  expressions: 'Expressions',
  term: 'Term',
  inChannel: 'This channel',
  inOthers: 'Other channels',
  perThousand: '‰ words',
  perHundred: '% verbatims',
  risers: 'Rising',
  fallers: 'Falling',
  change: 'Change (points)',
  kinds: { theme: 'Themes', concept: 'Concepts', irritant: 'Irritants', enchantment: 'Delights', intent: 'Intents' },
  kindOne: { theme: 'theme', concept: 'concept', irritant: 'irritant', enchantment: 'delight', intent: 'intent' },
  verbatimCount: (n, count) => `${n} verbatim${count === 1 ? '' : 's'}`,
  lowBaseNote: 'Low base: too few scored verbatims for a reliable impact; their impact is drawn pale.',
  smallBases: (min) => `Shares of channels with fewer than ${min} verbatims are to be read with care.`,
  scoredChannels: (channels, scored) =>
    `Impacts computed on the ${scored} scored verbatims of the channels sharing the most used scale (${channels.join(', ')}): other channels score on another scale, which is not mixed in.`,
  mixedScales:
    'Warning: channels score on different scales (stars, NPS…). The impacts below read all scores on one scale; compare them with each other rather than as absolute values.',
  stages: { avant: 'Before purchase', pendant: 'During purchase', apres: 'After purchase', inconnu: 'Unknown stage' },
  enchantment: 'Delight',
  exampleMeta: { score: 'score' },
  noExamples: 'No example verbatim kept.',
  absent: {
    noVerbatims: 'No verbatim was analysed: there is nothing to chart.',
    noInsight: 'The extra analyses (score impact, trends, channel keyness) are not part of this report: they were not computed.',
    noScores: 'No usable score in the data: the impact of irritants on the score cannot be computed.',
    noScoreInsight: 'The score analysis is not part of this report: irritants below are ranked by frequency.',
    noDates: 'No usable date in the data: trends over time cannot be drawn.',
    onePeriod: (p) => `All dates fall in the same period (${p}): at least two periods are needed to draw a trend.`,
    oneChannel: 'Only one channel in the data: keyness compares channels with each other.',
    noKeyItems: (p) => `No word or concept sets a channel significantly apart (p < ${p}).`,
    noThemes: 'No theme found in the analysed verbatims.',
    noIrritants: 'No irritant found in the analysed verbatims.',
    noEntries: 'Nothing found.',
    noJourney: 'No irritant or delight attached to a journey stage.',
  },
  captions: {
    comparison: (l, w, r, c) => `Longest verbatims: ${l} (${w} words on average); richest in concepts: ${r} (${c} concepts on average).`,
    comparisonNote: 'Means per verbatim; each channel’s base is in brackets. Exact values are in the table by channel.',
    heatmap: (t, s, ct, cc, cs) => `Most cited theme across channels: ${t} (${s} of verbatims). Highest concentration: ${ct} in ${cc} (${cs}).`,
    irritants: (t, s) => `Most cited irritant: ${t} (${s} of verbatims).`,
    irritantImpact: (w, i, h) => `Most harmful to ${h}: ${w} (${i} points).`,
    impactNote: (h) => `Impact: ${h} of all verbatims minus ${h} of those not citing the irritant. A negative impact means the irritant pulls ${h} down.`,
    trends: (k, p) => `Most cited ${k.toLowerCase()}, share of verbatims per period (${p}).`,
    trendsNote: 'The five most frequent items over the whole period are drawn.',
    keynessNote: (p) =>
      `A term is over-represented when it is clearly more frequent in this channel than in the others (log-likelihood G², p < ${p}). Rates per thousand words (words) or per hundred verbatims (concepts).`,
    journey: (a) => `${a} of irritant mentions are about after the purchase.`,
    examplesNote: 'Open an item (Enter or Space) to read the verbatims that cite it; matched words are highlighted.',
    maskedExamples: 'Personal data masked.',
  },
  trendThemes: 'Themes',
  trendIrritants: 'Irritants',
  periodAxis: 'Period',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  week: (w, y) => `W${w} ${y}`,
};

export function htmlWordingFor(lang: string): HtmlWording {
  return lang.toLowerCase().startsWith('en') ? en : fr;
}

/** Number formatters bound to the wording's locale. */
export interface NumberFormats {
  /** Fixed decimals (`1 234,5`). */
  num(value: number | null | undefined, decimals?: number): string;
  /** A 0–1 share as a percentage (`27 %`). */
  pct(share: number | null | undefined, decimals?: number): string;
  /** Points already in 0–100 as a percentage. */
  pctPoints(value: number | null | undefined, decimals?: number): string;
  /** Signed with a true minus sign (`−3,2`, `+1,0`). */
  signed(value: number | null | undefined, decimals?: number): string;
  /** ISO date `YYYY-MM-DD` as `3 janv. 2025`. */
  date(iso: string): string;
  /** Trend period `YYYY-MM` or `YYYY-Www` as `janv. 2025` / `S03 2025`. */
  period(key: string): string;
}

export function numberFormats(w: HtmlWording): NumberFormats {
  const cache = new Map<number, Intl.NumberFormat>();
  const fmt = (decimals: number): Intl.NumberFormat => {
    let f = cache.get(decimals);
    if (f === undefined) {
      f = new Intl.NumberFormat(w.locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      cache.set(decimals, f);
    }
    return f;
  };
  const dash = '—';
  const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
  const percentSign = w.locale.startsWith('fr') ? '\u202f%' : '%';
  const num = (v: number | null | undefined, d = 1): string => (ok(v) ? fmt(d).format(v).replace('-', '−') : dash);
  return {
    num,
    // Below 1 % a rounded 0 would read as "none": one decimal then, unless decimals are given.
    pct: (v, d) => (ok(v) ? `${num(v * 100, d ?? (v !== 0 && Math.abs(v) < 0.01 ? 1 : 0))}${percentSign}` : dash),
    pctPoints: (v, d) => (ok(v) ? `${num(v, d ?? (v !== 0 && Math.abs(v) < 1 ? 1 : 0))}${percentSign}` : dash),
    signed: (v, d = 1) => (ok(v) ? `${v > 0 ? '+' : ''}${num(v, d)}` : dash),
    date(iso) {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
      const month = m ? w.months[Number(m[2]) - 1] : undefined;
      return m && month !== undefined ? `${Number(m[3])} ${month} ${m[1]}` : iso;
    },
    period(key) {
      const month = /^(\d{4})-(\d{2})$/.exec(key);
      const name = month ? w.months[Number(month[2]) - 1] : undefined;
      if (month && name !== undefined) return `${name} ${month[1]}`;
      const week = /^(\d{4})-W(\d{2})$/.exec(key);
      if (week) return w.week(week[2] as string, week[1] as string);
      return key;
    },
  };
}
