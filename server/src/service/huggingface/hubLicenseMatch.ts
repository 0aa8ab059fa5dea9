/**
 * A written `license` against the Hub's list: the Hub id it means (a case variant, an SPDX
 * id or another recognisable spelling of a listed license), or the SPDX id the Hub does not
 * list (then the card must say `license: other` and name it in `license_name`), or nothing
 * known. The other way round, the SPDX id each Hub id stands for, where one does.
 */
import { resolveLicense } from '../licenses/resolve';
import { SPDX_LICENSES_BY_LOWER } from '../licenses/spdx';
import { closest, editDistance } from '../text/suggest';
import { HUB_LICENSE_IDS, HUB_LICENSES } from './hubLicenses';

/** Hub ids whose SPDX id is not their own spelling in another case. */
const SPDX_OF_HUB: Readonly<Record<string, string>> = {
  'odc-by': 'ODC-By-1.0',
  odbl: 'ODbL-1.0',
  pddl: 'PDDL-1.0',
  'c-uda': 'C-UDA-1.0',
  // Not an SPDX id yet: the curated open list has it.
  'openmdw-1.1': 'OpenMDW-1.1',
  // The Hub's GNU ids do not say "or later"; SPDX's current ids for them end in `-only`.
  'gpl-2.0': 'GPL-2.0-only',
  'gpl-3.0': 'GPL-3.0-only',
  'lgpl-2.1': 'LGPL-2.1-only',
  'lgpl-3.0': 'LGPL-3.0-only',
  'agpl-3.0': 'AGPL-3.0-only',
};

/** The SPDX id a Hub id stands for; undefined for families (`bsd`, `cc`, `gpl`) and licenses SPDX lacks (`llama3`). */
export function spdxOfHubId(id: string): string | undefined {
  return SPDX_OF_HUB[id] ?? SPDX_LICENSES_BY_LOWER.get(id);
}

/** Lower-cased SPDX id → Hub id (`odc-by-1.0` → `odc-by`, `gpl-3.0-only` → `gpl-3.0`). */
const HUB_BY_SPDX: ReadonlyMap<string, string> = new Map(
  HUB_LICENSES.flatMap(({ id }) => {
    const spdx = spdxOfHubId(id);
    return spdx ? [[spdx.toLowerCase(), id] as const] : [];
  }),
);

function hubIdOf(text: string): string | undefined {
  const lower = text.toLowerCase();
  return HUB_LICENSE_IDS.has(lower) ? lower : HUB_BY_SPDX.get(lower);
}

export type HubLicenseMatch =
  /** Exactly a Hub id. */
  | { kind: 'hub' }
  /** Another spelling of listed licenses: the Hub ids, best first. */
  | { kind: 'spelling'; ids: string[] }
  /** An SPDX license the Hub does not list: `license: other` with `license_name: <name>`. */
  | { kind: 'unlisted'; spdx: string; name: string }
  /** Nothing known; `ids` are close Hub ids, `name` a `license_name` when the text reads as an id. */
  | { kind: 'unknown'; ids: string[]; name: string | undefined };

/** Written ids the `license_name` convention accepts as they are (lowercased). */
const ID_LIKE = /^[a-z0-9][a-z0-9._+-]*$/;

export function matchHubLicense(written: string): HubLicenseMatch {
  const text = written.trim();
  if (HUB_LICENSE_IDS.has(text)) return { kind: 'hub' };
  const direct = hubIdOf(text);
  if (direct) return { kind: 'spelling', ids: [direct] };
  const resolved = resolveLicense(text);
  if (resolved.kind === 'spdx') {
    const id = hubIdOf(resolved.id);
    if (id) return { kind: 'spelling', ids: [id] };
    return { kind: 'unlisted', spdx: resolved.id, name: resolved.id.toLowerCase() };
  }
  if (resolved.kind === 'family') {
    const ids = [...new Set(resolved.candidates.flatMap((c) => hubIdOf(c) ?? []))];
    if (ids.length > 0) return { kind: 'spelling', ids };
  }
  if (resolved.kind === 'restricted' || resolved.kind === 'not-open') {
    const ids = [...new Set([...resolved.entry.huggingFace, resolved.entry.id].flatMap((c) => hubIdOf(c) ?? []))];
    if (ids.length > 0) return { kind: 'spelling', ids };
  }
  const lower = text.toLowerCase();
  const ids = closest(
    lower,
    [...HUB_LICENSE_IDS].filter((id) => id !== 'other' && id !== 'unknown'),
  ).filter((id) => editDistance(lower, id, 2) <= 2);
  return { kind: 'unknown', ids, name: ID_LIKE.test(lower) ? lower : undefined };
}
