// Counts and decimals in the words of a language, for every room that writes
// text for people (the report, the discovery, the evaluation).

/**
 * Whether a count takes the plural: from 2 in French ("0 ligne lue",
 * "1 ligne lue", "2 lignes lues"), other than 1 in English ("0 rows").
 */
export const plural: Record<'fr' | 'en', (n: number) => boolean> = {
  fr: (n) => Math.abs(n) >= 2,
  en: (n) => n !== 1,
};

/** Decimal separator of a label language: a comma unless English. */
const decimalFor = (lang: string): string => (lang === 'en' ? '.' : ',');

/** `x` with `digits` decimals and the language's decimal mark ("83,3" / "83.3"); a dash for null. */
export function formatNumber(x: number | null, digits: number, lang: string): string {
  if (x === null) return '—';
  const s = x.toFixed(digits);
  return decimalFor(lang) === ',' ? s.replace('.', ',') : s;
}
