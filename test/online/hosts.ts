/**
 * A local HTTP server that stands in for the Hugging Face Hub, GitHub's REST API and arbitrary web
 * hosts in the online tests (there is no internet here): point the code at it with
 * `HF_ENDPOINT=<hubEndpoint>` and `GITHUB_API_URL=<githubApi>`, and use `<webBase>/…` as plain web
 * locations. Every body and header is written from the hosts' public documentation, from the
 * clients that read them, or from recorded real answers, never from this project's code:
 *
 * Hugging Face Hub
 * - https://huggingface.co/docs/hub/api — `GET /api/models/{repo_id}[/revision/{revision}]`,
 *   `GET /api/datasets/{repo_id}[/revision/{revision}]`.
 * - https://huggingface.co/docs/huggingface_hub/package_reference/hf_api — ModelInfo, DatasetInfo,
 *   RepoSibling (the JSON keys are those `ModelInfo.__init__` / `DatasetInfo.__init__` pop in
 *   huggingface_hub/hf_api.py: `_id`, `id`, `author`, `sha`, `lastModified`, `createdAt`, `private`,
 *   `gated`, `disabled`, `downloads`, `likes`, `library_name`, `pipeline_tag`, `tags`, `cardData`,
 *   `siblings[].rfilename`, `usedStorage`); the key order and `modelId` follow the real
 *   `/api/models/google-bert/bert-base-uncased` answer recorded in huggingface_hub's
 *   tests/cassettes/InferenceApiTest.test_simple_inference.yaml.
 * - https://huggingface.co/docs/hub/models-gated, https://huggingface.co/docs/hub/datasets-gated —
 *   `gated: "auto" | "manual"`, `extra_gated_prompt`, `extra_gated_fields`.
 * - https://huggingface.co/docs/hub/model-cards, https://huggingface.co/docs/hub/datasets-cards
 *   (and hub-docs' modelcard.md / datasetcard.md) — card metadata: `license`, `license_name`,
 *   `license_link`, `datasets`, `base_model`, `pipeline_tag`, `task_categories`, `size_categories`.
 * - https://huggingface.co/docs/hub/repositories-licenses — license identifiers.
 * - huggingface_hub `hf_raise_for_status` (src/huggingface_hub/utils/_http.py) and the examples in
 *   src/huggingface_hub/errors.py — `X-Error-Code` (RepoNotFound, RevisionNotFound, EntryNotFound,
 *   GatedRepo), `X-Error-Message` ("Access to this resource is disabled."), and the 401 an anonymous
 *   caller gets for a missing repository ("Invalid username or password.", the server message in
 *   RepositoryNotFoundError's docstring). huggingface_hub maps that 401 to RepoNotFound by itself
 *   *because* the Hub sends it without `X-Error-Code` (captures of the live Hub agree).
 * - file downloads: `{endpoint}/{repo_id}/resolve/{revision}/{filename}` (constants.py
 *   HUGGINGFACE_CO_URL_TEMPLATE; `datasets/` before the id for datasets), `X-Repo-Commit` and `ETag`
 *   (the git blob sha-1 for a regular file) as file_download.py reads them.
 *
 * GitHub REST API
 * - https://docs.github.com/en/rest/repos/repos#get-a-repository — the repository object (fields and
 *   the `license` object as in the documented example).
 * - https://docs.github.com/en/rest/licenses — license keys, names, SPDX ids; `other` /
 *   `NOASSERTION` with `url: null` for a license Licensee cannot name.
 * - https://docs.github.com/en/rest/repos/contents#get-repository-content — directory listing and
 *   file object (`type`, `name`, `path`, `sha`, `size`, `url`, `html_url`, `git_url`,
 *   `download_url`, `_links`, and `content` + `encoding: "base64"` for a file).
 * - https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api — 60 requests an
 *   hour unauthenticated, 5,000 with a token; `x-ratelimit-limit/-remaining/-used/-reset/-resource`;
 *   a 403 or 429 with `x-ratelimit-remaining: 0` (primary) or with `retry-after` (secondary).
 * - error bodies `{"message", "documentation_url", "status"}` as api.github.com sends them today.
 *
 * Web
 * - RFC 9110: 301/302 + Location, 405 + Allow, 206 + Content-Range, 410, 503 + Retry-After.
 *
 * Assumptions (not found in the documentation; kept plausible and marked where they are used): the
 * README.md (model card) of a gated repository is served to anyone while its other files answer
 * GatedRepo; the resolve endpoint's `Content-Type` for text files; the bodies of 5xx answers.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The Hub token the private model accepts (`Authorization: Bearer hf_test_token`). */
export const HF_TEST_TOKEN = 'hf_test_token';
/** The GitHub token the API accepts (`Authorization: Bearer ghp_test_token`); any other is "Bad credentials". */
export const GITHUB_TEST_TOKEN = 'ghp_test_token';
/** `x-ratelimit-reset` on every GitHub answer, in UTC epoch seconds: 2026-12-07T12:00:00Z. */
export const RATE_LIMIT_RESET = 1796644800;
/** The length of the huge body (`huge-org/huge-model`), streamed, never held in memory. */
export const HUGE_BODY_BYTES = 64 * 1024 * 1024;

export interface RecordedRequest {
  /** Which listener took it: the main server or the second origin (`otherOrigin`). */
  origin: 'main' | 'other';
  method: string;
  /** Path with the query, as sent (e.g. `/hub/api/models/open-org/open-model`). */
  path: string;
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Record<string, string>;
}

/** One streaming of a huge body: how far it got and how it ended. */
export interface HugeStream {
  path: string;
  bytesWritten: number;
  /** `complete` when every byte went out, `aborted` when the client went away first. */
  ended: Promise<'complete' | 'aborted'>;
}

export interface HostServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** `${url}/hub`: HF_ENDPOINT. */
  hubEndpoint: string;
  /** `${url}/github-api`: GITHUB_API_URL. */
  githubApi: string;
  /** `${url}/web`. */
  webBase: string;
  /** A second listener on another port (`/echo` records what arrives): `/web/cross-origin` redirects there. */
  otherOrigin: string;
  /** Every request the main server received, in order. */
  requests: RecordedRequest[];
  /** Every request the second origin received. */
  otherRequests: RecordedRequest[];
  /** TCP connections accepted so far, by both listeners. */
  readonly connections: number;
  /** Requests held open by a route that never answers (`slow-…`), not yet closed. */
  readonly hanging: number;
  /** The huge bodies streamed so far. */
  hugeStreams: HugeStream[];
  /** Called with each request (either origin) as it arrives; returns the unsubscribe. */
  onRequest(listener: (request: RecordedRequest) => void): () => void;
  /**
   * Called when a request a `slow-…` route holds is closed by its client (cancelled, timed out); returns the
   * unsubscribe.
   */
  onHeldClosed(listener: (path: string) => void): () => void;
  /** Stops both listeners, destroying every open socket (held requests included): never hangs. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

export interface RouteEntry {
  host: 'hub' | 'github' | 'web';
  /** Path on the server (append to `url`); the method is GET unless `method` says otherwise. */
  path: string;
  method?: 'GET' | 'HEAD';
  /** Request headers the entry assumes (a token). */
  headers?: Record<string, string>;
  /** The status it answers, or `hangs`. */
  status: number | 'hangs';
  /** The location a manifest would name for it (the Hub or GitHub address it stands for). */
  location?: string;
  /** What it stands for. */
  standsFor: string;
}

const hf = (id: string): string => `https://huggingface.co/${id}`;
const gh = (id: string): string => `https://github.com/${id}`;
const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** Every route, by name: tests and docs refer to these. */
export const ROUTES = {
  // Hub: repository information (https://huggingface.co/docs/hub/api).
  hubOpenModel: {
    host: 'hub',
    path: '/hub/api/models/open-org/open-model',
    status: 200,
    location: hf('open-org/open-model'),
    standsFor: 'a public model, apache-2.0, not gated; card names three datasets and a base model',
  },
  hubOpenModelV1: {
    host: 'hub',
    path: '/hub/api/models/open-org/open-model/revision/v1.0',
    status: 200,
    location: hf('open-org/open-model/tree/v1.0'),
    standsFor: 'the same model at tag v1.0: another sha, licensed mit',
  },
  hubOpenModelNoSuchRevision: {
    host: 'hub',
    path: '/hub/api/models/open-org/open-model/revision/no-such-rev',
    status: 404,
    location: hf('open-org/open-model/tree/no-such-rev'),
    standsFor: 'a revision that does not exist (X-Error-Code: RevisionNotFound)',
  },
  hubBaseModel: {
    host: 'hub',
    path: '/hub/api/models/open-org/base-model',
    status: 200,
    location: hf('open-org/base-model'),
    standsFor: "the open model's base model, apache-2.0",
  },
  hubGatedModel: {
    host: 'hub',
    path: '/hub/api/models/gated-org/gated-model',
    status: 200,
    location: hf('gated-org/gated-model'),
    standsFor: 'a gated model (gated: "manual"), license other + license_name llama3',
  },
  hubNcModel: {
    host: 'hub',
    path: '/hub/api/models/mismatch-org/nc-model',
    status: 200,
    location: hf('mismatch-org/nc-model'),
    standsFor: 'a public model the Hub records as cc-by-nc-4.0 (for a manifest that says otherwise)',
  },
  hubMissingModel: {
    host: 'hub',
    path: '/hub/api/models/missing-org/missing-model',
    status: 401,
    location: hf('missing-org/missing-model'),
    standsFor: 'a model that does not exist, asked anonymously: 401 "Invalid username or password."',
  },
  hubMissingModelWithToken: {
    host: 'hub',
    path: '/hub/api/models/missing-org/missing-model',
    headers: bearer(HF_TEST_TOKEN),
    status: 404,
    location: hf('missing-org/missing-model'),
    standsFor: 'the same, asked with a token: 404 X-Error-Code: RepoNotFound',
  },
  hubGoneModel: {
    host: 'hub',
    path: '/hub/api/models/gone-org/gone-model',
    status: 404,
    location: hf('gone-org/gone-model'),
    standsFor: 'a model that is not found (404 X-Error-Code: RepoNotFound), whoever asks',
  },
  hubPrivateModel: {
    host: 'hub',
    path: '/hub/api/models/private-org/private-model',
    status: 401,
    location: hf('private-org/private-model'),
    standsFor: 'a private model asked anonymously: the same 401 as a missing one',
  },
  hubPrivateModelWithToken: {
    host: 'hub',
    path: '/hub/api/models/private-org/private-model',
    headers: bearer(HF_TEST_TOKEN),
    status: 200,
    location: hf('private-org/private-model'),
    standsFor: 'the private model with hf_test_token: private: true, mit',
  },
  hubDisabledModel: {
    host: 'hub',
    path: '/hub/api/models/disabled-org/disabled-model',
    status: 403,
    location: hf('disabled-org/disabled-model'),
    standsFor: 'a disabled repository: 403 X-Error-Message "Access to this resource is disabled."',
  },
  hubErrorModel: {
    host: 'hub',
    path: '/hub/api/models/error-org/error-model',
    status: 500,
    location: hf('error-org/error-model'),
    standsFor: 'the Hub failing (500)',
  },
  hubSlowModel: {
    host: 'hub',
    path: '/hub/api/models/slow-org/slow-model',
    status: 'hangs',
    location: hf('slow-org/slow-model'),
    standsFor: 'the Hub never answering',
  },
  hubHugeModel: {
    host: 'hub',
    path: '/hub/api/models/huge-org/huge-model',
    status: 200,
    location: hf('huge-org/huge-model'),
    standsFor: `a 200 whose JSON body is ${HUGE_BODY_BYTES} bytes, streamed`,
  },
  hubOpenData: {
    host: 'hub',
    path: '/hub/api/datasets/open-org/open-data',
    status: 200,
    location: hf('datasets/open-org/open-data'),
    standsFor: 'a public dataset, cc-by-4.0, not gated',
  },
  hubGatedData: {
    host: 'hub',
    path: '/hub/api/datasets/gated-org/gated-data',
    status: 200,
    location: hf('datasets/gated-org/gated-data'),
    standsFor: 'a gated dataset (gated: "auto"), cc-by-4.0',
  },
  hubMissingData: {
    host: 'hub',
    path: '/hub/api/datasets/missing-org/missing-data',
    status: 401,
    location: hf('datasets/missing-org/missing-data'),
    standsFor: 'a dataset that does not exist, asked anonymously',
  },
  hubNcData: {
    host: 'hub',
    path: '/hub/api/datasets/nc-org/nc-data',
    status: 200,
    location: hf('datasets/nc-org/nc-data'),
    standsFor: 'a public dataset, cc-by-nc-4.0',
  },
  // Hub: files (hf_hub_download's URL), HEAD or GET.
  hubOpenModelCard: {
    host: 'hub',
    path: '/hub/open-org/open-model/resolve/main/README.md',
    status: 200,
    location: hf('open-org/open-model/blob/main/README.md'),
    standsFor: "the open model's card: apache-2.0, three datasets, base_model",
  },
  hubOpenModelCardV1: {
    host: 'hub',
    path: '/hub/open-org/open-model/resolve/v1.0/README.md',
    status: 200,
    location: hf('open-org/open-model/blob/v1.0/README.md'),
    standsFor: 'the card at v1.0: mit',
  },
  hubOpenModelCardNoSuchRevision: {
    host: 'hub',
    path: '/hub/open-org/open-model/resolve/no-such-rev/README.md',
    status: 404,
    standsFor: 'a file at a revision that does not exist (RevisionNotFound)',
  },
  hubOpenModelMissingFile: {
    host: 'hub',
    path: '/hub/open-org/open-model/resolve/main/no-such-file.txt',
    status: 404,
    standsFor: 'a file the repository does not have (X-Error-Code: EntryNotFound)',
  },
  hubBaseModelCard: {
    host: 'hub',
    path: '/hub/open-org/base-model/resolve/main/README.md',
    status: 200,
    standsFor: "the base model's card: apache-2.0",
  },
  hubGatedModelCard: {
    host: 'hub',
    path: '/hub/gated-org/gated-model/resolve/main/README.md',
    status: 200,
    location: hf('gated-org/gated-model/blob/main/README.md'),
    standsFor: "the gated model's card, served to anyone: other / llama3, extra_gated_prompt",
  },
  hubGatedModelFile: {
    host: 'hub',
    path: '/hub/gated-org/gated-model/resolve/main/config.json',
    status: 401,
    standsFor: "a gated model's other file, anonymously: 401 X-Error-Code: GatedRepo (403 with a token)",
  },
  hubNcModelCard: {
    host: 'hub',
    path: '/hub/mismatch-org/nc-model/resolve/main/README.md',
    status: 200,
    standsFor: "the nc model's card: cc-by-nc-4.0",
  },
  hubMissingModelCard: {
    host: 'hub',
    path: '/hub/missing-org/missing-model/resolve/main/README.md',
    status: 401,
    standsFor: "a missing repository's card, anonymously: 401",
  },
  hubOpenDataCard: {
    host: 'hub',
    path: '/hub/datasets/open-org/open-data/resolve/main/README.md',
    status: 200,
    location: hf('datasets/open-org/open-data/blob/main/README.md'),
    standsFor: 'the open dataset card: cc-by-4.0, task_categories',
  },
  hubGatedDataCard: {
    host: 'hub',
    path: '/hub/datasets/gated-org/gated-data/resolve/main/README.md',
    status: 200,
    standsFor: 'the gated dataset card: cc-by-4.0, extra_gated_fields',
  },
  hubNcDataCard: {
    host: 'hub',
    path: '/hub/datasets/nc-org/nc-data/resolve/main/README.md',
    status: 200,
    standsFor: 'the nc dataset card: cc-by-nc-4.0',
  },
  hubMissingDataCard: {
    host: 'hub',
    path: '/hub/datasets/missing-org/missing-data/resolve/main/README.md',
    status: 401,
    standsFor: "a missing dataset's card, anonymously: 401",
  },
  hubUnknownPath: {
    host: 'hub',
    path: '/hub/api/no-such-endpoint',
    status: 404,
    standsFor: 'any other Hub path: 404 with a JSON error',
  },
  // GitHub (https://docs.github.com/en/rest/repos/repos#get-a-repository).
  githubOpenRepo: {
    host: 'github',
    path: '/github-api/repos/open-org/open-repo',
    status: 200,
    location: gh('open-org/open-repo'),
    standsFor: 'a public repository, MIT, default branch main',
  },
  githubOpenRepoWithToken: {
    host: 'github',
    path: '/github-api/repos/open-org/open-repo',
    headers: bearer(GITHUB_TEST_TOKEN),
    status: 200,
    location: gh('open-org/open-repo'),
    standsFor: 'the same with ghp_test_token: only x-ratelimit-limit changes (5000)',
  },
  githubArchivedRepo: {
    host: 'github',
    path: '/github-api/repos/archived-org/old-repo',
    status: 200,
    location: gh('archived-org/old-repo'),
    standsFor: 'an archived repository, Apache-2.0',
  },
  githubNoassertRepo: {
    host: 'github',
    path: '/github-api/repos/noassert-org/custom-repo',
    status: 200,
    location: gh('noassert-org/custom-repo'),
    standsFor: 'a license GitHub cannot name: other / NOASSERTION, url null',
  },
  githubBareRepo: {
    host: 'github',
    path: '/github-api/repos/nolicense-org/bare-repo',
    status: 200,
    location: gh('nolicense-org/bare-repo'),
    standsFor: 'no license file: license null',
  },
  githubGplRepo: {
    host: 'github',
    path: '/github-api/repos/gpl-org/gpl-repo',
    status: 200,
    location: gh('gpl-org/gpl-repo'),
    standsFor: 'GPL-3.0',
  },
  githubMissingRepo: {
    host: 'github',
    path: '/github-api/repos/missing-org/missing-repo',
    status: 404,
    location: gh('missing-org/missing-repo'),
    standsFor: 'a repository that does not exist (or is private): 404 Not Found',
  },
  githubLimitedRepo: {
    host: 'github',
    path: '/github-api/repos/limited-org/limited-repo',
    status: 403,
    location: gh('limited-org/limited-repo'),
    standsFor: `primary rate limit: 403, x-ratelimit-remaining 0, x-ratelimit-reset ${RATE_LIMIT_RESET}`,
  },
  githubBusyRepo: {
    host: 'github',
    path: '/github-api/repos/secondary-org/busy-repo',
    status: 429,
    location: gh('secondary-org/busy-repo'),
    standsFor: 'secondary rate limit: 429, retry-after 60',
  },
  githubErrorRepo: {
    host: 'github',
    path: '/github-api/repos/error-org/error-repo',
    status: 500,
    location: gh('error-org/error-repo'),
    standsFor: 'GitHub failing (500)',
  },
  githubSlowRepo: {
    host: 'github',
    path: '/github-api/repos/slow-org/slow-repo',
    status: 'hangs',
    location: gh('slow-org/slow-repo'),
    standsFor: 'GitHub never answering',
  },
  githubBadCredentials: {
    host: 'github',
    path: '/github-api/repos/open-org/open-repo',
    headers: bearer('hf_test_token'),
    status: 401,
    standsFor: 'any token but ghp_test_token: 401 Bad credentials',
  },
  githubContentsDir: {
    host: 'github',
    path: '/github-api/repos/open-org/open-repo/contents/train?ref=main',
    status: 200,
    location: gh('open-org/open-repo/tree/main/train'),
    standsFor: 'a directory at a ref (main or v1.0): the listing array',
  },
  githubContentsFile: {
    host: 'github',
    path: '/github-api/repos/open-org/open-repo/contents/train/train.py?ref=v1.0',
    status: 200,
    location: gh('open-org/open-repo/blob/v1.0/train/train.py'),
    standsFor: 'a file at a ref: the file object, base64 content',
  },
  githubContentsMissingPath: {
    host: 'github',
    path: '/github-api/repos/open-org/open-repo/contents/no/such/path?ref=main',
    status: 404,
    location: gh('open-org/open-repo/tree/main/no/such/path'),
    standsFor: 'a path the ref does not have: 404 Not Found',
  },
  githubContentsMissingRef: {
    host: 'github',
    path: '/github-api/repos/open-org/open-repo/contents/train?ref=no-such-ref',
    status: 404,
    location: gh('open-org/open-repo/tree/no-such-ref/train'),
    standsFor: 'a ref that does not exist: 404 "No commit found for the ref …"',
  },
  // Web.
  webOk: { host: 'web', path: '/web/ok', status: 200, standsFor: 'a page that exists (HEAD and GET)' },
  webOkHead: { host: 'web', path: '/web/ok', method: 'HEAD', status: 200, standsFor: 'the same, HEAD' },
  webGone: { host: 'web', path: '/web/gone', status: 404, standsFor: 'a page that does not exist' },
  webRemoved: { host: 'web', path: '/web/removed', status: 410, standsFor: 'a page removed for good' },
  webHeadRefused: {
    host: 'web',
    path: '/web/head-refused',
    method: 'HEAD',
    status: 405,
    standsFor: 'a host refusing HEAD (Allow: GET); GET with Range: bytes=0-0 answers 206',
  },
  webHeadRefusedRange: {
    host: 'web',
    path: '/web/head-refused',
    headers: { range: 'bytes=0-0' },
    status: 206,
    standsFor: 'the same host, GET of the first byte: 206 + Content-Range',
  },
  webRedirect: { host: 'web', path: '/web/redirect', status: 301, standsFor: '301 to /web/ok' },
  webLoop: { host: 'web', path: '/web/loop', status: 302, standsFor: '302 to itself, for ever' },
  webChain: { host: 'web', path: '/web/chain', status: 302, standsFor: '302 → /web/chain2 → 302 → /web/ok' },
  webSlow: { host: 'web', path: '/web/slow', status: 'hangs', standsFor: 'a host never answering' },
  webError: { host: 'web', path: '/web/error', status: 503, standsFor: '503 with Retry-After: 120' },
  webCrossOrigin: {
    host: 'web',
    path: '/web/cross-origin',
    status: 302,
    standsFor: 'a 302 to `${otherOrigin}/echo`, another origin that records the headers it gets',
  },
} as const satisfies Record<string, RouteEntry>;

export type RouteName = keyof typeof ROUTES;

// ---------------------------------------------------------------------------------------------
// Hugging Face Hub
// ---------------------------------------------------------------------------------------------

/** The git blob sha-1 of a text: what the Hub sends as a regular file's ETag. */
function gitBlobSha(text: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest('hex');
}

interface HubRevision {
  sha: string;
  lastModified: string;
  cardData: Record<string, unknown>;
  tags: string[];
  files: Record<string, string>;
}

interface HubRepo {
  kind: 'model' | 'dataset';
  id: string;
  /** `_id`: the Hub's database id (24 hex digits). */
  objectId: string;
  access: 'public' | 'private' | 'gated-auto' | 'gated-manual' | 'disabled' | 'gone' | 'error' | 'slow' | 'huge';
  pipelineTag?: string;
  libraryName?: string;
  downloads: number;
  likes: number;
  createdAt: string;
  usedStorage: number;
  revisions: Record<string, HubRevision>;
}

/** The default .gitattributes the Hub creates (first lines), the same in every repository here. */
const GITATTRIBUTES = [
  '*.7z filter=lfs diff=lfs merge=lfs -text',
  '*.arrow filter=lfs diff=lfs merge=lfs -text',
  '*.bin filter=lfs diff=lfs merge=lfs -text',
  '*.safetensors filter=lfs diff=lfs merge=lfs -text',
  '',
].join('\n');

const CONFIG_JSON = JSON.stringify(
  { architectures: ['LlamaForCausalLM'], model_type: 'llama', hidden_size: 2048, num_hidden_layers: 16 },
  null,
  2,
);

// Model cards: YAML front matter as https://huggingface.co/docs/hub/model-cards documents it
// (hub-docs modelcard.md lists the keys), then a short Markdown body.
const OPEN_MODEL_CARD = `---
language:
- en
license: apache-2.0
library_name: transformers
pipeline_tag: text-generation
base_model: open-org/base-model
datasets:
- open-org/open-data
- gated-org/gated-data
- missing-org/missing-data
---

# Open Model

Open Model is a 1B-parameter decoder-only language model fine-tuned from
[open-org/base-model](https://huggingface.co/open-org/base-model).

## Training data

- [open-org/open-data](https://huggingface.co/datasets/open-org/open-data) (CC-BY-4.0)
- [gated-org/gated-data](https://huggingface.co/datasets/gated-org/gated-data) (CC-BY-4.0, gated)
- [missing-org/missing-data](https://huggingface.co/datasets/missing-org/missing-data)

## License

The weights are released under the Apache License 2.0.
`;

const OPEN_MODEL_CARD_V1 = `---
language:
- en
license: mit
library_name: transformers
pipeline_tag: text-generation
datasets:
- open-org/open-data
---

# Open Model (v1.0)

The first release of Open Model, trained on
[open-org/open-data](https://huggingface.co/datasets/open-org/open-data).

## License

MIT.
`;

const BASE_MODEL_CARD = `---
language:
- en
license: apache-2.0
library_name: transformers
pipeline_tag: text-generation
datasets:
- open-org/open-data
---

# Base Model

A 1B-parameter base language model, pretrained on
[open-org/open-data](https://huggingface.co/datasets/open-org/open-data).
`;

// A gated model card in the shape of Meta Llama 3's (test/fixtures/cards/models/
// NousResearch--Meta-Llama-3-8B.md); extra_gated_* per https://huggingface.co/docs/hub/models-gated.
const GATED_MODEL_CARD = `---
language:
- en
pipeline_tag: text-generation
tags:
- llama
- llama-3
license: other
license_name: llama3
license_link: LICENSE
extra_gated_prompt: >-
  ### META LLAMA 3 COMMUNITY LICENSE AGREEMENT

  By clicking "I Accept" below you agree to the terms of the Llama 3 Community License Agreement.
extra_gated_fields:
  First Name: text
  Last Name: text
  Country: country
  Affiliation: text
  I accept the terms of the license: checkbox
---

# Gated Model

A fine-tune of Meta Llama 3 8B. Access requires accepting the Llama 3 Community License.
`;

const NC_MODEL_CARD = `---
language:
- en
license: cc-by-nc-4.0
pipeline_tag: text-generation
---

# NC Model

Released for non-commercial use only (CC-BY-NC-4.0).
`;

const PRIVATE_MODEL_CARD = `---
license: mit
pipeline_tag: text-classification
---

# Private Model

An internal classifier.
`;

// Dataset cards: https://huggingface.co/docs/hub/datasets-cards (hub-docs datasetcard.md).
const OPEN_DATA_CARD = `---
license: cc-by-4.0
language:
- en
task_categories:
- text-generation
size_categories:
- 1M<n<10M
pretty_name: Open Data
---

# Open Data

About two million English web documents, deduplicated and filtered, used to pretrain
open-org/base-model.

## Licensing

Released under the Creative Commons Attribution 4.0 license.
`;

const GATED_DATA_CARD = `---
license: cc-by-4.0
language:
- en
task_categories:
- text-generation
size_categories:
- 100K<n<1M
pretty_name: Gated Data
extra_gated_prompt: "You agree to share your contact information with the dataset authors."
extra_gated_fields:
  Affiliation: text
  Country: country
---

# Gated Data

Instruction-following conversations. Access is granted automatically once you share your contact
information; the data itself is CC-BY-4.0.
`;

const NC_DATA_CARD = `---
license: cc-by-nc-4.0
language:
- en
task_categories:
- text-classification
size_categories:
- 10K<n<100K
pretty_name: NC Data
---

# NC Data

Labelled product reviews, for non-commercial research (CC-BY-NC-4.0).
`;

const modelTags = (extra: string[], license: string): string[] => [
  'transformers',
  'safetensors',
  'llama',
  'text-generation',
  ...extra,
  'en',
  `license:${license}`,
  'autotrain_compatible',
  'endpoints_compatible',
  'region:us',
];
const modelFiles = (card: string): Record<string, string> => ({
  '.gitattributes': GITATTRIBUTES,
  'README.md': card,
  'config.json': CONFIG_JSON,
});
const datasetTags = (task: string, size: string, license: string): string[] => [
  `task_categories:${task}`,
  'language:en',
  `license:${license}`,
  `size_categories:${size}`,
  'format:parquet',
  'modality:text',
  'library:datasets',
  'region:us',
];
const datasetFiles = (card: string): Record<string, string> => ({
  '.gitattributes': GITATTRIBUTES,
  'README.md': card,
});

const OPEN_MODEL_CARD_DATA = {
  language: ['en'],
  license: 'apache-2.0',
  library_name: 'transformers',
  pipeline_tag: 'text-generation',
  base_model: 'open-org/base-model',
  datasets: ['open-org/open-data', 'gated-org/gated-data', 'missing-org/missing-data'],
};

const HUB_REPOS: HubRepo[] = [
  {
    kind: 'model',
    id: 'open-org/open-model',
    objectId: '66a1f0c2e4b0a1b2c3d4e5f6',
    access: 'public',
    pipelineTag: 'text-generation',
    libraryName: 'transformers',
    downloads: 48211,
    likes: 312,
    createdAt: '2024-07-25T09:12:34.000Z',
    usedStorage: 2471341240,
    revisions: {
      main: {
        sha: '3f9a1c07d2b64e58a0c1e9f4b7d2a6c8e5f10b23',
        lastModified: '2025-03-11T16:40:02.000Z',
        cardData: OPEN_MODEL_CARD_DATA,
        tags: modelTags(
          [
            'dataset:open-org/open-data',
            'dataset:gated-org/gated-data',
            'dataset:missing-org/missing-data',
            'base_model:open-org/base-model',
            'base_model:finetune:open-org/base-model',
          ],
          'apache-2.0',
        ),
        // An intermediate checkpoint in a folder, for the tree API.
        files: { ...modelFiles(OPEN_MODEL_CARD), 'checkpoints/step-1000/config.json': CONFIG_JSON },
      },
      'v1.0': {
        sha: '8c2e4b19f0a7d3c5e6b1a9f8d4c2e0b7a5f3d1c9',
        lastModified: '2024-08-02T10:05:47.000Z',
        cardData: {
          language: ['en'],
          license: 'mit',
          library_name: 'transformers',
          pipeline_tag: 'text-generation',
          datasets: ['open-org/open-data'],
        },
        tags: modelTags(['dataset:open-org/open-data'], 'mit'),
        files: modelFiles(OPEN_MODEL_CARD_V1),
      },
    },
  },
  {
    kind: 'model',
    id: 'open-org/base-model',
    objectId: '6650b7e1c9a4d2f0e8b3a1c7',
    access: 'public',
    pipelineTag: 'text-generation',
    libraryName: 'transformers',
    downloads: 120984,
    likes: 845,
    createdAt: '2024-05-24T14:00:17.000Z',
    usedStorage: 2471329811,
    revisions: {
      main: {
        sha: 'b71d05e9c3a2f4e6d8b0c1a3e5f7d9b2c4a6e8f0',
        lastModified: '2024-06-01T08:22:51.000Z',
        cardData: {
          language: ['en'],
          license: 'apache-2.0',
          library_name: 'transformers',
          pipeline_tag: 'text-generation',
          datasets: ['open-org/open-data'],
        },
        tags: modelTags(['dataset:open-org/open-data'], 'apache-2.0'),
        files: modelFiles(BASE_MODEL_CARD),
      },
    },
  },
  {
    kind: 'model',
    id: 'gated-org/gated-model',
    objectId: '662a3f9b8e7d6c5b4a3f2e1d',
    access: 'gated-manual',
    pipelineTag: 'text-generation',
    libraryName: 'transformers',
    downloads: 301877,
    likes: 2190,
    createdAt: '2024-04-25T17:31:08.000Z',
    usedStorage: 16060617542,
    revisions: {
      main: {
        sha: 'e0c4a8f2b6d1c9e3a7f5b2d8c4e6a0f9b3d7c1e5',
        lastModified: '2024-09-27T11:03:19.000Z',
        cardData: {
          language: ['en'],
          pipeline_tag: 'text-generation',
          tags: ['llama', 'llama-3'],
          license: 'other',
          license_name: 'llama3',
          license_link: 'LICENSE',
          extra_gated_prompt:
            '### META LLAMA 3 COMMUNITY LICENSE AGREEMENT\nBy clicking "I Accept" below you agree to the terms of ' +
            'the Llama 3 Community License Agreement.',
        },
        tags: modelTags(['llama-3'], 'other'),
        files: modelFiles(GATED_MODEL_CARD),
      },
    },
  },
  {
    kind: 'model',
    id: 'mismatch-org/nc-model',
    objectId: '65f1c2d3e4a5b6c7d8e9f0a1',
    access: 'public',
    pipelineTag: 'text-generation',
    libraryName: 'transformers',
    downloads: 5120,
    likes: 41,
    createdAt: '2024-03-13T12:45:00.000Z',
    usedStorage: 1431022104,
    revisions: {
      main: {
        sha: '5d9e3b7f1a4c8e2d6b0f9a3c7e1d5b8f2a6c0e4d',
        lastModified: '2024-03-20T09:30:11.000Z',
        cardData: { language: ['en'], license: 'cc-by-nc-4.0', pipeline_tag: 'text-generation' },
        tags: modelTags([], 'cc-by-nc-4.0'),
        files: modelFiles(NC_MODEL_CARD),
      },
    },
  },
  {
    kind: 'model',
    id: 'private-org/private-model',
    objectId: '67b0e1f2a3c4d5e6f7a8b9c0',
    access: 'private',
    pipelineTag: 'text-classification',
    downloads: 0,
    likes: 0,
    createdAt: '2025-02-15T07:19:44.000Z',
    usedStorage: 438015922,
    revisions: {
      main: {
        sha: 'a4f8c2e6b0d3f7a1c5e9b2d6f0a4c8e1b5d9f3a7',
        lastModified: '2025-02-16T18:02:33.000Z',
        cardData: { license: 'mit', pipeline_tag: 'text-classification' },
        tags: ['safetensors', 'text-classification', 'license:mit', 'region:us'],
        files: modelFiles(PRIVATE_MODEL_CARD),
      },
    },
  },
  {
    kind: 'dataset',
    id: 'open-org/open-data',
    objectId: '6643a9b8c7d6e5f4a3b2c1d0',
    access: 'public',
    downloads: 9361,
    likes: 127,
    createdAt: '2024-05-14T13:07:29.000Z',
    usedStorage: 5368709120,
    revisions: {
      main: {
        sha: 'c3e7a1f5d9b2e6c0a4f8d1b5e9c3a7f0d4b8e2c6',
        lastModified: '2024-05-30T15:51:06.000Z',
        cardData: {
          license: 'cc-by-4.0',
          language: ['en'],
          task_categories: ['text-generation'],
          size_categories: ['1M<n<10M'],
          pretty_name: 'Open Data',
        },
        tags: datasetTags('text-generation', '1M<n<10M', 'cc-by-4.0'),
        files: datasetFiles(OPEN_DATA_CARD),
      },
    },
  },
  {
    kind: 'dataset',
    id: 'gated-org/gated-data',
    objectId: '6655c4d3e2f1a0b9c8d7e6f5',
    access: 'gated-auto',
    downloads: 2207,
    likes: 58,
    createdAt: '2024-05-28T10:40:52.000Z',
    usedStorage: 734003200,
    revisions: {
      main: {
        sha: 'f1b5d9e3a7c0f4b8e2d6a0c4f8b1e5d9a3c7f0b4',
        lastModified: '2024-06-12T19:14:25.000Z',
        cardData: {
          license: 'cc-by-4.0',
          language: ['en'],
          task_categories: ['text-generation'],
          size_categories: ['100K<n<1M'],
          pretty_name: 'Gated Data',
          extra_gated_prompt: 'You agree to share your contact information with the dataset authors.',
          extra_gated_fields: { Affiliation: 'text', Country: 'country' },
        },
        tags: datasetTags('text-generation', '100K<n<1M', 'cc-by-4.0'),
        files: datasetFiles(GATED_DATA_CARD),
      },
    },
  },
  {
    kind: 'dataset',
    id: 'nc-org/nc-data',
    objectId: '6612e3d4c5b6a7f8e9d0c1b2',
    access: 'public',
    downloads: 733,
    likes: 9,
    createdAt: '2024-04-07T08:26:13.000Z',
    usedStorage: 52428800,
    revisions: {
      main: {
        sha: '9a3c7e1f5b8d2a6c0e4f8b1d5a9c3e7f0b4d8a2c',
        lastModified: '2024-04-09T21:58:40.000Z',
        cardData: {
          license: 'cc-by-nc-4.0',
          language: ['en'],
          task_categories: ['text-classification'],
          size_categories: ['10K<n<100K'],
          pretty_name: 'NC Data',
        },
        tags: datasetTags('text-classification', '10K<n<100K', 'cc-by-nc-4.0'),
        files: datasetFiles(NC_DATA_CARD),
      },
    },
  },
];

/** Repositories that answer with a failure whatever the path under them. */
const HUB_SPECIAL: Record<string, HubRepo['access']> = {
  'model:gone-org/gone-model': 'gone',
  'model:disabled-org/disabled-model': 'disabled',
  'model:error-org/error-model': 'error',
  'model:slow-org/slow-model': 'slow',
  'model:huge-org/huge-model': 'huge',
};

const hubRepo = (kind: 'model' | 'dataset', id: string): HubRepo | undefined =>
  HUB_REPOS.find((r) => r.kind === kind && r.id === id);

/**
 * ModelInfo / DatasetInfo as `GET /api/{models|datasets}/{repo_id}` returns it: the keys
 * huggingface_hub's ModelInfo/DatasetInfo read (hf_api.py), in the order of the recorded
 * bert-base-uncased answer; `siblings` as RepoSibling (`rfilename` only, without files_metadata).
 * https://huggingface.co/docs/huggingface_hub/package_reference/hf_api#huggingface_hub.ModelInfo
 */
function repoInfo(repo: HubRepo, revision: HubRevision): Record<string, unknown> {
  const author = repo.id.split('/')[0];
  const siblings = Object.keys(revision.files).map((rfilename) => ({ rfilename }));
  const gated = repo.access === 'gated-auto' ? 'auto' : repo.access === 'gated-manual' ? 'manual' : false;
  if (repo.kind === 'dataset') {
    // https://huggingface.co/docs/huggingface_hub/package_reference/hf_api#huggingface_hub.DatasetInfo
    return {
      _id: repo.objectId,
      id: repo.id,
      author,
      sha: revision.sha,
      lastModified: revision.lastModified,
      private: repo.access === 'private',
      gated,
      disabled: false,
      likes: repo.likes,
      tags: revision.tags,
      downloads: repo.downloads,
      cardData: revision.cardData,
      siblings,
      createdAt: repo.createdAt,
      usedStorage: repo.usedStorage,
    };
  }
  return {
    _id: repo.objectId,
    id: repo.id,
    private: repo.access === 'private',
    pipeline_tag: repo.pipelineTag,
    library_name: repo.libraryName,
    tags: revision.tags,
    downloads: repo.downloads,
    likes: repo.likes,
    modelId: repo.id,
    author,
    sha: revision.sha,
    lastModified: revision.lastModified,
    gated,
    disabled: false,
    cardData: revision.cardData,
    siblings,
    createdAt: repo.createdAt,
    usedStorage: repo.usedStorage,
  };
}

// ---------------------------------------------------------------------------------------------
// GitHub
// ---------------------------------------------------------------------------------------------

/** License objects as GitHub returns them (https://docs.github.com/en/rest/licenses). */
const GITHUB_LICENSES = {
  mit: {
    key: 'mit',
    name: 'MIT License',
    spdx_id: 'MIT',
    url: 'https://api.github.com/licenses/mit',
    node_id: 'MDc6TGljZW5zZW1pdA==',
  },
  apache: {
    key: 'apache-2.0',
    name: 'Apache License 2.0',
    spdx_id: 'Apache-2.0',
    url: 'https://api.github.com/licenses/apache-2.0',
    node_id: 'MDc6TGljZW5zZTI=',
  },
  gpl: {
    key: 'gpl-3.0',
    name: 'GNU General Public License v3.0',
    spdx_id: 'GPL-3.0',
    url: 'https://api.github.com/licenses/gpl-3.0',
    node_id: 'MDc6TGljZW5zZTk=',
  },
  // Licensee found a license file it cannot match: key "other", spdx_id "NOASSERTION", url null.
  other: { key: 'other', name: 'Other', spdx_id: 'NOASSERTION', url: null, node_id: 'MDc6TGljZW5zZTA=' },
} as const;

interface GithubRepo {
  id: number;
  nodeId: string;
  fullName: string;
  ownerId: number;
  ownerNodeId: string;
  description: string | null;
  archived: boolean;
  license: (typeof GITHUB_LICENSES)[keyof typeof GITHUB_LICENSES] | null;
  language: string | null;
  stars: number;
  createdAt: string;
  pushedAt: string;
}

const GITHUB_REPOS: GithubRepo[] = [
  {
    id: 781204517,
    nodeId: 'R_kgDOLo_3JQ',
    fullName: 'open-org/open-repo',
    ownerId: 160114321,
    ownerNodeId: 'O_kgDOCYsbkQ',
    description: 'Training and inference code for Open Model',
    archived: false,
    license: GITHUB_LICENSES.mit,
    language: 'Python',
    stars: 1204,
    createdAt: '2024-04-02T18:11:40Z',
    pushedAt: '2025-03-11T16:38:55Z',
  },
  {
    id: 412907734,
    nodeId: 'R_kgDOGJxz1g',
    fullName: 'archived-org/old-repo',
    ownerId: 91208832,
    ownerNodeId: 'O_kgDOBW-iQA',
    description: 'Superseded data pipeline (read-only)',
    archived: true,
    license: GITHUB_LICENSES.apache,
    language: 'Python',
    stars: 88,
    createdAt: '2021-10-02T09:30:12Z',
    pushedAt: '2022-11-17T13:02:45Z',
  },
  {
    id: 690312278,
    nodeId: 'R_kgDOKSVqVg',
    fullName: 'noassert-org/custom-repo',
    ownerId: 144501117,
    ownerNodeId: 'O_kgDOCJzLfQ',
    description: 'Released under a custom license',
    archived: false,
    license: GITHUB_LICENSES.other,
    language: 'Python',
    stars: 15,
    createdAt: '2023-09-12T07:44:09Z',
    pushedAt: '2024-12-01T10:20:31Z',
  },
  {
    id: 702117390,
    nodeId: 'R_kgDOKdmmDg',
    fullName: 'nolicense-org/bare-repo',
    ownerId: 146881902,
    ownerNodeId: 'O_kgDOCMFJbg',
    description: null,
    archived: false,
    license: null,
    language: 'Jupyter Notebook',
    stars: 3,
    createdAt: '2023-10-08T20:15:57Z',
    pushedAt: '2023-10-09T08:01:14Z',
  },
  {
    id: 655038172,
    nodeId: 'R_kgDOJwsV3A',
    fullName: 'gpl-org/gpl-repo',
    ownerId: 137004511,
    ownerNodeId: 'O_kgDOCCqj3w',
    description: 'Evaluation harness',
    archived: false,
    license: GITHUB_LICENSES.gpl,
    language: 'Python',
    stars: 402,
    createdAt: '2023-06-17T11:09:33Z',
    pushedAt: '2025-01-22T15:47:08Z',
  },
];

/**
 * A repository as `GET /repos/{owner}/{repo}` returns it, cut to the documented fields a reader
 * uses (https://docs.github.com/en/rest/repos/repos#get-a-repository; the `*_url` templates and the
 * permission flags are left out for brevity).
 */
function githubRepository(repo: GithubRepo): Record<string, unknown> {
  const [login, name] = repo.fullName.split('/');
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name,
    full_name: repo.fullName,
    private: false,
    owner: {
      login,
      id: repo.ownerId,
      node_id: repo.ownerNodeId,
      avatar_url: `https://avatars.githubusercontent.com/u/${repo.ownerId}?v=4`,
      url: `https://api.github.com/users/${login}`,
      html_url: `https://github.com/${login}`,
      type: 'Organization',
      site_admin: false,
    },
    html_url: `https://github.com/${repo.fullName}`,
    description: repo.description,
    fork: false,
    url: `https://api.github.com/repos/${repo.fullName}`,
    created_at: repo.createdAt,
    updated_at: repo.pushedAt,
    pushed_at: repo.pushedAt,
    git_url: `git://github.com/${repo.fullName}.git`,
    clone_url: `https://github.com/${repo.fullName}.git`,
    homepage: null,
    size: 2048,
    stargazers_count: repo.stars,
    watchers_count: repo.stars,
    language: repo.language,
    forks_count: Math.floor(repo.stars / 10),
    archived: repo.archived,
    disabled: false,
    open_issues_count: 4,
    license: repo.license,
    topics: [],
    visibility: 'public',
    default_branch: 'main',
  };
}

/** Files of open-org/open-repo at each ref, for the contents API. */
const GITHUB_TREES: Record<string, Record<string, string>> = {
  main: {
    'train/train.py':
      '"""Fine-tunes open-org/base-model on open-org/open-data."""\n\nimport torch\n\n\ndef main():\n    ...\n',
    'train/config.yaml': 'base_model: open-org/base-model\ndataset: open-org/open-data\nepochs: 3\n',
  },
  'v1.0': {
    'train/train.py':
      '"""Trains Open Model v1.0 on open-org/open-data."""\n\nimport torch\n\n\ndef main():\n    pass\n',
    'train/config.yaml': 'dataset: open-org/open-data\nepochs: 2\n',
  },
};

/** A file or directory entry of the contents API (https://docs.github.com/en/rest/repos/contents). */
function contentsEntry(path: string, ref: string, text?: string): Record<string, unknown> {
  const base = 'open-org/open-repo';
  const type = text === undefined ? 'dir' : 'file';
  const sha = text === undefined ? createHash('sha1').update(`tree ${ref}:${path}`).digest('hex') : gitBlobSha(text);
  const url = `https://api.github.com/repos/${base}/contents/${path}?ref=${ref}`;
  const gitUrl = `https://api.github.com/repos/${base}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha}`;
  const htmlUrl = `https://github.com/${base}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${path}`;
  return {
    name: path.split('/').pop(),
    path,
    sha,
    size: text === undefined ? 0 : Buffer.byteLength(text),
    url,
    html_url: htmlUrl,
    git_url: gitUrl,
    download_url: text === undefined ? null : `https://raw.githubusercontent.com/${base}/${ref}/${path}`,
    type,
    _links: { self: url, git: gitUrl, html: htmlUrl },
  };
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

type Headers = Record<string, string | number>;

function send(res: ServerResponse, status: number, headers: Headers, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const HUB_JSON = 'application/json; charset=utf-8';

function recordOf(req: IncomingMessage, origin: RecordedRequest['origin']): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { origin, method: req.method ?? 'GET', path: req.url ?? '/', headers };
}

function decodeSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/**
 * GitHub's CORS headers, from https://docs.github.com/en/rest/using-the-rest-api/using-cors-and-jsonp-to-make-cross-origin-requests
 * ("supports CORS for AJAX requests from any origin"; the preflight answer it shows). Assumed: today's API
 * also allows `X-GitHub-Api-Version` (Octokit sends it from browsers).
 */
const GITHUB_CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers':
    'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, X-GitHub-OTP, ' +
    'X-Requested-With, X-GitHub-Api-Version',
  'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
  'access-control-expose-headers':
    'ETag, Link, X-GitHub-OTP, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, X-OAuth-Scopes, ' +
    'X-Accepted-OAuth-Scopes, X-Poll-Interval',
  'access-control-max-age': '86400',
};
/**
 * The Hub's API read from browsers: assumed from @huggingface/hub (huggingface.js), which calls it from web pages;
 * its error headers exposed so a browser client reads them as huggingface_hub does.
 */
const HUB_CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'X-Error-Code, X-Error-Message, X-Repo-Commit, ETag',
};

export async function startHostServer(): Promise<HostServer> {
  const requests: RecordedRequest[] = [];
  const otherRequests: RecordedRequest[] = [];
  const listeners = new Set<(request: RecordedRequest) => void>();
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();
  const hugeStreams: HugeStream[] = [];
  let connections = 0;
  let requestCounter = 0;
  const githubUsed = { anonymous: 0, token: 0 };

  const track = (server: Server): void => {
    server.on('connection', (socket: Socket) => {
      connections++;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  };
  const notify = (record: RecordedRequest): void => {
    for (const listener of listeners) listener(record);
  };

  /** Keeps the request open, never answering, until the client gives up or close() is called. */
  const heldClosedListeners = new Set<(path: string) => void>();
  const hang = (res: ServerResponse): void => {
    held.add(res);
    const path = res.req.url ?? '';
    res.on('close', () => {
      if (!held.delete(res)) return; // closed by close(): not the client's doing
      for (const listener of heldClosedListeners) listener(path);
    });
  };

  /**
   * Streams `total` bytes: `head`, then `unit(i)` (all the same length) separated by `separator`,
   * padded with spaces before `tail`; lazily, honouring back-pressure, stopping when the client goes.
   */
  const stream = (
    res: ServerResponse,
    path: string,
    headers: Headers,
    head: string,
    unit: (i: number) => string,
    separator: string,
    tail: string,
  ): void => {
    const total = HUGE_BODY_BYTES;
    const unitLength = Buffer.byteLength(unit(0)) + separator.length;
    const fixed = Buffer.byteLength(head) + Buffer.byteLength(tail) - separator.length;
    const count = Math.floor((total - fixed) / unitLength);
    const padding = total - fixed - count * unitLength;
    let resolveEnded: (how: 'complete' | 'aborted') => void = () => undefined;
    const record: HugeStream = {
      path,
      bytesWritten: 0,
      ended: new Promise((resolve) => (resolveEnded = resolve)),
    };
    hugeStreams.push(record);
    res.writeHead(200, { ...headers, 'content-length': total });
    if (res.req.method === 'HEAD') {
      res.end();
      resolveEnded('complete');
      return;
    }
    let i = -1; // -1: the head; count: the tail
    let finished = false;
    const finish = (how: 'complete' | 'aborted'): void => {
      if (finished) return;
      finished = true;
      resolveEnded(how);
    };
    res.on('close', () => finish(record.bytesWritten === total ? 'complete' : 'aborted'));
    const pump = (): void => {
      while (!res.destroyed && i <= count) {
        let chunk = '';
        if (i === -1) {
          chunk = head;
          i++;
        }
        // About 64 KiB a write.
        while (chunk.length < 65536 && i < count) {
          chunk += unit(i) + (i < count - 1 ? separator : '');
          i++;
        }
        if (i === count) {
          chunk += ' '.repeat(padding) + tail;
          i++;
        }
        record.bytesWritten += Buffer.byteLength(chunk);
        if (i > count) {
          res.end(chunk);
          return;
        }
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    pump();
  };

  // --- Hub -------------------------------------------------------------------------------------

  const hubHeaders = (extra: Headers = {}): Headers => ({
    // huggingface_hub reads X-Request-Id into its error messages (_http.py X_REQUEST_ID).
    'x-request-id': `Root=1-00000000-${String(++requestCounter).padStart(24, '0')}`,
    ...extra,
  });
  const hubJson = (res: ServerResponse, status: number, body: unknown, extra: Headers = {}): void =>
    send(res, status, hubHeaders({ 'content-type': HUB_JSON, ...extra }), JSON.stringify(body));

  /**
   * The anonymous "not found": 401, no X-Error-Code, X-Error-Message and WWW-Authenticate as the
   * Hub sends them (huggingface_hub errors.py RepositoryNotFoundError example; _http.py maps a 401
   * on a repository URL to RepositoryNotFoundError). JSON on /api, plain text on /resolve.
   */
  const hubAnonymousNotFound = (res: ServerResponse, api: boolean): void => {
    const message = 'Invalid username or password.';
    const headers = hubHeaders({
      'content-type': api ? HUB_JSON : 'text/plain; charset=utf-8',
      'x-error-message': message,
      'www-authenticate': 'Bearer realm="Authentication required", charset="UTF-8"',
    });
    send(res, 401, headers, api ? JSON.stringify({ error: message }) : message);
  };
  /** Not found to an authenticated caller, or gone: 404 X-Error-Code: RepoNotFound. */
  const hubRepoNotFound = (res: ServerResponse): void =>
    hubJson(
      res,
      404,
      { error: 'Repository not found' },
      { 'x-error-code': 'RepoNotFound', 'x-error-message': 'Repository not found' },
    );
  const hubNotFound = (res: ServerResponse, authorized: boolean, api: boolean): void =>
    authorized ? hubRepoNotFound(res) : hubAnonymousNotFound(res, api);

  /** hf_raise_for_status: `X-Error-Code: RevisionNotFound`; message as the Hub words it. */
  const hubRevisionNotFound = (res: ServerResponse, revision: string): void =>
    hubJson(
      res,
      404,
      { error: `Invalid rev id: ${revision}` },
      { 'x-error-code': 'RevisionNotFound', 'x-error-message': `Invalid rev id: ${revision}` },
    );

  /**
   * A gated repository's file without access: 401 anonymously, 403 authenticated without access,
   * X-Error-Code: GatedRepo (messages from huggingface_hub's GatedRepoError and user reports).
   */
  const hubGated = (res: ServerResponse, repo: HubRepo, authorized: boolean): void => {
    const message = authorized
      ? `Access to ${repo.kind} ${repo.id} is restricted and you are not in the authorized list. ` +
        `Visit https://huggingface.co/${repo.kind === 'dataset' ? 'datasets/' : ''}${repo.id} to ask for access.`
      : `Access to ${repo.kind} ${repo.id} is restricted. You must have access to it and be authenticated to ` +
        'access it. Please log in.';
    send(
      res,
      authorized ? 403 : 401,
      hubHeaders({
        'content-type': 'text/plain; charset=utf-8',
        'x-error-code': 'GatedRepo',
        'x-error-message': message,
      }),
      message,
    );
  };

  /** A failure that applies to every path of a repository (disabled, failing, slow, huge), or false. */
  const hubSpecial = (res: ServerResponse, kind: 'model' | 'dataset', id: string, api: boolean): boolean => {
    const special = HUB_SPECIAL[`${kind}:${id}`];
    if (special === undefined) return false;
    if (special === 'gone') {
      hubRepoNotFound(res);
    } else if (special === 'disabled') {
      // DisabledRepoError (huggingface_hub errors.py): 403, "Access to this resource is disabled."
      const message = 'Access to this resource is disabled.';
      hubJson(res, 403, { error: message }, { 'x-error-message': message });
    } else if (special === 'error') {
      // Assumed body: the text users report from the Hub's 5xx answers.
      hubJson(res, 500, { error: "Internal Error - We're working hard to fix this as soon as possible!" });
    } else if (special === 'slow') {
      hang(res);
    } else if (api) {
      const head =
        `{"_id":"6600aa00bb11cc22dd33ee44","id":"${id}","private":false,"pipeline_tag":"text-generation",` +
        `"tags":["license:apache-2.0"],"modelId":"${id}","author":"${id.split('/')[0]}",` +
        '"sha":"0123456789abcdef0123456789abcdef01234567","gated":false,"disabled":false,' +
        '"cardData":{"license":"apache-2.0"},"siblings":[';
      const unit = (i: number): string => `{"rfilename":"shards/model-${String(i).padStart(8, '0')}.safetensors"}`;
      stream(res, res.req.url ?? '', hubHeaders({ 'content-type': HUB_JSON }), head, unit, ',', ']}');
    } else {
      const head = '---\nlicense: apache-2.0\n---\n\n# Huge Model\n\n';
      const unit = (i: number): string => `Line ${String(i).padStart(8, '0')} of a very long model card.`;
      const headers = hubHeaders({ 'content-type': 'text/plain; charset=utf-8' });
      stream(res, res.req.url ?? '', headers, head, unit, '\n', '\n');
    }
    return true;
  };

  /**
   * The repository and revision a caller may see, or undefined once the failure is answered: a special repository's
   * failure, not found (private without the token), or RevisionNotFound.
   */
  const hubVisible = (
    res: ServerResponse,
    kind: 'model' | 'dataset',
    id: string,
    revision: string,
    authorization: string | undefined,
    api: boolean,
  ): { repo: HubRepo; rev: HubRepo['revisions'][string] } | undefined => {
    if (hubSpecial(res, kind, id, api)) return undefined;
    const repo = hubRepo(kind, id);
    if (!repo || (repo.access === 'private' && authorization !== `Bearer ${HF_TEST_TOKEN}`)) {
      hubNotFound(res, authorization !== undefined, api);
      return undefined;
    }
    const rev = repo.revisions[revision];
    if (!rev) {
      hubRevisionNotFound(res, revision);
      return undefined;
    }
    return { repo, rev };
  };

  const hubApi = (res: ServerResponse, parts: string[], authorization: string | undefined): void => {
    // /api/{models|datasets}/{owner}/{name}[/revision/{revision}], or /tree/{revision}/{path}
    const [, kinds, owner, name, word, revision, ...rest] = parts;
    const kind = kinds === 'models' ? 'model' : kinds === 'datasets' ? 'dataset' : undefined;
    if (kind !== undefined && owner !== undefined && name !== undefined && word === 'tree' && revision !== undefined)
      return hubTree(res, kind, `${owner}/${name}`, revision, rest.join('/'), authorization);
    const shapeOk =
      kind !== undefined &&
      owner !== undefined &&
      name !== undefined &&
      (word === undefined || (word === 'revision' && revision !== undefined && rest.length === 0));
    if (!shapeOk) return hubPageNotFound(res);
    const visible = hubVisible(res, kind, `${owner}/${name}`, revision ?? 'main', authorization, true);
    if (visible) hubJson(res, 200, repoInfo(visible.repo, visible.rev));
  };

  /**
   * `GET /api/{models|datasets}/{repo_id}/tree/{revision}/{path}`, as huggingface_hub's `list_repo_tree` asks it
   * (hf_api.py): the entries directly in the folder, each `{type: "file" | "directory", oid, size, path}` (RepoFile /
   * RepoFolder); a path with nothing under it is EntryNotFound.
   */
  const hubTree = (
    res: ServerResponse,
    kind: 'model' | 'dataset',
    id: string,
    revision: string,
    path: string,
    authorization: string | undefined,
  ): void => {
    const visible = hubVisible(res, kind, id, revision, authorization, true);
    if (!visible) return;
    const { rev } = visible;
    const prefix = path ? `${path.replace(/\/+$/, '')}/` : '';
    const entries = new Map<string, { type: 'file' | 'directory'; oid: string; size: number; path: string }>();
    for (const [file, text] of Object.entries(rev.files)) {
      if (!file.startsWith(prefix)) continue;
      const [first, ...deeper] = file.slice(prefix.length).split('/');
      const entryPath = `${prefix}${first}`;
      if (deeper.length > 0)
        entries.set(entryPath, { type: 'directory', oid: gitBlobSha(entryPath), size: 0, path: entryPath });
      else
        entries.set(entryPath, { type: 'file', oid: gitBlobSha(text), size: Buffer.byteLength(text), path: entryPath });
    }
    if (entries.size === 0) {
      const message = `Entry not found`;
      const headers = hubHeaders({
        'content-type': 'application/json; charset=utf-8',
        'x-error-code': 'EntryNotFound',
        'x-error-message': message,
      });
      return send(res, 404, headers, JSON.stringify({ error: message }));
    }
    hubJson(res, 200, [...entries.values()]);
  };

  /** `{endpoint}/[datasets/]{owner}/{name}/resolve/{revision}/{filename}` (HEAD or GET). */
  const hubResolve = (res: ServerResponse, parts: string[], authorization: string | undefined): void => {
    const kind = parts[0] === 'datasets' ? 'dataset' : 'model';
    const [owner, name, word, revision, ...file] = kind === 'dataset' ? parts.slice(1) : parts;
    if (word !== 'resolve' || revision === undefined || file.length === 0) return hubPageNotFound(res);
    const authorized = authorization !== undefined;
    const visible = hubVisible(res, kind, `${owner}/${name}`, revision, authorization, false);
    if (!visible) return;
    const { repo, rev } = visible;
    const filename = file.join('/');
    const text = rev.files[filename];
    if (text === undefined) {
      // EntryNotFound, with the commit the Hub looked in (file_download.py reads X-Repo-Commit).
      const message = 'Entry not found';
      const headers = hubHeaders({
        'content-type': 'text/plain; charset=utf-8',
        'x-error-code': 'EntryNotFound',
        'x-error-message': message,
        'x-repo-commit': rev.sha,
      });
      return send(res, 404, headers, message);
    }
    // Assumption: a gated repository's card is public (the Hub shows it on the gate page); its
    // other files need access.
    const gated = repo.access === 'gated-auto' || repo.access === 'gated-manual';
    if (gated && filename !== 'README.md') return hubGated(res, repo, authorized);
    const headers = hubHeaders({
      // Assumed content type for regular (non-LFS) text files.
      'content-type': filename.endsWith('.json') ? 'application/json' : 'text/plain; charset=utf-8',
      etag: `"${gitBlobSha(text)}"`,
      'x-repo-commit': rev.sha,
      'accept-ranges': 'bytes',
    });
    send(res, 200, headers, text);
  };

  /** Any other Hub path. */
  const hubPageNotFound = (res: ServerResponse): void => {
    const message = "Sorry, we can't find the page you are looking for.";
    hubJson(res, 404, { error: message }, { 'x-error-message': message });
  };

  const hub = (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    const parts = decodeSegments(pathname);
    const authorization = req.headers.authorization;
    if (parts[0] === 'api') return hubApi(res, parts, authorization);
    if (parts.includes('resolve')) return hubResolve(res, parts, authorization);
    hubPageNotFound(res);
  };

  // --- GitHub ----------------------------------------------------------------------------------

  const github = (req: IncomingMessage, res: ServerResponse, url: URL, pathname: string): void => {
    const authorization = req.headers.authorization;
    const withToken = authorization === `Bearer ${GITHUB_TEST_TOKEN}`;
    const limit = withToken ? 5000 : 60;
    const rateLimitHeaders = (remaining?: number): Headers => {
      const used = remaining === 0 ? limit : Math.min(limit - 1, ++githubUsed[withToken ? 'token' : 'anonymous']);
      return {
        'x-ratelimit-limit': limit,
        'x-ratelimit-remaining': remaining ?? limit - used,
        'x-ratelimit-reset': RATE_LIMIT_RESET,
        'x-ratelimit-used': used,
        'x-ratelimit-resource': 'core',
      };
    };
    const json = (status: number, body: unknown, extra: Headers = {}, remaining?: number): void =>
      send(
        res,
        status,
        { 'content-type': 'application/json; charset=utf-8', ...rateLimitHeaders(remaining), ...extra },
        JSON.stringify(body),
      );

    if (authorization !== undefined && !withToken) {
      // A token GitHub does not know: 401 Bad credentials.
      return send(
        res,
        401,
        { 'content-type': 'application/json; charset=utf-8' },
        JSON.stringify({
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        }),
      );
    }
    const parts = decodeSegments(pathname);
    if (parts[0] !== 'repos' || parts.length < 3) {
      return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    }
    const fullName = `${parts[1]}/${parts[2]}`;
    const notFound = {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository',
      status: '404',
    };
    if (fullName === 'slow-org/slow-repo') return hang(res);
    if (fullName === 'error-org/error-repo') {
      // Assumed body for GitHub's 5xx.
      return json(500, { message: 'Server Error' });
    }
    if (fullName === 'limited-org/limited-repo') {
      // Primary rate limit (rate-limits-for-the-rest-api: "Exceeding the rate limit").
      const who = withToken
        ? 'user ID 1.'
        : "127.0.0.1. (But here's the good news: Authenticated requests get a " +
          'higher rate limit. Check out the documentation for more details.)';
      return json(
        403,
        {
          message: `API rate limit exceeded for ${who}`,
          documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
          status: '403',
        },
        {},
        0,
      );
    }
    if (fullName === 'secondary-org/busy-repo') {
      // Secondary rate limit: 429 with retry-after (the primary limit is not exhausted).
      return json(
        429,
        {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        },
        { 'retry-after': 60 },
      );
    }
    const repo = GITHUB_REPOS.find((r) => r.fullName === fullName);
    if (parts.length === 3) return repo ? json(200, githubRepository(repo)) : json(404, notFound);
    if (parts[3] !== 'contents')
      return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    // https://docs.github.com/en/rest/repos/contents#get-repository-content
    const contentsNotFound = {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
      status: '404',
    };
    if (!repo) return json(404, contentsNotFound);
    const ref = url.searchParams.get('ref') ?? 'main';
    const tree = fullName === 'open-org/open-repo' ? GITHUB_TREES[ref] : GITHUB_TREES.main;
    if (!tree) {
      return json(404, {
        message: `No commit found for the ref ${ref}`,
        documentation_url: 'https://docs.github.com/v3/repos/contents/',
        status: '404',
      });
    }
    const path = parts.slice(4).join('/');
    const text = fullName === 'open-org/open-repo' ? tree[path] : undefined;
    if (text !== undefined) {
      const file = contentsEntry(path, ref, text);
      // The file object: the entry plus its content, base64 in lines of 60 as GitHub sends it.
      const content =
        (
          Buffer.from(text)
            .toString('base64')
            .match(/.{1,60}/g) ?? []
        ).join('\n') + '\n';
      return json(200, { ...file, content, encoding: 'base64' });
    }
    const children = fullName === 'open-org/open-repo' ? Object.keys(tree).filter((p) => p.startsWith(`${path}/`)) : [];
    if (path !== '' && children.length > 0) {
      const names = [...new Set(children.map((p) => p.slice(path.length + 1).split('/')[0]))].sort();
      return json(
        200,
        names.map((n) => {
          const child = `${path}/${n}`;
          return contentsEntry(child, ref, tree[child]);
        }),
      );
    }
    json(404, contentsNotFound);
  };

  // --- Web -------------------------------------------------------------------------------------

  let otherOrigin = '';
  const page = (title: string, text: string): string =>
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><h1>${title}</h1><p>${text}</p></body></html>\n`;
  const HTML = 'text/html; charset=utf-8';

  const web = (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    const method = req.method ?? 'GET';
    const redirect = (status: number, location: string): void =>
      send(
        res,
        status,
        { location, 'content-type': HTML },
        page('Moved', `See <a href="${location}">${location}</a>.`),
      );
    switch (pathname) {
      case '/web/ok':
        return send(res, 200, { 'content-type': HTML }, page('OK', 'A page that exists.'));
      case '/web/gone':
        return send(res, 404, { 'content-type': HTML }, page('Not Found', 'No such page.'));
      case '/web/removed':
        return send(res, 410, { 'content-type': HTML }, page('Gone', 'This page was removed.'));
      case '/web/head-refused': {
        if (method === 'HEAD') return send(res, 405, { allow: 'GET', 'content-type': HTML }, '');
        const body = page('Refuses HEAD', 'This host answers GET only.');
        if (/^bytes=0-0$/.test(req.headers.range ?? '')) {
          const total = Buffer.byteLength(body);
          return send(
            res,
            206,
            { 'content-type': HTML, 'content-range': `bytes 0-0/${total}`, 'accept-ranges': 'bytes' },
            body.slice(0, 1),
          );
        }
        return send(res, 200, { 'content-type': HTML, 'accept-ranges': 'bytes' }, body);
      }
      case '/web/redirect':
        return redirect(301, '/web/ok');
      case '/web/loop':
        return redirect(302, '/web/loop');
      case '/web/chain':
        return redirect(302, '/web/chain2');
      case '/web/chain2':
        return redirect(302, '/web/ok');
      case '/web/slow':
        return hang(res);
      case '/web/error':
        return send(
          res,
          503,
          { 'content-type': HTML, 'retry-after': 120 },
          page('Service Unavailable', 'Try again later.'),
        );
      case '/web/cross-origin':
        return redirect(302, `${otherOrigin}/echo`);
      default:
        return send(res, 404, { 'content-type': HTML }, page('Not Found', 'No such page.'));
    }
  };

  // --- Listeners -------------------------------------------------------------------------------

  const main = createServer((req, res) => {
    const record = recordOf(req, 'main');
    requests.push(record);
    notify(record);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = url.pathname;
    // The APIs answer pages of any origin (CORS), as the real ones do; plain web pages do not.
    if (pathname.startsWith('/github-api/') || pathname.startsWith('/hub/api/')) {
      const github = pathname.startsWith('/github-api/');
      for (const [name, value] of Object.entries(github ? GITHUB_CORS : HUB_CORS)) res.setHeader(name, value);
      if (req.method === 'OPTIONS') return send(res, 204, {}, '');
    }
    if (pathname === '/hub' || pathname.startsWith('/hub/')) return hub(req, res, pathname.slice('/hub'.length));
    if (pathname === '/github-api' || pathname.startsWith('/github-api/')) {
      return github(req, res, url, pathname.slice('/github-api'.length));
    }
    if (pathname.startsWith('/web/')) return web(req, res, pathname);
    send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not Found');
  });
  const other = createServer((req, res) => {
    const record = recordOf(req, 'other');
    otherRequests.push(record);
    notify(record);
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname === '/echo') {
      return send(
        res,
        200,
        { 'content-type': 'application/json; charset=utf-8' },
        JSON.stringify({ headers: record.headers }),
      );
    }
    send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not Found');
  });
  track(main);
  track(other);

  const listen = (server: Server): Promise<string> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      });
    });
  const url = await listen(main);
  otherOrigin = await listen(other);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = [main, other].map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
      const open = [...held];
      held.clear();
      for (const res of open) res.destroy();
      for (const socket of sockets) socket.destroy();
      await Promise.all(stopped);
    })();
    return closing;
  };

  return {
    url,
    hubEndpoint: `${url}/hub`,
    githubApi: `${url}/github-api`,
    webBase: `${url}/web`,
    otherOrigin,
    requests,
    otherRequests,
    get connections() {
      return connections;
    },
    get hanging() {
      return held.size;
    },
    hugeStreams,
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onHeldClosed(listener) {
      heldClosedListeners.add(listener);
      return () => heldClosedListeners.delete(listener);
    },
    close,
  };
}
