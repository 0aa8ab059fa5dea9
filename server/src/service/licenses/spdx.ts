/**
 * Access to the bundled SPDX license and exception lists.
 * All tables are built once, at module load.
 */
// CommonJS imports: bundled as ES-module imports, each list's ~600 entries would be copied into
// getters at every start (a few ms of the server's start).
import spdxList = require('spdx-license-list');
import licenseIds = require('spdx-license-ids/index.json');
import deprecatedIds = require('spdx-license-ids/deprecated.json');
import exceptionIds = require('spdx-exceptions/index.json');
import deprecatedExceptionIds = require('spdx-exceptions/deprecated.json');

export interface SpdxLicense {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly osiApproved: boolean;
  readonly deprecated: boolean;
}

export interface SpdxException {
  readonly id: string;
  readonly deprecated: boolean;
}

/** The canonical SPDX page for an id. */
export function spdxPageUrl(id: string): string {
  return `https://spdx.org/licenses/${id}.html`;
}

function buildLicenses(): ReadonlyMap<string, SpdxLicense> {
  const deprecated = new Set<string>(deprecatedIds);
  const map = new Map<string, SpdxLicense>();
  for (const [id, entry] of Object.entries(spdxList)) {
    map.set(id, {
      id,
      name: entry.name,
      url: entry.url,
      osiApproved: entry.osiApproved,
      // `GPL-2.0+` and friends are deprecated SPDX ids that spdx-license-ids lists only without the `+`.
      deprecated: deprecated.has(id) || id.endsWith('+'),
    });
  }
  // Ids the id list knows but the (older or newer) name list does not: keep them, with minimal data.
  for (const id of [...licenseIds, ...deprecatedIds]) {
    if (!map.has(id)) {
      map.set(id, { id, name: id, url: spdxPageUrl(id), osiApproved: false, deprecated: deprecated.has(id) });
    }
  }
  return map;
}

/** Every known SPDX license id (including deprecated ones), by exact id. */
export const SPDX_LICENSES: ReadonlyMap<string, SpdxLicense> = buildLicenses();

/** Lower-cased id → canonical id. */
export const SPDX_LICENSES_BY_LOWER: ReadonlyMap<string, string> = new Map(
  [...SPDX_LICENSES.keys()].map((id) => [id.toLowerCase(), id] as const),
);

let collator: Intl.Collator | undefined;
/**
 * Compares names case-insensitively, with one collator made on first use: `localeCompare` with
 * options builds one per call, and making the first costs ICU set-up, which a start that
 * suggests and completes nothing should not pay.
 */
export function byName(a: string, b: string): number {
  return (collator ??= new Intl.Collator('en', { sensitivity: 'base' })).compare(a, b);
}

let currentIds: readonly string[] | undefined;
/** Non-deprecated ids, sorted case-insensitively (for suggestions and completion; built on first use). */
export function spdxCurrentIds(): readonly string[] {
  return (currentIds ??= Object.freeze(
    [...SPDX_LICENSES.values()]
      .filter((l) => !l.deprecated)
      .map((l) => l.id)
      .sort(byName),
  ));
}

function buildExceptions(): ReadonlyMap<string, SpdxException> {
  const map = new Map<string, SpdxException>();
  for (const id of exceptionIds) map.set(id, { id, deprecated: false });
  for (const id of deprecatedExceptionIds) map.set(id, { id, deprecated: true });
  return map;
}

/** Every known SPDX license exception id, by exact id. */
export const SPDX_EXCEPTIONS: ReadonlyMap<string, SpdxException> = buildExceptions();

export const SPDX_EXCEPTIONS_BY_LOWER: ReadonlyMap<string, string> = new Map(
  [...SPDX_EXCEPTIONS.keys()].map((id) => [id.toLowerCase(), id] as const),
);

export const SPDX_CURRENT_EXCEPTION_IDS: readonly string[] = Object.freeze(
  [...SPDX_EXCEPTIONS.values()].filter((e) => !e.deprecated).map((e) => e.id),
);

/** Number of license ids in the bundled `spdx-license-list` (deprecated ones included). */
export function spdxLicenseCount(): number {
  return Object.keys(spdxList).length;
}
