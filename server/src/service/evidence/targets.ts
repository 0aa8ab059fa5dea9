/** What a format hands the evidence: each component with a location, and the license it declares. */
import type { Node } from 'yaml';
import type { LicenseTest } from '../licenses';
import { isPlaceholder } from '../osaid/placeholders';
import { innerSpan, scalarText } from '../yaml/nodes';
import { locationKind } from './uris';

export interface EvidenceTarget {
  /** How messages name the component: `code.training`, `Training code`. */
  label: string;
  /** `data.path` of findings about the location, and of the declared license. */
  locationPath: string;
  licensePath: string;
  /** The requirement id, for `data.requirement`. */
  requirement?: string;
  /** The test the component's license must pass. */
  test: LicenseTest;
  /**
   * How a finding that the license fails counts: `decides` (an error: the verdict needs it),
   * `supporting` (a warning: documentation, a recommended element), `informative` (information:
   * a dataset's terms).
   */
  weight: 'decides' | 'supporting' | 'informative';
  /** The location as written, and its span; absent: the document's own folder (a card's LICENSE). */
  location?: { text: string; span: [number, number] };
  /** The location is itself the license file (a MOF component's `license_path`). */
  locationIsLicenseFile?: boolean;
  /** The license as declared (a non-empty value), and its span. */
  declared?: { text: string; span: [number, number] };
  /** Where findings go when there is no location span (a card: its license key, or the first line). */
  anchor: [number, number];
  /**
   * Only the license files of the location's own folder count, and none is no finding (a Hub
   * card: its metadata states the license; a LICENSE file beside it may confirm or contradict it).
   */
  ownFolderOnly?: boolean;
  /** How a found license id is written in this document (a card: the Hub's id); the SPDX id when absent. */
  spell?(id: string): string;
}

/** A value as a target takes it: a non-empty string that is not a placeholder, with its span in `source`. */
export function statedValue(
  source: string,
  node: Node | null | undefined,
): { text: string; span: [number, number] } | undefined {
  const text = scalarText(node);
  if (text === undefined || text.trim() === '' || isPlaceholder(text)) return undefined;
  const span = innerSpan(source, node);
  return span ? { text: text.trim(), span } : undefined;
}

/**
 * A location as a target takes it: a stated value that names a path in the release (`./train`,
 * `code/`, `file:`), not a URL or prose — those are never read, so they are no target at all
 * (a manifest with thousands of URLs costs nothing here on each keystroke).
 */
export function localLocation(
  source: string,
  node: Node | null | undefined,
): { text: string; span: [number, number] } | undefined {
  const text = scalarText(node);
  if (text === undefined) return undefined;
  const kind = locationKind(text).kind;
  return kind === 'path' || kind === 'file-uri' ? statedValue(source, node) : undefined;
}
