/**
 * The web worker's fetcher, driven by a stand-in `fetch` with the browser's behaviour: a
 * response whose host allows no other origin, like a connection that fails, rejects with a
 * TypeError (the Fetch standard's "network error"), so the fetcher cannot tell them apart and
 * says so; an offline browser (`navigator.onLine` false) is no connection.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserFetcher } from '../../server/src/host/browserFetch';

const GET = { method: 'GET' as const, headers: { Accept: 'application/json' }, maxBytes: 16 };

function response(status: number, chunks: string[], url = 'https://huggingface.co/api/models/a/b') {
  const encoded = chunks.map((c) => new TextEncoder().encode(c));
  let cancelled = false;
  return {
    cancelled: () => cancelled,
    value: {
      status,
      url,
      headers: new Map([['X-Error-Code', 'RepoNotFound']]),
      body: {
        getReader: () => ({
          read: async () => (encoded.length ? { done: false, value: encoded.shift() } : { done: true }),
          cancel: async () => {
            cancelled = true;
          },
        }),
      },
    },
  };
}

describe('the browser fetcher', () => {
  test('an answer: status, headers in lower case, the body as text, the final URL', async () => {
    const r = response(404, ['{"error":', '"x"}']);
    const fetcher = browserFetcher({ fetch: async () => r.value as never });
    assert.deepEqual(await fetcher.fetch('https://huggingface.co/api/models/a/b', GET), {
      kind: 'answer',
      url: 'https://huggingface.co/api/models/a/b',
      answer: { status: 404, headers: { 'x-error-code': 'RepoNotFound' }, body: '{"error":"x"}' },
    });
  });

  test('more than maxBytes: too large, and the rest is not read', async () => {
    const r = response(200, ['0123456789', '0123456789', 'never read']);
    const outcome = await browserFetcher({ fetch: async () => r.value as never }).fetch('https://h.example/x', GET);
    assert.equal(outcome.kind === 'failed' && outcome.reason, 'too-large');
    assert.equal(r.cancelled(), true);
  });

  test('a refused cross-origin answer (a TypeError): blocked, saying what the browser cannot tell', async () => {
    const fetcher = browserFetcher({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      online: () => true,
    });
    const outcome = await fetcher.fetch('https://example.org/paper', GET);
    assert.equal(outcome.kind, 'failed');
    assert.equal(outcome.kind === 'failed' && outcome.reason, 'blocked');
    assert.match(
      outcome.kind === 'failed' ? outcome.message : '',
      /^the browser could not read example\.org's answer: the host does not allow pages of other sites to read it \(CORS\), or it could not be reached/,
    );
  });

  test('an offline browser: no connection', async () => {
    const fetcher = browserFetcher({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      online: () => false,
    });
    const outcome = await fetcher.fetch('https://example.org/paper', GET);
    assert.equal(outcome.kind === 'failed' && outcome.reason, 'network');
  });

  test('cancelled by the caller, and no answer in time', async () => {
    // A fetch that settles only when its signal aborts, as the browser's does.
    const hanging = (_url: string, init: { signal: AbortSignal }) =>
      new Promise<never>((_resolve, reject) =>
        init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const controller = new AbortController();
    const cancelled = browserFetcher({ fetch: hanging as never }).fetch('https://h.example/x', {
      ...GET,
      signal: controller.signal,
    });
    controller.abort();
    const outcome = await cancelled;
    assert.equal(outcome.kind === 'failed' && outcome.reason, 'aborted');
    const timedOut = await browserFetcher({ fetch: hanging as never, timeoutMs: 1 }).fetch('https://h.example/x', GET);
    assert.equal(timedOut.kind === 'failed' && timedOut.reason, 'timeout');
  });
});
