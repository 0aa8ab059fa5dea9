/**
 * `npm run bench`: how fast the OSAID service is, as ratios against baselines measured in
 * the same run (the bare YAML parse, and yaml-language-server with the same schema).
 * Prints a Markdown table; `--write` also records it in BENCHMARKS.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { getLanguageService as getYamlLanguageService } from 'yaml-language-server';
import { getLanguageService } from '../server/src/service';

const ROOT = join(__dirname, '..');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas', 'osai-manifest.schema.json'), 'utf8'));
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

/** A complete manifest grown to about `lines` lines with more libraries and datasets. */
export function generateManifest(lines: number): string {
  const head = readFileSync(join(ROOT, 'examples', 'olmo-7b.osai.yaml'), 'utf8').split('\n');
  const librariesAt = head.findIndex((l) => l.includes('supporting_libraries:')) + 1;
  const dataAt = head.findIndex((l) => l.includes('training_data:')) + 1;
  const extra = Math.max(0, lines - head.length);
  const libraries: string[] = [];
  const datasets: string[] = [];
  for (let i = 0; libraries.length + datasets.length < extra; i++) {
    libraries.push(`    - name: library-${i}   # pinned`, `      location: https://github.com/example/library-${i}`, `      license: ${i % 3 === 0 ? 'MIT' : i % 3 === 1 ? 'Apache-2.0' : 'BSD-3-Clause OR MIT'}`);
    datasets.push(`    - name: Dataset ${i}`, '      kind: public', `      location: https://huggingface.co/datasets/example/set-${i}`, `      license: ${i % 2 ? 'CC-BY-4.0' : 'ODC-By-1.0'}`);
  }
  const out = [...head.slice(0, librariesAt), ...libraries.slice(0, Math.ceil(extra / 2)), ...head.slice(librariesAt, dataAt), ...datasets.slice(0, Math.floor(extra / 2)), ...head.slice(dataAt)];
  return out.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void, runs = RUNS): number {
  run(); run(); // warm-up
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
  ls.configure({ validate: true, hover: true, completion: true, schemas: [{ uri: 'file:///schemas/osai-manifest.schema.json', fileMatch: ['*.osai.yaml'], schema: SCHEMA }] });
  return ls;
}

interface SizeRow { label: string; lines: number; validate: number; parse: number; peer?: number; hover: number; completion: number; codeAction: number }

/**
 * Runs the contenders in alternation, so each sees the same JIT and GC state: measuring one
 * after the other lets the first pay for warming up the shared YAML parser.
 */
async function interleaved(contenders: Array<() => unknown>, runs: number, warmup: number): Promise<number[]> {
  const samples = contenders.map(() => [] as number[]);
  for (let i = 0; i < warmup + runs; i++) {
    for (let c = 0; c < contenders.length; c++) {
      const start = performance.now();
      await contenders[c]();
      if (i >= warmup) samples[c].push(performance.now() - start);
    }
  }
  return samples.map(median);
}

async function measureSize(label: string, text: string, uri: string, withPeer: boolean): Promise<SizeRow> {
  const service = getLanguageService();
  let version = 0;
  const documentOf = () => TextDocument.create(uri, uri.endsWith('.osai.yaml') ? 'osai-manifest' : 'yaml', ++version, text);
  const ls = withPeer ? peer() : undefined;
  const lines = text.split('\n');
  // Small inputs are cheap: more runs for a stable median.
  const runs = lines.length < 2_000 ? RUNS * 8 : RUNS;
  const contenders: Array<() => unknown> = [
    () => { const parsed = service.parse(documentOf()); service.doValidation(parsed); },
    () => { parseDocument(text); },
  ];
  if (ls) contenders.push(() => ls.doValidation(documentOf(), false));
  const [validate, parse, peerMs] = await interleaved(contenders, runs, Math.max(5, runs / 5));
  // Feature latency at a point deep in the file, on the cached parse (as the server does).
  const document = documentOf();
  const parsed = service.parse(document);
  const diagnostics = service.doValidation(parsed);
  const deepLine = lines.length - 3 - [...lines].reverse().findIndex((l) => /license: /.test(l)) + 2;
  const position = { line: deepLine, character: lines[deepLine].indexOf('license:') + 12 };
  const hover = time(() => service.doHover(parsed, position), RUNS * 4);
  const completion = time(() => service.doComplete(parsed, position, { snippets: true }), RUNS * 4);
  const codeAction = time(() => service.getCodeActions(parsed, diagnostics, diagnostics), RUNS * 4);
  return { label, lines: lines.length, validate, parse, peer: ls ? peerMs : undefined, hover, completion, codeAction };
}

async function firstDiagnostics(text: string): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const got = new Promise<void>((resolve) => rpc.onNotification('textDocument/publishDiagnostics', () => resolve()));
  rpc.listen();
  await rpc.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await rpc.sendNotification('initialized', {});
  await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///bench/osai.yaml', languageId: 'osai-manifest', version: 1, text } });
  await got;
  const ms = performance.now() - started;
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  await rpc.sendRequest('shutdown');
  await rpc.sendNotification('exit');
  rpc.dispose();
  return { ms, rssMb };
}

/** Markdown files that are not cards (a README without front matter, a blog post with some): what the server pays for each. */
function plainMarkdown(i: number): string {
  const body = `# Project ${i}\n\nSome text about the project, with a [link](https://example.com) and \`code\`.\n\n## Usage\n\n\`\`\`sh\nnpm install\n\`\`\`\n`.repeat(20);
  return i % 4 === 0 ? `---\ntitle: Post ${i}\ndate: 2024-01-01\ntags: [news]\n---\n${body}` : body;
}

/** Opening 2,000 non-card Markdown files over LSP: server time per file, from the first didOpen to the last publication. */
async function markdownOpenCost(count: number): Promise<{ serviceMs: number; serverMs: number }> {
  const service = getLanguageService();
  const docs = Array.from({ length: count }, (_, i) => TextDocument.create(`file:///bench/md/${i}/README.md`, 'markdown', 1, plainMarkdown(i)));
  const serviceMs = time(() => { for (const d of docs) service.doValidation(service.parse(d)); }, 5) / count;
  const child = spawn(process.execPath, [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let published = 0;
  const all = new Promise<void>((resolve) => rpc.onNotification('textDocument/publishDiagnostics', () => { if (++published === count) resolve(); }));
  rpc.listen();
  await rpc.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await rpc.sendNotification('initialized', {});
  const started = performance.now();
  for (const d of docs) void rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'markdown', version: 1, text: d.getText() } });
  await all;
  const serverMs = (performance.now() - started) / count;
  await rpc.sendRequest('shutdown');
  await rpc.sendNotification('exit');
  rpc.dispose();
  return { serviceMs, serverMs };
}

const f = (ms: number | undefined) => (ms === undefined ? '–' : ms < 1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const mark = (ok: boolean) => (ok ? '✓' : '✗ not met');

async function main(): Promise<void> {
  const rows: SizeRow[] = [];
  for (const lines of [100, 1_000, 10_000]) {
    rows.push(await measureSize(`manifest, ${lines.toLocaleString('en-US')} lines`, generateManifest(lines), 'file:///bench/bench.osai.yaml', true));
  }
  const mofDir = join(ROOT, 'test', 'fixtures', 'mot-conformance');
  const mofFile = readdirSync(mofDir).find((n) => n.startsWith('FullTestFile'));
  if (mofFile) rows.push(await measureSize('MOF file, 17 components', readFileSync(join(mofDir, mofFile), 'utf8'), 'file:///bench/model.yml', false));

  const starts: number[] = [];
  let rss = 0;
  const big = generateManifest(10_000);
  for (let i = 0; i < 5; i++) starts.push((await firstDiagnostics(generateManifest(100))).ms);
  rss = (await firstDiagnostics(big)).rssMb;
  const start = median(starts);
  const markdown = await markdownOpenCost(2_000);
  const vsix = readdirSync(ROOT).filter((n) => n.endsWith('.vsix')).map((n) => ({ n, size: statSync(join(ROOT, n)).size }))[0];

  const table: string[] = [];
  table.push('| input | lines | full validation ms | bare `yaml.parseDocument` ms | ratio (budget ≤ 2×) | yaml-language-server ms | ratio (budget < 1×) | hover ms | completion ms | code actions ms (budget < 10) |');
  table.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const budgets: string[] = [];
  for (const r of rows) {
    const ratio = r.validate / r.parse;
    const peerRatio = r.peer ? r.validate / r.peer : undefined;
    table.push(`| ${r.label} | ${r.lines.toLocaleString('en-US')} | ${f(r.validate)} | ${f(r.parse)} | ${ratio.toFixed(2)}× ${mark(ratio <= 2)} | ${f(r.peer)} | ${peerRatio === undefined ? '–' : `${peerRatio.toFixed(2)}× ${mark(peerRatio < 1)}`} | ${f(r.hover)} | ${f(r.completion)} | ${f(r.codeAction)} ${mark(Math.max(r.hover, r.completion, r.codeAction) < 10)} |`);
    if (ratio > 2) budgets.push(`${r.label}: validation ${ratio.toFixed(2)}× the bare parse`);
    if (peerRatio !== undefined && peerRatio >= 1) budgets.push(`${r.label}: not faster than yaml-language-server`);
    if (r.lines >= 10_000 && Math.max(r.hover, r.completion, r.codeAction) >= 10) budgets.push(`${r.label}: a feature took 10 ms or more`);
  }
  table.push('');
  table.push(`Server start (spawned \`--stdio\`) to first diagnostics, 100-line manifest, median of 5: **${f(start)} ms** (budget < 500 ms) ${mark(start < 500)}`);
  table.push(`Server resident memory after opening the 10,000-line manifest: **${rss.toFixed(0)} MB**`);
  table.push(`\`.vsix\` size: ${vsix ? `**${(vsix.size / 1024).toFixed(0)} KB** (${vsix.n}; budget < 1 MB) ${mark(vsix.size < 1024 * 1024)}` : 'no .vsix in the folder (run `npm run package` first)'}`);
  table.push(`Opening 2,000 Markdown files that are not cards, per file: **${f(markdown.serverMs)} ms** over LSP (didOpen to its empty publication, 2-core machine), ${f(markdown.serviceMs)} ms in the service (budget < 1 ms) ${mark(markdown.serverMs < 1)}`);
  if (start >= 500) budgets.push('first diagnostics took 500 ms or more');
  if (markdown.serverMs >= 1) budgets.push('a non-card Markdown file cost the server 1 ms or more');
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians of ${RUNS * 8} interleaved runs below 2,000 lines, ${RUNS} above`;
  const verdict = budgets.length ? `Budgets not met: ${budgets.join('; ')}.` : 'All budgets met.';
  const output = [`Machine: ${machine}`, '', ...table, '', verdict].join('\n');
  console.log(output);
  if (process.argv.includes('--write')) {
    const file = join(ROOT, 'BENCHMARKS.md');
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const marker = '<!-- bench:start -->';
    const intro = previous.includes(marker) ? previous.slice(0, previous.indexOf(marker)) : '# Benchmarks\n\n';
    writeFileSync(file, `${intro}${marker}\nMeasured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\`.\n\n${output}\n<!-- bench:end -->\n`);
    console.log(`\nwrote ${file}`);
  }
}

if (require.main === module) void main().catch((error) => { console.error(error); process.exitCode = 1; });
