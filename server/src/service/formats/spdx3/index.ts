/**
 * SPDX 3 AI-BOMs (JSON-LD, SPDX 3.0.1) read as documents: recognised by name (`*.spdx3.json`)
 * or by content (a `.json` — `*.spdx.json` included, which SPDX 2 documents use too — whose
 * text names `"@context"` and an SPDX 3 vocabulary, confirmed when the parsed graph has an
 * `ai_AIPackage`), checked for relationships naming no element, and read as a release
 * (osaid.ts): the same license tests, checklist and verdict as a manifest. The JSON is parsed
 * by the shared YAML parse (JSON is YAML 1.2), so every finding has the exact range of its
 * value. Not validated against the SPDX 3.0.1 JSON schema (docs/aibom.md, "Reading SPDX 3").
 */
import { CodeActionKind, DiagnosticSeverity, Hover, MarkupKind } from 'vscode-languageserver-types';
import { Codes, DiagnosticData } from '../../diagnostics/codes';
import { admits, replacementActions } from '../../edits/actions';
import { licenseHoverMarkdown } from '../../licenses';
import { shorten } from '../../text/text';
import { verdictLens } from '../../verdict/verdict';
import { findDocumentSymbols } from '../../yaml/symbols';
import { diagnostic, firstLineSpan } from '../../yaml/spans';
import { DocumentFormat, DocumentSummary, EMPTY_COMPLETION, ParsedDocument } from '../format';
import { Spdx3Codes } from './codes';
import { osaidDiagnostics, spdx3Checklist, spdx3View } from './osaid';
import { AI_PACKAGE, DATASET_PACKAGE, isAiBom, readGraph } from './read';

/** File names that are SPDX 3 documents by convention. */
const SPDX3_NAME = /\.spdx3\.json$/i;

/**
 * The cheap look at a JSON file's text: a JSON-LD context and an SPDX 3 vocabulary. SPDX 2
 * documents (`spdxVersion`, no `@context`) and other JSON stop here, unparsed.
 */
export function looksLikeSpdx3Text(text: string): boolean {
  return text.includes('"@context"') && /spdx\.org\/rdf\/3\./.test(text);
}

function fileName(uri: string): string {
  return uri.replace(/[?#].*$/, '').replace(/^.*\//, '');
}

const NOT_AI_TITLE = '○ Not an AI-BOM: no `ai_AIPackage` element, nothing to check against the OSAID';

export const spdx3Format: DocumentFormat = {
  id: 'spdx3',
  label: 'SPDX 3 AI-BOM',
  codes: {
    [Spdx3Codes.unknownElement]: {
      severity: 'error',
      meaning:
        "a relationship's `from` or `to` names no element of the document's `@graph`, nor one its `import` " +
        'lists, nor an SPDX individual (`NoneElement`, …)',
    },
    [Spdx3Codes.unlicensed]: {
      severity: 'error',
      meaning:
        'a code package (a `software_Package` whose purpose is code) — or, in a document written by `osai-check`, ' +
        'a package a required item needs — has no `hasDeclaredLicense` relationship; a warning on a recommended ' +
        'one (checkpoints)',
    },
    [Spdx3Codes.notAi]: {
      severity: 'info',
      meaning: 'a file named as an SPDX 3 document (`*.spdx3.json`) that has no `ai_AIPackage` element: not checked',
    },
  },
  recognise({ uri, languageId, text }) {
    const name = fileName(uri);
    if (SPDX3_NAME.test(name)) return 'yes';
    return (languageId === 'json' || /\.json$/i.test(name)) && looksLikeSpdx3Text(text) ? 'maybe' : 'no';
  },
  fileNames: /\.json$/i,
  confirm: (parse) => isAiBom(parse.value),
  validate(parsed, settings) {
    if (parsed.value === undefined) return parsed.parseDiagnostics.slice();
    if (!aiBom(parsed)) {
      const span = firstLineSpan(parsed.text);
      return [
        ...parsed.parseDiagnostics,
        diagnostic(
          parsed.document,
          span[0],
          span[1],
          DiagnosticSeverity.Information,
          Spdx3Codes.notAi,
          'No `ai_AIPackage` element: not read as an AI-BOM (nothing to check against the OSAID).',
          { path: '' },
        ),
      ];
    }
    return [...parsed.parseDiagnostics, ...osaidDiagnostics(parsed, settings.treatAsOpen)];
  },
  hover: (parsed, position, settings) =>
    aiBom(parsed) ? graphHover(parsed, parsed.document.offsetAt(position), settings.treatAsOpen) : null,
  complete: () => EMPTY_COMPLETION,
  codeActions(parsed, request) {
    if (!aiBom(parsed) || !admits(request.only, CodeActionKind.QuickFix)) return [];
    // License replacements (a better spelling of an id); a missing license needs an element and a relationship,
    // which a quick fix does not guess.
    return request.diagnostics.flatMap((d) => {
      const data = d.data as DiagnosticData | undefined;
      return String(d.code).startsWith('license/') && data?.replacements?.length
        ? replacementActions(parsed.document.uri, d, data.replacements, 'Change')
        : [];
    });
  },
  symbols: (parsed) => findDocumentSymbols(parsed),
  codeLenses: (parsed, diagnostics) =>
    aiBom(parsed) ? [verdictLens(spdx3Checklist(parsed, diagnostics).verdict.title)] : [verdictLens(NOT_AI_TITLE)],
  checklist: (parsed, diagnostics) => (aiBom(parsed) ? spdx3Checklist(parsed, diagnostics) : undefined),
  summary(parsed, diagnostics): DocumentSummary {
    if (!aiBom(parsed)) {
      const failed = diagnostics.some((d) => d.severity === DiagnosticSeverity.Error && d.code === Codes.yamlSyntax);
      const title = failed ? '✗ Not checked: the JSON could not be read' : NOT_AI_TITLE;
      return { verdict: { meets: false, state: failed ? 'fails' : 'incomplete', title }, headline: title };
    }
    const { verdict } = spdx3Checklist(parsed, diagnostics);
    return { verdict: { meets: verdict.meets, state: verdict.state, title: verdict.title }, headline: verdict.title };
  },
};

/** Whether the document is a readable AI-BOM (a file claimed by name may not be one). */
function aiBom(parsed: ParsedDocument): boolean {
  return parsed.value !== undefined && readGraph(parsed).model !== undefined;
}

/** On a license: its verdict under the test of a package given it; on a package's name: what the view makes of it. */
function graphHover(parsed: ParsedDocument, offset: number, treatAsOpen: readonly string[]): Hover | null {
  const view = spdx3View(parsed, treatAsOpen);
  const within = (r: readonly number[] | null | undefined) => !!r && offset >= r[0] && offset <= r[1];
  const range = (r: readonly number[]) => ({
    start: parsed.document.positionAt(r[0]),
    end: parsed.document.positionAt(r[1]),
  });
  for (const judged of view.judged)
    for (const license of judged.part.licenses) {
      if (!within(license.node.range)) continue;
      return {
        contents: {
          kind: MarkupKind.Markdown,
          value: licenseHoverMarkdown(license.text, judged.test, { extraOpen: treatAsOpen }),
        },
        range: range(license.node.range!),
      };
    }
  const all = [...(view.graph.model ? [view.graph.model] : []), ...view.graph.packages];
  for (const pkg of all) {
    const typeNode = pkg.node.items.find((p) => (p.key as { value?: unknown } | null)?.value === 'type')?.value as
      { range?: number[] } | undefined;
    const node = within(pkg.anchor.range) ? pkg.anchor : within(typeNode?.range) ? typeNode : undefined;
    if (!node?.range) continue;
    const judged = view.judged.find((j) => j.part === pkg);
    const purpose = pkg.purpose ? ` (purpose \`${shorten(pkg.purpose)}\`)` : '';
    const lines = [`**${shorten(pkg.name || pkg.spdxId || '(unnamed)')}** — SPDX 3 \`${pkg.type}\`${purpose}`];
    if (pkg === view.graph.model)
      lines.push('', 'The model: its licenses are the terms of the weights (OSAID: open terms).');
    else if (judged) {
      const item = judged.item ? `the checklist's “${judged.item}”` : 'code of a use the document does not state';
      lines.push(
        '',
        `Read as ${item}; its licenses must be ${judged.test === 'osi' ? 'OSI-approved' : 'open (OSD-conformant)'}.`,
      );
    } else if (pkg.type === DATASET_PACKAGE)
      lines.push('', 'Listed as training data (OSAID asks for the listing; its license is not judged).');
    else lines.push('', `Not read by the OSAID view (only the root ${AI_PACKAGE}, code packages and datasets are).`);
    if (judged)
      lines.push(
        '',
        pkg.licenses.length
          ? `Licenses: ${pkg.licenses.map((l) => `\`${shorten(l.text)}\``).join(', ')} — ` +
              `${judged.passes ? 'pass' : 'do not pass'} the test.`
          : 'No licenses stated.',
      );
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: range(node.range) };
  }
  return null;
}

export { readGraph, isAiBom };
