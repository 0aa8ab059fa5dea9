/**
 * Provisions what it takes to run real VS Code on a Linux machine that reaches only the npm
 * registry and Debian's packages (see docs/development.md, "VS Code integration tests"):
 *
 * - Node 24, from the npm package `node-linux-<arch>` (a plain binary with its headers);
 * - VS Code's server build, from the npm package `code-server` (`lib/vscode/`), installed
 *   with Node 24 so that its native modules are compiled for it;
 * - Debian's Chromium, to drive the web workbench (through `playwright-core`).
 *
 * Node 24 and code-server are cached outside the clone, keyed by version, in
 * `${OSAI_VSCODE_CACHE:-${XDG_CACHE_HOME:-~/.cache}/osai-vscode-test}`; a second run reuses
 * them. Missing Debian packages are installed with apt-get when running as root, otherwise
 * the run stops with the command to run.
 *
 * Shared by the offline test launcher (test/vscode/runOffline.ts) and `npm start`.
 */
import { spawn, spawnSync, SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';

/** Debian packages code-server's native modules need to compile. */
export const BUILD_PACKAGES = ['libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev', 'g++', 'make', 'python3'];
export const BROWSER_PACKAGES = ['chromium'];

export interface Toolchain {
  /** Node 24 binary that runs VS Code's server. */
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
    throw new PrerequisiteError(`the offline VS Code launcher runs on Linux only (this is ${process.platform}); ` +
      'elsewhere run `npm run test:vscode:electron` with VSCODE_EXECUTABLE pointing at an installed VS Code');
  }
  if (process.arch === 'x64' || process.arch === 'arm64') return process.arch;
  throw new PrerequisiteError(`no Node 24 package for the CPU architecture ${process.arch}`);
}

/** Environment for a nested npm: drop the outer npm run's variables, keep registry/cache/proxy settings. */
function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|userconfig|globalconfig|.*proxy|strict_ssl|cafile|ca|fetch_.*|prefer_offline|offline)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !keep.test(k)) continue;
    env[k] = v;
  }
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** Runs a command, echoing nothing but keeping the output for the error message. */
function run(command: string, args: string[], options: SpawnOptions & { timeoutMs: number; what: string; logFile?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const collect = (b: Buffer): void => { output.push(String(b)); };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const timer = setTimeout(() => { child.kill('SIGKILL'); }, options.timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); reject(new PrerequisiteError(`${options.what}: cannot run ${command}: ${error.message}`)); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const text = output.join('');
      if (options.logFile) writeFileSync(options.logFile, text);
      if (code === 0) return resolve();
      const tail = text.split('\n').slice(-40).join('\n');
      const why = signal ? `was killed (${signal}${signal === 'SIGKILL' ? `, over ${options.timeoutMs / 1000} s` : ''})` : `exited with ${code}`;
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

/** Installs missing Debian packages with apt-get as root; otherwise explains what to install. */
export async function ensureDebianPackages(packages: string[], log: Log = defaultLog): Promise<void> {
  if (!which('dpkg-query')) {
    const missing = packages.filter((p) => !['g++', 'make', 'python3'].includes(p) || !which(p));
    if (missing.length === 0) return;
    throw new PrerequisiteError(`not a Debian-like system; install the equivalents of: ${missing.join(' ')}`);
  }
  const missing = packages.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !which('apt-get')) {
    throw new PrerequisiteError(`missing Debian packages: ${missing.join(' ')}. Install them with:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    await run('apt-get', ['update', '-q'], { env, timeoutMs: 10 * 60_000, what: 'apt-get update' });
    aptUpdated = true;
  }
  log(`apt-get install ${missing.join(' ')}`);
  await run('apt-get', ['install', '-y', '-q', ...missing], { env, timeoutMs: 20 * 60_000, what: `apt-get install ${missing.join(' ')}` });
}

/**
 * Installs `spec` with npm into a fresh `<dir>.partial-<pid>` and renames it to `dir` when
 * `verify` passes, so an interrupted install never leaves a half-filled cache entry.
 */
async function installCached(dir: string, what: string, install: (tmp: string) => Promise<void>, verify: (d: string) => string | undefined, log: Log): Promise<void> {
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
  if (execpath && existsSync(execpath) && /npm-cli\.js$/.test(execpath)) return { command: process.execPath, prefixArgs: [execpath] };
  const npm = which('npm');
  if (!npm) throw new PrerequisiteError('npm is not on PATH');
  return { command: npm, prefixArgs: [] };
}

export async function ensureNode24(log: Log = defaultLog): Promise<{ node: string; nodeDir: string }> {
  const arch = nodeArch();
  const pkg = `node-linux-${arch}`;
  const dir = join(cacheRoot(), `node-${NODE_VERSION}-linux-${arch}`);
  const nodeDirOf = (d: string): string => join(d, 'node_modules', pkg);
  const verify = (d: string): string | undefined => {
    const bin = join(nodeDirOf(d), 'bin', 'node');
    if (!existsSync(bin)) return `${bin} is missing`;
    if (!existsSync(join(nodeDirOf(d), 'include', 'node', 'node.h'))) return 'the Node headers are missing';
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    return r.stdout?.trim() === `v${NODE_VERSION}` ? undefined : `${bin} --version printed ${JSON.stringify(r.stdout || r.stderr)}`;
  };
  await installCached(dir, `Node ${NODE_VERSION} (npm ${pkg})`, async (tmp) => {
    writeFileSync(join(tmp, 'package.json'), '{"private":true}\n');
    const npm = npmCli();
    await run(npm.command, [...npm.prefixArgs, 'install', '--no-save', '--no-package-lock', '--ignore-scripts=false', `${pkg}@${NODE_VERSION}`],
      { cwd: tmp, env: npmEnv(), timeoutMs: 10 * 60_000, what: `npm install ${pkg}@${NODE_VERSION}`, logFile: join(tmp, 'npm-install.log') });
  }, verify, log);
  return { node: join(nodeDirOf(dir), 'bin', 'node'), nodeDir: nodeDirOf(dir) };
}

export async function ensureCodeServer(node: string, nodeDir: string, log: Log = defaultLog): Promise<{ vscodeDir: string }> {
  const dir = join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-node${NODE_VERSION}`);
  const vscodeOf = (d: string): string => join(d, 'node_modules', 'code-server', 'lib', 'vscode');
  const verify = (d: string): string | undefined => {
    const v = vscodeOf(d);
    for (const f of ['out/server-main.js', 'package.json', 'product.json', 'node_modules/@vscode/spdlog/build/Release/spdlog.node']) {
      if (!existsSync(join(v, f))) return `${join(v, f)} is missing`;
    }
    return undefined;
  };
  if (!(existsSync(join(dir, '.complete')) && verify(dir) === undefined)) {
    await ensureDebianPackages(BUILD_PACKAGES, log);
  }
  await installCached(dir, `code-server ${CODE_SERVER_VERSION} (VS Code's server build; compiles native modules, a few minutes)`, async (tmp) => {
    writeFileSync(join(tmp, 'package.json'), '{"private":true}\n');
    // Run npm itself on Node 24 (first on PATH) so install scripts and node-gyp build for it.
    const npmJs = npmCli();
    const npmArgs = npmJs.command === process.execPath ? npmJs.prefixArgs : [resolveNpmCliJs(npmJs.command)];
    const env = npmEnv({ PATH: `${dirname(node)}:${process.env.PATH ?? ''}`, npm_config_nodedir: nodeDir });
    await run(node, [...npmArgs, 'install', '--no-save', '--no-package-lock', '--ignore-scripts=false', `--nodedir=${nodeDir}`, `code-server@${CODE_SERVER_VERSION}`],
      { cwd: tmp, env, timeoutMs: 30 * 60_000, what: `npm install code-server@${CODE_SERVER_VERSION}`, logFile: join(tmp, 'npm-install.log') });
  }, verify, log);
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
  const found = (): string | undefined => ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? which('chromium');
  if (!found()) await ensureDebianPackages(BROWSER_PACKAGES, log);
  const chromium = found();
  if (!chromium) throw new PrerequisiteError('Chromium is not installed (apt-get install chromium), or set OSAI_CHROMIUM to a Chromium/Chrome executable');
  return chromium;
}

/** Everything the offline launcher and `npm start` need, installing what is missing. */
export async function provision(options: { browser: boolean; log?: Log }): Promise<Toolchain> {
  const log = options.log ?? defaultLog;
  const started = Date.now();
  const { node, nodeDir } = await ensureNode24(log);
  const { vscodeDir } = await ensureCodeServer(node, nodeDir, log);
  const chromium = options.browser ? await ensureChromium(log) : '';
  const pkg = JSON.parse(readFileSync(join(vscodeDir, 'package.json'), 'utf8')) as { version: string };
  const product = JSON.parse(readFileSync(join(vscodeDir, 'product.json'), 'utf8')) as { commit?: string };
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`toolchain ready in ${seconds} s: Node ${NODE_VERSION}, code-server ${CODE_SERVER_VERSION} (VS Code ${pkg.version})${chromium ? `, ${chromium}` : ''}; cache ${cacheRoot()}`);
  return { node, vscodeDir, serverMain: join(vscodeDir, 'out', 'server-main.js'), vscodeVersion: pkg.version, vscodeCommit: product.commit ?? 'unknown', chromium };
}

// `npm run vscode:provision` (and .ci/run): install and cache everything ahead of the tests.
if (require.main === module) {
  provision({ browser: true }).then(() => process.exit(0), (error: unknown) => {
    console.error(`[vscode-test] FAILED, a prerequisite is missing: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
