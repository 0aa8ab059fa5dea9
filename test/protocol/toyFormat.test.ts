/**
 * Adding a format, end to end: a minimal format registered beside the built-in ones is
 * recognised, validated and fixed over LSP, and the built-in formats keep working.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { ROOT } from '../helpers';
import { Session, startSession, stopSession } from './session';
import { NO_OWNER } from './toy/format';

const TOY_SERVER = ['--import', 'tsx', join(ROOT, 'test', 'protocol', 'toy', 'server.ts'), '--stdio'];

describe('a toy format over LSP', () => {
  let s: Session;
  before(async () => {
    s = await startSession(false, TOY_SERVER);
  });
  after(async () => {
    assert.equal(await stopSession(s), 0);
  });

  test('its diagnostic is published, its quick fix offered and applied', async () => {
    const uri = 'file:///w/release.team.yaml';
    const text = 'name: demo\n';
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    const published = await s.waitForDiagnostics(uri, 1, 5000);
    assert.deepEqual(
      published.diagnostics.map((d) => [
        d.code,
        d.range.start.line,
        d.range.start.character,
        d.range.end.line,
        d.range.end.character,
      ]),
      [[NO_OWNER, 0, 0, 0, 10]],
    );
    const actions = await s.rpc.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.edit?.changes?.[uri]]),
      [
        [
          'Add `owner`',
          [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'owner: TODO\n' }],
        ],
      ],
    );
    await s.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: `owner: TODO\n${text}` }],
    });
    assert.deepEqual((await s.waitForDiagnostics(uri, 2, 5000)).diagnostics, []);
  });

  test('the built-in formats still answer, and other YAML files are left alone', async () => {
    const manifest = 'file:///w/osai.yaml';
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri: manifest, languageId: 'yaml', version: 1, text: 'osaid: "1.0"\n' },
    });
    const codes = (await s.waitForDiagnostics(manifest, 1, 5000)).diagnostics.map((d: Diagnostic) => d.code);
    assert.ok(codes.includes('osaid/missing'), codes.join(', '));
    const other = 'file:///w/config.yaml';
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri: other, languageId: 'yaml', version: 1, text: 'name: demo\n' },
    });
    assert.deepEqual((await s.waitForDiagnostics(other, 1, 5000)).diagnostics, []);
  });
});
