/**
 * Schema diagnostics from the official CycloneDX JSON schemas (1.6 and 1.7, with the SPDX,
 * JSF and cryptography schemas they refer to), copied from @cyclonedx/cyclonedx-library 10.3.0
 * (schemas/ATTRIBUTION.md) and compiled with ajv at first use. Formats (`date-time`,
 * `iri-reference`, `idn-email`) are not checked: the server ships no format library. Each
 * error is ranged on the YAML node at its `instancePath`; of a `oneOf`/`anyOf` that fails, only
 * the branch that came closest is reported, and at most `MAX_SCHEMA_FINDINGS` errors.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Node } from 'yaml';
import { pointerToSegments, keySpan } from '../../schema/errors';
import { innerSpan, locate, shortPath } from '../../yaml/nodes';
import { diagnostic, firstLineSpan } from '../../yaml/spans';
import { shorten } from '../../text/text';
import type { ParsedDocument } from '../format';
import { CYCLONEDX_SCHEMAS } from './schemas';

export const SCHEMA_VERSIONS = ['1.6', '1.7'] as const;
export const MAX_SCHEMA_FINDINGS = 50;
export const CycloneDxCodes = {
  schema: 'cyclonedx/schema',
  specVersion: 'cyclonedx/spec-version',
  unlicensed: 'cyclonedx/unlicensed',
  notMl: 'cyclonedx/not-ml-bom',
} as const;

const compiled = new Map<string, ValidateFunction>();

export function cyclonedxSchema(version: (typeof SCHEMA_VERSIONS)[number]): ValidateFunction {
  let validate = compiled.get(version);
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const schemas = CYCLONEDX_SCHEMAS;
    for (const file of [
      'spdx.SNAPSHOT.schema.json',
      'jsf-0.82.SNAPSHOT.schema.json',
      'cryptography-defs.SNAPSHOT.schema.json',
    ])
      ajv.addSchema({ ...schemas[file], $id: `http://cyclonedx.org/schema/${file}` });
    validate = ajv.compile(schemas[`bom-${version}.SNAPSHOT.schema.json`]!);
    compiled.set(version, validate);
  }
  return validate;
}

/** The schema findings of a BOM, or a warning that its `specVersion` has no schema here. */
export function schemaDiagnostics(parsed: ParsedDocument): Diagnostic[] {
  const { value } = parsed;
  const spec = (value as { specVersion?: unknown } | undefined)?.specVersion;
  if (spec !== '1.6' && spec !== '1.7') {
    const node = locate(parsed.yaml?.contents as Node | null, ['specVersion'])?.node;
    const span = innerSpan(parsed.text, node) ?? firstLineSpan(parsed.text);
    return [
      diagnostic(
        parsed.document,
        span[0],
        span[1],
        DiagnosticSeverity.Warning,
        CycloneDxCodes.specVersion,
        `\`specVersion\` ${spec === undefined ? 'is missing' : `is ${shorten(String(spec))}`}: ` +
          'only CycloneDX 1.6 and 1.7 BOMs are checked against the schema (the OSAID view is read all the same).',
        { path: 'specVersion' },
      ),
    ];
  }
  const validate = cyclonedxSchema(spec);
  if (validate(value)) return [];
  const errors = closestBranches(validate.errors ?? []);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const key = `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(schemaDiagnostic(parsed, error));
  }
  if (out.length > MAX_SCHEMA_FINDINGS) {
    const more = out.length - MAX_SCHEMA_FINDINGS + 1;
    const kept = out.slice(0, MAX_SCHEMA_FINDINGS - 1);
    const span = firstLineSpan(parsed.text);
    kept.push(
      diagnostic(
        parsed.document,
        span[0],
        span[1],
        DiagnosticSeverity.Error,
        CycloneDxCodes.schema,
        `${more} more CycloneDX ${spec} schema errors are not shown.`,
        { path: '' },
      ),
    );
    return kept;
  }
  return out;
}

function schemaDiagnostic(parsed: ParsedDocument, error: ErrorObject): Diagnostic {
  const segments = pointerToSegments(error.instancePath);
  const located = locate(parsed.yaml?.contents as Node | null, segments);
  let span: [number, number];
  let subject = segments.length ? `\`${shortPath(segments)}\`` : 'The BOM';
  if (error.keyword === 'required' || segments.length === 0) span = keySpan(parsed, segments);
  else if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    span = keySpan(parsed, [...segments, extra]);
    subject = `\`${shortPath([...segments, extra])}\``;
  } else span = innerSpan(parsed.text, located?.node ?? undefined) ?? keySpan(parsed, segments);
  let message: string;
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      message = `${subject} lacks \`${missing}\`, required by the schema.`;
      break;
    }
    case 'additionalProperties':
      message = `${subject} is not a property the schema allows here.`;
      break;
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const listed =
        allowed.length > 20
          ? `one of ${allowed.length} allowed values`
          : allowed.map((v) => `\`${String(v)}\``).join(', ');
      message = `${subject} must be ${allowed.length > 20 ? listed : `one of ${listed}`}.`;
      break;
    }
    case 'oneOf':
    case 'anyOf':
      message = (error.params as { passingSchemas?: unknown }).passingSchemas
        ? `${subject} matches more than one of the forms the schema allows here ` +
          '(e.g. both a license `id` and a `name`).'
        : `${subject} matches none of the forms the schema allows here.`;
      break;
    default:
      message = `${subject} ${error.message ?? 'does not match the schema'}.`;
  }
  return diagnostic(
    parsed.document,
    span[0],
    span[1],
    DiagnosticSeverity.Error,
    CycloneDxCodes.schema,
    `${message} (CycloneDX ${String((parsed.value as { specVersion?: unknown }).specVersion)} schema)`,
    { path: error.instancePath },
  );
}

/**
 * Of each failing `oneOf`/`anyOf`, what came closest instead of every branch's errors and the combinator's own: when
 * some branch got further into the value, only its deepest errors under each child (a license id that is not an SPDX
 * id reads as that, not as "must match exactly one schema" and "must have required property 'expression'"); else the
 * branch with the fewest errors; else the combinator itself. (`schemaPath` restarts inside each `$ref`, so the
 * instance paths decide what lies under a combinator.)
 */
function closestBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const depth = (e: ErrorObject) => (e.instancePath ? e.instancePath.split('/').length : 0);
  const combinators = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => depth(b) - depth(a));
  const dropped = new Set<ErrorObject>();
  for (const combinator of combinators) {
    if (dropped.has(combinator)) continue;
    const at = combinator.instancePath;
    const live = errors.filter((e) => e !== combinator && !dropped.has(e));
    const deeper = live.filter((e) => e.instancePath.startsWith(`${at}/`));
    const prefix = `${combinator.schemaPath}/`;
    const branchesHere = live.filter((e) => e.instancePath === at && e.schemaPath.startsWith(prefix));
    if (deeper.length > 0) {
      dropped.add(combinator);
      for (const e of branchesHere) dropped.add(e);
      // Under each child of the value, only the deepest errors.
      const child = (e: ErrorObject) => e.instancePath.slice(at.length + 1).split('/')[0];
      const deepest = new Map<string, number>();
      for (const e of deeper) deepest.set(child(e), Math.max(deepest.get(child(e)) ?? 0, depth(e)));
      for (const e of deeper) if (depth(e) < deepest.get(child(e))!) dropped.add(e);
      continue;
    }
    if (branchesHere.length === 0) continue;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of branchesHere) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const best = [...branches.values()].sort((a, b) => a.length - b.length)[0];
    dropped.add(combinator);
    for (const list of branches.values()) if (list !== best) for (const e of list) dropped.add(e);
  }
  return errors.filter((e) => !dropped.has(e));
}
