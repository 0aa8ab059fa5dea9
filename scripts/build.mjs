// Bundles the client and the server with esbuild (one file each; `vscode` stays external).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/out/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching client and server');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
