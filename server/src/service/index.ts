/**
 * The OSAID manifest language service: pure functions over a text document, no LSP
 * connection, no I/O. The server, the CLI and the tests all use this one entry point.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, CompletionList, Diagnostic, DocumentSymbol, Hover, Position } from 'vscode-languageserver-types';
import { getCodeActions } from './codeActions';
import { getCodeLenses, verdict, Verdict } from './codeLens';
import { CompletionOptions, doComplete } from './completion';
import { doHover } from './hover';
import { parseManifest, ParsedManifest } from './parse';
import { defaultSettings, ServiceSettings } from './settings';
import { findDocumentSymbols } from './symbols';
import { validate } from './validate';

export interface LanguageService {
  configure(settings: Partial<ServiceSettings>): void;
  parse(document: TextDocument): ParsedManifest;
  doValidation(parsed: ParsedManifest): Diagnostic[];
  doHover(parsed: ParsedManifest, position: Position): Hover | null;
  doComplete(parsed: ParsedManifest, position: Position, options?: Partial<CompletionOptions>): CompletionList;
  getCodeActions(parsed: ParsedManifest, diagnostics: readonly Diagnostic[], all: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  findDocumentSymbols(parsed: ParsedManifest): DocumentSymbol[];
  getCodeLenses(diagnostics: readonly Diagnostic[]): CodeLens[];
  verdict(diagnostics: readonly Diagnostic[]): Verdict;
}

export function getLanguageService(initial: Partial<ServiceSettings> = {}): LanguageService {
  let settings: ServiceSettings = { ...defaultSettings, ...initial };
  return {
    configure(next) { settings = { ...settings, ...next }; },
    parse: (document) => parseManifest(document, { maxFileSize: settings.maxFileSize }),
    doValidation: (parsed) => validate(parsed, settings),
    doHover: (parsed, position) => doHover(parsed, position, settings),
    doComplete: (parsed, position, options) => doComplete(parsed, position, { snippets: false, ...options }),
    getCodeActions,
    findDocumentSymbols,
    getCodeLenses,
    verdict,
  };
}

export { Codes, DIAGNOSTIC_SOURCE } from './diagnosticCodes';
export type { DiagnosticData } from './diagnosticCodes';
export { ADD_ALL_TITLE } from './codeActions';
export { buildManifestSchema } from './schema';
export { requirements } from './requirements';
export type { ParsedManifest } from './parse';
export type { ServiceSettings } from './settings';
export type { Verdict } from './codeLens';
