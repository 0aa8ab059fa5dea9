/**
 * The language server's evidence: per open document, what the release's files showed the last
 * time they were read, collected in the background and never waited for by a keystroke. A
 * validation uses what is known (`evidenceFor`: the last collection, for the components that
 * are as they were); `refresh` reads again when the document's components changed or a file
 * they depend on did, and reports a document whose findings it changes (`changed`).
 */
import {
  evidenceConcerns,
  type Evidence,
  type EvidenceCache,
  type EvidenceHost,
  type LanguageService,
  type ParsedDocument,
} from './service';

/** File events are gathered this long: a checkout or an install changing many files re-reads once. */
export const FILE_EVENTS_COALESCE_MS = 50;

export interface EvidenceTrackerHost {
  /** The service for the document's settings (its evidence targets depend on them). */
  service(uri: string): LanguageService;
  /** Where the document's release is read from (undefined: nowhere, no evidence). */
  filesFor(uri: string): EvidenceHost | undefined;
  roots(): readonly string[];
  /** The parse of the document's current version (undefined: it is not open). */
  current(uri: string): ParsedDocument | undefined;
  /** A collection finished for the document: its findings may have changed. */
  changed(uri: string): void;
  log(message: string): void;
}

interface DocumentEvidence {
  /** What the collection depends on in the document (service.evidenceKey). */
  key: string;
  evidence: Evidence | undefined;
  /** Files changed since it was read. */
  stale: boolean;
  /** A collection under way, for this key; `dirty`: files changed while it read. */
  running?: { key: string; dirty: boolean };
}

export class EvidenceTracker {
  private readonly documents = new Map<string, DocumentEvidence>();
  /** What was read, by URI, size and modification time, shared by every document. */
  private readonly cache: EvidenceCache = new Map();
  private changedFiles: string[] = [];
  private fileTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: EvidenceTrackerHost) {}

  /** The evidence a validation of `parsed` uses now: the last collection's, for the components unchanged since. */
  evidenceFor(uri: string, parsed: ParsedDocument): Evidence | undefined {
    return this.host.service(uri).reuseEvidence(parsed, this.documents.get(uri)?.evidence);
  }

  /** Reads the document's evidence again if its components or their files changed since the last reading. */
  refresh(uri: string): void {
    const parsed = this.host.current(uri);
    const files = this.host.filesFor(uri);
    if (!parsed || !files) return;
    const key = this.host.service(uri).evidenceKey(parsed);
    const known = this.documents.get(uri);
    if (known?.running?.key === key) return; // the reading under way is for these components
    if (known && known.key === key && !known.stale) return;
    if (key === '') {
      this.documents.set(uri, { key, evidence: undefined, stale: false });
      return;
    }
    const running = { key, dirty: false };
    this.documents.set(uri, {
      key: known?.key ?? '',
      evidence: known?.evidence,
      stale: known?.stale ?? false,
      running,
    });
    void this.collect(uri, parsed, files, running);
  }

  private async collect(
    uri: string,
    parsed: ParsedDocument,
    files: EvidenceHost,
    running: { key: string; dirty: boolean },
  ): Promise<void> {
    let evidence: Evidence | undefined;
    try {
      evidence = await this.host
        .service(uri)
        .collectEvidence(parsed, files, { roots: this.host.roots(), cache: this.cache });
    } catch (error) {
      this.host.log(
        `osai: reading the release's files for ${uri} failed: ` +
          `${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    const state = this.documents.get(uri);
    if (state?.running !== running) return; // closed, or overtaken by a newer reading
    this.documents.set(uri, { key: running.key, evidence, stale: running.dirty });
    this.host.changed(uri);
    if (running.dirty) this.refresh(uri);
  }

  /** Files or folders were created, changed or deleted: the documents whose evidence they concern read again. */
  filesChanged(uris: readonly string[]): void {
    this.changedFiles.push(...uris);
    if (this.fileTimer === undefined)
      this.fileTimer = setTimeout(() => this.applyFileChanges(), FILE_EVENTS_COALESCE_MS);
  }

  private applyFileChanges(): void {
    this.fileTimer = undefined;
    const changed = this.changedFiles;
    this.changedFiles = [];
    for (const [uri, state] of this.documents) {
      // Before a first reading has finished, nothing tells which files matter: any change may.
      const concerned = state.evidence
        ? changed.some((file) => evidenceConcerns(state.evidence!, file))
        : state.running !== undefined;
      if (!concerned) continue;
      if (state.running) state.running.dirty = true;
      state.stale = true;
      this.refresh(uri);
    }
  }

  /** The document was closed. */
  forget(uri: string): void {
    this.documents.delete(uri);
  }

  /** Everything read so far may no longer hold (the workspace folders changed, evidence was turned off). */
  reset(): void {
    this.documents.clear();
    this.cache.clear();
  }

  dispose(): void {
    if (this.fileTimer !== undefined) clearTimeout(this.fileTimer);
  }
}
