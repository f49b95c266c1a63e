// Accuracy of detectLanguage on the multilingual fixture, against franc restricted to the same
// candidates (franc is a devDependency, the oracle) and against the franc-based detector it replaced.
//   test/fixtures/languages/*.jsonl          52 texts per language, written before the profiles
//   test/fixtures/languages/holdout/*.jsonl  12 texts per language, written after the profiles were
//                                            tuned and never tuned on
// Texts written for the project (reviews, complaints, chats, letters; typos, some without accents).
// LANGUAGE_REPORT=1 npx vitest run test/text/language-accuracy.test.ts prints the per-language table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { franc } from 'franc';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGES, detectLanguage } from '../../src/text/index.js';
import { detectLanguageFranc } from './language-franc.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/languages');
/** Short texts, counted apart: under this many characters. */
const SHORT = 60;

interface Sample {
  lang: string;
  text: string;
}

function load(dir: string): Sample[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => ({ lang: file.replace(/\.jsonl$/, ''), text: (JSON.parse(line) as { text: string }).text })),
    );
}

type Detector = (text: string, only: readonly string[]) => string;

const DETECTORS: Record<string, Detector> = {
  profiles: (text, only) => detectLanguage(text, { only }),
  franc: (text, only) => franc(text, { only: [...only], minLength: 1 }),
  'franc-based (before)': (text, only) => detectLanguageFranc(text, { only }),
};

interface Score {
  right: number;
  total: number;
  shortRight: number;
  shortTotal: number;
}

/** Right answers per detector and language (`all` for the sum). */
function score(samples: readonly Sample[], only: readonly string[]): Record<string, Record<string, Score>> {
  const out: Record<string, Record<string, Score>> = {};
  for (const [name, detect] of Object.entries(DETECTORS)) {
    const byLang: Record<string, Score> = {};
    for (const { lang, text } of samples) {
      const right = detect(text, only) === lang ? 1 : 0;
      const short = text.length < SHORT ? 1 : 0;
      for (const key of [lang, 'all']) {
        const s = (byLang[key] ??= { right: 0, total: 0, shortRight: 0, shortTotal: 0 });
        s.right += right;
        s.total += 1;
        s.shortRight += right * short;
        s.shortTotal += short;
      }
    }
    out[name] = byLang;
  }
  return out;
}

const rate = (right: number, total: number) => (total === 0 ? 1 : right / total);
const overall = (s: Score) => rate(s.right, s.total);
const short = (s: Score) => rate(s.shortRight, s.shortTotal);

function table(title: string, scores: Record<string, Record<string, Score>>): string {
  const langs = [...Object.keys(scores.profiles ?? {}).filter((lang) => lang !== 'all').sort(), 'all'];
  const names = Object.keys(scores);
  const cell = (s: Score | undefined) => (s === undefined ? '' : `${s.right}/${s.total} (short ${s.shortRight}/${s.shortTotal})`);
  return [title, ['lang', ...names].join(' | '), ...langs.map((lang) => [lang, ...names.map((n) => cell(scores[n]?.[lang]))].join(' | '))].join('\n');
}

const fixture = load(FIXTURES);
const holdout = load(join(FIXTURES, 'holdout'));

describe('language fixture', () => {
  it('has at least 40 texts of 20 letters or more for each of the 12 languages', () => {
    for (const lang of DEFAULT_LANGUAGES) {
      const texts = fixture.filter((s) => s.lang === lang).map((s) => s.text);
      expect(texts.length, lang).toBeGreaterThanOrEqual(40);
      for (const text of texts) expect((text.match(/\p{L}/gu) ?? []).length, text).toBeGreaterThanOrEqual(20);
    }
    expect(new Set(fixture.map((s) => s.lang))).toEqual(new Set(DEFAULT_LANGUAGES));
    expect(new Set(holdout.map((s) => s.lang))).toEqual(new Set(DEFAULT_LANGUAGES));
  });
});

describe.each([
  ['fixture', fixture, 0.97],
  ['held-out set', holdout, 0.95],
])('detectLanguage accuracy on the %s', (title, samples, floor) => {
  const scores = score(samples, DEFAULT_LANGUAGES);
  if (process.env.LANGUAGE_REPORT) console.log(table(`${title}, only = DEFAULT_LANGUAGES`, scores));
  const ours = scores.profiles?.all as Score;
  const theirs = scores.franc?.all as Score;
  const before = scores['franc-based (before)']?.all as Score;

  it(`is at least franc's and the franc-based detector's, overall and on short texts`, () => {
    expect(overall(ours)).toBeGreaterThanOrEqual(overall(theirs));
    expect(short(ours)).toBeGreaterThanOrEqual(short(theirs));
    expect(overall(ours)).toBeGreaterThanOrEqual(overall(before));
    expect(short(ours)).toBeGreaterThanOrEqual(short(before));
  });

  it(`stays above its floor (${floor} overall and on short texts, 0.9 per language)`, () => {
    expect(overall(ours)).toBeGreaterThanOrEqual(floor);
    expect(short(ours)).toBeGreaterThanOrEqual(floor);
    for (const [lang, s] of Object.entries(scores.profiles ?? {})) expect(overall(s), lang).toBeGreaterThanOrEqual(0.9);
  });
});

// The same comparison with fewer candidates: the Romance neighbours among themselves, and French
// against English only (every text of the two languages).
describe.each([
  [['spa', 'cat', 'por', 'ita']],
  [['fra', 'eng']],
  [['deu', 'nld', 'eng']],
])('detectLanguage accuracy with only = %j', (only) => {
  const samples = [...fixture, ...holdout].filter((s) => only.includes(s.lang));
  const scores = score(samples, only);
  if (process.env.LANGUAGE_REPORT) console.log(table(`fixture and held-out set, only = ${JSON.stringify(only)}`, scores));

  it("is at least franc's, overall and on short texts", () => {
    const ours = scores.profiles?.all as Score;
    const theirs = scores.franc?.all as Score;
    expect(overall(ours)).toBeGreaterThanOrEqual(overall(theirs));
    expect(short(ours)).toBeGreaterThanOrEqual(short(theirs));
    expect(overall(ours)).toBeGreaterThanOrEqual(0.95);
  });
});
