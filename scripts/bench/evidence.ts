/**
 * The cost of the evidence (docs/evidence.md) on a release with 20 local components, each with
 * its own license file (real texts from test/fixtures/licenses): in the service, cold (nothing
 * read yet) and warm (what was read kept by path, size and modification time), synchronously
 * (the command line) and through Node's asynchronous file system (the server); and over the
 * protocol, against the built server: open → first publication, open → the publication with
 * the evidence, and keystroke → publication with and without evidence.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeFiles, nodeFilesSync } from '../../server/src/host/nodeFiles';
import { getLanguageService, type EvidenceCache } from '../../server/src/service';

const ROOT = join(__dirname, '..', '..');
const SERVER = join(ROOT, 'server', 'out', 'server.js');
const LICENSES = join(ROOT, 'test', 'fixtures', 'licenses');
const COMPONENTS = 20;
const RUNS = 30;
const KEYSTROKES = 20;
/** Server sessions per setting (evidence on, off), alternating. */
const SESSIONS = 7;
/** Keystrokes are typed this far apart: each is validated on its own, as when a person types. */
const INTERVAL_MS = 120;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

/** A release folder: `.git`, 20 component folders each with a license file, and its manifest. */
function buildRelease(): { dir: string; manifest: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'osai-bench-evidence-'));
  mkdirSync(join(dir, '.git'));
  const texts = readdirSync(LICENSES)
    .filter((n) => /^(?:MIT|Apache-2\.0|BSD-[23]-Clause|ISC|MPL-2\.0)--/.test(n))
    .sort();
  const declared = (file: string) => file.split('--')[0];
  const components: Array<{ key: string; folder: string; license: string }> = [];
  for (let i = 0; i < COMPONENTS; i++) {
    const file = texts[i % texts.length];
    const folder = `component-${String(i).padStart(2, '0')}`;
    mkdirSync(join(dir, folder));
    copyFileSync(join(LICENSES, file), join(dir, folder, 'LICENSE'));
    writeFileSync(join(dir, folder, 'main.py'), 'print(1)\n');
    components.push({ key: folder, folder, license: declared(file) });
  }
  // One library is declared under another license than its file's: its warning shows when the evidence has arrived.
  components[COMPONENTS - 1].license = 'GPL-3.0-only';
  const [weights, dataProcessing, training, evaluation, inference, architecture, ...libraries] = components;
  const line = (c: (typeof components)[number]) => `{location: ./${c.folder}, license: ${c.license}}`;
  const text = [
    '# A release whose 20 components are folders with their own license files (npm run bench).',
    'osaid: "1.0"',
    'system:',
    '  name: Bench-20',
    '  producer: Bench Lab',
    '',
    'parameters:',
    `  weights: ${line(weights)}`,
    '',
    'code:',
    `  data_processing: ${line(dataProcessing)}`,
    `  training: ${line(training)}`,
    `  evaluation: ${line(evaluation)}`,
    `  inference: ${line(inference)}`,
    `  architecture: ${line(architecture)}`,
    '  supporting_libraries:',
    ...libraries.map((c) => `    - {name: ${c.key}, location: ./${c.folder}, license: ${c.license}}`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'osai.yaml'), text);
  return { dir, manifest: join(dir, 'osai.yaml'), text };
}

async function serviceCosts(release: ReturnType<typeof buildRelease>) {
  const service = getLanguageService();
  const parsed = service.parse(
    TextDocument.create(pathToFileURL(release.manifest).href, 'osai-manifest', 1, release.text),
  );
  const roots = [pathToFileURL(release.dir).href];
  const first = performance.now();
  const evidence = service.collectEvidenceSync(parsed, nodeFilesSync, { roots, cache: new Map() });
  const firstEver = performance.now() - first;
  if (evidence?.items.length !== COMPONENTS)
    throw new Error(`expected ${COMPONENTS} components with evidence, got ${evidence?.items.length}`);
  const sample = (run: () => void) => {
    const t = performance.now();
    run();
    return performance.now() - t;
  };
  const coldSync = median(
    Array.from({ length: RUNS }, () =>
      sample(() => service.collectEvidenceSync(parsed, nodeFilesSync, { roots, cache: new Map() })),
    ),
  );
  const cache: EvidenceCache = new Map();
  service.collectEvidenceSync(parsed, nodeFilesSync, { roots, cache });
  const warmSync = median(
    Array.from({ length: RUNS }, () =>
      sample(() => service.collectEvidenceSync(parsed, nodeFilesSync, { roots, cache })),
    ),
  );
  const asyncSamples = async (fresh: boolean) => {
    const shared: EvidenceCache = new Map();
    await service.collectEvidence(parsed, nodeFiles, { roots, cache: shared });
    const out: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await service.collectEvidence(parsed, nodeFiles, { roots, cache: fresh ? new Map() : shared });
      out.push(performance.now() - t);
    }
    return median(out);
  };
  const validate = median(Array.from({ length: RUNS }, () => sample(() => service.doValidation(parsed, evidence))));
  const validateWithout = median(Array.from({ length: RUNS }, () => sample(() => service.doValidation(parsed))));
  return {
    firstEver,
    coldSync,
    warmSync,
    coldAsync: await asyncSamples(true),
    warmAsync: await asyncSamples(false),
    validate,
    validateWithout,
  };
}

interface Publication {
  version?: number;
  codes: string[];
  at: number;
}

async function serverSession(release: ReturnType<typeof buildRelease>, evidence: boolean) {
  const child: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const rpc: MessageConnection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const publications: Publication[] = [];
  const waiters: Array<() => void> = [];
  rpc.onNotification(
    'textDocument/publishDiagnostics',
    (p: { version?: number; diagnostics: Array<{ code?: unknown }> }) => {
      publications.push({ version: p.version, codes: p.diagnostics.map((d) => String(d.code)), at: performance.now() });
      waiters.splice(0).forEach((w) => w());
    },
  );
  rpc.onRequest('client/registerCapability', () => null);
  rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) =>
    p.items.map(() => ({ evidence: { enable: evidence } })),
  );
  rpc.listen();
  const folder = pathToFileURL(release.dir).href;
  await rpc.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'release' }],
    initializationOptions: { settings: { evidence: { enable: evidence } } },
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await rpc.sendNotification('initialized', {});
  const until = (accept: (p: Publication) => boolean, from: number) =>
    new Promise<Publication>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no publication within 15 s')), 15_000);
      const check = () => {
        const hit = publications.slice(from).find(accept);
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        } else waiters.push(check);
      };
      check();
    });
  const uri = pathToFileURL(release.manifest).href;
  const opened = performance.now();
  await rpc.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'osai-manifest', version: 1, text: release.text },
  });
  const first = await until(() => true, 0);
  const withEvidence = evidence ? await until((p) => p.codes.includes('evidence/license-mismatch'), 0) : first;
  const keystrokes: number[] = [];
  let text = release.text;
  for (let i = 0; i < KEYSTROKES; i++) {
    const version = i + 2;
    const at = publications.length;
    const sent = performance.now();
    text = text.replace(
      /^[^\n]*/,
      `# A release whose 20 components are folders with their own license files (edit ${i}).`,
    );
    await rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    const published = await until((p) => p.version === version, at);
    keystrokes.push(published.at - sent);
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
  await rpc.sendRequest('shutdown');
  await rpc.sendNotification('exit');
  rpc.dispose();
  child.kill();
  return {
    firstPublication: first.at - opened,
    evidencePublication: withEvidence.at - opened,
    keystroke: median(keystrokes),
    evidenceCodes: first.codes.filter((c) => /^(?:evidence|location)\//.test(c)).length,
  };
}

export async function evidenceSection(measured: string): Promise<string> {
  const release = buildRelease();
  try {
    const service = await serviceCosts(release);
    // Sessions alternate (evidence on, off); each figure is the median over the sessions (a start is one sample each).
    const sessions: Array<{
      on: Awaited<ReturnType<typeof serverSession>>;
      off: Awaited<ReturnType<typeof serverSession>>;
    }> = [];
    for (let i = 0; i < SESSIONS; i++)
      sessions.push({ on: await serverSession(release, true), off: await serverSession(release, false) });
    const over = (pick: (s: (typeof sessions)[number]) => number) => median(sessions.map(pick));
    const on = {
      firstPublication: over((s) => s.on.firstPublication),
      evidencePublication: over((s) => s.on.evidencePublication),
      keystroke: over((s) => s.on.keystroke),
    };
    const off = { firstPublication: over((s) => s.off.firstPublication), keystroke: over((s) => s.off.keystroke) };
    return [
      "## Evidence: reading the release's own files",
      '',
      `${measured} (this section alone: \`npm run bench -- --evidence\`). A release ` +
        `of ${COMPONENTS} local components, each a folder with its own license file ` +
        `(real texts: MIT, Apache-2.0, BSD, ISC, MPL-2.0), all but one agreeing ` +
        `with the manifest; medians of ${RUNS} runs.`,
      '',
      '| | ms |',
      '|---|---:|',
      `| service, first collection in a process (the license index decoded too) | ${f(service.firstEver)} |`,
      `| service, cold (nothing read yet), synchronous file system (\`osai-check\`) | ${f(service.coldSync)} |`,
      `| service, warm (license files kept by path, size and modification time), ` +
        `synchronous | ${f(service.warmSync)} |`,
      `| service, cold, Node's asynchronous file system (the language server) | ${f(service.coldAsync)} |`,
      `| service, warm, asynchronous | ${f(service.warmAsync)} |`,
      `| validation with the evidence / without it | ${f(service.validate)} / ${f(service.validateWithout)} |`,
      `| server: open → first publication, evidence on / off (median of ${SESSIONS} ` +
        `sessions each) | ${f(on.firstPublication)} / ${f(off.firstPublication)} |`,
      `| server: open → publication with the evidence (a fresh server: the license ` +
        `index decoded, every file read and identified) | ${f(on.evidencePublication)} |`,
      `| server: keystroke → publication, evidence on / off (medians of ${KEYSTROKES} ` +
        `keystrokes ${INTERVAL_MS} ms apart, median over the sessions) | ${f(on.keystroke)} ` +
        `/ ${f(off.keystroke)} |`,
      '',
      'A keystroke never waits for the files: it reuses what the last reading ' +
        'found for the components it did not change, and a reading runs after ' +
        'the publication. The first publication after opening carries no ' +
        'evidence yet; the evidence follows in a second publication of the same ' +
        'version when it changes a finding.',
    ].join('\n');
  } finally {
    rmSync(release.dir, { recursive: true, force: true });
  }
}
