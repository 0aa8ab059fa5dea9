/** Facts about one license id: `lookupLicense`. */
import { OPEN_LICENSES_BY_ID } from './openList';
import { lookupNamed } from './named';
import { SPDX_LICENSES, spdxPageUrl } from './spdx';
import type { LicenseInfo } from './types';
import { isOpen } from './verdict';

/**
 * Exact SPDX id, curated open id, or any spelling of a license recognised by name (restricted AI licenses, research
 * licenses, …); `undefined` otherwise.
 */
export function lookupLicense(id: string): LicenseInfo | undefined {
  const spdx = SPDX_LICENSES.get(id);
  const curated = OPEN_LICENSES_BY_ID.get(id);
  if (spdx) {
    return {
      id,
      name: spdx.name,
      url: curated?.url ?? spdx.url ?? spdxPageUrl(id),
      osiApproved: spdx.osiApproved,
      open: isOpen(id),
      deprecated: spdx.deprecated,
      ...(curated ? { openReason: curated.reason } : {}),
    };
  }
  if (curated) {
    return {
      id,
      name: id,
      url: curated.url,
      osiApproved: false,
      open: true,
      deprecated: false,
      openReason: curated.reason,
    };
  }
  const named = lookupNamed(id);
  if (named) {
    const base = { id: named.id, name: named.name, url: named.url, osiApproved: false, open: false, deprecated: false };
    return named.kind === 'use-restricted'
      ? { ...base, restricted: named.restriction, kind: named.kind }
      : { ...base, kind: named.kind, notOpen: named.restriction };
  }
  return undefined;
}
