/**
 * The protocol-level section of `npm run bench` (`--protocol` runs it alone): what a user
 * feels, measured over stdio with one small LSP client of our own (lspClient.ts) that drives
 * both our server and yaml-language-server with our JSON Schema.
 *
 * Keystroke → diagnostics, push and pull (keystrokes.ts), spawn → first diagnostics
 * (start.ts), the command line's start (commandLine.ts), the server's memory over many files
 * and many edits (memory.ts), and a coalescing check (coalescing.ts); protocolMarkdown.ts
 * writes the section. Every spawned process is killed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { coalescing, Coalescing } from './coalescing';
import { commandLine } from './commandLine';
import { keystrokeRows } from './keystrokes';
import { Client, killAll, log } from './lspClient';
import { protocolMs as f } from './markdown';
import { HEAP_PROBE, memory, Memory } from './memory';
import { protocolMarkdown } from './protocolMarkdown';
import { spawns } from './start';
import { p50 } from './stats';

/** Runs every protocol measurement (about three minutes on 2 cores) and returns the Markdown section. */
export async function protocolSection(measured: string): Promise<string> {
  const cleanup = () => killAll();
  process.once('exit', cleanup);
  // A code cache of our own for this run, so that no earlier run's cache counts (every spawn inherits it).
  const codeCache = mkdtempSync(join(tmpdir(), 'osai-bench-cache-'));
  process.env.OSAI_CACHE_DIR = codeCache;
  try {
    const started = performance.now();
    const { rows, notes, ylsMessage } = await keystrokeRows();
    const starts = await spawns();
    log(
      `spawn → first diagnostics: ours ${f(p50(starts.ours.total))} ms, yaml-language-server ` +
        `${f(p50(starts.yls.total))} ms`,
    );
    const cli = commandLine();
    log(`command line: osai-check ${f(cli.cli)} ms, node -e 0 ${f(cli.node)} ms`);
    const heapFile = join(codeCache, 'heap.json');
    const client = await Client.start('ours', 'push', { OSAI_BENCH_HEAP_FILE: heapFile }, [
      '--expose-gc',
      '--require',
      HEAP_PROBE,
    ]);
    let mem: Memory;
    let burst: Coalescing;
    try {
      mem = await memory(client, heapFile);
      burst = await coalescing(client);
    } finally {
      await client.stop();
    }
    log(`coalescing: ${burst.received} publications for ${burst.sent} changes, versions ${burst.versions.join(', ')}`);
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return protocolMarkdown(measured, rows, notes, ylsMessage, starts, cli, mem, burst);
  } finally {
    killAll();
    process.removeListener('exit', cleanup);
    rmSync(codeCache, { recursive: true, force: true });
  }
}
