/**
 * Entry point of the VS Code integration suite: the module VS Code's extension host loads
 * (`extensionTestsPath`). It runs inside the extension host, with the real `vscode` API, under
 * both launchers: test/vscode/runElectron.ts (desktop VS Code) and test/vscode/runOffline.ts
 * (VS Code's server build + Chromium, for Linux CI).
 *
 * Environment (set by the launchers):
 * - OSAI_TEST_GREP: run only the tests whose title contains this text (e.g. `[smoke]`, `[multi-root]`);
 * - OSAI_TEST_RESULTS: write a JSON summary of the run to this file;
 * - OSAI_TEST_EXTENSION_ROOT: the folder the extension under test must be loaded from;
 * - OSAI_TEST_LOGS: the folder VS Code writes its logs to (for the activation-log check).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- test files load after mocha defines describe/it */
import { writeFileSync } from 'node:fs';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface Outcome {
  title: string;
  state: 'passed' | 'failed';
  ms?: number;
  error?: string;
}

export function run(): Promise<void> {
  const grep = process.env.OSAI_TEST_GREP;
  // The extension host forwards console.log's arguments unformatted: format them here so each
  // test's name and result reach the launcher's log as mocha prints them.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 60_000,
    slow: 5_000,
    ...(grep ? { grep: new RegExp(grep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) } : {}),
  });
  // The test files are bundled into this module: define `describe`/`it` as mocha does before
  // requiring a file, then load them in a fixed order.
  mocha.suite.emit('pre-require', globalThis, 'osai-vscode-suite', mocha);
  require('./activation.test');
  require('./diagnostics.test');
  require('./features.test');
  require('./editing.test');
  require('./commands.test');
  require('./mof.test');
  require('./cyclonedx.test');
  require('./cards.test');
  require('./evidence.test');
  require('./online.test');
  require('./checklist.test');
  require('./walkthrough.test');
  require('./log.test');
  // Only in the multi-root workspace the launchers open for it (their `multi-root` part): it needs two folders.
  if (vscode.workspace.workspaceFile !== undefined) require('./multiRoot.test');

  return new Promise((resolve, reject) => {
    const outcomes: Outcome[] = [];
    console.log(
      `OSAID VS Code suite: VS Code ${require('vscode').version}, ` +
        `${grep ? `tests matching ${JSON.stringify(grep)}` : 'all tests'}`,
    );
    const runner = mocha.run((failures) => {
      const passed = outcomes.filter((o) => o.state === 'passed').length;
      const failed = outcomes.filter((o) => o.state === 'failed').length;
      if (process.env.OSAI_TEST_RESULTS) {
        writeFileSync(
          process.env.OSAI_TEST_RESULTS,
          JSON.stringify({ passed, failed, pending: runner.stats?.pending ?? 0, outcomes }, null, 2),
        );
      }
      if (failures > 0 || passed === 0) reject(new Error(passed === 0 ? 'no test ran' : `${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => outcomes.push({ title: test.fullTitle(), state: 'passed', ms: test.duration }));
    runner.on('fail', (test, error: Error) =>
      outcomes.push({ title: test.fullTitle(), state: 'failed', error: String(error?.stack ?? error) }),
    );
  });
}
