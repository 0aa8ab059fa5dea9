/**
 * Diagnostics for MOF model files: the project's JSON Schema (ajv, compiled once) mapped to
 * YAML ranges, component names, per-component licenses in MOT's resolution order, and the
 * OSAID view (what OSAID 1.0 still needs that the file does not show).
 */
import Ajv, { ErrorObject } from 'ajv';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { isMap, Node } from 'yaml';
import mofSchema from '../../../../../schemas/mof-model.schema.json';
import { Codes } from '../../diagnostics/codes';
import { diagnostic, firstLineSpan } from '../../yaml/spans';
import type { ParsedDocument } from '../format';
import { closest } from '../../text/suggest';
import { expectedTypesText, pointerToSegments, unknownKeyDiagnostic } from '../../schema/errors';
import { formatPath, innerSpan, locate, PathSegment } from '../../yaml/nodes';
import { evaluateMofClass } from './evaluate';
import { isUnlicensedMarker, MofCodes, MofLicenseFinding, osiFinding, Severity, spellingFindings, typeFinding, verdictFinding } from './licenseCheck';
import { ComponentEntry, MofModel, readModel, resolveComponentLicense, ResolvedLicense } from './model';
import { OSAID_GROUPS } from './osaid';
import { COMPONENT_NAMES, COMPONENTS_BY_LOWER, FRAMEWORK_NAME, normalizeName } from './tables';
import { lowerFirst } from '../../text/text';

/** What MOF diagnostics carry in `data` (a superset of the service's DiagnosticData). */
export interface MofDiagnosticData {
  path: string;
  /** `osaid/missing` only: the matching requirement id of the OSAID manifest's requirements table. */
  requirement?: string;
  replacements?: string[];
  /** The MOF component concerned (for `osaid/missing`: the component to add). */
  component?: string;
  /** For inherited licenses: the path of the global license that applies. */
  inheritedFrom?: string;
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validateMof = ajv.compile(mofSchema);

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

interface Ctx {
  parsed: ParsedDocument;
  model: MofModel;
  out: Diagnostic[];
}

/**
 * All diagnostics of a MOF model file, parse diagnostics included (a drop-in for the
 * service's `validate`); none for files that are not MOF model files.
 */
export function mofDiagnostics(parsed: ParsedDocument): Diagnostic[] {
  if (!parsed.yaml || parsed.value === undefined) return [...parsed.parseDiagnostics];
  const ctx: Ctx = { parsed, model: readModel(parsed), out: [...parsed.parseDiagnostics] };
  schemaFindings(ctx);
  componentFindings(ctx);
  licenseFindings(ctx);
  osaidFindings(ctx);
  return ctx.out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function push(ctx: Ctx, span: [number, number], severity: DiagnosticSeverity, code: string, message: string, data: MofDiagnosticData): void {
  if (data.replacements && data.replacements.length === 0) delete data.replacements;
  ctx.out.push(diagnostic(ctx.parsed.document, span[0], span[1], severity, code, message, data));
}

// ---------------------------------------------------------------------------------------
// Schema

function schemaFindings(ctx: Ctx): void {
  validateMof(ctx.parsed.value);
  const errors = validateMof.errors ?? [];
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const error of errors) {
    if (error.keyword !== 'type' && typed.has(error.instancePath)) continue;
    schemaError(ctx, error);
  }
}

function schemaError(ctx: Ctx, error: ErrorObject): void {
  const { parsed } = ctx;
  const segments = pointerToSegments(error.instancePath);
  const root = parsed.yaml?.contents as Node | null;
  const located = locate(root, segments);
  const path = formatPath(segments);
  const node = located?.node ?? (located?.pair?.key as Node | undefined);
  const nodeSpan = (): [number, number] => segments.length === 0 ? firstLineSpan(parsed.text) : innerSpan(parsed.text, node) ?? keySpan(ctx, segments);
  switch (error.keyword) {
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      const description = propertyDescription(error.parentSchema, key);
      const anchor = keySpan(ctx, segments);
      const full = formatPath([...segments, key]);
      push(ctx, anchor, DiagnosticSeverity.Error, MofCodes.missing,
        `Missing \`${full}\`${description ? `: ${lowerFirst(description)}` : '.'} MOT requires it.`, { path: full });
      return;
    }
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const d = unknownKeyDiagnostic(parsed, segments, key, Object.keys((error.parentSchema?.properties ?? {}) as Record<string, unknown>));
      if (d) ctx.out.push(d);
      return;
    }
    case 'enum': {
      const values = ((error.params as { allowedValues: unknown[] }).allowedValues).filter((v): v is string => typeof v === 'string');
      const last = segments[segments.length - 1];
      if (last === 'name' && segments[1] === 'components') {
        unknownComponent(ctx, segments, node);
        return;
      }
      const written = typeof error.data === 'string' ? error.data : '';
      const folded = values.filter((v) => v !== '' && normalizeName(v) === normalizeName(written));
      const near = folded.length ? folded : closest(written, values.filter((v) => v !== ''));
      const replacements = near.length ? near : values.filter((v) => v !== '');
      const message = path === 'framework.name'
        ? `\`framework.name\` must be exactly \`${FRAMEWORK_NAME}\`: MOT rejects any other spelling.`
        : `\`${path}\` must be one of ${values.map((v) => (v === '' ? '`""` (unknown)' : `\`${v}\``)).join(', ')}.${near.length ? ` Did you mean \`${near[0]}\`?` : ''}`;
      push(ctx, nodeSpan(), DiagnosticSeverity.Error, Codes.schemaEnum, message, { path, replacements });
      return;
    }
    case 'type': {
      const expected = expectedTypesText(error);
      const hint = expected.onlyString ? ' (quote numbers and dates, e.g. `\'1.0\'`)' : '';
      push(ctx, nodeSpan(), DiagnosticSeverity.Error, Codes.schemaType,
        `${path ? `\`${path}\`` : 'A MOF model file'} must be ${expected.text}${hint}.`, { path });
      return;
    }
    case 'pattern':
      push(ctx, nodeSpan(), DiagnosticSeverity.Error, Codes.schemaType, `\`${path}\` must be a date written as YYYY-MM-DD (e.g. \`'2024-12-15'\`).`, { path });
      return;
    case 'minLength':
      push(ctx, nodeSpan(), DiagnosticSeverity.Error, MofCodes.missing, `\`${path}\` is empty: MOT requires a value.`, { path });
      return;
    default:
      return;
  }
}

/** The key of the mapping at `segments` (where "missing" is reported), or the first line. */
function keySpan(ctx: Ctx, segments: PathSegment[]): [number, number] {
  const root = ctx.parsed.yaml?.contents as Node | null;
  if (segments.length === 0) return firstLineSpan(ctx.parsed.text);
  const located = locate(root, segments);
  const key = located?.pair?.key as Node | undefined;
  if (key?.range) return [key.range[0], key.range[1]];
  // A list item: its first key, else the item itself.
  const node = located?.node;
  if (isMap(node)) {
    const first = node.items[0]?.key as Node | undefined;
    if (first?.range) return [first.range[0], first.range[1]];
  }
  if (node?.range) return [node.range[0], node.range[1]];
  return keySpan(ctx, segments.slice(0, -1));
}

function propertyDescription(schema: unknown, key: string): string | undefined {
  const props = (schema as { properties?: Record<string, { description?: string }> } | undefined)?.properties;
  return props?.[key]?.description;
}

// ---------------------------------------------------------------------------------------
// Component names

/** "Did you mean" candidates for a component name, best first. */
export function componentSuggestions(name: string): string[] {
  const folded = COMPONENTS_BY_LOWER.get(normalizeName(name));
  if (folded) return [folded.name];
  const out = closest(name.trim(), COMPONENT_NAMES);
  const n = normalizeName(name);
  if (n.length >= 4) {
    for (const candidate of COMPONENT_NAMES) {
      const c = candidate.toLowerCase();
      if ((c.includes(n) || n.includes(c.replace(/ \(.*\)$/, ''))) && !out.includes(candidate)) out.push(candidate);
    }
  }
  return out.slice(0, 4);
}

function unknownComponent(ctx: Ctx, segments: PathSegment[], node: Node | null | undefined): void {
  const index = segments[2] as number;
  const entry = ctx.model.entries[index];
  const name = entry?.name ?? '';
  const span = innerSpan(ctx.parsed.text, node) ?? keySpan(ctx, segments);
  const replacements = componentSuggestions(name);
  const hint = replacements.length ? ` Did you mean ${replacements.map((r) => `\`${r}\``).join(' or ')}?` : ` The 17 names: ${COMPONENT_NAMES.map((c) => `\`${c}\``).join(', ')}.`;
  push(ctx, span, DiagnosticSeverity.Error, MofCodes.unknownComponent,
    `\`${name}\` is not a MOF component name. MOT ignores components it does not know, so this one counts as missing.${hint}`,
    { path: formatPath(segments), replacements });
}

function componentFindings(ctx: Ctx): void {
  for (const entry of ctx.model.entries) {
    if (entry.duplicateOf === undefined || !entry.component) continue;
    const first = ctx.model.entries[entry.duplicateOf];
    const firstLine = first.nameNode?.range ? ctx.parsed.document.positionAt(first.nameNode.range[0]).line + 1 : undefined;
    const span = innerSpan(ctx.parsed.text, entry.nameNode) ?? itemSpan(entry);
    const last = ctx.model.byComponent.get(entry.component.name) === entry;
    push(ctx, span, DiagnosticSeverity.Warning, MofCodes.duplicateComponent,
      `\`${entry.component.name}\` is listed more than once${firstLine ? ` (first on line ${firstLine})` : ''}. MOT keeps only the last entry${last ? ' — this one' : ''}; merge them into one.`,
      { path: `${entry.path}.name`, component: entry.component.name });
  }
}

function itemSpan(entry: ComponentEntry): [number, number] {
  return entry.item?.range ? [entry.item.range[0], entry.item.range[0] + 1] : [0, 0];
}

// ---------------------------------------------------------------------------------------
// Licenses

function licenseFindings(ctx: Ctx): void {
  const { model, parsed } = ctx;
  // Global licenses: spelling problems where they are written (components report the verdict).
  for (const g of Object.values(model.globals)) {
    if (g.name === undefined || !g.node) continue;
    for (const f of spellingFindings(g.name)) {
      const span = innerSpan(parsed.text, g.node)!;
      push(ctx, span, SEVERITY[f.severity], f.code, f.message, { path: g.path, replacements: f.replacements });
    }
  }
  const result = evaluateMofClass(parsed);
  const evaluated = new Map(result?.components.map((c) => [c.entry, c]) ?? []);
  for (const entry of model.entries) {
    if (!entry.component) continue;
    // Duplicates that MOT drops still get their own license checked.
    const resolved = evaluated.get(entry)?.resolved ?? resolveFor(ctx, entry);
    componentLicense(ctx, entry, resolved);
  }
}

function resolveFor(ctx: Ctx, entry: ComponentEntry): ResolvedLicense {
  return resolveComponentLicense(ctx.model, entry);
}

function componentLicense(ctx: Ctx, entry: ComponentEntry, resolved: ResolvedLicense): void {
  const component = entry.component!;
  const { parsed } = ctx;
  const own = resolved.source === 'component';
  if (own && typeof entry.licenseValue === 'object') return; // a type error, reported by the schema
  const nameSpan = innerSpan(parsed.text, entry.nameNode) ?? itemSpan(entry);
  const licenseSpan = own ? innerSpan(parsed.text, resolved.node) ?? nameSpan : nameSpan;
  const base: MofDiagnosticData = own
    ? { path: `${entry.path}.license`, component: component.name }
    : { path: `${entry.path}.name`, component: component.name, ...(resolved.path ? { inheritedFrom: resolved.path } : {}) };
  const text = resolved.license;

  if (text === undefined) {
    const message = own
      ? `\`${component.name}\` has an empty \`license\`: MOT counts it as unlicensed (an empty license does not fall back to the global ones). Write its SPDX id.`
      : `\`${component.name}\` has no license: no \`license\` of its own, no \`release.license.${component.contentType}.name\` and no \`release.license.distribution.name\`. MOT counts it as unlicensed.`;
    push(ctx, licenseSpan, DiagnosticSeverity.Warning, MofCodes.unlicensed, message, base);
    return;
  }
  const subject = own ? `\`${component.name}\`: ` : `\`${component.name}\` inherits ${fmt(text)} from \`${resolved.path}\`: it `;
  const report = (f: MofLicenseFinding, withReplacements: boolean): void => {
    const message = own ? `${subject}${f.message}` : `${subject}${inheritedPhrase(f.message)}`;
    push(ctx, licenseSpan, SEVERITY[f.severity], f.code, message, { ...base, ...(withReplacements && own ? { replacements: f.replacements } : {}) });
  };

  if (isUnlicensedMarker(text)) {
    const f = verdictFinding(text)!;
    report({ ...f, message: own ? f.message : 'marks the component as included without a license, so MOT does not count it. Give the component an open license.' }, false);
    return;
  }
  if (own) for (const f of spellingFindings(text)) report(f, true);
  else {
    // An inherited misspelling: the fix is at the global license (reported there).
    const spelling = spellingFindings(text).find((f) => f.severity === 'error');
    if (spelling) report({ ...spelling, code: 'license/not-open', message: `is not an exact SPDX id, and MOT compares ids exactly, so it counts the component as not open; write ${spelling.replacements[0] ? `\`${spelling.replacements[0]}\`` : 'the SPDX id'} there.` }, false);
  }
  const verdict = verdictFinding(text);
  if (verdict) report(verdict, true);
  const type = typeFinding(text, component.contentType);
  if (type) report(type, false);
  if (component.contentType === 'code') {
    const osi = osiFinding(text);
    if (osi) report(osi, false);
  }
}

function inheritedPhrase(message: string): string {
  // "`X` is …" → "is …", after "inherits `X` from …: it".
  const m = /^(?:`[^`]*`|"[^"]*")(?: \(`[^`]*`\))?\s+(.*)$/s.exec(message);
  return m ? m[1] : lowerFirst(message);
}

function fmt(text: string): string {
  return /\s/.test(text) ? `"${text}"` : `\`${text}\``;
}

// ---------------------------------------------------------------------------------------
// OSAID view

function osaidFindings(ctx: Ctx): void {
  const { model, parsed } = ctx;
  const present = new Set(model.byComponent.keys());
  const anchorNode = model.componentsKey ?? model.releaseKey;
  const anchor: [number, number] = anchorNode?.range ? [anchorNode.range[0], anchorNode.range[1]] : firstLineSpan(parsed.text);
  for (const group of OSAID_GROUPS) {
    if (group.anyOf) {
      if (group.anyOf.some((n) => present.has(n))) continue;
      push(ctx, anchor, DiagnosticSeverity.Error, Codes.missing, group.message, { path: 'release.components', requirement: group.requirement, component: group.anyOf[0] });
      continue;
    }
    for (const name of group.allOf ?? []) {
      if (present.has(name)) continue;
      push(ctx, anchor, DiagnosticSeverity.Error, Codes.missing, group.messageFor!(name), { path: 'release.components', requirement: group.requirement, component: name });
    }
  }
}
