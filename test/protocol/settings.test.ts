/**
 * The treat-as-open setting over the protocol: an entry the built-in knowledge already judges
 * (`CC-BY-NC-4.0`: known not to be open) has no effect — the server warns once per list, and the
 * diagnostic where the license is used says that the setting does not apply.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { example } from '../helpers';
import { Session, startSession, stopSession } from './session';

const URI = 'file:///settings/osai.yaml';
const TEXT = example('olmo-7b.osai.yaml').replace('    license: Apache-2.0\n  checkpoints:', '    license: CC-BY-NC-4.0\n  checkpoints:');
const WARNING = 2;

describe('LSP: treatAsOpen entries the checker already judges', () => {
  let s: Session;
  before(async () => { s = await startSession(false, undefined, ['CC-BY-NC-4.0', 'LicenseRef-Acme']); });
  after(async () => { await stopSession(s); });

  test('one warning names the refused entry and why; the accepted one is not mentioned', async () => {
    const message = await s.waitForMessage(1);
    assert.equal(message.type, WARNING);
    assert.equal(message.message, 'osaiManifest.licenses.treatAsOpen: `CC-BY-NC-4.0` is known not to be open: its non-commercial clause restricts use. No setting can make it open. This entry is ignored.');
  });

  test('the weights under CC-BY-NC-4.0 stay not open, and the diagnostic says the setting does not apply', async () => {
    await s.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'osai-manifest', version: 1, text: TEXT } });
    const published: PublishDiagnosticsParams = await s.waitForDiagnostics(URI, 1, 5000);
    const notOpen = published.diagnostics.filter((d) => d.code === 'license/not-open');
    assert.equal(notOpen.length, 1);
    assert.equal(notOpen[0].severity, 1);
    assert.match(notOpen[0].message, /The setting `osaiManifest\.licenses\.treatAsOpen` lists it, but it does not apply: `CC-BY-NC-4\.0` is known not to be open/);
  });

  test('a new list warns again about what it refuses (here MIT: already open, no effect)', async () => {
    s.configuration.licenses.treatAsOpen = ['MIT'];
    await s.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { osaiManifest: { licenses: { treatAsOpen: ['MIT'] } } } });
    const message = await s.waitForMessage(2);
    assert.equal(message.message, 'osaiManifest.licenses.treatAsOpen: `MIT` is already open (the checker knows it); it needs no entry.');
    assert.equal(s.messages.length, 2);
  });
});
