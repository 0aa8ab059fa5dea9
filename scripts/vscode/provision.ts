/**
 * Provisions what it takes to run real VS Code on a Linux machine that reaches only the npm
 * registry and Debian's packages (see docs/development.md, "VS Code integration tests"):
 *
 * - Node, from the npm package `node-linux-<arch>` (a plain binary with its headers): the
 *   version the chosen VS Code's server build runs on (24 for 1.139, 18 for 1.82);
 * - VS Code's server build, from the npm package `code-server` (`lib/vscode/`) of the release
 *   that bundles the chosen VS Code, installed with that Node so that its native modules are
 *   compiled for it;
 * - Debian's Chromium, to drive the web workbench (through `playwright-core`).
 *
 * Which VS Code: `OSAI_VSCODE_VERSION`, one of VSCODE_BUILDS: 1.139.1 (the default) or
 * 1.82.2, the lowest version package.json's `engines.vscode` admits.
 *
 * Node and code-server are cached outside the clone, keyed by version, in
 * `${OSAI_VSCODE_CACHE:-${XDG_CACHE_HOME:-~/.cache}/osai-vscode-test}`; a second run reuses
 * them. Missing Debian packages are installed with apt-get when running as root or with a
 * password-less sudo, otherwise the run stops with the command to run.
 *
 * Shared by the offline test launcher (test/vscode/runOffline.ts) and `npm start`.
 */
import { spawn, spawnSync, SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A VS Code release the offline launcher runs: the npm `code-server` release that bundles its server build, and the
 * Node that build runs on.
 */
export interface VscodeBuild {
  vscode: string;
  codeServer: string;
  node: string;
  /**
   * An npm from the registry to install code-server with, for a Node the system's npm no
   * longer runs on (npm 11 needs Node 20); code-server's install script runs `npm` again.
   */
  npm?: string;
  /**
   * code-server releases before 4.9x install `@vscode/ripgrep` (`package`), whose install
   * script downloads ripgrep (`tag`) from GitHub. Its download cache is filled beforehand with
   * the `rg` of the npm package `@vscode/ripgrep-universal` (`universal`), so nothing is
   * fetched from GitHub.
   */
  ripgrep?: { package: string; tag: string; universal: string };
}

export const VSCODE_BUILDS: readonly VscodeBuild[] = [
  { vscode: '1.139.1', codeServer: '4.139.1', node: '24.21.0' },
  // The lowest VS Code package.json's engines.vscode (^1.82.2) admits; its server shipped with Node 18.15.
  {
    vscode: '1.82.2',
    codeServer: '4.17.1',
    node: '18.15.0',
    npm: '9.9.4',
    ripgrep: { package: '1.15.5', tag: 'v13.0.0-10', universal: '1.18.0' },
  },
];
export const DEFAULT_VSCODE_VERSION = '1.139.1';

/** The build `OSAI_VSCODE_VERSION` names (default DEFAULT_VSCODE_VERSION); `1.82` picks 1.82.2. */
export function selectedBuild(version = process.env.OSAI_VSCODE_VERSION || DEFAULT_VSCODE_VERSION): VscodeBuild {
  const build = VSCODE_BUILDS.find((b) => b.vscode === version || b.vscode.startsWith(`${version}.`));
  if (!build)
    throw new PrerequisiteError(
      `OSAI_VSCODE_VERSION=${version}: the offline launcher runs VS Code ` +
        `${VSCODE_BUILDS.map((b) => b.vscode).join(' or ')}`,
    );
  return build;
}

/** Debian packages code-server's native modules need to compile. */
export const BUILD_PACKAGES = [
  'libkrb5-dev',
  'libsecret-1-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'g++',
  'make',
  'python3',
];
export const BROWSER_PACKAGES = ['chromium'];

export interface Toolchain {
  /** The Node binary that runs VS Code's server (see VscodeBuild.node). */
  node: string;
  /** `<code-server>/lib/vscode` */
  vscodeDir: string;
  serverMain: string;
  /** VS Code's version, e.g. 1.139.1 */
  vscodeVersion: string;
  vscodeCommit: string;
  /** Chromium executable ('' when not asked for). */
  chromium: string;
}

export class PrerequisiteError extends Error {
  override name = 'PrerequisiteError';
}

export type Log = (message: string) => void;
export const defaultLog: Log = (message) => console.log(`[vscode-test] ${message}`);

export function cacheRoot(): string {
  if (process.env.OSAI_VSCODE_CACHE) return process.env.OSAI_VSCODE_CACHE;
  const xdg = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(xdg, 'osai-vscode-test');
}

function nodeArch(): string {
  if (process.platform !== 'linux') {
    throw new PrerequisiteError(
      `the offline VS Code launcher runs on Linux only (this is ${process.platform}); ` +
        'elsewhere run `npm run test:vscode:electron` with VSCODE_EXECUTABLE pointing at an installed VS Code',
    );
  }
  if (process.arch === 'x64' || process.arch === 'arm64') return process.arch;
  throw new PrerequisiteError(`no Node package for the CPU architecture ${process.arch}`);
}

/** Environment for a nested npm: drop the outer npm run's variables, keep registry/cache/proxy settings. */
function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep =
    /^npm_config_(registry|cache|userconfig|globalconfig|.*proxy|strict_ssl|cafile|ca|fetch_.*|prefer_offline|offline)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !keep.test(k)) continue;
    env[k] = v;
  }
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** Runs a command, echoing nothing but keeping the output for the error message. */
function run(
  command: string,
  args: string[],
  options: SpawnOptions & { timeoutMs: number; what: string; logFile?: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const collect = (b: Buffer): void => {
      output.push(String(b));
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new PrerequisiteError(`${options.what}: cannot run ${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const text = output.join('');
      if (options.logFile) writeFileSync(options.logFile, text);
      if (code === 0) return resolve();
      const tail = text.split('\n').slice(-40).join('\n');
      const why = signal
        ? `was killed (${signal}${signal === 'SIGKILL' ? `, over ${options.timeoutMs / 1000} s` : ''})`
        : `exited with ${code}`;
      reject(new PrerequisiteError(`${options.what} failed: \`${command} ${args.join(' ')}\` ${why}\n${tail}`));
    });
  });
}

function which(command: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function dpkgInstalled(pkg: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

let aptUpdated = false;

/**
 * Installs missing Debian packages with apt-get: as root, or through `sudo` when it needs no
 * password (it says so first, naming each package and why); otherwise explains what to install.
 */
export async function ensureDebianPackages(
  packages: string[],
  log: Log = defaultLog,
  why: Record<string, string> = {},
): Promise<void> {
  if (!which('dpkg-query')) {
    const missing = packages.filter((p) => !['g++', 'make', 'python3'].includes(p) || !which(p));
    if (missing.length === 0) return;
    throw new PrerequisiteError(`not a Debian-like system; install the equivalents of: ${missing.join(' ')}`);
  }
  const missing = packages.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !isRoot && which('sudo') !== undefined && spawnSync('sudo', ['-n', 'true']).status === 0;
  if ((!isRoot && !sudo) || !which('apt-get')) {
    throw new PrerequisiteError(
      `missing Debian packages: ${missing.join(' ')}. Install them with:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  const reasons = missing.map((p) => `  ${p}${why[p] ? `: ${why[p]}` : ''}`).join('\n');
  log(`installing Debian packages${sudo ? ' with sudo' : ''}:\n${reasons}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]): [string, string[]] =>
    sudo ? ['sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]] : ['apt-get', args];
  if (!aptUpdated) {
    log('apt-get update');
    await run(...apt(['update', '-q']), { env, timeoutMs: 10 * 60_000, what: 'apt-get update' });
    aptUpdated = true;
  }
  log(`apt-get install ${missing.join(' ')}`);
  await run(...apt(['install', '-y', '-q', ...missing]), {
    env,
    timeoutMs: 20 * 60_000,
    what: `apt-get install ${missing.join(' ')}`,
  });
}

/**
 * Installs `spec` with npm into a fresh `<dir>.partial-<pid>` and renames it to `dir` when
 * `verify` passes, so an interrupted install never leaves a half-filled cache entry.
 */
async function installCached(
  dir: string,
  what: string,
  install: (tmp: string) => Promise<void>,
  verify: (d: string) => string | undefined,
  log: Log,
): Promise<void> {
  const marker = join(dir, '.complete');
  if (existsSync(marker) && verify(dir) === undefined) return;
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  const tmp = `${dir}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const started = Date.now();
  log(`installing ${what} into ${dir} (first run only)`);
  try {
    await install(tmp);
    const problem = verify(tmp);
    if (problem) throw new PrerequisiteError(`${what} was installed but is not usable: ${problem}`);
    writeFileSync(join(tmp, '.complete'), new Date().toISOString() + '\n');
    try {
      renameSync(tmp, dir);
    } catch (error) {
      // Another run finished the same install first: use that one.
      if (!existsSync(join(dir, '.complete'))) throw error;
      rmSync(tmp, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  log(`installed ${what} in ${Math.round((Date.now() - started) / 1000)} s`);
}

function npmCli(): { command: string; prefixArgs: string[] } {
  // Prefer the npm that runs this script (npm_execpath), else `npm` on PATH.
  const execpath = process.env.npm_execpath;
  if (execpath && existsSync(execpath) && /npm-cli\.js$/.test(execpath))
    return { command: process.execPath, prefixArgs: [execpath] };
  const npm = which('npm');
  if (!npm) throw new PrerequisiteError('npm is not on PATH');
  return { command: npm, prefixArgs: [] };
}

export interface NodeToolchain {
  /** The Node binary. */
  node: string;
  /** Its folder (with `include/node`, the headers native modules compile against). */
  nodeDir: string;
  /** The build's own npm (`npm-cli.js`), when it has one. */
  npmCliJs?: string;
  /** A folder to put first on PATH: `node`, and `npm` when the build has its own. */
  binDir?: string;
}

/** The build's Node (and npm, when it has one), cached. */
export async function ensureNode(build: VscodeBuild = selectedBuild(), log: Log = defaultLog): Promise<NodeToolchain> {
  const arch = nodeArch();
  const pkg = `node-linux-${arch}`;
  // The default build's folder keeps its name, so an existing cache stays valid.
  const dir = join(cacheRoot(), `node-${build.node}-linux-${arch}${build.npm ? `-npm${build.npm}` : ''}`);
  const nodeDirOf = (d: string): string => join(d, 'node_modules', pkg);
  const npmOf = (d: string): string => join(d, 'node_modules', 'npm', 'bin', 'npm-cli.js');
  const verify = (d: string): string | undefined => {
    const bin = join(nodeDirOf(d), 'bin', 'node');
    if (!existsSync(bin)) return `${bin} is missing`;
    if (!existsSync(join(nodeDirOf(d), 'include', 'node', 'node.h'))) return 'the Node headers are missing';
    if (build.npm && !(existsSync(npmOf(d)) && existsSync(join(d, 'bin', 'npm')))) return `npm ${build.npm} is missing`;
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    return r.stdout?.trim() === `v${build.node}`
      ? undefined
      : `${bin} --version printed ${JSON.stringify(r.stdout || r.stderr)}`;
  };
  const packages = [`${pkg}@${build.node}`, ...(build.npm ? [`npm@${build.npm}`] : [])];
  await installCached(
    dir,
    `Node ${build.node} (npm ${packages.join(' ')})`,
    async (tmp) => {
      writeFileSync(join(tmp, 'package.json'), '{"private":true}\n');
      const npm = npmCli();
      await run(
        npm.command,
        [...npm.prefixArgs, 'install', '--no-save', '--no-package-lock', '--ignore-scripts=false', ...packages],
        {
          cwd: tmp,
          env: npmEnv(),
          timeoutMs: 10 * 60_000,
          what: `npm install ${packages.join(' ')}`,
          logFile: join(tmp, 'npm-install.log'),
        },
      );
      if (build.npm) {
        // Relative links, so that they still work once the folder is renamed into the cache.
        mkdirSync(join(tmp, 'bin'));
        symlinkSync(join('..', 'node_modules', pkg, 'bin', 'node'), join(tmp, 'bin', 'node'));
        symlinkSync(join('..', 'node_modules', 'npm', 'bin', 'npm-cli.js'), join(tmp, 'bin', 'npm'));
      }
    },
    verify,
    log,
  );
  return {
    node: join(nodeDirOf(dir), 'bin', 'node'),
    nodeDir: nodeDirOf(dir),
    ...(build.npm ? { npmCliJs: npmOf(dir), binDir: join(dir, 'bin') } : {}),
  };
}

/** Fills @vscode/ripgrep's download cache (under `tmpDir`) with the `rg` of npm's @vscode/ripgrep-universal. */
async function seedRipgrep(ripgrep: NonNullable<VscodeBuild['ripgrep']>, tmpDir: string, work: string): Promise<void> {
  const arch = nodeArch();
  const target = arch === 'x64' ? 'x86_64-unknown-linux-musl' : 'aarch64-unknown-linux-musl';
  const npm = npmCli();
  mkdirSync(work, { recursive: true });
  await run(npm.command, [...npm.prefixArgs, 'pack', `@vscode/ripgrep-universal@${ripgrep.universal}`], {
    cwd: work,
    env: npmEnv(),
    timeoutMs: 10 * 60_000,
    what: `npm pack @vscode/ripgrep-universal@${ripgrep.universal}`,
  });
  const rg = `package/bin/linux-${arch}/rg`;
  await run('tar', ['-xzf', join(work, `vscode-ripgrep-universal-${ripgrep.universal}.tgz`), '-C', work, rg], {
    timeoutMs: 60_000,
    what: `unpacking ${rg}`,
  });
  const cache = join(tmpDir, `vscode-ripgrep-cache-${ripgrep.package}`);
  mkdirSync(cache, { recursive: true });
  await run(
    'tar',
    ['-czf', join(cache, `ripgrep-${ripgrep.tag}-${target}.tar.gz`), '-C', join(work, dirname(rg)), 'rg'],
    { timeoutMs: 60_000, what: 'packing rg for @vscode/ripgrep' },
  );
}

export async function ensureCodeServer(
  toolchain: NodeToolchain,
  build: VscodeBuild = selectedBuild(),
  log: Log = defaultLog,
): Promise<{ vscodeDir: string }> {
  const { node, nodeDir } = toolchain;
  const dir = join(cacheRoot(), `code-server-${build.codeServer}-node${build.node}`);
  const vscodeOf = (d: string): string => join(d, 'node_modules', 'code-server', 'lib', 'vscode');
  const verify = (d: string): string | undefined => {
    const v = vscodeOf(d);
    for (const f of [
      'out/server-main.js',
      'package.json',
      'product.json',
      'node_modules/@vscode/spdlog/build/Release/spdlog.node',
    ]) {
      if (!existsSync(join(v, f))) return `${join(v, f)} is missing`;
    }
    return undefined;
  };
  if (!(existsSync(join(dir, '.complete')) && verify(dir) === undefined)) {
    await ensureDebianPackages(BUILD_PACKAGES, log);
  }
  await installCached(
    dir,
    `code-server ${build.codeServer} (VS Code ${build.vscode}'s server build; compiles native modules, a few minutes)`,
    async (tmp) => {
      writeFileSync(join(tmp, 'package.json'), '{"private":true}\n');
      // Run npm itself on the build's Node (first on PATH, with the build's own npm if it has
      // one) so install scripts and node-gyp build for it.
      let npmArgs: string[];
      if (toolchain.npmCliJs) npmArgs = [toolchain.npmCliJs];
      else {
        const npmJs = npmCli();
        npmArgs = npmJs.command === process.execPath ? npmJs.prefixArgs : [resolveNpmCliJs(npmJs.command)];
      }
      const extra: Record<string, string> = {
        PATH: `${toolchain.binDir ?? dirname(node)}:${process.env.PATH ?? ''}`,
        npm_config_nodedir: nodeDir,
      };
      if (build.ripgrep) {
        // Older code-server install scripts insist on --unsafe-perm (as root); @vscode/ripgrep
        // looks for its download in a cache under TMPDIR.
        extra.npm_config_unsafe_perm = 'true';
        extra.TMPDIR = join(tmp, '.tmp');
        await seedRipgrep(build.ripgrep, extra.TMPDIR, join(tmp, '.ripgrep'));
      }
      await run(
        node,
        [
          ...npmArgs,
          'install',
          '--no-save',
          '--no-package-lock',
          '--ignore-scripts=false',
          `--nodedir=${nodeDir}`,
          `code-server@${build.codeServer}`,
        ],
        {
          cwd: tmp,
          env: npmEnv(extra),
          timeoutMs: 30 * 60_000,
          what: `npm install code-server@${build.codeServer}`,
          logFile: join(tmp, 'npm-install.log'),
        },
      );
      for (const d of ['.tmp', '.ripgrep']) rmSync(join(tmp, d), { recursive: true, force: true });
    },
    verify,
    log,
  );
  return { vscodeDir: vscodeOf(dir) };
}

/** `/usr/bin/npm` is a link to `…/npm/bin/npm-cli.js`; find that file to run it with another node. */
function resolveNpmCliJs(npm: string): string {
  const r = spawnSync('readlink', ['-f', npm], { encoding: 'utf8' });
  const target = r.stdout?.trim();
  if (target && target.endsWith('.js')) return target;
  const guess = join(dirname(target || npm), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (existsSync(guess)) return guess;
  throw new PrerequisiteError(`cannot find npm-cli.js for ${npm}`);
}

export async function ensureChromium(log: Log = defaultLog): Promise<string> {
  const configured = process.env.OSAI_CHROMIUM;
  if (configured) {
    if (!existsSync(configured)) throw new PrerequisiteError(`OSAI_CHROMIUM=${configured} does not exist`);
    return configured;
  }
  const found = (): string | undefined =>
    ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? which('chromium');
  if (!found()) await ensureDebianPackages(BROWSER_PACKAGES, log);
  const chromium = found();
  if (!chromium)
    throw new PrerequisiteError(
      'Chromium is not installed (apt-get install chromium), or set OSAI_CHROMIUM to a Chromium/Chrome executable',
    );
  return chromium;
}

/** Everything the offline launcher and `npm start` need, installing what is missing. */
export async function provision(options: { browser: boolean; log?: Log }): Promise<Toolchain> {
  const log = options.log ?? defaultLog;
  const started = Date.now();
  const build = selectedBuild();
  const node = await ensureNode(build, log);
  const { vscodeDir } = await ensureCodeServer(node, build, log);
  const chromium = options.browser ? await ensureChromium(log) : '';
  const pkg = JSON.parse(readFileSync(join(vscodeDir, 'package.json'), 'utf8')) as { version: string };
  const product = JSON.parse(readFileSync(join(vscodeDir, 'product.json'), 'utf8')) as { commit?: string };
  if (pkg.version !== build.vscode)
    throw new PrerequisiteError(`code-server ${build.codeServer} holds VS Code ${pkg.version}, not ${build.vscode}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(
    `toolchain ready in ${seconds} s: Node ${build.node}, code-server ` +
      `${build.codeServer} (VS Code ${pkg.version})${chromium ? `, ${chromium}` : ''}` +
      `; cache ${cacheRoot()}`,
  );
  return {
    node: node.node,
    vscodeDir,
    serverMain: join(vscodeDir, 'out', 'server-main.js'),
    vscodeVersion: pkg.version,
    vscodeCommit: product.commit ?? 'unknown',
    chromium,
  };
}

// `npm run vscode:provision`: install and cache everything ahead of the tests
// (`OSAI_VSCODE_VERSION=1.82 npm run vscode:provision`: the oldest supported VS Code).
if (require.main === module) {
  provision({ browser: true }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(
        `[vscode-test] FAILED, a prerequisite is missing: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(2);
    },
  );
}
