/** The settings the service honours (VS Code: `osaiManifest.*`). */
export interface ServiceSettings {
  /** `LicenseRef-…` ids the user's organisation reviewed as OSD-conformant. */
  treatAsOpen: readonly string[];
  /** Files above this many characters get one diagnostic instead of a full check. */
  maxFileSize: number;
}

export const defaultSettings: ServiceSettings = {
  treatAsOpen: [],
  maxFileSize: 4 * 1024 * 1024,
};
