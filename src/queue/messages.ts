// What a `QueueError` says, one catalogue per language. Each error carries a
// stable `reason` and its `params` (the Redis URL, the queue, the chunk: file
// and rows); its English message comes from the English catalogue, the CLI
// says it again in French. A reason missing in one catalogue fails the type check.

/** A chunk of a queued run, as messages name it: its number, its file and rows. */
export interface ChunkPlace {
  /** 1-based. */
  n: number;
  total: number;
  file: string;
  firstRow: number;
  rows: number;
}

/** Where a run is: its queue and Redis (the URL without its password). */
export interface QueuePlace {
  queue: string;
  url: string;
}

/** The parameters of each reason a queue command stops. */
export interface QueueErrorParams {
  missing_dependency: { missing: 'bullmq' | 'ioredis' };
  bad_url: { url: string; why: 'notUrl' | 'protocol' | 'database'; protocol?: string };
  unreachable: { url: string; why: string };
  timeout: QueuePlace & { seconds: number; done: number; total: number };
  producer_failed: QueuePlace & { by: string; started: string; error?: string };
  producer_silent: QueuePlace & { by: string; started: string; seconds: number };
  no_run: QueuePlace;
  run_other_version: QueuePlace;
  run_without_annotations: QueuePlace;
  chunk_gone: QueuePlace & { chunk: ChunkPlace };
  chunk_failed: QueuePlace & { chunk: ChunkPlace; attempts: number; error?: string };
  chunk_without_result: QueuePlace & { chunk: ChunkPlace };
  run_without_chunk: QueuePlace;
  queue_busy: QueuePlace & { active: number; producing: boolean };
  run_replaced: QueuePlace;
}

export type QueueReason = keyof QueueErrorParams;
export type QueueProblem = { [R in QueueReason]: { reason: R; params: QueueErrorParams[R] } }[QueueReason];
type QueueCatalogue = { [R in QueueReason]: (p: QueueErrorParams[R]) => { message: string; hint: string } };

const whereEn = (p: QueuePlace): string => `queue "${p.queue}" at ${p.url}`;
const whereFr = (p: QueuePlace): string => `la file « ${p.queue} » sur ${p.url}`;
const chunkEn = (c: ChunkPlace): string => `chunk ${c.n} of ${c.total} (${c.file}, row${c.rows === 1 ? ` ${c.firstRow}` : `s ${c.firstRow}-${c.firstRow + c.rows - 1}`})`;
const chunkFr = (c: ChunkPlace): string => `le lot ${c.n} sur ${c.total} (${c.file}, ligne${c.rows === 1 ? ` ${c.firstRow}` : `s ${c.firstRow} à ${c.firstRow + c.rows - 1}`})`;
const AGAIN_EN = 'fix the cause, then run verbatim queue produce again on the same input (chunks already enqueued are not added twice), and merge';
const AGAIN_FR = 'corrigez la cause, puis relancez verbatim queue produce sur la même entrée (les lots déjà en file ne sont pas ajoutés deux fois), et fusionnez';
const URL_HINT_EN = 'give it as redis://HOST:PORT (rediss:// for TLS, redis://:PASSWORD@HOST:PORT/DB with a password and a database)';
const URL_HINT_FR = 'écrivez-la redis://HÔTE:PORT (rediss:// pour TLS, redis://:MOT_DE_PASSE@HÔTE:PORT/BASE avec un mot de passe et une base)';
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const en: QueueCatalogue = {
  missing_dependency: ({ missing }) => ({
    message: `install ${missing === 'bullmq' ? 'bullmq' : 'bullmq and ioredis'} to use verbatim queue (an optional dependency of verbatim-fr, not installed here)`,
    hint: `npm install ${missing === 'bullmq' ? 'bullmq@5' : 'ioredis'} where verbatim-fr is installed (add -g for a global verbatim); the rest of verbatim works without it`,
  }),
  bad_url: ({ url, why, protocol }) => ({
    message: `${why === 'notUrl' ? 'not a Redis URL' : why === 'protocol' ? `not a Redis URL (${protocol ?? ''}://)` : 'the database after the host must be a number'}: ${JSON.stringify(url)}`,
    hint: URL_HINT_EN,
  }),
  unreachable: ({ url, why }) => ({
    message: `cannot reach Redis at ${url} (${why})`,
    hint: 'start Redis (redis-server) or give its URL with --redis redis://HOST:PORT (the redis option of the API); the producer, the workers and the merge must use the same Redis and queue',
  }),
  timeout: (p) => ({ message: `${p.done} of ${p.total} chunks done after ${p.seconds} s (${whereEn(p)})`, hint: 'start workers (verbatim queue work) on the same Redis and queue, or wait longer (--timeout)' }),
  producer_failed: (p) => ({ message: `the producer of ${whereEn(p)} (${p.by}, started ${p.started}) failed before the end of its input: ${p.error ?? 'no reason given'}`, hint: AGAIN_EN }),
  producer_silent: (p) => ({ message: `the producer of ${whereEn(p)} (${p.by}, started ${p.started}) stopped before the end of its input: no sign of life for ${p.seconds} s`, hint: AGAIN_EN }),
  no_run: (p) => ({ message: `no run recorded in ${whereEn(p)}`, hint: 'run verbatim queue produce FILE… first (with the same --redis and --queue), and let it finish' }),
  run_other_version: (p) => ({ message: `the run recorded in ${whereEn(p)} was written by another version of verbatim-fr`, hint: 'produce the input again with this version' }),
  run_without_annotations: (p) => ({ message: `the run in ${whereEn(p)} kept no annotations`, hint: 'produce it again with --keep-annotations (keepAnnotations) to merge with --annotate' }),
  chunk_gone: (p) => ({ message: `${chunkEn(p.chunk)} is not in ${whereEn(p)} any more (removed?)`, hint: 'produce the same input again (chunks already done are kept), then merge' }),
  chunk_failed: (p) => ({
    message: `${chunkEn(p.chunk)} failed after ${p.attempts} attempt${p.attempts === 1 ? '' : 's'}: ${p.error ?? 'no reason given'}`,
    hint: 'fix the cause (the workers say it on stderr), then produce the same input again: it retries the failed chunks only',
  }),
  chunk_without_result: (p) => ({ message: `${chunkEn(p.chunk)} has no result in ${whereEn(p)}`, hint: 'produce the same input again, let the workers finish, then merge' }),
  run_without_chunk: (p) => ({ message: `the run in ${whereEn(p)} has no chunk (its inputs had no row)`, hint: 'produce the input again, with the files holding the rows' }),
  queue_busy: (p) => ({
    message: `${whereEn(p)} is at work (${[p.active > 0 ? `${p.active} chunk${p.active === 1 ? '' : 's'} held by workers` : '', p.producing ? 'a producer enqueuing chunks' : ''].filter(Boolean).join(', ')}): nothing removed`,
    hint: 'wait for the workers and the producer to finish, or stop them, then empty it again (verbatim queue clear --force removes the chunks in hand too)',
  }),
  run_replaced: (p) => ({ message: `another run was produced in ${whereEn(p)} after the one merged: the queue was not emptied`, hint: 'merge that run too, or empty the queue with verbatim queue clear' }),
};

const fr: QueueCatalogue = {
  missing_dependency: ({ missing }) => ({
    message: `installez ${missing === 'bullmq' ? 'bullmq' : 'bullmq et ioredis'} pour utiliser verbatim queue (une dépendance facultative de verbatim-fr, absente ici)`,
    hint: `npm install ${missing === 'bullmq' ? 'bullmq@5' : 'ioredis'} là où verbatim-fr est installé (ajoutez -g pour un verbatim global) ; le reste de verbatim fonctionne sans`,
  }),
  bad_url: ({ url, why, protocol }) => ({
    message: `${why === 'notUrl' ? "ce n'est pas une URL Redis" : why === 'protocol' ? `ce n'est pas une URL Redis (${protocol ?? ''}://)` : "la base après l'hôte doit être un numéro"} : ${JSON.stringify(url)}`,
    hint: URL_HINT_FR,
  }),
  unreachable: ({ url, why }) => ({
    message: `impossible de joindre Redis sur ${url} (${why})`,
    hint: 'démarrez Redis (redis-server) ou donnez son URL avec --redis redis://HÔTE:PORT (l’option redis de l’API) ; le producteur, les workers et la fusion doivent utiliser le même Redis et la même file',
  }),
  timeout: (p) => ({ message: `${p.done} lots sur ${p.total} terminés après ${p.seconds} s (${whereFr(p)})`, hint: 'démarrez des workers (verbatim queue work) sur le même Redis et la même file, ou attendez plus longtemps (--timeout)' }),
  producer_failed: (p) => ({ message: `le producteur de ${whereFr(p)} (${p.by}, démarré ${p.started}) a échoué avant la fin de son entrée : ${p.error ?? 'aucune raison donnée'}`, hint: AGAIN_FR }),
  producer_silent: (p) => ({ message: `le producteur de ${whereFr(p)} (${p.by}, démarré ${p.started}) s'est arrêté avant la fin de son entrée : aucun signe de vie depuis ${p.seconds} s`, hint: AGAIN_FR }),
  no_run: (p) => ({ message: `aucune passe enregistrée dans ${whereFr(p)}`, hint: "lancez d'abord verbatim queue produce FICHIER… (avec les mêmes --redis et --queue), et laissez-le finir" }),
  run_other_version: (p) => ({ message: `la passe enregistrée dans ${whereFr(p)} a été écrite par une autre version de verbatim-fr`, hint: "produisez de nouveau l'entrée avec cette version" }),
  run_without_annotations: (p) => ({ message: `la passe de ${whereFr(p)} n'a pas gardé le codage des lignes`, hint: 'produisez-la de nouveau avec --keep-annotations (keepAnnotations) pour fusionner avec --annotate' }),
  chunk_gone: (p) => ({ message: `${capital(chunkFr(p.chunk))} n'est plus dans ${whereFr(p)} (supprimé ?)`, hint: 'produisez de nouveau la même entrée (les lots déjà faits sont gardés), puis fusionnez' }),
  chunk_failed: (p) => ({
    message: `${capital(chunkFr(p.chunk))} a échoué après ${p.attempts} tentative${p.attempts >= 2 ? 's' : ''} : ${p.error ?? 'aucune raison donnée'}`,
    hint: 'corrigez la cause (les workers la disent sur leur sortie d’erreur), puis produisez de nouveau la même entrée : seuls les lots en échec sont relancés',
  }),
  chunk_without_result: (p) => ({ message: `${capital(chunkFr(p.chunk))} n'a pas de résultat dans ${whereFr(p)}`, hint: 'produisez de nouveau la même entrée, laissez les workers finir, puis fusionnez' }),
  run_without_chunk: (p) => ({ message: `la passe de ${whereFr(p)} n'a aucun lot (ses entrées n'avaient aucune ligne)`, hint: "produisez de nouveau l'entrée, avec les fichiers qui contiennent les lignes" }),
  queue_busy: (p) => ({
    message: `${capital(whereFr(p))} est au travail (${[p.active > 0 ? `${p.active} lot${p.active >= 2 ? 's' : ''} en cours chez des workers` : '', p.producing ? 'un producteur qui met des lots en file' : ''].filter(Boolean).join(', ')}) : rien n'a été supprimé`,
    hint: 'attendez que les workers et le producteur aient fini, ou arrêtez-les, puis videz-la de nouveau (verbatim queue clear --force supprime aussi les lots en cours)',
  }),
  run_replaced: (p) => ({ message: `une autre passe a été produite dans ${whereFr(p)} après celle fusionnée : la file n'a pas été vidée`, hint: 'fusionnez aussi cette passe, ou videz la file avec verbatim queue clear' }),
};

export const QUEUE_MESSAGES: Readonly<Record<'fr' | 'en', QueueCatalogue>> = { en, fr };

/** What a queue problem says in `lang` (default English). */
export function queueText(problem: QueueProblem, lang: 'fr' | 'en' = 'en'): { message: string; hint: string } {
  return (QUEUE_MESSAGES[lang][problem.reason] as (p: unknown) => { message: string; hint: string })(problem.params);
}
