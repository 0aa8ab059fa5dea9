/**
 * The OSAID manifest language service: pure functions over a text document, no LSP
 * connection, no I/O. The server, the CLI and the tests all use this one entry point.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, CompletionList, Diagnostic, DocumentSymbol, Hover, Position } from 'vscode-languageserver-types';
import { Checklist, getChecklist } from './formats/checklists';
import { getCodeActions } from './formats/manifest/codeActions';
import { Codes } from './diagnostics/codes';
import { getCodeLenses, verdict, Verdict } from './verdict/verdict';
import { CompletionOptions, doComplete } from './formats/manifest/completion';
import { doHover } from './formats/manifest/hover';
import { parseManifest, ParsedManifest } from './yaml/parse';
import { defaultSettings, ServiceSettings } from './settings';
import { findDocumentSymbols } from './formats/manifest/symbols';
import { validate } from './formats/manifest/validate';
import { evaluateMofClass, mofCodeActions, mofCodeLenses, mofCompletions, mofDiagnostics, mofHover, MofClassResult } from './formats/mof';

export interface LanguageService {
  configure(settings: Partial<ServiceSettings>): void;
  parse(document: TextDocument): ParsedManifest;
  doValidation(parsed: ParsedManifest): Diagnostic[];
  doHover(parsed: ParsedManifest, position: Position): Hover | null;
  doComplete(parsed: ParsedManifest, position: Position, options?: Partial<CompletionOptions>): CompletionList;
  getCodeActions(parsed: ParsedManifest, diagnostics: readonly Diagnostic[], all: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  findDocumentSymbols(parsed: ParsedManifest): DocumentSymbol[];
  getCodeLenses(parsed: ParsedManifest, diagnostics: readonly Diagnostic[]): CodeLens[];
  verdict(diagnostics: readonly Diagnostic[]): Verdict;
  /** The OSAID checklist (tree view, status bar, report); undefined for other documents. */
  getChecklist(parsed: ParsedManifest, diagnostics: readonly Diagnostic[]): Checklist | undefined;
  /** The MOF class of a MOF model file (undefined for other documents). */
  evaluateMofClass(parsed: ParsedManifest): MofClassResult | undefined;
}

const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };

/**
 * Every feature dispatches on the document's kind: OSAID manifests and MOF model files get
 * their own checks; any other YAML file gets nothing.
 */
export function getLanguageService(initial: Partial<ServiceSettings> = {}): LanguageService {
  let settings: ServiceSettings = { ...defaultSettings, ...initial };
  return {
    configure(next) { settings = { ...settings, ...next }; },
    parse: (document) => parseManifest(document, { maxFileSize: settings.maxFileSize }),
    doValidation: (parsed) => {
      if (parsed.kind === 'osai') return validate(parsed, settings);
      if (parsed.kind !== 'mof' || !settings.mof) return [];
      const diagnostics = mofDiagnostics(parsed);
      return settings.mofYamlSyntax || parsed.document.languageId !== 'yaml' ? diagnostics : diagnostics.filter((d) => d.code !== Codes.yamlSyntax);
    },
    doHover: (parsed, position) => {
      if (parsed.kind === 'osai') return doHover(parsed, position, settings);
      return parsed.kind === 'mof' && settings.mof ? mofHover(parsed, position) : null;
    },
    doComplete: (parsed, position, options) => {
      if (parsed.kind === 'osai') return doComplete(parsed, position, { snippets: false, ...options });
      return parsed.kind === 'mof' && settings.mof ? { isIncomplete: false, items: mofCompletions(parsed, position) } : EMPTY_COMPLETION;
    },
    getCodeActions: (parsed, diagnostics, all, only) => {
      if (parsed.kind === 'osai') return getCodeActions(parsed, diagnostics, all, only);
      return parsed.kind === 'mof' && settings.mof ? mofCodeActions(parsed, diagnostics, all) : [];
    },
    findDocumentSymbols: (parsed) => (parsed.kind === 'none' ? [] : findDocumentSymbols(parsed)),
    getCodeLenses: (parsed, diagnostics) => {
      if (parsed.kind === 'osai') return getCodeLenses(diagnostics);
      return parsed.kind === 'mof' && settings.mof ? mofCodeLenses(parsed) : [];
    },
    verdict,
    getChecklist: (parsed, diagnostics) => (parsed.kind === 'mof' && !settings.mof ? undefined : getChecklist(parsed, diagnostics)),
    evaluateMofClass: (parsed) => (parsed.kind === 'mof' ? evaluateMofClass(parsed) : undefined),
  };
}

export { Codes, DIAGNOSTIC_SOURCE } from './diagnostics/codes';
export type { DiagnosticData } from './diagnostics/codes';
export { ADD_ALL_TITLE } from './formats/manifest/codeActions';
export { buildManifestSchema } from './formats/manifest/schema';
export { requirements } from './osaid/requirements';
export type { ParsedManifest, DocumentKind } from './yaml/parse';
export type { MofClassResult } from './formats/mof';
export type { ServiceSettings } from './settings';
export type { Verdict } from './verdict/verdict';
export type { Checklist, ChecklistGroup, ChecklistItem, ChecklistStatus } from './formats/checklists';
