/**
 * How the service reads a release's files: through a host it is given (Node's file system in
 * the server and the command line; `vscode.workspace.fs` through the client in VS Code for the
 * Web), never on its own. The collection is written once, as a generator that yields what it
 * needs to read; `runSync` answers from a synchronous host (the command line), `runAsync` from
 * one that answers later (the language server, the browser).
 */

export interface FileStat {
  kind: 'file' | 'directory';
  size: number;
  /** Modification time (ms): with the size, what a cache of what was read is keyed by. */
  mtime: number;
  /** The location is a symbolic link: followed only when its target is inside the root. */
  link?: boolean;
}

type MaybePromise<T> = T | Promise<T>;

/** Everything the evidence needs from the outside. URIs are `file:` (Node) or the workspace's own scheme. */
export interface EvidenceHost {
  stat(uri: string): MaybePromise<FileStat | undefined>;
  /** The names in a folder (undefined when it cannot be read). */
  readDirectory(uri: string): MaybePromise<readonly string[] | undefined>;
  /** The first `maxBytes` bytes of a file (undefined when it cannot be read). */
  readFile(uri: string, maxBytes: number): MaybePromise<Uint8Array | undefined>;
  /** Where a link leads (links resolved), for the inside-the-root check; undefined when unknown. */
  realUri?(uri: string): MaybePromise<string | undefined>;
}

export type HostRequest =
  /**
   * Let other work in (a keystroke's validation) before going on: the async runner waits a macrotask, the sync one does
   * not.
   */
  | { op: 'pause' }
  | { op: 'stat'; uri: string }
  | { op: 'list'; uri: string }
  | { op: 'read'; uri: string; maxBytes: number }
  | { op: 'real'; uri: string };

/** A collection step: yields requests, receives their answers, returns its result. */
export type Steps<T> = Generator<HostRequest, T, unknown>;

/** A macrotask: `setImmediate` in Node, a zero timeout in a web worker. */
const nextMacrotask =
  typeof setImmediate === 'function'
    ? () => new Promise<void>((resolve) => setImmediate(resolve))
    : () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function ask(host: EvidenceHost, request: HostRequest, sync: boolean): MaybePromise<unknown> {
  switch (request.op) {
    case 'pause':
      return sync ? undefined : nextMacrotask();
    case 'stat':
      return host.stat(request.uri);
    case 'list':
      return host.readDirectory(request.uri);
    case 'read':
      return host.readFile(request.uri, request.maxBytes);
    case 'real':
      return host.realUri ? host.realUri(request.uri) : undefined;
  }
}

/** Runs the steps against a synchronous host (one that returns promises is a programming error). */
export function runSync<T>(steps: Steps<T>, host: EvidenceHost): T {
  let next = steps.next();
  while (!next.done) {
    let answer: unknown;
    try {
      answer = ask(host, next.value, true);
      if (answer instanceof Promise) throw new Error('runSync needs a synchronous host');
    } catch {
      answer = undefined; // what cannot be read is not there
    }
    next = steps.next(answer);
  }
  return next.value;
}

export async function runAsync<T>(steps: Steps<T>, host: EvidenceHost): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    let answer: unknown;
    try {
      answer = await ask(host, next.value, false);
    } catch {
      answer = undefined;
    }
    next = steps.next(answer);
  }
  return next.value;
}

/** Typed requests for the steps (`yield*` them). */
export function* pause(): Steps<void> {
  yield { op: 'pause' };
}
export function* stat(uri: string): Steps<FileStat | undefined> {
  return (yield { op: 'stat', uri }) as FileStat | undefined;
}
export function* list(uri: string): Steps<readonly string[] | undefined> {
  return (yield { op: 'list', uri }) as readonly string[] | undefined;
}
export function* read(uri: string, maxBytes: number): Steps<Uint8Array | undefined> {
  return (yield { op: 'read', uri, maxBytes }) as Uint8Array | undefined;
}
export function* real(uri: string): Steps<string | undefined> {
  return (yield { op: 'real', uri }) as string | undefined;
}
