/**
 * Protocol tests: spawn `node server/out/server.js --stdio` and speak LSP to it with
 * vscode-jsonrpc, as any editor would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { comments, example } from '../helpers';
import { Session, startSession, stopSession } from './session';
import { parseDocument } from 'yaml';

const URI = 'file:///work/examples/missing-data-information.osai.yaml';

describe('LSP over stdio, push diagnostics', () => {
  let s: Session;
  const text = example('missing-data-information.osai.yaml');
  before(async () => {
    s = await startSession(false);
  });
  after(async () => {
    if (s) assert.equal(await stopSession(s), 0, 'the server exits with 0 after shutdown + exit');
  });

  test('didOpen publishes the diagnostics of version 1', async () => {
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'osai-manifest', version: 1, text },
    });
    const published = await s.waitForDiagnostics(URI, 1);
    const missing = published.diagnostics
      .filter((d) => d.code === 'osaid/missing')
      .map((d) => (d.data as { path: string }).path);
    assert.deepEqual(missing, [
      'data_information.training_data',
      'data_information.description.scope',
      'data_information.description.characteristics',
      'data_information.description.collection',
      'data_information.description.labeling',
      'data_information.description.processing',
    ]);
    for (const d of published.diagnostics) assert.equal(d.source, 'osai');
  });

  test('every osaid/missing has a quick fix whose edit leaves valid YAML, keeps comments and clears it', async () => {
    const published = await s.waitForDiagnostics(URI, 1);
    const missing = published.diagnostics.filter((d) => d.code === 'osaid/missing');
    assert.ok(missing.length > 0);
    let version = 1;
    for (const d of missing) {
      const actions = (await s.rpc.sendRequest('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.isPreferred && a.title.startsWith('Add `'));
      assert.ok(fix?.edit?.changes?.[URI], `a preferred quick fix for ${(d.data as { path: string }).path}`);
      const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'osai-manifest', 1, text), fix.edit.changes[URI]);
      assert.equal(parseDocument(fixed).errors.length, 0, 'the fixed text is valid YAML');
      assert.deepEqual(comments(fixed), comments(text), 'comments are kept');
      version++;
      await s.rpc.sendNotification('textDocument/didChange', {
        textDocument: { uri: URI, version },
        contentChanges: [{ text: fixed }],
      });
      const after = await s.waitForDiagnostics(URI, version);
      assert.ok(
        !after.diagnostics.some(
          (x) => x.code === 'osaid/missing' && (x.data as { path: string }).path === (d.data as { path: string }).path,
        ),
        `${(d.data as { path: string }).path} is no longer missing`,
      );
      version++;
      await s.rpc.sendNotification('textDocument/didChange', {
        textDocument: { uri: URI, version },
        contentChanges: [{ text }],
      });
      await s.waitForDiagnostics(URI, version);
    }
  });

  test('hover on a key and on a license value is non-empty Markdown', async () => {
    const lines = text.split('\n');
    const dataLine = lines.findIndex((l) => l.startsWith('data_information:'));
    const keyHover = (await s.rpc.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: dataLine, character: 3 },
    })) as Hover;
    assert.equal((keyHover.contents as { kind: string }).kind, 'markdown');
    assert.match((keyHover.contents as { value: string }).value, /\*\*Data information\*\* — Required/);
    const licLine = lines.findIndex((l) => l.includes('license: CC-BY-4.0'));
    const licHover = (await s.rpc.sendRequest('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: licLine, character: lines[licLine].indexOf('CC-BY') + 2 },
    })) as Hover;
    assert.equal((licHover.contents as { kind: string }).kind, 'markdown');
    assert.match((licHover.contents as { value: string }).value, /Creative Commons Attribution 4\.0/);
  });

  test('completion offers the missing keys first, as snippets', async () => {
    const uri = 'file:///work/completion.osai.yaml';
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: 'osai-manifest',
        version: 1,
        text: 'osaid: "1.0"\ndata_information:\n  description:\n    provenance: web\n    \n',
      },
    });
    const list = (await s.rpc.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 4, character: 4 },
    })) as CompletionList;
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['scope', 'characteristics', 'collection', 'labeling', 'processing'],
    );
    assert.equal(list.items[0].insertTextFormat, 2);
    assert.equal((list.items[0].textEdit as { newText: string }).newText, 'scope: ${1:TODO}');
  });

  test('document symbols list the sections', async () => {
    const symbols = (await s.rpc.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: URI },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((x) => x.name),
      ['osaid', 'system', 'parameters', 'code', 'data_information'],
    );
  });

  test('a code lens at the top gives the verdict', async () => {
    const lenses = (await s.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } })) as Array<{
      command: { title: string };
    }>;
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].command.title, '✗ 6 unmet OSAID 1.0 requirements');
  });

  test('osai/checklist answers the checklist the client views show', async () => {
    const checklist = (await s.rpc.sendRequest('osai/checklist', { textDocument: { uri: URI } })) as {
      verdict: { title: string };
      groups: Array<{ id: string; items: Array<{ id: string; status: string }> }>;
    };
    assert.equal(checklist.verdict.title, '✗ 6 unmet OSAID 1.0 requirements');
    assert.deepEqual(
      checklist.groups.map((g) => g.id),
      ['data_information', 'code', 'parameters'],
    );
    assert.deepEqual(
      checklist.groups[0].items.filter((i) => i.status === 'missing').map((i) => i.id),
      [
        'data_information.description.scope',
        'data_information.description.characteristics',
        'data_information.description.collection',
        'data_information.description.labeling',
        'data_information.description.processing',
        'data_information.training_data',
      ],
    );
    assert.equal(
      await s.rpc.sendRequest('osai/checklist', { textDocument: { uri: 'file:///not/open.osai.yaml' } }),
      null,
    );
  });

  test('didClose clears the diagnostics', async () => {
    const before = s.published.length;
    await s.rpc.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    // The clearing publication is the first for the document after the close (and the only one without a version).
    const cleared = await s.waitForPublication(URI, (p) => s.published.indexOf(p) >= before);
    assert.deepEqual(cleared, { uri: URI, diagnostics: [] });
    assert.deepEqual(
      s.published.slice(before).filter((p) => p.uri === URI),
      [cleared],
      'nothing else for it',
    );
  });
});

describe('LSP over stdio, pull diagnostics', () => {
  let s: Session;
  before(async () => {
    s = await startSession(true);
  });
  after(async () => {
    if (s) await stopSession(s);
  });

  test('a client that offers pull diagnostics gets them from textDocument/diagnostic and no push', async () => {
    const text = example('llama-style.osai.yaml');
    const uri = 'file:///work/llama.osai.yaml';
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'osai-manifest', version: 1, text },
    });
    const report = (await s.rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
      kind: string;
      items: Diagnostic[];
    };
    assert.equal(report.kind, 'full');
    const errors = report.items.filter((d) => d.severity === 1);
    const line = text.split('\n').findIndex((l) => l.includes('license: llama3'));
    assert.deepEqual(
      errors.map((d) => [d.code, d.range.start.line]),
      [['license/restricted', line]],
    );
    assert.equal(s.published.length, 0, 'nothing is pushed to a pull client');
  });
});
