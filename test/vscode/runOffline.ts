/**
 * Offline launcher of the VS Code integration suite, for Linux CI with no access to VS Code's
 * download servers: VS Code's server build (from the npm `code-server` package, on Node
 * from npm) serves the web workbench on a free loopback port, Debian's Chromium (through
 * playwright-core) opens it, and the development payload in the URL makes the workbench run
 * the suite (test/vscode/out/index.js) in the server's extension host.
 *
 * Three parts:
 * 1. the whole suite against the development folder (this repository);
 * 2. the `[multi-root]` tests against the development folder, in a multi-root workspace (a copy
 *    of test/fixtures/multi-root opened through its .code-workspace file): two folders whose
 *    settings differ;
 * 3. the `[smoke]` tests against the packaged .vsix, installed into a fresh extensions folder
 *    with `server-main.js --install-extension` (a tiny harness extension in test/vscode/out
 *    stands in as the development extension, which VS Code requires to run tests).
 *
 * Prints each test's name and result (forwarded from the extension host), exits 0 when all
 * passed, 1 when a test failed, 2 when a prerequisite is missing or something timed out.
 *
 * Environment:
 * - OSAI_VSCODE_TIMEOUT_S   overall limit, provisioning included (default 2400)
 * - OSAI_VSCODE_PART_TIMEOUT_S  limit for one part once the toolchain is ready (default 300)
 * - OSAI_VSCODE_CACHE       where Node and code-server are cached (see scripts/vscode/provision.ts)
 * - OSAI_VSCODE_VERSION     the VS Code to run: 1.139.1 (default) or 1.82.2 (`1.82`), the lowest
 *                           version package.json's engines.vscode admits (code-server 4.17.1 on Node 18)
 * - OSAI_VSCODE_PARTS       any of `dev`, `multi-root`, `vsix`, comma-separated (default: all three)
 * - OSAI_VSCODE_KEEP=1      keep the temporary folder (workspaces, logs) for inspection; it is
 *                           always kept when a part failed
 * - OSAI_VSCODE_VERBOSE=1   also print the server's and the browser's own output
 * - OSAI_VSIX               the .vsix to install (default: <name>-<version>.vsix in the repo)
 * - OSAI_VSCODE_DEV_PATH    the extension folder part 1 loads (default: the repo), e.g. a copy
 *                           with a deliberately broken build, to see the suite fail
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { defaultLog, provision, Toolchain } from '../../scripts/vscode/provision';
import { installVsix } from '../../scripts/vscode/server';
import { checkVsix } from '../../scripts/vscode/vsix';
import type { HostServer } from '../online/hosts';
import { nameStandIn, startStandIn } from './standIn';
import { checkArtifacts, launchChromium, launcher, runInWorkbench, runLauncher, seconds } from './workbench';

const REPO = resolve(__dirname, '..', '..');
/** The extension folder part 1 tests (default: this repository; another folder to try a modified build). */
const DEV_PATH = resolve(process.env.OSAI_VSCODE_DEV_PATH ?? REPO);
const SUITE = join(REPO, 'test', 'vscode', 'out', 'index.js');
const HARNESS = join(REPO, 'test', 'vscode', 'out');
const log = defaultLog;

interface Part {
  name: string;
  key: string;
  developmentPath: string;
  grep?: string;
  /** The extension under test must be loaded from here. */
  extensionRoot: string;
  extensionsDir: string;
  vsix?: string;
  /** The folder copied as the workspace (default: examples/). */
  workspaceFrom?: string;
  /** A .code-workspace file in the copy to open instead of the copy itself (a multi-root workspace). */
  workspaceFile?: string;
}

interface Results {
  passed: number;
  failed: number;
  outcomes: Array<{ title: string; state: string; error?: string }>;
}

interface PartResult {
  part: Part;
  exitCode: number | 'timeout';
  results?: Results;
  problems: string[];
}

function vsixPath(): string {
  if (process.env.OSAI_VSIX) return resolve(process.env.OSAI_VSIX);
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(REPO, `${pkg.name}-${pkg.version}.vsix`);
}

function neededArtifacts(parts: string[]): Array<[string, string]> {
  const needed: Array<[string, string]> = [
    [join(DEV_PATH, 'client', 'out', 'extension.js'), 'npm run build'],
    [join(DEV_PATH, 'server', 'out', 'server.js'), 'npm run build'],
    [SUITE, 'node test/vscode/build.mjs'],
    [join(HARNESS, 'package.json'), 'node test/vscode/build.mjs'],
    [join(REPO, 'node_modules', 'mocha', 'package.json'), 'npm ci'],
  ];
  if (parts.includes('vsix')) needed.push([vsixPath(), 'npm run package']);
  return needed;
}

/** On failure: the language client's output channel ("OSAID Manifest"), where server trouble shows. */
function printChannel(logsDir: string): void {
  const files = existsSync(logsDir)
    ? readdirSync(logsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('-OSAID Manifest.log'))
    : [];
  for (const f of files) {
    const lines = readFileSync(join(logsDir, f), 'utf8').trimEnd().split('\n');
    log(`the "OSAID Manifest" output channel (last ${Math.min(lines.length, 30)} of ${lines.length} lines):`);
    for (const line of lines.slice(-30)) console.log(`  > ${line}`);
  }
  if (files.length === 0)
    log('the "OSAID Manifest" output channel has no log (the extension never started its client)');
}

async function runPart(
  toolchain: Toolchain,
  browser: Browser,
  part: Part,
  root: string,
  timeoutMs: number,
  standIn: HostServer,
): Promise<PartResult> {
  const dir = join(root, part.key);
  const workspace = join(dir, 'workspace');
  cpSync(part.workspaceFrom ?? join(REPO, 'examples'), workspace, { recursive: true });
  nameStandIn(standIn, workspace);
  const resultsFile = join(dir, 'results.json');
  const stateDir = join(dir, 'state');
  log(`── ${part.name}: ${part.grep ? `tests matching ${part.grep}` : 'the whole suite'} ──`);

  if (part.vsix) {
    log(
      `${part.vsix.slice(REPO.length + 1)}: ${checkVsix(part.vsix)}, only the ` +
        `bundled client and server, schemas, grammar, README, LICENSE`,
    );
    await installVsix(toolchain, part.vsix, part.extensionsDir, join(dir, 'install-state'), log);
  }

  const { exitCode, problems } = await runInWorkbench({
    toolchain,
    browser,
    dir,
    stateDir,
    extensionsDir: part.extensionsDir,
    workspace: part.workspaceFile ? join(workspace, part.workspaceFile) : workspace,
    developmentPath: part.developmentPath,
    testsPath: SUITE,
    timeoutMs,
    env: {
      OSAI_TEST_RESULTS: resultsFile,
      OSAI_TEST_EXTENSION_ROOT: part.extensionRoot,
      OSAI_TEST_LOGS: join(stateDir, 'user-data', 'logs'),
      // Requests to the stand-in on loopback never go through a proxy the machine may have.
      NO_PROXY: '127.0.0.1,localhost',
      ...(part.grep ? { OSAI_TEST_GREP: part.grep } : {}),
    },
  });
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Results) : undefined;
  if (!results) problems.push('the suite wrote no results (it did not run, or the extension host crashed)');
  if (exitCode !== 0 || problems.length > 0 || !results || results.failed > 0)
    printChannel(join(stateDir, 'user-data', 'logs'));
  return { part, exitCode, results, problems };
}

async function main(): Promise<number> {
  const started = Date.now();
  const parts = (process.env.OSAI_VSCODE_PARTS ?? 'dev,multi-root,vsix')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  checkArtifacts(neededArtifacts(parts));
  const toolchain = await provision({ browser: true, log });
  log(
    `running the integration suite in VS Code ${toolchain.vscodeVersion} (commit ` +
      `${toolchain.vscodeCommit.slice(0, 12)}, server build from code-server) ` +
      `with ${toolchain.chromium}`,
  );

  const root = mkdtempSync(join(tmpdir(), 'osai-vscode-test-'));
  launcher.tempRoot = root;
  const browser = await launchChromium(toolchain);
  launcher.browser = browser;
  const partTimeout = seconds('OSAI_VSCODE_PART_TIMEOUT_S', 300);
  const results: PartResult[] = [];
  // The online tests ask these hosts, named in the workspace copy (no network here).
  const standIn = await startStandIn();
  try {
    if (parts.includes('dev')) {
      results.push(
        await runPart(
          toolchain,
          browser,
          {
            name: `development folder${DEV_PATH === REPO ? '' : ` ${DEV_PATH}`}`,
            key: 'dev',
            developmentPath: DEV_PATH,
            extensionRoot: DEV_PATH,
            extensionsDir: join(root, 'dev', 'extensions'),
          },
          root,
          partTimeout,
          standIn,
        ),
      );
    }
    if (parts.includes('multi-root')) {
      results.push(
        await runPart(
          toolchain,
          browser,
          {
            name: 'multi-root workspace',
            key: 'multi-root',
            grep: '[multi-root]',
            developmentPath: DEV_PATH,
            extensionRoot: DEV_PATH,
            extensionsDir: join(root, 'multi-root', 'extensions'),
            workspaceFrom: join(REPO, 'test', 'fixtures', 'multi-root'),
            workspaceFile: 'multi-root.code-workspace',
          },
          root,
          partTimeout,
          standIn,
        ),
      );
    }
    if (parts.includes('vsix')) {
      const extensionsDir = join(root, 'vsix', 'extensions');
      mkdirSync(extensionsDir, { recursive: true });
      results.push(
        await runPart(
          toolchain,
          browser,
          {
            name: `installed ${vsixPath().slice(REPO.length + 1)}`,
            key: 'vsix',
            developmentPath: HARNESS,
            grep: '[smoke]',
            extensionRoot: extensionsDir,
            extensionsDir,
            vsix: vsixPath(),
          },
          root,
          partTimeout,
          standIn,
        ),
      );
    }
  } finally {
    await standIn.close();
    await browser.close().catch(() => undefined);
    if (process.env.OSAI_VSCODE_KEEP === '1') log(`kept ${root}`);
    else if (results.every((r) => r.exitCode === 0 && r.problems.length === 0 && (r.results?.failed ?? 1) === 0))
      rmSync(root, { recursive: true, force: true });
    else log(`kept ${root} for inspection (workspaces, VS Code's logs, the forwarded extension host log)`);
    launcher.tempRoot = undefined;
  }

  let ok = results.length > 0;
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const p = r.results?.passed ?? 0;
    const f = r.results?.failed ?? 0;
    passed += p;
    failed += f;
    const good = r.exitCode === 0 && r.problems.length === 0 && f === 0 && p > 0;
    ok &&= good;
    log(`${r.part.name}: ${good ? 'PASSED' : 'FAILED'} — ${p} passed, ${f} failed, suite exit code ${r.exitCode}`);
    for (const o of r.results?.outcomes.filter((x) => x.state === 'failed') ?? []) {
      const first = (o.error ?? '').split('\n')[0];
      log(`  ✖ ${o.title}\n      ${first.length > 400 ? `${first.slice(0, 400)}…` : first}`);
    }
    for (const problem of r.problems) log(`  ✖ ${problem}`);
  }
  log(
    `VS Code ${toolchain.vscodeVersion} integration tests ${ok ? 'passed' : 'FAILED'}` +
      ` in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

runLauncher('VS Code integration run', main);
