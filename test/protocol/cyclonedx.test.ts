/**
 * CycloneDX ML-BOMs over LSP: a `.cdx.json` opened as `json` (as VS Code sends it, now that
 * the client's selector has JSON) gets its diagnostics and its verdict lens; a JSON file that
 * is not a BOM gets nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-types';
import { ROOT } from '../helpers';
import { Session, startSession, stopSession } from './session';

describe('CycloneDX ML-BOMs over LSP', () => {
  let s: Session;
  before(async () => {
    s = await startSession(false);
  });
  after(async () => {
    assert.equal(await stopSession(s), 0);
  });

  test('an ML-BOM: its findings at their values, the verdict lens', async () => {
    const uri = 'file:///w/model.cdx.json';
    const text = readFileSync(join(ROOT, 'test/fixtures/cyclonedx/small.cdx.json'), 'utf8');
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'json', version: 1, text },
    });
    const published = await s.waitForDiagnostics(uri, 1, 15000);
    const brief = (d: Diagnostic) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`;
    // See test/aibom/cyclonedxRead.test.ts for the fixture's findings, written out.
    assert.deepEqual(published.diagnostics.map(brief).sort(), [
      'cyclonedx/schema@39:6',
      'cyclonedx/unlicensed@28:14',
      'license/restricted@24:43',
    ]);
    const lenses = (await s.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.match(lenses[0].command?.title ?? '', /^✗ 3 errors to fix/);
  });

  test('a JSON file that is not a BOM is left alone', async () => {
    const uri = 'file:///w/package.json';
    const text = '{ "name": "demo", "version": "1.0.0" }\n';
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'json', version: 1, text },
    });
    assert.deepEqual((await s.waitForDiagnostics(uri, 1, 5000)).diagnostics, []);
  });
});
