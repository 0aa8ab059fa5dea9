/// <reference types="mocha" />
/**
 * Online checks in VS Code, against the stand-in hosts (test/online/hosts.ts) the launcher
 * started and named in the workspace copy's online-hosts.json; the endpoints are set as a user
 * would, in the settings. Expected findings are hand-written from test/fixtures/online/osai.yaml's
 * comments (the same as the protocol tests').
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CheckOnlineResult } from '../../../server/src/protocol';
import { leaveStandIn, useStandIn } from '../shared/standIn';
import {
  brief,
  closeAllEditors,
  codeOf,
  freshCopy,
  findFiles,
  hoverText,
  openAndDiagnose,
  REPO_ROOT,
  restartsAsked,
  waitForDiagnostics,
} from './helpers';

const isOnline = (d: vscode.Diagnostic): boolean => /^(?:evidence|location|online)\//.test(codeOf(d) ?? '');
const EXPECTED = [
  'error evidence/license-mismatch@14',
  'warning location/gated@17',
  'warning evidence/license-mismatch@18',
  'warning location/archived@22',
  'info evidence/unrecognised-license@24',
  'error location/unreachable@26',
  'error location/unreachable@30',
  'warning evidence/license-mismatch@33',
  'info location/gated@48',
  'info location/unreachable@53',
];

describe('Online checks', () => {
  const settings = () => vscode.workspace.getConfiguration('osaiManifest');

  before(useStandIn);
  after(leaveStandIn);
  afterEach(closeAllEditors);

  it('[smoke] off by default; "Check locations online" asks once; the hover says what a host answered', async () => {
    assert.equal(settings().get('online.enable'), false, 'off by default');
    const text = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'online', 'osai.yaml'), 'utf8');
    const uri = await freshCopy('online.osai.yaml', text);
    const { diagnostics } = await openAndDiagnose(uri);
    assert.deepEqual(diagnostics.filter(isOnline).map(brief), [], 'nothing asked while the setting is off');
    const result = await vscode.commands.executeCommand<CheckOnlineResult>('osaiManifest.checkOnline', uri);
    assert.deepEqual(result, { locations: 11, answered: 11, offline: false, findings: 10 });
    const after = await waitForDiagnostics(uri, 'the online findings', (ds) => ds.filter(isOnline).length === 10);
    assert.deepEqual(after.filter(isOnline).map(brief), EXPECTED);
    // Line 13: `    location: https://huggingface.co/mismatch-org/nc-model`.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(12, 30),
    );
    assert.match(
      hoverText(hovers),
      /`mismatch-org\/nc-model` on the Hugging Face Hub exists: public, not gated, license `cc-by-nc-4\.0`/,
    );
  });

  it('a token set with "OSAID: Set Hugging Face token" reaches the Hub only, and never a log', async () => {
    const uri = await freshCopy(
      'private.osai.yaml',
      'osaid: "1.0"\nparameters:\n  weights: {location: https://huggingface.co/private-org/private-model, license: MIT}\n',
    );
    await openAndDiagnose(uri);
    /** Asks once, and waits for the finding the answer gives (published after the request's answer). */
    const checked = async (expected: string, why: string): Promise<void> => {
      const result = await vscode.commands.executeCommand<CheckOnlineResult>('osaiManifest.checkOnline', uri);
      assert.equal(result.locations, 1);
      const found = await waitForDiagnostics(uri, why, (ds) => ds.filter(isOnline).map(brief).join() === expected);
      assert.deepEqual(found.filter(isOnline).map(brief), [expected]);
    };
    await checked(
      'error location/unreachable@3',
      'without a token the Hub answers a private repository as a missing one',
    );
    // Each change of token restarts the server with the new environment.
    restartsAsked.count++;
    assert.equal(await vscode.commands.executeCommand('osaiManifest.setHuggingFaceToken', 'hf_test_token'), true);
    await checked('error location/restricted@3', 'the token was sent: the repository is seen');
    restartsAsked.count++;
    assert.equal(await vscode.commands.executeCommand('osaiManifest.setHuggingFaceToken', ''), true);
    await checked('error location/unreachable@3', 'the token removed: anonymous again');
    const logs = process.env.OSAI_TEST_LOGS;
    if (logs)
      for (const file of findFiles(logs, (n) => n.endsWith('.log')))
        assert.ok(!readFileSync(file, 'utf8').includes('hf_test_token'), `${file} holds no token`);
  });
});
