/**
 * CycloneDX ML-BOMs (JSON, spec 1.6 and 1.7) read as documents: recognised by name
 * (`*.cdx.json`, `bom.json`) or by content (any `.json` whose text names `bomFormat` and
 * `CycloneDX`, confirmed when the parsed BOM has a `machine-learning-model` component),
 * checked against the official CycloneDX schema (schema.ts) and read as a release (osaid.ts):
 * the same license tests, checklist and verdict as a manifest. The JSON is parsed by the shared
 * YAML parse (JSON is YAML 1.2), so every finding has the exact range of its value.
 */
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import { bomDocumentParts } from '../../bomview/document';
import { licenseHover, partHoverLines, rangeAt } from '../../bomview/hover';
import { shorten } from '../../text/text';
import { findDocumentSymbols } from '../../yaml/symbols';
import { nameOf } from '../../evidence/uris';
import { DocumentFormat, EMPTY_COMPLETION, ParsedDocument } from '../format';
import { cyclonedxCodeActions } from './codeActions';
import { cycloneDxChecklist, cycloneDxView, osaidDiagnostics } from './osaid';
import { isMlBom, ML_MODEL, readBom } from './read';
import { CycloneDxCodes, MAX_SCHEMA_FINDINGS, schemaDiagnostics } from './schema';

/** File names that are CycloneDX BOMs by convention (the spec's recommendation). */
const BOM_NAME = /(\.cdx\.json|^bom\.json)$/i;

/**
 * The cheap look at a JSON file's text: both words anywhere. JSON files that are not BOMs
 * (package.json, settings) stop here, unparsed.
 */
export function looksLikeCycloneDxText(text: string): boolean {
  return text.includes('"bomFormat"') && text.includes('CycloneDX');
}

const NOT_ML_TITLE = '○ Not an ML-BOM: no `machine-learning-model` component, nothing to check against the OSAID';

export const cycloneDxFormat: DocumentFormat = {
  id: 'cyclonedx',
  label: 'CycloneDX ML-BOM',
  codes: {
    [CycloneDxCodes.schema]: {
      severity: 'error',
      meaning:
        'the BOM does not follow the official CycloneDX JSON schema of its `specVersion` (1.6 or 1.7; formats ' +
        `such as dates are not checked); at most ${MAX_SCHEMA_FINDINGS} are reported`,
    },
    [CycloneDxCodes.specVersion]: {
      severity: 'warning',
      meaning: 'a BOM whose `specVersion` is not 1.6 or 1.7: not checked against a schema (its OSAID view is read)',
    },
    [CycloneDxCodes.unlicensed]: {
      severity: 'error',
      meaning:
        'a code component (`application`, `library`, `framework`) — or, in a BOM written by `osai-check`, a ' +
        'component a required item needs — states no `licenses`; a warning on a recommended one (checkpoints)',
      fix: 'insert a `licenses` skeleton',
    },
    [CycloneDxCodes.notMl]: {
      severity: 'info',
      meaning: 'a file named as a CycloneDX BOM that has no `machine-learning-model` component: not checked',
    },
  },
  recognise({ uri, languageId, text }) {
    const name = nameOf(uri);
    if (BOM_NAME.test(name)) return 'yes';
    return (languageId === 'json' || /\.json$/i.test(name)) && looksLikeCycloneDxText(text) ? 'maybe' : 'no';
  },
  fileNames: /\.json$/i,
  confirm: (parse) => isMlBom(parse.value),
  hover: (parsed, position, settings) =>
    mlBom(parsed) ? bomHover(parsed, parsed.document.offsetAt(position), settings.treatAsOpen) : null,
  complete: () => EMPTY_COMPLETION,
  codeActions: (parsed, request) => (mlBom(parsed) ? cyclonedxCodeActions(parsed, request) : []),
  symbols: (parsed) => findDocumentSymbols(parsed),
  ...bomDocumentParts({
    isBom: mlBom,
    findings: (parsed: ParsedDocument, treatAsOpen) => [
      ...schemaDiagnostics(parsed),
      ...osaidDiagnostics(parsed, treatAsOpen),
    ],
    checklist: cycloneDxChecklist,
    notBom: {
      code: CycloneDxCodes.notMl,
      message: 'No `machine-learning-model` component: not read as an ML-BOM (nothing to check against the OSAID).',
      title: NOT_ML_TITLE,
    },
  }),
};

/** Whether the document is a readable ML-BOM (a file claimed by name may not be one). */
function mlBom(parsed: ParsedDocument): boolean {
  return parsed.value !== undefined && isMlBom(parsed.value);
}

/** On a license: its verdict under the component's test; on a component's name or type: what the view makes of it. */
function bomHover(parsed: ParsedDocument, offset: number, treatAsOpen: readonly string[]): Hover | null {
  const view = cycloneDxView(parsed, treatAsOpen);
  const within = (r: readonly number[] | null | undefined) => !!r && offset >= r[0] && offset <= r[1];
  const all = [...(view.bom.model ? [view.bom.model] : []), ...view.bom.components];
  for (const component of all) {
    const license = component.licenses.find((l) => within(l.node.range));
    if (license)
      return licenseHover(parsed, license, view.judged.find((j) => j.part === component)?.test ?? 'open', treatAsOpen);
  }
  for (const component of all) {
    const typeNode = component.node.items.find((p) => (p.key as { value?: unknown } | null)?.value === 'type')
      ?.value as { range?: number[] } | undefined;
    const node = within(component.anchor.range) ? component.anchor : within(typeNode?.range) ? typeNode : undefined;
    if (!node?.range) continue;
    const lines = [
      `**${shorten(component.name || '(unnamed)')}** — CycloneDX \`${shorten(component.type)}\` component`,
      ...partHoverLines(view, component, {
        modelLicenses: '`licenses`',
        unstatedUse: 'code of a purpose the BOM does not state',
        notJudged:
          `Not read by the OSAID view (only ${ML_MODEL}, application, library, framework and data ` +
          'components are).',
      }),
    ];
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: rangeAt(parsed, node.range) };
  }
  return null;
}

export { readBom, isMlBom };
