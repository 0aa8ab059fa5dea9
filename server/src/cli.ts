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
import { getLanguageService } from './service';
import { isManifestFileName } from './service/fileNames';

const USAGE = `Usage: osai-check [options] <file or folder>...

Checks Open Source AI release manifests (osai.yaml, osai.yml, *.osai.yaml, *.osai.yml)
against the Open Source AI Definition 1.0. Folders are searched recursively.

Options:
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
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') { out(USAGE); return 0; }
    if (arg === '--treat-as-open') {
      const id = argv[++i];
      if (!id) { err('osai-check: --treat-as-open needs a license id'); return 2; }
      treatAsOpen.push(id);
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
    err(`osai-check: no manifests found in ${targets.join(', ')} (looked for osai.yaml, osai.yml, *.osai.yaml, *.osai.yml)`);
    return 2;
  }

  const service = getLanguageService({ treatAsOpen });
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (error) {
      err(`osai-check: cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`); return 2;
    }
    const document = TextDocument.create(pathToFileURL(file).toString(), 'osai-manifest', 1, text);
    const diagnostics = service.doValidation(service.parse(document));
    const shown = relative(process.cwd(), file) || file;
    for (const d of diagnostics) {
      if (d.severity === DiagnosticSeverity.Error) errors++;
      if (d.severity === DiagnosticSeverity.Warning) warnings++;
      out(format(shown, d));
    }
  }
  err(`${files.length} manifest${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}

function format(file: string, d: Diagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 1]} ${d.code} ${d.message}`;
}

function collect(path: string, files: string[], explicit: boolean): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      collect(join(path, entry), files, false);
    }
  } else if (explicit || isManifestFileName(path)) {
    files.push(path);
  }
}

/** Runs with the process's arguments and streams (the `osai-check` bin). */
export function run(): void {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
}
