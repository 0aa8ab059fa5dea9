/**
 * `osai-check --online` and `osai-check hf:org/model`, as a user runs them (the bundled
 * bin/osai-check.js), against the stand-in hosts of test/online/hosts.ts through `HF_ENDPOINT`
 * and `GITHUB_API_URL`. The expected findings are written by hand from the stand-in's cards
 * (their lines) and routes; the per-user cache goes to a fresh `XDG_CACHE_HOME` for each test.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers';
import { HF_TEST_TOKEN, startHostServer, type HostServer } from '../online/hosts';
import { BIN } from './run';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI in a child process, waited for without blocking this process (which serves the stand-in hosts). */
function osaiCheck(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += String(b)));
    child.stderr.on('data', (b) => (stderr += String(b)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `file:line:col severity code`, the message left out. */
const findings = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ').slice(0, 3).join(' '));

let hosts: HostServer;
let cacheHome: string;
let env: Record<string, string>;
before(async () => {
  hosts = await startHostServer();
});
after(() => hosts.close());

const freshCache = (): string => mkdtempSync(join(tmpdir(), 'osai-online-cache-'));

function freshEnv(more: Record<string, string> = {}): Record<string, string> {
  cacheHome = mkdtempSync(join(tmpdir(), 'osai-online-cache-'));
  env = { HF_ENDPOINT: hosts.hubEndpoint, GITHUB_API_URL: hosts.githubApi, XDG_CACHE_HOME: cacheHome, ...more };
  return env;
}

describe('osai-check hf:org/model', () => {
  test("the card, checked online, then each listed dataset's card", async () => {
    const run = await osaiCheck(['hf:open-org/open-model'], freshEnv());
    assert.deepEqual(findings(run.stdout), [
      // base_model (line 7) and the three datasets (lines 9-11) of the stand-in's card.
      'hf:open-org/open-model:7:13 info online/host-license',
      'hf:open-org/open-model:9:3 info online/host-license',
      'hf:open-org/open-model:10:3 warning location/gated',
      'hf:open-org/open-model:10:3 info online/host-license',
      'hf:open-org/open-model:11:3 warning location/unreachable',
      // The gated dataset's own card: its repository is gated (auto); a dataset's terms inform.
      'hf:datasets/gated-org/gated-data:2:10 info location/gated',
    ]);
    assert.equal(run.code, 0, 'a card that fails nothing it states');
    assert.match(run.stderr, /^3 files checked: 0 errors, 2 warnings$/m, 'the card and the two datasets the Hub has');
    const asked = hosts.requests.map((r) => r.path);
    for (const path of [
      '/hub/open-org/open-model/resolve/main/README.md',
      '/hub/api/models/open-org/open-model/revision/main',
      '/hub/api/datasets/missing-org/missing-data',
      '/hub/datasets/open-org/open-data/resolve/main/README.md',
      '/hub/datasets/gated-org/gated-data/resolve/main/README.md',
    ])
      assert.ok(asked.includes(path), path);
    assert.ok(!asked.includes('/hub/datasets/missing-org/missing-data/resolve/main/README.md'), 'not a missing card');
  });

  test('--format json: every file, with what the hosts answered', async () => {
    const run = await osaiCheck(['--format', 'json', 'hf:open-org/open-model'], freshEnv());
    const out = JSON.parse(run.stdout) as {
      files: Array<{ file: string; kind: string; online: Array<Record<string, unknown>> | null }>;
    };
    assert.deepEqual(
      out.files.map((f) => `${f.file} ${f.kind}`),
      [
        'hf:open-org/open-model modelcard',
        'hf:datasets/open-org/open-data datasetcard',
        'hf:datasets/gated-org/gated-data datasetcard',
      ],
    );
    assert.deepEqual(out.files[0].online, [
      {
        location: 'https://huggingface.co/open-org/open-model',
        line: 4,
        host: 'hub',
        cached: false,
        state: 'exists',
        license: 'apache-2.0',
      },
      { location: 'open-org/open-data', line: 9, host: 'hub', cached: false, state: 'exists', license: 'cc-by-4.0' },
      {
        location: 'gated-org/gated-data',
        line: 10,
        host: 'hub',
        cached: false,
        state: 'exists',
        gated: 'auto',
        license: 'cc-by-4.0',
      },
      { location: 'missing-org/missing-data', line: 11, host: 'hub', cached: false, state: 'not-found' },
      { location: 'open-org/base-model', line: 7, host: 'hub', cached: false, state: 'exists', license: 'apache-2.0' },
    ]);
  });

  test("--format report: a shareable report of someone else's model in one command", async () => {
    const run = await osaiCheck(['--format', 'report', 'https://huggingface.co/gated-org/gated-model'], freshEnv());
    assert.equal(run.code, 1, 'the weights are under llama3: not open');
    assert.match(run.stdout, /^# OSAID compliance report$/m);
    assert.match(run.stdout, /^\| `https:\/\/huggingface\.co\/gated-org\/gated-model` \| Model card \| ✗ 1 unmet/m);
    assert.match(
      run.stdout,
      /\| Model weights \| ✗ not open \|.*online: `gated-org\/gated-model` on the Hugging Face Hub: gated/,
    );
  });

  test('--revision: the card at that revision', async () => {
    const run = await osaiCheck(['--format', 'json', '--revision', 'v1.0', 'hf:open-org/open-model'], freshEnv());
    assert.ok(hosts.requests.some((r) => r.path === '/hub/open-org/open-model/resolve/v1.0/README.md'));
    const out = JSON.parse(run.stdout) as {
      files: Array<{ file: string; checklist: Array<{ items: Array<{ id: string; detail: string }> }> }>;
    };
    const weights = out.files[0].checklist.flatMap((g) => g.items).find((i) => i.id === 'parameters.weights')!;
    assert.match(weights.detail, /\bmit\b/, 'the v1.0 card is MIT');
  });

  test('what cannot be checked exits 2 and says why', async () => {
    const run = await osaiCheck(
      ['hf:missing-org/missing-model', 'hf:datasets/open-org/open-data', 'hf:bad id!'],
      freshEnv(),
    );
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^osai-check: hf:bad id! names no Hub repository/m);
    const again = await osaiCheck(['hf:missing-org/missing-model', '--revision', 'main'], freshEnv());
    assert.equal(again.code, 2);
    assert.match(
      again.stderr,
      /^osai-check: hf:missing-org\/missing-model: the Hub has no model missing-org\/missing-model, or it is private \(set HF_TOKEN/m,
    );
    const revision = await osaiCheck(['--revision', 'no-such-rev', 'hf:open-org/open-model'], freshEnv());
    assert.match(revision.stderr, /model open-org\/open-model has no revision no-such-rev/);
  });

  test('no connection: the card cannot be fetched, exit 2', async () => {
    const run = await osaiCheck(['hf:open-org/open-model'], freshEnv({ HF_ENDPOINT: 'http://127.0.0.1:1' }));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /could not be downloaded: cannot reach 127\.0\.0\.1:1 \(no connection\)/);
  });
});

describe('osai-check --online <manifest>', () => {
  const FIXTURE = join(ROOT, 'test', 'fixtures', 'online');

  test('without --online, nothing leaves the machine', async () => {
    const before = hosts.connections;
    const run = await osaiCheck(['osai.yaml'], freshEnv(), FIXTURE);
    assert.equal(run.code, 0, 'the manifest itself meets the checks');
    assert.equal(hosts.connections, before, 'no connection was opened');
  });

  test('with it: the findings of the hosts, and the exit code they make', async () => {
    const run = await osaiCheck(['--online', 'osai.yaml'], freshEnv(), FIXTURE);
    assert.equal(run.code, 1, 'the weights are cc-by-nc-4.0 on the Hub');
    assert.deepEqual(
      findings(run.stdout).filter((f) => !f.includes('osaid/')),
      [
        'osai.yaml:14:14 error evidence/license-mismatch',
        'osai.yaml:17:15 warning location/gated',
        'osai.yaml:18:14 warning evidence/license-mismatch',
        'osai.yaml:22:31 warning location/archived',
        'osai.yaml:24:24 info evidence/unrecognised-license',
        'osai.yaml:26:26 error location/unreachable',
        'osai.yaml:30:28 error location/unreachable',
        'osai.yaml:33:79 warning evidence/license-mismatch',
        'osai.yaml:48:17 info location/gated',
        'osai.yaml:53:17 info location/unreachable',
      ],
    );
  });

  test('the second run is answered from the per-user cache; --refresh asks again', async () => {
    const home = freshEnv();
    await osaiCheck(['--online', 'osai.yaml'], home, FIXTURE);
    const before = hosts.requests.length;
    const again = await osaiCheck(['--online', 'osai.yaml'], home, FIXTURE);
    assert.equal(hosts.requests.length, before, 'nothing asked');
    assert.equal(findings(again.stdout).filter((f) => !f.includes('osaid/')).length, 10, 'the same findings');
    await osaiCheck(['--online', '--refresh', 'osai.yaml'], home, FIXTURE);
    assert.ok(hosts.requests.length > before, 'asked again');
    assert.ok(readdirSync(join(cacheHome, 'osai-manifest', 'online')).length > 0, 'under XDG_CACHE_HOME');
  });

  test('a token is never printed, logged or cached', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osai-online-private-'));
    writeFileSync(
      join(dir, 'osai.yaml'),
      'osaid: "1.0"\nparameters:\n  weights: {location: https://huggingface.co/private-org/private-model, license: MIT}\n',
    );
    const run = await osaiCheck(
      ['--online', '--format', 'json', 'osai.yaml'],
      freshEnv({ HF_TOKEN: HF_TEST_TOKEN }),
      dir,
    );
    assert.match(run.stdout, /location\/restricted/, 'the token was used: the private repository is seen');
    const cached = readdirSync(join(cacheHome, 'osai-manifest', 'online')).map((f) =>
      readFileSync(join(cacheHome, 'osai-manifest', 'online', f), 'utf8'),
    );
    for (const text of [run.stdout, run.stderr, ...cached]) assert.ok(!text.includes(HF_TEST_TOKEN));
    rmSync(dir, { recursive: true, force: true });
  });

  test('a used-up rate limit: one line, not one per location', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osai-online-limited-'));
    writeFileSync(
      join(dir, 'osai.yaml'),
      'osaid: "1.0"\ncode:\n  training: {location: https://github.com/limited-org/limited-repo, license: MIT}\n' +
        '  inference: {location: https://github.com/open-org/open-repo, license: MIT}\n',
    );
    const run = await osaiCheck(['--online', 'osai.yaml'], freshEnv(), dir);
    assert.equal(run.stderr.match(/rate limit is used up/g)?.length, 1);
    assert.equal(run.stdout.match(/online\/skipped/g)?.length, 1);
    rmSync(dir, { recursive: true, force: true });
  });

  test('no connection: one information per document and one line, never an error', async () => {
    const run = await osaiCheck(
      ['--online', 'osai.yaml'],
      freshEnv({ HF_ENDPOINT: 'http://127.0.0.1:1', GITHUB_API_URL: 'http://127.0.0.1:1' }),
      FIXTURE,
    );
    assert.equal(run.code, 0);
    assert.deepEqual(
      findings(run.stdout).filter((f) => !f.includes('osaid/')),
      ['osai.yaml:13:15 info online/skipped'],
    );
    assert.match(run.stderr, /^osai-check: online checks skipped: no connection \(1 document\)$/m);
  });
});

describe('no socket while the checks are off, in the process itself', () => {
  test('main() opens no socket for a manifest of URLs unless --online', async (t) => {
    const { main } = await import('../../server/src/cli');
    const connect = t.mock.method(Socket.prototype, 'connect');
    const run = (args: string[]) =>
      main(
        args,
        () => {},
        () => {},
        {
          cwd: join(ROOT, 'test', 'fixtures', 'online'),
          env: { HF_ENDPOINT: hosts.hubEndpoint, GITHUB_API_URL: hosts.githubApi, XDG_CACHE_HOME: freshCache() },
          progress: { write() {} },
        },
      );
    assert.equal(await run(['osai.yaml']), 0);
    assert.equal(connect.mock.callCount(), 0, 'no socket without --online');
    // The same spy sees the sockets --online opens: it would have seen any.
    assert.equal(await run(['--online', 'osai.yaml']), 1);
    assert.ok(connect.mock.callCount() > 0);
  });
});
