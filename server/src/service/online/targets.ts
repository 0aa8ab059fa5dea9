/**
 * Which online host a location names, read from its URL alone: a Hugging Face Hub model or
 * dataset repository, a GitHub repository (with a ref and a path, when it names one), or any
 * other http(s) address. Nothing here touches the network.
 */

export type OnlineTarget =
  | {
      host: 'hub';
      kind: 'model' | 'dataset';
      id: string;
      revision?: string;
      path?: string;
      /** The path names a file (`/blob/`, `/resolve/`), not a folder (`/tree/`). */
      file?: true;
    }
  | { host: 'github'; owner: string; repo: string; ref?: string; path?: string }
  | { host: 'web'; url: string };

const HUB_HOSTS = new Set(['huggingface.co', 'www.huggingface.co', 'hf.co']);
const GITHUB_HOSTS = new Set(['github.com', 'www.github.com']);
/** First path segments of huggingface.co that are pages, not a model's owner. */
const HUB_PAGES = new Set([
  'api',
  'blog',
  'chat',
  'collections',
  'docs',
  'join',
  'learn',
  'login',
  'models',
  'organizations',
  'papers',
  'posts',
  'pricing',
  'settings',
  'spaces',
  'tasks',
]);
/** First path segments of github.com that are pages, not an owner. */
const GITHUB_PAGES = new Set([
  'about',
  'apps',
  'collections',
  'features',
  'login',
  'marketplace',
  'orgs',
  'settings',
  'sponsors',
  'topics',
]);
/** A Hub repository name part, as huggingface_hub validates repo ids: word characters, `-` and `.`, at most 96. */
const HUB_NAME = /^[\w.-]{1,96}$/;
/** A GitHub owner or repository name: letters, digits, `-`, `_` and `.`. */
const GITHUB_NAME = /^[\w.-]{1,100}$/;
/** Where a Hub or GitHub URL's ref and path start: `/tree/<ref>/<path>`, `/blob/…`, `/resolve/…`. */
const HUB_VIEWS = new Set(['tree', 'blob', 'resolve']);
const GITHUB_VIEWS = new Set(['tree', 'blob']);

function segments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

function hubTarget(parts: string[]): OnlineTarget | undefined {
  const kind = parts[0] === 'datasets' ? 'dataset' : 'model';
  const rest = kind === 'dataset' ? parts.slice(1) : parts;
  // One segment is an owner's page (or an old id without owner, which the Hub now redirects).
  if (rest.length < 2 || (kind === 'model' && HUB_PAGES.has(rest[0]))) return undefined;
  const [owner, name, view, revision, ...path] = rest;
  if (!HUB_NAME.test(owner) || !HUB_NAME.test(name)) return undefined;
  const target: OnlineTarget = { host: 'hub', kind, id: `${owner}/${name}` };
  if (view !== undefined && HUB_VIEWS.has(view) && revision) {
    target.revision = revision;
    if (path.length > 0) {
      target.path = path.join('/');
      if (view !== 'tree') target.file = true;
    }
  }
  return target;
}

function githubTarget(parts: string[]): OnlineTarget | undefined {
  if (parts.length < 2 || GITHUB_PAGES.has(parts[0])) return undefined;
  const [owner, rawRepo, view, ref, ...path] = parts;
  const repo = rawRepo.replace(/\.git$/, '');
  if (!GITHUB_NAME.test(owner) || !GITHUB_NAME.test(repo)) return undefined;
  const target: OnlineTarget = { host: 'github', owner, repo };
  if (view !== undefined && GITHUB_VIEWS.has(view) && ref) {
    target.ref = ref;
    if (path.length > 0) target.path = path.join('/');
  }
  return target;
}

/** The host a location names, or undefined for a path, a page of a host, or text that is no URL. */
export function onlineTarget(location: string): OnlineTarget | undefined {
  let url: URL;
  try {
    url = new URL(location.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  if (HUB_HOSTS.has(host)) return hubTarget(segments(url));
  if (GITHUB_HOSTS.has(host)) return githubTarget(segments(url));
  return { host: 'web', url: url.href };
}
