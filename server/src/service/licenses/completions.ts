/** License id completions, ordered for each test; computed once per test. */
import { OPEN_IDS_OUTSIDE_SPDX, OPEN_LICENSES, OPEN_LICENSES_BY_ID } from './openList';
import { byName, SPDX_LICENSES, spdxCurrentIds } from './spdx';
import type { LicenseCompletion, LicenseTest } from './types';
import { isOpen } from './verdict';

const memo = new Map<LicenseTest, readonly LicenseCompletion[]>();

function rankFor(test: LicenseTest, id: string, osiApproved: boolean): number {
  if (test === 'osi') return osiApproved ? 0 : 1;
  if (OPEN_LICENSES_BY_ID.has(id)) return 0;
  return osiApproved ? 1 : 2;
}

const CURATED_ORDER: ReadonlyMap<string, number> = new Map(OPEN_LICENSES.map((e, i) => [e.id, i] as const));

function curatedIndex(test: LicenseTest, id: string): number {
  return test === 'open' ? (CURATED_ORDER.get(id) ?? 0) : 0;
}

function build(test: LicenseTest): readonly LicenseCompletion[] {
  const ids = [...spdxCurrentIds(), ...OPEN_IDS_OUTSIDE_SPDX];
  const items = ids.map((id): LicenseCompletion => {
    const spdx = SPDX_LICENSES.get(id);
    const osiApproved = spdx?.osiApproved ?? false;
    return Object.freeze({
      id,
      name: spdx?.name ?? id,
      osiApproved,
      open: isOpen(id),
      rank: rankFor(test, id, osiApproved),
    });
  });
  // Within the curated group keep the curated order (most common first); otherwise alphabetical.
  items.sort((a, b) => a.rank - b.rank || curatedIndex(test, a.id) - curatedIndex(test, b.id) || byName(a.id, b.id));
  return Object.freeze(items);
}

/**
 * All non-deprecated SPDX ids plus the curated open ones. `osi`: OSI-approved first.
 * `open`: curated open data/content licenses first, then OSI-approved, then the rest.
 */
export function licenseCompletions(test: LicenseTest): readonly LicenseCompletion[] {
  let items = memo.get(test);
  if (!items) {
    items = build(test);
    memo.set(test, items);
  }
  return items;
}
