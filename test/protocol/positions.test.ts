/**
 * What clients really send: positions past the end, a CRLF split over two changes,
 * cancelled requests; and what the server should not send twice.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { example } from '../helpers';
import { Session, startSession, stopSession } from './session';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('positions past the end and split line breaks (pull mode)', () => {
  let s: Session;
  before(async () => { s = await startSession(true); });
  after(async () => { if (s) assert.equal(await stopSession(s), 0); });

  const open = (uri: string, text: string) =>
    s.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'osai-manifest', version: 1, text } });
  const pull = (uri: string) =>
    s.rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<DocumentDiagnosticReport & { items: Diagnostic[] }>;

  test('completion and hover at line 10,000 of a 3-line document answer without an error', async () => {
    const uri = 'file:///work/short.osai.yaml';
    await open(uri, 'osaid: "1.0"\nname: x\nlicense: MIT\n');
    const position = { line: 10_000, character: 5 };
    const completion = await s.rpc.sendRequest('textDocument/completion', { textDocument: { uri }, position }) as CompletionList | null;
    assert.ok(completion === null || Array.isArray(completion.items));
    await s.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    await s.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 10_000 } });
    const actions = await s.rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: { start: position, end: position },
      context: { diagnostics: [{ range: { start: position, end: { line: 20_000, character: 0 } }, message: 'x', code: 'osaid/missing' }] },
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
      contentChanges: [{ range: { start: { line: 0, character: first }, end: { line: 0, character: first } }, text: '\r' }],
    });
    // For the client, the position after a lone \r is the start of line 1.
    await s.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: split, version: 3 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: text.slice(first + 1) }],
    });
    const expected = (await pull(whole)).items;
    assert.ok(expected.some((d) => d.range.start.line > 1), 'findings after the break');
    assert.deepEqual((await pull(split)).items.map((d) => d.range), expected.map((d) => d.range));
    // A later edit by line number lands where the client means it.
    const lines = text.split('\r\n');
    const last = lines.length - 1;
    await s.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: split, version: 4 },
      contentChanges: [{ range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: '# end' }],
    });
    await s.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: whole, version: 2 },
      contentChanges: [{ range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: '# end' }],
    });
    assert.deepEqual((await pull(split)).items, (await pull(whole)).items);
  });

  test('a cancelled pull diagnostics request answers a cancellation error, not an empty full report', async () => {
    const uri = 'file:///work/cancel.osai.yaml';
    await open(uri, example('llama-style.osai.yaml'));
    // The request and its cancellation in one write, so that the cancellation is there
    // before the request is handled (read the answer off the wire: the id is our own).
    const frame = (message: object) => { const body = JSON.stringify({ jsonrpc: '2.0', ...message }); return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`; };
    let wire = '';
    const listen = (b: Buffer) => { wire += String(b); };
    s.child.stdout!.on('data', listen);
    s.child.stdin!.write(frame({ id: 'cancel-1', method: 'textDocument/diagnostic', params: { textDocument: { uri } } }) + frame({ method: '$/cancelRequest', params: { id: 'cancel-1' } }));
    for (let i = 0; i < 100 && !wire.includes('"cancel-1"'); i++) await sleep(10);
    s.child.stdout!.off('data', listen);
    const answer = JSON.parse(wire.slice(wire.lastIndexOf('{"jsonrpc"', wire.indexOf('"cancel-1"'))).split('Content-Length')[0]) as { error?: { code: number }; result?: unknown };
    assert.equal(answer.result, undefined, 'no (empty) report');
    assert.equal(answer.error?.code, -32800); // LSPErrorCodes.RequestCancelled
    assert.ok((await pull(uri)).items.length > 0, 'the next request answers in full');
  });
});

describe('push mode: each version is published once', () => {
  let s: Session;
  before(async () => { s = await startSession(false); });
  after(async () => { if (s) assert.equal(await stopSession(s), 0); });

  test('opening publishes once (not again at 150 ms, nor when the unchanged settings arrive)', async () => {
    const uri = 'file:///work/once.osai.yaml';
    await s.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'osai-manifest', version: 1, text: example('olmo-7b.osai.yaml') } });
    await s.waitForDiagnostics(uri, 1);
    await sleep(500);
    assert.equal(s.published.filter((p) => p.uri === uri).length, 1);
    // The same settings again: nothing to re-validate.
    await s.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { osaiManifest: { licenses: { treatAsOpen: [] } } } });
    await sleep(300);
    assert.equal(s.published.filter((p) => p.uri === uri).length, 1);
    // Settings that change (the client answers each document's scope with the new list): published again.
    s.configuration.licenses.treatAsOpen = ['LicenseRef-Ours'];
    await s.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { osaiManifest: { licenses: { treatAsOpen: ['LicenseRef-Ours'] } } } });
    await sleep(300);
    assert.equal(s.published.filter((p) => p.uri === uri).length, 2);
  });
});
