/** `osai-check`'s command line: options, their checks and the help text. */

export const FORMATS = ['text', 'table', 'json', 'sarif', 'github', 'cyclonedx', 'spdx3'] as const;
export type Format = (typeof FORMATS)[number];
export const REPORTS = ['md', 'html'] as const;
export type ReportKind = (typeof REPORTS)[number];

export interface Options {
  targets: string[];
  format: Format;
  /** Whether `--format` was given (with `--report` it then still prints on stdout). */
  formatGiven: boolean;
  report?: ReportKind;
  output?: string;
  maxWarnings?: number;
  /** Files larger than this many bytes are not checked (exit 2); default: the service's `maxFileSize`. */
  maxFileSize?: number;
  quiet: boolean;
  /**
   * Files named that no format claims are skipped as in folders, and finding nothing to check is not an error
   * (pre-commit).
   */
  ignoreUnknown: boolean;
  /**
   * Run by a git hook (`--pre-commit`, the hook's entry): implies `ignoreUnknown`, and an
   * argument that names an existing file is that file, never an option (`--` or not): the hook
   * appends the staged names after its options, and a name may look like one (`--output=x.yaml`).
   */
  preCommit: boolean;
  stdinFilename?: string;
  treatAsOpen: string[];
  /**
   * Compare each local location and its declared license with the release's own files (`--no-evidence` turns it off).
   */
  evidence: boolean;
  /** Ask the hosts the documents' URLs name (`--online`; an `hf:` target implies it). */
  online: boolean;
  /** Ask again even what the per-user cache holds (`--refresh`). */
  refresh: boolean;
  /** The revision of `hf:` targets' cards (`--revision`; default `main`). */
  revision?: string;
  /** `--format cyclonedx`: the CycloneDX version (`--spec-version`; default the newest). */
  specVersion: '1.6' | '1.7';
  /** `--serial-number`: a fresh `urn:uuid:` serial number (none by default: the output is deterministic). */
  serialNumber: boolean;
  /**
   * `--format spdx3`: `creationInfo.created` (`--created`, else SOURCE_DATE_EPOCH; else the export takes the
   * release date or the epoch, never the time of the run).
   */
  created?: string;
}

export type Parsed =
  { kind: 'run'; options: Options } | { kind: 'help' } | { kind: 'version' } | { kind: 'usage'; message: string };

export const USAGE = `Usage: osai-check [options] <file, folder, glob, hf:<org>/<model> or ->...

Checks Open Source AI release manifests (osai.yaml, osai.yml, *.osai.yaml, *.osai.yml)
against the Open Source AI Definition 1.0; also Model Openness Framework model files (any
.yml/.yaml whose framework.name is "Model Openness Framework") against the MOF and OSAID,
Hugging Face model and dataset cards (README.md with card metadata), and CycloneDX ML-BOMs
(*.cdx.json, bom.json, any .json BOM with a machine-learning-model component). Folders are
searched recursively; quote globs ('models/**/*.yml') so that osai-check expands them; -
reads one document from stdin; hf:<org>/<model> (or its Hub URL) downloads and checks a card
on the Hugging Face Hub.

Options:
  -f, --format <name>        how findings are printed on stdout:
                               text    one line per finding: file:line:col severity code message (default)
                               table   one row per file with its verdict or MOF class
                               json    every file with its verdict, MOF class and findings
                               sarif   SARIF 2.1.0, for code-scanning UIs
                               github  GitHub Actions workflow commands (annotations)
                               cyclonedx  the file as a CycloneDX ML-BOM (JSON), with the OSAID verdict
                               spdx3   the file as an SPDX 3.0.1 AI-BOM (JSON-LD), with the OSAID verdict
                               report  the compliance report in Markdown (as --report md)
  --report <md|html>         print a compliance report instead: verdicts, the OSAID checklist
                             of each file, each gap explained, MOF class and progress
  -o, --output <file>        write the report (or, without --report, the findings) to <file>;
                             with --report and --output, --format still prints findings on stdout
  --max-warnings <n>         exit 1 when there are more than <n> warnings
  --max-file-size <bytes>    check files up to this size (default 4194304, 4 MiB); a larger
                             file is not checked and the run exits 2
  --quiet                    report errors only (warnings still count for --max-warnings)
  --ignore-unknown           skip files named that are no format's, as in folders, and exit 0
                             when nothing is left to check (for pre-commit and other hooks)
  --pre-commit               what the pre-commit hook runs: --ignore-unknown, and an argument
                             that names an existing file is always that file, never an option
  --                         everything after it is a file, folder or glob, even if it starts with -
  --stdin-filename <name>    the name to show for - (stdin)
  --no-evidence              do not compare local locations and their licenses with the release's
                             files (a LICENSE, an SPDX-License-Identifier line, package manifests)
  --spec-version <1.6|1.7>   the CycloneDX version of --format cyclonedx (default 1.7)
  --serial-number            give the CycloneDX BOM a fresh serial number (none by default, so
                             that the same release always gives the same bytes)
  --created <date-time>      the creation time of --format spdx3 (YYYY-MM-DDThh:mm:ssZ; default
                             SOURCE_DATE_EPOCH, else the release date, else 1970-01-01T00:00:00Z)
  --online                   also ask the hosts the documents name: whether each Hugging Face Hub
                             and GitHub repository exists, is gated, private or archived, the
                             license the host records, whether other URLs answer (docs/online.md);
                             sends those URLs to those hosts, nothing else leaves the machine
  --refresh                  with --online: ask again what the cache holds (an hour by default)
  --revision <rev>           the revision of hf: targets' cards (a branch, tag or commit; default main)
  hf:<org>/<model>           a target: the model card on the Hugging Face Hub (also hf:datasets/<org>/<name>,
                             or the Hub URL), checked online with each listed dataset's card (implies --online)
  --treat-as-open <id>       a license your organisation reviewed as open that the checker does not
                             know: a LicenseRef-… id or an unrecognised name (repeatable); one it
                             already judges (an SPDX id, CC-BY-NC-4.0, a family name) exits 2
  -v, --version              print the version
  -h, --help                 show this help

Exit codes:
  0  no file's verdict fails, and no more warnings than --max-warnings (a card that
     fails nothing it states exits 0: a card cannot state everything)
  1  a file's verdict fails — an unmet requirement (missing, a placeholder, not open)
     or any error — or more warnings than --max-warnings
  2  usage error, a --treat-as-open the checker already judges among them; a file,
     folder, glob or stdin that cannot be read; a file that is not UTF-8, is larger
     than --max-file-size, or was named but is no format's (unless --ignore-unknown); an
     hf: card that cannot be downloaded; nothing to check (unless --ignore-unknown);
     --format cyclonedx or spdx3 for more than one file, or for a file it cannot describe`;

function oneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (values as readonly string[]).includes(value);
}

/**
 * `isFile`: whether an argument names an existing file (from the working directory); with
 * `--pre-commit` such an argument is a file, even after `--` when it is `-` (stdin otherwise).
 */
export function parseArgs(argv: readonly string[], isFile: (arg: string) => boolean = () => false): Parsed {
  const options: Options = {
    targets: [],
    format: 'text',
    formatGiven: false,
    quiet: false,
    ignoreUnknown: false,
    preCommit: false,
    treatAsOpen: [],
    evidence: true,
    online: false,
    refresh: false,
    specVersion: '1.7',
    serialNumber: false,
  };
  let onlyTargets = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // A staged file named `-` or `--x.yaml` is that file (`./-`: not stdin).
    if (options.preCommit && arg !== '--' && (arg.startsWith('-') || onlyTargets) && isFile(arg)) {
      options.targets.push(arg === '-' ? './-' : arg);
      continue;
    }
    if (onlyTargets || arg === '-' || !arg.startsWith('-')) {
      options.targets.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyTargets = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (what: string): string | { error: string } => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) return { error: `${name} needs ${what}` };
      i++;
      return next;
    };
    const flag = (): Parsed | undefined =>
      inline !== undefined ? { kind: 'usage', message: `${name} takes no value` } : undefined;
    switch (name) {
      case '-h':
      case '--help':
        return flag() ?? { kind: 'help' };
      case '-v':
      case '--version':
        return flag() ?? { kind: 'version' };
      case '--quiet': {
        const bad = flag();
        if (bad) return bad;
        options.quiet = true;
        break;
      }
      case '--ignore-unknown': {
        const bad = flag();
        if (bad) return bad;
        options.ignoreUnknown = true;
        break;
      }
      case '--pre-commit': {
        const bad = flag();
        if (bad) return bad;
        options.ignoreUnknown = true;
        options.preCommit = true;
        break;
      }
      case '--online': {
        const bad = flag();
        if (bad) return bad;
        options.online = true;
        break;
      }
      case '--serial-number': {
        const bad = flag();
        if (bad) return bad;
        options.serialNumber = true;
        break;
      }
      case '--spec-version': {
        const v = value('a CycloneDX version (1.6, 1.7)');
        if (typeof v !== 'string') return { kind: 'usage', message: v.error };
        if (v !== '1.6' && v !== '1.7')
          return { kind: 'usage', message: `--spec-version must be 1.6 or 1.7, not ${v || '(nothing)'}` };
        options.specVersion = v;
        break;
      }
      case '--created': {
        const v = value('a date-time (YYYY-MM-DDThh:mm:ssZ)');
        if (typeof v !== 'string') return { kind: 'usage', message: v.error };
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v))
          return {
            kind: 'usage',
            message: `--created must be a UTC date-time (YYYY-MM-DDThh:mm:ssZ), not ${v || '(nothing)'}`,
          };
        options.created = v;
        break;
      }
      case '--refresh': {
        const bad = flag();
        if (bad) return bad;
        options.refresh = true;
        break;
      }
      case '--revision': {
        const v = value('a branch, tag or commit');
        if (typeof v !== 'string') return { kind: 'usage', message: v.error };
        if (!/^[\w./-]{1,200}$/.test(v) || v.includes('..'))
          return { kind: 'usage', message: `--revision must be a branch, tag or commit, not ${v || '(nothing)'}` };
        options.revision = v;
        break;
      }
      case '--no-evidence': {
        const bad = flag();
        if (bad) return bad;
        options.evidence = false;
        break;
      }
      case '-f':
      case '--format': {
        const v = value(`a format (${FORMATS.join(', ')})`);
        if (typeof v !== 'string') return { kind: 'usage', message: v.error };
        if (v === 'report') {
          options.report = 'md';
          break;
        }
        if (!oneOf(FORMATS, v))
          return {
            kind: 'usage',
            message: `--format must be one of ${[...FORMATS, 'report'].join(', ')}, not ${v || '(nothing)'}`,
          };
        options.format = v;
        options.formatGiven = true;
        break;
      }
      case '--report': {
        const v = value('md or html');
        if (typeof v !== 'string') return { kind: 'usage', message: v.error };
        if (!oneOf(REPORTS, v))
          return { kind: 'usage', message: `--report must be md or html, not ${v || '(nothing)'}` };
        options.report = v;
        break;
      }
      case '-o':
      case '--output': {
        const v = value('a file name');
        if (typeof v !== 'string') return { kind: 'usage', message: v.error };
        if (v === '') return { kind: 'usage', message: '--output needs a file name' };
        options.output = v;
        break;
      }
      case '--max-warnings': {
        const v = value('a number');
        if (typeof v !== 'string') return { kind: 'usage', message: v.error };
        if (!/^\d+$/.test(v))
          return {
            kind: 'usage',
            message: `--max-warnings must be a whole number (0 or more), not ${v || '(nothing)'}`,
          };
        options.maxWarnings = Number(v);
        break;
      }
      case '--max-file-size': {
        const v = value('a number of bytes');
        if (typeof v !== 'string') return { kind: 'usage', message: v.error };
        if (!/^\d+$/.test(v) || Number(v) < 1)
          return {
            kind: 'usage',
            message: `--max-file-size must be a whole number of bytes (1 or more), not ${v || '(nothing)'}`,
          };
        options.maxFileSize = Number(v);
        break;
      }
      case '--stdin-filename': {
        const v = value('a file name');
        if (typeof v !== 'string') return { kind: 'usage', message: v.error };
        if (v === '') return { kind: 'usage', message: '--stdin-filename needs a file name' };
        options.stdinFilename = v;
        break;
      }
      case '--treat-as-open': {
        const v = value('a license id');
        if (typeof v !== 'string' || v === '') return { kind: 'usage', message: '--treat-as-open needs a license id' };
        options.treatAsOpen.push(v);
        break;
      }
      default:
        return { kind: 'usage', message: `unknown option ${arg}` };
    }
  }
  if (options.targets.length === 0) return { kind: 'usage', message: 'no files, folders or globs to check' };
  const hub = options.targets.some((t) => /^hf:/i.test(t) || /^https?:\/\//i.test(t));
  if (hub) options.online = true;
  if (options.refresh && !options.online)
    return { kind: 'usage', message: '--refresh asks the hosts again: give --online (or an hf: target) as well' };
  if (options.format !== 'cyclonedx' && argv.some((a) => a === '--serial-number' || a.startsWith('--spec-version')))
    return { kind: 'usage', message: '--spec-version and --serial-number are for --format cyclonedx' };
  if (options.format !== 'spdx3' && options.created !== undefined)
    return { kind: 'usage', message: '--created is for --format spdx3' };
  if (options.revision !== undefined && !hub)
    return { kind: 'usage', message: '--revision is the revision of hf: targets: give one' };
  const stdinCount = options.targets.filter((t) => t === '-').length;
  if (stdinCount > 1) return { kind: 'usage', message: '- (stdin) can be given only once' };
  if (options.stdinFilename !== undefined && stdinCount === 0)
    return { kind: 'usage', message: '--stdin-filename names stdin: give - among the targets' };
  if (options.report && options.formatGiven && options.output === undefined) {
    return {
      kind: 'usage',
      message: '--report prints the report on stdout; give --output <file> for it to print --format findings as well',
    };
  }
  return { kind: 'run', options };
}
