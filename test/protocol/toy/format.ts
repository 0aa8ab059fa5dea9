/**
 * A minimal document format, written by following docs/ARCHITECTURE.md ("Adding a
 * format"): team files named `*.team.yaml` must say who owns the release. It proves that a
 * format is one folder implementing `DocumentFormat`, registered in one line.
 */
import { CompletionList, Diagnostic, DiagnosticSeverity, TextEdit } from 'vscode-languageserver-types';
import { editAction } from '../../../server/src/service/edits/actions';
import type { DocumentFormat } from '../../../server/src/service/formats/format';
import { diagnostic, firstLineSpan } from '../../../server/src/service/yaml/spans';

export const NO_OWNER = 'team/no-owner';
const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export const teamFormat: DocumentFormat = {
  id: 'team',
  label: 'Team file',
  codes: {
    [NO_OWNER]: { severity: 'error', meaning: 'the file does not say who owns the release', fix: 'add `owner`' },
  },
  recognise: ({ uri }) => (/\.team\.ya?ml$/i.test(uri) ? 'yes' : 'no'),
  validate(parsed) {
    const out: Diagnostic[] = [...parsed.parseDiagnostics];
    const value = parsed.value as Record<string, unknown> | null | undefined;
    if (parsed.yaml && (typeof value !== 'object' || value === null || !('owner' in value))) {
      const [start, end] = firstLineSpan(parsed.text);
      out.push(
        diagnostic(
          parsed.document,
          start,
          end,
          DiagnosticSeverity.Error,
          NO_OWNER,
          'Say who owns the release: add `owner`.',
          { path: 'owner' },
        ),
      );
    }
    return out;
  },
  hover: () => null,
  complete: () => EMPTY,
  codeActions: (parsed, { diagnostics }) =>
    diagnostics
      .filter((d) => d.code === NO_OWNER)
      .map((d) =>
        editAction('Add `owner`', parsed.document.uri, [TextEdit.insert({ line: 0, character: 0 }, 'owner: TODO\n')], {
          diagnostics: [d],
          preferred: true,
        }),
      ),
  symbols: () => [],
  codeLenses: () => [],
  checklist: () => undefined,
  summary: (_parsed, diagnostics) => {
    const meets = !diagnostics.some((d) => d.code === NO_OWNER);
    return {
      verdict: { meets, state: meets ? 'meets' : 'fails', title: meets ? 'has an owner' : 'no owner' },
      headline: meets ? 'has an owner' : 'no owner',
    };
  },
};
