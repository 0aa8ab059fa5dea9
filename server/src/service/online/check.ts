/**
 * One location asked of its host: the Hub's repository API (and the file or folder a URL
 * names in it), GitHub's repository API (and the path), or a HEAD request to any other page
 * (a GET of one byte where HEAD is refused). What the host answers is read as its own clients
 * read it (hub.ts, github.ts); what no host answered is `unanswered`, never a finding about
 * the release.
 */
import type { FetchFailureReason, FetchOutcome } from './fetcher';
import { hostOf, type OnlineClient } from './client';
import { githubRequest, readGithubAnswer, type GithubFinding } from './github';
import { hubRequest, readHubAnswer, type HubFinding } from './hub';
import type { OnlineTarget } from './targets';

export type Unanswered = {
  kind: 'unanswered';
  /**
   * Why: the fetcher's reason, or the host's own failure (`unavailable`: a 5xx; `unexpected`: an answer not
   * understood).
   */
  reason: FetchFailureReason | 'unavailable' | 'unexpected';
  host: string;
  message: string;
  retryAfter?: number;
};

export type OnlineResult =
  | {
      kind: 'hub';
      finding: Extract<
        HubFinding,
        { state: 'exists' | 'not-found' | 'revision-not-found' | 'gated-no-access' | 'disabled' }
      >;
      /** The file or folder the URL names, when it names one and the repository is there. */
      path?: 'exists' | 'missing' | 'unknown';
    }
  | {
      kind: 'github';
      finding: Extract<GithubFinding, { state: 'exists' | 'not-found' | 'forbidden' }>;
      path?: 'exists' | 'missing' | 'unknown';
    }
  | {
      kind: 'web';
      /** `restricted`: the host answers only signed-in callers (401, 403), which says nothing of the page. */
      state: 'reachable' | 'not-found' | 'restricted';
      status: number;
      /** Where the redirects ended. */
      url: string;
    }
  | Unanswered;

export interface CheckedLocation {
  result: OnlineResult;
  /** Every answer came from the cache. */
  cached: boolean;
}

const API_BYTES = 1024 * 1024;
/** A page asked with a GET where HEAD is refused: its first bytes are enough. */
const PAGE_BYTES = 64 * 1024;

function unanswered(outcome: Extract<FetchOutcome, { kind: 'failed' }>, url: string): Unanswered {
  return {
    kind: 'unanswered',
    reason: outcome.reason,
    host: hostOf(url),
    message: outcome.message,
    ...(outcome.retryAfter !== undefined ? { retryAfter: outcome.retryAfter } : {}),
  };
}

function hostFailure(
  finding: { state: 'rate-limited'; retryAfter?: number } | { state: 'unavailable' | 'unexpected'; status: number },
  url: string,
): Unanswered {
  const host = hostOf(url);
  if (finding.state === 'rate-limited')
    return {
      kind: 'unanswered',
      reason: 'rate-limited',
      host,
      message: `${host} answered that its rate limit is used up`,
      ...(finding.retryAfter !== undefined ? { retryAfter: finding.retryAfter } : {}),
    };
  return {
    kind: 'unanswered',
    reason: finding.state,
    host,
    message:
      finding.state === 'unavailable'
        ? `${host} answered ${finding.status} (a failure on its side)`
        : `${host} answered ${finding.status}, which these checks do not understand`,
  };
}

export async function checkLocation(
  where: OnlineTarget,
  client: OnlineClient,
  signal?: AbortSignal,
): Promise<CheckedLocation> {
  let cached = true;
  const get = async (
    url: string,
    headers: Record<string, string>,
    method: 'GET' | 'HEAD' = 'GET',
    maxBytes = API_BYTES,
  ) => {
    const outcome = await client.fetch(url, { method, headers, maxBytes, ...(signal ? { signal } : {}) });
    if (outcome.kind !== 'answer' || !outcome.cached) cached = false;
    return outcome;
  };
  const result = await check(where, client, get);
  return { result, cached };
}

type Get = (
  url: string,
  headers: Record<string, string>,
  method?: 'GET' | 'HEAD',
  maxBytes?: number,
) => Promise<FetchOutcome>;

async function check(where: OnlineTarget, client: OnlineClient, get: Get): Promise<OnlineResult> {
  const { config } = client;
  switch (where.host) {
    case 'hub': {
      const request = hubRequest(where, config.hubEndpoint);
      const outcome = await get(request.url, request.headers);
      if (outcome.kind === 'failed') return unanswered(outcome, request.url);
      const finding = readHubAnswer(outcome.answer, client.now());
      if (finding.state === 'rate-limited' || finding.state === 'unavailable' || finding.state === 'unexpected')
        return hostFailure(finding, request.url);
      if (finding.state !== 'exists' || !where.path) return { kind: 'hub', finding };
      return { kind: 'hub', finding, path: await hubPath(where, config.hubEndpoint, get) };
    }
    case 'github': {
      const request = githubRequest(where, config.githubApi);
      const outcome = await get(request.url, request.headers);
      if (outcome.kind === 'failed') return unanswered(outcome, request.url);
      const finding = readGithubAnswer(outcome.answer, client.now());
      if (finding.state === 'rate-limited' || finding.state === 'unavailable' || finding.state === 'unexpected')
        return hostFailure(finding, request.url);
      if (finding.state !== 'exists' || !where.path) return { kind: 'github', finding };
      const path = where.path.split('/').map(encodeURIComponent).join('/');
      const ref = where.ref ? `?ref=${encodeURIComponent(where.ref)}` : '';
      const contents = await get(`${request.url}/contents/${path}${ref}`, request.headers);
      return { kind: 'github', finding, path: pathState(contents) };
    }
    case 'web':
      return web(where.url, get);
  }
}

/**
 * A file at a revision is asked where huggingface_hub downloads it (`/{repo}/resolve/{revision}/{path}`, HEAD); a
 * folder through the repository tree API (`/api/{kind}s/{repo}/tree/{revision}/{path}`).
 */
async function hubPath(
  where: Extract<OnlineTarget, { host: 'hub' }>,
  endpoint: string,
  get: Get,
): Promise<'exists' | 'missing' | 'unknown'> {
  const id = where.id.split('/').map(encodeURIComponent).join('/');
  const revision = encodeURIComponent(where.revision ?? 'main');
  const path = (where.path ?? '').split('/').map(encodeURIComponent).join('/');
  const prefix = where.kind === 'dataset' ? 'datasets/' : '';
  const url = where.file
    ? `${endpoint}/${prefix}${id}/resolve/${revision}/${path}`
    : `${endpoint}/api/${where.kind}s/${id}/tree/${revision}/${path}`;
  return pathState(await get(url, { Accept: 'application/json' }, where.file ? 'HEAD' : 'GET'));
}

function pathState(outcome: FetchOutcome): 'exists' | 'missing' | 'unknown' {
  if (outcome.kind !== 'answer') return 'unknown';
  const { status } = outcome.answer;
  if (status >= 200 && status < 400) return 'exists';
  if (status === 404 || status === 410) return 'missing';
  return 'unknown';
}

async function web(url: string, get: Get): Promise<OnlineResult> {
  let outcome = await get(url, { Accept: '*/*' }, 'HEAD', PAGE_BYTES);
  // Some hosts refuse HEAD (405, 501) or answer it wrongly (400): one byte by GET says the same.
  if (outcome.kind === 'answer' && [400, 403, 405, 501].includes(outcome.answer.status))
    outcome = await get(url, { Accept: '*/*', Range: 'bytes=0-0' }, 'GET', PAGE_BYTES);
  if (outcome.kind === 'failed') return unanswered(outcome, url);
  const { status } = outcome.answer;
  if (status >= 200 && status < 400) return { kind: 'web', state: 'reachable', status, url: outcome.url };
  if (status === 404 || status === 410) return { kind: 'web', state: 'not-found', status, url: outcome.url };
  if (status === 401 || status === 403) return { kind: 'web', state: 'restricted', status, url: outcome.url };
  if (status === 429) return hostFailure({ state: 'rate-limited' }, url);
  return hostFailure({ state: status >= 500 ? 'unavailable' : 'unexpected', status }, url);
}
