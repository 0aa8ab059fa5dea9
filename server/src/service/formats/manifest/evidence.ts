/**
 * The manifest's components with a location and a license, for the evidence (evidence/): each
 * code and parameters component, each supporting library, public dataset and document.
 */
import { isMap, isSeq, Node, YAMLMap } from 'yaml';
import { localLocation, statedValue, type EvidenceTarget } from '../../evidence/targets';
import { onlineLocation, type OnlineEvidenceTarget } from '../../online/locations';
import { requirementFor, requirements } from '../../osaid/requirements';
import type { LicenseTest } from '../../licenses';
import { findPair, formatPath, parsePath, PathSegment } from '../../yaml/nodes';
import type { ParsedDocument } from '../format';

/**
 * Each component with a location and a license in the requirements table, and how a finding
 * about it counts (evidence/targets.ts): an informative license (a dataset's terms) informs,
 * supporting material and recommended components warn, a required component decides.
 */
const COMPONENTS: ReadonlyArray<{ pattern: string; test: LicenseTest; weight: EvidenceTarget['weight'] }> = requirements
  .filter((r) => r.path.endsWith('.location'))
  .flatMap((location) => {
    const pattern = location.path.slice(0, -'.location'.length);
    const license = requirementFor(`${pattern}.license`);
    if (license?.shape.kind !== 'license') return [];
    const component = requirementFor(pattern.replace(/\[\]$/, ''));
    const weight: EvidenceTarget['weight'] = license.shape.informative
      ? 'informative'
      : license.supporting || component?.level !== 'required'
        ? 'supporting'
        : 'decides';
    return [{ pattern, test: license.shape.test, weight }];
  });

/**
 * A `location` whose value starts as no URL does (`./train`, `code/`, `file:`, or anything the
 * walk must look at): a manifest without one has no evidence targets, and a manifest of
 * thousands of URLs is not walked again at every keystroke.
 */
const LOCAL_LOCATION = /\blocation[ \t]*:(?![ \t]*["']?(?!file:)[a-z][a-z0-9+.-]+:)/i;

export function manifestEvidenceTargets(parsed: ParsedDocument): EvidenceTarget[] {
  if (!LOCAL_LOCATION.test(parsed.text)) return [];
  return componentTargets(parsed, (node) => {
    const location = localLocation(parsed.text, node);
    return location && { location };
  });
}

/** The components whose location is a URL a host can be asked about (online/). */
export function manifestOnlineTargets(parsed: ParsedDocument): OnlineEvidenceTarget[] {
  return componentTargets(parsed, (node) => onlineLocation(parsed.text, node));
}

function componentTargets<T extends { location: { text: string; span: [number, number] } }>(
  parsed: ParsedDocument,
  locate: (node: Node | null | undefined) => T | undefined,
): Array<EvidenceTarget & T> {
  const root = parsed.yaml?.contents as Node | null | undefined;
  if (!isMap(root)) return [];
  const targets: Array<EvidenceTarget & T> = [];
  for (const { pattern, test, weight } of COMPONENTS) {
    for (const [map, segments] of mappings(root, pattern)) {
      const located = locate(findPair(map, 'location')?.value as Node | null | undefined);
      if (!located) continue;
      const path = formatPath(segments);
      targets.push({
        label: `\`${path}\``,
        locationPath: `${path}.location`,
        licensePath: `${path}.license`,
        requirement: pattern,
        test,
        weight,
        declared: statedValue(parsed.text, findPair(map, 'license')?.value as Node | null | undefined),
        anchor: located.location.span,
        ...located,
      });
    }
  }
  return targets;
}

/** The mappings a pattern names (`code.training`; `code.supporting_libraries[]`: each item), with their paths. */
function mappings(root: YAMLMap, pattern: string): Array<[YAMLMap, PathSegment[]]> {
  const list = pattern.endsWith('[]');
  const segments = parsePath(list ? pattern.slice(0, -2) : pattern);
  let node: Node | null | undefined = root;
  for (const segment of segments) {
    if (!isMap(node)) return [];
    node = findPair(node, segment as string)?.value as Node | null | undefined;
  }
  if (!list) return isMap(node) ? [[node, segments]] : [];
  if (!isSeq(node)) return [];
  return (node.items as Array<Node | null>).flatMap((item, i): Array<[YAMLMap, PathSegment[]]> =>
    isMap(item) ? [[item, [...segments, i]]] : [],
  );
}
