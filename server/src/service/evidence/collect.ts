/**
 * What a release really contains, for each component that has a local location: whether the
 * location exists inside the repository, and the license evidence found for it — an
 * `SPDX-License-Identifier:` at the top of a file location, else the license files and package
 * manifests of its folder or the nearest folder above it, up to the repository root.
 *
 * The repository root is the nearest folder with `.git`, else the workspace folder (or the
 * folder given to the command line) holding the document, else the document's own folder. A
 * location outside it is not followed; neither is a link leading out of it. What is read is
 * bounded: no `node_modules` or `.git`, at most 8 license files a folder, none over 1 MiB.
 */
import { identifyLicenseText, prepareLicenseIndex, type Identification } from '../licenses/identify/identify';
import { list, pause, read, real, stat, type Steps } from './host';
import { isLicenseFileName, PACKAGE_MANIFESTS, packageLicense, spdxHeader } from './sources';
import { childUri, isInsideUri, locationKind, nameOf, parentUri, resolveUri } from './uris';
import type { EvidenceTarget } from './targets';

/** No license file is longer. */
export const MAX_LICENSE_BYTES = 1024 * 1024;
/** Enough of a file's top for an `SPDX-License-Identifier:` line. */
const HEADER_BYTES = 4096;
const MAX_LICENSE_FILES = 8;
/** Folders between a location and its root: deeper is no real repository. */
const MAX_DEPTH = 64;

export interface FoundLicense {
  /** `host`: what the Hub or GitHub records for an online location (online/). */
  source: 'file' | 'spdx-header' | 'package' | 'host';
  uri: string;
  /** From an SPDX header or a package manifest: the expression as written. */
  expression?: string;
  /** From a license file: what its text is. */
  identification?: Identification;
  /** A license file that could not be read as text (binary, not UTF-8, too large). */
  problem?: string;
}

export type EvidenceState =
  /** Evidence was found (`found` lists it). */
  | 'found'
  | 'not-found'
  | 'outside-root'
  /** The location exists, and nothing states its license. */
  | 'no-evidence';

export interface TargetEvidence {
  target: EvidenceTarget;
  state: EvidenceState;
  /** The location resolved (a URI). */
  resolved: string;
  found: FoundLicense[];
}

export interface Evidence {
  /** The repository root the locations were resolved in. */
  root: string;
  /** The components with a local location, in the order of the targets. */
  items: TargetEvidence[];
}

/** What was read before, by URI, size and modification time: a host keeps it between collections. */
export type EvidenceCache = Map<string, FoundLicense | undefined>;

export function* collectEvidence(
  documentUri: string,
  targets: readonly EvidenceTarget[],
  roots: readonly string[],
  cache?: EvidenceCache,
): Steps<Evidence> {
  // What was asked for before (a publication) goes out first.
  yield* pause();
  const folder = parentUri(documentUri);
  // A document whose folder is not there (not saved yet, its folder deleted): nothing to compare with.
  if ((yield* stat(folder))?.kind !== 'directory') return { root: folder, items: [] };
  const root = yield* findRoot(folder, roots);
  const items: TargetEvidence[] = [];
  for (const target of targets) {
    const item = yield* targetEvidence(target, folder, root, cache);
    if (item) items.push(item);
  }
  return { root, items };
}

/** The repository root of a folder: the nearest with `.git`, else the workspace folder holding it, else itself. */
export function* findRoot(folder: string, roots: readonly string[]): Steps<string> {
  const workspace = roots.filter((r) => isInsideUri(folder, r)).sort((a, b) => b.length - a.length)[0];
  let dir = folder;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (yield* stat(childUri(dir, '.git'))) return dir;
    if (workspace && dir === workspace) return dir;
    const up = parentUri(dir);
    if (up === dir) break;
    dir = up;
  }
  return workspace ?? folder;
}

function* targetEvidence(
  target: EvidenceTarget,
  folder: string,
  root: string,
  cache?: EvidenceCache,
): Steps<TargetEvidence | undefined> {
  let resolved: string;
  if (!target.location) {
    resolved = folder;
  } else {
    const kind = locationKind(target.location.text);
    if (kind.kind === 'not-a-path' || kind.kind === 'remote') return undefined;
    if (kind.kind === 'file-uri') {
      if (!/^file:/i.test(folder)) return { target, state: 'outside-root', resolved: kind.uri, found: [] };
      resolved = resolveUri('file:///', decodeFileUriPath(kind.uri));
    } else {
      resolved = resolveUri(folder, /^[a-z]:\//i.test(kind.path) ? `/${kind.path}` : kind.path);
    }
  }
  const result = (state: EvidenceState, found: FoundLicense[] = []): TargetEvidence => ({
    target,
    state,
    resolved,
    found,
  });
  if (!isInsideUri(resolved, root)) return result('outside-root');
  const info = yield* stat(resolved);
  if (!info) return result('not-found');
  if (info.link) {
    const target = yield* real(resolved);
    if (!target || !isInsideUri(target, root)) return result('outside-root');
  }
  if (target.locationIsLicenseFile) {
    const found = info.kind === 'file' ? yield* licenseFile(resolved, info.size, info.mtime, cache) : undefined;
    return found ? result('found', [found]) : result('no-evidence');
  }
  if (info.kind === 'file') {
    const head = yield* read(resolved, HEADER_BYTES);
    const expression = head ? spdxHeader(decodeLoosely(head)) : undefined;
    if (expression) return result('found', [{ source: 'spdx-header', uri: resolved, expression }]);
  }
  let dir = info.kind === 'directory' ? resolved : parentUri(resolved);
  if (target.ownFolderOnly) {
    const found = yield* folderEvidence(dir, cache);
    return result(found.length > 0 ? 'found' : 'no-evidence', found);
  }
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (!/\/(?:node_modules|\.git)(?:\/|$)/.test(dir)) {
      const found = yield* folderEvidence(dir, cache);
      if (found.length > 0) return result('found', found);
    }
    if (dir === root || !isInsideUri(dir, root)) break;
    dir = parentUri(dir);
  }
  return result('no-evidence');
}

/** The license files and package manifests of one folder. */
function* folderEvidence(dir: string, cache?: EvidenceCache): Steps<FoundLicense[]> {
  const names = [...((yield* list(dir)) ?? [])].sort();
  const found: FoundLicense[] = [];
  const files = names.filter(isLicenseFileName).slice(0, MAX_LICENSE_FILES);
  for (const name of PACKAGE_MANIFESTS) {
    if (!names.includes(name)) continue;
    const uri = childUri(dir, name);
    const bytes = yield* read(uri, MAX_LICENSE_BYTES);
    const stated = bytes ? packageLicense(name, decodeLoosely(bytes)) : undefined;
    if (stated?.expression) found.push({ source: 'package', uri, expression: stated.expression });
    for (const file of stated?.files ?? [])
      if (!files.includes(file) && !file.includes('/') && names.includes(file)) files.push(file);
  }
  for (const name of files) {
    const uri = childUri(dir, name);
    const info = yield* stat(uri);
    if (info?.kind !== 'file') continue;
    const file = yield* licenseFile(uri, info.size, info.mtime, cache);
    if (file) found.push(file);
  }
  return found;
}

function* licenseFile(
  uri: string,
  size: number,
  mtime: number,
  cache?: EvidenceCache,
): Steps<FoundLicense | undefined> {
  const key = `${uri}\u0000${size}\u0000${mtime}`;
  if (cache?.has(key)) return cache.get(key);
  let found: FoundLicense | undefined;
  if (size > MAX_LICENSE_BYTES) {
    found = {
      source: 'file',
      uri,
      problem: `${nameOf(uri)} is larger than 1 MiB, more than any license text; it was not read`,
    };
  } else {
    const bytes = yield* read(uri, MAX_LICENSE_BYTES);
    if (bytes) {
      // Identification is the CPU work here (the index's first decoding most of all): pause between its parts.
      while (!prepareLicenseIndex()) yield* pause();
      yield* pause();
      const text = decodeStrictly(bytes);
      found =
        text === undefined
          ? { source: 'file', uri, problem: `${nameOf(uri)} is not text (binary, or not UTF-8)` }
          : { source: 'file', uri, identification: identifyLicenseText(text) };
    }
  }
  if (cache) {
    if (cache.size >= 2000) cache.delete(cache.keys().next().value as string);
    cache.set(key, found);
  }
  return found;
}

function decodeStrictly(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeLoosely(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

function decodeFileUriPath(uri: string): string {
  const path = uri.replace(/^file:(?:\/\/[^/]*)?/i, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The evidence of an earlier version for the targets of this one: each target whose location,
 * declared license and component are as before gets what was found then (with its new spans),
 * so that findings do not vanish between a keystroke and the next collection.
 */
export function reuseEvidence(
  previous: Evidence | undefined,
  targets: readonly EvidenceTarget[],
): Evidence | undefined {
  if (!previous) return undefined;
  const before = new Map(previous.items.map((item) => [targetKey(item.target), item] as const));
  const items = targets.flatMap((target) => {
    const item = before.get(targetKey(target));
    return item ? [{ ...item, target }] : [];
  });
  return { root: previous.root, items };
}

/** What a target's evidence depends on in the document: its component, location and declared license. */
function targetKey(target: EvidenceTarget): string {
  return `${target.locationPath}\u0000${target.location?.text ?? ''}\u0000${target.declared?.text ?? ''}`;
}

/** What the evidence of a whole document depends on in it: a new collection is needed when this changes. */
export function evidenceKey(targets: readonly EvidenceTarget[]): string {
  return targets.map(targetKey).join('\u0001');
}

/** Whether two collections say the same (a new one then changes no finding). */
export function sameEvidence(a: Evidence | undefined, b: Evidence | undefined): boolean {
  // No evidence and evidence about nothing say the same.
  const summary = (e: Evidence | undefined) =>
    JSON.stringify(
      e?.items.length
        ? [
            e.root,
            e.items.map((i) => [
              i.target.locationPath,
              i.target.location?.text,
              i.target.declared?.text,
              i.state,
              i.resolved,
              i.found,
            ]),
          ]
        : null,
    );
  return summary(a) === summary(b);
}

/**
 * Whether a change to the file or folder `changed` may change this evidence: a license file or
 * package manifest inside the root, a location itself or a folder above it (created, deleted),
 * or the `.git` that makes a root. Other files inside a location folder change nothing found.
 */
export function evidenceConcerns(evidence: Evidence, changed: string): boolean {
  const name = nameOf(changed);
  if (name === '.git') return true;
  if (!isInsideUri(changed, evidence.root)) return false;
  if (isLicenseFileName(name) || (PACKAGE_MANIFESTS as readonly string[]).includes(name)) return true;
  return evidence.items.some((item) => isInsideUri(item.resolved, changed));
}
