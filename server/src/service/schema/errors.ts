/**
 * From ajv errors to what the user reads: the YAML path of an error, the unknown-key
 * diagnostic (with a rename that never duplicates a key) and the wording of expected
 * types. Shared by OSAID manifests and MOF model files.
 */
import { ErrorObject } from 'ajv';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { isMap, isScalar, Node } from 'yaml';
import { Codes, DiagnosticData } from '../diagnostics/codes';
import { diagnostic } from '../yaml/spans';
import type { ParsedDocument } from '../formats/format';
import { closest } from '../text/suggest';
import { formatPath, locate, PathSegment } from '../yaml/nodes';

/** A JSON pointer (`/code/training/0`) as manifest path segments. */
export function pointerToSegments(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((raw) => {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(s) ? Number(s) : s;
  });
}

/**
 * `schema/unknown-key` on the key itself, suggesting the closest allowed key the mapping
 * does not have yet (a rename must not create a duplicate key).
 */
export function unknownKeyDiagnostic(parsed: ParsedDocument, segments: PathSegment[], key: string, allowedKeys: readonly string[]): Diagnostic | undefined {
  if (key === '') return undefined; // only broken YAML yields an empty key; yaml/syntax says why
  const parent = locate(parsed.yaml?.contents as Node | null, segments)?.node;
  const pair = isMap(parent) ? locate(parent, [key])?.pair : undefined;
  const span = (pair?.key as Node | undefined)?.range ?? parent?.range ?? [0, 0];
  const present = new Set(isMap(parent) ? parent.items.map((item) => (isScalar(item.key) ? String(item.key.value) : '')) : []);
  const allowed = allowedKeys.filter((k) => !present.has(k));
  const replacements = closest(key, allowed);
  const path = formatPath(segments);
  const where = path ? `\`${path}\`` : 'the top level';
  const hint = replacements.length ? ` Did you mean \`${replacements[0]}\`?` : allowed.length ? ` Allowed keys: ${allowed.map((k) => `\`${k}\``).join(', ')}.` : '';
  const data: DiagnosticData = { path: formatPath([...segments, key]), replacements };
  return diagnostic(parsed.document, span[0], span[1], DiagnosticSeverity.Error, Codes.schemaUnknownKey,
    `Unknown key \`${key}\` in ${where}.${hint} (Keys starting with \`x-\` are free for extensions.)`, data);
}

/** "a mapping (`key: value` lines) or text": what a `type` error expected, in plain words. */
export function expectedTypesText(error: ErrorObject): { text: string; onlyString: boolean } {
  const expected = ([] as string[]).concat((error.params as { type: string | string[] }).type).filter((t) => t !== 'null');
  return { text: expected.map(typeInWords).join(' or '), onlyString: expected.length === 1 && expected[0] === 'string' };
}

function typeInWords(type: string): string {
  switch (type) {
    case 'object': return 'a mapping (`key: value` lines)';
    case 'array': return 'a list (`- item` lines)';
    case 'string': return 'text';
    case 'boolean': return '`true` or `false`';
    case 'number': return 'a number';
    default: return type;
  }
}
