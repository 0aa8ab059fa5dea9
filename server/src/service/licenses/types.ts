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
  | 'license/ambiguous'
  | 'license/non-canonical'
  | 'license/deprecated';

/**
 * How a license recognised by name (see `named.ts`) fails:
 * - `use-restricted`: acceptable-use policies, field-of-use bans, user or revenue thresholds → `license/restricted`;
 * - `non-commercial`: non-commercial, research-only or evaluation-only grants;
 * - `no-redistribution`: no right to modify or share;
 * - `permissive`: permissive, but neither OSI-approved nor on the reviewed open list.
 * The last three are `license/not-osi-approved` for code and `license/not-open` otherwise.
 */
export type NamedLicenseKind = 'use-restricted' | 'non-commercial' | 'no-redistribution' | 'permissive';

/** A license recognised by name (the tables in `restricted.ts` and `namedNotOpen.ts`, indexed by `named.ts`). */
export interface NamedLicense {
  /**
   * Stable id: the Hugging Face license id when there is one, else the `license_name` publishers use, else the ScanCode
   * key.
   */
  readonly id: string;
  readonly name: string;
  /** The license text that was read to classify the entry. */
  readonly url: string;
  readonly kind: NamedLicenseKind;
  /** The clause that makes the license fail, in a few words (for `use-restricted`: the use restriction). */
  readonly restriction: string;
  /** Hugging Face license ids (`license:` on model cards). */
  readonly huggingFace: readonly string[];
  /** `license_name` values seen on Hugging Face model cards with `license: other`. */
  readonly licenseNames?: readonly string[];
  readonly scancode: readonly string[];
  /** Other spellings seen in the wild. */
  readonly spellings: readonly string[];
}

/** Why a license recognised by name is not open, as data (rendered by `notOpenPredicate`). */
export interface NotOpenTerms {
  /** The license's name. */
  name: string;
  kind: Exclude<NamedLicenseKind, 'use-restricted'>;
  /** The clause that makes it fail, in a few words. */
  terms: string;
}

export interface LicenseFinding {
  code: LicenseCode;
  /** unknown / not-osi-approved / not-open / restricted / ambiguous = error; non-canonical / deprecated = warning. */
  severity: 'error' | 'warning';
  /** The text the finding is about, as written (the part of the string at `start`–`end`). */
  subject: string;
  /** For `license/restricted`: which AI license, and its use restriction (rendered by `restrictionPredicate`). */
  restriction?: { name: string; terms: string };
  /**
   * For `license/not-open` / `license/not-osi-approved` on a license recognised by name that is
   * non-commercial, gives no right to redistribute, or is permissive but unreviewed: which license,
   * which kind of failure and its clause (rendered by `notOpenPredicate`).
   */
  notOpen?: NotOpenTerms;
  /** The finding in words, for manifests' diagnostics and hovers. */
  message: string;
  /** Offsets inside the license string (end exclusive). */
  start: number;
  end: number;
  /** Quick-fix candidates for the range, best first; empty when there are none. */
  replacements: string[];
}

export interface LicenseCheckOptions {
  /**
   * Licenses the user's organisation reviewed as open (setting `osaiManifest.licenses.treatAsOpen`):
   * only `LicenseRef-…` ids, unrecognised names and unreviewed permissive licenses take effect
   * (see `treatAsOpen.ts`); the others are refused and say so where they are used.
   */
  extraOpen?: readonly string[];
}

export interface LicenseInfo {
  id: string;
  name: string;
  url?: string;
  osiApproved: boolean;
  open: boolean;
  deprecated: boolean;
  /** The use restriction, for AI licenses recognised by name (`kind` `use-restricted`). */
  restricted?: string;
  /** For licenses recognised by name: how they fail. */
  kind?: NamedLicenseKind;
  /** Why a license recognised by name is not open, for the kinds other than `use-restricted`. */
  notOpen?: string;
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
