/**
 * `osai-check <files or folders>`: the language service on the command line, for CI.
 * Prints `file:line:col severity code message`; exits 1 when any error is found, 2 on a
 * usage or I/O error, 0 otherwise.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { DocumentKind, getLanguageService, LanguageService, ParsedManifest } from './service';
import { isManifestFileName } from './service/fileNames';
import { looksLikeMofText } from './service/mof';

const USAGE = `Usage: osai-check [options] <file or folder>...

Checks Open Source AI release manifests (osai.yaml, osai.yml, *.osai.yaml, *.osai.yml)
against the Open Source AI Definition 1.0, and Model Openness Framework model files (any
.yml/.yaml whose framework.name is "Model Openness Framework") against the MOF and OSAID.
Folders are searched recursively.

Options:
  --format text|table    text (default): one line per finding, file:line:col severity code message
                         table: one row per file with its verdict or MOF class
  --treat-as-open <id>   a LicenseRef-… id your organisation reviewed as open (repeatable)
  -h, --help             show this help
Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.`;

const SEVERITY: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const targets: string[] = [];
  const treatAsOpen: string[] = [];
  let format: 'text' | 'table' = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') { out(USAGE); return 0; }
    if (arg === '--treat-as-open') {
      const id = argv[++i];
      if (!id) { err('osai-check: --treat-as-open needs a license id'); return 2; }
      treatAsOpen.push(id);
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice('--format='.length) : argv[++i];
      if (value !== 'text' && value !== 'table') { err(`osai-check: --format must be text or table, not ${value ?? '(nothing)'}`); return 2; }
      format = value;
    } else if (arg.startsWith('-')) {
      err(`osai-check: unknown option ${arg}\n\n${USAGE}`); return 2;
    } else targets.push(arg);
  }
  if (targets.length === 0) { err(USAGE); return 2; }

  const files: string[] = [];
  for (const target of targets) {
    try {
      collect(resolve(target), files, true);
    } catch (error) {
      err(`osai-check: cannot read ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return 2;
    }
  }
  if (files.length === 0) {
    err(`osai-check: no manifests found in ${targets.join(', ')} (looked for osai.yaml, osai.yml, *.osai.yaml, *.osai.yml and MOF model files)`);
    return 2;
  }

  const service = getLanguageService({ treatAsOpen });
  let errors = 0;
  let warnings = 0;
  const rows: string[][] = [];
  for (const file of files) {
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (error) {
      err(`osai-check: cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`); return 2;
    }
    // Manifests are recognised by name, MOF files by content (as in the editor).
    const document = TextDocument.create(pathToFileURL(file).toString(), isManifestFileName(file) ? 'osai-manifest' : 'yaml', 1, text);
    const parsed = service.parse(document);
    const diagnostics = service.doValidation(parsed);
    const shown = relative(process.cwd(), file) || file;
    const fileErrors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    const fileWarnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
    errors += fileErrors;
    warnings += fileWarnings;
    if (format === 'text') {
      if (parsed.kind === 'none') err(`osai-check: ${shown} is neither an OSAID manifest nor a MOF model file; skipped`);
      for (const d of diagnostics) out(formatDiagnostic(shown, d));
    } else {
      rows.push([shown, kindLabel(parsed.kind), verdictOf(service, parsed, diagnostics), String(fileErrors), String(fileWarnings)]);
    }
  }
  if (format === 'table') out(table(['file', 'kind', 'verdict', 'errors', 'warnings'], rows));
  err(`${files.length} manifest${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}

function kindLabel(kind: DocumentKind): string {
  return kind === 'osai' ? 'OSAID manifest' : kind === 'mof' ? 'MOF model' : 'not recognised';
}

function verdictOf(service: LanguageService, parsed: ParsedManifest, diagnostics: Diagnostic[]): string {
  if (parsed.kind === 'mof') return service.evaluateMofClass(parsed)?.title ?? 'MOF unclassified';
  if (parsed.kind === 'none') return '-';
  return service.verdict(diagnostics).title;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 1]} ${d.code} ${d.message}`;
}

function collect(path: string, files: string[], explicit: boolean): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      collect(join(path, entry), files, false);
    }
  } else if (explicit || isManifestFileName(path) || (/\.ya?ml$/i.test(path) && looksLikeMofFile(path))) {
    files.push(path);
  }
}

function looksLikeMofFile(path: string): boolean {
  try {
    return looksLikeMofText(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}

/** Runs with the process's arguments and streams (the `osai-check` bin). */
export function run(): void {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
}
