/**
 * The evidence as plain data, for the command line's JSON and other tools: per component, its
 * location, what it resolved to, and each license found with where, how and how sure.
 * Documented in docs/command-line.md ("Evidence in the JSON output"); keep it stable.
 */
import type { Evidence, FoundLicense, TargetEvidence } from './collect';
import { compareEvidence, disagrees } from './compare';
import { shownUri } from './uris';

export interface ComponentEvidence {
  /** The component's path in the document (`code.training`, `release.components[3]`, `license` of a card). */
  component: string;
  /** The location as written (null: the document's own folder). */
  location: string | null;
  /** The location resolved, relative to the repository root (`./train`). */
  resolved: string;
  state: TargetEvidence['state'];
  /** Some license evidence was found. */
  found: boolean;
  declared: string | null;
  /** The license the evidence shows (the first, when several): an SPDX id or the AI license's id. */
  license: string | null;
  /** Its confidence (0–1): 1 for a stated id (SPDX header, package manifest). */
  confidence: number | null;
  /** Whether what was found is what is declared (null: nothing to compare). */
  agrees: boolean | null;
  matches: EvidenceMatch[];
}

export interface EvidenceMatch {
  file: string;
  source: FoundLicense['source'];
  /**
   * What the file is: a license (`match`), holds several (`contains`), names one without its text (`notice`),
   * `unrecognised`, unreadable, or a stated id (`stated`).
   */
  kind: 'match' | 'contains' | 'notice' | 'unrecognised' | 'unreadable' | 'stated';
  ids: readonly string[];
  confidence: number | null;
  problem?: string;
}

/** The component a location belongs to: its path without `.location` / `.license_path` (`code.training`). */
export function evidenceComponent(item: Pick<TargetEvidence, 'target'>): string {
  return item.target.locationPath.replace(/\.(?:location|license_path)$/, '');
}

export function describeEvidence(
  evidence: Evidence,
  extraOpen: readonly string[],
): { root: string; components: ComponentEvidence[] } {
  const components = evidence.items.map((item): ComponentEvidence => {
    const comparisons = item.state === 'found' ? compareEvidence(item, extraOpen) : [];
    const first = comparisons[0];
    const declared = item.target.declared?.text ?? null;
    return {
      component: evidenceComponent(item),
      location: item.target.location?.text ?? null,
      resolved: shownUri(item.resolved, evidence.root),
      state: item.state,
      found: item.state === 'found',
      declared,
      license: first ? first.ids[0] : null,
      confidence: first ? (first.confidence ?? 1) : null,
      agrees: declared !== null && comparisons.length > 0 ? !comparisons.some(disagrees) : null,
      matches: item.found.map((found) =>
        match(
          found,
          comparisons.filter((c) => c.found === found),
          evidence.root,
        ),
      ),
    };
  });
  return { root: evidence.root, components };
}

function match(found: FoundLicense, comparisons: ReturnType<typeof compareEvidence>, root: string): EvidenceMatch {
  const file = shownUri(found.uri, root);
  if (found.problem)
    return { file, source: found.source, kind: 'unreadable', ids: [], confidence: null, problem: found.problem };
  if (found.expression !== undefined)
    return { file, source: found.source, kind: 'stated', ids: [found.expression], confidence: 1 };
  const identification = found.identification;
  if (!identification || identification.kind === 'unrecognised') {
    return {
      file,
      source: found.source,
      kind: 'unrecognised',
      ids: identification?.closest[0]?.ids ?? [],
      confidence: identification?.closest[0]?.confidence ?? null,
    };
  }
  return {
    file,
    source: found.source,
    kind: identification.kind,
    ids: comparisons.flatMap((c) => c.ids.slice(0, 1)),
    confidence: comparisons.length ? Math.min(...comparisons.map((c) => c.confidence ?? 1)) : null,
  };
}
