/**
 * Curated open data / content licenses: not OSI-approved (OSI does not review
 * data or documentation licenses), but their terms let anyone use, study,
 * modify and share for any purpose, so they pass the `open` test.
 * Each entry says where the text lives and, briefly, why it qualifies.
 */
import { lookupNamed } from './named';
import { SPDX_LICENSES } from './spdx';

export interface OpenLicense {
  readonly id: string;
  readonly url: string;
  readonly reason: string;
}

const ATTRIBUTION = 'permits any use, change and redistribution; the only condition is credit to the author';
const SHARE_ALIKE = 'permits any use and change; shared adaptations must carry the same license (copyleft), which is allowed';
const PUBLIC_DOMAIN = 'gives the work to the public domain as far as the law allows, with no conditions';

export const OPEN_LICENSES: readonly OpenLicense[] = Object.freeze([
  { id: 'CC0-1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/legalcode', reason: PUBLIC_DOMAIN },
  { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/legalcode', reason: ATTRIBUTION },
  { id: 'CC-BY-3.0', url: 'https://creativecommons.org/licenses/by/3.0/legalcode', reason: ATTRIBUTION },
  { id: 'CC-BY-2.5', url: 'https://creativecommons.org/licenses/by/2.5/legalcode', reason: ATTRIBUTION },
  { id: 'CC-BY-2.0', url: 'https://creativecommons.org/licenses/by/2.0/legalcode', reason: ATTRIBUTION },
  { id: 'CC-BY-SA-4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/legalcode', reason: SHARE_ALIKE },
  { id: 'CC-BY-SA-3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/legalcode', reason: SHARE_ALIKE },
  { id: 'CC-BY-SA-2.5', url: 'https://creativecommons.org/licenses/by-sa/2.5/legalcode', reason: SHARE_ALIKE },
  { id: 'CC-BY-SA-2.0', url: 'https://creativecommons.org/licenses/by-sa/2.0/legalcode', reason: SHARE_ALIKE },
  { id: 'CC-PDDC', url: 'https://creativecommons.org/licenses/publicdomain/', reason: PUBLIC_DOMAIN },
  { id: 'CDLA-Permissive-2.0', url: 'https://cdla.dev/permissive-2-0', reason: 'data license permitting any use, change and sharing; results of computation are unrestricted' },
  { id: 'CDLA-Permissive-1.0', url: 'https://cdla.io/permissive-1-0', reason: 'data license permitting any use, change and sharing, with notice preserved' },
  { id: 'CDLA-Sharing-1.0', url: 'https://cdla.io/sharing-1-0', reason: 'data license permitting any use; redistributed data stays under the same terms (copyleft for data)' },
  { id: 'ODC-By-1.0', url: 'https://opendatacommons.org/licenses/by/1.0/', reason: 'database license permitting any use, change and sharing with attribution' },
  { id: 'ODbL-1.0', url: 'https://opendatacommons.org/licenses/odbl/1.0/', reason: 'database license permitting any use; shared adapted databases must stay under the same terms (copyleft)' },
  { id: 'PDDL-1.0', url: 'https://opendatacommons.org/licenses/pddl/1.0/', reason: 'places a database in the public domain, with no conditions' },
  { id: 'O-UDA-1.0', url: 'https://github.com/microsoft/Open-Use-of-Data-Agreement/blob/v1.0/O-UDA-1.0.md', reason: 'data agreement permitting any use, change and sharing of the data' },
  { id: 'OpenMDW-1.0', url: 'https://raw.githubusercontent.com/OpenMDW/OpenMDW/refs/heads/main/1.0/LICENSE.openmdw', reason: 'permissive license written for model materials (weights, code, data, documentation), without use restrictions' },
  { id: 'OGL-UK-3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', reason: 'UK government licence permitting any use, change and sharing with attribution' },
  { id: 'OGL-UK-2.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/', reason: 'UK government licence permitting any use, change and sharing with attribution' },
  { id: 'OGL-Canada-2.0', url: 'https://open.canada.ca/en/open-government-licence-canada', reason: 'Canadian government licence permitting any use, change and sharing with attribution' },
  { id: 'etalab-2.0', url: 'https://github.com/DISIC/politique-de-contribution-open-source/blob/master/LICENSE.pdf', reason: 'French government open licence permitting any use, change and sharing with attribution' },
  { id: 'DL-DE-BY-2.0', url: 'https://www.govdata.de/dl-de/by-2-0', reason: 'German data licence permitting any use, change and sharing with attribution' },
  { id: 'DL-DE-ZERO-2.0', url: 'https://www.govdata.de/dl-de/zero-2-0', reason: 'German data licence permitting any use without conditions' },
  { id: 'NLOD-2.0', url: 'https://data.norge.no/nlod/en/2.0', reason: 'Norwegian open government data licence permitting any use with attribution' },
  { id: 'NLOD-1.0', url: 'https://data.norge.no/nlod/en/1.0', reason: 'Norwegian open government data licence permitting any use with attribution' },
  { id: 'FreeBSD-DOC', url: 'https://www.freebsd.org/copyright/freebsd-doc-license/', reason: 'permissive documentation license (BSD-style): any use, change and sharing with notice kept' },
  { id: 'GFDL-1.3-no-invariants-only', url: 'https://www.gnu.org/licenses/fdl-1.3.txt', reason: 'GNU documentation license used without invariant sections, so every part may be changed (copyleft)' },
  { id: 'GFDL-1.3-no-invariants-or-later', url: 'https://www.gnu.org/licenses/fdl-1.3.txt', reason: 'GNU documentation license used without invariant sections, so every part may be changed (copyleft)' },
  { id: 'GFDL-1.2-no-invariants-only', url: 'https://www.gnu.org/licenses/old-licenses/fdl-1.2.txt', reason: 'GNU documentation license used without invariant sections, so every part may be changed (copyleft)' },
  { id: 'GFDL-1.2-no-invariants-or-later', url: 'https://www.gnu.org/licenses/old-licenses/fdl-1.2.txt', reason: 'GNU documentation license used without invariant sections, so every part may be changed (copyleft)' },
]);

/** Curated open license by exact id. */
export const OPEN_LICENSES_BY_ID: ReadonlyMap<string, OpenLicense> = new Map(OPEN_LICENSES.map((e) => [e.id, e] as const));

/** Curated ids that are not (yet) in the bundled SPDX list; they are still treated as known ids. */
export const OPEN_IDS_OUTSIDE_SPDX: readonly string[] = Object.freeze(
  OPEN_LICENSES.filter((e) => !SPDX_LICENSES.has(e.id)).map((e) => e.id),
);

export const OPEN_LICENSES_BY_LOWER: ReadonlyMap<string, string> = new Map(
  OPEN_LICENSES.map((e) => [e.id.toLowerCase(), e.id] as const),
);

/** Known reasons why particular licenses are not open (used in messages). */
const NOT_OPEN_REASONS: ReadonlyMap<string, string> = new Map([
  ['C-UDA-1.0', 'it limits use of the data to computational analysis (a field-of-use restriction)'],
  ['GFDL-1.1', 'it lets authors add invariant sections that nobody may change'],
  ['GFDL-1.2', 'it lets authors add invariant sections that nobody may change'],
  ['GFDL-1.3', 'it lets authors add invariant sections that nobody may change'],
  ['CC-PDM-1.0', 'it marks works already free of copyright rather than granting a license'],
  ['Hippocratic-2.1', 'it forbids uses that break its human-rights conditions (a field-of-use restriction)'],
]);

/**
 * A short phrase ("its non-commercial clause restricts use") explaining why `id` is not open, if known.
 * Besides SPDX ids, this knows the licenses recognised by name that are not open for a reason other
 * than a use restriction (research-only, no redistribution, unreviewed permissive): their clause.
 */
export function notOpenReason(id: string): string | undefined {
  const nc = /-NC(-|$)/.test(id);
  const nd = /-ND(-|$)/.test(id);
  if (nc && nd) return 'its non-commercial clause restricts use and its no-derivatives clause forbids changes';
  if (nc) return 'its non-commercial clause restricts use';
  if (nd) return 'its no-derivatives clause forbids changes';
  const direct = NOT_OPEN_REASONS.get(id);
  if (direct) return direct;
  const gfdl = /^(GFDL-\d\.\d)-(?:only|or-later)$/.exec(id);
  if (gfdl) return NOT_OPEN_REASONS.get(gfdl[1]);
  if (SPDX_LICENSES.has(id)) return undefined;
  const named = lookupNamed(id);
  return named && named.kind !== 'use-restricted' ? named.restriction : undefined;
}
