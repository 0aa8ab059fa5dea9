/**
 * Paths inside URIs (`file:///repo/osai.yaml`, `vscode-vfs://github/org/repo/osai.yaml`): the
 * folder of a document, a location resolved against it, whether one is inside another. POSIX
 * rules on the URI's path; the scheme and authority are kept as they are.
 */

function split(uri: string): { base: string; path: string } {
  const m = /^([a-z][a-z0-9+.-]*:(?:\/\/[^/]*)?)(.*)$/i.exec(uri);
  return m ? { base: m[1], path: m[2] || '/' } : { base: '', path: uri };
}

/** `.` and `..` resolved, no double slashes; `..` above the top stays at the top. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function parentUri(uri: string): string {
  const { base, path } = split(uri);
  const i = normalise(path).lastIndexOf('/');
  return `${base}${i <= 0 ? '/' : normalise(path).slice(0, i)}`;
}

/** A relative path (`./train`, `../data/x`, `code`) or an absolute one (`/srv/x`) against a folder. */
export function resolveUri(folder: string, relative: string): string {
  const { base, path } = split(folder);
  const encoded = relative
    .split('/')
    .map((p) => (p === '..' || p === '.' ? p : encodeURIComponent(p)))
    .join('/');
  return `${base}${normalise(relative.startsWith('/') ? encoded : `${path}/${encoded}`)}`;
}

export function childUri(folder: string, name: string): string {
  const { base, path } = split(folder);
  return `${base}${normalise(`${path}/${encodeURIComponent(name)}`)}`;
}

/** Whether `uri` is `root` or inside it (same scheme and authority). */
export function isInsideUri(uri: string, root: string): boolean {
  const a = split(uri);
  const b = split(root);
  if (a.base.toLowerCase() !== b.base.toLowerCase()) return false;
  // Decoded: two writers of URIs escape different characters (VS Code `%40`, Node `@`).
  const p = decodedSegments(normalise(a.path));
  const r = decodedSegments(normalise(b.path));
  return p === r || p.startsWith(r === '/' ? '/' : `${r}/`);
}

function decodedSegments(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** The path shown to people: relative to the root when inside it (`./train/LICENSE`). */
export function shownUri(uri: string, root: string): string {
  const a = decodedSegments(normalise(split(uri).path));
  const r = decodedSegments(normalise(split(root).path));
  if (a === r) return '.';
  if (isInsideUri(uri, root)) return `./${a.slice(r === '/' ? 1 : r.length + 1)}`;
  return a;
}

/** The last segment of a URI's path, decoded. */
export function nameOf(uri: string): string {
  const path = normalise(split(uri).path);
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** What a location written in a release names: a local path (resolved later), a URL, or nothing to follow. */
export type LocationKind =
  { kind: 'path'; path: string } | { kind: 'file-uri'; uri: string } | { kind: 'remote' } | { kind: 'not-a-path' };

export function locationKind(written: string): LocationKind {
  const text = written.trim();
  if (text === '') return { kind: 'not-a-path' };
  if (/^file:/i.test(text)) return { kind: 'file-uri', uri: text };
  if (/^[a-z]:[\\/]/i.test(text)) return { kind: 'path', path: text.replace(/\\/g, '/') }; // a Windows drive path
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return { kind: 'remote' }; // https:, hf:, s3:, …
  const explicit = /^\.{1,2}\//.test(text) || text.startsWith('/');
  // Prose ("see the paper") is no path; neither is a host written without its scheme (github.com/org/repo).
  if (!explicit && (/\s/.test(text) || /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\//i.test(text))) return { kind: 'not-a-path' };
  return { kind: 'path', path: text };
}
