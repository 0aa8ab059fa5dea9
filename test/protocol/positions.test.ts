/**
 * What clients really send: positions past the end, a CRLF split over two changes,
 * cancelled requests; and what the server should not send twice.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  CompletionList,
  Diagnostic,
  DocumentDiagnosticReport,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { example } from '../helpers';
import { Session, startSession, stopSession } from './session';

describe('positions past the end and split line breaks (pull mode)', () => {
  let s: Session;
  before(async () => {
    s = await startSession(true);
  });
  after(async () => {
    if (s) assert.equal(await stopSession(s), 0);
  });

  const open = (uri: string, text: string) =>
    s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'osai-manifest', version: 1, text },
    });
  const pull = (uri: string) =>
    s.rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<
      DocumentDiagnosticReport & { items: Diagnostic[] }
    >;

  test('completion and hover at line 10,000 of a 3-line document answer without an error', async () => {
    const uri = 'file:///work/short.osai.yaml';
    await open(uri, 'osaid: "1.0"\nname: x\nlicense: MIT\n');
    const position = { line: 10_000, character: 5 };
    const completion = (await s.rpc.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position,
    })) as CompletionList | null;
    assert.ok(completion === null || Array.isArray(completion.items));
    await s.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    await s.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 10_000 } });
    const actions = await s.rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: position, end: position },
      context: {
        diagnostics: [
          { range: { start: position, end: { line: 20_000, character: 0 } }, message: 'x', code: 'osaid/missing' },
        ],
      },
    });
    assert.ok(Array.isArray(actions));
  });

  test('a CRLF sent as \\r in one change and \\n in the next: the same lines as the text sent whole', async () => {
    const text = example('llama-style.osai.yaml').replace(/\r?\n/g, '\r\n');
    const whole = 'file:///work/whole.osai.yaml';
    const split = 'file:///work/split.osai.yaml';
    await open(whole, text);
    const first = text.indexOf('\r\n');
    await open(split, text.slice(0, first));
    await s.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: split, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: first }, end: { line: 0, character: first } }, text: '\r' },
      ],
    });
    // For the client, the position after a lone \r is the start of line 1.
    await s.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: split, version: 3 },
      contentChanges: [
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: text.slice(first + 1) },
      ],
    });
    const expected = (await pull(whole)).items;
    assert.ok(
      expected.some((d) => d.range.start.line > 1),
      'findings after the break',
    );
    assert.deepEqual(
      (await pull(split)).items.map((d) => d.range),
      expected.map((d) => d.range),
    );
    // A later edit by line number lands where the client means it.
    const lines = text.split('\r\n');
    const last = lines.length - 1;
    await s.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: split, version: 4 },
      contentChanges: [
        { range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: '# end' },
      ],
    });
    await s.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: whole, version: 2 },
      contentChanges: [
        { range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: '# end' },
      ],
    });
    assert.deepEqual((await pull(split)).items, (await pull(whole)).items);
  });

  test('a cancelled pull diagnostics request answers a cancellation error, not an empty full report', async () => {
    const uri = 'file:///work/cancel.osai.yaml';
    await open(uri, example('llama-style.osai.yaml'));
    // The request and its cancellation in one write, so that the cancellation is there
    // before the request is handled (read the answer off the wire: the id is our own).
    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    type Answer = { id?: unknown; error?: { code: number }; result?: unknown };
    let wire = Buffer.alloc(0);
    let listen: (b: Buffer) => void = () => undefined;
    const answered = new Promise<Answer>((resolve) => {
      listen = (b: Buffer) => {
        wire = Buffer.concat([wire, b]);
        // Whole frames only: `Content-Length: n`, a blank line, then n bytes of JSON.
        const header = /Content-Length: (\d+)\r\n\r\n/;
        for (let m = header.exec(wire.toString('latin1')); m; m = header.exec(wire.toString('latin1'))) {
          const start = m.index + m[0].length;
          if (wire.length < start + Number(m[1])) return;
          const message = JSON.parse(wire.subarray(start, start + Number(m[1])).toString('utf8')) as Answer;
          wire = wire.subarray(start + Number(m[1]));
          if (message.id === 'cancel-1') resolve(message);
        }
      };
    });
    s.child.stdout!.on('data', listen);
    s.child.stdin!.write(
      frame({ id: 'cancel-1', method: 'textDocument/diagnostic', params: { textDocument: { uri } } }) +
        frame({ method: '$/cancelRequest', params: { id: 'cancel-1' } }),
    );
    const answer = await answered;
    s.child.stdout!.off('data', listen);
    assert.equal(answer.result, undefined, 'no (empty) report');
    assert.equal(answer.error?.code, -32800); // LSPErrorCodes.RequestCancelled
    assert.ok((await pull(uri)).items.length > 0, 'the next request answers in full');
  });
});

describe('push mode: each version is published once', () => {
  let s: Session;
  before(async () => {
    s = await startSession(false);
  });
  after(async () => {
    if (s) assert.equal(await stopSession(s), 0);
  });

  test('opening publishes once (not again after the debounce, nor when the unchanged settings arrive)', async () => {
    const uri = 'file:///work/once.osai.yaml';
    // The weights under a custom license: the setting that treats it as open shows in the diagnostics.
    const weights = /(huggingface\.co\/allenai\/OLMo-7B\n {4}license: )Apache-2\.0/;
    const text = example('olmo-7b.osai.yaml').replace(weights, '$1LicenseRef-Ours');
    const notOpen = (p: PublishDiagnosticsParams) =>
      p.diagnostics.filter((d) => d.code === 'license/not-open').map((d) => (d.data as { path: string }).path);
    // The settings the server asks for when it starts are answered before the test begins.
    await s.waitForConfigurationRequest(1);
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'osai-manifest', version: 1, text },
    });
    const opened = await s.waitForDiagnostics(uri, 1);
    assert.deepEqual(notOpen(opened), ['parameters.weights.license']);
    // The same settings again, as the answer to the server's question: nothing to re-validate.
    const asked = s.configurationRequestCount();
    await s.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await s.waitForConfigurationRequest(asked + 1);
    // Settings that change (the client answers each document's scope with the new list).
    s.configuration.licenses.treatAsOpen = ['LicenseRef-Ours'];
    // Settings that change: published again. A publication that the open's debounce or the unchanged settings
    // caused would have been sent before this one, which the server schedules only after reading this notification.
    await s.rpc.sendNotification('workspace/didChangeConfiguration', {
      settings: { osaiManifest: { licenses: { treatAsOpen: ['LicenseRef-Ours'] } } },
    });
    const changed = await s.waitForPublication(uri, (p) => notOpen(p).length === 0);
    assert.deepEqual(
      s.published.filter((p) => p.uri === uri),
      [opened, changed],
      'one publication for the open, one for the changed settings',
    );
    assert.equal(changed.version, 1);
  });
});
