/** Coalescing: a burst of changes gets few publications, the last for the last version, none older than one before. */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from './lspClient';
import { keystroke, manifest } from './manifest';

const BURST = 50;

export interface Coalescing {
  sent: number;
  received: number;
  finalVersion: number;
  lastVersion?: number;
  monotonic: boolean;
  versions: Array<number | undefined>;
  ok: boolean;
}

export async function coalescing(client: Client): Promise<Coalescing> {
  const uri = 'file:///bench/protocol/burst.osai.yaml';
  const base = manifest(1_000);
  const openFrom = client.publications.length;
  await client.open(uri, base);
  await client.waitFor((x) => x.uri === uri, `the first publication for ${uri}`, openFrom);
  await sleep(300);
  const from = client.publications.length;
  let version = 1;
  for (let i = 0; i < BURST; i++) {
    version++;
    void client.change(uri, version, keystroke(base, version)).catch(() => undefined);
  }
  const lastSent = performance.now();
  await sleep(2_000);
  const got = client.publications.slice(from).filter((p) => p.uri === uri && p.at <= lastSent + 2_000);
  const versions = got.map((p) => p.version);
  const monotonic = versions.every((v, i) => i === 0 || (v ?? -1) >= (versions[i - 1] ?? -1));
  const lastVersion = versions[versions.length - 1];
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  const ok = got.length >= 1 && lastVersion === version && monotonic && got.length <= BURST;
  return { sent: BURST, received: got.length, finalVersion: version, lastVersion, monotonic, versions, ok };
}
