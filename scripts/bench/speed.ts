/**
 * The speed section's measurements: the service as it ships (shipped.ts) against the bare
 * YAML parse of the same build and against yaml-language-server with the same schema, run
 * interleaved; feature latency deep in a large file; the server's memory; the cost of
 * Markdown files that are not cards, JSON files that are not ML-BOMs; the `.vsix` size.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { getLanguageService as getYamlLanguageService } from 'yaml-language-server';
import { getLanguageService } from '../../server/src/service';
import { generateManifest } from './manifest';
import { loadShipped, Shipped } from './shipped';
import { median } from './stats';

const ROOT = join(__dirname, '..', '..');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas', 'osai-manifest.schema.json'), 'utf8'));
export const RUNS = Number(process.env.BENCH_RUNS ?? 25);

function time(run: () => void, runs = RUNS): number {
  run();
  run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function peer() {
  const ls = getYamlLanguageService({
    schemaRequestService: () => Promise.reject(new Error('no network in benchmarks')),
    workspaceContext: { resolveRelativePath: (relativePath: string) => relativePath },
  });
  ls.configure({
    validate: true,
    hover: true,
    completion: true,
    schemas: [{ uri: 'file:///schemas/osai-manifest.schema.json', fileMatch: ['*.osai.yaml'], schema: SCHEMA }],
  });
  return ls;
}

export interface SizeRow {
  label: string;
  lines: number;
  validate: number;
  revalidate: number;
  parse: number;
  publishedParse: number;
  peer?: number;
  hover: number;
  completion: number;
  codeAction: number;
}

/**
 * Runs the contenders in alternation, so each sees the same JIT state: measuring one after the
 * other lets the first pay for warming up the shared YAML parser. The order rotates every
 * round, so each contender follows each other one equally often: a collection of the garbage
 * left by the one before (yaml-language-server's, say) falls on every contender alike. (A
 * forced full collection before each run instead leaves sweeping and a shrunken heap to the
 * timed run: it tripled some medians.)
 */
async function interleaved(contenders: Array<() => unknown>, runs: number, warmup: number): Promise<number[]> {
  const samples = contenders.map(() => [] as number[]);
  const rounds = Math.ceil((warmup + runs) / contenders.length) * contenders.length;
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = (i + k) % contenders.length;
      const start = performance.now();
      await contenders[c]();
      if (i >= warmup) samples[c].push(performance.now() - start);
    }
  }
  return samples.map(median);
}

/** The service and the parse as bundled (bench/shipped.ts); the bare parse of the published library beside them. */
async function measureSize(
  shipped: Shipped,
  label: string,
  text: string,
  uri: string,
  withPeer: boolean,
): Promise<SizeRow> {
  const { TextDocument } = shipped;
  const service = shipped.getLanguageService();
  let version = 0;
  const documentOf = () =>
    TextDocument.create(uri, uri.endsWith('.osai.yaml') ? 'osai-manifest' : 'yaml', ++version, text);
  const ls = withPeer ? peer() : undefined;
  const lines = text.split('\n');
  // Small inputs are cheap: more runs for a stable median.
  const runs = lines.length < 2_000 ? RUNS * 8 : RUNS;
  // A keystroke in the middle of the largest top-level entry (a library's comment in a manifest), every other run
  // taken back: validated with the previous version's parse, as the server does (only the changed entry is reparsed).
  // (A file without those comments: after the first character of the first `key: value` value past the middle, inside
  // its quotes if it has any.)
  const pinned = [...text.matchAll(/# pinned/g)];
  const valueLine = /^[ \t-]*[\w.-]+:[ \t]+[^\s#].*$/gm;
  valueLine.lastIndex = Math.floor(text.length / 2);
  const at =
    pinned.length > 0
      ? pinned[Math.floor(pinned.length / 2)].index!
      : (() => {
          const m = valueLine.exec(text);
          return m ? m.index + m[0].length - m[0].replace(/^[^:]*:[ \t]+/, '').length + 1 : text.length;
        })();
  const typed = `${text.slice(0, at)}x${text.slice(at)}`;
  let previous: ReturnType<typeof service.parse> | undefined;
  let keystrokes = 0;
  const contenders: Array<() => unknown> = [
    () => {
      const parsed = service.parse(documentOf());
      service.doValidation(parsed);
    },
    () => {
      const next = TextDocument.create(
        uri,
        uri.endsWith('.osai.yaml') ? 'osai-manifest' : 'yaml',
        ++version,
        ++keystrokes % 2 ? typed : text,
      );
      const parsed = service.parse(next, { previous });
      service.doValidation(parsed);
      previous = parsed;
    },
    () => {
      shipped.parseDocument(text);
    },
    () => {
      parseDocument(text);
    },
  ];
  if (ls) contenders.push(() => ls.doValidation(documentOf(), false));
  const [validate, revalidate, parse, publishedParse, peerMs] = await interleaved(
    contenders,
    runs,
    Math.max(5, runs / 5),
  );
  // Feature latency at a point deep in the file, on the cached parse (as the server does).
  const document = documentOf();
  const parsed = service.parse(document);
  const diagnostics = service.doValidation(parsed);
  const deepLine = lines.length - 3 - [...lines].reverse().findIndex((l) => /license: /.test(l)) + 2;
  const position = { line: deepLine, character: lines[deepLine].indexOf('license:') + 12 };
  const hover = time(() => service.doHover(parsed, position), RUNS * 4);
  const completion = time(() => service.doComplete(parsed, position, { snippets: true }), RUNS * 4);
  const codeAction = time(() => service.getCodeActions(parsed, diagnostics, diagnostics), RUNS * 4);
  return {
    label,
    lines: lines.length,
    validate,
    revalidate,
    parse,
    publishedParse,
    peer: ls ? peerMs : undefined,
    hover,
    completion,
    codeAction,
  };
}

async function firstDiagnostics(text: string): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const got = new Promise<void>((resolve) => rpc.onNotification('textDocument/publishDiagnostics', () => resolve()));
  rpc.listen();
  await rpc.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await rpc.sendNotification('initialized', {});
  await rpc.sendNotification('textDocument/didOpen', {
    textDocument: { uri: 'file:///bench/osai.yaml', languageId: 'osai-manifest', version: 1, text },
  });
  await got;
  const ms = performance.now() - started;
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  await rpc.sendRequest('shutdown');
  await rpc.sendNotification('exit');
  rpc.dispose();
  return { ms, rssMb };
}

/**
 * Markdown files that are not cards (a README without front matter, a blog post with some): what the server pays for
 * each.
 */
function plainMarkdown(i: number): string {
  const body =
    `# Project ${i}\n\nSome text about the project, with a [link](https://example.com) and \`code\`.\n\n## Usage\n\n\`\`\`sh\nnpm install\n\`\`\`\n`.repeat(
      20,
    );
  return i % 4 === 0 ? `---\ntitle: Post ${i}\ndate: 2024-01-01\ntags: [news]\n---\n${body}` : body;
}

/**
 * JSON files that are not ML-BOMs (a package.json, a tsconfig, a data file that names `bomFormat` and CycloneDX, so
 * is parsed, but is no BOM): the editor sends every JSON file it opens, and the server looks at each.
 */
function plainJson(i: number): { uri: string; text: string } {
  switch (i % 3) {
    case 0:
      return {
        uri: `file:///bench/json/${i}/package.json`,
        text: JSON.stringify(
          { name: `pkg-${i}`, version: '1.0.0', scripts: { test: 'node --test' }, dependencies: { yaml: '^2.6.0' } },
          null,
          2,
        ),
      };
    case 1:
      return {
        uri: `file:///bench/json/${i}/tsconfig.json`,
        text: JSON.stringify({ compilerOptions: { strict: true, target: 'es2022' }, include: ['src'] }, null, 2),
      };
    default:
      return {
        uri: `file:///bench/json/${i}/records.json`,
        text: JSON.stringify(
          Array.from({ length: 50 }, (_, n) => ({ id: n, bomFormat: 'none', note: 'CycloneDX is not used here' })),
          null,
          2,
        ),
      };
  }
}

/**
 * Opening 2,000 files no format claims over LSP: server time per file, from the first didOpen to the last
 * publication.
 */
async function openCost(
  languageId: string,
  files: Array<{ uri: string; text: string }>,
): Promise<{ serviceMs: number; serverMs: number }> {
  const count = files.length;
  const service = getLanguageService();
  const docs = files.map((file) => TextDocument.create(file.uri, languageId, 1, file.text));
  const serviceMs =
    time(() => {
      for (const d of docs) service.doValidation(service.parse(d));
    }, 5) / count;
  const child = spawn(process.execPath, [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let published = 0;
  const all = new Promise<void>((resolve) =>
    rpc.onNotification('textDocument/publishDiagnostics', () => {
      if (++published === count) resolve();
    }),
  );
  rpc.listen();
  await rpc.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await rpc.sendNotification('initialized', {});
  const started = performance.now();
  for (const d of docs)
    void rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri: d.uri, languageId, version: 1, text: d.getText() },
    });
  await all;
  const serverMs = (performance.now() - started) / count;
  await rpc.sendRequest('shutdown');
  await rpc.sendNotification('exit');
  rpc.dispose();
  return { serviceMs, serverMs };
}

/** What the speed table shows. */
export interface Speed {
  rows: SizeRow[];
  rss: number;
  markdown: { serviceMs: number; serverMs: number };
  json: { serviceMs: number; serverMs: number };
  vsix?: { n: string; size: number };
}

/** Measures what the speed table shows: validation against its baselines, features, server memory, the `.vsix`. */
export async function measureSpeed(): Promise<Speed> {
  const rows: SizeRow[] = [];
  const shipped = await loadShipped();
  for (const lines of [100, 1_000, 10_000]) {
    rows.push(
      await measureSize(
        shipped,
        `manifest, ${lines.toLocaleString('en-US')} lines`,
        generateManifest(lines),
        'file:///bench/bench.osai.yaml',
        true,
      ),
    );
  }
  const mofDir = join(ROOT, 'test', 'fixtures', 'mot-conformance');
  const mofFile = readdirSync(mofDir).find((n) => n.startsWith('FullTestFile'));
  if (mofFile)
    rows.push(
      await measureSize(
        shipped,
        'MOF file, 17 components',
        readFileSync(join(mofDir, mofFile), 'utf8'),
        'file:///bench/model.yml',
        false,
      ),
    );

  // Spawn → first diagnostics is measured with more care in the protocol section; here, the memory of a big document.
  const rss = (await firstDiagnostics(generateManifest(10_000))).rssMb;
  const markdown = await openCost(
    'markdown',
    Array.from({ length: 2_000 }, (_, i) => ({ uri: `file:///bench/md/${i}/README.md`, text: plainMarkdown(i) })),
  );
  const json = await openCost(
    'json',
    Array.from({ length: 2_000 }, (_, i) => plainJson(i)),
  );
  const vsix = readdirSync(ROOT)
    .filter((n) => n.endsWith('.vsix'))
    .map((n) => ({ n, size: statSync(join(ROOT, n)).size }))[0];
  return { rows, rss, markdown, json, vsix };
}
