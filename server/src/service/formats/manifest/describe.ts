/** The manifest as a release description (aibom/release.ts): every component it lists, keyed by its path. */
import type { ComponentRole, ReleaseComponent, ReleaseDescription } from '../../aibom/release';
import { isPlaceholder } from '../../osaid/placeholders';
import { requirementFor } from '../../osaid/requirements';
import type { ParsedDocument } from '../format';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
/** A real value: a string (or number, a date) that is not a placeholder. */
const text = (v: unknown): string | undefined => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v;
  return typeof s === 'string' && s.trim() !== '' && !isPlaceholder(s) ? s.trim() : undefined;
};

const SINGLE: ReadonlyArray<[string, ComponentRole]> = [
  ['parameters.weights', 'weights'],
  ['parameters.checkpoints', 'checkpoints'],
  ['parameters.optimizer_state', 'optimizer-state'],
  ['code.data_processing', 'code'],
  ['code.training', 'code'],
  ['code.evaluation', 'code'],
  ['code.inference', 'code'],
  ['code.architecture', 'code'],
];

function at(root: Obj, path: string): Obj | undefined {
  let node: unknown = root;
  for (const part of path.split('.')) node = obj(node)?.[part];
  return obj(node);
}

/** A component the manifest states: with a real location or license (a skeleton of placeholders states none). */
function component(
  key: string,
  role: ComponentRole,
  value: Obj,
  name: string,
  description?: string,
): ReleaseComponent | undefined {
  const location = text(value.location);
  const license = text(value.license);
  if (!location && !license) return undefined;
  const kind = text(value.kind);
  return {
    key,
    role,
    name,
    ...(description ? { description } : {}),
    ...(location ? { location } : {}),
    ...(license ? { license } : {}),
    ...(kind ? { kind } : {}),
  };
}

export function describeManifest(parsed: ParsedDocument): ReleaseDescription | undefined {
  const root = obj(parsed.value);
  if (!root) return undefined;
  const system = obj(root.system) ?? {};
  const components: ReleaseComponent[] = [];
  const add = (c: ReleaseComponent | undefined) => {
    if (c) components.push(c);
  };
  const systemName = text(system.name) ?? 'AI system';
  for (const [path, role] of SINGLE) {
    const value = at(root, path);
    if (!value) continue;
    const title = requirementFor(path)?.title ?? path;
    add(component(path, role, value, `${systemName}: ${title}`, title));
  }
  const list = (path: string): Obj[] => {
    const [group, key] = path.split('.');
    const items = obj(root[group])?.[key];
    return Array.isArray(items) ? items.map(obj).filter((i): i is Obj => i !== undefined) : [];
  };
  list('code.supporting_libraries').forEach((lib, i) =>
    add(component(`code.supporting_libraries[${i}]`, 'library', lib, text(lib.name) ?? `library ${i + 1}`)),
  );
  const data = obj(root.data_information);
  const dataLicense = text(data?.license);
  const description = obj(data?.description);
  const aspects = description
    ? Object.fromEntries(Object.entries(description).flatMap(([k, v]) => (text(v) ? [[k, text(v)!]] : [])))
    : undefined;
  if (dataLicense || (aspects && Object.keys(aspects).length))
    components.push({
      key: 'data_information',
      role: 'data-information',
      name: `${systemName}: data information`,
      description: 'The description of the training data',
      ...(dataLicense ? { license: dataLicense } : {}),
    });
  // A listed dataset is stated by its name alone (a card lists ids): it is a component even without location.
  list('data_information.training_data').forEach((d, i) => {
    const name = text(d.name);
    const stated = component(`data_information.training_data[${i}]`, 'dataset', d, name ?? `dataset ${i + 1}`);
    const kind = text(d.kind);
    add(
      stated ??
        (name
          ? { key: `data_information.training_data[${i}]`, role: 'dataset', name, ...(kind ? { kind } : {}) }
          : undefined),
    );
  });
  list('data_information.documentation').forEach((d, i) =>
    add(
      component(
        `data_information.documentation[${i}]`,
        'documentation',
        d,
        text(d.name) ?? `${systemName}: ${text(d.kind) ?? 'document'} ${i + 1}`,
        text(d.kind),
      ),
    ),
  );
  const version = text(system.version);
  const producer = text(system.producer);
  const releaseDate = text(system.release_date);
  const homepage = text(system.homepage);
  return {
    name: systemName,
    ...(version ? { version } : {}),
    ...(producer ? { producer } : {}),
    ...(releaseDate ? { releaseDate } : {}),
    ...(homepage ? { homepage } : {}),
    ...(aspects && Object.keys(aspects).length ? { dataDescription: aspects } : {}),
    components,
  };
}
