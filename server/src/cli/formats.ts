/**
 * The output formats of `osai-check`: text, table, json, sarif and github. Pure functions of
 * the run's results.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Checklist, CodeDoc, DocumentSummary, EvidenceDescription, OnlineDescription } from '../service';
import type { DiagnosticData } from '../service/diagnostics/codes';
import { buildSarif, severityName } from '../service/output/sarif';
import type { Format } from './args';
import type { ChecklistEvidence } from '../protocol';

export interface FileResult {
  /** As shown in text output: relative to the working directory. */
  file: string;
  /** Relative to the working directory with `/` separators, or an absolute `file:` URI outside it. */
  portable: string;
  /** The format's id (`osai`, `mof`, `none`, …) and its name for people. */
  kind: string;
  kindLabel: string;
  /** Whether a format claimed the file (otherwise it was skipped). */
  recognised: boolean;
  /** Every finding. */
  diagnostics: Diagnostic[];
  /** The findings to report (`--quiet`: errors only). */
  reported: Diagnostic[];
  summary?: DocumentSummary;
  checklist?: Checklist;
  /** Claimed by a format, but its YAML could not be read: the error that says why (the file is not checked). */
  unreadable?: Diagnostic;
  /**
   * What the release's own files show for its local components (unless `--no-evidence`); its root relative to the
   * working directory.
   */
  evidence?: EvidenceDescription;
  /** What the hosts its locations name answered (`--online`). */
  online?: OnlineDescription[];
  /** `--format cyclonedx` or `spdx3`: the document as an AI-BOM (undefined when its format describes no release). */
  bom?: Record<string, unknown>;
}

export interface RunInfo {
  version: string;
  /** What each diagnostic code means (SARIF rules). */
  codeDocs: Readonly<Record<string, CodeDoc>>;
  /** `file:` URI of the working directory, ending in `/`. */
  rootUri: string;
}

export function count(diagnostics: readonly Diagnostic[], severity: DiagnosticSeverity): number {
  return diagnostics.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === severity).length;
}

export function formatResults(format: Format, results: readonly FileResult[], info: RunInfo): string {
  switch (format) {
    case 'text':
      return text(results);
    case 'table':
      return table(results);
    case 'json':
      return JSON.stringify(json(results, info), null, 2);
    case 'cyclonedx':
    case 'spdx3':
      // One BOM: the command line checks that one file was named.
      return results[0]?.bom ? JSON.stringify(results[0].bom, null, 2) : '';
    case 'sarif':
      return JSON.stringify(
        buildSarif(
          results.map((r) => ({ file: r.portable, diagnostics: r.reported })),
          { version: info.version, rootUri: info.rootUri, codeDocs: info.codeDocs },
        ),
        null,
        2,
      );
    case 'github':
      return github(results);
  }
}

// --- text: file:line:col severity code message ------------------------------------------

function text(results: readonly FileResult[]): string {
  return results
    .flatMap((r) =>
      r.reported.map(
        (d) =>
          `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d.severity)} ` +
          `${d.code} ${d.message}`,
      ),
    )
    .join('\n');
}

// --- table: one row per file -------------------------------------------------------------

function table(results: readonly FileResult[]): string {
  const header = ['file', 'kind', 'verdict', 'class', 'errors', 'warnings'];
  const rows = results.map((r) => [
    r.file,
    r.kindLabel,
    r.summary?.headline ?? '-',
    r.summary?.classification ?? '-',
    String(count(r.diagnostics, DiagnosticSeverity.Error)),
    String(count(r.diagnostics, DiagnosticSeverity.Warning)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// --- json --------------------------------------------------------------------------------

/** `--format json`: documented in docs/command-line.md ("Formats"); keep it stable. */
export interface JsonOutput {
  tool: { name: 'osai-check'; version: string };
  files: JsonFile[];
  summary: { files: number; errors: number; warnings: number; infos: number; meets: number };
}

export interface JsonFile {
  file: string;
  kind: string;
  verdict: { meets: boolean; state: 'meets' | 'fails' | 'incomplete'; title: string } | null;
  /** MOF model files: the class, its title and MOT's progress per class. */
  mofClass?: { class: 1 | 2 | 3 | null; title: string; progress: { 1: number; 2: number; 3: number } };
  errors: number;
  warnings: number;
  infos: number;
  diagnostics: JsonDiagnostic[];
  /** The OSAID checklist: the same items and statuses as the editor's tree view; null for files no format claims. */
  checklist: JsonChecklistGroup[] | null;
  /**
   * What the release's own files show for each local component; null with `--no-evidence` or when the file names none.
   */
  evidence: EvidenceDescription | null;
  /** What the hosts each location names answered; null without `--online`. */
  online: OnlineDescription[] | null;
}

export interface JsonChecklistGroup {
  id: string;
  title: string;
  items: Array<{
    id: string;
    title: string;
    level: 'required' | 'recommended';
    status: string;
    detail: string;
    line: number;
    evidence?: ChecklistEvidence;
  }>;
}

export interface JsonDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  message: string;
  path: string | null;
}

function json(results: readonly FileResult[], info: RunInfo): JsonOutput {
  const files = results.map((r): JsonFile => ({
    file: r.file,
    kind: r.kind,
    verdict: r.summary?.verdict ?? null,
    ...r.summary?.json,
    errors: count(r.diagnostics, DiagnosticSeverity.Error),
    warnings: count(r.diagnostics, DiagnosticSeverity.Warning),
    infos: count(r.diagnostics, DiagnosticSeverity.Information),
    diagnostics: r.reported.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: severityName(d.severity),
      code: String(d.code),
      message: d.message,
      path: (d.data as DiagnosticData | undefined)?.path ?? null,
    })),
    checklist: r.checklist
      ? r.checklist.groups.map((g) => ({
          id: g.id,
          title: g.title,
          items: g.items.map((i) => ({
            id: i.id,
            title: i.title,
            level: i.level,
            status: i.status,
            detail: i.detail,
            line: i.range.start.line + 1,
            ...(i.evidence ? { evidence: i.evidence } : {}),
          })),
        }))
      : null,
    evidence: r.evidence ?? null,
    online: r.online ?? null,
  }));
  const sum = (key: 'errors' | 'warnings' | 'infos') => files.reduce((n, f) => n + f[key], 0);
  return {
    tool: { name: 'osai-check', version: info.version },
    files,
    summary: {
      files: files.length,
      errors: sum('errors'),
      warnings: sum('warnings'),
      infos: sum('infos'),
      meets: files.filter((f) => f.verdict?.meets).length,
    },
  };
}

// --- github: workflow commands -------------------------------------------------------------

/** A workflow command's message: `%`, CR and LF escaped. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function github(results: readonly FileResult[]): string {
  return results
    .flatMap((r) =>
      r.reported.map((d) => {
        const severity = severityName(d.severity);
        const command = severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
        const properties: Array<[string, string | number]> = [
          ['file', r.portable.startsWith('file:') ? r.file : r.portable],
          ['line', d.range.start.line + 1],
          ['col', d.range.start.character + 1],
          ['endLine', d.range.end.line + 1],
          ['endColumn', d.range.end.character + 1],
          ['title', String(d.code)],
        ];
        return (
          `::${command} ` +
          `${properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::` +
          `${escapeData(d.message)}`
        );
      }),
    )
    .join('\n');
}
