/**
 * GitHub's REST API for a repository (https://docs.github.com/en/rest/repos/repos#get-a-repository:
 * `GET /repos/{owner}/{repo}`), with its rate limits as GitHub documents them
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api): a 403 or
 * 429 with `x-ratelimit-remaining: 0` waits until `x-ratelimit-reset`; with `retry-after`, that many
 * seconds. `GITHUB_API_URL` (as GitHub Actions sets it) points the checks at GitHub Enterprise.
 */
import { jsonObject, retryAfterSeconds, type OnlineAnswer, type OnlineRequest } from './answer';

export const DEFAULT_GITHUB_API = 'https://api.github.com';

export type GithubFinding =
  | {
      state: 'exists';
      fullName: string;
      archived: boolean;
      /** `license.spdx_id` as GitHub detected it; `NOASSERTION` when it found a license it cannot name. */
      license?: string;
    }
  | { state: 'not-found' }
  | { state: 'rate-limited'; retryAfter?: number }
  | { state: 'forbidden' }
  | { state: 'unavailable'; status: number }
  | { state: 'unexpected'; status: number };

/** The request for a repository; GitHub asks every caller for a User-Agent. */
export function githubRequest(
  repo: { owner: string; repo: string },
  api = DEFAULT_GITHUB_API,
  token?: string,
  userAgent = 'osai-manifest',
): OnlineRequest {
  const base = api.replace(/\/+$/, '');
  const headers: Record<string, string> = {
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': userAgent,
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  return { url: `${base}/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}`, headers };
}

function rateLimited(answer: OnlineAnswer, now: number): GithubFinding | undefined {
  const { headers } = answer;
  if (headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return {
      state: 'rate-limited',
      retryAfter: Number.isFinite(reset) ? Math.max(0, reset - Math.floor(now / 1000)) : undefined,
    };
  }
  const retryAfter = retryAfterSeconds(headers['retry-after'], now);
  if (retryAfter !== undefined || answer.status === 429) return { state: 'rate-limited', retryAfter };
  return undefined;
}

/** What an answer to githubRequest says about the repository. */
export function readGithubAnswer(answer: OnlineAnswer, now = Date.now()): GithubFinding {
  const { status } = answer;
  if (status >= 200 && status < 300) {
    const info = jsonObject(answer.body);
    if (!info || typeof info.full_name !== 'string') return { state: 'unexpected', status };
    const license =
      typeof info.license === 'object' && info.license !== null ? (info.license as Record<string, unknown>) : {};
    const spdx = typeof license.spdx_id === 'string' && license.spdx_id ? license.spdx_id : undefined;
    return { state: 'exists', fullName: info.full_name, archived: info.archived === true, license: spdx };
  }
  if (status === 403 || status === 429) return rateLimited(answer, now) ?? { state: 'forbidden' };
  if (status === 404 || status === 410) return { state: 'not-found' };
  if (status >= 500) return { state: 'unavailable', status };
  return { state: 'unexpected', status };
}
