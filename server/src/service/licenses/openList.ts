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
const SHARE_ALIKE =
  'permits any use and change; shared adaptations must carry the same license (copyleft), which is allowed';
const PUBLIC_DOMAIN = 'gives the work to the public domain as far as the law allows, with no conditions';
const NO_INVARIANTS =
  'GNU documentation license used without invariant sections, so every part may be changed (copyleft)';
const NON_COMMERCIAL = 'its non-commercial clause restricts use';
const NO_DERIVATIVES = 'its no-derivatives clause forbids changes';
const INVARIANTS = 'it lets authors add invariant sections that nobody may change';

/**
 * Families of data and content licenses classified by the one principle OSAID applies to
 * them (OSD-conformant terms): attribution and share-alike conditions are fine; a
 * non-commercial, no-derivatives or use restriction is not. Written once, for every version
 * and port of a family: the SPDX list is read through these rules, so `CC-BY-3.0-DE`,
 * `CC-BY-1.0` and `CC-BY-SA-2.0-UK` are judged as their siblings are.
 */
interface FamilyRule {
  readonly match: RegExp;
  /** Why an id of the family is open, or why it is not (`open: false`); undefined: the rule does not judge it. */
  judge(m: RegExpExecArray): { open: boolean; reason: string; url?: string } | undefined;
}

const FAMILY_RULES: readonly FamilyRule[] = [
  {
    // Creative Commons 1.0–4.0, international and ported: CC-BY-SA-2.0-UK, CC-BY-3.0-IGO, CC-SA-1.0.
    match: /^CC-((?:BY|SA|NC|ND)(?:-(?:BY|SA|NC|ND))*)-(\d\.\d)(?:-([A-Za-z]+))?$/,
    judge: (m) => {
      const elements = m[1].split('-');
      const nc = elements.includes('NC');
      const nd = elements.includes('ND');
      const ported = m[3] ? ` (version ${m[2]} ported to ${m[3]})` : '';
      const url = `https://creativecommons.org/licenses/${m[1].toLowerCase()}/${m[2]}/${m[3] ? `${m[3].toLowerCase()}/` : ''}legalcode`;
      if (nc && nd) return { open: false, reason: `${NON_COMMERCIAL} and ${NO_DERIVATIVES}` };
      if (nc) return { open: false, reason: NON_COMMERCIAL };
      if (nd) return { open: false, reason: NO_DERIVATIVES };
      return { open: true, reason: `${elements.includes('SA') ? SHARE_ALIKE : ATTRIBUTION}${ported}`, url };
    },
  },
  {
    // GNU FDL 1.1–1.3: open only when used without invariant sections (the `no-invariants` ids).
    match: /^GFDL-(1\.[123])(-no-invariants|-invariants)?(?:-only|-or-later)?$/,
    judge: (m) =>
      m[2] === '-no-invariants'
        ? {
            open: true,
            reason: NO_INVARIANTS,
            url: `https://www.gnu.org/licenses/${m[1] === '1.3' ? '' : 'old-licenses/'}fdl-${m[1]}.txt`,
          }
        : { open: false, reason: INVARIANTS },
  },
  {
    // UK Open Government Licence, every version: any use, change and sharing with attribution.
    match: /^OGL-UK-([123])\.0$/,
    judge: (m) => ({
      open: true,
      reason: 'UK government licence permitting any use, change and sharing with attribution',
      url: `https://www.nationalarchives.gov.uk/doc/open-government-licence/version/${m[1]}/`,
    }),
  },
];

/** The family rule's judgment of an SPDX id, if a rule covers it. */
export function judgeByFamily(id: string): { open: boolean; reason: string; url?: string } | undefined {
  for (const rule of FAMILY_RULES) {
    const m = rule.match.exec(id);
    if (m) return rule.judge(m);
  }
  return undefined;
}

/** Open licenses no family rule covers, each with where its text is and why it qualifies. */
const LISTED: readonly OpenLicense[] = [
  { id: 'CC0-1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/legalcode', reason: PUBLIC_DOMAIN },
  { id: 'CC-PDDC', url: 'https://creativecommons.org/licenses/publicdomain/', reason: PUBLIC_DOMAIN },
  {
    id: 'CDLA-Permissive-2.0',
    url: 'https://cdla.dev/permissive-2-0',
    reason: 'data license permitting any use, change and sharing; results of computation are unrestricted',
  },
  {
    id: 'CDLA-Permissive-1.0',
    url: 'https://cdla.io/permissive-1-0',
    reason: 'data license permitting any use, change and sharing, with notice preserved',
  },
  {
    id: 'CDLA-Sharing-1.0',
    url: 'https://cdla.io/sharing-1-0',
    reason: 'data license permitting any use; redistributed data stays under the same terms (copyleft for data)',
  },
  {
    id: 'ODC-By-1.0',
    url: 'https://opendatacommons.org/licenses/by/1.0/',
    reason: 'database license permitting any use, change and sharing with attribution',
  },
  {
    id: 'ODbL-1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1.0/',
    reason: 'database license permitting any use; shared adapted databases must stay under the same terms (copyleft)',
  },
  {
    id: 'PDDL-1.0',
    url: 'https://opendatacommons.org/licenses/pddl/1.0/',
    reason: 'places a database in the public domain, with no conditions',
  },
  {
    id: 'O-UDA-1.0',
    url: 'https://github.com/microsoft/Open-Use-of-Data-Agreement/blob/v1.0/O-UDA-1.0.md',
    reason: 'data agreement permitting any use, change and sharing of the data',
  },
  {
    id: 'OpenMDW-1.0',
    url: 'https://raw.githubusercontent.com/OpenMDW/OpenMDW/refs/heads/main/1.0/LICENSE.openmdw',
    reason:
      'permissive license written for model materials (weights, code, data, documentation), without use restrictions',
  },
  // Not (yet) an SPDX id; Hugging Face lists it as `openmdw-1.1`. The only change from 1.0: a
  // copyright suit, like a patent suit, ends the licence of whoever brings it.
  {
    id: 'OpenMDW-1.1',
    url: 'https://github.com/OpenMDW/OpenMDW/blob/b26b32b34ad2edcc29a7707abb68dcfb25a538c1/1.1/LICENSE.OpenMDW-1.1',
    reason:
      'permissive license written for model materials (weights, code, data, documentation), without use restrictions',
  },
  {
    id: 'OGL-Canada-2.0',
    url: 'https://open.canada.ca/en/open-government-licence-canada',
    reason: 'Canadian government licence permitting any use, change and sharing with attribution',
  },
  {
    id: 'etalab-2.0',
    url: 'https://github.com/DISIC/politique-de-contribution-open-source/blob/master/LICENSE.pdf',
    reason: 'French government open licence permitting any use, change and sharing with attribution',
  },
  {
    id: 'DL-DE-BY-2.0',
    url: 'https://www.govdata.de/dl-de/by-2-0',
    reason: 'German data licence permitting any use, change and sharing with attribution',
  },
  {
    id: 'DL-DE-ZERO-2.0',
    url: 'https://www.govdata.de/dl-de/zero-2-0',
    reason: 'German data licence permitting any use without conditions',
  },
  {
    id: 'NLOD-2.0',
    url: 'https://data.norge.no/nlod/en/2.0',
    reason: 'Norwegian open government data licence permitting any use with attribution',
  },
  {
    id: 'NLOD-1.0',
    url: 'https://data.norge.no/nlod/en/1.0',
    reason: 'Norwegian open government data licence permitting any use with attribution',
  },
  {
    id: 'FreeBSD-DOC',
    url: 'https://www.freebsd.org/copyright/freebsd-doc-license/',
    reason: 'permissive documentation license (BSD-style): any use, change and sharing with notice kept',
  },
];

const RULED: readonly OpenLicense[] = [...SPDX_LICENSES.values()]
  .filter((l) => !l.deprecated && judgeByFamily(l.id)?.open)
  .map((l) => {
    const j = judgeByFamily(l.id)!;
    return { id: l.id, url: j.url ?? l.url, reason: j.reason };
  })
  .sort((a, b) => familyOrder(a.id, b.id));

/**
 * Every open data/content license, the most used first (completion offers them in this order):
 * CC0, the Creative Commons family by its rule, the listed ones, then the other families.
 */
export const OPEN_LICENSES: readonly OpenLicense[] = Object.freeze([
  LISTED[0],
  ...RULED.filter((l) => l.id.startsWith('CC-')),
  ...LISTED.slice(1),
  ...RULED.filter((l) => !l.id.startsWith('CC-')),
]);

/** CC-BY before CC-BY-SA, higher versions first, international before ported. */
function familyOrder(a: string, b: string): number {
  const key = (id: string): [string, number, number] => {
    const v = /-(\d\.\d)/.exec(id);
    return [id.replace(/-\d\.\d.*$/, ''), -(v ? Number(v[1]) : 0), /-\d\.\d-/.test(id) ? 1 : 0];
  };
  const [fa, va, pa] = key(a);
  const [fb, vb, pb] = key(b);
  return fa.localeCompare(fb) || va - vb || pa - pb || a.localeCompare(b);
}

/** Curated open license by exact id. */
export const OPEN_LICENSES_BY_ID: ReadonlyMap<string, OpenLicense> = new Map(
  OPEN_LICENSES.map((e) => [e.id, e] as const),
);

/** Curated ids that are not (yet) in the bundled SPDX list; they are still treated as known ids. */
export const OPEN_IDS_OUTSIDE_SPDX: readonly string[] = Object.freeze(
  OPEN_LICENSES.filter((e) => !SPDX_LICENSES.has(e.id)).map((e) => e.id),
);

export const OPEN_LICENSES_BY_LOWER: ReadonlyMap<string, string> = new Map(
  OPEN_LICENSES.map((e) => [e.id.toLowerCase(), e.id] as const),
);

/** Known reasons why particular licenses outside the family rules are not open (used in messages). */
const NOT_OPEN_REASONS: ReadonlyMap<string, string> = new Map([
  ['C-UDA-1.0', 'it limits use of the data to computational analysis (a field-of-use restriction)'],
  ['CC-PDM-1.0', 'it marks works already free of copyright rather than granting a license'],
  ['Hippocratic-2.1', 'it forbids uses that break its human-rights conditions (a field-of-use restriction)'],
]);

/**
 * A short phrase ("its non-commercial clause restricts use") explaining why `id` is not open, if known.
 * Besides SPDX ids, this knows the licenses recognised by name that are not open for a reason other
 * than a use restriction (research-only, no redistribution, unreviewed permissive): their clause.
 */
export function notOpenReason(id: string): string | undefined {
  const family = judgeByFamily(id);
  if (family) return family.open ? undefined : family.reason;
  const direct = NOT_OPEN_REASONS.get(id);
  if (direct) return direct;
  if (SPDX_LICENSES.has(id)) return undefined;
  const named = lookupNamed(id);
  return named && named.kind !== 'use-restricted' ? named.restriction : undefined;
}
