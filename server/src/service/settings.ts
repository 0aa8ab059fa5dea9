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
  /**
   * Ask the hosts a document's URLs name about them (online/): off unless the user turns it on. The service never
   * fetches; this tells the host environment whether it may.
   */
  online: boolean;
  /** Where the Hub and GitHub's API are (empty: `HF_ENDPOINT`, `GITHUB_API_URL`, else the public ones). */
  hubEndpoint: string;
  githubApi: string;
}

export const defaultSettings: ServiceSettings = {
  treatAsOpen: [],
  maxFileSize: 4 * 1024 * 1024,
  mof: true,
  mofYamlSyntax: true,
  evidence: true,
  online: false,
  hubEndpoint: '',
  githubApi: '',
};
