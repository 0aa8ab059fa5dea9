/**
 * The evidence over the protocol, against the built server: the release's files read from
 * disk (push and pull), the hover and quick fix, revalidation when a license file changes
 * (`workspace/didChangeWatchedFiles`), and a workspace the server cannot read itself, answered
 * by the client's `osai/fs/*` (as VS Code for the Web does).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type {
  CodeAction,
  Diagnostic,
  Hover,
  MarkupContent,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers';
import { startSession, stopSession, type Session } from './session';

const TREE = join(ROOT, 'test', 'fixtures', 'release-tree');
const LICENSES = join(ROOT, 'test', 'fixtures', 'licenses');
const codes = (items: readonly Diagnostic[]) =>
  items
    .filter((d) => /^(?:evidence|location)\//.test(String(d.code)))
    .map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
/** Hand-written from test/fixtures/release-tree/expected.json. */
const EXPECTED = [
  'evidence/license-mismatch@12:14',
  'location/not-found@20:26',
  'evidence/license-mismatch@21:47',
  'location/outside-root@26:34',
];

function copyOfTree(): { dir: string; uri: string; manifest: string } {
  const dir = mkdtempSync(join(tmpdir(), 'osai-evidence-'));
  cpSync(TREE, dir, { recursive: true });
  return { dir, uri: pathToFileURL(dir).href, manifest: pathToFileURL(join(dir, 'osai.yaml')).href };
}

async function open(s: Session, uri: string, text: string): Promise<void> {
  await s.rpc.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'osai-manifest', version: 1, text },
  });
}

describe('evidence, push mode', () => {
  let s: Session;
  let tree: ReturnType<typeof copyOfTree>;
  before(async () => {
    tree = copyOfTree();
    s = await startSession(false, undefined, { workspaceFolders: [tree.uri], watchFiles: true });
    await open(s, tree.manifest, readFileSync(join(tree.dir, 'osai.yaml'), 'utf8'));
  });
  after(async () => {
    await stopSession(s);
    rmSync(tree.dir, { recursive: true, force: true });
  });

  test("what the release's files show arrives in a publication of the same version", async () => {
    const published = await s.waitForPublication(tree.manifest, (p) => codes(p.diagnostics).length > 0);
    assert.equal(published.version, 1);
    assert.deepEqual(codes(published.diagnostics), EXPECTED);
  });

  test('the server watches files (a dynamic registration)', () => {
    assert.ok(
      s.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'),
      JSON.stringify(s.registrations),
    );
  });

  test('hover on a location: what was found there', async () => {
    const hover = await s.rpc.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: tree.manifest },
      position: { line: 18, character: 30 },
    });
    assert.match(
      (hover?.contents as MarkupContent).value,
      /`\.\/train\/LICENSE\.txt` is the Apache License 2\.0 \(`Apache-2\.0`, (?:9\d|100)% match\) — agrees with the declared license/,
    );
  });

  test("completion in a location offers the release's real paths", async () => {
    // Line 19: `  training: {location: ./train, …}`; after `./` (0-based column 25).
    const list = await s.rpc.sendRequest<{ items: Array<{ label: string; textEdit?: { range: unknown } }> }>(
      'textDocument/completion',
      {
        textDocument: { uri: tree.manifest },
        position: { line: 18, character: 25 },
      },
    );
    const labels = list.items.map((i) => i.label);
    for (const name of ['train/', 'weights/', 'libs/', 'run.py', 'LICENSE-MIT'])
      assert.ok(labels.includes(name), `${name} in ${labels.join(', ')}`);
    assert.ok(!labels.includes('evaluation/'), 'only what exists');
    assert.deepEqual(list.items.find((i) => i.label === 'train/')?.textEdit?.range, {
      start: { line: 18, character: 25 },
      end: { line: 18, character: 25 },
    });
  });

  test("quick fix of the weights' mismatch: declare what was found", async () => {
    const published = s.published.filter((p) => p.uri === tree.manifest).at(-1)!;
    const mismatch = published.diagnostics.find((d) => d.code === 'evidence/license-mismatch')!;
    const actions = await s.rpc.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: tree.manifest },
      range: mismatch.range,
      context: { diagnostics: [mismatch], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change to `CC-BY-NC-4.0` (the license found in the release)'],
    );
    assert.deepEqual(actions[0].edit?.changes?.[tree.manifest], [
      { range: { start: { line: 11, character: 13 }, end: { line: 11, character: 23 } }, newText: 'CC-BY-NC-4.0' },
    ]);
  });

  test(
    "a license file that changes revalidates the document: the weights' " + 'LICENSE replaced by Apache-2.0',
    async () => {
      writeFileSync(
        join(tree.dir, 'weights', 'LICENSE.txt'),
        readFileSync(join(LICENSES, 'Apache-2.0--square--okhttp--LICENSE.txt')),
      );
      const before = s.published.length;
      await s.rpc.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(join(tree.dir, 'weights', 'LICENSE.txt')).href, type: 2 }],
      });
      const published = await s.waitForPublication(
        tree.manifest,
        (p: PublishDiagnosticsParams) =>
          s.published.indexOf(p) >= before && !codes(p.diagnostics).includes('evidence/license-mismatch@12:14'),
      );
      assert.deepEqual(codes(published.diagnostics), EXPECTED.slice(1));
    },
  );

  test('a missing location that is created revalidates the document', async () => {
    cpSync(join(tree.dir, 'train'), join(tree.dir, 'evaluation'), { recursive: true });
    const before = s.published.length;
    await s.rpc.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(tree.dir, 'evaluation')).href, type: 1 }],
    });
    const published = await s.waitForPublication(
      tree.manifest,
      (p) => s.published.indexOf(p) >= before && !codes(p.diagnostics).some((c) => c.startsWith('location/not-found')),
    );
    assert.deepEqual(codes(published.diagnostics), EXPECTED.slice(2));
  });

  test('a keystroke keeps the evidence of unchanged components (no publication without it)', async () => {
    const before = s.published.length;
    await s.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: tree.manifest, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' },
      ],
    });
    const published = await s.waitForPublication(tree.manifest, (p) => p.version === 2);
    assert.ok(s.published.indexOf(published) >= before);
    assert.deepEqual(codes(published.diagnostics), ['evidence/license-mismatch@22:47', 'location/outside-root@27:34']);
  });
});

describe('evidence, pull mode', () => {
  let s: Session;
  let tree: ReturnType<typeof copyOfTree>;
  before(async () => {
    tree = copyOfTree();
    s = await startSession(true, undefined, { workspaceFolders: [tree.uri], refresh: true });
    await open(s, tree.manifest, readFileSync(join(tree.dir, 'osai.yaml'), 'utf8'));
  });
  after(async () => {
    await stopSession(s);
    rmSync(tree.dir, { recursive: true, force: true });
  });

  test('the server asks the client to pull again once the files are read; the next pull has the evidence', async () => {
    const pull = () =>
      s.rpc.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: tree.manifest } });
    const first = await pull();
    if (codes(first.items).length === 0) await s.waitForRefresh(1);
    assert.deepEqual(codes((await pull()).items), EXPECTED);
  });
});

describe('evidence through the client (a workspace the server does not read: osai/fs/*)', () => {
  let s: Session;
  const served: string[] = [];
  const files: Record<string, string> = {
    'vscode-vfs://github/org/repo/.git': 'dir',
    'vscode-vfs://github/org/repo/train': 'dir',
    'vscode-vfs://github/org/repo/train/LICENSE': readFileSync(
      join(LICENSES, 'MIT--expressjs--express--LICENSE'),
      'utf8',
    ),
  };
  const manifest = 'vscode-vfs://github/org/repo/osai.yaml';
  const text =
    'osaid: "1.0"\ncode:\n  training: {location: ./train, license: ' +
    'Apache-2.0}\n  evaluation: {location: ./eval, license: Apache-2.0}\n';
  before(async () => {
    files[manifest] = text;
    const isDir = (uri: string) => files[uri] === 'dir' || uri === 'vscode-vfs://github/org/repo';
    s = await startSession(false, undefined, {
      workspaceFolders: ['vscode-vfs://github/org/repo'],
      initializationOptions: { fileAccess: true },
      handlers: {
        'osai/fs/stat': (p) => {
          const uri = (p as { uri: string }).uri;
          served.push(`stat ${uri}`);
          if (isDir(uri)) return { kind: 'directory', size: 0, mtime: 1 };
          return files[uri] !== undefined ? { kind: 'file', size: files[uri].length, mtime: 1 } : null;
        },
        'osai/fs/readDirectory': (p) => {
          const uri = (p as { uri: string }).uri;
          return Object.keys(files)
            .filter((f) => f.startsWith(`${uri}/`) && !f.slice(uri.length + 1).includes('/'))
            .map((f) => f.slice(uri.length + 1));
        },
        'osai/fs/readFile': (p) => {
          const { uri } = p as { uri: string };
          return typeof files[uri] === 'string' && files[uri] !== 'dir'
            ? { base64: Buffer.from(files[uri]).toString('base64') }
            : null;
        },
      },
    });
    await open(s, manifest, text);
  });
  after(async () => {
    await stopSession(s);
  });

  test('the same evidence as from a disk', async () => {
    const published = await s.waitForPublication(manifest, (p) => codes(p.diagnostics).length > 0);
    assert.deepEqual(codes(published.diagnostics), ['evidence/license-mismatch@3:42', 'location/not-found@4:26']);
    assert.ok(served.includes('stat vscode-vfs://github/org/repo/eval'), served.join('\n'));
  });
});

describe('without file access', () => {
  let s: Session;
  before(async () => {
    s = await startSession(false);
  });
  after(async () => {
    await stopSession(s);
  });

  test('a document of a scheme the server cannot read gets no evidence, and no error about it', async () => {
    const uri = 'vscode-vfs://github/org/repo/osai.yaml';
    await open(s, uri, 'osaid: "1.0"\ncode:\n  training: {location: ./nowhere, license: Apache-2.0}\n');
    const published = await s.waitForDiagnostics(uri, 1, 10000);
    assert.deepEqual(codes(published.diagnostics), []);
  });
});
