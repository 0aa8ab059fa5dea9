/**
 * Quick fixes of an ML-BOM: license replacements (an id the license check knows a better
 * spelling of), and a `licenses` skeleton for a component that states none — inserted as the
 * component's first property, so the comma always goes after it (JSON allows no trailing one).
 */
import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { Codes, DiagnosticData } from '../../diagnostics/codes';
import { admits, editAction, replacementActions } from '../../edits/actions';
import { parsePath, formatPath } from '../../yaml/nodes';
import type { CodeActionRequest, ParsedDocument } from '../format';
import { readBom } from './read';
import { CycloneDxCodes } from './schema';

export const LICENSES_SKELETON = '"licenses": [{ "license": { "name": "TODO" } }]';

export function cyclonedxCodeActions(parsed: ParsedDocument, request: CodeActionRequest): CodeAction[] {
  if (!admits(request.only, CodeActionKind.QuickFix)) return [];
  const uri = parsed.document.uri;
  const out: CodeAction[] = [];
  for (const d of request.diagnostics) {
    const data = d.data as DiagnosticData | undefined;
    if (String(d.code).startsWith('license/') && data?.replacements?.length)
      out.push(...replacementActions(uri, d, data.replacements, 'Change'));
    if ((d.code === CycloneDxCodes.unlicensed || d.code === Codes.missing) && data?.path?.endsWith('.licenses')) {
      const action = skeleton(parsed, d, data.path);
      if (action) out.push(action);
    }
  }
  return out;
}

function skeleton(parsed: ParsedDocument, d: Diagnostic, path: string): CodeAction | undefined {
  const componentPath = formatPath(parsePath(path).slice(0, -1));
  const bom = readBom(parsed);
  const component = [bom.model, ...bom.components].find((c) => c && formatPath(c.path) === componentPath);
  const start = component?.node.range?.[0];
  if (!component || start === undefined || parsed.text[start] !== '{' || component.licensesNode) return undefined;
  const text = parsed.text;
  const firstKey = component.node.items[0]?.key as { range?: number[] } | undefined;
  const keyStart = firstKey?.range?.[0];
  let insert: string;
  if (keyStart === undefined) insert = ` ${LICENSES_SKELETON} `;
  else {
    // The first property's own line start and indentation, when it is on a line of its own.
    const between = text.slice(start + 1, keyStart);
    const newline = between.lastIndexOf('\n');
    insert =
      newline >= 0
        ? `${between.slice(0, newline + 1).replace(/^[^\n]*\n/, '\n')}${between.slice(newline + 1)}${LICENSES_SKELETON},`
        : ` ${LICENSES_SKELETON},`;
  }
  const at = parsed.document.positionAt(start + 1);
  return editAction('Insert a `licenses` skeleton', parsed.document.uri, [TextEdit.insert(at, insert)], {
    diagnostics: [d],
    preferred: true,
  });
}
