/**
 * The document formats the service knows, in the order they are asked. The one place that
 * decides which format a document is: once per parse, from a cheap claim (file name,
 * language id, a look at the text) confirmed after parsing when the claim was a "maybe".
 * Adding a format: a folder beside this file implementing `DocumentFormat`, and one line in
 * `DEFAULT_FORMATS` (see docs/ARCHITECTURE.md).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeDoc, SHARED_CODE_DOCS } from '../diagnostics/codes';
import type { ServiceSettings } from '../settings';
import { parseYaml, YamlParse } from '../yaml/parse';
import type { DocumentFormat, ParsedDocument, RecognitionInput } from './format';
import { manifestFormat } from './manifest';
import { mofFormat } from './mof';
import { noneFormat } from './none';

/** Every format, first claim wins. `none` is not listed: it answers when no format claims. */
export const DEFAULT_FORMATS: readonly DocumentFormat[] = [
  manifestFormat,
  mofFormat,
];

/** The format assumed for text that has no name to recognise it by (stdin), unless its content says otherwise. */
const UNNAMED_FORMAT: DocumentFormat = manifestFormat;

const NO_PARSE: YamlParse = { yaml: undefined, value: undefined, parseDiagnostics: [] };

export interface RecogniseOptions {
  /** The text comes without a name (stdin): assume the default format when no content claims it. */
  unnamed?: boolean;
}

/** Parses a document as the format that claims it (or `none`, without parsing). */
export function parseWithFormat(formats: readonly DocumentFormat[], document: TextDocument, settings: ServiceSettings, options: RecogniseOptions = {}): ParsedDocument {
  const text = document.getText();
  const input: RecognitionInput = { uri: document.uri, languageId: document.languageId, text };
  let parse: YamlParse | undefined;
  const parsed = (): YamlParse => (parse ??= parseYaml(document, text, { maxFileSize: settings.maxFileSize }));
  for (const format of formats) {
    const claim = format.recognise(input, settings);
    if (claim === 'no') continue;
    if (claim === 'yes' || format.confirm?.(parsed())) return { format, kind: format.id, document, text, ...parsed() };
  }
  if (options.unnamed && formats.includes(UNNAMED_FORMAT)) return { format: UNNAMED_FORMAT, kind: UNNAMED_FORMAT.id, document, text, ...parsed() };
  return { format: noneFormat, kind: noneFormat.id, document, text, ...NO_PARSE };
}

/**
 * Whether some format may claim a file found in a folder (`osai-check <folder>`): YAML files
 * whose name or content a format claims.
 */
export function mayClaimFile(formats: readonly DocumentFormat[], uri: string, readText: () => string, settings: ServiceSettings): boolean {
  if (!/\.ya?ml$/i.test(uri)) return false;
  let text: string | undefined;
  const input = { uri, languageId: 'yaml', get text() { return (text ??= readText()); } };
  return formats.some((format) => format.recognise(input, settings) !== 'no');
}

/** Every diagnostic code the formats can report, with its documentation: the shared codes and each format's own. */
export function codeDocs(formats: readonly DocumentFormat[]): Readonly<Record<string, CodeDoc>> {
  return Object.assign({}, SHARED_CODE_DOCS, ...formats.map((f) => f.codes ?? {}));
}
