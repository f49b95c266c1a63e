// Which input column holds the text, id, date, score and channel.
import { inputProblem, type InputIssueProblem } from './issue-messages.js';
import { slugify } from '../lexicon/channels.js';
import type { ColumnOptions } from './types.js';

export type Role = 'text' | 'id' | 'date' | 'score' | 'channel' | 'author';

/** Headers recognised per role, most specific first (compared as slugs). */
const KNOWN: Record<Role, string[]> = {
  text: ['verbatim', 'verbatims', 'commentaire', 'commentaires', 'texte', 'text', 'message', 'avis', 'remarque',
    'remarques', 'reponse', 'contenu', 'comment', 'comments', 'feedback', 'review', 'body', 'content',
    'verbatim client', 'commentaire client', 'texte libre', 'question ouverte', 'content review', 'review content',
    'review text', 'review body', 'texte avis', 'contenu avis', 'texte commentaire', 'message client'],
  channel: ['canal', 'canaux', 'channel', 'source', 'origine', 'media', 'canal de contact', 'support'],
  id: ['id', 'identifiant', 'ref', 'reference', 'numero', 'num', 'no', 'n', 'uid', 'uuid', 'key', 'id verbatim',
    'id reponse', 'response id', 'respondent id'],
  date: ['date', 'date de reponse', 'date reponse', 'date de creation', 'date avis', 'created at', 'created',
    'horodatage', 'timestamp', 'submitted at', 'date du contact', 'jour'],
  score: ['note', 'score', 'nps', 'csat', 'ces', 'rating', 'etoiles', 'stars', 'note nps', 'note globale',
    'note sur 10', 'note sur 5', 'satisfaction'],
  // Who wrote the row (customer or brand): never a bare "auteur", which usually holds names.
  author: ['role', 'type auteur', 'auteur type', 'role auteur', 'author type', 'author role', 'type emetteur',
    'emetteur type', 'sender type', 'type de message', 'message type'],
};

// Word-level fallback ("Votre commentaire", "note_globale_client"), for the
// roles whose words are unambiguous inside a longer header.
const WORDS: Partial<Record<Role, string[]>> = {
  text: ['verbatim', 'commentaire', 'commentaires', 'comment', 'comments', 'feedback', 'remarque', 'remarques', 'texte', 'avis',
    'review', 'reviews', 'content', 'contenu', 'body', 'corps'],
  score: ['note', 'nps', 'csat', 'score', 'rating'],
  channel: ['canal', 'channel'],
  date: ['date'],
  id: ['id', 'identifiant', 'ref', 'reference', 'uuid'],
};

/** Comparison key of a header: `Réponse client` → `reponse client`. */
export const headerKey = (header: string): string => slugify(header).replace(/_/g, ' ');

export interface ColumnMapping {
  text?: string;
  /** `--text a+b`: the columns joined, one line each, into the text (`text` is then `a+b`). */
  textColumns?: string[];
  id?: string;
  date?: string;
  score?: string;
  channel?: string;
  /** Who wrote the row: customer, or the brand / an agent. */
  author?: string;
  /** Constant channel for the whole file. */
  constantChannel?: string;
}

/** A column named or needed that is not there: an input issue code with its parameters, and its English words. */
export type MappingProblem = Extract<InputIssueProblem, { code: 'no_text_part' | 'no_role_column' | 'no_text_column' }> & { message: string; hint: string };

/**
 * Words of a header that name what is not the body of a verbatim, even with a
 * text word in it: `title_review`, `review_date`, `id_avis`.
 */
const NOT_TEXT = new Set(['title', 'titre', 'subject', 'sujet', 'objet', 'headline', 'id', 'date', 'url', 'lien', 'link', 'lang', 'language', 'langue']);

const FLAGS: Record<Role, string> = { text: '--text', id: '--id', date: '--date', score: '--score', channel: '--channel', author: '--author' };

/** Map headers to roles; explicit names must exist, others are auto-detected. */
export function mapColumns(headers: ReadonlyArray<string>, options: ColumnOptions): { mapping: ColumnMapping; problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  const mapping: ColumnMapping = {};
  const byKey = new Map<string, string>();
  for (const header of headers) {
    const key = headerKey(header);
    if (!byKey.has(key)) byKey.set(key, header);
  }
  const taken = new Set<string>();

  const explicit: Partial<Record<Role, string>> = {};
  if (options.text !== undefined) explicit.text = options.text;
  if (options.id !== undefined) explicit.id = options.id;
  if (options.date !== undefined) explicit.date = options.date;
  if (options.score !== undefined) explicit.score = options.score;
  if (options.author !== undefined) explicit.author = options.author;
  if (options.channelColumn !== undefined) explicit.channel = options.channelColumn;
  else if (options.channel !== undefined) {
    const header = byKey.get(headerKey(options.channel));
    if (header !== undefined) explicit.channel = header;
    else mapping.constantChannel = options.channel;
  }

  const find = (wanted: string): string | undefined => (headers.includes(wanted) ? wanted : byKey.get(headerKey(wanted)));
  // `--text title+body`: columns joined, unless one column is named so (with its `+`).
  const joined = explicit.text !== undefined && find(explicit.text) === undefined && explicit.text.includes('+')
    ? explicit.text.split('+').map((part) => part.trim()) : undefined;
  if (joined !== undefined) {
    delete explicit.text;
    const found: string[] = [];
    for (const part of joined) {
      const header = part === '' ? undefined : find(part);
      if (header === undefined) {
        problems.push(inputProblem('no_text_part', { part, joined: joined.join('+'), headers: [...headers] }) as MappingProblem);
      } else if (!found.includes(header)) found.push(header);
    }
    mapping.text = found.join('+');
    mapping.textColumns = found;
    for (const header of found) taken.add(header);
  }

  for (const role of ['text', 'id', 'date', 'score', 'channel', 'author'] as const) {
    const wanted = explicit[role];
    if (wanted === undefined) continue;
    const header = find(wanted);
    if (header === undefined) {
      problems.push(inputProblem('no_role_column', { wanted, role, flag: FLAGS[role], headers: [...headers] }) as MappingProblem);
    } else {
      mapping[role] = header;
      taken.add(header);
    }
  }

  const roles = (['text', 'id', 'date', 'score', 'channel', 'author'] as const).filter(
    (role) => explicit[role] === undefined && mapping[role] === undefined && !(role === 'channel' && mapping.constantChannel !== undefined),
  );
  // Exact names first for every role, then words inside longer headers.
  for (const role of roles) {
    for (const name of KNOWN[role]) {
      const header = byKey.get(name);
      if (header !== undefined && !taken.has(header)) {
        mapping[role] = header;
        taken.add(header);
        break;
      }
    }
  }
  // Text first: "Commentaire client" is the text, not a client id.
  for (const role of roles) {
    const words = WORDS[role];
    if (mapping[role] !== undefined || !words) continue;
    const header = headers.find((h) => {
      if (taken.has(h)) return false;
      const parts = headerKey(h).split(' ');
      return parts.some((w) => words.includes(w)) && (role !== 'text' || !parts.some((w) => NOT_TEXT.has(w)));
    });
    if (header !== undefined) {
      mapping[role] = header;
      taken.add(header);
    }
  }

  if (mapping.text === undefined && explicit.text === undefined && joined === undefined) {
    problems.push(inputProblem('no_text_column', { headers: [...headers] }) as MappingProblem);
  }
  return { mapping, problems };
}
