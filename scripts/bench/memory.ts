/**
 * The server's memory: at start, with many MOF files open, with a manifest open, and across
 * thousands of edits (its heap after a full collection, through the bench's heap probe).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, log, withTimeout } from './lspClient';
import { keystroke, manifest } from './manifest';
import { n } from './markdown';

const ROOT = join(__dirname, '..', '..');
export const MOF_FILES = 300;
const EDIT_CHECKPOINTS = [1_000, 5_000, 10_000] as const;
/** Edits are sent in batches of this many; the publication of the batch's last version is awaited. */
export const EDIT_BATCH = 100;
export const EDITS_DEADLINE_MS = 150_000;

function mofFiles(): Array<{ name: string; text: string }> {
  const dirs = [join(ROOT, 'test', 'fixtures', 'mof-corpus'), join(ROOT, 'test', 'fixtures', 'mof')];
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })),
  );
  if (!files.length) throw new Error('protocol bench: no MOF files in test/fixtures/mof-corpus or test/fixtures/mof');
  return files;
}

/** Bench-only preload that lets the bench ask the server for its heap after a full GC (scripts/bench/heapProbe.cjs). */
export const HEAP_PROBE = join(ROOT, 'scripts', 'bench', 'heapProbe.cjs');

export interface Memory {
  started: number;
  mof: number;
  mofFiles: number;
  distinct: number;
  opened: number;
  openedHeap: number;
  edits: Array<{ edits: number; rss?: number; heap?: number; seconds?: number }>;
}

export async function memory(client: Client, heapFile: string): Promise<Memory> {
  await sleep(300);
  const started = client.rssMb();
  const files = mofFiles();
  const from = client.publications.length;
  const waiting = new Set<string>();
  for (let i = 0; i < MOF_FILES; i++) {
    const file = files[i % files.length];
    const uri = `file:///bench/protocol/mof/${i}/${file.name}`;
    waiting.add(uri);
    void client.open(uri, file.text).catch(() => undefined);
  }
  let seen = from;
  await withTimeout(
    (async () => {
      while (waiting.size) {
        const p = await client.waitFor(
          (x) => waiting.has(x.uri),
          `publications for ${waiting.size} of the ${MOF_FILES} MOF files`,
          seen,
          60_000,
        );
        waiting.delete(p.uri);
        seen = p.seq + 1;
      }
    })(),
    90_000,
    `the publications of all ${MOF_FILES} MOF files`,
  );
  await sleep(300);
  const mof = client.rssMb();
  log(`RSS after opening ${MOF_FILES} MOF files: ${mof.toFixed(0)} MB`);

  const uri = 'file:///bench/protocol/memory.osai.yaml';
  const base = manifest(1_000);
  const openFrom = client.publications.length;
  await client.open(uri, base);
  await client.waitFor((x) => x.uri === uri, `the first publication for ${uri}`, openFrom);
  const opened = client.rssMb();
  const openedHeap = await client.heapAfterGcMb(heapFile);
  log(`heap after GC with the manifest open: ${openedHeap.toFixed(1)} MB`);
  const edits: Memory['edits'] = EDIT_CHECKPOINTS.map((e) => ({ edits: e }));
  const start = performance.now();
  const last = EDIT_CHECKPOINTS[EDIT_CHECKPOINTS.length - 1];
  for (let edit = 1; edit <= last; edit++) {
    const version = edit + 1;
    const seq = client.publications.length;
    await client.change(uri, version, keystroke(base, version));
    if (edit % EDIT_BATCH !== 0) continue;
    await client.waitFor(
      (x) => x.uri === uri && x.version === version,
      `the publication for ${uri} version ${version} (edit ${n(edit)})`,
      seq,
    );
    const checkpoint = edits.find((c) => c.edits === edit);
    if (checkpoint) {
      checkpoint.rss = client.rssMb();
      checkpoint.seconds = (performance.now() - start) / 1000;
      checkpoint.heap = await client.heapAfterGcMb(heapFile);
      log(
        `after ${n(edit)} edits: RSS ${checkpoint.rss.toFixed(0)} MB, heap after ` +
          `GC ${checkpoint.heap.toFixed(1)} MB (${checkpoint.seconds.toFixed(0)} s)`,
      );
    }
    if (performance.now() - start > EDITS_DEADLINE_MS) {
      log(`edits stopped at ${n(edit)}: over ${EDITS_DEADLINE_MS / 1000} s`);
      break;
    }
  }
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  return {
    started,
    mof,
    mofFiles: files.length,
    distinct: Math.min(files.length, MOF_FILES),
    opened,
    openedHeap,
    edits,
  };
}
