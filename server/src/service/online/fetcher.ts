/**
 * How the online checks reach a host: through a fetcher the host environment passes in (Node's
 * http/https with proxies in the server and the command line; the browser's `fetch` in the web
 * extension), never on their own — as the evidence reads files through an EvidenceHost.
 */
import type { OnlineAnswer } from './answer';

export interface FetchOptions {
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  /** At most this many bytes of the body are kept; a longer body is a `too-large` failure. */
  maxBytes: number;
  /** Cancels the request (the document changed, the command was cancelled). */
  signal?: AbortSignal;
}

export type FetchFailureReason =
  /** No connection: the name does not resolve, nothing answers (the machine is offline). */
  | 'network'
  /** The host did not answer in time. */
  | 'timeout'
  /** The body is longer than `maxBytes`. */
  | 'too-large'
  /** More redirects than the fetcher follows, or a loop. */
  | 'redirects'
  /** The browser refused to show the answer (CORS), or the request was blocked before it left. */
  | 'blocked'
  /** `signal` was aborted. */
  | 'aborted'
  /** The host's rate limit is used up: not asked again before `retryAfter` seconds (the online client's). */
  | 'rate-limited'
  | 'error';

export type FetchOutcome =
  | {
      kind: 'answer';
      /** Where the answer came from, after redirects. */
      url: string;
      answer: OnlineAnswer;
      /** Answered from the cache, not the network. */
      cached?: boolean;
    }
  | { kind: 'failed'; reason: FetchFailureReason; message: string; retryAfter?: number };

export interface OnlineFetcher {
  /** Never rejects: every failure is an outcome. Redirects are followed (bounded). */
  fetch(url: string, options: FetchOptions): Promise<FetchOutcome>;
}

/** An answer kept between runs (a per-user disk cache), under a key that holds no credential. */
export interface CachedAnswer {
  url: string;
  answer: OnlineAnswer;
  /** When it was fetched (ms since the epoch). */
  storedAt: number;
}

export interface OnlineCacheStore {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, value: CachedAnswer): Promise<void>;
}
