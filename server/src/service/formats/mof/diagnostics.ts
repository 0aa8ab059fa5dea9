/**
 * Diagnostics for MOF model files: the project's JSON Schema (ajv, compiled once) mapped to
 * YAML ranges, component names, per-component licenses in MOT's resolution order, and the
 * OSAID view (what OSAID 1.0 still needs that the file does not show).
 */
import type { ErrorObject } from 'ajv';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import validateMof from './generated/validateMof';
import { Codes } from '../../diagnostics/codes';
import { diagnostic, firstLineSpan, inDocumentOrder } from '../../yaml/spans';
import type { ParsedDocument } from '../format';
import { closest } from '../../text/suggest';
import { SchemaErrorSite, schemaErrorDiagnostics } from '../../schema/errors';
import { innerSpan } from '../../yaml/nodes';
import { evaluateMofClass } from './evaluate';
import {
  isUnlicensedMarker,
  licenseSentence,
  MofCodes,
  MofLicenseFinding,
  osaidFinding,
  Severity,
  spellingFindings,
  typeFinding,
  verdictFinding,
} from './licenseCheck';
import { OsaidView, osaidView } from './osaidView';
import { ComponentEntry, MofModel, readModel, resolveComponentLicense, ResolvedLicense } from './model';
import { OSAID_GROUPS } from './osaid';
import { COMPONENT_NAMES, COMPONENTS_BY_LOWER, FRAMEWORK_NAME, normalizeName } from './tables';
import { codeSpan, quoteUserText as fmt } from '../../text/text';
import { frameworkPair } from './detect';
import type { Node } from 'yaml';

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

const EMPTY_VIEW: OsaidView = { items: [], byComponent: new Map() };

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

interface Ctx {
  parsed: ParsedDocument;
  model: MofModel;
  /** The OSAID view (mof/osaidView.ts); empty for files not checked as MOF files. */
  view: OsaidView;
  treatAsOpen: readonly string[];
  out: Diagnostic[];
}

/**
 * All diagnostics of a MOF model file, parse diagnostics included (a drop-in for the
 * service's `validate`); none for files that are not MOF model files.
 */
export function mofDiagnostics(parsed: ParsedDocument, treatAsOpen: readonly string[] = []): Diagnostic[] {
  if (!parsed.yaml || parsed.value === undefined) return [...parsed.parseDiagnostics];
  const ctx: Ctx = {
    parsed,
    model: readModel(parsed),
    view: osaidView(parsed, treatAsOpen),
    treatAsOpen,
    out: [...parsed.parseDiagnostics],
  };
  schemaFindings(ctx);
  componentFindings(ctx);
  licenseFindings(ctx);
  osaidFindings(ctx);
  return ctx.out.sort(inDocumentOrder);
}

function push(
  ctx: Ctx,
  span: [number, number],
  severity: DiagnosticSeverity,
  code: string,
  message: string,
  data: MofDiagnosticData,
): void {
  if (data.replacements && data.replacements.length === 0) delete data.replacements;
  ctx.out.push(diagnostic(ctx.parsed.document, span[0], span[1], severity, code, message, data));
}

// ---------------------------------------------------------------------------------------
// Files claimed but not checked (detect.ts `mofState`)

const NOT_CHECKED = 'this file is not checked as a MOF model file until it is fixed';

/**
 * A near miss (`framework.name: Model Openess Framework`): the parse diagnostics and the
 * `schema/enum` error on the name, with the exact spelling as its fix — nothing else, since
 * MOT would not read the file as a MOF model file at all.
 */
export function nearMissDiagnostics(parsed: ParsedDocument): Diagnostic[] {
  const ctx: Ctx = {
    parsed,
    model: readModel(parsed),
    view: EMPTY_VIEW,
    treatAsOpen: [],
    out: [...parsed.parseDiagnostics],
  };
  schemaFindings(ctx, (error) => error.instancePath === '/framework/name' && error.keyword === 'enum', NOT_CHECKED);
  return ctx.out;
}

/**
 * A file that looks like a MOF model file but whose YAML value could not be built (an alias
 * bomb, nesting past the guard): its parse diagnostics, and one note saying that it was not
 * checked as a MOF model file and why — on the top-level `framework` key when the parse shows
 * it, else on the first line. The note repeats the reason, so it stands alone where
 * `yaml/syntax` is left to another extension.
 */
export function unreadableDiagnostics(parsed: ParsedDocument): Diagnostic[] {
  const errors = parsed.parseDiagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  // The reason the value could not be built is the last error the parse reported (parse.ts: the guards and toJS come
  // last).
  const reason = errors[errors.length - 1]?.message;
  const key = frameworkPair((parsed.yaml?.contents ?? null) as Node | null)?.key;
  const span: [number, number] = key?.range ? [key.range[0], key.range[1]] : firstLineSpan(parsed.text);
  const note = diagnostic(
    parsed.document,
    span[0],
    span[1],
    DiagnosticSeverity.Information,
    Codes.yamlSyntax,
    `Not checked as a Model Openness Framework model file: its YAML could not be read` +
      `${reason ? ` (${reason.replace(/\.$/, '')})` : ''}.`,
    { path: key ? 'framework' : '' },
  );
  return [...parsed.parseDiagnostics, note];
}

// ---------------------------------------------------------------------------------------
// Schema

function schemaFindings(ctx: Ctx, only?: (error: ErrorObject) => boolean, nameNote?: string): void {
  validateMof(ctx.parsed.value);
  const errors = validateMof.errors ?? [];
  ctx.out.push(
    ...schemaErrorDiagnostics(ctx.parsed, only ? errors.filter(only) : errors, {
      root: 'A MOF model file',
      quotedNumber: "'1.0'",
      dateExample: "'2024-12-15'",
      allowedKeys: (error) => Object.keys((error.parentSchema?.properties ?? {}) as Record<string, unknown>),
      required: { code: MofCodes.missing, by: 'MOT' },
      special: (error, site) => {
        if (error.keyword !== 'enum') return undefined;
        if (site.segments[1] === 'components' && site.segments[site.segments.length - 1] === 'name')
          return unknownComponent(ctx, site);
        if (site.path !== 'framework.name') return undefined;
        return diagnostic(
          ctx.parsed.document,
          site.span[0],
          site.span[1],
          DiagnosticSeverity.Error,
          Codes.schemaEnum,
          `\`framework.name\` must be exactly \`${FRAMEWORK_NAME}\`: MOT rejects ` +
            `any other spelling${nameNote ? `, and ${nameNote}` : ''}.`,
          { path: site.path, replacements: [FRAMEWORK_NAME] },
        );
      },
    }),
  );
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

function unknownComponent(ctx: Ctx, site: SchemaErrorSite): Diagnostic {
  const entry = ctx.model.entries[site.segments[2] as number];
  const name = entry?.name ?? '';
  const replacements = componentSuggestions(name);
  const hint = replacements.length
    ? ` Did you mean ${replacements.map((r) => `\`${r}\``).join(' or ')}?`
    : ` The 17 names: ${COMPONENT_NAMES.map((c) => `\`${c}\``).join(', ')}.`;
  return diagnostic(
    ctx.parsed.document,
    site.span[0],
    site.span[1],
    DiagnosticSeverity.Error,
    MofCodes.unknownComponent,
    `${codeSpan(name)} is not a MOF component name. MOT ignores components it ` +
      `does not know, so this one counts as missing.${hint}`,
    { path: site.path, ...(replacements.length ? { replacements } : {}) },
  );
}

function componentFindings(ctx: Ctx): void {
  for (const entry of ctx.model.entries) {
    if (entry.duplicateOf === undefined || !entry.component) continue;
    const first = ctx.model.entries[entry.duplicateOf];
    const firstLine = first.nameNode?.range
      ? ctx.parsed.document.positionAt(first.nameNode.range[0]).line + 1
      : undefined;
    const span = innerSpan(ctx.parsed.text, entry.nameNode) ?? itemSpan(entry);
    const last = ctx.model.byComponent.get(entry.component.name) === entry;
    push(
      ctx,
      span,
      DiagnosticSeverity.Warning,
      MofCodes.duplicateComponent,
      `\`${entry.component.name}\` is listed more than once` +
        `${firstLine ? ` (first on line ${firstLine})` : ''}. MOT keeps only ` +
        `the last entry${last ? ' — this one' : ''}; merge them into one.`,
      { path: `${entry.path}.name`, component: entry.component.name },
    );
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
  // MOT's exact-id matching decides only the class, so a spelling is a warning here.
  for (const g of Object.values(model.globals)) {
    if (g.name === undefined || !g.node) continue;
    for (const f of spellingFindings(g.name)) {
      const span = innerSpan(parsed.text, g.node)!;
      push(ctx, span, DiagnosticSeverity.Warning, f.code, licenseSentence(f), {
        path: g.path,
        replacements: f.replacements,
      });
    }
  }
  const result = evaluateMofClass(parsed);
  const evaluated = new Map(result?.components.map((c) => [c.entry, c]) ?? []);
  for (const entry of model.entries) {
    if (!entry.component) continue;
    // Duplicates that MOT drops still get their own license checked (they decide nothing).
    const kept = evaluated.get(entry);
    componentLicense(ctx, entry, kept?.resolved ?? resolveFor(ctx, entry), kept !== undefined);
  }
}

function resolveFor(ctx: Ctx, entry: ComponentEntry): ResolvedLicense {
  return resolveComponentLicense(ctx.model, entry);
}

/** Why OSAID 1.0 does not count a component whose license fails its test. */
function osaidSentence(test: 'osi' | 'open'): string {
  return test === 'osi'
    ? 'OSAID 1.0 does not count it either: code needs an OSI-approved license.'
    : 'OSAID 1.0 does not count it either: it needs open (OSD-conformant) terms.';
}

/**
 * A component's license findings. Their severity follows the OSAID view, as everywhere: an
 * error when the license fails OSAID's test for a component the verdict needs (and no other
 * component meets the requirement); otherwise a warning, since MOT's findings then lower
 * only the MOF class.
 */
function componentLicense(ctx: Ctx, entry: ComponentEntry, resolved: ResolvedLicense, kept: boolean): void {
  const component = entry.component!;
  const { parsed } = ctx;
  const own = resolved.source === 'component';
  if (own && typeof entry.licenseValue === 'object') return; // a type error, reported by the schema
  const nameSpan = innerSpan(parsed.text, entry.nameNode) ?? itemSpan(entry);
  const licenseSpan = own ? (innerSpan(parsed.text, resolved.node) ?? nameSpan) : nameSpan;
  const base: MofDiagnosticData = own
    ? { path: `${entry.path}.license`, component: component.name }
    : {
        path: `${entry.path}.name`,
        component: component.name,
        ...(resolved.path ? { inheritedFrom: resolved.path } : {}),
      };
  const text = resolved.license;
  const osaid = kept ? ctx.view.byComponent.get(component.name) : undefined;
  const fails = osaid !== undefined && osaid.decides && !osaid.passes;
  const severity = (f: MofLicenseFinding): DiagnosticSeverity =>
    fails
      ? DiagnosticSeverity.Error
      : f.severity === 'information'
        ? DiagnosticSeverity.Information
        : DiagnosticSeverity.Warning;
  const tail = fails ? ` ${osaidSentence(osaid.item.test)}` : '';

  if (text === undefined) {
    const message = own
      ? `\`${component.name}\` has an empty \`license\`: MOT counts it as unlicensed ` +
        `(an empty license does not fall back to the global ones). Write its SPDX id.`
      : `\`${component.name}\` has no license: no \`license\` of its own, no ` +
        `\`release.license.${component.contentType}.name\` ` +
        `and no \`release.license.distribution.name\`. MOT counts it as unlicensed.`;
    push(
      ctx,
      licenseSpan,
      fails ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      MofCodes.unlicensed,
      `${message}${tail}`,
      base,
    );
    return;
  }
  // Own license: "`Component`: `X` is …"; inherited: "`Component` inherits `X` from `path`: it is …".
  // `verdict`: the finding that says why the component fails, which carries the OSAID sentence.
  const report = (f: MofLicenseFinding, withReplacements: boolean, verdict = false): void => {
    const message = own
      ? `\`${component.name}\`: ${licenseSentence(f)}`
      : `\`${component.name}\` inherits ${fmt(text)} from \`${resolved.path}\`: it ${f.predicate}`;
    // (A restricted license's sentence already says OSAID does not accept it.)
    const withTail = verdict && !/OSAID/.test(message) ? `${message}${tail}` : message;
    push(
      ctx,
      licenseSpan,
      verdict ? severity(f) : SEVERITY[f.severity === 'error' ? 'warning' : f.severity],
      f.code,
      withTail,
      { ...base, ...(withReplacements && own ? { replacements: f.replacements } : {}) },
    );
  };

  if (isUnlicensedMarker(text)) {
    const f = verdictFinding(text)!;
    report(
      own
        ? f
        : {
            ...f,
            predicate:
              'marks the component as included without a license, so MOT does not ' +
              'count it. Give the component an open license.',
          },
      false,
      true,
    );
    return;
  }
  if (own) for (const f of spellingFindings(text)) report(f, true);
  else {
    // An inherited misspelling: the fix is at the global license (reported there).
    const spelling = spellingFindings(text).find((f) => f.severity === 'error');
    if (spelling)
      report(
        {
          ...spelling,
          code: 'license/not-open',
          predicate:
            `is not an exact SPDX id, and MOT compares ids exactly, so it counts ` +
            `the component as not open; write ` +
            `${spelling.replacements[0] ? `\`${spelling.replacements[0]}\`` : 'the SPDX id'}` +
            ` there.`,
        },
        false,
      );
  }
  const verdict = verdictFinding(text);
  if (verdict) report(verdict, true, true);
  const type = typeFinding(text, component.contentType);
  if (type) report(type, false);
  // Open for MOT but not for OSAID (code that is FSF-libre only or under a data license), or a
  // spelling MOT rejects whose fix would still fail OSAID's test: the OSAID finding itself.
  const osaidOnly =
    osaid && !osaid.passes && !verdict ? osaidFinding(text, osaid.item.test, ctx.treatAsOpen) : undefined;
  if (osaidOnly) {
    const message =
      own || osaidOnly.subject === ''
        ? `\`${component.name}\`` +
          `${own ? '' : ` (license inherited from \`${resolved.path}\`)`}: ` +
          `${licenseSentence(osaidOnly)}`
        : `\`${component.name}\` inherits ${fmt(text)} from \`${resolved.path}\`: it ${osaidOnly.predicate}`;
    push(
      ctx,
      licenseSpan,
      fails ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      osaidOnly.code,
      message,
      base,
    );
  }
}

// ---------------------------------------------------------------------------------------
// OSAID view

function osaidFindings(ctx: Ctx): void {
  const { model, parsed } = ctx;
  const present = new Set(model.byComponent.keys());
  const anchorNode = model.componentsKey ?? model.releaseKey;
  const anchor: [number, number] = anchorNode?.range
    ? [anchorNode.range[0], anchorNode.range[1]]
    : firstLineSpan(parsed.text);
  for (const group of OSAID_GROUPS) {
    if (group.anyOf) {
      const item = ctx.view.items.find((i) => i.id === group.requirement);
      if (item?.met) continue;
      const found = group.anyOf.filter((n) => present.has(n));
      const message =
        found.length === 0
          ? group.message
          : `OSAID 1.0 requires data information under open terms, and none of what ` +
            `this file shows counts: ${found.map((n) => `\`${n}\``).join(', ')} ` +
            `${found.length === 1 ? 'is' : 'are'} unlicensed or not under open ` +
            `terms (see the finding on ${found.length === 1 ? 'it' : 'each'}). Give ` +
            `${found.length === 1 ? 'it' : 'one of them'} an open license (e.g. ` +
            `CC-BY-4.0; a paper on arXiv is usually under arXiv's non-exclusive ` +
            `license, which is not open), or add a \`Data card\` under open terms.`;
      // Adding a component is the fix only when none is there (one more without a license would not count either).
      push(ctx, anchor, DiagnosticSeverity.Error, Codes.missing, message, {
        path: 'release.components',
        requirement: group.requirement,
        ...(found.length === 0 ? { component: group.anyOf[0] } : {}),
      });
      continue;
    }
    for (const name of group.allOf ?? []) {
      if (present.has(name)) continue;
      push(ctx, anchor, DiagnosticSeverity.Error, Codes.missing, group.messageFor!(name), {
        path: 'release.components',
        requirement: group.requirement,
        component: name,
      });
    }
  }
}
