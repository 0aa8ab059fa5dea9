/// <reference types="mocha" />
/**
 * Online checks from the browser: the web worker's language server asks the stand-in hosts
 * (test/online/hosts.ts, named in the workspace's online-hosts.json) with `fetch`. Their Hub and
 * GitHub APIs allow other origins to read the answers (CORS), as the real ones do; a plain page
 * does not, and the finding says the browser could not read it instead of calling it missing.
 */
import * as vscode from 'vscode';
import { leaveStandIn, useStandIn } from '../shared/standIn';
import * as assert from './assert';
import { closeAllEditors, codeOf, describeDiagnostic, waitForDiagnostics, workspaceFolder, writeText } from './helpers';

const isOnline = (d: vscode.Diagnostic): boolean => /^(?:evidence|location|online)\//.test(codeOf(d) ?? '');

describe('Online checks in the browser', () => {
  let web = '';

  before(async () => {
    web = (await useStandIn()).web;
  });
  after(leaveStandIn);
  afterEach(closeAllEditors);

  it('the command: the Hub and GitHub answer the browser; a page closed to other sites says so', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'online-web.osai.yaml');
    await writeText(
      uri,
      'osaid: "1.0"\n' +
        'parameters:\n' +
        '  weights: {location: https://huggingface.co/mismatch-org/nc-model, license: Apache-2.0}\n' +
        'code:\n' +
        '  training: {location: https://github.com/archived-org/old-repo, license: Apache-2.0}\n' +
        'data_information:\n' +
        '  documentation:\n' +
        `    - {kind: research_paper, location: ${web}/gone, license: CC-BY-4.0}\n`,
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    // The manifest lacks most of what OSAID asks for: its first report has findings.
    const diagnostics = await waitForDiagnostics(uri, 'the first report', (ds) => ds.length > 0);
    assert.deepEqual(
      diagnostics.filter(isOnline).map(describeDiagnostic),
      [],
      'nothing asked while the setting is off',
    );
    const result = await vscode.commands.executeCommand<{ locations: number; answered: number; findings: number }>(
      'osaiManifest.checkOnline',
      uri,
    );
    assert.deepEqual(result, { locations: 3, answered: 2, offline: false, findings: 3 });
    const found = await waitForDiagnostics(uri, 'the online findings', (ds) => ds.filter(isOnline).length === 3);
    // Hand-written: the Hub records cc-by-nc-4.0 (line 2, `Apache-2.0`), GitHub says archived (line 4), and the
    // page's answer is refused to the browser (line 7, the URL).
    assert.deepEqual(
      found.filter(isOnline).map((d) => `${codeOf(d)} ${d.range.start.line}`),
      ['evidence/license-mismatch 2', 'location/archived 4', 'online/unanswered 7'],
    );
    assert.match(
      found.find((d) => codeOf(d) === 'online/unanswered')!.message,
      /the browser could not read 127\.0\.0\.1:\d+'s answer: the host does not allow pages of other sites to read it \(CORS\)/,
    );
  });
});
