/** Every diagnostic this service emits; the codes are stable and documented in docs/diagnostic-codes.md. */
export const DIAGNOSTIC_SOURCE = 'osai';

export const Codes = {
  yamlSyntax: 'yaml/syntax',
  tooLarge: 'size/too-large',
  tooMany: 'size/too-many',
  tooComplex: 'size/too-complex',
  schemaType: 'schema/type',
  schemaEnum: 'schema/enum',
  schemaUnknownKey: 'schema/unknown-key',
  missing: 'osaid/missing',
  empty: 'osaid/empty',
  recommended: 'osaid/recommended',
  notOsiApproved: 'license/not-osi-approved',
  notOpen: 'license/not-open',
  unknownLicense: 'license/unknown',
  restricted: 'license/restricted',
  ambiguous: 'license/ambiguous',
  nonCanonical: 'license/non-canonical',
  deprecated: 'license/deprecated',
  locationNotFound: 'location/not-found',
  locationOutsideRoot: 'location/outside-root',
  evidenceMismatch: 'evidence/license-mismatch',
  evidenceNoLicenseFile: 'evidence/no-license-file',
  evidenceUnrecognised: 'evidence/unrecognised-license',
  locationUnreachable: 'location/unreachable',
  locationGated: 'location/gated',
  locationRestricted: 'location/restricted',
  locationArchived: 'location/archived',
  onlineHostLicense: 'online/host-license',
  onlineUnanswered: 'online/unanswered',
  onlineSkipped: 'online/skipped',
} as const;

/** What a diagnostic carries in `data`, for quick fixes and other clients. */
export interface DiagnosticData {
  /**
   * The concrete manifest path, e.g. `data_information.description.labeling` or `code.supporting_libraries[0].license`.
   */
  path: string;
  /** The requirement id (path pattern) from the requirements table, when one applies. */
  requirement?: string;
  /** Replacement texts for the diagnostic's range, best first (license ids, key names). */
  replacements?: string[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface CodeDoc {
  severity: Severity;
  /** What the code means (Markdown, one sentence; the "meaning" column of docs/diagnostic-codes.md). */
  meaning: string;
  /** The quick fix the editor offers, if any (Markdown; the "quick fix" column of docs/diagnostic-codes.md). */
  fix?: string;
}

/** The codes every format shares, in the order and words of docs/diagnostic-codes.md. */
export const SHARED_CODE_DOCS: Readonly<Record<string, CodeDoc>> = {
  [Codes.yamlSyntax]: {
    severity: 'error',
    meaning: 'YAML error, at its position (also duplicate keys, multiple documents, alias bombs)',
  },
  [Codes.tooLarge]: { severity: 'warning', meaning: 'the file is above `osaiManifest.maxFileSize` bytes; not checked' },
  [Codes.tooComplex]: {
    severity: 'warning',
    meaning: 'more than 200,000 YAML tokens (keys, values, indicators, lines), far beyond any manifest; not checked',
  },
  [Codes.tooMany]: {
    severity: 'info',
    meaning: 'more than 500 findings (errors are kept first, then in document order); says how many more there are',
  },
  [Codes.schemaType]: { severity: 'error', meaning: 'a value of the wrong type (or a malformed date)' },
  [Codes.schemaEnum]: {
    severity: 'error',
    meaning: 'a value outside its allowed set (`kind`, `osaid`)',
    fix: 'each allowed value',
  },
  [Codes.schemaUnknownKey]: {
    severity: 'warning',
    meaning: 'a key the format does not know; it is not checked, and it never leaves a requirement unmet',
    fix: 'rename to the closest key',
  },
  [Codes.missing]: {
    severity: 'error',
    meaning:
      'a required element is absent: the requirement stays unmet; reported on ' +
      'the nearest parent key (in MOF files: on `components`, naming the ' +
      'component). A warning where the verdict does not need the element: ' +
      'inside a recommended element (checkpoints, optimizer state, documentation)',
    fix: 'insert it; add all missing',
  },
  [Codes.empty]: {
    severity: 'error',
    meaning:
      'present but empty or a placeholder (`""`, `TBD`, `TODO`, `N/A`, ' +
      '`unknown`, `none`, `-`): the requirement stays unmet. A warning where ' +
      'the verdict does not need the value (recommended and optional elements)',
  },
  [Codes.recommended]: {
    severity: 'info',
    meaning: 'a recommended element is absent (checkpoints, optimizer state, documentation)',
  },
  [Codes.notOsiApproved]: { severity: 'error', meaning: "a code component's license is not OSI-approved" },
  [Codes.notOpen]: {
    severity: 'error',
    meaning: 'parameters, data information or documentation under terms that are not OSD-conformant',
  },
  [Codes.restricted]: {
    severity: 'error',
    meaning: 'an AI license with use restrictions (Llama, Gemma, RAIL, Falcon, …)',
  },
  [Codes.ambiguous]: {
    severity: 'error',
    meaning:
      'a family name (`cc`, `bsd`, `gpl`, `Creative Commons`) whose family ' +
      'includes licenses that fail the test: it cannot show that the terms qualify',
    fix: 'each exact id, those that qualify first',
  },
  [Codes.unknownLicense]: { severity: 'error', meaning: 'not an SPDX license id', fix: 'the closest ids' },
  [Codes.nonCanonical]: {
    severity: 'warning',
    meaning:
      'a recognisable but non-canonical spelling (`Apache 2.0`, `apache-2.0`, ' +
      '`MIT+`), or a family name every member of which qualifies (`cc-by`)',
    fix: 'the SPDX id',
  },
  [Codes.deprecated]: { severity: 'warning', meaning: 'a deprecated SPDX id (`GPL-3.0`)', fix: 'the current ids' },
  [Codes.locationNotFound]: {
    severity: 'error',
    meaning:
      'a location that is a path (`./train`, `code/`, `file:`) names nothing ' +
      'in the release; the message gives the resolved path',
  },
  [Codes.locationOutsideRoot]: {
    severity: 'warning',
    meaning:
      'a location that leaves the repository (the folder with `.git`, else ' +
      'the workspace folder or the folder given to the command line), or a ' +
      'link that does: not followed',
  },
  [Codes.evidenceMismatch]: {
    severity: 'error',
    meaning:
      'the license found for a local component (its license file, ' +
      '`SPDX-License-Identifier:` line or package manifest) is not the ' +
      "declared one; an error when what was found fails the component's test, else a warning",
    fix: 'the license found',
  },
  [Codes.evidenceNoLicenseFile]: {
    severity: 'warning',
    meaning:
      'a local component with no license evidence: no license file, ' +
      '`SPDX-License-Identifier:` or package license in its folder or above ' +
      'it, up to the repository root',
  },
  [Codes.evidenceUnrecognised]: {
    severity: 'info',
    meaning: 'a license file that matches no known license well enough (or is not text), with the closest ones',
  },
  [Codes.locationUnreachable]: {
    severity: 'error',
    meaning:
      'online checks: the host says a location is not there — no such Hub or GitHub repository (or a private one), ' +
      'revision, file or folder, a repository disabled by the Hub, or a page that answers 404 or 410',
  },
  [Codes.locationGated]: {
    severity: 'warning',
    meaning:
      'online checks: a Hub repository is gated — it is obtained only after accepting conditions (granted at once, ' +
      'or approved by its authors)',
  },
  [Codes.locationRestricted]: {
    severity: 'error',
    meaning: 'online checks: a Hub repository is private — it was seen through your token, nobody else can see it',
  },
  [Codes.locationArchived]: {
    severity: 'warning',
    meaning: 'online checks: a GitHub repository is archived (read-only, no longer maintained)',
  },
  [Codes.onlineHostLicense]: {
    severity: 'info',
    meaning:
      "online checks: the license the Hub records for a card's listed dataset or base model, and whether it is open",
  },
  [Codes.onlineUnanswered]: {
    severity: 'info',
    meaning:
      'online checks: a host did not answer about a location (timeout, a failure on its side, an answer too large, ' +
      'too many redirects, refused to the browser): nothing is said about it',
  },
  [Codes.onlineSkipped]: {
    severity: 'info',
    meaning:
      'online checks skipped, once per document: no connection, or a host whose rate limit is used up (until when, ' +
      'and how many locations were not checked)',
  },
};
