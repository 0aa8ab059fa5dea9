/// <reference types="mocha" />
/**
 * VS Code's own logs: the extension host recorded the extension's activation and no error
 * about it, and the language client's output channel ("OSAID Manifest") shows the server
 * started and stayed up.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { clientLogErrors, EXTENSION_ID, findFiles, restartsAsked } from './helpers';

/** Re-reads files until `found` holds (VS Code writes its logs asynchronously), with a timeout. */
async function waitForLog(
  what: string,
  read: () => string,
  found: (text: string) => boolean,
  timeoutMs = 15_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = read();
    if (found(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function readAll(files: string[]): string {
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** Language-client errors that mean the server did not start, died or dropped the connection. */
const FATAL =
  /Server initialization failed|could not start|Couldn't start client|Connection to server got closed|server crashed|Server process exited|Pending response rejected|Request .* failed/i;

describe('Extension host log', () => {
  it('[smoke] shows the extension activated, and the language server started without errors', async () => {
    const logsDir = process.env.OSAI_TEST_LOGS;
    assert.ok(logsDir, 'the launcher tells where VS Code writes its logs (OSAI_TEST_LOGS)');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is active');

    const hostLogs = (): string[] => findFiles(logsDir, (n) => /^(remote)?exthost\.log$/.test(n));
    const activation = new RegExp(`_doActivateExtension ${EXTENSION_ID.replace('.', '\\.')}\\b.*`);
    const host = await waitForLog(
      `the activation of ${EXTENSION_ID} in the extension host log`,
      () => readAll(hostLogs()),
      (t) => activation.test(t),
    );
    assert.match(
      activation.exec(host)![0],
      /activationEvent: 'onLanguage:osai-manifest'/,
      'activated by opening a manifest',
    );
    const hostErrors = host
      .split('\n')
      .filter((l) => /\[error\]/i.test(l) && (l.includes(EXTENSION_ID) || /osai/i.test(l)));
    assert.deepEqual(hostErrors, [], 'the extension host logged no error about the extension');
    assert.doesNotMatch(host, new RegExp(`Activating extension '?${EXTENSION_ID.replace('.', '\\.')}'? failed`));

    // The language client's output channel: written as "<n>-OSAID Manifest.log". The client logs each orderly exit
    // of the server as an error: the restarts the suite asked for (restartsAsked) are taken out, no more.
    const errors = clientLogErrors();
    for (let n = 0; n < restartsAsked.count; n++) {
      const restart = errors.findIndex((l) => /Server process exited with code 0\.$/.test(l));
      assert.ok(restart >= 0, `the client logged the restart #${n + 1} the suite asked for`);
      errors.splice(restart, 1);
    }
    assert.deepEqual(
      errors.filter((l) => FATAL.test(l)),
      [],
      'the language server started and kept its connection',
    );
    if (process.env.OSAI_TEST_STRICT_LOG !== '0') {
      assert.deepEqual(errors, [], 'the language server logged no error (OSAI_TEST_STRICT_LOG=0 relaxes this)');
    } else {
      for (const l of errors) console.warn(`      warning: the language server logged: ${l}`);
    }
  });
});
