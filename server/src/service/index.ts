/**
 * The language service: pure functions over a text document, no LSP connection, no I/O.
 * The server, the CLI and the tests all use this one entry point. Each document is parsed
 * once by the format that claims it (formats/registry.ts); every feature then asks that
 * format, so nothing here knows which formats exist.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Position,
} from 'vscode-languageserver-types';
import type { Checklist } from './checklist/model';
import type {
  CodeActionRequest,
  CompletionOptions,
  DocumentFormat,
  DocumentSummary,
  ParsedDocument,
} from './formats/format';
import {
  claimsByName,
  codeDocs,
  DEFAULT_FORMATS,
  mayClaimFile,
  parseWithFormat,
  RecogniseOptions,
} from './formats/registry';
import type { CodeDoc } from './diagnostics/codes';
import { renderReport, ReportEntry, ReportFormat, ReportOptions } from './report';
import { defaultSettings, ServiceSettings } from './settings';
import { Codes, DIAGNOSTIC_SOURCE } from './diagnostics/codes';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { editsWithinLines } from './edits/actions';
import { inDocumentOrder } from './yaml/spans';
import { hasSyntaxErrors } from './yaml/parse';
import { treatAsOpenFor, type TreatAsOpenRefusal } from './licenses/treatAsOpen';
import { collectEvidence, evidenceKey, reuseEvidence, type Evidence, type EvidenceCache } from './evidence/collect';
export { evidenceConcerns, sameEvidence } from './evidence/collect';
import { completePath, locationAt } from './evidence/completion';
import { describeEvidence, type ComponentEvidence } from './evidence/describe';
import { evidenceDiagnostics } from './evidence/diagnostics';
import {
  checklistWithEvidence,
  evidenceCodeActions,
  hoverWithEvidence,
  isEvidenceDiagnostic,
} from './evidence/features';
import { runAsync, runSync, type EvidenceHost } from './evidence/host';
import type { EvidenceTarget } from './evidence/targets';
import { shorten } from './text/text';
import type { OnlineClient } from './online/client';
import { collectOnline, onlineKey, reuseOnline, type OnlineEvidence } from './online/collect';
import { onlineDiagnostics } from './online/diagnostics';
import { onlineHoverMarkdown } from './online/hover';
import { checklistWithOnline } from './online/checklist';
import { withConcludedLicenses } from './aibom/concluded';
import { toCycloneDx, type CycloneDxOptions } from './aibom/cyclonedx';
import type { ReleaseDescription } from './aibom/release';
import { toSpdx3, type Spdx3Options } from './aibom/spdx3';
import { describeOnline, type OnlineDescription } from './online/describe';
import type { OnlineEvidenceTarget } from './online/locations';
export { sameOnline } from './online/collect';

/** The most diagnostics a document gets; one `size/too-many` then says how many more there were. */
export const MAX_DIAGNOSTICS = 500;

/**
 * The first `MAX_DIAGNOSTICS` diagnostics in document order, and one final `size/too-many`
 * saying how many more were found: a flood (100,000 list items) must not make megabytes of
 * diagnostics. Here, once, so the server and the command line agree.
 */
export function capDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  // Errors first, so that a flood of warnings never hides an error from the verdict and the
  // checklist; within a severity, in document order.
  const rank = (d: Diagnostic): number => d.severity ?? DiagnosticSeverity.Error;
  const kept = diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || inDocumentOrder(a.d, b.d) || a.i - b.i)
    .slice(0, MAX_DIAGNOSTICS)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.d);
  const more = diagnostics.length - MAX_DIAGNOSTICS;
  const last = kept.reduce((a, d) => (inDocumentOrder(a, d) >= 0 ? a : d), kept[0]);
  kept.push({
    range: { start: last.range.start, end: last.range.start },
    severity: DiagnosticSeverity.Information,
    code: Codes.tooMany,
    source: DIAGNOSTIC_SOURCE,
    message:
      `${more.toLocaleString('en-US')} more ` +
      `${more === 1 ? 'finding was' : 'findings were'} not shown: only ` +
      `${MAX_DIAGNOSTICS} of ${diagnostics.length.toLocaleString('en-US')}` +
      ` are reported. Fix these and check again.`,
    data: { path: '' },
  });
  return kept;
}

/** Where the evidence is read from, and what bounds the search for the repository root. */
export interface EvidenceOptions {
  /** The workspace folders (or the folder given to the command line), as URIs. */
  roots?: readonly string[];
  /** What was read before, kept by the host between collections. */
  cache?: EvidenceCache;
}

export interface LanguageService {
  configure(settings: Partial<ServiceSettings>): void;
  parse(document: TextDocument, options?: RecogniseOptions): ParsedDocument;
  /**
   * The document's findings; with `evidence`, also what the release's own files show (location/, evidence/ codes); with
   * `online`, what the hosts its locations name answered (online/ codes, and location/ and evidence/ ones).
   */
  doValidation(parsed: ParsedDocument, evidence?: Evidence, online?: OnlineEvidence): Diagnostic[];
  /** Whether the document has locations a host can be asked about. */
  hasOnlineTargets(parsed: ParsedDocument): boolean;
  /** Asks the hosts the document's locations name, through `client` (online checks, when the user turns them on). */
  collectOnline(
    parsed: ParsedDocument,
    client: OnlineClient,
    signal?: AbortSignal,
  ): Promise<OnlineEvidence | undefined>;
  /** What the online evidence depends on in the text: while it is the same, an earlier collection still holds. */
  onlineKey(parsed: ParsedDocument): string;
  /** An earlier collection for this version's online locations (with their new ranges). */
  reuseOnline(parsed: ParsedDocument, previous: OnlineEvidence | undefined): OnlineEvidence | undefined;
  /**
   * What the release's own files show for the document's local components, read through `host` (undefined: nothing to
   * look at).
   */
  collectEvidence(parsed: ParsedDocument, host: EvidenceHost, options?: EvidenceOptions): Promise<Evidence | undefined>;
  /** The same, from a host that answers at once (the command line's file system). */
  collectEvidenceSync(parsed: ParsedDocument, host: EvidenceHost, options?: EvidenceOptions): Evidence | undefined;
  /** What the document's evidence depends on in its text: while it is the same, an earlier collection still holds. */
  evidenceKey(parsed: ParsedDocument): string;
  /**
   * An earlier version's evidence for this version's components (with their new ranges): what holds until a new
   * collection.
   */
  reuseEvidence(parsed: ParsedDocument, previous: Evidence | undefined): Evidence | undefined;
  /** The evidence as plain data (the command line's JSON): per component, what was found and how sure. */
  describeEvidence(evidence: Evidence): EvidenceDescription;
  /** What the hosts answered, as plain data (the command line's JSON): per location. */
  describeOnline(parsed: ParsedDocument, online: OnlineEvidence): OnlineDescription[];
  doHover(parsed: ParsedDocument, position: Position, evidence?: Evidence, online?: OnlineEvidence): Hover | null;
  doComplete(parsed: ParsedDocument, position: Position, options?: Partial<CompletionOptions>): CompletionList;
  /**
   * The real paths to complete when `position` is in a location that is a path (undefined elsewhere), read through
   * `host`.
   */
  completePaths(
    parsed: ParsedDocument,
    position: Position,
    host: EvidenceHost,
    options?: EvidenceOptions,
  ): Promise<CompletionList | undefined>;
  getCodeActions(
    parsed: ParsedDocument,
    diagnostics: readonly Diagnostic[],
    all: readonly Diagnostic[],
    only?: readonly string[],
  ): CodeAction[];
  findDocumentSymbols(parsed: ParsedDocument): DocumentSymbol[];
  getCodeLenses(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): CodeLens[];
  /** The OSAID checklist (tree view, status bar, report); undefined for documents no format claims. */
  getChecklist(
    parsed: ParsedDocument,
    diagnostics: readonly Diagnostic[],
    evidence?: Evidence,
    online?: OnlineEvidence,
  ): Checklist | undefined;
  /**
   * The document as a CycloneDX ML-BOM (aibom/cyclonedx.ts), with its checklist; undefined when its format describes
   * no release.
   */
  exportCycloneDx(
    parsed: ParsedDocument,
    diagnostics: readonly Diagnostic[],
    options: CycloneDxOptions,
    evidence?: Evidence,
    online?: OnlineEvidence,
  ): Record<string, unknown> | undefined;
  /**
   * The document as an SPDX 3.0.1 JSON-LD document with the AI and Dataset profiles (aibom/spdx3.ts), with its
   * checklist as annotations; undefined when its format describes no release.
   */
  exportSpdx3(
    parsed: ParsedDocument,
    diagnostics: readonly Diagnostic[],
    options: Spdx3Options,
    evidence?: Evidence,
    online?: OnlineEvidence,
  ): Record<string, unknown> | undefined;
  /** The one-line verdict for the command line; undefined for documents no format claims. */
  summarize(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): DocumentSummary | undefined;
  /** The compliance report of checked documents (Markdown or self-contained HTML). */
  renderReport(entries: readonly ReportEntry[], format: ReportFormat, options?: ReportOptions): string;
  /** The text of a new document of a format that offers one (the OSAID manifest by default). */
  newDocument(formatId?: string): { languageId: string; text: string } | undefined;
  /** An OSAID manifest pre-filled with what the document states (model cards); undefined when its format makes none. */
  toManifest(parsed: ParsedDocument): string | undefined;
  /** Whether a file found in a folder may be one of the formats (by name, or a look at its text). */
  mayClaimFile(uri: string, readText: () => string): boolean;
  /** Whether a format claims a file by its name alone (`osai.yaml`), whatever its text. */
  claimsByName(uri: string): boolean;
  /** What each diagnostic code means (SARIF rules; the table of docs/diagnostic-codes.md). */
  codeDocs(): Readonly<Record<string, CodeDoc>>;
  /**
   * Entries of the current settings that do not take effect, each with why: a treat-as-open
   * entry the built-in knowledge already judges (`CC-BY-NC-4.0`: known not to be open; `MIT`:
   * already open). The editor warns about them; the command line refuses them.
   */
  settingsProblems(): SettingsProblem[];
}

export interface EvidenceDescription {
  /** The repository root (a URI). */
  root: string;
  components: ComponentEvidence[];
}

export interface SettingsProblem {
  setting: 'treatAsOpen';
  entry: string;
  /** `already-open` changes nothing; the others ask for something the setting may not do. */
  refusal: TreatAsOpenRefusal;
  message: string;
}

export interface LanguageServiceOptions {
  /** The formats to recognise, in order (default: every built-in format). */
  formats?: readonly DocumentFormat[];
}

export function getLanguageService(
  initial: Partial<ServiceSettings> = {},
  options: LanguageServiceOptions = {},
): LanguageService {
  let settings: ServiceSettings = { ...defaultSettings, ...initial };
  const formats = options.formats ?? DEFAULT_FORMATS;
  /** Each parse's evidence targets, under the settings they were made with. */
  const targetCache = new WeakMap<ParsedDocument, { settings: ServiceSettings; targets: EvidenceTarget[] }>();
  const targetsOf = (parsed: ParsedDocument): EvidenceTarget[] => {
    const cached = targetCache.get(parsed);
    if (cached?.settings === settings) return cached.targets;
    const targets = parsed.format.evidenceTargets?.(parsed, settings) ?? [];
    targetCache.set(parsed, { settings, targets });
    return targets;
  };
  /** The release a document states: its format's description, or that of the manifest it makes (a card). */
  const describeRelease = (parsed: ParsedDocument): ReleaseDescription | undefined => {
    if (parsed.value === undefined) return undefined;
    const own = parsed.format.describeRelease?.(parsed);
    if (own) return own;
    const manifest = parsed.format.toManifest?.(parsed);
    if (manifest === undefined) return undefined;
    const asManifest = parseWithFormat(
      formats,
      TextDocument.create(`${parsed.document.uri}.osai.yaml`, 'osai-manifest', 1, manifest),
      settings,
    );
    return asManifest.format.describeRelease?.(asManifest);
  };
  const onlineCache = new WeakMap<ParsedDocument, { settings: ServiceSettings; targets: OnlineEvidenceTarget[] }>();
  const onlineTargetsOf = (parsed: ParsedDocument): OnlineEvidenceTarget[] => {
    const cached = onlineCache.get(parsed);
    if (cached?.settings === settings) return cached.targets;
    const targets = parsed.value === undefined ? [] : (parsed.format.onlineTargets?.(parsed, settings) ?? []);
    onlineCache.set(parsed, { settings, targets });
    return targets;
  };
  return {
    configure(next) {
      settings = { ...settings, ...next };
    },
    parse: (document, recognise) => parseWithFormat(formats, document, settings, recognise),
    doValidation: (parsed, evidence, online) => {
      const local = evidence && settings.evidence ? evidenceDiagnostics(parsed, evidence, settings.treatAsOpen) : [];
      const hosts = online ? onlineDiagnostics(parsed, online, settings.treatAsOpen) : [];
      const own = parsed.format.validate(parsed, settings);
      return capDiagnostics(local.length || hosts.length ? [...own, ...local, ...hosts].sort(inDocumentOrder) : own);
    },
    hasOnlineTargets: (parsed) => onlineTargetsOf(parsed).length > 0,
    collectOnline: async (parsed, client, signal) => {
      const targets = onlineTargetsOf(parsed);
      return targets.length ? collectOnline(targets, client, signal) : undefined;
    },
    onlineKey: (parsed) => onlineKey(onlineTargetsOf(parsed)),
    reuseOnline: (parsed, previous) => (previous ? reuseOnline(previous, onlineTargetsOf(parsed)) : undefined),
    collectEvidence: async (parsed, host, options = {}) => {
      const targets = targetsOf(parsed);
      return targets.length
        ? runAsync(collectEvidence(parsed.document.uri, targets, options.roots ?? [], options.cache), host)
        : undefined;
    },
    collectEvidenceSync: (parsed, host, options = {}) => {
      const targets = targetsOf(parsed);
      return targets.length
        ? runSync(collectEvidence(parsed.document.uri, targets, options.roots ?? [], options.cache), host)
        : undefined;
    },
    evidenceKey: (parsed) => evidenceKey(targetsOf(parsed)),
    reuseEvidence: (parsed, previous) => (previous ? reuseEvidence(previous, targetsOf(parsed)) : undefined),
    describeEvidence: (evidence) => describeEvidence(evidence, settings.treatAsOpen),
    describeOnline: (parsed, online) => describeOnline(online, (offset) => parsed.document.positionAt(offset).line),
    doHover: (parsed, position, evidence, online) => {
      const offset = parsed.document.offsetAt(position);
      const base = hoverWithEvidence(
        parsed.document,
        parsed.format.hover(parsed, position, settings),
        offset,
        evidence,
        settings.treatAsOpen,
      );
      const item = online?.items.find(
        (i) => i.target.location.span[0] <= offset && offset <= i.target.location.span[1],
      );
      if (!item || !online) return base;
      const section = onlineHoverMarkdown(item, online);
      const before = base && typeof base.contents === 'object' && 'value' in base.contents ? base.contents.value : '';
      const span = item.target.location.span;
      return {
        contents: { kind: 'markdown', value: before ? `${before}\n\n---\n\n${section}` : section },
        range: base?.range ?? { start: parsed.document.positionAt(span[0]), end: parsed.document.positionAt(span[1]) },
      };
    },
    doComplete: (parsed, position, completion) =>
      parsed.format.complete(parsed, position, { snippets: false, ...completion }),
    completePaths: async (parsed, position, host, options = {}) => {
      const offset = parsed.document.offsetAt(position);
      const target = locationAt(targetsOf(parsed), offset);
      return target ? runAsync(completePath(parsed.document, target, offset, options.roots ?? []), host) : undefined;
    },
    getCodeActions: (parsed, diagnostics, all, only) => {
      const own = diagnostics.filter((d) => !isEvidenceDiagnostic(d));
      const actions = [
        ...parsed.format.codeActions(parsed, { diagnostics: own, all, only } satisfies CodeActionRequest),
        ...evidenceCodeActions(parsed.document.uri, diagnostics.filter(isEvidenceDiagnostic), only),
      ];
      return hasSyntaxErrors(parsed) ? actions.filter((a) => editsWithinLines(a, parsed.document)) : actions;
    },
    findDocumentSymbols: (parsed) => parsed.format.symbols(parsed),
    getCodeLenses: (parsed, diagnostics) => parsed.format.codeLenses(parsed, diagnostics),
    getChecklist: (parsed, diagnostics, evidence, online) => {
      const checklist = parsed.format.checklist(parsed, diagnostics);
      return (
        checklist &&
        checklistWithOnline(
          checklistWithEvidence(checklist, evidence, settings.treatAsOpen),
          online,
          settings.treatAsOpen,
        )
      );
    },
    summarize: (parsed, diagnostics) => parsed.format.summary(parsed, diagnostics),
    exportCycloneDx(parsed, diagnostics, exportOptions, evidence, online) {
      const release = describeRelease(parsed);
      if (!release) return undefined;
      const checklist = this.getChecklist(parsed, diagnostics, evidence, online);
      return toCycloneDx(
        withConcludedLicenses(release, evidence, online, settings.treatAsOpen),
        checklist,
        exportOptions,
      );
    },
    exportSpdx3(parsed, diagnostics, exportOptions, evidence, online) {
      const release = describeRelease(parsed);
      if (!release) return undefined;
      const checklist = this.getChecklist(parsed, diagnostics, evidence, online);
      return toSpdx3(withConcludedLicenses(release, evidence, online, settings.treatAsOpen), checklist, exportOptions);
    },
    renderReport: (entries, format, reportOptions) => renderReport(entries, format, reportOptions),
    newDocument: (formatId) =>
      formats.find((f) => (formatId === undefined || f.id === formatId) && f.newDocument)?.newDocument?.(),
    toManifest: (parsed) => parsed.format.toManifest?.(parsed),
    mayClaimFile: (uri, readText) => mayClaimFile(formats, uri, readText, settings),
    claimsByName: (uri) => claimsByName(formats, uri, settings),
    codeDocs: () => codeDocs(formats),
    settingsProblems: () =>
      treatAsOpenFor(settings.treatAsOpen).judgments.flatMap((j) =>
        j.accepted
          ? []
          : [{ setting: 'treatAsOpen' as const, entry: shorten(j.entry), refusal: j.refusal, message: j.message }],
      ),
  };
}

export { Codes, DIAGNOSTIC_SOURCE } from './diagnostics/codes';
export type { CodeDoc, DiagnosticData } from './diagnostics/codes';
export type {
  CodeActionRequest,
  CompletionOptions,
  DocumentFormat,
  DocumentSummary,
  ParsedDocument,
} from './formats/format';
export type { ServiceSettings } from './settings';
export type { Evidence, EvidenceCache, FoundLicense, TargetEvidence } from './evidence/collect';
export type { OnlineEvidence, OnlineItem } from './online/collect';
export type { OnlineDescription } from './online/describe';
export { CYCLONEDX_VERSIONS, type CycloneDxOptions, type CycloneDxVersion } from './aibom/cyclonedx';
export { type Spdx3Options } from './aibom/spdx3';
export { OnlineClient, onlineConfigFromEnv, type OnlineConfig } from './online/client';
export type { OnlineFetcher, OnlineCacheStore, FetchOutcome, FetchOptions } from './online/fetcher';
export type { EvidenceHost, FileStat } from './evidence/host';
export type { ComponentEvidence, EvidenceMatch } from './evidence/describe';
export type { Checklist, ChecklistGroup, ChecklistItem, ChecklistStatus } from './checklist/model';
export type { ReportEntry, ReportFormat, ReportOptions } from './report';
export { ReportParamsError } from './report';
