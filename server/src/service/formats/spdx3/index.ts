/**
 * SPDX 3 AI-BOMs (JSON-LD, SPDX 3.0.1) read as documents: recognised by name (`*.spdx3.json`)
 * or by content (a `.json` — `*.spdx.json` included, which SPDX 2 documents use too — whose
 * text names `"@context"` and an SPDX 3 vocabulary, confirmed when the parsed graph has an
 * `ai_AIPackage`), checked for relationships naming no element, and read as a release
 * (osaid.ts): the same license tests, checklist and verdict as a manifest. The JSON is parsed
 * by the shared YAML parse (JSON is YAML 1.2), so every finding has the exact range of its
 * value. Not validated against the SPDX 3.0.1 JSON schema (docs/aibom.md, "Reading SPDX 3").
 */
import { CodeActionKind, Hover, MarkupKind } from 'vscode-languageserver-types';
import { bomDocumentParts } from '../../bomview/document';
import { licenseHover, partHoverLines, rangeAt } from '../../bomview/hover';
import type { DiagnosticData } from '../../diagnostics/codes';
import { admits, replacementActions } from '../../edits/actions';
import { shorten } from '../../text/text';
import { findDocumentSymbols } from '../../yaml/symbols';
import { nameOf } from '../../evidence/uris';
import { DocumentFormat, EMPTY_COMPLETION, ParsedDocument } from '../format';
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
    const name = nameOf(uri);
    if (SPDX3_NAME.test(name)) return 'yes';
    return (languageId === 'json' || /\.json$/i.test(name)) && looksLikeSpdx3Text(text) ? 'maybe' : 'no';
  },
  fileNames: /\.json$/i,
  confirm: (parse) => isAiBom(parse.value),
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
  ...bomDocumentParts({
    isBom: aiBom,
    findings: osaidDiagnostics,
    checklist: spdx3Checklist,
    notBom: {
      code: Spdx3Codes.notAi,
      message: 'No `ai_AIPackage` element: not read as an AI-BOM (nothing to check against the OSAID).',
      title: NOT_AI_TITLE,
    },
  }),
};

/** Whether the document is a readable AI-BOM (a file claimed by name may not be one). */
function aiBom(parsed: ParsedDocument): boolean {
  return parsed.value !== undefined && readGraph(parsed).model !== undefined;
}

/** On a license: its verdict under the test of a package given it; on a package's name: what the view makes of it. */
function graphHover(parsed: ParsedDocument, offset: number, treatAsOpen: readonly string[]): Hover | null {
  const view = spdx3View(parsed, treatAsOpen);
  const within = (r: readonly number[] | null | undefined) => !!r && offset >= r[0] && offset <= r[1];
  for (const judged of view.judged) {
    const license = judged.part.licenses.find((l) => within(l.node.range));
    if (license) return licenseHover(parsed, license, judged.test, treatAsOpen);
  }
  const all = [...(view.graph.model ? [view.graph.model] : []), ...view.graph.packages];
  for (const pkg of all) {
    const typeNode = pkg.node.items.find((p) => (p.key as { value?: unknown } | null)?.value === 'type')?.value as
      { range?: number[] } | undefined;
    const node = within(pkg.anchor.range) ? pkg.anchor : within(typeNode?.range) ? typeNode : undefined;
    if (!node?.range) continue;
    const purpose = pkg.purpose ? ` (purpose \`${shorten(pkg.purpose)}\`)` : '';
    const lines = [
      `**${shorten(pkg.name || pkg.spdxId || '(unnamed)')}** — SPDX 3 \`${pkg.type}\`${purpose}`,
      ...partHoverLines(view, pkg, {
        modelLicenses: 'licenses',
        unstatedUse: 'code of a use the document does not state',
        notJudged:
          pkg.type === DATASET_PACKAGE
            ? 'Listed as training data (OSAID asks for the listing; its license is not judged).'
            : `Not read by the OSAID view (only the root ${AI_PACKAGE}, code packages and datasets are).`,
      }),
    ];
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: rangeAt(parsed, node.range) };
  }
  return null;
}

export { readGraph, isAiBom };
