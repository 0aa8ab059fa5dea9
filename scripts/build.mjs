// Bundles the client and the server with esbuild (one file each; `vscode` stays external).
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
/**
 * The YAML library reads `process.env.LOG_TOKENS` for every token it parses (a debugging
 * switch), and a `process.env` read costs ~300 ns: 12% of a parse. In the bundles the library's
 * `process` is one whose environment is empty, so the switch is off without the lookup.
 */
const yamlProcess = {
  name: 'yaml-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?process$/ }, (args) =>
      /[\\/]node_modules[\\/]yaml[\\/]/.test(args.importer) ? { path: 'yaml-process', namespace: 'osai' } : undefined);
    build.onLoad({ filter: /^yaml-process$/, namespace: 'osai' }, () => ({
      contents: 'module.exports = { env: {}, emitWarning: (warning) => process.emitWarning(warning) };',
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [yamlProcess],
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  // The server and the command line are loaded through V8's code cache (server/src/launch/compileCache.ts):
  // server.js and launch.js are small loaders, server-main.js and cli.js the bundles they load.
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/out/server-main.js' },
  { ...common, entryPoints: ['server/src/launch/server.ts'], outfile: 'server/out/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
  { ...common, entryPoints: ['server/src/launch/compileCache.ts'], outfile: 'server/out/launch.js' },
];

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
  const hashes = Object.fromEntries(CACHED_BUNDLES.map((file) => [file.replace(/^.*\//, ''), createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 32)]));
  writeFileSync(HASHES, `${JSON.stringify(hashes, null, 2)}\n`);
}
