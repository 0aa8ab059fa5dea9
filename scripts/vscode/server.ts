/**
 * Starts and stops VS Code's server build (from code-server, see provision.ts) on a free
 * loopback port, without a connection token, and installs .vsix files into an extensions
 * folder. Shared by the offline test launcher and `npm start`.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Log, PrerequisiteError, Toolchain } from './provision';

export interface ServerOptions {
  toolchain: Toolchain;
  /** Root of this server's state: `server-data/`, `user-data/` are made inside. */
  stateDir: string;
  extensionsDir: string;
  /** 0 (default): a free port, chosen by the server. */
  port?: number;
  /** `--enable-smoke-test-driver`: lets the web workbench run a test suite from the URL payload. */
  testDriver?: boolean;
  /** Added to the server's (and so the extension host's) environment. */
  env?: Record<string, string>;
  /** Every line the server prints. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  startTimeoutMs?: number;
}

export interface RunningServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  serverDataDir: string;
  /** Where the server and its extension hosts write their logs. */
  logsDir: string;
  /** Resolves with the exit code / signal once the server has exited. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/** User settings that keep a test or demo workbench quiet and offline. */
export const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

function serverEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // Not the outer npm run's variables, nor VS Code's own (when launched from a VS Code terminal).
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|VSCODE_|ELECTRON_)/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** Kills a process group we started (detached), then waits for the leader to exit. */
async function killGroup(child: ChildProcess, exited: Promise<unknown>, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
  if ((await Promise.race([exited.then(() => 'exited' as const), timer])) === 'timeout') {
    signal('SIGKILL');
    await exited;
  }
  // The extension host and helpers are in the same group: make sure none outlives the server.
  signal('SIGKILL');
}

const live = new Set<() => Promise<void>>();
let hooked = false;
/** Stops every server still running when this process is interrupted or exits. */
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const stop of live) void stop();
  });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { toolchain } = options;
  const serverDataDir = join(options.stateDir, 'server-data');
  const userDataDir = join(options.stateDir, 'user-data');
  for (const d of [
    serverDataDir,
    userDataDir,
    options.extensionsDir,
    join(userDataDir, 'Machine'),
    join(userDataDir, 'User'),
  ])
    mkdirSync(d, { recursive: true });
  const settings = JSON.stringify(QUIET_SETTINGS, null, 2) + '\n';
  writeFileSync(join(userDataDir, 'Machine', 'settings.json'), settings);
  writeFileSync(join(userDataDir, 'User', 'settings.json'), settings);

  const args = [
    toolchain.serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port ?? 0),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--server-data-dir',
    serverDataDir,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    options.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.testDriver ? ['--enable-smoke-test-driver'] : []),
  ];
  const child = spawn(toolchain.node, args, {
    env: serverEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, sig) => resolve(sig ? `signal ${sig}` : `code ${code}`)),
  );
  const stop = async (): Promise<void> => {
    live.delete(stop);
    await killGroup(child, exited);
  };
  // On `exit` only synchronous work runs: send the signal there.
  const stopSync = async (): Promise<void> => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  live.add(stopSync);
  hookExit();

  const port = await new Promise<number>((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    const recent: string[] = [];
    const timer = setTimeout(
      () => fail(`VS Code's server did not report its port within ${timeoutMs / 1000} s`),
      timeoutMs,
    );
    function fail(message: string): void {
      clearTimeout(timer);
      reject(new PrerequisiteError(`${message}\n${recent.slice(-30).join('\n')}`));
    }
    for (const [stream, name] of [
      [child.stdout!, 'stdout'],
      [child.stderr!, 'stderr'],
    ] as const) {
      let pending = '';
      stream.on('data', (b: Buffer) => {
        pending += String(b);
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          recent.push(line);
          if (recent.length > 100) recent.shift();
          options.onLine?.(line, name);
          const m = /Extension host agent listening on (\d+)/.exec(line);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        }
      });
    }
    child.on('error', (error) => fail(`cannot start ${toolchain.node}: ${error.message}`));
    void exited.then((how) => fail(`VS Code's server exited (${how}) before listening`));
  }).catch(async (error) => {
    await stop();
    live.delete(stopSync);
    throw error;
  });

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    serverDataDir,
    logsDir: join(userDataDir, 'logs'),
    exited,
    stop: async () => {
      live.delete(stopSync);
      await stop();
    },
  };
}

/** `server-main.js --install-extension <vsix>` into `extensionsDir` (no network needed). */
export async function installVsix(
  toolchain: Toolchain,
  vsix: string,
  extensionsDir: string,
  stateDir: string,
  log: Log,
): Promise<void> {
  mkdirSync(extensionsDir, { recursive: true });
  // VS Code 1.82 makes the state folders one level at a time, so their parent must exist.
  mkdirSync(stateDir, { recursive: true });
  const args = [
    toolchain.serverMain,
    '--install-extension',
    vsix,
    '--force',
    '--extensions-dir',
    extensionsDir,
    '--server-data-dir',
    join(stateDir, 'server-data'),
    '--user-data-dir',
    join(stateDir, 'user-data'),
    '--accept-server-license-terms',
  ];
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(toolchain.node, args, { env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (b) => output.push(String(b)));
    child.stderr!.on('data', (b) => output.push(String(b)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  const text = output.join('').trim();
  if (code !== 0 || !/successfully installed/i.test(text)) {
    throw new Error(`installing ${vsix} failed (exit ${code}):\n${text}`);
  }
  log(
    text
      .split('\n')
      .filter((l) => /install/i.test(l))
      .join('\n'),
  );
}
