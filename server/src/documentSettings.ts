/**
 * The settings of each open document. The `osaiManifest` settings are resource-scoped: in a
 * multi-root workspace each folder may give its own. A client that answers
 * `workspace/configuration` is asked with each document's URI as the scope, once per document
 * until a change is announced (then every open document is asked again, in one request). A
 * client that does not has the settings it gave at start, or pushed since, for every document.
 * A setting missing from an answer has its default: a client that drops a setting undoes it.
 */
import { defaultSettings, type ServiceSettings } from './service/settings';

/** The `osaiManifest` section as a client gives it (initialization options, answers, pushes). */
export interface ClientSettings {
  licenses?: { treatAsOpen?: unknown };
  maxFileSize?: unknown;
  mof?: { enable?: unknown };
  evidence?: { enable?: unknown };
  online?: { enable?: unknown; huggingFaceEndpoint?: unknown; githubApiUrl?: unknown };
}

/**
 * The service settings a client's section gives: each setting it lacks (or gives in the wrong
 * type) has its default. No section at all (a client that keeps nothing under `osaiManifest`,
 * as Neovim's and Helix's answer when the settings are in the initialization options) gives
 * `fallback`.
 */
export function settingsFrom(section: unknown, fallback: ServiceSettings): ServiceSettings {
  if (typeof section !== 'object' || section === null || Array.isArray(section)) return fallback;
  const s = section as ClientSettings;
  const list = s.licenses?.treatAsOpen;
  const size = s.maxFileSize;
  return {
    treatAsOpen: Array.isArray(list)
      ? list.filter((x): x is string => typeof x === 'string')
      : defaultSettings.treatAsOpen,
    maxFileSize: typeof size === 'number' && size > 0 ? size : defaultSettings.maxFileSize,
    mof: typeof s.mof?.enable === 'boolean' ? s.mof.enable : defaultSettings.mof,
    mofYamlSyntax: fallback.mofYamlSyntax,
    evidence: typeof s.evidence?.enable === 'boolean' ? s.evidence.enable : defaultSettings.evidence,
    online: typeof s.online?.enable === 'boolean' ? s.online.enable : defaultSettings.online,
    hubEndpoint: httpUrl(s.online?.huggingFaceEndpoint) ?? defaultSettings.hubEndpoint,
    githubApi: httpUrl(s.online?.githubApiUrl) ?? defaultSettings.githubApi,
  };
}

/** An http(s) URL setting; anything else is its default (the environment's, or the public host). */
function httpUrl(value: unknown): string | undefined {
  return typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value.trim()) ? value.trim() : undefined;
}

/** Settings objects are built in one key order (settingsFrom), so their JSON compares them. */
export const sameSettings = (a: ServiceSettings, b: ServiceSettings): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

export interface DocumentSettingsHost {
  /** Asks the client for `osaiManifest` in each scope: a document's URI, or undefined for the window's. */
  ask(scopes: ReadonlyArray<string | undefined>): Promise<unknown[]>;
  log(message: string): void;
}

/** What one asking of every scope brought; applied only if no newer change overtook it. */
export interface Answers {
  window: ServiceSettings;
  documents: ReadonlyMap<string, ServiceSettings>;
}

export class DocumentSettings {
  /** The client answers `workspace/configuration` (set once it can take requests). */
  perScope = false;
  /** What the client gave without being asked: the initialization options, or its last push. */
  private given: ServiceSettings = { ...defaultSettings };
  /** The window's settings (no scope): the ones warned about even before a document opens. */
  private window: ServiceSettings = this.given;
  private readonly scoped = new Map<string, ServiceSettings>();
  /** Questions under way, with the epoch each was asked in. */
  private readonly asking = new Map<string, { epoch: number; answer: Promise<ServiceSettings> }>();
  /** Counts the changes announced: an answer to a question asked before one may be stale. */
  private epoch = 0;

  constructor(private readonly host: DocumentSettingsHost) {}

  /** At `initialize`: the settings the client gave, and whether YAML syntax is reported by another extension. */
  initialize(section: unknown, mofYamlSyntax: boolean): void {
    this.given = settingsFrom(section, { ...defaultSettings, mofYamlSyntax });
    this.window = this.given;
  }

  /** Settings pushed by a client that is not asked: whether they change anything (then every document uses them). */
  push(section: unknown): boolean {
    const next = settingsFrom(section, { ...defaultSettings, mofYamlSyntax: this.given.mofYamlSyntax });
    if (sameSettings(next, this.given)) return false;
    this.given = next;
    this.window = next;
    return true;
  }

  /** The document's settings if known now (a client that is asked: once it has answered for the document). */
  known(uri: string): ServiceSettings | undefined {
    return this.perScope ? this.scoped.get(uri) : this.given;
  }

  /** The document's settings, asked of the client on first need (one question at a time per document). */
  of(uri: string): ServiceSettings | Promise<ServiceSettings> {
    const known = this.known(uri);
    if (known) return known;
    const asked = this.asking.get(uri);
    if (asked) return asked.answer;
    const question = {
      epoch: this.epoch,
      answer: this.askFor([uri]).then((answers) => {
        const settings = answers?.[0] ?? this.given;
        // Kept unless the document was closed or a change came meanwhile (the next asking covers it).
        if (this.asking.get(uri) === question) {
          this.asking.delete(uri);
          if (question.epoch === this.epoch) this.scoped.set(uri, settings);
        }
        return settings;
      }),
    };
    this.asking.set(uri, question);
    return question.answer;
  }

  /** A change was announced: what was asked before it may be stale. */
  changed(): void {
    this.epoch++;
  }

  /** Asks for the window's settings and each document's, in one request; undefined when the client failed to answer. */
  async askAll(uris: readonly string[]): Promise<Answers | undefined> {
    const answers = await this.askFor([undefined, ...uris]);
    if (!answers) return undefined;
    return { window: answers[0], documents: new Map(uris.map((uri, i) => [uri, answers[i + 1]])) };
  }

  /**
   * Applies what `askAll` brought to the documents still open: those whose settings changed (or
   * were not known: a validation may have used a stale answer), and whether the window's did. A
   * document still waiting for an answer asked since the last change is left to that answer. A
   * document's settings object stays the same while its settings do, so a validation can tell
   * whether it is still current.
   */
  apply(answers: Answers, isOpen: (uri: string) => boolean): { documents: string[]; window: boolean } {
    const window = !sameSettings(answers.window, this.window);
    if (window) this.window = answers.window;
    const documents: string[] = [];
    for (const [uri, next] of answers.documents) {
      if (!isOpen(uri) || this.asking.get(uri)?.epoch === this.epoch) continue;
      const before = this.scoped.get(uri);
      if (before && sameSettings(before, next)) continue;
      this.scoped.set(uri, next);
      documents.push(uri);
    }
    return { documents, window };
  }

  /** The document was closed. */
  forget(uri: string): void {
    this.scoped.delete(uri);
    this.asking.delete(uri);
  }

  /** Every settings object in use: the window's first, then each document's. */
  all(): ServiceSettings[] {
    return this.perScope ? [this.window, ...this.scoped.values()] : [this.given];
  }

  private async askFor(scopes: ReadonlyArray<string | undefined>): Promise<ServiceSettings[] | undefined> {
    let answers: unknown;
    try {
      answers = await this.host.ask(scopes);
    } catch (error) {
      this.host.log(`osai: reading settings failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const list = Array.isArray(answers) ? answers : [];
    return scopes.map((_, i) => settingsFrom(list[i], this.given));
  }
}
