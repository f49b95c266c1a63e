// Chat transcripts: split "Client : …" / "Conseillère : …" lines into turns, so
// that only the customer's words are analysed and matches map back to the
// original text. Browser-safe, never throws on a string.
import { foldAccents } from './fold.js';
import { expectedError, typeName } from '../_utils/describe.js';

/** Who speaks in a turn. `unknown`: a named speaker whose role could not be told, or a system line. */
export type ChatSpeaker = 'customer' | 'agent' | 'bot' | 'unknown';

export interface ChatTurn {
  speaker: ChatSpeaker;
  /** Speaker label as written: `Client`, `Julie (conseillère)`; empty for a timestamped system line. */
  label: string;
  /** The message as written, continuation lines included: `original.slice(start, end)`. */
  text: string;
  /** Offsets of `text` in the original string (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** Offset of the turn's first line, speaker prefix included. */
  lineStart: number;
  /** Timestamp as written (`10:42`, `2025-03-02 10:42:11`), when the line has one. */
  time?: string;
}

export interface ChatTranscript {
  /** True when at least two turns by two different speakers were found. */
  isTranscript: boolean;
  /** The turns, in order; empty when `isTranscript` is false. */
  turns: ChatTurn[];
  /** Back-and-forths; see `countExchanges`. */
  exchanges: number;
}

/** The customer's words cut out of a transcript, with the way back to the original offsets. */
export interface CustomerText {
  /** Customer turn texts joined with `\n` (the whole original when it is no transcript). */
  text: string;
  /** Pieces of `text` ([start, end)) copied from the original at `originalStart`. */
  segments: Array<{ start: number; end: number; originalStart: number }>;
  /** Maps an offset in `text` to the original (an end offset maps to the end of its piece). */
  toOriginal(offset: number): number;
}

// ---------------------------------------------------------------- line syntax

const TIME = String.raw`\d{1,2}[:h]\d{2}(?:[:m]\d{2})?`;
const DATE = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))`;
const STAMP = String.raw`(?:${DATE}(?:T|,? (?:à )?)${TIME}|${DATE}|${TIME})`;
const WRAPPED = String.raw`(?:\[ ?${STAMP} ?\]|\( ?${STAMP} ?\)|${STAMP})`;
const LEAD = String.raw`^[ \t]*(?:(${WRAPPED})[ \t]*(?:[-–—|][ \t]*)?)?`;
// Lazy, bounded label: the shortest label followed by the rest of the prefix wins,
// so "Client - 10:42 :" keeps the time out of the label.
// A parenthesis holding a time is a timestamp (TRAIL), not a role.
const LABEL = String.raw`(\p{L}[\p{L}\p{M}\p{N}'’.\- ]{0,39}?)(?:[ \t]*\((?! ?${STAMP} ?\))([^()\n]{1,40})\))?`;
const TRAIL = String.raw`(?:[ \t]*(?:[-–—,][ \t]*)?(${WRAPPED}))`;
const SPACE = '[ \\t\\u00a0\\u202f]*';

/** `[10:42] Client : bonjour` */
// The colon is never glued to a digit, so "Vous 10:42" does not read as label "Vous 10".
/** @internal exported for the tests */
export const SPEAKER_LINE = new RegExp(`${LEAD}${LABEL}${TRAIL}?${SPACE}[:：](?!\\d)`, 'u');
/** `Vous 10:42` or `Client - 10:42` on its own line, the message below. */
/** @internal exported for the tests */
export const HEADER_LINE = new RegExp(`${LEAD}${LABEL}${TRAIL}${SPACE}[:：]?${SPACE}$`, 'u');
const STAMP_ONLY = new RegExp(`^[ \\t]*${WRAPPED}${SPACE}$`, 'u');
const STAMPED_LINE = new RegExp(`^[ \\t]*(${WRAPPED})[ \\t]*(?:[-–—|][ \\t]*)?(?=\\S)`, 'u');

/** Role phrases, accent-folded and lowercase; the longest matching phrase wins. */
const ROLE_PHRASES: ReadonlyArray<readonly [string, ChatSpeaker]> = [
  ['assistant virtuel', 'bot'],
  ['assistante virtuelle', 'bot'],
  ['agent virtuel', 'bot'],
  ['conseiller virtuel', 'bot'],
  ['conseillere virtuelle', 'bot'],
  ['chatbot', 'bot'],
  ['bot', 'bot'],
  ['robot', 'bot'],
  ['assistant', 'bot'],
  ['assistante', 'bot'],
  ['service client', 'agent'],
  ['service clients', 'agent'],
  ['service clientele', 'agent'],
  ['relation client', 'agent'],
  ['charge de clientele', 'agent'],
  ['chargee de clientele', 'agent'],
  ['conseiller', 'agent'],
  ['conseillere', 'agent'],
  ['teleconseiller', 'agent'],
  ['teleconseillere', 'agent'],
  ['agent', 'agent'],
  ['operateur', 'agent'],
  ['operatrice', 'agent'],
  ['support', 'agent'],
  ['sav', 'agent'],
  ['hotline', 'agent'],
  ['technicien', 'agent'],
  ['technicienne', 'agent'],
  ['vendeur', 'agent'],
  ['vendeuse', 'agent'],
  ['client', 'customer'],
  ['cliente', 'customer'],
  ['customer', 'customer'],
  ['vous', 'customer'],
  ['moi', 'customer'],
  ['usager', 'customer'],
  ['utilisateur', 'customer'],
  ['utilisatrice', 'customer'],
  ['abonne', 'customer'],
  ['abonnee', 'customer'],
  ['visiteur', 'customer'],
  ['visiteuse', 'customer'],
  ['internaute', 'customer'],
];
/** Role of each role phrase. */
const ROLE_OF_PHRASE: ReadonlyMap<string, ChatSpeaker> = new Map(ROLE_PHRASES);
const DETERMINERS = new Set(['le', 'la', "l'", 'l’', 'votre', 'notre', 'mon', 'ma', 'un', 'une', 'the']);
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\d+|#\d+)$/u;

/** A word that can follow a role or make a name: capitalised, a number, or an initial. */
const isNameWord = (word: string): boolean => NAME_WORD.test(word);

/** Role of a label: the longest role phrase first (after a determiner), then only names or numbers. */
function roleOfLabel(label: string): ChatSpeaker | null {
  const words = label.split(/\s+/).filter((w) => w !== '' && w !== '-');
  let i = 0;
  if (words.length > 1 && DETERMINERS.has(foldAccents(words[0] as string))) i = 1;
  // Folded once per label, not once per role phrase (this runs on every line of every multi-line verbatim).
  const folded: string[] = [];
  for (const w of words.slice(i, i + 4)) folded.push(foldAccents(w).replace(/[.:]$/, ''));
  for (let n = folded.length; n > 0; n--) {
    const speaker = ROLE_OF_PHRASE.get(folded.slice(0, n).join(' '));
    if (speaker !== undefined) return words.slice(i + n).every(isNameWord) ? speaker : null;
  }
  return null;
}

/** A name-only label: one to three capitalised words (`Julie`, `Marc D.`). */
function isNameLabel(label: string): boolean {
  const words = label.split(/\s+/).filter((w) => w !== '');
  return words.length >= 1 && words.length <= 3 && words.every(isNameWord) && !/^\d/.test(label);
}

// ---------------------------------------------------------------- parsing

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|[\n\r\u2028\u2029]/g;
  let from = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    lines.push({ start: from, text: text.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  lines.push({ start: from, text: text.slice(from) });
  return lines;
}

interface Candidate {
  label: string;
  role: ChatSpeaker | null;
  time: string | undefined;
  /** Offset in the line where the message may start (the message may be on the next lines). */
  messageAt: number;
}

/**
 * Whether a line ends as HEADER_LINE needs: its timestamp last (a digit, or
 * the bracket or parenthesis around it), then maybe a colon, spaces around.
 * @internal exported for the tests
 */
export function endsWithStamp(line: string): boolean {
  let e = line.length;
  const blank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f;
  while (e > 0 && blank(line.charCodeAt(e - 1))) e--;
  const colon = line.charCodeAt(e - 1);
  if (colon === 0x3a || colon === 0xff1a) {
    e--;
    while (e > 0 && blank(line.charCodeAt(e - 1))) e--;
  }
  const c = line.charCodeAt(e - 1);
  return (c >= 0x30 && c <= 0x39) || c === 0x5d || c === 0x29;
}

function candidateOf(line: string): Candidate | null {
  // Each pattern only where it may match: a header ends with its timestamp, a speaker's label has its colon.
  const m = (endsWithStamp(line) ? HEADER_LINE.exec(line) : null) ?? (line.includes(':') || line.includes('：') ? SPEAKER_LINE.exec(line) : null);
  if (!m) return null;
  const label = (m[2] ?? '').trim();
  const paren = m[3];
  const time = m[1] ?? m[4];
  // "Julie (conseillère)": the parenthesis gives the role; "Julie (10h42)" would have matched as a time.
  const role = roleOfLabel(label) ?? (paren !== undefined ? roleOfLabel(paren.trim()) : null);
  if (role === null && !isNameLabel(label)) return null;
  return {
    label: paren === undefined ? label : `${label} (${paren.trim()})`,
    role,
    // Present when absent too: one shape for every candidate.
    time: time === undefined ? undefined : unwrapStamp(time),
    messageAt: m[0].length,
  };
}

function unwrapStamp(stamp: string): string {
  return stamp.trim().replace(/^[[(] ?| ?[\])]$/g, '');
}

function labelKey(label: string): string {
  return foldAccents(label).replace(/\s+/g, ' ');
}

/**
 * Exchanges: back-and-forths, counted as the customer blocks (one or more
 * customer turns in a row) answered by an agent or bot block. "6.9 exchanges on
 * average" then reads as about seven question-answer rounds. System lines
 * (`unknown`) are skipped.
 */
export function countExchanges(turns: readonly ChatTurn[]): number {
  let exchanges = 0;
  let previous: ChatSpeaker | null = null;
  for (const turn of turns) {
    if (turn.speaker === 'unknown') continue;
    const side = turn.speaker === 'bot' ? 'agent' : turn.speaker;
    if (side === 'agent' && previous === 'customer') exchanges += 1;
    previous = side;
  }
  return exchanges;
}

/**
 * A line's speaker as the transcript accepts it: a known role, or a bare name
 * that recurs, or is timestamped like known speakers.
 */
function acceptedSpeaker(c: Candidate | null, nameUses: ReadonlyMap<string, number>, known: number, knownTimed: number): Candidate | null {
  if (!c) return null;
  if (c.role !== null) return c;
  const uses = nameUses.get(labelKey(c.label)) ?? 0;
  const recurs = uses >= 2 && (known > 0 || c.time !== undefined);
  return recurs || (c.time !== undefined && knownTimed > 0) ? c : null;
}

/**
 * Splits a chat transcript into turns. Recognises speaker-prefixed lines
 * (`Client :`, `Conseillère :`, `Agent :`, `Vous :`, `Moi :`, `Bot :`,
 * `Assistant virtuel :`, `Julie (conseillère) :`), with or without a timestamp
 * (`[10:42]`, `10:42 -`, `(10h42)`, `2025-03-02 10:42:11`, before or after the
 * label), or a header line `Vous 10:42` with the message below. Lines without
 * a prefix continue the previous turn. A name alone (`Julie :`) counts when it
 * heads two lines or more and the transcript has a known role or timestamps, or
 * when it is timestamped like known speakers; with a single such name and only
 * one side known, it takes the other side. Plain text gives `isTranscript: false`.
 */
export function parseChatTranscript(text: string): ChatTranscript {
  if (typeof text !== 'string') {
    throw expectedError('a string in parseChatTranscript', typeName(text));
  }
  // Every turn opens on a line with a colon or a digit (a speaker's colon, a timestamp): with fewer
  // than two such lines there are fewer than two turns, no transcript, and nothing to split.
  if (!twoLinesWithColonOrDigit(text)) return { isTranscript: false, turns: [], exchanges: 0 };
  const lines = splitLines(text);
  // Pushed, not mapped (here and below): `map` gives arrays of one elements kind or another, interpreted or
  // optimised, and the optimised code that read them was dropped each time it met the other.
  const candidates: Array<Candidate | null> = [];
  for (const line of lines) candidates.push(candidateOf(line.text));
  const known = candidates.filter((c) => c?.role != null).length;
  const knownTimed = candidates.filter((c) => c?.role != null && c.time !== undefined).length;
  const nameUses = new Map<string, number>();
  for (const c of candidates) if (c && c.role === null) nameUses.set(labelKey(c.label), (nameUses.get(labelKey(c.label)) ?? 0) + 1);
  const accepted: Array<Candidate | null> = [];
  for (const c of candidates) accepted.push(acceptedSpeaker(c, nameUses, known, knownTimed));
  const inTranscript = accepted.some((c) => c !== null);
  // A timestamped line without a speaker is a system line only where speaker lines carry timestamps too.
  const stampedFormat = accepted.some((c) => c?.time !== undefined);

  const turns: ChatTurn[] = [];
  let current: ChatTurn | null = null;
  let pendingTime: string | undefined;
  const close = () => {
    if (current) turns.push(current);
    current = null;
  };
  const open = (line: Line, label: string, speaker: ChatSpeaker, messageAt: number, time: string | undefined) => {
    close();
    const rest = line.text.slice(messageAt);
    const lead = rest.length - rest.trimStart().length;
    const body = rest.trim();
    const start = line.start + messageAt + lead;
    const stamp = time ?? pendingTime;
    pendingTime = undefined;
    current = { speaker, label, text: '', start, end: start + body.length, lineStart: line.start, ...(stamp === undefined ? {} : { time: stamp }) };
    if (body === '') current.start = current.end = line.start + line.text.length;
  };
  lines.forEach((line, i) => {
    const c = accepted[i];
    if (c) return open(line, c.label, c.role ?? 'unknown', c.messageAt, c.time);
    if (!inTranscript) return;
    if (STAMP_ONLY.test(line.text)) {
      close();
      pendingTime = unwrapStamp(line.text);
      return;
    }
    const stamped = stampedFormat ? STAMPED_LINE.exec(line.text) : null;
    if (stamped) return open(line, '', 'unknown', stamped[0].length, unwrapStamp(stamped[1] ?? ''));
    const body = line.text.trim();
    if (body === '' || current === null) return;
    const from = line.start + (line.text.length - line.text.trimStart().length);
    const turn: ChatTurn = current;
    if (turn.start === turn.end) turn.start = from; // message below a header-only line
    turn.end = from + body.length;
  });
  close();
  for (const turn of turns) turn.text = text.slice(turn.start, turn.end);

  inferNamedSpeakers(turns);
  const speakers = new Set(turns.filter((t) => t.label !== '').map((t) => labelKey(t.label)));
  const isTranscript = turns.length >= 2 && speakers.size >= 2;
  const kept = isTranscript ? turns : [];
  return { isTranscript, turns: kept, exchanges: countExchanges(kept) };
}

/** Whether two lines of the text (as splitLines cuts them) hold a colon or a digit: what every speaker line (its colon) or header line (its timestamp) holds. */
function twoLinesWithColonOrDigit(text: string): boolean {
  let lines = 0;
  let counted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) counted = false;
    else if (!counted && ((c >= 0x30 && c <= 0x3a) || c === 0xff1a)) {
      counted = true;
      if (++lines >= 2) return true;
    }
  }
  return false;
}

/** One named speaker against one known side: the name is the other side. */
function inferNamedSpeakers(turns: ChatTurn[]): void {
  const names = new Set(turns.filter((t) => t.speaker === 'unknown' && t.label !== '').map((t) => labelKey(t.label)));
  if (names.size !== 1) return;
  const sides = new Set(turns.map((t) => (t.speaker === 'bot' ? 'agent' : t.speaker)).filter((s) => s !== 'unknown'));
  if (sides.size !== 1) return;
  const other: ChatSpeaker = sides.has('customer') ? 'agent' : 'customer';
  for (const turn of turns) if (turn.speaker === 'unknown' && turn.label !== '') turn.speaker = other;
}

/**
 * The customer's words of a transcript (customer turns joined with `\n`) and an
 * offset map back to `original`. For text that is no transcript, the whole text
 * is the customer's.
 */
export function customerText(transcript: ChatTranscript, original: string): CustomerText {
  if (typeof original !== 'string' || typeof transcript !== 'object' || transcript === null || !Array.isArray(transcript.turns)) {
    throw new TypeError('verbatim-fr: expected a ChatTranscript and its original string in customerText');
  }
  const segments: CustomerText['segments'] = [];
  const parts: string[] = [];
  if (!transcript.isTranscript) {
    segments.push({ start: 0, end: original.length, originalStart: 0 });
    parts.push(original);
  } else {
    let at = 0;
    for (const turn of transcript.turns) {
      if (turn.speaker !== 'customer') continue;
      if (parts.length > 0) at += 1; // the '\n' between turns
      const piece = original.slice(turn.start, turn.end);
      segments.push({ start: at, end: at + piece.length, originalStart: turn.start });
      parts.push(piece);
      at += piece.length;
    }
  }
  const joined = parts.join('\n');
  return {
    text: joined,
    segments,
    toOriginal(offset: number): number {
      if (!Number.isInteger(offset) || offset < 0 || offset > joined.length) {
        throw expectedError(`an offset from 0 to ${joined.length} in toOriginal`, String(offset));
      }
      let lo = 0;
      let hi = segments.length - 1;
      // Last segment starting at or before the offset.
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((segments[mid] as { start: number }).start <= offset) lo = mid;
        else hi = mid - 1;
      }
      const seg = segments[lo];
      if (seg === undefined) return 0;
      return seg.originalStart + Math.min(offset, seg.end) - seg.start;
    },
  };
}
