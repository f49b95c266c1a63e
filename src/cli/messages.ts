// What the CLI says, one catalogue per language: errors and their hints,
// warnings, the lines on stderr. Both catalogues have the type
// `CliMessages`: a key missing in one of them fails the type check. The help
// texts are in help.ts; the report has its own catalogue (src/report).
import type { ColumnsUsed } from '../io/index.js';
import { descriptionText } from '../io/input-words.js';
import type { QueueStatus } from '../queue/status.js';

/** Languages of the CLI's messages and of its reports. */
export type CliLang = 'fr' | 'en';

/** An output that can be written to a file, for the line that says where it went. */
export type WrittenKind = 'report' | 'state' | 'annotations' | 'rejects' | 'dfm' | 'spans' | 'iramuteq' | 'topics' | 'draft' | 'evaluation' | 'kwic' | 'lexicon';

/** Who uses standard output, in a refusal of two streams on it. */
export interface StdoutUser {
  option: string;
  /** The report itself, on stdout because its option is not given. */
  report: boolean;
}

export interface CliMessages {
  lang: CliLang;
  /** Separator after a label: " : " in French, ": " in English. */
  colon: string;
  /** The word before a hint on its own line ("    hint: …"). */
  hint: string;
  /** Whether a count takes the plural. */
  plural(n: number): boolean;
  /** A size in bytes: "42 Ko", "1,5 Mo" / "42 KB". */
  size(bytes: number): string;
  /** Title of the examples at the end of `verbatim --help`. */
  examples: string;
  /** A bad command line (exit 2). */
  usage: {
    wholeNumber(flag: string, value: string): string;
    wholeNumberFromOne(flag: string, value?: string): string;
    sizeFromOne(flag: string): string;
    recordSizeRange(): string;
    durationFrom100(flag: string): string;
    unknownSector(name: string, known: string[]): string;
    givenTwice(flag: string, first: string, second: string): string;
    noInput(command: string): string;
    stdinTwice(): string;
    stdinNameUnused(): string;
    unknownEncoding(name: string): string;
    badDelimiter(value: string): string;
    sectorAutoStdin(): string;
    sectorAutoQueue(): string;
    queueName(value: string): string;
    exportUnknownKind(kind: string, kinds: readonly string[]): string;
    exportNeedsFile(kind: string, example: string): string;
    exportTwice(kind: string): string;
    dfmExtension(file: string): string;
    vocabulary(value: string): string;
    maxChannels(value: string): string;
    maxPeriods(value: string): string;
    failUnder(value: string): string;
    iramuteqVarsAlone(): string;
    annotateTextAlone(): string;
    workers(value: string): string;
    oneStdoutStream(users: StdoutUser[], example?: string): string;
    discoverExamples(): string;
    draftFile(): string;
    noEntry(id: string): string;
    themeOfTheme(): string;
    themeId(value: string): string;
    importStdin(): string;
    heapGrowth(value: string): string;
    jit(value: string): string;
    lang(value: string): string;
    corpusLang(value: string): string;
    byColumnMissing(): string;
    labelWithState(option: string): string;
    titleEmpty(): string;
    channelLabelForm(value: string): string;
    channelLabelTwice(slug: string): string;
  };
  /** Errors that end a run, and their hints. */
  errors: {
    /** First line of an `InputError`: "cannot read input, N problems". */
    input(count: number): string;
    /** First line of a `StateMergeError` (states that cannot be merged). */
    merge(count: number): string;
    /** First line of a `LexiconError`. */
    lexicon(count: number): string;
    /** An output that cannot be written: the path, what is wrong, what to do. */
    output(what: string, reason: string, hint: string): string;
    cannotOpen(path: string | undefined, code: string): string;
    cannotOpenHint: string;
    cannotWriteDevice(path: string | undefined, code: string): string;
    cannotWriteDeviceHint: string;
    internal(summary: string): string;
    runWithDebug: string;
    /** After the first problems of a long list: how many are not shown. */
    moreIssues(n: number): string;
    /** After a commander error (unknown option…). */
    seeHelp: string;
  };
  /** Why an input cannot be opened (checked before a run). */
  inputs: {
    isDirectory: string;
    isDirectoryHint: string;
    notFound: string;
    notFoundHint: string;
    permission: string;
    permissionHint: string;
    cannotOpen(code: string): string;
    cannotOpenHint: string;
  };
  /** Why an output cannot be written (checked before a run, or met while writing). */
  outputs: {
    isDirectory: string;
    isDirectoryHint(example: string): string;
    permission: string;
    permissionHint: string;
    folderNotWritable(folder: string): string;
    folderNotWritableHint: string;
    cannotOpenFolder(folder: string, code: string | undefined): string;
    checkPath: string;
    noFolder(folder: string): string;
    noFolderHint(folder: string): string;
    notAFolder(folder: string): string;
    isInput(input: string): string;
    isInputHint(option: string): string;
    sameAs(option: string): string;
    sameAsHint: string;
    standardOutput: string;
    noSpace: string;
    quota: string;
    readOnly: string;
    cannotWrite(detail: string): string;
    writeHint: string;
  };
  /** Lines on stderr while a command runs. */
  notes: {
    /** Where an output went: "Rapport écrit dans rapport.html (HTML, 42 Ko)". */
    written(kind: WrittenKind, path: string, format: string | undefined, size: string): string;
    /** More than `max` channels: all counted as one in the report. */
    channelsMerged(max: number): string;
    /** `--lang fra`: the corpus language moved to `--corpus-lang`. */
    langMoved(value: string): string;
    sectorAutoNone(percent: number): string;
    sectorAuto(sector: string, percent: number): string;
    /** `--delimiter` given, and an input read as another format than CSV or TSV. */
    delimiterIgnored(file: string, format: string): string;
    columns(used: ColumnsUsed): string;
    /** No row could be analysed; `reasons` is "reason: count, …" or empty. */
    nothingAnalysed(rejected: number, reasons: string, seeRejects: boolean): string;
    nothingInStates(states: number, rejected: number, reasons: string): string;
    progress: string;
    evalBelow(message: string): string;
    /** "warning" before a warning's text. */
    warning: string;
    imported(name: string, from: string, kinds: Array<[kind: string, count: number]>, terms: number, warnings: number, out: string | undefined): string;
    lexiconOk(paths: string[], kinds: Array<[kind: string, count: number]>): string;
    queueProduced(queue: string, rows: number, chunks: number, retried: number): string;
    queueWorkError(message: string): string;
    queueStopping(queue: string, signal: string): string;
    queueWaiting(queue: string, untilEmpty: boolean): string;
    queueWorked(queue: string, chunks: number, rows: number): string;
    queueCleared(queue: string, chunks: number): string;
  };
  /** Human text of the commands' standard output (their JSON keeps its keys and values). */
  stdout: {
    /** `verbatim tokenize`: a token's kind, an entry's kind, and the lines under the tokens. */
    tokenKind(kind: string): string;
    entryKind(kind: string): string;
    tokenSummary(words: number, language: string, tonality: string): string;
    matches: string;
    noMatch: string;
    negated: string;
    /** `verbatim sectors`: the header of its table (the share column is right-aligned under its word). */
    sectors: { sector: string; share: string; sample(n: number): string };
    /** `verbatim lexicon import`: the comment at the top of the layer. */
    importComment(name: string, from: string, overDefault: boolean): string;
    importWarnings(count: number): string;
    importWarningLine(line: number, message: string): string;
    importMore(count: number): string;
    /** `verbatim queue status`: where the queue's run stands, a few lines. */
    queueStatus(status: QueueStatus): string;
  };
  /** The analyst's desk: report formats and exports of merge (kept apart to ease merging). */
  desk: {
    /** `--format X --out FILE.y` where .y names another format: the format given wins. */
    formatVsExtension(format: string, path: string, extensionFormat: string): string;
  };
  /**
   * Library errors said in this language: their head lines and what the
   * library only says in English. Each issue's own words come from the
   * catalogues of its family (src/lexicon/messages.ts, src/io/issue-messages.ts,
   * src/queue/messages.ts, scales, gold), in the same language.
   */
  details: {
    /** First line of a dictionary that cannot be imported (`lexicon import`). */
    importFailed(format: 'quanteda' | 'liwc' | 'csv' | 'unknown', count: number): string;
    /** First line of a `ScoreScaleError`. */
    scale(scales: string, channels: number): string;
    /** Where a score scale issue is: its channel, and its column when known. */
    scaleChannel(channel: string, column: string | undefined): string;
    /** First line of a `GoldError`. */
    gold(count: number): string;
    /** A threshold of `eval --fail-under` not met: "themes micro F1 0.712 < 0.8". */
    below(family: string, average: 'micro' | 'macro', actual: number, threshold: number): string;
  };
}

const frPlural = (n: number): boolean => Math.abs(n) >= 2;
const enPlural = (n: number): boolean => n !== 1;

/** "3 lignes", "1 ligne": a count and its noun, agreeing. */
const count = (plural: (n: number) => boolean, n: number, one: string, many: string): string => `${n} ${plural(n) ? many : one}`;
/** Up to three file names, then how many more. */
const filesOf = (files: readonly string[], and: string): string =>
  files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} ${and} ${files.length - 3} ${and === 'and' ? 'more' : 'autres'}`;

function size(bytes: number, units: readonly [string, string, string], decimal: string): string {
  if (bytes < 1024) return `${bytes} ${units[0]}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} ${units[1]}`;
  const mb = kb / 1024;
  return `${(mb < 10 ? mb.toFixed(1) : String(Math.round(mb))).replace('.', decimal)} ${units[2]}`;
}

const KIND_FR: Record<string, [string, string]> = {
  theme: ['thème', 'thèmes'],
  concept: ['concept', 'concepts'],
  irritant: ['irritant', 'irritants'],
  enchantment: ['enchantement', 'enchantements'],
  intent: ['intention', 'intentions'],
  patch: ['correctif', 'correctifs'],
};
const KIND_EN: Record<string, [string, string]> = {
  theme: ['theme', 'themes'],
  concept: ['concept', 'concepts'],
  irritant: ['irritant', 'irritants'],
  enchantment: ['enchantment', 'enchantments'],
  intent: ['intent', 'intents'],
  patch: ['patch', 'patches'],
};
const kinds = (names: Record<string, [string, string]>, plural: (n: number) => boolean, list: Array<[string, number]>): string =>
  list.map(([kind, n]) => count(plural, n, names[kind]?.[0] ?? kind, names[kind]?.[1] ?? kind)).join(', ');

const WRITTEN_FR: Record<WrittenKind, string> = {
  report: 'Rapport écrit',
  state: 'État de la passe écrit',
  annotations: 'Codage des lignes écrit',
  rejects: 'Lignes rejetées écrites',
  dfm: 'Matrice documents-termes écrite',
  spans: 'Passages repérés écrits',
  iramuteq: 'Corpus IRaMuTeQ écrit',
  topics: 'Sujets candidats écrits',
  draft: 'Brouillon de lexique écrit',
  evaluation: 'Évaluation écrite',
  kwic: 'Concordance écrite',
  lexicon: 'Lexique écrit',
};
const WRITTEN_EN: Record<WrittenKind, string> = {
  report: 'Report written',
  state: 'Run state written',
  annotations: 'Row coding written',
  rejects: 'Rejected rows written',
  dfm: 'Document-feature matrix written',
  spans: 'Matched spans written',
  iramuteq: 'IRaMuTeQ corpus written',
  topics: 'Candidate topics written',
  draft: 'Draft lexicon written',
  evaluation: 'Evaluation written',
  kwic: 'Concordance written',
  lexicon: 'Lexicon written',
};

/** Token kinds (`Token.kind`) as `verbatim tokenize` shows them. */
const TOKEN_KIND_FR: Record<string, string> = {
  word: 'mot',
  number: 'nombre',
  punct: 'ponct',
  emoji: 'emoji',
  url: 'url',
  email: 'email',
  phone: 'tél',
  mention: 'mention',
  hashtag: 'hashtag',
  symbol: 'symbole',
};
const IMPORT_FR = { quanteda: 'le dictionnaire quanteda', liwc: 'le dictionnaire LIWC', csv: 'le CSV de termes', unknown: 'le dictionnaire' } as const;
const IMPORT_EN = { quanteda: 'quanteda dictionary', liwc: 'LIWC dictionary', csv: 'CSV of terms', unknown: 'dictionary' } as const;
const FAMILY_FR: Record<string, string> = { themes: 'thèmes', irritants: 'irritants', enchantments: 'enchantements', intents: 'intentions' };

const ROLES_FR: Record<string, string> = { id: 'id', channel: 'canal', date: 'date', score: 'note', author: 'auteur' };

const fr: CliMessages = {
  lang: 'fr',
  colon: ' : ',
  hint: 'conseil',
  plural: frPlural,
  size: (bytes) => size(bytes, ['o', 'Ko', 'Mo'], ','),
  examples: 'Exemples :',
  usage: {
    wholeNumber: (flag, value) => `${flag} attend un nombre entier, pas « ${value} »`,
    wholeNumberFromOne: (flag, value) => `${flag} attend un nombre entier de 1 ou plus${value === undefined ? '' : `, pas « ${value} »`}`,
    sizeFromOne: (flag) => `${flag} attend une taille en Mo de 1 ou plus`,
    recordSizeRange: () => '--max-record-size attend une taille en Mo de 1 à 256',
    durationFrom100: (flag) => `${flag} attend une durée en ms de 100 ou plus`,
    unknownSector: (name, known) => `secteur inconnu « ${name} » ; secteurs connus : ${known.join(', ')}`,
    givenTwice: (flag, first, second) =>
      `${flag} est donné deux fois (« ${first} » et « ${second} ») : donnez-le une fois${flag === '--text' ? ' (joignez des colonnes avec + : --text titre+corps)' : ''}`,
    noInput: (command) => `aucune entrée : donnez des fichiers à analyser, ou envoyez du CSV ou du JSONL sur l'entrée standard (cat export.csv | verbatim ${command} -)`,
    stdinTwice: () => "l'entrée standard (-) est donnée deux fois : elle ne se lit qu'une fois",
    stdinNameUnused: () => "--stdin-name nomme l'entrée standard, qui n'est pas lue : donnez - parmi les entrées",
    unknownEncoding: (name) => `--encoding : encodage inconnu « ${name} » (utf8, windows-1252, iso-8859-15, utf16le… sont connus)`,
    badDelimiter: (value) => `--delimiter attend un seul caractère autre qu'un guillemet ou un saut de ligne (--delimiter ';', --delimiter '|', --delimiter tab), pas « ${value} »`,
    sectorAutoStdin: () => "--sector auto lit l'entrée deux fois : donnez un fichier, pas l'entrée standard",
    sectorAutoQueue: () => '--sector auto est pour verbatim analyze : nommez les secteurs d’une passe en file',
    queueName: (value) => `--queue attend un nom de file, non vide et sans deux-points (:), pas « ${value} »`,
    exportUnknownKind: (kind, list) => `--export : type inconnu « ${kind} » ; donnez l'un de ${list.join(', ')} suivi d'un fichier (--export dfm dfm.csv)`,
    exportNeedsFile: (kind, example) => `--export ${kind} attend un fichier : --export ${kind} ${example}`,
    exportTwice: (kind) => `--export ${kind} est donné deux fois : donnez-le une fois`,
    dfmExtension: (file) => `--export dfm ${file} : nommez le fichier .csv (table longue doc_id;feature;count) ou .mtx (Matrix Market, avec .rows.csv et .cols.csv à côté)`,
    vocabulary: (value) => `--vocabulary attend un nombre entier de 1 ou plus, ou exact, pas « ${value} »`,
    maxChannels: (value) => `--max-channels attend un nombre entier de 1 ou plus, ou all, pas « ${value} »`,
    maxPeriods: (value) => `--max-periods attend un nombre entier de 1 ou plus, ou all, pas « ${value} »`,
    failUnder: (value) =>
      `--fail-under attend des seuils comme themes=0.8,irritants.macro=0.6,tonality=0.8 (familles : themes, irritants, enchantments, intents, tonality ; valeurs de 0 à 1), pas « ${value} »`,
    iramuteqVarsAlone: () => "--iramuteq-vars nomme les variables de --export iramuteq FICHIER, qui n'est pas donné",
    annotateTextAlone: () => "--annotate-text ajoute le texte à --annotate FICHIER, qui n'est pas donné",
    workers: (value) => `--workers attend un nombre entier ou auto, pas « ${value} »`,
    oneStdoutStream: (users, example) =>
      `la sortie standard porte un seul flux, pas ${users.map((u) => (u.report ? `le rapport (sans ${u.option})` : `${u.option} -`)).join(' et ')} : écrivez les autres dans des fichiers${example === undefined ? '' : ` (par exemple --out ${example})`}`,
    discoverExamples: () => '--examples attend de 1 à 5 verbatims d’exemple par sujet',
    draftFile: () => '--draft attend un fichier (les sujets vont sur la sortie standard)',
    noEntry: (id) => `--entry : aucune entrée « ${id} » dans les lexiques (identifiants comme dans lexicons/fr/*.yml ou vos fichiers --lexicon)`,
    themeOfTheme: () => "--theme ne s'applique pas à --kind theme : un thème n'a pas de thème",
    themeId: (value) => `--theme attend un identifiant d'entrée (ascii minuscule, chiffres, _ et .), pas « ${value} »`,
    importStdin: () => "lexicon import lit un fichier, pas l'entrée standard",
    jit: (value) => `VERBATIM_JIT attend auto (V8 optimise plus tard sur une entrée de 1 Mo au plus), late (toujours plus tard) ou off (la politique de V8), pas « ${value} »`,
    heapGrowth: (value) => `VERBATIM_HEAP_GROWTH attend un pourcentage de 10 à 400 (la croissance du tas entre deux collectes complètes) ou off (la politique de V8), pas « ${value} »`,
    lang: (value) => `--lang attend fr ou en (la langue des messages et du rapport), pas « ${value} » ; la langue du corpus se donne avec --corpus-lang (code ISO 639-3 : fra, eng…)`,
    corpusLang: (value) => `--corpus-lang attend un code de langue ISO 639-3 de trois lettres (fra, eng, spa…), pas « ${value} »`,
    byColumnMissing: () => '--by attend un nom de colonne : --by marque',
    labelWithState: (option) => `${option} nomme ce que montre un rapport, et --format state n'écrit pas de rapport : donnez-le à verbatim merge`,
    titleEmpty: () => '--title attend un texte, pas un texte vide',
    channelLabelForm: (value) => `--channel-label attend CANAL=LIBELLÉ (--channel-label app_store_fr="App Store"), pas « ${value} »`,
    channelLabelTwice: (slug) => `--channel-label ${slug} est donné deux fois : donnez un libellé par canal`,
  },
  errors: {
    input: (n) => `impossible de lire l'entrée, ${count(frPlural, n, 'problème', 'problèmes')}`,
    lexicon: (n) => `lexique invalide, ${count(frPlural, n, 'problème', 'problèmes')}`,
    merge: (n) => `impossible de fusionner les états, ${count(frPlural, n, 'problème', 'problèmes')}`,
    output: (what, reason, hint) => `impossible d'écrire ${what} : ${reason}\n    conseil : ${hint}`,
    cannotOpen: (path, code) => `impossible d'ouvrir ${path ?? 'un fichier'} (${code})`,
    cannotOpenHint: 'vérifiez le chemin et les droits',
    cannotWriteDevice: (path, code) => `impossible d'écrire ${path ?? 'une sortie'} (${code})`,
    cannotWriteDeviceHint: 'libérez de la place ou écrivez ailleurs',
    internal: (summary) => `erreur interne — signalez-la avec la commande lancée : ${summary}`,
    runWithDebug: '    (relancez avec --debug pour voir où elle s’est produite)',
    moreIssues: (n) => `… et ${n} ${n === 1 ? 'autre problème' : 'autres problèmes'}, non affichés (corrigez les premiers : ils se répètent souvent)`,
    seeHelp: '(lancez avec --help pour l’usage)',
  },
  inputs: {
    isDirectory: 'est un dossier',
    isDirectoryHint: 'donnez les fichiers qu’il contient, par exemple dossier/*.csv',
    notFound: 'fichier introuvable',
    notFoundHint: 'vérifiez le chemin (un chemin relatif part du dossier courant)',
    permission: 'permission refusée',
    permissionHint: "rendez le fichier lisible par l'utilisateur courant",
    cannotOpen: (code) => `impossible d'ouvrir le fichier (${code})`,
    cannotOpenHint: 'vérifiez le chemin et les droits',
  },
  outputs: {
    isDirectory: 'est un dossier',
    isDirectoryHint: (example) => `donnez un nom de fichier, par exemple ${example}`,
    permission: 'permission refusée',
    permissionHint: 'rendez le fichier modifiable, ou écrivez ailleurs',
    folderNotWritable: (folder) => `impossible d'écrire dans le dossier ${folder}`,
    folderNotWritableHint: 'écrivez la sortie dans un dossier où vous pouvez écrire',
    cannotOpenFolder: (folder, code) => `impossible d'ouvrir le dossier ${folder} (${code ?? '?'})`,
    checkPath: 'vérifiez le chemin',
    noFolder: (folder) => `le dossier ${folder} n'existe pas`,
    noFolderHint: (folder) => `créez-le d'abord (mkdir -p ${folder}), ou écrivez ailleurs`,
    notAFolder: (folder) => `${folder} n'est pas un dossier`,
    isInput: (input) => `est le fichier d'entrée ${input} : l'écrire détruirait l'entrée`,
    isInputHint: (option) => `écrivez ${option} dans un autre fichier`,
    sameAs: (option) => `est aussi donné à ${option}`,
    sameAsHint: 'donnez à chaque sortie son propre fichier',
    standardOutput: 'la sortie standard',
    noSpace: "plus d'espace sur le disque",
    quota: 'quota disque dépassé',
    readOnly: 'système de fichiers en lecture seule',
    cannotWrite: (detail) => `écriture impossible (${detail})`,
    writeHint: "libérez de la place ou écrivez ailleurs ; rien n'a été laissé à moitié écrit",
  },
  notes: {
    written: (kind, path, format, bytes) => `${WRITTEN_FR[kind]} dans ${path} (${format === undefined ? '' : `${format}, `}${bytes})`,
    channelsMerged: (max) =>
      `plus de ${max} canaux : le rapport les compte comme un seul (« Canaux regroupés ») ; --channel COLONNE pour prendre une autre colonne de canal, --max-channels N (ou all) pour les garder à part`,
    langMoved: (value) => `--lang ${value} : la langue du corpus se donne désormais avec --corpus-lang ${value} ; --lang choisit la langue des messages (fr ou en). Cette forme sera refusée dans une prochaine version.`,
    sectorAutoNone: (pct) => `--sector auto : aucune couche sectorielle ne convient (aucune n'est utilisée par ${pct} % des premiers verbatims)`,
    sectorAuto: (sector, pct) => `--sector auto : ${sector} (ses termes se déclenchent dans ${pct} % des premiers verbatims)`,
    delimiterIgnored: (file, format) => `--delimiter ne vaut que pour les entrées CSV et TSV : ignoré pour ${file}, lu comme ${format.toUpperCase()}`,
    columns: (used) => {
      const roles: string[] = [];
      const name = (header: string): string => JSON.stringify(header);
      if (used.textColumns !== undefined) roles.push(`texte ${used.textColumns.map(name).join(' + ')}`);
      else if (used.text !== undefined) roles.push(`texte ${name(used.text)}`);
      for (const role of ['id', 'channel', 'date', 'score', 'author'] as const) {
        const header = used[role];
        if (header !== undefined) roles.push(`${ROLES_FR[role]} ${name(header)}`);
        else if (role === 'channel' && used.constantChannel !== undefined) roles.push(`canal = ${name(used.constantChannel)}`);
      }
      const file = used.file === '-' ? "l'entrée standard" : used.file;
      return `colonnes de ${file} (${descriptionText(used.description, 'fr')}) : ${roles.join(', ')} ; les autres colonnes sont gardées en méta-données`;
    },
    nothingAnalysed: (rejected, reasons, seeRejects) =>
      rejected === 0
        ? "aucun verbatim à analyser : l'entrée ne contient aucune ligne (vide, ou un en-tête seul)"
        : `aucun verbatim n'a pu être analysé (${count(frPlural, rejected, 'ligne écartée', 'lignes écartées')}${reasons === '' ? '' : ` — ${reasons}`}${seeRejects ? ' ; voir --rejects FICHIER' : ''})`,
    nothingInStates: (states, rejected, reasons) =>
      `aucun verbatim n'a été analysé dans ces ${count(frPlural, states, 'état', 'états')} (${count(frPlural, rejected, 'ligne écartée', 'lignes écartées')}${reasons === '' ? '' : ` — ${reasons}`})`,
    progress: 'verbatim-fr | {value} verbatims | {rate}/s | {duration_formatted}',
    evalBelow: (message) => `sous le seuil : ${message}`,
    warning: 'avertissement',
    imported: (name, from, list, terms, warnings, out) =>
      `${name} importé (${from}) : ${list.length === 0 ? 'aucune entrée' : kinds(KIND_FR, frPlural, list)}, ${count(frPlural, terms, 'terme', 'termes')}${out === undefined ? '' : ` → ${out}`} ; ${count(frPlural, warnings, 'avertissement', 'avertissements')}`,
    lexiconOk: (paths, list) => `ok : ${paths.join(', ')} — ${kinds(KIND_FR, frPlural, list)}`,
    queueProduced: (queue, rows, chunks, retried) =>
      `file « ${queue} » : ${count(frPlural, rows, 'ligne', 'lignes')} en ${count(frPlural, chunks, 'lot', 'lots')}${retried > 0 ? ` (${count(frPlural, retried, 'lot en échec relancé', 'lots en échec relancés')})` : ''} ; lancez maintenant verbatim queue work, puis verbatim queue merge`,
    queueWorkError: (message) => `queue work : ${message}`,
    queueStopping: (queue, signal) => `file « ${queue} » : ${signal} : fin des lots en cours, puis arrêt (${signal} de nouveau pour arrêter tout de suite)`,
    queueWaiting: (queue, untilEmpty) => `file « ${queue} » : en attente de lots${untilEmpty ? " (jusqu'à ce qu'il n'en reste aucun)" : ' (Ctrl-C pour arrêter)'}`,
    queueWorked: (queue, chunks, rows) => `file « ${queue} » : ${count(frPlural, chunks, 'lot', 'lots')} (${count(frPlural, rows, 'ligne', 'lignes')}) analysés par ce worker`,
    queueCleared: (queue, chunks) => `file « ${queue} » vidée : ${count(frPlural, chunks, 'lot supprimé', 'lots supprimés')}, avec leurs résultats et la passe`,
  },
  stdout: {
    tokenKind: (kind) => TOKEN_KIND_FR[kind] ?? kind,
    entryKind: (kind) => KIND_FR[kind]?.[0] ?? kind,
    tokenSummary: (words, language, tonality) => `mots : ${words}  langue : ${language}  tonalité : ${tonality}`,
    matches: 'entrées trouvées :',
    noMatch: '(aucune)',
    negated: '(nié)',
    sectors: { sector: 'secteur', share: 'part', sample: (n) => `(sur ${n} verbatims au plus)` },
    importComment: (name, from, overDefault) =>
      `Importé de ${name} (${from}) par \`verbatim lexicon import\`${overDefault ? ', pour aller par-dessus le lexique par défaut' : ', pour servir sans le lexique par défaut'}.`,
    importWarnings: (n) => `${count(frPlural, n, "avertissement de l'import", "avertissements de l'import")} (ce qui n'a pas d'équivalent, ce qui a été renommé ou fusionné) :`,
    importWarningLine: (line, message) => `- ligne ${line} : ${message}`,
    importMore: (n) => `- … et ${n} de plus`,
    queueStatus: ({ queue, url, run, producer, jobs }) =>
      [
        `file « ${queue} » sur ${url}`,
        run === undefined
          ? 'passe : aucune enregistrée (verbatim queue produce la met en file)'
          : `passe ${run.id} : ${count(frPlural, run.rows, 'ligne', 'lignes')} de ${filesOf(run.files, 'et')} en ${count(frPlural, run.chunks, 'lot', 'lots')}${run.keepAnnotations ? ' (codage gardé)' : ''} : ${run.done} ${run.done >= 2 ? 'faits' : 'fait'}, ${run.active} en cours, ${run.waiting} en attente, ${run.failed} en échec${run.gone > 0 ? `, ${run.gone} ${run.gone >= 2 ? 'disparus' : 'disparu'}` : ''}`,
        producer === undefined
          ? 'producteur : aucun au travail'
          : producer.state === 'producing'
            ? `producteur : au travail depuis ${producer.started} (${producer.by})`
            : producer.state === 'silent'
              ? `producteur : ne donne plus signe de vie (démarré ${producer.started}, ${producer.by}) : sa passe ne viendra pas`
              : `producteur : en échec (démarré ${producer.started}, ${producer.by}) : ${producer.error ?? 'aucune raison donnée'}`,
        `tâches de la file : ${jobs.completed} terminées, ${jobs.active} en cours, ${jobs.waiting} en attente, ${jobs.delayed} différées, ${jobs.failed} en échec`,
      ].join('\n'),
  },
  desk: {
    formatVsExtension: (format, path, ext) =>
      `--format ${format} l'emporte, mais l'extension de ${path} annonce du ${ext} : le fichier contiendra du ${format} (changez l'extension, ou ôtez --format pour écrire du ${ext})`,
  },
  details: {
    importFailed: (format, n) => `impossible d'importer ${IMPORT_FR[format]}, ${count(frPlural, n, 'problème', 'problèmes')}`,
    scale: (scales, n) => `l'échelle de notes déclarée (${scales}) ne convient pas aux notes, ${count(frPlural, n, 'canal', 'canaux')}`,
    scaleChannel: (channel, column) => `canal « ${channel} »${column === undefined ? '' : `, colonne « ${column} »`}`,
    gold: (n) => `fichier de référence invalide, ${count(frPlural, n, 'problème', 'problèmes')}`,
    below: (family, average, actual, threshold) =>
      `${family === 'tonality' ? 'exactitude de la tonalité' : `F1 ${average} des ${FAMILY_FR[family] ?? family}`} ${actual.toFixed(3).replace('.', ',')} < ${String(threshold).replace('.', ',')}`,
  },
};

const en: CliMessages = {
  lang: 'en',
  colon: ': ',
  hint: 'hint',
  plural: enPlural,
  size: (bytes) => size(bytes, ['B', 'KB', 'MB'], '.'),
  examples: 'Examples:',
  usage: {
    wholeNumber: (flag, value) => `${flag} expects a whole number, got "${value}"`,
    wholeNumberFromOne: (flag, value) => `${flag} expects a whole number of 1 or more${value === undefined ? '' : `, got "${value}"`}`,
    sizeFromOne: (flag) => `${flag} expects a size in MB of 1 or more`,
    recordSizeRange: () => '--max-record-size expects a size in MB from 1 to 256',
    durationFrom100: (flag) => `${flag} expects a duration in ms of 100 or more`,
    unknownSector: (name, known) => `unknown sector "${name}"; known sectors: ${known.join(', ')}`,
    givenTwice: (flag, first, second) => `${flag} is given twice ("${first}" and "${second}"): give it once${flag === '--text' ? ' (join columns with +: --text title+body)' : ''}`,
    noInput: (command) => `no input: give files to analyse, or pipe CSV or JSONL into standard input (cat export.csv | verbatim ${command} -)`,
    stdinTwice: () => 'standard input (-) is given twice: it can be read once',
    stdinNameUnused: () => '--stdin-name names standard input, which is not read: give - as an input',
    unknownEncoding: (name) => `--encoding: unknown encoding "${name}" (utf8, windows-1252, iso-8859-15, utf16le… are known)`,
    badDelimiter: (value) => `--delimiter expects one character other than a quote or a line break (--delimiter ';', --delimiter '|', --delimiter tab), got "${value}"`,
    sectorAutoStdin: () => '--sector auto reads the input twice: give a file, not standard input',
    sectorAutoQueue: () => '--sector auto is for verbatim analyze: name the sectors for a queue run',
    queueName: (value) => `--queue expects a queue name, not empty and without a colon (:), got "${value}"`,
    exportUnknownKind: (kind, list) => `--export: unknown kind "${kind}"; give one of ${list.join(', ')} followed by a file (--export dfm dfm.csv)`,
    exportNeedsFile: (kind, example) => `--export ${kind} needs a file: --export ${kind} ${example}`,
    exportTwice: (kind) => `--export ${kind} is given twice: give it once`,
    dfmExtension: (file) => `--export dfm ${file}: name the file .csv (long table doc_id;feature;count) or .mtx (Matrix Market, with .rows.csv and .cols.csv beside it)`,
    vocabulary: (value) => `--vocabulary expects a whole number of 1 or more, or exact, got "${value}"`,
    maxChannels: (value) => `--max-channels expects a whole number of 1 or more, or all, got "${value}"`,
    maxPeriods: (value) => `--max-periods expects a whole number of 1 or more, or all, got "${value}"`,
    failUnder: (value) =>
      `--fail-under expects thresholds like themes=0.8,irritants.macro=0.6,tonality=0.8 (families: themes, irritants, enchantments, intents, tonality; values from 0 to 1), got "${value}"`,
    iramuteqVarsAlone: () => '--iramuteq-vars names the variables of --export iramuteq FILE, which is not given',
    annotateTextAlone: () => '--annotate-text adds the text to --annotate FILE, which is not given',
    workers: (value) => `--workers expects a whole number or auto, got "${value}"`,
    oneStdoutStream: (users, example) =>
      `standard output can carry one stream, not ${users.map((u) => (u.report ? `the report (no ${u.option})` : `${u.option} -`)).join(' and ')}: write the others to files${example === undefined ? '' : ` (e.g. --out ${example})`}`,
    discoverExamples: () => '--examples expects 1 to 5 example verbatims per topic',
    draftFile: () => '--draft expects a file (the topics go to standard output)',
    noEntry: (id) => `--entry: no entry "${id}" in the lexicons (ids as in lexicons/fr/*.yml or your --lexicon files)`,
    themeOfTheme: () => '--theme does not apply to --kind theme: a theme has no theme',
    themeId: (value) => `--theme expects an entry id (lowercase ascii, digits, _ and .), got "${value}"`,
    importStdin: () => 'lexicon import reads a file, not standard input',
    jit: (value) => `VERBATIM_JIT expects auto (V8 optimises later on an input of 1 MB at most), late (always later) or off (V8's own policy), got "${value}"`,
    heapGrowth: (value) => `VERBATIM_HEAP_GROWTH expects a percentage from 10 to 400 (the heap's growth between two full collections) or off (V8's own policy), got "${value}"`,
    lang: (value) => `--lang expects fr or en (the language of messages and report), got "${value}"; the corpus language is --corpus-lang (ISO 639-3 code: fra, eng…)`,
    corpusLang: (value) => `--corpus-lang expects a three-letter ISO 639-3 language code (fra, eng, spa…), got "${value}"`,
    byColumnMissing: () => '--by needs a column name: --by marque',
    labelWithState: (option) => `${option} names what a report shows, and --format state writes no report: give it to verbatim merge`,
    titleEmpty: () => '--title expects a text, got an empty one',
    channelLabelForm: (value) => `--channel-label expects SLUG=LABEL (--channel-label app_store_fr="App Store"), got "${value}"`,
    channelLabelTwice: (slug) => `--channel-label ${slug} is given twice: give each channel one label`,
  },
  errors: {
    input: (n) => `cannot read input, ${count(enPlural, n, 'problem', 'problems')}`,
    lexicon: (n) => `invalid lexicon, ${count(enPlural, n, 'problem', 'problems')}`,
    merge: (n) => `cannot merge the states, ${count(enPlural, n, 'problem', 'problems')}`,
    output: (what, reason, hint) => `cannot write ${what}: ${reason}\n    hint: ${hint}`,
    cannotOpen: (path, code) => `cannot open ${path ?? 'a file'} (${code})`,
    cannotOpenHint: 'check the path and the permissions',
    cannotWriteDevice: (path, code) => `cannot write ${path ?? 'an output'} (${code})`,
    cannotWriteDeviceHint: 'free some space or write elsewhere',
    internal: (summary) => `internal error — please report it with the command you ran: ${summary}`,
    runWithDebug: '    (run again with --debug to see where it happened)',
    moreIssues: (n) => `… and ${n} more ${n === 1 ? 'problem' : 'problems'}, not shown (fix the first ones: they often repeat)`,
    seeHelp: '(run with --help for usage)',
  },
  inputs: {
    isDirectory: 'is a directory',
    isDirectoryHint: 'give the files inside it, e.g. dir/*.csv',
    notFound: 'file not found',
    notFoundHint: 'check the path (relative paths start from the current directory)',
    permission: 'permission denied',
    permissionHint: 'make the file readable by the current user',
    cannotOpen: (code) => `cannot open the file (${code})`,
    cannotOpenHint: 'check the path and the permissions',
  },
  outputs: {
    isDirectory: 'is a directory',
    isDirectoryHint: (example) => `give a file name, e.g. ${example}`,
    permission: 'permission denied',
    permissionHint: 'make the file writable, or write elsewhere',
    folderNotWritable: (folder) => `cannot write in the folder ${folder}`,
    folderNotWritableHint: 'write the output in a folder you can write to',
    cannotOpenFolder: (folder, code) => `cannot open the folder ${folder} (${code ?? '?'})`,
    checkPath: 'check the path',
    noFolder: (folder) => `the folder ${folder} does not exist`,
    noFolderHint: (folder) => `create it first (mkdir -p ${folder}), or write elsewhere`,
    notAFolder: (folder) => `${folder} is not a folder`,
    isInput: (input) => `is the input file ${input}: writing it would destroy the input`,
    isInputHint: (option) => `write ${option} to another file`,
    sameAs: (option) => `is also given to ${option}`,
    sameAsHint: 'give each output its own file',
    standardOutput: 'standard output',
    noSpace: 'no space left on the device',
    quota: 'disk quota exceeded',
    readOnly: 'read-only file system',
    cannotWrite: (detail) => `cannot write (${detail})`,
    writeHint: 'free some space or write elsewhere; nothing was left half-written',
  },
  notes: {
    written: (kind, path, format, bytes) => `${WRITTEN_EN[kind]} to ${path} (${format === undefined ? '' : `${format}, `}${bytes})`,
    channelsMerged: (max) =>
      `more than ${max} channels: the report counts them as one ("Merged channels"); --channel COLUMN to take another channel column, --max-channels N (or all) to keep them apart`,
    langMoved: (value) => `--lang ${value}: the corpus language is now given with --corpus-lang ${value}; --lang chooses the language of messages (fr or en). This form will be refused in a coming version.`,
    sectorAutoNone: (pct) => `--sector auto: no sector layer fits (none is used by ${pct} % of the first verbatims)`,
    sectorAuto: (sector, pct) => `--sector auto: ${sector} (its terms fire in ${pct} % of the first verbatims)`,
    delimiterIgnored: (file, format) => `--delimiter applies to CSV and TSV inputs only: ignored for ${file}, read as ${format.toUpperCase()}`,
    columns: (used) => {
      const roles: string[] = [];
      const name = (header: string): string => JSON.stringify(header);
      if (used.textColumns !== undefined) roles.push(`text ${used.textColumns.map(name).join(' + ')}`);
      else if (used.text !== undefined) roles.push(`text ${name(used.text)}`);
      for (const role of ['id', 'channel', 'date', 'score', 'author'] as const) {
        const header = used[role];
        if (header !== undefined) roles.push(`${role} ${name(header)}`);
        else if (role === 'channel' && used.constantChannel !== undefined) roles.push(`channel = ${name(used.constantChannel)}`);
      }
      const file = used.file === '-' ? 'standard input' : used.file;
      return `columns of ${file} (${used.description}): ${roles.join(', ')}; other columns kept as meta`;
    },
    nothingAnalysed: (rejected, reasons, seeRejects) =>
      rejected === 0
        ? 'no verbatim to analyse: the input holds no row (empty, or a header only)'
        : `no verbatim could be analysed (${count(enPlural, rejected, 'row', 'rows')} skipped${reasons === '' ? '' : ` — ${reasons}`}${seeRejects ? '; see --rejects FILE' : ''})`,
    nothingInStates: (states, rejected, reasons) =>
      `no verbatim was analysed in these ${count(enPlural, states, 'state', 'states')} (${count(enPlural, rejected, 'row', 'rows')} skipped${reasons === '' ? '' : ` — ${reasons}`})`,
    progress: 'verbatim-fr | {value} verbatims | {rate}/s | {duration_formatted}',
    evalBelow: (message) => message,
    warning: 'warning',
    imported: (name, from, list, terms, warnings, out) =>
      `imported ${name} (${from}): ${list.length === 0 ? 'no entry' : kinds(KIND_EN, enPlural, list)}, ${count(enPlural, terms, 'term', 'terms')}${out === undefined ? '' : ` → ${out}`}; ${count(enPlural, warnings, 'warning', 'warnings')}`,
    lexiconOk: (paths, list) => `ok: ${paths.join(', ')} — ${list.map(([kind, n]) => `${n} ${kind}`).join(', ')}`,
    queueProduced: (queue, rows, chunks, retried) =>
      `queue "${queue}": ${count(enPlural, rows, 'row', 'rows')} in ${count(enPlural, chunks, 'chunk', 'chunks')}${retried > 0 ? ` (${count(enPlural, retried, 'failed chunk', 'failed chunks')} retried)` : ''}; now run verbatim queue work, then verbatim queue merge`,
    queueWorkError: (message) => `queue work: ${message}`,
    queueStopping: (queue, signal) => `queue "${queue}": ${signal}: finishing the chunks in hand, then stopping (${signal} again to stop at once)`,
    queueWaiting: (queue, untilEmpty) => `queue "${queue}": waiting for chunks${untilEmpty ? ' (until none is left)' : ' (Ctrl-C to stop)'}`,
    queueWorked: (queue, chunks, rows) => `queue "${queue}": ${count(enPlural, chunks, 'chunk', 'chunks')} (${count(enPlural, rows, 'row', 'rows')}) analysed by this worker`,
    queueCleared: (queue, chunks) => `queue "${queue}" emptied: ${count(enPlural, chunks, 'chunk', 'chunks')} removed, with their results and the run`,
  },
  stdout: {
    tokenKind: (kind) => kind,
    entryKind: (kind) => kind,
    tokenSummary: (words, language, tonality) => `words: ${words}  language: ${language}  tonality: ${tonality}`,
    matches: 'matches:',
    noMatch: '(none)',
    negated: '(negated)',
    sectors: { sector: 'sector', share: 'share', sample: (n) => `(verbatims of ${n} at most)` },
    importComment: (name, from, overDefault) =>
      `Imported from ${name} (${from}) by \`verbatim lexicon import\`${overDefault ? ', to layer over the default lexicon' : ', to use without the default lexicon'}.`,
    importWarnings: (n) => `${n} warning${n === 1 ? '' : 's'} of the import (what has no equivalent, what was renamed or merged):`,
    importWarningLine: (line, message) => `- line ${line}: ${message}`,
    importMore: (n) => `- … and ${n} more`,
    queueStatus: ({ queue, url, run, producer, jobs }) =>
      [
        `queue "${queue}" at ${url}`,
        run === undefined
          ? 'run: none recorded (verbatim queue produce enqueues one)'
          : `run ${run.id}: ${count(enPlural, run.rows, 'row', 'rows')} of ${filesOf(run.files, 'and')} in ${count(enPlural, run.chunks, 'chunk', 'chunks')}${run.keepAnnotations ? ' (coding kept)' : ''}: ${run.done} done, ${run.active} being analysed, ${run.waiting} waiting, ${run.failed} failed${run.gone > 0 ? `, ${run.gone} gone` : ''}`,
        producer === undefined
          ? 'producer: none at work'
          : producer.state === 'producing'
            ? `producer: at work since ${producer.started} (${producer.by})`
            : producer.state === 'silent'
              ? `producer: no sign of life (started ${producer.started}, ${producer.by}): its run will not come`
              : `producer: failed (started ${producer.started}, ${producer.by}): ${producer.error ?? 'no reason given'}`,
        `jobs in the queue: ${jobs.completed} completed, ${jobs.active} active, ${jobs.waiting} waiting, ${jobs.delayed} delayed, ${jobs.failed} failed`,
      ].join('\n'),
  },
  desk: {
    formatVsExtension: (format, path, ext) =>
      `--format ${format} wins, but the extension of ${path} says ${ext}: the file will hold ${format} (change the extension, or drop --format to write ${ext})`,
  },
  details: {
    importFailed: (format, n) => `cannot import the ${IMPORT_EN[format]}, ${count(enPlural, n, 'problem', 'problems')}`,
    scale: (scales, n) => `the declared score scale (${scales}) does not fit the scores, ${count(enPlural, n, 'channel', 'channels')}`,
    scaleChannel: (channel, column) => `channel "${channel}"${column === undefined ? '' : `, column "${column}"`}`,
    gold: (n) => `invalid gold file, ${count(enPlural, n, 'problem', 'problems')}`,
    below: (family, average, actual, threshold) => `${family === 'tonality' ? 'tonality accuracy' : `${family} ${average} F1`} ${actual.toFixed(3)} < ${threshold}`,
  },
};

export const CLI_MESSAGES: Record<CliLang, CliMessages> = { fr, en };

/** The catalogue of a language. */
export const cliMessages = (lang: CliLang): CliMessages => CLI_MESSAGES[lang];

/** The first three reasons rows were skipped for, with their counts ("texte vide : 3, …"), for a run that analysed none. */
export const firstReasons = (m: CliMessages, reasons: ReadonlyArray<{ reason: string; count: number }>): string =>
  reasons
    .slice(0, 3)
    .map((r) => `${r.reason}${m.colon}${r.count}`)
    .join(', ');
