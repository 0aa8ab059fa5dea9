/**
 * Keystroke → diagnostics, over the protocol: push and pull, typed in a short top-level entry
 * and in the largest; the transport alone; the same texts checked in this process; and
 * yaml-language-server on the same manifests (after checking that it applies our schema).
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';
import { Client, log, Publication } from './lspClient';
import { keystroke, manifest, Place } from './manifest';
import { n, protocolMs as f } from './markdown';
import { p50, p95 } from './stats';

/** Manifest sizes (lines) for keystroke → diagnostics; yaml-language-server runs the first three. */
export const KEYSTROKE_SIZES = [100, 1_000, 5_000, 10_000] as const;
const YLS_SIZES: readonly number[] = [100, 1_000, 5_000];
/** Keystrokes: a change every INTERVAL ms (or as soon as the previous answer came, if later). */
export const INTERVAL_MS = 250;
export const WARMUP = 10;
export const MEASURED = 20;

interface KeystrokeRun {
  samples: number[];
  diagnostics: number;
  changedDiagnostics: number;
  extraPublications: number;
}

/**
 * Opens a manifest, waits for its first diagnostics, then types: a full-text `didChange`
 * every INTERVAL_MS (after the previous answer), timed from just before the send to the
 * publication of that version (push; yaml-language-server: the first publication after the
 * send) or to the `textDocument/diagnostic` response (pull). `probe` replaces the pull by a
 * request the server does not know (answered at once): the transport floor.
 */
async function keystrokes(client: Client, lines: number, probe = false, place: Place = 'small'): Promise<KeystrokeRun> {
  const base = manifest(lines);
  const uri = `file:///bench/protocol/${lines}-lines${probe ? '-probe' : ''}-${place}.osai.yaml`;
  const from = client.publications.length;
  await client.open(uri, base);
  let diagnostics: number;
  if (client.mode === 'pull') {
    diagnostics = (
      await client.request<{ items: unknown[] }>(
        'textDocument/diagnostic',
        { textDocument: { uri } },
        `the first diagnostic report for ${uri}`,
      )
    ).items.length;
  } else {
    diagnostics = (await client.waitFor((p) => p.uri === uri, `the first publication for ${uri}`, from)).diagnostics
      .length;
  }
  await sleep(300); // past both servers' debounce: nothing of the open is still pending
  const samples: number[] = [];
  let changedDiagnostics = 0;
  const measuredFrom = client.publications.length;
  let version = 1;
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    version++;
    const text = keystroke(base, version, place);
    const seq = client.publications.length;
    const start = performance.now();
    void client.change(uri, version, text).catch(() => undefined);
    let ms: number;
    let count: number;
    if (probe) {
      await client.request('bench/noop', {}, 'the answer to an unknown request').catch((e: unknown) => {
        if (e instanceof Error && e.message.includes('timed out')) throw e; // MethodNotFound is the expected answer
      });
      ms = performance.now() - start;
      count = diagnostics;
    } else if (client.mode === 'pull') {
      const report = await client.request<{ items: unknown[] }>(
        'textDocument/diagnostic',
        { textDocument: { uri } },
        `the diagnostic report for ${uri} version ${version}`,
      );
      ms = performance.now() - start;
      count = report.items.length;
    } else {
      const versioned = client.kind === 'ours';
      const p = await client.waitFor(
        (x) => x.uri === uri && (!versioned || x.version === version),
        `the publication for ${uri}${versioned ? ` version ${version}` : ' after a change'}`,
        seq,
      );
      ms = p.at - start;
      count = p.diagnostics.length;
    }
    if (i >= WARMUP) samples.push(ms);
    if (count !== diagnostics) changedDiagnostics++;
    await sleep(Math.max(0, start + INTERVAL_MS - performance.now()));
  }
  await sleep(300);
  const extraPublications =
    client.mode === 'push' && !probe
      ? client.publications.slice(measuredFrom).filter((p) => p.uri === uri).length - (WARMUP + MEASURED)
      : 0;
  const closedAt = client.publications.length;
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  if (client.mode === 'push')
    await client
      .waitFor((p) => p.uri === uri, `the clearing publication after closing ${uri}`, closedAt)
      .catch(() => undefined);
  return { samples, diagnostics, changedDiagnostics, extraPublications };
}

/** The service alone, in this process: parse + validate of each keystroke's text (the compute in a round trip). */
function inProcess(lines: number): number {
  const service = getLanguageService();
  const base = manifest(lines);
  const samples: number[] = [];
  for (let k = 2; k < 2 + WARMUP + MEASURED; k++) {
    const document = TextDocument.create(
      'file:///bench/protocol/in-process.osai.yaml',
      'osai-manifest',
      k,
      keystroke(base, k),
    );
    const start = performance.now();
    service.doValidation(service.parse(document));
    if (k >= 2 + WARMUP) samples.push(performance.now() - start);
  }
  return p50(samples);
}

/** yaml-language-server must report a schema error, or the comparison is with a YAML parser, not a schema check. */
async function checkYlsSchema(client: Client): Promise<string> {
  const uri = 'file:///bench/protocol/schema-check.osai.yaml';
  const from = client.publications.length;
  await client.open(uri, `${manifest(100)}\nfoo: 1\n`);
  let p: Publication;
  try {
    p = await client.waitFor(
      (x) => x.uri === uri && x.diagnostics.some((d) => /\bfoo\b/.test(d.message)),
      `a diagnostic naming the unknown top-level key "foo" in ${uri}`,
      from,
      20_000,
    );
  } catch (error) {
    const seen = client.publications
      .slice(from)
      .filter((x) => x.uri === uri)
      .map((x) => x.diagnostics.map((d) => d.message).join(' | ') || '(none)');
    throw new Error(
      `protocol bench: yaml-language-server does not apply ` +
        `schemas/osai-manifest.schema.json to *.osai.yaml (publications seen: ` +
        `${seen.join(' ; ') || 'none'}): ` +
        `${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  return p.diagnostics.find((d) => /\bfoo\b/.test(d.message))!.message;
}

export interface Row {
  lines: number;
  push: number[];
  pull: number[];
  pushLarge: number[];
  pullLarge: number[];
  probe: number[];
  inProcess: number;
  yls?: number[];
}

export async function keystrokeRows(): Promise<{ rows: Row[]; notes: string[]; ylsMessage: string }> {
  const notes: string[] = [];
  const rows: Row[] = KEYSTROKE_SIZES.map((lines) => ({
    lines,
    push: [],
    pull: [],
    pushLarge: [],
    pullLarge: [],
    probe: [],
    inProcess: inProcess(lines),
  }));
  const note = (who: string, lines: number, run: KeystrokeRun) => {
    if (run.changedDiagnostics)
      notes.push(
        `${who}, ${n(lines)} lines: ${run.changedDiagnostics} of ${WARMUP + MEASURED} ` +
          `keystrokes changed the number of diagnostics (${run.diagnostics} at open)`,
      );
    if (run.extraPublications > 0)
      notes.push(`${who}, ${n(lines)} lines: ${run.extraPublications} publications more than keystrokes`);
    return run.samples;
  };
  for (const mode of ['push', 'pull'] as const) {
    const client = await Client.start('ours', mode);
    try {
      for (const row of rows) {
        row[mode] = note(`ours ${mode}`, row.lines, await keystrokes(client, row.lines));
        log(`ours ${mode}, ${n(row.lines)} lines: p50 ${f(p50(row[mode]))} ms, p95 ${f(p95(row[mode]))} ms`);
        const large = mode === 'push' ? 'pushLarge' : 'pullLarge';
        row[large] = note(
          `ours ${mode}, in the largest section`,
          row.lines,
          await keystrokes(client, row.lines, false, 'large'),
        );
        log(
          `ours ${mode}, ${n(row.lines)} lines, in the largest section: p50 ${f(p50(row[large]))} ` +
            `ms, p95 ${f(p95(row[large]))} ms`,
        );
        if (mode === 'pull') {
          row.probe = (await keystrokes(client, row.lines, true)).samples;
          log(`ours didChange + no-op request, ${n(row.lines)} lines: p50 ${f(p50(row.probe))} ms`);
        }
      }
    } finally {
      await client.stop();
    }
  }
  const yls = await Client.start('yls', 'push');
  let ylsMessage: string;
  try {
    ylsMessage = await checkYlsSchema(yls);
    log(`yaml-language-server applies the schema: "${ylsMessage}"`);
    for (const row of rows.filter((r) => YLS_SIZES.includes(r.lines))) {
      row.yls = note('yaml-language-server push', row.lines, await keystrokes(yls, row.lines));
      log(`yaml-language-server push, ${n(row.lines)} lines: p50 ${f(p50(row.yls))} ms, p95 ${f(p95(row.yls))} ms`);
    }
  } finally {
    await yls.stop();
  }
  return { rows, notes, ylsMessage };
}
