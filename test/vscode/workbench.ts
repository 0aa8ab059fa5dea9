/**
 * What the offline launchers (runOffline.ts: the Node extension host; runWeb.ts: the web worker
 * extension host) share: Chromium, one suite run in VS Code's web workbench through its
 * development payload, the extension host's log forwarded, and a process that stops cleanly on
 * a timeout or Ctrl-C.
 */
import { createWriteStream, existsSync, rmSync, WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PrerequisiteError, Toolchain } from '../../scripts/vscode/provision';
import { RunningServer, startServer } from '../../scripts/vscode/server';

export const verbose = process.env.OSAI_VSCODE_VERBOSE === '1';

/** A duration from the environment, in ms (the variable is in seconds). */
export function seconds(env: string, fallback: number): number {
  const v = Number(process.env[env]);
  return Number.isFinite(v) && v > 0 ? v * 1000 : fallback * 1000;
}

/** Fails with how to make them when build outputs are missing: `[file, command that makes it]`. */
export function checkArtifacts(needed: Array<[string, string]>): void {
  const missing = needed.filter(([f]) => !existsSync(f));
  if (missing.length > 0) {
    throw new PrerequisiteError(
      `missing build outputs:\n${missing.map(([f, how]) => `  ${f} (made by \`${how}\`)`).join('\n')}`,
    );
  }
}

/**
 * The workbench's log, which carries the extension host's console (the suite's mocha output
 * arrives at info level): info in full, warnings and errors by their first line (in full
 * with OSAI_VSCODE_VERBOSE=1; the whole log is kept in the run's folder).
 */
function forward(level: string, message: string, sink: WriteStream): void {
  sink.write(`[${level}] ${message}\n`);
  if (level === 'info' || level === 'log' || verbose) {
    for (const line of message.split('\n')) if (line.trim()) console.log(`  | ${line}`);
  } else if (level !== 'trace' && level !== 'debug') {
    console.log(`  | [${level}] ${message.split('\n')[0].slice(0, 240)}`);
  }
}

export async function launchChromium(toolchain: Toolchain): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
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
    ],
    timeout: 60_000,
  });
}

export interface SuiteRun {
  toolchain: Toolchain;
  browser: Browser;
  /** Where the logs go (server.log, browser.log, exthost-forwarded.log). */
  dir: string;
  /** The folder to open, or a .code-workspace file (a multi-root workspace). */
  workspace: string;
  stateDir: string;
  extensionsDir: string;
  /** Absolute paths on this machine, given to the workbench as `vscode-remote:` addresses. */
  developmentPath: string;
  testsPath: string;
  env?: Record<string, string>;
  timeoutMs: number;
}

/**
 * Runs a suite in VS Code's server build opened in Chromium: the exit code the workbench
 * reports for it (`codeAutomationExit`), or 'timeout', and what went wrong around it.
 */
export async function runInWorkbench(run: SuiteRun): Promise<{ exitCode: number | 'timeout'; problems: string[] }> {
  const problems: string[] = [];
  const serverLog = createWriteStream(join(run.dir, 'server.log'));
  const hostLog = createWriteStream(join(run.dir, 'exthost-forwarded.log'));
  const browserLog = createWriteStream(join(run.dir, 'browser.log'));
  const context = await run.browser.newContext();
  let server: RunningServer | undefined;
  try {
    server = await startServer({
      toolchain: run.toolchain,
      stateDir: run.stateDir,
      extensionsDir: run.extensionsDir,
      testDriver: true,
      env: run.env,
      onLine: (line) => {
        serverLog.write(`${line}\n`);
        if (verbose) console.log(`  [server] ${line}`);
      },
    });
    const page = await context.newPage();
    let settle: (code: number | 'timeout') => void = () => undefined;
    const exit = new Promise<number | 'timeout'>((r) => {
      settle = r;
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      settle(Number(code));
    });
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) =>
      forward(String(level), String(message), hostLog),
    );
    page.on('console', (m) => browserLog.write(`[console.${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.stack ?? e.message}\n`));
    page.on('worker', (w) => browserLog.write(`[worker] ${w.url()}\n`));
    let finished = false;
    const timer = setTimeout(() => settle('timeout'), run.timeoutMs);
    void server.exited.then((how) => {
      if (finished) return;
      problems.push(`VS Code's server exited (${how}) during the run`);
      settle(1);
    });
    const remote = (path: string): string => `vscode-remote://127.0.0.1:${server!.port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(run.developmentPath)],
      ['extensionTestsPath', remote(run.testsPath)],
    ];
    const opened = run.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder';
    const query =
      `${opened}=${encodeURIComponent(run.workspace)}&payload=` + `${encodeURIComponent(JSON.stringify(payload))}`;
    const url = `${server.origin}/?${query}`;
    if (verbose) console.log(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const exitCode = await exit;
    finished = true;
    clearTimeout(timer);
    if (exitCode === 'timeout') problems.push(`the suite did not finish within ${run.timeoutMs / 1000} s`);
    return { exitCode, problems };
  } finally {
    await context.close().catch(() => undefined);
    await server?.stop();
    for (const s of [serverLog, hostLog, browserLog]) s.end();
  }
}

/** What a launcher must clean up if it is stopped: its temporary folder and its browser. */
export const launcher: { tempRoot?: string; browser?: Browser } = {};

/**
 * Runs a launcher's main within OSAI_VSCODE_TIMEOUT_S, stopping cleanly on a timeout or
 * Ctrl-C (VS Code's servers are killed on exit by scripts/vscode/server.ts, the browser here),
 * and exits with its code: 2 when a prerequisite is missing or something failed outside the suite.
 */
export function runLauncher(what: string, main: () => Promise<number>): void {
  let aborting = false;
  const abort = async (message: string, code: number): Promise<void> => {
    if (aborting) return;
    aborting = true;
    console.error(`[vscode-test] ${message}`);
    await Promise.race([
      launcher.browser?.close().catch(() => undefined),
      new Promise((r) => setTimeout(r, 5000).unref()),
    ]);
    process.exit(code);
  };
  process.on('exit', () => {
    if (launcher.tempRoot && process.env.OSAI_VSCODE_KEEP !== '1')
      rmSync(launcher.tempRoot, { recursive: true, force: true });
  });
  const overall = seconds('OSAI_VSCODE_TIMEOUT_S', 2400);
  setTimeout(() => void abort(`FAILED: the ${what} exceeded ${overall / 1000} s; stopping`, 2), overall).unref();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void abort(`${sig}: stopping`, 130));
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof PrerequisiteError)
        console.error(`[vscode-test] FAILED, a prerequisite is missing: ${error.message}`);
      else console.error('[vscode-test] FAILED:', error);
      process.exit(2);
    },
  );
}
