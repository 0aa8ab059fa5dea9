/**
 * `npm run screenshots`: remakes the two pictures the README shows, from the real extension
 * in real VS Code, so they stay current:
 *
 * - docs/images/editor.png — examples/missing-data-information.osai.yaml open in VS Code's
 *   web workbench: its squiggles, the verdict code lens on line 1, the hover over the
 *   squiggled `data_information:` key (the missing training data listing, then what OSAID
 *   requires there) and the OSAID Checklist in the explorer, given the room by dragging sashes;
 * - docs/images/report.png — the top of the HTML compliance report for the same manifest,
 *   exported by the extension's own command (**OSAID: Export compliance report**, driven
 *   through the command palette, its format pick and its save dialog) and opened in Chromium.
 *
 * Like `npm start` (scripts/vscode/start.ts), it installs the packaged .vsix into a fresh
 * extensions folder, starts VS Code's server build (scripts/vscode/server.ts) on a free
 * loopback port with quiet user settings, and drives Debian's Chromium through
 * playwright-core. Every step waits for a real state (the lens text, the squiggles, the
 * checklist rows, the hover, the report file) and fails with the step's name when it does
 * not appear in time; the server and the browser are stopped on success and on failure.
 * Exits 0 when both pictures were written, 1 otherwise (a screenshot of the workbench at the
 * failing step is kept in the temporary folder, which is then left for inspection).
 *
 * Environment:
 * - OSAI_VSIX                 the .vsix to install (default: <name>-<version>.vsix in the repo)
 * - OSAI_SCREENSHOTS_OUT      where to write the PNGs (default: docs/images)
 * - OSAI_SCREENSHOTS_TIMEOUT_S  limit for the whole run once the toolchain is ready (default 600)
 * - OSAI_SCREENSHOTS_KEEP=1   keep the temporary folder (workspace, report, VS Code's logs)
 */
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { PrerequisiteError, provision } from './vscode/provision';
import { installVsix, QUIET_SETTINGS, RunningServer, startServer } from './vscode/server';

const REPO = resolve(__dirname, '..');
const MANIFEST = 'missing-data-information.osai.yaml';
/** The squiggled key the hover is shown over (line 19: the training data is missing). */
const HOVER_KEY = 'data_information';
const OUT = resolve(process.env.OSAI_SCREENSHOTS_OUT ?? join(REPO, 'docs', 'images'));
const EDITOR_SIZE = { width: 1400, height: 860 };
const REPORT_SIZE = { width: 1200, height: 900 };
const MAX_PNG_BYTES = 400 * 1024;
const TIMEOUT_S =
  Number(process.env.OSAI_SCREENSHOTS_TIMEOUT_S) > 0 ? Number(process.env.OSAI_SCREENSHOTS_TIMEOUT_S) : 600;

const log = (message: string): void => console.log(`[screenshots] ${message}`);

/** Settings on top of the quiet ones: the default dark theme, hovers below the line, nothing that pops up. */
const SETTINGS = {
  ...QUIET_SETTINGS,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'editor.hover.above': false,
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.glyphMargin': false,
  'editor.lightbulb.enabled': 'off',
  'editor.renderLineHighlight': 'none',
  'editor.occurrencesHighlight': 'off',
  'editor.selectionHighlight': false,
  'breadcrumbs.enabled': false,
  'explorer.autoReveal': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'extensions.showRecommendationsOnlyOnDemand': true,
  'workbench.activityBar.location': 'default',
  'chat.commandCenter.enabled': false,
};

class StepError extends Error {
  override name = 'StepError';
}

/** Waits for `what` (a locator that must become visible) or fails naming the state that never came. */
async function waitFor(what: string, locator: Locator, timeoutMs: number): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError')
      throw new StepError(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    throw new StepError(
      `while waiting for ${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
  return locator.first();
}

/** Polls `check` until it returns something truthy, or fails naming `what`. */
async function poll<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined | false> | T | undefined | false,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new StepError(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs a command through the command palette (F1), by its label as the palette lists it. */
async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = await waitFor(
    'the command palette',
    page.locator('.quick-input-widget .quick-input-box input'),
    30_000,
  );
  await input.fill(`>${label}`);
  await waitFor(
    `"${label}" highlighted in the command palette`,
    page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused').filter({ hasText: label }),
    30_000,
  );
  await page.keyboard.press('Enter');
}

/** Waits until the element's box stops moving (layout settled, animations over). */
async function settled(what: string, locator: Locator, timeoutMs = 10_000): Promise<void> {
  let last = '';
  let same = 0;
  await poll(`${what} to stop moving`, timeoutMs, async () => {
    const box = JSON.stringify(await locator.boundingBox());
    same = box === last ? same + 1 : 0;
    last = box;
    return same >= 3;
  });
}

/**
 * Drags the sash under the folder view up to just below its last row, so that the checklist,
 * further down the explorer, gets the height.
 */
async function shrinkFolderView(page: Page): Promise<void> {
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  await waitFor("the workspace's files in the explorer", rows.filter({ hasText: MANIFEST }), 30_000);
  const last = await rows.last().boundingBox();
  const outline = await page
    .locator('.explorer-viewlet .pane-header')
    .filter({ hasText: 'Outline' })
    .first()
    .boundingBox();
  if (!last || !outline) return;
  const sashes = await page.locator('.explorer-viewlet .monaco-sash.horizontal').all();
  let best: { x: number; y: number; d: number } | undefined;
  for (const sash of sashes) {
    const b = await sash.boundingBox();
    if (!b) continue;
    const d = Math.abs(b.y + b.height / 2 - outline.y);
    if (!best || d < best.d) best = { x: b.x + b.width / 2, y: b.y + b.height / 2, d };
  }
  if (!best || best.d > 10) throw new StepError('found no sash between the folder view and the Outline view to drag');
  const target = last.y + last.height + 12;
  await page.mouse.move(best.x, best.y);
  await page.mouse.down();
  await page.mouse.move(best.x, target, { steps: 8 });
  await page.mouse.up();
}

/** Widens the side bar by dragging its sash, so the checklist's rows are not cut short. */
async function widenSideBar(page: Page, by: number): Promise<void> {
  const bar = await page.locator('.part.sidebar').first().boundingBox();
  if (!bar) throw new StepError('the side bar has no position on screen');
  const edge = bar.x + bar.width;
  let best: { x: number; y: number; d: number } | undefined;
  for (const sash of await page.locator('.monaco-sash.vertical').all()) {
    const b = await sash.boundingBox();
    if (!b || b.height < bar.height / 2) continue;
    const d = Math.abs(b.x + b.width / 2 - edge);
    if (!best || d < best.d) best = { x: b.x + b.width / 2, y: b.y + b.height / 2, d };
  }
  if (!best || best.d > 10) throw new StepError("found no sash at the side bar's edge to drag");
  await page.mouse.move(best.x, best.y);
  await page.mouse.down();
  await page.mouse.move(best.x + by, best.y, { steps: 8 });
  await page.mouse.up();
  await poll(
    'the side bar to widen',
    10_000,
    async () => ((await page.locator('.part.sidebar').first().boundingBox())?.width ?? 0) > bar.width + by / 2,
  );
}

async function editorShot(page: Page, file: string): Promise<void> {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await waitFor(
    `${MANIFEST} open in the editor`,
    editor.locator('.view-lines').filter({ hasText: 'Example-Chat-3B' }),
    120_000,
  );
  await waitFor('the squiggles (error diagnostics)', editor.locator('.squiggly-error'), 90_000);
  await waitFor(
    'the verdict code lens on line 1 ("… unmet OSAID 1.0 requirements")',
    editor.locator('.codelens-decoration').filter({ hasText: /OSAID 1\.0/ }),
    90_000,
  );

  // The OSAID Checklist view in the explorer: expanded, its rows drawn.
  const header = await waitFor(
    'the OSAID Checklist view in the explorer',
    page.locator('.explorer-viewlet .pane-header').filter({ hasText: 'OSAID Checklist' }),
    60_000,
  );
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  // Outline and Timeline stay collapsed, so the checklist gets the room.
  for (const other of ['Outline', 'Timeline']) {
    const h = page.locator('.explorer-viewlet .pane-header').filter({ hasText: other }).first();
    if ((await h.isVisible()) && (await h.getAttribute('aria-expanded')) === 'true') await h.click();
  }
  const pane = page
    .locator('.explorer-viewlet .pane')
    .filter({ has: page.locator('.pane-header', { hasText: 'OSAID Checklist' }) })
    .first();
  await widenSideBar(page, 70);
  await shrinkFolderView(page);
  await waitFor(
    "the checklist's rows (Data information, Code, Parameters)",
    pane.locator('.monaco-list-row').filter({ hasText: 'Data information' }),
    60_000,
  );
  await waitFor(
    'a checklist row marked missing',
    pane.locator('.monaco-list-row').filter({ hasText: /missing/i }),
    60_000,
  );
  log(
    `checklist rows: ` +
      `${(await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ')}`,
  );

  // No toast in the picture.
  if (await page.locator('.notifications-toasts .notification-toast').first().isVisible()) {
    await runCommand(page, 'Notifications: Clear All Notifications');
    await poll(
      'the notifications to close',
      15_000,
      async () => !(await page.locator('.notifications-toasts .notification-toast').first().isVisible()),
    );
  }

  // The hover over the squiggled key: the problem and the extension's explanation.
  const keyLine = editor
    .locator('.view-lines .view-line')
    .filter({ hasText: new RegExp(`^\\s*${HOVER_KEY}:`) })
    .first();
  const key = await waitFor(
    `the \`${HOVER_KEY}:\` key in the editor`,
    keyLine.locator('span span').filter({ hasText: new RegExp(`^${HOVER_KEY}$`) }),
    10_000,
  );
  const box = await key.boundingBox();
  if (!box) throw new StepError(`the \`${HOVER_KEY}:\` key has no position on screen`);
  const hover = page
    .locator('.monaco-hover:not(.hidden)')
    .filter({ hasText: /Missing/ })
    .filter({ hasText: /Required by OSAID/ });
  await poll(`the hover over \`${HOVER_KEY}:\` (its problem and explanation)`, 60_000, async () => {
    // Move off and back on: a hover that did not come (the editor was still busy) is asked for again.
    await page.mouse.move(box.x + box.width / 2, box.y - 60);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    try {
      await hover.first().waitFor({ state: 'visible', timeout: 5000 });
      return true;
    } catch {
      return false;
    }
  });
  await settled('the hover', hover.first());
  // Its scroll bar shows for a moment after the content is drawn, then fades out (a CSS transition).
  await poll("the hover's scroll bar to fade", 10_000, () =>
    hover
      .first()
      .evaluate((el) =>
        [...el.querySelectorAll('.scrollbar')].every(
          (bar) => bar.ownerDocument.defaultView?.getComputedStyle(bar).opacity === '0',
        ),
      ),
  ).catch(() => log("note: the hover's scroll bar is still showing"));
  log(`hover: ${(await hover.first().innerText()).replace(/\s+/g, ' ').slice(0, 200)}…`);
  // The mouse pointer is not drawn; leave it where it is so the hover stays.
  await page.screenshot({ path: file, type: 'png' });
}

async function exportReport(page: Page, workspace: string): Promise<string> {
  const report = join(workspace, MANIFEST.replace(/\.osai\.yaml$/, '-osaid-report.html'));
  rmSync(report, { force: true });
  await page.mouse.move(5, EDITOR_SIZE.height / 2);
  await page.keyboard.press('Escape');
  // Focus the editor (the palette's commands act on the active editor).
  await page
    .locator('.editor-instance .monaco-editor .view-lines')
    .first()
    .click({ position: { x: 400, y: 5 } });
  await runCommand(page, 'OSAID: Export compliance report');
  await waitFor(
    'the report format pick (HTML, Markdown)',
    page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'HTML' }),
    30_000,
  );
  const input = page.locator('.quick-input-widget .quick-input-box input').first();
  await input.fill('HTML');
  await page.keyboard.press('Enter');
  // VS Code's own (simple) save dialog, proposing <workspace>/<name>-osaid-report.html.
  await poll('the save dialog proposing …-osaid-report.html', 30_000, async () => {
    const visible = await input.isVisible();
    return visible && /-osaid-report\.html$/.test(await input.inputValue());
  });
  await page.waitForTimeout(300); // the dialog reads the folder before it takes Enter
  await page.keyboard.press('Enter');
  return poll(
    `the exported report ${report}`,
    60_000,
    () =>
      existsSync(report) && statSync(report).size > 0 && /<\/html>\s*$/i.test(readFileSync(report, 'utf8')) && report,
  );
}

async function reportShot(browser: Browser, report: string, file: string): Promise<void> {
  const context = await browser.newContext({
    viewport: REPORT_SIZE,
    deviceScaleFactor: 1,
    colorScheme: 'light',
    offline: true,
  });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load', timeout: 30_000 });
    await page.screenshot({ path: file, type: 'png', clip: { x: 0, y: 0, ...REPORT_SIZE } });
  } finally {
    await context.close().catch(() => undefined);
  }
}

let cleanup: (() => Promise<void>) | undefined;

async function main(): Promise<void> {
  const started = Date.now();
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = process.env.OSAI_VSIX ? resolve(process.env.OSAI_VSIX) : join(REPO, `${pkg.name}-${pkg.version}.vsix`);
  if (!existsSync(vsix))
    throw new PrerequisiteError(`${vsix} is missing: run \`npm run package\` first (npm run screenshots does)`);
  const toolchain = await provision({ browser: true, log });
  // The limit counts from here: a first run's provisioning (minutes) is not the script's own work.
  setTimeout(() => void abort(`the run exceeded ${TIMEOUT_S} s`), TIMEOUT_S * 1000).unref();

  const root = mkdtempSync(join(tmpdir(), 'osai-screenshots-'));
  const workspace = join(root, 'examples');
  cpSync(join(REPO, 'examples'), workspace, { recursive: true });
  const extensionsDir = join(root, 'extensions');
  const stateDir = join(root, 'state');
  const serverLog = createWriteStream(join(root, 'server.log'));
  const browserLog = createWriteStream(join(root, 'browser.log'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let ok = false;
  cleanup = async () => {
    cleanup = undefined;
    if (!ok && page) await page.screenshot({ path: join(root, 'failure.png') }).catch(() => undefined);
    await Promise.race([browser?.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000).unref())]);
    await server?.stop();
    serverLog.end();
    browserLog.end();
    if (ok && process.env.OSAI_SCREENSHOTS_KEEP !== '1') rmSync(root, { recursive: true, force: true });
    else
      log(
        `kept ${root} (workspace, report, server.log, browser.log, VS Code's ` +
          `logs in state/user-data/logs` +
          `${ok ? '' : ', failure.png: the workbench when it failed'})`,
      );
  };

  try {
    await installVsix(toolchain, vsix, extensionsDir, join(root, 'install-state'), log);
    server = await startServer({ toolchain, stateDir, extensionsDir, onLine: (line) => serverLog.write(line + '\n') });
    const settings = JSON.stringify(SETTINGS, null, 2) + '\n';
    for (const scope of ['Machine', 'User'])
      writeFileSync(join(stateDir, 'user-data', scope, 'settings.json'), settings);
    void server.exited.then((how) => {
      if (!ok) log(`VS Code's server exited (${how})`);
    });

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: toolchain.chromium,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
      ],
      timeout: 60_000,
    });
    const context = await browser.newContext({ viewport: EDITOR_SIZE, deviceScaleFactor: 1, colorScheme: 'dark' });
    page = await context.newPage();
    page.on('console', (m) => browserLog.write(`[console.${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.stack ?? e.message}\n`));

    const openFile = `vscode-remote://127.0.0.1:${server.port}${join(workspace, MANIFEST)}`;
    const url =
      `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=` +
      `${encodeURIComponent(JSON.stringify([['openFile', openFile]]))}`;
    log(`VS Code ${toolchain.vscodeVersion} with ${relative(REPO, vsix)} installed: ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await waitFor('the workbench to load', page.locator('.monaco-workbench .part.editor'), 120_000);

    mkdirSync(OUT, { recursive: true });
    const editorPng = join(OUT, 'editor.png');
    const reportPng = join(OUT, 'report.png');
    await editorShot(page, editorPng);
    const report = await exportReport(page, workspace);
    log(`the extension exported ${relative(root, report)} (${statSync(report).size} bytes)`);
    await reportShot(browser, report, reportPng);

    for (const f of [editorPng, reportPng]) {
      const size = statSync(f).size;
      if (size > MAX_PNG_BYTES)
        throw new StepError(`${relative(REPO, f)} is ${Math.round(size / 1024)} KB, over ${MAX_PNG_BYTES / 1024} KB`);
      log(`wrote ${relative(process.cwd(), f)} (${Math.round(size / 1024)} KB)`);
    }
    ok = true;
    log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await cleanup?.();
  }
}

let aborting = false;
async function abort(message: string): Promise<void> {
  if (aborting) return;
  aborting = true;
  console.error(`[screenshots] FAILED: ${message}`);
  await cleanup?.();
  process.exit(1);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void abort(sig));

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (aborting) return; // abort() reports, cleans up and exits
    console.error(`[screenshots] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof StepError || error instanceof PrerequisiteError) && error instanceof Error && error.stack)
      console.error(error.stack);
    process.exit(1);
  },
);
