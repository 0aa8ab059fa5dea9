/**
 * The neutral view of an AI bill of materials (a CycloneDX ML-BOM, an SPDX 3 AI-BOM): its parts
 * with their licenses, which part is the model, which parts answer which checklist item under
 * which license test, and the training data it lists. Each format reads its own JSON into this
 * view; the license findings (licenseDiagnostics.ts) and the checklist (checklist.ts) are read
 * from it alone, so both formats judge a release the same way.
 */
import { CHECKLIST_GROUPS } from '../checklist/model';
import { checkLicense, type LicenseTest } from '../licenses';
import { childrenOf } from '../osaid/requirements';
import type { PathSegment } from '../yaml/nodes';

/** A node of the parse: only its range is read. */
export interface Ranged {
  readonly range?: readonly number[] | null;
}

export interface BomLicense {
  /** The SPDX expression, the license id or the license name, as written. */
  text: string;
  /** Which field states it: a name is judged by its verdict only, not by how it is spelt. */
  field: 'expression' | 'id' | 'name';
  /** The scalar holding it. */
  node: Ranged;
  path: PathSegment[];
}

export interface BomPart {
  name: string;
  /** How findings and the checklist name it when its name may be empty. */
  label: string;
  node: Ranged;
  /** The name's value node (or another node that stands for the part). */
  anchor: Ranged;
  /** The `data.path` of the finding that the part states no license. */
  licensesPath: PathSegment[];
  licenses: readonly BomLicense[];
}

export interface JudgedPart<P extends BomPart = BomPart> {
  part: P;
  /** The checklist item it answers, when the document says (or it is the model); undefined for code of unknown use. */
  item?: string;
  test: LicenseTest;
  /** Whether it has licenses and every one passes its test. */
  passes: boolean;
}

export interface BomView<P extends BomPart = BomPart> {
  model?: P;
  judged: JudgedPart<P>[];
  /** Whether the parts name their places in the release (a document written by osai-check). */
  placed: boolean;
  datasets: Array<{ label: string; node: Ranged }>;
  /** Checklist items the document's source did not state: they stay "not stated", never missing. */
  notStatedAtSource: ReadonlySet<string>;
}

/** The items of the checklist, as a model card's: every required and recommended one but the data documentation. */
export const ITEM_IDS: readonly string[] = CHECKLIST_GROUPS.flatMap(({ id }) =>
  childrenOf(id)
    .flatMap((r) => (r.path === 'data_information.description' ? childrenOf(r.path) : [r]))
    .filter((r) => r.level !== 'optional' && r.path !== 'data_information.documentation')
    .map((r) => r.path),
);

/** A part judged under its test: every stated license must pass (a document lists terms that all apply). */
export function judgePart<P extends BomPart>(
  part: P,
  test: LicenseTest,
  item: string | undefined,
  extraOpen: readonly string[],
): JudgedPart<P> {
  return {
    part,
    item,
    test,
    passes:
      part.licenses.length > 0 &&
      part.licenses.every((l) => !checkLicense(l.text, test, { extraOpen }).some((f) => f.severity === 'error')),
  };
}

/**
 * A view built once per parse and reused by every request; rebuilt when a caller passes other open terms than it was
 * built with (a caller that passes none takes it as it is).
 */
export function viewPerParse<D extends object, V>(
  build: (parsed: D, extraOpen: readonly string[]) => V,
): (parsed: D, treatAsOpen?: readonly string[]) => V {
  const views = new WeakMap<D, { treatAsOpen: readonly string[]; view: V }>();
  return (parsed, treatAsOpen) => {
    const cached = views.get(parsed);
    if (cached && (treatAsOpen === undefined || cached.treatAsOpen === treatAsOpen)) return cached.view;
    const extraOpen = treatAsOpen ?? [];
    const view = build(parsed, extraOpen);
    views.set(parsed, { treatAsOpen: extraOpen, view });
    return view;
  };
}
