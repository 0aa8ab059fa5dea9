// Bundles the VS Code integration suite (test/vscode/suite) into test/vscode/out/index.js for
// the extension host: `vscode` and `mocha` stay external (mocha is loaded from node_modules);
// and the web suite (test/vscode/suite-web) into test/vscode/out/web/index.js.
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
await esbuild.build({
  entryPoints: [join(here, 'suite', 'index.ts')],
  outfile: join(here, 'out', 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

// The web suite (test/vscode/suite-web) for the browser's web worker extension host
// (test/vscode/runWeb.ts): only `vscode` is external; mocha's browser build is bundled in.
await esbuild.build({
  entryPoints: [join(here, 'suite-web', 'index.ts')],
  outfile: join(here, 'out', 'web', 'index.js'),
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
});

// The harness: a do-nothing extension that stands in as the development extension when the
// suite runs against an installed .vsix (VS Code runs extension tests only with one).
writeFileSync(
  join(here, 'out', 'package.json'),
  JSON.stringify(
    {
      name: 'osai-manifest-test-harness',
      displayName: 'OSAID Manifest test harness',
      description: 'Hosts the VS Code integration suite when it runs against the installed .vsix.',
      version: '0.0.0',
      publisher: 'osai-tools-test',
      private: true,
      engines: { vscode: '^1.82.0' },
    },
    null,
    2,
  ) + '\n',
);
