// Cell values → Verbatim fields: scores and dates as French exports write them.
import { foldAccents as fold } from '../text/fold.js';

// "4,5", "8/10", "4 étoiles", "9 - Très probable", "10 (extrêmement probable)".
const SCORE =
  /^([+-]?\d{1,6}(?:[.,]\d+)?)(?:\s*(?:\/\s*\d+(?:[.,]\d+)?|etoiles?|stars?|pts?|points?|\*|%))?(?:\s*[-–:(]\s*[^\d\s].*)?$/;

const isDigitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/**
 * Score of a cell: a number, `4,5`, `8/10` (→ 8), `4 étoiles`, `★★★★` (→ 4),
 * `9 - Très probable`. Empty or unreadable → null.
 */
export function parseScore(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  // Most score cells are a few digits: read at once, as SCORE would read them.
  if (value.length > 0 && value.length <= 6) {
    let digits = true;
    for (let i = 0; i < value.length && digits; i++) digits = isDigitAt(value, i);
    if (digits) return Number(value);
  }
  const text = fold(value.trim());
  if (text === '') return null;
  if (/^[★☆]+$/u.test(text)) return [...text].filter((c) => c === '★').length;
  const match = SCORE.exec(text);
  if (!match?.[1]) return null;
  const score = Number(match[1].replace(',', '.'));
  return Number.isFinite(score) ? score : null;
}

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6,
  juillet: 7, juil: 7, aout: 8, septembre: 9, sept: 9, octobre: 10, oct: 10, novembre: 11, nov: 11,
  decembre: 12, dec: 12,
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function fromExcelSerial(serial: number): string | undefined {
  // 1982-01-01 .. 2173: outside this a number is not a plausible export date.
  if (!(serial >= 29952 && serial < 100000)) return undefined;
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Date of a cell as `YYYY-MM-DD`: ISO dates and timestamps, `DD/MM/YYYY`,
 * `DD/MM/YY`, `DD-MM-YYYY`, `DD.MM.YYYY` (with or without a time after),
 * `12 mars 2024`, Excel serial numbers and `Date` objects. Unreadable → undefined.
 */
export function parseDate(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const day = isoDay(value);
    if (day !== null) return day;
  }
  return readDate(value);
}

const numberAt = (s: string, i: number, width: number): number => {
  let n = 0;
  for (let k = i; k < i + width; k++) n = n * 10 + s.charCodeAt(k) - 48;
  return n;
};
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A cell written `YYYY-MM-DD`, alone or before `T` or a space (an ISO
 * timestamp), as most exports write their dates: read by character code,
 * its day given back as a string of its own (`readDate` gives the same,
 * after folding, three patterns and a `Date`: a sixth of the reading of a
 * row). Null for any other cell, which `readDate` reads.
 */
function isoDay(value: string): string | undefined | null {
  if (value.length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  if (value.length > 10) {
    const c = value.charCodeAt(10);
    if (c !== 0x54 && c !== 0x74 && c !== 0x20) return null;
  }
  const digits = isDigitAt(value, 0) && isDigitAt(value, 1) && isDigitAt(value, 2) && isDigitAt(value, 3) && isDigitAt(value, 5) && isDigitAt(value, 6) && isDigitAt(value, 8) && isDigitAt(value, 9);
  if (!digits) return null;
  const year = numberAt(value, 0, 4);
  const month = numberAt(value, 5, 2);
  const day = numberAt(value, 8, 2);
  if (month < 1 || month > 12 || day < 1 || year < 1000) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return undefined;
  return value.length === 10 ? value : value.slice(0, 10);
}

/**
 * parseDate's reading of every cell (`isoDay` aside).
 * @internal exported for the tests
 */
export function readDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return fromExcelSerial(value);
  if (typeof value !== 'string') return undefined;
  const text = fold(value.trim());
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[t\s])/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:$|[\s,])/.exec(text);
  if (m) {
    let year = Number(m[3]);
    // Two-digit years: 00-69 → 2000s, 70-99 → 1900s (the usual spreadsheet pivot).
    if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
    return isoDate(year, Number(m[2]), Number(m[1]));
  }
  m = /^(?:[a-z]+\.?\s+)?(\d{1,2})(?:er)?\s+([a-z]+)\.?\s+(\d{4})(?:$|[\s,])/.exec(text);
  if (m) {
    const month = MONTHS[m[2]!];
    return month === undefined ? undefined : isoDate(Number(m[3]), month, Number(m[1]));
  }
  if (/^\d{5}(?:[.,]\d+)?$/.test(text)) return fromExcelSerial(Number(text.replace(',', '.')));
  return undefined;
}

/** Author column values meaning the brand's side (compared folded). */
const AGENT_AUTHORS = new Set([
  'agent', 'conseiller', 'conseillere', 'marque', 'brand', 'entreprise', 'company', 'business', 'owner', 'proprietaire',
  'reponse', 'response', 'reply', 'official', 'officiel', 'admin', 'moderateur', 'moderator', 'support', 'service client',
  'service clients', 'community manager', 'page', 'staff', 'vendeur', 'seller', 'merchant', 'marchand',
]);

/** Reads an author/role cell: `agent` for the brand's side (or one of `agentNames`), else `customer`. */
export function authorRole(value: string, agentNames: readonly string[] = []): 'customer' | 'agent' {
  const key = fold(value.trim()).replace(/[_-]+/g, ' ');
  if (key === '') return 'customer';
  if (AGENT_AUTHORS.has(key) || agentNames.some((n) => fold(n.trim()) === key)) return 'agent';
  return 'customer';
}

/**
 * A cell's text as a string of its own. A slice of a reader's decoded text
 * (a CSV window, an XML chunk) is a view of it: V8 keeps the whole text alive
 * for as long as any cell cut from it, or any word cut from that cell, lives,
 * and the analysis keeps words of every row it sees (memos, word tables), so
 * a run would end up holding most of the file. Short slices are copies already.
 */
export function ownText(cell: string): string {
  return cell.length < 13 ? cell : (' ' + cell).slice(1);
}

