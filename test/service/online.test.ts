/**
 * Online checks, the part that touches no network: which host a location names, the request
 * for it, and what each documented answer means. Response bodies and headers are written from
 * the hosts' documentation (URLs beside each), never from this code's output.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OnlineAnswer } from '../../server/src/service/online/answer';
import { githubRequest, readGithubAnswer } from '../../server/src/service/online/github';
import { hubRequest, readHubAnswer } from '../../server/src/service/online/hub';
import { onlineTarget } from '../../server/src/service/online/targets';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): OnlineAnswer => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
/** A fixed "now" for Retry-After and x-ratelimit-reset: 2026-12-07T12:00:00Z. */
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

describe('which host a location names', () => {
  const cases: Array<[string, ReturnType<typeof onlineTarget>]> = [
    ['https://huggingface.co/allenai/OLMo-7B', { host: 'hub', kind: 'model', id: 'allenai/OLMo-7B' }],
    ['https://hf.co/allenai/OLMo-7B/', { host: 'hub', kind: 'model', id: 'allenai/OLMo-7B' }],
    ['https://huggingface.co/datasets/allenai/dolma', { host: 'hub', kind: 'dataset', id: 'allenai/dolma' }],
    [
      'https://huggingface.co/allenai/OLMo-7B/tree/main/checkpoints',
      { host: 'hub', kind: 'model', id: 'allenai/OLMo-7B', revision: 'main', path: 'checkpoints' },
    ],
    [
      'https://huggingface.co/datasets/allenai/dolma/blob/v1.7/README.md',
      { host: 'hub', kind: 'dataset', id: 'allenai/dolma', revision: 'v1.7', path: 'README.md', file: true },
    ],
    // Pages of the Hub, and an owner's page: no repository to ask about.
    ['https://huggingface.co/docs/hub/api', undefined],
    ['https://huggingface.co/spaces/owner/demo', undefined],
    ['https://huggingface.co/allenai', undefined],
    ['https://github.com/allenai/OLMo', { host: 'github', owner: 'allenai', repo: 'OLMo' }],
    ['https://github.com/allenai/OLMo.git', { host: 'github', owner: 'allenai', repo: 'OLMo' }],
    [
      'https://github.com/allenai/OLMo/tree/v0.2.0/scripts/train',
      { host: 'github', owner: 'allenai', repo: 'OLMo', ref: 'v0.2.0', path: 'scripts/train' },
    ],
    ['https://github.com/orgs/allenai/repositories', undefined],
    ['https://github.com/allenai', undefined],
    ['https://arxiv.org/abs/2402.00838', { host: 'web', url: 'https://arxiv.org/abs/2402.00838' }],
    ['./weights', undefined],
    ['file:///srv/release/weights', undefined],
    ['TODO', undefined],
  ];
  for (const [location, expected] of cases) {
    test(location, () => assert.deepEqual(onlineTarget(location), expected));
  }
});

describe('Hugging Face Hub: the repository API (https://huggingface.co/docs/hub/api)', () => {
  test('the request: /api/models/{repo_id}, /api/datasets/{repo_id}, at a revision, with a token', () => {
    assert.deepEqual(hubRequest({ kind: 'model', id: 'allenai/OLMo-7B' }), {
      url: 'https://huggingface.co/api/models/allenai/OLMo-7B',
      headers: { Accept: 'application/json' },
    });
    assert.deepEqual(
      hubRequest({ kind: 'dataset', id: 'allenai/dolma', revision: 'v1.7' }, 'https://hf-mirror.com/', 'hf_x'),
      {
        url: 'https://hf-mirror.com/api/datasets/allenai/dolma/revision/v1.7',
        headers: { Accept: 'application/json', Authorization: 'Bearer hf_x' },
      },
    );
  });

  test('a public model: the license from cardData (ModelInfo: cardData, tags, gated, private, disabled)', () => {
    const body = {
      _id: '621ffdc036468d709f174338',
      id: 'openai-community/gpt2',
      private: false,
      gated: false,
      disabled: false,
      tags: ['transformers', 'pytorch', 'license:mit', 'region:us'],
      cardData: { language: 'en', license: 'mit' },
    };
    assert.deepEqual(readHubAnswer(answer(200, body)), {
      state: 'exists',
      gated: false,
      private: false,
      disabled: false,
      license: 'mit',
      licenseName: undefined,
    });
  });

  test('a gated model (gated: "manual"), licensed `other` with a license_name; a license only in the tags', () => {
    const gated = {
      id: 'org/gated',
      private: false,
      gated: 'manual',
      cardData: { license: 'other', license_name: 'acme' },
    };
    assert.deepEqual(readHubAnswer(answer(200, gated)), {
      state: 'exists',
      gated: 'manual',
      private: false,
      disabled: false,
      license: 'other',
      licenseName: 'acme',
    });
    const tagged = { id: 'org/tagged', private: false, gated: 'auto', tags: ['license:apache-2.0'] };
    const read = readHubAnswer(answer(200, tagged));
    assert.equal(read.state === 'exists' && read.license, 'apache-2.0');
    assert.equal(read.state === 'exists' && read.gated, 'auto');
  });

  test('errors as huggingface_hub reads them (hf_raise_for_status)', () => {
    // 401 on a repository URL: missing, or private/gated to an anonymous caller.
    assert.deepEqual(readHubAnswer(answer(401, { error: 'Invalid username or password.' })), { state: 'not-found' });
    assert.deepEqual(
      readHubAnswer(answer(404, { error: 'Repository not found' }, { 'x-error-code': 'RepoNotFound' })),
      {
        state: 'not-found',
      },
    );
    assert.deepEqual(readHubAnswer(answer(404, '', { 'x-error-code': 'RevisionNotFound' })), {
      state: 'revision-not-found',
    });
    assert.deepEqual(readHubAnswer(answer(401, '', { 'x-error-code': 'GatedRepo' })), { state: 'gated-no-access' });
    // DisabledRepoError's example: dataset_info("laion/laion-art") → 403, "Access to this resource is disabled."
    assert.deepEqual(readHubAnswer(answer(403, '', { 'x-error-message': 'Access to this resource is disabled.' })), {
      state: 'disabled',
    });
    assert.deepEqual(readHubAnswer(answer(429, '', { 'retry-after': '120' }), NOW), {
      state: 'rate-limited',
      retryAfter: 120,
    });
    assert.deepEqual(readHubAnswer(answer(503, '<html>down</html>')), { state: 'unavailable', status: 503 });
    assert.deepEqual(readHubAnswer(answer(200, '<!doctype html><title>Hugging Face</title>')), {
      state: 'unexpected',
      status: 200,
    });
  });
});

describe('GitHub: get a repository (https://docs.github.com/en/rest/repos/repos#get-a-repository)', () => {
  test('the request, with the headers GitHub documents and a token', () => {
    assert.deepEqual(githubRequest({ owner: 'allenai', repo: 'OLMo' }, 'https://ghe.example.com/api/v3/', 'ghp_x'), {
      url: 'https://ghe.example.com/api/v3/repos/allenai/OLMo',
      headers: {
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': 'osai-manifest',
        Authorization: 'Bearer ghp_x',
      },
    });
  });

  test('the documented example repository: MIT, not archived', () => {
    const body = {
      id: 1296269,
      name: 'Hello-World',
      full_name: 'octocat/Hello-World',
      archived: false,
      license: { key: 'mit', name: 'MIT License', spdx_id: 'MIT', url: 'https://api.github.com/licenses/mit' },
    };
    assert.deepEqual(readGithubAnswer(answer(200, body)), {
      state: 'exists',
      fullName: 'octocat/Hello-World',
      archived: false,
      license: 'MIT',
    });
  });

  test('archived, a license GitHub cannot name (NOASSERTION), no license at all', () => {
    const other = { key: 'other', name: 'Other', spdx_id: 'NOASSERTION', url: null };
    assert.deepEqual(readGithubAnswer(answer(200, { full_name: 'o/r', archived: true, license: other })), {
      state: 'exists',
      fullName: 'o/r',
      archived: true,
      license: 'NOASSERTION',
    });
    assert.deepEqual(readGithubAnswer(answer(200, { full_name: 'o/r', archived: false, license: null })), {
      state: 'exists',
      fullName: 'o/r',
      archived: false,
      license: undefined,
    });
  });

  test('not found, and the rate limits (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api)', () => {
    const notFound = {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository',
    };
    assert.deepEqual(readGithubAnswer(answer(404, notFound)), { state: 'not-found' });
    // Primary limit: remaining 0, reset at an epoch second (12:10:00Z here, ten minutes after NOW).
    const reset = String(NOW / 1000 + 600);
    const primary = answer(
      403,
      { message: 'API rate limit exceeded' },
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    );
    assert.deepEqual(readGithubAnswer(primary, NOW), { state: 'rate-limited', retryAfter: 600 });
    // Secondary limit: retry-after in seconds.
    assert.deepEqual(readGithubAnswer(answer(429, {}, { 'retry-after': '60' }), NOW), {
      state: 'rate-limited',
      retryAfter: 60,
    });
    assert.deepEqual(readGithubAnswer(answer(403, { message: 'Resource not accessible' })), { state: 'forbidden' });
    assert.deepEqual(readGithubAnswer(answer(502, 'Bad gateway')), { state: 'unavailable', status: 502 });
  });
});
