/**
 * The license findings of a BOM view: each judged part that states no license, and every license it states checked
 * with its part's test (the same tests as a manifest's).
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Codes } from '../diagnostics/codes';
import { checkLicense } from '../licenses';
import { requirementFor } from '../osaid/requirements';
import { shorten } from '../text/text';
import { formatPath } from '../yaml/nodes';
import type { ParsedYamlDocument } from '../yaml/parse';
import { diagnostic } from '../yaml/spans';
import type { BomView, JudgedPart } from './view';
import type { BomWording } from './wording';

export function bomLicenseDiagnostics(
  parsed: ParsedYamlDocument,
  view: BomView,
  treatAsOpen: readonly string[],
  wording: BomWording,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A license element that parts share (SPDX) is judged once; a license of one part only is never met twice.
  const seen = new Set<string>();
  for (const judged of view.judged) {
    const { part, item, test } = judged;
    const data = (path: string) => ({ path, ...(item ? { requirement: item } : {}) });
    if (part.licenses.length === 0) {
      out.push(unlicensed(parsed, view, judged, wording));
      continue;
    }
    for (const license of part.licenses) {
      const range = license.node.range;
      if (!range) continue;
      // The scalar's text without its quotes: the finding's offsets are inside the string.
      const quoted = /^["']/.test(parsed.text[range[0]] ?? '') ? 1 : 0;
      for (const f of checkLicense(license.text, test, { extraOpen: treatAsOpen })) {
        // A name is not an SPDX id: only its verdict is said, not how it is spelt.
        if (license.field === 'name' && f.severity !== 'error') continue;
        const start = range[0] + quoted + f.start;
        const end = range[0] + quoted + f.end;
        const key = `${start}:${end}:${f.code}:${f.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          diagnostic(
            parsed.document,
            start,
            end,
            f.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            f.code,
            f.message,
            { ...data(formatPath(license.path)), ...(f.replacements.length ? { replacements: f.replacements } : {}) },
          ),
        );
      }
    }
  }
  return out;
}

/** The model without a license is missing its weights' terms; code, or a part a required item needs, is an error. */
function unlicensed(parsed: ParsedYamlDocument, view: BomView, judged: JudgedPart, wording: BomWording): Diagnostic {
  const { part, item, test } = judged;
  const span = part.anchor.range ?? part.node.range!;
  const isModel = part === view.model;
  const Part = wording.part.charAt(0).toUpperCase() + wording.part.slice(1);
  const purpose = test === 'osi' ? 'code must be under an OSI-approved license' : 'it must be under open terms';
  return diagnostic(
    parsed.document,
    span[0],
    span[1],
    isModel || test === 'osi' || (item && requirementFor(item)?.level === 'required')
      ? DiagnosticSeverity.Error
      : DiagnosticSeverity.Warning,
    isModel ? Codes.missing : wording.unlicensed,
    isModel
      ? `The model states no license (${wording.noLicense}): the weights cannot be shown to be under open terms.`
      : `${Part} \`${shorten(part.label)}\` states no license (${wording.noLicense}): ${purpose}.`,
    { path: formatPath(part.licensesPath), ...(item ? { requirement: item } : {}) },
  );
}
