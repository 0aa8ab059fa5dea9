/**
 * An evidence host over an in-memory tree, for tests of what the file system cannot easily
 * make portable (links, unreadable files): paths map to text, bytes, a folder (`{}`) or a link.
 */
import type { EvidenceHost, FileStat } from '../../server/src/service';

export type MemoryEntry = string | Uint8Array | { dir: true } | { link: string };

export function memoryFiles(
  tree: Record<string, MemoryEntry>,
  options: { mtime?: () => number } = {},
): EvidenceHost & { reads: string[] } {
  const reads: string[] = [];
  const pathOf = (uri: string) => decodeURIComponent(uri.replace(/^file:\/\//, ''));
  const links = Object.entries(tree).filter(
    (e): e is [string, { link: string }] => typeof e[1] === 'object' && 'link' in e[1],
  );
  /** The path with every link in it (itself, or a folder above it) followed. */
  const resolve = (path: string): [string, MemoryEntry | undefined] => {
    for (let seen = 0; seen < 10; seen++) {
      const link = links.find(([from]) => path === from || path.startsWith(`${from}/`));
      if (!link) break;
      path = link[1].link + path.slice(link[0].length);
    }
    return [path, tree[path] ?? (Object.keys(tree).some((p) => p.startsWith(`${path}/`)) ? { dir: true } : undefined)];
  };
  return {
    reads,
    stat(uri) {
      const path = pathOf(uri);
      const raw = tree[path];
      const [, entry] = resolve(path);
      if (!entry) return undefined;
      const link = !!raw && typeof raw === 'object' && 'link' in raw;
      const kind = typeof entry === 'object' && 'dir' in entry ? 'directory' : 'file';
      const size =
        typeof entry === 'string' ? Buffer.byteLength(entry) : entry instanceof Uint8Array ? entry.length : 0;
      return { kind, size, mtime: options.mtime?.() ?? 1, ...(link ? { link } : {}) } satisfies FileStat;
    },
    readDirectory(uri) {
      const [path] = resolve(pathOf(uri).replace(/\/$/, ''));
      const names = new Set(
        Object.keys(tree)
          .filter((p) => p.startsWith(`${path}/`))
          .map((p) => p.slice(path.length + 1).split('/')[0]),
      );
      return names.size ? [...names] : undefined;
    },
    readFile(uri, maxBytes) {
      reads.push(pathOf(uri));
      const [, entry] = resolve(pathOf(uri));
      if (typeof entry === 'string') return Buffer.from(entry).subarray(0, maxBytes);
      if (entry instanceof Uint8Array) return entry.subarray(0, maxBytes);
      return undefined;
    },
    realUri(uri) {
      const [path] = resolve(pathOf(uri));
      return `file://${path}`;
    },
  };
}
