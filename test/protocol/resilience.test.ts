/** The server under abuse: throwing handlers and bursts of edits. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc/node';
import type { Hover } from 'vscode-languageserver-protocol';
import { example } from '../helpers';
import { Session, startSession, stopSession } from './session';

describe('server resilience', () => {
  let s: Session;
  const uri = 'file:///work/burst.osai.yaml';
  const text = example('olmo-7b.osai.yaml');
  before(async () => {
    s = await startSession(false);
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'osai-manifest', version: 1, text },
    });
    await s.waitForDiagnostics(uri, 1);
  });
  after(async () => {
    if (s) assert.equal(await stopSession(s), 0);
  });

  test('a handler that throws is logged and answered with an error; the server keeps serving', async () => {
    // Params without a textDocument make the hover handler throw inside.
    await assert.rejects(
      s.rpc.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } }),
      (error: unknown) => {
        assert.ok(error instanceof ResponseError);
        assert.equal(error.code, -32603);
        assert.match(error.message, /^osai: hover failed: /);
        return true;
      },
    );
    assert.ok(
      s.logs.some((l) => l.startsWith('osai: hover failed: TypeError')),
      'the failure is in the log',
    );
    const line = text.split('\n').findIndex((l) => l.startsWith('data_information:'));
    const hover = (await s.rpc.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 2 },
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /Data information/);
  });

  test('a burst of 1,000 didChange notifications ends with diagnostics for the final text only', async () => {
    const before = s.published.length;
    const lines = text.split('\n');
    const labeling = lines.findIndex((l) => l.includes('labeling:'));
    for (let version = 2; version <= 1001; version++) {
      // Every intermediate text lacks `labeling`; only the last one also lacks `scope`.
      const changed = lines
        .filter((_, i) => i !== labeling && (version < 1001 || !lines[i].includes('scope:')))
        .join('\n');
      await s.rpc.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text: changed }],
      });
    }
    const final = await s.waitForDiagnostics(uri, 1001);
    const published = s.published.slice(before).filter((p) => p.uri === uri);
    assert.equal(published[published.length - 1], final, 'the last publication is for the final version');
    // How many versions the debounce skips depends on the machine's speed; their order and content do not.
    const versions = published.map((p) => p.version);
    for (let i = 1; i < versions.length; i++)
      assert.ok(
        versions[i]! > versions[i - 1]!,
        `publication ${i} (version ${versions[i]}) is not older than the one before (${versions[i - 1]})`,
      );
    const missing = (p: (typeof published)[number]) =>
      p.diagnostics.filter((d) => d.code === 'osaid/missing').map((d) => (d.data as { path: string }).path);
    for (const p of published.slice(0, -1)) {
      assert.ok(p.version! >= 2 && p.version! < 1001, `an intermediate version of the burst (${p.version})`);
      assert.deepEqual(missing(p), ['data_information.description.labeling'], `version ${p.version}: its own text's`);
    }
    assert.deepEqual(missing(final), ['data_information.description.scope', 'data_information.description.labeling']);
  });
});
