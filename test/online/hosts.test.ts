/**
 * The stand-in hosts (hosts.ts) answer as documented: a sample of routes read with Node's http
 * client, and the answers read by the checks' own readers (readHubAnswer, readGithubAnswer) as a
 * cross-check of the documented shapes. Also: the huge body streams and stops when the client goes,
 * a held request does not keep close() waiting, and connections are counted.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import type { OnlineAnswer } from '../../server/src/service/online/answer';
import { githubRequest, readGithubAnswer } from '../../server/src/service/online/github';
import { hubRequest, readHubAnswer } from '../../server/src/service/online/hub';
import {
  GITHUB_TEST_TOKEN,
  HF_TEST_TOKEN,
  HUGE_BODY_BYTES,
  RATE_LIMIT_RESET,
  ROUTES,
  startHostServer,
  type HostServer,
  type RouteEntry,
} from './hosts';

interface Reply extends OnlineAnswer {
  headers: Record<string, string>;
}

/** One request, no connection reuse (each gets its own socket, closed after). */
function fetchOnce(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = String(v);
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const frontMatter = (card: string): Record<string, unknown> => {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(card);
  assert.ok(match, 'the card opens with YAML front matter');
  return parseYaml(match[1]) as Record<string, unknown>;
};

describe('stand-in hosts', () => {
  let hosts: HostServer;
  before(async () => {
    hosts = await startHostServer();
  });
  after(() => hosts.close());

  const get = (route: RouteEntry, extra: Record<string, string> = {}): Promise<Reply> =>
    fetchOnce(hosts.url + route.path, { method: route.method, headers: { ...route.headers, ...extra } });

  test('every catalogue route that answers gives its documented status', async () => {
    for (const [name, route] of Object.entries(ROUTES) as Array<[string, RouteEntry]>) {
      if (route.status === 'hangs' || route.path.includes('huge')) continue;
      const reply = await get(route);
      assert.equal(reply.status, route.status, name);
    }
  });

  test("the checks' own requests, pointed at hubEndpoint and githubApi, reach the routes", async () => {
    const hub = hubRequest({ kind: 'dataset', id: 'open-org/open-data' }, hosts.hubEndpoint);
    assert.equal(hub.url, hosts.url + ROUTES.hubOpenData.path);
    assert.equal((await fetchOnce(hub.url, { headers: hub.headers })).status, 200);
    const revision = hubRequest({ kind: 'model', id: 'open-org/open-model', revision: 'v1.0' }, hosts.hubEndpoint);
    assert.equal(revision.url, hosts.url + ROUTES.hubOpenModelV1.path);
    const github = githubRequest({ owner: 'open-org', repo: 'open-repo' }, hosts.githubApi, GITHUB_TEST_TOKEN);
    assert.equal(github.url, hosts.url + ROUTES.githubOpenRepo.path);
    const reply = await fetchOnce(github.url, { headers: github.headers });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['x-ratelimit-limit'], '5000');
  });

  describe('Hugging Face Hub (HF_ENDPOINT = hubEndpoint)', () => {
    test('a public model: ModelInfo JSON, license in cardData and tags', async () => {
      const reply = await fetchOnce(`${hosts.hubEndpoint}/api/models/open-org/open-model`);
      assert.equal(reply.status, 200);
      assert.match(reply.headers['content-type'], /^application\/json/);
      const info = JSON.parse(reply.body) as Record<string, unknown>;
      assert.equal(info.id, 'open-org/open-model');
      assert.equal(info.private, false);
      assert.equal(info.gated, false);
      assert.equal(info.disabled, false);
      assert.ok((info.tags as string[]).includes('license:apache-2.0'));
      assert.deepEqual((info.cardData as { datasets: string[] }).datasets, [
        'open-org/open-data',
        'gated-org/gated-data',
        'missing-org/missing-data',
      ]);
      assert.ok((info.siblings as Array<{ rfilename: string }>).some((s) => s.rfilename === 'README.md'));
      assert.deepEqual(readHubAnswer(reply), {
        state: 'exists',
        gated: false,
        private: false,
        disabled: false,
        license: 'apache-2.0',
        licenseName: undefined,
      });
    });

    test('the answers read as the Hub means them', async () => {
      const read = async (route: RouteEntry) => readHubAnswer(await get(route));
      assert.deepEqual(await read(ROUTES.hubGatedModel), {
        state: 'exists',
        gated: 'manual',
        private: false,
        disabled: false,
        license: 'other',
        licenseName: 'llama3',
      });
      assert.equal(((await read(ROUTES.hubNcModel)) as { license?: string }).license, 'cc-by-nc-4.0');
      assert.equal(((await read(ROUTES.hubGatedData)) as { gated?: string }).gated, 'auto');
      assert.deepEqual(await read(ROUTES.hubMissingModel), { state: 'not-found' });
      assert.deepEqual(await read(ROUTES.hubMissingModelWithToken), { state: 'not-found' });
      assert.deepEqual(await read(ROUTES.hubGoneModel), { state: 'not-found' });
      assert.deepEqual(await read(ROUTES.hubPrivateModel), { state: 'not-found' });
      assert.deepEqual(await read(ROUTES.hubDisabledModel), { state: 'disabled' });
      assert.deepEqual(await read(ROUTES.hubOpenModelNoSuchRevision), { state: 'revision-not-found' });
      assert.deepEqual(await read(ROUTES.hubErrorModel), { state: 'unavailable', status: 500 });
      const v1 = await read(ROUTES.hubOpenModelV1);
      assert.equal(v1.state === 'exists' && v1.license, 'mit');
    });

    test("a missing repository, anonymously: 401, the Hub's message, no X-Error-Code; with a token: 404", async () => {
      const anonymous = await get(ROUTES.hubMissingModel);
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.headers['x-error-message'], 'Invalid username or password.');
      assert.equal(anonymous.headers['x-error-code'], undefined);
      assert.deepEqual(JSON.parse(anonymous.body), { error: 'Invalid username or password.' });
      const authenticated = await get(ROUTES.hubMissingModelWithToken);
      assert.equal(authenticated.headers['x-error-code'], 'RepoNotFound');
      const data = await get(ROUTES.hubMissingData);
      assert.equal(data.status, 401);
    });

    test('the private model answers only with hf_test_token, and the token is recorded', async () => {
      const before = hosts.requests.length;
      const reply = await get(ROUTES.hubPrivateModelWithToken);
      assert.equal(reply.status, 200);
      const info = JSON.parse(reply.body) as { private: boolean; cardData: { license: string } };
      assert.equal(info.private, true);
      assert.equal(info.cardData.license, 'mit');
      const recorded = hosts.requests.slice(before);
      assert.equal(recorded.length, 1);
      assert.equal(recorded[0].headers.authorization, `Bearer ${HF_TEST_TOKEN}`);
      assert.equal(recorded[0].path, ROUTES.hubPrivateModelWithToken.path);
    });

    test('disabled, revisions: the documented headers', async () => {
      const disabled = await get(ROUTES.hubDisabledModel);
      assert.equal(disabled.headers['x-error-message'], 'Access to this resource is disabled.');
      const noRev = await get(ROUTES.hubOpenModelNoSuchRevision);
      assert.equal(noRev.headers['x-error-code'], 'RevisionNotFound');
      const main = JSON.parse((await get(ROUTES.hubOpenModel)).body) as { sha: string };
      const v1 = JSON.parse((await get(ROUTES.hubOpenModelV1)).body) as { sha: string };
      assert.match(main.sha, /^[0-9a-f]{40}$/);
      assert.notEqual(main.sha, v1.sha);
    });

    test('cards through the resolve URL: front matter, ETag and X-Repo-Commit, HEAD without a body', async () => {
      const card = await get(ROUTES.hubOpenModelCard);
      assert.equal(card.status, 200);
      const meta = frontMatter(card.body);
      assert.equal(meta.license, 'apache-2.0');
      assert.equal(meta.base_model, 'open-org/base-model');
      assert.deepEqual(meta.datasets, ['open-org/open-data', 'gated-org/gated-data', 'missing-org/missing-data']);
      const info = JSON.parse((await get(ROUTES.hubOpenModel)).body) as { sha: string };
      assert.equal(card.headers['x-repo-commit'], info.sha);
      assert.match(card.headers.etag, /^"[0-9a-f]{40}"$/);

      const head = await fetchOnce(hosts.url + ROUTES.hubOpenModelCard.path, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.body, '');
      assert.equal(head.headers['content-length'], String(Buffer.byteLength(card.body)));
      assert.equal(head.headers.etag, card.headers.etag);

      assert.equal(frontMatter((await get(ROUTES.hubOpenModelCardV1)).body).license, 'mit');
      const gated = frontMatter((await get(ROUTES.hubGatedModelCard)).body);
      assert.equal(gated.license, 'other');
      assert.equal(gated.license_name, 'llama3');
      assert.equal(typeof gated.extra_gated_prompt, 'string');
      assert.equal(frontMatter((await get(ROUTES.hubOpenDataCard)).body).license, 'cc-by-4.0');
      assert.ok(frontMatter((await get(ROUTES.hubGatedDataCard)).body).extra_gated_fields);
      assert.equal(frontMatter((await get(ROUTES.hubNcDataCard)).body).license, 'cc-by-nc-4.0');
    });

    test('file errors: EntryNotFound, GatedRepo, a missing repository', async () => {
      const missingFile = await get(ROUTES.hubOpenModelMissingFile);
      assert.equal(missingFile.headers['x-error-code'], 'EntryNotFound');
      assert.match(missingFile.headers['x-repo-commit'], /^[0-9a-f]{40}$/);
      const gated = await get(ROUTES.hubGatedModelFile);
      assert.equal(gated.status, 401);
      assert.equal(gated.headers['x-error-code'], 'GatedRepo');
      const gatedWithToken = await get(ROUTES.hubGatedModelFile, { authorization: `Bearer ${HF_TEST_TOKEN}` });
      assert.equal(gatedWithToken.status, 403);
      const missingRepo = await get(ROUTES.hubMissingModelCard);
      assert.equal(missingRepo.status, 401);
      const unknown = await get(ROUTES.hubUnknownPath);
      assert.equal(unknown.status, 404);
      assert.equal(typeof (JSON.parse(unknown.body) as { error: unknown }).error, 'string');
    });
  });

  describe('GitHub REST API (GITHUB_API_URL = githubApi)', () => {
    test('a repository: documented fields and rate-limit headers; a token raises only the limit', async () => {
      const reply = await get(ROUTES.githubOpenRepo);
      assert.equal(reply.status, 200);
      assert.equal(reply.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(reply.headers['x-ratelimit-limit'], '60');
      assert.equal(reply.headers['x-ratelimit-reset'], String(RATE_LIMIT_RESET));
      assert.equal(reply.headers['x-ratelimit-resource'], 'core');
      assert.equal(Number(reply.headers['x-ratelimit-remaining']) + Number(reply.headers['x-ratelimit-used']), 60);
      const repo = JSON.parse(reply.body) as Record<string, unknown>;
      assert.equal(repo.full_name, 'open-org/open-repo');
      assert.equal(repo.default_branch, 'main');
      assert.deepEqual(repo.license, {
        key: 'mit',
        name: 'MIT License',
        spdx_id: 'MIT',
        url: 'https://api.github.com/licenses/mit',
        node_id: 'MDc6TGljZW5zZW1pdA==',
      });
      const withToken = await get(ROUTES.githubOpenRepoWithToken);
      assert.equal(withToken.headers['x-ratelimit-limit'], '5000');
      assert.deepEqual(JSON.parse(withToken.body), repo);
      assert.equal(hosts.requests.at(-1)?.headers.authorization, `Bearer ${GITHUB_TEST_TOKEN}`);
    });

    test('the answers read as GitHub means them', async () => {
      const now = RATE_LIMIT_RESET * 1000 - 600_000;
      const read = async (route: RouteEntry) => readGithubAnswer(await get(route), now);
      assert.deepEqual(await read(ROUTES.githubArchivedRepo), {
        state: 'exists',
        fullName: 'archived-org/old-repo',
        archived: true,
        license: 'Apache-2.0',
      });
      assert.equal(((await read(ROUTES.githubNoassertRepo)) as { license?: string }).license, 'NOASSERTION');
      assert.equal(((await read(ROUTES.githubBareRepo)) as { license?: string }).license, undefined);
      assert.equal(((await read(ROUTES.githubGplRepo)) as { license?: string }).license, 'GPL-3.0');
      assert.deepEqual(await read(ROUTES.githubMissingRepo), { state: 'not-found' });
      assert.deepEqual(await read(ROUTES.githubLimitedRepo), { state: 'rate-limited', retryAfter: 600 });
      assert.deepEqual(await read(ROUTES.githubBusyRepo), { state: 'rate-limited', retryAfter: 60 });
      assert.deepEqual(await read(ROUTES.githubErrorRepo), { state: 'unavailable', status: 500 });
    });

    test('errors: the documented bodies', async () => {
      const missing = await get(ROUTES.githubMissingRepo);
      assert.deepEqual(JSON.parse(missing.body), {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository',
        status: '404',
      });
      const limited = await get(ROUTES.githubLimitedRepo);
      assert.equal(limited.headers['x-ratelimit-remaining'], '0');
      assert.match((JSON.parse(limited.body) as { message: string }).message, /^API rate limit exceeded for /);
      const busy = await get(ROUTES.githubBusyRepo);
      assert.equal(busy.headers['retry-after'], '60');
      assert.notEqual(busy.headers['x-ratelimit-remaining'], '0');
      const bad = await get(ROUTES.githubBadCredentials);
      assert.equal((JSON.parse(bad.body) as { message: string }).message, 'Bad credentials');
    });

    test('contents: a directory listing, a file at a ref, a missing path and ref', async () => {
      const dir = await get(ROUTES.githubContentsDir);
      const listing = JSON.parse(dir.body) as Array<{ type: string; path: string; download_url: string | null }>;
      assert.ok(Array.isArray(listing));
      assert.deepEqual(
        listing.map((e) => [e.type, e.path]),
        [
          ['file', 'train/config.yaml'],
          ['file', 'train/train.py'],
        ],
      );
      const file = JSON.parse((await get(ROUTES.githubContentsFile)).body) as {
        type: string;
        encoding: string;
        content: string;
      };
      assert.equal(file.type, 'file');
      assert.equal(file.encoding, 'base64');
      assert.match(Buffer.from(file.content, 'base64').toString('utf8'), /Open Model v1\.0/);
      const main = await fetchOnce(`${hosts.githubApi}/repos/open-org/open-repo/contents/train/train.py?ref=main`);
      assert.notEqual((JSON.parse(main.body) as { sha: string }).sha, (file as unknown as { sha: string }).sha);
      const noRef = JSON.parse((await get(ROUTES.githubContentsMissingRef)).body) as { message: string };
      assert.equal(noRef.message, 'No commit found for the ref no-such-ref');
    });
  });

  describe('web', () => {
    test('ok, HEAD refused with a Range fallback, redirects', async () => {
      const head = await get(ROUTES.webOkHead);
      assert.equal(head.status, 200);
      assert.match(head.headers['content-type'], /^text\/html/);
      const refused = await get(ROUTES.webHeadRefused);
      assert.equal(refused.headers.allow, 'GET');
      const range = await get(ROUTES.webHeadRefusedRange);
      assert.match(range.headers['content-range'], /^bytes 0-0\/\d+$/);
      assert.equal(range.body.length, 1);
      assert.equal((await get(ROUTES.webRedirect)).headers.location, '/web/ok');
      assert.equal((await get(ROUTES.webLoop)).headers.location, '/web/loop');
      assert.equal((await get(ROUTES.webChain)).headers.location, '/web/chain2');
      assert.equal((await fetchOnce(`${hosts.webBase}/chain2`)).headers.location, '/web/ok');
      assert.equal((await get(ROUTES.webError)).headers['retry-after'], '120');
    });

    test('cross-origin: a redirect to the second origin, which records what it gets', async () => {
      const hop = await get(ROUTES.webCrossOrigin);
      assert.equal(hop.headers.location, `${hosts.otherOrigin}/echo`);
      assert.notEqual(new URL(hosts.otherOrigin).port, new URL(hosts.url).port);
      const echo = await fetchOnce(hop.headers.location, { headers: { authorization: 'Bearer leaked' } });
      assert.equal(
        (JSON.parse(echo.body) as { headers: Record<string, string> }).headers.authorization,
        'Bearer leaked',
      );
      assert.equal(hosts.otherRequests.at(-1)?.headers.authorization, 'Bearer leaked');
      assert.equal(hosts.otherRequests.at(-1)?.origin, 'other');
    });
  });

  test('the huge body: Content-Length 64 MiB, streamed, and writing stops when the client goes', async () => {
    const streams = hosts.hugeStreams.length;
    const received = await new Promise<{ length: string | undefined; bytes: number }>((resolve, reject) => {
      const req = request(hosts.url + ROUTES.hubHugeModel.path, { agent: false }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (bytes >= 1024 * 1024) {
            req.destroy();
            resolve({ length: res.headers['content-length'], bytes });
          }
        });
        res.on('error', () => undefined);
      });
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
      req.end();
    });
    assert.equal(received.length, String(HUGE_BODY_BYTES));
    const stream = hosts.hugeStreams[streams];
    assert.equal(await stream.ended, 'aborted');
    assert.ok(stream.bytesWritten < HUGE_BODY_BYTES / 2, `wrote ${stream.bytesWritten} bytes`);
    assert.ok(received.bytes >= 1024 * 1024);
  });

  test('the huge body, read whole, is JSON of exactly HUGE_BODY_BYTES', async () => {
    const reply = await fetchOnce(hosts.url + ROUTES.hubHugeModel.path);
    assert.equal(Buffer.byteLength(reply.body), HUGE_BODY_BYTES);
    const info = JSON.parse(reply.body) as { id: string; siblings: unknown[] };
    assert.equal(info.id, 'huge-org/huge-model');
    assert.ok(info.siblings.length > 100_000);
    assert.equal(await hosts.hugeStreams.at(-1)?.ended, 'complete');
  });
});

describe('stand-in hosts: sockets', () => {
  test('connections are counted, and none without a request', async () => {
    const hosts = await startHostServer();
    try {
      assert.equal(hosts.connections, 0);
      await fetchOnce(hosts.url + ROUTES.webOk.path);
      assert.equal(hosts.connections, 1);
      await fetchOnce(hosts.url + ROUTES.webOk.path);
      assert.equal(hosts.connections, 2);
    } finally {
      await hosts.close();
    }
  });

  test(
    'a route that never answers holds the request until close(), which does not wait for it',
    { timeout: 120_000 },
    async () => {
      const hosts = await startHostServer();
      // Both held requests arrived: the route holds each as it arrives, in the same turn.
      const waiting = new Set<string>([ROUTES.hubSlowModel.path, ROUTES.webSlow.path]);
      const arrived = new Promise<void>((resolve) => {
        const off = hosts.onRequest((r) => {
          waiting.delete(r.path);
          if (waiting.size === 0) {
            off();
            resolve();
          }
        });
      });
      const outcome = fetchOnce(hosts.url + ROUTES.hubSlowModel.path).then(
        () => 'answered',
        (e: NodeJS.ErrnoException) => e.code ?? e.message,
      );
      const web = fetchOnce(hosts.url + ROUTES.webSlow.path).catch(() => 'failed');
      await arrived;
      assert.equal(hosts.hanging, 2);
      // close() settling is the event: a close that waited for the held requests would never settle.
      await hosts.close();
      assert.equal(await outcome, 'ECONNRESET');
      assert.equal(await web, 'failed');
      assert.equal(hosts.hanging, 0);
    },
  );
});
