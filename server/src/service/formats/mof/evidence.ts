/**
 * A MOF file's evidence targets: each component whose `license_path` is a path in the release
 * (the file itself is the license), against the component's own `license`. How a finding
 * counts follows the OSAID view: a component its requirement needs decides, a data-information
 * candidate or a recommended one supports, any other informs.
 */
import { isMap, Node } from 'yaml';
import { localLocation, statedValue, type EvidenceTarget } from '../../evidence/targets';
import { onlineLocation, type OnlineEvidenceTarget } from '../../online/locations';
import { findPair } from '../../yaml/nodes';
import type { ParsedDocument } from '../format';
import { readModel } from './model';
import { osaidView } from './osaidView';

/**
 * A `license_path` whose value starts as no URL does: a MOF file without one (most point to their repository) has no
 * targets.
 */
const LOCAL_LICENSE_PATH = /\blicense_path[ \t]*:(?![ \t]*["']?(?!file:)[a-z][a-z0-9+.-]+:)/i;

export function mofEvidenceTargets(parsed: ParsedDocument, treatAsOpen: readonly string[]): EvidenceTarget[] {
  if (!LOCAL_LICENSE_PATH.test(parsed.text)) return [];
  return componentTargets(parsed, treatAsOpen, (node) => {
    const location = localLocation(parsed.text, node);
    return location && { location };
  });
}

/**
 * The online targets: each component's `license_path` that is a URL (the license file, and the
 * repository's license against the component's), the release's `huggingface` repository (the
 * weights: against the final parameters' license) and its `repository`.
 */
export function mofOnlineTargets(parsed: ParsedDocument, treatAsOpen: readonly string[]): OnlineEvidenceTarget[] {
  const targets = componentTargets(parsed, treatAsOpen, (node) => onlineLocation(parsed.text, node));
  const model = readModel(parsed);
  if (!isMap(model.releaseMap)) return targets;
  const weights = model.byComponent.get('Model parameters (Final)');
  const weightsRole = osaidView(parsed, treatAsOpen).byComponent.get('Model parameters (Final)');
  const release = (key: string) => onlineLocation(parsed.text, findPair(model.releaseMap!, key)?.value as Node | null);
  const hub = release('huggingface');
  if (hub) {
    const declared = weights ? statedValue(parsed.text, weights.licensePair?.value) : undefined;
    targets.push({
      label: 'The final parameters (`Model parameters (Final)`)',
      locationPath: 'release.huggingface',
      licensePath: weights ? `${weights.path}.license` : 'release.huggingface',
      ...(weightsRole ? { requirement: weightsRole.item.id } : {}),
      test: weightsRole?.item.test ?? 'open',
      weight: weightsRole ? 'decides' : 'informative',
      ...(declared ? { declared } : {}),
      anchor: hub.location.span,
      ...hub,
    });
  }
  const repository = release('repository');
  if (repository)
    targets.push({
      label: 'The release repository',
      locationPath: 'release.repository',
      licensePath: 'release.repository',
      test: 'open',
      weight: 'informative',
      anchor: repository.location.span,
      ...repository,
    });
  return targets;
}

function componentTargets<T extends { location: { text: string; span: [number, number] } }>(
  parsed: ParsedDocument,
  treatAsOpen: readonly string[],
  locate: (node: Node | null | undefined) => T | undefined,
): Array<EvidenceTarget & T> {
  const model = readModel(parsed);
  const view = osaidView(parsed, treatAsOpen);
  const targets: Array<EvidenceTarget & T> = [];
  for (const entry of model.entries) {
    if (!entry.component || !isMap(entry.item)) continue;
    const located = locate(findPair(entry.item, 'license_path')?.value as Node | null | undefined);
    if (!located) continue;
    const role = view.byComponent.get(entry.component.name);
    const weight: EvidenceTarget['weight'] = !role
      ? 'informative'
      : role.item.id === 'data_information' || role.item.level !== 'required'
        ? 'supporting'
        : 'decides';
    const declared = statedValue(parsed.text, entry.licensePair?.value);
    targets.push({
      label: `\`${entry.component.name}\``,
      locationPath: `${entry.path}.license_path`,
      licensePath: `${entry.path}.license`,
      ...(role ? { requirement: role.item.id } : {}),
      test: role?.item.test ?? 'open',
      weight,
      locationIsLicenseFile: true,
      ...(declared ? { declared } : {}),
      anchor: located.location.span,
      ...located,
    });
  }
  return targets;
}
