/** All diagnostics of a manifest: syntax, schema, OSAID rules and licenses. */
import { inDocumentOrder } from '../../yaml/spans';
import { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../format';
import { ruleDiagnostics } from './rules';
import { schemaDiagnostics } from './schemaValidation';
import { ServiceSettings } from '../../settings';

export function validate(parsed: ParsedDocument, settings: ServiceSettings): Diagnostic[] {
  if (!parsed.yaml) return [...parsed.parseDiagnostics];
  const diagnostics = [...parsed.parseDiagnostics, ...schemaDiagnostics(parsed), ...ruleDiagnostics(parsed, settings)];
  return diagnostics.sort(inDocumentOrder);
}
