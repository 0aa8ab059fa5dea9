/** JSON Schema validation with ajv, mapped back to YAML nodes. Compiled once per process. */
import Ajv, { ErrorObject } from 'ajv';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Node } from 'yaml';
import { Codes, DiagnosticData } from '../../diagnostics/codes';
import { diagnostic, firstLineSpan } from '../../yaml/spans';
import type { ParsedDocument } from '../format';
import { childrenOf, keyOf, toPattern } from '../../osaid/requirements';
import { buildManifestSchema } from './schema';
import { expectedTypesText, pointerToSegments, unknownKeyDiagnostic } from '../../schema/errors';
import { formatPath, locate, PathSegment } from '../../yaml/nodes';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateManifest = ajv.compile(buildManifestSchema({ variant: 'validation' }));

export function schemaDiagnostics(parsed: ParsedDocument): Diagnostic[] {
  if (parsed.value === undefined || !parsed.yaml) return [];
  validateManifest(parsed.value);
  const errors = validateManifest.errors ?? [];
  const out: Diagnostic[] = [];
  for (const error of errors) {
    const d = toDiagnostic(parsed, error);
    if (d) out.push(d);
  }
  return out;
}

function toDiagnostic(parsed: ParsedDocument, error: ErrorObject): Diagnostic | undefined {
  const segments = pointerToSegments(error.instancePath);
  const root = parsed.yaml?.contents as Node | null;
  const located = locate(root, segments);
  const path = formatPath(segments);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      return unknownKeyDiagnostic(parsed, segments, key, childrenOf(toPattern(path)).map(keyOf));
    }
    case 'type':
    case 'enum':
    case 'pattern': {
      const node = located?.node ?? (located?.pair?.key as Node | undefined);
      // A wrong root (a list, a scalar) is reported on the first line, not the whole file.
      const span = segments.length === 0 ? firstLineSpan(parsed.text) : node?.range ?? [0, 0];
      const data: DiagnosticData = { path, requirement: toPattern(path) || undefined };
      if (error.keyword === 'enum') {
        const values = ((error.params as { allowedValues: unknown[] }).allowedValues).filter((v) => v !== null && typeof v === 'string');
        const replacements = values.map(String);
        return diagnostic(parsed.document, span[0], span[1], DiagnosticSeverity.Error, Codes.schemaEnum,
          `${subject(segments)} must be one of ${replacements.map((v) => `\`${v}\``).join(', ')}.`, { ...data, replacements });
      }
      if (error.keyword === 'pattern') {
        return diagnostic(parsed.document, span[0], span[1], DiagnosticSeverity.Error, Codes.schemaType,
          `${subject(segments)} must be a date written as YYYY-MM-DD.`, data);
      }
      const expected = expectedTypesText(error);
      const hint = expected.onlyString ? ' (quote numbers and dates, e.g. `"1.0"`)' : '';
      return diagnostic(parsed.document, span[0], span[1], DiagnosticSeverity.Error, Codes.schemaType,
        `${subject(segments)} must be ${expected.text}${hint}.`, data);
    }
    default:
      return undefined;
  }
}

function subject(segments: PathSegment[]): string {
  return segments.length ? `\`${formatPath(segments)}\`` : 'The manifest';
}
