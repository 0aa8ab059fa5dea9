/**
 * A MOF file's evidence targets: each component whose `license_path` is a path in the release
 * (the file itself is the license), against the component's own `license`. How a finding
 * counts follows the OSAID view: a component its requirement needs decides, a data-information
 * candidate or a recommended one supports, any other informs.
 */
import { isMap, Node } from 'yaml';
import { localLocation, statedValue, type EvidenceTarget } from '../../evidence/targets';
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
  const model = readModel(parsed);
  const view = osaidView(parsed, treatAsOpen);
  const targets: EvidenceTarget[] = [];
  for (const entry of model.entries) {
    if (!entry.component || !isMap(entry.item)) continue;
    const location = localLocation(parsed.text, findPair(entry.item, 'license_path')?.value as Node | null | undefined);
    if (!location) continue;
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
      location,
      locationIsLicenseFile: true,
      ...(declared ? { declared } : {}),
      anchor: location.span,
    });
  }
  return targets;
}
