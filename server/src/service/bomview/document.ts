/**
 * What a BOM format answers for a document whatever the format: a file it claims (by name) that is no BOM of a model
 * gets one information finding and a "not an AI-BOM" verdict instead of a check; a BOM, its findings and the verdict
 * of its checklist.
 */
import { CodeLens, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { VerdictState } from '../../protocol';
import type { Checklist } from '../checklist/model';
import { Codes } from '../diagnostics/codes';
import { verdictLens } from '../verdict/verdict';
import type { ParsedYamlDocument } from '../yaml/parse';
import { diagnostic, firstLineSpan } from '../yaml/spans';

type Parsed = ParsedYamlDocument & { format: { id: string; label: string } };

export interface BomDocument<D extends Parsed> {
  /** Whether the document is a readable BOM of a model (a file claimed by name may not be one). */
  isBom(parsed: D): boolean;
  /** The findings of a BOM, its parse's excepted. */
  findings(parsed: D, treatAsOpen: readonly string[]): Diagnostic[];
  checklist(parsed: D, diagnostics: readonly Diagnostic[]): Checklist;
  /** The code and message of the finding on a document that is no BOM of a model, and the verdict it reads. */
  notBom: { code: string; message: string; title: string };
}

export function bomDocumentParts<D extends Parsed>(bom: BomDocument<D>) {
  return {
    validate(parsed: D, settings: { treatAsOpen: readonly string[] }): Diagnostic[] {
      if (parsed.value === undefined) return parsed.parseDiagnostics.slice();
      if (!bom.isBom(parsed)) {
        const span = firstLineSpan(parsed.text);
        return [
          ...parsed.parseDiagnostics,
          diagnostic(
            parsed.document,
            span[0],
            span[1],
            DiagnosticSeverity.Information,
            bom.notBom.code,
            bom.notBom.message,
            {
              path: '',
            },
          ),
        ];
      }
      return [...parsed.parseDiagnostics, ...bom.findings(parsed, settings.treatAsOpen)];
    },
    codeLenses: (parsed: D, diagnostics: readonly Diagnostic[]): CodeLens[] => [
      verdictLens(bom.isBom(parsed) ? bom.checklist(parsed, diagnostics).verdict.title : bom.notBom.title),
    ],
    checklist: (parsed: D, diagnostics: readonly Diagnostic[]) =>
      bom.isBom(parsed) ? bom.checklist(parsed, diagnostics) : undefined,
    summary(
      parsed: D,
      diagnostics: readonly Diagnostic[],
    ): { verdict: { meets: boolean; state: VerdictState; title: string }; headline: string } {
      if (!bom.isBom(parsed)) {
        const failed = diagnostics.some((d) => d.severity === DiagnosticSeverity.Error && d.code === Codes.yamlSyntax);
        const title = failed ? '✗ Not checked: the JSON could not be read' : bom.notBom.title;
        return { verdict: { meets: false, state: failed ? 'fails' : 'incomplete', title }, headline: title };
      }
      const { verdict } = bom.checklist(parsed, diagnostics);
      return { verdict: { meets: verdict.meets, state: verdict.state, title: verdict.title }, headline: verdict.title };
    },
  };
}
