/**
 * A release as a bill of materials sees it, whatever format stated it: the system, and each
 * component with its role, location and declared license. Formats describe themselves in these
 * terms (`DocumentFormat.describeRelease`); the AI-BOM writers read only this.
 */

export type ComponentRole =
  'weights' | 'checkpoints' | 'optimizer-state' | 'code' | 'library' | 'dataset' | 'data-information' | 'documentation';

export interface ReleaseComponent {
  /** Stable within the release: the path it answers (`code.training`, `data_information.training_data[0]`). */
  key: string;
  role: ComponentRole;
  name: string;
  /**
   * The OSAID checklist item it answers (`code.training`) when its key is not that item's path
   * (a MOF component, `release.components[3]`).
   */
  item?: string;
  /** What it is for, in words (`Training code`, `research_paper`). */
  description?: string;
  location?: string;
  /** The license as declared (an SPDX expression or a name). */
  license?: string;
  /** A dataset's kind (`public`, `open`, `obtainable`, `unshareable`). */
  kind?: string;
  /** The license the evidence shows (aibom/concluded.ts), when some was found. */
  concluded?: ConcludedLicense;
}

export interface ConcludedLicense {
  /** An SPDX expression (the ids found), or the name a host records. */
  expression: string;
  /** The release's own files, or what the Hub or GitHub records (online checks). */
  source: 'files' | 'host';
  /** The files (relative to the release's root, `./weights/LICENSE`) or the location the host was asked about. */
  from: string[];
}

export interface ReleaseDescription {
  name: string;
  /** What is released: a model (default), or a dataset alone (a dataset card). */
  subject?: 'model' | 'dataset';
  version?: string;
  producer?: string;
  releaseDate?: string;
  homepage?: string;
  /** The data information's own description, by aspect (`provenance`, `scope`, …). */
  dataDescription?: Readonly<Record<string, string>>;
  components: ReleaseComponent[];
}
