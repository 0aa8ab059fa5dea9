/**
 * The online checks over the protocol, against the built server and the stand-in hosts
 * (test/online/hosts.ts, through `HF_ENDPOINT` and `GITHUB_API_URL` in the server's
 * environment): nothing is asked while `osaiManifest.online.enable` is off; when it is on, the
 * local findings come first and the hosts' in a later publication; an edit cancels the
 * requests in flight; the command asks once while the setting is off; the hover says what the
 * host answered. Expected findings are written by hand from the fixture's comments.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type {
  Diagnostic,
  DocumentDiagnosticReport,
  Hover,
  MarkupContent,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import type { CheckOnlineResult } from '../../server/src/protocol';
import { ROOT } from '../helpers';
import { startHostServer, type HostServer } from '../online/hosts';
import { startSession, stopSession, type Session } from './session';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'online', 'osai.yaml');
const TEXT = readFileSync(FIXTURE, 'utf8');
const URI = pathToFileURL(FIXTURE).href;
/** Hand-written from the fixture's comments: each location's finding, by line. */
const EXPECTED = [
  '14 evidence/license-mismatch',
  '17 location/gated',
  '18 evidence/license-mismatch',
  '22 location/archived',
  '24 evidence/unrecognised-license',
  '26 location/unreachable',
  '30 location/unreachable',
  '33 evidence/license-mismatch',
  '48 location/gated',
  '53 location/unreachable',
];
const online = (items: readonly Diagnostic[]) =>
  items
    .filter((d) => /^(?:evidence|location|online)\//.test(String(d.code)))
    .map((d) => `${d.range.start.line + 1} ${d.code}`);

const freshCache = () => mkdtempSync(join(tmpdir(), 'osai-online-server-cache-'));

async function startWith(hosts: HostServer, enable: boolean, pull = false): Promise<Session> {
  return startSession(pull, undefined, {
    // Hosts have ten minutes to answer: a request closed within the test was closed by the server's cancellation.
    initializationOptions: { online: { timeoutMs: 600_000 } },
    env: { HF_ENDPOINT: hosts.hubEndpoint, GITHUB_API_URL: hosts.githubApi, XDG_CACHE_HOME: freshCache() },
    configuration: (items) => items.map(() => ({ online: { enable } })),
    ...(pull ? { refresh: true } : {}),
  });
}

async function open(s: Session, uri: string, text: string): Promise<void> {
  await s.rpc.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'osai-manifest', version: 1, text },
  });
}

let hosts: HostServer;
before(async () => {
  hosts = await startHostServer();
});
after(() => hosts.close());

describe('online checks off (the default)', () => {
  test('no request while the setting is off: a document beside it with it on is asked, it is not', async () => {
    // A witness in another folder turns the checks on: it is opened after the document and has the same
    // quiet period, so once its hosts have answered, the document's would have been asked too.
    const witness = pathToFileURL(join(tmpdir(), 'witness', 'osai.yaml')).href;
    const witnessText =
      'osaid: "1.0"\nparameters:\n  weights: {location: https://huggingface.co/mismatch-org/nc-model, license: Apache-2.0}\n';
    const paths: string[] = [];
    const stop = hosts.onRequest((r) => paths.push(r.path));
    const s = await startSession(false, undefined, {
      env: { HF_ENDPOINT: hosts.hubEndpoint, GITHUB_API_URL: hosts.githubApi, XDG_CACHE_HOME: freshCache() },
      configuration: (items) =>
        items.map((item) => ({ online: { enable: (item as { scopeUri?: string }).scopeUri === witness } })),
    });
    try {
      await open(s, URI, TEXT);
      const first = await s.waitForDiagnostics(URI, 1);
      assert.deepEqual(online(first.diagnostics), []);
      await s.rpc.sendRequest('textDocument/hover', {
        textDocument: { uri: URI },
        position: { line: 12, character: 20 },
      });
      await s.rpc.sendRequest('osai/checklist', { textDocument: { uri: URI } });
      await open(s, witness, witnessText);
      const answered = await s.waitForPublication(witness, (p) => online(p.diagnostics).length > 0);
      assert.deepEqual(online(answered.diagnostics), ['3 evidence/license-mismatch']);
      assert.deepEqual(paths, ['/hub/api/models/mismatch-org/nc-model'], 'only the witness was asked about');
    } finally {
      assert.equal(await stopSession(s), 0);
      stop();
    }
    assert.deepEqual(paths, ['/hub/api/models/mismatch-org/nc-model'], 'and nothing after');
  });

  test('"Check locations online" asks once, and its findings are published', async () => {
    const s = await startWith(hosts, false);
    try {
      await open(s, URI, TEXT);
      await s.waitForDiagnostics(URI, 1);
      const result = await s.rpc.sendRequest<CheckOnlineResult>('osai/checkOnline', { textDocument: { uri: URI } });
      // Eleven locations in the fixture, each answered; ten findings (EXPECTED).
      assert.deepEqual(result, { locations: 11, answered: 11, offline: false, findings: 10 });
      const published = await s.waitForPublication(URI, (p) => online(p.diagnostics).length > 0);
      assert.deepEqual(online(published.diagnostics), EXPECTED);
    } finally {
      await stopSession(s);
    }
  });
});

describe('online checks on', () => {
  let s: Session;
  before(async () => {
    s = await startWith(hosts, true);
  });
  after(() => stopSession(s));

  test("the document's own findings first, the hosts' in a later publication of the same version", async () => {
    await open(s, URI, TEXT);
    const first = await s.waitForDiagnostics(URI, 1);
    assert.deepEqual(online(first.diagnostics), [], 'the first publication waits for no host');
    const later = await s.waitForPublication(URI, (p) => p.version === 1 && online(p.diagnostics).length > 0);
    assert.ok(s.published.indexOf(later) > s.published.indexOf(first));
    assert.deepEqual(online(later.diagnostics), EXPECTED);
    const local = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => /^osaid\//.test(String(d.code)));
    assert.deepEqual(local(later), local(first), 'the local findings are unchanged');
  });

  test('the hover on a URL says what its host answered', async () => {
    const hover = await s.rpc.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 12, character: 30 },
    });
    const text = (hover?.contents as MarkupContent).value;
    assert.match(text, /\*\*Online\*\* \(asked \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);
    assert.match(
      text,
      /`mismatch-org\/nc-model` on the Hugging Face Hub exists: public, not gated, license `cc-by-nc-4\.0`\./,
    );
  });

  // The limit only stops a server that never cancels from hanging the suite (nothing is timed).
  test('an edit cancels the requests in flight', { timeout: 120_000 }, async () => {
    const uri = pathToFileURL(join(tmpdir(), 'slow', 'osai.yaml')).href;
    const slow =
      'osaid: "1.0"\nparameters:\n  weights: {location: https://huggingface.co/slow-org/slow-model, license: MIT}\n';
    const asked = new Promise<void>((resolve) => {
      const stop = hosts.onRequest((r) => {
        if (r.path === '/hub/api/models/slow-org/slow-model') {
          stop();
          resolve();
        }
      });
    });
    const closed = new Promise<void>((resolve) => {
      const stop = hosts.onHeldClosed((path) => {
        if (path === '/hub/api/models/slow-org/slow-model') {
          stop();
          resolve();
        }
      });
    });
    await open(s, uri, slow);
    await asked;
    await s.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# x\n' }],
    });
    // The held request is closed by the server, not by a timeout of the host's or the stand-in's.
    await closed;
    await s.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});

describe('online checks and settings', () => {
  test('a settings change that does not touch the hosts keeps their answers: no host is asked again', async () => {
    let treatAsOpen: string[] = [];
    const s = await startSession(false, undefined, {
      initializationOptions: { online: { timeoutMs: 600_000 } },
      env: { HF_ENDPOINT: hosts.hubEndpoint, GITHUB_API_URL: hosts.githubApi, XDG_CACHE_HOME: freshCache() },
      configuration: (items) => items.map(() => ({ online: { enable: true }, licenses: { treatAsOpen } })),
    });
    try {
      await open(s, URI, TEXT);
      await s.waitForPublication(URI, (p) => online(p.diagnostics).length > 0);
      const asked = hosts.requests.length;
      const published = s.published.length;
      treatAsOpen = ['LicenseRef-Reviewed'];
      await s.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
      // The document is validated again under its new settings, with what the hosts said before.
      const after = await s.waitForPublication(URI, (p) => s.published.indexOf(p) >= published);
      assert.deepEqual(online(after.diagnostics), EXPECTED);
      assert.equal(hosts.requests.length, asked, 'no host asked again');
    } finally {
      await stopSession(s);
    }
  });
});

describe('online checks on, pulled diagnostics', () => {
  test('the client is asked to pull again when the hosts have answered', async () => {
    const s = await startWith(hosts, true, true);
    try {
      await open(s, URI, TEXT);
      const pull = () =>
        s.rpc.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: URI } });
      const first = await pull();
      assert.deepEqual(online((first as { items: Diagnostic[] }).items), []);
      await s.waitForRefresh(1);
      const again = await pull();
      assert.deepEqual(online((again as { items: Diagnostic[] }).items), EXPECTED);
    } finally {
      await stopSession(s);
    }
  });
});
