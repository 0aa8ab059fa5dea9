/** Facts about one license id: `lookupLicense`. */
import { OPEN_LICENSES_BY_ID } from './openList';
import { lookupRestricted } from './restricted';
import { SPDX_LICENSES, spdxPageUrl } from './spdx';
import type { LicenseInfo } from './types';
import { isOpen } from './verdict';

/** Exact SPDX id, curated open id, or any spelling of a restricted AI license; `undefined` otherwise. */
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
    return { id, name: id, url: curated.url, osiApproved: false, open: true, deprecated: false, openReason: curated.reason };
  }
  const restricted = lookupRestricted(id);
  if (restricted) {
    return {
      id: restricted.id,
      name: restricted.name,
      url: restricted.url,
      osiApproved: false,
      open: false,
      deprecated: false,
      restricted: restricted.restriction,
    };
  }
  return undefined;
}
