/**
 * The online checks' fetcher on Node (the server and the command line): node:http and node:https
 * rather than the global `fetch`, for the proxies users configure (HTTPS_PROXY, NO_PROXY, VS Code's
 * `http.proxy`) and for control of what leaves and what is kept: one deadline per fetch, a body
 * bounded before and after decompression, redirects followed a few times and never carrying a
 * token to another origin. Every failure is an outcome whose message names hosts, never a full
 * URL, a token or a proxy's credentials.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { FetchFailureReason, FetchOptions, FetchOutcome, OnlineFetcher } from '../service/online/fetcher';

export interface NodeFetchOptions {
  /** One deadline for a whole fetch, redirects included: connecting, the answer and its body. Default 10 s. */
  timeoutMs?: number;
  /** Redirects followed before the fetch fails with `redirects`. Default 5. */
  maxRedirects?: number;
  /** Where https_proxy, http_proxy, all_proxy and no_proxy are read (either case). Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** A proxy URL used instead of the environment's (VS Code's `http.proxy`); no_proxy still applies. */
  proxy?: string;
  /** Hosts never proxied, in no_proxy's syntax (VS Code's `http.noProxy`, comma-joined); replaces no_proxy. */
  noProxy?: string;
  /** Sent to the proxy as `Proxy-Authorization` (VS Code's `http.proxyAuthorization`). */
  proxyAuthorization?: string;
  /** Verify TLS certificates, the proxy's and the hosts' (VS Code's `http.proxyStrictSSL`). Default true. */
  strictSSL?: boolean;
}

type Failed = Extract<FetchOutcome, { kind: 'failed' }>;
const failed = (reason: FetchFailureReason, message: string): Failed => ({ kind: 'failed', reason, message });

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers that identify the user: never sent on to another origin. */
const CREDENTIALS = new Set(['authorization', 'cookie', 'proxy-authorization']);
/** Errors of a connection that could not be made or was cut: the machine or the host is offline. */
const NETWORK = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
  'EPIPE',
]);
/** Idle kept-alive sockets are closed after this; Node unrefs them meanwhile, so they never hold the process. */
const IDLE_MS = 5_000;

interface Config {
  timeoutMs: number;
  maxRedirects: number;
  strictSSL: boolean;
  options: NodeFetchOptions;
  direct: { http: http.Agent; https: https.Agent };
}

export function nodeFetcher(options: NodeFetchOptions = {}): OnlineFetcher {
  const strictSSL = options.strictSSL ?? true;
  const config: Config = {
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRedirects: options.maxRedirects ?? 5,
    strictSSL,
    options,
    direct: {
      http: new http.Agent({ keepAlive: true, timeout: IDLE_MS }),
      https: new https.Agent({ keepAlive: true, timeout: IDLE_MS, rejectUnauthorized: strictSSL }),
    },
  };
  return {
    async fetch(url, fetchOptions) {
      try {
        return await run(url, fetchOptions, config);
      } catch {
        return failed('error', `the request to ${hostOf(url)} failed unexpectedly`);
      }
    },
  };
}

/** What one fetch shares across its hops: the request in flight, and what ends its connections. */
interface State {
  host: string;
  current?: http.ClientRequest;
  /** Aborted when the fetch ends, times out or is cancelled: a proxy connection still being made is closed. */
  ends: AbortController;
}

function run(url: string, options: FetchOptions, config: Config): Promise<FetchOutcome> {
  let start: URL;
  try {
    start = new URL(url);
  } catch {
    return Promise.resolve(failed('error', 'not an http: or https: address'));
  }
  if (start.protocol !== 'http:' && start.protocol !== 'https:')
    return Promise.resolve(failed('error', `only http: and https: addresses are fetched, not ${start.protocol}`));
  start.hash = '';
  if (options.signal?.aborted) return Promise.resolve(failed('aborted', `the request to ${start.host} was cancelled`));

  const state: State = { host: start.host, ends: new AbortController() };
  let timer: NodeJS.Timeout | undefined;
  let onAbort = (): void => {};
  const stopped = new Promise<Failed>((resolve) => {
    const stop = (outcome: Failed): void => {
      state.ends.abort();
      state.current?.destroy();
      resolve(outcome);
    };
    timer = setTimeout(
      () => stop(failed('timeout', `${state.host} did not answer within ${duration(config.timeoutMs)}`)),
      config.timeoutMs,
    );
    onAbort = () => stop(failed('aborted', `the request to ${state.host} was cancelled`));
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([follow(start, options, config, state), stopped]).finally(() => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    state.ends.abort();
  });
}

interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string>;
}

async function follow(start: URL, options: FetchOptions, config: Config, state: State): Promise<FetchOutcome> {
  let hop: Hop = { url: start, method: options.method, headers: requestHeaders(options.headers) };
  const seen = new Set([start.href]);
  let redirects = 0;
  let retried = false;
  for (;;) {
    // Stopped (timeout, cancel): the race has its outcome already; start nothing more.
    if (state.ends.signal.aborted) return failed('aborted', `the request to ${state.host} was cancelled`);
    state.host = hop.url.host;
    const sent = await send(hop, config, state, !retried);
    if (sent === 'retry') {
      retried = true;
      continue;
    }
    if (sent.kind === 'failed') return sent;
    const { request, response } = sent;
    const status = response.statusCode ?? 0;
    const location = REDIRECTS.has(status) ? response.headers.location : undefined;
    if (location === undefined) return read(response, request, hop, options.maxBytes);

    // A redirect's body is not wanted, and could be endless: its connection goes.
    request.destroy();
    const from = hop.url;
    let next: URL;
    try {
      next = new URL(location, from);
    } catch {
      return failed('error', `${from.host} redirected to an address that is not a URL`);
    }
    next.hash = '';
    if (next.protocol !== 'http:' && next.protocol !== 'https:')
      return failed('error', `${from.host} redirected to a ${next.protocol} address, which is not followed`);
    if (seen.has(next.href)) return failed('redirects', `${from.host} redirected in a loop`);
    if (++redirects > config.maxRedirects)
      return failed('redirects', `more than ${config.maxRedirects} redirects from ${start.host}`);
    seen.add(next.href);
    hop = {
      url: next,
      method: redirectMethod(status, hop.method),
      // Once dropped, credentials stay dropped, even if a later redirect comes back.
      headers: next.origin === from.origin ? hop.headers : withoutCredentials(hop.headers),
    };
    retried = false;
  }
}

/** The Fetch standard's rule: 303 makes anything but HEAD a GET; 301 and 302 make a POST one. */
function redirectMethod(status: number, method: string): string {
  if (status === 303 && method !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

function requestHeaders(given: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(given))
    if (name.toLowerCase() !== 'accept-encoding') headers[name] = value;
  // Only what the body is decoded from is asked for.
  headers['Accept-Encoding'] = 'gzip, deflate, br';
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent'))
    headers['User-Agent'] = 'osai-manifest';
  return headers;
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIALS.has(name.toLowerCase())));
}

type Sent = { kind: 'response'; request: http.ClientRequest; response: http.IncomingMessage } | Failed | 'retry';

function send(hop: Hop, config: Config, state: State, mayRetry: boolean): Promise<Sent> {
  return new Promise((resolve) => {
    const { url } = hop;
    let proxy: URL | undefined;
    try {
      const address = proxyFor(url, config.options);
      proxy = address === undefined ? undefined : new URL(address);
    } catch {
      // The setting is not echoed: it may hold a password.
      return resolve(failed('error', 'the proxy setting is not a URL'));
    }
    if (proxy && proxy.protocol !== 'http:' && proxy.protocol !== 'https:')
      return resolve(failed('error', `${proxy.protocol} proxies are not supported (${proxyName(proxy)})`));

    let request: http.ClientRequest;
    try {
      const agent = proxy ? proxyAgent(url, proxy, config, state.ends.signal) : config.direct[secure(url)];
      request = (url.protocol === 'https:' ? https : http).request(url, {
        method: hop.method,
        headers: hop.headers,
        agent,
        rejectUnauthorized: config.strictSSL,
      });
    } catch (error) {
      // Node refuses a header with a line break, a name that is not a token…: said by code, not by value.
      return resolve(failed('error', `the request to ${url.host} could not be made (${codeOf(error) ?? 'invalid'})`));
    }
    state.current = request;
    let tunnelled = false;
    request.on('proxyConnect', (connect: { statusCode: number }) => {
      if (connect.statusCode === 200) {
        tunnelled = true;
        return;
      }
      // The agent would hand the proxy's refusal on as the host's answer: it is the proxy's.
      request.destroy();
      const reason = connect.statusCode >= 502 && connect.statusCode <= 504 ? 'network' : 'error';
      const what = connect.statusCode === 407 ? 'asks for credentials' : 'refused';
      resolve(failed(reason, `the proxy ${proxyName(proxy)} ${what} (${connect.statusCode}) for ${url.host}`));
    });
    request.on('response', (response) => resolve({ kind: 'response', request, response }));
    request.on('error', (error) => {
      // A kept-alive connection the host had closed: the request never arrived, and is sent again once.
      if (mayRetry && request.reusedSocket && codeOf(error) === 'ECONNRESET') return resolve('retry');
      resolve(describe(error, hop, proxy, tunnelled));
    });
    request.end();
  });
}

const secure = (url: URL): 'http' | 'https' => (url.protocol === 'https:' ? 'https' : 'http');

/**
 * An agent for one request through a proxy: a CONNECT tunnel for https (TLS end to end), the
 * absolute-form request for http. Not kept alive; `ends` closes its proxy connection even while
 * the proxy has not answered, which the request's own destruction would not reach.
 */
function proxyAgent(target: URL, proxy: URL, config: Config, ends: AbortSignal): http.Agent {
  const authorization = config.options.proxyAuthorization;
  const options = {
    signal: ends,
    rejectUnauthorized: config.strictSSL,
    ...(authorization ? { headers: { 'Proxy-Authorization': authorization } } : {}),
  };
  const address = proxy.href as `http://${string}`;
  return target.protocol === 'https:' ? new HttpsProxyAgent(address, options) : new HttpProxyAgent(address, options);
}

function describe(error: unknown, hop: Hop, proxy: URL | undefined, tunnelled: boolean): Failed {
  const { url } = hop;
  const code = codeOf(error);
  const where = proxy ? `${url.host} through the proxy ${proxyName(proxy)}` : url.host;
  if (code !== undefined && NETWORK.has(code)) return failed('network', `cannot reach ${where} (${code})`);
  if (isTls(error, code)) {
    // Before the tunnel (or always, for http through an https proxy), TLS is the proxy's.
    const peer = proxy && (!tunnelled || url.protocol === 'http:') ? `the proxy ${proxyName(proxy)}` : url.host;
    return failed('error', `the secure connection to ${peer} failed (${code ?? 'TLS'}): ${tlsAdvice(code)}`);
  }
  const said = code ?? scrub(error instanceof Error ? error.message : String(error), hop, proxy);
  return failed('error', `the request to ${where} failed (${said})`);
}

function isTls(error: unknown, code: string | undefined): boolean {
  if ((error as { library?: unknown } | null)?.library === 'SSL routines') return true;
  return code !== undefined && /^ERR_(TLS|SSL)_|CERT|SELF_SIGNED|^UNABLE_TO_|^EPROTO$/.test(code);
}

function tlsAdvice(code: string | undefined): string {
  if (code === undefined) return 'the TLS handshake did not complete';
  if (/ALTNAME/.test(code)) return 'its certificate is for another name';
  if (/CERT|SELF_SIGNED|^UNABLE_TO_/.test(code))
    return 'its certificate is not trusted here (a proxy that inspects TLS needs its CA in NODE_EXTRA_CA_CERTS)';
  return 'the TLS handshake did not complete';
}

/** An error's code; Node's AggregateError (every address of a host refused) carries its parts'. */
function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; errors?: { code?: unknown }[] } | null;
  const code = e?.code ?? e?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A message from below, with anything the request carried that could be a secret taken out. */
function scrub(message: string, hop: Hop, proxy: URL | undefined): string {
  const secrets = [hop.url.href, hop.url.search, hop.url.username, hop.url.password, ...Object.values(hop.headers)];
  if (proxy) secrets.push(proxy.href, proxy.username, proxy.password, decode(proxy.username), decode(proxy.password));
  let text = message;
  for (const secret of secrets) if (secret.length >= 4) text = text.split(secret).join('…');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A proxy as messages name it: scheme, host and port, never its credentials. */
const proxyName = (proxy: URL | undefined): string => (proxy ? `${proxy.protocol}//${proxy.host}` : '');

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the host';
  }
}

const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${ms / 1000} s`);

/** The body, bounded as it arrives (never more than maxBytes and one chunk held), then decoded. */
function read(response: http.IncomingMessage, request: http.ClientRequest, hop: Hop, maxBytes: number) {
  const { url } = hop;
  return new Promise<FetchOutcome>((resolve) => {
    const tooLarge = failed('too-large', `the answer from ${url.host} is larger than ${maxBytes} bytes`);
    // A HEAD answer's Content-Length is the GET's; it has no body.
    if (hop.method !== 'HEAD' && Number(response.headers['content-length']) > maxBytes) {
      request.destroy();
      return resolve(tooLarge);
    }
    const chunks: Buffer[] = [];
    let length = 0;
    response.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= maxBytes) return void chunks.push(chunk);
      request.destroy();
      resolve(tooLarge);
    });
    response.on('end', () => {
      const encoding = response.headers['content-encoding'];
      decompress(Buffer.concat(chunks, length), encoding, maxBytes, url.host).then((body) =>
        resolve(
          Buffer.isBuffer(body)
            ? {
                kind: 'answer',
                url: url.href,
                answer: {
                  status: response.statusCode ?? 0,
                  headers: answerHeaders(response),
                  body: new TextDecoder().decode(body),
                },
              }
            : body,
        ),
      );
    });
    response.on('error', (error) =>
      resolve(failed('network', `the connection to ${url.host} broke (${codeOf(error) ?? 'closed'})`)),
    );
    response.on('close', () => {
      if (!response.complete)
        resolve(failed('network', `the connection to ${url.host} closed before the answer ended`));
    });
  });
}

function answerHeaders(response: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

type Inflate = (data: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>;
const GUNZIP = promisify(gunzip) as Inflate;
const INFLATE = promisify(inflate) as Inflate;
const INFLATE_RAW = promisify(inflateRaw) as Inflate;
const BROTLI = promisify(brotliDecompress) as Inflate;

/**
 * The decompressed body, or a failure. zlib stops at `maxOutputLength` and frees what it made, so a
 * small body that inflates to gigabytes (a zip bomb) costs at most maxBytes.
 */
async function decompress(raw: Buffer, encoding: string | undefined, maxBytes: number, host: string) {
  const name = (encoding ?? '').trim().toLowerCase();
  if (raw.length === 0 || name === '' || name === 'identity') return raw;
  const inflater =
    name === 'gzip' || name === 'x-gzip'
      ? GUNZIP
      : name === 'br'
        ? BROTLI
        : name === 'deflate'
          ? zlibWrapped(raw)
            ? INFLATE
            : INFLATE_RAW // some servers send deflate without zlib's wrapper
          : undefined;
  if (!inflater) return failed('error', `${host} answered in an encoding that is not read (${name.slice(0, 40)})`);
  try {
    const body = await inflater(raw, { maxOutputLength: Math.max(1, maxBytes) });
    if (body.length <= maxBytes) return body;
  } catch (error) {
    if (codeOf(error) !== 'ERR_BUFFER_TOO_LARGE')
      return failed('error', `the answer from ${host} could not be decompressed (${name})`);
  }
  return failed('too-large', `the answer from ${host} is larger than ${maxBytes} bytes`);
}

const zlibWrapped = (raw: Buffer): boolean =>
  raw.length >= 2 && (raw[0] & 0x0f) === 8 && (raw[0] * 256 + raw[1]) % 31 === 0;

/**
 * The proxy for a URL, or undefined for a direct connection: `proxy` if given, else https_proxy or
 * http_proxy by the URL's scheme, else all_proxy (each in lower case, then upper case). A proxy
 * without a scheme is an http:// one, as curl reads it. no_proxy (or `noProxy`) exempts hosts as
 * curl reads it: `*`; a name, which also covers its subdomains, with or without a leading `.` or
 * `*.`; an IP address or CIDR range; any of them with `:port`. Loopback is no exception: as with
 * curl, 127.0.0.1 and localhost go through the proxy unless no_proxy lists them.
 */
export function proxyFor(
  url: URL,
  options: Pick<NodeFetchOptions, 'env' | 'proxy' | 'noProxy'> = {},
): string | undefined {
  const env = options.env ?? process.env;
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  if (exempt(url, options.noProxy ?? variable(env, 'no_proxy'))) return undefined;
  const proxy = options.proxy?.trim() || variable(env, `${scheme}_proxy`) || variable(env, 'all_proxy');
  if (!proxy) return undefined;
  return proxy.includes('://') ? proxy : `http://${proxy}`;
}

const variable = (env: NodeJS.ProcessEnv, name: string): string => (env[name] || env[name.toUpperCase()] || '').trim();

function exempt(url: URL, noProxy: string): boolean {
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const ip = isIP(host);
  for (const raw of noProxy.toLowerCase().split(/[\s,]+/)) {
    if (raw === '*') return true;
    const withPort = /^(\[[^\]]*\]|[^:]*):(\d+)$/.exec(raw);
    if (withPort && Number(withPort[2]) !== port) continue;
    const entry = (withPort ? withPort[1] : raw).replace(/^\[|\]$/g, '');
    if (ip) {
      if (inRange(host, ip, entry)) return true;
      continue;
    }
    const domain = entry.replace(/^\*?\./, '').replace(/\.$/, '');
    if (domain && (host === domain || host.endsWith(`.${domain}`))) return true;
  }
  return false;
}

function inRange(address: string, family: number, entry: string): boolean {
  const [network, bits] = entry.split('/');
  if (isIP(network) !== family) return false;
  const type = family === 6 ? 'ipv6' : 'ipv4';
  try {
    const list = new BlockList();
    if (bits === undefined) list.addAddress(network, type);
    else list.addSubnet(network, Number(bits), type);
    return list.check(address, type);
  } catch {
    return false;
  }
}
