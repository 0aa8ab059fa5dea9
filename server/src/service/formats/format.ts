/**
 * The one interface every document format implements. The service recognises a document's
 * format once per parse (`registry.ts`) and delegates every feature to it; nothing outside
 * the registry asks which format a document is. Formats use the shared machinery (yaml/,
 * schema/, edits/, licenses/, checklist/, verdict/, osaid/) and never each other.
 */
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Position,
} from 'vscode-languageserver-types';
import type { Checklist } from '../checklist/model';
import type { EvidenceTarget } from '../evidence/targets';
import type { OnlineEvidenceTarget } from '../online/locations';
import type { ReleaseDescription } from '../aibom/release';
import type { VerdictState } from '../../protocol';
import type { CodeDoc } from '../diagnostics/codes';
import type { ServiceSettings } from '../settings';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedYamlDocument, ParseOptions, YamlParse } from '../yaml/parse';

/** What a format answers before anything is parsed. */
export type Claim =
  /** Certainly this format (by file name or language id). */
  | 'yes'
  /** Possibly: parse the text and ask `confirm`. Must be cheap and may over-claim, never under-claim. */
  | 'maybe'
  | 'no';

export interface RecognitionInput {
  uri: string;
  languageId: string;
  text: string;
}

/** A parsed document and the format that owns it. */
export interface ParsedDocument extends ParsedYamlDocument {
  readonly format: DocumentFormat;
  /** The format's id (`format.id`), as shown in `osai-check --format json`. */
  readonly kind: string;
}

export interface CompletionOptions {
  /** The client accepts snippet syntax in completion items. */
  snippets: boolean;
}

export interface CodeActionRequest {
  /** The diagnostics the client sent for the range. */
  diagnostics: readonly Diagnostic[];
  /** All current diagnostics of the document (for "fix all" actions). */
  all: readonly Diagnostic[];
  /** The kinds the client asked for (LSP `CodeActionContext.only`); undefined means any. */
  only?: readonly string[];
}

/** One line per document for the command line (JSON `verdict`, the table's verdict column). */
export interface DocumentSummary {
  /** `state`: see `VerdictState`; the command line exits 1 when a file's verdict `fails`. */
  verdict: { meets: boolean; state: VerdictState; title: string };
  /** The table's verdict column. */
  headline: string;
  /** The table's class column, for formats that classify a release (the MOF class). */
  classification?: string;
  /** Format-specific fields of the JSON output (e.g. `mofClass`). */
  json?: Record<string, unknown>;
}

export interface DocumentFormat {
  /** Stable id: `osai`, `mof`, `none`, … (JSON output, checklist `kind`). */
  readonly id: string;
  /** For people: "OSAID manifest", "MOF model". */
  readonly label: string;
  /** The diagnostic codes this format adds to the shared ones, with their documentation. */
  readonly codes?: Readonly<Record<string, CodeDoc>>;
  recognise(input: RecognitionInput, settings: ServiceSettings): Claim;
  /** How the document is parsed (default: the whole text as YAML). Formats sharing a parser share its result. */
  parse?: (document: TextDocument, text: string, options: ParseOptions) => YamlParse;
  /** File names the folder walk of `osai-check` considers for this format (default: `.yaml`/`.yml`). */
  readonly fileNames?: RegExp;
  /** For a `maybe` claim: whether the parsed document really is this format. */
  confirm?(parse: YamlParse): boolean;
  validate(parsed: ParsedDocument, settings: ServiceSettings): Diagnostic[];
  hover(parsed: ParsedDocument, position: Position, settings: ServiceSettings): Hover | null;
  complete(parsed: ParsedDocument, position: Position, options: CompletionOptions): CompletionList;
  codeActions(parsed: ParsedDocument, request: CodeActionRequest): CodeAction[];
  symbols(parsed: ParsedDocument): DocumentSymbol[];
  codeLenses(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): CodeLens[];
  checklist(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): Checklist | undefined;
  summary(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): DocumentSummary | undefined;
  /** A new document of this format (every requirement, placeholders to fill in), if it has one. */
  newDocument?(): { languageId: string; text: string };
  /** An OSAID manifest pre-filled with what this document states (model cards), if the format makes one. */
  toManifest?(parsed: ParsedDocument): string | undefined;
  /** The components whose location and license the release's own files can confirm (evidence/). */
  evidenceTargets?(parsed: ParsedDocument, settings: ServiceSettings): EvidenceTarget[];
  /**
   * The release as a bill of materials sees it (aibom/), for a format that states one; a format with `toManifest` is
   * described through the manifest it makes.
   */
  describeRelease?(parsed: ParsedDocument): ReleaseDescription | undefined;
  /** The components whose location a host can confirm: a URL, a Hub id (online/; only when the user turns it on). */
  onlineTargets?(parsed: ParsedDocument, settings: ServiceSettings): OnlineEvidenceTarget[];
}

export const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };
