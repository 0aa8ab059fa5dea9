/**
 * The OSAID rules: walks the manifest along the requirements table and reports what is
 * missing, empty or under terms that do not qualify.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { Codes, DiagnosticData } from '../../diagnostics/codes';
import { checkLicense, LicenseFinding } from '../../licenses';
import type { LicenseCheckOptions } from '../../licenses/types';
import { diagnostic, firstLineSpan } from '../../yaml/spans';
import type { ParsedDocument } from '../format';
import { isBareNotApplicable, isPlaceholder } from '../../osaid/placeholders';
import { childrenOf, keyOf, Requirement } from '../../osaid/requirements';
import { ServiceSettings } from '../../settings';
import { lowerFirst, shorten } from '../../text/text';
import { findPair, formatPath, PathSegment, verbatimSpan } from '../../yaml/nodes';

interface Context {
  parsed: ParsedDocument;
  settings: ServiceSettings;
  licenseOptions: LicenseCheckOptions;
  out: Diagnostic[];
}

export function ruleDiagnostics(parsed: ParsedDocument, settings: ServiceSettings): Diagnostic[] {
  const contents = parsed.yaml?.contents as Node | null | undefined;
  // Without plain data (an alias bomb) the rules would only repeat the parse error.
  if (!parsed.yaml || parsed.value === undefined) return [];
  const isEmptyDocument =
    contents === null || contents === undefined || (isScalar(contents) && contents.value === null);
  if (!isEmptyDocument && !isMap(contents)) return []; // a type error is reported by the schema
  const ctx: Context = { parsed, settings, licenseOptions: { extraOpen: settings.treatAsOpen }, out: [] };
  const firstLine = firstLineSpan(parsed.text);
  checkMapping(ctx, isMap(contents) ? contents : null, '', [], firstLine, true);
  return ctx.out;
}

/**
 * A requirement with its key in the parent mapping, and the pattern of its list items (made once per pattern, not per
 * mapping walked).
 */
interface Child {
  req: Requirement;
  key: string;
  itemPattern: string;
}
const childCache = new Map<string, readonly Child[]>();
function children(pattern: string): readonly Child[] {
  let list = childCache.get(pattern);
  if (!list)
    childCache.set(
      pattern,
      (list = childrenOf(pattern).map((req) => ({ req, key: keyOf(req), itemPattern: `${req.path}[]` }))),
    );
  return list;
}

/**
 * Whether an element decides the verdict: required, inside elements that all do. Its findings
 * are then errors; inside a recommended element (checkpoints) or supporting material
 * (documentation) they are warnings, and on informative values (a dataset's terms) information.
 */
function decides(req: Requirement, parentDecides: boolean): boolean {
  return (
    parentDecides &&
    req.level === 'required' &&
    !req.supporting &&
    !(req.shape.kind === 'license' && req.shape.informative)
  );
}

/**
 * Checks the children of one mapping (or of a key whose mapping is still empty); `counts`: the mapping decides the
 * verdict.
 */
function checkMapping(
  ctx: Context,
  map: YAMLMap | null,
  pattern: string,
  segments: PathSegment[],
  anchor: [number, number],
  counts: boolean,
): void {
  const list = children(pattern);
  for (let i = 0; i < list.length; i++) {
    const child = list[i];
    const req = child.req;
    const pair = map ? findPair(map, child.key) : undefined;
    if (!pair) {
      if (req.when && siblingValue(map, req.when.sibling) !== req.when.equals) continue;
      if (req.level !== 'required' && req.level !== 'recommended') continue;
      const childSegments = [...segments, child.key];
      if (req.level === 'required' && req.supporting)
        report(
          ctx,
          anchor,
          Codes.missing,
          DiagnosticSeverity.Warning,
          supportingMissingMessage(req, formatPath(childSegments)),
          childSegments,
          req,
        );
      else if (req.level === 'required')
        report(
          ctx,
          anchor,
          Codes.missing,
          counts ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
          missingMessage(req, formatPath(childSegments)),
          childSegments,
          req,
        );
      else
        report(
          ctx,
          anchor,
          Codes.recommended,
          DiagnosticSeverity.Information,
          recommendedMessage(req, formatPath(childSegments)),
          childSegments,
          req,
        );
      continue;
    }
    const keySpan = span(pair.key as Node, anchor);
    checkValue(ctx, child, pair.value as Node | null, segments, keySpan, decides(req, counts));
  }
}

/**
 * One requirement's value. `parentSegments` is the path to the mapping holding it (the value's own path is made only
 * when needed).
 */
function checkValue(
  ctx: Context,
  child: Child,
  value: Node | null,
  parentSegments: PathSegment[],
  keySpan: [number, number],
  counts: boolean,
): void {
  const req = child.req;
  // A placeholder where the verdict needs a real value leaves the requirement unmet: an error, like a missing value.
  const placeholderSeverity = counts ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
  const isNull = value === null || (isScalar(value) && value.value === null);
  switch (req.shape.kind) {
    case 'section':
      if (isNull) checkMapping(ctx, null, req.path, [...parentSegments, child.key], keySpan, counts);
      else if (isMap(value)) checkMapping(ctx, value, req.path, [...parentSegments, child.key], keySpan, counts);
      return;
    case 'list': {
      const segments = [...parentSegments, child.key];
      // A statement that the element does not apply, instead of a list (`none — …, because …`).
      if (req.mayNotApply && isScalar(value) && value.value !== null) {
        checkStatement(ctx, req, value, segments, keySpan, placeholderSeverity);
        return;
      }
      const items = isSeq(value) ? value.items : [];
      if ((isNull || isSeq(value)) && items.length < req.shape.minItems && req.level === 'required') {
        report(
          ctx,
          keySpan,
          Codes.missing,
          counts ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
          `\`${formatPath(segments)}\` needs at least one entry: ${lowerFirst(req.summary)}`,
          [...segments, 0],
          req,
        );
      }
      for (let index = 0; index < items.length; index++) {
        const node = items[index] as Node | null;
        if (isMap(node))
          checkMapping(ctx, node, child.itemPattern, [...segments, index], itemAnchor(node, keySpan), counts);
      }
      return;
    }
    default: {
      if (isNull || (isScalar(value) && isPlaceholder(value.value))) {
        const segments = [...parentSegments, child.key];
        const where = value && value.range && value.range[1] > value.range[0] ? span(value, keySpan) : keySpan;
        const bare = req.mayNotApply && isScalar(value) && isBareNotApplicable(value.value);
        report(
          ctx,
          where,
          Codes.empty,
          placeholderSeverity,
          bare
            ? bareNotApplicableMessage(req, formatPath(segments), String(value.value))
            : emptyMessage(req, formatPath(segments)),
          segments,
          req,
        );
        return;
      }
      if (req.shape.kind === 'license' && isScalar(value) && typeof value.value === 'string') {
        checkLicenseValue(ctx, req, value, parentSegments, child.key, counts);
      }
    }
  }
}

/** A scalar where a list is expected: a "does not apply" statement, unless it is a bare placeholder. */
function checkStatement(
  ctx: Context,
  req: Requirement,
  value: Node,
  segments: PathSegment[],
  keySpan: [number, number],
  severity: DiagnosticSeverity,
): void {
  if (!isScalar(value) || !isPlaceholder(value.value)) return; // a type error, if not text, comes from the schema
  const where = value.range && value.range[1] > value.range[0] ? span(value, keySpan) : keySpan;
  const message = isBareNotApplicable(value.value)
    ? bareNotApplicableMessage(req, formatPath(segments), String(value.value))
    : emptyMessage(req, formatPath(segments));
  report(ctx, where, Codes.empty, severity, message, segments, req);
}

function checkLicenseValue(
  ctx: Context,
  req: Requirement,
  value: Node,
  parentSegments: PathSegment[],
  key: string,
  counts: boolean,
): void {
  if (req.shape.kind !== 'license' || !isScalar(value)) return;
  const text = String(value.value);
  const findings = checkLicense(text, req.shape.test, ctx.licenseOptions);
  if (findings.length === 0) return;
  const segments = [...parentSegments, key];
  const base = verbatimSpan(ctx.parsed.text, value)?.[0];
  for (const finding of findings) {
    const [start, end] = base === undefined ? span(value, [0, 0]) : [base + finding.start, base + finding.end];
    const severity =
      req.shape.informative && finding.severity === 'error'
        ? DiagnosticSeverity.Information
        : finding.severity === 'error' && counts
          ? DiagnosticSeverity.Error
          : DiagnosticSeverity.Warning;
    const data: DiagnosticData = {
      path: formatPath(segments),
      requirement: req.path,
      replacements: finding.replacements,
    };
    ctx.out.push(
      diagnostic(ctx.parsed.document, start, end, severity, finding.code, licenseMessage(req, finding, counts), data),
    );
  }
}

function licenseMessage(req: Requirement, finding: LicenseFinding, counts: boolean): string {
  if (finding.severity !== 'error') return finding.message;
  if (req.shape.kind === 'license' && req.shape.informative)
    return `${finding.message} (Informative: OSAID does not require training data to be openly licensed.)`;
  if (req.supporting)
    return (
      `${finding.message} (Supporting material: the release does not fail on it, ` +
      `but this document cannot count as data information.)`
    );
  if (!counts)
    return `${finding.message} (Recommended element: the release does not fail on it, but it does not count as open.)`;
  return finding.message;
}

function report(
  ctx: Context,
  where: [number, number],
  code: string,
  severity: DiagnosticSeverity,
  message: string,
  segments: PathSegment[],
  req: Requirement,
): void {
  const data: DiagnosticData = { path: formatPath(segments), requirement: req.path };
  ctx.out.push(diagnostic(ctx.parsed.document, where[0], where[1], severity, code, message, data));
}

function missingMessage(req: Requirement, path: string): string {
  const condition = req.when ? ` (required when \`${req.when.sibling}: ${req.when.equals}\`)` : '';
  return `Missing \`${path}\`${condition}: ${lowerFirst(req.summary)}`;
}

function recommendedMessage(req: Requirement, path: string): string {
  return `Recommended: add \`${path}\` — ${lowerFirst(req.summary)}`;
}

function supportingMissingMessage(_req: Requirement, path: string): string {
  const entry = path.replace(/\.license$/, '');
  return (
    `\`${entry}\` has no license: its terms are unknown, so it cannot count ` +
    `as data information. Add its license (a paper on arXiv is usually under ` +
    `arXiv's non-exclusive license, which is not open).`
  );
}

function bareNotApplicableMessage(req: Requirement, path: string, written: string): string {
  return (
    `\`${path}: ${shorten(written)}\` gives no reason: if it does not apply, ` +
    `say why — e.g. \`${req.mayNotApply}\`.`
  );
}

function emptyMessage(req: Requirement, path: string): string {
  return `\`${path}\` is empty or a placeholder; fill it in: ${lowerFirst(req.summary)}`;
}

function siblingValue(map: YAMLMap | null, key: string): unknown {
  if (!map) return undefined;
  const pair = findPair(map, key);
  return pair && isScalar(pair.value) ? pair.value.value : undefined;
}

function span(node: Node | null | undefined, fallback: [number, number]): [number, number] {
  return node?.range ? [node.range[0], node.range[1]] : fallback;
}

/** A list item's anchor: its first key, so "missing" lands on the item's first line. */
function itemAnchor(map: YAMLMap, fallback: [number, number]): [number, number] {
  const first = map.items[0]?.key as Node | undefined;
  return span(first ?? map, fallback);
}
