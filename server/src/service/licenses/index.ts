/**
 * License checks against the Open Source AI Definition 1.0: which licenses
 * qualify for code (OSI-approved) and for parameters, data information and
 * documentation (OSD-conformant), plus hovers, lookups and completions.
 * Pure functions; tables are built once at module load.
 */
export type { LicenseCheckOptions, LicenseCode, LicenseCompletion, LicenseFinding, LicenseInfo, LicenseTest } from './types';
export { TREAT_AS_OPEN_SETTING } from './types';
export { checkLicense, evaluateLicense, licenseQualifies, type LicenseEvaluation } from './evaluate';
export { lookupLicense } from './info';
export { notOpenReason } from './openList';
export { restrictionPredicate } from './verdict';
export { licenseHoverMarkdown } from './hover';
export { licenseCompletions } from './completions';
export { spdxLicenseCount, SPDX_LICENSES, SPDX_EXCEPTIONS, type SpdxLicense } from './spdx';
export { OPEN_LICENSES, type OpenLicense } from './openList';
export { RESTRICTED_LICENSES, type RestrictedLicense } from './restricted';
export { ALIASES, DEPRECATED_REPLACEMENTS, type AliasTarget } from './aliases';
