// Bundles the client and the server with esbuild (one file each; `vscode` stays external).
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { nodeBundle, resourceFiles, versionDefine } from './bundleOptions.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = nodeBundle({ production });
/**
 * VS Code for the Web (vscode.dev, github.dev): the client runs in the browser's web worker
 * extension host, which loads CommonJS (`vscode` is its only module), and starts the server in
 * a web worker of its own (a classic worker script: an IIFE). No Node built-in may reach these
 * bundles: with `platform: 'browser'` esbuild fails on an import of one, and
 * `checkBrowserBundles` below fails on Node globals (`process`, `Buffer`, …) left in them.
 * Packages resolve to their browser builds (the YAML library's has no `process.env` read).
 */
const browser = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: versionDefine,
  plugins: [resourceFiles('browser')],
};
const BROWSER_BUNDLES = ['client/out/browser.js', 'server/out/browser-server.js'];
const builds = [
  {
    ...browser,
    format: 'cjs',
    entryPoints: ['client/src/browserExtension.ts'],
    outfile: 'client/out/browser.js',
    external: ['vscode'],
  },
  { ...browser, format: 'iife', entryPoints: ['server/src/browserMain.ts'], outfile: 'server/out/browser-server.js' },
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  // The server and the command line are loaded through V8's code cache (server/src/launch/compileCache.ts):
  // server.js and launch.js are small loaders, server-main.js and cli.js the bundles they load.
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/out/server-main.js' },
  { ...common, entryPoints: ['server/src/launch/server.ts'], outfile: 'server/out/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
  { ...common, entryPoints: ['server/src/launch/compileCache.ts'], outfile: 'server/out/launch.js' },
];

/**
 * Node's globals used by the browser bundles: a use not guarded by a `typeof` on the same line
 * would throw in a browser. A text check (it sees the bundles as written, strings included),
 * strict enough to catch a Node-only package creeping in; the web test (npm run test:web) runs
 * the bundles in Chromium.
 */
const NODE_GLOBALS = /(?<![\w$.'"`])(process|Buffer|__dirname|__filename|global|setImmediate|require)(?=\s*[.[(])/g;
function checkBrowserBundles() {
  const problems = [];
  for (const file of BROWSER_BUNDLES) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const match of line.matchAll(NODE_GLOBALS)) {
          const name = match[1];
          const before = line.slice(Math.max(0, match.index - 200), match.index);
          // the extension host's one module
          if (name === 'require' && line.startsWith('require("vscode")', match.index)) continue;
          if (new RegExp(`typeof ${name}\\b`).test(before)) continue; // feature-tested
          if (/(^|[,{])\s*$/.test(before) && /^\w+\([^()]*\)\s*\{/.test(line.slice(match.index))) continue; // a method named so (the browser RAL's setImmediate)
          problems.push(
            `${file}:${index + 1}: ${name} (${line.slice(Math.max(0, match.index - 40), match.index + 60).trim()})`,
          );
        }
      });
  }
  if (problems.length > 0) {
    console.error(`Node globals in the browser bundles (VS Code for the Web has none):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
}

/** The bundles loaded through the code cache, and where their content hashes go (server/src/launch/compileCache.ts). */
const CACHED_BUNDLES = ['server/out/server-main.js', 'server/out/cli.js'];
const HASHES = 'server/out/bundles.json';

if (watch) {
  // Bundles change under the loader: no recorded hashes, so no code cache.
  rmSync(HASHES, { force: true });
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching client and server');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  checkBrowserBundles();
  const hashes = Object.fromEntries(
    CACHED_BUNDLES.map((file) => [
      file.replace(/^.*\//, ''),
      createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 32),
    ]),
  );
  writeFileSync(HASHES, `${JSON.stringify(hashes, null, 2)}\n`);
}
