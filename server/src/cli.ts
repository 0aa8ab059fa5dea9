/**
 * `osai-check <files, folders, globs or ->`: the language service on the command line, for
 * CI. Findings as text (`file:line:col severity code message`), a table, JSON, SARIF 2.1.0 or
 * GitHub workflow commands; or a Markdown/HTML compliance report.
 *
 * Exit codes: 0 no file's verdict fails (and no more warnings than `--max-warnings`); 1 a file's
 * verdict fails — an unmet requirement or an error — or too many warnings; 2 a usage error (a
 * `--treat-as-open` the checker already judges not open among them), something that cannot be
 * read or written, a file that could not be checked (not UTF-8, larger than `--max-file-size`,
 * or named but claimed by no format), or nothing to check. With `--ignore-unknown` (the pre-commit hook's), files named
 * that no format
 * may claim are skipped as in folders, and nothing to check is not an error.
 */
import { randomUUID } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { version } from '../../package.json';
import { Options, parseArgs, USAGE } from './cli/args';
import {
  decodeUtf8,
  displayPath,
  EncodingError,
  expandTarget,
  isInside,
  readStdin,
  realPath,
  TargetError,
} from './cli/files';
import { count, FileResult, formatResults } from './cli/formats';
import { createProgress, ProgressStream } from './cli/progress';
import {
  getLanguageService,
  LanguageService,
  OnlineClient,
  onlineConfigFromEnv,
  type EvidenceCache,
  type EvidenceDescription,
  type OnlineEvidence,
} from './service';
import { nodeFilesSync } from './host/nodeFiles';
import { nodeFetch } from './host/nodeFetchLazy';
import { downloadCard, hubCardUri, hubSource, type HubSource } from './cli/hub';
import { Codes } from './service/diagnostics/codes';
import { defaultSettings } from './service/settings';

export { version };

/** What the CLI touches besides its arguments; the defaults are the process's. */
export interface CliEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the progress line goes (stderr). */
  progress: ProgressStream;
  readStdin(): string;
}

/** A document to check: a file on disk, stdin, or a card on the Hugging Face Hub. */
interface Source {
  path: string;
  stdin: boolean;
  /** Named on the command line (not found in a folder or by a glob): it must be checked. */
  named: boolean;
  hub?: HubSource;
}

const STDIN_NAME = '<stdin>';

export async function main(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  environment: Partial<CliEnvironment> = {},
): Promise<number> {
  const cwd = environment.cwd ?? process.cwd();
  const env = environment.env ?? process.env;
  const parsed = parseArgs(argv, (arg) => isFile(resolve(cwd, arg)));
  // SPDX 3 requires a creation time: a reproducible build's, when there is one.
  if (parsed.kind === 'run' && parsed.options.format === 'spdx3' && parsed.options.created === undefined)
    parsed.options.created = sourceDateTime(env);
  if (parsed.kind === 'help') {
    out(USAGE);
    return 0;
  }
  if (parsed.kind === 'version') {
    out(version);
    return 0;
  }
  if (parsed.kind === 'usage') {
    err(`osai-check: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const options = parsed.options;

  const maxFileSize = options.maxFileSize ?? defaultSettings.maxFileSize;
  const service = getLanguageService({ treatAsOpen: options.treatAsOpen, maxFileSize });
  // --treat-as-open only fills gaps in the built-in knowledge: a license it already judges is refused.
  const refused = service.settingsProblems();
  for (const problem of refused)
    err(
      `osai-check: --treat-as-open ${problem.entry}: ${problem.message}` +
        `${problem.refusal === 'already-open' ? ' (ignored)' : ''}`,
    );
  if (refused.some((p) => p.refusal !== 'already-open')) {
    err(
      'osai-check: --treat-as-open takes only licenses the checker does not ' +
        'know: `LicenseRef-…` ids, names it does not recognise, and permissive ' +
        'licenses nobody has reviewed (docs/license-policy.md)',
    );
    return 2;
  }
  // A file whose content cannot be read is a candidate: reading it again reports why (exit 2).
  const isCandidate = (path: string): boolean => {
    try {
      return service.mayClaimFile(pathToFileURL(path).href, () => readFileSync(path, 'utf8'));
    } catch {
      return true;
    }
  };

  // What to check, in order, each file once (by its real path: links do not check it twice).
  const sources: Source[] = [];
  const seen = new Set<string>();
  for (const target of options.targets) {
    const hub = hubSource(target, options.revision);
    if (hub && 'error' in hub) {
      err(`osai-check: ${hub.error}`);
      return 2;
    }
    if (hub) {
      const key = `hub:${hub.kind}:${hub.id}@${hub.revision}`;
      if (!seen.has(key)) {
        seen.add(key);
        sources.push({ path: hubCardUri(hub), stdin: false, named: true, hub });
      }
      continue;
    }
    if (target === '-') {
      sources.push({ path: resolve(cwd, options.stdinFilename ?? STDIN_NAME), stdin: true, named: true });
      continue;
    }
    try {
      for (const found of expandTarget(target, cwd, isCandidate)) {
        // --ignore-unknown: a file named is taken as if found in a folder (pre-commit names every staged YAML file).
        if (found.named && options.ignoreUnknown && !isCandidate(found.path)) continue;
        const key = realPath(found.path);
        if (!seen.has(key)) {
          seen.add(key);
          sources.push({ path: found.path, stdin: false, named: found.named && !options.ignoreUnknown });
        }
      }
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      err(`osai-check: ${error.message}`);
      return 2;
    }
  }
  if (sources.length === 0 && !options.ignoreUnknown) {
    const lookedFor =
      'osai.yaml, osai.yml, *.osai.yaml, *.osai.yml, MOF model files, and ' +
      'README.md files that are model or dataset cards';
    err(`osai-check: no manifests found in ${options.targets.join(', ')} (looked for ${lookedFor})`);
    return 2;
  }

  // Online checks: only when asked (--online, an hf: target), and then only to the hosts the documents name.
  const network = options.online ? nodeFetch(env) : undefined;
  const online: OnlineRun | undefined = network
    ? {
        client: new OnlineClient(
          network.fetcher({}),
          onlineConfigFromEnv(env, { refresh: options.refresh }),
          network.cache?.({}),
        ),
        offline: 0,
        answers: [],
      }
    : undefined;
  const results: FileResult[] = [];
  // The repository root of a location is the nearest folder with `.git`, else the folder named here (or the working
  // directory).
  const evidence: EvidenceRun | undefined = options.evidence
    ? {
        roots: [cwd, ...options.targets.map((t) => resolve(cwd, t)).filter(isFolder)].map((p) =>
          pathToFileURL(p).href.replace(/\/$/, ''),
        ),
        cache: new Map(),
      }
    : undefined;
  /** Files that could not be checked, each with why: the run exits 2. */
  const unchecked: string[] = [];
  const progress = createProgress(sources.length, environment.progress ?? process.stderr, env);
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    if (source.hub) {
      progress.update(i + 1, source.hub.shown);
      const card = await downloadCard(source.hub, online!.client, maxFileSize);
      if (card.kind === 'error') {
        unchecked.push(`${source.hub.shown}: ${card.message}`);
        continue;
      }
      const result = await check(service, source, source.hub.shown, card.text, options, cwd, undefined, online);
      results.push(result);
      // The training-data listing: each listed dataset the Hub has is checked from its own card.
      const listedCards: Source[] = [];
      for (const id of result.listedDatasets ?? []) {
        const listed: HubSource = { kind: 'dataset', id, revision: 'main', shown: `hf:datasets/${id}` };
        const key = `hub:dataset:${id}@main`;
        if (seen.has(key)) continue;
        seen.add(key);
        listedCards.push({ path: hubCardUri(listed), stdin: false, named: false, hub: listed });
      }
      sources.splice(i + 1, 0, ...listedCards);
      continue;
    }
    const shown = source.stdin ? (options.stdinFilename ?? STDIN_NAME) : displayPath(source.path, cwd);
    progress.update(i + 1, shown);
    let text: string;
    let bytes: number;
    try {
      if (source.stdin) {
        text = (environment.readStdin ?? readStdin)();
        bytes = Buffer.byteLength(text);
      } else {
        const content = readFileSync(source.path);
        bytes = content.length;
        text = bytes > maxFileSize ? '' : decodeUtf8(content);
      }
    } catch (error) {
      if (error instanceof EncodingError) {
        unchecked.push(`${shown} is ${error.message}; not checked (save it as UTF-8)`);
        continue;
      }
      progress.end();
      err(
        `osai-check: cannot read ${source.stdin ? 'stdin' : shown}: ` +
          `${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
      return 2;
    }
    const tooLarge =
      `${shown} has ${bytes.toLocaleString('en-US')} bytes, more than the limit of ` +
      `${maxFileSize.toLocaleString('en-US')}; not checked (raise the limit ` +
      `with --max-file-size <bytes>)`;
    // The limit is for files that are ours: one named, or claimed by its name. A large file found in
    // a folder or passed by a hook (a long README, a data YAML that mentions the framework) is
    // read, and the service says whether it is ours (a card's front matter is all it parses).
    if (bytes > maxFileSize && (source.named || service.claimsByName(pathToFileURL(source.path).href))) {
      unchecked.push(tooLarge);
      continue;
    }
    if (bytes > maxFileSize) {
      try {
        text = decodeUtf8(readFileSync(source.path));
      } catch {
        continue; // not UTF-8: certainly not one of ours
      }
    }
    const result = await check(service, source, shown, text, options, cwd, evidence, online);
    // The service measures the same bytes (of the decoded text): a safety net, e.g. for stdin.
    if (result.diagnostics.some((d) => d.code === Codes.tooLarge)) {
      unchecked.push(tooLarge);
      continue;
    }
    const tooComplex = result.diagnostics.find((d) => d.code === Codes.tooComplex);
    if (tooComplex) {
      unchecked.push(
        `${shown}:${tooComplex.range.start.line + 1}:${tooComplex.range.start.character + 1}: ${tooComplex.message}`,
      );
      continue;
    }
    // A file a format claims whose YAML could not be read (an alias bomb, nesting past the guard): never passed over.
    if (result.unreadable) {
      const why = result.unreadable;
      unchecked.push(
        `${shown}:${why.range.start.line + 1}:${why.range.start.character + 1}: ` +
          `not checked, its YAML could not be read: ${why.message}`,
      );
      continue;
    }
    if (!result.recognised && source.named) {
      unchecked.push(
        `${shown} is neither an OSAID manifest, a MOF model file nor a model or dataset card; not checked`,
      );
    }
    results.push(result);
  }
  progress.end();

  for (const message of unchecked) err(`osai-check: ${message}`);
  if (online) for (const line of onlineSummary(online)) err(`osai-check: ${line}`);

  if (options.format === 'cyclonedx' || options.format === 'spdx3') {
    const checkedFiles = results.filter((r) => r.recognised);
    if (checkedFiles.length !== 1) {
      err(`osai-check: --format ${options.format} writes one BOM: name one file (${checkedFiles.length} were checked)`);
      return 2;
    }
    if (!checkedFiles[0].bom) {
      const { file, kindLabel } = checkedFiles[0];
      const what = options.format === 'spdx3' ? 'an SPDX 3 document' : 'a CycloneDX BOM';
      err(`osai-check: ${file}: a ${kindLabel} cannot be written as ${what} yet`);
      return 2;
    }
  }
  const info = { version, codeDocs: service.codeDocs(), rootUri: pathToFileURL(cwd).href.replace(/\/?$/, '/') };
  const findings = formatResults(options.format, results, info);
  if (options.report) {
    const entries = results.flatMap((r) => (r.checklist ? [{ file: r.file, checklist: r.checklist }] : []));
    const report = service.renderReport(entries, options.report, {
      date: reportDate(env),
      generator: `osai-check ${version}`,
    });
    if (options.output !== undefined) {
      if (!write(resolve(cwd, options.output), report, err)) return 2;
      if (options.formatGiven && findings !== '') out(findings);
    } else {
      out(report.replace(/\n$/, ''));
    }
  } else if (options.output !== undefined) {
    if (!write(resolve(cwd, options.output), findings === '' ? '' : `${findings}\n`, err)) return 2;
  } else if (findings !== '') {
    out(findings);
  }

  const errors = results.reduce((n, r) => n + count(r.diagnostics, DiagnosticSeverity.Error), 0);
  const warnings = results.reduce((n, r) => n + count(r.diagnostics, DiagnosticSeverity.Warning), 0);
  const checked = results.filter((r) => r.recognised).length;
  const hidden = options.quiet && warnings > 0 ? ' (warnings not shown: --quiet)' : '';
  err(
    `${checked} file${checked === 1 ? '' : 's'} checked: ${errors} error` +
      `${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
      `${hidden}`,
  );
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) err(`osai-check: too many warnings (${warnings}; --max-warnings ${options.maxWarnings})`);
  if (unchecked.length > 0) {
    err(`osai-check: ${unchecked.length} file${unchecked.length === 1 ? '' : 's'} could not be checked (exit 2)`);
    return 2;
  }
  // The exit code is the verdicts': 1 when any file's fails (every error fails its verdict, and so does an unmet
  // requirement).
  const failing = results.filter((r) => r.summary?.verdict.state === 'fails').length;
  return failing > 0 || errors > 0 || tooManyWarnings ? 1 : 0;
}

async function check(
  service: LanguageService,
  source: Source,
  shown: string,
  text: string,
  options: Options,
  cwd: string,
  evidence: EvidenceRun | undefined,
  online: OnlineRun | undefined,
): Promise<FileResult & { listedDatasets?: string[] }> {
  const uri = source.hub ? source.path : pathToFileURL(source.path).href;
  // Files are recognised as in the editor (by name, or by content); stdin is assumed to be
  // the default format (a manifest) unless its content says otherwise.
  const languageId = source.hub ? 'markdown' : 'yaml';
  const parsed = service.parse(TextDocument.create(uri, languageId, 1, text), { unnamed: source.stdin });
  // What the release's own files show (its locations, license files, package manifests).
  const found =
    evidence && parsed.value !== undefined ? service.collectEvidenceSync(parsed, nodeFilesSync, evidence) : undefined;
  // What the hosts its locations name answer (--online).
  const answered = online ? await service.collectOnline(parsed, online.client) : undefined;
  if (answered?.offline) online!.offline++;
  if (answered && online) online.answers.push(answered);
  const diagnostics = service.doValidation(parsed, found, answered);
  const summary = service.summarize(parsed, diagnostics);
  const bom =
    options.format === 'cyclonedx'
      ? service.exportCycloneDx(
          parsed,
          diagnostics,
          {
            specVersion: options.specVersion,
            tool: { name: 'osai-check', version },
            ...(options.serialNumber ? { serialNumber: `urn:uuid:${randomUUID()}` } : {}),
          },
          found,
          answered,
        )
      : options.format === 'spdx3'
        ? service.exportSpdx3(
            parsed,
            diagnostics,
            { tool: { name: 'osai-check', version }, ...(options.created ? { created: options.created } : {}) },
            found,
            answered,
          )
        : undefined;
  return {
    ...(source.hub && source.hub.kind === 'model' ? { listedDatasets: datasetsOnTheHub(answered) } : {}),
    ...(bom ? { bom } : {}),
    file: shown,
    portable: source.hub
      ? uri
      : source.stdin && options.stdinFilename === undefined
        ? STDIN_NAME
        : isInside(source.path, cwd)
          ? relative(cwd, source.path).split(sep).join('/')
          : uri,
    kind: parsed.kind,
    kindLabel: parsed.format.label,
    recognised: summary !== undefined,
    diagnostics,
    reported: options.quiet
      ? diagnostics.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error)
      : diagnostics,
    summary,
    checklist: service.getChecklist(parsed, diagnostics, found, answered),
    evidence: found ? shownEvidence(service.describeEvidence(found), cwd) : undefined,
    ...(online ? { online: answered ? service.describeOnline(parsed, answered) : [] } : {}),
    // Claimed, but no value could be built from its YAML: the error that says why.
    unreadable:
      summary !== undefined && parsed.value === undefined && parsed.parseDiagnostics.length > 0
        ? ([...parsed.parseDiagnostics].reverse().find((d) => d.severity === DiagnosticSeverity.Error) ??
          parsed.parseDiagnostics[0])
        : undefined,
  };
}

interface EvidenceRun {
  roots: string[];
  cache: EvidenceCache;
}

interface OnlineRun {
  client: OnlineClient;
  /** Documents whose checks found no connection. */
  offline: number;
  answers: OnlineEvidence[];
}

/** The datasets a card lists that the Hub has (their cards are checked next). */
function datasetsOnTheHub(answered: OnlineEvidence | undefined): string[] {
  return (answered?.items ?? []).flatMap((item) => {
    const { where } = item.target;
    const there = item.result.kind === 'hub' && item.result.finding.state === 'exists';
    return where.host === 'hub' && where.kind === 'dataset' && item.target.listing && there ? [where.id] : [];
  });
}

/** One line per host whose rate limit stopped the checks, and one for a run without a connection. */
function onlineSummary(online: OnlineRun): string[] {
  const lines: string[] = [];
  if (online.offline > 0)
    lines.push(`online checks skipped: no connection (${online.offline} document${online.offline === 1 ? '' : 's'})`);
  const limited = new Map<string, { until?: number; count: number }>();
  for (const answers of online.answers)
    for (const item of answers.items)
      if (item.result.kind === 'unanswered' && item.result.reason === 'rate-limited') {
        const known = limited.get(item.result.host) ?? { count: 0 };
        known.count++;
        if (item.result.retryAfter !== undefined) known.until = answers.checkedAt + item.result.retryAfter * 1000;
        limited.set(item.result.host, known);
      }
  for (const [host, { until, count }] of limited) {
    const when = until !== undefined ? ` until ${new Date(until).toISOString().slice(11, 16)} UTC` : '';
    const token = /github/i.test(host) ? ' (a GITHUB_TOKEN raises it)' : /hugging|hf/i.test(host) ? ' (HF_TOKEN)' : '';
    lines.push(
      `${host}'s rate limit is used up${when}${token}: ${count} location${count === 1 ? ' was' : 's were'} not checked`,
    );
  }
  return lines;
}

/** The evidence with its repository root as a path relative to the working directory (`.`). */
function shownEvidence(description: EvidenceDescription, cwd: string): EvidenceDescription {
  let root = description.root;
  try {
    root = relative(cwd, fileURLToPath(root)) || '.';
  } catch {
    /* not a file: URI: shown as it is */
  }
  return { ...description, root };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a path names an existing file (not following a link: a dangling link's name is a file's name too). */
function isFile(path: string): boolean {
  try {
    return !lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `SOURCE_DATE_EPOCH` (seconds) as a UTC date-time without fractions, when it is set. */
function sourceDateTime(env: NodeJS.ProcessEnv): string | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch)
    ? new Date(Number(epoch) * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
    : undefined;
}

/** Now, or `SOURCE_DATE_EPOCH` (seconds) for reproducible reports. */
function reportDate(env: NodeJS.ProcessEnv): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

function write(path: string, content: string, err: (s: string) => void): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return true;
  } catch (error) {
    err(`osai-check: cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return false;
  }
}

/** Runs with the process's arguments and streams (the `osai-check` bin). */
export function run(): void {
  main(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  ).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`osai-check: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
