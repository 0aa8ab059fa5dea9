/** JSON Schema validation with ajv, mapped back to YAML nodes by the shared mapping. Compiled once per process. */
import Ajv from 'ajv';
import { Diagnostic } from 'vscode-languageserver-types';
import { childrenOf, keyOf, toPattern } from '../../osaid/requirements';
import { schemaErrorDiagnostics, SchemaWording } from '../../schema/errors';
import { formatPath } from '../../yaml/nodes';
import type { ParsedDocument } from '../format';
import { buildManifestSchema } from './schema';

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validateManifest = ajv.compile(buildManifestSchema({ variant: 'validation' }));

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
