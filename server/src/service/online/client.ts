/**
 * The online checks' one way out: a fetcher wrapped with what makes the checks polite and safe
 * whatever host environment passes the fetcher in — a few requests at a time per host, the
 * per-user cache, a host's rate limit remembered (once it says stop, it is not asked again
 * until it said to), and each token sent to its own host only.
 */
import type { OnlineAnswer } from './answer';
import { retryAfterSeconds } from './answer';
import type { FetchOptions, FetchOutcome, OnlineCacheStore, OnlineFetcher } from './fetcher';
import { DEFAULT_GITHUB_API } from './github';
import { DEFAULT_HUB_ENDPOINT } from './hub';

export interface OnlineConfig {
  /** The Hub, or a mirror of it (`HF_ENDPOINT`). */
  hubEndpoint: string;
  /** GitHub's REST API, or GitHub Enterprise's (`GITHUB_API_URL`). */
  githubApi: string;
  /** Sent to `hubEndpoint` only (`HF_TOKEN`). */
  hubToken?: string;
  /** Sent to `githubApi` only (`GITHUB_TOKEN`). */
  githubToken?: string;
  /** Answers younger than this come from the cache. */
  cacheTtlMs: number;
  /** Ask every host again, and keep the new answers (`--refresh`). */
  refresh: boolean;
  /** Requests in flight to one host at most. */
  perHost: number;
}

export const DEFAULT_CACHE_TTL_MS = 60 * 60 * 1000;

export const defaultOnlineConfig: OnlineConfig = {
  hubEndpoint: DEFAULT_HUB_ENDPOINT,
  githubApi: DEFAULT_GITHUB_API,
  cacheTtlMs: DEFAULT_CACHE_TTL_MS,
  refresh: false,
  perHost: 4,
};

/** A non-empty value of an environment variable. */
function variable(env: Readonly<Record<string, string | undefined>>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * The configuration the environment gives, read as the ecosystem's own tools read it:
 * huggingface_hub (`HF_ENDPOINT`, `HF_TOKEN`, its older `HUGGING_FACE_HUB_TOKEN`), GitHub
 * Actions and the `gh` command line (`GITHUB_API_URL`, `GITHUB_TOKEN`, `GH_TOKEN`).
 */
export function onlineConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  overrides: Partial<OnlineConfig> = {},
): OnlineConfig {
  const fromEnv: Partial<OnlineConfig> = {
    hubEndpoint: variable(env, 'HF_ENDPOINT'),
    githubApi: variable(env, 'GITHUB_API_URL'),
    hubToken: variable(env, 'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN'),
    githubToken: variable(env, 'GITHUB_TOKEN', 'GH_TOKEN'),
  };
  const config: OnlineConfig = { ...defaultOnlineConfig };
  for (const source of [fromEnv, overrides])
    for (const [key, value] of Object.entries(source))
      if (value !== undefined && value !== '') (config as unknown as Record<string, unknown>)[key] = value;
  config.hubEndpoint = config.hubEndpoint.replace(/\/+$/, '');
  config.githubApi = config.githubApi.replace(/\/+$/, '');
  return config;
}

export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The host name a message shows for a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export interface ClientRequest {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  /** Default: 1 MiB. */
  maxBytes?: number;
  signal?: AbortSignal;
}

const DEFAULT_MAX_BYTES = 1024 * 1024;
/** How long a host that said "too many requests" without saying how long is left alone. */
const DEFAULT_BACKOFF_S = 60;

export class OnlineClient {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  /** Per service (serviceOf): until when (ms) its rate limit is used up. */
  private readonly blockedUntil = new Map<string, number>();
  /** Requests that reached a host (answers, from the network or the cache); and those that found no network. */
  answered = 0;
  unreachable = 0;

  constructor(
    private readonly fetcher: OnlineFetcher,
    readonly config: OnlineConfig,
    private readonly cache?: OnlineCacheStore,
    /** The clock (ms): rate limits, the cache's time to live, when the hosts were asked. */
    readonly now: () => number = () => Date.now(),
  ) {}

  /**
   * The service a URL belongs to: the Hub endpoint or GitHub's API when it is under one (a mirror may share its host
   * with other things), else its origin. Tokens, rate limits and the requests in flight are counted per service.
   */
  private serviceOf(url: string): string | undefined {
    for (const base of [this.config.hubEndpoint, this.config.githubApi])
      if (url.startsWith(`${base}/`) && originOf(url) === originOf(base)) return base;
    return originOf(url);
  }

  /** Until when (ms) the host of `url` is not asked, its rate limit used up; undefined when it may be asked. */
  rateLimitedUntil(url: string): number | undefined {
    const until = this.blockedUntil.get(this.serviceOf(url) ?? url);
    return until !== undefined && until > this.now() ? until : undefined;
  }

  async fetch(url: string, request: ClientRequest = {}): Promise<FetchOutcome> {
    const service = this.serviceOf(url);
    if (!service) return { kind: 'failed', reason: 'error', message: `${url} is not a URL` };
    const method = request.method ?? 'GET';
    const headers = this.withCredentials(service, request.headers ?? {});
    const authorized = 'Authorization' in headers;
    const key = `${method} ${url}${authorized ? ' (with a token)' : ''}`;
    if (this.cache && !this.config.refresh) {
      const hit = await this.cache.get(key).catch(() => undefined);
      if (hit && this.now() - hit.storedAt < this.config.cacheTtlMs && this.now() >= hit.storedAt) {
        this.answered++;
        return { kind: 'answer', url: hit.url, answer: hit.answer, cached: true };
      }
    }
    if (request.signal?.aborted) return { kind: 'failed', reason: 'aborted', message: 'cancelled' };
    await this.slot(service);
    let outcome: FetchOutcome;
    try {
      // Asked after the wait for a slot: a request that waited behind the one told to stop is not sent.
      const blocked = this.rateLimitedUntil(url);
      if (blocked !== undefined)
        return {
          kind: 'failed',
          reason: 'rate-limited',
          message: `${hostOf(url)} asked for no more requests until ${new Date(blocked).toISOString()}`,
          retryAfter: Math.ceil((blocked - this.now()) / 1000),
        };
      if (request.signal?.aborted) return { kind: 'failed', reason: 'aborted', message: 'cancelled' };
      const options: FetchOptions = {
        method,
        headers,
        maxBytes: request.maxBytes ?? DEFAULT_MAX_BYTES,
        ...(request.signal ? { signal: request.signal } : {}),
      };
      outcome = await this.fetcher.fetch(url, options).catch((error: unknown): FetchOutcome => ({
        kind: 'failed',
        reason: 'error',
        message: error instanceof Error ? error.message : String(error),
      }));
    } finally {
      this.release(service);
    }
    if (outcome.kind === 'failed') {
      if (outcome.reason === 'network') this.unreachable++;
      return outcome;
    }
    this.answered++;
    const until = this.rateLimit(outcome.answer);
    if (until !== undefined) {
      this.blockedUntil.set(service, until);
      return outcome;
    }
    // What the host said for good is kept: not its failures, which the next run asks again.
    if (this.cache && outcome.answer.status < 500)
      await this.cache.set(key, { url: outcome.url, answer: outcome.answer, storedAt: this.now() }).catch(() => {});
    return outcome;
  }

  /** A token goes to its own service only: the Hub's to the Hub endpoint, GitHub's to its API. */
  private withCredentials(service: string, headers: Record<string, string>): Record<string, string> {
    const out = Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
    const token =
      service === this.config.hubEndpoint
        ? this.config.hubToken
        : service === this.config.githubApi
          ? this.config.githubToken
          : undefined;
    if (token) out.Authorization = `Bearer ${token}`;
    return out;
  }

  /**
   * Until when a host said to stop: a 429, or a 403 with its rate limit at 0 (GitHub's
   * `x-ratelimit-remaining`, `x-ratelimit-reset`), or `Retry-After` on either.
   */
  private rateLimit(answer: OnlineAnswer): number | undefined {
    const now = this.now();
    const { status, headers } = answer;
    const exhausted = headers['x-ratelimit-remaining'] === '0';
    if (status !== 429 && !(status === 403 && (exhausted || headers['retry-after'] !== undefined))) return undefined;
    const retryAfter = retryAfterSeconds(headers['retry-after'], now);
    if (retryAfter !== undefined) return now + retryAfter * 1000;
    const reset = Number(headers['x-ratelimit-reset']);
    if (exhausted && Number.isFinite(reset) && reset * 1000 > now) return reset * 1000;
    return now + DEFAULT_BACKOFF_S * 1000;
  }

  private async slot(service: string): Promise<void> {
    const busy = this.active.get(service) ?? 0;
    if (busy < this.config.perHost) {
      this.active.set(service, busy + 1);
      return;
    }
    await new Promise<void>((resolve) => {
      const queue = this.waiting.get(service) ?? [];
      queue.push(resolve);
      this.waiting.set(service, queue);
    });
  }

  private release(service: string): void {
    const next = this.waiting.get(service)?.shift();
    if (next)
      next(); // the slot passes on
    else this.active.set(service, (this.active.get(service) ?? 1) - 1);
  }
}
