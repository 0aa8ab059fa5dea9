/** JSON Schema validation with ajv's standalone validator (generated: schema/standalone.ts), mapped back to YAML nodes by the shared mapping. */
import { Diagnostic } from 'vscode-languageserver-types';
import { childrenOf, keyOf, toPattern } from '../../osaid/requirements';
import { schemaErrorDiagnostics, SchemaWording } from '../../schema/errors';
import { formatPath } from '../../yaml/nodes';
import type { ParsedDocument } from '../format';
import validateManifest from './generated/validateManifest';

const WORDING: SchemaWording = {
  root: 'The manifest',
  quotedNumber: '"1.0"',
  allowedKeys: (_error, segments) => childrenOf(toPattern(formatPath(segments))).map(keyOf),
  requirementOf: (path) => toPattern(path) || undefined,
};

export function schemaDiagnostics(parsed: ParsedDocument): Diagnostic[] {
  if (parsed.value === undefined || !parsed.yaml) return [];
  validateManifest(parsed.value);
  return schemaErrorDiagnostics(parsed, validateManifest.errors ?? [], WORDING);
}
