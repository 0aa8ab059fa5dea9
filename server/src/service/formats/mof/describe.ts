/**
 * A MOF model file as a release description (aibom/release.ts): each component it lists, with
 * the license MOT applies to it (its own, else its content type's global license, else the
 * distribution license), and the release's Hub repository as the final parameters' location.
 */
import type { ComponentRole, ReleaseComponent, ReleaseDescription } from '../../aibom/release';
import { isPlaceholder } from '../../osaid/placeholders';
import type { ParsedDocument } from '../format';
import { readModel, resolveComponentLicense } from './model';
import { OSAID_BY_COMPONENT } from './osaid';

/** Components whose role is not their content type's. */
const ROLES: Readonly<Record<string, ComponentRole>> = {
  'Model parameters (Final)': 'weights',
  'Model parameters (Intermediate)': 'checkpoints',
  'Supporting libraries and tools': 'library',
  // Training configuration and optimizer state (MOF's description): the manifest's `parameters.optimizer_state`.
  'Model metadata': 'optimizer-state',
};
const BY_CONTENT: Readonly<Record<string, ComponentRole>> = {
  code: 'code',
  data: 'dataset',
  document: 'documentation',
};

type Obj = Record<string, unknown>;
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' && !isPlaceholder(v) ? v.trim() : undefined;

export function describeMof(parsed: ParsedDocument): ReleaseDescription | undefined {
  const model = readModel(parsed);
  const value = parsed.value as Obj | undefined;
  const release = (typeof value?.release === 'object' && value.release !== null ? value.release : {}) as Obj;
  const name = text(model.releaseName) ?? 'AI system';
  const hub = text(release.huggingface);
  const components: ReleaseComponent[] = [];
  for (const entry of model.entries) {
    if (!entry.component || entry.duplicateOf !== undefined) continue;
    const componentName = entry.component.name;
    const role = ROLES[componentName] ?? BY_CONTENT[entry.component.contentType] ?? 'documentation';
    const license = text(resolveComponentLicense(model, entry).license);
    // `license_path` is where a component's license text is, not the component: only the weights have a location.
    const location = role === 'weights' ? hub : undefined;
    const item = OSAID_BY_COMPONENT[componentName]?.requirement;
    components.push({
      key: entry.path,
      ...(item ? { item } : {}),
      role,
      name: role === 'weights' ? name : `${name}: ${componentName}`,
      description: componentName,
      ...(location ? { location } : {}),
      ...(license ? { license } : {}),
    });
  }
  const version = text(release.version);
  const producer = text(release.producer);
  const date = text(release.date);
  const homepage = text(release.repository);
  return {
    name,
    ...(version ? { version } : {}),
    ...(producer ? { producer } : {}),
    ...(date ? { releaseDate: date } : {}),
    ...(homepage ? { homepage } : {}),
    components,
  };
}
