/** Every diagnostic this service emits; the codes are stable and documented in the README. */
export const DIAGNOSTIC_SOURCE = 'osai';

export const Codes = {
  yamlSyntax: 'yaml/syntax',
  tooLarge: 'size/too-large',
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
  nonCanonical: 'license/non-canonical',
  deprecated: 'license/deprecated',
} as const;

export type DiagnosticCode = (typeof Codes)[keyof typeof Codes];

/** What a diagnostic carries in `data`, for quick fixes and other clients. */
export interface DiagnosticData {
  /** The concrete manifest path, e.g. `data_information.description.labeling` or `code.supporting_libraries[0].license`. */
  path: string;
  /** The requirement id (path pattern) from the requirements table, when one applies. */
  requirement?: string;
  /** Replacement texts for the diagnostic's range, best first (license ids, key names). */
  replacements?: string[];
}
