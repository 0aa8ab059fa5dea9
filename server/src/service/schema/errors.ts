/**
 * From ajv errors to what the user reads — one mapping for every format: the YAML path and
 * span of an error, the unknown-key diagnostic (with a rename that never duplicates a key),
 * allowed values with the closest first, and the wording of expected types. A format gives
 * its words (`SchemaWording`) and may read some errors its own way (`special`).
 */
import { ErrorObject } from 'ajv';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { isMap, Node } from 'yaml';
import { Codes, DiagnosticData } from '../diagnostics/codes';
import { diagnostic } from '../yaml/spans';
import type { ParsedYamlDocument } from '../yaml/parse';
import { closest } from '../text/suggest';
import { findPair, formatPath, innerSpan, locate, PathSegment, presentKeys, shortPath } from '../yaml/nodes';
import { firstLineSpan } from '../yaml/spans';
import { lowerFirst, shorten } from '../text/text';

/** A JSON pointer (`/code/training/0`) as manifest path segments. */
export function pointerToSegments(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(s) ? Number(s) : s;
    });
}

/**
 * `schema/unknown-key` on the key itself, suggesting the closest allowed key the mapping
 * does not have yet (a rename must not create a duplicate key).
 */
export function unknownKeyDiagnostic(
  parsed: ParsedYamlDocument,
  segments: PathSegment[],
  key: string,
  allowedKeys: readonly string[],
): Diagnostic | undefined {
  if (key === '') return undefined; // only broken YAML yields an empty key; yaml/syntax says why
  const parent = locate(parsed.yaml?.contents as Node | null, segments)?.node;
  const pair = isMap(parent) ? findPair(parent, key) : undefined;
  const span = (pair?.key as Node | undefined)?.range ?? parent?.range ?? [0, 0];
  // The mapping's keys are indexed once (yaml/nodes.ts), not rescanned per unknown key.
  const present = isMap(parent) ? presentKeys(parent) : undefined;
  const allowed = present ? allowedKeys.filter((k) => !present.has(k)) : [...allowedKeys];
  const replacements = closest(key, allowed);
  const where = formatPath(segments) ? `\`${shortPath(segments)}\`` : 'the top level';
  const hint = replacements.length
    ? ` Did you mean \`${replacements[0]}\`?`
    : allowed.length
      ? ` Allowed keys: ${allowed.map((k) => `\`${k}\``).join(', ')}.`
      : '';
  // The key shortened as the message quotes it: a 4 MB key must not make every publication megabytes of JSON.
  const data: DiagnosticData = { path: formatPath([...segments, shorten(key)]), replacements };
  // A warning: what is written there is not checked, but it never leaves a requirement unmet.
  return diagnostic(
    parsed.document,
    span[0],
    span[1],
    DiagnosticSeverity.Warning,
    Codes.schemaUnknownKey,
    `Unknown key \`${shorten(key)}\` in ${where}: it is not checked.${hint} ` +
      `(Keys starting with \`x-\` are free for extensions.)`,
    data,
  );
}

/** "a mapping (`key: value` lines) or text": what a `type` error expected, in plain words. */
export function expectedTypesText(error: ErrorObject): { text: string; onlyString: boolean } {
  const expected = ([] as string[])
    .concat((error.params as { type: string | string[] }).type)
    .filter((t) => t !== 'null');
  return {
    text: expected.map(typeInWords).join(' or '),
    onlyString: expected.length === 1 && expected[0] === 'string',
  };
}

function typeInWords(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping (`key: value` lines)';
    case 'array':
      return 'a list (`- item` lines)';
    case 'string':
      return 'text';
    case 'boolean':
      return '`true` or `false`';
    case 'number':
      return 'a number';
    default:
      return type;
  }
}

/** Where an ajv error is, in the document. */
export interface SchemaErrorSite {
  segments: PathSegment[];
  /** `segments` as a manifest path (`release.components[2].name`). */
  path: string;
  /** The offending value without its quotes (the first line for the root). */
  span: [number, number];
}

/** How a format words the schema errors of its documents. */
export interface SchemaWording {
  /** The document, when its root has the wrong type ("The manifest"). */
  root: string;
  /** A quoted number in the format's quoting style (`"1.0"`), for "quote numbers and dates". */
  quotedNumber: string;
  /** An example date (`'2024-12-15'`), added to the date-pattern message. */
  dateExample?: string;
  /** The keys a mapping may have, when an unknown key was found in it. */
  allowedKeys(error: ErrorObject, segments: PathSegment[]): readonly string[];
  /** The requirement a path belongs to (`data.requirement`), if the format has a requirements table. */
  requirementOf?(path: string): string | undefined;
  /** `required` and `minLength` errors: the code to report them with and who requires the value ("MOT"). */
  required?: { code: string; by: string };
  /** A format's own reading of an error: a diagnostic, null to drop it, undefined for the shared reading. */
  special?(error: ErrorObject, site: SchemaErrorSite): Diagnostic | null | undefined;
}

/**
 * Diagnostics for ajv's errors (compile with `allErrors` and `verbose`). A value of the wrong
 * type gets only its type error: the other keywords would repeat it.
 */
export function schemaErrorDiagnostics(
  parsed: ParsedYamlDocument,
  errors: readonly ErrorObject[],
  wording: SchemaWording,
): Diagnostic[] {
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: Diagnostic[] = [];
  for (const error of errors) {
    if (error.keyword !== 'type' && typed.has(error.instancePath)) continue;
    const d = schemaErrorDiagnostic(parsed, error, wording);
    if (d) out.push(d);
  }
  return out;
}

function schemaErrorDiagnostic(
  parsed: ParsedYamlDocument,
  error: ErrorObject,
  wording: SchemaWording,
): Diagnostic | undefined {
  const segments = pointerToSegments(error.instancePath);
  const root = parsed.yaml?.contents as Node | null;
  const located = locate(root, segments);
  const path = formatPath(segments);
  const node = located?.node ?? (located?.pair?.key as Node | undefined);
  // A wrong root (a list, a scalar) is reported on the first line, not the whole file.
  const span =
    segments.length === 0 ? firstLineSpan(parsed.text) : (innerSpan(parsed.text, node) ?? keySpan(parsed, segments));
  const site: SchemaErrorSite = { segments, path, span };
  const special = wording.special?.(error, site);
  if (special !== undefined) return special ?? undefined;
  const subject = path ? `\`${shortPath(segments)}\`` : wording.root;
  const data: DiagnosticData = { path };
  const requirement = wording.requirementOf?.(path);
  if (requirement) data.requirement = requirement;
  const report = (code: string, message: string, extra: Partial<DiagnosticData> = {}): Diagnostic =>
    diagnostic(parsed.document, span[0], span[1], DiagnosticSeverity.Error, code, message, { ...data, ...extra });
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      return unknownKeyDiagnostic(parsed, segments, key, wording.allowedKeys(error, segments));
    }
    case 'required': {
      if (!wording.required) return undefined;
      const key = (error.params as { missingProperty: string }).missingProperty;
      const description = propertyDescription(error.parentSchema, key);
      const anchor = keySpan(parsed, segments);
      const full = formatPath([...segments, key]);
      return diagnostic(
        parsed.document,
        anchor[0],
        anchor[1],
        DiagnosticSeverity.Error,
        wording.required.code,
        `Missing \`${shortPath([...segments, key])}\`` +
          `${description ? `: ${lowerFirst(description)}` : '.'} ${wording.required.by}` +
          ` requires it.`,
        { path: full },
      );
    }
    case 'minLength':
      return wording.required
        ? report(wording.required.code, `${subject} is empty: ${wording.required.by} requires a value.`)
        : undefined;
    case 'enum': {
      const values = (error.params as { allowedValues: unknown[] }).allowedValues.filter(
        (v): v is string => typeof v === 'string',
      );
      const offered = values.filter((v) => v !== '');
      const written = typeof error.data === 'string' ? error.data : '';
      const fold = (v: string): string => v.trim().replace(/\s+/g, ' ').toLowerCase();
      const folded = offered.filter((v) => fold(v) === fold(written));
      const near = written === '' ? [] : folded.length ? folded : closest(written, offered);
      const listed = values.map((v) => (v === '' ? '`""` (unknown)' : `\`${v}\``)).join(', ');
      return report(
        Codes.schemaEnum,
        `${subject} must be one of ${listed}.${near.length ? ` Did you mean \`${near[0]}\`?` : ''}`,
        { replacements: near.length ? near : offered },
      );
    }
    case 'type': {
      const expected = expectedTypesText(error);
      const hint = expected.onlyString ? ` (quote numbers and dates, e.g. \`${wording.quotedNumber}\`)` : '';
      return report(Codes.schemaType, `${subject} must be ${expected.text}${hint}.`);
    }
    case 'pattern':
      return report(
        Codes.schemaType,
        `${subject} must be a date written as YYYY-MM-DD` +
          `${wording.dateExample ? ` (e.g. \`${wording.dateExample}\`)` : ''}.`,
      );
    default:
      return undefined;
  }
}

/** The key of the mapping at `segments` (where "missing" is reported), or the first line. */
export function keySpan(parsed: ParsedYamlDocument, segments: PathSegment[]): [number, number] {
  if (segments.length === 0) return firstLineSpan(parsed.text);
  const located = locate(parsed.yaml?.contents as Node | null, segments);
  const key = located?.pair?.key as Node | undefined;
  if (key?.range) return [key.range[0], key.range[1]];
  // A list item: its first key, else the item itself.
  const node = located?.node;
  if (isMap(node)) {
    const first = node.items[0]?.key as Node | undefined;
    if (first?.range) return [first.range[0], first.range[1]];
  }
  if (node?.range) return [node.range[0], node.range[1]];
  return keySpan(parsed, segments.slice(0, -1));
}

function propertyDescription(schema: unknown, key: string): string | undefined {
  const props = (schema as { properties?: Record<string, { description?: string }> } | undefined)?.properties;
  return props?.[key]?.description;
}
