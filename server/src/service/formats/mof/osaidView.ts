/**
 * The OSAID 1.0 view of a MOF model file, judged with the same license tests as a manifest:
 * code must be under an OSI-approved license, parameters and data information under open
 * (OSD-conformant) terms. MOT's own verdict (exact ids; FSF-libre and its open-data list count)
 * decides the MOF class only; here a component counts when its license, resolved in MOT's
 * order, passes the OSAID test.
 */
import { licenseQualifies } from '../../licenses';
import type { ParsedDocument } from '../format';
import { evaluateMofClass, ComponentEvaluation } from './evaluate';
import { OSAID_BY_COMPONENT } from './osaid';

export interface OsaidViewItem {
  /** The requirement id of the OSAID manifest's table (`code.training`, `data_information`). */
  id: string;
  level: 'required' | 'recommended';
  test: 'osi' | 'open';
  /** The MOF components that may satisfy it (any one of them). */
  candidates: readonly string[];
  /** Those in the file, with whether each passes the test. */
  found: Array<{ evaluation: ComponentEvaluation; passes: boolean }>;
  met: boolean;
}

export interface OsaidView {
  items: readonly OsaidViewItem[];
  /**
   * For each component the view reads: its item, whether it passes, and whether its failure
   * decides the verdict (its item is required and no other candidate meets it; never for the
   * data information's candidates, whose unmet requirement is reported on its own).
   */
  byComponent: ReadonlyMap<string, { item: OsaidViewItem; passes: boolean; decides: boolean }>;
}

/** Data information: OSI's checklist accepts any one of these, under open terms, in this order of importance. */
export const DATA_INFORMATION_COMPONENTS: readonly string[] = [
  'Datasets',
  'Research paper',
  'Technical report',
  'Data card',
];

const ITEMS: ReadonlyArray<Pick<OsaidViewItem, 'id' | 'level' | 'test' | 'candidates'>> = [
  { id: 'data_information', level: 'required', test: 'open', candidates: DATA_INFORMATION_COMPONENTS },
  ...[
    'code.data_processing',
    'code.training',
    'code.evaluation',
    'code.inference',
    'code.architecture',
    'code.supporting_libraries',
  ].map((id) => ({ id, level: 'required' as const, test: 'osi' as const, candidates: componentsFor(id) })),
  { id: 'parameters.weights', level: 'required', test: 'open', candidates: componentsFor('parameters.weights') },
  {
    id: 'parameters.checkpoints',
    level: 'recommended',
    test: 'open',
    candidates: componentsFor('parameters.checkpoints'),
  },
];

function componentsFor(requirement: string): string[] {
  return Object.entries(OSAID_BY_COMPONENT)
    .filter(([, m]) => m.requirement === requirement)
    .map(([name]) => name);
}

const cache = new WeakMap<ParsedDocument, { treatAsOpen: readonly string[]; view: OsaidView }>();

/**
 * The view of a parse, with the user's reviewed licenses (the validation's; the checklist, which
 * has no settings, reuses the view the validation made for the same parse).
 */
export function osaidView(parsed: ParsedDocument, treatAsOpen?: readonly string[]): OsaidView {
  const cached = cache.get(parsed);
  if (cached && (treatAsOpen === undefined || cached.treatAsOpen === treatAsOpen)) return cached.view;
  const extraOpen = treatAsOpen ?? [];
  const components = evaluateMofClass(parsed).components;
  const items = ITEMS.map((item): OsaidViewItem => {
    const found = components
      .filter((c) => item.candidates.includes(c.component.name))
      .map((evaluation) => ({
        evaluation,
        passes:
          evaluation.resolved.license !== undefined &&
          licenseQualifies(evaluation.resolved.license, item.test, { extraOpen }),
      }));
    return { ...item, found, met: found.some((f) => f.passes) };
  });
  const byComponent = new Map<string, { item: OsaidViewItem; passes: boolean; decides: boolean }>();
  for (const item of items) {
    // Data information components are supporting material (requirements §3a): one that cannot count is a
    // warning on it; the requirement left unmet gets its own error (diagnostics.ts, osaidFindings).
    const decides = item.level === 'required' && !item.met && item.id !== 'data_information';
    for (const f of item.found) byComponent.set(f.evaluation.component.name, { item, passes: f.passes, decides });
  }
  const view: OsaidView = { items, byComponent };
  cache.set(parsed, { treatAsOpen: extraOpen, view });
  return view;
}
