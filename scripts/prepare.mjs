// npm's `prepare` script: builds the bundles (server/out/, gitignored) before `npm pack`, so that
// a package made from a checkout, as pre-commit makes one to install the hook, has a working
// `osai-check`. Runs after `npm install`/`npm ci` in a checkout too.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.error) throw r.error;
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function resolvable(name) {
  try {
    createRequire(join(root, 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
}

// `npm install -g git+file://…` (how pre-commit 4.6.1 and later installs `language: node` hooks)
// prepares the clone with npm_config_global=true in the environment, so the devDependencies that
// npm installs for this script do not land in the clone (npm bug npm/cli#8440): install them here.
// --ignore-scripts: not this script again.
if (!resolvable('esbuild') && process.env.npm_config_global === 'true') {
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  run(npm[0], [
    ...npm[1],
    'install',
    '--global=false',
    '--include=dev',
    '--ignore-scripts',
    '--no-save',
    '--no-audit',
    '--no-fund',
  ]);
}
run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
