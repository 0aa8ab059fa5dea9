/**
 * The online checks over the protocol (docs/online.md), against the built server and the
 * stand-in hosts (test/online/hosts.ts, serving in this process): whether typing waits for a
 * host — keystroke → publication with the checks off and on, the hosts answering, and one of
 * them never answering — and what opening costs until the hosts' findings are shown, with the
 * per-user cache of answers cold and warm.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeFetcher } from '../../server/src/host/nodeFetch';
import { ONLINE_QUIET_MS } from '../../server/src/onlineTracker';
import { getLanguageService, OnlineClient, onlineConfigFromEnv } from '../../server/src/service';
import { ROUTES, startHostServer, type HostServer } from '../../test/online/hosts';
import { Client, killAll, Publication, withTimeout } from './lspClient';
import { f as inProcessMs, machine, protocolMs as f } from './markdown';
import { median, p50, p95 } from './stats';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'online', 'osai.yaml');
const FIXTURE_URI = 'file:///bench/online/answering/osai.yaml';
const HANGING_URI = 'file:///bench/online/hanging/osai.yaml';
/** The fixture's weights, and the route standing for a Hub that never answers. */
const ANSWERED_WEIGHTS = 'https://huggingface.co/mismatch-org/nc-model';
const HANGING = ROUTES.hubSlowModel;

/** Rounds of three sessions: online off (typing), on with a fresh cache (typing), on again on that cache (opening). */
const ROUNDS = 5;
const KEYSTROKES = 20;
/** Keystrokes are typed this far apart: each is validated on its own, as when a person types. */
const INTERVAL_MS = 120;
/** Rounds of two sessions (on, off) typing in the manifest whose weights' host never answers. */
const HANGING_ROUNDS = 3;
const HANGING_KEYSTROKES = 10;
/** A pause longer than the quiet period: before each keystroke the hosts have been asked again, and one hangs. */
const HANGING_PAUSE_MS = ONLINE_QUIET_MS + 100;
/** After the publication awaited at open, before typing: nothing of the open is still pending. */
const SETTLE_MS = 300;
/** Hosts are never given up on within a session: a request held open ends only when the server cancels it. */
const HOST_TIMEOUT_MS = 600_000;
const WAIT_MS = 15_000;
/** In-process validations, alternating with and without the hosts' findings. */
const VALIDATIONS = 200;

const isOnline = (code: string | number | undefined) => /^(?:evidence|location|online)\//.test(String(code));
const onlineFindings = (p: Publication) => p.diagnostics.filter((d) => isOnline(d.code)).length;
const log = (line: string) => process.stderr.write(`  online: ${line}\n`);

interface SessionPlan {
  online: boolean;
  /** The per-user cache folder (XDG_CACHE_HOME): fresh for a cold cache, a previous session's for a warm one. */
  cache: string;
  uri: string;
  text: string;
  /** Wait for the publication with the hosts' findings after opening. */
  awaitFindings: boolean;
  keystrokes: number;
  /** From one keystroke's send to the next. */
  pauseMs: number;
  /** Send each keystroke while the hanging host holds a request. */
  whileHeld: boolean;
}

interface SessionResult {
  firstPublication: number;
  findingsPublication?: number;
  findings: number;
  /** Requests the stand-in received until the publication with the findings (or until typing). */
  requestsAtOpen: number;
  /** Requests the stand-in received while the document was typed in. */
  requestsWhileTyping: number;
  keystrokes: number[];
  /** The number of online findings each keystroke's publication carried, and of all its diagnostics. */
  keystrokeFindings: number[];
  keystrokeDiagnostics: number[];
  /** Keystrokes sent while the hanging host held a request; and held requests the server closed. */
  sentWhileHeld: number;
  heldClosed: number;
}

async function serverSession(hosts: HostServer, codeCache: string, plan: SessionPlan): Promise<SessionResult> {
  const client = await Client.start(
    'ours',
    'push',
    {
      HF_ENDPOINT: hosts.hubEndpoint,
      GITHUB_API_URL: hosts.githubApi,
      XDG_CACHE_HOME: plan.cache,
      OSAI_CACHE_DIR: codeCache,
      NO_PROXY: '127.0.0.1,localhost',
      no_proxy: '127.0.0.1,localhost',
      // No token of the machine's reaches the stand-in (GitHub's would answer "Bad credentials").
      HF_TOKEN: '',
      HUGGING_FACE_HUB_TOKEN: '',
      GITHUB_TOKEN: '',
      GH_TOKEN: '',
    },
    [],
    {
      initializationOptions: { online: { timeoutMs: HOST_TIMEOUT_MS } },
      settings: { online: { enable: plan.online } },
    },
  );
  let requests = 0;
  let heldClosed = 0;
  const stopCounting = hosts.onRequest(() => requests++);
  const stopClosed = hosts.onHeldClosed((path) => {
    if (path === HANGING.path) heldClosed++;
  });
  try {
    // The client's settings, pushed at start, are fetched again a moment later (SETTINGS_COALESCE_MS): open after.
    await sleep(100);
    const opened = performance.now();
    await client.open(plan.uri, plan.text);
    const first = await client.waitFor((p) => p.uri === plan.uri && p.version === 1, 'the first publication');
    let findings = 0;
    let findingsAt: number | undefined;
    if (plan.awaitFindings) {
      const published = await client.waitFor(
        (p) => p.uri === plan.uri && p.version === 1 && onlineFindings(p) > 0,
        "the publication with the hosts' findings",
        first.seq + 1,
        WAIT_MS,
      );
      findings = onlineFindings(published);
      findingsAt = published.at;
    }
    const requestsAtOpen = requests;
    const heldRequest = () =>
      hosts.hanging > 0
        ? Promise.resolve()
        : withTimeout(
            new Promise<void>((resolve) => {
              const stop = hosts.onRequest((r) => {
                if (r.path === HANGING.path) {
                  stop();
                  resolve();
                }
              });
            }),
            WAIT_MS,
            'the hanging host to be asked again',
          );
    if (plan.whileHeld) {
      await sleep(plan.pauseMs);
      await heldRequest();
    }
    // The open's work is over before typing: with a cold cache, that is taking in the other hosts' first answers.
    if (plan.keystrokes > 0) await sleep(SETTLE_MS);
    const keystrokes: number[] = [];
    const keystrokeFindings: number[] = [];
    const keystrokeDiagnostics: number[] = [];
    let sentWhileHeld = 0;
    let text = plan.text;
    for (let i = 0; i < plan.keystrokes; i++) {
      const version = i + 2;
      // A counter typed into the first line, a comment: the locations, and so what the hosts were asked, stay.
      text = text.replace(/^[^\n]*/, (line) => `${line.replace(/ \d+$/, '')} ${i}`);
      const seq = client.publications.length;
      if (hosts.hanging > 0) sentWhileHeld++;
      const sent = performance.now();
      await client.change(plan.uri, version, text);
      const published = await client.waitFor(
        (p) => p.uri === plan.uri && p.version === version,
        `the publication of version ${version}`,
        seq,
      );
      keystrokes.push(published.at - sent);
      keystrokeFindings.push(onlineFindings(published));
      keystrokeDiagnostics.push(published.diagnostics.length);
      await sleep(Math.max(0, sent + plan.pauseMs - performance.now()));
      if (plan.whileHeld && i < plan.keystrokes - 1) await heldRequest();
    }
    return {
      firstPublication: first.at - opened,
      findingsPublication: findingsAt === undefined ? undefined : findingsAt - opened,
      findings,
      requestsAtOpen,
      requestsWhileTyping: requests - requestsAtOpen,
      keystrokes,
      keystrokeFindings,
      keystrokeDiagnostics,
      sentWhileHeld,
      heldClosed,
    };
  } finally {
    stopCounting();
    stopClosed();
    await client.stop();
  }
}

/**
 * What a keystroke's validation does more with the checks on, in this process: the hosts' last answers matched to
 * the parse (`reuseOnline`) and validated with it, against validating without them.
 */
async function validationCosts(hosts: HostServer, text: string) {
  const service = getLanguageService();
  const parsed = service.parse(TextDocument.create(FIXTURE_URI, 'osai-manifest', 1, text));
  const client = new OnlineClient(
    nodeFetcher({ env: { NO_PROXY: '127.0.0.1,localhost' } }),
    onlineConfigFromEnv({ HF_ENDPOINT: hosts.hubEndpoint, GITHUB_API_URL: hosts.githubApi }),
  );
  const answered = await service.collectOnline(parsed, client);
  const withFindings: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < VALIDATIONS; i++) {
    let t = performance.now();
    service.doValidation(parsed, undefined, service.reuseOnline(parsed, answered));
    withFindings.push(performance.now() - t);
    t = performance.now();
    service.doValidation(parsed);
    without.push(performance.now() - t);
  }
  return { withFindings: median(withFindings), without: median(without) };
}

const check = (ok: boolean, what: string) => {
  if (!ok) throw new Error(`online bench: ${what}`);
};

/** Runs the online measurements and returns the Markdown section. */
export async function onlineSection(measured: string): Promise<string> {
  const text = readFileSync(FIXTURE, 'utf8');
  check(text.split(ANSWERED_WEIGHTS).length === 2, `the fixture names ${ANSWERED_WEIGHTS} once`);
  const hangingText = text.replace(ANSWERED_WEIGHTS, HANGING.location);
  const locations = (text.match(/\blocation: https?:\/\//g) ?? []).length;
  const hosts = await startHostServer();
  const scratch = mkdtempSync(join(tmpdir(), 'osai-bench-online-'));
  const codeCache = join(scratch, 'code-cache');
  let caches = 0;
  const freshCache = () => mkdtempSync(join(scratch, `cache-${caches++}-`));
  const cleanup = () => killAll();
  process.once('exit', cleanup);
  const started = performance.now();
  try {
    const answering = { uri: FIXTURE_URI, text, whileHeld: false };
    const typing = { keystrokes: KEYSTROKES, pauseMs: INTERVAL_MS };
    // Untimed: writes the server's code cache (shared by every session) and warms the stand-in.
    await serverSession(hosts, codeCache, {
      ...answering,
      online: true,
      cache: freshCache(),
      awaitFindings: true,
      keystrokes: 5,
      pauseMs: INTERVAL_MS,
    });
    const off: SessionResult[] = [];
    const cold: SessionResult[] = [];
    const warm: SessionResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      off.push(
        await serverSession(hosts, codeCache, {
          ...answering,
          ...typing,
          online: false,
          cache: freshCache(),
          awaitFindings: false,
        }),
      );
      const cache = freshCache();
      cold.push(
        await serverSession(hosts, codeCache, { ...answering, ...typing, online: true, cache, awaitFindings: true }),
      );
      warm.push(
        await serverSession(hosts, codeCache, {
          ...answering,
          online: true,
          cache,
          awaitFindings: true,
          keystrokes: 0,
          pauseMs: 0,
        }),
      );
      log(
        `round ${round + 1}: keystroke p50 off ${f(p50(off[round].keystrokes))} ms, on ` +
          `${f(p50(cold[round].keystrokes))} ms; open → findings cold ${f(cold[round].findingsPublication)} ms, ` +
          `warm ${f(warm[round].findingsPublication)} ms`,
      );
    }
    const hangingOn: SessionResult[] = [];
    const hangingOff: SessionResult[] = [];
    const hanging = { uri: HANGING_URI, text: hangingText, keystrokes: HANGING_KEYSTROKES, pauseMs: HANGING_PAUSE_MS };
    for (let round = 0; round < HANGING_ROUNDS; round++) {
      hangingOn.push(
        await serverSession(hosts, codeCache, {
          ...hanging,
          online: true,
          cache: freshCache(),
          awaitFindings: false,
          whileHeld: true,
        }),
      );
      hangingOff.push(
        await serverSession(hosts, codeCache, {
          ...hanging,
          online: false,
          cache: freshCache(),
          awaitFindings: false,
          whileHeld: false,
        }),
      );
      log(
        `a host never answering, round ${round + 1}: keystroke p50 on ${f(p50(hangingOn[round].keystrokes))} ms, ` +
          `off ${f(p50(hangingOff[round].keystrokes))} ms`,
      );
    }
    const validation = await validationCosts(hosts, text);
    const seconds = (performance.now() - started) / 1000;
    log(`done in ${seconds.toFixed(0)} s`);

    // What the measurements rely on, checked rather than assumed.
    const findings = cold[0].findings;
    check(findings > 0, 'the hosts gave findings');
    for (const s of [...cold, ...warm]) check(s.findings === findings, 'every session got the same findings');
    for (const s of cold) {
      check(
        s.keystrokeFindings.every((n) => n === findings),
        "each keystroke's publication kept the hosts' findings",
      );
      check(s.requestsWhileTyping === 0, 'a keystroke in a comment asked the hosts nothing again');
    }
    for (const s of [...off, ...hangingOff]) {
      check(s.requestsAtOpen + s.requestsWhileTyping === 0, 'with the checks off, nothing was asked');
      check(
        s.keystrokeFindings.every((n) => n === 0),
        'with the checks off, no online finding',
      );
    }
    const coldRequests = median(cold.map((s) => s.requestsAtOpen));
    for (const s of warm) check(s.requestsAtOpen === 0, 'a warm cache answered every location');
    const sentWhileHeld = hangingOn.reduce((sum, s) => sum + s.sentWhileHeld, 0);
    const heldClosed = hangingOn.reduce((sum, s) => sum + s.heldClosed, 0);
    const hangingKeystrokes = HANGING_ROUNDS * HANGING_KEYSTROKES;
    check(sentWhileHeld === hangingKeystrokes, `every keystroke found a request held (${sentWhileHeld})`);
    check(heldClosed === hangingKeystrokes, `the server closed each held request (${heldClosed})`);
    for (const s of hangingOn)
      check(
        s.keystrokeFindings.every((n) => n === 0),
        'no findings from a collection that hangs',
      );

    const all = (sessions: SessionResult[]) => sessions.flatMap((s) => s.keystrokes);
    const keystrokeRow = (label: string, offSamples: number[], onSamples: number[]) =>
      `| ${label} | ${f(p50(offSamples))} / ${f(p95(offSamples))} | ${f(p50(onSamples))} / ${f(p95(onSamples))} | ` +
      `${(p50(onSamples) / p50(offSamples)).toFixed(2)}× |`;
    const over = (sessions: SessionResult[], pick: (s: SessionResult) => number) => median(sessions.map(pick));
    const diagnostics = {
      on: median(cold.map((s) => s.keystrokeDiagnostics[0])),
      off: median(off.map((s) => s.keystrokeDiagnostics[0])),
    };
    const afterQuiet = (s: SessionResult) => s.findingsPublication! - s.firstPublication - ONLINE_QUIET_MS;
    return [
      '## Online checks: typing never waits for a host',
      '',
      `${measured} (this section alone: \`npm run bench -- --online\`). test/fixtures/online/osai.yaml ` +
        `(${locations} URL locations; the hosts give ${findings} findings) against the stand-in hosts ` +
        `(test/online/hosts.ts, an HTTP server in the bench's process, named by \`HF_ENDPOINT\` and ` +
        `\`GITHUB_API_URL\`).`,
      '',
      `Machine: ${machine()}`,
      '',
      '| keystroke → publication of that version | online off, p50 / p95 ms | online on, p50 / p95 ms | ' +
        'on ÷ off (p50) |',
      '|---|---:|---:|---:|',
      keystrokeRow(
        `the hosts answering, their findings shown (${ROUNDS} sessions each, ${KEYSTROKES} keystrokes ` +
          `${INTERVAL_MS} ms apart)`,
        all(off),
        all(cold),
      ),
      keystrokeRow(
        `the weights' host never answering: on, each keystroke sent while the server's request to it is ` +
          `held (${HANGING_ROUNDS} sessions each, ${HANGING_KEYSTROKES} keystrokes ${HANGING_PAUSE_MS} ms apart)`,
        all(hangingOff),
        all(hangingOn),
      ),
      '',
      `With the hosts' findings shown, a keystroke's publication carries ${diagnostics.on} diagnostics instead ` +
        `of ${diagnostics.off}, and its validation, in this process (median of ${VALIDATIONS}), takes ` +
        `${inProcessMs(validation.withFindings)} ms with the findings reused against ` +
        `${inProcessMs(validation.without)} ms without them.`,
      '',
      `| open → publication, ms (median of ${ROUNDS} sessions each) | online off | on, cold cache | ` +
        'on, warm cache |',
      '|---|---:|---:|---:|',
      `| first publication: the document's own findings | ${f(over(off, (s) => s.firstPublication))} | ` +
        `${f(over(cold, (s) => s.firstPublication))} | ${f(over(warm, (s) => s.firstPublication))} |`,
      `| the publication with the hosts' findings | – | ${f(over(cold, (s) => s.findingsPublication!))} | ` +
        `${f(over(warm, (s) => s.findingsPublication!))} |`,
      `| of which the quiet period before asking (\`ONLINE_QUIET_MS\`, by design) | – | ${ONLINE_QUIET_MS} | ` +
        `${ONLINE_QUIET_MS} |`,
      '| of which the rest, after the first publication and the quiet period: asking the hosts (or reading ' +
        `the cache), validating again | – | ${f(over(cold, afterQuiet))} | ${f(over(warm, afterQuiet))} |`,
      `| requests reaching the stand-in | 0 | ${coldRequests} | 0 |`,
      '',
      'A keystroke is validated and published without the hosts: with the checks on it shows what they ' +
        'last answered for the locations it did not change, and a keystroke that changes no location asks ' +
        'nothing again (checked: no request while typing). Where a host never answers, the server asks it ' +
        `again each time the document has been quiet for ${ONLINE_QUIET_MS} ms; every keystroke of the ` +
        `"on" sessions was sent while that request was held (checked: ${sentWhileHeld} of ${hangingKeystrokes}) ` +
        `and cancelled it (${heldClosed} held requests closed by the server). Typing starts once the open's ` +
        "work is over (the other hosts' first answers taken in). Opening publishes the document's own " +
        "findings first; the hosts' follow in a later publication of the same version, after the quiet " +
        'period. Cold: a fresh per-user cache (`XDG_CACHE_HOME`), every location asked of the stand-in; warm: ' +
        "a second server on that cache, which asks nothing. The warm rest is the server's own first-time " +
        'work (a CPU profile: above all the license index decoded for the first comparison, as in the evidence ' +
        "section's first collection, and the network code loaded on first use), so cold − warm is what asking " +
        'the stand-in cost; it answers at once on the loopback, the least a real host costs. Method: one ' +
        'server per session, push diagnostics, `online.enable` off or on in the settings, sessions ' +
        'alternating off and on; a keystroke is a full-text `didChange` typing a counter into the first ' +
        'line, a comment, timed from the send to the publication of that version; p50 and p95 are ' +
        'nearest-rank over every keystroke of the sessions.',
    ].join('\n');
  } finally {
    killAll();
    process.removeListener('exit', cleanup);
    await hosts.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
