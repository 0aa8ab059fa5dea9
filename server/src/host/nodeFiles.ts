/**
 * The evidence host on Node: the release's files read from the file system, for `file:` URIs.
 * `nodeFilesSync` answers at once (the command line); `nodeFiles` answers with promises, so a
 * server never blocks on a disk.
 */
import { closeSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EvidenceHost, FileStat } from '../service';

function pathOf(uri: string): string | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function toStat(
  info: { isDirectory(): boolean; isFile(): boolean; size: number; mtimeMs: number },
  link: boolean,
): FileStat | undefined {
  if (!info.isDirectory() && !info.isFile()) return undefined;
  return {
    kind: info.isDirectory() ? 'directory' : 'file',
    size: info.size,
    mtime: info.mtimeMs,
    ...(link ? { link } : {}),
  };
}

export const nodeFilesSync: EvidenceHost = {
  stat(uri) {
    const path = pathOf(uri);
    if (!path) return undefined;
    try {
      const link = lstatSync(path).isSymbolicLink();
      return toStat(statSync(path), link);
    } catch {
      return undefined;
    }
  },
  readDirectory(uri) {
    const path = pathOf(uri);
    try {
      return path ? readdirSync(path) : undefined;
    } catch {
      return undefined;
    }
  },
  readFile(uri, maxBytes) {
    const path = pathOf(uri);
    if (!path) return undefined;
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const buffer = Buffer.allocUnsafe(maxBytes);
      let length = 0;
      for (let n = 1; n > 0 && length < maxBytes; length += n)
        n = readSync(fd, buffer, length, maxBytes - length, null);
      return buffer.subarray(0, length);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  },
  realUri(uri) {
    const path = pathOf(uri);
    try {
      return path ? pathToFileURL(realpathSync(path)).href : undefined;
    } catch {
      return undefined;
    }
  },
};

export const nodeFiles: EvidenceHost = {
  async stat(uri) {
    const path = pathOf(uri);
    if (!path) return undefined;
    try {
      const link = (await lstat(path)).isSymbolicLink();
      return toStat(await stat(path), link);
    } catch {
      return undefined;
    }
  },
  async readDirectory(uri) {
    const path = pathOf(uri);
    try {
      return path ? await readdir(path) : undefined;
    } catch {
      return undefined;
    }
  },
  async readFile(uri, maxBytes) {
    const path = pathOf(uri);
    if (!path) return undefined;
    try {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.allocUnsafe(maxBytes);
        let length = 0;
        for (let n = 1; n > 0 && length < maxBytes; length += n)
          n = (await handle.read(buffer, length, maxBytes - length, null)).bytesRead;
        return buffer.subarray(0, length);
      } finally {
        await handle.close();
      }
    } catch {
      return undefined;
    }
  },
  async realUri(uri) {
    const path = pathOf(uri);
    try {
      return path ? pathToFileURL(await realpath(path)).href : undefined;
    } catch {
      return undefined;
    }
  },
};
