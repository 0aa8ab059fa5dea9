/** The settings the service honours (VS Code: `osaiManifest.*`). */
export interface ServiceSettings {
  /** `LicenseRef-…` ids the user's organisation reviewed as OSD-conformant. */
  treatAsOpen: readonly string[];
  /** Files above this many characters get one diagnostic instead of a full check. */
  maxFileSize: number;
  /** Check Model Openness Framework model files (recognised by content in any YAML file). */
  mof: boolean;
  /**
   * Report YAML syntax errors in MOF files opened as plain `yaml`. Off when Red Hat's YAML
   * extension is active, which reports them already (no duplicate diagnostics).
   */
  mofYamlSyntax: boolean;
  /** Compare local locations and declared licenses with the release's own files (evidence/). */
  evidence: boolean;
}

export const defaultSettings: ServiceSettings = {
  treatAsOpen: [],
  maxFileSize: 4 * 1024 * 1024,
  mof: true,
  mofYamlSyntax: true,
  evidence: true,
};
