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
  before(async () => { s = await startSession(false, undefined, { treatAsOpen: ['CC-BY-NC-4.0', 'LicenseRef-Acme'] }); });
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

describe('LSP: a burst of settings changes is applied once, with the last settings', () => {
  const ACME = example('olmo-7b.osai.yaml').replace('    license: Apache-2.0\n  checkpoints:', '    license: LicenseRef-Acme\n  checkpoints:');
  const uris = Array.from({ length: 20 }, (_, i) => `file:///burst/${i}/osai.yaml`);
  let s: Session;
  let requests = 0;
  /** Set while the test holds the client's answer back: resolves when the server asks. */
  let asked: (() => void) | undefined;
  let held: Promise<void> | undefined;
  let answer: string[] = [];
  before(async () => {
    s = await startSession(false, undefined, {
      configuration: async (items) => {
        requests++;
        const given = answer;
        if (held) { const wait = held; held = undefined; asked?.(); await wait; }
        return items.map(() => ({ licenses: { treatAsOpen: given } }));
      },
    });
  });
  after(async () => { await stopSession(s); });

  test('50 changes while 20 documents are open: the settings answer overtaken by a newer change is dropped; each document is published once, under the last settings', async () => {
    for (const uri of uris) await s.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'osai-manifest', version: 1, text: ACME } });
    for (const uri of uris) {
      const first = await s.waitForDiagnostics(uri, 1, 10000);
      assert.deepEqual(first.diagnostics.filter((d) => d.severity === 1).map((d) => d.code), ['license/not-open'], 'LicenseRef-Acme is not reviewed yet');
    }
    const before = s.published.length;
    const requestsBefore = requests;
    // The first change: the server asks for the settings, and the answer (still none reviewed) is held back...
    let release!: () => void;
    held = new Promise<void>((resolve) => { release = resolve; });
    const serverAsked = new Promise<void>((resolve) => { asked = resolve; });
    answer = [];
    await s.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await serverAsked;
    // ...while 49 more changes arrive, the last of which reviews LicenseRef-Acme.
    answer = ['LicenseRef-Acme'];
    for (let i = 0; i < 49; i++) await s.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
    release();
    const clean = (uri: string) => s.published.slice(before).some((p) => p.uri === uri && !p.diagnostics.some((d) => d.severity === 1));
    await Promise.all(uris.map((uri) => new Promise<void>((resolve, reject) => {
      const limit = setTimeout(() => reject(new Error(`${uri} was not published under the last settings`)), 20000);
      const check = () => { if (clean(uri)) { clearTimeout(limit); resolve(); } else setImmediate(check); };
      check();
    })));
    // One more request for the changes that came while the first answer was held; the held answer is never applied.
    assert.equal(requests - requestsBefore, 2);
    const after = s.published.slice(before);
    for (const uri of uris) assert.equal(after.filter((p) => p.uri === uri).length, 1, `${uri}: published once`);
  });
});

describe('LSP: osai/report checks its params', () => {
  let s: Session;
  before(async () => { s = await startSession(false); });
  after(async () => { await stopSession(s); });

  const cases: Array<[string, unknown, RegExp]> = [
    ['no params', undefined, /`textDocument\.uri` must be a string; `format` must be "md" or "html"; `file` must be a string/],
    ['an unknown format', { textDocument: { uri: URI }, format: 'pdf', file: 'osai.yaml' }, /^osai\/report: `format` must be "md" or "html"\.$/],
    ['a file that is not a string', { textDocument: { uri: URI }, format: 'md', file: 5 }, /^osai\/report: `file` must be a string\.$/],
    ['a generator that is not a string', { textDocument: { uri: URI }, format: 'html', file: 'osai.yaml', generator: {} }, /^osai\/report: `generator` must be a string when given\.$/],
  ];
  for (const [what, params, message] of cases) {
    test(`${what}: InvalidParams, saying what is wrong`, async () => {
      await assert.rejects(s.rpc.sendRequest('osai/report', params), (error: { code?: number; message?: string }) => {
        assert.equal(error.code, -32602);
        assert.match(error.message ?? '', message);
        return true;
      });
    });
  }
});
