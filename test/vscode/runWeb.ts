/**
 * Offline launcher of the web suite (test/vscode/suite-web): the extension as VS Code for the
 * Web (vscode.dev, github.dev) runs it — its browser client (client/out/browser.js) in the
 * browser's **web worker extension host**, its language server (server/out/browser-server.js)
 * in a web worker — in real VS Code, with no network.
 *
 * The same machinery as test/vscode/runOffline.ts: VS Code's server build (npm `code-server`,
 * on Node 24 from npm; scripts/vscode/provision.ts) serves the web workbench on a free loopback
 * port with `--enable-smoke-test-driver` and workspace trust off (scripts/vscode/server.ts),
 * Debian's Chromium opens it through playwright-core, and the development payload in the URL
 * makes the workbench run the suite. Two differences:
 * - The development extension is a **copy of the extension folder whose package.json has
 *   `browser` and no `main`**: an extension with both runs in the server's Node host (see
 *   /work/shared/design/vscode-integration-testing.md, "Web extensions"). The copy holds only
 *   what the browser path needs (no client/out/extension.js, no server/out/server*.js).
 * - The suite is bundled for the browser (test/vscode/out/web/index.js, with mocha's browser
 *   build inside), since the web worker host loads nothing from node_modules, and is copied
 *   **into the extension copy** (`web-suite/index.js`): VS Code runs a suite in the extension
 *   host of the extension whose folder holds it, and one outside every extension at a
 *   `vscode-remote:` address in the server's Node host (where the suite finds no web worker
 *   and fails, as it must). It writes its
 *   results through `vscode.workspace.fs` to `results.json` beside the workspace, with where it
 *   ran. This launcher fails unless it ran in a web worker, without Node, with the extension
 *   activated through its browser entry.
 *
 * Prints each test's name and result (forwarded from the extension host), exits 0 when all
 * passed, 1 when a test failed, 2 when a prerequisite is missing or something timed out.
 *
 * Environment:
 * - OSAI_VSCODE_TIMEOUT_S       overall limit, provisioning included (default 2400)
 * - OSAI_VSCODE_PART_TIMEOUT_S  limit for the suite once the toolchain is ready (default 300)
 * - OSAI_VSCODE_CACHE           where Node 24 and code-server are cached (see scripts/vscode/provision.ts)
 * - OSAI_VSCODE_KEEP=1          keep the temporary folder (extension copy, workspace, logs); it is
 *                               always kept when the run failed
 * - OSAI_VSCODE_VERBOSE=1       also print the server's and the browser's own output
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { defaultLog, PrerequisiteError, provision, Toolchain } from '../../scripts/vscode/provision';
import { WORKER_RESOURCES } from '../../server/src/protocol';
import type { HostServer } from '../online/hosts';
import { nameStandIn, startStandIn } from './standIn';
import { checkArtifacts, launchChromium, launcher, runInWorkbench, runLauncher, seconds } from './workbench';

const REPO = resolve(__dirname, '..', '..');
const SUITE = join(REPO, 'test', 'vscode', 'out', 'web', 'index.js');
const log = (message: string): void => defaultLog(`web: ${message}`);

/**
 * What the browser path of the extension needs, relative to the extension folder (the rest of .vscodeignore's list is
 * Node's): the browser bundles, and the data files the client hands the server worker
 * (server/src/host/bundledResources.ts).
 */
const BROWSER_FILES = [
  'client/out/browser.js',
  'server/out/browser-server.js',
  ...WORKER_RESOURCES.map((name) => `server/out/${name}`),
];
/**
 * Where the suite goes in the extension copy (see above: inside the extension, so that it runs in that extension's
 * host).
 */
const SUITE_IN_COPY = join('web-suite', 'index.js');
const SHARED = ['schemas', 'syntaxes', 'language-configuration.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'media'];

interface Results {
  passed: number;
  failed: number;
  outcomes: Array<{ title: string; state: string; error?: string }>;
  ranIn?: { webWorker: boolean; node: boolean; extensionPlatform?: string; extensionActive: boolean };
}

const NEEDED: Array<[string, string]> = [
  ...BROWSER_FILES.map((f): [string, string] => [join(REPO, f), 'npm run build']),
  [SUITE, 'node test/vscode/build.mjs'],
];

/**
 * The extension as a web-only extension: package.json without `main` (so VS Code runs it in
 * the web worker host) and only the browser bundles and their data files, plus what package.json points at.
 */
function webExtensionCopy(target: string): void {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { main?: string; browser?: string };
  if (pkg.browser !== './client/out/browser.js') {
    throw new PrerequisiteError(
      `package.json's \`browser\` is ${JSON.stringify(pkg.browser)}, not "./client/out/browser.js"`,
    );
  }
  delete pkg.main;
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  for (const file of BROWSER_FILES) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(REPO, file), join(target, file));
    if (existsSync(join(REPO, `${file}.map`))) cpSync(join(REPO, `${file}.map`), join(target, `${file}.map`));
  }
  for (const entry of SHARED) {
    if (existsSync(join(REPO, entry))) cpSync(join(REPO, entry), join(target, entry), { recursive: true });
  }
  mkdirSync(dirname(join(target, SUITE_IN_COPY)), { recursive: true });
  cpSync(SUITE, join(target, SUITE_IN_COPY));
}

interface RunResult {
  exitCode: number | 'timeout';
  results?: Results;
  problems: string[];
}

async function runSuite(
  toolchain: Toolchain,
  browser: Browser,
  root: string,
  timeoutMs: number,
  standIn: HostServer,
): Promise<RunResult> {
  const extension = join(root, 'extension');
  const workspace = join(root, 'workspace');
  const resultsFile = join(root, 'results.json'); // beside the workspace: written by the suite (index.ts)
  webExtensionCopy(extension);
  cpSync(join(REPO, 'examples'), workspace, { recursive: true });
  // The ML-BOM the suite opens (features.test.ts): a workspace file, as a user's would be.
  cpSync(join(REPO, 'test', 'fixtures', 'cyclonedx', 'small.cdx.json'), join(workspace, 'boms', 'tiny-model.cdx.json'));
  nameStandIn(standIn, workspace);
  log(`the extension as a web extension: ${extension} (package.json with \`browser\`, without \`main\`)`);
  const { exitCode, problems } = await runInWorkbench({
    toolchain,
    browser,
    dir: root,
    workspace,
    stateDir: join(root, 'state'),
    extensionsDir: join(root, 'extensions'),
    developmentPath: extension,
    testsPath: join(extension, SUITE_IN_COPY),
    timeoutMs,
  });
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Results) : undefined;
  if (!results) {
    problems.push('the suite wrote no results (it did not run, or the extension host crashed)');
  } else {
    const ranIn = results.ranIn;
    if (!ranIn?.webWorker)
      problems.push('the suite did not run in a web worker (WorkerGlobalScope): not the web worker extension host');
    if (ranIn?.node) problems.push('the suite ran where Node is: not the web worker extension host');
    if (!ranIn?.extensionActive || ranIn.extensionPlatform !== 'web') {
      problems.push(
        `the extension was not activated through its browser entry (active: ${ranIn?.extensionActive}, ` +
          `platform: ${ranIn?.extensionPlatform})`,
      );
    }
  }
  return { exitCode, results, problems };
}

async function main(): Promise<number> {
  const started = Date.now();
  checkArtifacts(NEEDED);
  const toolchain = await provision({ browser: true, log });
  log(
    `running the web suite in VS Code ${toolchain.vscodeVersion}'s web worker ` +
      `extension host (server build from code-server) with ${toolchain.chromium}`,
  );
  const root = mkdtempSync(join(tmpdir(), 'osai-vscode-web-'));
  launcher.tempRoot = root;
  const browser = await launchChromium(toolchain);
  launcher.browser = browser;
  let result: RunResult | undefined;
  // The online tests ask these hosts from the browser, named in the workspace copy (no network here).
  const standIn = await startStandIn();
  try {
    result = await runSuite(toolchain, browser, root, seconds('OSAI_VSCODE_PART_TIMEOUT_S', 300), standIn);
  } finally {
    await standIn.close();
    await browser.close().catch(() => undefined);
    const good = result && result.exitCode === 0 && result.problems.length === 0 && (result.results?.failed ?? 1) === 0;
    if (process.env.OSAI_VSCODE_KEEP === '1') log(`kept ${root}`);
    else if (good) rmSync(root, { recursive: true, force: true });
    else
      log(
        `kept ${root} for inspection (the extension copy, the workspace, server.log, ` +
          `browser.log, exthost-forwarded.log)`,
      );
    launcher.tempRoot = undefined;
  }

  const passed = result.results?.passed ?? 0;
  const failed = result.results?.failed ?? 0;
  const ok = result.exitCode === 0 && result.problems.length === 0 && failed === 0 && passed > 0;
  log(
    `web worker extension host: ${ok ? 'PASSED' : 'FAILED'} — ${passed} passed, ` +
      `${failed} failed, suite exit code ${result.exitCode}`,
  );
  for (const o of result.results?.outcomes.filter((x) => x.state === 'failed') ?? []) {
    const first = (o.error ?? '').split('\n').slice(0, 4).join('\n      ');
    log(`  ✖ ${o.title}\n      ${first.length > 800 ? `${first.slice(0, 800)}…` : first}`);
  }
  for (const problem of result.problems) log(`  ✖ ${problem}`);
  log(
    `VS Code ${toolchain.vscodeVersion} web tests ${ok ? 'passed' : 'FAILED'} in ` +
      `${Math.round((Date.now() - started) / 1000)} s`,
  );
  console.log(`vscode-web: ${passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

runLauncher('VS Code web run', main);
