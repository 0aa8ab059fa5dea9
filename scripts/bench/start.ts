/** Spawn → first diagnostics: ours with its code cache and without, and yaml-language-server. */
import { performance } from 'node:perf_hooks';
import { Client, ServerKind } from './lspClient';
import { manifest } from './manifest';

export const SPAWNS = 15;

/** Spawn → first publication, and spawn → the initialize response (the part before any document). */
async function spawnToDiagnostics(
  kind: ServerKind,
  text: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ total: number; initialized: number }> {
  const uri = 'file:///bench/protocol/start.osai.yaml';
  const start = performance.now();
  const client = await Client.start(kind, 'push', env);
  const initialized = performance.now() - start;
  try {
    await client.open(uri, text);
    const p = await client.waitFor((x) => x.uri === uri, `the first publication for ${uri}`);
    return { total: p.at - start, initialized };
  } finally {
    await client.stop();
  }
}

/**
 * Ours with its code cache (every start after the first), ours without it (the first start after an install or update),
 * yaml-language-server.
 */
export type Starts = Record<ServerKind | 'oursCold', { total: number[]; initialized: number[] }>;
/** Turns our code cache off (server/src/launch/compileCache.ts). */
export const NO_CODE_CACHE = { OSAI_COMPILE_CACHE: '0' };

export async function spawns(): Promise<Starts> {
  const text = manifest(100);
  const samples: Starts = {
    ours: { total: [], initialized: [] },
    oursCold: { total: [], initialized: [] },
    yls: { total: [], initialized: [] },
  };
  // warm-up: the files in the page cache, and our code cache written at its exit
  await spawnToDiagnostics('ours', text);
  await spawnToDiagnostics('yls', text);
  for (let i = 0; i < SPAWNS; i++) {
    for (const series of ['ours', 'oursCold', 'yls'] as const) {
      const { total, initialized } = await spawnToDiagnostics(
        series === 'yls' ? 'yls' : 'ours',
        text,
        series === 'oursCold' ? NO_CODE_CACHE : {},
      );
      samples[series].total.push(total);
      samples[series].initialized.push(initialized);
    }
  }
  return samples;
}
