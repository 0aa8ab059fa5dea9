/** The protocol section's Markdown: its tables, goals and method, from the measurements. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Coalescing } from './coalescing';
import { CLI_RUNS, type CommandLine } from './commandLine';
import { INTERVAL_MS, MEASURED, Row, WARMUP } from './keystrokes';
import { machine, mark, n, protocolMs as f } from './markdown';
import { EDIT_BATCH, EDITS_DEADLINE_MS, Memory, MOF_FILES } from './memory';
import { SPAWNS, Starts } from './start';
import { p50, p95 } from './stats';

const ROOT = join(__dirname, '..', '..');

/**
 * yaml-language-server's wait after a change before it validates (push), read from its source for the method paragraph.
 */
const YLS_DELAY = (() => {
  try {
    return (
      /validationDelayMs\s*=\s*(\d+)/.exec(
        readFileSync(
          join(ROOT, 'node_modules', 'yaml-language-server', 'out', 'server', 'src', 'yamlSettings.js'),
          'utf8',
        ),
      )?.[1] ?? '?'
    );
  } catch {
    return '?';
  }
})();

export function protocolMarkdown(
  measured: string,
  rows: Row[],
  notes: string[],
  ylsMessage: string,
  starts: Starts,
  cli: CommandLine,
  mem: Memory,
  burst: Coalescing,
): string {
  const out: string[] = [];
  out.push('## Over the protocol: what users feel', '');
  out.push(`${measured} (this section alone: \`npm run bench -- --protocol\`).`, '');
  out.push(`Machine: ${machine()}`, '');

  out.push('### Keystroke → diagnostics', '');
  out.push(
    '| manifest lines | ours, push p50 / p95 ms | ours, pull p50 / p95 ms | ' +
      'ours, typed in the largest section: push / pull p50 ms (p95) | of ' +
      'which transport: `didChange` + no-op request p50 ms | in-process: a ' +
      'fresh parse + validate p50 ms (no reuse) | yaml-language-server, push ' +
      'p50 / p95 ms | YLS ÷ ours (push p50; largest section) |',
  );
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const ratio = r.yls
      ? `${(p50(r.yls) / p50(r.push)).toFixed(2)}× (${(p50(r.yls) / p50(r.pushLarge)).toFixed(2)}×)`
      : '–';
    out.push(
      `| ${n(r.lines)} | ${f(p50(r.push))} / ${f(p95(r.push))} | ${f(p50(r.pull))} / ` +
        `${f(p95(r.pull))} | ${f(p50(r.pushLarge))} (${f(p95(r.pushLarge))}) / ` +
        `${f(p50(r.pullLarge))} (${f(p95(r.pullLarge))}) | ${f(p50(r.probe))} | ` +
        `${f(r.inProcess)} | ${r.yls ? `${f(p50(r.yls))} / ${f(p95(r.yls))}` : '–'} | ` +
        `${ratio} |`,
    );
  }
  out.push('');
  const at = (lines: number) => rows.find((r) => r.lines === lines)!;
  const goal = (lines: number, budget: number) => {
    const r = at(lines);
    return (
      `- ours p50 ≤ ${budget} ms at ${n(lines)} lines: push ${f(p50(r.push))} ` +
      `ms ${mark(p50(r.push) <= budget)}; pull ${f(p50(r.pull))} ms ${mark(p50(r.pull) <= budget)}; ` +
      `typed in the largest section, push ${f(p50(r.pushLarge))} ms ${mark(p50(r.pushLarge) <= budget)}, ` +
      `pull ${f(p50(r.pullLarge))} ms ${mark(p50(r.pullLarge) <= budget)}`
    );
  };
  out.push('Goals:', '');
  out.push(goal(100, 25));
  out.push(goal(1_000, 60));
  for (const mode of ['push', 'pull', 'pushLarge', 'pullLarge'] as const) {
    const worst = rows
      .map((r) => ({ lines: r.lines, ratio: p95(r[mode]) / p50(r[mode]) }))
      .sort((a, b) => b.ratio - a.ratio)[0];
    const label = {
      push: 'push',
      pull: 'pull',
      pushLarge: 'push, typed in the largest section',
      pullLarge: 'pull, typed in the largest section',
    }[mode];
    out.push(
      `- ours ${label}, p95 ≤ 2× p50 at every size: worst ${worst.ratio.toFixed(2)}× ` +
        `(${n(worst.lines)} lines) ${mark(worst.ratio <= 2)}`,
    );
  }
  const compared = rows.filter((r) => r.yls);
  for (const mode of ['push', 'pushLarge'] as const) {
    const slowest = compared
      .map((r) => ({ lines: r.lines, ratio: p50(r.yls!) / p50(r[mode]) }))
      .sort((a, b) => a.ratio - b.ratio)[0];
    out.push(
      `- ≥ 3× faster than yaml-language-server at every size (push p50` +
        `${mode === 'pushLarge' ? ', typed in the largest section' : ''}` +
        `): smallest ratio ${slowest.ratio.toFixed(2)}× (${n(slowest.lines)} lines) ` +
        `${mark(slowest.ratio >= 3)}`,
    );
  }
  out.push('');

  out.push('### Start', '');
  const ours = p50(starts.ours.total);
  out.push(
    `Spawn → first diagnostics, 100-line manifest (spawn, \`initialize\`, \`initialized\`, ` +
      `\`didOpen\`, until the first publication), median of ${SPAWNS}: ours **${f(ours)} ` +
      `ms** (goal ≤ 200 ms) ${mark(ours <= 200)}, of which ${f(p50(starts.ours.initialized))} ` +
      `ms until the \`initialize\` response; the first start after an install ` +
      `or an update, before our code cache exists, ${f(p50(starts.oursCold.total))} ` +
      `ms; yaml-language-server ${f(p50(starts.yls.total))} ms, of which ${f(p50(starts.yls.initialized))} ` +
      `ms until the \`initialize\` response.`,
    '',
  );
  const ratio = cli.cli / cli.node;
  out.push(
    `Command line: \`node bin/osai-check.js <100-line manifest>\` **${f(cli.cli)} ` +
      `ms** (exit ${cli.status}) against \`node -e 0\` ${f(cli.node)} ms, medians ` +
      `of ${CLI_RUNS} interleaved runs: **${ratio.toFixed(2)}×** (goal ≤ 2×) ${mark(ratio <= 2)}; ` +
      `without the code cache (the first run after an install or an update) ${f(cli.cold)} ` +
      `ms, ${(cli.cold / cli.node).toFixed(2)}×.`,
    '',
  );

  out.push('### Memory (ours, push mode)', '');
  out.push('| state | server RSS MB | server heap after a full GC MB |');
  out.push('|---|---:|---:|');
  out.push(`| initialized, nothing open | ${mem.started.toFixed(0)} | |`);
  out.push(
    `| ${MOF_FILES} MOF files open (${mem.distinct} distinct files from test/fixtures/mof-corpus ` +
      `and test/fixtures/mof, repeated under distinct URIs to ${MOF_FILES}), all ` +
      `published | ${mem.mof.toFixed(0)} | |`,
  );
  out.push(`| and a 1,000-line manifest open | ${mem.opened.toFixed(0)} | ${mem.openedHeap.toFixed(1)} |`);
  for (const e of mem.edits) {
    const rss =
      e.rss === undefined
        ? `– (not reached within ${EDITS_DEADLINE_MS / 1000} s)`
        : `${e.rss.toFixed(0)} (${e.seconds!.toFixed(0)} s in)`;
    out.push(
      `| after ${n(e.edits)} edits of the manifest | ${rss} | ${e.heap === undefined ? '–' : e.heap.toFixed(1)} |`,
    );
  }
  out.push('');
  const heaps = mem.edits.filter((e) => e.heap !== undefined).map((e) => e.heap!);
  if (heaps.length >= 2) {
    // Flat: what survives a full GC after 10,000 edits is what survived after 1,000 (within 1 MB, V8's own
    // bookkeeping).
    const growth = heaps[heaps.length - 1] - heaps[0];
    out.push(
      `No growth across edits (heap after a full GC, ${n(mem.edits[0].edits)} → ` +
        `${n(mem.edits[heaps.length - 1].edits)} edits, within 1 MB): ` +
        `${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB ${mark(Math.abs(growth) <= 1)}` +
        `. Resident memory moves with when the collector last ran and what V8 ` +
        `keeps reserved; the heap after a full collection is what the server retains.`,
      '',
    );
  }

  out.push(
    `Coalescing: ${burst.sent} \`didChange\`s sent in a burst (1,000-line ` +
      `manifest) → ${burst.received} publication${burst.received === 1 ? '' : 's'}` +
      ` within 2 s of the last (versions ${burst.versions.join(', ') || 'none'}` +
      `); the last is for version ${burst.lastVersion ?? '–'} of ${burst.finalVersion}` +
      `, ` +
      `${burst.monotonic ? 'none older than one already published' : 'one older than one already published'}` +
      ` ${mark(burst.ok)}`,
    '',
  );

  if (notes.length) out.push(`Notes: ${notes.join('; ')}.`, '');

  out.push(
    `Method. One client of our own (vscode-jsonrpc over the servers' stdio) ` +
      `drives both servers with the same capabilities; push mode leaves \`textDocument.diagnostic\` ` +
      `out of them, pull mode declares it. ` +
      `A keystroke is a full-text \`didChange\` (no range, version + 1) that types ` +
      `a counter into a comment of the generated manifest (\`generateManifest\` ` +
      `in scripts/bench/manifest.ts) — in \`parameters\`, a short top-level entry, ` +
      `or (the "largest section" column) in the middle of \`code\`, the largest, ` +
      `about half the file — so the text changes and the diagnostics do not; ` +
      `one is sent every ${INTERVAL_MS} ms, or as soon as the previous one was ` +
      `answered if that took longer, after the document's first diagnostics; ${WARMUP} ` +
      `warm-up keystrokes, then ${MEASURED} measured, per size; p50 and p95 are ` +
      `nearest-rank over those ${MEASURED}. ` +
      `Timed from just before the send to: the \`textDocument/publishDiagnostics\` ` +
      `carrying that version (ours, push); the response to a \`textDocument/diagnostic\` ` +
      `request sent right after the change (ours, pull); the first publication ` +
      `for the document after the send (yaml-language-server, whose publications carry no version). ` +
      `The transport column sends the same change followed by a request no server ` +
      `knows (answered at once with MethodNotFound): what the pull costs besides ` +
      `the check; the in-process column is \`parse\` + \`doValidation\` of the ` +
      `same texts in this process, each parsed afresh (the server hands each parse ` +
      `the previous version's, and reparses only the top-level entries whose text ` +
      `changed: hence the two keystroke places). ` +
      `In push mode a server waits after a change before it validates, for more ` +
      `changes: yaml-language-server ${YLS_DELAY} ms (its \`validationDelayMs\`, ` +
      `read from its source); ours a quarter of what the document's last validation ` +
      `cost (at least 4 ms; 150 ms while keystrokes come faster than it validates); ` +
      `a pull is answered at once. ` +
      `One server process per mode serves every size, smallest first, so the first ` +
      `sizes also measure code the JIT has not optimized yet (as a freshly started ` +
      `server meets the first keystrokes). ` +
      `yaml-language-server gets its settings as from VS Code's YAML extension ` +
      `(answering its \`workspace/configuration\` requests: \`yaml.validate\`, ` +
      `\`yaml.schemas\` mapping schemas/osai-manifest.schema.json to \`*.osai.yaml\`, ` +
      `schema store off) and opens the documents as \`yaml\`; it was checked to ` +
      `apply the schema (an unknown top-level key \`foo\` gave "${ylsMessage}"). ` +
      `Spawn → first diagnostics: medians of ${SPAWNS}, the servers alternating, ` +
      `after one warm-up spawn each (ours writes its code cache at the end of ` +
      `that one; the run uses a cache folder of its own, so no earlier run's cache ` +
      `counts). Memory is the server's VmRSS from /proc and, for the edits, its ` +
      `V8 heap after a full collection (the server is started with \`--expose-gc\` ` +
      `and a bench-only preload, scripts/bench/heapProbe.cjs, that collects and ` +
      `reports on SIGUSR2); the edits are the same keystrokes sent as fast as ` +
      `the server reads them, the publication of every ${EDIT_BATCH}th version awaited.`,
  );
  return out.join('\n');
}
