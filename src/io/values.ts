// Cell values → Verbatim fields: scores and dates as French exports write them.
import { foldAccents as fold } from '../text/fold.js';

// "4,5", "8/10", "4 étoiles", "9 - Très probable", "10 (extrêmement probable)".
const SCORE =
  /^([+-]?\d{1,6}(?:[.,]\d+)?)(?:\s*(?:\/\s*\d+(?:[.,]\d+)?|etoiles?|stars?|pts?|points?|\*|%))?(?:\s*[-–:(]\s*[^\d\s].*)?$/;

/**
 * Score of a cell: a number, `4,5`, `8/10` (→ 8), `4 étoiles`, `★★★★` (→ 4),
 * `9 - Très probable`. Empty or unreadable → null.
 */
export function parseScore(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
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

