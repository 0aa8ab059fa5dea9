/**
 * The online checks end to end below the protocol: the language service asks the stand-in
 * hosts (test/online/hosts.ts) through the Node fetcher and the online client, and each
 * location gets the finding its route stands for. Expected findings are written by hand from
 * the fixture's comments and the rules in docs/online.md, never from this code's output; a
 * range is given as its line and the text it covers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { nodeFetcher } from '../../server/src/host/nodeFetch';
import {
  getLanguageService,
  OnlineClient,
  onlineConfigFromEnv,
  type OnlineCacheStore,
  type OnlineEvidence,
} from '../../server/src/service';
import type { CachedAnswer, FetchOptions, FetchOutcome, OnlineFetcher } from '../../server/src/service/online/fetcher';
import { ROOT } from '../helpers';
import { GITHUB_TEST_TOKEN, HF_TEST_TOKEN, startHostServer, type HostServer } from './hosts';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'online', 'osai.yaml');
const SEVERITY = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning' } as const;

/** `line code severity «covered text»` for the findings the online checks add. */
function shown(document: TextDocument, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => /^(online|location|evidence)\//.test(String(d.code)))
    .map((d) => {
      const severity = SEVERITY[d.severity as 1 | 2] ?? 'info';
      return `${d.range.start.line + 1} ${d.code} ${severity} «${document.getText(d.range)}»`;
    });
}

class MemoryCache implements OnlineCacheStore {
  readonly entries = new Map<string, CachedAnswer>();
  get(key: string) {
    return Promise.resolve(this.entries.get(key));
  }
  set(key: string, value: CachedAnswer) {
    this.entries.set(key, value);
    return Promise.resolve();
  }
}

let hosts: HostServer;
before(async () => {
  hosts = await startHostServer();
});
after(() => hosts.close());

function clientFor(env: Record<string, string> = {}, cache?: OnlineCacheStore, timeoutMs = 10_000): OnlineClient {
  const all = { HF_ENDPOINT: hosts.hubEndpoint, GITHUB_API_URL: hosts.githubApi, ...env };
  return new OnlineClient(nodeFetcher({ env: {}, timeoutMs }), onlineConfigFromEnv(all), cache);
}

async function checked(
  text: string,
  client: OnlineClient,
  uri = 'file:///release/osai.yaml',
): Promise<{ document: TextDocument; diagnostics: Diagnostic[]; online: OnlineEvidence | undefined }> {
  const service = getLanguageService();
  const document = TextDocument.create(uri, uri.endsWith('.md') ? 'markdown' : 'yaml', 1, text);
  const parsed = service.parse(document);
  const online = await service.collectOnline(parsed, client);
  return { document, diagnostics: service.doValidation(parsed, undefined, online), online };
}

describe('a manifest whose locations are on the Hub and GitHub (test/fixtures/online/osai.yaml)', () => {
  test('each location gets the finding its host answer stands for', async () => {
    const { document, diagnostics } = await checked(readFileSync(FIXTURE, 'utf8'), clientFor());
    assert.deepEqual(shown(document, diagnostics), [
      // The weights: the Hub records cc-by-nc-4.0, which fails the test the weights decide on.
      '14 evidence/license-mismatch error «Apache-2.0»',
      // Checkpoints are recommended: a gate and a failing license warn.
      '17 location/gated warning «https://huggingface.co/gated-org/gated-model»',
      '18 evidence/license-mismatch warning «Apache-2.0»',
      '22 location/archived warning «https://github.com/archived-org/old-repo»',
      '24 evidence/unrecognised-license info «https://github.com/noassert-org/custom-repo»',
      '26 location/unreachable error «https://github.com/missing-org/missing-repo»',
      '30 location/unreachable error «https://github.com/open-org/open-repo/tree/main/model»',
      // GPL-3.0 is OSI-approved: a disagreement, not a failure.
      '33 evidence/license-mismatch warning «MIT»',
      // A dataset's terms inform.
      '48 location/gated info «https://huggingface.co/datasets/gated-org/gated-data»',
      '53 location/unreachable info «https://huggingface.co/datasets/missing-org/missing-data»',
    ]);
    const mismatch = diagnostics.find((d) => d.code === 'evidence/license-mismatch' && d.range.start.line === 13)!;
    assert.match(mismatch.message, /the Hub records `cc-by-nc-4\.0` .* for `mismatch-org\/nc-model`/);
    assert.deepEqual(mismatch.data, {
      path: 'parameters.weights.license',
      requirement: 'parameters.weights',
      replacements: ['CC-BY-NC-4.0'],
    });
    const gated = diagnostics.find((d) => d.code === 'location/gated' && d.range.start.line === 16)!;
    assert.match(gated.message, /its authors approve each request/, 'gated: manual');
    assert.match(gated.message, /without asking permission/, 'what OSAID says about conditions on access');
  });

  test('the hosts are asked on their API: the repository, then the path a URL names', async () => {
    const before = hosts.requests.length;
    await checked(
      'osaid: "1.0"\ncode:\n  inference: {location: https://github.com/open-org/open-repo/tree/main/train, license: MIT}\n',
      clientFor(),
    );
    assert.deepEqual(
      hosts.requests.slice(before).map((r) => `${r.method} ${r.path}`),
      ['GET /github-api/repos/open-org/open-repo', 'GET /github-api/repos/open-org/open-repo/contents/train?ref=main'],
    );
  });
});

describe('a file or folder in a Hub repository', () => {
  test('a folder through the tree API, a file where huggingface_hub downloads it', async () => {
    const weights = (location: string) =>
      `osaid: "1.0"\nparameters:\n  checkpoints: {location: ${location}, license: Apache-2.0}\n`;
    const before = hosts.requests.length;
    const there = await checked(
      weights('https://huggingface.co/open-org/open-model/tree/main/checkpoints'),
      clientFor(),
    );
    assert.deepEqual(shown(there.document, there.diagnostics), []);
    const file = await checked(
      weights('https://huggingface.co/open-org/open-model/blob/main/config.json'),
      clientFor(),
    );
    assert.deepEqual(shown(file.document, file.diagnostics), []);
    const missing = await checked(
      weights('https://huggingface.co/open-org/open-model/tree/main/optimizer'),
      clientFor(),
    );
    // Checkpoints are recommended: a missing folder warns.
    assert.deepEqual(shown(missing.document, missing.diagnostics), [
      '3 location/unreachable warning «https://huggingface.co/open-org/open-model/tree/main/optimizer»',
    ]);
    assert.match(
      missing.diagnostics.find((d) => d.code === 'location/unreachable')!.message,
      /`open-org\/open-model` on the Hugging Face Hub has no `optimizer` at `main`/,
    );
    assert.deepEqual(
      hosts.requests.slice(before).map((r) => `${r.method} ${r.path}`),
      [
        'GET /hub/api/models/open-org/open-model/revision/main',
        'GET /hub/api/models/open-org/open-model/tree/main/checkpoints',
        'GET /hub/api/models/open-org/open-model/revision/main',
        'HEAD /hub/open-org/open-model/resolve/main/config.json',
        'GET /hub/api/models/open-org/open-model/revision/main',
        'GET /hub/api/models/open-org/open-model/tree/main/optimizer',
      ],
    );
  });
});

describe('any other web location: HEAD, redirects followed', () => {
  const manifest = (paths: string[]) =>
    'osaid: "1.0"\ndata_information:\n  documentation:\n' +
    paths.map((p) => `    - {kind: research_paper, location: ${hosts.webBase}/${p}, license: CC-BY-4.0}\n`).join('');

  test('404 and 410 are unreachable; a page, a redirect, a chain and a refused HEAD answer', async () => {
    const { document, diagnostics } = await checked(
      manifest(['ok', 'gone', 'removed', 'redirect', 'chain', 'head-refused']),
      clientFor(),
    );
    // Documentation supports the release: a missing page warns.
    assert.deepEqual(shown(document, diagnostics), [
      `5 location/unreachable warning «${hosts.webBase}/gone»`,
      `6 location/unreachable warning «${hosts.webBase}/removed»`,
    ]);
    assert.match(diagnostics.find((d) => d.range.start.line === 5)!.message, /answers 410 \(gone\)/);
  });

  test('HEAD first; where it is refused, a GET of one byte', async () => {
    const before = hosts.requests.length;
    await checked(manifest(['head-refused']), clientFor());
    assert.deepEqual(
      hosts.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.headers.range ?? ''}`.trim()),
      ['HEAD /web/head-refused', 'GET /web/head-refused bytes=0-0'],
    );
  });

  test('a redirect loop, a host failure, a timeout and a huge answer: not answered, never an error', async () => {
    const text =
      manifest(['loop', 'error', 'slow']) +
      'parameters:\n  weights: {location: https://huggingface.co/huge-org/huge-model, license: Apache-2.0}\n' +
      '  checkpoints: {location: https://huggingface.co/error-org/error-model, license: Apache-2.0}\n';
    const { document, diagnostics } = await checked(text, clientFor({}, undefined, 500));
    assert.deepEqual(shown(document, diagnostics), [
      `4 online/unanswered info «${hosts.webBase}/loop»`,
      `5 online/unanswered info «${hosts.webBase}/error»`,
      `6 online/unanswered info «${hosts.webBase}/slow»`,
      '8 online/unanswered info «https://huggingface.co/huge-org/huge-model»',
      '9 online/unanswered info «https://huggingface.co/error-org/error-model»',
    ]);
    const message = (line: number) =>
      diagnostics.find((d) => d.range.start.line === line - 1 && d.code === 'online/unanswered')!.message;
    assert.match(message(4), /redirected in a loop/);
    assert.match(message(5), /answered 503 \(a failure on its side\)/);
    assert.match(message(6), /did not answer within 500 ms/);
    assert.match(message(8), /the answer from 127\.0\.0\.1:\d+ is larger than 1048576 bytes/);
    assert.match(message(9), /answered 500 \(a failure on its side\)/);
    assert.ok(diagnostics.every((d) => d.severity !== DiagnosticSeverity.Error || !/^online\//.test(String(d.code))));
  });
});

describe('tokens, the cache, rate limits, no connection', () => {
  const PRIVATE =
    'osaid: "1.0"\nparameters:\n  weights: {location: https://huggingface.co/private-org/private-model, license: MIT}\n';

  test('a private repository: not found without a token; with HF_TOKEN, restricted', async () => {
    const anonymous = await checked(PRIVATE, clientFor());
    assert.deepEqual(shown(anonymous.document, anonymous.diagnostics), [
      '3 location/unreachable error «https://huggingface.co/private-org/private-model»',
    ]);
    const withToken = await checked(PRIVATE, clientFor({ HF_TOKEN: HF_TEST_TOKEN }));
    assert.deepEqual(shown(withToken.document, withToken.diagnostics), [
      '3 location/restricted error «https://huggingface.co/private-org/private-model»',
    ]);
  });

  test('each token goes to its own host only, and never into a finding or the cache', async () => {
    const cache = new MemoryCache();
    const before = hosts.requests.length;
    const text =
      'osaid: "1.0"\nparameters:\n  weights: {location: https://huggingface.co/open-org/open-model, license: Apache-2.0}\n' +
      'code:\n  training: {location: https://github.com/open-org/open-repo, license: MIT}\n' +
      `  inference: {location: ${hosts.webBase}/ok, license: MIT}\n`;
    const { diagnostics } = await checked(
      text,
      clientFor({ HF_TOKEN: HF_TEST_TOKEN, GITHUB_TOKEN: GITHUB_TEST_TOKEN }, cache),
    );
    const sent = hosts.requests.slice(before).map((r) => `${r.path.split('/')[1]} ${r.headers.authorization ?? '-'}`);
    assert.deepEqual(sent.sort(), [`github-api Bearer ${GITHUB_TEST_TOKEN}`, `hub Bearer ${HF_TEST_TOKEN}`, 'web -']);
    const everything = JSON.stringify([diagnostics, [...cache.entries]]);
    assert.ok(!everything.includes(HF_TEST_TOKEN) && !everything.includes(GITHUB_TEST_TOKEN));
  });

  test('a second check is answered from the cache; --refresh asks again', async () => {
    const cache = new MemoryCache();
    const text = 'osaid: "1.0"\ncode:\n  training: {location: https://github.com/open-org/open-repo, license: MIT}\n';
    await checked(text, clientFor({}, cache));
    const before = hosts.requests.length;
    const again = await checked(text, clientFor({}, cache));
    assert.equal(hosts.requests.length, before, 'nothing asked');
    assert.equal(again.online?.items[0].cached, true);
    const refreshing = new OnlineClient(
      nodeFetcher({ env: {} }),
      onlineConfigFromEnv({ GITHUB_API_URL: hosts.githubApi }, { refresh: true }),
      cache,
    );
    await checked(text, refreshing);
    assert.equal(hosts.requests.length, before + 1, 'asked again');
  });

  test('an answer older than the time to live is asked again', async () => {
    const cache = new MemoryCache();
    let now = Date.UTC(2026, 11, 7, 12, 0, 0);
    const client = () =>
      new OnlineClient(
        nodeFetcher({ env: {} }),
        onlineConfigFromEnv({ GITHUB_API_URL: hosts.githubApi }),
        cache,
        () => now,
      );
    const text = 'osaid: "1.0"\ncode:\n  training: {location: https://github.com/open-org/open-repo, license: MIT}\n';
    await checked(text, client());
    const before = hosts.requests.length;
    now += 59 * 60 * 1000;
    await checked(text, client());
    assert.equal(hosts.requests.length, before, 'within the hour: from the cache');
    now += 2 * 60 * 1000;
    await checked(text, client());
    assert.equal(hosts.requests.length, before + 1, 'after the hour: asked again');
  });

  test("GitHub's rate limit used up: asked once, one finding for every location it stops", async () => {
    const text =
      'osaid: "1.0"\ncode:\n' +
      '  training: {location: https://github.com/limited-org/limited-repo, license: MIT}\n' +
      '  inference: {location: https://github.com/open-org/open-repo, license: MIT}\n' +
      '  evaluation: {location: https://github.com/gpl-org/gpl-repo, license: MIT}\n';
    const client = new OnlineClient(
      nodeFetcher({ env: {} }),
      onlineConfigFromEnv({ GITHUB_API_URL: hosts.githubApi }, { perHost: 1 }),
      undefined,
      () => Date.UTC(2026, 11, 7, 11, 30, 0),
    );
    const before = hosts.requests.length;
    const { document, diagnostics } = await checked(text, client);
    assert.deepEqual(
      hosts.requests.slice(before).map((r) => r.path),
      ['/github-api/repos/limited-org/limited-repo'],
      'one request at a time to a host, and none once it said stop',
    );
    assert.deepEqual(shown(document, diagnostics), [
      '3 online/skipped info «https://github.com/limited-org/limited-repo»',
    ]);
    // x-ratelimit-reset is 12:00 UTC; the check ran at 11:30.
    assert.match(
      diagnostics.find((d) => d.code === 'online/skipped')!.message,
      /rate limit is used up until 12:00 UTC, so 3 locations were not checked\. A token \(`GITHUB_TOKEN`\)/,
    );
  });

  test('no connection: one information for the document, nothing about the locations', async () => {
    const nowhere = new OnlineClient(
      nodeFetcher({ env: {} }),
      onlineConfigFromEnv({ HF_ENDPOINT: 'http://127.0.0.1:1', GITHUB_API_URL: 'http://127.0.0.1:1' }),
    );
    const { document, diagnostics } = await checked(readFileSync(FIXTURE, 'utf8'), nowhere);
    assert.deepEqual(shown(document, diagnostics), [
      '13 online/skipped info «https://huggingface.co/mismatch-org/nc-model»',
    ]);
    assert.match(
      diagnostics.find((d) => d.code === 'online/skipped')!.message,
      /^Online checks skipped: no connection \(11 locations not checked\)/,
    );
  });

  test('a few requests at a time per host', async () => {
    let inFlight = 0;
    let most = 0;
    const waiting: Array<() => void> = [];
    const fetcher: OnlineFetcher = {
      async fetch(url: string, _options: FetchOptions): Promise<FetchOutcome> {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => waiting.push(resolve));
        inFlight--;
        return { kind: 'answer', url, answer: { status: 404, headers: {}, body: '' } };
      },
    };
    const client = new OnlineClient(fetcher, onlineConfigFromEnv({}, { perHost: 2 }));
    const text =
      'osaid: "1.0"\ncode:\n  supporting_libraries:\n' +
      [1, 2, 3, 4, 5].map((i) => `    - {name: l${i}, location: https://github.com/o/r${i}, license: MIT}\n`).join('');
    const done = checked(text, client);
    // Each answer lets the next request in; there are never more than two waiting.
    for (let answered = 0; answered < 5; answered++) {
      while (waiting.length === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      assert.ok(waiting.length <= 2);
      waiting.shift()!();
    }
    await done;
    assert.equal(most, 2);
  });
});

describe('a card: its listed datasets and base model', () => {
  test('the Hub on each listing entry: gone, gated, and the license it records', async () => {
    const card =
      '---\nlicense: apache-2.0\ndatasets:\n- open-org/open-data\n- gated-org/gated-data\n' +
      '- missing-org/missing-data\n' +
      'base_model: open-org/base-model\n---\n# A model\n';
    const { document, diagnostics } = await checked(card, clientFor(), 'file:///model/README.md');
    assert.deepEqual(shown(document, diagnostics), [
      '4 online/host-license info «open-org/open-data»',
      '5 location/gated warning «gated-org/gated-data»',
      '5 online/host-license info «gated-org/gated-data»',
      '6 location/unreachable warning «missing-org/missing-data»',
      '7 online/host-license info «open-org/base-model»',
    ]);
    assert.match(
      diagnostics.find((d) => d.range.start.line === 3)!.message,
      /^The Hub records `cc-by-4\.0` \(the Creative Commons Attribution 4\.0 International\) for `open-org\/open-data`: open\.$/,
    );
  });
});

describe('what the hosts record, in an AI-BOM export', () => {
  test('the Hub license of the weights is the concluded license beside the declared one', async () => {
    const service = getLanguageService();
    const parsed = service.parse(
      TextDocument.create('file:///release/osai.yaml', 'yaml', 1, readFileSync(FIXTURE, 'utf8')),
    );
    const online = await service.collectOnline(parsed, clientFor());
    const diagnostics = service.doValidation(parsed, undefined, online);
    const tool = { name: 'osai-check', version: '0.0.0-test' };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the BOM's JSON
    const bom = service.exportCycloneDx(parsed, diagnostics, { specVersion: '1.7', tool }, undefined, online) as any;
    // The fixture declares Apache-2.0 (line 14); the stand-in Hub records cc-by-nc-4.0 for mismatch-org/nc-model.
    assert.deepEqual(bom.metadata.component.licenses, [
      { expression: 'Apache-2.0', acknowledgement: 'declared' },
      { expression: 'CC-BY-NC-4.0', acknowledgement: 'concluded' },
    ]);
    assert.ok(
      bom.metadata.component.properties.some(
        (p: { name: string; value: string }) =>
          p.name === 'osai-manifest:license:concluded-from' &&
          p.value === `host: https://huggingface.co/mismatch-org/nc-model`,
      ),
    );
  });
});
