/** Public types of the license service. */

/**
 * Which license test applies to a component.
 * - `osi`:  code components; the license must be OSI-approved (SPDX `osiApproved` flag).
 * - `open`: parameters, data information, documentation; the terms must be OSD-conformant:
 *           OSI-approved, on the curated open data/content list, or listed in `extraOpen`.
 */
export type LicenseTest = 'osi' | 'open';

export type LicenseCode =
  | 'license/unknown'
  | 'license/not-osi-approved'
  | 'license/not-open'
  | 'license/restricted'
  | 'license/non-canonical'
  | 'license/deprecated';

export interface LicenseFinding {
  code: LicenseCode;
  /** unknown / not-osi-approved / not-open / restricted = error; non-canonical / deprecated = warning. */
  severity: 'error' | 'warning';
  /** The text the finding is about, as written (the part of the string at `start`–`end`). */
  subject: string;
  /** For `license/restricted`: which AI license, and its use restriction (rendered by `restrictionPredicate`). */
  restriction?: { name: string; terms: string };
  /** The finding in words, for manifests' diagnostics and hovers. */
  message: string;
  /** Offsets inside the license string (end exclusive). */
  start: number;
  end: number;
  /** Quick-fix candidates for the range, best first; empty when there are none. */
  replacements: string[];
}

export interface LicenseCheckOptions {
  /** Reviewed custom ids (usually `LicenseRef-…`) the user treats as open (setting `osaiManifest.licenses.treatAsOpen`). */
  extraOpen?: readonly string[];
}

export interface LicenseInfo {
  id: string;
  name: string;
  url?: string;
  osiApproved: boolean;
  open: boolean;
  deprecated: boolean;
  /** The use restriction, for AI licenses recognised by name. */
  restricted?: string;
  /** Why a license counts as open when it is not OSI-approved (curated list). */
  openReason?: string;
}

export interface LicenseCompletion {
  id: string;
  name: string;
  osiApproved: boolean;
  open: boolean;
  /** 0 is best. */
  rank: number;
}

/** The name of the user setting listing reviewed custom licenses that count as open. */
export const TREAT_AS_OPEN_SETTING = 'osaiManifest.licenses.treatAsOpen';
