/**
 * The Hugging Face Hub's repository API (https://huggingface.co/docs/hub/api: `GET
 * /api/models/{repo_id}`, `GET /api/datasets/{repo_id}`, each optionally at
 * `/revision/{revision}`), read as huggingface_hub reads it (`hf_raise_for_status` in
 * huggingface_hub/utils/_http.py): the `X-Error-Code` and `X-Error-Message` headers first, and a
 * 401 on a repository URL taken as "not found" (the Hub answers it for private and gated
 * repositories to anonymous callers as well as for missing ones).
 */
import { jsonObject, retryAfterSeconds, type OnlineAnswer, type OnlineRequest } from './answer';

export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

export interface HubRepository {
  kind: 'model' | 'dataset';
  id: string;
  revision?: string;
}

export type HubFinding =
  | {
      state: 'exists';
      /** `false`, or how access is granted once the conditions are accepted. */
      gated: false | 'auto' | 'manual';
      private: boolean;
      disabled: boolean;
      /** The license the Hub records: `cardData.license`, else a `license:` tag. */
      license?: string;
      /** `cardData.license_name`, the name given with `license: other`. */
      licenseName?: string;
    }
  | { state: 'not-found' }
  | { state: 'revision-not-found' }
  | { state: 'gated-no-access' }
  | { state: 'disabled' }
  | { state: 'rate-limited'; retryAfter?: number }
  | { state: 'unavailable'; status: number }
  | { state: 'unexpected'; status: number };

/** The request for a repository's information; the token, when given, as a bearer token. */
export function hubRequest(repo: HubRepository, endpoint = DEFAULT_HUB_ENDPOINT, token?: string): OnlineRequest {
  const base = endpoint.replace(/\/+$/, '');
  const id = repo.id.split('/').map(encodeURIComponent).join('/');
  const revision = repo.revision ? `/revision/${encodeURIComponent(repo.revision)}` : '';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return { url: `${base}/api/${repo.kind}s/${id}${revision}`, headers };
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (Array.isArray(value)) return value.find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return undefined;
}

function licenseFrom(info: Record<string, unknown>): { license?: string; licenseName?: string } {
  const card =
    typeof info.cardData === 'object' && info.cardData !== null ? (info.cardData as Record<string, unknown>) : {};
  const tags = Array.isArray(info.tags) ? info.tags.filter((t): t is string => typeof t === 'string') : [];
  const tagged = tags.find((t) => t.startsWith('license:'))?.slice('license:'.length);
  return { license: firstString(card.license) ?? (tagged || undefined), licenseName: firstString(card.license_name) };
}

/** What an answer to hubRequest says about the repository. */
export function readHubAnswer(answer: OnlineAnswer, now = Date.now()): HubFinding {
  const { status, headers } = answer;
  if (status >= 200 && status < 300) {
    const info = jsonObject(answer.body);
    if (!info) return { state: 'unexpected', status };
    const gated = info.gated === 'auto' || info.gated === 'manual' ? info.gated : false;
    return {
      state: 'exists',
      gated,
      private: info.private === true,
      disabled: info.disabled === true,
      ...licenseFrom(info),
    };
  }
  const code = headers['x-error-code'];
  if (code === 'RevisionNotFound') return { state: 'revision-not-found' };
  if (code === 'GatedRepo') return { state: 'gated-no-access' };
  if (headers['x-error-message'] === 'Access to this resource is disabled.') return { state: 'disabled' };
  if (code === 'RepoNotFound' || status === 401 || status === 404) return { state: 'not-found' };
  if (status === 429) return { state: 'rate-limited', retryAfter: retryAfterSeconds(headers['retry-after'], now) };
  if (status >= 500) return { state: 'unavailable', status };
  return { state: 'unexpected', status };
}
