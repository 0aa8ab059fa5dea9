/**
 * The glue's failure paths: what no handler catches is logged and the server keeps serving;
 * a notification that cannot be sent, or a refresh the client refuses, is logged; a cancelled
 * request is answered RequestCancelled at once; and the version the server reports.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { Diagnostic, DocumentSymbol, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { example, ROOT } from '../helpers';
import { Session, startSession, stopSession } from './session';

const FAULTY_SERVER = ['--import', 'tsx', join(ROOT, 'test', 'protocol', 'faulty', 'server.ts'), '--stdio'];
const TEXT = example('olmo-7b.osai.yaml');
const REQUEST_CANCELLED = -32800;

async function open(s: Session, uri: string, text = TEXT): Promise<void> {
  const textDocument = { uri, languageId: 'osai-manifest', version: 1, text };
  await s.rpc.sendNotification('textDocument/didOpen', { textDocument });
}

/** The outline of an open document: the server still answers. */
async function symbols(s: Session, uri: string): Promise<string[]> {
  const symbols = await s.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  return symbols.map((x) => x.name);
}
const SECTIONS = ['osaid', 'system', 'parameters', 'code', 'data_information'];
const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The log line saying that `what` failed for the document. */
function failure(s: Session, what: string, uri: string): Promise<string> {
  const escaped = `osai: ${what} ${uri} failed: `.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return s.waitForLog(new RegExp(`^${escaped}`));
}

describe('glue: faults nobody catches', () => {
  const uri = 'file:///faults/osai.yaml';
  let s: Session;
  before(async () => {
    s = await startSession(false, FAULTY_SERVER);
    await open(s, uri);
    await s.waitForDiagnostics(uri, 1, 10000);
  });
  after(async () => {
    if (s) assert.equal(await stopSession(s), 0, 'the server exits with 0 after shutdown + exit');
  });

  test('an unhandled rejection is logged, and the server keeps serving', async () => {
    await s.rpc.sendRequest('test/unhandledRejection');
    assert.match(await s.waitForLog(/^osai: unhandled rejection /), /Error: test: a rejection nobody handles/);
    assert.deepEqual(await symbols(s, uri), SECTIONS);
  });

  test('an uncaught exception is logged, and the server keeps serving', async () => {
    await s.rpc.sendRequest('test/uncaughtException');
    assert.match(await s.waitForLog(/^osai: uncaught /), /Error: test: an exception outside every handler/);
    assert.deepEqual(await symbols(s, uri), SECTIONS);
  });
});

describe('glue: notifications that cannot be sent', () => {
  const thrown = 'file:///throw/osai.yaml';
  const rejected = 'file:///reject/osai.yaml';
  const fine = 'file:///fine/osai.yaml';
  let s: Session;
  before(async () => {
    s = await startSession(false, FAULTY_SERVER, { treatAsOpen: ['CC-BY-NC-4.0'] });
  });
  after(async () => {
    if (s) assert.equal(await stopSession(s), 0);
  });

  test('a warning that cannot be shown is logged (the warning itself is in the log too)', async () => {
    assert.match(await s.waitForLog(/^osai: showing a warning failed: /), /test: window\/showMessage cannot be sent/);
    const warning = 'osai: osaiManifest.licenses.treatAsOpen: `CC-BY-NC-4.0`';
    assert.ok(
      s.logs.some((l) => l.startsWith(warning)),
      JSON.stringify(s.logs),
    );
  });

  test('publishing diagnostics that throws at once, or fails later, is logged', async () => {
    await open(s, thrown);
    await open(s, rejected);
    assert.match(await failure(s, 'publishing diagnostics for', thrown), /throws/);
    assert.match(await failure(s, 'publishing diagnostics for', rejected), /rejects/);
  });

  test('clearing the diagnostics of a closed document that fails is logged; others are still served', async () => {
    for (const uri of [thrown, rejected]) {
      await s.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    assert.match(await failure(s, 'clearing the diagnostics of', thrown), /throws/);
    assert.match(await failure(s, 'clearing the diagnostics of', rejected), /rejects/);
    await open(s, fine);
    const published: PublishDiagnosticsParams = await s.waitForDiagnostics(fine, 1, 10000);
    assert.equal(published.diagnostics.filter((d) => d.severity === 1).length, 0);
    assert.deepEqual(await symbols(s, fine), SECTIONS);
  });
});

describe('glue: a diagnostics refresh the client refuses', () => {
  const uri = 'file:///refresh/osai.yaml';
  const ACME = TEXT.replace('    license: Apache-2.0\n  checkpoints:', '    license: LicenseRef-Acme\n  checkpoints:');
  let s: Session;
  let refusals = 0;
  before(async () => {
    s = await startSession(true, undefined, {
      refresh: true,
      handlers: {
        'workspace/diagnostic/refresh': () => {
          refusals++;
          throw new ResponseError(-32603, 'test: the client refuses to refresh');
        },
      },
    });
    await open(s, uri, ACME);
  });
  after(async () => {
    if (s) assert.equal(await stopSession(s), 0);
  });

  const pull = async () => {
    const params = { textDocument: { uri } };
    const report = await s.rpc.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', params);
    return report.items.filter((d) => d.severity === 1).map((d) => d.code);
  };

  test('is logged; the server keeps serving, under the new settings', async () => {
    assert.deepEqual(await pull(), ['license/not-open']);
    assert.equal(refusals, 0, 'no refresh before the settings change');
    s.configuration.licenses.treatAsOpen = ['LicenseRef-Acme'];
    await s.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.match(await s.waitForLog(/^osai: diagnostics refresh failed: /), /test: the client refuses to refresh/);
    assert.equal(refusals, 1);
    assert.deepEqual(await pull(), []);
  });
});

describe('glue: cancelled requests', () => {
  const uri = 'file:///cancel/osai.yaml';
  let s: Session;
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked!: () => void;
  const askedForDocument = new Promise<void>((resolve) => {
    asked = resolve;
  });
  before(async () => {
    s = await startSession(false, undefined, {
      // The document's settings are held back: every request on it waits for them, until cancelled.
      configuration: async (items) => {
        if ((items as Array<{ scopeUri?: string }>).some((item) => item.scopeUri === uri)) {
          asked();
          await held;
        }
        return items.map(() => ({}));
      },
    });
    await open(s, uri);
    await askedForDocument;
  });
  after(async () => {
    release();
    if (s) assert.equal(await stopSession(s), 0);
  });

  const requests: Array<[string, string, unknown]> = [
    ['osai/report', 'report', { textDocument: { uri }, format: 'html', file: 'osai.yaml' }],
    ['textDocument/documentSymbol', 'document symbols', { textDocument: { uri } }],
    ['textDocument/codeAction', 'code actions', { textDocument: { uri }, range: START, context: { diagnostics: [] } }],
    ['textDocument/codeLens', 'code lens', { textDocument: { uri } }],
    ['osai/checklist', 'checklist', { textDocument: { uri } }],
    ['textDocument/hover', 'hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
  ];
  for (const [method, name, params] of requests) {
    test(`${method}: answered RequestCancelled when the client cancels, without waiting for the work`, async () => {
      const source = new CancellationTokenSource();
      const answer = s.rpc.sendRequest(method, params, source.token);
      source.cancel();
      await assert.rejects(answer, (error: unknown) => {
        assert.ok(error instanceof ResponseError);
        assert.equal(error.code, REQUEST_CANCELLED);
        assert.equal(error.message, `osai: ${name} cancelled`);
        return true;
      });
    });
  }

  test('once the settings come, the same requests are answered', async () => {
    release();
    await s.waitForDiagnostics(uri, 1, 10000);
    assert.deepEqual(await symbols(s, uri), SECTIONS);
    const params = { textDocument: { uri }, format: 'md', file: 'osai.yaml' };
    const report = await s.rpc.sendRequest<{ text: string } | null>('osai/report', params);
    assert.match(report?.text ?? '', /osai\.yaml/);
  });
});

describe('glue: the version the server reports', () => {
  test("is package.json's (the built server: written in at build time)", async () => {
    const s = await startSession(false);
    try {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.deepEqual(s.initializeResult.serverInfo, { name: 'osai-language-server', version });
    } finally {
      assert.equal(await stopSession(s), 0);
    }
  });

  test("is package.json's when run from source too", async () => {
    const s = await startSession(false, FAULTY_SERVER);
    try {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.equal(s.initializeResult.serverInfo?.version, version);
    } finally {
      assert.equal(await stopSession(s), 0);
    }
  });
});
