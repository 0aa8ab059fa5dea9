/**
 * The license the evidence concluded for each component, beside the one declared: what the
 * release's own files show (a license file's text, an SPDX header, a package manifest) and,
 * where the online checks ran, what the Hub or GitHub records for its location. The AI-BOM
 * writers put it beside the declared license (CycloneDX `acknowledgement: concluded`, SPDX 3
 * `hasConcludedLicense`); nothing is concluded from a file that is unrecognised or unreadable.
 */
import type { Evidence, TargetEvidence } from '../evidence/collect';
import { describeEvidence, evidenceComponent } from '../evidence/describe';
import type { OnlineEvidence } from '../online/collect';
import { hostLicense } from '../online/diagnostics';
import type { ConcludedLicense, ReleaseDescription } from './release';

/** The licenses a component's files show, all applying (`A AND B`); undefined when none is recognised. */
function fromFiles(item: TargetEvidence, root: string, extraOpen: readonly string[]): ConcludedLicense | undefined {
  if (item.state !== 'found') return undefined;
  const [component] = describeEvidence({ root, items: [item] }, extraOpen).components;
  const shown = component.matches.filter((m) => m.kind === 'match' || m.kind === 'contains' || m.kind === 'stated');
  const ids = [...new Set(shown.flatMap((m) => m.ids))];
  if (ids.length === 0) return undefined;
  // Files that agree with the declaration (LICENSE-MIT and LICENSE-APACHE under `MIT OR Apache-2.0`) conclude it;
  // otherwise every license found applies, as license scanners combine them.
  const expression =
    component.agrees === true && component.declared
      ? component.declared
      : ids.length === 1
        ? ids[0]
        : ids.map((id) => (/\s/.test(id) ? `(${id})` : id)).join(' AND ');
  return { expression, source: 'files', from: [...new Set(shown.map((m) => m.file))] };
}

export function withConcludedLicenses(
  release: ReleaseDescription,
  evidence: Evidence | undefined,
  online: OnlineEvidence | undefined,
  extraOpen: readonly string[],
): ReleaseDescription {
  const concluded = new Map<string, ConcludedLicense>();
  for (const item of evidence?.items ?? []) {
    const found = fromFiles(item, evidence!.root, extraOpen);
    if (found) concluded.set(evidenceComponent(item), found);
  }
  // The release's own files come first; a host's record where they say nothing.
  for (const item of online?.items ?? []) {
    if (item.target.listing || concluded.has(evidenceComponent(item))) continue;
    const recorded = hostLicense(item);
    if (recorded)
      concluded.set(evidenceComponent(item), {
        expression: recorded.expression,
        source: 'host',
        from: [item.target.location.text],
      });
  }
  if (concluded.size === 0) return release;
  return {
    ...release,
    components: release.components.map((c) => (concluded.has(c.key) ? { ...c, concluded: concluded.get(c.key) } : c)),
  };
}
