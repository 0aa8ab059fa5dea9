/**
 * The online checks' fetcher in a web worker (VS Code for the Web): the browser's `fetch`. The
 * browser follows redirects itself and shows an answer only when the host allows pages of
 * other origins to read it (CORS): the Hub's and GitHub's APIs do; a page that does not is
 * `blocked`, and the message says so instead of calling the location unreachable.
 */
import type { FetchOptions, FetchOutcome, OnlineFetcher } from '../service';

/** What this file needs of the worker's `fetch` (the project compiles without the DOM library). */
interface BrowserResponse {
  status: number;
  url: string;
  headers: { forEach(callback: (value: string, name: string) => void): void };
  body: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } } | null;
}
type BrowserFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; signal: AbortSignal; redirect: 'follow' },
) => Promise<BrowserResponse>;

export interface BrowserFetchOptions {
  timeoutMs?: number;
  /** The worker's `fetch` (tests pass their own). */
  fetch?: BrowserFetch;
  /** Whether the browser believes it is online (`navigator.onLine`). */
  online?: () => boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function browserFetcher(options: BrowserFetchOptions = {}): OnlineFetcher {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? (globalThis as unknown as { fetch: BrowserFetch }).fetch.bind(globalThis);
  const isOnline =
    options.online ??
    (() => (globalThis as unknown as { navigator?: { onLine?: boolean } }).navigator?.onLine !== false);
  return {
    async fetch(url: string, request: FetchOptions): Promise<FetchOutcome> {
      const host = hostOf(url);
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const abort = () => controller.abort();
      request.signal?.addEventListener('abort', abort, { once: true });
      try {
        const response = await doFetch(url, {
          method: request.method,
          headers: request.headers,
          signal: controller.signal,
          redirect: 'follow',
        });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
        const bytes: Uint8Array[] = [];
        let size = 0;
        const reader = response.body?.getReader();
        while (reader) {
          const { done, value } = await reader.read();
          if (done || !value) break;
          size += value.length;
          if (size > request.maxBytes) {
            await reader.cancel().catch(() => {});
            return {
              kind: 'failed',
              reason: 'too-large',
              message: `${host} answered more than ${request.maxBytes} bytes`,
            };
          }
          bytes.push(value);
        }
        const all = new Uint8Array(size);
        let at = 0;
        for (const chunk of bytes) {
          all.set(chunk, at);
          at += chunk.length;
        }
        return {
          kind: 'answer',
          url: response.url || url,
          answer: { status: response.status, headers, body: new TextDecoder().decode(all) },
        };
      } catch {
        if (request.signal?.aborted) return { kind: 'failed', reason: 'aborted', message: 'cancelled' };
        if (timedOut) return { kind: 'failed', reason: 'timeout', message: `${host} did not answer in time` };
        if (!isOnline()) return { kind: 'failed', reason: 'network', message: 'the browser is offline' };
        // A browser tells a refused cross-origin answer and a failed connection apart to nobody: both are a TypeError.
        return {
          kind: 'failed',
          reason: 'blocked',
          message:
            `the browser could not read ${host}'s answer: the host does not allow pages of other sites to read it ` +
            '(CORS), or it could not be reached; the command line and the desktop editor can check it',
        };
      } finally {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', abort);
      }
    },
  };
}
