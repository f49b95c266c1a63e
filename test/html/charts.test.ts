// The HTML report's SVG charts, drawn from hand-made rows (no report, no analyser).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chartLocale,
  comparisonChart,
  heatmapChart,
  irritantChart,
  journeyChart,
  textWidth,
  trendChart,
  type ChartFrame,
  type ComparisonRow,
  type IrritantRow,
} from '../../src/report/renderers/html/charts.js';

const fr: ChartFrame = { key: 'k', description: 'Un graphique <de test>', locale: chartLocale('fr-FR') };
const en: ChartFrame = { ...fr, locale: chartLocale('en-GB') };

interface Rect {
  cls: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  opacity: number;
}

function rects(svg: string, cls: string): Rect[] {
  return [...svg.matchAll(/<rect class="([^"]+)" x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)" fill="([^"]+)"(?: fill-opacity="([^"]+)")?/g)]
    .filter((m) => m[1] === cls)
    .map((m) => ({ cls: m[1] as string, x: Number(m[2]), y: Number(m[3]), width: Number(m[4]), height: Number(m[5]), fill: m[6] as string, opacity: m[7] === undefined ? 1 : Number(m[7]) }));
}

const texts = (svg: string): string[] => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
const size = (svg: string): [number, number] => {
  const m = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  return [Number(m?.[1]), Number(m?.[2])];
};

function row(channel: string, words: number | null, concepts: number | null, irritant: number | null): ComparisonRow {
  return { channel, words, concepts, irritant, wordsText: String(words ?? ''), conceptsText: String(concepts ?? ''), irritantText: irritant === null ? '' : `${Math.round(irritant * 100)} %` };
}

const titles = { words: 'Mots', concepts: 'Concepts', irritant: '% irritant' };

describe('every chart', () => {
  const charts = [
    comparisonChart([row('Avis', 20, 2, 0.5)], titles, fr),
    heatmapChart([{ theme: 'Livraison', channel: 'Avis', share: 0.4, label: '40 %' }], ['Livraison'], ['Avis'], 'Part', fr),
    irritantChart([{ irritant: 'Retard', share: 0.1, shareText: '10 %', impact: -2, lowBase: false }, { irritant: 'Attente', share: 0.3, shareText: '30 %', impact: 9.6, lowBase: true }], { share: 'Part', impact: 'Impact' }, fr),
    trendChart([{ period: 'janv.', item: 'Livraison', share: 0.2 }, { period: 'févr.', item: 'Livraison', share: 0.3 }], ['janv.', 'févr.'], ['Livraison'], { period: 'Période', share: 'Part' }, fr),
    journeyChart([{ family: 'Irritants (3)', stage: 'Après', order: 2, share: 3 }], ['Avant', 'Pendant', 'Après', 'Inconnue'], 'Mentions', fr),
  ];

  it.each(charts.map((svg, i) => [i, svg]))('chart %i keeps its labels inside its box (by the widths it lays out with)', (_, svg) => {
    const [width] = size(svg);
    for (const m of svg.matchAll(/<text x="([^"]+)" y="[^"]+"([^>]*)>([^<]*)<\/text>/g)) {
      const [, x, attrs, content] = m as unknown as [string, string, string, string];
      if (attrs.includes('transform=')) continue;
      const w = textWidth(content.replace(/&[a-z#0-9]+;/g, 'x'), attrs.includes('font-size="10"') ? 10 : 11);
      const [from, to] = attrs.includes('text-anchor="middle"') ? [Number(x) - w / 2, Number(x) + w / 2] : attrs.includes('text-anchor="end"') ? [Number(x) - w, Number(x)] : [Number(x), Number(x) + w];
      expect(from, content).toBeGreaterThanOrEqual(0);
      expect(to, content).toBeLessThanOrEqual(width);
    }
  });

  it.each(charts.map((svg, i) => [i, svg]))('chart %i is one inline SVG named by its escaped description, with no script and no link', (_, svg) => {
    expect(svg.startsWith('<svg class="chart" role="img" aria-label="Un graphique &lt;de test&gt;"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg).not.toMatch(/<script|href=|xmlns|NaN|undefined|Infinity/);
  });
});

describe('comparisonChart', () => {
  it('draws bars in proportion to the values, one panel per figure, and nothing for a missing value', () => {
    const svg = comparisonChart([row('Avis', 20, 2, 0.5), row('Chat', 40, null, 0.25)], titles, fr);
    const bars = rects(svg, 'bar');
    expect(bars).toHaveLength(5);
    const [avisWords, chatWords, avisConcepts] = bars as [Rect, Rect, Rect];
    expect(chatWords.width / avisWords.width).toBeCloseTo(2, 2);
    expect(avisConcepts.x).toBeGreaterThan(avisWords.x + 190);
    const shares = bars.slice(3);
    expect((shares[0] as Rect).width / (shares[1] as Rect).width).toBeCloseTo(2, 2);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Avis', 'Chat', '20', '40', '50 %', '25 %', 'Mots']));
  });

  it('labels the axes with round ticks in the locale (decimal comma, narrow space before % in French)', () => {
    const frTicks = texts(comparisonChart([row('Avis', 2.6, 1.2, 0.55)], titles, fr));
    const enTicks = texts(comparisonChart([row('Avis', 2.6, 1.2, 0.55)], titles, en));
    expect(frTicks).toEqual(expect.arrayContaining(['0', '0,5', '1', '1,5', '0\u202f%', '20\u202f%', '40\u202f%']));
    expect(enTicks).toEqual(expect.arrayContaining(['0.5', '1.5', '20%', '40%']));
  });

  it('cuts a long channel name with an ellipsis and escapes it', () => {
    const svg = comparisonChart([row(`<b>${'Enquête de satisfaction '.repeat(20)}</b>`, 1, 1, 0.1)], titles, fr);
    const label = texts(svg).find((t) => t.startsWith('&lt;b&gt;')) as string;
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBeLessThan(100);
    expect(svg).not.toContain('<b>');
  });

  it('keeps every bar inside its panel and every figure finite (property)', () => {
    const value = fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: null });
    const share = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, share), { minLength: 1, maxLength: 12 }), (values) => {
        const svg = comparisonChart(values.map(([w, c, s], i) => row(`canal ${i}`, w, c, s)), titles, fr);
        expect(svg).not.toMatch(/NaN|Infinity/);
        const [width] = size(svg);
        for (const bar of rects(svg, 'bar')) {
          expect(bar.width).toBeGreaterThanOrEqual(0);
          expect(bar.x + bar.width).toBeLessThanOrEqual(width);
        }
        // The largest value of a panel reaches at least half of the panel's 190 pixels.
        const words = values.map(([w]) => w).filter((w): w is number => w !== null);
        if (words.length > 0 && Math.max(...words) > 1e-6) {
          const longest = Math.max(...rects(svg, 'bar').slice(0, words.length).map((b) => b.width));
          expect(longest).toBeGreaterThan(95);
        }
      }),
    );
  });
});

describe('heatmapChart', () => {
  const cells = [0, 0.1, 0.2, 0.4, 0.8].map((share, i) => ({ theme: 'Livraison', channel: `c${i}`, share, label: `${share * 100} %` }));
  const svg = heatmapChart(cells, ['Livraison'], cells.map((c) => c.channel), 'Part des verbatims', fr);

  it('shades a larger share darker, and writes its label in white on the darkest cells', () => {
    const lightness = rects(svg, 'cell').map((r) => {
      const n = Number.parseInt(r.fill.slice(1), 16);
      return ((n >> 16) & 255) + ((n >> 8) & 255) + (n & 255);
    });
    expect(lightness).toHaveLength(5);
    for (let i = 1; i < lightness.length; i++) expect(lightness[i]).toBeLessThan(lightness[i - 1] as number);
    expect(svg.match(/fill="white">[^<]*<\/text>/g)).toEqual(['fill="white">80 %</text>']);
  });

  it('hatches a low-base cell, greys its text, gives it its n as a tooltip, keeps it out of the colour scale, and explains the hatching in the legend', () => {
    const mixed = [
      { theme: 'Livraison', channel: 'Avis (40)', share: 0.3, label: '30 %' },
      // 2 verbatims out of 2: a 100 % that must not flatten the other colours.
      { theme: 'Livraison', channel: 'E-mail (2)', share: 1, label: '100 %', lowBase: 'Livraison — E-mail : 100 % (n = 2, base faible)' },
    ];
    const out = heatmapChart(mixed, ['Livraison'], mixed.map((c) => c.channel), 'Part', fr, 'Hachuré : base faible');
    const [solid, low] = rects(out, 'cell');
    expect(low?.fill).toBe('url(#svg-k-hatch)');
    expect(out).toContain('<pattern id="svg-k-hatch"');
    expect(out).toContain('<title>Livraison — E-mail : 100 % (n = 2, base faible)</title>');
    // The solid cell is the top of the scale: the darkest colour, its label in white.
    expect(out.match(/fill="white">[^<]*<\/text>/g)).toEqual(['fill="white">30 %</text>']);
    expect(solid?.fill).toMatch(/^#/);
    expect(texts(out)).toContain('Hachuré : base faible');
    // Without a low-base cell: no pattern, no legend line, the same size as before.
    const plain = heatmapChart(mixed.slice(0, 1), ['Livraison'], ['Avis (40)'], 'Part', fr, 'Hachuré : base faible');
    expect(plain).not.toContain('pattern');
    expect(texts(plain)).not.toContain('Hachuré : base faible');
    expect(size(plain)).toEqual(size(heatmapChart(mixed.slice(0, 1), ['Livraison'], ['Avis (40)'], 'Part', fr)));
  });

  it('draws its colour legend from a gradient whose id is scoped by the chart key', () => {
    expect(svg).toContain('<linearGradient id="svg-k-1"');
    expect(svg).toContain('fill="url(#svg-k-1)"');
    expect(texts(svg)).toEqual(expect.arrayContaining(['Part des verbatims', '0\u202f%', '80\u202f%']));
  });
});

describe('irritantChart', () => {
  const rows: IrritantRow[] = [
    { irritant: 'Retard', share: 0.2, shareText: '20 %', impact: -4, lowBase: false },
    { irritant: 'Attente', share: 0.1, shareText: '10 %', impact: 2, lowBase: false },
    { irritant: 'Facture', share: 0.05, shareText: '5 %', impact: -1, lowBase: true },
    { irritant: 'Stock', share: 0.05, shareText: '5 %', impact: null, lowBase: false },
  ];

  it('draws harmful impacts left of zero in red, helpful ones right in green, low bases pale, missing ones not at all', () => {
    const svg = irritantChart(rows, { share: 'Part', impact: 'Impact (points)' }, fr);
    const bars = rects(svg, 'bar');
    expect(bars).toHaveLength(4 + 3);
    const [harm, help, pale] = bars.slice(4) as [Rect, Rect, Rect];
    expect(harm.fill).toBe('#b91c1c');
    expect(help.fill).toBe('#15803d');
    expect(harm.x + harm.width).toBeCloseTo(help.x, 5); // both start at zero
    expect(harm.width / help.width).toBeCloseTo(2, 2);
    expect(pale.opacity).toBe(0.3);
    expect([harm.opacity, help.opacity]).toEqual([1, 1]);
    expect(texts(svg)).toEqual(expect.arrayContaining(['−4', '0', '2']));
  });

  it('without scores draws the shares only', () => {
    const svg = irritantChart(rows, { share: 'Part', impact: null }, fr);
    expect(rects(svg, 'bar')).toHaveLength(4);
    expect(texts(svg)).not.toContain('Impact (points)');
  });
});

describe('trendChart', () => {
  it('draws one line per item through its dated shares, skipping periods without one', () => {
    const periods = ['janv.', 'févr.', 'mars', 'avr.'];
    const points = [
      ...[0.1, 0.2, null, 0.4].map((share, i) => ({ period: periods[i] as string, item: 'Livraison', share })),
      ...[0.3, 0.3, 0.3, 0.3].map((share, i) => ({ period: periods[i] as string, item: 'Accueil', share })),
    ];
    const svg = trendChart(points, periods, ['Livraison', 'Accueil'], { period: 'Période', share: 'Part' }, fr);
    const lines = [...svg.matchAll(/<path class="line" d="([^"]+)"/g)].map((m) => m[1] as string);
    expect(lines).toHaveLength(2);
    expect(lines[0]?.match(/[ML]/g)).toHaveLength(3);
    expect(lines[1]?.match(/[ML]/g)).toHaveLength(4);
    // The flat series is a horizontal line.
    expect(new Set([...(lines[1] as string).matchAll(/,([\d.]+)/g)].map((m) => m[1])).size).toBe(1);
    expect(svg.match(/<circle class="point"/g)).toHaveLength(7);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Livraison', 'Accueil', 'janv.', 'avr.', 'Période', 'Part']));
  });

  it('drops period labels that would overlap rather than drawing them on top of each other', () => {
    const periods = Array.from({ length: 60 }, (_, i) => `semaine ${i + 1}`);
    const svg = trendChart(periods.map((period) => ({ period, item: 'a', share: 0.5 })), periods, ['a'], { period: 'Période', share: 'Part' }, fr);
    const shown = texts(svg).filter((t) => t.startsWith('semaine'));
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.length).toBeLessThan(20);
    expect(shown[0]).toBe('semaine 1');
  });
});

describe('journeyChart', () => {
  it('splits each family by stage in journey order over the full width', () => {
    const stages = ['Avant', 'Pendant', 'Après', 'Inconnue'];
    const bars = [
      { family: 'Irritants (10)', stage: 'Après', order: 2, share: 6 },
      { family: 'Irritants (10)', stage: 'Avant', order: 0, share: 1 },
      { family: 'Irritants (10)', stage: 'Pendant', order: 1, share: 3 },
      { family: 'Enchantements (0)', stage: 'Avant', order: 0, share: 0 },
    ];
    const svg = journeyChart(bars, stages, 'Mentions', fr);
    const parts = rects(svg, 'bar');
    expect(parts.map((p) => p.fill)).toEqual(['#9ecae1', '#4292c6', '#08519c']);
    const total = parts.reduce((s, p) => s + p.width, 0);
    expect(total).toBeCloseTo(520, 1);
    expect(parts.map((p) => Math.round((p.width / total) * 10))).toEqual([1, 3, 6]);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Irritants (10)', 'Enchantements (0)', '100\u202f%', ...stages]));
  });
});
