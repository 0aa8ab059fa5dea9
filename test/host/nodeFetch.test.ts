/**
 * The Node fetcher against servers and proxies started here on 127.0.0.1: answers, redirects,
 * bounds, cancellation, failures and proxies. Each test waits for an outcome or an event (a
 * connection closed, a request seen), never for a time, and asserts no duration.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { nodeFetcher, proxyFor, type NodeFetchOptions } from '../../server/src/host/nodeFetch';
import type { FetchOptions, FetchOutcome } from '../../server/src/service/online/fetcher';
import { ROOT } from '../helpers';

const servers: net.Server[] = [];
after(() => {
  for (const server of servers) close(server);
});

/** Listens on 127.0.0.1 (a free port); every connection is kept, so that `close` can end them. */
async function listen<T extends net.Server>(server: T): Promise<{ server: T; port: number; origin: string }> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  (server as unknown as { sockets: Set<net.Socket> }).sockets = sockets;
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  return { server, port, origin: `http://127.0.0.1:${port}` };
}

function close(server: net.Server): void {
  for (const socket of (server as unknown as { sockets: Set<net.Socket> }).sockets) socket.destroy();
  server.close();
}

const serve = (handler: http.RequestListener) => listen(http.createServer(handler));

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** The machine's own proxy settings never reach a test: each gives its environment. */
const fetcher = (options: NodeFetchOptions = {}) => nodeFetcher({ env: {}, ...options });
const GET = (extra: Partial<FetchOptions> = {}): FetchOptions => ({
  method: 'GET',
  headers: {},
  maxBytes: 64 * 1024,
  ...extra,
});

function answerOf(outcome: FetchOutcome) {
  assert.equal(outcome.kind, 'answer', outcome.kind === 'failed' ? `${outcome.reason}: ${outcome.message}` : '');
  return outcome as Extract<FetchOutcome, { kind: 'answer' }>;
}
function failureOf(outcome: FetchOutcome) {
  assert.equal(outcome.kind, 'failed', 'an answer came');
  return outcome as Extract<FetchOutcome, { kind: 'failed' }>;
}

test('a plain answer: status, lower-case headers, text body; default User-Agent, Accept-Encoding', async () => {
  const seen: http.IncomingHttpHeaders[] = [];
  const { origin } = await serve((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Thing': 'é' });
    res.end('\ufeff{"id":"org/model","name":"café"}');
  });
  const outcome = answerOf(await fetcher().fetch(`${origin}/api/models/org/model`, GET()));
  assert.equal(outcome.url, `${origin}/api/models/org/model`);
  assert.equal(outcome.answer.status, 200);
  assert.equal(outcome.answer.headers['content-type'], 'application/json');
  assert.equal(outcome.answer.body, '{"id":"org/model","name":"café"}');
  assert.equal(seen[0]['user-agent'], 'osai-manifest');
  assert.equal(seen[0]['accept-encoding'], 'gzip, deflate, br');

  await fetcher().fetch(`${origin}/`, GET({ headers: { 'user-agent': 'mine/1.0', Accept: 'application/json' } }));
  assert.equal(seen[1]['user-agent'], 'mine/1.0');
  assert.equal(seen[1].accept, 'application/json');
});

test('HEAD: the method is sent, and a large Content-Length with no body is an answer', async () => {
  const methods: string[] = [];
  const { origin } = await serve((req, res) => {
    methods.push(req.method ?? '');
    res.writeHead(200, { 'Content-Length': '5000000' });
    res.end();
  });
  const outcome = answerOf(await fetcher().fetch(`${origin}/file.bin`, { ...GET(), method: 'HEAD', maxBytes: 100 }));
  assert.deepEqual(methods, ['HEAD']);
  assert.equal(outcome.answer.body, '');
  assert.equal(outcome.answer.headers['content-length'], '5000000');
});

test('a status other than 2xx is an answer too', async () => {
  const { origin } = await serve((_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Repository not found');
  });
  const outcome = answerOf(await fetcher().fetch(`${origin}/missing`, GET()));
  assert.equal(outcome.answer.status, 404);
  assert.equal(outcome.answer.body, 'Repository not found');
});

test('a redirect chain of 3 hops (absolute and relative locations) ends at the final URL', async () => {
  const paths: string[] = [];
  const { origin } = await serve((req, res) => {
    paths.push(req.url ?? '');
    const next: Record<string, [number, string]> = {
      '/a': [301, '/b'],
      '/b': [302, 'c?x=1'],
      '/c?x=1': [307, `http://127.0.0.1:${(req.socket.address() as net.AddressInfo).port}/d`],
    };
    const hop = next[req.url ?? ''];
    if (hop) res.writeHead(hop[0], { Location: hop[1] }).end('moved');
    else res.end('arrived');
  });
  const outcome = answerOf(await fetcher().fetch(`${origin}/a`, GET()));
  assert.equal(outcome.url, `${origin}/d`);
  assert.equal(outcome.answer.body, 'arrived');
  assert.deepEqual(paths, ['/a', '/b', '/c?x=1', '/d']);
});

test('a redirect loop, and more redirects than allowed, fail with `redirects`', async () => {
  const { origin } = await serve((req, res) => {
    if (req.url === '/x') res.writeHead(302, { Location: '/y' }).end();
    else if (req.url === '/y') res.writeHead(302, { Location: '/x' }).end();
    else {
      const n = Number(req.url?.slice(1));
      res.writeHead(308, { Location: `/${n + 1}` }).end();
    }
  });
  const loop = failureOf(await fetcher().fetch(`${origin}/x`, GET()));
  assert.equal(loop.reason, 'redirects');
  assert.match(loop.message, /127\.0\.0\.1/);
  assert.equal(failureOf(await fetcher().fetch(`${origin}/1`, GET())).reason, 'redirects');
  assert.equal(failureOf(await fetcher({ maxRedirects: 0 }).fetch(`${origin}/1`, GET())).reason, 'redirects');
});

test('a redirect to another origin drops Authorization and Cookie; one within the origin keeps them', async () => {
  const other: http.IncomingHttpHeaders[] = [];
  const second = await serve((req, res) => {
    other.push(req.headers);
    res.end('other');
  });
  const same: http.IncomingHttpHeaders[] = [];
  const { origin } = await serve((req, res) => {
    if (req.url === '/start') return void res.writeHead(302, { Location: '/same' }).end();
    same.push(req.headers);
    res.writeHead(307, { Location: `${second.origin}/landed` }).end();
  });
  const headers = { Authorization: 'Bearer hf_SECRET', cookie: 'session=SECRET', 'X-Keep': 'yes' };
  const outcome = answerOf(await fetcher().fetch(`${origin}/start`, GET({ headers })));
  assert.equal(outcome.url, `${second.origin}/landed`);
  assert.equal(same[0].authorization, 'Bearer hf_SECRET');
  assert.equal(same[0].cookie, 'session=SECRET');
  assert.equal(other.length, 1);
  assert.equal(other[0].authorization, undefined);
  assert.equal(other[0].cookie, undefined);
  assert.equal(other[0]['x-keep'], 'yes');
});

test('a redirect to a scheme other than http: or https: is not followed', async () => {
  const { origin } = await serve((_req, res) => res.writeHead(301, { Location: 'file:///etc/passwd' }).end());
  const failure = failureOf(await fetcher().fetch(`${origin}/`, GET()));
  assert.equal(failure.reason, 'error');
  assert.match(failure.message, /file:/);
});

test('a body longer than maxBytes: `too-large`, and the server sees the connection closed', async () => {
  let closed: Promise<unknown> = Promise.resolve();
  const { origin } = await serve((_req, res) => {
    closed = once(res, 'close');
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  });
  const failure = failureOf(await fetcher().fetch(`${origin}/big`, GET({ maxBytes: 100_000 })));
  assert.equal(failure.reason, 'too-large');
  assert.match(failure.message, /127\.0\.0\.1:\d+ is larger than 100000 bytes/);
  await closed;
});

test('a declared Content-Length over maxBytes fails before the body is read', async () => {
  let closed: Promise<unknown> = Promise.resolve();
  const { origin } = await serve((_req, res) => {
    closed = once(res, 'close');
    res.writeHead(200, { 'Content-Length': String(10_000_000) });
    res.write('x');
  });
  assert.equal(failureOf(await fetcher().fetch(`${origin}/`, GET({ maxBytes: 1000 }))).reason, 'too-large');
  await closed;
});

test('gzip, deflate (with and without the zlib wrapper) and br bodies are decoded', async () => {
  const text = JSON.stringify({ cardData: { license: 'apache-2.0' }, pad: 'x'.repeat(5000) });
  const bodies: Record<string, [string, Buffer]> = {
    '/gzip': ['gzip', gzipSync(text)],
    '/deflate': ['deflate', deflateSync(text)],
    '/raw': ['deflate', deflateRawSync(text)],
    '/br': ['br', brotliCompressSync(text)],
  };
  const { origin } = await serve((req, res) => {
    const [encoding, body] = bodies[req.url ?? ''];
    res.writeHead(200, { 'Content-Encoding': encoding, 'Content-Length': String(body.length) }).end(body);
  });
  for (const path of Object.keys(bodies))
    assert.equal(answerOf(await fetcher().fetch(`${origin}${path}`, GET())).answer.body, text, path);
});

test('a gzip bomb (64 MiB of zeros in a small body) stops at maxBytes: `too-large`', async () => {
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
  assert.ok(bomb.length < 1024 * 1024);
  const { origin } = await serve((_req, res) => res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(bomb));
  const failure = failureOf(await fetcher().fetch(`${origin}/`, GET({ maxBytes: 1024 * 1024 })));
  assert.equal(failure.reason, 'too-large');
});

test('a corrupt gzip body is an error, not a crash', async () => {
  const { origin } = await serve((_req, res) => res.writeHead(200, { 'Content-Encoding': 'gzip' }).end('not gzip'));
  assert.equal(failureOf(await fetcher().fetch(`${origin}/`, GET())).reason, 'error');
});

test('a server that never answers: `timeout`, naming the host and not the query', async () => {
  let closed: Promise<unknown> = Promise.resolve();
  const { origin, port } = await serve((req) => {
    closed = once(req.socket, 'close');
  });
  const failure = failureOf(await fetcher({ timeoutMs: 200 }).fetch(`${origin}/slow?token=SECRET`, GET()));
  assert.equal(failure.reason, 'timeout');
  assert.match(failure.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
  assert.doesNotMatch(failure.message, /SECRET/);
  await closed;
});

test('the signal aborts a request in flight (`aborted`, the connection closed), and one aborted before', async () => {
  const controller = new AbortController();
  let closed: Promise<unknown> = Promise.resolve();
  const { origin } = await serve((req) => {
    closed = once(req.socket, 'close');
    controller.abort();
  });
  const failure = failureOf(await fetcher().fetch(`${origin}/`, GET({ signal: controller.signal })));
  assert.equal(failure.reason, 'aborted');
  await closed;
  const before = failureOf(await fetcher().fetch(`${origin}/`, GET({ signal: AbortSignal.abort() })));
  assert.equal(before.reason, 'aborted');
});

test('a closed port, and a name that does not resolve: `network`', async () => {
  const port = await closedPort();
  const refused = failureOf(await fetcher().fetch(`http://127.0.0.1:${port}/`, GET()));
  assert.equal(refused.reason, 'network');
  assert.match(refused.message, new RegExp(`127\\.0\\.0\\.1:${port}.*ECONNREFUSED`));
  // `.invalid` never resolves (RFC 2606): offline or not, the name is not found.
  const unknown = failureOf(await fetcher().fetch('http://osai-manifest.invalid/', GET()));
  assert.equal(unknown.reason, 'network');
});

test('a TLS failure is an `error` naming the host, without the query', async () => {
  // https to a plain HTTP server: the handshake cannot complete.
  const { port } = await serve((_req, res) => res.end('plain'));
  const failure = failureOf(await fetcher().fetch(`https://127.0.0.1:${port}/x?token=SECRET`, GET()));
  assert.equal(failure.reason, 'error');
  assert.match(failure.message, new RegExp(`secure connection to 127\\.0\\.0\\.1:${port}`));
  assert.doesNotMatch(failure.message, /SECRET/);
});

test('a URL that is not http: or https: is an error', async () => {
  assert.equal(failureOf(await fetcher().fetch('ftp://example.com/x', GET())).reason, 'error');
  assert.equal(failureOf(await fetcher().fetch('not a url', GET())).reason, 'error');
});

/**
 * A forward proxy: absolute-form requests for http, CONNECT tunnels for https. It records what it
 * is asked and the Proxy-Authorization it gets; `refuse` answers every CONNECT with that status.
 */
async function startProxy(refuse?: number) {
  const seen: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    authorizations.push(req.headers['proxy-authorization']);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request(req.url ?? '', { method: req.method, headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    authorizations.push(req.headers['proxy-authorization']);
    if (refuse) return void socket.end(`HTTP/1.1 ${refuse} Refused\r\nContent-Length: 0\r\n\r\n`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    socket.on('close', () => upstream.destroy());
  });
  const { port } = await listen(server);
  return { seen, authorizations, url: `http://127.0.0.1:${port}`, port };
}

test('HTTP_PROXY carries http requests in absolute form; NO_PROXY bypasses it', async () => {
  const { origin } = await serve((_req, res) => res.end('through'));
  const proxy = await startProxy();
  const proxied = answerOf(await fetcher({ env: { HTTP_PROXY: proxy.url } }).fetch(`${origin}/p?q=1`, GET()));
  assert.equal(proxied.answer.body, 'through');
  assert.deepEqual(proxy.seen, [`GET ${origin}/p?q=1`]);

  const bypassed = fetcher({ env: { http_proxy: proxy.url, NO_PROXY: 'example.com, 127.0.0.1' } });
  assert.equal(answerOf(await bypassed.fetch(`${origin}/direct`, GET())).answer.body, 'through');
  assert.deepEqual(proxy.seen, [`GET ${origin}/p?q=1`]);
});

test('HTTPS_PROXY tunnels https requests with CONNECT host:port (TLS end to end)', async () => {
  // The target speaks plain HTTP, so the TLS inside the tunnel fails: the tunnel is what is checked.
  const { port } = await serve((_req, res) => res.end('plain'));
  const proxy = await startProxy();
  const failure = failureOf(
    await fetcher({ env: { HTTPS_PROXY: proxy.url } }).fetch(`https://127.0.0.1:${port}/`, GET()),
  );
  assert.deepEqual(proxy.seen, [`CONNECT 127.0.0.1:${port}`]);
  assert.equal(failure.reason, 'error');
  assert.match(failure.message, new RegExp(`secure connection to 127\\.0\\.0\\.1:${port}`));
  // HTTPS_PROXY is not HTTP_PROXY: an http request goes direct.
  const direct = fetcher({ env: { HTTPS_PROXY: proxy.url } });
  assert.equal(answerOf(await direct.fetch(`http://127.0.0.1:${port}/`, GET())).answer.body, 'plain');
  assert.equal(proxy.seen.length, 1);
});

/** A self-signed certificate for 127.0.0.1, made with openssl, or undefined where there is none. */
function selfSigned(): { key: string; cert: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'osai-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '1'].concat([
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ]),
      { cwd: dir, stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tls = selfSigned();
test(
  'an https answer through the tunnel; an untrusted certificate is an error naming the host',
  { skip: !tls },
  async () => {
    const { port } = await listen(https.createServer(tls ?? {}, (_req, res) => res.end('secure')));
    const proxy = await startProxy();
    const env = { https_proxy: proxy.url };
    const url = `https://127.0.0.1:${port}/`;
    const trusted = answerOf(await fetcher({ env, strictSSL: false }).fetch(url, GET()));
    assert.equal(trusted.answer.body, 'secure');
    const untrusted = failureOf(await fetcher({ env }).fetch(url, GET()));
    assert.equal(untrusted.reason, 'error');
    assert.match(untrusted.message, new RegExp(`secure connection to 127\\.0\\.0\\.1:${port}.*certificate`));
    assert.deepEqual(proxy.seen, [`CONNECT 127.0.0.1:${port}`, `CONNECT 127.0.0.1:${port}`]);
  },
);

test('the `proxy` option replaces the environment; ALL_PROXY serves both schemes', async () => {
  const { origin } = await serve((_req, res) => res.end('ok'));
  const proxy = await startProxy();
  const dead = `http://127.0.0.1:${await closedPort()}`;
  answerOf(await fetcher({ env: { HTTP_PROXY: dead }, proxy: proxy.url }).fetch(`${origin}/option`, GET()));
  answerOf(await fetcher({ env: { ALL_PROXY: proxy.url } }).fetch(`${origin}/all`, GET()));
  assert.deepEqual(proxy.seen, [`GET ${origin}/option`, `GET ${origin}/all`]);
  // `noProxy` replaces NO_PROXY.
  answerOf(
    await fetcher({ env: { NO_PROXY: 'example.com' }, proxy: proxy.url, noProxy: '127.0.0.1' }).fetch(origin, GET()),
  );
  assert.equal(proxy.seen.length, 2);
});

test("a proxy's credentials reach the proxy and never a message", async () => {
  const dead = `http://alice:s3cr3t%21@127.0.0.1:${await closedPort()}`;
  const unreachable = failureOf(await fetcher({ proxy: dead }).fetch('https://huggingface.co/api/models/x', GET()));
  assert.equal(unreachable.reason, 'network');
  assert.match(unreachable.message, /huggingface\.co through the proxy http:\/\/127\.0\.0\.1:\d+/);
  assert.doesNotMatch(unreachable.message, /alice|s3cr3t/);

  const refusing = await startProxy(407);
  const withCredentials = refusing.url.replace('http://', 'http://alice:s3cr3t%21@');
  const refused = failureOf(await fetcher({ proxy: withCredentials }).fetch('https://huggingface.co/x?t=1', GET()));
  assert.equal(refused.reason, 'error');
  assert.match(refused.message, /asks for credentials \(407\) for huggingface\.co/);
  assert.doesNotMatch(refused.message, /alice|s3cr3t|t=1/);
  assert.deepEqual(refusing.authorizations, [`Basic ${Buffer.from('alice:s3cr3t!').toString('base64')}`]);

  const broken = failureOf(
    await fetcher({ proxy: 'http://alice:s3cr3t@[bad' }).fetch('https://huggingface.co/', GET()),
  );
  assert.equal(broken.reason, 'error');
  assert.doesNotMatch(broken.message, /alice|s3cr3t/);
});

test('proxyFor reads the variables and NO_PROXY as curl does', () => {
  const at = (url: string, env: NodeJS.ProcessEnv, extra: NodeFetchOptions = {}) =>
    proxyFor(new URL(url), { env, ...extra });
  const P = 'http://proxy:3128';
  assert.equal(at('https://huggingface.co/', { HTTPS_PROXY: P }), P);
  assert.equal(at('https://huggingface.co/', { https_proxy: P, HTTPS_PROXY: 'http://upper:1' }), P);
  assert.equal(at('https://huggingface.co/', { HTTP_PROXY: P }), undefined);
  assert.equal(at('http://huggingface.co/', { HTTP_PROXY: P }), P);
  assert.equal(at('http://huggingface.co/', { all_proxy: P }), P);
  assert.equal(at('https://huggingface.co/', { HTTPS_PROXY: 'proxy:3128' }), P, 'no scheme: http://');
  assert.equal(at('https://huggingface.co/', {}, { proxy: P }), P);
  assert.equal(at('https://huggingface.co/', {}), undefined);

  const exempt = (url: string, noProxy: string) =>
    at(url, { HTTPS_PROXY: P, HTTP_PROXY: P, NO_PROXY: noProxy }) === undefined;
  assert.ok(exempt('https://huggingface.co/', '*'));
  assert.ok(exempt('https://huggingface.co/', 'huggingface.co'));
  assert.ok(exempt('https://cdn-lfs.huggingface.co/', 'huggingface.co'), 'a name covers its subdomains');
  assert.ok(exempt('https://cdn-lfs.huggingface.co/', '.huggingface.co'));
  assert.ok(exempt('https://huggingface.co/', '.huggingface.co'), 'a leading dot covers the name itself');
  assert.ok(exempt('https://cdn-lfs.huggingface.co/', '*.huggingface.co'));
  assert.ok(exempt('https://HuggingFace.co./', 'huggingface.co'));
  assert.ok(!exempt('https://nothuggingface.co/', 'huggingface.co'));
  assert.ok(exempt('https://api.github.com/', 'example.com, ,api.github.com'));
  assert.ok(exempt('https://api.github.com/', 'example.com api.github.com'));
  assert.ok(exempt('https://api.github.com/', 'api.github.com:443'));
  assert.ok(!exempt('https://api.github.com/', 'api.github.com:8443'));
  assert.ok(exempt('http://intranet:8080/', 'intranet:8080'));
  assert.ok(exempt('http://10.1.2.3/', '10.0.0.0/8'));
  assert.ok(!exempt('http://11.1.2.3/', '10.0.0.0/8'));
  assert.ok(exempt('http://[::1]:8080/', '::1'));
  assert.ok(exempt('http://[::1]:8080/', '[::1]:8080'));
  assert.ok(exempt('http://127.0.0.1/', '127.0.0.1'));
  // Loopback is proxied unless listed, as curl does; `localhost` does not cover 127.0.0.1.
  assert.ok(!exempt('http://127.0.0.1/', ''));
  assert.ok(!exempt('http://127.0.0.1/', 'localhost'));
  assert.ok(exempt('http://localhost:3000/', 'localhost'));
  // `noProxy` replaces NO_PROXY, and applies to the `proxy` option too.
  assert.equal(at('https://huggingface.co/', { NO_PROXY: 'huggingface.co' }, { proxy: P }), undefined);
  assert.equal(at('https://huggingface.co/', { NO_PROXY: 'huggingface.co' }, { proxy: P, noProxy: 'x.org' }), P);
});

test(
  'the process exits by itself after fetches, direct, tunnelled, and timed out in a silent proxy',
  { timeout: 60_000 },
  async () => {
    const { origin } = await serve((_req, res) => res.end('ok'));
    const proxy = await startProxy();
    // A proxy that accepts connections and never answers a CONNECT.
    const silent = await listen(net.createServer(() => {}));
    const script = `
    const { nodeFetcher } = require(${JSON.stringify(join(ROOT, 'server/src/host/nodeFetch'))});
    const at = JSON.parse(process.env.OSAI_TEST_AT);
    const get = { method: 'GET', headers: {}, maxBytes: 1000 };
    (async () => {
      const direct = await nodeFetcher({ env: {} }).fetch(at.origin, get);
      const proxied = await nodeFetcher({ env: { HTTP_PROXY: at.proxy } }).fetch(at.origin, get);
      const silent = await nodeFetcher({ env: {}, proxy: at.silent, timeoutMs: 200 }).fetch(at.https, get);
      console.log(JSON.stringify([direct.kind, proxied.kind, silent.kind === 'failed' && silent.reason]));
    })();
  `;
    const at = {
      origin,
      proxy: proxy.url,
      silent: `http://127.0.0.1:${silent.port}`,
      https: 'https://huggingface.co/',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, OSAI_TEST_AT: JSON.stringify(at) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), ['answer', 'answer', 'timeout']);
  },
);
