/**
 * Desktop launcher of the VS Code integration suite, with `@vscode/test-electron` — the usual
 * way, for machines where VS Code is installed or can be downloaded. (Linux CI here uses
 * test/vscode/runOffline.ts instead: same suite, VS Code's server build in Chromium.)
 *
 *   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:vscode:electron   # an installed VS Code
 *   npm run test:vscode:electron                  # downloads VS Code (VSCODE_VERSION, default stable)
 *
 * Runs the whole suite against the development folder, the `[multi-root]` tests in a multi-root
 * workspace (a copy of test/fixtures/multi-root), then — when the .vsix from `npm run package`
 * exists — the `[smoke]` tests against that .vsix installed into a fresh extensions folder
 * (OSAI_VSCODE_PARTS=dev, =multi-root or =vsix runs one part).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const REPO = resolve(__dirname, '..', '..');
const SUITE = join(REPO, 'test', 'vscode', 'out', 'index.js');
const HARNESS = join(REPO, 'test', 'vscode', 'out');
const log = (message: string): void => console.log(`[vscode-test:electron] ${message}`);

interface Results {
  passed: number;
  failed: number;
}

async function main(): Promise<number> {
  for (const [file, how] of [
    [SUITE, 'node test/vscode/build.mjs'],
    [join(REPO, 'client', 'out', 'extension.js'), 'npm run build'],
  ]) {
    if (!existsSync(file)) throw new Error(`${file} is missing (made by \`${how}\`)`);
  }
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = process.env.OSAI_VSIX ? resolve(process.env.OSAI_VSIX) : join(REPO, `${pkg.name}-${pkg.version}.vsix`);
  const parts = (process.env.OSAI_VSCODE_PARTS ?? `dev,multi-root${existsSync(vsix) ? ',vsix' : ''}`).split(',');

  let executable = process.env.VSCODE_EXECUTABLE;
  if (executable) {
    if (!existsSync(executable)) throw new Error(`VSCODE_EXECUTABLE=${executable} does not exist`);
  } else {
    log(`VSCODE_EXECUTABLE is not set: downloading VS Code ${process.env.VSCODE_VERSION ?? 'stable'}`);
    executable = await downloadAndUnzipVSCode(process.env.VSCODE_VERSION ?? 'stable');
  }
  log(`VS Code: ${executable}`);

  const root = mkdtempSync(join(tmpdir(), 'osai-vscode-electron-'));
  let passed = 0;
  let failed = 0;
  let ok = true;
  try {
    for (const part of parts) {
      const dir = join(root, part);
      const workspace = join(dir, 'workspace');
      const multiRoot = part === 'multi-root';
      const source = multiRoot ? join(REPO, 'test', 'fixtures', 'multi-root') : join(REPO, 'examples');
      cpSync(source, workspace, { recursive: true });
      // A multi-root workspace is opened through its .code-workspace file.
      const opened = multiRoot ? join(workspace, 'multi-root.code-workspace') : workspace;
      const userData = join(dir, 'user-data');
      const extensionsDir = join(dir, 'extensions');
      mkdirSync(extensionsDir, { recursive: true });
      if (multiRoot) {
        // The folders' treatAsOpen is a restricted setting: VS Code applies it only in a trusted workspace.
        mkdirSync(join(userData, 'User'), { recursive: true });
        writeFileSync(
          join(userData, 'User', 'settings.json'),
          JSON.stringify({ 'security.workspace.trust.enabled': false }),
        );
      }
      const resultsFile = join(dir, 'results.json');
      if (part === 'vsix') {
        // The CLI next to the executable (its default profile arguments are replaced by ours).
        const [cli] = resolveCliArgsFromVSCodeExecutablePath(executable);
        const r = spawnSync(
          cli,
          ['--extensions-dir', extensionsDir, '--user-data-dir', userData, '--install-extension', vsix, '--force'],
          { encoding: 'utf8', stdio: 'pipe', shell: process.platform === 'win32' },
        );
        if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
        log(r.stdout.trim());
      }
      const what: Record<string, string> = {
        dev: 'development folder: the whole suite',
        'multi-root': 'multi-root workspace: the [multi-root] tests',
      };
      log(`── ${what[part] ?? `installed ${vsix}: the [smoke] tests`} ──`);
      let code: number;
      try {
        code = await runTests({
          vscodeExecutablePath: executable,
          extensionDevelopmentPath: part === 'vsix' ? HARNESS : REPO,
          extensionTestsPath: SUITE,
          launchArgs: [opened, '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--disable-telemetry'],
          extensionTestsEnv: {
            OSAI_TEST_RESULTS: resultsFile,
            OSAI_TEST_EXTENSION_ROOT: part === 'vsix' ? extensionsDir : REPO,
            OSAI_TEST_LOGS: join(userData, 'logs'),
            ...(part === 'vsix' ? { OSAI_TEST_GREP: '[smoke]' } : multiRoot ? { OSAI_TEST_GREP: '[multi-root]' } : {}),
          },
        });
      } catch (error) {
        log(`the suite failed: ${error instanceof Error ? error.message : String(error)}`);
        code = 1;
      }
      const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Results) : undefined;
      passed += results?.passed ?? 0;
      failed += results?.failed ?? 0;
      ok &&= code === 0 && !!results && results.failed === 0 && results.passed > 0;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[vscode-test:electron] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
