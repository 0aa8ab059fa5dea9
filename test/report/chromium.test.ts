/**
 * The HTML report in headless Chromium (Debian's /usr/bin/chromium, or OSAI_CHROMIUM), driven
 * by playwright-core: opened from disk with the network unused, its tables read through the
 * DOM and the accessibility tree, and screenshots saved to test-results/: report.png (the first
 * screen), report-mof.png (the MOF file's section), report-full.png (the whole page) and
 * report-narrow.png (a file's section on a 400px-wide screen).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { renderReport } from '../../server/src/service/report';
import { ROOT } from '../helpers';
import { DATE, entry, EXAMPLES } from './entries';

const CHROMIUM = process.env.OSAI_CHROMIUM || '/usr/bin/chromium';
const RESULTS = join(ROOT, 'test-results');
const HTML_FILE = join(RESULTS, 'report.html');
export const SCREENSHOT = join(RESULTS, 'report.png');

describe('the HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  before(async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `Chromium is needed for this test and is not at ${CHROMIUM}: install Debian's ` +
        `package (apt-get install chromium; npm test does) or set OSAI_CHROMIUM`,
    );
    mkdirSync(RESULTS, { recursive: true });
    const entries = [...EXAMPLES, 'test/fixtures/manifests/placeholders.osai.yaml'].map(entry);
    writeFileSync(HTML_FILE, renderReport(entries, 'html', { date: DATE, generator: 'osai-check 0.1.0' }));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
      timeout: 60_000,
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(HTML_FILE).href, { waitUntil: 'load' });
  });

  after(async () => {
    await browser?.close();
  });

  test('renders; the screenshot is saved', async () => {
    assert.equal(await page.title(), 'OSAID compliance report');
    assert.equal(await page.locator('h1').textContent(), 'OSAID compliance report');
    // The first screen (title, summary, the first file), what a reader sees on opening it;
    // the MOF file's section; and the whole page.
    await page.screenshot({ path: SCREENSHOT });
    await page.locator('#file-3').screenshot({ path: join(RESULTS, 'report-mof.png') });
    await page.screenshot({ path: join(RESULTS, 'report-full.png'), fullPage: true });
    for (const name of ['report.png', 'report-mof.png', 'report-full.png'])
      assert.ok(existsSync(join(RESULTS, name)), name);
  });

  test('self-contained: nothing but the file is loaded, no errors, no CSP violations, no scripts', async () => {
    assert.deepEqual(requests, [pathToFileURL(HTML_FILE).href]);
    assert.deepEqual(problems, []);
    assert.equal(await page.locator('script, link[rel=stylesheet], img, iframe').count(), 0);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  });

  test('the summary table: one row per file with kind, verdict and MOF class', async () => {
    const rows = await page
      .locator('table.summary tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())));
    assert.deepEqual(rows, [
      ['examples/llama-style.osai.yaml', 'OSAID manifest', '✗ 1 unmet OSAID 1.0 requirement', '—'],
      ['examples/missing-data-information.osai.yaml', 'OSAID manifest', '✗ 6 unmet OSAID 1.0 requirements', '—'],
      [
        'examples/models/Granite-4-1.yml',
        'MOF model',
        '✗ 5 unmet OSAID 1.0 requirements',
        'MOF Class III — Open Model',
      ],
      ['examples/olmo-7b.osai.yaml', 'OSAID manifest', '✓ Meets the OSAID 1.0 checks', '—'],
      [
        'test/fixtures/manifests/placeholders.osai.yaml',
        'OSAID manifest',
        '✗ 13 unmet OSAID 1.0 requirements · 5 are placeholders',
        '—',
      ],
    ]);
    // Each row links to its file's section.
    await page.getByRole('link', { name: 'examples/models/Granite-4-1.yml' }).click();
    assert.ok(page.url().endsWith('#file-3'));
  });

  test('the checklist table of each file: group, requirement, status (symbol and word), detail', async () => {
    const table = (n: number) =>
      page.locator(`#file-${n} table.checklist tbody tr`).evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('th, td')]
            .slice(0, 3)
            .map((c) => c.textContent!.trim())
            .join(' | '),
        ),
      );
    assert.deepEqual(await table(1), [
      'Data information | Data information license | ✓ met',
      'Data information | Provenance | ✓ met',
      'Data information | Scope | ✓ met',
      'Data information | Characteristics | ✓ met',
      'Data information | Collection and selection | ✓ met',
      'Data information | Labeling procedures | ✓ met',
      'Data information | Processing and filtering | ✓ met',
      'Data information | Training data listing | ✓ met',
      'Data information | Data documentation (recommended) | ○ not provided',
      'Code | Data processing code | ✓ met',
      'Code | Training code | ✓ met',
      'Code | Evaluation code | ✓ met',
      'Code | Inference code | ✓ met',
      'Code | Model architecture code | ✓ met',
      'Code | Supporting libraries | ✓ met',
      'Parameters | Model weights | ✗ not open',
      'Parameters | Intermediate checkpoints (recommended) | ○ not provided',
      'Parameters | Optimizer state (recommended) | ○ not provided',
    ]);
    assert.deepEqual(await table(3), [
      'Data information | Data information (data card, datasets, technical report or research paper) | ✓ met',
      'Code | Data processing code | ✗ missing',
      'Code | Training code | ✗ missing',
      'Code | Evaluation code | ✗ missing',
      'Code | Inference code | ✗ missing',
      'Code | Model architecture code | ✓ met',
      'Code | Supporting libraries | ✗ missing',
      'Parameters | Model weights | ✓ met',
      'Parameters | Intermediate checkpoints (recommended) | ○ not provided',
    ]);
    const statuses = await page
      .locator('#file-5 table.checklist tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
    assert.ok(statuses.includes('placeholder'));
    // The weights detail keeps its inline code.
    assert.equal(
      await page.locator('#file-1 tr[data-requirement="parameters.weights"] td code').first().textContent(),
      'llama3',
    );
    // Symbols are decorative: the status cell's accessible text is the word.
    assert.equal(
      await page
        .locator('#file-1 tr[data-requirement="parameters.weights"] td.status [aria-hidden="true"]')
        .textContent(),
      '✗',
    );
  });

  test('each gap explained, the MOF class with per-class progress bars', async () => {
    const gaps = await page.locator('#file-2 article.gap h4').allTextContents();
    assert.deepEqual(gaps, [
      '✗ Data information › Scope — missing',
      '✗ Data information › Characteristics — missing',
      '✗ Data information › Collection and selection — missing',
      '✗ Data information › Labeling procedures — missing',
      '✗ Data information › Processing and filtering — missing',
      '✗ Data information › Training data listing — missing',
      '○ Data information › Data documentation — not provided',
      '○ Parameters › Intermediate checkpoints — not provided',
      '○ Parameters › Optimizer state — not provided',
    ]);
    const scope = page.locator('#file-2 article.gap').first();
    assert.match(
      await scope.locator('.explanation').innerText(),
      /^Scope — Required by OSAID 1\.0\n+What the data covers: domains, languages, time span, size\./,
    );
    assert.equal(
      await scope.locator('.explanation pre code').textContent(),
      'scope: A paragraph or a link to the section of the data card that covers it.',
    );
    assert.match(
      await page.locator('#file-3 .mof h3').innerText(),
      /^Model Openness Framework: MOF Class III — Open Model$/,
    );
    const bars = page.locator('#file-3').getByRole('progressbar');
    assert.equal(await bars.count(), 3);
    for (const [name, value] of [
      ['Class III — Open Model', '100'],
      ['Class II — Open Tooling', '60'],
      ['Class I — Open Science', '0'],
    ]) {
      assert.equal(
        await page.locator('#file-3').getByRole('progressbar', { name }).getAttribute('aria-valuenow'),
        value,
      );
    }
    const fill = await page.locator('#file-3 .bar > span').nth(1).boundingBox();
    const bar = await page.locator('#file-3 .bar').nth(1).boundingBox();
    const width = fill!.width / (bar!.width - 2); // inside its 1px border
    assert.ok(Math.abs(width - 0.6) < 0.02, `the Class II bar is 60% full (${width})`);
    assert.equal(await page.locator('#file-4 article.gap').count(), 0, 'the complete example has no gaps');
  });

  test(
    'readable layout, wide and narrow: the page never scrolls sideways; ' + 'tables have captions and header cells',
    async () => {
      // Runs in the page (this project's TypeScript has no DOM types, hence the string).
      const overflow = () =>
        page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      assert.equal(await overflow(), 0);
      await page.setViewportSize({ width: 400, height: 900 });
      assert.equal(await overflow(), 0, 'on a phone, wide tables scroll inside their own region');
      await page.locator('#file-1').screenshot({ path: join(RESULTS, 'report-narrow.png') });
      await page.setViewportSize({ width: 1280, height: 900 });
      const tables = await page
        .locator('table')
        .evaluateAll((ts) =>
          ts.map((t) => [!!t.querySelector('caption'), t.querySelectorAll('thead th[scope=col]').length > 0]),
        );
      assert.equal(tables.length, 7, 'the summary, five checklists, one MOF progress table');
      assert.ok(tables.every(([caption, headers]) => caption && headers));
    },
  );
});
