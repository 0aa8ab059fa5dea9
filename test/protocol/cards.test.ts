/** A Hugging Face model card over LSP (stdio): diagnostics, lenses, a Hub quick fix, the "create osai.yaml" action. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CodeLens } from 'vscode-languageserver-types';
import { Session, startSession, stopSession } from './session';

const URI = 'file:///w/my-model/README.md';
// Written for this test: a Llama 3 fine-tune whose card spells the license id in upper case.
const CARD =
  '---\nlicense: LLAMA3\nbase_model: meta-llama/Meta-Llama-3-8B\ndatasets:\n- allenai/dolma\n---\n\n# My model\n';

describe('a model card over LSP', () => {
  let s: Session;
  before(async () => {
    s = await startSession(false);
  });
  after(async () => {
    assert.equal(await stopSession(s), 0);
  });

  test('diagnostics, lenses and actions', async () => {
    await s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'markdown', version: 1, text: CARD },
    });
    const published = await s.waitForDiagnostics(URI, 1, 5000);
    // The Hub id is `llama3` (lower case); and the Llama 3 license restricts use.
    assert.deepEqual(
      published.diagnostics
        .map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character])
        .sort(),
      [
        ['hf/license-id', 1, 9, 15],
        ['license/restricted', 1, 9, 15],
      ],
    );
    const lenses = await s.rpc.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      [
        'OSAID: weights ✗ LLAMA3 (not open) · 1 dataset listed · code, data description not stated in the card',
        '✗ 1 unmet OSAID 1.0 requirement · 13 not stated',
      ],
    );
    const hub = published.diagnostics.find((d) => d.code === 'hf/license-id')!;
    const actions = await s.rpc.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: hub.range,
      context: { diagnostics: [hub] },
    });
    const fix = actions.find((a) => a.title === 'Change to `llama3`');
    assert.deepEqual(fix?.edit?.changes?.[URI], [{ range: hub.range, newText: 'llama3' }]);
    const source = await s.rpc.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: hub.range,
      context: { diagnostics: [], only: ['source'] },
    });
    assert.deepEqual(
      source.map((a) => [a.title, a.command?.command, a.command?.arguments]),
      [['Create osai.yaml from this card', 'osaiManifest.createManifestFromCard', [URI]]],
    );
    const manifest = await s.rpc.sendRequest<{ text: string } | null>('osai/manifestFromCard', {
      textDocument: { uri: URI },
    });
    // An AI license id stays as the card writes it (the manifest checker recognises it in any case).
    assert.match(manifest!.text, /^ {4}license: LLAMA3 # from the card's license: LLAMA3$/m);
  });
});
