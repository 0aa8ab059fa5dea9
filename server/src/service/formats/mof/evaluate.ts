/**
 * The MOF class and per-class progress, computed exactly as the Model Openness Tool does
 * (ModelEvaluator::evaluate / getProgress / getClassification of lfai/model_openness_tool,
 * re-implemented; see data/ATTRIBUTION.md):
 *
 * 1. Each MOF component in the file gets a license in MOT's order (own → global for its
 *    content type → distribution) and a status: `included` when the license is open
 *    (OSI-approved, FSF-libre, MOT's open-data list, OpenMDW-1.0; exact ids), `unlicensed`
 *    when there is none or it is `unlicensed`, `invalid` otherwise. Type-appropriateness
 *    only produces a warning.
 * 2. For class c the required components of classes III..c are evaluated (cumulative).
 * 3. If the technical report is not included but the research paper is present, the
 *    technical report no longer counts as missing and the research paper is counted, with
 *    its status, in classes III and II.
 * 4. progress(c): walk from Class III down to c adding each class's required count to a
 *    running total; stop at the first class whose included count is below the total; if
 *    that is above c, progress is 0 (a lower class gates the higher one). For Class I the
 *    total drops by one when the research paper is included but the technical report is
 *    not. progress = included / total × 100, capped at 100 — a raw double, exactly MOT's
 *    API figure (expected_results.json), not rounded. Badges and our titles round it.
 * 5. The class is the best c whose progress is exactly 100; otherwise unclassified.
 */
import type { ParsedDocument } from '../format';
import {
  ComponentEntry,
  ComponentStatus,
  MofModel,
  readModel,
  resolveComponentLicense,
  ResolvedLicense,
} from './model';
import {
  classTitle,
  isMotOpen,
  isTypeAppropriate,
  MofClass,
  MotComponent,
  REQUIRED_FOR,
  REQUIRED_IN,
  RESEARCH_PAPER,
  TECHNICAL_REPORT,
  CLASS_ROMAN,
} from './tables';

export interface MofClassResult {
  /** The MOF class, or null when unclassified. */
  class: MofClass | null;
  /** Per-class progress in percent: MOT's exact (unrounded) figure. */
  progress: { 1: number; 2: number; 3: number };
  /** Required components (cumulative per class) that are missing or not under an open license. */
  missing: { 1: string[]; 2: string[]; 3: string[] };
  /** Of `missing`, those not in the file at all (what "add the missing components" inserts). */
  absent: { 1: string[]; 2: string[]; 3: string[] };
  /** Required-component count per class as MOT counts it (Class I: 13 when the research paper stands in). */
  required: { 1: number; 2: number; 3: number };
  /** Code lens title: starts with `MOF Class I`, `MOF Class II`, `MOF Class III` or `MOF unclassified`. */
  title: string;
  /** The title's two parts: the class reached (`MOF Class III — Open Model`), and what the next class needs. */
  reached: string;
  summary: string;
  /** Every MOF component found in the file, with the license MOT applies. */
  components: ComponentEvaluation[];
}

export interface ComponentEvaluation {
  component: MotComponent;
  entry: ComponentEntry;
  resolved: ResolvedLicense;
  status: ComponentStatus;
  /** Open but not among MOT's type-appropriate licenses for the component's content type. */
  notTypeAppropriate: boolean;
}

type Lists = { included: string[]; invalid: string[]; unlicensed: string[]; missing: string[] };

const cache = new WeakMap<ParsedDocument, MofClassResult>();

/** The MOF class of a MOF model file, computed once per parse. */
export function evaluateMofClass(parsed: ParsedDocument): MofClassResult {
  let result = cache.get(parsed);
  if (!result) {
    result = evaluateModel(readModel(parsed));
    cache.set(parsed, result);
  }
  return result;
}

export function statusOf(license: string | undefined): ComponentStatus {
  if (license === undefined || license === 'unlicensed') return 'unlicensed';
  return isMotOpen(license) ? 'included' : 'invalid';
}

export function evaluateComponents(model: MofModel): ComponentEvaluation[] {
  const out: ComponentEvaluation[] = [];
  for (const entry of model.byComponent.values()) {
    const component = entry.component!;
    const resolved = resolveComponentLicense(model, entry);
    const status = statusOf(resolved.license);
    out.push({
      component,
      entry,
      resolved,
      status,
      notTypeAppropriate: status === 'included' && !isTypeAppropriate(resolved.license!, component.contentType),
    });
  }
  return out;
}

export function evaluateModel(model: MofModel): MofClassResult {
  const components = evaluateComponents(model);
  const statusByName = new Map(components.map((c) => [c.component.name, c.status]));

  const evals = {} as Record<MofClass, Lists>;
  for (const c of [3, 2, 1] as const) {
    const lists: Lists = { included: [], invalid: [], unlicensed: [], missing: [] };
    for (const component of REQUIRED_FOR[c]) {
      const status = statusByName.get(component.name);
      if (status === undefined) lists.missing.push(component.name);
      else lists[status].push(component.name);
    }
    evals[c] = lists;
  }
  // The technical report may be omitted when a research paper is provided.
  const techReportIncluded = evals[3].included.includes(TECHNICAL_REPORT);
  const paper = statusByName.get(RESEARCH_PAPER);
  if (!techReportIncluded && paper !== undefined) {
    for (const c of [1, 2, 3] as const) evals[c].missing = evals[c].missing.filter((n) => n !== TECHNICAL_REPORT);
    for (const c of [2, 3] as const) evals[c][paper].push(RESEARCH_PAPER);
  }

  const progress = { 1: 0, 2: 0, 3: 0 };
  const required = { 1: 0, 2: 0, 3: 0 };
  for (const c of [3, 2, 1] as const) {
    let total = 0;
    let included = 0;
    let i: number = 3;
    for (; i >= c; i--) {
      total += REQUIRED_IN[i as MofClass].length;
      included = evals[i as MofClass].included.length;
      if (included < total) break;
    }
    const paperStandsIn = c === 1 && statusByName.get(TECHNICAL_REPORT) !== 'included' && paper === 'included';
    required[c] = REQUIRED_FOR[c].length - (paperStandsIn ? 1 : 0);
    if (i > c) {
      progress[c] = 0;
      continue;
    }
    if (paperStandsIn) total--;
    const p = (included / total) * 100;
    progress[c] = p > 100 ? 100 : p;
  }
  let cls: MofClass | null = null;
  for (const c of [3, 2, 1] as const) if (progress[c] === 100) cls = c;

  const missing = { 1: [] as string[], 2: [] as string[], 3: [] as string[] };
  const absent = { 1: [] as string[], 2: [] as string[], 3: [] as string[] };
  const paperIncluded = paper === 'included';
  for (const c of [3, 2, 1] as const) {
    for (const component of REQUIRED_FOR[c]) {
      const status = statusByName.get(component.name);
      if (status === 'included') continue;
      // The research paper stands in for a technical report that is not included.
      if (component.name === TECHNICAL_REPORT && paperIncluded) continue;
      missing[c].push(component.name);
      if (status === undefined) absent[c].push(component.name);
    }
  }
  const { reached, summary } = titleParts(cls, progress, missing, required);
  return {
    class: cls,
    progress,
    missing,
    absent,
    required,
    title: `${reached} · ${summary}`,
    reached,
    summary,
    components,
  };
}

function titleParts(
  cls: MofClass | null,
  progress: Record<MofClass, number>,
  missing: Record<MofClass, string[]>,
  required: Record<MofClass, number>,
): { reached: string; summary: string } {
  const reached = cls === null ? 'MOF unclassified' : `MOF ${classTitle(cls)}`;
  if (cls === 1) return { reached, summary: `all ${required[1]} required components open` };
  const next: MofClass = cls === null ? 3 : ((cls - 1) as MofClass);
  const n = missing[next].length;
  const pct = Math.round(progress[next]);
  return {
    reached,
    summary:
      `Class ${CLASS_ROMAN[next]}: ${n} of ${required[next]} required component` +
      `${required[next] === 1 ? '' : 's'} missing or not open` +
      `${pct > 0 ? ` (${pct}%)` : ''}`,
  };
}
