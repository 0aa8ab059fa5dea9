/** JSON Schema validation with ajv, mapped back to YAML nodes. Compiled once per process. */
import Ajv, { ErrorObject } from 'ajv';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { isMap, isScalar, Node } from 'yaml';
import { Codes, DiagnosticData } from './diagnosticCodes';
import { closest } from './suggest';
import { diagnostic, firstLineSpan, ParsedManifest } from './parse';
import { childrenOf, keyOf, toPattern } from './requirements';
import { buildManifestSchema } from './schema';
import { formatPath, locate, PathSegment } from './yamlNodes';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateManifest = ajv.compile(buildManifestSchema({ variant: 'validation' }));

export function schemaDiagnostics(parsed: ParsedManifest): Diagnostic[] {
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

function toDiagnostic(parsed: ParsedManifest, error: ErrorObject): Diagnostic | undefined {
  const segments = pointerToSegments(error.instancePath);
  const root = parsed.yaml?.contents as Node | null;
  const located = locate(root, segments);
  const path = formatPath(segments);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      if (key === '') return undefined; // only broken YAML yields an empty key; yaml/syntax says why
      const parent = located?.node;
      const pair = parent && 'items' in parent ? locate(parent, [key])?.pair : undefined;
      const keyNode = pair?.key as Node | undefined;
      const span = keyNode?.range ?? parent?.range ?? [0, 0];
      // Suggest only keys the mapping does not have yet: a rename must not create a duplicate.
      const present = new Set(isMap(parent) ? parent.items.map((item) => (isScalar(item.key) ? String(item.key.value) : '')) : []);
      const allowed = childrenOf(toPattern(path)).map(keyOf).filter((k) => !present.has(k));
      const replacements = closest(key, allowed);
      const where = path ? `\`${path}\`` : 'the top level';
      const hint = replacements.length ? ` Did you mean \`${replacements[0]}\`?` : allowed.length ? ` Allowed keys: ${allowed.map((k) => `\`${k}\``).join(', ')}.` : '';
      const data: DiagnosticData = { path: formatPath([...segments, key]), replacements };
      return diagnostic(parsed.document, span[0], span[1], DiagnosticSeverity.Error, Codes.schemaUnknownKey,
        `Unknown key \`${key}\` in ${where}.${hint} (Keys starting with \`x-\` are free for extensions.)`, data);
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
      const expected = ([] as string[]).concat((error.params as { type: string | string[] }).type).filter((t) => t !== 'null');
      return diagnostic(parsed.document, span[0], span[1], DiagnosticSeverity.Error, Codes.schemaType,
        `${subject(segments)} must be ${expected.map(article).join(' or ')}${quoteHint(expected)}.`, data);
    }
    default:
      return undefined;
  }
}

function subject(segments: PathSegment[]): string {
  return segments.length ? `\`${formatPath(segments)}\`` : 'The manifest';
}

function article(type: string): string {
  switch (type) {
    case 'object': return 'a mapping (`key: value` lines)';
    case 'array': return 'a list (`- item` lines)';
    case 'string': return 'text';
    case 'boolean': return '`true` or `false`';
    case 'number': return 'a number';
    default: return type;
  }
}

function quoteHint(expected: string[]): string {
  return expected.length === 1 && expected[0] === 'string' ? ' (quote numbers and dates, e.g. `"1.0"`)' : '';
}

function pointerToSegments(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((raw) => {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(s) ? Number(s) : s;
  });
}
