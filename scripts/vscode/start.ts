/**
 * `npm start`: VS Code in the browser with the packaged extension installed and a copy of
 * examples/ opened — no VS Code install, no account, no token.
 *
 * Provisions Node 24 and VS Code's server build like the offline test launcher (cached in
 * ~/.cache/osai-vscode-test), installs the .vsix made by `npm run package` into a fresh
 * extensions folder, serves on 127.0.0.1 only and prints the URL to open. Ctrl-C stops it.
 *
 *   npm start                      # a free port
 *   npm start -- --port 8123       # or OSAI_PORT=8123 npm start
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PrerequisiteError, provision } from './provision';
import { installVsix, RunningServer, startServer } from './server';

const REPO = resolve(__dirname, '..', '..');
const log = (message: string): void => console.log(`[osai start] ${message}`);

function portArg(): number {
  const i = process.argv.indexOf('--port');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.OSAI_PORT;
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PrerequisiteError(`not a port: ${raw}`);
  return port;
}

async function main(): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = process.env.OSAI_VSIX ? resolve(process.env.OSAI_VSIX) : join(REPO, `${pkg.name}-${pkg.version}.vsix`);
  if (!existsSync(vsix))
    throw new PrerequisiteError(`${vsix} is missing: run \`npm run package\` first (npm start does)`);
  const port = portArg();
  const toolchain = await provision({ browser: false, log });

  const root = mkdtempSync(join(tmpdir(), 'osai-start-'));
  const workspace = join(root, 'examples');
  cpSync(join(REPO, 'examples'), workspace, { recursive: true });
  const extensionsDir = join(root, 'extensions');
  let server: RunningServer | undefined;
  let stopping = false;
  const stop = async (why: string, code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping VS Code's server`);
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('Ctrl-C', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGHUP', () => void stop('SIGHUP', 0));

  try {
    await installVsix(toolchain, vsix, extensionsDir, join(root, 'install-state'), log);
    server = await startServer({ toolchain, stateDir: join(root, 'state'), extensionsDir, port });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  void server.exited.then((how) => {
    if (!stopping) {
      console.error(`[osai start] VS Code's server exited (${how})`);
      rmSync(root, { recursive: true, force: true });
      process.exit(1);
    }
  });

  const openFile = `vscode-remote://127.0.0.1:${server.port}${join(workspace, 'llama-style.osai.yaml')}`;
  const url =
    `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=` +
    `${encodeURIComponent(JSON.stringify([['openFile', openFile]]))}`;
  log(
    `VS Code ${toolchain.vscodeVersion} is serving a copy of examples/ with ` +
      `${pkg.name} ${pkg.version} installed from ${vsix.slice(REPO.length + 1)}.`,
  );
  console.log('');
  console.log(`Open ${url}`);
  console.log(`  (or ${server.origin}/?folder=${encodeURIComponent(workspace)} for the folder alone)`);
  console.log('');
  log('listening on 127.0.0.1 only, without a connection token; press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  console.error(
    `[osai start] failed: ` +
      `${error instanceof PrerequisiteError || error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
