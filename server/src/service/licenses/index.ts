/**
 * License checks against the Open Source AI Definition 1.0: which licenses
 * qualify for code (OSI-approved) and for parameters, data information and
 * documentation (OSD-conformant), plus hovers, lookups and completions.
 * Pure functions; tables are built once at module load.
 */
export type { LicenseFinding, LicenseTest, NamedLicense, NamedLicenseKind, NotOpenTerms } from './types';
export { checkLicense, evaluateLicense, licenseQualifies } from './evaluate';
export { lookupLicense } from './info';
export { notOpenReason, OPEN_LICENSES } from './openList';
export { notOpenPredicate, restrictionPredicate } from './verdict';
export { licenseHoverMarkdown } from './hover';
export { licenseCompletions } from './completions';
export { spdxLicenseCount, SPDX_LICENSES, SPDX_EXCEPTIONS } from './spdx';
export { RESTRICTED_LICENSES } from './restricted';
export { NAMED_LICENSES } from './named';
export { NAMED_NOT_OPEN_LICENSES } from './namedNotOpen';
export { DEPRECATED_REPLACEMENTS } from './aliases';
