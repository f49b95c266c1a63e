import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeForTerminal, neutralizeText } from '../../src/_utils/display.js';
import { buildReport, renderReport } from '../../src/report/index.js';
import type { ReportReject } from '../../src/report/index.js';
import { renderHtml } from '../../src/report/renderers/html.js';
import { analysis, meta } from './helpers.js';

// Controls other than tab / line feed / carriage return, C1, bidi marks, embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('neutralizeText and escapeForTerminal', () => {
  it.each([
    ['Colis \u202Eenu tnemeiap\u202C reçu', 'Colis \uFFFDenu tnemeiap\uFFFD reçu', 'Colis \\u202eenu tnemeiap\\u202c reçu'],
    ['rouge \u001b[31mALERTE\u001b[0m', 'rouge \uFFFD[31mALERTE\uFFFD[0m', 'rouge \\x1b[31mALERTE\\x1b[0m'],
    ['titre \u001b]0;pwned\u0007', 'titre \uFFFD]0;pwned\uFFFD', 'titre \\x1b]0;pwned\\x07'],
    ['isolé \u2067x\u2069 \u200F', 'isolé \uFFFDx\uFFFD \uFFFD', 'isolé \\u2067x\\u2069 \\u200f'],
    ['deux\nlignes\tet tab', 'deux\nlignes\tet tab', 'deux\nlignes\tet tab'],
    ['Très bien, merci ! 👍', 'Très bien, merci ! 👍', 'Très bien, merci ! 👍'],
  ])('%j', (text, report, terminal) => {
    expect(neutralizeText(text)).toBe(report);
    expect(escapeForTerminal(text)).toBe(terminal);
  });

  it('a single line for the terminal escapes line breaks too', () => {
    expect(escapeForTerminal('avis\n.csv', true)).toBe('avis\\x0a.csv');
  });

  it('leaves nothing unsafe, keeps safe text as it is, and keeps the length in code units (report offsets stay valid)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const safe = neutralizeText(text);
        expect(UNSAFE.test(safe)).toBe(false);
        expect(UNSAFE.test(escapeForTerminal(text))).toBe(false);
        expect(safe.length).toBe(text.length);
        if (!UNSAFE.test(text)) expect(safe).toBe(text);
      }),
    );
  });
});

describe('reports never carry controls or bidi overrides', () => {
  const hostile = analysis({
    id: 'x1',
    text: 'Livraison \u202Etard\u202C, colis \u001b[2Jabîmé',
    matches: [['livraison_retard', 'irritant', 'livraison', 'Livraison']],
    tonality: 'negatif',
  });
  const reject: ReportReject = { source: { file: 'export\u001b]0;x\u0007.csv', row: 3 }, reason: 'empty text', hint: 'cellule \u202Evide' };

  it.each(['md', 'table'] as const)('%s', async (format) => {
    const out = await renderReport(await buildReport([hostile, reject], { meta, maskPersonalData: false }), format);
    expect(out).toContain('\uFFFD');
    expect(UNSAFE.test(out)).toBe(false);
  });

  it('html', async () => {
    const out = await renderHtml(await buildReport([hostile, reject], { meta, maskPersonalData: false }));
    expect(out).toContain('\uFFFD');
    expect(UNSAFE.test(out.replace(/\n|\r|\t/g, ''))).toBe(false);
  });
});
