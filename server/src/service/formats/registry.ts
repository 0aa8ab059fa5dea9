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
import { cycloneDxFormat } from './cyclonedx';
import { datasetCardFormat } from './datasetcard';
import { manifestFormat } from './manifest';
import { modelCardFormat } from './modelcard';
import { mofFormat } from './mof';
import { noneFormat } from './none';
import { spdx3Format } from './spdx3';

/** Every format, first claim wins. `none` is not listed: it answers when no format claims. */
export const DEFAULT_FORMATS: readonly DocumentFormat[] = [
  manifestFormat,
  cycloneDxFormat,
  spdx3Format,
  mofFormat,
  datasetCardFormat,
  modelCardFormat,
];

/** The format assumed for text that has no name to recognise it by (stdin), unless its content says otherwise. */
const UNNAMED_FORMAT: DocumentFormat = manifestFormat;

const NO_PARSE: YamlParse = { yaml: undefined, value: undefined, parseDiagnostics: [] };

export interface RecogniseOptions {
  /** The text comes without a name (stdin): assume the default format when no content claims it. */
  unnamed?: boolean;
  /**
   * The parse of the document's previous version (the server's): the YAML parse reuses its
   * unchanged top-level sections, moving their nodes, so it must not be used after.
   */
  previous?: YamlParse;
}

/** Parses a document as the format that claims it (or `none`, without parsing). */
export function parseWithFormat(
  formats: readonly DocumentFormat[],
  document: TextDocument,
  settings: ServiceSettings,
  options: RecogniseOptions = {},
): ParsedDocument {
  const text = document.getText();
  const input: RecognitionInput = { uri: document.uri, languageId: document.languageId, text };
  // One parse per parser, shared by the formats that use it (model and dataset cards).
  const parses = new Map<DocumentFormat['parse'], YamlParse>();
  const parsed = (format?: DocumentFormat): YamlParse => {
    const parser = format?.parse ?? parseYaml;
    let parse = parses.get(parser);
    if (!parse)
      parses.set(
        parser,
        (parse = parser(document, text, {
          maxFileSize: settings.maxFileSize,
          previous: parser === parseYaml ? options.previous : undefined,
        })),
      );
    return parse;
  };
  for (const format of formats) {
    const claim = format.recognise(input, settings);
    if (claim === 'no') continue;
    if (claim === 'yes' || format.confirm?.(parsed(format)))
      return { format, kind: format.id, document, text, ...parsed(format) };
  }
  if (options.unnamed && formats.includes(UNNAMED_FORMAT))
    return { format: UNNAMED_FORMAT, kind: UNNAMED_FORMAT.id, document, text, ...parsed(UNNAMED_FORMAT) };
  return { format: noneFormat, kind: noneFormat.id, document, text, ...NO_PARSE };
}

/**
 * Whether some format may claim a file found in a folder (`osai-check <folder>`): YAML files
 * whose name or content a format claims.
 */
export function mayClaimFile(
  formats: readonly DocumentFormat[],
  uri: string,
  readText: () => string,
  settings: ServiceSettings,
): boolean {
  let text: string | undefined;
  const name = uri.replace(/[?#].*$/, '').replace(/^.*\//, '');
  return formats.some((format) => {
    if (!(format.fileNames ?? YAML_FILE).test(name)) return false;
    const languageId = /\.md$/i.test(name) ? 'markdown' : 'yaml';
    return (
      format.recognise(
        {
          uri,
          languageId,
          get text() {
            return (text ??= readText());
          },
        },
        settings,
      ) !== 'no'
    );
  });
}

/** Whether a format claims a file by its name alone (`osai.yaml`): its text cannot make it anything else. */
export function claimsByName(formats: readonly DocumentFormat[], uri: string, settings: ServiceSettings): boolean {
  const name = uri.replace(/[?#].*$/, '').replace(/^.*\//, '');
  return formats.some(
    (format) =>
      (format.fileNames ?? YAML_FILE).test(name) &&
      format.recognise({ uri, languageId: 'yaml', text: '' }, settings) === 'yes',
  );
}

const YAML_FILE = /\.ya?ml$/i;

/** Every diagnostic code the formats can report, with its documentation: the shared codes and each format's own. */
export function codeDocs(formats: readonly DocumentFormat[]): Readonly<Record<string, CodeDoc>> {
  return Object.assign({}, SHARED_CODE_DOCS, ...formats.map((f) => f.codes ?? {}));
}
