/**
 * SPDX 3 AI-BOMs over LSP: a `.spdx3.json` opened as `json` gets its diagnostics and its
 * verdict lens.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-types';
import { ROOT } from '../helpers';
import { Session, startSession, stopSession } from './session';

describe('SPDX 3 AI-BOMs over LSP', () => {
  let s: Session;
  before(async () => {
    s = await startSession(false);
  });
  after(async () => {
    assert.equal(await stopSession(s), 0);
  });

  test('an AI-BOM: its findings at their values, the verdict lens', async () => {
    const uri = 'file:///w/model.spdx3.json';
    const text = readFileSync(join(ROOT, 'test/fixtures/spdx3/small.spdx3.json'), 'utf8');
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'json', version: 1, text },
    });
    const published = await s.waitForDiagnostics(uri, 1, 15000);
    const brief = (d: Diagnostic) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`;
    // See test/aibom/spdx3Read.test.ts for the fixture's findings, written out.
    assert.deepEqual(published.diagnostics.map(brief).sort(), [
      'license/restricted@68:15',
      'spdx3/unknown-element@92:54',
      'spdx3/unlicensed@40:14',
    ]);
    const lenses = (await s.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.match(lenses[0].command?.title ?? '', /^✗ 3 errors to fix/);
  });
});
