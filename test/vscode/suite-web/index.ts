/**
 * Entry point of the web suite: the module VS Code's **web worker extension host** loads
 * (`extensionTestsPath`) when test/vscode/runWeb.ts opens the web workbench on the browser-only
 * copy of the extension. That host evaluates the module as CommonJS whose only module is
 * `vscode`: nothing can be loaded from node_modules, and there is no Node. So this bundle
 * (test/vscode/out/web/index.js, made by test/vscode/build.mjs for the browser) carries mocha's
 * browser build (`mocha/mocha.js`, made to run in browsers and web workers) and the tests.
 *
 * The results go to `results.json` beside the workspace folder, written through
 * `vscode.workspace.fs` (the server's remote file system), with where the suite ran: the
 * launcher fails unless it was a web worker and the extension's browser client.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- mocha and the test files load after setup, in order */
/// <reference types="mocha" />
import * as vscode from 'vscode';

interface Outcome {
  title: string;
  state: 'passed' | 'failed';
  ms?: number;
  error?: string;
}

export function run(): Promise<void> {
  // Defines the `mocha` global (a require, not an import: it must run before `mocha.setup`).
  require('mocha/mocha.js');
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
  // The extension host forwards console.log's arguments unformatted: format them here so each
  // test's name and result reach the launcher's log as mocha prints them (no `util.format` here).
  (globalThis as unknown as { Mocha: typeof Mocha }).Mocha.reporters.Base.consoleLog = (...args: unknown[]) =>
    console.log(format(args));
  // After setup, which defines `describe`/`it`: the test files, in a fixed order.
  require('./host.test');
  require('./features.test');
  require('./online.test');

  return new Promise((resolve, reject) => {
    const outcomes: Outcome[] = [];
    console.log(
      `OSAID VS Code web suite: VS Code ${vscode.version}, in ` +
        `${(globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope ? 'a web worker' : 'NOT a web worker'}`,
    );
    const runner = mocha.run((failures) => {
      const passed = outcomes.filter((o) => o.state === 'passed').length;
      const failed = outcomes.filter((o) => o.state === 'failed').length;
      void writeResults({ passed, failed, pending: runner.stats?.pending ?? 0, outcomes, ranIn: environment() }).then(
        () => {
          if (failures > 0 || passed === 0)
            reject(new Error(passed === 0 ? 'no test ran' : `${failures} test(s) failed`));
          else resolve();
        },
        reject,
      );
    });
    runner.on('pass', (test) => outcomes.push({ title: test.fullTitle(), state: 'passed', ms: test.duration }));
    runner.on('fail', (test, error: Error) =>
      outcomes.push({ title: test.fullTitle(), state: 'failed', error: String(error?.stack ?? error) }),
    );
  });
}

/** Where the suite ran, as the launcher checks it. */
function environment(): { webWorker: boolean; node: boolean; extensionPlatform?: string; extensionActive: boolean } {
  const scope = globalThis as {
    WorkerGlobalScope?: abstract new () => unknown;
    process?: { versions?: { node?: string } };
  };
  const ext = vscode.extensions.getExtension<{ platform?: string }>('osai-tools.osai-manifest');
  return {
    webWorker: typeof scope.WorkerGlobalScope === 'function' && globalThis instanceof scope.WorkerGlobalScope,
    node: typeof scope.process?.versions?.node === 'string',
    extensionPlatform: ext?.isActive ? ext.exports?.platform : undefined,
    extensionActive: ext?.isActive ?? false,
  };
}

async function writeResults(results: object): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('no workspace folder to write the results beside');
  await vscode.workspace.fs.writeFile(
    vscode.Uri.joinPath(folder, '..', 'results.json'),
    new TextEncoder().encode(JSON.stringify(results, null, 2)),
  );
}

/**
 * `util.format` for what mocha's reporters print: `%s`, `%d`, `%i`, `%f`, `%j`, `%o`, `%O`, `%%`; the rest joined by
 * spaces.
 */
function format(args: unknown[]): string {
  if (typeof args[0] !== 'string') return args.map(String).join(' ');
  let next = 1;
  const text = args[0].replace(/%([sdifjoO%])/g, (match, kind: string) => {
    if (kind === '%') return '%';
    if (next >= args.length) return match;
    const value = args[next++];
    if (kind === 'd' || kind === 'i') return String(kind === 'i' ? Math.trunc(Number(value)) : Number(value));
    if (kind === 'f') return String(Number(value));
    if (kind === 'j' || kind === 'o' || kind === 'O') return JSON.stringify(value);
    return String(value);
  });
  return [text, ...args.slice(next).map(String)].join(' ');
}
