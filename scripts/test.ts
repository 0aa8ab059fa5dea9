/**
 * `npm test`: every test, on a fresh Debian or Ubuntu machine with Node 20+ and nothing else.
 *
 * 1. prerequisites: the Debian packages the tests drive (apt-get as root, or sudo without a
 *    password, saying which and why; otherwise it stops with the command to run);
 * 2. build, once: the bundles as they ship (`--production`), the .vsix from them, the VS Code
 *    suites; every later step uses these, so the tests check what users install;
 * 3. typecheck, lint;
 * 4. the Node suites (service, online stand-in hosts, CLI, report, LSP protocol, headless Neovim, pre-commit);
 * 5. the VS Code suites: desktop workbench (newest VS Code), web workbench, then the oldest
 *    VS Code `engines.vscode` admits. VS Code's server build and its Node come from npm into
 *    ~/.cache/osai-vscode-test on the first run (scripts/vscode/provision.ts).
 *
 * `npm test -- node lint` runs only the named steps (in the order above; the build runs first
 * unless `--no-build`); `npm test -- --list` names them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_PACKAGES, ensureDebianPackages, PrerequisiteError } from './vscode/provision';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');

/** Why each Debian package is installed: said before installing it. */
const DEBIAN_PACKAGES: Record<string, string> = {
  chromium: "drives VS Code's web workbench and prints the compliance report in the integration tests",
  neovim: 'the headless-Neovim test runs the configuration of docs/editors.md',
  'pre-commit': 'the pre-commit test installs and runs the hook as users do',
  ...Object.fromEntries(
    BUILD_PACKAGES.map((p) => [p, "VS Code's server build (npm code-server) compiles native modules with it"]),
  ),
};

const NODE_SUITE_DIRS = ['service', 'host', 'online', 'aibom', 'cli', 'report', 'protocol', 'neovim', 'precommit'];
/** The test files, listed here: Node 20's `--test` takes no globs (a shell expanded them). */
const nodeSuites = (): string[] =>
  NODE_SUITE_DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, 'test', dir))
      .filter((name) => name.endsWith('.test.ts'))
      .sort()
      .map((name) => `test/${dir}/${name}`),
  );

interface Step {
  name: string;
  what: string;
  run: () => void | Promise<void>;
}

function sh(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new StepFailed(`\`${[command, ...args].join(' ')}\` exited with ${r.status ?? r.signal}`);
}
const node = (...args: string[]): void => sh(process.execPath, args);
const tsx = (script: string, env: NodeJS.ProcessEnv = {}): void => sh(join(BIN, 'tsx'), [script], env);

class StepFailed extends Error {}

const STEPS: Step[] = [
  {
    name: 'prerequisites',
    what: 'Debian packages the tests drive',
    run: () => ensureDebianPackages(Object.keys(DEBIAN_PACKAGES), (m) => console.log(m), DEBIAN_PACKAGES),
  },
  {
    name: 'build',
    what: 'bundles as shipped, the .vsix, the VS Code suites',
    run: () => {
      node('scripts/build.mjs', '--production');
      sh(join(BIN, 'vsce'), ['package', '--no-dependencies']);
      node('test/vscode/build.mjs');
    },
  },
  { name: 'typecheck', what: 'tsc --noEmit', run: () => sh(join(BIN, 'tsc'), ['-p', '.', '--noEmit']) },
  { name: 'lint', what: 'ESLint and Prettier', run: () => sh('npm', ['run', '--silent', 'lint']) },
  {
    name: 'node',
    what: NODE_SUITE_DIRS.map((dir) => `test/${dir}/*.test.ts`).join(' '),
    run: () => node('--import', 'tsx', '--test', ...nodeSuites()),
  },
  { name: 'vscode', what: 'VS Code desktop workbench, newest', run: () => tsx('test/vscode/runOffline.ts') },
  { name: 'web', what: 'VS Code for the Web', run: () => tsx('test/vscode/runWeb.ts') },
  {
    name: 'oldest',
    what: 'VS Code desktop workbench, oldest supported',
    run: () => tsx('test/vscode/runOffline.ts', { OSAI_VSCODE_VERSION: '1.82' }),
  },
];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--list')) {
    for (const step of STEPS) console.log(`${step.name.padEnd(14)}${step.what}`);
    return 0;
  }
  const named = args.filter((a) => !a.startsWith('--'));
  const unknown = named.filter((n) => !STEPS.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(`unknown step ${unknown.join(', ')}; the steps: ${STEPS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const chosen = STEPS.filter(
    (s) => named.length === 0 || named.includes(s.name) || (s.name === 'build' && !args.includes('--no-build')),
  );
  const times: string[] = [];
  for (const step of chosen) {
    console.log(`\n== ${step.name}: ${step.what}`);
    const started = process.hrtime.bigint();
    try {
      await step.run();
    } catch (error) {
      const message =
        error instanceof StepFailed || error instanceof PrerequisiteError
          ? error.message
          : ((error as Error).stack ?? String(error));
      console.error(`\n== ${step.name} failed: ${message}`);
      return 1;
    }
    times.push(`${step.name} ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s`);
  }
  console.log(`\n== all passed (${times.join(', ')})`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
