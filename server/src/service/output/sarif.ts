/**
 * SARIF 2.1.0 for the findings of a run (`osai-check --format sarif`), so code-scanning UIs
 * (GitHub, Azure DevOps, VS Code's SARIF viewer) show them with their documentation. Pure:
 * no I/O; the caller gives each file's display path and diagnostics.
 *
 * One run; `tool.driver.rules` has one rule per diagnostic code used, whose `help.markdown`
 * carries the code's meaning (docs/diagnostic-codes.md's table, the service's `codeDocs()`) and the requirement docs of
 * every requirement the run's findings concern (the requirements table's `markdownDoc`).
 */
import type * as Sarif from 'sarif';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { CodeDoc, DiagnosticData, Severity } from '../diagnostics/codes';
import { requirementFor, requirements } from '../osaid/requirements';
import { markdownDoc } from '../osaid/docs';

/** The SARIF `$schema` (OASIS SARIF 2.1.0, errata 01). */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** What `tool.driver.informationUri` and rules without a requirement link to. */
export const OSAID_URI = 'https://opensource.org/ai/open-source-ai-definition';
/** Artifact URIs are relative to this base (the directory the tool ran in). */
export const SRCROOT = '%SRCROOT%';

export interface SarifFileInput {
  /**
   * The file as shown to the user: a path relative to the run's root with `/` separators,
   * or an absolute `file:` URI for files outside it.
   */
  file: string;
  diagnostics: readonly Diagnostic[];
}

export interface SarifOptions {
  /** The tool's version (`tool.driver.version`). */
  version: string;
  /** The absolute `file:` URI of the run's root directory, ending in `/` (`originalUriBaseIds`). */
  rootUri?: string;
  /** What each diagnostic code means (the service's `codeDocs()`). */
  codeDocs: Readonly<Record<string, CodeDoc>>;
}

export function severityName(severity: DiagnosticSeverity | undefined): Severity | 'hint' {
  switch (severity ?? DiagnosticSeverity.Error) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'info';
    default:
      return 'hint';
  }
}

function level(severity: DiagnosticSeverity | undefined): Sarif.Result.level {
  const name = severityName(severity);
  return name === 'error' ? 'error' : name === 'warning' ? 'warning' : 'note';
}

/** Markdown without its inline markup, for SARIF's plain-text fields. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)');
}

/** `osaid/missing` → `OsaidMissing` (SARIF's `reportingDescriptor.name`). */
function ruleName(code: string): string {
  return code
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** Relative paths become percent-encoded URI references; `file:` URIs stay as they are. */
export function artifactUri(file: string): string {
  if (/^file:\/\//.test(file)) return file;
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function requirementIds(diagnostics: readonly Diagnostic[]): string[] {
  const ids = new Set(
    diagnostics
      .map((d) => (d.data as DiagnosticData | undefined)?.requirement)
      .filter((r): r is string => !!r && !!requirementFor(r)),
  );
  // In the requirements table's order, so the help reads in the manifest's order (docs/manifest-format.md).
  return requirements.map((r) => r.path).filter((p) => ids.has(p));
}

function rule(
  code: string,
  diagnostics: readonly Diagnostic[],
  codeDocs: SarifOptions['codeDocs'],
): Sarif.ReportingDescriptor {
  const doc = codeDocs[code];
  const meaning = doc?.meaning ?? code;
  const sentence = meaning[0].toUpperCase() + meaning.slice(1) + '.';
  const reqs = requirementIds(diagnostics);
  const markdown = [`**\`${code}\`** (${doc?.severity ?? 'error'}): ${sentence}`];
  if (doc?.fix) markdown.push(`Quick fix in the editor: ${doc.fix}.`);
  if (reqs.length > 0) {
    markdown.push(`### ${reqs.length === 1 ? 'The requirement' : 'Requirements'} concerned`);
    for (const id of reqs) markdown.push(markdownDoc(requirementFor(id)!));
  }
  const firstSource = reqs.length > 0 ? requirementFor(reqs[0])!.source : OSAID_URI;
  return {
    id: code,
    name: ruleName(code),
    shortDescription: { text: plainText(sentence) },
    fullDescription: { text: plainText(doc?.fix ? `${sentence} Quick fix in the editor: ${doc.fix}.` : sentence) },
    help: {
      text: plainText(
        [sentence, ...reqs.map((id) => `${requirementFor(id)!.title}: ${requirementFor(id)!.summary}`)].join('\n'),
      ),
      markdown: markdown.join('\n\n'),
    },
    helpUri: firstSource,
    defaultConfiguration: {
      level: level(
        doc?.severity === 'warning'
          ? DiagnosticSeverity.Warning
          : doc?.severity === 'info'
            ? DiagnosticSeverity.Information
            : DiagnosticSeverity.Error,
      ),
    },
    properties: { tags: [code.split('/')[0]] },
  };
}

/** The SARIF log of a run: one run, its rules, one result per diagnostic. */
export function buildSarif(files: readonly SarifFileInput[], options: SarifOptions): Sarif.Log {
  const all = files.flatMap((f) => f.diagnostics);
  const codes = [...new Set(all.map((d) => String(d.code)))].sort();
  const rules = codes.map((code) =>
    rule(
      code,
      all.filter((d) => String(d.code) === code),
      options.codeDocs,
    ),
  );
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));

  const artifacts: Sarif.Artifact[] = [];
  const results: Sarif.Result[] = [];
  files.forEach((f, index) => {
    const local = !/^file:\/\//.test(f.file);
    const location: Sarif.ArtifactLocation = local ? { uri: artifactUri(f.file), uriBaseId: SRCROOT } : { uri: f.file };
    artifacts.push({ location, sourceLanguage: 'yaml' });
    const seen = new Map<string, number>();
    for (const d of f.diagnostics) {
      const code = String(d.code);
      const data = d.data as DiagnosticData | undefined;
      // Stable across edits that move lines: the code, the manifest path, the requirement.
      const key = `${code}|${data?.path ?? ''}|${data?.requirement ?? ''}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      results.push({
        ruleId: code,
        ruleIndex: ruleIndex.get(code)!,
        level: level(d.severity),
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...location, index },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
        partialFingerprints: { 'osaiFinding/v1': n === 0 ? key : `${key}|${n}` },
        ...(data?.path
          ? { properties: { path: data.path, ...(data.requirement ? { requirement: data.requirement } : {}) } }
          : {}),
      });
    }
  });

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'osai-check',
        fullName: 'osai-check (Open Source AI Definition 1.0 and Model Openness Framework checks)',
        version: options.version,
        semanticVersion: options.version,
        informationUri: OSAID_URI,
        rules,
      },
    },
    ...(options.rootUri ? { originalUriBaseIds: { [SRCROOT]: { uri: options.rootUri } } } : {}),
    artifacts,
    results,
    columnKind: 'utf16CodeUnits',
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}
