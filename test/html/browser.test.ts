// Opens the HTML report in a real Chromium (Debian's /usr/bin/chromium; CI installs it
// with apt) and checks what a reader gets: nothing fetched, charts drawn, keyboard use.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderHtml } from '../../src/report/renderers/html.js';
import { fixtureReport } from './_helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`HTML browser test skipped: ${CHROMIUM} not found (install Debian's chromium package to run it).`);

const OUT = fileURLToPath(new URL('../out/', import.meta.url));

describe.skipIf(!hasChromium)('HTML report in Chromium (skipped when /usr/bin/chromium is absent)', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    dir = await mkdtemp(join(tmpdir(), 'verbatim-html-'));
    const file = join(dir, 'rapport.html');
    await writeFile(file, await renderHtml(fixtureReport()));
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('requests nothing but the file itself', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('draws every chart with marks', async () => {
    const charts = await page.$$eval('figure svg.chart', (svgs) =>
      svgs.map((svg) => ({
        label: svg.getAttribute('aria-label') ?? '',
        marks: svg.querySelectorAll('.marks rect, .marks path, .marks circle').length,
        width: svg.getBoundingClientRect().width,
        height: svg.getBoundingClientRect().height,
      })),
    );
    expect(charts).toHaveLength(6);
    for (const chart of charts) {
      expect(chart.marks, chart.label).toBeGreaterThan(0);
      expect(chart.width).toBeGreaterThan(100);
      expect(chart.height).toBeGreaterThan(50);
    }
    // Layout uses estimated text widths: every label must still land inside its chart.
    const outside = await page.$$eval('figure svg.chart', (svgs) =>
      svgs.flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        return Array.from(svg.querySelectorAll('text'))
          .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
          .filter(({ r }) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
          .map(({ text }) => `${svg.getAttribute('aria-label')?.slice(0, 30)}: ${text}`);
      }),
    );
    expect(outside).toEqual([]);
    // One heat map cell per cited theme and channel with verbatims of the fixture.
    const report = fixtureReport();
    const cells = report.all.themes.filter((t) => t.verbatims > 0).length * report.channels.filter((c) => c.verbatims > 0).length;
    expect(await page.locator('#fig-themes svg rect.cell').count()).toBe(cells);
    expect(await page.locator('#fig-evolution-themes svg path.line').count()).toBeGreaterThan(0);
  });

  it('opens a details element from the keyboard', async () => {
    const entry = page.locator('details.entry').first();
    expect(await entry.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await entry.locator(':scope > summary').focus();
    await page.keyboard.press('Enter');
    expect(await entry.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await entry.locator('mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    expect(await entry.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  });

  it('reaches the table of contents with Tab and follows a link', async () => {
    await page.reload({ waitUntil: 'load' }); // focus starts from the top of the page again
    await page.keyboard.press('Tab'); // skip link
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#contenu');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#synthese');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#synthese');
  });

  it('opens the examples of an irritant from the ranking table', async () => {
    const link = page.locator('#irritants table a').first();
    const target = (await link.getAttribute('href')) as string;
    await link.focus();
    await page.keyboard.press('Enter');
    await page.locator(target).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe(target);
    // The anchor is inside the folded entry: following the link unfolds it, and its examples show.
    expect(await page.locator(target).evaluate((el) => (el.closest('details.entry') as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator(target).locator('blockquote').first().isVisible()).toBe(true);
  });

  it('opens the verbatims of a theme in one channel from its heat map cell', async () => {
    await page.reload({ waitUntil: 'load' });
    const link = page.locator('#fig-themes svg a').first();
    const target = (await link.getAttribute('href')) as string;
    expect(target).toMatch(/^#ex-theme-\w+--\w+$/);
    await link.click();
    await page.locator(target).waitFor();
    // Both the entry and its channel's fold open; the channel's first example is on screen.
    const open = await page.locator(target).evaluate((el) => [el.closest('details.channel-examples'), el.closest('details.entry')].map((d) => (d as HTMLDetailsElement).open));
    expect(open).toEqual([true, true]);
    expect(await page.locator(target).locator('blockquote').first().isVisible()).toBe(true);
    const top = await page.locator(target).locator('blockquote').first().evaluate((el) => el.getBoundingClientRect().top / window.innerHeight);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(1);
  });

  it('saves screenshots of the whole page, on screen and in print', async () => {
    await mkdir(OUT, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('details.entry').nth(0).evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const screen = join(OUT, 'html-report.png');
    await page.screenshot({ path: screen, fullPage: true });
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(pngSize(await readFile(screen))).toEqual({ width: 1280, height: pageHeight });

    await page.emulateMedia({ media: 'print' });
    try {
      // Print hides the table of contents and shows every folded list of examples.
      expect(await page.locator('nav.toc').isVisible()).toBe(false);
      const closed = page.locator('details.entry:not([open]) blockquote').first();
      expect(await closed.isVisible()).toBe(true);
      const print = join(OUT, 'html-report-print.png');
      await page.screenshot({ path: print, fullPage: true });
      const printHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(pngSize(await readFile(print))).toEqual({ width: 1280, height: printHeight });
      // Unfolded examples make the printed page longer than the screen one.
      expect(printHeight).toBeGreaterThan(pageHeight);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    // The README's picture changes only on request, not on every test run.
    if (process.env.UPDATE_DOCS_SCREENSHOT === '1') {
      await page.locator('details.entry').nth(0).evaluate((d) => ((d as HTMLDetailsElement).open = false));
      await page.screenshot({ path: fileURLToPath(new URL('../../docs/report-screenshot.png', import.meta.url)), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 2050 } });
    }
  });
});

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
