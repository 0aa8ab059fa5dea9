/** Lookups over MOT's reference tables, built once at module load. */
import {
  MOT_COMPONENTS,
  MOT_FSF_LIBRE,
  MOT_OPEN_DATA,
  MOT_OPEN_EXTRA,
  MOT_OSI_APPROVED,
  MOT_TYPE_LICENSES,
  MotComponent,
  MotContentType,
} from './data/motTables';

export type { MotComponent, MotContentType };
export { MOT_COMPONENTS };

export type MofClass = 1 | 2 | 3;

export const FRAMEWORK_NAME = 'Model Openness Framework';
export const COMPONENT_NAMES: readonly string[] = MOT_COMPONENTS.map((c) => c.name);
export const COMPONENTS_BY_NAME: ReadonlyMap<string, MotComponent> = new Map(MOT_COMPONENTS.map((c) => [c.name, c]));
export const COMPONENTS_BY_LOWER: ReadonlyMap<string, MotComponent> = new Map(
  MOT_COMPONENTS.map((c) => [normalizeName(c.name), c]),
);

export const TECHNICAL_REPORT = 'Technical report';
export const RESEARCH_PAPER = 'Research paper';

/** Required components whose lowest class is exactly `c`. */
export const REQUIRED_IN: Readonly<Record<MofClass, readonly MotComponent[]>> = {
  3: MOT_COMPONENTS.filter((c) => c.required && c.class === 3),
  2: MOT_COMPONENTS.filter((c) => c.required && c.class === 2),
  1: MOT_COMPONENTS.filter((c) => c.required && c.class === 1),
};

/** Required components for class `c`, cumulative (Class III's first). */
export const REQUIRED_FOR: Readonly<Record<MofClass, readonly MotComponent[]>> = {
  3: REQUIRED_IN[3],
  2: [...REQUIRED_IN[3], ...REQUIRED_IN[2]],
  1: [...REQUIRED_IN[3], ...REQUIRED_IN[2], ...REQUIRED_IN[1]],
};

export const CLASS_LABEL: Readonly<Record<MofClass, string>> = {
  1: 'Open Science',
  2: 'Open Tooling',
  3: 'Open Model',
};
export const CLASS_ROMAN: Readonly<Record<MofClass, string>> = { 1: 'I', 2: 'II', 3: 'III' };

const OSI = new Set(MOT_OSI_APPROVED);
const FSF = new Set(MOT_FSF_LIBRE);
const OPEN_DATA = new Set(MOT_OPEN_DATA);
const OPEN_EXTRA = new Set(MOT_OPEN_EXTRA);
const BY_TYPE: Readonly<Record<MotContentType, ReadonlySet<string>>> = {
  code: new Set(MOT_TYPE_LICENSES.code),
  data: new Set(MOT_TYPE_LICENSES.data),
  document: new Set(MOT_TYPE_LICENSES.document),
};

/** Why MOT counts a license id as open (empty: it does not). Ids are compared exactly, like MOT. */
export function motOpenReasons(id: string): string[] {
  const reasons: string[] = [];
  if (OSI.has(id)) reasons.push('OSI-approved');
  if (FSF.has(id)) reasons.push('FSF-libre');
  if (OPEN_DATA.has(id)) reasons.push("on MOT's open-data list");
  if (OPEN_EXTRA.has(id)) reasons.push('OpenMDW');
  return reasons;
}

/** MOT's verdict: OSI-approved, FSF-libre, on MOT's open-data list, or OpenMDW-1.0 — exact id match. */
export function isMotOpen(id: string): boolean {
  return OSI.has(id) || FSF.has(id) || OPEN_DATA.has(id) || OPEN_EXTRA.has(id);
}

/** MOT's type-appropriate licenses (mof-licenses.json). */
export function isTypeAppropriate(id: string, type: MotContentType): boolean {
  return BY_TYPE[type].has(id);
}

export function typeAppropriateLicenses(type: MotContentType): readonly string[] {
  return MOT_TYPE_LICENSES[type];
}

/** Case and whitespace folded, for "did you mean" and tolerant recognition. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function classTitle(c: MofClass): string {
  return `Class ${CLASS_ROMAN[c]} — ${CLASS_LABEL[c]}`;
}
