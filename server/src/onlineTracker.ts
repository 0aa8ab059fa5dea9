/**
 * The language server's online checks: per open document, what the hosts its locations name
 * answered the last time they were asked. Nothing is asked unless the user turned the checks
 * on for the document (or ran the command once); then the hosts are asked in the background,
 * after the document has been quiet a moment, never waited for by a keystroke. An edit cancels
 * the requests in flight; what was answered before holds for the locations that did not change.
 */
import type { LanguageService, OnlineClient, OnlineEvidence, ParsedDocument } from './service';

/** The document is this long without a change before its hosts are asked (typing a URL asks once, at the end). */
export const ONLINE_QUIET_MS = 400;

export interface OnlineTrackerHost {
  service(uri: string): LanguageService;
  /** The parse of the document's current version (undefined: it is not open). */
  current(uri: string): ParsedDocument | undefined;
  /** The client for the document's settings (undefined: this server cannot reach the network). */
  client(uri: string): OnlineClient | undefined;
  /** A collection finished for the document: its findings may have changed. */
  changed(uri: string): void;
  log(message: string): void;
}

interface Running {
  key: string;
  controller: AbortController;
  /** Settles when the collection has finished or was cancelled. */
  done: Promise<OnlineEvidence | undefined>;
}

interface DocumentOnline {
  /** What the last finished collection depended on (service.onlineKey). */
  key: string;
  online: OnlineEvidence | undefined;
  running?: Running;
  timer?: ReturnType<typeof setTimeout>;
  /** Asked once by the command while the setting is off: the answers hold, nothing is asked again. */
  once?: boolean;
}

export class OnlineTracker {
  private readonly documents = new Map<string, DocumentOnline>();

  constructor(private readonly host: OnlineTrackerHost) {}

  /** What a validation of `parsed` shows: the last answers, for the locations unchanged since. */
  onlineFor(uri: string, parsed: ParsedDocument): OnlineEvidence | undefined {
    return this.host.service(uri).reuseOnline(parsed, this.documents.get(uri)?.online);
  }

  /** After a validation: asks the hosts again, when the setting is on and the document's locations changed. */
  refresh(uri: string, enabled: boolean): void {
    if (!enabled) return;
    const parsed = this.host.current(uri);
    if (!parsed) return;
    const key = this.host.service(uri).onlineKey(parsed);
    const state = this.documents.get(uri) ?? { key: '', online: undefined };
    this.documents.set(uri, state);
    if (state.running?.key === key || state.timer !== undefined) return;
    if (state.key === key && (state.online !== undefined || key === '')) return;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (this.documents.get(uri) === state) void this.collect(uri, state);
    }, ONLINE_QUIET_MS);
  }

  /**
   * The command: asks now, whatever the setting, and waits for the answers; `signal` cancels. The request hands the
   * parse it analysed and its client (the document's settings may be asked again meanwhile).
   */
  async checkNow(
    uri: string,
    parsed: ParsedDocument,
    client: OnlineClient,
    signal?: AbortSignal,
  ): Promise<OnlineEvidence | undefined> {
    const state = this.documents.get(uri) ?? { key: '', online: undefined };
    this.documents.set(uri, state);
    state.once = true;
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = undefined;
    const running = this.collect(uri, state, { parsed, client });
    signal?.addEventListener('abort', () => state.running?.controller.abort(), { once: true });
    return running;
  }

  /** The document changed: the requests in flight are cancelled (the next validation asks again if needed). */
  documentChanged(uri: string): void {
    const state = this.documents.get(uri);
    if (!state) return;
    if (state.timer !== undefined) {
      clearTimeout(state.timer);
      state.timer = undefined;
    }
    if (state.running) {
      state.running.controller.abort();
      state.running = undefined;
    }
  }

  private collect(
    uri: string,
    state: DocumentOnline,
    given?: { parsed: ParsedDocument; client: OnlineClient },
  ): Promise<OnlineEvidence | undefined> {
    const parsed = given?.parsed ?? this.host.current(uri);
    const client = given?.client ?? this.host.client(uri);
    if (!parsed || !client) return Promise.resolve(undefined);
    const service = this.host.service(uri);
    const key = service.onlineKey(parsed);
    state.running?.controller.abort();
    const controller = new AbortController();
    const running: Running = { key, controller, done: Promise.resolve(undefined) };
    running.done = (async (): Promise<OnlineEvidence | undefined> => {
      let online: OnlineEvidence | undefined;
      try {
        online = await service.collectOnline(parsed, client, controller.signal);
      } catch (error) {
        this.host.log(
          `osai: the online checks of ${uri} failed: ` +
            `${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        return undefined;
      }
      // Closed, edited (cancelled) or overtaken by a newer collection: what it found is dropped.
      if (controller.signal.aborted || this.documents.get(uri) !== state || state.running !== running) return undefined;
      state.running = undefined;
      state.key = key;
      state.online = online;
      this.host.changed(uri);
      return online;
    })();
    state.running = running;
    return running.done;
  }

  /** Whether a collection is under way or waiting for the document to be quiet (tests, the command's progress). */
  busy(uri: string): boolean {
    const state = this.documents.get(uri);
    return !!state && (state.running !== undefined || state.timer !== undefined);
  }

  /** Whether the document shows online findings even with the setting off (the command ran). */
  askedOnce(uri: string): boolean {
    return this.documents.get(uri)?.once === true;
  }

  /** The document was closed, or its settings changed (the checks turned off): its answers go. */
  forget(uri: string): void {
    this.documentChanged(uri);
    this.documents.delete(uri);
  }

  reset(): void {
    for (const uri of [...this.documents.keys()]) this.forget(uri);
  }

  dispose(): void {
    this.reset();
  }
}
